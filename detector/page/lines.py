"""Parsers of one line of visible text: a title, a breadcrumb, a byline, a dated label, a copyright line.

Both builders use them: the HTML one on its visible lines, the text-dump one on the dump's lines.
Years are written with ``text.YEAR``. Two chunking patterns remain: ``INFO_CHUNK`` (HTML info bars)
also cuts at " · " and " • ", ``DUMP_CHUNK`` never cuts inside "Label: a | b". With ``INFO_CHUNK`` for
both, the bylines or dates of 5 of 300 corpus text dumps changed, and one feature (byline_person).
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from ..lexicons import load, pattern
from ..phrases import CaselessWords
from ..text import YEAR, normalize, parse_date, word_count
from .model import Located

MAX_LINE_CHARS = 300  # a breadcrumb or copyright line is short; a longer one is prose that mentions them
MAX_NAME_CHARS = 120  # a longer byline "name" is a sentence
MAX_BYLINE_WORDS = 8  # "By the way, ..." is prose, not a byline: names are short

# Chinese sites join title and site name with a bare dash: "武汉的声音：…英雄的城！-新华网".
_TITLE_SEPARATORS = re.compile(r"\s+[|\-–—:·•»]\s+|\s*[_｜|]\s*|\s+::\s+|"
                               r"(?:(?<=[\u3001-\u303f\u4e00-\u9fff\uff01-\uff5e”」』])|(?<=[\u4e00-\u9fff][!?]))[-–—](?=[\u4e00-\u9fff])")
# Bars that CMS templates put between an info line's items with or without spaces ("Post: …┊Source: …┊By admin",
# "发布时间：…｜来源：…", which NFKC makes "…|来源:…"); none of them stands inside a name.
BARS = "|｜┊┆│¦丨"
# "Time: … Source: … Author: admin": the cuts of r"\s{2,}|\s[/·•]\s|\s*[bars]\s*|\s+(?=[^\s:：bars]{1,12}[:：])", the same
# match at each place (tests/test_page.py), written so that every branch but one opens after one white space: re
# tried the four at every character (a long line with a colon took 20 µs).
INFO_CHUNK = re.compile(rf"\s(?:\s+|[/·•]\s|\s*[{BARS}]\s*|\s*(?=[^\s:：{BARS}]{{1,12}}[:：]))|[{BARS}]\s*")
# What INFO_CHUNK can cut at, a mark or two white spaces (a line without any is one chunk), as one class that re
# scans for, not two branches tried at every character.
_CHUNK_MARK = re.compile(rf"[\s:：/·•{BARS}](?<=[:：/·•{BARS}]|\s(?=\s))")
DUMP_CHUNK = re.compile(rf"\s{{2,}}|\s/\s|\s*[{BARS}]\s*|\s+(?=[^\s:：{BARS}]{{1,12}}[:：])")  # "By X | date", "时间：… 作者：…"
_YEAR_RANGE = re.compile(rf"{YEAR}\s*(?:[-–]\s*{YEAR})?")  # "2015-2020" in a copyright line


_DATE = (rf"(?:{YEAR}\s*[-/.年]\s*\d{{1,2}}\s*[-/.月]\s*\d{{1,2}}日?|\d{{1,2}}[./]\d{{1,2}}[./]{YEAR}"
         rf"|[A-Z][a-z]{{2,8}}\.?\s+\d{{1,2}},?\s+{YEAR})(?:\s+\d{{1,2}}:\d\d(?::\d\d)?)?")
_LEADING_DATE = re.compile(rf"^[\[(（]?{_DATE}[\])）]?\s*[-|:·]?\s*")
_TRAILING_DATE = re.compile(rf"\s*[-|·]?\s*[\[(（]?{_DATE}[\])）]?$")


def strip_date(line: str) -> str:
    """'2016/08/19 Headline', 'Headline - March 3, 2024' -> 'Headline'."""
    return _TRAILING_DATE.sub("", without_leading_date(line)).strip(" |-·")


def without_leading_date(line: str) -> str:
    """'January 28, 2024 | Quickstart Newsroom' -> 'Quickstart Newsroom': themes print the date before the byline."""
    return _LEADING_DATE.sub("", line, count=1)


def title_parts(title: str) -> list[str]:
    """'Story - Site | Section' -> ['Story', 'Site', 'Section']."""
    return [p.strip() for p in _TITLE_SEPARATORS.split(title) if p and p.strip()]


def breadcrumb_from_text(text: str) -> list[str] | None:
    """'Current position: Home > Scams > …' -> ['Home', 'Scams', …]; None when the line is no breadcrumb."""
    text = normalize(text)
    if len(text) > MAX_LINE_CHARS:
        return None
    labels = pattern("page", "breadcrumb_labels", whole_words=True)
    m = labels.match(text)
    rest = text[m.end():].lstrip(" :：-") if m else text
    seps = _separator_pattern()
    items = [i.strip() for i in seps.split(rest) if i.strip()]
    root = pattern("page", "breadcrumb_roots")
    if m and items:
        return items
    if len(items) >= 2 and root.fullmatch(items[0]):
        return items
    return None


MAX_SECTION_CHARS = 40  # a category name, not a headline


def breadcrumb_section(items: list[str], headline: str, title: str) -> str | None:
    """A breadcrumb's last category: not its home, the story's own headline or title, nor a leaf that names the page
    type ('Home > Product News > text', '首页 > 行业资讯 > 正文')."""
    leaves = _breadcrumb_leaves()
    cats = [x for x in items[1:] if len(x) <= MAX_SECTION_CHARS and x not in (headline, title) and x.lower() not in leaves]
    return cats[-1] if cats else None


@lru_cache(maxsize=1)
def _breadcrumb_leaves() -> frozenset[str]:
    return frozenset(x.lower() for x in load("page")["breadcrumb_leaves"])


@lru_cache(maxsize=1)
def _separator_pattern() -> re.Pattern[str]:
    seps = sorted(load("page")["breadcrumb_separators"], key=len, reverse=True)
    return re.compile(r"\s*(?:" + "|".join(re.escape(s) for s in seps) + r")\s*")


@lru_cache(maxsize=1)
def _byline_pattern() -> re.Pattern[str]:
    labels = "|".join(re.escape(x) for x in sorted(load("page")["byline_labels"], key=len, reverse=True))
    return re.compile(rf"^(?:{labels})(?:\s*[:：]\s*|\s+)(.{{2,80}})$", re.I)


def byline_from_text(line: str) -> str | None:
    """'By Jane Doe' / '作者：admin' -> the name; None when the line is not a byline."""
    m = _byline_pattern().match(normalize(line))
    if not m:
        return None
    name = m.group(1).strip(" |,;")
    return name if word_count(name) <= MAX_BYLINE_WORDS else None


@lru_cache(maxsize=1)
def _credit_opening() -> re.Pattern[str]:
    return re.compile(rf"^(?:{pattern('attribution', 'source_labels').pattern})\s*[:：]", re.I)


CREDIT_OPENING_CHARS = 40  # 'This article was originally published on X' opens so; a reference ends '[originally published in'


def credit_line(line: str) -> bool:
    """'Source: Pike Nurseries', 'This article was originally published on X': the page credits its text to
    another place. Such a line is never a headline of a list, even where it sits among short lines in a dump."""
    origin = pattern("attribution", "origin_phrases").search(line)
    return bool(_credit_opening().match(line) or (origin and origin.start() <= CREDIT_OPENING_CHARS))


def copyright_holder(text: str) -> str | None:
    """'© 2015-2020 Golden Wealth Academy. All rights reserved.' -> 'Golden Wealth Academy'."""
    text = normalize(text)
    if not _marks_occur().may_occur(text):
        return None
    marks = pattern("page", "copyright_marks")
    m = marks.search(text)
    if not m or len(text) > MAX_LINE_CHARS:
        return None
    rest = marks.sub(" ", text)
    rest = _YEAR_RANGE.sub(" ", rest)
    rest = re.split(r"[.。|,;]|\s{2,}", rest.strip(" ,.-:"))[0].strip(" ,.-:")
    return rest if 2 <= len(rest) <= 80 else None


@lru_cache(maxsize=1)
def _marks_occur() -> CaselessWords:
    """The one-pass test run before the copyright marks' pattern, a case-insensitive alternation tried at every
    character of every line (5 µs a line): most lines hold no mark."""
    return CaselessWords(load("page")["copyright_marks"])


def last_copyright(lines: list[str]) -> tuple[str, int] | None:
    """The holder named by the last copyright line, with its index in ``lines``."""
    for i in range(len(lines) - 1, -1, -1):
        holder = copyright_holder(lines[i]) if len(lines[i]) <= MAX_LINE_CHARS else None
        if holder:
            return holder, i
    return None


def info_chunks(line: str) -> list[str]:
    """An info line cut into its labelled parts: 'Time: … Source: … Author: admin' -> three chunks."""
    if not _CHUNK_MARK.search(line):
        return [line] if line else []
    return [c for c in INFO_CHUNK.split(line) if c]


def dated_label(line: str) -> date | None:
    """A visible 'Post: 2024-05-02' / '时间：2024-05-02' line -> the date."""
    labels = pattern("page", "date_labels")
    m = labels.match(normalize(line))
    if not m:
        return None
    return parse_date(line[m.end():])


def _date_only(text: str) -> bool:
    """'Last Updated: October 3, 2024', or 'Last Updated' beside its <time>: a theme's date in an author slot."""
    m = pattern("page", "date_labels").match(text)
    return m is not None and (not text[m.end():].strip(" :：") or dated_label(text) is not None)


class Bylines:
    """The bylines a builder finds, in order, each name once (case-insensitively)."""

    def __init__(self) -> None:
        self.found: list[Located] = []
        self._seen: set[str] = set()

    def add(self, name: str, source: str, locator: str | None = None) -> None:
        name = normalize(name).strip(" ,|")
        if (name and name.lower() not in self._seen and len(name) <= MAX_NAME_CHARS and not name.startswith("http")
                and not _date_only(name)):
            self._seen.add(name.lower())
            self.found.append(Located(name, source, locator))
