"""Dutch sentence segmentation for cleaned letter text.

A small regex splitter with an abbreviation list: general-purpose splitters break Dutch
government prose on "drs.", "bijv.", "nr." and friends. Headings (a short line without final
punctuation, followed by a capitalised line) end a sentence too, because PDF text has no
paragraph marks we can trust.
"""

from __future__ import annotations

import re

from .lexicon import REGISTER_NUMBER

__all__ = ["ABBREVIATIONS", "split_sentences"]

# Abbreviations after which a period never ends a sentence.
ABBREVIATIONS = frozenset(
    """
    o.a. d.d. dd. nr. nrs. art. artt. bijv. bv. drs. mr. dr. ir. ing. prof. blz. pag. p. pp.
    m.b.t. t.a.v. m.i.v. i.v.m. i.c.m. i.o.m. i.s.m. t.b.v. t.o.v. m.n. o.b.v. n.a.v. a.g.v.
    v.w.b. c.q. d.w.z. e.e.a. i.p.v. m.u.v. t.g.v. t.w. vgl. zgn. zg. resp. ca. incl. excl.
    min. jo. lid. sub. ex. mw. mevr. dhr. hr. fa. st. stb. stcrt. kst. bijl. hfd. hst. par.
    red. vz. wnd. plv. jr. sr. mln. mld. mrd. ct. vs. no. nl. kamerstuk. afd. tel. apr. aug.
    sept. okt. nov. dec. jan. feb. febr. mrt. jun. jul. e.v. z.s.m. a.i. o.l.v. v.a. ivm. c.s. e.a.
    trb.
    """.split()
)
# Abbreviations that often close a sentence as well ("... van 26 januari jl. Daarnaast ...").
SENTENCE_FINAL_ABBREVIATIONS = frozenset("jl. j.l. a.s. e.d. enz. etc. e.a. e.v. c.s.".split())

# A footnote number may stick to the full stop: "... de strafrechtketen.1 In de brief ..."
_BOUNDARY = re.compile(
    r"[.!?]+[»”\"')\]’]*(?:(?<=[a-zà-ÿ)»”][.!?])\d{1,2}(?=\s+[A-ZÀ-Ý])"
    # ... or to a year: "... van 18 juni 2025.1 Ik streef ernaar ..."
    r"|(?<=(?:19|20)\d\d\.)\d{1,2}(?=\s+[A-ZÀ-Ý]))?"
    r"(?=\s+[\"“«‘(\[]?[A-ZÀ-Ý0-9])"
    r"|[.!?]+[»”\"')\]’]*(?=\s*$)"
)
# Lines of a letter's head that always end a sentence: the date line, the addressee, the salutation
_HEAD_LINE = re.compile(
    r"^[ \t]*(?:(?:Den\s+Haag|'s-Gravenhage|’s-Gravenhage|Datum)\s*[,:]?\s*[0-3]?\d\s+[a-z]+\s+"
    r"(?:19|20)\d\d|Aan\s+de\s+[Vv]oorzitter\s+van\s+de\s+(?:Tweede|Eerste)\s+Kamer"
    r"(?:\s+der\s+Staten-Generaal)?|Geachte\s+(?:[Vv]oorzitter|leden)\b[^\n]{0,40})[ \t]*$",
    re.MULTILINE,
)
_INITIALS = re.compile(r"^(?:[A-Z][a-z]?\.)+$")
_FUNCTION_WORDS = frozenset(
    """
    de het een van voor bij in op met en of aan te door om over naar uit tot als dan dat die
    dit deze er is zijn wordt worden zal zullen heeft hebben kan kunnen moet moeten ook nog
    niet wel maar want omdat onder tegen tussen tijdens na sinds zonder per via ter ten der
    des zoals hun haar zijn mijn uw ons onze welke wie waar hoe dan the of and to
    """.split()
)
# A signature under the last sentence, in lower case: "... februari 2010.\nde Staatssecretaris"
_SIGNATURE_AFTER = re.compile(r"[.!?](?=[ \t]*\n[ \t]*de\s+(?:[Mm]inister|[Ss]taatssecretaris)\b)")
# The Eerste Kamer register's item number closes the item's heading: "... (33.891) (T02022)"
_REGISTER_NUMBER_END = re.compile(REGISTER_NUMBER + r"[ \t]*(?=\n)")
_BULLET_LINE = re.compile(r"\n(?=[-•▪●–*]\s|\(?[a-z0-9]\)\s)")


def _token_start(text: str, end: int) -> int:
    """Start of the whitespace-delimited token ending at end (searching backwards only)."""
    position = end
    while position > 0 and not text[position - 1].isspace():
        position -= 1
    return position


def _is_abbreviation(text: str, period_end: int) -> bool:
    """Whether the period just before period_end belongs to an abbreviation or an initial."""
    token_start = _token_start(text, period_end)
    if token_start >= period_end:
        return False
    token = text[token_start:period_end].lstrip("(\"'“«[")
    lowered = token.lower()
    if lowered in ABBREVIATIONS:
        return True
    if _INITIALS.match(token):  # "A.G." before a surname, "J." in a name
        return True
    # a number opening a line is a list number ("1. Recente ontwikkelingen")
    if re.fullmatch(r"\d{1,2}\.", token):
        line_start = text.rfind("\n", 0, token_start) + 1
        if not text[line_start:token_start].strip():
            return True
    return False


# A line in capitals ("BRIEF VAN DE MINISTERS VAN ... EN VAN DEFENSIE") is a heading on its own.
# A Kamerstuk number may lead it: "34775 A 66 BRIEF VAN DE MINISTER VAN ...".
_CAPS_HEAD = re.compile(
    r"^(?:Nr\.\s*\d+\s+|[A-Z]{1,3}\d*\s+|"
    r"\d[\d ]*\s(?:[A-Z]{1,3}\s+)?(?:\d+\s+)?)?"
    r"[A-ZÀ-Ý][A-ZÀ-Ý'’\-]+"
    r"(?:[ ,]+[A-ZÀ-Ý'’\-]+){2,}$"
)


def _heading_breaks(text: str) -> list[int]:
    """Offsets of line breaks that end a heading line."""
    breaks: list[int] = []
    line_start = 0
    previous_ended = True  # the line before ended a sentence (or there is none)
    # In text wrapped at a fixed width (a PDF's text layer), a line that runs to the margin is
    # the middle of a paragraph, however its next line begins: a heading stops short (or is a
    # few long words, "Toezegging Nederlandse inspanningen op het gebied van klimaatadaptatie").
    lengths = sorted(len(line.strip()) for line in text.split("\n") if line.strip())
    margin = lengths[len(lengths) * 4 // 5] if len(lengths) >= 20 else 0
    full_width = margin * 0.9 if margin >= 50 else float("inf")
    for match in re.finditer(r"\n", text):
        newline = match.start()
        line = text[line_start:newline].strip()
        next_char = text[newline + 1 : newline + 2]
        if line and _CAPS_HEAD.match(line):
            breaks.append(newline)  # "BRIEF VAN DE MINISTER VAN DEFENSIE"
            if line_start:
                breaks.append(line_start - 1)  # and the title line above it ends too
            previous_ended = True
        elif line:
            ends_sentence = line[-1] in ".!?:;"
            numbered = line[:1].isdigit()
            if (
                previous_ended
                and not ends_sentence
                and line[-1] != ","
                and line.count("(") <= line.count(")")
                and (
                    next_char.isupper() or next_char in '"“«' or (numbered and next_char.isdigit())
                )
                and "," not in line
                and len(line.split()) <= 16
                and (len(line) < full_width or len(line.split()) <= 10)
                and line.split()[-1].lower() not in _FUNCTION_WORDS
            ):
                breaks.append(newline)
                previous_ended = True
            else:
                previous_ended = ends_sentence
        line_start = newline + 1
    return breaks


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) spans of the sentences of text, stripped of surrounding whitespace."""
    cuts: set[int] = set()
    for match in _BOUNDARY.finditer(text):
        period_end = match.start() + 1
        token_end = period_end
        # the period that may belong to an abbreviation is the first one of the run
        if text[match.start()] == ".":
            lowered = text[_token_start(text, token_end) : token_end].lower().lstrip("(\"'“«[")
            if lowered in SENTENCE_FINAL_ABBREVIATIONS:
                following = text[match.end() : match.end() + 40].lstrip()
                # "jl. Daarnaast" ends a sentence, "jl. (Handelingen II ...)" does not; "a.s. De
                # Minister" may not, but mostly does
                if not following[:1].isupper():
                    continue
            elif _is_abbreviation(text, token_end):
                continue
        cuts.add(match.end())
    cuts.update(_heading_breaks(text))
    cuts.update(match.end() for match in _HEAD_LINE.finditer(text))
    cuts.update(match.start() for match in _BULLET_LINE.finditer(text))
    cuts.update(match.end() for match in _SIGNATURE_AFTER.finditer(text))
    cuts.update(match.end() for match in _REGISTER_NUMBER_END.finditer(text))
    spans: list[tuple[int, int]] = []
    start = 0
    for cut in sorted(cuts) + [len(text)]:
        segment = text[start:cut]
        stripped_start = start + (len(segment) - len(segment.lstrip()))
        stripped_end = start + len(segment.rstrip())
        if stripped_end > stripped_start:
            spans.append((stripped_start, stripped_end))
        start = cut
    return spans
