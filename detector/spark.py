"""Score WARC files on a Spark cluster, writing Parquet:

    python -m detector.spark --input 'crawl/*.warc.gz' --output out.parquet [--model PATH] [--master local[4]]
    spark-submit --master yarn .../detector/spark.py --input ... --output ...   (README, "Spark")

Imports are absolute so that spark-submit can run this file as a script (it takes a file, not -m).

Why it is built this way:
- **Same records, same rows as the CLI.** Each task opens its WARC files with ``detector.inputs``
  and scores each record with ``batch.score_record``, so ids, origins and verdicts are the ones
  ``detector score crawl.warc.gz -o out.jsonl`` writes; only the container (Parquet) differs.
- **Paths, not bytes, are shipped.** The driver lists the WARC paths and makes one partition per
  file; an executor streams its file record by record. ``binaryFiles`` would hold a whole WARC
  (often 1 GB) in an executor's memory. The paths must therefore be readable at the same place
  on every executor (a shared or mounted filesystem; in local mode, any path).
- **One Detector per Python worker.** Loading the model costs more than many pages, so it is built
  once and kept in the worker (Spark reuses Python workers across tasks), with one OpenMP thread:
  Spark already runs one task per core.
"""

from __future__ import annotations

import argparse
import glob
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from detector.reading import DEFAULT_MAX_BYTES

_DETECTORS: dict[tuple, Any] = {}


def _detector(model: str | None, threshold: float | None, max_bytes: int) -> Any:
    key = (model, threshold, max_bytes)
    if key not in _DETECTORS:
        from threadpoolctl import threadpool_limits

        from detector.api import Detector

        threadpool_limits(limits=1)
        if model is not None and not os.path.exists(model):  # shipped with SparkContext.addFile
            from pyspark import SparkFiles

            model = SparkFiles.get(os.path.basename(model))
        _DETECTORS[key] = Detector(model, threshold=threshold, max_bytes=max_bytes)
    return _DETECTORS[key]


def score_paths(paths: Iterable[str], model: str | None = None, threshold: float | None = None,
                max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[tuple]:
    """The rows of every record in ``paths`` (a partition's WARC files), as Spark tuples."""
    from detector.batch import score_record
    from detector.inputs import records_from
    from detector.rows import spark_row

    detector = _detector(model, threshold, max_bytes)
    for path in paths:
        for record in records_from(path, max_bytes=max_bytes):
            yield spark_row(score_record(detector, record))


def expand(patterns: Iterable[str]) -> list[str]:
    """Input paths: globs expanded on the driver, folders become their WARC files, sorted."""
    from detector.inputs import WARC_SUFFIXES

    out: list[str] = []
    for pattern in patterns:
        if "://" in pattern:
            out.append(pattern)
            continue
        for path in sorted(glob.glob(pattern)) or [pattern]:
            if os.path.isdir(path):
                out.extend(sorted(os.path.join(d, f) for d, _, fs in os.walk(path) for f in fs
                                  if f.lower().endswith(WARC_SUFFIXES)))
            else:
                out.append(path)
    return out


def run(spark: Any, inputs: Iterable[str], output: str, *, model: str | None = None,
        threshold: float | None = None, max_bytes: int = DEFAULT_MAX_BYTES, crosscheck: bool = False) -> int:
    """Score the WARC files ``inputs`` into the Parquet folder ``output``; returns the row count.
    ``crosscheck``: find the pages that copy each other in the batch (``detector.spark_crosscheck``)."""
    paths = expand(inputs)
    if not paths:
        raise ValueError("no input files")
    sc = spark.sparkContext
    if model is not None:
        from detector.model import manifest_path

        model = os.path.abspath(model)
        sc.addFile(model)
        sc.addFile(str(manifest_path(Path(model))))
    rows = sc.accumulator(0)

    def partition(part: Iterable[str]) -> Iterator[tuple]:
        for row in score_paths(part, model, threshold, max_bytes):
            rows.add(1)
            yield row

    if crosscheck:
        from detector.spark_crosscheck import crosschecked_rows

        rdd = crosschecked_rows(spark, sc.parallelize(paths, len(paths)), model, threshold, max_bytes)
    else:
        rdd = sc.parallelize(paths, len(paths)).mapPartitions(partition)
    from detector.rows import spark_schema

    spark.createDataFrame(rdd, spark_schema()).write.mode("overwrite").parquet(output)
    return spark.read.parquet(output).count() if crosscheck else rows.value


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m detector.spark", description=__doc__.splitlines()[0])
    ap.add_argument("--input", nargs="+", required=True, metavar="WARC", help="WARC files, folders or globs")
    ap.add_argument("--output", required=True, metavar="DIR.parquet", help="the Parquet output (overwritten)")
    ap.add_argument("--model", help="a model file (its .json manifest beside it) instead of the shipped one")
    ap.add_argument("--threshold", type=float, help="decision threshold (default: the model's)")
    ap.add_argument("--max-bytes", type=int, default=DEFAULT_MAX_BYTES)
    ap.add_argument("--master", help="Spark master when not run by spark-submit (e.g. local[2])")
    ap.add_argument("--crosscheck", action="store_true", help="find the pages of the batch that copy each other")
    args = ap.parse_args(argv)
    from pyspark.sql import SparkSession

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    builder = SparkSession.builder.appName("detector").config("spark.ui.showConsoleProgress", "false")
    if args.master:
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    try:
        n = run(spark, args.input, args.output, model=args.model, threshold=args.threshold, max_bytes=args.max_bytes,
                crosscheck=args.crosscheck)
    finally:
        spark.stop()
    print(f"detector.spark: {n} rows -> {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
