"""`manage.py extract PATH... [--json]`: run the commitment extractor over letter text files."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from commitments.extraction import extract


class UnreadableLetter(Exception):
    pass


def read_letter(path: Path) -> str:
    """The file's text: UTF-8, else cp1252 (older Word exports); refuse binary or empty files."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise UnreadableLetter("no such file") from None
    except IsADirectoryError:
        raise UnreadableLetter("is a directory") from None
    except OSError as error:
        raise UnreadableLetter(error.strerror or str(error)) from None
    if b"\x00" in data:
        raise UnreadableLetter("binary file (contains NUL bytes), not letter text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            raise UnreadableLetter("neither UTF-8 nor cp1252 text") from None
    if not text.strip():
        raise UnreadableLetter("empty file")
    return text


class Command(BaseCommand):
    help = "Extract commitments (toezeggingen) from letter text files."
    # pure text processing: it must run while the rest of the app (models, urls) is in flux
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("paths", nargs="+", help="letter text files")
        parser.add_argument(
            "--json",
            action="store_true",
            help="print a JSON list, one object per file (for eval/score.py)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        results: list[dict[str, Any]] = []
        failures = 0
        for raw_path in options["paths"]:
            path = Path(raw_path)
            try:
                text = read_letter(path)
            except UnreadableLetter as problem:
                failures += 1
                self.stderr.write(f"extract: {raw_path}: {problem}")
                continue
            result = extract(text).as_json(str(raw_path))
            results.append(result)
            if not options["json"]:
                self._print_table(result)
        if options["json"]:
            self.stdout.write(json.dumps(results, ensure_ascii=False, indent=1))
        if failures:
            sys.stdout.flush()
            raise CommandError(f"{failures} file(s) could not be read", returncode=1)

    def _print_table(self, result: dict[str, Any]) -> None:
        letter = result["letter"]
        date = letter["date"] or "-"
        if letter["date_inferred"]:
            date += " (inferred)"
        self.stdout.write(f"== {result['path']}")
        self.stdout.write(
            f"   date {date} | {letter['addressee'] or '-'} | kamerstuk "
            f"{letter['kamerstuk'] or '-'} | {letter['ministry'] or '-'}"
        )
        if letter["subject"]:
            self.stdout.write(f"   subject: {letter['subject']}")
        for signatory in letter["signatories"]:
            self.stdout.write(f"   signed: {signatory}")
        for item in result["commitments"]:
            quote = " ".join(item["quote"].split())
            self.stdout.write(
                f"   NEW {item['kind']:<13} due {item['due'] or '-':<10} "
                f"{item['confidence']:.2f} [{item['actor']}] {quote[:110]}"
            )
        for item in result["fulfilments"]:
            quote = " ".join(item["quote"].split())
            self.stdout.write(f"   REF {item['kind']:<13} {quote[:130]}")
