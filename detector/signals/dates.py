"""Dates: does the page's own date fit the events in its text, its URL and its other date fields?

A farm stamps its own date on a story it collected weeks or months later, so the text's latest
event lies long before the page date, and the date in a kept URL or meta tag disagrees with the
stamp. An update a few days later is normal; each signal grows with the gap and ignores small ones.
"""

from __future__ import annotations

import re
from datetime import date

from ..page import Page, PageDate
from ..text import find_dates
from .base import Signal, SignalUnit

_SLACK_DAYS = 3  # time zones and next-day print editions
_URL_DATES = (
    re.compile(r"(?<!\d)((?:19|20)\d\d)[/_-](\d\d)[/_-](\d\d)(?!\d)"),  # /2019/05/31/, -2019-05-31
    re.compile(r"(?<![\d.])((?:19|20)\d\d)(\d\d)(\d\d)(?![\d.])"),  # /20190531/, -20190531.html
)


_UPDATED = re.compile(r"(?i)updat|modif|revis|aktualisiert|geändert|actualizad|mis à jour|mise à jour|aggiornat|更新|修改|編集")


def _published_dates(page: Page) -> list[PageDate]:
    """Publication claims only: not JSON-LD dateCreated (drafts start early), not visible 'Updated:' lines."""
    out = []
    for d in page.dates:
        if d.source == "json-ld dateCreated":
            continue
        if d.line is not None and _UPDATED.search(page.lines[d.line]):
            continue
        out.append(d)
    return out


def _ramp(days: float, lo: float, hi: float) -> float:
    """0 up to ``lo`` days, 1 from ``hi`` days, linear between."""
    return max(0.0, min(1.0, (days - lo) / (hi - lo)))


def _page_date(page: Page) -> PageDate | None:
    """The page's earliest own date: the claim most favourable to the page being the original."""
    return min(page.dates, key=lambda d: d.value, default=None)


def url_date(url: str | None) -> date | None:
    """The full date written in a URL's path, if any."""
    path = re.sub(r"^[a-z]+://[^/]+", "", url or "", flags=re.I)
    for pat in _URL_DATES:
        for m in pat.finditer(path):
            try:
                return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            except ValueError:
                continue
    return None


class PageDateAfterEvents(SignalUnit):
    name = "page_date_after_events"
    description = "The page is dated long after the latest full date written in its main text (0 under ~60 days, 1 over a year)."

    def score(self, page: Page) -> Signal:
        own = _page_date(page)
        if own is None:
            return self.nothing()
        latest, where = None, None
        for p in page.paragraphs:
            for d in find_dates(p.text):
                if d <= own.value and (latest is None or d > latest):  # later dates are plans, not events
                    latest, where = d, p
        if latest is None or where is None:
            return self.nothing()
        gap = (own.value - latest).days
        value = _ramp(gap, 60, 365)
        if not value:
            return self.nothing()
        return self.found(value, f"page dated {own.value} ({own.source}) but the text's latest date is {latest} "
                                 f"({gap} days earlier): '{where.text[:80]}'", where.locator)


class UrlDateMismatch(SignalUnit):
    name = "url_date_mismatch"
    description = "The date in the page's URL differs from the page's own date by more than a few days."

    def score(self, page: Page) -> Signal:
        in_url = url_date(page.url)
        if in_url is None or not page.dates:
            return self.nothing()
        nearest = min(page.dates, key=lambda d: abs((d.value - in_url).days))
        gap = abs((nearest.value - in_url).days)
        value = _ramp(gap, _SLACK_DAYS, 60)
        if not value:
            return self.nothing()
        return self.found(value, f"URL says {in_url} but the page is dated {nearest.value} ({nearest.source})", nearest.locator)


class PageDatesDisagree(SignalUnit):
    name = "page_dates_disagree"
    description = "The page's own date fields (JSON-LD, meta, time element, visible text) disagree by more than a few days."

    def score(self, page: Page) -> Signal:
        dates = _published_dates(page)
        if len(dates) < 2:
            return self.nothing()
        first, last = min(dates, key=lambda d: d.value), max(dates, key=lambda d: d.value)
        gap = (last.value - first.value).days
        value = _ramp(gap, _SLACK_DAYS, 180)
        if not value:
            return self.nothing()
        return self.found(value, f"page dates disagree: {first.value} ({first.source}) vs {last.value} ({last.source})",
                          last.locator or first.locator)


SIGNALS: list[SignalUnit] = [PageDateAfterEvents(), UrlDateMismatch(), PageDatesDisagree()]
