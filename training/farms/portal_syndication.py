"""Portal (Yahoo/MSN-like) syndicating a wire or publisher story.

Traces: <meta name="syndication-source"> / <meta name="original-source">,
provider logo beside (or in place of) the reporter's byline, "© <year> The Associated Press. All
rights reserved." credit, "More from <Provider>" block, agency dateline in the
text, canonical pointing to the provider (sometimes), "Story continues" break.
"""

from __future__ import annotations

import json
import random

from . import common as C
from . import wire as WR
from . import words as W
from .model import Article, FarmPage, Headline

FAMILY = "portal_syndication"
FRAME_P: tuple[float, float] | None = (0.6, 1.0)  # runs the stock themes publishers run


def build(article: Article, headlines: list[Headline], rng: random.Random) -> FarmPage:
    lang = C.lang_of_chrome(rng, article, {"en": 6, "de": 1, "es": 1, "fr": 1, "ja": 1})
    portal = C.pick(rng, W.PORTAL_NAMES)
    host = f"{C.pick(rng, ['news', 'www', 'news', lang + '.news'])}.{portal.lower()}.{C.pick(rng, ['com', 'com', 'net', 'co'])}"
    if C.host_of(article.url) and C.registrable(C.host_of(article.url)) == C.registrable(host):
        host = "news." + C.farm_host(rng, portal, subdomain_p=0)
    orig_name, orig_root, orig_url = C.original_ref(rng, article)
    use_wire = C.chance(rng, 0.6) or not article.site_name
    agency = WR.pick_agency(rng, article.lang)
    if use_wire:
        prov_name, holder = W.WIRE_AGENCIES[agency]
        prov_url = {"AP": "https://apnews.com/", "Reuters": "https://www.reuters.com/", "AFP": "https://www.afp.com/",
                    "dpa": "https://www.dpa.com/", "EFE": "https://efe.com/", "Kyodo": "https://english.kyodonews.net/",
                    "Xinhua": "https://english.news.cn/"}[agency]
        prov_article = prov_url + C.slugify(rng, article.title, article.id)
    else:
        prov_name, holder, prov_url, prov_article = orig_name, orig_name, orig_root, orig_url
    d = C.page_date(rng, article.date, 0, 3, p_before=0.0)
    url = f"https://{host}/{C.slugify(rng, article.title, article.id)}-{rng.randint(10**8, 10**9 - 1)}.html" if C.chance(rng, 0.5) \
        else f"https://{host}/{lang}/news/{C.pick(rng, ['world', 'us', 'business', 'other'])}/{C.slugify(rng, article.title, article.id)}/ar-{C.rand_id(rng, 8, 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789')}"
    t = C.pick_traces(rng, {"syn_meta": 0.6, "orig_meta": 0.45, "logo": 0.85, "copyright": 0.8, "more_from": 0.8,
                            "dateline": 0.8 if use_wire else 0.2, "canonical": 0.3, "continues": 0.4}, min_n=3)
    title = article.title
    paras = C.select_paragraphs(rng, article.paragraphs, p_all=0.8)
    paras = WR.inject(rng, paras, article.lang, agency, C.parse_iso(article.date), t["dateline"], use_wire and C.chance(rng, 0.4))
    used: set[str] = set()

    head = [C.doctype(rng), f'<html lang="{C.html_lang_attr(lang)}">', "<head>", C.meta_charset(rng),
            f"<title>{C.esc(title)}{C.pick(rng, [' - ', ' | '])}{C.esc(portal)}{C.pick(rng, ['', ' News', ' News'])}</title>"]
    if t["syn_meta"]:
        head.append(f'<meta name="syndication-source" content="{C.esc(prov_article)}">')
    if t["orig_meta"]:
        head.append(f'<meta name="original-source" content="{C.esc(prov_article)}">')
    head.append(f'<link rel="canonical" href="{C.esc(prov_article if t["canonical"] else url)}">')
    head.append(f'<meta property="og:site_name" content="{C.esc(portal)}{C.pick(rng, ["", " News"])}">')
    if C.chance(rng, 0.5):
        ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": title,
              "provider": {"@type": "Organization", "name": prov_name},
              "publisher": {"@type": "Organization", "name": portal}, "datePublished": C.iso_datetime(rng, d)}
        head.append(f'<script type="application/ld+json">{json.dumps(ld, ensure_ascii=False)}</script>')
    head += [C.tracker_script(rng), "</head>"]
    body = [f'<body class="{C.pick(rng, ["caas", "article", "msn-article", "story"])}">']
    body.append(f'<header class="{C.cls(rng, "header")}"><a href="https://{host}/" class="portal-logo">{C.esc(portal)}</a>'
                + " " + " ".join(f'<a href="/{x.lower()}">{x}</a>' for x in rng.sample(["Mail", "News", "Finance", "Sports", "Weather", "Shopping", "Entertainment", "Lifestyle"], rng.randint(3, 6)))
                + f'<form action="/search"><input type="search" name="q" placeholder="{C.chrome(rng, lang, "search")}"></form></header>')
    art = C.pick(rng, ["article", "div"])
    body.append(f'<main><{art} class="{C.pick(rng, ["caas-body-wrapper", "article-body", "story-body", "content-wrap"])}">')
    prov_block = []
    if t["logo"]:
        slug = prov_name.lower().replace(" ", "-")
        prov_block.append(f'<a class="{C.pick(rng, ["provider-link", "caas-attr-provider", "provider"])}" href="{C.esc(prov_url)}">'
                          f'<img src="https://img.{portal.lower()}.com/provider/{C.esc(slug)}.png" alt="{C.esc(prov_name)}" class="provider-logo"></a>')
    else:
        prov_block.append(f'<span class="provider">{C.esc(prov_name)}</span>')
    if article.author and C.chance(rng, 0.6):  # portals show the reporter's name above the provider
        prov_block.insert(0, f'<span class="{C.pick(rng, ["author", "caas-author-byline", "byline-name"])}">'
                             f'{C.pick(rng, ["By ", "", ""])}{C.esc(article.author)}</span>')
    prov_block.append(f'<time datetime="{C.iso_datetime(rng, d)}">{C.esc(C.fmt_date(rng, d, lang, time=True))}</time>')
    if C.chance(rng, 0.5):
        prov_block.append(f'<span class="rt">{max(1, sum(len(p.split()) for p in paras) // 230)} min read</span>')
    body.append(f"<h1>{C.esc(title)}</h1>")
    body.append(f'<div class="{C.pick(rng, ["caas-attr", "byline", "attribution"])}">' + " ".join(prov_block) + "</div>")
    ps = [f"<p>{C.esc(p)}</p>" for p in paras]
    if t["continues"] and len(ps) > 3:
        k = rng.randint(1, 3)
        ps.insert(k, f'<div class="{C.pick(rng, ["caas-readmore", "story-continues"])}"><button>{C.pick(rng, ["Story continues", "Continue reading", "View comments"])}</button></div>')
    body.append(f'<div class="{C.cls(rng, "content")}">\n' + "\n".join(ps) + "\n</div>")
    if t["copyright"]:
        if use_wire and agency == "AP":
            line = f"Copyright {d.year} The Associated Press. All rights reserved." if C.chance(rng, 0.5) \
                else f"© {d.year} The Associated Press. All rights reserved. This material may not be published, broadcast, rewritten or redistributed."
        else:
            line = f"© {d.year} {holder}. {C.pick(rng, ['All rights reserved.', 'All Rights Reserved.', ''])}".strip()
        body.append(f'<p class="{C.pick(rng, ["copyright", "caas-copyright", "credit"])}">{C.esc(line)}</p>')
    body.append(f"</{art}>")
    if t["more_from"]:
        heading = {"en": f"More from {prov_name}", "de": f"Mehr von {prov_name}", "es": f"Más de {prov_name}",
                   "fr": f"Plus de {prov_name}", "ja": f"{prov_name}の他の記事"}.get(lang, f"More from {prov_name}")
        hs = C.pick_headlines(rng, headlines, rng.randint(4, 8), used, lang, ad_p=0.0)
        items = C.block_items(rng, hs, host, "other", date_p=0.2, lang=lang)
        body.append(C.render_link_block(rng, heading, items, variant=C.pick(rng, ["ul", "div"])))
    style = C.block_style(rng)
    for key in [k for k in ("hot", "may_like") if C.chance(rng, 0.5)]:
        hs = C.pick_headlines(rng, headlines, rng.randint(4, 10), used, lang, ad_p=0.5)
        items = C.block_items(rng, hs, host, "other", date_p=0.0, lang=lang)
        body.append(C.render_link_block(rng, C.chrome(rng, lang, key), items, style=style))
    body.append("</main>")
    body.append(C.footer_html(rng, lang, portal, d.year, theme_p=C.theme_p(rng)))
    body.append("</body></html>")
    return FarmPage(FAMILY, "\n".join(x for x in head + body if x), "html", url, article.id)
