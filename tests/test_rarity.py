"""Rarity among originals: the model's route to farm layouts it never saw."""

import numpy as np

from detector.model import build_estimator
from detector.rarity import OriginalRarity


def test_evidence_no_original_shows_is_rarer_than_evidence_many_originals_show():
    rng = np.random.default_rng(0)
    X = np.zeros((200, 3))
    X[:100, 1] = rng.random(100) < 0.5  # half the originals show evidence 1; none shows 0 or 2
    y = np.r_[np.zeros(100), np.ones(100)]
    X[100:, 0] = 1.0  # the training farms' own trace
    r = OriginalRarity((0, 1)).fit(X, y)
    out = r.transform(np.array([[0, 0, 0], [0, 1, 0], [1, 0, 0], [1, 1, 5]], dtype=float))
    assert out.shape == (4, 5) and np.array_equal(out[:, :3], [[0, 0, 0], [0, 1, 0], [1, 0, 0], [1, 1, 5]])
    total, top = out[:, 3], out[:, 4]
    assert total[0] == top[0] == 0  # nothing seen: nothing rare
    assert 0.5 < top[1] < 1.0 and top[2] == np.log(101)  # ~ -log(1/2) against -log(1/101)
    assert total[3] == top[1] + top[2]  # column 2 is not evidence: its 5 counts for nothing


def test_a_trace_the_training_farms_never_showed_still_raises_the_probability():
    """Train on farms with one trace (column 0), score a page with another (column 1): a new layout."""
    rng = np.random.default_rng(1)
    n = 600
    X = np.zeros((n, 4))
    y = (np.arange(n) >= n // 2).astype(int)
    X[:, 3] = rng.random(n)  # a layout feature, the same for both classes
    X[y == 1, 0] = rng.uniform(0.5, 1.0, (y == 1).sum())
    X[y == 0, 0] = np.where(rng.random((y == 0).sum()) < 0.03, rng.uniform(0.1, 0.6, (y == 0).sum()), 0)
    X[y == 0, 1] = np.where(rng.random((y == 0).sum()) < 0.03, 0.2, 0)  # originals barely show trace 1
    from detector import model

    directions = model.FEATURE_DIRECTIONS
    model.FEATURE_DIRECTIONS = (1, 1, 1, 0)
    try:
        fitted = build_estimator(0).fit(X, y)
    finally:
        model.FEATURE_DIRECTIONS = directions
    new_layout = np.array([[0, 0.9, 0, 0.5]])
    plain = np.array([[0, 0, 0, 0.5]])
    assert fitted.predict_proba(new_layout)[0, 1] > 0.5 > fitted.predict_proba(plain)[0, 1]
