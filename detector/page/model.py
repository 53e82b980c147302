"""The Page: everything the signals read, parsed once from HTML (``page.html``) or a text dump (``page.text``).

Each piece of evidence keeps where it was found (``source``) and where in the page (``locator``: a
CSS path in HTML, "line N" in a text dump) so that reports can point at it. A field that cannot be read stays empty:
signals treat empty as "unknown", never as guilt.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property


@dataclass(frozen=True)
class Located:
    """A piece of text seen on the page, with where it came from."""

    text: str
    source: str  # e.g. "meta og:site_name", "json-ld", "visible text"
    locator: str | None = None  # CSS path in the HTML, or "line N" in a text dump


@dataclass(frozen=True)
class PageDate:
    value: date
    source: str
    locator: str | None = None
    line: int | None = None  # the index in ``Page.lines`` of the visible line it was read from


@dataclass(frozen=True)
class Link:
    text: str
    href: str | None = None


@dataclass(frozen=True)
class LinkBlock:
    """A group of three or more headline links: a related/ranking/recommended/most-read list."""

    heading: str | None
    links: tuple[Link, ...]
    text: str  # all text of the block's items, headline dates included
    locator: str | None = None


@dataclass
class Page:
    kind: str  # "html" or "text"
    url: str | None = None  # the page's own address (an archive capture's original URL)
    capture_url: str | None = None  # the archive address it was read from, when it was a capture
    domain: str | None = None  # registrable domain of ``url``
    lang: str | None = None
    title: str = ""  # the document title (<title>, or a text dump's first line)
    headline: str = ""  # the article's own headline (h1, og:title)
    site_names: list[Located] = field(default_factory=list)
    breadcrumb: Located | None = None
    breadcrumb_items: list[str] = field(default_factory=list)
    section: Located | None = None  # the category the page files the story under
    bylines: list[Located] = field(default_factory=list)
    dates: list[PageDate] = field(default_factory=list)  # the page's own publication date(s)
    urls: list[Located] = field(default_factory=list)  # canonical, og:url, JSON-LD url
    meta: dict[str, list[str]] = field(default_factory=dict)
    paragraphs: list[Located] = field(default_factory=list)  # the main text, in order
    lines: list[str] = field(default_factory=list)  # every visible line of the page
    captions: list[str] = field(default_factory=list)  # visible lines inside figures, captions and photo/chart credit boxes
    link_blocks: list[LinkBlock] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)  # every link with text
    text_links: list[Link] = field(default_factory=list)  # links inside the main text's paragraphs
    resource_urls: list[str] = field(default_factory=list)  # src/href of images, scripts, styles, frames
    script_hosts: list[str] = field(default_factory=list)  # hosts of URLs written in inline scripts and JSON
    total_chars: int = 0
    link_chars: int = 0
    truncated: bool = False
    encoding: str | None = None

    # How ``locate`` names lines of HTML (``parse_html`` sets a ``tree.LineLocator``). Not a field, so that
    # ``asdict`` and the golden files leave it out: it holds the parsed document (see ``forget_tree``).
    line_locator = None

    def locate(self, first: int, last: int | None = None) -> str | None:
        """Where lines ``first``..``last`` of ``lines`` (0-based) are: the CSS path of the element holding them
        in HTML (None once its tree is forgotten), "line N" (the first's) in a text dump."""
        locator: Callable[[int, int], str] | None = self.line_locator
        if locator is not None:
            return locator(first, first if last is None else last)
        return f"line {first + 1}" if self.kind == "text" else None

    def forget_tree(self) -> None:
        """Let go of the parsed HTML that ``locate`` reads. The scorer does once the signals have read the page:
        holding it, a crawl's worker went past its memory cap making the page's cross-check print."""
        self.line_locator = None

    # Views that several signals read, computed once: the builders set ``paragraphs`` before any is read.
    @cached_property
    def main_text(self) -> str:
        return "\n".join(p.text for p in self.paragraphs)

    @cached_property
    def main_chars(self) -> int:
        return sum(len(p.text) for p in self.paragraphs)
