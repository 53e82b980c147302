"""The one parse (BeautifulSoup on lxml) and the walk over it that every reader shares.

Also what the report needs to point at the same elements: ``soup_of``, ``css_path`` and ``visible_blocks``.
"""

from __future__ import annotations

import gc
import re
import threading
import warnings

from bs4 import BeautifulSoup, Comment, MarkupResemblesLocatorWarning, NavigableString, Tag, XMLParsedAsHTMLWarning
from bs4.builder import LXMLTreeBuilder

from ...text import normalize
from ..selectors import DROP, INLINE

_CSS_ID = re.compile(r"[A-Za-z][\w-]*")


class HTMLBuilder(LXMLTreeBuilder):
    """bs4's lxml HTML builder without the namespace bookkeeping it does for XML on every start tag.

    lxml's HTML parser reports no namespaces, so each tag's attributes can go to bs4 as they come:
    a fifth less build time for the same tree (tests/test_page.py compares it with stock bs4's).
    """

    def start(self, tag: str, attrib: dict, nsmap: dict | None = None) -> None:
        self.soup.handle_starttag(tag, None, None, dict(attrib), namespaces=self.active_namespace_prefixes[-1])


def soup_of(html: str) -> BeautifulSoup:
    """The one parse: BeautifulSoup on lxml's HTML parser.

    Class and rel stay strings (multi_valued_attributes=None: splitting every class attribute costs
    bs4 a seventh of its build time; ``attrs_text``/``rel_of`` read both forms) in plain dicts (bs4's own
    attribute dict checks every value it is given, and lxml's are always strings).
    """
    with warnings.catch_warnings():
        # Some pages are XHTML served as HTML; lxml's HTML builder reads them fine. A page that is only
        # an address or a file name is still a page to read, not a mistaken call.
        warnings.simplefilter("ignore", XMLParsedAsHTMLWarning)
        warnings.simplefilter("ignore", MarkupResemblesLocatorWarning)
        return BeautifulSoup(html, builder=HTMLBuilder(multi_valued_attributes=None, attribute_dict_class=dict))


class CollectorPause:
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


def css_path(el: Tag) -> str:
    """A CSS selector that names ``el`` (an id where one exists, else nth-of-type steps)."""
    steps = []
    while el is not None and isinstance(el, Tag) and el.name not in ("[document]", "html"):
        if el.get("id") and _CSS_ID.fullmatch(str(el.get("id"))):
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


def rel_of(el: Tag) -> set[str]:
    """The element's rel values, lower-cased."""
    rel = el.attrs.get("rel") or ""  # .attrs, not Tag.get: these run on every tag of the page
    return {r.lower() for r in (rel if isinstance(rel, list) else str(rel).split())}


def attrs_text(el: Tag) -> str:
    """The element's classes and id as one lower-cased string, for class hints."""
    attrs = el.attrs
    cls = attrs.get("class") or []
    return " ".join([*(cls if isinstance(cls, list) else [cls]), str(attrs.get("id") or "")]).lower()


def own_text(el: Tag) -> str:
    """An element's text, normalised (for elements read before the tree is cut to the body)."""
    return normalize(el.get_text(" ", strip=True))


def drop_hidden(soup: BeautifulSoup, tags: list[Tag]) -> Tag:
    """Remove the elements whose text is never shown (``DROP``); the body that remains."""
    for el in tags:
        if el.name in DROP and not el.decomposed:
            el.decompose()
    return soup.body or soup


class Tree:
    """One walk over the parsed body: every tag in document order, each element's text read once.

    bs4's find_all re-walks the tree on each call; the readers filter this list instead. Comments
    are taken out of the tree first: they are no visible text (and CMSs leave markup in them).
    """

    def __init__(self, body: Tag) -> None:
        nodes = list(body.descendants)
        for c in [n for n in nodes if isinstance(n, Comment)]:
            c.extract()
        self.nodes: list = [n for n in nodes if not isinstance(n, Comment)]  # tags and strings, in order
        self.tags: list[Tag] = [n for n in self.nodes if isinstance(n, Tag)]
        self._texts: dict[int, str] = {}

    def of(self, *names: str) -> list[Tag]:
        return [el for el in self.tags if el.name in names]

    def text(self, el: Tag) -> str:
        """The element's visible text: links, link blocks, the main text and the bylines ask for the same ones."""
        text = self._texts.get(id(el))
        if text is None:
            text = self._texts[id(el)] = own_text(el)
        return text


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
        while block is not None and block.name in INLINE:
            block = block.parent
        if block is not last_block:
            flush()
            last_block = block
        current.append(str(node))
    flush()
    return out
