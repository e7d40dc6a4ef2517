"""The Celery app. With no broker configured, tasks run eagerly in-process (see settings)."""

from __future__ import annotations

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tracker.settings")

# DjangoTask gives every task delay_on_commit(): dispatched once the transaction that wrote the
# rows it names has committed. (Celery's Django fix-up picks it too; named here so nothing
# depends on that.)
app = Celery("tracker", task_cls="celery.contrib.django.task:DjangoTask")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
