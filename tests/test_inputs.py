"""Every input format becomes Records; unreadable inputs become Records with an error, never a crash."""

from __future__ import annotations

import gzip
import io
import json
import sys
from pathlib import Path

import pytest

from detector.inputs import Record, iter_records

FIXTURES = Path(__file__).parent / "fixtures" / "cli"


def records(*specs: str | Path, **kw) -> list[Record]:
    return list(iter_records([str(s) for s in specs], **kw))


def test_single_file_takes_url_and_kind_from_suffix():
    (rec,) = records(FIXTURES / "original.html", url="https://x.example/a")
    assert rec.url == "https://x.example/a" and rec.kind == "html" and rec.error is None
    assert rec.id == rec.origin == str(FIXTURES / "original.html")
    assert b"footbridge" in rec.content


def test_folder_is_recursive_sorted_and_skips_other_files():
    recs = records(FIXTURES / "folder")
    assert [Path(r.id).name for r in recs] == ["a.html", "b.txt"]
    assert [r.kind for r in recs] == ["html", "text"]


def test_gzipped_file_and_truncated_gzip(tmp_path):
    page = (FIXTURES / "original.html").read_bytes()
    good, bad = tmp_path / "p.html.gz", tmp_path / "q.html.gz"
    good.write_bytes(gzip.compress(page))
    bad.write_bytes(gzip.compress(page)[:-30])
    ok, broken = records(good, bad)
    assert ok.content == page and ok.kind == "html"
    assert broken.content is None and "truncated" in broken.error


def test_missing_file_is_an_error_record():
    (rec,) = records("no/such/page.html")
    assert rec.error == "no such file or directory" and rec.origin == "no/such/page.html"


def test_jsonl_keeps_going_after_a_broken_line():
    recs = records(FIXTURES / "pages.jsonl")
    assert [r.id for r in recs] == ["rec-1", f"{FIXTURES / 'pages.jsonl'}:line 2", "rec-2", "rec-3"]
    assert "not valid JSON" in recs[1].error
    assert recs[0].url.startswith("https://millbrook") and recs[0].kind == "html"
    assert recs[3].kind == "text" and recs[3].url is None
    assert recs[2].origin.endswith("pages.jsonl:line 3")


def test_jsonl_objects_without_page_are_errors(tmp_path):
    path = tmp_path / "x.jsonl.gz"
    path.write_bytes(gzip.compress(b'[1, 2]\n{"id": "n", "url": "https://a.example/"}\n\n{"text": "hello there"}\n'))
    a, b, c = records(path)
    assert a.error == "not a JSON object"
    assert b.id == "n" and "no \"html\" or \"text\"" in b.error
    assert c.content == "hello there" and c.id.endswith(":line 4")


def write_warc(path: Path, pages: list[tuple[str, str, bytes]], gz: bool = True) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=gz)
        for uri, ctype, body in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=headers))


WARC_PAGES = [
    ("https://a.example/1", "text/html; charset=utf-8", b"<html><body><p>one</p></body></html>"),
    ("https://a.example/logo.png", "image/png", b"\x89PNG...."),
    ("https://b.example/2", "application/xhtml+xml", b"<html><body><p>two</p>" + b"x" * 4000 + b"</body></html>"),
]


@pytest.mark.parametrize("gz", [True, False])
def test_warc_yields_html_responses_with_uri_and_offset(tmp_path, gz):
    path = tmp_path / ("c.warc.gz" if gz else "c.warc")
    write_warc(path, WARC_PAGES, gz)
    recs = records(path)
    assert [r.url for r in recs] == ["https://a.example/1", "https://b.example/2"]
    assert all(r.error is None and r.kind == "html" for r in recs)
    offset = int(recs[1].id.rsplit("@", 1)[1])
    assert recs[1].id == f"https://b.example/2@{offset}" and recs[1].origin == f"{path}@{offset}"
    assert recs[0].content == WARC_PAGES[0][2]


def test_truncated_warc_record_is_an_error(tmp_path):
    path = tmp_path / "t.warc"
    write_warc(path, WARC_PAGES, gz=False)
    path.write_bytes(path.read_bytes()[:-200])
    recs = records(path)
    assert recs[0].error is None
    assert "truncated" in recs[-1].error and recs[-1].url == "https://b.example/2"


def test_warcio_fallback_reads_the_same(tmp_path, monkeypatch):
    path = tmp_path / "c.warc.gz"
    write_warc(path, WARC_PAGES)
    fast = records(path)
    monkeypatch.setitem(sys.modules, "fastwarc", None)  # import fastwarc -> ImportError
    slow = records(path)
    assert [(r.id, r.content) for r in slow] == [(r.id, r.content) for r in fast]


def feed_stdin(monkeypatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))


def test_stdin_jsonl_is_sniffed_and_streamed_past_the_first_chunk(monkeypatch):
    lines = [json.dumps({"id": f"s{i}", "text": "word " * 20}) for i in range(50)]
    feed_stdin(monkeypatch, ("\n".join(lines) + "\n").encode())
    recs = records("-", max_bytes=500)  # the sniffing window ends mid-line: the rest must still come
    assert [r.id for r in recs] == [f"s{i}" for i in range(50)]
    assert all(r.error is None for r in recs)


def test_stdin_jsonl_line_past_the_line_cap_is_an_error_and_the_stream_goes_on(monkeypatch):
    lines = [json.dumps({"id": "a", "text": "word"}), json.dumps({"id": "long", "text": "word " * 1000}),
             json.dumps({"id": "b", "text": "word"})]
    feed_stdin(monkeypatch, ("\n".join(lines) + "\n").encode())
    recs = records("-", max_bytes=500)  # a line cap of 2,000 bytes
    assert [r.id for r in recs] == ["a", "<stdin>:line 2", "b"]
    assert "line longer than the 0.002 MB line cap" in recs[1].error


def test_stdin_single_page(monkeypatch):
    feed_stdin(monkeypatch, b"<html><body><p>{\"not\": \"jsonl\"}</p></body></html>\n")
    (rec,) = records("-", url="https://p.example/")
    assert rec.id == "<stdin>" and rec.url == "https://p.example/" and rec.content.startswith(b"<html>")


def test_file_is_read_only_up_to_the_cap(tmp_path):
    path = tmp_path / "big.html"
    path.write_bytes(b"<p>" + b"a" * 10_000)
    (rec,) = records(path, max_bytes=100)
    assert len(rec.content) == 101  # one byte more, so that reading knows it was cut
