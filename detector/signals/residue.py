"""Residue: what the farm's CMS and scraping tools leave on the page.

Farm CMSs (site-group systems, DedeCMS themes) print vote boxes and view counters with numbers next
to every article; scrapers and auto-blog plugins leave their footers, disclaimers and unreplaced
placeholders. Visible lines split at every tag, so a label and its number may sit on adjacent lines:
short neighbouring lines are read joined.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from functools import lru_cache, partial
from itertools import accumulate

from ..lexicons import load, phrases
from ..page import BARS, Page, page_view
from ..phrases import CaselessWords
from ..text import Phrases, word_count
from .attribution import self_credit
from .base import Signal, SignalUnit, Where, known

_SHORT = 40  # a widget's pieces are short lines
_NOTICE_WORDS = 40  # a disclaimer is a sentence or two, not a paragraph of prose
# The disclaimer lists and what each says: a weak one ('for informational purposes only') is on originals too.
_DISCLAIMERS = (("rewrite_disclaimers_strong", 1.0), ("rewrite_disclaimers_machine", 1.0),
                ("rewrite_disclaimers_weak", 0.3))
_DIGIT = re.compile(r"\d")
_NUMBER = r"\d[\d,.]*\s*[kKwW万萬]?"


def _alt(key: str) -> str:
    return "|".join(re.escape(p) for p in sorted(load("residue")[key], key=len, reverse=True))


_WORD_LISTS = {  # the phrases every vote widget, view counter, leftover and disclaimer holds (their lexicon's lists)
    "vote": ("residue", ("vote_strong", "vote_weak")),
    "view": ("residue", ("view_labels_strong", "view_labels_weak", "view_units")),
    "leftover": ("residue", ("leftovers", "placeholders", "leftover_needles")),
    "rewrite": ("spam", tuple(key for key, _ in _DISCLAIMERS)),
}


@lru_cache(maxsize=1)
def _words_of() -> dict[str, frozenset[str]]:
    """Each list's phrases, lower-cased as ``Phrases`` keeps them."""
    return {kind: frozenset(p.lower() for key in keys for p in load(lex)[key] if p)
            for kind, (lex, keys) in _WORD_LISTS.items()}


@lru_cache(maxsize=1)
def _every_word() -> Phrases:
    """The four kinds' phrases as one test: the page is read once for all of them."""
    return Phrases(word for words in _words_of().values() for word in words)


@page_view
def _occurrences(page: Page) -> list[tuple[int, int, str]]:
    """Every phrase of the four kinds in the joined lines (``_joined_lines``), found in one pass for the
    four signals: a pass costs 2-4 ns a character (``Phrases``' DFA)."""
    return _every_word().occurrences(_joined_lines(page)[1])


def _occurs(page: Page, kind: str) -> bool:
    """Whether a phrase of the ``kind`` list is in the visible lines."""
    words = _words_of()[kind]
    return any(phrase in words for _, _, phrase in _occurrences(page))


def _windows(page: Page, kind: str, size: int = 4) -> Iterator[tuple[str, Where]]:
    """Visible lines, and runs of up to ``size`` short neighbouring lines joined by a space, that
    hold one of the ``kind`` list's words: every widget, counter and leftover pattern here contains
    one of its lexicon's phrases, and most lines none.

    The words are found in one pass over all lines (lower-cased, joined as the windows join them);
    a window is read only if it spans an occurrence, and only the lines that could start one are visited
    (two passes over every line took ~0.05 ms a kind on a page with an occurrence).
    """
    lines = page.lines
    spans = _spans(page, kind)
    firsts = [first for first, _ in spans]
    # Of the occurrences from the k-th on, the least last line.
    nearest = list(accumulate(reversed([last for _, last in spans]), min))[::-1]
    for i in sorted({i for first, last in spans for i in range(max(0, last - size + 1), first + 1)}):
        needed = nearest[bisect_left(firsts, i)]  # the last line of the nearest occurrence starting on line i or later
        if needed >= min(i + size, len(lines)):
            continue  # no window from line i reaches an occurrence
        line = lines[i]
        if needed == i:
            yield line, partial(page.locate, i)
        joined = line
        for j in range(i + 1, min(i + size, len(lines))):
            if len(lines[j]) > _SHORT:
                break
            joined += " " + lines[j]
            if needed <= j:
                yield joined, partial(page.locate, i, j)


def _spans(page: Page, kind: str) -> list[tuple[int, int]]:
    """The first and last line of each occurrence of the ``kind`` list's words, in order (none on most pages)."""
    starts = _joined_lines(page)[0]
    words = _words_of()[kind]
    return sorted({(bisect_right(starts, start) - 1, bisect_right(starts, end - 1) - 1)
                   for start, end, phrase in _occurrences(page) if phrase in words})


@page_view
def _joined_lines(page: Page) -> tuple[list[int], str]:
    """Where each visible line starts in the lines joined by spaces, and that text lower-cased (three signals' windows)."""
    return list(accumulate(map((1).__add__, map(len, page.lines)), initial=0))[:-1], " ".join(page.lines).lower()


def _is_cjk(word: str) -> bool:
    return any(ord(c) > 0x2E7F for c in word)


@lru_cache(maxsize=2)
def _vote(key: str) -> re.Pattern[str]:
    """The whole window is vote buttons with counts: 'good! (348) bad! (2)', '顶一下 5 踩一下 0', '123 赞'.

    A Latin word needs its count in brackets ('Support (12)'): 'SUPPORT 0' is a menu, '400 Bad' an error.
    """
    words = load("residue")[key]
    latin = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True) if not _is_cjk(w))
    cjk = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True) if _is_cjk(w))
    bracketed = rf"[\(（\[]\s*{_NUMBER}\s*[\)）\]]"
    bare = rf"[\(（\[]?\s*{_NUMBER}\s*[\)）\]]?"
    one = (rf"(?:(?:{latin})\s*[:：]?\s*{bracketed}"
           rf"|(?:{cjk})\s*[:：]?\s*{bare}\s*(?:票|次|人)?|{bare}\s*(?:{cjk}))")
    return re.compile(rf"(?i)^\s*{one}(?:\s*[|/·]?\s*{one})*\s*$")


class VoteWidget(SignalUnit):
    name = "vote_widget"
    description = "A vote or digg box with counts ('good! (348)', 'Support (12)', '顶一下 (5)')."

    def score(self, page: Page) -> Signal:
        weak: Signal | None = None
        for text, where in _windows(page, "vote"):
            if len(text) > 80 or not _DIGIT.search(text):  # a widget shows its counts
                continue
            if _vote("vote_strong").match(text):
                return self.found(1.0, f'vote widget "{text}"', where())
            if weak is None and _vote("vote_weak").match(text):
                weak = self.found(0.5, f'like counter "{text}"', where())
        return weak or self.nothing()


@lru_cache(maxsize=1)
def _views() -> list[tuple[re.Pattern[str], float]]:
    """Counter forms, strongest first: 'Viewed: 1234' / '点击：123'; '阅读 4567 次'; '1,234 views'."""
    edge, end = rf"(?:^|(?<=[\s{BARS}]))", rf"(?=$|[\s{BARS},.;)])"
    number = rf"\(?{_NUMBER}\)?"
    return [
        (re.compile(rf"(?i){edge}(?:{_alt('view_labels_strong')})\s*[:：]\s*{number}{end}"), 1.0),
        (re.compile(rf"(?i){edge}(?:{_alt('view_labels_strong')}|{_alt('view_labels_weak')})\s*[:：]?\s*{number}"
                    rf"\s*(?:{_alt('view_label_units')})?{end}"), 0.5),
        (re.compile(rf"(?i){edge}(?<![\d.,]){_NUMBER}\s*(?:{_alt('view_units')}){end}"), 0.5),
    ]


class ViewCounter(SignalUnit):
    name = "view_counter"
    description = "A page-view counter ('Viewed: 1234', '点击：123', '阅读 4567 次'); farm-CMS labels score higher."

    def score(self, page: Page) -> Signal:
        best: Signal = self.nothing()
        for text, where in _windows(page, "view"):
            if len(text) > 200 or not _DIGIT.search(text):  # a counter shows its count
                continue
            for rx, value in _views():
                m = rx.search(text)
                if m and value > best.value and not _year_or_rank(m.group(0)):
                    best = self.found(value, f'view counter "{m.group(0).strip()}"', where())
            if best.value >= 1.0:
                break
        return best


def _year_or_rank(counter: str) -> bool:
    """'2024 View' is a date next to a link, '1. Read' a list number: neither counts anything."""
    digits = re.search(r"\d[\d,.]*", counter)
    number = digits.group(0) if digits else ""
    return bool(re.fullmatch(r"(?:19|20)\d\d", number) or number.endswith("."))


@lru_cache(maxsize=1)
def _leftovers() -> list[tuple[re.Pattern[str], float]]:
    lex = load("residue")
    out = [(re.compile(_bounded(s), re.I), w) for s, w in lex["leftovers"].items()]
    out += [(re.compile(re.escape(s)), 1.0) for s in lex["placeholders"]]
    out += [(re.compile(p), w) for p, w in lex["leftover_patterns"].items()]
    return out


@lru_cache(maxsize=1)
def _leftover_literals() -> tuple[tuple[str | None, ...], CaselessWords]:
    """For each of ``_leftovers``, the phrase that all its matches hold, lower-cased (None for the free
    patterns), and the one-pass test of which phrases a text holds: of the ~100 patterns, a text needs few."""
    lex = load("residue")
    phrases = [*lex["leftovers"], *lex["placeholders"]]
    return (*(p.lower() or None for p in phrases), *(None for _ in lex["leftover_patterns"])), CaselessWords(phrases)


def _leftover_hits(text: str) -> list[tuple[float, int, re.Match[str]]]:
    """(weight, kind, match) of each leftover in ``text``, in ``_leftovers`` order."""
    literals, words = _leftover_literals()
    held = words.found(text)
    return [(w, i, m) for i, (rx, w) in enumerate(_leftovers())
            if (held is None or literals[i] is None or literals[i] in held) and (m := rx.search(text))]


def _needles() -> Phrases:
    """Literals that every leftover contains: a line with none of them is skipped.

    Most lines match no leftover, and the phrase test is far cheaper than the bounded regexes
    (an 8 MB page took 35 s with the regexes alone).
    """
    return phrases("residue", *_WORD_LISTS["leftover"][1])


def _needled_paragraphs(page: Page) -> list[tuple[str, Where]]:
    """The main text's paragraphs that hold one of ``_needles``, found in one pass over them all."""
    held = _needles().holding([p.text.lower() for p in page.paragraphs])
    return [(p.text, known(p.locator)) for p, holds in zip(page.paragraphs, held) if holds]


_EMBED_CODE = re.compile(r"&lt;|&gt;|href=")


def _bounded(phrase: str) -> str:
    """Word boundaries at Latin ends only ('Recommended Ad' is not in 'Recommended Advertise'); CJK has none."""
    body = re.escape(phrase)
    if phrase[:1].isascii() and phrase[:1].isalnum():
        body = r"(?<![^\W_])" + body
    if phrase[-1:].isascii() and phrase[-1:].isalnum():
        body += r"(?![^\W_])"
    return body


class ScraperLeftovers(SignalUnit):
    name = "scraper_leftovers"
    description = "CMS or scraper leftovers: 'Source: Collection', 'appeared first on', repost disclaimers, placeholders."

    def score(self, page: Page) -> Signal:
        paragraphs = _needled_paragraphs(page)
        if not paragraphs and not _occurs(page, "leftover"):
            return self.nothing()
        seen: dict[int, tuple[float, str]] = {}  # leftover kind -> (weight, what was seen)
        first: str | None = None
        for text, where in paragraphs + list(_windows(page, "leftover", size=2)):
            if _EMBED_CODE.search(text):
                continue  # (an embed box shows a "republish this story" footer as escaped code)
            # One leftover per text: "The post … appeared first on" is one footer, not two.
            hits = _leftover_hits(text)
            if not hits:
                continue
            weight, kind, m = max(hits, key=lambda h: h[0])
            if self_credit(text[m.end():], page):
                continue  # "Read more at Modern Farmer" on modernfarmer.com: its own republishing box
            if kind not in seen:
                seen[kind] = (weight, text[max(0, m.start() - 20): m.end() + 40])
                first = first or where()
        if not seen:
            return self.nothing()
        # Noisy-or: several weak leftovers together say more than any one of them.
        miss = 1.0
        for weight, _ in seen.values():
            miss *= 1.0 - weight
        shown = "; ".join(f'"{ctx.strip()}"' for _, ctx in sorted(seen.values(), key=lambda x: -x[0])[:4])
        return self.found(1.0 - miss, f"leftovers {shown}", first)


class RewriteDisclaimer(SignalUnit):
    name = "rewrite_disclaimer"
    description = "A notice that the text was rewritten, machine-made or assembled from other sources."

    def score(self, page: Page) -> Signal:
        """A notice is a short line about the page itself: "AI-generated" in a headline or in a
        paragraph about AI tools is news, "This article was generated by AI" is a notice."""
        if not _occurs(page, "rewrite"):
            return self.nothing()  # the residue signals' one pass, not one more over the page (most pages have none)
        lows = [line.lower() for line in page.lines]
        notice = phrases("spam", "rewrite_self_references")
        for key, value in _DISCLAIMERS:
            for i, (line, low) in enumerate(zip(page.lines, lows)):
                if not phrases("spam", key).any_in(low):
                    continue
                if key != "rewrite_disclaimers_weak" and word_count(line) > _NOTICE_WORDS:
                    continue
                if key == "rewrite_disclaimers_machine" and not notice.any_in(low):
                    continue
                return self.found(value, f"disclaimer: \"{line[:160]}\"", page.locate(i))
        return self.nothing()


SIGNALS: list[SignalUnit] = [VoteWidget(), ViewCounter(), ScraperLeftovers(), RewriteDisclaimer()]
