"""Links inside the article text: link farms sell keyword anchors placed in copied stories.

A news story links out to its sources; a link-farm page puts "best online casino" or "payday loans"
anchors into the paragraphs of a story that has nothing to do with them.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from ..lexicons import load
from ..page import Page, registrable_domain
from .base import Signal, SignalUnit


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
        seen: dict[str, str] = {}
        for p in page.paragraphs:
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


SIGNALS: list[SignalUnit] = [KeywordLinksInText(), SpamTradesInText(), OutboundLinkShare()]
