"""Never lose a user's results: existing outputs, inputs, links, devices, temp files, Ctrl-C, a killed
parent, and resume on a damaged results file."""

from __future__ import annotations

import csv
import json
import os
import signal
import subprocess
import sys
import threading
import time
from functools import partial
from pathlib import Path

import pytest

from detector.api import Detector
from detector.batch import OutputError, run
from detector.cli import main
from detector.files import atomic_write_text
from detector.inputs import Record
from tiny_model import tiny_model  # noqa: F401 - pytest fixture

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures" / "cli"
ORIGINAL, FARM = (str(FIXTURES / n) for n in ("original.html", "farm.html"))
PAGE = Path(FARM).read_text()


def score(model: Path, *args: str) -> int:
    return main(["score", "--model", str(model), "--jobs", "1", *args])


def test_existing_results_are_refused_without_resume_or_force(tiny_model, tmp_path, capsys):  # noqa: F811
    out = tmp_path / "results.jsonl"
    assert score(tiny_model, ORIGINAL, FARM, "-o", str(out)) == 0
    before = out.read_bytes()
    capsys.readouterr()
    assert score(tiny_model, ORIGINAL, "-o", str(out)) == 2
    err = capsys.readouterr().err
    assert "--resume" in err and "--force" in err and str(out) in err
    assert out.read_bytes() == before
    assert score(tiny_model, ORIGINAL, "-o", str(out), "--force") == 0
    assert len(out.read_text().splitlines()) == 1


def test_an_empty_output_file_is_not_results(tiny_model, tmp_path):  # noqa: F811
    out = tmp_path / "results.csv"
    out.touch()
    assert score(tiny_model, ORIGINAL, "-o", str(out)) == 0


def test_output_equal_to_an_input_is_refused(tiny_model, tmp_path, capsys):  # noqa: F811
    pages = tmp_path / "same.jsonl"
    pages.write_text(json.dumps({"id": "a", "html": PAGE}) + "\n")
    before = pages.read_bytes()
    for flags in ((), ("--force",), ("--resume",)):
        assert score(tiny_model, str(pages), "-o", str(tmp_path / "." / "same.jsonl"), *flags) == 2
        assert "is one of the inputs" in capsys.readouterr().err
    assert pages.read_bytes() == before


def test_symlinked_output_is_written_through(tiny_model, tmp_path):  # noqa: F811
    target = tmp_path / "real.jsonl"
    link = tmp_path / "link.jsonl"
    link.symlink_to(target)
    assert score(tiny_model, ORIGINAL, "-o", str(link)) == 0
    assert link.is_symlink() and json.loads(target.read_text())["origin"] == ORIGINAL


def test_fifo_output_is_written_through_not_replaced(tiny_model, tmp_path):  # noqa: F811
    fifo = tmp_path / "out.jsonl"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(open(fifo, "rb").read()), daemon=True)
    reader.start()
    assert score(tiny_model, ORIGINAL, "-o", str(fifo)) == 0
    reader.join(60)
    assert json.loads(got[0])["origin"] == ORIGINAL
    assert fifo.is_fifo()


def test_parquet_to_a_fifo_is_refused(tiny_model, tmp_path, capsys):  # noqa: F811
    fifo = tmp_path / "out.parquet"
    os.mkfifo(fifo)
    assert score(tiny_model, ORIGINAL, "-o", str(fifo)) == 2
    assert "not a device or FIFO" in capsys.readouterr().err and fifo.is_fifo()


def test_whole_file_writes_follow_links_and_ignore_planted_temp_names(tmp_path):
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me")
    for guess in (f".r.html.{os.getpid()}.tmp", "r.html.tmp", ".r.html.tmp"):  # the old, predictable names
        (tmp_path / guess).symlink_to(victim)
    target = tmp_path / "real.html"
    (tmp_path / "r.html").symlink_to(target)
    atomic_write_text(tmp_path / "r.html", "<p>report</p>")
    assert victim.read_text() == "keep me"
    assert (tmp_path / "r.html").is_symlink() and target.read_text() == "<p>report</p>"
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".real.html.")]  # no temp file left


def test_report_to_a_fifo_writes_through(tiny_model, tmp_path):  # noqa: F811
    """A FIFO stands for any special file: never the real /dev/null, which the old code, run as root,
    replaced with a regular file for the whole machine."""
    fifo = tmp_path / "report.html"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(open(fifo, "rb").read()), daemon=True)
    reader.start()
    assert main(["report", ORIGINAL, "--model", str(tiny_model), "-o", str(fifo)]) == 0
    reader.join(60)
    assert got[0].startswith(b"<!") and fifo.is_fifo()


def records(n: int) -> list[Record]:
    return [Record(id=f"r{i}", url=f"https://s{i}.example/{i}", content=PAGE, origin=f"mem:{i}") for i in range(n)]


def test_resume_refuses_a_jsonl_damaged_in_the_middle(tiny_model, tmp_path):  # noqa: F811
    out = tmp_path / "out.jsonl"
    factory = partial(Detector, tiny_model)
    run(records(4), factory, out, progress=False)
    lines = out.read_text().splitlines(keepends=True)
    lines[1] = '{"id": "r1", "lab\n'
    out.write_text("".join(lines))
    with pytest.raises(OutputError, match="line 2"):
        run(records(6), factory, out, resume=True, progress=False)
    assert out.read_text() == "".join(lines)  # nothing cut


def test_resume_refuses_a_csv_damaged_in_the_middle(tiny_model, tmp_path, capsys):  # noqa: F811
    out = tmp_path / "out.csv"
    assert score(tiny_model, ORIGINAL, FARM, "-o", str(out)) == 0
    lines = out.read_text().splitlines(keepends=True)
    out.write_text(lines[0] + lines[1][:30] + "\n" + lines[2])  # a row cut short, then a good one
    capsys.readouterr()
    assert score(tiny_model, ORIGINAL, FARM, "-o", str(out), "--resume") == 1
    assert "line 2 is not a result row" in capsys.readouterr().err


def test_csv_ids_with_newlines_match_on_resume(tiny_model, tmp_path):  # noqa: F811
    out = tmp_path / "out.csv"
    factory = partial(Detector, tiny_model)
    recs = [Record(id=f"two\nlines {i}", content=PAGE, origin=f"mem:{i}") for i in range(3)]
    run(recs[:2], factory, out, progress=False)
    summary = run(recs, factory, out, resume=True, progress=False)
    assert (summary.skipped, summary.scored) == (2, 1)
    assert [r["id"] for r in csv.DictReader(open(out, newline=""))] == [r.id for r in recs]


def _write_pages(path: Path, n: int) -> None:
    with open(path, "w") as fh:
        for i in range(n):
            fh.write(json.dumps({"id": f"p{i}", "url": f"https://s{i % 7}.example/{i}", "html": PAGE}) + "\n")


def _start(tiny_model: Path, tmp_path: Path, n: int = 400) -> tuple[subprocess.Popen, Path]:  # noqa: F811
    pages, out = tmp_path / "pages.jsonl", tmp_path / "out.jsonl"
    _write_pages(pages, n)
    cmd = [sys.executable, "-m", "detector", "score", str(pages), "--model", str(tiny_model), "--jobs", "2",
           "-o", str(out), "--no-crosscheck"]  # rows reach the file as scored: the tests watch it grow
    # A terminal's foreground job takes Ctrl-C with the default handling; a test run started in the background
    # of a shell without job control inherits SIGINT ignored, and Python then installs no KeyboardInterrupt.
    proc = subprocess.Popen(cmd, env={**os.environ, "PYTHONPATH": str(ROOT)}, stderr=subprocess.PIPE, text=True,
                            start_new_session=True, preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    deadline = time.time() + 120
    while time.time() < deadline and (not out.exists() or out.read_text().count("\n") < 5):
        time.sleep(0.05)
    return proc, out


def test_ctrl_c_says_how_far_it_got_and_exits_130(tiny_model, tmp_path):  # noqa: F811
    proc, out = _start(tiny_model, tmp_path)
    os.killpg(proc.pid, signal.SIGINT)  # what a terminal sends to the whole foreground group
    _, err = proc.communicate(timeout=120)
    rows = out.read_text().count("\n")
    assert proc.returncode == 130, err
    assert "Traceback" not in err
    assert err.strip().splitlines()[-1] == f"detector: interrupted after {rows} rows; rerun with --resume"


def _group(pgid: int) -> list[int]:
    """Live processes of process group ``pgid`` (zombies excluded)."""
    pids = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[2]) == pgid and fields[0] != "Z":
                pids.append(int(entry.name))
    return pids


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads the process table from /proc")
def test_workers_exit_when_the_parent_is_killed(tiny_model, tmp_path):  # noqa: F811
    proc, _ = _start(tiny_model, tmp_path)
    assert len(_group(proc.pid)) >= 3  # the run and its two workers (and the fork server)
    os.kill(proc.pid, signal.SIGKILL)  # the parent only
    proc.wait()
    deadline = time.time() + 60
    while _group(proc.pid) and time.time() < deadline:
        time.sleep(0.2)
    left = _group(proc.pid)
    for pid in left:
        os.kill(pid, signal.SIGKILL)
    assert left == []


def test_a_symlink_planted_at_the_parquet_side_file_is_not_followed(tiny_model, tmp_path):  # noqa: F811
    pytest.importorskip("pyarrow")
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me")
    (tmp_path / "out.parquet.partial.jsonl").symlink_to(victim)
    assert score(tiny_model, ORIGINAL, "-o", str(tmp_path / "out.parquet"), "--force") == 0
    assert victim.read_text() == "keep me" and (tmp_path / "out.parquet").stat().st_size > 0
