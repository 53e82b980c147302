"""What a signal is: a small unit that reads a Page and returns one named score with its evidence."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass
from typing import ClassVar

from ..page import Page
from ..text import shorten


Where = Callable[[], "str | None"]
"""A piece of text's locator, made only for the text that fires: a line's CSS path is a walk up the tree
(``Page.locate``), and most lines a signal reads show nothing."""


def known(locator: str | None) -> Where:
    """A locator that the Page already holds (a paragraph's), as a ``Where``."""
    return lambda: locator


@dataclass(frozen=True)
class Facts:
    """What a signal found, for machines: the address, domain, wire agency or outlet name it names,
    whole (evidence is cut for people at 200 characters, and nothing should parse it back)."""

    url: str | None = None
    domain: str | None = None
    wire: str | None = None
    name: str | None = None


@dataclass(frozen=True)
class Signal:
    """One signal's reading of a page.

    ``value`` is a score in [0, 1] (or, for measurements such as a share, a plain number); 0 means
    nothing was seen, which includes "could not tell". ``evidence`` is the text that the signal saw,
    cut to a readable length; ``locator`` is where it was (a CSS path, or "line N" of a text dump).
    ``facts``: what it names, for ``provenance.source_of`` (None where a signal names nothing).
    """

    name: str
    value: float
    evidence: str = ""
    locator: str | None = None
    facts: Facts | None = None

    @property
    def fired(self) -> bool:
        return self.value > 0 and bool(self.evidence)

    def to_dict(self) -> dict:
        return asdict(self)


class SignalUnit:
    """Base for signals: subclasses set ``name`` and ``description`` and implement ``score``.

    Signals are pure functions of the Page: no I/O, no globals, no model, so that the same code runs
    in the CLI, in worker processes and on Spark executors.
    """

    name: ClassVar[str]
    description: ClassVar[str]
    direction: ClassVar[int] = 1
    """How the score may move the verdict: +1 more is more republished-like (evidence), -1 more is more
    original-like (a reporter's byline), 0 either way (measurements such as shares of the page). The
    model is constrained to respect it, so that seeing more evidence never lowers a probability."""

    def score(self, page: Page) -> Signal:
        raise NotImplementedError

    def found(self, value: float, evidence: str, locator: str | None = None, facts: Facts | None = None) -> Signal:
        return Signal(self.name, round(float(value), 4), shorten(evidence, 200), locator, facts)

    def measured(self, value: float) -> Signal:
        """A number that is reported without evidence text (e.g. a share of the page)."""
        return Signal(self.name, round(float(value), 4))

    def nothing(self) -> Signal:
        return Signal(self.name, 0.0)
