"""CaselessWords: the cheap test in front of case-insensitive word patterns must never hide a match."""

from __future__ import annotations

import re

import pytest

from detector.phrases import _FOLD_TRAPS, CaselessWords

WORDS = ["casino", "Payday Loans", "préstamos rápidos", "博彩"]
PATTERN = re.compile("|".join(re.escape(w) for w in WORDS), re.I)


def _cased(char: str) -> bool:
    return not char.lower() == char == char.upper()


@pytest.mark.parametrize("text", ["Best CASINO bonus", "payday loans now", "no word here", "PRÉSTAMOS RÁPIDOS",
                                  "博彩网站", "ca\u017fino", "\u212aasino", "plain ascii", "", "“Casino” — tonight",
                                  "博彩 · CASINO", "Casino in İstanbul", "σ casino", "Préstamos RÁPIDOS à Genève",
                                  "\u212aasino Ünïcode", "ПРЕСТАМОС casino"])
def test_a_text_the_test_rules_out_holds_no_match(text):
    words = CaselessWords(WORDS)
    if PATTERN.search(text):
        assert words.may_occur(text)
        held = words.found(text)
        assert held is None or held
    # Decided: texts without a letter that re.I matches to a variant with another lower case (Greek, Cyrillic, 'ſ', 'İ').
    assert (words.found(text) is None) == bool(_FOLD_TRAPS.search(text))


def test_a_caseless_character_matches_only_itself_under_re_i():
    """What lets CaselessWords decide a text of caseless characters: no character lower-cases to one, and
    no cased character (nor any of re's extra equivalences) matches one under re.I."""
    chars = [chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000]
    caseless = {c for c in chars if not _cased(c)}
    assert not [c for c in chars if c != c.lower() and c.lower() in caseless]
    cased = re.compile("[" + re.escape("".join(c for c in chars if _cased(c))) + "]", re.I)
    assert not cased.findall("".join(sorted(caseless)))


def test_outside_the_traps_re_i_matches_the_same_lower_case():
    """What lets CaselessWords decide a text without ``_FOLD_TRAPS``: there, two characters that re.I matches have the
    same lower case, one character long, so the pass over the lower case finds every word the regex finds; and a
    trap matches only traps (or ASCII, which a word's ``_folds_to_ascii`` letter leaves undecided)."""
    chars = [chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000]
    cased = [c for c in chars if _cased(c)]
    every = "".join(cased)
    for p in cased:
        matched = re.findall(re.escape(p), every, re.I)
        if _FOLD_TRAPS.match(p):
            assert all(_FOLD_TRAPS.match(c) or c.isascii() for c in matched), p
        else:
            assert len(p.lower()) == 1, p
            assert all(c.lower() == p.lower() for c in matched if not _FOLD_TRAPS.match(c)), p


def test_a_word_that_folds_to_ascii_leaves_every_text_undecided():
    """'ſ' matches 's' under re.I, so an ASCII text may hold 'caſino' without 'casino' in its lower case."""
    words = CaselessWords(["ca\u017fino"])
    assert re.search("ca\u017fino", "casino", re.I)
    assert words.may_occur("casino") and words.found("casino") is None
