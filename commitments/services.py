"""Every write that changes a commitment, a statement (a later letter's passage about one) or a
digest subscription. Each write to a commitment writes its timeline event in the same
transaction, so nothing changes without a trace.

Analysts' writes take the `version` their form was rendered with: a compare-and-swap UPDATE
claims the row, and a second analyst working from the same version gets `EditConflict`
instead of silently overwriting the first.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.contrib.auth.models import User as AuthUser
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
    LinkState,
    NumberSequence,
    Origin,
    Review,
    Statement,
    StatementKind,
    Status,
    Subscription,
    today,
)

# Who asks: request.user (an account, or AnonymousUser); None for the system itself.
User = AuthUser | AnonymousUser
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
    author = None if user is None or isinstance(user, AnonymousUser) else user
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


def _unflag(commitment: Commitment, user: User | None) -> None:
    """Clear the overdue flag with its NO_LONGER_OVERDUE event. The caller claimed the row
    (`_claim`), so the daily job cannot flag it in between; the key is the one the job's heal
    pass would use, so the two never both write it."""
    Commitment.objects.filter(pk=commitment.pk).update(overdue_flagged=False)
    commitment.overdue_flagged = False
    record_event(
        commitment,
        EventKind.NO_LONGER_OVERDUE,
        user=user,
        dedupe_key=f"no-longer-overdue:{commitment.pk}:{commitment.overdue_flag_count}",
    )


def _unflag_if_no_longer_overdue(commitment: Commitment, user: User | None) -> None:
    """A commitment fulfilled, withdrawn or given a later date stops being overdue, visibly."""
    if commitment.overdue_flagged and not commitment.is_overdue():
        _unflag(commitment, user)


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
    Commitment.objects.filter(pk=commitment.pk).update(review=Review.REJECTED)
    commitment.review = Review.REJECTED
    record_event(commitment, EventKind.REJECTED, user=user, note=reason)
    _unflag_if_no_longer_overdue(commitment, user)
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
    if letter is not None and letter.pk == commitment.letter_id:
        raise ValidationError(_("A commitment is not fulfilled by the letter that made it."))
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
    Commitment.objects.filter(pk=commitment.pk).update(status=new_status)
    commitment.status = new_status
    record_event(
        commitment, kind, user=user, old_status=old_status, new_status=new_status, **event_fields
    )
    _unflag_if_no_longer_overdue(commitment, user)
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
    return _change_status(
        commitment, None, None, status, _STATUS_EVENTS[Status(status)], **event_fields
    )


@transaction.atomic
def commitment_add_note(*, commitment: Commitment, user: User, note: str) -> Event:
    """Notes change nothing else, so they need no version check."""
    _require_reviewer(user)
    if not note.strip():
        raise ValidationError(_("A note cannot be empty."))
    event = record_event(commitment, EventKind.NOTE, user=user, note=note.strip())
    assert event is not None
    return event


# --- letters -----------------------------------------------------------------------------------


@transaction.atomic
def letter_withdraw(*, letter: Letter, user: User, reason: str = "") -> Letter:
    """A letter imported by mistake (a wrong file, another letter's copy) is withdrawn.

    Every commitment found in it leaves the lists as rejected, proposals and confirmed ones
    alike, each with its event naming the letter and the reason; links the letter proposed
    to earlier commitments are dropped with a note on their timelines, and a commitment it
    already fulfilled or referred to gets a note asking for a check. The letter itself stays,
    marked withdrawn, so importing the same file again recognises it and changes nothing.
    """
    _require_reviewer(user)
    letter = Letter.objects.select_for_update().get(pk=letter.pk)
    if letter.withdrawn_at is not None:
        raise ValidationError(_("“%(letter)s” is already withdrawn.") % {"letter": letter})
    note = _("The letter “%(letter)s” was withdrawn.") % {"letter": letter}
    if reason:
        note = f"{note} {reason}"
    for commitment in letter.commitments.exclude(review=Review.REJECTED).order_by("pk"):
        commitment = _claim(commitment, None)
        Commitment.objects.filter(pk=commitment.pk).update(review=Review.REJECTED)
        commitment.review = Review.REJECTED
        record_event(commitment, EventKind.REJECTED, user=user, letter=letter, note=note)
        _unflag_if_no_longer_overdue(commitment, user)
    statements = letter.statements.filter(commitment__isnull=False).select_related("commitment")
    for statement in statements:
        if statement.link_state == LinkState.PROPOSED:
            Statement.objects.filter(pk=statement.pk).update(link_state=LinkState.REJECTED)
            record_event(
                statement.commitment,  # type: ignore[arg-type]
                EventKind.NOTE,
                user=user,
                letter=letter,
                note=_("Proposed link to “%(letter)s” dropped: the letter was withdrawn.")
                % {"letter": letter},
            )
        elif statement.link_state == LinkState.CONFIRMED:
            record_event(
                statement.commitment,  # type: ignore[arg-type]
                EventKind.NOTE,
                user=user,
                letter=letter,
                note=_("“%(letter)s”, cited here, was withdrawn; check this commitment.")
                % {"letter": letter},
            )
    author = user if user is not None and user.is_authenticated else None
    letter.withdrawn_at = timezone.now()
    letter.withdrawn_by = author
    letter.withdrawn_reason = reason
    letter.save(update_fields=["withdrawn_at", "withdrawn_by", "withdrawn_reason"])
    return letter


# --- statements: passages of later letters that refer to or fulfil a commitment ---------------


def link_key(statement: Statement, commitment_id: int) -> str:
    return f"link:{statement.letter_id}:{statement.span_start}-{statement.span_end}:{commitment_id}"


def statement_record(
    *,
    letter: Letter,
    span: tuple[int, int],
    kind: str,
    quote: str,
    refers_to: str = "",
    rule: str = "",
    answers: str = "",
) -> Statement:
    """A passage the extractor found; re-extracting the same letter finds the same row."""
    statement, _created = Statement.objects.get_or_create(
        letter=letter,
        span_start=span[0],
        span_end=span[1],
        defaults=dict(kind=kind, quote=quote, refers_to=refers_to, rule=rule, answers=answers),
    )
    return statement


def statements_discard_unlinked(*, letter: Letter) -> None:
    """Before re-extraction: passages linked to nothing are the extractor's to find again."""
    letter.statements.filter(commitment__isnull=True).delete()


@transaction.atomic
def proposals_discard(*, pks: Iterable[int]) -> None:
    """Proposals the extractor no longer makes, which nobody acted on (the caller checked), go
    with their machine-written timeline; passages other letters linked to them are freed to be
    linked again."""
    pks = list(pks)
    Statement.objects.filter(commitment_id__in=pks).update(
        commitment=None, link_state=LinkState.UNLINKED, link_score=None
    )
    Commitment.objects.filter(pk__in=pks).delete()


@transaction.atomic
def statement_propose(*, statement: Statement, commitment: Commitment, score: float) -> None:
    """Attach a statement to a commitment as a proposal and put it on the timeline, once."""
    Statement.objects.filter(pk=statement.pk).update(
        commitment=commitment, link_score=round(score, 3), link_state=LinkState.PROPOSED
    )
    statement.commitment, statement.link_score = commitment, round(score, 3)
    statement.link_state = LinkState.PROPOSED
    kind = (
        EventKind.FULFILMENT_PROPOSED
        if statement.kind == StatementKind.FULFILMENT
        else EventKind.REFERENCED
    )
    record_event(
        commitment,
        kind,
        letter=statement.letter,
        note=statement.quote[:1000],
        dedupe_key=link_key(statement, commitment.pk),
    )


def _lock_proposal(statement: Statement) -> tuple[Statement, bool]:
    """The statement, locked for the decision, and whether it is still an open proposal (a
    second click, or a second analyst, finds it decided and changes nothing)."""
    statement = (
        Statement.objects.select_for_update(of=("self",))
        .select_related("letter", "commitment")
        .get(pk=statement.pk)
    )
    return (
        statement,
        statement.link_state == LinkState.PROPOSED and statement.commitment is not None,
    )


@transaction.atomic
def statement_confirm(*, statement: Statement, user: User) -> Statement:
    """The proposal is right. A confirmed fulfilment marks the commitment fulfilled, citing
    the letter; a confirmed reference only records the decision."""
    _require_reviewer(user)
    statement, open_proposal = _lock_proposal(statement)
    if not open_proposal:
        return statement
    commitment = statement.commitment
    assert commitment is not None
    if statement.kind == StatementKind.FULFILMENT and commitment.status != Status.FULFILLED:
        commitment_fulfil(
            commitment=commitment,
            user=user,
            version=None,
            letter=statement.letter,
            note=statement.quote[:1000],
        )
    else:
        record_event(
            commitment,
            EventKind.NOTE,
            user=user,
            letter=statement.letter,
            note=_("Reference in “%(letter)s” confirmed.") % {"letter": statement.letter},
        )
    statement.link_state = LinkState.CONFIRMED
    statement.save(update_fields=["link_state"])
    return statement


@transaction.atomic
def statement_reject(*, statement: Statement, user: User) -> Statement:
    """The proposal is wrong. The statement keeps the commitment it was wrongly linked to, so
    re-linking does not propose it again."""
    _require_reviewer(user)
    statement, open_proposal = _lock_proposal(statement)
    if not open_proposal:
        return statement
    assert statement.commitment is not None
    statement.link_state = LinkState.REJECTED
    statement.save(update_fields=["link_state"])
    record_event(
        statement.commitment,
        EventKind.NOTE,
        user=user,
        letter=statement.letter,
        note=_("Proposed link to “%(letter)s” rejected.") % {"letter": statement.letter},
    )
    return statement


# --- digest subscriptions --------------------------------------------------------------------


def subscription_create(*, user: User, query: str, language: str) -> Subscription:
    """A weekly digest of a saved filter, to the account's own address (never one typed in a
    form: that would let anyone subscribe a stranger)."""
    if isinstance(user, AnonymousUser):
        raise PermissionDenied(_("Log in to subscribe."))
    email = user.email
    if not email:
        raise ValidationError(
            _("Your account has no e-mail address; set one on your profile page, then subscribe.")
        )
    return Subscription.objects.create(user=user, email=email, query=query, language=language)


def subscription_set_paused(*, subscription: Subscription, paused: bool) -> Subscription:
    Subscription.objects.filter(pk=subscription.pk).update(paused=paused)
    subscription.paused = paused
    return subscription


def subscription_unsubscribe(*, subscription: Subscription) -> bool:
    """Stop the digest, keeping the row so the outbox still shows who got what. Returns
    whether this call unsubscribed it (a second click, or the mail client's one-click POST
    after the user's, changes nothing)."""
    now = timezone.now()
    done = Subscription.objects.filter(pk=subscription.pk, unsubscribed_at__isnull=True).update(
        unsubscribed_at=now
    )
    if done:
        subscription.unsubscribed_at = now
    return bool(done)
