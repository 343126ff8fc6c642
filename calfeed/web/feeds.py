"""The `feeds` blueprint: /calendar.ics, /feeds/<slug>.ics, private feeds, single events, index.

HTTP as calendar clients need it: `text/calendar; charset=utf-8`, a strong ETag over the exact
bytes (a gzip answer carries its own tag, "<tag>-gz", since its bytes differ), Last-Modified,
304 for If-None-Match or (only when no If-None-Match is sent) If-Modified-Since, HEAD, gzip when
the client asks, Cache-Control and an inline Content-Disposition filename.
"""
from __future__ import annotations

import datetime as dt
from email.utils import parsedate_to_datetime

from flask import Blueprint, Response, current_app, render_template, request

from calfeed.web.service import ACCEPTED, BadQuery, FeedService, Query, Rendered

bp = Blueprint("feeds", __name__)
CALENDAR_TYPE = "text/calendar; charset=utf-8"


def _plain(status: int, message: str) -> Response:
    return Response(message + "\n", status=status, content_type="text/plain; charset=utf-8",
                    headers={"Cache-Control": "no-store"})


def _state():
    return current_app.extensions["calfeed"]


# ---------------------------------------------------------------- conditional answers
def _etag_matches(header: str, tags: tuple[str, ...]) -> bool:
    """RFC 9110 If-None-Match: weak comparison, '*' matches anything."""
    for part in header.split(","):
        part = part.strip()
        if part == "*":
            return True
        if part.startswith("W/"):
            part = part[2:]
        if part.startswith('"') and part.endswith('"') and part[1:-1] in tags:
            return True
    return False


def _wants_gzip(header: str | None) -> bool:
    if not header:
        return False
    for part in header.lower().split(","):
        token, _, params = part.strip().partition(";")
        if token.strip() in ("gzip", "x-gzip", "*"):
            q = 1.0
            for p in params.split(";"):
                name, _, value = p.strip().partition("=")
                if name == "q":
                    try:
                        q = float(value)
                    except ValueError:
                        q = 0.0
            return q > 0
    return False


def answer(r: Rendered, *, filename: str, private: bool, cache_control: int, if_none_match: str | None,
           if_modified_since: str | None, accept_encoding: str | None) -> tuple[int, list[tuple[str, str]], bytes]:
    """(status, headers, body) for a rendered calendar and a request's validators and encodings.

    Pure, so the Flask view and the WSGI fast path (FastFeeds) answer exactly alike.  The body
    is the full body for HEAD too (the server drops it; Content-Length stays right).
    """
    gz = _wants_gzip(accept_encoding)
    tags = (r.etag, r.etag + "-gz")
    headers = [
        ("ETag", f'"{tags[1] if gz else tags[0]}"'),
        ("Last-Modified", r.last_modified_http),
        ("Cache-Control", f"{'private' if private else 'public'}, max-age={cache_control}"),
        ("Vary", "Accept-Encoding"),
    ]
    if private:
        headers += [("X-Robots-Tag", "noindex"), ("Referrer-Policy", "no-referrer")]
    if if_none_match is not None:  # If-None-Match wins: If-Modified-Since is not even looked at
        not_modified = _etag_matches(if_none_match, tags)
    else:
        not_modified = False
        if if_modified_since:
            try:
                since = parsedate_to_datetime(if_modified_since)
            except (TypeError, ValueError, IndexError):
                since = None
            if since is not None and since.tzinfo is not None:
                not_modified = r.last_modified.replace(microsecond=0) <= since
    if not_modified:  # RFC 9110 15.4.5: the validators and caching fields, no representation metadata
        return 304, [h for h in headers if h[0] != "Last-Modified"], b""
    body = r.gzipped if gz else r.body
    headers += [("Content-Type", CALENDAR_TYPE), ("Content-Length", str(len(body))),
                ("Content-Disposition", f'inline; filename="{filename}"')]
    if gz:
        headers.append(("Content-Encoding", "gzip"))
    return 200, headers, body


def serve(r: Rendered, filename: str, *, private: bool = False) -> Response:
    """The Flask answer for a rendered calendar."""
    h = request.headers
    status, headers, body = answer(r, filename=filename, private=private, cache_control=_state().web.cache_control,
                                   if_none_match=h.get("If-None-Match"),
                                   if_modified_since=h.get("If-Modified-Since"),
                                   accept_encoding=h.get("Accept-Encoding"))
    resp = Response(body, status=status, headers=headers)
    if status == 304:
        resp.headers.pop("Content-Type", None)  # werkzeug adds a default one
    return resp


class FastFeeds:
    """WSGI middleware: answer GET/HEAD of /calendar.ics and public /feeds/<slug>.ics without query
    string straight from the rendered-feed cache while it is fresh (no Flask dispatch); anything
    else, and any feed whose freshness window has passed, goes through Flask as usual."""

    STATUS = {200: "200 OK", 304: "304 Not Modified"}

    def __init__(self, wsgi_app, state):
        self.wsgi_app = wsgi_app
        self.state = state
        self.paths = {"/calendar.ics": (None, "calendar.ics")}
        for slug, fd in state.feeds.named.items():
            if not fd.private:
                self.paths[f"/feeds/{slug}.ics"] = (fd, f"{slug}.ics")

    def __call__(self, environ, start_response):
        method = environ.get("REQUEST_METHOD")
        if (method == "GET" or method == "HEAD") and not environ.get("QUERY_STRING"):
            hit = self.paths.get(environ.get("PATH_INFO", ""))
            if hit is not None:
                rendered = self.state.service.cached(hit[0])
                if rendered is not None:
                    status, headers, body = answer(
                        rendered, filename=hit[1], private=False, cache_control=self.state.web.cache_control,
                        if_none_match=environ.get("HTTP_IF_NONE_MATCH"),
                        if_modified_since=environ.get("HTTP_IF_MODIFIED_SINCE"),
                        accept_encoding=environ.get("HTTP_ACCEPT_ENCODING"))
                    start_response(self.STATUS[status], headers)
                    return [body] if method == "GET" else []
        return self.wsgi_app(environ, start_response)


def _service() -> FeedService:
    return _state().service


def _render_feed(slug: str | None, *, private: bool) -> Response:
    state = _state()
    feed = None
    if slug is not None:
        feed = state.feeds.named.get(slug)
        if feed is None or feed.private != private:
            return _plain(404, f"no feed named {slug!r}")
    try:
        query = Query.from_args(request.args)
    except BadQuery as e:
        return _plain(400, str(e))
    rendered = _service().render(feed, query)
    return serve(rendered, f"{slug or 'calendar'}.ics", private=private)


# ---------------------------------------------------------------- routes
@bp.route("/calendar.ics", methods=["GET", "HEAD"])
def calendar():
    return _render_feed(None, private=False)


@bp.route("/feeds/<slug>.ics", methods=["GET", "HEAD"])
def named(slug: str):
    return _render_feed(slug, private=False)


@bp.route("/feeds/<token>/<slug>.ics", methods=["GET", "HEAD"])
def private(token: str, slug: str):
    state = _state()
    feed = state.feeds.named.get(slug)
    if feed is None or not feed.private or state.tokens is None or not state.tokens.check(token, slug):
        return _plain(404, "no such feed")  # the same answer for a bad token and an unknown feed
    return _render_feed(slug, private=True)


@bp.route("/events/<uid>.ics", methods=["GET", "HEAD"])
def one_event(uid: str):
    state = _state()
    rec = state.store.get_event(uid)
    if rec is None and uid.endswith("@" + state.builder.settings.domain):
        rec = state.store.get_event(uid.rsplit("@", 1)[0])
    if rec is None or rec.review not in ACCEPTED:
        return _plain(404, "no such event")
    safe = "".join(c if c.isalnum() or c in "-_." else "_" for c in uid)[:80] or "event"
    return serve(_service().render_event(rec), f"{safe}.ics")


@bp.route("/", methods=["GET", "HEAD"])
def index():
    state = _state()
    base = (state.builder.settings.base_url or request.url_root).rstrip("/") + "/"

    def links(path: str) -> dict:
        https = base + path
        webcal = "webcal://" + https.split("://", 1)[1]
        return {"https": https, "webcal": webcal}

    feeds = [{"name": state.builder.settings.name, "slug": "calendar", "private": False,
              "description": state.builder.settings.description, **links("calendar.ics")}]
    for fd in state.feeds.named.values():
        item = {"name": fd.name, "slug": fd.slug, "private": fd.private, "description": fd.description}
        if not fd.private:
            item.update(links(f"feeds/{fd.slug}.ics"))
        feeds.append(item)
    html = render_template("feeds_index.html", feeds=feeds, calendar=state.builder.settings,
                           refresh_hours=state.builder.settings.refresh_interval / dt.timedelta(hours=1))
    return Response(html, content_type="text/html; charset=utf-8",
                    headers={"Cache-Control": "public, max-age=60",
                             "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'"})
