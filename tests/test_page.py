"""The page model's one parse: lxml's tree, read as bs4 read it (the report's bs4 copy must see the same
lines), and our lean bs4 builder must build the very tree stock bs4 builds."""

from __future__ import annotations

import gc
import os
import subprocess
import sys
import warnings
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from located import assert_lines_found

from detector.page import parse_html, soup_of
from detector.text_page import parse_text

FIXTURES = sorted((Path(__file__).parent / "fixtures").glob("*.html"))
EDGE_CASES = [
    '<html xmlns:og="http://ogp.me/ns#" xml:lang="de"><head><meta property="og:title" content="T"></head>'
    '<body><svg xmlns="http://www.w3.org/2000/svg"><use xlink:href="#i"/></svg><p class="a  b" id=x>t</p></body></html>',
    '<p title="one" title="two" data-x="">duplicate and empty attributes</p><input disabled><br/>',
    "<div><p>unclosed <b>bold <i>both</div> tail",
    "<?xml version='1.0'?><!DOCTYPE html><html><body><!-- c --><script>if (a < b) {}</script></body></html>",
]


@pytest.mark.parametrize("html", [p.read_bytes().decode("utf-8", "replace") for p in FIXTURES] + EDGE_CASES,
                         ids=[p.name for p in FIXTURES] + [f"edge{i}" for i in range(len(EDGE_CASES))])
def test_lean_builder_gives_stock_bs4s_tree(html):
    ours = soup_of(html)
    stock = BeautifulSoup(html, "lxml", multi_valued_attributes=None)
    assert str(ours) == str(stock)
    assert [(t.name, dict(t.attrs)) for t in ours.find_all(True)] == [(t.name, dict(t.attrs)) for t in stock.find_all(True)]


def test_json_ld_site_name_source_does_not_depend_on_the_hash_seed():
    """A set's order changes per process (PYTHONHASHSEED); the feature it fed changed with it."""
    html = ('<html><head><script type="application/ld+json">{"@type": ["Person", "Organization", "Thing"], '
            '"name": "Jane Roe"}</script><title>A story</title></head><body><p>text</p></body></html>')
    code = ("import sys; from detector.page import parse_html; "
            "print([n.source for n in parse_html(sys.stdin.read()).site_names])")
    seen = {subprocess.run([sys.executable, "-c", code], input=html, capture_output=True, text=True, check=True,
                           env={**os.environ, "PYTHONHASHSEED": str(seed)}).stdout for seed in range(6)}
    assert seen == {"['json-ld organization']\n"}


def test_parsing_leaves_the_collector_as_the_caller_set_it_in_any_number_of_threads():
    html = (Path(__file__).parent / "fixtures" / "original_blog_post.html").read_text("utf-8")
    assert gc.isenabled()
    with ThreadPoolExecutor(4) as pool:
        pages = list(pool.map(lambda _: parse_html(html), range(16)))
    assert gc.isenabled() and all(p.paragraphs for p in pages)
    gc.disable()  # a caller who turned the collector off keeps it off
    try:
        parse_html(html)
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_a_page_that_is_only_an_address_parses_without_a_warning():
    """A text dump or a stub page may hold nothing but a URL; bs4's "looks like a URL" warning would land
    on a user's stderr for every such page in a crawl."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        page = parse_html("https://example.org/news/2024/story.html", None)
    assert page.kind == "html"


@pytest.mark.parametrize("module", ["detector.text", "detector.lexicons", "detector.page.lines", "detector.page.html",
                                    "detector.page.text", "detector.text_page"])
def test_each_module_imports_first_so_there_is_no_import_cycle(module):
    """lexicons imported text (for Phrases) and text imported lexicons, behind an import inside a function.
    Phrases has its own module now and text imports lexicons at the top: any first import must work."""
    subprocess.run([sys.executable, "-c", f"import {module}"], check=True, capture_output=True)


STORY = ("The harbour board voted on Tuesday to extend the night ferry service to the outer islands "
         "until the end of the year, after a petition signed by four thousand residents.")


def _story_page(body: str, head: str = "<title>Night ferry</title>") -> str:
    return f"<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>"


def test_strings_split_by_a_comment_or_a_hidden_element_stay_two_words():
    page = parse_html(_story_page(f"<div><p>{STORY} harbour<!-- ad -->board <script>x()</script>meeting</p></div>"))
    assert page.paragraphs[0].text.endswith("residents. harbour board meeting")


def test_info_chunks_cut_where_the_plain_pattern_cuts():
    """``INFO_CHUNK`` and ``_CHUNK_MARK`` are written for speed: the same cuts, and the same lines marked, as their plain
    forms, on lines drawn from the characters they turn on (white space, bars, colons, slashes, dots)."""
    import random
    import re

    from detector.page.lines import _CHUNK_MARK, BARS, INFO_CHUNK

    plain = re.compile(rf"\s{{2,}}|\s[/·•]\s|\s*[{BARS}]\s*|\s+(?=[^\s:：{BARS}]{{1,12}}[:：])")
    marks = re.compile(rf"[:：/·•{BARS}]|\s\s")
    rng = random.Random(16)
    alphabet = [" ", "  ", "\t", "\n", "\u3000", "\xa0", ":", "：", "/", "·", "•", *BARS, "a", "Time", "作者", "2024"]
    for _ in range(20000):
        line = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
        assert INFO_CHUNK.split(line) == plain.split(line), line
        assert (_CHUNK_MARK.search(line) is None) == (marks.search(line) is None), line


def test_a_ruby_annotation_is_a_visible_line_but_not_paragraph_text():
    page = parse_html(_story_page(f"<div><p>{STORY} 漢<rt>かん</rt>字</p></div>"))
    assert page.paragraphs[0].text.endswith("residents. 漢 字")
    assert "かん" in page.lines  # <rt> is no inline element: its own line


def test_a_body_after_the_closing_html_tag_is_read():
    html = f"<html><head><title>Night ferry</title></head></html><body><div><p>{STORY}</p><p>{STORY}</p></div></body>"
    page = parse_html(html)
    assert page.title == "Night ferry" and [p.text for p in page.paragraphs] == [STORY, STORY]


def test_a_page_nested_deeper_than_libxml2_builds_is_read_to_the_bottom():
    page = parse_html(_story_page("<div>" * 3000 + f"<p>{STORY}</p><p>{STORY}</p>" + "</div>" * 3000))
    assert [p.text for p in page.paragraphs] == [STORY, STORY]


@pytest.mark.parametrize("body", [
    f"<p>{STORY}<!-- c -->tail</p><pre>  kept   white\n space </pre><p>a<br>b<svg><title>icon</title></svg>c</p>",
    "<div>one <span>two</span>\n\n <b>three</b></div><ruby>漢<rp>(</rp><rt>かん</rt><rp>)</rp></ruby>",
    '<p>Share <svg><!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "x.dtd"><path/></svg> Facebook</p>',
    "<table><tr><td>cell<td>next</table><noscript><p>hidden</p></noscript><template>none</template>",
])
def test_the_reports_bs4_copy_finds_every_line_where_the_page_locates_it(body):
    assert_lines_found(_story_page(body))


@pytest.mark.parametrize(("title", "site"), [("益阳：“数字”是优长-半月谈", "半月谈"),
                                             ("武汉的声音：有英勇的你，才有英雄的城!-新华网", "新华网"),
                                             ("COVID-19 cases rise - BBC News", "BBC News")])
def test_a_chinese_title_names_its_site_after_a_bare_dash(title, site):
    page = parse_html(f"<html><head><title>{title}</title></head><body><p>正文。</p></body></html>", "http://www.example.cn/a.htm")
    assert ("title suffix", site) in [(s.source, s.text) for s in page.site_names]


def test_a_dash_inside_a_chinese_title_or_a_name_is_no_separator():
    page = parse_html("<html><head><title>新冠-19疫情通报</title></head><body><p>正文。</p></body></html>", "http://www.example.cn/a.htm")
    assert not [s for s in page.site_names if s.source == "title suffix"]


@pytest.mark.parametrize("logo", [
    '<a href="/" class="logo"><img src="/img/full-black.svg" alt="full-black.svg"></a>',  # a file name
    '<header><a class="logout-btn" href="/logout">Abmelden</a></header>',  # a log-out button, not a logo
    '<header><a href="/"><img class="logo" alt="Go Back to the HomePage" src="l.png"></a></header>',
    '<header><div class="logo">mercredi 19 février 2020</div></header>',
    '<header><div class="logo">Search for: Search</div></header>',
    # the Wayback Machine's toolbar on a capture
    '<div id="wm-ipp-base"><div id="wm-ipp"><a href="/web/"><img src="/_static/images/toolbar/wayback-toolbar-logo-200.png" '
    'alt="Wayback Machine"></a></div></div>',
])
def test_a_logo_slot_that_names_no_site_gives_no_site_name(logo):
    page = parse_html(f"<html><body>{logo}<p>Story text here.</p></body></html>", "https://www.dailycourier.com/a")
    assert [s.text for s in page.site_names if s.source == "logo"] == []


@pytest.mark.parametrize("alt", ["Daily Courier", "The Home Depot"])
def test_a_logo_names_its_site(alt):
    page = parse_html(f'<html><body><header><a href="/"><img class="site-logo" alt="{alt}" src="l.png"></a></header>'
                      "<p>Story text here.</p></body></html>", "https://www.dailycourier.com/a")
    assert [s.text for s in page.site_names if s.source == "logo"] == [alt]


@pytest.mark.parametrize("crumb, section", [("Current position: Home &gt; Product News &gt; text", "Product News"),
                                            ("当前位置：首页 &gt; 行业资讯 &gt; 正文", "行业资讯"),
                                            ("You are here: Home &gt; Travel Guide", "Travel Guide")])
def test_a_breadcrumb_s_leaf_naming_the_page_type_is_no_section(crumb, section):
    """Site-group CMS themes end their breadcrumb with 'text' / '正文': the page type, not where the story is filed."""
    html = (f"<html><head><title>Storm</title></head><body><div class='crumb'>{crumb}</div><h1>Storm hits coast</h1>"
            "<div class='content'><p>A storm hit the coast on Tuesday, cutting power to thousands of homes.</p></div></body></html>")
    assert parse_html(html, "https://farm.example/a/1.html").section.text == section
    dump = f"Northwind Plumbing\n\n{crumb.replace('&gt;', '>')}\n\nStorm hits coast\n\nA storm hit the coast on Tuesday, cutting power."
    assert parse_text(dump, "https://farm.example/a/1.html").section.text == section
