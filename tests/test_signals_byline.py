"""Byline signals: person vs brand/role/placeholder, spam, and a byline that contradicts the text's credit."""

import pytest

from detector.page import parse_html
from detector.signals.byline import (BylineCreditMismatch, BylineNotPerson, BylineOtherOutlet, BylinePerson, BylineSpam,
                                     BylineWire, clean_byline)
from detector.text_page import parse_text

BODY = ("<p>WASHINGTON (AP) — Lawmakers reached a deal on Tuesday to fund the government through the end of "
        "the year, averting a shutdown that had loomed over the capital for weeks.</p>"
        "<p>The agreement still needs approval from both chambers before the deadline on Friday night.</p>"
        "<p>Associated Press writer Jane Roe contributed to this report.</p>")
STORY = ("<p>The city council approved a new flood barrier for Mill Street on Tuesday after three years of debate "
         "and two winters of flooding that closed shops along the river.</p>"
         "<p>The barrier will cost 4.2 million pounds and should be finished before next winter, the council said.</p>"
         "<p>Shop owners welcomed the decision but asked for help with the costs of the closures during the works.</p>")


def page(author_html: str, site="Daily Courier", url="https://www.dailycourier.com/2024/05/02/deal", body=BODY):
    return parse_html(f"""<html><head><title>Deal reached | {site}</title><meta property="og:site_name" content="{site}">
</head><body><h1>Deal reached</h1>{author_html}<article>{body}</article></body></html>""", url)


def test_clean_byline_drops_labels_and_dates():
    assert clean_byline("By JEFFREY GETTLEMAN JAN. 13, 2017") == "JEFFREY GETTLEMAN"
    assert clean_byline("Kathryn Giuffrida | Jan 2, 2025") == "Kathryn Giuffrida"
    assert clean_byline("TAG24") == "TAG24"


@pytest.mark.parametrize("raw, name", [("January 28, 2024 | Quickstart Newsroom", "Quickstart Newsroom"),
                                       ("2024-03-05 · By Jane Doe", "Jane Doe")])
def test_clean_byline_drops_a_date_printed_before_the_name(raw, name):
    """Themes print the date first; the name after it was cut off and 'January' read as the byline."""
    assert clean_byline(raw) == name


def test_a_desk_byline_after_the_date_is_still_a_brand():
    s = BylineNotPerson().score(page('<span class="author">January 28, 2024 | Quickstart Newsroom</span>', body=STORY))
    assert s.value > 0 and "Quickstart Newsroom" in s.evidence


def test_admin_placeholder_scores_full():
    s = BylineNotPerson().score(page('<div class="info">Author: admin</div>', site="Golden Wealth Academy",
                                     url="http://goldenwealth.xyz/a/1.html"))
    assert s.value == 1.0 and "admin" in s.evidence


def test_cjk_placeholder():
    s = BylineNotPerson().score(page('<div class="info">作者：小编</div>'))
    assert s.value == 1.0


def test_brand_desk_byline_scores_half():
    s = BylineNotPerson().score(page('<span class="byline">By Courier News Desk</span>'))
    assert 0 < s.value < 1 and "Courier News Desk" in s.evidence


def test_person_byline_clears_not_person_and_fires_person():
    p = page('<span class="author">By Maria Garcia</span>')
    assert BylineNotPerson().score(p).value == 0
    s = BylinePerson().score(p)
    assert s.value == 1 and "Maria Garcia" in s.evidence


def test_cjk_person():
    assert BylinePerson().score(page('<div class="info">记者：王伟</div>')).value == 1


def test_no_byline_is_no_evidence():
    p = page("")
    assert BylineNotPerson().score(p).value == 0 and BylinePerson().score(p).value == 0
    assert BylineSpam().score(p).value == 0 and BylineCreditMismatch().score(p).value == 0


def test_spam_byline():
    s = BylineSpam().score(page('<span class="author">Best Casino Bonus Online https://win.example</span>'))
    assert s.value == 1 and "Casino" in s.evidence
    assert BylineSpam().score(page('<span class="author">By Maria Garcia</span>')).value == 0


def test_credit_mismatch_brand_byline_over_wire_story():
    s = BylineCreditMismatch().score(page('<div class="info">By Golden View</div>', site="Golden Wealth Academy",
                                          url="http://goldenwealth.xyz/a/1.html"))
    assert s.value == 1 and "AP" in s.evidence and "Golden View" in s.evidence


def test_credit_matches_wire_byline():
    p = page('<span class="byline">By Zeke Miller, Associated Press</span>')
    assert BylineCreditMismatch().score(p).value == 0


def test_reporter_byline_over_wire_credit_is_weak():
    s = BylineCreditMismatch().score(page('<span class="byline">By Maria Garcia</span>'))
    assert s.value < 0.5


@pytest.mark.parametrize("byline", [
    "By Agence France-Presse", "AFP", "Reuters", "By The Associated Press", "Staff and wire reports", "From wire services",
    "By Wire reports", "dpa", "PAP", "ТАСС", "РИА Новости", "新华社", "中新网", "By Reuters Staff", "dpa/AFP", "Agencias",
    "Press Trust of India"])
def test_agency_and_wire_desk_bylines_are_never_a_person(byline):
    p = page(f'<span class="byline">{byline}</span>', body=STORY)
    assert BylinePerson().score(p).value == 0 and BylineNotPerson().score(p).value == 0
    s = BylineWire().score(p)
    assert s.value == 1 and "news agency or wire desk" in s.evidence


@pytest.mark.parametrize("byline", ["Staff report", "News Desk", "Web Desk", "Redaktion", "Redacción", "La Rédaction",
                                    "Redakcja", "Редакция"])
def test_staff_and_desk_bylines_are_roles(byline):
    p = page(f'<span class="byline">{byline}</span>', body=STORY)
    assert BylinePerson().score(p).value == 0 and BylineNotPerson().score(p).value == 1
    assert BylineWire().score(p).value == 0  # a publisher's own desk is no agency copy


@pytest.mark.parametrize("byline", ["By Maria Garcia", "By Pat Reuters", "Anna Kowalska", "By Jane Doe, AP"])
def test_people_named_like_or_beside_an_agency_stay_people(byline):
    p = page(f'<span class="byline">{byline}</span>', body=STORY)
    assert BylinePerson().score(p).value == 1 and BylineNotPerson().score(p).value == 0 and BylineWire().score(p).value == 0


def test_an_agency_signing_on_its_own_site_is_its_brand_not_wire_copy():
    p = page('<span class="byline">By Agence France-Presse</span>', site="AFP", url="https://www.afp.com/en/news/1", body=STORY)
    assert BylinePerson().score(p).value == 0
    assert BylineNotPerson().score(p).value == 0.5 and BylineWire().score(p).value == 0


def test_wire_desk_byline_in_a_text_dump():
    dump = ("Riverside Courier\nHome | News | Sport | Business\n\nCouncil approves new flood barrier for Mill Street\n\n"
            "By Staff and wire reports\nMay 2, 2024\n\n" + "\n\n".join(p.strip("<p>/") for p in STORY.split("</p>") if p)
            + "\n\nContact us | Privacy | Terms\n")
    p = parse_text(dump, "https://www.riversidecourier.co.uk/news/flood-barrier")
    assert BylinePerson().score(p).value == 0
    s = BylineWire().score(p)
    assert s.value == 1 and "Staff and wire reports" in s.evidence


@pytest.mark.parametrize(("byline", "value"), [
    ("By Maria Lopez, The Texas Tribune", 0.8),  # a partner outlet's reporter on a local paper
    ("By Maria Lopez | Kaiser Health News", 0.8),
    ("Maria Lopez of The Washington Post", 0.8),
    ("By Jane Roe, Associated Press", 1.0),  # an agency's reporter off the agency's site
    ("By Maria Lopez, Daily Courier", 0.0),  # the site's own name
    ("By Maria Lopez, Staff Writer", 0.0),
    ("By Maria Lopez, Times Staff Writer", 0.0),
    ("Maria Lopez | May 2, 2024", 0.0),
    ("By Maria Lopez and Tom Reed", 0.0),
])
def test_a_reporters_byline_naming_another_outlet(byline, value):
    s = BylineOtherOutlet().score(page(f'<span class="byline">{byline}</span>', body=STORY))
    assert s.value == value


def test_an_agency_reporter_on_the_agencys_own_site_is_its_own():
    p = page('<span class="byline">By Jane Roe, Reuters</span>', site="Reuters", url="https://www.reuters.com/world/a", body=STORY)
    assert BylineOtherOutlet().score(p).value == 0


def test_a_contributors_city_is_not_the_credited_name():
    body = STORY + "<p>Associated Press writer John Leicester in Paris contributed to this report.</p>"
    s = BylineCreditMismatch().score(page('<span class="byline">By Maria Lopez</span>', body=body))
    assert "'John Leicester'" in s.evidence and "Paris" not in s.evidence


def test_a_view_counter_in_the_author_slot_is_no_person():
    p = page('<span class="author">人氣(23925)</span>', site="露營日記", url="https://campdiary.pixnet.net/blog/post/1", body=STORY)
    assert BylinePerson().score(p).value == 0


def test_a_blog_named_by_its_blogger_on_a_blog_host_is_no_brand_byline():
    blog = dict(site="Camp Diary", body=STORY)
    hosted = page('<span class="author">Camp-Diary</span>', url="https://campdiary.blogspot.com/2024/05/trip.html", **blog)
    own = page('<span class="author">Camp-Diary</span>', url="https://www.campdiary.com/2024/05/trip.html", **blog)
    assert BylineNotPerson().score(hosted).value == 0
    assert BylineNotPerson().score(own).value == 0.5  # on its own domain the site's name as byline is its brand


@pytest.mark.parametrize("byline", ["By Samya Kullab and Vasilisa Stepanenko", "By Julia Horowitz @juliakhorowitz",
                                    "Anna Nowak, Piotr Kowalski"])
def test_two_reporters_or_a_reporter_with_her_account_are_people(byline):
    p = page(f'<div class="byline">{byline}</div>', body=STORY)
    assert BylinePerson().score(p).value == 1.0 and BylineNotPerson().score(p).value == 0


def test_the_sites_own_address_as_byline_is_a_brand_not_spam():
    own = page('<div class="author">www.dailycourier.com</div>', body=STORY)
    other = page('<div class="author">www.cheap-pills-online.com</div>', body=STORY)
    assert BylineSpam().score(own).value == 0 < BylineNotPerson().score(own).value
    assert BylineSpam().score(other).value == 1.0


def test_a_photographers_credit_in_the_author_slot_names_no_outlet_of_the_story():
    """Spanish and German papers print 'Name / Agency' under the lead photo; the metadata signs the story."""
    signed = '<script type="application/ld+json">{"@type": "NewsArticle", "author": {"@type": "Person", "name": "Luna González"}}</script>'
    credit = '<span class="author">Gustavo Valiente / Europa Press</span>'
    assert BylineOtherOutlet().score(page(signed + credit, body=STORY)).value == 0
    assert BylineOtherOutlet().score(page(credit, body=STORY)).value == 1.0  # nobody else signs: the agency's reporter


@pytest.mark.parametrize(("site", "url", "value"), [
    ("CNNMoney", "https://money.cnn.com/2016/11/29/news/strike/index.html", 0.0),
    ("Daily Courier", "https://www.dailycourier.com/2016/11/29/strike", 0.3)])
def test_a_colleague_credited_by_the_sites_own_name_is_no_mismatch(site, url, value):
    body = STORY + "<p>CNN's Bill Kirkos contributed to this report.</p>"
    s = BylineCreditMismatch().score(page('<span class="byline">By Julia Horowitz</span>', site=site, url=url, body=body))
    assert s.value == value


@pytest.mark.parametrize(("byline", "url", "value"), [
    ("Frank Bueltge - http://bueltge.de", "https://www.der-erfolg-gibt-recht.de/rezepte/leber.htm", 0.0),  # the blogger's homepage
    ("Veröffentlicht von Henning Lobin www.lobin.de", "https://scilogs.spektrum.de/galaxis/gendersprache/", 0.0),
    ("Deutsche Welle (www.dw.com)", "https://www.dw.com/fr/a-6533123", 0.0),  # the site's own address
    ("John Smith - www.casino-bonus-online.com", "https://www.dailycourier.com/2024/05/02/deal", 1.0),
    # Another site's address is a self-link as bloggers sign ('www.koffergepackt.com' on a wordpress.com blog):
    # evidence, but only spam words make it a spammer's.
    ("Deutsche Welle (www.dw.com)", "https://www.dailycourier.com/2024/05/02/deal", 0.5),
    ("Bradley M. Kuhn (http://ebb.org/bkuhn/)", "https://www.dailycourier.com/2024/05/02/deal", 0.5),
])
def test_a_signers_own_homepage_or_the_sites_address_is_no_spam(byline, url, value):
    assert BylineSpam().score(page(f'<meta name="author" content="{byline}">', url=url, body=STORY)).value == value


def test_a_button_in_the_author_slot_is_no_spam_for_its_arrow():
    assert BylineSpam().score(page('<span class="author">ORDER REPRINT →</span>', body=STORY)).value == 0
    assert BylineSpam().score(page('<span class="author">Order cheap pills online</span>', body=STORY)).value == 1.0


def test_a_signers_homepage_in_its_own_element_is_no_spam():
    both = '<span class="author">Henning Lobin</span> <span class="author-url">www.lobin.de</span>'
    stranger = '<span class="author">Henning Lobin</span> <span class="author-url">www.best-casino-bonus.com</span>'
    assert BylineSpam().score(page(both, body=STORY)).value == 0
    assert BylineSpam().score(page(stranger, body=STORY)).value == 1.0


@pytest.mark.parametrize("slot", ['<div class="post-author">Last Updated: October 3, 2024</div>',
                                  '<div class="post-author">Last Updated <time datetime="2024-10-03">Oct 3, 2024</time></div>',
                                  '<span class="byline">Updated: 3 Oct 2024</span>'])
def test_a_date_in_the_author_slot_is_no_byline(slot):
    """Themes put 'Last Updated' where the author goes; cleaned of its date it looked like a two-word name."""
    p = page(slot, body=STORY)
    assert p.bylines == [] and BylinePerson().score(p).value == 0


def test_a_byline_that_starts_like_a_date_label_stays():
    assert [b.text for b in page('<span class="byline">Posted by Maria Garcia</span>', body=STORY).bylines] == [
        "Maria Garcia"]
