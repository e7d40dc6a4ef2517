"""Train the extractor's learned layer on every labelled set and report cross-validated figures."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

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
        parser.add_argument(
            "--labels",
            type=Path,
            default=training.LABELLED,
            help="folder whose subfolders hold labels.jsonl and their letters",
        )
        parser.add_argument("--output", type=Path, default=training.MODEL_PATH)

    def handle(self, *args: Any, **options: Any) -> None:
        if not any(options["labels"].glob("*/labels.jsonl")):
            raise CommandError(f"no */labels.jsonl under {options['labels']}")
        training.run(
            write=not options["no_write"],
            out=self.stdout.write,
            root=options["labels"],
            path=options["output"],
        )
