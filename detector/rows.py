"""THE row: one definition of what a verdict looks like outside Python, from which every output derives.

``Result.to_dict()``, the CLI's JSON/JSONL/CSV, Parquet, ``serve``'s ``/api/score`` and the Spark job
all build their rows here, so the same key never holds two shapes. ``FIELDS`` lists the keys in order
with their types; the JSON Schema shipped beside this module (``schema/row.schema.json``, version
``SCHEMA_VERSION``), the flat columns of CSV and Parquet, the Arrow schema and the Spark schema are
all read from it (tests check that the shipped file is what ``json_schema()`` gives).

Every row has every key: a page that could not be scored has ``error`` set and the verdict's keys
null or empty; a scored page has ``error`` null. ``reasons`` are the evidence of republishing (the
signals that fired and point to a copy), ``original_evidence`` the evidence of an original (a
reporter's byline); a value under ``REASON_FLOOR`` is no reason either way.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

SCHEMA_VERSION = 2  # 2: rows gained ``copies`` (the batch cross-check)
SCHEMA_FILE = Path(__file__).parent / "schema" / "row.schema.json"
REASON_FLOOR = 0.1
"""A signal value under this is noise, not a reason (a 0.02 'spread of years' says nothing)."""

STRING, NUMBER, BOOLEAN, EVIDENCE, SIGNALS, SOURCE, MATCHES, COPIES = (
    "string", "number", "boolean", "evidence", "signals", "source", "matches", "copies")


@dataclass(frozen=True)
class Field:
    name: str
    type: str
    description: str
    nullable: bool = True


FIELDS: tuple[Field, ...] = (
    Field("id", STRING, "the input's id: a path (bytes that are not UTF-8 as \\xNN), a JSONL id, URI@offset; "
                        "null from Result.to_dict() unless given"),
    Field("url", STRING, "where the page was found, else the address it gives itself (canonical)"),
    Field("origin", STRING, "where the input is, for people: a path, 'path:line N', 'warc@offset'"),
    Field("label", STRING, "'original' or 'republished'; null when the input could not be scored"),
    Field("probability", NUMBER, "calibrated probability of 'republished', 4 decimals"),
    Field("threshold", NUMBER, "the decision threshold the label was taken at"),
    Field("truncated", BOOLEAN, "the page was larger than --max-bytes and was cut"),
    Field("kind", STRING, "'html' or 'text' (a plain-text dump)"),
    Field("reasons", EVIDENCE, "evidence of republishing: fired signals pointing to a copy, strongest first", False),
    Field("original_evidence", EVIDENCE, "evidence of an original: fired signals pointing to the publisher", False),
    Field("signals", SIGNALS, "every signal's value by name (the model's features); empty for an error", False),
    Field("source", SOURCE, "the most likely original of a republished page"),
    Field("matches", MATCHES, "best reference-index matches (with --reference)", False),
    Field("copies", COPIES, "the other pages of the batch that share its main text, on other sites, with "
                            "containment and their relation to it (detector.crosscheck)", False),
    Field("error", STRING, "why the input could not be scored; null when it was"),
)
NAMES = tuple(f.name for f in FIELDS)
NESTED = (EVIDENCE, SIGNALS, SOURCE, MATCHES, COPIES)
FLAT_COLUMNS = tuple(f.name for f in FIELDS if f.type != SIGNALS)
"""CSV/Parquet columns before one column per signal: nested values (reasons, source…) as JSON text."""


# --------------------------------------------------------------------------------------------------
# Building rows


def result_row(result: Any, *, id: str | None = None, origin: str | None = None, url: str | None = None) -> dict:
    """The row of a scored page (``api.Result``); ``id``/``origin``/``url`` come from the input when known."""
    return {
        "id": id, "url": url or result.url, "origin": origin,
        "label": result.label, "probability": round(result.probability, 4), "threshold": result.threshold,
        "truncated": result.truncated, "kind": result.kind,
        "reasons": [_evidence(s) for s in result.reasons],
        "original_evidence": [_evidence(s) for s in result.original_evidence],
        "signals": {s.name: s.value for s in result.signals},
        "source": result.source.to_dict() if result.source else None,
        "matches": [m.to_dict() for m in result.matches],
        "copies": [c.to_dict() for c in result.copies],
        "error": None,
    }


def error_row(id: str, url: str | None, origin: str | None, error: str) -> dict:
    """The row of an input that could not be scored: the same keys, the verdict's empty."""
    return {**{f.name: ([] if f.type in (EVIDENCE, MATCHES, COPIES) else {} if f.type == SIGNALS else None) for f in FIELDS},
            "id": id, "url": url, "origin": origin, "error": error}


def _evidence(signal: Any) -> dict:
    return {"name": signal.name, "value": signal.value, "evidence": signal.evidence, "locator": signal.locator}


def flat_row(row: dict, signal_names: list[str]) -> dict:
    """A row with scalar columns only (CSV, Parquet): nested values as JSON, one column per signal."""
    flat = {f.name: _json_or_none(row.get(f.name)) if f.type in NESTED else row.get(f.name)
            for f in FIELDS if f.type != SIGNALS}
    signals = row.get("signals") or {}
    flat.update({name: signals.get(name) for name in signal_names})
    return flat


def _json_or_none(value: Any) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False)


# --------------------------------------------------------------------------------------------------
# Schemas derived from FIELDS

_EVIDENCE_ITEM = {"type": "object", "required": ["name", "value", "evidence", "locator"],
                  "properties": {"name": {"type": "string"}, "value": {"type": "number"},
                                 "evidence": {"type": "string"}, "locator": {"type": ["string", "null"]}},
                  "additionalProperties": False}
_SOURCE = {"type": "object", "required": ["kind", "name", "url", "evidence", "signal"],
           "properties": {"kind": {"enum": ["reference-match", "batch-match", "canonical", "source-link", "wire"]},
                          "name": {"type": ["string", "null"]}, "url": {"type": ["string", "null"]},
                          "evidence": {"type": "string"}, "signal": {"type": "string"}},
           "additionalProperties": False}
_MATCH = {"type": "object", "required": ["id", "url", "domain", "title", "containment", "jaccard", "coverage", "copied"],
          "properties": {"id": {"type": "string"}, "url": {"type": ["string", "null"]},
                         "domain": {"type": ["string", "null"]}, "title": {"type": ["string", "null"]},
                         "containment": {"type": "number"}, "jaccard": {"type": "number"},
                         "coverage": {"type": "number"}, "copied": {"type": "boolean"}},
          "additionalProperties": False}
_COPY = {"type": "object", "required": ["id", "url", "containment", "coverage", "relation"],
         "properties": {"id": {"type": ["string", "null"]}, "url": {"type": ["string", "null"]},
                        "containment": {"type": "number"}, "coverage": {"type": "number"},
                        "relation": {"enum": ["original", "copy", "sibling", "unknown", "wire"]}},
         "additionalProperties": False}
_JSON_TYPES = {
    STRING: {"type": "string"}, NUMBER: {"type": "number"}, BOOLEAN: {"type": "boolean"},
    EVIDENCE: {"type": "array", "items": _EVIDENCE_ITEM},
    SIGNALS: {"type": "object", "additionalProperties": {"type": "number"}},
    SOURCE: _SOURCE, MATCHES: {"type": "array", "items": _MATCH}, COPIES: {"type": "array", "items": _COPY},
}


def json_schema() -> dict:
    """The row as a JSON Schema (draft 2020-12): what ``schema/row.schema.json`` holds."""
    def prop(f: Field) -> dict:
        spec = dict(_JSON_TYPES[f.type])
        if f.nullable:
            spec = {"anyOf": [spec, {"type": "null"}]}
        return {**spec, "description": f.description}

    props = {f.name: prop(f) for f in FIELDS}
    props["label"] = {"enum": ["original", "republished", None], "description": props["label"]["description"]}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"urn:republished-detector:row:{SCHEMA_VERSION}",
        "title": "detector result row",
        "version": SCHEMA_VERSION,
        "description": "One row per input of `detector score` (JSON, JSONL; CSV and Parquet flatten the nested "
                       "fields to JSON text and spread `signals` into one column per signal), Result.to_dict(), "
                       "POST /api/score and the Spark job.",
        "type": "object",
        "required": list(NAMES),
        "properties": props,
        "additionalProperties": False,
    }


@cache
def shipped_schema() -> dict:
    return json.loads(SCHEMA_FILE.read_text("utf-8"))


def arrow_schema(signal_names: list[str]) -> Any:
    """The Parquet columns: ``FLAT_COLUMNS`` then one float per signal."""
    import pyarrow as pa

    kinds = {NUMBER: pa.float64(), BOOLEAN: pa.bool_()}
    return pa.schema([(f.name, kinds.get(f.type, pa.string())) for f in FIELDS if f.type != SIGNALS]
                     + [(n, pa.float64()) for n in signal_names])


def spark_schema() -> Any:
    """The nested row as Spark types (``signals`` a map, the lists arrays of structs)."""
    from pyspark.sql.types import (ArrayType, BooleanType, DoubleType, MapType, StringType, StructField,
                                   StructType)

    def struct(spec: dict) -> StructType:
        return StructType([StructField(k, simple(v), True) for k, v in spec["properties"].items()])

    def simple(spec: dict) -> Any:
        kind = spec.get("type")
        kind = next(t for t in kind if t != "null") if isinstance(kind, list) else kind
        return {"number": DoubleType(), "boolean": BooleanType()}.get(kind, StringType())

    types = {STRING: StringType(), NUMBER: DoubleType(), BOOLEAN: BooleanType(),
             EVIDENCE: ArrayType(struct(_EVIDENCE_ITEM)), SIGNALS: MapType(StringType(), DoubleType()),
             SOURCE: struct(_SOURCE), MATCHES: ArrayType(struct(_MATCH)), COPIES: ArrayType(struct(_COPY))}
    return StructType([StructField(f.name, types[f.type], True) for f in FIELDS])


def spark_row(row: dict) -> tuple:
    """A row in ``spark_schema()`` order, numbers as floats (Spark's DoubleType refuses Python ints)."""
    def num(x: Any) -> Any:
        return float(x) if isinstance(x, (int, float)) and not isinstance(x, bool) else x

    def items(values: list[dict], spec: dict) -> list[tuple]:
        return [tuple(num(v.get(k)) for k in spec["properties"]) for v in values]

    out: list[Any] = []
    for f in FIELDS:
        value = row.get(f.name)
        if f.type == EVIDENCE:
            value = items(value or [], _EVIDENCE_ITEM)
        elif f.type in (MATCHES, COPIES):
            value = items(value or [], _MATCH if f.type == MATCHES else _COPY)
        elif f.type == SOURCE:
            value = tuple(value.get(k) for k in _SOURCE["properties"]) if value else None
        elif f.type == SIGNALS:
            value = {k: num(v) for k, v in (value or {}).items()}
        else:
            value = num(value)
        out.append(value)
    return tuple(out)


def write_schema() -> None:
    """Rewrite the shipped schema file from ``FIELDS`` (run ``python -m detector.rows`` after changing them)."""
    SCHEMA_FILE.write_text(json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n", "utf-8")


if __name__ == "__main__":
    write_schema()


__all__ = ["FIELDS", "FLAT_COLUMNS", "REASON_FLOOR", "SCHEMA_FILE", "SCHEMA_VERSION", "arrow_schema", "error_row",
           "flat_row", "json_schema", "result_row", "shipped_schema", "write_schema", "spark_row", "spark_schema"]
