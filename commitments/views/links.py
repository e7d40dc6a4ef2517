"""One click to confirm or reject a proposed link between a letter passage and a commitment."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ..models import Statement
from ..services import REVIEW_PERMISSION, EditConflict, statement_confirm, statement_reject


def _back(request: HttpRequest, statement: Statement) -> HttpResponse:
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return redirect(target)
    if statement.commitment is not None:
        return redirect(statement.commitment)
    return redirect(statement.letter)


@require_POST
@login_required
@permission_required(REVIEW_PERMISSION, raise_exception=True)
def link_confirm(request: HttpRequest, pk: int) -> HttpResponse:
    statement = get_object_or_404(Statement.objects.select_related("commitment", "letter"), pk=pk)
    try:
        statement_confirm(statement=statement, user=request.user)
    except (ValidationError, EditConflict) as exc:
        messages.error(request, " ".join(getattr(exc, "messages", [str(exc)])))
    else:
        messages.success(request, _("Link confirmed."))
    return _back(request, statement)


@require_POST
@login_required
@permission_required(REVIEW_PERMISSION, raise_exception=True)
def link_reject(request: HttpRequest, pk: int) -> HttpResponse:
    statement = get_object_or_404(Statement.objects.select_related("commitment", "letter"), pk=pk)
    statement_reject(statement=statement, user=request.user)
    messages.success(request, _("Link rejected."))
    return _back(request, statement)
