"""The open-data sync's status page, for staff."""

from __future__ import annotations

from django.contrib.admin.views.decorators import staff_member_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from ..tksync import status_overview


@staff_member_required
def sync_status(request: HttpRequest) -> HttpResponse:
    return render(request, "commitments/sync_status.html", status_overview())
