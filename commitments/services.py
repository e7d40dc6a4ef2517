"""Every write that changes a commitment. Each one writes its timeline event in the same
transaction, so nothing changes without a trace.

Analysts' writes take the `version` their form was rendered with: a compare-and-swap UPDATE
claims the row, and a second analyst working from the same version gets `EditConflict`
instead of silently overwriting the first.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import (
    Commitment,
    Event,
    EventKind,
    Kind,
    Letter,
    NumberSequence,
    Origin,
    Review,
    Status,
    today,
)

User = AbstractBaseUser | AnonymousUser
REVIEW_PERMISSION = "commitments.review_commitment"
EDITABLE_FIELDS = ("text", "actor", "ministry", "committee", "kind", "due_date", "deadline_phrase")


class EditConflict(Exception):
    """Someone else changed the commitment since the form was rendered."""


def can_review(user: User | None) -> bool:
    return bool(user and user.is_authenticated and user.has_perm(REVIEW_PERMISSION))


def _require_reviewer(user: User | None) -> None:
    if not can_review(user):
        raise PermissionDenied(_("Only analysts may change commitments."))


def record_event(
    commitment: Commitment,
    kind: str,
    *,
    user: User | None = None,
    dedupe_key: str | None = None,
    **fields: Any,
) -> Event | None:
    """Append one event to the timeline; with a dedupe_key, at most once ever.

    Returns None when an event with that key already exists.
    """
    author = user if user is not None and user.is_authenticated else None
    event = Event(commitment=commitment, kind=kind, user=author, dedupe_key=dedupe_key, **fields)
    if dedupe_key is None:
        event.save()
        return event
    try:
        # A savepoint, so a duplicate does not poison the caller's transaction.
        with transaction.atomic():
            event.save()
    except IntegrityError:
        if Event.objects.filter(dedupe_key=dedupe_key).exists():
            return None
        raise
    return event


def _claim(commitment: Commitment, version: int | None) -> Commitment:
    """Lock the commitment for this write, or raise EditConflict if the version is stale."""
    rows = Commitment.objects.filter(pk=commitment.pk)
    if version is not None:
        rows = rows.filter(version=version)
    if rows.update(version=F("version") + 1, updated_at=timezone.now()) != 1:
        raise EditConflict(
            _(
                "%(number)s was changed by someone else while you were editing it. "
                "Reload the page to see the current state, then try again."
            )
            % {"number": commitment.number}
        )
    commitment.refresh_from_db()
    return commitment


def _is_flagged_overdue(commitment: Commitment) -> bool:
    last = (
        commitment.events.filter(kind__in=[EventKind.OVERDUE, EventKind.NO_LONGER_OVERDUE])
        .order_by("-at", "-id")
        .values_list("kind", flat=True)
        .first()
    )
    return last == EventKind.OVERDUE


def _unflag_if_no_longer_overdue(commitment: Commitment, user: User | None) -> None:
    """A commitment fulfilled, withdrawn or given a later date stops being overdue, visibly."""
    if not commitment.is_overdue() and _is_flagged_overdue(commitment):
        record_event(commitment, EventKind.NO_LONGER_OVERDUE, user=user)


# --- numbering and creation ------------------------------------------------------------------


def next_number(year: int) -> str:
    """The next number of a year, e.g. TZ-2023-0042. The UPDATE locks the year's counter row
    until the caller's transaction ends, so concurrent importers take turns."""
    with transaction.atomic():
        if not NumberSequence.objects.filter(year=year).update(last=F("last") + 1):
            try:
                with transaction.atomic():
                    NumberSequence.objects.create(year=year, last=_highest_number(year) + 1)
            except IntegrityError:  # another importer created the row first
                NumberSequence.objects.filter(year=year).update(last=F("last") + 1)
        last = NumberSequence.objects.get(year=year).last
    return f"TZ-{year}-{last:04d}"


def _highest_number(year: int) -> int:
    """Where a year's counter starts: past any number already stored (data from before the
    counter existed, or imported with its number)."""
    prefix = f"TZ-{year}-"
    numbers = Commitment.objects.filter(number__startswith=prefix).values_list("number", flat=True)
    return max((int(n[len(prefix) :]) for n in numbers if n[len(prefix) :].isdigit()), default=0)


@transaction.atomic
def commitment_create(
    *,
    text: str,
    quote: str = "",
    letter: Letter | None = None,
    span: tuple[int, int] | None = None,
    actor: str = "",
    ministry: str = "",
    committee: str = "",
    made_to: str = "",
    kind: str = Kind.INFORM,
    deadline_phrase: str = "",
    due_date: dt.date | None = None,
    made_on: dt.date | None = None,
    status: str = Status.OPEN,
    review: str = Review.PROPOSED,
    origin: str = Origin.EXTRACTED,
    confidence: float | None = None,
    rule: str = "",
    register_number: str | None = None,
    register_status_seen: str = "",
    user: User | None = None,
) -> Commitment:
    """Create a commitment and its "made" event."""
    if span is not None and letter is not None:
        start, end = span
        if not (0 <= start < end <= len(letter.text)) or letter.text[start:end] != quote:
            raise ValidationError("the span does not hold the quote in the letter's text")
    made_on = made_on or (letter.date if letter else None) or today()
    fields = dict(
        letter=letter,
        quote=quote or text,
        span_start=span[0] if span else None,
        span_end=span[1] if span else None,
        text=text,
        actor=actor,
        ministry=ministry,
        committee=committee,
        made_to=made_to,
        kind=kind,
        deadline_phrase=deadline_phrase,
        due_date=due_date,
        made_on=made_on,
        status=status,
        review=review,
        origin=origin,
        confidence=confidence,
        rule=rule,
        register_number=register_number,
        register_status_seen=register_status_seen,
    )
    # Two importers may pick the same next number; the unique constraint decides, we retry.
    for _attempt in range(5):
        try:
            with transaction.atomic():
                commitment = Commitment.objects.create(number=next_number(made_on.year), **fields)
            break
        except IntegrityError:
            if (
                register_number
                and Commitment.objects.filter(register_number=register_number).exists()
            ):
                raise
    else:  # pragma: no cover - five collisions in a row means something else is wrong
        raise IntegrityError("could not allocate a commitment number")
    record_event(
        commitment,
        EventKind.MADE,
        user=user,
        letter=letter,
        new_status=status,
        at=timezone.make_aware(dt.datetime.combine(made_on, dt.time(12)))
        if made_on <= today()
        else timezone.now(),
    )
    return commitment


def revise_proposal(commitment: Commitment, proposal: dict[str, Any]) -> Commitment:
    """Re-extraction revises a proposal nobody acted on. It is a change like any other: the
    version moves (a form rendered before it gets a conflict) and the timeline says what."""
    diff = {
        name: [_as_text(getattr(commitment, name)), _as_text(value)]
        for name, value in proposal.items()
        if getattr(commitment, name) != value
    }
    if not diff:
        return commitment
    commitment = _claim(commitment, None)
    for name, (_old, _new) in diff.items():
        setattr(commitment, name, proposal[name])
    commitment.save(update_fields=[*diff, "updated_at"])
    # the score and the rule name are the machine's bookkeeping, not a change to the promise
    visible = {name: values for name, values in diff.items() if name not in ("confidence", "rule")}
    if visible:
        kind = (
            EventKind.DEADLINE_CHANGED
            if set(visible) <= {"due_date", "deadline_phrase"}
            else EventKind.EDITED
        )
        record_event(commitment, kind, changes=visible, note=_("Re-extracted from the letter."))
        _unflag_if_no_longer_overdue(commitment, None)
    return commitment


# --- analysts' actions -------------------------------------------------------------------------


@transaction.atomic
def commitment_confirm(*, commitment: Commitment, user: User, version: int | None) -> Commitment:
    _require_reviewer(user)
    if commitment.review == Review.CONFIRMED:
        raise ValidationError(_("%(number)s is already confirmed.") % {"number": commitment.number})
    commitment = _claim(commitment, version)
    Commitment.objects.filter(pk=commitment.pk).update(review=Review.CONFIRMED)
    commitment.review = Review.CONFIRMED
    record_event(commitment, EventKind.CONFIRMED, user=user)
    return commitment


@transaction.atomic
def commitment_reject(
    *, commitment: Commitment, user: User, version: int | None, reason: str = ""
) -> Commitment:
    """The extractor was wrong: this is not a commitment. It leaves the lists, not the database."""
    _require_reviewer(user)
    if commitment.review != Review.PROPOSED:
        raise ValidationError(
            _("Only a proposal can be rejected; %(number)s is %(review)s.")
            % {"number": commitment.number, "review": commitment.get_review_display()}
        )
    commitment = _claim(commitment, version)
    was_flagged = _is_flagged_overdue(commitment)
    Commitment.objects.filter(pk=commitment.pk).update(review=Review.REJECTED)
    commitment.review = Review.REJECTED
    record_event(commitment, EventKind.REJECTED, user=user, note=reason)
    if was_flagged:
        record_event(commitment, EventKind.NO_LONGER_OVERDUE, user=user)
    return commitment


@transaction.atomic
def commitment_edit(
    *, commitment: Commitment, user: User, version: int | None, reason: str, **changes: Any
) -> Commitment:
    """Change what was promised, by whom or by when; the reason goes on the timeline."""
    _require_reviewer(user)
    unknown = set(changes) - set(EDITABLE_FIELDS)
    if unknown:
        raise ValueError(f"not editable: {', '.join(sorted(unknown))}")
    if not reason.strip():
        raise ValidationError(_("Say why you change this commitment."))
    commitment = _claim(commitment, version)
    diff = {
        name: [_as_text(getattr(commitment, name)), _as_text(value)]
        for name, value in changes.items()
        if getattr(commitment, name) != value
    }
    if not diff:
        return commitment
    for name in diff:
        setattr(commitment, name, changes[name])
    commitment.edited = True
    commitment.save(update_fields=[*diff, "edited", "updated_at"])
    kind = (
        EventKind.DEADLINE_CHANGED
        if set(diff) <= {"due_date", "deadline_phrase"}
        else EventKind.EDITED
    )
    record_event(commitment, kind, user=user, note=reason, changes=diff)
    _unflag_if_no_longer_overdue(commitment, user)
    return commitment


def _as_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


@transaction.atomic
def commitment_fulfil(
    *,
    commitment: Commitment,
    user: User,
    version: int | None,
    partly: bool = False,
    letter: Letter | None = None,
    url: str = "",
    note: str = "",
) -> Commitment:
    """Mark (partly) fulfilled, citing the letter that did it, or a URL with a note."""
    _require_reviewer(user)
    if letter is None and not url:
        raise ValidationError(_("Cite the letter that fulfils it, or a URL."))
    if letter is None and not note.strip():
        raise ValidationError(_("Add a note saying what the URL shows."))
    new_status = Status.PARTLY_FULFILLED if partly else Status.FULFILLED
    return _change_status(
        commitment,
        user,
        version,
        new_status,
        EventKind.PARTLY_FULFILLED if partly else EventKind.FULFILLED,
        letter=letter,
        url=url,
        note=note,
    )


@transaction.atomic
def commitment_withdraw(
    *, commitment: Commitment, user: User, version: int | None, note: str = ""
) -> Commitment:
    _require_reviewer(user)
    return _change_status(
        commitment, user, version, Status.WITHDRAWN, EventKind.WITHDRAWN, note=note
    )


@transaction.atomic
def commitment_reopen(
    *, commitment: Commitment, user: User, version: int | None, note: str = ""
) -> Commitment:
    _require_reviewer(user)
    commitment = _change_status(
        commitment, user, version, Status.OPEN, EventKind.REOPENED, note=note
    )
    return commitment


def _change_status(
    commitment: Commitment,
    user: User | None,
    version: int | None,
    new_status: str,
    kind: str,
    **event_fields: Any,
) -> Commitment:
    commitment = _claim(commitment, version)
    old_status = commitment.status
    if old_status == new_status:
        raise ValidationError(
            _("%(number)s is already %(status)s.")
            % {"number": commitment.number, "status": commitment.get_status_display()}
        )
    was_flagged = _is_flagged_overdue(commitment)
    Commitment.objects.filter(pk=commitment.pk).update(status=new_status)
    commitment.status = new_status
    record_event(
        commitment, kind, user=user, old_status=old_status, new_status=new_status, **event_fields
    )
    if was_flagged and not commitment.is_overdue():
        record_event(commitment, EventKind.NO_LONGER_OVERDUE, user=user)
    return commitment


_STATUS_EVENTS = {
    Status.OPEN: EventKind.REOPENED,
    Status.PARTLY_FULFILLED: EventKind.PARTLY_FULFILLED,
    Status.FULFILLED: EventKind.FULFILLED,
    Status.WITHDRAWN: EventKind.WITHDRAWN,
}


@transaction.atomic
def commitment_follow_register(
    *, commitment: Commitment, word: str, status: str, **event_fields: Any
) -> Commitment:
    """A register import found this commitment's status word changed in the Kamer's register:
    follow it, with its event (citing the fulfilling letter where the register names one),
    unless ours already says the same. The register is not an analyst, so this needs no
    permission; it runs only when the register itself changed, never to undo a decision."""
    commitment = _claim(commitment, None)
    Commitment.objects.filter(pk=commitment.pk).update(register_status_seen=word[:40])
    commitment.register_status_seen = word[:40]
    if commitment.status == status:
        return commitment
    event_fields.setdefault("note", _("per the Kamer register: “%(word)s”") % {"word": word})
    return _change_status(commitment, None, None, status, _STATUS_EVENTS[status], **event_fields)


@transaction.atomic
def commitment_add_note(*, commitment: Commitment, user: User, note: str) -> Event:
    """Notes change nothing else, so they need no version check."""
    _require_reviewer(user)
    if not note.strip():
        raise ValidationError(_("A note cannot be empty."))
    event = record_event(commitment, EventKind.NOTE, user=user, note=note.strip())
    assert event is not None
    return event
