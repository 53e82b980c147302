"""Real frames: render a farm page inside the HTML of a real page from another site.

A scraper runs a real theme, not one of our templates. Building farm pages only from our own
templates taught the model our templates; so a family's page (its article, headline and residue:
source lines, bylines, credits, vote widgets, link blocks, head meta) is moved into the content
container of a real original of another site of the same split side. The frame's title, headline,
site name and host are swapped for the farm's, the host only partly at times, as real scrapers
leave some links and assets on the theme's first home.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

import lxml.html
from lxml import etree

from . import common as C

CONTAINER_XPATHS = (
    '//*[@itemprop="articleBody"]',
    "//article",
    '//*[contains(concat(" ", normalize-space(@class), " "), " entry-content ")]',
    '//*[contains(concat(" ", normalize-space(@class), " "), " post-content ")]',
    '//*[contains(@class, "article-body") or contains(@class, "article__body") or contains(@class, "story-body")]',
    '//*[@role="main"]',
    "//main",
    '//*[@id="content" or @id="main" or @id="main-content"]',
)
MIN_TEXT = 300  # characters of paragraph text a container must hold to be the page's main content
MAIN_SHARE = 0.5  # ... and the share of the page's paragraph text
CHROME_TAGS = ("header", "nav", "footer", "form")
CHROME_NAMES = re.compile(r"foot|head|nav|menu|copyright|top|bottom|social|cookie|newsletter|search|masthead|colophon", re.I)
BLOCK_TAGS = ("aside", "section", "div", "dl", "ul")
SITE_CHROME = re.compile(r"(?:^|[\s_-])(?:site|masthead|colophon|header|footer|foot|top|topbar|hd|ft|bottom|nav|menu|navbar)"
                         r"(?:[\s_\d-]|$)", re.I)
ARTICLE_PART = re.compile(r"entry|post|article|story|caas|content", re.I)
HEAD_DROP = ('//link[@rel="canonical" or @rel="shortlink" or @rel="amphtml" or @rel="alternate"]',
             '//meta[starts-with(@property, "og:") or starts-with(@name, "twitter:") or starts-with(@property, "article:")'
             ' or @name="description" or @name="author" or @name="keywords" or @name="news_keywords"'
             ' or @name="generator" or @name="application-name" or starts-with(@name, "parsely")'
             ' or starts-with(@name, "dc.") or starts-with(@name, "DC.")]')
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
URL_ATTRS = ("href", "src", "action", "srcset", "data-src", "content", "poster")
NAME_ATTRS = ("alt", "title", "content", "aria-label")


@dataclass(frozen=True)
class Frame:
    """A real page whose theme a farm page may run on; ``site`` is its split group (registrable domain)."""

    site: str
    html: str
    url: str | None
    title: str | None
    site_name: str | None
    lang: str | None
    paragraphs: tuple[str, ...] = ()  # the frame's own story, wherever it lies, goes


def _p_text(el) -> int:
    """Characters of paragraph text outside links (a keyword cloud in a <p> is not article text)."""
    return sum(_own_text(p) for p in el.iter("p"))


def _own_text(p) -> int:
    return len(p.text_content()) - sum(len(a.text_content()) for a in p.iter("a"))


def find_container(doc):
    """The element holding the page's main text: a known content selector when one holds most of the
    paragraph text, else the element with the most paragraph text as children; None when neither
    holds enough text to be a content area."""
    body = doc.find("body")
    total = _p_text(body if body is not None else doc)
    need = max(MIN_TEXT, MAIN_SHARE * total)
    for xpath in CONTAINER_XPATHS:
        found = [e for e in doc.xpath(xpath) if e.tag not in ("html", "body") and _p_text(e) >= need]
        if found:
            return min(found, key=_p_text)
    by_parent: dict = {}
    for p in doc.iter("p"):
        parent = p.getparent()
        if parent is not None and parent.tag not in ("html", "body"):
            by_parent[parent] = by_parent.get(parent, 0) + _own_text(p)
    if not by_parent:
        return None
    best, size = max(by_parent.items(), key=lambda kv: kv[1])
    return best if size >= MIN_TEXT else None


def _parse(html: str):
    try:
        doc = lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return None
    return doc if doc.find("body") is not None else None


def _own_parts(own):
    """The family's page cut into what moves: the article piece (headline, byline, text and the
    residue around it, without its own header/menu/footer), link blocks outside it, and head meta."""
    container = find_container(own)
    if container is None:
        return None
    h1 = next(own.iter("h1"), None)
    piece = container
    if h1 is not None:
        while piece.tag != "body" and h1 not in piece.iter("h1"):
            piece = piece.getparent()
        if piece.tag == "body":
            piece = container
    for el in [e for e in piece.iter("nav", "form", "header", "footer", "div") if _site_chrome(e, h1)]:
        if el.getparent() is not None:
            el.getparent().remove(el)
    blocks = [el for el in own.find("body").iter(*BLOCK_TAGS)
              if _is_block(el, piece) and not any(_is_block(a, piece) for a in el.iterancestors())]
    head = own.find("head")
    metas = [] if head is None else [
        el for el in head if (el.tag == "meta" and (el.get("name") or el.get("property"))
                              and el.get("name") != "viewport")
        or (el.tag == "link" and el.get("rel") in ("canonical", "shortlink", "alternate"))
        or (el.tag == "script" and "ld+json" in (el.get("type") or ""))]
    title = own.findtext(".//title") or ""
    return piece, h1, blocks, metas, title


def _site_chrome(el, h1) -> bool:
    """The template's own menu, search form, site header or footer caught inside the article piece
    (an article's own header or footer, with its headline, byline or tags, stays)."""
    if el.tag in ("nav", "form"):
        return True
    if h1 is not None and _inside(h1, el):
        return False
    names = f'{el.get("class", "")} {el.get("id", "")}'
    return bool(SITE_CHROME.search(names)) and not ARTICLE_PART.search(names)


def _inside(el, ancestor) -> bool:
    return any(a is ancestor for a in el.iterancestors())


def _is_block(el, piece) -> bool:
    """A block of links outside the article piece that is not the template's own header, menu or footer."""
    if el.tag not in BLOCK_TAGS or _inside(el, piece) or any(e is piece for e in el.iter()):
        return False
    if any(a.tag in CHROME_TAGS for a in el.iterancestors()) or CHROME_NAMES.search(f'{el.get("class", "")} {el.get("id", "")}'):
        return False
    return len(el.findall(".//a")) >= 4


def _site_name_of(own, url: str) -> str:
    """The farm's own name as its template wrote it (og:site_name, else the title's tail, else its host)."""
    og = own.xpath('//meta[@property="og:site_name"]/@content')
    if og and og[0].strip():
        return og[0].strip()
    parts = re.split(r"\s+[-|–_»]\s+", own.findtext(".//title") or "")
    if len(parts) > 1 and 2 < len(parts[-1].strip()) < 40:
        return parts[-1].strip()
    host = C.host_of(url) or ""
    return C.registrable(host).split(".")[0].title() if host else ""


def _replacer(pairs: list[tuple[str, str]]):
    pairs = [(a, b) for a, b in pairs if a and len(a) >= 3 and a != b]
    if not pairs:
        return lambda s: s
    table = {a.casefold(): b for a, b in pairs}
    pattern = re.compile("|".join(re.escape(a) for a, _ in sorted(pairs, key=lambda p: -len(p[0]))), re.I)
    return lambda s: pattern.sub(lambda m: table.get(m.group(0).casefold(), m.group(0)), s) if s else s


def _host_renamer(rng: random.Random, frame_host: str | None, farm_host: str, share: float):
    """Rewrite URLs on the frame's site (any subdomain) to the farm's host, each with probability ``share``."""
    if not frame_host:
        return lambda s: s
    dom = re.escape(C.registrable(frame_host))
    pattern = re.compile(rf"(?<![\w.-])(?:[\w-]+\.)*{dom}(?![\w-])", re.I)
    return lambda s: pattern.sub(lambda m: farm_host if rng.random() < share else m.group(0), s) if s else s


def render(rng: random.Random, own_html: str, own_url: str, frame: Frame) -> str | None:
    """``own_html`` (a family's page) rendered into ``frame``; None when either page has no content area."""
    doc, own = _parse(frame.html), _parse(own_html)
    if doc is None or own is None:
        return None
    container = find_container(doc)
    parts = _own_parts(own)
    if container is None or parts is None:
        return None
    piece, own_h1, blocks, metas, own_title = parts
    headline = own_h1.text_content().strip() if own_h1 is not None else own_title
    farm_host = C.host_of(own_url) or ""
    name = _site_name_of(own, own_url)
    renames = _replacer([(frame.title or "", headline), (frame.site_name or "", name)]
                        + [(n, name) for n in doc.xpath('//meta[@property="og:site_name"]/@content')])
    host_share = 1.0 if C.chance(rng, rng.uniform(0.3, 0.8)) else rng.uniform(0.5, 0.98)
    declared = doc.xpath('//link[@rel="canonical"]/@href | //meta[@property="og:url"]/@content')
    rehost = _host_renamer(rng, C.host_of(frame.url) or next(filter(None, map(C.host_of, declared)), None), farm_host, host_share)

    for xpath in HEAD_DROP:
        for el in doc.xpath(xpath):
            el.getparent().remove(el)
    keep_ld = C.chance(rng, rng.uniform(0.1, 0.6)) and not any(m.tag == "script" for m in metas)
    for el in doc.xpath('//script[contains(@type, "ld+json")]'):
        if not keep_ld:
            el.getparent().remove(el)
    for el in doc.iter():
        if not isinstance(el.tag, str):
            continue
        for part in ("text", "tail"):
            value = getattr(el, part)
            if value and (new := rehost(renames(value))) != value:
                setattr(el, part, _xml_safe(new))
        for attr, edit in [(a, renames) for a in NAME_ATTRS] + [(a, rehost) for a in URL_ATTRS]:
            value = el.get(attr)
            if value and (new := edit(value)) != value:
                el.set(attr, _xml_safe(new))

    frame_h1s = [h for h in doc.iter("h1") if not _inside(h, container) and h is not container]
    for h in frame_h1s:
        for child in list(h):
            h.remove(child)
        h.text = headline
    for child in list(container):
        container.remove(child)
    container.text = None
    _drop_story(doc, frame.paragraphs)
    if own_h1 is not None and frame_h1s and _inside(own_h1, piece):
        own_h1.drop_tree()
    elif own_h1 is not None and not frame_h1s and not _inside(own_h1, piece) and own_h1 is not piece:
        container.append(own_h1)
    container.append(piece)
    keep = rng.uniform(0.3, 1.0)
    blocks = [b for b in blocks if C.chance(rng, keep)]
    _place_blocks(rng, doc, container, blocks)

    head = doc.find("head")
    if head is None:
        head = etree.SubElement(doc, "head")
        doc.insert(0, head)
    title = head.find("title")
    if title is None:
        title = etree.SubElement(head, "title")
    title.text = own_title
    for el in metas:
        head.append(el)
    _theme_meta(rng, head, headline, name, own_url)
    doctype = doc.getroottree().docinfo.doctype or "<!DOCTYPE html>"
    return doctype + "\n" + lxml.html.tostring(doc, encoding="unicode")


def _drop_story(doc, paragraphs: tuple[str, ...]) -> None:
    """Paragraphs of the frame's own story outside its content container (stories split over several
    blocks) are dropped too: a farm page carries one story."""
    heads = {_key(p) for p in paragraphs if len(p) >= 40}
    if not heads:
        return
    for el in [e for e in doc.iter("p", "li", "blockquote", "div") if len(e) == 0 or e.tag == "p"]:
        if _key(el.text_content()) in heads and el.getparent() is not None:
            el.drop_tree()


def _key(text: str) -> str:
    return " ".join(text.split())[:40].casefold()


def _theme_meta(rng: random.Random, head, headline: str, name: str, url: str) -> None:
    """The frame's SEO plugin writes the farm's own social tags, for some farms and some of the tags."""
    have = {el.get("property") or el.get("name") for el in head.iter("meta")}
    tags = [("property", "og:title", headline), ("property", "og:site_name", name), ("property", "og:url", url),
            ("property", "og:type", "article"), ("name", "twitter:card", "summary_large_image"), ("name", "twitter:title", headline)]
    p = rng.uniform(0.0, 0.9)
    for attr, key, value in tags:
        if key not in have and value and C.chance(rng, p):
            etree.SubElement(head, "meta", {attr: key, "content": _xml_safe(value)})


def _xml_safe(s: str) -> str:
    """Real pages carry control characters that lxml reads but will not write back."""
    return CONTROL.sub("", s)


def _place_blocks(rng: random.Random, doc, container, blocks: list) -> None:
    """The family's link blocks go to the frame's sidebar, or after the article, or before its footer."""
    if not blocks:
        return
    aside = next((a for a in doc.iter("aside") if not _inside(a, container)), None)
    footer = next(doc.iter("footer"), None)
    for block in blocks:
        where = rng.random()
        if aside is not None and where < 0.5:
            aside.append(block)
        elif footer is not None and where < 0.75:
            footer.addprevious(block)
        else:
            container.addnext(block)


def frame_of(rng: random.Random, own_html: str, own_url: str, frames: list[Frame], lang: str | None,
             same_lang_p: float) -> tuple[str, Frame] | None:
    """Try a few frames (the article's language first with probability ``same_lang_p``); the first that
    renders wins."""
    pool = list(frames)
    rng.shuffle(pool)
    if lang and C.chance(rng, same_lang_p):
        pool.sort(key=lambda f: (f.lang or "").split("-")[0] != lang.split("-")[0])
    for frame in pool[:4]:
        try:
            html = render(rng, own_html, own_url, frame)
        except (ValueError, etree.LxmlError):  # markup lxml cannot rebuild: try the next frame
            continue
        if html is not None:
            return html, frame
    return None
