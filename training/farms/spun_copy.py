"""AI-rewritten / spun copy on an SEO-style site.

Traces: synonym-spun text (~15 % of English words replaced, filler openers;
other languages lose or repeat some words), generic "Editorial Team" /
"Staff Writer" byline, reading-time line, table of contents, "Trending" and
"You may also like" blocks, generic disclaimer, share bar.
"""

from __future__ import annotations

import random
import re

from . import common as C
from . import words as W
from .model import Article, FarmPage, Headline

FAMILY = "spun_copy"
FRAME_P: tuple[float, float] | None = (0.6, 1.0)  # runs the stock themes publishers run

_WORD = re.compile(r"[A-Za-z]+")


def _match_case(src: str, repl: str) -> str:
    if src.isupper() and len(src) > 1:
        return repl.upper()
    if src[:1].isupper():
        return repl[:1].upper() + repl[1:]
    return repl


def spin_en(rng: random.Random, text: str, rate: float = 0.15) -> str:
    tokens = _WORD.split(text)
    words = _WORD.findall(text)
    cand = [i for i, w in enumerate(words) if w.lower() in W.SYNONYMS]
    n_target = int(round(rate * len(words)))
    rng.shuffle(cand)
    chosen = set(cand[:max(n_target, 1 if cand else 0)])
    out = [tokens[0]]
    for i, w in enumerate(words):
        if i in chosen:
            w = _match_case(w, C.pick(rng, W.SYNONYMS[w.lower()]))
        out.append(w)
        out.append(tokens[i + 1])
    s = "".join(out)
    # shuffle phrasing: sometimes open a sentence with a filler word
    sents = re.split(r"(?<=[.!?])\s+", s)
    for j in range(len(sents)):
        if len(sents[j]) > 40 and C.chance(rng, 0.12):
            first = sents[j]
            sents[j] = C.pick(rng, W.FILLERS["en"]) + " " + (first[:1].lower() + first[1:] if not first[:2].isupper() else first)
    return " ".join(sents)


def spin_other(rng: random.Random, text: str, lang: str, rate: float = 0.1) -> str:
    if lang in ("zh", "ja"):
        # drop or double a few characters / clauses
        parts = re.split(r"([，。、；])", text)
        out = []
        for p in parts:
            if len(p) > 6 and C.chance(rng, rate):
                k = rng.randrange(len(p))
                p = p[:k] + p[k + 1:]
            out.append(p)
        return "".join(out)
    words = text.split(" ")
    out = []
    for w in words:
        r = rng.random()
        if r < rate / 2 and len(words) > 8:
            continue
        out.append(w)
    s = " ".join(out)
    fill = W.FILLERS.get(lang)
    if fill and C.chance(rng, 0.2):
        s = C.pick(rng, fill) + " " + s[:1].lower() + s[1:]
    return s


def spin(rng: random.Random, text: str, lang: str | None, rate: float = 0.15) -> str:
    lg = (lang or "en").split("-")[0].lower()
    if lg == "en":
        return spin_en(rng, text, rate)
    return spin_other(rng, text, lg, rate * 0.7)


def build(article: Article, headlines: list[Headline], rng: random.Random) -> FarmPage:
    lang = C.lang_of_chrome(rng, article, {"en": 6, "de": 1, "es": 1, "fr": 1, "ja": 1})
    site = f"{C.brand_word(rng)}{C.pick(rng, [' Insider', ' Digest', ' Post', ' Trends', 'ly', ' Buzz', ' Journal', ' Hub'])}"
    host = C.farm_host(rng, site, avoid=C.host_of(article.url))
    d = C.page_date(rng, article.date, 1, 400, p_before=0.05)
    url = f"https://{host}/{C.slugify(rng, article.title, article.id)}/"
    t = C.pick_traces(rng, {"byline": 0.85, "trending": 0.7, "may_like": 0.7, "disclaimer": 0.45, "reading": 0.6,
                            "toc": 0.3, "share": 0.6, "faq": 0.15})
    rate = rng.uniform(0.1, 0.2)
    alang = article.lang
    title = spin(rng, article.title, alang, rate) if C.chance(rng, 0.5) else article.title
    if C.chance(rng, 0.2) and (alang or "en").startswith("en"):
        title = C.pick(rng, ["", "Explained: ", "What to Know: ", "Here's Why "]) + title
    paras = [spin(rng, p, alang, rate) for p in C.select_paragraphs(rng, article.paragraphs, p_all=0.7)]
    used: set[str] = set()

    out = [C.doctype(rng), f'<html lang="{C.html_lang_attr(lang)}">', "<head>", C.meta_charset(rng),
           '<meta name="viewport" content="width=device-width,initial-scale=1">',
           f"<title>{C.esc(title)}{C.pick(rng, [' - ', ' | ', ' » '])}{C.esc(site)}</title>",
           f'<meta name="description" content="{C.esc(paras[0][:155])}">',
           '<meta name="robots" content="index, follow, max-image-preview:large">',
           f'<meta property="og:type" content="article"><meta property="og:site_name" content="{C.esc(site)}">',
           f'<link rel="canonical" href="{C.esc(url)}">', C.tracker_script(rng), "</head>",
           f'<body class="{C.pick(rng, ["single", "post-page", "article", "seo-post"])}">']
    out.append(f'<header class="{C.cls(rng, "header")}"><a href="/" class="brand">{C.esc(site)}</a>{C.nav_html(rng, lang, host, theme_p=C.theme_p(rng))}</header>')
    wrap = C.pick(rng, ["main", "div"])
    out.append(f'<{wrap} class="{C.cls(rng, "main")}"><article class="{C.pick(rng, ["post", "entry", "story", "article"])}">')
    if C.chance(rng, 0.5):
        out.append(f'<div class="cat"><a href="/category/{rng.randint(1, 30)}">{C.esc(C.pick(rng, W.CATEGORIES.get(lang, W.CATEGORIES["en"])))}</a></div>')
    out.append(f"<h1>{C.esc(title)}</h1>")
    meta = []
    if t["byline"]:
        # AI content sites sign with made-up writer personas as often as with desk names
        r = rng.random()
        by = C.person(rng, lang) if r < 0.4 else C.pick(rng, W.SPUN_BYLINES) if r < 0.8 else f"{site} {C.pick(rng, ['Staff', 'Team', 'Desk'])}"
        meta.append(f'<span class="author">{C.pick(rng, ["By", "by", "Written by", ""])} {C.esc(by)}</span>')
    meta.append(f'<span class="date">{C.esc(C.fmt_date(rng, d, lang, time=False))}</span>')
    if t["reading"]:
        mins = max(1, sum(len(p.split()) for p in paras) // 220)
        meta.append(f'<span class="rt">{mins} {C.pick(rng, ["min read", "minute read", "mins read"])}</span>' if lang == "en"
                    else f'<span class="rt">{mins} min</span>')
    out.append(f'<div class="{C.cls(rng, "info")}">' + " · ".join(meta) + "</div>")
    if t["share"]:
        out.append(f'<div class="share">{C.chrome(rng, lang, "share")} <a href="#">Facebook</a> <a href="#">X</a> <a href="#">Pinterest</a> <a href="#">Email</a></div>')
    if t["toc"] and len(paras) >= 4:
        heads = [" ".join(p.split()[:rng.randint(3, 6)]).rstrip(",.;:") for p in paras[::max(2, len(paras) // 3)]][:4]
        out.append('<nav class="toc"><p class="toc-title">' + C.pick(rng, ["Table of Contents", "Contents", "In this article"]) + "</p><ol>"
                   + "".join(f'<li><a href="#s{i}">{C.esc(h)}</a></li>' for i, h in enumerate(heads)) + "</ol></nav>")
    body_html = []
    for i, p in enumerate(paras):
        if t["toc"] and i and i % max(2, len(paras) // 3) == 0:
            body_html.append(f'<h2 id="s{i}">{C.esc(" ".join(p.split()[:rng.randint(3, 6)]).rstrip(",.;:"))}</h2>')
        body_html.append(f"<p>{C.esc(p)}</p>")
        if i == 1 and C.chance(rng, 0.4):
            body_html.append(C.ad_slot(rng))
    out.append(f'<div class="{C.cls(rng, "content")}">\n' + "\n".join(body_html) + "\n</div>")
    if t["faq"] and lang == "en":
        out.append(f'<section class="faq"><h2>FAQ</h2><h3>What happened?</h3><p>{C.esc(paras[0][:180])}</p></section>')
    if t["disclaimer"]:
        out.append(f'<p class="{C.pick(rng, ["disclaimer", "note", "editorial-note"])}"><em>{C.esc(C.pick(rng, W.SPUN_DISCLAIMERS))}</em></p>')
    out.append("</article>")
    style = C.block_style(rng, variant=C.pick(rng, ["div", "ul", "ol"]))
    for key in [k for k in ("trending", "may_like") if t[k]]:
        heading = C.chrome(rng, lang, "hot" if key == "trending" else "may_like")
        if key == "trending" and lang == "en":
            heading = C.pick(rng, ["Trending", "Trending Now", "Trending Stories"])
        hs = C.pick_headlines(rng, headlines, rng.randint(4, 9), used, lang, ad_p=0.3)
        items = C.block_items(rng, hs, host, "other", date_p=0.3, lang=lang)
        out.append(C.render_link_block(rng, heading, items, style=style))
    out.append(f"</{wrap}>")
    out.append(C.footer_html(rng, lang, site, d.year, theme_p=C.theme_p(rng)))
    out.append("</body></html>")
    return FarmPage(FAMILY, "\n".join(x for x in out if x), "html", url, article.id)
