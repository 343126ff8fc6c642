"""From a document to calendar events: which time expressions anchor a happening, what to call
it, what kind it is, and one event per happening.

Pure: text + publication date + zone in, `Event`s out (no I/O, no clock).
"""
from __future__ import annotations

import bisect
import calendar
import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from zoneinfo import ZoneInfo

from calfeed.errors import CalfeedError
from calfeed.extract.cues import (
    ANNOUNCE,
    CLOCK_ONLY,
    COMPLETION,
    DURATION_LEAD,
    EN_TRIM,
    ENDING,
    ENUMERATION,
    FORWARD_LEAD,
    HAN,
    HOLY_DAY,
    IMMEDIATELY,
    META_SENTENCE,
    NAMED_AFTER,
    NAMED_DAY,
    NAMED_TIME,
    NEGATED,
    REPORTER,
    REVISION,
    RULE_WORDS,
    RUNS_UNTIL,
    STANDING_RULE,
    STATISTIC,
    SUBJECT_PRONOUN,
    TIME_LABEL,
    TRIGGER,
)
from calfeed.extract.doc_years import in_report_year, in_school_year, school_year, subject_year
from calfeed.extract.drafts import (
    Draft,
    add_duration,
    clause_end_at,
    clause_tail,
    clean_title,
    day_of,
    extend_draft,
    on_day,
    shorten,
    similar,
    time_only,
)
from calfeed.extract.merging import (
    apply_revisions,
    closed_until_reopening,
    continue_until,
    drop_restated_headlines,
    drop_retold_days,
    drop_subjectless_restatements,
    join_consecutive,
    merge_drafts,
    one_per_verb,
    pair_open_close,
    precise_first,
    runs_through,
)
from calfeed.extract.published import find_published
from calfeed.extract.text import (
    BYLINE,
    CREDIT_LINE,
    DATELINE,
    FIELD_LABEL,
    LEADER,
    LEADER_AHEAD,
    LISTING_ROW,
    SPACE_GAP,
    TABLE_BARS,
    WEEK_ROW,
    Prepared,
    comments_start,
    prepare,
    spaced_cells,
    spaced_table_row,
    strip_html,
    title_case,
)
from calfeed.extract.timex import find_timexes
from calfeed.extract.types import Event, Timex
from calfeed.extract.weeks import calibrate_weeks

_PRINT_LINE = re.compile(r"\s*(?:[\u4e00-\u9fff（）()]{2,30}[\s\u3000]+)?\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*(?:印发|签发|发布|发)\s*"
                         r"|\s*[（(][^（()）]{0,12}\d{4}\s*年[^（()）]{0,30}(?:发布|刊发|刊登|转载|首发)[^（()）]{0,6}[)）]\s*")
_WIDE_GAP = r"[ \t]*\u3000[\u3000 \t]*"  # 第3周　 9.11—9.15　　9月14日…: full-width spaces part the columns of a text table
_CELLS = re.compile(rf"[｜|]\s*\S.*?[｜|]|[｜|]\s*\S|\S\s*(?:{LEADER})\s*\S|{WEEK_ROW.pattern}", re.M)  # 2021年1月1日—3日｜元旦放假｜: a table row, not a dateline
_LEADER_GAP = re.compile(rf"(?:{LEADER_AHEAD.pattern}|[^\n]*?\S \.{{3}})\s*")  # the label cell's end, the leader, the date
# cell (a gap's three dots end at the date, which the leader's look-ahead cannot see from inside the gap)
_ROW_LABEL_END = re.compile(r"\s+[-–—]\s+|\s*;\s*|\s*\((?:noon|midnight|\d{1,2}(?::\d\d)?\s*(?:[ap]\.?m\.?|noon))[^()]*\)", re.I)
_ZH_FIELD = re.compile(rf"{FIELD_LABEL}\s*")  # 主讲人：…, 地点：…: one field of an item's block
_CODES = re.compile(r"\b[A-Za-z]+-?\d+\b|#\d+|\bNo\.\s*\d+|第\d+[期届次讲]|(?<=[A-Za-z] )(?:19|20)\d\d\b(?!\s*[-–/.])")  # Booth B14,
# Gallery #2, Small Works 2025: names, not dates
_NO_LONGER = re.compile(r"[^，。；,;]{0,6}?(?:不再|停止|暂停)(?:受理|办理|接受|预约|报名|售票|接收)")
_CONFIRMING = re.compile(r"[（(](?:均为|均是|都是|皆为|即)?$")  # （均为周六）: a weekday that confirms the dates before it
_OPEN_BRACKET = re.compile(r"[（(][^）)]*$")  # … (rain date: Sunday, August 17): a note inside brackets
_SUPERSEDED_LEAD = re.compile(r"(?:(?<![按依照仍])(?:原定|原计划|原执行|原本|原先)(?:的|于|在|是|为)?|\boriginal(?:ly)?"
                              r"(?:\s+(?:start\s+|end\s+|opening\s+)?date\s+of|\s+(?:set|scheduled|planned|slated|due)(?:\s+(?:for|on))?)?)"
                              r"\s*$", re.I)
_CANCELLED_AFTER = re.compile(r"[^.;:]{0,6}?\)?,?\s+(?:is|are|has\s+been|have\s+been|was|were)\s+(?:cancell?ed|called\s+off)\b"
                              r"(?!\s+(?:on|from|through|until|between|for|at)\b)", re.I)
_ATTRIBUTIVE_NOUN = re.compile(r"\s+(?P<what>[a-z][a-z-]+(?:\s+[a-z][a-z-]+){0,2}?)"
                               r"(?=\s*[;,.)]|\s*$|\s+(?:at|in|on|for|is|are|will|was|were|has|had|and|or)\b)")
_CELL_SEP = re.compile(rf"[｜|]|{LEADER}|(?<=\S){_WIDE_GAP}(?=\S)")
_CLOCK_CELL = re.compile(r"\s*\d{1,2}(?:[:.]\d\d)?\s*(?:[AaPp]\.?[Mm]\.?)?(?:\s*[-–—至~]\s*\d{1,2}(?:[:.]\d\d)?\s*(?:[AaPp]\.?[Mm]\.?)?)?"
                         r"(?:\s*(?:ET|CT|MT|PT|EST|EDT|CST|CDT|PST|PDT|GMT|UTC))?\s*")  # 6:30 PM, 9:00—11:30, 10.30am
_HOUR = r"\d{1,2}(?::\d\d)?\s*(?:[AaPp]\.?[Mm]\.?)?|noon|midnight"
_HOURS_CELL = re.compile(  # 11:00 a.m. & 2:00 p.m., 10:00 a.m. - noon, 6:30 p.m.: a row's hours, no name
    rf"\s*(?:{_HOUR})(?:\s*(?:[-–—~&,/]|and|to)\s*(?:{_HOUR}))*\s*", re.I)
_CALLED_OFF_CELL = re.compile(r"\s*(?:POSTPONED|CANCELL?ED|CALLED\s+OFF|已取消|取消|延期|改期)\s*", re.I)
_LIVE_STATUS = re.compile(r"(?:^|[·|])\s*(?:Open|Closed)\s+$", re.I)  # Open tomorrow 10 AM - 5 PM
_EVERY_WEEKDAY = re.compile(r"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)days\s+(?:from\s+|at\s+)?$", re.I)  # Thursdays until 8 p.m.
_BULLET_ROW = re.compile(r"[ \t\u3000]*[●•▪◆■◇○](?P<label>[^\n]{2,40}?)(?:[ \t]{2,}|[ \t]*\u3000[ \t\u3000]*)")
_ROW_TAIL = re.compile(r"\s*(?:[（(][^（()）\n]{1,16}[)）])?\s*(?:\d{1,2}[:：]\d\d(?:\s*[-—–~至]\s*\d{1,2}[:：]\d\d)?)?\s*")
_DATED_COLON_ITEM = re.compile(  # - Nov. 26-28: Thanksgiving recess.: a dated list item, its date before the colon
    r"[ \t]*[-•*][ \t]+(?P<date>(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,?\s+)?(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
    r"[a-z]*\.?\s+\d{1,2}(?!\d)[^:\n]{0,40}?):[ \t]+(?P<label>[A-Z][^\n]*?)(?=\s*[;(]|(?<!\bJr)(?<!\bSr)(?<!\bSt)(?<!\bDr)\.(?:\s|$)|,\s+[a-z]|,\s+(?:\d|[A-Z][a-z]+\s+\d)|\s*$)"
    r"(?P<rest>[^\n]*?(?:(?<!\bJr)(?<!\bSr)(?<!\bSt)(?<!\bDr)\.(?=\s|$)|$))",
    re.M)
_TIMETABLE = re.compile(r"首班|末班|发车|班次|First\s+(?:train|bus)|Last\s+(?:train|bus)|Departs?", re.I)
_ROSTER = re.compile(r"值班|带班|On[- ]call|On duty", re.I)
_END_COLUMN = re.compile(r"恢复|结束|截止|止|Ends?\b|Until|To\b", re.I)  # 停气时间 | 预计恢复供气时间
_WEEK_CELL = re.compile(r"第?\s*\d{1,2}(?:\s*[—–-]\s*\d{1,2})?\s*周|Week\s+\d{1,2}", re.I)  # 第1周, 第19—20周
_ITEM_BEFORE_DATE = re.compile(r"(?:^|[；;、，,]\s*)(?P<item>[^；;、，,（(|｜]{2,30})[（(]\s*$")  # 一年级家长会（2月27日…
_CELL_HINT = re.compile(r"[｜|…]|\.\s?\.|··|[周）)\d时分][ \t]*\u3000")
_SCHEDULE_WORD = re.compile(r"\b(?:schedule|agenda|program(?:me)?|itinerary|timetable|lineup|order\s+of\s+events)\b|日程|议程|流程|安排|时间表", re.I)
_HOLIDAY_KINDS = re.compile(r"(?:[、和及与]\s*[\u4e00-\u9fff]{1,5})*\s*等(?:重点|重要|传统|法定|主要)?(?:时段|时期|节日|节假日|假日|假期|节点)")
_EN_DATELINE = re.compile(r"^\s*[A-Z][A-Z .'-]{2,30}(?:,\s*[A-Z][A-Za-z. ]{1,20})?\s*[—–-]{1,2}\s*")  # PORTLAND, Maine —
_HOLIDAY_VERB = re.compile(r"放假调休|放假|调休|上班|上课|调休上班|调休上课|补课|补班|休息|为?调休工作日|为?调休上班日")
_HOLIDAY_NAMES = re.compile(r"(?:元旦|春节|清明节?|劳动节|五一|端午节?|中秋节?|国庆节?)(?:、(?:元旦|春节|清明节?|劳动节|五一|端午节?|中秋节?|国庆节?))*")
_SAME_KIND = {"比赛": "比赛|赛事|开跑|鸣枪|开赛", "赛事": "比赛|赛事|开跑|鸣枪|开赛", "考试": "考试|开考", "开幕": "开幕"}
_PROCLAIMED = re.compile(r",?\s+as\s+(?:(?P<what>[A-Z][\w'’ -]{2,40}?)(?=\s+in\b|\s*[.,;]|$)"
                         r"|the\s+(?P<day>[a-z][\w -]{0,30}?\b(?:date|day|deadline))\b)")  # …, as the record date
_TAKES_PLACE = re.compile(r"\s+(?:will\s+take\s+place|takes\s+place|will\s+be\s+held|is\s+scheduled|are\s+scheduled)\b")
_FOR_DATED = re.compile(r"\s+for\s+(?:the\s+|a\s+|an\s+)?(?P<what>[\w' -]{3,40}?)\s+on\s*$")
_PREDICATE = re.compile(r"\s+(?:is|are|was|were|will|has|have|opens?|runs?)\b")
_RELATIVE = re.compile(r",\s*(?:which|who|originally|previously|initially|formerly)\b(?:[^,;]|,(?=\d))*,")  # , which opened in 1958 and served 210,000,
_APPLY_LEAD = re.compile(r"(?:报名|申请|征集|预约|投稿|招募|征稿|申报|登记|提交|缴费)(?:工作|时间|日期)?\s*[：:]?\s*$")
_DURING = re.compile(r"(?P<what>[\u4e00-\u9fff]{2,4}?)(?<!放假)(?<!假期)期间")
_DURING_MEASURE = re.compile(r"交通管制|封闭|限行|禁行|绕行|停运|改道|接驳|停止通行")
_ITEM_LABEL = re.compile(r"[ \t]*[*•·▪‣-][ \t]*(?P<label>[A-Z][\w'’&.-]*(?:[ \t]+[\w'’&.-]+){0,5}):[ \t]+(?=\S)")  # - Bark in the Park: …
_QUOTED_LABEL = re.compile(r"[ \t]*[\"“](?P<label>[^\"“”\n]{2,40})[\"”](?:[ \t]+[A-Z0-9][\w'’]*){0,3}(?:[ \t]*\([^)\n]{1,30}\))?"
                           r"[ \t]*(?:[—–]|--|:)[ \t]+(?=\S)")  # "The Long Table" (docuseries) — Chef Amara …
_NOT_A_LABEL = re.compile(r"(?:please\s+)?(?:note|notes|reminders?|update|updated|important|attention|also|plus|bonus|new|details|"
                          r"info|more\s+info|contact|cost|costs?|price|fees?|location|where|when|time|dates?|tip|photo|"
                          r"editor'?s\s+note|q|a|question|answer|summary|background|why|what|who|how)", re.I)
_QUOTED = re.compile(r"[\"“](?P<name>[^\"“”]{1,80}?)[,.]?[\"”]")  # a quoted name
_WEATHER_TALK = re.compile(  # a sentence whose subject is the weather itself
    r"\W*(?:(?:the|a|an|very|heavy|light|scattered|another|fast-moving|slow-moving|arctic|cold|warm|dry|wet|hazardous|"
    r"overnight|daytime|lake[- ]effect|blowing|drifting|freezing|behind\s+the\s+system,?|with|[a-z]+est)\s+)*"
    r"(?:snow|rain|showers?|sleet|flurries|storms?|temperatures?|highs?|lows?|wind\s+chills?|winds?|gusts?|air|"
    r"low\s+pressure|high\s+pressure|system|front|conditions|skies|fog|heat|humidity|accumulations?|precipitation|"
    r"thunderstorms?|mix)\b", re.I)
_WEATHER_ACTION = re.compile(r"warning|advisory|watch\b|emergency|\bban\b|closed|closing|cancel|postpone|"
                             r"delay|shelter|evacuat", re.I)
_MONTH_AS_MODIFIER = re.compile(r"\s+(?:graduat\w*|commencement|issue|edition|newsletter|bill|statement|payroll|"
                                r"cohort|class|intake|term|session|primary|sitting|exams?|board\s+meeting)\b")
_TERM_NOUN = re.compile(r"\s+(?:semester|term|quarter|session|classes|courses?|catalog|guide|schedule|program(?:me)?s?|"
                        r"issue|edition|season|cohort|class|intake|enrollment|registration)\b", re.I)
_EXPLICIT_DAY = re.compile(r"\d|[正腊冬一二三四五六七八九十]月|初[一二三四五六七八九十]")  # 6月1日, 正月初一: not 春节期间
_ONGOING = re.compile(r"(?:^|[，,。；;]\s*)(?:此外，|同时，)?(?P<what>[^，,。；;]{4,30}?)(?:工作|活动)?(?:正在|正)(?:进行|开展|推进)(?:中|之中)?[，,]")
_LIST_ITEM = re.compile(r"[（(][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}[、.．]|\d{1,2}[.、．)]|[-•*·●■]\s|"
                        r"(?:周|星期)[一二三四五六日天]|(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\b")
_WEEKLY_HEADING = re.compile(r"每周|周[一二三四五六日]至周[一二三四五六日]|(?:开放|门诊|接种|服务|营业|办公|办理|作息)时间|"
                             r"\b(?:weekly|regular|office|opening|clinic|library|branch)\s+(?:schedule|hours)\b|^hours\b", re.I)
_DAILY_HOURS = re.compile(r"BYHOUR=(\d+);BYMINUTE=(\d+)(?:;UNTIL-TIME=(\d\d)(\d\d))?")  # a daily set's from (and until)
# a list's lead line ends in a colon; its hour is shared when said of them all (均/统一, all/each … at)
_LIST_INTRO_END = re.compile(r"[：:]\s*(?:\n|$)")
_SHARED_HOUR_LEAD = re.compile(r"(?:均|统一|都|一律)(?:安排|定|设)?(?:在|于|为)?\s*$|"
                               r"\b(?:all|each)\b[^.;:]{0,40}\b(?:at|begins?\s+at|starts?\s+at)\s+$", re.I)
_LINE_LEAD = re.compile(r"\s*(?:[-•*·●■]\s*|\d{1,2}[.、．)]\s*|[（(][一二三四五六七八九十\d]{1,3}[)）]\s*)?")
_TIME_IS = r"[\u4e00-\u9fff]{0,6}时间(?P<all_zh>均|都|统一)?(?:为|是|：|:)"  # (活动)时间(均)为: the hour that follows
_HOUR_CLAUSE = re.compile(rf"\s*(?:{_TIME_IS}|(?:均|都|统一)(?:定|安排)?(?:于|在|为))\s*")
_HOURS_LABEL = re.compile(r"开放|营业|办公|服务|接待|咨询|受理|作息|运营|门诊")
_HOUR_SENTENCE = re.compile(  # The session starts at 10 a.m.; All three sessions begin at 6:30 p.m.; 时间均为下午2时
    r"\s*(?:(?P<all>All\b|Each\b|Both\b|均|都)?[^.;:!?。；]{0,40}?\b(?:starts?|begins?|runs?|kicks?\s+off|gets?\s+under\s*way|"
    r"will\s+(?:start|begin|run|kick\s+off)|(?:is|are)\s+(?:set|scheduled|slated)\s+(?:to\s+(?:start|begin)\s+)?(?:for\s+)?)"
    rf"\s*(?:at|from)?|{_TIME_IS})\s*", re.I)
_WEEKDAY_CELL = re.compile(r"\s*(?:周|星期)[一二三四五六日天](?:\s*[、至到—~-]\s*(?:周|星期)?[一二三四五六日天])*\s*"
                           r"|\s*(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?\s*", re.I)
_SUPERSEDED_HEAD = re.compile(r"原定|原计划|原时间|调整前|\b(?:original|previous|old)\b|\bwas\b", re.I)  # a column of dates replaced
_SCHEDULED_AT = re.compile(r"[\u4e00-\u9fff]{2}(?:安排|定|放|确定|预定)(?:在|于)(?=[^，。]?$)")  # …安排在|定于 + the date
_REOPENS = re.compile(r"\b(?:re-?opens?|resumes?|returns?|back\s+open)\s+(?:on\s+)?$|(?:恢复|重新开放|恢复开放|照常)[^，。]{0,4}$", re.I)
_QUOTED_SHOW = re.compile(r"“[^“”\n]{2,40}?(?:展|展览)”")
_LIST_CONNECTIVE = re.compile(r"\s*(?:and|or|then|next|this|plus)?\s*", re.I)  # what precedes a run-in list's date
_MARKER_ONLY = re.compile(r"\s*(?:[（(][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十\d]{1,3}[、.．])\s*[。；;]?\s*")
_ANNOUNCED_THAT = re.compile(r"^.*?\b(?:announced|said|reported|confirmed)\s+(?:today\s+|on\s+\w+\s+)?that\s+"
                             r"(?!(?:they|it|he|she|we|you|this|these|those)\b)", re.I)
_ANNOUNCED = re.compile(r"\s*(?:announced|said|reported|released|unveiled|launched)\b", re.I)
_PAREN_DATELINE = re.compile(r"\s*[A-Z][A-Z .'-]{2,30}(?:,\s*[A-Z][A-Za-z. ]{1,20})?\s*[(（]\s*$")
_ABBREVIATION = re.compile(r"\b(?:vs|St|Dr|No|Ave|Mt|Jr|Sr|Co|Inc|approx)\.")
_REPORTING = re.compile(r"(?:表示|介绍|指出|透露|说|称|认为|强调|获悉|了解到)$")
_PLANNED = re.compile(r"\s*(?:计划|预计|拟|力争|争取|有望|预期|确保)")  # a clause whose subject is the sentence's
_CONNECTIVE = re.compile(r"\s*(?:(?:此外|另外|同时|其中|据悉|据了解|据介绍|目前|记者[^，,。]{0,12}?(?:了解到|获悉))[，,]?)?\s*")
# the heading of a list of links to other articles: their dates are those articles' days
_LINK_LIST = re.compile(r"相关(?:链接|阅读|文件|新闻|报道)|延伸阅读|推荐阅读|往期(?:推荐|回顾|精彩)|热门推荐|猜你喜欢"
                        r"|\b(?:Related|More)\s+(?:links|stories|news|articles|coverage)\b|\bYou may also like\b"
                        r"|^[ \t]*(?:Related|See also|Recent (?:news|posts|stories)|(?:Other|More) news\b[^\n]{0,40})[ \t:]*$", re.I | re.M)
_RUNS_ON_LEAD = re.compile(rf"\s*(?:展览|该展|本展|本次展览|此次展览|活动|该活动|本次活动)?{RUNS_UNTIL}\s*")
_ORIGINALLY = re.compile(r"\s*(?:[-•*]\s*)?(?:[A-Z][A-Z ]{3,40}:\s*)?(?:The\s+)?(?P<what>[^,;.:]{3,60}?)"
                         r"(?:,|\s+that\s+was|\s+which\s+was)?\s+(?:originally|initially|first|previously)\s+"
                         r"(?:set|scheduled|planned|slated|announced|called)\b")  # NOTICE OF POSTPONEMENT: The … originally called for
_RELATIVE_WINDOW = re.compile(r"(?:within|in)\s+(?:the\s+(?:next|last|past)\s+)?(?:\d+|a|an|one|two|three|four|five|six|"
                              r"seven|eight|nine|ten|several|a\s+few)\s+(?:business\s+|calendar\s+|working\s+)?"
                              r"(?:days?|weeks?|months?|hours?)\b|the\s+(?:last|past)\s+(?:\d+|two|three|four|five|six|"
                              r"seven|eight|nine|ten|several|few)\s+(?:days|weeks|months)\b", re.I)
_ZH_MARKER = r"\s*(?:[（(]?[一二三四五六七八九十\d]{1,2}[)）.．、]\s*)?"  # 5. / （一）: an item's number, if any
_HOURS_FIELD = re.compile(rf"{_ZH_MARKER}[\u4e00-\u9fff]{{2,10}}时间[：:]")  # a field of hours, no day named
_ZH_ITEM_LABEL = re.compile(rf"{_ZH_MARKER}(?P<x>[\u4e00-\u9fff“”]{{2,12}})[：:]")
_ZH_TIME_LABEL = re.compile(rf"{_ZH_MARKER}(?P<what>[\u4e00-\u9fff]{{2,8}}?)(?:时间|日期)[：:]")
_GENERIC_HAPPENING = re.compile(r"比赛|赛事|活动|演出|展览|会议|大会|开放|举办")
_NOT_A_ZH_LABEL = re.compile(r"时间|日期|地点|注|说明|提示|电话|咨询|方式|对象|范围|要求|通知|根据|其中|答|问")
_FORBIDDEN = re.compile(r"(?:不得|严禁|禁止|不准|不要|切勿|请勿)[^，。；,;：:]{0,8}$")  # 不得擅自提前放假: a rule, no happening
_QUOTED_MODIFIER = re.compile(r"[^“”，。]{0,6}”的")  # 首个“除夕放假”的春节: a quoted name describing a noun
_SUBJECT_END = re.compile(r"目前|已经|已|正在|正|将|于|在|计划|预计|拟|共|累计|总|是|为|的")


@dataclass
class ExtractResult:
    published: dt.date
    published_how: str
    events: list[Event] = field(default_factory=list)

    def to_json(self) -> dict:
        return {"published": self.published.isoformat(), "published_how": self.published_how,
                "events": [e.to_json() for e in self.events]}


def extract_document(text: str, *, published: dt.date | None, tz: ZoneInfo, lang: str = "auto") -> ExtractResult:
    """All calendar events of one document.  Raises CalfeedError when the publication date
    is not given and cannot be found in the text."""
    text = strip_html(text)
    how = "given"
    if published is None:
        found = find_published(text)
        if found is None:
            raise CalfeedError("no publication date given and none found in the document "
                               "(pass --published YYYY-MM-DD)")
        published, how = found
    ref = dt.datetime.combine(published, dt.time(12, 0), tz)
    prep = prepare(text)
    cut = comments_start(prep.text)
    timexes = _same_day_as_dateline(prep.text, calibrate_weeks(prep.text, [t for t in find_timexes(prep.text, ref, lang=lang, date_order=date_order(tz)) if t.span[0] < cut]))
    if (year := subject_year(prep.text, published)) is not None:
        timexes = in_report_year(prep.text, timexes, year, published)
    elif (first := school_year(prep.text, published)) is not None:
        timexes = in_school_year(prep.text, timexes, first)
    events = _Reader(prep, timexes, ref).events()
    return ExtractResult(published, how, events)


def date_order(tz: ZoneInfo) -> str:
    """How the document's place writes 7/4: day first in Europe, Africa, Australia and New Zealand,
    month first elsewhere (the United States; Chinese pages write 7月4日 or 2026/7/4)."""
    return "DMY" if re.match(r"(?:Europe|Africa|Australia|Pacific/Auckland|Atlantic/(?:Reykjavik|Canary))\b", tz.key) else "MDY"


def _without(text: str, words: list[str]) -> str:
    """The text less the given words (longest first)."""
    for w in sorted(words, key=len, reverse=True):
        text = text.replace(w, "")
    return text


def _item_name(label: str) -> str:
    """A listing's name sentence as a title: "Lunch & Learn: Financial Wellness for Grad Students."
    is "Lunch & Learn: Financial Wellness" (the name, less its audience, within 40 characters)."""
    name = label.strip().rstrip(".")
    if len(name) > 40:
        cut = re.match(r"(.{8,40})\s+(?:for|with|at|in|on|by)\b", name)
        name = cut.group(1) if cut else name.split(":")[0]
    return name


def _same_day_as_dateline(text: str, timexes: list[Timex]) -> list[Timex]:
    """同日，住建部公布…: a paragraph that opens with 同日 goes back to the story's own day, the
    dateline's (新华社北京10月24日电), not to the last date the paragraph before happened to name."""
    if "同日" not in text:
        return timexes  # the usual case: no look for a dateline at all
    def in_byline(t: Timex) -> bool:
        line_start = text.rfind("\n", 0, t.span[0]) + 1
        m = BYLINE.match(text[line_start:line_start + 80])
        return m is not None and line_start + m.end() >= t.span[1]
    byline = next((t for t in timexes if in_byline(t)), None)
    if byline is None or byline.start is None:
        return timexes
    return [replace(t, start=byline.start, end=byline.end) if t.text == "同日" and "anaphora" in t.rule
            and re.fullmatch(r"\s*", text[text.rfind("\n", 0, t.span[0]) + 1:t.span[0]]) else t for t in timexes]


def _bar_cells(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """The cells of text[s:e] between its bars, leaders and wide gaps, as spans; the bars at its
    edges open no cells (| Autumn 2026 | … |), so a row and its heading row count alike."""
    seps = list(_CELL_SEP.finditer(text, s, e))
    cells = list(zip([s] + [m.end() for m in seps], [m.start() for m in seps] + [e], strict=True))
    if len(cells) > 2 and not text[cells[-1][0]:cells[-1][1]].strip():
        cells = cells[:-1]
    if len(cells) > 2 and not text[cells[0][0]:cells[0][1]].strip():
        cells = cells[1:]
    return cells


def _cell_at(cells: list[tuple[int, int]], pos: int) -> int:
    """The index of the table cell that holds position pos; -1 when none does (a separator)."""
    return next((i for i, (a, b) in enumerate(cells) if a <= pos < b), -1)


_MIDNIGHT = re.compile(r"24\s*[:：]\s*00|24\s*[时点]|\bmidnight\b|午夜", re.I)


def _term_name(text: str, s: int, t: Timex) -> bool:
    """Whether a season names an academic term or an edition (the Spring 2025 semester,
    registration for Fall 2025) rather than the months it covers."""
    return t.grain == "season" and re.fullmatch(r"[A-Z][a-z]+\s+\d{4}", t.text) is not None and (
        _TERM_NOUN.match(text, t.span[1]) is not None or re.search(r"\bfor\s+(?:the\s+)?$", text[max(s, t.span[0] - 9):t.span[0]]) is not None)


def _midnight_on_its_day(drafts: list[Draft]) -> list[Draft]:
    """3月22日（星期六）24:00前; ends Tuesday, August 12, at midnight: the moment is the last minute
    of the day named, and a calendar shows it on that day (23:59), not at 0:00 of the next."""
    for d in drafts:
        if (isinstance(d.start, dt.datetime) and d.start == d.end and d.start.time() == dt.time(0, 0)
                and _MIDNIGHT.search(d.timex)):
            d.start = d.end = d.start - dt.timedelta(minutes=1)
    return drafts


# Happenings that ended this long before publication are history told as background
# (去年1月…召开的会议, 2012年11月开业), not entries for a calendar.
HISTORY = dt.timedelta(days=60)


class _Reader:
    def __init__(self, prep: Prepared, timexes: list[Timex], ref: dt.datetime):
        self.prep = prep
        self.text = prep.text
        self.timexes = timexes
        self.timex_starts = [t.span[0] for t in timexes]
        self.in_sentence: list[Timex] = []  # the time expressions of the sentence being read
        self.day_heading: dt.date | None = None  # a line that is only a date heads the lines below it
        self.row_at: tuple[tuple[int, int], list[tuple[int, int]], bool] | None = None  # the last table row read
        self.list_hour: Timex | None = None  # 均安排在周六下午2点30分…： the hour stated once for the dated lines below
        self.last_sentence = (0, 0)  # the sentence read before this one
        # (its sentence, its cells, and whether those were read off runs of spaces)
        self.ref = ref
        self.today = ref.date()

    def events(self) -> list[Event]:
        out: list[Draft] = []
        ti = 0
        for s, e in self.prep.sentences:
            in_sentence = []
            while ti < len(self.timexes) and self.timexes[ti].span[0] < e:
                if self.timexes[ti].span[0] >= s:
                    in_sentence.append(self.timexes[ti])
                ti += 1
            in_sentence = self.shared_hour(s, e, self.on_the_day(s, self.during(s, e, in_sentence, out), out))
            in_sentence = self.hour_after(s, e, self.hour_in_clause(s, in_sentence), out)
            in_sentence = self.reopening_day(s, in_sentence, out)
            self.in_sentence = in_sentence
            drafts = self.read_sentence(s, e, in_sentence, out)
            out.extend(drafts)
            self.last_sentence = (s, e)
        out = self.column_runs(out)
        reported = {t.span for t in self.timexes if t.rule.endswith("+report-year") and t.grain == "day"}  # a report's year
        recent = runs_through([d for d in out if day_of(d.end or d.start) >= self.today - HISTORY
                               or d.span in reported], self.text)
        recent = closed_until_reopening(_midnight_on_its_day(recent), self.text)
        recent = drop_retold_days(drop_subjectless_restatements(recent, self.text), self.prep)
        return [d.event(self.prep) for d in merge_drafts(drop_restated_headlines(apply_revisions(recent), self.prep))]

    def column_runs(self, drafts: list[Draft]) -> list[Draft]:
        """日期 | 普通门诊 | 专家门诊 | 体检中心 over a row a day (5月1日（三） | 上午8:00—12:00 | 停诊 | 停检):
        a schedule table reads down its columns, each run of days with the same entry one period
        (专家门诊停诊, 5月1日至3日), when every column holds only a few short entries."""
        blocks: list[list[tuple[Draft, list[tuple[int, int]]]]] = []
        for d in drafts:
            cells = self.row_cells(*d.sentence)
            if not (len(cells) >= 3 and cells[0][0] <= d.span[0] < cells[0][1] and day_of(d.start) == day_of(d.end or d.start)):
                continue
            last = blocks[-1][-1] if blocks else None
            if last is not None and last[0].sentence == d.sentence:
                continue  # one entry a row
            if (last is not None and len(last[1]) == len(cells) and day_of(d.start) > day_of(last[0].start)
                    and self.text[last[0].sentence[1]:d.sentence[0]].count("\n") == 1
                    and not self.text[last[0].sentence[1]:d.sentence[0]].strip()):
                blocks[-1].append((d, cells))
            else:
                blocks.append([(d, cells)])
        replaced: set[int] = set()
        added: list[Draft] = []
        for block in blocks:
            heads = self.column_heads(block[0][0].sentence[0])
            width = len(block[0][1])
            if len(block) < 3 or len(heads) != width:
                continue
            columns = [[self.text[a:b].strip() for a, b in (cells[j] for _, cells in block)] for j in range(1, width)]
            if not all(col[0] and len(set(col)) <= max(1, len(block) // 2) and all(0 < len(v) <= 12 for v in col)
                       for col in columns):
                continue  # a table of happenings, one a row, not a schedule
            for j, col in enumerate(columns, 1):
                k = 0
                while k < len(block):
                    m = k
                    while m + 1 < len(block) and col[m + 1] == col[k]:
                        m += 1
                    first, last = block[k][0], block[m][0]
                    a, b = block[k][1][j]
                    in_cell = self.timexes[bisect.bisect_left(self.timex_starts, a):bisect.bisect_left(self.timex_starts, b)]
                    clock = next((t for t in in_cell if isinstance(t.start, dt.datetime)), None)
                    start, end = day_of(first.start), day_of(last.start)
                    if clock is not None:
                        start = on_day(clock.start, start)
                        end = on_day(clock.end or clock.start, end)
                    joiner = "" if HAN.search(heads[j] + col[k]) else ": "
                    added.append(Draft(title=shorten(heads[j] + joiner + col[k]), start=start, end=end, all_day=clock is None,
                                       kind="period" if m > k else "event", approximate=False, sentence=first.sentence,
                                       span=first.span, timex=first.timex, section=first.section))
                    k = m + 1
            replaced.update(id(d) for d, _ in block)
        if not replaced:
            return drafts
        kept = [d for d in drafts if id(d) not in replaced]
        return sorted(kept + added, key=lambda d: d.sentence[0])

    def during(self, s: int, e: int, timexes: list[Timex], earlier: list[Draft]) -> list[Timex]:
        """庙会期间，…实行交通管制: "during the fair" is the fair's own period, read earlier.  Only
        for measures a reader plans around (traffic control, closures, shuttles), not for what
        the fair offers every day."""
        extra = []
        if not _DURING_MEASURE.search(self.text, s, e):
            return timexes
        for m in _DURING.finditer(self.text, s, e):
            if any(x.span[0] < m.end() and m.start() < x.span[1] for x in timexes):
                continue
            named = next((d for d in reversed(earlier) if d.kind == "period" and d.end is not None
                          and m.group("what") in d.title), None)
            if named is not None:
                extra.append(Timex(m.group(), (m.start(), m.end()), "range", day_of(named.start), day_of(named.end),
                                   "day", named.approximate, rule="anaphora-period"))
        return sorted(timexes + extra, key=lambda x: x.span) if extra else timexes

    def shared_hour(self, s: int, e: int, timexes: list[Timex]) -> list[Timex]:
        """系列讲座共4场，均安排在周六下午2点30分…： over lines that each begin with a day
        (5月25日（周六）　《…》): the hour said once for the list is each line's hour."""
        line_start = self.line_start(s) == s
        if line_start and (_LIST_INTRO_END.match(self.text, e) or _LIST_INTRO_END.match(self.text, e - 1)):
            self.list_hour = next((t for t in timexes if isinstance(t.start, dt.datetime)
                                   and _SHARED_HOUR_LEAD.search(self.text, max(s, t.span[0] - 8), t.span[0])), None)
            return timexes
        if self.list_hour is None or not line_start:
            return timexes
        first = timexes[0] if timexes else None
        if (first is None or not _LINE_LEAD.fullmatch(self.text, s, first.span[0]) or first.start is None
                or time_only(first, self.today) or day_of(first.start) != day_of(first.end or first.start)):
            self.list_hour = None  # the list has ended
            return timexes
        if any(isinstance(t.start, dt.datetime) for t in timexes):
            return timexes  # the line names its own hour
        hour = self.list_hour
        at = replace(first, start=on_day(hour.start, first.start), end=on_day(hour.end or hour.start, first.start),
                     type="datetime", rule=first.rule + "+list-hour")
        return [at, *timexes[1:]]

    def hour_in_clause(self, s: int, timexes: list[Timex]) -> list[Timex]:
        """在10月2日、10月5日举办两场专家讲座，时间均为下午2时30分: an hour given in a later clause
        is the hour of the days before it (of all of them when 均/都/统一 says so, else of the last)."""
        for i, t in enumerate(timexes):
            if not (time_only(t, self.today) or CLOCK_ONLY.fullmatch(t.rule)):
                continue  # (the tagger may have put a bare clock on the day before it)
            lead = self.text[self.clause_start(s, t.span[0]):t.span[0]]
            if not _HOUR_CLAUSE.fullmatch(lead) or _HOURS_LABEL.search(lead) or "每" in lead:
                continue  # (开放时间为9:00—17:00, 每日演出时间为…: opening hours, not a happening's hour)
            days = [j for j, x in enumerate(timexes[:i]) if x.type not in ("duration", "set") and x.start is not None
                    and not isinstance(x.start, dt.datetime) and day_of(x.start) == day_of(x.end or x.start)]
            if not days:
                continue
            out = list(timexes)
            for j in days if re.search(r"均|都|统一", lead) else days[-1:]:
                x = timexes[j]
                out[j] = replace(x, start=on_day(t.start or t.end, x.start), end=on_day(t.end or t.start, x.start),
                                 type="datetime", rule=x.rule + "+clause-hour")
            del out[i]
            return out
        return timexes

    def hour_after(self, s: int, e: int, timexes: list[Timex], earlier: list[Draft]) -> list[Timex]:
        """…will host "Reading the Census" on Saturday, March 21. The session starts at 10 a.m.: a
        sentence that only gives "the session" its hour gives it to the day the sentence before
        named ("All three sessions begin at 6:30 p.m.": to each of its days)."""
        dated = [t for t in timexes if t.type not in ("duration", "set")]
        if len(dated) != 1 or not time_only(dated[0], self.today):
            return timexes  # (考试场次时间：上午8:30-10:30，下午14:00-16:00: slots of every day, no one hour)
        t = dated[0]
        lead = _HOUR_SENTENCE.fullmatch(self.text, s, t.span[0])
        gap = self.text[self.last_sentence[1]:s]
        if lead is None or "\n\n" in gap or gap.strip():
            return timexes
        days = [d for d in self.last_drafts(earlier) if d.all_day and day_of(d.start) == day_of(d.end or d.start)]
        if not days or len(days) > 1 and not (lead["all"] or lead["all_zh"]):
            return timexes
        for d in days:
            d.start, d.end = on_day(t.start or t.end, d.start), on_day(t.end or t.start, d.start)
            d.all_day = False
        return [x for x in timexes if x is not t]

    def last_drafts(self, earlier: list[Draft]) -> list[Draft]:
        """The drafts read from the sentence just before (from the end: no pass over the whole list)."""
        k = len(earlier)
        while k and earlier[k - 1].sentence == self.last_sentence:
            k -= 1
        return earlier[k:]

    def reopening_day(self, s: int, timexes: list[Timex], earlier: list[Draft]) -> list[Timex]:
        """…CLOSED Thursday, Nov. 27, and Friday, Nov. 28. Offices reopen Monday at 8 a.m.: a bare
        weekday that reopens after a closure just told is the first such day after it, not today."""
        closed = [d for d in self.last_drafts(earlier) if d.start is not None]
        if not closed:
            return timexes
        last = max(day_of(d.end or d.start) for d in closed)
        out = []
        for t in timexes:
            if (t.rule.startswith("weekday") and t.start is not None and day_of(t.start) <= last
                    and _REOPENS.search(self.text, max(s, t.span[0] - 24), t.span[0])):
                weeks = (last - day_of(t.start)).days // 7 + 1
                t = replace(t, start=t.start + dt.timedelta(weeks=weeks),
                            end=t.end + dt.timedelta(weeks=weeks) if t.end is not None else None)
            out.append(t)
        return out

    def on_the_day(self, s: int, timexes: list[Timex], earlier: list[Draft]) -> list[Timex]:
        """比赛当天5时30分至13时…实行交通管制: "the day of the race" is the day of the story's own
        happening (the first one read under the same headline), not the last date named."""
        section = self.prep.headline_before(s) or ""
        out = []
        moved: dict[dt.date, dt.date] = {}
        for t in timexes:
            noun = re.search(r"(?:比赛|赛事|活动|大会|演出|开幕|仪式|考试|典礼|庆典)$", self.text[max(s, t.span[0] - 4):t.span[0]])
            if re.match(r"当[天日]", t.text) and t.start is not None and noun:
                kin = _SAME_KIND.get(noun.group(), noun.group())
                happenings = [d for d in earlier if d.section == section and d.kind == "event" and not d.approximate]
                main = next((d for d in happenings if re.search(kin, d.title + self.text[d.sentence[0]:d.sentence[1]])),
                            None) or next((d for d in earlier if d.kind == "event" and not d.approximate and re.search(
                                kin, d.title + self.text[d.sentence[0]:d.sentence[1]])),  # 八、交通管制: the race under 二、
                                          happenings[0] if happenings else None)
                if main is None:
                    out.append(t)
                    continue
                day = day_of(main.start)
                moved[day_of(t.start)] = day
                t = replace(t, start=on_day(t.start, day), end=on_day(t.end, day))
            elif CLOCK_ONLY.fullmatch(t.rule) and t.start is not None and day_of(t.start) in moved:
                day = moved[day_of(t.start)]  # 比赛当天，…将于7:30鸣枪: the hour of that day
                t = replace(t, start=on_day(t.start, day), end=on_day(t.end, day))
            out.append(t)
        return out

    # ------------------------------------------------------------ one sentence
    def read_sentence(self, s: int, e: int, timexes: list[Timex], earlier: list[Draft]) -> list[Draft]:
        sentence = self.text[s:e]
        byline = BYLINE.match(sentence)
        body_start = s + (byline.end() if byline else 0)
        dates = [t for t in timexes if t.type not in ("duration", "set") and t.span[0] >= body_start
                 and not t.rule.endswith("+restated")
                 and not (t.text in ("当天", "当日") and any(o.span[1] == t.span[0] and o is not t for o in timexes))]
        durations = [t for t in timexes if t.type == "duration"]
        if not dates:
            if durations and earlier:
                self.extend_with_duration(sentence, s, durations[0], earlier)
            immediately = IMMEDIATELY.search(sentence)
            if immediately and not META_SENTENCE.search(sentence):
                return [self.starts_now(s, e, immediately)]
            return []
        only = dates[0] if len(dates) == 1 else None
        whole_line = (s == 0 or self.text[s - 1] == "\n") and (e >= len(self.text) or self.text[e:e + 1] in ("\n", ""))
        if only is not None and whole_line and len(" ".join(sentence.split())) <= 80 and only.start is not None \
                and not isinstance(only.start, dt.datetime) and (not TRIGGER.search(
                    re.sub(r"\b(?:Issue|Vol(?:ume)?|No)\.?\s*#?\s*\d+", "", sentence))
                    and day_of(only.start) == day_of(only.end or only.start) == self.today
                    or re.match(r"\s*(?:Dated|Date|Signed|Posted|Published|Updated|Issued|Released)\b\s*:?", sentence, re.I)):
            return []  # Riverton Ledger-Dispatch | March 14, 2023; November 18, 2024 · Issue 47; Dated: October 8, 2025
        if whole_line and not re.search(r"\d", sentence) and TABLE_BARS.search(sentence):
            return []  # 日期 | 上午 | 下午: a table's heading row names its columns
        if whole_line and len(sentence) <= 80 and _PRINT_LINE.fullmatch(sentence):
            return []  # 柳塘镇人民政府办公室　　2022年6月9日印发; （本文于2020年7月10日在校园网发布）: the document's own print line
        if only is not None and whole_line and "holiday" not in only.rule \
                and not re.sub(r"\W", "", sentence.replace(only.text, "")) \
                and only.start is not None and not isinstance(only.start, dt.datetime) \
                and day_of(only.start) == day_of(only.end or only.start):
            day = day_of(only.start)
            if re.fullmatch(r"[A-Za-z]+day|(?:周|星期)[一二三四五六日天]", only.text.strip(), re.I):
                while day < (self.day_heading or self.today):  # MONDAY … SATURDAY: a listing's days run forward
                    day += dt.timedelta(days=7)
            self.day_heading = day  # "Wednesday, Oct. 22" on a line of its own
            heading = self.section_heading(s)
            if heading is None or DATELINE.search(sentence) or not TIME_LABEL.search(heading):
                return []  # a signature date under an office's name, a file name, a masthead
        elif (only is not None and whole_line and only.start is not None and len(sentence) <= 80
              and day_of(only.start) == day_of(only.end or only.start)
              and re.fullmatch(r"\s*[(（]?\s*[)）]?\s*", self.text[only.span[1]:e])
              and re.search(r"[(（:：]\s*$", self.text[s:only.span[0]])
              and _SCHEDULE_WORD.search(self.text[s:only.span[0]])):
            self.day_heading = day_of(only.start)  # SCHEDULE FOR RACE DAY (Saturday, April 23): the day of the lines below
            return []
        elif (whole_line and len(days := [t for t in dates if not time_only(t, self.today)]) == 1
              and days[0].start is not None and not HAN.search(sentence) and not DATELINE.search(sentence)
              and not re.search(r"[A-Za-z]", re.sub(r"\b[ap]\.?m\b", "", _without(sentence, [t.text for t in dates])))):
            self.day_heading = day_of(days[0].start)  # Tuesday, April 25, 2023 — 6:30 p.m.: the agenda's day
        elif (whole_line and len(days := [t for t in dates if not time_only(t, self.today)]) == 1
              and days[0].start is not None and not self.text[s:days[0].span[0]].strip()
              and re.fullmatch(r"\s*[-–—:]\s*[A-Z][\w'’ ]{0,30}", self.text[days[0].span[1]:e])):
            self.day_heading = day_of(days[0].start)  # WEDNESDAY, AUGUST 13 - Opening Day: the day of the lines below
        elif (any(not time_only(t, self.today) for t in dates) and "\n" in self.text[max(0, s - 1):s + 1]
              and not DATELINE.search(sentence)):
            self.day_heading = None if any(day_of(t.start or t.end) != self.day_heading for t in dates
                                           if not time_only(t, self.today)
                                           and not _OPEN_BRACKET.search(self.text, s, t.span[0])) else self.day_heading
        if (body_start == s and self.is_headline(s) and re.sub(r"\W", "", _without(sentence, [t.text for t in dates]))
                and not _ZH_FIELD.match(sentence)):  # (展期：2025年3月8日—6月8日 is a field of its item, not a headline)
            # a headline dates its story by a name or a quarter only in passing (Thanksgiving food drive)
            dates = [t for t in dates if re.search(r"\d", re.sub(r"\d{4}\s*年", "", t.text))
                     and (day_of(t.end or t.start) - day_of(t.start or t.end)).days < 27]  # (not 2025年清明节 either)
            if not dates:
                return []
        if re.match(r"\s*(?:问|Q)\s*[：:.]|.*(?:吗|呢)\s*[？?]\s*$", sentence, re.S):
            return []  # 问：7月10日前还能正常参观吗？ a reader's question; the answer holds the dates
        first_cell = cells[0][1] if (cells := self.row_cells(s, e)) else None  # where the first cell ends
        dated_row = (first_cell is not None and (any(t.span[1] <= first_cell and t.type not in ("duration", "set")
                                                     for t in timexes)  # 2021年1月1日—3日｜元旦放假｜; 第2周 (restated)
                                                 or _WEEK_CELL.fullmatch(self.text[cells[0][0]:first_cell].strip()))
                     and not re.search(r"Posted|Published|Updated|Issued|发布|来源|更新", sentence, re.I))
        dated_statement = re.match(r"\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日[^，。]{0,16}?(?:在|于|举行|召开)", sentence) \
            and TRIGGER.search(sentence)  # 2025年11月26日（星期三）上午10时在本公司拍卖厅…公开拍卖
        if META_SENTENCE.search(sentence) or DATELINE.search(sentence) and len(sentence) < 80 and not (dated_row or dated_statement):
            return []  # 现将…安排通知如下; 关于…的通知; For immediate release · Tuesday, August 15, 2023
        if REVISION.search(sentence):
            dates = self.final_dates(sentence, s, dates)
        dates = self.row_ranges(s, e, self.attach_times(self.daily_hours(dates, timexes)))
        drafts = []
        anchors = [t for t in dates if (t.grain not in ("year", "decade", "century") or t.mod == "deadline")
                   and not CLOCK_ONLY.fullmatch(t.rule)]
        for t in dates:
            limit = next((a.span[0] for a in anchors if a.span[0] > t.span[0]), e)
            d = self.read_timex(s, e, t, limit, durations)
            if d is not None:
                drafts.append(d)
        drafts = join_consecutive(pair_open_close(precise_first(one_per_verb(continue_until(drafts, self.text))),
                                                    self.text), self.text)
        self.give_daily_hours(drafts, dates, timexes)
        drafts = self.runs_on_from_before(s, drafts, earlier)
        dated = [d for d in drafts if d.all_day and d.kind == "event" and day_of(d.start) == day_of(d.end or d.start)]
        for d in dated:  # 笔试定于4月19日举行，上午9:00—11:00考《行测》，下午14:00考《申论》: the sittings are the entries
            sittings = [x for x in drafts if not x.all_day and day_of(x.start) == day_of(d.start) and x.span[0] > d.span[0]]
            if sittings and HAN.search(d.title):
                base = re.sub(r"(?:举行|开考|进行|召开)$", "", d.title)
                for x in sittings:
                    x.title = (base + x.title[1:]) if x.title.startswith("考《") and base else x.title
                drafts = [x for x in drafts if x is not d]
        among = re.search(r"[，,]\s*其中", sentence)
        whole = next((d for d in drafts if among and d.span[1] <= s + among.start() and d.kind == "period"), None)
        if whole is not None:  # 考试时间为6月7日至10日，其中7日、8日…，9日、10日…: the parts of the whole
            drafts = [d for d in drafts if d is whole or d.span[0] < s + among.start()
                      or not day_of(whole.start) <= day_of(d.start) <= day_of(whole.end)]
        if re.match(r"\s*其中", sentence) and earlier and earlier[-1].kind == "period" and all(
                day_of(earlier[-1].start) <= day_of(d.start) <= day_of(earlier[-1].end)
                for d in drafts):
            return []  # 考试安排在6月16日至27日。其中，公共课安排在第18周: parts of what was just said
        return drafts

    def runs_on_from_before(self, s: int, drafts: list[Draft], earlier: list[Draft]) -> list[Draft]:
        """…特展在市博物馆开幕。展览展期至2026年2月28日: a sentence that only says how long the
        happening just read runs ends that happening; it is no entry of its own."""
        lead = _RUNS_ON_LEAD.match(self.text, s)
        if not (lead and drafts and earlier and drafts[0].span[0] == lead.end()):
            return drafts
        prev, until = earlier[-1], drafts[0]
        if not (0 <= s - prev.sentence[1] <= 2 and day_of(prev.start) == day_of(prev.end or prev.start)
                and day_of(until.end or until.start) > day_of(prev.start)):
            return drafts
        prev.end, prev.kind = day_of(until.end or until.start), "period"
        if not prev.all_day:
            prev.end = dt.datetime.combine(prev.end, dt.time(23, 59), prev.start.tzinfo)
        return drafts[1:]

    def daily_hours(self, dates: list[Timex], timexes: list[Timex]) -> list[Timex]:
        """正月初一至初五每晚19:30: the hour of a daily set right after a range is when it begins."""
        out = []
        for t in dates:
            nxt = next((x for x in timexes if x.type == "set" and 0 <= x.span[0] - t.span[1] <= 1), None)
            hour = _DAILY_HOURS.search(nxt.rrule or "") if nxt else None
            if hour and t.start is not None and not isinstance(t.start, dt.datetime):
                tz = self.ref.tzinfo
                start = dt.datetime.combine(t.start, dt.time(int(hour[1]), int(hour[2])), tz)
                t = replace(t, start=start, end=t.end, rule=t.rule + "+daily-hours")
            out.append(t)
        return out

    def give_daily_hours(self, drafts: list[Draft], dates: list[Timex], timexes: list[Timex]) -> None:
        """本周五、周六…举办咨询会，每天9时至16时: a run of days with its daily hours later in the
        sentence opens at the first hour and closes at the last."""
        for d in drafts:
            if not d.all_day or d.end is None or day_of(d.end) <= day_of(d.start):
                continue
            hours = next((x for x in timexes if x.type == "set" and x.span[0] > d.span[1]), None)
            m = _DAILY_HOURS.search(hours.rrule or "") if hours else None
            if m is None or any(d.span[1] <= x.span[0] < hours.span[0] and x.start is not None and x.grain != "year"
                                and not day_of(d.start) <= day_of(x.start) <= day_of(d.end) for x in dates):
                continue
            tz = self.ref.tzinfo
            d.start = dt.datetime.combine(day_of(d.start), dt.time(int(m[1]), int(m[2])), tz)
            d.end = dt.datetime.combine(day_of(d.end), dt.time(int(m[3]), int(m[4])) if m[3] else dt.time(23, 59), tz)
            d.all_day = False

    def attach_times(self, dates: list[Timex]) -> list[Timex]:
        """April 17–18, 3:30–7 p.m.; Thursday, August 22 — Residence halls open at 9 a.m.: a time
        of day after a date in the same statement belongs to it.  When it cannot (weekdays
        7 a.m. to 4 p.m. after a three-week range), it gives that range's hours, not a day."""
        out: list[Timex] = []
        dates = [t for t in dates if not (t.rule == "weekday" and _CONFIRMING.search(self.text, max(0, t.span[0] - 4), t.span[0]))]
        for t in dates:  # (11月9日、11月23日（均为周六）: the weekday in brackets only confirms the dates)
            prev = out[-1] if out else None
            if prev is None and time_only(t, self.today) and re.match(
                    r"\s*(?:ET|PT|CT|MT|EST|EDT|PST|PDT)?\s*(?:that|the same)\s+(?:day|evening|morning|afternoon|night)",
                    self.text[t.span[1]:t.span[1] + 24], re.I):
                earlier = [x for x in self.timexes if x.span[1] <= t.span[0] and not time_only(x, self.today)
                           and x.start is not None and day_of(x.start) == day_of(x.end or x.start)]
                if earlier:  # at 5 p.m. ET that day: the day just named
                    day = day_of(earlier[-1].start)
                    at = t.start if t.start is not None else t.end
                    moment = at.replace(year=day.year, month=day.month, day=day.day)
                    out.append(replace(t, start=moment, end=moment, type="datetime", rule=t.rule + "+that-day"))
                    continue
            gap = self.text[prev.span[1]:t.span[0]] if prev is not None else ""
            row_day = next((x for x in reversed(out) if x.start is not None and not isinstance(x.start, dt.datetime)
                            and re.search(r"\d", x.text) and day_of(x.start) == day_of(x.end or x.start)),
                           None) if CLOCK_ONLY.fullmatch(t.rule) else None
            if (row_day is not None and (t.start or t.end) is not None
                    and _CELL_SEP.search(between := self.text[row_day.span[1]:t.span[0]])
                    and not re.search(r"[\n。;；!?！？]", between)):
                # 4月10日（四） | 一年级新生家长开放日 | 一年级家长 | 14:00—16:00: the row's hours on the row's day
                day, at = day_of(row_day.start), t.start if t.start is not None else t.end
                out[out.index(row_day)] = replace(
                    row_day, start=at.replace(year=day.year, month=day.month, day=day.day),
                    end=(t.end or at).replace(year=day.year, month=day.month, day=day.day), type="datetime",
                    rule=row_day.rule + "+row-time")
                continue
            if (prev is not None and time_only(prev, self.today) and t.start is not None
                    and not isinstance(t.start, dt.datetime) and day_of(t.start) == day_of(t.end or t.start)
                    and _LEADER_GAP.fullmatch(gap)):
                # Final grades due (noon) ........ Tuesday, May 13: the label's hour on the row's day
                day, at = day_of(t.start), prev.start if prev.start is not None else prev.end
                out[-1] = replace(t, start=at.replace(year=day.year, month=day.month, day=day.day),
                                  end=(prev.end or at).replace(year=day.year, month=day.month, day=day.day),
                                  type="datetime", rule=t.rule + "+row-time")
                continue
            if (prev is not None and HAN.search(gap) and t.mod == "start"
                    and (time_only(t, self.today) or CLOCK_ONLY.fullmatch(t.rule))
                    and prev.mod is None and prev.start is not None and not isinstance(prev.start, dt.datetime)
                    and day_of(prev.start) == day_of(prev.end or prev.start) and len(gap) <= 24 and "。" not in gap):
                # 12月28日当天，各站于14:00起开放载客服务: that day, from that hour
                day, at = day_of(prev.start), t.start if t.start is not None else t.end
                moment = at.replace(year=day.year, month=day.month, day=day.day)
                out[-1] = replace(prev, start=moment, end=moment, type="datetime", rule=prev.rule + "+from-hour")
                continue
            if (prev is not None and (prev.mod == "start" and prev.end is None or prev.start is not None and prev.mod is None
                                      and day_of(prev.start) == day_of(prev.end or prev.start)) and (t.end or t.start) is not None
                    and (re.match(r"(?:through|thru|until|till|to)\b", t.text, re.I)
                         and re.fullmatch(r"\s*,?\s*", gap)
                         or re.fullmatch(r"\s*,?\s*(?:through|thru|until|till|to)\s+", gap, re.I))):
                # from Tuesday, June 10, through Thursday, June 12[, between 10 p.m. and 5 a.m.]: one range
                last = t.start if t.start is not None else t.end
                start, end = prev.start, t.end or t.start
                if prev.rule == "weekday" and t.start is not None and t.end is not None and day_of(t.start) != day_of(t.end):
                    start = t.start  # Friday through Sunday, June 13-15: the dates say which Friday
                if time_only(t, self.today) and isinstance(last, dt.datetime):  # from 9 a.m. to about 1 p.m.
                    day = day_of(prev.start)
                    end = (t.end or last).replace(year=day.year, month=day.month, day=day.day)
                elif isinstance(last, dt.datetime):  # nightly hours: from the first night to the last one
                    start = dt.datetime.combine(day_of(prev.start), last.timetz())
                    end = dt.datetime.combine(day_of(last), (t.end or last).timetz())
                out[-1] = replace(prev, text=self.text[prev.span[0]:t.span[1]], span=(prev.span[0], t.span[1]),
                                  start=start, end=end, type="range", mod=None, rule=prev.rule + "+through")
                continue
            if (prev is not None and not isinstance(prev.start, dt.datetime) and prev.start is not None
                    and isinstance(t.start, dt.datetime) and day_of(prev.start) == day_of(prev.end or prev.start)
                    and day_of(t.start) == day_of(t.end or t.start)
                    and re.fullmatch(r"\s*,?\s*(?:and|or|&|和|及|、)\s*,?\s*", gap)):
                # on Wednesday, June 11, and Saturday, June 14, from 9 a.m. to 3 p.m.: both days, those hours
                day = day_of(prev.start)
                out[-1] = replace(prev, start=t.start.replace(year=day.year, month=day.month, day=day.day),
                                  end=(t.end or t.start).replace(year=day.year, month=day.month, day=day.day),
                                  type=t.type, rule=prev.rule + "+shared-time")
            if prev is None and self.day_heading is not None and time_only(t, self.today):
                day = self.day_heading  # 7:30 p.m., Kessler Concert Hall — under "Wednesday, Oct. 22"
                at = t.start if t.start is not None else t.end
                moment = at.replace(year=day.year, month=day.month, day=day.day)
                end = (t.end or at).replace(year=day.year, month=day.month, day=day.day)
                out.append(replace(t, start=moment, end=end, type="datetime", rule=t.rule + "+heading-day"))
                continue
            if (prev is not None and isinstance(prev.start, dt.datetime) and t.start is not None
                    and not isinstance(t.start, dt.datetime) and day_of(t.start) == day_of(t.end or t.start)
                    and re.fullmatch(r"\s*,?\s*(?:and|or|&|和|及|、)\s*,?\s*", self.text[prev.span[1]:t.span[0]])):
                # at 6:30 p.m. on Tuesday, Aug. 13, and Tuesday, Aug. 27: the same hour both days
                day = day_of(t.start)
                moment = prev.start.replace(year=day.year, month=day.month, day=day.day)
                out.append(replace(t, start=moment, end=moment, type="datetime", rule=t.rule + "+shared-time"))
                continue
            own_clock = (prev is not None and CLOCK_ONLY.fullmatch(t.rule) is not None and prev.start is not None
                         and t.start is not None and not isinstance(prev.start, dt.datetime)
                         and day_of(t.start) == day_of(prev.end or prev.start)  # the tagger gave it the day before it
                         and len(gap) <= 12 and not re.search(r"[，,；;。]", gap))  # 12月14日（均为周六）10:00—11:30
            if prev is None or not (time_only(t, self.today) or own_clock) or prev.start is None:
                out.append(t)
                continue
            gap = self.text[prev.span[1]:t.span[0]]
            if (isinstance(prev.start, dt.datetime) and day_of(prev.start) == day_of(prev.end or prev.start)
                    and not re.search(r"[\n.。;；!?！？]", gap)):
                day = prev.start.date()  # services at 5 p.m. (family service) and 10 p.m.: one more time
                at = t.start if t.start is not None else t.end
                moment = at.replace(year=day.year, month=day.month, day=day.day)
                out.append(replace(t, start=moment, end=moment, type="datetime", rule=t.rule + "+time"))
                continue
            adjacent = re.fullmatch(r"\s*(?:,|，|from|at|@)?\s*", gap) is not None
            if not adjacent and re.search(r"[\n.。;；!?！？]", _ABBREVIATION.sub("", re.sub(LEADER, " ", gap))):  # (— vs. Carver College, 7 p.m.)
                out.append(t)  # another statement
                continue
            one_day = prev.end is None or day_of(prev.end) == day_of(prev.start)
            if isinstance(prev.start, dt.datetime) or not (one_day or adjacent):
                continue
            first, last = day_of(prev.start), day_of(prev.end or prev.start)
            at = t.start if t.start is not None else t.end
            start = at.replace(year=first.year, month=first.month, day=first.day)
            end = (t.end or at).replace(year=last.year, month=last.month, day=last.day)
            joined = self.text[prev.span[0]:t.span[1]] if adjacent else prev.text
            out[-1] = replace(prev, text=joined, span=(prev.span[0], prev.span[0] + len(joined)),
                              start=start, end=end, type="range" if start != end else "datetime",
                              rule=prev.rule + "+time")
            k = len(out) - 2
            while k >= 0 and one_day:
                # on Wednesday, June 11, and Saturday, June 14, from 9 a.m.; 11月9日、11月23日、12月14日（均为周六）
                # 10:00—11:30: the hours serve every day of the list
                before, after = out[k], out[k + 1]
                if not (before.start is not None and not isinstance(before.start, dt.datetime)
                        and day_of(before.start) == day_of(before.end or before.start)
                        and re.fullmatch(r"\s*,?\s*(?:and|&|or|和|及|、)\s*,?\s*", self.text[before.span[1]:after.span[0]])):
                    break
                day = day_of(before.start)
                out[k] = replace(before, start=start.replace(year=day.year, month=day.month, day=day.day),
                                 end=end.replace(year=day.year, month=day.month, day=day.day), rule=before.rule + "+time")
                k -= 1
        return out

    def extend_with_duration(self, sentence: str, s: int, d: Timex, earlier: list[Draft]) -> None:
        """此次大赛为期1个月: a later sentence gives the last event of the article its length."""
        lead = self.text[max(s, d.span[0] - 16):d.span[0]]
        if not DURATION_LEAD.search(lead) or not d.duration:
            return
        if not SUBJECT_PRONOUN.search(sentence.strip()) and not re.search(r"此次|本次|该|本届", sentence):
            return
        last = earlier[-1]
        if s - last.sentence[1] > 600 or last.end not in (None, last.start):
            return
        if last.kind == "deadline" or d.grain in ("second", "minute", "hour"):
            return  # the survey closes March 31. It takes about 10 minutes: the effort, not the run
        extend_draft(last, d.duration)

    def final_dates(self, sentence: str, s: int, dates: list[Timex]) -> list[Timex]:
        """报名截止时间推迟至7月21日: only the date after the revision word counts."""
        m = REVISION.search(sentence)
        assert m is not None
        after = [t for t in dates if t.span[0] >= s + m.start()]
        if all(CLOCK_ONLY.fullmatch(t.rule) for t in after):
            return dates  # 自9月28日起，运营时间调整为6:00…: the hours change, the day stays
        return after or dates

    def read_timex(self, s: int, e: int, t: Timex, limit: int, durations: list[Timex]) -> Draft | None:
        if (re.match(r"after\s", t.text, re.I) and t.start is not None and t.end is None and not isinstance(t.start, dt.datetime)
                and re.search(r"\b(?:not|no\s+longer|cannot|can't|won't)\b", self.text[s:t.span[0]], re.I)):
            last = t.start - dt.timedelta(days=1)  # requests will not be accepted after Dec. 6: Dec. 6 is the last day
            t = replace(t, start=last, end=last, mod="deadline")
        if t.mod == "after" and t.start is not None and _NO_LONGER.match(self.text, t.span[1], e):
            # 11月29日15:00后不再受理新的申请: the last moment to apply (a day: its last day)
            last = t.start if isinstance(t.start, dt.datetime) else t.start - dt.timedelta(days=1)
            t = replace(t, start=last, end=last, mod="deadline")
        if "holiday" in t.rule and re.search(r"\b(?:ahead\s+of|in\s+time\s+for|before|after)\s+(?:the\s+)?$",
                                            self.text[max(s, t.span[0] - 16):t.span[0]], re.I):
            return None  # reopen by Friday, Sept. 2, ahead of the Labor Day weekend: the holiday is a landmark
        if (t.type == "range" and t.end is not None and re.match(r"from\s", t.text, re.I) and re.search(
                r"\b(?:extended|moved|postponed|pushed\s+back|changed|rescheduled|delayed)\s+$", self.text[s:t.span[0]], re.I)):
            last = day_of(t.end)  # the deadline has been extended from March 17 to March 24: the new date only
            t = replace(t, start=last, end=last, type="date")
        first_cell = cells[0][1] if (cells := self.row_cells(s, e)) else None  # where the first cell ends
        if first_cell is not None and t.span[0] > first_cell and not re.search(r"\d\s*月\s*\d", t.text) and any(
                o.span[1] <= first_cell and o.type not in ("duration", "set") and re.search(r"\d", o.text)
                and not time_only(o, self.today) and o.grain in ("day", "week", "hour", "minute") for o in self.in_sentence):
            return None  # 10月1日—8日｜国庆节、中秋节放假｜: the row's date is in its first cell (not its hour, "(9:00 a.m.)")
        if (first_cell is not None and t.span[0] > first_cell and not re.search(r"\d", t.text)
                and _WEEKDAY_CELL.fullmatch(self.text[(c := cells[_cell_at(cells, t.span[0])])[0]:c[1]])
                and any(o.span[1] <= c[0] and re.search(r"\d", o.text) for o in self.in_sentence)):
            return None  # 第5—6周 | 10月1日至8日 | 星期三至星期三: the weekday column restates the dated cell
        if first_cell is not None and t.span[1] <= first_cell and (
                not re.search(r"\d", t.text) or t.grain in ("season", "month", "quarter", "year")) and any(
                o.span[0] > first_cell and re.search(r"\d", o.text) for o in self.in_sentence):
            return None  # Thanksgiving Day and the day after ..... November 26-27: the label names the dated cell
        if (t.rule == "weekday" and re.match(r"\s*(?:and|&|or|-|–|through|to)\s", self.text[t.span[1]:t.span[1] + 10])
                and any(o.span[0] > t.span[1] and o.span[0] - t.span[1] <= 6 and re.search(r"\d", o.text) for o in self.in_sentence)):
            return None  # Thursday and Friday, November 26-27: the dated mention holds both days
        if "holiday" in t.rule and t.start is not None and any(
                o.span[0] > t.span[1] and o.start is not None and "holiday" not in o.rule and day_of(o.start) == day_of(t.start)
                for o in self.in_sentence):
            return None  # Memorial Day: a salute … on Monday, May 29: the dated mention is the entry
        if "holiday" in t.rule and _HOLIDAY_KINDS.match(self.text, t.span[1], e):
            return None  # 针对元旦、春节、元宵、清明等重点时段实施…: a kind of time, not dates
        if re.match(r"[）)]?\s*(?:及|或)?(?:以后|之后|以前|之前|以後)?(?:的|及以后|及以前|及之后|及之前)[^，。；]{0,6}?(?:场次|班次|车次|航班|票|订单|预约|日期)",
                    self.text[t.span[1]:t.span[1] + 14]) or (
                t.mod in ("start", "after") and re.match(r"[^，。；]{1,8}?的(?:学校|团体|观众|旅客|乘客|考生|人员|用户|客户|市民)",
                                                         self.text[t.span[1]:t.span[1] + 12])):
            return None  # 已购7月3日及以后场次影票的观众; 已预约7月10日以后来馆参观的学校: whose tickets, not a day
        since_act = re.match(r"[自从]?(?P<act>[\u4e00-\u9fff]{1,6}?)之日起", t.text)
        if since_act and not re.fullmatch(r"发布|公布|印发|施行|实施|开通|通车|开业|开放|即日", since_act["act"]):
            return None  # 自出生之日起享受待遇, 自缴费之日起: counted from each person's own day, a rule
        if (not re.search(r"\d\s*[月日号]|\d{1,2}/\d{1,2}|[A-Z][a-z]{2,8}\.?\s+\d|[初十廿当次今明昨]|除夕|节|"
                          r"[本上下这][周月个]|today|tomorrow|tonight|next|this", t.text, re.I) and self.in_weekly_list(s)):
            return None  # 二、每周接种安排 / （一）周一：上午8:00—11:30…: a weekly routine, not days
        if t.mod == "start" and t.end == self.ref and isinstance(t.start, dt.datetime) and t.start.time() == dt.time(0):
            t = replace(t, start=t.start.date(), end=None)  # 已于9月1日开始: it began that day (and goes on)
        if t.grain == "month" and re.fullmatch(r"[A-Z][a-z]+\.?", t.text) and _MONTH_AS_MODIFIER.match(self.text, t.span[1]):
            return None  # apply for December graduation, the June issue: the month names a kind of thing
        if _SUPERSEDED_LEAD.search(self.text[max(s, t.span[0] - 32):t.span[0]]):
            return None  # 原定7月26日…改期至8月31日; the original start date of Nov. 10: no longer the date
        if any(_CALLED_OFF_CELL.fullmatch(self.text[a:b]) for a, b in self.row_cells(s, e)):
            return None  # THU, MAR 6  |  POSTPONED: the row's date is off
        if _LIVE_STATUS.search(self.text[self.line_start(t.span[0]):t.span[0]]):
            return None  # Closed today · Open tomorrow 10 AM - 5 PM: a web page's live status line
        if time_only(t, self.today) and _EVERY_WEEKDAY.search(self.text, max(s, t.span[0] - 16), t.span[0]):
            return None  # Thursdays until 8 p.m.: every Thursday's hours
        if not HAN.search(t.text) and _CANCELLED_AFTER.match(self.text, t.span[1], e):
            return None  # Family Concert (Saturday, Oct. 19, 2 p.m.) is cancelled: it will not happen
        if _term_name(self.text, s, t):
            return None  # the Spring 2025 semester; registration for Fall 2025: a term's name, not its months
        if (not HAN.search(t.text) and time_only(t, self.today) and self.day_heading is None
                and not re.search(r"\b(?:today|tonight|this)\b", self.text[max(s, t.span[0] - 30):t.span[1] + 20], re.I)
                and not any(o is not t and not time_only(o, self.today) for o in self.in_sentence)):
            return None  # elementary schools run 8:10 a.m. to 2:40 p.m.: a schedule, not a day
        if (CLOCK_ONLY.fullmatch(t.rule) or isinstance(t.start, dt.datetime) and not NAMED_DAY.search(t.text)
                and not re.search(r"[月日号天周年今明昨]|tomorrow|today|tonight|yesterday", t.text, re.I)) and (
                _OPEN_BRACKET.search(self.text, s, t.span[0])
                or any(x.type == "set" and x.span[1] <= t.span[0] for x in self.in_sentence)):
            return None  # （16:30停止入场）, 每天9:00—17:00…: opening hours, not a day
        if t.mod == "asof" and t.text.startswith("截至") and _APPLY_LEAD.search(self.text[max(s, t.span[0] - 8):t.span[0]]):
            t = replace(t, mod="deadline")  # 报名截至1月24日: a deadline written with 截至
        if t.mod in ("asof", "since", "before", "within"):
            return None
        if (CLOCK_ONLY.fullmatch(t.rule) or time_only(t, self.today)) and re.search(
                r"(?:首班车?|末班车?|收车|首车|末车)(?:时间)?(?:为|是|：|:)?\s*$", self.text[max(s, t.span[0] - 6):t.span[0]]):
            return None  # 首班车6:00、末班车22:30: a daily timetable, not a happening
        if CLOCK_ONLY.fullmatch(t.rule) and re.search(r"时间(?:为|是|：|:)\s*$", self.text[max(s, t.span[0] - 4):t.span[0]]) and any(
                o.span[1] <= t.span[0] and o.start is not None and o.end is not None and day_of(o.end) > day_of(o.start)
                for o in self.in_sentence):
            return None  # 2月15日至16日开设半日门诊，时间为8:00—12:00: the hours of those days
        if re.search(r"(?:常年|往年|历年|多年平均)\s*[（(]?\s*$", self.text[max(s, t.span[0] - 6):t.span[0]]):
            return None  # 较常年6月18日偏早: a climate normal, not this year's date
        if t.text.endswith("期间") and re.match(r"\s*(?:是|为)", self.text[t.span[1]:t.span[1] + 2]):
            return None  # 春节期间是心脑血管疾病高发期: a description, not a date
        if t.grain in ("year", "decade", "century") and t.mod != "deadline":
            return None
        if (CLOCK_ONLY.fullmatch(t.rule) and _HOURS_FIELD.match(self.text, s, t.span[0])
                and all(CLOCK_ONLY.fullmatch(o.rule) or o.type in ("duration", "set") for o in self.in_sentence)):
            return None  # 5. 考试场次时间：上午8:30-10:30，下午14:00-16:00: the slots of every day, not a day
        if re.search(r"第\s*[1一]\s*周(?:为|是|[：:])\s*$", self.text[max(s, t.span[0] - 8):t.span[0]]):
            return None  # 本学期第1周为9月1日至9月7日: the key to the week numbers, not a happening
        if re.match(r"['’]s\b", self.text[t.span[1]:t.span[1] + 2]) and t.start is not None and (
                day_of(t.end or t.start) - day_of(t.start)).days >= 27 and any(
                o is not t and o.start is not None and day_of(o.start) == day_of(o.end or o.start) for o in self.in_sentence):
            return None  # This month's meeting, on June 10: the month only qualifies the meeting
        if t.start is None and t.end is None:
            return None
        after = self.text[t.span[1]:t.span[1] + 6]
        lead = self.text[max(s, t.span[0] - 3):t.span[0]]
        if re.match(r"\s*(?:announced|said|reported|released)\b", self.text[t.span[1]:t.span[1] + 12], re.I) or \
                re.search(r"\b(?:announced|said|reported)\s+$", self.text[max(s, t.span[0] - 12):t.span[0]], re.I):
            return None  # … announced today: the release itself
        if _WEATHER_TALK.match(self.text, s, t.span[0]) and not _WEATHER_ACTION.search(self.text, s, e):
            return None  # Snow will taper to showers by Wednesday afternoon: a forecast, not a date to keep
        line_start = self.line_start(t.span[0])
        if self.in_link_list(line_start, t) \
                or re.match(r"\s*(?:相关链接|相关阅读|附件|上一篇|下一篇|原创|Date:|Sent:|From:|Posted:)", self.text[line_start:t.span[0]], re.I) \
                or re.search(r"\.(?:docx?|pdf|xlsx?|zip|rar)\b", self.text[line_start:e], re.I):
            return None  # a link list, an attachment, an e-mail header: not the story
        if re.search(r"\bminutes\s+of\s+(?:the\s+)?$", self.text[max(s, t.span[0] - 20):t.span[0]], re.I):
            return None  # approval of the minutes of the February 25 meeting
        if (not HAN.search(self.text[s:e]) and day_of(t.end or t.start) < self.today - dt.timedelta(days=7)
                and re.search(r"\b(?:was|were|had been|voted|approved|adopted|passed|decided|signed|met|held|recognized|"
                              r"honored|won|placed|finished|celebrated)\b", self.text[s:e], re.I)):
            return None  # First reading was held February 25: a recap, not an entry
        if re.match(r"\s*(?:/\s*(?:PRNewswire|Business\s*Wire|GLOBE\s*NEWSWIRE)|\((?:Reuters|AP|AFP|Xinhua)\))", after + self.text[t.span[1] + 6:t.span[1] + 24], re.I):
            return None  # BALTIMORE, Oct. 3, 2024 /PRNewswire/: a dateline
        if re.match(r"\s*(?:[*•-]\s*)?(?:If|Unless|In\s+case|Should)\b[^,]{0,60}?\b(?:rain|weather|storms?|snow|"
                    r"delay|delays|delayed|necessary|needed|postponed|cancell?ed)\b", self.text[s:e], re.I):
            return None  # If rain delays paving, this closure will move to the following weekend: a contingency
        lead_in = re.match(r"\s*(?:[A-Z][\w' ]{0,30}:\s*)?(?:After|Following|Since)\b[^,]*,", self.text[s:e])
        if lead_in and t.span[1] <= s + lead_in.end() and re.match(r"(?:last|yesterday|earlier)\b", t.text, re.I):
            return None  # After a 3-1 win last Thursday, the team advances to …: the past is the setting
        if "holiday" in t.rule and re.search(r"\bbecause\b", self.text[s:t.span[0]], re.I) and not re.search(r"\d", t.text):
            return None  # no market Aug. 31 because the square is closed for the Labor Day parade: a reason
        if re.search(r"\b(?:originally|previously|initially)\s+(?:(?:scheduled|set|planned|slated|due)\s+)?(?:for|on)?\s*$",
                     self.text[max(s, t.span[0] - 40):t.span[0]], re.I):
            return None  # report cards, originally scheduled for Jan. 30, will now …: superseded
        if re.search(r"\b(?:turns?\s+\d+|\d+\s+years?\s+old)\s+(?:on\s+or\s+(?:before|after)\s+|by\s+|before\s+|on\s+)?$|(?:开放|营业|办公|服务|作息|接待|开馆|咨询|受理|办理)时间(?:为|：|:|调整为)?\s*(?:工作日|每天|每日)?\s*$",
                     self.text[max(s, t.span[0] - 24):t.span[0]], re.I):
            return None  # children who turn 5 on or before Sept. 1; 开放时间为9:00—17:00: rules, not days
        if any(x.type == "set" and 0 <= t.span[0] - x.span[1] <= 1 for x in self.in_sentence) and not (
                t.type == "range" and re.match(r"(?:from|between|through|until|till)\b", t.text, re.I)):
            return None  # 每周六、周日上午10时: the second day of a weekly rule (every Saturday from June 1 …: a season)
        hours = next((x for x in self.in_sentence if x.type == "set" and 0 <= x.span[0] - t.span[1] <= 1), None)
        if hours and t.type == "range" and _EXPLICIT_DAY.search(t.text) and self.find_trigger(self.text[hours.span[1]:min(e, hours.span[1] + 30)]):
            pass  # 2月4日至2月15日每晚18:00至22:00开放: the nightly hours of a dated happening
        elif (RULE_WORDS.match(after) and not (t.type == "range" and not HAN.search(t.text) and re.search(r"\d", t.text)
                                                and re.match(r"\s*(?:daily|each\s+day|every\s+day)\b",
                                                             self.text[t.span[1]:t.span[1] + 12]))) or re.match(r"[）)\s]*出?生", after):
            return None  # 春节期间每日限流…: a rule; 1962年12月31日前出生: a birth date
        if "fuzzy-recent" in t.rule and re.search(r"成功|破获|已经|已于|圆满|印发|下发|出台|制定了|公布了|宣布|发布(?:了)?(?:通知|通告|公告)", self.text[t.span[1]:t.span[1] + 30]) \
                and not any(d.type == "duration" for d in self.in_sentence):
            return None  # 近日，…成功破获…: a past result told as news, not a date to keep
        if "anaphora" in t.rule and t.text in ("当天", "当日") and re.search(r"[\u4e00-\u9fff]$", lead) \
                and not re.search(r"[日节]$", lead):  # (国际博物馆日当天开幕, 端午节当天: the named day itself)
            return None  # 接种当天凭预约码…: the day of whatever, not a date
        if not re.search(r"\d\s*[月日号]|[正腊冬]月|初[一二三四五六七八九十]", t.text) and re.search(r"每(?:场|期|次|轮|批)[^，。；,;]{0,12}$", self.text[max(s, t.span[0] - 16):t.span[0]]):
            return None  # 每场于举办前一周的周一上午10时开放预约: a rule for each session, not a day
        if t.rule == "weekday" and (re.search(r"(?:每|逢|其间|期间)$", lead) or lead.endswith(("（", "(")) and any(
                x.type == "set" and x.span[1] <= t.span[0] for x in self.in_sentence)):
            return None  # 每周一闭馆, 其间周一不闭馆: a rule
        if "holiday" in t.rule and not re.search(r"\d", t.text) and any(
                o.span[0] > t.span[0] and re.search(r"\d", o.text) for o in self.in_sentence
                if o.span[0] < t.span[1] + 16):
            return None  # 国庆节、中秋节放假时间为10月1日至8日: the dates that follow are the event
        if "holiday" in t.rule and not re.search(r"\d|期间|假期|长假|小长假", re.sub(r"^\d{4}年", "", t.text)) and (
                self.text[max(s, t.span[0] - 1):t.span[0]] == "的"
                or re.match(r"是(?!日)|将至|临近|来临|即将来临|即将到来|到来之际", self.text[t.span[1]:t.span[1] + 5])):
            return None  # 首个“除夕放假”的春节; 2025年春节是…; 冬至将至: the holiday as a thing described, not a date
        if _RELATIVE_WINDOW.match(t.text):
            return None  # refunds are issued within 30 days; in the last 30 days: a rule or the past, no entry
        if t.rule.startswith("duration-") and t.grain in ("minute", "hour", "second"):
            return None  # 开考15分钟后不得入场: a rule about minutes, not a date
        prefix = self.text[s:t.span[0]]
        if prefix.count('"') % 2 or prefix.count("“") > prefix.count("”"):
            return None  # "A Christmas Carol": inside a title
        if re.search(r"\b[A-Za-z]+day\s*(?:through|to|-|–)\s*[A-Za-z]+day\b", t.text, re.I) and not re.search(
                r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s*\d"
                r"|^from\s+.*(?:[ap]\.?m\.?|noon|midnight)\s+[A-Za-z]+day\s*(?:through|to|until|-|–)", t.text, re.I):
            return None  # 7 a.m. to 5 p.m., Monday through Friday: working hours
        if CLOCK_ONLY.fullmatch(t.rule) and re.search(r"\d{1,2}\s*[:：]\s*\d{2}\s*[—\-~～至到]+\s*$",
                                                      self.text[max(s, t.span[0] - 10):t.span[0]]):
            return None  # 9:00—17:00（16:30停止入馆）: the end of a span of hours
        if t.type == "range" and re.fullmatch(
                r"(?:[A-Za-z]+day\s*(?:through|to|-|–)\s*[A-Za-z]+day(?:[^0-9A-Za-z]+\d.*)?)|(?:周|星期)[一二三四五六日天]至(?:周|星期)[一二三四五六日天].*", t.text):
            return None  # Tuesday through Saturday, noon to 6 p.m.: opening hours
        sentence_text = self.text[s:e]
        if re.fullmatch(r"[A-Za-z]+day(?:\s+(?:night|morning|evening|afternoon))?", t.text) and \
                re.search(r"\b(?:every|each|weekly)\b|每周", sentence_text, re.I):
            return None  # Men's breakfast meets every Saturday …, and Wednesday night Bible study continues
        if re.match(r"\s*为(?:标准)?(?:时点|基准日|基准)", after) or re.search(r"\bterm\s+(?:ending|through|until|expiring)\s+$",
                                                                          self.text[max(s, t.span[0] - 24):t.span[0]], re.I):
            return None  # 以11月1日零时为标准时点; a term ending June 30: reference points, not happenings
        if re.search(r"\b(?:ended|as of)\s+$|\b(?:quarter|year|month|period|week)\s+ending\s+$"
                     r"|(?:发布|更新|发表|来源)(?:时间|日期)?\s*[:：]\s*$",
                     self.text[max(s, t.span[0] - 16):t.span[0]], re.I):
            return None  # the quarter ended September 30; 发布时间：2023-10-21 07:45
        clause_start = self.clause_start(s, t.span[0])
        if any(o.mod == "deadline" and clause_start <= o.span[0] < t.span[0]
               and re.search(r"前$|^(?:by|before)\b", o.text, re.I)
               and not re.fullmatch(r"\s*[（(]\s*", self.text[o.span[1]:t.span[0]]) for o in self.in_sentence):
            return None  # 请于1月5日前将元旦、春节期间值班安排报…: the holidays name the roster (春节前（2月9日至13日）
            # names the very days)
        if re.fullmatch(r"\s*(?:即|也就是)\s*", self.text[clause_start:t.span[0]]):
            clause_start = self.clause_start(s, clause_start - 1)  # 考试安排在第18周至第19周，即6月16日…
        window = self.text[t.span[1]:limit]
        before = self.text[clause_start:t.span[0]]
        sentence = self.text[s:e]
        clause_end = t.span[1] + clause_end_at(self.text[t.span[1]:e], 0)
        if REPORTER.search(self.text[clause_start:clause_end]) or (
                REPORTER.search(self.text[t.span[1]:e]) and not TRIGGER.search(self.text[t.span[1]:t.span[1] + 6])):
            return None  # 是日上午10时20分，记者在…看到; 记者昨日从…获悉
        if not HAN.search(self.text[s:e]):  # English names the happening before the date, across commas
            before = self.text[s:t.span[0]]
        before_at = t.span[0] - len(before)
        trigger = self.find_trigger(window)
        if trigger is None and (done := COMPLETION.search(window, 0, 8)) and re.fullmatch(
                r"\s*(?:将|要|须|需|应|必须|全面|全部|基本|前)*", window[:done.start()]):
            trigger = done  # 推选工作在3月下旬完成: the work is due then
        trigger_at = t.span[1] + trigger.start() if trigger else -1
        if trigger is None:
            trigger = self.find_trigger(before, last=True)
            trigger_at = before_at + trigger.start() if trigger else -1
        if trigger is None and ENUMERATION.fullmatch(window) and t.mod != "start":  # (1月14日开始，2月22日结束: not a list)
            # 2月4日（星期日）、2月18日（星期日）上班: the verb after the list serves every date in it
            rest = self.text[limit:e]
            trigger = self.find_trigger(rest)
            if trigger is not None and re.match(r"[^，。]{0,4}?(?:的|日期|时间|安排|通知)", rest[trigger.end():]):
                trigger = None  # 元旦、春节…放假调休日期的具体安排: the verb names a kind of day
            if trigger is not None:
                window, trigger_at = rest, limit + trigger.start()
        named_after = NAMED_AFTER.match(self.text[t.span[1]:clause_end])  # …为防火期, Monday, December 9 — Reading day
        if named_after and (day_of(t.end or t.start) - day_of(t.start or t.end)).days >= 27 \
                and not (t.type == "range" and named_after.group().lstrip("）) ").startswith("为")
                         and re.search(r"[期段]$", named_after["what"] or "")):
            named_after = None  # a long span is named only as a period (2020年2月1日至5月31日为森林草原高火险期)
        named = NAMED_TIME.search(before) or NAMED_TIME.search(self.text[s:t.span[0]]) or named_after  # 布展时间为…, Senior prom: …
        if named is not None and named.groupdict().get("what_line") and t.grain not in ("day", "hour", "minute"):
            named = None  # Office of the Registrar — Fall 2024 Academic Calendar: a heading, not a run of days
        if STANDING_RULE.search(before):
            return None  # the second and fourth Tuesday of each month: a rule, not a date
        holiday_span = ("holiday" in t.rule and t.type == "range" and not t.text.endswith("期间")
                        and not re.match(r"[^，。]{0,8}?(?:安排|通知|有关|方案|工作)", window)  # 放假安排: a notice's subject
                        and day_of(t.end or t.start) >= self.today - dt.timedelta(days=30))  # not 去年国庆假期
        deadline_target = (t.mod == "deadline" and (t.grain != "year" or re.search(r"前|底|末|截|by|until|before", t.text, re.I))) or ("plan" in t.rule and re.search(r"^[^，。]{0,3}[，,]", window) is not None)
        if (t.approximate and re.search(r"[底末]$", t.text) and trigger is not None
                and COMPLETION.fullmatch(trigger.group())):
            deadline_target = True  # 预计年底完工: the work is due by the last day, not "some time in Nov–Dec"
        opens = t.mod == "start" and not STATISTIC.search(sentence)  # 7月1日起，全线网支持刷乘车码
        revised_here = REVISION.search(self.text[max(s, t.span[0] - (6 if HAN.search(t.text) else 14)):t.span[0]])  # 推迟至; moved to
        if revised_here and isinstance(t.start, dt.datetime) and not NAMED_DAY.search(t.text) and \
                (not re.search(r"[月日号]", t.text) or t.text.startswith("次日")) or (
                t.text.startswith("次日") and re.search(r"[至到]$", self.text[max(s, t.span[0] - 1):t.span[0]])):
            return None  # 末班车延长至22:40 (至次日0:30): a service detail
        scheduled = (trigger is None and isinstance(t.start, dt.datetime) and not CLOCK_ONLY.fullmatch(t.rule)
                     and re.match(r"[，,]?[^，。；;]{0,20}?将(?:在|于|会)", window) is not None)  # 当晚8点，300架无人机将在…上空组成图案
        set_for = (trigger is None and _SCHEDULED_AT.search(self.text, max(s, t.span[0] - 6), t.span[0] + 1) is not None
                   and re.match(r"[）)]?\s*(?:[，,。；;]|$)", window) is not None)
        scheduled = scheduled or set_for  # 期末质量监测安排在2026年1月20日至22日，由…组织: the thing named before is set for then
        heading = None
        rest = sentence.replace(t.text, "")
        marker_only = _MARKER_ONLY.fullmatch(rest)  # （一）3月20日（星期四）8:00—18:00 under 一、停电时间及范围: an item
        if trigger is None and not scheduled and day_of(t.start or t.end) >= self.today - dt.timedelta(days=30) \
                and not t.text.endswith("期间") and (len(re.sub(r"\W", "", rest)) >= 2 or marker_only or (
                    not re.sub(r"\W", "", rest) and t.start is not None and t.end is not None
                    and day_of(t.end) > day_of(t.start))) \
                and not STATISTIC.search(sentence):
            heading = self.section_heading(s)  # a statement with content under a short heading
            if heading is None and marker_only:
                heading = self.part_heading(s)  # （二）3月21日7:30—12:00, the second item under 一、停电时间及范围
            if heading and _ZH_TIME_LABEL.match(self.text, s, t.span[0]):
                heading = None  # （一）比赛时间：5月31日 under 二、比赛时间和地点: the item's own label names it
            if heading:
                heading = re.sub(r"(?<=[\u4e00-\u9fff]{2})(?:时间|日期)(?:及|和|与)(?:范围|地点|安排|线路)$", "", heading)
            if (heading and (day_of(t.end or t.start) - day_of(t.start or t.end)).days >= 27 and not TIME_LABEL.search(heading)
                    and re.sub(r"\W", "", rest) and not _ZH_FIELD.fullmatch(rest.strip())):
                heading = None  # a long span under any heading but 活动时间 is background, not the entry (unless it
                # is all the line says: "Salt & Iron: New Work by Mara Okafor" / "September 6 - October 18, 2025")
        runs_on = re.search(rf"{RUNS_UNTIL}\s*$", self.text[max(s, t.span[0] - 6):t.span[0]]) and any(
            o.span[1] <= t.span[0] and o.type not in ("duration", "set") for o in self.in_sentence)  # …开展，展期将持续至11月10日
        ongoing = None if runs_on else _ONGOING.search(self.text[s:t.span[0]])
        if ongoing and not re.search(r"(?:持续|延续|一直)(?:至|到)\s*$", self.text[max(s, t.span[0] - 6):t.span[0]]):
            ongoing = None  # 专项检查正在进行中，检查将持续到6月底: from now until then
        listed = t.rule.endswith("+heading-day")  # under TUESDAY: "Lunch & Learn: …. Noon–1 p.m., Student Union"
        item = self.colon_item(t)
        if item is not None and item.start("label") <= t.span[0] < item.end() and ("holiday" in t.rule or not time_only(t, self.today)):
            return None  # - Monday, Jan. 19: Martin Luther King Jr. Day, schools closed: the label names the date
        row_label = self.dated_row_label(s, e, t) or self.bullet_row_label(t) or (  # Tue, June 17, 6:30 p.m.  Second reading
            shorten(item["label"].strip()) if item is not None and t.span[1] <= item.end("date") + 1 else "")
        copula = (trigger is None and not HAN.search(sentence)  # Our Pajama Storytime is next Monday at 6:30 p.m.
                  and re.search(r"[A-Za-z]{3,}\s+(?:is|are)\s+(?:on\s+|set\s+for\s+)?$", self.text[s:t.span[0]]) is not None
                  and not re.search(r"\b(?:it|this|that|today|there|which|what)\s+(?:is|are)\s+\S*\s*$", self.text[s:t.span[0]], re.I))
        if self.dated_in_a_later_cell(s, e, t):
            return None
        row_item = self.table_cell(s, e, t)  # 9月7日（周一）｜全校正式上课｜
        declared = (not HAN.search(sentence) and _PROCLAIMED.match(window) is not None
                    and re.search(r"\b(?:proclaim|declar|designat)\w*", self.text[s:t.span[0]], re.I) is not None)
        if trigger is None and not (holiday_span or deadline_target or named or opens or revised_here or heading or runs_on
                                    or listed or scheduled or copula or ongoing or row_item or row_label or declared):
            return None
        if STATISTIC.search(self.text[clause_start:clause_end] if deadline_target else sentence) and trigger is None \
                and not named and not runs_on and not row_label:
            return None  # (计划夏播45万亩，力争6月20日前全面完成: the goal's own clause has no figure)
        if t.grain in ("year",) and not deadline_target:
            return None
        labelled = self.time_label_title(s, t)
        if holiday_span and trigger is None:
            title_text = t.text
        elif labelled:
            title_text = labelled
        elif (proclaimed := _PROCLAIMED.match(window)) and not HAN.search(window):
            title_text = proclaimed["what"] or proclaimed["day"].capitalize()  # Proclaiming Friday, April 28, as Arbor Day
        elif ongoing is not None:
            title_text = clean_title(ongoing["what"], [x.text for x in self.in_sentence])
        elif holy := self.holy_day_label(s, t):
            title_text = holy  # Good Friday, April 3: Service of the Cross at noon
        elif heading is not None and not (named and self.named_title(named)):
            # RETAILERS over "Retailers must remove … by Friday": an ALL-CAPS heading yields to the sentence's name
            own = self.title_from(s, e, t, trigger, window, before) if heading.isupper() and not HAN.search(heading) else ""
            title_text = own if len(own) >= 8 else heading
            if len(own) < 8 and TIME_LABEL.search(heading) and self.prep.headlines:  # 活动时间 / When: the post's own title
                title_text = self.notice_title() or heading
        elif named is not None and trigger is None and (label := self.named_title(named)):
            # 2月14日为调休工作日: a make-up day is named for its holiday
            title_text = (self.holiday_title(s, t, label) if _HOLIDAY_VERB.fullmatch(label) else "") or label
        else:
            title_text = self.title_from(s, e, t, trigger, window, before)
            core = re.sub(r"[（(][^）)]*[）)]", "", title_text)
            if named is not None and HAN.search(title_text) and len(re.findall(r"[\u4e00-\u9fff]", core)) < 4 \
                    and (label := self.named_title(named)) and len(label) >= 4:
                title_text = label  # 临时展览展期为7月12日至10月8日，每周二至周日…开放: the label, not the hours' verb
        if (len(title_text) <= 3 and _ZH_FIELD.match(sentence) and (item := self.section_heading(s))):
            title_text = item  # 1. “山水澄江”摄影作品展 / 展期：3月1日至3月31日: the field's item names it
        if re.match(r"\s*(?:展期|展览时间|展出时间|展览日期)[：:]", sentence) and not re.search(r"展(?:览)?[”」》]?$", title_text) and (
                shows := _QUOTED_SHOW.findall(self.text, max(0, s - 3000), s)):
            title_text = shows[-1]  # “纸寿千年——…古籍修复成果展”… / 展览信息 / 展期：…: the show named above, not the heading
        if row_item:
            title_text = row_item  # 9月7日（周一）｜全校正式上课｜: the row's item
        elif row_label:
            title_text = row_label
        if len(title_text) < 4 and not labelled and (topic := self.topic_of(s)):
            title_text = title_text if title_text.startswith(topic) else (topic + title_text)[:40]
        elif len(title_text) < 4 and not re.search(r"\d", t.text) and "anaphora" not in t.rule:
            title_text = (t.text + title_text)[:40]  # 除夕 + 闭馆
        if len(title_text.strip()) < 2:  # never an empty entry: the statement itself, less its dates
            title_text = shorten(clean_title(re.sub(r"^\s*\d{1,2}[.)]\s*", "", sentence), [x.text for x in self.in_sentence])
                                 or t.text)
        if set_for:
            title_text = re.sub(r"(?<=[\u4e00-\u9fff]{2})(?:安排|确定|预定|定|放)(?:在|于)?$", "", title_text)
        kind = self.kind_of(t, trigger, window, before, deadline_target)
        if kind == "deadline" and self.dated_object(s, t) is not None:
            kind = "event"  # registration for the workshop on Oct. 25 closes Oct. 20: the 25th is the workshop
        revised = REVISION.search(sentence)
        subject = ""
        originally = _ORIGINALLY.match(sentence) if revised and not HAN.search(sentence) else None
        if originally and s + revised.end() <= t.span[0]:
            # The Outdoor Screening on the Pier, originally set for Saturday, October 11, has been moved to …
            title_text = shorten(clean_title(originally["what"], [])) or title_text
        elif revised and s + revised.end() <= t.span[0]:
            # 报名截止时间推迟至7月21日: the thing revised is named before the revision word
            pieces = re.split(r"[，,]", sentence[:revised.start()])
            subject = pieces[-1] if pieces else ""
            back = len(pieces) - 2
            while len(subject.strip(" 现已将并")) < 3 and back >= 0:  # 特展“丝路遗珍”因…，展期延长至
                subject = re.sub(r"^(?:因|由于).*$|因.*$", "", pieces[back]) + subject.strip(" 现已将并")
                back -= 1  # 缴费时间原定为1月19日至23日，因系统升级，现延期至…: back past the reason
            subject = re.sub(r"^\s*(?:原定|原计划|原本)[^，。]*的", "", subject)  # 原定7月26日…举行的演唱会，改期至…
            subject = re.sub(r"(?:时间|日期)?(?:原定|原为|原计划).*$", "", subject)
            subject = clean_title(subject, [x.text for x in self.in_sentence])
            if not HAN.search(subject):  # Mark your calendars: the tree lighting has been [moved to]
                subject = EN_TRIM.sub("", subject.split(": ")[-1]).strip(" ,;:.")
                subject = subject[:1].upper() + subject[1:]
            title_text = subject or title_text
            if re.search(r"截止|deadline|close", subject, re.I):
                kind = "deadline"
        if kind == "start" and t.grain in ("xun", "month") and t.approximate and t.end is None and t.start is not None:
            # 本月下旬起，…陆续开展: it begins some time in those ten days; the span is the honest date
            first = day_of(t.start)
            last = calendar.monthrange(first.year, first.month)[1]
            t = replace(t, end=first.replace(day={1: 10, 11: 20}.get(first.day, last) if t.grain == "xun" else last))
            kind = "period"
        if ongoing is not None and t.start is not None:
            t, kind = replace(t, start=self.today, end=t.end or t.start), "period"
        start, end, all_day = self.when(t, kind)
        if re.search(r"\b(?:moves?|moved|shifts?|shifted|changes?|changed)\s+$", self.text[max(s, t.span[0] - 10):t.span[0]],
                     re.I) and t.text.lower().startswith("from") and end is not None:
            start = end  # moves from Friday, June 13 to Tuesday, June 17: the new day
        if re.search(r"月初$", t.text) and t.grain in ("xun", "month") and isinstance(end, dt.date) and end.day == 5:
            end = end.replace(day=10)  # 4月初: a reader gives it the first ten days
        approximate = t.approximate or "fuzzy" in t.rule
        for d in durations:
            lead = self.text[max(s, d.span[0] - 16):d.span[0]]
            if not (DURATION_LEAD.search(lead) and d.duration):
                continue
            if trigger is not None and ENDING.fullmatch(trigger.group()) and not re.match(
                    r"\s*(?:后|之后|以后)", self.text[trigger_at + len(trigger.group()):trigger_at + len(trigger.group()) + 3]):
                # 昨日，历时两天半的中考圆满结束: it ended that day, so it began that long before
                begins = add_duration(start, d.duration, backwards=True)
                if begins is not None:
                    start, end, kind, approximate = begins, day_of(start), "period", True
                    all_day = True
            elif d.span[0] > t.span[0] and FORWARD_LEAD.search(lead) and (
                    t.mod == "start" or end is None or day_of(end) == day_of(start)
                    or approximate and 0 < (day_of(end) - day_of(start)).days <= 10) and not any(
                    t.span[1] <= o.span[0] < d.span[0] and o.start is not None and day_of(o.start) != day_of(start)
                    for o in self.in_sentence if o.type not in ("duration", "set")):  # 9月22日（秋分）…为期3天
                if end is not None and approximate and day_of(end) != day_of(start):
                    # 9月下旬…开展服务月活动，为期30天: it starts some time in those days; the middle is the guess
                    start = day_of(start) + (day_of(end) - day_of(start)) / 2
                ends = add_duration(start, d.duration, backwards=False)
                if ends is not None:
                    end, kind = ends, "period"
        if kind == "deadline":
            # the bound is the date: 截止7月21日, by Friday, 4月23日17时前 (17:00, not 17:59)
            bound = end if end is not None else start
            if (isinstance(bound, dt.datetime) and (bound.minute, bound.second) == (59, 59)
                    and re.search(r"\d\s*[时点:]|[时点]\s*前|\d\s*(?:a\.?m|p\.?m)", t.text, re.I)):
                bound = bound.replace(minute=0, second=0)
            start = end = bound
            all_day = not isinstance(bound, dt.datetime)
        headline = self.prep.headline_before(s)
        return Draft(title=title_text, start=start, end=end, all_day=all_day, kind=kind, approximate=approximate,
                      sentence=(s, e), span=t.span, timex=t.text, section=headline or "", trigger_at=trigger_at,
                      revises=clean_title(subject, []) if revised and 0 <= t.span[0] - (s + revised.end()) <= 2 else "")

    def english_title(self, s: int, e: int, t: Timex, window: str) -> str:
        """English puts the subject first: "Parent-teacher conferences will be held April 17–18",
        "Senior prom: Saturday, May 18".  The subject is the sentence up to its first date; a
        later date in the sentence adds the verb just before it ("… and closes May 31")."""
        head = _QUOTED.sub(lambda q: "x" * len(q.group()), self.text[s:t.span[0]])  # "Tidelines: …" is one name
        breaks = [m.end() for m in re.finditer(r";|:(?!\d)", head)]
        if breaks and ":" in head and _LIST_CONNECTIVE.fullmatch(head, breaks[-1]):
            breaks = [m.end() for m in re.finditer(r";|:(?!\d)", head[:head.index(":")])]  # hold three workshops:
            head = head[:head.index(":")]  # next Tuesday, March 17, at …; and Thursday, April 2, …: the list's own verb
        clause = s + breaks[-1] if breaks else s
        asides = [(s + m.start(), s + m.end()) for m in _RELATIVE.finditer(self.text[s:t.span[0]])]
        outside = [x for x in self.in_sentence if not any(a <= x.span[0] < b for a, b in asides)
                   and (x is t or not re.match(r"['’]s\b", self.text[x.span[1]:x.span[1] + 2]))  # This month's meeting
                   and (x is t or x.grain not in ("year", "decade"))  # the 2025 Annual Meeting; since its founding in 1987
                   and (x is t or not _term_name(self.text, s, x))  # Priority registration for Fall 2025 begins April 7
                   and (x is t or not _PAREN_DATELINE.match(self.text[s:x.span[0]]))  # PORTLAND, Maine (March 14, 2023) -
                   and (x is t or not (_ANNOUNCED.match(self.text, x.span[1])  # … today announced its gala
                                       or re.search(r"\b(?:announced|said|reported)\s+$", self.text[s:x.span[0]])))]
        first = outside[0] if outside else t  # The library, which opened in 1958, …: history aside
        subject = self.text[max(s, clause if clause > s else s):first.span[0] if first.span[0] >= clause else t.span[0]]
        subject = _RELATIVE.sub("", subject)
        between = self.text[first.span[1]:t.span[0]] if first is not t else ""
        own_clause = re.search(r",\s*(?:(?:and|an|a|the|which|that)\b)?\s*(?P<c>[^,]{6,60})$", between)
        if first is not t and own_clause and re.search(r"[a-z]{3,}\s+[a-z]{3,}", own_clause["c"]):
            # …, a change that takes effect July 1: the later date has a clause of its own
            subject = re.sub(r"^(\w+\s+)?(?:that|which)\s+", r"\1", own_clause["c"])
        elif first is not t and first.span[0] >= clause:
            verb = re.search(r"(?:\b(?P<conj>and|but|then)\s+)?(?:will\s+be\s+|will\s+|is\s+|are\s+)?"
                             r"(?P<v>\w+(?:\s+\w+)?)\s*$", between)
            if verb:
                # Registration for the photo walk on June 22 closes June 14: registration closes
                subject = _FOR_DATED.sub("", subject)
                if verb.group("conj"):  # The museum is open …, and will be closed on July 4: museum closed
                    subject = _PREDICATE.split(subject)[0]
                subject = subject.rstrip() + " " + verb.group("v")
        elif (dated := self.dated_object(s, t)) is not None:
            subject = dated  # … for the family photo walk on June 22 closes June 14
        if (t.grain == "day" and (noun := _ATTRIBUTIVE_NOUN.match(self.text, t.span[1], e))
                and re.search(r"\bthe\s+$", self.text[s:t.span[0]])
                and (self.find_trigger(noun["what"]) or not self.find_trigger(self.text[s:t.span[0]]))):
            subject = noun["what"]  # Residents may speak … at the June 3 hearing: the hearing, named before
        purpose = re.match(r"\s+(to\s+[a-z]+(?:\s+[a-z]+){0,3})", window)
        if first is t and purpose and len(subject) < 30:  # The board voted on April 12 to extend hours
            for _ in range(3):
                subject = EN_TRIM.sub("", subject.strip(" ,"))
            subject = subject + " " + purpose.group(1)
        named_item = self.text[self.line_start(s):t.span[0]].strip()
        if named_item.endswith(".") and 3 <= len(named_item) <= 80 and not re.search(r"\d", named_item):
            subject = _item_name(named_item)  # Story Walk Kickoff: Spring Trails for Young Readers. 10–11 a.m.
        if len(EN_TRIM.sub("", subject).strip(" ,;:.")) < 3:
            colon = self.text.rfind(":", s, t.span[0])
            rest = window.lstrip(" ,;:")  # On Saturday, Jan. 13, the museum will host a free Community Day
            subject = self.text[s:colon] if colon > s else rest[:clause_end_at(rest, 0)]
            label = self.text[self.line_start(s):s].strip()
            if colon <= s and 3 <= len(label) <= 80 and label.endswith(".") and not re.search(r"\d", label):
                above = _item_name(label)  # Lunch & Learn: Financial Wellness. Noon–1 p.m., Student Union
            else:
                above = self.line_above(s)
            if colon <= s and above and not re.search(r"[A-Za-z]{3}", re.sub(r"\b[ap]\.?m\b", "", subject)):
                # CITY COUNCIL — REGULAR MEETING AGENDA / Tuesday, April 25, 2023 — 6:30 p.m.
                subject = re.sub(r"\s*[—–-]+\s*", " ", re.sub(r"\b(?:AGENDA|NOTICE)\b", "", above, flags=re.I)).strip()
                subject = subject.capitalize() if subject.isupper() else subject
        subject = re.sub(r"^\s*\d{1,2}(?:\.\d{1,2})*\.?\s+", "", subject)  # 7.2 Set a budget workshop
        held = re.search(r"\b(?:hold|holds|host|hosts|holding|hosting|have|has|presents?|offers?|includes?|features?|"
                         r"set|sets|schedule|schedules)\s+"
                         r"(?:a|an|the|its|their)\s+(?:annual\s+|first\s+|next\s+)?"
                         r"(?P<what>[^,;.]{3,60})", subject, re.I)
        if held:  # The City Council will hold a public hearing on Phase 2 …: the hearing is the event
            subject = held.group("what")
        invited = re.search(r"\bare\s+(?:cordially\s+)?invited\s+to\s+(?:attend\s+)?(?:a|an|the)\s+(?P<what>[^,;.(]{3,60})", subject)
        if invited:  # Museum members are invited to a preview
            subject = invited.group("what")
        subject = _TAKES_PLACE.split(subject)[0]  # A public reception will take place the following evening
        subject = _ANNOUNCED_THAT.sub("", subject)  # ODOT announced today that State Route 43 will be closed
        after_dateline = re.match(r"\s*(?:--|—|–)\s*(?P<what>[^.;]{6,120})", self.text[t.span[1]:e])
        if re.fullmatch(r"\s*[A-Z][A-Z .'-]{2,30},?\s*", subject) and after_dateline:
            # SEATTLE, March 18, 2025 -- Northwind Systems today announced …: the news after the dateline
            subject = re.sub(r"\s+(?:today|this\s+(?:morning|afternoon|week))\b", "", after_dateline["what"])
        undated = _EN_DATELINE.sub("", subject)
        if len(undated.strip(" ,;:.—–-")) >= 3:  # PORTLAND, Maine — The museum will …; not CLOSED SESSION — 5:30
            subject = undated
        item = self.agenda_item(s, e)
        if item:  # 6.3 Short-term rental regulations (…). … this hearing be continued to May 9
            subject = item
        name = _QUOTED.search(subject)
        if name and name.group("name")[:1].isupper():
            # will open "Tidelines: Photographs of …," a major exhibition: the show's own name, less its subtitle
            named = name.group("name") if len(name.group("name")) <= 40 else name.group("name").split(":")[0]
            if 3 <= len(named) <= 40:
                subject = named
        title = subject.strip(" ,;:.—–-")
        for _ in range(4):
            title = EN_TRIM.sub("", title).strip(" ,;:.")
        title = re.sub(r"^(?:please|a few reminders|reminder|note|also)\b[:,]?\s*|^[•·▪‣*-]\s*", "", title, flags=re.I)
        title = re.sub(r"^\d{1,3}(?:st|nd|rd|th)\s+(?=[A-Z])", "", title)  # The 158th Marlow County Fair
        title = re.sub(r"^(?:because\s+of|due\s+to|owing\s+to|as\s+a\s+result\s+of|in\s+light\s+of|if\s+approved)\b[^,]{0,80},\s*",
                       "", title, flags=re.I)  # Because of icy roads, all schools will be closed
        title = re.sub(r"^(?:the\s+)?(.+?)\s+(?:will\s+be|is|are)\s+(closed|open|canceled|cancelled|postponed)$", r"\1 \2",
                       title, flags=re.I)  # The library will be closed: Library closed
        title = re.sub(r"\s+(?:has|have|had|was|were)\s+been\s+(?:extended|moved|postponed|changed|rescheduled|pushed\s+back|delayed)$"
                       r"|\s+(?:was|were|is|are)\s+(?:extended|moved|postponed|rescheduled|delayed)$", "", title, flags=re.I)
        if title.count(")") > title.count("("):
            title = title.replace(")", "")
        title = title.capitalize() if title.isupper() else title[:1].upper() + title[1:]
        if label := self.item_label(s, t):
            title = label  # - Memorial Day: A salute to veterans … on Monday, May 29: the item's name
        if re.fullmatch(r"(?:to\s+be\s+|will\s+be\s+)?(?:held|scheduled)", title, re.I) and (above := self.line_above(s)):
            # NOTICE OF 2025 ANNUAL MEETING OF SHAREHOLDERS / To Be Held Thursday, May 29: the notice's subject
            above = re.sub(r"^(?:notice\s+of\s+(?:the\s+)?|announcing\s+)", "", above, flags=re.I)
            title = above.title() if above.isupper() else above
        return shorten(title) if len(title) > 40 else title

    def row_cells(self, s: int, e: int) -> list[tuple[int, int]]:
        """The cells of the table row s..e, as spans; [] when the sentence is no table row (read
        once per sentence: every date in the row asks)."""
        if self.row_at is not None and self.row_at[0] == (s, e):
            return self.row_at[1]
        cells: list[tuple[int, int]] = []
        spaced = False
        if _CELL_HINT.search(self.text, s, e) and _CELLS.search(self.text, s, e):  # most sentences: no bar, no leaders
            cells = _bar_cells(self.text, s, e)
        elif SPACE_GAP.search(self.text, s, e):
            cells = self.spaced_row(s, e)
            spaced = bool(cells)
        self.row_at = ((s, e), cells, spaced)
        return cells

    def in_spaced_table(self, s: int, e: int) -> bool:
        """Whether the sentence s..e is a row of a table whose columns are runs of spaces."""
        self.row_cells(s, e)
        return self.row_at[2]

    def spaced_row(self, s: int, e: int) -> list[tuple[int, int]]:
        """The cells of a row of a table whose columns are runs of spaces, "  INSET day      Monday 5
        January 2026": a line that begins with a label (no digit but a week's) and has a later
        column in line with the row above or below it; [] for any other sentence."""
        a = self.line_start(s)
        b = self.text.find("\n", s)
        b = len(self.text) if b < 0 else b
        cells = spaced_cells(self.text, a, b)
        label = self.text[cells[0][0]:cells[0][1]]
        if e > b or len(cells) < 2 or re.search(r"\d", label) and not _WEEK_CELL.fullmatch(label) \
                and not (len(cells) > 2 and re.fullmatch(r"\d{1,3}", label)) or label[-1] in ".;:,":
            return []  # (a week's number is a label: 第2周   3月9日—3月15日; so is a row's number)
        if not spaced_table_row(self.text[a:b], self.lines_next_to(a, b)):
            return []
        return [(max(x, s), min(y, e)) for x, y in cells if y > s and x < e]

    def column_heads(self, s: int) -> list[str]:
        """The heading row of the table whose row starts at s (序号 | 停气区域 | 停气时间 | …)."""
        for above in self.lines_above(s, 12):  # up through the rows to the table's heading row
            if not _CELLS.search(above):
                if SPACE_GAP.search(above) and not _CELL_HINT.search(above):  # 事项    原定时间    调整后时间
                    if not re.search(r"\d", above):
                        return [above[a:b] for a, b in spaced_cells(above, 0, len(above))]
                    continue
                break
            if not re.search(r"\d", above):
                return [above[a:b].strip() for a, b in _bar_cells(above, 0, len(above))]
        return []

    def row_ranges(self, s: int, e: int, dates: list[Timex]) -> list[Timex]:
        """序号 | 区域 | 停气时间 | 预计恢复供气时间: a row's start under one column and its end under
        the next (恢复, 结束, Ends) are one span; rows of a duty roster (值班) are no entries."""
        cells = self.row_cells(s, e)
        if not cells:
            return dates
        heads = self.column_heads(s)
        if _ROSTER.search(" ".join(heads)):
            return []  # 日期 | 值班领导 | 值班人员 | 联系电话: who is on duty, not what happens
        if _TIMETABLE.search(" ".join(heads)) and all(CLOCK_ONLY.fullmatch(t.rule) for t in dates):
            return []  # 车站 | 首班车 | 末班车: a timetable's hours, every day alike
        out: list[Timex] = []
        for t in dates:
            k = _cell_at(cells, t.span[0])
            prev = out[-1] if out else None
            if (prev is not None and 0 < k < len(heads) and _cell_at(cells, prev.span[0]) == k - 1 and _END_COLUMN.search(heads[k])
                    and prev.start is not None and t.start is not None and t.start > prev.start
                    and day_of(prev.end or prev.start) == day_of(prev.start)):  # (Half term: 26-30 Oct | Ends: a span of its own)
                out[-1] = replace(prev, end=t.end or t.start, type="range", text=self.text[prev.span[0]:t.span[1]],
                                  span=(prev.span[0], t.span[1]), rule=prev.rule + "+row-range")
                continue
            out.append(t)
        return out

    def table_cell(self, s: int, e: int, t: Timex) -> str:
        """The name of a dated table row: the item after a first-cell date ("9月7日（周一）｜全校正式
        上课 Classes begin｜", less its translation), or, for a date in a later column, the row's
        label with that column's heading ("小班 | 8月30日 | 8:30—10:30" under "年级 | 报到日期 | …":
        小班报到; a leading row number is no label); "" when the sentence is no table row."""
        cells = self.row_cells(s, e)
        if not cells:
            return ""
        k = _cell_at(cells, t.span[0])
        own = _ITEM_BEFORE_DATE.search(self.text[cells[k][0]:t.span[0]]) if k > 0 else None
        if own and not re.search(r"\d", own["item"]):
            return shorten(own["item"].strip())  # 第2周 | 2月24日—2月28日 | 一年级家长会（2月27日晚7:00）
        after = self.text[t.span[1]:cells[k][1]]
        lead = self.text[cells[k][0]:t.span[0]]  # (休业式，1月24日起放寒假 in a dated row: a clause of its own)
        if k > 0 and (not lead.strip() or re.search(r"[，,；;]\s*$", lead) and any(
                o.span[1] <= cells[1][1] and re.search(r"\d", o.text) for o in self.in_sentence)) and HAN.search(after) and not any(
                x.span[0] >= t.span[1] and x.span[0] < cells[k][1] and re.search(r"\d\s*[月日]", x.text) for x in self.in_sentence):
            # 第3周　9.11—9.15　9月14日（周四）18:30全园家长会（分班进行）: the cell names its own date's item
            name = clean_title(re.sub(r"^[\s（(]*(?:周|星期)[一二三四五六日天][）)]?", "", after), [x.text for x in self.in_sentence])
            if len(name) >= 2:
                return shorten(name)
        if 0 < k < len(cells) - 1 and all(_WEEK_CELL.fullmatch(self.text[a:b].strip()) for a, b in cells[:k]):
            k = 0  # 第6周 | 3月24日—3月28日 | 春季学生体质健康测试: the teaching week's number labels the date
            cells = [(cells[0][0], cells[1][1])] + cells[2:]
        if k == 0 and len(cells) > 1:
            if all(_HOURS_CELL.fullmatch(self.text[a:b]) for a, b in cells[1:]) and (below := self.name_below(e)):
                return shorten(below)  # SAT, MAR 8  |  11:00 a.m. & 2:00 p.m. / Spinning & Weaving Demonstration
            heading = next(self.lines_above(s, 1), "") if self.line_start(s) == s else ""
            if self.in_spaced_table(s, e):
                heading = ""  # 周次    起止日期    备注: the table's heading row names no row
            if (heading and len(heading) <= 90 and re.search(r"\w", heading) and not _CELL_SEP.search(heading) and heading[-1] not in ".。:：;；,，)）"
                    and not heading.isupper() and heading[0] not in "(（"  # KEY DATES - FIRST SEMESTER; (no school)
                    and not re.search(r"\d", re.sub(r"\b1[89]\d\d|20\d\d\b", "", heading))):
                return shorten(heading.split(":")[0].split("：")[0].strip())  # Northern Light: Prints … / Through Sunday, March 19 | East Gallery
            named = next((c for c in cells[1:] if not _CLOCK_CELL.fullmatch(self.text[c[0]:c[1]])
                          and not _WEEKDAY_CELL.fullmatch(self.text[c[0]:c[1]])), cells[1])
            cell = self.text[named[0]:named[1]].strip()  # Fri Oct 10 | 6:30 PM | Shorts Block A: past the hour's (weekday's) cell
            cell = re.split(r"[，,；;](?=\s*(?:共|\d{1,2}\s*月|\d{1,2}\s*日))", cell)[0]  # 休业式，1月24日起放寒假; 元旦放假，共3天
            cell = clean_title(cell, [x.text for x in self.in_sentence if x.span[1] <= cells[0][1]])  # its holidays stay: 国庆节放假
            if not HAN.search(cell) and re.search(r",\s*\d{1,2}(?::\d\d)?\s*(?:[-–]\s*\d{1,2}(?::\d\d)?\s*)?[ap]\.?m\b", cell, re.I):
                # Senior Financial Aid Night, 6:30 p.m., Library: the name before the hour
                cell = re.split(r",\s", cell)[0]
            if HAN.search(cell):
                cell = re.sub(r"(?<=[\u4e00-\u9fff）)])\s*[A-Za-z][\w &,'()/.-]*$", "", cell)  # 元旦放假 New Year holiday
            return shorten(cell) if len(cell) >= 2 else ""
        first = 1 if k > 1 and re.fullmatch(r"\s*\d{1,3}[.、]?\s*", self.text[cells[0][0]:cells[0][1]]) else 0
        label = self.text[cells[first][0]:cells[first][1]].strip()
        if not HAN.search(label) and len(name := _ROW_LABEL_END.split(label)[0]) >= 3:
            label = name  # Spring break - no classes; halls open ..... March 10-14; Classes begin (8:00 a.m.): its name
        if not HAN.search(label) and len(name := re.sub(r"\s*\([^()]*\)$", "", label)) >= 3:
            label = name  # Census date (enrollment frozen for state reporting): the name, less its note
        if k <= first or not label or t.grain in ("month", "quarter", "year", "season") or re.search(
                r"\d", re.sub(r"\b(?:19|20)\d\d\b|(?:19|20)\d\d年|\d{1,2}(?:\s*[—–-]\s*\d{1,2})?月份?|第\d{1,3}期", "", label)):
            return ""  # (a year or a month may name the label's term: "Fall 2025 grades visible", 1—11月规模以上工业
            #企业效益; a month in a later cell is the row's reference period, 数据期别)
        heads = self.column_heads(s)
        column = re.sub(r"^(?:调整后|变更后|更改后|延期后|新)?|(?:日期|时间|时段|Date|Time)\s*$", "", heads[k],
                        flags=re.I).strip() if k < len(heads) else ""  # (调整后时间: the date itself, no name)
        if self.in_spaced_table(s, e) and not HAN.search(column):
            column = ""  # Holiday    Normal day    Moves to: a heading read off spaces names the column loosely
        return shorten(label + ("" if HAN.search(label + column) else " ") + column if column else label)

    def dated_in_a_later_cell(self, s: int, e: int, t: Timex) -> bool:
        """第3周 | 3月3日—3月7日 | “学雷锋”启动仪式（3月5日）: a row's week or date cell that is only
        dates gives way to the dates its items carry themselves."""
        cells = self.row_cells(s, e)
        if not cells:
            return False
        k = _cell_at(cells, t.span[0])
        a, b = cells[k] if k >= 0 else (s, e)
        if re.sub(r"[\W\d]|第|周|星期|[月日号至到]", "", self.text[a:b].replace(t.text, "")):
            return False  # the cell says more than its date
        heads = self.column_heads(s)
        if 0 <= k < len(heads) and _SUPERSEDED_HEAD.search(heads[k]):
            return True  # 事项 | 原定时间 | 调整后时间: the first date is no longer the date
        one_day = t.start is not None and day_of(t.start) == day_of(t.end or t.start)
        for x in self.in_sentence:
            if x.span[0] < b or x.type in ("duration", "set") or not NAMED_DAY.search(x.text):
                continue
            xa, xb = cells[_cell_at(cells, x.span[0])]
            if _WEEKDAY_CELL.fullmatch(self.text[xa:xb]) or one_day and not re.search(r"\d", x.text):
                continue  # a weekday column; 9月28日 | 正常上课（执行星期三课表）: not a day of its own
            if t.grain == "day" and not re.sub(r"\W", "", self.text[xa:xb].replace(x.text, "")):
                continue  # | Autumn 2026 | Thursday 3 September 2026 | … | Friday 18 December 2026 |: a column of
                # dates (a week's number gives way to them: 第1周 | 9月2日—9月8日)
            if not re.search(r"[，,；;]", self.text[xa:x.span[0]]):
                return True  # (休业式，1月24日起放寒假: the first item is the row's day's)
        return False

    def item_label(self, s: int, t: Timex) -> str:
        """The short name a list item gives itself before a colon ("- Bark in the Park: Fans may
        bring their dogs on Sunday, April 23."), when the date comes after it in the same sentence,
        or a quoted name that opens the paragraph ("The Long Table" (docuseries) — …)."""
        line_start = self.line_start(t.span[0])
        m = (_ITEM_LABEL.match(self.text, line_start, t.span[0]) if line_start >= s else None
             ) or _QUOTED_LABEL.match(self.text, line_start, t.span[0])  # a quoted name heads its whole paragraph
        if m is None or re.search(r"\d", m["label"]) or _NOT_A_LABEL.fullmatch(m["label"]) or m["label"].isupper():
            return ""
        return m["label"]

    @staticmethod
    def named_title(named: re.Match) -> str:
        """The name a label gives its date: "Senior prom: Saturday, May 18", 布展时间为…."""
        groups = named.groupdict()
        dash = groups.get("what_dash") or ""
        if not re.search(r"[A-Za-z\u4e00-\u9fff]{3}", re.sub(r"\b[ap]\.?m\b", "", dash)):
            dash = ""  # Tuesday, April 25 — 6:30 p.m.: a time, not a name
        what = (groups.get("what") or groups.get("what_en") or groups.get("what_item") or groups.get("what_line") or dash
                or groups.get("what_paren") or "")
        title = clean_title(re.sub(r"\s+(?:at|by|from|on)\s+[\d:. apm]+$", "", what.strip()), [])
        if dash and what == dash:  # — Northwind Systems today announced …
            title = shorten(re.sub(r"\s+(?:today|tonight|this\s+(?:morning|afternoon|evening|week))\b", "", title))
        if re.fullmatch(r"(?:[本下上这]?(?:周|星期)[一二三四五六日天]|[至到—\-、和及])+", title):
            return ""  # 下周一至周五（3月3日至7日）: the days said twice, not a name
        return "" if title in ("时间", "日期", "时段", "期限", "展期", "档期") else title  # …，时间为: the name is the clause before

    def holiday_title(self, s: int, t: Timex, verb: str) -> str:
        """A bare holiday verb (放假, 上班, 为调休工作日) named for its holiday: 春节调休上班; "" when
        no holiday is named before it."""
        holiday = self.holiday_topic(s, t)
        if not holiday:
            return ""
        verb = "调休上班" if "工作日" in verb or "上班日" in verb else verb.lstrip("为")
        return (holiday + ("调休" if verb in ("上班", "上课") else "") + verb)[:40]

    def holiday_topic(self, s: int, t: Timex) -> str:
        """The holiday a bare 放假/上班 belongs to: named earlier in its paragraph (二、春节：…)."""
        para_start = self.line_start(s)
        names = list(_HOLIDAY_NAMES.finditer(self.text, para_start, t.span[0])) or list(
            _HOLIDAY_NAMES.finditer(self.text, max(0, t.span[0] - 5000), t.span[0]))  # or the notice's: 关于2026年春节…
        return names[-1].group() if names else ""

    def lead_title(self, s: int, t: Timex, before: str) -> str:
        """The title a date's own short lead gives (报名截至), with the subject of the clause
        before it when the lead alone is too short (庙会志愿者招募工作正在进行，报名截至)."""
        own = clean_title(before, [t.text])
        if len(own) < 5:
            prev = clause_tail(self.text[s:t.span[0] - len(before)].rstrip("，, "))
            prev = re.sub(r"(?:工作)?(?:正在|正|火热|已经|已)?(?:进行|开展|启动)(?:中|之中)?$", "", prev)
            own = clean_title(prev + own, [t.text])
        return own if 4 <= len(own) <= 40 else ""

    def agenda_item(self, s: int, e: int) -> str | None:
        """The numbered agenda item a sentence about "this hearing" belongs to, by its heading."""
        thing = re.search(r"\bth(?:is|e)\s+(hearing|item|matter|ordinance|request|proposal|application)\b", self.text[s:e], re.I)
        if not thing:
            return None
        line_start = self.line_start(s)
        head = re.match(r"\s*\d{1,2}(?:\.\d{1,2})+\.?\s+(?P<name>[^.(\n]{3,60}?)\s*(?:[.(]|$)", self.text[line_start:s + 1])
        if head is None:
            return None
        name = head.group("name").strip()
        word = thing.group(1).lower()
        return name if word in name.lower() or len(name) + len(word) > 39 else f"{name} {word}"

    def line_above(self, s: int) -> str | None:
        """The short line right above a statement that opens its line (a heading), if any."""
        line_start = self.line_start(s)
        if self.text[line_start:s].strip() or line_start == 0:
            return None
        prev_start = self.line_start(line_start - 1)
        line = self.text[prev_start:line_start - 1].strip()
        return line if 3 <= len(line) <= 80 and not DATELINE.search(line) else None

    def bullet_row_label(self, t: Timex) -> str:
        """The label of a bulleted row that ends with its date, set apart by a wide gap: "● 1—6月规模以上
        工业企业利润　7月30日（星期二）" (a release calendar's row); "" for any other line."""
        line = self.line_start(t.span[0])
        row = _BULLET_ROW.match(self.text, line, t.span[0])
        end = self.text.find("\n", t.span[1])
        if row is None or row.end() != t.span[0] or not _ROW_TAIL.fullmatch(self.text, t.span[1], len(self.text) if end < 0 else end):
            return ""
        return shorten(row["label"].strip())

    def colon_item(self, t: Timex) -> re.Match | None:
        """The list item "- Monday, Jan. 19: Martin Luther King Jr. Day, schools closed." whose date
        (before the colon) holds t, or whose first sentence after it does; None for any other line."""
        line = self.line_start(t.span[0])
        item = _DATED_COLON_ITEM.match(self.text, line)
        return item if item is not None and item.start("date") <= t.span[0] else None

    def dated_row_label(self, s: int, e: int, t: Timex) -> str:
        """The label of a listing's row that begins with its date, "Tue, June 17, 6:30 p.m.  Second
        reading and adoption (Resolution 2025-31)": its name, less notes after a colon or in
        brackets; "" for any other sentence.  Only days: "May 2025    4.1%" is a figure's month."""
        line = self.line_start(t.span[0])
        row = LISTING_ROW.match(self.text, line)
        if row is None or line < s or not (t.span[0] < row.end() <= t.span[1] + 12) or t.grain not in ("day", "minute", "hour"):
            return ""
        label = re.split(r"\s*[:(（]|\s+[-–—]\s+|;", self.text[row.end():e])[0].strip(" .,")
        return shorten(label) if re.search(r"[A-Za-z]{3}", label) else ""

    def dated_object(self, s: int, t: Timex) -> str | None:
        """What a date belongs to when it dates the object of "for" and the sentence's own verb
        and date come after it: "Registration for the photo walk on June 22 closes June 14"."""
        later = [x for x in self.in_sentence if x.span[0] > t.span[1]]
        if not later or not re.fullmatch(r"\s*(?:closes|ends|opens|begins|starts|is\s+due|are\s+due)\s+(?:on\s+)?",
                                         self.text[t.span[1]:later[0].span[0]]):
            return None
        m = _FOR_DATED.search(self.text[s:t.span[0]])
        return m.group("what") if m else None

    def starts_now(self, s: int, e: int, m: re.Match) -> Draft:
        """The advisory is effective immediately: a start on the day of publication."""
        subject = self.text[s:s + m.start()]
        title = clean_title(re.sub(r"\s+(?:is|are|was|were|will be|becomes?)\s*$", "", subject.strip()), [])
        if not HAN.search(title):
            title = EN_TRIM.sub("", title).strip(" ,")
            title = title[:1].upper() + title[1:]
        return Draft(title=shorten(title) if len(title) > 40 else title or m.group(), start=self.today, end=None,
                      all_day=True, kind="start", approximate=False, sentence=(s, e),
                      span=(s + m.start(), s + m.end()), timex=m.group(), section=self.prep.headline_before(s) or "")

    def is_headline(self, s: int) -> bool:
        span = self.prep.headline_span_before(s)
        return span is not None and span[0] <= s < span[1]

    def time_label_title(self, s: int, t: Timex) -> str:
        """（一）比赛时间：2025年5月31日: the notice's own happening; 报名时间：即日起至…: 报名; "" when
        the date has no such label."""
        timed = _ZH_TIME_LABEL.match(self.text, s, t.span[0])
        if not timed or len(self.text[timed.end():t.span[0]].strip()) > 2:
            return ""
        whole = re.sub(r"^(?:举办|举行|召开|开展|组织)", "", self.notice_title()) if _GENERIC_HAPPENING.fullmatch(timed["what"]) else ""
        return shorten(whole) if len(whole) >= 4 else timed["what"]

    def notice_title(self) -> str:
        """The document's own title: the subject of its 关于…的通知 line, else its first headline."""
        lines = [self.text[hs:he] for hs, he in self.prep.headlines]
        for line in lines:
            about = re.search(r"关于(?P<what>.{4,60}?)的(?:通知|公告|通告|函)", line)
            if about:
                return clean_title(about["what"], [])
        return clean_title(lines[0], []) if lines else ""

    def section_heading(self, s: int) -> str | None:
        """The short heading right above this statement (Hanging of the Greens / 四、新春活动), when the
        statement is the first under it: such a heading names what the dates are for."""
        para_start = self.line_start(s)
        if self.text[para_start:s].strip():
            return None  # not the paragraph's first statement
        prev_end = para_start - 1
        prev_start = self.line_start(max(prev_end, 0))
        line = self.text[prev_start:prev_end].strip() if prev_end > 0 else ""
        for _ in range(5):  # 【溪山讲堂】宋瓷里的日常生活 / 主讲人：… / 时间：…: up past the item's other fields
            if not (_ZH_FIELD.match(line) and _ZH_FIELD.match(self.text, para_start)) or prev_start == 0:
                break
            prev_end = prev_start - 1
            prev_start = self.line_start(max(prev_end, 0))
            line = self.text[prev_start:prev_end].strip()
        line = re.sub(r"^(?:[一二三四五六七八九十]{1,3}[、.．]|\d{1,2}[.、．])\s*", "", line)
        if line.count("｜") + line.count("|") == 1:
            line = re.sub(r"^\W*\w{1,6}\s*[｜|]\s*", "", line)  # 🎨 展览一｜山川入画——…: the show's name after its number
        if not (2 <= len(line) <= (40 if HAN.search(line) else 60)) or line[-1] in "。.!?！？；;，,:：" or len(line.split()) > (10 if title_case(line) else 6):
            return None
        bare = re.sub(r"\s*[（(][^（()）]*[）)]", "", line)  # Gingerbread House Workshop (ages 6–12)
        if DATELINE.search(bare) or NAMED_DAY.search(bare) or re.search(r"\d", _CODES.sub("", bare)) or BYLINE.match(line) \
                or CREDIT_LINE.fullmatch(line) or _CELL_SEP.search(line):
            return None  # (周次 | 日期 | 主要安排: a table's heading row names columns, not this statement)
        return bare

    def clause_subject_before(self, s: int, t: Timex, raw: str) -> str:
        """The subject of the clause before a clause that opens with 在 (its own subject left out)."""
        at = self.text.find(raw.strip(), s)
        if at <= s or self.text[at - 1] not in "，,":
            return ""
        prev = clause_tail(self.text[s:at - 1])
        head = re.split(r"因|由于|于|在|将|已|正|目前|经|从|到|一行", prev, maxsplit=1)[0].strip()
        prev_start = at - 1 - len(prev)
        dated = any(prev_start <= x.span[0] < prev_start + len(head) for x in self.in_sentence)
        if 3 <= len(head) <= 30 and not dated and not TRIGGER.search(head) and HAN.search(head) \
                and not _REPORTING.search(head) and not re.match(r"据|记者|为|对|按|根据|随着", head):
            return head
        return ""

    def name_below(self, e: int) -> str:
        """The name on the line right below the line that ends at e, when that line is a name (short,
        no sentence, no date, no table row): a listing card's title under its date line."""
        if not self.text.startswith("\n", e) or self.text.startswith("\n", e + 1):
            return ""
        end = self.text.find("\n", e + 1)
        line = self.text[e + 1:len(self.text) if end < 0 else end].strip()
        if not 3 <= len(line) <= 90 or line[-1] in ".。!！?？;；,，" or _CELL_HINT.search(line) \
                or bisect.bisect_left(self.timex_starts, e) < bisect.bisect_left(self.timex_starts, e + 2 + len(line)):
            return ""  # (a line with a date of its own is an entry of its own)
        return line

    def lines_next_to(self, a: int, b: int) -> list[str]:
        """The lines right above and below the line a..b (as they are, indents kept)."""
        out = []
        if a > 0:
            out.append(self.text[self.line_start(a - 1):a - 1])
        if b < len(self.text):
            end = self.text.find("\n", b + 1)
            out.append(self.text[b + 1:len(self.text) if end < 0 else end])
        return out

    def line_start(self, pos: int) -> int:
        """Where the line that holds position pos begins."""
        return self.text.rfind("\n", 0, pos) + 1

    def lines_above(self, s: int, most: int) -> Iterator[str]:
        """The lines above the line at s, nearest first (stripped, blank ones included), at most `most`."""
        pos = self.line_start(s)
        for _ in range(most):
            if pos <= 0:
                return
            start = self.line_start(pos - 1)
            yield self.text[start:pos - 1].strip()
            pos = start

    def part_heading(self, s: int) -> str | None:
        """The numbered part (一、停电时间及范围) a dated list item belongs to, up past the item's siblings."""
        for line in self.lines_above(s, 40):
            part = re.match(r"[一二三四五六七八九十]{1,3}[、.．]\s*(?P<name>[^，。：:\d]{2,20})$", line)
            if part:
                return part["name"]
        return None

    def holy_day_label(self, s: int, t: Timex) -> str:
        """"Palm Sunday, March 29: Procession with palms …": the day's own name and what it holds
        (the weekday is inside the date, its qualifier before it); "" for any other line."""
        line_start = self.line_start(t.span[0])
        lead = self.text[max(line_start, s):t.span[0]].strip()
        weekday = re.match(r"[A-Z][a-z]+day\b", t.text)
        if not weekday or not re.fullmatch(HOLY_DAY, lead):
            return ""
        what = re.match(r"\s*:\s*(?P<what>[^.;\n]{3,60}?)(?:\s+at\s+[\d:.]+(?:\s*[ap]\.?m\.?)?|\s+at\s+noon)?(?=[.;\n]|$)",
                        self.text[t.span[1]:])
        name = f"{lead} {weekday.group()}"
        return shorten(f"{name}: {what['what']}") if what else name

    def in_weekly_list(self, s: int) -> bool:
        """Whether the line at s is an item of a list headed by a weekly routine (每周接种安排,
        开放时间, Weekly schedule, Hours)."""
        for line in self.lines_above(s, 12):  # up past the list's other items to its heading
            if line and len(line) <= 40 and _WEEKLY_HEADING.search(line) and not re.search(r"\d\s*[月日]", line):
                return True
            if line and not _LIST_ITEM.match(line):
                return False
        return False

    def sentence_subject(self, s: int, clause_start: int) -> str:
        """The subject a sentence opens with, for a later clause that leaves it out:
        此外，东环路南延工程目前已完成…，计划10月中旬实现主线贯通 → 东环路南延工程."""
        lead = _CONNECTIVE.match(self.text, s, clause_start).end()
        first = re.split(r"[，,；;：:]", self.text[lead:clause_start], maxsplit=1)[0]
        head = _SUBJECT_END.split(first, maxsplit=1)[0]
        dated = any(x.span[0] < lead + len(head) and x.span[1] > lead for x in self.in_sentence)
        if (3 <= len(head) <= 16 and len(head) < len(first) and not dated and not TRIGGER.search(head)
                and not re.search(r"\s|^\d+(?:\.\d+)?(?:余|多)?[个人名家项万亿%]", head)):
            return head
        return ""

    def topic_of(self, s: int) -> str:
        """The topic a paragraph opens with (二、春节：…) or else its headline, for titles that
        would otherwise be a bare verb (上班)."""
        para_start = self.line_start(s)
        head = re.match(r"\s*(?:[一二三四五六七八九十]+[、.．]|\d+[、.．])?\s*(?P<topic>[^：:，。\n]{2,10})[：:]"
                        r"|\s*[（(][一二三四五六七八九十\d]{1,3}[）)]\s*(?P<topic2>[^：:，。\n]{2,20})[。：:]", self.text[para_start:s + 20])
        if head and re.search(r"\d\s*[月日号时点:：]|\d$", head.group("topic") or head.group("topic2") or ""):
            return ""  # （一）3月20日（星期四）8:00: the colon was the clock's
        if head and head.group("topic") and TIME_LABEL.search(head.group("topic")):
            return re.sub(r"(?:时间|日期|时段)$", "", head.group("topic"))  # 停电时间：…停电 → 停电
        if head and head.group("topic2"):
            return head.group("topic2")  # （二）全国大学英语四、六级考试。6月14日举行
        if head:
            return head.group("topic")
        return ""

    def clause_start(self, s: int, pos: int) -> int:
        chunk = self.text[s:pos]
        cut = max(chunk.rfind("，"), chunk.rfind(","), chunk.rfind("："))
        return s + cut + 1 if cut >= 0 else s

    def in_link_list(self, line_start: int, t: Timex) -> bool:
        """A date in a list of links under 往期推荐 / Related news: short lines, none followed by a
        story of its own (【相关新闻】 over a whole embedded article is that article's heading)."""
        heads = list(_LINK_LIST.finditer(self.text, max(0, line_start - 160), t.span[0]))
        if not heads:
            return False
        lines = self.text[heads[-1].end():t.span[0]].split("\n")
        following = next((ln for ln in self.text[t.span[1]:t.span[1] + 400].split("\n")[1:] if ln.strip()), "")
        return all(len(ln.strip()) <= 80 for ln in lines) and len(following.strip()) <= 80

    @staticmethod
    def find_trigger(text: str, last: bool = False) -> re.Match | None:
        found = [m for m in TRIGGER.finditer(text) if not NEGATED.search(text[max(0, m.start() - 4):m.start()])
                 and not _FORBIDDEN.search(text[max(0, m.start() - 10):m.start()])
                 and not _QUOTED_MODIFIER.match(text, m.end())]
        if not found:
            return None
        if last:
            return found[-1]
        # skip a subordinate 随着…结束 clause when a later clause has a trigger too
        for m in found:
            clause_head = text[max(0, text.rfind("，", 0, m.start()) + 1):m.start()]
            if clause_head.startswith("随着") and m is not found[-1]:
                continue
            return m
        return found[0]

    def kind_of(self, t: Timex, trigger: re.Match | None, window: str, before: str, deadline_target: bool) -> str:
        word = trigger.group() if trigger else ""
        if (t.start is not None and day_of(t.start) == self.today and isinstance(t.end, dt.datetime)
                and "即日" in t.text and re.search(r"报名|申报|提交|报送|注册|预约|征集", word + window[:30])):
            return "deadline"  # 即日起至10月20日17:00完成报名: the closing hour makes the last day the one that matters
        two_sided = t.start is not None and t.end is not None and day_of(t.start) != day_of(t.end)
        if two_sided and t.type == "range" and not re.search(r"前|截止|截至|^(?:by|until|before)\b", t.text, re.I) \
                and t.start != self.ref:
            return "period"  # Season closes with "Much Ado", April 18 through May 5: the run, not its end
        if t.mod == "deadline" or re.search(r"截止|deadline|\bdue\b|closes?\b|no later than|last day (?:to|for)",
                                            word + window[:min(40, clause_end_at(window, 0))], re.I):
            return "deadline"
        if deadline_target:
            return "deadline"
        if t.mod == "start" and t.end is None and ANNOUNCE.fullmatch(word) and re.match(r"\W{0,2}" + re.escape(word), window):
            return "announcement"  # 成绩将于明天12时起公布: published at that hour, not a state that begins
        if t.mod == "start" and t.end is None:
            return "start"
        if ANNOUNCE.search(word):
            return "announcement"
        if t.type == "range" and t.start is not None and t.end is not None and day_of(t.start) != day_of(t.end):
            return "period"
        if t.mod == "start":
            return "start"
        return "event"

    def when(self, t: Timex, kind: str):
        start, end = t.start, t.end
        if ("fuzzy-recent" in t.rule and isinstance(start, dt.date) and isinstance(end, dt.date)
                and (end - start).days <= 10):
            # 日前, 近日: a few days around the reference; the middle is the honest guess
            middle = start + (end - start) / 2
            start = end = middle
        if isinstance(start, dt.datetime) and start == self.ref and t.mod == "deadline":
            start = end  # …前: the bound is what matters
        if isinstance(start, dt.datetime) and isinstance(end, dt.datetime) and end.time() == dt.time(23, 59, 59):
            if start.time() == dt.time(0, 0) or kind == "deadline":
                start, end = (start.date() if start.time() == dt.time(0, 0) else end.date()), end.date()
        if kind == "announcement" and end is None:
            end = start  # 12时起公布: the moment it comes out
        if isinstance(end, dt.datetime) and end.time() == dt.time(0, 0) and re.search(r"24\s*(?:[:：]00|时|点)", t.text):
            end -= dt.timedelta(minutes=1)  # 至11月30日24时: the end of the 30th
        all_day = not isinstance(start if start is not None else end, dt.datetime)
        if (not all_day and isinstance(end, dt.datetime) and isinstance(start, dt.datetime)
                and end.date() > start.date() and end - start < dt.timedelta(hours=18)
                and not re.search(r"\d\s*(?:a\.?m\.?|[:：]\d\d|时|点)", t.text[len(t.text) // 2:], re.I)):
            end = dt.datetime.combine(start.date(), dt.time(23, 59), start.tzinfo)  # last night: that evening
        if not all_day and isinstance(end, dt.date) and not isinstance(end, dt.datetime):
            end = dt.datetime.combine(end, dt.time(23, 59), start.tzinfo)
        if all_day and isinstance(end, dt.datetime):
            end = end.date()
        if kind == "start":
            end = None
        return start, end, all_day

    # ------------------------------------------------------------ titles
    def title_from(self, s: int, e: int, t: Timex, trigger: re.Match | None, window: str, before: str) -> str:
        if not HAN.search(self.text[s:e]):
            return self.english_title(s, e, t, window)
        title = self.chinese_title(s, e, t, trigger, window, before)
        label = _ZH_ITEM_LABEL.match(self.text, s, t.span[0])
        if (label and len(self.text[label.end():t.span[0]]) <= 4 and not _NOT_A_ZH_LABEL.search(label["x"])
                and label["x"] not in title):
            # 5. 新生军训：9月9日起，为期两周，结束后举行阅兵式: the item's label names it
            verb = trigger.group() if trigger is not None and len(label["x"]) <= 3 else ""
            return label["x"] + verb
        return title

    def chinese_title(self, s: int, e: int, t: Timex, trigger: re.Match | None, window: str, before: str) -> str:
        if trigger is not None and trigger.string is window:
            # the window stops at the next date; the name may go on past it (召开三季度…新闻发布会)
            full = self.text[t.span[1]:e] if self.text.startswith(window, t.span[1]) else window
            tail_end = clause_end_at(full, trigger.end())
            head_start = max(window.rfind("，", 0, trigger.start()), window.rfind(",", 0, trigger.start())) + 1
            raw = full[head_start:tail_end]
            if head_start == 0:
                raw = re.sub(r"(?<=[\u4e00-\u9fff])(?:自|从)$", "", clause_tail(before).rstrip()) + raw  # 本学期自…开学
            elif re.search(r"(?:截至|截止|截止到|截止至|截止时间为|为止)\s*$", before):
                raw = self.lead_title(s, t, before) or raw  # 报名截至1月24日，有意者可到…报名: the lead names it
        else:
            own = window[:clause_end_at(window, 0)]
            if len(own.strip()) < 2 and not re.sub(r"[\s、，,到至在于从]", "", _without(before, [x.text for x in self.in_sentence])):
                nxt = clause_end_at(window, 0) + 1
                own = window[nxt:clause_end_at(window, nxt)]
            raw = before + own
        title = clean_title(raw, [x.text for x in self.in_sentence] + [t.text])
        if re.match(r"\s*(?:将|拟)?在", raw) and len(topic := self.topic_of(s)) >= 4 and not TIME_LABEL.search(topic):
            return topic  # （一）“元宵送岗”招聘会。2月24日上午9:00，在市人力资源市场举办: the item names it
        if re.match(r"\s*(?:将|拟)?在", raw) and trigger is not None and (who := self.clause_subject_before(s, t, raw)):
            return shorten(who + trigger.group())  # …周德林同志因病医治无效，在市第一人民医院逝世: 周德林同志逝世
        verb = title if _HOLIDAY_VERB.fullmatch(title) else "" if title else _HOLIDAY_VERB.search(raw)
        verb = verb.group() if isinstance(verb, re.Match) else verb
        if verb and (named_for_holiday := self.holiday_title(s, t, verb)):
            return named_for_holiday  # 二、春节：2月10日至17日放假调休; 国庆节、中秋节放假时间为…; 9月28日（星期日）上课
        if 2 <= len(title) < 4 and trigger is not None and trigger.group() not in title:
            title += trigger.group()  # 寒假1月18日开始: 寒假开始
        if 2 <= len(title) < 4 and re.search(r"[假期季节]$", title) and re.search(r"(?:开始|起)$", t.text):
            title += "开始"  # 寒假自1月18日开始: the verb was inside the date
        clause_start = t.span[0] - len(before)
        label_only = title in ("时间", "日期", "展期", "时段", "会期", "期限")  # 参加全市统一检测，时间为1月14日至15日
        if (len(title) < 4 and clause_start > s and self.text[clause_start - 1] in "，," and label_only
                and 2 <= len(clause_tail(self.text[s:clause_start - 1])) <= 30):
            title = clean_title(clause_tail(self.text[s:clause_start - 1]), [x.text for x in self.in_sentence])
        if clause_start > s and _PLANNED.match(before) and (subject := self.sentence_subject(s, clause_start)) \
                and subject not in title:
            title = clean_title(subject + title, [x.text for x in self.in_sentence])  # 南延工程…，预计年底完工
        named_holiday = next((x.text for x in self.in_sentence if "holiday" in x.rule and clause_start <= x.span[0] < t.span[0]), "")
        if not title and named_holiday:
            title = re.sub(r"^(?:今年|明年|去年)", "", named_holiday)  # 今年春节假期从2月15日持续至23日: the holiday is the subject
        if len(title) < 4 and clause_start > s and self.text[clause_start - 1] in "，,":
            subject = clause_tail(self.text[s:clause_start - 1])  # 新开接驳线M3路，自12月28日起运营
            subject = re.sub(r"^\s*(?:[（(][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}[、.．])\s*", "", subject)
            if 2 <= len(subject) <= 20 and not TRIGGER.search(subject) and not re.match(r"对|为|在|从|由|经|据|按|根据|随着|围绕|共", subject) \
                    and not _REPORTING.search(subject):  # 负责人表示，…: who speaks is no subject
                title = clean_title(subject + title, [x.text for x in self.in_sentence])
        if not title and clause_start > s:  # 下学期开学时间另行通知，预计为2026年3月2日
            subject = re.sub(r"(?:时间|日期)?(?:另行通知|另行公布|待定)$", "", clause_tail(self.text[s:clause_start - 1].rstrip("，, ")))
            title = clean_title(subject, [x.text for x in self.in_sentence])
        if len(title) < 4 and (topic := self.topic_of(s)) and not title.startswith(topic):
            title = topic + title
        headline = self.prep.headline_before(s)
        if headline and (len(title) > 40 or len(title) < 4 or similar(headline, title) > 0.5):
            hs, he = self.prep.headline_span_before(s)
            first = bisect.bisect_left(self.timex_starts, hs)
            inside = [x.text for x in self.timexes[first:bisect.bisect_left(self.timex_starts, he)]]
            h = clean_title(headline, inside)  # less 本周日
            if 4 <= len(h) <= 40 and not re.search(r"\d+月\d+日|[上中下]旬", headline):
                if similar(h, title) > 0.3 or len(title) > 40 or len(title) < 4:
                    title = h
        if len(title) > 40:
            title = shorten(title)
        return title
