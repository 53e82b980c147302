"""One page -> a self-contained HTML report: the verdict, every signal with its evidence, and the page
itself with the parts that fired highlighted.

Safety: the page is hostile input. It is re-parsed, scripts and plugins are dropped, event handlers
and script/data URLs removed, links disarmed, and it is shown in an ``<iframe sandbox srcdoc>``
without ``allow-scripts``. A Content-Security-Policy (which srcdoc frames inherit) blocks every
remote fetch, so opening a report does not tell the farm that someone looked.

Highlights: signals name where they saw something in HTML with a CSS path made on the tree that
``parse_html`` builds (lxml's HTML parser). The sanitiser parses with the same parser and keeps the
elements those paths pass through, so the paths select the same elements here. A text dump's evidence
is "line N", shown as numbered lines.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from importlib import resources
from string import Template
from typing import TYPE_CHECKING

from bs4 import BeautifulSoup, Comment, Tag

from ..page import DROP, Page, soup_of  # the same parser as parse_html, so css paths match

if TYPE_CHECKING:
    from ..api import Detector, Result
    from ..signals import Signal

HIT_ATTR = "data-detector-hit"  # space-separated signal names on a highlighted element
KIND_ATTR = "data-detector-kind"  # the highlight family, for colour
_EXTRA_DROP = ("embed", "applet", "frame", "frameset", "base", "link", "meta", "portal")
_URL_ATTRS = ("href", "src", "action", "formaction", "xlink:href", "background", "poster", "data", "srcset",
              "cite", "longdesc", "ping", "manifest", "codebase")
_BAD_URL = re.compile(r"^\s*(?:javascript|vbscript|data|file)\s*:", re.I)
_LINE = re.compile(r"^line (\d+)$")
# Remote fetches are blocked for the report and (by inheritance) for the srcdoc page inside it.
CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-src 'self' about:; form-action 'none'"

# The highlight families shown in the legend, by signal-name prefix (first match wins).
KINDS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("link-block", "link blocks", ("link_block",)),
    ("byline", "byline", ("byline",)),
    ("breadcrumb", "breadcrumb / category", ("category", "site_theme", "site_names")),
    ("dateline", "dateline / credit / source", ("wire_", "source_line", "canonical", "syndication")),
    ("widget", "widgets and leftovers", ("vote_widget", "view_counter", "scraper_leftovers")),
    ("date", "dates", ("page_date", "url_date")),
)


def kind_of(name: str) -> str:
    return next((k for k, _, prefixes in KINDS if name.startswith(prefixes)), "other")


@dataclass(frozen=True)
class Placed:
    """A fired signal and where the report put it (None: nowhere to point, e.g. a meta tag)."""

    signal: Signal
    where: str | None


# --------------------------------------------------------------------------------------------------
# Sanitising


def sanitize(markup: str) -> tuple[BeautifulSoup, str]:
    """Parse as ``parse_html`` does and disarm: returns the soup (body = the page) and its inline CSS.

    Returns the page's <style> text separately, for the head that ``framed_document`` rebuilds (the
    page's own is dropped).
    """
    soup = soup_of(markup)
    css = "\n".join(s.get_text() for s in soup.find_all("style"))
    for el in [el for el in soup.descendants if isinstance(el, Tag)]:
        if el.decomposed:
            continue
        if el.name in DROP or el.name == "style":
            el.decompose()
            continue
        if el.name in _EXTRA_DROP:
            # libxml2 does not know some of these are void, so an <embed> may hold the rest of the
            # page: emptied of attributes it does nothing, and the paths through it still match.
            if el.contents:
                el.attrs = {}
            else:
                el.decompose()
            continue
        for attr in list(el.attrs):
            low = attr.lower()
            value = el.attrs[attr]
            text = " ".join(value) if isinstance(value, list) else str(value)
            if low.startswith("on") or low in ("srcdoc", "formaction", "action", "target", "ping", "http-equiv"):
                del el.attrs[attr]
            elif low in _URL_ATTRS and (_BAD_URL.search(text) and not _is_data_image(el, low, text)):
                del el.attrs[attr]
            elif low == "style" and re.search(r"(?i)expression\s*\(|javascript:", text):
                del el.attrs[attr]
        if el.name == "a" and el.get("href"):  # disarmed: the target shows on hover, no navigation
            el["title"] = f"→ {el['href']}"
            el["data-href"] = el.attrs.pop("href")
    body = soup.body or soup
    for c in [d for d in body.descendants if isinstance(d, Comment)]:
        c.extract()
    return soup, css


def _is_data_image(el: Tag, attr: str, value: str) -> bool:
    return el.name == "img" and attr == "src" and value.strip().lower().startswith("data:image/") \
        and not value.strip().lower().startswith("data:image/svg")


# --------------------------------------------------------------------------------------------------
# Highlighting


def _mark(el: Tag, name: str) -> None:
    names = str(el.get(HIT_ATTR, "")).split()
    if name not in names:
        el[HIT_ATTR] = " ".join([*names, name])
    el[KIND_ATTR] = kind_of(str(el[HIT_ATTR]).split()[0])


def _select(soup: BeautifulSoup, locator: str) -> Tag | None:
    try:
        el = soup.select_one(locator)
    except Exception:  # soupsieve rejects a selector it cannot parse: no highlight, not a crash
        return None
    # A path that names the whole page highlights nothing useful.
    return el if isinstance(el, Tag) and el.name not in ("html", "body") else None


def _extra_locators(signal: Signal, page: Page) -> list[str]:
    """Where else a fired signal's subject sits: every link block, the breadcrumb the category came from.

    Link-block signals name only the first block, and ``category_unrelated`` read from a meta tag
    names no element, yet the user wants to see all blocks and the breadcrumb.
    """
    if signal.name.startswith("link_block"):
        return [b.locator for b in page.link_blocks if b.locator]
    if signal.name == "category_unrelated" and page.breadcrumb and page.breadcrumb.locator:
        return [page.breadcrumb.locator]
    return []


def highlight_html(soup: BeautifulSoup, page: Page, signals: list[Signal]) -> list[Placed]:
    """Mark the elements named by the fired signals; say for each signal where it was placed."""
    placed = []
    for s in signals:
        hits: list[str] = []
        for loc in [s.locator, *_extra_locators(s, page)]:
            el = _select(soup, loc) if loc else None
            if el is not None:
                _mark(el, s.name)
                hits.append(loc)
        placed.append(Placed(s, ", ".join(dict.fromkeys(hits)) or None))
    return placed


# --------------------------------------------------------------------------------------------------
# Rendering


def _template(name: str) -> Template:
    return Template(resources.files(__package__).joinpath("templates", name).read_text(encoding="utf-8"))


def _esc(value: object) -> str:
    return html.escape(str(value), quote=True)


FRAME_CSS = """
[data-detector-hit]{outline:3px solid var(--c,#c0392b)!important;outline-offset:2px;background:rgba(255,230,0,.18)!important;position:relative}
[data-detector-hit]::before{content:attr(data-detector-hit);display:block;font:bold 11px/1.4 monospace;color:#fff;background:var(--c,#c0392b);padding:1px 4px;margin-bottom:2px;width:max-content;max-width:100%}
[data-detector-kind=link-block]{--c:#d35400}[data-detector-kind=byline]{--c:#8e44ad}
[data-detector-kind=breadcrumb]{--c:#2471a3}[data-detector-kind=dateline]{--c:#c0392b}
[data-detector-kind=widget]{--c:#1e8449}[data-detector-kind=date]{--c:#b03a7a}
.detector-lines{font:14px/1.5 monospace;white-space:pre-wrap;margin:0;padding-left:4em}
.detector-cont{outline:3px solid var(--c);outline-offset:2px;background:rgba(255,230,0,.18)}
"""


def framed_document(soup: BeautifulSoup, css: str) -> str:
    """The sanitised page as a complete document for srcdoc (head rebuilt: the page's own was dropped)."""
    body = soup.body
    inner = str(body) if body is not None else str(soup)
    return (f'<!DOCTYPE html><html><head><meta charset="utf-8">'
            f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
            f"<style>{_safe_css(css)}</style><style>{FRAME_CSS}</style></head>{inner}</html>")


def _safe_css(css: str) -> str:
    return css.replace("</", "<\\/")  # a style text cannot close its own element


def text_document(page: Page, signals: list[Signal]) -> tuple[str, list[Placed]]:
    """A text dump shown as numbered lines, the lines that signals name highlighted."""
    marks: dict[int, list[str]] = {}
    spans: set[int] = set()  # lines that continue a highlighted block (outlined, not labelled again)
    placed = []
    for s in signals:
        where = []
        for loc in [s.locator, *_extra_locators(s, page)]:
            m = _LINE.match(loc or "")
            if m and 0 < int(m.group(1)) <= len(page.lines):
                n = int(m.group(1))
                if s.name not in marks.setdefault(n, []):
                    marks[n].append(s.name)
                where.append(f"line {n}")
                if s.name.startswith("link_block"):  # the heading line, then one line per headline
                    size = next((len(b.links) for b in page.link_blocks if b.locator == loc), 0)
                    spans.update(range(n + 1, min(n + size, len(page.lines)) + 1))
        placed.append(Placed(s, ", ".join(dict.fromkeys(where)) or None))
    items = []
    for n, line in enumerate(page.lines, 1):
        names = marks.get(n)
        if names:
            attrs = f' {HIT_ATTR}="{_esc(" ".join(names))}" {KIND_ATTR}="{kind_of(names[0])}"'
        elif n in spans:
            attrs = f' class="detector-cont" {KIND_ATTR}="link-block"'
        else:
            attrs = ""
        items.append(f'<li id="line-{n}"{attrs}>{_esc(line)}</li>')
    doc = (f'<!DOCTYPE html><html><head><meta charset="utf-8">'
           f'<meta http-equiv="Content-Security-Policy" content="{CSP}"><style>{FRAME_CSS}</style></head>'
           f'<body><ol class="detector-lines">{"".join(items)}</ol></body></html>')
    return doc, placed


def render_page_report(markup: str, page: Page, result: Result, *, name: str = "", back: str | None = None) -> str:
    """The report for a page already read (``markup``: its decoded HTML or text) and scored.

    ``back``: a link to show above the report (the served page links back to its form).
    """
    fired = result.reasons
    if page.kind == "html":
        soup, css = sanitize(markup)
        placed = highlight_html(soup, page, fired)
        framed = framed_document(soup, css)
    else:
        framed, placed = text_document(page, fired)
    rows = "\n".join(
        f'<tr class="kind-{kind_of(p.signal.name)}"><td><code>{_esc(p.signal.name)}</code></td>'
        f"<td>{p.signal.value:.2f}</td><td>{_esc(p.signal.evidence)}</td>"
        f'<td>{_where(p)}</td></tr>' for p in placed)
    original = result.original_evidence
    counted = {s.name for s in fired} | {s.name for s in original}
    quiet = ", ".join(f"{_esc(s.name)} {s.value:.2f}" for s in result.signals if s.name not in counted) or "none"
    shown = "; ".join(f"<code>{_esc(s.name)}</code> {s.value:.2f}: {_esc(s.evidence)}" for s in original) or "none"
    legend = " ".join(f'<span class="chip kind-{k}">{_esc(label)}</span>' for k, label, _ in KINDS)
    label = result.label
    return _template("page.html").substitute(
        csp=CSP,
        title=_esc(f"{label.upper()} — {name or result.url or 'page'}"),
        label=_esc(label), label_upper=_esc(label.upper()),
        probability=f"{result.probability:.3f}", threshold=f"{result.threshold:.2f}",
        name=_esc(name or "-"), url=_esc(result.url or "-"), kind=_esc(result.kind),
        truncated="yes (cut at the size limit)" if result.truncated else "no",
        source=_source(result), matches=_matches(result),
        copies="; ".join(f"{_esc(c.relation)}: {_esc(c.url or c.id)} (containment {c.containment:.2f})"
                         for c in result.copies) or "none (or not cross-checked: <code>Detector.crosscheck</code>)",
        n_fired=len(fired), rows=rows or '<tr><td colspan="4">no signal fired</td></tr>',
        quiet=quiet, original=shown, legend=legend,
        srcdoc=_esc(framed),
        back=f'<p><a id="back" href="{_esc(back)}">score another page</a></p>' if back else "",
    )


def _source(result: Result) -> str:
    """The most likely original (``provenance.source_of``), as text: the page's addresses are not links here."""
    src = result.source
    if src is None:
        return "none named" if result.label == "republished" else "-"
    named = " ".join(_esc(x) for x in (src.name, src.url) if x)
    return f"{_esc(src.kind)}: {named} <small>(from <code>{_esc(src.signal)}</code>)</small>"


def _matches(result: Result) -> str:
    """The reference index's best originals (``--reference``), or why there are none."""
    if not result.matches:
        return "-" if not any(s.name == "reference_match" for s in result.signals) else "none in the index"
    return "<br>".join(f"{_esc(m.url or m.id)} <small>containment {m.containment:.2f}, jaccard {m.jaccard:.2f}</small>"
                       for m in result.matches)


def _where(p: Placed) -> str:
    if p.where:
        return f'<span class="placed">highlighted</span> <code>{_esc(p.where)}</code>'
    if p.signal.locator:
        return f'<span class="unplaced">not found in the page</span> <code>{_esc(p.signal.locator)}</code>'
    return '<span class="unplaced">metadata / whole page</span>'


def page_report(detector: Detector, content: bytes | str, *, url: str | None = None, kind: str | None = None,
                name: str = "", back: str | None = None) -> tuple[str, Result]:
    """Read, score and render one page; returns (report HTML, result)."""
    from ..reading import read

    doc = read(content, max_bytes=detector.max_bytes, kind=kind)
    page = detector.page(doc.text, url, kind=doc.kind)
    page.encoding, page.truncated = doc.encoding, doc.truncated
    result = detector.score_page(page)
    return render_page_report(doc.text, page, result, name=name, back=back), result


__all__ = ["CSP", "HIT_ATTR", "KIND_ATTR", "page_report", "render_page_report", "sanitize", "kind_of"]
