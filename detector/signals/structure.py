"""Structure: plain measurements of how much of the page is the article and how much is frame.

A farm page wraps a copied story in navigation, link lists and widgets, so its main text is a
smaller share of what a reader sees. These are numbers for the model, not accusations: no evidence
text, and 0 when the page has no visible text to measure.
"""

from __future__ import annotations

import math

from ..page import Page
from ..text import fewer_words, occurring
from .base import Signal, SignalUnit


class MainTextShare(SignalUnit):
    name = "main_text_share"
    direction = 0
    description = "Characters of main text per character of visible text."

    def score(self, page: Page) -> Signal:
        if page.total_chars <= 0:
            return self.nothing()
        return self.measured(min(1.0, page.main_chars / page.total_chars))


class LinkDensity(SignalUnit):
    name = "link_density"
    direction = 0
    description = "Characters of link text per character of visible text."

    def score(self, page: Page) -> Signal:
        if page.total_chars <= 0:
            return self.nothing()
        return self.measured(min(1.0, page.link_chars / page.total_chars))


class BoilerplateRatio(SignalUnit):
    name = "boilerplate_ratio"
    direction = 0
    description = "Share of visible lines that are short (under five words) and not part of the main text."

    def score(self, page: Page) -> Signal:
        if not page.lines:
            return self.nothing()
        short_lines = [ln for ln in page.lines if fewer_words(ln, 5)]
        in_main = occurring(set(short_lines), page.main_text)
        short = sum(1 for ln in short_lines if ln not in in_main)
        return self.measured(short / len(page.lines))


class MainTextWords(SignalUnit):
    name = "main_text_words"
    direction = 0
    description = "Length of the main text in words, log-scaled to [0, 1] (1 at 3000 words): how much there was to judge."

    def score(self, page: Page) -> Signal:
        words = page.main_words
        return self.measured(min(1.0, math.log1p(words) / math.log1p(3000)))


SIGNALS: list[SignalUnit] = [MainTextShare(), LinkDensity(), BoilerplateRatio(), MainTextWords()]
