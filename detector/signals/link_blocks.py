"""Link blocks: the headline lists around the article.

An original's related links are about the same story and from about the same time. A farm pads
every page with several lists that it fills from its whole scraped stock: headlines on other topics,
from many years, often larger than the article itself.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..lexicons import load, pattern
from ..page import LinkBlock, Page
from ..text import find_years, language_of, tokens, word_count
from .base import Signal, SignalUnit

_MIN_ARTICLE_TOKENS = 40  # below this the article is too short to say what is "related"
_MIN_HEADLINE_WORDS = 3  # "Share on Facebook" is no headline
_MIN_DATED_ITEMS = 3  # two dated links are too few to call a spread
_HEADING_KINDS = ("related", "ranking", "recommended")
_ADDRESS = re.compile(r"https?:|www\.|\w\.(?:com|org|net|de|co)\b|/\w")  # a link shown as its address is no headline
_URL_YEAR = re.compile(r"(?<![\d])((?:19[89]|20[0-4])\d)(?:[/_-]?(?:0[1-9]|1[0-2]))(?:[/_-]?[0-3]\d)?(?!\d)|/((?:19[89]|20[0-4])\d)/")


@lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    return frozenset(load("stopwords")["words"])


def _stem(token: str) -> str:
    """A cheap stem: 'elections' and 'election' share their first six letters (CJK bigrams stay)."""
    return token[:6] if token.isascii() or len(token) > 6 else token


def topic_words(text: str) -> set[str]:
    return {_stem(t) for t in tokens(text) if t not in _stopwords()}


def heading_kind(heading: str | None) -> str | None:
    """'Related articles' -> 'related'; 'Lo más leído' -> 'ranking'; None for other or no headings."""
    if not heading:
        return None
    text = heading.strip(" :：»>›-–—|").strip()
    for kind in _HEADING_KINDS:
        m = pattern("headings", kind).match(text)
        if m and (m.end() == len(text) or not text[m.end()].isalnum() or ord(text[m.end() - 1]) > 0x2E7F):
            return kind
    return None


def _items(block: LinkBlock) -> list[str]:
    """Each item's text (headline plus its date), paired with the block's links in order."""
    items = [x.strip() for x in block.text.split("\n")]
    return items if len(items) == len(block.links) else [link.text for link in block.links]


class LinkBlockUnrelated(SignalUnit):
    name = "link_block_unrelated"
    description = "How far the headlines in the blocks next to the article are from its topic (1: no shared words)."

    def score(self, page: Page) -> Signal:
        article = topic_words(page.headline + "\n" + page.main_text)
        if not page.link_blocks or len(article) < _MIN_ARTICLE_TOKENS:
            return self.nothing()
        total = weights = 0.0
        far: list[tuple[float, str]] = []
        for block in page.link_blocks:
            # Only headline lists count (menus and footers are unrelated by nature); blocks that claim
            # relatedness count fully, site-wide lists (ranking, recommended) half.
            kind = heading_kind(block.heading)
            if kind is None:
                continue
            weight = 1.0 if kind == "related" else 0.5
            for link in block.links:
                words = topic_words(link.text)
                if len(words) < _MIN_HEADLINE_WORDS:
                    continue
                distance = 1.0 - len(words & article) / len(words)
                total += weight * distance
                weights += weight
                far.append((distance, link.text))
        if not weights:
            return self.nothing()
        far.sort(key=lambda x: -x[0])
        shown = "; ".join(f'"{t}"' for _, t in far[:3])
        return self.found(total / weights, f"{len(far)} block headlines, least related: {shown}",
                          page.link_blocks[0].locator)


class LinkBlockYearSpread(SignalUnit):
    name = "link_block_year_spread"
    description = "Spread of the years in block headlines, item dates and link URLs (a decade or more scores 1)."

    def score(self, page: Page) -> Signal:
        # Years after the page's own are event dates and copyright lines, not article dates.
        latest = max((d.value.year for d in page.dates), default=None)
        dated: list[int] = []
        for block in page.link_blocks:
            for item, link in zip(_items(block), block.links):
                found = [y for y in _url_years(link.href) or find_years(item) if latest is None or y <= latest + 1]
                if found:
                    dated.append(sorted(found)[len(found) // 2])  # one year per item: its median
        years = set(dated)
        if len(dated) < _MIN_DATED_ITEMS or len(years) < 2:
            return self.nothing()
        spread = max(years) - min(years)
        return self.found(min(spread / 10, 1.0), "block years " + ", ".join(map(str, sorted(years))),
                          page.link_blocks[0].locator) if spread else self.nothing()


def _url_years(href: str | None) -> list[int]:
    if not href:
        return []
    return [int(a or b) for a, b in _URL_YEAR.findall(href)]


class LinkBlockShare(SignalUnit):
    name = "link_block_share"
    direction = 0
    description = "Characters of block headlines per character of main text (capped at 5)."

    def score(self, page: Page) -> Signal:
        if not page.main_chars:
            return self.nothing()
        block_chars = sum(len(link.text) for b in page.link_blocks for link in b.links)
        return self.measured(min(block_chars / page.main_chars, 5.0))


class LinkBlockHeadings(SignalUnit):
    name = "link_block_headings"
    description = "Distinct blocks under related / ranking / recommendation headings (three or more score 1)."

    def score(self, page: Page) -> Signal:
        labelled = {b.heading.lower(): b for b in page.link_blocks if b.heading and heading_kind(b.heading)}
        if not labelled:  # a heading repeated on every tab ("Top Stories" ×6) is one list
            return self.nothing()
        blocks = list(labelled.values())
        shown = ", ".join(f'"{b.heading}"' for b in blocks[:6])
        return self.found(min(len(blocks) / 3, 1.0), f"{len(blocks)} block headings: {shown}", blocks[0].locator)


class LinkBlockLanguage(SignalUnit):
    name = "link_block_language"
    description = "Share of the headlines around the article that are in another language than the article."

    def score(self, page: Page) -> Signal:
        """A publisher recommends its own stories in its own language; a farm's widgets (and the
        ad networks it runs) speak the farm's language, whatever it scraped."""
        own = language_of(page.headline + "\n" + page.main_text[:3000], min_hits=5)
        if own is None:
            return self.nothing()
        foreign = total = 0
        shown: list[str] = []
        for block in page.link_blocks:
            headlines = [link.text for link in block.links
                         if word_count(link.text) >= _MIN_HEADLINE_WORDS and not _ADDRESS.search(link.text)]
            if len(headlines) < 3:
                continue
            lang = language_of("\n".join(headlines))
            if lang is None:
                continue
            total += len(headlines)
            if lang != own:
                foreign += len(headlines)
                shown.append(f'{lang}: "{headlines[0]}"')
        if not foreign:
            return self.nothing()
        return self.found(foreign / total, f"{foreign} of {total} block headlines not in the article's language "
                                           f"({own}): " + "; ".join(shown[:3]), page.link_blocks[0].locator)


SIGNALS: list[SignalUnit] = [LinkBlockUnrelated(), LinkBlockYearSpread(), LinkBlockShare(), LinkBlockHeadings(),
                             LinkBlockLanguage()]
