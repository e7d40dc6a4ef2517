"""Load the example letters and the demo accounts. Safe to run again: it changes nothing then."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand

from commitments.letters import letter_extract, letter_import

DEMO_PASSWORD = "toezeggingen"
# username, password, e-mail, first and last name, analyst?, staff (outbox, admin)?
DEMO_ACCOUNTS = [
    ("analist", DEMO_PASSWORD, "analist@example.org", "Demo", "Analist", True, False),
    ("lezer", DEMO_PASSWORD, "lezer@example.org", "Demo", "Lezer", False, False),
    ("beheer", DEMO_PASSWORD, "beheer@example.org", "Demo", "Beheer", True, True),
]
DEMO_ANALYST = ("analist", DEMO_PASSWORD)
DEMO_VIEWER = ("lezer", DEMO_PASSWORD)
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

        for username, password, email, first, last, analyst, staff in DEMO_ACCOUNTS:
            user = _demo_account(username, password, email, first, last, staff=staff)
            if analyst:
                user.groups.add(Group.objects.get(name=ANALYSTS))  # type: ignore[attr-defined]
        self.stdout.write(
            "demo accounts (password "
            + DEMO_PASSWORD
            + "): "
            + ", ".join(f"{a[0]} <{a[2]}>" for a in DEMO_ACCOUNTS)
        )


def _demo_account(
    username: str, password: str, email: str, first: str, last: str, *, staff: bool
) -> AbstractBaseUser:
    """Create the account once; on a re-run only fill what is missing (an address), so a
    password or address the user changed stays theirs."""
    User = get_user_model()
    user, created = User.objects.get_or_create(
        username=username,
        defaults={"first_name": first, "last_name": last, "email": email, "is_staff": staff},
    )
    if created:
        user.set_password(password)
        user.save()
    elif not user.email:
        user.email = email
        user.save(update_fields=["email"])
    return user
