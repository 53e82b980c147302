"""The Page model: everything the signals read, parsed once from HTML or from a text dump.

    model.py      the dataclasses
    urls.py       domains, the registrable domain, archive captures unwrapped
    lines.py      parsers of one line of text (title, breadcrumb, byline, dated label, copyright)
    selectors.py  what the HTML readers look for, as data
    html/         the HTML readers and ``parse_html`` (on lxml's tree); ``soup.py``, the same tree in bs4 for the report
    dump.py, text.py  the text-dump builder, ``parse_text``
"""

from .html import parse_html
from .html.soup import HTMLBuilder, soup_of
from .lines import (BARS, breadcrumb_from_text, byline_from_text, copyright_holder, dated_label, title_parts,
                    without_leading_date)
from .model import Link, LinkBlock, Located, Page, PageDate, page_view
from .selectors import DROP
from .text import parse_text
from .urls import absolute, addresses, registrable_domain, unarchived

_DROP = DROP  # the old private name, still imported by the report (and by branches written before the move)

__all__ = ["BARS", "DROP", "HTMLBuilder", "Link", "LinkBlock", "Located", "Page", "PageDate", "absolute", "addresses",
           "breadcrumb_from_text", "byline_from_text", "copyright_holder", "dated_label", "page_view", "parse_html",
           "parse_text", "registrable_domain", "soup_of", "title_parts", "unarchived", "without_leading_date"]
