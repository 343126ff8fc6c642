"""A feed served by a real server on loopback, read by real clients.

icalendar and the strict `ical` parser read it over HTTP; vdirsyncer's http storage subscribes to
the URL and syncs it into a local vdir; `khal list` (Asia/Shanghai) then shows the events.
"""
from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
import sys
import urllib.request
from pathlib import Path

import icalendar
import pytest
from feeds.factory import HOSTILE, T0, rec, sample_records
from ical.calendar_stream import IcsCalendarStream

CLEAN = 'Bad Injected: yes; a,b\\c <script>alert("x")</script>'
BIN = Path(sys.executable).parent
VDIRSYNCER = shutil.which("vdirsyncer", path=str(BIN)) or shutil.which("vdirsyncer")
KHAL = shutil.which("khal", path=str(BIN)) or shutil.which("khal")
needs_clients = pytest.mark.skipif(not (VDIRSYNCER and KHAL), reason="vdirsyncer and khal not installed "
                                   "(pip install -e '.[test]')")


def fetch(url: str, headers: dict | None = None):
    req = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=10) as resp:
            return resp.status, resp.headers, resp.read()
    except urllib.error.HTTPError as e:
        return e.code, e.headers, e.read()


def test_icalendar_and_strict_parser_over_http(live):
    status, headers, body = fetch(live.url + "/calendar.ics")
    assert status == 200 and headers["Content-Type"] == "text/calendar; charset=utf-8"
    cal = icalendar.Calendar.from_ical(body)
    assert len(cal.walk("VEVENT")) == len(sample_records())
    strict = IcsCalendarStream.calendar_from_ics(body.decode("utf-8"))
    assert {e.uid for e in strict.events} == {r.uid for r in sample_records()}
    status, _, _ = fetch(live.url + "/calendar.ics", {"If-None-Match": headers["ETag"]})
    assert status == 304


class Client:
    """vdirsyncer (http → filesystem vdir) and khal reading the vdir, in a private HOME."""

    def __init__(self, root: Path, url: str):
        self.root, self.vdir = root, root / "vdir"
        self.vdir.mkdir(parents=True)
        self.env = dict(os.environ, HOME=str(root), XDG_CONFIG_HOME=str(root / "config"),
                        XDG_DATA_HOME=str(root / "data"), XDG_CACHE_HOME=str(root / "cache"),
                        TZ="Asia/Shanghai", LANG="C.UTF-8", LC_ALL="C.UTF-8")
        (root / "vdirsyncer.conf").write_text(f'''[general]
status_path = "{root}/status/"

[pair feed]
a = "feed_remote"
b = "feed_local"
collections = null
conflict_resolution = "a wins"

[storage feed_remote]
type = "http"
url = "{url}"

[storage feed_local]
type = "filesystem"
path = "{self.vdir}/"
fileext = ".ics"
''')
        (root / "khal.conf").write_text(f"""[calendars]
[[feed]]
path = {self.vdir}/
type = calendar

[locale]
local_timezone = Asia/Shanghai
default_timezone = Asia/Shanghai
timeformat = %H:%M
dateformat = %Y-%m-%d
longdateformat = %Y-%m-%d
datetimeformat = %Y-%m-%d %H:%M
longdatetimeformat = %Y-%m-%d %H:%M

[sqlite]
path = {root}/khal.db
""")

    def run(self, *cmd: str) -> str:
        p = subprocess.run(cmd, capture_output=True, text=True, env=self.env, stdin=subprocess.DEVNULL, timeout=60)
        assert p.returncode == 0, p.stdout + p.stderr
        return p.stdout

    def sync(self) -> list[icalendar.Event]:
        cfg = str(self.root / "vdirsyncer.conf")
        self.run(VDIRSYNCER, "-c", cfg, "discover", "feed")
        self.run(VDIRSYNCER, "-c", cfg, "sync", "feed")
        events = []
        for f in sorted(self.vdir.glob("*.ics")):
            events.extend(icalendar.Calendar.from_ical(f.read_bytes()).walk("VEVENT"))
        return events

    def khal(self, start: str = "2023-06-01", end: str = "2023-08-31") -> list[dict]:
        out = self.run(KHAL, "-c", str(self.root / "khal.conf"), "list", "--once", "--json", "uid", "--json", "title",
                       "--json", "start", "--json", "end", "--json", "all-day", start, end)
        rows = []
        for line in out.splitlines():
            if line.strip().startswith("["):
                rows.extend(json.loads(line))
        return rows


# vdirsyncer's http storage replaces every UID with a hash of the item's content (`_ignore_uids`,
# because many servers make up new UIDs on each download), so the client side is matched by title
# and the UIDs are checked on the feed itself.
def by_title(rows: list[dict]) -> dict[str, dict]:
    out: dict[str, dict] = {}
    for r in rows:
        assert r["title"] not in out, f"listed twice: {r}"
        out[r["title"]] = r
    return out


def feed_events(url: str) -> dict[str, icalendar.Event]:
    status, _, body = fetch(url)
    assert status == 200
    events = icalendar.Calendar.from_ical(body).walk("VEVENT")
    uids = [str(e["UID"]) for e in events]
    assert len(uids) == len(set(uids))
    return dict(zip(uids, events, strict=True))


@needs_clients
def test_vdirsyncer_and_khal_show_the_feed(live, store, tmp_path):
    store.put(rec("hostile@calfeed.test", title=HOSTILE, start=dt.date(2023, 7, 2), end=dt.date(2023, 7, 2)))
    client = Client(tmp_path, live.url + "/calendar.ics")
    synced = client.sync()
    assert sorted(str(e["SUMMARY"]) for e in synced) == sorted([r.title for r in sample_records()] + [CLEAN])
    rows = by_title(client.khal())
    # a hostile title arrives as one line, its ; , \ and <script> intact as text
    assert rows[CLEAN]["start"] == "2023-07-02"
    # Chinese titles intact, all-day dates not shifted: a one-day deadline on 7月21日 is 2023-07-21 only
    assert rows["高考志愿填报截止"]["start"] == "2023-07-21"
    assert rows["高考志愿填报截止"]["end"] == "2023-07-21"
    assert rows["高考志愿填报截止"]["all-day"] == "True"
    assert (rows["大同古城灯会"]["start"], rows["大同古城灯会"]["end"]) == ("2023-07-01", "2023-07-10")
    # timed events at the right Asia/Shanghai hour, with their end
    assert rows["全市重点工程项目调度会"]["start"] == "2023-07-05 09:00"
    assert rows["全市重点工程项目调度会"]["end"] == "2023-07-05 11:30"
    assert rows["火车抵达大同站"]["start"] == "2023-06-21 20:40"
    # the open-ended start is one day; the English title is intact too
    assert (rows["新版公交线路开通"]["start"], rows["新版公交线路开通"]["end"]) == ("2023-06-22", "2023-06-22")
    assert rows["Summer reading list due"]["start"] == "2023-07-14"


@needs_clients
def test_refresh_twice_same_uids_no_duplicates_sequence_and_cancelled(live, store, tmp_path):
    """Two refreshes of the data behind the feed, a sync after each.

    Uses the MemoryStore seam (what the store hands over after a refresh); the store's own
    reconciliation is tested with the store.
    """
    url = live.url + "/calendar.ics"
    client = Client(tmp_path, url)
    first = feed_events(url)
    client.sync()
    assert len(client.khal()) >= len(first)
    # second refresh: one event rescheduled (sequence bumped), one vanished (cancelled), one new
    later = T0 + dt.timedelta(days=1)
    store.put(rec("deadline@calfeed.test", title="高考志愿填报截止（延期）", start=dt.date(2023, 7, 24),
                  end=dt.date(2023, 7, 24), sequence=1, updated=later))
    store.put(rec("english@calfeed.test", title="Summer reading list due", start=dt.date(2023, 7, 14),
                  end=dt.date(2023, 7, 14), status="cancelled", sequence=1, updated=later, source_id="school"))
    store.put(rec("new@calfeed.test", title="新增的活动", kind="event", start=dt.date(2023, 7, 30),
                  end=dt.date(2023, 7, 30), updated=later))
    second = feed_events(url)
    assert set(second) == set(first) | {"new@calfeed.test"}  # same UIDs, one new, no duplicates
    assert int(second["deadline@calfeed.test"]["SEQUENCE"]) > int(first["deadline@calfeed.test"]["SEQUENCE"])
    assert str(second["english@calfeed.test"]["STATUS"]) == "CANCELLED"
    synced = client.sync()
    assert len(synced) == len(second)  # the replaced item is gone from the vdir, not kept beside
    assert str(next(e for e in synced if str(e["SUMMARY"]) == "Summer reading list due")["STATUS"]) == "CANCELLED"
    rows = by_title(client.khal())  # by_title fails on any duplicate
    assert "高考志愿填报截止" not in rows
    assert rows["高考志愿填报截止（延期）"]["start"] == "2023-07-24"
    assert rows["新增的活动"]["start"] == "2023-07-30"
