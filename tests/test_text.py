"""``text.normalize`` and ``text.word_count``: their shortcuts give what the slower ways give."""

from __future__ import annotations

import re
import sys
import unicodedata
from itertools import product

import pytest

from detector.text import normalize, tokens, word_count


def test_every_white_space_character_but_the_space_is_unprintable():
    """What the shortcut rests on: a printable text holds no white space that ``str.split`` cuts at but spaces."""
    spaces = [chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace()]
    assert [c for c in spaces if c.isprintable()] == [" "]


@pytest.mark.parametrize("text", ["", " ", "a b", "a  b", " a", "a ", "a\nb", "a\u00a0b", "ﬁne  print", "Ｆｕｌｌ width",
                                  "a\u2028b", "a\x1fb", "done", "new\u3000line"])
def test_normalize_is_the_split_and_join_of_the_nfkc_form(text):
    assert normalize(text) == " ".join(unicodedata.normalize("NFKC", text).split())


def test_word_count_of_ascii_counts_the_word_pattern_matches():
    """The marks that count an ASCII text's words agree with the word pattern on every pair of ASCII characters."""
    words = re.compile(r"[^\W_]+")
    ascii_chars = [chr(c) for c in range(128)]
    for text in ("".join(pair) for pair in product(ascii_chars, repeat=2)):
        assert word_count(text) == len(words.findall(text)), repr(text)
    assert word_count("a_b 12-x  y\n") == 5


@pytest.mark.parametrize("text", ["", "ab", "abc", "ab abc abcd", "a_bcd_ef", "x1y 2024 12345 a1", "don\u2019t stop",
                                  "Über größe ÉTÉ", "١٢٣ كتاب", "naïve café ab", "__ab__cde__"])
def test_tokens_without_cjk_are_the_longer_non_digit_words(text):
    """The long-word pattern finds exactly the words of three characters or more of the word pattern."""
    words = re.findall(r"[^\W_]+", text.lower())
    assert tokens(text) == [w for w in words if len(w) > 2 and not w.isdigit()]
