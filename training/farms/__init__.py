"""Farm page generator: synthesises republished (farm / scraped / syndicated)
pages from real original articles, for training the detector.

    page = generate(article, headlines, random.Random(seed), frames=frames)

Each family lives in its own module and is registered in ``FAMILIES``;
shared helpers are in ``common`` (plus ``wire`` and ``wp``), word lists in
``words``, real frames in ``frames`` and the text dumper in ``textdump``.
Output depends only on the ``random.Random`` passed in.
"""

from __future__ import annotations

import dataclasses
import random
from collections.abc import Sequence
from typing import Callable

from . import (ad_keyword_farm, aggregator_canonical, cms_breadcrumb_en, cms_breadcrumb_zh, feed_wrapper, link_farm,
               local_syndication, mirror_clone, portal_repost, portal_syndication, site_clone, spun_copy, wire_farm,
               wp_autoblog_appeared, wp_autoblog_source)
from .frames import Frame, frame_of
from .model import Article, FarmPage, Headline
from .textdump import to_text_dump as _to_text_dump

__all__ = ["Article", "Headline", "FarmPage", "Frame", "FAMILIES", "FRAME_P", "TEXT_DUMPS", "generate", "to_text_dump"]

Builder = Callable[[Article, list[Headline], random.Random], FarmPage]

_MODULES = (cms_breadcrumb_en, cms_breadcrumb_zh, wire_farm, wp_autoblog_appeared, wp_autoblog_source,
            aggregator_canonical, site_clone, spun_copy, link_farm, portal_syndication,
            portal_repost, mirror_clone, local_syndication, ad_keyword_farm, feed_wrapper)
FAMILIES: dict[str, Builder] = {m.FAMILY: m.build for m in _MODULES}
FRAME_P: dict[str, tuple[float, float] | None] = {m.FAMILY: m.FRAME_P for m in _MODULES}
"""Per family, the range from which each page draws its probability of running on a real frame
(None: the family keeps its own markup, as a clone keeps the outlet's)."""
TEXT_DUMPS: dict[str, bool] = {m.FAMILY: getattr(m, "TEXT_DUMPS", True) for m in _MODULES}
"""Per family, whether its pages also come as text dumps (not a clone's: see ``site_clone.TEXT_DUMPS``)."""

TEXT_DUMP_P = 0.2
SAME_LANG_P = (0.3, 0.9)  # how often a farm picks a theme in the article's language


def to_text_dump(html: str, rng: random.Random) -> str:
    """What a browser's "select all, copy" or a text-mode browser (lynx/w3m -dump) gives for ``html``."""
    return _to_text_dump(html, rng)


def generate(article: Article, headlines: list[Headline], rng: random.Random,
             family: str | None = None, as_text: bool | None = None, frames: Sequence[Frame] = ()) -> FarmPage:
    """Build one farm page for ``article``.

    family=None picks a family at random; as_text=None returns the text dump
    instead of the HTML about 20 % of the time (same family name, kind="text"), never for a family
    whose TEXT_DUMPS is False.
    With ``frames`` (real pages of other sites than the article's), a share of pages drawn from the
    family's FRAME_P range runs on one of them instead of the family's template.
    """
    if family is None:
        family = rng.choice(sorted(FAMILIES))
    if family not in FAMILIES:
        raise KeyError(f"unknown farm family {family!r}; known: {', '.join(sorted(FAMILIES))}")
    page = FAMILIES[family](article, list(headlines), rng)
    span = FRAME_P[family]
    if frames and span and rng.random() < rng.uniform(*span):
        framed = frame_of(rng, page.content, page.url, list(frames), article.lang, rng.uniform(*SAME_LANG_P))
        if framed is not None:
            page = dataclasses.replace(page, content=framed[0], frame=framed[1].site)
    if as_text is None:
        as_text = rng.random() < TEXT_DUMP_P * rng.uniform(0.5, 1.5)  # drawn per page, the originals' share on average
        as_text = as_text and TEXT_DUMPS[family]  # drawn all the same, so that every family's pages stay as they were
    if as_text and page.kind == "html":
        page = dataclasses.replace(page, content=to_text_dump(page.content, rng), kind="text")
    return page

