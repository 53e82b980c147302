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
])
def test_each_marker_of_the_policy_relabels(closing: str, kind: str) -> None:
    assert (_marker(closing) or "").startswith(kind)


def test_a_wire_dateline_relabels() -> None:
    page = parse_html("<html><body><article><h1>Talks</h1><p>BEIJING (AP) — " + "Talks went on late into the night. " * 8
                      + "</p>" + STORY + "</article></body></html>", "https://www.harbourtimes.co.uk/a")
    assert (relabel_marker(page, extract(page)) or "").startswith("wire dateline")


@pytest.mark.parametrize("closing", [
    "Source: Reuters",  # a bare agency name: a chart or photo credit
    "This story was originally published at 2:05 p.m. and has been updated.",  # an update note
    "Photo: AFP",
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
