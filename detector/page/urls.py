"""Addresses: the registrable domain, Wayback Machine captures unwrapped, links made absolute.

Public helpers, shared by both Page builders, the signals and provenance.
"""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import urljoin, urlsplit


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
        host = _hostname(url if "//" in url else "//" + url)
    except ValueError:  # e.g. an unbalanced "[" in the host
        return None
    return _host_domain(host) if host else None


_PLAIN_HOST = re.compile(r"(?:https?:)?//([A-Za-z0-9.-]+)(?::\d*)?(?:[/?#]|\Z)")


def _hostname(url: str) -> str | None:
    """``urlsplit(url).hostname``, without urlsplit's cost for the plain 'https://host/…' of almost every link
    (a page's links are mostly new to the cache). Anything else (user info, brackets, white space) goes to urlsplit."""
    m = _PLAIN_HOST.match(url)
    return m.group(1).lower() if m else urlsplit(url).hostname


@lru_cache(maxsize=8192)
def _host_domain(host: str) -> str:
    """The registrable domain of a host name: the links of a page share a few hosts among many URLs."""
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


@lru_cache(maxsize=1024)  # a page repeats its menus, and its text's links are among its links
def absolute(base: str | None, href: str) -> str:
    """``href`` resolved against ``base`` (captures unwrapped); a malformed URL is kept as written."""
    href = href.strip()
    if href.startswith(("http://", "https://")) and "\\" not in href:
        return unarchived(href)  # already absolute: urljoin would return it unchanged, at a cost per link
    joined = _from_root(base, href) if href.startswith("/") else None
    if joined is not None:
        return unarchived(joined)
    try:
        return unarchived(urljoin(base or "", href))
    except ValueError:
        return href


# An http(s) base's scheme and host as urlsplit reads them: lower-case scheme; no white space, control
# character or bracket (urlsplit removes or checks those) before the path.
_PLAIN_ORIGIN = re.compile(r"https?://[^\x00-\x20\x7f-\U0010ffff/?#\[\]]+(?=[/?#]|\Z)")


def _from_root(base: str | None, href: str) -> str | None:
    """``urljoin(base, href)`` for the root-relative links of most pages ('/news/2024/story.html') without its
    two parses; None for the rest (another form of base, a protocol-relative '//host' link, dot segments,
    parameters, characters that urlsplit removes), which go to urljoin."""
    origin = _PLAIN_ORIGIN.match(base) if base else None
    if origin is None or href.startswith("//") or any(c in href for c in "\t\r\n;"):
        return None
    rest, _, fragment = href.partition("#")
    path, _, query = rest.partition("?")
    if "/." in path:  # a '.' or '..' segment, which urljoin resolves
        return None
    return origin.group(0) + path + (f"?{query}" if query else "") + (f"#{fragment}" if fragment else "")


def is_home_path(href: str) -> bool:
    """Whether a link's path is the site's home page ("", "/", "/index.html", "/index.php")."""
    try:
        return urlsplit(href).path in ("", "/", "/index.html", "/index.php")
    except ValueError:
        return False
