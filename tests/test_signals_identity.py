"""Site identity signals: names that disagree, a site theme or a category unrelated to the story."""

import pytest

from detector.page import parse_html
from detector.signals.identity import CategoryUnrelated, SiteNamesDisagree, SiteThemeUnrelated, names_agree

STORY = " ".join([
    "The president arrived in Paris on Tuesday for a three-day state visit, the first by a head of state since the summit.",
    "Officials said the talks would cover trade, energy and security, and that a joint declaration was expected on Thursday.",
    "Crowds gathered along the avenue as the motorcade passed, and the delegation laid a wreath at the memorial before lunch.",
] * 5)


def farm(site="Golden Wealth Academy", og="Daily Finance Hub", section="Scams", domain="moneyhub.xyz"):
    return parse_html(f"""<html><head><title>President begins state visit to France - {site}</title>
<meta property="og:site_name" content="{og}"></head><body>
<div class="logo"><a href="/"><img src="/images/logo.png" alt="{site}"></a></div>
<div class="crumb">Current position: <a href="/">Home</a> &gt; <a href="/list/3/">{section}</a></div>
<h1>President begins state visit to France</h1><div class="content"><p>{STORY}</p></div>
<div class="footer">© 2015-2020 {site}. All rights reserved.</div></body></html>""", f"http://www.{domain}/news/2024/123.html")


def original():
    return parse_html(f"""<html><head><title>President begins state visit to France | The Daily Courier</title>
<meta property="og:site_name" content="The Daily Courier"><meta property="article:section" content="Politics">
<script type="application/ld+json">{{"@type": "NewsArticle", "publisher": {{"name": "Courier Media Group Ltd"}}}}</script>
</head><body><header><a class="site-logo" href="/"><img src="/logo.svg" alt="The Daily Courier logo"></a></header>
<h1>President begins state visit to France</h1><article><p>{STORY}</p></article>
<footer><p>© 2024 Courier Media Group Ltd. See Terms of Use for more information.</p></footer></body></html>""",
                      "https://www.dailycourier.com/politics/2024/05/02/state-visit")


def test_names_agree_handles_real_spellings():
    assert names_agree("pirsch_de", "PIRSCH")
    assert names_agree("deloitte_logo", "Deloitte")
    assert names_agree("The New York Times", "nytimes")
    assert names_agree("Crítica", "critica")
    assert not names_agree("Golden Wealth Academy", "Daily Finance Hub")


def test_site_names_disagree_on_farm_names_what_it_saw():
    s = SiteNamesDisagree().score(farm())
    assert s.value >= 0.5
    assert "Golden Wealth Academy" in s.evidence and "Daily Finance Hub" in s.evidence


def test_site_names_agree_on_original_with_parent_company_and_junk_copyright():
    assert SiteNamesDisagree().score(original()).value == 0


def test_one_name_only_is_no_evidence():
    page = parse_html("<html><head><title>Hello</title></head><body><p>x</p></body></html>", None)
    assert SiteNamesDisagree().score(page).value == 0


def test_site_theme_unrelated_on_business_frame():
    s = SiteThemeUnrelated().score(farm(site="Smile Dental Clinic"))
    assert s.value >= 0.5 and "Dental" in s.evidence


def test_site_theme_related_or_media_name_is_silent():
    assert SiteThemeUnrelated().score(original()).value == 0  # media words say nothing about a theme
    assert SiteThemeUnrelated().score(farm(site="France Travel Agency", og="France Travel Agency")).value == 0


def test_category_unrelated_on_farm():
    s = CategoryUnrelated().score(farm())
    assert s.value >= 0.5 and "Scams" in s.evidence


def test_generic_or_related_category_is_silent():
    assert CategoryUnrelated().score(original()).value == 0  # "Politics" is a generic news section
    assert CategoryUnrelated().score(farm(section="Nachrichten")).value == 0
    assert CategoryUnrelated().score(farm(section="State visits")).value == 0


def test_short_text_is_not_judged():
    page = parse_html("<html><body><div class='crumb'>Current position: Home &gt; Scams</div><h1>Hi</h1>"
                      "<p>A short note of a few words only, nothing to judge here at all.</p></body></html>", "http://a.com/x")
    assert CategoryUnrelated().score(page).value == 0
    assert SiteThemeUnrelated().score(page).value == 0


def test_clean_name_strips_logo_words_and_drops_junk():
    from detector.page import Located
    from detector.signals.identity import clean_name
    assert clean_name(Located("deloitte_logo", "logo")) == "deloitte"
    assert clean_name(Located("The Daily Courier logo", "logo")) == "The Daily Courier"
    assert clean_name(Located("Startseite", "logo")) is None
    assert clean_name(Located("See Terms of Use for more information", "copyright")) is None


def test_site_name_that_is_another_domain():
    from detector.signals.identity import SiteNameIsOtherDomain

    html = ('<html><head><title>The 52-week low club - 247wallst.com</title>'
            '<meta property="og:site_name" content="247wallst.com"></head><body><p>x</p></body></html>')
    clone = SiteNameIsOtherDomain().score(parse_html(html, "https://www.infinitystone365.live/investing/x"))
    assert clone.value == 1.0 and "247wallst.com" in clone.evidence
    assert SiteNameIsOtherDomain().score(parse_html(html, "https://247wallst.com/investing/x")).value == 0
    assert SiteNameIsOtherDomain().score(parse_html(html)).value == 0  # no address: unknown, not guilty


@pytest.mark.parametrize("html", [
    ('<html><head><title>What not to say - Adoption</title><meta property="og:site_name" content="Adoption">'
     '</head><body><header><a href="/"><img class="logo" alt="Adoption"></a></header><p>x</p></body></html>'),
    # a logo confirmed only by the copyright line, as a clone (or its text dump) keeps them
    ('<html><head><title>What not to say</title></head><body><header><a href="/"><img class="logo" '
     'alt="Adoption"></a></header><p>x</p><footer>© 2016 Adoption. All rights reserved.</footer></body></html>'),
])
def test_domain_that_spells_none_of_the_agreeing_site_names(html):
    from detector.signals.identity import DomainUnlikeSiteName

    assert DomainUnlikeSiteName().score(parse_html(html, "https://blog.infinitywillow672.news/x")).value == 1.0
    assert DomainUnlikeSiteName().score(parse_html(html, "https://adoption.com/x")).value == 0


def test_a_blog_named_by_its_folder_on_a_portal_is_not_a_clone():
    from detector.signals.identity import DomainUnlikeSiteName

    html = ('<html><head><title>Coin tosses are not random - Mathlog</title><meta property="og:site_name" '
            'content="Mathlog"></head><body><p>x</p></body></html>')
    assert DomainUnlikeSiteName().score(parse_html(html, "https://scienceblogs.de/mathlog/2023/11/06/coins/")).value == 0
    assert DomainUnlikeSiteName().score(parse_html(html, "https://scienceblogs.de/2023/11/06/coins/")).value == 1.0


def _named(name: str) -> str:
    return (f'<html><head><title>Annual report - {name}</title><meta property="og:site_name" content="{name}">'
            f'</head><body><header><a href="/"><img class="logo" alt="{name}"></a></header><p>x</p></body></html>')


@pytest.mark.parametrize("name, url", [
    ("Deutscher Bundesjugendring", "https://www.dbjr.de/artikel/x"),  # initials inside compound words
    ("Österreichischer Tennisverband", "https://www.oetv.at/news/x"),  # Ö written as oe
    ("Casualty Actuarial Society", "https://www.casact.org/article/x"),  # word prefixes
    ("SPD-Bundestagsfraktion", "https://www.spdfraktion.de/themen/x"),  # a compound's tail
    ("Milwaukee Journal Sentinel", "https://www.jsonline.com/story/x"),  # initials plus a tail the domain adds
])
def test_a_domain_that_abbreviates_the_site_name_is_the_site_s_own(name, url):
    from detector.signals.identity import DomainUnlikeSiteName

    assert DomainUnlikeSiteName().score(parse_html(_named(name), url)).value == 0
    assert DomainUnlikeSiteName().score(parse_html(_named(name), "https://www.trendingdailyhub.com/x")).value == 1.0


def test_a_blog_on_a_hosting_platform_may_carry_any_name():
    from detector.signals.identity import DomainUnlikeSiteName

    html = _named("Katastrophengebiet")
    assert DomainUnlikeSiteName().score(parse_html(html, "https://andreabottlinger.wordpress.com/2019/12/26/x/")).value == 0
    assert DomainUnlikeSiteName().score(parse_html(html, "https://andreabottlinger.com/2019/12/26/x/")).value == 1.0


def test_an_archive_capture_is_judged_by_the_site_it_captured():
    from detector.signals.identity import AssetsOnNamedSite, DomainUnlikeSiteName

    capture = "https://web.archive.org/web/20150206075900/http://www.steinzeitwissen.de/artefakte/"
    html = ('<html><head><title>Faustkeile der Altsteinzeit | Steinzeitwissen</title><meta property="og:site_name" content="Steinzeitwissen">'
            '</head><body>' + "".join(f'<img src="/web/20150206075900im_/http://www.steinzeitwissen.de/i/{i}.jpg">'
                                      for i in range(4)) + '<p>x</p></body></html>')
    page = parse_html(html, capture)
    assert page.url == "http://www.steinzeitwissen.de/artefakte/" and page.domain == "steinzeitwissen.de"
    assert page.capture_url == capture
    assert all(u.startswith("http://www.steinzeitwissen.de/i/") for u in page.resource_urls)
    assert DomainUnlikeSiteName().score(page).value == 0 and AssetsOnNamedSite().score(page).value == 0
    # the same page served from a stranger's host is still a clone
    assert DomainUnlikeSiteName().score(parse_html(html, "https://blog.infinitywillow672.news/artefakte/")).value == 1.0


def test_assets_on_the_site_the_names_name_but_not_on_the_page_domain():
    from detector.signals.identity import AssetsOnNamedSite

    imgs = "".join(f'<img src="https://www.adoption.com/images/{i}.jpg" alt="">' for i in range(5))
    html = ('<html><head><title>What not to say - Adoption</title><meta property="og:site_name" content="Adoption">'
            f'<link rel="stylesheet" href="https://www.adoption.com/site.css"></head><body>{imgs}<p>x</p></body></html>')
    clone = AssetsOnNamedSite().score(parse_html(html, "https://blog.infinitywillow672.news/x"))
    assert clone.value == 1.0 and "adoption.com" in clone.evidence
    assert AssetsOnNamedSite().score(parse_html(html, "https://adoption.com/x")).value == 0


def test_urls_left_in_inline_json_name_the_cloned_site():
    from detector.signals.identity import AssetsOnNamedSite

    # a WordPress page's settings, as a clone that rewrote only "//host" URLs leaves them
    settings = ('<script>var wpApiSettings = {"root":"https:\\/\\/www.adoption.com\\/wp-json\\/","nonce":"3f2a"};'
                'var theme = {"ajax":"https:\\/\\/www.adoption.com\\/wp-admin\\/admin-ajax.php",'
                '"home":"https:\\/\\/www.adoption.com\\/"};</script>')
    html = ('<html><head><title>What not to say - Adoption</title><meta property="og:site_name" content="Adoption">'
            f'{settings}</head><body><p>x</p></body></html>')
    clone = AssetsOnNamedSite().score(parse_html(html, "https://blog.infinitywillow672.news/x"))
    assert clone.value == 1.0 and "3 URLs in inline scripts on adoption.com" in clone.evidence
    assert AssetsOnNamedSite().score(parse_html(html, "https://www.adoption.com/x")).value == 0
    two = html.replace(',"home":"https:\\/\\/www.adoption.com\\/"', "")
    assert AssetsOnNamedSite().score(parse_html(two, "https://blog.infinitywillow672.news/x")).value == 0


def test_a_footer_linking_the_parent_company_is_no_clone_but_a_cloned_nav_is():
    from detector.signals.identity import AssetsOnNamedSite

    def page(n_links: int):
        links = "".join(f'<a href="https://www.nbcuniversal.com/page-{i}">Page {i}</a> ' for i in range(n_links))
        return parse_html(f'<html><head><title>Storm hits coast</title></head><body><p>x</p><footer>{links}'
                          '<p>© 2024 NBC Universal. All rights reserved.</p></footer></body></html>',
                          "https://www.nbcnews.com/news/storm")

    assert AssetsOnNamedSite().score(page(5)).value == 0
    assert AssetsOnNamedSite().score(page(12)).value == 1.0


def test_images_on_the_site_that_only_the_copyright_line_names():
    from detector.signals.identity import AssetsOnNamedSite

    imgs = "".join(f'<img src="https://media.opposingviews.com/img/{i}.jpg" alt="">' for i in range(4))
    html = (f'<html><head><title>Icahn to advise Trump</title></head><body>{imgs}<p>x</p>'
            '<footer><p>© 2016 Opposing Views. All rights reserved.</p></footer></body></html>')
    clone = AssetsOnNamedSite().score(parse_html(html, "https://m.crystalpeak365.com.au/i/politics/icahn"))
    assert clone.value == 1.0 and "opposingviews.com" in clone.evidence
    assert AssetsOnNamedSite().score(parse_html(html, "https://www.opposingviews.com/i/politics/icahn")).value == 0
