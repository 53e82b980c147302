"""Farm page generator: synthesises republished (farm / scraped / syndicated)
pages from real original articles, for training the detector.

    page = generate(article, headlines, random.Random(seed))

Each family lives in its own module and is registered in ``FAMILIES``;
shared helpers are in ``common`` (plus ``wire`` and ``wp``), word lists in
``words`` and the text dumper in ``textdump``.  Output depends only on the
``random.Random`` passed in.
"""

from __future__ import annotations

import random
from typing import Callable

from . import (aggregator_canonical, cms_breadcrumb_en, cms_breadcrumb_zh, link_farm, portal_syndication,
               site_clone, spun_copy, wire_farm, wp_autoblog_appeared, wp_autoblog_source)
from .model import Article, FarmPage, Headline
from .textdump import to_text_dump as _to_text_dump

__all__ = ["Article", "Headline", "FarmPage", "FAMILIES", "generate", "to_text_dump"]

Builder = Callable[[Article, list[Headline], random.Random], FarmPage]

FAMILIES: dict[str, Builder] = {
    m.FAMILY: m.build for m in (
        cms_breadcrumb_en, cms_breadcrumb_zh, wire_farm, wp_autoblog_appeared, wp_autoblog_source,
        aggregator_canonical, site_clone, spun_copy, link_farm, portal_syndication,
    )
}

TEXT_DUMP_P = 0.2


def to_text_dump(html: str, rng: random.Random) -> str:
    """What a browser's "select all, copy" or a text-mode browser (lynx/w3m -dump) gives for ``html``."""
    return _to_text_dump(html, rng)


def generate(article: Article, headlines: list[Headline], rng: random.Random,
             family: str | None = None, as_text: bool | None = None) -> FarmPage:
    """Build one farm page for ``article``.

    family=None picks a family at random; as_text=None returns the text dump
    instead of the HTML about 20 % of the time (same family name, kind="text").
    """
    if family is None:
        family = rng.choice(sorted(FAMILIES))
    if family not in FAMILIES:
        raise KeyError(f"unknown farm family {family!r}; known: {', '.join(sorted(FAMILIES))}")
    page = FAMILIES[family](article, list(headlines), rng)
    if as_text is None:
        as_text = rng.random() < TEXT_DUMP_P
    if as_text and page.kind == "html":
        page = FarmPage(page.family, to_text_dump(page.content, rng), "text", page.url, page.article_id)
    return page
