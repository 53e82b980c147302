"""The reports: the page is disarmed, the highlights sit on the elements that fired, the summary has
its plots and tables; and the served app answers (Flask's test client, no browser)."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from located import assert_lines_found

from detector import Detector
from detector.cli import main
from detector.reading import read
from detector.report import page_report
from detector.report.page_report import HIT_ATTR, sanitize

REPO = Path(__file__).resolve().parents[1]
FARM = REPO / "examples" / "farm_wire_story.html"
FIXTURES = REPO / "tests" / "fixtures"


@pytest.fixture(scope="module")
def detector() -> Detector:
    return Detector()


def framed(report: str) -> BeautifulSoup:
    """The sanitised page inside the report's sandboxed iframe."""
    frame = BeautifulSoup(report, "lxml").find("iframe", id="page")
    assert frame is not None and frame.has_attr("sandbox") and not frame["sandbox"]  # no allow-* at all
    return BeautifulSoup(frame["srcdoc"], "lxml")


def hits(doc: BeautifulSoup) -> dict[str, list]:
    """signal name -> the elements highlighted for it."""
    out: dict[str, list] = {}
    for el in doc.select(f"[{HIT_ATTR}]"):
        for name in el[HIT_ATTR].split():
            out.setdefault(name, []).append(el)
    return out


def test_sanitize_drops_scripts_handlers_and_script_urls():
    hostile = """<html><head><script>alert(1)</script><meta http-equiv="refresh" content="0;url=http://x">
    <style>p{color:red}</style></head><body onload="alert(2)">
    <p onclick="alert(3)" onMouseOver="x()">text <a href="javascript:alert(4)">a</a> <a href="/ok">b</a></p>
    <img src="x.png" onerror="alert(5)"><img src="data:image/svg+xml,<svg onload=alert(6)>">
    <iframe src="http://evil"></iframe><object data="x.swf"></object><embed src="x.swf">
    <form action="http://evil"><button formaction="javascript:alert(7)">go</button></form>
    <svg><script>alert(8)</script></svg><a href=" JaVaScRiPt:alert(9)">c</a><p>after</p></body></html>"""
    soup, css = sanitize(hostile)
    out = str(soup)
    assert "alert" not in out and "javascript" not in out.lower()
    for tag in ("script", "iframe", "object", "svg", "meta"):
        assert soup.find(tag) is None, tag
    assert all(not el.attrs for el in soup.find_all("embed"))  # kept only as an inert container
    assert not any(a.lower().startswith("on") for el in soup.find_all(True) for a in el.attrs)
    assert soup.find("form").get("action") is None
    assert not soup.select("a[href]")  # links disarmed; the target stays readable
    assert soup.find("a", attrs={"data-href": "/ok"})["title"] == "→ /ok"
    assert "color:red" in css
    assert soup.find("p", string="after")  # libxml2 nests what follows <embed> inside it: kept
    assert_lines_found(hostile)


def test_report_is_self_contained_and_escaped(detector):
    html, result = page_report(detector, FARM.read_bytes(), name="<b>farm</b>")
    assert result.label == "republished"
    doc = BeautifulSoup(html, "lxml")
    assert doc.find(id="verdict").get_text() == "REPUBLISHED"
    assert "&lt;b&gt;farm&lt;/b&gt;" in html and "<b>farm</b>" not in html
    assert doc.find("script") is None
    csp = doc.find("meta", attrs={"http-equiv": "Content-Security-Policy"})["content"]
    assert "default-src 'none'" in csp  # no remote fetch from the report or (inherited) its frame
    assert "googletagmanager" not in html.split("srcdoc=")[0]


def test_highlights_sit_on_the_elements_that_fired(detector):
    html, result = page_report(detector, FARM.read_bytes())
    marked = hits(framed(html))
    dateline = marked["wire_dateline"]
    assert len(dateline) == 1 and dateline[0].name == "p" and dateline[0].get_text().startswith("BEIJING (AP)")
    assert [el.get_text(strip=True) for el in marked["byline_not_person"]] == ["Goldleaf View"]
    assert marked["byline_not_person"][0]["class"] == ["author"]
    blocks = marked["link_block_headings"]
    assert len(blocks) >= 3 and all(el.name in ("ul", "ol") for el in blocks)
    assert any("related" in el.parent.get("class", []) for el in blocks)
    assert [el["class"] for el in marked["category_unrelated"]] == [["crumbs"]]  # the breadcrumb
    assert marked["vote_widget"][0]["class"] == ["digg-box"]
    assert "Views:" in marked["view_counter"][0].get_text()
    fired = {s.name for s in result.reasons}
    assert set(marked) <= fired


def test_every_fixture_line_is_found_in_the_report_where_the_page_locates_it():
    """Evidence read from a line points at the element holding it; the report's copy must find it there."""
    for path in [FARM, *FIXTURES.glob("*.html")]:
        assert_lines_found(read(path.read_bytes()).text)


def test_text_dump_highlights_lines(detector):
    html, result = page_report(detector, (FIXTURES / "farm_dump_wire.txt").read_bytes())
    marked = hits(framed(html))
    assert marked["wire_dateline"][0].name == "li"
    assert marked["wire_dateline"][0].get_text().startswith("BEIJING (AP)")
    heading = marked["link_block_headings"][0]
    assert heading.get_text() == "Related"  # then its headlines, outlined as the same block
    assert "detector-cont" in heading.find_next_sibling("li")["class"]


def test_summary_has_plots_host_table_and_top_signals(detector, tmp_path):
    from detector.report.summary import summary_report

    rows = []
    for path in [FARM, *sorted(FIXTURES.glob("*.html"))]:
        r = detector.score(path.read_bytes())
        rows.append({"id": path.name, "url": r.url, "label": r.label, "probability": r.probability,
                     "threshold": r.threshold, "reasons": [s.to_dict() for s in r.reasons]})
    rows.append({"id": "broken", "url": None, "error": "binary input"})
    text = "\n".join(json.dumps(r) for r in rows) + "\nnot json\n"
    html, batch = summary_report(io.StringIO(text), name="t")
    doc = BeautifulSoup(html, "lxml")
    for img in ("histogram", "signal-bars"):
        assert doc.find(id=img)["src"].startswith("data:image/png;base64,iVBOR")
    hosts = [tr.find("td").get_text() for tr in doc.select("#hosts tbody tr")]
    assert "goldleafwealthacademy.com" in hosts
    assert doc.select("#signals tbody tr code")
    assert len(batch.failed) == 1 and len(batch.bad_lines) == 1

    out = tmp_path / "results.jsonl"
    out.write_text(text, encoding="utf-8")
    assert main(["report", str(out), "-o", str(tmp_path / "summary.html")]) == 0
    assert "histogram" in (tmp_path / "summary.html").read_text(encoding="utf-8")


def test_cli_page_report(tmp_path):
    assert main(["report", str(FARM), "-o", str(tmp_path / "r.html")]) == 0
    assert 'id="verdict" class="verdict republished"' in (tmp_path / "r.html").read_text(encoding="utf-8")
    assert main(["report", str(tmp_path / "missing.html"), "-o", str(tmp_path / "x.html")]) == 1


def _index_of_the_farm_story(tmp_path: Path) -> Path:
    """A reference index holding the example farm page's text as an original on another site."""
    original = tmp_path / "original.jsonl"
    original.write_text(json.dumps({"id": "orig", "url": "https://news.example.org/2024/03/20/state-visit",
                                    "html": FARM.read_text(encoding="utf-8")}) + "\n")
    assert main(["index", "build", str(original), "-o", str(tmp_path / "idx")]) == 0
    return tmp_path / "idx"


def test_page_report_shows_the_source_and_with_reference_the_matches(tmp_path):
    report = tmp_path / "r.html"
    assert main(["report", str(FARM), "-o", str(report)]) == 0
    page = BeautifulSoup(report.read_text(encoding="utf-8"), "lxml")
    assert page.find(id="source").get_text(" ", strip=True).startswith("wire: AP")
    assert page.find(id="matches").get_text(strip=True) == "-"

    assert main(["report", str(FARM), "-o", str(report), "--reference", str(_index_of_the_farm_story(tmp_path))]) == 0
    page = BeautifulSoup(report.read_text(encoding="utf-8"), "lxml")
    source = page.find(id="source").get_text(" ", strip=True)
    assert source.startswith("reference-match: ") and "https://news.example.org/2024/03/20/state-visit" in source
    assert "https://news.example.org/2024/03/20/state-visit containment 1.00" in page.find(id="matches").get_text(" ", strip=True)
    assert main(["report", str(FARM), "-o", str(report), "--reference", str(tmp_path / "no-index")]) == 1


def test_serve_takes_a_reference(tmp_path):
    pytest.importorskip("flask")
    from detector.cli import build_parser
    from detector.serve import create_app

    index = _index_of_the_farm_story(tmp_path)
    assert build_parser().parse_args(["serve", "--reference", str(index)]).reference == str(index)
    client = create_app(Detector(reference=index)).test_client()
    r = client.post("/api/score", json={"html": FARM.read_text(encoding="utf-8")})
    assert r.get_json()["source"]["kind"] == "reference-match"
    r = client.post("/report", data={"content": FARM.read_text(encoding="utf-8")})
    assert b"containment 1.00" in r.data


def test_served_app_scores_and_reports(detector):
    pytest.importorskip("flask")
    from detector.serve import create_app

    client = create_app(detector, max_upload=200_000).test_client()
    assert b'name="content"' in client.get("/").data
    r = client.post("/api/score", json={"html": FARM.read_text(encoding="utf-8")})
    assert r.status_code == 200 and r.get_json()["label"] == "republished"
    r = client.post("/api/score", json={"text": (FIXTURES / "farm_dump_wire.txt").read_text(encoding="utf-8")})
    assert r.get_json()["kind"] == "text"
    assert client.post("/api/score", json={}).status_code == 400
    assert client.post("/api/score", json={"url": "file:///etc/passwd"}).status_code == 400
    r = client.post("/report", data={"file": (io.BytesIO(FARM.read_bytes()), "farm.html")},
                    content_type="multipart/form-data")
    assert r.status_code == 200 and b"REPUBLISHED" in r.data and "default-src 'none'" in r.headers["Content-Security-Policy"]
    assert client.post("/report", data={"content": ""}).status_code == 400
    assert client.post("/api/score", json={"text": "x" * 300_000}).status_code == 413


def test_served_app_fetches_a_url(detector):
    """A URL goes through detector.fetch: a local http.server stands in for the web."""
    pytest.importorskip("flask")
    import functools
    import threading
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

    from detector.serve import create_app

    handler = functools.partial(SimpleHTTPRequestHandler, directory=str(FARM.parent))
    handler.log_message = lambda *a: None  # type: ignore[attr-defined]
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        client = create_app(detector, allow_private=True).test_client()
        url = f"http://127.0.0.1:{httpd.server_port}/{FARM.name}"
        r = client.post("/api/score", json={"url": url})
        assert r.status_code == 200 and r.get_json()["label"] == "republished"
        r = client.post("/report", data={"url": url + ".missing"})
        assert r.status_code == 400 and b"HTTP 404" in r.data
    finally:
        httpd.shutdown()
