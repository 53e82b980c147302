"""Many phrases found in one pass over a text (Aho-Corasick), apart from ``text`` and ``lexicons``.

Both need it (``lexicons.phrases`` builds one per word list, ``text.occurring`` one per call), and
with it in ``text`` the two modules imported each other.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Set as AbstractSet
from itertools import accumulate

from ahocorasick_rs import AhoCorasick, Implementation, MatchKind

_NONE: frozenset[str] = frozenset()


class Phrases:
    """Which of many lower-cased phrases occur in a text, in one pass (Aho-Corasick).

    The residue signals ask "does this line hold any of 100 phrases?" of every line of a page:
    ``any(p in line for p in phrases)`` costs 100 scans per line, a regex alternation more.
    The automaton grows with the phrases' lengths (see ``text._AUTOMATON_DEPTH``): give it short ones.
    """

    def __init__(self, phrases: Iterable[str], *, as_written: bool = False, kept: bool = True) -> None:
        """``as_written``: match case-sensitively (the texts given are not lower-cased either). ``kept``: built
        once and asked often, so worth a DFA (four times the building, half to a third of the NFA's scanning:
        2-4 ns a character, where pyahocorasick, which this replaced, took 14-18); a test built for one text
        (``text.occurring``) takes the NFA that builds fastest."""
        self._phrases = list({p if as_written else p.lower() for p in phrases if p})
        self._empty = not self._phrases
        if not self._empty:
            self._automaton = AhoCorasick(self._phrases, matchkind=MatchKind.Standard,
                                          implementation=Implementation.DFA if kept else Implementation.NoncontiguousNFA)

    def occurrences(self, low: str) -> list[tuple[int, int, str]]:
        """(start, end, phrase) of every occurrence in ``low``, overlapping ones included."""
        if self._empty:
            return []
        phrases = self._phrases
        return [(start, end, phrases[i]) for i, start, end in self._automaton.find_matches_as_indexes(low, overlapping=True)]

    def found(self, low: str) -> set[str]:
        """The phrases that occur in ``low``."""
        if self._empty:
            return set()
        return set(self._automaton.find_matches_as_strings(low, overlapping=True))

    def holding(self, lows: list[str]) -> list[bool]:
        """For each of ``lows``, whether it holds a phrase: one pass over them all (a call per short line costs
        more than its scan)."""
        held = [False] * len(lows)
        for i, _ in self._hits_in_each(lows):
            held[i] = True
        return held

    def found_in_each(self, lows: list[str]) -> list[AbstractSet[str]]:
        """For each of ``lows``, the phrases it holds, in one pass over them all (as ``holding``): for signals
        whose several lists are read in one pass, each list then asking which texts hold one of its phrases."""
        found: list[AbstractSet[str]] = [_NONE] * len(lows)  # a set only for the few texts that hold a phrase
        for i, phrase in self._hits_in_each(lows):
            found[i] = found[i] | {phrase}
        return found

    def _hits_in_each(self, lows: list[str]) -> Iterator[tuple[int, str]]:
        """(index in ``lows``, phrase) of every occurrence in them, read joined. No phrase holds the NUL that parts them."""
        starts = list(accumulate((len(low) + 1 for low in lows), initial=0))
        for start, _, phrase in self.occurrences("\0".join(lows)):
            yield bisect_right(starts, start) - 1, phrase

    def any_in(self, low: str) -> bool:
        """Whether any phrase occurs in ``low`` (lower-cased as the phrases are, unless ``as_written``)."""
        return not self._empty and bool(self._automaton.find_matches_as_indexes(low))


class CaselessWords:
    """Whether a text may hold any of ``words`` as a case-insensitive regex (``re.I``) finds them.

    For a regex over many words with word boundaries, which scans a long text ten times slower than
    one Aho-Corasick pass over its lower case. That pass decides for a text without ``_FOLD_TRAPS``, as
    nearly all pages' paragraphs are, whatever their script: there, a character that ``re.I`` matches
    to another (each one's single-character lower case, compared) has the same ``str.lower``, one
    character long, so a word matched by the regex occurs in the lower case (``tests/test_phrases.py``
    checks it over all of Unicode). The traps are the letters that re matches to variants with another
    lower case ('ſ' to 's', 'ς' to 'σ', the old Cyrillic 'ᲂ' to 'о'), and 'İ', whose lower case is two
    characters long; Greek and Cyrillic are left to the regex whole. So the pass holds the words without
    a trap: a word with one cannot occur in a text that it decides.
    """

    def __init__(self, words: Iterable[str]) -> None:
        words = [w for w in words if w]
        self._phrases = Phrases(w for w in words if not _FOLD_TRAPS.search(w))
        # A non-ASCII word with a letter that re.I matches to an ASCII one could occur in an ASCII text.
        self._decides = not any(_folds_to_ascii(c) for w in words for c in w if not c.isascii())

    def _decidable(self, text: str) -> bool:
        return self._decides and (text.isascii() or not _FOLD_TRAPS.search(text))

    def may_occur(self, text: str) -> bool:
        return not self._decidable(text) or self._phrases.any_in(text.lower())

    def may_occur_in_each(self, texts: list[str]) -> list[bool]:
        """``may_occur`` of each text: in one pass over them all (``Phrases.holding``) when this test decides
        every one, as it does a page's class names; else each apart."""
        if self._decidable("\0".join(texts)):  # then so is each text: it holds no trap either
            return self._phrases.holding([text.lower() for text in texts])
        return [self.may_occur(text) for text in texts]

    def found(self, text: str) -> set[str] | None:
        """The words (lower-cased) that occur in ``text``; None when this test cannot tell (any may)."""
        return self._phrases.found(text.lower()) if self._decidable(text) else None


# Greek, Cyrillic, and the Latin letters with variants that re.I equates but str.lower keeps apart (µ/μ,
# İ, ı, ſ, ṡ/ẛ, ﬅ/ﬆ), the combining iota subscript, and the ohm sign (a Greek capital to re): a superset of the
# traps, whole blocks for the scripts.
_FOLD_TRAPS = re.compile("[\u00b5\u0130\u0131\u017f\u0345\u0370-\u03ff\u0400-\u04ff\u1c80-\u1c8f\u1e60\u1e61"
                         "\u1e9b\u1f00-\u1fff\u2126\ua640-\ua69f\ufb05\ufb06]")


def _folds_to_ascii(char: str) -> bool:
    return any(re.fullmatch(re.escape(char), chr(a), re.I) for a in range(128))
