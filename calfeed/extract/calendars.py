"""Calendar facts the tagger needs: festivals, official holiday spans, lunar dates, solar terms,
seasons and the five-year plans.

Official spans and make-up workdays come from the maintained `chinese-calendar` package; lunar
dates from `lunardate`.  Everything is computed on demand and memoised, so importing this module
loads no tables.
"""
from __future__ import annotations

import datetime as dt
from functools import lru_cache

Day = dt.date

# Festivals fixed on the solar calendar: name -> (month, day).
SOLAR_FESTIVALS = {
    "元旦": (1, 1), "情人节": (2, 14), "妇女节": (3, 8), "三八妇女节": (3, 8), "植树节": (3, 12),
    "消费者权益日": (3, 15), "愚人节": (4, 1), "劳动节": (5, 1), "五一劳动节": (5, 1), "五一": (5, 1),
    "青年节": (5, 4), "五四青年节": (5, 4), "儿童节": (6, 1), "六一儿童节": (6, 1), "六一": (6, 1),
    "建党节": (7, 1), "七一": (7, 1), "建军节": (8, 1), "八一": (8, 1), "教师节": (9, 10),
    "国庆节": (10, 1), "国庆": (10, 1), "十一": (10, 1), "万圣节": (10, 31), "光棍节": (11, 11),
    "双十一": (11, 11), "双十二": (12, 12), "平安夜": (12, 24), "圣诞节": (12, 25), "圣诞": (12, 25),
}

# Festivals on the lunar calendar: name -> (lunar month, lunar day); day 0 = New Year's Eve.
LUNAR_FESTIVALS = {
    "春节": (1, 1), "大年初一": (1, 1), "元宵节": (1, 15), "元宵": (1, 15),
    "龙抬头": (2, 2), "端午节": (5, 5), "端午": (5, 5), "七夕节": (7, 7), "七夕": (7, 7),
    "中元节": (7, 15), "中秋节": (8, 15), "中秋": (8, 15), "重阳节": (9, 9), "重阳": (9, 9),
    "腊八节": (12, 8), "腊八": (12, 8), "小年": (12, 23), "除夕": (0, 0), "大年三十": (0, 0),
}

# Festivals on the n-th weekday of a month: name -> (month, weekday 0=Mon, n).
FLOATING_FESTIVALS = {"母亲节": (5, 6, 2), "父亲节": (6, 6, 3), "感恩节": (11, 3, 4)}

SOLAR_TERMS = (
    "小寒", "大寒", "立春", "雨水", "惊蛰", "春分", "清明", "谷雨", "立夏", "小满", "芒种", "夏至",
    "小暑", "大暑", "立秋", "处暑", "白露", "秋分", "寒露", "霜降", "立冬", "小雪", "大雪", "冬至",
)

# The name chinese-calendar gives each official holiday.
OFFICIAL_NAMES = {
    "元旦": "New Year's Day", "春节": "Spring Festival", "除夕": "Spring Festival",
    "清明": "Tomb-sweeping Day", "劳动": "Labour Day", "五一": "Labour Day", "端午": "Dragon Boat Festival",
    "中秋": "Mid-autumn Festival", "国庆": "National Day", "十一": "National Day",
}


def lunar_to_solar(year: int, month: int, day: int, leap: bool = False) -> Day | None:
    """The solar date of a lunar date, or None when it does not exist (or is out of range)."""
    from lunardate import LunarDate

    try:
        if month == 0:  # New Year's Eve of the solar year: the day before lunar 1/1 of `year`
            return LunarDate(year, 1, 1).to_solar_date() - dt.timedelta(days=1)
        return LunarDate(year, month, day, leap).to_solar_date()
    except (ValueError, IndexError, KeyError):
        return None


def lunar_month_span(year: int, month: int, leap: bool = False) -> tuple[Day, Day] | None:
    first = lunar_to_solar(year, month, 1, leap)
    if first is None:
        return None
    nxt = lunar_to_solar(year, month, 30, leap)
    last = nxt if nxt is not None else lunar_to_solar(year, month, 29, leap)
    return first, last or first


@lru_cache(maxsize=4096)
def festival_day(name: str, year: int) -> Day | None:
    """The day of a festival or solar term in a solar year (lunar festivals of that lunar year)."""
    if name in SOLAR_FESTIVALS:
        m, d = SOLAR_FESTIVALS[name]
        return dt.date(year, m, d)
    if name in LUNAR_FESTIVALS:
        m, d = LUNAR_FESTIVALS[name]
        return lunar_to_solar(year, m, d)
    if name in FLOATING_FESTIVALS:
        m, wd, n = FLOATING_FESTIVALS[name]
        return nth_weekday(year, m, wd, n)
    term = name.removesuffix("节")
    if term in SOLAR_TERMS:
        return solar_term(term, year)
    return None


def nth_weekday(year: int, month: int, weekday: int, n: int) -> Day | None:
    """The n-th (1-based; -1 = last) given weekday of a month."""
    if n < 0:
        last = (dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1))
        return last - dt.timedelta(days=(last.weekday() - weekday) % 7)
    first = dt.date(year, month, 1)
    day = first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    return day if day.month == month else None


@lru_cache(maxsize=512)
def solar_term(term: str, year: int) -> Day | None:
    import chinese_calendar

    index = SOLAR_TERMS.index(term)
    month = index // 2 + 1
    try:
        found = chinese_calendar.get_solar_terms(dt.date(year, month, 1), dt.date(year, month, 28))
    except Exception:  # outside the package's table
        return None
    for day, name in found:
        if name == term:
            return day
    return None


@lru_cache(maxsize=512)
def official_holiday(name: str, year: int) -> tuple[Day, Day] | None:
    """The official days off around a festival in `year` (2023 端午 -> 06-22..06-24), if known."""
    import chinese_calendar

    key = next((k for k in OFFICIAL_NAMES if name.startswith(k)), None)
    if key is None:
        return None
    official = OFFICIAL_NAMES[key]
    center = festival_day({"劳动": "劳动节", "清明": "清明"}.get(key, key), year)
    if center is None:
        return None

    def off(day: Day) -> bool:
        try:
            holiday, holiday_name = chinese_calendar.get_holiday_detail(day)
        except NotImplementedError:  # year not covered by the package
            raise LookupError from None
        # weekends inside the break carry no name ("与周末连休")
        return holiday and holiday_name in (official, None)

    try:
        probe = next((center + dt.timedelta(days=k) for k in (0, -1, 1, -2, 2, -3, 3)
                      if off(center + dt.timedelta(days=k))), None)
    except LookupError:
        return None
    if probe is None:
        return None
    start = end = probe
    while off(start - dt.timedelta(days=1)):
        start -= dt.timedelta(days=1)
    while off(end + dt.timedelta(days=1)):
        end += dt.timedelta(days=1)
    return start, end


def season_span(name: str, year: int) -> tuple[Day, Day] | None:
    """Seasons by the solar terms (立春..立夏-1 is spring); 暑假/寒假 by the school calendar."""
    if name in ("暑假", "暑期"):
        return dt.date(year, 7, 1), dt.date(year, 8, 31)
    if name == "寒假":
        return dt.date(year, 1, 15), dt.date(year, 2, 25)
    starts = {"春": ("立春", "立夏"), "夏": ("立夏", "立秋"), "秋": ("立秋", "立冬"), "冬": ("立冬", "立春")}
    key = name[0]
    if key not in starts:
        return None
    first, nxt = starts[key]
    begin = solar_term(first, year)
    end = solar_term(nxt, year + 1 if key == "冬" else year)
    if begin is None or end is None:
        return None
    return begin, end - dt.timedelta(days=1)


def five_year_plan(n: int) -> tuple[int, int] | None:
    """Years of the n-th Five-Year Plan (十四五 -> 2021..2025)."""
    if n == 1:
        return 1953, 1957
    if n == 2:
        return 1958, 1962
    if 3 <= n <= 20:
        start = 1966 + 5 * (n - 3)
        return start, start + 4
    return None
