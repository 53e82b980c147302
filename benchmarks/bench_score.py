"""Scoring speed against a named peer: trafilatura's bare_extraction(with_metadata=True).

Both run on the same pages, in one process, interleaved page by page (so that machine noise hits both
alike), after a warm-up. The figures that matter are the ratios, not the seconds:

    python benchmarks/bench_score.py [--corpus ../shared/corpus] [--pages 140] [--repeat 3]

Two ratios, since they tell different things: the ratio of totals (dominated by the large pages,
where trafilatura is slow on a few) and the median of per-page ratios (the typical page). Corpus pages
are taken from every source in turn (``same_features.corpus_rows``), whatever their size; the repo's
own fixture pages, as they are, give a second figure that needs no corpus.
"""

from __future__ import annotations

import argparse
import gzip
import statistics
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from detector import Detector  # noqa: E402
from detector.reading import read  # noqa: E402
from training.corpus import default_corpus_dir  # noqa: E402

Page = tuple[str, str | None, str]  # html, url, group (the corpus source, or "fixture")


def corpus_pages(corpus: Path, n: int) -> list[Page]:
    from same_features import corpus_rows

    return [(read(gzip.decompress((corpus / r["file"]).read_bytes())).text, r.get("url"), r["source"])
            for r in corpus_rows(corpus, n)]


def fixture_pages() -> list[Page]:
    paths = sorted((ROOT / "tests" / "fixtures").glob("*.html"))
    return [(read(path.read_bytes()).text, None, "fixture") for path in paths]  # fixtures include legacy charsets


def timed(pages: list[Page], repeat: int, ours: Callable, peer: Callable) -> list[tuple[str, float, float]]:
    """(group, our seconds, the peer's seconds) per page and round, the two interleaved page by page."""
    for html, url, _ in pages[:3]:  # warm-up: imports, lexicons, caches
        ours(html, url=url)
        peer(html, url=url)
    out = []
    for _ in range(repeat):
        for html, url, group in pages:
            t0 = time.perf_counter()
            ours(html, url=url)
            t1 = time.perf_counter()
            peer(html, url=url)
            t2 = time.perf_counter()
            out.append((group, t1 - t0, t2 - t1))
    return out


def summary(label: str, times: list[tuple[str, float, float]]) -> str:
    ours = [a for _, a, _ in times]
    peer = [b for _, _, b in times]
    ratios = [a / b for _, a, b in times]
    return (f"{label}: ratio of totals {sum(ours) / sum(peer):.2f}, median of per-page ratios "
            f"{statistics.median(ratios):.2f} (median {statistics.median(ours) * 1000:.1f} ms against "
            f"{statistics.median(peer) * 1000:.1f} ms; {len(times)} timings)")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", default=str(default_corpus_dir()))
    ap.add_argument("--pages", type=int, default=140, help="corpus pages, taken from every source in turn")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    from trafilatura import bare_extraction

    def peer(html: str, url: str | None) -> object:
        return bare_extraction(html, url=url, with_metadata=True)

    detector = Detector()
    corpus = Path(args.corpus)
    print(f"detector.score against trafilatura's bare_extraction(with_metadata=True), {args.repeat} rounds, interleaved")
    print(summary("fixture pages", timed(fixture_pages(), args.repeat * 5, detector.score, peer)))
    if not (corpus / "manifest.jsonl").is_file():
        print(f"no corpus at {corpus}: fixture pages only (give --corpus DIR)")
        return 0
    times = timed(corpus_pages(corpus, args.pages), args.repeat, detector.score, peer)
    by_source: dict[str, list] = defaultdict(list)
    for t in times:
        by_source[t[0]].append(t)
    for source, some in sorted(by_source.items()):
        print("  " + summary(source, some))
    print(summary(f"corpus pages of every source ({args.pages})", times))
    return 0


if __name__ == "__main__":
    from detector.extras import main_with_hint

    raise SystemExit(main_with_hint(main, Path(__file__).name))
