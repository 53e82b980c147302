"""CaselessWords: the cheap test in front of case-insensitive word patterns must never hide a match."""

from __future__ import annotations

import re

import pytest

from detector.phrases import CaselessWords

WORDS = ["casino", "Payday Loans", "préstamos rápidos", "博彩"]
PATTERN = re.compile("|".join(re.escape(w) for w in WORDS), re.I)


@pytest.mark.parametrize("text", ["Best CASINO bonus", "payday loans now", "no word here", "PRÉSTAMOS RÁPIDOS",
                                  "博彩网站", "ca\u017fino", "\u212aasino", "plain ascii", ""])
def test_a_text_the_test_rules_out_holds_no_match(text):
    words = CaselessWords(WORDS)
    if PATTERN.search(text):
        assert words.may_occur(text)
        held = words.found(text)
        assert held is None or held
    assert (words.found(text) is None) == (not text.isascii())


def test_a_word_that_folds_to_ascii_leaves_every_text_undecided():
    """'ſ' matches 's' under re.I, so an ASCII text may hold 'caſino' without 'casino' in its lower case."""
    words = CaselessWords(["ca\u017fino"])
    assert re.search("ca\u017fino", "casino", re.I)
    assert words.may_occur("casino") and words.found("casino") is None
