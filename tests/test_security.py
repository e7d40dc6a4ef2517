"""Password guessing is throttled (django-axes), production settings are secure by default
(`check --deploy` finds nothing), and every page carries a Content-Security-Policy that its
own markup keeps to."""

from __future__ import annotations

import os
import re
import secrets
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from tests.factories import CommitmentFactory, UserFactory

BASE_DIR = Path(__file__).resolve().parent.parent
LOGIN = "/accounts/login/"
ADMIN_LOGIN = "/admin/login/"
PASSWORD = "secret-pass"  # the factories' password


@pytest.fixture(autouse=True)
def fast_hashing(settings):
    # Each attempt checks a password; the real hasher's cost would make these tests slow.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def attempt(client: Client, url: str, username: str, password: str, address="10.0.0.1"):
    return client.post(
        url, {"username": username, "password": password}, REMOTE_ADDR=address, follow=False
    )


def logged_in(client: Client) -> bool:
    return "_auth_user_id" in client.session


@pytest.mark.django_db
@pytest.mark.parametrize("url", [LOGIN, ADMIN_LOGIN])
def test_thirty_wrong_passwords_then_the_right_one_is_refused(url):
    UserFactory(username="beheer", is_staff=True, is_superuser=True)
    client = Client()
    for _ in range(30):
        response = attempt(client, url, "beheer", "raden")
        assert not logged_in(client)
    assert response.status_code == 429
    response = attempt(client, url, "beheer", PASSWORD)
    assert response.status_code == 429 and not logged_in(client)
    # Dutch first, with a way out
    page = response.content.decode()
    assert "Te veel mislukte inlogpogingen" in page
    assert "beheerder" in page


@pytest.mark.django_db
def test_the_lockout_page_speaks_english_when_chosen():
    UserFactory(username="analist")
    client = Client()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    for _ in range(settings.AXES_FAILURE_LIMIT):
        response = attempt(client, LOGIN, "analist", "raden")
    assert response.status_code == 429
    page = response.content.decode()
    assert "Too many failed logins" in page
    assert "Try again in 30 minutes, or ask an administrator to unlock your account." in page


@pytest.mark.django_db
def test_fewer_failures_than_the_limit_still_let_the_right_password_in():
    UserFactory(username="analist")
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert attempt(client, LOGIN, "analist", "raden").status_code == 200
    assert attempt(client, LOGIN, "analist", PASSWORD).status_code == 302
    assert logged_in(client)


@pytest.mark.django_db
def test_one_account_is_locked_whatever_address_the_guesses_come_from():
    UserFactory(username="analist")
    for n in range(settings.AXES_FAILURE_LIMIT):
        attempt(Client(), LOGIN, "analist", "raden", address=f"10.0.1.{n}")
    client = Client()
    assert attempt(client, LOGIN, "analist", PASSWORD, address="10.9.9.9").status_code == 429
    assert not logged_in(client)


@pytest.mark.django_db
def test_one_address_is_locked_whatever_accounts_it_tries():
    UserFactory(username="lezer")
    for n in range(settings.AXES_FAILURE_LIMIT):
        attempt(Client(), LOGIN, f"user{n}", "raden", address="10.0.2.1")
    client = Client()
    assert attempt(client, LOGIN, "lezer", PASSWORD, address="10.0.2.1").status_code == 429
    # another address, same account: not locked
    assert attempt(client, LOGIN, "lezer", PASSWORD, address="10.0.2.2").status_code == 302


@pytest.mark.django_db
def test_a_made_up_forwarded_for_header_does_not_escape_the_address_limit():
    UserFactory(username="lezer")
    for n in range(settings.AXES_FAILURE_LIMIT):
        Client().post(
            LOGIN,
            {"username": f"user{n}", "password": "raden"},
            REMOTE_ADDR="10.0.3.1",
            HTTP_X_FORWARDED_FOR=f"192.0.2.{n}",
        )
    response = Client().post(
        LOGIN,
        {"username": "lezer", "password": PASSWORD},
        REMOTE_ADDR="10.0.3.1",
        HTTP_X_FORWARDED_FOR="192.0.2.200",
    )
    assert response.status_code == 429


def test_behind_trusted_proxies_the_address_the_proxy_saw_counts(rf, settings):
    from tracker.security import client_ip

    request = rf.get("/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.9")
    assert client_ip(request) == "127.0.0.1"
    settings.TRUSTED_PROXY_COUNT = 1
    assert client_ip(request) == "203.0.113.9"  # not the client's own claim, 6.6.6.6


@pytest.mark.django_db
def test_staff_unlock_an_account_with_the_command_and_see_attempts_in_the_admin():
    UserFactory(username="analist")
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, LOGIN, "analist", "raden")
    assert attempt(client, LOGIN, "analist", PASSWORD).status_code == 429

    staff = Client()
    staff.force_login(UserFactory(username="beheer", is_staff=True, is_superuser=True))
    page = staff.get(reverse("admin:axes_accessattempt_changelist")).content.decode()
    assert "analist" in page

    call_command("axes_reset_username", "analist", stdout=StringIO())
    assert attempt(client, LOGIN, "analist", PASSWORD).status_code == 302
    assert logged_in(client)


@pytest.mark.django_db
def test_the_test_clients_logins_still_work():
    user = UserFactory(username="analist")
    client = Client()
    assert client.login(username="analist", password=PASSWORD)
    assert logged_in(client)
    other = Client()
    other.force_login(user)
    assert other.get(reverse("commitments:list")).context["user"] == user


# --- production settings -----------------------------------------------------------------


def manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    """manage.py in a fresh process with only the given settings in its environment."""
    environment = {
        "PATH": os.environ.get("PATH", ""),
        "HOME": os.environ.get("HOME", ""),
        "DEBUG": "false",
        "SECRET_KEY": secrets.token_urlsafe(64),
        "ALLOWED_HOSTS": "toezeggingen.example.org",
        **env,
    }
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_finds_no_issues_with_debug_off():
    result = manage("check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_a_plain_http_intranet_can_switch_each_https_setting_off():
    result = manage(
        "check",
        "--deploy",
        SECURE_SSL_REDIRECT="false",
        SESSION_COOKIE_SECURE="false",
        CSRF_COOKIE_SECURE="false",
        SECURE_HSTS_SECONDS="0",
    )
    assert result.returncode == 0, result.stderr
    for warning in ("security.W004", "security.W008", "security.W012", "security.W016"):
        assert warning in result.stdout + result.stderr


def test_settings_read_from_the_environment():
    script = (
        "from django.conf import settings as s; print(s.SECURE_PROXY_SSL_HEADER, "
        "s.SECURE_HSTS_SECONDS, s.SESSION_COOKIE_SECURE, s.AXES_FAILURE_LIMIT)"
    )
    result = manage(
        "shell",
        "--no-imports",
        "-c",
        script,
        SECURE_PROXY_SSL_HEADER="HTTP_X_FORWARDED_PROTO,https",
        SECURE_HSTS_SECONDS="3600",
        SESSION_COOKIE_SECURE="false",
        AXES_FAILURE_LIMIT="10",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "('HTTP_X_FORWARDED_PROTO',",
        "'https')",
        "3600",
        "False",
        "10",
    ]


@pytest.mark.parametrize("debug", ["false", "true"])
def test_an_empty_secret_key_does_not_start(debug):
    for value in ("", "   "):
        result = manage("check", SECRET_KEY=value, DEBUG=debug)
        assert result.returncode != 0
        assert "SECRET_KEY is set but empty" in result.stderr


def test_a_malformed_proxy_header_does_not_start():
    result = manage("check", SECURE_PROXY_SSL_HEADER="HTTP_X_FORWARDED_PROTO")
    assert result.returncode != 0 and "SECURE_PROXY_SSL_HEADER must be" in result.stderr


# --- Content-Security-Policy ----------------------------------------------------------------

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.IGNORECASE)
INLINE_HANDLER = re.compile(r"\son[a-z]+\s*=", re.IGNORECASE)
INLINE_STYLE = re.compile(r"<style\b|\sstyle\s*=", re.IGNORECASE)


@pytest.mark.django_db
def test_every_page_carries_the_policy_and_keeps_to_it(analyst_client):
    commitment = CommitmentFactory()
    staff = Client()
    staff.force_login(UserFactory(username="beheer", is_staff=True, is_superuser=True))
    pages = [
        (analyst_client, reverse("commitments:list")),
        (analyst_client, commitment.get_absolute_url()),
        (analyst_client, reverse("commitments:letter-list")),
        (analyst_client, commitment.letter.get_absolute_url()),
        (analyst_client, reverse("commitments:letter-upload")),
        (analyst_client, reverse("commitments:subscription-list")),
        (Client(), LOGIN),
        (staff, reverse("commitments:digest-outbox")),
    ]
    for client, url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        policy = response["Content-Security-Policy"]
        assert "default-src 'self'" in policy and "script-src 'self'" in policy
        assert "unsafe-inline" not in policy and "frame-ancestors 'none'" in policy
        html = response.content.decode()
        assert not INLINE_SCRIPT.search(html), url
        assert not INLINE_HANDLER.search(html), url
        assert not INLINE_STYLE.search(html), url
