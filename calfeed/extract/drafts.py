"""The draft of an event while the reader works on it, and the small helpers the reader and the
merging passes share (days, clauses, titles, similarity, durations)."""
from __future__ import annotations

import calendar
import datetime as dt
import math
import re
from dataclasses import dataclass

from calfeed.extract.cues import HAN, HOLY_DAY, LEAD_WORDS, STOP_BIGRAMS, TITLE_NOISE
from calfeed.extract.text import BYLINE, Prepared
from calfeed.extract.types import Event, Timex, day_of


@dataclass
class Draft:
    title: str
    start: object
    end: object
    all_day: bool
    kind: str
    approximate: bool
    sentence: tuple[int, int]
    span: tuple[int, int]
    timex: str
    section: str = ""  # the headline of the article it belongs to
    revises: str = ""  # 报名截止时间 when this date replaces an earlier one
    trigger_at: int = -1  # where the verb that made it an event stands

    def event(self, prep: Prepared) -> Event:
        s, e = self.sentence
        evidence = re.sub(r"\s+", " ", prep.text[s:e]).strip()
        span = (prep.original(self.span[0]), prep.original(self.span[1] - 1) + 1)
        return Event(title=self.title, start=self.start, end=self.end, all_day=self.all_day, kind=self.kind,
                     approximate=self.approximate, evidence=evidence, span=span, timex=self.timex)


# ---------------------------------------------------------------- helpers
def on_day(p, day: dt.date):
    """The same point on another day: a date becomes that day, a datetime keeps its time of day."""
    if p is None:
        return None
    return p.replace(year=day.year, month=day.month, day=day.day) if isinstance(p, dt.datetime) else day


def clause_end_at(text: str, pos: int) -> int:
    m = re.compile(r"[，,；;。！？!?]").search(text, pos)
    return m.start() if m else len(text)


def clause_tail(text: str) -> str:
    cut = max(text.rfind(c) for c in "，,：:；;")
    return text[cut + 1:] if cut >= 0 else text


_NAMED_WEEKDAY = rf"{HOLY_DAY}|Super\s+Bowl|Selection|Election"  # Good Friday, Election Tuesday


def clean_title(raw: str, date_words: list[str]) -> str:
    title = BYLINE.sub("", raw)
    title = re.sub(r"^\s*(?:\d{1,2}[.、．)）]|[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十\d]{1,3}[)）])\s*", "", title)
    for w in sorted(date_words, key=len, reverse=True):
        if w and w[:1] not in "自从":  # 本学期自9月2日开学: 本学期开学 (plain string work: no pattern per date)
            for lead in ("自", "从"):
                at = title.find(lead + w)
                while at > 0 and HAN.match(title, at - 1):
                    title = title[:at] + title[at + 1:]
                    at = title.find(lead + w)
        title = title.replace(w + "度", "") if w.endswith("年") else title  # 2025年度医保: the label goes too
        if w and w[:1].isupper() and (named := re.search(rf"\b(?:{_NAMED_WEEKDAY})\s+" + re.escape(w), title)):
            day_name = re.match(r"[A-Z][a-z]+", w)  # Good Friday, April 3, noon service: the day's name stays
            title = title.replace(named.group(), named.group()[:named.group().index(w)] + (day_name.group() if day_name else ""))
            continue
        named_period = re.fullmatch(r"(?:\d{4}年|[今明去]年|本学年)?(?P<name>寒假|暑假|春运|寒暑假)", w)
        title = title.replace(w, named_period["name"] if named_period else "")  # 2026年寒假自1月31日开始: 寒假 names it
    title = re.sub(r"(?:历时|为期|持续|历经)[^，。的]{0,8}的", "", title)
    title = re.sub(r"[（(](?:星期|周|礼拜)[一二三四五六日天][）)]|[（(]\s*[）)]", "", title)
    title = re.sub(r"[（(](?![^（()）]*[）)])", "", title)  # the bracket whose inside was a date
    title = re.sub(r"(?:在|于)、+", "", title)  # 还将在10月2日、10月5日举办: no list left behind
    title = re.sub(r"^[、，,和及与的]+|[、，,和及与]+$", "", title.strip())
    title = re.sub(r"(?:\d{4}|[今去明]|本)年(?:度)?(?=[\u4e00-\u9fff“])", "", title)
    title = re.sub(r"^(?:从|自|于|在|到|至)\s*|(?:当[日天]|即日|次日)起", "", title.strip())
    title = re.sub(r"^是(?:第[一二三四五六七八九十百\d]+[个届次])?(?=[“\u4e00-\u9fff])", "", title)  # 9月20日是第十五个“中国统计开放日”
    for _ in range(3):
        title = LEAD_WORDS.sub("", title.strip())
    notice = re.fullmatch(r"\s*关于(?P<what>.{4,60}?)的(?:公告|通知|通告|决定|安排)\s*", title)
    if notice:
        title = notice.group("what")  # 关于地铁6号线开通试运营的公告: what it announces
    title = re.sub(r"在(?=完成|完工|建成|竣工|举行|召开|进行|开始|结束|启动)", "", title)  # 推选工作在[3月下旬]完成
    title = re.sub(r"《[^》]*》|(?:预计|计划|将于|将在|拟于|定于|将|(?<!关)于)(?=[\u4e00-\u9fff])",
                   lambda m: m.group() if m.group().startswith("《") else "", title)  # not inside 《关于…》
    title = re.sub(r"(?<=[\u4e00-\u9fff]{4})(?:调整)?(?:为|是)?[：:][\u4e00-\u9fff、，,]*$", lambda m: "调整" if m.group().startswith("调整") else "", title)  # 运营时间调整为：…
    title = re.sub(r"\s+", " ", title)
    title = TITLE_NOISE.sub("", title).strip(" ，,。")
    for _ in range(2):  # 本届灯会展期自…持续至…: 本届灯会展期
        title = re.sub(r"(?:时间|日期)?(?:定于|为|是|于|自|从)$|(?<=[\u4e00-\u9fff]{4})(?:已经|已|将|正在)$|(?:安排在|安排)?[，,]\s*(?:即|也就是)$"
                       r"|(?:持续|延续|一直|延长)(?:至|到)$", "", title).rstrip("：:，,、 ")
    if title[:1].islower():
        title = title[0].upper() + title[1:]
    return title


def shorten(title: str) -> str:
    """Long titles keep their head noun phrase: drop 由…的 attributives, then cut at 40."""
    m = re.search(r"(?:由|经)[^，。]{2,30}?的", title)
    if m and len(title) - (m.end() - m.start()) >= 6:
        title = title[:m.start()] + title[m.end():]
    if len(title) > 40:
        cut = max(title.rfind("，", 0, 40), title.rfind("、", 0, 40), title.rfind(" ", 0, 40))
        title = title[:cut] if cut >= 8 else title[:40]
        title = re.sub(r"(?:\s+(?:of|the|a|an|and|or|for|to|in|on|at|with|by|from))+$", "", title)  # …Shareholders of
    return title.strip()


def bigrams(s: str) -> set[str]:
    s = re.sub(r"[^\w\u4e00-\u9fff]", "", s.lower())
    return {s[i:i + 2] for i in range(len(s) - 1)} - STOP_BIGRAMS


_EN_STOP = {"the", "and", "for", "will", "with", "from", "are", "its", "our", "this", "that", "their", "all",
            "has", "have", "was", "were", "been", "into", "new", "city", "county", "town"}


def _words(s: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", s.lower()) if len(w) >= 3 and w not in _EN_STOP}


def similar(a: str, b: str) -> float:
    """Share of the shorter title's pieces found in the other: character pairs for Chinese,
    words for English (whose letter pairs are shared by almost any two titles)."""
    if not HAN.search(a + b):
        x, y = _words(a), _words(b)
        return len(x & y) / min(len(x), len(y)) if x and y else 0.0
    x, y = bigrams(a), bigrams(b)
    if not x or not y:
        return 0.0
    return len(x & y) / min(len(x), len(y))


def add_duration(start, iso: str, backwards: bool):
    """start moved by an ISO duration (P1M, P2.5D): the inclusive last day when going forward."""
    m = re.fullmatch(r"P(?:(?P<y>[\d.]+)Y)?(?:(?P<mo>[\d.]+)M)?(?:(?P<w>[\d.]+)W)?(?:(?P<d>[\d.]+)D)?"
                     r"(?:T(?:(?P<h>[\d.]+)H)?(?:(?P<mi>[\d.]+)M)?)?", iso)
    if not m or start is None:
        return None
    if not any(m[g] for g in ("y", "mo", "w", "d")):  # 共计10小时: hours move an instant, never a day
        if not isinstance(start, dt.datetime) or not (m["h"] or m["mi"]):
            return None
        moved = dt.timedelta(hours=float(m["h"] or 0), minutes=float(m["mi"] or 0))
        return start - moved if backwards else start + moved
    years, months, weeks, days = (float(m[g]) if m[g] else 0.0 for g in ("y", "mo", "w", "d"))
    days += 7 * weeks
    base = day_of(start)
    total_months = int(years * 12 + months)
    extra_days = (years * 12 + months - total_months) * 30 + days
    sign = -1 if backwards else 1
    y, mo = divmod(base.year * 12 + base.month - 1 + sign * total_months, 12)
    mo += 1
    day = min(base.day, calendar.monthrange(y, mo)[1])
    whole = int(extra_days) if backwards else math.ceil(extra_days)  # 会期一天半 forward: two calendar days
    moved = dt.date(y, mo, day) + dt.timedelta(days=sign * whole)
    if backwards:
        return moved + dt.timedelta(days=1) if extra_days == int(extra_days) and extra_days else moved
    return moved if total_months else moved - dt.timedelta(days=1)


def overlap(a: Draft, b: Draft) -> bool:
    a0, a1 = day_of(a.start), day_of(a.end) if a.end is not None else day_of(a.start)
    b0, b1 = day_of(b.start), day_of(b.end) if b.end is not None else day_of(b.start)
    return a0 <= b1 and b0 <= a1


def time_only(t: Timex, today: dt.date) -> bool:
    """A clock time with no date of its own (3:30–7 p.m., 下午3点, by 12 p.m.)."""
    at = t.start if t.start is not None else t.end
    return (isinstance(at, dt.datetime) and at.date() == today
            and not re.search(r"\d+\s*[月日号]|[A-Za-z]{3,}day|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|today|tomorrow|tonight|this\s+(?:morning|afternoon|evening)|今|明|昨",
                              t.text, re.I))


def width(d: Draft) -> int:
    return (day_of(d.end or d.start) - day_of(d.start)).days


def extend_draft(draft: Draft, duration: str) -> None:
    end = add_duration(draft.start, duration, backwards=False)
    if end is not None:
        draft.end, draft.kind, draft.approximate = end, "period", True
        if not draft.all_day:
            draft.start, draft.all_day = day_of(draft.start), True
