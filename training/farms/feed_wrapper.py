"""Feed-reader and aggregator wrapper: another outlet's story shown inside a reader's page.

Traces: links to the story through a feed redirector (feedproxy, feedburner, Google News, Inoreader,
Feedly …), a "via <outlet>" chip and a "Read full article" link, the original's canonical / og:url /
JSON-LD url kept, the reader's own buttons (mark as read, save). The text is the full story or only
its first paragraphs; rates and shares are drawn per page.
"""

from __future__ import annotations

import json
import random
import string

from . import common as C
from . import repost as R
from .model import Article, FarmPage, Headline

FAMILY = "feed_wrapper"
FRAME_P: tuple[float, float] | None = (0.4, 0.9)  # readers have app shells, aggregating blogs run themes
LANGS = ("en", "de", "es", "fr")


def redirector(rng: random.Random, outlet: str, title: str) -> str:
    """A feed redirector's address for a story (the reader never links the outlet directly)."""
    return R.fill(C.pick(rng, R.data()["feeds"]["redirectors"]),
                  feed=C.rand_id(rng, rng.randint(5, 12), string.ascii_letters), id=C.rand_id(rng, 10),
                  slug=C.slugify(rng, title, "story"), gid="CBMi" + C.rand_id(rng, 40, string.ascii_letters + string.digits),
                  hex=C.rand_id(rng, 16, "0123456789abcdef"), n=rng.randint(10**6, 10**8))


def build(article: Article, headlines: list[Headline], rng: random.Random) -> FarmPage:
    own = (article.lang or "").split("-")[0]
    lang = own if own in LANGS and C.chance(rng, rng.uniform(0.4, 1.0)) else C.pick(rng, ["en", "en", "de", "es", "fr"])
    feeds = R.data()["feeds"]
    site = f'{C.brand_word(rng)} {C.pick(rng, feeds["reader_words"])}'
    host = C.farm_host(rng, site, avoid=C.host_of(article.url))
    outlet, _, orig_url = C.original_ref(rng, article)
    d = C.page_date(rng, article.date, 0, 2, p_before=0.0)
    t = C.pick_traces(rng, {"canonical": 0.6, "og_url": 0.5, "jsonld": 0.35, "via": 0.8, "read_more": 0.8, "excerpt": 0.45,
                            "buttons": 0.6}, min_n=3)
    if not (t["canonical"] or t["og_url"] or t["jsonld"]):
        t[C.pick(rng, ["canonical", "og_url", "jsonld"])] = True
    go = redirector(rng, outlet, article.title)
    head = [f'<link rel="canonical" href="{C.esc(orig_url)}">' if t["canonical"] else "",
            f'<meta property="og:url" content="{C.esc(orig_url)}">' if t["og_url"] else ""]
    if t["jsonld"]:
        head.append('<script type="application/ld+json">' + json.dumps(
            {"@context": "https://schema.org", "@type": "NewsArticle", "headline": article.title, "url": orig_url,
             "publisher": {"@type": "Organization", "name": outlet}}, ensure_ascii=False) + "</script>")
    paras = C.select_paragraphs(rng, article.paragraphs, p_all=0.7)
    if t["excerpt"]:
        paras = paras[: rng.randint(1, 3)]
    top = [C.fmt_date(rng, d, lang, time=True)]
    if t["via"]:
        top.insert(0, R.fill(C.pick(rng, R.words(feeds["via"], lang)), outlet=outlet))
    tail: list = [(R.fill(C.pick(rng, R.words(feeds["read_more"], lang)), outlet=outlet), go)] if t["read_more"] else []
    if t["buttons"]:
        tail.append(" · ".join(rng.sample(R.words(feeds["chrome"], lang), rng.randint(2, 4))))
    body = R.article_html(rng, article.title, top, paras, tail, href=go)
    blocks = [_feed_block(rng, headlines, lang) for _ in range(rng.randint(0, 3))]
    content = R.page(rng, lang=lang, title=article.title, site=site, host=host, head=[x for x in head if x], article=body,
                     blocks=blocks, year=d.year, menu=R.words(feeds["chrome"], lang) if C.chance(rng, 0.5) else None)
    return FarmPage(FAMILY, content, "html", f"https://{host}/{C.pick(rng, ['item', 'story', 'a', 'entry'])}/{C.rand_id(rng, 12)}", article.id)


def _feed_block(rng: random.Random, headlines: list[Headline], lang: str) -> str:
    """Other stories of the reader's stream, each through a redirector and with its source's name."""
    hs = C.pick_headlines(rng, headlines, rng.randint(3, 10), None, "en", ad_p=0.0)
    rows = "".join(f'<li><a href="{C.esc(redirector(rng, "", h.title))}">{C.esc(h.title)}</a> '
                   f'<span class="src">{C.esc(C.newspaper_name(rng))}</span></li>' for h in hs)
    return f'<div class="{C.pick(rng, ["stream", "river", "cards", "feed-list"])}"><h3>{C.esc(C.pick(rng, R.words(R.data()["feeds"]["chrome"], lang)[:3]))}</h3><ul>{rows}</ul></div>'
