"""The nasty-page suite: every broken page ends in a verdict or an error that names the input and the
reason, within the size and time budget, alone and in a batch that keeps going after it."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import textwrap
import time
from functools import partial
from pathlib import Path

import pytest

from detector.api import Detector, Result
from detector.cli import main
from detector.inputs import iter_records
from detector.reading import BudgetError, ReadError
from nasty.make import BIG, SMALL, Case, big_page, deep_page, warc
from tiny_model import tiny_model  # noqa: F401 - pytest fixture

ROOT = Path(__file__).resolve().parents[1]
BUDGET = 5.0  # seconds per page in these tests; the default is DEFAULT_MAX_PARSE_SECONDS


@pytest.fixture(scope="module")
def detector(tiny_model) -> Detector:  # noqa: F811
    return Detector(tiny_model, max_parse_seconds=BUDGET)


def outcome(detector: Detector, path: Path) -> Result | str:
    """The verdict, or the error (from reading the file, or from scoring it); nothing else may escape."""
    (record,) = iter_records([str(path)])
    if record.error:
        return record.error
    try:
        return detector.score(record.content, record.url, kind=record.kind)
    except ReadError as exc:
        return str(exc)


def check(expect: str, got: Result | str) -> None:
    if expect == "verdict":
        assert isinstance(got, Result), got
    elif expect.startswith("error: "):
        assert isinstance(got, str) and expect.removeprefix("error: ").lower() in got.lower(), got
    if isinstance(got, Result):
        assert got.label in ("original", "republished") and 0 <= got.probability <= 1
    else:
        assert got.strip(), "an error must say why"


@pytest.mark.parametrize("case", SMALL, ids=lambda c: c.name)
def test_small_nasty_page(detector, tmp_path, case: Case):
    path = tmp_path / case.name
    path.write_bytes(case.content)
    check(case.expect, outcome(detector, path))
    if case.title is not None:  # the charset was found: the title reads as written
        assert detector.page(case.content).title == case.title


def test_committed_corpus_matches_the_generator():
    committed = ROOT / "tests" / "nasty" / "pages"
    assert sorted(p.name for p in committed.iterdir()) == sorted(c.name for c in SMALL)
    for case in SMALL:
        assert (committed / case.name).read_bytes() == case.content, f"regenerate: python tests/nasty/make.py ({case.name})"


# An alarm that lands in a garbage-collector callback (hypothesis installs one) is "unraisable" and
# lost; the budget re-arms every quarter second for that (see reading.time_budget), and the elapsed
# time below proves the page was still stopped. pytest would report the lost alarm as a warning.
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
@pytest.mark.parametrize("name", list(BIG))
def test_big_nasty_page_within_the_time_budget(detector, tmp_path, name):
    build, expect = BIG[name]
    path = tmp_path / name
    path.write_bytes(build())
    start = time.monotonic()
    got = outcome(detector, path)
    elapsed = time.monotonic() - start
    check(expect, got)
    assert elapsed < BUDGET + 5, f"{name}: {elapsed:.1f} s"
    if isinstance(got, str) and "budget" in got:
        assert f"{BUDGET:g} s time budget" in got


def test_budget_is_enforced_and_named(tiny_model):  # noqa: F811
    slow = Detector(tiny_model, max_parse_seconds=0.5)
    start = time.monotonic()
    with pytest.raises(BudgetError, match=r"longer than the 0.5 s time budget"):
        slow.score(deep_page(100_000, closed=False))
    assert time.monotonic() - start < 4
    assert slow.score(SMALL[-1].content).label  # the next page is scored as usual


def test_hundred_thousand_deep_does_not_recurse(tiny_model):  # noqa: F811
    """bs4, lxml, get_text and the css paths walk 100,000-deep trees without RecursionError."""
    result = Detector(tiny_model, max_parse_seconds=None).score(deep_page(100_000, closed=True))
    assert result.label and all(len(s.locator or "") < 2_000_000 for s in result.signals)


def test_batch_and_cli_keep_going_and_name_every_failure(tiny_model, tmp_path, capsys):  # noqa: F811
    """The whole corpus through `detector score FOLDER WARC JSONL -o out.jsonl` with two workers."""
    folder = tmp_path / "pages"
    folder.mkdir()
    for case in SMALL:
        (folder / case.name).write_bytes(case.content)
    (folder / "zz_deep_unclosed.html").write_bytes(deep_page(100_000, closed=False))  # hits the budget
    (folder / "zzz_last_good.html").write_bytes(SMALL[-1].content)
    good = b"<html><head><title>Fine</title></head><body><p>A fine page after broken ones.</p></body></html>"
    archive = tmp_path / "crawl.warc"
    archive.write_bytes(warc([("https://a.example/1", good), ("https://a.example/2", good * 50)], truncate_last=500))
    lines = tmp_path / "pages.jsonl"
    lines.write_text("\n".join([
        "not json", "[1, 2]", '{"url": "https://x.example/"}', '{"html": 42}',
        '{"id": "surrogate", "url": "https://x.example/\\ud800", "html": "<title>\\udfff</title><p>By \\ud83d Jane</p>"}',
        json.dumps({"id": "last", "html": good.decode()}),
    ]) + "\n")
    out = tmp_path / "out.jsonl"
    code = main(["score", str(folder), str(archive), str(lines), "-o", str(out), "--jobs", "2",
                 "--model", str(tiny_model), "--max-parse-seconds", "2"])
    rows = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    err = capsys.readouterr().err
    n_inputs = len(SMALL) + 2 + 2 + 6
    assert len(rows) == n_inputs and code == 1
    for row in rows:
        assert (row["label"] is None) == bool(row["error"]), row
        if row["error"]:
            assert row["error"].strip() and row["origin"]
            assert f"{row['origin']}: {row['error']}" in err  # stderr names the input and the reason
    by_id = {r["id"]: r for r in rows}
    assert by_id[str(folder / "zzz_last_good.html")]["label"] and by_id["last"]["label"]
    # Either budget may stop it first: the faster the walk, the nearer the tree gets to the memory cap in 2 s.
    assert re.search(r"time budget|memory cap", by_id[str(folder / "zz_deep_unclosed.html")]["error"])
    assert by_id["surrogate"]["label"] and by_id["https://a.example/1@0"]["label"]
    assert "truncated WARC record" in rows[len(SMALL) + 3]["error"]


def test_fifty_megabyte_page_stays_under_one_gigabyte(tiny_model, tmp_path):  # noqa: F811
    """Measured in a fresh process: the CLI reads at most max_bytes of the file, then parses that."""
    page = tmp_path / "big.html"
    page.write_bytes(big_page(50_000_000))
    out = tmp_path / "out.jsonl"
    script = textwrap.dedent(f"""
        import resource, sys, time
        from detector.cli import main
        start = time.monotonic()
        code = main(["score", {str(page)!r}, "-o", {str(out)!r}, "--jobs", "1", "--model", {str(tiny_model)!r},
                     "--max-parse-seconds", "15"])
        print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, time.monotonic() - start, code)
    """)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert done.returncode == 0, done.stderr
    peak_kb, elapsed, _ = done.stdout.split()
    print(f"50 MB page: peak RSS {int(peak_kb) / 1024:.0f} MB, {float(elapsed):.1f} s")
    assert int(peak_kb) < 1024 * 1024, f"peak RSS {int(peak_kb) / 1024:.0f} MB"
    assert float(elapsed) < 15 + 10
    (row,) = [json.loads(line) for line in out.read_text().splitlines()]
    assert row["origin"] == str(page)
    # Bounded either way: read cut at max_bytes, then stopped by the time budget or, since issue 16's speed-ups
    # reach that part of the page within the 15 s, by the worker's memory cap (the code before it hit the cap
    # too when the budget did not come first).
    assert row.get("truncated") is True or "time budget" in row["error"] or "memory cap" in row["error"]


def test_gzip_bomb_is_read_only_up_to_max_bytes(tmp_path):
    from nasty.make import gzip_bomb

    path = tmp_path / "bomb.html.gz"
    path.write_bytes(gzip_bomb(100_000_000))
    (record,) = iter_records([str(path)], max_bytes=1_000_000)
    assert len(record.content) == 1_000_001  # one byte past the cap, so that reading flags the cut


def test_factory_is_picklable_with_a_budget(tiny_model):  # noqa: F811
    import pickle

    assert pickle.loads(pickle.dumps(partial(Detector, tiny_model, max_parse_seconds=3)))().max_parse_seconds == 3
