"""The event extractor on real-style documents with gold events (tests/data/gold, and the
sample page of ../shared/eval), scored the way ../shared/eval/score_events.py scores them."""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import yaml

from calfeed.errors import CalfeedError
from calfeed.extract.drafts import day_of
from calfeed.extract.events import extract_document

DATA = Path(__file__).parent.parent / "data"
SAMPLE = Path(__file__).parents[2] / "calfeed" / "data" / "sample-datong-daily-2023-06-22.txt"
TZ = ZoneInfo("Asia/Shanghai")


day = day_of  # the calendar day of an event's start or end


def runs(events) -> list[tuple[str, dt.date, dt.date]]:
    """Each event as (kind, first day, last day)."""
    return [(e.kind, day(e.start), day(e.end)) for e in events]


def matched(gold: dict, events) -> list:
    """Events whose title or evidence has the gold phrase and whose dates agree within tolerance."""
    tol = gold.get("tolerance_days", 0) or 0
    start_tol = dt.timedelta(days=gold.get("start_tolerance_days", tol))
    end_tol = dt.timedelta(days=gold.get("end_tolerance_days", tol))
    want_start = gold["start"]
    want_end = gold.get("end")
    hits = []
    for ev in events:
        if gold["match"] not in ev.title and gold["match"] not in ev.evidence:
            continue
        if abs(day(ev.start) - want_start) > start_tol:
            continue
        if want_end is not None and ev.end is not None and abs(day(ev.end) - want_end) > end_tol:
            continue
        if gold.get("time") and (ev.all_day or ev.start.strftime("%H:%M") != gold["time"]):
            continue
        hits.append(ev)
    return hits


def load_gold(path: Path) -> tuple[dict, str]:
    gold = yaml.safe_load(path.read_text(encoding="utf-8"))
    return gold, (DATA / "docs" / f"{gold['id']}.txt").read_text(encoding="utf-8")


def extract_gold(name: str) -> tuple[dict, list]:
    """A gold document of tests/data and the events extracted from it in its own timezone."""
    gold, text = load_gold(DATA / "gold" / f"{name}.yaml")
    return gold, extract_document(text, published=gold["published"], tz=ZoneInfo(gold["timezone"])).events


def assert_found_and_titled(gold: dict, events, *, required_only: bool = False) -> None:
    """Every gold event (or every required one) is found, and its title has what the gold asks."""
    for g in gold["events"]:
        if required_only and not g.get("required", True):
            continue
        hits = matched(g, events)
        assert hits and g.get("title_has", g["match"]) in hits[0].title, (
            g["id"], [(e.title, e.start, e.end) for e in events])


def test_sample_page_every_required_event_no_extras():
    gold = yaml.safe_load((DATA / "gold-sample.yaml").read_text(encoding="utf-8"))
    result = extract_document(SAMPLE.read_text(encoding="utf-8"), published=dt.date(2023, 6, 22), tz=TZ)
    events = result.events
    for g in gold["events"]:
        if g.get("required", True):
            assert matched(g, events), f"missing {g['id']}"
    used = {id(ev) for g in gold["events"] for ev in matched(g, events)}
    extras = [ev.title for ev in events if id(ev) not in used]
    assert extras == []
    for trap in gold["not_events"]:
        assert not [ev for ev in events if trap["match"] in ev.title]
    assert all(len(ev.title) <= 40 for ev in events)


def test_sample_spans_point_into_the_original_text():
    text = SAMPLE.read_text(encoding="utf-8")
    for ev in extract_document(text, published=dt.date(2023, 6, 22), tz=TZ).events:
        assert text[ev.span[0]:ev.span[1]].replace("\n", "") == ev.timex


# Recall over the project's own Chinese gold documents; measured 0.72 when this gate was set.
MIN_RECALL = 0.65


def test_chinese_documents_recall():
    required = found = 0
    missing = []
    for path in sorted((DATA / "gold").glob("zh-*.yaml")):
        gold, text = load_gold(path)
        events = extract_document(text, published=gold["published"], tz=TZ).events
        for g in gold["events"]:
            if g.get("required", True):
                required += 1
                if matched(g, events):
                    found += 1
                else:
                    missing.append(f"{path.stem}:{g['id']}")
    assert found / required >= MIN_RECALL, missing


def test_no_events_document_gives_none():
    gold, text = load_gold(DATA / "gold" / "zh-income-statistics-no-events.yaml")
    assert extract_document(text, published=gold["published"], tz=TZ).events == []


def test_revised_deadline_keeps_the_final_date():
    text = "报名截止时间原定7月18日，现推迟至7月21日。"
    events = extract_document(text, published=dt.date(2023, 7, 10), tz=TZ).events
    assert [day(e.start) for e in events] == [dt.date(2023, 7, 21)]
    assert events[0].kind == "deadline"


def test_publication_date_is_found_or_refused():
    signed = "各区县人民政府：\n经研究，定于2024年1月5日召开全市工作会议。\n\n市人民政府办公室\n二〇二三年十二月二十五日\n"
    result = extract_document(signed, published=None, tz=TZ)
    assert result.published == dt.date(2023, 12, 25)
    assert "signature" in result.published_how
    with pytest.raises(CalfeedError, match="publication date"):
        extract_document("会议将于下周三召开。", published=None, tz=TZ)


def test_html_is_stripped_and_empty_text_has_no_events():
    html_doc = "<html><body><p>6月21日，市长主持召开<b>调度会</b>。</p><script>var x='6月1日';</script></body></html>"
    events = extract_document(html_doc, published=dt.date(2023, 6, 22), tz=TZ).events
    assert [e.title for e in events] == ["市长主持召开调度会"]
    assert extract_document("", published=dt.date(2023, 6, 22), tz=TZ).events == []


def test_hard_wrapped_english_release_reads_as_one_paragraph():
    """Lines wrapped at a fixed width join into sentences: a date on one line keeps its time on
    the next, a quoted show is named by its name, asides and back-references add no events."""
    gold, events = extract_gold("en-lakeview-library-release")
    assert_found_and_titled(gold, events, required_only=True)
    assert len(events) == 5, [e.title for e in events]
    titles = {e.title for e in events}
    assert "Paper Trails" in titles  # the subtitle after the colon is not part of a 40-character title
    assert "Library closed" in titles  # not "The library, which opened in 1958 … is open … closed"
    workshop = next(e for e in events if "orkshop" in e.title)
    assert workshop.kind == "event" and not workshop.all_day


def test_bulleted_advisory_labels_ranges_and_contingencies():
    """A bullet's label names its happening, its hanging indent goes on with the sentence, a
    range may put a comma before "to", and a rain contingency is not a second closure."""
    gold, events = extract_gold("en-harbor-road-closure-notice")
    assert_found_and_titled(gold, events, required_only=True)
    assert not [e for e in events if "following" in e.evidence and "rain" in e.evidence]
    closure = next(e for e in events if e.title == "Weekend closure")
    assert (closure.start.hour, closure.end.day, closure.end.hour) == (20, 16, 6)


def test_teaching_weeks_count_from_the_terms_own_week_one():
    """第N周星期X counts from the week the notice ties to a date, not from January; the week in
    brackets beside a date repeats it; 其中 lists parts of the period just given."""
    gold, events = extract_gold("zh-middle-school-term-notice")
    assert_found_and_titled(gold, events)
    assert len(events) == len(gold["events"]), [e.title for e in events]
    assert not any("（" in e.title or "第" in e.title for e in events)


def test_same_day_paragraph_goes_back_to_the_dateline():
    """同日 opening a paragraph is the story's day (the dateline's), not the last date named; a
    range that gives its own end keeps it when a duration restates it."""
    text = ("新华社北京10月24日电 全国供暖保障工作会议24日在京召开。会议部署，自11月1日起至12月31日，"
            "开展为期两个月的供热安全专项行动。\n同日，住房城乡建设部公布《城镇供热服务管理办法》。\n")
    events = extract_document(text, published=dt.date(2025, 10, 24), tz=TZ).events
    by_title = {e.title: e for e in events}
    meeting = next(e for e in events if "会议" in e.title)
    assert day(meeting.start) == dt.date(2025, 10, 24)
    rules = next(e for t, e in by_title.items() if "管理办法" in t)
    assert day(rules.start) == dt.date(2025, 10, 24)
    campaign = next(e for e in events if "专项行动" in e.title)
    assert (day(campaign.start), day(campaign.end)) == (dt.date(2025, 11, 1), dt.date(2025, 12, 31))


def test_print_page_anaphora_hours_and_fuzzy_starts():
    """A print page: 明天（4月11日）至12日 with daily hours is one pickup period; 比赛当天 is the
    race day; 近日…开展，…持续至 is one run; 本月下旬起 keeps its ten days; a notice issued 日前
    is background; headline titles lose their date words."""
    gold, events = extract_gold("zh-lanxi-evening-news-page")
    assert_found_and_titled(gold, events)
    assert len(events) == len(gold["events"])
    assert not any("印发" in e.evidence for e in events)
    assert not any("本周日" in e.title for e in events)


def test_weekly_seasons_list_items_and_reasons():
    """Every Saturday from May 31 through Oct. 25 is the season; "- Berry Bash, Saturday, June 14:"
    is named by its item; a holiday named only as a reason is no event."""
    gold, events = extract_gold("en-riverbend-market-season")
    assert_found_and_titled(gold, events)
    assert len(events) == len(gold["events"])


def test_transit_notice_timetables_and_first_day_hours():
    """First/last bus times are a timetable, 至次日0:30 is a detail, 9月27日当天…13:30起 is one
    moment, a notice heading 关于…的公告 names what it announces, and two route changes on
    the same day stay two."""
    gold, events = extract_gold("zh-brt-line2-notice")
    assert_found_and_titled(gold, events, required_only=True)
    assert not any(isinstance(e.start, dt.datetime) and e.start.hour in (0, 6, 21, 22) for e in events)
    assert not any(e.title.startswith("关") or "：" in e.title for e in events)


def test_council_agenda_header_day_and_numbered_items():
    """The meeting's own date line dates the items below it; the posting line and an old vote
    are not events; "Proclaiming …, as Flag Day" and "Set a workshop for …" name their days."""
    gold, events = extract_gold("en-cedar-grove-council-agenda")
    assert_found_and_titled(gold, events)
    assert len(events) == len(gold["events"]), [e.title for e in events]


def test_briefs_durations_weekly_runs_and_week_ahead_listings():
    """"expected to take about four weeks" ends the closure; a weekly market that "runs … through
    Oct. 25" is one season; TUESDAY under a week-ahead heading is the coming Tuesday, and an item
    named in one sentence and timed in the next is one event."""
    gold, events = extract_gold("en-hollis-briefs-week-ahead")
    assert_found_and_titled(gold, events)
    assert len(events) == len(gold["events"])


def test_registration_window_and_race_day_hours():
    """报名…10:00开启，…24:00截止 is one window ending that night; 比赛当天…7:30鸣枪 is the race
    day's hour, said once with the race."""
    text = ("本报讯 本届赛事将于4月12日（星期日）鸣枪开跑。\n"
            "本届赛事报名将于3月6日10:00开启，3月15日24:00截止。\n"
            "3月20日公布抽签结果。\n"
            "比赛当天，全程马拉松将于7:30在市民广场鸣枪起跑。\n")
    events = extract_document(text, published=dt.date(2026, 3, 5), tz=TZ).events
    window = next(e for e in events if "报名" in e.title)
    assert (window.start.day, window.start.hour, window.end.day) == (6, 10, 15)
    race = [e for e in events if "鸣枪" in e.title or "开跑" in e.title]
    assert len(race) == 1 and race[0].start == dt.datetime(2026, 4, 12, 7, 30, tzinfo=TZ), [(e.title, e.start) for e in events]


def test_holiday_workdays_said_twice_and_midnight_ends():
    """A make-up workday listed under 放假 and again as 为调休工作日 is one day named for its
    holiday; 至11月30日24时 ends on the 30th; a climate normal (较常年6月18日) is no event."""
    text = ("关于2026年春节期间放假安排的通知\n\n"
            "一、放假时间\n2月15日至23日放假调休，共9天。2月14日（星期六）、2月28日（星期六）上班。\n\n"
            "二、门诊安排\n（一）2月14日（星期六）为调休工作日，全院门诊按正常工作日开诊。\n"
            "（二）2月17日（正月初一）至19日（正月初三），普通门诊停诊。\n\n"
            "建设路自9月18日0时起至11月30日24时实施全封闭施工。今年入梅较常年6月18日偏早。\n")
    events = extract_document(text, published=dt.date(2026, 2, 6), tz=TZ).events
    feb14 = [e for e in events if day(e.start) == dt.date(2026, 2, 14)]
    assert len(feb14) == 1 and feb14[0].title == "春节调休上班", [(e.title, e.start) for e in events]
    closed = next(e for e in events if "停诊" in e.title)
    assert (day(closed.start), day(closed.end)) == (dt.date(2026, 2, 17), dt.date(2026, 2, 19))
    works = next(e for e in events if "施工" in e.title)
    assert day(works.end) == dt.date(2026, 11, 30)
    assert not any(day(e.start) == dt.date(2026, 6, 18) for e in events)


def test_a_stretch_inside_a_run_stays_its_own_event():
    """灯光秀9月5日启幕，持续至10月26日 … 国庆假期（10月1日至8日）每晚连续上演: two entries, the
    run keeps its own title; 启幕 and 推出 are happenings."""
    text = ("“夜游古渡”沉浸式灯光秀将于9月5日晚在古渡口启幕，持续至10月26日。\n"
            "国庆中秋假期（10月1日至8日），灯光秀将每晚连续上演。10月6日中秋节当晚，街区还将推出“月满古渡”特别场。\n")
    events = extract_document(text, published=dt.date(2025, 8, 28), tz=TZ).events
    spans = {(day(e.start), day(e.end)): e.title for e in events}
    assert spans.get((dt.date(2025, 9, 5), dt.date(2025, 10, 26)), "").startswith("“夜游古渡”"), spans
    assert (dt.date(2025, 10, 1), dt.date(2025, 10, 8)) in spans
    assert any("月满古渡" in t for t in spans.values())


def test_days_without_service_are_entries():
    """"will not take place on Monday, Dec. 25" and "no collection on Monday, Jan. 1" are days
    a reader keeps; what a closure cancels that same day is part of it."""
    text = ("Trash and recycling collection will not take place on Monday, Dec. 25, in observance of Christmas Day.\n\n"
            "There will be no collection on Monday, Jan. 1, 2024.\n\n"
            "All schools will be closed Wednesday, Dec. 20. This follows Tuesday's storm. "
            "All after-school activities scheduled for Wednesday are canceled.\n")
    events = extract_document(text, published=dt.date(2023, 12, 15), tz=ZoneInfo("America/New_York")).events
    days = [day(e.start) for e in events]
    assert dt.date(2023, 12, 25) in days and dt.date(2024, 1, 1) in days, [(e.title, e.start) for e in events]
    assert days.count(dt.date(2023, 12, 20)) == 1


def test_parts_of_an_exam_period_and_exam_hours():
    """考试时间为6月7日至10日，其中7日、8日…，9日、10日…: one exam period, its parts not
    repeated; 笔试定于…举行，上午9:00—11:00考《…》 gives the exam its hour; 咨询时间 are office hours."""
    text = ("全省统一考试时间为6月7日至10日，其中7日、8日两天进行全国统考科目考试，9日、10日进行再选科目考试。\n"
            "笔试定于2025年6月21日（星期六）举行，上午9:00—11:00考《行政职业能力测验》。\n"
            "咨询时间：工作日8:30—12:00。\n")
    events = extract_document(text, published=dt.date(2025, 6, 1), tz=TZ).events
    spans = [(day(e.start), day(e.end)) for e in events]
    assert (dt.date(2025, 6, 7), dt.date(2025, 6, 10)) in spans and len([s for s in spans if s[0].month == 6 and s[0].day <= 10]) == 1, spans
    written = next(e for e in events if "笔试" in e.title)
    assert written.start == dt.datetime(2025, 6, 21, 9, 0, tzinfo=TZ)
    assert not any(isinstance(e.start, dt.datetime) and e.start.hour == 8 for e in events)


def test_newsletter_heading_over_wrapped_paragraph():
    """A caps heading over a paragraph wrapped at 70 columns: the date split across lines
    (June / 13-15) is read whole, the weekdays before it take its Friday, "each day" gives the
    hours of a dated run, and "This month's meeting, on June 10" is one event on June 10."""
    text = ("COMMUNITY YARD SALE WEEKEND\n"
            "The neighborhood-wide yard sale runs Friday through Sunday, June\n"
            "13-15, from 8 a.m. to 2 p.m. each day. Sign up on the website by\n"
            "Tuesday, June 10, to be listed on the printed map we hand out.\n\n"
            "BOARD MEETINGS\n"
            "The board meets the second Tuesday of each month at 7 p.m. in the\n"
            "clubhouse. This month's meeting, on June 10, will include a vote on\n"
            "the pool deck bids, so please come if you have an opinion.\n")
    events = extract_document(text, published=dt.date(2025, 6, 2), tz=ZoneInfo("America/New_York")).events
    sale = next(e for e in events if "yard sale" in e.title.lower())
    assert (day(sale.start), day(sale.end)) == (dt.date(2025, 6, 13), dt.date(2025, 6, 15))
    june10 = [e for e in events if day(e.start) == dt.date(2025, 6, 10) and "meeting" in e.evidence]
    assert len(june10) == 1 and june10[0].title, [(e.title, e.start) for e in events]
    assert not any(day(e.start) == dt.date(2025, 6, 1) and day(e.end) == dt.date(2025, 6, 30) for e in events)


def test_entries_always_have_titles():
    """A statement whose subject comes after its date, a revision that follows a reason, a clause
    that only says 时间为: each gets a name a reader recognises, never an empty title."""
    en = extract_document("On Saturday, Jan. 13, 2024, the museum will host a free Community Day.\n",
                          published=dt.date(2024, 1, 2), tz=ZoneInfo("America/New_York")).events
    assert en and "Community Day" in en[0].title
    zh = extract_document("缴费时间原定为1月19日至23日，因平台系统升级，现延期至2月9日至13日。\n"
                          "初三年级参加全市统一质量检测，时间为1月14日至15日。\n",
                          published=dt.date(2026, 1, 9), tz=TZ).events
    titles = {e.title for e in zh}
    assert any("缴费" in t for t in titles) and any("质量检测" in t for t in titles), titles
    assert all(len(t) >= 2 for t in titles)


def test_durations_after_restated_and_fuzzy_starts():
    """9月22日（秋分）…拉开帷幕，为期3天 runs three days; 9月下旬…开展服务月活动，为期30天 starts
    mid-下旬 and lasts thirty days; the midway's "noon Wednesday through Friday" is a schedule."""
    text = ("今年的中国农民丰收节县级庆祝活动将于9月22日（秋分）在柳河镇拉开帷幕，为期3天。\n"
            "服务队将于9月下旬分赴各乡镇开展“秋种技术服务月”活动，为期30天。\n")
    events = extract_document(text, published=dt.date(2024, 9, 18), tz=TZ).events
    fest = next(e for e in events if "丰收节" in e.title)
    assert (day(fest.start), day(fest.end)) == (dt.date(2024, 9, 22), dt.date(2024, 9, 24))
    month = next(e for e in events if "服务月" in e.title)
    assert dt.date(2024, 9, 24) <= day(month.start) <= dt.date(2024, 9, 27) and (day(month.end) - day(month.start)).days == 29
    assert month.approximate
    en = extract_document("The midway opens at noon Wednesday through Friday and at 10 a.m. on the weekend.\n",
                          published=dt.date(2024, 7, 16), tz=ZoneInfo("America/Chicago")).events
    assert not [e for e in en if "Wednesday" in e.timex]


def test_school_activity_bulletin_games_and_past_honours():
    """A semifinal is a happening; an honour for a title won months ago is background."""
    text = ("Girls Volleyball: After a 3-1 win last Thursday, the Lady Hawks advance to the Section 3 semifinal on "
            "Wednesday, October 30, at 6:30 p.m. at Lakeview High School.\n\n"
            "The board recognized the robotics team, which won the state championship in March.\n")
    events = extract_document(text, published=dt.date(2024, 10, 21), tz=ZoneInfo("America/New_York")).events
    assert [(e.start.month, e.start.day, e.start.hour) for e in events] == [(10, 30, 18)], [(e.title, e.start) for e in events]


def test_from_today_until_is_a_window_unless_it_closes_at_an_hour():
    """即日起至3月31日报名 is a window opening on the notice's day; 即日起至10月20日17:00 with a closing
    hour is a deadline, the hour on the last day being what a reader must not miss."""
    text = ("志愿者招募同步启动，即日起至3月31日，市民可通过“临江志愿”平台报名。\n"
            "报名：即日起至3月20日17:00，请登录系统提交材料。\n")
    events = extract_document(text, published=dt.date(2026, 3, 5), tz=TZ).events
    window = next(e for e in events if "志愿" in e.title)
    assert (window.kind, day(window.start), day(window.end)) == ("period", dt.date(2026, 3, 5), dt.date(2026, 3, 31))
    closing = next(e for e in events if e is not window)
    assert closing.kind == "deadline" and closing.start == dt.datetime(2026, 3, 20, 17, 0, tzinfo=TZ), closing


def test_planned_completion_borrows_the_sentence_subject_and_is_due_by_year_end():
    """此外，东环路南延工程目前已完成…75%，计划10月中旬实现主线贯通，预计年底完工: the later clauses
    leave out their subject (the project), and 年底完工 is work due by December 31, not a Nov–Dec span."""
    text = ("此外，东环路南延工程目前已完成总工程量的75%，计划10月中旬实现主线贯通，预计年底完工。\n"
            "记者了解到，3号线二期工程目前正在加紧建设，计划于2025年底建成通车。\n")
    events = extract_document(text, published=dt.date(2023, 9, 14), tz=TZ).events
    got = {e.title: (e.kind, day(e.start), day(e.end), e.approximate) for e in events}
    assert got["东环路南延工程实现主线贯通"] == ("event", dt.date(2023, 10, 11), dt.date(2023, 10, 20), True), got
    assert got["东环路南延工程完工"] == ("deadline", dt.date(2023, 12, 31), dt.date(2023, 12, 31), True), got
    assert got["3号线二期工程建成通车"][:3] == ("deadline", dt.date(2025, 12, 31), dt.date(2025, 12, 31)), got


def test_lunar_nightly_shows_and_a_scheduled_hour_with_no_verb_of_happening():
    """正月初一至初五每晚19:30…上演: a lunar range with nightly hours is dated like a Gregorian one;
    当晚8点，300架无人机将在…组成图案 names no 举行/开幕, but a planned hour on a named day is a happening."""
    text = ("三万盏花灯点亮古城 第三届“寿州古城灯会”15日亮灯\n\n"
            "春节期间，正月初一至初五每晚19:30，古城南门广场将轮番上演花鼓灯、推剧等非遗节目；"
            "正月十五元宵节当晚8点，300架无人机将在护城河上空组成“万家团圆”主题图案。\n")
    events = extract_document(text, published=dt.date(2026, 2, 9), tz=TZ).events
    shows = next(e for e in events if "非遗" in e.title)
    assert (shows.start, day(shows.end)) == (dt.datetime(2026, 2, 17, 19, 30, tzinfo=TZ), dt.date(2026, 2, 21))
    drones = next(e for e in events if "无人机" in e.title)
    assert drones.start == dt.datetime(2026, 3, 3, 20, 0, tzinfo=TZ) and "亮灯" not in drones.title


def test_numbered_items_name_their_events_and_the_time_heading_names_the_campaign():
    """（一）“元宵送岗”招聘会。2月24日上午9:00，在市人力资源市场举办: the item's name is the title,
    not the place; 一、活动时间 / 即日起至3月31日 is the campaign the notice is about (关于…的通知)."""
    text = ("临川市人力资源和社会保障局\n关于举办“春风行动”系列招聘会的通知\n\n各用人单位：\n\n"
            "一、活动时间\n\n即日起至3月31日，历时一个多月。\n\n二、招聘会安排\n\n"
            "（一）“元宵送岗”大型综合招聘会。2月24日（星期六）上午9:00—12:00，在市人力资源市场一楼大厅举办。\n"
            "（二）制造业重点企业专场招聘会。3月中旬在市经济技术开发区企业服务中心举办，具体时间另行通知。\n")
    events = extract_document(text, published=dt.date(2024, 2, 19), tz=TZ).events
    titles = {e.title: (day(e.start), day(e.end)) for e in events}
    assert titles["举办“春风行动”系列招聘会"] == (dt.date(2024, 2, 19), dt.date(2024, 3, 31)), titles
    assert titles["“元宵送岗”大型综合招聘会"] == (dt.date(2024, 2, 24), dt.date(2024, 2, 24)), titles
    assert titles["制造业重点企业专场招聘会"] == (dt.date(2024, 3, 11), dt.date(2024, 3, 20)), titles


def test_page_wrapped_at_fifty_columns_keeps_date_and_hour_together():
    """A news page wrapped at ~50 characters whose lines happen to end on ） or 。: the hour on the
    next line still belongs to the date (首讲定于9月28日（周六）\\n14:30…举行), and a month-long run
    with named days (展出时间仅为9月21日至10月20日) is not a coarse topic beside 10月21日起."""
    text = ("配套活动方面，博物馆将在展期内推出“青铜十讲”系列公益讲座，每月两期，首讲定于9月28日（周六）\n"
            "14:30在新馆报告厅举行，由北京大学考古文博学院教授主讲“商代青铜器的铸造技术”。10月下旬，\n"
            "“吉金少年”青铜拓片体验活动也将面向8至14岁青少年开放报名，届时小观众可亲手制作铭文拓片。\n"
            "另一件展品“作册般铜鼋”借展自国家博物馆，展出时间仅为9月21日至10月20日，10月21日起将更换。\n")
    events = extract_document(text, published=dt.date(2024, 9, 20), tz=TZ).events
    lecture = next(e for e in events if "首讲" in e.title)
    assert lecture.start == dt.datetime(2024, 9, 28, 14, 30, tzinfo=TZ)
    assert any((day(e.start), day(e.end)) == (dt.date(2024, 9, 21), dt.date(2024, 10, 20)) for e in events), events


def test_daily_hours_open_a_run_of_days_and_an_hour_from_which_results_are_out():
    """本周五、周六…举办咨询会，每天9时至16时: the fair opens at 9 on the first day and closes at 16 on
    the last; 成绩将于明天12时起公布 is published at that moment, not a state that begins."""
    text = ("本周五、周六（6月27日、28日），省教育考试院将在省会展中心举办“2025年普通高校招生咨询会”，"
            "每天9时至16时，预计将有省内外380余所高校参会。\n成绩将于明天（6月25日）12时起公布，考生可登录官网查询。\n")
    events = extract_document(text, published=dt.date(2025, 6, 24), tz=TZ).events
    fair = next(e for e in events if "咨询会" in e.title)
    assert (fair.start, fair.end) == (dt.datetime(2025, 6, 27, 9, 0, tzinfo=TZ), dt.datetime(2025, 6, 28, 16, 0, tzinfo=TZ))
    scores = next(e for e in events if "成绩" in e.title)
    assert (scores.kind, scores.start, scores.end) == ("announcement", dt.datetime(2025, 6, 25, 12, 0, tzinfo=TZ),
                                                       dt.datetime(2025, 6, 25, 12, 0, tzinfo=TZ))


def test_academic_calendar_lines_and_a_press_release_dateline():
    """A term calendar is one dated line per entry (never a wrapped paragraph): each line's label is
    its title, a weekday range (Fri-Sun, Oct 27-29) is steered by its first day, and "apply for
    December graduation" names no date.  SEATTLE, March 18, 2025 -- X today announced …: the news."""
    text = ("FALL 2023 ACADEMIC CALENDAR\n\nSEPTEMBER\n"
            "Mon, Sep 4 - Labor Day: no classes, University offices closed\n"
            "Fri, Sep 8 - Last day to add a course or drop without a W grade\n"
            "Fri, Sep 15 - Deadline to apply for December graduation\n\nOCTOBER\n"
            "Fri-Sun, Oct 27-29 - Family Weekend\n"
            "Mon-Fri, Dec 11-15 - Final examinations\n\n"
            "SEATTLE, June 15, 2023 -- Westbrook University today announced the opening of its new library.\n")
    events = extract_document(text, published=dt.date(2023, 6, 15), tz=ZoneInfo("America/New_York")).events
    got = {e.title: (day(e.start), day(e.end)) for e in events}
    assert got["Last day to add a course or drop"] == (dt.date(2023, 9, 8), dt.date(2023, 9, 8)), got
    assert got["Family Weekend"] == (dt.date(2023, 10, 27), dt.date(2023, 10, 29)), got
    assert got["Final examinations"] == (dt.date(2023, 12, 11), dt.date(2023, 12, 15)), got
    assert not any(day(e.start).month == 12 and day(e.start).day == 31 for e in events), got
    assert any(t.startswith("Westbrook University announced") for t in got), got


def test_hours_of_an_outage_keep_its_day():
    """停电时间：本周四（8月17日）8:00—18:00，共计10小时: ten hours end that evening, not the day before."""
    events = extract_document("停电时间：本周四（8月17日）8:00—18:00，共计10小时。\n", published=dt.date(2023, 8, 15), tz=TZ).events
    assert [(e.title, e.start, e.end) for e in events] == [
        ("停电", dt.datetime(2023, 8, 17, 8, 0, tzinfo=TZ), dt.datetime(2023, 8, 17, 18, 0, tzinfo=TZ))]


def test_forecast_narrative_is_not_a_calendar_but_the_warnings_are():
    """Snow will taper … by Wednesday afternoon: the weather's own course is no entry; the warning in
    effect from 7 PM this evening to 1 PM Wednesday and the snow emergency from 6 PM are."""
    text = ("...WINTER STORM WARNING IN EFFECT FROM 7 PM THIS EVENING TO 1 PM EST WEDNESDAY...\n\n"
            "Snow will taper to scattered snow showers by early Wednesday afternoon. "
            "A fast-moving low pressure system will spread heavy snow across western New York tonight. "
            "The City of Buffalo has declared a snow emergency from 6 PM this evening until further notice.\n")
    ny = ZoneInfo("America/New_York")
    events = extract_document(text, published=dt.date(2025, 2, 11), tz=ny).events
    assert sorted(e.start for e in events) == [dt.datetime(2025, 2, 11, 18, 0, tzinfo=ny),
                                              dt.datetime(2025, 2, 11, 19, 0, tzinfo=ny)], events


def test_newsletter_items_a_heading_with_ages_and_a_copula_date():
    """Gingerbread House Workshop (ages 6–12) over "Saturday, December 7, at 10:30 a.m., Eastside
    Branch.": the heading names it, the ages are no date; "Our Pajama Storytime is next Monday at
    6:30 p.m.": the thing that *is* on a day is the entry, while "every Wednesday" stays a rule."""
    text = ("UPCOMING EVENTS\n\nGingerbread House Workshop (ages 6–12)\n"
            "Saturday, December 7, at 10:30 a.m., Eastside Branch. Kids will decorate their own houses.\n\n"
            "Storytime\nFamily Storytime continues every Wednesday at 10 a.m. at both branches. "
            "Our special Pajama Storytime with cocoa and cookies is next Monday at 6:30 p.m.\n")
    chicago = ZoneInfo("America/Chicago")
    events = extract_document(text, published=dt.date(2024, 11, 18), tz=chicago).events
    got = {e.title: e.start for e in events}
    assert got.get("Gingerbread House Workshop") == dt.datetime(2024, 12, 7, 10, 30, tzinfo=chicago), got
    assert dt.datetime(2024, 11, 25, 18, 30, tzinfo=chicago) in got.values() and len(events) == 2, got


def test_shareholder_notice_meeting_record_date_and_eastern_time_deadlines():
    """NOTICE OF 2025 ANNUAL MEETING / To Be Held Thursday, May 29 …: the notice's subject is the
    meeting, restated once in the letter; "…, as the record date" names its day; "by 11:59 p.m.
    Eastern Time on Wednesday, May 28, 2025" is one deadline at that minute."""
    text = ("NOTICE OF 2025 ANNUAL MEETING OF SHAREHOLDERS\n\n"
            "To Be Held Thursday, May 29, 2025, at 10:00 a.m. Eastern Time\n\n"
            "You are cordially invited to attend the 2025 Annual Meeting of Shareholders of Harrowgate Holdings, Inc., "
            "which will be held in a virtual-only format on Thursday, May 29, 2025, at 10:00 a.m. Eastern Time.\n\n"
            "RECORD DATE. The Board of Directors has fixed the close of business on Monday, March 31, 2025, as the "
            "record date for determining the shareholders entitled to vote.\n\n"
            "Proxies submitted by Internet or telephone must be received by 11:59 p.m. Eastern Time on Wednesday, "
            "May 28, 2025.\n")
    ny = ZoneInfo("America/New_York")
    events = extract_document(text, published=dt.date(2025, 4, 11), tz=ny).events
    got = {e.title.lower(): e.start for e in events}
    assert got.pop("2025 annual meeting of shareholders") == dt.datetime(2025, 5, 29, 10, 0, tzinfo=ny), got
    assert got.pop("record date") == dt.date(2025, 3, 31), got
    assert list(got.values()) == [dt.datetime(2025, 5, 28, 23, 59, tzinfo=ny)], got


def test_a_window_that_already_began_runs_to_its_announced_end():
    """我市2025年度…缴费工作已于9月1日开始，将于12月31日结束 (published in December): one period of
    this year, Sept 1 to Dec 31; 2025年度 is the insurance year's label, not the year of these days."""
    text = ("2024年12月31日前已办理入院、2025年1月1日以后出院的参保人员，住院费用按新《办法》规定执行。\n"
            "记者同时了解到，我市2025年度城乡居民医保集中参保缴费工作已于9月1日开始，将于12月31日结束。\n")
    events = extract_document(text, published=dt.date(2024, 12, 18), tz=TZ).events
    window = next(e for e in events if "缴费" in e.title)
    assert (window.kind, window.start, window.end, window.title) == (
        "period", dt.date(2024, 9, 1), dt.date(2024, 12, 31), "我市城乡居民医保集中参保缴费工作")


def test_commentary_retelling_a_holiday_notice_adds_nothing():
    """After the signed notice (国务院办公厅 / 2023年10月23日, a signature, not a headline), the
    reporter retells its days: 分别是2月4日和2月18日 and 假期为4月4日至6日 are the entries already made,
    and a spokesman (负责人表示，今年春节假期从…) is no title."""
    text = ("明年春节连休8天\n\n通知全文如下：\n\n"
            "二、春节：2月10日至17日放假调休，共8天。2月4日（星期日）、2月18日（星期日）上班。\n\n"
            "三、清明节：4月4日至6日放假调休，共3天。\n\n国务院办公厅\n2023年10月23日\n\n"
            "记者梳理发现，明年春节前后需要在两个星期日上班，分别是2月4日和2月18日。"
            "清明节方面，明年4月4日恰逢星期四，清明节假期为4月4日至6日。\n"
            "市文旅局相关负责人表示，今年春节假期从2月15日持续至23日，共9天。\n")
    events = extract_document(text, published=dt.date(2023, 10, 26), tz=TZ).events
    spans = [(day(e.start), day(e.end)) for e in events]
    assert len(spans) == len(set(spans)), [(e.title, e.start, e.end) for e in events]
    assert not any("表示" in e.title for e in events), [e.title for e in events]


def test_farm_report_harvest_start_goal_loan_window_and_ongoing_check():
    """小麦于5月31日正式开镰收割 (开镰 is a happening); 计划夏播45万亩，力争6月20日前全面完成 (the
    goal's clause has no figure of its own); 即日起至6月30日…可申请 (申请 opens a window); 专项检查
    正在进行中，检查将持续到6月底 (from now until then); a credit line (记者 马振华 通讯员 王秀芝) is no headline."""
    text = ("丰乐县“三夏”生产进展顺利\n丰乐融媒记者 马振华 通讯员 王秀芝\n\n"
            "今年，我县小麦于5月31日正式开镰收割，较去年提前2天。\n"
            "全县同步推进夏播工作，计划夏播玉米45万亩，力争6月20日前全面完成夏播任务。\n"
            "此外，全县农机安全生产专项检查正在进行中，检查将持续到6月底。\n"
            "即日起至6月30日，种粮大户可申请最高50万元的“麦收贷”。\n")
    events = extract_document(text, published=dt.date(2025, 6, 10), tz=TZ).events
    got = {(day(e.start), day(e.end or e.start)): e for e in events}
    assert "开镰" in got[(dt.date(2025, 5, 31),) * 2].title
    assert got[(dt.date(2025, 6, 20),) * 2].kind == "deadline"
    assert got[(dt.date(2025, 6, 10), dt.date(2025, 6, 30))].kind == "period", got
    assert {"全县农机安全生产专项检查", "种粮大户可申请最高50万元的“麦收贷”"} <= {e.title for e in events}, got
    assert not any("记者" in e.title for e in events)


def test_game_schedule_hours_a_registration_drive_and_a_game_on_the_weeks_last_day():
    """"Sat., Oct. 7 — vs. Dunmore, 1 p.m." (vs. is no full stop); "a registration drive this
    Saturday from 10 a.m. to 2 p.m." (hours of a happening, not a registration cut-off); "Media Day
    is set for Monday" (ahead); the Homecoming game at 2 p.m. stays apart from Homecoming week."""
    text = ("Sat., Oct. 7 — vs. Dunmore, 1 p.m.\nSat., Oct. 14 — vs. Halston (Homecoming), 2 p.m.\n\n"
            "Homecoming week runs Oct. 9-14 and concludes with the crowning of the homecoming court.\n"
            "Media Day is set for Monday at 10 a.m. in the press box. "
            "Volunteers will hold a registration drive this Saturday from 10 a.m. to 2 p.m. at the library.\n")
    chicago = ZoneInfo("America/Chicago")
    events = extract_document(text, published=dt.date(2023, 8, 16), tz=chicago).events
    starts = {e.start for e in events}
    at = lambda *a: dt.datetime(*a, tzinfo=chicago)  # noqa: E731
    assert {at(2023, 10, 7, 13, 0), at(2023, 10, 14, 14, 0), at(2023, 8, 21, 10, 0), at(2023, 8, 19, 10, 0)} <= starts, events
    assert dt.date(2023, 10, 9) in starts, events


def test_weekly_routine_lists_are_not_days_and_a_start_then_end_is_one_period():
    """二、每周接种安排 / （一）周一：上午8:00—11:30…: the routine of every week gives no entries,
    while a dated item elsewhere does; 春运将于1月14日开始，2月22日结束，共计40天: one period (the
    verb after the second date is not shared back to the first, as in a list of days)."""
    text = ("二、每周接种安排\n\n（一）周一：上午8:00—11:30，仅开放成人接种门诊，下午不接种；\n"
            "（二）周三下午：60岁以上老年人专场，无需预约，现场取号；\n（三）周日及法定节假日：暂停接种。\n\n"
            "三、集中接种活动\n\n（一）社区集中接种日。10月14日（本周六）上午9:00至下午16:00，区疾控中心将在青溪文化广场设立临时接种点。\n\n"
            "会议明确，2024年春运将于1月26日开始，3月5日结束，共计40天。\n")
    events = extract_document(text, published=dt.date(2023, 10, 9), tz=TZ).events
    assert [(e.start, e.end) for e in events] == [
        (dt.datetime(2023, 10, 14, 9, 0, tzinfo=TZ), dt.datetime(2023, 10, 14, 16, 0, tzinfo=TZ)),
        (dt.date(2024, 1, 26), dt.date(2024, 3, 5))], [(e.title, e.start, e.end) for e in events]


def test_market_opening_hours_its_season_and_a_listed_last_day():
    """"will open on Saturday, May 2, from 8 a.m. to 1 p.m. … will then run every Saturday through
    October 31": the opening keeps its hours and the season is its own entry; "- Last market of the
    season: October 31" in a March bulletin is this coming October ("Last" names the market, not the past)."""
    text = ("The Maple Grove Farmers Market will open its 18th season on Saturday, May 2, 2026, from 8 a.m. to "
            "1 p.m. on the Town Green. The market will then run every Saturday, rain or shine, through October 31.\n\n"
            "SPECIAL MARKET DAYS\n- Last market of the season: October 31, with a costume parade for kids at 10 a.m.\n")
    ny = ZoneInfo("America/New_York")
    events = extract_document(text, published=dt.date(2026, 3, 10), tz=ny).events
    spans = {(e.start, e.end) for e in events}
    assert (dt.datetime(2026, 5, 2, 8, 0, tzinfo=ny), dt.datetime(2026, 5, 2, 13, 0, tzinfo=ny)) in spans, spans
    assert (dt.date(2026, 5, 2), dt.date(2026, 10, 31)) in spans, spans
    assert any(e.start == dt.datetime(2026, 10, 31, 10, 0, tzinfo=ny) for e in events), spans


def test_a_start_and_its_end_said_later_are_one_window():
    """自10月16日起…免费接种，免费政策执行至12月31日 and "beginning May 14 and ending June 18": one
    period each ("ending" is no reference point unless a quarter or year ends)."""
    text = ("根据区政府民生实事安排，自10月16日起，辖区户籍65周岁及以上老年人可免费接种1剂次流感疫苗，免费政策执行至12月31日。\n"
            "Our six-week Diabetes Self-Management class meets on Wednesdays, beginning October 18 and ending November 22.\n")
    events = extract_document(text, published=dt.date(2023, 10, 9), tz=TZ).events
    assert runs(events) == [
        ("period", dt.date(2023, 10, 16), dt.date(2023, 12, 31)), ("period", dt.date(2023, 10, 18), dt.date(2023, 11, 22))]
    assert "65周岁" in events[0].title


def test_wrapped_press_release_names_its_quoted_gala():
    """A release wrapped at 100 columns whose last line happens to look like a title ("…on the
    Portland waterfront."): still one paragraph, the year on the next line stays with its date, and
    the title is the quoted name — not the dateline, the founding year or "today announced"."""
    text = ("PORTLAND, Maine (March 14, 2023) - Harbor Lights Literacy Project, a nonprofit that has helped more than\n"
            "18,000 adults learn to read, earn a high school credential or master English since its founding in 1987,\n"
            "today announced its 2023 spring fundraising gala, \"Chapter & Verse,\" to be held on Saturday, April 22,\n"
            "2023, at the Ocean Gateway Terminal on the Portland waterfront.\n")
    events = extract_document(text, published=dt.date(2023, 3, 14), tz=ZoneInfo("America/New_York")).events
    assert [(e.title, e.start, e.timex) for e in events] == [
        ("Chapter & Verse", dt.date(2023, 4, 22), "Saturday, April 22, 2023")]


def test_counted_from_each_persons_day_and_a_credit_line_are_no_entries():
    """自出生之日起享受待遇 / 自缴费之日起设置等待期: counted from each person's own day, a rule (while
    本通告自发布之日起施行 starts on the notice's day); a credit line (□ 本报记者 …) titles nothing."""
    text = ("□ 本报记者 陆晓晴 实习生 范可馨\n\n本报讯 马年春节临近，古城年味渐浓。\n"
            "新生儿在出生后90天内参保缴费的，自出生之日起享受医保待遇；集中缴费期结束后缴费的，自缴费之日起设置3个月待遇等待期。"
            "本通告自发布之日起施行。\n")
    events = extract_document(text, published=dt.date(2024, 12, 18), tz=TZ).events
    assert [(e.title, e.start, e.kind) for e in events] == [("本通告施行", dt.date(2024, 12, 18), "start")]


def test_a_road_closed_until_it_reopens_and_a_holiday_as_landmark():
    """"ODOT announced today that State Route 43 will be closed … beginning at 7 p.m. Monday, Aug. 8 …
    The road is expected to reopen by 6 a.m. Friday, Sept. 2, ahead of the Labor Day holiday weekend":
    one closure until the reopening (titled by what is closed), and Labor Day is only a landmark."""
    text = ("AKRON, Ohio — The Ohio Department of Transportation (ODOT) announced today that State Route 43 will be "
            "closed to all traffic beginning at 7 p.m. Monday, Aug. 8, so crews can replace the bridge. The road is "
            "expected to reopen by 6 a.m. Friday, Sept. 2, ahead of the Labor Day holiday weekend.\n")
    ny = ZoneInfo("America/New_York")
    events = extract_document(text, published=dt.date(2022, 8, 3), tz=ny).events
    closure = events[0]
    assert closure.title.startswith("State Route 43") and (closure.start, closure.end) == (
        dt.datetime(2022, 8, 8, 19, 0, tzinfo=ny), dt.datetime(2022, 9, 2, 6, 0, tzinfo=ny))
    assert not any(day(e.start) == dt.date(2022, 9, 5) for e in events), events


def test_holy_days_keep_their_names_and_credit_lines_with_several_names_are_no_titles():
    """"Good Friday, April 3, noon service": the title keeps "Good Friday" (only the date goes);
    东岭融媒记者 王静怡 刘子恒 通讯员 陈立 is a credit line, never a headline to title an entry."""
    from calfeed.extract.drafts import clean_title
    from calfeed.extract.text import CREDIT_LINE
    assert clean_title("Good Friday, April 3, noon service", ["Friday, April 3"]) == "Good Friday, noon service"
    assert CREDIT_LINE.fullmatch("东岭融媒记者 王静怡 刘子恒 通讯员 陈立")
    assert not CREDIT_LINE.fullmatch("市图书馆新馆月底试开放")


def test_holy_week_lines_are_titled_by_the_day_and_what_it_holds():
    """Palm Sunday, March 29: Procession with palms …; Good Friday, April 3: Service of the Cross at noon."""
    text = ("HOLY WEEK\n\nPalm Sunday, March 29: Procession with palms at 8:00 and 10:30 a.m. services.\n"
            "Good Friday, April 3: Service of the Cross at noon; Tenebrae at 7 p.m.\n")
    events = extract_document(text, published=dt.date(2026, 3, 22), tz=ZoneInfo("America/Chicago")).events
    titles = [e.title for e in events]
    assert "Palm Sunday: Procession with palms" in titles and "Good Friday: Service of the Cross" in titles, titles


def test_dated_items_under_a_numbered_part_take_its_name():
    """一、停电时间及范围 / （一）3月20日（星期四）8:00—18:00 / 停电线路：… / （二）3月21日…: each dated
    item is an outage, named by its part (the clock's colon is no topic)."""
    text = ("关于2025年3月下旬计划停电的公告\n\n一、停电时间及范围\n\n（一）3月20日（星期四）8:00—18:00\n\n"
            "停电线路：10千伏城关Ⅱ回线解放路支线\n\n停电范围：城关镇解放路沿街商铺。\n\n"
            "（二）3月21日（星期五）7:30—12:00\n\n停电线路：10千伏开发区线15号杆后段\n")
    events = extract_document(text, published=dt.date(2025, 3, 18), tz=TZ).events
    assert [(e.title, e.start) for e in events] == [("停电", dt.datetime(2025, 3, 20, 8, 0, tzinfo=TZ)),
                                                    ("停电", dt.datetime(2025, 3, 21, 7, 30, tzinfo=TZ))]


def test_not_after_a_day_makes_that_day_the_last():
    """"requests will not be accepted after Dec. 6": a deadline on Dec. 6, not a start on Dec. 7."""
    events = extract_document("Interlibrary loan requests will not be accepted after Dec. 6.\n",
                              published=dt.date(2023, 12, 1), tz=ZoneInfo("America/Chicago")).events
    assert [(e.kind, e.start) for e in events] == [("deadline", dt.date(2023, 12, 6))]


def test_a_clause_opening_with_zai_borrows_the_subject_before_it():
    """11月6日凌晨，…周德林同志因病医治无效，在市第一人民医院逝世: the one who died, not the hospital."""
    text = "11月6日凌晨，我市全国劳动模范、高级技师周德林同志因病医治无效，在市第一人民医院逝世，享年86岁。\n"
    events = extract_document(text, published=dt.date(2022, 11, 10), tz=TZ).events
    assert [e.title for e in events] == ["我市全国劳动模范、高级技师周德林同志逝世"]


def test_weekdays_restated_before_their_dates_are_no_name():
    """下周一至周五（3月3日至7日），全市各办税服务厅将设立汇算咨询专区: the days said twice are no label;
    设立 is the happening, and the daily hours open and close the week."""
    text = "下周一至周五（3月3日至7日），全市各办税服务厅将设立汇算咨询专区，每天8时30分至17时安排专人辅导。\n"
    events = extract_document(text, published=dt.date(2025, 2, 26), tz=TZ).events
    assert [(e.title, e.start, e.end) for e in events] == [
        ("全市各办税服务厅设立汇算咨询专区", dt.datetime(2025, 3, 3, 8, 30, tzinfo=TZ), dt.datetime(2025, 3, 7, 17, 0, tzinfo=TZ))]


def test_the_same_day_refers_to_the_happening_not_to_an_aside_already_past():
    """报名已于昨日截止 is an aside; 当天 in the next sentence is the run's day (本周六), not yesterday."""
    text = ("全民健身跑将于本周六（9日）上午8时30分在市体育中心鸣枪开跑。报名已于昨日截止，共有3000余名跑友报名参加。"
            "活动期间，体育中心周边部分路段将于当天7时至11时实施临时交通管制。\n")
    events = extract_document(text, published=dt.date(2022, 4, 8), tz=TZ).events
    closure = next(e for e in events if "交通管制" in e.title)
    assert (closure.start, closure.end) == (dt.datetime(2022, 4, 9, 7, 0, tzinfo=TZ), dt.datetime(2022, 4, 9, 11, 0, tzinfo=TZ))


def test_a_list_item_is_named_by_its_label_and_its_holiday_is_not_a_second_entry():
    """- Memorial Day: A salute … on Monday, May 29: one entry, called by the item's label; a fan
    fest is a happening."""
    text = ("Season-ticket holders can pick up their packages at the annual Fan Fest on Saturday, April 1.\n\n"
            "- Bark in the Park: Fans may bring their dogs on Sunday, April 23.\n"
            "- Memorial Day: A salute to veterans on Monday, May 29, with a 1:05 p.m. first pitch.\n")
    events = extract_document(text, published=dt.date(2023, 3, 14), tz=ZoneInfo("America/New_York")).events
    assert [(e.title, day_of(e.start)) for e in events][1:] == [("Bark in the Park", dt.date(2023, 4, 23)),
                                                               ("Memorial Day", dt.date(2023, 5, 29))]
    assert day_of(events[0].start) == dt.date(2023, 4, 1)


def test_masthead_and_signature_lines_are_no_entries():
    """A paper's name beside its own date, an issue line and a "Dated:" signature are the document's
    dates, not happenings; the meeting in the body is."""
    text = ("RIVERTON LEDGER\nBy Mike Delgado\nRiverton Ledger-Dispatch | March 14, 2023\n\n"
            "March 14, 2023 · Issue 47\n\nThe annual meeting will be held on Tuesday, March 28, at 7 p.m.\n\n"
            "Mark Ostrowski, Secretary\nDated: March 10, 2023\n")
    events = extract_document(text, published=dt.date(2023, 3, 14), tz=ZoneInfo("America/New_York")).events
    assert [day_of(e.start) for e in events] == [dt.date(2023, 3, 28)]


def test_a_schedule_heading_dates_the_timed_lines_below_it():
    """SCHEDULE FOR RACE DAY (Saturday, April 23) is no entry; each timed line under it is one, on
    that day and named by its own words."""
    text = ("SCHEDULE FOR RACE DAY (Saturday, April 23)\n7:00 a.m. — Bib pickup opens at the pavilion\n"
            "9:15 a.m. — Kids' Otter Dash (ages 12 and under, free)\n"
            "10:00 a.m. to 1:00 p.m. — River cleanup at six sites along the Kestrel, gloves and bags provided\n")
    events = extract_document(text, published=dt.date(2022, 3, 15), tz=ZoneInfo("America/New_York")).events
    ny = ZoneInfo("America/New_York")
    assert [(e.title, e.start) for e in events] == [("Bib pickup opens at the pavilion", dt.datetime(2022, 4, 23, 7, 0, tzinfo=ny)),
                                                    ("Kids' Otter Dash", dt.datetime(2022, 4, 23, 9, 15, tzinfo=ny)),
                                                    ("River cleanup at six sites along", dt.datetime(2022, 4, 23, 10, 0, tzinfo=ny))]


def test_a_long_span_named_as_a_period_and_holidays_named_as_a_kind():
    """2020年2月1日至5月31日为森林草原高火险期 is an entry; 针对元旦、春节、元宵、清明等重点时段 names no days."""
    text = "其中，2020年2月1日至5月31日为森林草原高火险期。云南将针对元旦、春节、元宵、清明等重点时段实施“一时段一方案”。\n"
    events = extract_document(text, published=dt.date(2019, 10, 31), tz=TZ).events
    assert [(e.title, e.start, e.end) for e in events] == [("森林草原高火险期", dt.date(2020, 2, 1), dt.date(2020, 5, 31))]


def test_release_newsletter_items_named_by_their_quoted_titles():
    """"The Long Table" (docuseries) — … All six episodes arrive Friday, Nov. 10: the show's name
    titles the release; arrive, drops and maintenance windows are happenings; the issue line is none."""
    text = ("Wednesday, October 25, 2023 | Issue #212\n\n"
            "\"The Long Table\" (docuseries) — Chef Amara Osei travels to six countries. All six episodes arrive Friday, Nov. 10.\n\n"
            "A scheduled maintenance window on Tuesday, Nov. 14, from 1 a.m. to 4 a.m. ET may interrupt streaming.\n")
    events = extract_document(text, published=dt.date(2023, 10, 25), tz=ZoneInfo("America/New_York")).events
    assert [(e.title, day_of(e.start)) for e in events] == [("The Long Table", dt.date(2023, 11, 10)),
                                                           ("A scheduled maintenance window", dt.date(2023, 11, 14))]


def test_a_market_that_opens_and_closes_in_one_sentence_is_one_period():
    """迎春花市将于小年（2月10日）开市，至除夕凌晨2时闭市: one run from the tenth to New Year's Eve."""
    text = "今年迎春花市将于小年（2月10日）在滨湖路开市，至除夕凌晨2时闭市，设花卉摊位380个。\n"
    events = extract_document(text, published=dt.date(2026, 1, 22), tz=TZ).events
    assert [(e.kind, e.start, e.end) for e in events] == [("period", dt.date(2026, 2, 10), dt.date(2026, 2, 16))]


def test_briefs_wrapped_at_the_page_width_keep_their_dates_and_period_names():
    """A two-line brief cut at the page's print width (寒假自1|月31日开始) is one sentence; 寒假
    names the start; 首航 is a happening; 日前…发布通知 is the news's source, not an entry."""
    filler = "本报讯（记者 叶志远）记者从有关部门获悉，全市各项工作正在有序推进，市民出行"
    lines = [filler[:36]] * 6 + [
        "",
        "●中小学寒假时间确定 市教育局日前发布通知，全市中小学2026年寒假自1",
        "月31日开始，春季学期于3月2日开学。",
        "",
        "●三亚航线16日首航 云溪机场日前宣布，云溪至三亚往返航线将于1月16",
        "日（星期五）首航，每周二、四、六各执飞一班。",
    ]
    events = extract_document("\n".join(lines) + "\n", published=dt.date(2026, 1, 8), tz=TZ).events
    assert [(e.title, e.start) for e in events] == [("全市中小学寒假", dt.date(2026, 1, 31)),
                                                    ("春季学期开学", dt.date(2026, 3, 2)),
                                                    ("云溪至三亚往返航线首航", dt.date(2026, 1, 16))]


def test_a_call_that_opened_recently_keeps_its_deadline():
    """摄影大赛近日已启动征稿，征稿截止时间为10月31日: the deadline is the entry, not a run from 近日."""
    text = "由县文联举办的“晒秋·晒丰收”摄影大赛近日已启动征稿，征稿截止时间为10月31日，获奖作品将于11月中旬公布。\n"
    events = extract_document(text, published=dt.date(2024, 9, 21), tz=TZ).events
    assert ("deadline", dt.date(2024, 10, 31)) in [(e.kind, e.start) for e in events]


def test_a_headline_with_a_deck_is_restated_by_its_body():
    """云东高铁本月20日开通运营 / a deck line / the body's 将于1月20日正式开通运营: one entry with the
    headline's name and the body's sentence as evidence; 春运 and 试乘 are happenings."""
    text = ("云东高铁本月20日开通运营\n我市正式迈入“高铁时代”\n\n"
            "本报讯（记者 叶志远）记者从铁路部门获悉，云东高铁将于1月20日正式开通运营。"
            "本周六（10日）上午，铁路部门将组织200名市民代表分批试乘。2026年春运自2月2日起至3月13日止，共计40天。\n")
    events = extract_document(text, published=dt.date(2026, 1, 8), tz=TZ).events
    opening = [e for e in events if e.start == dt.date(2026, 1, 20)]
    assert [(e.title, "正式开通运营" in e.evidence) for e in opening] == [("云东高铁开通运营", True)]
    assert {(e.start if e.all_day else e.start.date()) for e in events} == {
        dt.date(2026, 1, 20), dt.date(2026, 1, 10), dt.date(2026, 2, 2)}


def test_work_due_in_a_fuzzy_span_and_a_campaign_from_its_start_to_its_end():
    """换届选举工作从1月上旬开始，到3月底前基本结束: one run; 推选工作在3月下旬完成: work due then."""
    text = "全镇换届选举工作从1月上旬开始，到3月底前基本结束，分四个阶段进行。村务监督委员会推选工作在3月下旬完成。\n"
    events = extract_document(text, published=dt.date(2021, 1, 11), tz=TZ).events
    assert [(e.title, e.start, e.end) for e in events] == [
        ("全镇换届选举工作", dt.date(2021, 1, 1), dt.date(2021, 3, 31)),
        ("村务监督委员会推选工作完成", dt.date(2021, 3, 21), dt.date(2021, 3, 31))]


def test_ticket_scopes_weekly_closures_and_readers_questions_are_no_entries():
    """已购7月3日及以后场次影票的观众 names whose tickets; （周一闭展） after a weekly rule is a rule;
    问：…吗？ is a question; the exhibition's run is named by its label, not by its hours' verb."""
    text = ("球幕影院自7月3日起停止售票，已购7月3日及以后场次影票的观众，可办理全额退款。\n"
            "已预约7月10日以后来馆参观的学校及团体，我馆将于7月3日前逐一电话联系。\n"
            "临时展览展期为7月12日至10月8日，每周二至周日9:00—17:00开放（周一闭展），免费参观。\n"
            "问：7月10日前还能正常参观吗？\n")
    events = extract_document(text, published=dt.date(2023, 6, 28), tz=TZ).events
    assert [(e.title, e.start, e.end) for e in events] == [
        ("球幕影院停止售票", dt.date(2023, 7, 3), None),
        ("我馆逐一电话联系", dt.date(2023, 7, 3), dt.date(2023, 7, 3)),
        ("临时展览展期", dt.date(2023, 7, 12), dt.date(2023, 10, 8))]


def test_table_rows_are_read_by_their_cells():
    """A calendar table: a date in the first cell is named by the next cell (its holidays stay, the
    translation goes); a date in a later column is named by the row's label and that column's
    heading; rows are never unwrapped into one sentence, and a year-led row is no dateline."""
    text = ("日期 Date｜事项 Item｜备注 Notes\n"
            "9月7日（周一）｜全校正式上课（第1周）Classes begin (Week 1)｜\n"
            "10月1日—8日｜国庆节、中秋节放假 National Day & Mid-Autumn holiday｜共8天\n"
            "2021年1月1日—3日｜元旦放假 New Year holiday｜\n\n"
            "年级 | 报到日期 | 报到时间 | 报到地点\n"
            "小班 | 8月30日（星期日） | 8:30—10:30 | 一楼大厅\n"
            "中班 | 8月31日（星期一） | 8:30—10:00 | 各班教室\n")
    events = extract_document(text, published=dt.date(2020, 7, 10), tz=TZ).events
    assert [(e.title, e.start, e.end) for e in events] == [
        ("全校正式上课（第1周）", dt.date(2020, 9, 7), dt.date(2020, 9, 7)),
        ("国庆节、中秋节放假", dt.date(2020, 10, 1), dt.date(2020, 10, 8)),
        ("元旦放假", dt.date(2021, 1, 1), dt.date(2021, 1, 3)),
        ("小班报到", dt.datetime(2020, 8, 30, 8, 30, tzinfo=TZ), dt.datetime(2020, 8, 30, 10, 30, tzinfo=TZ)),
        ("中班报到", dt.datetime(2020, 8, 31, 8, 30, tzinfo=TZ), dt.datetime(2020, 8, 31, 10, 0, tzinfo=TZ))]


def test_a_listing_row_under_a_title_line_is_named_by_the_title():
    """Clay Voices: Contemporary Ceramics / March 11 – June 4 | Main Hall: the run of the show named
    by the line above, not by its gallery, and never mistaken for a headline."""
    text = ("OPENING SOON\n\nClay Voices: Contemporary Ceramics of the Upper Midwest\nMarch 11 – June 4 | Main Hall\n"
            "Thirty-two artists show functional and sculptural work.\n")
    events = extract_document(text, published=dt.date(2023, 3, 2), tz=ZoneInfo("America/Chicago")).events
    assert [(e.title, e.start, e.end) for e in events] == [("Clay Voices", dt.date(2023, 3, 11), dt.date(2023, 6, 4))]


def test_a_deadline_extended_from_one_day_to_another_is_the_new_day():
    """"the entry deadline has been extended from March 17 to Friday, March 24": March 24, not a run."""
    events = extract_document("Teachers: the entry deadline has been extended from March 17 to Friday, March 24, at midnight.\n",
                              published=dt.date(2023, 3, 2), tz=ZoneInfo("America/Chicago")).events
    assert [(e.title, e.kind, e.start, e.end) for e in events] == [
        ("Entry deadline", "deadline", dt.date(2023, 3, 24), dt.date(2023, 3, 24))]


def test_dot_leaders_part_a_holiday_list_into_name_and_day():
    """Memorial Day ........ Monday, May 25: one entry per line, named by the text before the leaders;
    "Thursday and Friday, November 26-27" is the two days of 2020, not a 2021 range."""
    text = ("The courthouse will be closed on the following days in 2020:\n\n"
            "  Memorial Day .............................. Monday, May 25\n"
            "  Thanksgiving Day and the day after ........ Thursday and Friday, November 26-27\n")
    events = extract_document(text, published=dt.date(2020, 1, 2), tz=ZoneInfo("America/New_York")).events
    assert [(e.title, e.start, e.end) for e in events] == [
        ("Memorial Day", dt.date(2020, 5, 25), dt.date(2020, 5, 25)),
        ("Thanksgiving Day and the day after", dt.date(2020, 11, 26), dt.date(2020, 11, 27))]


def test_print_and_posting_lines_are_no_entries():
    """柳塘镇人民政府办公室　　2022年6月9日印发 and （本文于…在校园网发布） date the document, not a happening."""
    text = ("柳塘镇人民政府办公室　　　　　　　　　　2022年6月9日印发\n\n"
            "　　6月8日（星期三）上午，镇长周建华主持召开镇政府第9次常务会议。\n\n（本文于2022年6月10日在校园网发布）\n")
    events = extract_document(text, published=dt.date(2022, 6, 10), tz=TZ).events
    assert [e.title for e in events] == ["镇长周建华主持召开镇政府第9次常务会议"]


def test_a_closing_week_talk_is_an_event_not_a_deadline():
    """"a closing-week gallery talk on Thursday, March 16, at 6 p.m.": closing names the week, not a cut-off."""
    events = extract_document("Curator Ellen Marsh will give a closing-week gallery talk on Thursday, March 16, at 6 p.m.\n",
                              published=dt.date(2023, 3, 2), tz=ZoneInfo("America/Chicago")).events
    assert [e.kind for e in events] == ["event"]


def test_inspection_teams_sent_in_a_fuzzy_span_are_an_entry():
    """11月中下旬，省指挥部将派出8个督查组…明察暗访: an inspection from the 11th to the 30th."""
    events = extract_document("11月中下旬，省指挥部将派出8个督查组，对各州（市）防火准备工作进行明察暗访。\n",
                              published=dt.date(2019, 10, 31), tz=TZ).events
    assert [(e.start, e.end, e.approximate) for e in events] == [(dt.date(2019, 11, 11), dt.date(2019, 11, 30), True)]


def test_a_postponed_auction_does_not_stretch_an_unrelated_period():
    """本公司原定于11月19日…举行的拍卖会…延期至12月3日: the company is the speaker, not the thing
    revised; the notice's 公示 period keeps its own end."""
    text = ("四、本公告自刊登之日起公示7日（11月14日至20日）。\n\n"
            "本公司原定于11月19日（星期三）下午2时30分举行的“秀洲区城北片区改造项目废旧物资拍卖会”，因委托方对标的清单进行调整，"
            "现延期至12月3日（星期三）下午2时30分举行，拍卖地点不变。\n")
    events = extract_document(text, published=dt.date(2025, 11, 14), tz=TZ).events
    period = next(e for e in events if e.kind == "period")
    assert (period.start, period.end) == (dt.date(2025, 11, 14), dt.date(2025, 11, 20))


def test_a_sentence_case_headline_is_restated_by_its_body():
    """An AP-style headline alone between blank lines ("…season opens Monday; free help…") is a
    headline: its Monday is the body's January 27, one entry, not two."""
    text = ("Meridian's 2025 tax filing season opens Monday; free help available at 40 sites\n\n"
            "CAPITOL CITY -- The Department of Revenue will begin accepting 2024 state income tax returns "
            "on Monday, January 27, the Revenue Secretary announced Tuesday.\n\n"
            "The first-quarter estimated payment for tax year 2025 is also due April 15.\n")
    events = extract_document(text, published=dt.date(2025, 1, 21), tz=ZoneInfo("America/Chicago")).events
    assert sorted(e.start for e in events) == [dt.date(2025, 1, 27), dt.date(2025, 4, 15)]


def test_a_holiday_range_with_notes_on_its_days_and_the_holiday_described_or_forbidden():
    """1月28日（农历除夕、周二）至2月4日（农历正月初七、周二）放假调休 is one run; 2025年春节是…首个
    “除夕放假”的春节 describes the holiday, and 不得擅自提前放假 is a rule, not a happening."""
    text = ("（二）春节：1月28日（农历除夕、周二）至2月4日（农历正月初七、周二）放假调休，共8天。\n"
            "2025年春节是国家调整法定节假日后首个“除夕放假”的春节，各单位要提前做好工作衔接，"
            "确保节前节后各项工作有序开展，不得擅自提前放假或推迟上班。\n")
    events = extract_document(text, published=dt.date(2024, 12, 24), tz=TZ).events
    assert [(e.kind, e.start, e.end) for e in events] == [("period", dt.date(2025, 1, 28), dt.date(2025, 2, 4))]


def test_dates_in_a_list_of_links_are_other_articles_but_an_embedded_story_counts():
    """往期推荐 / Related news over short link lines: those dates are older articles' days.
    【相关新闻】 over a headline and its own story heads that story: its deadline stays."""
    text = ("6月3日（周一）17:00前报名参加听证会。\n—— END ——\n往期推荐\n▶ 4月22日世界地球日｜节水小妙招请收好\n"
            "▶ 一图读懂：2024年阶梯水价新政（2024-01-05）\n\n"
            "【相关新闻】\n\n国家医保局：部分地区居民医保缴费期延长至3月31日\n\n"
            "新华社北京2月14日电（记者 彭韵佳）国家医保局14日发布通知，要求各地做好2023年城乡居民基本医疗保险参保缴费工作，"
            "个人缴费标准同步提高30元，达到每人每年380元。\n\n"
            "Related news\n- Sales tax holiday returns August 8-10 (07/02/2024)\n")
    events = extract_document(text, published=dt.date(2024, 5, 21), tz=TZ).events
    days = {day(e.start) for e in events}
    assert dt.date(2024, 6, 3) in days
    assert any("缴费期延长" in e.evidence for e in events)
    assert not days & {dt.date(2024, 4, 22), dt.date(2024, 1, 5), dt.date(2024, 8, 8), dt.date(2024, 7, 2)}


def test_an_exhibition_runs_from_its_opening_until_its_closing_day():
    """…开幕式，展期至12月29日 and 于12月21日（冬至）…开展…特展，展至2025年1月5日: one run each; the
    day's name in its parenthesis is that day, and 冬至将至 only sets the scene."""
    text = ("展览将于12月3日（下周二）上午10:00举行开幕式，展期至12月29日，展出32位艺术家的近百件作品。\n"
            "冬至将至，省图书馆将于12月21日（冬至）在古籍馆开展“典籍里的节气”特展，展至2025年1月5日。\n")
    events = extract_document(text, published=dt.date(2024, 11, 29), tz=TZ).events
    assert runs(events) == [
        ("period", dt.date(2024, 12, 3), dt.date(2024, 12, 29)),
        ("period", dt.date(2024, 12, 21), dt.date(2025, 1, 5))]


def test_a_fair_programme_dates_its_timed_lines_by_the_day_heading_above():
    """WEDNESDAY, AUGUST 13 - Opening Day over " 6:00 p.m.  Fair Parade on Main Street": the line is
    one entry on that day (its a.m./p.m. ends no sentence), apart from the day's own label."""
    text = ("DAILY SCHEDULE\nWEDNESDAY, AUGUST 13 - Opening Day\n 6:00 p.m.  Fair Parade on Main Street\n"
            " 7:30 p.m.  Fair Queen coronation, Grandstand\n\nFRIDAY, AUGUST 15\n"
            " 7:00 p.m.  Kettle River PRCA Rodeo, Grandstand\n")
    events = extract_document(text, published=dt.date(2025, 8, 4), tz=ZoneInfo("America/Chicago")).events
    timed = [(e.title, e.start.strftime("%m-%d %H:%M")) for e in events if not e.all_day]
    assert timed == [("Fair Parade on Main Street", "08-13 18:00"), ("Fair Queen coronation", "08-13 19:30"),
                     ("Kettle River PRCA Rodeo", "08-15 19:00")]


def test_a_report_on_last_year_dates_its_happenings_in_that_year():
    """临川区2023年…统计公报, published March 2024: 9月23日…举办 and 5月18日…开工建设 are 2023's days
    and stay as entries; 将于4月下旬发布 and 预计于9月底前 look ahead into 2024; a bare day after
    2024年1月1日 in the same sentence is 2024's."""
    text = ("临川区2023年国民经济和社会发展统计公报\n\n临川区统计局\n\n"
            "9月23日，第六个中国农民丰收节临川主会场活动在樟树湾村举办。\n"
            "5月18日，临川至滨江快速路二期工程开工建设，预计2025年底建成通车。\n"
            "全区普查现场登记工作于2024年1月1日开始，4月30日结束。\n"
            "2024年一季度全区主要经济指标将于4月下旬对外发布；《临川统计年鉴2024》预计于9月底前出版发行。\n")
    events = extract_document(text, published=dt.date(2024, 3, 15), tz=TZ).events
    starts = {day(e.start) for e in events}
    assert {dt.date(2023, 9, 23), dt.date(2023, 5, 18), dt.date(2024, 1, 1), dt.date(2024, 4, 21)} <= starts
    assert not any(d.year == 2024 and d.month in (5, 9) and d.day in (18, 23) for d in starts)
    assert dt.date(2024, 9, 30) in {day(e.end) for e in events}


def test_a_teaching_week_table_names_each_item_by_its_own_date():
    """第3周 | 3月3日—3月7日 | “学雷锋”…启动仪式（3月5日）: the item carries its day, so the week's
    dates are no entry; 第6周 | 3月24日—3月28日 | 春季学生体质健康测试 is that week's run; 一年级 is no
    year and 晚7:00 is 19:00; the heading row is neither a headline nor a date; rows never join."""
    text = ("本学期校历表\n\n周次 | 日期 | 主要安排\n"
            "第2周 | 2月24日—2月28日 | 一年级家长会（2月27日晚7:00，各班教室）\n"
            "第3周 | 3月3日—3月7日 | “学雷锋”志愿服务月启动仪式（3月5日）\n"
            "第6周 | 3月24日—3月28日 | 春季学生体质健康测试\n"
            "第11周 | 4月28日—5月2日 | 劳动节：5月1日至5日放假调休，共5天；4月27日（星期日）上课\n"
            "第18周 | 6月16日—6月20日 | 六年级毕业考试（6月18日—19日）\n")
    events = extract_document(text, published=dt.date(2025, 2, 12), tz=TZ).events
    got = {(e.title, e.start if e.all_day else e.start.replace(tzinfo=None), e.end if e.all_day else None) for e in events}
    assert got == {
        ("一年级家长会", dt.datetime(2025, 2, 27, 19, 0), None),
        ("“学雷锋”志愿服务月启动仪式", dt.date(2025, 3, 5), dt.date(2025, 3, 5)),
        ("春季学生体质健康测试", dt.date(2025, 3, 24), dt.date(2025, 3, 28)),
        ("劳动节放假调休", dt.date(2025, 5, 1), dt.date(2025, 5, 5)),
        ("劳动节调休上课", dt.date(2025, 4, 27), dt.date(2025, 4, 27)),
        ("六年级毕业考试", dt.date(2025, 6, 18), dt.date(2025, 6, 19))}, got


def test_an_outage_table_row_runs_from_its_start_column_to_its_end_column():
    """序号 | 停气区域 | 停气时间 | 预计恢复供气时间: a numbered row is one outage of its area, from
    the start column to the end column; a duty roster's rows name people, not happenings."""
    text = ("一、停气安排\n序号 | 停气区域 | 停气时间 | 预计恢复供气时间 | 涉及用户\n"
            "1 | 梧桐路两侧住宅及商铺 | 10月17日（星期四）8:00 | 当日18:00 | 1260户\n"
            "2 | 丽景花园、锦绣苑 | 10月19日（星期六）22:00 | 10月20日（星期日）6:00 | 3260户\n\n"
            "附：值班安排表\n日期 | 值班领导 | 值班人员 | 联系电话\n5月1日 | 王强 | 张伟 | 13805710021\n")
    events = extract_document(text, published=dt.date(2024, 10, 15), tz=TZ).events
    assert [(e.title, e.start.strftime("%m-%d %H:%M"), e.end.strftime("%m-%d %H:%M")) for e in events] == [
        ("梧桐路两侧住宅及商铺停气", "10-17 08:00", "10-17 18:00"),
        ("丽景花园、锦绣苑停气", "10-19 22:00", "10-20 06:00")]


def test_a_break_runs_to_the_day_before_the_return_and_midnight_stays_on_its_day():
    """7月13日开始放假，8月31日返校报到注册: the break ends on the 30th; 9月9日起，为期两周，结束后
    举行阅兵式 runs forward two weeks; 24:00前 and "at midnight" are the last minute of the day named."""
    text = ("（一）学生：7月13日（星期六）开始放假，8月31日（星期六）返校报到注册。\n"
            "新生军训：9月9日起，为期两周，结束后举行阅兵式暨总结大会。\n"
            "学费须于8月22日（星期四）24:00前完成缴纳。\n")
    events = extract_document(text, published=dt.date(2024, 6, 21), tz=TZ).events
    spans = [(day(e.start), day(e.end)) for e in events]
    assert (dt.date(2024, 7, 13), dt.date(2024, 8, 30)) in spans
    assert (dt.date(2024, 9, 9), dt.date(2024, 9, 22)) in spans
    fee = next(e for e in events if "学费" in e.title)
    assert fee.start.strftime("%m-%d %H:%M") == "08-22 23:59"


def test_a_line_cut_inside_a_bracket_goes_on_with_the_next():
    """A PDF line that stops in （星期 goes on with 六）上课: the make-up days are read with their verb."""
    text = ("二、节假日安排\n\n"
            "1．中秋节：9月15日至17日放假调休，共3天。9月14日（星期六）上课，\n"
            "补9月16日（星期一）课程。\n"
            "2．国庆节：10月1日至7日放假调休，共7天。9月29日（星期日）、10月12日（星期\n"
            "六）上课。\n"
            "3．元旦：2025年1月1日（星期三）放假1天，不调休。\n")
    events = extract_document(text, published=dt.date(2024, 8, 26), tz=TZ).events
    makeup = sorted(day(e.start) for e in events if "上课" in e.title)
    assert makeup == [dt.date(2024, 9, 14), dt.date(2024, 9, 29), dt.date(2024, 10, 12)]


def test_a_school_year_calendar_reads_its_rows_in_that_school_year():
    """"2024-25 Instructional Calendar" published in August 2024: Jun 10 is June 2025, not the June
    just past; a dot-leader row is titled by its item, not by the ALL-CAPS heading or a
    parenthesis above it; a word hyphenated across lines (Jan-/uary) is whole again; "and 11" at a
    line's end is no date with the next line's month."""
    text = ("PINECREST VALLEY UNIFIED SCHOOL DISTRICT\n2024-25 Instructional Calendar - REVISED August 6, 2024\n\n"
            "KEY DATES\nAug 12-16 ........ Teacher Work Days / Professional Learning\n"
            "                   (no school for students)\n"
            "Aug 19 ........... First Day of School, grades TK-12\n"
            "May 5-16 ......... State testing window (CAASPP), grades 3-8\n                   and 11\n"
            "Jun 10 ........... High School Graduation, 7:00 PM\n\n"
            "- Transitional kindergarten applications for 2025-26 open Jan-\n  uary 13, 2025.\n")
    events = extract_document(text, published=dt.date(2024, 8, 6), tz=ZoneInfo("America/Los_Angeles")).events
    got = [(e.title, day(e.start)) for e in events]
    assert any(t.startswith("Teacher Work Days") and d == dt.date(2024, 8, 12) for t, d in got), got
    assert ("First Day of School, grades TK-12", dt.date(2024, 8, 19)) in got
    assert any(t.startswith("High School Graduation") and d == dt.date(2025, 6, 10) for t, d in got), got
    assert dt.date(2025, 1, 13) in [d for _, d in got]
    assert not any(d.month == 6 and d.day == 11 for _, d in got)


def test_a_wrapped_paragraph_under_a_short_heading_is_one_paragraph_but_a_dated_list_is_not():
    """"Register to vote" over a paragraph wrapped at 72 columns: its sentences are read whole
    (the deadline's sentence is its evidence); "Important dates" over label lines stays a list."""
    text = ("Register to vote\n"
            "The deadline to register to vote, or to update your address, for the\n"
            "Primary is Monday, May 4. Applications must be postmarked or delivered\n"
            "to the Elections Office by 5 p.m. that day. You must be at least 18\n"
            "years old by Election Day.\n\n"
            "Important dates\n"
            "Full paper submission: Friday, March 8, 2026\n"
            "Notification of acceptance: Friday, May 8, 2026\n"
            "Camera-ready papers due: Friday, June 5, 2026\n")
    events = extract_document(text, published=dt.date(2026, 4, 6), tz=ZoneInfo("America/Chicago")).events
    deadline = next(e for e in events if day(e.start) == dt.date(2026, 5, 4))
    assert "The deadline to register to vote" in deadline.evidence
    assert next(e for e in events if day(e.start) == dt.date(2026, 5, 8)).title == "Notification of acceptance"


def test_a_print_headline_stays_apart_from_the_byline_under_it():
    """县图书馆本周六举办公益讲座 / 本报讯　…将于本周六下午2时30分…开讲 in narrow print columns: the
    headline is not run into its byline; the lecture is one entry, timed, from the body."""
    text = ("■第四版　文化·副刊\n\n"
            "县图书馆本周六举办公益讲座\n"
            "本报讯　县图书馆“青川讲堂”第十二讲将于本周六下午2时30分在图书\n"
            "馆三楼报告厅开讲，主题为“青川古村落的保护与利用”，主讲人为省社科\n"
            "院研究员周明。讲座免费，名额120个。\n")
    events = extract_document(text, published=dt.date(2025, 11, 20), tz=TZ).events
    assert [(e.start.strftime("%m-%d %H:%M"), "本报讯" in e.title) for e in events] == [("11-22 14:30", False)]


def test_a_run_said_in_the_next_sentence_or_as_a_term_ends_the_happening():
    """…特展在市博物馆开幕。展览展期至2026年2月28日: the opening runs to that day, one entry;
    临时站点即日起启用，…使用期限至2025年12月31日: in use from today until then."""
    text = ("本报讯 昨日上午，“窑火千年——龙泉青瓷特展”在市博物馆三楼临展厅开幕。展览展期至2026年2月28日，免费向公众开放。\n"
            "解放路口临时站点即日起启用，设于中山北路与解放路交叉口西侧约150米处，使用期限至2025年12月31日。\n")
    events = extract_document(text, published=dt.date(2025, 10, 15), tz=TZ).events
    assert runs(events) == [
        ("period", dt.date(2025, 10, 14), dt.date(2026, 2, 28)),
        ("period", dt.date(2025, 10, 15), dt.date(2025, 12, 31))]


def test_a_timetable_of_first_and_last_trains_is_no_entries():
    """车站 | 首班车 | 末班车 rows under 自6月29日起: every day's hours, not happenings; the change
    itself (自6月29日起…如下) may stand, the rows may not."""
    text = ("自6月29日（周日）起，全线首末班车时间调整如下：\n\n车站 | 首班车 | 末班车\n"
            "北山站（往海湾公园方向） | 6:00 | 22:30\n会展中心站（往北山方向） | 6:20 | 23:00\n")
    events = extract_document(text, published=dt.date(2025, 6, 27), tz=TZ).events
    assert all(e.all_day for e in events) and len(events) <= 1


def test_an_english_revision_is_named_by_its_subject_and_a_within_rule_is_no_entry():
    """"The Outdoor Screening on the Pier, originally set for Saturday, October 11, has been moved to
    Sunday, October 12, at 7:30 p.m.": the new date, named for the screening; "Refunds will be
    issued within 30 days" and "in the last 30 days" are rules and the past, not entries."""
    text = ("The Outdoor Screening on the Pier, originally set for Saturday, October 11, has been moved to "
            "Sunday, October 12, at 7:30 p.m. because of the extended forecast.\n\n"
            "Refunds will be issued within 30 days of the request. Please do not wait until the last 30 days.\n")
    events = extract_document(text, published=dt.date(2025, 9, 29), tz=ZoneInfo("America/New_York")).events
    assert [(e.title, e.start.strftime("%m-%d %H:%M")) for e in events] == [("Outdoor Screening on the Pier", "10-12 19:30")]


def test_a_postponement_wrapped_over_dated_lines_keeps_only_the_new_date():
    """A wrapped notice whose lines happen to start with dates ("…originally called for" /
    "Monday, April 28, 2025, has been postponed by vote of the Select Board to" / "Monday, May 19")
    is one paragraph; only the new date stands, named for the meeting."""
    text = ("NOTICE OF POSTPONEMENT: The Special Town Meeting originally called for\n"
            "Monday, April 28, 2025, has been postponed by vote of the Select Board to\n"
            "Monday, May 19, 2025, at 7:30 P.M., and will be opened within the Annual\n"
            "Town Meeting at the same location.\n")
    events = extract_document(text, published=dt.date(2025, 4, 16), tz=ZoneInfo("America/New_York")).events
    assert [(e.title, e.start.strftime("%m-%d %H:%M")) for e in events] == [("Special Town Meeting", "05-19 19:30")]


def test_a_programme_row_is_named_past_its_time_cell():
    """Fri Oct 10 | 6:30 PM | Shorts Block A: Virginia Voices | Harbor Palace: the row is the
    screening at 18:30, named by the cell after the hour."""
    text = ("Day | Time | Program | Venue\nFri Oct 10 | 6:30 PM | Shorts Block A: Virginia Voices | Harbor Palace\n"
            "Sat Oct 11 | 11:00 AM | Family Matinee | Ghent Hall\n")
    events = extract_document(text, published=dt.date(2025, 9, 29), tz=ZoneInfo("America/New_York")).events
    assert [(e.title, e.start.strftime("%m-%d %H:%M")) for e in events] == [
        ("Shorts Block A: Virginia Voices", "10-10 18:30"), ("Family Matinee", "10-11 11:00")]


def test_a_session_of_a_day_and_a_half_covers_two_days():
    """会期一天半 from 12月12日: the session's calendar days are the 12th and the 13th."""
    text = "桐林镇第十八届人民代表大会第五次会议定于12月12日（下周四）在镇政府大会议室召开，会期一天半。\n"
    events = extract_document(text, published=dt.date(2024, 12, 5), tz=TZ).events
    assert [(day(e.start), day(e.end)) for e in events] == [(dt.date(2024, 12, 12), dt.date(2024, 12, 13))]


def test_a_closure_and_its_reopening_in_one_sentence_are_one_closure():
    """close at 6 p.m. on July 4 and reopen at 1 a.m. on July 5: one closure overnight; close at
    noon on November 27 and reopen Monday, December 2: closed through December 1."""
    text = ("Lakeview Drive will close at 6 p.m. on July 4 and reopen at 1 a.m. on July 5.\n\n"
            "Offices close at noon on November 27 and reopen Monday, December 2.\n")
    events = extract_document(text, published=dt.date(2024, 6, 27), tz=ZoneInfo("America/Denver")).events
    assert [(e.kind, e.start.strftime("%m-%d %H:%M"), e.end.strftime("%m-%d %H:%M")) for e in events] == [
        ("period", "07-04 18:00", "07-05 01:00"), ("period", "11-27 12:00", "12-01 23:59")]


def test_a_deck_line_with_a_comma_over_a_byline_is_a_headline_not_an_entry():
    """展期至明年2月28日，180余件（套）珍品亮相 between the headline and 本报讯（…）: a deck line, which
    the body restates; its date is no entry of its own."""
    text = ("龙泉青瓷特展开幕\n展期至明年2月28日，180余件（套）珍品亮相\n"
            "本报讯（记者 林晓静）昨日上午，“窑火千年——龙泉青瓷特展”在市博物馆开幕。展览展期至2026年2月28日，免费向公众开放。\n")
    events = extract_document(text, published=dt.date(2025, 10, 15), tz=TZ).events
    assert [(day(e.start), day(e.end)) for e in events] == [(dt.date(2025, 10, 14), dt.date(2026, 2, 28))]


def test_a_numbered_item_label_names_its_date_and_a_moved_run_replaces_the_old_one():
    """5. 新生军训：9月9日起，为期两周，结束后举行阅兵式: the label names the run (not the parade
    after it); （一）学生：…开始放假 is the students' break. 标的展示：11月20日至21日 … 标的展示时间顺延至
    12月1日至2日 under the same notice: the run moved whole."""
    text = ("（一）学生：7月13日（星期六）开始放假，8月31日（星期六）返校报到注册。\n"
            "5. 新生军训：9月9日起，为期两周，结束后举行阅兵式暨总结大会。\n")
    events = extract_document(text, published=dt.date(2024, 6, 21), tz=TZ).events
    titles = {e.title: (day(e.start), day(e.end)) for e in events}
    assert titles["新生军训"] == (dt.date(2024, 9, 9), dt.date(2024, 9, 22))
    assert titles["学生放假"] == (dt.date(2024, 7, 13), dt.date(2024, 8, 30))
    moved = ("拍卖公告\n一、标的展示：11月20日至21日在标的所在地展示。\n"
             "二、因故拍卖会延期，标的展示时间相应顺延至12月1日至2日。\n")
    spans = [(day(e.start), day(e.end)) for e in extract_document(moved, published=dt.date(2025, 11, 14), tz=TZ).events]
    assert (dt.date(2025, 12, 1), dt.date(2025, 12, 2)) in spans
    assert not any(s == dt.date(2025, 11, 20) for s, _ in spans)


def test_an_all_caps_section_heading_gives_way_to_the_sentence_that_names_the_entry():
    """RETAILERS over "Retailers must pull the heaters from shelves by Friday, November 14": the entry
    is named by its sentence, not by the section's ALL-CAPS heading."""
    text = ("RETAILERS\n"
            "Retailers must pull the Model HH-1500 heaters from shelves by Friday, November 14.\n")
    events = extract_document(text, published=dt.date(2025, 11, 12), tz=ZoneInfo("America/New_York")).events
    assert [e.title for e in events] == ["Retailers must pull the Model HH-1500"]


def test_a_leader_row_is_one_entry_named_by_its_label_with_the_labels_hour():
    """Dot-leader rows of a registrar's calendar: a semicolon in the label does not split the row,
    the label's name ends at " - " or ";", and "(noon)" in the label is the row's hour.  A season
    naming a term (the Spring 2025 semester, registration for Fall 2025) is no entry of its own."""
    text = ("Key dates for the Spring 2025 semester.\n"
            "Midterm grades due from faculty (noon) .................................. Monday, March 3\n"
            "Spring break - no classes; residence halls remain open ............. March 10-14\n"
            "Priority registration for Fall 2025 begins Monday, April 7.\n")
    events = extract_document(text, published=dt.date(2025, 1, 8), tz=ZoneInfo("America/Chicago")).events
    got = {e.title: (e.start, day(e.end)) for e in events}
    assert got["Midterm grades due from faculty"][0] == dt.datetime(2025, 3, 3, 12, 0, tzinfo=ZoneInfo("America/Chicago"))
    assert got["Spring break"] == (dt.date(2025, 3, 10), dt.date(2025, 3, 14))
    assert got["Priority registration for Fall 2025"] == (dt.date(2025, 4, 7), dt.date(2025, 4, 7))
    assert len(events) == 3


def test_a_days_heading_and_its_schedule_lines_are_entries_of_their_own():
    """THURSDAY, AUGUST 14 - Senior Day over " 1:00 p.m.  Pie contest judging": the heading is the
    day's entry and the timed lines under it are theirs, not retellings of it (nor of each other,
    though they stand alone like headlines).  A rain date in brackets does not end the heading's day."""
    text = ("DAILY SCHEDULE\n\nTHURSDAY, AUGUST 14 - Senior Day\n"
            " 1:00 p.m.  Pie contest judging, Exhibit Hall\n 7:00 p.m.  Grandstand concert\n\n"
            "SATURDAY, AUGUST 16\n 6:00 p.m.  Demolition Derby, Grandstand\n"
            " 9:30 p.m.  Fireworks (rain date: Sunday, August 17, 9:30 p.m.)\n")
    chi = ZoneInfo("America/Chicago")
    events = extract_document(text, published=dt.date(2025, 8, 4), tz=chi).events
    got = {(e.title, e.start) for e in events}
    assert ("Senior Day", dt.date(2025, 8, 14)) in got
    assert ("Pie contest judging", dt.datetime(2025, 8, 14, 13, 0, tzinfo=chi)) in got
    assert ("Demolition Derby", dt.datetime(2025, 8, 16, 18, 0, tzinfo=chi)) in got
    assert any(t.startswith("Fireworks") and s == dt.datetime(2025, 8, 16, 21, 30, tzinfo=chi) for t, s in got)


def test_a_listing_of_dated_rows_gives_each_row_named_by_its_label():
    """BUDGET CALENDAR rows "Tue, May 13, 5:30 p.m.   Council budget workshop #1: public safety":
    the p.m. does not end the row, every row is an entry (adoption has no trigger word), named by
    its label less the note after a colon or in brackets.  "at the June 3 hearing" later is that
    hearing again, not an entry of its own."""
    text = ("Public Hearing Set for June 3\n\n"
            "BUDGET CALENDAR - HOW TO WEIGH IN\n"
            "  Tue, May 13, 5:30 p.m.   Council budget workshop #1: public safety, parks\n"
            "  Tue, June 3, 6:30 p.m.   Public hearing on the budget\n"
            "  Tue, June 17, 6:30 p.m.  Second reading and adoption (Resolution 2025-31)\n"
            "  Tue, July 1              Fiscal Year 2026 begins\n\n"
            "Residents may speak for up to three minutes at the June 3 hearing.\n")
    pt = ZoneInfo("America/Los_Angeles")
    events = extract_document(text, published=dt.date(2025, 5, 6), tz=pt).events
    assert sorted((str(e.start), e.title) for e in events) == [
        ("2025-05-13 17:30:00-07:00", "Council budget workshop #1"),
        ("2025-06-03 18:30:00-07:00", "Public hearing on the budget"),
        ("2025-06-17 18:30:00-07:00", "Second reading and adoption"),
        ("2025-07-01", "Fiscal Year 2026 begins")]


def test_a_table_rows_hours_in_a_later_cell_belong_to_the_rows_day():
    """4月10日（四） | 一年级新生家长开放日 | 一年级家长 | 14:00—16:00: the time cell is the entry's
    hours; 本周四（清明节前一天）…14:30提前放学 is that Thursday's afternoon."""
    text = ("4月3日（四） | 清明祭扫 | 四年级 | 8:30集合出发，烈士陵园\n"
            "4月10日（四） | 一年级新生家长开放日 | 一年级家长 | 14:00—16:00\n"
            "4月25日（五） | 家长会 | 全体家长 | 16:00，各班教室\n")
    events = extract_document(text, published=dt.date(2025, 4, 1), tz=TZ).events
    assert [(e.title, e.start.strftime("%m-%d %H:%M")) for e in events] == [
        ("清明祭扫", "04-03 08:30"), ("一年级新生家长开放日", "04-10 14:00"), ("家长会", "04-25 16:00")]


def test_a_notices_time_label_and_the_day_of_its_race_under_a_later_section():
    """（一）比赛时间：2025年5月31日 is the notice's own race, named by its 关于举办…的通知 line;
    报名时间：即日起至… is 报名.  八、交通管制 is a heading of its own (the indented paragraph under it is
    not joined to it), and 比赛当天 there is the race's day, not the last date named."""
    text = ("关于举办2025年汀湾区“端午杯”龙舟邀请赛的通知\n\n"
            "二、比赛时间和地点\n  （一）比赛时间：2025年5月31日（星期六，端午节）。\n\n"
            "五、报名办法\n  （一）报名时间：即日起至5月20日17:00，逾期不予受理；\n\n"
            "六、赛前活动安排\n  （一）水上安全培训：5月26日（星期一）9:00，区体育中心二楼报告厅。\n\n"
            "八、交通管制\n  比赛当天7:00—17:00，滨江路禁止机动车通行，请过往车辆提前绕行。\n")
    events = extract_document(text, published=dt.date(2025, 5, 14), tz=TZ).events
    got = {e.title: day(e.start) for e in events}
    assert got["汀湾区“端午杯”龙舟邀请赛"] == dt.date(2025, 5, 31)
    assert "报名" in got
    assert [d for t, d in got.items() if "交通管制" in t] == [dt.date(2025, 5, 31)]


def test_an_original_date_and_a_cancelled_one_are_no_entries():
    """原定7月26日…的演唱会，改期至8月31日: the concert on the new date only, named for itself; 仍按原定
    keeps its date.  "Family Concert (Saturday, Oct. 19, 2 p.m.) is cancelled" and "the original
    start date of Nov. 10" are no entries; "sailings are cancelled on those days" is not read as one."""
    zh = ("原定7月26日（本周五）19:30在体育场举行的“海潮回声”演唱会，改期至8月31日（星期六）19:30举行。"
          "仍按原定7月28日举行的比赛照常进行。")
    events = extract_document(zh, published=dt.date(2024, 7, 24), tz=TZ).events
    assert [(e.title, day(e.start)) for e in events][0] == ("“海潮回声”演唱会", dt.date(2024, 8, 31))
    assert [day(e.start) for e in events] == [dt.date(2024, 8, 31), dt.date(2024, 7, 28)]
    en = ("- Family Concert: Peter and the Wolf (Saturday, Oct. 19, 2 p.m.) is cancelled.\n"
          "The original start date of Nov. 10 was pushed back to Monday, Nov. 18, when the winter timetable begins.\n")
    events = extract_document(en, published=dt.date(2024, 10, 8), tz=ZoneInfo("America/New_York")).events
    assert [day(e.start) for e in events] == [dt.date(2024, 11, 18)]


def test_dates_in_a_related_or_other_news_list_are_no_entries():
    """"Related" / "Other News in Public Works" over short link lines: their dates are posting
    dates of other stories."""
    text = ("Street sweeping begins Monday, April 7.\n\n"
            "Other News in Public Works\n"
            "  Hydrant flushing schedule announced  (Posted on: March 18, 2025)\n"
            "  Yard waste pickup resumes April 7  (Posted on: March 12, 2025)\n\n"
            "Related\n> Castellan Hall turns 50: a look back (Sept. 12, 2024)\n")
    events = extract_document(text, published=dt.date(2025, 3, 26), tz=ZoneInfo("America/New_York")).events
    assert [day(e.start) for e in events] == [dt.date(2025, 4, 7)]


def test_a_list_of_days_shares_the_hours_after_it_and_a_time_line_takes_the_item_above():
    """3. “青瓷修复师”公开课 / 时间：11月9日、11月23日、12月14日（均为周六）10:00—11:30: three sessions at
    those hours (the weekday in brackets only confirms them), each named by the item above its
    时间 line, as is the lecture whose 时间 line stands under a title ending in a quotation mark."""
    text = ("1. 开幕学术讲座：“越窑与海上陶瓷之路”\n时间：10月25日（周五）14:30—16:00\n\n"
            "3. “青瓷修复师”公开课（共3期）\n时间：11月9日、11月23日、12月14日（均为周六）10:00—11:30\n")
    events = extract_document(text, published=dt.date(2024, 10, 22), tz=TZ).events
    assert [(e.title, e.start.strftime("%m-%d %H:%M")) for e in events] == [
        ("开幕学术讲座：“越窑与海上陶瓷之路”", "10-25 14:30"), ("“青瓷修复师”公开课", "11-09 10:00"),
        ("“青瓷修复师”公开课", "11-23 10:00"), ("“青瓷修复师”公开课", "12-14 10:00")]


def test_a_shows_name_over_its_dates_line_is_the_run_and_a_closure_stays_closed_through_its_end():
    """"Salt & Iron: New Work by Mara Okafor" / "September 6 - October 18, 2025": the show's run,
    named by the line above (a year or a booth number in that name is no date), and the reception
    on its first day is an entry of its own.  "close at 2 p.m. this Friday, January 12, and stay
    closed through Monday, January 15" is one closure."""
    text = ("Salt & Iron: New Work by Mara Okafor\nSeptember 6 - October 18, 2025\n"
            "Opening reception: Saturday, September 6, 6-8 p.m. (artist present)\n"
            "Artist talk: Thursday, September 18, 7 p.m., followed by a conversation\n\n"
            "Small Works 2025\nOctober 25 - December 20, 2025\n")
    pt = ZoneInfo("America/Los_Angeles")
    events = extract_document(text, published=dt.date(2025, 8, 27), tz=pt).events
    assert [(e.title, day(e.start), day(e.end)) for e in events if e.kind == "period"] == [
        ("Salt & Iron: New Work by Mara Okafor", dt.date(2025, 9, 6), dt.date(2025, 10, 18)),
        ("Small Works 2025", dt.date(2025, 10, 25), dt.date(2025, 12, 20))]
    assert "Opening reception" in [e.title for e in events]
    closure = ("The Special Collections Gallery will close at 2 p.m. this Friday, January 12, and stay\n"
               "closed through Monday, January 15, while the exhibition is installed.\n")
    events = extract_document(closure, published=dt.date(2024, 1, 9), tz=ZoneInfo("America/New_York")).events
    assert [(e.kind, e.start.hour, day(e.end)) for e in events] == [("period", 14, dt.date(2024, 1, 15))]


def test_council_minutes_lettered_items_unwrap_and_a_proclaimed_day_is_an_entry():
    """Minutes whose lettered items (a)…(e) are each wrapped at the page width, some lines beginning
    with a date: each item reads as one paragraph.  "Approved for April 14-18" is this spring, not
    last year's (the approval is past, not its dates); "proclaimed Friday, April 25, 2025 as Arbor
    Day" is an entry named for the day."""
    text = ("7. NEW BUSINESS\n"
            "(a) FY 2025-26 budget calendar. The Council set a budget work session for\n"
            "Monday, March 10, at 5:30 p.m. in the Council Workroom. Staff projects a 3.2\n"
            "percent increase in general fund revenue.\n"
            "(b) Boards and commissions. Applications for the Parks Board (two seats)\n"
            "and the Library Board (one seat) are due to the City Clerk by Friday,\n"
            "March 21, at 5:00 p.m. Interviews will be held at a later meeting.\n"
            "(c) Spring Clean-Up Week. Approved for April 14-18; residents may set out\n"
            "bulky items on their regular collection day that week.\n"
            "(d) Arbor Day. The Mayor proclaimed Friday, April 25, 2025 as Arbor Day;\n"
            "the city will plant trees at Founders Park.\n")
    events = extract_document(text, published=dt.date(2025, 3, 5), tz=ZoneInfo("America/Denver")).events
    got = {(day(e.start), day(e.end)): e for e in events}
    assert "budget work session" in got[(dt.date(2025, 3, 10), dt.date(2025, 3, 10))].evidence
    assert got[(dt.date(2025, 3, 21), dt.date(2025, 3, 21))].evidence.startswith("Applications for the Parks Board")
    assert (dt.date(2025, 4, 14), dt.date(2025, 4, 18)) in got
    assert got[(dt.date(2025, 4, 25), dt.date(2025, 4, 25))].title == "Arbor Day"


def test_a_holiday_schedule_table_reads_down_its_columns():
    """日期 | 普通门诊 | 专家门诊 | 体检中心, a row a day: each column's run of days with the same entry
    is one period named by its column (专家门诊停诊 1–3 May, 专家门诊上午部分出诊 4–5 May), with the
    entry's hours when it has them.  A table of one happening a row is not read this way."""
    text = ("日期 | 普通门诊 | 专家门诊 | 体检中心\n"
            "5月1日（三） | 上午8:00—12:00 | 停诊 | 停检\n"
            "5月2日（四） | 上午8:00—12:00 | 停诊 | 停检\n"
            "5月3日（五） | 上午8:00—12:00 | 停诊 | 停检\n"
            "5月4日（六） | 上午8:00—12:00 | 上午部分出诊 | 停检\n"
            "5月5日（日） | 上午8:00—12:00 | 上午部分出诊 | 停检\n")
    events = extract_document(text, published=dt.date(2024, 4, 25), tz=TZ).events
    assert sorted((e.title, str(e.start), str(e.end)) for e in events) == sorted([
        ("普通门诊上午8:00—12:00", "2024-05-01 08:00:00+08:00", "2024-05-05 12:00:00+08:00"),
        ("专家门诊停诊", "2024-05-01", "2024-05-03"), ("专家门诊上午部分出诊", "2024-05-04", "2024-05-05"),
        ("体检中心停检", "2024-05-01", "2024-05-05")])
    rows = ("日期 | 活动 | 地点\n5月1日 | 开幕式 | 歌剧厅\n5月2日 | 音乐会 | 歌剧厅\n5月3日 | 闭幕演出 | 歌剧厅\n")
    events = extract_document(rows, published=dt.date(2024, 4, 25), tz=TZ).events
    assert [e.title for e in events] == ["开幕式", "音乐会", "闭幕演出"]


def test_no_longer_accepted_after_a_moment_is_a_deadline_and_from_until_is_one_window():
    """11月29日15:00后不再受理: the deadline is 15:00 that day.  可于7月25日10:00起…申请退票，退票申请
    截至8月10日23:59: one window from the opening to the cut-off."""
    text = ("11月29日15:00后不再受理新的抵押登记申请。"
            "观众可于7月25日10:00起通过原购票渠道申请全额退票，退票申请截至8月10日23:59，逾期视为接受改期安排。")
    events = extract_document(text, published=dt.date(2024, 7, 24), tz=TZ).events
    assert [(e.kind, e.start.strftime("%m-%d %H:%M"), e.end.strftime("%m-%d %H:%M")) for e in events] == [
        ("deadline", "11-29 15:00", "11-29 15:00"), ("period", "07-25 10:00", "08-10 23:59")]


def test_a_teaching_calendar_with_full_width_space_columns_names_each_dated_item():
    """周次　日期　主要工作 parted by full-width spaces: each row stays a line of its own, and a date
    at the head of its cell is named by the words after it, not by the section heading."""
    text = ("二、周次安排\n\n周次　　日期　　　　　主要工作\n"
            "第3周　 9.11—9.15　　9月14日（周四）18:30全园家长会（分班进行）\n"
            "第4周　 9.18—9.22　　9月20日（周三）“全国爱牙日”幼儿口腔检查\n")
    events = extract_document(text, published=dt.date(2023, 8, 24), tz=TZ).events
    assert [(e.title, day(e.start)) for e in events] == [
        ("全园家长会（分班进行）", dt.date(2023, 9, 14)), ("“全国爱牙日”幼儿口腔检查", dt.date(2023, 9, 20))]


def test_a_leader_rows_label_gives_its_hour_and_is_named_before_it():
    """"Wed, Jan. 28 ........... Senior Financial Aid Night, 6:30 p.m., Library": the leader is no
    sentence end between the date and the hour, and the entry is named before the hour."""
    text = "  Wed, Jan. 28 ........... Senior Financial Aid Night, 6:30 p.m., Library\n"
    pt = ZoneInfo("America/Los_Angeles")
    events = extract_document(text, published=dt.date(2026, 1, 5), tz=pt).events
    assert [(e.title, e.start) for e in events] == [("Senior Financial Aid Night", dt.datetime(2026, 1, 28, 18, 30, tzinfo=pt))]


def test_a_block_of_labelled_fields_stays_apart_and_is_named_by_its_item():
    """1. “山水澄江”摄影作品展 / 展期：3月1日至3月31日 / 地点：…, and 【溪山讲堂 第42期】宋瓷里的日常生活 /
    主讲人：… / 时间：…: field lines are never joined, and their dates are named by the item above
    the block (its 第42期 and its 摄影 are no date and no photo credit)."""
    text = ("1. “山水澄江”摄影作品展\n展期：3月1日至3月31日\n地点：图书馆一楼展厅\n\n"
            "【溪山讲堂 第42期】宋瓷里的日常生活\n主讲人：省博物院研究馆员 季云舒\n"
            "时间：3月23日（周六）14:30—16:00\n地点：四楼 学术报告厅\n")
    events = extract_document(text, published=dt.date(2024, 2, 27), tz=TZ).events
    assert [(e.title, day(e.start), day(e.end)) for e in events] == [
        ("“山水澄江”摄影作品展", dt.date(2024, 3, 1), dt.date(2024, 3, 31)),
        ("【溪山讲堂 第42期】宋瓷里的日常生活", dt.date(2024, 3, 23), dt.date(2024, 3, 23))]


def test_a_run_of_days_opens_at_the_hour_set_apart_after_it():
    """【老码头银杏创意市集】 / 11月15日—16日（周六、周日）10:00—18:00: the market opens at 10:00 on its
    first day; 报名时间为6月21日至23日18时 is a window that closes at the hour."""
    text = ("【老码头银杏创意市集】\n时间：11月15日—16日（周六、周日）10:00—18:00\n"
            "定向赛报名时间为11月21日至23日18时。\n")
    events = extract_document(text, published=dt.date(2025, 11, 13), tz=TZ).events
    starts = sorted(e.start.strftime("%m-%d %H:%M") for e in events)
    assert starts == ["11-15 10:00", "11-21 00:00"]


def test_an_items_field_lines_give_its_start_and_its_signup_deadline():
    """【湖滨城市定向跑】 / 时间：11月16日（周日）7:30鸣枪 / 报名：截至11月14日（周五）18:00: the run, named
    by its item (not by 鸣枪), and 报名：截至… is a deadline, not an as-of figure."""
    text = ("【湖滨城市定向跑】\n时间：11月16日（周日）7:30鸣枪\n地点：湖滨公园南门集合\n"
            "报名：截至11月14日（周五）18:00，报名费49元\n")
    events = extract_document(text, published=dt.date(2025, 11, 13), tz=TZ).events
    assert [(e.kind, e.start.strftime("%m-%d %H:%M")) for e in events] == [("event", "11-16 07:30"), ("deadline", "11-14 18:00")]
    assert events[0].title == "【湖滨城市定向跑】"


def test_a_text_table_with_columns_of_spaces_names_each_row_by_its_label():
    """A term-dates table whose columns are runs of spaces: each dated row is an entry named by its
    label (its other cells, such as a reference period, are no entries), and two days listed with
    "and" are one period."""
    text = ("Autumn Term 2025\n"
            "  INSET days              Monday 1 September and Tuesday 2 September 2025\n"
            "  All students return     Thursday 4 September 2025\n"
            "  October half term       Monday 27 October - Friday 31 October 2025\n\n"
            "Release                   Reference period     Release date\n"
            "Monthly Revenue Report    October 2024         Thu., Nov. 21, 2025\n"
            "Taxable Retail Sales      Q4 2024              Thu., Feb. 12, 2026\n")
    london = ZoneInfo("Europe/London")
    events = extract_document(text, published=dt.date(2025, 5, 21), tz=london).events
    assert [(e.title, day(e.start), day(e.end)) for e in events] == [
        ("INSET days", dt.date(2025, 9, 1), dt.date(2025, 9, 2)),
        ("All students return", dt.date(2025, 9, 4), dt.date(2025, 9, 4)),
        ("October half term", dt.date(2025, 10, 27), dt.date(2025, 10, 31)),
        ("Monthly Revenue Report", dt.date(2025, 11, 21), dt.date(2025, 11, 21)),
        ("Taxable Retail Sales", dt.date(2026, 2, 12), dt.date(2026, 2, 12))]


def test_a_teaching_calendar_with_columns_of_spaces_keeps_its_rows_apart():
    """A 校历 table whose columns are runs of spaces: rows are never joined as a wrapped paragraph,
    a row that is only its week and dates is no entry, the week's number is a label (not the week
    of 4月27日), and the remark names the row's dates."""
    text = ("周次    起止日期            备注\n"
            "第1周   3月2日—3月8日       正式上课\n"
            "第2周   3月9日—3月15日\n"
            "第9周   4月27日—5月3日      期中教学检查\n"
            "第10周  5月4日—5月10日\n")
    events = extract_document(text, published=dt.date(2026, 1, 9), tz=TZ).events
    assert [(e.title, day(e.start), day(e.end)) for e in events] == [
        ("正式上课", dt.date(2026, 3, 2), dt.date(2026, 3, 8)),
        ("期中教学检查", dt.date(2026, 4, 27), dt.date(2026, 5, 3))]


def test_a_listing_card_is_named_by_the_line_under_its_date_and_hours():
    """A web listing's card: "SAT, MAR 8  |  11:00 a.m. & 2:00 p.m." over its title line; a card
    marked POSTPONED is no entry; "Closed today · Open tomorrow 10 AM - 5 PM" is the site's live
    status and "Thursdays until 8 p.m." every Thursday's hours; a labelled day ("Members' preview:
    Friday, April 4") is not restated by another thing's run that ends that day."""
    text = ("Closed today · Open tomorrow 10 AM - 5 PM          Tickets | Become a Member\n\n"
            "Members' preview: Friday, April 4, 6-8 p.m.  ›  RSVP\n\n"
            "Please note: Gallery 3 will be closed March 17 - April 4 for installation.\n\n"
            "THU, MAR 6  |  POSTPONED\nArtist Talk: Tomas Reyes on Weaving the River\n\n"
            "SAT, MAR 8  |  11:00 a.m. & 2:00 p.m.\nSpinning & Weaving Demonstration\n"
            "Watch members of the guild at work on a barn loom.\n\n"
            "Tuesday - Sunday, 10 a.m. - 5 p.m.; Thursdays until 8 p.m.\n")
    pt = ZoneInfo("America/Los_Angeles")
    events = extract_document(text, published=dt.date(2025, 3, 3), tz=pt).events
    assert sorted((e.title, e.start.strftime("%m-%d %H:%M")) for e in events) == [
        ("Gallery 3 closed", "03-17 00:00"),
        ("Members' preview", "04-04 18:00"),
        ("Spinning & Weaving Demonstration", "03-08 11:00")]


def test_leader_rows_with_an_hour_or_a_note_in_the_label_and_a_short_leader():
    """An academic calendar printed from a PDF: the label's bracketed hour ("(9:00 a.m.)", "(5:00 p.m.
    CT)") is the row's hour and no date of its own (its stop ends no sentence), a bracketed note
    leaves the name, a long label's leader shrinks to three dots, a term's name in the label
    ("Fall 2025 grades") is no row date, and "Wednesday-Thursday, April 29-30" is the year whose
    29th is a Wednesday."""
    text = ("  Fall 2025 grades visible in the student portal ....... Tuesday, Dec. 23, 2025\n"
            "  Tuition and fees due (5:00 p.m. CT) .................. Monday, Jan. 5, 2026\n"
            "  Residence halls open (9:00 a.m.) ..................... Saturday, Jan. 10\n"
            "  Census date (enrollment frozen for state reporting) ... Monday, Jan. 26\n"
            "  Reading days (no classes or exams) ................... Wednesday-Thursday, April 29-30\n")
    ct = ZoneInfo("America/Chicago")
    events = extract_document(text, published=dt.date(2025, 10, 15), tz=ct).events
    assert [(e.title, e.start.strftime("%Y-%m-%d %H:%M"), day(e.end)) for e in events] == [
        ("Fall 2025 grades visible in the student", "2025-12-23 00:00", dt.date(2025, 12, 23)),
        ("Tuition and fees due", "2026-01-05 17:00", dt.date(2026, 1, 5)),
        ("Residence halls open", "2026-01-10 09:00", dt.date(2026, 1, 10)),
        ("Census date", "2026-01-26 00:00", dt.date(2026, 1, 26)),
        ("Reading days", "2026-04-29 00:00", dt.date(2026, 4, 30))]


def test_a_bulleted_release_calendar_names_each_row_by_its_label():
    """● 1—6月规模以上工业企业利润　7月30日（星期二）: a bulleted row that ends with its date is an
    entry named by its label (reference period kept, figures' words no statistic); the list is not
    joined to the line that announces it, nor its last row to the 注： under it; 9月20日是第十五个
    “中国统计开放日” is named by the day's name."""
    text = ("现将2024年下半年部分统计数据发布时间公布如下：\n"
            "　　● 1—6月规模以上工业企业利润　7月30日（星期二）\n"
            "　　● 1—7月全市主要经济指标　8月16日（星期五）10:00\n"
            "　　注：以上时间如有调整，以本公众号公告为准。\n"
            "今年9月20日（星期五）是第十五个“中国统计开放日”。\n")
    events = extract_document(text, published=dt.date(2024, 7, 18), tz=TZ).events
    assert [(e.title, e.start.strftime("%m-%d %H:%M")) for e in events] == [
        ("1—6月规模以上工业企业利润", "07-30 00:00"), ("1—7月全市主要经济指标", "08-16 10:00"),
        ("“中国统计开放日”", "09-20 00:00")]


def test_reader_comments_under_a_post_are_no_part_of_it():
    """写留言 / 热门评论 / "4 Comments": what readers wrote under the story (作者回复：…10月7日当晚不安排演出,
    明天一早就去抢试乘名额) gives no entries; the story above still does."""
    text = ("国庆期间灯光秀于10月1日至6日每晚19:30上演。\n\n阅读 2.3万　　点赞 512\n\n写留言\n\n"
            "　　爱爬山的猫　　上海　　3小时前\n　　　　作者回复：10月7日当晚不安排演出哦～\n")
    events = extract_document(text, published=dt.date(2024, 9, 25), tz=TZ).events
    assert [(day(e.start), day(e.end)) for e in events] == [(dt.date(2024, 10, 1), dt.date(2024, 10, 6))]
    english = ("The book sale runs Saturday, January 11.\n\n4 Comments\n\nRay  ·  2 days ago\n"
               "Will you be open Friday, January 10?\n")
    events = extract_document(english, published=dt.date(2025, 1, 2), tz=ZoneInfo("America/New_York")).events
    assert [day(e.start) for e in events] == [dt.date(2025, 1, 11)]


def test_a_news_story_opening_with_its_named_day_and_a_wide_spaced_lecture_list():
    """将于本周六（5月18日）国际博物馆日当天开幕，展期至8月25日: 当天 after a named day is that day, so
    the show runs from its opening to 8月25日 (and 千年 in its name is no span of time); rows
    "5月25日（周六）　《…》　主讲：…" are entries named by their talk; 每场于举办前一周的周一上午10时
    开放预约 is a rule for each session, not a day."""
    text = ("“经纬千年——丝织品特展”将于本周六（5月18日）国际博物馆日当天开幕，展期至8月25日。\n"
            "5月25日（周六）　《从蚕桑到锦绣》　主讲：研究员 韩秋实\n"
            "6月15日（周六）　《楚锦纹样里的天地观》　主讲：教授 陆明川\n"
            "讲座免费预约，每场于举办前一周的周一上午10时开放预约。\n")
    events = extract_document(text, published=dt.date(2024, 5, 16), tz=TZ).events
    assert [(e.title, day(e.start), day(e.end)) for e in events] == [
        ("“经纬千年——丝织品特展”国际博物馆日开幕", dt.date(2024, 5, 18), dt.date(2024, 8, 25)),
        ("《从蚕桑到锦绣》", dt.date(2024, 5, 25), dt.date(2024, 5, 25)),
        ("《楚锦纹样里的天地观》", dt.date(2024, 6, 15), dt.date(2024, 6, 15))]


def test_a_numbered_release_table_with_columns_of_spaces():
    """序号  发布内容  数据期别  发布时间: a row's number is no label, its item is (its month, 1—11月,
    names the data and keeps it) with its column's word (发布时间: 发布), the 数据期别 column's month is no
    entry, and two columns' dates are
    never read as one (2025年1—11月    12月30日 is not 1 o'clock on the 30th)."""
    text = ("序号  发布内容                          数据期别        发布时间\n"
            "1     11月份全市主要经济指标            2025年11月      12月19日（周五）10:00\n"
            "2     1—11月规模以上工业企业效益        2025年1—11月    12月30日（周二）16:00\n")
    events = extract_document(text, published=dt.date(2025, 11, 20), tz=TZ).events
    assert [(e.title, e.start.strftime("%m-%d %H:%M")) for e in events] == [
        ("11月份全市主要经济指标发布", "12-19 10:00"), ("1—11月规模以上工业企业效益发布", "12-30 16:00")]


def test_a_dated_list_item_before_a_colon_is_named_by_its_label():
    """"- Monday, Jan. 19: Martin Luther King Jr. Day, schools closed.": the item's date is the entry
    and its label the name (the holiday inside it names that day, not its own year's); a later
    sentence on the line keeps its own date; "- February 2026 data: Friday, April 17" is no such
    item (its month names the data)."""
    text = ("KEY DATES\n- Monday, Jan. 19: Martin Luther King Jr. Day, schools closed.\n"
            "- Dec. 23 - Jan. 1: Winter recess. Classes resume Friday, Jan. 2.\n"
            "- Monday, Feb. 16: February break (Presidents' Day is Feb. 16).\n"
            "- February 2026 data: Friday, April 17\n")
    events = extract_document(text, published=dt.date(2025, 4, 16), tz=ZoneInfo("America/New_York")).events
    assert sorted((day(e.start), e.title) for e in events) == [
        (dt.date(2025, 12, 23), "Winter recess"), (dt.date(2026, 1, 2), "Classes resume"),
        (dt.date(2026, 1, 19), "Martin Luther King Jr. Day"), (dt.date(2026, 2, 16), "February break"),
        (dt.date(2026, 4, 17), "February 2026 data")]


def test_an_hour_said_once_for_a_list_of_days_is_each_days_hour():
    """系列讲座…均安排在周六下午2点30分…： over lines that each begin with a day: every line is
    at 14:30; a line with its own hour keeps it, and the first line that is not a dated row ends
    the list (its date keeps no borrowed hour)."""
    text = ("展览期间，博物馆同步推出系列讲座，共3场，均安排在周六下午2点30分，地点为报告厅：\n"
            "5月25日（周六）　《从蚕桑到锦绣》　主讲：研究员 韩秋实\n"
            "6月15日（周六）上午10时　《楚锦纹样里的天地观》　主讲：教授 陆明川\n"
            "7月13日（周六）　《一块锦衾的修复手记》　主讲：周玉芬\n"
            "此外，6月1日举办亲子体验活动。\n")
    events = extract_document(text, published=dt.date(2024, 5, 16), tz=TZ).events
    assert [(e.title[-6:], e.start.isoformat()[:16]) for e in events] == [
        ("蚕桑到锦绣》", "2024-05-25T14:30"), ("里的天地观》", "2024-06-15T10:00"),
        ("的修复手记》", "2024-07-13T14:30"), ("亲子体验活动", "2024-06-01")]


def test_a_list_intro_without_a_shared_hour_lends_none():
    """An intro whose hour is its own (于5月20日上午10时开通预约：) lends it to no line below."""
    text = ("首场讲座的预约将于5月20日上午10时开通，场次如下：\n"
            "5月25日（周六）　《从蚕桑到锦绣》\n")
    events = extract_document(text, published=dt.date(2024, 5, 16), tz=TZ).events
    assert [(e.title, e.all_day) for e in events if e.start == dt.date(2024, 5, 25)] == [("《从蚕桑到锦绣》", True)]


def test_an_hour_in_a_later_clause_or_sentence_is_the_hour_of_the_days_before_it():
    """在10月2日、10月5日举办两场专家讲座，时间均为下午2时30分: both days at 14:30 (每日演出时间为…
    is daily hours and gives none); "… on Saturday, March 21. The session starts at 10 a.m.": that
    day at 10; "three public workshops: next Tuesday, March 17, at …; Thursday, March 26, at …; and
    Thursday, April 2, at …. All three sessions begin at 6:30 p.m.": one run-in list, every day at
    6:30 p.m., named by the list's verb."""
    text = "特展期间，博物馆还将在10月2日、10月5日举办两场专家讲座，时间均为下午2时30分，每场限150人。\n"
    events = extract_document(text, published=dt.date(2025, 9, 26), tz=TZ).events
    assert [(e.title, e.start.isoformat()[:16]) for e in events] == [
        ("博物馆还举办两场专家讲座", "2025-10-02T14:30"), ("博物馆还举办两场专家讲座", "2025-10-05T14:30")]
    daily = extract_document("音乐节将于5月17日、18日在湿地公园举行，每日演出时间为15:00至22:00。\n",
                             published=dt.date(2025, 5, 15), tz=TZ).events
    assert [(day(e.start), day(e.end), e.all_day) for e in daily] == [(dt.date(2025, 5, 17), dt.date(2025, 5, 18), True)]
    text = ('The county is rewriting its plan, "Conover 2045." The Planning Commission will hold three public '
            "workshops: next Tuesday, March 17, at the Township Building; Thursday, March 26, at the Library; and "
            "Thursday, April 2, at East Tarver School. All three sessions begin at 6:30 p.m. and run about two hours.\n\n"
            'The library will host "Reading the Census," a free session, on Saturday, March 21. The session starts '
            "at 10 a.m.; registration is required.\n")
    events = extract_document(text, published=dt.date(2026, 3, 13), tz=ZoneInfo("America/New_York")).events
    assert [e.start.isoformat()[:16] for e in events] == [
        "2026-03-17T18:30", "2026-03-26T18:30", "2026-04-02T18:30", "2026-03-21T10:00"]
    assert all(e.title.startswith("Planning Commission will hold") for e in events[:3])


def test_a_duration_of_minutes_does_not_stretch_a_deadline():
    """"… an online survey, which closes at 11:59 p.m. on Tuesday, March 31. The survey takes about 10
    minutes": the deadline stays 23:59 on the 31st."""
    text = ("Residents can fill out an online survey, which closes at 11:59 p.m. on Tuesday, March 31. "
            "The survey takes about 10 minutes.\n")
    events = extract_document(text, published=dt.date(2026, 3, 13), tz=ZoneInfo("America/New_York")).events
    assert [(e.kind, e.start.isoformat()[:16], e.end.isoformat()[:16]) for e in events] == [
        ("deadline", "2026-03-31T23:59", "2026-03-31T23:59")]


def test_a_teaching_week_table_with_a_weekday_column():
    """周次 | 日期 | 星期 | 工作安排 aligned by spaces, under a title past the site's menu: each row is its
    date named by its last column (not the weekday column, nor 执行星期三课表 as a day of its own); 第5—6周
    labels its row too; January rows fall in the school year's second year; "休业式，1月24日起放寒假"
    is two entries; the week key (本学期第1周为9月1日至9月7日) is none."""
    text = ("学校首页 | 通知公告\n\n关于2025—2026学年第一学期校历安排的通知\n\n"
            "（本学期第1周为9月1日至9月7日，全学期共21周）\n"
            "周次      日期                  星期        工作安排\n"
            "第4周     9月28日               星期日      正常上课（执行星期三课表）\n"
            "第5—6周   10月1日至8日          星期三至星期三  国庆节、中秋节放假，共8天\n"
            "第18周    1月1日至3日           星期四至星期六  元旦放假，共3天\n"
            "第21周    1月23日               星期五      休业式，1月24日起放寒假\n")
    events = extract_document(text, published=dt.date(2025, 8, 22), tz=TZ).events
    assert [(e.title, day(e.start), e.end and day(e.end)) for e in events] == [
        ("正常上课（执行星期三课表）", dt.date(2025, 9, 28), dt.date(2025, 9, 28)),
        ("国庆节、中秋节放假", dt.date(2025, 10, 1), dt.date(2025, 10, 8)),
        ("元旦放假", dt.date(2026, 1, 1), dt.date(2026, 1, 3)),
        ("休业式", dt.date(2026, 1, 23), dt.date(2026, 1, 23)),
        ("放寒假", dt.date(2026, 1, 24), None)]


def test_a_term_dates_table_between_edge_bars():
    """| Term | Starts | Half term | Ends |: the bars at a row's edges open no cells, so "Autumn 2026"
    labels its row; every date cell is an entry named by the label and its column; a half term's
    span is its own, not run on to the term's end."""
    text = ("Term dates 2026 to 2027\n\n| Term | Starts | Half term | Ends |\n"
            "| Autumn 2026 | Thursday 3 September 2026 | Monday 26 October to Friday 30 October 2026 | Friday 18 December 2026 |\n")
    events = extract_document(text, published=dt.date(2026, 1, 14), tz=ZoneInfo("Europe/London")).events
    assert [(e.title, day(e.start), day(e.end)) for e in events] == [
        ("Autumn 2026 Starts", dt.date(2026, 9, 3), dt.date(2026, 9, 3)),
        ("Autumn 2026 Half term", dt.date(2026, 10, 26), dt.date(2026, 10, 30)),
        ("Autumn 2026 Ends", dt.date(2026, 12, 18), dt.date(2026, 12, 18))]


def test_a_spaced_table_lines_up_by_display_width_and_its_original_column_gives_way():
    """事项 / 原定时间 / 调整后时间 laid out with spaces for the eye (a Chinese character is two columns
    wide): the heading is a row of the table, not joined to the first row, and a date under 原定时间
    is no longer the date."""
    text = ("二、重要时间节点（已调整）\n\n"
            "事项                    原定时间              调整后时间\n"
            "论文摘要提交截止        9月15日               9月30日\n"
            "酒店协议价预订截止      10月8日               11月8日\n")
    events = extract_document(text, published=dt.date(2024, 8, 30), tz=TZ).events
    assert [(e.title, day(e.start)) for e in events] == [
        ("论文摘要提交截止", dt.date(2024, 9, 30)), ("酒店协议价预订截止", dt.date(2024, 11, 8))]


def test_a_story_about_a_yearly_report_keeps_the_present_year():
    """"《2024年…统计公报》发布" over a story published 2025-03-28 is news of the report, not the report:
    its 3月27日 and 4月4日至6日 are this year's (a report itself would date them in 2024); and 活动定于
    5月16日举办，…报名截止时间为5月9日: the 16th is the event, the 9th the deadline."""
    text = ("《2024年河西区国民经济和社会发展统计公报》发布\n\n"
            "3月27日，区统计局发布《2024年河西区国民经济和社会发展统计公报》。\n"
            "今年的“统计开放日”活动定于5月16日（星期五）举办，将邀请30名市民代表参加，报名截止时间为5月9日。"
            "清明节假期（4月4日至6日）期间，区统计局数据查询窗口暂停服务。\n")
    events = extract_document(text, published=dt.date(2025, 3, 28), tz=TZ).events
    assert sorted((day(e.start), e.kind) for e in events) == [
        (dt.date(2025, 3, 27), "announcement"), (dt.date(2025, 4, 4), "period"),
        (dt.date(2025, 5, 9), "deadline"), (dt.date(2025, 5, 16), "event")]


def test_a_headlines_holiday_yields_to_the_sentence_that_dates_it():
    """重要提醒｜2026年春节假期营业安排来啦！ over 2026年春节放假时间为2月15日至23日: one period, its
    evidence and title from the dated sentence."""
    text = ("岚川农商银行\n2026-02-06 17:30 发表于湖南\n\n重要提醒｜2026年春节假期营业安排来啦！\n\n"
            "根据国务院办公厅通知，2026年春节放假时间为2月15日（星期日）至23日（星期一），共9天。\n")
    events = extract_document(text, published=dt.date(2026, 2, 6), tz=TZ).events
    assert [(e.title, day(e.start), day(e.end), e.evidence.startswith("根据")) for e in events] == [
        ("春节放假", dt.date(2026, 2, 15), dt.date(2026, 2, 23), True)]


def test_a_thing_set_for_a_date_is_an_entry():
    """初中、高中期末质量监测安排在2026年1月20日至22日，由市教育局统一组织: what is set (安排在/定于) for the
    dates is the entry, named without the verb."""
    text = "期中考试由各校自行安排。初中、高中期末质量监测安排在2026年1月20日至22日，由市教育局统一组织。\n"
    events = extract_document(text, published=dt.date(2025, 8, 20), tz=TZ).events
    assert [(e.title, day(e.start), day(e.end)) for e in events] == [
        ("初中、高中期末质量监测", dt.date(2026, 1, 20), dt.date(2026, 1, 22))]


def test_a_holiday_week_post_reopens_after_its_closure_and_reads_slash_ranges():
    """Published on a Monday: "CLOSED Thursday, Nov. 27, and Friday, Nov. 28 … Offices reopen Monday at 8
    a.m." is the Monday after the closure, not the day of the post; "free 11/27-11/30" is four days;
    "the tree lighting has been moved to Friday, Dec. 5, at 6 p.m." is named "Tree lighting"."""
    text = ("City Hall and all City offices will be CLOSED Thursday, Nov. 27, and Friday, Nov. 28, for the "
            "Thanksgiving holiday. Offices reopen Monday at 8 a.m.\n\n"
            "DOWNTOWN PARKING\nMeters downtown are free 11/27-11/30.\n\n"
            "Mark your calendars: the tree lighting has been moved to Friday, Dec. 5, at 6 p.m.\n")
    events = extract_document(text, published=dt.date(2025, 11, 24), tz=ZoneInfo("America/New_York")).events
    got = {e.title: (e.start.isoformat()[:16], e.end and e.end.isoformat()[:10]) for e in events}
    assert got["Offices reopen"] == ("2025-12-01T08:00", "2025-12-01")
    assert got["Meters downtown are free"] == ("2025-11-27", "2025-11-30")
    assert got["Tree lighting"] == ("2025-12-05T18:00", "2025-12-05")


def test_a_field_of_exam_slots_gives_no_hour_and_no_entry():
    """4. …全校考试安排表于12月19日在教务系统公布。 / 5. 考试场次时间：上午8:30-10:30，下午14:00-16:00: the slots
    of every exam day are no entries, and lend no hour to the day before them."""
    text = ("4. 全校考试安排表于12月19日在教务系统公布。\n"
            "5. 考试场次时间：上午8:30-10:30，下午14:00-16:00，晚上18:30-20:30，考生须提前15分钟入场。\n")
    events = extract_document(text, published=dt.date(2025, 12, 5), tz=TZ).events
    assert [(e.start, e.all_day) for e in events] == [(dt.date(2025, 12, 19), True)]


def test_an_exhibitions_field_lines_keep_its_run_named_by_the_show():
    """“纸寿千年——古籍修复成果展”将于12月23日与读者见面 / 展览信息 / 展期：二〇二五年十二月二十三日至二〇
    二六年三月十五日 / 开幕式：12月23日上午10:00: the 展期 field is no headline restated by the opening,
    and the run is named by the show named above, not by the heading."""
    text = ("展讯 | 古籍修复成果展下周二开展\n\n"
            "由我馆主办的“纸寿千年——古籍修复成果展”将于12月23日（下周二）在总馆三楼古籍展厅与读者见面。\n\n"
            "展览信息\n展期：二〇二五年十二月二十三日至二〇二六年三月十五日\n"
            "开幕式：12月23日上午10:00（总馆一楼报告厅）\n")
    events = extract_document(text, published=dt.date(2025, 12, 19), tz=TZ).events
    runs = [(e.title, day(e.start), day(e.end)) for e in events if e.end and day(e.end) > day(e.start)]
    assert runs == [("“纸寿千年——古籍修复成果展”", dt.date(2025, 12, 23), dt.date(2026, 3, 15))]


def test_numeric_dates_follow_the_documents_place():
    """"… will be held on 7/4 at 10.30am" is 7 April in Melbourne or London and July 4 in Denver."""
    text = "The Lego Builders Challenge will be held at the library on 7/4 at 10.30am.\n"
    au = extract_document(text, published=dt.date(2026, 3, 23), tz=ZoneInfo("Australia/Melbourne")).events
    us = extract_document(text, published=dt.date(2026, 3, 23), tz=ZoneInfo("America/Denver")).events
    assert [day(e.start) for e in au] == [dt.date(2026, 4, 7)]
    assert [day(e.start) for e in us] == [dt.date(2026, 7, 4)]


def test_a_bilingual_notice_gives_each_happening_once():
    """A Chinese notice followed by its English version: the annual dinner moved to 2月10日 18:30 and
    "moved to 18:30 on Tuesday, Feb. 10" are one entry, named in Chinese as first said."""
    text = ("三、迎春年会\n公司2026年迎春年会原定2月12日（周四）晚举行，因场地调整提前至2月10日（周二）晚18:30。\n\n"
            "3. Spring Gala\nThe company's 2026 Spring Gala, originally planned for Thursday, Feb. 12, has been moved "
            "to Tuesday, Feb. 10 at 18:30.\n")
    events = extract_document(text, published=dt.date(2026, 2, 6), tz=TZ).events
    assert [(e.start.isoformat()[:16], bool(re.search(r"[\u4e00-\u9fff]", e.title))) for e in events] == [
        ("2026-02-10T18:30", True)]


def test_days_in_brackets_after_a_before_name_those_days():
    """春节前（2月9日至13日），各网点设新钞兑换专柜: the bracket names the days before the holiday, an
    entry of its own (while 请于1月5日前将春节期间值班安排报送 keeps the holiday as the roster's name)."""
    text = "三、新钞兑换\n春节前（2月9日至13日），各网点设新钞兑换专柜，每人每次限兑1000元。\n"
    events = extract_document(text, published=dt.date(2026, 2, 6), tz=TZ).events
    assert [(day(e.start), day(e.end)) for e in events] == [(dt.date(2026, 2, 9), dt.date(2026, 2, 13))]
