"""Dutch search: stems and prefixes on both tiers, direct look-ups by number, ranking and the
passage shown, and an index that follows every write."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.urls import reverse

from commitments import search, services
from commitments.models import Commitment, Letter
from tests.factories import CommitmentFactory, LetterFactory

pytestmark = pytest.mark.django_db


def make_commitment(**fields) -> Commitment:
    # Spans are not what these tests are about; quotes need not stand in the letter here.
    return CommitmentFactory(span_start=None, span_end=None, **fields)


def numbers(query: str) -> set[str]:
    found = search.filter_commitments(Commitment.objects.all(), query)
    return set(found.values_list("number", flat=True))


@pytest.fixture
def sahel():
    letter = LetterFactory(
        title="Voortgangsbrief Sahel",
        kamerstuk="29521-400",
        text="Den Haag, 1 maart 2024\n\nDe minister heeft toegezegd de Kamer te informeren "
        "over Burkina Faso. Bijgaand de rapportagecyclus.\n",
    )
    return {
        "rapport": make_commitment(
            letter=letter,
            text="Twee rapportages over de missie in Mali",
            quote="In de volgende voortgangsrapportage wordt u geïnformeerd.",
        ),
        "toezeg": make_commitment(
            text="Toezegging over de evaluatie", quote="Ik zeg toe de evaluatie te sturen."
        ),
        "other": make_commitment(
            text="Een brief over de begroting", quote="Ik stuur u de begroting."
        ),
    }


@pytest.mark.parametrize(
    "query, expected",
    [
        ("rapportage", {"rapport"}),  # the stem finds the plural
        ("voortgangsrapportages", {"rapport"}),
        ("geïnformeerd", {"rapport"}),
        ("Informeren", {"rapport", "toezeg", "other"}),  # "informeren" is in every quote
        ("toegezegd", {"toezeg"}),  # the participle meets the noun
        ("evaluaties", {"toezeg"}),
        ("MALI", {"rapport"}),
        ("mali evaluatie", set()),  # every word must occur
        ("", {"rapport", "toezeg", "other"}),
    ],
)
def test_words_are_found_by_stem_and_prefix(sahel, query, expected):
    sahel["rapport"].quote += " U wordt hierover geïnformeerd."
    for key in ("toezeg", "other"):
        sahel[key].quote += " Ik zal u informeren."
    for commitment in sahel.values():
        commitment.save()
    assert numbers(query) == {sahel[key].number for key in expected}


def test_a_prefix_finds_the_compound_that_starts_with_it(sahel):
    letters = search.filter_letters(Letter.objects.all(), "rapportage")
    assert list(letters) == [sahel["rapport"].letter]


def test_a_commitment_number_finds_that_one_alone(sahel):
    number = sahel["toezeg"].number
    assert numbers(number) == {number}
    assert numbers(number.lower()) == {number}


@pytest.mark.parametrize("query", ["29521-400", "29 521, nr. 400", "Kamerstuk 29521 nr. 400"])
def test_a_kamerstuk_finds_its_letter_and_commitments(sahel, query):
    assert numbers(query) == {sahel["rapport"].number}
    assert list(search.filter_letters(Letter.objects.all(), query)) == [sahel["rapport"].letter]


def test_a_register_number_finds_its_commitment(sahel):
    Commitment.objects.filter(pk=sahel["other"].pk).update(register_number="TZ202310-045")
    assert numbers("TZ202310-045") == {sahel["other"].number}


def test_letters_are_searched_in_their_full_text(sahel):
    found = search.filter_letters(Letter.objects.all(), "Burkina")
    assert list(found) == [sahel["rapport"].letter]


def test_the_index_follows_an_analysts_edit(sahel, analyst):
    commitment = sahel["other"]
    assert numbers("defensienota") == set()
    services.commitment_edit(
        commitment=commitment,
        user=analyst,
        version=commitment.version,
        reason="beter omschreven",
        text="De defensienota volgt",
    )
    assert numbers("defensienota") == {commitment.number}
    assert numbers("begroting") == {commitment.number}  # still in its quote


def test_reindex_rebuilds_a_lost_index(sahel):
    from commitments.models import CommitmentSearch, LetterSearch

    CommitmentSearch.objects.all().delete()
    LetterSearch.objects.all().delete()
    assert numbers("mali") == set()
    call_command("reindex", stdout=open("/dev/null", "w"))
    assert numbers("mali") == {sahel["rapport"].number}


def test_rare_words_rank_by_relevance(sahel):
    many = make_commitment(text="Mali, Mali en nog eens Mali", quote="Over Mali en Mali.")
    found = search.filter_commitments(Commitment.objects.all(), "mali")
    assert [c.number for c in search.ranked(found, "mali")] == [
        many.number,
        sahel["rapport"].number,
    ]


def test_common_words_come_newest_first(sahel, monkeypatch):
    monkeypatch.setattr(search, "RANK_AT_MOST", 1)
    found = search.filter_commitments(Commitment.objects.all(), "informeren")
    ranked = search.ranked(found, "informeren")
    assert [c.made_on for c in ranked] == sorted((c.made_on for c in ranked), reverse=True)


def test_the_passage_marks_the_words_and_escapes_the_letter():
    text = "Aanhef. <script>alert(1)</script> De voortgangsrapportages volgen in mei."
    passage = search.highlight_passage(text, "rapportage voortgang")
    assert "<mark>voortgangsrapportages</mark>" in passage
    assert "<script>" not in passage and "&lt;script&gt;" in passage


def test_search_page_ranks_and_highlights(client, sahel):
    page = client.get(reverse("commitments:search"), {"q": "voortgangsrapportages"})
    html = page.content.decode()
    assert sahel["rapport"].number in html
    assert sahel["other"].number not in html
    assert "<mark>voortgangsrapportage</mark>" in html


def test_search_page_goes_straight_to_a_named_commitment(client, sahel):
    number = sahel["toezeg"].number
    page = client.get(reverse("commitments:search"), {"q": number})
    assert page.status_code == 302
    assert page["Location"] == sahel["toezeg"].get_absolute_url()


def test_the_lists_filter_by_search(client, sahel):
    html = client.get(reverse("commitments:list"), {"q": "voortgangsrapportages"}).content
    assert sahel["rapport"].number.encode() in html
    assert sahel["other"].number.encode() not in html
    letters = client.get(reverse("commitments:letter-list"), {"q": "Burkina"}).content
    assert b"Voortgangsbrief Sahel" in letters
    assert LetterFactory(title="Brief zonder Sahel").title.encode() not in letters


@pytest.mark.parametrize("few_hits", [0, 1, 10_000])
def test_common_and_rare_words_find_the_same_rows(sahel, monkeypatch, few_hits):
    # On PostgreSQL a word with at most FEW_HITS hits is filtered by its keys, a more common
    # one by a subquery: either way the same rows.
    other = make_commitment(text="Een rapportage over Niger", quote="Rapportages volgen.")
    make_commitment(text="Iets anders", quote="Niets hier.")
    monkeypatch.setattr(search, "FEW_HITS", few_hits)
    assert numbers("rapportage") == {sahel["rapport"].number, other.number}
    assert numbers("rapportage niger") == {other.number}
    letters = search.filter_letters(Letter.objects.all(), "Burkina")
    assert list(letters) == [sahel["rapport"].letter]


def test_the_letters_list_counts_no_further_than_it_pages(client, monkeypatch):
    from commitments.pagination import BoundedPaginator

    monkeypatch.setattr(BoundedPaginator, "limit", 60)
    for n in range(61):
        LetterFactory(title=f"Brief {n} over Mali")
    page = client.get(reverse("commitments:letter-list"), {"q": "Mali"})
    assert page.context["paginator"].count == 60
    assert "Pagina 1 van meer dan 2" in page.content.decode()
