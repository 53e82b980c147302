"""Pieces shared by the repost families (portal reposts, mirrors, local syndication, ad farms, feed
wrappers): their vocabulary, read from data/farms/reposts.json, and a page shell whose every part
(menu, theme, blocks, their number, order and place) is drawn per page."""

from __future__ import annotations

import functools
import json
import random
from pathlib import Path

from . import common as C
from .model import Headline

DATA = Path(__file__).resolve().parents[2] / "data" / "farms" / "reposts.json"


@functools.cache
def data() -> dict:
    return json.loads(DATA.read_text("utf-8"))


class _Keep(dict):
    """Placeholders without a value stay as they are."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def fill(template: str, **values) -> str:
    return template.format_map(_Keep(values))


def words(table: dict, lang: str) -> list:
    """A list of a language, English when the table has none for it."""
    return table.get(lang) or table["en"]


def article_html(rng: random.Random, title: str, top: list[str], paras: list[str], tail: list[str | tuple[str, str]],
                 inline: list[str] = (), href: str | None = None) -> str:
    """The article: headline (linked to ``href``, as readers link the story), a line of credits above
    it, the text (``inline`` lines dropped in at random places) and the lines below it, a (text, href)
    line as a link."""
    ps = [f"<p>{C.esc(p)}</p>" for p in paras]
    for line in inline:
        ps.insert(rng.randint(0, len(ps)), f"<p>{C.esc(line)}</p>")
    info = f'<div class="{C.cls(rng, "info")}">' + C.pick(rng, [" ", " | ", "&nbsp;&nbsp;"]).join(
        f"<span>{C.esc(x)}</span>" for x in top) + "</div>" if top else ""
    below = "".join(f'<p class="{C.pick(rng, ["note", "source", "credit", "end", "tail"])}">{_link(*x) if isinstance(x, tuple) else C.esc(x)}</p>'
                    for x in tail)
    return (f'<article class="{C.pick(rng, ["article", "post", "news", "detail", "story"])}">'
            f'<h1>{_link(title, href) if href else C.esc(title)}</h1>{info}'
            f'<div class="{C.cls(rng, "content")}">' + "\n".join(ps) + f"</div>{below}</article>")


def _link(text: str, href: str) -> str:
    return f'<a href="{C.esc(href)}" rel="nofollow">{C.esc(text)}</a>'


def headline_blocks(rng: random.Random, headlines: list[Headline], host: str, lang: str, headings: list[str],
                    most: int = 3) -> list[str]:
    """Zero to ``most`` blocks of other headlines, under headings drawn from ``headings``."""
    used: set[str] = set()
    style = C.block_style(rng)
    out = []
    for heading in rng.sample(headings, min(len(headings), rng.randint(0, most))):
        hs = C.pick_headlines(rng, headlines, rng.randint(3, 12), used, lang if lang in ("en", "zh", "ja") else "en",
                              ad_p=rng.uniform(0.0, 0.4))
        items = C.block_items(rng, hs, host, C.pick(rng, ["cms", "wp", "other", "dede"]), date_p=rng.uniform(0, 0.7), lang=lang)
        out.append(C.render_link_block(rng, heading, items, style=style))
    return out


def page(rng: random.Random, *, lang: str, title: str, site: str, host: str, head: list[str], article: str,
         blocks: list[str], year: int, menu: list[str] | None = None, footer: str = "") -> str:
    """A whole page: head, header with the site's name and menu, the article, the blocks split between
    the main column and a sidebar in a drawn order, a footer (with ``footer`` in it)."""
    sep = C.pick(rng, [" - ", " | ", " – ", "_", " — "])
    blocks = list(blocks)
    rng.shuffle(blocks)
    cut = rng.randint(0, len(blocks))
    if menu:
        nav = f'<ul class="{C.cls(rng, "nav")}">' + "".join(
            f'<li><a href="/{C.pick(rng, ["news", "list", "c", "category"])}/{i}/">{C.esc(m)}</a></li>'
            for i, m in enumerate(rng.sample(menu, rng.randint(min(4, len(menu)), len(menu))))) + "</ul>"
    else:
        nav = C.nav_html(rng, lang, host, theme_p=C.theme_p(rng))
    aside = f'<aside class="{C.cls(rng, "side")}">' + "\n".join(blocks[cut:]) + C.ad_slot(rng) * C.chance(rng, 0.5) + "</aside>" \
        if blocks[cut:] else ""
    return "\n".join(x for x in [
        C.doctype(rng), f'<html lang="{C.html_lang_attr(lang)}">', "<head>", C.meta_charset(rng),
        f"<title>{C.esc(title)}{sep}{C.esc(site)}</title>",
        f'<meta property="og:site_name" content="{C.esc(site)}">' if C.chance(rng, rng.uniform(0.3, 0.9)) else "",
        *head, C.tracker_script(rng), "</head>", f'<body class="{C.pick(rng, ["", "article", "single", "detail", "page"])}">',
        f'<div class="{C.cls(rng, "header")}"><a class="logo" href="https://{host}/">{C.esc(site)}</a>{nav}</div>',
        f'<div class="{C.cls(rng, "wrap")}"><div class="{C.cls(rng, "main")}">{article}', *blocks[:cut], "</div>", aside, "</div>",
        C.footer_html(rng, lang, site, year, extra=footer, theme_p=C.theme_p(rng)), "</body></html>"] if x)
