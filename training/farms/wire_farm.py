"""The flagship farm: a wire story copied whole onto a site whose header names
an unrelated business.

Traces: unrelated business header, "Current: Home > Scams" breadcrumb, agency
dateline in the first paragraph, agency credit line at the end, brand byline
("<Brand> View" / "<Brand> Desk"), page date 6-18 months after the story,
"good! (348)" vote widget, and three or more headline blocks (Related /
Ranking / Recommendation ...) whose headlines span a decade and include ads.
"""

from __future__ import annotations

import random

from . import common as C
from . import wire as WR
from . import words as W
from .model import Article, FarmPage, Headline

FAMILY = "wire_farm"
FRAME_P: tuple[float, float] | None = (0.35, 0.85)  # site-group CMS templates, but many such farms run bought themes


def build(article: Article, headlines: list[Headline], rng: random.Random) -> FarmPage:
    lang = C.pick(rng, ["en"] * 7 + ["ja", "zh", "de", "es", "fr"])
    site = C.business_name(rng, "en")
    brand = site.split()[0]
    host = C.farm_host(rng, site, avoid=C.host_of(article.url))
    cat = "Scams" if C.chance(rng, 0.4) else C.pick(rng, W.CATEGORIES.get(lang, W.CATEGORIES["en"]))
    orig = C.parse_iso(article.date)
    d = C.page_date(rng, article.date, 182, 548, p_before=0.03)
    url = C.internal_url(rng, host, d, C.pick(rng, ["cms", "other"]))
    t = C.pick_traces(rng, {"dateline": 0.85, "credit": 0.75, "crumb": 0.85, "byline": 0.85, "vote": 0.75,
                            "date": 0.85, "tagline": 0.6})
    agency = WR.pick_agency(rng, article.lang)
    title = C.vary_title(rng, article.title, article.lang, p=0.15)
    paras = C.select_paragraphs(rng, article.paragraphs, p_all=0.8)
    paras = WR.inject(rng, paras, article.lang, agency, orig, t["dateline"], t["credit"])
    used: set[str] = set()

    sep = C.pick(rng, [" - ", " | ", " – "])
    out = [C.doctype(rng), f'<html lang="{C.html_lang_attr(lang)}">', "<head>", C.meta_charset(rng),
           '<meta name="viewport" content="width=device-width, initial-scale=1">',
           f"<title>{C.esc(title)}{sep}{C.esc(site)}</title>",
           f'<meta name="description" content="{C.esc(paras[0][:160])}">',
           f'<meta property="og:site_name" content="{C.esc(site)}">' if C.chance(rng, 0.5) else "",
           f'<link rel="stylesheet" href="/assets/{C.rand_id(rng, 8)}.css">', C.tracker_script(rng), "</head>",
           f'<body class="{C.pick(rng, ["article", "detail", "single", "news-detail"])}">']
    tagline = f'<p class="tagline">{C.esc(C.pick(rng, W.TAGLINES).format(year=rng.randint(1998, 2015)))}</p>' if t["tagline"] else ""
    htag = C.pick(rng, ["header", "div"])
    out.append(f'<{htag} class="{C.cls(rng, "header")}"><div class="logo"><a href="/">{C.esc(site)}</a></div>{tagline}</{htag}>')
    out.append(C.nav_html(rng, lang, host))
    main_tag = C.pick(rng, ["main", "div", "article"])
    out.append(f'<{main_tag} class="{C.cls(rng, "main")}">')
    if t["crumb"]:
        label = C.pick(rng, ["Current:", "Current position:", "Current:"]) if lang == "en" else C.chrome(rng, lang, "crumb")
        arrow = C.pick(rng, [">", "&gt;", "›", "»"])
        if C.chance(rng, 0.5):
            out.append(f'<div class="{C.cls(rng, "crumb")}">{C.esc(label)} <a href="/">{C.chrome(rng, lang, "home")}</a> {arrow} <a href="/category/{rng.randint(1, 30)}">{C.esc(cat)}</a></div>')
        else:
            out.append(f'<ol class="{C.cls(rng, "crumb")}"><li>{C.esc(label)}</li><li><a href="/">{C.chrome(rng, lang, "home")}</a></li><li><a href="/c/{rng.randint(1, 30)}">{C.esc(cat)}</a></li></ol>')
    out.append(f"<h1>{C.esc(title)}</h1>")
    meta = []
    if t["byline"]:
        meta.append(f'<span class="{C.pick(rng, ["author", "byline", "writer"])}">{C.esc(C.brand_byline(rng, brand))}</span>')
    if t["date"]:
        meta.append(f'<span class="{C.pick(rng, ["date", "time", "pubtime"])}">{C.esc(C.fmt_date(rng, d, lang))}</span>')
    if C.chance(rng, 0.3):
        meta.append(f'<span class="views">{C.chrome(rng, lang, "views")} {rng.randint(100, 60000)}</span>')
    if meta:
        out.append(f'<div class="{C.cls(rng, "info")}">' + C.pick(rng, [" ", " | ", " / "]).join(meta) + "</div>")
    if C.chance(rng, 0.3):
        out.append(C.ad_slot(rng))
    ctag = C.pick(rng, ["div", "section", "div"])
    out.append(f'<{ctag} class="{C.cls(rng, "content")}">\n{C.paras_html(rng, paras)}\n</{ctag}>')
    if t["vote"]:
        good = C.chrome(rng, lang, "good")
        n = rng.randint(3, 999)
        if C.chance(rng, 0.6):
            out.append(f'<div class="{C.cls(rng, "vote")}"><a href="javascript:;" class="good">{C.esc(good)} ({n})</a></div>')
        else:
            out.append(f'<div class="{C.cls(rng, "vote")}"><button type="button">{C.esc(good)}</button><span class="num">({n})</span>'
                       f'<button type="button">{C.esc(C.chrome(rng, lang, "bad"))}</button><span class="num">({rng.randint(0, 80)})</span></div>')
    out.append(f"</{main_tag}>")
    # three or more headline blocks
    keys = ["related", "ranking", "recommend"] + [k for k in ("latest", "hot", "may_like") if C.chance(rng, 0.25)]
    if C.chance(rng, 0.3):
        rng.shuffle(keys)
    date_p = C.pick(rng, [0.0, 0.5, 0.9])
    style = C.block_style(rng, variant=C.pick(rng, ["ul", "ol", "div", "table", "dl"]))
    side_cls = C.cls(rng, "side")
    side_tag = C.pick(rng, ["aside", "div", "section"])
    out.append(f'<{side_tag} class="{side_cls}">')
    for k in keys:
        block_lang = lang if C.chance(rng, 0.85) else C.pick(rng, ["en", "ja", "zh", "de", "es", "fr"])
        hs = C.pick_headlines(rng, headlines, rng.randint(4, 12), used, "en", ad_p=0.35)
        items = C.block_items(rng, hs, host, "other", date_p=date_p, lang=block_lang, views=C.chance(rng, 0.15))
        out.append(C.render_link_block(rng, C.chrome(rng, block_lang, k), items, style=style))
    out.append(f"</{side_tag}>")
    out.append(C.footer_html(rng, lang, site, d.year))
    out.append("</body></html>")
    return FarmPage(FAMILY, "\n".join(x for x in out if x), "html", url, article.id)
