"""url and rss sources refreshed from a real HTTP server on 127.0.0.1, with the real extractor."""
from __future__ import annotations

import datetime as dt
import http.server
import textwrap
import threading
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from calfeed.config import load_config
from calfeed.refresh import Refresher
from calfeed.store import Store

pytest.importorskip("calfeed.extract.events")

DATA = Path(__file__).parent.parent / "data" / "sources"
NY = ZoneInfo("America/New_York")


class Handler(http.server.BaseHTTPRequestHandler):
    hits: list[tuple[str, int]] = []
    down = False

    def log_message(self, *args):
        pass

    def do_GET(self):  # noqa: N802
        if Handler.down:
            status, body, headers = 503, b"down", {"Retry-After": "0"}
        elif self.path == "/event-page":
            if self.headers.get("If-None-Match") == '"v1"':
                status, body, headers = 304, b"", {"ETag": '"v1"'}
            else:
                status, body, headers = 200, (DATA / "event-page.html").read_bytes(), {
                    "ETag": '"v1"', "Content-Type": "text/html; charset=utf-8"}
        elif self.path == "/feed.xml":
            lm = "Thu, 22 Jun 2023 03:00:00 GMT"
            if self.headers.get("If-Modified-Since") == lm:
                status, body, headers = 304, b"", {}
            else:
                status, body, headers = 200, (DATA / "feed.xml").read_bytes(), {
                    "Last-Modified": lm, "Content-Type": "application/rss+xml"}
        else:
            status, body, headers = 404, b"no", {}
        Handler.hits.append((self.path, status))
        self.send_response(status)
        for k, v in headers.items():
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture
def server():
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    Handler.down = False
    Handler.hits.clear()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_url_and_rss_sources(tmp_path, db_url, server, monkeypatch):
    monkeypatch.delenv("CALFEED_DATABASE_URL", raising=False)
    (tmp_path / "events.yaml").write_text(textwrap.dedent(f"""\
        calendar: {{name: web test, timezone: Asia/Shanghai}}
        database: "{db_url}"
        sources:
          - {{id: hall, type: url, url: "{server}/event-page", timezone: America/New_York, language: en,
              published: metadata}}
          - {{id: news, type: rss, url: "{server}/feed.xml", language: zh, published: [metadata, dateline]}}
        """), encoding="utf-8")
    config = load_config(tmp_path / "events.yaml")
    store = Store.from_config(config)
    try:
        s = Refresher(config, store).run()
        assert not s.errors, s.describe()
        hall = store.list_events(source="hall")
        exact = [e for e in hall if e.title == "Springfield Town Hall Meeting"]
        assert len(exact) == 1 and exact[0].start == dt.datetime(2023, 7, 5, 19, 0, tzinfo=NY)
        assert exact[0].end == dt.datetime(2023, 7, 5, 21, 0, tzinfo=NY)
        assert exact[0].url == "https://example.org/events/town-hall-2023"
        # the prose's own "town hall meeting on July 5" is not a second copy of the exact event
        on_july_5 = [e for e in hall if (e.start.astimezone(NY).date() if isinstance(e.start, dt.datetime)
                                         else e.start) == dt.date(2023, 7, 5)]
        assert len(on_july_5) == 1
        assert any(e.title == "Summer Concert" and e.start == dt.date(2023, 7, 14) for e in hall)
        assert s.counts.documents_new == 3  # one page + two feed entries
        news = store.list_events(source="news")
        assert news, "the feed entries yield events"
        before = store.list_events()

        # second run: 304 for the page (If-None-Match) and for the feed (If-Modified-Since)
        Handler.hits.clear()
        s = Refresher(config, store).run()
        assert sorted(Handler.hits) == [("/event-page", 304), ("/feed.xml", 304)]
        assert s.counts.documents_new == s.counts.documents_changed == 0 and s.counts.events_changed == 0
        assert store.list_events() == before

        # the server goes down: both sources fail, every event is kept
        Handler.down = True
        s = Refresher(config, store).run()
        assert sorted(sid for sid, _ in s.errors) == ["hall", "news"]
        assert store.list_events() == before
        failing = {st.id: st.last_error for st in store.source_status() if st.failing}
        assert set(failing) == {"hall", "news"} and "HTTP 503" in failing["hall"]
    finally:
        store.close()
