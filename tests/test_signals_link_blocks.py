"""Link-block signals: a farm's padding lists versus an original's own related links."""

from __future__ import annotations

import re

import pytest
from detector.page import parse_html
from detector.signals.link_blocks import (LinkBlockHeadings, LinkBlockLanguage, LinkBlockShare, LinkBlockUnrelated,
                                          LinkBlockYearSpread, heading_kind)

ARTICLE = """
<h1>City council approves new budget for public transit expansion</h1>
<p>The city council voted on Tuesday to approve a new budget that expands public transit across the northern districts,
adding three bus lines and extending the light rail to the airport by next year.</p>
<p>Council members said the transit budget would be paid for by a mix of state grants and a small increase in parking fees,
and that construction of the light rail extension would start in the spring.</p>
<p>Residents of the northern districts have long complained about slow buses and crowded trains, and transit advocates
welcomed the vote as the largest investment in public transport in a decade.</p>
<p>The mayor said the council would publish a detailed schedule for the new bus lines and rail stations next month.</p>
"""


def block(heading: str, items: list[tuple[str, str]]) -> str:
    lis = "".join(f'<li><a href="{href}">{text}</a></li>' for text, href in items)
    return f"<div class='box'><h3>{heading}</h3><ul>{lis}</ul></div>"


FARM_BLOCKS = (
    block("Related", [("Best credit cards for students reviewed in 2010", "/2010/03/a.html"),
                      ("Celebrity wedding photos stun fans around the world", "/2016/05/b.html"),
                      ("How to lose weight fast with this simple trick", "/2022/01/c.html")])
    + block("Ranking", [("Top ten vacation spots for retirees on a budget", "/2013/x1.html"),
                        ("New smartphone release date leaked by insiders", "/2019/x2.html"),
                        ("Football club signs star striker in record deal", "/2021/x3.html")])
    + block("Recommendation", [("Mortgage rates fall to lowest level in years", "/y1.html"),
                               ("Ancient ruins discovered beneath city parking lot", "/y2.html"),
                               ("Doctors reveal the one food you should never eat", "/y3.html")])
)
ORIGINAL_BLOCKS = block("Related articles", [
    ("Council debates transit budget for northern districts", "/2024/03/transit-debate.html"),
    ("Light rail extension to airport wins state grant", "/2024/02/rail-grant.html"),
    ("Residents demand faster buses in northern districts", "/2024/01/buses.html"),
])


def page(blocks: str, article: str = ARTICLE):
    return parse_html(f"<html><body><article>{article}</article>{blocks}</body></html>", "https://www.citynews.com/2024/04/budget.html")


def test_heading_kinds():
    assert heading_kind("Related articles") == "related"
    assert heading_kind("Lo más leído:") == "ranking"
    assert heading_kind("猜你喜欢") == "recommended"
    assert heading_kind("相关文章") == "related"
    # "You may also like" and "Trending" in the other languages that farms write
    for heading in ("Vous aimerez aussi", "También te puede gustar", "你可能还喜欢", "あなたへのおすすめ"):
        assert heading_kind(heading) == "recommended", heading
    for heading in ("Tendances", "Im Trend", "Lo más popular", "話題の記事"):
        assert heading_kind(heading) == "ranking", heading
    assert heading_kind("Hotels in Paris") is None
    assert heading_kind(None) is None


def test_unrelated_headlines_score_high_and_related_ones_low():
    farm = LinkBlockUnrelated().score(page(FARM_BLOCKS))
    original = LinkBlockUnrelated().score(page(ORIGINAL_BLOCKS))
    assert farm.value > 0.8 and original.value < 0.5
    assert "credit cards" in farm.evidence or "wedding" in farm.evidence or "weight" in farm.evidence


def test_a_short_box_of_unrelated_lines_counts_less_than_a_padding_list():
    """A newsletter box under a "Related" heading ("Thanks for joining our newsletter.") is no farm's list:
    the score grows with the unrelated headlines up to four."""
    lines = [("Thanks for joining our newsletter today", "/thanks.html"), ("Oops! Something went wrong with the form", "/oops.html"),
             ("Subscribe to get updates from the shop", "/subscribe.html"), ("Celebrity wedding photos stun fans around the world", "/b.html")]
    three = LinkBlockUnrelated().score(page(block("Related posts", lines[:3]))).value
    four = LinkBlockUnrelated().score(page(block("Related posts", lines))).value
    assert three == 0.75 and four == 1.0


def test_unrelated_is_unknown_without_blocks_or_with_a_short_text():
    assert LinkBlockUnrelated().score(page("")).value == 0
    assert LinkBlockUnrelated().score(page(FARM_BLOCKS, article="<h1>Budget</h1><p>The council voted on the new budget today.</p>")).value == 0


def test_year_spread_of_block_links():
    farm = LinkBlockYearSpread().score(page(FARM_BLOCKS))
    assert farm.value == 1.0 and "2010" in farm.evidence and "2022" in farm.evidence
    assert LinkBlockYearSpread().score(page(ORIGINAL_BLOCKS)).value == 0  # all from the same year


def test_year_spread_needs_several_dated_items():
    two = block("Related", [("Budget vote set for 2010 session in the city", "/a"), ("Transit plan first drafted back in 2022", "/b"),
                            ("Council members discuss the new bus lines", "/c")])
    assert LinkBlockYearSpread().score(page(two)).value == 0


def test_years_in_headline_words_date_no_article():
    """"Formula 1 since 1950" is a topic; a date beside the headline or in its address dates the article."""
    topics = block("Related", [("Formula 1 world champions since 1950 ranked", "/a"), ("The 1968 Olympics in pictures", "/b"),
                               ("Budget talks resume this week at city hall", "/c"), ("Winter storms hit the coast in 2021", "/d")])
    dated = block("Related", [("Formula 1 world champions ranked 12.03.2009", "/a"), ("The Olympics in pictures 2012-08-01", "/b"),
                              ("Budget talks resume at city hall", "/2021/05/c.html"), ("Winter storms hit the coast", "/d")])
    assert LinkBlockYearSpread().score(page(topics)).value == 0
    assert LinkBlockYearSpread().score(page(dated)).value > 0.8


def test_block_share_grows_with_the_blocks():
    assert LinkBlockShare().score(page(FARM_BLOCKS)).value > LinkBlockShare().score(page(ORIGINAL_BLOCKS)).value > 0
    assert LinkBlockShare().score(page("")).value == 0


def test_headings_counts_distinct_labelled_blocks():
    farm = LinkBlockHeadings().score(page(FARM_BLOCKS))
    original = LinkBlockHeadings().score(page(ORIGINAL_BLOCKS))
    assert farm.value == 1.0 and all(h in farm.evidence for h in ("Related", "Ranking", "Recommendation"))
    assert 0 < original.value < farm.value
    assert LinkBlockHeadings().score(page("")).value == 0


def test_widgets_in_another_language_than_the_article():
    spanish = block("También te puede gustar", [("Gana 500 euros al día desde casa con este método", "/a"),
                                                 ("Los médicos no pueden explicar este truco para la rodilla", "/b"),
                                                 ("Lo que nadie te dice de las hipotecas y los bancos", "/c")])
    chinese = block("推荐阅读", [("在家就能做的兼职，日赚500元不是梦", "/d"), ("中老年人膝盖疼，坚持这个方法效果惊人", "/e"),
                             ("炒股不如炒它？专家揭秘理财新玩法", "/f")])
    farm = LinkBlockLanguage().score(parse_html(f"<html><body>{ARTICLE}{ORIGINAL_BLOCKS}{spanish}{chinese}</body></html>"))
    assert farm.value >= 0.6 and "es:" in farm.evidence and "zh:" in farm.evidence and "(en)" in farm.evidence
    own = parse_html(f"<html><body>{ARTICLE}{ORIGINAL_BLOCKS}{FARM_BLOCKS}</body></html>")
    assert LinkBlockLanguage().score(own).value == 0  # unrelated, but in the article's language
    addresses = block("Links", [("https://www.premierleague.com/en/tables", "/g"), ("www.absolutelyfreeplans.com/ plans", "/h"),
                                ("http://releases.wikimedia.org/mediawiki/1.24/", "/i")])
    assert LinkBlockLanguage().score(parse_html(f"<html><body>{ARTICLE}{addresses}</body></html>")).value == 0


def test_dates_in_a_list_are_no_language():
    # An archive list of bare dates: 'Mon' and 'Dec' are not French headlines.
    dates = block("Archive", [(f"Mon Dec 0{d} 00:00:00 EST 2014", f"/archive/{d}") for d in range(1, 6)])
    assert LinkBlockLanguage().score(parse_html(f"<html><body>{ARTICLE}{dates}</body></html>")).value == 0
    spanish = block("Te puede interesar", [("Los mejores memes de la derrota del Villarreal ante el Liverpool", "/a"),
                                           ("Las empresas que dejan el país por la crisis de la energía", "/b"),
                                           ("Lo que se sabe del accidente en la autopista del sur", "/c")])
    assert LinkBlockLanguage().score(parse_html(f"<html><body>{ARTICLE}{dates}{spanish}</body></html>")).value == 1


def news_page(blocks: str, url: str = "https://www.citynews.com/2023/11/08/budget.html"):
    """A big news site's article page: its own dated article, its own site-wide lists."""
    return parse_html(f"<html><head><meta property='article:published_time' content='2023-11-08T10:00:00Z'></head>"
                      f"<body><article>{ARTICLE}</article>{blocks}</body></html>", url)


SITE_LISTS = (
    block("Most Popular", [("Son of hockey player suspended for betting on games", "https://www.citynews.com/2023/11/07/hockey/"),
                           ("Brothel ring catering to doctors and lawyers busted", "https://www.citynews.com/2023/11/08/ring/"),
                           ("Storm brings first snow of the season to the hills", "https://www.citynews.com/2023/11/06/snow/")])
    + block("Trending", [("Election results for every race in the county", "/2023/11/08/election-results/"),
                         ("Restaurant closes after forty years on Main Street", "/2023/11/05/restaurant/"),
                         ("High school team wins state title in overtime", "/2023/10/29/title/")])
    + block("More from Politics", [("Senator announces run for governor next year", "https://www.citynews.com/politics/2023/11/07/run"),
                                   ("State lawmakers clash over school funding bill", "https://www.citynews.com/politics/2023/10/30/bill"),
                                   ("Judge blocks new voting map ahead of primaries", "https://www.citynews.com/politics/2023/01/12/map")])
    + block("Archives", [("November 2023", "/2023/11/"), ("October 2019", "/2019/10/"), ("March 2012", "/2012/03/"),
                         ("June 2008", "/2008/06/")])
)


def test_a_news_site_s_own_recent_lists_are_not_a_farm_s_padding():
    p = news_page(SITE_LISTS)
    assert LinkBlockUnrelated().score(p).value == 0
    assert LinkBlockHeadings().score(p).value == 0
    assert LinkBlockYearSpread().score(p).value == 0


def test_an_undated_site_list_still_counts():
    """Without dates a site's own picks and a farm's stock look alike: no reason to clear them."""
    undated = block("Most Popular", [("Best credit cards for students reviewed", "/a.html"),
                                     ("Celebrity wedding photos stun fans around the world", "/b.html"),
                                     ("How to lose weight fast with this simple trick", "/c.html")])
    assert LinkBlockUnrelated().score(news_page(undated)).value == 0.75  # three headlines of four


def test_a_site_list_of_old_stock_or_of_other_sites_still_counts():
    old_stock = block("Most Popular", [("Best credit cards for students reviewed", "/2010/03/a.html"),
                                       ("Celebrity wedding photos stun fans around the world", "/2016/05/b.html"),
                                       ("How to lose weight fast with this simple trick", "/2022/01/c.html")])
    other_sites = block("Trending", [("Mortgage rates fall to lowest level in years", "https://www.moneyfeed.net/y1"),
                                     ("Ancient ruins discovered beneath city parking lot", "https://www.wowfacts.org/y2"),
                                     ("Doctors reveal the one food you should never eat", "https://www.healthbuzz.info/y3")])
    p = news_page(old_stock + other_sites)
    assert LinkBlockUnrelated().score(p).value > 0.8
    assert LinkBlockYearSpread().score(p).value == 1.0
    assert LinkBlockHeadings().score(p).value == pytest.approx(2 / 3, abs=1e-3)


def test_a_text_dump_s_lists_have_no_addresses_and_keep_counting():
    from detector.text_page import parse_text
    dump = ("City News\nHome | Politics | Sports | Business\n\nCity council approves new budget for public transit expansion\n\n"
            + "\n\n".join(" ".join(p.split()) for p in re.findall(r"<p>(.*?)</p>", ARTICLE, re.S))
            + "\n\nMost Popular\n\n* Best credit cards for students reviewed in 2010\n* Celebrity wedding photos stun fans in 2016\n"
            "* How to lose weight fast with this simple trick 2022\n\nContact | Privacy\n")
    p = parse_text(dump, "https://www.citynews.com/2023/11/08/budget.html")
    assert p.link_blocks and LinkBlockUnrelated().score(p).value == 0.75  # three headlines of four


def test_mostly_digits_counts_as_isdigit_and_isalpha_do():
    from detector.signals.link_blocks import _mostly_digits

    texts = ["Mon Dec 01 00:00:00 EST 2014", "3:1", "Top 10 tips", "", "١٢٣ ab", "²³¹ x", "２０２４年", "ab12", "a1b2c3d",
             "Ⅻ 12", "Ölpreis 2024: 80 $", "٣٤ б"]
    for text in texts:
        assert _mostly_digits(text) == (sum(c.isdigit() for c in text) > sum(c.isalpha() for c in text)), text
