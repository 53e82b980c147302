"""A tiny model fitted on random rows, so that CLI/batch tests run without the shipped model.

It derives its columns from FEATURE_NAMES at run time (the signal list is still growing), and its
labels from the first few columns, so that pages where signals fire lean "republished".
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest


def fit_tiny_model(path: Path) -> Path:
    from detector.features import FEATURE_NAMES
    from detector.model import build_estimator, save

    if not FEATURE_NAMES:
        pytest.skip("no signals registered yet: nothing to fit a model on")
    rng = np.random.default_rng(0)
    x = rng.random((300, len(FEATURE_NAMES))) * (rng.random((300, len(FEATURE_NAMES))) < 0.3)
    y = (x.sum(axis=1) + rng.normal(0, 0.2, 300) > np.median(x.sum(axis=1))).astype(int)
    estimator = build_estimator().set_params(classifier__estimator__max_iter=20)  # fast, not good
    save(estimator.fit(x, y), path, threshold=0.5, training={"note": "test fixture"}, metrics={})
    return path


@pytest.fixture(scope="session")
def tiny_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return fit_tiny_model(tmp_path_factory.mktemp("model") / "tiny.joblib")
