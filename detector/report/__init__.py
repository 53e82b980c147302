"""Reports that show the reasons: one page (``page_report``) and a batch of results (``summary``).

Users look before they trust a verdict, so a report shows the evidence on the page itself. The HTML
is self-contained (no scripts, no remote resources) so it can be mailed or archived as one file.
"""

from .page_report import render_page_report, page_report

__all__ = ["page_report", "render_page_report"]
