"""The extractor's rules in words, for the analyst who asks why a passage was proposed.

The rules themselves live in commitments.extraction.detection (pure Python, no Django); this
module gives each rule that proposes something a translatable sentence.
"""

from __future__ import annotations

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

RULE_LABELS: dict[str, Promise] = {
    "keeps_promise": _("this letter says it keeps an earlier promise"),
    "reports_promise": _("reports an earlier promise (“I said that I would ...”)"),
    "reports_plan": _("reports an earlier announcement (“I indicated I would send ...”)"),
    "as_told_before": _("refers to what the Kamer was told before (“as I reported ...”)"),
    "restated": _("restates what was said before (“I repeat ...”)"),
    "names_promise": _("names an earlier promise (“toegezegd”, “the promise”)"),
    "as_announced": _("refers to something announced before (“as announced ...”)"),
    "answers_request": _("carries out a request of the Kamer, a committee or a member"),
    "carries_out_motie": _("carries out a motie"),
    "disposes_of_items": _("this letter disposes of promises, moties or requests"),
    "points_to_earlier_letter": _("points back at an earlier letter or answer to the Kamer"),
    "register_item_text": _("a toezegging in the words of the Kamer's register"),
    "register_item_done": _("a register item marked done with a letter"),
    "answers_request_here": _("says it will answer the request, in the letter that answers it"),
    "passive_act_dated": _("a government act in the present passive, with a time ahead"),
    "meets_legal_duty": _("meets a legal duty to report"),
    "sends_what_was_asked": _("hands over what the Kamer asked for (“the requested overview”)"),
    "this_was_announced": _("this very document was announced or promised before"),
    "status_line_restates": _("a register item's status line in an answer to a rappel"),
    "delivery_planned": _("a delivery to the Kamer planned for a time"),
    "can_send_dated": _("the minister can send it to the Kamer by a time"),
    "offers_what_was_asked": _(
        "hands over a document in a letter that names the request, motie or duty it answers"
    ),
    "is_promised_report": _("this letter is itself a promised (progress) report"),
    "names_motie": _("names a particular motie the letter answers"),
    "told_kamer_before": _("the government told the Kamer before (“I let you know earlier ...”)"),
    "informed_of_plan": _(
        "the Kamer was told of a plan or promise before (“I informed you of my intention ...”)"
    ),
    "per_motie": _("does what a particular motie asked (“in line with the motie ...”)"),
    "request_of_kamer": _(
        "names a request of the Kamer, a committee or a member the letter answers"
    ),
    "restates_this_letter": _("repeats a promise made earlier in the same letter"),
    "explicit_promise": _("an explicit promise (“I promise ...”)"),
    "future_to_kamer": _("the government will inform the Kamer or send it something"),
    "kamer_informed_passive": _("the Kamer will be informed (passive: “the Kamer will be ...”)"),
    "planned_to_kamer_dated": _(
        "informing or sending the Kamer planned in the present tense, with a time ahead"
    ),
    "comes_back": _("the minister will come back to it (“I will return to this”)"),
    "kamer_receives": _("the Kamer will receive something (“the Kamer receives ...”)"),
    "document_will_address": _("a coming document will address the subject"),
    "document_follows": _("a coming document follows or appears (“a second letter follows”)"),
    "keeps_kamer_informed": _("a lasting promise to keep the Kamer informed"),
    "government_future_dated": _("the government will act, by a stated time"),
    "government_future": _("the government will act (future tense, no time stated)"),
    "intends_to_kamer": _("a plan to inform the Kamer or send it something"),
    "passive_future_act": _("a government act in the future passive (“will be included”)"),
    "informs_later": _(
        "the government will inform the Kamer further (“informs you in more detail”)"
    ),
    "wants_to_act": _("the government wants to do something concrete (“I want to ask ...”)"),
    "firm_intention_dated": _("a firm plan with a time (“I aim to ... before the summer”)"),
    "resolved_to_act": _("the government has resolved on an act (“I intend to ...”)"),
    "kamer_can_expect": _("the Kamer can expect it (“you can expect ...”)"),
    "time_ahead_then_act": _("opens with a time ahead, then the government's act"),
    "commissions_work": _(
        "the government has work done or takes advice over (“I will have it looked into”)"
    ),
    "learned_model": _(
        "no hand rule: the learned model, trained on the labelled letters, found it likely"
    ),
}


def rule_label(name: str) -> str:
    """The rule in words; an unknown name (an older extractor's) is shown as it is."""
    label = RULE_LABELS.get(name)
    return str(label) if label is not None else name
