"""Links out of the page: link farms sell keyword anchors placed in copied stories and in clouds beside them.

A news story links out to its sources; a link-farm page puts "best online casino" or "payday loans"
anchors into the paragraphs of a story that has nothing to do with them, and clouds of "cheap car
insurance near me" anchors around it.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from ..lexicons import load
from ..page import Page, registrable_domain
from ..phrases import CaselessWords
from ..text import word_count
from .base import Signal, SignalUnit
from .identity import own_address


@lru_cache(maxsize=1)
def _anchor_words() -> tuple[re.Pattern[str], re.Pattern[str], tuple[str, ...]]:
    """Two patterns over every paid-link anchor word, longest first: one that finds them, and one run only
    where the first matched, with each word in its own group, and the trade each group sells. The trade
    comes from the group, not from the matched text, whose case may not fold back to the word ('CASİNO');
    finding with the grouped pattern alone took 5x as long (6.5 instead of 1.3 ms on a 150 KB page)."""
    words = sorted(((w, trade) for trade, ws in load("spam")["anchor_topics"].items() for w in ws),
                   key=lambda wt: len(wt[0]), reverse=True)
    find = "|".join(re.escape(w) for w, _ in words)
    which = "|".join(f"({re.escape(w)})" for w, _ in words)
    edges = r"(?i)(?<![^\W_])(?:{})(?![^\W_])"
    return re.compile(edges.format(find)), re.compile(edges.format(which)), tuple(trade for _, trade in words)


@lru_cache(maxsize=1)
def _anchor_words_occur() -> CaselessWords:
    """The cheap test run before ``_anchor_words``' pattern: most paragraphs hold none of its words."""
    return CaselessWords(w for ws in load("spam")["anchor_topics"].values() for w in ws)


class KeywordLinksInText(SignalUnit):
    name = "keyword_links_in_text"
    description = "Paid-link anchors (casino, loans, essays, pills…) inside the article's paragraphs, pointing off-site."

    def score(self, page: Page) -> Signal:
        find, _, _ = _anchor_words()
        spam = []
        for link in page.text_links:
            host = registrable_domain(link.href) if link.href and link.href.startswith("http") else None
            if host and host != page.domain and find.search(link.text):
                spam.append(link)
        if not spam:
            return self.nothing()
        hosts = {registrable_domain(x.href) for x in spam}
        shown = "; ".join(f"'{x.text}' → {registrable_domain(x.href)}" for x in spam[:4])
        return self.found(min(1.0, len(spam) / 3), f"{len(spam)} keyword links to {len(hosts)} sites in the text: {shown}")


class SpamTradesInText(SignalUnit):
    name = "spam_trades_in_text"
    description = ("Paid-link words of several unrelated trades (casino, loans, essays, pills…) in the article's paragraphs: "
                   "a link farm's anchors stay behind as words when its page is dumped to text.")

    def score(self, page: Page) -> Signal:
        # One trade is a topic (a casino review names casinos and slots); three trades in one story are sold links.
        find, which, trades = _anchor_words()
        if not _anchor_words_occur().may_occur(page.main_text):
            return self.nothing()  # one pass says that no paragraph holds a word (on most pages), not one a paragraph
        seen: dict[str, str] = {}
        for p in page.paragraphs:
            if not _anchor_words_occur().may_occur(p.text):
                continue
            for m in find.finditer(p.text):
                seen.setdefault(trades[which.match(p.text, m.start()).lastindex - 1], m.group(0))
        if len(seen) < 2:
            return self.nothing()
        shown = ", ".join(f"'{word}' ({trade})" for trade, word in seen.items())
        return self.found(min(1.0, (len(seen) - 1) / 2), f"paid-link words of {len(seen)} trades in the text: {shown}")


class OutboundLinkShare(SignalUnit):
    name = "outbound_link_share"
    description = "Share of the page's links that point to other sites, scaled by how many sites (link farms sell dozens)."

    def score(self, page: Page) -> Signal:
        if not page.domain:
            return self.nothing()
        absolute = [registrable_domain(x.href) for x in page.links if x.href and x.href.startswith(("http://", "https://"))]
        absolute = [h for h in absolute if h]
        if len(absolute) < 10:
            return self.nothing()
        outbound = [h for h in absolute if h != page.domain]
        sites = len(set(outbound))
        value = len(outbound) / len(absolute) * min(1.0, sites / 20)
        if not value:
            return self.nothing()
        top = ", ".join(host for host, _ in Counter(outbound).most_common(5))  # ties: first seen first
        return self.found(value, f"{len(outbound)} of {len(absolute)} links go to {sites} other sites ({top}…)")


@lru_cache(maxsize=1)
def _commercial() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Whole-word patterns of commercial head terms (commerce.json's and spam.json's paid-link words) and of
    the modifiers an SEO seller adds to them, a year among them; longest first."""
    modifiers = {w.lower() for ws in load("commerce")["modifiers"].values() for w in ws}
    def alternation(words: set[str], extra: str = "") -> re.Pattern[str]:
        body = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + extra
        return re.compile(rf"(?i)(?<![^\W_])(?:{body})(?![^\W_])")
    return alternation(_head_words()), alternation(modifiers, r"|20[0-3]\d")


@lru_cache(maxsize=1)
def _head_words() -> frozenset[str]:
    heads = {w.lower() for ws in load("commerce")["heads"].values() for w in ws}
    return frozenset(heads | {w.lower() for ws in load("spam")["anchor_topics"].values() for w in ws})


@lru_cache(maxsize=1)
def _heads_occur() -> CaselessWords:
    """The test run before the head pattern (10 µs an anchor): most anchors name no commercial head."""
    return CaselessWords(_head_words())


_MAX_ANCHOR_WORDS = 8  # a keyword anchor is a phrase, not a headline or a sentence


def commercial_phrase(text: str) -> str | None:
    """The head term of a short 'modifier + head' phrase ('best payday loans 2024' -> 'payday loans'), else None.
    A question or a sentence ('Is a car loan the best way to buy?') is a headline, not a keyword anchor."""
    if len(text) > 80 or word_count(text) > _MAX_ANCHOR_WORDS or text.rstrip().endswith(("?", ".", "!")) \
            or not _heads_occur().may_occur(text):
        return None
    heads, modifiers = _commercial()
    head = heads.search(text)
    if not head or not modifiers.search(text[: head.start()] + " " + text[head.end():]):
        return None
    return head.group(0).lower()


# Anchors with their targets off the site count from three (five for one head). Bare lines of a text dump may be the
# site's own menu (a bank's 'Best personal loans', 'Cheapest car insurance'), so they count from six, and only when
# they sell two of the paid-link trades of spam.json (loans and pills, casinos and essays): one trade is a topic.
_MIN_ANCHORS, _MIN_ONE_HEAD, _MIN_LINES, _MIN_LINE_TRADES = 3, 5, 6, 2


@lru_cache(maxsize=1)
def _trade_of() -> dict[str, str]:
    return {w.lower(): trade for trade, ws in load("spam")["anchor_topics"].items() for w in ws}


@lru_cache(maxsize=1)
def _trade_words() -> re.Pattern[str]:
    return re.compile(rf"(?<![^\W_])(?:{'|'.join(re.escape(w) for w in sorted(_trade_of(), key=len, reverse=True))})(?![^\W_])")


@lru_cache(maxsize=4096)
def trade_of(head: str) -> str | None:
    """The paid-link trade (spam.json's anchor_topics) that a commercial head sells: its own, or that of a trade's
    word inside it ('casino bonus' and 'online slots' are gambling, as 'casino' and 'slots' are)."""
    if head in _trade_of():
        return _trade_of()[head]
    m = _trade_words().search(head)
    return _trade_of()[m.group(0)] if m else None


class KeywordAnchorCloud(SignalUnit):
    name = "keyword_anchor_cloud"
    description = ("Many short anchors anywhere on the page built from a commercial head term and an SEO modifier "
                   "('best payday loans 2024', 'cheap car insurance near me') pointing to other sites: a link farm's cloud. "
                   "In a text dump, short lines of such phrases.")

    def score(self, page: Page) -> Signal:
        # Links to the site itself are its own menu (a shop's 'Cheap flights'); only links out are sold. A head the
        # article is about is the site's topic (a crypto site's 'best bitcoin wallets'), not a sold link.
        domain = own_address(page)[1]
        items: dict[str, tuple[str, str | None]] = {}  # anchor text -> (head, host)
        for link in page.links:
            host = registrable_domain(link.href) if link.href and link.href.startswith(("http://", "https://")) else None
            if host and host != domain and (head := commercial_phrase(link.text)):
                items.setdefault(link.text.lower(), (head, host))
        lines = page.kind == "text" and not any(link.href for link in page.links)
        if lines:  # a text dump without link targets keeps the cloud as short lines
            for line in page.lines:
                if head := commercial_phrase(line):
                    items.setdefault(line.lower(), (head, None))
        if not items:
            return self.nothing()
        topic = {m.group(0).lower() for m in _commercial()[0].finditer(f"{page.title}\n{page.headline}\n{page.main_text}")}
        items = {text: (head, host) for text, (head, host) in items.items() if head not in topic}
        heads = {head for head, _ in items.values()}
        trades = {trade for head in heads if (trade := trade_of(head))}
        if lines and (len(items) < _MIN_LINES or len(trades) < _MIN_LINE_TRADES) \
                or len(items) < _MIN_ANCHORS or (len(heads) < 2 and len(items) < _MIN_ONE_HEAD):
            return self.nothing()
        hosts = {host for _, host in items.values() if host}
        shown = "; ".join(f"'{text}'" for text in list(items)[:4])
        to = f" to {len(hosts)} sites" if hosts else ""
        return self.found(min(1.0, (len(items) + 2 * (len(heads) - 1)) / 8),
                          f"{len(items)} commercial keyword anchors ({len(heads)} heads: {', '.join(sorted(heads)[:4])}){to}: {shown}")


SIGNALS: list[SignalUnit] = [KeywordLinksInText(), SpamTradesInText(), OutboundLinkShare(), KeywordAnchorCloud()]
