"""Keyword links inside the article text (link farms) versus a story's ordinary source links."""

from detector.page import parse_html
from detector.signals.outlinks import KeywordLinksInText

STORY = """<html><head><title>Harbour ferry goes electric</title></head><body><article>
<h1>Harbour ferry goes electric</h1>
<p>The harbour authority said on Monday that the first electric ferry will enter service in June,
according to <a href="https://www.transport.example.gov/report">a report by the transport ministry</a>,
replacing a diesel boat that has run the route since 1998.</p>
<p>Passengers can charge phones on board, and {anchor} is what the operator wants riders to remember,
officials said at a briefing attended by local reporters and two council members.</p>
<p>The ferry carries 300 passengers and crosses the harbour in eleven minutes, the authority said.</p>
</article></body></html>"""


def test_paid_anchors_in_the_paragraphs_fire_with_the_anchors_as_evidence():
    html = STORY.format(anchor='<a href="https://spin-win-casino.example/">best online casino</a> '
                               'and <a href="https://quickcash.example/">payday loans</a>')
    signal = KeywordLinksInText().score(parse_html(html, "https://farm.example/ferry"))
    assert signal.value >= 0.6
    assert "best online casino" in signal.evidence and "payday loans" in signal.evidence


def test_a_story_citing_its_sources_does_not_fire():
    html = STORY.format(anchor='<a href="https://harbour.example.org/timetable">the new timetable</a>')
    assert KeywordLinksInText().score(parse_html(html, "https://news.example/ferry")).value == 0


def test_a_keyword_link_to_the_site_itself_is_not_a_paid_link():
    html = STORY.format(anchor='<a href="https://casino-review.example/slots">slots</a>')
    assert KeywordLinksInText().score(parse_html(html, "https://casino-review.example/ferry")).value == 0


def test_outbound_link_share_is_high_when_most_links_leave_for_many_sites():
    from detector.signals.outlinks import OutboundLinkShare

    partners = "".join(f'<li><a href="https://partner{i}.example/">Partner site {i}</a></li>' for i in range(30))
    own = "".join(f'<li><a href="https://news.example/section/{i}">Section {i}</a></li>' for i in range(30))
    farm = parse_html(f"<html><body><p>Story.</p><ul>{partners}</ul></body></html>", "https://farm.example/x")
    site = parse_html(f"<html><body><p>Story.</p><ul>{own}</ul></body></html>", "https://news.example/x")
    assert OutboundLinkShare().score(farm).value > 0.8
    assert OutboundLinkShare().score(site).value == 0
    assert OutboundLinkShare().score(parse_html(f"<html><body><ul>{partners}</ul></body></html>")).value == 0  # no address


def test_paid_anchors_in_a_lynx_dump_fire_from_its_numbered_links():
    from detector.text_page import parse_text

    story = ("   The harbour authority said on Monday that the first electric ferry will enter service in June,\n"
             "   replacing a diesel boat that has run the route since 1998, and [1]best online casino offers\n"
             "   were not part of the plan, officials said at a briefing attended by local reporters.\n\n"
             "   Passengers can charge phones on board and [2]payday loans are not sold at the kiosk, the operator\n"
             "   said, adding that the boat carries 300 passengers and crosses in eleven minutes.\n\n"
             "References\n\n   1. https://spin-win-casino.example/\n   2. https://quickcash.example/go/12\n")
    page = parse_text("Harbour ferry goes electric\n\n" + story, "https://farm.example/ferry")
    signal = KeywordLinksInText().score(page)
    assert signal.value >= 0.6 and "payday loans" in signal.evidence


COPY_DUMP = """Harbour ferry goes electric

The harbour authority said on Monday that the first electric ferry will enter service in June, replacing a diesel boat that has run the route since 1998, and best online casino officials said the new boat will be quieter.

Passengers can charge phones on board, the operator said, and payday loans riders were told at a briefing attended by local reporters and two council members of the harbour board.

The ferry carries 300 passengers and crosses the harbour in eleven minutes, and essay writing service staff said the crossing is now the fastest on the coast, ahead of the northern route.

The authority expects the second boat to arrive next spring, after sea trials in the bay that are planned for the winter months.
"""


def test_paid_words_of_several_trades_left_in_a_text_dump_fire_with_the_trades_as_evidence():
    from detector.signals.outlinks import SpamTradesInText
    from detector.text_page import parse_text

    signal = SpamTradesInText().score(parse_text(COPY_DUMP, "https://farm.example/ferry"))
    assert signal.value == 1.0
    assert "(gambling)" in signal.evidence and "(loans)" in signal.evidence and "(essays)" in signal.evidence


def test_one_trade_is_a_topic_not_a_link_farm():
    from detector.signals.outlinks import SpamTradesInText

    review = STORY.format(anchor="the casino's slots and its poker room")
    assert SpamTradesInText().score(parse_html(review, "https://casino-review.example/ferry")).value == 0


def test_a_word_whose_case_does_not_fold_back_still_names_its_trade():
    from detector.signals.outlinks import SpamTradesInText

    # Turkish capitals: 'İ'.lower() is 'i' plus a combining dot, so the text is not the lexicon's word
    farm = STORY.format(anchor="CASİNO BONUSU and PAYDAY LOANS")
    signal = SpamTradesInText().score(parse_html(farm, "https://farm.example/ferry"))
    assert signal.value == 0.5 and "'CASİNO' (gambling)" in signal.evidence and "(loans)" in signal.evidence


def _cloud(anchors: list[tuple[str, str]], url: str = "https://harbour-news.example/ferry"):
    """A story page with a footer block of links, as link farms and their themes lay them out."""
    items = "".join(f'<li><a href="{href}">{text}</a></li>' for text, href in anchors)
    return parse_html(f'<html><head><title>Harbour ferry goes electric</title></head><body>'
            f'<nav><a href="/">Home</a> <a href="/news/">News</a> <a href="/best-of-2024/">Best of 2024</a> '
            f'<a href="/reviews/">Reviews</a></nav>{STORY.format(anchor="the new timetable")}'
            f'<footer><h4>Partners</h4><ul>{items}</ul></footer></body></html>', url)


FARM_ANCHORS = [
    ("best payday loans 2024", "https://quick-cash-now.example/"),
    ("cheap car insurance near me", "https://insure-4less.example/quotes"),
    ("buy viagra online", "https://rx-pills.example/"),
    ("top 10 online casinos", "https://casino-rank.example/"),
    ("essay writing service cheap", "https://essays-pro.example/order"),
    ("tanie pożyczki online", "https://pozyczki.example/"),
    ("купить диплом недорого", "https://diplom.example/"),
]


def test_a_cloud_of_commercial_keyword_anchors_anywhere_on_the_page_fires_with_the_anchors():
    from detector.signals.outlinks import KeywordAnchorCloud

    signal = KeywordAnchorCloud().score(_cloud(FARM_ANCHORS))
    assert signal.value == 1.0
    assert "7 commercial keyword anchors" in signal.evidence and "'best payday loans 2024'" in signal.evidence
    assert "to 7 sites" in signal.evidence
    few = KeywordAnchorCloud().score(_cloud(FARM_ANCHORS[:3]))
    assert 0.5 <= few.value < 1.0


def test_one_trade_needs_a_bigger_cloud():
    from detector.signals.outlinks import KeywordAnchorCloud

    casino = [(f"{m} online casino", f"https://casino{i}.example/") for i, m in enumerate(["best", "top 10", "cheap", "new 2024"])]
    assert KeywordAnchorCloud().score(_cloud(casino[:3])).value == 0
    more = casino + [("casino bonus 2025", "https://casino9.example/")]
    assert KeywordAnchorCloud().score(_cloud(more)).value > 0


def test_navigation_a_shop_s_own_menu_and_a_story_s_source_links_do_not_fire():
    from detector.signals.outlinks import KeywordAnchorCloud

    own_menu = [("Cheap car insurance", "/car-insurance/cheap/"), ("Best car insurance for young drivers", "/car-insurance/young/"),
                ("Cheap home insurance", "/home-insurance/"), ("Life insurance quotes online", "/life/"),
                ("Compare health insurance", "/health/"), ("Best credit cards 2024", "/cards/")]
    assert KeywordAnchorCloud().score(_cloud(own_menu, "https://insurer.example/news/ferry")).value == 0
    sources = [("the transport ministry's report", "https://transport.example.gov/r"),
               ("Best of 2024: the year in ferries", "https://ferries.example/best-2024"),
               ("our review of the new boats", "https://boats.example/review"),
               ("buy tickets online", "https://harbour-ferries.example/tickets")]
    assert KeywordAnchorCloud().score(_cloud(sources)).value == 0
    # the same insurance menu pointing to other sites is a sold cloud
    sold = [(text, f"https://site{i}.example/") for i, (text, _) in enumerate(own_menu)]
    assert KeywordAnchorCloud().score(_cloud(sold, "https://insurer.example/news/ferry")).value > 0


def test_a_keyword_cloud_left_as_lines_in_a_text_dump_fires():
    from detector.signals.outlinks import KeywordAnchorCloud
    from detector.text_page import parse_text

    story = ("The harbour authority said on Monday that the first electric ferry will enter service in June, replacing a "
             "diesel boat that has run the route since 1998, officials said at a briefing.\n\n")
    cloud = "\n".join(text for text, _ in FARM_ANCHORS)
    signal = KeywordAnchorCloud().score(parse_text(f"Harbour ferry goes electric\n\n{story * 3}\nPartners\n{cloud}\n"))
    assert signal.value == 1.0 and "'cheap car insurance near me'" in signal.evidence and "sites" not in signal.evidence
    menu = "\n".join(["Home", "News", "Best of 2024", "Reviews", "Top stories", "Sport"])
    assert KeywordAnchorCloud().score(parse_text(f"Harbour ferry goes electric\n\n{menu}\n\n{story * 3}")).value == 0
    # a bank's own menu sells one trade: as lines without targets it cannot be told from a cloud, so it does not count
    bank = "\n".join(["Best personal loans", "Best personal loans for bad credit", "Best auto loans", "Cheapest car insurance",
                      "Compare car insurance rates", "Best credit cards 2024", "Mortgage calculator"])
    assert KeywordAnchorCloud().score(parse_text(f"Harbour ferry goes electric\n\n{bank}\n\n{story * 3}")).value == 0


def test_a_site_s_own_menu_about_its_topic_left_as_lines_in_a_text_dump_does_not_fire():
    from detector.signals.outlinks import KeywordAnchorCloud
    from detector.text_page import parse_text

    story = ("Bitcoin rose eight percent on Tuesday after the exchange approved two new funds, and crypto traders said "
             "volumes on the largest venues doubled within hours of the decision, analysts said.\n\n")
    menu = "\n".join(["Best bitcoin wallets", "Buy bitcoin cheap", "Best crypto exchanges 2024", "Bitcoin price today",
                      "Top 10 crypto exchanges", "Crypto exchange reviews", "Buy bitcoin online"])
    page = parse_text(f"Bitcoin rises after fund approval\n\n{menu}\n\n{story * 3}")
    assert KeywordAnchorCloud().score(page).value == 0


def test_a_text_dump_s_cloud_counts_the_trade_of_a_head_that_holds_a_trade_s_word():
    """'casino bonus' sells gambling, as 'casino' does: with loans beside it the lines sell two trades."""
    from detector.signals.outlinks import KeywordAnchorCloud, trade_of
    from detector.text_page import parse_text

    assert (trade_of("casino bonus"), trade_of("online slots"), trade_of("personal loans")) == ("gambling", "gambling", None)
    story = ("The harbour authority said on Monday that the first electric ferry will enter service in June, replacing a "
             "diesel boat that has run the route since 1998, officials said at a briefing.\n\n")
    sponsored = ["casino bonus no credit check", "casino bonus deals 2022", "top 10 payday loans", "cheap solar panels near me",
                 "injury lawyer discount code", "buy web hosting online", "dental implants quotes"]
    page = parse_text(f"Harbour ferry goes electric\n\n{story * 3}\nSponsored links\n" + "\n".join(sponsored) + "\n")
    signal = KeywordAnchorCloud().score(page)
    assert signal.value == 1.0 and "'casino bonus no credit check'" in signal.evidence
    # loans alone, beside heads of no paid-link trade: seven lines, one trade
    one_trade = [line for line in sponsored if "casino" not in line] + ["best home warranty 2022", "affordable rehab centers"]
    page = parse_text(f"Harbour ferry goes electric\n\n{story * 3}\nSponsored links\n" + "\n".join(one_trade) + "\n")
    assert KeywordAnchorCloud().score(page).value == 0
