"""Date signals: page date vs events in the text, vs the URL, and vs the page's other date fields."""

from detector.page import parse_html
from detector.signals.dates import PageDateAfterEvents, PageDatesDisagree, UrlDateMismatch, url_date

TEXT = ("<p>The council voted on March 14, 2023 to approve the new budget, which raises spending on schools "
        "and roads by four percent over the next year.</p><p>The mayor said on 15 March 2023 that the plan "
        "would be reviewed again in 2030.</p>")


def page(head="", visible="", url="https://news.example.com/city/budget", text=TEXT):
    return parse_html(f"<html><head>{head}</head><body><h1>Budget approved</h1>{visible}"
                      f"<article>{text}</article></body></html>", url)


def meta(d):
    return f'<meta property="article:published_time" content="{d}">'


def test_page_dated_long_after_events():
    s = PageDateAfterEvents().score(page(visible='<div class="info">Post: 2024-05-02</div>'))
    assert s.value >= 0.9 and "2023-03-15" in s.evidence and "2024-05-02" in s.evidence


def test_page_dated_with_events_is_silent():
    assert PageDateAfterEvents().score(page(head=meta("2023-03-16T08:00:00Z"))).value == 0


def test_future_dates_in_text_are_not_events():
    s = PageDateAfterEvents().score(page(head=meta("2023-03-16"), text="<p>The vote is set for June 1, 2024, "
                                                                          "the committee said in a long statement today.</p>"))
    assert s.value == 0


def test_no_page_date_or_no_text_date_is_no_evidence():
    assert PageDateAfterEvents().score(page()).value == 0
    assert PageDateAfterEvents().score(page(head=meta("2024-05-02"), text="<p>No dates here, only words about a vote.</p>")).value == 0


def test_url_date_forms():
    assert str(url_date("https://a.com/2019/05/31/story")) == "2019-05-31"
    assert str(url_date("https://a.com/news/20190531/story.html")) == "2019-05-31"
    assert str(url_date("https://a.com/story-2019-05-31")) == "2019-05-31"
    assert url_date("https://a.com/story/123456789") is None


def test_url_date_mismatch():
    s = UrlDateMismatch().score(page(head=meta("2024-05-02"), url="https://a.com/2023/03/15/budget"))
    assert s.value >= 0.9 and "2023-03-15" in s.evidence
    assert UrlDateMismatch().score(page(head=meta("2023-03-16"), url="https://a.com/2023/03/15/budget")).value == 0
    assert UrlDateMismatch().score(page(url="https://a.com/2023/03/15/budget")).value == 0


def test_page_dates_disagree():
    s = PageDatesDisagree().score(page(head=meta("2023-03-15"), visible='<div class="info">Post: 2024-05-02</div>'))
    assert s.value >= 0.9 and "2023-03-15" in s.evidence and "2024-05-02" in s.evidence


def test_update_line_is_not_a_disagreement():
    p = page(head=meta("2023-03-15"), visible='<div class="info">Updated: 2024-05-02</div>')
    assert PageDatesDisagree().score(p).value == 0
    assert PageDatesDisagree().score(page(head=meta("2023-03-15"))).value == 0
