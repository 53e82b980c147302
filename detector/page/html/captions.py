"""Lines that sit in a figure, a caption or a photo/chart credit box: attribution read there is a credit."""

from __future__ import annotations

from ..selectors import CAPTION_HINT, CAPTION_STOP_TAGS, CAPTION_TAGS
from .tree import Element, Tree

MAX_CAPTION_CHARS = 300  # a credit or caption is a line; a longer block is text
CAPTION_DEPTH = 5  # a credit box wraps its line in a few elements at most


def read_captions(tree: Tree, blocks: list[tuple[str, Element]]) -> list[str]:
    """The visible lines (``visible_blocks``) that are captions or credits."""
    known: dict[tuple[int, int], bool] = {}  # lines share their ancestors: each one is judged once for each height
    return [text for text, block in blocks
            if len(text) <= MAX_CAPTION_CHARS and _in_caption(tree, block, CAPTION_DEPTH, known)]


def _in_caption(tree: Tree, el: Element | None, levels: int, known: dict[tuple[int, int], bool]) -> bool:
    """Whether ``el`` or one of its next ``levels - 1`` ancestors is a caption box, with no stop tag on the way."""
    if el is None or not levels:
        return False
    key = (id(el), levels)
    found = known.get(key)
    if found is None:
        tag = el.tag
        found = known[key] = tag not in CAPTION_STOP_TAGS and (
            tag in CAPTION_TAGS or CAPTION_HINT(tree.attrs(el)) or _in_caption(tree, el.getparent(), levels - 1, known))
    return found
