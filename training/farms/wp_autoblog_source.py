"""WordPress auto-blog with source links and repost disclaimers.

Traces: magazine-theme WordPress markup (td-post-title / tdb / jeg-like class
names, wp-content paths), "Source: <a>Original</a>" / "Originally published at"
/ "Read more at" lines, repost disclaimer (en/es/fr/de/zh), admin/Editor byline,
unfilled auto-blog placeholders (rare), canonical to the original (addon).
"""

from __future__ import annotations

import random

from . import common as C
from . import words as W
from . import wp as WP
from .model import Article, FarmPage, Headline

FAMILY = "wp_autoblog_source"
FRAME_P: tuple[float, float] | None = (0.6, 1.0)  # runs the stock themes publishers run

_SOURCE_LINES = {
    "en": ["Source: {a}", "Source link: {a}", "Originally published at {a}", "Read more at {a}",
           "This article was originally published on {a}", "Read the original article on {a}", "via {a}"],
    "de": ["Quelle: {a}", "Zuerst erschienen bei {a}", "Weiterlesen bei {a}"],
    "es": ["Fuente: {a}", "Publicado originalmente en {a}", "Leer más en {a}"],
    "fr": ["Source : {a}", "Publié à l'origine sur {a}", "Lire la suite sur {a}"],
}


def build(article: Article, headlines: list[Headline], rng: random.Random) -> FarmPage:
    lang = C.lang_of_chrome(rng, article, {"en": 5, "de": 1, "es": 1, "fr": 1})
    site = WP.blog_name(rng)
    host = C.farm_host(rng, site, avoid=C.host_of(article.url))
    orig_name, orig_root, orig_url = C.original_ref(rng, article)
    d = C.page_date(rng, article.date, 0, 120, p_before=0.03)
    slug = C.slugify(rng, article.title, article.id)
    url = f"https://{host}/{slug}/" if C.chance(rng, 0.6) else f"https://{host}/{C.pick(rng, ['news', 'world', 'post'])}/{slug}-{rng.randint(100, 99999)}/"
    t = C.pick_traces(rng, {"source_line": 0.85, "second_line": 0.35, "disclaimer": 0.5, "placeholder": 0.06,
                            "canonical_orig": 0.2, "admin": 0.8, "generator": 0.5, "imported": 0.2})
    theme = C.pick(rng, ["newspaper", "jnews", "soledad", "newsmag", "zox-news", "covernews", "morenews"])
    pid = WP.post_id(rng)
    cslug = WP.cat_slug(rng)
    title = C.vary_title(rng, article.title, article.lang, p=0.15)
    paras = C.select_paragraphs(rng, article.paragraphs, p_all=0.6)
    used: set[str] = set()
    byline = C.pick(rng, ["admin", "Editor", "editor", "Admin", "News Editor"]) if t["admin"] else C.pick(rng, W.GENERIC_BYLINES)
    if article.author and C.chance(rng, 0.3):  # feed importers can keep the item's dc:creator
        byline = article.author

    canon = orig_url if t["canonical_orig"] else url
    extra = [f'<link rel="canonical" href="{C.esc(canon)}" />',
             '<meta property="og:type" content="article" />', f'<meta property="og:title" content="{C.esc(title)}" />',
             f'<meta property="article:published_time" content="{C.iso_datetime(rng, d)}" />' if C.chance(rng, 0.6) else ""]
    out = WP.head(rng, title, site, host, lang, theme, extra, t["generator"])
    out.append(WP.body_open(rng, pid, cslug))
    # magazine-style header
    pre = C.pick(rng, ["td", "jeg", "penci", "tdb", "mvp", "cm"])
    out.append(f'<div class="{pre}-header-wrap"><div class="{pre}-logo"><a href="https://{host}/"><img src="https://{host}/wp-content/uploads/{d.year}/{d.month:02d}/logo.png" alt="{C.esc(site)}"></a></div>'
               + C.nav_html(rng, lang, host, theme_p=C.theme_p(rng)) + "</div>")
    if C.chance(rng, 0.4):
        out.append(C.ad_slot(rng))
    out.append(f'<div class="{pre}-main-content"><div class="{pre}-container">')
    out.append(WP.article_open(rng, pid, cslug))
    out.append(f'<div class="{pre}-post-header"><ul class="{pre}-category"><li><a href="https://{host}/category/{cslug}/">{C.esc(cslug.replace("-", " ").title())}</a></li></ul>'
               f'<header class="{pre}-post-title"><h1 class="entry-title">{C.esc(title)}</h1></header>'
               f'<div class="{pre}-module-meta-info"><div class="{pre}-post-author-name">{C.pick(rng, ["By", "by", ""])} <a href="https://{host}/author/{C.esc(byline.lower().replace(" ", "-"))}/">{C.esc(byline)}</a></div>'
               f'<span class="{pre}-post-date"><time class="entry-date updated" datetime="{C.iso_datetime(rng, d)}">{C.esc(C.fmt_date(rng, d, lang, time=False))}</time></span>'
               + (f'<div class="{pre}-post-views">{rng.randint(3, 5000)}</div>' if C.chance(rng, 0.5) else "") + "</div></div>")
    out.append(f'<div class="{pre}-post-content entry-content">')
    a = f'<a href="{C.esc(orig_url)}" target="_blank" rel="{C.pick(rng, ["nofollow", "noopener", "nofollow noopener"])}">{C.esc(orig_name if C.chance(rng, 0.7) else orig_url)}</a>'
    lines = _SOURCE_LINES.get(lang, _SOURCE_LINES["en"])
    src_line = f"<p>{C.pick(rng, lines).format(a=a)}</p>" if t["source_line"] else ""
    top = C.chance(rng, 0.25)
    if src_line and top:
        out.append(src_line)
    out.append(C.paras_html(rng, paras, indent=False))
    if src_line and not top:
        out.append(src_line)
    if t["second_line"]:
        out.append(f"<p>{C.pick(rng, lines).format(a=a)}</p>")
    if t["imported"]:
        out.append(f'<p class="autoblog-meta">{C.pick(rng, ["Imported from", "Feed:", "Via feed"])} <a href="{C.esc(orig_root)}feed/">{C.esc(orig_name)}</a>'
                   f' {C.pick(rng, ["on", "at"])} {C.fmt_date(rng, d, "en", time=True, style="iso")}</p>')
    if t["placeholder"]:
        ph = C.pick(rng, ["%ORIGINALPOSTURL%", "%FEEDTITLE%", "%ORIGINALAUTHORNAME%", "%FEEDURL%", "%POSTIMPORTEDTIME%"])
        out.append(f"<p>{C.pick(rng, ['Source', 'Original', 'Author'])}: {ph}</p>")
    out.append("</div>")
    if t["disclaimer"]:
        dl = lang if lang in W.DISCLAIMERS else C.pick(rng, ["en", "es", "fr", "de"])
        if C.chance(rng, 0.2):
            dl = C.pick(rng, ["en", "es", "fr", "de", "zh"])
        out.append(f'<div class="{C.pick(rng, ["disclaimer", "post-disclaimer", "copyright-notice", "repost-note"])}"><p>'
                   f'{C.esc(C.pick(rng, W.DISCLAIMERS[dl]).format(email=C.email_for(rng, host)))}</p></div>')
    if C.chance(rng, 0.6):
        out.append(f'<div class="{pre}-post-sharing">{C.chrome(rng, lang, "share")} <a href="#">Facebook</a> <a href="#">Twitter</a> <a href="#">WhatsApp</a>'
                   + (' <a href="#">Telegram</a>' if C.chance(rng, 0.5) else "") + "</div>")
    out.append("</article>")
    # related / more blocks
    style = C.block_style(rng, variant=C.pick(rng, ["div", "ul"]), block_cls=f"{pre}-related-{C.pick(rng, ['row', 'block', 'posts'])}")
    for key in [k for k in ("related", "may_like", "latest") if C.chance(rng, 0.55)] or ["related"]:
        hs = C.pick_headlines(rng, headlines, rng.randint(4, 9), used, lang, ad_p=0.2)
        items = C.block_items(rng, hs, host, "wp", date_p=0.5, lang=lang)
        out.append(C.render_link_block(rng, C.chrome(rng, lang, key), items, style=style))
    out.append("</div></div>")
    if C.chance(rng, 0.5):
        out.append(WP.sidebar(rng, headlines, used, host, d, lang))
    out.append(WP.footer(rng, site, d.year, lang))
    out.append("</body></html>")
    return FarmPage(FAMILY, "\n".join(x for x in out if x), "html", url, article.id)
