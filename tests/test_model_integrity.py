"""A model file is code: a tampered one is refused before anything is unpickled or read."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import joblib
import numpy as np
import pytest

from detector import model as model_module
from detector.model import ModelError, arrays_path, load
from detector.predictor import ArrayPredictor
from tiny_model import tiny_model  # noqa: F401 - pytest fixture


@pytest.fixture()
def copy(tiny_model, tmp_path) -> Path:  # noqa: F811
    for suffix in (".joblib", ".json", ".npz"):
        shutil.copy(tiny_model.with_suffix(suffix), tmp_path / f"m{suffix}")
    return tmp_path / "m.joblib"


@pytest.fixture()
def nothing_loads(monkeypatch):
    """Fail the test if any model file is read past its hash."""
    def boom(*args, **kwargs):
        raise AssertionError("a model was read before its integrity was checked")

    monkeypatch.setattr(joblib, "load", boom)
    monkeypatch.setattr(ArrayPredictor, "from_file", boom)


def tamper(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    path.write_bytes(bytes(data))


def rewrite_manifest(path: Path, **changes) -> None:
    mpath = path.with_suffix(".json")
    mpath.write_text(json.dumps({**json.loads(mpath.read_text()), **changes}))


def test_load_uses_the_hashed_arrays_without_unpickling_or_scikit_learn(copy, monkeypatch):
    manifest = json.loads(copy.with_suffix(".json").read_text())
    assert manifest["arrays_file"].endswith(".npz") and len(manifest["arrays_sha256"]) == 64
    monkeypatch.setattr(joblib, "load", lambda *a, **k: pytest.fail("unpickled although arrays exist"))
    monkeypatch.setattr(model_module, "_sklearn_version", lambda: pytest.fail("scikit-learn consulted"))
    assert isinstance(load(copy).predictor, ArrayPredictor)


def test_the_arrays_give_exactly_the_pipelines_probabilities(copy):
    """Same rarity columns, same trees, same summation order, same sigmoid: equal to the last
    bit, NaNs included, with values on the trees' split points and on the originals' own values."""
    pipeline, arrays = joblib.load(copy), load(copy).predictor
    rng = np.random.default_rng(1)
    inner = ~arrays.is_leaf
    split_values = arrays.threshold[inner & (arrays.feature < arrays.n_features)]
    edges = np.concatenate([split_values, *arrays.rarity_values])
    rows = rng.choice(np.concatenate([edges, np.nextafter(edges, 2), [0.0, 1.0, np.nan]]),
                      size=(2000, arrays.n_features))
    rows[rng.random(rows.shape) < 0.5] = 0.0  # most signals are silent on most pages
    assert np.array_equal(pipeline.predict_proba(rows), arrays.predict_proba(rows))
    assert len(np.unique(arrays.predict_proba(rows)[:, 1])) > 5  # the rows reach many leaves


@pytest.mark.parametrize("which", [".npz", ".joblib"])
def test_a_tampered_model_is_refused_before_loading(copy, nothing_loads, which):
    if which == ".joblib":  # the joblib path: no arrays beside it
        arrays_path(copy).unlink()
    tamper(copy.with_suffix(which))
    with pytest.raises(ModelError, match=r"sha256 .* does not match the manifest.*Not loaded"):
        load(copy)


def test_arrays_replaced_together_with_their_hash_run_no_code_and_are_checked(copy):
    """Even a manifest rewritten to match gets no pickle read, and a forest that loops is refused."""
    original = dict(np.load(arrays_path(copy), allow_pickle=False))

    def replace(**arrays) -> None:
        with open(arrays_path(copy), "wb") as fh:
            np.savez(fh, **arrays)
        rewrite_manifest(copy, arrays_sha256=model_module.sha256(arrays_path(copy)))

    replace(**{**original, "feature": np.array([object()] * len(original["feature"]), dtype=object)})
    with pytest.raises(ModelError, match="not a compiled model"):
        load(copy)
    looping = original["left"].copy()
    looping[original["roots"][0]] = original["roots"][0]
    replace(**{**original, "left": looping})
    with pytest.raises(ModelError, match="out of range"):
        load(copy)


def test_feature_manifest_mismatch_is_refused_before_loading(copy, nothing_loads):
    mpath = copy.with_suffix(".json")
    manifest = json.loads(mpath.read_text())
    manifest["feature_names"] = manifest["feature_names"][::-1]
    mpath.write_text(json.dumps(manifest))
    with pytest.raises(ModelError, match="trained on other features"):
        load(copy)


def test_missing_or_broken_manifest_is_refused(copy, nothing_loads):
    mpath = copy.with_suffix(".json")
    mpath.write_text("{not json")
    with pytest.raises(ModelError, match="not valid JSON"):
        load(copy)
    mpath.unlink()
    with pytest.raises(ModelError, match="manifest .* is missing"):
        load(copy)


def test_without_arrays_the_joblib_file_is_checked_and_used(copy):
    arrays_path(copy).unlink()
    assert load(copy).predictor.predict_proba is not None
    tamper(copy)
    with pytest.raises(ModelError, match="does not match"):
        load(copy)


def test_save_is_atomic(tiny_model, tmp_path, monkeypatch):  # noqa: F811
    """A save that dies half-way leaves the previous model and manifest untouched."""
    from detector.model import save

    path, fitted = tmp_path / "m.joblib", joblib.load(tiny_model)
    save(fitted, path, threshold=0.5, training={}, metrics={})
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}

    def dies(obj, target, **kwargs):
        Path(target).write_bytes(b"half a pickle")
        raise KeyboardInterrupt

    monkeypatch.setattr(joblib, "dump", dies)
    with pytest.raises(KeyboardInterrupt):
        save(fitted, path, threshold=0.6, training={}, metrics={})
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before


def test_scoring_with_the_shipped_model_imports_neither_scikit_learn_nor_scipy_nor_joblib():
    """What keeps a crawl worker small (issue 4's memory bar), also when it makes the page's
    cross-check print and band keys (datasketch would import SciPy)."""
    code = ("import sys; from detector import Detector; from detector.crosscheck import fingerprint; "
            "r, page = Detector().scored_page('<html><body><p>A plain story about ' + ' and '.join(f'thing {i}' "
            "for i in range(90)) + '.</p></body></html>', 'https://example.com/a'); "
            "assert fingerprint(page, r).keys is not None; "
            "print(r.label, sorted(m for m in ('sklearn', 'scipy', 'joblib', 'datasketch') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split(" ", 1)[1].strip() == "[]", out
