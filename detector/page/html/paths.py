"""CSS paths that name an element of the page, for the report's highlights and the signals' locators."""

from __future__ import annotations

import re

from lxml import etree

CSS_ID = re.compile(r"[A-Za-z][\w-]*")  # an id that a CSS selector can name as written


class Paths:
    """CSS selectors that name elements (an id where one exists, else nth-of-type steps).

    Each parent's children are indexed once: scanning the siblings on every call made a page with
    thousands of <p>s in one <div> quadratic (minutes for 1 MB).
    """

    def __init__(self) -> None:
        self._nth: dict[int, tuple[dict[int, int], dict[str, int]]] = {}

    def of(self, el: etree._Element) -> str:
        steps = []
        while el is not None and el.tag != "html":
            el_id = el.get("id")
            if el_id and CSS_ID.fullmatch(el_id):
                steps.append(f"{el.tag}#{el_id}")
                break
            parent = el.getparent()
            if parent is None:
                steps.append(el.tag)
                break
            nth, same = self._nth_of_type(el, parent)
            steps.append(el.tag if same == 1 else f"{el.tag}:nth-of-type({nth})")
            el = parent
        return " > ".join(reversed(steps))

    def _nth_of_type(self, el: etree._Element, parent: etree._Element) -> tuple[int, int]:
        """(position of ``el`` among its same-named siblings, how many there are)."""
        cached = self._nth.get(id(parent))
        if cached is None:
            counts: dict[str, int] = {}
            index: dict[int, int] = {}
            for c in parent:
                if isinstance(c.tag, str):
                    counts[c.tag] = index[id(c)] = counts.get(c.tag, 0) + 1
            cached = self._nth[id(parent)] = (index, counts)
        return cached[0][id(el)], cached[1][el.tag]
