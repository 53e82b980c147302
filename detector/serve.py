"""``detector serve``: a small local web page and JSON API, on 127.0.0.1 only.

The page scores pasted HTML or text, an uploaded file, or a URL, and answers with the same report as
``detector report``. It needs no JavaScript: a plain form posts to /report. The JSON API,
POST /api/score, takes {"html"|"text"|"url", "page_url"?} and returns ``Result.to_dict()``.

Flask does the HTTP; requests are capped in size (Flask's MAX_CONTENT_LENGTH answers 413 before the
body is read), and URLs go through ``detector.fetch`` (http/https only, public addresses only unless
``allow_private``, a deadline, a size cap). It binds the loopback interface only, and it must not
become a door for other web pages either:
- the Host header must be a localhost name (or one of ``allowed_hosts``): a DNS-rebinding page, whose
  own name now points at 127.0.0.1, sends its own name and is refused;
- a POST whose Origin (or Sec-Fetch-Site) says it came from another site is refused, so that no web
  page can make this server fetch or score on its behalf;
- pages are scored in a small pool of worker processes (``detector.budget``) with a hard time and
  memory budget per page and a bounded queue: past it, requests get 503 at once. A flood of big
  hostile pages must not make a normal page wait either: pages wait smallest first, and pages over
  ``budget.SMALL_PAGE_BYTES`` may hold all workers but one.
"""

from __future__ import annotations

import html
import re
from operator import methodcaller
from collections.abc import Callable, Iterable
from importlib import resources
from string import Template
from typing import TYPE_CHECKING, Any

from flask import Flask, Response, jsonify, request

from .budget import Budget, Busy, LocalPool, WorkerPool
from .fetch import FetchError, fetch
from .reading import DEFAULT_MAX_BYTES, ReadError
from .report.page_report import CSP, page_report

if TYPE_CHECKING:
    from .api import Detector

HOST = "127.0.0.1"
LOCAL_NAMES = ("localhost", "127.0.0.1", "[::1]")
MAX_UPLOAD = 8_000_000
_HOST_PORT = re.compile(r"(\[[^\]]*\]|[^:]*)(?::\d*)?")
INDEX_CSP = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'"


class InputError(ValueError):
    """The request names no page, or one that cannot be read; the message is shown to the user."""


def create_app(detector: Detector | None = None, *, max_upload: int = MAX_UPLOAD,
               factory: Callable[[], Detector] | None = None, budget: Budget | None = None, workers: int = 2,
               queue_limit: int = 8, allow_private: bool = False, allowed_hosts: Iterable[str] = ()) -> Flask:
    """The app around one Detector (the shipped model unless one is given). With ``factory`` (a
    picklable way to build it), pages are scored in ``workers`` processes under ``budget``; else in
    the request threads, ``workers`` at a time. Either way ``queue_limit`` more of each size class
    may wait, and one of several workers is kept for pages of normal size (``budget._Lanes``)."""
    if detector is None and factory is None:
        from .api import Detector

        detector = Detector()
    lanes = {"size": workers, "queue_limit": queue_limit, "reserved": 1 if workers > 1 else 0}
    pool = (WorkerPool(factory, budget or Budget(None), **lanes) if factory is not None
            else LocalPool(detector, **lanes))
    max_bytes = detector.max_bytes if detector is not None else DEFAULT_MAX_BYTES
    hosts = {h.lower() for h in (*LOCAL_NAMES, *allowed_hosts)}
    app = Flask(__name__)
    app.extensions["detector.pool"] = pool
    app.config["MAX_CONTENT_LENGTH"] = max_upload
    index = Template(resources.files("detector.report").joinpath("templates", "serve.html").read_text("utf-8"))

    def page(message: str = "", status: int = 200) -> Response:
        body = index.substitute(message=f'<p class="error" id="error">{html.escape(message)}</p>' if message else "",
                                max_mb=f"{max_upload / 1e6:g}")
        return Response(body, status, {"Content-Security-Policy": INDEX_CSP})

    def content_of(fields: dict, files: dict | None = None) -> tuple[bytes | str, str | None, str | None, str]:
        """(content, page url, kind, name) from whichever input the user filled in."""
        kind = fields.get("kind") if fields.get("kind") in ("html", "text") else None
        page_url = (fields.get("page_url") or "").strip() or None
        upload = (files or {}).get("file")
        if upload is not None and upload.filename:
            return upload.read(), page_url, kind, upload.filename
        for key in ("html", "text", "content"):
            value = fields.get(key)
            if isinstance(value, str) and value.strip():
                return value, page_url, kind or {"html": "html", "text": "text"}.get(key), f"pasted {key}"
        url = (fields.get("url") or "").strip()
        if url:
            try:
                body, final = fetch(url, max_bytes=max_bytes, allow_private=allow_private)
            except FetchError as exc:
                raise InputError(str(exc)) from None
            return body, page_url or final, kind, url
        raise InputError("nothing to score: paste HTML or text, choose a file, or give a URL")

    @app.get("/")
    def home() -> Response:
        return page()

    @app.post("/report")
    def report() -> Response:
        try:
            content, page_url, kind, name = content_of(request.form.to_dict(), request.files.to_dict())
            body, _ = pool.call(page_report, content, url=page_url, kind=kind, name=name, back="/", cost=len(content))
        except (InputError, ReadError) as exc:
            return page(str(exc), 400)
        except Busy as exc:
            return page(f"the server is {exc}", 503)
        return Response(body, 200, {"Content-Security-Policy": CSP})

    @app.post("/api/score")
    def score() -> tuple[Response, int]:
        fields = request.get_json(silent=True)
        if not isinstance(fields, dict):
            return jsonify(error="send a JSON object with one of: html, text, url"), 400
        try:
            content, page_url, kind, _ = content_of(fields)
            # methodcaller, not a function of this module: a worker that unpickled one would import
            # Flask with it (0.3-1 s, seen as the first page each worker answered)
            result = pool.call(methodcaller("score", content, page_url, kind=kind), cost=len(content)).to_dict()
        except (InputError, ReadError) as exc:
            return jsonify(error=str(exc)), 400
        except Busy as exc:
            return jsonify(error=f"the server is {exc}"), 503
        return jsonify(result), 200

    @app.before_request
    def guard() -> Response | None:
        """Refuse other Host names (DNS rebinding) and cross-site POSTs (any web page could send a form)."""
        name = _HOST_PORT.fullmatch(request.host.lower())
        if name is None or name.group(1) not in hosts:
            return Response("unknown Host: this server answers only to localhost names (see --allowed-host)\n",
                            421, mimetype="text/plain")
        # A browser's own word on where a request came from wins: the served page's form posts with
        # "Origin: null" (its Referrer-Policy is no-referrer) but "Sec-Fetch-Site: same-origin".
        site, origin = request.headers.get("Sec-Fetch-Site"), request.headers.get("Origin")
        if site is not None:
            cross = site not in ("same-origin", "none")
        else:
            cross = origin is not None and origin != request.host_url.rstrip("/")
        if request.method == "POST" and cross:
            return Response("cross-site request refused\n", 403, mimetype="text/plain")
        return None

    @app.errorhandler(413)
    def too_large(_exc: Exception) -> Response:
        if request.path.startswith("/api/"):
            return Response(f'{{"error": "request larger than {max_upload} bytes"}}', 413, mimetype="application/json")
        return page(f"the upload is larger than the {max_upload / 1e6:g} MB limit", 413)

    @app.after_request
    def harden(response: Response) -> Response:
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        return response

    return app


def serve(detector: Detector | None = None, *, port: int = 8000, **options: Any) -> None:
    """Run the app on 127.0.0.1:``port`` until interrupted (Werkzeug's threaded server); ``options``
    go to ``create_app``."""
    app = create_app(detector, **options)
    app.extensions["detector.pool"].start()  # the first pages do not wait for a worker to load the model
    try:
        app.run(host=HOST, port=port, threaded=True, debug=False, use_reloader=False)
    finally:
        app.extensions["detector.pool"].close()


__all__ = ["HOST", "create_app", "serve"]
