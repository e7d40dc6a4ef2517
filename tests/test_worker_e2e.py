"""A real Celery worker and beat against Redis and PostgreSQL, mail caught by a real SMTP server:
the worker is killed (SIGKILL) mid-batch and restarted, and every subscriber ends up with
exactly one digest for the week.

Runs on the PostgreSQL leg only (the worker processes must reach the test database). Under
CI=true a Redis that does not answer is a failure, not a skip.
"""

from __future__ import annotations

import asyncio
import email
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path

import pytest
from django.db import connection
from django.utils import timezone

from commitments.digests import week_start_for
from commitments.models import Digest, DigestStatus, Subscription
from tests.factories import CommitmentFactory, UserFactory

REDIS_URL = "redis://127.0.0.1:6379/13"  # a spare database number, flushed before and after
SUBSCRIBERS = 12
HOLD_AFTER = 3  # mails accepted before the server holds the next one at RCPT, for the kill
BUDGET = 50  # seconds for the whole run; the test fails rather than hang
CELERY = str(Path(sys.executable).with_name("celery"))

pytestmark = [pytest.mark.broker, pytest.mark.postgres]


class HoldingCatcher:
    """aiosmtpd handler that keeps every accepted message. Once HOLD_AFTER are in, it holds
    the next sender at RCPT (`holding` is set) until the test lets go (`release`): the worker
    can then be killed at a known point, with its mail not yet accepted.

    Killing it at any other moment could hit the window between the server accepting a mail
    and the worker recording it as sent, which no SMTP client can close: a resend there is the
    documented limit, not what this test is about."""

    def __init__(self) -> None:
        self.messages: list[email.message.Message] = []
        self.lock = threading.Lock()
        self.holding = threading.Event()
        self.release = threading.Event()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        with self.lock:
            hold = len(self.messages) >= HOLD_AFTER and not self.release.is_set()
        if hold:
            self.holding.set()
            while not self.release.is_set():
                await asyncio.sleep(0.05)
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        with self.lock:
            self.messages.append(email.message_from_bytes(envelope.content))
        return "250 Message accepted for delivery"

    def recipients(self) -> Counter:
        with self.lock:
            return Counter(m["To"] for m in self.messages)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _redis_or_skip():
    import redis

    client = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2)
    try:
        client.ping()
    except redis.exceptions.ConnectionError as exc:
        if os.environ.get("CI") == "true":
            pytest.fail(f"Redis at {REDIS_URL} does not answer and CI needs this test: {exc}")
        pytest.skip(f"Redis at {REDIS_URL} does not answer: {exc}")
    return client


def _wait_for(predicate, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.2)
    raise AssertionError(f"timed out after {timeout:.0f}s waiting for {what}")


@pytest.mark.django_db(transaction=True)  # committed rows, so the worker processes see them
def test_a_killed_worker_leaves_every_subscriber_exactly_one_digest(tmp_path):
    if connection.vendor != "postgresql":
        pytest.skip(
            "runs on the PostgreSQL leg only (DATABASE_URL=postgres://...): the worker "
            "processes must share the test database"
        )
    from aiosmtpd.controller import Controller

    started = time.monotonic()
    redis_client = _redis_or_skip()
    redis_client.flushdb()

    CommitmentFactory(due_date=timezone.localdate() - timezone.timedelta(days=3))
    subscriptions = []
    for n in range(SUBSCRIBERS):
        user = UserFactory(username=f"abonnee{n}")
        subscriptions.append(
            Subscription.objects.create(user=user, email=f"abonnee{n}@example.org", language="nl")
        )

    catcher = HoldingCatcher()
    smtp_port = _free_port()
    smtp = Controller(catcher, hostname="127.0.0.1", port=smtp_port)
    smtp.start()

    db = connection.settings_dict
    env = {
        **os.environ,
        "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
        "CELERY_BROKER_URL": REDIS_URL,
        "CELERY_TASK_ALWAYS_EAGER": "false",
        "CELERY_VISIBILITY_TIMEOUT": "8",
        "EMAIL_URL": f"smtp://127.0.0.1:{smtp_port}",
        "DIGEST_STUCK_AFTER_SECONDS": "4",
        "DIGEST_REAPER_EVERY_SECONDS": "2",
        "SITE_URL": "http://tracker.example",
        "LOG_LEVEL": "WARNING",
        "SECRET_KEY": "worker-test-key-not-a-secret",
        "DEBUG": "false",
    }
    processes: list[subprocess.Popen] = []

    def spawn(*args: str, log: str) -> subprocess.Popen:
        out = open(tmp_path / log, "ab")  # noqa: SIM115 - closed with the process
        process = subprocess.Popen(
            [CELERY, "-A", "tracker", *args],
            env=env,
            cwd=Path(__file__).parent.parent,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        processes.append(process)
        return process

    def worker(name: str, concurrency: int) -> subprocess.Popen:
        return spawn(
            "worker",
            "-c",
            str(concurrency),
            "-n",
            f"{name}@%h",
            "--without-gossip",
            "--without-mingle",
            "--without-heartbeat",
            "-l",
            "INFO",
            log="worker.log",
        )

    try:
        # One process: when it is held at RCPT, every earlier send has finished and is recorded.
        first = worker("e2e-1", concurrency=1)
        spawn("beat", "-l", "INFO", "-s", str(tmp_path / "beat-schedule"), log="beat.log")
        from celery import Celery

        producer = Celery(broker=REDIS_URL)
        producer.send_task("commitments.tasks.create_digests_task")

        _wait_for(catcher.holding.is_set, 25, "the first mails and a send held mid-way")
        os.killpg(first.pid, signal.SIGKILL)
        first.wait(timeout=5)
        catcher.release.set()
        sent_before_kill = len(catcher.messages)
        assert sent_before_kill == HOLD_AFTER
        held = Digest.objects.filter(status=DigestStatus.SENDING)
        assert held.count() == 1, "the killed worker left the held digest claimed"

        worker("e2e-2", concurrency=2)
        week = week_start_for(timezone.now())

        def all_sent() -> bool:
            return (
                Digest.objects.filter(week_start=week, status=DigestStatus.SENT).count()
                == SUBSCRIBERS
                and len(catcher.messages) >= SUBSCRIBERS
            )

        _wait_for(all_sent, max(5, BUDGET - (time.monotonic() - started)), "every digest sent")
        time.sleep(3)  # a reaper round and a redelivery or two: late duplicates would show now

        rows = Digest.objects.filter(week_start=week)
        assert rows.count() == SUBSCRIBERS
        assert set(rows.values_list("status", flat=True)) == {DigestStatus.SENT}
        for subscription in subscriptions:
            assert rows.filter(subscription=subscription).count() == 1
        assert catcher.recipients() == {s.email: 1 for s in subscriptions}, (
            f"sent before the kill: {sent_before_kill}; logs in {tmp_path}"
        )
        message_ids = [m["Message-ID"] for m in catcher.messages]
        assert len(set(message_ids)) == SUBSCRIBERS
        assert all(m["List-Unsubscribe"] for m in catcher.messages)
    finally:
        for process in processes:
            if process.poll() is None:
                try:
                    os.killpg(process.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
                process.wait(timeout=10)
        smtp.stop()
        redis_client.flushdb()
        connection.close()
