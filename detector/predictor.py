"""The shipped classifier as plain arrays: predict without scikit-learn and without unpickling.

``build_estimator``'s model is one gradient-boosted forest (binary, numeric features, no categories)
whose raw score an isotonic map turns into a probability. Both fit in a handful of numpy arrays: the
trees' nodes laid end to end, and the isotonic breakpoints. ``compile_estimator`` flattens a fitted
model into them; ``ArrayPredictor`` walks all trees at once with numpy and reproduces scikit-learn's
``predict_proba`` exactly (same comparisons, same summation order, same interpolation).

Why: a scoring process then needs neither scikit-learn nor SciPy (about 110 MB of modules per worker
of a crawl), the file is read with ``allow_pickle=False`` so loading it runs no code, and it does not
depend on the scikit-learn version that trained it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np

NODE_ARRAYS = ("feature", "threshold", "missing_left", "left", "right", "is_leaf", "value")
ARRAYS = (*NODE_ARRAYS, "roots", "baseline", "iso_x", "iso_y", "n_features")


class PredictorFormatError(ValueError):
    """The arrays do not describe a forest this predictor can walk."""


def compile_estimator(estimator: Any) -> dict[str, np.ndarray]:
    """Flatten a fitted ``build_estimator()`` pipeline into the arrays ``ArrayPredictor`` reads."""
    calibrated = estimator.steps[-1][1]
    if getattr(calibrated, "method", None) != "isotonic" or len(calibrated.calibrated_classifiers_) != 1:
        raise PredictorFormatError("only one isotonic-calibrated booster (ensemble=False) can be compiled")
    member = calibrated.calibrated_classifiers_[0]
    booster, (isotonic,) = member.estimator, member.calibrators
    if len(booster.classes_) != 2 or isotonic.out_of_bounds != "clip":
        raise PredictorFormatError("only a binary booster with a clipping isotonic map can be compiled")
    nodes, roots = [], []
    offset = 0
    for (tree,) in booster._predictors:
        t = tree.nodes
        if t["is_categorical"].any():
            raise PredictorFormatError("categorical splits cannot be compiled")
        roots.append(offset)
        nodes.append((t, offset))
        offset += len(t)
    arrays = {
        "feature": np.concatenate([t["feature_idx"] for t, _ in nodes]).astype(np.int64),
        "threshold": np.concatenate([t["num_threshold"] for t, _ in nodes]).astype(np.float64),
        "missing_left": np.concatenate([t["missing_go_to_left"] for t, _ in nodes]).astype(bool),
        "left": np.concatenate([t["left"].astype(np.int64) + o for t, o in nodes]),
        "right": np.concatenate([t["right"].astype(np.int64) + o for t, o in nodes]),
        "is_leaf": np.concatenate([t["is_leaf"] for t, _ in nodes]).astype(bool),
        "value": np.concatenate([t["value"] for t, _ in nodes]).astype(np.float64),
        "roots": np.asarray(roots, dtype=np.int64),
        "baseline": np.asarray(booster._baseline_prediction, dtype=np.float64).reshape(1),
        "iso_x": np.asarray(isotonic.X_thresholds_, dtype=np.float64),
        "iso_y": np.asarray(isotonic.y_thresholds_, dtype=np.float64),
        "n_features": np.asarray([booster.n_features_in_], dtype=np.int64),
    }
    ArrayPredictor(arrays)  # refuse to write what could not be read back
    return arrays


class ArrayPredictor:
    """``predict_proba`` over the compiled arrays, for rows of the model's features in its order."""

    def __init__(self, arrays: dict[str, np.ndarray]) -> None:
        missing = [k for k in ARRAYS if k not in arrays]
        if missing:
            raise PredictorFormatError(f"arrays missing: {missing}")
        a = {k: np.asarray(arrays[k]) for k in ARRAYS}
        n = len(a["value"])
        if any(a[k].shape != (n,) for k in NODE_ARRAYS):
            raise PredictorFormatError("node arrays differ in length")
        self.n_features = int(a["n_features"][0])
        inner = ~a["is_leaf"].astype(bool)
        index = np.arange(n)
        # Children after their parent (as scikit-learn grows them) bounds every walk by the node count.
        if (a["roots"].size == 0 or (a["roots"] < 0).any() or (a["roots"] >= n).any()
                or (a["left"][inner] <= index[inner]).any() or (a["right"][inner] <= index[inner]).any()
                or (a["left"][inner] >= n).any() or (a["right"][inner] >= n).any()
                or (a["feature"][inner] < 0).any() or (a["feature"][inner] >= self.n_features).any()):
            raise PredictorFormatError("node links or features out of range")
        if a["iso_x"].ndim != 1 or a["iso_x"].shape != a["iso_y"].shape or a["iso_x"].size == 0 \
                or (np.diff(a["iso_x"]) <= 0).any():
            raise PredictorFormatError("the isotonic map is not an increasing sequence of breakpoints")
        self.feature = a["feature"].astype(np.intp)
        self.threshold = a["threshold"].astype(np.float64)
        self.missing_left = a["missing_left"].astype(bool)
        self.left = a["left"].astype(np.intp)
        self.right = a["right"].astype(np.intp)
        self.is_leaf = a["is_leaf"].astype(bool)
        self.value = a["value"].astype(np.float64)
        self.roots = a["roots"].astype(np.intp)
        self.baseline = float(a["baseline"][0])
        self.iso_x = a["iso_x"].astype(np.float64)
        self.iso_y = a["iso_y"].astype(np.float64)

    @classmethod
    def from_file(cls, path: str | Path) -> "ArrayPredictor":
        try:
            with np.load(path, allow_pickle=False) as npz:
                return cls({k: npz[k] for k in npz.files})
        except (OSError, ValueError, KeyError) as exc:
            raise PredictorFormatError(f"{Path(path).name} is not a compiled model: {exc}") from exc

    def decision_function(self, X: np.ndarray) -> np.ndarray:
        """The booster's raw score: baseline plus each tree's leaf value, added in tree order."""
        X = np.asarray(X, dtype=np.float64)
        if X.ndim != 2 or X.shape[1] != self.n_features:
            raise ValueError(f"expected rows of {self.n_features} features, got shape {X.shape}")
        rows = np.arange(len(X))[:, None]
        node = np.broadcast_to(self.roots, (len(X), len(self.roots))).copy()
        while True:
            leaf = self.is_leaf[node]
            if leaf.all():
                break
            x = X[rows, self.feature[node]]
            go_left = np.where(np.isnan(x), self.missing_left[node], x <= self.threshold[node])
            node = np.where(leaf, node, np.where(go_left, self.left[node], self.right[node]))
        terms = np.concatenate([np.full((len(X), 1), self.baseline), self.value[node]], axis=1)
        return np.cumsum(terms, axis=1)[:, -1]  # sequential, like scikit-learn's += per tree

    def predict_proba(self, X: np.ndarray) -> np.ndarray:
        p = np.interp(self.decision_function(X), self.iso_x, self.iso_y)  # clips outside the breakpoints
        p[(p > 1.0) & (p <= 1.0 + 1e-5)] = 1.0
        return np.column_stack([1.0 - p, p])
