"""One event per happening: the passes over a sentence's or a document's drafts that join what
belongs together (opens…closes, 持续至, listed days, revisions, headlines and their body) and
merge what is said twice."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from calfeed.extract.cues import CLOSES, ENDING, HAN, NAMED_DAY, OPENS, RUNS_UNTIL
from calfeed.extract.drafts import Draft, day_of, overlap, similar, width
from calfeed.extract.text import LEADING_CLOCK, LISTING_ROW, Prepared


def runs_through(drafts: list[Draft], text: str) -> list[Draft]:
    """…will open on Saturday, October 7. The exhibition runs through January 14: one run."""
    out: list[Draft] = []
    for d in drafts:
        prev = out[-1] if out else None
        if (prev is not None and d.kind == "deadline" and re.match(r"(?:through|until|till)\b", d.timex, re.I)
                and re.search(r"\b(?:runs?|continues?|remains?|stays?|is on view|on view|will be on view)\b",
                              text[d.sentence[0]:d.span[0]], re.I)
                and (prev.sentence == d.sentence or 0 <= d.sentence[0] - prev.sentence[1] <= 3)
                and day_of(prev.end or prev.start) < day_of(d.start)
                and width(prev) <= 10):  # a day, or a fuzzy start (the first week of April)
            if not prev.all_day:  # opens Saturday, May 2, from 8 a.m. to 1 p.m. … then runs through October 31:
                out.append(replace(d, start=day_of(prev.start), end=day_of(d.start), kind="period", all_day=True))
                continue  # the opening keeps its hours; the season is an entry of its own
            prev.end, prev.kind, prev.all_day = day_of(d.start), "period", True
            prev.start = day_of(prev.start)
            continue
        out.append(d)
    return out


def closed_until_reopening(drafts: list[Draft], text: str) -> list[Draft]:
    """State Route 43 will be closed beginning at 7 p.m. Monday, Aug. 8 … The road is expected to
    reopen by 6 a.m. Friday, Sept. 2: the closure runs until the reopening (which stays an entry)."""
    for prev, d in zip(drafts, drafts[1:], strict=False):
        if (prev.kind == "start" and prev.end is None and d.sentence[0] >= prev.sentence[0]
                and d.sentence[0] - prev.sentence[1] <= 300 and "\n" not in text[prev.sentence[1]:d.sentence[0]]
                and day_of(d.start) > day_of(prev.start)
                and _CLOSURE.search(text[prev.sentence[0]:prev.sentence[1]])
                and _REOPENING.search(text[d.sentence[0]:d.span[0]] + d.title)):
            prev.end, prev.kind = (d.end or d.start) if not prev.all_day else day_of(d.end or d.start), "period"
            if not prev.all_day and not isinstance(prev.end, dt.datetime):
                prev.end = dt.datetime.combine(prev.end, dt.time(23, 59), prev.start.tzinfo)
    return drafts


_CLOSURE = re.compile(r"\b(?:close|closed|closure|shut\s+down|suspended|detour)\b|封闭|封路|停运|停航|暂停|关闭|闭馆", re.I)
_REOPENING = re.compile(r"\breopen|\bresume|恢复|重新开放|解封", re.I)


def continue_until(drafts: list[Draft], text: str) -> list[Draft]:
    """灯会持续至正月十八 / 开幕式…，展期至12月29日 / the show runs until May 5: the end of the
    happening just named."""
    out: list[Draft] = []
    for d in drafts:
        prev = out[-1] if out else None
        lead = text[max(prev.span[1] if prev else 0, d.span[0] - 12):d.span[0]] if prev else ""
        until = re.search(rf"(?P<who>[\u4e00-\u9fff]{{0,6}}?)(?:将)?{RUNS_UNTIL}\s*$", lead) or (
            re.match(r"(?:through|thru|until|till)\b", d.timex, re.I) and prev is not None
            and _STAYS.search(text, max(prev.span[1], d.span[0] - 30), d.span[0]))  # close at 2 p.m. Friday and stay closed through Monday
        if (prev is not None and until and prev.sentence == d.sentence
                and (prev.end in (None, prev.start) or prev.approximate and width(prev) <= 10)
                and day_of(d.end or d.start) > day_of(prev.start)):
            if not prev.all_day and until.groupdict().get("who"):
                # 亮灯仪式 at 18:00, 灯会持续至正月十八: the ceremony stays a moment; the fair is a period
                out.append(replace(prev, title=until["who"], start=day_of(prev.start), end=day_of(d.end or d.start),
                                   all_day=True, kind="period", span=d.span, timex=d.timex))
                continue
            prev.end, prev.kind = day_of(d.end or d.start), "period"
            if not prev.all_day:
                prev.end = dt.datetime.combine(prev.end, dt.time(23, 59), prev.start.tzinfo)
            continue
        out.append(d)
    return out


_STAYS = re.compile(r"\b(?:stay|stays|remain|remains)\s+(?:closed|open|in\s+effect|on\s+view)\s*$", re.I)
_BACK = re.compile(r"返校|返岗|上班|上课|开学|复课|报到")


def pair_open_close(drafts: list[Draft], text: str) -> list[Draft]:
    """Registration opens May 1 and closes May 31; closed from March 24, through April 18: one
    period, not two markers."""
    out: list[Draft] = []
    for d in drafts:
        prev = out[-1] if out else None
        if (prev is not None and prev.sentence == d.sentence and prev.kind == "start" and prev.end is None
                and (re.match(r"\W{0,3}(?:through|until|to|till)\b|截至|截止|直至|直到", d.timex, re.I)
                     or re.search(r"前$", d.timex) and re.match(r"\s*(?:全部|全面)?(?:完工|完成|结束|竣工|建成)",
                                                              text[d.span[1]:d.span[1] + 6]))
                and day_of(d.start) > day_of(prev.start)):
            prev.end, prev.kind = (day_of(d.end or d.start) if prev.all_day else (d.end or d.start)), "period"
            continue
        if (prev is not None and prev.sentence == d.sentence and prev.end in (None, prev.start) and d.end in (None, d.start)
                and _CLOSURE.search(text[prev.sentence[0]:prev.span[0]] + " " + prev.title)
                and _REOPENING.search(text[prev.span[1]:d.span[0]] + " " + d.title)
                and (not prev.all_day or d.all_day)
                and (d.start > prev.start if not d.all_day else day_of(d.start) > day_of(prev.start))):
            # Lakeview Drive will close at 6 p.m. on July 4 and reopen at 1 a.m. on July 5: one closure;
            # offices close at noon on November 27 and reopen Monday, December 2: closed through the 1st
            if not d.all_day:
                prev.end = d.start
            elif prev.all_day:
                prev.end = day_of(d.start) - dt.timedelta(days=1)
            else:
                prev.end = dt.datetime.combine(day_of(d.start) - dt.timedelta(days=1), dt.time(23, 59), prev.start.tzinfo)
            prev.kind = "period"
            continue
        if (prev is not None and prev.sentence == d.sentence and prev.all_day and prev.end in (None, prev.start)
                and "放假" in prev.title and _BACK.search(d.title) and day_of(d.start) > day_of(prev.start) + dt.timedelta(days=1)):
            # 7月13日开始放假，8月31日返校报到注册: the break runs to the day before the return
            prev.end, prev.kind = day_of(d.start) - dt.timedelta(days=1), "period"
            out.append(d)
            continue
        if (prev is not None and prev.sentence == d.sentence
                and (prev.end in (None, prev.start) or prev.approximate and width(prev) <= 10)
                and (OPENS.search(text[prev.sentence[0]:prev.span[0]] + " " + prev.title) or OPENS.search(prev.timex))
                and not (re.fullmatch(r"近日|日前|近期", prev.timex) and "截止" in text[prev.span[1]:d.span[0]])  # 近日已启动征稿，征稿截止时间为…: the deadline stands
                and CLOSES.search(text[prev.span[1]:d.span[0] + len(d.timex) + 5])  # …，到3月底前基本结束
                and day_of(d.end or d.start) > day_of(prev.start)):
            prev.end, prev.kind = (d.end or d.start), "period"  # 3月6日10:00开启，3月15日24:00截止
            if prev.all_day:
                prev.end = day_of(prev.end)
            prev.title = re.sub(r"\s+(?:opens?|begins?|starts?|resumes?)$", "", prev.title)
            continue
        out.append(d)
    return out


_FIELD = re.compile(r"\s*[\u4e00-\u9fff]{0,4}(?:时间|日期|展期|会期|期限|时段)[：:]")  # 展期：…: a field, not a headline


def drop_restated_headlines(drafts: list[Draft], prep: Prepared) -> list[Draft]:
    """A headline restates its article: its event gives way to a body event of the same days."""
    heads = {s for s, _ in prep.headlines}
    decks = _decks(prep)
    out = []
    for d in drafts:
        if (d.sentence[0] in heads or (d.sentence[0] - 1) in heads) and not LEADING_CLOCK.match(prep.text, d.sentence[0]) \
                and not LISTING_ROW.match(prep.text, d.sentence[0]) and not _FIELD.match(prep.text, d.sentence[0]) \
                and re.search(r"[^\W\d_]", prep.text[d.sentence[0]:d.sentence[1]].replace(d.timex, "")) \
                and (HAN.search(d.title) or prep.text[d.sentence[0]:d.span[0]].strip()):
            # (nor is a line that is only a date, "September 6 - October 18, 2025" under the show's name, or an
            # English line that begins with its date, "October 9-12, 2025, Calloway Convention Pavilion")
            # (" 6:00 p.m.  Demolition Derby, Grandstand" stands alone like a headline, but is a schedule line)
            sections = decks.get(d.section, {d.section})
            body = [b for b in drafts if b is not d and b.section in sections and b.sentence[0] > d.sentence[0]
                    and overlap(b, d) and (not width(d) or width(b) or day_of(b.start) == day_of(d.start))
                    and (width(d) or not width(b) or day_of(b.start) == day_of(d.start) or similar(b.title, d.title) >= 0.3
                         or d.all_day and day_of(b.end) == day_of(d.start))
                    and not (d.all_day and LEADING_CLOCK.match(prep.text, b.sentence[0]))]
            # (a run's heading, "A Christmas Carol" - December 1 through 17, is not restated by one night in it,
            # nor a timed day, "Members' preview: Friday, April 4, 6-8 p.m.", by another thing's run that ends that
            # day, while 展期至明年2月28日 is restated by the run that ends then;
            # a day's heading, THURSDAY, AUGUST 14 - Senior Day, not by "1:00 p.m.  Pie contest judging" under it)
            if body:
                # 2025年高考6月7日开考: an editor's headline is the best name for the happening
                if 4 <= len(d.title) <= 20 and len(d.title) < len(body[0].title):
                    body[0].title = d.title
                continue
        out.append(d)
    return out


def _decks(prep: Prepared) -> dict[str, set[str]]:
    """Each headline with the subtitle lines right under it, no blank line between (云东高铁本月20日
    开通运营 / 我市正式迈入“高铁时代”…): the article under the last of them belongs to all of them."""
    groups: dict[str, set[str]] = {}
    run: list[str] = []
    for i, (s, e) in enumerate(prep.headlines):
        end = prep.headlines[i - 1][1] if i else -1
        next_line = i and not prep.text[end:s].strip() and prep.original(s) - prep.original(end) <= s - end  # no blank line
        run = run + [prep.text[s:e]] if next_line else [prep.text[s:e]]
        for head in run:
            groups.setdefault(head, {head}).add(run[-1])
    return groups


def precise_first(drafts: list[Draft]) -> list[Draft]:
    """国务院昨日召开常务会议，听取关于前三季度…的汇报: next to a day, a quarter is a topic."""
    def coarse(d: Draft) -> bool:  # a month or a quarter, not 9月21日至10月20日
        return (day_of(d.end or d.start) - day_of(d.start)).days >= 27 and d.kind != "deadline" \
            and not NAMED_DAY.search(d.timex)
    if any(not coarse(d) and NAMED_DAY.search(d.timex) for d in drafts):
        return [d for d in drafts if not coarse(d)]
    return drafts


def one_per_verb(drafts: list[Draft]) -> list[Draft]:
    """3月14日上午9时，县政府召开2024年一季度经济运行分析会: one verb, one happening — the quarter
    is in the meeting's name; the most precise date wins."""
    def coarse(d: Draft) -> bool:
        return (day_of(d.end or d.start) - day_of(d.start)).days >= 27
    out: list[Draft] = []
    for d in drafts:
        twin = next((o for o in out if o.trigger_at == d.trigger_at >= 0 and coarse(o) != coarse(d)), None)
        if twin is None:
            out.append(d)  # 2月4日、2月18日上班: listed days share their verb and stay apart
        elif coarse(twin):
            out[out.index(twin)] = d
    return out


def join_consecutive(drafts: list[Draft], text: str) -> list[Draft]:
    """5月17日、18日两天，举办非遗市集; INSET days: Monday 1 September and Tuesday 2 September: days
    listed side by side for one happening are one period."""
    out: list[Draft] = []
    for d in drafts:
        prev = out[-1] if out else None
        if (prev is not None and similar(prev.title, d.title) >= 0.5 and prev.all_day and d.all_day
                and prev.kind == d.kind and day_of(d.start) == day_of(prev.end or prev.start) + dt.timedelta(days=1)
                and (re.match(r"\s*(?:[两二三四五六七八九十几]|这|等)\s*[天日]|\s*期间", text[d.span[1]:d.span[1] + 6])
                     or (re.fullmatch(r"\s*(?:[、和及与&]|and)\s*", text[prev.span[1]:d.span[0]])
                         and not re.search(r"[（(](?:星期|周)", prev.timex)))):
            prev.end, prev.kind = day_of(d.end or d.start), "period" if prev.kind == "event" else prev.kind
            continue
        out.append(d)
    return out


def drop_subjectless_restatements(drafts: list[Draft], text: str) -> list[Draft]:
    """"Friday, June 12 will be added to the year. The last day of school is now June 12": the
    day said twice in one paragraph is one happening, named by the sentence that has a subject."""
    def subjectless(d: Draft) -> bool:  # or only what the day's closure cancels
        return bool(re.match(r"(?:Will|Would|Is|Are|Was|Were|Has|Have)\b", d.title)
                    or re.search(r"\b(?:is|are)\s+cancell?ed\b", text[d.sentence[0]:d.sentence[1]]))
    out: list[Draft] = []
    for d in drafts:
        prev = None
        for p in reversed(out):  # back through this paragraph only
            if p.sentence[1] <= d.sentence[0] and "\n" in text[p.sentence[1]:d.sentence[0]]:
                break
            if (p.sentence != d.sentence and subjectless(p) != subjectless(d)
                    and day_of(p.start) == day_of(d.start) == day_of(p.end or p.start) == day_of(d.end or d.start)):
                prev = p
                break
        if prev is not None:
            if subjectless(prev):
                out[out.index(prev)] = d
            continue
        out.append(d)
    return out


def drop_retold_days(drafts: list[Draft], prep: Prepared) -> list[Draft]:
    """A commentary that retells a notice (明年春节前后需要在两个星期日上班，分别是2月4日和2月18日):
    a later day or span already entered from the body, in a sentence that names that entry, is
    the same entry.  What happens during it (春节假期期间，景区门票减半) is not."""
    heads = {s for s, _ in prep.headlines}
    out: list[Draft] = []
    entered: dict[tuple, list[Draft]] = {}  # by days, so a long document stays linear
    for d in drafts:
        days = (day_of(d.start), day_of(d.end or d.start))
        if d.all_day and not d.timex.endswith("期间") and any(
                k.all_day and k.kind == d.kind and k.section == d.section and k.sentence[1] <= d.sentence[0]
                and k.sentence[0] not in heads and similar(k.title, prep.text[d.sentence[0]:d.sentence[1]]) >= 0.4
                for k in entered.get(days, ())):
            continue
        out.append(d)
        entered.setdefault(days, []).append(d)
    return out


def apply_revisions(drafts: list[Draft]) -> list[Draft]:
    """报名截止时间推迟至7月21日: an earlier period of the same thing now ends on the new date,
    and an earlier deadline for it is gone."""
    out = list(drafts)
    for new in drafts:
        if not new.revises:
            continue
        for old in list(out):
            if (old is new or old.sentence[0] >= new.sentence[0] or len(new.revises) < 4  # not 本公司: a name, not a thing
                    or similar(old.title, new.revises) < 0.3 or old.section != new.section):  # (another notice's)
                continue
            if old.kind == "period" and new.end is not None and day_of(new.end) != day_of(new.start):
                out.remove(old)  # 标的展示时间相应顺延至12月1日至2日: the whole run moved; the new one stands
            elif old.kind == "period" and old.end is not None:
                old.end = day_of(new.start) if old.all_day else old.end.replace(
                    year=new.start.year, month=new.start.month, day=new.start.day)
            elif old.kind == "deadline":
                out.remove(old)
    return out


def same_happening(a: Draft, b: Draft) -> bool:
    """Similar titles; or, within one article, titles that share a word and a day.  Two
    different times of day are two happenings, however alike their titles."""
    if not a.all_day and not b.all_day and a.start != b.start:
        return False
    if a.span == b.span and a.sentence == b.sentence and a.title != b.title:
        return False  # 专家门诊停诊 and 体检中心停检, read off one row's date: two columns, two entries
    for long, short in ((a, b), (b, a)):
        if day_of(long.start) != day_of(long.end or long.start) and day_of(short.start) == day_of(short.end or short.start) \
                and day_of(short.start) != day_of(long.end):
            return False  # an opening ceremony on a festival's first day is a happening of its own
        if width(long) and not short.all_day and long.all_day and day_of(short.start) == day_of(short.end or short.start) \
                and long.sentence != short.sentence and not ENDING.search(short.title):
            return False  # the Homecoming game at 2 p.m. on the last day of Homecoming week
    if a.sentence != b.sentence and a.end is not None and b.end is not None and width(a) and width(b) and (
            (day_of(a.start), day_of(a.end)) != (day_of(b.start), day_of(b.end))):
        return False  # 灯光秀9月5日至10月26日 … 国庆假期（10月1日至8日）每晚连续上演: a stretch of its own
    if (a.start, a.end, a.all_day) == (b.start, b.end, b.all_day) and bool(HAN.search(a.title)) != bool(HAN.search(b.title)):
        return True  # 2月10日（周二）晚18:30举行年会 / moved to 18:30 on Tuesday, Feb. 10: a bilingual notice says it twice
    similarity = similar(a.title, b.title)
    if similarity >= 0.34 or (not a.all_day and not b.all_day and similarity >= 0.2):
        return True  # …; the council reconvenes at 6:30 p.m., the very minute of its meeting
    one_day = day_of(a.start) == day_of(a.end or a.start) == day_of(b.start) == day_of(b.end or b.start)
    timed = a if not a.all_day else b
    if a.section == b.section and one_day and a.all_day != b.all_day and similarity > 0.1 \
            and timed.span[0] - timed.sentence[0] > 2:
        return True  # 4月12日鸣枪开跑 … 当天7:30鸣枪起跑: the day said again with its hour (not a
        # schedule line, " 9:00 a.m.  Gates open" under WEDNESDAY, AUGUST 13 - Opening Day)
    if a.timex.endswith("期间") or b.timex.endswith("期间"):
        return False  # 庙会期间…实行交通管制: a happening during the fair, not the fair
    if a.section and a.section == b.section and a.end is not None and (a.start, a.end) == (b.start, b.end) \
            and day_of(a.start) != day_of(a.end) and (similarity > 0.1 or min(len(a.title), len(b.title)) <= 6):
        return True  # 举办 6月21日至23日 … 展期为6月21日至23日: one exhibition (not a loan and a check that share a window)
    return bool(a.section) and a.section == b.section and similarity >= (0.2 if HAN.search(a.title + b.title) else 0.5) \
        and None not in (a.end, b.end) \
        and day_of(a.start) <= day_of(b.end or b.start) and day_of(b.start) <= day_of(a.end or a.start)


def merge_drafts(drafts: list[Draft]) -> list[Draft]:
    """One event per happening: similar titles with overlapping dates become one."""
    kept: list[Draft] = []
    for d in drafts:
        twin = next((k for k in kept if overlap(k, d)
                     and (k.kind == d.kind or {k.kind, d.kind} <= {"event", "period"})
                     and same_happening(k, d)), None)
        if twin is None:
            kept.append(d)
            continue
        if twin.kind != "period" and (d.kind == "period" or (twin.all_day and not d.all_day)):
            # the more precise mention leads: its date, its sentence, its title
            twin.start, twin.end, twin.all_day, twin.kind, twin.span, twin.timex = (
                d.start, d.end, d.all_day, d.kind, d.span, d.timex)
            twin.approximate, twin.sentence = d.approximate, d.sentence
            if 4 <= len(d.title) <= 40:
                twin.title = d.title
        elif (HAN.search(twin.timex) and not re.search(r"\d", re.sub(r"\d{4}\s*年", "", twin.timex))
              and re.search(r"\d", d.timex) and (twin.start, twin.end) == (d.start, d.end)):
            # 2026年春节假期营业安排 (a headline) / 春节放假时间为2月15日至23日: the sentence that dates it leads
            twin.span, twin.timex, twin.sentence = d.span, d.timex, d.sentence
            if 4 <= len(d.title) <= 40:
                twin.title = d.title
        elif twin.kind == d.kind == "period" and width(d) < width(twin) and d.sentence == twin.sentence:
            # 春节期间，正月初一至初五…上演: the narrower range is the one meant
            twin.start, twin.end, twin.all_day, twin.span, twin.timex = d.start, d.end, d.all_day, d.span, d.timex
        elif len(d.title) < len(twin.title) and len(d.title) >= 4 and twin.all_day == d.all_day \
                and (similar(d.title, twin.title) >= 0.34 or len(twin.title) > 40):
            twin.title = d.title  # the shorter wording of the same name; not a retelling's fragment
    return kept


