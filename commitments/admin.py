"""The back office. Status and review changes go through the same services as the pages, so
every one of them leaves its event on the timeline."""

from __future__ import annotations

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext_lazy as _

from . import services
from .models import Commitment, Event, Letter, Statement


class EventInline(admin.TabularInline):
    model = Event
    extra = 0
    can_delete = False
    fields = ("at", "kind", "user", "letter", "url", "note")
    readonly_fields = fields

    def has_add_permission(self, request, obj=None) -> bool:
        return False  # events come from services only


def _run_service(modeladmin, request, queryset, service, done, **kwargs):
    changed = 0
    for commitment in queryset:
        try:
            service(commitment=commitment, user=request.user, version=None, **kwargs)
            changed += 1
        except (ValidationError, services.EditConflict, PermissionDenied) as problem:
            modeladmin.message_user(
                request, f"{commitment.number}: {problem}", level=messages.WARNING
            )
    modeladmin.message_user(request, done % {"n": changed})


@admin.action(description=_("Confirm the selected commitments"))
def confirm(modeladmin, request, queryset):
    _run_service(modeladmin, request, queryset, services.commitment_confirm, _("%(n)s confirmed."))


@admin.action(description=_("Withdraw the selected commitments (vervallen)"))
def withdraw(modeladmin, request, queryset):
    _run_service(
        modeladmin,
        request,
        queryset,
        services.commitment_withdraw,
        _("%(n)s withdrawn."),
        note=str(_("Withdrawn in the back office.")),
    )


@admin.action(description=_("Reopen the selected commitments"))
def reopen(modeladmin, request, queryset):
    _run_service(
        modeladmin,
        request,
        queryset,
        services.commitment_reopen,
        _("%(n)s reopened."),
        note=str(_("Reopened in the back office.")),
    )


@admin.register(Commitment)
class CommitmentAdmin(admin.ModelAdmin):
    list_display = ("number", "text", "actor", "ministry", "due_date", "status", "review")
    list_filter = ("status", "review", "kind", "origin")
    search_fields = ("number", "text", "register_number")
    list_select_related = ("letter",)
    actions = [confirm, withdraw, reopen]
    inlines = [EventInline]
    show_full_result_count = False  # no COUNT(*) over a million rows on every page

    def get_readonly_fields(self, request, obj=None):
        # Only what services.commitment_edit changes is editable here, so every change in the
        # back office leaves its event; status and review change through the actions above.
        return [
            f.name
            for f in Commitment._meta.concrete_fields
            if f.name not in services.EDITABLE_FIELDS
        ]

    def has_add_permission(self, request) -> bool:
        return False  # commitments come from letters and registers, with their "made" event

    def has_delete_permission(self, request, obj=None) -> bool:
        # Deleting would take the timeline with it; withdrawing or rejecting leaves a trace.
        # Without this permission the admin offers neither the button nor the bulk action.
        return False

    def save_model(self, request, obj, form, change):
        editable = [f for f in form.changed_data if f in services.EDITABLE_FIELDS]
        if editable:
            services.commitment_edit(
                commitment=Commitment.objects.get(pk=obj.pk),
                user=request.user,
                version=None,
                reason=str(_("Edited in the back office.")),
                **{f: form.cleaned_data[f] for f in editable},
            )


@admin.register(Letter)
class LetterAdmin(admin.ModelAdmin):
    list_display = ("__str__", "date", "addressee", "ministry", "kamerstuk", "extraction_state")
    list_filter = ("addressee", "extraction_state", "source_kind")
    search_fields = ("title", "subject", "kamerstuk", "source_name", "document_number")
    readonly_fields = ("content_hash", "imported_at", "extracted_at")
    show_full_result_count = False

    def has_delete_permission(self, request, obj=None) -> bool:
        # A letter is withdrawn on its page (services.letter_withdraw), with an event on each
        # of its commitments; deleting it would orphan the references other letters made.
        return False


@admin.register(Statement)
class StatementAdmin(admin.ModelAdmin):
    """Read-only: links are confirmed or rejected on the letter's page, through the services,
    which put the decision on the commitment's timeline."""

    list_display = ("letter", "kind", "commitment", "link_state", "link_score")
    list_filter = ("kind", "link_state")
    raw_id_fields = ("letter", "commitment")

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    def has_add_permission(self, request) -> bool:
        return False


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    list_display = ("commitment", "kind", "at", "user")
    list_filter = ("kind",)
    raw_id_fields = ("commitment", "letter")

    def has_change_permission(self, request, obj=None) -> bool:
        return False  # the timeline is append-only

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    def has_add_permission(self, request) -> bool:
        return False


from . import admin_digests  # noqa: E402,F401,I001 - registers Subscription and Digest
from . import admin_sync  # noqa: E402,F401 - registers SyncRun and SyncCursor
