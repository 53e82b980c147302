"""Whole-file outputs written atomically: a crash or a kill leaves the old file or the new one, never half.

Row streams (JSONL, CSV) are appended and flushed instead, and ``batch`` resumes them from the last
complete line; files that are only meaningful whole (a model, its manifest, an HTML report) go here.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path


def atomic_write(path: str | Path, write: Callable[[Path], None]) -> None:
    """Call ``write(tmp)`` on a temporary file beside ``path``, fsync it, then rename it over ``path``."""
    path = Path(path)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        write(tmp)
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def atomic_write_text(path: str | Path, text: str) -> None:
    atomic_write(path, lambda tmp: tmp.write_text(text, "utf-8"))


__all__ = ["atomic_write", "atomic_write_text"]
