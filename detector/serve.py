"""``detector serve``: a small local web page and JSON API, on 127.0.0.1 only.

The page scores pasted HTML or text, an uploaded file, or a URL, and answers with the same report as
``detector report``. It needs no JavaScript: a plain form posts to /report. The JSON API,
POST /api/score, takes {"html"|"text"|"url", "page_url"?} and returns ``Result.to_dict()``.

Flask does the HTTP; requests are capped in size (Flask's MAX_CONTENT_LENGTH answers 413 before the
body is read), and URLs go through ``detector.fetch`` (http/https only, timeout, size cap).
It binds the loopback interface only: it fetches URLs on request, so it must not be an open proxy.
"""

from __future__ import annotations

import html
from importlib import resources
from string import Template
from typing import TYPE_CHECKING

from flask import Flask, Response, jsonify, request

from .fetch import FetchError, fetch
from .reading import ReadError
from .report.page_report import CSP, page_report

if TYPE_CHECKING:
    from .api import Detector

HOST = "127.0.0.1"
MAX_UPLOAD = 8_000_000
INDEX_CSP = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'"


class InputError(ValueError):
    """The request names no page, or one that cannot be read; the message is shown to the user."""


def create_app(detector: Detector | None = None, *, max_upload: int = MAX_UPLOAD) -> Flask:
    """The app around one loaded Detector (the shipped model unless one is given)."""
    if detector is None:
        from .api import Detector

        detector = Detector()
    app = Flask(__name__)
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
                body, final = fetch(url, max_bytes=detector.max_bytes)
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
            body, _ = page_report(detector, content, url=page_url, kind=kind, name=name, back="/")
        except (InputError, ReadError) as exc:
            return page(str(exc), 400)
        return Response(body, 200, {"Content-Security-Policy": CSP})

    @app.post("/api/score")
    def score() -> tuple[Response, int]:
        fields = request.get_json(silent=True)
        if not isinstance(fields, dict):
            return jsonify(error="send a JSON object with one of: html, text, url"), 400
        try:
            content, page_url, kind, _ = content_of(fields)
            result = detector.score(content, page_url, kind=kind)
        except (InputError, ReadError) as exc:
            return jsonify(error=str(exc)), 400
        return jsonify(result.to_dict()), 200

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


def serve(detector: Detector | None = None, *, port: int = 8000) -> None:
    """Run the app on 127.0.0.1:``port`` until interrupted (Werkzeug's threaded server)."""
    create_app(detector).run(host=HOST, port=port, threaded=True, debug=False, use_reloader=False)


__all__ = ["HOST", "create_app", "serve"]
