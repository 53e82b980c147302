"""(being written)"""

from __future__ import annotations

from .base import SignalUnit

SIGNALS: list[SignalUnit] = []
