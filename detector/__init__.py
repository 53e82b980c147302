"""detector: tell a publisher's original page from a republished copy, with the reasons.

    >>> from detector import Detector
    >>> result = Detector().score(html, url="https://example.com/story")
    >>> result.label, result.probability, result.reasons
"""

__all__ = ["Detector", "Result"]


def __getattr__(name: str):
    # Imported on first use, so that `import detector.page` or a batch run's parent process does not
    # pay for scikit-learn.
    if name in __all__:
        from . import api

        return getattr(api, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
__version__ = "0.1.0"
