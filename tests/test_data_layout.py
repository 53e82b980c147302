"""The training-side data in data/: the label manifest example trains, the corpus manifest has a schema that
the real manifest meets, and the farm generator's vocabulary is read from there."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from training.corpus import default_corpus_dir, user_examples
from training.farms import words

DATA = Path(__file__).resolve().parents[1] / "data"


def rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text("utf-8").split("\n") if line.strip()]


def validator(name: str) -> jsonschema.Draft202012Validator:
    schema = json.loads((DATA / name).read_text("utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def test_the_example_label_manifest_meets_its_schema_and_trains():
    manifest = DATA / "labels" / "example.jsonl"
    check = validator("labels/labels.schema.json")
    for row in rows(manifest):
        check.validate(row)
    examples = user_examples(manifest)  # what python -m training.train --labels reads
    assert [(e.label, e.kind) for e in examples] == [(1, "html"), (1, "html"), (0, "html"), (1, "text")]
    assert examples[1].id == "dedecms-farm"
    assert not check.is_valid({"label": "original"})  # a page by neither path nor url
    assert not check.is_valid({"path": "page.html", "label": "copy"})


def test_the_corpus_manifest_schema_takes_the_example_and_refuses_broken_rows():
    check = validator("corpus/manifest.schema.json")
    example = rows(DATA / "corpus" / "example.jsonl")
    for row in example:
        check.validate(row)
    good = example[0]
    assert not check.is_valid({k: v for k, v in good.items() if k != "file"})
    assert not check.is_valid({**good, "id": "not-a-sha1"})
    assert not check.is_valid({**good, "truth": {"headline": "a field no benchmark has"}})


def test_the_shared_corpus_manifest_meets_the_schema():
    manifest = default_corpus_dir() / "manifest.jsonl"
    if not manifest.exists():
        pytest.skip("no shared corpus here")
    check = validator("corpus/manifest.schema.json")
    bad = [(row["id"], error.message) for row in rows(manifest) for error in check.iter_errors(row)]
    assert not bad, bad[:5]


def test_the_farm_vocabulary_is_read_from_data():
    table = json.loads((DATA / "farms" / "words.json").read_text("utf-8"))
    assert words.CHROME is words.data()["chrome"] == table["chrome"]  # read once, as the file has it
    assert words.SPAM_KEYWORDS[0] == ["best online casino", "casino"]
    with pytest.raises(AttributeError):
        words.NOT_A_LIST
