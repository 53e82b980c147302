"""The Page built from a page's rendered plain text instead of its HTML (see ``dump`` for its lines).

There is no markup, so the layout of the lines has to stand in for it:

    header      the first short line(s): the site's name
    nav         lines of short items separated by | or ·, or one-word bullet lines
    breadcrumb  "Current: Home > Scams"
    headline    the line just above the byline/date lines that open the main text
    main text   the longest run of long lines (short subheadings allowed inside)
    link blocks a short heading ("Related", "相关文章") over three or more headline lines

Locators are "line N", counted over ``page.lines`` (the non-empty normalised lines, 1-based), the
same numbering the HTML builder uses for its visible-text evidence.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..lexicons import pattern
from ..text import is_headline, parse_date, word_count
from .dump import (MAX_DATE_LINE_WORDS, MAX_SUBHEADING_WORDS, NUMBERING, clean, headline_index, is_nav, is_prose,
                   main_run, numbered_links, split_references, title_line, unwrap)
from .lines import (DUMP_CHUNK, Bylines, breadcrumb_from_text, breadcrumb_section, byline_from_text, copyright_holder,
                    credit_line, dated_label, last_copyright, strip_date, title_parts)
from .model import Link, LinkBlock, Located, Page, PageDate
from .urls import addresses, registrable_domain

_ARROWS = re.compile(r">|»|›|→|＞|≫|/")
_DATE_LINE_SPLIT = re.compile(r"\s[|/·]\s|\s{2,}")
_LETTER = re.compile(r"[^\W\d_]")
_LABEL_COLON = re.compile(r"[:：]")

MAX_SITE_NAME_CHARS = 60  # a site's name in the title or the header is short...
MAX_SITE_NAME_WORDS = 8  # ...and a few words
HEADER_LINES = 4  # the site's name heads the page, above any menu
BREADCRUMB_TOP_LINES = 60  # a breadcrumb sits above the headline, near the top
MAX_ARROW_ITEMS = 6  # an unlabelled "A > B > C" longer than this is a list, not a path
MAX_BYLINE_LINE_WORDS = 20  # a longer line is prose that may mention "by"
BYLINE_LINES_AFTER = 3  # a byline may close the text: read this many lines past its end
MAX_ITEM_WORDS = 25  # a block's headline line; longer is a teaser paragraph
MIN_DATED_ITEM_WORDS = 2  # a dated list line of two words is a headline ('Brexit talks 2019-03-01'), of one a date's label
MAX_POSTER_WORDS = 4  # the name beside a date is a few words
MIN_BLOCK_ITEMS = 3  # as in the HTML builder: three headline lines make a list
MAX_HEADING_CHARS = 40  # a block's heading is a short label...
MAX_HEADING_WORDS = 6  # ...of a few words


def parse_text(text: str, url: str | None = None, *, truncated: bool = False) -> Page:
    """Build a Page (kind="text") from a rendered-text dump of a web page."""
    body, refs = split_references(text.splitlines())
    raw_lines = [r for r in unwrap(body) if not r.lstrip().startswith("#[")]  # lynx: <link> elements
    own, capture = addresses(url)
    page = Page(kind="text", url=own, capture_url=capture, domain=registrable_domain(own), truncated=truncated)
    marked: list[list[Link]] = []  # the numbered links on each line (lynx/w3m)
    for raw in raw_lines:
        line = clean(raw)
        if line:
            page.lines.append(line)
            marked.append(numbered_links(raw, refs))
    lines = page.lines
    page.total_chars = sum(len(x) for x in lines)

    start, end = main_run(lines)
    page.paragraphs = [Located(lines[i], "main text", f"line {i + 1}") for i in range(start, end)]
    page.text_links = [link for i in range(start, end) for link in marked[i] if link.href]  # lynx's inline links
    top = title_line(lines)
    head = headline_index(lines, start, top)
    page.headline = lines[head] if head is not None else ""
    page.title = lines[0] if top else page.headline
    before = head if head is not None else start  # the page header: everything above the headline
    _read_site_names(page, top, before)
    _read_breadcrumb(page, before)
    meta = range(head + 1, start) if head is not None else range(0)  # byline/date lines under the headline
    _read_bylines(page, end, meta)
    _read_dates(page, end, meta)
    _read_link_blocks(page, marked, start, end)
    return page


def _read_site_names(page: Page, top: bool, before: int) -> None:
    lines = page.lines
    if top:
        parts = title_parts(lines[0])
        suffix = parts[-1] if len(parts[-1]) <= len(parts[0]) else parts[0]
        if len(suffix) <= MAX_SITE_NAME_CHARS:
            page.site_names.append(Located(suffix, "title suffix", "line 1"))
    chrome = pattern("text_page", "chrome_lines")
    for i in range(1 if top else 0, min(before, HEADER_LINES)):
        line = lines[i]
        if chrome.match(line):
            continue
        if (len(line) <= MAX_SITE_NAME_CHARS and word_count(line) <= MAX_SITE_NAME_WORDS and not is_nav(line)
                and not breadcrumb_from_text(line) and parse_date(line) is None):
            page.site_names.append(Located(line, "header", f"line {i + 1}"))
        break
    holder = last_copyright(lines)
    if holder:
        page.site_names.append(Located(holder[0], "copyright", f"line {holder[1] + 1}"))


def _read_breadcrumb(page: Page, before: int) -> None:
    labelled = pattern("page", "breadcrumb_labels")
    for i, line in enumerate(page.lines[:max(before, 1)][:BREADCRUMB_TOP_LINES]):
        items = breadcrumb_from_text(line)
        # Without a label ("Current:"), only arrows make a breadcrumb: "Home | News | Sport" is a menu.
        label = labelled.match(line)
        if label and re.match(r"[A-Za-z]", line[label.end():label.end() + 1]):
            continue  # "Currently trending: …" is no "Current: …"
        if items and (label or (_ARROWS.search(line) and len(items) <= MAX_ARROW_ITEMS)):
            page.breadcrumb, page.breadcrumb_items = Located(line, "visible text", f"line {i + 1}"), items
            section = breadcrumb_section(items, page.headline, page.title)
            if section:
                page.section = Located(section, "breadcrumb", f"line {i + 1}")
            return


def _read_bylines(page: Page, end: int, meta: range) -> None:
    names = Bylines()
    for i, line in enumerate(page.lines[:end + BYLINE_LINES_AFTER]):
        if word_count(line) > MAX_BYLINE_LINE_WORDS:
            continue
        for chunk in DUMP_CHUNK.split(line):
            name = byline_from_text(chunk)
            if name:
                names.add(name, "visible text", f"line {i + 1}")
    for name, i in _date_line_names(page, meta):
        names.add(name, "date line", f"line {i + 1}")
    page.bylines = names.found


def _date_line_names(page: Page, meta: range) -> Iterator[tuple[str, int]]:
    """"Wealth View | 2024-05-12" under the headline: the words beside the date name who posted it."""
    crumbs = {x.lower() for x in page.breadcrumb_items}
    for i in meta:
        chunks = [c.strip() for c in _DATE_LINE_SPLIT.split(page.lines[i])]
        if len(chunks) < 2 or not any(parse_date(c) for c in chunks):
            continue
        for c in chunks:
            if (c and parse_date(c) is None and 1 <= word_count(c) <= MAX_POSTER_WORDS and _LETTER.search(c)
                    and not _LABEL_COLON.search(c) and c.lower() not in crumbs and not byline_from_text(c)):
                yield c, i


def _read_dates(page: Page, end: int, meta: range) -> None:
    for i, line in enumerate(page.lines[:end]):
        for chunk in DUMP_CHUNK.split(line):
            d = dated_label(chunk) if word_count(chunk) <= MAX_DATE_LINE_WORDS else None
            if d:
                page.dates.append(PageDate(d, "visible text", f"line {i + 1}", line=i))
                return
    for i in meta:  # a bare date under the headline
        d = parse_date(page.lines[i]) if word_count(page.lines[i]) <= MAX_DATE_LINE_WORDS else None
        if d:
            page.dates.append(PageDate(d, "visible text", f"line {i + 1}", line=i))
            return


def _headline_item(line: str) -> str | None:
    """The headline of a list line ('1. Title (2016-03-12)' -> 'Title'), or None. A date beside it makes a list's
    item of a short headline too ('Masse des Quaders 2015-06-13'), where a bare short line may be a menu's."""
    bare = NUMBERING.sub("", line).strip(" |-·")
    text = strip_date(bare)
    dated = text != bare and word_count(text) >= MIN_DATED_ITEM_WORDS
    if (not (is_headline(text) or dated) or word_count(text) > MAX_ITEM_WORDS or is_nav(text) or byline_from_text(text)
            or copyright_holder(text) or (is_prose(text) and word_count(text) > MAX_SUBHEADING_WORDS) or credit_line(text)
            or _info_line(text)):
        return None
    return text


def _info_line(line: str) -> bool:
    """'Current position: HOME > Pet Tips', 'Post: 2021/05/10┊Source: Network┊By admin': a breadcrumb, or a line of
    labelled items of which one is a date or a byline, is the story's own furniture, no headline of a list."""
    if _ARROWS.search(line) and breadcrumb_from_text(line):
        return True
    chunks = DUMP_CHUNK.split(line)
    return len(chunks) > 1 and any(dated_label(c) or byline_from_text(c) for c in chunks)


def _read_link_blocks(page: Page, marked: list[list[Link]], start: int, end: int) -> None:
    """A short heading over three or more headline lines, anywhere outside the main text;
    after the main text, three or more headline lines need no heading."""
    lines = page.lines
    i = 0
    while i < len(lines):
        if start <= i < end:
            i = end
            continue
        heading, items = _block_at(lines, i, start, end)
        if len(items) < MIN_BLOCK_ITEMS:
            i += 1
            continue
        links = tuple(_block_link(title, marked[k]) for k, title in items)
        text = " \n".join(lines[k] for k, _ in items)
        page.link_blocks.append(LinkBlock(heading, links, text, f"line {items[0][0] + 1 - (heading is not None)}"))
        i = items[-1][0] + 1
    page.links = [link for k in range(len(lines)) for link in marked[k]]
    page.links += [link for block in page.link_blocks for link in block.links if link.href is None]
    page.link_chars = sum(len(link.text) for link in page.links)


def _block_at(lines: list[str], i: int, start: int, end: int) -> tuple[str | None, list[tuple[int, str]]]:
    """(heading, items) of the block that line ``i`` heads or, after the main text, opens."""
    line = lines[i]
    is_heading = (len(line) <= MAX_HEADING_CHARS and word_count(line) <= MAX_HEADING_WORDS and parse_date(line) is None
                  and (_headline_item(line) is None or line.endswith((":", "："))) and not _info_line(line))
    heading, items = (line, _items_from(lines, i + 1, start, end)) if is_heading else (None, [])
    if len(items) < MIN_BLOCK_ITEMS:
        heading, items = None, (_items_from(lines, i, start, end) if i >= end else [])
    return heading, items


def _items_from(lines: list[str], i: int, start: int, end: int) -> list[tuple[int, str]]:
    """The headline lines from ``i`` on, up to the first other line or the main text."""
    out = []
    while i < len(lines) and not start <= i < end:
        title = _headline_item(lines[i])
        if title is None:
            break
        out.append((i, title))
        i += 1
    return out


def _block_link(title: str, marked: list[Link]) -> Link:
    """The block item as a Link, with the dump's URL for it when the line was a numbered link."""
    for link in marked:
        if link.href and (link.text == title or title in link.text or link.text in title):
            return Link(title, link.href)
    return Link(title)
