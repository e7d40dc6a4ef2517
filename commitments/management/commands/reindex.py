"""Rebuild the search index of every commitment and letter (after a bulk load or a restore)."""

from __future__ import annotations

from django.core.management.base import BaseCommand
from django.db import transaction

from commitments import search
from commitments.models import Commitment, Letter


class Command(BaseCommand):
    help = "Rebuild the search index of every letter and commitment."

    def handle(self, *args, **options) -> None:
        with transaction.atomic():
            search.index_letters(Letter.objects.iterator(chunk_size=200))
            search.index_commitments(
                Commitment.objects.select_related("letter").iterator(chunk_size=1000)
            )
        self.stdout.write(
            f"indexed {Letter.objects.count()} letters and {Commitment.objects.count()} commitments"
        )
