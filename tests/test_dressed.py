"""Originals dressed in publisher widgets: still the publisher's own page, with widgets the detector sees,
kept apart from the real originals that the held-out figures read."""

from __future__ import annotations

import dataclasses
import random

import numpy as np

from detector.page import parse_html
from detector.signals import extract
from training.corpus import dressed_example, dressed_tasks
from training.dressed import DRESSED, dress
from training.transfer import corpus_sources, real_originals
from tests.test_farms import ART, ART_HTML, HEADLINES
from tests.test_transfer import _example


def test_a_dressed_page_keeps_the_whole_article_and_adds_widgets_the_signals_read():
    fired: set[str] = set()
    for seed in range(12):
        html = dress(ART_HTML, HEADLINES, random.Random(seed))
        page = parse_html(html, ART.url)
        assert all(p in page.main_text for p in ART.paragraphs)
        assert page.site_names and page.site_names[0].text == "Coastal Gazette"  # still the publisher's own page
        fired |= {s.name for s in extract(page) if s.fired}
    assert {"view_counter", "vote_widget"} & fired  # a count or a like button
    assert {"link_block_unrelated", "link_block_headings"} & fired  # a most-read list or a sponsored box


def test_a_page_without_html_or_without_a_content_area_is_not_dressed():
    assert dress(ART, HEADLINES, random.Random(0)) is None
    bare = dataclasses.replace(ART_HTML, html="<html><body><p>Too short.</p></body></html>")
    assert dress(bare, HEADLINES, random.Random(0)) is None


def test_dressed_examples_are_originals_of_their_source_but_never_counted_as_real_originals():
    articles = [dataclasses.replace(ART_HTML, id=f"t{i}", title=f"{ART.title} ({i})") for i in range(20)]
    tasks = dressed_tasks(articles, {a.id: ("coastalgazette-example.org", "fundus") for a in articles}, seed=1)
    assert 0 < len(tasks) < 20  # a share of the articles
    examples = [e for e in map(dressed_example, tasks) if e]
    assert examples and all(e.label == 0 and e.family == DRESSED for e in examples)
    original = _example("t0", label=0, family="original", source="fundus", group="coastalgazette-example.org")
    assert set(corpus_sources([original, *examples]).values()) == {"fundus"}  # left out with their source
    assert real_originals([original, *examples]) == [original]
    assert all(np.isfinite(e.features).all() for e in examples)
