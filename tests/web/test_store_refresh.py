"""The whole chain on the real store: refresh → Store → create_app on loopback → vdirsyncer → khal.

A file source is refreshed twice (its document edited in between) by calfeed.refresh with a small
line-reading extractor (the extractor proper is tested in tests/extract); the feed keeps its UIDs,
shows no duplicates, gives the changed event a higher SEQUENCE and the vanished one CANCELLED.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import icalendar
import pytest

from calfeed.config import load_config
from calfeed.extract.types import Event
from calfeed.web import create_app
from web.conftest import LiveServer
from web.test_clients import Client, by_title, fetch, needs_clients

store_mod = pytest.importorskip("calfeed.store")
refresh_mod = pytest.importorskip("calfeed.refresh")

LINE = re.compile(r"^(\d{4}-\d{2}-\d{2})(?: (\d{2}:\d{2}))? (\w+): (.+)$", re.M)

CONFIG = """calendar:
  name: 刷新测试
  timezone: Asia/Shanghai
  base_url: https://cal.example.org/
sources:
  - id: paper
    name: 测试日报
    type: file
    path: paper.txt
    published: 2023-06-22
    categories: [测试]
feeds:
  named:
    deadlines: {name: 截止, kind: deadline}
web:
  freshness: 0
"""

V1 = """2023-07-21 deadline: 高考志愿填报截止
2023-07-05 09:00 event: 全市重点工程项目调度会
2023-07-08 event: 大同古城讲座
"""
V2 = """2023-07-24 deadline: 高考志愿填报截止
2023-07-05 09:00 event: 全市重点工程项目调度会
2023-07-30 event: 新增的音乐会
"""


@dataclass
class Result:
    published: dt.date
    published_how: str
    events: list


def lines_extractor(text: str, *, published=None, tz=None, lang="auto") -> Result:
    events = []
    for m in LINE.finditer(text):
        day = dt.date.fromisoformat(m.group(1))
        timed = m.group(2) is not None
        start = dt.datetime.combine(day, dt.time.fromisoformat(m.group(2)), tz) if timed else day
        end = start + dt.timedelta(hours=2) if timed else day
        events.append(Event(title=m.group(4).strip(), start=start, end=end, all_day=not timed, kind=m.group(3),
                            approximate=False, evidence=m.group(4).strip() + "。", span=m.span(1),
                            timex=m.group(1)))
    return Result(published=published or dt.date(2023, 6, 22), published_how="given", events=events)


def feed(url: str) -> dict[str, icalendar.Event]:
    status, _, body = fetch(url)
    assert status == 200
    events = icalendar.Calendar.from_ical(body).walk("VEVENT")
    uids = [str(e["UID"]) for e in events]
    assert len(uids) == len(set(uids)), "duplicate UIDs"
    return {str(e["SUMMARY"]): e for e in events}


@pytest.fixture
def chain(tmp_path, monkeypatch):
    monkeypatch.delenv("CALFEED_DATABASE_URL", raising=False)
    (tmp_path / "events.yaml").write_text(CONFIG, "utf-8")
    (tmp_path / "paper.txt").write_text(V1, "utf-8")
    config = load_config(tmp_path / "events.yaml")
    store = store_mod.Store.from_config(config)

    def refresh() -> None:
        summary = refresh_mod.refresh(config, store, extractor=lines_extractor)
        assert not summary.errors, summary.describe()

    refresh()
    app = create_app(config)  # opens the real store from the configuration
    with LiveServer(app) as server:
        yield tmp_path, refresh, server
    store.close()


@needs_clients
def test_refresh_twice_through_the_real_store(chain):
    tmp_path, refresh, server = chain
    url = server.url + "/calendar.ics"
    first = feed(url)
    assert set(first) == {"高考志愿填报截止", "全市重点工程项目调度会", "大同古城讲座"}
    assert all(str(e["UID"]).endswith("@cal.example.org") for e in first.values())
    client = Client(tmp_path / "client", url)
    client.sync()
    rows = by_title(client.khal())
    assert rows["高考志愿填报截止"]["start"] == "2023-07-21" and rows["高考志愿填报截止"]["all-day"] == "True"
    assert rows["全市重点工程项目调度会"]["start"] == "2023-07-05 09:00"
    assert rows["全市重点工程项目调度会"]["end"] == "2023-07-05 11:00"

    refresh()  # nothing changed: identical bytes, so clients get a 304
    status, headers, _ = fetch(url)
    again_status, _, _ = fetch(url, {"If-None-Match": headers["ETag"]})
    assert again_status == 304

    (tmp_path / "paper.txt").write_text(V2, "utf-8")
    refresh()
    second = feed(url)
    # same UIDs (one new event added), no duplicates (checked in feed())
    assert {str(e["UID"]) for e in first.values()} <= {str(e["UID"]) for e in second.values()}
    assert len(second) == 4
    moved = second["高考志愿填报截止"]
    assert str(moved["UID"]) == str(first["高考志愿填报截止"]["UID"])
    assert moved.decoded("DTSTART") == dt.date(2023, 7, 24)
    assert int(moved["SEQUENCE"]) > int(first["高考志愿填报截止"]["SEQUENCE"])
    gone = second["大同古城讲座"]
    assert str(gone["STATUS"]) == "CANCELLED"
    assert int(gone["SEQUENCE"]) > int(first["大同古城讲座"]["SEQUENCE"])
    assert str(second["全市重点工程项目调度会"]["UID"]) == str(first["全市重点工程项目调度会"]["UID"])

    client.sync()
    rows = by_title(client.khal())  # by_title fails on a duplicate
    assert rows["高考志愿填报截止"]["start"] == "2023-07-24"
    assert rows["新增的音乐会"]["start"] == "2023-07-30"

    single = fetch(f"{server.url}/events/{moved['UID']}.ics")
    assert single[0] == 200 and b"2023" in single[2]
    dl = feed(server.url + "/feeds/deadlines.ics")
    assert set(dl) == {"高考志愿填报截止"}
