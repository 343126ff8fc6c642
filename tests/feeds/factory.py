"""EventRecord fixtures for the feed and web tests (no store needed)."""
from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from calfeed.records import EventRecord

SH = ZoneInfo("Asia/Shanghai")
UTC = dt.UTC
T0 = dt.datetime(2023, 6, 22, 4, 0, tzinfo=UTC)


def rec(uid: str = "e1@calfeed.test", **kw) -> EventRecord:
    base = dict(uid=uid, sequence=0, status="confirmed", review="accepted", title="高考志愿填报截止",
                start=dt.date(2023, 7, 21), end=dt.date(2023, 7, 21), all_day=True, kind="deadline",
                approximate=False, evidence="考生须于7月21日前完成志愿填报。", created=T0, updated=T0,
                url="https://example.org/news/1", source_id="datong", source_name="大同日报",
                categories=("教育",), timex="7月21日")
    base.update(kw)
    return EventRecord(**base)


def timed(uid: str = "t1@calfeed.test", **kw) -> EventRecord:
    kw.setdefault("start", dt.datetime(2023, 7, 5, 9, 0, tzinfo=SH))
    kw.setdefault("end", dt.datetime(2023, 7, 5, 11, 30, tzinfo=SH))
    kw.setdefault("title", "全市重点工程项目调度会")
    kw.setdefault("kind", "event")
    kw.setdefault("timex", "7月5日上午9时")
    return rec(uid, all_day=False, **kw)


def sample_records() -> list[EventRecord]:
    """A small varied feed: all-day, multi-day, timed, moment, open-ended, approximate, cancelled, recurring."""
    return [
        rec("deadline@calfeed.test"),
        rec("period@calfeed.test", title="大同古城灯会", kind="period", start=dt.date(2023, 7, 1),
            end=dt.date(2023, 7, 10), categories=("文化", "旅游"), timex="7月1日至10日"),
        timed("meeting@calfeed.test"),
        timed("moment@calfeed.test", title="火车抵达大同站", start=dt.datetime(2023, 6, 21, 20, 40, tzinfo=SH),
              end=dt.datetime(2023, 6, 21, 20, 40, tzinfo=SH), timex="20时40分许"),
        rec("open@calfeed.test", title="新版公交线路开通", kind="start", start=dt.date(2023, 6, 22), end=None,
            timex="即日起"),
        rec("approx@calfeed.test", title="暑期文化活动", kind="period", start=dt.date(2023, 7, 1),
            end=dt.date(2023, 7, 10), approximate=True, timex="7月上旬"),
        rec("gone@calfeed.test", title="已撤销的讲座", kind="event", status="cancelled", sequence=1,
            start=dt.date(2023, 7, 8), end=dt.date(2023, 7, 8),
            updated=T0 + dt.timedelta(hours=5)),
        timed("weekly@calfeed.test", title="每周一升旗仪式", start=dt.datetime(2023, 6, 26, 7, 30, tzinfo=SH),
              end=dt.datetime(2023, 6, 26, 8, 0, tzinfo=SH), rrule="FREQ=WEEKLY;BYDAY=MO;COUNT=4",
              timex="每周一"),
        rec("english@calfeed.test", title="Summer reading list due", start=dt.date(2023, 7, 14),
            end=dt.date(2023, 7, 14), evidence="The summer reading list is due July 14.", source_id="school",
            source_name="School news", categories=("school",), timex="July 14", url=None),
    ]


HOSTILE = 'Bad\r\nInjected: yes; a,b\\c <script>alert("x")</script>'
