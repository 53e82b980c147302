"""The model's first step: how rare a page's evidence is among the originals it was trained on.

Each family of farm pages leaves traces of its own (paid keyword anchors, a clone's assets on the
original's host), and a family the model never saw would otherwise look original on every feature
it knows. A trace that almost no original shows is suspicious whatever made it, so two columns are
added to the signals: the sum and the maximum, over the evidence signals, of -log(share of training
originals whose value is at least this page's). A new farm layout with one unheard-of trace then
scores high on columns the model has learned from every other family.
"""

from __future__ import annotations

import numpy as np
from sklearn.base import BaseEstimator, TransformerMixin

from .predictor import rarity_columns


class OriginalRarity(TransformerMixin, BaseEstimator):
    """Append rarity-among-originals columns (sum, max) for the evidence ``columns`` of each row."""

    def __init__(self, columns: tuple[int, ...] = ()) -> None:
        self.columns = columns

    def fit(self, X, y):
        X, y = np.asarray(X, dtype=np.float64), np.asarray(y)
        originals = X[y == 0]
        if not len(originals):
            raise ValueError("rarity needs original pages (label 0) to compare with")
        self.columns_ = np.asarray(self.columns, dtype=np.int64)
        self.sorted_ = [np.sort(originals[:, i]) for i in self.columns_]
        self.n_features_in_ = X.shape[1]
        return self

    def transform(self, X):
        X = np.asarray(X, dtype=np.float64)
        return np.hstack([X, rarity_columns(X, self.columns_, self.sorted_)])
