"""The page as BeautifulSoup sees it, for the report's sanitised copy: the same tree as ``tree.parse``'s (both
are lxml's HTML parser), so the CSS paths of the Page's evidence (``tree.Paths``) select the same elements here.
"""

from __future__ import annotations

import warnings

from bs4 import BeautifulSoup, MarkupResemblesLocatorWarning, XMLParsedAsHTMLWarning
from bs4.builder import LXMLTreeBuilder


class HTMLBuilder(LXMLTreeBuilder):
    """bs4's lxml HTML builder without the namespace bookkeeping it does for XML on every start tag.

    lxml's HTML parser reports no namespaces, so each tag's attributes can go to bs4 as they come:
    a fifth less build time for the same tree (tests/test_page.py compares it with stock bs4's).
    """

    def start(self, tag: str, attrib: dict, nsmap: dict | None = None) -> None:
        self.soup.handle_starttag(tag, None, None, dict(attrib), namespaces=self.active_namespace_prefixes[-1])


def soup_of(html: str) -> BeautifulSoup:
    """BeautifulSoup on lxml's HTML parser.

    Class and rel stay strings, as lxml gives them (multi_valued_attributes=None: splitting every class
    attribute costs bs4 a seventh of its build time), in plain dicts (bs4's own attribute dict checks
    every value it is given, and lxml's are always strings).
    """
    with warnings.catch_warnings():
        # Some pages are XHTML served as HTML; lxml's HTML builder reads them fine. A page that is only
        # an address or a file name is still a page to read, not a mistaken call.
        warnings.simplefilter("ignore", XMLParsedAsHTMLWarning)
        warnings.simplefilter("ignore", MarkupResemblesLocatorWarning)
        return BeautifulSoup(html, builder=HTMLBuilder(multi_valued_attributes=None, attribute_dict_class=dict))
