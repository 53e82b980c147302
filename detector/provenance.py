"""Provenance: name the original of a republished page, and find copies of known originals.

Two sources of "where from":

* the page's own attribution (``source_of``): the wire named by a dateline or credit line, the
  cross-domain canonical / og:url / JSON-LD url, the link of a "Source:" or "appeared first on" line;
* a reference index of known originals (``ReferenceIndex``): the main text's shingles are MinHashed
  (datasketch), LSH proposes candidates, and each candidate is verified on the exact shingle sets,
  which gives the containment (how much of the page is in the original) that ranks the matches.

The index is a folder of JSON metadata and numpy arrays, loaded with ``allow_pickle=False`` and
memory-mapped on first query, so opening it costs nothing and a tampered index cannot run code.
Each ``add`` writes a new segment; nothing already written is rewritten.
"""

from __future__ import annotations

import json
import re
import time
import unicodedata
import uuid
import zlib
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from functools import partial
from itertools import tee
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import numpy as np

from .budget import Budget, WorkerPool, in_order
from .errors import BudgetError, ReferenceIndexError  # noqa: F401 - re-exported: defined with every public error
from .files import atomic_write, atomic_write_text
from .page import Page, registrable_domain
from .signals import Signal

FORMAT = "detector-reference-index"
VERSION = 1

# --------------------------------------------------------------------------------------------------
# Source naming from the page's own attribution


@dataclass(frozen=True)
class Source:
    """The most likely original: ``kind`` is "wire", "canonical", "source-link", "reference-match" or
    "batch-match" (another page of the same batch, ``detector.crosscheck``)."""

    kind: str
    name: str | None
    url: str | None
    evidence: str
    signal: str

    def to_dict(self) -> dict:
        return asdict(self)


def source_of(page: Page, signals: list[Signal], matches: list[Match] | None = None) -> Source | None:
    """The original named by the strongest evidence: a verified reference match is the most concrete
    (a known page holding this text), then an address the page itself gives (canonical, og:url, a
    syndication meta, a Source link), then a wire agency, which names an author but no page."""
    fired = {s.name: s for s in signals if s.fired}
    match = next((m for m in matches or [] if m.copied and _elsewhere(m.domain, page)), None)
    if match is not None:
        return Source("reference-match", match.title or match.domain, match.url, match.describe(), "reference_match")
    for name in ("canonical_elsewhere", "syndication_meta", "source_line", "wire_dateline", "wire_credit"):
        sig = fired.get(name)
        facts = sig.facts if sig is not None else None
        if facts is None:
            continue
        if facts.wire:
            return Source("wire", facts.wire, None, sig.evidence, name)
        if name in ("canonical_elsewhere", "syndication_meta"):
            return Source("canonical", facts.domain, facts.url, sig.evidence, name)
        if facts.name:
            return Source("source-link", facts.name, facts.url, sig.evidence, name)
    return None


def _elsewhere(domain: str | None, page: Page) -> bool:
    """Another site, or a site we cannot compare (an unknown domain is not "the same site")."""
    return not (domain and page.domain and domain == page.domain)


# --------------------------------------------------------------------------------------------------
# Shingles and MinHash

# Scripts written without spaces: every character is a token (as words are elsewhere).
_CHAR_SCRIPT = r"\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff"
_WORD = re.compile(r"[^\W_]+")
_CHAR = re.compile(rf"[{_CHAR_SCRIPT}]")
_SPLIT = re.compile(rf"[{_CHAR_SCRIPT}]|[^{_CHAR_SCRIPT}]+")
_MIX = np.array([0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0xD6E8FEB86659FD93,
                 0xFF51AFD7ED558CCD, 0xC4CEB9FE1A85EC53, 0x94D049BB133111EB, 0xBF58476D1CE4E5B9], dtype=np.uint64)


@dataclass(frozen=True)
class ShingleSpec:
    """Word n-grams for spaced scripts, character n-grams for CJK/Thai/Burmese/Khmer.

    Word 3-grams (not 5-grams): a spun copy that swaps 15% of its words keeps 0.85³ ≈ 61% of its
    3-grams but only 44% of its 5-grams, and 3-grams of unrelated articles still barely overlap.
    """

    word_n: int = 3
    char_n: int = 5


def tokens(text: str) -> list[str]:
    """Lower-cased words; in scripts without spaces, single characters."""
    words = _WORD.findall(unicodedata.normalize("NFKC", text).lower())
    if not _CHAR.search(text):
        return words
    return [t for w in words for t in (_SPLIT.findall(w) if _CHAR.search(w) else (w,))]


def shingles(text: str, spec: ShingleSpec = ShingleSpec()) -> np.ndarray:
    """Sorted unique 32-bit hashes of the text's n-grams (stable across processes and machines)."""
    toks = tokens(text)
    if not toks:
        return np.zeros(0, dtype=np.uint32)
    chars = sum(1 for t in toks if len(t) == 1 and _CHAR.match(t)) if _CHAR.search(text) else 0
    n = min(spec.char_n if chars * 2 > len(toks) else spec.word_n, len(toks), len(_MIX))
    h = np.array([zlib.crc32(t.encode()) for t in toks], dtype=np.uint64)
    width = len(toks) - n + 1
    acc = np.zeros(width, dtype=np.uint64)
    for j in range(n):  # uint64 arithmetic wraps, which is what a hash wants
        acc += (h[j:j + width] + np.uint64(j + 1)) * _MIX[j]
    acc ^= acc >> np.uint64(33)
    acc *= _MIX[4]
    acc ^= acc >> np.uint64(29)
    return np.unique((acc >> np.uint64(32)).astype(np.uint32))


class Hasher:
    """datasketch's MinHash (scheme "affine32") over precomputed 32-bit shingle hashes.

    The permutations are datasketch's, drawn as ``MinHash`` draws them (numpy's ``RandomState``: an
    odd ``a`` and a ``b`` per permutation) but without importing datasketch, which imports SciPy
    (2 s and 50 MB in each process that makes the batch cross-check's band keys). The signature is
    computed here in numpy, equal to ``MinHash.update_batch`` (a test checks both) but without its
    per-value Python call, which dominated on long pages."""

    _CHUNK = 2048  # rows of the (shingles × permutations) product at a time: stays in cache

    def __init__(self, num_perm: int, seed: int) -> None:
        self.num_perm, self.seed = num_perm, seed
        gen = np.random.RandomState(seed)
        self.a = gen.randint(0, 1 << 31, num_perm, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
        self.b = gen.randint(0, 1 << 32, num_perm, dtype=np.uint32)

    def signature(self, hashes: np.ndarray) -> np.ndarray:
        out = np.full(self.num_perm, np.iinfo(np.uint32).max, dtype=np.uint32)
        hv = _fmix32(np.asarray(hashes, dtype=np.uint32))
        for i in range(0, len(hv), self._CHUNK):
            np.minimum(out, (hv[i:i + self._CHUNK, None] * self.a + self.b).min(axis=0), out=out)
        return out


def _fmix32(h: np.ndarray) -> np.ndarray:
    """The MurmurHash3 32-bit finalizer, which datasketch applies before its affine permutations."""
    h = h ^ (h >> np.uint32(16))
    h = h * np.uint32(0x85EBCA6B)
    h = h ^ (h >> np.uint32(13))
    h = h * np.uint32(0xC2B2AE35)
    return h ^ (h >> np.uint32(16))


class _Signature:
    """What MinHashLSH reads of a MinHash (its values, length and scheme), without building one per
    stored document: rebuilding the LSH of 10,000 originals then takes a fraction of a second."""

    scheme = "affine32"

    def __init__(self, hashvalues: np.ndarray) -> None:
        self.hashvalues = np.asarray(hashvalues)

    def __len__(self) -> int:
        return len(self.hashvalues)


# --------------------------------------------------------------------------------------------------
# The reference index


@dataclass(frozen=True)
class Match:
    """A known original that holds the page's text.

    ``containment``: share of the page's shingles found in the original (exact, after LSH);
    ``jaccard``: MinHash estimate of the Jaccard similarity; ``coverage``: share of the original's
    shingles found in the page (a trimmed copy covers less of its original)."""

    id: str
    url: str | None
    domain: str | None
    title: str | None
    containment: float
    jaccard: float
    coverage: float
    copied: bool = False  # containment at or above the index's copy threshold

    def describe(self) -> str:
        return (f"{self.containment:.0%} of the main text is in {self.url or self.id} "
                f"(estimated Jaccard {self.jaccard:.2f}, covers {self.coverage:.0%} of it)")

    def to_dict(self) -> dict:
        return {k: (round(v, 4) if isinstance(v, float) else v) for k, v in asdict(self).items()}


@dataclass
class Settings:
    # LSH bands of r = 3 values: a spun copy (15% of words swapped) keeps J ≈ 0.44 on word 3-grams,
    # which 85 bands find 99.9% of the time; 42 bands (num_perm 128) missed 2-4% in the benchmark.
    num_perm: int = 256
    seed: int = 1
    bands: int = 85
    rows: int = 3
    word_n: int = 3
    char_n: int = 5
    min_shingles: int = 8  # a page shorter than this has no text worth matching
    report: float = 0.2  # matches below this containment are not reported
    copy: float = 0.5  # ... and from this containment up they count as a copy
    storage: str | None = None  # None (in-process dict) or "redis://host:port/db"
    basename: str = field(default_factory=lambda: "detector-ref-" + uuid.uuid4().hex[:12])



_SEGMENT_NAME = re.compile(r"seg-\d{6}")
_BOUNDS = {"num_perm": (16, 1024), "seed": (0, 2**32 - 1), "bands": (1, 1024), "rows": (1, 1024),
           "word_n": (1, 16), "char_n": (1, 32), "min_shingles": (0, 1_000_000)}


def _meta_problem(meta: dict) -> str | None:
    """What is wrong with a (possibly tampered) index.json, or None: settings within bounds (a
    num_perm of 3e8 took 6 GB), segment names that stay inside the folder (no "../../x")."""
    settings = meta.get("settings")
    if not isinstance(settings, dict) or not set(settings) <= {f.name for f in fields(Settings)}:
        return "its settings are not this version's"
    for key, (low, high) in _BOUNDS.items():
        value = settings.get(key, getattr(Settings, key))
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            return f"setting {key} = {value!r} is outside {low}..{high}"
    if settings.get("bands", Settings.bands) * settings.get("rows", Settings.rows) > settings.get("num_perm", Settings.num_perm):
        return "bands × rows is more than num_perm"
    for key in ("report", "copy"):
        value = settings.get(key, getattr(Settings, key))
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 1:
            return f"setting {key} = {value!r} is not a share between 0 and 1"
    if not isinstance(settings.get("storage"), (str, type(None))) or not isinstance(settings.get("basename", ""), str):
        return "its storage settings are not strings"
    segments, count = meta.get("segments"), meta.get("count")
    if not isinstance(segments, list) or not all(isinstance(n, str) and _SEGMENT_NAME.fullmatch(n) for n in segments):
        return "its segment names are not seg-NNNNNN"
    if isinstance(count, bool) or not isinstance(count, int) or count < 0:
        return "its count is not a number of documents"
    return None


def _save_array(path: Path, array: np.ndarray) -> None:
    with open(path, "wb") as fh:  # a file object: numpy would add ".npy" to a path
        np.save(fh, array, allow_pickle=False)


def _segment_problem(arrays: list[np.ndarray], num_perm: int) -> str | None:
    signatures, offsets, shingles = arrays
    if signatures.ndim != 2 or signatures.shape[1] != num_perm or signatures.dtype != np.uint32:
        return f"has signatures that are not n × {num_perm} uint32"
    if offsets.ndim != 1 or len(offsets) != len(signatures) + 1 or offsets.dtype.kind not in "iu":
        return "has offsets that do not match its signatures"
    if shingles.ndim != 1 or (len(offsets) and (offsets[0] != 0 or offsets[-1] != len(shingles))):
        return "has offsets that do not match its shingles"
    return None


class ReferenceIndex:
    """A folder: ``index.json`` (settings, segments, count), ``docs.jsonl`` (one line per original)
    and per segment ``NAME.signatures.npy`` (n × num_perm uint32), ``NAME.offsets.npy`` (n+1 int64)
    and ``NAME.shingles.npy`` (every original's sorted shingle hashes, uint32, concatenated)."""

    def __init__(self, path: str | Path, meta: dict) -> None:
        self.path = Path(path)
        self.meta = meta
        self.settings = Settings(**meta["settings"])
        self.spec = ShingleSpec(self.settings.word_n, self.settings.char_n)
        self._hasher: Hasher | None = None
        self._docs: list[dict] | None = None
        self._segments: list[tuple[int, np.ndarray, np.ndarray, np.ndarray]] | None = None
        self._lsh = None

    # -- opening and creating

    @classmethod
    def open(cls, path: str | Path) -> ReferenceIndex:
        """Reads the metadata only; documents, arrays and the LSH load on first query."""
        try:
            meta = json.loads((Path(path) / "index.json").read_text("utf-8"))
        except (OSError, ValueError) as exc:
            raise ReferenceIndexError(f"{path}: not a reference index ({exc})") from None
        if not isinstance(meta, dict) or meta.get("format") != FORMAT or meta.get("version") != VERSION:
            raise ReferenceIndexError(f"{path}: not a {FORMAT} version {VERSION}")
        if (problem := _meta_problem(meta)) is not None:
            raise ReferenceIndexError(f"refusing {path}: {problem}")
        return cls(path, meta)

    @classmethod
    def create(cls, path: str | Path, settings: Settings | None = None) -> ReferenceIndex:
        """A new empty index; its storage must answer first, so that nothing is written for an index
        whose originals could never reach its LSH (it would find nothing, in silence)."""
        path = Path(path)
        if (path / "index.json").exists():
            raise ReferenceIndexError(f"{path}: an index exists already")
        meta = {"format": FORMAT, "version": VERSION, "settings": asdict(settings or Settings()), "segments": [], "count": 0}
        index = cls(path, meta)
        index._check_storage()
        path.mkdir(parents=True, exist_ok=True)
        index._write_meta()
        return index

    @classmethod
    def open_or_create(cls, path: str | Path, settings: Settings | None = None) -> ReferenceIndex:
        return cls.open(path) if (Path(path) / "index.json").exists() else cls.create(path, settings)

    def __len__(self) -> int:
        return int(self.meta["count"])

    def _write_meta(self) -> None:
        atomic_write_text(self.path / "index.json", json.dumps(self.meta, indent=1))

    # -- lazy parts

    @property
    def hasher(self) -> Hasher:
        if self._hasher is None:
            self._hasher = Hasher(self.settings.num_perm, self.settings.seed)
        return self._hasher

    @property
    def docs(self) -> list[dict]:
        if self._docs is None:
            path = self.path / "docs.jsonl"
            lines = path.read_text("utf-8").split("\n") if path.exists() else []
            self._docs = [json.loads(x) for x in lines[: len(self)]]  # lines past count: an unfinished add
        return self._docs

    @property
    def segments(self) -> list[tuple[int, np.ndarray, np.ndarray, np.ndarray]]:
        """(first doc number, signatures, offsets, shingles) per segment, memory-mapped."""
        if self._segments is None:
            self._segments, base = [], 0
            for name in self.meta["segments"]:
                try:
                    arrays = [np.load(self.path / f"{name}.{part}.npy", mmap_mode="r", allow_pickle=False)
                              for part in ("signatures", "offsets", "shingles")]
                except (OSError, ValueError) as exc:
                    raise ReferenceIndexError(f"refusing {self.path}: segment {name} cannot be read ({exc})") from None
                if (problem := _segment_problem(arrays, self.settings.num_perm)) is not None:
                    raise ReferenceIndexError(f"refusing {self.path}: segment {name} {problem}")
                self._segments.append((base, *arrays))
                base += len(arrays[0])
        return self._segments

    def _storage_config(self) -> dict:
        url = self.settings.storage
        if not url:
            return {"type": "dict"}
        parts = urlsplit(url)
        if parts.scheme != "redis":
            raise ReferenceIndexError(f"unknown storage {url!r}: use redis://host:port/db")
        redis = {"host": parts.hostname or "127.0.0.1", "port": parts.port or 6379,
                 "db": int(parts.path.strip("/") or 0)}
        if parts.password:
            redis["password"] = parts.password
        return {"type": "redis", "basename": self.settings.basename.encode(), "redis": redis}

    def _check_storage(self) -> None:
        config = self._storage_config()
        if config["type"] == "redis":
            import redis

            with self._storage_errors():
                redis.Redis(**config["redis"], socket_connect_timeout=5).ping()

    @contextmanager
    def _storage_errors(self) -> Iterator[None]:
        """A Redis storage that cannot be reached, or goes away, is one line that names it (not the
        password in its URL), never a traceback."""
        if not self.settings.storage:
            yield
            return
        from redis.exceptions import RedisError

        try:
            yield
        except RedisError as exc:
            where = urlsplit(self.settings.storage)
            raise ReferenceIndexError(f"{self.path}: its Redis storage at {where.hostname}:{where.port or 6379} "
                                      f"cannot be used ({exc})") from None

    def _new_lsh(self):
        from datasketch import MinHashLSH

        return MinHashLSH(num_perm=self.settings.num_perm, params=(self.settings.bands, self.settings.rows),
                          storage_config=self._storage_config(), prepickle=False)  # bytes keys: no pickle in Redis

    @property
    def lsh(self):
        """In-process storage is rebuilt from the signatures on first use; Redis storage is shared as is."""
        if self._lsh is None:
            self._lsh = self._new_lsh()
            if not self.settings.storage:
                self._insert_lsh(self._lsh, ((base + i, sig) for base, sigs, _, _ in self.segments
                                             for i, sig in enumerate(sigs)))
        return self._lsh

    def _insert_lsh(self, lsh, items: Iterable[tuple[int, np.ndarray]]) -> None:
        with lsh.insertion_session() as session:
            for number, sig in items:
                session.insert(str(number).encode(), _Signature(sig), check_duplication=False)

    # -- adding

    def add(self, docs: Iterable[tuple[str, str | None, str | None, str]]) -> int:
        """Add (id, url, title, main text) documents as one new segment; ids already indexed and texts
        too short to match are skipped. Returns how many were added."""
        known = {d["id"] for d in self.docs}
        meta_rows, sigs, parts = [], [], []
        for doc_id, url, title, text in docs:
            sh = shingles(text, self.spec)
            if doc_id in known or len(sh) < self.settings.min_shingles:
                continue
            known.add(doc_id)
            meta_rows.append({"id": doc_id, "url": url, "domain": registrable_domain(url), "title": title})
            sigs.append(self.hasher.signature(sh))
            parts.append(sh)
        if not meta_rows:
            return 0
        name = f"seg-{len(self.meta['segments']) + 1:06d}"
        offsets = np.zeros(len(parts) + 1, dtype=np.int64)
        offsets[1:] = np.cumsum([len(p) for p in parts])
        arrays = {"signatures": np.vstack(sigs).astype(np.uint32), "offsets": offsets,
                  "shingles": np.concatenate(parts).astype(np.uint32)}
        for part, array in arrays.items():  # a temporary file of ours, never a name planted in the folder
            atomic_write(self.path / f"{name}.{part}.npy", partial(_save_array, array=array))
        with open(self.path / "docs.jsonl", "a", encoding="utf-8") as fh:
            fh.write("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in meta_rows))
        start = len(self)
        if self.settings.storage:  # shared storage: insert before the count makes the docs visible
            with self._storage_errors():
                self._insert_lsh(self.lsh, ((start + i, s) for i, s in enumerate(arrays["signatures"])))
        self.meta["segments"].append(name)
        self.meta["count"] = start + len(meta_rows)
        self._write_meta()
        self._docs, self._segments = None, None
        if not self.settings.storage:
            self._lsh = None
        return len(meta_rows)

    # -- querying

    def _doc_arrays(self, number: int) -> tuple[np.ndarray, np.ndarray]:
        for base, sigs, offsets, sh in reversed(self.segments):
            if number >= base:
                i = number - base
                return sigs[i], sh[offsets[i]:offsets[i + 1]]
        raise KeyError(number)

    def query(self, text: str, *, top: int = 3, min_containment: float | None = None) -> list[Match]:
        """The best originals for ``text``, highest containment first."""
        floor = self.settings.report if min_containment is None else min_containment
        sh = shingles(text, self.spec)
        if len(sh) < self.settings.min_shingles or not len(self):
            return []
        sig = self.hasher.signature(sh)
        matches = []
        with self._storage_errors():
            keys = self.lsh.query(_Signature(sig))
        for key in keys:
            number = int(key)
            if number >= len(self):
                continue  # inserted into shared storage by an add that has not finished
            doc_sig, doc_sh = self._doc_arrays(number)
            common = len(np.intersect1d(sh, doc_sh, assume_unique=True))
            containment = common / len(sh)
            if containment < floor:
                continue
            d = self.docs[number]
            matches.append(Match(d["id"], d.get("url"), d.get("domain"), d.get("title"), containment,
                                 float(np.mean(doc_sig == sig)), common / max(len(doc_sh), 1),
                                 containment >= self.settings.copy))
        matches.sort(key=lambda m: (-m.containment, -m.jaccard))
        return matches[:top]


# --------------------------------------------------------------------------------------------------
# Records -> documents, and the verdict rule


def page_of(content: bytes | str, url: str | None, kind: str | None = None, max_bytes: int | None = None) -> Page:
    """Read and parse one input the way ``Detector.page`` does (without loading a model)."""
    from .reading import DEFAULT_MAX_BYTES, read
    from .page import parse_html
    from .text_page import parse_text

    doc = read(content, max_bytes=max_bytes or DEFAULT_MAX_BYTES, kind=kind)
    return (parse_html if doc.kind == "html" else parse_text)(doc.text, url, truncated=doc.truncated)


def documents(records: Iterable, on_error=None, *,
              budget: Budget | None = None) -> Iterator[tuple[str, str | None, str | None, str]]:
    """(id, url, title, main text) of each readable record; ``on_error(record, reason)`` for the rest.
    With a ``budget``, each page is read in a worker process that is stopped past it (see ``page_texts``)."""
    for record, text in page_texts(records, budget):
        if isinstance(text, str):
            if on_error:
                on_error(record, text)
            continue
        url, title, main_text = text
        yield record.id, url or record.url, title, main_text


def page_texts(records: Iterable, budget: Budget | None, kind: str | None = None, *,
               jobs: int = 1) -> Iterator[tuple[Any, tuple[str | None, str | None, str] | str]]:
    """Each record with its page's (url, title, main text), or with why it has none, in input order.
    With a ``budget`` the pages are read in ``jobs`` worker processes (``detector.budget``, no model
    loaded), so that a hostile page stuck in C code is stopped and the rest of the crawl goes on."""
    pool = WorkerPool(_no_model, budget or Budget(None, None), size=jobs) if budget is not None or jobs > 1 else None

    def texts(record: Any) -> tuple[str | None, str | None, str] | str:
        if record.error is not None or record.content is None:
            return record.error or "no content"
        args = (record.content, record.url, kind or record.kind)
        try:
            return pool.call(_texts_of, *args) if pool is not None else _texts_of(None, *args)
        except Exception as exc:  # noqa: BLE001 - one bad page must not stop an archive
            return str(exc) if isinstance(exc, BudgetError) else f"{type(exc).__name__}: {exc}"

    records, pairs = tee(records)
    try:
        yield from zip(pairs, in_order(texts, records, jobs))
    finally:
        if pool is not None:
            pool.close()


def _no_model() -> None:
    """Reading pages needs no Detector: a worker for ``page_texts`` loads nothing."""
    return None


def _texts_of(_: None, content: bytes | str, url: str | None, kind: str | None) -> tuple[str | None, str | None, str]:
    page = page_of(content, url, kind)
    return page.url, page.headline or page.title or None, page.main_text


REFERENCE_SIGNAL = "reference_match"


def reference_signal(page: Page, matches: list[Match]) -> tuple[Signal, Match | None]:
    """The ``reference_match`` signal: the containment of the best original on another site.

    A match on the page's own site is the page itself (or its own earlier version), never a copy."""
    best = next((m for m in matches if _elsewhere(m.domain, page)), None)
    if best is None:
        return Signal(REFERENCE_SIGNAL, 0.0), None
    return Signal(REFERENCE_SIGNAL, round(best.containment, 4), best.describe()), best


def decides(page: Page, best: Match | None) -> bool:
    """The documented rule: a copy-level match (containment ≥ the index's ``copy``, 0.5 by default)
    of an original on a *known, different* domain makes the page republished. When either domain is
    unknown the page may be the original itself, so the match is reported but does not decide."""
    return bool(best and best.copied and best.domain and page.domain and best.domain != page.domain)


def apply_reference(result, page: Page, index: ReferenceIndex | None):
    """Add the reference matches and the ``reference_match`` signal to a model ``Result``, apply the
    rule of ``decides`` and name the source of a republished page.

    The model never sees the reference (its features are unchanged, so the shipped model stays
    valid): a copy-level match on another domain sets the label to republished and the probability
    to max(model probability, containment), which is then evidence, no longer a calibrated figure."""
    matches: list[Match] = []
    if index is not None:
        t0 = time.perf_counter()
        matches = index.query(page.main_text)
        signal, best = reference_signal(page, matches)
        result.signals.append(signal)
        result.matches = matches
        if decides(page, best):
            result.label = "republished"
            result.probability = max(result.probability, best.containment)
        result.timings_ms["reference"] = round((time.perf_counter() - t0) * 1000, 2)
    if result.label == "republished":
        result.source = source_of(page, result.signals, matches)
    return result


BATCH_SIGNAL = "batch_copy"


def batch_verdict(probability: float, containment: float) -> tuple[str, float]:
    """The documented rule for a page of a batch whose text an evidenced original in the same batch
    holds (``detector.crosscheck`` finds the clusters and names the original): the page is
    republished, with probability max(model probability, containment), as for ``decides``. A page
    that others copied, or whose cluster has no known original, is never changed by this rule."""
    return "republished", max(probability, containment)
