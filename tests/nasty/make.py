"""The nasty-page corpus: every kind of broken page the open web serves, built from code.

``SMALL`` pages are a few KB each and are also committed under ``tests/nasty/pages/`` (regenerate
with ``python tests/nasty/make.py``) so that fuzzers and people can start from them; the ``big_*``
builders make the large ones (50 MB, 100,000-deep, a gzip bomb) at test time, never committed.

Each case says what it must end in: ``"verdict"``, ``"error: <words the reason must contain>"`` or
``"any"`` (a verdict, or an error with a reason: both are honest answers for that page).
"""

from __future__ import annotations

import gzip
import io
import sys
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ARTICLE = ("<h1>Council approves the new library budget</h1><p class='byline'>By Jane Doe</p>"
           "<p>The council met on Tuesday to discuss the budget for the new library, which residents "
           "have asked for since 2019. The vote was seven to two.</p>")


def page(body: str, head: str = "<title>Library budget | Millbrook Gazette</title>") -> str:
    return f"<!doctype html><html><head>{head}</head><body>{body}</body></html>"


ZH = "市议会周二开会讨论新图书馆的预算，居民们自2019年以来一直要求修建这座图书馆。"
JA = "市議会は火曜日、新しい図書館の予算について話し合った。住民は二〇一九年から要望していた。"
W1252 = "The council\u2019s \u201cfinal\u201d vote \u2013 na\u00efve caf\u00e9 r\u00e9sum\u00e9 \u20ac5m."


def _zip() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr(zipfile.ZipInfo("index.html", date_time=(2020, 1, 1, 0, 0, 0)), page(ARTICLE))
    return buf.getvalue()


@dataclass(frozen=True)
class Case:
    name: str  # the file name: its suffix decides how `detector score FOLDER` reads it
    content: bytes
    expect: str
    title: str | None = None  # when set, reading must decode the <title> to exactly this


def _charset(name: str, text: str, codec: str, head: str, title: str | None = None, bom: bytes = b"") -> Case:
    title = title or text[:12].strip()
    html = page(f"<p>{text}</p>" * 3, head=head + f"<title>{title}</title>")
    return Case(name, bom + html.encode(codec), "verdict", title)


SMALL: list[Case] = [
    Case("empty.html", b"", "error: empty input"),
    Case("whitespace.html", b" \n\t\r\n  ", "error: empty input"),
    Case("bom_only.html", b"\xef\xbb\xbf", "error: empty input"),
    Case("nul_only.html", b"\x00" * 512, "error: binary input"),
    Case("png.html", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "error: PNG image"),
    Case("jpeg.html", b"\xff\xd8\xff\xe0\x00\x10JFIF" + bytes(range(256)) * 4, "error: JPEG image"),
    Case("pdf.html", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\n" + bytes(range(256)), "error: PDF"),
    Case("zip.html", _zip(), "error: ZIP archive"),
    Case("gzip_unlabelled.html", gzip.compress(page(ARTICLE).encode(), mtime=0), "error: gzip"),
    Case("random_bytes.html", bytes((i * 7919 + 13) % 256 for i in range(4096)), "error: binary input"),
    Case("truncated.htm.gz", gzip.compress(page(ARTICLE * 20).encode(), mtime=0)[:-40], "error: truncated"),
    Case("corrupt.htm.gz", b"\x1f\x8b\x08\x00" + b"not deflate data at all" * 10, "error: gzip"),
    Case("unclosed.html", b"<html><head><title>Unclosed<body><div><p>The council met <b>on <i>Tuesday"
                          b"<table><tr><td>cell<a href='/x'>link<ul><li>item", "verdict"),
    Case("only_scripts.html", ("<script>var a = '<p>not text</p>';</script>" * 200).encode(), "any"),
    Case("only_styles_comments.html", ("<style>p{color:red}</style><!-- <p>hidden</p> -->" * 200).encode(), "any"),
    Case("nul_bytes.html", page(ARTICLE).encode().replace(b"<p>", b"<p>\x00\x00") + b"\x00", "verdict"),
    Case("control_chars.html", page("<p>" + "".join(chr(c) for c in range(1, 32)) * 20 + "</p>" + ARTICLE).encode(), "verdict"),
    Case("invalid_utf8.html", page(ARTICLE).encode() + b"\xc3\x28\xa0\xa1\xe2\x28\xa1\xf0\x28\x8c\xbc" * 50, "verdict"),
    Case("entities.html", page("<p>" + "&amp;&lt;&#0;&#xFFFFFFFF;&#55296;&bogus;&#x110000;" * 300 + "</p>" + ARTICLE).encode(), "verdict"),
    Case("bidi_zero_width.html", page("<p>\u202e\u200b\u200d\ufeff\u2028\u2029" * 200 + "</p>" + ARTICLE).encode(), "verdict"),
    Case("attributes.html", ("<div " + " ".join(f'a{i}="{i}"' for i in range(5000)) + ">x</div>"
                             + f"<p title='{'t' * 60000}'>{ARTICLE}</p>").encode(), "verdict"),
    Case("frameset.html", b"<html><frameset><frame src='a.html'><noframes><p>No frames</p></noframes></frameset></html>", "any"),
    Case("xhtml.html", b"<?xml version='1.0' encoding='utf-8'?><!DOCTYPE html><html xmlns='http://www.w3.org/1999/xhtml'>"
                       b"<head><title>XHTML</title></head><body>" + ARTICLE.encode() + b"</body></html>", "verdict"),
    Case("json_ld_broken.html", page(ARTICLE, head='<script type="application/ld+json">{"@type": [}}</script>'
                                      '<script type="application/ld+json">' + "[" * 5000 + "</script>").encode(), "verdict"),
    Case("one_byte.txt", b"a", "any"),
    Case("no_line_breaks.txt", ("The council met on Tuesday to discuss the library. " * 1000).encode(), "verdict"),
    Case("no_line_breaks.html", page("<p>" + "word " * 20000 + "</p>").encode(), "verdict"),
    _charset("gbk_declared.html", ZH, "gbk", "<meta charset='gbk'>"),
    _charset("gbk_undeclared.html", ZH * 5, "gbk", ""),
    _charset("gbk_declared_as_utf8.html", ZH * 5, "gbk", "<meta charset='utf-8'>"),
    _charset("shift_jis_declared.html", JA, "shift_jis", "<meta http-equiv='Content-Type' content='text/html; charset=Shift_JIS'>"),
    _charset("shift_jis_undeclared.html", JA * 5, "shift_jis", ""),
    _charset("windows1252_declared.html", W1252, "cp1252", "<meta charset='windows-1252'>"),
    _charset("windows1252_as_latin1.html", W1252, "cp1252", "<meta charset='iso-8859-1'>"),
    _charset("windows1252_undeclared.html", W1252, "cp1252", ""),
    _charset("utf16le_bom.html", ZH, "utf-16-le", "", bom=b"\xff\xfe"),
    _charset("utf16be_bom.html", W1252, "utf-16-be", "", bom=b"\xfe\xff"),
    _charset("utf16le_no_bom.html", "Plain ASCII headline here", "utf-16-le", ""),
    _charset("unknown_charset.html", W1252, "utf-8", "<meta charset='x-no-such-charset'>"),
    Case("mixed_encodings.html", page(ARTICLE, head="<meta charset='utf-8'><title>Mixed</title>").encode()
         + f"<p>{ZH}</p>".encode("gbk") + f"<p>{JA}</p>".encode("shift_jis") + f"<p>{W1252}</p>".encode("cp1252"), "verdict"),
]


# --------------------------------------------------------------------------------------------------
# Big pages, built at test time


def big_page(size: int = 50_000_000) -> bytes:
    """A plausible article page of ``size`` bytes: thousands of paragraphs in one container."""
    head = page("").split("<body>")[0].encode() + b"<body><div class='article'>" + ARTICLE.encode()
    para = f"<p>{ZH} The council met again on Tuesday to discuss the budget. {W1252}</p>\n".encode()
    return head + para * ((size - len(head)) // len(para))


def deep_page(depth: int = 100_000, closed: bool = True) -> bytes:
    """Tags nested ``depth`` deep (closed, or never closed), with an article at the bottom."""
    inner = ARTICLE
    if closed:
        return page("<div>" * depth + inner + "</div>" * depth).encode()
    return page("<div><span>x " * depth + inner).encode()


def gzip_bomb(size: int = 200_000_000) -> bytes:
    """A .html.gz of a few hundred KB that inflates to ``size`` bytes of blanks after a tiny page."""
    z = zlib.compressobj(9, zlib.DEFLATED, 31)  # 31: gzip container
    out = [z.compress(b"<html><body>")]
    chunk = b" " * (1 << 20)
    out += [z.compress(chunk) for _ in range(size >> 20)]
    return b"".join([*out, z.flush()])


def warc(pages: list[tuple[str, bytes]], *, truncate_last: int = 0) -> bytes:
    """An uncompressed WARC of response records; ``truncate_last`` cuts that many bytes off its end."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=False)
    for uri, body in pages:
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8"),
                                              ("Content-Length", str(len(body)))], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=headers))
    data = buf.getvalue()
    return data[: len(data) - truncate_last] if truncate_last else data


BIG: dict[str, tuple[Callable[[], bytes], str]] = {
    "deep_closed.html": (lambda: deep_page(100_000, closed=True), "any"),
    "deep_unclosed.html": (lambda: deep_page(100_000, closed=False), "any"),
    "bomb.html.gz": (gzip_bomb, "any"),
}
"""Generated per run (too big to commit); the 50 MB page has its own test, run in a subprocess."""


def write_small(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for case in SMALL:
        (folder / case.name).write_bytes(case.content)


if __name__ == "__main__":
    write_small(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).parent / "pages")
