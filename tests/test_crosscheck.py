"""The batch cross-check: copies found among the pages of one batch, and which one is the original."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

import crosscheck_pages as P
from detector import rows
from detector.api import Detector
from detector.cli import main
from detector.crosscheck import Print, decide
from tiny_model import tiny_model  # noqa: F401 - pytest fixture

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def detector(tiny_model):  # noqa: F811
    return Detector(tiny_model)


@pytest.fixture(scope="module")
def checked(detector):
    pages = P.batch()
    return dict(zip(pages, detector.crosscheck(pages.values())))


def test_a_clone_and_its_text_dump_and_a_spun_copy_name_the_original(checked):
    for name in ("clone", "dump", "spun"):
        result = checked[name]
        assert result.label == "republished", name
        assert (result.source.kind, result.source.url) == ("batch-match", P.ORIGINAL_URL), name
        assert result.copies[0].url == P.ORIGINAL_URL and result.copies[0].relation == "original"
        assert any(s.name == "batch_copy" and s.value >= 0.5 for s in result.signals)
    # the clone and the dump keep the publisher's name on a host that is not it
    for name, host in (("clone", "dailynewsmirror.xyz"), ("dump", "newsfeed-archive.net")):
        assert f"site name 'Riverside Courier' names riversidecourier.com, not {host}" in checked[name].source.evidence
    assert checked["dump"].copies[0].containment > 0.95


def test_the_original_is_never_flagged_because_others_copied_it(checked, detector):
    html, url = P.original()
    alone = detector.score(html, url)
    result = checked["original"]
    assert (result.label, result.probability, result.source) == (alone.label, alone.probability, alone.source)
    assert not any(s.name == "batch_copy" for s in result.signals)
    assert {c.relation for c in result.copies} == {"copy"}
    assert {c.url for c in result.copies} == {P.clone()[1], P.spun_copy()[1], P.clone_dump()[1]}


def test_a_wire_story_on_two_farms_names_the_wire_and_no_batch_original(checked, detector):
    for name in ("wire_a", "wire_b"):
        result = checked[name]
        assert [c.relation for c in result.copies] == ["wire"]
        assert result.source is None or result.source.kind != "batch-match"
        assert not any(s.name == "batch_copy" for s in result.signals)
    assert checked["wire_a"].copies[0].url == P.wire_farms()[1][1]


def test_an_unrelated_page_has_no_copies(checked):
    assert checked["unrelated"].copies == []


def test_pages_of_one_site_are_never_each_others_copies(detector):
    html, url = P.original()
    second = url.replace("elm-street", "elm-st")
    results = list(detector.crosscheck([(html, url), (html, second)]))
    assert [r.copies for r in results] == [[], []]


def _print(domain: str, **facts) -> Print:
    return Print(id=domain, url=f"https://{domain}/story", domain=domain, label=facts.pop("label", "original"),
                 probability=0.1, shingles=np.zeros(0, np.uint32), **facts)


def test_decide_says_original_unknown_when_nothing_tells():
    decision = decide([_print("alpha.com"), _print("beta.org")])
    assert decision.original is None and decision.evidence.startswith("original unknown")


def test_decide_reads_dates_verdicts_and_wires():
    earlier = decide([_print("alpha.com", date="2024-03-14"), _print("beta.org", date="2024-03-12")])
    assert earlier.original == 1 and "2024-03-12" in earlier.evidence
    same_day = decide([_print("alpha.com", date="2024-03-12"), _print("beta.org", date="2024-03-12")])
    assert same_day.original is None
    verdicts = decide([_print("alpha.com", label="republished"), _print("beta.org")])
    assert verdicts.original == 1 and "reads as an original" in verdicts.evidence
    wire = decide([_print("alpha.com", wire="AP", date="2024-01-01"), _print("beta.org", wire="AP", date="2024-02-01")])
    assert (wire.original, wire.wire) == (None, "AP")
    one_wire = decide([_print("alpha.com", wire="AP", date="2024-01-01"), _print("beta.org", date="2024-02-01")])
    assert one_wire.original == 0  # one member's dateline alone does not make the story the wire's


def test_pages_that_point_at_each_other_decide_nothing():
    a = _print("alpha.com", hosts={"beta.org": 3})
    b = _print("beta.org", hosts={"alpha.com": 3})
    assert decide([a, b]).original is None
    assert decide([a, replace(b, hosts={})]).original == 1


def test_a_proxy_whose_host_spells_a_members_domain_points_at_it():
    proxy = replace(_print("translate.goog"), url="https://www-nytimes-com.translate.goog/story")
    decision = decide([proxy, _print("nytimes.com")])
    assert decision.original == 1 and "spells nytimes.com" in decision.evidence
    cousin = replace(_print("nytimes.xyz"), url="https://nytimes.xyz/story")  # the same name on another TLD: no direction
    assert decide([cousin, _print("nytimes.com")]).original is None
    suffix = replace(_print("news.com.au"), url="https://news.com.au/story")  # a domain of its own, not a mirror
    assert decide([suffix, _print("news.com")]).original is None


def test_an_address_outranks_names_and_the_models_margin():
    original = replace(_print("latimes.com"), probability=0.55)
    proxy = replace(_print("ampproject.org"), url="https://www-latimes-com.cdn.ampproject.org/story", probability=0.99)
    spun = replace(_print("luminajournal.cn"), probability=0.1)  # a copy the model misreads as more original
    namer = replace(_print("farm.vip", names=["Luminajournal Daily"]), probability=0.99)
    decision = decide([original, proxy, spun, namer])
    assert decision.original == 0 and "spells latimes.com" in decision.evidence


def test_a_source_line_that_names_without_a_link_is_a_name_not_an_address():
    credited = replace(_print("ridgeweb.icu"), probability=0.99)
    farm = replace(_print("carrental.in", stated={"kind": "source-link", "name": "Web", "url": None}), probability=0.99)
    original = replace(_print("goodtrade.com"), probability=0.1)
    assert decide([original, credited, farm]).original == 0
    linked = replace(farm, stated={"kind": "source-link", "name": "Web", "url": "https://ridgeweb.icu/a"})
    assert decide([original, credited, linked]).original == 1


def test_prints_survive_their_json(detector):
    from detector.crosscheck import fingerprint

    html, url = P.clone()
    result, page = detector.scored_page(html, url)
    p = fingerprint(page, result, id="x", url=url)
    back = Print.from_json(json.loads(json.dumps(p.to_json())))
    assert (back.shingles == p.shingles).all() and (back.keys == p.keys).all() and back.keys.dtype == np.uint64
    assert back.hosts == p.hosts == {"riversidecourier.com": 4}
    assert back.names == ["Riverside Courier"]


# --------------------------------------------------------------------------------------------------
# detector score


def _write_folder(folder: Path) -> dict[str, str]:
    """The batch as files named by their URL's host; returns name -> path."""
    folder.mkdir()
    pages = {}
    for name, (content, url) in P.batch().items():
        suffix = ".txt" if name == "dump" else ".html"
        path = folder / f"{name}{suffix}"
        path.write_text(content)
        pages[name] = (str(path), url)
    return pages


def _jsonl(folder: Path, path: Path, copies: int = 1) -> None:
    with open(path, "w") as fh:
        for n in range(copies):
            for name, (content, url) in P.batch().items():
                key = "text" if name == "dump" else "html"
                fh.write(json.dumps({"id": f"{name}-{n}", "url": url.replace("/20", f"/{n}/20", 1), key: content}) + "\n")


@pytest.mark.parametrize("suffix", [".jsonl", ".csv", ".parquet"])
def test_score_writes_copies_and_sources_in_every_format(tiny_model, tmp_path, suffix):  # noqa: F811
    if suffix == ".parquet":
        pytest.importorskip("pyarrow")
    pages = tmp_path / "pages.jsonl"
    _jsonl(tmp_path, pages)
    out = tmp_path / f"out{suffix}"
    assert main(["score", str(pages), "--model", str(tiny_model), "--jobs", "1", "-o", str(out)]) == 0
    found = {r["id"]: r for r in _rows(out)}
    assert set(found) == {f"{name}-0" for name in P.batch()}
    clone = found["clone-0"]
    assert clone["label"] == "republished" and clone["source"]["kind"] == "batch-match"
    assert clone["source"]["url"] == P.ORIGINAL_URL.replace("/20", "/0/20", 1)
    assert [c["relation"] for c in found["wire_a-0"]["copies"]] == ["wire"]
    assert found["unrelated-0"]["copies"] == []
    assert not (tmp_path / f"out{suffix}.crosscheck.jsonl").exists()


def _rows(out: Path) -> list[dict]:
    if out.suffix == ".jsonl":
        return [json.loads(line) for line in out.read_text().splitlines()]
    if out.suffix == ".csv":
        import csv

        table = list(csv.DictReader(open(out, newline="")))
    else:
        import pyarrow.parquet as pq

        table = pq.read_table(out).to_pylist()
    return [{**r, **{k: json.loads(r[k]) if r[k] else None for k in ("copies", "source")}} for r in table]


def test_rows_validate_against_the_shipped_schema(tiny_model, tmp_path, capsys):  # noqa: F811
    jsonschema = pytest.importorskip("jsonschema")
    folder = tmp_path / "in"
    _write_folder(folder)
    assert main(["score", str(folder), "--model", str(tiny_model), "--jobs", "1", "--format", "json"]) == 0
    table = json.loads(capsys.readouterr().out)
    assert len(table) == 7 and any(r["source"] and r["source"]["kind"] == "batch-match" for r in table)
    for row in table:
        jsonschema.validate(row, rows.shipped_schema())


def test_no_crosscheck_leaves_rows_as_the_page_alone_gives_them(tiny_model, tmp_path, capsys):  # noqa: F811
    folder = tmp_path / "in"
    _write_folder(folder)
    assert main(["score", str(folder), "--model", str(tiny_model), "--jobs", "1", "--format", "jsonl",
                 "--no-crosscheck"]) == 0
    table = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert all(r["copies"] == [] for r in table)
    assert not any(r["source"] and r["source"]["kind"] == "batch-match" for r in table)


def test_kill_then_resume_gives_every_row_once_and_the_same_clusters(tiny_model, tmp_path):  # noqa: F811
    pages = tmp_path / "pages.jsonl"
    _jsonl(tmp_path, pages, copies=25)  # 175 pages, 25 separate batches of the story
    whole = tmp_path / "whole.jsonl"
    base = [sys.executable, "-m", "detector", "score", str(pages), "--model", str(tiny_model), "--jobs", "2"]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    subprocess.run([*base, "-o", str(whole)], env=env, check=True, capture_output=True, timeout=300)
    out = tmp_path / "out.jsonl"
    side = tmp_path / "out.jsonl.crosscheck.jsonl"
    proc = subprocess.Popen([*base, "-o", str(out)], env=env, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.time() + 120
    while time.time() < deadline and (not side.exists() or side.read_text().count("\n") < 20):
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    assert 20 <= side.read_text().count("\n") < 175 and not out.exists(), "the run should have been killed mid-way"
    done = subprocess.run([*base, "-o", str(out), "--resume"], env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    resumed = [json.loads(line) for line in out.read_text().splitlines()]
    assert sorted(r["id"] for r in resumed) == sorted(json.loads(x)["id"] for x in pages.read_text().splitlines())
    expected = {r["id"]: r for r in map(json.loads, whole.read_text().splitlines())}
    assert {r["id"]: (r["copies"], r["source"], r["label"]) for r in resumed} == \
        {i: (r["copies"], r["source"], r["label"]) for i, r in expected.items()}
    assert not side.exists()


def test_sites_show_the_share_of_pages_that_copy_another_host(tiny_model, tmp_path, capsys):  # noqa: F811
    pages = tmp_path / "pages.jsonl"
    _jsonl(tmp_path, pages)
    out = tmp_path / "out.jsonl"
    assert main(["score", str(pages), "--model", str(tiny_model), "--jobs", "1", "-o", str(out)]) == 0
    capsys.readouterr()
    assert main(["sites", str(out), "--format", "json"]) == 0
    share = {s["host"]: s["copies_share"] for s in json.loads(capsys.readouterr().out)}
    assert share["dailynewsmirror.xyz"] == 1.0 and share["riversidecourier.com"] == 0.0
    assert share["hillviewgazette.com"] == 0.0 and share["newsnowportal.net"] == 0.0


def test_the_reports_show_the_clusters(checked, tiny_model, tmp_path):  # noqa: F811
    pytest.importorskip("matplotlib")
    from detector.report.page_report import render_page_report
    from detector.report.summary import read_rows, render_summary

    html, url = P.clone()
    clone = checked["clone"]
    page = Detector(tiny_model).page(html, url)
    report = render_page_report(html, page, clone)
    assert f"original: {P.ORIGINAL_URL} (containment 1.00)" in report
    table = [clone.to_dict(id="clone"), checked["original"].to_dict(id="original")]
    summary = render_summary(read_rows(iter(json.dumps(r) + "\n" for r in table)))
    assert "<tr><td>dailynewsmirror.xyz</td><td>riversidecourier.com</td><td>1</td></tr>" in summary


def test_a_crowd_of_one_text_names_no_original():
    from detector.crosscheck import MAX_CLUSTER

    crowd = [_print(f"site{i}.com", label="republished" if i else "original") for i in range(MAX_CLUSTER + 1)]
    assert decide(crowd).original is None and decide(crowd[:3]).original == 0


def test_a_short_text_held_in_a_long_one_is_found_though_lsh_misses_it():
    from detector.crosscheck import Batch, band_keys

    rng = np.random.default_rng(0)
    long = np.unique(rng.integers(0, 2**32, 3000, dtype=np.uint64).astype(np.uint32))
    short = np.sort(rng.choice(long, 150, replace=False))
    unrelated = np.unique(rng.integers(0, 2**32, 800, dtype=np.uint64).astype(np.uint32))
    batch = Batch()
    for n, (domain, sh) in enumerate((("long.com", long), ("teaser.net", short), ("other.org", unrelated))):
        batch.add(n, replace(_print(domain), shingles=sh))
    assert not (band_keys(long) == band_keys(short)).any()  # Jaccard 0.05: no band in common
    assert batch.clusters() == [[0, 1]]
    batch.close()


def test_a_page_that_reads_as_a_farm_is_not_made_the_original_by_another_farm_naming_it():
    farm = replace(_print("luckylotus.me"), probability=0.9)
    namer = _print("diamondcompass.online", names=["Lucky Lotus Dental Clinic"], label="republished")
    original = replace(_print("newspaper.de"), probability=0.05)
    assert decide([farm, replace(namer, probability=0.95), original]).original == 2  # the margin decides instead
    assert decide([replace(farm, probability=0.2), replace(namer, probability=0.95), original]).original == 0


def test_a_text_dump_reading_as_an_original_is_no_evidence_against_an_html_page():
    html = replace(_print("newspaper.de"), probability=0.55)
    dump = replace(_print("txt.mirror.in"), probability=0.25, kind="text")
    farm = replace(_print("farm.vip"), probability=0.9)
    assert decide([html, dump, farm]).original == 0  # 0.55 against the farm's 0.9; the dump's 0.25 is not compared
    assert decide([replace(html, probability=0.7), dump, farm]).original is None
