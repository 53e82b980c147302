"""The page as BeautifulSoup sees it, for the report's sanitised copy: the same tree as ``tree.parse``'s (both
are lxml's HTML parser), so ``css_path`` and ``visible_blocks`` here name the elements and lines that the
Page's readers name on lxml's tree (``tree.css_path``, ``tree.visible_blocks``).
"""

from __future__ import annotations

import warnings

from bs4 import (BeautifulSoup, Comment, Doctype, MarkupResemblesLocatorWarning, NavigableString, Tag,
                 XMLParsedAsHTMLWarning)
from bs4.builder import LXMLTreeBuilder

from ...text import normalize
from ..selectors import INLINE
from .paths import CSS_ID



class HTMLBuilder(LXMLTreeBuilder):
    """bs4's lxml HTML builder without the namespace bookkeeping it does for XML on every start tag.

    lxml's HTML parser reports no namespaces, so each tag's attributes can go to bs4 as they come:
    a fifth less build time for the same tree (tests/test_page.py compares it with stock bs4's).
    """

    def start(self, tag: str, attrib: dict, nsmap: dict | None = None) -> None:
        self.soup.handle_starttag(tag, None, None, dict(attrib), namespaces=self.active_namespace_prefixes[-1])


def soup_of(html: str) -> BeautifulSoup:
    """BeautifulSoup on lxml's HTML parser.

    Class and rel stay strings, as lxml gives them (multi_valued_attributes=None: splitting every class
    attribute costs bs4 a seventh of its build time), in plain dicts (bs4's own attribute dict checks
    every value it is given, and lxml's are always strings).
    """
    with warnings.catch_warnings():
        # Some pages are XHTML served as HTML; lxml's HTML builder reads them fine. A page that is only
        # an address or a file name is still a page to read, not a mistaken call.
        warnings.simplefilter("ignore", XMLParsedAsHTMLWarning)
        warnings.simplefilter("ignore", MarkupResemblesLocatorWarning)
        return BeautifulSoup(html, builder=HTMLBuilder(multi_valued_attributes=None, attribute_dict_class=dict))


def css_path(el: Tag) -> str:
    """A CSS selector that names ``el`` (an id where one exists, else nth-of-type steps)."""
    steps = []
    while el is not None and isinstance(el, Tag) and el.name not in ("[document]", "html"):
        if el.get("id") and CSS_ID.fullmatch(str(el.get("id"))):
            steps.append(f"{el.name}#{el['id']}")
            break
        parent = el.parent
        if parent is None:
            steps.append(el.name)
            break
        nth, same = _nth_of_type(el, parent)
        steps.append(el.name if same == 1 else f"{el.name}:nth-of-type({nth})")
        el = parent
    return " > ".join(reversed(steps))


def _nth_of_type(el: Tag, parent: Tag) -> tuple[int, int]:
    """(position of ``el`` among its same-named siblings, how many there are).

    Indexed once per parent and kept on it (rebuilt if its children change): scanning the siblings
    on every call made a page with thousands of <p>s in one <div> quadratic (minutes for 1 MB).
    """
    cached = parent.__dict__.get("_detector_nth")
    if cached is None or cached[0] != len(parent.contents) or id(el) not in cached[1]:
        counts: dict[str, int] = {}
        index: dict[int, int] = {}
        for c in parent.children:
            if isinstance(c, Tag):
                counts[c.name] = index[id(c)] = counts.get(c.name, 0) + 1
        cached = parent.__dict__["_detector_nth"] = (len(parent.contents), index, counts)
    return cached[1][id(el)], cached[2][el.name]


def visible_blocks(body: Tag) -> list[tuple[str, Tag]]:
    """The page's text as a browser lays it out, each line with the block element it came from.

    Inline elements join a line; blocks and <br> break it. So "作者：<small>admin</small>" stays one
    line, as in a select-all copy: labels keep their values, and the HTML and text-dump builders see
    the same lines. The report uses the block elements to highlight a "line N" locator (the Page's
    lines come from ``tree.visible_blocks``, on lxml's tree).
    """
    out: list[tuple[str, Tag]] = []
    current: list[str] = []
    last_block: Tag | None = None

    def flush() -> None:
        text = normalize("".join(current))
        if text and last_block is not None:
            out.append((text, last_block))
        current.clear()

    for node in body.descendants:
        if isinstance(node, Tag):
            if node.name == "br":
                flush()
            continue
        if not isinstance(node, NavigableString) or isinstance(node, (Comment, Doctype)):
            continue  # an inline SVG's <!DOCTYPE> is no text (lxml's tree, which the Page reads, has none)
        block = node.parent
        while block is not None and block.name in INLINE:
            block = block.parent
        if block is not last_block:
            flush()
            last_block = block
        current.append(str(node))
    flush()
    return out
