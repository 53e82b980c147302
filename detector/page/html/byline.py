"""Who wrote the page and when: bylines and publication dates, from JSON-LD, meta tags, marked-up
elements, then labelled visible lines."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import lru_cache

from ...lexicons import load
from ...text import parse_date
from ..lines import Bylines, byline_from_text, dated_label, info_chunks
from ..model import Located, PageDate
from ..selectors import (ASIDE_CLASSES, ASIDE_TAGS, AUTHOR_TAGS, DATE_ASIDE_CLASSES, DATE_ASIDE_TAGS, DATE_KEYS,
                         NEVER_ASIDE, Hint)
from .jsonld import names_of
from .tree import Element, Tree, ancestors, rel_of

MAX_AUTHOR_META = 2  # the first author meta values; CMSs repeat the key for every tag
ASIDE_PARENTS = 10  # how far up a comment, review, form or footer may hold an element
MAX_AUTHOR_ELEMENT_CHARS = 80  # an author element's text: a name with its label
ENOUGH_BYLINES = 4  # class-hinted author elements stop being read here: the rest are lists of authors
TOP_LINES = 150  # bylines and dates are read from labelled lines near the top
MAX_TIME_ELEMENTS = 5  # <time> elements looked at; later ones date comments and related stories


def _in_aside(tree: Tree, el: Element, tags: tuple[str, ...] = ASIDE_TAGS, classes: Hint = ASIDE_CLASSES) -> bool:
    """Inside comments, reviews, forms, the footer or related posts: names and dates there are not the page's."""
    for anc in ancestors(el, ASIDE_PARENTS):
        if anc.tag in NEVER_ASIDE:
            return False
        if anc.tag in tags or classes(tree.attrs(anc)):
            return True
    return False


@lru_cache(maxsize=1)
def _author_classes() -> Hint:
    words = load("page")["author_classes"]
    return Hint(r"(?i)(?:^|[\s_-])(?:" + "|".join(words) + r")(?:$|[\s_-]|name)", words)


def read_bylines(tree: Tree, meta: dict[str, list[str]], jsonld: list[dict], lines: list[str],
                 locate: Callable[[int], str | None]) -> list[Located]:
    """The bylines in order of sources; ``locate``: where a visible line is (``Page.locate``)."""
    names = Bylines()
    for item in jsonld:
        for name in names_of(item.get("author")):
            names.add(name, "json-ld author")
    for key in load("page")["author_meta"]:
        for value in meta.get(key, [])[:MAX_AUTHOR_META]:
            names.add(value, f"meta {key}")
    for el in tree.tags:
        if (el.get("itemprop") == "author" or (el.get("rel") and "author" in rel_of(el))) and not _in_aside(tree, el):
            names.add(tree.text(el), "author element", tree.path(el))
    _class_hinted(tree, names)
    for i, line in enumerate(lines[:TOP_LINES]):
        for chunk in _chunks(line):
            name = byline_from_text(chunk)
            if name:
                names.add(name, "visible text", locate(i))
    return names.found


@lru_cache(maxsize=2 * TOP_LINES)  # the byline and the date readers cut the same top lines
def _chunks(line: str) -> tuple[str, ...]:
    return tuple(info_chunks(line))


def _class_hinted(tree: Tree, names: Bylines) -> None:
    """Elements whose class or id says "author"/"byline" (in the lexicon's languages)."""
    classes = _author_classes()
    for el in tree.hinted(classes):
        if el.tag in AUTHOR_TAGS and not _in_aside(tree, el):
            text = tree.text(el)
            if 0 < len(text) <= MAX_AUTHOR_ELEMENT_CHARS:
                names.add(byline_from_text(text) or text, "author element", tree.path(el))
            if len(names.found) >= ENOUGH_BYLINES:
                break


def read_dates(tree: Tree, meta: dict[str, list[str]], jsonld: list[dict], lines: list[str],
               locate: Callable[[int], str | None]) -> list[PageDate]:
    dates = [PageDate(d, f"json-ld {key}") for key, d in _jsonld_dates(jsonld)]
    dates += [PageDate(d, f"meta {key}") for key in load("page")["date_meta"]
              for d in map(parse_date, meta.get(key, [])[:1]) if d]
    timed = _time_element(tree)
    labelled = _labelled_date(lines, locate)
    return dates + [x for x in (timed, labelled) if x is not None]


def _jsonld_dates(jsonld: list[dict]) -> list[tuple[str, date]]:
    found = ((key, parse_date(str(item.get(key) or ""))) for item in jsonld for key in DATE_KEYS)
    return [(key, d) for key, d in found if d]


def _time_element(tree: Tree) -> PageDate | None:
    """The first of the early <time> elements that holds a date (in its datetime or its text), outside the
    asides: a related post's date ('li.related > article > time', 2009 on a 2019 post) is that post's."""
    for el in tree.of("time")[:MAX_TIME_ELEMENTS]:
        if _in_aside(tree, el, DATE_ASIDE_TAGS, DATE_ASIDE_CLASSES):
            continue
        d = parse_date(el.get("datetime") or "") or parse_date(tree.text(el))
        if d:
            return PageDate(d, "time element", tree.path(el))
    return None


def _labelled_date(lines: list[str], locate: Callable[[int], str | None]) -> PageDate | None:
    """The first 'Posted: 2024-05-02' chunk of the lines near the top."""
    for i, line in enumerate(lines[:TOP_LINES]):
        for chunk in _chunks(line):
            d = dated_label(chunk)
            if d:
                return PageDate(d, "visible text", locate(i), line=i)
    return None
