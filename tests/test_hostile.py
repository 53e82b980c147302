"""The hostile suite (issue 18): each way a hostile page, name, server or row was seen to stall,
crash or misuse the tool becomes one test here. Sections: text matchers, network, serve, budgets,
rows and indexes. Servers run on 127.0.0.1 inside the test; nothing else is contacted.
"""

from __future__ import annotations

import gzip
import json
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from functools import partial
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from detector import fetch as fetch_module
from detector.api import Detector
from detector.batch import score_stream
from detector.budget import Budget, Busy, WorkerPool
from detector.cli import main as cli_main
from detector.fetch import FetchError, fetch
from detector.inputs import Record, iter_records
from detector.lexicons import phrases
from detector.provenance import ReferenceIndex, ReferenceIndexError
from detector.reading import BudgetError
from detector.text import find_dates, find_years, occurring, tokens, word_count
from tiny_model import tiny_model  # noqa: F401 - pytest fixture

ROOT = Path(__file__).resolve().parents[1]

# --------------------------------------------------------------------------------------------------
# Text matchers: time stays linear on repetitive input


def _seconds(call: Callable[[], object]) -> float:
    """CPU seconds, the best of three: on a loaded host wall time counts the waits for a core, and a
    40,000-character call waits more often than a 10,000-character one."""
    best = float("inf")
    for _ in range(3):
        t0 = time.process_time()
        call()
        best = min(best, time.process_time() - t0)
    return best


MATCHERS: dict[str, Callable[[str], object]] = {
    # a short line that is the whole main text: the boilerplate_ratio case that took 91 s on 300,000 "a"
    "occurring, the text itself": lambda text: occurring({text, text[:3], "never there"}, text),
    "occurring, its lines": lambda text: occurring({text[:n] for n in range(1, 200, 7)} | {"zz"}, text),
    "residue phrases": lambda text: phrases("residue", "vote_strong", "leftover_needles").occurrences(text.lower()),
    "find_dates": find_dates,
    "find_years": find_years,
    "tokens": tokens,
    "word_count": word_count,
}


@pytest.mark.parametrize("matcher", sorted(MATCHERS))
@settings(max_examples=4, deadline=None)
@given(unit=st.sampled_from(["a", ". ", "ab", "1/", "2024-", "<p>", "x y ", "年月", " "]))
def test_text_matchers_stay_linear_on_repetitive_input(unit: str, matcher: str) -> None:
    """4x the text may cost about 4x the time, never 16x (a quadratic matcher took 0.08 s at 10,000
    characters and 1.3 s at 40,000). The floor absorbs timer noise on tiny times."""
    call = MATCHERS[matcher]
    small, large = (unit * (n // len(unit)) for n in (10_000, 40_000))
    assert _seconds(lambda: call(large)) <= 8 * _seconds(lambda: call(small)) + 0.05


def test_occurring_finds_what_in_finds() -> None:
    text = "Home | News\nThe story of the home team. " + "word " * 30 + "end"
    needles = {"Home", "News", "home team", "Sport", "word " * 20, "word " * 40, "", "end"}
    assert occurring(needles, text) == {n for n in needles if n and n in text}


# --------------------------------------------------------------------------------------------------
# Network: no door to the machine or its network, a deadline over the whole fetch


class _Routes(BaseHTTPRequestHandler):
    """A small server on 127.0.0.1: a page, a gzip-only page, a gzip bomb, redirects inward, trickled headers."""

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        if self.path == "/slow-headers":
            self.wfile.write(b"HTTP/1.1 200 OK\r\n")
            for _ in range(100):  # a header byte every 0.2 s: each read is quick, the whole never ends
                self.wfile.write(b"X")
                self.wfile.flush()
                time.sleep(0.2)
            return
        status, headers, body = {
            "/page": (200, {"Content-Type": "text/html"}, PAGE),
            "/gzip": (200, {"Content-Type": "text/html", "Content-Encoding": "gzip"}, gzip.compress(PAGE)),
            "/bomb": (200, {"Content-Type": "text/html", "Content-Encoding": "gzip"}, gzip.compress(b" " * 10_000_000)),
            "/to-metadata": (302, {"Location": "http://169.254.169.254/latest/meta-data/"}, b""),
            "/to-loopback": (302, {"Location": "http://[::1]/admin"}, b""),
        }.get(self.path, (404, {}, b""))
        self.send_response(status)
        for key, value in {**headers, "Content-Length": str(len(body))}.items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:
        pass


PAGE = b"<html><body><p>hello from 127.0.0.1</p></body></html>"


@pytest.fixture(scope="module")
def local() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Routes)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture()
def only_127_0_0_1_is_public(monkeypatch: pytest.MonkeyPatch) -> None:
    """Lets the test server stand in for a public site, so that what it redirects to is checked."""
    real = fetch_module.refused_address
    monkeypatch.setattr(fetch_module, "refused_address", lambda a: None if a == "127.0.0.1" else real(a))


def test_the_local_server_is_refused_without_the_option_and_fetched_with_it(local: str) -> None:
    with pytest.raises(FetchError, match="127.0.0.1, a loopback address; refusing"):
        fetch(local + "/page")
    assert fetch(local + "/page", allow_private=True) == (PAGE, local + "/page")


@pytest.mark.parametrize("host", ["localhost", "[::1]", "2130706433", "0x7f.1", "127.1", "0.0.0.0", "[::ffff:127.0.0.1]",
                                  "169.254.169.254", "10.1.2.3", "172.16.0.1", "192.168.1.1", "224.0.0.1", "[fe80::1]"])
def test_inner_addresses_are_refused_before_any_connection(host: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(socket, "create_connection", lambda *a, **k: pytest.fail("connected"))
    with pytest.raises(FetchError, match="refusing to fetch"):
        fetch(f"http://{host}/latest/meta-data/")


@pytest.mark.parametrize("path, address", [("/to-metadata", "169.254.169.254"), ("/to-loopback", "::1")])
def test_every_redirect_is_checked_again(local: str, path: str, address: str, only_127_0_0_1_is_public: None) -> None:
    assert fetch(local + "/page") == (PAGE, local + "/page")  # the stand-in public site itself
    with pytest.raises(FetchError, match=f"is {address}, a .* address; refusing"):
        fetch(local + path)


def test_the_host_is_resolved_once_and_the_checked_address_is_connected(local: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """A rebinding DNS answers a public address to the check and 127.0.0.1 to the connection: connecting to
    the checked address closes that gap. Here the name resolves only through the patched resolver."""
    port = int(local.rsplit(":", 1)[1])
    answers: list[str] = []

    def resolve(host: str, *args: object, **kwargs: object) -> list:
        answers.append(host)
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("127.0.0.1", port))]

    monkeypatch.setattr(socket, "getaddrinfo", resolve)
    assert fetch(f"http://page.invalid:{port}/page", allow_private=True)[0] == PAGE
    assert answers.count("page.invalid") == 1 and set(answers) <= {"page.invalid", "127.0.0.1"}


def test_trickled_headers_hit_the_total_deadline(local: str) -> None:
    start = time.monotonic()
    with pytest.raises(FetchError, match="longer than its time limit"):
        fetch(local + "/slow-headers", allow_private=True, timeout=5, max_seconds=1)
    assert time.monotonic() - start < 3


def test_gzip_is_decoded_within_the_size_cap(local: str) -> None:
    assert fetch(local + "/gzip", allow_private=True)[0] == PAGE
    with pytest.raises(FetchError, match="larger than the 100000-byte limit"):
        fetch(local + "/bomb", allow_private=True, max_bytes=100_000)


def test_a_malformed_url_is_an_error_row_and_the_other_inputs_are_scored(tmp_path: Path) -> None:
    (tmp_path / "good.html").write_text("<html><body><p>A good page.</p></body></html>")
    records = list(iter_records(["http://[::1", str(tmp_path / "good.html")]))
    assert "not a valid URL" in (records[0].error or "")
    assert records[1].error is None and records[1].content


# --------------------------------------------------------------------------------------------------
# Budgets that always hold: scoring in workers that are killed and replaced


def _stuck_in_c(detector: object, n: int) -> bool:
    """Catastrophic backtracking: one regex call that no SIGALRM handler can interrupt."""
    return re.match(r"(a*)*b", "a" * n) is not None


def _allocate(detector: object, megabytes: int) -> int:
    return len(bytearray(megabytes * 1024 * 1024))


def _no_detector() -> None:
    return None


def test_a_page_stuck_in_c_code_is_stopped_and_the_worker_replaced() -> None:
    pool = WorkerPool(_no_detector, Budget(0.5, None))
    try:
        pool.start()
        start = time.monotonic()
        with pytest.raises(BudgetError, match="0.5 s time budget.*its worker was stopped"):
            pool.call(_stuck_in_c, 40)
        assert time.monotonic() - start < 0.5 + 2
        assert pool.call(_stuck_in_c, 5) is False  # a fresh worker answers the next call
    finally:
        pool.close()


def test_a_library_caller_gets_the_hard_budget_from_a_pool_of_detectors(tiny_model: Path) -> None:  # noqa: F811
    """The README's recipe: ``Detector.score`` itself runs in the worker, and a Result comes back."""
    from detector.budget import new_detector

    pool = WorkerPool(partial(new_detector, tiny_model), Budget(0.5, 300))
    try:
        result = pool.call(Detector.score, "<p>A short page.</p>", "https://example.com/a")
        assert result.url == "https://example.com/a" and result.label in ("original", "republished")
        start = time.monotonic()
        with pytest.raises(BudgetError, match="0.5 s time budget"):
            pool.call(Detector.score, "<html><body>" + "a<br>" * 200_000 + "</body></html>")
        assert time.monotonic() - start < 0.5 + 2
    finally:
        pool.close()


def test_a_page_past_the_memory_cap_names_the_cap_and_the_worker_is_replaced() -> None:
    pool = WorkerPool(_no_detector, Budget(20, 200))
    try:
        with pytest.raises(BudgetError, match="more than the 200 MB memory cap"):
            pool.call(_allocate, 1000)
        assert pool.call(_allocate, 50) == 50 * 1024 * 1024
    finally:
        pool.close()


def test_a_full_pool_refuses_instead_of_queueing_without_bound() -> None:
    pool = WorkerPool(_no_detector, Budget(5, None), size=1, queue_limit=0)
    try:
        pool.start()
        stuck = threading.Thread(target=lambda: pytest.raises(BudgetError, pool.call, _stuck_in_c, 40))
        stuck.start()
        time.sleep(0.3)
        with pytest.raises(Busy):
            pool.call(_stuck_in_c, 5)
        stuck.join()
    finally:
        pool.close()


# Long single C calls: Aho-Corasick before issue 18, a regex alternation until issue 16's word test skipped
# it; now libxml2's parse of its 7.8 MB (0.2-0.4 s in one call) and the passes over its text, 0.45-0.7 s in
# all, so the tests give it a fifth of a second (``_STUCK_BUDGET``).
_DOTS = "<html><body><p>" + ". " * 3_900_000 + "</p></body></html>"
_STUCK_BUDGET = 0.2


def test_a_batch_keeps_going_past_a_page_stuck_in_c(tiny_model: Path, tmp_path: Path) -> None:  # noqa: F811
    """The ". " page spends longer than its budget in single C calls (``_DOTS``); the worker running it is
    stopped at the budget and the next page is scored by a fresh one."""
    pages = [Record(id="dots", content=_DOTS, origin="dots"),
             Record(id="good", content="<html><body><p>A good page.</p></body></html>", origin="good")]
    start = time.monotonic()
    rows = list(score_stream(pages, partial(Detector, tiny_model, max_parse_seconds=_STUCK_BUDGET),
                             budget=Budget(_STUCK_BUDGET, None)))
    assert time.monotonic() - start < _STUCK_BUDGET + 2 + 3  # budget, grace and slack, and two worker starts
    assert f"{_STUCK_BUDGET:g} s time budget" in rows[0]["error"]
    assert rows[1]["id"] == "good" and "label" in rows[1]



def _run_timed(tmp_path: Path, page: Path, name: str, options: list[str]) -> tuple[int, float, str]:
    err = tmp_path / "err.txt"
    with err.open("w") as stderr:
        start = time.monotonic()
        # stderr to a file: the fork server, which outlives the command by a moment, holds it open
        code = subprocess.run([sys.executable, "-m", "detector", name, str(page), *options, "--max-parse-seconds", "1"],
                              cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=stderr, timeout=60,
                              env={**os.environ, "PYTHONPATH": str(ROOT)}).returncode
        elapsed = time.monotonic() - start
    return code, elapsed, err.read_text()


@pytest.mark.parametrize("command", [["score", "--format", "jsonl"], ["report", "-o", "report.html"]])
def test_a_command_on_a_hostile_page_ends_within_its_budget_plus_2_s_from_its_start(tmp_path: Path,
                                                                                      command: list[str]) -> None:
    """The bar counts from the command's start, and start-up (imports, a worker, the model) was
    1.5-3 s of it: the parent now imports no scoring code, the workers' fork server starts first and
    compiles the patterns once, and a worker past its budget gets 0.25 s of grace, not 1 s.
    (A page of 2 MB of ``a<br>`` needs about 3 s here.) Measured against the same command on a
    normal page in the same run, so that a busy host's slow start-up is on both sides: the hostile
    page may cost its budget and 2 s more, no more (seen alone: 2.3-3.1 s in all at load 7)."""
    name, *options = command
    options += ["--max-memory-mb", "1000"]  # the page's tree needs more than the default cap: time must stop it
    normal = tmp_path / "normal.html"
    normal.write_text("<html><body><h1>Council votes</h1><p>The council voted on Tuesday.</p></body></html>")
    page = tmp_path / "br.html"
    page.write_text("<html><body>" + "a<br>" * 400_000 + "</body></html>")
    _, baseline, _ = _run_timed(tmp_path, normal, name, options)
    code, elapsed, err = _run_timed(tmp_path, page, name, options)
    assert code == 1 and "longer than the 1 s time budget" in err
    assert elapsed - baseline < 1 + 2, f"{elapsed:.1f} s against {baseline:.1f} s for a normal page"


def test_the_commands_stdout_closes_when_it_exits(tmp_path: Path) -> None:
    """The workers' fork server outlives the command by a moment; started holding stdout, it kept a
    pipe reading the rows (`detector score … | jq`) open after the command had exited."""
    page = tmp_path / "p.html"
    page.write_text("<html><body><p>A short page.</p></body></html>")
    command = subprocess.Popen([sys.executable, "-m", "detector", "score", str(page), "--format", "jsonl"],
                               stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert command.wait(60) == 0
    fd = command.stdout.fileno()
    os.set_blocking(fd, False)
    rows = b""
    while chunk := os.read(fd, 65536):  # BlockingIOError: another process still holds the pipe open
        rows += chunk
    command.stdout.close()
    assert json.loads(rows)["id"] == str(page)

# --------------------------------------------------------------------------------------------------
# serve: localhost names only, no cross-site posts, a bounded queue, a hard budget


class _SlowDetector:
    max_bytes = 1000

    def score(self, content: object, url: object = None, *, kind: object = None) -> object:
        time.sleep(1.5)
        raise BudgetError("slow")


def _client(detector: object = None, **options: object) -> Any:
    pytest.importorskip("flask")
    from detector.serve import create_app

    return create_app(detector or _SlowDetector(), **options).test_client()


def test_pool_lanes_take_small_pages_first_and_keep_a_slot_for_them() -> None:
    """Waiting calls go smallest first, and big ones never hold the reserved slot."""
    from detector.budget import SMALL_PAGE_BYTES, LocalPool

    pool = LocalPool(object(), size=2, reserved=1)
    order: list[str] = []
    release = threading.Event()

    def hold(_: object, name: str) -> None:
        order.append(name)
        release.wait(10)

    big = SMALL_PAGE_BYTES + 1
    first = threading.Thread(target=pool.call, args=(hold, "big 1"), kwargs={"cost": big})
    first.start()
    time.sleep(0.2)
    waiting = threading.Thread(target=pool.call, args=(hold, "big 2"), kwargs={"cost": big})
    waiting.start()
    time.sleep(0.2)
    assert order == ["big 1"]  # the second big page waits: the free slot is kept for small ones
    pool.call(lambda _: order.append("small"), cost=1000)  # takes the kept slot at once
    release.set()
    for thread in (first, waiting):
        thread.join(10)
    assert order == ["big 1", "small", "big 2"]

    pool, order, release = LocalPool(object(), size=1), [], threading.Event()
    threads = [threading.Thread(target=pool.call, args=(hold, name), kwargs={"cost": cost})
               for name, cost in (("first", 5), ("large", 300_000), ("medium", 50_000), ("tiny", 10))]
    for thread in threads:
        thread.start()
        time.sleep(0.2)  # in this order: "first" runs, the others wait
    release.set()
    for thread in threads:
        thread.join(10)
    assert order == ["first", "tiny", "medium", "large"]


@pytest.mark.parametrize("host, status", [("localhost", 200), ("localhost:8000", 200), ("127.0.0.1:8000", 200),
                                          ("[::1]:8000", 200), ("rebound.evil.example", 421),
                                          ("rebound.evil.example:8000", 421), ("127.0.0.1.evil.example", 421)])
def test_serve_answers_only_to_localhost_names(host: str, status: int) -> None:
    assert _client().get("/", headers={"Host": host}).status_code == status


def test_serve_answers_to_a_configured_host() -> None:
    assert _client(allowed_hosts=["box.lan"]).get("/", headers={"Host": "box.lan:8000"}).status_code == 200


@pytest.mark.parametrize("headers", [{"Origin": "https://evil.example"}, {"Origin": "null"},
                                     {"Origin": "http://localhost:9999"}, {"Sec-Fetch-Site": "cross-site"},
                                     {"Origin": "null", "Sec-Fetch-Site": "cross-site"}])
def test_serve_refuses_cross_site_posts(headers: dict[str, str]) -> None:
    client = _client()
    assert client.post("/report", data={"url": "http://example.com/"}, headers=headers).status_code == 403
    assert client.post("/api/score", json={"text": "x"}, headers=headers).status_code == 403


@pytest.mark.parametrize("origin", ["http://localhost", "null"])  # null: the page's Referrer-Policy is no-referrer
def test_serve_accepts_its_own_form(tiny_model: Path, origin: str) -> None:  # noqa: F811
    client = _client(Detector(tiny_model))
    r = client.post("/report", data={"content": "<p>A page.</p>"}, headers={"Origin": origin,
                                                                           "Sec-Fetch-Site": "same-origin"})
    assert r.status_code == 200


def test_serve_refuses_to_fetch_its_own_machine(local: str, tiny_model: Path) -> None:  # noqa: F811
    r = _client(Detector(tiny_model)).post("/api/score", json={"url": local + "/page"})
    assert r.status_code == 400 and "refusing to fetch" in r.get_json()["error"]


def test_serve_queue_is_bounded() -> None:
    client = _client(workers=1, queue_limit=0)
    first = threading.Thread(target=client.post, args=("/api/score",), kwargs={"json": {"text": "a page"}})
    first.start()
    time.sleep(0.3)
    r = client.post("/api/score", json={"text": "another page"})
    first.join()
    assert r.status_code == 503 and "busy" in r.get_json()["error"]


def test_serve_stops_a_page_stuck_in_c_and_answers_the_next(tiny_model: Path) -> None:  # noqa: F811
    client = _client(factory=partial(Detector, tiny_model, max_parse_seconds=_STUCK_BUDGET),
                     budget=Budget(_STUCK_BUDGET, 300), workers=1)
    assert client.post("/api/score", json={"html": "<p>warm up the worker</p>"}).status_code == 200
    start = time.monotonic()
    r = client.post("/api/score", json={"html": _DOTS})
    assert r.status_code == 400 and f"{_STUCK_BUDGET:g} s time budget" in r.get_json()["error"]
    assert time.monotonic() - start < _STUCK_BUDGET + 2
    assert client.post("/api/score", json={"html": "<p>A normal page.</p>"}).status_code == 200


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _post(port: int, fields: dict[str, str], timeout: float = 60) -> int:
    import http.client

    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request("POST", "/api/score", json.dumps(fields), {"Content-Type": "application/json"})
        response = connection.getresponse()
        response.read()
        return response.status
    finally:
        connection.close()


def _tree_rss(pid: int) -> int:
    import psutil

    total, root = 0, psutil.Process(pid)
    for process in [root, *root.children(recursive=True)]:
        try:
            total += process.memory_info().rss
        except psutil.Error:  # ended while we looked
            pass
    return total


NORMAL_PAGE = ("<html><head><title>Council votes on the bridge</title></head><body><article>"
               "<h1>Council votes on the bridge</h1><p>By Ann Lee</p>"
               + "<p>The council met on Tuesday to vote on the new bridge over the river, planned for years.</p>" * 40
               + "</article></body></html>")


def test_serve_answers_a_normal_page_within_2_s_under_20_hostile_pages_and_stays_under_1_gb() -> None:
    """The bar of issue 18, against the real server: 20 parallel 0.5 MB ``a<br>`` pages (each takes
    seconds and 100+ MB) used to fill the bounded queue, so a normal page got 503, and before the
    queue, 2.84 GB. Big pages now wait behind small ones and leave one worker to pages of normal size."""
    pytest.importorskip("flask")
    pytest.importorskip("psutil")
    port = _free_port()
    server = subprocess.Popen([sys.executable, "-m", "detector", "serve", "--port", str(port)],
                              stderr=subprocess.DEVNULL, env={**os.environ, "PYTHONPATH": str(ROOT)})
    hostile = "<html><body>" + "a<br>" * 100_000 + "</body></html>"
    peak, answers = 0, []

    def flood() -> None:
        try:
            answers.append(_post(port, {"html": hostile}))
        except OSError:  # the server stopped at the end of the test
            pass

    try:
        deadline = time.monotonic() + 60
        while True:  # up: both workers started, the model loaded
            try:
                assert _post(port, {"html": "<p>first page</p>"}) == 200
                break
            except OSError:
                assert time.monotonic() < deadline, "serve did not start"
                time.sleep(0.2)
        threads = [threading.Thread(target=flood, daemon=True) for _ in range(20)]
        for thread in threads:
            thread.start()
        for _ in range(10):  # the flood is admitted, the workers are busy with it
            peak = max(peak, _tree_rss(server.pid))
            time.sleep(0.1)
        for _ in range(3):
            start = time.monotonic()
            assert _post(port, {"html": NORMAL_PAGE}) == 200
            assert time.monotonic() - start < 2
            for _ in range(5):
                peak = max(peak, _tree_rss(server.pid))
                time.sleep(0.1)
        assert any(thread.is_alive() for thread in threads), "the flood was over before the normal pages came"
        # Big pages may hold one of the two workers, and 8 more may wait: the other 11 were turned away at once.
        assert answers.count(503) >= 10
    finally:
        server.terminate()
        server.wait(30)
    assert peak < 1e9


# --------------------------------------------------------------------------------------------------
# Rows: aggregators skip a malformed row with a count, and never crash

GOOD_ROW = {"id": "a", "url": "https://farm.example/1", "label": "republished", "probability": 0.9, "threshold": 0.5,
            "reasons": [{"name": "wire_credit", "evidence": "AP"}]}
BAD_ROWS = [
    {**GOOD_ROW, "url": "http://[evil/story"},  # "Invalid IPv6 URL" stopped the whole file
    {**GOOD_ROW, "probability": "0.9; DROP"},
    {**GOOD_ROW, "probability": float("nan")},
    {**GOOD_ROW, "label": ["republished"]},
    {**GOOD_ROW, "reasons": "wire_credit"},
    {**GOOD_ROW, "url": 42},
]


def _results(tmp_path: Path) -> Path:
    path = tmp_path / "results.jsonl"
    lines = [json.dumps(GOOD_ROW), *map(json.dumps, BAD_ROWS), "not json",
             json.dumps({**GOOD_ROW, "reasons": [{"name": r"$\frac{a}{"}, {"name": "$x$"}]})]
    path.write_bytes("\n".join(lines).encode() + b'\n{"id": "\xff\xfe", "url": null}\n')
    return path


def test_sites_skips_malformed_rows_with_a_count(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli_main(["sites", str(_results(tmp_path)), "--format", "json"]) == 1  # 1: some rows were skipped
    out, err = capsys.readouterr()
    (site,) = [s for s in json.loads(out) if s["host"] == "farm.example"]
    assert site["pages"] == 2
    # the first five bad lines are named, then the count of all of them (the six rows and "not json")
    assert f"{len(BAD_ROWS) + 1} lines skipped in all" in err and err.count("skipped") == 5 + 1
    assert "bad url" in err and "probability is not a number" in err


def test_summary_report_skips_malformed_rows_and_escapes_math_in_signal_names(tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    out = tmp_path / "summary.html"
    assert cli_main(["report", str(_results(tmp_path)), "-o", str(out)]) == 0
    assert "$x$" in out.read_text(encoding="utf-8")


# --------------------------------------------------------------------------------------------------
# Tampered indexes and manifests: one line, "refusing …: reason"

STORY = " ".join(f"word{i} council river school harbour" for i in range(60))


@pytest.fixture()
def index_path(tmp_path: Path) -> Path:
    index = ReferenceIndex.create(tmp_path / "idx")
    index.add([("a", "https://paper.example/a", "A story", STORY)])
    return tmp_path / "idx"


@pytest.mark.parametrize("change, reason", [
    (lambda m: m["settings"].update(num_perm=300_000_000), "setting num_perm = 300000000 is outside"),
    (lambda m: m["settings"].update(bands=-1), "setting bands"),
    (lambda m: m["settings"].update(report="high"), "setting report"),
    (lambda m: m["settings"].update(evil=1), "settings are not this version's"),
    (lambda m: m.update(segments=["../../x"]), "segment names are not seg-NNNNNN"),
    (lambda m: m.update(count="many"), "count is not a number"),
])
def test_a_tampered_index_is_refused_with_the_reason(index_path: Path, change: Callable[[dict], None],
                                                     reason: str) -> None:
    meta = json.loads((index_path / "index.json").read_text())
    change(meta)
    (index_path / "index.json").write_text(json.dumps(meta))
    with pytest.raises(ReferenceIndexError, match=f"refusing .*: .*{re.escape(reason)}"):
        ReferenceIndex.open(index_path)


def test_a_tampered_segment_is_refused_with_the_reason(index_path: Path) -> None:
    np.save(index_path / "seg-000001.signatures.npy", np.zeros((1, 3), dtype=np.uint32))
    with pytest.raises(ReferenceIndexError, match="refusing .*segment seg-000001 has signatures that are not"):
        ReferenceIndex.open(index_path).query(STORY)


@pytest.mark.parametrize("manifest, reason", [
    ([], "is not a JSON object"), ({"threshold": "0.5"}, "threshold that is not a probability"),
    ({"feature_names": "all"}, "feature_names that are not a list"), ({"sha256": 7}, "sha256 that is not a string"),
])
def test_a_tampered_manifest_is_one_refusing_line(tiny_model: Path, tmp_path: Path, manifest: object,  # noqa: F811
                                                  reason: str, capsys: pytest.CaptureFixture[str]) -> None:
    model = tmp_path / "m.joblib"
    for suffix in (".joblib", ".npz"):
        model.with_suffix(suffix).write_bytes(tiny_model.with_suffix(suffix).read_bytes())
    real = json.loads(tiny_model.with_suffix(".json").read_text())
    model.with_suffix(".json").write_text(json.dumps(manifest if isinstance(manifest, list) else {**real, **manifest}))
    page = tmp_path / "p.html"
    page.write_text("<p>A page.</p>")
    assert cli_main(["score", str(page), "--model", str(model)]) == 1
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "refusing" in err and reason in err


def _die(detector: object) -> None:
    os.kill(os.getpid(), signal.SIGKILL)


def test_a_worker_that_dies_is_an_error_and_is_replaced() -> None:
    """A dead worker gave a raw BrokenProcessPool traceback and stopped the run."""
    pool = WorkerPool(_no_detector, Budget(20, 300))
    try:
        with pytest.raises(BudgetError, match="the worker scoring this page died"):
            pool.call(_die)
        assert pool.call(_allocate, 1) == 1024 * 1024
    finally:
        pool.close()


# Either budget may stop it first: lxml builds the million-element tree in well under the time budget, and
# with its proxies and strings that can pass the memory cap before the walk runs out of time. Once (a CI run
# under load) the worker died instead, past the cap in C code, and the message said so: that stops it too.
_STOPPED = re.compile(r"a_hostile\.html: (?:page (?:took longer than the 0\.5 s time budget|needed more than the \d+ MB memory cap)"
                      r"|the worker scoring this page died \(past the \d+ MB memory cap)")


def test_index_build_and_find_copies_stop_a_hostile_page_and_go_on(tmp_path: Path,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    """Reading originals and crawl pages had no budget at all: one 5 MB a<br> page parsed for minutes."""
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "a_hostile.html").write_text("<html><body>" + "a<br>" * 1_000_000 + "</body></html>")
    (pages / "b_story.html").write_text(f"<html><head><title>A story</title></head><body><article><p>{STORY}</p>"
                                        "</article></body></html>")
    start = time.monotonic()
    assert cli_main(["index", "build", str(pages), "-o", str(tmp_path / "idx"), "--max-parse-seconds", "0.5"]) == 1
    err = capsys.readouterr().err
    assert _STOPPED.search(err) and "1 originals added" in err
    assert cli_main(["find-copies", str(pages), "--reference", str(tmp_path / "idx"), "--max-parse-seconds", "0.5",
                     "--format", "jsonl"]) == 1
    assert _STOPPED.search(capsys.readouterr().err)
    assert time.monotonic() - start < 2 * (0.5 + 2 + 3)  # two runs: budget, grace, slack and a worker start each


def test_a_jsonl_gz_line_past_the_line_cap_is_an_error_row_and_never_held_whole(tmp_path: Path) -> None:
    """A small .jsonl.gz can hold one enormous line (0.5 MB of gzip held 512 MiB and took 1.72 GB):
    here 40 MB in one line, with a 10 KB page budget, must cost no more than a few line caps."""
    import tracemalloc

    rows = tmp_path / "rows.jsonl.gz"
    with gzip.open(rows, "wb", compresslevel=1) as fh:
        fh.write(b'{"id": "before", "html": "<p>A page.</p>"}\n')
        fh.write(b'{"id": "huge", "html": "' + b"a" * 40_000_000 + b'"}\n')
        fh.write(b'{"id": "after", "html": "<p>Another page.</p>"}\n')
    tracemalloc.start()
    try:
        records = list(iter_records([str(rows)], max_bytes=10_000))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert [r.id for r in records] == ["before", f"{rows}:line 2", "after"]
    assert records[1].error == "line longer than the 0.04 MB line cap (4 x --max-bytes); skipped unread"
    assert records[2].content == "<p>Another page.</p>"
    assert peak < 5_000_000
