"""Site identity: do the page's own names for its site agree, and do they fit what the page is about?

A farm hosts collected stories under a business's frame ("Golden Wealth Academy" over a state-visit
story), often with the original's og:site_name left in, and files them under its own categories
("Scams"). Real sites are messy too (a parent company in the copyright line, a magazine on its
publisher's domain), so each check weighs its name sources and needs real disagreement to fire.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache
from urllib.parse import urlsplit

from ..lexicons import load
from ..page import Located, Page, registrable_domain
from ..text import cjk_share, normalize, tokens, word_count
from .base import Signal, SignalUnit

# How much a name source says about the site's identity. twitter:site is a handle, a JSON-LD
# publisher or a copyright holder is often the parent company, a title suffix is often a section.
_SOURCE_WEIGHT = {
    "logo": 1.0, "header": 0.8, "meta og:site_name": 1.0, "meta application-name": 0.8, "meta apple-mobile-web-app-title": 0.8,
    "json-ld website": 0.8, "json-ld newsmediaorganization": 0.8, "json-ld organization": 0.7,
    "json-ld publisher": 0.6, "meta publisher": 0.6, "meta dc.publisher": 0.6,
    "copyright": 0.4, "title suffix": 0.3, "meta twitter:site": 0.3,
}
_STRONG = 0.5  # a name from a weaker source (a title suffix, a photo credit's ©, a handle) can confirm but not accuse
_MIN_WORDS = 120  # below this a text is too short to say what it is about
_COMPACT = re.compile(r"[^\w]|_", re.UNICODE)


@lru_cache(maxsize=1)
def _words() -> dict[str, frozenset[str]]:
    lex = load("sites")
    return {k: frozenset(x.lower() for x in lex[k]) for k in ("junk_names", "junk_words", "corporate", "media", "business")}


def _compact(text: str) -> str:
    """'Crítica' -> 'critica', 'General-Anzeiger' -> 'generalanzeiger'."""
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


def domain_spells(name: str, label: str) -> bool:
    """The host label abbreviates the name, with umlauts spelled out and a tail like 'online' or 'journals' allowed."""
    label = _compact(label)
    labels = {label} | {label[: -len(t)] for t in load("sites")["domain_tails"] if label.endswith(t) and len(label) > len(t) + 1}
    for text in {name, name.translate(_UMLAUTS)}:
        words = [_compact(w) for w in _raw_words(text)]
        if any(_spells(lb, [w for w in words if w], loose=True) for lb in labels):
            return True
    return False


def _bigrams(s: str) -> set[str]:
    return {s[i:i + 2] for i in range(len(s) - 1)}


def names_agree(a: str, b: str) -> bool:
    """Two names (or a name and a host label) name the same thing: containment, a shared word, an acronym or near spelling."""
    ca, cb = _compact(a), _compact(b)
    if not ca or not cb:
        return False
    short, long_ = sorted((ca, cb), key=len)
    if len(short) >= 3 and short in long_ or ca == cb:
        return True
    if cjk_share(ca) > 0.5 and cjk_share(cb) > 0.5:
        return len(_bigrams(ca) & _bigrams(cb)) >= 1
    skip = _words()["corporate"] | _words()["media"]
    wa = {x for x in _raw_words(a) if len(x) >= 3 and x not in skip}
    wb = {x for x in _raw_words(b) if len(x) >= 3 and x not in skip}
    if wa & wb or any(len(x) >= 4 and x in cb for x in wa) or any(len(x) >= 4 and x in ca for x in wb):
        return True
    if len(short) >= 2 and short in (_acronym(a), _acronym(b)) and short != long_:
        return True
    if any(len(c) <= 12 and " " not in x.strip() and _spells(c, [_compact(w) for w in _raw_words(y)])
           for c, x, y in ((ca, a, b), (cb, b, a))):
        return True
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


def _site_names(page: Page) -> list[tuple[str, Located, float]]:
    out = []
    for loc in page.site_names:
        name = clean_name(loc)
        if name:
            weight = _SOURCE_WEIGHT.get(loc.source, 0.5)
            if set(_raw_words(name)) & _words()["corporate"]:
                weight *= 0.5  # "Tamedia AG", "NYP Holdings": a parent company, not a second identity
            out.append((name, loc, weight))
    return out


def _stem(word: str) -> str:
    """A crude shared stem, so that 'scams' meets 'scam' and 'Finanzen' meets 'Finanz-Hub'."""
    return word if cjk_share(word) else word.rstrip("s")[:5]


def _topic_tokens(page: Page) -> set[str]:
    """The article's own words (headline and main text), as stems."""
    return {_stem(t) for t in tokens(page.headline + " " + page.main_text)}


def _related(words: set[str], topic: set[str]) -> bool:
    return any(_stem(w) in topic for w in words)


class SiteNamesDisagree(SignalUnit):
    name = "site_names_disagree"
    description = "The site's own names (domain, og:site_name, JSON-LD, title suffix, logo, copyright) name different sites."

    def score(self, page: Page) -> Signal:
        names = _site_names(page)
        labels = host_labels(page.url, page.domain)
        clusters: list[list[tuple[str, Located, float]]] = []  # greedy clusters of names that agree
        for item in names:
            for cl in clusters:
                if any(names_agree(item[0], other) for other, *_ in cl):
                    cl.append(item)
                    break
            else:
                clusters.append([item])
        clusters = [cl for cl in clusters if max(w for *_, w in cl) >= _STRONG]
        if not clusters:
            return self.nothing()
        home = [cl for cl in clusters if any(names_agree(n, lb) for n, *_ in cl for lb in labels)]
        ref = home[0] if home else max(clusters, key=lambda cl: sum(w for *_, w in cl))
        foreign = [cl for cl in clusters if cl is not ref and not any(cl is h for h in home)]
        # A domain that none of the names spell is weak evidence on its own (a clone under a new
        # domain, but also a magazine on its publisher's domain); it adds to, never makes, a score.
        lone_domain = bool(labels) and not home
        value = 0.5 * sum(max(w for *_, w in cl) for cl in foreign) + 0.25 * lone_domain
        if not foreign and not (lone_domain and len(ref) >= 2):
            return self.nothing()
        shown = [f"'{n}' ({loc.source})" for cl in [ref, *foreign] for n, loc, _ in cl[:2]]
        domain = f" vs domain {page.domain}" if labels else ""
        locator = next((loc.locator for cl in foreign for _, loc, _ in cl if loc.locator), None)
        return self.found(min(1.0, value), "site names disagree: " + " vs ".join(shown) + domain, locator)


class SiteThemeUnrelated(SignalUnit):
    name = "site_theme_unrelated"
    description = "The site's name is about something (a clinic, an academy) that the article never mentions."

    def score(self, page: Page) -> Signal:
        if word_count(page.main_text) < _MIN_WORDS:
            return self.nothing()
        w = _words()
        themed = []
        for name, loc, weight in _site_names(page):
            if weight < 0.5:
                continue
            words = {x for x in tokens(name) if x not in w["media"] and x not in w["corporate"]}
            # A one-word coined brand ('Upworthy') has no theme; a descriptive name or a trade does.
            if len(words) >= 2 or words & w["business"]:
                themed.append((name, loc, words))
        if not themed:
            return self.nothing()
        topic = _topic_tokens(page)
        if any(_related(words, topic) for _, _, words in themed):
            return self.nothing()
        name, loc, words = themed[0]
        trade = sorted(x for _, _, ws in themed for x in ws if x in w["business"])
        value = 1.0 if trade else 0.3
        extra = f" (a trade: {', '.join(dict.fromkeys(trade))})" if trade else ""
        return self.found(value, f"site '{name}' ({loc.source}){extra} shares no word with the article "
                                 f"'{page.headline[:80]}'", loc.locator)


class CategoryUnrelated(SignalUnit):
    name = "category_unrelated"
    description = "The category the page files the story under (breadcrumb, section) has nothing to do with the story."

    def score(self, page: Page) -> Signal:
        sec = page.section
        if sec is None or word_count(page.main_text) < _MIN_WORDS:
            return self.nothing()
        label = normalize(sec.text)
        generic = {x.lower() for x in load("sections")["generic"]}
        parts = [p.strip() for p in re.split(r"[,/|>»&]|\band\b|\bund\b|\by\b|\bet\b", label) if p.strip()]
        if not parts or any(p.lower() in generic for p in parts) or label.lower() in generic or len(label) > 40 \
                or label[0] in "#@" or not page.headline:
            return self.nothing()
        words = set(tokens(label))
        # "<Brand> Blog", "Ask Ubuntu Meta": a label naming the site says nothing about the topic.
        if not words or any(names_agree(label, n) for n, _, _ in _site_names(page)) or _related(words, _topic_tokens(page)):
            return self.nothing()
        return self.found(1.0, f"category '{label}' ({sec.source}) vs article '{page.headline[:80]}'", sec.locator)


_DOMAIN_LIKE = re.compile(r"(?i)^(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,12}$")


class SiteNameIsOtherDomain(SignalUnit):
    name = "site_name_other_domain"
    description = "A site name is itself a web address on another domain ('247wallst.com' on a page at example.live)."

    def score(self, page: Page) -> Signal:
        if not page.domain:
            return self.nothing()
        for loc in page.site_names:
            text = normalize(loc.text).rstrip("/")
            if _DOMAIN_LIKE.match(text) and _SOURCE_WEIGHT.get(loc.source, 0.5) >= _STRONG:
                other = registrable_domain(text)
                if other and other != page.domain:
                    return self.found(1.0, f"site name '{text}' ({loc.source}) is another domain than {page.domain}",
                                      loc.locator)
        return self.nothing()


class DomainUnlikeSiteName(SignalUnit):
    name = "domain_unlike_site_name"
    description = "The site's names agree with each other but none of them is spelled by the page's own domain."

    def score(self, page: Page) -> Signal:
        labels = host_labels(page.url, page.domain)
        names = _site_names(page)
        strong = [n for n, _, w in names if w >= _STRONG]
        if not labels or not strong or len(names) < 2:
            return self.nothing()
        if page.domain in _hosting_platforms():
            return self.nothing()  # a blog on a hosting platform: the domain is the platform's, not the site's
        if any(names_agree(n, lb) or domain_spells(n, lb) for n, _, _ in names for lb in labels):
            return self.nothing()
        folder = urlsplit(page.url or "").path.strip("/").split("/")[0]
        if any(names_agree(n, folder) for n in strong):
            return self.nothing()  # a blog hosted on a portal, named by its folder: scienceblogs.de/mathlog/...
        # A strong name confirmed by any other (a clone keeps the original's logo with its copyright
        # line or title suffix; a text dump shows only a header and a copyright line).
        first = strong[0]
        agreeing = [(n, loc) for n, loc, _ in names if names_agree(n, first)]
        if len(agreeing) < 2:
            return self.nothing()  # names that disagree among themselves are site_names_disagree's case
        shown = ", ".join(f"'{n}' ({loc.source})" for n, loc in agreeing[:3])
        return self.found(1.0, f"the site calls itself {shown}, but the page is on {page.domain}", agreeing[0][1].locator)


_MIN_ASSETS, _MIN_LINKS, _MIN_SCRIPT_URLS = 3, 10, 3


class AssetsOnNamedSite(SignalUnit):
    name = "assets_on_named_site"
    description = ("The page's images, scripts or links, or the URLs in its inline scripts, live on the site its names "
                   "name, not on the page's own domain.")

    def score(self, page: Page) -> Signal:
        labels = host_labels(page.url, page.domain)
        # Weak sources count here too: a copyright line naming the very site that serves the images
        # is the clone's trace, and the resources themselves are the accusation. A parent company
        # (its weight halved by _site_names) serving a CDN is not.
        names = [n for n, _, w in _site_names(page) if w >= 0.3]
        if not labels or not names or any(names_agree(n, lb) for n in names for lb in labels):
            return self.nothing()  # a page on its own named domain (or with no names) says nothing here
        # Images and scripts count from three; links from ten: a footer's few links to the parent
        # company or the platform ("© NBC Universal", "Forum software by XenForo") are no clone's nav.
        # URLs in inline scripts and JSON count from three: a clone's rewriting often misses "https:\/\/host".
        counts: dict[str, list[int]] = {}
        script_urls = (f"https://{host}" for host in page.script_hosts)
        for urls, slot in ((page.resource_urls, 0), ((link.href for link in page.links if link.href), 1), (script_urls, 2)):
            for url in urls:
                host = registrable_domain(url) if url.startswith(("http://", "https://", "//")) else None
                if host and host != page.domain:
                    counts.setdefault(host, [0, 0, 0])[slot] += 1
        for host, (assets, links, in_scripts) in sorted(counts.items(), key=lambda kv: -sum(kv[1])):
            if (assets >= _MIN_ASSETS or links >= _MIN_LINKS or in_scripts >= _MIN_SCRIPT_URLS) \
                    and any(names_agree(n, host.split(".")[0]) for n in names):
                name = next(n for n in names if names_agree(n, host.split(".")[0]))
                return self.found(1.0, f"{assets} images or scripts, {links} links and {in_scripts} URLs in inline scripts "
                                       f"on {host}, the site named '{name}', while the page is on {page.domain}")
        return self.nothing()


SIGNALS: list[SignalUnit] = [
    SiteNamesDisagree(), SiteThemeUnrelated(), CategoryUnrelated(), SiteNameIsOtherDomain(), DomainUnlikeSiteName(),
    AssetsOnNamedSite(),
]
