"""Links: every link with text, and the blocks of headline links (related, ranking, most read)."""

from __future__ import annotations

from dataclasses import dataclass, field

from bs4 import Tag

from ...text import is_headline, word_count
from ..model import Link, LinkBlock
from ..selectors import HEADING_TAGS
from ..urls import absolute
from .tree import Tree, css_path

MIN_BLOCK_ITEMS = 3  # two related links can be a "previous / next" pair; three make a list
MAX_HEADING_CHARS = 40  # a block's label ("Related", "相关文章") is short...
MAX_HEADING_WORDS = 6  # ...and a few words at most
HEADING_LEVELS_UP = 3  # how far up from the block its label may sit as a preceding sibling
HEADING_SIBLINGS_BACK = 2  # how many empty preceding siblings may stand between label and block


@dataclass
class Links:
    links: list[Link] = field(default_factory=list)
    anchors: list[tuple[Tag, str]] = field(default_factory=list)  # each <a> with text, and its text
    chars_in: dict[int, int] = field(default_factory=dict)  # link text inside each element, by id


def read_links(tree: Tree, base: str | None) -> Links:
    out = Links()
    for a in tree.of("a"):
        text = tree.text(a)
        if not text:
            continue
        href = a.get("href")
        out.links.append(Link(text, absolute(base, str(href)) if href else None))
        out.anchors.append((a, text))
        for anc in (a, *a.parents):
            out.chars_in[id(anc)] = out.chars_in.get(id(anc), 0) + len(text)
    return out


def read_link_blocks(tree: Tree, anchors: list[tuple[Tag, str]]) -> tuple[list[LinkBlock], set[int]]:
    """The blocks, and the ids of their items (which the main text leaves out).

    An item is the largest ancestor of a headline link that holds no other headline link (an <li>,
    a table row, a teaser <div>); items that share a parent form a block when there are three or more.
    """
    headline_anchors = [(a, t) for a, t in anchors if is_headline(t)]
    counts: dict[int, int] = {}
    for a, _ in headline_anchors:
        for anc in a.parents:
            counts[id(anc)] = counts.get(id(anc), 0) + 1
    groups: dict[int, tuple[Tag, list[tuple[Tag, Tag, str]]]] = {}
    for a, text in headline_anchors:
        item = a
        while item.parent is not None and counts.get(id(item.parent), 0) == 1:
            item = item.parent
        parent = item.parent
        if parent is not None:
            groups.setdefault(id(parent), (parent, []))[1].append((item, a, text))
    blocks: list[LinkBlock] = []
    block_items: set[int] = set()
    for parent, items in groups.values():
        if len(items) < MIN_BLOCK_ITEMS:
            continue
        item_ids = {id(i) for i, _, _ in items}
        heading = _block_heading(tree, parent, item_ids)
        links = tuple(Link(t, a.get("href")) for _, a, t in items)
        block_text = " \n".join(tree.text(i) for i, _, _ in items)
        blocks.append(LinkBlock(heading, links, block_text, css_path(parent)))
        block_items |= item_ids
    return blocks, block_items


def _is_label(text: str) -> bool:
    return bool(text) and len(text) <= MAX_HEADING_CHARS and word_count(text) <= MAX_HEADING_WORDS


def _block_heading(tree: Tree, container: Tag, item_ids: set[int]) -> str | None:
    """The short label above a block: a non-item child of the container, or a preceding sibling."""
    for child in container.children:
        if isinstance(child, Tag) and id(child) not in item_ids:
            text = tree.text(child)
            if _is_label(text):
                return text
    el: Tag | None = container
    for _ in range(HEADING_LEVELS_UP):
        if el is None:
            break
        label = _preceding_label(tree, el)
        if label:
            return label
        el = el.parent if isinstance(el.parent, Tag) else None
    return None


def _preceding_label(tree: Tree, el: Tag) -> str | None:
    """A heading-like preceding sibling of ``el`` with label text; empty siblings are skipped."""
    sib = el.find_previous_sibling()
    for _ in range(HEADING_SIBLINGS_BACK):
        if sib is None:
            break
        text = tree.text(sib)
        if _is_label(text) and sib.name in HEADING_TAGS:
            return text
        if text:
            break
        sib = sib.find_previous_sibling()
    return None
