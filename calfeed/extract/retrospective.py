"""Documents about an earlier year: 临川区2023年国民经济和社会发展统计公报, published in March 2024.

Their bare month-days (9月23日，…丰收节…举办) are days of the year the document reports on, not of
the year it was published in; only sentences that look ahead (将于4月下旬…发布, 预计9月底前) keep the
publication year.  The happenings of that year are what such a report is for, so they are kept
even though they are older than the usual background cut.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from calfeed.extract.types import Timex

# the title of a report on a year: 2023年国民经济和社会发展统计公报, 2023年度工作总结, 2023年政府工作报告回顾
_REPORT_TITLE = re.compile(r"(?P<year>(?:19|20)\d\d)\s*年(?:度)?[^\n。]{0,30}?(?:统计公报|公报|工作总结|年报|年度报告|年鉴)")
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
    return int(m["year"])


def _years_back(v, n: int):
    try:
        return v.replace(year=v.year - n) if v is not None else None
    except ValueError:  # 2月29日 in a year without one
        return None


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
        back = published.year - year
        moved = replace(t, start=_years_back(t.start, back), end=_years_back(t.end, back), rule=t.rule + "+report-year")
        out.append(moved if (t.start is None or moved.start is not None) and (t.end is None or moved.end is not None) else t)
    return out
