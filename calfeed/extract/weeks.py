"""Teaching weeks: "第15周星期五" counts from the first week of a school term, not of the year.

A school notice says once which days its weeks are ("第1周至第20周（2025年2月17日至7月6日）",
"6月14日（第17周星期六）"); every other "第N周" in the document counts from that week 1.  The
week said in brackets next to a date only repeats it, so it is dropped.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from calfeed.extract.drafts import day_of, on_day
from calfeed.extract.types import Timex
from calfeed.extract.zh_numbers import parse_int

_WEEK = re.compile(r"^[在于]?第(?P<a>\d{1,2}|[一二三四五六七八九十]{1,3})(?:个)?(?:周|教学周)"
                   r"(?:(?:至|到|—|-|~)第(?P<b>\d{1,2}|[一二三四五六七八九十]{1,3})周)?"
                   r"(?:(?:星期|周)(?P<wd>[一二三四五六日天]))?")
_WEEKDAY = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6}
_RESTATES = re.compile(r"^\s*[（(]?\s*$|^\s*[）)]?\s*[，,]?\s*(?:即|也就是|为|是)?\s*[（(]?\s*$")
_OTHER_TERM = re.compile(r"(?:下|上)(?:个)?学(?:期|年)\s*$|(?:下|上)学期的?\s*$")


def _week_of(t: Timex) -> tuple[int, int | None, int | None] | None:
    m = _WEEK.match(t.text)
    if not m:
        return None
    a = parse_int(m["a"])
    b = parse_int(m["b"]) if m["b"] else None
    return (a, b, _WEEKDAY[m["wd"]] if m["wd"] else None) if a else None


def _explicit(t: Timex) -> bool:
    return bool(re.search(r"\d+\s*月\s*\d+\s*日", t.text)) and t.start is not None


def calibrate_weeks(text: str, timexes: list[Timex]) -> list[Timex]:
    """The timexes with every term week re-read from the document's own week 1."""
    weeks = {i: w for i, t in enumerate(timexes) if (w := _week_of(t)) is not None}
    if not weeks:
        return timexes
    week1: dt.date | None = None
    restated: set[int] = set()
    for i, (a, _b, _wd) in weeks.items():
        for j in (i - 1, i + 1):
            if not 0 <= j < len(timexes) or j in weeks or not _explicit(timexes[j]):
                continue
            first, second = sorted((timexes[i], timexes[j]), key=lambda x: x.span)
            if not _RESTATES.match(text[first.span[1]:second.span[0]]):
                continue
            restated.add(i)
            if _OTHER_TERM.search(text[max(0, timexes[i].span[0] - 5):timexes[i].span[0]]):
                continue  # 下学期第1周，即9月1日至5日: another term's weeks
            day = day_of(timexes[j].start)
            monday = day - dt.timedelta(days=day.weekday())
            week1 = week1 or monday - dt.timedelta(weeks=a - 1)
    if week1 is None:
        return timexes
    out = []
    moved: dict[dt.date, dt.date] = {}  # old reading -> new, for 当天 that pointed at a week's day
    for i, t in enumerate(timexes):
        old = day_of(t.start) if t.start is not None else None
        if i in restated:
            t = replace(t, rule=t.rule + "+restated")  # kept for titles, not read as a date
        elif i in weeks and not _OTHER_TERM.search(text[max(0, t.span[0] - 5):t.span[0]]):
            t = _recount(t, weeks[i], week1)
        elif "anaphora" in t.rule and old in moved and t.start is not None:
            t = replace(t, start=on_day(t.start, moved[old]), end=on_day(t.end, moved[old]))
        if i in restated:
            j = i + 1 if i + 1 < len(timexes) and _explicit(timexes[i + 1]) else i - 1
            if old is not None and 0 <= j < len(timexes) and timexes[j].start is not None:
                moved[old] = day_of(timexes[j].start)
        elif i in weeks and old is not None and t.start is not None:
            moved[old] = day_of(t.start)
        out.append(t)
    return out


def _recount(t: Timex, week: tuple[int, int | None, int | None], week1: dt.date) -> Timex:
    a, b, wd = week
    first = week1 + dt.timedelta(weeks=a - 1)
    if wd is not None:
        start_day = end_day = first + dt.timedelta(days=wd)
    else:
        start_day, end_day = first, week1 + dt.timedelta(weeks=(b or a) - 1, days=6)
    if t.mod == "deadline":  # 第15周星期五17:00前: the bound moves; there is no start
        return replace(t, start=None, end=on_day(t.end, end_day), rule=t.rule + "+term-week")
    return replace(t, start=on_day(t.start, start_day), end=on_day(t.end, end_day), rule=t.rule + "+term-week")
