"""The transfer figures: recipes, leave-one-source-out, the worst-source threshold, frames left out."""

from __future__ import annotations

import numpy as np
import pytest

from detector.features import FEATURE_NAMES
from training.corpus import Example
from training.transfer import (
    LAYOUT_FEATURES,
    Recipe,
    SourceOut,
    allowed_false_positives,
    corpus_sources,
    frames_left_out,
    source_report,
    source_thresholds,
)


def _example(id_: str, *, label: int, family: str, source: str = "", group: str = "", kind: str = "html",
             value: float = 1.0, frame: str | None = None) -> Example:
    return Example(id=id_, group=group or id_, label=label, family=family, lang="en", kind=kind,
                   features=np.full(len(FEATURE_NAMES), value), source=source, frame=frame)


def test_recipe_without_zeroes_only_the_named_columns_and_refuses_unknown_names():
    X = Recipe(without=LAYOUT_FEATURES).matrix([_example("a", label=0, family="original")])
    dropped = [FEATURE_NAMES.index(n) for n in LAYOUT_FEATURES]
    assert (X[0, dropped] == 0).all()
    assert (np.delete(X[0], dropped) == 1).all()
    with pytest.raises(ValueError, match="no_such_feature"):
        Recipe(without=("no_such_feature",))


def test_balance_gives_each_source_and_each_family_the_same_weight_within_its_class():
    examples = ([_example(f"w{i}", label=0, family="original", source="wcxb") for i in range(9)]
                + [_example("f0", label=0, family="original", source="fundus")]
                + [_example(f"c{i}", label=1, family="clone") for i in range(3)]
                + [_example(f"l{i}", label=1, family="link_farm") for i in range(1)])
    w = Recipe(balance=True).weights(examples)
    assert w[:9].sum() == pytest.approx(w[9])  # the one fundus page weighs as much as nine wcxb pages
    assert w[10:13].sum() == pytest.approx(w[13])
    assert w.sum() == pytest.approx(len(examples))
    assert Recipe().weights(examples) is None


def test_farm_pages_belong_to_the_source_of_the_article_they_copy():
    original = _example("art1", label=0, family="original", source="fundus", group="site.de")
    farm = _example("art1-wire_farm-5", label=1, family="wire_farm", source="generated", group="art1")
    assert corpus_sources([original, farm]) == {"art1": "fundus", "art1-wire_farm-5": "fundus"}


def test_a_source_may_show_the_false_positives_a_one_percent_rate_would_plausibly_give() -> None:
    from scipy.stats import binom

    for n in (3, 90, 300, 1730):
        k = allowed_false_positives(n)
        assert binom.sf(k - 1, n, 0.01) >= 0.05 > binom.sf(k, n, 0.01)  # k or more is plausible, k + 1 is not
    assert allowed_false_positives(3) == 0 and allowed_false_positives(90) == 3


def test_source_thresholds_flag_no_more_than_the_allowed_pages_of_each_source() -> None:
    big = SourceOut("big", np.linspace(0, 0.9, 300), np.array([]), ["html"] * 300)  # six allowed
    small = SourceOut("small", np.array([0.2, 0.5, 0.7]), np.array([0.95]), ["html"] * 4)  # none allowed
    need = source_thresholds([big, small])
    top = np.sort(big.train_side)[::-1]
    assert top[6] < need["big"] <= top[5]  # the lowest threshold that flags six of them, not seven
    assert (small.train_side >= need["small"]).sum() == 0 and need["small"] == pytest.approx(0.7, abs=1e-9)
    report = source_report([big, small], max(need.values()))
    assert report["small"]["fp"] == 1 and report["small"]["fpr_test_side"] == 1.0  # the test side is reported, not chosen on
    assert report["big"]["fpr_text"] is None and report["big"]["threshold_needed"] == need["big"]


def test_frames_left_out_splits_each_family_by_frame():
    test = [_example("o", label=0, family="original"),
            _example("a", label=1, family="clone", frame="site.fr"),
            _example("b", label=1, family="clone"),
            _example("c", label=1, family="clone", frame="site.es")]
    out = frames_left_out(test, np.array([0.9, 0.9, 0.1, 0.2]), 0.5)
    assert out["clone on a real frame"] == {"n": 2, "caught": 1, "recall": 0.5}
    assert out["clone on our templates"]["recall"] == 0.0
    assert out["all families on a real frame"]["n"] == 2
