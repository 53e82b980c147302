"""Originals dressed in what real publishers carry too: view counters, reaction buttons, their own
"most read" lists and sponsored boxes.

Our farm generator puts these on farm pages, and the corpus's originals seldom show them, so a model
learns any one of them as proof of a farm: a fan-fiction archive's "Hits: 152759" alone scored 0.95
with its source left out. Chinese, Russian and Polish portals show view counts and likes on their own
stories, and big news sites run "most read" lists and sponsored boxes of unrelated headlines. A
training-side original with one to three of these, still labelled ORIGINAL, teaches the model that
they decide nothing alone: only evidence of copying does (a wire's dateline, a brand for a byline,
a site that is not the one named, headlines from other years). Training split only; the held-out
figures read real originals alone.
"""

from __future__ import annotations

import functools
import json
import random
from pathlib import Path

import lxml.html
from lxml import etree

from .farms import words as W
from .farms.common import block_items, block_style, chance, esc, farm_host, host_of, pick, render_link_block
from .farms.frames import find_container
from .farms.model import Article, Headline

DRESSED = "dressed_original"  # the family name of these examples (label 0, never counted as real originals)
DATA = Path(__file__).resolve().parents[1] / "data" / "originals" / "widgets.json"
SHARE = 0.35  # of the training split's articles that are dressed once
WIDGETS = ("view_counter", "reactions", "own_list", "sponsored")


@functools.cache
def _words() -> dict:
    return json.loads(DATA.read_text("utf-8"))


def _count(rng: random.Random, lang: str) -> str:
    n = int(10 ** rng.uniform(1, 6))
    if n >= 10_000 and chance(rng, 0.4):
        return f"{n / 10_000:.1f}万" if lang == "zh" else f"{n / 1000:.1f}K"
    return f"{n:,}" if chance(rng, 0.5) else str(n)


def _phrase(rng: random.Random, table: dict, lang: str, site: str) -> str:
    text = pick(rng, table.get(lang) or table["en"])
    return text.format(n=_count(rng, lang), m=rng.randint(0, 40), site=site)


def _counter(rng: random.Random, words: dict, kind: str, lang: str, site: str) -> str:
    tag = pick(rng, ["span", "div", "p", "li"])
    return f'<{tag} class="{pick(rng, ["views", "meta", "stats", "post-views", "like", "reactions"])}">' \
           f"{esc(_phrase(rng, words[kind], lang, site))}</{tag}>"


def _own_list(rng: random.Random, words: dict, article: Article, pool: list[Headline], site: str) -> str:
    """The site's own other stories: any topic, all from about the article's time, on its own host."""
    host = host_of(article.url) or farm_host(rng)
    year = int(article.date[:4]) if article.date else None
    near = [Headline(h.title, year if year and chance(rng, 0.8) else h.year, None) for h in rng.sample(pool, min(len(pool), rng.randint(4, 12)))]
    items = block_items(rng, near, host, pick(rng, ["wp", "plain", "cms"]), date_p=0.4, lang=article.lang or "en")
    return render_link_block(rng, _phrase(rng, words["own_list"], article.lang or "en", site), items, style=block_style(rng))


def _sponsored(rng: random.Random, words: dict, article: Article, ads: list[str]) -> str:
    lang = article.lang or "en"
    items = [(title, f"https://{pick(rng, words['ad_hosts'])}.{farm_host(rng, subdomain_p=0)}/c?id={rng.randrange(10**6)}&utm_source=publisher",
              None, None) for title in rng.sample(ads, min(len(ads), rng.randint(2, 6)))]
    return render_link_block(rng, pick(rng, words["sponsored"].get(lang) or words["sponsored"]["en"]), items,
                             style=block_style(rng))


def dress(article: Article, pool: list[Headline], rng: random.Random) -> str | None:
    """``article``'s own page with one to three publisher widgets after or beside its text (None when
    the page has no content area to place them by)."""
    if not article.html:
        return None
    try:
        doc = lxml.html.document_fromstring(article.html)
    except (etree.ParserError, ValueError):
        return None
    container = find_container(doc)
    if container is None or not pool:
        return None
    words, lang, site = _words(), article.lang or "en", article.site_name or ""
    pieces = []
    for kind in rng.sample(WIDGETS, rng.randint(1, 3)):
        if kind == "own_list":
            pieces.append(_own_list(rng, words, article, pool, site))
        elif kind == "sponsored":
            pieces.append(_sponsored(rng, words, article, W.AD_HEADLINES.get(lang, W.AD_HEADLINES["en"])))
        else:
            pieces.append(_counter(rng, words, kind, lang, site))
    for piece in pieces:
        element = lxml.html.fragment_fromstring(piece)
        if chance(rng, 0.6):
            container.addnext(element)
        else:
            (doc.find("body") if doc.find("body") is not None else doc).append(element)
    return lxml.html.tostring(doc, encoding="unicode")
