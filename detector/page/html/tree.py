"""The one parse (lxml's HTML parser) and the one walk over it that every reader shares.

The readers see the tree that BeautifulSoup built for them before (``soup.py`` still builds it, for the
report): the same elements, the same strings with the same breaks between them, the hidden elements
(``DROP``) and comments left out. The tree itself is never changed: the walk skips what bs4 removed.
"""

from __future__ import annotations

import codecs
from itertools import islice

from lxml import etree

from ...text import normalize
from ..selectors import DROP, INLINE, Hint
from .paths import Paths

Element = etree._Element

_ASCII_SPACES = " \n\t\x0c\r"
_PRESERVE = frozenset({"pre", "textarea"})  # whose white space bs4 keeps as it is
_RUBY = frozenset({"rt", "rp"})  # whose strings bs4 keeps out of the text of the elements around them
_RUBY_KIND = {tag: tag for tag in _RUBY}  # the kind of an element's strings: its own tag for these, else its parent's
_TEXT_NODES = etree.XPath("text()", smart_strings=False)  # an element's text and its children's tails, in order
_DROPPED = frozenset(DROP)  # tested on every element: a set's one hash against the tuple's nine comparisons
_SKIPPED = _DROPPED | {etree.Comment, etree.PI, etree.Entity}  # and the tags of the nodes that are no element
TREE_DEPTH_CAP = 2047  # libxml2 stops building its tree this deep below the root (huge_tree); bs4's SAX-fed tree had no cap


def parse(html: str, utf8: bytes | None = None) -> Element | None:
    """The document's root element, or None when there is no element at all (only white space or comments).

    libxml2 reads the whole page from memory (its push parser, fed the page in pieces, stops early on some
    pages; fed it whole, it built the same tree on all 3,629 corpus pages in a tenth more time), as UTF-8
    bytes (lxml would encode the text so itself, for the same tree, in a tenth more of the parse's time):
    ``utf8``, ``html`` encoded, when the caller has them. A page it rejects goes again, as bs4 retried it.
    """
    if html.startswith("\ufeff"):
        html, utf8 = html[1:], None if utf8 is None else utf8[len(codecs.BOM_UTF8):]
    try:
        root = etree.fromstring(html.encode("utf-8") if utf8 is None else utf8, _parser("utf-8"))
    except (UnicodeDecodeError, LookupError, etree.ParserError, etree.XMLSyntaxError):
        root = etree.fromstring(html.encode("utf-8", "surrogatepass"), _parser("utf-8"))
    if root is not None and _depth_capped(root):
        # A page nested thousands deep: built from the parser's events, as bs4 built it (lxml's TreeBuilder
        # keeps one root, so such a page's content after </html> is nested into it, not beside it).
        parser = _parser(None, etree.TreeBuilder())
        parser.feed(html)
        root = parser.close()
    return root


def _parser(encoding: str | None, target: etree.TreeBuilder | None = None) -> etree.HTMLParser:
    """No hash table of ids (collect_ids): nothing looks an element up by its id (``Paths`` counts them), and
    libxml2 builds it at every id while it parses (a twentieth of the parse)."""
    return etree.HTMLParser(recover=True, encoding=encoding, huge_tree=True, target=target, collect_ids=False)


def _depth_capped(root: Element) -> bool:
    """Whether libxml2 stopped at its depth cap: its last element (last child of last child...) sits there."""
    el, depth = root, 0
    while depth < TREE_DEPTH_CAP:
        el = next(el.iterchildren(etree.Element, reversed=True), None)
        if el is None:
            return False
        depth += 1
    return True


def top_level(root: Element | None) -> list[Element]:
    """The document's elements: the root, and any that a broken page puts after it ("</html> <body>...")."""
    if root is None:
        return []
    out = [root]
    while out[-1].getnext() is not None:
        out.append(out[-1].getnext())
    return [el for el in out if isinstance(el.tag, str)]


def elements(root: Element | None, *names: str) -> list[Element]:
    """Every element of these tags in document order, the head and scripts included. libxml2 picks them, so
    that the head readers test only their tags, not every element's (lxml makes a new str at each ``el.tag``).
    The readers that key elements by ``id()`` read the body's, which ``Tree`` holds (so their ids stay theirs)."""
    return [el for top in top_level(root) for el in top.iter(*names)]


def _string(text: str, preserve: bool) -> str:
    """A string as bs4 keeps it: one of only ASCII white space becomes a newline or a space (not in <pre>)."""
    if preserve or text.strip(_ASCII_SPACES):
        return text
    return "\n" if "\n" in text else " "


class Tree:
    """The body's elements in document order, and its strings, each element's text read once.

    ``flow`` holds the visible strings in order, three items each: text, ruby tag or None, block (each <br>:
    None, None, None); ``tags`` the elements inside the body (the whole document's when it has none). A string's
    block is the nearest of its parent and the parent's ancestors that is no ``INLINE`` element (None when there
    is none), the element that a line of ``visible_blocks`` comes from. Flat lists, not a tuple a string or an
    element: such tuples, alive for the page, set off the collector (6 % of a typical page's time, 5 % without).
    """

    def __init__(self, root: Element | None) -> None:
        self.flow: list[str | Element | None] = []  # the whole document's; ``body_flow`` the body's
        self._spans: list[int] = []  # three an element of ``_all``: the place past it, its strings' first and end
        self._kept: list[bool] = []  # whether each element of ``_all`` is inside a <pre> or <textarea>
        self._all: list[Element] = []
        self._names: list[str] = []  # the tag of each element of ``_all``: lxml builds a new str at every ``el.tag``
        self._texts: dict[int, str] = {}
        self._normed: dict[str, str] = {}  # each string of the flow, normalised (``text``)
        self._attrs: list[str] | None = None  # ``attrs_text`` of each element of ``_all`` (see ``attrs``)
        self._distinct: list[str] | None = None  # the distinct ``attrs`` of ``tags`` but "" (see ``hinted``)
        self.path = Paths(root).of  # the CSS path of an element of this page, head elements included
        for top in top_level(root):
            self._walk(top)
        # id -> the element's place in ``_all``, in one pass after the walk (an entry an element in it: 7 % more)
        self._places_of: dict[int, int] = dict(zip(map(id, self._all), range(len(self._all))))
        body = self._names.index("body") if "body" in self._names else -1
        end, flow_first, flow_end = self._spans[3 * body:3 * body + 3] if body >= 0 else (len(self._all), 0, len(self.flow))
        self._tags_from = body + 1  # where ``tags`` start in ``_all``
        self.tags: list[Element] = self._all[body + 1:end]
        self._tag_names = self._names[body + 1:end]
        self._places: dict[str, list[int]] | None = None  # the places in ``tags`` of each tag name (see ``of``)
        self.body_flow = self.flow[flow_first:flow_end]

    def _walk(self, top: Element) -> None:
        """Depth first, from each element to its first child or its next sibling (lxml's own walkers slow down
        with depth, and a child iterator per element costs a third of the walk).

        ``kind``, ``preserve`` and ``block`` are those of the current node's parent: the ruby tag its strings
        belong to, whether its white space is kept, its block. A frame of ``open`` holds an element whose
        children are being seen, its place in ``_all`` and its parent's three; the element is closed (its
        ends noted, then its tail, text of the parent) when its last child is passed. A string goes through
        ``_string`` only when it is white space alone: the call for every string was a fifth of the walk.
        """
        everything, names, flow, spans, kept = self._all, self._names, self.flow, self._spans, self._kept
        if top.tag in _SKIPPED:  # a hidden element beside the root: its tail is still text
            if tail := top.tail:
                flow += (_string(tail, False), None, None)
            return
        open_: list[tuple] = []
        kind, preserve, block = None, False, None
        node = top
        while True:
            tag = node.tag
            if tag not in _SKIPPED:  # else a comment or a hidden element: only its tail is text (of the parent)
                child_kind = _RUBY_KIND.get(tag, kind)
                child_preserve = preserve | (tag in _PRESERVE)  # both bools
                kept.append(child_preserve)
                child_block = block if tag in INLINE else node
                first, flow_first = len(everything), len(flow)
                everything.append(node)
                names.append(tag)
                if tag == "br":
                    flow += (None, None, None)
                if text := node.text:  # read once: lxml makes a new str from the UTF-8 at each read
                    flow += (_string(text, child_preserve) if text.isspace() else text, child_kind, child_block)
                if len(node):
                    spans += (0, flow_first, 0)  # its end and its strings' end are noted when it closes
                    open_.append((node, first, kind, preserve, block))
                    kind, preserve, block = child_kind, child_preserve, child_block
                    node = node[0]
                    continue
                spans += (first + 1, flow_first, len(flow))
            while open_:  # ``node`` is passed: its tail, then its next sibling, or its parent closes
                if tail := node.tail:
                    flow += (_string(tail, preserve) if tail.isspace() else tail, kind, block)
                if (sibling := node.getnext()) is not None:
                    break
                node, first, kind, preserve, block = open_.pop()
                spans[3 * first], spans[3 * first + 2] = len(everything), len(flow)
            else:
                return  # ``top`` closed (its siblings are walked apart: ``top_level``)
            node = sibling

    def of(self, *names: str) -> list[Element]:
        """The elements of ``tags`` with these tag names, in document order, from an index of ``tags`` by name
        (made at the first call: six readers ask, most for a few names)."""
        if self._places is None:
            self._places = {}
            for i, tag in enumerate(self._tag_names):
                self._places.setdefault(tag, []).append(i)
        places = [i for name in dict.fromkeys(names) for i in self._places.get(name, ())]
        return [self.tags[i] for i in (sorted(places) if len(names) > 1 else places)]

    def attrs(self, el: Element) -> str:
        """``attrs_text`` of ``el``, an element of the walk."""
        return self._all_attrs()[self._places_of[id(el)]]

    def _all_attrs(self) -> list[str]:
        """``attrs_text`` of every element of the walk, read at the first ask: the captions, logo, breadcrumb and
        bylines readers between them test nearly all (95 % at the median page), and a list read in one pass
        costs two thirds of reading each on demand into a dict by ``id``."""
        if self._attrs is None:
            self._attrs = [attrs_text(el) for el in self._all]
        return self._attrs

    def tag_attrs(self) -> list[str]:
        """``attrs`` of each element of ``tags``, in its order."""
        return self._all_attrs()[self._tags_from:self._tags_from + len(self.tags)]

    def hinted(self, hint: Hint) -> list[Element]:
        """The elements of ``tags`` whose ``attrs`` ``hint`` accepts, in document order. The hint judges each
        distinct string once (a median page's 590 elements share 186); an element without class or id has
        none to hint."""
        attrs = self.tag_attrs()
        if self._distinct is None:
            self._distinct = list(set(attrs) - {""})
        accepted = hint.accepted(self._distinct)
        return [el for el, text in zip(self.tags, attrs) if text in accepted] if accepted else []

    def extent(self, el: Element) -> tuple[int, int]:
        """Where ``el`` and its descendants sit in the walk: [first, end)."""
        first = self._places_of[id(el)]
        return first, self._spans[3 * first]

    def descendants(self, el: Element) -> list[Element]:
        first, end = self.extent(el)
        return self._all[first + 1:end]

    def children(self, el: Element) -> list[Element]:
        """The child elements that bs4 kept (no comments, no hidden elements)."""
        return [c for c in el if isinstance(c.tag, str) and c.tag not in _DROPPED]

    def own_strings(self, el: Element) -> list[str]:
        """The strings directly inside ``el``, between its child elements (hidden ones and comments included)."""
        preserve = self._kept[self._places_of[id(el)]]
        return [_string(text, preserve) for text in _TEXT_NODES(el)]

    def strings(self, el: Element) -> list[str]:
        """The strings of ``el``'s text: ruby annotations only for the annotation itself, as bs4 reads them."""
        place = self._places_of[id(el)]
        _, first, end = self._spans[3 * place:3 * place + 3]
        want, flow = self._names[place] if self._names[place] in _RUBY else None, self.flow
        if end - first == 3:  # one string (most links and paragraphs): no slices to zip
            return [flow[first]] if flow[first] is not None and flow[first + 1] == want else []
        return [text for text, kind in zip(flow[first:end:3], flow[first + 1:end:3]) if text is not None and kind == want]

    def text(self, el: Element) -> str:
        """The element's visible text: links, link blocks, the main text and the bylines ask for the same ones.

        Its strings joined by spaces and normalised: stripping each first, as bs4's ``get_text(" ", strip=True)``
        does, gives the same words (``normalize`` splits at the white space that ``strip`` takes off). Each string
        is normalised once, however many elements hold it (a paragraph's, then its container's): the space
        between two strings is a stable code point for NFKC, so the joined normalised strings are the text
        normalised whole.
        """
        text = self._texts.get(id(el))
        if text is None:
            normed, parts = self._normed, []
            for string in self.strings(el):
                n = normed.get(string)
                if n is None:
                    n = normed[string] = normalize(string)
                if n:
                    parts.append(n)
            text = self._texts[id(el)] = " ".join(parts)
        return text


def previous_element(el: Element) -> Element | None:
    """The preceding sibling element that bs4 kept (comments and hidden elements are skipped)."""
    sib = el.getprevious()
    while sib is not None and (not isinstance(sib.tag, str) or sib.tag in _DROPPED):
        sib = sib.getprevious()
    return sib


def ancestors(el: Element, n: int) -> list[Element]:
    """The first ``n`` ancestors of ``el``, nearest first."""
    return list(islice(el.iterancestors(), n))


def head_text(el: Element) -> str:
    """An element's text, normalised, for elements of the head (read before the walk, e.g. <title>)."""
    return normalize(" ".join(s for s in (x.strip() for x in el.itertext()) if s))


def rel_of(el: Element) -> set[str]:
    """The element's rel values, lower-cased."""
    return {r.lower() for r in (el.get("rel") or "").split()}


def attrs_text(el: Element) -> str:
    """The element's classes and id as one lower-cased string, for class hints."""
    cls, el_id = el.get("class"), el.get("id") or ""
    return f"{cls} {el_id}".lower() if cls else el_id.lower()
