"""Link-farm page: the copied text salted with commercial keyword anchors and
buried under huge link blocks.

Traces: keyword anchors (casino, loans, essays ...) inserted into the
paragraphs pointing to many different domains, "Partners" / "Friends links"
/ "Popular searches" / tag-cloud blocks with dozens of links, hidden link
divs, a blogroll; low share of main text on the page.
"""

from __future__ import annotations

import random

from . import common as C
from . import words as W
from .model import Article, FarmPage, Headline

FAMILY = "link_farm"
FRAME_P: tuple[float, float] | None = (0.6, 1.0)  # runs the stock themes publishers run


def _spam_url(rng: random.Random, kind: str) -> str:
    host = C.farm_host(rng, kind + C.pick(rng, ["", "pro", "best", "top", "online", "4u", "hub"]), subdomain_p=0.2)
    return f"https://{host}/" + C.pick(rng, ["", "", f"{kind}/", f"?ref={C.rand_id(rng, 6)}", f"go/{rng.randint(1, 999)}"])


def _anchor(rng: random.Random) -> str:
    kw, kind = C.pick(rng, W.SPAM_KEYWORDS)
    rel = C.pick(rng, ["", "", ' rel="dofollow"', ' target="_blank"'])
    return f'<a href="{C.esc(_spam_url(rng, kind))}"{rel}>{C.esc(kw)}</a>'


def _salt(rng: random.Random, para: str, n: int) -> str:
    """Escape a paragraph and insert n keyword anchors at word boundaries."""
    words = para.split(" ")
    if len(words) < 6:
        return C.esc(para) + (" " + _anchor(rng) if n else "")
    pos = sorted(rng.sample(range(1, len(words)), min(n, len(words) - 1)))
    out, last = [], 0
    for p in pos:
        out.append(C.esc(" ".join(words[last:p])))
        out.append(_anchor(rng))
        last = p
    out.append(C.esc(" ".join(words[last:])))
    return " ".join(out)


def build(article: Article, headlines: list[Headline], rng: random.Random) -> FarmPage:
    lang = C.lang_of_chrome(rng, article, {"en": 6, "zh": 1, "de": 1, "es": 1, "fr": 1})
    site = C.pick(rng, [C.business_name(rng, "en"), f"{C.brand_word(rng)} {C.pick(rng, ['Blog', 'Magazine', 'Online', 'Review', 'Network'])}"])
    host = C.farm_host(rng, site, avoid=C.host_of(article.url))
    d = C.page_date(rng, article.date, 5, 1500, p_before=0.08)
    url = f"https://{host}/{C.pick(rng, ['blog', 'article', 'posts', 'p'])}/{C.slugify(rng, article.title, article.id)}.html"
    t = C.pick_traces(rng, {"anchors": 0.9, "partners": 0.85, "friends": 0.7, "popular": 0.7, "tags": 0.5,
                            "hidden": 0.3, "blogroll": 0.5}, min_n=3)
    title = C.vary_title(rng, article.title, article.lang, p=0.2)
    paras = C.select_paragraphs(rng, article.paragraphs, p_all=0.6)
    used: set[str] = set()

    out = [C.doctype(rng), f'<html lang="{C.html_lang_attr(lang)}">', "<head>", C.meta_charset(rng),
           f"<title>{C.esc(title)}{C.pick(rng, [' - ', ' | ', '_'])}{C.esc(site)}</title>",
           f'<meta name="keywords" content="{C.esc(", ".join(k for k, _ in rng.sample(W.SPAM_KEYWORDS, 6)))}">',
           f'<meta name="description" content="{C.esc(paras[0][:150])}">', C.tracker_script(rng), "</head>",
           f'<body class="{C.pick(rng, ["post", "blog", "article", "page"])}">']
    out.append(f'<div class="{C.cls(rng, "header")}"><h2 class="site-name"><a href="/">{C.esc(site)}</a></h2></div>')
    out.append(C.nav_html(rng, lang, host, theme_p=C.theme_p(rng)))
    out.append(f'<div class="{C.cls(rng, "wrap")}"><div class="{C.cls(rng, "main")}">')
    out.append(f"<h1>{C.esc(title)}</h1>")
    out.append(f'<div class="{C.cls(rng, "info")}">{C.chrome(rng, lang, "posted")} {C.esc(C.fmt_date(rng, d, lang))}'
               f' {C.chrome(rng, lang, "author")} {C.esc(C.person(rng, lang) if C.chance(rng, 0.4) else C.pick(rng, W.GENERIC_BYLINES))}</div>')  # guest posts carry a name
    body = []
    density = rng.randint(1, 3)
    for p in paras:
        n = (density if C.chance(rng, 0.7) else 0) if t["anchors"] else 0
        body.append(f"<p>{_salt(rng, p, n)}</p>")
    out.append(f'<div class="{C.cls(rng, "content")}">\n' + "\n".join(body) + "\n</div>")
    if t["tags"]:
        kws = rng.sample(W.SPAM_KEYWORDS, rng.randint(6, 14))
        out.append(f'<div class="tags">{C.chrome(rng, lang, "tags")} ' + ", ".join(
            f'<a href="/tag/{C.esc(k.replace(" ", "-"))}/">{C.esc(k)}</a>' for k, _ in kws) + "</div>")
    out.append("</div>")
    # sidebar
    out.append(f'<div class="{C.cls(rng, "side")}">')
    hs = C.pick_headlines(rng, headlines, rng.randint(5, 10), used, lang, ad_p=0.4)
    items = C.block_items(rng, hs, host, "other", date_p=0.3, lang=lang)
    out.append(C.render_link_block(rng, C.chrome(rng, lang, C.pick(rng, ["latest", "hot", "related"])), items))
    if t["blogroll"]:
        out.append('<div class="blogroll"><h3>Blogroll</h3><ul>' + "".join(
            f'<li><a href="{C.esc(_spam_url(rng, kind))}">{C.esc(k.title())}</a></li>' for k, kind in rng.sample(W.SPAM_KEYWORDS, rng.randint(5, 12)))
            + "</ul></div>")
    out.append("</div></div>")
    # huge footer link blocks
    footer_blocks = []
    for key, present in (("partners", t["partners"]), ("friends", t["friends"]), ("popular", t["popular"])):
        if not present:
            continue
        n = rng.randint(20, 70)
        if key == "popular":
            heading = C.chrome(rng, lang, "popular")
            links = [(f"{C.pick(rng, W.SPAM_KEYWORDS)[0]} {C.pick(rng, ['2024', 'near me', 'online', 'free', 'best', 'reviews', 'uk', 'usa', 'no deposit'])}",
                      f"/search/{C.rand_id(rng, 6)}") for _ in range(n)]
        else:
            heading = C.chrome(rng, lang, "partners") if key == "partners" else C.pick(rng, ["Friends links", "Friend Links", "友情链接", "Links"])
            links = []
            for _ in range(n):
                kw, kind = C.pick(rng, W.SPAM_KEYWORDS)
                links.append((C.pick(rng, [kw.title(), C.farm_host(rng, kind, subdomain_p=0), C.business_name(rng, "en")]), _spam_url(rng, kind)))
        sep = C.pick(rng, [" | ", " ", " · ", "\n"])
        if C.chance(rng, 0.5):
            inner = sep.join(f'<a href="{C.esc(u)}" target="_blank">{C.esc(x)}</a>' for x, u in links)
            footer_blocks.append(f'<div class="{C.pick(rng, ["flink", "links", "partners", "footer-links"])}"><h4>{C.esc(heading)}</h4><p>{inner}</p></div>')
        else:
            footer_blocks.append(f'<div class="{C.pick(rng, ["flink", "links", "partners", "footer-links"])}"><h4>{C.esc(heading)}</h4><ul>'
                                 + "".join(f'<li><a href="{C.esc(u)}">{C.esc(x)}</a></li>' for x, u in links) + "</ul></div>")
    out.extend(footer_blocks)
    if t["hidden"]:
        hid = C.pick(rng, ['style="display:none"', 'style="position:absolute;left:-9999px"', 'style="height:0;overflow:hidden"'])
        out.append(f"<div {hid}>" + " ".join(_anchor(rng) for _ in range(rng.randint(10, 40))) + "</div>")
    out.append(C.footer_html(rng, lang, site, d.year, theme_p=C.theme_p(rng)))
    out.append("</body></html>")
    return FarmPage(FAMILY, "\n".join(x for x in out if x), "html", url, article.id)
