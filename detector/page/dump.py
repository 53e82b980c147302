"""The lines of a text dump: references cut off, wrapped lines joined, markers cleaned, and what each
line looks like (long, prose, a menu, a byline or date line), to find the main text and the headline.

Input is what a user can copy out of a browser ("select all, copy") or a text-mode browser dump
(``lynx -dump``, ``w3m -dump``: "* " bullets, "[12]" link numbers, lines wrapped at ~80 columns, and
in lynx a "References" list of the numbered URLs at the end).
"""

from __future__ import annotations

import re
import unicodedata

from ..text import YEAR, cjk_share, is_headline, parse_date, normalize, word_count
from .lines import DUMP_CHUNK, breadcrumb_from_text, byline_from_text, dated_label, title_parts
from .model import Link

_MARKER = re.compile(r"\[(\d+)\]")  # lynx/w3m link numbers
_JUNK_MARKER = re.compile(r"\[(?:IMG|INLINE|LINK|BUTTON|_+)\]", re.I)
_BULLET = re.compile(r"^(?:[*+•·▪►o-](?=\s)|[•·▪►])\s*")
NUMBERING = re.compile(r"^\d{1,2}[.)、]\s*")  # "1. ", "2) ", "3、"
_INLINE_LINK_END = re.compile(r"\s[|>»›/·]\s|[,.;:!?)](?:\s|$)")
_NAV_SPLIT = re.compile(r"\s*[|·•]\s*|\s{2,}|\t")
_SENTENCE_END = re.compile(r"[.。!！?？\"”’'」]$")
# A dated list item or a numbered link opens a new line: "2016/08/19 [12]Headline", "[3]Headline".
_ITEM_START = re.compile(rf"(?:{YEAR}[-/.]\d{{1,2}}[-/.]\d{{1,2}}|\d{{1,2}}[-/.]\d{{1,2}})\s|\[\d+\]")

CJK_TEXT_SHARE = 0.3  # a line with this share of CJK characters is measured in characters, not words
LONG_WORDS = 20  # a paragraph of the main text has this many words...
LONG_CJK_CHARS = 50  # ...or CJK characters
PROSE_WORDS = 8  # a shorter line ending like a sentence is still text: this many words...
PROSE_CJK_CHARS = 15  # ...or CJK characters
MIN_NAV_ITEMS = 3  # "Home | News | Sport": a menu has three items or more...
MAX_NAV_ITEM_WORDS = 3  # ...of a few words each
MAX_META_WORDS = 3  # a line this short under a headline is a byline or share line
MAX_SUBHEADING_WORDS = 12  # a short line between paragraphs is a subheading of the text
MAX_DATE_LINE_WORDS = 15  # a dated line this short is a date line, not a sentence with a date
MAX_META_LINES = 8  # byline/date/share lines between a headline and its text
MIN_HEADLINE_WORDS = 4  # a headline found at the top: "Home", "Menu" are not
MAX_HEADLINE_WORDS = 30  # longer is a paragraph
HEADLINE_TOP_LINES = 40  # without main text, the headline is among the first lines


def split_references(raw: list[str]) -> tuple[list[str], dict[int, str]]:
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


WRAP_WIDTH_SHARE = 0.9  # the wrap width is the 90th percentile of line widths: a few long URLs don't set it
MAX_WRAPPED_COLUMNS = 130  # a dump with a wider line was not wrapped at a terminal's width
MAX_WRAP_WIDTH = 100  # terminals wrap at 80 columns or so
MIN_BLANK_SHARE = 0.1  # a wrapped dump separates its paragraphs with blank lines
NEAR_WIDTH = 20  # a line this close to the width may have been wrapped...
MIN_NEAR_WIDTH_LINES = 3  # ...and a wrapped dump has a few of them
WRAP_SLACK = 6  # dumps are not always wrapped at exactly one width


def unwrap(raw: list[str]) -> list[str]:
    """Join the lines a text-mode browser wrapped at its screen width back into paragraphs.

    A dump is wrapped when no line is much wider than a terminal and blank lines separate its
    paragraphs; a line then continues the one above when that one ran close to the width and the
    new line is no list item.
    """
    width = _wrap_width(raw)
    if width is None:
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
        wrapped = previous and columns(previous.rstrip()) + 1 + columns(stripped.split()[0]) > width - WRAP_SLACK
        if wrapped and not _opens_item(stripped):
            out[-1] = out[-1].rstrip() + " " + stripped
        else:
            out.append(r)
        previous = r
    return out


def _wrap_width(raw: list[str]) -> int | None:
    """The screen width the dump was wrapped at, or None when it does not look wrapped."""
    widths = sorted(columns(r.rstrip()) for r in raw if r.strip())
    if not widths:
        return None
    width = widths[int(len(widths) * WRAP_WIDTH_SHARE)]
    blanks = sum(1 for r in raw if not r.strip())
    if (widths[-1] > MAX_WRAPPED_COLUMNS or width > MAX_WRAP_WIDTH or blanks < MIN_BLANK_SHARE * len(widths)
            or sum(w >= width - NEAR_WIDTH for w in widths) < MIN_NEAR_WIDTH_LINES):
        return None
    return width


def _opens_item(line: str) -> bool:
    """A bullet, a number or a date opens a list item: a line of its own, never a continuation."""
    return bool(_BULLET.match(line) or NUMBERING.match(line) or _ITEM_START.match(line))


def columns(line: str) -> int:
    """Terminal columns a line takes: wide (CJK) characters take two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line)


def clean(raw: str) -> str:
    """One displayed line: link numbers, image placeholders and list bullets removed."""
    text = _JUNK_MARKER.sub("", _MARKER.sub("", raw))
    return normalize(_BULLET.sub("", normalize(text)))


def numbered_links(raw: str, refs: dict[int, str]) -> list[Link]:
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


def is_long(line: str) -> bool:
    """A line of the main text: a paragraph, not a label, a menu or a headline."""
    return len(line) >= LONG_CJK_CHARS if cjk_share(line) > CJK_TEXT_SHARE else word_count(line) >= LONG_WORDS


def is_prose(line: str) -> bool:
    """A shorter line that still reads as a sentence of the text (it ends like one)."""
    if not _SENTENCE_END.search(line):
        return False
    return len(line) >= PROSE_CJK_CHARS if cjk_share(line) > CJK_TEXT_SHARE else word_count(line) >= PROSE_WORDS


def is_nav(line: str) -> bool:
    """'Home | Finance | Scams | About Us': three or more items of a few words each."""
    items = [x for x in _NAV_SPLIT.split(line) if x]
    return len(items) >= MIN_NAV_ITEMS and all(word_count(x) <= MAX_NAV_ITEM_WORDS for x in items)


def main_run(lines: list[str]) -> tuple[int, int]:
    """[start, end) of the longest run of long lines; short subheadings may sit inside it."""
    best, best_chars, i = (0, 0), 0, 0
    while i < len(lines):
        if not is_long(lines[i]):
            i += 1
            continue
        j = i
        while j < len(lines):
            if is_long(lines[j]) or is_prose(lines[j]):
                j += 1
            elif word_count(lines[j]) <= MAX_SUBHEADING_WORDS and j + 1 < len(lines) and is_long(lines[j + 1]):
                j += 1  # a subheading
            else:
                break
        start = i
        while start > 0 and is_prose(lines[start - 1]) and lines[start - 1][-1] in ".。":
            start -= 1  # a short opening paragraph
        chars = sum(len(x) for x in lines[start:j])
        if chars > best_chars:
            best, best_chars = (start, j), chars
        i = j
    return best


def title_line(lines: list[str]) -> bool:
    """Whether the first line is a document title such as 'Headline - Site'."""
    if not lines or is_nav(lines[0]) or breadcrumb_from_text(lines[0]):
        return False
    parts = title_parts(lines[0])
    return 2 <= len(parts) <= 3 and is_headline(max(parts, key=len))


def is_meta(line: str) -> bool:
    """A byline, date or share line between a headline and its text."""
    chunks = DUMP_CHUNK.split(line)
    words = word_count(line)
    return (words <= MAX_META_WORDS or (words <= MAX_DATE_LINE_WORDS and parse_date(line) is not None)
            or any(byline_from_text(c) or dated_label(c) for c in chunks))


def headline_index(lines: list[str], start: int, top: bool) -> int | None:
    """The line above the byline/date lines that open the main text, else the first headline-like line."""
    for i in range(start - 1, max(start - MAX_META_LINES, 0) - 1, -1):
        line = lines[i]
        if is_meta(line):
            continue
        if (is_headline(line) and word_count(line) <= MAX_HEADLINE_WORDS and not is_nav(line)
                and not breadcrumb_from_text(line)):
            return i
        break
    for i in range(1 if top else 0, min(start or len(lines), HEADLINE_TOP_LINES)):  # (no main text: look at the top)
        line = lines[i]
        if (MIN_HEADLINE_WORDS <= word_count(line) <= MAX_HEADLINE_WORDS
                and not (is_nav(line) or is_meta(line) or breadcrumb_from_text(line))):
            return i
    return None
