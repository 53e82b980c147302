"""Bylines: a person, a brand, a role, a CMS placeholder or spam, and does the text credit someone else?

Farms sign collected stories "admin", "Editorial Team" or "<Brand> Desk"; a reporter's name is
evidence for an original. Real outlets use brand bylines too ("BWW News Desk", "Redacción"), so a
brand scores half of a placeholder, and any plausible person among the top bylines clears the page.
An agency or a wire desk ("Agence France-Presse", "Staff and wire reports", "新华社") is never a
person, however name-shaped: it signs agency copy, except on the agency's own site.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..lexicons import load, pattern
from ..page import Located, Page, page_view, without_leading_date
from ..phrases import CaselessWords
from ..text import cjk_share, normalize
from .attribution import wire_in, wire_site
from .base import Facts, Signal, SignalUnit
from .identity import clean_names, host_labels, hosting_platform, names_agree

_PARTICLES = {"von", "van", "der", "den", "de", "la", "le", "da", "di", "del", "dos", "du", "bin", "al", "el", "ter", "zu", "y", "e", "mc", "st"}
_DATE_TAIL = re.compile(r"(?i)\s+(?:(?:on|am|el|le|il)\s+)?(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)\w*\.?\s*\d|\d{1,4}(?:[./:\s-]|$)).*$")
_PREFIX = re.compile(r"(?i)^(?:by|von|por|par|di|door|av|posted by|written by|words by|story by|author|autor|auteur|interview|text|fotos?|作者|文|记者|記者|编辑|責任編輯|责任编辑)\s*[:：]?\s+")
_NAME_WORD = re.compile(r"^(?:[A-ZÀ-ÖØ-ÞŁŚŻŹĆŃČŠŽ][\w'’.-]*|[A-Z]\.)$")
_URLISH = re.compile(r"(?i)https?://|www\.|\.(?:com|net|org|info|xyz|top|io|co)\b|@\w+\.\w")


@lru_cache(maxsize=1)
def _lex() -> dict[str, frozenset[str]]:
    lex = load("bylines")
    return {k: frozenset(x.lower() for x in lex[k])
            for k in ("placeholder", "role", "brand_suffix", "spam_words", "commercial_openers")}


_STOP = {"the", "and", "of", "de", "la", "le", "el", "y", "et", "und", "der", "&"}


def clean_byline(text: str) -> str:
    """'By JEFFREY GETTLEMAN JAN. 13, 2017' -> 'JEFFREY GETTLEMAN'; 'Kathryn Giuffrida | Jan 2, 2025' -> 'Kathryn Giuffrida';
    'January 28, 2024 | Quickstart Newsroom' -> 'Quickstart Newsroom'."""
    text = _PREFIX.sub("", without_leading_date(re.sub(r"\([^)]*\)|\[|\]", " ", normalize(text)).strip())).strip()
    text = re.split(r"\s[|·•/–—-]\s|[|·•]|,\s|\s{2,}|\+ ?follow", text, maxsplit=1, flags=re.I)[0]
    if not cjk_share(text):
        text = _DATE_TAIL.sub("", text) if not _URLISH.search(text) else text
    return text.strip(" :,.-|")


@lru_cache(maxsize=1)
def _wire_byline() -> re.Pattern[str]:
    """A byline made only of agencies and wire desks: 'AFP', 'The Associated Press', 'dpa/AFP',
    'Reuters Staff', 'Staff and wire reports'. Agency codes match as written or upper-cased ('AP', 'DPA',
    never 'Ap'), desk phrases in any case."""
    wires, desks = load("wires"), load("bylines")["wire_desks"]
    agencies = [*wires["codes"], *wires["names"]]
    agency = "|".join(re.escape(a) for a in sorted({*agencies, *(a.upper() for a in agencies)}, key=len, reverse=True))
    desk = "|".join(re.escape(d) for d in sorted(desks, key=len, reverse=True))
    one = rf"(?:(?i:the)\s+)?(?:{agency})(?:\s+(?i:staff|news|writers?|reports?))?|(?i:{desk})"
    join = r"\s*(?:[/,&+]|(?i:and|und|y|et|with|mit|con|avec|i|и|和))\s*"
    return re.compile(rf"(?:{one})(?:{join}(?:{one}))*")


def _is_wire_byline(name: str) -> bool:
    """The cleaned byline names only news agencies or wire desks."""
    return bool(_wire_byline().fullmatch(name.strip()))


def _words(text: str) -> list[str]:
    return [w for w in re.split(r"[\s_]+", text.lower()) if w]


@lru_cache(maxsize=1)
def _view_labels() -> frozenset[str]:
    """'人氣(23925)' sits where a blog theme puts its author: a view counter's label is no name."""
    residue = load("residue")
    return frozenset(w.lower() for w in residue["view_labels_strong"] + residue["view_labels_weak"])


def _is_person(name: str) -> bool:
    """2-4 capitalised words (particles allowed), or a 2-4 character CJK name, none of them a role word."""
    lex = _lex()
    if cjk_share(name) > 0.8:
        core = re.sub(r"\s", "", name)
        return 2 <= len(core) <= 4 and core.lower() not in lex["placeholder"] | lex["role"] | _view_labels() \
            and not any(r in core for r in ("编辑", "記者", "记者", "本站", "小编", "网", "部"))
    parts = name.split()
    core = [p for p in parts if p.lower() not in _PARTICLES]
    if not 2 <= len(core) <= 4 or len(parts) > 5:
        return False
    if any(p.lower().strip(".") in lex["role"] for p in core):
        return False
    return all(_NAME_WORD.match(p) and not any(c.isdigit() for c in p) for p in core)


def _names_site(text: str, page: Page) -> bool:
    """The text names the site itself ('TAG24', 'Redacción / Crítica', 'uncut-news.ch')."""
    sites = [n for n, _ in clean_names(page)] + host_labels(page.url, page.domain)
    return any(names_agree(text, s) for s in sites)


def _brandish(name: str) -> bool:
    """A brand plus a desk word: 'Golden View', 'Metro Desk', 'SolutionsHub Editorial Team'."""
    lex = _lex()
    words = _words(name)
    return 2 <= len(words) <= 5 and (words[-1] in lex["brand_suffix"] or " ".join(words[-2:]) in lex["brand_suffix"]
                                     or any(w in lex["role"] and w not in _STOP for w in words[1:]))


_HANDLE = re.compile(r"\s+@\w+$")
_JOINED = re.compile(r"\s*(?:,|&|\b(?:and|und|y|et|e|i|и)\b)\s*")


def _are_people(name: str) -> bool:
    """'Samya Kullab and Vasilisa Stepanenko': two reporters share a byline."""
    parts = [p for p in _JOINED.split(name) if p]
    return 2 <= len(parts) <= 4 and all(_is_person(p) for p in parts)


def byline_kind(raw: str, page: Page) -> tuple[str, str]:
    """(kind, cleaned name); kind is placeholder, wire, role, spam, brand, person or unknown."""
    lex = _lex()
    name = _HANDLE.sub("", clean_byline(raw))  # 'Julia Horowitz @juliakhorowitz': the reporter and her account
    low = name.lower()
    if not name:
        return "unknown", name
    if low in lex["placeholder"] or re.fullmatch(r"(?:admin|editor|user|author|webmaster)[\W_]*\d*", low):
        return "placeholder", name
    if _is_wire_byline(name):
        return ("brand" if wire_site(page) else "wire"), name
    person = _is_person(name) or _are_people(name)
    if not person and _names_site(_PREFIX.sub("", normalize(raw)), page):
        # On a blog host the blog's name is its blogger's pen name ('史蒂文的家_藍天' on pixnet.net), not a brand.
        return ("unknown" if hosting_platform(page.domain) else "brand"), name
    if all(w.strip(".") in lex["role"] for w in _words(name)):
        return "role", name
    if spam_level(raw):
        return "spam", name
    # A person-shaped name that spells the whole host ('Golden Wealth' on goldenwealth.com) is the brand.
    compact = re.sub(r"\W", "", low)
    if person and not any(compact in lb.replace("-", "") for lb in host_labels(page.url, page.domain)):
        return "person", name
    if person or _brandish(name):
        return "brand", name
    return "unknown", name


def spam_level(raw: str, structured: bool = True) -> float:
    """1 for spam words or keyword stuffing; 0.5 for a URL, an e-mail, a bare domain, a numbered username
    ('freeman1984') or, in a structured field, a name far too long; else 0. A URL alone is how bloggers sign
    ('www.koffergepackt.com', 'Bradley M. Kuhn (http://ebb.org/bkuhn/)'): a self-link, not a spammer's."""
    text = normalize(raw)
    name = clean_byline(text)
    words = [w.strip(".,!:") for w in _words(name) if re.search(r"[^\W_]", w)]  # an arrow ('ORDER REPRINT →') is no word
    lex = _lex()
    pieces = re.findall(r"[^\W\d_]+", text.lower())  # a domain's words too: 'www.cheap-pills-online.com'
    if any(w in lex["spam_words"] for w in pieces) or (len(words) >= 3 and words[0] in lex["commercial_openers"]):
        return 1.0
    if re.search(r"(?i)https?://|www\.", text) or _URLISH.search(text) or (len(words) == 1 and re.search(r"\d{3,}", name)) \
            or (structured and (len(name) > 60 or len(words) > 8)):
        return 0.5
    return 0.0


def _bylines(page: Page) -> list[Located]:
    """The page's bylines, best first, without social handles (a handle is an account, not a signature)."""
    return [b for b in page.bylines if not b.text.startswith("@") and "twitter" not in b.source][:4]


@page_view
def _kinds(page: Page) -> list[tuple[tuple[str, str], Located]]:
    """Each of ``_bylines`` with ``byline_kind``'s reading of it, read once for the five signals that ask
    (byline_spam reads every one)."""
    return [(byline_kind(b.text, page), b) for b in _bylines(page)]


@page_view
def _unsigned(page: Page) -> list[tuple[tuple[str, str], Located]]:
    """The top bylines with their kinds, or none when any of them names a person (read by two signals)."""
    kinds = _kinds(page)[:3]
    return [] if any(k == "person" for (k, _), _ in kinds) else kinds


class BylineNotPerson(SignalUnit):
    name = "byline_not_person"
    description = ("The byline is a CMS placeholder or a role (1.0), or the site's own brand (0.5), with no person named. "
                   "Publishers sign this way too ('Redaktion', 'Staff'), so it is weak evidence.")

    def score(self, page: Page) -> Signal:
        kinds = _unsigned(page)
        for wanted, value in (("placeholder", 1.0), ("role", 1.0), ("brand", 0.5)):
            for (kind, name), loc in kinds:
                if kind == wanted:
                    return self.found(value, f"byline '{name}' is a {kind} ({loc.source})", loc.locator)
        return self.nothing()


class BylineWire(SignalUnit):
    name = "byline_wire"
    description = ("The byline is a news agency or a wire desk ('Agence France-Presse', 'dpa', 'Staff and wire "
                   "reports') off the agency's own site: the page carries agency copy, however it is dressed.")

    def score(self, page: Page) -> Signal:
        for (kind, name), loc in _unsigned(page):
            if kind == "wire":
                return self.found(1.0, f"byline '{name}' is a news agency or wire desk ({loc.source})", loc.locator)
        return self.nothing()


_AFFILIATION = re.compile(r"\s[|·•/–—-]\s|[|·•]|,\s|\s+(?:of|for|from|at|with)\s+(?=(?:the\s+)?[A-Z])")
_ROLE_TAIL = re.compile(r"(?i)\b(?:staff|writer|reporter|correspondent|editor|columnist|contributor|contributing|"
                        r"special to|photograph\w*|intern|fellow|bureau chief|producer)\b")


def affiliation(raw: str) -> tuple[str, str] | None:
    """The person and what they write for: 'By Jane Doe, The Texas Tribune' -> ('Jane Doe', 'The Texas Tribune')."""
    text = _PREFIX.sub("", normalize(raw)).strip()
    parts = _AFFILIATION.split(text, maxsplit=1)
    person = clean_byline(parts[0])
    if len(parts) < 2 or not _is_person(person):
        return None
    rest = _DATE_TAIL.sub("", re.split(r"\s[|·•]\s|[|·•]|\s{2,}", parts[1], maxsplit=1)[0]).strip(" .,;:")
    return (person, rest) if 2 <= len(rest) <= 60 and not _ROLE_TAIL.search(rest) else None


def _credits_a_picture(person: str, signers: list[str]) -> bool:
    """'Gustavo Valiente / Europa Press' in an author slot while the page's metadata signs the story
    by another person: the visible name is the photographer's credit, not the reporter's."""
    return any(_is_person(s) and not names_agree(person, s) for s in signers)


class BylineOtherOutlet(SignalUnit):
    name = "byline_other_outlet"
    description = ("A reporter's byline names the outlet or agency they write for, and it is not this site "
                   "('By Jane Doe, The Texas Tribune' on a local paper): the story is that outlet's.")

    def score(self, page: Page) -> Signal:
        signers = [clean_byline(b.text) for b in _bylines(page) if b.source.startswith(("json-ld", "meta"))]
        for b in _bylines(page)[:3]:
            found = affiliation(b.text)
            if not found:
                continue
            person, outlet = found
            if _names_site(outlet, page) or _credits_a_picture(person, signers):
                continue
            wire = wire_in(outlet)
            if wire and not wire_site(page):
                return self.found(1.0, f"byline '{b.text}' names the agency {outlet} ({b.source})", b.locator,
                                  Facts(wire=wire, name=outlet))
            # A capitalised outlet word of its own ('The Texas Tribune', 'Kaiser Health News').
            if pattern("attribution", "outlet_words", whole_words=True, ignore_case=False).search(outlet):
                return self.found(0.8, f"byline '{b.text}' names the outlet {outlet} ({b.source})", b.locator,
                                  Facts(name=outlet))
        return self.nothing()


_ADDRESS = re.compile(r"(?i)\(?\b(?:https?://)?(?:www\.)?([a-z0-9-]+)\.[a-z]{2,12}(?:/\S*)?\)?")
_MIN_NAME_IN_ADDRESS = 4  # 'Frank Bueltge - http://bueltge.de': a surname this long in the address is the signer's


def _without_own_address(raw: str, page: Page) -> str:
    """The byline without an address of the site itself ('Deutsche Welle (www.dw.com)' on dw.com) or of a
    signer's own homepage ('Veröffentlicht von Henning Lobin www.lobin.de', or 'www.lobin.de' in its own
    element beside 'Henning Lobin'): a blogger's link home is no spam."""
    own = set(host_labels(page.url, page.domain)) | _signers_names(page)

    def keep(m: re.Match[str]) -> str:
        label = m.group(1).lower()
        return " " if label in own or any(len(n) >= _MIN_NAME_IN_ADDRESS and n in label for n in own) else m.group(0)
    return _ADDRESS.sub(keep, raw).strip(" -–|,")


@page_view
def _signers_names(page: Page) -> set[str]:
    """The words of every byline that names a person once its addresses are gone ('Frank Bueltge - http://bueltge.de')."""
    names = set()
    for b in _bylines(page):
        rest = _ADDRESS.sub(" ", b.text)
        if _is_person(clean_byline(_PREFIX.sub("", normalize(rest)).strip(" -–|,()"))):
            names |= {w.lower() for w in _words(rest) if len(w) >= _MIN_NAME_IN_ADDRESS}
    return names


class BylineSpam(SignalUnit):
    name = "byline_spam"
    description = "A byline carries a URL, an e-mail, spam keywords, digits or far too many words."

    def score(self, page: Page) -> Signal:
        # The site's own address as its byline ('www.portalspozywczy.pl') is a brand (byline_not_person), not spam.
        signed = [b for (kind, _), b in _kinds(page) if kind != "brand"]
        best = max(((spam_level(_without_own_address(b.text, page), b.source.startswith(("json-ld", "meta"))), b) for b in signed),
                   key=lambda x: x[0], default=(0.0, None))
        if not best[0] or best[1] is None:
            return self.nothing()
        return self.found(best[0], f"spam-like byline '{best[1].text}' ({best[1].source})", best[1].locator)


class BylinePerson(SignalUnit):
    name = "byline_person"
    direction = -1
    description = "A byline names a plausible person (evidence for an original)."

    def score(self, page: Page) -> Signal:
        for (kind, name), b in _kinds(page)[:3]:
            if kind == "person":
                return self.found(1.0, f"byline names a person: '{name}' ({b.source})", b.locator)
        return self.nothing()


@lru_cache(maxsize=1)
def _credit_patterns() -> list[tuple[re.Pattern[str], frozenset[str]]]:
    """The credit lines of bylines.json plus wire datelines ('CITY (AP) —', '(dpa/AFP) -') from wires.json, each
    with the words one of which it needs (``credit_words``; none: it always runs)."""
    codes = "|".join(re.escape(c) for c in sorted(load("wires")["codes"], key=len, reverse=True))
    dateline = rf"\((?P<who>(?:{codes})(?:\s*/\s*(?:{codes}))*)\)\s*[—–-]"
    lex = load("bylines")
    return [(re.compile(p, re.M), frozenset(words))
            for p, words in zip([dateline, *lex["credit_patterns"]], [[], *lex["credit_words"]], strict=True)]


@lru_cache(maxsize=1)
def _credit_words() -> CaselessWords:
    return CaselessWords(w for words in load("bylines")["credit_words"] for w in words)


def text_credits(page: Page) -> list[tuple[str, Located]]:
    """Who the main text credits: wire datelines, 'Reporting by', 'contributed to this report', 来源：… (opening and closing paragraphs).

    A case-insensitive pattern is tried at every character; one pass for the words the patterns need spares
    most paragraphs most of them."""
    paras = page.paragraphs
    out = []
    for p in paras[:4] + paras[-4:] if len(paras) > 8 else paras:
        text = p.text[:2000]
        held = _credit_words().found(text)  # None: the pass cannot tell, every pattern runs
        for pat, needs in _credit_patterns():
            if needs and held is not None and not needs & held:
                continue
            for m in pat.finditer(text):
                who = normalize(m.group("who")).strip(" ,.;:")
                if who and len(who) <= 80:
                    out.append((who, p))
    return out


_POSSESSOR = re.compile(r"^(.+?)['’]s\s+\S")


def _colleague(who: str, page: Page) -> bool:
    """"CNN's Bill Kirkos contributed" on cnn.com credits the site's own reporter."""
    m = _POSSESSOR.match(who)
    return bool(m) and _names_site(m.group(1), page)


class BylineCreditMismatch(SignalUnit):
    name = "byline_credit_mismatch"
    description = "The main text credits a wire or a writer while the byline names someone or something else."

    def score(self, page: Page) -> Signal:
        bylines = _bylines(page)
        credits = text_credits(page) if bylines else []  # read only when there is a byline to set them against
        if not credits:
            return self.nothing()
        names = [kind for kind, _ in _kinds(page)]  # in the order of ``bylines``
        credits = [(who, where) for who, where in credits if not _colleague(who, page)]
        if not credits:
            return self.nothing()
        for who, where in credits:
            if any(names_agree(who, n) or names_agree(who, b.text) for (_, n), b in zip(names, bylines)):
                return self.nothing()  # the byline is the credited wire or writer
        kind, name = names[0]
        who, where = credits[0]
        # A reporter's byline over "(AP) —" or "X contributed" is normal; a brand or "admin" over it is not.
        value = 0.3 if kind == "person" else 1.0
        return self.found(value, f"text credits '{who}' but the byline is '{name}' ({kind})", where.locator)


SIGNALS: list[SignalUnit] = [BylineNotPerson(), BylineWire(), BylineOtherOutlet(), BylineSpam(), BylinePerson(), BylineCreditMismatch()]
