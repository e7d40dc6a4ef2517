"""Forms for the analysts' actions. Each carries the version it was rendered with."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Kind, Letter
from .services import EDITABLE_FIELDS


class IsoDateInput(forms.DateInput):
    """A browser's date input: its value must be ISO whatever the language, because a browser
    shows an empty field for "31-07-2017" and saving the form would then erase the date."""

    input_type = "date"

    def __init__(self, attrs: dict | None = None) -> None:
        super().__init__(attrs, format="%Y-%m-%d")


class VersionedForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)


class ReasonForm(VersionedForm):
    note = forms.CharField(
        label=_("Reason"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )


class EditForm(VersionedForm):
    text = forms.CharField(
        label=_("Text"), max_length=5000, widget=forms.Textarea(attrs={"rows": 3})
    )
    actor = forms.CharField(label=_("Actor"), max_length=200, required=False)
    ministry = forms.CharField(label=_("Ministry"), max_length=200, required=False)
    committee = forms.CharField(label=_("Committee"), max_length=200, required=False)
    kind = forms.ChoiceField(label=_("Kind"), choices=Kind.choices)
    deadline_phrase = forms.CharField(label=_("Deadline phrase"), max_length=200, required=False)
    due_date = forms.DateField(label=_("Due date"), required=False, widget=IsoDateInput())
    reason = forms.CharField(
        label=_("Reason for the change"), max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )

    FIELDS = EDITABLE_FIELDS


class FulfilForm(VersionedForm):
    partly = forms.BooleanField(label=_("Only partly fulfilled"), required=False)
    letter = forms.ModelChoiceField(
        label=_("Fulfilling letter"), required=False, queryset=Letter.objects.all()
    )
    url = forms.URLField(label=_("or a URL"), required=False, max_length=500, assume_scheme="https")
    note = forms.CharField(
        label=_("Note"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )

    CHOICES_SHOWN = 100

    def __init__(self, *args, commitment=None, **kwargs):
        super().__init__(*args, **kwargs)
        # Any letter validates, but the menu offers only the latest letters that could have
        # fulfilled it (not older than the promise): a select of every letter would make each
        # commitment page megabytes long.
        candidates = Letter.objects.only("id", "title", "date", "source_name").order_by(
            "-date", "-id"
        )
        if commitment is not None and commitment.made_on:
            candidates = candidates.filter(date__gte=commitment.made_on)
        self.fields["letter"].widget.choices = [("", "---------")] + [
            (letter.pk, f"{letter} ({letter.date:%d-%m-%Y})" if letter.date else str(letter))
            for letter in candidates[: self.CHOICES_SHOWN]
        ]

    def clean(self):
        data = super().clean()
        if not data.get("letter") and not data.get("url"):
            raise forms.ValidationError(_("Cite the letter that fulfils it, or a URL."))
        if not data.get("letter") and not (data.get("note") or "").strip():
            raise forms.ValidationError(_("Add a note saying what the URL shows."))
        return data


class NoteForm(forms.Form):
    note = forms.CharField(
        label=_("Note"), max_length=5000, widget=forms.Textarea(attrs={"rows": 3})
    )


class LetterWithdrawForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("For example: the wrong file, or a copy of another letter."),
    )
