"""The reports and the served page in a real headless browser: Debian's chromium driven by selenium.

Skips cleanly when selenium, chromium or chromedriver is missing (a user's plain ``pytest``); .ci/run
installs them so that CI runs these. Screenshots go to pytest's tmp dir, or to
$DETECTOR_SCREENSHOTS when set (to look at them).

The page sits in ``<iframe sandbox>`` without allow-same-origin, so the outer document's scripts cannot
read it; WebDriver can still switch into the frame, which is how a user sees it, so the highlight
checks look at the rendered frame's DOM and computed style there.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

webdriver = pytest.importorskip("selenium.webdriver")
pytest.importorskip("flask")

from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support import expected_conditions as ec  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

from detector import Detector  # noqa: E402
from detector.report import page_report  # noqa: E402

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")
pytestmark = pytest.mark.skipif(not (CHROMIUM and CHROMEDRIVER),
                                reason="needs chromium and chromedriver (apt-get install chromium chromium-driver)")

REPO = Path(__file__).resolve().parents[1]
FARM = REPO / "examples" / "farm_wire_story.html"
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--window-size=1280,1600")


@pytest.fixture(scope="module")
def detector() -> Detector:
    return Detector()


@pytest.fixture(scope="module")
def browser() -> Iterator:
    profile = tempfile.mkdtemp(prefix="detector-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (*FLAGS, f"--user-data-dir={profile}"):
        options.add_argument(flag)
    # An explicit driver path: selenium-manager never tries to download a browser or driver.
    driver = webdriver.Chrome(options=options, service=Service(CHROMEDRIVER))
    driver.set_page_load_timeout(60)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture(scope="module")
def server(detector) -> Iterator[str]:
    """The served app on a free 127.0.0.1 port, in a thread of this process."""
    from werkzeug.serving import make_server

    from detector.serve import HOST, create_app

    httpd = make_server(HOST, 0, create_app(detector), threaded=True)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://{HOST}:{httpd.server_port}"
    finally:
        httpd.shutdown()
        thread.join(10)


def shots(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("DETECTOR_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def highlighted(driver, signal: str) -> list:
    return driver.find_elements(By.CSS_SELECTOR, f'[data-detector-hit~="{signal}"]')


def test_report_file_opens_with_verdict_and_highlights(browser, detector, tmp_path):
    html, _ = page_report(detector, FARM.read_bytes(), name=FARM.name)
    report = tmp_path / "report.html"
    report.write_text(html, encoding="utf-8")
    browser.get(report.as_uri())
    verdict = browser.find_element(By.ID, "verdict")
    assert verdict.is_displayed() and verdict.text == "REPUBLISHED"
    assert browser.find_elements(By.CSS_SELECTOR, "#signals tbody tr")

    frame = browser.find_element(By.ID, "page")
    browser.switch_to.frame(frame)
    try:
        dateline = WebDriverWait(browser, 30).until(lambda d: highlighted(d, "wire_dateline"))  # frame loaded
        assert not browser.find_elements(By.TAG_NAME, "script")
        assert len(dateline) == 1 and dateline[0].tag_name == "p"
        assert "BEIJING (AP)" in dateline[0].text
        assert dateline[0].value_of_css_property("outline-style") == "solid"  # the highlight shows
        byline = highlighted(browser, "byline_not_person")
        assert [el.get_attribute("class") for el in byline] == ["author"]
        blocks = highlighted(browser, "link_block_headings")
        assert len(blocks) >= 3 and {el.tag_name for el in blocks} <= {"ul", "ol"}
        assert any("Climate envoys leave Bonn talks" in el.text for el in blocks)  # the "Related" block
        assert [el.get_attribute("class") for el in highlighted(browser, "category_unrelated")] == ["crumbs"]
        assert [el.get_attribute("class") for el in highlighted(browser, "vote_widget")] == ["digg-box"]
        dateline[0].location_once_scrolled_into_view
        browser.save_screenshot(str(shots(tmp_path) / "report_highlights.png"))
    finally:
        browser.switch_to.default_content()


def test_served_page_scores_a_pasted_farm_page(browser, server, tmp_path):
    browser.get(server + "/")
    box = browser.find_element(By.ID, "content")
    # Typing 20 kB key by key takes minutes; setting the value is what a paste does.
    browser.execute_script("arguments[0].value = arguments[1];", box, FARM.read_text(encoding="utf-8"))
    browser.find_element(By.ID, "score").click()
    verdict = WebDriverWait(browser, 60).until(ec.visibility_of_element_located((By.ID, "verdict")))
    assert verdict.text == "REPUBLISHED"
    assert "pasted" in browser.find_element(By.TAG_NAME, "dd").text
    shot = shots(tmp_path) / "served_report.png"
    browser.save_screenshot(str(shot))
    assert shot.stat().st_size > 10_000

    browser.switch_to.frame(browser.find_element(By.ID, "page"))
    try:
        dateline = WebDriverWait(browser, 30).until(lambda d: highlighted(d, "wire_dateline"))
        assert "BEIJING (AP)" in dateline[0].text
    finally:
        browser.switch_to.default_content()
    browser.find_element(By.ID, "back").click()
    assert browser.find_element(By.ID, "content").get_attribute("value") == ""


def test_served_page_shows_an_error_for_empty_input(browser, server):
    browser.get(server + "/")
    browser.find_element(By.ID, "score").click()
    error = WebDriverWait(browser, 30).until(ec.visibility_of_element_located((By.ID, "error")))
    assert "nothing to score" in error.text
