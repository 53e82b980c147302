"""The Page model built from a page's rendered plain text instead of its HTML.

Input is what a user can copy out of a browser ("select all, copy") or a text-mode browser dump
(``lynx -dump``, ``w3m -dump``: "* " bullets, "[12]" link numbers, lines wrapped at ~80 columns, and
in lynx a "References" list of the numbered URLs at the end). There is no markup, so the layout of
the lines has to stand in for it:

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
import unicodedata

from .lexicons import load, pattern
from .page import (Link, LinkBlock, Located, Page, PageDate, addresses, breadcrumb_from_text, byline_from_text,
                   copyright_holder, dated_label, registrable_domain, title_parts)
from .text import cjk_share, is_headline, normalize, parse_date, word_count

_MARKER = re.compile(r"\[(\d+)\]")  # lynx/w3m link numbers
_JUNK_MARKER = re.compile(r"\[(?:IMG|INLINE|LINK|BUTTON|_+)\]", re.I)
_BULLET = re.compile(r"^(?:[*+•·▪►o-](?=\s)|[•·▪►])\s*")
_NUMBERING = re.compile(r"^\d{1,2}[.)、]\s*")
_DATE = (r"(?:(?:19|20)\d\d\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}日?|\d{1,2}[./]\d{1,2}[./](?:19|20)\d\d"
         r"|[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+(?:19|20)\d\d)(?:\s+\d{1,2}:\d\d(?::\d\d)?)?")
_LEADING_DATE = re.compile(rf"^[\[(（]?{_DATE}[\])）]?\s*[-|:·]?\s*")
_TRAILING_DATE = re.compile(rf"\s*[-|·]?\s*[\[(（]?{_DATE}[\])）]?$")
_CHUNKS = re.compile(r"\s{2,}|\s[|/]\s|\s+(?=[^\s:：|]{1,12}[:：])")  # "By X | date", "时间：… 作者：…"
_INLINE_LINK_END = re.compile(r"\s[|>»›/·]\s|[,.;:!?)](?:\s|$)")
_NAV_SPLIT = re.compile(r"\s*[|·•]\s*|\s{2,}|\t")
_ARROWS = re.compile(r">|»|›|→|＞|≫|/")
_SENTENCE_END = re.compile(r"[.。!！?？\"”’'」]$")


def parse_text(text: str, url: str | None = None, *, truncated: bool = False) -> Page:
    """Build a Page (kind="text") from a rendered-text dump of a web page."""
    body, refs = _split_references(text.splitlines())
    raw_lines = [r for r in _unwrap(body) if not r.lstrip().startswith("#[")]  # lynx: <link> elements
    own, capture = addresses(url)
    page = Page(kind="text", url=own, capture_url=capture, domain=registrable_domain(own), truncated=truncated)
    marked: list[list[Link]] = []  # the numbered links on each line (lynx/w3m)
    for raw in raw_lines:
        line = _clean(raw)
        if line:
            page.lines.append(line)
            marked.append(_numbered_links(raw, refs))
    lines = page.lines
    page.total_chars = sum(len(x) for x in lines)

    start, end = _main_run(lines)
    page.paragraphs = [Located(lines[i], "main text", f"line {i + 1}") for i in range(start, end)]
    page.text_links = [link for i in range(start, end) for link in marked[i] if link.href]  # lynx's inline links
    top = _title_line(lines)
    head = _headline_index(lines, start, top)
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


# --------------------------------------------------------------------------------------------------
# Lines


def _split_references(raw: list[str]) -> tuple[list[str], dict[int, str]]:
    """Cut lynx's trailing "References" list off the text; return it as {number: url}."""
    for i in range(len(raw) - 1, -1, -1):
        if raw[i].strip() in ("References", "Visible links", "Visible links:", "Hidden links:"):
            refs = {}
            for r in raw[i + 1:]:
                m = re.match(r"^\s*(\d+)\.\s+(\S+)\s*$", r)
                if m:
                    refs[int(m.group(1))] = m.group(2)
            if refs:
                return raw[:i], refs
    return raw, {}


# A dated list item or a numbered link opens a new line: "2016/08/19 [12]Headline", "[3]Headline".
_ITEM_START = re.compile(r"(?:(?:19|20)\d\d[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2})\s|\[\d+\]")


def _unwrap(raw: list[str]) -> list[str]:
    """Join the lines a text-mode browser wrapped at its screen width back into paragraphs.

    A dump is wrapped when no line is much wider than a terminal and blank lines separate its
    paragraphs; a line then continues the one above when that one ran close to the width and the
    new line is no list item.
    """
    widths = sorted(_columns(r.rstrip()) for r in raw if r.strip())
    width = widths[int(len(widths) * 0.9)] if widths else 0  # a few over-long lines (URLs) don't set it
    blanks = sum(1 for r in raw if not r.strip())
    if not widths or widths[-1] > 130 or width > 100 or blanks < 0.1 * len(widths) or sum(w >= width - 20 for w in widths) < 3:
        return raw
    out: list[str] = []
    previous = ""  # the raw line above, "" after a blank line
    for r in raw:
        stripped = r.strip()
        if not stripped:
            out.append("")
            previous = ""
            continue
        # The browser broke the line above only if this line's first word would not have fit on it.
        # (A few columns of slack: dumps are not always wrapped at exactly one width.)
        wrapped = previous and _columns(previous.rstrip()) + 1 + _columns(stripped.split()[0]) > width - 6
        if wrapped and not _BULLET.match(stripped) and not _NUMBERING.match(stripped) and not _ITEM_START.match(stripped):
            out[-1] = out[-1].rstrip() + " " + stripped
        else:
            out.append(r)
        previous = r
    return out


def _columns(line: str) -> int:
    """Terminal columns a line takes: wide (CJK) characters take two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line)


def _clean(raw: str) -> str:
    """One displayed line: link numbers, image placeholders and list bullets removed."""
    text = _JUNK_MARKER.sub("", _MARKER.sub("", raw))
    return normalize(_BULLET.sub("", normalize(text)))


def _numbered_links(raw: str, refs: dict[int, str]) -> list[Link]:
    """The texts of a dump's numbered links ("[12]Jane Harlow, …" -> "Jane Harlow")."""
    links = []
    marks = list(_MARKER.finditer(raw))
    for k, m in enumerate(marks):
        stop = marks[k + 1].start() if k + 1 < len(marks) else len(raw)
        text = raw[m.end():stop]
        if _BULLET.sub("", raw[:m.start()].strip()):  # inline: the link ends at punctuation
            cut = _INLINE_LINK_END.search(text)
            text = text[:cut.start()] if cut else text
        text = normalize(text).strip(" |>»›/·")
        if text:
            links.append(Link(text, refs.get(int(m.group(1)))))
    return links


def _is_long(line: str) -> bool:
    return len(line) >= 50 if cjk_share(line) > 0.3 else word_count(line) >= 20


def _is_prose(line: str) -> bool:
    """A shorter line that still reads as a sentence of the text (it ends like one)."""
    if not _SENTENCE_END.search(line):
        return False
    return len(line) >= 15 if cjk_share(line) > 0.3 else word_count(line) >= 8


def _is_nav(line: str) -> bool:
    """'Home | Finance | Scams | About Us': three or more items of a few words each."""
    items = [x for x in _NAV_SPLIT.split(line) if x]
    return len(items) >= 3 and all(word_count(x) <= 3 for x in items)


def _strip_date(line: str) -> str:
    return _TRAILING_DATE.sub("", _LEADING_DATE.sub("", line)).strip(" |-·")


# --------------------------------------------------------------------------------------------------
# Where things are


def _main_run(lines: list[str]) -> tuple[int, int]:
    """[start, end) of the longest run of long lines; short subheadings may sit inside it."""
    best, best_chars, i = (0, 0), 0, 0
    while i < len(lines):
        if not _is_long(lines[i]):
            i += 1
            continue
        j = i
        while j < len(lines):
            if _is_long(lines[j]) or _is_prose(lines[j]):
                j += 1
            elif word_count(lines[j]) <= 12 and j + 1 < len(lines) and _is_long(lines[j + 1]):
                j += 1  # a subheading
            else:
                break
        start = i
        while start > 0 and _is_prose(lines[start - 1]) and lines[start - 1][-1] in ".。":
            start -= 1  # a short opening paragraph
        chars = sum(len(x) for x in lines[start:j])
        if chars > best_chars:
            best, best_chars = (start, j), chars
        i = j
    return best


def _title_line(lines: list[str]) -> bool:
    """Whether the first line is a document title such as 'Headline - Site'."""
    if not lines or _is_nav(lines[0]) or breadcrumb_from_text(lines[0]):
        return False
    parts = title_parts(lines[0])
    return 2 <= len(parts) <= 3 and is_headline(max(parts, key=len))


def _is_meta(line: str) -> bool:
    """A byline, date or share line between a headline and its text."""
    chunks = _CHUNKS.split(line)
    return (word_count(line) <= 3 or (word_count(line) <= 15 and parse_date(line) is not None)
            or any(byline_from_text(c) or dated_label(c) for c in chunks))


def _headline_index(lines: list[str], start: int, top: bool) -> int | None:
    """The line above the byline/date lines that open the main text, else the first headline-like line."""
    for i in range(start - 1, max(start - 8, 0) - 1, -1):
        line = lines[i]
        if _is_meta(line):
            continue
        if is_headline(line) and word_count(line) <= 30 and not _is_nav(line) and not breadcrumb_from_text(line):
            return i
        break
    for i in range(1 if top else 0, min(start or len(lines), 40)):  # (no main text: look at the top)
        line = lines[i]
        if 4 <= word_count(line) <= 30 and not (_is_nav(line) or _is_meta(line) or breadcrumb_from_text(line)):
            return i
    return None


# --------------------------------------------------------------------------------------------------
# Fields


def _read_site_names(page: Page, top: bool, before: int) -> None:
    lines = page.lines
    if top:
        parts = title_parts(lines[0])
        suffix = parts[-1] if len(parts[-1]) <= len(parts[0]) else parts[0]
        if len(suffix) <= 60:
            page.site_names.append(Located(suffix, "title suffix", "line 1"))
    chrome = pattern("text_page", "chrome_lines")
    for i in range(1 if top else 0, min(before, 4)):
        line = lines[i]
        if chrome.match(line):
            continue
        if (len(line) <= 60 and word_count(line) <= 8 and not _is_nav(line) and not breadcrumb_from_text(line)
                and parse_date(line) is None):
            page.site_names.append(Located(line, "header", f"line {i + 1}"))
        break
    for i in range(len(lines) - 1, -1, -1):
        holder = copyright_holder(lines[i]) if len(lines[i]) <= 300 else None
        if holder:
            page.site_names.append(Located(holder, "copyright", f"line {i + 1}"))
            break


def _read_breadcrumb(page: Page, before: int) -> None:
    labelled = pattern("page", "breadcrumb_labels")
    for i, line in enumerate(page.lines[:max(before, 1)][:60]):
        items = breadcrumb_from_text(line)
        # Without a label ("Current:"), only arrows make a breadcrumb: "Home | News | Sport" is a menu.
        label = labelled.match(line)
        if label and re.match(r"[A-Za-z]", line[label.end():label.end() + 1]):
            continue  # "Currently trending: …" is no "Current: …"
        if items and (label or (_ARROWS.search(line) and len(items) <= 6)):
            page.breadcrumb, page.breadcrumb_items = Located(line, "visible text", f"line {i + 1}"), items
            leaves = {x.lower() for x in load("text_page")["breadcrumb_leaves"]}
            cats = [x for x in items[1:] if len(x) <= 40 and x not in (page.headline, page.title)
                    and x.lower() not in leaves]
            if cats:
                page.section = Located(cats[-1], "breadcrumb", f"line {i + 1}")
            return


def _read_bylines(page: Page, end: int, meta: range) -> None:
    seen: set[str] = set()

    def add(name: str, source: str, i: int) -> None:
        name = normalize(name).strip(" ,|")
        if name and name.lower() not in seen and len(name) <= 120 and not name.startswith("http"):
            seen.add(name.lower())
            page.bylines.append(Located(name, source, f"line {i + 1}"))

    for i, line in enumerate(page.lines[:end + 3]):
        if word_count(line) > 20:
            continue
        for chunk in _CHUNKS.split(line):
            name = byline_from_text(chunk)
            if name:
                add(name, "visible text", i)
    # "Wealth View | 2024-05-12" under the headline: the words beside the date name who posted it.
    crumbs = {x.lower() for x in page.breadcrumb_items}
    for i in meta:
        chunks = [c.strip() for c in re.split(r"\s[|/·]\s|\s{2,}", page.lines[i])]
        if len(chunks) < 2 or not any(parse_date(c) for c in chunks):
            continue
        for c in chunks:
            if (c and parse_date(c) is None and 1 <= word_count(c) <= 4 and re.search(r"[^\W\d_]", c)
                    and not re.search(r"[:：]", c) and c.lower() not in crumbs and not byline_from_text(c)):
                add(c, "date line", i)


def _read_dates(page: Page, end: int, meta: range) -> None:
    for i, line in enumerate(page.lines[:end]):
        for chunk in _CHUNKS.split(line):
            d = dated_label(chunk) if word_count(chunk) <= 15 else None
            if d:
                page.dates.append(PageDate(d, "visible text", f"line {i + 1}"))
                return
    for i in meta:  # a bare date under the headline
        d = parse_date(page.lines[i]) if word_count(page.lines[i]) <= 15 else None
        if d:
            page.dates.append(PageDate(d, "visible text", f"line {i + 1}"))
            return


def _headline_item(line: str) -> str | None:
    """The headline of a list line ('1. Title (2016-03-12)' -> 'Title'), or None."""
    text = _strip_date(_NUMBERING.sub("", line))
    if (not is_headline(text) or word_count(text) > 25 or _is_nav(text) or byline_from_text(text)
            or copyright_holder(text) or (_is_prose(text) and word_count(text) > 12)):
        return None
    return text


def _read_link_blocks(page: Page, marked: list[list[Link]], start: int, end: int) -> None:
    """A short heading over three or more headline lines, anywhere outside the main text;
    after the main text, three or more headline lines need no heading."""
    lines = page.lines
    block_lines: set[int] = set()

    def items_from(i: int) -> list[tuple[int, str]]:
        out = []
        while i < len(lines) and not start <= i < end:
            title = _headline_item(lines[i])
            if title is None:
                break
            out.append((i, title))
            i += 1
        return out

    i = 0
    while i < len(lines):
        if start <= i < end:
            i = end
            continue
        line = lines[i]
        is_heading = (len(line) <= 40 and word_count(line) <= 6 and parse_date(line) is None
                      and (_headline_item(line) is None or line.endswith((":", "："))))
        heading, items = (line, items_from(i + 1)) if is_heading else (None, [])
        if len(items) < 3:
            heading, items = None, (items_from(i) if i >= end else [])
        if len(items) < 3:
            i += 1
            continue
        links = tuple(_block_link(title, marked[k]) for k, title in items)
        text = " \n".join(lines[k] for k, _ in items)
        page.link_blocks.append(LinkBlock(heading, links, text, f"line {items[0][0] + 1 - (heading is not None)}"))
        block_lines.update(k for k, _ in items)
        i = items[-1][0] + 1
    page.links = [link for k in range(len(lines)) for link in marked[k]]
    page.links += [link for block in page.link_blocks for link in block.links if link.href is None]
    page.link_chars = sum(len(link.text) for link in page.links)


def _block_link(title: str, marked: list[Link]) -> Link:
    """The block item as a Link, with the dump's URL for it when the line was a numbered link."""
    for link in marked:
        if link.href and (link.text == title or title in link.text or link.text in title):
            return Link(title, link.href)
    return Link(title)
