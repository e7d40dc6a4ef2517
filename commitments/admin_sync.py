"""Admin for the open-data sync: runs with what they brought, and the cursors (read-only:
the sync writes them). Imported by admin.py."""

from __future__ import annotations

from django.contrib import admin

from .models import SyncCursor, SyncItem, SyncRun


class ReadOnly(admin.ModelAdmin):
    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


class SyncItemInline(admin.TabularInline):
    model = SyncItem
    extra = 0
    can_delete = False
    fields = ("at", "entity", "label", "action", "reason", "url", "letter", "commitment")
    readonly_fields = fields

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(SyncRun)
class SyncRunAdmin(ReadOnly):
    list_display = (
        "started_at",
        "state",
        "records",
        "letters_created",
        "register_created",
        "register_updated",
        "withdrawn",
        "failed",
    )
    list_filter = ("state",)
    inlines = [SyncItemInline]


@admin.register(SyncCursor)
class SyncCursorAdmin(ReadOnly):
    list_display = ("entity", "position", "claimed_by", "claimed_until", "updated_at")
