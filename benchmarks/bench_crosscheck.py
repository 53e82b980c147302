"""The batch cross-check on a crawl that holds originals and copies of some of them (issue 15's bar).

    python benchmarks/bench_crosscheck.py [--originals 3631] [--copied 1200] [--jobs 2] [--dir DIR]
    python benchmarks/bench_crosscheck.py --originals 3631 --copied 3631 --most 5 --uniform  # 10,707 pages

The crawl (a JSONL of pages, in a temporary folder, never in the repo): shared-corpus pages as they
are, every one an original, and copies of some of their articles on other hosts made by the
training generator's families: HTML clones (``site_clone``, ``mirror_clone``, which keep the
original's own markup), spun copies, CMS farm copies (``cms_breadcrumb_en``/``zh``), and text dumps
of clones and of farm copies; shuffled. It runs ``detector score`` twice on it with ``--jobs N``,
without the cross-check and with it, and measures (psutil, summed over the process tree, as
``bench_crawl.py``):

- recall of the copies whose original is in the batch (their final label), per family;
- originals flagged because of the cross-check (republished with a "batch-match" source, while
  the plain run called them original);
- copies whose ``source`` names their own original;
- peak memory and time of the cross-checked run against the plain one.

Without the corpus it says so and exits 0: the tests cover behaviour, this measures it on real pages.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_crawl import run_cli  # noqa: E402
from detector.page import parse_html  # noqa: E402
from detector.reading import ReadError, read  # noqa: E402
from detector.text import word_count  # noqa: E402
from training.corpus import default_corpus_dir, load_manifest, read_raw  # noqa: E402
from training.farms import Article, Headline, generate, to_text_dump  # noqa: E402

CLONES = ("site_clone", "mirror_clone")
FAMILIES = (*CLONES, "spun_copy", "cms_breadcrumb_en", "cms_breadcrumb_zh")
DUMP_P = 0.25  # share of clones and CMS copies also present as their text dump


def article_of(row: dict, raw: bytes) -> tuple[Article | None, Headline | None]:
    try:
        doc = read(raw)
        page = parse_html(doc.text, row.get("url")) if doc.kind == "html" else None
    except (ReadError, ValueError):
        return None, None
    if page is None:
        return None, None
    title = page.headline or page.title
    paras = [p.text for p in page.paragraphs if word_count(p.text) >= 8]
    head = Headline(title=title, year=page.dates[0].value.year if page.dates else None, url=row.get("url")) if title else None
    if not title or len(paras) < 3 or sum(word_count(p) for p in paras) < 80:
        return None, head
    return Article(id=row["id"], title=title, paragraphs=paras[:40], lang=page.lang, url=row.get("url"),
                   date=str(page.dates[0].value)[:10] if page.dates else None,
                   author=page.bylines[0].text if page.bylines else None,
                   site_name=page.site_names[0].text if page.site_names else None, html=doc.text), head


def build_crawl(corpus: Path, originals: int, copied: int, seed: int, path: Path, most: int = 2,
                uniform: bool = False) -> dict[str, dict]:
    """Write the crawl to ``path``; returns the truth per page id. An article gets one copy most
    often, up to ``most``; with ``uniform`` any number of 1..``most`` as often (a larger crawl from
    the same originals: the corpus has about 2,100 articles with a URL)."""
    rng = random.Random(seed)
    rows = [r for r in load_manifest(corpus) if r.get("url")]
    rng.shuffle(rows)
    rows = rows[:originals]
    pages, truth, articles, heads = [], {}, [], []
    for row in rows:
        raw = read_raw(row)
        pages.append({"id": row["id"], "url": row["url"], "html": raw.decode("utf-8", "replace")})
        truth[row["id"]] = {"kind": "original", "url": row["url"]}
        if len(articles) < copied and row.get("page_type") in (None, "article"):
            art, head = article_of(row, raw)
            if head:
                heads.append(head)
            if art:
                articles.append(art)
    counts = list(range(1, most + 1)) if uniform else [1] * most + list(range(2, most + 1))
    for n, art in enumerate(articles):
        for family in rng.sample(FAMILIES, rng.choice(counts)):
            farm = generate(art, rng.sample(heads, min(40, len(heads))), random.Random(seed * 100_003 + n), family=family,
                            as_text=False)
            copy_id = f"copy-{n}-{family}"
            pages.append({"id": copy_id, "url": farm.url, "html": farm.content})
            truth[copy_id] = {"kind": "copy", "family": family, "original": art.id, "original_url": art.url}
            if family != "spun_copy" and rng.random() < DUMP_P:
                dump_id = copy_id + "-text"
                try:
                    text = to_text_dump(farm.content, random.Random(n))
                except ValueError:  # the dumper's urljoin refuses a link such as "http://[ccpa-preferences]"
                    continue
                pages.append({"id": dump_id, "url": farm.url.replace("://", "://txt.", 1), "text": text})
                truth[dump_id] = {"kind": "copy", "family": family + " (text dump)", "original": art.id,
                                  "original_url": art.url}
    rng.shuffle(pages)
    with open(path, "w", encoding="utf-8") as fh:
        for page in pages:
            fh.write(json.dumps(page, ensure_ascii=False) + "\n")
    return truth


def measure(truth: dict[str, dict], plain: Path, checked: Path) -> None:
    before = {r["id"]: r for r in map(json.loads, plain.read_text("utf-8").splitlines())}
    after = {r["id"]: r for r in map(json.loads, checked.read_text("utf-8").splitlines())}
    assert set(before) == set(after) == set(truth), "every page has one row in each run"
    copies = [i for i, t in truth.items() if t["kind"] == "copy"]
    originals = [i for i, t in truth.items() if t["kind"] == "original"]
    caught = [i for i in copies if after[i]["label"] == "republished"]
    print(f"copies whose original is in the batch: {len(copies)}; republished with the cross-check "
          f"{len(caught)} ({len(caught) / len(copies):.4f}; bar >= 0.97), without it "
          f"{sum(before[i]['label'] == 'republished' for i in copies) / len(copies):.4f}")
    by_family = Counter(truth[i]["family"] for i in copies)
    hit = Counter(truth[i]["family"] for i in caught)
    plain_hit = Counter(truth[i]["family"] for i in copies if before[i]["label"] == "republished")
    for family, n in sorted(by_family.items()):
        print(f"  {family:<32} {n:5d}  with {hit[family] / n:.3f}  without {plain_hit[family] / n:.3f}")

    def batch_source(i: str) -> dict | None:
        source = after[i].get("source") or {}
        return source if source.get("kind") == "batch-match" else None

    flagged = [i for i in originals if before[i]["label"] == "original" and after[i]["label"] == "republished"]
    print(f"originals: {len(originals)}; flagged because of the cross-check {len(flagged)} "
          f"({len(flagged) / len(originals):.4%}; bar <= 0.2 %)")
    for i in flagged[:10]:
        print(f"    {after[i]['url']}  <- {batch_source(i)['url'] if batch_source(i) else '?'}: "
              f"{(batch_source(i) or {}).get('evidence', '')[-160:]}")
    named = [i for i in copies if (batch_source(i) or {}).get("url") == truth[i]["original_url"]]
    wrong = [i for i in copies if batch_source(i) and batch_source(i)["url"] != truth[i]["original_url"]]
    print(f"source names the right original: {len(named)} of {len(copies)} copies ({len(named) / len(copies):.4f}; "
          f"bar >= 0.95); a wrong batch original {len(wrong)}; no batch source {len(copies) - len(named) - len(wrong)}")
    unknown = sum(1 for i in copies if not batch_source(i) and any(c["relation"] == "unknown" for c in after[i]["copies"]))
    alone = sum(1 for i in copies if not after[i]["copies"])
    print(f"  copies without a batch source: in a cluster whose original is unknown {unknown}, in no cluster {alone}")
    missed = Counter(truth[i]["family"] for i in copies if not after[i]["copies"])
    if missed:
        print(f"  in no cluster, by family: {dict(missed)}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", default=str(default_corpus_dir()))
    ap.add_argument("--originals", type=int, default=2400, help="corpus pages in the crawl (>= 2,000 for the bar)")
    ap.add_argument("--copied", type=int, default=700, help="corpus articles that get copies on other hosts")
    ap.add_argument("--most", type=int, default=2, help="most copies of one article (families drawn without repeats)")
    ap.add_argument("--uniform", action="store_true", help="as many copies of an article from 1 to --most, as often")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--model", help="model file (default: the shipped one)")
    ap.add_argument("--dir", help="work folder (default: a temporary one); an existing crawl.jsonl there is reused")
    ap.add_argument("--runs", default="plain,cross-checked",
                    help="which runs (the figures that compare them need both; cross-checked alone: memory and time)")
    args = ap.parse_args()
    corpus = Path(args.corpus)
    if not (corpus / "manifest.jsonl").is_file():
        print(f"no corpus at {corpus}: nothing to measure (set DETECTOR_CORPUS or --corpus)")
        return 0
    tmp = tempfile.TemporaryDirectory(prefix="bench_crosscheck_") if not args.dir else None
    work = Path(args.dir or tmp.name)  # type: ignore[union-attr]
    work.mkdir(parents=True, exist_ok=True)
    crawl, truth_file = work / "crawl.jsonl", work / "truth.json"
    t0 = time.perf_counter()
    if not (crawl.exists() and truth_file.exists()):
        truth = build_crawl(corpus, args.originals, args.copied, args.seed, crawl, min(args.most, len(FAMILIES)),
                            args.uniform)
        truth_file.write_text(json.dumps(truth))
    truth = json.loads(truth_file.read_text())
    kinds = Counter(t["kind"] for t in truth.values())
    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}")
    print(f"crawl: {len(truth)} pages ({kinds['original']} corpus originals, {kinds['copy']} copies), "
          f"{crawl.stat().st_size / 2**20:.0f} MB JSONL, ready in {time.perf_counter() - t0:.0f} s")
    runs = {}
    for name, extra in (("plain", ["--no-crosscheck"]), ("cross-checked", [])):
        if name not in args.runs.split(","):
            continue
        out = work / f"{name}.jsonl"
        secs, rss, pss, cpu, share = run_cli(crawl, args.jobs, args.model, out, [*extra, "--force"])  # ours to replace
        runs[name] = (secs, cpu)
        print(f"{name}: {secs:.0f} s, {cpu:.0f} CPU-s, peak summed RSS {rss:.0f} MB, PSS {pss:.0f} MB "
              f"(bar < 400 MB on 10,000 pages), parent {share:.0%} of the CPU, load {os.getloadavg()[0]:.1f}")
    if len(runs) == 2:
        print(f"time cross-checked / plain: {runs['cross-checked'][0] / runs['plain'][0]:.3f} wall, "
              f"{runs['cross-checked'][1] / runs['plain'][1]:.3f} CPU (bar <= 1.25)")
    if (work / "plain.jsonl").exists() and (work / "cross-checked.jsonl").exists():  # this run's, or a kept one's
        measure(truth, work / "plain.jsonl", work / "cross-checked.jsonl")
    return 0


if __name__ == "__main__":
    from detector.extras import main_with_hint

    raise SystemExit(main_with_hint(main, Path(__file__).name))
