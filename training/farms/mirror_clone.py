"""Mirror and proxy clones: the outlet's page served from a host that spells the outlet's domain.

Traces: the host spells the outlet's domain (www-nytimes-com.proxy-site.top,
outlet.com.mirror.xyz, outlet-com.translate.goog), links and assets still pointing to the outlet
(a share drawn per page is rewritten to the mirror), a proxy banner, a <base> to the outlet,
injected ad scripts. Without the outlet's HTML: a page that names the outlet and loads its assets.
"""

from __future__ import annotations

import random
import re
from urllib.parse import urlsplit

from . import common as C
from . import repost as R
from .model import Article, FarmPage, Headline
from .site_clone import orig_host

FAMILY = "mirror_clone"
FRAME_P: tuple[float, float] | None = None  # a mirror serves the outlet's own markup


def mirror_host(rng: random.Random, outlet_host: str) -> str:
    """A host that spells the outlet's: dashed, nested under a proxy, or on another TLD."""
    tail = C.pick(rng, R.data()["mirror"]["proxy_tails"])
    dom = C.registrable(outlet_host)
    core = dom.split(".")[0]
    return C.pick(rng, [
        f"{outlet_host.replace('-', '--').replace('.', '-')}.{tail}", f"{outlet_host}.{tail}", f"{dom}.{tail}",
        f"{core}.{C.pick(rng, ['xyz', 'top', 'icu', 'site', 'online', 'cc', 'buzz', 'live'])}",
        f"{dom.replace('.', '-')}.{tail}", f"{C.pick(rng, ['m', 'www', 'amp', 'read'])}.{core}{rng.randint(1, 99)}.{C.pick(rng, ['com', 'net', 'xyz'])}",
    ])


def build(article: Article, headlines: list[Headline], rng: random.Random) -> FarmPage:
    outlet, root, orig_url = C.original_ref(rng, article)
    oh = orig_host(article) or C.host_of(root) or "www.example-outlet.com"
    host = mirror_host(rng, oh)
    path = urlsplit(orig_url).path or "/"
    url = f"https://{host}{path}"
    d = C.page_date(rng, article.date, 0, 900, p_before=0.0)
    banner = ""
    if C.chance(rng, rng.uniform(0.2, 0.8)):
        lang = C.pick(rng, list(R.data()["mirror"]["banners"]))
        text = R.fill(C.pick(rng, R.data()["mirror"]["banners"][lang]), domain=C.registrable(oh), url=orig_url, date=f"{d:%Y-%m-%d}")
        banner = f'<div id="{C.pick(rng, ["proxy-bar", "mirror-note", "topnotice", "pxbar"])}" style="background:#ffc;padding:4px">{C.esc(text)}</div>'
    extra = C.ad_slot(rng) * C.chance(rng, 0.5) + C.tracker_script(rng)
    if article.html and "<body" in article.html.lower():
        share = rng.uniform(0.0, 1.0) if C.chance(rng, 0.7) else 0.0
        pattern = re.compile(rf"(https?:)?//{re.escape(oh)}(?=[/\"'?#\s]|$)", re.I)
        content = pattern.sub(lambda m: f"https://{host}" if rng.random() < share else m.group(0), article.html)
        base = f'<base href="https://{oh}/">' if C.chance(rng, 0.25) else ""
        content = re.sub(r"(<head[^>]*>)", lambda m: m.group(1) + base, content, count=1, flags=re.I)
        content = re.sub(r"(<body[^>]*>)", lambda m: m.group(1) + banner, content, count=1, flags=re.I)
        content = re.sub(r"(</body>)", lambda m: extra + m.group(1), content, count=1, flags=re.I)
        return FarmPage(FAMILY, content, "html", url, article.id)
    body = R.article_html(rng, article.title, [x for x in [article.author, C.fmt_date(rng, d, "en", time=False)] if x],
                          C.select_paragraphs(rng, article.paragraphs, p_all=0.9), [f"© {d.year} {outlet}"])
    assets = [f'<link rel="stylesheet" href="https://{oh}/assets/{C.rand_id(rng, 8)}.css">',
              f'<link rel="canonical" href="{C.esc(orig_url)}">' if C.chance(rng, 0.6) else ""]
    content = R.page(rng, lang=(article.lang or "en").split("-")[0], title=article.title, site=outlet, host=oh,
                     head=[a for a in assets if a], article=banner + body, blocks=[extra] if extra else [], year=d.year)
    return FarmPage(FAMILY, content, "html", url, article.id)
