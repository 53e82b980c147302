"""Attribution signals: wire datelines and credits, source lines, canonical and syndication metadata."""

from __future__ import annotations

import pytest

from detector.page import Located, parse_html
from detector.signals.attribution import CanonicalElsewhere, SourceLine, SyndicationMeta, WireCredit, WireDateline
from detector.text_page import parse_text

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
    "Additional reporting by Jane Doe; Editing by Mary Jones",
    "This article was produced by KFF Health News.",
])
@pytest.mark.parametrize("place", [0, 1, 3])  # the page's texts are searched joined first: first, between, last
def test_wire_credit_found(credit, place):
    signal = WireCredit().score(page([*STORY[:place], credit, *STORY[place:]]))
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


@pytest.mark.parametrize("line, value", [("Continue reading at Reuters", 1.0), ("Read the full story at The Verge Daily", 0.6),
                                         ("Lire la suite sur Le Monde", 0.6),
                                         ("Read more at www.coastnews.com/2024/05/02/storm-hits.html", 0.8)])
def test_an_excerpt_that_sends_the_reader_to_the_story_s_home(line, value):
    # An aggregator shows the first paragraphs and a line to the outlet; in a text dump only the line is left.
    text = "Storm hits coast\n\n" + "\n\n".join(STORY) + f"\n\n{line}\n"
    signal = SourceLine().score(parse_text(text, url="https://newsbuzz-daily.example/storm-hits-coast"))
    assert signal.value == value and "read-at" in signal.evidence


@pytest.mark.parametrize("line", ["Read more at the CDC's website", "Read more at our website", "Continue reading at dailyherald.com"])
def test_a_pointer_to_a_source_of_facts_or_to_the_site_itself_is_no_excerpt(line):
    assert SourceLine().score(page(STORY, after=f"<p>{line}</p>")).value == 0


@pytest.mark.parametrize("note", ["This article was originally published on August 27, 2015 and updated since.",
                                  "Originally published in March 2022. Last updated on December 20, 2024.",
                                  "3 Sept 2024 | Originally published",
                                  "In the original article, Samantha talked about the money Marco makes from his podcast, based on numbers.",
                                  "&lt;a href=&quot;https://x.org&quot;&gt;article&lt;/a&gt; first appeared on Modern Farmer",
                                  # a site's own licence and its invitation to republish name no origin
                                  "Boing Boing is published under a Creative Commons license except where otherwise noted.",
                                  "Republish our articles for free, online or in print, under a Creative Commons license."])
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


LONG = STORY + [
    "Forecasters said the system would weaken as it moved inland, but warned of flash floods in low-lying areas.",
    "Schools in three counties will stay closed on Wednesday while inspectors check the buildings for damage.",
    "The governor declared a state of emergency and asked for federal help with the clean-up, her office said.",
]


def dump(paragraphs: list[str], url: str = "https://www.dailyherald.com/news/storm"):
    """A select-all copy of the page: site name, menu, headline, byline, the paragraphs, the footer."""
    text = ("Daily Herald\nHome | News | Sports | Weather\n\nStorm hits coast\n\nBy Jane Doe\nMay 2, 2024\n\n"
            + "\n\n".join(paragraphs) + "\n\nContact us | Privacy | Terms\n© 2024 Daily Herald\n")
    return parse_text(text, url)


REPRINT_LINES = [
    "This article first appeared in The Conversation.", "This story was originally published by The Seattle Times.",
    "Republished with permission from Modern Farmer.", "Read the original article at https://theconversation.com/storm-123",
    "Source: https://www.coastnews.com/2024/05/02/storm-hits.html", "Article source: The Seattle Times", "来源：新华网",
    "Источник: РИА Новости", "Źródło: PAP", "转载自人民网", "本文来自澎湃新闻", "Quelle: dpa", "Fuente: EFE",
    # portals' reposts in Chinese, Russian and Polish
    "稿源：澎湃新闻", "出处：中国经济网", "声明：本文系转载，版权归原作者所有，如有侵权请联系删除", "Источник — РИА Новости",
    "По материалам газеты «Ведомости»", "Перепечатано с сайта lenta.ru", "Artykuł pochodzi z serwisu Gazeta.pl",
    "Przedruk za zgodą redakcji Dziennika Zachodniego", "Zdroj: ČTK, iDNES.cz",
    # the auxiliary between the words of the phrase, as French, Spanish and German write it
    "Cet article a d'abord été publié par Ouest-France.", "Cette tribune a initialement été publiée dans Libération.",
    "El artículo se publicó originalmente en El País.", "Der Beitrag erschien ursprünglich im Tagesspiegel."]


@pytest.mark.parametrize("build", [lambda ps: page(ps), dump], ids=["html", "text"])
@pytest.mark.parametrize("position", [0, 3, 6])
@pytest.mark.parametrize("line", REPRINT_LINES)
def test_source_line_anywhere_in_the_text_names_the_origin(line, position, build):
    signal = SourceLine().score(build(LONG[:position] + [line] + LONG[position:]))
    assert signal.value >= 0.5 and line.strip(".")[-3:] in signal.evidence


@pytest.mark.parametrize("line", ["（本文来源：新浪财经）", "来源：澎湃新闻 作者：张伟", "Źródło informacji: Gazeta Wyborcza"])
def test_a_portal_s_credit_names_another_outlet(line):
    assert SourceLine().score(page(LONG[:3] + [line] + LONG[3:])).value >= 0.6
    assert SourceLine().score(dump(LONG[:3] + [line] + LONG[3:])).value >= 0.6


@pytest.mark.parametrize("line", ["Главный источник — нефть и газ, которые страна продает за рубеж.", "出处：本站原创",
                                  "Na podstawie własnych obliczeń redakcji"])
def test_a_dash_after_source_mid_sentence_and_the_site_s_own_credit_are_no_source(line):
    assert SourceLine().score(page(LONG[:3] + [line] + LONG[3:], url="https://portal.example.ru/news/1")).value == 0


@pytest.mark.parametrize("line", ["Source: Daily Herald", "This article originally appeared on dailyherald.com",
                                  "Quelle: Statista", "Photo: Reuters", "Quelle: Martin Schutt/dpa",
                                  "Source: Jane Doe / Reuters"])
def test_source_line_not_for_the_site_itself_nor_a_data_or_photo_credit(line):
    assert SourceLine().score(page(LONG[:3] + [line] + LONG[3:])).value == 0
    assert SourceLine().score(dump(LONG[:3] + [line] + LONG[3:])).value == 0


def test_an_agency_with_another_outlet_after_a_slash_is_still_a_source():
    assert SourceLine().score(page(LONG[:3] + ["Source: dpa/AFP"] + LONG[3:])).value >= 0.5


@pytest.mark.parametrize("figure", [
    "<figure><img src='oil.png'><figcaption>Oil output, millions of barrels a day. Source: Reuters</figcaption></figure>",
    "<div class='chart-wrap'><img src='oil.png'><p class='chart-source'>Source: Reuters</p></div>",
    "<table><caption>Source: Reuters</caption><tr><td>2023</td><td>4.1</td></tr></table>",
    "<p>Chart: Oil output, millions of barrels a day</p><p>Source: Reuters</p>"])
def test_a_chart_or_figure_credit_is_no_source_line(figure):
    body = "".join(f"<p>{p}</p>" for p in LONG[:3]) + figure + "".join(f"<p>{p}</p>" for p in LONG[3:])
    p = parse_html(f"<html><head><title>Storm hits coast | Daily Herald</title></head><body><h1>Storm hits coast</h1>"
                   f"<article>{body}</article></body></html>", "https://www.dailyherald.com/news/storm")
    assert SourceLine().score(p).value == 0 and WireCredit().score(p).value == 0


@pytest.mark.parametrize("figure", ["Chart: Oil output, millions of barrels a day\nSource: Reuters",
                                    "3.5%\n\n3.0\n\n2.5\n\n’10\n\n’14\n\n’18\n\nBy The Daily Herald | Source: Reuters"])
def test_a_chart_credit_in_a_text_dump_is_no_source_line_but_a_closing_one_is(figure):
    chart = dump(LONG[:3] + [figure] + LONG[3:])
    assert SourceLine().score(chart).value == 0 and WireCredit().score(chart).value == 0
    closing = dump(LONG + ["Source: Reuters"])
    assert SourceLine().score(closing).value == 1 and WireCredit().score(closing).value == 1


@pytest.mark.parametrize("credit", [
    "Copyright (2024) Press Association. All rights reserved.", "Copyright (c) Press Association Ltd 2008, All Rights Reserved.",
    "© AAP 2024", "Reuters. All rights reserved.", "All rights reserved by Reuters.", "По материалам РИА Новости.",
    "Material from Reuters was used in this report.", "Copyright 2008 AFP"])
def test_agency_copyright_and_rights_lines_are_wire_credits(credit):
    assert WireCredit().score(page([*LONG, credit])).value == 1
    assert WireCredit().score(dump([*LONG, credit])).value == 1


@pytest.mark.parametrize("dateline", ["МОСКВА, 5 мая. /ТАСС/.", "МОСКВА, 12 мая - РИА Новости."])
def test_russian_agency_datelines(dateline):
    story = ["Президент России провел совещание с членами правительства, на котором обсуждались вопросы экономики.",
             "Участники встречи рассмотрели меры поддержки промышленности и сельского хозяйства в этом году."]
    assert WireDateline().score(page([f"{dateline} {story[0]}", story[1]], url="https://portal.example.ru/news/1")).value == 1
    assert WireDateline().score(page([f"МОСКВА, 5 мая. {story[0]}", story[1]], url="https://portal.example.ru/news/1")).value == 0


@pytest.mark.parametrize("url, line, wire", [
    ("https://apnews.com/article/storm", "WASHINGTON (AP) — ", "AP"), ("https://www.reuters.com/world/storm", "LONDON (Reuters) - ", "Reuters"),
    ("https://tass.ru/obschestvo/1", "МОСКВА, 5 мая. /ТАСС/. ", "ТАСС"), ("https://ria.ru/20240505/1.html", "МОСКВА, 5 мая - РИА Новости. ", "РИА Новости"),
    ("https://www.pap.pl/aktualnosci/1", "Warszawa (PAP) - ", "PAP"), ("https://english.news.cn/20240505/c.htm", "BEIJING, May 5 (Xinhua) -- ", "Xinhua"),
    ("https://www.efe.com/efe/1", "MADRID (EFE) - ", "EFE"), ("https://www.ansa.it/sito/1.shtml", "ROMA (ANSA) - ", "ANSA"),
    ("https://www.aa.com.tr/en/1", "ANKARA (AA) - ", "Anadolu Agency"), ("https://english.kyodonews.net/news/1", "TOKYO (Kyodo) - ", "Kyodo"),
    ("https://en.yna.co.kr/view/1", "SEOUL (Yonhap) -- ", "Yonhap"), ("https://www.aap.com.au/news/1", "SYDNEY (AAP) - ", "AAP"),
    ("https://www.ptinews.com/story/1", "NEW DELHI (PTI) - ", "PTI"), ("https://www.aninews.in/news/1", "NEW DELHI (ANI): ", "ANI"),
    ("https://focustaiwan.tw/politics/1", "TAIPEI (CNA) - ", "CNA"), ("https://www.interfax.ru/russia/1", "MOSCOW (Interfax) - ", "Interfax")])
def test_an_agency_on_its_own_site_is_the_original(url, line, wire):
    p = page([line + STORY[0], *STORY[1:], f"Source: {wire}"], url=url)
    assert WireDateline().score(p).value == 0 and WireCredit().score(p).value == 0 and SourceLine().score(p).value == 0
    elsewhere = page([line + STORY[0], *STORY[1:], f"Source: {wire}"], url="https://www.coastportal.com/news/1")
    assert WireDateline().score(elsewhere).value == 1 and SourceLine().score(elsewhere).value == 1


@pytest.mark.parametrize("dateline", ["BEIJING (AP) —", "NEW DELHI (PTI):", "Warszawa (PAP) -", "МОСКВА, 5 мая. /ТАСС/."])
def test_wire_dateline_survives_in_a_text_dump(dateline):
    assert WireDateline().score(dump([f"{dateline} {LONG[0]}", *LONG[1:]])).value == 1


def test_an_agency_s_copyright_under_its_own_name_is_no_wire_credit_even_without_an_address():
    own = page([*LONG, "©2015 Bloomberg L.P. All Rights Reserved"], url=None)
    own.site_names.append(Located("Bloomberg", "meta og:site_name"))
    assert WireCredit().score(own).value == 0
    assert WireCredit().score(page([*LONG, "©2015 Bloomberg L.P. All Rights Reserved"])).value == 1


def test_a_portal_crediting_another_outlet_with_a_similar_name_is_no_self_credit():
    portal = page(LONG, after="<p>来源：中国新闻网</p>", url="https://news.youth.cn/gn/202405/t1.htm")
    portal.site_names.append(Located("中国青年网", "meta og:site_name"))
    assert SourceLine().score(portal).value >= 0.6
    own = page(LONG, after="<p>来源：中国青年网</p>", url="https://news.youth.cn/gn/202405/t1.htm")
    own.site_names.append(Located("中国青年网", "meta og:site_name"))
    assert SourceLine().score(own).value == 0


@pytest.mark.parametrize("bar", ["2024-05-02 10:22 来源：半月谈 浏览：1203", "02.05.2024, 10:22 | Źródło: Interia",
                                 "02.05.2024 10:22 Источник: Фонтанка", "Źródło: Interia 2024-05-02",
                                 "Источник — Фонтанка 02.05.2024"])
def test_a_source_in_the_story_s_dated_info_bar_credits_the_story(bar):
    """A portal's repost names its origin beside the date, before or after it; the name need not look like an outlet's."""
    for build in (page, dump):
        assert SourceLine().score(build([bar] + LONG)).value >= 0.6


@pytest.mark.parametrize("credit", ["Source: Zillow", "Źródło: Interia", "来源：半月谈", "Source: Zillow 2023"])
def test_the_same_name_without_a_date_beside_it_is_weak(credit):
    """Under a chart or a table, 'Source: Zillow' credits data: a short unknown name alone stays weak."""
    assert 0 < SourceLine().score(page(LONG[:3] + [credit] + LONG[3:])).value < 0.5


def test_a_dated_source_line_in_prose_is_no_info_bar():
    line = ("Source: Zillow, whose survey of 2,000 owners was published on March 3, 2024, found that prices in the "
            "county rose for the fourth year running.")
    assert SourceLine().score(page(LONG[:3] + [line] + LONG[3:])).value < 0.5


def test_an_article_address_given_with_a_source_s_name_names_another_outlet():
    line = "Source: Wirecutter: Reviews for the Real World (https://www.nytimes.com/wirecutter/reviews/best-wireless-earbuds/)"
    assert SourceLine().score(page(LONG[:3] + [line] + LONG[3:])).value >= 0.8


@pytest.mark.parametrize("line", ["Quelle: Statista (https://www.statista.com/statistics/1234/heating/)",
                                  "Source: our survey team (https://www.dailyherald.com/surveys/2024)"])
def test_a_data_office_s_or_the_site_s_own_address_with_a_source_stays_as_it_was(line):
    assert SourceLine().score(page(LONG[:3] + [line] + LONG[3:])).value < 0.5


def test_lines_inside_link_blocks_are_left_out_by_search_or_by_automaton(monkeypatch):
    from detector.signals import attribution

    teasers = "".join(f'<li><a href="/s/{i}">Storm story {i} (With inputs from ANI)</a></li>' for i in range(3))
    after = f"<div class='box'><h3>Related</h3><ul>{teasers}</ul></div><p>Source: Reuters</p>"
    by_search = [text for text, _ in attribution.credit_segments(page(STORY, after=after))]
    monkeypatch.setattr(attribution, "_AUTOMATON_CHARS", 0)
    by_automaton = [text for text, _ in attribution.credit_segments(page(STORY, after=after))]
    assert by_automaton == by_search and "Source: Reuters" in by_search
    assert not any("With inputs from ANI" in text for text in by_search)
