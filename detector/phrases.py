"""Many phrases found in one pass over a text (Aho-Corasick), apart from ``text`` and ``lexicons``.

Both need it (``lexicons.phrases`` builds one per word list, ``text.occurring`` one per call), and
with it in ``text`` the two modules imported each other.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Set as AbstractSet
from itertools import accumulate

import ahocorasick

_NONE: frozenset[str] = frozenset()


class Phrases:
    """Which of many lower-cased phrases occur in a text, in one pass (Aho-Corasick).

    The residue signals ask "does this line hold any of 100 phrases?" of every line of a page:
    ``any(p in line for p in phrases)`` costs 100 scans per line, a regex alternation more.
    The cost per character grows with the longest phrase (see ``text._AUTOMATON_DEPTH``): give it short ones.
    """

    def __init__(self, phrases: Iterable[str], *, as_written: bool = False) -> None:
        """``as_written``: match case-sensitively (the texts given are not lower-cased either)."""
        self._automaton = ahocorasick.Automaton()
        for p in {p if as_written else p.lower() for p in phrases if p}:
            self._automaton.add_word(p, p)
        self._empty = not len(self._automaton)
        if not self._empty:
            self._automaton.make_automaton()

    def occurrences(self, low: str) -> list[tuple[int, int, str]]:
        """(start, end, phrase) of every occurrence in ``low``, overlapping ones included."""
        return [] if self._empty else [(end + 1 - len(p), end + 1, p) for end, p in self._automaton.iter(low)]

    def spans(self, low: str) -> list[tuple[int, int]]:
        """(start, end) of every occurrence in ``low``, overlapping ones included."""
        return [(start, end) for start, end, _ in self.occurrences(low)]

    def found(self, low: str) -> set[str]:
        """The phrases that occur in ``low``; stops reading once every phrase is found."""
        seen: set[str] = set()
        if self._empty:
            return seen
        every = len(self._automaton)
        for _, p in self._automaton.iter(low):
            seen.add(p)
            if len(seen) == every:
                break
        return seen

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
        return not self._empty and next(self._automaton.iter(low), None) is not None


class CaselessWords:
    """Whether a text may hold any of ``words`` as a case-insensitive regex (``re.I``) finds them.

    For a regex over many words with word boundaries, which scans a long text ten times slower than
    one Aho-Corasick pass over its lower case. That pass decides for a text whose characters are ASCII
    or have no case ('’', '—', CJK), as most pages' paragraphs are: ``re.I`` also folds 'ſ' to 's' and
    the Kelvin sign to 'k', where ``str.lower`` does not, and a text with other cased letters may hold a
    word in a case that ``str.lower`` does not give back. A character without case matches only itself
    under ``re.I`` (checked over all of Unicode: no character lower-cases to one, and re's extra
    equivalences, such as 'ς' and 'σ', are all between cased letters). So the pass holds the words of
    ASCII and caseless characters: a word with another letter cannot occur in a text that it decides.
    """

    def __init__(self, words: Iterable[str]) -> None:
        words = [w for w in words if w]
        self._phrases = Phrases(w for w in words if w.isascii() or _caseless(_NOT_ASCII.findall(w)))
        # A non-ASCII word with a letter that re.I matches to an ASCII one could occur in an ASCII text.
        self._decides = not any(_folds_to_ascii(c) for w in words for c in w if not c.isascii())

    def _decidable(self, text: str) -> bool:
        return self._decides and (text.isascii() or _caseless(_NOT_ASCII.findall(text)))

    def may_occur(self, text: str) -> bool:
        return not self._decidable(text) or self._phrases.any_in(text.lower())

    def found(self, text: str) -> set[str] | None:
        """The words (lower-cased) that occur in ``text``; None when this test cannot tell (any may)."""
        return self._phrases.found(text.lower()) if self._decidable(text) else None


_NOT_ASCII = re.compile(r"[^\x00-\x7f]+")


def _caseless(runs: list[str]) -> bool:
    """Whether these characters have no case: each is its own lower and upper case."""
    rest = "".join(runs)
    return rest.lower() == rest == rest.upper()


def _folds_to_ascii(char: str) -> bool:
    return any(re.fullmatch(re.escape(char), chr(a), re.I) for a in range(128))
