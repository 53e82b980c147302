"""Score a trained model's predictions: metrics, slices, the operating threshold, the bar, the report.

Everything here works on plain arrays (``y``: 1 = REPUBLISHED, 0 = ORIGINAL; ``proba``: the model's
probability of REPUBLISHED), so it knows nothing about features or training and train.py stays the
only place that fits models. A page is predicted REPUBLISHED when ``proba >= threshold``.

Numbers that cannot be measured on a slice (ROC-AUC with one class, FPR with no negatives, precision
with no predicted positives) are ``None``, never 0 or NaN: absent is not the same as bad.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.calibration import calibration_curve
from sklearn.metrics import (
    brier_score_loss,
    precision_recall_curve,
    roc_auc_score,
    roc_curve,
)

ORIGINAL = "original"  # the family name of real (publisher's own) pages

# The bar a model must clear before it ships; see check_bar.
MIN_ROC_AUC = 0.99
MAX_FPR_ORIGINALS = 0.01
MIN_RECALL = 0.95
MIN_RECALL_LEFT_OUT = 0.85
MIN_RECALL_TEXT = 0.90
MIN_VALIDATION_RECALL = 0.90
MIN_VALIDATION_FAMILY_RECALL = 0.75
MIN_VALIDATION_TEXT_RECALL = 0.85


# --- metrics -------------------------------------------------------------------------------------


def _arrays(y: Any, proba: Any) -> tuple[np.ndarray, np.ndarray]:
    y = np.asarray(y, dtype=int).ravel()
    proba = np.asarray(proba, dtype=float).ravel()
    if y.shape != proba.shape:
        raise ValueError(f"y has {y.size} values but proba has {proba.size}")
    return y, proba


def _ratio(num: int, den: int) -> float | None:
    return num / den if den else None


def metrics(y: np.ndarray, proba: np.ndarray, threshold: float) -> dict:
    """Headline figures for one set of predictions at one threshold.

    ``fpr`` is measured on the negatives only, which is the number that matters to a publisher whose
    original would be called a copy.
    """
    y, proba = _arrays(y, proba)
    pred, truth = proba >= threshold, y == 1
    tp, fp = int(np.sum(pred & truth)), int(np.sum(pred & ~truth))
    fn, tn = int(np.sum(~pred & truth)), int(np.sum(~pred & ~truth))
    positives, negatives = tp + fn, tn + fp
    both = positives > 0 and negatives > 0
    return {
        "n": int(y.size),
        "positives": positives,
        "negatives": negatives,
        "roc_auc": float(roc_auc_score(y, proba)) if both else None,
        "precision": _ratio(tp, tp + fp),
        "recall": _ratio(tp, positives),
        "fpr": _ratio(fp, negatives),
        "brier": float(brier_score_loss(y, proba, pos_label=1)) if y.size else None,
        "tp": tp,
        "fp": fp,
        "tn": tn,
        "fn": fn,
    }


def breakdown(y: np.ndarray, proba: np.ndarray, threshold: float, keys: Sequence[str]) -> dict[str, dict]:
    """metrics() for each distinct key (language, kind, family…), keys in sorted order."""
    y, proba = _arrays(y, proba)
    keys = np.asarray(keys, dtype=object)
    return {str(k): metrics(y[keys == k], proba[keys == k], threshold) for k in sorted(set(keys.tolist()))}


def signal_rates(X: np.ndarray, who: Sequence[str], kinds: Sequence[str], names: Sequence[str],
                 evidence: Sequence[bool], strong: float = 0.5) -> dict[str, dict]:
    """Per evidence signal and kind of page, the share of real originals (``who`` "originals") and of
    generated farm pages ("farms"; other pages are left out) where it fires, and where it reaches
    ``strong``: what each signal costs on publishers' own pages beside what it catches."""
    X, who, kinds = np.asarray(X, dtype=float), np.asarray(who, dtype=object), np.asarray(kinds, dtype=object)
    out: dict[str, dict] = {}
    for i, (name, is_evidence) in enumerate(zip(names, evidence)):
        if not is_evidence:
            continue
        row = {}
        for kind in sorted(set(kinds.tolist())):
            for group in ("originals", "farms"):
                values = X[(who == group) & (kinds == kind), i]
                row[f"{kind} {group} fired"] = float((values > 0).mean()) if values.size else None
                row[f"{kind} {group} >= {strong}"] = float((values >= strong).mean()) if values.size else None
        out[name] = row
    return out


def per_family(y: np.ndarray, proba: np.ndarray, threshold: float, families: Sequence[str]) -> dict[str, dict]:
    """Per farm family, metrics over that family's pages plus the real originals.

    A family's own slice holds only positives, so its ROC-AUC and FPR would be undefined; pairing it
    with the originals asks the useful question "does this family separate from real pages?". The
    originals used are those still labelled 0: an original relabelled republished (a wire story) is
    neither a real original nor a member of the family. The "original" entry covers every page of
    family "original", so its ``fpr`` is the false-positive rate on real originals.
    """
    y, proba = _arrays(y, proba)
    families = np.asarray(families, dtype=object)
    is_original = families == ORIGINAL
    real_originals = is_original & (y == 0)
    out = {}
    for family in sorted(set(families.tolist()) - {ORIGINAL}):
        mask = (families == family) | real_originals
        out[str(family)] = metrics(y[mask], proba[mask], threshold)
    if is_original.any():
        out[ORIGINAL] = metrics(y[is_original], proba[is_original], threshold)
    return out


def max_fpr_within(bar: float, negatives: int, confidence: float = 0.95) -> float:
    """The highest false-positive rate one can observe on ``negatives`` pages and still be
    ``confidence`` sure (one-sided Clopper-Pearson) that the true rate is at most ``bar``.

    More originals to measure on, a target nearer the bar: 2,600 give 0.65 % for a 1 % bar, 650 give 0.31 %.
    """
    from scipy.stats import beta

    k = 0
    while k < negatives and beta.ppf(confidence, k + 2, negatives - k - 1) <= bar:
        k += 1
    return k / negatives if negatives else 0.0


def choose_threshold(y: np.ndarray, proba: np.ndarray, max_fpr: float) -> float:
    """The lowest threshold whose false-positive rate on the negatives is at most ``max_fpr``.

    Call it on out-of-fold predictions of the training split only: a threshold picked on the test
    split would make the test figures optimistic.

    The lowest feasible threshold gives the highest recall. Every threshold between the lowest
    feasible score and the next score down makes the same predictions on these pages; we return the
    midpoint of that gap rather than the score itself, so that an unseen positive scoring a little
    below the lowest training positive is still caught, while the FPR on these pages is unchanged.
    """
    y, proba = _arrays(y, proba)
    if not (y == 0).any() or not (y == 1).any():
        raise ValueError("choose_threshold needs both positives and negatives")
    fpr, _, thresholds = roc_curve(y, proba, drop_intermediate=False)
    # thresholds run from +inf (predict nothing) down to the lowest score; fpr only grows.
    last = int(np.flatnonzero(fpr <= max_fpr + 1e-12)[-1])
    if last == 0:  # even the top score lets too many negatives through: flag nothing
        return float(np.nextafter(thresholds[1], np.inf))
    if last == len(thresholds) - 1:  # every page may be flagged
        return float(thresholds[last])
    return float((thresholds[last] + thresholds[last + 1]) / 2)


# --- the bar -------------------------------------------------------------------------------------


def _bar_entry(value: float | None, required: float, at_least: bool) -> dict:
    met = value is not None and (value >= required if at_least else value <= required)
    return {"value": value, "required": f"{'>=' if at_least else '<='} {required:g}", "met": bool(met)}


def bar_results(report: Mapping[str, Any]) -> dict[str, dict]:
    """The bar as {name: {"value", "required", "met"}}; what train.py stores as report["bar"].

    A figure that is missing from the report counts as not met: a bar that was not measured has not
    been cleared.
    """
    test = report.get("test") or {}
    originals = (report.get("per_family") or {}).get(ORIGINAL) or {}
    candidates = (test.get("fpr_real_originals"), originals.get("fpr"), test.get("fpr"))
    fpr = next((v for v in candidates if v is not None), None)
    bar = {
        "test ROC-AUC": _bar_entry(test.get("roc_auc"), MIN_ROC_AUC, True),
        "FPR on real originals (test)": _bar_entry(fpr, MAX_FPR_ORIGINALS, False),
        "recall (test)": _bar_entry(test.get("recall"), MIN_RECALL, True),
    }
    text = (report.get("per_kind") or {}).get("text") or {}
    bar["recall on text dumps (test)"] = _bar_entry(text.get("recall"), MIN_RECALL_TEXT, True)
    bar["FPR on text dumps of originals (test)"] = _bar_entry(text.get("fpr"), MAX_FPR_ORIGINALS, False)
    # the test side only: the threshold was chosen on the training side's originals of each left-out source
    _each(bar, report.get("leave_one_source_out"), "FPR on left-out source", "fpr_test_side", MAX_FPR_ORIGINALS, False)
    _each(bar, report.get("leave_one_family_out"), "recall on left-out family", "recall", MIN_RECALL_LEFT_OUT, True)
    validation = report.get("validation") or {}
    bar["validation recall"] = _bar_entry((validation.get("overall") or {}).get("recall"), MIN_VALIDATION_RECALL, True)
    bar["validation recall on text dumps"] = _bar_entry(
        ((validation.get("per_kind") or {}).get("text") or {}).get("recall"), MIN_VALIDATION_TEXT_RECALL, True)
    _each(bar, validation.get("per_family"), "validation recall on family", "recall", MIN_VALIDATION_FAMILY_RECALL, True)
    return bar


def _each(bar: dict, slices: Mapping[str, Any] | None, name: str, key: str, required: float, at_least: bool) -> None:
    """One bar entry per slice; a single "not measured" entry when there are none."""
    if not slices:
        bar[f"{name}s"] = _bar_entry(None, required, at_least)
    for slice_name in sorted(slices or {}):
        bar[f"{name} {slice_name}"] = _bar_entry((slices[slice_name] or {}).get(key), required, at_least)


def check_bar(report: Mapping[str, Any]) -> list[str]:
    """Human-readable failures of the bar; an empty list means the model clears it."""
    failures = []
    for name, entry in bar_results(report).items():
        if not entry["met"]:
            value = "not measured" if entry["value"] is None else _fmt(entry["value"])
            failures.append(f"{name} is {value}, required {entry['required']}")
    return failures


# --- the report ----------------------------------------------------------------------------------


def _fmt(value: Any) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "—"
    if isinstance(value, (bool, np.bool_)):
        return "yes" if value else "no"
    if isinstance(value, (int, np.integer)):
        return str(int(value))
    if isinstance(value, (float, np.floating)):
        return f"{float(value):.4f}"
    return _cell(value if isinstance(value, str) else json.dumps(_plain(value), ensure_ascii=False))


def _cell(text: str) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def _table(header: Sequence[str], rows: Sequence[Sequence[Any]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(c if isinstance(c, str) else _fmt(c) for c in row) + " |" for row in rows]
    return lines + [""]


def _slice_table(slices: Mapping[str, Mapping[str, Any]], key_name: str) -> list[str]:
    cols = ["n", "positives", "negatives", "roc_auc", "precision", "recall", "fpr", "brier"]
    rows = [[_cell(k)] + [(m or {}).get(c) for c in cols] for k, m in slices.items()]
    return _table([key_name, "n", "pos", "neg", "ROC-AUC", "precision", "recall", "FPR", "Brier"], rows)


def _plain(value: Any) -> Any:
    """JSON-safe copy: numpy scalars/arrays to Python, NaN/inf to None (they are not valid JSON)."""
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, np.ndarray)):
        return [_plain(v) for v in value]
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, Path):
        return str(value)
    return value


def render_markdown(report: Mapping[str, Any], *, threshold: float, feature_names: Sequence[str] = (),
                    importances: Mapping[str, float] | None = None) -> str:
    """The human-readable report; renders whichever sections the report holds."""
    shown = report.get("threshold")
    md = ["# Evaluation report", "", f"Threshold: **{_fmt(float(threshold if shown is None else shown))}** "
          "(a page is called REPUBLISHED when its probability is at or above it).", ""]

    bar = report.get("bar")
    if not (isinstance(bar, Mapping) and bar and all(isinstance(e, Mapping) and "met" in e for e in bar.values())):
        bar = bar_results(report)  # absent, or stored in another shape: recompute from the figures
    failed = [name for name, e in bar.items() if not e.get("met")]
    md += ["## Bar", ""]
    md += ["**All bars met.**" if not failed else f"**{len(failed)} bar(s) NOT met:** " + ", ".join(failed), ""]
    md += _table(["bar", "value", "required", "result"],
                 [[_cell(name), e.get("value"), _cell(str(e.get("required"))), "met" if e.get("met") else "**NOT met**"]
                  for name, e in bar.items()])

    if test := report.get("test"):
        md += ["## Headline figures (test split)", ""]
        md += _table(["figure", "value"], [
            ["ROC-AUC", test.get("roc_auc")], ["precision", test.get("precision")],
            ["recall", test.get("recall")], ["FPR at threshold", test.get("fpr")], ["Brier", test.get("brier")],
            ["pages (positives / negatives)", f"{_fmt(test.get('n'))} ({_fmt(test.get('positives'))} / "
                                               f"{_fmt(test.get('negatives'))})"],
            ["TP / FP / TN / FN", " / ".join(_fmt(test.get(k)) for k in ("tp", "fp", "tn", "fn"))],
        ])
    sections = [("per_family", "Per family (family + real originals; 'original' = originals only)", "family"),
                ("per_language", "Per language", "language"), ("per_kind", "Per kind", "kind")]
    for key, title, key_name in sections:
        if report.get(key):
            md += [f"## {title}", ""] + _slice_table(report[key], key_name)

    if lofo := report.get("leave_one_family_out"):
        md += ["## Leave-one-family-out", "",
               "Each family is held out of training; recall is on its pages, FPR on the originals.", ""]
        md += _table(["left-out family", "n", "recall", "FPR on originals"],
                     [[_cell(f), (e or {}).get("n"), (e or {}).get("recall"), (e or {}).get("fpr_originals")]
                      for f, e in lofo.items()])

    if loso := report.get("leave_one_source_out"):
        choice = report.get("threshold_choice") or {}
        md += ["## Leave-one-source-out", "",
               "Each corpus source is held out of training (its originals and the farm copies of its articles); "
               "the false-positive rate is on all of that source's originals, and separately on those of the test "
               "split, which no choice read (the bar reads those). The threshold is the higher of the pooled out-of-fold one "
               f"({_fmt(choice.get('pooled_out_of_fold'))}) and the lowest that keeps every left-out source's "
               f"training-split originals at false positives consistent with a 1 % rate (one-sided binomial test at 5 %) ({_fmt(choice.get('worst_left_out_source'))}).", ""]
        md += _table(["left-out source", "originals", "false positives", "FPR", "FPR html", "FPR text",
                      "test-side n", "FPR test side", "threshold it needs"],
                     [[_cell(k), v.get("n"), v.get("fp"), v.get("fpr"), v.get("fpr_html"), v.get("fpr_text"),
                       v.get("n_test_side"), v.get("fpr_test_side"), v.get("threshold_needed")] for k, v in loso.items()])
    if frames := report.get("frames_left_out"):
        md += ["## Frames left out", "", "Test farm pages drawn on a real page's frame come from test-split sites, "
               "which training never saw.", ""]
        md += _table(["pages", "n", "caught", "recall"],
                     [[_cell(k), v.get("n"), v.get("caught"), v.get("recall")] for k, v in frames.items()])
    if validation := report.get("validation"):
        md += ["## Independent validation set (measured only)", "",
               "Farm layouts that none of our code drew (`../shared/validation`), at the shipped threshold. Never "
               "trained on; its pages wrap corpus articles whose other farm copies may be in training.", ""]
        rows = [["overall", *(validation["overall"].get(c) for c in ("n", "caught", "recall"))]]
        rows += [[f"kind {_cell(k)}", v.get("n"), v.get("caught"), v.get("recall")] for k, v in validation["per_kind"].items()]
        rows += [[f"family {_cell(k)}", v.get("n"), v.get("caught"), v.get("recall")] for k, v in validation["per_family"].items()]
        md += _table(["pages", "n", "caught", "recall"], rows)

    if rates := report.get("signal_rates"):
        columns = list(next(iter(rates.values())))
        md += ["## Signals on real originals and farm pages", "",
               "Each evidence signal's share of real originals (not relabelled) and of generated farm pages, train and "
               "test splits together, where it fires and where it reaches 0.5.", ""]
        md += _table(["signal", *columns], [[_cell(name), *(row.get(c) for c in columns)] for name, row in rates.items()])

    if "relabelled" in report:
        items = report.get("relabelled") or []
        md += ["## Relabelled originals", "", f"{len(items)} original(s) relabelled REPUBLISHED.", ""]
        md += [f"- `{_cell(r.get('id', '?'))}` ({_cell(r.get('source') or 'unknown source')}): "
               f"{_cell(r.get('reason', ''))}" for r in items] + [""]

    if training := report.get("training"):
        md += ["## Training summary", ""] + [f"- **{_cell(k)}**: {_fmt(v)}" for k, v in training.items()] + [""]

    if feature_names or importances:
        md += ["## Features", "", f"{len(feature_names)} features."]
        if importances:
            top = sorted(importances.items(), key=lambda kv: -abs(kv[1]))[:15]
            md += ["", "Largest importances (see feature_importances.png):", ""]
            md += _table(["feature", "importance"], [[_cell(k), float(v)] for k, v in top])
        else:
            md += [""]

    md += ["## Plots", ""] + [f"![{name}]({name}.png)" for name in _PLOTS]
    if importances:
        md += ["![feature_importances](feature_importances.png)"]
    return "\n".join(md) + "\n"


_PLOTS = ("roc", "precision_recall", "calibration", "score_histograms")


def write_report(out_dir: Path, report: dict, *, y: np.ndarray, proba: np.ndarray, families: Sequence[str],
                 threshold: float, feature_names: Sequence[str], importances: dict[str, float] | None) -> None:
    """Write report.json, report.md and the PNG plots into ``out_dir``.

    ``y``, ``proba`` and ``families`` are the test-split predictions the plots are drawn from; if the
    report lacks "test" or "per_family", they are computed from them.
    """
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    y, proba = _arrays(y, proba)
    report = dict(report)
    report.setdefault("threshold", float(threshold))
    if "test" not in report:
        report["test"] = metrics(y, proba, threshold)
    if "per_family" not in report:
        report["per_family"] = per_family(y, proba, threshold, families)
    report = _plain(report)
    (out_dir / "report.json").write_text(
        json.dumps(report, indent=2, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8")
    (out_dir / "report.md").write_text(
        render_markdown(report, threshold=threshold, feature_names=feature_names, importances=importances),
        encoding="utf-8")
    _plot(out_dir, y, proba, np.asarray(families, dtype=object), threshold, importances)


# --- plots ---------------------------------------------------------------------------------------


def _figure(*, rows: int = 1, cols: int = 1, size: tuple[float, float] = (5.5, 4.5)):
    """A figure on the Agg canvas, made without pyplot: no display, no global figure registry."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=size, layout="constrained")
    FigureCanvasAgg(fig)
    return fig, fig.subplots(rows, cols, squeeze=False)


def _unmeasurable(ax, what: str) -> None:
    ax.text(0.5, 0.5, f"{what} needs both classes", ha="center", va="center", transform=ax.transAxes)


def _plot(out_dir: Path, y: np.ndarray, proba: np.ndarray, families: np.ndarray, threshold: float,
          importances: Mapping[str, float] | None) -> None:
    both = (y == 0).any() and (y == 1).any()
    pred = proba >= threshold
    here = metrics(y, proba, threshold)

    fig, axes = _figure()
    ax = axes[0, 0]
    if both:
        fpr, tpr, _ = roc_curve(y, proba)
        ax.plot(fpr, tpr, label=f"ROC-AUC {here['roc_auc']:.4f}")
        ax.plot([here["fpr"]], [here["recall"]], "o", color="C3", label=f"threshold {threshold:.3f}")
        ax.plot([0, 1], [0, 1], ":", color="grey")
        ax.legend(loc="lower right")
    else:
        _unmeasurable(ax, "ROC")
    ax.set(xlabel="false-positive rate (originals called copies)", ylabel="recall", title="ROC")
    fig.savefig(out_dir / "roc.png", dpi=110)

    fig, axes = _figure()
    ax = axes[0, 0]
    if both:
        precision, recall, _ = precision_recall_curve(y, proba)
        ax.plot(recall, precision)
        if pred.any():
            ax.plot([here["recall"]], [here["precision"]], "o", color="C3", label=f"threshold {threshold:.3f}")
            ax.legend(loc="lower left")
    else:
        _unmeasurable(ax, "Precision-recall")
    ax.set(xlabel="recall", ylabel="precision", title="Precision-recall", ylim=(0, 1.02))
    fig.savefig(out_dir / "precision_recall.png", dpi=110)

    fig, axes = _figure()
    ax = axes[0, 0]
    if both:
        observed, predicted = calibration_curve(y, proba, n_bins=10, strategy="uniform")
        ax.plot(predicted, observed, "o-", label=f"model (Brier {here['brier']:.4f})")
        ax.plot([0, 1], [0, 1], ":", color="grey", label="perfectly calibrated")
        ax.legend(loc="upper left")
    else:
        _unmeasurable(ax, "Calibration")
    ax.set(xlabel="predicted probability", ylabel="observed share republished", title="Reliability")
    fig.savefig(out_dir / "calibration.png", dpi=110)

    # One panel per family, originals first, on a shared x axis: overlaid histograms of a dozen
    # families are unreadable, and counts differ too much to share a y axis. Log counts, because the
    # few pages near the threshold are what the FPR and recall hinge on.
    names = sorted(set(families.tolist()), key=lambda f: (f != ORIGINAL, str(f))) or ["(none)"]
    cols = min(3, len(names))
    rows = math.ceil(len(names) / cols)
    fig, axes = _figure(rows=rows, cols=cols, size=(4 * cols, 2.6 * rows))
    bins = np.linspace(0, 1, 41)
    for ax, name in zip(axes.flat, names):
        mask = families == name
        for label, colour, text in ((0, "C0", "labelled original"), (1, "C3", "labelled republished")):
            values = proba[mask & (y == label)]
            if values.size:
                ax.hist(values, bins=bins, color=colour, alpha=0.6, log=True, label=f"{text} ({values.size})")
        ax.axvline(threshold, color="black", linestyle="--", linewidth=1)
        ax.set_title(str(name), fontsize=10)
        ax.set_xlim(0, 1)
        ax.legend(fontsize=7)
    for ax in list(axes.flat)[len(names):]:
        ax.set_axis_off()
    fig.suptitle("Probability of REPUBLISHED by family (log counts; dashed: threshold)")
    fig.savefig(out_dir / "score_histograms.png", dpi=110)

    if importances:
        items = sorted(importances.items(), key=lambda kv: abs(kv[1]))[-40:]  # the 40 largest, largest on top
        fig, axes = _figure(size=(7, 1.5 + 0.25 * len(items)))
        ax = axes[0, 0]
        ax.barh([k for k, _ in items], [float(v) for _, v in items])
        ax.set(xlabel="importance", title="Feature importances" + (" (largest 40)" if len(importances) > 40 else ""))
        ax.tick_params(axis="y", labelsize=8)
        fig.savefig(out_dir / "feature_importances.png", dpi=110)
