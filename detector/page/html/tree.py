"""The one parse (lxml's HTML parser) and the one walk over it that every reader shares.

The readers see the tree that BeautifulSoup built for them before (``soup.py`` still builds it, for the
report): the same elements, the same strings with the same breaks between them, the hidden elements
(``DROP``) and comments left out. The tree itself is never changed: the walk skips what bs4 removed.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from functools import lru_cache
from itertools import islice

from lxml import etree

from ...text import normalize
from ..selectors import DROP, INLINE

Element = etree._Element

_CSS_ID = re.compile(r"[A-Za-z][\w-]*")
_IDS = etree.XPath("//@id", smart_strings=False)
_TEXT_NODES = etree.XPath("text()", smart_strings=False)  # an element's text and its children's tails, in order
_ASCII_SPACES = " \n\t\x0c\r"
_PRESERVE = frozenset({"pre", "textarea"})  # whose white space bs4 keeps as it is
_RUBY = frozenset({"rt", "rp"})  # whose strings bs4 keeps out of the text of the elements around them
TREE_DEPTH_CAP = 2047  # libxml2 stops building its tree this deep below the root (huge_tree); bs4's SAX-fed tree had no cap


def parse(html: str) -> Element | None:
    """The document's root element, or None when there is no element at all (only white space or comments).

    lxml's push parser gets the whole page in one piece, as bs4 gave it (in pieces, libxml2 stops early
    on some pages); a page it rejects as text goes again as UTF-8 bytes, as bs4 retried it.
    """
    html = html[1:] if html.startswith("\ufeff") else html
    try:
        root = _feed(html, None)
    except (UnicodeDecodeError, LookupError, etree.ParserError):
        root = _feed(html.encode("utf-8", "surrogatepass"), "utf-8")
    if root is not None and _depth_capped(root):
        # A page nested thousands deep: built from the parser's events, as bs4 built it (lxml's TreeBuilder
        # keeps one root, so such a page's content after </html> is nested into it, not beside it).
        root = _feed(html, None, etree.TreeBuilder())
    return root


def _feed(markup: str | bytes, encoding: str | None, target: etree.TreeBuilder | None = None) -> Element | None:
    parser = etree.HTMLParser(recover=True, encoding=encoding, huge_tree=True, target=target)
    parser.feed(markup)
    return parser.close()


def _depth_capped(root: Element) -> bool:
    """Whether libxml2 stopped at its depth cap: its last element (last child of last child...) sits there."""
    el, depth = root, 0
    while depth < TREE_DEPTH_CAP:
        el = next(el.iterchildren(etree.Element, reversed=True), None)
        if el is None:
            return False
        depth += 1
    return True


def top_level(root: Element | None) -> list[Element]:
    """The document's elements: the root, and any that a broken page puts after it ("</html> <body>...")."""
    if root is None:
        return []
    out = [root]
    while out[-1].getnext() is not None:
        out.append(out[-1].getnext())
    return [el for el in out if isinstance(el.tag, str)]


def elements(root: Element | None) -> list[Element]:
    """Every element in document order, the head and scripts included.

    Holding them keeps lxml's Python proxies alive, so that ``id(el)`` names one element while the page is read.
    """
    return [el for top in top_level(root) for el in top.iter(etree.Element)]


def _string(text: str, preserve: bool) -> str:
    """A string as bs4 keeps it: one of only ASCII white space becomes a newline or a space (not in <pre>)."""
    if preserve or text.strip(_ASCII_SPACES):
        return text
    return "\n" if "\n" in text else " "


class Tree:
    """The body's elements in document order, and its strings, each element's text read once.

    ``flow`` holds the visible strings in order as (text, parent element, ruby tag or None), and each <br>
    as (None, br, None); ``tags`` the elements inside the body (the whole document's when it has none).
    """

    def __init__(self, root: Element | None) -> None:
        self.flow: list[tuple[str | None, Element, str | None]] = []  # the whole document's; ``body_flow`` the body's
        self._spans: dict[int, tuple[int, int, int, int]] = {}  # id -> tags and flow index ranges, past the element
        self._preserved: set[int] = set()  # ids of the elements inside a <pre> or <textarea>
        self._all: list[Element] = []
        self._texts: dict[int, str] = {}
        self.path = Paths().of  # the CSS path of an element of this page, head elements included
        for top in top_level(root):
            self._walk(top)
        body = next((el for el in self._all if el.tag == "body"), None)
        span = self._spans[id(body)] if body is not None else (-1, len(self._all), 0, len(self.flow))
        self.tags: list[Element] = self._all[span[0] + 1:span[1]]
        self.body_flow = self.flow[span[2]:span[3]]

    def _walk(self, top: Element) -> None:
        """Depth first with a stack of child iterators (lxml's own walkers slow down with depth).

        A frame: (element, its children still to see, its place in ``_all`` and in ``flow``, the ruby tag
        its strings belong to, whether its white space is kept); the first frame only holds ``top``.
        """
        everything, flow, spans = self._all, self.flow, self._spans
        stack: list[tuple] = [(None, iter((top,)), 0, 0, None, False)]
        while stack:
            el, children, _, _, kind, preserve = stack[-1]
            for child in children:
                tag = child.tag
                if isinstance(tag, str) and tag not in DROP:
                    break
                if child.tail:  # a comment or a hidden element: its tail is still text of ``el``
                    flow.append((_string(child.tail, preserve), el, kind))
            else:
                _, _, first, flow_first, _, _ = stack.pop()
                if el is not None:
                    spans[id(el)] = (first, len(everything), flow_first, len(flow))
                    parent, _, _, _, kind, preserve = stack[-1]
                    if el.tail and parent is not None:
                        flow.append((_string(el.tail, preserve), parent, kind))
                continue
            kind = tag if tag in _RUBY else kind
            preserve = preserve or tag in _PRESERVE
            if preserve:
                self._preserved.add(id(child))
            stack.append((child, iter(child), len(everything), len(flow), kind, preserve))
            everything.append(child)
            if tag == "br":
                flow.append((None, child, None))
            if child.text:
                flow.append((_string(child.text, preserve), child, kind))

    def of(self, *names: str) -> list[Element]:
        return [el for el in self.tags if el.tag in names]

    def extent(self, el: Element) -> tuple[int, int]:
        """Where ``el`` and its descendants sit in the walk: [first, end)."""
        first, end, _, _ = self._spans[id(el)]
        return first, end

    def descendants(self, el: Element) -> list[Element]:
        first, end = self.extent(el)
        return self._all[first + 1:end]

    def children(self, el: Element) -> list[Element]:
        """The child elements that bs4 kept (no comments, no hidden elements)."""
        return [c for c in el if isinstance(c.tag, str) and c.tag not in DROP]

    def own_strings(self, el: Element) -> list[str]:
        """The strings directly inside ``el``, between its child elements (hidden ones and comments included)."""
        preserve = id(el) in self._preserved
        return [_string(text, preserve) for text in _TEXT_NODES(el)]

    def strings(self, el: Element) -> list[str]:
        """The strings of ``el``'s text: ruby annotations only for the annotation itself, as bs4 reads them."""
        _, _, first, end = self._spans[id(el)]
        want = el.tag if el.tag in _RUBY else None
        return [text for text, _, kind in self.flow[first:end] if text is not None and kind == want]

    def text(self, el: Element) -> str:
        """The element's visible text: links, link blocks, the main text and the bylines ask for the same ones."""
        text = self._texts.get(id(el))
        if text is None:
            text = self._texts[id(el)] = normalize(" ".join(s for s in (x.strip() for x in self.strings(el)) if s))
        return text


def previous_element(el: Element) -> Element | None:
    """The preceding sibling element that bs4 kept (comments and hidden elements are skipped)."""
    sib = el.getprevious()
    while sib is not None and (not isinstance(sib.tag, str) or sib.tag in DROP):
        sib = sib.getprevious()
    return sib


def ancestors(el: Element, n: int) -> list[Element]:
    """The first ``n`` ancestors of ``el``, nearest first."""
    return list(islice(el.iterancestors(), n))


def head_text(el: Element) -> str:
    """An element's text, normalised, for elements of the head (read before the walk, e.g. <title>)."""
    return normalize(" ".join(s for s in (x.strip() for x in el.itertext()) if s))


class Paths:
    """CSS selectors that name elements, as a browser's "copy selector" does: a step is the tag with its id
    (where the page has that id once: the path starts there) or its first class, and ``:nth-of-type`` where
    its siblings would match the step too. A class makes a path readable and keeps it when a page adds a
    block above; ``:nth-of-type`` keeps it exact.

    Each parent's children are indexed once: scanning the siblings on every call made a page with
    thousands of <p>s in one <div> quadratic (minutes for 1 MB). The index holds the parent and its
    children, so the ``id()`` it is keyed by stays theirs when nothing else holds them (``LineLocator``).
    """

    def __init__(self) -> None:
        self._nth: dict[int, tuple[Element, list[Element], dict[int, int], dict[str, int]]] = {}
        self._classed: dict[tuple[int, str, str], int] = {}  # (parent, tag, class) -> children that match
        self._ids: Counter[str] | None = None  # how often each id occurs on the page

    def of(self, el: Element) -> str:
        steps = []
        while el is not None and el.tag != "html":
            el_id = el.get("id")
            if el_id and _CSS_ID.fullmatch(el_id) and self._unique(el, el_id):
                steps.append(f"{el.tag}#{el_id}")
                break
            parent = el.getparent()
            if parent is None:
                steps.append(el.tag)
                break
            steps.append(self._step(el, parent))
            el = parent
        return " > ".join(reversed(steps)) or "html"

    def _unique(self, el: Element, el_id: str) -> bool:
        """Whether the page has ``el_id`` once: farm templates repeat theirs (two id="box" lists)."""
        if self._ids is None:  # counted once a page, at the first id a path meets
            self._ids = Counter(_IDS(el.getroottree()))
        return self._ids[el_id] == 1

    def _step(self, el: Element, parent: Element) -> str:
        """``el``'s tag, with its first class, and its place among the siblings that the rest would match too."""
        cached = self._nth.get(id(parent))
        if cached is None:
            children = [c for c in parent if isinstance(c.tag, str)]
            counts: dict[str, int] = {}
            index: dict[int, int] = {}
            for c in children:
                counts[c.tag] = index[id(c)] = counts.get(c.tag, 0) + 1
            cached = self._nth[id(parent)] = (parent, children, index, counts)
        _, children, index, counts = cached
        cls = _first_class(el)
        same = counts[el.tag]
        if cls and same > 1:
            key = (id(parent), el.tag, cls)
            if key not in self._classed:
                self._classed[key] = sum(c.tag == el.tag and cls in (c.get("class") or "").split() for c in children)
            same = self._classed[key]
        name = f"{el.tag}.{cls}" if cls else el.tag
        return name if same == 1 else f"{name}:nth-of-type({index[id(el)]})"


def _first_class(el: Element) -> str | None:
    """The class a step names; none for <body>, which is one a page and whose classes say the page's state
    ("single postid-18842 logged-in")."""
    classes = (el.get("class") or "").split() if el.tag != "body" else []
    return classes[0] if classes and _CSS_ID.fullmatch(classes[0]) else None


class LineLocator:
    """Where visible lines are in the HTML: the CSS path of the element that holds lines ``first``..``last``
    (their blocks' nearest common ancestor), for evidence read from lines (a vote box's "顶一下", "(5)").

    A browser shows no line numbers, so "line N" of the Page's lines would point nowhere a user can see.
    Paths are made only for the lines that evidence names; until then the block elements, and so the
    parsed document, stay alive with the Page (``Page.forget_tree`` lets them go).
    """

    def __init__(self, blocks: list[tuple[str, Element]], path: Callable[[Element], str]) -> None:
        self._blocks = [el for _, el in blocks]
        self._path = path  # the readers' (``Tree.path``): its index of the page is made once

    def __call__(self, first: int, last: int) -> str:
        el = self._blocks[first]
        for other in self._blocks[first + 1:last + 1]:
            el = _common_ancestor(el, other)
        return self._path(el)


def _common_ancestor(a: Element, b: Element) -> Element:
    chain = [a, *a.iterancestors()]  # held, so that each id stays its element's
    ids = {id(x) for x in chain}
    return next((x for x in (b, *b.iterancestors()) if id(x) in ids), chain[-1])


def rel_of(el: Element) -> set[str]:
    """The element's rel values, lower-cased."""
    return {r.lower() for r in (el.get("rel") or "").split()}


def attrs_text(el: Element) -> str:
    """The element's classes and id as one lower-cased string, for class hints."""
    cls, el_id = el.get("class"), el.get("id") or ""
    return f"{cls} {el_id}".lower() if cls else el_id.lower()


@lru_cache(maxsize=16384)
def hinted(hint: re.Pattern[str], text: str) -> bool:
    """Whether a class hint is in an element's ``attrs_text``; cached, as pages repeat their class names."""
    return hint.search(text) is not None


def visible_blocks(tree: Tree) -> list[tuple[str, Element]]:
    """The page's text as a browser lays it out, each line with the block element it came from.

    Inline elements join a line; blocks and <br> break it. So "作者：<small>admin</small>" stays one
    line, as in a select-all copy: labels keep their values, and the HTML and text-dump builders see
    the same lines. The report finds the same lines with ``soup.visible_blocks``.
    """
    out: list[tuple[str, Element]] = []
    current: list[str] = []
    last_block: Element | None = None
    blocks: dict[int, Element | None] = {}

    def flush() -> None:
        text = normalize("".join(current))
        if text and last_block is not None:
            out.append((text, last_block))
        current.clear()

    for text, parent, _ in tree.body_flow:
        if text is None:
            flush()
            continue
        block = blocks.get(id(parent), parent)
        if block is parent:
            while block is not None and block.tag in INLINE:
                block = block.getparent()
            blocks[id(parent)] = block
        if block is not last_block:
            flush()
            last_block = block
        current.append(text)
    flush()
    return out
