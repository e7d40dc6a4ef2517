"""Commitment (toezegging) extraction from Dutch government letters to parliament.

Pure Python, deterministic, no Django: the importer and the `extract` command call
`extract(text)`; the importer also reuses `parse_deadline` on register records.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field, replace
from typing import Any

from .cleanup import CleanText, clean
from .deadlines import Deadline, find_deadlines, parse_deadline
from .detection import Analysis, admits, analyse_sentence, topic_words
from .lexicon import MINISTER_THIRD_PERSON, REGISTER_NUMBER
from .metadata import LetterMeta, Signatory, parse_metadata
from .sentences import split_sentences

__all__ = [
    "Deadline",
    "Extraction",
    "FoundCommitment",
    "FoundReference",
    "LetterMeta",
    "Signatory",
    "explain",
    "extract",
    "parse_deadline",
]


@dataclass(frozen=True)
class FoundCommitment:
    quote: str
    start: int
    end: int
    kind: str  # "inform", "send_document" or "action"
    actor: str
    action: str
    deadline_phrase: str | None
    due: dt.date | None
    confidence: float
    rule: str = ""  # the detection rule that proposed it (detection.RULES_BY_NAME)


@dataclass(frozen=True)
class FoundReference:
    quote: str
    start: int
    end: int
    refers_to: str
    kind: str  # "reference" or "fulfilment"
    deadline_phrase: str | None
    due: dt.date | None
    confidence: float
    rule: str = ""
    answers: str = "toezegging"  # detection.ANSWERS: toezegging, motie, verzoek, wettelijke plicht


@dataclass(frozen=True)
class Extraction:
    letter: LetterMeta
    commitments: list[FoundCommitment] = field(default_factory=list)
    fulfilments: list[FoundReference] = field(default_factory=list)

    def as_json(self, path: str | None = None) -> dict[str, Any]:
        """The dict `manage.py extract --json` prints for one file (dates as ISO strings)."""
        letter = self.letter
        return {
            "path": path,
            "letter": {
                "date": _iso(letter.date),
                "date_inferred": letter.date_inferred,
                "addressee": letter.addressee,
                "kamerstuk": letter.kamerstuk,
                "dossier": letter.dossier,
                "signatories": [signatory.label() for signatory in letter.signatories],
                "ministry": letter.ministry,
                "subject": letter.subject,
            },
            "commitments": [
                {
                    "quote": c.quote,
                    "start": c.start,
                    "end": c.end,
                    "kind": c.kind,
                    "actor": c.actor,
                    "action": c.action,
                    "deadline_phrase": c.deadline_phrase,
                    "due": _iso(c.due),
                    "confidence": round(c.confidence, 2),
                    "rule": c.rule,
                }
                for c in self.commitments
            ],
            "fulfilments": [
                {
                    "quote": r.quote,
                    "start": r.start,
                    "end": r.end,
                    "refers_to": r.refers_to,
                    "kind": r.kind,
                    "deadline_phrase": r.deadline_phrase,
                    "due": _iso(r.due),
                    "confidence": round(r.confidence, 2),
                    "rule": r.rule,
                    "answers": r.answers,
                }
                for r in self.fulfilments
            ],
        }

    def to_json(self, path: str | None = None) -> str:
        return json.dumps(self.as_json(path), ensure_ascii=False)


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


_SPACE_RUN = re.compile(r"\s+")
_LEAD_IN = re.compile(
    r"^(?:vanzelfsprekend|uiteraard|ook|tevens|daarnaast|verder|zoals\s+toegezegd|zoals\s+"
    r"aangekondigd)\s*,?\s*",
    re.IGNORECASE,
)
# The rule name of a sentence that repeats a promise made earlier in the same letter.
RESTATES = "restates_this_letter"
# the `rule` of an item no hand rule proposed and the learned layer added (learned.py)
LEARNED = "learned_model"
# Restating an earlier promise of this letter: share this much of the smaller topic.
_RESTATEMENT_OVERLAP = 0.5


# A sentence that opens with a time phrase and inverts a government subject: "In het voorjaar
# van 2020 neem ik een besluit ...", "Voor de zomer stuur ik ...". Cheap test first.
_FRONTED_TIME = re.compile(
    r"^(?:in|voor|vóór|na|begin|medio|eind|uiterlijk|rond|komend\w*|volgend\w*|binnen|later|nog|"
    r"tegen|halverwege|q[1-4])\b(?:\s+\S+){0,7}?\s+[a-zà-ÿ]+\s+(?:ik|wij|we|het\s+kabinet|defensie|"
    r"mijn\s+ministerie|het\s+ministerie|het\s+rijk)\b",
    re.IGNORECASE,
)
_INVERTED_GOV = re.compile(
    r"\s*,?\s*(?P<verb>[a-zà-ÿ]+)\s+(?:ik|wij|we|het\s+kabinet|defensie|mijn\s+ministerie|"
    r"het\s+ministerie|het\s+rijk)\b",
    re.IGNORECASE,
)
# finite verbs after which the sentence reports, expects or muses rather than promises
_NOT_PROMISING_VERBS = frozenset(
    """
    heb hebben heeft had hadden ben is was waren zijn kan kon konden kunnen moet moest moeten
    wil wilde willen zou zouden mag mocht werd werden wordt worden verwacht verwachten hoop
    hopen denk denken zie zien merk merken constateer constateren ontving ontvingen vond
    """.split()
)


# verbs of an act towards the Kamer or a decision; not policy verbs ("In 2025 investeert het
# kabinet ...", "Vanaf 2026 stelt het kabinet ... beschikbaar" state policy, not a promise)
_LEAD_ACT_VERB = re.compile(
    r"(?:neem|nem|stuur|zend|informeer|bied|kom|spreek|presenteer|publiceer|lever|geef|geve|doe|"
    r"maak|make|organiseer|beantwoord|reageer|overleg|rapporteer|bericht|verstuur|deel|zal|zull|ga|gaa|"
    r"besluit|beslis|start)\w{0,2}",
    re.IGNORECASE,
)


# The same act in subject-first order, with a time ahead later in the sentence: "Het ministerie
# van IenW laat in de eerste helft van 2023 ... berekenen", "Daarnaast start ik in 2024 ..."
_SUBJECT_FIRST = re.compile(
    r"^(?:(?:daarnaast|ook|verder|tevens|daarom|vervolgens|bovendien|hiervoor|daarvoor)\s*,?\s+)?"
    r"(?:ik|wij|we|het\s+kabinet|defensie|mijn\s+ministerie|het\s+ministerie(?:\s+van\s+[\w&]+)?)\s+"
    r"(?P<verb>[a-zà-ÿ]+)\b",
    re.IGNORECASE,
)
_SUBJECT_FIRST_VERB = re.compile(
    r"laat|start|teken\w?|breng\w?|actualiseer\w{0,2}|onderzoek\w?|evalueer\w?|verken\w?|"
    + _LEAD_ACT_VERB.pattern,
    re.IGNORECASE,
)


def _subject_first_act(sentence: str) -> re.Match | None:
    """The opening "<government> <act verb>" of a sentence, if it has one."""
    subject = _SUBJECT_FIRST.match(sentence)
    if subject is None or subject.group("verb").lower() in _NOT_PROMISING_VERBS:
        return None
    return subject if _SUBJECT_FIRST_VERB.fullmatch(subject.group("verb")) else None


# The act after a short opening, the subject after the verb: "Net als voorgaande jaren stel ik
# ook in 2019 weer subsidiemodules open", "Daarnaast bundelen we ... en verspreiden dat voor de
# zomer"
_INVERTED_ACT = re.compile(
    r"^\W*(?:[\w\-]+\s+){1,5}?(?P<verb>[a-zà-ÿ]+)\s+(?:ik|wij|we|het\s+kabinet)\b", re.IGNORECASE
)
# words before "ik" that open a clause of their own, or say rather than do
_NOT_AN_ACT_VERB = _NOT_PROMISING_VERBS | frozenset(
    """
    dat omdat zodat wat die dan als zoals nu toen waar waarin waarmee waarover waarop hoe of
    wanneer zodra nadat voordat totdat tenzij indien mits en maar want ook daarom dus hoeverre
    welke wie waarom
    vind vinden acht achten meen menen weet weten besef beseffen begrijp begrijpen erken
    erkennen onderschrijf benadruk benadrukken concludeer concluderen hoor horen
    ontvang ontvangen lees lezen verneem vernemen schreef schreven meldde meldden
    """.split()
)


def _inverted_act(sentence: str) -> re.Match | None:
    """The opening "<few words> <verb> <government>" of a sentence, if the verb may be an act."""
    inverted = _INVERTED_ACT.match(sentence)
    if inverted is None or inverted.group("verb").lower() in _NOT_AN_ACT_VERB:
        return None
    return inverted


def _present_act_ahead(
    sentence: str, deadlines: list[Deadline], letter_date: dt.date | None
) -> bool:
    """Whether a sentence opens "<government> <act verb>" (or "<opening> <act verb>
    <government>") and names a time ahead of the letter."""
    subject = _subject_first_act(sentence)
    # after an opening, only a time that follows the verb and its subject closely: "Dit pakken
    # we in 2023 op", not the target years of a policy later on ("hanteren we ... een doel van
    # 55 procent in 2025")
    reach = len(sentence)
    if subject is None:
        subject, reach = _inverted_act(sentence), 30
    if subject is None:
        return False
    return any(
        d.due is not None
        and subject.end() < d.start <= subject.end() + reach
        # "binnenkort" ahead only right after the verb ("Het kabinet reageert binnenkort op"),
        # not in a clause further on ("Ik onderzoek of er op korte termijn ...")
        and (d.kind != "vague" or not sentence[subject.end() : d.start].strip())
        and (letter_date is None or d.due > letter_date)
        for d in deadlines
    )


def _future_lead(sentence: str, deadlines: list[Deadline], letter_date: dt.date | None) -> bool:
    """Whether a sentence opens with a time phrase ahead of the letter, then "<verb> ik"."""
    lead = min(deadlines, key=lambda deadline: deadline.start, default=None)
    if lead is None or lead.due is None or sentence[: lead.start].strip():
        return False
    if letter_date is not None and lead.due <= letter_date:
        return False
    inverted = _INVERTED_GOV.match(sentence, lead.end)
    return (
        inverted is not None
        and inverted.group("verb").lower() not in _NOT_PROMISING_VERBS
        and bool(_LEAD_ACT_VERB.fullmatch(inverted.group("verb")))
    )


_SPLIT_DIAERESIS = re.compile(r"(\w) ([ïëöüä]\w)")
_ANAPHORA = re.compile(r"\b(?:hier|daar)(?:over|op|in|aan|mee|bij|van|voor)?\b", re.IGNORECASE)


def _is_heading(sentence: str) -> bool:
    """A short line without final punctuation: a heading such as "Toezegging klimaatadaptatie";
    not a sentence that a signature's name was glued to ("... zal in het najaar 2013
    plaatsvinden.\ndr. R.H.A. Plasterk")."""
    return (
        sentence.rstrip()[-1:] not in ".!?:;)»”\"'"
        and len(sentence.split()) <= 12
        and not _SENTENCE_THEN_NAME.search(sentence)
    )


# a full sentence, then a name line: "plaatsvinden. dr. R.H.A. Plasterk"
_SENTENCE_THEN_NAME = re.compile(
    r"\b\w{3,}[.!?]\s+(?:(?:dr|mr|drs|ir|prof|mw|dhr)\.\s+)*(?:[A-Z]\.\s*){1,5}\s*[A-Z][\w\-]+"
)


_FINITE_VERB = re.compile(
    r"\b(?:is|zijn|was|waren|wordt|worden|werd|werden|ben|bent|heb|heeft|hebben|had|hadden|zal|"
    r"zullen|zou|zouden|kan|kunnen|moet|moeten|wil|wilde|ga|gaat|gaan|zeg|zegt|zegde|stuur|stuurt|"
    r"informeer|informeert|ontvangt|doe|doet|deed|kom|komt|kwam)\b",
    re.IGNORECASE,
)


def _is_title(sentence: str) -> bool:
    """A longer title line: no final punctuation and no finite verb ("Toezegging over ...")."""
    return (
        sentence.rstrip()[-1:] not in ".!?:;)»”\"'"
        and len(sentence.split()) <= 30
        and not _FINITE_VERB.search(sentence)
    )


@dataclass
class _Promise:
    topic: set[str]
    due: dt.date | None
    phrase: str | None
    action: str
    sentence_index: int = -1
    kind: str | None = None


def _paraphrase(sentence: str) -> str:
    action = _LEAD_IN.sub("", sentence).strip()
    if _INVERTED_START.match(action):
        # "Vanzelfsprekend zal uw Kamer ..." without its lead-in reads "Zal uw Kamer ...": a
        # question, and not what the letter says
        action = sentence.strip()
    if len(action) > 240:
        action = action[:237].rsplit(" ", 1)[0] + "..."
    return action[:1].upper() + action[1:]


_INVERTED_START = re.compile(
    r"(?:zal|zullen|zult|wordt|worden|ga|gaat|gaan|kom|komt|ontvangt|stuur|informeer|is|zijn|"
    r"heb|heeft|hebben|kan|kunnen|wil|moet|blijft|laat|doe|bied|zend)\b",
    re.IGNORECASE,
)


def _repeats(
    promise: _Promise,
    topic: set[str],
    due: dt.date | None,
    phrase: str | None,
    own_topic: set[str] | None,
    sentence_index: int,
    kind: str | None,
) -> bool:
    """Whether a sentence repeats one earlier promise of this letter.

    own_topic: the sentence's words without the sentence before it, against which the promise of
    that very sentence before is compared (an anaphor borrows that sentence's topic wholesale).
    """
    to_kamer = ("inform", "send_document")
    if (kind in to_kamer) != (promise.kind in to_kamer) and "action" in (kind, promise.kind):
        # informing the Kamer about an act is a second promise, not the act again; and an act
        # taken on the way to a report ("Bij het bezien van de maatregelen, waarover ik u eind
        # dit jaar informeer, zal ik ... beschouwen") is a promise of its own
        return False
    words = topic
    if own_topic is not None and promise.sentence_index == sentence_index - 1:
        words = own_topic
    if due is not None and promise.due is not None and abs((due - promise.due).days) > 31:
        return False
    same_deadline = (
        phrase is not None
        and promise.phrase is not None
        and due is not None
        and _SPACE_RUN.sub(" ", phrase.lower()) == _SPACE_RUN.sub(" ", promise.phrase.lower())
    )
    shared = len(promise.topic & words)
    if same_deadline and shared:
        return True
    return shared >= 2 and shared / min(len(promise.topic), len(words)) >= _RESTATEMENT_OVERLAP


# A word shared by this many earlier promises of one letter no longer brings more of them in as
# candidates: a restatement always shares a topic word, so only promises sharing one are compared,
# and the cap keeps a letter of thousands of promises linear. Real letters stay far below it.
_POSTINGS_CAP = 64


def _wording(action: str) -> str:
    return " ".join(action.lower().split())


class _Promises:
    """The letter's promises so far, indexed by topic word."""

    def __init__(self) -> None:
        self.items: list[_Promise] = []
        self.postings: dict[str, list[int]] = {}
        # a promise said again word for word, whatever its words ("Vanzelfsprekend zal uw Kamer
        # hier tijdig over worden geïnformeerd" twice in one letter)
        self.by_wording: dict[str, int] = {}
        self.comparisons = 0  # promises compared so far (a test holds this linear)

    def add(self, promise: _Promise) -> None:
        number = len(self.items)
        self.items.append(promise)
        self.by_wording.setdefault(_wording(promise.action), number)
        for word in promise.topic:
            posting = self.postings.setdefault(word, [])
            if len(posting) < _POSTINGS_CAP:
                posting.append(number)

    def restated_by(
        self,
        topic: set[str],
        due: dt.date | None,
        phrase: str | None,
        own_topic: set[str] | None = None,
        sentence_index: int = -1,
        kind: str | None = None,
        action: str | None = None,
    ) -> _Promise | None:
        """The earliest promise of this letter that a sentence repeats, if any."""
        if action is not None and (same := self.by_wording.get(_wording(action))) is not None:
            return self.items[same]
        candidates: set[int] = set()
        for word in topic:
            candidates.update(self.postings.get(word, ()))
        for number in sorted(candidates):
            self.comparisons += 1
            promise = self.items[number]
            if _repeats(promise, topic, due, phrase, own_topic, sentence_index, kind):
                return promise
        return None


def _decide(
    sentence: str, raw_sentence: str, letter_date: dt.date | None, speaker: str | None
) -> tuple[Analysis, list[Deadline]]:
    """The rules' decision on one sentence, and the deadlines found in it.

    raw_sentence keeps the cleaned text's line breaks, which the deadline offsets refer to.
    """
    deadlines = find_deadlines(raw_sentence, letter_date)
    future_lead = _future_lead(raw_sentence, deadlines, letter_date) or _present_act_ahead(
        sentence, deadlines, letter_date
    )
    analysis = analyse_sentence(
        sentence, speaker, has_deadline=bool(deadlines), future_lead=future_lead
    )
    return analysis, deadlines


def explain(
    sentence: str, letter_date: dt.date | None = None, speaker: str | None = None
) -> Analysis:
    """The rules' decision on one sentence as `extract` takes it, with the rule that made it."""
    flat = _SPLIT_DIAERESIS.sub(r"\1\2", _SPACE_RUN.sub(" ", sentence))
    return _decide(flat, sentence, letter_date, speaker)[0]


# A letter from the Kamer to the government (a committee clerk's letter, a request): signed by
# a griffier, or addressed to a minister at the top; the government promises nothing in it.
_FROM_THE_KAMER = re.compile(
    r"^[ \t]*(?:De\s+)?(?:adjunct-|plaatsvervangend\s+)?griffier\b|"
    r"\A(?:.*\n){0,15}?[ \t]*Aan\s+de\s+(?:[Mm]inister|[Ss]taatssecretaris)\b",
    re.MULTILINE,
)
_TO_THE_KAMER = re.compile(r"\bAan\s+de\s+[Vv]oorzitter\s+van\s+de\b|\bGeachte\s+[Vv]oorzitter\b")


def _from_the_kamer(text: str) -> bool:
    head = text[:3000]
    return bool(_FROM_THE_KAMER.search(head) or _FROM_THE_KAMER.search(text[-1500:])) and not (
        _TO_THE_KAMER.search(head)
    )


@dataclass
class RulesPass:
    """What the hand rules made of a letter, sentence by sentence (the learned layer's input)."""

    letter: LetterMeta
    speaker: str | None
    cleaned: CleanText
    spans: list[tuple[int, int]]
    commitments: list[FoundCommitment]
    references: list[FoundReference]
    # sentence index -> the rules' decision: category, kind, confidence, restates, item
    decisions: dict[int, dict[str, Any]]
    # sentence index -> the time phrases found in it (only sentences past the cheap filter)
    deadlines: dict[int, list[Deadline]]


def extract(text: str, use_model: bool = True) -> Extraction:
    """Find the letter's metadata, its new commitments and its references to earlier ones.

    The hand rules decide first; the learned layer (model.json, when present) then gives every
    item a calibrated confidence and may add commitments the rules missed.
    """
    rules = rules_pass(text)
    if use_model:
        from .learned import apply_model

        return apply_model(text, rules)
    return Extraction(rules.letter, rules.commitments, rules.references)


def rules_pass(text: str) -> RulesPass:
    """The hand rules over every sentence of a letter."""
    letter = parse_metadata(text)
    speaker = letter.signatories[0].office if letter.signatories else None
    cleaned: CleanText = clean(text)
    if _from_the_kamer(text):
        # no sentences at all, so the learned layer proposes nothing in it either
        return RulesPass(letter, speaker, cleaned, [], [], [], {}, {})
    commitments: list[FoundCommitment] = []
    references: list[FoundReference] = []
    promises = _Promises()
    previous_sentence = ""
    decisions: dict[int, dict[str, Any]] = {}
    found_deadlines: dict[int, list[Deadline]] = {}
    # the first sentence that hands the Kamer a document now (index, span, text)
    offer: tuple[int, int, int, str] | None = None
    spans = split_sentences(cleaned.text)
    # an answer to the Eerste Kamer's rappel lists its register's items, "(T02174)", each in the
    # register's words: the minister's promises there in the third person are quoted, not made
    register_answer = len(_REGISTER_ITEM.findall(cleaned.text)) >= 2
    for index, (clean_start, clean_end) in enumerate(spans):
        # a PDF's text layer splits a word before its diaeresis: "ge ïnformeerd"
        sentence = _SPACE_RUN.sub(" ", cleaned.text[clean_start:clean_end])
        sentence = _SPLIT_DIAERESIS.sub(r"\1\2", sentence)
        context, previous_sentence = previous_sentence, sentence
        if _is_heading(sentence):
            continue
        if not (
            admits(sentence)
            or _FRONTED_TIME.search(sentence)
            or _subject_first_act(sentence)
            or _inverted_act(sentence)
        ):
            continue  # cheap filter first: the date grammar is the slow part
        raw_sentence = cleaned.text[clean_start:clean_end]
        analysis, deadlines = _decide(sentence, raw_sentence, letter.date, speaker)
        if (
            register_answer
            and analysis.category == "commitment"
            and _THIRD_PERSON_MINISTER.match(sentence)
        ):
            analysis = replace(
                analysis, category="reference", kind="reference", rule=REGISTER_QUOTE
            )
        found_deadlines[index] = deadlines
        if analysis.category is None:
            if (
                offer is None
                and _OFFERS_NOW.search(sentence)
                and not _FUTURE_WORD.search(sentence)
                and not _COPY_SENT_ALONG.search(sentence)
            ):
                offer = (index, clean_start, clean_end, sentence)
            continue
        start, end = cleaned.original_span(clean_start, clean_end)
        quote = text[start:end]
        deadline = deadlines[0] if deadlines else None
        phrase = due = None
        if deadline is not None:
            phrase_start, phrase_end = cleaned.original_span(
                clean_start + deadline.start, clean_start + deadline.end
            )
            phrase, due = text[phrase_start:phrase_end], deadline.due
        own_topic = topic_words(sentence)
        topic = set(own_topic)
        if _ANAPHORA.search(sentence):
            # "hierover", "daarop": the subject is in the sentence before
            topic |= topic_words(context)
        action = _paraphrase(sentence)
        if analysis.category == "reference":
            if _is_title(sentence):
                continue
            references.append(
                FoundReference(
                    quote,
                    start,
                    end,
                    action,
                    analysis.kind or "reference",
                    phrase,
                    due,
                    analysis.confidence,
                    analysis.rule or "",
                    analysis.answers or "toezegging",
                )
            )
            decisions[index] = _decision(analysis, references[-1], restates=False)
            continue
        earlier = promises.restated_by(topic, due, phrase, own_topic, index, analysis.kind, action)
        if earlier is not None:
            references.append(
                FoundReference(
                    quote,
                    start,
                    end,
                    f"restates: {earlier.action}",
                    "reference",
                    phrase or earlier.phrase,
                    due or earlier.due,
                    analysis.confidence * 0.9,
                    RESTATES,
                    "toezegging",
                )
            )
            decisions[index] = _decision(analysis, references[-1], restates=True)
            continue
        promises.add(_Promise(topic, due, phrase, action, index, analysis.kind))
        commitments.append(
            FoundCommitment(
                quote,
                start,
                end,
                analysis.kind or "action",
                analysis.actor or "kabinet",
                action,
                phrase,
                due,
                analysis.confidence,
                analysis.rule or "",
            )
        )
        decisions[index] = _decision(analysis, commitments[-1], restates=False)
    _time_from_following_sentences(
        text, cleaned, spans, letter.date, commitments, decisions, found_deadlines
    )
    asked = _what_the_letter_answers(text, references)
    if offer is not None and asked is not None:
        # A letter that names the request, motie or legal duty it answers, and hands over a
        # document now: that handing over is the fulfilment (GUIDELINES section 2).
        index, clean_start, clean_end, sentence = offer
        start, end = cleaned.original_span(clean_start, clean_end)
        handed_over = FoundReference(
            text[start:end],
            start,
            end,
            _paraphrase(sentence),
            "fulfilment",
            None,
            None,
            OFFERS_ASKED_CONFIDENCE,
            OFFERS_ASKED,
            asked,
        )
        references.append(handed_over)
        references.sort(key=lambda item: item.start)
        analysis = Analysis(
            "reference", "fulfilment", None, OFFERS_ASKED_CONFIDENCE, rule=OFFERS_ASKED
        )
        decisions[index] = _decision(analysis, handed_over, restates=False)
    return RulesPass(
        letter, speaker, cleaned, spans, commitments, references, decisions, found_deadlines
    )


# A sentence that goes on about the promise before it: "Naar verwachting is dit later dit jaar",
# "Ik zal dat in ieder geval doen voorafgaand aan ...", "Uiterlijk dit najaar zullen ..."
_CONTINUES_PROMISE = re.compile(
    r"^\W*(?:naar\s+verwachting|uiterlijk|(?:dit|dat)\s+(?:zal|is|wordt|gebeurt|volgt)|ik\s+(?:zal|verwacht|"
    r"streef)\s+(?:dat|dit|daar\w*|hier\w*)|het\s+streven\s+is)\b",
    re.IGNORECASE,
)


def _time_from_following_sentences(
    text: str,
    cleaned: CleanText,
    spans: list[tuple[int, int]],
    letter_date: dt.date | None,
    commitments: list[FoundCommitment],
    decisions: dict[int, dict[str, Any]],
    found_deadlines: dict[int, list[Deadline]],
) -> None:
    """Give a promise without a time the time of a sentence after it that goes on about it and
    promises nothing of its own: "Zodra daarover meer bekend is, zal ik uw Kamer informeren.
    Naar verwachting is dit later dit jaar." (the labels quote both sentences)."""
    position = {id(item): number for number, item in enumerate(commitments)}
    for index, decision in decisions.items():
        item = decision["item"]
        if not isinstance(item, FoundCommitment) or item.due is not None:
            continue  # a reference, a restatement, or a promise with its own time
        for following in (index + 1, index + 2):
            if following >= len(spans) or following in decisions:
                break
            start, end = spans[following]
            sentence = cleaned.text[start:end]
            if not _CONTINUES_PROMISE.search(sentence):
                continue
            deadlines = found_deadlines.get(following)
            if deadlines is None:
                deadlines = find_deadlines(sentence, letter_date)
            dated = next((d for d in deadlines if d.due is not None), None)
            if dated is None:
                continue
            phrase_start, phrase_end = cleaned.original_span(start + dated.start, start + dated.end)
            timed = replace(item, deadline_phrase=text[phrase_start:phrase_end], due=dated.due)
            commitments[position[id(item)]] = timed
            decision["item"] = timed
            break


OFFERS_ASKED = "offers_what_was_asked"
OFFERS_ASKED_CONFIDENCE = 0.6
# "Hierbij bied ik u ... aan", "stuur ik u hierbij", "Via deze brief bied ik ... aan uw Kamer aan"
_OFFERS_NOW = re.compile(
    r"\b(?:bied|zend|stuur)\s+(?:ik|wij|we)\b[^.;]{0,200}?\b(?:aan|hierbij|toe)\b|"
    r"\bhierbij\s+(?:ontvangt|treft)\s+u\b|"
    # "Het overzicht van de onderzoeken is bijgevoegd", "Bijgaand treft u ..."
    r"\b(?:is|zijn)\s+(?:als\s+bijlage\s+)?(?:bij)?gevoegd\s*[.;]|"
    r"\b(?:bijgaand|bijgevoegd)\s+(?:treft|vindt|ontvangt)\s+u\b|"
    r"\bin\s+de\s+bijlage\b[^.;]{0,40}?\b(?:vindt|treft|ontvangt)\s+u\b|"
    r"\b(?:vindt|treft)\s+u\s+(?:\w+\s+){0,3}?(?:bijgevoegd|bijgaand|als\s+bijlage)\b",
    re.IGNORECASE,
)
REGISTER_QUOTE = "register_item_text"
_REGISTER_ITEM = re.compile(REGISTER_NUMBER)
_THIRD_PERSON_MINISTER = re.compile(
    MINISTER_THIRD_PERSON
    + r"(?:\s+(?:van|voor)\b[^,.;]{0,60}?)?\s+(?:zal|zullen|zegt|gaat|stuurt|informeert)\b",
    re.IGNORECASE,
)
# "een afschrift van dit verzoek treft u bijgaand aan": a copy for information, not what was asked
_COPY_SENT_ALONG = re.compile(r"\bafschrift\b(?![^.;]{0,40}\bgevraagd)", re.IGNORECASE)
_FUTURE_WORD = re.compile(r"\b(?:zal|zullen|zult)\b", re.IGNORECASE)
# what the head of a letter (its subject line, its opening) says it answers
_HEAD_ANSWERS = re.compile(r"\b(?:verzoek|motie)", re.IGNORECASE)


def _what_the_letter_answers(text: str, references: list[FoundReference]) -> str | None:
    """The kind of item (motie, verzoek, wettelijke plicht) a letter says it answers: in a
    reference it makes, or in its head (a Betreft line "verzoek aanbieding ...")."""
    for item in references:
        if item.answers in ("motie", "verzoek", "wettelijke plicht"):
            return item.answers
    head = _HEAD_ANSWERS.search(text[:1500])
    if head is not None:
        return "motie" if head.group(0).lower() == "motie" else "verzoek"
    return None


def _decision(analysis: Any, item: Any, restates: bool) -> dict[str, Any]:
    return {
        "category": analysis.category,
        "kind": analysis.kind or "",
        "confidence": analysis.confidence,
        "rule": item.rule,
        "restates": restates,
        "item": item,
    }
