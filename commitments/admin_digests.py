"""Admin for digest subscriptions and the outbox; imported by admin.py."""

from __future__ import annotations

from django.contrib import admin
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .digests import week_start_for
from .models import Digest, DigestStatus, Subscription


@admin.register(Subscription)
class SubscriptionAdmin(admin.ModelAdmin):
    list_display = ("email", "user", "query", "language", "paused", "unsubscribed_at", "created_at")
    list_filter = ("paused", "language")
    search_fields = ("email", "user__username", "query")
    raw_id_fields = ("user",)


@admin.action(description=_("Queue the selected failed digests again"))
def requeue(modeladmin, request, queryset):
    # Only this week's, and only those with a body: the reaper fails earlier weeks' digests
    # again at once, and a digest that failed on its saved filter has nothing to send.
    n = (
        queryset.filter(status=DigestStatus.FAILED, week_start=week_start_for(timezone.now()))
        .exclude(body_text="")
        .update(status=DigestStatus.QUEUED, claimed_at=None)
    )
    modeladmin.message_user(request, _("%(n)s queued; the reaper sends them.") % {"n": n})


@admin.register(Digest)
class DigestAdmin(admin.ModelAdmin):
    list_display = (
        "to_email",
        "week_start",
        "status",
        "subject",
        "created_at",
        "sent_at",
        "attempts",
    )
    list_filter = ("status", "week_start")
    search_fields = ("to_email", "subject")
    raw_id_fields = ("subscription",)
    date_hierarchy = "created_at"
    actions = [requeue]
    show_full_result_count = False
    # The outbox is a record of what went out: rows change only through the send services.
    readonly_fields = [f.name for f in Digest._meta.fields]

    def has_add_permission(self, request) -> bool:
        return False
