"""Imported once by the workers' fork server (``budget.worker_context``): reads, parses and runs
every signal on a small page of each kind, so that what the code builds on first use (compiled
patterns, lexicons, automata) is built there once and shared by every worker forked from it. Else
each worker's first page paid for it, 0.2-0.6 s of that page's time budget, again in every worker
that replaces a stopped one. No model is loaded here (see ``budget.worker_context``)."""

from .page import parse_html
from .reading import read
from .signals import extract
from .text_page import parse_text

_HTML = ("<html><head><title>Bridge vote - The Courier</title></head><body><nav><a href='/news'>News</a></nav>"
         "<article><h1>Bridge vote</h1><p class='byline'>By Ann Lee, Staff Writer | March 3, 2024</p>"
         "<p>SPRINGFIELD (AP) — The council voted on the bridge on Tuesday. Source: The Courier</p></article>"
         "<aside><h3>Related</h3><a href='/a'>Another story</a></aside><footer>© 2024 The Courier</footer></body></html>")
_TEXT = "Bridge vote\n\nBy Ann Lee\nMarch 3, 2024\n\nSPRINGFIELD (AP) — The council voted on the bridge on Tuesday.\n"

for content, build in ((_HTML, parse_html), (_TEXT, parse_text)):
    try:
        extract(build(read(content).text, "https://www.courier.example/2024/03/03/bridge-vote"))
    except Exception:  # noqa: BLE001 - a warm-up only: a bug here must not stop the fork server; a page that meets it says so
        pass
