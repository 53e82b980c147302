"""What the HTML readers look for, as ordered data: tag sets, class hints, meta keys, JSON-LD types.

Kept apart from the logic that uses them, as trafilatura keeps its XPaths in ``xpaths.py``. Word
lists in many languages (byline labels, breadcrumb classes, meta keys) are in ``lexicons/page.json``.
Order matters wherever a tuple is used: the first match wins.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..phrases import CaselessWords


class Hint:
    """A class hint: a pattern searched in an element's lower-cased class and id (``tree.attrs_text``), with
    the words that every match of it holds.

    A search costs 5-10 µs a class string (a case-insensitive pattern, or one that opens with a group, is
    tried at every character); one Aho-Corasick pass over the words rules most strings out first. Words
    that are not plain (letters, digits, '_', '-', spaces) leave every string to the pattern. Answers to
    calls are kept, as pages repeat their class names.
    """

    KEPT = 16384  # answers kept; a crawl's class names are bounded by starting afresh

    def __init__(self, pattern: str, words: Iterable[str]) -> None:
        self.pattern = re.compile(pattern)
        words = list(words)
        self._words = CaselessWords(words) if all(re.fullmatch(r"[\w -]+", w) for w in words) else None
        self._seen: dict[str, bool] = {}

    @classmethod
    def any_of(cls, words: Iterable[str]) -> Hint:
        """A hint that any of ``words`` occurs, in any case."""
        words = tuple(words)
        return cls("(?i)" + "|".join(map(re.escape, words)), words)

    def accepted(self, texts: list[str]) -> set[str]:
        """Those of ``texts`` that the hint accepts: one Aho-Corasick pass over them all rules most out (a
        page's ~190 distinct class strings: 0.03 ms, where a call for each took 0.07), the pattern judges the
        rest. These answers are not kept (``__call__`` keeps its own): over the 140 benchmark pages, looking
        each string up first cost 0.1 ms a page and spared little, a page's strings being mostly new."""
        if self._words is not None:
            texts = [text for text, may in zip(texts, self._words.may_occur_in_each(texts)) if may]
        return {text for text in texts if self.pattern.search(text)}

    def __call__(self, text: str) -> bool:
        found = self._seen.get(text)
        if found is None:
            if len(self._seen) >= self.KEPT:
                self._seen.clear()
            may = self._words is None or self._words.may_occur(text)
            found = self._seen[text] = may and self.pattern.search(text) is not None
        return found


# Elements whose text is never shown: dropped before the visible text is read.
DROP = ("script", "style", "noscript", "template", "svg", "iframe", "object", "canvas", "head")

# Inline elements join a line of visible text; every other element breaks it.
INLINE = frozenset({"a", "span", "small", "strong", "b", "i", "em", "font", "label", "abbr", "time", "sup", "sub",
                    "u", "code", "cite", "q", "mark", "s", "big", "img", "bdi", "bdo", "var", "kbd", "data", "nobr",
                    "tt"})

# The main text: where paragraph text is scored, and the block elements it is read from.
PARAGRAPH_TAGS = ("p", "pre", "blockquote", "td", "div", "li")
TEXT_CONTAINER_TAGS = ("div", "td", "li")  # count only the text directly inside (<br>-separated bodies)
SELF_SCORED_TAGS = ("div", "td")  # a text container scores itself, a paragraph its parent
BLOCK_TAGS = frozenset({"p", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "dd", "td", "figcaption"})
LIST_CELL_TAGS = ("li", "td")  # a short one is a list entry, not a paragraph

# The short label above a link block.
HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6", "strong", "b", "span", "div", "p", "dt", "header",
                          "label", "em", "i"})

# Headline candidates: the h1 (or h2) that the document title names.
HEADLINE_TAGS = ("h1", "h2")
HEADLINE_META = ("og:title", "twitter:title")

# Where a page loads resources from: tag -> the attribute holding the address.
RESOURCE_ATTR = {"img": "src", "script": "src", "iframe": "src", "source": "src", "link": "href"}
RESOURCE_LINK_RELS = frozenset({"stylesheet", "icon"})
SYNDICATION_LINK_RELS = ("original-source", "syndication-source")  # the <link> form of the syndication meta
META_KEY_ATTRS = ("property", "name", "itemprop", "http-equiv")

# JSON-LD.
ARTICLE_TYPES = frozenset({"newsarticle", "article", "blogposting", "reportagenewsarticle", "webpage"})
ARTICLE_URL_KEYS = ("url", "mainEntityOfPage")
SITE_TYPES = ("website", "newsmediaorganization", "organization")  # named by this order, not a set's
BREADCRUMB_TYPE = "breadcrumblist"
DATE_KEYS = ("datePublished", "dateCreated")

# Site names and logos.
HEADER_HINTS = ("header", "masthead")  # in a class or id
LOGO_HINT = re.compile(r"logo(?!ut|ff|n)")  # "site-logo", not a "logout" or "logon" button
ARCHIVE_TOOLBAR_ID = "wm-ipp"  # the Wayback Machine's toolbar on a capture: its logo is the archive's

# Breadcrumbs and bylines: the elements that may carry a class hint.
BREADCRUMB_TAGS = ("div", "nav", "ol", "ul", "p", "span", "section")
AUTHOR_TAGS = ("span", "div", "p", "a", "address", "li", "strong")

# Names inside comments, reviews, forms or the footer are readers', not the byline; names and dates in a
# list of related posts are those posts'. A post's own footer ('footer.entry-footer > time') holds its
# date, so dates skip only the others. The page's wrappers (a body's 'right-sidebar') are no aside.
ASIDE_TAGS = ("form", "footer", "aside")
ASIDE_WORDS = ("comment", "review", "footer", "sidebar", "respond", "reply", "testimonial", "related")
ASIDE_CLASSES = Hint.any_of(ASIDE_WORDS)
DATE_ASIDE_TAGS = tuple(t for t in ASIDE_TAGS if t != "footer")
DATE_ASIDE_WORDS = tuple(w for w in ASIDE_WORDS if w != "footer")
DATE_ASIDE_CLASSES = Hint.any_of(DATE_ASIDE_WORDS)
NEVER_ASIDE = frozenset({"html", "body", "main"})

# Captions and credit boxes: a "Source: Reuters" there credits a photo or a chart, not the story.
CAPTION_TAGS = frozenset({"figure", "figcaption", "caption"})
CAPTION_HINT = Hint(r"caption|chart|graphic|figure|datawrapper|flourish|(?:photo|image|img|media|picture|foto|bild)[-_]?(?:credit|source)",
                    ("caption", "chart", "graphic", "figure", "datawrapper", "flourish", "credit", "source"))
CAPTION_STOP_TAGS = frozenset({"body", "article", "main", "[document]"})  # a caption box sits below these
