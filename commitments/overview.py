"""The numbers on the home page: where the commitments of any filter of the list stand.

Every number comes with the list query that shows the same rows (`link`), so the overview and
the list cannot disagree: a test counts each link's list against its number.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import statistics
import time
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.core.cache import cache
from django.db import connection
from django.db.models import Aggregate, Count, F, FloatField, Q, QuerySet
from django.db.models.expressions import RawSQL
from django.db.models.functions import TruncQuarter
from django.db.models.signals import post_delete, post_save
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from .models import OPEN_STATUSES, Commitment, CommitmentQuerySet, Event, EventKind, Status

log = logging.getLogger(__name__)
QUARTERS_SHOWN = 8
MINISTRIES_SHOWN = 15


@dataclass(frozen=True)
class Figure:
    label: str | Promise
    value: int
    link: str


@dataclass
class MinistryRow:
    ministry: str
    open: Figure
    overdue: Figure
    kept_on_time: float | None  # share of those fulfilled in the last 12 months
    kept: Figure
    median_days_late: float | None


@dataclass
class Overview:
    headline: list[Figure]
    by_age: list[Figure]
    ministries: list[MinistryRow]
    quarters: list[tuple[str, Figure, Figure]]  # (label, made, kept)
    base_query: str = ""
    charts: dict = field(default_factory=dict)
    version: tuple = ()
    computed_at: dt.datetime | None = None
    stale: bool = False  # the data changed since; a worker is counting anew


class _Median(Aggregate):
    """PostgreSQL's percentile_cont(0.5): the median without fetching the rows."""

    function = "percentile_cont"
    template = "%(function)s(0.5) WITHIN GROUP (ORDER BY %(expressions)s)"
    output_field = FloatField()


def quarter_start(day: dt.date) -> dt.date:
    return dt.date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)


def _shift_quarters(start: dt.date, n: int) -> dt.date:
    months = start.year * 12 + start.month - 1 + 3 * n
    return dt.date(months // 12, months % 12 + 1, 1)


def fulfilled_between(queryset: QuerySet, start: dt.date, end: dt.date) -> QuerySet:
    """Fulfilled now, by a fulfilment recorded from start to end (inclusive): the list's
    `fulfilled` filter, and the overview's "kept" counts."""
    kept = Event.objects.filter(
        kind=EventKind.FULFILLED, at__date__gte=start, at__date__lte=end
    ).values("commitment_id")
    return queryset.filter(status=Status.FULFILLED, pk__in=kept)


# A computed overview is kept under its filter and day, with the data version it counted. While
# the data is unchanged it is served as it is; after a change the last one is served, marked
# with its time, while a worker counts anew (`refresh_overview_task`), since at a million rows
# counting takes seconds and the page must answer in well under 200 ms. The cache must be one
# all processes share for that (CACHE_URL, e.g. Redis, in production).
CACHE_SECONDS = 7 * 24 * 3600
REFRESH_LOCK_SECONDS = 300
_GENERATION_KEY = "commitments:overview:generation"


def _data_version() -> tuple:
    """What changes whenever the numbers may: every write to a commitment goes through
    services.py and writes an event; a new commitment has a new key; and any save or delete of
    either bumps a generation (`connect`)."""
    newest_event = Event.objects.order_by("-pk").values_list("pk", flat=True).first()
    newest = Commitment.objects.order_by("-pk").values_list("pk", flat=True).first()
    generation = cache.get(_GENERATION_KEY)
    if generation is None:  # a new start, never an old one again: the clock
        cache.add(_GENERATION_KEY, time.time_ns(), None)
        generation = cache.get(_GENERATION_KEY)
    return (newest_event, newest, generation)


def _cache_key(filtered: QuerySet, params: dict[str, list[str]], today: dt.date) -> str:
    sql, sql_params = filtered.query.sql_with_params()
    described = repr((sql, sql_params, sorted(params.items()), today))
    return "commitments:overview:" + hashlib.sha256(described.encode()).hexdigest()


def build_overview(
    filtered: CommitmentQuerySet,
    params: dict[str, list[str]],
    today: dt.date,
    *,
    refresh=None,
) -> Overview:
    """The overview of `filtered` (the list's FilterSet applied to `params`): counted now the
    first time, then from the cache. When the data has changed since, the cached one is
    returned with `stale` set and `refresh(params, today)` is called once per lock period to
    count anew elsewhere (a Celery task; without a broker it runs at once, and then the fresh
    one is returned)."""
    key = _cache_key(filtered, params, today)
    version = _data_version()
    cached = cache.get(key)
    if cached is not None and cached.version == version:
        return cached
    if cached is None or refresh is None:
        return refresh_overview(filtered, params, today, version=version)
    if cache.add(key + ":refreshing", 1, REFRESH_LOCK_SECONDS):
        try:
            refresh(params, today)
        except Exception:  # a broker that is down must not take the page with it
            log.exception("overview: could not queue the recount")
            cache.delete(key + ":refreshing")
        newer = cache.get(key)
        if newer is not None and newer.version == version:
            return newer
    cached.stale = True
    return cached


def refresh_overview(
    filtered: CommitmentQuerySet,
    params: dict[str, list[str]],
    today: dt.date,
    *,
    version: tuple | None = None,
) -> Overview:
    """Count the overview of `filtered` now and keep it for `build_overview`."""
    key = _cache_key(filtered, params, today)
    version = version or _data_version()
    overview = compute_overview(filtered, params, today)
    overview.version, overview.computed_at = version, timezone.now()
    cache.set(key, overview, CACHE_SECONDS)
    cache.delete(key + ":refreshing")
    return overview


def refresh_overview_for(params: dict[str, list[str]], today: dt.date) -> bool:
    """Count the overview of the list filtered by `params` anew if the data changed since it
    was last counted (the worker's side of `build_overview`); return whether it counted."""
    from django.http import QueryDict

    from .filters import filter_commitments

    query = QueryDict(mutable=True)
    for name, values in params.items():
        query.setlist(name, values)
    filterset = filter_commitments(query)
    if not filterset.is_valid():
        return False
    key = _cache_key(filterset.qs, params, today)
    version = _data_version()
    cached = cache.get(key)
    if cached is not None and cached.version == version:
        cache.delete(key + ":refreshing")
        return False
    refresh_overview(filterset.qs, params, today, version=version)
    return True


def _changed(sender, **kwargs) -> None:
    try:
        cache.incr(_GENERATION_KEY)
    except ValueError:  # not set yet, or evicted
        cache.set(_GENERATION_KEY, time.time_ns(), None)


def connect() -> None:
    for model, uid in ((Commitment, "commitment"), (Event, "event")):
        post_save.connect(_changed, sender=model, dispatch_uid=f"overview-{uid}-save")
        post_delete.connect(_changed, sender=model, dispatch_uid=f"overview-{uid}-delete")


def compute_overview(
    filtered: CommitmentQuerySet, params: dict[str, list[str]], today: dt.date
) -> Overview:
    """The overview of `filtered` (the list's FilterSet applied to `params`), counted now."""
    base = [(k, v) for k, values in params.items() for v in values if k not in ("cursor",)]

    def link(**extra: str | list[str]) -> str:
        pairs = [(k, v) for k, v in base if k not in extra]
        for key, value in extra.items():
            pairs += [(key, v) for v in value] if isinstance(value, list) else [(key, value)]
        return reverse("commitments:list") + "?" + urlencode(pairs)

    open_statuses = [str(s) for s in OPEN_STATUSES]
    q_start = quarter_start(today)
    q_end = _shift_quarters(q_start, 1) - dt.timedelta(days=1)
    soon = today + dt.timedelta(days=29)
    headline = [
        Figure(_("open"), filtered.open().count(), link(status=open_statuses)),
        Figure(_("overdue"), filtered.overdue(today).count(), link(overdue="true")),
        Figure(
            _("due in the next 30 days"),
            filtered.due_between(today, soon).count(),
            link(due_within="30"),
        ),
        Figure(
            _("fulfilled this quarter"),
            fulfilled_between(filtered, q_start, q_end).count(),
            link(fulfilled_after=q_start.isoformat(), fulfilled_before=q_end.isoformat()),
        ),
    ]

    def days_ago(n: int) -> dt.date:
        return today - dt.timedelta(days=n)

    ages = [
        (_("up to 30 days"), days_ago(30), days_ago(1)),
        (_("31–90 days"), days_ago(90), days_ago(31)),
        (_("91–365 days"), days_ago(365), days_ago(91)),
        (_("over a year"), None, days_ago(366)),
    ]
    overdue = filtered.overdue(today)
    age_counts = overdue.aggregate(
        **{
            f"b{i}": Count(
                "pk",
                filter=Q(due_date__lte=last) & (Q(due_date__gte=first) if first else Q()),
            )
            for i, (_label, first, last) in enumerate(ages)
        }
    )
    by_age = [
        Figure(
            label,
            age_counts[f"b{i}"],
            link(
                overdue="true",
                due_after=first.isoformat() if first else "",
                due_before=last.isoformat(),
            ),
        )
        for i, (label, first, last) in enumerate(ages)
    ]

    year_ago = today - dt.timedelta(days=365)
    kept_recently = Event.objects.filter(
        kind=EventKind.FULFILLED, at__date__gte=year_ago, at__date__lte=today
    ).values("commitment_id")
    rows = (
        filtered.exclude(ministry="")
        .values("ministry")
        .annotate(
            n_open=Count("pk", filter=Q(status__in=OPEN_STATUSES)),
            n_overdue=Count("pk", filter=Q(status__in=OPEN_STATUSES, due_date__lt=today)),
            n_kept=Count("pk", filter=Q(status=Status.FULFILLED, pk__in=kept_recently)),
        )
        .order_by("-n_overdue", "-n_open", "ministry")[:MINISTRIES_SHOWN]
    )
    rows = list(rows)  # type: ignore[assignment]
    on_time = _kept_on_time(filtered, [r["ministry"] for r in rows], year_ago, today)
    late = _median_days_late(overdue, [r["ministry"] for r in rows], today)
    ministries = [
        MinistryRow(
            ministry=r["ministry"],
            open=Figure(_("open"), r["n_open"], link(ministry=r["ministry"], status=open_statuses)),
            overdue=Figure(
                _("overdue"), r["n_overdue"], link(ministry=r["ministry"], overdue="true")
            ),
            kept=Figure(
                _("kept"),
                r["n_kept"],
                link(
                    ministry=r["ministry"],
                    fulfilled_after=year_ago.isoformat(),
                    fulfilled_before=today.isoformat(),
                ),
            ),
            kept_on_time=(on_time.get(r["ministry"], 0) / r["n_kept"]) if r["n_kept"] else None,
            median_days_late=late.get(r["ministry"]),
        )
        for r in rows
    ]

    first_quarter = _shift_quarters(q_start, -(QUARTERS_SHOWN - 1))
    made = dict(
        filtered.filter(made_on__gte=first_quarter, made_on__lte=q_end)
        .annotate(q=TruncQuarter("made_on"))
        .values_list("q")
        .annotate(n=Count("pk"))
        .values_list("q", "n")
    )
    # From the events' side: the window's fulfilments are a few thousand, while "every
    # fulfilled commitment of the filter" is a hash of 100,000s (1.4 s at a million rows).
    window = Event.objects.filter(kind=EventKind.FULFILLED, at__date__gte=first_quarter)
    kept_ids = set(
        filtered.filter(status=Status.FULFILLED, pk__in=window.values("commitment_id"))
        .order_by()
        .values_list("pk", flat=True)
    )
    kept_by_quarter: dict[dt.date, set[int]] = {}
    for commitment_id, at in window.order_by().values_list("commitment_id", "at").iterator():
        if commitment_id in kept_ids:
            kept_by_quarter.setdefault(quarter_start(at.date()), set()).add(commitment_id)
    quarters = []
    for i in range(QUARTERS_SHOWN):
        start = _shift_quarters(first_quarter, i)
        end = _shift_quarters(start, 1) - dt.timedelta(days=1)
        label = f"{start.year} K{(start.month - 1) // 3 + 1}"
        made_n = made.get(start, 0) or made.get(dt.datetime(start.year, start.month, 1), 0)
        quarters.append(
            (
                label,
                Figure(
                    _("made"),
                    made_n,
                    link(made_after=start.isoformat(), made_before=end.isoformat()),
                ),
                Figure(
                    _("kept"),
                    len(kept_by_quarter.get(start, ())),
                    link(fulfilled_after=start.isoformat(), fulfilled_before=end.isoformat()),
                ),
            )
        )
    result = Overview(headline, by_age, ministries, quarters, urlencode(base))
    result.charts = {
        "age": bar_chart([(f.label, f.value, f.link) for f in by_age]),  # type: ignore[misc]
        "quarters": grouped_chart(quarters),
    }
    return result


def _kept_on_time(filtered: QuerySet, ministries: list[str], start: dt.date, end: dt.date):
    """Per ministry: of those fulfilled from start to end, how many by their due date."""
    on_time = Event.objects.filter(
        kind=EventKind.FULFILLED, at__date__gte=start, at__date__lte=end
    ).filter(Q(commitment__due_date__isnull=True) | Q(at__date__lte=F("commitment__due_date")))
    return dict(
        filtered.filter(
            ministry__in=ministries,
            status=Status.FULFILLED,
            pk__in=on_time.values("commitment_id"),
        )
        .values_list("ministry")
        .annotate(n=Count("pk"))
        .values_list("ministry", "n")
    )


def _median_days_late(overdue: QuerySet, ministries: list[str], today: dt.date):
    """Per ministry: the median number of days its overdue commitments are past due."""
    if connection.vendor == "postgresql":
        late = _Median(RawSQL("(%s::date - due_date)", [today]))
        return {
            ministry: float(median)
            for ministry, median in overdue.filter(ministry__in=ministries)
            .values_list("ministry")
            .annotate(m=late)
            .values_list("ministry", "m")
        }
    days: dict[str, list[int]] = {}
    for ministry, due in overdue.filter(ministry__in=ministries).values_list(
        "ministry", "due_date"
    ):
        days.setdefault(ministry, []).append((today - due).days)
    return {m: float(statistics.median(v)) for m, v in days.items()}


# --- SVG charts -----------------------------------------------------------------------------

CHART_WIDTH, BAR_HEIGHT, BAR_GAP, LABEL_WIDTH = 560, 22, 8, 150


def bar_chart(bars: list[tuple[str, int, str]]) -> dict:
    """Horizontal bars as coordinates for the template (which draws and escapes them)."""
    top = max([value for _label, value, _link in bars] + [1])
    span = CHART_WIDTH - LABEL_WIDTH - 60
    rows = []
    for i, (label, value, link) in enumerate(bars):
        y = i * (BAR_HEIGHT + BAR_GAP)
        rows.append(
            {
                "label": label,
                "value": value,
                "link": link,
                "y": y,
                "text_y": round(y + BAR_HEIGHT * 0.7, 1),
                "width": round(span * value / top, 1),
                "value_x": LABEL_WIDTH + round(span * value / top, 1) + 6,
            }
        )
    height = len(bars) * (BAR_HEIGHT + BAR_GAP)
    return {"rows": rows, "width": CHART_WIDTH, "height": height, "label_width": LABEL_WIDTH}


def grouped_chart(quarters: list[tuple[str, Figure, Figure]]) -> dict:
    """Vertical pairs of bars (made, kept) per quarter."""
    top = max([max(m.value, k.value) for _l, m, k in quarters] + [1])
    plot_height, group_width = 160, CHART_WIDTH / max(len(quarters), 1)
    bar_width = group_width * 0.35
    groups = []
    for i, (label, made, kept) in enumerate(quarters):
        x = i * group_width + group_width * 0.1
        bars = []
        for j, (figure, css) in enumerate(((made, "made"), (kept, "kept"))):
            height = round(plot_height * figure.value / top, 1)
            bars.append(
                {
                    "x": round(x + j * bar_width, 1),
                    "y": round(plot_height - height, 1),
                    "height": height,
                    "width": round(bar_width - 2, 1),
                    "figure": figure,
                    "css": css,
                }
            )
        groups.append({"label": label, "label_x": round(x + bar_width, 1), "bars": bars})
    return {"groups": groups, "width": CHART_WIDTH, "height": plot_height + 24, "plot": plot_height}
