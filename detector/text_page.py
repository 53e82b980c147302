"""The text-dump builder's old address: it lives in ``detector.page.text`` now."""

from .page.text import parse_text

__all__ = ["parse_text"]
