"""End to end through main([...]) and `python -m detector`: formats, batch output, sites, exit codes."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from detector.cli import main
from tiny_model import tiny_model  # noqa: F401 - pytest fixture

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures" / "cli"
ORIGINAL, FARM, JSONL = (str(FIXTURES / n) for n in ("original.html", "farm.html", "pages.jsonl"))


@pytest.fixture()
def score(tiny_model, capsys):  # noqa: F811
    """Run `detector score --model tiny ARGS`; returns (exit code, stdout, stderr)."""
    def run(*args: str) -> tuple[int, str, str]:
        code = main(["score", "--model", str(tiny_model), "--jobs", "1", *args])
        out, err = capsys.readouterr()
        return code, out, err
    return run


def test_jsonl_is_the_default_when_stdout_is_not_a_terminal(score):
    code, out, err = score(ORIGINAL, FARM)
    rows = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and err == ""
    assert [r["origin"] for r in rows] == [ORIGINAL, FARM]
    assert all(r["label"] in ("original", "republished") for r in rows)


def test_url_applies_to_a_single_file(score):
    code, out, _ = score(FARM, "--url", "https://farm.example/x", "--format", "json")
    (row,) = json.loads(out)  # one page: an array of one row
    assert code == 0 and row["url"] == "https://farm.example/x"
    assert any(r["name"] == "canonical_elsewhere" for r in row["reasons"])


def test_json_is_one_list_for_several_pages(score):
    code, out, _ = score(ORIGINAL, FARM, "--format", "json")
    assert code == 0 and [type(r) for r in json.loads(out)] == [dict, dict]


def test_table_shows_verdict_probability_and_evidence(score):
    code, out, _ = score(FARM, "--format", "table")
    assert code == 0
    assert FARM in out and "probability" in out
    assert "wire_dateline" in out and "MILLBROOK (AP)" in out and "@ body" in out


def test_csv_to_stdout(score):
    code, out, _ = score(ORIGINAL, FARM, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and [r["origin"] for r in rows] == [ORIGINAL, FARM]
    assert "wire_dateline" in rows[0]  # one column per signal


def test_failed_inputs_exit_1_but_the_rest_are_scored(score, tmp_path):
    pdf = tmp_path / "page.html"
    pdf.write_bytes(b"%PDF-1.7\n...")
    code, out, err = score(ORIGINAL, str(pdf), JSONL, "no-such.html")
    rows = [json.loads(line) for line in out.splitlines()]
    assert code == 1
    assert len(rows) == 7 and sum(bool(r["error"]) for r in rows) == 3
    assert f"detector: {pdf}: binary input: looks like a PDF document" in err
    assert "detector: no-such.html: no such file or directory" in err
    assert f"detector: {JSONL}:line 2: not valid JSON" in err
    assert len(err.strip().splitlines()) == 3


def test_kind_overrides_sniffing(score, tmp_path):
    page = tmp_path / "page.txt"
    page.write_text("<html><body><p>Hello from a page</p></body></html>")
    _, out, _ = score(str(page), "--kind", "html")
    assert json.loads(out)["label"]


@pytest.mark.parametrize("args", [
    ["score"],  # no input
    ["score", "a.html", "--format", "yaml"],
    ["score", "a.html", "b.html", "--url", "https://x.example/"],
    ["score", "a.html", "--resume"],
    ["score", "a.html", "--threshold", "2"],
    ["score", "a.html", "--jobs", "0"],
    ["nosuchcommand"],
])
def test_usage_errors_exit_2(args, capsys):
    assert main(args) == 2
    assert "error" in capsys.readouterr().err


def test_missing_model_is_one_clear_line(capsys, tmp_path):
    assert main(["score", ORIGINAL, "--model", str(tmp_path / "none.joblib")]) == 1
    assert capsys.readouterr().err.strip() == f"detector: model file not found: {tmp_path / 'none.joblib'}"


def test_output_file_then_sites(score, tmp_path, capsys):
    out = tmp_path / "results.jsonl"
    code, stdout, err = score(JSONL, ORIGINAL, FARM, "-o", str(out))
    assert code == 1 and stdout == ""  # line 2 of the JSONL is broken
    assert "5 scored, 1 failed, 0 already done" in err
    assert main(["sites", str(out), "--format", "json"]) == 0
    sites = {s["host"]: s for s in json.loads(capsys.readouterr().out)}
    assert sites["cryptodeals.example"]["pages"] == 1
    assert sum(s["pages"] for s in sites.values()) == 5 and sum(s["failed"] for s in sites.values()) == 1
    farm = sites["cryptodeals.example"]
    assert farm["top_signals"] and farm["mean_probability"] == pytest.approx(json.loads(out.read_text().splitlines()[2])["probability"])
    assert main(["sites", str(out)]) == 0
    table = capsys.readouterr().out
    assert table.splitlines()[0].split()[:3] == ["host", "pages", "failed"]
    assert main(["sites", str(out), "--format", "csv"]) == 0
    assert list(csv.DictReader(io.StringIO(capsys.readouterr().out)))[0]["host"]


def test_sites_reports_bad_lines_and_missing_files(tmp_path, capsys):
    results = tmp_path / "r.jsonl"
    results.write_text('{"url": "https://a.example/1", "label": "republished", "probability": 0.9, "reasons": []}\nnot json\n')
    assert main(["sites", str(results), "--format", "json"]) == 1
    captured = capsys.readouterr()
    assert json.loads(captured.out)[0]["republished_share"] == 1.0
    assert f"{results}:line 2: skipped" in captured.err
    assert main(["sites", str(tmp_path / "none.jsonl")]) == 1


def run_module(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "detector", *args], input=stdin, capture_output=True,
                          text=True, env=env, timeout=300)


def test_python_m_detector_reads_stdin_jsonl(tiny_model):  # noqa: F811
    lines = "".join(json.dumps({"id": f"s{i}", "html": Path(FARM).read_text()}) + "\n" for i in range(3))
    done = run_module("score", "-", "--model", str(tiny_model), "--jobs", "2", stdin=lines)
    assert done.returncode == 0, done.stderr
    assert [json.loads(line)["id"] for line in done.stdout.splitlines()] == ["s0", "s1", "s2"]


def test_python_m_detector_exit_codes(tiny_model):  # noqa: F811
    assert run_module("score", ORIGINAL, "--model", str(tiny_model)).returncode == 0
    failed = run_module("score", ORIGINAL, "missing.html", "--model", str(tiny_model))
    assert failed.returncode == 1 and failed.stderr.strip() == "detector: missing.html: no such file or directory"
    assert len(failed.stdout.splitlines()) == 2
    assert run_module("score", "--bogus").returncode == 2
    assert run_module("--help").returncode == 0
