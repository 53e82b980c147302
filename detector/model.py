"""The classifier: build, save with a manifest, and load only what the manifest vouches for.

A joblib file is a pickle, and unpickling runs code. So the manifest (plain JSON beside the model)
records the model file's sha256 and the feature list, and ``load`` checks both *before* it unpickles
anything. Model files must still come from a source you trust: the hash proves the file is the one
the manifest describes, not that whoever wrote both meant well.

When skops is installed, ``save`` also writes the model in skops's format (``.skops``), which loads
without running code: only the types listed in ``SKOPS_TRUSTED`` (beyond skops's own safe list) may be
built. ``load`` prefers that file, hash-checked like the joblib one, so that even a manifest and a
model swapped together cannot run code; without skops, or for a model whose types are not on the
list, the joblib file is used.
"""

from __future__ import annotations

import hashlib
import json
import warnings
from dataclasses import dataclass, field
from importlib.util import find_spec
from pathlib import Path
from typing import Any

import joblib

from .features import FEATURE_DIRECTIONS, FEATURE_NAMES
from .files import atomic_write

DEFAULT_MODEL = Path(__file__).parent / "models" / "default.joblib"
MANIFEST_VERSION = 1
SKOPS_TRUSTED = (
    "sklearn.calibration._CalibratedClassifier",
    "sklearn.ensemble._hist_gradient_boosting.predictor.TreePredictor",
)
"""Types a .skops model may contain beyond skops's default safe list: those of ``build_estimator``."""


class ModelError(RuntimeError):
    """The model file cannot be used: missing, tampered with, or trained on other features."""


@dataclass
class LoadedModel:
    estimator: Any
    manifest: dict = field(default_factory=dict)

    @property
    def threshold(self) -> float:
        return float(self.manifest.get("threshold", 0.5))

    @property
    def feature_names(self) -> tuple[str, ...]:
        return tuple(self.manifest["feature_names"])


def build_estimator(seed: int = 0):
    """Gradient-boosted trees, calibrated by isotonic regression on cross-validated predictions.

    Each feature's monotonic constraint comes from its signal's ``direction``: a wire dateline, a
    syndication tag or an unrelated link block can only raise the probability, never lower it, however
    few training pages combined them. ``ensemble=False`` keeps one booster (calibrated on out-of-fold scores) instead of five, so that
    scoring one page walks 200 trees, not 1,500: per-page latency is what users of the CLI feel.
    """
    # scikit-learn is imported here and in load(), not at module level: a batch run's parent process
    # only verifies the model and never needs its ~110 MB of modules.
    from sklearn.calibration import CalibratedClassifierCV
    from sklearn.ensemble import HistGradientBoostingClassifier
    from sklearn.pipeline import Pipeline

    trees = HistGradientBoostingClassifier(
        max_iter=200, learning_rate=0.08, max_leaf_nodes=15, min_samples_leaf=20,
        l2_regularization=1.0, early_stopping=False, random_state=seed, monotonic_cst=list(FEATURE_DIRECTIONS),
    )
    return Pipeline([("classifier", CalibratedClassifierCV(trees, method="isotonic", cv=5, ensemble=False))])


def manifest_path(model_path: Path) -> Path:
    return model_path.with_suffix(".json")


def skops_path(model_path: Path) -> Path:
    return model_path.with_suffix(".skops")


def _has_skops() -> bool:
    # find_spec, not an import: skops imports scikit-learn, which a verifying parent process avoids.
    return find_spec("skops") is not None


def _skops_io():
    try:
        import skops.io
    except ImportError:
        return None
    return skops.io


def _sklearn_version() -> str:
    import sklearn

    return sklearn.__version__


def sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def save(estimator: Any, path: str | Path, *, threshold: float, training: dict, metrics: dict,
         feature_names: tuple[str, ...] = FEATURE_NAMES) -> dict:
    """Write the model (joblib, and .skops when skops can hold it) and its manifest, each atomically."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(path, lambda tmp: joblib.dump(estimator, tmp, compress=3))
    sio, spath, skops_entry = _skops_io(), skops_path(path), {}
    if sio is not None:
        atomic_write(spath, lambda tmp: sio.dump(estimator, tmp))
        if set(sio.get_untrusted_types(file=spath)) <= set(SKOPS_TRUSTED):
            skops_entry = {"skops_file": spath.name, "skops_sha256": sha256(spath)}
        else:  # types we would refuse to load: the joblib file alone describes this model
            spath.unlink()
    manifest = {
        "manifest_version": MANIFEST_VERSION,
        "model_file": path.name,
        "sha256": sha256(path),
        **skops_entry,
        "feature_names": list(feature_names),
        "sklearn_version": _sklearn_version(),
        "threshold": threshold,
        "training": training,
        "metrics": metrics,
    }
    text = json.dumps(manifest, indent=2, ensure_ascii=False) + "\n"
    atomic_write(manifest_path(path), lambda tmp: tmp.write_text(text, "utf-8"))
    return manifest


def verify(path: str | Path | None = None, *, feature_names: tuple[str, ...] = FEATURE_NAMES) -> tuple[Path, dict, bool]:
    """Check a model against its manifest without loading it: the file's hash, then the feature list.

    Returns the model path, the manifest, and whether the .skops file is the one to load.
    """
    path = Path(path) if path is not None else DEFAULT_MODEL
    mpath = manifest_path(path)
    if not path.is_file():
        raise ModelError(f"model file not found: {path}")
    if not mpath.is_file():
        raise ModelError(f"refusing {path}: its manifest {mpath.name} is missing, so its integrity cannot be checked")
    try:
        manifest = json.loads(mpath.read_text("utf-8"))
    except ValueError as exc:
        raise ModelError(f"refusing {path}: manifest {mpath.name} is not valid JSON ({exc})") from exc
    spath = skops_path(path)
    use_skops = _has_skops() and bool(manifest.get("skops_sha256")) and spath.is_file()
    checked, key = (spath, "skops_sha256") if use_skops else (path, "sha256")
    actual = sha256(checked)
    if manifest.get(key) != actual:
        raise ModelError(
            f"refusing {checked}: its sha256 {actual[:16]}… does not match the manifest's "
            f"{str(manifest.get(key))[:16]}…; the file was changed or replaced. Not loaded."
        )
    expected = list(feature_names)
    if manifest.get("feature_names") != expected:
        theirs = manifest.get("feature_names") or []
        missing = sorted(set(expected) - set(theirs))
        extra = sorted(set(theirs) - set(expected))
        raise ModelError(
            f"refusing {path}: it was trained on other features than this detector computes "
            f"(missing: {missing or 'none'}, unknown: {extra or 'none'}, or another order). Retrain it "
            f"with `python -m training.train`."
        )
    return path, manifest, use_skops


def load(path: str | Path | None = None, *, feature_names: tuple[str, ...] = FEATURE_NAMES) -> LoadedModel:
    """Load a model after ``verify`` passed: hash first, then features, then load (.skops first)."""
    path, manifest, use_skops = verify(path, feature_names=feature_names)
    trained_with, installed = manifest.get("sklearn_version"), _sklearn_version()
    if trained_with != installed:
        # One plain warning instead of scikit-learn's one per estimator class. (Seen: a 1.9.1 model
        # under 1.7.2, on Python 3.10, gave the same probabilities on the example pages.)
        warnings.warn(f"{path.name} was trained with scikit-learn {trained_with}, this is {installed}; "
                      "retrain with `python -m training.train` if verdicts look wrong", stacklevel=2)
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="Trying to unpickle estimator")
        return _load_checked(path, manifest, use_skops)


def _load_checked(path: Path, manifest: dict, use_skops: bool) -> LoadedModel:
    if use_skops:
        sio, spath = _skops_io(), skops_path(path)
        untrusted = sorted(set(sio.get_untrusted_types(file=spath)) - set(SKOPS_TRUSTED))
        if untrusted:
            raise ModelError(f"refusing {spath}: it holds types this detector does not trust: {untrusted}")
        return LoadedModel(sio.load(spath, trusted=list(SKOPS_TRUSTED)), manifest)
    return LoadedModel(joblib.load(path), manifest)
