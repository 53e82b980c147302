"""The Spark job's cross-check finds the clusters, originals and sources that ``detector score`` finds
(local[2]). Skips without pyspark, warcio or java, as ``test_spark`` does."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import crosscheck_pages as P
from tiny_model import tiny_model  # noqa: F401 - pytest fixture

pytest.importorskip("pyspark")
pytest.importorskip("warcio")
if shutil.which("java") is None:
    pytest.skip("java is not installed (Spark needs it)", allow_module_level=True)

ROOT = Path(__file__).resolve().parent.parent


def write_warc(path: Path, pages: list[tuple[str, str]]) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for html, url in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(html.encode()),
                                                          http_headers=headers))


def test_spark_finds_the_clusters_the_local_run_finds(tmp_path, tiny_model):  # noqa: F811
    pages = [page for name, page in P.batch().items() if name != "dump"]  # a WARC holds HTML responses
    teaser = "https://www.morningbriefing.net/local/elm-street-bridge"
    pages.append((P.article(teaser, "Morning Briefing", P.TITLE, P.STORY[:2], byline="Staff", date="2024-03-13"), teaser))
    warcs = [tmp_path / "a.warc.gz", tmp_path / "b.warc.gz"]
    write_warc(warcs[0], pages[:3])
    write_warc(warcs[1], pages[3:])
    cli_out, spark_out = tmp_path / "out.jsonl", tmp_path / "out.parquet"
    subprocess.run([sys.executable, "-m", "detector", "score", *map(str, warcs), "-o", str(cli_out), "--jobs", "1",
                    "--model", str(tiny_model)], cwd=ROOT, check=True, capture_output=True)
    small = {**os.environ, "PYSPARK_SUBMIT_ARGS": "--conf spark.sql.shuffle.partitions=2 pyspark-shell"}  # 6 pages
    job = subprocess.run([sys.executable, "-m", "detector.spark", "--master", "local[2]", "--input", *map(str, warcs),
                          "--output", str(spark_out), "--model", str(tiny_model), "--crosscheck"],
                         cwd=ROOT, capture_output=True, text=True, timeout=600, env=small)
    assert job.returncode == 0, job.stderr[-3000:]
    import pyarrow.parquet as pq

    cli = [json.loads(line) for line in cli_out.read_text("utf-8").splitlines()]
    spark = pq.read_table(spark_out).to_pylist()
    assert [r["id"] for r in spark] == [r["id"] for r in cli] and len(cli) == 7
    for a, b in zip(cli, spark):
        assert (b["label"], b["source"]) == (a["label"], a["source"]), a["id"]
        assert b["copies"] == a["copies"], a["id"]
    assert sum(bool(r["copies"]) for r in cli) == 6  # the story's four pages and the two wire farms
    assert sum((r["source"] or {}).get("kind") == "batch-match" for r in cli) == 3
