"""The WSGI fast path (FastFeeds) answers exactly like the Flask view, and only when it may."""
from __future__ import annotations

import datetime as dt

import pytest
from feeds.factory import T0, rec

from calfeed.web import create_app

HEADER_SETS = [
    {},
    {"Accept-Encoding": "gzip"},
    {"If-None-Match": "ETAG"},
    {"If-None-Match": "ETAG", "Accept-Encoding": "gzip"},
    {"If-None-Match": '"nope"', "If-Modified-Since": "LM"},
    {"If-Modified-Since": "LM"},
    {"If-Modified-Since": "Sat, 01 Jan 2000 00:00:00 GMT"},
]


@pytest.fixture
def fast_app(config, store):
    app = create_app(config, store)
    app.extensions["calfeed"].service.freshness = 60.0
    return app


def fill(headers: dict, etag: str, lm: str) -> dict:
    return {k: v.replace("ETAG", etag).replace("LM", lm) for k, v in headers.items()}


@pytest.mark.parametrize("path", ["/calendar.ics", "/feeds/deadlines.ics"])
@pytest.mark.parametrize("method", ["GET", "HEAD"])
@pytest.mark.parametrize("headers", HEADER_SETS)
def test_fast_path_answers_like_flask(app, fast_app, path, method, headers):
    slow, fast = app.test_client(), fast_app.test_client()
    first = slow.get(path)
    etag, lm = first.headers["ETag"], first.headers["Last-Modified"]
    assert fast.get(path).data == first.data  # primes the fast path's cache
    h = fill(headers, etag, lm)
    a = slow.open(path, method=method, headers=h)
    b = fast.open(path, method=method, headers=h)
    assert (a.status_code, a.data) == (b.status_code, b.data)
    assert sorted(a.headers.items()) == sorted(b.headers.items())


def test_fast_path_is_taken_and_bounded_by_freshness(fast_app, store):
    client = fast_app.test_client()
    before = client.get("/calendar.ics").headers["ETag"]
    calls = []
    real = store.list_events
    store.list_events = lambda **kw: calls.append(kw) or real(**kw)
    store.put(rec("deadline@calfeed.test", title="改期", sequence=1, updated=T0 + dt.timedelta(days=1)))
    assert client.get("/calendar.ics").headers["ETag"] == before  # within the window: cached bytes
    assert not calls
    fast_app.extensions["calfeed"].service.freshness = 0.0
    assert client.get("/calendar.ics").headers["ETag"] != before  # window over: the store is asked
    assert calls


def test_fast_path_leaves_queries_private_feeds_and_others_to_flask(fast_app):
    client = fast_app.test_client()
    client.get("/calendar.ics")
    assert client.get("/calendar.ics?kind=bogus").status_code == 400
    assert client.get("/feeds/team.ics").status_code == 404
    assert client.post("/calendar.ics").status_code == 405
