"""Small crawls the tests write themselves: a WARC of the repo's example and fixture pages (and
variants of them), and page tables (JSONL, Parquet) of the same pages, in every shape a row may take."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def crawl_pages(n: int = 30) -> list[tuple[str, str, bytes]]:
    """The repo's example and fixture pages, then variants of them (another host, an extra
    paragraph) until there are ``n``; plus an image, which every reader must skip alike."""
    base = [p.read_bytes() for p in sorted([*ROOT.glob("examples/*.html"), *ROOT.glob("tests/fixtures/*.html")])]
    pages = []
    for i in range(n):
        html = base[i % len(base)]
        if i >= len(base):
            html = html.replace(b"</body>", f"<p>Variant {i} of this page, for the crawl test.</p></body>".encode(), 1)
        pages.append((f"https://site{i % 7}.example/{i}/story.html", "text/html; charset=utf-8", html))
    pages.insert(3, ("https://site0.example/logo.png", "image/png", b"\x89PNG\r\n"))
    return pages


def write_warc(path: Path, pages: list[tuple[str, str, bytes]]) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for uri, ctype, body in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=headers))


def table_rows() -> list[dict]:
    """Page-table rows: with and without id, html or a text dump, and one with no page (an error row)."""
    texts = sorted(ROOT.glob("tests/fixtures/*.txt"))
    rows: list[dict] = []
    for i, (url, _, html) in enumerate(p for p in crawl_pages(6) if p[1].startswith("text/html")):
        row = {"url": url, "html": html.decode("utf-8", "replace"), "text": None}
        rows.append({"id": f"page-{i}", **row} if i % 2 else {"id": None, **row})
    rows += [{"id": f"dump-{i}", "url": None, "html": None, "text": p.read_text("utf-8")} for i, p in enumerate(texts)]
    rows.append({"id": "empty", "url": "https://site9.example/empty", "html": None, "text": None})
    return rows


def write_jsonl_gz(path: Path, rows: list[dict]) -> None:
    lines = (json.dumps({k: v for k, v in row.items() if v is not None}) for row in rows)
    path.write_bytes(gzip.compress("".join(f"{line}\n" for line in lines).encode()))


def write_parquet(path: Path, rows: list[dict], row_group_size: int = 4) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    pq.write_table(pa.Table.from_pylist(rows), path, row_group_size=row_group_size)
