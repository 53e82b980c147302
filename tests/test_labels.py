"""The label policy for corpus originals (issue 14's decision): which markers make a page republished."""

from __future__ import annotations

import pytest

from detector.page import parse_html
from detector.signals import extract
from training.labels import relabel_marker

STORY = "<p>" + "The council voted on Tuesday to extend the harbour works into next spring. " * 6 + "</p>"


def _marker(closing: str, url: str = "https://www.harbourtimes.co.uk/news/works") -> str | None:
    page = parse_html(f"<html><body><article><h1>Harbour works</h1>{STORY}<p>{closing}</p></article></body></html>", url)
    return relabel_marker(page, extract(page))


@pytest.mark.parametrize(("closing", "kind"), [
    ("Copyright 2008 The Associated Press. All rights reserved.", "wire copyright line"),
    ("© 2019 AFP", "wire copyright line"),
    ("(c) Press Association 2012", "wire copyright line"),
    ("Reuters. All rights reserved.", "agency's all rights reserved"),
    ("This article was originally published by The Conversation.", "reprint notice"),
    ("The post Harbour works appeared first on Coastal Wire.", "reprint notice"),
    ("Republished with permission of the Bay Courier.", "reprint notice"),
    ("This article is republished from The Conversation under a Creative Commons license.", "reprint notice"),
])
def test_each_marker_of_the_policy_relabels(closing: str, kind: str) -> None:
    assert (_marker(closing) or "").startswith(kind)


def test_a_credit_line_beside_the_text_relabels() -> None:
    """Sites print the wire's copyright in its own element after the article, outside the main text."""
    page = parse_html(f"<html><body><article><h1>Harbour works</h1>{STORY}</article>"
                      '<div class="copyright">© 2016 The Associated Press. All rights reserved.</div>'
                      "<footer>© 2024 Harbour Times</footer></body></html>", "https://www.harbourtimes.co.uk/a")
    assert (relabel_marker(page, extract(page)) or "").startswith("wire copyright line")


@pytest.mark.parametrize(("byline", "relabelled"), [("dpa", True), ("By The Associated Press", True),
                                                    ("Staff and wire reports", True), ("Redaktion", False),
                                                    ("By Jane Doe and The Associated Press", False)])
def test_an_agency_byline_relabels_a_publishers_own_desk_does_not(byline: str, relabelled: bool) -> None:
    page = parse_html(f'<html><body><article><h1>Harbour works</h1><span class="byline">{byline}</span>{STORY}'
                      "</article></body></html>", "https://www.harbourtimes.co.uk/a")
    marker = relabel_marker(page, extract(page))
    assert (marker or "").startswith("agency byline") if relabelled else marker is None


def test_a_wire_dateline_relabels() -> None:
    page = parse_html("<html><body><article><h1>Talks</h1><p>BEIJING (AP) — " + "Talks went on late into the night. " * 8
                      + "</p>" + STORY + "</article></body></html>", "https://www.harbourtimes.co.uk/a")
    assert (relabel_marker(page, extract(page)) or "").startswith("wire dateline")


@pytest.mark.parametrize("closing", [
    "Source: Reuters",  # a bare agency name: a chart or photo credit
    "This story was originally published at 2:05 p.m. and has been updated.",  # an update note
    "Updated November 11, 2022 8:23 PM ET Originally published November 9, 202211:01 AM ET",  # the page's own dates
    "3 Sept 2024 | Originally published",  # names no other place
    "ZDNET: Reprinted with permission.",  # a review quoted on a product page names no source of the page's text
    "Photo: AFP",
    "©2025 Luigi Lavazza SPA. All rights reserved - VAT no. 00470550013",  # a company, not the Saudi Press Agency
    "Copyright Shakh Aivazov/Copyright 2024 The AP. All rights reserved",  # a photographer's credit
])
def test_a_bare_agency_name_or_an_update_note_does_not(closing: str) -> None:
    assert _marker(closing) is None


def test_an_agency_on_its_own_site_and_a_site_reprinting_itself_are_originals() -> None:
    assert _marker("© 2019 Reuters. All rights reserved.", "https://www.reuters.com/world/a") is None
    assert _marker("This story originally appeared on Harbour Times.", "https://www.harbourtimes.co.uk/a") is None


def test_a_page_that_declares_another_publisher_as_its_source_is_relabelled() -> None:
    page = parse_html('<html><head><link rel="canonical" href="https://www.bigwire-news.com/story/1"></head><body>'
                      f"<article><h1>Harbour works</h1>{STORY}</article></body></html>", "https://www.harbourtimes.co.uk/a")
    assert (relabel_marker(page, extract(page)) or "").startswith("canonical/og:url on another domain")
