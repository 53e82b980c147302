"""English "site group" CMS farm (cloudheap-like theme).

Traces: header naming an unrelated business, "Current position: Home > <category>"
breadcrumb, "Post / Source: Collection / Author: admin / Viewed" info line,
Support/Oppose vote boxes, prev:/next: links, Hot News / Recommend News blocks
with view counts, comment form with captcha, keyword line.
"""

from __future__ import annotations

import random

from . import common as C
from . import words as W
from .model import Article, FarmPage, Headline

FAMILY = "cms_breadcrumb_en"
FRAME_P: tuple[float, float] | None = (0.35, 0.85)  # site-group CMS templates, but many such farms run bought themes


def build(article: Article, headlines: list[Headline], rng: random.Random) -> FarmPage:
    lang = "en"
    site = C.business_name(rng, lang)
    host = C.farm_host(rng, site, avoid=C.host_of(article.url))
    cat = C.pick(rng, W.CATEGORIES["en"])
    d = C.page_date(rng, article.date, 20, 900, p_before=0.08)
    url = C.internal_url(rng, host, d, "cms", scheme=C.pick(rng, ["http", "https"]))
    t = C.pick_traces(rng, {
        "crumb": 0.85, "info": 0.85, "vote": 0.7, "prevnext": 0.75, "hot": 0.85,
        "recommend": 0.75, "comment": 0.35, "keywords": 0.4, "topbar": 0.6,
    })
    title = C.vary_title(rng, article.title, article.lang)
    paras = C.select_paragraphs(rng, article.paragraphs)
    used: set[str] = set()

    head = [
        C.doctype(rng), f'<html lang="{C.pick(rng, ["en", "en-us", "en-US"])}">', "<head>", C.meta_charset(rng),
        f"<title>{C.esc(title)}{C.pick(rng, [' - ', '_', ' | '])}{C.esc(site if C.chance(rng, 0.7) else cat + '_' + site)}</title>",
        f'<meta name="keywords" content="{C.esc(", ".join(title.split()[:4]))}" />',
        f'<meta name="description" content="{C.esc(paras[0][:150])}" />',
        f'<link rel="stylesheet" href="/templates/{C.pick(rng, ["green", "red", "blue", "default"])}/css/{C.pick(rng, ["page", "style", "main"])}.css" />',
        C.tracker_script(rng), "</head>", "<body>",
    ]
    body: list[str] = []
    # header
    topbar = ""
    if t["topbar"]:
        items = list(W.CHROME["en"]["topbar"])
        rng.shuffle(items)
        topbar = '<div class="top_r">' + "┆".join(f'<a href="#">{x}</a>' for x in items[:rng.randint(3, 6)]) + "</div>"
    tagline = C.pick(rng, W.TAGLINES).format(year=rng.randint(1995, 2016))
    body.append(f'<div id="{C.cls(rng, "header")}">{topbar}<div class="logo"><a href="/"><img src="/images/logo.png" alt="{C.esc(site)}"/></a>'
                f'<strong>{C.esc(site)}</strong> <span>{C.esc(tagline)}</span></div></div>')
    body.append(C.nav_html(rng, lang, host))
    if C.chance(rng, 0.4):
        body.append(C.ad_slot(rng))
    main_cls, side_cls = C.cls(rng, "main"), C.cls(rng, "side")
    body.append(f'<div class="{C.cls(rng, "wrap")}"><div class="{main_cls}" id="left">')
    if t["crumb"]:
        sep = C.pick(rng, [">", "&gt;", "»", "/"])
        body.append(f'<div class="{C.cls(rng, "crumb")}">{C.esc(C.chrome(rng, lang, "crumb"))} '
                    f'<a href="https://{host}/">{C.chrome(rng, lang, "home")}</a> {sep} <a href="/list/{rng.randint(1, 30)}/">{C.esc(cat)}</a>'
                    + (f" {sep} text" if C.chance(rng, 0.4) else "") + "</div>")
    body.append(f'<div class="{C.cls(rng, "title")}"><h1>{C.esc(title)}</h1></div>')
    if t["info"]:
        sep = C.pick(rng, ["　", " / ", " | ", "┊", "  "])
        parts = [f'{C.chrome(rng, lang, "posted")} {C.fmt_date(rng, d, lang)}',
                 f'{C.chrome(rng, lang, "source")} {C.pick(rng, W.CHROME["en"]["collected"])}',
                 f'{C.chrome(rng, lang, "author")} {C.person(rng, lang) if C.chance(rng, 0.25) else C.pick(rng, ["admin", "admin", "Admin", "anonymous", "editor"])}',
                 f'{C.pick(rng, W.CHROME["en"]["views"])} {rng.randint(30, 25000)} {C.pick(rng, W.CHROME["en"]["times"])}'.rstrip()]
        if C.chance(rng, 0.3):
            parts.insert(0, parts.pop(2))
        body.append(f'<div class="{C.cls(rng, "info")}">' + C.esc(sep.join(parts)) + "</div>")
    if t["keywords"]:
        kws = [w.strip(",.:;!?\"'") for w in title.split() if len(w) > 4][:4]
        body.append(f'<p class="f_grey999">{C.chrome(rng, lang, "tags")} ' + " ".join(f'<a href="/tag/{C.esc(k)}">{C.esc(k)}</a>' for k in kws) + "</p>")
    content_tag = C.pick(rng, ["div", "div", "article", "td"])
    ccls = C.cls(rng, "content")
    if content_tag == "td":
        body.append(f'<table width="100%"><tr><td class="{ccls}">\n{C.paras_html(rng, paras)}\n</td></tr></table>')
    else:
        body.append(f'<{content_tag} class="{ccls}">\n{C.paras_html(rng, paras)}\n</{content_tag}>')
    if t["vote"]:
        g, b = C.pick(rng, [("Support", "Oppose"), ("praise", "bad"), ("good!", "bad!"), ("Like", "Dislike")])
        gc, bc = rng.randint(0, 999), rng.randint(0, 200)
        if C.chance(rng, 0.5):
            body.append(f'<div class="{C.cls(rng, "vote")}"><div class="diggbox digg_good"><div class="digg_act">{g}</div><div class="digg_num">({gc})</div></div>'
                        f'<div class="diggbox digg_bad"><div class="digg_act">{b}</div><div class="digg_num">({bc})</div></div></div>')
        else:
            neutral = f' <a href="#">neutral</a> ({rng.randint(0, 50)})' if C.chance(rng, 0.3) else ""
            body.append(f'<p class="{C.cls(rng, "vote")}">{C.pick(rng, ["Evaluate:", "Vote:", ""])} <a href="#">{g}</a> ({gc}) <a href="#">{b}</a> ({bc}){neutral}</p>')
    if t["prevnext"]:
        hs = C.pick_headlines(rng, headlines, 2, used, lang, ad_p=0)
        p_ = hs[0].title if hs else C.chrome(rng, lang, "none")
        n_ = hs[1].title if len(hs) > 1 else C.chrome(rng, lang, "none")
        body.append(f'<div class="list_con bg_grey"><ul><li>{C.chrome(rng, lang, "prev")} <a href="{C.internal_url(rng, host, d, "cms")}">{C.esc(p_)}</a></li>'
                    f'<li>{C.chrome(rng, lang, "next")} <a href="{C.internal_url(rng, host, d, "cms")}">{C.esc(n_)}</a></li></ul></div>')
    if C.chance(rng, 0.5):
        acts = ["fav", "share", "print"]
        body.append('<div class="review_fun">' + " ".join(f'<a href="#" class="btn04">{C.chrome(rng, lang, a)}</a>' for a in acts)
                    + ' <a href="#" class="btn04">Close</a></div>')
    if t["comment"]:
        body.append(f'<h2>{C.chrome(rng, lang, "comment")}</h2><form action="#" method="post"><table><tr><td>Username: <input type="text" name="username" /></td>'
                    '<td rowspan="2"><textarea name="msg"></textarea></td></tr><tr><td>Captcha: <input type="text" name="validate" size="4" /></td></tr>'
                    '<tr><td colspan="2"><button type="button">Comment</button> <span>Comments: not more than 250 words, please abide by the relevant laws and regulations.</span></td></tr></table></form>')
    body.append("</div>")
    # right column
    body.append(f'<div class="{side_cls}" id="right">')
    if C.chance(rng, 0.5):
        body.append(f'<form action="/search.php"><input type="text" name="keyword" value="{C.chrome(rng, lang, "search")}" /><input type="submit" value="Search" /></form>')
    blocks = []
    if t["hot"]:
        blocks.append(C.pick(rng, ["Hot News", "Hot", "POP Article"]))
    if C.chance(rng, 0.5):
        blocks.append(C.pick(rng, ["Up To Time", "New", "Latest"]))
    if t["recommend"]:
        blocks.append(C.pick(rng, ["Recommend News", "Recommend"]))
    views = C.chance(rng, 0.6)
    style = C.block_style(rng, variant=C.pick(rng, ["ul", "div", "table"]))
    for hd in blocks:
        hs = C.pick_headlines(rng, headlines, rng.randint(4, 10), used, lang)
        items = C.block_items(rng, hs, host, "cms", date_p=0.3, lang=lang, views=views)
        body.append(C.render_link_block(rng, hd, items, style=style, more=C.pick(rng, ["More", "more", None])))
    if C.chance(rng, 0.4):
        body.append(f'<div class="mid_box"><h2>Recommended Ad</h2>{C.ad_slot(rng)}</div>')
    body.append("</div></div>")
    extra = ""
    if C.chance(rng, 0.4):
        extra = f'<p>Powered by <a href="#">{C.pick(rng, ["SiteGroup CMS", "CloudStack CMS", "ZhanQun", "MultiSite Pro"])}</a></p>'
    body.append(C.footer_html(rng, lang, site, d.year, extra))
    body.append("</body></html>")
    return FarmPage(FAMILY, "\n".join(x for x in head + body if x), "html", url, article.id)
