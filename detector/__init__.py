"""detector: tell a publisher's original page from a republished copy, with the reasons.

    >>> from detector import Detector
    >>> result = Detector().score(html, url="https://example.com/story")
    >>> result.label, result.probability, result.reasons
"""

from .api import Detector, Result

__all__ = ["Detector", "Result"]
__version__ = "0.1.0"
