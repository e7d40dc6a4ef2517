"""Browser tests: Playwright driving Debian's chromium against Django's live server.

`playwright install` cannot download browsers on the build machine, so these run on the system
chromium. Without it they are skipped with a loud reason (`make test` installs it first);
under CI=true a missing browser is a failure, not a skip.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.factories import UserFactory

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
AXE = Path(__file__).resolve().parent.parent / "vendor" / "axe-core" / "axe.min.js"
PASSWORD = "secret-pass"  # UserFactory's
PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="session", autouse=True)
def _sync_orm_beside_playwright():
    # Playwright's sync API runs an event loop in this thread; the tests' own ORM calls are
    # still synchronous and safe, so Django's async guard would only get in the way. Set from
    # the first browser test on (they run last, being transactional), not for the whole suite.
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        yield


def pytest_collection_modifyitems(config, items):
    here = Path(__file__).resolve().parent
    mine = [item for item in items if here in Path(str(item.fspath)).resolve().parents]
    for item in mine:
        item.add_marker(pytest.mark.browser)
    if mine and not os.access(CHROMIUM, os.X_OK):
        if os.environ.get("CI") == "true":
            raise pytest.UsageError(f"CI needs the browser tests, but {CHROMIUM} is missing.")
        skip = pytest.mark.skip(
            reason=f"!!! no chromium at {CHROMIUM}: browser tests NOT run (apt-get install chromium)"
        )
        for item in mine:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ],
    }


@pytest.fixture
def browser_context_args(browser_context_args):
    return {**browser_context_args, "locale": "nl-NL"}


@pytest.fixture
def site(live_server, page):
    """The live server's address, and a page whose every request fails the test on a 500."""
    errors: list[str] = []
    page.on("response", lambda r: errors.append(r.url) if r.status >= 500 else None)
    page.set_default_timeout(10_000)
    yield live_server.url
    assert not errors, f"server errors: {errors}"


def login(page, base: str, username: str) -> None:
    page.goto(f"{base}/accounts/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.locator("main button[type=submit]").click()
    page.wait_for_load_state()


def set_language(page, code: str) -> None:
    page.select_option("select[name=language]", code)
    page.locator("form.language button[type=submit]").click()
    page.wait_for_load_state()


def page_width(page) -> int:
    return page.evaluate("document.documentElement.scrollWidth")


def check_axe(page) -> None:
    """WCAG 2.1 A and AA by axe-core; fails with the rule ids and the offending elements."""
    # Evaluated through the DevTools protocol: a <script> tag would be refused by the
    # Content-Security-Policy, which allows no inline script, and rightly so.
    page.evaluate(AXE.read_text(encoding="utf-8") + "\n;undefined")
    result = page.evaluate(
        """async () => (await axe.run(document, {runOnly: {type: 'tag',
             values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})).violations"""
    )
    report = [f"{v['id']}: {v['help']} at {[n['target'] for n in v['nodes'][:3]]}" for v in result]
    assert not report, "\n".join(report)


@pytest.fixture
def analyst_user(transactional_db):
    from django.contrib.auth.models import Group, Permission

    # The live server's database is flushed between tests, taking the migration's group along.
    group, _ = Group.objects.get_or_create(name="Analisten")
    group.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="commitments",
            codename__in=["review_commitment", "add_letter", "view_commitment", "view_letter"],
        )
    )
    user = UserFactory(username="analist", email="analist@example.org")
    user.groups.add(group)
    return user


@pytest.fixture
def viewer_user(transactional_db):
    return UserFactory(username="lezer", email="lezer@example.org")
