"""The Spark job gives the CLI's verdicts, record for record, on a small crawl of a WARC and two page
tables (local[2] mode); and the same rows reading that crawl from S3 (a local moto server) as from disk.

Skips when pyspark or java is missing (the S3 test also without moto[server]), so that a plain
``pytest`` passes without them; CI installs them with the test extras.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from crawl_files import ROOT, crawl_pages, table_rows, write_jsonl_gz, write_parquet, write_warc
from s3_server import s3_endpoint, upload  # noqa: F401 - pytest fixture
from tiny_model import tiny_model  # noqa: F401 - pytest fixture

pytest.importorskip("pyspark")
pytest.importorskip("warcio")
pq = pytest.importorskip("pyarrow.parquet")
if shutil.which("java") is None:
    pytest.skip("java is not installed (Spark needs it)", allow_module_level=True)


def crawl(folder: Path) -> list[Path]:
    """A WARC of 30 pages and an image, and a JSONL and a Parquet page table, in ``folder``."""
    folder.mkdir()
    write_warc(folder / "x.warc.gz", crawl_pages())
    write_jsonl_gz(folder / "pages.jsonl.gz", table_rows())
    write_parquet(folder / "pages.parquet", table_rows())
    return [folder / "pages.jsonl.gz", folder / "pages.parquet", folder / "x.warc.gz"]


def spark_job(*args: str) -> list[dict]:
    """The rows of one ``python -m detector.spark`` run in local[2] mode (``--output`` is among ``args``)."""
    job = subprocess.run([sys.executable, "-m", "detector.spark", "--master", "local[2]", *args],
                         cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert job.returncode == 0, job.stderr[-3000:]
    return pq.read_table(args[args.index("--output") + 1]).to_pylist()


def test_spark_job_matches_the_cli(tmp_path, tiny_model):  # noqa: F811
    inputs = [str(p) for p in crawl(tmp_path / "crawl")]
    cli_out = tmp_path / "out.jsonl"
    score = subprocess.run([sys.executable, "-m", "detector", "score", *inputs, "-o", str(cli_out), "--jobs", "1",
                            "--model", str(tiny_model), "--no-crosscheck"],  # the job cross-checks only with --crosscheck
                           cwd=ROOT, capture_output=True, text=True)
    assert score.returncode == 1, score.stderr[-3000:]  # 1: the tables' empty rows are errors
    spark = spark_job("--input", str(tmp_path / "crawl"), "--output", str(tmp_path / "out.parquet"),
                      "--model", str(tiny_model))
    cli = [json.loads(line) for line in cli_out.read_text("utf-8").splitlines()]
    assert len(cli) == 2 * len(table_rows()) + 30
    assert [r["id"] for r in spark] == [r["id"] for r in cli]
    assert [r["origin"] for r in cli if r["error"]] == [f"{inputs[0]}:line {len(table_rows())}",
                                                        f"{inputs[1]}:row {len(table_rows())}"]  # the empty row
    for a, b in zip(cli, spark):
        assert (b["url"], b["origin"], b["label"], b["error"], b["kind"]) == (a["url"], a["origin"], a["label"],
                                                                           a["error"], a["kind"])
        assert b["probability"] == pytest.approx(a["probability"], abs=1e-9)  # None == None for errors
        assert [r["name"] for r in b["reasons"]] == [r["name"] for r in a["reasons"]]
        assert dict(b["signals"] or {}) == pytest.approx(a["signals"] or {})
    assert len({r["probability"] for r in cli}) > 1  # not one verdict copied everywhere


def test_spark_job_reads_s3_as_it_reads_disk(tmp_path, tiny_model, s3_endpoint):  # noqa: F811
    disk = tmp_path / "crawl"
    crawl(disk)
    uri = upload(s3_endpoint, disk, "job")
    rows = spark_job("--input", str(disk), uri, "--s3-endpoint", s3_endpoint,
                     "--output", str(tmp_path / "out.parquet"), "--model", str(tiny_model))
    local = [r for r in rows if r["origin"].startswith(str(disk))]
    remote = [r for r in rows if r["origin"].startswith(uri)]
    assert len(local) == len(remote) == len(rows) // 2 == 2 * len(table_rows()) + 30
    for a, b in zip(local, remote):
        a = {**a, "id": a["id"].replace(f"{disk}{os.sep}", uri, 1), "origin": a["origin"].replace(f"{disk}{os.sep}", uri, 1)}
        assert b == a
