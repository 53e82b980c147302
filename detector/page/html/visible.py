"""The page's visible lines, read off the walk (``Tree.body_flow``), each with the block element it came from."""

from __future__ import annotations

from ...text import normalize
from .tree import Element, Tree


def visible_blocks(tree: Tree) -> tuple[list[tuple[str, Element]], dict[int, int]]:
    """The page's text as a browser lays it out, each line with the block element it came from; and the characters
    of the strings of each block (by its ``id``), white space included: ``read_main_text``'s bound on an element's
    own text, summed here in the pass that makes the lines (a pass of its own cost more).

    Inline elements join a line; blocks and <br> break it. So "作者：<small>admin</small>" stays one
    line, as in a select-all copy: labels keep their values, and the HTML and text-dump builders see
    the same lines. The report finds the same lines with ``soup.visible_blocks``.
    """
    out: list[tuple[str, Element]] = []
    # Keyed by id(), not by the blocks themselves: a dict lets its keys go first to last, and when it is the last to
    # hold a deep page's nested blocks (a time budget stopping the readers), lxml frees them top first, in the square
    # of the depth (minutes for 100,000 nested <div>s).
    chars: dict[int, int] = {}
    current: list[str] = []
    last_block: Element | None = None

    def flush() -> None:
        text = "".join(current)
        chars[id(last_block)] = chars.get(id(last_block), 0) + len(text)
        if not text.isspace():  # white space alone (most runs between blocks) normalises to nothing
            text = normalize(text)
            if text and last_block is not None:
                out.append((text, last_block))
        current.clear()

    for text, block in zip(tree.body_flow[::3], tree.body_flow[2::3]):
        if text is None:
            flush()
            continue
        if block is not last_block:
            flush()
            last_block = block
        current.append(text)
    flush()
    return out, chars
