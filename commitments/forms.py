"""Forms for the analysts' actions. Each carries the version it was rendered with."""

from __future__ import annotations

import datetime as dt
import re

from django import forms
from django.db.models import Q, QuerySet
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
    # Chosen with the letter picker (search by title, subject, Kamerstuk or date); any letter validates.
    letter = forms.ModelChoiceField(
        label=_("Fulfilling letter"),
        required=False,
        queryset=Letter.objects.all(),
        widget=forms.HiddenInput,
    )
    url = forms.URLField(label=_("or a URL"), required=False, max_length=500, assume_scheme="https")
    note = forms.CharField(
        label=_("Note"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )

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


PICKER_LIMIT = 20
_DATE = re.compile(r"^(\d{1,2})[-/. ](\d{1,2})[-/. ](\d{4})$|^(\d{4})-(\d{1,2})-(\d{1,2})$")


def _picker_date(query: str) -> dt.date | None:
    m = _DATE.match(query)
    if not m:
        return None
    day, month, year = (m[1], m[2], m[3]) if m[1] else (m[6], m[5], m[4])
    try:
        return dt.date(int(year), int(month), int(day))
    except ValueError:
        return None


def letters_matching(query: str, *, exclude: int | None = None) -> QuerySet[Letter]:
    """The letter picker's search: title, subject or Kamerstuk containing the words, or a date
    (31-07-2017 or 2017-07-31); newest first. `exclude` is the commitment's own letter."""
    letters = Letter.objects.defer("text").order_by("-date", "-id")
    if exclude is not None:
        letters = letters.exclude(pk=exclude)
    query = query.strip()
    if not query:
        return letters.none()
    date = _picker_date(query)
    if date is not None:
        return letters.filter(date=date)[:PICKER_LIMIT]
    condition = Q()
    for word in query.split()[:6]:
        condition &= (
            Q(title__icontains=word) | Q(subject__icontains=word) | Q(kamerstuk__icontains=word)
        )
    return letters.filter(condition)[:PICKER_LIMIT]
