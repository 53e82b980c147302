"""The main text: Readability in miniature. The container holding most paragraph text with few links wins."""

from __future__ import annotations

from collections.abc import Callable

from ...text import cjk_share, normalize, word_count
from ..model import Link, Located
from ..selectors import BLOCK_TAGS, LIST_CELL_TAGS, PARAGRAPH_TAGS, SELF_SCORED_TAGS, TEXT_CONTAINER_TAGS
from ..urls import absolute
from .links import BlockItems
from .tree import Element, Tree

MIN_OWN_CHARS = 80  # a <div>/<td>/<li> counts only with this much text directly inside (<br>-separated bodies)
MIN_PARAGRAPH_CHARS = 40  # shorter is a caption, a label or a menu item
MIN_CJK_PARAGRAPH_CHARS = 20  # CJK says as much in half the characters
CJK_TEXT_SHARE = 0.3  # text with this share of CJK characters is read as CJK
MAX_SCORED_LINK_SHARE = 0.5  # a paragraph that is more than half link text is navigation
MAX_SCORED_CHARS = 1000  # one long paragraph must not outweigh a whole article
GRANDPARENT_WEIGHT = 0.5  # a paragraph also votes, at half weight, for its container's container
MIN_BLOCK_TEXT_SHARE = 0.3  # below this share of the container's text in blocks, read its lines instead
MIN_LINE_WORDS = 3  # a line of a <br>-separated body
MIN_LIST_CELL_WORDS = 6  # a shorter <li>/<td> is a list entry, not a paragraph
MAX_PARAGRAPH_LINK_SHARE = 0.6  # a kept paragraph may link, but not be mostly links


def read_main_text(tree: Tree, chars_in: Callable[[Element], int], block_items: BlockItems,
                   block_chars: dict[int, int], base: str | None) -> tuple[list[Located], list[Link]]:
    """The main text's paragraphs, and the links inside them. ``chars_in``: link text inside an element;
    ``block_items``: the link blocks' items, which are no main text; ``block_chars``: the characters of the
    strings of each block (``visible_blocks``)."""
    best = _best_container(tree, chars_in, block_items, block_chars)
    if best is None:
        return [], []
    blocks = _innermost_blocks(tree, best)
    texts = [tree.text(el) for el in blocks]
    if not blocks or sum(map(len, texts)) < MIN_BLOCK_TEXT_SHARE * len(tree.text(best)):
        # <br>-separated text with few block elements: take the container's own lines.
        lines = [normalize(x) for x in "\n".join(tree.strings(best)).split("\n")]
        return [Located(x, "main text", tree.path(best)) for x in lines if word_count(x) >= MIN_LINE_WORDS], []
    paragraphs: list[Located] = []
    links: list[Link] = []
    for el, text in zip(blocks, texts):
        if _is_paragraph(el, text, chars_in, block_items):
            paragraphs.append(Located(text, "main text", tree.path(el)))
            links += [Link(tree.text(a), absolute(base, a.get("href"))) for a in tree.descendants(el)
                      if a.tag == "a" and a.get("href")]
    return paragraphs, links


def _best_container(tree: Tree, chars_in: Callable[[Element], int], block_items: BlockItems,
                    block_chars: dict[int, int]) -> Element | None:
    """The element that holds the most paragraph text (its own, and half its grandchildren's)."""
    scores: dict[int, float] = {}
    nodes: dict[int, Element] = {}
    for p in tree.of(*PARAGRAPH_TAGS):
        text = _scored_text(tree, p, block_chars, chars_in, block_items)
        if text is None:
            continue
        parent = p if p.tag in SELF_SCORED_TAGS else p.getparent()
        for weight, anc in ((1.0, parent), (GRANDPARENT_WEIGHT, parent.getparent() if parent is not None else None)):
            if anc is not None:
                scores[id(anc)] = scores.get(id(anc), 0.0) + weight * min(len(text), MAX_SCORED_CHARS)
                nodes[id(anc)] = anc
    return nodes[max(scores, key=scores.__getitem__)] if scores else None


def _scored_text(tree: Tree, p: Element, block_chars: dict[int, int], chars_in: Callable[[Element], int],
                 block_items: BlockItems) -> str | None:
    """The text ``p`` adds to its container's score, or None when it is no paragraph of text.

    A <div>'s own strings (its text and its children's tails) are among the strings whose block it is, so
    ``block_chars`` bounds them: on the median page it leaves 3 of 246 text containers whose own strings must be
    read (an XPath each), where a bound by all the characters inside each left 49 (``read_main_text`` 0.65 -> 0.42
    ms a page, median, with ``visible_blocks`` 0.22 -> 0.29 for the sums).
    """
    if p.tag in TEXT_CONTAINER_TAGS:
        if block_chars.get(id(p), 0) < MIN_OWN_CHARS:
            return None
        own = "".join(tree.own_strings(p)).strip()
        if len(own) < MIN_OWN_CHARS:
            return None
        text, linked = normalize(own), 0
    elif id(p) in block_items.ids:
        return None
    else:
        text, linked = tree.text(p), chars_in(p)
    min_len = MIN_CJK_PARAGRAPH_CHARS if cjk_share(text) > CJK_TEXT_SHARE else MIN_PARAGRAPH_CHARS
    if len(text) < min_len or linked > MAX_SCORED_LINK_SHARE * len(text):
        return None
    return text


def _innermost_blocks(tree: Tree, best: Element) -> list[Element]:
    """The block elements inside ``best`` that hold no other: a <li> that wraps <p>s gives way to them."""
    inside = tree.descendants(best)
    has_inner_block: set[int] = set()
    for el in inside:
        if el.tag in BLOCK_TAGS:
            for anc in el.iterancestors():
                if anc is best or id(anc) in has_inner_block:
                    break
                has_inner_block.add(id(anc))
    return [el for el in inside if el.tag in BLOCK_TAGS and id(el) not in has_inner_block]


def _is_paragraph(el: Element, text: str, chars_in: Callable[[Element], int], block_items: BlockItems) -> bool:
    if not text or block_items.around(el):
        return False
    if el.tag in LIST_CELL_TAGS and word_count(text) < MIN_LIST_CELL_WORDS:
        return False
    return chars_in(el) <= MAX_PARAGRAPH_LINK_SHARE * len(text)
