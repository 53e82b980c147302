"""The Page model: everything the signals read, parsed once from HTML (here) or a text dump (text_page).

Fields follow trafilatura's habit of ordered fallbacks: JSON-LD and meta tags first, then marked-up
elements, then visible text. Each piece of evidence keeps where it was found (``source``) and a CSS
path (``locator``) so that reports can point at it. A field that cannot be read stays empty: signals
treat empty as "unknown", never as guilt.
"""

from __future__ import annotations

import gc
import json
import re
import threading
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from urllib.parse import urljoin, urlsplit

import warnings

from bs4 import BeautifulSoup, Comment, MarkupResemblesLocatorWarning, NavigableString, Tag, XMLParsedAsHTMLWarning
from bs4.builder import LXMLTreeBuilder

from .lexicons import load, pattern
from .text import cjk_share, is_headline, normalize, parse_date, word_count

# --------------------------------------------------------------------------------------------------
# The model


@dataclass(frozen=True)
class Located:
    """A piece of text seen on the page, with where it came from."""

    text: str
    source: str  # e.g. "meta og:site_name", "json-ld", "visible text"
    locator: str | None = None  # CSS path in the HTML, or "line N" in a text dump


@dataclass(frozen=True)
class PageDate:
    value: date
    source: str
    locator: str | None = None


@dataclass(frozen=True)
class Link:
    text: str
    href: str | None = None


@dataclass(frozen=True)
class LinkBlock:
    """A group of three or more headline links: a related/ranking/recommended/most-read list."""

    heading: str | None
    links: tuple[Link, ...]
    text: str  # all text of the block's items, headline dates included
    locator: str | None = None


@dataclass
class Page:
    kind: str  # "html" or "text"
    url: str | None = None  # the page's own address (an archive capture's original URL)
    capture_url: str | None = None  # the archive address it was read from, when it was a capture
    domain: str | None = None  # registrable domain of ``url``
    lang: str | None = None
    title: str = ""  # the document title (<title>, or a text dump's first line)
    headline: str = ""  # the article's own headline (h1, og:title)
    site_names: list[Located] = field(default_factory=list)
    breadcrumb: Located | None = None
    breadcrumb_items: list[str] = field(default_factory=list)
    section: Located | None = None  # the category the page files the story under
    bylines: list[Located] = field(default_factory=list)
    dates: list[PageDate] = field(default_factory=list)  # the page's own publication date(s)
    urls: list[Located] = field(default_factory=list)  # canonical, og:url, JSON-LD url
    meta: dict[str, list[str]] = field(default_factory=dict)
    paragraphs: list[Located] = field(default_factory=list)  # the main text, in order
    lines: list[str] = field(default_factory=list)  # every visible line of the page
    link_blocks: list[LinkBlock] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)  # every link with text
    text_links: list[Link] = field(default_factory=list)  # links inside the main text's paragraphs
    resource_urls: list[str] = field(default_factory=list)  # src/href of images, scripts, styles, frames
    script_hosts: list[str] = field(default_factory=list)  # hosts of URLs written in inline scripts and JSON
    total_chars: int = 0
    link_chars: int = 0
    captions: list[str] = field(default_factory=list)  # visible lines inside figures, captions and photo/chart credit boxes
    truncated: bool = False
    encoding: str | None = None

    @property
    def main_text(self) -> str:
        return "\n".join(p.text for p in self.paragraphs)

    @property
    def main_chars(self) -> int:
        return sum(len(p.text) for p in self.paragraphs)


# --------------------------------------------------------------------------------------------------
# Shared helpers (also used by text_page)


@lru_cache(maxsize=1)
def _tld_extract():
    import tldextract

    # The bundled suffix list snapshot: no network access at run time, no cache written.
    return tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)


@lru_cache(maxsize=8192)
def registrable_domain(url: str | None) -> str | None:
    """'https://www.bbc.co.uk/news' -> 'bbc.co.uk'; None when there is no host."""
    if not url:
        return None
    try:
        host = urlsplit(url if "//" in url else "//" + url).hostname
    except ValueError:  # e.g. an unbalanced "[" in the host
        return None
    if not host:
        return None
    parts = _tld_extract()(host)
    if parts.suffix and parts.domain:
        return f"{parts.domain}.{parts.suffix}".lower()
    return host.lower()


_CAPTURE = re.compile(  # web.archive.org/web/<time>[im_]/<original>, or a capture's relative link
    r"(?:(?:https?:)?//web\.archive\.org/web/\d{1,14}(?:[a-z]{2}_)?/+(?:(https?):/+)?(.+)"
    r"|https?://[^/]+/web/\d{8,14}(?:[a-z]{2}_)?/+(https?):/+(.+))", re.I)


def unarchived(url: str | None) -> str | None:
    """A Wayback Machine capture's original URL; any other URL unchanged.

    A capture rewrites every link and image to web.archive.org/web/<time>/<original>, so judged as
    is, every archived page would be "on archive.org" under another site's name: a clone's trace.
    """
    if not url or "/web/" not in url:
        return url
    m = _CAPTURE.match(url.strip())
    if not m:
        return url
    scheme, rest = (m.group(1), m.group(2)) if m.group(2) else (m.group(3), m.group(4))
    return f"{(scheme or 'http').lower()}://{rest}"


def addresses(url: str | None) -> tuple[str | None, str | None]:
    """(the page's own URL, the capture URL it was read from or None): see ``unarchived``."""
    own = unarchived(url)
    return own, (url if own != url else None)


def absolute(base: str | None, href: str) -> str:
    """``href`` resolved against ``base`` (captures unwrapped); a malformed URL is kept as written."""
    href = href.strip()
    if href.startswith(("http://", "https://")) and "\\" not in href:
        return unarchived(href)  # already absolute: urljoin would return it unchanged, at a cost per link
    try:
        return unarchived(urljoin(base or "", href))
    except ValueError:
        return href


_TITLE_SEPARATORS = re.compile(r"\s+[|\-–—:·•»]\s+|\s*[_｜|]\s*|\s+::\s+")


def title_parts(title: str) -> list[str]:
    return [p.strip() for p in _TITLE_SEPARATORS.split(title) if p and p.strip()]


def breadcrumb_from_text(text: str) -> list[str] | None:
    """'Current position: Home > Scams > …' -> ['Home', 'Scams', …]; None when the line is no breadcrumb."""
    text = normalize(text)
    if len(text) > 300:
        return None
    labels = pattern("page", "breadcrumb_labels", whole_words=True)
    m = labels.match(text)
    rest = text[m.end():].lstrip(" :：-") if m else text
    seps = _separator_pattern()
    items = [i.strip() for i in seps.split(rest) if i.strip()]
    root = pattern("page", "breadcrumb_roots")
    if m and items:
        return items
    if len(items) >= 2 and root.fullmatch(items[0]):
        return items
    return None


@lru_cache(maxsize=1)
def _separator_pattern() -> re.Pattern[str]:
    seps = sorted(load("page")["breadcrumb_separators"], key=len, reverse=True)
    return re.compile(r"\s*(?:" + "|".join(re.escape(s) for s in seps) + r")\s*")


_BYLINE_LINE = None


def byline_from_text(line: str) -> str | None:
    """'By Jane Doe' / '作者：admin' -> the name; None when the line is not a byline."""
    global _BYLINE_LINE
    if _BYLINE_LINE is None:
        labels = "|".join(re.escape(x) for x in sorted(load("page")["byline_labels"], key=len, reverse=True))
        _BYLINE_LINE = re.compile(rf"^(?:{labels})(?:\s*[:：]\s*|\s+)(.{{2,80}})$", re.I)
    m = _BYLINE_LINE.match(normalize(line))
    if not m:
        return None
    name = m.group(1).strip(" |,;")
    # "By the way, ..." is prose, not a byline: names are short.
    return name if word_count(name) <= 8 else None


def copyright_holder(text: str) -> str | None:
    """'© 2015-2020 Golden Wealth Academy. All rights reserved.' -> 'Golden Wealth Academy'."""
    text = normalize(text)
    marks = pattern("page", "copyright_marks")
    m = marks.search(text)
    if not m or len(text) > 300:
        return None
    rest = marks.sub(" ", text)
    rest = re.sub(r"(?:19|20)\d\d\s*(?:[-–]\s*(?:19|20)\d\d)?", " ", rest)
    rest = re.split(r"[.。|,;]|\s{2,}", rest.strip(" ,.-:"))[0].strip(" ,.-:")
    return rest if 2 <= len(rest) <= 80 else None


_CHUNK = re.compile(r"\s{2,}|\s[|/·•]\s|\s+(?=[^\s:：]{1,12}[:：])")


def _chunks(line: str) -> list[str]:
    """An info line cut into its labelled parts: 'Time: … Source: … Author: admin' -> three chunks."""
    return [c for c in _CHUNK.split(line) if c]


def dated_label(line: str) -> date | None:
    """A visible 'Post: 2024-05-02' / '时间：2024-05-02' line -> the date."""
    labels = pattern("page", "date_labels")
    m = labels.match(normalize(line))
    if not m:
        return None
    return parse_date(line[m.end():])


# --------------------------------------------------------------------------------------------------
# HTML

_DROP = ("script", "style", "noscript", "template", "svg", "iframe", "object", "canvas", "head")
_BLOCK_TAGS = {"p", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "dd", "td", "figcaption"}
_HEADING_TAGS = {"h1", "h2", "h3", "h4", "h5", "h6", "strong", "b", "span", "div", "p", "dt", "header", "label", "em", "i"}
_ITEMISH = re.compile(r"(?i)comment|footer|sidebar|share|social|nav|menu|widget")


def css_path(el: Tag) -> str:
    """A CSS selector that names ``el`` (an id where one exists, else nth-of-type steps)."""
    steps = []
    while el is not None and isinstance(el, Tag) and el.name not in ("[document]", "html"):
        if el.get("id") and re.fullmatch(r"[A-Za-z][\w-]*", str(el.get("id"))):
            steps.append(f"{el.name}#{el['id']}")
            break
        parent = el.parent
        if parent is None:
            steps.append(el.name)
            break
        nth, same = _nth_of_type(el, parent)
        steps.append(el.name if same == 1 else f"{el.name}:nth-of-type({nth})")
        el = parent
    return " > ".join(reversed(steps))


def _nth_of_type(el: Tag, parent: Tag) -> tuple[int, int]:
    """(position of ``el`` among its same-named siblings, how many there are).

    Indexed once per parent and kept on it (rebuilt if its children change): scanning the siblings
    on every call made a page with thousands of <p>s in one <div> quadratic (minutes for 1 MB).
    """
    cached = parent.__dict__.get("_detector_nth")
    if cached is None or cached[0] != len(parent.contents) or id(el) not in cached[1]:
        counts: dict[str, int] = {}
        index: dict[int, int] = {}
        for c in parent.children:
            if isinstance(c, Tag):
                counts[c.name] = index[id(c)] = counts.get(c.name, 0) + 1
        cached = parent.__dict__["_detector_nth"] = (len(parent.contents), index, counts)
    return cached[1][id(el)], cached[2][el.name]


def _text(el: Tag) -> str:
    """The element's visible text, kept on it: links, link blocks, the main text and the byline
    readers ask for the same elements' text (the tree does not change after the drop and comments)."""
    text = el.__dict__.get("_detector_text")
    if text is None:
        text = el.__dict__["_detector_text"] = normalize(el.get_text(" ", strip=True))
    return text


def _rel(el: Tag) -> set[str]:
    rel = el.attrs.get("rel") or ""  # .attrs, not Tag.get: these run on every tag of the page
    return {r.lower() for r in (rel if isinstance(rel, list) else str(rel).split())}


def _attrs_text(el: Tag) -> str:
    attrs = el.attrs
    cls = attrs.get("class") or []
    return " ".join([*(cls if isinstance(cls, list) else [cls]), str(attrs.get("id") or "")]).lower()


class _Tree:
    """One walk over the parsed body: every tag in document order, and link text per ancestor.

    bs4's find_all re-walks the tree on each call; the readers below filter this list instead.
    """

    def __init__(self, body: Tag) -> None:
        nodes = list(body.descendants)
        for c in [n for n in nodes if isinstance(n, Comment)]:
            c.extract()  # comments are no visible text (and CMSs leave markup in them)
        self.nodes: list = [n for n in nodes if not isinstance(n, Comment)]  # tags and strings, in order
        self.tags: list[Tag] = [n for n in self.nodes if isinstance(n, Tag)]
        self.link_chars: dict[int, int] = {}

    def of(self, *names: str) -> list[Tag]:
        return [el for el in self.tags if el.name in names]


class _HTMLBuilder(LXMLTreeBuilder):
    """bs4's lxml HTML builder without the namespace bookkeeping it does for XML on every start tag.

    lxml's HTML parser reports no namespaces, so each tag's attributes can go to bs4 as they come:
    a fifth less build time for the same tree (tests/test_page.py compares it with stock bs4's).
    """

    def start(self, tag: str, attrib: dict, nsmap: dict | None = None) -> None:
        self.soup.handle_starttag(tag, None, None, dict(attrib), namespaces=self.active_namespace_prefixes[-1])


def soup_of(html: str) -> BeautifulSoup:
    """The one parse: BeautifulSoup on lxml's HTML parser.

    Class and rel stay strings (multi_valued_attributes=None: splitting every class attribute costs
    bs4 a seventh of its build time; _attrs_text/_rel read both forms) in plain dicts (bs4's own
    attribute dict checks every value it is given, and lxml's are always strings).
    """
    with warnings.catch_warnings():
        # Some pages are XHTML served as HTML; lxml's HTML builder reads them fine. A page that is only
        # an address or a file name is still a page to read, not a mistaken call.
        warnings.simplefilter("ignore", XMLParsedAsHTMLWarning)
        warnings.simplefilter("ignore", MarkupResemblesLocatorWarning)
        return BeautifulSoup(html, builder=_HTMLBuilder(multi_valued_attributes=None, attribute_dict_class=dict))


class _CollectorPause:
    """Pause Python's cyclic garbage collector while a page is built, in any number of threads.

    bs4 allocates ~100,000 objects for a 150 KB page; the collector, triggered every 700
    allocations, re-scans the half-built tree over and over (a sixth of the scoring time). Paused,
    the tree is scanned once, when it has become garbage (collected on the way out, so that the
    cost stays with the parse and memory with it). A count under a lock keeps one thread
    from re-enabling the collector under another, and a collector the caller had disabled stays so.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._depth = 0
        self._paused = False

    def __enter__(self) -> None:
        with self._lock:
            if self._depth == 0:
                self._paused = gc.isenabled()
                gc.disable()
            self._depth += 1

    def __exit__(self, *exc: object) -> None:
        with self._lock:
            self._depth -= 1
            if self._depth == 0 and self._paused:
                gc.enable()
                gc.collect(0)  # the page's tree, now garbage, freed here and not in the caller's next step


_COLLECTOR_PAUSE = _CollectorPause()


def parse_html(html: str, url: str | None = None, *, truncated: bool = False) -> Page:
    """Build a Page from HTML, parsing it once with BeautifulSoup on lxml."""
    with _COLLECTOR_PAUSE:
        return _parse_html(html, url, truncated)


def _parse_html(html: str, url: str | None, truncated: bool) -> Page:
    soup = soup_of(html)
    own, capture = addresses(url)
    page = Page(kind="html", url=own, capture_url=capture, truncated=truncated)
    html_el = soup.find("html")
    if isinstance(html_el, Tag) and html_el.get("lang"):
        page.lang = str(html_el.get("lang")).strip().lower() or None

    everything = [el for el in soup.descendants if isinstance(el, Tag)]
    jsonld = _read_head(everything, page)
    page.resource_urls = _resource_urls(everything, page.url)
    page.script_hosts = _script_hosts(everything)
    if page.url is None:
        for loc in page.urls:  # a saved file knows its own address only through its canonical
            if loc.source == "canonical":
                page.url = loc.text
                break
    page.domain = registrable_domain(page.url)

    for el in everything:
        if el.name in _DROP and not el.decomposed:
            el.decompose()
    body = soup.body or soup
    tree = _Tree(body)

    anchors = _read_links(tree, page)
    _read_link_blocks(anchors, page)
    _read_main_text(tree, page)
    blocks = visible_blocks(body, tree.nodes)
    page.lines = [text for text, _ in blocks]
    page.captions = [text for text, block in blocks if len(text) <= 300 and _in_caption(block)]
    page.total_chars = sum(len(x) for x in page.lines)
    if not page.headline:
        page.headline = _headline(tree, page.title)
    _read_site_names(tree, page, jsonld)
    _read_breadcrumb(tree, page, jsonld)
    _read_bylines(tree, page, jsonld)
    _read_dates(tree, page, jsonld)
    return page


_INLINE = {"a", "span", "small", "strong", "b", "i", "em", "font", "label", "abbr", "time", "sup", "sub", "u",
           "code", "cite", "q", "mark", "s", "big", "img", "bdi", "bdo", "var", "kbd", "data", "nobr", "tt"}


def visible_blocks(body: Tag, nodes: list | None = None) -> list[tuple[str, Tag]]:
    """The page's text as a browser lays it out, each line with the block element it came from.

    Inline elements join a line; blocks and <br> break it. So "作者：<small>admin</small>" stays one
    line, as in a select-all copy: labels keep their values, and the HTML and text-dump builders see
    the same lines. The report uses the block elements to highlight a "line N" locator. ``nodes``
    are ``body``'s descendants when the caller has walked them already.
    """
    out: list[tuple[str, Tag]] = []
    current: list[str] = []
    last_block: Tag | None = None

    def flush() -> None:
        text = normalize("".join(current))
        if text and last_block is not None:
            out.append((text, last_block))
        current.clear()

    for node in body.descendants if nodes is None else nodes:
        if isinstance(node, Tag):
            if node.name == "br":
                flush()
            continue
        if not isinstance(node, NavigableString) or isinstance(node, Comment):
            continue
        block = node.parent
        while block is not None and block.name in _INLINE:
            block = block.parent
        if block is not last_block:
            flush()
            last_block = block
        current.append(str(node))
    flush()
    return out


_CAPTION_TAGS = {"figure", "figcaption", "caption"}
_CAPTION_HINT = re.compile(r"caption|chart|graphic|figure|datawrapper|flourish|(?:photo|image|img|media|picture|foto|bild)[-_]?(?:credit|source)")


def _in_caption(block: Tag) -> bool:
    """The block sits in a figure, a caption or a box classed as a photo/chart credit (five levels up)."""
    el: Tag | None = block
    for _ in range(5):
        if el is None or el.name in ("body", "article", "main", "[document]"):
            return False
        if el.name in _CAPTION_TAGS or _CAPTION_HINT.search(_attrs_text(el)):
            return True
        el = el.parent
    return False


def _headline(tree: _Tree, title: str) -> str:
    """The h1 (or h2) that the document title names; the first h1 when none does.

    Farm templates often put the logo in the h1 and the story's title in an h2.
    """
    heads = [(el, _text(el)) for el in tree.of("h1", "h2")[:20]]
    heads = [(el, t) for el, t in heads if t]
    named = title_parts(title)[0].lower() if title_parts(title) else ""
    for el, text in heads:
        if named and (text.lower() in title.lower() or named in text.lower()) and word_count(text) >= 3:
            return text
    return next((t for el, t in heads if el.name == "h1"), "")


_RESOURCE_ATTR = {"img": "src", "script": "src", "iframe": "src", "source": "src", "link": "href"}


def _resource_urls(tags: list[Tag], base: str | None) -> list[str]:
    """Where the page loads its images, scripts, styles and frames from (read before scripts are dropped)."""
    out = []
    for t in tags:
        attr = _RESOURCE_ATTR.get(t.name)
        value = t.get(attr) if attr else None
        if value and (t.name != "link" or {"stylesheet", "icon"} & _rel(t)):
            out.append(absolute(base, str(value)))
    return out


_SCRIPT_URL = re.compile(r"https?:(?:\\?/){2}([A-Za-z0-9][\w.-]*\.[A-Za-z]{2,})")


def _script_hosts(tags: list[Tag]) -> list[str]:
    """Hosts of the absolute URLs inside inline scripts and JSON, escaped ("https:\\/\\/host\\/") or not: a
    clone's rewriting often misses them, so they still name the original's host (read before scripts are dropped)."""
    return [m.lower() for t in tags if t.name == "script" and not t.get("src") and t.string
            for m in _SCRIPT_URL.findall(str(t.string))]


def _read_head(tags: list[Tag], page: Page) -> list[dict]:
    """Title, meta tags, canonical and JSON-LD (read before the head and scripts are dropped)."""
    title = next((t for t in tags if t.name == "title"), None)
    page.title = _text(title) if title is not None else ""
    for m in (t for t in tags if t.name == "meta"):
        key = m.get("property") or m.get("name") or m.get("itemprop") or m.get("http-equiv")
        content = m.get("content")
        if key and content and str(content).strip():
            page.meta.setdefault(str(key).strip().lower(), []).append(normalize(str(content))[:500])
    for ln in (t for t in tags if t.name == "link" and t.get("href")):
        rel = _rel(ln)
        if "canonical" in rel:
            page.urls.append(Located(absolute(page.url, str(ln["href"])), "canonical", css_path(ln)))
        for name in ("original-source", "syndication-source"):
            if name in rel:  # the <link> form of the syndication meta tags
                page.meta.setdefault(name, []).append(absolute(page.url, str(ln["href"])))
    for og in page.meta.get("og:url", [])[:1]:
        page.urls.append(Located(absolute(page.url, og), "og:url"))
    jsonld: list[dict] = []
    for s in (t for t in tags if t.name == "script" and "ld+json" in str(t.get("type") or "").lower()):
        try:
            jsonld.extend(_flatten_jsonld(json.loads(s.string or "")))
        except (ValueError, TypeError, RecursionError):  # RecursionError: JSON nested thousands deep
            continue
    for item in jsonld:
        if _ld_type(item) & {"newsarticle", "article", "blogposting", "reportagenewsarticle", "webpage"}:
            for key in ("url", "mainEntityOfPage"):
                value = item.get(key)
                if isinstance(value, dict):
                    value = value.get("@id") or value.get("url")
                if isinstance(value, str) and value.startswith("http"):
                    page.urls.append(Located(value, f"json-ld {key}"))
                    break
    for key in ("og:title", "twitter:title"):
        if page.meta.get(key):
            page.headline = page.meta[key][0]
            break
    return jsonld


def _flatten_jsonld(data) -> list[dict]:
    if isinstance(data, list):
        return [x for d in data for x in _flatten_jsonld(d)]
    if isinstance(data, dict):
        out = [data]
        if isinstance(data.get("@graph"), list):
            out.extend(x for d in data["@graph"] for x in _flatten_jsonld(d))
        return out
    return []


def _ld_type(item: dict) -> set[str]:
    t = item.get("@type")
    types = t if isinstance(t, list) else [t]
    return {str(x).lower() for x in types if x}


def _ld_names(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        name = value.get("name")
        return [name] if isinstance(name, str) else []
    if isinstance(value, list):
        return [n for v in value for n in _ld_names(v)]
    return []


def _read_links(tree: _Tree, page: Page) -> list[tuple[Tag, str]]:
    out = []
    for a in tree.of("a"):
        text = _text(a)
        if not text:
            continue
        href = a.get("href")
        href = absolute(page.url, str(href)) if href else None
        page.links.append(Link(text, href))
        page.link_chars += len(text)
        out.append((a, text))
        for anc in (a, *a.parents):
            tree.link_chars[id(anc)] = tree.link_chars.get(id(anc), 0) + len(text)
    return out


def _read_link_blocks(anchors: list[tuple[Tag, str]], page: Page) -> None:
    """Group headline links into blocks.

    An item is the largest ancestor of a headline link that holds no other headline link (an <li>,
    a table row, a teaser <div>); items that share a parent form a block when there are three or more.
    """
    headline_anchors = [(a, t) for a, t in anchors if is_headline(t)]
    counts: dict[int, int] = {}
    for a, _ in headline_anchors:
        for anc in a.parents:
            counts[id(anc)] = counts.get(id(anc), 0) + 1
    groups: dict[int, tuple[Tag, list[tuple[Tag, Tag, str]]]] = {}
    for a, text in headline_anchors:
        item = a
        while item.parent is not None and counts.get(id(item.parent), 0) == 1:
            item = item.parent
        parent = item.parent
        if parent is None:
            continue
        groups.setdefault(id(parent), (parent, []))[1].append((item, a, text))
    for parent, items in groups.values():
        if len(items) < 3:
            continue
        item_ids = {id(i) for i, _, _ in items}
        heading = _block_heading(parent, item_ids)
        links = tuple(Link(t, a.get("href")) for _, a, t in items)
        block_text = " \n".join(_text(i) for i, _, _ in items)
        page.link_blocks.append(LinkBlock(heading, links, block_text, css_path(parent)))
        for i, _, _ in items:
            i["data-detector-block"] = "1"  # so the main text leaves block items out


def _block_heading(container: Tag, item_ids: set[int]) -> str | None:
    """The short label above a block: a non-item child of the container, or a preceding sibling."""
    for child in container.children:
        if isinstance(child, Tag) and id(child) not in item_ids:
            text = _text(child)
            if text and len(text) <= 40 and word_count(text) <= 6:
                return text
    el: Tag | None = container
    for _ in range(3):
        if el is None:
            break
        sib = el.find_previous_sibling()
        for _ in range(2):
            if sib is None:
                break
            text = _text(sib)
            if text and len(text) <= 40 and word_count(text) <= 6 and sib.name in _HEADING_TAGS:
                return text
            if text:
                break
            sib = sib.find_previous_sibling()
        el = el.parent if isinstance(el.parent, Tag) else None
    return None


def _read_main_text(tree: _Tree, page: Page) -> None:
    """Readability in miniature: the container holding most paragraph text with few links wins."""
    scores: dict[int, float] = {}
    nodes: dict[int, Tag] = {}
    for p in tree.of("p", "pre", "blockquote", "td", "div", "li"):
        if p.name in ("div", "td", "li"):
            # Only text-bearing divs (text directly inside, as in <br>-separated bodies) count.
            own = "".join(c for c in p.children if isinstance(c, NavigableString)).strip()
            if len(own) < 80:
                continue
            text = normalize(own)
            linked = 0
        else:
            if p.get("data-detector-block"):
                continue
            text = _text(p)
            linked = tree.link_chars.get(id(p), 0)
        min_len = 20 if cjk_share(text) > 0.3 else 40
        if len(text) < min_len or linked > 0.5 * len(text):
            continue
        parent = p if p.name in ("div", "td") else p.parent
        for weight, anc in ((1.0, parent), (0.5, parent.parent if parent is not None else None)):
            if isinstance(anc, Tag):
                scores[id(anc)] = scores.get(id(anc), 0.0) + weight * min(len(text), 1000)
                nodes[id(anc)] = anc
    if not scores:
        return
    best = nodes[max(scores, key=scores.__getitem__)]
    inside = [el for el in best.descendants if isinstance(el, Tag)]
    # Innermost block elements only: a <li> that wraps <p>s gives way to its paragraphs.
    has_inner_block: set[int] = set()
    for el in inside:
        if el.name in _BLOCK_TAGS:
            for anc in el.parents:
                if anc is best or id(anc) in has_inner_block:
                    break
                has_inner_block.add(id(anc))
    blocks = [el for el in inside if el.name in _BLOCK_TAGS and id(el) not in has_inner_block]
    texts = [_text(el) for el in blocks]
    if not blocks or sum(map(len, texts)) < 0.3 * len(_text(best)):
        # <br>-separated text with few block elements: take the container's own lines.
        lines = [normalize(x) for x in best.get_text("\n").split("\n")]
        page.paragraphs = [Located(x, "main text", css_path(best)) for x in lines if word_count(x) >= 3]
        return
    for el, text in zip(blocks, texts):
        if not text or el.attrs.get("data-detector-block") or any(
                a.attrs.get("data-detector-block") for a in el.parents if isinstance(a, Tag)):
            continue
        if el.name in ("li", "td") and word_count(text) < 6:
            continue
        if tree.link_chars.get(id(el), 0) > 0.6 * len(text):
            continue
        page.paragraphs.append(Located(text, "main text", css_path(el)))
        for a in el.descendants:
            if isinstance(a, Tag) and a.name == "a" and a.get("href"):
                page.text_links.append(Link(_text(a), absolute(page.url, str(a["href"]))))


def _read_site_names(tree: _Tree, page: Page, jsonld: list[dict]) -> None:
    names = page.site_names
    for key in load("page")["site_name_meta"]:
        for value in page.meta.get(key, [])[:1]:
            if not value.startswith("http") and len(value) <= 80:
                names.append(Located(value.lstrip("@"), f"meta {key}"))
    for item in jsonld:
        for name in _ld_names(item.get("publisher"))[:1]:
            names.append(Located(normalize(name), "json-ld publisher"))
        kinds = _ld_type(item)
        kind = next((k for k in ("website", "newsmediaorganization", "organization") if k in kinds), None)
        if kind and isinstance(item.get("name"), str):  # named by a fixed order, not a set's (per-run) one
            names.append(Located(normalize(item["name"]), f"json-ld {kind}"))
    parts = title_parts(page.title)
    if len(parts) >= 2:
        suffix = parts[-1] if len(parts[-1]) <= len(parts[0]) else parts[0]
        if len(suffix) <= 60:
            names.append(Located(suffix, "title suffix"))
    logo = _site_logo(tree)
    if logo is not None:
        names.append(logo)
    for i, line in enumerate(reversed(page.lines)):
        holder = copyright_holder(line) if len(line) <= 300 else None
        if holder:
            names.append(Located(holder, "copyright", f"line {len(page.lines) - i}"))
            break


def _is_home_link(el: Tag) -> bool:
    href = str(el.get("href") or "").strip()
    try:
        return el.name == "a" and urlsplit(href).path in ("", "/", "/index.html", "/index.php")
    except ValueError:
        return False


def _site_logo(tree: _Tree) -> Located | None:
    """The site's own logo: a 'logo' image (or element) in the header or linking home.

    The first 'logo' anywhere is often a partner's or an embed's ("Associated Press" in a video
    player), so a logo counts only in a header, behind a link to the home page, or near the top.
    """
    early = max(40, len(tree.tags) // 5)
    for i, el in enumerate(tree.tags):
        is_img = el.name == "img"
        hint = _attrs_text(el) + (" " + str(el.get("src") or "").lower() if is_img else "")
        if "logo" not in hint:
            continue
        text = normalize(str(el.get("alt") or "")) if is_img else _text(el)
        if not text or len(text) > 60 or (not is_img and len(text) < 2):
            continue
        parents = list(el.parents)[:6]
        in_header = any(p.name == "header" or "header" in _attrs_text(p) or "masthead" in _attrs_text(p) for p in parents)
        if in_header or _is_home_link(el) or any(_is_home_link(p) for p in parents[:3]) or i < early:
            return Located(text, "logo", css_path(el))
    return None


def _read_breadcrumb(tree: _Tree, page: Page, jsonld: list[dict]) -> None:
    for item in jsonld:
        if "breadcrumblist" in _ld_type(item) and isinstance(item.get("itemListElement"), list):
            items = []
            for el in item["itemListElement"]:
                if isinstance(el, dict):
                    name = el.get("name") or (el.get("item") or {}).get("name") if isinstance(el.get("item"), dict) else el.get("name")
                    if isinstance(name, str):
                        items.append(normalize(name))
            if items:
                page.breadcrumb, page.breadcrumb_items = Located(" > ".join(items), "json-ld breadcrumb"), items
                break
    if page.breadcrumb is None:
        classes = re.compile(r"(?i)(?:^|[\s_-])(?:" + "|".join(load("page")["breadcrumb_classes"]) + r")(?:$|[\s_-])")
        candidates = [el for el in tree.tags if "breadcrumb" in str(el.get("aria-label") or "").lower()]
        candidates += [el for el in tree.of("div", "nav", "ol", "ul", "p", "span", "section")
                       if classes.search(_attrs_text(el))]
        for el in candidates:
            text = _text(el)
            items = breadcrumb_from_text(text)
            if items is None:
                anchors = [_text(a) for a in el.descendants if isinstance(a, Tag) and a.name == "a"]
                if 2 <= len(anchors) <= 8 and len(text) <= 200:
                    items = [x for x in anchors if x]
            if items:
                page.breadcrumb, page.breadcrumb_items = Located(text, "breadcrumb element", css_path(el)), items
                break
    if page.breadcrumb is None:
        for i, line in enumerate(page.lines[:80]):
            items = breadcrumb_from_text(line)
            if items and pattern("page", "breadcrumb_labels", whole_words=True).match(line):
                page.breadcrumb, page.breadcrumb_items = Located(line, "visible text", f"line {i + 1}"), items
                break
    for key in load("page")["section_meta"]:
        if page.meta.get(key):
            page.section = Located(page.meta[key][0], f"meta {key}")
            break
    else:
        cats = [x for x in page.breadcrumb_items[1:] if len(x) <= 40 and x not in (page.headline, page.title)]
        if cats:
            page.section = Located(cats[-1], "breadcrumb", page.breadcrumb.locator if page.breadcrumb else None)


_ASIDE = re.compile(r"(?i)comment|review|footer|sidebar|respond|reply|testimonial")


def _in_aside(el: Tag) -> bool:
    """Inside comments, reviews, forms or the footer: names there are readers', not the byline."""
    for anc in list(el.parents)[:10]:
        if anc.name in ("form", "footer", "aside") or _ASIDE.search(_attrs_text(anc)):
            return True
    return False


def _read_bylines(tree: _Tree, page: Page, jsonld: list[dict]) -> None:
    seen: set[str] = set()

    def add(name: str, source: str, locator: str | None = None) -> None:
        name = normalize(name).strip(" ,|")
        if name and name.lower() not in seen and len(name) <= 120 and not name.startswith("http"):
            seen.add(name.lower())
            page.bylines.append(Located(name, source, locator))

    for item in jsonld:
        for name in _ld_names(item.get("author")):
            add(name, "json-ld author")
    for key in load("page")["author_meta"]:
        for value in page.meta.get(key, [])[:2]:
            add(value, f"meta {key}")
    classes = re.compile(r"(?i)(?:^|[\s_-])(?:" + "|".join(load("page")["author_classes"]) + r")(?:$|[\s_-]|name)")
    for el in tree.tags:
        attrs = el.attrs
        if (attrs.get("itemprop") == "author" or ("rel" in attrs and "author" in _rel(el))) and not _in_aside(el):
            add(_text(el), "author element", css_path(el))
    for el in tree.of("span", "div", "p", "a", "address", "li", "strong"):
        if ("class" in el.attrs or "id" in el.attrs) and classes.search(_attrs_text(el)) and not _in_aside(el):
            text = _text(el)
            if 0 < len(text) <= 80:
                add(byline_from_text(text) or text, "author element", css_path(el))
            if len(page.bylines) >= 4:
                break
    for i, line in enumerate(page.lines[:150]):
        for chunk in _chunks(line):
            name = byline_from_text(chunk)
            if name:
                add(name, "visible text", f"line {i + 1}")


def _read_dates(tree: _Tree, page: Page, jsonld: list[dict]) -> None:
    for item in jsonld:
        for key in ("datePublished", "dateCreated"):
            d = parse_date(str(item.get(key) or ""))
            if d:
                page.dates.append(PageDate(d, f"json-ld {key}"))
    for key in load("page")["date_meta"]:
        for value in page.meta.get(key, [])[:1]:
            d = parse_date(value)
            if d:
                page.dates.append(PageDate(d, f"meta {key}"))
    for el in tree.of("time")[:5]:
        d = parse_date(str(el.get("datetime") or "")) or parse_date(_text(el))
        if d:
            page.dates.append(PageDate(d, "time element", css_path(el)))
            break
    for i, line in enumerate(page.lines[:150]):
        for chunk in _chunks(line):
            d = dated_label(chunk)
            if d:
                page.dates.append(PageDate(d, "visible text", f"line {i + 1}"))
                return
