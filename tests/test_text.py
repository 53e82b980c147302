"""``text.normalize``: its shortcut for a text already normalised gives what the split and join give."""

from __future__ import annotations

import sys
import unicodedata

import pytest

from detector.text import normalize


def test_every_white_space_character_but_the_space_is_unprintable():
    """What the shortcut rests on: a printable text holds no white space that ``str.split`` cuts at but spaces."""
    spaces = [chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace()]
    assert [c for c in spaces if c.isprintable()] == [" "]


@pytest.mark.parametrize("text", ["", " ", "a b", "a  b", " a", "a ", "a\nb", "a\u00a0b", "ﬁne  print", "Ｆｕｌｌ width",
                                  "a\u2028b", "a\x1fb", "done", "new\u3000line"])
def test_normalize_is_the_split_and_join_of_the_nfkc_form(text):
    assert normalize(text) == " ".join(unicodedata.normalize("NFKC", text).split())
