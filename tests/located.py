"""Whether a CSS path from the Page names, in another parse of the page, the element that holds the text."""

from __future__ import annotations

from bs4 import BeautifulSoup

from detector.page import parse_html
from detector.report.page_report import sanitize
from detector.text import normalize


def squeezed(text: str) -> str:
    """Text without white space: an element's text joins its strings as they are, a line normalises them."""
    return "".join(normalize(text).split())


def holds(soup: BeautifulSoup, locator: str, text: str) -> bool:
    """``locator`` selects exactly one element of ``soup``, and its text holds ``text``."""
    found = soup.select(locator)
    return len(found) == 1 and squeezed(text) in squeezed(found[0].get_text())


def assert_lines_found(html: str) -> None:
    """Every visible line of the page is inside the element its locator names in the report's copy."""
    page = parse_html(html)
    soup, _ = sanitize(html)
    for i, line in enumerate(page.lines):
        assert holds(soup, page.locate(i), line), (i, line, page.locate(i))
