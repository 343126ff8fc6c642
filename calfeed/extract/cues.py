"""The words the event reader listens for: verbs and nouns of happening, the marks of context
(statistics, what a reporter saw, rules), of revisions, names and durations.

Kept apart from events.py so the logic reads on its own; every pattern here is general
vocabulary, not a phrase of one document.
"""
from __future__ import annotations

import re

CLOCK_ONLY = re.compile(r"(?:pod\+)?(?:clock|hm)|clock-range")  # a tagger rule that read only a clock

# Verbs and nouns of happening.
ZH_TRIGGERS = (
    "召开|举行|举办|开幕|闭幕|开始|启动|上线|发布|公布|截止|报名|考试|成立|揭牌|发生|结束|落幕|落下帷幕|开通|通车|放假|上班|开展|开放|开业|开工|竣工|投用|投产|开馆|闭馆|"
    "开园|开赛|开课|开学|亮相|揭晓|公示|出台|印发|施行|实施|生效|到期|停止|暂停|恢复|调整|会议|大会|论坛|展览|展会|博览会|比赛|挑战赛|活动|仪式|典礼|演出|讲座|发布会|座谈会|"
    "听证会|调研|视察|考察|检查|主持|出席|会见|访问|签约|签署|开班|结业|毕业|入学|注册|申报|提交|受理|缴费|选举|投票|换届|开通运营|试运营|运营|首发|开售|发售|上市|调休|"
    "放假调休|举行了|召开了|迎来|接种|体检|培训|面试|笔试|阅卷|录取|推迟|延期|优惠|免费|减免|限行|管制|停运|停水|停电|封闭|施工|布展|撤展|军训|报到|返校|离校|值班|公示期|"
    "征集|招募|宣讲|巡查|开庭|审理|宣判|庭审|审议|表决|拘留|逮捕|停业|整顿|处罚|判决|立案|维护|登记|预约|集会|庆典|市集|展演|巡演|义诊|寒假|暑假|假期|休假|停课|复课|返岗|"
    "登陆|过境|来袭|停航|封路|上演|首演|开跑|鸣枪|增设|专场|开设|办理|确认|下载|打印|领取|参加|前往|集合|核验|采集"
    "|抽奖|抽取|开奖|颁奖|领奖|兑奖|首销|预售|征求意见|征求|开考|考(?=语文|数学|外语|英语|物理|历史|化学|生物|政治|地理|《)"
    "|收网|抓获|破获|捣毁|侦破|落网"
    "|上课|补课|开学|放学|家长会|补考|缓考|统考|联考|考核|答辩|复试|初试|竞赛|验收|停诊|休诊|开诊|启幕|揭幕|推出|亮灯|开演"
    "|完工|贯通|建成|交付|投入使用|合龙|封顶|通航|通水|通气|供暖|停暖|休渔|开捕|开闸|展期|会期|赛期"
    "|开镰|开秤|申请|申领|申购|逝世|去世|病逝|辞世|遇难|设立|开市|闭市|开街|首航|复航|停航|春运|试乘|试驾|加开|增开|停开|督查|督导|暗访|巡视|巡察|演练|开讲|开营|开播|开机|首映|公映|上映|定档"
)
EN_TRIGGERS = (
    r"held|hold|holds|meet|meets|meeting|open|opens|opening|reopen|reopens|close|closes|closing|deadline|"
    r"due|begin|begins|start|starts|launch|launches|launched|announce|announced|announces|conference|"
    r"festival|exhibition|fair|concert|register|registration|apply|applications?|election|vote|hearing|"
    r"ceremony|will be|takes? place|takes place|workshop|seminar|webinar|lecture|class(?:es)?|exam|exams|"
    r"run|runs|ends|end|expire|expires|submit|submission|released?|session|break|holiday|recess|"
    r"tournament|game|match|parade|sale|closed|talk|screening|performance|show|tour|party|celebration|"
    r"fundraiser|swap|market|open\s+house|luncheon|dinner|breakfast|service|rehearsal|tryouts?|auditions?|"
    r"camp|clinic|drive|clean-?up|walk|race|marathon|gala|banquet|summit|forum|symposium|briefing|call|"
    r"vote[ds]?|voting|approved|adopted|signed|effective|takes?\s+effect|join\s+us|kick-?off|premiere|"
    r"release|opens?|reopens?|resumes?|graduation|commencement|orientation|move-in|exams?|finals|trial|"
    r"sentencing|presents?|presented|unveiled|performs?|recital|services?|worship|mass|vigil|landfall|storm|advisory|lifted"
    r"|plays|playing|running|renews?|renewals?|decision|issue|draft|trade\s+deadline|playoffs?|opening\s+day"
    r"|preview|reception|invited|hosts?|hosting|community\s+day|open\s+house|final\s+trips?|last\s+day|first\s+day|no\s+school"
    r"|will\s+(?!not\b)[a-z]+|is\s+scheduled|are\s+scheduled"
    r"|outages?|warning|closures?|detours?|shut-?offs?|may\s+(?!not\b)[a-z]+|(?:is|are)\s+expected\s+(?:in|on|by|to)"
    r"|will\s+not\s+(?:take\s+place|be\s+held|be\s+collected|run|operate)|(?:is|are|been)\s+cancell?ed"
    r"|no\s+(?:collection|service|pickup|classes|mail|trash|recycling|meeting|games?)"
    r"|semifinals?|quarterfinals?|championships?|scrimmage|matinee|performances?|homecoming|recognition\s+night"
    r"|arrives?|arriving|lands|debuts?|premieres|airs|airing|drops|goes\s+live|unlocks?|returns|(?:is|are)\s+back|maintenance|flights?|sailings?"
    r"|fest|first\s+pitch|tip-?off|puck\s+drop|fireworks|giveaway|picnic|potluck|cookout|bingo|social|mixer|tasting|salute"
)
ZH_TRIGGER = re.compile(ZH_TRIGGERS)
EN_TRIGGER = re.compile(rf"\b(?:{EN_TRIGGERS})\b", re.I)
_LATIN = re.compile(r"[A-Za-z]")


class _Triggers:
    """TRIGGER.finditer / .search over both vocabularies: the Chinese one is a plain alternation
    of literals (fast in C); the English one runs only where there are Latin letters."""

    @staticmethod
    def finditer(text: str):
        found = list(ZH_TRIGGER.finditer(text))
        if _LATIN.search(text):
            found.extend(EN_TRIGGER.finditer(text))
            found.sort(key=lambda m: m.start())
        return iter(found)

    @staticmethod
    def search(text: str):
        return next(_Triggers.finditer(text), None)


TRIGGER = _Triggers()
ANNOUNCE = re.compile(r"公布|发布|揭晓|公示|出台|印发|announce|release|publish", re.I)
# Context, not events: statistics, as-of figures, what a reporter saw.
STATISTIC = re.compile(r"\d+(?:\.\d+)?万|人次|达到|累计|增长|同比|环比|占比|比重|突破|下降|增加|减少|实现|完成投资|产值|增加值|总量|总额|%|％|万千瓦|亿元|万元|万人次")
REPORTER = re.compile(r"记者(?:在|从|于|近日|日前)?[^，。]{0,20}?(?:看到|了解到|获悉|采访|见到|注意到|发现)")
META_SENTENCE = re.compile(r"(?:通知|公告|通告|安排|说明|事项|告知|提示|公布|明确)如下|^\s*关于[^。！？]{2,60}的(?:通知|公告|通告|意见|决定|安排|办法|方案|请示|报告)\s*$")
NEGATED = re.compile(r"(?:未|没有|没|不|无|尚未|并未|not|no|never|n't)\s*$", re.I)
RULE_WORDS = re.compile(r"^[）)\s]*(?:每日|每天|每周|每晚|每月|daily|every|each)", re.I)
IMMEDIATELY = re.compile(r"\b(?:effective|takes effect|in effect)\s+immediately\b|立即生效|即刻生效|即日生效", re.I)
TIME_LABEL = re.compile(r"(?:时间|日期|时段|期间|档期|When|Dates?|Time)\s*[:：]?\s*$", re.I)  # 活动时间 / When:
REVISION = re.compile(r"改期至|改期到|改期为|变更为|变更至|调至|顺延至|顺延到|延后至|延后到|推迟至|推迟到|延期至|延期到|延长至|延长到|调整为|调整至|改为|改至|提前至|提前到|postponed to|moved to|extended to|rescheduled for"
                      r"|\b(?:postponed|moved|rescheduled|pushed\s+back|delayed)\s+(?:by|because|due|owing|at)\b[^.;]{0,60}?\s(?:to|until|for)\s", re.I)
ENUMERATION = re.compile(r"[\s（）()星期周礼拜一二三四五六日天、，,和及与或]*")
NAMED_AFTER = re.compile(r"[）)]?\s*(?:为|是)(?P<what>[^，。；;]{2,24}?(?:期|周|日|月|节|假|阶段|时段))(?=[，。；;,]|$)"
                         r"|(?:\s*[—–]{1,2}|\s+-{1,2})\s*(?P<what_dash>[^.;(\n—–]{3,60})")  # Monday, December 9 — Reading day
NAMED_TIME = re.compile(r"(?P<what>[\u4e00-\u9fff“”（）()]{2,16}?)(?:时间|日期)?(?:为|是|定于|：|:)\s*$"
                        r"|^\s*(?:[（(][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十\d]{1,3}[、.．])?\s*"
                        r"(?P<what_paren>[^，。（(：:]{2,15})[（(]\s*$"  # （二）县级初审（4月14日至4月25日）
                        r"|^\s*(?:[*•·▪‣-]\s*)?(?P<what_en>[A-Z][^:\n]{2,60}):\s*"
                        r"(?:[A-Z][a-z]+days?\s+(?:through|to|-|–)\s+[A-Z][a-z]+days?(?:\s+(?:nights|evenings|mornings))?,\s*)?$"
                        r"|^\s*[*•·▪‣-]\s*(?P<what_item>[A-Z][^,:\n]{2,50}),\s*$"  # - Tomato Fest, Saturday, Aug. 17: …
                        r"|^\s*(?P<what_line>[\"“A-Z][^\n]{2,60}?)\s+(?:-{1,2}|[—–])\s*$")  # "The Music Man" - September 22 …
STANDING_RULE = re.compile(r"\b(?:every|each|(?:first|second|third|fourth|last)(?:\s+and\s+(?:first|second|third|fourth|last))?)\s+$|每(?:个|逢)?\s*$", re.I)
HOLY_DAY = r"Good|Palm|Easter|Holy|Ash|Maundy|Black|Cyber"  # the word before a weekday that names the day
COMPLETION = re.compile(r"完工|完成|建成|竣工|交付|投用|投入使用|收官")  # work that is due by a date
ENDING = re.compile(r"结束|落幕|闭幕|落下帷幕|建成|完成|竣工|ended|closed|finished", re.I)
FORWARD_LEAD = re.compile(r"(?:为期|持续|共计|会期|展期|公示|展出|试运行|征求意见|\bfor|\b(?:take|takes|last|lasts))\s*"
                          r"(?:about|approximately|around|roughly|nearly|约|大约)?\s*$", re.I)
DURATION_LEAD = re.compile(r"(?:为期|历时|持续|共计|历经|连续|会期|展期|公示|展出|试运行|征求意见|\bfor|\b(?:take|takes|last|lasts))\s*"
                           r"(?:about|approximately|around|roughly|nearly|约|大约)?\s*$", re.I)
SUBJECT_PRONOUN = re.compile(r"^(?:此次|本次|该|本届|此项|这次|(?:the|this|it)\b)", re.I)
# Words that do not help a title.
LEAD_WORDS = re.compile(
    r"^(?:另悉|据悉|据了解|据介绍|同时|此外|并且?|而且|其中|目前|当前|近日|日前|今年|去年|明年|据主办方介绍|"
    r"于|在|从|自|至|到|将|拟|预计|计划|定于|已经?|也|还|均|于是|随后|届时|进行(?=[\u4e00-\u9fff]{4})|"
    r"on|at|in|from|by|until|the|and|then)\s*[，,：:]?\s*",
    re.I,
)
TITLE_NOISE = re.compile(r"[，,。；;！？!?、\s]+$|^[，,。；;、：:\s]+")
STOP_BIGRAMS = {"我市", "全市", "本市", "召开", "举行", "举办", "开始", "工作", "活动", "今年", "正式", "成功", "圆满"}

HAN = re.compile(r"[\u4e00-\u9fff]")
# Words around an English date that are not part of the happening's name.
EN_TRIM = re.compile(
    r"\s+(?:will\s+be\s+held|will\s+take\s+place|takes?\s+place|will\s+be|is\s+on|are\s+on|is\s+set\s+for|"
    r"are|is|was|were|on|from|at|by|until|through|between|starting|beginning|scheduled\s+for|set\s+for|due|"
    r"runs?|now|will|for|in|on\s+\w+day|(?:has|have)\s+been(?:\s+(?:moved|changed|rescheduled|postponed|pushed\s+back))?"
    r"(?:\s+to)?)\s*$|"
    r"^(?:the|this|our|and|but|then)\s+",
    re.I,
)

NAMED_DAY = re.compile(r"\d+\s*月\s*\d+\s*[日号]|[今昨明前]天|[今昨明]日|[上本下这]周|星期|周[一二三四五六日天]|"
                        r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d|\b\w+day\b", re.I)

OPENS = re.compile(r"\b(?:opens?|opening|begins?|beginning|starts?|starting|resumes?)\b|开始|启动|开放|开启|开市|开幕|开园|开馆|开街|起$", re.I)
CLOSES = re.compile(r"\b(?:closes?|closing|ends?|ending|through|until)\b|结束|截止|结课|结业|闭市|闭幕|闭馆|闭园|落幕|收市|(?:执行|实施|有效|延续|持续)(?:至|到)", re.I)
# 持续至…, 展期至…: the happening just named goes on until the date that follows
RUNS_UNTIL = r"(?:持续|延续|一直|开放|展期|展出|展览|展|期限|有效期)(?:至|到)"
