"""Page verdicts -> one line per host: how much of a site looks republished, and why.

A single page can be misjudged; a host where most pages are republished, for the same reasons, is a
content farm with much more certainty. This streams over result rows (constant memory per host), so
it works on a crawl's whole output.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TextIO
from urllib.parse import urlsplit

NO_HOST = "(no url)"


def read_rows(fh: TextIO, on_bad: Callable[[int, str], None]) -> Iterator[dict]:
    """The JSON objects of a results file, streamed; a bad line, or a row that is not the shape
    ``detector score`` writes (see ``row_problem``), is reported through ``on_bad`` and skipped."""
    for n, line in enumerate(fh, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            if not isinstance(row, dict):
                raise ValueError("not a JSON object")
        except ValueError as exc:
            on_bad(n, str(exc))
            continue
        if (problem := row_problem(row)) is not None:
            on_bad(n, problem)
            continue
        yield row


def row_problem(row: dict) -> str | None:
    """What makes ``row`` unusable for the aggregates (one hostile or corrupt row must not stop a
    whole file's summary), or None. Checks only the fields the aggregates read."""
    url = row.get("url")
    if url is not None:
        if not isinstance(url, str):
            return "url is not a string"
        try:
            urlsplit(url).hostname  # noqa: B018 - raises on "http://[evil/story"
        except ValueError as exc:
            return f"bad url ({exc})"
    if row.get("label") not in (None, "original", "republished"):
        return "label is neither original nor republished"
    for key in ("probability", "threshold"):
        value = row.get(key)
        if value is not None and (isinstance(value, bool) or not isinstance(value, (int, float))
                                  or not math.isfinite(value)):
            return f"{key} is not a number"
    reasons = row.get("reasons")
    if reasons is not None and (not isinstance(reasons, list) or not all(
            isinstance(r, str) or (isinstance(r, dict) and isinstance(r.get("name"), str)) for r in reasons)):
        return "reasons is not a list of signals"
    return None


@dataclass
class Site:
    host: str
    pages: int = 0
    republished: int = 0
    failed: int = 0
    probability_sum: float = 0.0
    fired: Counter = field(default_factory=Counter)
    copied: Counter = field(default_factory=Counter)  # host of the batch original -> pages of this host that copy it

    def to_dict(self, top: int = 3) -> dict:
        return {
            "host": self.host,
            "pages": self.pages,
            "failed": self.failed,
            "republished_share": round(self.republished / self.pages, 4) if self.pages else None,
            "mean_probability": round(self.probability_sum / self.pages, 4) if self.pages else None,
            "copies_share": round(sum(self.copied.values()) / self.pages, 4) if self.pages else None,
            "top_signals": [{"name": n, "pages": c} for n, c in self.fired.most_common(top)],
        }


def host_of(url: str | None) -> str:
    """The URL's host without a leading "www." (the same site either way)."""
    host = (urlsplit(url).hostname or "") if url else ""
    return host.removeprefix("www.") or NO_HOST


def aggregate(rows: Iterable[dict]) -> list[Site]:
    """Sites from result rows (``detector score`` output), most pages first. ``copies_share`` is the
    share of a host's pages that copy a page of another host in the same batch (a "batch-match"
    source, ``detector.crosscheck``)."""
    sites: dict[str, Site] = {}
    for row in rows:
        host = host_of(row.get("url"))
        site = sites.setdefault(host, Site(host))
        if row.get("error") or row.get("label") is None:
            site.failed += 1
            continue
        site.pages += 1
        site.republished += row["label"] == "republished"
        site.probability_sum += float(row.get("probability") or 0.0)
        site.fired.update({r["name"] if isinstance(r, dict) else str(r) for r in row.get("reasons") or []})
        source = row.get("source")
        if isinstance(source, dict) and source.get("kind") == "batch-match":
            site.copied[host_of(source.get("url"))] += 1
    return sorted(sites.values(), key=lambda s: (-s.pages, -s.failed, s.host))


__all__ = ["Site", "aggregate", "host_of", "read_rows", "row_problem"]
