"""Admin for digest subscriptions and the outbox; imported by admin.py."""

from __future__ import annotations

from django.contrib import admin
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import services
from .digests import week_start_for
from .models import Digest, DigestStatus, Subscription


@admin.action(description=_("Pause the selected digests"), permissions=["change"])
def pause(modeladmin, request, queryset):
    for subscription in queryset.filter(unsubscribed_at__isnull=True):
        services.subscription_set_paused(subscription=subscription, paused=True)
    modeladmin.message_user(request, _("Paused."))


@admin.action(description=_("Resume the selected digests"), permissions=["change"])
def resume(modeladmin, request, queryset):
    for subscription in queryset.filter(unsubscribed_at__isnull=True):
        services.subscription_set_paused(subscription=subscription, paused=False)
    modeladmin.message_user(request, _("Resumed."))


@admin.action(description=_("Unsubscribe the selected digests"), permissions=["change"])
def unsubscribe(modeladmin, request, queryset):
    for subscription in queryset.filter(unsubscribed_at__isnull=True):
        services.subscription_unsubscribe(subscription=subscription)
    modeladmin.message_user(request, _("Unsubscribed."))


@admin.register(Subscription)
class SubscriptionAdmin(admin.ModelAdmin):
    """Users subscribe themselves; staff pause, resume or end a subscription with the actions,
    which go through the services like the users' own buttons."""

    list_display = ("email", "user", "query", "language", "paused", "unsubscribed_at", "created_at")
    list_filter = ("paused", "language")
    search_fields = ("email", "user__username", "query")
    raw_id_fields = ("user",)
    readonly_fields = [f.name for f in Subscription._meta.fields]
    actions = [pause, resume, unsubscribe]

    def has_add_permission(self, request) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False  # unsubscribing keeps the row: the outbox still shows who got what


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
