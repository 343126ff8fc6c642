"""The years a document frames its bare dates in, when its title names them.

- A report on an earlier year (临川区2023年国民经济和社会发展统计公报, published in March 2024): its
  bare month-days (9月23日，…丰收节…举办) are days of the year reported on, except in sentences that
  look ahead (将于4月下旬…发布, 预计9月底前).  Those happenings are what such a report is for, so
  they are kept even though they are older than the usual background cut.
- A school year's calendar (2024-25 Instructional Calendar, 2024—2025学年第二学期校历): August to
  December fall in the first year, January to July in the second, however near the other year's
  day would be to the publication date.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from calfeed.extract.types import Timex, years_earlier

# the title of a report on a year: 2023年国民经济和社会发展统计公报, 2023年度工作总结, 2023年政府工作报告回顾
_REPORT_TITLE = re.compile(r"(?P<year>(?:19|20)\d\d)\s*年(?:度)?[^\n。]{0,30}?(?:统计公报|公报|工作总结|年报|年度报告|年鉴)")
_NEWS_OF_IT = re.compile(r"[^\n]{0,4}?(?:》|”)?\s*(?:正式)?(?:发布|出炉|公布|印发|出版|亮相)")
_LOOKS_AHEAD = re.compile(r"将|拟|计划|预计|力争|争取|有望|届时|即将|定于|今年|明年|本年|下一步|目前|正在")
_BARE_DAY = re.compile(r"\d{1,2}\s*月\s*\d{1,2}\s*[日号](?:\s*[至到—-]\s*(?:\d{1,2}\s*月\s*)?\d{1,2}\s*[日号])?")
_YEAR_PART = re.compile(r"年[末底初]")  # 年末全区公路通车里程1846公里: the report year's end, a figure
_SENTENCE_EDGE = re.compile(r"[。！？；\n]")
_CLAUSE_EDGE = re.compile(r"[，,。！？；\n]")


def subject_year(text: str, published: dt.date) -> int | None:
    """The earlier year a report is about, from its title lines; None for any other document."""
    head = "\n".join(line for line in text.lstrip().splitlines()[:4])
    m = _REPORT_TITLE.search(head)
    if m is None or not published.year - 3 <= int(m["year"]) < published.year:
        return None
    if _NEWS_OF_IT.match(head, m.end()):
        return None  # 《2024年…统计公报》发布: a story about the report, told in the present
    return int(m["year"])


def _moved_back(t: Timex, years: int, why: str) -> Timex:
    """t read that many years earlier, its rule saying why; t itself when it stays (or cannot move)."""
    moved = years_earlier(t, years) if years else None
    return replace(moved, rule=t.rule + why) if moved is not None else t


def in_report_year(text: str, timexes: list[Timex], year: int, published: dt.date) -> list[Timex]:
    """The timexes with each bare month-day of a retrospective sentence moved into `year`."""
    out = []
    for t in timexes:
        start = t.start if t.start is not None else t.end
        if start is None or start.year != published.year or not (
                _BARE_DAY.fullmatch(t.text.strip()) or _YEAR_PART.fullmatch(t.text.strip())):
            out.append(t)
            continue
        s = max((m.end() for m in _SENTENCE_EDGE.finditer(text, max(0, t.span[0] - 200), t.span[0])), default=0)
        edge = _CLAUSE_EDGE.search(text, t.span[1] + 2)  # 5月18日，…开工建设，预计2025年底建成: the start is past
        named = [int(y) for y in re.findall(r"((?:19|20)\d\d)\s*年", text[s:t.span[0]])]
        if _LOOKS_AHEAD.search(text, s, edge.start() if edge else len(text)) or (named and named[-1] != year):
            out.append(t)
            continue
        out.append(_moved_back(t, published.year - year, "+report-year"))
    return out


_SCHOOL_YEAR = re.compile(r"(?P<y1>20\d\d)\s*[-–—/]\s*(?:20)?(?P<y2>\d\d)(?!\d)(?=[^\n]{0,40}?"
                          r"(?:学年|校历|学期|School\s+Year|Academic|Instructional|Calendar|Term))", re.I)
_MONTH_DAY = re.compile(r"(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}"
                        r"|\d{1,2}\s*月\s*\d{1,2}\s*[日号])(?:\s*[-–—至到]\s*[^\d\n]{0,10}\d{1,2}\s*[日号]?)?"
                        r"(?:\s*[（(]?(?:周|星期)[一二三四五六日天][)）]?)?", re.I)  # (a weekday the tagger joined)


_WEEK_LABEL = re.compile(r"\s*第\s*\d{1,2}(?:\s*[—–-]\s*\d{1,2})?\s*周[ \t\u3000]+")


def school_year(text: str, published: dt.date) -> int | None:
    """The first calendar year of the school year a calendar's title names (2024-25 → 2024)."""
    head = "\n".join([line for line in text.splitlines() if line.strip()][:8])  # (past a site's menu lines)
    m = _SCHOOL_YEAR.search(head)
    if m is None or int(m["y2"]) != (int(m["y1"]) + 1) % 100:
        return None
    first = int(m["y1"])
    return first if dt.date(first - 1, 3, 1) <= published <= dt.date(first + 1, 8, 31) else None


def in_school_year(text: str, timexes: list[Timex], first: int) -> list[Timex]:
    """The timexes with each bare month-day of the calendar's own listing (a line that opens with
    its date, or a table row) moved into the school year that starts in August of `first`; prose
    around the listing (the Board approved the calendar June 10) keeps the usual reading."""
    out = []
    for t in timexes:
        start = t.start if t.start is not None else t.end
        line_start = text.rfind("\n", 0, t.span[0]) + 1
        line = text[line_start:text.find("\n", t.span[1]) % (len(text) + 1)]
        listed = (re.fullmatch(r"\s*(?:[-•*·]\s*)?", text[line_start:t.span[0]]) or re.search(r"[|｜]|\.{4,}|…{2,}", line)
                  or _WEEK_LABEL.fullmatch(text, line_start, t.span[0]))  # 第18周    1月1日至3日: a teaching week's row
        if start is None or not listed or not _MONTH_DAY.fullmatch(t.text.strip()):
            out.append(t)
            continue
        out.append(_moved_back(t, start.year - (first if start.month >= 8 else first + 1), "+school-year"))
    return out
