"""Signals -> a fixed, named feature vector. The names and their order are the model's contract."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from .signals import SIGNALS, Signal

FEATURE_NAMES: tuple[str, ...] = tuple(unit.name for unit in SIGNALS)
FEATURE_DIRECTIONS: tuple[int, ...] = tuple(unit.direction for unit in SIGNALS)
"""Monotonic constraints for the model, one per feature (see SignalUnit.direction)."""


def vectorize(signals: Sequence[Signal], names: Sequence[str] = FEATURE_NAMES) -> np.ndarray:
    """One row of floats in ``names`` order; a signal that is absent counts as 0 ("nothing seen")."""
    values = {s.name: s.value for s in signals}
    return np.array([float(values.get(n, 0.0)) for n in names], dtype=np.float64)
