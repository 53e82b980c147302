"""Tests for the farm page generator (training/farms)."""

from __future__ import annotations

import random
import re

import pytest
from bs4 import BeautifulSoup

from training.corpus import farm_example, farm_tasks
from training.farms import FAMILIES, FRAME_P, Article, FarmPage, Frame, Headline, generate, to_text_dump
from training.farms.common import registrable

ART = Article(
    id="t1",
    title="Harbour town votes to rebuild its storm-damaged sea wall",
    paragraphs=[
        "Residents of the small harbour town voted on Sunday to borrow money to rebuild the sea wall that was badly damaged in last winter's storms.",
        "The town council said the old wall, built more than a century ago, could no longer protect the shops and houses along the waterfront.",
        "Engineers estimate the work will take three years and cost about twelve million euros, most of it paid by a regional fund.",
        "Some fishermen worried that construction would block access to the harbour during the busiest months of the season.",
        "The mayor promised that at least one berth would stay open at all times and that work would pause in the summer.",
        "A public meeting to present the final design is planned for next month in the town hall.",
    ],
    lang="en",
    url="https://www.coastalgazette-example.org/news/2021/03/14/sea-wall-vote",
    date="2021-03-14",
    author="Ellen Marsh",
    site_name="Coastal Gazette",
)

ORIG_HTML = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Harbour town votes to rebuild its storm-damaged sea wall - Coastal Gazette</title>
<link rel="canonical" href="https://www.coastalgazette-example.org/news/2021/03/14/sea-wall-vote">
<meta property="og:site_name" content="Coastal Gazette">
<link rel="stylesheet" href="https://www.coastalgazette-example.org/css/site.css"></head>
<body><header><a href="https://www.coastalgazette-example.org/">Coastal Gazette</a></header>
<article><h1>Harbour town votes to rebuild its storm-damaged sea wall</h1>
<p class="byline">By Ellen Marsh</p>
""" + "\n".join(f"<p>{p}</p>" for p in ART.paragraphs) + """
<img src="https://www.coastalgazette-example.org/img/wall.jpg" alt="The sea wall">
</article><footer>© 2021 Coastal Gazette</footer></body></html>"""

ART_HTML = Article(**{**ART.__dict__, "html": ORIG_HTML})

HEADLINES = [Headline(f"Story {i}: {w} report on topic number {i % 17}", 2010 + (i * 7) % 15,
                      f"https://site{i}.example.net/a/{i}")
             for i, w in enumerate(["Weekly", "Annual", "Special", "Local", "Late"] * 16)]

ALL = sorted(FAMILIES)
PARA_SHARE = {"feed_wrapper": 0.15}  # the share of the article's paragraphs a page shows at least (readers: an excerpt)
SEEDS = range(8)


def norm(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip().casefold()


def soup_of(page: FarmPage) -> BeautifulSoup:
    return BeautifulSoup(page.content, "lxml")


def page_text(page: FarmPage, drop_anchors: bool = False) -> str:
    s = soup_of(page)
    for t in s(["script", "style"]):
        t.decompose()
    if drop_anchors:
        for p in s.find_all("p"):
            for a in p.find_all("a"):
                a.decompose()
    return norm(s.get_text(" "))


def para_share(text: str, paras: list[str]) -> float:
    return sum(1 for p in paras if norm(p)[:80] in text) / len(paras)


def link_blocks(s: BeautifulSoup) -> list:
    """Headline blocks: a short heading element whose parent lists >= 3 known headlines."""
    out = []
    for head in s.find_all(["h2", "h3", "h4", "div", "strong", "dt"]):
        txt = head.get_text(" ", strip=True)
        if not txt or len(txt) > 40 or head.find("a") is not None and head.name != "dt" and head.find("a").get_text(strip=True) == txt:
            continue
        parent = head.parent
        if parent is None or parent in out:
            continue
        ptext = norm(parent.get_text(" "))
        n = sum(1 for h in HEADLINES if norm(h.title) in ptext)
        if n >= 3 and len(parent.find_all(["h2", "h3", "h4", "dt"])) <= 1:
            out.append(parent)
    return out


# ---------------------------------------------------------------------------


def test_registry_has_ten_families():
    assert len(FAMILIES) >= 15
    for name in ["cms_breadcrumb_en", "cms_breadcrumb_zh", "wire_farm", "wp_autoblog_appeared", "wp_autoblog_source",
                 "aggregator_canonical", "site_clone", "spun_copy", "link_farm", "portal_syndication"]:
        assert name in FAMILIES


@pytest.mark.parametrize("family", ALL)
@pytest.mark.parametrize("seed", SEEDS)
def test_family_html_basics(family, seed):
    art = ART_HTML if (family == "site_clone" and seed % 2) else ART
    page = generate(art, HEADLINES, random.Random(seed), family=family, as_text=False)
    assert page.family == family and page.kind == "html" and page.article_id == art.id
    assert page.url.startswith(("http://", "https://"))
    assert registrable(re.match(r"https?://([^/]+)", page.url).group(1)) != registrable("www.coastalgazette-example.org")
    s = soup_of(page)
    assert s.find("html") is not None and s.find("body") is not None
    assert s.title is not None and s.title.get_text(strip=True)
    text = page_text(page, drop_anchors=(family == "link_farm"))
    if family == "spun_copy":
        # rewritten text: most words survive, but not all sentences verbatim
        words = set(norm(" ".join(art.paragraphs)).split())
        assert len([w for w in words if w in text]) / len(words) > 0.6
    else:
        h1 = s.find("h1")
        assert h1 is not None and norm(art.title) in norm(h1.get_text(" "))
        assert norm(art.title) in norm(s.title.get_text(" "))
        assert para_share(text, art.paragraphs) >= PARA_SHARE.get(family, 0.6)


def test_clones_never_come_as_text_dumps_unasked():
    """A clone's text dump is the original's text: a training label nothing on the page could support."""
    drawn = [generate(ART_HTML, HEADLINES, random.Random(s), family=fam) for s in range(40) for fam in ("site_clone", "link_farm")]
    assert not any(p.kind == "text" for p in drawn if p.family == "site_clone")
    assert any(p.kind == "text" for p in drawn if p.family == "link_farm")
    assert generate(ART_HTML, HEADLINES, random.Random(1), family="site_clone", as_text=True).kind == "text"


def test_deterministic_and_seed_sensitive():
    for family in ALL:
        a = generate(ART, HEADLINES, random.Random(42), family=family, as_text=False)
        b = generate(ART, HEADLINES, random.Random(42), family=family, as_text=False)
        c = generate(ART, HEADLINES, random.Random(43), family=family, as_text=False)
        assert a == b
        assert a.content != c.content
    # random family / random text choice is deterministic too
    x = [generate(ART, HEADLINES, random.Random(s)) for s in range(30)]
    y = [generate(ART, HEADLINES, random.Random(s)) for s in range(30)]
    assert x == y
    assert len({p.family for p in x}) >= 6
    kinds = [p.kind for p in x]
    assert "html" in kinds


def test_generate_does_not_touch_global_random():
    random.seed(123)
    before = random.random()
    random.seed(123)
    generate(ART, HEADLINES, random.Random(1), family="wire_farm")
    assert random.random() == before


def test_unknown_family():
    with pytest.raises(KeyError):
        generate(ART, HEADLINES, random.Random(0), family="nope")


@pytest.mark.parametrize("family", ALL)
def test_text_dump(family):
    for seed in range(4):
        page = generate(ART, HEADLINES, random.Random(seed), family=family, as_text=True)
        assert page.kind == "text" and page.family == family
        assert not re.search(r"<(p|div|a|h1|span|li|script|meta)\b", page.content, re.I)
        t = norm(page.content)
        if family == "spun_copy":
            continue
        if family != "link_farm":
            assert norm(ART.title) in t
        # lynx output wraps and numbers links; compare a few words of each paragraph
        hits = sum(1 for p in ART.paragraphs if norm(" ".join(p.split()[:4])) in t)
        assert hits >= PARA_SHARE.get(family, 0.6) * len(ART.paragraphs)


def test_text_dump_modes():
    from training.farms.textdump import to_text_dump as dump
    html = ('<html><head><title>T</title><link rel="canonical" href="https://farm.example.com/x/1.html"></head><body>'
            '<div class="nav"><a href="/">Home</a> <a href="/c/2">Scams</a></div><h1>Big title</h1>'
            '<p>First paragraph of text.</p><p>Second paragraph here.</p><script>var x = "<p>no</p>";</script>'
            '<div style="display:none"><a href="https://spam.example/">hidden spam</a></div>'
            '<h3>Related</h3><ul><li><a href="/a/1">Old headline one</a> <span>2016-03-02</span></li>'
            '<li><a href="/a/2">Old headline two</a></li></ul></body></html>')
    lynx = dump(html, random.Random(0), mode="lynx")
    assert re.search(r"\[\d+\]Home", lynx) and "* [" in lynx
    assert "hidden spam" not in lynx and "var x" not in lynx and "<" not in lynx
    if "References" in lynx or "Visible links" in lynx:
        assert "https://farm.example.com/c/2" in lynx
    w3m = dump(html, random.Random(0), mode="w3m")
    assert "• Old headline one" in w3m and not re.search(r"\[\d+\]", w3m)
    copy = dump(html, random.Random(0), mode="copy")
    lines = [ln for ln in copy.splitlines() if ln.strip()]
    assert "Big title" in lines and "First paragraph of text." in lines and "Related" in lines
    assert any(ln.endswith("Old headline one 2016-03-02") for ln in lines)
    page = generate(ART, HEADLINES, random.Random(5), family="wire_farm", as_text=False).content
    assert norm(ART.paragraphs[2]) in norm(to_text_dump(page, random.Random(3)))


def test_text_dump_keeps_a_malformed_link_as_written():
    """Cookie banners link to 'http://[ccpa-preferences]', which urljoin refuses; lynx lists it anyway."""
    from training.farms.textdump import to_text_dump as dump
    html = ('<html><head><link rel="canonical" href="https://news.example.com/a/1"></head><body><h1>Title</h1>'
            '<p>Text of the story.</p><a href="http://[ccpa-preferences]">Do not sell my data</a></body></html>')
    lynx = dump(html, random.Random(0), mode="lynx")
    assert "Text of the story." in lynx and "Do not sell my data" in lynx


# --- family traces ----------------------------------------------------------


def _pages(family, n=20, art=ART):
    return [generate(art, HEADLINES, random.Random(s), family=family, as_text=False) for s in range(n)]


def test_wire_farm_traces():
    pages = _pages("wire_farm", 30)
    datelines = 0
    for p in pages:
        s = soup_of(p)
        first = norm(s.find("h1").find_next("p").get_text(" "))
        if re.search(r"\((ap|reuters|afp|dpa|efe|kyodo|xinhua)\)", first):
            datelines += 1
        assert len(link_blocks(s)) >= 3, p.content
    assert datelines >= 0.7 * len(pages)
    # page date 6-18 months after the article (when shown); brand bylines
    text = " ".join(norm(p.content) for p in pages)
    assert re.search(r"(view|desk|news team|newsroom|editor|insider|daily|staff)</span>", text)


def test_wire_farm_headline_years_spread():
    p = generate(ART, HEADLINES, random.Random(7), family="wire_farm", as_text=False)
    text = page_text(p)
    years = {h.year for h in HEADLINES if norm(h.title) in text}
    assert max(years) - min(years) >= 6


def test_aggregator_canonical_points_elsewhere():
    for p in _pages("aggregator_canonical", 20):
        s = soup_of(p)
        page_dom = registrable(re.match(r"https?://([^/]+)", p.url).group(1))
        targets = []
        link = s.find("link", rel="canonical")
        if link:
            targets.append(link["href"])
        og = s.find("meta", property="og:url")
        if og:
            targets.append(og["content"])
        for ld in s.find_all("script", type="application/ld+json"):
            m = re.search(r'"url":\s*"([^"]+)"', ld.string or "")
            if m:
                targets.append(m.group(1))
        other = [u for u in targets if registrable(re.match(r"https?://([^/]+)", u).group(1)) != page_dom]
        assert other, "no canonical/og:url/JSON-LD pointing to another domain"


def test_wp_appeared_first():
    pages = _pages("wp_autoblog_appeared", 60)
    n = sum(1 for p in pages if re.search(r"The post <a [^>]*>.*?</a> appeared first on <a ", p.content))
    assert n >= 0.65 * len(pages)
    assert all("wp-content" in p.content or "wp-includes" in p.content for p in pages)
    assert all("entry-title" in p.content for p in pages)


def test_wp_source_lines():
    pages = _pages("wp_autoblog_source", 20)
    pat = re.compile(r"(Source|Originally published|Read more at|originally published|Quelle|Fuente|Source :|via|Publié|Publicado|Zuerst|Read the original)", re.I)
    n = sum(1 for p in pages if pat.search(page_text(p)) and "coastalgazette-example.org" in p.content)
    assert n >= 10  # lean pages may keep another trace instead


def test_cms_en_traces():
    pages = _pages("cms_breadcrumb_en", 20)
    hits = rich = 0
    for p in pages:
        t = page_text(p)
        traces = sum([bool(re.search(r"(current position|current:|location:|you are here|position:)", t)),
                      "source:" in t or "from:" in t, bool(re.search(r"(support|oppose|praise|good!|like) ?\(\d+\)", t)),
                      "prev" in t or "previous" in t, "hot" in t or "pop article" in t, "recommend" in t])
        rich += traces >= 2  # a lean page (a quarter of them) may leave only its unrelated site header
        hits += "collection" in t or "internet" in t or "network" in t or "unknown" in t or "web" in t
    assert hits >= 10 and rich >= 10


def test_cms_zh_traces():
    rich = 0
    for p in _pages("cms_breadcrumb_zh", 15):
        t = page_text(p)
        found = [w for w in ["当前位置", "您的位置", "所在位置", "来源", "点击", "顶一下", "赞", "支持", "上一篇", "下一篇",
                             "相关文章", "推荐内容", "热点内容", "icp备", "责任编辑"] if w in t]
        assert found
        rich += len(found) >= 2
    assert rich >= 8  # lean pages aside, most show several


def test_site_clone_with_html():
    for seed in range(10):
        p = generate(ART_HTML, HEADLINES, random.Random(seed), family="site_clone", as_text=False)
        s = soup_of(p)
        og = s.find("meta", property="og:site_name")
        assert og and og["content"] == "Coastal Gazette"
        assert "coastalgazette-example.org" not in re.match(r"https?://([^/]+)", p.url).group(1)
        assert p.url.endswith("/news/2021/03/14/sea-wall-vote")


def test_site_clone_without_html_names_original():
    for p in _pages("site_clone", 10):
        assert "Coastal Gazette" in p.content
        assert "coastalgazette" not in re.match(r"https?://([^/]+)", p.url).group(1)


def test_spun_copy_changes_words():
    for p in _pages("spun_copy", 10):
        t = page_text(p)
        verbatim = sum(1 for para in ART.paragraphs if norm(para) in t)
        assert verbatim < len(ART.paragraphs)


def test_link_farm_has_many_outbound_links():
    for p in _pages("link_farm", 10):
        s = soup_of(p)
        anchors = s.find_all("a")
        assert len(anchors) >= 30
        main = " ".join(norm(x) for x in ART.paragraphs)
        assert len(main) / max(1, len(page_text(p))) < 0.6


def test_portal_syndication_traces():
    rich = 0
    for p in _pages("portal_syndication", 15):
        c = p.content
        traces = sum([bool(re.search(r'name="(syndication-source|original-source)"', c)),
                      bool(re.search(r"(©|copyright) \d{4} ", c, re.I)), "More from" in c or "Mehr von" in c or "Más de" in c or "Plus de" in c or "の他の記事" in c,
                      "provider" in c, bool(re.search(r"\((AP|Reuters|AFP|dpa|EFE|Kyodo|Xinhua)\)", c))])
        assert traces >= 1
        rich += traces >= 2
    assert rich >= 8  # lean pages aside, most show several


def test_non_english_and_missing_fields():
    art = Article(id="z", title="东京举行樱花节 游客人数创新高", paragraphs=["今年的樱花节吸引了大量游客，主办方表示人数创下新高。",
                  "当地商家表示，节日期间销售额明显增长。", "组织者计划明年继续扩大规模。"],
                  lang="zh", url=None, date=None, author=None, site_name=None)
    for family in ALL:
        for seed in range(3):
            p = generate(art, [], random.Random(seed), family=family, as_text=False)
            s = soup_of(p)
            assert s.find("body") is not None
            if family != "spun_copy":
                assert norm(art.title) in norm(s.get_text(" "))


THEMED = ["aggregator_canonical", "link_farm", "portal_syndication", "spun_copy", "wp_autoblog_appeared",
          "wp_autoblog_source", "portal_repost", "mirror_clone", "local_syndication", "ad_keyword_farm", "feed_wrapper"]


@pytest.mark.parametrize("family", ALL)
def test_stock_theme_frames_only_where_farms_run_themes(family):
    """Blog, link, AI-content, aggregator and portal farms run publishers' stock themes: a long menu with
    sub-menus, social links and a footer of link columns frame some of their pages, not all; the
    site-group CMSes of the breadcrumb and wire farms keep their lean frames."""
    pages = _pages(family, 40)
    themed = [p for p in pages if soup_of(p).select("ul.social, div.social")]
    if family in THEMED:
        assert 0.2 * len(pages) <= len(themed) <= 0.95 * len(pages)
        assert max(len(soup_of(p).find_all("li")) for p in themed) >= 12  # header and footer drawn apart
    elif family != "site_clone":  # a clone keeps the original's own frame
        assert not themed


# ---------------------------------------------------------------------------
# real frames: a page of another site whose theme a farm page runs on (written here, not from the corpus)

FRAME_HOST = "www.riverside-chronicle.example"
FRAME_TITLE = "Council approves the new footbridge over the river"
FRAME_HTML = f"""<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>{FRAME_TITLE} | Riverside Chronicle</title>
<meta property="og:site_name" content="Riverside Chronicle"><meta property="og:title" content="{FRAME_TITLE}">
<link rel="canonical" href="https://{FRAME_HOST}/local/footbridge">
<script type="application/ld+json">{{"@type": "NewsArticle", "headline": "{FRAME_TITLE}"}}</script>
<link rel="stylesheet" href="https://static.riverside-chronicle.example/theme.css"></head>
<body><header class="masthead"><a href="https://{FRAME_HOST}/"><img src="https://{FRAME_HOST}/logo.png" alt="Riverside Chronicle"></a>
<nav><a href="https://{FRAME_HOST}/local">Local</a> <a href="/sport">Sport</a> <a href="/opinion">Opinion</a></nav></header>
<div class="layout"><h1 class="headline">{FRAME_TITLE}</h1>
<div class="story-text">""" + "\n".join(
    f"<p>Paragraph {i} of the chronicle's own report on the footbridge, long enough to count as article text here.</p>"
    for i in range(8)) + f"""</div>
<aside class="rail"><h3>Most read</h3><a href="/a/1">One</a> <a href="/a/2">Two</a></aside></div>
<footer>© 2024 Riverside Chronicle · <a href="https://{FRAME_HOST}/about">About</a></footer></body></html>"""
FRAME = Frame(site="riverside-chronicle.example", html=FRAME_HTML, url=f"https://{FRAME_HOST}/local/footbridge",
              title=FRAME_TITLE, site_name="Riverside Chronicle", lang="en")
NO_CONTENT = Frame(site="empty.example", html="<html><head><title>Shop</title></head><body><nav><a href='/'>x</a></nav>"
                   "<div>Buy now</div></body></html>", url="https://empty.example/", title="Shop", site_name=None, lang="en")
FRAMED = [f for f in ALL if FRAME_P[f]]


def _framed_pages(family: str, n: int = 24) -> list[FarmPage]:
    pages = [generate(ART, HEADLINES, random.Random(s), family=family, as_text=False, frames=[FRAME]) for s in range(n)]
    return [p for p in pages if p.frame]


@pytest.mark.parametrize("family", FRAMED)
def test_frame_swapped_for_the_farm(family):
    """On a real frame the farm's article, title and headline replace the frame's, its name and host go."""
    pages = _framed_pages(family)
    assert pages, family
    renamed = 0
    for page in pages:
        assert page.frame == "riverside-chronicle.example"
        s = soup_of(page)
        text = norm(s.get_text(" "))
        assert norm(FRAME_TITLE) not in norm(page.content)
        assert "riverside chronicle" not in text and "footbridge" not in text
        assert not s.select('script[type="application/ld+json"]') or FRAME_TITLE not in page.content
        assert s.select_one("div.masthead, header.masthead") is not None  # the frame's theme is there
        if family != "spun_copy":
            assert norm(ART.title) in norm(s.title.get_text(" "))
            assert norm(ART.title) in norm(" ".join(h.get_text(" ") for h in s.find_all("h1")))
            assert para_share(page_text(page, drop_anchors=(family == "link_farm")), ART.paragraphs) >= PARA_SHARE.get(family, 0.6)
        farm_host = re.match(r"https?://([^/]+)", page.url).group(1)
        renamed += farm_host in page.content
    assert renamed >= len(pages) // 2


def test_frame_without_content_area_is_skipped():
    pages = [generate(ART, HEADLINES, random.Random(s), family="link_farm", as_text=False, frames=[NO_CONTENT])
             for s in range(6)]
    assert all(p.frame is None for p in pages)


def test_at_least_half_of_pages_on_frames():
    pages = [generate(ART, HEADLINES, random.Random(s), family=f, as_text=False, frames=[FRAME])
             for f in ALL for s in range(16)]
    assert sum(p.frame is not None for p in pages) >= 0.5 * len(pages)


def test_frames_deterministic():
    a = [generate(ART, HEADLINES, random.Random(s), frames=[FRAME, NO_CONTENT]) for s in range(12)]
    b = [generate(ART, HEADLINES, random.Random(s), frames=[FRAME, NO_CONTENT]) for s in range(12)]
    assert a == b


def test_farm_tasks_frame_other_sites_and_examples_record_them():
    own = Article(**{**ART.__dict__, "html": FRAME_HTML, "url": FRAME.url, "id": "f1", "title": FRAME_TITLE})
    tasks = farm_tasks([ART_HTML, own], HEADLINES, ["wp_autoblog_source"], 3, 0)
    for article, _, _, _, frames in tasks:
        assert all(f.site != registrable(re.match(r"https?://([^/]+)", article.url).group(1)) for f in frames)
    examples = [farm_example((ART, HEADLINES, s, "wp_autoblog_source", [FRAME])) for s in range(6)]
    assert {e.frame for e in examples} == {"riverside-chronicle.example", None} or \
        {e.frame for e in examples} == {"riverside-chronicle.example"}


# ---------------------------------------------------------------------------
# families of real republishers added with the frames


def test_portal_repost_credits_outlet_and_names_editor():
    pages = _pages("portal_repost", 30)
    credit = re.compile(r"来源|转载|稿源|出处|原文|Источник|Оригинал|материалам|Перепечатано|по данным|Źródło|pochodzi|Przedruk|ukazał|Oryginał|Na podstawie")
    editor = re.compile(r"编辑|责编|审核|Редактор|Автор|Подготовил|Opracowanie|Oprac\\.|Redakcja|Autor")
    named = 0
    for p in pages:
        text = soup_of(p).get_text(" ")
        assert credit.search(text)  # a credit or a repost notice ("本文系转载") on every page
        named += "coastal gazette" in text.casefold() or ART.url in text or ART.author in text
    assert named >= 20  # a lean page's only credit may be a notice that names no one
    assert sum(bool(editor.search(soup_of(p).get_text(" "))) for p in pages) >= 10
    assert len({soup_of(p).html.get("lang") for p in pages}) == 3


def test_mirror_clone_host_spells_the_outlet_and_keeps_its_links():
    for art in (ART, ART_HTML):
        for p in _pages("mirror_clone", 12, art):
            host = re.match(r"https?://([^/]+)", p.url).group(1)
            assert "coastalgazette" in host and registrable(host) != "coastalgazette-example.org"
            assert "coastalgazette-example.org" in p.content


def test_local_syndication_desk_byline_and_source_line():
    pages = _pages("local_syndication", 30)
    desks = sum(any(d in p.content for d in ("Staff", "wire", "Wire", "Redaktion", "Redacción", "rédaction", "Agence",
                                              "Desk", "Press", "Services", "Redazione", "News Service", "AFP", "EFE",
                                              "Agenturen", "Agencias", "Agenzie", "Bloomberg", "Reuters", "dpa", "staff"))
                for p in pages)
    assert desks >= 20
    for p in pages:
        assert "Coastal Gazette" in p.content or ART.url in p.content or "Tribune Content Agency" in p.content


def test_ad_keyword_farm_clouds_outside_the_text():
    for p in _pages("ad_keyword_farm", 12):
        s = soup_of(p)
        article = s.find("article")
        outside = [a for a in s.find_all("a") if article not in a.parents and len(a.get_text().split()) <= 6]
        assert len(outside) >= 6


def test_feed_wrapper_redirects_and_keeps_the_canonical():
    for p in _pages("feed_wrapper", 16):
        s = soup_of(p)
        kept = [x.get("href") or x.get("content") or "" for x in s.select('link[rel="canonical"], meta[property="og:url"]')]
        assert ART.url in kept or ART.url in "".join(x.get_text() for x in s.select('script[type="application/ld+json"]'))
        assert any(re.search(r"feedproxy|feedburner|news\.google|rss\.app|inoreader|feedly|feedspot|newsfusion|feedblitz|newsnow",
                             a.get("href", "")) for a in s.find_all("a"))


@pytest.mark.parametrize("family", ["portal_repost", "local_syndication", "ad_keyword_farm", "feed_wrapper"])
def test_new_families_run_on_frames(family):
    assert _framed_pages(family, 16)


def test_frame_without_url_is_renamed_from_its_canonical():
    """Benchmarks without URLs still declare their host in the canonical; the farm must not keep it all."""
    frame = Frame(**{**FRAME.__dict__, "url": None})
    pages = [p for p in (generate(ART, HEADLINES, random.Random(s), family="wp_autoblog_source", as_text=False,
                                  frames=[frame]) for s in range(12)) if p.frame]
    assert pages and sum(FRAME_HOST not in p.content for p in pages) >= len(pages) // 2


def test_frame_story_split_over_blocks_goes_entirely():
    """A frame whose story runs on outside its content container (a second text block) loses all of it."""
    extra = "".join(f"<p>Second block sentence {i} of the chronicle's footbridge story, still its own words.</p>" for i in range(3))
    html = FRAME_HTML.replace('<aside class="rail">', f'<div class="more-text">{extra}</div><aside class="rail">')
    paras = tuple(f"Second block sentence {i} of the chronicle's footbridge story, still its own words." for i in range(3))
    frame = Frame(**{**FRAME.__dict__, "html": html, "paragraphs": paras})
    pages = [p for p in (generate(ART, HEADLINES, random.Random(s), family="wire_farm", as_text=False, frames=[frame])
                         for s in range(12)) if p.frame]
    assert pages and not any("Second block sentence" in p.content for p in pages)
