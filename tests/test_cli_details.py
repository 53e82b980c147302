"""The smaller answers a user acts on: usage errors exit 2, sizes with units, a URL named once, serve's
port in use said before anything else, find-copies with -o and a word when it finds nothing."""

from __future__ import annotations

import json
import socket
from pathlib import Path

import pytest

from detector.cli import _size, main
from tiny_model import tiny_model  # noqa: F401 - pytest fixture

FARM = str(Path(__file__).parent / "fixtures" / "cli" / "farm.html")


def test_an_output_of_unknown_format_is_a_usage_error(tiny_model, tmp_path, capsys):  # noqa: F811
    assert main(["score", FARM, "--model", str(tiny_model), "-o", str(tmp_path / "x.txt")]) == 2
    assert "unknown output format .txt" in capsys.readouterr().err


@pytest.mark.parametrize(("text", "size"), [("8000000", 8_000_000), ("8MB", 8_000_000), ("8 mb", 8_000_000),
                                            ("512KiB", 524_288), ("1.5GB", 1_500_000_000), ("300B", 300)])
def test_sizes_take_units(text, size):
    assert _size(text) == size


def test_a_size_without_a_number_is_a_usage_error(capsys):
    assert main(["score", FARM, "--max-bytes", "8 parsecs"]) == 2
    assert "not a size" in capsys.readouterr().err


def test_max_bytes_with_a_unit_cuts_the_page(tiny_model, capsys):  # noqa: F811
    assert main(["score", FARM, "--model", str(tiny_model), "--jobs", "1", "--max-bytes", "1KB"]) == 0
    assert json.loads(capsys.readouterr().out)["truncated"] is True


def test_a_fetch_error_names_the_url_once(monkeypatch, tiny_model, capsys):  # noqa: F811
    import detector.fetch

    def refuse(url: str, **_: object) -> None:
        raise detector.fetch.FetchError(f"{url}: HTTP 404 Not Found")

    monkeypatch.setattr(detector.fetch, "fetch", refuse)
    assert main(["score", "https://news.example/a", "--model", str(tiny_model), "--jobs", "1"]) == 1
    assert capsys.readouterr().err.strip() == "detector: https://news.example/a: HTTP 404 Not Found"


def test_serve_says_the_port_is_in_use_before_anything_else(tiny_model, capsys):  # noqa: F811
    pytest.importorskip("flask")
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        assert main(["serve", "--port", str(port), "--model", str(tiny_model)]) == 1
    err = capsys.readouterr().err
    assert f"cannot serve on 127.0.0.1:{port}" in err and "serving on" not in err


def test_find_copies_writes_o_and_says_when_nothing_is_found(tmp_path, capsys):
    originals = tmp_path / "originals.jsonl"
    story = " ".join(f"The council voted on bridge repair plan number {i} after a long debate." for i in range(40))
    originals.write_text(json.dumps({"id": "o1", "url": "https://courier.example/1",
                                     "html": f"<html><body><article><p>{story}</p></article></body></html>"}) + "\n")
    index = tmp_path / "idx"
    assert main(["index", "build", str(originals), "-o", str(index)]) == 0
    capsys.readouterr()
    out = tmp_path / "copies.jsonl"
    assert main(["find-copies", "--reference", str(index), FARM, "-o", str(out)]) == 0
    assert out.read_text() == ""
    assert "0 of 1 pages copy an indexed original" in capsys.readouterr().err
    assert main(["find-copies", "--reference", str(index), FARM, "-o", str(tmp_path / "c.csv")]) == 2


def test_bench_provenance_without_a_corpus_says_what_it_needs(tmp_path):
    import os
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[1]
    done = subprocess.run([sys.executable, str(root / "benchmarks" / "bench_provenance.py"), "--corpus", str(tmp_path)],
                          capture_output=True, text=True, timeout=300, env={**os.environ, "PYTHONPATH": str(root)})
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert done.stderr.strip() == (f"bench_provenance.py: no corpus pages in {tmp_path}: give --corpus DIR (a folder "
                                   f"of .html/.htm(.gz) pages, or one with a manifest.jsonl) or set DETECTOR_CORPUS")


def test_bench_score_without_a_corpus_gives_the_fixture_figure(tmp_path):
    import os
    import subprocess
    import sys

    pytest.importorskip("trafilatura")
    root = Path(__file__).resolve().parents[1]
    done = subprocess.run([sys.executable, str(root / "benchmarks" / "bench_score.py"), "--corpus", str(tmp_path),
                           "--repeat", "1"], capture_output=True, text=True, timeout=300,
                          env={**os.environ, "PYTHONPATH": str(root)})
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[1].startswith("fixture pages: ratio of totals ") and "median of per-page ratios" in lines[1]
    assert lines[2] == f"no corpus at {tmp_path}: fixture pages only (give --corpus DIR)"
