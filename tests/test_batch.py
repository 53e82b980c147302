"""The batch runner: input order, one row per record, errors as rows, resume (incl. after SIGKILL)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from functools import partial
from pathlib import Path

import pytest

from detector import rows
from detector.api import Detector
from detector.batch import OutputRefused, run, score_stream
from detector.inputs import Record
from tiny_model import tiny_model  # noqa: F401 - pytest fixture

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures" / "cli"
PAGES = [(FIXTURES / name).read_text() for name in ("original.html", "farm.html")]


def make_records(n: int) -> list[Record]:
    recs = [Record(id=f"r{i}", url=f"https://s{i % 3}.example/{i}", content=PAGES[i % 2], origin=f"mem:{i}")
            for i in range(n)]
    if n > 5:
        recs[3] = Record(id="r3", origin="mem:3", error="truncated file")
        recs[5] = Record(id="r5", origin="mem:5", content=b"%PDF-1.7 binary")
    return recs


class Exploding:
    def score(self, *args, **kwargs):
        raise KeyError("boom")


@pytest.fixture()
def factory(tiny_model):  # noqa: F811
    return partial(Detector, tiny_model)


def test_rows_keep_input_order_and_match_across_job_counts(factory):
    recs = make_records(30)
    serial = list(score_stream(recs, factory, jobs=1))
    parallel = list(score_stream(recs, factory, jobs=2, window=4))
    assert [r["id"] for r in parallel] == [r.id for r in recs]
    assert parallel == serial
    assert serial[3] == rows.error_row("r3", None, "mem:3", "truncated file")
    assert all(list(r) == list(rows.NAMES) for r in serial)  # every row has every key, in order
    assert "binary input" in serial[5]["error"]
    ok = serial[1]
    assert ok["label"] in ("original", "republished") and 0 <= ok["probability"] <= 1
    assert set(ok["signals"]) and all({"name", "evidence"} <= set(r) for r in ok["reasons"])


def test_a_bug_in_scoring_becomes_an_error_row():
    (row,) = score_stream(make_records(1), Exploding)
    assert row["error"] == "internal error: KeyError: 'boom'"


def read_ids(path: Path) -> list[str]:
    return [json.loads(line)["id"] for line in path.read_text().splitlines()]


def test_resume_jsonl_drops_a_half_written_line(factory, tmp_path):
    out = tmp_path / "out.jsonl"
    recs = make_records(8)
    run(recs[:4], factory, out, progress=False)
    with open(out, "a") as fh:
        fh.write('{"id": "r4", "label": "orig')  # what a kill mid-write leaves
    summary = run(recs, factory, out, resume=True, progress=False)
    assert read_ids(out) == [r.id for r in recs]
    assert (summary.skipped, summary.scored + summary.failed) == (4, 4)


def test_without_resume_the_output_is_refused_and_force_replaces_it(factory, tmp_path):
    out = tmp_path / "out.jsonl"
    run(make_records(3), factory, out, progress=False)
    with pytest.raises(OutputRefused, match="--resume continues it, --force replaces it"):
        run(make_records(2), factory, out, progress=False)
    assert read_ids(out) == ["r0", "r1", "r2"]
    run(make_records(2), factory, out, force=True, progress=False)
    assert read_ids(out) == ["r0", "r1"]


def test_resume_csv(factory, tmp_path):
    import csv

    out = tmp_path / "out.csv"
    recs = make_records(6)
    run(recs[:3], factory, out, progress=False)
    with open(out, "a") as fh:
        fh.write("r3,,mem")
    run(recs, factory, out, resume=True, progress=False)
    rows = list(csv.DictReader(open(out, newline="")))
    assert [r["id"] for r in rows] == [r.id for r in recs]
    assert rows[3]["error"] == "truncated file" and rows[0]["label"]
    assert json.loads(rows[1]["reasons"])  # reasons survive as JSON


def test_parquet_is_atomic_and_resumable(factory, tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    out = tmp_path / "out.parquet"
    recs = make_records(6)
    run(recs[:2], factory, out, progress=False)
    assert not (tmp_path / "out.parquet.partial.jsonl").exists()
    run(recs, factory, out, resume=True, progress=False)  # continues a finished file
    table = pq.read_table(out).to_pylist()
    assert [r["id"] for r in table] == [r.id for r in recs]
    assert table[3]["error"] == "truncated file" and isinstance(table[0]["probability"], float)


def test_kill_then_resume_scores_every_record_exactly_once(tiny_model, tmp_path):  # noqa: F811
    pages = tmp_path / "pages.jsonl"
    with open(pages, "w") as fh:
        for i in range(200):
            fh.write(json.dumps({"id": f"p{i}", "url": f"https://s{i % 7}.example/{i}", "html": PAGES[i % 2]}) + "\n")
    out = tmp_path / "out.jsonl"
    cmd = [sys.executable, "-m", "detector", "score", str(pages), "--model", str(tiny_model), "--jobs", "2", "-o", str(out),
           "--no-crosscheck"]  # rows stream to the file as they are scored (test_crosscheck kills a cross-checked run)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen(cmd, env=env, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.time() + 120
    while time.time() < deadline and (not out.exists() or out.read_text().count("\n") < 10):
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGKILL)  # the whole group: the runner and its workers
    proc.wait()
    written = out.read_text().count("\n")
    assert 10 <= written < 200, "the run should have been killed mid-way"
    done = subprocess.run([*cmd, "--resume"], env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    ids = read_ids(out)
    assert sorted(ids) == sorted(f"p{i}" for i in range(200)) and len(ids) == len(set(ids)) == 200
