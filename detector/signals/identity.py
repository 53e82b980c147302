"""Site identity: do the page's own names for its site agree, and do they fit what the page is about?

A farm hosts collected stories under a business's frame ("Golden Wealth Academy" over a state-visit
story), often with the original's og:site_name left in, and files them under its own categories
("Scams"). Real sites are messy too (a parent company in the copyright line, a magazine on its
publisher's domain), so each check weighs its name sources and needs real disagreement to fire.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterator
from functools import lru_cache
from typing import NamedTuple
from urllib.parse import urlsplit

from ..lexicons import load
from ..page import Located, Page, page_view, registrable_domain
from ..text import cjk_share, normalize, tokens, word_count
from .base import Signal, SignalUnit

Weighed = tuple[str, Located, float]  # a site's name, where the page gives it, how much that place says of identity
# How much a name source says about the site's identity. twitter:site is a handle, a JSON-LD
# publisher or a copyright holder is often the parent company, a title suffix is often a section.
_SOURCE_WEIGHT = {
    "logo": 1.0, "header": 0.8, "meta og:site_name": 1.0, "meta application-name": 0.8, "meta apple-mobile-web-app-title": 0.8,
    "json-ld website": 0.8, "json-ld newsmediaorganization": 0.8, "json-ld organization": 0.7,
    "json-ld publisher": 0.6, "meta publisher": 0.6, "meta dc.publisher": 0.6,
    "copyright": 0.4, "title suffix": 0.3, "meta twitter:site": 0.3,
}
_STRONG = 0.5  # a name from a weaker source (a title suffix, a photo credit's ©, a handle) can confirm but not accuse
# A copyright holder named for a trade ('© 2025 Harbor Compass Plumbing Services') is the business itself, and in a
# text dump often the only name left: it may give the site a theme. Parents and legal forms weigh less (_site_names).
_THEME_WEIGHT = _SOURCE_WEIGHT["copyright"]
_MIN_WORDS = 120  # below this a text is too short to say what it is about
_COMPACT = re.compile(r"[^\w]|_", re.UNICODE)


@lru_cache(maxsize=1)
def _words() -> dict[str, frozenset[str]]:
    lex = load("sites")
    return {k: frozenset(x.lower() for x in lex[k]) for k in ("junk_names", "junk_words", "corporate", "media", "business",
                                                              "throwaway_tlds", "spelled_suffixes_generic", "not_outlet_labels")}


def _compact(text: str) -> str:
    """'Crítica' -> 'critica', 'General-Anzeiger' -> 'generalanzeiger'."""
    if text.isascii():  # nothing to decompose: the same result, without a call per character
        return _COMPACT.sub("", text.lower())
    folded = "".join(c for c in unicodedata.normalize("NFKD", text.lower()) if not unicodedata.combining(c))
    return _COMPACT.sub("", folded)


def _raw_words(text: str) -> list[str]:
    """Words as written, camel case split ('GoldenWealth' -> golden, wealth; 'pirsch_de' -> pirsch, de)."""
    text = re.sub(r"([a-z])([A-Z])", r"\1 \2", text)
    return [w for w in re.split(r"[\W_]+", text.lower()) if w]


def clean_name(loc: Located) -> str | None:
    """The site name a source gives, or None when the slot holds junk ('Startseite', 'Privacy Policy')."""
    text = normalize(loc.text)
    text = re.sub(r"(?i)(?:^|(?<=[\s_-]))(?:site|main|header|footer)?[\s_-]*logo(?![^\W_])(?:\s+(?:image|in \w+))?",
                  " ", text).strip(" -_|:")
    w = _words()
    words = _raw_words(text)
    if len(_compact(text)) < 3 or not re.search(r"[^\W\d_]", text) or _compact(text) in w["junk_names"] \
            or text.lower() in w["junk_names"]:
        return None
    if word_count(text) > 6 or any(x in w["junk_words"] for x in words):
        return None
    if loc.source.endswith("twitter:site") and re.fullmatch(r"\w*\d{2,}\w*", text):
        return None
    return text


def _acronym(text: str) -> str:
    return "".join(x[0] for x in _raw_words(text) if x not in ("the", "of", "and", "for", "de", "la"))


def _pieces(label: str, i: int, w: str, loose: bool) -> Iterator[int]:
    """How many letters of the label, from i, the word w can spell."""
    if label.startswith(w, i):
        yield len(w)
    if label[i] == w[0]:
        yield 1
    if not loose:
        return
    yield from (k for k in range(2, len(w)) if label.startswith(w[:k], i))  # a prefix
    if label[i] == w[0] and i + 1 < len(label) and (a := w.find(label[i + 1], 1)) > 0:
        yield 2  # the first letter and a later one ...
        if i + 2 < len(label) and label[i + 2] in w[a + 1:]:
            yield 3  # ... or two
    yield from (k for k in range(4, len(w)) if label.startswith(w[-k:], i))  # a compound's tail


def _spells(label: str, words: list[str], loose: bool = False) -> bool:
    """The label is built from the name's words in order, each whole, as an initial or left out: 'nytimes' from
    'The New York Times', 'ga' from 'General-Anzeiger Bonn'. Loose, a word may also be cut to a prefix, to a
    compound's tail or to its first letter and one or two later ones: 'casact' from 'Casualty Actuarial Society',
    'spdfraktion' from 'SPD-Bundestagsfraktion', 'dbjr' from 'Deutscher Bundesjugendring'."""
    @lru_cache(maxsize=None)
    def go(i: int, j: int) -> bool:
        if i == len(label):
            return True
        if j == len(words):
            return False
        return any(go(i + n, j + 1) for n in _pieces(label, i, words[j], loose)) or go(i, j + 1)
    return len(label) >= 2 and bool(words) and go(0, 0)


_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss"})


@lru_cache(maxsize=1)
def _hosting_platforms() -> frozenset[str]:
    return frozenset(load("sites")["hosting_platforms"])


def hosting_platform(domain: str | None) -> bool:
    """A blog or site host (blogspot.com, pixnet.net): its pages are many people's sites under one domain."""
    return domain in _hosting_platforms()


def domain_spells(name: str, label: str) -> bool:
    """The host label abbreviates the name, with umlauts spelled out and a tail like 'online' or 'journals' allowed."""
    label = _compact(label)
    labels = {label} | {label[: -len(t)] for t in load("sites")["domain_tails"] if label.endswith(t) and len(label) > len(t) + 1}
    for text in {name, name.translate(_UMLAUTS)}:
        words = [_compact(w) for w in _raw_words(text)]
        if any(_spells(lb, [w for w in words if w], loose=True) for lb in labels):
            return True
    return False


_SCRIPT_FAMILY = {"HIRAGANA": "CJK", "KATAKANA": "CJK", "HANGUL": "CJK"}


@lru_cache(maxsize=4096)
def _script(text: str) -> str | None:
    """The script most of a text's letters are written in ('LATIN', 'CYRILLIC', 'CJK'…), None without letters."""
    counts = Counter(unicodedata.name(c, "?").split(" ")[0] for c in text if c.isalpha())
    if not counts:
        return None
    script = counts.most_common(1)[0][0]
    return _SCRIPT_FAMILY.get(script, script)


def _same_script(a: str, b: str) -> bool:
    """Whether two names can be told apart at all: a Cyrillic or Chinese name and a Latin domain cannot."""
    sa, sb = _script(a), _script(b)
    return sa is None or sb is None or sa == sb


@lru_cache(maxsize=1)
def _transliteration() -> dict[int, str]:
    return str.maketrans(load("sites")["transliteration"])


def _latin(text: str) -> str:
    """'Коммерсантъ' -> 'kommersant': Cyrillic spelled in Latin letters (other scripts are left as they are)."""
    return text.lower().translate(_transliteration())


def _bigrams(s: str) -> set[str]:
    return {s[i:i + 2] for i in range(len(s) - 1)}


@lru_cache(maxsize=4096)
def names_agree(a: str, b: str) -> bool:
    """Two names (or a name and a host label) name the same thing: containment, a shared word, an acronym or near spelling.
    Names in two scripts are compared transliterated ('Коммерсантъ' and 'kommersant'), which can only confirm them.
    Kept: the identity and byline signals compare a page's few names and host labels again and again (~40 µs a pair;
    9 comparisons a page, of 5 pairs)."""
    if not _same_script(a, b):
        la, lb = _latin(a), _latin(b)
        return _script(la) == _script(lb) and names_agree(la, lb)
    ca, cb = _compact(a), _compact(b)
    if not ca or not cb:
        return False
    short, long_ = sorted((ca, cb), key=len)
    if len(short) >= 3 and short in long_ or ca == cb:
        return True
    if cjk_share(ca) > 0.5 and cjk_share(cb) > 0.5:
        return len(_bigrams(ca) & _bigrams(cb)) >= 1
    return _share_a_word(a, b, ca, cb) or _abbreviates(a, b, ca, cb) or _near_spelling(ca, cb)


def _share_a_word(a: str, b: str, ca: str, cb: str) -> bool:
    """A word of three letters or more that is no legal form or media word, in both names; or a word of one in the
    other folded, as a domain spells it: 'País' of 'Nuestro País' in elpais.cr."""
    skip = _words()["corporate"] | _words()["media"]
    wa = {x for x in _raw_words(a) if len(x) >= 3 and x not in skip}
    wb = {x for x in _raw_words(b) if len(x) >= 3 and x not in skip}
    return bool(wa & wb) or any(len(x) >= 4 and _compact(x) in cb for x in wa) \
        or any(len(x) >= 4 and _compact(x) in ca for x in wb)


def _abbreviates(a: str, b: str, ca: str, cb: str) -> bool:
    """One name is the other's acronym ('FAZ'), or one short word that spells the other's words ('pirsch' for
    'PIRSCH Digital')."""
    short, long_ = sorted((ca, cb), key=len)
    if len(short) >= 2 and short in (_acronym(a), _acronym(b)) and short != long_:
        return True
    return any(len(c) <= 12 and " " not in x.strip() and _spells(c, [_compact(w) for w in _raw_words(y)])
               for c, x, y in ((ca, a, b), (cb, b, a)))


def _near_spelling(ca: str, cb: str) -> bool:
    """Most letter pairs in common (Dice coefficient of bigrams): a spelling variant or a typo."""
    ba, bb = _bigrams(ca), _bigrams(cb)
    return bool(ba and bb) and 2 * len(ba & bb) / (len(ba) + len(bb)) >= 0.7


def host_labels(url: str | None, domain: str | None) -> list[str]:
    """'https://solutionshub.epam.com/x' -> ['epam', 'solutionshub']: the registrable label first, then subdomains."""
    if not domain:
        return []
    labels = [domain.split(".")[0]]
    host = urlsplit(url or "").hostname or ""
    sub = host[: -len(domain)].strip(".") if host.endswith(domain) else ""
    labels += [x for x in sub.split(".") if x and x not in ("www", "m", "amp", "mobile", "news", "blog", "en", "de", "web")]
    return labels


@lru_cache(maxsize=1)
def _owners() -> tuple[re.Pattern[str], frozenset[str]]:
    """A pattern that cuts an owner off a site's name ('Chicago Tribune, a Tribune Publishing company',
    'Part of the Axel Springer group'), and the known media groups, as the words left once legal forms are dropped."""
    lex = load("sites")
    phrases = "|".join(re.escape(p) for p in sorted(lex["parent_phrases"], key=len, reverse=True))
    cut = re.compile(rf"(?i)^(.*?)[\s,;|–—-]*(?:(?<![^\W_])(?:{phrases})(?![^\W_])|\ban?\s+(?=.+\s(?:company|group|brand)$))")
    return cut, frozenset(_core(p) for p in lex["parent_companies"])


def _core(name: str) -> str:
    """A name without legal forms, media words and articles: 'Hearst Magazine Media, Inc.' -> 'hearst'."""
    skip = _words()["corporate"] | _words()["media"] | {"a", "an"}
    return "".join(w for w in _raw_words(name) if w not in skip) or _compact(name)


# Slots where a site names itself: a known group's name there is the site's own ('Vox' on vox.com, or on its clone).
_OWN_SLOTS = ("meta og:site_name", "meta application-name", "meta apple-mobile-web-app-title", "json-ld website", "header")


def _without_owner(name: str, source: str) -> tuple[str, bool]:
    """The site's own name and whether what was left names an owning media group rather than the site."""
    m = _owners()[0].match(name)
    if m:
        return (m.group(1).strip(), False) if m.group(1).strip() else (name, True)
    return name, source not in _OWN_SLOTS and _core(name) in _owners()[1]


@lru_cache(maxsize=1)
def _wrappers() -> tuple[tuple[str, str], ...]:
    """(host, piece of the path) of each feed redirector, news-reader wrapper and proxy cache."""
    return tuple((w.split("/", 1)[0], "/" + w.split("/", 1)[1] if "/" in w else "") for w in load("sites")["wrappers"])


def is_wrapper(url: str | None) -> bool:
    """feedproxy.google.com/~r/..., news.google.com/articles/..., www-x-com.translate.goog: an address that is not the site's."""
    try:
        parts = urlsplit(url or "")
        host = parts.hostname or ""
    except ValueError:
        return False
    return any((host == h or host.endswith("." + h)) and piece in parts.path for h, piece in _wrappers())


@page_view
def own_address(page: Page) -> tuple[str | None, str | None]:
    """(URL, registrable domain) of the site the page is on. A page read through a feed redirector, a news reader's
    wrapper or a proxy cache is judged by its canonical, og:url or JSON-LD url; when those all name the wrapper
    too, the wrapper serves the page as its own (an MSN copy); with none, the site is unknown."""
    if not is_wrapper(page.url):
        return page.url, page.domain
    declared = [loc.text for loc in page.urls if loc.text.startswith("http")]
    url = next((u for u in declared if not is_wrapper(u)), page.url if declared else None)
    return url, registrable_domain(url)


@page_view
def _site_names(page: Page) -> list[Weighed]:
    """The page's names for its site with how much each says about the site's identity.

    A parent company ('© 2024 Gannett', 'Part of the Axel Springer group', a known media group) weighs
    nothing: it may confirm the domain but never accuses it, in every identity signal that reads these names."""
    out = []
    for name, loc in clean_names(page):
        name, owner = _without_owner(name, loc.source)
        weight = 0.0 if owner else _SOURCE_WEIGHT.get(loc.source, 0.5)
        if set(_raw_words(name)) & _words()["corporate"]:
            weight *= 0.5  # "Tamedia AG", "NYP Holdings": a parent company, not a second identity
        out.append((name, loc, weight))
    return out


@page_view
def clean_names(page: Page) -> list[tuple[str, Located]]:
    """The site names that ``clean_name`` keeps, cleaned, with where the page gives them: the identity, byline and
    attribution signals read them (``clean_name`` cost ~13 µs a name, and four in ten calls were repeats)."""
    return [(name, loc) for loc in page.site_names if (name := clean_name(loc))]


def _stem(word: str) -> str:
    """A crude shared stem, so that 'scams' meets 'scam' and 'Finanzen' meets 'Finanz-Hub'."""
    return word if cjk_share(word) else word.rstrip("s")[:5]


@page_view
def _topic_tokens(page: Page) -> set[str]:
    """The article's own words (headline and main text), as stems (of each word once: a story repeats its words)."""
    return {_stem(t) for t in set(page.article_tokens)}


def _related(words: set[str], topic: set[str]) -> bool:
    return any(_stem(w) in topic for w in words)


class SiteNamesDisagree(SignalUnit):
    name = "site_names_disagree"
    description = "The site's own names (domain, og:site_name, JSON-LD, title suffix, logo, copyright) name different sites."

    def score(self, page: Page) -> Signal:
        labels = host_labels(*own_address(page))
        clusters = [cl for cl in _agreeing(_site_names(page)) if max(w for *_, w in cl) >= _STRONG]
        if not clusters:
            return self.nothing()
        home = [cl for cl in clusters if any(names_agree(n, lb) for n, *_ in cl for lb in labels)]
        ref = home[0] if home else max(clusters, key=lambda cl: sum(w for *_, w in cl))
        foreign = _foreign(clusters, ref, home)
        lone_domain = bool(labels) and not home and _domain_tells(page, ref, labels)
        value = 0.5 * sum(max(w for *_, w in cl) for cl in foreign) + 0.25 * lone_domain
        if not foreign and not (lone_domain and len(ref) >= 2):
            return self.nothing()
        shown = [f"'{n}' ({loc.source})" for cl in [ref, *foreign] for n, loc, _ in cl[:2]]
        domain = f" vs domain {own_address(page)[1]}" if labels else ""
        locator = next((loc.locator for cl in foreign for _, loc, _ in cl if loc.locator), None)
        return self.found(min(1.0, value), "site names disagree: " + " vs ".join(shown) + domain, locator)


def _foreign(clusters: list[list[Weighed]], ref: list[Weighed], home: list[list[Weighed]]) -> list[list[Weighed]]:
    """The clusters that name another site than the reference, or than the domain. Names in two scripts
    ('Коммерсантъ', 'Kommersant Publishing') that do not agree transliterated are unknown, not foreign."""
    return [cl for cl in clusters if cl is not ref and not any(cl is h for h in home)
            and any(_same_script(n, m) for n, *_ in cl for m, *_ in ref)]


def _agreeing(names: list[Weighed]) -> list[list[Weighed]]:
    """Greedy clusters of names that agree, in page order: each name joins the first cluster holding a name it agrees with."""
    clusters: list[list[Weighed]] = []
    for item in names:
        home = next((cl for cl in clusters if any(names_agree(item[0], other) for other, *_ in cl)), None)
        if home is None:
            clusters.append([item])
        else:
            home.append(item)
    return clusters


def _domain_tells(page: Page, ref: list[Weighed], labels: list[str]) -> bool:
    """Whether a domain that none of the names spell says anything. Alone it is weak (a clone under a new domain, but
    also a magazine on its publisher's domain): it adds to a score, never makes one. A blog platform's domain, and
    names in another script than the domain, say nothing."""
    return own_address(page)[1] not in _hosting_platforms() \
        and any(_script(n) == _script(lb) for n, *_ in ref for lb in labels)


@page_view
def _trade_names(page: Page) -> list[tuple[str, Located, set[str]]]:
    """The site's names that name a trade, with their words. Only a trade ('Smile Dental Clinic', 'Golden Wealth
    Academy') gives a site a theme that a story can be far from: any other name ('Two For Fashion', 'Page Six')
    shares no word with most of its own stories."""
    w = _words()
    themed = []
    for name, loc, weight in _site_names(page):
        words = {x for x in tokens(name) if x not in w["media"] and x not in w["corporate"]}
        if weight >= _THEME_WEIGHT and words & w["business"]:
            themed.append((name, loc, words))
    return themed


class SiteThemeUnrelated(SignalUnit):
    name = "site_theme_unrelated"
    description = "The site's name is about something (a clinic, an academy) that the article never mentions."

    def score(self, page: Page) -> Signal:
        if page.main_words < _MIN_WORDS:
            return self.nothing()
        themed = _trade_names(page)
        if not themed:
            return self.nothing()
        topic = _topic_tokens(page)
        if any(_related(words, topic) for _, _, words in themed):
            return self.nothing()
        name, loc, words = themed[0]
        trade = sorted(x for _, _, ws in themed for x in ws if x in _words()["business"])
        return self.found(1.0, f"site '{name}' ({loc.source}) (a trade: {', '.join(dict.fromkeys(trade))}) shares no "
                               f"word with the article '{page.headline[:80]}'", loc.locator)


class CategoryUnrelated(SignalUnit):
    name = "category_unrelated"
    description = ("The page files the story under a section that it has nothing to do with, on a business's site: a "
                   "company's own section ('Company News', 'FAQ', '产品知识') or any section of a site named for a trade.")

    def score(self, page: Page) -> Signal:
        sec = page.section
        if sec is None or page.main_words < _MIN_WORDS:
            return self.nothing()
        label = normalize(sec.text)
        generic = _section_labels("generic")
        parts = [p.strip() for p in re.split(r"[,/|>»&]|\band\b|\bund\b|\by\b|\bet\b", label) if p.strip()]
        if not parts or any(p.lower() in generic for p in parts) or label.lower() in generic or len(label) > 40 \
                or label[0] in "#@" or not page.headline:
            return self.nothing()
        words = set(tokens(label))
        # On a media site a section is an abstraction of its stories ('Beauty' over dead skin cells, 'Energie'
        # over heating with wood). A company's own section ('Company News', '产品知识'), or any section of a site
        # named for a trade ('Scams' on Golden Wealth Academy), says that the story sits where it has no place.
        # A story that names the trade itself ('Short-Term Fitness Rentals' under 'Services' on Used Gym Equipment,
        # 'gym' and 'equipment' in its text) is the business's own page, whatever its section. Only the trade's
        # words count: 'Bay' or 'Center' of 'Bay Hair Transplant Center' turn up in any news story.
        corporate = _corporate_section(parts)
        topic = _topic_tokens(page)
        business = _words()["business"]
        unnamed = next((name for name, _, trade in _trade_names(page) if not _related(trade & business, topic)), None)
        if not (corporate or unnamed):
            return self.nothing()
        # "<Brand> Blog", "Ask Ubuntu Meta": a label naming the site says nothing about the topic.
        if not words or any(names_agree(label, n) for n, _, _ in _site_names(page)) or _related(words, topic):
            return self.nothing()
        where = "a company's section" if corporate else f"on the site of a trade, '{unnamed}'"
        return self.found(1.0, f"category '{label}' ({sec.source}, {where}) vs article '{page.headline[:80]}'", sec.locator)


def _corporate_section(parts: list[str]) -> str | None:
    return next((p for p in parts if p.lower() in _section_labels("corporate")), None)


@lru_cache(maxsize=2)
def _section_labels(key: str) -> frozenset[str]:
    """sections.json's lists lower-cased, made once (the generic ones were made again for every page)."""
    return frozenset(x.lower() for x in load("sections")[key])


_DOMAIN_LIKE = re.compile(r"(?i)^(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,12}$")


class SiteNameIsOtherDomain(SignalUnit):
    name = "site_name_other_domain"
    description = "A site name is itself a web address on another domain ('247wallst.com' on a page at example.live)."

    def score(self, page: Page) -> Signal:
        domain = own_address(page)[1]
        if not domain:
            return self.nothing()
        for loc in page.site_names:
            text = normalize(loc.text).rstrip("/")
            if _DOMAIN_LIKE.match(text) and _SOURCE_WEIGHT.get(loc.source, 0.5) >= _STRONG:
                other = registrable_domain(text)
                if other and other != domain:
                    return self.found(1.0, f"site name '{text}' ({loc.source}) is another domain than {domain}",
                                      loc.locator)
        return self.nothing()


class DomainUnlikeSiteName(SignalUnit):
    name = "domain_unlike_site_name"
    description = ("The site's names agree with each other but none of them is spelled by the page's own domain "
                   "(more so on a throwaway TLD such as .xyz or .top).")

    def score(self, page: Page) -> Signal:
        url, domain = own_address(page)
        labels = host_labels(url, domain)
        if not labels or domain in _hosting_platforms():
            return self.nothing()  # a blog on a hosting platform: the domain is the platform's, not the site's
        names = _site_names(page)
        if any(names_agree(n, lb) or domain_spells(n, lb) for n, _, _ in names for lb in labels):
            return self.nothing()
        # '新浪' on sina.com.cn, '网易' on 163.com: a name in another script than the domain's is unknown, not unlike
        names = [x for x in names if any(_script(x[0]) == _script(lb) for lb in labels)]
        strong = [n for n, _, w in names if w >= _STRONG]
        if not strong or len(names) < 2:
            return self.nothing()
        folder = urlsplit(url or "").path.strip("/").split("/")[0]
        if any(names_agree(n, folder) for n in strong):
            return self.nothing()  # a blog hosted on a portal, named by its folder: scienceblogs.de/mathlog/...
        # A strong name confirmed by any other (a clone keeps the original's logo with its copyright
        # line or title suffix; a text dump shows only a header and a copyright line).
        first = strong[0]
        agreeing = [(n, loc) for n, loc, _ in names if names_agree(n, first)]
        if len(agreeing) < 2:
            return self.nothing()  # names that disagree among themselves are site_names_disagree's case
        shown = ", ".join(f"'{n}' ({loc.source})" for n, loc in agreeing[:3])
        # Farms and clone hosts register cheap new TLDs by the thousand; publishers rarely do.
        tld = domain.rsplit(".", 1)[-1]
        throwaway = tld in _words()["throwaway_tlds"]
        where = f"{domain}, a throwaway .{tld} domain" if throwaway else domain
        return self.found(1.0 if throwaway else 0.6, f"the site calls itself {shown}, but the page is on {where}",
                          agreeing[0][1].locator)


_MIN_ASSETS, _MIN_LINKS, _MIN_SCRIPT_URLS = 3, 10, 3


def _offsite_counts(page: Page, domain: str) -> dict[str, tuple[int, int, int]]:
    """Per other registrable domain: how many of the page's images/scripts, links and URLs in inline scripts point there."""
    counts: dict[str, list[int]] = {}
    script_urls = (f"https://{host}" for host in page.script_hosts)
    for urls, slot in ((page.resource_urls, 0), ((link.href for link in page.links if link.href), 1), (script_urls, 2)):
        for url in urls:
            host = registrable_domain(url) if url.startswith(("http://", "https://", "//")) else None
            if host and host != domain:
                counts.setdefault(host, [0, 0, 0])[slot] += 1
    return {host: (a, b, c) for host, (a, b, c) in counts.items()}


def _served_from(counts: tuple[int, int, int]) -> bool:
    """Images and scripts count from three; links from ten: a footer's few links to the parent company or the
    platform ("© NBC Universal", "Forum software by XenForo") are no clone's nav. URLs in inline scripts and JSON
    count from three: a clone's rewriting often misses "https:\\/\\/host"."""
    assets, links, in_scripts = counts
    return assets >= _MIN_ASSETS or links >= _MIN_LINKS or in_scripts >= _MIN_SCRIPT_URLS


def _served_evidence(host: str, counts: tuple[int, int, int]) -> str:
    assets, links, in_scripts = counts
    return f"{assets} images or scripts, {links} links and {in_scripts} URLs in inline scripts on {host}"


class AssetsOnNamedSite(SignalUnit):
    name = "assets_on_named_site"
    description = ("The page's images, scripts or links, or the URLs in its inline scripts, live on the site its names "
                   "name, not on the page's own domain.")

    def score(self, page: Page) -> Signal:
        url, domain = own_address(page)
        labels = host_labels(url, domain)
        # Weak sources count here too: a copyright line naming the very site that serves the images
        # is the clone's trace, and the resources themselves are the accusation. A parent company
        # (weighing nothing in _site_names) serving a CDN is not.
        names = [n for n, _, w in _site_names(page) if w >= 0.3]
        if not domain or not labels or not names or any(names_agree(n, lb) for n in names for lb in labels):
            return self.nothing()  # a page on its own named domain (or with no names) says nothing here
        for host, counts in sorted(_offsite_counts(page, domain).items(), key=lambda kv: -sum(kv[1])):
            if _served_from(counts) and any(names_agree(n, host.split(".")[0]) for n in names):
                name = next(n for n in names if names_agree(n, host.split(".")[0]))
                return self.found(1.0, f"{_served_evidence(host, counts)}, the site named '{name}', while the page is on {domain}")
        return self.nothing()


def spelled_domains(host: str, domain: str) -> list[str]:
    """Other outlets' domains spelled in a host's labels, dashes read as dots: 'www-nytimes-com.proxy.example.net',
    'bbc-co-uk.mirror-site.xyz', 'theguardian.com.some-cdn.top', 'nytimes.com-news.live'. The outlet's name must
    sit in front of the host's own registrable domain, be no generic label (www, cdn, static), and end in a
    country code or a classic suffix (.com, .org): hosts use words like .blog or .news as plain labels."""
    if not host.endswith("." + domain):
        return []
    sub = [x for x in re.split(r"[.-]", host[: -len(domain)].rstrip(".")) if x]
    pieces = sub + domain.split(".")[0].split("-")
    skip, generic = _words()["not_outlet_labels"], _words()["spelled_suffixes_generic"]
    found = []
    for i, name in enumerate(sub):
        if len(name) < 3 or name in skip or name.isdigit():
            continue
        spelled = None
        # The spelled suffix may take a dash piece of the host's own label ('com' of 'com-news.live'), never all of
        # it: 'journeytocollege.mo.gov' is a subdomain of mo.gov, not a spelling of journeytocollege.mo.
        for j in range(i + 2, min(i + 4, len(pieces) - 1) + 1):
            candidate = ".".join(pieces[i:j])
            suffix = candidate[len(name) + 1:]
            valid = registrable_domain("x." + candidate) == candidate  # the rest is a public suffix
            if valid and (len(suffix.rsplit(".", 1)[-1]) == 2 or suffix in generic):
                spelled = candidate
        if spelled and spelled != domain:
            found.append(spelled)
    return found


_MAX_ADDED_DIGITS = 3  # 'thepennyhoarder84' imitates 'thepennyhoarder'; with a year ('coastpost1984') it is a name


class Imitation(NamedTuple):
    same_name: bool  # the other site's very name, on another TLD (else its name with digits added)
    how: str


def _may_imitate(domain: str) -> bool:
    """Whether ``imitation`` can find ``domain`` imitating any site: only on a throwaway TLD or with digits closing its
    name. Most pages have neither, and need not count their URLs' domains (0.25 ms a page, a median of 180 URLs)."""
    return domain.rsplit(".", 1)[-1] in _words()["throwaway_tlds"] or domain.split(".")[0][-1:].isdigit()


def imitation(domain: str, other: str) -> Imitation | None:
    """How ``domain`` imitates ``other``, a site that the page takes its links or assets from: the same name on a
    throwaway TLD (srf.xyz beside srf.ch), or the name with a number added (thepennyhoarder84.com). A brand's own
    country domains (zalando.de beside zalando.co.uk, bose.ae beside bose.com) are not throwaway and stay out."""
    if not _may_imitate(domain):  # the forms below need one of its two marks: ``_imitated`` asks it before counting
        return None
    core, other_core = domain.split(".")[0], other.split(".")[0]
    if len(other_core) < 3 or other_core in _words()["not_outlet_labels"]:
        return None
    tld = domain.rsplit(".", 1)[-1]
    if core == other_core and tld in _words()["throwaway_tlds"]:
        return Imitation(True, f"the name of {other} on a throwaway .{tld}")
    added = core[len(other_core):]
    if core.startswith(other_core) and added.isdigit() and len(added) <= _MAX_ADDED_DIGITS:
        return Imitation(False, f"the name of {other} with '{added}' added")
    return None


class HostSpellsOtherDomain(SignalUnit):
    name = "host_spells_other_domain"
    description = ("The page's host spells another outlet's domain (www-nytimes-com.proxy.example.net, "
                   "theguardian.com.some-cdn.top), or imitates the domain that its links and images come from "
                   "(srf.xyz serving srf.ch's, thepennyhoarder84.com serving thepennyhoarder.com's): a mirror, proxy "
                   "or clone host; more so when its images or links live there.")

    def score(self, page: Page) -> Signal:
        url, domain = own_address(page)
        try:
            host = (urlsplit(url or "").hostname or "").lower()
        except ValueError:
            return self.nothing()
        spelled = spelled_domains(host, domain) if domain else []
        if not spelled:
            return self._imitated(page, domain) if domain else self.nothing()
        counts = _offsite_counts(page, domain)
        names = [n for n, _, w in _site_names(page) if w > 0]
        for other in spelled:
            if other in counts and _served_from(counts[other]):
                return self.found(1.0, f"host {host} spells {other}, and the page takes {_served_evidence(other, counts[other])}")
            named = next((n for n in names if names_agree(n, other.split(".")[0])), None)
            if named:
                return self.found(1.0, f"host {host} spells {other}, the site the page calls itself ('{named}')")
        return self.found(0.6, f"host {host} spells another outlet's domain, {spelled[0]}")

    def _imitated(self, page: Page, domain: str) -> Signal:
        """Only a site that serves the page's links or images counts as the imitated one: a lookalike name alone may
        be a coincidence. The same name on another TLD must serve images, or more links than the page's own domain:
        a brand's blog on a vanity domain (dropbox.tech) links to its shop in the footer but keeps its own nav."""
        if not _may_imitate(domain):
            return self.nothing()
        own_links = None
        for other, counts in _offsite_counts(page, domain).items():
            found = imitation(domain, other) if _served_from(counts) else None
            if found and found.same_name and counts[0] < _MIN_ASSETS:
                if own_links is None:
                    own_links = sum(1 for link in page.links if link.href and registrable_domain(link.href) == domain)
                found = found if counts[1] > own_links else None
            if found:
                return self.found(1.0, f"the page is on {domain}, {found.how}, and takes {_served_evidence(other, counts)}")
        return self.nothing()


SIGNALS: list[SignalUnit] = [
    SiteNamesDisagree(), SiteThemeUnrelated(), CategoryUnrelated(), SiteNameIsOtherDomain(), DomainUnlikeSiteName(),
    AssetsOnNamedSite(), HostSpellsOtherDomain(),
]
