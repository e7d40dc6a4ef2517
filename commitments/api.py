"""A read-only JSON API over the same FilterSets as the pages, keyset-paginated.

django-ninja writes the OpenAPI 3 schema (`/api/schema`) and the documentation page
(`/api/docs`, its Swagger UI is shipped inside the package) from these type hints, which is
less code than writing the schema by hand and cannot drift from the views.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Literal

from django.http import HttpRequest, QueryDict
from django.shortcuts import get_object_or_404
from ninja import Field, NinjaAPI, Query, Schema
from ninja.errors import HttpError
from pydantic import BeforeValidator

from .filters import LetterFilter, filter_commitments
from .models import Commitment, Letter, Review, Statement
from .pagination import keyset_page

PAGE_SIZE = 50
MAX_ID = 2**63 - 1  # what the databases' bigint holds

api = NinjaAPI(
    title="Toezeggingen API",
    version="1",
    description=(
        "Commitments (toezeggingen) the government made to parliament, the letters they were "
        "made and kept in, and their timelines. Read-only; no login needed."
    ),
    urls_namespace="api",
    docs_url="/docs",
    openapi_url="/schema",
)


class EventOut(Schema):
    kind: str
    at: dt.datetime
    letter_id: int | None
    url: str
    note: str
    old_status: str
    new_status: str


class StatementOut(Schema):
    id: int
    letter_id: int
    kind: str
    quote: str
    refers_to: str
    commitment: str | None = Field(None, description="the number of the commitment it refers to")
    link_state: str


class CommitmentOut(Schema):
    number: str
    text: str
    quote: str
    actor: str
    ministry: str
    committee: str
    kind: str
    status: str
    register_status: str
    review: str
    deadline_phrase: str
    due_date: dt.date | None
    made_on: dt.date | None
    overdue: bool
    letter_id: int | None
    register_number: str | None
    confidence: float | None
    url: str


class CommitmentDetailOut(CommitmentOut):
    events: list[EventOut]
    statements: list[StatementOut]


class CommitmentPage(Schema):
    items: list[CommitmentOut]
    next_cursor: str | None = Field(None, description="pass as `cursor` for the next page")


class LetterOut(Schema):
    id: int
    title: str
    subject: str
    date: dt.date | None
    addressee: str
    kamerstuk: str
    ministry: str
    signatories: list[dict[str, str | None]]
    extraction_state: str
    url: str


class LetterDetailOut(LetterOut):
    text: str
    commitments: list[str]
    statements: list[StatementOut]


class LetterPage(Schema):
    items: list[LetterOut]
    next_cursor: str | None = None


def _iso_date_only(value: object) -> object:
    # Pydantic would also read "0" as 1 January 1970 (a Unix time); a date here is ISO.
    if isinstance(value, str) and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise ValueError("a date as YYYY-MM-DD")
    return value


IsoDate = Annotated[dt.date, BeforeValidator(_iso_date_only)]
StatusName = Literal["open", "partly_fulfilled", "fulfilled", "withdrawn"]
KindName = Literal["inform", "send_document", "action"]
ReviewName = Literal["proposed", "confirmed", "rejected"]
OrderName = Literal["due", "-due", "made", "-made", "number", "-number"]


class CommitmentQuery(Schema):
    q: str | None = Field(None, description="Dutch search, a number or a Kamerstuk")
    status: list[StatusName] | None = None
    overdue: bool | None = None
    due_within: int | None = Field(None, ge=1, le=3650)
    due_after: IsoDate | None = None
    due_before: IsoDate | None = None
    made_after: IsoDate | None = None
    made_before: IsoDate | None = None
    fulfilled_after: IsoDate | None = None
    fulfilled_before: IsoDate | None = None
    ministry: str | None = None
    actor: str | None = None
    committee: str | None = None
    kind: KindName | None = None
    review: ReviewName | None = None
    letter: int | None = Field(None, ge=1, le=MAX_ID)
    order: OrderName | None = None
    cursor: str | None = None


class LetterQuery(Schema):
    q: str | None = None
    date_after: IsoDate | None = None
    date_before: IsoDate | None = None
    ministry: str | None = None
    has_open: bool | None = None
    cursor: str | None = None


class ErrorOut(Schema):
    detail: str


class InvalidOut(Schema):
    """A parameter that does not fit the schema: where, and why."""

    detail: list[dict[str, Any]]


def _commitment(c: Commitment, request: HttpRequest) -> dict:
    return {
        **{name: getattr(c, name) for name in CommitmentOut.model_fields if hasattr(c, name)},
        "overdue": c.is_overdue(),
        "url": request.build_absolute_uri(c.get_absolute_url()),
    }


def _statement(s: Statement) -> dict:
    return {
        "id": s.pk,
        "letter_id": s.letter_id,
        "kind": s.kind,
        "quote": s.quote,
        "refers_to": s.refers_to,
        "commitment": s.commitment.number if s.commitment_id else None,  # type: ignore[union-attr]
        "link_state": s.link_state,
    }


def _letter(letter: Letter, request: HttpRequest) -> dict:
    return {
        **{name: getattr(letter, name) for name in LetterOut.model_fields if hasattr(letter, name)},
        "id": letter.pk,
        "signatories": [s for s in letter.signatories if isinstance(s, dict)],
        "url": request.build_absolute_uri(letter.get_absolute_url()),
    }


def _params(parsed: Schema) -> QueryDict:
    """The query as the list's FilterSet reads it, rebuilt from the values the schema parsed,
    so what the schema accepts the filters accept too."""
    params = QueryDict(mutable=True)
    for name, value in parsed.model_dump(exclude_none=True).items():
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, bool):
                item = "true" if item else "false"
            elif isinstance(item, dt.date):
                item = item.isoformat()
            params.appendlist(name, str(item).replace("\x00", ""))
    return params


@api.get(
    "/toezeggingen/",
    response={200: CommitmentPage, 400: ErrorOut, 422: InvalidOut},
    summary="Commitments, filtered as the list",
)
def list_commitments(request: HttpRequest, filters: Query[CommitmentQuery]):
    filterset = filter_commitments(_params(filters), Commitment.objects.all())
    if not filterset.is_valid():
        raise HttpError(400, filterset.errors.as_text())
    field, direction = filterset.ordering
    page = keyset_page(filterset.qs, field, direction, filters.cursor, PAGE_SIZE)
    return {
        "items": [_commitment(c, request) for c in page.rows],
        "next_cursor": page.next_cursor,
    }


@api.get(
    "/toezeggingen/{number}",
    response={200: CommitmentDetailOut, 404: ErrorOut, 422: InvalidOut},
    summary="One commitment with its timeline",
)
def get_commitment(request: HttpRequest, number: str):
    if "\x00" in number:
        raise HttpError(404, "Not Found")
    commitment = get_object_or_404(
        Commitment.objects.exclude(review=Review.REJECTED), number=number
    )
    return {
        **_commitment(commitment, request),
        "events": [
            {
                "kind": e.kind,
                "at": e.at,
                "letter_id": e.letter_id,
                "url": e.url,
                "note": e.note,
                "old_status": e.old_status,
                "new_status": e.new_status,
            }
            for e in commitment.events.order_by("at", "id")
        ],
        "statements": [_statement(s) for s in commitment.statements.select_related("commitment")],
    }


@api.get(
    "/brieven/",
    response={200: LetterPage, 400: ErrorOut, 422: InvalidOut},
    summary="Letters, newest first",
)
def list_letters(request: HttpRequest, filters: Query[LetterQuery]):
    filterset = LetterFilter(_params(filters), queryset=Letter.objects.defer("text"))
    if not filterset.is_valid():
        raise HttpError(400, filterset.errors.as_text())
    page = keyset_page(filterset.qs, "date", "desc", filters.cursor, PAGE_SIZE)
    return {"items": [_letter(x, request) for x in page.rows], "next_cursor": page.next_cursor}


@api.get(
    "/brieven/{letter_id}",
    response={200: LetterDetailOut, 404: ErrorOut, 422: InvalidOut},
    summary="One letter with its text, commitments and statements",
)
def get_letter(request: HttpRequest, letter_id: int):
    if not 1 <= letter_id <= MAX_ID:
        raise HttpError(404, "Not Found")
    letter = get_object_or_404(Letter, pk=letter_id)
    return {
        **_letter(letter, request),
        "text": letter.text,
        "commitments": list(
            letter.commitments.exclude(review=Review.REJECTED).values_list("number", flat=True)
        ),
        "statements": [_statement(s) for s in letter.statements.select_related("commitment")],
    }
