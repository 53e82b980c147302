"""Chinese, Russian and Polish portals reposting another outlet's article.

Traces: a credit line naming the outlet above the text (来源：, Источник:, Źródło:), a closing
repost notice or the original's URL (本文转载自…, Оригинал статьи:, Artykuł pochodzi z…), the
portal's own editor byline (责任编辑：, Редактор:, Opracowanie:), view counts, blocks of the portal's
other headlines. Each appears with a rate drawn per page; at least one credit names the outlet.
"""

from __future__ import annotations

import random

from . import common as C
from . import repost as R
from .model import Article, FarmPage, Headline

FAMILY = "portal_repost"
FRAME_P: tuple[float, float] | None = (0.5, 0.95)  # portals run their own big themes, rarely ours
LANGS = ("zh", "ru", "pl")


def _editor(rng: random.Random, lang: str) -> str:
    if lang == "zh":
        return C.person(rng, "zh")
    names = R.data()["names"][lang]
    return f'{C.pick(rng, names["first"])} {C.pick(rng, names["last"])}'


def build(article: Article, headlines: list[Headline], rng: random.Random) -> FarmPage:
    own = (article.lang or "").split("-")[0]
    lang = own if own in LANGS and C.chance(rng, rng.uniform(0.5, 1.0)) else C.pick(rng, LANGS)
    vocab = R.data()["portal"][lang]
    site = C.pick(rng, R.data()["portal_stems"][lang]) + C.pick(rng, ["", " ", ""]) * (lang != "zh") + C.pick(rng, vocab["portal_suffix"])
    host = C.zh_host(rng, avoid=C.host_of(article.url)) if lang == "zh" else C.farm_host(rng, site, avoid=C.host_of(article.url))
    outlet, _, orig_url = C.original_ref(rng, article)
    d = C.page_date(rng, article.date, 0, 30, p_before=0.0)
    values = {"outlet": outlet, "url": orig_url, "author": article.author or outlet, "name": _editor(rng, lang)}
    t = C.pick_traces(rng, {"credit_top": 0.75, "credit_end": 0.6, "editor": 0.7, "views": 0.5, "share": 0.4}, min_n=2)
    if not (t["credit_top"] or t["credit_end"]):
        t[C.pick(rng, ["credit_top", "credit_end"])] = True
    top = [C.fmt_date(rng, d, "zh" if lang == "zh" else "en", time=C.chance(rng, 0.6))]
    if t["credit_top"]:
        top.insert(rng.randint(0, 1), R.fill(C.pick(rng, vocab["credit_top"]), **values))
    if t["views"]:
        top.append(R.fill(C.pick(rng, vocab["views"]), n=rng.randint(3, 90000)))
    tail = [R.fill(C.pick(rng, vocab["credit_end"]), **values)] if t["credit_end"] else []
    if t["editor"]:
        tail.insert(rng.randint(0, len(tail)), R.fill(C.pick(rng, vocab["editor"]), **values))
    if t["share"]:
        tail.append(" ".join(rng.sample(vocab["share"], rng.randint(1, len(vocab["share"])))))
    title = C.vary_title(rng, article.title, lang, p=0.2)
    url = C.internal_url(rng, host, d, C.pick(rng, ["dede", "cms", "other"]))
    body = R.article_html(rng, title, top, C.select_paragraphs(rng, article.paragraphs, p_all=0.75), tail)
    blocks = R.headline_blocks(rng, headlines, host, lang, vocab["blocks"], most=4)
    content = R.page(rng, lang=lang, title=title, site=site, host=host, head=[], article=body, blocks=blocks,
                     year=d.year, menu=vocab["categories"] if C.chance(rng, 0.7) else None)
    return FarmPage(FAMILY, content, "html", url, article.id)
