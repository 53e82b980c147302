"""Attribution: the page itself says the story comes from elsewhere.

A wire dateline or credit line survives copying because scrapers take the article text whole; a
"Source: X" line or an "originally published" footer is how aggregators and auto-blogs credit; a
canonical or syndication meta that points at another domain is the original's address kept by the
copy. A wire agency's own site carries its copy as an original, so its domains are exempt.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Set as AbstractSet
from functools import lru_cache, partial
from urllib.parse import urlsplit

from ..lexicons import load, pattern
from ..page import BARS, Page, page_view, registrable_domain
from ..text import MONTHS, Phrases, normalize, occurring, parse_date, word_count
from .base import Facts, Signal, SignalUnit, Where, known
from .identity import clean_names, host_labels

_SEGMENT_MAX = 300  # longer visible lines are prose, not credit or source lines
_ORIGIN_MAX = 200  # "first appeared on" in a longer paragraph is prose ("the cameras first appeared on …")
_INFO_BAR_MAX = 120  # a story's info bar (date, source, author, views) is one short line
UNKNOWN_SOURCE = 0.2  # a short name that is neither this site, a data office, a wire nor outlet-like
DATED_SOURCE = 0.6  # the same name in the story's dated info bar: it credits the whole story, as an outlet would be


def _alternation(phrases: list[str]) -> str:
    return "|".join(re.escape(p) for p in sorted(set(phrases), key=len, reverse=True))


@lru_cache(maxsize=1)
def wire_alternation() -> str:
    """Wire codes and names, case-sensitive ('AP' is a wire, 'ap' is not), codes also upper-cased."""
    wires = load("wires")
    codes = wires["codes"] + [c.upper() for c in wires["codes"]]
    return _alternation(codes + wires["names"])


@lru_cache(maxsize=1)
def _dateline() -> re.Pattern[str]:
    wire = wire_alternation()
    cjk = _alternation(load("wires")["cjk_datelines"])
    ru = _alternation(load("wires")["ru_datelines"])
    return re.compile(
        # "BEIJING (AP) —", "PARIS, 5 mai (AFP) -", "Berlin/Hamburg (dpa/lno) -", "(AP) —"
        rf"^(?:[^\W\d_][^\n()]{{0,60}}?\s*)?\(\s*(?:{wire})(?:\s*[/,-]\s*[\w-]{{1,14}})*\s*\)\s*(?:[-—–:]{{1,2}}|--)\s"
        # "新华社北京3月5日电", "中新社香港3月5日电"
        rf"|^[【\[（(]?\s*(?:{cjk})[^\n，。,]{{0,12}}?\d{{1,2}}月\d{{1,2}}日(?:专)?电"
        # "【ワシントン共同】", "（新华社）"
        rf"|^【[^】]{{1,15}}(?:共同|時事)】|^[（(]\s*(?:{cjk})\s*[)）]"
        # "МОСКВА, 5 мая. /ТАСС/.", "МОСКВА, 5 мая - РИА Новости."
        rf"|^[А-ЯЁ][А-ЯЁ .-]{{1,30}},\s*\d{{1,2}}\s+[а-яё]+\.?\s*(?:/\s*(?:{ru})\s*/|[-—–]\s*(?:{ru})(?![^\W_]))"
    )


class _Credit:
    """A credit template behind a cheap test that the exact pattern runs only after.

    Python's re jumps ahead to a pattern's literal prefix, which a leading \\b turns off: a copy
    without it is about 7x faster on the many lines without the phrase, and its matches are a
    superset of the exact pattern's."""

    def __init__(self, template: str) -> None:
        self.names_wire = "{wire}" in template  # then a line naming no wire cannot match
        template = template.replace("{wire}", f"(?:{wire_alternation()})")
        self.exact = re.compile(template)
        self.loose = re.compile(template[2:]) if template.startswith(r"\b") else None
        self._anywhere = re.compile(template[2:] if self.loose else template, re.M)

    def search(self, text: str) -> re.Match[str] | None:
        if self.loose is not None and not self.loose.search(text):
            return None
        return self.exact.search(text)

    def anywhere(self, joined: str) -> bool:
        """Whether it may match one of the texts joined by newlines: none of these templates asserts anything of a
        newline that a text's start or end would not satisfy (^ and $ match at each, with re.M), so a match in
        one text is a match here. One search of the page against one per text (most pages match no template)."""
        return self._anywhere.search(joined) is not None


@lru_cache(maxsize=2)
def _credits(key: str) -> tuple[list[_Credit], list[_Credit]]:
    """The templates in order, and those of them that name no wire: the only ones a line naming no wire
    can match (most lines; the caller finds the wire names once per line)."""
    credits = [_Credit(t) for t in load("attribution")[key]]
    return credits, [c for c in credits if not c.names_wire]


def wire_in(text: str) -> str | None:
    """The first wire code or name written in ``text`` as a word of its own ('AP', not 'APPLE')."""
    m = _wire_word().search(text)
    return m.group(0) if m else None


@lru_cache(maxsize=1)
def _wire_word() -> re.Pattern[str]:
    return re.compile(rf"(?<![^\W_])(?:{wire_alternation()})(?![^\W_])")


@lru_cache(maxsize=1)
def _segment_words() -> tuple[Phrases, frozenset[str], frozenset[str]]:
    """The wire codes and names of ``wire_alternation`` (case-sensitive as there) and the voice cues (as written),
    as one test, and each list: wire_credit and outlet_voice read the credit segments in one pass."""
    wires = load("wires")
    names = frozenset([*wires["codes"], *(c.upper() for c in wires["codes"]), *wires["names"]]) - {""}
    cues = frozenset(load("attribution")["voice_cues"]) - {""}
    return Phrases(names | cues, as_written=True), names, cues


def voice_cues() -> frozenset[str]:
    """The words that one of outlet_voice's forms needs (``credit_words`` finds them)."""
    return _segment_words()[2]


@page_view
def credit_words(page: Page) -> list[AbstractSet[str]]:
    """The wire names and voice cues that each of ``credit_segments`` holds (``_segment_words``)."""
    return _segment_words()[0].found_in_each([text for text, _ in credit_segments(page)])


def _names_a_wire(words: list[AbstractSet[str]]) -> list[bool]:
    """Which texts name a wire, from the words each holds: only those need the templates that name one."""
    wires = _segment_words()[1]
    return [not found.isdisjoint(wires) for found in words]


def wire_site(page: Page) -> bool:
    """The page is on a wire agency's own site, where wire copy is the original."""
    return page.domain in _wire_domains()


@lru_cache(maxsize=1)
def _wire_domains() -> frozenset[str]:
    """The agencies' domains, made once (several signals ask of every page)."""
    return frozenset(d for ds in load("wires")["domains"].values() for d in ds)


@page_view
def credit_segments(page: Page) -> list[tuple[str, Where]]:
    """The main-text paragraphs, then the short visible lines (credits often sit outside the main text), read once
    per page for the credit and source lines (and the label policy).

    Lines inside link blocks are left out: a teaser's "(With inputs from ANI)" credits the teased story.
    So are captions: "Source: Reuters" under a chart or a photo credits the data or the picture, not the text.
    """
    seen = {*page.captions, *_caption_lines(page.lines)}
    segments: list[tuple[str, Where]] = []
    for p in page.paragraphs:
        if p.text not in seen:
            seen.add(p.text)
            segments.append((p.text, known(p.locator)))
    blocks, locate = _in_blocks(page, seen), page.locate
    return segments + [(line, partial(locate, i)) for i, line in enumerate(page.lines)
                       if line not in seen and len(line) <= _SEGMENT_MAX and line not in blocks]


_AUTOMATON_CHARS = 2_000_000
"""Characters of link blocks that the ``in`` tests of a page's lines read, all told (the blocks' length times the number
of lines), above which one automaton of the lines finds them faster: 0.51 -> 0.31 ms at 1.9 million, 2.6 -> 1.1 ms at
12.8 million; below, building it costs more than the searches (0.06 -> 0.11 ms at 0.15 million)."""


def _in_blocks(page: Page, seen: set[str]) -> str | set[str]:
    """The link blocks' text, or on a page where the lines' searches would read it for long, the lines found in it:
    either way, a visible line is ``in`` it when a block holds it (no line is empty, as ``occurring`` leaves out)."""
    blocks = "\x00".join(b.text for b in page.link_blocks)  # one search, never across two blocks
    if len(blocks) * len(page.lines) <= _AUTOMATON_CHARS:
        return blocks
    return occurring({line for line in page.lines if line not in seen and len(line) <= _SEGMENT_MAX}, blocks)


_AXIS_LABEL_CHARS = 8
_AXIS_LABEL = re.compile(rf"(?=.*\d)[’'$€£¥%+\-–−\d.,:\s]{{1,{_AXIS_LABEL_CHARS}}}")


def _axis_label(line: str) -> bool:
    """A chart's last tick: "’18", "2010", "3.1%". Only short lines go to the pattern, whose look-ahead reads a whole line."""
    return len(line) <= _AXIS_LABEL_CHARS and _AXIS_LABEL.fullmatch(line) is not None


def _caption_lines(lines: list[str]) -> set[str]:
    """Short lines under a 'Chart: …' / 'Photo: …' / 'Grafik: …' line or under a chart's axis labels, as a
    text dump shows a figure's credit ('’18' then 'By The New York Times | Source: Reuters')."""
    opener = _caption_opener()
    return {line for above, line in zip(lines, lines[1:])
            if len(line) <= 120 and (opener.match(above) or _axis_label(above))}


@lru_cache(maxsize=1)
def _caption_opener() -> re.Pattern[str]:
    words = _alternation([*load("attribution")["photo_words"], *load("attribution")["chart_words"]])
    return re.compile(rf"(?i)^\[?(?:{words})(?:\s*\d+[.:]?)?\s*(?:\]|[:：|/-])")


def _domain_of(value: str) -> str | None:
    """The registrable domain (in ASCII) of an absolute URL or a bare 'example.com' name; None otherwise."""
    value = value.strip()
    if re.match(r"(?i)^(?:https?:)?//", value) or re.fullmatch(r"(?i)(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}(?:/\S*)?", value):
        domain = _ascii(registrable_domain(value))
        if domain and re.fullmatch(r"[a-z0-9-]+(?:\.[a-z0-9-]+)+", domain) and not _not_publisher(domain):
            return domain
    return None


def _ascii(domain: str | None) -> str | None:
    """'stössenseer.de' and 'xn--stssenseer-fcb.de' are one domain."""
    try:
        return domain.encode("idna").decode("ascii") if domain else None
    except UnicodeError:
        return None


def _not_publisher(domain: str) -> bool:
    """Development, placeholder and hosting domains that a misconfigured CMS writes into its canonical."""
    return bool(re.fullmatch(r"[\d.]+|.*\.(?:local|test|localhost|invalid)", domain)) or domain in load("attribution")["not_publishers"]


def _same_owner(domain: str, page: Page) -> bool:
    """One publisher under several names: bbc.co.uk / bbc.com, buzzfeed.com / buzzfeednews.com,
    economictimes.com / economictimes.indiatimes.com (the brand label, or one brand extending the other)."""
    host = urlsplit(page.url or "").hostname or ""
    brand, own = domain.split(".")[0], (_ascii(page.domain) or "").split(".")[0]
    shorter, longer = sorted((brand, own), key=len)
    return brand in host.split(".") or (len(shorter) >= 6 and longer.startswith(shorter))


def _elsewhere(domain: str | None, page: Page) -> bool:
    own = _ascii(page.domain)
    return bool(domain and own and domain != own and not _same_owner(domain, page))


class WireDateline(SignalUnit):
    name = "wire_dateline"
    description = "A news-agency dateline ('BEIJING (AP) —', '新华社北京3月5日电') opens the article text."

    def score(self, page: Page) -> Signal:
        if wire_site(page):
            return self.nothing()
        openings = [(p.text, known(p.locator)) for p in page.paragraphs[:3]]
        if not openings:  # no main text found: the first lines that read like prose
            prose = [(ln, partial(page.locate, i)) for i, ln in enumerate(page.lines) if word_count(ln) >= 10]
            openings = prose[:3]
        for text, where in openings:
            m = _dateline().search(text)
            if m:
                dateline = m.group(0).strip()
                return self.found(1.0, f'wire dateline "{dateline}"', where(), Facts(wire=wire_in(normalize(dateline))))
        return self.nothing()


class WireCredit(SignalUnit):
    name = "wire_credit"
    description = "A credit or copyright line names a wire or a syndication service ('AP writer … contributed', '© 2024 The Associated Press')."

    def score(self, page: Page) -> Signal:
        if wire_site(page):
            return self.nothing()
        closing = [(p.text, known(p.locator)) for p in page.paragraphs[-3:]]
        for key, segments in (("credit_templates", credit_segments(page)), ("closing_credit_templates", closing)):
            words = (credit_words(page) if segments is not closing
                     else _segment_words()[0].found_in_each([text for text, _ in closing]))
            every, wireless = _possible(_credits(key), [text for text, _ in segments])
            for (text, where), names_a_wire in zip(segments, _names_a_wire(words)):
                for credit in every if names_a_wire else wireless:
                    m = credit.search(text)
                    if m and not _photo_credit(text, m.start()) and not self_credit(text[m.end():], page) \
                            and not names_this_site(m.group(0), page):  # '©2015 Bloomberg L.P.' on Bloomberg
                        credit_line = _around(text, m)
                        return self.found(1.0, f'credit line "{credit_line}"', where(),
                                          Facts(wire=wire_in(normalize(credit_line))))
        return self.nothing()


def _possible(credits: tuple[list[_Credit], list[_Credit]], texts: list[str]) -> tuple[list[_Credit], list[_Credit]]:
    """``_credits`` without the templates naming no wire that none of ``texts`` matches: those are tried on every
    text, and most pages match none, which one search of the texts joined finds (``_Credit.anywhere``) in a fifth
    of the time of one search a text. (The templates naming a wire are tried only on the few texts naming one.)"""
    every, wireless = credits
    joined = "\n".join(texts)
    wireless = [c for c in wireless if c.anywhere(joined)]
    return [c for c in every if c.names_wire or c in wireless], wireless


def names_this_site(text: str, page: Page) -> bool:
    """The credited name holds one of the site's names or host labels, or is held by it ('F.A.Z.' on faz.net,
    'dailyherald.com' on the Daily Herald). Stricter than a shared word: '中国青年网' credits another '中国…网'."""
    def compact(x: str) -> str:
        return re.sub(r"[\W_]", "", x.lower())
    named = compact(text)
    # A copyright line names its holder, the wire's included: that site name would clear its own credit.
    sites = [n for n, loc in clean_names(page) if loc.source != "copyright"] + host_labels(page.url, page.domain)
    return any(len(s) >= 3 and len(named) >= 3 and (s in named or named in s) for s in map(compact, sites))


def self_credit(after: str, page: Page) -> bool:
    """'… originally published by Modern Farmer' on modernfarmer.com: a republishing notice for others."""
    credited = re.split(r"[,;:!?()\[\]“”\"]|\.(?!\w)", after.strip(), maxsplit=1)[0].strip()
    credited = re.sub(r"(?i)^(?:(?:by|on|in|at|from|auf|en|sur|su|w|на|в)\s+)+", "", credited)
    return bool(credited) and names_this_site(credited, page)


def _photo_credit(text: str, start: int) -> bool:
    """'Foto: (dpa)', '© Jane Doe (KNA)': an agency picture on an original is no copied text."""
    near = text[max(0, start - 40): start + 25]
    photo = pattern("attribution", "photo_words", whole_words=True)
    return bool(photo.search(near) or ("©" in near and not re.search(r"(?:19|20)\d\d", near)))


def _around(text: str, m: re.Match[str], width: int = 60) -> str:
    return text[max(0, m.start() - width): m.end() + width].strip()


class SourceLine(SignalUnit):
    name = "source_line"
    description = "A 'Source: X' / '来源：X' line names another outlet, or a line says the text was originally published elsewhere."

    def score(self, page: Page) -> Signal:
        best: tuple[float, str, str, Where] = (0.0, "", "", known(None))
        segments = [(text, where) for text, where in credit_segments(page) if len(text) <= _SEGMENT_MAX]
        test, *kinds = _source_words()
        found = test.found_in_each([text.lower() for text, _ in segments])
        for (text, where), words in zip(segments, found):
            if not words:
                continue  # most texts: every reading needs one of the words
            for value, kind, line in self._readings(text, page, *(not words.isdisjoint(k) for k in kinds)):
                if value > best[0]:
                    best = (value, kind, line, where)
        if best[0] == 0:
            return self.nothing()
        value, kind, line, where = best
        return self.found(value, f'{kind} line "{line}"', where(), _source_facts(normalize(line), page))

    def _readings(self, text: str, page: Page, labelled: bool, origin: bool, points: bool,
                  via: bool) -> Iterator[tuple[float, str, str]]:
        """(value, kind, the line as shown) for each way ``text`` names a source; ``labelled``, ``origin``, ``points``
        and ``via``: whether its lower case holds a source label, an origin phrase, a 'Continue reading at' or a 'via',
        which the patterns need."""
        for m in (_source_label().finditer(text) if labelled else ()):
            named = _cut_value(text[m.end():])
            value = _source_value(named, page)
            if value == UNKNOWN_SOURCE:
                value = max(_cited_address(text[m.end():], page),
                            DATED_SOURCE if _info_bar(text, m.start(), m.end()) else value)
            if value:
                yield value, "source", text[m.start():m.end()] + named
        # "via Reuters" (a pointer, weighed less), not "Via E-Mail teilen"; "Read more at Reuters", not "Read more at the
        # CDC's site": the pointed-at name must look like an outlet.
        for form, weight, kind, asked in ((_via(), 0.6, "via", via), (_read_at(), 1.0, "read-at", points)):
            m = form.match(text) if asked else None
            if m and (value := _source_value(m.group(1), page)) >= 0.6:
                yield weight * value, kind, text
        m = origin and _origin().search(text)
        if m and _origin_credit(text, m) and not self_credit(text[m.end():], page):
            yield 0.9, "origin", text


def _info_bar(text: str, start: int, end: int) -> bool:
    """'2020-02-19 20:29 来源：半月谈', 'Источник: Ambitocom 06/19/2022': a source beside a date in a short line
    (anywhere but in its label, ``text[start:end]``) names where the story came from; under a chart or a photo
    ('Source: Zillow') no date stands beside it. Portals credit their reposts so."""
    return len(text) <= _INFO_BAR_MAX and parse_date(f"{text[:start]} {text[end:]}") is not None


@lru_cache(maxsize=1)
def _source_words() -> tuple[Phrases, frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    """The source labels, the origin phrases, the read-at pointers and the via labels (lower-cased) as one test, and
    each list: one pass for all four, and the patterns run only on the texts that hold their words (a text holding
    none is not read again: 0.1 ms a page of ~120 texts went to asking each of them)."""
    labels, origins, pointers, vias = (frozenset(p.lower() for p in load("attribution")[key] if p)
                                       for key in ("source_labels", "origin_phrases", "read_at_labels", "via_labels"))
    return Phrases(labels | origins | pointers | vias), labels, origins, pointers, vias


def _source_facts(line: str, page: Page) -> Facts:
    """What a source line names: a link written in it that leaves the site, else a wire, else the
    name after its label ('Source: Riverside Courier')."""
    for link in page.links:
        domain = registrable_domain(link.href) if link.href else None
        if link.href and link.text in line and len(link.text) >= 3 and not (domain and domain == page.domain):
            return Facts(url=link.href, domain=domain, name=link.text)
    if (wire := wire_in(line)) is not None:
        return Facts(wire=wire)
    named = re.split(r"[:：]\s*", line, maxsplit=1)[-1].strip(" .")
    return Facts(name=named or None, url=named if named.startswith("http") else None)


def _origin_credit(text: str, m: re.Match[str]) -> bool:
    """An origin footer names another place; 'originally published on August 27, 2015' dates the page's own
    first version, 'in the original article, …' is prose, and a republish box shows escaped embed code."""
    if len(text) > _ORIGIN_MAX or (m.start() > 60 and len(text) > 120) or re.search(r"&lt;|&gt;|href=", text):
        return False
    rest = text[m.end():]
    if not re.search(r"\w", rest) and re.search(r"\d", text[:m.start()]):
        return False  # "3 Sept 2024 | Originally published": the date of the page's own first version
    prose_comma = rest.lstrip().startswith(",") and not _cjk(m.group(0)[-1])  # '本文系转载，版权归原作者所有' is no prose
    return not (_DATED.match(rest) or prose_comma)


def _cjk(char: str) -> bool:
    """CJK scripts (from U+2E80) write words without spaces or word boundaries."""
    return ord(char) > 0x2E7F


_DATED = re.compile(
    rf"(?i)\s*(?:on|in|at|en|am|le|el|il|im)?\s*(?:the\s+)?(?:\d|(?:{'|'.join(sorted(MONTHS, key=len, reverse=True))})\b"
    r"|(?:mon|tues|wednes|thurs|fri|satur|sun)day)")


@lru_cache(maxsize=1)
def _origin() -> re.Pattern[str]:
    """The origin phrases as whole words; a CJK phrase has no word boundary ('转载自人民网')."""
    def bounded(phrase: str) -> str:
        body = re.escape(phrase)
        body = body if _cjk(phrase[0]) else rf"(?<![^\W_]){body}"
        return body if _cjk(phrase[-1]) else rf"{body}(?![^\W_])"
    return re.compile("|".join(bounded(p) for p in sorted(load("attribution")["origin_phrases"], key=len, reverse=True)), re.I)


@lru_cache(maxsize=1)
def _source_label() -> re.Pattern[str]:
    """'Source: X' anywhere a label can start; a CJK label also after a parenthesis ('（本文来源：X）', read as
    '(本文来源:X)'), where a Latin one is a citation's ('(Quelle: SWR)'); 'Источник — X' with a dash only at a
    line's start, where a dash cannot be prose's aside."""
    every = load("attribution")["source_labels"]
    labels, cjk = _alternation(every), _alternation([x for x in every if _cjk(x[0])])
    return re.compile(rf"(?i)(?:^|(?<=[\s/\]】{BARS}]))(?:{labels})\s*[:：]\s*|(?<=[(（])(?:{cjk})\s*[:：]\s*"
                      rf"|^(?:{labels})\s+[—–]\s+")


@lru_cache(maxsize=1)
def _via() -> re.Pattern[str]:
    return re.compile(rf"^(?:{_alternation(load('attribution')['via_labels'])})\s*:?\s+(\S.{{1,80}})$")


@lru_cache(maxsize=1)
def _read_at() -> re.Pattern[str]:
    """'Continue reading at The Verge': an aggregator's excerpt sends the reader to the story's home."""
    return re.compile(rf"(?i)^(?:{_alternation(load('attribution')['read_at_labels'])})\s*:?\s+(\S.{{1,80}}?)[\s.…»›→>]*$")


def _cut_value(rest: str) -> str:
    """'新华社 作者：admin 点击：12' -> '新华社': a source value ends where the next label starts."""
    value = re.split(rf"\s+[^\s:：]{{1,12}}\s*[:：]|\s*[{BARS}]\s*|\s{{2,}}|[()（）]", rest, maxsplit=1)[0]
    return value.strip(" .,;|")


def _source_value(named: str, page: Page) -> float:
    """How strongly a source name points at another publisher (0: the site itself, a data office, a photo)."""
    if not named or len(named) > 80:
        return 0.0
    lex = "attribution"
    if pattern(lex, "self_sources", whole_words=True).match(named) or names_this_site(named, page):
        return 0.0
    if pattern(lex, "data_sources", whole_words=True).search(named):
        return 0.0
    if wire_in(named):
        return 0.0 if wire_site(page) or _picture_credit(named) else 1.0
    if pattern(lex, "internet_sources", whole_words=True).fullmatch(named):
        return 0.8
    address = _address_value(named.split()[0], page)
    if address is not None:
        return address
    if pattern(lex, "outlet_words", whole_words=True).search(named) or _cjk_outlet().search(named):
        return 0.6
    return UNKNOWN_SOURCE if word_count(named) <= 6 else 0.0


def _address_value(token: str, page: Page) -> float | None:
    """How strongly an address names another publisher (None: no address). Sites are cited for facts too: a bare
    domain says less than an article's address."""
    domain = _domain_of(token)
    if not domain:
        return None
    article = len(urlsplit(token if "//" in token else "//" + token).path) > 1
    return (0.8 if article else 0.6) if _elsewhere(domain, page) else 0.0


_ADDRESS = re.compile(r"https?://[^\s()（）<>\"']+")


def _cited_address(rest: str, page: Page) -> float:
    """'Source: Wirecutter: Reviews for the Real World (https://www.nytimes.com/wirecutter/…)': the address that a
    source's name is given with says where the story is from, though the name does not look like an outlet's."""
    return max((_address_value(m.group(0), page) or 0.0 for m in _ADDRESS.finditer(rest)), default=0.0)


@lru_cache(maxsize=1)
def _cjk_outlet() -> re.Pattern[str]:
    """'澎湃新闻', '新浪财经': CJK writes an outlet's kind at the end of its name, with no word boundary before it."""
    return re.compile(rf"(?:{_alternation(load('attribution')['cjk_outlet_endings'])})$")


_PERSON = re.compile(r"(?:[^\W\d_][\w'’.-]*\s+){1,3}[^\W\d_][\w'’.-]*")


def _picture_credit(named: str) -> bool:
    """'Martin Schutt/dpa', 'Jane Doe / Reuters': a photographer and an agency credit the picture, not the text."""
    parts = [p.strip() for p in named.split("/")]
    return len(parts) == 2 and any(_PERSON.fullmatch(p) and p[0].isupper() for p in parts)


class CanonicalElsewhere(SignalUnit):
    name = "canonical_elsewhere"
    description = "The canonical, og:url or JSON-LD url points at another publisher's domain."

    def score(self, page: Page) -> Signal:
        if page.url is None or page.domain is None:
            return self.nothing()
        for loc in sorted(page.urls, key=lambda loc: loc.source != "canonical"):
            domain = _domain_of(loc.text)
            if _elsewhere(domain, page):
                value = 1.0 if loc.source == "canonical" else 0.8
                return self.found(value, f"{loc.source} {loc.text} (page on {page.domain})", loc.locator,
                                  Facts(url=loc.text, domain=domain))
        return self.nothing()


class SyndicationMeta(SignalUnit):
    name = "syndication_meta"
    description = "A syndication-source / original-source / dc.source meta names another domain or a wire."

    def score(self, page: Page) -> Signal:
        for key in load("attribution")["syndication_meta"]:
            for value in page.meta.get(key, []):
                if _elsewhere(_domain_of(value), page):
                    return self.found(1.0, f"meta {key} = {value}", facts=_meta_facts(value))
                if not wire_site(page) and re.fullmatch(rf"\s*(?:{wire_alternation()})\s*", value):
                    return self.found(0.8, f"meta {key} = {value}", facts=_meta_facts(value))
        return self.nothing()


def _meta_facts(value: str) -> Facts:
    """A syndication meta names a wire ('AP') or an address ('https://…', 'example.com')."""
    value = normalize(value)
    return Facts(url=value if "//" in value else None, domain=registrable_domain(value), wire=wire_in(value))


SIGNALS: list[SignalUnit] = [WireDateline(), WireCredit(), SourceLine(), CanonicalElsewhere(), SyndicationMeta()]
