from __future__ import annotations

import datetime as dt
import hashlib

import factory
from django.contrib.auth import get_user_model

from commitments.models import Commitment, Event, EventKind, Letter


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    password = factory.django.Password("secret-pass")


class LetterFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Letter

    text = factory.Sequence(
        lambda n: (
            f"Den Haag, 1 maart 2024\n\nBrief nummer {n}. Ik zal uw Kamer voor de zomer "
            "informeren over de voortgang.\n"
        )
    )
    content_hash = factory.LazyAttribute(lambda o: hashlib.sha256(o.text.encode()).hexdigest())
    title = factory.Sequence(lambda n: f"Brief {n}")
    date = dt.date(2024, 3, 1)
    addressee = "TK"
    ministry = "Buitenlandse Zaken"
    extraction_state = "done"


class CommitmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Commitment

    number = factory.Sequence(lambda n: f"TZ-2024-{n + 1:04d}")
    letter = factory.SubFactory(LetterFactory)
    quote = "Ik zal uw Kamer voor de zomer informeren over de voortgang."
    span_start = factory.LazyAttribute(lambda o: o.letter.text.find(o.quote) if o.letter else None)
    span_end = factory.LazyAttribute(
        lambda o: o.span_start + len(o.quote) if o.span_start is not None else None
    )
    text = "Informeren over de voortgang"
    actor = "Minister van Buitenlandse Zaken"
    ministry = "Buitenlandse Zaken"
    kind = "inform"
    deadline_phrase = "voor de zomer"
    due_date = dt.date(2024, 7, 1)
    made_on = dt.date(2024, 3, 1)


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event

    commitment = factory.SubFactory(CommitmentFactory)
    kind = EventKind.NOTE
