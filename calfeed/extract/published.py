"""Finding a document's publication date when nobody gave it: metadata lines, a newspaper
header, a signature date at the end of a notice, or an English dateline."""
from __future__ import annotations

import datetime as dt
import re

from calfeed.extract.zh_numbers import parse_int

_NUM = r"(?:\d{1,4}|[〇零○一二三四五六七八九十]{1,4})"
_ZH_DATE = re.compile(rf"(?P<y>\d{{4}}|[〇零○一二三四五六七八九]{{4}})\s*年\s*(?P<m>{_NUM})\s*月\s*(?P<d>{_NUM})\s*[日号]")
_ISO_DATE = re.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})(?!\d)")
_META = re.compile(r"(?:发布时间|发布日期|发文日期|发表时间|发表日期|日期|时间|Published|Date|Posted)\s*[:：]?\s*", re.I)
_EN_DATE = re.compile(
    r"(?P<mon>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>(?:19|20)\d\d)"
)
_DATELINE = re.compile(r"(?:新华社|中新社|中新网|人民网|央视网|本报)[^\s，。]{0,8}?(?P<m>\d{1,2})月(?P<d>\d{1,2})日电")
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)\s*年")
_MONTHS = {m: i for i, m in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1)}


def _date(y: str, m: str, d: str) -> dt.date | None:
    try:
        return dt.date(parse_int(y) or 0, parse_int(m) or 0, parse_int(d) or 0)
    except ValueError:
        return None


def _first(pattern: re.Pattern, text: str) -> dt.date | None:
    for m in pattern.finditer(text):
        if pattern is _EN_DATE:
            day = _date(m["y"], str(_MONTHS[m["mon"][:3].lower()]), m["d"])
        else:
            day = _date(m["y"], m["m"], m["d"])
        if day:
            return day
    return None


def find_published(text: str) -> tuple[dt.date, str] | None:
    """The publication date of a document and how it was found, or None."""
    for meta in _META.finditer(text[:3000]):
        tail = text[meta.end():meta.end() + 40]
        for pattern in (_ZH_DATE, _ISO_DATE, _EN_DATE):
            m = pattern.match(tail)
            if m:
                day = _first(pattern, m.group())
                if day:
                    return day, f"metadata line {meta.group().strip()!r}"
    lines = [ln.strip() for ln in text.strip().splitlines() if ln.strip()]
    for line in lines[-4:][::-1]:  # the signature date of a notice: 二〇二三年十二月二十五日
        if len(line) <= 40:
            day = _first(_ZH_DATE, line) or _first(_ISO_DATE, line) or _first(_EN_DATE, line)
            if day:
                return day, f"signature date {line!r}"
    head = text[:300]
    for pattern in (_ZH_DATE, _ISO_DATE, _EN_DATE):
        day = _first(pattern, head)
        if day:
            return day, "date at the top of the document"
    dateline = _DATELINE.search(text)
    years = [int(y) for y in _YEAR.findall(text)]
    if dateline and years:
        # 新华社北京6月22日电 names no year: take the latest year the page speaks of
        day = _date(str(max(years)), dateline["m"], dateline["d"])
        if day:
            return day, f"dateline {dateline.group()!r} in the latest year the text names ({max(years)})"
    return None
