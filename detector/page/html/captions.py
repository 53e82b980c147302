"""Lines that sit in a figure, a caption or a photo/chart credit box: attribution read there is a credit."""

from __future__ import annotations

from ..selectors import CAPTION_HINT, CAPTION_STOP_TAGS, CAPTION_TAGS
from .tree import Element, Tree

MAX_CAPTION_CHARS = 300  # a credit or caption is a line; a longer block is text
CAPTION_DEPTH = 5  # a credit box wraps its line in a few elements at most


def read_captions(tree: Tree, blocks: list[tuple[str, Element]]) -> list[str]:
    """The visible lines (``visible_blocks``) that are captions or credits."""
    boxes: dict[int, bool] = {}  # whether an element is a caption box, by id: lines share their ancestors
    return [text for text, block in blocks if len(text) <= MAX_CAPTION_CHARS and _in_caption(tree, block, boxes)]


def _in_caption(tree: Tree, block: Element, boxes: dict[int, bool]) -> bool:
    el: Element | None = block
    for _ in range(CAPTION_DEPTH):
        if el is None or el.tag in CAPTION_STOP_TAGS:
            return False
        box = boxes.get(id(el))
        if box is None:
            box = boxes[id(el)] = el.tag in CAPTION_TAGS or CAPTION_HINT(tree.attrs(el))
        if box:
            return True
        el = el.getparent()
    return False
