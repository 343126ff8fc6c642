"""The feeds blueprint over HTTP: routes, filters, validators, encodings, private tokens, index."""
from __future__ import annotations

import datetime as dt
import gzip
from email.utils import format_datetime

import icalendar
import pytest
from feeds.factory import HOSTILE, T0, rec

from calfeed.web.tokens import TokenStore


def uids(resp) -> set[str]:
    return {str(e["UID"]) for e in icalendar.Calendar.from_ical(resp.data).walk("VEVENT")}


# ---------------------------------------------------------------- routes and filters
def test_calendar_has_every_accepted_event(client, store):
    r = client.get("/calendar.ics")
    assert r.status_code == 200
    assert r.headers["Content-Type"] == "text/calendar; charset=utf-8"
    assert uids(r) == {e.uid for e in store.list_events()}
    assert "gone@calfeed.test" in uids(r)  # vanished events stay, CANCELLED


def test_pending_and_rejected_events_are_not_published(client, store):
    store.put(rec("pending@calfeed.test", review="pending"))
    store.put(rec("rejected@calfeed.test", review="rejected"))
    got = uids(client.get("/calendar.ics"))
    assert "pending@calfeed.test" not in got and "rejected@calfeed.test" not in got
    assert client.get("/events/pending@calfeed.test.ics").status_code == 404


@pytest.mark.parametrize("path,expected", [
    ("/feeds/deadlines.ics", {"deadline@calfeed.test", "english@calfeed.test"}),
    ("/feeds/school.ics", {"english@calfeed.test"}),
    ("/feeds/culture.ics", {"period@calfeed.test", "approx@calfeed.test"}),
    ("/calendar.ics?kind=deadline&source=school", {"english@calfeed.test"}),
    ("/calendar.ics?q=灯会", {"period@calfeed.test"}),
    ("/calendar.ics?from=2023-07-09&to=2023-07-13", {"period@calfeed.test", "approx@calfeed.test"}),
    ("/feeds/deadlines.ics?kind=event", set()),
    ("/feeds/education.ics?kind=deadline", {"deadline@calfeed.test"}),
])
def test_named_feeds_and_query_filters(client, path, expected):
    r = client.get(path)
    assert r.status_code == 200
    assert uids(r) == expected


@pytest.mark.parametrize("query", ["kind=meeting", "from=2023-13-01", "to=tomorrow", "from=2023-07-02&to=2023-07-01",
                                   "q=" + "x" * 300, "source=%00"])
def test_bad_filter_values_are_400_plain(client, query):
    r = client.get("/calendar.ics?" + query)
    assert r.status_code == 400
    assert r.headers["Content-Type"].startswith("text/plain")
    assert len(r.data) < 200 and b"<" not in r.data


def test_unknown_feed_is_404(client):
    r = client.get("/feeds/nope.ics")
    assert r.status_code == 404 and r.headers["Content-Type"].startswith("text/plain")


def test_named_feed_calendar_name(client):
    cal = icalendar.Calendar.from_ical(client.get("/feeds/deadlines.ics").data)
    assert "截止日期" in str(cal["X-WR-CALNAME"])


def test_single_event(client):
    r = client.get("/events/deadline@calfeed.test.ics")
    assert r.status_code == 200
    assert uids(r) == {"deadline@calfeed.test"}
    assert "inline" in r.headers["Content-Disposition"]
    assert client.get("/events/nothing.ics").status_code == 404


# ---------------------------------------------------------------- private feeds
def test_private_feed_only_with_a_valid_token(app, client):
    assert client.get("/feeds/team.ics").status_code == 404
    tokens: TokenStore = app.extensions["calfeed"].tokens
    info, token = tokens.create("team", note="test")
    assert token not in tokens.path.read_text()  # stored hashed
    r = client.get(f"/feeds/{token}/team.ics")
    assert r.status_code == 200
    assert r.headers["Cache-Control"].startswith("private")
    assert uids(r) == {"deadline@calfeed.test", "meeting@calfeed.test", "moment@calfeed.test",
                       "gone@calfeed.test", "weekly@calfeed.test", "english@calfeed.test"}
    assert client.get(f"/feeds/{token}x/team.ics").status_code == 404
    assert client.get(f"/feeds/{token}/deadlines.ics").status_code == 404  # a token is for its feed only
    tokens.revoke(info.id)
    assert client.get(f"/feeds/{token}/team.ics").status_code == 404


# ---------------------------------------------------------------- validators and encodings
def test_strong_etag_last_modified_and_304(client):
    r = client.get("/calendar.ics")
    etag = r.headers["ETag"]
    assert etag.startswith('"') and not etag.startswith("W/")
    assert r.headers["Last-Modified"]
    assert "max-age=300" in r.headers["Cache-Control"]
    assert client.get("/calendar.ics").data == r.data  # same bytes, same tag
    r2 = client.get("/calendar.ics", headers={"If-None-Match": etag})
    assert r2.status_code == 304 and r2.data == b"" and r2.headers["ETag"] == etag
    assert client.get("/calendar.ics", headers={"If-None-Match": f'"other", W/{etag}'}).status_code == 304
    assert client.get("/calendar.ics", headers={"If-None-Match": '"stale"'}).status_code == 200


def test_if_modified_since(client):
    r = client.get("/calendar.ics")
    lm = r.headers["Last-Modified"]
    assert client.get("/calendar.ics", headers={"If-Modified-Since": lm}).status_code == 304
    old = format_datetime(dt.datetime(2020, 1, 1, tzinfo=dt.UTC), usegmt=True)
    assert client.get("/calendar.ics", headers={"If-Modified-Since": old}).status_code == 200
    assert client.get("/calendar.ics", headers={"If-Modified-Since": "garbage"}).status_code == 200


def test_if_none_match_wins_over_if_modified_since(client):
    lm = client.get("/calendar.ics").headers["Last-Modified"]
    r = client.get("/calendar.ics", headers={"If-None-Match": '"stale"', "If-Modified-Since": lm})
    assert r.status_code == 200


def test_changed_data_changes_etag(client, store):
    before = client.get("/calendar.ics").headers["ETag"]
    store.put(rec("deadline@calfeed.test", title="改期", sequence=1, updated=T0 + dt.timedelta(days=1)))
    r = client.get("/calendar.ics", headers={"If-None-Match": before})
    assert r.status_code == 200 and r.headers["ETag"] != before
    assert "改期" in r.data.decode()


def test_head(client):
    full = client.get("/calendar.ics")
    r = client.head("/calendar.ics")
    assert r.status_code == 200 and r.data == b""
    assert r.headers["ETag"] == full.headers["ETag"]
    assert int(r.headers["Content-Length"]) == len(full.data)


def test_gzip_when_asked(client):
    plain = client.get("/calendar.ics")
    r = client.get("/calendar.ics", headers={"Accept-Encoding": "br;q=1.0, gzip;q=0.8"})
    assert r.headers["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in r.headers["Vary"]
    assert gzip.decompress(r.data) == plain.data
    assert r.headers["ETag"] != plain.headers["ETag"]
    assert client.get("/calendar.ics", headers={"If-None-Match": r.headers["ETag"],
                                                "Accept-Encoding": "gzip"}).status_code == 304
    no = client.get("/calendar.ics", headers={"Accept-Encoding": "gzip;q=0, identity"})
    assert "Content-Encoding" not in no.headers and no.data == plain.data


def test_content_disposition(client):
    assert client.get("/calendar.ics").headers["Content-Disposition"] == 'inline; filename="calendar.ics"'
    assert client.get("/feeds/deadlines.ics").headers["Content-Disposition"] == 'inline; filename="deadlines.ics"'


# ---------------------------------------------------------------- index and hostile text
def test_index_lists_feeds_with_webcal_and_https(client):
    r = client.get("/")
    html = r.data.decode()
    assert r.status_code == 200 and r.headers["Content-Type"] == "text/html; charset=utf-8"
    assert 'href="webcal://cal.example.org/calendar.ics"' in html
    assert 'href="https://cal.example.org/calendar.ics"' in html
    assert "webcal://cal.example.org/feeds/deadlines.ics" in html
    assert "/feeds/team.ics" not in html  # private feeds are named, never linked
    assert "文化 &lt;活动&gt; &amp; &#34;more&#34;" in html


def test_hostile_titles_escaped_in_the_feed(client, store):
    store.put(rec("hostile@calfeed.test", title=HOSTILE, updated=T0 + dt.timedelta(days=2)))
    r = client.get("/calendar.ics")
    text = r.data.decode()
    assert "\r\nInjected" not in text
    assert 'yes\\; a\\,b\\\\c <script>alert("x")</script>' in text.replace("\r\n ", "")
    ev = {str(e["UID"]): e for e in icalendar.Calendar.from_ical(r.data).walk("VEVENT")}["hostile@calfeed.test"]
    assert str(ev["SUMMARY"]) == 'Bad Injected: yes; a,b\\c <script>alert("x")</script>'


def test_app_does_not_start_a_scheduler(app):
    import threading

    assert not [t for t in threading.enumerate() if "scheduler" in t.name.lower() or "apscheduler" in t.name.lower()]


def test_bad_feeds_section_is_a_config_error(tmp_path):
    from calfeed.config import ConfigError, load_config
    from calfeed.web import create_app
    from calfeed.web.memstore import MemoryStore

    cfg = tmp_path / "events.yaml"
    cfg.write_text("calendar: {name: x}\nsources: []\nfeeds:\n  named:\n    bad: {kind: meeting}\n", "utf-8")
    with pytest.raises(ConfigError) as e:
        create_app(load_config(cfg), MemoryStore())
    assert "feeds.named.bad.kind" in str(e.value) and "meeting" in str(e.value)
