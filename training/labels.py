"""The label policy for corpus originals: which ones carry another outlet's story.

Every corpus page was collected as a publisher's page, but a few carry wire copy or a reprint. Such
a page is republished when its main text, or a credit line beside it (a short visible line outside
link blocks and captions, where sites print "© 2016 The Associated Press. All rights reserved."),
carries one of these markers:

- a wire dateline ("PARIS (Reuters) –", "新华社北京5月9日电"): the ``wire_dateline`` signal;
- a wire copyright line with a year ("© 2008 AFP", "Copyright 2008 The Associated Press",
  "(c) Press Association 2012"), which also covers the closing copyright of PA and AAP; the wire must
  hold the copyright ("©2025 Luigi Lavazza SPA" is a company, not the Saudi Press Agency), and a
  photographer's credit ("Copyright Jane Doe/Copyright 2024 The AP") credits a picture;
- an agency's "All rights reserved" ("Reuters. All rights reserved.");
- a reprint notice that names where ("originally published on …", "appeared first on …",
  "republished with permission of …", "republished from …"); "Originally published November 9" dates the page's own story;
- a byline that is only a news agency or a wire desk ("dpa", "The Associated Press", "Staff and
  wire reports") with no person beside it: the page carries the agency's copy;
- and, outside the text, the page's own declaration that the story is another site's: a canonical,
  og:url or JSON-LD url on another publisher's domain, or a syndication-source meta naming one.

A bare agency name is not enough: it is usually a photo or chart credit ("Source: Reuters"). An
agency on its own site is the original, and so is a site that reprints its own story.
"""

from __future__ import annotations

import re
from functools import lru_cache

from detector.lexicons import load
from detector.page import Page
from detector.signals import Signal
from detector.signals.attribution import credit_segments, wire_site
from detector.signals.identity import host_labels

_DECLARED = {"wire_dateline": "wire dateline", "canonical_elsewhere": "canonical/og:url on another domain",
             "syndication_meta": "syndication meta naming another source"}
WINDOW = 40  # characters between a copyright mark, its year and the wire it names
_PICTURE = re.compile(r"(?i)[^\W\d_]\s*/\s*(?:©|\(c\)|copyright)")  # "Copyright Jane Doe/Copyright 2024 The AP"

_REPRINT = re.compile(
    r"(?i)\b(?:originally (?:published|appeared)|(?:first )?appeared first|first appeared|"
    r"(?:re(?:published|printed|posted)) (?:here )?with (?:the )?permission)\s+(?:on|in|at|by|from|of|for)\s+\S[^.\n]{0,80}|"
    r"\bre(?:published|printed|posted) from\s+\S[^.\n]{0,80}")  # "This article is republished from The Conversation"
_NOT_A_REPRINT = re.compile(r"(?i)\b(?:at \d|(?:on |in )?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d|"
                            r"in (?:19|20)\d\d|(?:19|20)\d\d(?! by))")  # update notes: "originally published at 2:05 p.m."


@lru_cache(maxsize=1)
def _wires() -> re.Pattern[str]:
    lexicon = load("wires")
    names = sorted({*lexicon["names"], *lexicon["codes"]}, key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, names)) + r")(?![\w-])")


@lru_cache(maxsize=1)
def _copyright_year() -> re.Pattern[str]:
    wire = _wires().pattern
    marks = r"(?:(?i:©|\(c\)|copyright)\s*)+"
    year = r"\(?(?:19|20)\d\d\)?"
    holder = rf"(?:(?i:the)\s+)?{wire}"  # the wire holds the copyright: not "© 2025 Luigi Lavazza SPA"
    return re.compile(rf"{marks}{year}[\s,.]*{holder}|{marks}{holder}[\s,.]{{0,{WINDOW}}}?{year}")


@lru_cache(maxsize=1)
def _rights_reserved() -> re.Pattern[str]:
    """"Reuters. All rights reserved.": the wire opens the line or follows a mark or a year, as a holder does."""
    return re.compile(rf"(?:^|(?<=[©.;:|\d])\s*|(?<=(?i:the))\s+){_wires().pattern}[^\n]{{0,{WINDOW}}}?(?i:all rights reserved)")


def relabel_marker(page: Page, signals: list[Signal]) -> str | None:
    """The policy's marker in ``page``'s main text, quoted, or None for a publisher's own story."""
    if wire_site(page):
        return None
    for s in signals:
        if s.name in _DECLARED and s.fired:
            return f"{_DECLARED[s.name]}: {s.evidence}"
    for text, _ in credit_segments(page):
        picture = _PICTURE.search(text)
        for what, found in (("wire copyright line", None if picture else _copyright_year().search(text)),
                            ("agency's all rights reserved", None if picture else _rights_reserved().search(text)),
                            ("reprint notice", _reprint(text, page))):
            if found:
                return f'{what}: "{found.group(0).strip()[:120]}"'
    wire_byline = next((s for s in signals if s.name == "byline_wire" and s.fired), None)
    return f"agency byline: {wire_byline.evidence}" if wire_byline else None


def _reprint(text: str, page: Page) -> re.Match[str] | None:
    m = _REPRINT.search(text)
    if not m or _NOT_A_REPRINT.search(m.group(0)):
        return None
    rest = re.sub(r"[\W_]", "", m.group(0).lower())
    own = [re.sub(r"[\W_]", "", name.lower()) for name in host_labels(page.url, page.domain)]
    return None if any(len(o) >= 3 and o in rest for o in own) else m
