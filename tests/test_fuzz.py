"""Property-based fuzzing of the reader, both Page builders and every signal (hypothesis).

Properties: reading raises nothing but ReadError; a read page always parses; every signal value is
finite and its evidence bounded. Seeds include the nasty corpus, so shrinking starts from real damage.
``DETECTOR_FUZZ_EXAMPLES`` raises the example count for a longer local run.
"""

from __future__ import annotations

import math
import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from detector.page import parse_html
from detector.reading import ReadError, read
from detector.signals import extract
from detector.text_page import parse_text
from nasty.make import SMALL

EXAMPLES = int(os.environ.get("DETECTOR_FUZZ_EXAMPLES", "100"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
MAX_EVIDENCE = 2_000  # characters: evidence is "cut to a readable length"

TAGS = ["html", "head", "body", "title", "meta", "script", "style", "p", "div", "span", "a", "h1", "h2", "li",
        "ul", "table", "td", "time", "article", "header", "footer", "nav", "br", "img", "link", "noscript", "svg"]
ATTRS = ["class", "id", "href", "rel", "name", "property", "content", "charset", "itemprop", "datetime", "type", "lang"]
WORDS = ["By", "Jane Doe", "Source:", "来源：", "作者：admin", "Reuters", "AP", "2024-05-02", "©", "Related",
         "appeared first on", "views", "阅读", "記事", "&amp;", "&#0;", "&#xD800;", "\x00", "\u202e", "\ufeff",
         "canonical", "og:site_name", "application/ld+json", '{"@type":"NewsArticle"', "http://x.example/a"]
text = st.one_of(st.sampled_from(WORDS), st.text(max_size=30))


@st.composite
def html(draw, depth: int = 0) -> str:
    """HTML-ish markup: random tags and attributes, nesting, unclosed tags, charset metas, entities, CJK."""
    parts = []
    for _ in range(draw(st.integers(0, 6))):
        choice = draw(st.integers(0, 9 if depth < 6 else 3))
        if choice <= 3:
            parts.append(draw(text))
        elif choice == 4:
            parts.append(f"<meta charset='{draw(st.sampled_from(['utf-8', 'gbk', 'shift_jis', 'windows-1252', 'utf-16', 'bogus']))}'>")
        else:
            tag = draw(st.sampled_from(TAGS))
            attrs = "".join(f' {draw(st.sampled_from(ATTRS))}="{draw(text)}"' for _ in range(draw(st.integers(0, 3))))
            inner = draw(html(depth + 1))
            close = draw(st.sampled_from([f"</{tag}>", "", f"</{draw(st.sampled_from(TAGS))}>"]))
            parts.append(f"<{tag}{attrs}>{inner}{close}")
    return "".join(parts)


ENCODINGS = ["utf-8", "gbk", "shift_jis", "cp1252", "utf-16", "utf-16-le", "latin-1"]
pages_as_bytes = st.one_of(
    st.builds(lambda h, enc: h.encode(enc, "ignore"), html(), st.sampled_from(ENCODINGS)),
    st.binary(max_size=2_000),
    st.sampled_from([c.content for c in SMALL]),
    st.builds(lambda c, cut: c.content[:cut], st.sampled_from(SMALL), st.integers(0, 3_000)),  # truncated pages
)


def check_signals(page) -> None:
    for signal in extract(page):
        value = float(signal.value)
        assert math.isfinite(value), signal
        assert len(str(signal.evidence or "")) <= MAX_EVIDENCE, (signal.name, len(signal.evidence))


@FUZZ
@given(pages_as_bytes, st.sampled_from([None, "html", "text"]), st.integers(1, 5_000))
def test_read_raises_only_read_error_and_pages_parse(content: bytes, kind, max_bytes: int):
    try:
        doc = read(content, kind=kind, max_bytes=max_bytes)
    except ReadError as exc:
        assert str(exc)
        return
    assert doc.text.strip() and doc.kind in ("html", "text") and "\x00" not in doc.text
    doc.text.encode("utf-8")  # writable: no lone surrogates reach the output
    page = (parse_html if doc.kind == "html" else parse_text)(doc.text, "https://example.com/a", truncated=doc.truncated)
    check_signals(page)


@FUZZ
@given(html(), st.one_of(st.none(), st.sampled_from(["https://example.com/news/1", "http://[bad", "not a url", ""])))
def test_parse_html_and_signals_never_crash(markup: str, url):
    check_signals(parse_html(markup, url))


@FUZZ
@given(st.lists(st.one_of(text, st.sampled_from(["", " ", "* item", "# Heading", "=====", "Home > News > World"])),
                max_size=30))
def test_parse_text_and_signals_never_crash(lines: list[str]):
    check_signals(parse_text("\n".join(lines), None))


@FUZZ
@given(st.text(max_size=3_000))
def test_read_any_str(content: str):
    try:
        doc = read(content)
    except ReadError:
        return
    doc.text.encode("utf-8")
