"""Evaluation: metrics on hand-made predictions with known answers, the threshold, the bar, the report."""

from __future__ import annotations

import json

import numpy as np
import pytest

from training.evaluate import (
    ORIGINAL,
    bar_results,
    breakdown,
    check_bar,
    choose_threshold,
    max_fpr_within,
    metrics,
    per_family,
    signal_rates,
    write_report,
)


def test_perfect_separation():
    m = metrics(np.array([0, 0, 1, 1]), np.array([0.1, 0.2, 0.8, 0.9]), 0.5)
    assert m["roc_auc"] == 1.0
    assert m["fpr"] == 0.0 and m["precision"] == 1.0 and m["recall"] == 1.0
    assert (m["tp"], m["fp"], m["tn"], m["fn"]) == (2, 0, 2, 0)
    assert (m["n"], m["positives"], m["negatives"]) == (4, 2, 2)
    assert m["brier"] == pytest.approx((0.01 + 0.04 + 0.04 + 0.01) / 4)


def test_one_false_positive_and_one_miss():
    y = np.array([0, 0, 0, 0, 1, 1])
    proba = np.array([0.1, 0.2, 0.3, 0.7, 0.4, 0.9])
    m = metrics(y, proba, 0.5)
    assert m["fpr"] == pytest.approx(1 / 4)
    assert m["precision"] == pytest.approx(1 / 2)
    assert m["recall"] == pytest.approx(1 / 2)
    assert (m["tp"], m["fp"], m["tn"], m["fn"]) == (1, 1, 3, 1)
    assert 0 < m["roc_auc"] < 1


def test_unmeasurable_figures_are_none():
    only_positives = metrics(np.array([1, 1]), np.array([0.2, 0.9]), 0.5)
    assert only_positives["roc_auc"] is None and only_positives["fpr"] is None
    assert only_positives["recall"] == 0.5
    nothing_flagged = metrics(np.array([0, 1]), np.array([0.1, 0.2]), 0.5)
    assert nothing_flagged["precision"] is None and nothing_flagged["recall"] == 0.0
    empty = metrics(np.array([], dtype=int), np.array([]), 0.5)
    assert empty["n"] == 0 and empty["brier"] is None


def test_breakdown_and_per_family():
    y = np.array([0, 0, 0, 1, 1, 1, 1])
    proba = np.array([0.1, 0.2, 0.6, 0.9, 0.3, 0.95, 0.8])
    families = [ORIGINAL, ORIGINAL, ORIGINAL, "wp", "wp", "wire", ORIGINAL]  # last: a relabelled original
    by_family = breakdown(y, proba, 0.5, families)
    assert by_family["wp"]["roc_auc"] is None and by_family["wp"]["recall"] == 0.5

    fams = per_family(y, proba, 0.5, families)
    assert set(fams) == {"wp", "wire", ORIGINAL}
    assert (fams["wp"]["positives"], fams["wp"]["negatives"]) == (2, 3)  # the relabelled original is left out
    assert fams["wp"]["fpr"] == pytest.approx(1 / 3)
    assert fams["wire"]["roc_auc"] == 1.0 and fams["wire"]["recall"] == 1.0
    assert fams[ORIGINAL]["n"] == 4 and fams[ORIGINAL]["fpr"] == pytest.approx(1 / 3)


def test_choose_threshold_respects_max_fpr():
    rng = np.random.default_rng(0)
    y = np.r_[np.zeros(200, int), np.ones(200, int)]
    proba = np.r_[rng.beta(2, 5, 200), rng.beta(5, 2, 200)]
    for max_fpr in (0.0, 0.01, 0.05, 0.2):
        t = choose_threshold(y, proba, max_fpr)
        assert metrics(y, proba, t)["fpr"] <= max_fpr
        # the lowest such threshold: the next lower score would break the limit
        lower = proba[proba < t]
        if lower.size:
            assert metrics(y, proba, lower.max())["fpr"] > max_fpr


def test_out_of_fold_target_leaves_room_for_chance_and_grows_with_the_originals():
    from scipy.stats import binom

    small, large = max_fpr_within(0.01, 650), max_fpr_within(0.01, 2600)
    assert 0 < small < large < 0.01
    for n, rate in ((650, small), (2600, large)):
        k = round(rate * n)
        # seeing k false positives is unlikely (<= 5 %) if the true rate were the bar; seeing k + 1 is not
        assert binom.cdf(k, n, 0.01) <= 0.05 < binom.cdf(k + 1, n, 0.01)
    assert max_fpr_within(0.01, 50) == 0.0  # too few originals to allow any


def test_choose_threshold_edges():
    y = np.array([0, 0, 1, 1])
    t = choose_threshold(y, np.array([0.1, 0.3, 0.5, 0.9]), 0.0)
    assert 0.3 < t <= 0.5  # in the gap: every positive caught, no original flagged
    assert choose_threshold(y, np.array([0.1, 0.3, 0.5, 0.9]), 1.0) == 0.1
    t = choose_threshold(y, np.array([0.1, 0.99, 0.5, 0.9]), 0.0)  # a negative scores highest
    assert t > 0.99 and metrics(y, np.array([0.1, 0.99, 0.5, 0.9]), t)["fpr"] == 0
    with pytest.raises(ValueError):
        choose_threshold(np.array([1, 1]), np.array([0.2, 0.4]), 0.01)


def _report(auc=0.999, fpr=0.0, recall=0.99, lofo=None, text_recall=0.95, loso_fpr=0.0, validation_family=0.8) -> dict:
    validation = {"overall": {"recall": 0.95}, "per_kind": {"html": {"recall": 0.97}, "text": {"recall": 0.9}},
                  "per_family": {"blog": {"recall": 0.99}, "portal": {"recall": validation_family}}}
    return {
        "test": {"roc_auc": auc, "recall": recall, "fpr": fpr},
        "per_family": {ORIGINAL: {"fpr": fpr}},
        "per_kind": {"text": {"recall": text_recall, "fpr": 0.005}},
        "leave_one_family_out": lofo if lofo is not None else {"wp": {"recall": 0.9, "n": 10, "fpr_originals": 0}},
        "leave_one_source_out": {"wcxb": {"fpr": 0.0, "fpr_test_side": 0.004},
                                 "fundus": {"fpr": 0.0, "fpr_test_side": loso_fpr}},
        "validation": validation,
    }


def test_check_bar_passes_a_good_report():
    assert check_bar(_report()) == []
    assert all(entry["met"] for entry in bar_results(_report()).values())


@pytest.mark.parametrize(
    ("report", "word"),
    [
        (_report(auc=0.98), "ROC-AUC"),
        (_report(fpr=0.02), "FPR"),
        (_report(recall=0.9), "recall (test)"),
        (_report(lofo={"wp": {"recall": 0.9}, "wire": {"recall": 0.5}}), "wire"),
        (_report(auc=None), "not measured"),
        (_report(text_recall=0.8), "text dumps"),
        (_report(loso_fpr=0.02), "left-out source fundus"),
        (_report(validation_family=0.6), "validation recall on family portal"),
    ],
)
def test_check_bar_flags_each_failure(report, word):
    failures = check_bar(report)
    assert len(failures) == 1 and word in failures[0]


def test_check_bar_flags_missing_everything():
    # ROC-AUC, FPR, recall, text recall and FPR, sources, families, validation overall, text, families
    assert len(check_bar({})) == 10


def test_write_report(tmp_path):
    rng = np.random.default_rng(1)
    families = np.array([ORIGINAL] * 60 + ["wp"] * 30 + ["wire"] * 30, dtype=object)
    y = (families != ORIGINAL).astype(int)
    proba = np.where(y == 1, rng.uniform(0.4, 1, y.size), rng.uniform(0, 0.6, y.size))
    t = 0.5
    report = {
        "test": metrics(y, proba, t),
        "per_family": per_family(y, proba, t, families),
        "per_language": breakdown(y, proba, t, ["en"] * 80 + ["zh"] * 40),
        "per_kind": breakdown(y, proba, t, ["html"] * 100 + ["text"] * 20),
        "leave_one_family_out": {"wp": {"recall": 0.7, "n": 30, "fpr_originals": 0.0}},
        "relabelled": [{"id": "orig-7", "source": "wcxb", "reason": "wire dateline in the text: (AP) |x"}],
        "training": {"corpus": "/work/shared/corpus", "seed": 7, "families": ["wp", "wire"]},
        "threshold": t,
        "odd": np.float64("nan"),
    }
    report["bar"] = bar_results(report)
    write_report(tmp_path, report, y=y, proba=proba, families=families, threshold=t,
                 feature_names=["a", "b"], importances={"a": 0.7, "b": -0.2})

    for name in ("report.json", "report.md", "roc.png", "precision_recall.png", "calibration.png",
                 "score_histograms.png", "feature_importances.png"):
        assert (tmp_path / name).stat().st_size > 0, name
    assert (tmp_path / "roc.png").read_bytes()[:4] == b"\x89PNG"
    saved = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    assert saved["threshold"] == t and saved["odd"] is None
    md = (tmp_path / "report.md").read_text(encoding="utf-8")
    assert "NOT met" in md
    for text in ("ROC-AUC", "Brier", "Per family", "Per language", "Leave-one-family-out", "orig-7",
                 "Training summary", "roc.png"):
        assert text in md, text


def test_write_report_survives_a_sparse_report(tmp_path):
    y, proba = np.array([1, 1]), np.array([0.8, 0.9])
    write_report(tmp_path, {}, y=y, proba=proba, families=["wp", "wp"], threshold=0.5,
                 feature_names=[], importances=None)
    assert (tmp_path / "roc.png").exists() and not (tmp_path / "feature_importances.png").exists()
    assert "NOT met" in (tmp_path / "report.md").read_text(encoding="utf-8")


def test_report_renders_a_bar_stored_in_another_shape(tmp_path):
    report = _report(recall=0.5)
    report["bar"] = {"met": False, "failures": check_bar(report)}  # not name -> {value, required, met}
    write_report(tmp_path, report, y=np.array([0, 1]), proba=np.array([0.1, 0.9]), families=[ORIGINAL, "wp"],
                 threshold=0.5, feature_names=[], importances=None)
    md = (tmp_path / "report.md").read_text(encoding="utf-8")
    assert "recall (test) | 0.5000 | >= 0.95 | **NOT met**" in md


def test_bar_prefers_the_fpr_on_real_originals():
    report = _report()
    report["test"]["fpr_real_originals"] = 0.05
    assert any("FPR" in f for f in check_bar(report))


def test_signal_rates_count_originals_and_farm_pages_apart_per_kind(tmp_path):
    X = np.array([[0.0, 1.0], [0.3, 1.0], [0.0, 1.0], [0.9, 0.0], [0.6, 0.0], [1.0, 0.0]])
    who = ["originals", "originals", "originals", "farms", "farms", ""]  # the last: a dressed original, left out
    rates = signal_rates(X, who, ["html"] * 6, ["wire_dateline", "byline_person"], [True, False])
    assert list(rates) == ["wire_dateline"]  # evidence for an original is no cost
    row = rates["wire_dateline"]
    assert row["html originals fired"] == pytest.approx(1 / 3) and row["html originals >= 0.5"] == 0
    assert row["html farms fired"] == 1 and row["html farms >= 0.5"] == 1
    write_report(tmp_path, {"signal_rates": rates, "threshold": 0.5}, y=np.array([0, 1]), proba=np.array([0.1, 0.9]),
                 families=["original", "wp"], threshold=0.5, feature_names=[], importances=None)
    assert "| wire_dateline |" in (tmp_path / "report.md").read_text(encoding="utf-8")
