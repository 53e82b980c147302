"""Shared helpers for the farm families: names, hosts, dates, bylines,
headline picking, link-block rendering, paragraph selection, page shells.

Every helper takes the ``random.Random`` it must use; nothing here touches
the global random state or the clock.
"""

from __future__ import annotations

import datetime as _dt
import html as _html
import random
import re
import string
from urllib.parse import urlsplit

from . import words as W
from .model import Article, Headline

# ---------------------------------------------------------------------------
# small random helpers
# ---------------------------------------------------------------------------


def chance(rng: random.Random, p: float) -> bool:
    return rng.random() < p


def pick(rng: random.Random, seq):
    return seq[rng.randrange(len(seq))]


def esc(s: str | None) -> str:
    return _html.escape(s or "", quote=True)


def spread(rng: random.Random, p: float, lo: float = 0.6, hi: float = 1.4) -> float:
    """``p`` scaled by a factor drawn from [lo, hi] (kept inside (0, 1)): a family's nominal rate
    becomes a range, so that no rate of ours is a constant the model could learn."""
    return min(0.98, max(0.02, p * rng.uniform(lo, hi))) if p > 0 else 0.0


LEAN_SHARE = 0.25  # pages that leave one or two traces: careful scrapers and credited reposts


def pick_traces(rng: random.Random, probs: dict[str, float], min_n: int = 2,
                always: tuple[str, ...] = ()) -> dict[str, bool]:
    """Decide which optional traces a page shows.  Each rate is drawn from a range around its
    nominal value, all of a page's rates scaled together too (a farm that leaves much residue leaves
    much of every kind); ``min_n`` traces (counting the ``always`` ones), sometimes one more, are
    guaranteed by switching on missing ones at random.

    A quarter of pages are lean: a careful scraper or a credited repost leaves one trace, not a
    family's usual handful, and a model that only ever saw several together discounts any one of them."""
    lean = chance(rng, LEAN_SHARE)
    level = rng.uniform(0.05, 0.4) if lean else rng.uniform(0.6, 1.3)
    on = {name: (name in always) or chance(rng, spread(rng, p * level, 0.7, 1.3)) for name, p in probs.items()}
    min_n = 1 if lean else min_n + chance(rng, 0.3)
    missing = [n for n in probs if not on[n]]
    rng.shuffle(missing)
    while sum(on.values()) < min_n and missing:
        on[missing.pop()] = True
    return on


def rand_id(rng: random.Random, n: int = 6, alphabet: str = string.ascii_lowercase + string.digits) -> str:
    return "".join(pick(rng, alphabet) for _ in range(n))


_CLASS_POOLS = {
    "wrap": ["wrapper", "container", "main-wrap", "w960", "page", "site", "mainbox", "wrap", "bodybox"],
    "header": ["header", "top", "site-header", "head", "topbar", "masthead", "hd"],
    "nav": ["nav", "menu", "mainnav", "navbar", "main-menu", "nav_list", "navigation"],
    "crumb": ["place", "position", "breadcrumb", "crumbs", "page_list_tit", "location", "curpos", "weizhi"],
    "title": ["title", "art-title", "news_title", "post-title", "article-title", "arc_title", "tit"],
    "info": ["info", "con_author", "meta", "art-info", "news_info", "post-meta", "arc_info", "source"],
    "content": ["content", "art-con", "article-body", "news_con", "list_con", "article_content", "txt",
                "post-content", "arc_body", "detail"],
    "vote": ["newdigg", "vote", "digg", "zan", "like-box", "evaluate", "ding"],
    "block": ["newsbox", "list_r", "mid_box", "tbox", "side-list", "hot-list", "rel_news", "widget",
              "box", "list", "news-list", "bd"],
    "footer": ["footer", "foot", "copyright", "site-footer", "ft", "bottom"],
    "side": ["sidebar", "pright", "right", "side", "aside", "mid_page_r", "col-r"],
    "main": ["pleft", "left", "main", "primary", "col-l", "mid_page_l", "article-main"],
}


def cls(rng: random.Random, kind: str) -> str:
    """A plausible, random class/id name for a page region."""
    base = pick(rng, _CLASS_POOLS[kind])
    r = rng.random()
    if r < 0.2:
        return base + str(rng.randint(1, 9))
    if r < 0.3:
        return pick(rng, ["m-", "c-", "n-", "x-", "j-"]) + base
    if r < 0.4:
        return base.replace("-", "_")
    return base


# ---------------------------------------------------------------------------
# names and hosts
# ---------------------------------------------------------------------------


def business_name(rng: random.Random, lang: str = "en") -> str:
    if lang == "zh":
        return pick(rng, W.ZH_CITIES) * chance(rng, 0.4) + pick(rng, W.ZH_NAME_PREFIX) + \
            pick(rng, W.ZH_NAME_MID) + pick(rng, W.ZH_BUSINESS)
    r = rng.random()
    if r < 0.45:
        return f"{pick(rng, W.NAME_ADJ)} {pick(rng, W.NAME_NOUN)} {pick(rng, W.BUSINESS)}"
    if r < 0.75:
        return f"{pick(rng, W.NAME_ADJ)}{pick(rng, W.NAME_NOUN).lower()} {pick(rng, W.BUSINESS)}"
    return f"{pick(rng, W.NAME_NOUN)} {pick(rng, W.BUSINESS)}"


def brand_word(rng: random.Random) -> str:
    return pick(rng, [pick(rng, W.NAME_ADJ) + pick(rng, W.NAME_NOUN).lower(),
                      pick(rng, W.NAME_NOUN), pick(rng, W.NAME_ADJ), pick(rng, W.PORTAL_NAMES)])


def newspaper_name(rng: random.Random) -> str:
    r = rng.random()
    if r < 0.6:
        return f"{pick(rng, W.REGIONS)} {pick(rng, W.PAPER_NOUNS)}"
    if r < 0.85:
        return f"The {pick(rng, W.NAME_NOUN)} {pick(rng, W.PAPER_NOUNS)}"
    return f"{pick(rng, W.NAME_ADJ)} {pick(rng, W.PAPER_NOUNS)}"


def _ascii_slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "", text.lower())


def registrable(host: str) -> str:
    """Naive registrable domain: last two labels, three for two-level suffixes."""
    host = host.lower().split(":")[0].strip(".")
    parts = host.split(".")
    if len(parts) >= 3 and parts[-2] in ("co", "com", "org", "net", "gov", "ac", "ne", "or"):
        return ".".join(parts[-3:])
    return ".".join(parts[-2:])


def host_of(url: str | None) -> str | None:
    if not url:
        return None
    try:
        h = urlsplit(url).hostname
    except ValueError:
        return None
    return h or None


def farm_host(rng: random.Random, name: str | None = None, avoid: str | None = None,
              subdomain_p: float = 0.5) -> str:
    """A random registrable domain (optionally with www./m./site-group subdomain)."""
    for _ in range(20):
        base = _ascii_slug(name or "")
        r = rng.random()
        if not base or r < 0.35 or len(base) > 22:
            if r < 0.15:
                base = rand_id(rng, rng.randint(4, 8), string.ascii_lowercase)
            else:
                base = _ascii_slug(pick(rng, W.NAME_ADJ) + pick(rng, W.NAME_NOUN)) + \
                    (pick(rng, W.HOST_PARTS) if chance(rng, 0.5) else "")
        if chance(rng, 0.15):
            base += str(rng.randint(1, 999))
        if chance(rng, 0.1) and len(base) > 6:
            base = base[:len(base) // 2] + "-" + base[len(base) // 2:]
        dom = f"{base}.{pick(rng, W.TLDS)}"
        if avoid and registrable(dom) == registrable(avoid):
            continue
        break
    if chance(rng, subdomain_p):
        sub = pick(rng, ["www", "www", "www", "m", "news", rand_id(rng, 3, string.ascii_lowercase), "blog"])
        return f"{sub}.{dom}"
    return dom


def zh_host(rng: random.Random, avoid: str | None = None) -> str:
    for _ in range(20):
        base = rand_id(rng, rng.randint(4, 7), string.ascii_lowercase)
        if chance(rng, 0.3):
            base += str(rng.randint(10, 999))
        dom = f"{base}.{pick(rng, ['com', 'cn', 'com.cn', 'net', 'top', 'cc', 'net.cn', 'org.cn', 'vip'])}"
        if not (avoid and registrable(dom) == registrable(avoid)):
            break
    return ("www." + dom) if chance(rng, 0.6) else dom


def email_for(rng: random.Random, host: str) -> str:
    return f"{pick(rng, ['admin', 'service', 'contact', 'webmaster', 'info', 'kefu'])}@{registrable(host)}"


def icp_number(rng: random.Random) -> str:
    return f"{pick(rng, W.ZH_PROVINCE_ICP)}ICP备{rng.randint(10000000, 23999999)}号" + \
        (f"-{rng.randint(1, 5)}" if chance(rng, 0.6) else "")


def original_ref(rng: random.Random, article: Article) -> tuple[str, str, str]:
    """(site name, site root URL, post URL) of the original article.  Invents a
    plausible newspaper when the article carries none."""
    host = host_of(article.url)
    name = article.site_name
    if not name:
        if host:
            core = registrable(host).split(".")[0]
            name = core.replace("-", " ").title() if chance(rng, 0.5) else registrable(host)
        else:
            name = newspaper_name(rng)
    if not host:  # a name in another script ('腾讯网') spells no host: the outlet gets an invented one
        label = _ascii_slug(name)[:24] or _ascii_slug(newspaper_name(rng))[:24]
        host = "www." + label + "." + pick(rng, ["com", "co.uk", "net", "org", "de", "com.au"])
    scheme = "https"
    if article.url:
        scheme = urlsplit(article.url).scheme or "https"
    root = f"{scheme}://{host}/"
    post = article.url or f"{root}{slugify(rng, article.title, article.id)}"
    return name, root, post


def person(rng: random.Random, lang: str = "en") -> str:
    if lang == "zh":
        return pick(rng, W.ZH_SURNAMES) + pick(rng, W.ZH_GIVEN) + (pick(rng, W.ZH_GIVEN) if chance(rng, 0.5) else "")
    return f"{pick(rng, W.FIRST_NAMES)} {pick(rng, W.LAST_NAMES)}"


def brand_byline(rng: random.Random, brand: str | None = None) -> str:
    brand = brand or brand_word(rng)
    return f"{brand} {pick(rng, W.BYLINE_SUFFIX)}"


# ---------------------------------------------------------------------------
# dates
# ---------------------------------------------------------------------------


def parse_iso(d: str | None) -> _dt.date | None:
    if not d:
        return None
    try:
        return _dt.date.fromisoformat(d[:10])
    except ValueError:
        return None


def random_date(rng: random.Random, y0: int = 2010, y1: int = 2024) -> _dt.date:
    start = _dt.date(y0, 1, 1)
    span = (_dt.date(y1, 12, 31) - start).days
    return start + _dt.timedelta(days=rng.randint(0, span))


def page_date(rng: random.Random, article_date: str | None, lo_days: int, hi_days: int,
              p_before: float = 0.05) -> _dt.date:
    """Farm page date: ``lo..hi`` days after the original, sometimes before."""
    base = parse_iso(article_date)
    if base is None:
        return random_date(rng, 2012, 2024)
    if chance(rng, spread(rng, p_before, 0.0, 3.0)):
        return base - _dt.timedelta(days=rng.randint(1, rng.randint(2, 800)))
    hi = max(lo_days, int(hi_days * rng.uniform(0.3, 4.0)))  # some farms copy within the hour, others years later
    return base + _dt.timedelta(days=rng.randint(lo_days, hi))


def fmt_date(rng: random.Random, d: _dt.date, lang: str = "en", time: bool | None = None,
             style: str | None = None) -> str:
    if time is None:
        time = chance(rng, 0.4)
    hh, mm, ss = rng.randint(0, 23), rng.randint(0, 59), rng.randint(0, 59)
    if lang == "zh":
        s = pick(rng, [f"{d:%Y-%m-%d}", f"{d.year}年{d.month:02d}月{d.day:02d}日", f"{d:%Y/%m/%d}"]) \
            if style is None else f"{d:%Y-%m-%d}"
        return s + (f" {hh:02d}:{mm:02d}" + (f":{ss:02d}" if chance(rng, 0.5) else "") if time else "")
    if lang == "ja":
        return f"{d.year}年{d.month}月{d.day}日" + (f" {hh:02d}:{mm:02d}" if time else "")
    if lang == "de":
        s = pick(rng, [f"{d:%d.%m.%Y}", f"{d.day}. {W.MONTHS_DE[d.month - 1]} {d.year}"])
        return s + (f", {hh:02d}:{mm:02d} Uhr" if time else "")
    if lang == "es":
        s = pick(rng, [f"{d:%d/%m/%Y}", f"{d.day} de {W.MONTHS_ES[d.month - 1]} de {d.year}"])
        return s + (f" - {hh:02d}:{mm:02d}" if time else "")
    if lang == "fr":
        s = pick(rng, [f"{d:%d/%m/%Y}", f"{d.day} {W.MONTHS_FR[d.month - 1]} {d.year}"])
        return s + (f" à {hh:02d}h{mm:02d}" if time else "")
    style = style or pick(rng, ["iso", "iso", "us", "long", "short", "slash"])
    if style == "iso":
        s = f"{d:%Y-%m-%d}"
        return s + (f" {hh:02d}:{mm:02d}:{ss:02d}" if time else "")
    if style == "us":
        s = f"{d:%m/%d/%Y}"
    elif style == "long":
        s = f"{W.MONTHS_EN[d.month - 1]} {d.day}, {d.year}"
    elif style == "short":
        s = f"{W.MONTHS_SHORT[d.month - 1]} {d.day}, {d.year}"
    else:
        s = f"{d:%Y/%m/%d}"
    if time:
        h12 = hh % 12 or 12
        s += f" {h12}:{mm:02d} {'PM' if hh >= 12 else 'AM'}"
    return s


def iso_datetime(rng: random.Random, d: _dt.date) -> str:
    return f"{d:%Y-%m-%d}T{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}" + \
        pick(rng, ["+00:00", "+08:00", "-05:00", "+02:00", "Z"])


# ---------------------------------------------------------------------------
# text helpers
# ---------------------------------------------------------------------------


def slugify(rng: random.Random, title: str, fallback: str = "") -> str:
    s = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")
    words = [w for w in s.split("-") if w]
    if len(words) < 2:
        return (re.sub(r"[^a-z0-9]+", "", fallback.lower()) or rand_id(rng, 8)) + str(rng.randint(100, 99999))
    return "-".join(words[:rng.randint(4, 10)])


def vary_title(rng: random.Random, title: str, lang: str | None = None, p: float = 0.25) -> str:
    """Sometimes slightly change a title (prefix/suffix/trailing punctuation)."""
    if not chance(rng, spread(rng, p, 0.0, 2.0)):
        return title
    zh = (lang or "").startswith(("zh", "ja"))
    r = rng.random()
    if r < 0.3:
        return (pick(rng, ["【转载】", "【热点】", "[转]"]) if zh else pick(rng, ["Breaking: ", "WATCH: ", "UPDATE: ", "New: "])) + title
    if r < 0.6:
        return title + (pick(rng, ["（图）", "(组图)", "_转载"]) if zh else pick(rng, [" (Updated)", " [Photos]", " - Full Story", " | Latest"]))
    if r < 0.8:
        return title.rstrip(".!?。") + pick(rng, ["!", "?", "…", "..."])
    return title.replace("\u2019", "'").replace("\u201c", '"').replace("\u201d", '"') + " "


def select_paragraphs(rng: random.Random, paras: list[str], p_all: float = 0.7) -> list[str]:
    """All paragraphs, or most of them (drop a tail or truncate the last one)."""
    paras = [p for p in paras if p and p.strip()]
    if len(paras) <= 2 or chance(rng, spread(rng, p_all, 0.5, 1.3)):
        return list(paras)
    r = rng.random()
    if r < 0.5 and len(paras) >= 5:
        keep = max(len(paras) - rng.randint(1, max(1, len(paras) // 5)), int(len(paras) * 0.8 + 0.999))
        return paras[:keep]
    out = list(paras)
    last = out[-1]
    if len(last) > 60:
        cut = last[: int(len(last) * rng.uniform(0.4, 0.8))]
        if " " in cut:
            cut = cut[: cut.rfind(" ")]
        out[-1] = cut.rstrip() + pick(rng, ["...", "…", " [...]", " ..."])
    return out


def paras_html(rng: random.Random, paras: list[str], indent: bool | None = None) -> str:
    if indent is None:
        indent = chance(rng, 0.15)
    lead = "&nbsp;&nbsp;&nbsp;&nbsp;" if indent else ""
    style = pick(rng, ["", "", "", ' style="text-indent:2em"', ' class="MsoNormal"', ' dir="ltr"'])
    return "\n".join(f"<p{style}>{lead}{esc(p)}</p>" for p in paras)


def lang_of_chrome(rng: random.Random, article: Article, weights: dict[str, float]) -> str:
    """Pick a chrome language; favour the article's language if it is one we have."""
    a = (article.lang or "").split("-")[0].lower()
    if a in weights and chance(rng, rng.uniform(0.15, 0.8)):
        return a
    weights = {k: w * rng.uniform(0.3, 2.0) for k, w in weights.items()}
    tot = sum(weights.values())
    x = rng.random() * tot
    for k, w in weights.items():
        x -= w
        if x <= 0:
            return k
    return next(iter(weights))


def chrome(rng: random.Random, lang: str, key: str) -> str:
    table = W.CHROME.get(lang) or W.CHROME["en"]
    return pick(rng, table.get(key) or W.CHROME["en"][key])


def html_lang_attr(lang: str) -> str:
    return {"zh": "zh-CN"}.get(lang, lang)


# ---------------------------------------------------------------------------
# headlines and link blocks
# ---------------------------------------------------------------------------


def pick_headlines(rng: random.Random, headlines: list[Headline], k: int,
                   used: set[str] | None = None, lang: str = "en", ad_p: float = 0.2) -> list[Headline]:
    """Pick ``k`` headlines, spreading years widely; sprinkle in a few ads."""
    used = used if used is not None else set()
    pool = [h for h in headlines if h.title and h.title not in used]
    rng.shuffle(pool)
    out: list[Headline] = []
    seen_years: list[int | None] = []
    # first pass: prefer unseen years
    for h in pool:
        if len(out) >= k:
            break
        if h.year not in seen_years:
            out.append(h)
            seen_years.append(h.year)
    for h in pool:
        if len(out) >= k:
            break
        if h not in out:
            out.append(h)
    ads = W.AD_HEADLINES.get(lang, W.AD_HEADLINES["en"])
    ad_p = spread(rng, ad_p, 0.0, 2.0)
    n_ads = sum(1 for _ in range(max(1, k // 3)) if chance(rng, ad_p))
    if len(out) < k:
        n_ads = max(n_ads, min(k - len(out), len(ads)))
    for _ in range(n_ads):
        ad = pick(rng, ads)
        if ad not in used:
            out.insert(rng.randint(0, len(out)), Headline(ad, None, None))
            used.add(ad)
    rng.shuffle(out)
    out = out[:max(k, 1)]
    for h in out:
        used.add(h.title)
    return out


def headline_date(rng: random.Random, h: Headline) -> _dt.date:
    if h.year:
        return _dt.date(h.year, rng.randint(1, 12), rng.randint(1, 28))
    return random_date(rng, 2012, 2024)


def internal_url(rng: random.Random, host: str, d: _dt.date, style: str, scheme: str = "https") -> str:
    n = rng.randint(1000, 999999)
    if style == "dede":
        path = f"/{pick(rng, ['a', 'html', 'news', 'zixun', 'article'])}/{d:%Y%m%d}/{n}.html" if chance(rng, 0.5) \
            else f"/{pick(rng, ['a', 'html'])}/{pick(rng, ['xinwen', 'zixun', 'hangye', 'wenda'])}/{d.year}/{d:%m%d}/{n}.html"
    elif style == "cms":
        path = pick(rng, [f"/html/{d.year}/{d:%m%d}/{n}.html", f"/news/{n}.html", f"/article/{n}.html",
                          f"/show-{rng.randint(1, 60)}-{n}.html", f"/?p={n}"])
    elif style == "wp":
        path = f"/{d:%Y/%m/%d}/{rand_id(rng, rng.randint(6, 12), string.ascii_lowercase)}-{rand_id(rng, 5, string.ascii_lowercase)}/"
    elif style == "agg":
        path = f"/news/{rng.randint(270000000, 279999999)}/{rand_id(rng, 8, string.ascii_lowercase)}"
    else:
        path = f"/{pick(rng, ['post', 'story', 'p', 'n'])}/{n}"
    return f"{scheme}://{host}{path}"


def headline_url(rng: random.Random, h: Headline, host: str, d: _dt.date, style: str, p_external: float = 0.1) -> str:
    if h.url and chance(rng, p_external):
        return h.url
    return internal_url(rng, host, d, style)


def block_style(rng: random.Random, variant: str | None = None, heading_tag: str | None = None,
                block_cls: str | None = None) -> dict:
    """One page's look for its headline blocks (templates are consistent within a page)."""
    return {
        "variant": variant or pick(rng, ["ul", "ul", "ol", "div", "dl", "table"]),
        "heading_tag": heading_tag or pick(rng, ["h3", "h3", "h2", "h4", "div", "strong"]),
        "block_cls": block_cls or cls(rng, "block"),
        "head_cls": pick(rng, ["tit", "hd", "title", "widget-title", "box-title", "bt", "head"]),
        "row_cls": pick(rng, ["item", "row", "li", "news-item", "list-item"]),
        "date_cls": pick(rng, ["date", "time", "rq", "fr", "meta"]),
        "title_attr": chance(rng, 0.3),
        "date_first": chance(rng, 0.4),
        "tag": pick(rng, ["div", "div", "section", "aside"]),
        "numbered": chance(rng, 0.2),
    }


def render_link_block(rng: random.Random, heading: str, items: list[tuple[str, str, str | None, str | None]],
                      variant: str | None = None, heading_tag: str | None = None,
                      block_cls: str | None = None, more: str | None = None, style: dict | None = None) -> str:
    """Render one headline block.  items: (title, url, date text or None, extra text or None)."""
    st = dict(style) if style else block_style(rng)
    if variant:
        st["variant"] = variant
    if heading_tag:
        st["heading_tag"] = heading_tag
    if block_cls:
        st["block_cls"] = block_cls
    v, ht, bc = st["variant"], st["heading_tag"], st["block_cls"]
    more_html = f' <a class="more" href="#">{esc(more)}</a>' if more else ""
    head = f'<{ht} class="{st["head_cls"]}">{esc(heading)}{more_html}</{ht}>'

    def line(i, t, u, dt, ex):
        a = f'<a href="{esc(u)}" title="{esc(t)}" target="_blank">{esc(t)}</a>' if st["title_attr"] \
            else f'<a href="{esc(u)}">{esc(t)}</a>'
        if st["numbered"] and v != "ol":
            a = f'<i class="num">{i + 1}</i> ' + a
        d = f'<span class="{st["date_cls"]}">{esc(dt)}</span>' if dt else ""
        x = f"<em>{esc(ex)}</em>" if ex else ""
        parts = [d, a, x] if st["date_first"] else [a, x, d]
        return " ".join(p for p in parts if p)

    rows = [line(i, *it) for i, it in enumerate(items)]
    if v in ("ul", "ol"):
        body = f"<{v}>\n" + "\n".join(f"<li>{r}</li>" for r in rows) + f"\n</{v}>"
    elif v == "dl":
        return f'<dl class="{bc}">\n<dt>{esc(heading)}{more_html}</dt>\n' + "\n".join(f"<dd>{r}</dd>" for r in rows) + "\n</dl>"
    elif v == "table":
        body = '<table width="100%" cellspacing="0">\n' + "\n".join(f"<tr><td>{r}</td></tr>" for r in rows) + "\n</table>"
    else:
        body = "\n".join(f'<div class="{st["row_cls"]}">{r}</div>' for r in rows)
    return f'<{st["tag"]} class="{bc}">\n{head}\n{body}\n</{st["tag"]}>'


def block_items(rng: random.Random, hs: list[Headline], host: str, url_style: str, date_p: float,
                lang: str = "en", views: bool = False) -> list[tuple[str, str, str | None, str | None]]:
    """Turn headlines into link-block items; maybe with dates next to them."""
    with_dates = chance(rng, date_p)
    dstyle = pick(rng, ["iso", "iso", "short", "slash", "md"])
    out = []
    for h in hs:
        d = headline_date(rng, h)
        dt = None
        if with_dates:
            if dstyle == "md":
                dt = f"{d:%m-%d}"
            elif lang in ("zh", "ja") or dstyle == "iso":
                dt = f"{d:%Y-%m-%d}"
            else:
                dt = fmt_date(rng, d, lang, time=False, style=dstyle)
        ex = f"({rng.randint(12, 98000)})" if views else None
        out.append((h.title, headline_url(rng, h, host, d, url_style), dt, ex))
    return out


# ---------------------------------------------------------------------------
# page shell
# ---------------------------------------------------------------------------


def doctype(rng: random.Random) -> str:
    return pick(rng, ["<!DOCTYPE html>", "<!DOCTYPE html>", "<!doctype html>",
                      '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" '
                      '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">'])


def meta_charset(rng: random.Random, zh: bool = False) -> str:
    if chance(rng, 0.5):
        return '<meta charset="utf-8">'
    return '<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />'


def tracker_script(rng: random.Random) -> str:
    r = rng.random()
    if r < 0.3:
        return (f'<script async src="https://www.googletagmanager.com/gtag/js?id=G-{rand_id(rng, 10, string.ascii_uppercase + string.digits)}"></script>')
    if r < 0.5:
        return f'<script>var _hmt = _hmt || [];(function(){{var hm=document.createElement("script");hm.src="https://hm.baidu.com/hm.js?{rand_id(rng, 32, "0123456789abcdef")}";document.getElementsByTagName("head")[0].appendChild(hm);}})();</script>'
    if r < 0.7:
        return f'<script async src="https://pagead2.googlesyndication.com/pagead/js/adsbygoogle.js?client=ca-pub-{rng.randint(10**15, 10**16 - 1)}" crossorigin="anonymous"></script>'
    return ""


def ad_slot(rng: random.Random) -> str:
    r = rng.random()
    if r < 0.4:
        return (f'<div class="{pick(rng, ["ad", "ads", "adv", "banner", "gg"])}"><ins class="adsbygoogle" style="display:block" '
                f'data-ad-client="ca-pub-{rng.randint(10**15, 10**16 - 1)}" data-ad-slot="{rng.randint(10**9, 10**10 - 1)}"></ins>'
                '<script>(adsbygoogle = window.adsbygoogle || []).push({});</script></div>')
    if r < 0.7:
        return f'<div class="{pick(rng, ["ad", "adv", "gg", "banner"])}"><a href="/go/{rng.randint(1, 99)}" rel="nofollow"><img src="/uploads/ad/{rand_id(rng, 8)}.gif" width="{pick(rng, [300, 728, 960])}" height="{pick(rng, [90, 250, 60])}" alt=""></a></div>'
    return f'<div id="{pick(rng, ["ad", "adbox", "sponsor"])}_{rng.randint(1, 9)}"></div><script src="/js/{pick(rng, ["ad", "gg", "tj", "ads"])}{rng.randint(1, 9)}.js"></script>'


def nav_html(rng: random.Random, lang: str, host: str, n: int | None = None, theme_p: float = 0.0) -> str:
    """A farm's menu; with probability ``theme_p`` a stock theme's header around it (see theme_p)."""
    cats = list(W.CATEGORIES.get(lang, W.CATEGORIES["en"]))
    rng.shuffle(cats)
    cats = cats[: n or rng.randint(4, 8)]
    home = chrome(rng, lang, "home")
    items = [f'<a href="https://{host}/">{esc(home)}</a>'] + [
        f'<a href="/{pick(rng, ["list", "category", "news", "a"])}/{rng.randint(1, 40)}/">{esc(c)}</a>' for c in cats]
    if chance(rng, theme_p):
        return _theme_menu(rng, lang, items)
    if chance(rng, 0.5):
        return f'<div class="{cls(rng, "nav")}">' + pick(rng, ["\n", " | ", " "]).join(items) + "</div>"
    return f'<ul class="{cls(rng, "nav")}">' + "".join(f"<li>{i}</li>" for i in items) + "</ul>"


def theme_p(rng: random.Random) -> float:
    """Share of pages framed by a stock theme in the families that run on WordPress-like themes (blogs,
    link and AI-content farms, aggregators, portals), drawn per page: they use the themes publishers
    use, so a long menu and a heavy footer must not read as a publisher's own site. The site-group
    CMSes of the reference templates (breadcrumb and wire farms) keep their lean frames."""
    return rng.uniform(0.2, 0.85)


def _links(rng: random.Random, words: list[str], prefix: str) -> str:
    return "".join(f'<li><a href="/{prefix}/{_ascii_slug(w) or rand_id(rng, 5, string.ascii_lowercase)}/">{esc(w)}</a></li>'
                   for w in words)


def _social(rng: random.Random, lang: str) -> list[str]:
    return rng.sample(W.SOCIAL_ZH if lang == "zh" else W.SOCIAL, rng.randint(3, 5))


def _theme_menu(rng: random.Random, lang: str, items: list[str]) -> str:
    """A stock theme's header: a top bar, a menu whose entries open sub-menus, social links, a search box."""
    words = W.CATEGORIES.get(lang, W.CATEGORIES["en"]) + W.CATEGORIES["en"] * (lang != "en")
    menu = []
    for item in items:
        sub = rng.sample(words, rng.randint(2, 6)) if chance(rng, 0.6) else []
        menu.append(f"<li>{item}" + (f'<ul class="{cls(rng, "nav")}-sub">{_links(rng, sub, "category")}</ul>' if sub else "") + "</li>")
    bar = W.CHROME.get(lang, W.CHROME["en"])["topbar"]
    top = rng.sample(bar, rng.randint(2, min(4, len(bar))))
    social = _social(rng, lang)
    search = chrome(rng, lang, "search")
    return (f'<div class="{cls(rng, "header")}-top"><ul>{_links(rng, top, "user")}</ul><ul class="social">{_links(rng, social, "go")}</ul></div>'
            f'<nav class="{cls(rng, "nav")}"><ul class="menu">' + "".join(menu) + "</ul></nav>"
            f'<form class="search" action="/search"><input type="search" name="s" placeholder="{esc(search)}"><button>{esc(search)}</button></form>')


def theme_footer(rng: random.Random, lang: str, theme_p: float) -> str:
    """With probability ``theme_p``, a stock theme's footer: link columns, social links, a newsletter
    box and a cookie notice; else nothing."""
    if not chance(rng, theme_p):
        return ""
    t = W.THEME.get(lang, W.THEME["en"])
    pages = W.CHROME.get(lang, W.CHROME["en"])["footer"]
    cats = W.CATEGORIES.get(lang, W.CATEGORIES["en"])
    columns = []
    for heading in rng.sample(t["columns"], rng.randint(2, min(4, len(t["columns"])))):
        pool = pages if chance(rng, 0.5) else cats
        words = rng.sample(pool, rng.randint(min(3, len(pool)), min(7, len(pool))))
        columns.append(f'<div class="{cls(rng, "footer")}-col"><h4>{esc(heading)}</h4><ul>{_links(rng, words, "page")}</ul></div>')
    social = _social(rng, lang)
    parts = columns + [f'<div class="social"><h4>{esc(pick(rng, t["follow"]))}</h4><ul>{_links(rng, social, "go")}</ul></div>']
    if chance(rng, 0.6):
        parts.append(f'<form class="newsletter"><h4>{esc(pick(rng, t["newsletter"]))}</h4><input type="email" name="email">'
                     f'<button>{esc(pick(rng, t["subscribe"]))}</button></form>')
    if chance(rng, 0.5):
        parts.append(f'<div class="cookie-notice"><p>{esc(pick(rng, t["cookies"]))}</p><button>{esc(pick(rng, t["accept"]))}</button></div>')
    return "\n".join(parts)


def footer_html(rng: random.Random, lang: str, site: str, year: int, extra: str = "", theme_p: float = 0.0) -> str:
    links = list(W.CHROME.get(lang, W.CHROME["en"])["footer"])
    rng.shuffle(links)
    links = links[: rng.randint(3, len(links))]
    sep = pick(rng, [" | ", " ┆ ", " - ", " · ", "\n"])
    first = year - rng.randint(0, 9)
    copy_ = pick(rng, [f"Copyright © {first}-{year} {site} {chrome(rng, lang, 'rights')}",
                       f"© {year} {site}. {chrome(rng, lang, 'rights')}",
                       f"Copyright &copy; {year} {site}"])
    copy_ = copy_ if "&copy;" in copy_ else esc(copy_)
    theme = theme_footer(rng, lang, theme_p)
    return (f'<div class="{cls(rng, "footer")}">\n{theme}<p>' + sep.join(f'<a href="/{rand_id(rng, 5, string.ascii_lowercase)}.html">{esc(x)}</a>' for x in links)
            + f"</p>\n<p>{copy_}</p>\n{extra}\n</div>")
