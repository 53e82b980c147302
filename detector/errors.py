"""Every error a caller of the library can catch, under one base: ``except DetectorError``.

Each subclass also keeps the built-in base it had before this module (``ValueError`` for a bad input
or index, ``RuntimeError`` for a model), so that code written against those still works.
"""

from __future__ import annotations


class DetectorError(Exception):
    """Base of every error the detector raises on purpose; anything else is a bug."""


class ReadError(DetectorError, ValueError):
    """The input cannot be read as a web page (empty, binary, unknown kind); the message says why."""


class BudgetError(ReadError):
    """The page needed more time than the budget allows: an error row, not a hung worker."""


class ModelError(DetectorError, RuntimeError):
    """The model file cannot be used: missing, tampered with, or trained on other features."""


class FetchError(DetectorError):
    """The URL could not be fetched as a web page; the message says why (and names the URL)."""


class ReferenceIndexError(DetectorError, ValueError):
    """The folder is no reference index, or one in another format."""


class OutputError(DetectorError, RuntimeError):
    """A batch output cannot be written or resumed (e.g. written by another version with other columns)."""


class OutputRefused(OutputError):
    """An output refused before anything was written (it holds results, or is one of the inputs)."""


__all__ = ["BudgetError", "DetectorError", "FetchError", "ModelError", "OutputError", "OutputRefused", "ReadError",
           "ReferenceIndexError"]
