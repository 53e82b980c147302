"""CaselessWords: the cheap test in front of case-insensitive word patterns must never hide a match."""

from __future__ import annotations

import re

import pytest

from detector.phrases import CaselessWords

WORDS = ["casino", "Payday Loans", "préstamos rápidos", "博彩"]
PATTERN = re.compile("|".join(re.escape(w) for w in WORDS), re.I)


def _cased(char: str) -> bool:
    return not char.lower() == char == char.upper()


@pytest.mark.parametrize("text", ["Best CASINO bonus", "payday loans now", "no word here", "PRÉSTAMOS RÁPIDOS",
                                  "博彩网站", "ca\u017fino", "\u212aasino", "plain ascii", "", "“Casino” — tonight",
                                  "博彩 · CASINO", "Casino in İstanbul", "σ casino"])
def test_a_text_the_test_rules_out_holds_no_match(text):
    words = CaselessWords(WORDS)
    if PATTERN.search(text):
        assert words.may_occur(text)
        held = words.found(text)
        assert held is None or held
    # Decided: texts of ASCII and caseless characters (quotes, dashes, CJK); a cased letter beyond ASCII may fold.
    assert (words.found(text) is None) == any(not c.isascii() and _cased(c) for c in text)


def test_a_caseless_character_matches_only_itself_under_re_i():
    """What lets CaselessWords decide a text of caseless characters: no character lower-cases to one, and
    no cased character (nor any of re's extra equivalences) matches one under re.I."""
    chars = [chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000]
    caseless = {c for c in chars if not _cased(c)}
    assert not [c for c in chars if c != c.lower() and c.lower() in caseless]
    cased = re.compile("[" + re.escape("".join(c for c in chars if _cased(c))) + "]", re.I)
    assert not cased.findall("".join(sorted(caseless)))


def test_a_word_that_folds_to_ascii_leaves_every_text_undecided():
    """'ſ' matches 's' under re.I, so an ASCII text may hold 'caſino' without 'casino' in its lower case."""
    words = CaselessWords(["ca\u017fino"])
    assert re.search("ca\u017fino", "casino", re.I)
    assert words.may_occur("casino") and words.found("casino") is None
