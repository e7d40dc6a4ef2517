"""Search over commitments and letters, ranked, with the matching passage shown."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from .. import search
from ..models import Commitment, Letter

RESULTS_SHOWN = 20


def search_view(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()[:200]
    commitments: list[Commitment] = []
    letters: list[Letter] = []
    if query:
        found = search.filter_commitments(
            Commitment.objects.visible().select_related("letter"), query
        )
        lookup = search.parse_lookup(query)
        if lookup is not None and (lookup.commitment_number or lookup.register_number):
            named = list(found[:2])
            if len(named) == 1:  # a number names one commitment: go straight to it
                return redirect(named[0])
        commitments = search.ranked(found, query, RESULTS_SHOWN)
        letters = search.ranked(
            search.filter_letters(Letter.objects.all(), query), query, RESULTS_SHOWN
        )
        for commitment in commitments:
            commitment.passage = search.highlight_passage(  # type: ignore[attr-defined]
                commitment.quote or commitment.text, query
            )
        for letter in letters:
            letter.passage = search.highlight_passage(letter.text, query)  # type: ignore[attr-defined]
    return render(
        request,
        "commitments/search.html",
        {"query": query, "commitments": commitments, "letters": letters, "shown": RESULTS_SHOWN},
    )
