"""News aggregator that keeps the original's canonical link.

Traces: <link rel=canonical> / og:url / JSON-LD url pointing to the original
(another registrable domain), source name as byline (often with the original author's), "Volume No. xxxx/yy"
info line, "Read the full story at <source>" link, trending / latest blocks,
regional network branding unrelated to the story's origin.
"""

from __future__ import annotations

import json
import random

from . import common as C
from . import words as W
from .model import Article, FarmPage, Headline

FAMILY = "aggregator_canonical"
FRAME_P: tuple[float, float] | None = (0.6, 1.0)  # runs the stock themes publishers run


def build(article: Article, headlines: list[Headline], rng: random.Random) -> FarmPage:
    lang = C.lang_of_chrome(rng, article, {"en": 6, "de": 1, "es": 1, "fr": 1, "ja": 1})
    site = C.newspaper_name(rng)
    host = C.farm_host(rng, site, avoid=C.host_of(article.url))
    orig_name, orig_root, orig_url = C.original_ref(rng, article)
    d = C.page_date(rng, article.date, 0, 10, p_before=0.02)
    url = C.internal_url(rng, host, d, "agg")
    t = C.pick_traces(rng, {"canonical": 0.85, "og_url": 0.5, "jsonld": 0.45, "source_byline": 0.85,
                            "volume": 0.5, "full_story": 0.5, "trending": 0.8}, min_n=3)
    if not (t["canonical"] or t["og_url"] or t["jsonld"]):
        t["canonical"] = True
    title = C.vary_title(rng, article.title, article.lang, p=0.1)
    paras = C.select_paragraphs(rng, article.paragraphs, p_all=0.6)
    if C.chance(rng, 0.15) and len(paras) > 4:
        paras = paras[: max(3, int(len(paras) * 0.8 + 0.999))]
    used: set[str] = set()

    head = [C.doctype(rng), f'<html lang="{C.html_lang_attr(lang)}">', "<head>", C.meta_charset(rng),
            f"<title>{C.esc(title)}{C.pick(rng, [' | ', ' - '])}{C.esc(site)}</title>",
            f'<meta name="description" content="{C.esc(paras[0][:155])}">']
    if t["canonical"]:
        head.append(f'<link rel="canonical" href="{C.esc(orig_url)}">')
    head.append(f'<meta property="og:url" content="{C.esc(orig_url if t["og_url"] else url)}">')
    head.append(f'<meta property="og:title" content="{C.esc(title)}">')
    if C.chance(rng, 0.6):
        head.append(f'<meta property="og:site_name" content="{C.esc(site)}">')
    if t["jsonld"]:
        ld = {"@context": "https://schema.org", "@type": C.pick(rng, ["NewsArticle", "Article"]), "headline": title,
              "url": orig_url, "datePublished": article.date or f"{d:%Y-%m-%d}",
              "author": {"@type": "Organization", "name": orig_name},
              "publisher": {"@type": "Organization", "name": site}}
        if C.chance(rng, 0.4):
            ld["isBasedOn"] = orig_url
        head.append(f'<script type="application/ld+json">{json.dumps(ld, ensure_ascii=False)}</script>')
    head += [C.tracker_script(rng), "</head>"]
    body = [f'<body class="{C.pick(rng, ["story", "article-page", "news"])}">']
    region = site.split(" ")[0]
    body.append(f'<div class="{C.cls(rng, "header")}"><a class="brand" href="/"><span>{C.esc(site)}</span></a>'
                + (f'<span class="dateline">{C.esc(C.fmt_date(rng, d, lang, time=False, style="long"))}</span>' if C.chance(rng, 0.5) else "")
                + "</div>")
    body.append(C.nav_html(rng, lang, host, theme_p=C.theme_p(rng)))
    main = C.pick(rng, ["main", "div", "article"])
    body.append(f'<{main} class="{C.cls(rng, "main")}">')
    if C.chance(rng, 0.4):
        body.append(f'<div class="section-label">{C.esc(C.pick(rng, W.CATEGORIES.get(lang, W.CATEGORIES["en"])))}</div>')
    body.append(f"<h1>{C.esc(title)}</h1>")
    info = []
    if article.author and C.chance(rng, 0.5):  # the feed item's author comes along
        info.append(f'<span class="{C.pick(rng, ["author", "writer"])}">{C.pick(rng, ["By ", ""])}{C.esc(article.author)}</span>')
    if t["source_byline"]:
        info.append(f'<span class="{C.pick(rng, ["source", "byline", "provider"])}">{C.esc(orig_name)}</span>')
    wd = C.W.WEEKDAYS_EN[d.weekday()]
    day = d.day
    suffix = "th" if 11 <= day % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    date_txt = C.pick(rng, [f"{wd} {day}{suffix} {C.W.MONTHS_EN[d.month - 1]}, {d.year}", C.fmt_date(rng, d, lang)])
    info.append(f'<span class="date">{C.esc(date_txt)}</span>')
    if t["volume"]:
        info.append(f'<span class="volume">{C.pick(rng, ["Volume No.", "Vol. No.", "Volume"])} {rng.randint(1, 9999):04d}/{d.year % 100:02d}</span>')
    body.append(f'<div class="{C.cls(rng, "info")}">' + C.pick(rng, [" | ", " ", "<br>"]).join(info) + "</div>")
    if C.chance(rng, 0.3):
        body.append(f'<figure><img src="https://img.{C.registrable(host)}/{C.rand_id(rng, 12)}.jpg" alt="{C.esc(title[:60])}"><figcaption>{C.esc(orig_name)}</figcaption></figure>')
    body.append(f'<div class="{C.cls(rng, "content")}">\n{C.paras_html(rng, paras, indent=False)}\n</div>')
    if t["full_story"]:
        rm = C.pick(rng, ["Read the full story at", "Continue reading at", "Read more at", "Full story:"]) if lang == "en" else C.chrome(rng, lang, "read_more") + ":"
        body.append(f'<p class="{C.pick(rng, ["source-link", "readmore", "orig"])}">{C.esc(rm)} <a href="{C.esc(orig_url)}" rel="{C.pick(rng, ["nofollow", "noopener", "external"])}" target="_blank">{C.esc(orig_name)}</a></p>')
    if C.chance(rng, 0.3):
        body.append(f'<p class="copyright">{C.esc(orig_name)} {C.pick(rng, ["©", "Copyright"])} {d.year}</p>')
    body.append(f"</{main}>")
    keys = (["trending"] if t["trending"] else []) + [k for k in ("latest", "ranking", "related") if C.chance(rng, 0.35)]
    if not keys:
        keys = ["latest"]
    side = C.pick(rng, ["aside", "div"])
    style = C.block_style(rng)
    body.append(f'<{side} class="{C.cls(rng, "side")}">')
    for k in keys:
        heading = ("Trending" if lang == "en" and C.chance(rng, 0.6) else C.chrome(rng, lang, "hot")) if k == "trending" else C.chrome(rng, lang, k)
        hs = C.pick_headlines(rng, headlines, rng.randint(4, 12), used, lang, ad_p=0.1)
        items = C.block_items(rng, hs, host, "agg", date_p=0.35, lang=lang)
        body.append(C.render_link_block(rng, heading, items, style=style))
    body.append(f"</{side}>")
    if C.chance(rng, 0.5):
        net = [f"{r} {C.pick(rng, W.PAPER_NOUNS)}" for r in rng.sample(W.REGIONS, rng.randint(4, 9))]
        body.append('<div class="network">' + " ".join(f'<a href="https://{C.farm_host(rng, n, subdomain_p=0.0)}/">{C.esc(n)}</a>' for n in net) + "</div>")
    body.append(C.footer_html(rng, lang, site if C.chance(rng, 0.6) else f"{region} Network", d.year, theme_p=C.theme_p(rng)))
    body.append("</body></html>")
    return FarmPage(FAMILY, "\n".join(x for x in head + body if x), "html", url, article.id)
