"""The shipped classifier as plain arrays: predict without scikit-learn and without unpickling.

``build_estimator``'s model is one gradient-boosted forest (binary, numeric features, no categories)
whose raw score a sigmoid (two numbers) turns into a probability, after a first step appends the
rarity columns (``detector.rarity``). All of it fits in a handful of numpy arrays: the originals'
sorted values per evidence feature, the trees' nodes laid end to end, and the sigmoid's slope and
offset. ``compile_estimator`` flattens a fitted model into them; ``ArrayPredictor`` walks the trees row by
row and reproduces scikit-learn's ``predict_proba`` exactly (same comparisons, same
summation order, the same libm ``exp`` that SciPy's ``expit`` calls).

Why: a scoring process then needs neither scikit-learn nor SciPy (about 110 MB of modules per worker
of a crawl), the file is read with ``allow_pickle=False`` so loading it runs no code, and it does not
depend on the scikit-learn version that trained it.
"""

from __future__ import annotations

import math
from bisect import bisect_left
from pathlib import Path
from typing import Any

import numpy as np

NODE_ARRAYS = ("feature", "threshold", "missing_left", "left", "right", "is_leaf", "value")
ARRAYS = (*NODE_ARRAYS, "roots", "baseline", "sigmoid", "n_features",
          "rarity_columns", "rarity_values", "rarity_offsets")
RARITY_COLUMNS = 2  # sum and max, appended after the features (see detector.rarity)


def rarity_columns(X: np.ndarray, columns: np.ndarray, sorted_values: list[np.ndarray]) -> np.ndarray:
    """For each row: the sum and the max over ``columns`` of -log((originals at or above x + 1) / (n + 1)).

    ``sorted_values[j]`` holds the training originals' values of feature ``columns[j]``, sorted. A
    value of 0 (nothing seen) is not evidence and counts 0. Shared by ``detector.rarity`` and
    ``ArrayPredictor`` (through ``rarity_of_counts``), so both give the same floats.
    """
    if not len(columns):
        return np.zeros((len(X), RARITY_COLUMNS))
    at_least = np.empty((len(X), len(columns)), dtype=np.int64)
    for j, values in enumerate(sorted_values):  # only the search is per column: numpy's calls cost more than a row's sums
        at_least[:, j] = len(values) - np.searchsorted(values, X[:, columns[j]], side="left")
    return rarity_of_counts(X[:, columns], at_least, [len(values) for values in sorted_values])


def rarity_of_counts(x: np.ndarray, at_least: np.ndarray, originals: list[int]) -> np.ndarray:
    """``rarity_columns`` from the values of its columns and, for each, the originals at or above it."""
    out = np.where(x > 0, -np.log((at_least + 1) / (np.array(originals) + 1)), 0.0)
    return np.column_stack([out.sum(axis=1), out.max(axis=1)])


class PredictorFormatError(ValueError):
    """The arrays do not describe a forest this predictor can walk."""


def compile_estimator(estimator: Any) -> dict[str, np.ndarray]:
    """Flatten a fitted ``build_estimator()`` pipeline into the arrays ``ArrayPredictor`` reads."""
    if [name for name, _ in estimator.steps] != ["rarity", "classifier"]:
        raise PredictorFormatError("only a rarity step followed by the classifier can be compiled")
    rarity, calibrated = estimator.steps[0][1], estimator.steps[-1][1]
    if getattr(calibrated, "method", None) != "sigmoid" or len(calibrated.calibrated_classifiers_) != 1:
        raise PredictorFormatError("only one sigmoid-calibrated booster (ensemble=False) can be compiled")
    member = calibrated.calibrated_classifiers_[0]
    booster, (sigmoid,) = member.estimator, member.calibrators
    if len(booster.classes_) != 2:
        raise PredictorFormatError("only a binary booster can be compiled")
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
        "sigmoid": np.asarray([sigmoid.a_, sigmoid.b_], dtype=np.float64),
        "n_features": np.asarray([rarity.n_features_in_], dtype=np.int64),
        "rarity_columns": np.asarray(rarity.columns_, dtype=np.int64),
        "rarity_values": np.concatenate([np.zeros(0), *rarity.sorted_]).astype(np.float64),
        "rarity_offsets": np.cumsum([0, *(len(v) for v in rarity.sorted_)]).astype(np.int64),
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
                or (a["feature"][inner] < 0).any() or (a["feature"][inner] >= self.n_features + RARITY_COLUMNS).any()):
            raise PredictorFormatError("node links or features out of range")
        cols, values, offsets = a["rarity_columns"], a["rarity_values"], a["rarity_offsets"]
        if (cols.ndim != 1 or offsets.shape != (len(cols) + 1,) or values.ndim != 1 or (cols < 0).any()
                or (cols >= self.n_features).any() or offsets[0] != 0 or offsets[-1] != len(values)
                or (np.diff(offsets) <= 0).any()
                or any((np.diff(values[s:e]) < 0).any() for s, e in zip(offsets[:-1], offsets[1:]))):
            raise PredictorFormatError("the rarity arrays are not sorted originals' values per feature")
        self.rarity_columns = cols.astype(np.intp)
        self.rarity_values = [values[s:e].astype(np.float64) for s, e in zip(offsets[:-1], offsets[1:])]
        if a["sigmoid"].shape != (2,) or not np.isfinite(a["sigmoid"]).all():
            raise PredictorFormatError("the calibration is not a sigmoid's slope and offset")
        self.feature = a["feature"].astype(np.intp)
        self.threshold = a["threshold"].astype(np.float64)
        self.missing_left = a["missing_left"].astype(bool)
        self.left = a["left"].astype(np.intp)
        self.right = a["right"].astype(np.intp)
        self.is_leaf = a["is_leaf"].astype(bool)
        self.value = a["value"].astype(np.float64)
        self.roots = a["roots"].astype(np.intp)
        self.baseline = float(a["baseline"][0])
        self.slope, self.offset = (float(v) for v in a["sigmoid"])
        self._left, self._right, self._nan_right = self._steps()
        self._depth = self._max_depth()
        self._rarity_at, self._rarity_lists, self._originals_plus_one = self._rarity_lists_of()

    @classmethod
    def from_file(cls, path: str | Path) -> "ArrayPredictor":
        try:
            with np.load(path, allow_pickle=False) as npz:
                return cls({k: npz[k] for k in npz.files})
        except (OSError, ValueError, KeyError) as exc:
            raise PredictorFormatError(f"{Path(path).name} is not a compiled model: {exc}") from exc

    def decision_function(self, X: np.ndarray) -> np.ndarray:
        """The booster's raw score: baseline plus each tree's leaf value, added in tree order."""
        return np.array(self._scores(X), dtype=np.float64)

    def _scores(self, X: np.ndarray) -> list[float]:
        """``decision_function`` as Python floats, which ``predict_proba`` turns into probabilities."""
        X = np.asarray(X, dtype=np.float64)
        if X.ndim != 2 or X.shape[1] != self.n_features:
            raise ValueError(f"expected rows of {self.n_features} features, got shape {X.shape}")
        return [self._raw_score(row) for row in X]

    def _raw_score(self, row: np.ndarray) -> float:
        """One row's score. A page is scored alone, after its parse and signals have left the model's memory cold: a
        walk in Python, node by node, took 0.43 ms a page so (50 µs warm), a few cache misses at each node it visits.
        Here every node's comparison is made at once over the node arrays, read in order, and the trees are walked a
        level at a time, all 200 together: some twenty numpy calls in all, 0.15 ms a page (median, corpus pages).
        The rarity columns' floats are ``rarity_of_counts``'s (``_row_rarity``); numpy compares the same float64s as
        scikit-learn (``x <= threshold``: left; NaN: ``missing_left``) and the leaves are added in tree order, so the
        score is the same to the bit."""
        xs = row.tolist()
        xs += self._row_rarity(xs) if len(self.rarity_columns) else [0.0] * RARITY_COLUMNS
        values = np.array(xs).take(self.feature)  # each node's feature's value (a leaf reads feature 0)
        right = values > self.threshold  # False for NaN...
        if any(x != x for x in xs):
            right |= np.isnan(values) & self._nan_right  # ...which goes where ``missing_left`` says
        step = np.where(right, self._right, self._left)  # a leaf steps to itself
        at = self.roots
        for _ in range(self._depth):
            at = step.take(at)
        total = self.baseline
        for leaf in self.value.take(at).tolist():
            total += leaf
        return total

    def _row_rarity(self, xs: list[float]) -> list[float]:
        """``rarity_of_counts`` of one row in two numpy calls (each costs microseconds on the cold caches a page
        leaves): the counts bisected (as numpy's search; a column at or below 0 counts 0 whatever its count), the
        same float64 quotients (of integers below 2**53: Python divides them as numpy does), numpy's log of them,
        each column's zero put in as ``np.where`` puts it, and numpy's sum of the same floats. The max is Python's,
        which may differ from numpy's only in the sign of a zero, which no comparison of the trees sees."""
        positive = [xs[c] > 0 for c in self._rarity_at]
        quotients = [(len(v) - bisect_left(v, xs[c]) + 1 if up else 1) / plus_one
                     for c, v, up, plus_one in zip(self._rarity_at, self._rarity_lists, positive, self._originals_plus_one)]
        out = [-v if up else 0.0 for v, up in zip(np.log(quotients).tolist(), positive)]
        return [float(np.add.reduce(out)), max(out)]

    def _rarity_lists_of(self) -> tuple[list[int], list[list[float]], list[int]]:
        """The rarity columns and their originals' sorted values, as Python lists for ``_row_rarity``, and how many
        originals each has, plus one (the quotients' divisors)."""
        return (self.rarity_columns.tolist(), [v.tolist() for v in self.rarity_values],
                [len(v) + 1 for v in self.rarity_values])

    def _steps(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Each node's children, a leaf's both itself (so that a walk stays there), and the inner nodes where a NaN
        goes right."""
        index = np.arange(len(self.value))
        return (np.where(self.is_leaf, index, self.left), np.where(self.is_leaf, index, self.right),
                ~self.missing_left & ~self.is_leaf)

    def _max_depth(self) -> int:
        """The levels of the deepest tree: the steps that take every root to its row's leaf. Children follow their
        parent (``__init__`` checks), so the inner nodes run out."""
        depth, level = 0, self.roots
        while (inner := level[~self.is_leaf[level]]).size:
            depth, level = depth + 1, np.concatenate([self.left[inner], self.right[inner]])
        return depth

    def predict_proba(self, X: np.ndarray) -> np.ndarray:
        """In Python floats, which multiply, add and subtract as numpy's float64s do: numpy's calls on one row cost
        more than the arithmetic."""
        # scikit-learn's expit(-z): 1 / (1 + exp(z)) with libm's exp (numpy's may differ in the last bit)
        p = [1.0 / (1.0 + _exp(self.slope * score + self.offset)) for score in self._scores(X)]
        return np.array([(1.0 - q, q) for q in p], dtype=np.float64).reshape(len(p), 2)


def _exp(z: float) -> float:
    """libm's exp, taken as infinite from 709 on (it overflows a little above)."""
    return math.exp(z) if z < 709.0 else math.inf
