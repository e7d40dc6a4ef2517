"""Analysts upload letters: one or many files, each stored at once, extraction as a task."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.files.uploadedfile import UploadedFile
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ..letters import FileImportResult, file_import, too_large
from ..models import SourceKind
from ..tasks import extract_letter_task

ADD_LETTER = "commitments.add_letter"


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Django's documented pattern for `<input type=file multiple>`; empty files are let through
    here so the import can name each one in its own error."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None) -> list[UploadedFile]:
        files = [f for f in (data if isinstance(data, (list, tuple)) else [data]) if f]
        if not files and self.required:
            raise forms.ValidationError(self.error_messages["required"], code="required")
        return files


class UploadForm(forms.Form):
    # A field named like BaseForm.files (the uploaded data): the form metaclass takes it out of
    # the class, so the two never meet; the type checker only sees the name.
    files = MultipleFileField(  # type: ignore[assignment]
        label=gettext_lazy("Letters"),
        help_text=gettext_lazy(
            "PDF, Word (.docx), HTML, text or Tweede Kamer open-data JSON; "
            "several at once if you like."
        ),
    )


def _import_upload(upload: UploadedFile, user) -> FileImportResult:
    # Django keeps only the base name of an upload; it is shown, never used as a path.
    name = upload.name or "upload"
    if upload.size is not None and upload.size > settings.LETTER_MAX_BYTES:
        return too_large(name)
    return file_import(data=upload.read(), name=name, user=user, source_kind=SourceKind.UPLOAD)


def _context(form: UploadForm) -> dict:
    return {"form": form, "max_mb": f"{settings.LETTER_MAX_BYTES / 1024 / 1024:g}"}


@login_required
@permission_required(ADD_LETTER, raise_exception=True)
def letter_upload(request: HttpRequest) -> HttpResponse:
    if request.method != "POST":
        return render(request, "commitments/letter_upload.html", _context(UploadForm()))
    form = UploadForm(request.POST, request.FILES)
    if not form.is_valid():
        return render(request, "commitments/letter_upload.html", _context(form), status=400)
    results = [_import_upload(upload, request.user) for upload in form.cleaned_data["files"]]
    new_letters = []
    for result in results:
        for letter in result.created_letters:
            new_letters.append(letter)
            # Extraction runs once the letter row is committed; eager in the embedded setup.
            extract_letter_task.delay_on_commit(letter.pk)
        _report(request, result)
    if len(results) == 1 and len(new_letters) == 1 and not results[0].failed:
        return redirect(new_letters[0])
    return redirect("commitments:letter-upload")


def _report(request: HttpRequest, result: FileImportResult) -> None:
    for note in result.notes:
        messages.warning(request, _("%(name)s: %(note)s") % {"name": result.name, "note": note})
    for what, reason in result.failures:
        label = result.name if what == result.name else f"{result.name} [{what}]"
        messages.error(
            request, _("%(name)s was not imported: %(reason)s") % {"name": label, "reason": reason}
        )
    for outcome in result.letters:
        if outcome.created:
            messages.success(
                request,
                _("%(name)s was imported as “%(letter)s”; commitments are being extracted.")
                % {"name": result.name, "letter": outcome.letter},
            )
        else:
            messages.info(
                request,
                _("%(name)s is already here, as “%(letter)s”.")
                % {"name": result.name, "letter": outcome.letter},
            )
    new = sum(1 for _c, created in result.register if created)
    if result.register:
        messages.success(
            request,
            _("%(name)s: %(new)d register commitment(s) imported, %(old)d already present.")
            % {"name": result.name, "new": new, "old": len(result.register) - new},
        )
