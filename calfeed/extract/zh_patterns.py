"""The regular expressions of the Chinese tagger: atoms (the smallest time words) and the
markers around them.  Kept apart from the logic so each reads on its own.

Every atom is a named group of ATOM; `match.lastgroup` says which one matched.  Texts are
normalised first (full-width digits and colons to ASCII, same length), so patterns use ASCII.
"""
from __future__ import annotations

import re

from calfeed.extract import first_chars
from calfeed.extract.calendars import FLOATING_FESTIVALS, LUNAR_FESTIVALS, SOLAR_FESTIVALS

FULLWIDTH = str.maketrans("０１２３４５６７８９：／－．～，", "0123456789:/-.~,")

CN_DIGIT = "〇零○一二三四五六七八九"
CN_NUM = "〇零○一二两三四五六七八九十"
YEAR_NUM = rf"(?:(?:1[5-9]|20|21)\d\d|\d\d|[{CN_DIGIT}]{{4}}|[{CN_DIGIT}]{{2}})"
MONTH_NUM = r"(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])"
DAY_NUM = r"(?:3[01]|[12]\d|0?[1-9]|三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九])"
HOUR_NUM = r"(?:2[0-4]|[01]?\d|二十[一二三四]?|十[一二三四五六七八九]?|[零一二两三四五六七八九])"
MINUTE_NUM = r"(?:[0-5]?\d|[二三四五]十[一二三四五六七八九]?|十[一二三四五六七八九]?|零?[一二三四五六七八九])"
COUNT = rf"(?:\d+(?:,\d{{3}})*(?:\.\d+)?万?|[{CN_NUM}俩仨百千万几]+)"

# Characters after 月/号/年 that make them something else (月饼, 3号线, 年代...).
NOT_AFTER_MONTH = "饼球亮光票薪租度刊报卡费"
NOT_AFTER_HAO = "线楼院文令门室库机台位车道房口厅馆码键窗栋公单床座"
YEAR_FUZZY = r"(?P<{n}>年初|年中|年底|年末|年终|伊始|初期|中期|末期|前期|后期|初|中(?=[,，。、的前后以之至到\s]|$)|底|末|上半年|下半年|前半年|后半年)"
MONTH_FUZZY = r"(?P<{n}>上中旬|中下旬|上旬|中旬|下旬|月初|月中|月底|月末|初|中旬|中(?=[,，。、的前后以之至到\s]|$)|底|末|上半月|下半月)"
SEASON = r"(?P<{n}>春季|夏季|秋季|冬季|春天|夏天|秋天|冬天|暑假|寒假|暑期|[春夏秋冬](?![节运晚耕播天季装茶游风雨雪光色景意至分]))"

_fest = sorted(set(SOLAR_FESTIVALS) | set(LUNAR_FESTIVALS) | set(FLOATING_FESTIVALS), key=len, reverse=True)
# Bare numerals that name festivals only with a festival word after them (十一假期, 五一期间).
_NUMERAL_FEASTS = {"十一", "五一", "六一", "七一", "八一"}
_fest_plain = [f for f in _fest if f not in _NUMERAL_FEASTS]
HOLIDAY_SUFFIX = r"(?P<hsuf>小长假|长假|假期|黄金周|放假|期间|节|当天|当日|这天|那天)"
_TERMS = "|".join(("小寒", "大寒", "立春", "雨水", "惊蛰", "春分", "清明", "谷雨", "立夏", "小满", "芒种", "夏至",
                   "小暑", "大暑", "立秋", "处暑", "白露", "秋分", "寒露", "霜降", "立冬", "小雪", "大雪", "冬至"))

ALTERNATIVES = [
        # 2023-06-21, 2023/6/21, 2023.6.21, 2019.05.29 15:20, 2018-12-1209:03, 2022 11 23
        r"(?P<iso>(?<![\d.])(?P<iso_y>(?:1[89]|20)\d\d)\s?(?P<iso_s>[-/.])\s?(?P<iso_m>1[0-2]|0?[1-9])"
        r"(?:\s?[-/.]\s?(?P<iso_d>3[01]|[12]\d|0?[1-9]))?(?:(?![\d.])|(?=\d\d?:\d\d))"
        r"(?:[日号])?(?:\s*(?P<iso_h>[01]?\d|2[0-3])[:](?P<iso_mi>[0-5]\d)(?::(?P<iso_se>[0-5]\d))?)?)",
        r"(?P<compact>(?<![\d.])(?P<cp_y>(?:19|20)\d\d)(?P<cp_m>0[1-9]|1[0-2])(?P<cp_d>0[1-9]|[12]\d|3[01])(?![\d.]))",
        r"(?P<spaced>(?<![\d.])(?P<sp_y>(?:19|20)\d\d) (?P<sp_m>1[0-2]|0?[1-9]) (?P<sp_d>3[01]|[12]\d|0?[1-9])(?![\d.]))",
        r"(?P<mmdd>(?<![\d./:\-月年])(?P<md_m>0[1-9]|1[0-2])-(?P<md_d>0[1-9]|[12]\d|3[01])(?![\d/:-]|\.\d)"
        r"(?:\s*(?P<md_h>[01]?\d|2[0-3]):(?P<md_mi>[0-5]\d))?)",
        r"(?P<dotdate>(?<![\d.])(?P<dd_m>1[0-2]|[1-9])·(?P<dd_d>3[01]|[12]\d|[1-9])(?!\d))",
        r"(?P<slash>(?<![\d./])(?P<sl_m>1[0-2]|[1-9])/(?P<sl_d>3[01]|[12]\d|[1-9])(?=[号日]))[号日]",
        # centuries and decades: 18世纪, 上世纪80年代, 二十世纪九十年代末期
        rf"(?P<century>(?:(?P<ce_rel>上个?|本|这个?|下个?)世纪|(?P<ce_n>\d{{1,2}}|[{CN_NUM}]{{1,3}})世纪)"
        rf"(?:(?P<ce_dec>[1-9]0|[一二三四五六七八九]十)年代)?(?P<ce_fz>初期|中期|末期|前期|后期|初|末|中叶)?)",
        rf"(?P<decade>(?<![\d{CN_NUM}])(?P<de_n>[1-9]0|[一二三四五六七八九]十)年代(?P<de_fz>初期|中期|末期|前期|后期|初|末)?)",
        # lunar dates: 农历八月十五, 腊月初十, 正月初8, 闰四月, 大年初十, 五月廿二
        rf"(?P<lunar>(?P<lu_mark0>农历|阴历)?(?:(?P<lu_y>{YEAR_NUM})\s*年)?(?P<lu_mark>农历|阴历)?\s*(?P<lu_leap>闰)?"
        r"(?P<lu_m>正|腊|冬|十[一二]?|[一二三四五六七八九]|1[0-2]|[1-9])月(?![份底末中饼球亮光票薪租度刊报卡费]|初(?![一二三四五六七八九十\d]))"
        r"(?P<lu_d>初[一二三四五六七八九十\d]|二十[一二三四五六七八九]|[二三]十(?![一二三四五六七八九\d])|廿[一二三四五六七八九]?|十[一二三四五六七八九]?"
        rf"|[一二三四五六七八九](?![{CN_NUM}日号])|\d{{1,2}}[日号]?(?![\d]))?(?![日号\d{CN_NUM}]|[上中下]旬))",
        r"(?P<lunar2>(?P<lu2_mark>农历|阴历)?(?P<lu2_leap>闰)(?P<lu2_m>正|腊|冬|十[一二]?|[一二三四五六七八九]|1[0-2]|[1-9])月)",
        r"(?P<newyear>大年(?P<ny_d>初[一二三四五六七八九十\d]|三十))",
        # Chinese dates: 2023年6月21日, 6月21日, 21日, 21号, 二〇二三年六月二十一日, 1月3
        rf"(?P<ymd>(?<![\d.])(?P<y_y>{YEAR_NUM})\s*年(?![代级纪龄轻金薪货鉴报刊会息])"
        rf"(?:\s*(?P<y_m>{MONTH_NUM})\s*月(?![{NOT_AFTER_MONTH}])份?"
        rf"(?:\s*(?P<y_d>{DAY_NUM})\s*[日号](?![{NOT_AFTER_HAO}])|{MONTH_FUZZY.format(n='y_mfz')})?"
        rf"|{YEAR_FUZZY.format(n='y_fz')}|{SEASON.format(n='y_season')})?)",
        rf"(?P<md>(?<![\d.第])(?P<m_m>{MONTH_NUM})\s*月(?![{NOT_AFTER_MONTH}])份?"
        rf"(?:\s*(?P<m_d>{DAY_NUM})\s*[日号](?![{NOT_AFTER_HAO}])|(?P<m_d2>3[01]|[12]\d|[1-9])(?=[\s,，。、;；:：至到()（）上下中晚早凌午夜]|$)"
        rf"|{MONTH_FUZZY.format(n='m_fz')})?)",
        rf"(?P<day>(?<![\d.第{CN_NUM}〕\]】])(?:(?<![\u4e00-\u9fff](?<![月至到从于在是为的前今本下上即止自和及或、我你他她它们会要将就才也都还再去来等每逢起后]))|(?<=其中)"
        # 会议24日在京召开: after a noun, a day the news goes on from (a place, a time of day, a verb)
        rf"|(?=(?:[12]\d|3[01]|[1-9])日(?:在京|在[\u4e00-\u9fff]{{1,4}}(?:召开|举行|举办|开幕|闭幕)|上午|下午|晚间|晚上|晚|凌晨|早上|中午|起|电|从|对|向|赴|召开|举行|举办|开幕|闭幕|发布|公布|正式|宣布|[至到](?:[12]\d|3[01]|[1-9])日|\d{{1,2}}[时点]|（(?:星期|周))))"
        rf"(?P<d_d>{DAY_NUM})\s*[日号](?![{NOT_AFTER_HAO}内]))",
        # the bare first number of a range: 12-19日, 1-9月份, 9~12点半
        rf"(?P<numrange>(?<![\d.{CN_NUM}])(?P<nr_n>\d{{1,2}}|[{CN_NUM}]{{1,3}})\s*(?:-|~|～|－|—+|至|到)\s*"
        rf"(?=(?:\d{{1,2}}|[{CN_NUM}]{{1,3}})\s*(?:月|日|号|点|时))"
        rf"|(?<![\d.])(?P<nr_y>(?:1[5-9]|20)\d\d)\s*(?:-|~|～|－|—+|至|到)\s*(?=\d{{2,4}}\s*年))",
        # a bare lunar day closing a range: 正月初二至初六
        r"(?P<lunarday>(?<=[至到\-~～—、])初(?P<ld_d>[一二三四五六七八九十]))",
        # plan periods: “十四五”期末
        r"(?P<plan>[“\"「]?(?P<pl_n>十[一二三四五六七八九]|二十[一二]?)五[”\"」]?(?=[规计时期末初中开收以,，。、]|$)"
        r"(?:规划|计划)?(?P<pl_fz>期末|末期|末|期间|时期|初期|初|中期|开局之年|收官之年)?)",
        # relative years, months, quarters
        r"(?P<ryear>(?P<ry>大前年|大后年|前年|去年|今年|明年|后年|本年|同年|当年|次年|翌年|上一年|下一年|这一年|上年|来年|今明两年|本年度)"
        + YEAR_FUZZY.format(n="ry_fz").replace("(?P<ry_fz>", "(?P<ry_fz>") + "?"
        + rf"(?:{SEASON.format(n='ry_season')})?)",
        r"(?P<rmonth>(?P<rm>上上个月|下下个月|上一个月|下一个月|这一个月|上个月|下个月|这个月|本月|上月|下月|当月|同月|次月)"
        + MONTH_FUZZY.format(n="rm_fz") + "?)",
        r"(?P<quarter>(?:(?P<q_rel>上上个?|下下个?|上个?|下个?|本|这个?|当)季度|第?(?P<q_n>[一二三四1-4])季度|首季度"
        r"|Q(?P<q_q>[1-4])(?:季度)?|前(?P<q_count>[一二三两1-3])个?季度)(?P<q_fz>初|末|末期|中(?=[,，。、的前后以之\s]|$))?)",
        r"(?P<half>上半年|下半年)",
        # standalone fuzzy parts: 年底, 月初, 上旬
        r"(?P<fuzzy>(?P<fz>年初|年中(?=[,，。、的前后以之\s]|$)|年底|年末|年终|月初|月中|月底|月末|上中旬|中下旬|上旬|中旬|下旬))",
        r"(?P<season>(?P<se>春季|夏季|秋季|冬季|暑假|寒假|暑期))",
        # festivals and solar terms
        rf"(?P<holiday>(?P<ho>{'|'.join(_fest_plain)}|{_TERMS}|(?P<ho_num>十一|五一|六一|七一|八一)(?=小长假|长假|假期|黄金周|期间|放假|节|劳动节|国庆))"
        rf"{HOLIDAY_SUFFIX}?)",
        # weeks: 本周五, 下周三, 上上周, 周末, 星期天, 第二周
        r"(?P<week>(?P<w_rel>上上上|下下下|上上个?|下下个?|上一个?|下一个?|上个|下个|这个|上|下|本|这|同)?(?:周|星期|礼拜)"
        r"(?:(?P<w_wd>[一二三四五六日天1-7])|(?P<w_end>末)|(?![年岁刊报边围期到密全知转折长]))"
        r"|(?P<w_rel2>上上个?|下下个?|上个?|下个?|本|这个?)周末)",
        r"(?P<nthweek>第(?P<nw_n>\d{1,2}|[一二三四五六七八九十]{1,3})个?(?:周|星期|礼拜)(?P<nw_wd>[一二三四五六日天])?(?![年岁]))",
        r"(?P<nthday>第(?P<nd_n>\d{1,3}|[一二三四五六七八九十百]{1,4})天)",
        # relative days
        r"(?P<rday>(?P<rd>即日起|前一天|前一日|头一天|后一天|第二天|今明两天|大大后天|大后天|大前天|今天|今日|本日|当天|当日|是日|同日|次日|翌日|隔日|昨天|昨日|前天|前日|明天|明日|后天"
        r"|日前|近日|近期|近来|最近|今晨|昨晨|今早|明早|今晚|昨晚|明晚|当晚|今夜|昨夜|当夜|现在|此前|今年内|本年内|年内))",
        # the day something happened, named by the happening: 自开通之日起
        r"(?P<sinceday>(?:自|从)(?P<sd_what>[\u4e00-\u9fff]{1,8}?)之日(?:起)?)",
        # parts of the day and clock times
        r"(?P<pod>(?P<po>凌晨|清晨|早晨|早上|上午|中午|午后|下午|傍晚|晚上|晚间|夜里|夜间|深夜|后半夜|前半夜|半夜|午夜|黎明|白天|全天"
        rf"|[早晚](?=\s*[\d{CN_NUM}]{{1,3}}\s*[点时]|\s*\d{{1,2}}\s*:\s*\d\d)))",
        rf"(?P<clock>(?<![\d.])(?P<c_h>{HOUR_NUM})\s*(?:点钟|点|時|时)(?![间候代期髦尚装令段区差])"
        rf"(?:\s*(?P<c_mi>{MINUTE_NUM})\s*分(?:钟)?|\s*(?P<c_half>半)|\s*(?P<c_q>[一二三123])刻|(?P<c_mi2>[0-5]\d|零[一二三四五六七八九]|[二三四五]十[一二三四五六七八九]?|十[一二三四五六七八九]?)(?![\d.%万亿分]))?"
        r"(?:\s*(?P<c_se>[0-5]?\d)\s*秒)?(?P<c_whole>整|许)?)",
        r"(?P<hm>(?<![\d:.])(?P<hm_h>[01]?\d|2[0-4])\s*:\s*(?P<hm_mi>[0-5]\d)(?::(?P<hm_se>[0-5]\d))?(?![\d:])(?:\s*时)?)",
        # recurrence: 每周三, 每月1日, 每天
        r"(?P<set>每(?:逢|个)?(?:(?P<s_wk>周|星期|礼拜)(?P<s_wd>[一二三四五六日天1-7])?|月(?P<s_md>\d{1,2}|[一二三四五六七八九十]{1,3})[日号]"
        r"|(?P<s_unit>天|日|晚|年|月|季度|小时|工作日)))",
        # durations: 为期1个月, 两天半, 四年六个月, 36天5小时30分
        rf"(?P<dur>(?P<du_n>{COUNT}|半)\s*(?P<du_more>多|余|来)?\s*(?P<du_u>个多月|个半月|个月|(?<=[半俩仨])月|年半|周年|年(?!级)|个多星期|个半星期|个星期|星期|个礼拜|礼拜|周(?!岁)|天半|天|日"
        r"|个多小时|个半小时|个小时|小时|个钟头|钟头|分半钟|分钟|分|秒钟|秒|个季度|季度|刻钟|个工作日|工作日|个交易日|交易日|载)(?P<du_more2>多)?"
        rf"(?:\s*(?P<du_half>半)(?!年|月|天|小时))?(?P<du_rest>(?:[ \t]*(?:零|又)?{COUNT}[ \t]*(?:个月|年|天|日|小时|个小时|分钟|分|秒|晚|夜))*))",
]
ATOM = "|".join(ALTERNATIVES)  # the whole alternation, as text (tests compare against it)

# Every atom begins with one of a few hundred characters.  The tagger scans for those (a plain
# character class runs in C) and there tries only the alternatives that can begin with that
# character, so most of the text costs nothing.
_first = first_chars.by_alternative(ALTERNATIVES)
ATOM_START = re.compile("[" + "".join(sorted(re.escape(c) for c in set().union(*_first) if not c.isspace())) + "]")
ATOM_BY_CHAR = first_chars.dispatch(ALTERNATIVES, _first)

# Words before an expression that change its sense.
PREFIX = re.compile(
    r"(?P<p>自即日起|从即日起|即日起|截止到|截止至|截至到|截至|截止|直到|直至|一直到|从|自|由|于|到|至|在|为期|历时|持续|"
    r"共计|长达|连续|用时|耗时|未来|今后|过去的|过去|最近的|最近|近|再过|过了|过)\s*$"
)
# Words after an expression that change its sense.
SUFFIX = re.compile(
    r"\s*(?P<s>起至今|至今|以来|来|起|开始|前后|以后|之后|后|以前|之前|前|为止|止|左右|许|期间|以内|之内|内|里|当天|当日|这天)"
)
SUBRANGE = re.compile(r"\s*(?:的)?(?P<which>前|后|最后|头|首|第)(?P<n>\d{1,2}|[一二两三四五六七八九十]{1,3})?个?(?P<u>月|天|日|季度|周|星期)")
RANGE_SEP = re.compile(r"\s*(?:至|到|——|—|–|－|-|~|～|起至|一直到)\s*")
BARE_NUMBER_BEFORE_SEP = re.compile(rf"(?<![\d.{CN_NUM}])(?P<n>\d{{1,2}}|[{CN_NUM}]{{1,3}})\s*(?:至|到|——|—|–|－|-|~|～)\s*$")
FUTURE_WORDS = re.compile(r"将|拟|预计|即将|计划|定于|准备|届时|有望|将要|要在|力争|争取")
PAST_WORDS = re.compile(r"已|了|日前|此前|曾|刚刚|成功|完成|结束|落幕|闭幕|顺利|圆满|发生|召开了|举行了")
DURATION_CUE = re.compile(r"(?:未来|今后|过去的?|最近|为期|历时|持续|共计|共|长达|连续|用时|耗时|达|近|约|已|有|用了|花了|经过|整整|足足)\s*$")
METAPHOR_BEFORE = re.compile(r"的\s*$")
