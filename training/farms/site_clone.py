"""Full-site clone: the original's own markup re-hosted under a new domain.

With ``article.html``: links rewritten to the clone host (sometimes images
stay hot-linked to the original), the <title> suffix kept or replaced,
ad/tracker scripts and an unrelated sidebar injected, the original
og:site_name kept (site name disagrees with the domain), the original
canonical sometimes kept.  Without it: a plausible newspaper layout that
names the original site in logo/copyright while living on another domain.
The clone mirrors the original URL path on its own host.
"""

from __future__ import annotations

import html as _html
import random
import re
from urllib.parse import urlsplit

from . import common as C
from . import words as W
from .model import Article, FarmPage, Headline

FAMILY = "site_clone"
FRAME_P: tuple[float, float] | None = None  # a clone keeps the outlet's own markup: it is its own real frame
TEXT_DUMPS = False  # a clone's text dump is the original's own text: no page-alone evidence, only a cross-check tells

_SECTIONS = ["World", "Politics", "Business", "Sport", "Culture", "Opinion", "Science", "Tech", "Health", "Local",
             "Lifestyle", "Travel", "Economy", "Video"]


def orig_host(article: Article) -> str | None:
    h = C.host_of(article.url)
    if h or not article.html:
        return h
    m = re.search(r'<link[^>]+rel=["\']canonical["\'][^>]*href=["\']([^"\']+)', article.html, re.I) or \
        re.search(r'property=["\']og:url["\'][^>]*content=["\']([^"\']+)', article.html, re.I)
    return C.host_of(m.group(1)) if m else None


def _sidebar(rng: random.Random, headlines: list[Headline], host: str, lang: str) -> str:
    used: set[str] = set()
    parts = [f'<div id="{C.pick(rng, ["cl-side", "xside", "fixbar", "rbox"])}{rng.randint(1, 99)}" class="{C.cls(rng, "side")}" '
             f'style="{C.pick(rng, ["float:right;width:300px", "position:relative", "margin:10px 0", ""])}">']
    style = C.block_style(rng)
    for key in [k for k in ("hot", "recommend", "may_like") if C.chance(rng, 0.5)] or ["hot"]:
        hs = C.pick_headlines(rng, headlines, rng.randint(4, 10), used, lang, ad_p=0.5)
        items = C.block_items(rng, hs, host, "other", date_p=0.2, lang=lang)
        parts.append(C.render_link_block(rng, C.chrome(rng, lang, key), items, style=style))
    parts.append(C.ad_slot(rng))
    parts.append("</div>")
    return "\n".join(parts)


def _mirror_url(rng: random.Random, article: Article, new_host: str) -> str:
    if article.url:
        sp = urlsplit(article.url)
        path = sp.path or "/"
        if C.chance(rng, 0.2):
            path = f"/{C.pick(rng, ['m', 'amp', 'site', 'mirror', 'news'])}" + path
        return f"https://{new_host}{path}" + (f"?{sp.query}" if sp.query else "")
    return f"https://{new_host}/{C.slugify(rng, article.title, article.id)}.html"


def _clone_html(article: Article, headlines: list[Headline], rng: random.Random) -> tuple[str, str, dict]:
    src = article.html or ""
    oh = orig_host(article)
    new_host = C.farm_host(rng, None, avoid=oh)
    t = C.pick_traces(rng, {"rewrite": 0.85, "hotlink": 0.3, "keep_canonical": 0.4, "title_suffix": 0.5,
                            "inject_ads": 0.75, "sidebar": 0.7, "base": 0.2})
    out = src
    # protect the canonical if we keep it, else drop or rewrite it
    canon_pat = re.compile(r"<link[^>]+rel=[\"']canonical[\"'][^>]*>", re.I)
    stash = []
    if t["keep_canonical"]:
        def _keep(m):
            stash.append(m.group(0))
            return f"\x00CANON{len(stash) - 1}\x00"
        out = canon_pat.sub(_keep, out)
    elif C.chance(rng, 0.4):
        out = canon_pat.sub("", out)
    if oh and t["rewrite"]:
        hosts = sorted({oh, oh[4:] if oh.startswith("www.") else "www." + oh}, key=len, reverse=True)

        def _urls(v: str) -> str:
            for h in hosts:
                v = re.sub(rf"(https?:)?//{re.escape(h)}\b", f"https://{new_host}", v)
            return v
        # Cloners rewrite in different ways: a mirroring tool rewrites attributes only (hot-linking
        # tools only the links), a regex proxy every "//host" URL (JSON's "https:\/\/host" slips
        # through), a string-replacing proxy every mention of the host name.
        mode = "href" if t["hotlink"] else C.pick(rng, ["attributes", "urls", "urls", "host"])
        if mode in ("href", "attributes"):
            names = "href" if mode == "href" else "href|src|srcset|action|content|data-src"
            out = re.sub(rf"(\b(?:{names})=[\"'])([^\"']*)([\"'])", lambda m: m.group(1) + _urls(m.group(2)) + m.group(3),
                         out, flags=re.I)
        elif mode == "urls":
            out = _urls(out)
        else:
            for h in hosts:
                out = re.sub(rf"(?<![\w.-]){re.escape(h)}\b", new_host, out)
    for i, s in enumerate(stash):
        out = out.replace(f"\x00CANON{i}\x00", s)
    brand = C.brand_word(rng)
    # title
    m = re.search(r"<title[^>]*>(.*?)</title>", out, re.I | re.S)
    if m and t["title_suffix"]:
        old = m.group(1).strip()
        parts = re.split(r"\s+[-|–—]\s+", old)
        new = (" - ".join(parts[:-1]) if len(parts) > 1 else old) + C.pick(rng, [" - ", " | ", "_"]) + brand
        out = out[:m.start(1)] + new + out[m.end(1):]
    elif not m:
        ins = f"<title>{C.esc(article.title)}</title>"
        out = re.sub(r"<head[^>]*>", lambda mm: mm.group(0) + ins, out, count=1, flags=re.I) if re.search(r"<head[^>]*>", out, re.I) else ins + out
    # og:site_name: keep, or add the original's if missing
    if not re.search(r"og:site_name", out, re.I) and article.site_name:
        tag = f'<meta property="og:site_name" content="{C.esc(article.site_name)}">'
        out = re.sub(r"</head>", tag + "</head>", out, count=1, flags=re.I) if re.search(r"</head>", out, re.I) else tag + out
    head_inj = []
    if t["base"]:
        head_inj.append(f'<base href="https://{new_host}/">')
    if t["inject_ads"]:
        head_inj.append(C.tracker_script(rng) or f'<script src="https://{new_host}/js/{C.rand_id(rng, 6)}.js"></script>')
        head_inj.append(f'<script async src="https://{C.pick(rng, ["cdn", "s", "static"])}.{C.farm_host(rng, None, subdomain_p=0)}/{C.pick(rng, ["pop", "push", "ads", "tag"])}.js"></script>')
    if head_inj:
        blob = "\n".join(x for x in head_inj if x)
        out = re.sub(r"</head>", lambda mm: blob + "\n</head>", out, count=1, flags=re.I) if re.search(r"</head>", out, re.I) else blob + out
    # make sure the article text is there
    text = _html.unescape(re.sub(r"<[^>]+>", " ", out))
    text = re.sub(r"\s+", " ", text)
    missing_title = re.sub(r"\s+", " ", article.title).strip() not in text
    paras = [p for p in article.paragraphs if p.strip()]
    present = sum(1 for p in paras if re.sub(r"\s+", " ", p).strip()[:60] in text)
    inject_body = ""
    if missing_title or (paras and present < 0.6 * len(paras)):
        inject_body = (f'<div class="{C.cls(rng, "content")}"><h1>{C.esc(article.title)}</h1>\n'
                       + C.paras_html(rng, paras) + "</div>")
    body_top = (C.ad_slot(rng) if t["inject_ads"] and C.chance(rng, 0.6) else "") + inject_body
    if body_top:
        if re.search(r"<body[^>]*>", out, re.I):
            out = re.sub(r"<body[^>]*>", lambda mm: mm.group(0) + "\n" + body_top, out, count=1, flags=re.I)
        else:
            out = body_top + out
    body_end = []
    if t["sidebar"]:
        body_end.append(_sidebar(rng, headlines, new_host, C.pick(rng, ["en", "en", "zh", "de", "es", "fr", "ja"])))
    if t["inject_ads"]:
        body_end.append(C.ad_slot(rng))
    if body_end:
        blob = "\n".join(body_end)
        idx = out.lower().rfind("</body>")
        out = out[:idx] + blob + "\n" + out[idx:] if idx >= 0 else out + blob
    return out, _mirror_url(rng, article, new_host), t


def _fresh_layout(article: Article, headlines: list[Headline], rng: random.Random) -> tuple[str, str]:
    orig_name, orig_root, orig_url = C.original_ref(rng, article)
    oh = C.host_of(orig_root)
    new_host = C.farm_host(rng, None, avoid=oh)
    url = _mirror_url(rng, article, new_host)
    t = C.pick_traces(rng, {"keep_canonical": 0.4, "hotlink": 0.4, "orig_byline": 0.7, "inject_ads": 0.7,
                            "sidebar": 0.7, "og_site": 0.8})
    lang = (article.lang or "en").split("-")[0]
    d = C.parse_iso(article.date) or C.random_date(rng, 2014, 2024)
    paras = C.select_paragraphs(rng, article.paragraphs, p_all=0.85)
    img_host = oh if t["hotlink"] else new_host
    head = [C.doctype(rng), f'<html lang="{C.esc(lang)}">', "<head>", C.meta_charset(rng),
            f"<title>{C.esc(article.title)}{C.pick(rng, [' - ', ' | '])}{C.esc(orig_name)}</title>",
            f'<meta property="og:site_name" content="{C.esc(orig_name)}">' if t["og_site"] else "",
            f'<meta property="og:title" content="{C.esc(article.title)}">',
            f'<link rel="canonical" href="{C.esc(orig_url if t["keep_canonical"] else url)}">',
            f'<link rel="stylesheet" href="https://{new_host}/static/css/main.{C.rand_id(rng, 8)}.css">',
            C.tracker_script(rng) if t["inject_ads"] else "", "</head>"]
    body = [f'<body class="{C.pick(rng, ["article", "story", "layout-article"])}">']
    if t["inject_ads"] and C.chance(rng, 0.6):
        body.append(C.ad_slot(rng))
    secs = rng.sample(_SECTIONS, rng.randint(5, 9))
    body.append(f'<header class="{C.cls(rng, "header")}"><a class="logo" href="https://{new_host}/"><img src="https://{img_host}/static/logo.svg" alt="{C.esc(orig_name)}">'
                f'<span>{C.esc(orig_name)}</span></a><nav>' + " ".join(f'<a href="https://{new_host}/{s.lower()}/">{s}</a>' for s in secs) + "</nav></header>")
    body.append(f'<main class="{C.cls(rng, "main")}"><article>')
    body.append(f'<h1 class="{C.cls(rng, "title")}">{C.esc(article.title)}</h1>')
    meta = []
    if t["orig_byline"] and article.author:
        meta.append(f'<span class="author">{C.pick(rng, ["By", ""])} {C.esc(article.author)}</span>')
    meta.append(f'<time datetime="{d:%Y-%m-%d}">{C.esc(C.fmt_date(rng, d, lang if lang in W.CHROME else "en", time=False))}</time>')
    body.append('<div class="byline">' + " ".join(meta) + "</div>")
    if C.chance(rng, 0.5):
        body.append(f'<figure><img src="https://{img_host}/images/{d:%Y/%m}/{C.rand_id(rng, 10)}.jpg" alt=""><figcaption>{C.esc(orig_name)}</figcaption></figure>')
    body.append(f'<div class="{C.cls(rng, "content")}">\n{C.paras_html(rng, paras, indent=False)}\n</div></article></main>')
    if t["sidebar"]:
        body.append(_sidebar(rng, headlines, new_host, C.pick(rng, ["en", "en", "zh", "de", "es", "fr", "ja"])))
    body.append(f'<footer class="{C.cls(rng, "footer")}"><p>© {d.year} {C.esc(orig_name)}. {C.chrome(rng, lang if lang in W.CHROME else "en", "rights")}</p>'
                + (C.ad_slot(rng) if t["inject_ads"] else "") + "</footer>")
    body.append("</body></html>")
    return "\n".join(x for x in head + body if x), url


def build(article: Article, headlines: list[Headline], rng: random.Random) -> FarmPage:
    if article.html and "<" in article.html:
        content, url, _ = _clone_html(article, headlines, rng)
    else:
        content, url = _fresh_layout(article, headlines, rng)
    return FarmPage(FAMILY, content, "html", url, article.id)
