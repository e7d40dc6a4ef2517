"""Literal gates read off a regex: sets of words such that every match holds one word of each.

Python's `re` tries most of the rules' patterns at every word of a sentence; a substring test
is a small fraction of that cost, and most sentences hold none of a rule's words. The gate is
derived from the pattern itself (its parse tree), so it cannot drift from the rule it guards:
what a match must contain (the best word of each alternative, the words of every part in
sequence, up to four sets) is found; anything that cannot be read that way (a lookaround, a
character class, an optional part) contributes nothing, and a pattern with nothing readable
simply runs ungated.
"""

from __future__ import annotations

import re
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]

# A word shorter than this passes nearly every sentence: not worth a test.
SHORTEST_USEFUL = 2
# Enough tests to rule out most sentences; each further one costs more than it saves.
MOST_TESTS = 4

_REPEATS = {sre.MAX_REPEAT, sre.MIN_REPEAT, getattr(sre, "POSSESSIVE_REPEAT", sre.MAX_REPEAT)}
Gate = tuple[tuple[str, ...], ...]
_cache: dict[re.Pattern[str], Gate] = {}


def _selectivity(option: frozenset[str]) -> tuple[int, int]:
    return min(map(len, option)), -len(option)


def _required(items: sre_parse.SubPattern | list) -> list[frozenset[str]]:
    """Sets of strings such that every match of this sequence contains one string of each."""
    options: list[frozenset[str]] = []
    run: list[str] = []

    def close_run() -> None:
        if run:
            options.append(frozenset({"".join(run)}))
            run.clear()

    for op, av in items:
        if op is sre.LITERAL:
            run.append(chr(av))
            continue
        close_run()
        if op is sre.SUBPATTERN:
            options.extend(_required(av[3]))
        elif op is sre.ATOMIC_GROUP:
            options.extend(_required(av))
        elif op is sre.BRANCH:
            # each alternative has its own requirements: one of them, the most selective, stands
            # for it, and a match holds one of those
            branches = [_required(branch) for branch in av[1]]
            if all(branches):
                options.append(frozenset().union(*(max(b, key=_selectivity) for b in branches)))
        elif op in _REPEATS and av[0] >= 1:
            options.extend(_required(av[2]))
    close_run()
    return options


def needs(pattern: re.Pattern[str]) -> Gate:
    """Sets of lower-case words such that every match of the pattern contains a word of each
    (test them against the text in lower case); empty when none can be read off the pattern."""
    try:
        return _cache[pattern]
    except KeyError:
        pass
    gate: list[tuple[str, ...]] = []
    for option in _required(sre_parse.parse(pattern.pattern, pattern.flags)):
        lowered = {word.lower() for word in option}
        if min(map(len, lowered)) < SHORTEST_USEFUL:
            continue
        # a word that holds another is implied by it: keep the shorter one only
        words = tuple(sorted(w for w in lowered if not any(o != w and o in w for o in lowered)))
        if words not in gate:
            gate.append(words)
    # the most selective first: longest shortest word, then fewest words
    gate.sort(key=lambda words: (-min(map(len, words)), len(words)))
    _cache[pattern] = result = tuple(gate[:MOST_TESTS])
    return result


def may_match(pattern: re.Pattern[str], lowered: str) -> bool:
    """False only when the pattern cannot match the text (given in lower case)."""
    gate = _cache.get(pattern)
    if gate is None:
        gate = needs(pattern)
    contains = lowered.__contains__
    for words in gate:
        if not any(map(contains, words)):
            return False
    return True
