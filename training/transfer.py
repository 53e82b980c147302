"""Will the model hold on a publisher and a farm we have never seen? Fits and figures that ask that.

Every fit in training goes through a ``Recipe`` (which features it may use, how it weighs groups), so
that the shipped model, its threshold and every held-out figure come from the same recipe. The
figures here imitate the outside world:

- leave one source out: the corpus's sources are different crawls of different publishers; a model
  trained without one of them meets that source's pages as it would meet a new publisher;
- frames left out: farm pages drawn on the frame of a site that training never saw;
- the independent validation set: farm layouts that none of our code drew (measured, never trained on).
"""

from __future__ import annotations

import gzip
import json
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from detector.features import FEATURE_NAMES
from detector.model import build_estimator

from . import evaluate
from .corpus import Example, featurize_content, matrix, parallel_map
from .dressed import DRESSED

LAYOUT_FEATURES = ("main_text_share", "link_density", "boilerplate_ratio", "main_text_words", "link_block_share")
"""Proportions of the page rather than evidence on it: they separate our generator's pages from
originals more than the world's farms from the world's publishers (see the README)."""


@dataclass(frozen=True)
class Recipe:
    """How every model of one training run is fitted.

    ``without`` names features the trees may not use: their columns are zeroed in training, so no
    split is ever made on them and the feature list (the model's contract) stays the same.
    ``balance`` weighs each corpus source of originals, and each farm family, equally within its
    class, so that the largest source or family does not decide where the boundary lies.
    """

    seed: int = 0
    without: tuple[str, ...] = ()
    balance: bool = False
    _columns: tuple[int, ...] = field(init=False, repr=False, default=())

    def __post_init__(self) -> None:
        unknown = sorted(set(self.without) - set(FEATURE_NAMES))
        if unknown:
            raise ValueError(f"unknown feature(s) {', '.join(unknown)}; known: {', '.join(FEATURE_NAMES)}")
        object.__setattr__(self, "_columns", tuple(FEATURE_NAMES.index(n) for n in self.without))

    def matrix(self, examples: Sequence[Example]) -> np.ndarray:
        return self.mask(matrix(list(examples)))

    def mask(self, X: np.ndarray) -> np.ndarray:
        """``X`` with the columns of the features the trees may not use zeroed (in place)."""
        if self._columns:
            X[:, list(self._columns)] = 0.0
        return X

    def weights(self, examples: Sequence[Example]) -> np.ndarray | None:
        if not self.balance:
            return None
        keys = [group_key(e) for e in examples]
        counts, per_class = Counter(keys), Counter(e.label for e in examples)
        groups_in_class = Counter(label for label, _ in counts)
        w = np.array([per_class[k[0]] / (groups_in_class[k[0]] * counts[k]) for k in keys])
        return w * len(w) / w.sum()

    def fit_params(self, examples: Sequence[Example]) -> dict:
        w = self.weights(examples)
        return {} if w is None else {"classifier__sample_weight": w}

    def fit(self, examples: Sequence[Example]):
        y = np.array([e.label for e in examples])
        return build_estimator(self.seed).fit(self.matrix(examples), y, **self.fit_params(examples))

    def fit_and_predict(self, train: Sequence[Example], test: Sequence[Example]):
        model = self.fit(train)
        return model, (model.predict_proba(self.matrix(test))[:, 1] if len(test) else np.zeros(0))


def group_key(e: Example) -> tuple[int, str]:
    """(label, group) for balancing: originals by corpus source, farm pages by family."""
    return e.label, (e.source if e.family == evaluate.ORIGINAL else e.family)


def corpus_sources(examples: Iterable[Example]) -> dict[str, str]:
    """Example id -> the corpus source its article comes from (a farm page's group is its article's id)."""
    examples = list(examples)
    of_article = {e.id: e.source for e in examples if e.family == evaluate.ORIGINAL}
    return {e.id: (e.source if e.family in (evaluate.ORIGINAL, DRESSED) else of_article.get(e.group, "")) for e in examples}


def real_originals(examples: Iterable[Example]) -> list[Example]:
    return [e for e in examples if e.family == evaluate.ORIGINAL and e.label == 0]


@dataclass
class SourceOut:
    """One left-out source: its originals' probabilities from a model that never saw the source."""

    source: str
    train_side: np.ndarray  # originals of the training split (used to choose the threshold)
    test_side: np.ndarray  # originals of the test split (reported, never used for a choice)
    kinds: list[str]  # "html"/"text" of train_side + test_side, in that order


def leave_one_source_out(recipe: Recipe, train: list[Example], test: list[Example], log=print) -> list[SourceOut]:
    """Fit once per corpus source without that source's originals and without the farm copies of its
    articles; score that source's originals on both sides of the split."""
    source = corpus_sources(train + test)
    out = []
    for s in sorted({source[e.id] for e in real_originals(train)}):
        kept = [e for e in train if source[e.id] != s]
        train_side = [e for e in real_originals(train) if source[e.id] == s]
        test_side = [e for e in real_originals(test) if source[e.id] == s]
        _, proba = recipe.fit_and_predict(kept, train_side + test_side)
        out.append(SourceOut(s, proba[: len(train_side)], proba[len(train_side):],
                             [e.kind for e in train_side + test_side]))
        log(f"  left out source {s}: {len(train_side)} + {len(test_side)} originals")
    return out


def allowed_false_positives(n: int, max_fpr: float = evaluate.MAX_FPR_ORIGINALS, alpha: float = 0.05) -> int:
    """The most false positives among ``n`` originals that are still consistent with a true rate of
    ``max_fpr``: seeing that many or more has at least ``alpha`` chance at that rate (one-sided
    binomial test). 90 pages allow three, 1,730 allow 24; demanding the rounded share instead let
    the two highest-scoring pages of the smallest source set the threshold for everyone."""
    from scipy.stats import binom

    k = 0
    while k < n and binom.sf(k, n, max_fpr) >= alpha:  # P(X >= k + 1)
        k += 1
    return k


def source_thresholds(left_out: list[SourceOut], max_fpr: float = evaluate.MAX_FPR_ORIGINALS) -> dict[str, float]:
    """Per left-out source, the lowest threshold at which the false positives among its training-split
    originals stay consistent with a rate of ``max_fpr`` (``allowed_false_positives``)."""
    need = {}
    for so in left_out:
        scores = np.sort(so.train_side)[::-1]
        allowed = allowed_false_positives(len(scores), max_fpr)
        need[so.source] = float(np.nextafter(scores[allowed], np.inf)) if len(scores) > allowed else 0.0
    return need


def source_report(left_out: list[SourceOut], threshold: float) -> dict[str, dict]:
    """Per left-out source: false positives at ``threshold`` on each side and on both, by kind, and the
    threshold that the source alone would have needed."""
    out, need = {}, source_thresholds(left_out)
    for so in left_out:
        both = np.concatenate([so.train_side, so.test_side])
        kinds = np.array(so.kinds)
        row = {"n": int(both.size), "fp": int((both >= threshold).sum()),
               "fpr": float((both >= threshold).mean()) if both.size else None,
               "n_test_side": int(so.test_side.size),
               "fpr_test_side": float((so.test_side >= threshold).mean()) if so.test_side.size else None,
               "threshold_needed": need[so.source]}
        for kind in ("html", "text"):
            mask = kinds == kind
            row[f"fpr_{kind}"] = float((both[mask] >= threshold).mean()) if mask.any() else None
        out[so.source] = row
    return out


def frames_left_out(test: list[Example], proba: np.ndarray, threshold: float) -> dict[str, dict]:
    """Recall on test farm pages drawn on a real frame (whose site, being on the test side, training
    never saw), per family, next to the same family's pages on our own templates."""
    pairs = [((e.family, "a real frame" if e.frame else "our templates"), bool(p >= threshold))
             for e, p in zip(test, proba) if e.family != evaluate.ORIGINAL and e.label == 1]
    return {**_recall(pairs, lambda r: f"all families on {r[1]}"), **_recall(pairs, lambda r: f"{r[0]} on {r[1]}")}


def default_validation() -> Path:
    from .corpus import default_corpus_dir

    return default_corpus_dir().parent / "validation" / "items.jsonl.gz"


def _featurize_item(item: dict) -> tuple[str, str, np.ndarray | None]:
    try:
        features, _ = featurize_content(item["content"], item.get("url"), item["kind"])
    except Exception:  # a page the detector cannot parse counts as missed, not as a crash of the run
        features = None
    return item["family"], item["kind"], features


def validation_recall(model, recipe: Recipe, threshold: float, path: Path, jobs: int) -> dict:
    """Recall at ``threshold`` on the independent validation set, per family and per kind.

    Measuring only: nothing in training reads these pages or these figures.
    """
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        items = [json.loads(line) for line in fh if line.strip()]
    rows = list(parallel_map(_featurize_item, items, jobs))
    X = recipe.mask(np.vstack([f if f is not None else np.zeros(len(FEATURE_NAMES)) for _, _, f in rows]))
    caught = model.predict_proba(X)[:, 1] >= threshold
    caught &= np.array([f is not None for _, _, f in rows])
    return {"overall": _recall(zip(rows, caught), lambda r: "all")["all"],
            "per_family": _recall(zip(rows, caught), lambda r: r[0]),
            "per_kind": _recall(zip(rows, caught), lambda r: r[1])}


def _recall(pairs: Iterable[tuple[tuple, bool]], key) -> dict[str, dict]:
    out: dict[str, dict] = {}
    for row, hit in pairs:
        counts = out.setdefault(key(row), {"n": 0, "caught": 0})
        counts["n"] += 1
        counts["caught"] += int(hit)
    for counts in out.values():
        counts["recall"] = counts["caught"] / counts["n"]
    return dict(sorted(out.items()))
