"""One row everywhere: the library, JSON/JSONL/CSV, Parquet and the API give the same keys and shapes,
all valid against the JSON Schema shipped in the package; reasons point the right way."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from detector import rows
from detector.api import Detector
from detector.cli import main
from detector.signals import Signal
from tiny_model import tiny_model  # noqa: F401 - pytest fixture

jsonschema = pytest.importorskip("jsonschema")
FIXTURES = Path(__file__).parent / "fixtures" / "cli"
ORIGINAL, FARM = (str(FIXTURES / n) for n in ("original.html", "farm.html"))


def valid(row: dict) -> dict:
    jsonschema.validate(row, rows.shipped_schema())
    return row


def test_the_shipped_schema_is_the_one_fields_define():
    assert rows.shipped_schema() == rows.json_schema(), "stale: run python -m detector.rows"
    assert rows.shipped_schema()["version"] == rows.SCHEMA_VERSION


def score(model: Path, *args: str) -> int:
    return main(["score", "--model", str(model), "--jobs", "1", *args])


def test_every_output_carries_the_same_row(tiny_model, tmp_path, capsys):  # noqa: F811
    missing = str(tmp_path / "missing.html")
    assert score(tiny_model, ORIGINAL, FARM, missing, "--format", "json") == 1
    as_json = json.loads(capsys.readouterr().out)
    assert score(tiny_model, ORIGINAL, FARM, missing, "--format", "jsonl") == 1
    as_jsonl = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert as_json == as_jsonl and len(as_json) == 3
    for row in as_json:
        assert list(valid(row)) == list(rows.NAMES)
    assert as_json[2]["error"] == "no such file or directory" and as_json[2]["label"] is None
    library = Detector(tiny_model).score(Path(FARM).read_bytes()).to_dict(id=FARM, origin=FARM)
    assert valid(library) == as_json[1]

    assert score(tiny_model, ORIGINAL, FARM, missing, "-o", str(tmp_path / "r.csv")) == 1
    flat = list(csv.DictReader(open(tmp_path / "r.csv", newline="", encoding="utf-8")))
    for row, full in zip(flat, as_json):
        assert list(row)[:len(rows.FLAT_COLUMNS)] == list(rows.FLAT_COLUMNS)
        for key in ("reasons", "original_evidence", "source", "matches", "copies"):
            assert json.loads(row[key] or "null") == full[key]


def test_parquet_has_the_flat_row(tiny_model, tmp_path):  # noqa: F811
    pq = pytest.importorskip("pyarrow.parquet")
    assert score(tiny_model, ORIGINAL, FARM, "-o", str(tmp_path / "r.parquet")) == 0
    table = pq.read_table(tmp_path / "r.parquet")
    assert table.column_names[:len(rows.FLAT_COLUMNS)] == list(rows.FLAT_COLUMNS)
    first = table.to_pylist()[0]
    assert isinstance(first["truncated"], bool) and isinstance(first["threshold"], float)


def test_single_page_json_is_an_array(tiny_model, capsys):  # noqa: F811
    assert score(tiny_model, FARM, "--format", "json") == 0
    assert [type(r) for r in json.loads(capsys.readouterr().out)] == [dict]


def test_format_and_output_together_when_they_agree(tiny_model, tmp_path, capsys):  # noqa: F811
    assert score(tiny_model, FARM, "--format", "csv", "-o", str(tmp_path / "r.csv")) == 0
    assert score(tiny_model, FARM, "--format", "csv", "-o", str(tmp_path / "r.jsonl")) == 2
    assert "disagree" in capsys.readouterr().err


def test_reasons_are_evidence_of_republishing_and_original_evidence_the_rest(tiny_model):  # noqa: F811
    from detector.api import Result

    result = Result("original", 0.1, 0.5, [
        Signal("wire_dateline", 1.0, 'wire dateline "X (AP) —"', "p"),
        Signal("byline_person", 1.0, "byline 'Jane Roe'", "span"),
        Signal("link_block_year_spread", 0.02, "block years 2023, 2024", "ul"),  # near zero: no reason
        Signal("main_text_words", 0.7, "", None),  # a measurement
    ])
    assert [s.name for s in result.reasons] == ["wire_dateline"]
    assert [s.name for s in result.original_evidence] == ["byline_person"]
    row = valid(result.to_dict())
    assert [r["name"] for r in row["reasons"]] == ["wire_dateline"]
    assert [r["name"] for r in row["original_evidence"]] == ["byline_person"]


def test_table_splits_evidence_and_says_what_makes_a_verdict_shaky(tiny_model, tmp_path, capsys):  # noqa: F811
    tiny = tmp_path / "one.html"
    tiny.write_text("x")
    assert score(tiny_model, str(tiny), "--format", "table") == 0
    assert "too little text to judge" in capsys.readouterr().out
    assert score(tiny_model, FARM, "--format", "table", "--max-bytes", "1000") == 0
    out = capsys.readouterr().out
    assert "evidence of republished:" in out and "truncated" in out
    assert score(tiny_model, FARM, "--format", "table", "--wide") == 0
    wide = capsys.readouterr().out
    assert "…" not in wide.split("evidence of republished:")[1]


def test_page_report_keeps_evidence_of_an_original_out_of_the_red_table(tiny_model):  # noqa: F811
    from detector.report import page_report

    body, result = page_report(Detector(tiny_model), Path(ORIGINAL).read_bytes(), name="original.html")
    assert [s.name for s in result.original_evidence] == ["byline_person"]
    red = body.split('<table id="signals">', 1)[1].split("</table>", 1)[0]
    original = body.split('<p id="original-evidence">', 1)[1].split("</p>", 1)[0]
    assert "byline_person" not in red and "byline_person" in original
