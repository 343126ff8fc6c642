"""The Chinese temporal tagger: finds time expressions in Chinese prose and resolves them.

Three steps, each simple on its own:

1. atoms: the smallest time words (6月21日, 昨日, 上午, 10时30分, 端午, 为期1个月), found by one
   regular expression (zh_patterns.ATOM) over a same-length normalised copy of the text;
2. composition: adjacent atoms that describe one moment merge, coarse to fine (2023年 + 6月21日
   + （星期三） + 上午 + 10时30分), and the words around them add their sense (从…起, 截至, …前,
   …至…, 为期…);
3. resolution: the merged fields become a start and an end, against the reference time, the last
   date mentioned (for 次日, 是日, 当天) and the tense of the sentence (for years left unsaid).
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, field, replace

from calfeed.extract import calendars as cal
from calfeed.extract.types import Timex, day_of, years_earlier
from calfeed.extract.zh_numbers import parse_amount, parse_int
from calfeed.extract.zh_patterns import (
    ATOM_BY_CHAR,
    ATOM_START,
    DURATION_CUE,
    FULLWIDTH,
    FUTURE_WORDS,
    METAPHOR_BEFORE,
    PAST_WORDS,
    PREFIX,
    RANGE_SEP,
    SUBRANGE,
    SUFFIX,
)

Day = dt.date
ONE_DAY = dt.timedelta(days=1)
WEEKDAYS = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6,
            "1": 0, "2": 1, "3": 2, "4": 3, "5": 4, "6": 5, "7": 6}
RRULE_DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
# Hours (first, last) of the parts of the day.
POD_HOURS = {
    "凌晨": (0, 5), "清晨": (5, 7), "早晨": (6, 9), "早上": (6, 9), "早": (6, 9), "上午": (7, 11), "中午": (12, 13),
    "午后": (13, 14), "下午": (13, 17), "傍晚": (17, 19), "晚上": (18, 23), "晚间": (18, 23), "晚": (18, 23),
    "夜里": (20, 23), "夜间": (20, 23), "深夜": (22, 23), "半夜": (23, 23), "午夜": (0, 0), "后半夜": (2, 4),
    "前半夜": (20, 23), "黎明": (4, 6), "白天": (6, 18), "全天": (0, 23),
}
AFTERNOON = {"下午", "傍晚", "晚上", "晚间", "晚", "夜里", "夜间", "深夜", "午后"}
RELATIVE_DAYS = {
    "今天": 0, "今日": 0, "本日": 0, "现在": 0, "昨天": -1, "昨日": -1, "前天": -2, "前日": -2, "大前天": -3,
    "明天": 1, "明日": 1, "后天": 2, "大后天": 3, "大大后天": 4, "今晨": 0, "昨晨": -1, "今早": 0, "明早": 1,
    "今晚": 0, "昨晚": -1, "明晚": 1, "今夜": 0, "昨夜": -1,
}
DAY_PODS = {"今晨": "清晨", "昨晨": "清晨", "今早": "早上", "明早": "早上", "今晚": "晚上", "昨晚": "晚上",
            "明晚": "晚上", "当晚": "晚上", "今夜": "夜里", "昨夜": "夜里", "当夜": "夜里"}
HAPPENED = re.compile(r"开通|开业|开幕|开展|开工|通车|运营|启用|实施|施行|发布|成立|上线|开放|开园|开馆")
OPENINGS = ("开幕", "开展", "开馆", "开园", "开业", "开通", "开放")  # one happening under many names
SAFE_TERMS = {"立春", "立夏", "立秋", "立冬", "春分", "秋分", "夏至", "冬至", "清明", "芒种", "惊蛰"}
ANAPHORA_DAYS = {"前一天": -1, "前一日": -1, "头一天": -1, "后一天": 1, "第二天": 1, "当天": 0, "当日": 0, "是日": 0, "同日": 0, "次日": 1, "翌日": 1, "隔日": 1, "当晚": 0, "当夜": 0}
RELATIVE_YEARS = {"大前年": -3, "前年": -2, "去年": -1, "上年": -1, "上一年": -1, "今年": 0, "本年": 0, "本年度": 0,
                  "这一年": 0, "明年": 1, "来年": 1, "下一年": 1, "后年": 2, "大后年": 3}
RELATIVE_MONTHS = {"上上个月": -2, "上个月": -1, "上一个月": -1, "上月": -1, "本月": 0, "这个月": 0, "这一个月": 0,
                   "当月": 0, "下月": 1, "下个月": 1, "下一个月": 1, "下下个月": 2}
UNIT_ISO = {"年": "Y", "载": "Y", "周年": "Y", "月": "M", "季度": "Q", "周": "W", "天": "D", "日": "D",
            "小时": "H", "分": "MIN", "秒": "S", "工作日": "WD", "交易日": "WD"}


# ---------------------------------------------------------------- the public entry point
def tag(text: str, ref: dt.datetime) -> list[Timex]:
    """Every Chinese time expression of `text`, resolved against the aware datetime `ref`."""
    if not text:
        return []
    norm = text.translate(FULLWIDTH)
    tagger = _Tagger(text, norm, ref)
    return tagger.run()


# 1月28日（农历除夕、周二）: notes on a day listed in its parenthesis, read with the day
_DAY_NOTES = re.compile(r"\s*[（(](?=[^（）()\n]{0,12}(?:周|星期|农历|阴历|除夕|初[一二三四五六七八九十]))"
                        r"[^（）()。，；;\n]{1,10}、[^（）()。，；;\n]{1,10}[)）]")


# ---------------------------------------------------------------- composition state
@dataclass
class Fields:
    """What the atoms of one expression say, before it is resolved to a start and an end."""

    start: int
    end: int
    rank: float = 0
    year: int | None = None
    year_named: bool = False
    month: int | None = None
    day: int | None = None
    lunar: bool = False
    leap: bool = False
    day_inferred_month: bool = False
    span: tuple[Day, Day] | None = None  # a resolved coarse interval (week, quarter, holiday span...)
    grain: str = "day"
    fuzzy: str | None = None
    season: str | None = None
    weekday: int | None = None
    pod: str | None = None
    hour: int | None = None
    minute: int | None = None
    second: int | None = None
    approx: bool = False
    kind: str = "date"  # date | duration | set
    duration: str | None = None
    duration_parts: tuple[float, str] | None = None
    rrule: str | None = None
    holiday: tuple[str, bool] | None = None  # (name, the official days off are meant)
    quarter: tuple[int, int] | None = None  # first and last quarter, year from context
    nth_week: int | None = None
    nth_day: int | None = None
    range_from: int | None = None  # 12-19日: the bare first number of a range
    within: bool = False  # 年内: by the end of the span
    confirms: bool = False  # a solar date in brackets after a lunar one
    since_what: str | None = None  # 开通 in 自开通之日起
    amount_range: tuple[float, float] | None = None  # 二十几年: between 20 and 30
    since: bool = False  # 自开通之日起: from that day on
    anaphora: tuple[str, int] | None = None  # ("day"|"month"|"year", offset) from the last date mentioned
    rules: list[str] = field(default_factory=list)


class _Tagger:
    def __init__(self, text: str, norm: str, ref: dt.datetime):
        self.text = text
        self.norm = norm
        self.ref = ref
        self.today = ref.date()
        self.tz = ref.tzinfo
        self.anchor: Day = self.today  # the last day mentioned, for 次日/是日/当天
        self.anchor_end = -1  # where the expression that set it ends
        self.latest_ahead: Day | None = None  # the latest date ahead of the reference the text has named
        self.happened: dict[str, Day] = {}  # verb -> the day the text said it happened (开通 -> 12-28)
        self.forward_year: int | None = None  # a coming year the document is about
        self.listed_year: tuple[int, int] | None = None  # (end, year) of the last festival read with a year

    # ------------------------------------------------------------ driver
    def run(self) -> list[Timex]:
        groups = self.compose(self.atoms())
        out: list[Timex] = []
        i = 0
        while i < len(groups):
            g = groups[i]
            nxt = groups[i + 1] if i + 1 < len(groups) else None
            joined = self.try_range(g, nxt)
            if joined is not None:
                out.append(self.season_under_way(joined))
                i += 2
                continue
            t = self.finish(g)
            if t is not None:
                out.append(t)
                while i + 1 < len(groups) and groups[i + 1].start < t.span[1]:
                    i += 1  # 清明节前一天: the offset read with its day is not read again
            i += 1
        return out

    def atoms(self) -> list[tuple[str, re.Match]]:
        """Like ATOM.finditer, but ATOM is tried only where an atom can start."""
        norm, found, pos = self.norm, [], 0
        search = ATOM_START.search
        while True:
            start = search(norm, pos)
            if start is None:
                return found
            m = ATOM_BY_CHAR[start.group()].match(norm, start.start())
            if m is not None and m.end() > m.start():
                found.append((m.lastgroup, m))
                pos = m.end()
            else:
                pos = start.start() + 1

    # ------------------------------------------------------------ step 2: compose atoms
    def compose(self, atoms: list[tuple[str, re.Match]]) -> list[Fields]:
        groups: list[Fields] = []
        cur: Fields | None = None
        pending: Fields | None = None  # a bare range start waiting for its unit
        for kind, m in atoms:
            f = self.atom_fields(kind, m)
            if f is None:
                continue
            if f.kind == "numrange":
                pending = f
                continue
            if cur is not None and cur.day is not None and f.start >= cur.end and (notes := _DAY_NOTES.match(self.norm, cur.end)):
                cur.end = notes.end()
            if cur is not None and f.start < cur.end:
                continue  # inside a parenthesis already read: （星期五，农历八月十五）
            if pending is not None and pending.end == f.start and f.kind == "date":
                f.range_from, f.start = pending.range_from, pending.start
            pending = None
            if cur is not None and self.can_join(cur, f):
                self.join(cur, f)
                continue
            if cur is not None:
                groups.append(cur)
            cur = f
        if cur is not None:
            groups.append(cur)
        return [g for g in groups if self.keep(g)]

    def gap(self, a: int, b: int) -> str:
        return self.norm[a:b]

    def can_join(self, cur: Fields, f: Fields) -> bool:
        if cur.kind != "date" and not (cur.kind == "set" and f.rank >= 4):
            return False
        if f.kind != "date":
            return False
        gap = self.gap(cur.end, f.start)
        if "\n" in gap:
            return False  # a heading's word and the next line's date are two things
        if ("  " in gap or "\t" in gap or "\u3000" in gap) and not (f.rank == 3.5 and cur.rank >= 3):
            return False  # two columns of a text table (2025年1—11月    12月30日), unless a weekday confirms the date
        if cur.nth_week is not None and cur.month is None and f.month is not None and f.day is not None:
            return False  # 第9周   4月27日—5月3日: a teaching week's number labels its dates, which say it all
        if (gap.strip() in ("（", "(") and f.rank == 3 and cur.rank == 3
                and (cur.lunar or cur.holiday or (cur.day is not None and f.day == cur.day and f.month in (None, cur.month))
                     or (cur.day is not None and not cur.lunar and f.lunar))  # 2月17日（正月初一）: the lunar name repeats it
                and f.day is not None and (not f.lunar or not cur.lunar) and re.match(r"\s*[）)]", self.norm[f.end:f.end + 3])):
            f.rank = 3.5  # 腊月二十八（2月15日）: the solar date confirms the lunar one
            f.confirms = True
            return True
        if (re.fullmatch(r"\s*[（(]\s*(?:农历|阴历)?", gap) and cur.day is not None and cur.month is not None and f.holiday is not None
                and f.day is None and f.month is None and re.match(r"\s*[）)]", self.norm[f.end:f.end + 3])):
            f.confirms = True  # 12月21日（冬至）: the day's name in its parenthesis
            return True
        weekday_confirm = f.rank == 3.5 and cur.rank >= 3 and re.fullmatch(r"\s*[（(]?\s*", gap)
        if gap.strip() and not weekday_confirm and gap.strip() != "的":
            return False
        if f.rank == 3.5:
            return cur.rank >= 1 and cur.rank < 3.5 or bool(weekday_confirm)
        return f.rank > cur.rank

    def join(self, cur: Fields, f: Fields) -> None:
        end = f.end
        if f.confirms:  # only the closing bracket is taken; the fields stay the lunar date's
            close = re.match(r"\s*[）)]", self.norm[end:end + 3])
            cur.end = end + (close.end() if close else 0)
            return
        if f.rank == 3.5:  # skip the rest of （星期三） or （星期五，农历八月十五）
            close = re.match(r"[^）)（(。]{0,14}[）)]", self.norm[end:end + 40])
            if close:
                end += close.end()
        for name in ("year", "month", "day", "weekday", "pod", "hour", "minute", "second", "fuzzy", "season",
                     "holiday", "quarter", "nth_week", "nth_day", "anaphora", "range_from"):
            v = getattr(f, name)
            if v is not None:
                setattr(cur, name, v)
        if f.year_named:
            cur.year_named = True
        if f.span is not None:
            cur.span, cur.grain = f.span, f.grain
        elif f.rank >= 2 and f.rank < 3.5 and cur.span is not None and f.month is not None:
            cur.span = None
        cur.lunar = cur.lunar or f.lunar
        cur.leap = cur.leap or f.leap
        cur.approx = cur.approx or f.approx
        cur.rules.extend(f.rules)
        cur.rank = max(cur.rank, f.rank) if f.rank != 3.5 else max(cur.rank, 3)
        cur.end = end

    def keep(self, g: Fields) -> bool:
        """Drop lone atoms that are only time words in context (黎明 as a name, 白天)."""
        if (g.rank == 4 and g.hour is None and g.day is None and g.span is None and g.anaphora is None
                and g.nth_week is None and g.weekday is None):
            if g.pod in ("黎明",) or re.match(r"[\u4e00-\u9fff]", self.norm[g.end:g.end + 1]) and \
                    not re.match(r"[，,。、的前后起至到时]", self.norm[g.end:g.end + 1]):
                return False  # 黎明 the actor; 夜间专项整治行动: an adjective
        return True

    # ------------------------------------------------------------ step 1: one atom's fields
    def atom_fields(self, kind: str, m: re.Match) -> Fields | None:
        handler = getattr(self, "atom_" + kind, None)
        if handler is None:
            return None
        f = handler(m)
        if f is not None and not f.rules:
            f.rules.append(kind)
        return f

    def _f(self, m: re.Match, rank: float, **kw) -> Fields:
        return Fields(start=m.start(), end=m.end(), rank=rank, **kw)

    def atom_iso(self, m: re.Match) -> Fields | None:
        y, mo = int(m["iso_y"]), int(m["iso_m"])
        d = int(m["iso_d"]) if m["iso_d"] else None
        if d is None and m["iso_s"] == ".":  # 2019.9 is more often a decimal than a month
            prev = self.norm[max(0, m.start() - 1):m.start()]
            if not re.search(r"[于在至到年—-]", prev) and not re.match(r"[-—至到]", self.norm[m.end():m.end() + 1]):
                return None
        f = self._f(m, 3 if d else 2, year=y, year_named=True, month=mo, day=d)
        if not d:
            f.grain = "month"
        if m["iso_h"]:
            f.hour, f.minute = int(m["iso_h"]), int(m["iso_mi"])
            f.second = int(m["iso_se"]) if m["iso_se"] else None
            f.rank = 5
        return f

    def atom_compact(self, m: re.Match) -> Fields | None:
        if re.search(r"号|码|编号|ID|No|[A-Za-z]$", self.norm[max(0, m.start() - 4):m.start()], re.I) or \
                re.match(r"-\d", self.norm[m.end():m.end() + 2]):
            return None  # 学号是20230621: a number, not a date
        return self._f(m, 3, year=int(m["cp_y"]), year_named=True, month=int(m["cp_m"]), day=int(m["cp_d"]))

    def atom_spaced(self, m: re.Match) -> Fields | None:
        return self._f(m, 3, year=int(m["sp_y"]), year_named=True, month=int(m["sp_m"]), day=int(m["sp_d"]))

    def atom_mmdd(self, m: re.Match) -> Fields | None:
        f = self._f(m, 3, month=int(m["md_m"]), day=int(m["md_d"]))
        if m["md_h"]:
            f.hour, f.minute, f.rank = int(m["md_h"]), int(m["md_mi"]), 5
        return f

    def atom_dotdate(self, m: re.Match) -> Fields | None:
        return self._f(m, 3, month=int(m["dd_m"]), day=int(m["dd_d"]))

    def atom_slash(self, m: re.Match) -> Fields | None:
        return self._f(m, 3, month=int(m["sl_m"]), day=int(m["sl_d"]))

    def atom_century(self, m: re.Match) -> Fields | None:
        if m["ce_rel"]:
            base = (self.today.year // 100) * 100
            c_start = base + {"上": -100, "上个": -100, "本": 0, "这": 0, "这个": 0, "下": 100, "下个": 100}[m["ce_rel"]]
        else:
            n = parse_int(m["ce_n"])
            if not n or n > 30:
                return None
            c_start = (n - 1) * 100
        lo, hi = c_start, c_start + 99
        grain = "century"
        if m["ce_dec"]:
            dec = parse_int(m["ce_dec"])
            if dec is None:
                return None
            lo, hi, grain = c_start + dec, c_start + dec + 9, "decade"
        lo, hi = _fuzzy_years(lo, hi, m["ce_fz"])
        return self._f(m, 1, span=(dt.date(max(lo, 1), 1, 1), dt.date(hi, 12, 31)), grain=grain,
                       approx=bool(m["ce_fz"]))

    def atom_decade(self, m: re.Match) -> Fields | None:
        dec = parse_int(m["de_n"])
        if dec is None:
            return None
        base = 1900 if dec >= 30 or self.today.year < 2000 + dec else 2000
        lo, hi = _fuzzy_years(base + dec, base + dec + 9, m["de_fz"])
        return self._f(m, 1, span=(dt.date(lo, 1, 1), dt.date(hi, 12, 31)), grain="decade", approx=bool(m["de_fz"]))

    def atom_lunar(self, m: re.Match) -> Fields | None:
        """农历八月十五, 腊月初十, 五月廿二; a month-day that is not lunar after all reads as solar."""
        mo_text, d_text = m["lu_m"], (m["lu_d"] or "").rstrip("日号")
        marked = bool(m["lu_mark"] or m["lu_mark0"])
        lunar = marked or bool(m["lu_leap"]) or mo_text in ("正", "腊", "冬") or d_text.startswith(("初", "廿")) or \
            (d_text != "" and not d_text.isdigit() and not (m["lu_d"] or "").endswith(("日", "号")))
        month = {"正": 1, "冬": 11, "腊": 12}.get(mo_text) or parse_int(mo_text)
        day = parse_int(d_text[1:] if d_text.startswith("初") else d_text) if d_text else None
        if not month or (d_text and (not day or day > (30 if lunar else 31))):
            return None
        if m["lu_y"] is None and "年" in m.group():
            return None
        f = self._f(m, 3 if day else 2, month=month, day=day, lunar=lunar, leap=bool(m["lu_leap"]),
                    grain="day" if day else "month")
        if m["lu_y"]:
            f.year, f.year_named = self.year_of(m["lu_y"]), True
            if f.year is None:
                return None
            if not day:
                f.rank = 2
        f.rules.append("lunar" if lunar else "md")
        return f

    def atom_lunar2(self, m: re.Match) -> Fields | None:
        month = {"正": 1, "冬": 11, "腊": 12}.get(m["lu2_m"]) or parse_int(m["lu2_m"])
        return self._f(m, 2, month=month, lunar=True, leap=True, grain="month")

    def atom_newyear(self, m: re.Match) -> Fields | None:
        d = m["ny_d"]
        if d == "三十":
            return self._f(m, 3, month=0, day=0, lunar=True)
        return self._f(m, 3, month=1, day=parse_int(d[1:]), lunar=True)

    def atom_ymd(self, m: re.Match) -> Fields | None:
        ytext = m["y_y"]
        year = self.year_of(ytext)
        if year is None:
            return None
        short = len(ytext) == 2 and ytext.isdigit()
        if short and not (m["y_m"] or m["y_fz"] or m["y_season"]):
            # 15年 alone is a duration after 历时/为期, or a short year otherwise
            before = self.norm[max(0, m.start() - 6):m.start()]
            after = self.norm[m.end():m.end() + 2]
            if DURATION_CUE.search(before) or re.match(r"[来多间里内后前以之]", after):
                f = self._f(m, 0, kind="duration", grain="year", duration=f"P{int(ytext)}Y")
                f.duration_parts = (float(ytext), "年")
                return f
        f = self._f(m, 1, year=year, year_named=True, grain="year")
        if m["y_m"]:
            f.month, f.rank, f.grain = parse_int(m["y_m"]), 2, "month"
            if m["y_d"]:
                f.day, f.rank, f.grain = parse_int(m["y_d"]), 3, "day"
            elif m["y_mfz"]:
                f.fuzzy = m["y_mfz"]
        elif m["y_fz"]:
            f.fuzzy = _year_fuzzy(m["y_fz"])
        elif m["y_season"]:
            f.season = m["y_season"]
        return f

    def atom_md(self, m: re.Match) -> Fields | None:
        month = parse_int(m["m_m"])
        f = self._f(m, 2, month=month, grain="month")
        d = m["m_d"] or m["m_d2"]
        if d:
            f.day, f.rank, f.grain = parse_int(d), 3, "day"
        elif m["m_fz"]:
            f.fuzzy = m["m_fz"]
        return f

    def atom_day(self, m: re.Match) -> Fields | None:
        if self.norm[m.end():m.end() + 1] == "之":
            return None  # 一日之计: a saying
        before = self.norm[max(0, m.start() - 6):m.start()]
        if DURATION_CUE.search(before) and "日" in m.group():
            return None
        if re.search(r"(?:开始|开展|截止|结束|举行|到期|开学|开考)前$", before):
            return None  # 采暖期开始前15日: fifteen days before, not the 15th
        if (m.group().endswith("号") and not re.search(r"\d", m["d_d"]) and not re.search(r"[月本上下]$", before)
                and re.match(r"[\u4e00-\u9fff]", self.norm[m.end():m.end() + 1])
                and not re.match(r"[起前后至到开举召上下晚早凌中当]", self.norm[m.end():m.end() + 1])):
            return None  # 一号展厅, 二号线: a number that names a hall or a line, not the day of a month
        return self._f(m, 3, day=parse_int(m["d_d"]), day_inferred_month=True)

    def atom_plan(self, m: re.Match) -> Fields | None:
        quoted = m.group()[0] in "“\"「"
        if not quoted and not m["pl_fz"] and not re.match(r"\s*(?:规划|计划|时期|期间)", self.norm[m.end() - 2:m.end() + 2]):
            return None
        years = cal.five_year_plan(parse_int(m["pl_n"]) or 0)
        if years is None:
            return None
        lo, hi = dt.date(years[0], 1, 1), dt.date(years[1], 12, 31)
        fz = m["pl_fz"] or ""
        approx = fz in ("期末", "末期", "末", "初期", "初")  # the named final/first year is exact
        if fz in ("期末", "末期", "末"):
            lo = hi
        elif fz == "收官之年":
            lo = dt.date(years[1], 1, 1)
        elif fz in ("初期", "初", "开局之年"):
            hi = dt.date(years[0], 12, 31)
        return self._f(m, 1, span=(lo, hi), grain="day" if lo == hi else "year", approx=approx)

    def atom_ryear(self, m: re.Match) -> Fields | None:
        word = m["ry"]
        if word == "今明两年":
            y = self.today.year
            return self._f(m, 1, span=(dt.date(y, 1, 1), dt.date(y + 1, 12, 31)), grain="year")
        f = self._f(m, 1, year_named=True, grain="year")
        if word in ("同年", "当年", "次年", "翌年"):
            f.anaphora = ("year", 1 if word in ("次年", "翌年") else 0)
        else:
            f.year = self.today.year + RELATIVE_YEARS[word]
        if m["ry_fz"]:
            f.fuzzy = _year_fuzzy(m["ry_fz"])
        if m["ry_season"]:
            f.season = m["ry_season"]
        return f

    def atom_rmonth(self, m: re.Match) -> Fields | None:
        word = m["rm"]
        f = self._f(m, 2, grain="month")
        if word in ("同月", "当月", "次月"):
            f.anaphora = ("month", 1 if word == "次月" else 0)
        else:
            f.year, f.month = _add_months(self.today.year, self.today.month, RELATIVE_MONTHS.get(word, 0))
        if m["rm_fz"]:
            f.fuzzy = m["rm_fz"]
        return f

    def atom_quarter(self, m: re.Match) -> Fields | None:
        y = self.today.year
        q_now = (self.today.month - 1) // 3 + 1
        first = last = None
        if m["q_rel"]:
            rel = m["q_rel"].rstrip("个")
            offset = {"上上": -2, "下下": 2, "上": -1, "下": 1, "本": 0, "这": 0, "当": 0}[rel]
            q = q_now + offset
            y += (q - 1) // 4
            q = (q - 1) % 4 + 1
            first = last = q
        elif m["q_count"]:
            first, last = 1, parse_int(m["q_count"])
        else:
            n = m["q_n"] or m["q_q"] or "1"
            first = last = parse_int(n)
        if not first or not last or last > 4:
            return None
        f = self._f(m, 2, grain="quarter")
        f.span = (dt.date(y, 3 * first - 2, 1), _month_end(y, 3 * last))
        f.fuzzy = {"初": "季初", "末": "季末", "末期": "季末", "中": "季中"}.get(m["q_fz"] or "")
        f.rules.append("quarter-rel" if m["q_rel"] else "quarter")
        if not m["q_rel"]:
            f.span = None  # the year comes from the words before, or the reference
            f.quarter = (first, last)
        return f

    def atom_half(self, m: re.Match) -> Fields | None:
        return self._f(m, 2, fuzzy=m.group(), grain="month")

    def atom_fuzzy(self, m: re.Match) -> Fields | None:
        fz = m["fz"]
        if fz.startswith("年"):
            return self._f(m, 2, fuzzy=fz, grain="month")
        return self._f(m, 2.5, fuzzy=fz, grain="xun")

    def atom_season(self, m: re.Match) -> Fields | None:
        if re.match(r"[\u4e00-\u9fff]", self.norm[m.end():m.end() + 1]) and \
                not re.match(r"[，,。、的里期以前后开到至起时]", self.norm[m.end():m.end() + 1]):
            return None  # 春季森林防火工作: the season names a kind of work, not a time
        return self._f(m, 2, season=m["se"], grain="season")

    def atom_holiday(self, m: re.Match) -> Fields | None:
        name = m["ho"]
        suffix = m["hsuf"] or ""
        if name in cal.SOLAR_TERMS and name not in SAFE_TERMS:
            # 大雪, 小满, 谷雨 are weather and words first; a solar term after a year or with 节气
            if not (re.search(r"[年]\s*$", self.norm[max(0, m.start() - 1):m.start()])
                    or re.match(r"\s*(?:节气|时节|当天|这天|前后|之际)", self.norm[m.end():m.end() + 40])):
                return None
        f = self._f(m, 3, grain="day")
        f.holiday = (name, suffix in ("小长假", "长假", "假期", "黄金周", "放假", "期间"))
        f.rules.append("holiday")
        return f

    def atom_week(self, m: re.Match) -> Fields | None:
        rel = (m["w_rel"] or m["w_rel2"] or "").rstrip("个").rstrip("一")
        wd = WEEKDAYS.get(m["w_wd"] or "")
        weekend = bool(m["w_end"]) or bool(m["w_rel2"])
        if not rel and wd is None and not weekend:
            return None
        if rel == "同":
            return None
        offset = {"上上上": -3, "下下下": 3, "上上": -2, "下下": 2, "上": -1, "下": 1, "本": 0, "这": 0, "": None}[rel]
        if offset is None:
            if weekend:
                offset = 0
            else:  # a bare weekday: confirmation of a date, or a day of this week
                f = self._f(m, 3.5, weekday=wd)
                f.rules.append("weekday")
                return f
        monday = self.today - dt.timedelta(days=self.today.weekday()) + dt.timedelta(weeks=offset)
        if weekend:
            if re.match(r"专场|班|版|档|特惠|特价|套餐|营业|剧场|市集|兼职", self.norm[m.end():m.end() + 2]):
                return None  # 周末专场, 周末班: weekend as a kind, not a date
            return self._f(m, 3, span=(monday + dt.timedelta(days=5), monday + dt.timedelta(days=6)), grain="day")
        if wd is None:
            return self._f(m, 2.5, span=(monday, monday + dt.timedelta(days=6)), grain="week")
        day = monday + dt.timedelta(days=wd)
        return self._f(m, 3, year=day.year, month=day.month, day=day.day, grain="day")

    def atom_nthweek(self, m: re.Match) -> Fields | None:
        n = parse_int(m["nw_n"])
        if not n or n > 53:
            return None
        f = self._f(m, 2.7, grain="week", weekday=WEEKDAYS.get(m["nw_wd"] or ""))
        f.nth_week = n
        f.rules.append("nth-week")
        return f

    def atom_nthday(self, m: re.Match) -> Fields | None:
        n = parse_int(m["nd_n"])
        if not n or n > 366:
            return None
        f = self._f(m, 3, grain="day")
        f.nth_day = n
        f.rules.append("nth-day")
        return f

    def atom_rday(self, m: re.Match) -> Fields | None:
        word = m["rd"]
        before = self.norm[max(0, m.start() - 3):m.start()]
        if before.endswith("《"):
            return None  # 《明日之后》 is a title
        if word in ("明天", "今天", "昨天", "明日") and METAPHOR_BEFORE.search(before):
            return None  # 灿烂的明天, 城市的昨天: the future or the past, not a day
        if word == "后天" and (before.endswith("先天") or re.match(r"[的性因形培养习努]", self.norm[m.end():m.end() + 1])):
            return None
        if word == "同日" and before.endswith(("不可", "能")):
            return None
        if word == "此前" or word == "后一天" and before.endswith("最"):
            return None  # 最后一天14时闭馆: the last day of a run, not the day after
        f = self._f(m, 3, grain="day")
        if word in ("即日起", "即日"):  # 即日起: from the notice's day on
            f.year, f.month, f.day, f.since = self.today.year, self.today.month, self.today.day, word == "即日起"
            return f
        if word in ("年内", "今年内", "本年内"):
            f.span, f.grain = (self.today, dt.date(self.today.year, 12, 31)), "day"
            f.approx, f.within = True, True
            return f
        if word == "今明两天":
            f.span, f.grain = (self.today, self.today + ONE_DAY), "day"
            return f
        if word in RELATIVE_DAYS:
            day = self.today + dt.timedelta(days=RELATIVE_DAYS[word])
        elif word in ANAPHORA_DAYS:
            f.anaphora = ("day", ANAPHORA_DAYS[word])
            f.pod = DAY_PODS.get(word)
            f.rules.append("anaphora")
            return f
        else:  # 日前, 近日, 近期, 近来, 最近: fuzzy neighbourhoods of the reference
            lo, hi = {
                "日前": (-7, -1), "近日": (-7, -1), "近来": (-30, 0), "最近": (-14, 7),
            }.get(word, (0, 90))
            if word == "近期" and PAST_WORDS.search(self.clause_after(m.end())):
                lo, hi = -30, -1
            f.span = (self.today + dt.timedelta(days=lo), self.today + dt.timedelta(days=hi))
            f.approx = True
            f.rules.append("fuzzy-recent")
            f.rank = 3
            return f
        f.year, f.month, f.day = day.year, day.month, day.day
        if word in DAY_PODS:
            f.pod = DAY_PODS[word]
        if word == "现在":
            f.hour, f.minute, f.second, f.rank = self.ref.hour, self.ref.minute, self.ref.second, 5
        return f

    def atom_numrange(self, m: re.Match) -> Fields | None:
        n = parse_int(m["nr_n"] or m["nr_y"])
        return None if n is None else self._f(m, 0, kind="numrange", range_from=n)

    def atom_sinceday(self, m: re.Match) -> Fields | None:
        if re.search(r"发布|印发|公布|颁布|发文|签发", m["sd_what"]):  # 自发布之日起: the notice's own date
            day = self.today
            f = self._f(m, 3, grain="day", year=day.year, month=day.month, day=day.day)
        else:
            f = self._f(m, 3, grain="day", anaphora=("day", 0))
            f.since_what = m["sd_what"]  # 自开通之日起: the day it opened, if the text said so
        f.rules.append("since-the-day")
        f.since = True
        return f

    def atom_lunarday(self, m: re.Match) -> Fields | None:
        return self._f(m, 3, day=parse_int(m["ld_d"]), lunar=True)

    def atom_pod(self, m: re.Match) -> Fields | None:
        return self._f(m, 4, pod=m["po"], grain="hour")

    def atom_clock(self, m: re.Match) -> Fields | None:
        h_text = m["c_h"]
        hour = parse_int(h_text)
        if hour is None or hour > 24:
            return None
        after = self.norm[m.end():m.end() + 1]
        has_minutes = bool(m["c_mi"] or m["c_half"] or m["c_q"] or m["c_mi2"])
        if not h_text.isdigit() or "点" in m.group():
            # 一点点, 两点要求, 二十七点三: a numeral + 点 is a time only when it looks like one
            if re.match(r"[\d〇零一二两三四五六七八九十]", after):
                return None
            before = self.norm[max(0, m.start() - 2):m.start()]
            context = re.search(r"[午晚早上夜晨日号天]\s*$", before) or has_minutes or m["c_whole"]
            if not context and not re.match(r"[钟整半许多左前后以之到至\-~～—－,，。、;；！？\s的起开时]|$", after):
                return None
            if not h_text.isdigit() and "时" in m.group() and not context and not re.match(r"[许左前后以之到至\-~～—－起开]", after):
                return None
        f = self._f(m, 5, hour=hour, minute=0, grain="hour")
        if m["c_mi"] or m["c_mi2"]:
            mi = parse_int(m["c_mi"] or m["c_mi2"])
            if mi is None or mi > 59:
                return None
            f.minute, f.grain = mi, "minute"
        elif m["c_half"]:
            f.minute, f.grain = 30, "minute"
        elif m["c_q"]:
            f.minute, f.grain = 15 * (parse_int(m["c_q"]) or 0), "minute"
        if m["c_se"]:
            f.second, f.grain = int(m["c_se"]), "second"
        if m["c_whole"] == "许":
            f.approx = True
        elif re.match(r"\s*(?:左右|前后)", self.norm[m.end():m.end() + 40]):
            f.approx = True
        return f

    def atom_hm(self, m: re.Match) -> Fields | None:
        h, mi = int(m["hm_h"]), int(m["hm_mi"])
        if h > 24 or re.match(r"\s*的?(?:比例|比)", self.norm[m.end():m.end() + 4]):
            return None  # 1:10的比例 is a ratio
        f = self._f(m, 5, hour=h, minute=mi, grain="minute")
        if m["hm_se"]:
            f.second, f.grain = int(m["hm_se"]), "second"
        return f

    def atom_set(self, m: re.Match) -> Fields | None:
        f = self._f(m, 3, kind="set", grain="day")
        if m["s_wk"]:
            wd = WEEKDAYS.get(m["s_wd"] or "")
            f.rrule = "FREQ=WEEKLY" + (f";BYDAY={RRULE_DAYS[wd]}" if wd is not None else "")
            f.grain = "week"
        elif m["s_md"]:
            day = parse_int(m["s_md"])
            if not day or day > 31:
                return None
            f.rrule = f"FREQ=MONTHLY;BYMONTHDAY={day}"
        else:
            unit = m["s_unit"]
            f.rrule = {"天": "FREQ=DAILY", "日": "FREQ=DAILY", "晚": "FREQ=DAILY", "年": "FREQ=YEARLY",
                       "月": "FREQ=MONTHLY", "季度": "FREQ=MONTHLY;INTERVAL=3", "小时": "FREQ=HOURLY",
                       "工作日": "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"}[unit]
            if unit == "晚":
                f.pod = "晚上"
        return f

    def atom_dur(self, m: re.Match) -> Fields | None:
        n_text = m["du_n"]
        unit = m["du_u"]
        if n_text == "半":
            amount = 0.5
        else:
            amount = parse_amount(n_text) if "几" not in n_text else None
            if amount is None:
                if "几" not in n_text:
                    return None
                amount = float((parse_int(n_text.replace("几", "")) or 0) + 3) if n_text != "几" else 3.0
                tens = re.fullmatch(r"(?P<t>[一二三四五六七八九]?)十几|几十", n_text)
                if tens:  # 二十几年: 20 to 30; 几十年: 20 to 100
                    low = 10 * (parse_int(tens["t"]) or 1) if tens["t"] is not None and n_text != "几十" else 20
                    amount_range = (float(low), float(low + 10) if n_text != "几十" else 100.0)
        half = unit.endswith("半") or unit.startswith("个半") or bool(m["du_half"])
        if half:
            amount += 0.5
        base = unit.replace("个", "").replace("多", "").replace("半", "").replace("钟头", "小时").replace("钟", "")
        if base in ("星期", "礼拜"):
            base = "周"
        if base == "刻":
            amount, base = amount * 15, "分"
        if base == "分" and not unit.endswith("钟") and "分钟" not in unit:
            before = self.norm[max(0, m.start() - 3):m.start()]
            if not re.search(r"[时点]\s*$", before) and not m["du_rest"]:
                return None  # 3分 is a score
        if base not in UNIT_ISO:
            return None
        if (base == "日" and unit == "日" and n_text.isdigit() and not m["du_rest"] and 1 <= amount <= 31
                and not re.search(r"(?:为期|历时|持续|共|用时|连续|达|近|约|满|整整|仅|只|每|这|那|停留|逗留|隔离)\s*$",
                                  self.norm[max(0, m.start() - 3):m.start()])
                and not re.match(r"内|以内|之内|后|以后|之后|来|以来|左右|多|时间", self.norm[m.end():m.end() + 2])):
            return None  # 三亚航线16日首航: the 16th, not sixteen days
        if amount == 1 and self.norm[m.end():m.end() + 1] == "之":
            return None  # 一日之计, 一年之计: sayings
        if n_text in ("千", "百", "万") and base == "年" and not re.match(r"[\d〇零一二两三四五六七八九十几数]", self.norm[m.start() - 1:m.start()]):
            return None  # 千年古城, 百年老店, “经纬千年”: a figure of speech, not a span of time
        parts = [(amount, base)]
        rest = m["du_rest"] or ""
        for num, u in re.findall(r"(?:零|又)?([\d.]+|[〇零一二两三四五六七八九十百千万]+)\s*(个月|个小时|年|天|日|小时|分钟|分|秒|晚|夜)", rest):
            if u in ("晚", "夜"):
                continue
            v = parse_amount(num)
            if v is not None:
                parts.append((v, u.replace("个", "").replace("钟", "")))
        f = self._f(m, 0, kind="duration", grain=_duration_grain(base))
        f.amount_range = locals().get("amount_range")
        f.duration = _iso_duration(parts)
        f.duration_parts = (amount, base)
        f.approx = bool(m["du_more"] or m["du_more2"]) or "多" in unit or "几" in n_text
        return f

    # ------------------------------------------------------------ helpers for resolution
    def year_of(self, text: str) -> int | None:
        y = parse_int(text)
        if y is None:
            return None
        if len(text) == 2:
            century = self.today.year // 100 * 100
            y = century + y if century + y <= self.today.year + 20 else century - 100 + y
        return y if 1 <= y <= 9999 else None

    def clause_after(self, pos: int) -> str:
        m = re.match(r"[^。！？!?；;\n]{0,30}", self.norm[pos:pos + 40])
        return m.group() if m else ""

    def clause_before(self, pos: int) -> str:
        chunk = self.norm[max(0, pos - 30):pos]
        cut = max(chunk.rfind(c) for c in "。！？!?；;\n")
        return chunk[cut + 1:]

    def tense(self, f: Fields) -> int:
        """+1 when the sentence speaks of the future, -1 of the past (-2 when 已 stands right before
        the date), 0 when it does not say."""
        before = self.clause_before(f.start)[-12:]
        if re.search(r"已(?:经)?(?:于|在)?$", before):
            return -2  # 已于9月1日开始: the word next to the date decides, even in a calendar running forward
        if re.search(r"(?:将|拟|计划)(?:于|在)?$", before):
            return 1
        around = before + " " + self.clause_after(f.end)[:20]
        fut, past = FUTURE_WORDS.search(around), PAST_WORDS.search(around)
        if fut and not past:
            return 1
        if past and not fut:
            return -1
        return 0

    def infer_year(self, month: int, day: int | None, f: Fields) -> int:
        """The year of a month-day left without one: the reference year unless another is much
        nearer, steered by the tense of the sentence and a coming year the document is about."""
        if self.forward_year is not None:
            return self.forward_year
        ref = self.today
        tense = self.tense(f)

        def at(y: int) -> Day:
            return dt.date(y, month, min(day or 15, calendar.monthrange(y, month)[1]))

        same = at(ref.year)
        delta = (same - ref).days
        if (self.latest_ahead is not None and self.latest_ahead.year == ref.year + 1 and tense > -2
                and (self.latest_ahead - ref).days < 366 and delta < -20):
            return ref.year + 1  # a calendar that has run on into next January keeps running forward
        if tense > 0 and delta < -20 and (at(ref.year + 1) - ref).days < 240:
            return ref.year + 1
        if tense < 0 and delta > 20 and (ref - at(ref.year - 1)).days < 240:
            return ref.year - 1
        if delta > 150 and (ref - at(ref.year - 1)).days < 45:
            return ref.year - 1
        if delta < -150 and (at(ref.year + 1) - ref).days < 45:
            return ref.year + 1
        return ref.year

    # ------------------------------------------------------------ step 3: resolve
    def interval(self, f: Fields) -> tuple[Day, Day, str] | None:
        """The days an expression covers, and its grain; None when impossible (2月30日)."""
        if f.anaphora is not None:
            f = self.apply_anaphora(f)
        if f.holiday is not None:
            return self.holiday_interval(f, *f.holiday)
        if f.lunar:
            return self.lunar_interval(f)
        if f.nth_week is not None:
            return self.nth_week_interval(f, f.nth_week)
        if f.nth_day is not None:
            nth_day = f.nth_day
            if f.year is not None and f.month is None:
                start = dt.date(f.year, 1, 1) + dt.timedelta(days=nth_day - 1)
            else:
                start = self.anchor + dt.timedelta(days=nth_day - 1)
            return start, start, "day"
        quarter = f.quarter
        if quarter is not None:
            y = f.year if f.year is not None else self.today.year
            lo, hi = dt.date(y, 3 * quarter[0] - 2, 1), _month_end(y, 3 * quarter[1])
            return _fuzzy_part(lo, hi, f.fuzzy) + ("quarter",) if f.fuzzy else (lo, hi, "quarter")
        if f.span is not None and f.day is None and f.month is None:
            lo, hi = f.span
            if f.weekday is not None and f.grain == "week":
                day = lo + dt.timedelta(days=f.weekday)
                return day, day, "day"
            if f.fuzzy:
                lo, hi = _fuzzy_part(lo, hi, f.fuzzy)
            return lo, hi, f.grain
        if f.season:
            y = f.year if f.year is not None else self.today.year
            span = cal.season_span(f.season, y)
            if f.year is None and span and (self.today - span[1]).days > 30 and self.tense(f) >= 0:
                span = cal.season_span(f.season, y + 1)
            return (span[0], span[1], "season") if span else None
        if f.month is None and f.day is None:
            if f.year is None and f.fuzzy:
                y = self.today.year
                if f.fuzzy in ("月初", "月中", "月底", "月末", "上旬", "中旬", "下旬", "上中旬", "中下旬", "上半月", "下半月"):
                    lo, hi = dt.date(y, self.today.month, 1), _month_end(y, self.today.month)
                else:
                    lo, hi = dt.date(y, 1, 1), dt.date(y, 12, 31)
                lo, hi = _fuzzy_part(lo, hi, f.fuzzy)
                return lo, hi, "month" if f.fuzzy.startswith("年") else "xun"
            if f.year is None:
                if f.weekday is not None:  # 周三 on its own: that day of the reference week
                    base = self.anchor if f.rank > 3 else self.today
                    day = base - dt.timedelta(days=base.weekday()) + dt.timedelta(days=f.weekday)
                    return day, day, "day"
                if f.pod is not None or f.hour is not None:
                    return self.anchor, self.anchor, "day"
                return None
            lo, hi = dt.date(f.year, 1, 1), dt.date(f.year, 12, 31)
            if f.fuzzy:
                lo, hi = _fuzzy_part(lo, hi, f.fuzzy)
                return lo, hi, "month"
            return lo, hi, "year"
        if f.month is None:  # a day alone: in the month of the reference, or the nearest
            assert f.day is not None
            return self.bare_day(f)
        year = f.year if f.year is not None else self.infer_year(f.month, f.day, f)
        if not 1 <= f.month <= 12:
            return None
        if f.day is None:
            lo, hi = dt.date(year, f.month, 1), _month_end(year, f.month)
            if f.fuzzy:
                lo, hi = _fuzzy_part(lo, hi, f.fuzzy)
                return lo, hi, "xun" if "旬" in f.fuzzy else "month"
            return lo, hi, "month"
        try:
            day = dt.date(year, f.month, f.day)
        except ValueError:
            return None
        if f.weekday is not None and f.year is None and day.weekday() != f.weekday:
            for y in (year + 1, year - 1):
                try:
                    alt = dt.date(y, f.month, f.day)
                except ValueError:
                    continue
                if alt.weekday() == f.weekday:
                    day = alt
                    break
        return day, day, "day"

    def apply_anaphora(self, f: Fields) -> Fields:
        """次日, 当天, 同月, 次年: fill the fields from the last date mentioned."""
        unit, offset = f.anaphora
        g = replace(f, anaphora=None, rules=list(f.rules))
        what = f.since_what or re.split(r"[，。；,;]", self.norm[max(0, f.start - 8):f.start])[-1]  # 开幕式定于当天
        named = next((d for verb, d in self.happened.items() if verb in what), None)
        if named is None and any(o in what for o in OPENINGS):  # 开幕式当天 after 5月18日…开展
            named = next((d for verb, d in self.happened.items() if verb in OPENINGS), None)
        if unit == "day":
            day = (named or self.anchor) + dt.timedelta(days=offset)
            g.year, g.month, g.day = day.year, day.month, day.day
        elif unit == "month":
            g.year, g.month = _add_months(self.anchor.year, self.anchor.month, offset)
        else:
            g.year = self.anchor.year + offset
        return g

    def bare_day(self, f: Fields) -> tuple[Day, Day, str] | None:
        assert f.day is not None
        listed = re.search(r"(?:[、和及与]|至|到|-|—|~)\s*$", self.norm[max(0, f.start - 3):f.start])
        if listed and self.anchor_end >= f.start - 3:  # 5月17日、18日: the month of the list
            try:
                day = dt.date(self.anchor.year, self.anchor.month, f.day)
                return day, day, "day"
            except ValueError:
                return None
        base = self.anchor if abs((self.anchor - self.today).days) < 40 else self.today
        candidates = []
        for offset in (-1, 0, 1):
            y, mo = _add_months(base.year, base.month, offset)
            try:
                candidates.append(dt.date(y, mo, f.day))
            except ValueError:
                pass
        if not candidates:
            return None
        tense = self.tense(f)
        def score(d: Day) -> float:
            delta = (d - self.today).days
            penalty = 0.0
            if tense > 0 and delta < -3:
                penalty = 40
            if tense < 0 and delta > 3:
                penalty = 40
            return abs(delta) + penalty + (0 if d.month == base.month else 5)
        best = min(candidates, key=score)
        return best, best, "day"

    def lunar_interval(self, f: Fields) -> tuple[Day, Day, str] | None:
        """A lunar date in the named lunar year, else in the lunar year of the reference year —
        except 冬月/腊月 read in January before the lunar new year, which are this winter's."""
        if f.month is None:
            return None
        if f.month == 0:  # 大年三十 of a named lunar year is the eve before the next one
            year = (f.year + 1) if f.year is not None else self.today.year
            day = cal.lunar_to_solar(year, 0, 0)
            if f.year is None and day is not None and (self.today - day).days > 30:
                day = cal.lunar_to_solar(year + 1, 0, 0)
            return (day, day, "day") if day else None
        year = f.year if f.year is not None else self.today.year
        if f.year is None and f.month >= 11:
            new_year = cal.lunar_to_solar(self.today.year, 1, 1)
            if new_year is not None and self.today < new_year:
                year -= 1
        if f.day is None:
            span = cal.lunar_month_span(year, f.month, f.leap)
            return (span[0], span[1], "month") if span else None
        day = cal.lunar_to_solar(year, f.month, f.day, f.leap)
        return (day, day, "day") if day else None

    def holiday_interval(self, f: Fields, name: str, span_wanted: bool) -> tuple[Day, Day, str] | None:
        """A festival (or its official days off) in the named year; else this year's, or the
        coming one when this year's is long past and the sentence does not speak of the past."""
        def occurrence(y: int) -> tuple[Day, Day] | None:
            day = cal.festival_day(name, y)
            if day is None:
                return None
            span = cal.official_holiday(name, y) if span_wanted else None
            return span if span else (day, day)

        year = f.year if f.year is not None else self.forward_year
        listed = self.listed_year
        if year is None and listed is not None and re.fullmatch(r"\s*[、和及与]\s*", self.norm[listed[0]:f.start]):
            year = listed[1]  # 明年元旦、春节、…、中秋节和国庆节: the list's year runs through it
        self.listed_year = (f.end, year) if year is not None else None
        if f.year is not None and name in ("小寒", "大寒"):
            year += 1  # the last two terms of a year's cycle fall in the next January
        if year is not None:
            # 2023年除夕 is the eve that ends lunar year 2023
            found = occurrence(year + 1 if name in ("除夕", "大年三十") and f.year is not None else year)
        else:
            tense = self.tense(f)
            options = [o for o in (occurrence(self.today.year + k) for k in (-1, 0, 1)) if o is not None]
            if tense >= 0:  # the next one, unless it ended within the last month
                ahead = [o for o in options if (self.today - o[1]).days <= 30]
                found = ahead[0] if ahead else (options[-1] if options else None)
            else:
                behind = [o for o in options if (o[0] - self.today).days <= 30]
                found = behind[-1] if behind else (options[0] if options else None)
        return (found[0], found[1], "day") if found else None

    def nth_week_interval(self, f: Fields, n: int) -> tuple[Day, Day, str] | None:
        """第N周 of a month or year (weeks start on the first Monday); 第N个周二: the N-th Tuesday."""
        y = f.year if f.year is not None else self.today.year
        first = dt.date(y, f.month or 1, 1)
        if f.weekday is not None and f.month is not None:
            day = cal.nth_weekday(y, f.month, f.weekday, n)
            return (day, day, "day") if day else None
        monday = first + dt.timedelta(days=(7 - first.weekday()) % 7)
        lo = monday + dt.timedelta(weeks=n - 1)
        if f.weekday is not None:
            day = lo + dt.timedelta(days=f.weekday)
            return day, day, "day"
        return lo, lo + dt.timedelta(days=6), "week"

    def timed(self, day: Day, f: Fields) -> tuple[dt.datetime, dt.datetime, str] | None:
        """Start and end instants when the expression has a time of day."""
        if f.hour is None and f.pod is None:
            return None
        if f.hour is None:
            lo_h, hi_h = POD_HOURS.get(f.pod or "", (0, 23))
            start = dt.datetime.combine(day, dt.time(lo_h), self.tz)
            end = dt.datetime.combine(day, dt.time(hi_h, 59, 59), self.tz)
            return start, end, "hour"
        hour = f.hour
        pod = f.pod
        if pod in AFTERNOON and hour < 12:
            if not (pod in ("晚上", "夜里", "深夜", "半夜", "晚") and hour <= 4 and pod != "晚上"):
                hour += 12
        if pod in ("中午",) and hour < 6:
            hour += 12
        if pod in ("半夜", "深夜", "夜里", "夜间") and 6 <= hour < 12:
            hour += 12
        if hour == 24 or (hour == 12 and pod in ("晚上", "夜里", "半夜", "深夜")):
            day, hour = day + ONE_DAY, 0
        if hour > 23:
            return None
        at = dt.datetime.combine(day, dt.time(hour, f.minute or 0, f.second or 0), self.tz)
        grain = "second" if f.second is not None else "minute" if f.minute else "hour"
        return at, at, grain

    def resolve(self, f: Fields) -> tuple[object, object, str, str] | None:
        """(start, end, grain, type) of a composed date expression."""
        iv = self.interval(f)
        if iv is None:
            return None
        lo, hi, grain = iv
        t = self.timed(lo, f) if lo == hi else None
        if t is not None:
            self.anchor = lo if f.hour is None or t[0].date() == lo else t[0].date()
            self.anchor_end = f.end
            typ = "datetime" if f.month is not None or f.day is not None or f.lunar else "time"
            if f.rank >= 3:
                typ = "datetime"
            return t[0], t[1], t[2], typ
        aside = re.search(r"已(?:经)?(?:于|在)?$", self.norm[max(0, f.start - 3):f.start])  # 报名已于昨日截止: not the topic
        if grain == "day" and (lo == hi or f.span is None) and not (aside and lo < self.today):
            self.anchor, self.anchor_end = lo, f.end
        if hi > self.today and (self.latest_ahead is None or hi > self.latest_ahead) and (hi - lo).days < 40:
            self.latest_ahead = hi
        if grain in ("day", "hour", "minute", "second") and lo == hi:
            for verb in HAPPENED.findall(self.clause_after(f.end)):
                self.happened.setdefault(verb, lo)
        return lo, hi, grain, "date" if lo == hi or grain in ("month", "year", "week", "quarter", "season", "xun", "century", "decade") else "range"

    # ------------------------------------------------------------ finishing one expression
    def finish(self, f: Fields) -> Timex | None:
        if f.kind == "duration":
            return self.finish_duration(f)
        if f.kind == "set":
            return self.finish_set(f)
        if f.range_from is not None:
            return self.finish_numrange(f)
        sub = SUBRANGE.match(self.norm, f.end) if f.day is None and f.hour is None else None
        if sub is not None and (f.year is not None or f.month is not None or f.anaphora):
            found = self.finish_subrange(f, sub)
            if found is not None:
                return found
        prefix0 = PREFIX.search(self.norm, max(0, f.start - 6), f.start)
        if (prefix0 and prefix0["p"] in ("近", "最近", "过去", "过去的", "未来", "今后") and f.month is not None
                and f.day is None and f.year is None and not f.lunar and f.rank == 2):
            # 近三月: three months, not March
            g = replace(f, kind="duration", duration=f"P{f.month}M", duration_parts=(float(f.month), "月"))
            return self.finish_duration(g)
        if f.year_named and f.year is not None and f.year == self.today.year + 1 and f.month is None and f.rank == 1 \
                and re.match(r"[，,。、；;：:\s将底初末内前后起以]|$|元旦|春节|清明|劳动节|五一|端午|中秋|国庆|除夕|[春夏秋冬]季|[寒暑]假",
                             self.norm[f.end:f.end + 3]):
            # 明年，…; 2026年将…: the document looks ahead.  2026年全国硕士研究生招生考试, 2025年度医保: a label
            self.forward_year = f.year
        elif f.year_named and f.year is not None and f.year <= self.today.year:
            self.forward_year = None
        anchor_before = (self.anchor, self.anchor_end)
        resolved = self.resolve(f)
        if resolved is None:
            return None
        start, end, grain, typ = resolved
        if re.match(r"\s*(?:前|以前|之前)", self.norm[f.end:f.end + 3]):
            self.anchor, self.anchor_end = anchor_before  # 3月31日前 bounds a plan; it is not a day things happen
        elif re.match(r"\s*(?:结束)?(?:后|之后)", self.norm[f.end:f.end + 4]) and isinstance(end, Day):
            # 假期结束后次日: the day after its last day (a day, even when the end was an hour: 6日18时后)
            self.anchor, self.anchor_end = (end.date() if isinstance(end, dt.datetime) else end), f.end
        if f.within:
            return self.make(f.start, f.end, "range", start, end, grain, True, mod="deadline", rule="+".join(f.rules))
        if f.since:
            return self.make(f.start, f.end, "range", start, None, grain, False, mod="start", rule="+".join(f.rules))
        offset = _DAYS_OFF.match(self.norm, f.end)
        if offset and grain == "day" and start is not None and end is not None:
            # 清明节前一天, 开学后一天: so many days before the day (its first) or after it (its last)
            n = parse_int(offset["n"]) * (-1 if offset["dir"] == "前" else 1)
            day = day_of(start if n < 0 else end) + dt.timedelta(days=n)
            self.anchor, self.anchor_end = day, offset.end()
            return self.make(f.start, offset.end(), "date", day, day, "day", False, rule="+".join(f.rules) + "+offset")
        approx = f.approx or f.fuzzy is not None or grain in ("xun",)
        s, e = f.start, f.end
        mod = None
        # the words after: 起, 以来, 前, 前后, 左右, 许, 期间 ...
        suffix = SUFFIX.match(self.norm, e)
        prefix = PREFIX.search(self.norm, max(0, s - 6), s)
        p = prefix["p"] if prefix else ""
        if suffix:
            word = suffix["s"]
            if word in ("左右", "前后", "许"):
                approx, e = True, suffix.end()
                word = ""
                suffix = SUFFIX.match(self.norm, e)
                word = suffix["s"] if suffix else ""
            if word == "开始" and p not in ("从", "自", "由", "自即日起", "于") and isinstance(start, dt.datetime):
                word = ""  # 14:30开始: the moment it begins
            if word in ("起", "开始", "以后", "之后", "后") and word:
                e = suffix.end()
                mod = "start" if word in ("起", "开始") else "after"
                if p in ("从", "自", "由", "自即日起"):
                    s = prefix.start("p")
                start, end, typ = _open_from(start, self.ref, typ, grain)
            elif word in ("起至今", "至今", "以来"):
                e = suffix.end()
                mod = "since"
                if p in ("从", "自", "由"):
                    s = prefix.start("p")
                start = _as_datetime(start, self.tz)
                end = self.ref
                typ = "range"
            elif word in ("前", "以前", "之前", "为止"):
                e = suffix.end()
                mod = "deadline"
                if p in ("到", "在", "截至", "截止", "截止到", "截止至", "直到", "直至"):
                    s = prefix.start("p")
                if grain == "season" and word != "为止":  # 暑期前: by the eve of the season, not its end
                    first = start.date() if isinstance(start, dt.datetime) else start
                    start, end = first - dt.timedelta(days=1), None
                start, end, typ = _until(start, end, self.ref, self.tz)
            elif word in ("期间",):
                e = suffix.end()
        if mod is None and p in ("截至", "截止", "截止到", "截止至", "截至到", "直到", "直至") and prefix:
            mod = "deadline" if p.startswith("截止") or p.startswith("直") else "asof"
            s = prefix.start("p")
        elif mod is None and p in ("从", "自") and prefix and re.match(r"\s*(?:开始|起)", self.norm[e:e + 40]):
            pass
        return self.make(s, e, typ, start, end, grain, approx, mod=mod, rule="+".join(f.rules))

    def finish_numrange(self, f: Fields) -> Timex | None:
        """12-19日, 2019年1-五月, 9~12点半: the first number takes the unit of the second."""
        a = replace(f, range_from=None, rules=list(f.rules))
        b = replace(f, range_from=None, rules=list(f.rules))
        if f.range_from >= 1000 or (f.year is not None and f.month is None and f.range_from > 31):
            a.year, a.month, a.day, a.fuzzy = (f.range_from if f.range_from >= 100 else self.year_of(str(f.range_from))), None, None, None
        elif f.hour is not None:
            a.minute, a.hour, a.second = 0, f.range_from, None
        elif f.day is not None:
            a.day = f.range_from
        elif f.month is not None:
            a.month = f.range_from
        else:
            return None
        ra, rb = self.resolve(a), self.resolve(b)
        if ra is None or rb is None or rb[1] < ra[0]:
            return None
        end = f.end
        tail = re.match(r"前|以前|之前", self.norm[end:end + 40])  # 2020至2025年前: the span, up to that year
        if tail:
            end += tail.end()
        return self.make(f.start, end, "range", ra[0], rb[1], rb[2], f.approx, rule="numeric-range")

    def finish_subrange(self, f: Fields, sub: re.Match) -> Timex | None:
        """2022年前十一个月, 上月最后五天, 这个月前两天, 70年第8个月, 2005年首月."""
        iv = self.interval(f)
        if iv is None:
            return None
        lo, hi, _ = iv
        which, unit = sub["which"], sub["u"]
        n = parse_int(sub["n"]) if sub["n"] else 1
        if not n:
            return None
        if unit in ("月", "季度"):
            months = n * (3 if unit == "季度" else 1)
            if which in ("前", "头", "首"):
                y, m = _add_months(lo.year, lo.month, months - 1)
                start, end = lo, _month_end(y, m)
            elif which == "第":
                y, m = _add_months(lo.year, lo.month, months - 1)
                start, end = dt.date(y, m, 1), _month_end(y, m)
            else:
                y, m = _add_months(hi.year, hi.month, -(months - 1))
                start, end = dt.date(y, m, 1), hi
        elif unit in ("天", "日"):
            if which in ("前", "头", "首"):
                start, end = lo, lo + dt.timedelta(days=n - 1)
            elif which == "第":
                start = end = lo + dt.timedelta(days=n - 1)
            else:
                start, end = hi - dt.timedelta(days=n - 1), hi
        else:
            return None
        if start < lo or end > hi:
            return None
        return self.make(f.start, sub.end(), "range" if start != end else "date", start, end,
                         "month" if unit in ("月", "季度") else "day", False, rule="sub-range")

    def finish_duration(self, f: Fields) -> Timex | None:
        s, e = f.start, f.end
        prefix = PREFIX.search(self.norm, max(0, s - 6), s)
        p = prefix["p"] if prefix else ""
        suffix = SUFFIX.match(self.norm, e)
        word = suffix["s"] if suffix else ""
        amount, unit = f.duration_parts or (0, "天")
        rule = "duration"
        if p in ("过", "再过") and not word and not (p == "过" and re.search(r"[经通度超不越]过\s*$",
                                                                            self.norm[max(0, s - 3):s])):
            point = _shift(self.ref, amount, unit)
            if point is None:
                return None
            lo = point.date() if unit in ("天", "日", "周", "月", "年", "季度") else point
            return self.make(prefix.start("p"), e, "range", lo, None, "day", f.approx, mod="after", rule="duration-later")
        if f.amount_range and unit == "年" and word in ("前", "以前", "之前", "后", "以后", "之后"):
            sign = -1 if "前" in word else 1
            years = sorted(self.today.year + sign * int(a) for a in f.amount_range)
            return self.make(s, suffix.end(), "range", dt.date(years[0], 1, 1), dt.date(years[1], 12, 31), "year", True,
                             mod="after" if sign > 0 else "before", rule="duration-vague")
        if p == "前" and not word and unit == "周":  # 前两周: the weeks up to now
            monday = self.today - dt.timedelta(days=self.today.weekday()) - dt.timedelta(weeks=amount)
            return self.make(prefix.start("p"), e, "range", _as_datetime(monday, self.tz), self.ref, "week", False,
                             mod="since", rule="duration-past-weeks")
        if word in ("后", "以后", "之后", "前", "以前", "之前", "内", "以内", "之内", "以来", "来") and unit != "周年":
            e = suffix.end()
            delta_sign = -1 if word in ("前", "以前", "之前", "以来", "来") else 1
            point = _shift(self.ref, amount * delta_sign, unit)
            if point is None:
                return None
            coarse = unit in ("年", "月", "季度", "周")
            if word in ("内", "以内", "之内"):
                if p in ("未来", "今后"):
                    s = prefix.start("p")
                months = amount * {"年": 12, "季度": 3, "月": 1}.get(unit, 0)
                whole_months = unit in ("年", "月", "季度") and months == int(months)
                if p in ("未来", "今后") and whole_months:
                    bound = _end_of_day(point - ONE_DAY, self.tz)
                elif whole_months:
                    bound = _end_of_day(_month_end(point.year, point.month), self.tz)
                elif coarse or unit in ("天", "日", "工作日", "交易日"):
                    bound = _end_of_day(point, self.tz)
                else:
                    bound = point
                return self.make(s, e, "range", self.ref, bound, "day", f.approx, mod="within", rule=rule + "-within")
            if word in ("以来", "来"):
                if p in ("近", "最近"):
                    s = prefix.start("p")
                lo = dt.date(point.year, 1, 1) if unit == "年" and f.approx else \
                    dt.date(point.year, point.month, 1) if unit in ("年", "月", "季度") else \
                    point if unit in ("天", "日") and amount != int(amount) else \
                    point.date() if coarse or unit in ("天", "日") else point
                until = self.ref
                if unit in ("天", "日") and amount != int(amount):  # 7天半以来: up to the end of this hour or day
                    until = _end_of_day(self.ref, self.tz) if self.ref.time() == dt.time(0) else \
                        self.ref.replace(minute=59, second=59)
                return self.make(s, e, "range", _as_datetime(lo, self.tz), until, "day", f.approx, mod="since",
                                 rule=rule + "-since")
            if unit in ("年",) and amount == int(amount):
                lo, hi, grain = dt.date(point.year, 1, 1), dt.date(point.year, 12, 31), "year"
            elif unit == "月" and amount != int(amount):
                # 两个半月前 / 十个半月后: the month-long stretch ending or starting there
                lo = hi = point.date()
                if word in ("前", "后"):
                    lo, hi = (lo, lo + dt.timedelta(days=30)) if delta_sign > 0 else (lo - dt.timedelta(days=31), lo)
                grain = "day"
            elif unit in ("月",) or (unit == "年"):
                lo, hi, grain = dt.date(point.year, point.month, 1), _month_end(point.year, point.month), "month"
            elif unit in ("天", "日", "工作日", "交易日"):
                lo = hi = point.date()
                grain = "day"
            elif unit == "周":
                monday = point.date() - dt.timedelta(days=point.weekday())
                lo, hi, grain = monday, monday + dt.timedelta(days=6), "week"
            elif unit == "季度":
                lo, hi, grain = dt.date(point.year, point.month, 1), _month_end(point.year, point.month), "month"
            elif unit == "小时":
                # 6个小时前: the hour before that point; 一个半小时后: the hour after it
                width = dt.timedelta(hours=min(amount, 1.0))
                lo, hi = (point, point + width) if delta_sign > 0 else (point - width, point)
                grain = "hour"
            else:
                lo = hi = point.replace(second=0) if unit != "秒" else point
                grain = "minute"
            mod = "after" if delta_sign > 0 else "before"
            if word in ("以后", "之后") and delta_sign > 0 and unit != "周":
                hi = None
            if word in ("以前", "之前"):
                lo = None
            return self.make(s, e, "date" if lo == hi else "range", lo, hi, grain, True if word else f.approx, mod=mod,
                             rule=rule + "-" + mod)
        if p in ("未来", "今后"):
            point = _shift(self.ref, amount, unit)
            if point is None:
                return None
            if unit in ("年", "月", "季度"):
                point = _end_of_day(point - ONE_DAY, self.tz)
            return self.make(prefix.start("p"), e, "range", self.ref, point, "day", f.approx, mod="within",
                             rule="duration-future")
        if p in ("过去", "过去的", "最近", "最近的", "近"):
            point = _shift(self.ref, -amount, unit)
            if point is None:
                return None
            if unit in ("年", "月", "季度"):
                point = _as_datetime(point.date(), self.tz)
            return self.make(prefix.start("p"), e, "range", point, self.ref, "day", f.approx, mod="since",
                             rule="duration-past")
        return self.make(s, e, "duration", None, None, f.grain, f.approx, duration=f.duration, rule=rule)

    def finish_set(self, f: Fields) -> Timex | None:
        rrule = f.rrule or ""
        if f.hour is not None:
            t = self.timed(self.today, f)
            if t is not None:
                rrule += f";BYHOUR={t[0].hour};BYMINUTE={t[0].minute}"
        return self.make(f.start, f.end, "set", None, None, f.grain, False, rrule=rrule, rule="set")

    def make(self, s: int, e: int, typ: str, start, end, grain: str, approx: bool, *, mod=None, duration=None,
             rrule=None, rule: str = "") -> Timex:
        return Timex(text=self.text[s:e], span=(s, e), type=typ, start=start, end=end, grain=grain,
                     approximate=approx, duration=duration, mod=mod, rrule=rrule, rule=rule)

    def season_under_way(self, t: Timex) -> Timex:
        """森林防火期为11月1日至次年4月30日, said in December: the season under way now, not next year's."""
        if ("次年" not in t.text or re.search(r"\d{2,4}\s*年|今年|明年|去年", t.text) or t.start is None or t.end is None
                or day_of(t.start) <= self.ref.date()):
            return t
        last = years_earlier(t, 1)
        return last if last is not None and day_of(last.start) <= self.ref.date() <= day_of(last.end) else t

    # ------------------------------------------------------------ ranges: A至B
    def try_range(self, a: Fields, b: Fields | None) -> Timex | None:
        if a.kind == "set" and b is not None and b.kind == "date" and b.hour is not None and b.day is None:
            sep = RANGE_SEP.match(self.norm, a.end)
            if sep and sep.end() == b.start:  # 每天9:00-17:00: a daily time slot
                t = self.finish_set(a)
                if t is not None:
                    return replace(t, text=self.text[a.start:b.end], span=(a.start, b.end),
                                   rrule=(t.rrule or "") + f";UNTIL-TIME={b.hour:02d}{(b.minute or 0):02d}")
        if a.kind != "date":
            if a.kind == "duration" and b is None:
                return None
            return None
        sep_start = a.end
        suffix = SUFFIX.match(self.norm, a.end)
        if suffix and suffix["s"] in ("起",):
            sep_start = suffix.end()
        sep = RANGE_SEP.match(self.norm, sep_start)
        if sep is None:
            return None
        if b is None or b.kind != "date" or b.start != sep.end():
            return None
        # B inherits what it leaves unsaid from A: 6月21日至23日, 下午3点至8点
        saved_anchor = self.anchor
        ra = self.resolve(replace(a, rules=list(a.rules)))
        if ra is None:
            return None
        b2 = replace(b, rules=list(b.rules))
        if (b2.year is None and a.year is not None and b2.span is None and not b2.lunar
                and (b2.month is not None or b2.day is not None or b2.holiday is not None)):
            b2.year = a.year
        if b2.lunar and not a.lunar:
            return None
        if b2.month is None and b2.day is not None and b2.span is None and a.month is not None:
            b2.month = a.month
            if b2.year is None:
                b2.year = ra[0].year if isinstance(ra[0], Day) else None
        if b2.hour is not None and b2.day is None and b2.month is None and b2.span is None:
            b2.year, b2.month, b2.day = (ra[0].year, ra[0].month, ra[0].day) if isinstance(ra[0], Day) else (None, None, None)
            if b2.pod is None and a.pod is not None:
                b2.pod = a.pod
                if a.pod in AFTERNOON and b2.hour is not None and b2.hour < (a.hour or 0) - 12 + 12 and b2.hour < 12:
                    pass
        rb = self.resolve(b2)
        if rb is None:
            self.anchor = saved_anchor
            return None
        start, end = ra[0], rb[1]
        if (a.hour is None and b.hour is not None and b.day is not None and isinstance(rb[0], dt.datetime)
                and not isinstance(start, dt.datetime) and start < rb[0].date()
                and (_SHOWS.search(around := self.clause_before(a.start)[-20:] + " " + self.clause_after(b.end)[:20])
                     or _HOUR_SET_APART.search(self.norm, b.start, b.end))
                and not _WINDOW.search(around)):
            start = dt.datetime.combine(start, rb[0].timetz())  # 舞剧…：3月6日至8日 19:30: nightly, from the first night
        if self.text[b.start:b.end] in ("今天", "今日", "现在", "目前", "当前") and start != end:
            start, end = _as_datetime(start, self.tz), self.ref  # …到今天: up to now
        if isinstance(start, dt.datetime) != isinstance(end, dt.datetime):
            start = _as_datetime(start, self.tz) if not isinstance(start, dt.datetime) else start
            end = _as_datetime(end, self.tz, end_of_day=True) if not isinstance(end, dt.datetime) else end
        if end < start:
            if isinstance(end, dt.datetime) and end + ONE_DAY > start:
                end = end + ONE_DAY
            else:
                self.anchor = saved_anchor
                return None
        s, e = a.start, b.end
        prefix = PREFIX.search(self.norm, max(0, s - 6), s)
        if prefix and prefix["p"] in ("从", "自", "由", "自即日起", "从即日起", "即日起", "于", "在"):
            s = prefix.start("p")
        tail = re.match(r"\s*(?:止|为止)", self.norm[e:e + 40])
        if tail:
            e += tail.end()
        grain = rb[2] if rb[2] == ra[2] else "day"
        clocks = all(r in ("clock", "hm", "pod") for r in a.rules + b.rules)
        return self.make(s, e, "range", start, end, grain, a.approx or b.approx or bool(a.fuzzy or b.fuzzy),
                         rule="clock-range" if clocks else "range")


# ---------------------------------------------------------------- small date helpers
def _month_end(year: int, month: int) -> Day:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _add_months(year: int, month: int, offset: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + offset
    return index // 12, index % 12 + 1


def _year_fuzzy(word: str) -> str:
    """The fuzzy part of a year as `_fuzzy_part` knows it: a bare 初/中/底 reads as 年初/年中/年底."""
    return "年" + word if len(word) == 1 else word


def _fuzzy_years(lo: int, hi: int, fz: str | None) -> tuple[int, int]:
    if not fz:
        return lo, hi
    width = 19 if hi - lo > 10 else 2
    if fz in ("初", "初期", "前期"):
        return lo, lo + width
    if fz in ("末", "末期", "后期"):
        return hi - width, hi
    if fz in ("中期", "中叶"):
        return lo + 3, lo + 6
    return lo, hi


def _fuzzy_part(lo: Day, hi: Day, fz: str) -> tuple[Day, Day]:
    """The part of [lo, hi] that 上旬/月底/年初/上半年/季末... names."""
    y, m = lo.year, lo.month
    days = (hi - lo).days
    if fz in ("上旬",):
        return dt.date(y, m, 1), dt.date(y, m, 10)
    if fz == "上中旬":  # the first twenty days
        return dt.date(y, m, 1), dt.date(y, m, 20)
    if fz == "中下旬":  # from the eleventh to the month's end
        return dt.date(y, m, 11), hi
    if fz in ("中旬", "月中", "中"):
        if days > 40:
            return _fuzzy_part(lo, hi, "年中")
        return dt.date(y, m, 11), dt.date(y, m, 20)
    if fz in ("下旬",):
        return dt.date(y, m, 21), hi
    if fz in ("月初", "初") and days <= 31:
        return lo, dt.date(y, m, 5)
    if fz in ("月底", "月末", "底", "末") and days <= 31:
        return hi - dt.timedelta(days=6), hi
    if fz == "上半月":
        return lo, dt.date(y, m, 15)
    if fz == "下半月":
        return dt.date(y, m, 16), hi
    if fz in ("年初", "初", "伊始", "初期", "前期"):
        if fz == "伊始":
            return dt.date(lo.year, 1, 1), dt.date(lo.year, 1, 31)
        return dt.date(lo.year, 1, 1), _month_end(lo.year, 2)
    if fz in ("年中", "中期"):
        return dt.date(lo.year, 6, 1), dt.date(lo.year, 7, 31)
    if fz in ("年底", "年末", "年终", "底", "末", "末期", "后期"):
        return dt.date(hi.year, 11, 1), dt.date(hi.year, 12, 31)
    if fz in ("上半年", "前半年"):
        return dt.date(lo.year, 1, 1), dt.date(lo.year, 6, 30)
    if fz in ("下半年", "后半年"):
        return dt.date(lo.year, 7, 1), dt.date(lo.year, 12, 31)
    if fz == "季初":
        return lo, _month_end(lo.year, lo.month)
    if fz == "季末":
        return dt.date(hi.year, hi.month, 1), hi
    if fz == "季中":
        mid = lo.month + 1
        return dt.date(lo.year, mid, 1), _month_end(lo.year, mid)
    return lo, hi


def _as_datetime(value, tz, end_of_day: bool = False) -> dt.datetime:
    if isinstance(value, dt.datetime):
        return value
    t = dt.time(23, 59, 59) if end_of_day else dt.time(0, 0)
    return dt.datetime.combine(value, t, tz)


def _end_of_day(value, tz) -> dt.datetime:
    day = value.date() if isinstance(value, dt.datetime) else value
    return dt.datetime.combine(day, dt.time(23, 59, 59), tz)


_SHOWS = re.compile(r"演出|上演|开演|连演|放映|剧|音乐会|晚会|演唱会|专场|灯光秀|每晚")  # a run of nightly shows
_HOUR_SET_APART = re.compile(r"[日号](?:[ \t]+|[（(][^）)\n]{1,12}[）)][ \t]*)\d{1,2}[:：时点]")  # 16日（周六、周日）10:00: the daily hour
_WINDOW = re.compile(r"报名|截止|受理|提交|申请|办理|缴费|预约|售票|登记")  # a window that closes at an hour
_DAYS_OFF = re.compile(r"(?P<dir>前|后)(?P<n>[一两二三四五六七1-7])(?:天|日)(?![内里以之])")


def _open_from(start, ref: dt.datetime, typ: str, grain: str):
    """从X起: X to now when X is past, open-ended when it is ahead."""
    first = start
    if isinstance(first, dt.datetime):
        past = first <= ref
    else:
        past = first < ref.date()
    if past:
        return _as_datetime(first, ref.tzinfo), ref, "range"
    return first, None, "range"


def _until(start, end, ref: dt.datetime, tz):
    """X前 / 截止X: from now to the end of X."""
    last = end if end is not None else start
    if isinstance(last, dt.datetime):
        if last.second == 0 and last.minute == 0:
            last = last.replace(minute=59, second=59)
        bound = last
    else:
        bound = _end_of_day(last, tz)
    return ref, bound, "range"


def _shift(ref: dt.datetime, amount: float, unit: str) -> dt.datetime | None:
    """ref moved by amount units (months and years by the calendar)."""
    try:
        if unit in ("年", "载"):
            months = round(amount * 12)
            y, m = _add_months(ref.year, ref.month, months)
            return ref.replace(year=y, month=m, day=min(ref.day, calendar.monthrange(y, m)[1]))
        if unit in ("月", "季度"):
            whole = int(amount * (3 if unit == "季度" else 1))
            frac = amount * (3 if unit == "季度" else 1) - whole
            y, m = _add_months(ref.year, ref.month, whole)
            moved = ref.replace(year=y, month=m, day=min(ref.day, calendar.monthrange(y, m)[1]))
            return moved + dt.timedelta(days=round(frac * 30))
        if unit == "周":
            return ref + dt.timedelta(weeks=amount)
        if unit in ("天", "日"):
            return ref + dt.timedelta(days=amount)
        if unit in ("工作日", "交易日"):
            day, left = ref, int(amount)
            while left > 0:
                day += ONE_DAY
                if day.weekday() < 5:
                    left -= 1
            return day
        if unit == "小时":
            return ref + dt.timedelta(hours=amount)
        if unit == "分":
            return ref + dt.timedelta(minutes=amount)
        if unit == "秒":
            return ref + dt.timedelta(seconds=amount)
    except (OverflowError, ValueError):
        return None
    return None


def _duration_grain(unit: str) -> str:
    return {"年": "year", "载": "year", "周年": "year", "月": "month", "季度": "quarter", "周": "week", "天": "day",
            "日": "day", "小时": "hour", "分": "minute", "秒": "second"}.get(unit, "day")


def _num(v: float) -> str:
    return str(int(v)) if v == int(v) else f"{v:g}"


def _iso_duration(parts: list[tuple[float, str]]) -> str:
    """[(2.5, '年')] -> P2.5Y; [(36,'天'),(5,'小时'),(30,'分')] -> P36DT5H30M."""
    date_part, time_part = "", ""
    for amount, unit in parts:
        if unit in ("年", "载", "周年"):
            date_part += _num(amount) + "Y"
        elif unit == "季度":
            date_part += _num(amount * 3) + "M"
        elif unit == "月":
            date_part += _num(amount) + "M"
        elif unit == "周":
            date_part += _num(amount * 7) + "D"
        elif unit in ("天", "日"):
            date_part += _num(amount) + "D"
        elif unit in ("工作日", "交易日"):
            date_part += _num(amount) + "WD"
        elif unit == "小时":
            time_part += _num(amount) + "H"
        elif unit == "分":
            time_part += _num(amount) + "M"
        elif unit == "秒":
            time_part += _num(amount) + "S"
    return "P" + date_part + ("T" + time_part if time_part else "")
