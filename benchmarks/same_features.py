"""Did a change move any feature? Every signal's value, evidence and locator on corpus pages and their text dumps.

Run it once with the code before a change and once with the code after, then compare:

    python benchmarks/same_features.py --out /tmp/before.jsonl        # in the old checkout
    python benchmarks/same_features.py --out /tmp/after.jsonl         # in this one
    python benchmarks/same_features.py --compare /tmp/before.jsonl /tmp/after.jsonl

Pages are taken from every corpus source in turn (sorted by id, so both runs read the same ones); each
page's text dump is drawn with a seed from its id. Then ``--mix`` pages of ``bench_crawl.py``'s crawl (half
corpus articles, half farm copies of them, drawn with fixed seeds), where more signals fire. The code
that runs is the ``detector`` found first on ``sys.path``: run from the checkout's root.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import sys
from collections import defaultdict
from itertools import zip_longest
from pathlib import Path


def corpus_rows(corpus: Path, n: int) -> list[dict]:
    """``n`` manifest rows, the sources taken in turn so that every source is there."""
    by_source: dict[str, list[dict]] = defaultdict(list)
    for line in (corpus / "manifest.jsonl").read_text("utf-8").split("\n"):  # not splitlines: a title may hold U+2028
        if line.strip():
            row = json.loads(line)
            by_source[row["source"]].append(row)
    queues = [sorted(rows, key=lambda r: r["id"]) for _, rows in sorted(by_source.items())]
    turns = (row for group in zip_longest(*queues) for row in group if row is not None)
    return [row for _, row in zip(range(n), turns)]


def readings(corpus: Path, n: int, mix: int):
    """(page id, kind, [[name, value, evidence, locator], ...]) for each page and its text dump, then the crawl mix."""
    from bench_crawl import corpus_pages

    from detector.page import parse_html, parse_text
    from detector.reading import read
    from detector.signals import extract
    from training.farms import to_text_dump

    def signals(page) -> list[list]:
        return [[s.name, s.value, s.evidence, s.locator] for s in extract(page)]

    for row in corpus_rows(corpus, n):
        html = read(gzip.decompress((corpus / row["file"]).read_bytes())).text
        dump = to_text_dump(html, random.Random(row["id"]))
        yield row["id"], "html", signals(parse_html(html, row.get("url")))
        yield row["id"], "text", signals(parse_text(dump, row.get("url")))
    for i, (url, content) in enumerate(corpus_pages(corpus, mix, max(1, mix // 4)) if mix else []):
        yield f"mix-{i}", "html", signals(parse_html(read(content).text, url))


def _signals_of(path: Path) -> dict[tuple[str, str], list]:
    rows = [json.loads(line) for line in path.read_text("utf-8").split("\n") if line.strip()]
    return {(r["id"], r["kind"]): r["signals"] for r in rows}


def compare(before: Path, after: Path) -> int:
    """Print every signal reading that differs; the exit code is the number of pages that differ."""
    old, new = _signals_of(before), _signals_of(after)
    differing = 0
    for key in sorted(old.keys() | new.keys()):
        a = {s[0]: s[1:] for s in old.get(key, [])}
        b = {s[0]: s[1:] for s in new.get(key, [])}
        changed = [name for name in sorted(a.keys() | b.keys()) if a.get(name) != b.get(name)]
        differing += bool(changed)
        for name in changed:
            print(f"{key[0]} {key[1]} {name}: {a.get(name)} -> {b.get(name)}")
    print(f"{len(old)} and {len(new)} readings; {differing} differ")
    return min(differing, 125)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", default=None, help="the shared corpus (default: ../shared/corpus)")
    ap.add_argument("--pages", type=int, default=300)
    ap.add_argument("--mix", type=int, default=400, help="pages of the crawl benchmark's mix of originals and farm copies")
    ap.add_argument("--out", type=Path, help="write the readings here (JSON lines)")
    ap.add_argument("--compare", nargs=2, type=Path, metavar=("BEFORE", "AFTER"))
    args = ap.parse_args()
    if args.compare:
        return compare(*args.compare)
    if args.out is None:
        ap.error("give --out FILE or --compare BEFORE AFTER")
    sys.path.insert(0, str(Path.cwd()))
    from training.corpus import default_corpus_dir

    corpus = Path(args.corpus) if args.corpus else default_corpus_dir()
    with args.out.open("w", encoding="utf-8") as out:
        for page_id, kind, signals in readings(corpus, args.pages, args.mix):
            out.write(json.dumps({"id": page_id, "kind": kind, "signals": signals}, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
