"""Lines that sit in a figure, a caption or a photo/chart credit box: attribution read there is a credit."""

from __future__ import annotations

from bisect import bisect_right

from ..selectors import CAPTION_HINT, CAPTION_STOP_TAGS, CAPTION_TAGS
from .tree import Element, Tree, ancestors

MAX_CAPTION_CHARS = 300  # a credit or caption is a line; a longer block is text
CAPTION_DEPTH = 5  # a credit box wraps its line in a few elements at most


def read_captions(tree: Tree, blocks: list[tuple[str, Element]]) -> list[str]:
    """The visible lines (``visible_blocks``) that are captions or credits.

    The page's caption boxes are found first (none on a third of pages, two at the median): only a line
    inside one can be a caption, and only those lines climb to judge how far up their box is and whether a
    stop tag comes first (3 lines a page on average, where every short line climbed before).
    """
    boxes = tree.hinted(CAPTION_HINT) + tree.of(*CAPTION_TAGS)
    if not boxes:
        return []
    firsts, ends = _outer_extents(tree, boxes)
    box_ids = {id(box) for box in boxes}

    def in_box(block: Element) -> bool:
        place = tree.extent(block)[0]
        i = bisect_right(firsts, place) - 1
        return i >= 0 and place < ends[i]

    return [text for text, block in blocks
            if len(text) <= MAX_CAPTION_CHARS and in_box(block) and _in_caption(block, box_ids)]


def _outer_extents(tree: Tree, boxes: list[Element]) -> tuple[list[int], list[int]]:
    """The extents (``Tree.extent``) of the boxes that no other box holds, in order: their firsts and their ends.
    Extents nest or part, so those of the outer boxes part."""
    firsts: list[int] = []
    ends: list[int] = []
    for first, end in sorted(map(tree.extent, boxes)):
        if not ends or first >= ends[-1]:
            firsts.append(first)
            ends.append(end)
    return firsts, ends


def _in_caption(el: Element, box_ids: set[int]) -> bool:
    """Whether ``el`` or one of its next ``CAPTION_DEPTH - 1`` ancestors is a caption box (its id in
    ``box_ids``), with no stop tag on the way."""
    for up in [el, *ancestors(el, CAPTION_DEPTH - 1)]:
        if up.tag in CAPTION_STOP_TAGS:
            return False
        if id(up) in box_ids:
            return True
    return False
