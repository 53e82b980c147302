"""Made-for-advertising site: a copied article framed by clouds of commercial keyword anchors.

Traces: blocks of many short anchors, each a commercial head term with a modifier ("best payday
loans 2024", "cheap car insurance near me", "buy … online"), in the sidebar, under the article and
in the footer, not only inside the text; headings like "Popular searches", "Sponsored links"; ad
slots. The number of clouds, their size, language and place are drawn per page.
"""

from __future__ import annotations

import random

from . import common as C
from . import repost as R
from . import wp
from .model import Article, FarmPage, Headline

FAMILY = "ad_keyword_farm"
FRAME_P: tuple[float, float] | None = (0.6, 1.0)  # ad farms buy the same magazine themes as publishers
CLOUD_CLASSES = ["related-searches", "sponsored", "tagcloud", "kw-box", "widget", "popular-searches", "links"]


def _anchor(rng: random.Random, lang: str, year: int) -> str:
    data = R.data()
    head = C.pick(rng, R.words(data["ad_heads"], lang))
    return R.fill(C.pick(rng, R.words(data["ad_modifiers"], lang)), head=head, year=year,
                  city=C.pick(rng, R.words(data["ad_cities"], lang)))


def _href(rng: random.Random, host: str, text: str) -> str:
    slug = C.slugify(rng, text, "q")
    return C.pick(rng, [f"https://{host}/search?q={slug}", f"/{slug}/", f"https://{C.farm_host(rng, subdomain_p=0.2)}/{slug}",
                        f"https://{host}/go/{C.rand_id(rng, 6)}?kw={slug}"])


def cloud(rng: random.Random, lang: str, host: str, year: int) -> str:
    """One block of keyword anchors under an ad heading, as a list, a row or a tag cloud."""
    texts = list(dict.fromkeys(_anchor(rng, lang, year) for _ in range(rng.randint(6, 30))))
    links = [f'<a href="{C.esc(_href(rng, host, x))}" rel="{C.pick(rng, ["nofollow", "sponsored", "", ""])}">{C.esc(x)}</a>' for x in texts]
    heading, tag = C.pick(rng, R.words(R.data()["ad_headings"], lang)), C.pick(rng, ["h3", "h4", "div", "strong"])
    inner = C.pick(rng, ["<ul>" + "".join(f"<li>{a}</li>" for a in links) + "</ul>",
                         C.pick(rng, [" · ", " | ", ", ", " "]).join(links)])
    return f'<div class="{C.pick(rng, CLOUD_CLASSES)}"><{tag}>{C.esc(heading)}</{tag}>{inner}</div>'


def build(article: Article, headlines: list[Headline], rng: random.Random) -> FarmPage:
    own = (article.lang or "").split("-")[0]
    langs = list(R.data()["ad_heads"])
    lang = own if own in langs and C.chance(rng, rng.uniform(0.3, 0.9)) else C.pick(rng, ["en", "en", "en"] + langs)
    site = wp.blog_name(rng)
    host = C.farm_host(rng, site, avoid=C.host_of(article.url))
    d = C.page_date(rng, article.date, 0, 200, p_before=0.03)
    clouds = [cloud(rng, lang, host, d.year) for _ in range(rng.randint(1, 5))]
    tail = [] if C.chance(rng, 0.6) else [" ".join(_anchor(rng, lang, d.year) for _ in range(rng.randint(2, 6)))]
    title = C.vary_title(rng, article.title, article.lang, p=0.2)
    body = R.article_html(rng, title, [C.fmt_date(rng, d, "en", time=False)] + [C.brand_byline(rng)] * C.chance(rng, 0.4),
                          C.select_paragraphs(rng, article.paragraphs, p_all=0.7), tail)
    ads = [C.ad_slot(rng) for _ in range(rng.randint(0, 4))]
    blocks = clouds + ads + R.headline_blocks(rng, headlines, host, "en", ["Trending", "Latest posts", "You may also like"], most=2)
    head = [f'<meta name="keywords" content="{C.esc(", ".join(_anchor(rng, lang, d.year) for _ in range(rng.randint(3, 10))))}">'] \
        if C.chance(rng, 0.5) else []
    footer = cloud(rng, lang, host, d.year) if C.chance(rng, rng.uniform(0.3, 0.9)) else ""
    content = R.page(rng, lang="en", title=title, site=site, host=host, head=head, article=body, blocks=blocks, year=d.year,
                     footer=footer)
    return FarmPage(FAMILY, content, "html", C.internal_url(rng, host, d, "wp"), article.id)
