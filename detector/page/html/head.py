"""What the page says about itself before its text: title, meta tags, its own addresses, JSON-LD,
and where it loads resources from. Read before the head and the scripts are dropped."""

from __future__ import annotations

import json
import re
from collections.abc import Callable

from ...text import normalize
from ..model import Located
from ..selectors import (ARTICLE_TYPES, ARTICLE_URL_KEYS, HEADLINE_META, META_KEY_ATTRS, RESOURCE_ATTR,
                         RESOURCE_LINK_RELS, SYNDICATION_LINK_RELS)
from ..urls import absolute
from .jsonld import flatten, types_of
from .tree import Element, head_text, rel_of

MAX_META_CHARS = 500  # a meta value is a name or a sentence; a longer one is a dump of the page
READ_TAGS = ("title", "meta", "link", "script", *RESOURCE_ATTR)  # the elements that these readers read
_SCRIPT_URL = re.compile(r"https?:(?:\\?/){2}([A-Za-z0-9][\w.-]*\.[A-Za-z]{2,})")


def read_title(tags: list[Element]) -> str:
    title = next((t for t in tags if t.tag == "title"), None)
    return head_text(title) if title is not None else ""


def read_meta(tags: list[Element], base: str | None) -> dict[str, list[str]]:
    """Every <meta> value by its lower-cased key, and the <link> form of the syndication meta tags."""
    meta: dict[str, list[str]] = {}
    for m in (t for t in tags if t.tag == "meta"):
        key = next((m.get(attr) for attr in META_KEY_ATTRS if m.get(attr)), None)
        content = m.get("content")
        if key and content and str(content).strip():
            meta.setdefault(str(key).strip().lower(), []).append(normalize(str(content))[:MAX_META_CHARS])
    for ln in (t for t in tags if t.tag == "link" and t.get("href")):
        rel = rel_of(ln)
        for name in SYNDICATION_LINK_RELS:
            if name in rel:
                meta.setdefault(name, []).append(absolute(base, ln.get("href")))
    return meta


def read_jsonld(tags: list[Element]) -> list[dict]:
    """Every JSON-LD item of the page, @graph members included; a broken script is skipped."""
    items: list[dict] = []
    for s in (t for t in tags if t.tag == "script" and "ld+json" in (t.get("type") or "").lower()):
        try:
            items.extend(flatten(json.loads(s.text or "")))
        except (ValueError, TypeError, RecursionError):  # RecursionError: JSON nested thousands deep
            continue
    return items


def read_urls(tags: list[Element], meta: dict[str, list[str]], jsonld: list[dict], base: str | None,
              path: Callable[[Element], str]) -> list[Located]:
    """The page's own addresses: canonical links, og:url, the article's JSON-LD url."""
    urls = [Located(absolute(base, ln.get("href")), "canonical", path(ln))
            for ln in tags if ln.tag == "link" and ln.get("href") and "canonical" in rel_of(ln)]
    urls += [Located(absolute(base, og), "og:url") for og in meta.get("og:url", [])[:1]]
    urls += [loc for item in jsonld if types_of(item) & ARTICLE_TYPES for loc in [_article_url(item)] if loc]
    return urls


def _article_url(item: dict) -> Located | None:
    for key in ARTICLE_URL_KEYS:
        value = item.get(key)
        if isinstance(value, dict):
            value = value.get("@id") or value.get("url")
        if isinstance(value, str) and value.startswith("http"):
            return Located(value, f"json-ld {key}")
    return None


def read_headline_meta(meta: dict[str, list[str]]) -> str:
    """The headline the page gives its sharers (og:title, twitter:title), or ""."""
    return next((meta[key][0] for key in HEADLINE_META if meta.get(key)), "")


def resource_urls(tags: list[Element], base: str | None) -> list[str]:
    """Where the page loads its images, scripts, styles and frames from."""
    out = []
    for t in tags:
        attr = RESOURCE_ATTR.get(t.tag)
        value = t.get(attr) if attr else None
        if value and (t.tag != "link" or RESOURCE_LINK_RELS & rel_of(t)):
            out.append(absolute(base, value))
    return out


def script_hosts(tags: list[Element]) -> list[str]:
    """Hosts of the absolute URLs inside inline scripts and JSON, escaped ("https:\\/\\/host\\/") or not: a
    clone's rewriting often misses them, so they still name the original's host."""
    return [m.lower() for t in tags if t.tag == "script" and not t.get("src") and t.text
            for m in _SCRIPT_URL.findall(t.text)]
