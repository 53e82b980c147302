"""Attribution signals: wire datelines and credits, source lines, canonical and syndication metadata."""

from __future__ import annotations

import pytest

from detector.page import parse_html
from detector.signals.attribution import CanonicalElsewhere, SourceLine, SyndicationMeta, WireCredit, WireDateline

STORY = [
    "A powerful storm slammed into the coast on Tuesday, knocking out power to thousands of homes and flooding streets.",
    "The storm brought winds of more than 100 miles per hour and heavy rain that lasted through the night, officials said.",
    "Emergency crews worked to restore electricity while residents cleared debris from roads and checked on neighbors.",
]


def page(paragraphs: list[str], *, head: str = "", after: str = "", url: str | None = "https://www.dailyherald.com/news/storm"):
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    html = (f"<html><head><title>Storm hits coast | Daily Herald</title>{head}</head><body>"
            f"<h1>Storm hits coast</h1><article>{body}</article>{after}</body></html>")
    return parse_html(html, url)


@pytest.mark.parametrize("dateline", [
    "BEIJING (AP) —", "LONDON (Reuters) -", "PARIS, 5 mai (AFP) -", "Berlin (dpa) -", "Hamburg (dpa/lno) -",
    "WASHINGTON, March 3 (Xinhua) --", "MADRID, 3 Mar. (EUROPA PRESS) -",
])
def test_wire_dateline_found_with_the_dateline_as_evidence(dateline):
    signal = WireDateline().score(page([f"{dateline} {STORY[0]}", *STORY[1:]]))
    assert signal.value == 1.0
    assert dateline.split()[0] in signal.evidence and "(" in signal.evidence
    assert signal.locator


@pytest.mark.parametrize("opening", ["新华社北京3月5日电（记者 王明）国务院总理今天在人民大会堂会见了来访的外国代表团，双方进行了深入交流。",
                                     "【ワシントン共同】米政府は5日、新たな経済対策を発表した。関係者によると、対策の規模は過去最大となる見通し。"])
def test_wire_dateline_in_cjk(opening):
    assert WireDateline().score(page([opening, *STORY[1:]], url="https://example-farm.cn/a/1.html")).fired


def test_own_dateline_and_wire_mentioned_later_are_not_wire_datelines():
    own = page(["WASHINGTON — " + STORY[0], *STORY[1:], "The senator told The Associated Press (AP) that talks would resume."])
    assert WireDateline().score(own).value == 0


def test_wire_copy_on_the_wire_s_own_site_is_original():
    signal = WireDateline().score(page([f"BEIJING (AP) — {STORY[0]}", *STORY[1:]], url="https://apnews.com/article/x"))
    assert signal.value == 0


@pytest.mark.parametrize("credit", [
    "Associated Press writer Jane Doe in Tallahassee contributed to this report.",
    "Reporting by John Smith; Editing by Mary Jones",
    "© 2024 The Associated Press. All rights reserved.",
    "Copyright 2024 The Associated Press. All rights reserved.",
    "Mit Material von dpa",
    "Con información de EFE.",
    "This story was originally published by The Seattle Times.",
    "Distributed by Tribune Content Agency, LLC.",
])
def test_wire_credit_found(credit):
    signal = WireCredit().score(page([*STORY, credit]))
    assert signal.value == 1.0
    assert credit.split()[1] in signal.evidence


def test_wire_credit_closing_parenthesis_only_at_the_end_of_the_article():
    assert WireCredit().score(page([*STORY, "Die Polizei ermittelt. (dpa/AFP)"])).fired
    caption = "Protesters march past the electricity board headquarters in 1989. (AP)"
    assert not WireCredit().score(page([caption, *STORY, "More on this later today from our newsroom staff."])).fired


@pytest.mark.parametrize("caption", ["Rescue workers search the debris. (AP Photo/Jane Doe)", "Foto: dpa", "© Dieter Mayr (KNA)"])
def test_agency_photo_credits_on_an_original_are_no_wire_credit(caption):
    assert WireCredit().score(page([*STORY, caption])).value == 0


@pytest.mark.parametrize("line, url", [
    ("This article was originally published at 2:05 p.m. and has been updated.", None),
    ("This article was first published in August 2014. It was most recently updated in April 2019.", None),
    ("This article was originally published on 26 Sep 2019 at 4:12pm but has been regularly updated.", None),
    ("This article was originally written by Jamie Johnson.", None),
    ("© 2025 APNIC ABN 42 081 528 010", None),
    ("©2026 AFPA. All rights reserved.", None),
    ("If you republish our stories, please include: “This story was originally published by Modern Farmer.”",
     "https://modernfarmer.com/2021/10/shows/"),
])
def test_update_notes_look_alike_copyrights_and_self_credits_are_no_wire_credit(line, url):
    assert WireCredit().score(page([*STORY, line], url=url or "https://www.dailyherald.com/news/storm")).value == 0


def test_source_line_naming_an_outlet_is_high_and_a_statistics_office_is_low():
    chart = "<figure><img src='chart.png'><figcaption>Source: Statistics Bureau</figcaption></figure>"
    original = SourceLine().score(page(STORY, after=chart))
    copied = SourceLine().score(page(STORY, after="<p>Source: Reuters</p>"))
    outlet = SourceLine().score(page(STORY, after="<div>来源：南方日报 作者：admin</div>"))
    assert copied.value > original.value and outlet.value > original.value
    assert original.value < 0.3
    assert "Reuters" in copied.evidence and "南方日报" in outlet.evidence and "admin" not in outlet.evidence


def test_source_line_origin_footer():
    signal = SourceLine().score(page(STORY, after="<p>This article was originally published on The Conversation. Read the original article.</p>"))
    assert signal.value >= 0.8 and "originally published" in signal.evidence


@pytest.mark.parametrize("note", ["This article was originally published on August 27, 2015 and updated since.",
                                  "Originally published in March 2022. Last updated on December 20, 2024.",
                                  "In the original article, Samantha talked about the money Marco makes from his podcast, based on numbers.",
                                  "&lt;a href=&quot;https://x.org&quot;&gt;article&lt;/a&gt; first appeared on Modern Farmer"])
def test_source_line_ignores_update_notes_prose_and_republish_boxes(note):
    assert SourceLine().score(page(STORY, after=f"<p>{note}</p>")).value == 0


def test_source_line_self_source_and_other_domain_url():
    assert SourceLine().score(page(STORY, after="<p>来源：本站原创</p>")).value == 0
    assert SourceLine().score(page(STORY, after="<p>Source: https://www.nytimes.com/2024/01/01/world/x.html</p>")).value >= 0.8
    assert SourceLine().score(page(STORY, after="<p>Source: https://dailyherald.com/archive/1</p>")).value == 0


def test_canonical_elsewhere():
    head = '<link rel="canonical" href="https://www.nytimes.com/2024/05/02/us/storm.html">'
    signal = CanonicalElsewhere().score(page(STORY, head=head))
    assert signal.value == 1.0 and "nytimes.com" in signal.evidence


@pytest.mark.parametrize("href", ["https://dailyherald.com/news/storm", "/news/storm", "https://m.dailyherald.com/news/storm",
                                  "https://www.dailyherald.co.uk/news/storm", "http://localhost:8080/news/storm",
                                  "https://dailyherald.wpengine.com/news/storm", "https://google.com/article"])
def test_canonical_on_the_same_publisher_is_not_elsewhere(href):
    assert CanonicalElsewhere().score(page(STORY, head=f'<link rel="canonical" href="{href}">')).value == 0


def test_canonical_is_unknown_without_the_page_address():
    head = '<link rel="canonical" href="https://www.nytimes.com/x.html"><meta property="og:url" content="https://www.nytimes.com/x.html">'
    assert CanonicalElsewhere().score(page(STORY, head=head, url=None)).value == 0


def test_syndication_meta():
    head = '<meta name="syndication-source" content="https://www.reuters.com/world/storm-2024">'
    assert SyndicationMeta().score(page(STORY, head=head)).value == 1.0
    own = '<meta name="original-source" content="https://www.dailyherald.com/news/storm">'
    assert SyndicationMeta().score(page(STORY, head=own)).value == 0
    assert SyndicationMeta().score(page(STORY)).value == 0
