"""Never skip in silence: folders sniff pages without a known suffix and count what they skip, WARC
non-HTML responses are counted, report/sites say what file they expected, and any file name works."""

from __future__ import annotations

import csv
import json
import os
from collections import Counter
from pathlib import Path

import pytest

from detector.cli import main
from detector.inputs import iter_records
from test_inputs import WARC_PAGES, write_warc
from tiny_model import tiny_model  # noqa: F401 - pytest fixture

FIXTURES = Path(__file__).parent / "fixtures" / "cli"
ORIGINAL, FARM = (str(FIXTURES / n) for n in ("original.html", "farm.html"))
HTML = Path(FARM).read_bytes()


def mirror(root: Path) -> Path:
    """A wget mirror: pages without .html, an image, a stylesheet, a text note and a FIFO."""
    for name in ("story", "article.php", "page.shtml", "index.html?id=3"):
        (root / name).write_bytes(HTML)
    (root / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    (root / "style.css").write_text("body { color: red; }\n")
    (root / "notes").write_text("just some words, not a web page\n")
    os.mkfifo(root / "pipe")
    return root


def test_folder_scan_sniffs_pages_and_counts_the_rest(tmp_path):
    skipped: Counter[str] = Counter()
    recs = list(iter_records([str(mirror(tmp_path))], skipped=skipped))
    assert sorted(Path(r.id).name for r in recs) == ["article.php", "index.html?id=3", "page.shtml", "story"]
    assert skipped == {"binary input: looks like a PNG image, not a web page": 1,
                       "no page suffix and not HTML (name a text dump .txt to score it)": 2,
                       "not a regular file (FIFO, socket or device)": 1}


def test_score_prints_the_skipped_count_with_reasons(tiny_model, tmp_path, capsys):  # noqa: F811
    assert main(["score", str(mirror(tmp_path)), "--model", str(tiny_model), "--jobs", "1"]) == 0
    captured = capsys.readouterr()
    assert len(captured.out.splitlines()) == 4
    assert captured.err.splitlines() == [
        "detector: skipped 2 inputs: no page suffix and not HTML (name a text dump .txt to score it)",
        "detector: skipped 1 input: binary input: looks like a PNG image, not a web page",
        "detector: skipped 1 input: not a regular file (FIFO, socket or device)",
    ]


def test_warc_non_html_responses_are_counted(tmp_path):
    path = tmp_path / "c.warc.gz"
    write_warc(path, WARC_PAGES)
    skipped: Counter[str] = Counter()
    assert len(list(iter_records([str(path)], skipped=skipped))) == 2
    assert skipped == {"WARC response not HTML (image/png)": 1}


def test_ftp_urls_are_refused_as_such():
    (rec,) = iter_records(["ftp://files.example/page.html"])
    assert rec.error == "ftp:// is not fetched: only http:// and https:// URLs are"


@pytest.mark.parametrize("suffix", [".jsonl", ".csv", ".parquet"])
def test_an_undecodable_file_name_is_scored_and_resumed(tiny_model, tmp_path, suffix):  # noqa: F811
    if suffix == ".parquet":
        pytest.importorskip("pyarrow")
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.html").write_bytes(HTML)
    raw = os.path.join(os.fsencode(folder), b"c\xff\xfe.html")
    with open(raw, "wb") as fh:
        fh.write(HTML)
    out = tmp_path / f"out{suffix}"
    args = ["score", str(folder), "--model", str(tiny_model), "--jobs", "1", "-o", str(out)]
    assert main(args) == 0
    expected = [str(folder / "a.html"), str(folder) + "/c\\xff\\xfe.html"]
    assert ids(out) == expected
    (folder / "b.html").write_bytes(HTML)
    assert main([*args, "--resume"]) == 0
    assert ids(out) == [*expected, str(folder / "b.html")]


def ids(out: Path) -> list[str]:
    if out.suffix == ".jsonl":
        return [json.loads(line)["id"] for line in out.read_text("utf-8").splitlines()]
    if out.suffix == ".csv":
        return [r["id"] for r in csv.DictReader(open(out, newline="", encoding="utf-8"))]
    import pyarrow.parquet as pq

    return pq.read_table(out).column("id").to_pylist()


def test_an_undecodable_file_name_on_stdout_is_valid_utf8(tiny_model, tmp_path, capfdbinary):  # noqa: F811
    raw = os.path.join(os.fsencode(tmp_path), b"c\xff\xfe.html")
    with open(raw, "wb") as fh:
        fh.write(HTML)
    assert main(["score", os.fsdecode(raw), "--model", str(tiny_model), "--jobs", "1"]) == 0
    row = json.loads(capfdbinary.readouterr().out.decode("utf-8"))
    assert row["id"] == row["origin"] == str(tmp_path) + "/c\\xff\\xfe.html"


def results(tiny_model: Path, out: Path) -> Path:  # noqa: F811
    assert main(["score", ORIGINAL, FARM, "--model", str(tiny_model), "--jobs", "1", "-o", str(out)]) == 0
    return out


def test_report_says_a_results_csv_is_not_what_it_reads(tiny_model, tmp_path, capsys):  # noqa: F811
    rows = results(tiny_model, tmp_path / "r.csv")
    assert main(["report", str(rows), "-o", str(tmp_path / "s.html")]) == 2
    assert "is a results CSV; report reads the JSONL rows of `detector score" in capsys.readouterr().err
    assert not (tmp_path / "s.html").exists()


def test_report_says_an_input_jsonl_must_be_scored_first(tmp_path, capsys):
    pages = tmp_path / "pages.jsonl"
    pages.write_text(json.dumps({"id": "a", "html": HTML.decode()}) + "\n")
    assert main(["report", str(pages), "-o", str(tmp_path / "s.html")]) == 2
    err = capsys.readouterr().err
    assert "is a JSONL of pages to score" in err and f"detector score {pages} -o results.jsonl" in err
    assert not (tmp_path / "s.html").exists()


def test_sites_says_what_it_expected_once(tmp_path, capsys):
    assert main(["sites", FARM]) == 2
    err = capsys.readouterr().err
    assert f"{FARM} is not JSONL; sites reads the JSONL rows of `detector score" in err
    assert len(err.splitlines()) == 2  # usage line and the message, not one line per input line


def test_sites_still_reads_results(tiny_model, tmp_path, capsys):  # noqa: F811
    rows = results(tiny_model, tmp_path / "r.jsonl")
    capsys.readouterr()
    assert main(["sites", str(rows), "--format", "json"]) == 0
    assert sum(s["pages"] for s in json.loads(capsys.readouterr().out)) == 2
