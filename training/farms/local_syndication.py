"""A local paper running another outlet's or an agency's story under a desk byline.

Traces: a byline that is a desk or an agency, not a person ("Staff and wire reports", "From wire
services", "Agence France-Presse", "Redaktion"), a line naming the original outlet or its URL at
the top, inside the text or at the end ("This story was originally published by …"), a wire
kicker, blocks of the paper's local headlines. Rates drawn per page; the outlet is always named
once.
"""

from __future__ import annotations

import random

from . import common as C
from . import repost as R
from .model import Article, FarmPage, Headline

FAMILY = "local_syndication"
FRAME_P: tuple[float, float] | None = (0.6, 1.0)  # local papers run the newspaper themes of their group
LANGS = ("en", "de", "es", "fr", "it")


def build(article: Article, headlines: list[Headline], rng: random.Random) -> FarmPage:
    own = (article.lang or "").split("-")[0]
    lang = own if own in LANGS and C.chance(rng, rng.uniform(0.4, 1.0)) else C.pick(rng, ["en", "en", "en", "de", "es", "fr", "it"])
    data = R.data()
    site = C.newspaper_name(rng)
    host = C.farm_host(rng, site, avoid=C.host_of(article.url))
    outlet, _, orig_url = C.original_ref(rng, article)
    d = C.page_date(rng, article.date, 0, 5, p_before=0.01)
    t = C.pick_traces(rng, {"desk": 0.85, "kicker": 0.5, "author_too": 0.25, "second_line": 0.3}, min_n=1)
    line = R.fill(C.pick(rng, R.words(data["source_lines"], lang)), outlet=outlet, url=orig_url, year=d.year)
    where = C.pick(rng, ["top", "inline", "tail", "tail"])
    top = [C.fmt_date(rng, d, lang if lang != "it" else "en", time=C.chance(rng, 0.5))]
    if t["desk"]:
        desk = C.pick(rng, R.words(data["desks"], lang))
        top.insert(0, C.pick(rng, ["By ", "", "", "— "]) + (f"{article.author} and {desk}" if t["author_too"] and article.author else desk))
    if t["kicker"]:
        top.insert(0, C.pick(rng, R.words(data["syndication_kicker"], lang)))
    lines = [line] + ([R.fill(C.pick(rng, R.words(data["source_lines"], lang)), outlet=outlet, url=orig_url, year=d.year)]
                      if t["second_line"] else [])
    title = C.vary_title(rng, article.title, lang, p=0.15)
    body = R.article_html(rng, title, top + lines * (where == "top"), C.select_paragraphs(rng, article.paragraphs, p_all=0.7),
                          lines * (where == "tail"), inline=lines * (where == "inline"))
    blocks = R.headline_blocks(rng, headlines, host, lang, R.words(data["local_blocks"], lang))
    head = [f'<meta name="author" content="{C.esc(C.pick(rng, R.words(data["desks"], lang)))}">'] if C.chance(rng, 0.3) else []
    content = R.page(rng, lang=lang, title=title, site=site, host=host, head=head, article=body, blocks=blocks, year=d.year)
    return FarmPage(FAMILY, content, "html", C.internal_url(rng, host, d, C.pick(rng, ["wp", "cms", "other"])), article.id)
