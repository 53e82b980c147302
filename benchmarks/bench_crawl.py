"""Crawl-scale figures for ``detector score``: peak memory, pages/s, the 1 -> 2 job speed-up, and
pages/s per core against trafilatura's bare_extraction(with_metadata=True).

    python benchmarks/bench_crawl.py [--pages 10000] [--subset 2000] [--peer-pages 300] [--model M]

It builds a WARC in a temporary folder (never in the repo): the shared corpus's original pages as
they are, mixed with farm copies of its articles made by ``training.farms.generate``. Without the
corpus it falls back to the repo's example and fixture pages with small variations, a weaker test
that it names. Memory is the peak of the summed RSS of the whole process tree (the CLI and its
workers), sampled with psutil every 100 ms: the sum of RSS, which counts pages shared between
processes (libraries, the fork server's imports) once per process and so errs high, and the sum of
PSS, which splits each shared page among its sharers and so adds up to the tree's real footprint. Bars: peak under 400 MB, 2 jobs >= 1.7x the pages/s of 1 job.
"""

from __future__ import annotations

import argparse
import io
import os
import random
import subprocess
import sys
import tempfile
import time
from itertools import islice
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from detector.page import parse_html  # noqa: E402
from detector.reading import ReadError, read  # noqa: E402
from detector.text import word_count  # noqa: E402
from training.corpus import default_corpus_dir, load_manifest, read_raw  # noqa: E402
from training.farms import Article, Headline, generate  # noqa: E402

Page = tuple[str, bytes]  # (url, html bytes)


def corpus_pages(corpus: Path, n: int, articles: int, seed: int = 0) -> list[Page]:
    """Half originals (raw, as stored), half farm copies of ``articles`` parsed originals."""
    rows = [r for r in load_manifest(corpus) if r.get("page_type") in (None, "article")]
    rng = random.Random(seed)
    rng.shuffle(rows)
    originals = [(r.get("url") or f"https://corpus.example/{r['id']}", read_raw(r)) for r in rows[: n // 2]]
    arts, heads = [], []
    for row in rows[: articles * 2]:
        if len(arts) >= articles:
            break
        try:
            page = parse_html(read(read_raw(row)).text, row.get("url"))
        except (ReadError, OSError, ValueError):
            continue
        paras = [p.text for p in page.paragraphs if word_count(p.text) >= 8]
        title = page.headline or page.title
        if title:
            heads.append(Headline(title=title, year=page.dates[0].value.year if page.dates else None, url=row.get("url")))
        if title and len(paras) >= 3:
            arts.append(Article(id=row["id"], title=title, paragraphs=paras[:40], lang=page.lang, url=row.get("url"),
                                date=str(page.dates[0].value)[:10] if page.dates else None,
                                author=page.bylines[0].text if page.bylines else None,
                                site_name=page.site_names[0].text if page.site_names else None))
    farms = []
    for i in range(n - len(originals)):
        art = arts[i % len(arts)]
        farm = generate(art, rng.sample(heads, min(60, len(heads))), random.Random(i), as_text=False)
        farms.append((farm.url, farm.content.encode("utf-8")))
    pages = originals + farms
    rng.shuffle(pages)
    return pages


def fixture_pages(n: int) -> list[Page]:
    base = [p.read_bytes() for p in sorted([*ROOT.glob("examples/*.html"), *ROOT.glob("tests/fixtures/*.html")])]
    return [(f"https://site{i % 97}.example/{i}.html",
             base[i % len(base)].replace(b"</body>", f"<p>Variant {i} of the page.</p></body>".encode(), 1))
            for i in range(n)]


def write_warc(path: Path, pages: list[Page]) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for url, body in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers))


def run_cli(warc: Path, jobs: int, model: str | None, out: Path,
            extra: list[str] = ()) -> tuple[float, float, float, float, float]:
    """(seconds, peak summed RSS and PSS in MB, CPU seconds of the tree, the parent's share of them) of
    ``detector score WARC -o out.jsonl --jobs N [extra…]``. CPU time says what wall time cannot on a shared
    machine: whether 2 jobs do more work per page than 1 (IPC, a busy parent)."""
    import psutil

    cmd = [sys.executable, "-m", "detector", "score", str(warc), "-o", str(out), "--jobs", str(jobs), *extra]
    cmd += ["--model", model] if model else []
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    parent, peak, peak_pss, cpu = psutil.Process(proc.pid), 0, 0, {}
    while proc.poll() is None:
        rss = pss = 0
        try:
            for p in [parent, *parent.children(recursive=True)]:
                try:
                    mem = p.memory_full_info()
                    rss, pss = rss + mem.rss, pss + mem.pss
                    t = p.cpu_times()
                    cpu[p.pid] = t.user + t.system
                except psutil.Error:
                    pass
        except psutil.Error:
            pass
        peak, peak_pss = max(peak, rss), max(peak_pss, pss)
        time.sleep(0.1)
    seconds = time.perf_counter() - t0
    if proc.returncode not in (0, 1):
        raise SystemExit(f"detector score failed ({proc.returncode}): {' '.join(cmd)}")
    return seconds, peak / 2**20, peak_pss / 2**20, sum(cpu.values()), cpu.get(proc.pid, 0.0) / max(sum(cpu.values()), 1e-9)


def peer_ratio(pages: list[Page], model: str | None) -> tuple[float, float]:
    """pages/s of detector.score and of trafilatura on the same pages, one process, interleaved."""
    from trafilatura import bare_extraction

    from detector import Detector

    detector = Detector(model)
    for url, html in pages[:3]:
        detector.score(html, url)
        bare_extraction(html.decode("utf-8", "replace"), url=url, with_metadata=True)
    ours = peer = 0.0
    for url, html in pages:
        t0 = time.perf_counter()
        detector.score(html, url)  # bytes: charset detection is part of our work
        t1 = time.perf_counter()
        bare_extraction(html.decode("utf-8", "replace"), url=url, with_metadata=True)
        t2 = time.perf_counter()
        ours, peer = ours + t1 - t0, peer + t2 - t1
    return len(pages) / ours, len(pages) / peer


def count_seconds(warc: Path) -> tuple[int, float]:
    from detector.inputs import count_records

    t0 = time.perf_counter()
    n = count_records([str(warc)])
    return n or 0, time.perf_counter() - t0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", default=str(default_corpus_dir()))
    ap.add_argument("--pages", type=int, default=10_000)
    ap.add_argument("--subset", type=int, default=2_000, help="pages of the small WARC (peer comparison, quick looks)")
    ap.add_argument("--articles", type=int, default=400, help="corpus articles the farm copies are made of")
    ap.add_argument("--peer-pages", type=int, default=300)
    ap.add_argument("--model", help="model file (default: the shipped one)")
    ap.add_argument("--dir", help="work folder (default: a temporary one); an existing big.warc.gz there is reused")
    args = ap.parse_args()

    tmp = tempfile.TemporaryDirectory(prefix="bench_crawl_") if not args.dir else None
    work = Path(args.dir or tmp.name)  # type: ignore[union-attr]
    work.mkdir(parents=True, exist_ok=True)
    corpus = Path(args.corpus)
    have_corpus = (corpus / "manifest.jsonl").is_file()
    what = "corpus originals + farm copies" if have_corpus else "FALLBACK: fixture pages with variations"
    big, small = work / "big.warc.gz", work / "subset.warc.gz"
    t0 = time.perf_counter()
    if not big.exists():
        pages = corpus_pages(corpus, args.pages, args.articles) if have_corpus else fixture_pages(args.pages)
        write_warc(big, pages)
        write_warc(small, pages[: args.subset])
        del pages
    else:
        what += ", reused from " + str(big)
    from detector.inputs import iter_records

    n_pages = sum(1 for _ in iter_records([str(big)]))
    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at start")
    print(f"WARC: {n_pages} pages ({what}), {big.stat().st_size / 2**20:.0f} MB gzipped; "
          f"ready in {time.perf_counter() - t0:.0f} s")
    n, secs = count_seconds(big)
    print(f"counting records for the progress bar's total: {n} in {secs:.2f} s")

    rates = {}
    for jobs in (1, 2):
        secs, peak, pss, cpu, share = run_cli(big, jobs, args.model, work / f"big{jobs}.jsonl")
        rates[jobs] = n_pages / secs
        print(f"{n_pages} pages, --jobs {jobs}: peak summed RSS {peak:.0f} MB, PSS {pss:.0f} MB (bar < 400), "
              f"{rates[jobs]:.1f} pages/s "
              f"({secs:.0f} s), {cpu / n_pages * 1000:.0f} CPU-ms/page (parent {share:.0%}), "
              f"load {os.getloadavg()[0]:.1f}")
    print(f"speed-up 1 -> 2 jobs: {rates[2] / rates[1]:.2f}x (bar >= 1.7)")

    sample = [(r.url, r.content) for r in islice(iter_records([str(small)]), args.peer_pages)]
    ours, peer = peer_ratio(sample, args.model)  # type: ignore[arg-type]
    print(f"per core, {len(sample)} pages in one process: detector.score {ours:.1f} pages/s, "
          f"trafilatura bare_extraction {peer:.1f} pages/s, ratio {ours / peer:.2f} "
          f"(detector takes {peer / ours:.2f}x trafilatura's time)")
    print(f"load average at end {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    from detector.extras import main_with_hint

    raise SystemExit(main_with_hint(main, Path(__file__).name))
