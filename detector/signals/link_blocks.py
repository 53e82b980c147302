"""Link blocks: the headline lists around the article.

An original's related links are about the same story and from about the same time. A farm pads
every page with several lists that it fills from its whole scraped stock: headlines on other topics,
from many years, often larger than the article itself.

A big news site's own "Most read", "Trending", "More from <section>" and archive lists are no such
padding: they link the site's own recent stories (or its own months), and have no reason to be on the
article's topic. Such site lists are left out of the evidence below.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterator
from functools import lru_cache

from ..lexicons import load, pattern
from ..page import LinkBlock, Page, page_view, registrable_domain
from ..text import find_dates, language_of, tokens, word_count
from .base import Signal, SignalUnit

_MIN_ARTICLE_TOKENS = 40  # below this the article is too short to say what is "related"
_MIN_HEADLINE_WORDS = 3  # "Share on Facebook" is no headline
_MIN_DATED_ITEMS = 3  # two dated links are too few to call a spread
_FULL_LIST = 4  # a farm pads with lists; below this many headlines ("Thanks for joining our newsletter.") the score shrinks
_HEADING_KINDS = ("related", "ranking", "recommended", "archive")
_EVIDENCE_KINDS = ("related", "ranking", "recommended")  # an archive spans years by design
_RECENT_YEARS = 1  # a site list whose dated items span more than this is old stock, not the site's recent stories
_ADDRESS = re.compile(r"https?:|www\.|\w\.(?:com|org|net|de|co)\b|/\w")  # a link shown as its address is no headline
_URL_YEAR = re.compile(r"(?<![\d])((?:19[89]|20[0-4])\d)(?:[/_-]?(?:0[1-9]|1[0-2]))(?:[/_-]?[0-3]\d)?(?!\d)|/((?:19[89]|20[0-4])\d)/")


@lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    return frozenset(load("stopwords")["words"])


_STEM = 6  # a cheap stem: 'elections' and 'election' share their first six letters (CJK bigrams stay whole)


def topic_words(text: str) -> set[str]:
    return _topic_of(tokens(text))


def _topic_of(words: list[str]) -> set[str]:
    """The stems of the words that are no stop words, each word read once (an article repeats its words)."""
    stop = _stopwords()
    return {t[:_STEM] for t in set(words) if t not in stop}


@lru_cache(maxsize=1024)  # each block's heading is asked by several signals
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


def _item_years(block: LinkBlock, latest: int | None) -> list[int]:
    """One year per dated item, from its link's address or a date written beside it (its median; years
    after the page's own are event dates). A year in the headline's words ("Flashback to 1968", "Formel 1
    seit 1950") is its topic, not the date of the article it links."""
    dated = []
    for item, link in zip(_items(block), block.links):
        found = [y for y in _url_years(link.href) or [d.year for d in find_dates(item)] if latest is None or y <= latest + 1]
        if found:
            dated.append(sorted(found)[len(found) // 2])
    return dated


def _latest(page: Page) -> int | None:
    return max((d.value.year for d in page.dates), default=None)


def _own_link(href: str | None, page: Page) -> bool:
    """A relative link, or one on the page's own registrable domain (a text dump's bare headline is neither)."""
    if href is None:
        return False
    if not re.match(r"(?i)^(?:[a-z][a-z0-9+.-]*:|//)", href):
        return True
    return page.domain is not None and registrable_domain(href) == page.domain


def _site_list(block: LinkBlock, page: Page) -> bool:
    """A site-wide list ('Most read', 'Trending', 'More from Politics', 'Archive') that links only the
    site's own pages, from about one time: the publisher's own recent stories, not a farm's stock."""
    kind = heading_kind(block.heading)
    if kind not in ("ranking", "recommended", "archive") or not all(_own_link(link.href, page) for link in block.links):
        return False
    if kind == "archive":
        return True
    years = _item_years(block, _latest(page))  # undated, a farm's stock and a site's own picks look alike
    return len(years) >= 2 and max(years) - min(years) <= _RECENT_YEARS


@page_view
def _evidence_blocks(page: Page) -> list[LinkBlock]:
    """The blocks that are no site list, for the three signals that weigh them."""
    return [b for b in page.link_blocks if not _site_list(b, page)]


class LinkBlockUnrelated(SignalUnit):
    name = "link_block_unrelated"
    description = "How far the headlines in the blocks next to the article are from its topic (1: no shared words)."

    def score(self, page: Page) -> Signal:
        if not page.link_blocks:
            return self.nothing()
        article = _topic_of(page.article_tokens)
        if len(article) < _MIN_ARTICLE_TOKENS:
            return self.nothing()
        total = weights = 0.0
        far: list[tuple[float, str]] = []
        for block in _evidence_blocks(page):
            # Only headline lists count (menus and footers are unrelated by nature); blocks that claim
            # relatedness count fully, site-wide lists (ranking, recommended) half.
            kind = heading_kind(block.heading)
            if kind not in _EVIDENCE_KINDS:
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
        return self.found(total / weights * min(1.0, len(far) / _FULL_LIST), f"{len(far)} block headlines, least related: {shown}",
                          page.link_blocks[0].locator)


class LinkBlockYearSpread(SignalUnit):
    name = "link_block_year_spread"
    description = "Spread of the years in block headlines, item dates and link URLs (a decade or more scores 1)."

    def score(self, page: Page) -> Signal:
        latest = _latest(page)
        dated = [y for block in _evidence_blocks(page) for y in _item_years(block, latest)]
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
        labelled = {b.heading.lower(): b for b in _evidence_blocks(page)
                    if b.heading and heading_kind(b.heading) in _EVIDENCE_KINDS}
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
        judged = list(_block_languages(page))
        own = language_of(page.headline + "\n" + page.main_text[:3000], min_hits=5) if judged else None
        if own is None:
            return self.nothing()
        foreign = total = 0
        shown: list[str] = []
        for headlines, lang in judged:
            total += len(headlines)
            if lang != own:
                foreign += len(headlines)
                shown.append(f'{lang}: "{headlines[0]}"')
        if not foreign:
            return self.nothing()
        return self.found(foreign / total, f"{foreign} of {total} block headlines not in the article's language "
                                           f"({own}): " + "; ".join(shown[:3]), page.link_blocks[0].locator)


def _block_languages(page: Page) -> Iterator[tuple[list[str], str]]:
    """Each block's headlines and their language, where it has three and a language shows: the article's own is
    read only when some block has (most of a main text's words go through ``language_of``)."""
    for block in page.link_blocks:
        headlines = [link.text for link in block.links if word_count(link.text) >= _MIN_HEADLINE_WORDS
                     and not _ADDRESS.search(link.text) and not _mostly_digits(link.text)]
        lang = language_of("\n".join(headlines)) if len(headlines) >= 3 else None
        if lang is not None:
            yield headlines, lang


_ASCII_DIGITS, _ASCII_LETTERS = string.digits.encode(), string.ascii_letters.encode()  # all that isdigit, isalpha take in ASCII


def _mostly_digits(text: str) -> bool:
    """A date, a time or a score ('Mon Dec 01 00:00:00 EST 2014'), not a headline: its words are no language.

    An ASCII text's digits and letters are deleted in C (a map over its characters cost three times as much); in
    another, the letters are counted only when a digit is there to outnumber them (map: no generator per character)."""
    if text.isascii():
        raw = text.encode("ascii")
        return len(raw.translate(None, _ASCII_DIGITS)) < len(raw.translate(None, _ASCII_LETTERS))
    digits = sum(map(str.isdigit, text))
    return bool(digits) and digits > sum(map(str.isalpha, text))


SIGNALS: list[SignalUnit] = [LinkBlockUnrelated(), LinkBlockYearSpread(), LinkBlockShare(), LinkBlockHeadings(),
                             LinkBlockLanguage()]
