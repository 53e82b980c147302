"""WordPress auto-blog fed by RSS, keeping the SEO plugin's feed footer.

Traces: WordPress markup (wp-content paths, generator meta, entry-title,
entry-content, hentry/category-uncategorized), "The post <a>TITLE</a> appeared
first on <a>Original Site</a>." footer, "Related Posts" block, admin/feed
author, archive widgets.
"""

from __future__ import annotations

import random

from . import common as C
from . import wp as WP
from .model import Article, FarmPage, Headline

FAMILY = "wp_autoblog_appeared"
FRAME_P: tuple[float, float] | None = (0.6, 1.0)  # runs the stock themes publishers run


def build(article: Article, headlines: list[Headline], rng: random.Random) -> FarmPage:
    lang = C.lang_of_chrome(rng, article, {"en": 6, "de": 1, "es": 1, "fr": 1})
    site = WP.blog_name(rng)
    host = C.farm_host(rng, site, avoid=C.host_of(article.url))
    orig_name, orig_root, orig_url = C.original_ref(rng, article)
    d = C.page_date(rng, article.date, 0, 30, p_before=0.02)
    slug = C.slugify(rng, article.title, article.id)
    url = f"https://{host}/{d:%Y/%m/%d}/{slug}/" if C.chance(rng, 0.6) else f"https://{host}/{slug}/"
    t = C.pick_traces(rng, {"appeared": 0.85, "generator": 0.6, "related": 0.7, "feed_author": 0.6,
                            "sidebar": 0.7, "uncategorized": 0.5})
    theme = C.pick(rng, C.W.WP_THEMES)
    pid = WP.post_id(rng)
    cslug = "uncategorized" if t["uncategorized"] else WP.cat_slug(rng)
    title = article.title
    paras = C.select_paragraphs(rng, article.paragraphs, p_all=0.6)
    used: set[str] = set()
    author = (article.author if article.author and C.chance(rng, 0.3) else C.pick(rng, ["admin", "admin", "rssfeed", "autoblog", "Editor", "newsbot"])) \
        if t["feed_author"] else C.pick(rng, ["Jessica", "Mark", "Staff", "Editor"])

    extra = [f'<link rel="canonical" href="{C.esc(url)}" />', f'<meta property="og:title" content="{C.esc(title)}" />',
             f'<meta property="og:site_name" content="{C.esc(site)}" />' if C.chance(rng, 0.6) else ""]
    out = WP.head(rng, title, site, host, lang, theme, extra, t["generator"])
    out.append(WP.body_open(rng, pid, cslug))
    out.append('<div id="page" class="site"><a class="skip-link screen-reader-text" href="#content">Skip to content</a>')
    out.append(WP.site_header(rng, site, host, lang))
    out.append('<div id="content" class="site-content"><div id="primary" class="content-area"><main id="main" class="site-main">')
    out.append(WP.article_open(rng, pid, cslug))
    out.append(f'<header class="entry-header"><h1 class="entry-title">{C.esc(title)}</h1>{WP.entry_meta(rng, d, author, host, lang)}</header>')
    out.append('<div class="entry-content">')
    out.append(C.paras_html(rng, paras, indent=False))
    if t["appeared"]:
        blog = orig_name
        out.append(f'<p>The post <a href="{C.esc(orig_url)}" rel="nofollow">{C.esc(article.title)}</a> appeared first on '
                   f'<a href="{C.esc(orig_root)}" rel="nofollow">{C.esc(blog)}</a>.</p>')
    out.append("</div>")
    tags = [w.strip(",.:;!?\"'") for w in title.split() if len(w) > 5][:rng.randint(0, 4)]
    out.append(f'<footer class="entry-footer"><span class="cat-links">Posted in <a href="https://{host}/category/{cslug}/" rel="category tag">{cslug.title()}</a></span>'
               + (' <span class="tags-links">Tagged ' + ", ".join(f'<a href="https://{host}/tag/{C.esc(x.lower())}/" rel="tag">{C.esc(x)}</a>' for x in tags) + "</span>" if tags else "")
               + "</footer></article>")
    if C.chance(rng, 0.6):
        hs = C.pick_headlines(rng, headlines, 2, used, lang, ad_p=0)
        if len(hs) == 2:
            out.append(f'<nav class="navigation post-navigation"><h2 class="screen-reader-text">Post navigation</h2><div class="nav-links">'
                       f'<div class="nav-previous"><a href="{C.internal_url(rng, host, d, "wp")}" rel="prev">{C.esc(hs[0].title)}</a></div>'
                       f'<div class="nav-next"><a href="{C.internal_url(rng, host, d, "wp")}" rel="next">{C.esc(hs[1].title)}</a></div></div></nav>')
    if t["related"]:
        hs = C.pick_headlines(rng, headlines, rng.randint(3, 8), used, lang, ad_p=0.1)
        items = C.block_items(rng, hs, host, "wp", date_p=0.4, lang=lang)
        heading = C.pick(rng, ["Related Posts", "Related", "Related posts:", "You May Also Like"]) if lang == "en" else C.chrome(rng, lang, "related")
        out.append(C.render_link_block(rng, heading, items, variant=C.pick(rng, ["ul", "div", "ol"]), heading_tag="h3",
                                       block_cls=C.pick(rng, ["yarpp-related", "jp-relatedposts", "related-posts", "crp_related"])))
    if C.chance(rng, 0.4):
        out.append('<div id="comments" class="comments-area"><div id="respond" class="comment-respond"><h3 id="reply-title" class="comment-reply-title">Leave a Reply</h3>'
                   '<form action="/wp-comments-post.php" method="post" id="commentform"><p class="comment-notes">Your email address will not be published.</p>'
                   '<textarea id="comment" name="comment"></textarea><input name="submit" type="submit" id="submit" value="Post Comment" /></form></div></div>')
    out.append("</main></div>")
    if t["sidebar"]:
        out.append(WP.sidebar(rng, headlines, used, host, d, lang))
    out.append("</div>")
    out.append(WP.footer(rng, site, d.year, lang))
    out.append("</div></body></html>")
    return FarmPage(FAMILY, "\n".join(x for x in out if x), "html", url, article.id)
