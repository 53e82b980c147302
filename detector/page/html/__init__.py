"""The Page built from HTML: one parse, then readers that each take what they need and return a value.

Fields follow trafilatura's habit of ordered fallbacks: JSON-LD and meta tags first, then marked-up
elements, then visible text.
"""

from __future__ import annotations

from ...text import word_count
from ..lines import title_parts
from ..model import Page
from ..selectors import HEADLINE_TAGS
from ..urls import addresses, registrable_domain
from .byline import read_bylines, read_dates
from .captions import read_captions
from .head import (READ_TAGS, read_headline_meta, read_jsonld, read_meta, read_title, read_urls, resource_urls,
                   script_hosts)
from .identity import read_breadcrumb, read_section, read_site_names
from .links import read_link_blocks, read_links
from .main_text import read_main_text
from .paths import LineLocator
from .tree import Element, Tree, elements, parse
from .visible import visible_blocks

MAX_HEADLINE_CANDIDATES = 20  # the headline is among the first h1/h2s; later ones title teasers
MIN_NAMED_HEADLINE_WORDS = 3  # a shorter h1/h2 matching the title is a site or section name


def parse_html(html: str, url: str | None = None, *, truncated: bool = False, utf8: bytes | None = None) -> Page:
    """Build a Page from HTML, parsing it once with lxml (``utf8``: ``html`` encoded, when the caller has it)."""
    root = parse(html, utf8)
    own, capture = addresses(url)
    page = Page(kind="html", url=own, capture_url=capture, truncated=truncated, lang=_lang(root))

    head_tags = elements(root, *READ_TAGS)  # the head's elements, and scripts and resources anywhere
    tree = Tree(root)
    page.title = read_title(head_tags)
    page.meta = read_meta(head_tags, own)
    jsonld = read_jsonld(head_tags)
    page.urls = read_urls(head_tags, page.meta, jsonld, own, tree.path)
    page.headline = read_headline_meta(page.meta)
    page.resource_urls = resource_urls(head_tags, own)
    page.script_hosts = script_hosts(head_tags)
    # A saved file knows its own address only through its canonical.
    if own is None:
        page.url = next((loc.text for loc in page.urls if loc.source == "canonical"), None)
    page.domain = registrable_domain(page.url)

    links, link_chars = read_links(tree, page.url)
    page.links, page.link_chars = links.links, sum(len(link.text) for link in links.links)
    page.link_blocks, block_items = read_link_blocks(tree, links.anchors)
    blocks, block_chars = visible_blocks(tree)
    page.paragraphs, page.text_links = read_main_text(tree, link_chars, block_items, block_chars, page.url)
    page.lines = [text for text, _ in blocks]
    page.line_locator = LineLocator(blocks, tree.path)
    page.captions = read_captions(tree, blocks)
    page.total_chars = sum(len(x) for x in page.lines)
    page.headline = page.headline or _headline(tree, page.title)
    page.site_names = read_site_names(tree, page.meta, jsonld, page.title, page.lines, page.locate)
    page.breadcrumb, page.breadcrumb_items = read_breadcrumb(tree, jsonld, page.lines, page.locate) or (None, [])
    page.section = read_section(page.meta, page.breadcrumb, page.breadcrumb_items, page.headline, page.title)
    page.bylines = read_bylines(tree, page.meta, jsonld, page.lines, page.locate)
    page.dates = read_dates(tree, page.meta, jsonld, page.lines, page.locate)
    return page


def _lang(root: Element | None) -> str | None:
    lang = root.get("lang") if root is not None else None
    return (lang.strip().lower() or None) if lang else None


def _headline(tree: Tree, title: str) -> str:
    """The h1 (or h2) that the document title names; the first h1 when none does.

    Farm templates often put the logo in the h1 and the story's title in an h2.
    """
    heads = [(el, tree.text(el)) for el in tree.of(*HEADLINE_TAGS)[:MAX_HEADLINE_CANDIDATES]]
    heads = [(el, t) for el, t in heads if t]
    named = title_parts(title)[0].lower() if title_parts(title) else ""
    for el, text in heads:
        names_it = text.lower() in title.lower() or named in text.lower()
        if named and names_it and word_count(text) >= MIN_NAMED_HEADLINE_WORDS:
            return text
    return next((t for el, t in heads if el.tag == "h1"), "")
