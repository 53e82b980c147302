"""WordPress page pieces shared by the two auto-blog families."""

from __future__ import annotations

import datetime as _dt
import random
import string

from . import common as C
from . import words as W
from .model import Headline


def blog_name(rng: random.Random) -> str:
    r = rng.random()
    if r < 0.4:
        return f"{C.brand_word(rng)} {C.pick(rng, ['News', 'Daily', 'Times', 'Hub', 'Buzz', 'Today', 'Post', 'Report'])}"
    if r < 0.7:
        return f"{C.pick(rng, W.NAME_ADJ)}{C.pick(rng, ['news', 'feed', 'blog', 'wire', 'times', 'journal'])}"
    return C.business_name(rng, "en")


def head(rng: random.Random, title: str, site: str, host: str, lang: str, theme: str, extra: list[str],
         generator: bool) -> list[str]:
    ver = C.pick(rng, W.WP_VERSIONS)
    sep = C.pick(rng, [" - ", " | ", " – ", " &#8211; "])
    out = [C.doctype(rng) if C.chance(rng, 0.2) else "<!DOCTYPE html>",
           f'<html lang="{ {"en": "en-US", "de": "de-DE", "es": "es-ES", "fr": "fr-FR", "ja": "ja"}.get(lang, "en-US") }">',
           "<head>", '<meta charset="UTF-8">', '<meta name="viewport" content="width=device-width, initial-scale=1">',
           f"<title>{C.esc(title)}{sep}{C.esc(site)}</title>",
           f"<link rel='stylesheet' id='{theme}-style-css' href='https://{host}/wp-content/themes/{theme}/style.css?ver={ver}' media='all' />",
           f"<link rel='stylesheet' id='wp-block-library-css' href='https://{host}/wp-includes/css/dist/block-library/style.min.css?ver={ver}' media='all' />" if C.chance(rng, 0.7) else "",
           f"<script src='https://{host}/wp-includes/js/jquery/jquery.min.js?ver=3.{rng.randint(5, 7)}.{rng.randint(0, 4)}' id='jquery-core-js'></script>",
           f'<link rel="alternate" type="application/rss+xml" title="{C.esc(site)} &raquo; Feed" href="https://{host}/feed/" />' if C.chance(rng, 0.7) else "",
           f'<link rel="https://api.w.org/" href="https://{host}/wp-json/" />' if C.chance(rng, 0.6) else "",
           f'<meta name="generator" content="WordPress {ver}" />' if generator else ""]
    out.extend(extra)
    out.append(C.tracker_script(rng))
    out.append("</head>")
    return out


def body_open(rng: random.Random, post_id: int, cat_slug: str) -> str:
    classes = ["post-template-default", "single", "single-post", f"postid-{post_id}", "single-format-standard"]
    if C.chance(rng, 0.5):
        classes.append(C.pick(rng, ["wp-embed-responsive", "has-sidebar", "right-sidebar", "elementor-default"]))
    return f'<body class="{" ".join(classes)}">'


def site_header(rng: random.Random, site: str, host: str, lang: str) -> str:
    desc = C.pick(rng, ["Latest news and updates", "Your daily dose of news", "News from around the world",
                        "All the news that matters", "Just another WordPress site", ""])
    return (f'<header id="masthead" class="site-header"><div class="site-branding"><p class="site-title"><a href="https://{host}/" rel="home">{C.esc(site)}</a></p>'
            + (f'<p class="site-description">{C.esc(desc)}</p>' if desc else "") + "</div>"
            + f'<nav id="site-navigation" class="main-navigation">{C.nav_html(rng, lang, host, theme_p=C.theme_p(rng))}</nav></header>')


def article_open(rng: random.Random, post_id: int, cat_slug: str) -> str:
    return (f'<article id="post-{post_id}" class="post-{post_id} post type-post status-publish format-standard '
            f'{"has-post-thumbnail " if C.chance(rng, 0.4) else ""}hentry category-{cat_slug}">')


def entry_meta(rng: random.Random, d: _dt.date, author: str, host: str, lang: str) -> str:
    iso = C.iso_datetime(rng, d)
    posted = C.pick(rng, ["Posted on", "Published", "", "On"])
    by = C.pick(rng, ["by", "By", "—"])
    return (f'<div class="entry-meta"><span class="posted-on">{posted} <a href="#" rel="bookmark"><time class="entry-date published" datetime="{iso}">'
            f'{C.esc(C.fmt_date(rng, d, lang, time=False, style="long"))}</time></a></span> '
            f'<span class="byline"> {by} <span class="author vcard"><a class="url fn n" href="https://{host}/author/{C.esc(author.lower().replace(" ", "-"))}/">{C.esc(author)}</a></span></span></div>')


def sidebar(rng: random.Random, headlines: list[Headline], used: set[str], host: str, d: _dt.date, lang: str) -> str:
    parts = ['<aside id="secondary" class="widget-area">']
    if C.chance(rng, 0.6):
        parts.append(f'<section id="search-2" class="widget widget_search"><form role="search" method="get" class="search-form" action="https://{host}/">'
                     '<input type="search" class="search-field" name="s" /><input type="submit" class="search-submit" value="Search" /></form></section>')
    hs = C.pick_headlines(rng, headlines, rng.randint(4, 8), used, lang, ad_p=0.1)
    items = C.block_items(rng, hs, host, "wp", date_p=0.3, lang=lang)
    parts.append(f'<section id="recent-posts-{rng.randint(2, 5)}" class="widget widget_recent_entries">'
                 + C.render_link_block(rng, C.chrome(rng, lang, "latest"), items, variant="ul", heading_tag="h2", block_cls="widget-inner") + "</section>")
    if C.chance(rng, 0.6):
        months = []
        cur = _dt.date(d.year, d.month, 1)
        for _ in range(rng.randint(4, 14)):
            months.append(cur)
            cur = (cur - _dt.timedelta(days=1)).replace(day=1)
        parts.append('<section class="widget widget_archive"><h2 class="widget-title">Archives</h2><ul>'
                     + "".join(f'<li><a href="https://{host}/{m:%Y/%m}/">{W.MONTHS_EN[m.month - 1]} {m.year}</a></li>' for m in months) + "</ul></section>")
    if C.chance(rng, 0.5):
        cats = list(W.CATEGORIES["en"])
        rng.shuffle(cats)
        parts.append('<section class="widget widget_categories"><h2 class="widget-title">Categories</h2><ul>'
                     + "".join(f'<li class="cat-item"><a href="https://{host}/category/{c.lower().replace(" ", "-")}/">{C.esc(c)}</a></li>' for c in ["Uncategorized"] + cats[:rng.randint(2, 6)])
                     + "</ul></section>")
    parts.append("</aside>")
    return "\n".join(parts)


def footer(rng: random.Random, site: str, year: int, lang: str) -> str:
    credit = C.pick(rng, ['<a href="https://wordpress.org/">Proudly powered by WordPress</a>',
                          f"Copyright &copy; {year} {C.esc(site)}. All rights reserved.",
                          f'&copy; {year} {C.esc(site)} | Theme by <a href="#">{C.pick(rng, ["ThemeGrill", "AF themes", "Blossom Themes", "WEN Themes"])}</a>'])
    widgets = C.theme_footer(rng, lang, C.theme_p(rng))
    return f'<footer id="colophon" class="site-footer">{widgets}<div class="site-info">{credit}</div></footer>'


def post_id(rng: random.Random) -> int:
    return rng.randint(120, 480000)


def cat_slug(rng: random.Random) -> str:
    return C.pick(rng, ["uncategorized", "uncategorized", "news", "world", "business", "feed", "rss", "latest",
                        C.rand_id(rng, 6, string.ascii_lowercase)])
