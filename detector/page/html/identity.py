"""Who the page says it is and where it files the story: site names, the breadcrumb, the section."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from ...lexicons import load, pattern
from ...text import normalize, parse_date
from ..lines import breadcrumb_from_text, breadcrumb_section, last_copyright, title_parts
from ..model import Located
from ..selectors import ARCHIVE_TOOLBAR_ID, BREADCRUMB_TAGS, BREADCRUMB_TYPE, HEADER_HINTS, LOGO_HINT, SITE_TYPES, Hint
from ..urls import is_home_path
from .jsonld import list_item_name, names_of, types_of
from .tree import Element, Tree, ancestors

MAX_SITE_NAME_CHARS = 80  # a meta "site name" longer than this is a sentence
MAX_SUFFIX_CHARS = 60  # a title's site part; longer is the story's own words
MAX_LOGO_CHARS = 60  # a logo's alt text names the site; longer describes a picture
EARLY_TAGS_SHARE = 5  # a logo in the first fifth of the page's tags (or...
MIN_EARLY_TAGS = 40  # ...the first 40) is the site's own
LOGO_PARENTS = 6  # how far up a logo's header may be
LOGO_LINK_PARENTS = 3  # how far up its link home may be
BREADCRUMB_LINKS = (2, 8)  # a breadcrumb element without separators: this many links...
MAX_BREADCRUMB_CHARS = 200  # ...and this much text
BREADCRUMB_TOP_LINES = 80  # a labelled breadcrumb line sits near the top


def read_site_names(tree: Tree, meta: dict[str, list[str]], jsonld: list[dict], title: str,
                    lines: list[str], locate: Callable[[int], str | None]) -> list[Located]:
    """Every name the page gives its site, in a fixed order of sources. ``locate``: where a line is (``Page.locate``)."""
    names = [Located(value.lstrip("@"), f"meta {key}") for key in load("page")["site_name_meta"]
             for value in meta.get(key, [])[:1] if not value.startswith("http") and len(value) <= MAX_SITE_NAME_CHARS]
    for item in jsonld:
        names += _jsonld_site_names(item)
    suffix = _title_suffix(title)
    holder = last_copyright(lines)
    copyright = Located(holder[0], "copyright", locate(holder[1])) if holder else None
    return names + [x for x in (suffix, _site_logo(tree), copyright) if x is not None]


def _jsonld_site_names(item: dict) -> list[Located]:
    """The item's publisher, and its own name when it is a website or an organization."""
    names = [Located(normalize(name), "json-ld publisher") for name in names_of(item.get("publisher"))[:1]]
    kinds = types_of(item)
    kind = next((k for k in SITE_TYPES if k in kinds), None)
    if kind and isinstance(item.get("name"), str):
        names.append(Located(normalize(item["name"]), f"json-ld {kind}"))
    return names


def _title_suffix(title: str) -> Located | None:
    """'Story - Site' -> 'Site' (the shorter of the first and last parts)."""
    parts = title_parts(title)
    if len(parts) < 2:
        return None
    suffix = parts[-1] if len(parts[-1]) <= len(parts[0]) else parts[0]
    return Located(suffix, "title suffix") if len(suffix) <= MAX_SUFFIX_CHARS else None


def _is_home_link(el: Element) -> bool:
    return el.tag == "a" and is_home_path((el.get("href") or "").strip())


def _site_logo(tree: Tree) -> Located | None:
    """The site's own logo: a 'logo' image (or element) in the header or linking home.

    The first 'logo' anywhere is often a partner's or an embed's ("Associated Press" in a video
    player), so a logo counts only in a header, behind a link to the home page, or near the top.
    """
    early = max(MIN_EARLY_TAGS, len(tree.tags) // EARLY_TAGS_SHARE)
    for i, (el, attrs) in enumerate(zip(tree.tags, tree.tag_attrs())):
        # Only an element with "logo" in its class or id, or an image (whose address may say it), can be one:
        # the test here spares the rest of the page's elements a call each.
        text = ("logo" in attrs or el.tag == "img") and _logo_text(tree, el, attrs)
        if text and (i < early or _is_site_logo(tree, el)):
            return Located(text, "logo", tree.path(el))
    return None


def _logo_text(tree: Tree, el: Element, attrs: str) -> str | None:
    """The name a 'logo' element shows (an image's alt text), or None when it is no logo.
    ``attrs``: its ``Tree.attrs``."""
    is_img = el.tag == "img"
    hint = attrs + (" " + (el.get("src") or "").lower() if is_img else "")
    if "logo" not in hint or not LOGO_HINT.search(hint):
        return None
    text = normalize(el.get("alt") or "") if is_img else tree.text(el)
    if not text or len(text) > MAX_LOGO_CHARS or (not is_img and len(text) < 2) or _no_name(text):
        return None
    if any((p.get("id") or "").startswith(ARCHIVE_TOOLBAR_ID) for p in ancestors(el, LOGO_PARENTS)):
        return None
    return text


_FILE_NAME = re.compile(r"(?i)[\w-]\.(?:svg|png|jpe?g|gif|webp)$")


def _no_name(text: str) -> bool:
    """A logo's text that names no site: a file name ('full-black.svg'), a date, or the page's chrome
    ('Search', 'Log out', 'Go Back to the HomePage') that a logo-classed button or link shows."""
    return bool(_FILE_NAME.search(text) or pattern("text_page", "chrome_lines").match(text)
                or pattern("page", "home_link_texts").fullmatch(text.strip(" .»›")) or parse_date(text))


def _is_site_logo(tree: Tree, el: Element) -> bool:
    """In a header, or behind a link to the home page."""
    parents = ancestors(el, LOGO_PARENTS)
    in_header = any(p.tag == "header" or any(h in tree.attrs(p) for h in HEADER_HINTS) for p in parents)
    return in_header or _is_home_link(el) or any(_is_home_link(p) for p in parents[:LOGO_LINK_PARENTS])


def read_breadcrumb(tree: Tree, jsonld: list[dict], lines: list[str],
                    locate: Callable[[int], str | None]) -> tuple[Located, list[str]] | None:
    """The breadcrumb and its items: from JSON-LD, a breadcrumb element, or a labelled visible line."""
    return _jsonld_breadcrumb(jsonld) or _element_breadcrumb(tree) or _line_breadcrumb(lines, locate)


def _jsonld_breadcrumb(jsonld: list[dict]) -> tuple[Located, list[str]] | None:
    for item in jsonld:
        if BREADCRUMB_TYPE in types_of(item) and isinstance(item.get("itemListElement"), list):
            names = (list_item_name(el) for el in item["itemListElement"])
            items = [normalize(name) for name in names if isinstance(name, str)]
            if items:
                return Located(" > ".join(items), "json-ld breadcrumb"), items
    return None


@lru_cache(maxsize=1)
def _breadcrumb_classes() -> Hint:
    words = load("page")["breadcrumb_classes"]
    return Hint(r"(?i)(?:^|[\s_-])(?:" + "|".join(words) + r")(?:$|[\s_-])", words)


def _element_breadcrumb(tree: Tree) -> tuple[Located, list[str]] | None:
    classes = _breadcrumb_classes()
    candidates = [el for el in tree.tags if "breadcrumb" in (el.get("aria-label") or "").lower()]
    candidates += [el for el in tree.hinted(classes) if el.tag in BREADCRUMB_TAGS]
    for el in candidates:
        text = tree.text(el)
        items = breadcrumb_from_text(text)
        if items is None:
            items = _linked_items(tree, el, text)
        if items:
            return Located(text, "breadcrumb element", tree.path(el)), items
    return None


def _linked_items(tree: Tree, el: Element, text: str) -> list[str] | None:
    """A breadcrumb element without separators: its links' texts, when it is a short row of a few."""
    anchors = [tree.text(a) for a in tree.descendants(el) if a.tag == "a"]
    fewest, most = BREADCRUMB_LINKS
    if fewest <= len(anchors) <= most and len(text) <= MAX_BREADCRUMB_CHARS:
        return [x for x in anchors if x]
    return None


def _line_breadcrumb(lines: list[str], locate: Callable[[int], str | None]) -> tuple[Located, list[str]] | None:
    labelled = pattern("page", "breadcrumb_labels", whole_words=True)
    for i, line in enumerate(lines[:BREADCRUMB_TOP_LINES]):
        items = labelled.match(line) and breadcrumb_from_text(line)  # the label first: most lines have none
        if items:
            return Located(line, "visible text", locate(i)), items
    return None


def read_section(meta: dict[str, list[str]], breadcrumb: Located | None, items: list[str],
                 headline: str, title: str) -> Located | None:
    """The category the page files the story under: a section meta tag, else the breadcrumb's last category."""
    for key in load("page")["section_meta"]:
        if meta.get(key):
            return Located(meta[key][0], f"meta {key}")
    section = breadcrumb_section(items, headline, title)
    return Located(section, "breadcrumb", breadcrumb.locator if breadcrumb else None) if section else None
