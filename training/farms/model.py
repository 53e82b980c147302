"""Data types of the farm page generator (re-exported by ``training.farms``)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Article:
    """A real original article to be copied."""
    id: str
    title: str
    paragraphs: list[str]
    lang: str | None
    url: str | None
    date: str | None
    author: str | None
    site_name: str | None
    html: str | None = None


@dataclass(frozen=True)
class Headline:
    """A real headline of some other article, used to fill link blocks."""
    title: str
    year: int | None
    url: str | None


@dataclass(frozen=True)
class FarmPage:
    """One generated page; ``frame`` names the site whose real page it runs on (None: our own template)."""
    family: str
    content: str
    kind: str
    url: str
    article_id: str
    frame: str | None = None
