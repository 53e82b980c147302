"""Scoring speed against a named peer: trafilatura's bare_extraction(with_metadata=True).

Both run on the same ~150 KB pages, in one process, interleaved page by page (so that machine noise
hits both alike), after a warm-up. The figure that matters is the ratio, not the seconds:

    python benchmarks/bench_score.py [--corpus ../shared/corpus] [--pages 40] [--repeat 3]

Pages come from the shared corpus (120-180 KB raw HTML) when it is there. Without it, the script
scores the repo's own fixture pages padded to 150 KB, which is a weaker test and says so.
"""

from __future__ import annotations

import argparse
import gzip
import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from detector import Detector  # noqa: E402
from detector.reading import read  # noqa: E402
from training.corpus import default_corpus_dir  # noqa: E402


def corpus_pages(corpus: Path, n: int) -> list[tuple[str, str | None]]:
    rows = [json.loads(x) for x in (corpus / "manifest.jsonl").read_text("utf-8").split("\n") if x.strip()]
    rows = sorted((r for r in rows if 120_000 <= r["bytes"] <= 180_000), key=lambda r: r["id"])[:n]
    return [(read(gzip.decompress((corpus / r["file"]).read_bytes())).text, r.get("url")) for r in rows]


def fixture_pages() -> list[tuple[str, str | None]]:
    out = []
    for path in sorted((Path(__file__).resolve().parent.parent / "tests" / "fixtures").glob("*.html")):
        html = read(path.read_bytes()).text  # fixtures include legacy charsets
        filler = "<p>" + "Filler paragraph text to reach the size of a heavy news page. " * 20 + "</p>\n"
        while len(html.encode()) < 150_000:
            html = html.replace("</body>", filler + "</body>", 1)
        out.append((html, None))
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", default=str(default_corpus_dir()))
    ap.add_argument("--pages", type=int, default=40)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    from trafilatura import bare_extraction

    corpus = Path(args.corpus)
    has_corpus = (corpus / "manifest.jsonl").is_file()
    pages = corpus_pages(corpus, args.pages) if has_corpus else fixture_pages()
    what = f"{len(pages)} corpus pages of 120-180 KB" if has_corpus else f"{len(pages)} fixture pages padded to 150 KB"
    detector = Detector()
    for html, url in pages[:3]:  # warm-up: imports, lexicons, caches
        detector.score(html, url=url)
        bare_extraction(html, url=url, with_metadata=True)
    ours: list[float] = []
    peer: list[float] = []
    for _ in range(args.repeat):
        for html, url in pages:
            t0 = time.perf_counter()
            detector.score(html, url=url)
            t1 = time.perf_counter()
            bare_extraction(html, url=url, with_metadata=True)
            t2 = time.perf_counter()
            ours.append(t1 - t0)
            peer.append(t2 - t1)
    ratios = [a / b for a, b in zip(ours, peer)]
    print(f"pages: {what}, {args.repeat} rounds, interleaved")
    print(f"detector.score        median {statistics.median(ours) * 1000:7.1f} ms   total {sum(ours):6.2f} s")
    print(f"trafilatura bare_ext. median {statistics.median(peer) * 1000:7.1f} ms   total {sum(peer):6.2f} s")
    print(f"ratio detector/trafilatura: total {sum(ours) / sum(peer):.2f}, median of per-page ratios {statistics.median(ratios):.2f}")
    return 0


if __name__ == "__main__":
    from detector.extras import main_with_hint

    raise SystemExit(main_with_hint(main, Path(__file__).name))
