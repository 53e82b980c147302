"""Whole-file outputs written atomically, and the checks that keep an output from destroying anything.

Row streams (JSONL, CSV) are appended and flushed instead, and ``batch`` resumes them from the last
complete line; files that are only meaningful whole (a model, its manifest, an HTML report, Parquet)
go through ``atomic_write``. A rename replaces whatever sits at the name, so it is only done onto a
regular file: a symlink is followed to the file it names (the link stays), a device or FIFO is
written through (``-o /dev/stdout`` works, ``/dev/null`` stays a device), and the temporary file is
made by ``mkstemp`` (O_EXCL, a random name) in the target's own folder, so that a planted symlink
cannot redirect it.
"""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path


def is_special(path: str | Path) -> bool:
    """True for an existing device, FIFO or socket (after following symlinks): write through it."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False
    return not stat.S_ISREG(mode) and not stat.S_ISDIR(mode)


def atomic_write(path: str | Path, write: Callable[[Path], None]) -> None:
    """Call ``write(tmp)`` on a fresh temporary file beside ``path``, fsync it, then rename it over
    ``path`` (over the file a symlink names, not the link). A device or FIFO is written directly."""
    path = Path(os.path.realpath(path))
    if is_special(path):
        write(path)
        return
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    tmp = Path(name)
    try:
        write(tmp)
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes it 0600; the file gets the usual mode
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def atomic_write_text(path: str | Path, text: str) -> None:
    atomic_write(path, lambda tmp: tmp.write_text(text, "utf-8"))


def same_file(a: str | Path, b: str | Path) -> bool:
    """Whether ``a`` and ``b`` are one existing file (through links, ``./``, hard links)."""
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


__all__ = ["atomic_write", "atomic_write_text", "is_special", "same_file"]
