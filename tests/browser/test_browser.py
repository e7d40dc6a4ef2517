"""The app in a real browser: visitor, viewer and analyst, Dutch and English, phone width."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from playwright.sync_api import expect

from commitments.models import Commitment, EventKind, Letter, Subscription
from tests.browser.conftest import PHONE, check_axe, login, page_width, set_language
from tests.factories import CommitmentFactory, LetterFactory


@pytest.fixture
def data(transactional_db):
    """Two letters: one with a confirmed and a proposed commitment, a later one to fulfil them."""
    first = LetterFactory(
        title="Brief over de Sahel",
        kamerstuk="29521-400",
        date=dt.date(2017, 5, 19),
        text=(
            "Den Haag, 19 mei 2017\n\nBetreft: de Sahel.\n\nDe aanpassing zal medio 2017 worden "
            "geëvalueerd. Ik zal uw Kamer voor de zomer informeren over <script>alert(1)</script> "
            "de voortgang.\n"
        ),
    )
    kept = CommitmentFactory(
        number="TZ-2017-0001",
        letter=first,
        quote="De aanpassing zal medio 2017 worden geëvalueerd.",
        text="Evaluatie van de aanpassing",
        due_date=dt.date(2017, 7, 31),
        made_on=dt.date(2017, 5, 19),
        review="confirmed",
    )
    proposed = CommitmentFactory(
        number="TZ-2017-0002",
        letter=first,
        quote="Ik zal uw Kamer voor de zomer informeren over <script>alert(1)</script> de voortgang.",
        text="Informeren over de voortgang",
        due_date=dt.date(2030, 6, 30),
        made_on=dt.date(2017, 5, 19),
        confidence=0.8,
    )
    later = LetterFactory(
        title="Evaluatie aanpassing Sahel", kamerstuk="29521-410", date=dt.date(2018, 2, 1)
    )
    return {"first": first, "kept": kept, "proposed": proposed, "later": later}


def test_browse_and_filter_as_a_visitor(site, page, data):
    page.goto(f"{site}/toezeggingen/")
    expect(page.locator("h1")).to_have_text("Toezeggingen")
    rows = page.locator("table.list tbody tr")
    expect(rows).to_have_count(2)
    page.fill("form.filters input[name=q]", "voortgang")
    page.get_by_role("button", name="Filteren").click()
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text("TZ-2017-0002")
    assert "q=voortgang" in page.url  # a shareable address
    page.get_by_role("link", name="Wissen").click()
    page.locator("details.filter-panel summary").click()  # the rarer filters fold away
    page.locator("input[name=status][value=open]").check()
    page.locator("select[name=overdue]").select_option("true")
    page.get_by_role("button", name="Filteren").click()
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text("TZ-2017-0001")
    page.get_by_role("link", name="TZ-2017-0001").click()
    expect(page.locator("h1")).to_contain_text("TZ-2017-0001")
    expect(page.locator("blockquote.quote")).to_contain_text("medio 2017")
    page.get_by_role("link", name="Brieven", exact=True).click()
    expect(page.locator("table.list tbody tr")).to_have_count(2)
    page.get_by_role("link", name="Brief over de Sahel").click()
    # Letter text is untrusted: the script tag shows as text and never runs.
    expect(page.locator(".letter-text")).to_contain_text("<script>alert(1)</script>")
    assert page.locator(".letter-text script").count() == 0


def test_show_in_the_letter_keeps_the_sentence_in_view(site, page, data):
    # A long letter, so that the sentence is far down and the page must scroll to it.
    letter = data["first"]
    letter.text = "Alinea.\n" * 300 + letter.text
    letter.save()
    kept = data["kept"]
    kept.span_start = letter.text.find(kept.quote)
    kept.span_end = kept.span_start + len(kept.quote)
    kept.save()
    page.goto(f"{site}{kept.get_absolute_url()}")
    page.get_by_role("link", name="Tonen in de brief").click()
    mark = page.locator(f"#{kept.letter_anchor}")
    # The page scrolls smoothly: wait until the sentence is on screen and has come to rest.
    mark.evaluate(
        """el => new Promise(done => { let last = null; const tick = () => {
             const top = el.getBoundingClientRect().top;
             if (top === last && top < innerHeight) return done(); last = top;
             setTimeout(tick, 150); }; tick(); })"""
    )
    box = mark.bounding_box()
    viewport = page.viewport_size
    assert box is not None and viewport is not None
    assert 40 < box["y"] < viewport["height"] - box["height"], box  # not flush at the top
    expect(page.locator(".legend")).to_contain_text("toezegging")


@pytest.mark.parametrize("language", ["nl", "en"])
def test_every_date_input_holds_iso_dates(site, page, data, analyst_user, language):
    login(page, site, "analist")
    if language == "en":
        set_language(page, "en")
    # the list's due-date range
    page.goto(f"{site}/toezeggingen/")
    page.locator("details.filter-panel summary").click()
    page.fill("input[name=due_after]", "2017-07-01")
    page.fill("input[name=due_before]", "2017-08-31")
    page.locator("form.filters button[type=submit]").click()
    expect(page.locator("table.list tbody tr")).to_have_count(1)
    expect(page.locator("input[name=due_after]")).to_have_value("2017-07-01")
    expect(page.locator("input[name=due_before]")).to_have_value("2017-08-31")
    # the letters list's date range
    page.goto(f"{site}/brieven/")
    page.fill("input[name=date_after]", "2018-01-01")
    page.locator("form.filters button[type=submit]").click()
    expect(page.locator("table.list tbody tr")).to_have_count(1)
    expect(page.locator("input[name=date_after]")).to_have_value("2018-01-01")
    # the edit form on the commitment page: saving only the actor keeps the deadline
    kept = data["kept"]
    page.goto(f"{site}{kept.get_absolute_url()}")
    page.locator("section.actions details summary").filter(
        has_text=re.compile("^(Bewerken|Edit)$")
    ).click()
    edit = page.locator("form[action$='/wijzigen']")
    expect(edit.locator("input[name=due_date]")).to_have_value("2017-07-31")
    edit.locator("input[name=actor]").fill("Minister voor Ontwikkelingssamenwerking")
    edit.locator("textarea[name=reason]").fill("bewindspersoon verduidelijkt")
    edit.locator("button[type=submit]").click()
    page.wait_for_load_state()
    kept.refresh_from_db()
    assert kept.due_date == dt.date(2017, 7, 31)
    assert kept.actor == "Minister voor Ontwikkelingssamenwerking"
    # the review queue's edit form
    page.goto(f"{site}/beoordelen/")
    card = page.locator(f"#card-{data['proposed'].pk}")
    card.locator("details[data-edit] summary").click()
    expect(card.locator("input[name=due_date]")).to_have_value("2030-06-30")
    # and nowhere a date input that the browser could not read
    for url in ("/toezeggingen/", kept.get_absolute_url(), "/brieven/", "/beoordelen/"):
        page.goto(f"{site}{url}")
        for value in page.locator("input[type=date]").evaluate_all("els => els.map(e => e.value)"):
            assert value == "" or re.fullmatch(r"\d{4}-\d{2}-\d{2}", value), (url, value)


def test_each_analyst_action_on_the_commitment_page(site, page, data, analyst_user):
    login(page, site, "analist")
    proposed = data["proposed"]
    page.goto(f"{site}{proposed.get_absolute_url()}")
    page.get_by_role("button", name="Bevestigen", exact=True).click()
    expect(page.locator(".messages")).to_contain_text("bevestigd")
    # note
    page.locator("textarea[name=note]").last.fill("Nagevraagd bij het departement.")
    page.get_by_role("button", name="Notitie toevoegen").click()
    expect(page.locator("ol.timeline")).to_contain_text("Nagevraagd bij het departement.")
    # fulfil with the letter picker (htmx: the results appear while typing)
    page.locator("#fulfil summary").click()
    page.fill("#id_letter_q", "Evaluatie")
    picked = page.locator(f"#pick-{data['later'].pk}")
    expect(picked).to_be_visible()
    assert page.locator(f"#pick-{data['first'].pk}").count() == 0  # never its own letter
    picked.check()
    page.locator("#fulfil-form button[type=submit]").click()
    expect(page.locator(".messages")).to_contain_text("voldaan")
    proposed.refresh_from_db()
    assert proposed.status == "fulfilled"
    assert proposed.events.get(kind=EventKind.FULFILLED).letter == data["later"]
    # reopen, then withdraw
    page.locator("section.actions summary", has_text="Heropenen").click()
    page.locator("form[action$='/heropenen'] button").click()
    expect(page.locator(".messages")).to_contain_text("heropend")
    page.locator("section.actions summary", has_text="Laten vervallen").click()
    page.locator("form[action$='/intrekken'] textarea").fill("Vervallen door kabinetswissel")
    page.locator("form[action$='/intrekken'] button").click()
    expect(page.locator(".messages")).to_contain_text("vervallen")
    proposed.refresh_from_db()
    assert proposed.status == "withdrawn"
    # reject another proposal
    other = CommitmentFactory(
        letter=data["first"], number="TZ-2017-0009", quote="Betreft: de Sahel."
    )
    page.goto(f"{site}{other.get_absolute_url()}")
    page.locator("section.actions summary", has_text="Afwijzen").click()
    page.locator("form[action$='/afwijzen'] button").click()
    other.refresh_from_db()
    assert other.review == "rejected"


def test_fulfil_picker_works_without_javascript(site, browser, live_server, data, analyst_user):
    context = browser.new_context(java_script_enabled=False, locale="nl-NL")
    page = context.new_page()
    login(page, site, "analist")
    kept = data["kept"]
    page.goto(f"{site}{kept.get_absolute_url()}")
    page.locator("#fulfil summary").click()
    page.fill("#id_letter_q", "29521-410")
    page.locator("form.picker button[type=submit]").click()
    page.locator(f"#pick-{data['later'].pk}").check()
    page.locator("#fulfil-form button[type=submit]").click()
    kept.refresh_from_db()
    assert kept.status == "fulfilled"
    context.close()


def test_review_queue_confirms_in_place_and_by_keyboard(site, page, data, analyst_user):
    second = CommitmentFactory(letter=data["later"], number="TZ-2018-0001")
    login(page, site, "analist")
    expect(page.locator(".site-nav")).to_contain_text(re.compile(r"Te beoordelen\s*2"))
    page.get_by_role("link", name=re.compile("Te beoordelen")).click()
    assert page.url.endswith("/beoordelen/")
    cards = page.locator("[data-card]")
    expect(cards).to_have_count(2)
    expect(cards.first).to_contain_text("TZ-2018-0001")  # newest letter first
    expect(cards.nth(1).locator("blockquote mark")).to_have_text(data["proposed"].quote)
    url = page.url
    cards.first.get_by_role("button", name="Bevestigen").click()
    expect(page.locator(f"#card-{second.pk}")).to_contain_text("Toezegging bevestigd")
    assert page.url == url  # swapped in place, no page load
    second.refresh_from_db()
    assert second.review == "confirmed"
    # keyboard: j to the next proposal, x rejects it
    page.locator("body").press("j")
    page.keyboard.press("j")
    expect(page.locator(f"#card-{data['proposed'].pk}")).to_be_focused()
    page.keyboard.press("x")
    expect(page.locator(f"#card-{data['proposed'].pk}")).to_contain_text("Gemarkeerd")
    assert Commitment.objects.get(pk=data["proposed"].pk).review == "rejected"
    # e opens the edit form of the current card; saving swaps the card in place
    third = CommitmentFactory(letter=data["later"], number="TZ-2018-0002")
    page.reload()
    card = page.locator(f"#card-{third.pk}")
    card.focus()
    page.keyboard.press("e")
    expect(card.locator("textarea[name=text]")).to_be_focused()
    card.locator("textarea[name=text]").fill("Kamer informeren over de voortgang")
    card.locator("textarea[name=reason]").fill("preciezer")
    card.locator("details[data-edit] button[type=submit]").click()
    expect(page.locator(f"#card-{third.pk}")).to_contain_text("Wijzigingen opgeslagen")
    assert page.url == url
    third.refresh_from_db()
    assert third.text == "Kamer informeren over de voortgang"
    # ordering by confidence
    page.select_option("#id_sort", "confidence")
    page.get_by_role("button", name="Sorteren").click()
    assert "sort=confidence" in page.url


def test_review_queue_works_without_javascript(site, browser, data, analyst_user):
    context = browser.new_context(java_script_enabled=False, locale="nl-NL")
    page = context.new_page()
    login(page, site, "analist")
    page.goto(f"{site}/beoordelen/")
    card = page.locator(f"#card-{data['proposed'].pk}")
    card.locator("details[data-edit] summary").click()
    card.locator("textarea[name=text]").fill("Informeren over de voortgang in de Sahel")
    card.locator("textarea[name=reason]").fill("preciezer")
    card.locator("details[data-edit] button[type=submit]").click()
    assert page.url.endswith("/beoordelen/")
    expect(page.locator(".messages")).to_contain_text("opgeslagen")
    data["proposed"].refresh_from_db()
    assert data["proposed"].text == "Informeren over de voortgang in de Sahel"
    assert data["proposed"].due_date == dt.date(2030, 6, 30)
    context.close()


def test_viewer_gets_an_explaining_page_not_a_bare_403(site, page, data, viewer_user):
    login(page, site, "lezer")
    assert page.locator(".site-nav").get_by_text("Te beoordelen").count() == 0
    response = page.goto(f"{site}/beoordelen/")
    assert response is not None and response.status == 403
    expect(page.locator("h1")).to_have_text("Deze pagina is voor analisten")
    expect(page.locator("main")).to_contain_text("lezer")


def test_upload_a_letter(site, page, analyst_user, tmp_path, transactional_db):
    login(page, site, "analist")
    path = tmp_path / "brief.txt"
    path.write_text(
        "Den Haag, 1 maart 2024\n\nBetreft: voortgang.\n\nIk zal uw Kamer voor de zomer "
        "informeren over de voortgang.\n",
        encoding="utf-8",
    )
    page.get_by_role("link", name="Brieven uploaden").click()
    page.set_input_files("input[type=file]", str(path))
    page.locator("main button[type=submit]").click()
    page.wait_for_load_state()
    letter = Letter.objects.get(source_name="brief.txt")
    page.goto(f"{site}{letter.get_absolute_url()}")
    expect(page.locator(".letter-text")).to_contain_text("voor de zomer")
    expect(page.locator("dl.facts")).to_contain_text("door analist")  # where it came from


def test_subscribe_pause_and_unsubscribe(site, page, data, viewer_user):
    login(page, site, "lezer")
    page.goto(f"{site}/toezeggingen/?status=open")
    page.get_by_role("link", name="Weekoverzicht van deze selectie").click()
    expect(page.locator("textarea[name=query], input[name=query]")).to_have_value("status=open")
    page.locator("form[action$='/abonnementen/nieuw'] button").click()
    expect(page.locator(".messages")).to_contain_text("lezer@example.org")
    subscription = Subscription.objects.get(user=viewer_user)
    page.get_by_role("button", name="Pauzeren").click()
    subscription.refresh_from_db()
    assert subscription.paused
    page.get_by_role("button", name="Afmelden").click()
    subscription.refresh_from_db()
    assert subscription.unsubscribed_at is not None


def test_profile_sets_address_and_digest_language(site, page, viewer_user, transactional_db):
    Subscription.objects.create(user=viewer_user, email=viewer_user.email, language="nl")
    login(page, site, "lezer")
    page.get_by_role("link", name="lezer").click()
    page.fill("input[name=email]", "nieuw@example.org")
    page.select_option("main select[name=language]", "en")
    page.locator("main button[type=submit]").click()
    expect(page.locator(".messages")).to_contain_text("opgeslagen")
    viewer_user.refresh_from_db()
    assert viewer_user.email == "nieuw@example.org"
    assert Subscription.objects.get(user=viewer_user).language == "en"


def test_both_languages(site, page, data):
    page.goto(f"{site}/toezeggingen/")
    expect(page.locator("html")).to_have_attribute("lang", "nl")
    expect(page.locator("h1")).to_have_text("Toezeggingen")
    set_language(page, "en")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("h1")).to_have_text("Commitments")
    page.get_by_role("link", name="TZ-2017-0001").click()
    expect(page.locator("dl.facts")).to_contain_text("31 July 2017")
    set_language(page, "nl")
    expect(page.locator("dl.facts")).to_contain_text("31 juli 2017")


@pytest.mark.parametrize("language", ["nl", "en"])
def test_phone_width_no_page_wider_than_the_screen(site, browser, data, analyst_user, language):
    context = browser.new_context(viewport=PHONE, locale="nl-NL", is_mobile=True)
    page = context.new_page()
    login(page, site, "analist")
    if language == "en":
        set_language(page, "en")
    urls = [
        "/toezeggingen/",
        data["kept"].get_absolute_url(),
        "/brieven/",
        data["first"].get_absolute_url(),
        "/beoordelen/",
        "/abonnementen/",
        "/brieven/uploaden",
        "/profiel/",
    ]
    for url in urls:
        page.goto(f"{site}{url}")
        assert page_width(page) <= PHONE["width"], url
        # the whole menu is on screen, nothing cut off
        for box in page.locator(".site-nav a, .account > *").evaluate_all(
            "els => els.map(e => e.getBoundingClientRect().right)"
        ):
            assert box <= PHONE["width"], (url, box)
    context.close()


def test_accessibility_wcag_aa_with_axe(site, page, data, analyst_user):
    pages = ["/toezeggingen/", "/brieven/", data["first"].get_absolute_url(), "/accounts/login/"]
    for url in pages:
        page.goto(f"{site}{url}")
        check_axe(page)
    login(page, site, "analist")
    for url in [
        data["kept"].get_absolute_url(),
        "/beoordelen/",
        "/abonnementen/",
        "/brieven/uploaden",
        "/profiel/",
    ]:
        page.goto(f"{site}{url}")
        page.locator("details").evaluate_all("els => els.forEach(e => e.open = true)")
        check_axe(page)
    set_language(page, "en")
    page.goto(f"{site}/toezeggingen/")
    check_axe(page)


def test_confirm_and_reject_proposed_links(site, page, data, analyst_user):
    from commitments.models import Statement
    from commitments.services import statement_propose

    later = data["later"]
    kept = data["kept"]
    statements = [
        Statement.objects.create(
            letter=later,
            kind="reference",
            quote=f"zoals eerder toegezegd {n}",
            span_start=n * 10,
            span_end=n * 10 + 5,
        )
        for n in range(2)
    ]
    for statement in statements:
        statement_propose(statement=statement, commitment=kept, score=0.7)
    login(page, site, "analist")
    page.goto(f"{site}{kept.get_absolute_url()}")
    expect(page.locator("ol.timeline .proposal").first).to_contain_text("nog niet bevestigd")
    page.get_by_role("button", name="Verwijzing bevestigen").first.click()
    expect(page.locator(".messages")).to_contain_text("Koppeling bevestigd")
    page.get_by_role("button", name="Niet deze toezegging").first.click()
    states = sorted(Statement.objects.values_list("link_state", flat=True))
    assert states == ["confirmed", "rejected"]
    timeline = page.locator("ol.timeline")
    expect(timeline).to_contain_text("koppeling bevestigd")
    expect(timeline).to_contain_text("koppeling afgewezen")
    expect(timeline).not_to_contain_text("nog niet bevestigd")
