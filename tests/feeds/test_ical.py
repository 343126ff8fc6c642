"""calfeed.ical: the calendar as RFC 5545 / RFC 7986 and the habits of real clients want it."""
from __future__ import annotations

import datetime as dt
import re
import time
from pathlib import Path

import icalendar
import pytest
from ical.calendar_stream import IcsCalendarStream

from calfeed.ical import (
    AlarmSpec,
    BlockCache,
    CalendarSettings,
    FeedBuilder,
    build_feed,
    events_to_ics,
    parse_duration,
    qualified_uid,
)
from feeds.factory import HOSTILE, SH, T0, UTC, rec, sample_records, timed

DATA = Path(__file__).resolve().parent.parent / "data" / "feeds"
SETTINGS = CalendarSettings(name="大同日报 calfeed", description="测试日历", domain="calfeed.test",
                            alarms=(AlarmSpec(dt.timedelta(days=1), ("deadline",)),
                                    AlarmSpec(dt.timedelta(hours=1), ("deadline",))))


def feed(records, settings=SETTINGS) -> bytes:
    return build_feed(records, settings)


def events_by_uid(data: bytes) -> dict[str, icalendar.Event]:
    cal = icalendar.Calendar.from_ical(data)
    return {str(e["UID"]): e for e in cal.walk("VEVENT")}


def lines(data: bytes) -> list[bytes]:
    assert data.endswith(b"\r\n")
    return data[:-2].split(b"\r\n")


# ---------------------------------------------------------------- the calendar object
def test_calendar_properties():
    cal = icalendar.Calendar.from_ical(feed(sample_records()))
    assert str(cal["VERSION"]) == "2.0"
    assert cal["PRODID"]
    assert str(cal["CALSCALE"]) == "GREGORIAN"
    assert str(cal["METHOD"]) == "PUBLISH"
    assert str(cal["NAME"]) == str(cal["X-WR-CALNAME"]) == "大同日报 calfeed"
    assert str(cal["DESCRIPTION"]) == str(cal["X-WR-CALDESC"]) == "测试日历"
    assert str(cal["X-WR-TIMEZONE"]) == "Asia/Shanghai"
    text = feed(sample_records()).decode()
    assert "REFRESH-INTERVAL;VALUE=DURATION:PT6H\r\n" in text
    assert "X-PUBLISHED-TTL:PT6H\r\n" in text


def test_every_tzid_has_a_vtimezone():
    cal = icalendar.Calendar.from_ical(feed(sample_records()))
    assert cal.get_used_tzids() == {"Asia/Shanghai"}
    assert not cal.get_missing_tzids()
    assert [str(tz["TZID"]) for tz in cal.walk("VTIMEZONE")] == ["Asia/Shanghai"]


def test_no_vtimezone_when_nothing_is_timed():
    text = feed([rec()]).decode()
    assert "VTIMEZONE" not in text and "TZID" not in text


def test_crlf_and_folding_never_split_a_character_or_an_escape():
    long_title = "关于做好2023年普通高校招生考试志愿填报工作的通知，各位考生；请注意\\时间" * 3
    data = feed([rec(title=long_title, evidence=long_title * 2)])
    assert b"\n" not in data.replace(b"\r\n", b"")
    for line in lines(data):
        assert len(line) <= 75
        line.decode("utf-8")  # every physical line is whole UTF-8
        assert not re.search(rb"(?<!\\)(\\\\)*\\$", line), line  # no line ends inside an escape
    assert str(events_by_uid(data)["e1@calfeed.test"]["SUMMARY"]) == long_title


# ---------------------------------------------------------------- events
def test_all_day_deadline_is_a_date_with_exclusive_end():
    text = feed([rec()]).decode()
    assert "DTSTART;VALUE=DATE:20230721\r\n" in text
    assert "DTEND;VALUE=DATE:20230722\r\n" in text


def test_multi_day_event_ends_the_day_after_its_last_day():
    ev = events_by_uid(feed(sample_records()))["period@calfeed.test"]
    assert ev.decoded("DTSTART") == dt.date(2023, 7, 1)
    assert ev.decoded("DTEND") == dt.date(2023, 7, 11)


def test_timed_event_has_tzid_and_end():
    text = feed([timed()]).decode()
    assert "DTSTART;TZID=Asia/Shanghai:20230705T090000\r\n" in text
    assert "DTEND;TZID=Asia/Shanghai:20230705T113000\r\n" in text


def test_timed_value_in_another_zone_is_written_in_the_calendar_zone():
    start = dt.datetime(2023, 7, 5, 1, 0, tzinfo=UTC)
    text = feed([timed(start=start, end=start + dt.timedelta(hours=1))]).decode()
    assert "DTSTART;TZID=Asia/Shanghai:20230705T090000\r\n" in text


def test_a_moment_gets_an_end_after_its_start():
    ev = events_by_uid(feed(sample_records()))["moment@calfeed.test"]
    assert ev.decoded("DTEND") > ev.decoded("DTSTART")
    assert ev.decoded("DTSTART") == dt.datetime(2023, 6, 21, 20, 40, tzinfo=SH)


def test_open_ended_start_is_a_one_day_event_that_says_so():
    ev = events_by_uid(feed(sample_records()))["open@calfeed.test"]
    assert ev.decoded("DTSTART") == dt.date(2023, 6, 22)
    assert ev.decoded("DTEND") == dt.date(2023, 6, 23)
    assert "未说明结束日期" in str(ev["DESCRIPTION"])
    assert "no end given" in str(ev["DESCRIPTION"])


def test_identity_and_times():
    ev = events_by_uid(feed([rec(sequence=3, updated=T0 + dt.timedelta(days=1))]))["e1@calfeed.test"]
    assert int(ev["SEQUENCE"]) == 3
    assert ev.decoded("DTSTAMP") == T0 + dt.timedelta(days=1)
    assert ev.decoded("LAST-MODIFIED") == T0 + dt.timedelta(days=1)
    assert ev.decoded("CREATED") == T0


def test_uid_is_domain_qualified():
    assert "e9@calfeed.test" in events_by_uid(feed([rec("e9")]))
    assert qualified_uid("a@b", "c") == "a@b"


def test_description_url_categories_status_transp():
    ev = events_by_uid(feed([rec()]))["e1@calfeed.test"]
    desc = str(ev["DESCRIPTION"])
    assert "考生须于7月21日前完成志愿填报。" in desc
    assert "大同日报" in desc and "https://example.org/news/1" in desc
    assert str(ev["URL"]) == "https://example.org/news/1"
    assert [str(c) for c in ev["CATEGORIES"].cats] == ["deadline", "教育"]
    assert str(ev["STATUS"]) == "CONFIRMED"
    assert str(ev["TRANSP"]) == "TRANSPARENT"


def test_approximate_is_tentative_with_a_plain_note():
    ev = events_by_uid(feed(sample_records()))["approx@calfeed.test"]
    assert str(ev["STATUS"]) == "TENTATIVE"
    assert "日期为约数" in str(ev["DESCRIPTION"]) and "7月上旬" in str(ev["DESCRIPTION"])


def test_cancelled_is_cancelled_without_alarms():
    ev = events_by_uid(feed([rec(status="cancelled")]))["e1@calfeed.test"]
    assert str(ev["STATUS"]) == "CANCELLED"
    assert not ev.walk("VALARM")


def test_recurring_event_has_rrule():
    ev = events_by_uid(feed(sample_records()))["weekly@calfeed.test"]
    assert ev["RRULE"]["FREQ"] == ["WEEKLY"] and ev["RRULE"]["BYDAY"] == ["MO"]


def test_bad_rrule_is_dropped_not_fatal():
    ev = events_by_uid(feed([rec(rrule="FREQ=NEVERLY;;")]))["e1@calfeed.test"]
    assert "RRULE" not in ev


def test_alarms_from_configuration():
    uids = events_by_uid(feed(sample_records()))
    alarms = uids["deadline@calfeed.test"].walk("VALARM")
    assert [a.decoded("TRIGGER") for a in alarms] == [dt.timedelta(days=-1), dt.timedelta(hours=-1)]
    assert all(str(a["ACTION"]) == "DISPLAY" and str(a["DESCRIPTION"]) for a in alarms)
    assert not uids["meeting@calfeed.test"].walk("VALARM")  # only deadlines asked for


def test_hostile_title_is_escaped():
    data = feed([rec(title=HOSTILE, evidence=HOSTILE, categories=("a,b", "c;d"))])
    text = data.decode()
    assert "\r\nInjected: yes" not in text  # the CRLF did not start a new property
    unfolded = text.replace("\r\n ", "")
    assert 'SUMMARY:Bad Injected: yes\\; a\\,b\\\\c <script>alert("x")</script>\r\n' in unfolded
    ev = events_by_uid(data)["e1@calfeed.test"]
    assert str(ev["SUMMARY"]) == 'Bad Injected: yes; a,b\\c <script>alert("x")</script>'
    assert [str(c) for c in ev["CATEGORIES"].cats] == ["deadline", "a,b", "c;d"]
    IcsCalendarStream.calendar_from_ics(text)  # the strict parser takes it


# ---------------------------------------------------------------- parsers
def test_strict_parser_reads_every_event():
    cal = IcsCalendarStream.calendar_from_ics(feed(sample_records()).decode())
    assert sorted(e.uid for e in cal.events) == sorted(r.uid for r in sample_records())
    by_uid = {e.uid: e for e in cal.events}
    assert by_uid["deadline@calfeed.test"].dtstart == dt.date(2023, 7, 21)
    assert by_uid["deadline@calfeed.test"].dtend == dt.date(2023, 7, 22)
    assert by_uid["meeting@calfeed.test"].dtstart == dt.datetime(2023, 7, 5, 9, 0, tzinfo=SH)


def test_matches_golden_file():
    """tests/data/feeds/sample.ics is the reviewed output; regenerate with REGEN_GOLDEN=1."""
    import os

    data = feed(sample_records())
    golden = DATA / "sample.ics"
    if os.environ.get("REGEN_GOLDEN"):
        golden.write_bytes(data)
    assert data == golden.read_bytes()


@pytest.mark.parametrize("path", sorted(DATA.glob("*.ics")), ids=lambda p: p.name)
def test_fixture_files_parse_strictly(path):
    cal = IcsCalendarStream.calendar_from_ics(path.read_text("utf-8"))
    assert cal.events


# ---------------------------------------------------------------- stability and the cache
def test_same_data_same_bytes():
    assert feed(sample_records()) == feed(list(sample_records()))


def test_block_cache_reuses_and_invalidates():
    b = FeedBuilder(SETTINGS)
    first = b.build([rec()])
    assert len(b.cache) == 1
    assert b.build([rec()]) == first
    changed = b.build([rec(title="改期", sequence=1, updated=T0 + dt.timedelta(hours=1))])
    assert "SUMMARY:改期".encode() in changed and b"SEQUENCE:1" in changed
    assert len(b.cache) == 2


def test_disk_cache_is_shared_between_builders(tmp_path):
    path = str(tmp_path / "blocks.sqlite")
    a = FeedBuilder(SETTINGS, BlockCache(path)).build(sample_records())
    fresh = BlockCache(path)
    assert fresh.get_many([FeedBuilder(SETTINGS).block_key(rec("deadline@calfeed.test"))])
    assert FeedBuilder(SETTINGS, fresh).build(sample_records()) == a


def test_settings_change_changes_blocks():
    plain = CalendarSettings(domain="calfeed.test")
    cache = BlockCache()
    with_alarm = FeedBuilder(SETTINGS, cache).build([rec()])
    without = FeedBuilder(plain, cache).build([rec()])
    assert b"VALARM" in with_alarm and b"VALARM" not in without


def test_ten_thousand_events_cold_feed_from_cached_blocks_under_half_a_second():
    recs = [rec(f"e{i}", title=f"事件{i}", start=dt.date(2023, 1, 1) + dt.timedelta(days=i % 700),
                end=None if i % 7 == 0 else dt.date(2023, 1, 1) + dt.timedelta(days=i % 700))
            if i % 2 else timed(f"e{i}", start=dt.datetime(2023, 1, 1, 9, tzinfo=SH) + dt.timedelta(days=i % 700),
                                end=dt.datetime(2023, 1, 1, 10, tzinfo=SH) + dt.timedelta(days=i % 700))
            for i in range(10_000)]
    cache = BlockCache()
    FeedBuilder(SETTINGS, cache).build(recs)  # fills the block cache (the refresh that stored them)
    builder = FeedBuilder(SETTINGS, cache)  # a new builder: no header, no feed cached
    t = time.perf_counter()
    data = builder.build(recs)
    assert time.perf_counter() - t < 0.5
    assert data.count(b"BEGIN:VEVENT") == 10_000


# ---------------------------------------------------------------- helpers and the extractor's CLI
def test_parse_duration():
    assert parse_duration("PT1H") == dt.timedelta(hours=1)
    assert parse_duration("-P1D") == dt.timedelta(days=-1)
    assert parse_duration("2d") == dt.timedelta(days=2)
    with pytest.raises(ValueError):
        parse_duration("soon")


def test_events_to_ics_is_deterministic():
    from calfeed.extract.types import Event

    evs = [Event(title="志愿填报截止", start=dt.date(2023, 7, 21), end=dt.date(2023, 7, 21), all_day=True,
                 kind="deadline", approximate=False, evidence="7月21日截止。", span=(10, 15), timex="7月21日"),
           Event(title="调度会", start=dt.datetime(2023, 6, 21, 9, tzinfo=SH), end=None, all_day=False,
                 kind="event", approximate=False, evidence="6月21日上午9时召开调度会。", span=(30, 38),
                 timex="6月21日上午9时")]
    a = events_to_ics(evs, SH, "paper.txt", stamp=T0)
    b = events_to_ics(evs, SH, "paper.txt", stamp=T0)
    assert a == b
    cal = IcsCalendarStream.calendar_from_ics(a.decode())
    assert len({e.uid for e in cal.events}) == 2
    assert events_by_uid(a).keys() != events_by_uid(events_to_ics(evs, SH, "other.txt", stamp=T0)).keys()


def test_disk_cache_keeps_the_newest_blocks(tmp_path):
    cache = BlockCache(str(tmp_path / "blocks.sqlite"), max_items=500)
    b = FeedBuilder(SETTINGS, cache)
    b.build([rec(f"e{i}", title=f"v1 {i}") for i in range(600)])
    b.build([rec(f"e{i}", title=f"v2 {i}", sequence=1, updated=T0 + dt.timedelta(hours=1)) for i in range(600)])
    rows = cache._db.execute("SELECT count(*) FROM vevent_blocks").fetchone()[0]
    assert rows <= 600 + 500  # pruned once 1,000 blocks were written since the last prune
