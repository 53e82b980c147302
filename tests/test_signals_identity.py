"""Site identity signals: names that disagree, a site theme or a category unrelated to the story."""

from urllib.parse import urlsplit

import pytest

from detector.page import Page, parse_html, registrable_domain
from detector.signals.identity import CategoryUnrelated, SiteNamesDisagree, SiteThemeUnrelated, names_agree
from detector.text_page import parse_text

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
    assert names_agree("Diario Digital Nuestro País", "elpais")  # a word of the name, as a domain spells it
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
    assert SiteThemeUnrelated().score(farm(site="Two For Fashion", og="Two For Fashion")).value == 0  # a name, no trade
    assert SiteThemeUnrelated().score(farm(site="France Travel Agency", og="France Travel Agency")).value == 0


def test_category_unrelated_on_farm():
    s = CategoryUnrelated().score(farm())
    assert s.value >= 0.5 and "Scams" in s.evidence


@pytest.mark.parametrize("section", ["Company News", "行业资讯", "FAQ"])
def test_a_company_s_own_section_over_a_world_news_story(section):
    s = CategoryUnrelated().score(farm(site="Northwind Holdings", og="Northwind Holdings", section=section))
    assert s.value == 1 and "company's section" in s.evidence


@pytest.mark.parametrize("section", ["Beauty", "Fashion", "Real Life", "Ideas"])
def test_a_media_site_s_topical_section_is_no_evidence(section):
    # A section abstracts its stories: a magazine's 'Beauty' over a story that never says 'beauty'.
    assert CategoryUnrelated().score(farm(site="Two For Fashion", og="Two For Fashion", section=section)).value == 0


def _trade_page(site: str, story: str) -> Page:
    return parse_html(f"""<html><head><title>Short-term rentals | {site}</title><meta property="og:site_name" content="{site}">
</head><body><div class="crumb">Current position: <a href="/">Home</a> &gt; <a href="/services/">Services</a></div>
<h1>Short-Term Rentals</h1><div class="content"><p>{story}</p></div><footer>© 2024 {site}</footer></body></html>""",
                      "https://www.usedgymkit.example/services/short-term-rentals/")


def test_a_story_that_names_the_trade_is_the_business_s_own_page_whatever_its_section():
    own = ("Need a treadmill for a month? We rent used gym equipment for home gyms, rehab and events: pick the machines, "
           "we deliver and collect them, and the rent counts towards buying the equipment later. ") * 5
    elsewhere = ("The senator's endorsement came after weeks of talks in the Bay Area, where the campaign opened a "
                 "new center for volunteers ahead of the primary, aides said on Tuesday. ") * 5
    assert CategoryUnrelated().score(_trade_page("Used Gym Equipment", own)).value == 0
    # Only the trade's own words count: 'Bay' and 'Center' turn up in news stories too.
    assert CategoryUnrelated().score(_trade_page("Bay Hair Transplant Center", elsewhere)).value == 1


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
    assert DomainUnlikeSiteName().score(parse_html(html, "https://scienceblogs.de/2023/11/06/coins/")).value == 0.6  # an ordinary TLD


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
    assert DomainUnlikeSiteName().score(parse_html(_named(name), "https://www.trendingdailyhub.com/x")).value == 0.6


def test_a_blog_on_a_hosting_platform_may_carry_any_name():
    from detector.signals.identity import DomainUnlikeSiteName

    html = _named("Katastrophengebiet")
    assert DomainUnlikeSiteName().score(parse_html(html, "https://andreabottlinger.wordpress.com/2019/12/26/x/")).value == 0
    assert DomainUnlikeSiteName().score(parse_html(html, "https://andreabottlinger.com/2019/12/26/x/")).value == 0.6


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
        links = "".join(f'<a href="https://www.westbrookuniversal.com/page-{i}">Page {i}</a> ' for i in range(n_links))
        return parse_html(f'<html><head><title>Storm hits coast</title></head><body><p>x</p><footer>{links}'
                          '<p>© 2024 Westbrook Universal. All rights reserved.</p></footer></body></html>',
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


def _outlet_page(name: str, asset_host: str | None = None, canonical: str | None = None, extra_head: str = "") -> str:
    """A news article as a clone or proxy serves it: the outlet's name, and its images where the outlet keeps them."""
    imgs = "".join(f'<img src="https://{asset_host}/images/2024/05/{i}.jpg" alt="">' for i in range(4)) if asset_host else ""
    link = f'<link rel="canonical" href="{canonical}">' if canonical else ""
    return (f'<html><head><title>Storm floods the coast | {name}</title>{link}{extra_head}'
            f'<meta property="og:site_name" content="{name}"></head><body><header><a href="/">'
            f'<img class="logo" alt="{name}"></a></header>{imgs}<h1>Storm floods the coast</h1><article><p>{STORY}</p>'
            f'</article><footer>© 2024 {name}</footer></body></html>')


@pytest.mark.parametrize("url, spelled", [
    ("https://www-nytimes-com.proxy.example.net/2024/05/02/us/storm.html", "nytimes.com"),
    ("https://bbc-co-uk.mirror-site.xyz/news/world-123", "bbc.co.uk"),
    ("https://theguardian.com.some-cdn.top/world/2024/may/02/storm", "theguardian.com"),
    ("https://nytimes.com-news.live/2024/05/02/us/storm.html", "nytimes.com"),
    ("https://www-spiegel-de.unblock-proxy.org/panorama/sturm-a-123.html", "spiegel.de"),
])
def test_a_host_that_spells_an_outlet_s_domain_names_it(url, spelled):
    from detector.signals.identity import HostSpellsOtherDomain

    alone = HostSpellsOtherDomain().score(parse_html(_outlet_page("Coastal Weather Desk"), url))
    assert alone.value == 0.6 and spelled in alone.evidence
    label = spelled.split(".")[0]
    served = HostSpellsOtherDomain().score(parse_html(_outlet_page("Coastal Weather Desk", f"static.{spelled}"), url))
    assert served.value == 1.0 and f"4 images or scripts, 0 links and 0 URLs in inline scripts on {spelled}" in served.evidence
    named = HostSpellsOtherDomain().score(parse_html(_outlet_page(label.upper()), url))
    assert named.value == 1.0 and f"('{label.upper()}')" in named.evidence


@pytest.mark.parametrize("url", [
    "https://www.nytimes.com/2024/05/02/us/storm.html",  # the outlet itself
    "https://cooking.nytimes.com/recipes/123",  # its own subdomain
    "https://static01.nyt.com/2024/05/02/us/storm.html",  # a CDN host of its own
    "https://netzfueralle.blog.rosalux.de/2024/storm/",  # '.blog' is a TLD, but here an ordinary label
    "https://journeytocollege.mo.gov/storm/",  # a subdomain of a state's domain, not 'journeytocollege.mo'
    "https://piratenpartei-mv.de/2024/storm/",  # a dash in the site's own name
    "https://en.yna.co.kr/view/AEN2024",
    "https://www-nytimes-com.translate.goog/2024/05/02/us/storm.html?_x_tr_sl=en&_x_tr_tl=de",  # a translation proxy
    "https://www-nytimes-com.cdn.ampproject.org/c/s/www.nytimes.com/2024/05/02/us/storm.amp.html",  # the AMP cache
])
def test_own_hosts_ordinary_hosts_and_proxy_caches_spell_nothing(url):
    from detector.signals.identity import HostSpellsOtherDomain

    html = _outlet_page("The New York Times", "static01.nyt.com", "https://www.nytimes.com/2024/05/02/us/storm.html")
    assert HostSpellsOtherDomain().score(parse_html(html, url)).value == 0


def test_a_translation_proxy_is_judged_by_the_page_it_translates():
    from detector.signals.identity import AssetsOnNamedSite, DomainUnlikeSiteName, own_address

    html = _outlet_page("The Guardian", "i.guim.co.uk", "https://www.theguardian.com/world/2024/may/02/storm")
    page = parse_html(html, "https://www-theguardian-com.translate.goog/world/2024/may/02/storm?_x_tr_sl=en")
    assert own_address(page) == ("https://www.theguardian.com/world/2024/may/02/storm", "theguardian.com")
    assert DomainUnlikeSiteName().score(page).value == 0 and AssetsOnNamedSite().score(page).value == 0


@pytest.mark.parametrize("url", [
    "http://feedproxy.google.com/~r/theguardian/world/rss/~3/AbC123/storm-floods-the-coast",
    "https://feeds.feedburner.com/~r/guardian/~3/xyz/storm",
    "https://news.google.com/articles/CBMiWmh0dHBzOi8vd3d3LnRoZWd1YXJkaWFuLmNvbS93b3JsZA?hl=en-US&gl=US",
    "https://flipboard.com/@theguardian/world-news-abc/storm-floods-the-coast/a-xYz",
])
def test_a_feed_redirector_or_reader_wrapper_is_judged_by_the_page_s_canonical(url):
    from detector.signals.identity import AssetsOnNamedSite, DomainUnlikeSiteName, SiteNamesDisagree

    html = _outlet_page("The Guardian", "www.theguardian.com", "https://www.theguardian.com/world/2024/may/02/storm")
    page = parse_html(html, url)
    assert DomainUnlikeSiteName().score(page).value == 0
    assert AssetsOnNamedSite().score(page).value == 0 and SiteNamesDisagree().score(page).value == 0
    # without a canonical, og:url or JSON-LD url the site is unknown, not a stranger's
    bare = parse_html(_outlet_page("The Guardian", "www.theguardian.com"), url)
    assert DomainUnlikeSiteName().score(bare).value == 0 and AssetsOnNamedSite().score(bare).value == 0
    # the same page on a stranger's own host is still a clone
    clone = parse_html(html, "https://stormwatch-daily.xyz/world/storm")
    assert DomainUnlikeSiteName().score(clone).value == 1.0 and AssetsOnNamedSite().score(clone).value == 1.0


def test_an_aggregator_page_that_declares_itself_is_judged_as_the_aggregator():
    from detector.signals.identity import own_address

    url = "https://www.msn.com/en-us/news/world/storm-floods-the-coast/ar-AA1bCdE"
    page = parse_html(_outlet_page("MSN", canonical=url), url)
    assert own_address(page) == (url, "msn.com")


def test_a_site_name_unlike_a_throwaway_domain_weighs_more():
    from detector.signals.identity import DomainUnlikeSiteName

    html = _named("The Riverside Courier")
    throwaway = DomainUnlikeSiteName().score(parse_html(html, "https://dailyhubnews24.xyz/x"))
    assert throwaway.value == 1.0 and "a throwaway .xyz domain" in throwaway.evidence
    ordinary = DomainUnlikeSiteName().score(parse_html(html, "https://dailyhubnews24.com/x"))
    assert ordinary.value == 0.6 and "throwaway" not in ordinary.evidence
    assert DomainUnlikeSiteName().score(parse_html(html, "https://riversidecourier.xyz/x")).value == 0


def _paper(own: str, ld_publisher: str = "", footer: str = "") -> str:
    ld = (f'<script type="application/ld+json">{{"@type": "NewsArticle", "publisher": {{"name": "{ld_publisher}"}}}}'
          '</script>') if ld_publisher else ""
    return (f'<html><head><title>Storm floods the coast | {own}</title><meta property="og:site_name" content="{own}">{ld}'
            f'</head><body><h1>Storm floods the coast</h1><article><p>{STORY}</p></article>'
            f'<footer><p>{footer}</p></footer></body></html>')


@pytest.mark.parametrize("own, url, publisher, footer", [
    ("USA TODAY", "https://eu.usatoday.com/story/news/2024/05/02/storm/", "Gannett", "© 2024 USA TODAY, a division of Gannett Satellite Information Network, LLC."),
    ("WELT", "https://www.welt.de/vermischtes/article123/Sturm.html", "Axel Springer SE", "Part of the Axel Springer group"),
    ("Chicago Tribune", "https://www.chicagotribune.com/2024/05/02/storm/", "A Tribune Publishing company", "© 2024 Chicago Tribune"),
    ("Aftonbladet", "https://www.aftonbladet.se/nyheter/a/x/storm", "Schibsted", "© Schibsted Media"),
    ("De Standaard", "https://www.standaard.be/cnt/dmf2024", "Mediahuis", "© Mediahuis 2024"),
    ("Blick", "https://www.blick.ch/ausland/sturm-id123.html", "Ringier AG", "© 2024 Ringier Medien Schweiz"),
    ("Wyborcza.pl", "https://wyborcza.pl/7,75399,123,sztorm.html", "Agora SA", "© Agora SA"),
])
def test_a_parent_company_in_the_footer_or_publisher_is_no_second_site(own, url, publisher, footer):
    from detector.signals.identity import DomainUnlikeSiteName

    page = parse_html(_paper(own, publisher, footer), url)
    assert SiteNamesDisagree().score(page).value == 0 and DomainUnlikeSiteName().score(page).value == 0


def test_a_paper_known_only_by_its_parent_company_is_not_unlike_its_domain():
    from detector.signals.identity import DomainUnlikeSiteName

    html = ('<html><head><title>Storm floods the coast</title><script type="application/ld+json">{"@type": "NewsArticle", '
            f'"publisher": {{"name": "Axel Springer SE"}}}}</script></head><body><h1>Storm floods the coast</h1><p>{STORY}</p>'
            '<footer><p>© Axel Springer SE</p></footer></body></html>')
    assert DomainUnlikeSiteName().score(parse_html(html, "https://www.bild.de/news/ausland/sturm-123.bild.html")).value == 0


def test_a_parent_company_serving_links_is_no_clone():
    from detector.signals.identity import AssetsOnNamedSite

    links = "".join(f'<a href="https://www.nbcuniversal.com/page-{i}">Page {i}</a> ' for i in range(12))
    page = parse_html(f'<html><head><title>Storm hits coast</title></head><body><p>x</p><footer>{links}'
                      '<p>© 2024 NBC Universal. All rights reserved.</p></footer></body></html>', "https://www.nbcnews.com/news/storm")
    assert AssetsOnNamedSite().score(page).value == 0


@pytest.mark.parametrize("own, other, url", [
    ("Коммерсантъ", "Коммерсантъ", "https://www.kommersant.ru/doc/6677001"),
    ("Коммерсантъ", "Kommersant", "https://www.kommersant.ru/doc/6677001"),
    ("Известия", "Известия", "https://iz.ru/1690000/2024-05-02/shtorm"),
    ("新浪新闻", "新浪网", "https://news.sina.com.cn/w/2024-05-02/doc-123.shtml"),
    ("网易新闻", "网易", "https://www.163.com/news/article/ABC123.html"),
])
def test_a_site_name_in_another_script_than_its_domain_is_not_unlike_it(own, other, url):
    from detector.signals.identity import DomainUnlikeSiteName

    page = parse_html(_paper(own, other, f"© 2024 {own}"), url)
    assert DomainUnlikeSiteName().score(page).value == 0 and SiteNamesDisagree().score(page).value == 0


def test_names_in_one_script_still_disagree():
    page = parse_html(_paper("Финансовый вестник", "Коммерсантъ"), "https://finvestnik.xyz/news/1")
    assert SiteNamesDisagree().score(page).value > 0


def test_a_blog_on_a_platform_subdomain_may_carry_any_name_in_every_identity_signal():
    html = _named("Katastrophengebiet")
    assert SiteNamesDisagree().score(parse_html(html, "https://andreabottlinger.wordpress.com/2019/12/26/x/")).value == 0
    assert SiteNamesDisagree().score(parse_html(html, "https://andreabottlinger.com/2019/12/26/x/")).value > 0


def test_a_clone_keeping_a_group_named_site_s_own_name_is_still_unlike_its_domain():
    from detector.signals.identity import DomainUnlikeSiteName

    # 'Nikkei' is also a media group's name, but in og:site_name it is the site's own, and a clone keeps it
    signal = DomainUnlikeSiteName().score(parse_html(_named("Nikkei"), "https://asia-markets-daily.xyz/x"))
    assert signal.value == 1.0 and "'Nikkei' (meta og:site_name)" in signal.evidence


def test_sign_in_links_in_the_logo_slot_are_no_site_name():
    html = ('<html><head><meta property="og:site_name" content="Medium"><title>Inside the lab — Medium</title></head>'
            '<body><a class="logo" href="/m/signin">Sign in / Sign up</a><article><h1>Inside the lab</h1>'
            + "<p>The lab sits in a rented flat on the edge of the city, and its owner says he sells to buyers abroad.</p>" * 5
            + "</article></body></html>")
    assert SiteNamesDisagree().score(parse_html(html, "https://medium.com/backchannel/inside-the-lab")).value == 0


def _served_page(url: str, other: str, n_other: int, n_own: int, images: int = 0) -> Page:
    """An article whose nav, footer and images point partly to ``other``, partly to the page's own host."""
    own = urlsplit(url).hostname
    links = "".join(f'<a href="https://{other}/section-{i}/">Section {i}</a> ' for i in range(n_other))
    links += "".join(f'<a href="https://{own}/topic-{i}/">Topic {i}</a> ' for i in range(n_own))
    imgs = "".join(f'<img src="https://{other}/img/2024/{i}.jpg" alt="">' for i in range(images))
    return parse_html(f'<html><head><title>Storm floods the coast</title></head><body><nav>{links}</nav>{imgs}'
                      f'<h1>Storm floods the coast</h1><article><p>{STORY}</p></article></body></html>', url)


@pytest.mark.parametrize("url, other, n_other, n_own, images, how", [
    ("https://coastpost.xyz/news/storm-floods", "www.coastpost.ch", 14, 6, 0, "on a throwaway .xyz"),
    ("https://coastpost.top/news/storm-floods", "www.coastpost.com", 2, 40, 4, "on a throwaway .top"),
    ("https://www.thecoastpost84.com/storm-floods/", "www.thecoastpost.com", 12, 120, 0, "with '84' added"),
    ("https://amp.coastpost7.net/storm-floods/", "cdn.coastpost.com", 0, 80, 5, "with '7' added"),
])
def test_a_host_that_imitates_the_site_serving_its_links_names_it(url, other, n_other, n_own, images, how):
    from detector.signals.identity import HostSpellsOtherDomain

    signal = HostSpellsOtherDomain().score(_served_page(url, other, n_other, n_own, images))
    assert signal.value == 1.0 and how in signal.evidence and registrable_domain(other) in signal.evidence


@pytest.mark.parametrize("url, other, n_other, n_own, images", [
    ("https://coastpost.tech/engineering/storm", "www.coastpost.com", 12, 30, 0),  # a brand's blog on a vanity TLD
    ("https://www.coastpost.de/news/storm", "www.coastpost.co.uk", 60, 10, 6),  # a brand's own country domain
    ("https://coastpost.xyz/news/storm", "www.coastpost.ch", 4, 2, 0),  # a few links: not served from there
    ("https://www.coastpost1984.com/storm/", "www.coastpost.com", 12, 30, 0),  # a year is a name of its own
    ("https://www.sun24.com/storm/", "www.sun.com", 0, 20, 0),  # a lookalike name that serves nothing
])
def test_a_lookalike_host_that_keeps_its_own_site_imitates_nothing(url, other, n_other, n_own, images):
    from detector.signals.identity import HostSpellsOtherDomain

    assert HostSpellsOtherDomain().score(_served_page(url, other, n_other, n_own, images)).value == 0


KEYBOARD_GUIDE = " ".join([
    "A 75 percent keyboard keeps the function row and the arrow keys but drops the number pad, so the mouse sits closer.",
    "We typed on eight boards for a month: hot-swap sockets, gasket mounts and PBT keycaps made the biggest difference.",
    "Our pick is quiet enough for an office and its battery lasts three weeks over Bluetooth before it needs the cable.",
] * 5)


def _store_blog(site: str, section: str) -> Page:
    return parse_html(f"""<html><head><title>The Best 75% Mechanical Keyboards to Buy | {site}</title>
<meta property="og:site_name" content="{site}"></head><body><div class="logo"><a href="/">{site}</a></div>
<nav class="breadcrumb"><a href="/">Home</a> / <a href="/blogs/{section.lower()}">{section}</a></nav>
<h1>The Best 75% Mechanical Keyboards to Buy</h1><div class="content"><p>{KEYBOARD_GUIDE}</p></div>
<footer>© 2025 {site}</footer></body></html>""", "https://getfreewrite.example/blogs/articles/75-percent-keyboards")


def test_a_word_any_business_uses_gives_a_name_no_theme():
    # 'Store' says that the site sells something, not what: a store's guide to keyboards is its own content.
    assert SiteThemeUnrelated().score(_store_blog("Freewrite Store", "Articles")).value == 0
    assert CategoryUnrelated().score(_store_blog("Freewrite Store", "Typing Tips")).value == 0
    # A word that says what the trade does still gives one: a print shop has no business with keyboards.
    s = SiteThemeUnrelated().score(_store_blog("Harvest Print Shop", "Articles"))
    assert s.value == 1 and "a trade: print)" in s.evidence


@pytest.mark.parametrize("section", ["YouTube", "Webinars"])
def test_a_media_format_is_no_topic_for_a_section(section):
    # A trade's site files its sewing tutorial under 'YouTube': the format says nothing about the story.
    assert CategoryUnrelated().score(farm(site="Smile Dental Clinic", og="Smile Dental Clinic", section=section)).value == 0
    assert CategoryUnrelated().score(farm(site="Smile Dental Clinic", og="Smile Dental Clinic", section="Scams")).value == 1


def test_a_word_any_outlet_uses_names_no_storage_host():
    from detector.signals.identity import AssetsOnNamedSite

    # The paper keeps its images in its own bucket on DigitalOcean: 'Digital' of its name names no other site.
    imgs = "".join(f'<img src="https://elpais.nyc3.digitaloceanspaces.com/uploads/{i}.jpg" alt="">' for i in range(6))
    html = ('<html><head><title>Gobierno anuncia plan de vivienda | Diario Digital Nuestro País</title>'
            f'<meta property="og:site_name" content="Diario Digital Nuestro País"></head><body>{imgs}<p>x</p></body></html>')
    assert AssetsOnNamedSite().score(parse_html(html, "https://www.elpais.cr/2021/05/03/plan-vivienda/")).value == 0


def test_the_evidence_names_the_trade_that_the_story_never_mentions():
    # Two trades among the site's names: the gym one (named first) that the story is about, the dental one it never mentions.
    story = ("We rent used gym equipment for home gyms: treadmills, racks and rowers, delivered and collected. ") * 12
    html = (f"<html><head><title>Gym rentals | Used Gym Equipment</title><meta property='og:site_name' content='Used Gym Equipment'>"
            f"</head><body><div class='logo'><a href='/'><img src='/logo.png' alt='Smile Dental Clinic'></a></div><div class='crumb'><a href='/'>Home</a> &gt; <a href='/scams/'>Scams</a></div><h1>Gym rentals</h1>"
            f"<div class='content'><p>{story}</p></div></body></html>")
    s = CategoryUnrelated().score(parse_html(html, "https://www.usedgymkit.example/scams/rentals/"))
    assert s.value == 1 and "'Smile Dental Clinic'" in s.evidence


def _footer_only(holder: str, story: str = STORY):
    """A bought theme's page whose only name for its site is the footer's copyright holder, and that page's dump."""
    html = (f"<html><head><title>President begins state visit to France</title></head><body><nav><a href='/'>Home</a> "
            f"<a href='/news/'>News</a></nav><h1>President begins state visit to France</h1><div class='content'><p>{story}</p>"
            f"</div><footer>Copyright © 2025 {holder}. All rights reserved.</footer></body></html>")
    text = (f"Home | News\n\nPresident begins state visit to France\n\nMay 2, 2024\n\n{story}\n\n"
            f"Contact | Privacy | Terms\nCopyright © 2025 {holder}. All rights reserved.\n")
    return parse_html(html, "https://www.harborcompass.example/news/1"), parse_text(text, "https://www.harborcompass.example/news/1")


def test_a_copyright_holder_named_for_a_trade_gives_the_site_its_theme():
    for page in _footer_only("Harbor Compass Plumbing Services"):
        s = SiteThemeUnrelated().score(page)
        assert s.value == 1 and "plumbing" in s.evidence and "copyright" in s.evidence


@pytest.mark.parametrize("holder", ["Harbor Compass Media Group Ltd", "Harbor Compass Plumbing Services Ltd", "Gannett Co., Inc."])
def test_a_parent_or_a_legal_form_in_the_copyright_line_gives_no_theme(holder):
    """A holder with a legal form is as likely the owner as the site: it weighs too little to accuse."""
    for page in _footer_only(holder):
        assert SiteThemeUnrelated().score(page).value == 0


def test_a_trade_s_copyright_over_its_own_trade_is_no_evidence():
    own = STORY.replace("state visit", "plumbing trade fair").replace("talks", "plumbing talks")
    for page in _footer_only("Harbor Compass Plumbing Services", own):
        assert SiteThemeUnrelated().score(page).value == 0


def test_only_a_throwaway_tld_or_a_closing_number_may_imitate():
    from detector.signals.identity import _may_imitate, imitation

    names = ["coastpost", "coastpost7", "coastpost84", "coastpost1984", "thecoastpost", "sun", "sun24", "coastpost٣"]
    domains = [f"{name}.{tld}" for name in names for tld in ("com", "co.uk", "xyz", "top", "tech", "de")]
    for domain in domains:
        if not _may_imitate(domain):
            assert all(imitation(domain, other) is None for other in domains)
    assert _may_imitate("coastpost.xyz") and _may_imitate("coastpost84.com") and not _may_imitate("coastpost.com")
