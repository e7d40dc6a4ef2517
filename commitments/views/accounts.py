"""The profile page: a logged-in user's own e-mail address and digest language."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ..accounts import account_update, digest_language
from ..models import DigestLanguage


class ProfileForm(forms.Form):
    email = forms.EmailField(label=gettext_lazy("E-mail address"), max_length=254)
    language = forms.ChoiceField(
        label=gettext_lazy("Language of your digests"), choices=DigestLanguage.choices
    )


@login_required
def profile(request: HttpRequest) -> HttpResponse:
    user = request.user
    if request.method == "POST":
        form = ProfileForm(request.POST)
        if form.is_valid():
            changed = account_update(user=user, **form.cleaned_data)  # type: ignore[arg-type]
            messages.success(
                request,
                _("Your profile is saved.")
                + (" " + _("Your digests follow it.") if changed else ""),
            )
            return redirect("commitments:profile")
        status = 400
    else:
        language = digest_language(user) or (  # type: ignore[arg-type]
            request.LANGUAGE_CODE if request.LANGUAGE_CODE in DigestLanguage.values else "nl"
        )
        form = ProfileForm(initial={"email": user.email, "language": language})  # type: ignore[union-attr]
        status = 200
    return render(request, "accounts/profile.html", {"form": form}, status=status)
