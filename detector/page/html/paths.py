"""CSS paths that name an element of the page, for the signals' locators and the report's highlights."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable

from lxml import etree

Element = etree._Element

CSS_ID = re.compile(r"[A-Za-z][\w-]*")  # an id (or class) that a CSS selector can name as written
_IDS = etree.XPath("//*/@id", smart_strings=False)  # the same as "//@id" (only elements have attributes), a third faster
KEPT_STEPS = 64  # a climb keeps the paths it passes when it makes this many steps at most...
KEPT_CHARS = 2000  # ...from a path this long at most: far beyond a page's usual depth


class Paths:
    """CSS selectors that name elements, as a browser's "copy selector" does: a step is the tag with its id
    (where the page has that id once: the path starts there) or its first class, and ``:nth-of-type`` where
    its siblings would match the step too. A class makes a path readable and keeps it when a page adds a
    block above; ``:nth-of-type`` keeps it exact.

    Each parent's children are indexed once: scanning the siblings on every call made a page with
    thousands of <p>s in one <div> quadratic (minutes for 1 MB). The index holds the parent and its
    children, so the ``id()`` it is keyed by stays theirs when nothing else holds them (``LineLocator``).
    """

    def __init__(self, root: Element | None) -> None:
        """``root``: the document's root element. Its ids are counted at once, while the parse has just left the
        document in the memory cache: counted at the first path, after the readers before it, they took twice as long
        (0.27 against 0.13 ms a page, median, on a loaded machine)."""
        self._nth: dict[int, tuple[Element, list[Element], dict[int, int], dict[str, int]]] = {}
        self._classed: dict[tuple[int, str, str], int] = {}  # (parent, tag, class) -> children that match
        self._ids = Counter(_IDS(root.getroottree())) if root is not None else Counter()  # how often each id occurs
        self._parents: dict[int, tuple[Element, str]] = {}  # id -> (a parent, its path)

    def of(self, el: Element) -> str:
        """``el``'s path. Its parent's is kept: the main text's paragraphs and a block's items share theirs."""
        first = self._first_step(el)
        if first is not None:
            return first or "html"
        parent = el.getparent()
        above = self._climb(parent)
        step = self._step(el, parent)
        return f"{above} > {step}" if above else step

    def _climb(self, el: Element) -> str:
        """``el``'s path, "" for the <html> element: steps up to where a path starts or to an ancestor whose path is
        kept. The paths on the way are kept too when they are short (the link blocks' parents share most of their
        ancestors); past ``KEPT_STEPS`` or ``KEPT_CHARS``, one path is joined and kept, as each kept path would be
        as long as its depth (a page nested 100,000 deep would keep gigabytes)."""
        asked = el
        chain: list[Element] = []
        steps: list[str] = []
        while (made := self._parents.get(id(el))) is None and (first := self._first_step(el)) is None:
            parent = el.getparent()
            chain.append(el)
            steps.append(self._step(el, parent))  # from the bottom up, as the index of children lets them go
            el = parent
        path = made[1] if made is not None else first
        # Top first, so that the list lets go of the deepest element first. lxml frees an element whose parent is
        # held at once, but climbs to a held ancestor for each other: letting go of a deep chain from the top costs
        # the square of its depth (minutes for a page nested 100,000 deep).
        chain.reverse()
        steps.reverse()
        if len(steps) > KEPT_STEPS or len(path) > KEPT_CHARS:
            return self._keep(asked, " > ".join([path, *steps] if path else steps))
        for child, step in zip(chain, steps):
            path = self._keep(child, f"{path} > {step}" if path else step)
        return path

    def _keep(self, el: Element, path: str) -> str:
        """``el``'s path, kept with ``el`` itself, so that the ``id`` it is keyed by stays ``el``'s."""
        self._parents[id(el)] = (el, path)
        return path

    def _first_step(self, el: Element) -> str | None:
        """The path when it starts at ``el``: "" at <html>, the tag and id where the id is the page's only one,
        the tag at the top; None elsewhere."""
        if el.tag == "html":
            return ""
        el_id = el.get("id")
        if el_id and CSS_ID.fullmatch(el_id) and self._ids[el_id] == 1:  # farm templates repeat theirs (two id="box")
            return f"{el.tag}#{el_id}"
        return el.tag if el.getparent() is None else None

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
    return classes[0] if classes and CSS_ID.fullmatch(classes[0]) else None


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
