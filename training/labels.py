"""The label policy for corpus originals: which ones carry another outlet's story.

Every corpus page was collected as a publisher's page, but a few carry wire copy or a reprint. Such
a page is republished when its main text carries one of these markers:

- a wire dateline ("PARIS (Reuters) –", "新华社北京5月9日电"): the ``wire_dateline`` signal;
- a wire copyright line with a year ("© 2008 AFP", "Copyright 2008 The Associated Press",
  "(c) Press Association 2012"), which also covers the closing copyright of PA and AAP;
- an agency's "All rights reserved" ("Reuters. All rights reserved.");
- a reprint notice ("originally published", "appeared first on", "republished with permission");
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
from detector.signals.attribution import wire_site
from detector.signals.identity import host_labels

_DECLARED = {"wire_dateline": "wire dateline", "canonical_elsewhere": "canonical/og:url on another domain",
             "syndication_meta": "syndication meta naming another source"}
WINDOW = 40  # characters between a copyright mark, its year and the wire it names

_REPRINT = re.compile(
    r"(?i)\b(?:originally (?:published|appeared)|(?:first )?appeared first (?:on|in)|first appeared (?:on|in)|"
    r"(?:re(?:published|printed|posted)) (?:here )?with (?:the )?permission)\b[^.\n]{0,80}")
_NOT_A_REPRINT = re.compile(r"(?i)\b(?:at \d|on (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|in (?:19|20)\d\d|"
                            r"(?:19|20)\d\d\b(?! by))")  # update notes: "originally published at 2:05 p.m."


@lru_cache(maxsize=1)
def _wires() -> re.Pattern[str]:
    lexicon = load("wires")
    names = sorted({*lexicon["names"], *lexicon["codes"]}, key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, names)) + r")(?![\w-])")


@lru_cache(maxsize=1)
def _copyright_year() -> re.Pattern[str]:
    wire = _wires().pattern
    mark = r"(?:©|\(c\)|copyright)"
    year = r"(?:19|20)\d\d"
    return re.compile(rf"(?i:{mark})[^\n]{{0,{WINDOW}}}?{year}[^\n]{{0,{WINDOW}}}?{wire}|"
                      rf"(?i:{mark})[^\n]{{0,{WINDOW}}}?{wire}[^\n]{{0,{WINDOW}}}?{year}")


@lru_cache(maxsize=1)
def _rights_reserved() -> re.Pattern[str]:
    return re.compile(_wires().pattern + rf"[^\n]{{0,{WINDOW}}}?(?i:all rights reserved)")


def relabel_marker(page: Page, signals: list[Signal]) -> str | None:
    """The policy's marker in ``page``'s main text, quoted, or None for a publisher's own story."""
    if wire_site(page):
        return None
    for s in signals:
        if s.name in _DECLARED and s.fired:
            return f"{_DECLARED[s.name]}: {s.evidence}"
    for paragraph in page.paragraphs:
        text = paragraph.text
        for what, found in (("wire copyright line", _copyright_year().search(text)),
                            ("agency's all rights reserved", _rights_reserved().search(text)),
                            ("reprint notice", _reprint(text, page))):
            if found:
                return f'{what}: "{found.group(0).strip()[:120]}"'
    return None


def _reprint(text: str, page: Page) -> re.Match[str] | None:
    m = _REPRINT.search(text)
    if not m or _NOT_A_REPRINT.search(m.group(0)):
        return None
    rest = re.sub(r"[\W_]", "", m.group(0).lower())
    own = [re.sub(r"[\W_]", "", name.lower()) for name in host_labels(page.url, page.domain)]
    return None if any(len(o) >= 3 and o in rest for o in own) else m
