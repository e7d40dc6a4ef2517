"""`manage.py reextract`: run the current extractor again over stored letters.

What the machine proposed before is revised; what an analyst confirmed, edited or decided is
left exactly as it is (see `letter_extract`).
"""

from __future__ import annotations

import sys
from typing import cast

from django.core.management.base import BaseCommand, CommandParser
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from commitments.letters import letter_extract
from commitments.models import ExtractionState, Letter


class Command(BaseCommand):
    # Lazy: translated when shown; BaseCommand declares a str.
    help = cast(
        str, gettext_lazy("Re-run the extractor over stored letters, keeping analysts' decisions.")
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "letters",
            nargs="*",
            type=int,
            metavar="LETTER_ID",
            help=_("Only these letters (default: all)."),
        )
        parser.add_argument(
            "--failed",
            action="store_true",
            help=_("Only letters not extracted successfully."),
        )

    def handle(self, *args, **options) -> None:
        from tqdm import tqdm

        letters = Letter.objects.order_by("id")
        if options["letters"]:
            letters = letters.filter(pk__in=options["letters"])
        if options["failed"]:
            letters = letters.exclude(extraction_state=ExtractionState.DONE)
        ids = list(letters.values_list("pk", flat=True))
        done = failed = 0
        show = sys.stderr.isatty() and len(ids) >= 5
        for pk in tqdm(ids, disable=not show, unit=_("letter"), file=sys.stderr):
            letter = letter_extract(Letter(pk=pk))
            if letter.extraction_state == ExtractionState.FAILED:
                failed += 1
                self.stderr.write(
                    _("failed: letter %(pk)d: %(error)s")
                    % {"pk": pk, "error": letter.extraction_error}
                )
            else:
                done += 1
        self.stdout.write(
            _("re-extracted: %(done)d, failed: %(failed)d") % {"done": done, "failed": failed}
        )
