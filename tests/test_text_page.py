"""The Page built from rendered-text dumps: a select-all copy, a lynx dump, a CJK farm copy."""

from datetime import date
from pathlib import Path

import pytest

from detector.text_page import parse_text

FIXTURES = Path(__file__).parent / "fixtures"


def load(name: str):
    return parse_text((FIXTURES / name).read_text("utf-8"), url=None)


@pytest.fixture(scope="module")
def wire():
    return load("farm_dump_wire.txt")


@pytest.fixture(scope="module")
def lynx():
    return parse_text((FIXTURES / "original_lynx.txt").read_text("utf-8"),
                      url="https://www.riversidecourier.co.uk/news/local/mill-street-flood-barrier-approved")


@pytest.fixture(scope="module")
def zh():
    return load("farm_dump_zh.txt")


def sources(page):
    return {loc.source: loc.text for loc in page.site_names}


# -- (1) select-all copy of a content-farm page carrying a wire story


def test_wire_farm_identity(wire):
    assert wire.kind == "text"
    assert wire.headline == "Valmoran president arrives in Beijing for first state visit in two decades"
    assert sources(wire) == {"header": "Golden Harvest Wealth Academy", "copyright": "Golden Harvest Wealth Academy"}
    assert wire.breadcrumb_items == ["Home", "Scams"]
    assert wire.section.text == "Scams"


def test_wire_farm_byline_and_date(wire):
    assert [b.text for b in wire.bylines] == ["Wealth View"]
    assert wire.dates[0].value == date(2024, 5, 12)
    assert wire.dates[0].locator == "line 6"


def test_wire_farm_main_text(wire):
    texts = [p.text for p in wire.paragraphs]
    assert len(texts) == 9
    assert texts[0].startswith("BEIJING (AP) —")
    assert texts[-1] == "Associated Press writer Elena Marsh in Valmora City contributed to this report."
    main = wire.main_text
    assert wire.headline not in main
    assert "good! (348)" not in main and "Island Hearts" not in main and "skincare" not in main
    assert all(p.source == "main text" and p.locator.startswith("line ") for p in wire.paragraphs)


def test_wire_farm_link_blocks(wire):
    blocks = wire.link_blocks
    assert [(b.heading, len(b.links)) for b in blocks] == [("Related", 4), ("Ranking", 5), ("Recommendation", 6)]
    related = blocks[0]
    # the date stays in the block's text but not in the headline
    assert related.links[0].text == "Climate envoys leave Copenhagen follow-up talks with no binding targets"
    assert "2010-03-18" in related.text
    assert blocks[1].links[0].text == "Candidates crisscross Ohio in the final weekend before the primary"
    assert "(2016-03-12)" in blocks[1].text
    assert blocks[2].links[0].text == "Spring skincare sale: serums and moisturizers up to 60% off this week"
    assert wire.lines[int(related.locator.split()[1]) - 1] == "Related"
    assert len(wire.links) == 15
    assert wire.link_chars == sum(len(link.text) for link in wire.links)
    assert wire.total_chars == sum(len(line) for line in wire.lines)
    assert "good! (348)" in wire.lines


# -- (2) lynx dump of an original news article


def test_lynx_unwraps_and_drops_markup(lynx):
    assert lynx.domain == "riversidecourier.co.uk"
    assert not any("[1" in line or line.startswith("* ") for line in lynx.lines)
    assert not any(line.startswith("https://") for line in lynx.lines)  # the References list is cut off
    first = lynx.paragraphs[0].text
    assert first.startswith("Riverside city councillors have approved a £4 million flood barrier for Mill Street")
    assert first.endswith("residents began campaigning for better protection.")


def test_lynx_fields(lynx):
    assert lynx.headline == "Council approves £4m flood barrier for Mill Street after years of delays"
    assert sources(lynx) == {"header": "The Riverside Courier", "copyright": "Riverside Courier Media Ltd"}
    assert lynx.breadcrumb_items == ["Home", "News", "Local"]
    assert lynx.section.text == "Local"
    assert lynx.bylines[0].text == "Jane Harlow, Local Democracy Reporter"
    assert [d.value for d in lynx.dates] == [date(2024, 3, 4)]
    assert lynx.urls == []


def test_lynx_main_text_and_links(lynx):
    texts = [p.text for p in lynx.paragraphs]
    assert len(texts) == 7
    assert "Funding and timetable" in texts  # a subheading inside the text
    assert texts[-1] == "The full report is available on the council's planning portal."
    assert "Man charged" not in lynx.main_text
    [block] = lynx.link_blocks
    assert block.heading == "Most read" and len(block.links) == 4
    assert block.links[0].href == "https://www.riversidecourier.co.uk/news/crime/post-office-break-in"
    links = {link.text: link.href for link in lynx.links}
    assert links["Jane Harlow"] == "https://www.riversidecourier.co.uk/author/jane-harlow/"
    assert links["council's planning portal"] == "https://planning.riverside.gov.uk/mill-street-barrier"
    assert links["News"] == "https://www.riversidecourier.co.uk/news/"
    assert lynx.link_chars == sum(len(t) for t in (link.text for link in lynx.links))


# -- (3) CJK content-farm copy


def test_zh_farm(zh):
    assert zh.headline == "瓦尔莫拉总统抵达北京开始国事访问"
    assert sources(zh) == {"header": "金禾财富学院", "copyright": "金禾财富学院"}
    assert zh.breadcrumb_items == ["首页", "防骗指南", "正文"]
    assert zh.section.text == "防骗指南"  # "正文" (body text) names no section
    assert [b.text for b in zh.bylines] == ["admin"]
    assert zh.dates[0].value == date(2024, 5, 12)
    assert len(zh.paragraphs) == 5 and zh.paragraphs[0].text.startswith("据美联社北京5月12日电")
    assert "上一篇" not in zh.main_text and "相关文章" not in zh.main_text
    [block] = zh.link_blocks
    assert block.heading == "相关文章" and len(block.links) == 5
    assert block.links[0].text == "2010年哥本哈根气候大会后续谈判无果而终"


# -- smaller shapes


def test_title_line_and_inline_byline():
    text = "\n".join([
        "Mayor opens new library wing - The Eastbrook Herald",
        "Menu",
        "Mayor opens new library wing",
        "By Sam Porter | June 3, 2021",
        "The mayor of Eastbrook opened the long-awaited east wing of the central library on Thursday, "
        "promising longer opening hours and a new children's reading room for the summer holidays.",
        "The wing, built on the site of a former car park, cost £2.1 million and took two years to finish.",
    ])
    page = parse_text(text)
    assert page.title == "Mayor opens new library wing - The Eastbrook Herald"
    assert page.headline == "Mayor opens new library wing"
    assert sources(page) == {"title suffix": "The Eastbrook Herald"}
    assert [b.text for b in page.bylines] == ["Sam Porter"]
    assert page.dates[0].value == date(2021, 6, 3)
    assert len(page.paragraphs) == 2
    assert page.link_blocks == []


@pytest.mark.parametrize("chrome", ["Direkt zum Inhalt", "Open Navigation Menu", "Jump directly to the content", "Main Content",
                                    "Press ESC to close", "Primäre Mobile Navigation", "Przejdź do treści"])
def test_skip_links_and_menu_buttons_are_no_site_name(chrome):
    text = "\n".join([chrome, "The Eastbrook Herald", "", "Mayor opens new library wing",
                      "The mayor of Eastbrook opened the long-awaited east wing of the central library on Thursday, "
                      "promising longer opening hours and a new children's reading room for the summer holidays.",
                      "The wing, built on the site of a former car park, cost £2.1 million and took two years to finish."])
    assert sources(parse_text(text)) == {"header": "The Eastbrook Herald"}


def test_headlines_without_heading_after_the_text():
    body = ("This is a long enough paragraph of article text that it counts as main text for the page, "
            "since it has well over twenty words in it.")
    tail = ["- Bank raises interest rates for the fourth time this year",
            "- Storm closes coastal roads across the north",
            "- Schools prepare for the new exam timetable"]
    page = parse_text("\n".join(["Site", "A headline for the page here", body, *tail]))
    [block] = page.link_blocks
    assert block.heading is None
    assert [link.text for link in block.links][1] == "Storm closes coastal roads across the north"


@pytest.mark.parametrize("text", ["x", "Just one short line", "\n\n   \n", "Home | About | Contact"])
def test_sparse_input_gives_empty_fields(text):
    page = parse_text(text)
    assert page.paragraphs == [] and page.link_blocks == [] and page.dates == []


def test_wrapped_dump_without_references_and_a_label_inside_a_word():
    text = (FIXTURES / "original_lynx.txt").read_text("utf-8").split("References")[0]
    text = text.replace("[9]Home > [10]News > [11]Local", "Currently trending: Budget")
    page = parse_text(text)
    assert page.breadcrumb is None
    assert page.headline == "Council approves £4m flood barrier for Mill Street after years of delays"
    assert page.link_blocks[0].links[0].href is None  # no References list, no URLs


def test_a_dated_short_headline_stays_in_its_block_and_a_bare_short_line_ends_it():
    body = ("This is a long enough paragraph of article text that it counts as main text for the page, "
            "since it has well over twenty words in it.")
    items = ["Winter storm closes schools across the county 2011-01-12", "Brexit talks 2019-03-01",
             "Bank raises interest rates for the fourth time 2016-05-04", "Masse des Quaders 2015-06-13"]
    [block] = parse_text("\n".join(["Site", "A headline for the page here", body, "Read also", *items])).link_blocks
    assert [link.text for link in block.links] == ["Winter storm closes schools across the county", "Brexit talks",
                                                   "Bank raises interest rates for the fourth time", "Masse des Quaders"]
    menu = ["Winter storm closes schools across the county 2011-01-12", "Sport", "Culture",
            "Bank raises interest rates for the fourth time 2016-05-04"]
    assert parse_text("\n".join(["Site", "A headline for the page here", body, "Read also", *menu])).link_blocks == []


@pytest.mark.parametrize("credit", ["This article was originally published on The Penny Hoarder",
                                    "Zuerst erschienen bei E-MOUNTAINBIKE Magazine", "Source: Yonhap News Agency",
                                    "Publié à l'origine sur https://www.lefigaro.fr/international/guerre-20241122"])
def test_a_credit_line_after_the_text_is_no_headline_and_source_line_reads_it(credit):
    from detector.signals.attribution import SourceLine

    body = ("This is a long enough paragraph of article text that it counts as main text for the page, "
            "since it has well over twenty words in it.")
    tail = ["Bank raises interest rates for the fourth time this year", "Storm closes coastal roads across the north",
            "Schools prepare for the new exam timetable"]
    page = parse_text("\n".join(["Site", "A headline for the page here", body, credit, *tail]), "https://gossipwave.xyz/p/1")
    assert all(credit not in block.text for block in page.link_blocks)
    assert [link.text for link in page.link_blocks[0].links] == tail
    assert SourceLine().score(page).value >= 0.6


def test_a_reference_that_mentions_an_earlier_edition_stays_in_its_list():
    body = ("This is a long enough paragraph of article text that it counts as main text for the page, "
            "since it has well over twenty words in it.")
    refs = ["An Encyclopaedia of New Zealand in three volumes, originally published in 1966", "Bank raises interest rates again",
            "Storm closes coastal roads across the north"]
    [block] = parse_text("\n".join(["Site", "A headline for the page here", body, "References", *refs])).link_blocks
    assert len(block.links) == 3


PARAGRAPH = ("Social media marketing has transformed how small businesses reach their audience. It is no longer an option "
             "but a necessity to keep a presence across platforms, and building a brand online takes strategy and time.")


@pytest.mark.parametrize("bar", [" | ", "┊", "｜", "丨"])
def test_an_info_line_joined_by_bars_gives_its_date_byline_source_and_counter(bar):
    from detector.signals.attribution import SourceLine
    from detector.signals.residue import ViewCounter

    info = bar.join(["Post: 2021/05/10 5:49 PM", "Source: Network", "By admin", "Hits: 7420"])
    text = "\n".join(["Smart Pine Roofing Co.", "Home | Insurance | Health", "Current position: HOME > Pet Tips",
                      "Top Affordable Social Media Marketing Services", info, *[PARAGRAPH] * 6])
    page = parse_text(text, "https://smartpineroofing.example/pet-tips/1.html")
    assert [b.text for b in page.bylines] == ["admin"] and page.dates[0].value == date(2021, 5, 10)
    assert page.link_blocks == []  # the menu over the breadcrumb, the headline and the info line is no list
    assert SourceLine().score(page).value == 0.8 and ViewCounter().score(page).value == 1.0
