"""Residue signals: farm-CMS vote boxes, view counters and scraper leftovers versus an original's widgets."""

from __future__ import annotations

import pytest

from detector.page import parse_html
from detector.signals.residue import ScraperLeftovers, ViewCounter, VoteWidget

TEXT = ("<p>The city council voted on Tuesday to approve a new budget that expands public transit across the northern "
        "districts, adding three bus lines and extending the light rail to the airport.</p>")


def page(widgets: str, lang: str = "en"):
    return parse_html(f"<html lang='{lang}'><body><h1>Budget approved</h1><article>{TEXT}</article>{widgets}</body></html>",
                      "https://farm.example-news.net/a/1.html")


@pytest.mark.parametrize("widget", [
    "<div class='vote'><a>good!</a><span>(348)</span> <a>bad!</a><span>(12)</span></div>",
    "<div><a>Support</a> (12) <a>Oppose</a> (3)</div>",
    "<div class='digg'><a>顶一下</a><span>(5)</span><a>踩一下</a><span>(0)</span></div>",
])
def test_vote_widget_with_counts(widget):
    signal = VoteWidget().score(page(widget))
    assert signal.value == 1.0 and any(c.isdigit() for c in signal.evidence)


@pytest.mark.parametrize("widget", [
    "<nav><a>SUPPORT</a> 0</nav>", "<p>400 Bad Request</p>", "<div><a>Support</a><a>Oppose</a></div>",
    "<p>We support 12 local charities and oppose 3 new taxes.</p>",
])
def test_no_vote_widget_on_menus_errors_or_prose(widget):
    assert VoteWidget().score(page(widget)).value == 0


@pytest.mark.parametrize("widget", ["<div><button>Like</button><span>(42)</span></div>", "<div><span>赞</span> <span>123</span></div>"])
def test_like_buttons_are_weaker_than_farm_votes(widget):
    assert 0 < VoteWidget().score(page(widget)).value < 1.0


@pytest.mark.parametrize("counter", ["<div>Post: 2024-05-02 Viewed: <span>1234</span></div>", "<div>时间:2024-05-02 来源:新华社 点击：123</div>"])
def test_farm_view_counters(counter):
    signal = ViewCounter().score(page(counter))
    assert signal.value == 1.0 and any(c.isdigit() for c in signal.evidence)


def test_blog_view_counts_are_weaker_and_years_or_ranks_are_no_counts():
    assert 0 < ViewCounter().score(page("<span>1,234 views</span>")).value < 1.0
    assert 0 < ViewCounter().score(page("<span>阅读 4567 次</span>")).value < 1.0
    for html in ("<li>2024 <a>View</a></li>", "<ol><li>1. <a>Read</a></li></ol>", "<p>I told him 3 times to stop.</p>"):
        assert ViewCounter().score(page(html)).value == 0


@pytest.mark.parametrize("leftover, seen", [
    ("<div>Source: Collection Author: admin</div>", "Source: Collection"),
    ("<p>The post <a>Budget approved</a> appeared first on <a>City News</a>.</p>", "appeared first on"),
    ("<p>Disclaimer: This article is sourced from the internet and does not represent the position of this site.</p>", "sourced from the internet"),
    ("<p>本文来源于网络，如有侵权请联系删除</p>", "本文来源于网络"),
    ("<p>Original: %ORIGINALPOSTURL%</p>", "%ORIGINALPOSTURL%"),
])
def test_scraper_leftovers(leftover, seen):
    signal = ScraperLeftovers().score(page(leftover))
    assert signal.value >= 0.8 and seen in signal.evidence


@pytest.mark.parametrize("disclaimer, weight", [
    ("Note: this story was reprinted from the web for sharing and does not necessarily reflect our editors' views.", 1.0),
    ("Aviso: texto extraído de la red; no representa la opinión de este portal.", 1.0),
    ("Remarque : contenu tiré d'internet, qui ne reflète pas la ligne de la rédaction.", 1.0),
    ("Hinweis: Der Text wurde aus dem Internet entnommen und gibt nicht unsere Meinung wieder.", 1.0),
    ("If this post infringes your rights, e-mail the webmaster and it will be taken down.", 0.6),
])
def test_a_repost_disclaimer_counts_in_any_wording_of_its_form(disclaimer, weight):
    """Farms word their repost notes as they like: taken from the internet and not the site's view, or a takedown
    offered on infringement, not only the stock sentences of the lexicon."""
    signal = ScraperLeftovers().score(page(f"<div class='note'><p>{disclaimer}</p></div>"))
    assert signal.value == weight


@pytest.mark.parametrize("prose", [
    "<p>The training text was collected from the internet, researchers said, and the model does not represent every language equally.</p>",
    "<p>Opinions are the author's own and do not necessarily reflect the views of this site.</p>",
    "<p>The court found that the app infringed the patent and ordered the company to remove it from stores.</p>",
])
def test_internet_provenance_a_views_note_or_an_infringement_story_is_no_repost_disclaimer(prose):
    assert ScraperLeftovers().score(page(prose)).value == 0


def test_aggregator_read_more_footer():
    """An aggregator's teaser ends by sending the reader to the outlet it took the story from."""
    signal = ScraperLeftovers().score(page('<p>Read the full story at <a href="https://news.example.org/a/1">Coastal Gazette</a></p>'))
    assert signal.value >= 0.6 and "Read the full story at" in signal.evidence


def test_a_sites_own_republishing_box_is_no_leftover():
    """Modern Farmer asks others to end a reprint with "Read more at Modern Farmer": on its own pages, no copy."""
    box = "<p>Republish this story: say “Read the full article at Modern Farmer” with a link back.</p>"
    own = parse_html(f"<html><head><title>Gardening shows | Modern Farmer</title></head><body>{box}</body></html>",
                     "https://modernfarmer.com/2021/10/gardening-shows/")
    other = parse_html(f"<html><head><title>Gardening shows | Farm Digest</title></head><body>{box}</body></html>",
                       "https://farmdigest.example/gardening-shows/")
    assert ScraperLeftovers().score(own).value == 0 < ScraperLeftovers().score(other).value


def test_prev_next_links_are_navigation_not_leftovers():
    """Every blog links its previous and next posts; "来源：网络" (source: the internet) is the scraper's."""
    prev_next = "<div>上一篇：<a>城市预算获批</a></div><div>下一篇：<a>新公交线路开通</a></div><div>prev: <a>Budget</a></div>"
    assert ScraperLeftovers().score(page(prev_next)).value == 0
    assert ScraperLeftovers().score(page(prev_next + "<p>来源：网络</p>")).value == 1.0


@pytest.mark.parametrize("html", [
    "<nav><a>Previous post</a> <a>Next post</a></nav>", "<p>Up Next: Best 4K Video Cameras</p>",
    "<footer>Netmums Recommended Advertise with Netmums</footer>", "<p>Google Cloud Next : April 22-24</p>",
    "<pre>cd %HOMEPATH%</pre>", "<textarea>&lt;a href=&quot;x&quot;&gt;The post&lt;/a&gt; appeared first on City News</textarea>",
])
def test_no_leftovers_on_ordinary_navigation(html):
    assert ScraperLeftovers().score(page(html)).value == 0


def test_rewrite_disclaimer_strong_and_weak():
    from detector.signals.residue import RewriteDisclaimer

    strong = parse_html("<html><body><article><p>Story text.</p><p class='note'>This article has been edited and "
                        "rewritten by our editorial team from publicly available sources.</p></article></body></html>")
    weak = parse_html("<html><body><p>Prices are for informational purposes only.</p></body></html>")
    none = parse_html("<html><body><p>The council met on Tuesday.</p></body></html>")
    s = RewriteDisclaimer().score(strong)
    assert s.value == 1.0 and "rewritten" in s.evidence
    assert 0 < RewriteDisclaimer().score(weak).value < 1.0
    assert RewriteDisclaimer().score(none).value == 0


@pytest.mark.parametrize("line, value", [
    ("Content may have been produced with the help of automated tools and reviewed by our editors.", 1.0),
    ("Disclaimer: this article was generated by AI and checked by a human editor.", 1.0),
    ("Dieser Artikel wurde mit Hilfe von KI erstellt.", 1.0),
    # news about AI, a product label, a headline: not a notice about this page
    ("AI-generated nude images of girls at NJ high school trigger police probe", 0),
    ("Generated by AI", 0),
    ("Always review AI-generated code before using it in a production environment. " * 3, 0),
])
def test_a_machine_made_notice_must_be_about_the_page_itself(line, value):
    from detector.signals.residue import RewriteDisclaimer

    assert RewriteDisclaimer().score(page(f"<p>The council met on Tuesday.</p><p>{line}</p>")).value == value


@pytest.mark.parametrize("line, value", [
    # a chatbot's reply pasted with the article it rewrote
    ("As an AI language model, I cannot browse the internet, but here is a rewritten version of the article:", 1.0),
    ("Regenerate response", 1.0),
    # an article about chatbots quoting the phrase in its prose
    ("Users mocked the replies that began with 'as an AI language model' and went on to refuse the simplest "
     "questions, and the company said on Tuesday that it had changed the model so that it would answer more "
     "often, after weeks of complaints from teachers, students and the programmers who build on its interface.", 0),
])
def test_a_rewriting_chatbots_reply_left_in_the_page(line, value):
    from detector.signals.residue import RewriteDisclaimer

    assert RewriteDisclaimer().score(page(f"<p>The council met on Tuesday.</p><p>{line}</p>")).value == value
