"""The classifier: build, save with a manifest, and load only what the manifest vouches for.

``save`` writes the fitted scikit-learn pipeline with joblib (for retraining and inspection) and the
same model compiled to plain numpy arrays (``.npz``, see ``detector.predictor``). The manifest (plain
JSON beside them) records both files' sha256 and the feature list, and ``verify`` checks them *before*
anything is read. Scoring loads the arrays with ``allow_pickle=False``: no code runs, and neither
scikit-learn nor SciPy is imported. The joblib file is a pickle, and unpickling runs code; it is used
only when a model has no arrays, after the same checks. Model files must still come from a source you
trust: the hash proves a file is the one the manifest describes, not that whoever wrote both meant well.
"""

from __future__ import annotations

import hashlib
import json
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from .errors import ModelError  # noqa: F401 - re-exported: defined with every public error
from .features import FEATURE_DIRECTIONS, FEATURE_NAMES
from .files import atomic_write
from .predictor import ArrayPredictor, PredictorFormatError, compile_estimator

DEFAULT_MODEL = Path(__file__).parent / "models" / "default.joblib"
MANIFEST_VERSION = 2  # 2: compiled arrays (.npz) replace the .skops file



@dataclass
class LoadedModel:
    """A model ready to score: ``predictor.predict_proba(rows)``, rows in ``feature_names`` order.

    ``predictor`` is an ``ArrayPredictor`` when the model has compiled arrays, else the unpickled
    scikit-learn pipeline.
    """

    predictor: Any
    manifest: dict = field(default_factory=dict)

    @property
    def threshold(self) -> float:
        return float(self.manifest.get("threshold", 0.5))

    @property
    def feature_names(self) -> tuple[str, ...]:
        return tuple(self.manifest["feature_names"])


def build_estimator(seed: int = 0):
    """Rarity among originals (``detector.rarity``), then gradient-boosted trees, calibrated by a
    sigmoid fitted on cross-validated predictions (smooth: an isotonic map's steps put dozens of pages
    on one value, so recall at the threshold jumped with where a step fell).

    Each feature's monotonic constraint comes from its signal's ``direction``: a wire dateline, a
    syndication tag or an unrelated link block can only raise the probability, never lower it, however
    few training pages combined them; so can the rarity columns. ``ensemble=False`` keeps one booster (calibrated on out-of-fold scores) instead of five, so that
    scoring one page walks 200 trees, not 1,500: per-page latency is what users of the CLI feel.
    """
    # scikit-learn is imported here, not at module level: scoring never needs its ~110 MB of modules.
    from sklearn.calibration import CalibratedClassifierCV
    from sklearn.ensemble import HistGradientBoostingClassifier
    from sklearn.pipeline import Pipeline

    from .predictor import RARITY_COLUMNS
    from .rarity import OriginalRarity

    evidence = tuple(i for i, d in enumerate(FEATURE_DIRECTIONS) if d > 0)
    trees = HistGradientBoostingClassifier(
        max_iter=200, learning_rate=0.08, max_leaf_nodes=15, min_samples_leaf=20, l2_regularization=1.0,
        early_stopping=False, random_state=seed, monotonic_cst=[*FEATURE_DIRECTIONS, *[1] * RARITY_COLUMNS],
    )
    return Pipeline([("rarity", OriginalRarity(evidence)),
                     ("classifier", CalibratedClassifierCV(trees, method="sigmoid", cv=5, ensemble=False))])


def manifest_path(model_path: Path) -> Path:
    return model_path.with_suffix(".json")


def arrays_path(model_path: Path) -> Path:
    return model_path.with_suffix(".npz")


def _sklearn_version() -> str:
    import sklearn

    return sklearn.__version__


def sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _write_arrays(path: Path, arrays: dict[str, np.ndarray]) -> None:
    with open(path, "wb") as fh:  # a file object, so that numpy does not append its own ".npz"
        np.savez_compressed(fh, **arrays)


def save(estimator: Any, path: str | Path, *, threshold: float, training: dict, metrics: dict,
         feature_names: tuple[str, ...] = FEATURE_NAMES) -> dict:
    """Write the model (joblib, and its compiled arrays) and its manifest, each atomically."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    arrays = compile_estimator(estimator)
    import joblib  # here, not at module level: scoring never needs its ~13 MB

    atomic_write(path, lambda tmp: joblib.dump(estimator, tmp, compress=3))
    apath = arrays_path(path)
    atomic_write(apath, lambda tmp: _write_arrays(tmp, arrays))
    manifest = {
        "manifest_version": MANIFEST_VERSION,
        "model_file": path.name,
        "sha256": sha256(path),
        "arrays_file": apath.name,
        "arrays_sha256": sha256(apath),
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
    """Check a model against its manifest without reading it: the file's hash, then the feature list.

    Returns the model path, the manifest, and whether the compiled arrays are the file to load.
    """
    path = Path(path) if path is not None else DEFAULT_MODEL
    mpath = manifest_path(path)
    if not path.is_file():
        raise ModelError(f"model file not found: {path}")
    if not mpath.is_file():
        raise ModelError(f"refusing {path}: its manifest {mpath.name} is missing, so its integrity cannot be checked")
    try:
        manifest = json.loads(mpath.read_text("utf-8"))
    except (OSError, ValueError) as exc:
        raise ModelError(f"refusing {path}: manifest {mpath.name} is not valid JSON ({exc})") from exc
    if (problem := _manifest_problem(manifest)) is not None:
        raise ModelError(f"refusing {path}: manifest {mpath.name} {problem}")
    apath = arrays_path(path)
    use_arrays = bool(manifest.get("arrays_sha256")) and apath.is_file()
    checked, key = (apath, "arrays_sha256") if use_arrays else (path, "sha256")
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
    return path, manifest, use_arrays


def _manifest_problem(manifest: Any) -> str | None:
    """What makes a manifest unusable before any hash is compared (a tampered one must be refused in
    one line, not fail later with a traceback), or None."""
    if not isinstance(manifest, dict):
        return "is not a JSON object"
    for key in ("sha256", "arrays_sha256"):
        if manifest.get(key) is not None and not isinstance(manifest[key], str):
            return f"has a {key} that is not a string"
    if not isinstance(manifest.get("feature_names", []), list):
        return "has feature_names that are not a list"
    threshold = manifest.get("threshold", 0.5)
    if isinstance(threshold, bool) or not isinstance(threshold, (int, float)) or not 0 <= threshold <= 1:
        return "has a threshold that is not a probability"
    return None


def load(path: str | Path | None = None, *, feature_names: tuple[str, ...] = FEATURE_NAMES) -> LoadedModel:
    """Load a model after ``verify`` passed: hash first, then features, then the arrays (or joblib)."""
    path, manifest, use_arrays = verify(path, feature_names=feature_names)
    if use_arrays:
        try:
            predictor = ArrayPredictor.from_file(arrays_path(path))
        except PredictorFormatError as exc:
            raise ModelError(f"refusing {arrays_path(path)}: {exc}") from exc
        if predictor.n_features != len(feature_names):
            raise ModelError(f"refusing {arrays_path(path)}: it reads {predictor.n_features} features, "
                             f"the manifest lists {len(feature_names)}")
        return LoadedModel(predictor, manifest)
    trained_with, installed = manifest.get("sklearn_version"), _sklearn_version()
    if trained_with != installed:
        # One plain warning instead of scikit-learn's one per estimator class.
        warnings.warn(f"{path.name} was trained with scikit-learn {trained_with}, this is {installed}; "
                      "retrain with `python -m training.train` if verdicts look wrong", stacklevel=2)
    import joblib

    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="Trying to unpickle estimator")
        return LoadedModel(joblib.load(path), manifest)
