"""Provenance: naming the original from attribution, the reference index (round trip, robustness,
safe on-disk format, Redis storage) and the CLI (index build/add, find-copies, score --reference)."""

from __future__ import annotations

import json
import random
import socket
import sys
from pathlib import Path

import numpy as np
import pytest

sys.path.insert(0, str(Path(__file__).parent))
from tiny_model import tiny_model  # noqa: E402,F401 - pytest fixture

from detector.cli import main  # noqa: E402
from detector.page import parse_html  # noqa: E402
from detector.provenance import ReferenceIndex, Settings, source_of  # noqa: E402
from detector.signals import extract  # noqa: E402

WORDS = ("council river budget school harbour winter festival bridge water farmers market station train "
         "library museum hospital doctors nurses parents teachers students police court judge mayor vote "
         "election plan project money tax price housing rent street traffic bus cycle park garden tree "
         "storm flood rain snow heat summer spring autumn family children history city village county "
         "officials residents report study data survey result growth jobs workers company factory energy "
         "solar wind power grid coal gas oil climate carbon forest wildlife birds fish coast beach island "
         "the a of to and in on for with at by from said says will would could after before during while "
         "new old local national first last year week month today yesterday morning evening night").split()


def article(seed: int, paragraphs: int = 6, words: int = 45) -> list[str]:
    """A deterministic made-up article: ``paragraphs`` of ``words`` words."""
    rng = random.Random(seed)
    return [" ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "." for _ in range(paragraphs)]


def html_page(title: str, paragraphs: list[str], head: str = "", extra: str = "") -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (f"<html><head><title>{title}</title>{head}</head><body><nav><a href='/'>Home</a></nav>"
            f"<article><h1>{title}</h1>{body}{extra}</article><footer>© 2024</footer></body></html>")


def spun(text: str, rng: random.Random, rate: float = 0.15) -> str:
    words = text.split(" ")
    return " ".join(rng.choice(WORDS) + "x" if rng.random() < rate else w for w in words)


# --------------------------------------------------------------------------------------------------
# Source naming


def source(html: str, url: str):
    page = parse_html(html, url)
    return source_of(page, extract(page))


def test_source_names_the_wire_of_a_dateline():
    paras = ["BEIJING (AP) — Officials said on Tuesday that the new bridge over the river would open next spring."] + article(1, 3)
    src = source(html_page("Bridge to open", paras), "https://farm.example.com/bridge")
    assert src is not None and (src.kind, src.name, src.signal) == ("wire", "AP", "wire_dateline")


def test_source_names_a_cross_domain_canonical():
    head = '<link rel="canonical" href="https://www.riverside-courier.com/news/2024/bridge-opens">'
    src = source(html_page("Bridge to open", article(2, 4), head), "https://farm.example.com/bridge")
    assert src is not None and src.kind == "canonical"
    assert src.url == "https://www.riverside-courier.com/news/2024/bridge-opens"
    assert src.name == "riverside-courier.com"


def test_source_names_the_link_of_an_appeared_first_on_line():
    extra = ('<p>The post Bridge to open appeared first on '
             '<a href="https://www.riverside-courier.com/bridge">Riverside Courier</a>.</p>')
    src = source(html_page("Bridge to open", article(3, 4), extra=extra), "https://farm.example.com/bridge")
    assert src is not None and src.kind == "source-link"
    assert (src.name, src.url) == ("Riverside Courier", "https://www.riverside-courier.com/bridge")


LONG_URL = "https://www.riverside-courier.com/news/2024/03/05/" + "bridge-over-the-river-opens-" * 12 + "story.html"


def test_source_keeps_a_long_syndication_address_whole():
    """Evidence is cut at 200 characters for people; the source came from parsing it back, so a long
    address came back cut ("https://…bridge-over-the-river-o…"). It now reads the signal's facts."""
    head = f'<meta name="syndication-source" content="{LONG_URL}">'
    src = source(html_page("Bridge to open", article(5, 4), head), "https://farm.example.com/bridge")
    assert src is not None and (src.kind, src.signal) == ("canonical", "syndication_meta")
    assert (src.name, src.url) == ("riverside-courier.com", LONG_URL)
    assert len(src.evidence) <= 200  # the evidence for people is still cut


def test_source_finds_the_link_at_the_end_of_a_long_origin_line():
    """The link's text sat past the evidence's 200th character, so the source became the cut evidence."""
    extra = ("<p>Originally published by the editors and the staff of a regional newspaper group that has served the "
             "valley, the hills and the lake towns since 1881, now online at "
             '<a href="https://www.riverside-courier.com/bridge">Riverside Courier Online Edition</a></p>')
    src = source(html_page("Bridge to open", article(6, 4), extra=extra), "https://farm.example.com/bridge")
    assert src is not None and (src.kind, src.signal) == ("source-link", "source_line")
    assert (src.name, src.url) == ("Riverside Courier Online Edition", "https://www.riverside-courier.com/bridge")
    assert src.evidence.endswith("…")


def test_no_source_without_attribution():
    assert source(html_page("Bridge to open", article(4, 4)), "https://courier.example.com/bridge") is None


# --------------------------------------------------------------------------------------------------
# The index


@pytest.fixture()
def index(tmp_path: Path) -> ReferenceIndex:
    idx = ReferenceIndex.create(tmp_path / "idx")
    docs = [(f"doc{i}", f"https://paper{i % 7}.example.org/story/{i}", f"Story {i}", "\n".join(article(i)))
            for i in range(60)]
    assert idx.add(docs[:30]) == 30
    assert idx.add(docs[25:]) == 30  # doc25..29 are indexed already: skipped
    return ReferenceIndex.open(tmp_path / "idx")


def test_round_trip_update_and_lazy_load(index: ReferenceIndex):
    assert len(index) == 60 and index.meta["segments"] == ["seg-000001", "seg-000002"]
    assert index._docs is None and index._segments is None and index._lsh is None  # nothing loaded on open
    best = index.query("\n".join(article(42)))[0]
    assert (best.id, best.url, round(best.containment, 3), best.copied) == ("doc42", "https://paper0.example.org/story/42", 1.0, True)
    assert best.jaccard > 0.9
    assert index.query("\n".join(article(1000))) == []  # an unrelated text matches nothing


def test_robust_to_headline_trim_boilerplate_and_spinning(index: ReferenceIndex):
    rng = random.Random(7)
    paras = article(17)
    trimmed = ["A completely different headline for the farm"] + paras[:2] + paras[3:5] + [
        "Subscribe to our newsletter and follow us on social media for more stories like this one."]
    assert index.query("\n".join(trimmed))[0].id == "doc17"
    spun_text = "\n".join(spun(p, rng) for p in paras)
    best = index.query(spun_text)[0]
    assert best.id == "doc17" and best.copied and 0.4 < best.containment < 0.8


def test_signature_is_datasketch_minhash():
    from datasketch import MinHash

    from detector.provenance import Hasher, shingles

    hashes = shingles("\n".join(article(5)))
    reference = MinHash(num_perm=256, seed=1, scheme="affine32", hashfunc=int)
    reference.update_batch(hashes.tolist())
    hasher = Hasher(256, 1)
    assert (hasher.a == reference.permutations[0]).all() and (hasher.b == reference.permutations[1]).all()
    assert (hasher.signature(hashes) == reference.hashvalues).all()


def test_on_disk_format_is_json_and_plain_arrays(index: ReferenceIndex):
    files = sorted(p.name for p in index.path.iterdir())
    assert "index.json" in files and "docs.jsonl" in files
    json.loads((index.path / "index.json").read_text("utf-8"))
    for name in files:
        if name.endswith(".npy"):
            array = np.load(index.path / name, allow_pickle=False)  # would raise on an object (pickled) array
            assert array.dtype.kind in "ui"
    # a tampered segment holding pickled objects is refused, not unpickled
    np.save(index.path / "seg-000001.offsets.npy", np.array([{"x": 1}], dtype=object), allow_pickle=True)
    with pytest.raises(ValueError):
        ReferenceIndex.open(index.path).query("\n".join(article(3)))


def _redis_up(port: int = 6379) -> bool:
    try:
        import redis  # noqa: F401
    except ImportError:
        return False
    try:
        socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
        return True
    except OSError:
        return False


@pytest.mark.skipif(not _redis_up(), reason="no redis-server on 127.0.0.1:6379 (or no redis client)")
def test_redis_storage_is_shared_between_openers(tmp_path: Path):
    import redis

    idx = ReferenceIndex.create(tmp_path / "idx", Settings(storage="redis://127.0.0.1:6379/0"))
    try:
        idx.add([(f"doc{i}", f"https://p.example.org/{i}", None, "\n".join(article(i))) for i in range(20)])
        other = ReferenceIndex.open(tmp_path / "idx")  # another worker: the LSH comes from Redis, not rebuilt
        assert other.query("\n".join(article(11)))[0].id == "doc11"
        idx.add([("doc99", None, None, "\n".join(article(99)))])
        assert ReferenceIndex.open(tmp_path / "idx").query("\n".join(article(99)))[0].id == "doc99"
    finally:
        client = redis.Redis(host="127.0.0.1", port=6379, db=0)
        keys = list(client.scan_iter(match=idx.settings.basename.encode() + b"*"))
        if keys:
            client.delete(*keys)


def test_redis_storage_that_does_not_answer_is_one_line_and_leaves_no_index(tmp_path: Path, capsys):
    """It gave a traceback and left a folder whose LSH never reached Redis: later queries found nothing."""
    pytest.importorskip("redis")
    with socket.socket() as probe:  # a port that nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    originals = tmp_path / "originals.jsonl"
    originals.write_text(json.dumps({"id": "o1", "url": "https://c.example/1", "html": html_page("S", article(1))}) + "\n")
    assert main(["index", "build", str(originals), "-o", str(tmp_path / "idx"),
                 "--storage", f"redis://:secret@127.0.0.1:{port}/0"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and f"its Redis storage at 127.0.0.1:{port} cannot be used" in err
    assert "secret" not in err and "Traceback" not in err
    assert not (tmp_path / "idx").exists()


# --------------------------------------------------------------------------------------------------
# CLI end to end


def test_cli_index_find_copies_and_score_reference(tmp_path: Path, capsys, tiny_model):  # noqa: F811
    originals, crawl = tmp_path / "originals", tmp_path / "crawl"
    originals.mkdir()
    crawl.mkdir()
    with open(originals / "archive.jsonl", "w") as fh:
        for i in range(8):
            fh.write(json.dumps({"id": f"orig{i}", "url": f"https://courier.example.org/2024/story-{i}",
                                 "html": html_page(f"Story {i}", article(i))}) + "\n")
    (crawl / "copy.html").write_text(html_page("You will not believe this", article(5)[:4]))
    (crawl / "own.html").write_text(html_page("Unrelated", article(500)))
    index = tmp_path / "idx"
    assert main(["index", "build", str(originals / "archive.jsonl"), "-o", str(index)]) == 0
    (originals / "late.html").write_text(html_page("Late story", article(8)))
    assert main(["index", "add", str(index), str(originals / "late.html")]) == 0
    assert len(ReferenceIndex.open(index)) == 9
    capsys.readouterr()

    assert main(["find-copies", "--reference", str(index), str(crawl), "--format", "jsonl"]) == 0
    rows = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert [r["origin"].rsplit("/", 1)[-1] for r in rows] == ["copy.html"]
    assert rows[0]["matches"][0]["url"] == "https://courier.example.org/2024/story-5"

    for i in range(6):  # more copies, read by two workers: the rows keep the crawl's order
        (crawl / f"copy{i}.html").write_text(html_page(f"Copy {i}", article(i)[:4]))
    assert main(["find-copies", "--reference", str(index), str(crawl), "--format", "jsonl", "--jobs", "2"]) == 0
    rows = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert [r["origin"].rsplit("/", 1)[-1] for r in rows] == ["copy.html", *(f"copy{i}.html" for i in range(6))]
    assert [r["matches"][0]["url"].rsplit("-", 1)[-1] for r in rows] == ["5", *map(str, range(6))]
    for i in range(6):
        (crawl / f"copy{i}.html").unlink()

    copy = crawl / "copy.html"
    assert main(["score", str(copy), "--url", "https://farm.example.com/x", "--model", str(tiny_model),
                 "--reference", str(index), "--format", "json", "--jobs", "1"]) == 0
    (row,) = json.loads(capsys.readouterr().out)
    assert row["label"] == "republished"
    assert row["source"]["kind"] == "reference-match"
    assert row["source"]["url"] == "https://courier.example.org/2024/story-5"
    assert row["matches"][0]["containment"] > 0.9
    assert any(r["name"] == "reference_match" for r in row["reasons"])
