"""Plain-text dumps of farm pages.

Mimics what a reader gets from a page without its markup:

* ``copy``  -- a browser's "select all, copy": block texts one per line,
  blank lines after paragraphs/headings, list items without bullets,
  table cells separated by tabs;
* ``lynx``  -- ``lynx -dump``: 3-space indent, ``*`` bullets, ``[n]`` link
  numbers, wrapping near 76 columns and (usually) a ``References`` list;
* ``w3m``   -- ``w3m -dump``: no indent, ``•`` bullets, ``[alt]`` images,
  optional wrapping at 80 columns.

Only the standard library is used.
"""

from __future__ import annotations

import random
import re
import textwrap
from html.parser import HTMLParser
from urllib.parse import urljoin

BLOCK_TAGS = {
    "p", "div", "section", "article", "aside", "header", "footer", "nav", "main", "h1", "h2", "h3",
    "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd", "table", "tr", "form", "blockquote", "pre",
    "center", "figure", "figcaption", "address", "caption", "tbody", "thead", "fieldset", "legend",
}
MARGIN_TAGS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "dl", "table", "blockquote", "pre", "figure", "form"}
SKIP_TAGS = {"script", "style", "noscript", "template", "head", "svg", "iframe", "object", "select", "textarea", "title"}
VOID_TAGS = {"br", "img", "input", "hr", "meta", "link", "area", "base", "col", "embed", "param", "source", "track", "wbr"}
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}


class _Dumper(HTMLParser):
    def __init__(self, mode: str, rng: random.Random):
        super().__init__(convert_charrefs=True)
        self.mode = mode
        self.rng = rng
        self.lines: list[tuple[str, str, int]] = []   # (text, kind, list depth); kind "" = blank
        self.buf: list[str] = []
        self.kind = "text"
        self.skip = 0
        self.depth = 0
        self.pre = 0
        self.links: list[str] = []
        self.hidden_stack: list[str] = []
        self.base = ""

    # -- helpers --------------------------------------------------------
    def flush(self):
        text = "".join(self.buf)
        self.buf = []
        if not self.pre:
            text = re.sub(r"\s+", " ", text).strip()
        if text.strip():
            self.lines.append((text, self.kind, self.depth))
        self.kind = "text"

    def blank(self):
        if self.lines and self.lines[-1][1] != "":
            self.lines.append(("", "", 0))

    # -- parser callbacks -------------------------------------------------
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if not self.base:
            if tag == "base" and a.get("href"):
                self.base = a["href"]
            elif tag == "link" and (a.get("rel") or "").lower() == "canonical" and a.get("href"):
                self.base = a["href"]
            elif tag == "meta" and a.get("property") == "og:url" and a.get("content"):
                self.base = a["content"]
        style = (a.get("style") or "").replace(" ", "").lower()
        if tag in SKIP_TAGS or "display:none" in style or "hidden" in a:
            if tag not in VOID_TAGS:
                self.skip += 1
                self.hidden_stack.append(tag)
            return
        if self.skip:
            if tag not in VOID_TAGS and tag == self.hidden_stack[-1]:
                self.skip += 1
                self.hidden_stack.append(tag)
            return
        if tag in BLOCK_TAGS:
            self.flush()
            if tag in ("ul", "ol", "dl"):
                self.depth += 1
            if tag == "li":
                self.kind = "li"
            elif tag in HEADINGS:
                self.kind = "h"
            elif tag == "pre":
                self.pre += 1
        elif tag == "br":
            self.flush()
        elif tag in ("td", "th"):
            if self.buf and "".join(self.buf).strip():
                self.buf.append("\t" if self.mode == "copy" else "  ")
        elif tag == "a" and self.mode == "lynx":
            href = a.get("href") or ""
            if href and not href.startswith(("#", "javascript:")):
                self.links.append(href)
                self.buf.append(f"[{len(self.links)}]")
        elif tag == "img":
            alt = (a.get("alt") or "").strip()
            if self.mode == "lynx":
                self.buf.append(f"[{alt}]" if alt else ("[IMG]" if self.rng.random() < 0.5 else ""))
            elif self.mode == "w3m" and alt:
                self.buf.append(f"[{alt}]")
        elif tag == "input":
            typ = (a.get("type") or "text").lower()
            if self.mode != "copy":
                if typ in ("text", "search"):
                    self.buf.append("____________________")
                elif typ in ("submit", "button"):
                    self.buf.append(f"[{a.get('value') or 'Submit'}]")
        elif tag == "hr":
            self.flush()
            if self.mode == "lynx":
                self.lines.append(("_" * 72, "hr", 0))
            elif self.mode == "w3m":
                self.lines.append(("─" * 40, "hr", 0))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        if self.skip:
            if self.hidden_stack and tag == self.hidden_stack[-1]:
                self.hidden_stack.pop()
                self.skip -= 1
            return
        if tag in BLOCK_TAGS:
            self.flush()
            if tag in ("ul", "ol", "dl"):
                self.depth = max(0, self.depth - 1)
            if tag == "pre":
                self.pre = max(0, self.pre - 1)
            if tag in MARGIN_TAGS:
                self.blank()

    def handle_data(self, data):
        if not self.skip:
            self.buf.append(data)


def _render(lines, mode: str, rng: random.Random, links: list[str]) -> str:
    out: list[str] = []
    blank_p = rng.random() < 0.7          # copy mode: keep blank lines between blocks?
    wrap = mode == "lynx" or (mode == "w3m" and rng.random() < 0.5)
    width = 76 if mode == "lynx" else 80
    bullet = {"lynx": "* ", "w3m": "• "}.get(mode, "")
    if mode == "copy" and rng.random() < 0.2:
        bullet = "- "
    for text, kind, depth in lines:
        if kind == "":
            if mode != "copy" or blank_p:
                out.append("")
            continue
        if mode == "lynx":
            indent = "   " if kind != "h" or rng.random() < 0.7 else ""
            if kind == "li":
                indent = "   " + "  " * max(0, depth) + bullet
                sub = " " * len(indent)
            else:
                sub = indent
        elif mode == "w3m":
            indent = ("  " * max(0, depth - 1) + bullet) if kind == "li" else ""
            sub = " " * len(indent)
        else:
            indent = bullet if kind == "li" else ""
            sub = ""
        if wrap and kind != "hr":
            spaced = " " in text
            wrapped = textwrap.wrap(text, width=width, initial_indent=indent, subsequent_indent=sub,
                                    break_long_words=not spaced, break_on_hyphens=False) or [indent]
            out.extend(wrapped)
        else:
            out.append(indent + text)
    # collapse runs of blank lines, trim
    res: list[str] = []
    for ln in out:
        ln = ln.rstrip()
        if ln == "" and (not res or res[-1] == ""):
            continue
        res.append(ln)
    while res and res[-1] == "":
        res.pop()
    text = "\n".join(res)
    if mode == "lynx" and links and rng.random() < 0.8:
        refs = "\n".join(f"{i:4d}. {u}" for i, u in enumerate(links, 1))
        head = "References" if rng.random() < 0.8 else "Visible links"
        text += f"\n\n{head}\n\n{refs}"
    return text + "\n"


def to_text_dump(html: str, rng: random.Random, mode: str | None = None) -> str:
    """What "select all, copy" or a text-mode browser gives for ``html``."""
    if mode is None:
        r = rng.random()
        mode = "copy" if r < 0.5 else ("lynx" if r < 0.8 else "w3m")
    d = _Dumper(mode, rng)
    d.feed(html)
    d.close()
    d.flush()
    links = d.links
    if d.base.startswith(("http://", "https://")):
        links = [_joined(d.base, u) for u in links]
    return _render(d.lines, mode, rng, links)


def _joined(base: str, href: str) -> str:
    """``href`` made absolute as a browser lists it; a malformed one ('http://[ccpa-preferences]') as written."""
    try:
        return urljoin(base, href)
    except ValueError:
        return href
