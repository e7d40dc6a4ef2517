"""Load the example letters and the demo accounts. Safe to run again: it changes nothing then."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand

from commitments.letters import letter_extract, letter_import

DEMO_ANALYST = ("analist", "toezeggingen")
DEMO_VIEWER = ("lezer", "toezeggingen")
ANALYSTS = "Analisten"


class Command(BaseCommand):
    help = "Import the example letters in fixtures/letters/ and create the demo accounts."

    def handle(self, *args, **options) -> None:
        folder = Path(settings.BASE_DIR) / "fixtures" / "letters"
        new = 0
        for path in sorted(folder.glob("*.txt")):
            result = letter_import(
                text=path.read_text(encoding="utf-8"), source_name=path.name, source_format="txt"
            )
            if result.created:
                letter_extract(result.letter)
                new += 1
        self.stdout.write(f"example letters: {new} imported, the rest already present")

        User = get_user_model()
        analyst, created = User.objects.get_or_create(
            username=DEMO_ANALYST[0], defaults={"first_name": "Demo", "last_name": "Analist"}
        )
        if created:
            analyst.set_password(DEMO_ANALYST[1])
            analyst.save()
        analyst.groups.add(Group.objects.get(name=ANALYSTS))
        viewer, created = User.objects.get_or_create(
            username=DEMO_VIEWER[0], defaults={"first_name": "Demo", "last_name": "Lezer"}
        )
        if created:
            viewer.set_password(DEMO_VIEWER[1])
            viewer.save()
        self.stdout.write(
            f"demo accounts: analyst {DEMO_ANALYST[0]}/{DEMO_ANALYST[1]}, "
            f"viewer {DEMO_VIEWER[0]}/{DEMO_VIEWER[1]}"
        )
