"""Term weeks re-read from the document's own week 1 (calfeed.extract.weeks)."""
from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from calfeed.extract.timex import find_timexes
from calfeed.extract.weeks import calibrate_weeks

REF = dt.datetime(2025, 5, 12, 12, 0, tzinfo=ZoneInfo("Asia/Shanghai"))


def read(text: str) -> dict[str, tuple]:
    return {t.text: (t.start, t.end) for t in calibrate_weeks(text, find_timexes(text, REF, lang="zh"))
            if not t.rule.endswith("+restated")}


def test_a_dated_week_sets_week_one_for_the_others():
    text = "6月14日（第17周星期六）举行四级考试。试卷须于第15周星期五17:00前提交，成绩第20周星期三前录入。"
    got = read(text)
    assert got["6月14日"][0] == dt.date(2025, 6, 14)
    deadline = next(v for k, v in got.items() if k.startswith("第15周"))
    assert deadline[1].date() == dt.date(2025, 5, 30) and deadline[1].hour == 17
    assert not any(k.startswith("第17周") for k in got)  # the bracketed week only restated the day


def test_a_range_of_weeks_and_another_terms_week_one():
    text = "本学期教学周为第1周至第20周（2025年2月17日至7月6日）。期中检查在第9周。补考安排在下学期第1周，即9月1日至5日。"
    got = read(text)
    assert got["第9周"] == (dt.date(2025, 4, 14), dt.date(2025, 4, 20))
    assert "下学期第1周" not in got and "第1周" not in got


def test_without_a_dated_week_nothing_changes():
    text = "第3周召开家长会。"
    before = {t.text: (t.start, t.end) for t in find_timexes(text, REF, lang="zh")}
    assert read(text) == before
