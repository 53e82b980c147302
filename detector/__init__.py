"""detector: tell a publisher's original page from a republished copy, with the reasons.

    >>> from detector import Detector
    >>> result = Detector().score(html, url="https://example.com/story")
    >>> result.label, result.probability, result.reasons
"""

from .errors import (BudgetError, DetectorError, FetchError, ModelError, OutputError, OutputRefused, ReadError,
                     ReferenceIndexError)

__version__ = "0.1.0"

_LAZY = {"Detector": "api", "Result": "api", "Signal": "signals", "Source": "provenance"}

__all__ = ["BudgetError", "Detector", "DetectorError", "FetchError", "ModelError", "OutputError", "OutputRefused",
           "ReadError",
           "ReferenceIndexError", "Result", "Signal", "Source", "__version__"]


def __getattr__(name: str):
    # Imported on first use, so that `import detector.page` or a batch run's parent process does not
    # pay for scikit-learn.
    if name in _LAZY:
        from importlib import import_module

        return getattr(import_module(f".{_LAZY[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
