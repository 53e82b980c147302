"""Cross-checking a batch: the pages of one crawl that copy each other, and which one is the original.

A clone keeps the publisher's markup and text, a spun copy signs with a made-up writer, a text dump
of a clone is the original's text: the page alone cannot tell. When the original sits in the same
crawl, the batch is the evidence.

1. While a page is scored, its worker keeps a ``Print``: the main text's shingle hashes
   (``provenance``'s shingles) and the facts that tell an original from a copy: the address the
   page claims elsewhere (canonical, og:url, JSON-LD, a "Source:" line), its wire, its site names,
   the hosts of its links and assets, its date, the model's verdict; and its LSH band keys
   (datasketch's MinHash permutations, 85 bands of 3).
2. After the last page (``Batch``), pages whose band keys collide on another registrable domain are
   candidates, and so are pages that share three anchor shingles (a short text held in a long one,
   which no band finds: ``ANCHOR``); each candidate is verified on the exact shingle sets
   (containment either way at least ``provenance.Settings.copy``, 0.5), and verified pairs join
   into clusters.
3. ``decide`` names a cluster's original from evidence and says which, or "original unknown".
4. ``Verdict`` is what one member learns (its ``copies``, and its original when it is a copy);
   ``provenance.batch_verdict`` is the rule that turns it into a label.

Candidates come from sorting the band keys, not from datasketch's ``MinHashLSH``: the same bands
held in its in-memory storage cost 25 KB a page (254 MB for 10,000 pages, measured), past the
batch's memory bar on their own; as one numpy array they cost 680 bytes a page. The shingles are
spilled to a temporary file and memory-mapped for verification.
"""

from __future__ import annotations

import base64
import json
import tempfile
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field, replace
from functools import cache, lru_cache
from typing import Any
from urllib.parse import urlsplit

import numpy as np

from .page import Page, registrable_domain
from .provenance import BATCH_SIGNAL, Hasher, Settings, Source, batch_verdict, shingles, source_of
from .signals import Signal

SETTINGS = Settings()
MIN_SHINGLES = 40
"""A main text with fewer word 3-grams (about 40 words) is too short to call a copy: cookie walls
and error pages are the same few lines on every site."""
ANCHOR = 16
"""One shingle in 16 (by its hash, so the same ones on every page) is an anchor. A short copy held in
a long original (a teaser, one section, a text dump of a trimmed page) shares a Jaccard of 0.1 with
it, which no LSH band finds; but all its anchors are the original's anchors."""
ANCHOR_PAIRS = 3
"""Anchors two pages must share to be a candidate pair (then verified like any other)."""
ANCHOR_CROWD = 20
"""An anchor on more pages than this is a common phrase, not a story's text: it proposes no pairs."""
MAX_LISTED = 20
"""Members listed in one row's ``copies`` (the original first, then the closest)."""
MARGIN = 0.25
"""How much lower the original's probability of republished must be than every other member's when
the model's reading decides. Two originals that carry the same text (a story syndicated by two
newspapers) differed by up to 0.14 in the benchmark's crawl; a copy carries the traces of copying."""
MAX_CLUSTER = 200
"""A cluster larger than this is a crowd of one boilerplate text, not a story and its copies: no
member is named its original (and its members are not compared pair by pair)."""
_STAR = 64
"""A band bucket with more pages than this is a crowd of identical texts: each joins the first,
which keeps the clusters and avoids n² candidate pairs."""
WIRE_SIGNALS = ("wire_dateline", "wire_credit")
ADDRESS, NAME = 0, 1
"""How strongly a page points at another's site (``pointer``): by an address (canonical, a source
line's link, a host name spelling the site), or by a name or links, which farms' frames also carry
for other farms."""
_MIX = np.array([0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9], dtype=np.uint64)

# --------------------------------------------------------------------------------------------------
# One page's print, made in the worker that scored it


@dataclass
class Print:
    """What the cross-check keeps of one scored page. ``hosts``: registrable domain -> links and
    assets of the page on it (other domains only); ``stated``: the original the page names itself
    (``provenance.source_of``); ``wire``: the wire its dateline or credit names."""

    id: str | None
    url: str | None
    domain: str
    label: str
    probability: float
    shingles: np.ndarray
    stated: dict | None = None
    wire: str | None = None
    names: list[str] = field(default_factory=list)
    hosts: dict[str, int] = field(default_factory=dict)
    date: str | None = None
    kind: str = "html"  # or "text": a dump keeps none of the markup the model reads
    keys: np.ndarray | None = None  # ``band_keys``, made by the worker that scored the page

    def to_json(self) -> dict:
        return {**asdict(replace(self, shingles=None, keys=None)), "shingles": _b64(self.shingles),
                "keys": None if self.keys is None else _b64(self.keys)}

    @classmethod
    def from_json(cls, data: dict) -> Print:
        keys = data.get("keys")
        return cls(**{**data, "shingles": _unb64(data["shingles"], np.uint32),
                      "keys": None if keys is None else _unb64(keys, np.uint64)})

    def band_keys(self) -> np.ndarray:
        return self.keys if self.keys is not None else band_keys(self.shingles)


def _b64(a: np.ndarray) -> str:
    return base64.b64encode(np.ascontiguousarray(a).astype(a.dtype.newbyteorder("<")).tobytes()).decode("ascii")


def _unb64(text: str, dtype: Any) -> np.ndarray:
    return np.frombuffer(base64.b64decode(text), dtype=np.dtype(dtype).newbyteorder("<")).astype(dtype)


@cache
def _hasher() -> Hasher:
    return Hasher(SETTINGS.num_perm, SETTINGS.seed)


def band_keys(hashes: np.ndarray) -> np.ndarray:
    """One 64-bit key per LSH band of the MinHash signature: pages sharing a key are candidates.
    Made in the scoring workers, beside the shingles (``Hasher`` draws datasketch's permutations
    without importing datasketch, which imports SciPy: 50 MB a worker)."""
    sig = _hasher().signature(hashes)[: SETTINGS.bands * SETTINGS.rows].reshape(SETTINGS.bands, SETTINGS.rows)
    acc = np.zeros(SETTINGS.bands, dtype=np.uint64)
    for j in range(SETTINGS.rows):
        acc += (sig[:, j].astype(np.uint64) + np.uint64(j + 1)) * _MIX[j % len(_MIX)]
    return acc ^ (acc >> np.uint64(29))


def fingerprint(page: Page, result: Any, *, id: str | None = None, url: str | None = None) -> Print | None:
    """The print of a scored page; None when it cannot join a cluster (no domain, too little text)."""
    url = url or result.url or page.url
    domain = registrable_domain(url)
    hashes = shingles(page.main_text)
    if not domain or len(hashes) < MIN_SHINGLES:
        return None
    stated = source_of(page, result.signals)
    wire = source_of(page, [s for s in result.signals if s.name in WIRE_SIGNALS])
    hosts = Counter(registrable_domain(link.href) for link in page.links if link.href)
    hosts.update(registrable_domain(u) for u in page.resource_urls)
    hosts.pop(domain, None)
    hosts.pop(None, None)
    return Print(id, url, domain, result.label, result.probability, hashes,
                 stated=stated.to_dict() if stated else None, wire=wire.name if wire else None,
                 names=sorted({n.text.strip() for n in page.site_names if n.text.strip()})[:8],
                 hosts=dict(hosts.most_common(30)),
                 date=min(d.value for d in page.dates).isoformat() if page.dates else None, kind=page.kind,
                 keys=band_keys(hashes))


# --------------------------------------------------------------------------------------------------
# What one member of a cluster learns


@dataclass(frozen=True)
class Copy:
    """Another member of the page's cluster. ``containment``: share of this page's main text found
    in the other; ``coverage``: share of the other's found in this page. ``relation``: the other
    is this page's "original", a "copy" of it, a "sibling" (another copy of the same original),
    "unknown" (no evidence named an original) or "wire" (the same wire story)."""

    id: str | None
    url: str | None
    containment: float
    coverage: float
    relation: str

    def to_dict(self) -> dict:
        return {k: (round(v, 4) if isinstance(v, float) else v) for k, v in asdict(self).items()}


@dataclass(frozen=True)
class Verdict:
    """What one member of a cluster learns: the others, and its original when it is a copy."""

    copies: list[Copy]
    source: Source | None = None  # the batch original, when this page copies it
    containment: float = 0.0  # of this page's text in that original (the closer direction)

    def to_json(self) -> dict:
        return {"copies": [asdict(c) for c in self.copies], "source": self.source.to_dict() if self.source else None,
                "containment": self.containment}

    @classmethod
    def from_json(cls, data: dict) -> Verdict:
        return cls([Copy(**c) for c in data["copies"]], Source(**data["source"]) if data["source"] else None,
                   data["containment"])

    def signal(self) -> Signal:
        """The ``batch_copy`` signal of a copy (only copies carry it, as only --reference gives ``reference_match``)."""
        return Signal(BATCH_SIGNAL, round(self.containment, 4), self.source.evidence if self.source else "")


def apply_to_result(result: Any, verdict: Verdict) -> Any:
    """Give a ``Result`` its ``copies`` and, for a copy of a known original, the ``batch_copy``
    signal, the verdict of ``provenance.batch_verdict`` and a "batch-match" source."""
    result.copies = verdict.copies
    if verdict.source is not None:
        result.signals = [*result.signals, verdict.signal()]
        result.label, result.probability = batch_verdict(result.probability, verdict.containment)
        if result.source is None or result.source.kind != "reference-match":
            result.source = verdict.source
    return result


def apply_to_row(row: dict, verdict: Verdict) -> dict:
    """The same as ``apply_to_result``, on a row already built (``detector.rows``)."""
    if row.get("error"):
        return row
    row = {**row, "copies": [c.to_dict() for c in verdict.copies]}
    if verdict.source is not None:
        signal = verdict.signal()
        label, probability = batch_verdict(row["probability"], verdict.containment)
        reasons = [*row["reasons"], {"name": signal.name, "value": signal.value, "evidence": signal.evidence,
                                     "locator": None}]
        row.update(label=label, probability=round(probability, 4), signals={**row["signals"], BATCH_SIGNAL: signal.value},
                   reasons=sorted(reasons, key=lambda r: -r["value"]))
        if (row.get("source") or {}).get("kind") != "reference-match":
            row["source"] = verdict.source.to_dict()
    return row


# --------------------------------------------------------------------------------------------------
# Which member is the original


@dataclass(frozen=True)
class Decision:
    original: int | None  # the member, or None: unknown, or a wire story
    evidence: str  # which evidence decided, for people
    wire: str | None = None


def _core(domain: str) -> str:
    return domain.split(".")[0]


@lru_cache(maxsize=1 << 16)
def _agree(name: str, other: str) -> bool:
    """``identity.names_agree``, remembered: ``decide`` asks it of every ordered pair of a cluster."""
    from .signals.identity import names_agree

    return names_agree(name, other)


def _spells(url: str, domain: str, other: str) -> bool:
    """Whether the host of ``url`` (on ``domain``) spells the whole of ``other``, as proxies and
    mirrors name the site they serve: ``www-nytimes-com.translate.goog`` (dashes for dots, two for
    a dash), ``nytimes.com.mirror.xyz`` (dotted, before the host's own domain: ``news.com.au`` does
    not spell ``news.com``)."""
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:  # e.g. an unbalanced "[" in the host
        return False
    dashed = {other.replace(".", "-"), other.replace("-", "--").replace(".", "-")}
    below = host[: -len(domain)] if host.endswith(domain) else ""
    return f".{other}." in f".{below}" or any(label == d or label.endswith("-" + d)
                                              for label in host.split(".") for d in dashed)


def points_at(x: Print, o: Print) -> str | None:
    """The evidence on page ``x`` that ``o``'s site published it first (``pointer``), or None."""
    found = pointer(x, o)
    return found[1] if found else None


def pointer(x: Print, o: Print) -> tuple[int, str] | None:
    """(strength, evidence) of page ``x`` pointing at ``o``'s site as the first publisher, strongest
    first: an address (``ADDRESS``): the one ``x`` claims (canonical, og:url, JSON-LD, syndication
    meta), the site its "Source:" line links, a host name that spells ``o``'s domain (a proxy's or
    a mirror's); then a name or links (``NAME``): the site a "Source:" line names without a link, a
    site name that names ``o``'s domain and not ``x``'s, two or more links and assets on ``o``'s site."""
    stated = x.stated or {}
    if stated.get("kind") in ("canonical", "source-link"):
        named = stated.get("url") or stated.get("name") or ""
        if registrable_domain(named) == o.domain or (not stated.get("url") and named and (
                any(_agree(named, n) for n in o.names) or _agree(named, _core(o.domain)))):
            what = "its canonical address" if stated["kind"] == "canonical" else "its source line"
            return ADDRESS if stated.get("url") else NAME, f"{what} names {o.domain} ({stated.get('url') or named})"
    if x.url and _spells(x.url, x.domain, o.domain):
        return ADDRESS, f"its address {x.url} spells {o.domain} in its host name"
    own = [n for n in x.names if _agree(n, _core(x.domain))]
    other = [n for n in x.names if _agree(n, _core(o.domain))]
    if other and not own:
        return NAME, f"its site name {other[0]!r} names {o.domain}, not {x.domain}"
    if x.hosts.get(o.domain, 0) >= 2:
        return NAME, f"{x.hosts[o.domain]} of its links and assets are on {o.domain}"
    return None


def decide(members: list[Print]) -> Decision:
    """The cluster's original, from evidence in this order: every member carries the same wire (the
    source is the wire, no member is the original); the other members' pages point at one site
    (``pointer``: by addresses alone first, then by names and links too) and it points at none,
    unless names and links alone point at it and it reads as a copy by ``MARGIN`` more than
    another member (farms here reuse each other's names); the model's reading of each page: the
    only member read as an original while the others read as republished (which flags no page
    anew), or the member whose probability of republished is lower than every other's by
    ``MARGIN``; the one date earlier than every other member's. Containment does not decide: a copy that adds chrome
    holds the original, but a trimmed copy is held by it, so its direction says nothing."""
    if len(members) > MAX_CLUSTER:
        return Decision(None, f"original unknown: {len(members)} pages on many sites share this text (a template or "
                              f"boilerplate rather than a story)")
    wires = {m.wire for m in members}
    if len(wires) == 1 and None not in wires:
        wire = wires.pop()
        return Decision(None, f"every member carries the {wire} wire's dateline or credit: the source is the wire", wire)
    said = [(i, j, found) for i, x in enumerate(members) for j, o in enumerate(members)
            if x.domain != o.domain and (found := pointer(x, o)) is not None]
    # The model's readings compare like with like: a text dump lost the markup that the model reads
    # as a copy's traces, so its low probability says nothing when an HTML member is there.
    readable = [i for i, m in enumerate(members) if m.kind == "html"] or list(range(len(members)))
    lowest = min(members[i].probability for i in readable)
    for strength in (ADDRESS, NAME):  # addresses first: a farm's frame may carry another farm's name, not its address
        pointers: dict[int, list[str]] = defaultdict(list)
        pointing: set[str] = set()
        for i, j, (kind, why) in said:
            if kind <= strength:
                pointers[j].append(f"{members[i].url or members[i].id}: {why}")
                pointing.add(members[i].domain)
        targets = {members[j].domain for j in pointers} - pointing
        if len(targets) == 1:
            j = max((j for j in pointers if members[j].domain in targets), key=lambda j: len(pointers[j]))
            # Named only by names and links, a member that reads as a copy by the margin is a farm
            # that other farms' frames name, not their publisher; an address is not reused so.
            if strength == ADDRESS or members[j].probability - lowest < MARGIN:
                return Decision(j, pointers[j][0])
            break
    originals = [i for i, m in enumerate(members) if m.label == "original"]
    if len({members[i].domain for i in originals}) == 1 and len(originals) < len(members):
        i = originals[0]
        return Decision(i, f"the only member whose own page reads as an original ({members[i].domain}); "
                           "the others read as republished")
    low = min(readable, key=lambda i: members[i].probability)
    rest = [members[i].probability for i in readable if members[i].domain != members[low].domain]
    if rest and min(rest) - members[low].probability >= MARGIN:
        return Decision(low, f"its own page reads as the original: probability of republished "
                             f"{members[low].probability:.2f}, every other member's {min(rest):.2f} or more")
    dated = sorted((m.date, i) for i, m in enumerate(members) if m.date)
    if len(dated) == len(members) and dated[0][0] < dated[1][0]:
        i = dated[0][1]
        return Decision(i, f"its date {dated[0][0]} is before every other member's (next: {dated[1][0]})")
    return Decision(None, "original unknown: no member's page points at another, and neither verdicts nor dates tell")


# --------------------------------------------------------------------------------------------------
# The batch: prints in, clusters and verdicts out


class Batch:
    """The prints of one batch, by number (input order). In memory: each page's band keys, anchors
    and domain (about 1 KB); its shingles and facts go to temporary files, read back when pairs are
    verified (memory-mapped) and when clusters are decided (the facts of their members only)."""

    def __init__(self) -> None:
        self._spill = tempfile.TemporaryFile(prefix="detector-crosscheck-")
        self._facts_spill = tempfile.TemporaryFile(prefix="detector-crosscheck-facts-")
        self._offsets = [0]
        self._fact_offsets = [0]
        self._keys: list[np.ndarray] = []
        self._anchors: list[np.ndarray] = []
        self._numbers: list[int] = []
        self._domains: list[int] = []
        self._domain_ids: dict[str, int] = {}
        self._facts: dict[int, Print] = {}  # of cluster members, once decided
        self._shingles: np.ndarray | None = None

    def add(self, number: int, p: Print) -> None:
        self._spill.write(p.shingles.astype("<u4").tobytes())
        self._offsets.append(self._offsets[-1] + len(p.shingles))
        self._fact_offsets.append(self._fact_offsets[-1] + self._facts_spill.write(
            json.dumps(asdict(replace(p, shingles=None, keys=None))).encode()))
        self._keys.append(p.band_keys())
        self._anchors.append(p.shingles[(p.shingles & np.uint32(ANCHOR - 1)) == 0])
        self._numbers.append(number)
        self._domains.append(self._domain_ids.setdefault(p.domain, len(self._domain_ids)))

    def close(self) -> None:
        self._shingles = None
        self._spill.close()
        self._facts_spill.close()

    def _sh(self, i: int) -> np.ndarray:
        if self._shingles is None:
            self._spill.flush()
            self._shingles = (np.memmap(self._spill, dtype="<u4", mode="r") if self._offsets[-1]
                              else np.zeros(0, np.uint32))
        return self._shingles[self._offsets[i]:self._offsets[i + 1]]

    def _load_facts(self, members: Iterable[int]) -> None:
        self._facts_spill.flush()
        for i in sorted(set(members) - set(self._facts)):
            self._facts_spill.seek(self._fact_offsets[i])
            data = json.loads(self._facts_spill.read(self._fact_offsets[i + 1] - self._fact_offsets[i]))
            self._facts[i] = Print(**{**data, "shingles": np.zeros(0, np.uint32)})

    def _contain(self, i: int, k: int) -> tuple[float, float]:
        """(share of i's shingles in k, share of k's in i)."""
        a, b = self._sh(i), self._sh(k)
        common = len(np.intersect1d(a, b, assume_unique=True))
        return common / max(len(a), 1), common / max(len(b), 1)

    def candidates(self) -> np.ndarray:
        """Pairs (i, k), i < k, on different domains that share a band key (near-duplicates), or
        ``ANCHOR_PAIRS`` anchors (a short text held in a long one)."""
        n = len(self._keys)
        if n < 2:
            return np.zeros((0, 2), dtype=np.int64)
        domains = np.array(self._domains)
        found = [_equal_groups(band, np.arange(n), _STAR) for band in np.vstack(self._keys).T]
        lengths = [len(a) for a in self._anchors]
        if sum(lengths):
            owners = np.repeat(np.arange(n), lengths)
            shared = _equal_groups(np.concatenate(self._anchors), owners, ANCHOR_CROWD, crowd_too=False)
            shared = np.sort(shared[shared[:, 0] != shared[:, 1]], axis=1)
            codes, counts = np.unique(shared[:, 0] * n + shared[:, 1], return_counts=True)
            codes = codes[counts >= ANCHOR_PAIRS]
            found.append(np.column_stack([codes // n, codes % n]))
        if not found:
            return np.zeros((0, 2), dtype=np.int64)
        pairs = np.sort(np.vstack(found), axis=1)
        pairs = pairs[domains[pairs[:, 0]] != domains[pairs[:, 1]]]
        return np.unique(pairs, axis=0)

    def clusters(self) -> list[list[int]]:
        """Members (indices into the batch) of each cluster of verified copies, in input order."""
        parent = list(range(len(self._keys)))

        def root(i: int) -> int:
            while parent[i] != i:
                parent[i] = parent[parent[i]]
                i = parent[i]
            return i

        for i, k in self.candidates():
            if max(self._contain(int(i), int(k))) >= SETTINGS.copy:
                parent[root(int(i))] = root(int(k))
        groups: dict[int, list[int]] = defaultdict(list)
        for i in range(len(parent)):
            groups[root(i)].append(i)
        return [g for g in groups.values() if len(g) > 1]

    def _decided(self) -> Iterator[tuple[list[int], int | None, Decision]]:
        """(members, the original among them or None, the decision) per cluster."""
        clusters = self.clusters()
        self._load_facts(i for members in clusters for i in members)
        for members in clusters:
            decision = decide([self._facts[i] for i in members])
            yield members, members[decision.original] if decision.original is not None else None, decision

    def verdicts(self) -> Iterator[tuple[int, Verdict, Decision]]:
        """(number, verdict, its cluster's decision) for every page that is in a cluster."""
        for members, original, decision in self._decided():
            for i in members:
                yield self._numbers[i], self._verdict(i, members, original, decision), decision

    def verdict_of(self) -> Callable[[int], Verdict]:
        """number -> Verdict. The clusters are decided now; each verdict (with its ``copies``) is made
        when asked, so memory holds no more than the clusters' facts while the rows are amended."""
        where: dict[int, tuple[int, tuple[list[int], int | None, Decision]]] = {}
        for cluster in self._decided():
            for i in cluster[0]:
                where[self._numbers[i]] = (i, cluster)
        self._keys, self._anchors = [], []  # only the clusters are needed now

        def verdict(number: int) -> Verdict:
            if number not in where:
                return Verdict([])
            i, (members, original, decision) = where[number]
            return self._verdict(i, members, original, decision)

        return verdict

    def _verdict(self, i: int, members: list[int], original: int | None, decision: Decision) -> Verdict:
        me = self._facts[i]
        copy = original is not None and self._facts[original].domain != me.domain
        others = [k for k in members if k != i]
        if original in others:
            others.remove(original)
            others.insert(0, original)
        listed = []
        for k in others[:MAX_LISTED]:
            containment, coverage = self._contain(i, k)
            listed.append(Copy(self._facts[k].id, self._facts[k].url, containment, coverage,
                               _relation(k, i, original, decision)))
        if not copy:
            return Verdict(listed)
        o = self._facts[original]
        held = max(self._contain(i, original))
        why = points_at(me, o)  # its own page's evidence first, else what decided for the cluster
        evidence = (f"{held:.0%} of the main text is shared with {o.url or o.id}, a page of this batch on "
                    f"{o.domain}; the original by evidence: " + (f"{me.url or me.id}: {why}" if why else decision.evidence))
        source = Source("batch-match", o.names[0] if o.names else o.domain, o.url, evidence, BATCH_SIGNAL)
        return Verdict(listed, source, held)


def _equal_groups(values: np.ndarray, owners: np.ndarray, most: int, crowd_too: bool = True) -> np.ndarray:
    """(owner, owner) pairs of every group of equal values: all pairs of a group of up to ``most``
    owners; a larger group joins each owner to the first (``crowd_too``) or is skipped. Vectorised
    by distance within the sorted groups: a batch has ~100,000 groups, mostly pairs."""
    order = np.argsort(values, kind="stable")
    ordered, who = values[order], owners[order]
    starts = np.flatnonzero(np.r_[True, ordered[1:] != ordered[:-1]])
    sizes = np.diff(np.r_[starts, len(values)])
    group = np.repeat(np.arange(len(starts)), sizes)
    small = np.repeat(sizes <= most, sizes)
    found = [np.zeros((0, 2), dtype=np.int64)]
    for d in range(1, most):
        same = (group[:-d] == group[d:]) & small[d:]
        if not same.any():
            break  # groups are contiguous: none is longer than d
        found.append(np.column_stack([who[:-d][same], who[d:][same]]))
    if crowd_too:
        rest = ~small & (np.arange(len(values)) != np.repeat(starts, sizes))
        found.append(np.column_stack([np.repeat(who[starts], sizes)[rest], who[rest]]))
    return np.vstack(found).astype(np.int64)


def _relation(k: int, i: int, original: int | None, decision: Decision) -> str:
    if decision.wire:
        return "wire"
    if original is None:
        return "unknown"
    return "original" if k == original else "copy" if i == original else "sibling"


# --------------------------------------------------------------------------------------------------
# The library call


def crosscheck(detector: Any, pages: Iterable[Any]) -> Iterator[Any]:
    """Score ``pages`` and cross-check them: ``Result``s in input order, each with ``copies`` and,
    for a copy of an original in the batch, a "batch-match" ``source`` (``detector.crosscheck``).

    A page is ``(content, url)``, plain ``content`` or a ``detector.inputs.Record``. Results wait
    in a temporary file (pickled by us, read back by us) until the last page has been read, so
    memory holds prints only."""
    import pickle

    batch = Batch()
    with tempfile.TemporaryFile(prefix="detector-results-") as held:
        count = 0
        for number, item in enumerate(pages):
            content, url, kind, id = _unpack(item, number)
            result, page = detector.scored_page(content, url, kind=kind)
            p = fingerprint(page, result, id=id, url=url)
            if p is not None:
                batch.add(number, p)
            pickle.dump(result, held)
            count += 1
        verdict = batch.verdict_of()
        held.seek(0)
        try:
            for number in range(count):
                result = pickle.load(held)  # noqa: S301 - our own temporary file, written just above
                yield apply_to_result(result, verdict(number))
        finally:
            batch.close()


def _unpack(item: Any, number: int) -> tuple[Any, str | None, str | None, str]:
    if hasattr(item, "content") and hasattr(item, "id"):
        return item.content, item.url, item.kind, item.id
    if isinstance(item, tuple):
        return item[0], item[1], None, str(number)
    return item, None, None, str(number)




# --------------------------------------------------------------------------------------------------
# Rows already written: the batch runner's spill


def amended_rows(spilled: Callable[[], Iterable[tuple[dict, dict | None]]]) -> Iterator[dict]:
    """Rows with their cross-check, from two reads of the spilled (row, print JSON) pairs: the first
    makes the clusters from the prints, the second amends each row in order (``apply_to_row``).
    Two reads of a file rather than the rows in memory: a 10,000-page crawl's rows are ~50 MB. The
    batch is not built while the pages are scored, in the parent: that would import numpy there
    (14 MB beside the workers, at the run's peak), and the first read costs less (the prints carry
    their band keys, made by the workers)."""
    batch = Batch()
    try:
        for number, (_, p) in enumerate(spilled()):
            if p is not None:
                batch.add(number, Print.from_json(p))
        verdict = batch.verdict_of()
        for number, (row, _) in enumerate(spilled()):
            yield apply_to_row(row, verdict(number))
    finally:
        batch.close()


__all__ = ["Batch", "Copy", "Decision", "MIN_SHINGLES", "Print", "Verdict", "amended_rows", "apply_to_result",
           "apply_to_row", "crosscheck", "decide", "fingerprint", "pointer", "points_at"]
