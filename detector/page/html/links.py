"""Links: every link with text, and the blocks of headline links (related, ranking, most read)."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from itertools import accumulate

from ...text import is_headline, word_count
from ..model import Link, LinkBlock
from ..selectors import HEADING_TAGS
from ..urls import absolute
from .tree import Element, Tree, previous_element

MIN_BLOCK_ITEMS = 3  # two related links can be a "previous / next" pair; three make a list
MAX_HEADING_CHARS = 40  # a block's label ("Related", "相关文章") is short...
MAX_HEADING_WORDS = 6  # ...and a few words at most
HEADING_LEVELS_UP = 3  # how far up from the block its label may sit as a preceding sibling
HEADING_SIBLINGS_BACK = 2  # how many empty preceding siblings may stand between label and block


class LinkChars:
    """How much link text an element holds: the anchors' places in the walk and a running sum of their
    text, so that no link walks up through its ancestors."""

    def __init__(self, tree: Tree, anchors: list[tuple[Element, str]]) -> None:
        self._tree = tree
        self._places = [tree.extent(a)[0] for a, _ in anchors]  # in document order, so sorted
        self._before = list(accumulate((len(text) for _, text in anchors), initial=0))

    def __call__(self, el: Element) -> int:
        first, end = self._tree.extent(el)
        return self._before[bisect_left(self._places, end)] - self._before[bisect_left(self._places, first)]


@dataclass
class Links:
    links: list[Link] = field(default_factory=list)
    anchors: list[tuple[Element, str]] = field(default_factory=list)  # each <a> with text, and its text


def read_links(tree: Tree, base: str | None) -> tuple[Links, LinkChars]:
    """Every link with text, and the link text inside each element."""
    out = Links()
    for a in tree.of("a"):
        text = tree.text(a)
        if not text:
            continue
        href = a.get("href")
        out.links.append(Link(text, absolute(base, href) if href else None))
        out.anchors.append((a, text))
    return out, LinkChars(tree, out.anchors)


def read_link_blocks(tree: Tree, anchors: list[tuple[Element, str]]) -> tuple[list[LinkBlock], BlockItems]:
    """The blocks, and their items (which the main text leaves out).

    An item is the largest ancestor of a headline link that holds no other headline link (an <li>,
    a table row, a teaser <div>); items that share a parent form a block when there are three or more.
    """
    headline_anchors = [(a, t) for a, t in anchors if is_headline(t)]
    places = [tree.extent(a)[0] for a, _ in headline_anchors]  # in document order, so sorted

    def holds_one(el: Element) -> bool:
        """Whether one headline link sits below ``el``: its places in the walk, not a count up every link's ancestors."""
        first, end = tree.extent(el)
        return bisect_left(places, end) - bisect_right(places, first) == 1

    groups: dict[int, tuple[Element, list[tuple[Element, Element, str]]]] = {}
    for a, text in headline_anchors:
        item, parent = a, a.getparent()
        while parent is not None and holds_one(parent):
            item, parent = parent, parent.getparent()
        if parent is not None:
            groups.setdefault(id(parent), (parent, []))[1].append((item, a, text))
    blocks: list[LinkBlock] = []
    block_items: list[Element] = []
    for parent, items in groups.values():
        if len(items) < MIN_BLOCK_ITEMS:
            continue
        heading = _block_heading(tree, parent, {id(i) for i, _, _ in items})
        links = tuple(Link(t, a.get("href")) for _, a, t in items)
        block_text = " \n".join(tree.text(i) for i, _, _ in items)
        blocks.append(LinkBlock(heading, links, block_text, tree.path(parent)))
        block_items += [i for i, _, _ in items]
    return blocks, BlockItems(tree, block_items)


class BlockItems:
    """The link blocks' items, which are no main text: their ids, and where they sit in the walk, so that
    whether an element lies inside one is two look-ups, not a test of each of its ancestors."""

    def __init__(self, tree: Tree, items: list[Element]) -> None:
        self.ids = {id(i) for i in items}
        self._tree = tree
        spans = sorted(tree.extent(i) for i in items)
        self._firsts = [first for first, _ in spans]
        self._reach = list(accumulate((end for _, end in spans), max))  # the farthest end of the items so far

    def around(self, el: Element) -> bool:
        """Whether ``el`` is an item or lies inside one."""
        first, _ = self._tree.extent(el)
        k = bisect_right(self._firsts, first) - 1
        return k >= 0 and first < self._reach[k]


def _is_label(text: str) -> bool:
    return bool(text) and len(text) <= MAX_HEADING_CHARS and word_count(text) <= MAX_HEADING_WORDS


def _block_heading(tree: Tree, container: Element, item_ids: set[int]) -> str | None:
    """The short label above a block: a non-item child of the container, or a preceding sibling."""
    for child in tree.children(container):
        if id(child) not in item_ids:
            text = tree.text(child)
            if _is_label(text):
                return text
    el: Element | None = container
    for _ in range(HEADING_LEVELS_UP):
        if el is None:
            break
        label = _preceding_label(tree, el)
        if label:
            return label
        el = el.getparent()
    return None


def _preceding_label(tree: Tree, el: Element) -> str | None:
    """A heading-like preceding sibling of ``el`` with label text; empty siblings are skipped."""
    sib = previous_element(el)
    for _ in range(HEADING_SIBLINGS_BACK):
        if sib is None:
            break
        text = tree.text(sib)
        if _is_label(text) and sib.tag in HEADING_TAGS:
            return text
        if text:
            break
        sib = previous_element(sib)
    return None
