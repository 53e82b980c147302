"""Result rows (``detector score -o results.jsonl``) -> one self-contained HTML summary.

A batch verdict is trusted when its shape is visible: where the probabilities fall against the
threshold, which hosts carry the republished pages, and which signals drive the verdicts. Plots are
matplotlib PNGs (Agg, no display) embedded as base64, so the summary is one file with no scripts.
"""

from __future__ import annotations

import base64
import html
import io
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TextIO

from .. import sites
from ..sites import aggregate
from .page_report import CSP, template


@dataclass
class Batch:
    rows: list[dict] = field(default_factory=list)  # scored rows
    failed: list[dict] = field(default_factory=list)  # error rows
    bad_lines: list[str] = field(default_factory=list)  # "line N: reason" for unreadable JSONL


def read_rows(fh: TextIO) -> Batch:
    """Every row of a results file; bad lines are counted and named, not fatal."""
    batch = Batch()
    for row in sites.read_rows(fh, lambda n, reason: batch.bad_lines.append(f"line {n}: {reason}")):
        (batch.failed if row.get("error") or row.get("label") is None else batch.rows).append(row)
    return batch


def _names(reasons: Iterable) -> set[str]:
    return {r["name"] if isinstance(r, dict) else str(r) for r in reasons or []}


def top_signals(rows: Iterable[dict], n: int = 15) -> list[tuple[str, int, int]]:
    """(signal, pages where it fired, of those labelled republished), most frequent first."""
    fired, on_rep = Counter(), Counter()
    for row in rows:
        names = _names(row.get("reasons"))
        fired.update(names)
        if row.get("label") == "republished":
            on_rep.update(names)
    return [(name, c, on_rep[name]) for name, c in fired.most_common(n)]


def _png(fig) -> str:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=100, bbox_inches="tight")
    return base64.b64encode(buf.getvalue()).decode("ascii")


def _plots(batch: Batch, signals: list[tuple[str, int, int]]) -> tuple[str, str]:
    import matplotlib

    matplotlib.use("Agg")  # no display; must precede pyplot
    import matplotlib.pyplot as plt

    probs = {lab: [float(r["probability"]) for r in batch.rows if r.get("label") == lab]
             for lab in ("original", "republished")}
    fig, ax = plt.subplots(figsize=(7, 3.2))
    ax.hist([probs["original"], probs["republished"]], bins=20, range=(0, 1), stacked=True,
            color=["#1e8449", "#c0392b"], label=["original", "republished"])
    thresholds = {float(r["threshold"]) for r in batch.rows if r.get("threshold") is not None}
    for t in thresholds:
        ax.axvline(t, color="#222", linestyle="--", linewidth=1)
    ax.set_xlabel("probability of republished" + (" (dashed: threshold)" if thresholds else ""))
    ax.set_ylabel("pages")
    ax.legend()
    histogram = _png(fig)
    plt.close(fig)

    fig, ax = plt.subplots(figsize=(7, 0.35 * max(len(signals), 2) + 0.8))
    names = [s[0].replace("$", r"\$") for s in signals][::-1]  # a "$" starts matplotlib's math mode
    ax.barh(names, [s[1] for s in signals][::-1], color="#999", label="all pages")
    ax.barh(names, [s[2] for s in signals][::-1], color="#c0392b", label="republished pages")
    ax.set_xlabel("pages where the signal fired")
    ax.legend(loc="lower right")
    bars = _png(fig)
    plt.close(fig)
    return histogram, bars


def render_summary(batch: Batch, *, name: str = "", top: int = 15) -> str:
    esc = html.escape
    signals = top_signals(batch.rows, top)
    histogram, bars = _plots(batch, signals)
    sites = aggregate([*batch.rows, *batch.failed])
    host_rows = "\n".join(
        f"<tr><td>{esc(s.host)}</td><td>{s.pages}</td><td>{s.republished}</td>"
        f"<td>{(s.republished / s.pages if s.pages else 0):.0%}</td>"
        f"<td>{(s.probability_sum / s.pages if s.pages else 0):.2f}</td><td>{s.failed}</td>"
        f"<td>{esc(', '.join(f'{n} ({c})' for n, c in s.fired.most_common(3)))}</td></tr>"
        for s in sites)
    signal_rows = "\n".join(f"<tr><td><code>{esc(n)}</code></td><td>{c}</td><td>{r}</td></tr>" for n, c, r in signals)
    copy_rows = "\n".join(f"<tr><td>{esc(s.host)}</td><td>{esc(original)}</td><td>{n}</td></tr>"
                          for s in sites for original, n in s.copied.most_common())
    unknown = sum(1 for r in batch.rows if any(c.get("relation") == "unknown" for c in r.get("copies") or []))
    n_rep = sum(r.get("label") == "republished" for r in batch.rows)
    problems = "".join(f"<li>{esc(x)}</li>" for x in batch.bad_lines[:20])
    return template("summary.html").substitute(
        csp=CSP, name=esc(name or "results"), pages=len(batch.rows), republished=n_rep,
        original=len(batch.rows) - n_rep, failed=len(batch.failed), bad=len(batch.bad_lines),
        problems=f"<ul>{problems}</ul>" if problems else "",
        histogram=histogram, bars=bars, host_rows=host_rows or '<tr><td colspan="7">no rows</td></tr>',
        signal_rows=signal_rows or '<tr><td colspan="3">no signal fired</td></tr>', n_hosts=len(sites),
        copy_rows=copy_rows or '<tr><td colspan="3">no page copies another host\'s page of this batch</td></tr>',
        unknown=unknown,
    )


def summary_report(fh: TextIO, *, name: str = "", top: int = 15) -> tuple[str, Batch]:
    batch = read_rows(fh)
    return render_summary(batch, name=name, top=top), batch


__all__ = ["Batch", "read_rows", "render_summary", "summary_report", "top_signals"]
