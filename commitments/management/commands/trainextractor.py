"""Train the extractor's learned layer on every labelled set and report cross-validated figures."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from commitments.extraction import training


class Command(BaseCommand):
    help = (
        "Cross-validate the learned layer by letter and by set, then train it on every labelled "
        "set in tests/extraction/ and write commitments/extraction/model.json."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--no-write", action="store_true", help="print the figures, keep model.json as it is"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        training.run(write=not options["no_write"], out=self.stdout.write)
