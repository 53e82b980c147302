"""The batch cross-check (``detector.crosscheck``) as Spark joins, for ``python -m detector.spark --crosscheck``.

Imports are absolute, as in ``detector.spark``, which spark-submit runs as a script.

Why it is built this way:
- **The local run's candidates, as a join.** Each executor scores its pages and keeps their prints
  (``crosscheck.Print``, made while the page is parsed); the prints' LSH band keys are exploded to
  (band, key, page) rows and self-joined, which proposes exactly the pairs the local run's sorted
  bands propose (Spark's ``MinHashLSH`` has one value per hash table, not bands of three, so it
  would propose other pairs); so are their anchor shingles (pairs sharing three). Each pair on two
  domains is verified on its shingles in a UDF.
- **Clusters without collecting pages.** Connected components by min-label propagation: each round
  is a join and a count on the cluster, until no label changes (a loop of jobs on the driver, not
  over data on the driver).
- **One cluster, one task.** The members of a cluster meet in one task, which runs the local code
  (``crosscheck.Batch``) on them, so the original is decided exactly as ``detector score`` decides.
  Rows travel as JSON until they are amended (``crosscheck.apply_to_row``), then become Spark rows.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

_ORDER = 1_000_000_000  # order = file index × this + record index: the input order, as the local run reads it


def scored_with_prints(index: int, paths: Iterable[str], model: str | None, threshold: float | None,
                       max_bytes: int, s3_endpoint: str | None = None) -> Iterator[tuple[int, str, str | None]]:
    """(order, row JSON, print JSON) of every record of a partition's files (local or URIs)."""
    from detector.batch import score_prints
    from detector.spark import executor_detector, file_records

    detector = executor_detector(model, threshold, max_bytes)
    for path in paths:
        records = file_records(path, max_bytes, s3_endpoint)
        for n, (row, p) in enumerate(score_prints(records, lambda: detector, detector=detector)):
            yield index * _ORDER + n, json.dumps(row), json.dumps(p) if p is not None else None


def _keys(print_json: str) -> list[int]:
    import numpy as np

    from detector.crosscheck import Print

    return Print.from_json(json.loads(print_json)).band_keys().view(np.int64).tolist()  # Spark longs are signed


def _anchors(print_json: str) -> list[int]:
    import numpy as np

    from detector.crosscheck import ANCHOR, Print

    sh = Print.from_json(json.loads(print_json)).shingles
    return sh[(sh & np.uint32(ANCHOR - 1)) == 0].astype(np.int64).tolist()


def _copies(a: str, b: str) -> bool:
    """Whether two prints share a copy's share of either page's text (``crosscheck.Batch`` does the same)."""
    import numpy as np

    from detector.crosscheck import SETTINGS, Print

    x, y = (Print.from_json(json.loads(p)).shingles for p in (a, b))
    common = len(np.intersect1d(x, y, assume_unique=True))
    return max(common / max(len(x), 1), common / max(len(y), 1)) >= SETTINGS.copy


def _cluster_verdicts(members: Iterable[tuple[int, str]]) -> Iterator[tuple[int, str]]:
    """(order, verdict JSON) of a cluster's members, decided by the local code."""
    from detector.crosscheck import Batch, Print

    batch = Batch()
    try:
        for order, p in sorted(members):
            batch.add(order, Print.from_json(json.loads(p)))
        for order, verdict, _ in batch.verdicts():
            yield order, json.dumps(verdict.to_json())
    finally:
        batch.close()


def components(spark: Any, edges: Any) -> Any:
    """(order, label) for every page on an edge: the smallest order of its connected component."""
    from pyspark.sql import functions as F

    both = edges.select(F.col("i").alias("src"), F.col("k").alias("dst")).union(
        edges.select(F.col("k").alias("src"), F.col("i").alias("dst"))).cache()
    labels = both.select(F.col("src").alias("order")).distinct().withColumn("label", F.col("order")).localCheckpoint()
    while True:
        proposed = (both.join(labels, both.src == labels.order).groupBy("dst").agg(F.min("label").alias("proposed")))
        new = (labels.join(proposed, labels.order == proposed.dst, "left")
               .select("order", F.least("label", F.coalesce("proposed", "label")).alias("label")).localCheckpoint())
        changed = new.alias("n").join(labels.alias("o"), "order").where(F.col("n.label") != F.col("o.label")).count()
        labels = new
        if not changed:
            return labels


def crosschecked_rows(spark: Any, paths_rdd: Any, model: str | None, threshold: float | None, max_bytes: int,
                      s3_endpoint: str | None = None) -> Any:
    """The Spark rows (``rows.spark_row``) of every record, cross-checked as one batch, in input order."""
    from pyspark.sql import functions as F
    from pyspark.sql.types import ArrayType, BooleanType, LongType, StringType, StructField, StructType

    from detector.crosscheck import ANCHOR_CROWD, ANCHOR_PAIRS, Verdict, apply_to_row
    from detector.rows import spark_row

    schema = StructType([StructField("order", LongType()), StructField("row", StringType()),
                         StructField("print", StringType())])
    scored = spark.createDataFrame(paths_rdd.mapPartitionsWithIndex(
        lambda i, part: scored_with_prints(i, part, model, threshold, max_bytes, s3_endpoint)), schema).cache()
    prints = scored.where(F.col("print").isNotNull()).select(
        "order", "print", F.get_json_object("print", "$.domain").alias("domain"))
    keyed = prints.select("order", F.posexplode(F.udf(_keys, ArrayType(LongType()))("print")).alias("band", "key"))
    a, b = keyed.alias("a"), keyed.alias("b")
    pairs = (a.join(b, (F.col("a.band") == F.col("b.band")) & (F.col("a.key") == F.col("b.key"))
                    & (F.col("a.order") < F.col("b.order")))
             .select(F.col("a.order").alias("i"), F.col("b.order").alias("k")))
    anchored = prints.select("order", F.explode(F.udf(_anchors, ArrayType(LongType()))("print")).alias("anchor"))
    rare = anchored.groupBy("anchor").count().where(F.col("count") <= ANCHOR_CROWD).select("anchor")
    anchored = anchored.join(rare, "anchor")
    x, y = anchored.alias("x"), anchored.alias("y")
    held = (x.join(y, (F.col("x.anchor") == F.col("y.anchor")) & (F.col("x.order") < F.col("y.order")))
            .groupBy(F.col("x.order").alias("i"), F.col("y.order").alias("k")).count()
            .where(F.col("count") >= ANCHOR_PAIRS).select("i", "k"))
    pairs = pairs.union(held).distinct()
    pa, pb = prints.alias("pa"), prints.alias("pb")
    edges = (pairs.join(pa, F.col("i") == F.col("pa.order")).join(pb, F.col("k") == F.col("pb.order"))
             .where(F.col("pa.domain") != F.col("pb.domain"))
             .where(F.udf(_copies, BooleanType())(F.col("pa.print"), F.col("pb.print"))).select("i", "k"))
    labels = components(spark, edges)
    verdicts = spark.createDataFrame(
        labels.join(prints, "order").select("label", "order", "print").rdd
        .map(lambda r: (r.label, (r.order, r.print))).groupByKey().flatMap(lambda kv: _cluster_verdicts(kv[1])),
        "order long, verdict string")  # a schema, not inference: a batch may have no cluster at all
    joined = scored.join(verdicts, "order", "left").orderBy("order")

    def amended(r: Any) -> tuple:
        verdict = Verdict.from_json(json.loads(r.verdict)) if r.verdict else Verdict([])
        return spark_row(apply_to_row(json.loads(r.row), verdict))

    return joined.rdd.map(amended)


__all__ = ["components", "crosschecked_rows", "scored_with_prints"]
