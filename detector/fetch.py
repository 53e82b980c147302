"""Fetch one page over http(s) with the standard library, defensively.

The URL comes from a user, a crawl list or a web page (``detector serve``), so the fetch is bounded
on every side:
- only http and https (no file://, ftp:// or data:), at most ``max_redirects`` redirects;
- only public addresses: the host is resolved once, every address is checked (loopback, private,
  link-local such as 169.254.169.254, multicast, unspecified and reserved ones are refused unless
  ``allow_private``), and the connection goes to the address that was checked, so a DNS answer that
  changes between check and connect (rebinding) cannot slip through. Every redirect is checked again;
- a total deadline over connect, headers and body, since a server that trickles one byte per read
  would otherwise never time out;
- a size cap, also on the inflated body of a ``Content-Encoding: gzip`` response;
- a content type that can be a web page at all.
Proxies from the environment are not used: a proxy would connect to an address that was not checked.
"""

from __future__ import annotations

import http.client
import ipaddress
import socket
import threading
import time
import zlib
from urllib.parse import SplitResult, urljoin, urlsplit

from .errors import FetchError  # noqa: F401 - re-exported: defined with every public error
from .reading import DEFAULT_MAX_BYTES

ACCEPTED_TYPES = ("text/html", "application/xhtml+xml", "text/plain")
USER_AGENT = "detector/0.1 (original-or-republished page checker)"
_REDIRECTS = (301, 302, 303, 307, 308)



def fetch(url: str, *, timeout: float = 10, max_bytes: int = DEFAULT_MAX_BYTES, max_redirects: int = 5,
          max_seconds: float = 30, allow_private: bool = False) -> tuple[bytes, str]:
    """GET ``url``; returns (content, final URL after redirects). Raises ``FetchError``.

    ``timeout`` bounds each socket operation; ``max_seconds`` the whole fetch, redirects included.
    ``allow_private`` lets it reach loopback and private networks (a user's own intranet pages).
    """
    deadline = time.monotonic() + max_seconds
    current = url
    for _ in range(max_redirects + 1):
        parts = _parts(current, url)
        address = _checked_address(parts, url, allow_private)
        status, location, body = _get(parts, address, url, timeout, max_bytes, deadline)
        if location is None:
            return body, current
        current = urljoin(current, location)
    raise FetchError(f"{url}: more than {max_redirects} redirects")


def _parts(current: str, url: str) -> SplitResult:
    where = "" if current == url else f" (redirected to {current})"
    try:
        parts = urlsplit(current)
        parts.port  # noqa: B018 - raises on a port that is not a number
    except ValueError as exc:
        raise FetchError(f"{url}: not a valid URL ({exc}){where}") from None
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        raise FetchError(f"{url}: only http and https URLs are fetched, not {scheme or 'no scheme'}{where}")
    if not parts.hostname:
        raise FetchError(f"{url}: no host name{where}")
    return parts


def _checked_address(parts: SplitResult, url: str, allow_private: bool) -> str:
    """The address to connect to: the first of the host's addresses, after checking all of them
    (a name with one public and one private address is refused, since either could be used)."""
    host = parts.hostname or ""
    port = parts.port or (443 if parts.scheme.lower() == "https" else 80)
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError) as exc:
        raise FetchError(f"{url}: cannot resolve {host} ({exc})") from None
    addresses = [str(info[4][0]) for info in infos]
    if not allow_private:
        for address in addresses:
            if (why := refused_address(address)) is not None:
                raise FetchError(f"{url}: {host} is {address}, {why}; refusing to fetch it "
                                 f"(--allow-private-addresses allows it)")
    return addresses[0]


def refused_address(address: str) -> str | None:
    """Why a fetch must not reach ``address`` (loopback, private, ...), or None for a public one."""
    ip = ipaddress.ip_address(address.split("%")[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    for kind in ("loopback", "private", "link_local", "multicast", "unspecified", "reserved"):
        if getattr(ip, f"is_{kind}"):
            return f"a {kind.replace('_', '-')} address"
    return None if ip.is_global else "not a public address"


def _get(parts: SplitResult, address: str, url: str, timeout: float, max_bytes: int,
         deadline: float) -> tuple[int, str | None, bytes]:
    """One request to ``address``: (status, redirect target or None, body). A watchdog closes the
    socket at ``deadline``, which ends a read that a trickling server would keep alive."""
    remaining = deadline - time.monotonic()
    if remaining <= 0:
        raise FetchError(f"{url}: took longer than its time limit (server too slow)")
    cls = http.client.HTTPSConnection if parts.scheme.lower() == "https" else http.client.HTTPConnection
    conn = cls(parts.hostname or "", parts.port, timeout=min(timeout, remaining))
    sockets: list[socket.socket] = []  # the response may outlive conn.sock (a closing connection drops it)

    def connect(where: tuple[str, int], *args: object) -> socket.socket:
        sockets.append(socket.create_connection((address, where[1]), *args))  # type: ignore[arg-type]
        return sockets[-1]

    conn._create_connection = connect  # type: ignore[attr-defined]
    watchdog = threading.Timer(remaining, _shut, (sockets,))
    watchdog.daemon = True
    watchdog.start()
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    try:
        conn.request("GET", target, headers={"User-Agent": USER_AGENT, "Accept": ", ".join(ACCEPTED_TYPES),
                                             "Accept-Encoding": "gzip"})
        response = conn.getresponse()
        location = response.getheader("Location") if response.status in _REDIRECTS else None
        if location is not None:
            return response.status, location, b""
        if response.status >= 400:
            raise FetchError(f"{url}: HTTP {response.status} {response.reason}")
        body = _body(response, url, max_bytes)
        if time.monotonic() >= deadline:  # the watchdog ended the body early
            raise FetchError(f"{url}: took longer than its time limit (server too slow)")
        return response.status, None, body
    except (OSError, ValueError, http.client.HTTPException) as exc:
        if time.monotonic() >= deadline:
            raise FetchError(f"{url}: took longer than its time limit (server too slow)") from None
        raise FetchError(f"{url}: cannot fetch ({exc})") from None
    finally:
        watchdog.cancel()
        conn.close()


def _shut(sockets: list[socket.socket]) -> None:
    for sock in sockets:
        try:
            sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass


def _body(response: http.client.HTTPResponse, url: str, max_bytes: int) -> bytes:
    """The response body, after checking its type and size (a declared length is refused early);
    gzip is inflated here, at most ``max_bytes`` of it."""
    ctype = (response.getheader("Content-Type") or "").split(";")[0].strip().lower()
    if ctype and ctype not in ACCEPTED_TYPES:
        raise FetchError(f"{url}: content type {ctype} is not a web page")
    encoding = (response.getheader("Content-Encoding") or "identity").strip().lower()
    if encoding not in ("identity", "gzip", "x-gzip"):
        raise FetchError(f"{url}: content encoding {encoding} is not supported")
    declared = response.getheader("Content-Length")
    if declared and declared.isdigit() and int(declared) > max_bytes:
        raise FetchError(f"{url}: {declared} bytes is larger than the {max_bytes}-byte limit")
    inflate = zlib.decompressobj(wbits=31) if encoding != "identity" else None
    chunks: list[bytes] = []
    size = 0
    while size <= max_bytes:
        chunk = response.read1(1 << 16)
        if not chunk:
            break
        if inflate is not None:
            try:
                chunk = inflate.decompress(chunk, max_bytes + 1 - size)
            except zlib.error as exc:
                raise FetchError(f"{url}: broken gzip body ({exc})") from None
        chunks.append(chunk)
        size += len(chunk)
    body = b"".join(chunks)
    if len(body) > max_bytes:
        raise FetchError(f"{url}: larger than the {max_bytes}-byte limit")
    return body


__all__ = ["FetchError", "fetch", "refused_address"]
