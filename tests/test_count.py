"""``count_records`` (the progress bar's total) agrees with what ``iter_records`` gives."""

from __future__ import annotations

import gzip

import pytest

from detector.inputs import count_records, iter_records
from test_inputs import WARC_PAGES, write_warc


def test_count_matches_the_records(tmp_path):
    pytest.importorskip("fastwarc")
    (tmp_path / "pages").mkdir()
    for i in range(3):
        (tmp_path / "pages" / f"{i}.html").write_text("<p>x</p>")
    (tmp_path / "pages" / "notes.md").write_text("not a page")
    (tmp_path / "p.jsonl.gz").write_bytes(gzip.compress(b'{"html": "<p>a</p>"}\n\n[1]\n{"text": "b"}\n'))
    write_warc(tmp_path / "c.warc.gz", WARC_PAGES * 3)
    specs = [str(tmp_path / x) for x in ("pages", "p.jsonl.gz", "c.warc.gz", "missing.html")]
    specs.append("https://a.example/")
    assert count_records(specs[:-1]) == sum(1 for _ in iter_records(specs[:-1])) == 3 + 3 + 6 + 1
    assert count_records(specs) == 14 and count_records(["-"]) is None
