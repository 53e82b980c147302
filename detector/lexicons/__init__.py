"""Word lists kept as data, apart from the logic that uses them (as trafilatura keeps its XPaths).

Each JSON file holds lists of phrases in many languages. ``load(name)`` returns the parsed file;
``pattern(name, key)`` compiles one list into a case-insensitive alternation; ``phrases(name, *keys)``
builds the one-pass phrase test that signals run before their patterns.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

from ..phrases import Phrases


@lru_cache(maxsize=None)
def load(name: str) -> dict:
    return json.loads(resources.files(__package__).joinpath(f"{name}.json").read_text("utf-8"))


@lru_cache(maxsize=None)
def pattern(name: str, key: str, *, whole_words: bool = False, ignore_case: bool = True) -> re.Pattern[str]:
    """One alternation of every phrase in ``load(name)[key]``, longest first."""
    phrases = sorted(load(name)[key], key=len, reverse=True)
    body = "|".join(re.escape(p) for p in phrases)
    if whole_words:
        body = rf"(?<![^\W_])(?:{body})(?![^\W_])"
    return re.compile(body, re.I if ignore_case else 0)


@lru_cache(maxsize=None)
def phrases(name: str, *keys: str) -> Phrases:
    """Every phrase of these lists of ``load(name)``, as one lower-cased Aho-Corasick test."""
    return Phrases(p for key in keys for p in load(name)[key])
