"""Optional dependencies: which extra brings which module, and the one-line hint when one is missing.

The distribution is named ``republished-detector`` (``detector`` on PyPI is someone else's project,
so a hint naming it would install a stranger's code); the import package and the command stay
``detector``. A missing optional module must read as an install hint, never as a traceback.
"""

from __future__ import annotations

from collections.abc import Callable

DIST = "republished-detector"

EXTRAS = {
    "matplotlib": "report", "flask": "web", "pyarrow": "parquet", "redis": "redis", "pyspark": "spark",
    "fastwarc": "warc", "warcio": "warc", "trafilatura": "bench", "lxml_html_clean": "bench", "psutil": "bench",
}
"""Top-level module -> the extra of pyproject.toml that installs it."""


def install_hint(extra: str) -> str:
    return f"pip install '{DIST}[{extra}]' (from a checkout: pip install '.[{extra}]')"


def missing_extra(exc: ImportError) -> str | None:
    """The one-line message for an optional module that is not installed; None for any other ImportError."""
    module = (exc.name or "").split(".")[0]
    extra = EXTRAS.get(module)
    return f"{module} is not installed; it comes with the {extra} extra: {install_hint(extra)}" if extra else None


def main_with_hint(main: Callable[[], int | None], prog: str) -> int:
    """Run a script's ``main``; a missing optional module ends it with one line on stderr and exit 1."""
    import sys

    try:
        return main() or 0
    except ImportError as exc:
        message = missing_extra(exc)
        if message is None:
            raise
        print(f"{prog}: {message}", file=sys.stderr)
        return 1


__all__ = ["DIST", "EXTRAS", "install_hint", "main_with_hint", "missing_extra"]
