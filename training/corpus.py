"""Build the labelled set: real originals, generated farm copies of them, and users' own labels.

Originals are read where they lie (../shared/corpus by default, or any folder/manifest given) and
never copied. Each original is parsed once; its features, and for articles the text that farm pages
will copy, come out of that one parse. Originals whose main text carries another outlet's story
(the markers of ``training.labels``) are relabelled republished and listed with their marker.
"""

from __future__ import annotations

import csv
import gzip
import hashlib
import json
import os
import random
import sys
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from detector.features import FEATURE_NAMES, vectorize
from detector.page import Page, parse_html, registrable_domain
from detector.reading import ReadError, read
from detector.signals import Signal, extract
from detector.text import find_years, word_count
from detector.text_page import parse_text

from . import dressed
from .farms import TEXT_DUMP_P, Article, Frame, Headline, generate, to_text_dump
from .labels import relabel_marker

REPO = Path(__file__).resolve().parent.parent
ARTICLE_TYPES = {None, "article"}  # wcxb marks page types; the other benchmarks hold articles only


def default_corpus_dir() -> Path:
    return Path(os.environ.get("DETECTOR_CORPUS", REPO.parent / "shared" / "corpus"))


@dataclass
class Example:
    """One labelled page, reduced to what training and evaluation need."""

    id: str
    group: str  # pages of one site (and every farm copy of its articles) share a group
    label: int  # 1 = republished
    family: str  # "original", a farm family, or "user"
    lang: str
    kind: str
    features: np.ndarray
    source: str = ""
    relabelled: str | None = None
    fired: list[str] = field(default_factory=list)
    frame: str | None = None  # farm pages on a real frame: the frame's site (a group), to leave frames out


def load_manifest(path: Path) -> list[dict]:
    """Rows of a corpus manifest (JSONL) or of a folder of .html/.htm(.gz) files."""
    if path.is_dir() and (path / "manifest.jsonl").is_file():
        base, mpath = path, path / "manifest.jsonl"
    elif path.is_file():
        base, mpath = path.parent, path
    else:
        return [{"id": p.stem.split(".")[0], "file": str(p.relative_to(path)), "source": path.name, "url": None, "_base": str(path)}
                for p in sorted(path.rglob("*")) if p.suffix in (".html", ".htm", ".gz")]
    rows = [json.loads(line) for line in mpath.read_text("utf-8").split("\n") if line.strip()]
    for row in rows:
        row["_base"] = str(base)
    return rows


def sample_rows(rows: list[dict], n: int | None, seed: int) -> list[dict]:
    """A stratified-by-source sample of ``n`` rows (all rows when n is None), in a stable order."""
    if n is None or n >= len(rows):
        return rows
    rng = random.Random(seed)
    by_source: dict[str, list[dict]] = {}
    for row in rows:
        by_source.setdefault(row.get("source") or "", []).append(row)
    picked: list[dict] = []
    for source, group in sorted(by_source.items()):
        k = max(1, round(n * len(group) / len(rows)))
        picked.extend(rng.sample(group, min(k, len(group))))
    return sorted(picked[:n] if len(picked) > n else picked, key=lambda r: r["id"])


def read_raw(row: dict) -> bytes:
    path = Path(row["_base"]) / row["file"]
    data = path.read_bytes()
    return gzip.decompress(data) if path.suffix == ".gz" else data


def _group(row: dict, url: str | None) -> str:
    # Captures of the same URL, and pages of the same site, must stay on one side of a split.
    return registrable_domain(url) or row.get("same_url_as") or row["id"]


def _lang(page: Page, row: dict) -> str:
    lang = (row.get("lang") or page.lang or "").split("-")[0].lower()
    return lang or "unknown"


def featurize_original(row: dict) -> tuple[Example, Article | None, Headline | None, Example | None] | None:
    """Parse one original; return its example, the article farms may copy, its headline, and for
    one HTML original in five (the share of farm pages that are dumped, fixed per page id) the
    example of its own text dump, so that text dumps have originals to be told from."""
    try:
        doc = read(read_raw(row))
    except (ReadError, OSError):
        return None
    url = row.get("url")
    try:
        page = parse_html(doc.text, url) if doc.kind == "html" else parse_text(doc.text, url)
        signals = extract(page)
    except Exception as exc:  # a detector bug on one page must not end a training run; say which page
        print(f"warning: {row['id']} ({row.get('file')}): {type(exc).__name__}: {exc}", file=sys.stderr)
        return None
    fired = [s for s in signals if s.fired]
    marker = relabel_marker(page, signals)
    truth = row.get("truth") or {}
    example = Example(
        id=row["id"], group=_group(row, url or page.url), label=1 if marker else 0,
        family="original", lang=_lang(page, row), kind=page.kind,
        features=vectorize(signals), source=row.get("source", ""),
        relabelled=marker, fired=[s.name for s in fired],
    )
    paragraphs = [p.text for p in page.paragraphs if word_count(p.text) >= 8]
    if truth.get("body") and word_count(truth["body"]) > word_count(" ".join(paragraphs)):
        paragraphs = [p.strip() for p in truth["body"].split("\n") if word_count(p) >= 8]
    title = truth.get("title") or page.headline or page.title
    article = None
    if (row.get("page_type") in ARTICLE_TYPES and not marker and title
            and len(paragraphs) >= 3 and word_count(" ".join(paragraphs)) >= 150):
        date = (truth.get("date") or (str(page.dates[0].value) if page.dates else None))
        article = Article(
            id=row["id"], title=title, paragraphs=paragraphs[:40], lang=example.lang, url=url or page.url,
            date=date[:10] if date else None, author=_author(truth.get("author")) or (page.bylines[0].text if page.bylines else None),
            site_name=page.site_names[0].text if page.site_names else None, html=doc.text if len(doc.text) < 400_000 else None,
        )
    headline = None
    if title and row.get("page_type") in ARTICLE_TYPES:
        years = [d.value.year for d in page.dates] or find_years(url or "")
        headline = Headline(title=title, year=years[0] if years else None, url=url)
    return example, article, headline, _text_dump_example(example, doc.text, url) if doc.kind == "html" else None


def _text_dump_example(example: Example, html: str, url: str | None) -> Example | None:
    draw = int.from_bytes(hashlib.sha256(f"text-dump:{example.id}".encode()).digest()[:8], "big")
    if draw / 2**64 >= TEXT_DUMP_P:
        return None
    try:
        features, signals = featurize_content(to_text_dump(html, random.Random(draw)), url, "text")
    except Exception as exc:  # as for the page itself: report, skip, go on
        print(f"warning: text dump of {example.id}: {type(exc).__name__}: {exc}", file=sys.stderr)
        return None
    return Example(id=f"{example.id}-text", group=example.group, label=example.label, family="original",
                   lang=example.lang, kind="text", features=features, source=example.source,
                   fired=[s.name for s in signals if s.fired])


def _author(value) -> str | None:
    """Benchmarks write an author as a string or a list of them."""
    if isinstance(value, list):
        return ", ".join(str(v) for v in value if v) or None
    return str(value) if value else None


def featurize_content(content: str, url: str | None, kind: str) -> tuple[np.ndarray, list[Signal]]:
    page = parse_html(content, url) if kind == "html" else parse_text(content, url)
    signals = extract(page)
    return vectorize(signals), signals


FarmTask = tuple[Article, list[Headline], int, str | None, list[Frame]]
FRAMES_PER_TASK = 4  # candidate frames handed to each page (a frame without a content area is skipped)


def farm_example(task: FarmTask) -> Example:
    article, headlines, seed, family, frames = task
    rng = random.Random(seed)
    farm = generate(article, headlines, rng, family=family, frames=frames)
    features, signals = featurize_content(farm.content, farm.url, farm.kind)
    return Example(
        id=f"{article.id}-{farm.family}-{seed}", group=article.id, label=1, family=farm.family,
        lang=article.lang or "unknown", kind=farm.kind, features=features, source="generated",
        fired=[s.name for s in signals if s.fired], frame=farm.frame,
    )


DressTask = tuple[Article, str, str, list[Headline], int]


def dressed_tasks(articles: list[Article], groups: dict[str, tuple[str, str]], seed: int) -> list[DressTask]:
    """A share (``dressed.SHARE``) of the articles, each with headlines of its own language to list."""
    rng = random.Random(seed)
    by_lang: dict[str | None, list[Headline]] = {}
    for a in articles:
        by_lang.setdefault(a.lang, []).append(Headline(a.title, int(a.date[:4]) if a.date else None, a.url))
    tasks = []
    for a in articles:
        if a.html and a.id in groups and rng.random() < dressed.SHARE:
            pool = [h for h in by_lang.get(a.lang, []) if h.title != a.title]
            tasks.append((a, *groups[a.id], rng.sample(pool, min(40, len(pool))), rng.randrange(1 << 30)))
    return tasks


def dressed_example(task: DressTask) -> Example | None:
    """An original with publisher widgets added (see ``training.dressed``): label 0, its own family,
    in its original's group and source; a share of them as text dumps, like every page."""
    article, group, source, pool, seed = task
    rng = random.Random(seed)
    html = dressed.dress(article, pool, rng)
    if html is None:
        return None
    kind = "text" if rng.random() < TEXT_DUMP_P else "html"
    features, signals = featurize_content(to_text_dump(html, rng) if kind == "text" else html, article.url, kind)
    return Example(id=f"{article.id}-{dressed.DRESSED}-{seed}", group=group, label=0, family=dressed.DRESSED,
                   lang=article.lang or "unknown", kind=kind, features=features, source=source,
                   fired=[s.name for s in signals if s.fired])


def article_frames(articles: list[Article]) -> list[Frame]:
    """The articles' own pages as frames that farm pages of other sites' articles may run on."""
    return [Frame(site=_site(a), html=a.html, url=a.url, title=a.title, site_name=a.site_name, lang=a.lang,
                  paragraphs=tuple(a.paragraphs)) for a in articles if a.html]


def _site(article: Article) -> str:
    return registrable_domain(article.url) or article.id


def farm_tasks(articles: list[Article], headlines: list[Headline], families: list[str], copies: int,
               seed: int) -> list[FarmTask]:
    """Each article copied ``copies`` times, the families dealt round-robin so every one is covered.
    Frames come from the same articles (one side of the split), from sites other than the copied one's."""
    rng = random.Random(seed)
    frames = article_frames(articles)
    tasks = []
    for i, article in enumerate(articles):
        others = [h for h in headlines if h.title != article.title]
        site = _site(article)
        for c in range(copies):
            family = families[(i * copies + c) % len(families)]
            pool = rng.sample(others, min(60, len(others)))
            candidates = [f for f in rng.sample(frames, min(3 * FRAMES_PER_TASK, len(frames))) if f.site != site]
            tasks.append((article, pool, rng.randrange(1 << 30), family, candidates[:FRAMES_PER_TASK]))
    return tasks


def user_examples(path: Path) -> list[Example]:
    """Pages that users labelled themselves: a CSV or JSONL manifest of path-or-url + label."""
    rows: Iterable[dict]
    if path.suffix == ".csv":
        rows = list(csv.DictReader(path.read_text("utf-8").splitlines()))
    else:
        rows = [json.loads(line) for line in path.read_text("utf-8").split("\n") if line.strip()]
    out = []
    for i, row in enumerate(rows):
        label = str(row.get("label", "")).strip().lower()
        if label not in ("original", "republished", "0", "1"):
            raise ValueError(f"{path}:{i + 1}: label must be 'original' or 'republished', got {label!r}")
        target = row.get("path") or row.get("url")
        if not target:
            raise ValueError(f"{path}:{i + 1}: needs a 'path' or 'url'")
        p = (path.parent / target) if not str(target).startswith(("http://", "https://")) else None
        if p is None:
            from detector.fetch import fetch

            content, url = fetch(target)
        else:
            content, url = p.read_bytes(), row.get("page_url")
            if p.suffix == ".gz":
                content = gzip.decompress(content)
        doc = read(content)
        features, signals = featurize_content(doc.text, url, doc.kind)
        out.append(Example(
            id=row.get("id") or str(target), group=registrable_domain(url) or str(target),
            label=1 if label in ("republished", "1") else 0, family="user", lang="unknown", kind=doc.kind,
            features=features, source=str(path), fired=[s.name for s in signals if s.fired],
        ))
    return out


def parallel_map(fn, items: list, jobs: int) -> Iterator:
    if jobs <= 1:
        yield from map(fn, items)
        return
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        yield from pool.map(fn, items, chunksize=8)


def matrix(examples: list[Example]) -> np.ndarray:
    return np.vstack([e.features for e in examples]) if examples else np.zeros((0, len(FEATURE_NAMES)))
