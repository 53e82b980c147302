"""Structure measurements: shares of the page, in [0, 1], 0 when there is nothing to measure."""

from detector.page import Page, parse_html
from detector.signals.structure import BoilerplateRatio, LinkDensity, MainTextShare, MainTextWords

ARTICLE = "<p>" + "The river rose overnight and the town council opened two shelters for families near the bank. " * 6 + "</p>"
NAV = "".join(f'<li><a href="/s/{i}">Section {i}</a></li>' for i in range(30))


def test_article_page_has_high_main_share_and_low_link_density():
    p = parse_html(f"<html><body><h1>Flood</h1><article>{ARTICLE * 3}</article><ul>{NAV[:200]}</ul></body></html>", "http://a.com/x")
    assert MainTextShare().score(p).value > 0.7
    assert LinkDensity().score(p).value < 0.2
    assert BoilerplateRatio().score(p).value < 0.8


def test_framed_page_has_low_main_share_and_more_links():
    p = parse_html(f"<html><body><ul>{NAV}</ul><h1>Flood</h1><article>{ARTICLE}</article><ul>{NAV}</ul></body></html>", "http://a.com/x")
    q = parse_html(f"<html><body><h1>Flood</h1><article>{ARTICLE * 3}</article></body></html>", "http://a.com/x")
    assert MainTextShare().score(p).value < MainTextShare().score(q).value
    assert LinkDensity().score(p).value > LinkDensity().score(q).value
    assert BoilerplateRatio().score(p).value > BoilerplateRatio().score(q).value


def test_main_text_words_grows_and_is_capped():
    short = parse_html(f"<html><body><article>{ARTICLE}</article></body></html>", None)
    long_ = parse_html(f"<html><body><article>{ARTICLE * 40}</article></body></html>", None)
    assert 0 < MainTextWords().score(short).value < MainTextWords().score(long_).value <= 1


def test_empty_page_measures_zero():
    empty = Page(kind="html")
    for unit in (MainTextShare(), LinkDensity(), BoilerplateRatio(), MainTextWords()):
        assert unit.score(empty).value == 0
