"""Chinese DedeCMS-like farm.

Traces: Chinese business site name, 当前位置 breadcrumb with unrelated 栏目,
时间/来源/作者/点击 info line, 顶一下/踩一下 digg box with counts and percents,
(责任编辑：…) line, 上一篇/下一篇, 相关文章/推荐内容/热点内容 blocks,
ICP 备案 number and "Powered by" footer, repost disclaimer.
The copied article keeps its own language.
"""

from __future__ import annotations

import random

from . import common as C
from . import words as W
from .model import Article, FarmPage, Headline

FAMILY = "cms_breadcrumb_zh"
FRAME_P: tuple[float, float] | None = (0.35, 0.85)  # site-group CMS templates, but many such farms run bought themes


def build(article: Article, headlines: list[Headline], rng: random.Random) -> FarmPage:
    lang = "zh"
    site = C.business_name(rng, "zh")
    host = C.zh_host(rng, avoid=C.host_of(article.url))
    cats = W.CATEGORIES["zh"]
    cat, sub = C.pick(rng, cats), C.pick(rng, cats)
    d = C.page_date(rng, article.date, 10, 1000, p_before=0.06)
    url = C.internal_url(rng, host, d, "dede", scheme=C.pick(rng, ["http", "https"]))
    t = C.pick_traces(rng, {
        "crumb": 0.9, "info": 0.85, "digg": 0.7, "editor": 0.5, "prevnext": 0.8, "related": 0.75,
        "recommend": 0.7, "hotspot": 0.75, "icp": 0.7, "disclaimer": 0.35, "actbox": 0.4,
    })
    title = C.vary_title(rng, article.title, "zh")
    paras = C.select_paragraphs(rng, article.paragraphs)
    used: set[str] = set()
    rng.randint(100, 99999)  # keeps the random stream (and so the generated pages) as they were

    out = [C.doctype(rng), '<html xmlns="http://www.w3.org/1999/xhtml">' if C.chance(rng, 0.5) else '<html lang="zh-CN">',
           "<head>", C.meta_charset(rng, zh=True),
           f"<title>{C.esc(title)}_{C.esc(cat)}_{C.esc(site)}</title>" if C.chance(rng, 0.6) else f"<title>{C.esc(title)}-{C.esc(site)}</title>",
           f'<meta name="keywords" content="{C.esc(cat)},{C.esc(site)}" />',
           f'<meta name="description" content="{C.esc(paras[0][:80])}" />',
           f'<link href="/templets/{C.pick(rng, ["default", "style", "skin"])}/style/{C.pick(rng, ["dedecms", "main", "article"])}.css" rel="stylesheet" type="text/css" />',
           f'<script language="javascript" type="text/javascript" src="/include/{C.pick(rng, ["dedeajax2", "ajax", "common"])}.js"></script>',
           C.tracker_script(rng), "</head>", f'<body class="{C.pick(rng, ["articleview", "article", "view"])}">']
    # header
    out.append(f'<div class="{C.cls(rng, "header")}"><div class="toplinks"><a href="/">{C.chrome(rng, lang, "home")}</a> '
               + " ".join(f'<a href="#">{x}</a>' for x in W.CHROME["zh"]["topbar"][:rng.randint(2, 5)])
               + f'</div><div class="logo"><a href="/"><img src="/images/logo.gif" alt="{C.esc(site)}" /></a><span>{C.esc(site)}</span></div>'
               + (f'<div class="tel">服务热线：{rng.randint(400, 400)}-{rng.randint(100, 999)}-{rng.randint(1000, 9999)}</div>' if C.chance(rng, 0.5) else "")
               + "</div>")
    out.append(C.nav_html(rng, lang, host))
    out.append(f'<div class="{C.cls(rng, "wrap")} center clear mt1"><div class="{C.cls(rng, "main")}">')
    if t["crumb"]:
        out.append(f'<div class="{C.cls(rng, "crumb")}"><strong>{C.chrome(rng, lang, "crumb")}</strong> <a href="/">{C.chrome(rng, lang, "home")}</a> &gt; '
                   f'<a href="/a/{rng.randint(1, 40)}/">{C.esc(cat)}</a> &gt; ' + (f'<a href="/a/{rng.randint(41, 90)}/">{C.esc(sub)}</a> &gt;' if C.chance(rng, 0.5) else "") + "</div>")
    out.append(f'<div class="viewbox"><div class="{C.cls(rng, "title")}"><h1>{C.esc(title)}</h1></div>')
    if t["info"]:
        src = C.pick(rng, W.CHROME["zh"]["collected"] + ([article.site_name] if article.site_name else []))
        out.append(f'<div class="{C.cls(rng, "info")}"><small>时间:</small>{C.fmt_date(rng, d, "zh", style="iso")}'
                   f'<small>来源:</small>{C.esc(src)} <small>作者:</small>{C.pick(rng, ["admin", "网络", "小编", C.person(rng, "zh")])} '
                   f'<small>点击:</small> {rng.randint(10, 9999)} 次</div>')
    if C.chance(rng, 0.3):
        out.append(f'<div class="intro">{C.esc(paras[0][:100])}...</div>')
    wrap_table = C.chance(rng, 0.6)
    body_html = C.paras_html(rng, paras, indent=C.chance(rng, 0.4))
    editor = f"(责任编辑：{C.pick(rng, ['admin', '小编', C.person(rng, 'zh')])})" if t["editor"] else ""
    if wrap_table:
        out.append(f'<div class="{C.cls(rng, "content")}"><table width="100%"><tr><td>\n{body_html}\n{editor}</td></tr></table></div>')
    else:
        out.append(f'<div class="{C.cls(rng, "content")}">\n{body_html}\n<p>{editor}</p></div>')
    if t["disclaimer"]:
        out.append(f'<div class="statement"><p>{C.esc(C.pick(rng, W.DISCLAIMERS["zh"]).format(email=C.email_for(rng, host)))}</p></div>')
    if t["digg"]:
        g, b = rng.randint(0, 500), rng.randint(0, 120)
        tot = max(g + b, 1)
        gp, bp = round(100 * g / tot, 2) if g + b else 0, round(100 * b / tot, 2) if g + b else 0
        gw, bw = C.pick(rng, [("顶一下", "踩一下"), ("赞", "踩"), ("支持", "反对")])
        out.append(f'<div class="{C.cls(rng, "vote")}" id="newdigg">'
                   f'<div class="diggbox digg_good"><div class="digg_act">{gw}</div><div class="digg_num">({g})</div>'
                   f'<div class="digg_percent"><div class="digg_percent_bar"><span style="width:{gp}%"></span></div><div class="digg_percent_num">{gp}%</div></div></div>'
                   f'<div class="diggbox digg_bad"><div class="digg_act">{bw}</div><div class="digg_num">({b})</div>'
                   f'<div class="digg_percent"><div class="digg_percent_bar"><span style="width:{bp}%"></span></div><div class="digg_percent_num">{bp}%</div></div></div></div>')
    if C.chance(rng, 0.5):
        out.append('<div class="boxoff"><strong>------分隔线----------------------------</strong></div>')
    if t["prevnext"]:
        hs = C.pick_headlines(rng, headlines, 2, used, "zh", ad_p=0)
        pre = f'<a href="{C.internal_url(rng, host, d, "dede")}">{C.esc(hs[0].title)}</a>' if hs else "没有了"
        nxt = f'<a href="{C.internal_url(rng, host, d, "dede")}">{C.esc(hs[1].title)}</a>' if len(hs) > 1 else "没有了"
        out.append(f'<div class="handle"><div class="context"><ul><li>上一篇：{pre}</li><li>下一篇：{nxt}</li></ul></div>')
        if t["actbox"]:
            out.append('<div class="actbox"><ul><li id="act-fav"><a href="#">收藏</a></li><li id="act-err"><a href="#">挑错</a></li>'
                       '<li id="act-pus"><a href="#">推荐</a></li><li id="act-pnt"><a href="#">打印</a></li></ul></div>')
        out.append("</div>")
    if t["related"]:
        hs = C.pick_headlines(rng, headlines, rng.randint(4, 10), used, "zh")
        items = C.block_items(rng, hs, host, "dede", date_p=0.6, lang="zh")
        out.append(C.render_link_block(rng, C.pick(rng, W.CHROME["zh"]["related"]), items, variant=C.pick(rng, ["ul", "div"])))
    out.append("</div></div>")
    # right column
    out.append(f'<div class="{C.cls(rng, "side")}">')
    if C.chance(rng, 0.4):
        sub_cats = list(cats)
        rng.shuffle(sub_cats)
        out.append('<dl class="tbox"><dt><strong>栏目列表</strong></dt><dd><ul class="d6">'
                   + "".join(f'<li><a href="/a/{rng.randint(1, 99)}/">{c}</a></li>' for c in sub_cats[:rng.randint(3, 7)]) + "</ul></dd></dl>")
    style = C.block_style(rng, variant=C.pick(rng, ["dl", "ul"]))
    for key, present in (("recommend", t["recommend"]), ("hot", t["hotspot"])):
        if not present:
            continue
        hs = C.pick_headlines(rng, headlines, rng.randint(5, 12), used, "zh", ad_p=0.3)
        items = C.block_items(rng, hs, host, "dede", date_p=0.2, lang="zh")
        out.append(C.render_link_block(rng, C.pick(rng, W.CHROME["zh"][key]), items, style=style))
    if C.chance(rng, 0.5):
        out.append(C.ad_slot(rng))
    out.append("</div>")
    extra = []
    if t["icp"]:
        extra.append(f'<p><a href="https://beian.miit.gov.cn/" target="_blank" rel="nofollow">{C.icp_number(rng)}</a></p>')
    if C.chance(rng, 0.5):
        extra.append(f'<p class="powered">Powered by <a href="#"><strong>{C.pick(rng, ["DedeCMS_V57_UTF8_SP2", "DedeCMS V5.7", "织梦CMS", "PbootCMS", "帝国CMS"])}</strong></a></p>')
    out.append(C.footer_html(rng, lang, site, d.year, "\n".join(extra)))
    out.append("</body></html>")
    return FarmPage(FAMILY, "\n".join(x for x in out if x), "html", url, article.id)
