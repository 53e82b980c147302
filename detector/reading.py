"""Raw input -> decoded text, with charset detection, HTML/plain-text sniffing and a size budget.

Pages from the open web lie about their charset, so a declared charset is only trusted when the
bytes actually decode with it; otherwise charset-normalizer guesses, and UTF-8 with replacement
characters is the last resort. Nothing here raises on a merely odd page: only input that cannot be
a web page at all (empty, binary) is refused, with a message that says why.
"""

from __future__ import annotations

import codecs
import re
import signal
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from .errors import BudgetError, ReadError  # noqa: F401 - re-exported: defined with every public error

DEFAULT_MAX_BYTES = 8_000_000
"""Pages larger than this are cut to this size before decoding (the verdict says so)."""
DEFAULT_MAX_PARSE_SECONDS = 60.0
"""Wall-clock budget for reading, parsing and reading the signals of one page (see ``time_budget``)."""

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_BINARY_MAGIC = {
    b"%PDF": "a PDF document",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"PK\x03\x04": "a ZIP archive",
    b"\x1f\x8b": "gzip data (decompress it first)",
    b"RIFF": "a RIFF media file",
    b"\x7fELF": "an executable",
    b"BZh": "bzip2 data",
    b"\x00\x00\x01\x00": "an icon",
}
_DECLARED = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_:.\-]+)""", re.I)
_HTML_SNIFF = re.compile(
    r"<\s*(?:!doctype\s+html|html|head|body|meta|title|div|p|a\s|span|table|article|section|br|h[1-6]|ul|li|script|link)\b",
    re.I,
)
# Some CMSs declare a charset that is a subset of what they actually send.
_SUPERSETS = {"gb2312": "gb18030", "gbk": "gb18030", "iso-8859-1": "cp1252", "latin-1": "cp1252",
              "ascii": "cp1252", "us-ascii": "cp1252", "shift_jis": "cp932", "sjis": "cp932",
              "euc-kr": "cp949", "big5": "big5hkscs"}


@contextmanager
def time_budget(seconds: float | None) -> Iterator[Callable[[], None]]:
    """Bound the work inside the ``with`` to ``seconds`` of wall-clock time; yields ``check()``.

    Python cannot stop lxml or a regex from another thread, so the budget is enforced two ways:
    - *Preemptively* by SIGALRM, when this is the main thread of its process (the CLI, and each
      batch worker process): the handler raises ``BudgetError`` at the next Python bytecode, which
      bs4's per-tag callbacks and the signals' loops reach within milliseconds. A single C call
      (one regex over one long line) finishes first, so the overrun is that call's length.
    - *Between stages* everywhere else (threads, e.g. ``detector serve``): ``check()`` raises once
      the budget is spent, so an over-long page is refused after parsing, not interrupted in it.
    The alarm repeats every quarter second until the ``with`` ends: one that lands in a finaliser
    (``__del__`` run by the garbage collector mid-parse) is "unraisable" and lost, the next one is
    not. ``check()`` is the last line of defence. ``None`` or 0 means no budget.
    """
    if not seconds or seconds <= 0:
        yield lambda: None
        return
    deadline = time.monotonic() + seconds
    message = f"page took longer than the {seconds:g} s time budget to read and score (--max-parse-seconds)"

    def check() -> None:
        if time.monotonic() > deadline:
            raise BudgetError(message)

    active = [True]

    def on_alarm(signum, frame) -> None:  # noqa: ARG001 - signal handler signature
        if active[0]:
            raise BudgetError(message)

    preempt = (hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
               and signal.getitimer(signal.ITIMER_REAL)[0] == 0)  # never clobber a caller's own timer
    previous = signal.signal(signal.SIGALRM, on_alarm) if preempt else None
    try:
        if preempt:
            signal.setitimer(signal.ITIMER_REAL, seconds, 0.25)
        yield check
    finally:
        try:
            active[0] = False  # an alarm landing just before this still raises, and the cleanup still runs
        finally:
            if preempt:
                signal.setitimer(signal.ITIMER_REAL, 0)
                signal.signal(signal.SIGALRM, previous)


@dataclass(frozen=True)
class Document:
    """Decoded input: the text, whether it is HTML or a plain-text dump, and how it was decoded."""

    text: str
    kind: str  # "html" or "text"
    encoding: str | None
    truncated: bool = False
    utf8: bytes | None = field(default=None, repr=False, compare=False)  # ``text`` in UTF-8, when ``read`` made it


def read(content: bytes | str, *, max_bytes: int = DEFAULT_MAX_BYTES, kind: str | None = None) -> Document:
    """Decode ``content`` and decide whether it is HTML or plain text (unless ``kind`` says)."""
    truncated, utf8 = False, None
    if isinstance(content, (bytes, bytearray, memoryview)):
        raw = bytes(content)
        if len(raw) > max_bytes:
            raw, truncated = raw[:max_bytes], True
        text, encoding = decode(raw)
    elif isinstance(content, str):
        (text, utf8), encoding = _scrubbed(content), None
        if len(text) > max_bytes:
            text, truncated, utf8 = text[:max_bytes], True, None
    else:
        raise ReadError(f"expected bytes or str, got {type(content).__name__}")
    if utf8 is None or b"\x00" in utf8:  # the bytes' memchr spares most pages a scan of the text
        text, utf8 = text.replace("\x00", ""), None
    if not text or text.isspace():  # as strip() would say, without copying the page
        raise ReadError("empty input: no text to score")
    if kind is None:
        kind = "html" if _HTML_SNIFF.search(text[:4096]) else "text"
    elif kind not in ("html", "text"):
        raise ReadError(f"unknown kind {kind!r}: use 'html' or 'text'")
    return Document(text=text, kind=kind, encoding=encoding, truncated=truncated, utf8=utf8)


def scrub(text: str) -> str:
    """``text`` with lone surrogates (from JSON's "\\ud800" escapes) as U+FFFD: they cannot be written
    as UTF-8, so one of them in a page or URL would stop the output writer, and the whole batch."""
    return _scrubbed(text)[0]


def _scrubbed(text: str) -> tuple[str, bytes | None]:
    """``scrub(text)``, and its UTF-8 when it had no lone surrogate: the test encodes it, and the HTML parser
    takes those bytes rather than encoding the page a second time (0.2 ms on a 190 KB page)."""
    try:
        return text, text.encode("utf-8")
    except UnicodeEncodeError:
        return text.encode("utf-8", "surrogatepass").decode("utf-8", "replace"), None


def decode(raw: bytes) -> tuple[str, str]:
    """Bytes -> (text, encoding used). Never raises on a wrong declaration; refuses binary data."""
    if not raw or raw.isspace():
        raise ReadError("empty input: no text to score")
    for bom, name in _BOMS:
        if raw.startswith(bom):
            return raw.decode(name, errors="replace"), name
    for magic, what in _BINARY_MAGIC.items():
        if raw.startswith(magic):
            raise ReadError(f"binary input: looks like {what}, not a web page")
    head = raw[:4096]
    if head.count(b"\x00") > len(head) // 4:
        # UTF-16 without a BOM puts a NUL beside every ASCII byte; anything else with that many NULs is binary.
        for name in ("utf-16-le", "utf-16-be"):
            try:
                text = raw.decode(name)
            except UnicodeDecodeError:
                continue
            if _HTML_SNIFF.search(text[:4096]) or _mostly_printable(text[:2000]):
                return text, name
        raise ReadError("binary input: too many NUL bytes to be a text page")
    declared = _DECLARED.search(head)
    candidates = []
    if declared:
        name = declared.group(1).decode("ascii", "ignore").lower()
        candidates.append(_SUPERSETS.get(name, name))
    candidates.append("utf-8")
    for name in candidates:
        try:
            return raw.decode(name), name
        except (UnicodeDecodeError, LookupError):
            continue
    guessed = _guess(raw)
    if guessed:
        return guessed
    text = raw.decode("utf-8", errors="replace")
    # Replacement characters alone mean mixed or broken encodings, still a page; control characters mean binary.
    if not _mostly_printable(text[:4000].replace("\ufffd", " ")):
        raise ReadError("binary input: the bytes do not decode to readable text")
    return text, "utf-8"


# The encodings a browser decodes pages with (WHATWG Encoding Standard); charset-normalizer also
# proposes DOS and old Mac code pages (cp775 for an undeclared Windows-1252 page), which no web page is in.
_WEB_ENCODINGS = {codecs.lookup(n).name for n in (
    "utf-8", "utf-16-le", "utf-16-be", "latin-1", "cp866", "koi8-r", "koi8-u", "mac-roman", "mac-cyrillic", "cp874",
    *(f"iso-8859-{i}" for i in (2, 3, 4, 5, 6, 7, 8, 10, 13, 14, 15, 16)), *(f"cp125{i}" for i in range(9)),
    "gbk", "gb2312", "gb18030", "big5", "big5hkscs", "euc-jp", "iso-2022-jp", "shift_jis", "cp932", "euc-kr", "cp949",
)}


def _guess(raw: bytes) -> tuple[str, str] | None:
    from charset_normalizer import from_bytes

    for match in from_bytes(raw[:200_000]):  # best first
        try:
            if match.encoding is None or codecs.lookup(match.encoding).name not in _WEB_ENCODINGS:
                continue
        except LookupError:
            continue
        name = _SUPERSETS.get(match.encoding, match.encoding)
        return raw.decode(name, errors="replace"), name
    return None


def _mostly_printable(text: str) -> bool:
    if not text:
        return False
    bad = sum(1 for ch in text if ch == "\ufffd" or (ord(ch) < 32 and ch not in "\t\n\r\f"))
    return bad / len(text) < 0.1
