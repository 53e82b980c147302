"""Byline signals: person vs brand/role/placeholder, spam, and a byline that contradicts the text's credit."""

from detector.page import parse_html
from detector.signals.byline import BylineCreditMismatch, BylineNotPerson, BylinePerson, BylineSpam, clean_byline

BODY = ("<p>WASHINGTON (AP) — Lawmakers reached a deal on Tuesday to fund the government through the end of "
        "the year, averting a shutdown that had loomed over the capital for weeks.</p>"
        "<p>The agreement still needs approval from both chambers before the deadline on Friday night.</p>"
        "<p>Associated Press writer Jane Roe contributed to this report.</p>")


def page(author_html: str, site="Daily Courier", url="https://www.dailycourier.com/2024/05/02/deal", body=BODY):
    return parse_html(f"""<html><head><title>Deal reached | {site}</title><meta property="og:site_name" content="{site}">
</head><body><h1>Deal reached</h1>{author_html}<article>{body}</article></body></html>""", url)


def test_clean_byline_drops_labels_and_dates():
    assert clean_byline("By JEFFREY GETTLEMAN JAN. 13, 2017") == "JEFFREY GETTLEMAN"
    assert clean_byline("Kathryn Giuffrida | Jan 2, 2025") == "Kathryn Giuffrida"
    assert clean_byline("TAG24") == "TAG24"


def test_admin_placeholder_scores_full():
    s = BylineNotPerson().score(page('<div class="info">Author: admin</div>', site="Golden Wealth Academy",
                                     url="http://goldenwealth.xyz/a/1.html"))
    assert s.value == 1.0 and "admin" in s.evidence


def test_cjk_placeholder():
    s = BylineNotPerson().score(page('<div class="info">作者：小编</div>'))
    assert s.value == 1.0


def test_brand_desk_byline_scores_half():
    s = BylineNotPerson().score(page('<span class="byline">By Courier News Desk</span>'))
    assert 0 < s.value < 1 and "Courier News Desk" in s.evidence


def test_person_byline_clears_not_person_and_fires_person():
    p = page('<span class="author">By Maria Garcia</span>')
    assert BylineNotPerson().score(p).value == 0
    s = BylinePerson().score(p)
    assert s.value == 1 and "Maria Garcia" in s.evidence


def test_cjk_person():
    assert BylinePerson().score(page('<div class="info">记者：王伟</div>')).value == 1


def test_no_byline_is_no_evidence():
    p = page("")
    assert BylineNotPerson().score(p).value == 0 and BylinePerson().score(p).value == 0
    assert BylineSpam().score(p).value == 0 and BylineCreditMismatch().score(p).value == 0


def test_spam_byline():
    s = BylineSpam().score(page('<span class="author">Best Casino Bonus Online https://win.example</span>'))
    assert s.value == 1 and "Casino" in s.evidence
    assert BylineSpam().score(page('<span class="author">By Maria Garcia</span>')).value == 0


def test_credit_mismatch_brand_byline_over_wire_story():
    s = BylineCreditMismatch().score(page('<div class="info">By Golden View</div>', site="Golden Wealth Academy",
                                          url="http://goldenwealth.xyz/a/1.html"))
    assert s.value == 1 and "AP" in s.evidence and "Golden View" in s.evidence


def test_credit_matches_wire_byline():
    p = page('<span class="byline">By Zeke Miller, Associated Press</span>')
    assert BylineCreditMismatch().score(p).value == 0


def test_reporter_byline_over_wire_credit_is_weak():
    s = BylineCreditMismatch().score(page('<span class="byline">By Maria Garcia</span>'))
    assert s.value < 0.5
