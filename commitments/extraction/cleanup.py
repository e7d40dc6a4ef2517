"""Text cleanup for letters extracted from PDF, keeping a map back to the original offsets.

The importer highlights the spans we report, so every character of the cleaned text knows where
it came from: the cleaned text is built from pieces of the original, each with its start offset.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field

__all__ = ["CleanText", "clean"]

# Running footers and headers as PDF extraction leaves them between pages.
_PAGE_FURNITURE = re.compile(
    r"^(?:"
    r"(?:Tweede|Eerste)\s+Kamer,?\s+vergaderjaar\s+\d{4}\s*[–-]\s*\d{4},?\s+[\d ]+(?:-[\w]+)?,?"
    r"\s*(?:nr\.\s*)?\S+(?:\s+\d+)?"
    r"|Pagina\s+\d+\s+(?:van|/)\s+\d+"
    r"|-?\s*\d{1,3}\s*-?"
    r"|\d{1,3}\s*/\s*\d{1,3}"
    r"|https?://\S+|www\.\S+"
    r"|Kamerstukken?\s+(?:I|II)\s+\d{4}[/–-]\d{2,4}.*"
    # the letterhead: return address, addressee, date line, salutation and closing
    r"|>?\s*Retouradres\b.*"
    r"|(?:Aan\s+)?(?:de\s+)?(?:Voorzitter|voorzitter)\s+van\s+de\s+(?:Tweede|Eerste)\s+Kamer\b.*"
    r"|der\s+Staten-Generaal"
    r"|(?:Den\s+Haag|'s-Gravenhage|’s-Gravenhage)\s*,?\s*\d{1,2}\s+\w+\s+\d{4}"
    r"|Geachte\s+[^.]{0,60}"
    r"|(?:Hoogachtend|Met\s+(?:vriendelijke|hartelijke)\s+groet(?:en)?),?"
    r")\s*$",
    re.IGNORECASE,
)
# The margin column of a ministry letter ("Datum", "Kenmerk", "Onze referentie" ...).
_MARGIN_LABEL = re.compile(
    r"^(?:Datum|Kenmerk|Onze\s+referentie|Uw\s+referentie|Uw\s+kenmerk|Uw\s+brief(?:\s+\(kenmerk\))?|"
    r"Ons\s+kenmerk|Referentie|Bijlage(?:\(n\)|n)?|Betreft|Contactpersoon|Behandeld\s+door|"
    r"Doorkiesnummer|Postbus|Postadres|Bezoekadres|Retouradres|Telefoon|Fax|E-?mail|"
    r"Inlichtingen|Aantal\s+bijlagen|Onderwerp|Directie|Afdeling|T\s+\+?\d|www\.)"
    r"(?:\s+(?P<value>.*))?$",
    re.IGNORECASE,
)
# rijksoverheid.nl letterheads: the sender's street address and organisation lines
_ADDRESS_LINE = re.compile(
    r"^(?:[A-Z][\w.'\-]*\s+){0,3}[A-Z]?[\w.'\-]*(?:straat|weg|plein|laan|kade|gracht|singel|hof|"
    r"park|dijk|plantsoen|baan|dreef|markt|veld)\s+\d{1,4}[a-zA-Z]?(?:\s*[-–]\s*\d{1,4})?$"
    r"|^(?:Overheidsidentificatienr\.?|OIN|KvK|IBAN|BIC|Ons\s+nummer|Rijnstraat|Bezuidenhoutseweg)\b.*$"
    r"|^\d{10,}$|^[TF]\s+\(?0\d[\d\s()]{6,}.*$",
)
# cheap test first: an address line ends in a house number or starts with a letterhead word
_MAY_BE_ADDRESS = re.compile(
    r"\d[a-zA-Z]?$|^(?:Overheid|OIN|KvK|IBAN|BIC|Ons|Rijnstraat|Bezuid|[TF]\s)"
)
# The salutation ends the letterhead: "Geachte Voorzitter,"
_SALUTATION = re.compile(r"^\s*Geachte\s+\S", re.IGNORECASE)
# Signs of a letterhead above the salutation (so a text quoting "Geachte" in its body is left alone)
_LETTERHEAD_MARK = re.compile(
    r"^\s*(?:>?\s*Retouradres|Datum\b|Betreft\b|Onze\s+referentie|Ons\s+kenmerk|Kenmerk\b|"
    r"Postbus\b|Bezoekadres|Postadres)",
    re.IGNORECASE,
)
# A signature block: "De minister van Economische Zaken en Klimaat," and the name under it.
_SIGNATURE_OFFICE = re.compile(
    r"^(?:De\s+|Het\s+)?(?:minister(?:-president)?|staatssecretaris|minister\s+voor|"
    r"griffier|voorzitter|secretaris-generaal|directeur(?:-generaal)?)\b[^.;:!?]{0,140},$",
    re.IGNORECASE,
)
_POSTCODE_LINE = re.compile(r"^\d{4}\s?[A-Z]{2}\s+[A-Z][A-Za-z'-]+(?:\s+[A-Z][A-Za-z]+)?$")
_FOOTNOTE_LINE = re.compile(r"^\s*(\d{1,2})\s+\S")
# A footnote number glued to the word or punctuation it annotates: "rapport (in bijlage)1 gaat".
_FOOTNOTE_MARKER = re.compile(r"(?<=[a-zà-ÿ\)\.»”’\"',;:])(\d{1,2})(?=[\s,.;:)]|$)")
_NO_JOIN_WORDS = {"en", "of", "tot", "noch", "dan", "als"}
# the word character before a line's final hyphen; matched at one position, not searched, so a
# long line of word characters costs nothing (a search for r"(\w+)-$" is quadratic in its length)
_WORD_BEFORE_HYPHEN = re.compile(r"\w")


def _word_tail(body: str) -> str | None:
    """The last character of the word a line ends in when it ends "<word>-", else None."""
    if len(body) < 2 or body[-1] != "-" or not _WORD_BEFORE_HYPHEN.match(body, len(body) - 2):
        return None
    return body[-2]


@dataclass(frozen=True)
class CleanText:
    """Cleaned text plus where each of its characters came from in the original."""

    text: str
    original: str
    # parallel lists: piece i starts at clean offset clean_starts[i], original orig_starts[i]
    clean_starts: list[int] = field(repr=False)
    orig_starts: list[int] = field(repr=False)

    def original_offset(self, index: int) -> int:
        """Original offset of the cleaned character at index."""
        if not self.clean_starts:
            return 0
        if index >= len(self.text):
            return len(self.original)
        piece = bisect.bisect_right(self.clean_starts, index) - 1
        return self.orig_starts[piece] + (index - self.clean_starts[piece])

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Original (start, end) of the cleaned span [start, end), end exclusive."""
        if end <= start:
            position = self.original_offset(start)
            return position, position
        return self.original_offset(start), self.original_offset(end - 1) + 1


class _Builder:
    def __init__(self, original: str) -> None:
        self.original = original
        self.parts: list[str] = []
        self.clean_starts: list[int] = []
        self.orig_starts: list[int] = []
        self.length = 0

    def add(self, text: str, orig_start: int) -> None:
        """Append text taken verbatim from original[orig_start:...] (or one stand-in char)."""
        if not text:
            return
        self.parts.append(text)
        self.clean_starts.append(self.length)
        self.orig_starts.append(orig_start)
        self.length += len(text)

    def last_char(self) -> str:
        return self.parts[-1][-1] if self.parts else ""

    def build(self) -> CleanText:
        return CleanText("".join(self.parts), self.original, self.clean_starts, self.orig_starts)


def _lines(text: str) -> list[tuple[int, str]]:
    out: list[tuple[int, str]] = []
    position = 0
    for line in text.splitlines(keepends=True):
        out.append((position, line.rstrip("\r\n")))
        position += len(line)
    return out


def _letterhead(lines: list[tuple[int, str]]) -> set[int]:
    """The lines above the salutation of a ministry letter with a letterhead (return address,
    margin column, Datum/Betreft side by side): none of them is prose."""
    for index, (offset, line) in enumerate(lines[:120]):
        if offset > 6000:
            break
        if _SALUTATION.match(line):
            if any(_LETTERHEAD_MARK.match(earlier) for _, earlier in lines[:index]):
                return set(range(index + 1))
            break
    # no salutation: the letterhead ends with its "Betreft" line and the subject's short
    # continuation lines ("Betreft Uitstelbrief Kamervragen over ...\naanpak fase 1 (ingezonden")
    for index, (offset, line) in enumerate(lines[:80]):
        if offset > 6000:
            break
        if not re.match(r"\s*Betreft\b", line):
            continue
        if not any(_LETTERHEAD_MARK.match(earlier) for _, earlier in lines[:index]):
            break
        end = index
        for after in range(index + 1, min(index + 4, len(lines))):
            following = lines[after][1].strip()
            if not following or len(following) >= 65:
                break
            end = after
        return set(range(end + 1))
    return set()


def _signature_blocks(lines: list[tuple[int, str]]) -> set[int]:
    """An office line ending in a comma, and the short name lines under it."""
    dropped: set[int] = set()
    for index, (_, raw) in enumerate(lines):
        if not _SIGNATURE_OFFICE.match(raw.strip()):
            continue
        previous = next((line.strip() for _, line in reversed(lines[:index]) if line.strip()), "")
        if (
            previous
            and not previous.endswith((".", ",", ":", "!", "?"))
            and not (re.match(r"(?:Hoogachtend|Met\s+\w+\s+groet)", previous, re.IGNORECASE))
        ):
            continue  # mid-sentence: "... zegt de minister van X," is prose
        dropped.add(index)
        names = 0
        for after in range(index + 1, min(index + 6, len(lines))):
            line = lines[after][1].strip()
            if not line:
                continue
            if (
                names >= 2
                or len(line) > 60
                or line.endswith((".", ":", "?", "!"))
                and not (re.search(r"\b[A-Z]\.$", line))
            ):
                break
            dropped.add(after)
            names += 1
    return dropped


_DIGIT_RUN = re.compile(r"\d+")


def _dropped_lines(lines: list[tuple[int, str]]) -> set[int]:
    """Indexes of lines that are page furniture, margin blocks or footnotes, not prose."""
    dropped: set[int] = _letterhead(lines) | _signature_blocks(lines)
    # a line's shape: its digits as "#", so "Pagina 3 van 7" and "Pagina 4 van 7" are one
    line_shapes = [_DIGIT_RUN.sub("#", line.strip()) for _, line in lines]
    shapes = Counter(shape for shape in line_shapes if shape)
    seen_markers: set[int] = set()
    expected_footnote = 1
    in_footnote = False
    pending_margin_value = False
    for index, (_, raw) in enumerate(lines):
        line = raw.strip()
        if not line:
            in_footnote = False
            continue
        if index in dropped:
            continue
        if in_footnote and not raw.startswith(" ") and not _FOOTNOTE_LINE.match(raw):
            dropped.add(index)  # continuation of a footnote
            continue
        in_footnote = False
        if pending_margin_value:
            pending_margin_value = False
            if len(line) < 60 and not line.endswith((".", "?", "!")):
                dropped.add(index)
                continue
        if (
            _PAGE_FURNITURE.match(line)
            or _POSTCODE_LINE.match(line)
            or (_MAY_BE_ADDRESS.search(line) and _ADDRESS_LINE.match(line))
        ):
            dropped.add(index)
            continue
        margin = _MARGIN_LABEL.match(line)
        if (
            margin
            and len(line) < 90
            and not line.endswith((".", "?", "!"))
            and (
                margin.group("value") is None or not re.match(r"[a-z]", margin.group("value") or "")
            )
        ):
            dropped.add(index)
            pending_margin_value = margin.group("value") is None
            continue
        if (
            shapes[line_shapes[index]] >= 3
            and len(line) <= 120
            and not line.endswith((".", "?", "!", ":"))
            and (line_shapes[index] != line or line.isupper())  # it holds a digit
        ):
            dropped.add(index)  # running header
            continue
        footnote = _FOOTNOTE_LINE.match(raw)
        if (
            footnote
            and int(footnote.group(1)) == expected_footnote
            and expected_footnote in seen_markers
        ):
            dropped.add(index)
            expected_footnote += 1
            in_footnote = True
            continue
        for marker in _FOOTNOTE_MARKER.finditer(line):
            seen_markers.add(int(marker.group(1)))
    return dropped


def _footnote_numbers(lines: list[tuple[int, str]], dropped: set[int]) -> set[str]:
    numbers: set[str] = set()
    for index in dropped:
        match = _FOOTNOTE_LINE.match(lines[index][1])
        if match:
            numbers.add(match.group(1))
    return numbers


def clean(original: str) -> CleanText:
    """Join hyphenated words, drop page furniture and footnotes, normalise whitespace."""
    lines = _lines(original)
    dropped = _dropped_lines(lines)
    footnotes = _footnote_numbers(lines, dropped)
    builder = _Builder(original)
    kept = [
        (offset, line)
        for index, (offset, line) in enumerate(lines)
        if index not in dropped and line.strip()
    ]
    join_next = False  # previous line ended in a hyphen that joins with this one
    for position, (offset, line) in enumerate(kept):
        stripped_start = len(line) - len(line.lstrip())
        body_start = offset + stripped_start
        body = line.strip()
        if builder.length and not join_next:
            # any line break becomes one newline; sentences decide whether it matters
            builder.add("\n", body_start - 1 if body_start > 0 else 0)
        join_next = False
        end_of_body = len(body)
        next_line = kept[position + 1][1].lstrip() if position + 1 < len(kept) else ""
        tail = _word_tail(body)
        if tail and next_line[:1].islower():
            next_word = re.match(r"[\w']+", next_line)
            if next_word and next_word.group(0).lower() not in _NO_JOIN_WORDS:
                join_next = True
                # "Neder-\nlandse" -> "Nederlandse"; "VN-\nmissie" keeps its hyphen
                if not tail.isupper() and not tail.isdigit():
                    end_of_body -= 1
        _add_line(builder, body[:end_of_body], body_start, footnotes)
    return builder.build()


# single plain spaces need no cut: only runs and odd spaces make a new piece
_SPACES = re.compile(r"[ \t\u00a0\u2002-\u200b]{2,}|[\t\u00a0\u2002-\u200b]")


# A word broken at a line end that a PDF's text layer put on one line: "toezeg- gingen". Not
# "publieke- en private" (a conjunction follows) nor "Noord- Brabant" (a capital follows).
_BROKEN_WORD = re.compile(r"(?<=[a-zà-ÿ]{2})(- )(?=([a-zà-ÿ]{2,}))")


def _add_line(builder: _Builder, body: str, body_start: int, footnotes: set[str]) -> None:
    """Add one line, squeezing runs of spaces and leaving out footnote markers."""
    cuts: list[tuple[int, int, str]] = []  # (start, end, replacement)
    for match in _SPACES.finditer(body):
        cuts.append((match.start(), match.end(), " "))
    for match in _BROKEN_WORD.finditer(body):
        if match.group(2).lower() not in _NO_JOIN_WORDS:
            # "toezeg- gingen" (a PDF's line break inside a line): the hyphen and space go
            cuts.append((match.start(1), match.end(1), ""))
    if footnotes:
        for match in _FOOTNOTE_MARKER.finditer(body):
            if match.group(1) in footnotes:
                cuts.append((match.start(), match.end(), ""))
    cuts.sort()
    position = 0
    for start, end, replacement in cuts:
        if start < position:
            continue
        builder.add(body[position:start], body_start + position)
        if replacement:
            builder.add(replacement, body_start + start)
        position = end
    builder.add(body[position:], body_start + position)
