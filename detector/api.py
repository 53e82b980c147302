"""The library call: ``Detector().score(content, url=None) -> Result``."""

from __future__ import annotations

import time
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field
from pathlib import Path

from threadpoolctl import ThreadpoolController

from .features import vectorize
from .model import LoadedModel, load
from .predictor import ArrayPredictor
from .page import Page, parse_html
from .provenance import BATCH_SIGNAL, REFERENCE_SIGNAL, Match, ReferenceIndex, Source, apply_reference
from .reading import DEFAULT_MAX_BYTES, DEFAULT_MAX_PARSE_SECONDS, read, time_budget
from .rows import REASON_FLOOR, result_row
from .signals import SIGNALS, Signal, extract
from .text_page import parse_text

ORIGINAL, REPUBLISHED = "original", "republished"
_DIRECTIONS = {unit.name: unit.direction for unit in SIGNALS} | {REFERENCE_SIGNAL: 1, BATCH_SIGNAL: 1}


@dataclass
class Result:
    """A verdict with its reasons. ``probability`` is the calibrated probability of "republished"."""

    label: str
    probability: float
    threshold: float
    signals: list[Signal]
    url: str | None = None
    kind: str = "html"
    encoding: str | None = None
    truncated: bool = False
    timings_ms: dict[str, float] = field(default_factory=dict)
    source: Source | None = None  # the most likely original of a republished page (detector.provenance)
    matches: list[Match] = field(default_factory=list)  # best reference-index matches, with a reference
    copies: list = field(default_factory=list)  # the other members of its batch cluster (detector.crosscheck.Copy)

    @property
    def reasons(self) -> list[Signal]:
        """Evidence of republishing: the signals that fired and point to a copy, strongest first."""
        return self._fired(+1)

    @property
    def original_evidence(self) -> list[Signal]:
        """Evidence of an original (a reporter's byline): fired signals that point to the publisher."""
        return self._fired(-1)

    def _fired(self, direction: int) -> list[Signal]:
        """Fired signals of one direction; a value under ``rows.REASON_FLOOR`` is noise, not a reason."""
        return sorted((s for s in self.signals if s.fired and s.value >= REASON_FLOOR
                       and _DIRECTIONS.get(s.name, 0) == direction), key=lambda s: -s.value)

    def to_dict(self, *, id: str | None = None, origin: str | None = None, url: str | None = None) -> dict:
        """The row (``detector.rows``): the same keys and shapes as every CLI output, Parquet and the API."""
        return result_row(self, id=id, origin=origin, url=url)


class Detector:
    """Loads the model once; scores any number of pages.

    ``model_path`` picks another model than the one shipped in the package (it must come with its
    manifest, see ``detector.model``). ``threshold`` overrides the manifest's decision threshold.
    ``reference`` is a reference index of known originals (``detector index build``): its best
    matches are added to each result, and a copy-level match decides (see ``provenance.apply_reference``).
    ``max_bytes`` cuts larger pages; ``max_parse_seconds`` bounds ``score`` on one page (read, parse,
    signals) and raises ``BudgetError`` past it (``reading.time_budget`` says how; None: no bound).
    """

    def __init__(self, model_path: str | Path | None = None, *, threshold: float | None = None,
                 max_bytes: int = DEFAULT_MAX_BYTES, reference: str | Path | ReferenceIndex | None = None,
                 max_parse_seconds: float | None = DEFAULT_MAX_PARSE_SECONDS) -> None:
        self.reference = ReferenceIndex.open(reference) if isinstance(reference, (str, Path)) else reference
        self.model: LoadedModel = load(model_path)
        self.threshold = self.model.threshold if threshold is None else float(threshold)
        self.max_bytes = max_bytes
        self.max_parse_seconds = max_parse_seconds
        # For a joblib model (the arrays use no threads): one row is too small to share among threads,
        # OpenMP's start-up per tree costs more than the prediction (seen: seconds on a busy machine).
        self._threads = ThreadpoolController()

    def _one_thread(self) -> AbstractContextManager:
        """OpenMP held to one thread for a joblib model; nothing for the arrays, which use none (the limit costs
        60 µs a page, set and reset)."""
        if isinstance(self.model.predictor, ArrayPredictor):
            return nullcontext()
        return self._threads.limit(limits=1, user_api="openmp")

    def page(self, content: bytes | str, url: str | None = None, *, kind: str | None = None) -> Page:
        """Read and parse ``content`` once (HTML or a plain-text dump)."""
        doc = read(content, max_bytes=self.max_bytes, kind=kind)
        if doc.kind == "html":
            page = parse_html(doc.text, url, truncated=doc.truncated, utf8=doc.utf8)
        else:
            page = parse_text(doc.text, url, truncated=doc.truncated)
        page.encoding = doc.encoding
        return page

    def score(self, content: bytes | str, url: str | None = None, *, kind: str | None = None) -> Result:
        """Score one page. ``kind`` ("html"/"text") overrides the sniffing of the input."""
        return self.scored_page(content, url, kind=kind)[0]

    def crosscheck(self, pages):
        """Score an iterable of pages as one batch and yield their ``Result``s in order, each with
        ``copies`` (its cluster's other members) and, for a copy of an original found in the batch,
        a "batch-match" source (``detector.crosscheck``). A page is ``(content, url)`` or a Record."""
        from .crosscheck import crosscheck

        return crosscheck(self, pages)

    def scored_page(self, content: bytes | str, url: str | None = None, *,
                    kind: str | None = None) -> tuple[Result, Page]:
        """``score``, with the Page it read (the batch cross-check keeps a print of it)."""
        t0 = time.perf_counter()
        with time_budget(self.max_parse_seconds) as check:
            page = self.page(content, url, kind=kind)
            check()
            t1 = time.perf_counter()
            result = self.score_page(page)
            check()
        result.timings_ms = {"parse": round((t1 - t0) * 1000, 2), **result.timings_ms}
        return result, page

    def score_page(self, page: Page) -> Result:
        t0 = time.perf_counter()
        signals = extract(page)
        page.forget_tree()
        t1 = time.perf_counter()
        row = vectorize(signals, self.model.feature_names).reshape(1, -1)
        with self._one_thread():
            probability = float(self.model.predictor.predict_proba(row)[0, 1])
        t2 = time.perf_counter()
        return apply_reference(Result(
            label=REPUBLISHED if probability >= self.threshold else ORIGINAL,
            probability=probability,
            threshold=self.threshold,
            signals=signals,
            url=page.capture_url or page.url,  # the address it was read from, as the caller gave it
            kind=page.kind,
            encoding=page.encoding,
            truncated=page.truncated,
            timings_ms={"signals": round((t1 - t0) * 1000, 2), "model": round((t2 - t1) * 1000, 2)},
        ), page, self.reference)
