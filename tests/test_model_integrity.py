"""A model file is code: a tampered one is refused before anything is unpickled or deserialised."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import joblib
import pytest

from detector import model as model_module
from detector.model import ModelError, load, skops_path
from tiny_model import tiny_model  # noqa: F401 - pytest fixture


@pytest.fixture()
def copy(tiny_model, tmp_path) -> Path:  # noqa: F811
    for suffix in (".joblib", ".json", ".skops"):
        src = tiny_model.with_suffix(suffix)
        if src.exists():
            shutil.copy(src, tmp_path / f"m{suffix}")
    return tmp_path / "m.joblib"


@pytest.fixture()
def nothing_loads(monkeypatch):
    """Fail the test if any deserialiser is reached."""
    def boom(*args, **kwargs):
        raise AssertionError("a model was deserialised before its integrity was checked")

    monkeypatch.setattr(joblib, "load", boom)
    monkeypatch.setattr(model_module.joblib, "load", boom)
    sio = pytest.importorskip("skops.io")
    monkeypatch.setattr(sio, "load", boom)


class Evil:
    """Stands for any class outside the trusted list (one whose construction could do harm)."""


def tamper(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    path.write_bytes(bytes(data))


def test_save_writes_skops_with_its_hash_and_load_prefers_it(copy, monkeypatch):
    pytest.importorskip("skops.io")
    manifest = json.loads(copy.with_suffix(".json").read_text())
    assert manifest["skops_file"].endswith(".skops") and len(manifest["skops_sha256"]) == 64
    monkeypatch.setattr(model_module.joblib, "load", lambda *a, **k: pytest.fail("joblib used although .skops exists"))
    assert load(copy).estimator.predict_proba is not None


@pytest.mark.parametrize("which", [".skops", ".joblib"])
def test_a_tampered_model_is_refused_before_loading(copy, nothing_loads, which):
    if which == ".joblib":  # the joblib path: no .skops beside it
        skops_path(copy).unlink()
    tamper(copy.with_suffix(which))
    with pytest.raises(ModelError, match=r"sha256 .* does not match the manifest.*Not loaded"):
        load(copy)


def test_a_replaced_skops_file_with_a_matching_manifest_is_refused_when_its_types_are_untrusted(copy):
    """Even a manifest rewritten to match cannot make skops build a type outside the trusted list."""
    sio = pytest.importorskip("skops.io")
    sio.dump({"evil": Evil()}, skops_path(copy))
    manifest = json.loads(copy.with_suffix(".json").read_text())
    manifest["skops_sha256"] = model_module.sha256(skops_path(copy))
    copy.with_suffix(".json").write_text(json.dumps(manifest))
    with pytest.raises(ModelError, match="does not trust"):
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


def test_without_skops_the_joblib_file_is_checked_and_used(copy, monkeypatch):
    monkeypatch.setattr(model_module, "_has_skops", lambda: False)
    assert load(copy).estimator is not None
    tamper(copy)
    with pytest.raises(ModelError, match="does not match"):
        load(copy)


def test_save_is_atomic(tmp_path, monkeypatch):
    """A save that dies half-way leaves the previous model and manifest untouched."""
    from detector.model import save

    path = tmp_path / "m.joblib"
    save({"v": 1}, path, threshold=0.5, training={}, metrics={})
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}

    def dies(obj, target, **kwargs):
        Path(target).write_bytes(b"half a pickle")
        raise KeyboardInterrupt

    monkeypatch.setattr(model_module.joblib, "dump", dies)
    with pytest.raises(KeyboardInterrupt):
        save({"v": 2}, path, threshold=0.5, training={}, metrics={})
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before
