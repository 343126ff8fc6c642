"""Fetchers against real files and a real HTTP server on 127.0.0.1."""
from __future__ import annotations

import datetime as dt
import http.server
import shutil
import threading
import time
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from calfeed.config import PublishedRule, SourceConfig
from calfeed.errors import CalfeedError
from calfeed.sources import fetch_source
from calfeed.sources.http import get

DATA = Path(__file__).parent.parent / "data" / "sources"
TZ = ZoneInfo("Asia/Shanghai")
NOW = dt.datetime(2023, 6, 22, 4, 0, tzinfo=dt.UTC)


def src(**kw) -> SourceConfig:
    base = dict(id="s", type="file", published=PublishedRule(), timeout=2.0)
    base.update(kw)
    return SourceConfig(**base)


# ---------------------------------------------------------------- files and directories
def test_file_gbk_is_decoded():
    r = fetch_source(src(path=DATA / "gbk-notice.txt"), tz=TZ, now=NOW)
    (doc,) = r.documents
    assert r.complete and doc.key == "gbk-notice.txt"
    assert doc.title == "大同市第十届文化旅游节开幕"
    assert "7月1日上午" in doc.text and doc.mtime is not None and len(doc.content_hash) == 64


def test_file_missing_is_a_source_failure(tmp_path):
    with pytest.raises(CalfeedError, match="no such file"):
        fetch_source(src(path=tmp_path / "gone.txt"), tz=TZ, now=NOW)


def test_file_unchanged_skips_decoding():
    first = fetch_source(src(path=DATA / "gbk-notice.txt"), tz=TZ, now=NOW).documents[0]
    again = fetch_source(src(path=DATA / "gbk-notice.txt"), {first.key: first}, tz=TZ, now=NOW).documents[0]
    assert again.not_modified and again.content_hash == first.content_hash and again.text == ""


def test_dir_reads_txt_md_html_skips_others():
    r = fetch_source(src(type="dir", path=DATA / "dir", glob="**/*"), tz=TZ, now=NOW)
    docs = {d.key: d for d in r.documents}
    assert sorted(docs) == ["page.html", "sub/gb18030.txt", "utf8.md"]
    assert docs["utf8.md"].title == "中考成绩公布"
    assert docs["sub/gb18030.txt"].text.startswith("报名截止时间推迟至7月21日")
    page = docs["page.html"]
    assert page.title.startswith("云冈音乐节") and page.published == dt.date(2023, 6, 20)
    assert "7月8日至9日" in page.text and "<p>" not in page.text
    assert r.complete and not r.failed


def test_dir_bad_file_fails_alone(tmp_path):
    shutil.copytree(DATA / "dir", tmp_path / "d")
    (tmp_path / "d" / "binary.txt").write_bytes(b"\x00\x01\x02binary")
    r = fetch_source(src(type="dir", path=tmp_path / "d"), tz=TZ, now=NOW)
    assert "binary.txt" in r.failed and "NUL" in r.failed["binary.txt"]
    assert len(r.documents) == 3


def test_dir_missing(tmp_path):
    with pytest.raises(CalfeedError, match="no such directory"):
        fetch_source(src(type="dir", path=tmp_path / "nope"), tz=TZ, now=NOW)


# ---------------------------------------------------------------- a real HTTP server
class Handler(http.server.BaseHTTPRequestHandler):
    hits: dict[str, int] = {}
    agents: list[str] = []

    def log_message(self, *args):  # keep test output quiet
        pass

    def send(self, status: int, body: bytes, ctype: str = "text/html; charset=utf-8", headers=None):
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        try:
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):  # the client gave up (timeout tests)
            pass

    def do_GET(self):  # noqa: N802
        path = self.path
        Handler.hits[path] = Handler.hits.get(path, 0) + 1
        Handler.agents.append(self.headers.get("User-Agent", ""))
        if path == "/event-page":
            etag = '"v1"'
            if self.headers.get("If-None-Match") == etag:
                return self.send(304, b"", headers={"ETag": etag})
            return self.send(200, (DATA / "event-page.html").read_bytes(),
                             headers={"ETag": etag, "Last-Modified": "Sun, 18 Jun 2023 08:00:00 GMT"})
        if path == "/gbk":
            return self.send(200, (DATA / "gbk-notice.txt").read_bytes(), "text/plain; charset=gbk")
        if path == "/feed.xml":
            lm = "Thu, 22 Jun 2023 03:00:00 GMT"
            if self.headers.get("If-Modified-Since") == lm:
                return self.send(304, b"")
            return self.send(200, (DATA / "feed.xml").read_bytes(), "application/rss+xml", {"Last-Modified": lm})
        if path == "/atom.xml":
            return self.send(200, (DATA / "atom.xml").read_bytes(), "application/atom+xml")
        if path == "/flaky":
            if Handler.hits[path] < 3:
                return self.send(503, b"busy", headers={"Retry-After": "0"})
            return self.send(200, b"<html><body><p>finally here</p></body></html>")
        if path == "/down":
            return self.send(503, b"down", headers={"Retry-After": "0"})
        if path == "/big":
            return self.send(200, b"x" * 5000, "text/plain")
        if path.startswith("/loop"):
            n = int(path[5:] or 0)
            self.send_response(302)
            self.send_header("Location", f"/loop{n + 1}")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return None
        if path == "/slow":
            time.sleep(1.5)
            return self.send(200, b"late")
        if path == "/not-a-feed":
            return self.send(200, b"\x89PNG\r\n\x1a\n binary", "image/png")
        return self.send(404, b"not found")


@pytest.fixture(scope="module")
def server():
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_url_page_with_jsonld_events_and_conditional_get(server):
    s = src(type="url", url=f"{server}/event-page", path=None)
    r = fetch_source(s, tz=TZ, now=NOW)
    (doc,) = r.documents
    assert doc.title.startswith("Town Hall Meeting")
    assert doc.text.startswith(doc.title) and "July 5, 2023 at 7 p.m." in doc.text
    assert doc.published == dt.date(2023, 6, 18)
    assert doc.etag == '"v1"' and doc.last_modified
    titles = {e.title: e for e in doc.exact_events}
    assert sorted(titles) == ["Springfield Town Hall Meeting", "Summer Concert"]  # the cancelled one is left out
    hall = titles["Springfield Town Hall Meeting"]
    assert hall.start == dt.datetime(2023, 7, 6, 7, 0, tzinfo=TZ) and hall.end == dt.datetime(2023, 7, 6, 9, 0, tzinfo=TZ)
    assert hall.ext_key == "jsonld:https://example.org/events/town-hall-2023"
    assert titles["Summer Concert"].all_day and titles["Summer Concert"].start == dt.date(2023, 7, 14)
    again = fetch_source(s, {doc.key: doc}, tz=TZ, now=NOW)
    assert again.documents[0].not_modified  # 304 thanks to If-None-Match
    assert Handler.agents[-1].startswith("calfeed/")


def test_url_declared_charset(server):
    (doc,) = fetch_source(src(type="url", url=f"{server}/gbk", path=None), tz=TZ, now=NOW).documents
    assert doc.title == "大同市第十届文化旅游节开幕"


def test_retries_with_backoff_then_success(server):
    r = get(f"{server}/flaky", retries=3, backoff=0.01)
    assert r.status == 200 and b"finally" in r.content
    assert Handler.hits["/flaky"] == 3


def test_retries_spent(server):
    with pytest.raises(CalfeedError, match=r"/down: HTTP 503"):
        get(f"{server}/down", retries=1, backoff=0.01)


def test_limits(server):
    with pytest.raises(CalfeedError, match="byte limit"):
        get(f"{server}/big", max_bytes=1000)
    with pytest.raises(CalfeedError, match="redirects"):
        get(f"{server}/loop0")
    with pytest.raises(CalfeedError, match="timed out"):
        get(f"{server}/slow", timeout=0.3, retries=0)
    with pytest.raises(CalfeedError, match="HTTP 404"):
        get(f"{server}/missing")


def test_connection_refused_is_readable():
    with pytest.raises(CalfeedError, match=r"127\.0\.0\.1:9/x: .*after 1 attempts"):
        get("http://127.0.0.1:9/x", retries=0)


def test_rss_entries_with_their_own_dates(server):
    s = src(type="rss", url=f"{server}/feed.xml", path=None)
    r = fetch_source(s, tz=TZ, now=NOW)
    assert not r.complete  # feeds roll: missing entries are not gone
    a, b = r.documents
    assert a.key == "https://example.org/a/1" and a.title == "全市重点工程项目调度会召开"
    assert a.published == dt.date(2023, 6, 21) and "张强主持召开" in a.text and "<p>" not in a.text
    assert b.published == dt.date(2023, 6, 22)  # 02:30 UTC is 10:30 in Shanghai
    again = fetch_source(s, {d.key: d for d in r.documents}, r.state, tz=TZ, now=NOW)
    assert again.not_modified and again.documents == []


def test_atom(server):
    r = fetch_source(src(type="rss", url=f"{server}/atom.xml", path=None), tz=TZ, now=NOW)
    (doc,) = r.documents
    assert doc.key == "urn:notice:1" and doc.published == dt.date(2023, 6, 20)
    assert "closed on July 4, 2023" in doc.text


def test_rss_garbage(server):
    with pytest.raises(CalfeedError, match="not an RSS or Atom feed"):
        fetch_source(src(type="rss", url=f"{server}/not-a-feed", path=None), tz=TZ, now=NOW)
