"""The registry of signals.

Each family module lists its units in its own ``SIGNALS``; adding a signal means writing one
SignalUnit and appending it there. The order here is the order of the feature vector.
"""

from __future__ import annotations

from ..page import Page
from . import attribution, byline, dates, identity, link_blocks, outlinks, residue, structure, voice
from .base import Signal, SignalUnit

SIGNALS: list[SignalUnit] = [
    *identity.SIGNALS,
    *attribution.SIGNALS,
    *voice.SIGNALS,
    *link_blocks.SIGNALS,
    *outlinks.SIGNALS,
    *byline.SIGNALS,
    *residue.SIGNALS,
    *dates.SIGNALS,
    *structure.SIGNALS,
]


def extract(page: Page, signals: list[SignalUnit] | None = None) -> list[Signal]:
    """Every registered signal's reading of ``page``, in registry order."""
    return [unit.score(page) for unit in (SIGNALS if signals is None else signals)]


__all__ = ["SIGNALS", "Signal", "SignalUnit", "extract"]
