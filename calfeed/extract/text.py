"""Text hygiene: undo hard line breaks, strip HTML, split sentences, find headlines and bylines.

Print and PDF extractions break lines inside sentences and even inside words ("化学原\\n\\n料药").
`prepare()` joins such breaks and keeps a map from the joined text back to the original, so
every span reported to the user points into the text they gave.
"""
from __future__ import annotations

import bisect
import html
import re
from collections import Counter
from dataclasses import dataclass, field

TERMINAL = "。！？!?；;…”』」\"'）)】."
_PARA_SPLIT = re.compile(r"\n[ \t\u3000]*(?:\n[ \t\u3000]*)*")
_SENTENCE_END = re.compile(
    r"[。！？!?；;]+[”」』\"’）)]*|(?<=[a-z0-9\)\]\"'”])(?<!\bJr)(?<!\bSr)(?<!\bDr)(?<!\bMr)(?<!\bMs)(?<!\bSt)(?<!\bMt)(?<!\bNo)(?<!\bvs)(?<!\bMrs)(?<!\bInc)(?<!\bLtd)(?<!\bRev)(?<!\bGov)(?<!\bSen)(?<!\bRep)(?<!\bAve)(?<!\bJan)(?<!\bFeb)(?<!\bMar)(?<!\bApr)(?<!\bAug)(?<!\bSep)(?<!\bSept)(?<!\bOct)(?<!\bNov)(?<!\bDec)(?<!\bProf)(?<!\bGen)(?<!\bCol)(?<!\bCapt)(?<!\bLt)(?<!\bCo)(?<!\bCorp)(?<!\bDept)(?<!\bUniv)(?<!\bapprox)(?<!\betc)(?<!\n\d)(?<!\n\d\d)(?<!\n \d)\.[\"”]?(?=\s+[A-Z“\"(])|\n+"
)  # not after Jr., Dr., Oct. and other abbreviations
_TAG = re.compile(r"<(script|style)\b.*?</\1\s*>|<[^>]{0,2000}>", re.S | re.I)
_LOOKS_HTML = re.compile(r"<(?:html|body|p|div|br|span|a|table|h[1-6])\b[^>]*>", re.I)
_BLOCK_TAGS = re.compile(r"<\s*/?\s*(?:p|div|br|h[1-6]|li|tr|section|article|header|footer)\b[^>]*>", re.I)

BYLINE = re.compile(
    r"^\s*(?:本报讯|本报[^\s，。（(]{0,6}电|新华社[^\s，。]{0,8}?\d{1,2}月\d{1,2}日电|中新[社网][^\s，。]{0,8}?\d{1,2}月\d{1,2}日电|"
    r"人民网[^\s，。]{0,8}?\d{1,2}月\d{1,2}日电|□\s*本报记者)"
    r"(?:\s*[（(][^）)]{0,40}[）)])?\s*"
)
# A line that dates the page rather than heads an article: 2025年5月8日 星期四 泉州晚报, Posted May 8, 2025
DATELINE = re.compile(r"^\s*(?:\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日(?![、\u4e00-\u9fff]|[（(](?!星期|周))|\d{4}[-/.]\d{1,2}[-/.]\d{1,2})|星期[一二三四五六日天]\s"
                      r"|来源[:：]|^\s*(?:Posted|Published|Updated|Issued|Revised|Last\s+updated)\b|^\s*(?:[A-Z][a-z]+day,\s+)?[A-Z][a-z]+\.? \d{1,2}, \d{4}\s*$"
                      r"|(?:for immediate release|news release|press release)"
                      r"|\b(?:posted|published|updated|issued)\s+(?:on\s+)?(?:[A-Z][a-z]+day,\s+)?[A-Z][a-z]+\.?\s+\d{1,2},\s+\d{4}", re.I)
CAPTION = re.compile(r"(?:本报)?(?:记者|通讯员)\s*\S{2,4}(?:\s+\S{2,4})?\s*摄\s*[。.]?\s*$")


@dataclass
class Prepared:
    """The joined text, its sentences, and where each piece came from."""

    text: str
    sentences: list[tuple[int, int]]  # spans in `text`
    headlines: list[tuple[int, int]]  # spans in `text` of headline paragraphs
    _marks: list[int] = field(default_factory=list)  # joined positions where removed text was
    _shift: list[int] = field(default_factory=list)  # cumulative removed characters at each mark
    _unwrap: tuple[list[int], list[int]] = ([], [])  # the same, for line breaks removed before that

    def original(self, pos: int) -> int:
        """Position in the original text of position `pos` of the joined text."""
        i = bisect.bisect_right(self._marks, pos) - 1
        pos += self._shift[i] if i >= 0 else 0
        marks, shifts = self._unwrap
        j = bisect.bisect_right(marks, pos) - 1
        return pos + (shifts[j] if j >= 0 else 0)

    def headline_before(self, pos: int) -> str | None:
        """The nearest headline that starts before `pos`."""
        span = self.headline_span_before(pos)
        return self.text[span[0]:span[1]] if span else None

    def headline_span_before(self, pos: int) -> tuple[int, int] | None:
        i = bisect.bisect_right(self.headlines, (pos, len(self.text) + 1)) - 1
        return self.headlines[i] if i >= 0 else None


def strip_html(text: str) -> str:
    """Plain text from HTML pasted as text: blocks become paragraphs, tags and scripts go."""
    if not _LOOKS_HTML.search(text[:5000]):
        return text
    text = _BLOCK_TAGS.sub("\n\n", text)
    text = _TAG.sub("", text)
    return html.unescape(text)


def _is_headline(para: str) -> bool:
    p = para.strip()
    western = not HAN.search(p) and len(p) <= 100 and "\n" not in p and (p.isupper() or title_case(p))
    return (0 < len(p) and (len(p) <= 40 or western) and p[-1] not in TERMINAL and p[-1] not in ",，:："
            and "，" not in p[:-1] and not BYLINE.match(p) and not DATELINE.search(p)
            and not CREDIT_LINE.fullmatch(p) and not _DATED_ROW.match(p)
            and not (table_row(p) and (re.search(r"\d", p) or TABLE_BARS.search(p))))
    # 小班 | 8月30日 | 8:30—10:30: a row; 周次 | 日期 | 主要安排: a table's heading row


# 丰乐融媒记者 马振华 通讯员 王秀芝 / 文/图 记者 张三: who wrote it, not what it is about
CREDIT_LINE = re.compile(r"[□■◎]?\s*(?:[^\s，。]{0,8}(?:(?:记者|通讯员|实习生|文/图|[文图][:：/])[\s:：]*|(?:摄影|编辑)[\s:：/]+)"
                         r"[\u4e00-\u9fff·]{2,4}(?:\s+[\u4e00-\u9fff·]{2,4}){0,3}\s*){1,4}")


_SIGNATURE_DATE = re.compile(r"(?:\d{4}|[〇○零一二三四五六七八九]{4})\s*年\s*[\d〇○零一二三四五六七八九十]{1,2}\s*月"
                             r"\s*[\d〇○零一二三四五六七八九十]{1,3}\s*日")  # 国务院办公厅 / 2023年10月23日: a signature


def unwrap(text: str) -> tuple[str, list[int], list[int]]:
    """Undo hard wrapping inside blocks of lines (print and PDF columns, 15 characters a line):
    Chinese lines join directly, English ones with a space where the next line goes on in
    lower case.  Returns the text and the map back (positions where characters were removed,
    cumulative counts)."""
    lines = text.split("\n")
    out: list[str] = []
    marks: list[int] = []
    shifts: list[int] = []
    removed = out_len = 0
    block: list[int] = []  # indexes of the current run of non-blank lines

    page_width = _page_width(lines)
    rows = [table_row(x) or spaced_table_row(x, lines[max(k - 1, 0):k] + lines[k + 1:k + 2]) for k, x in enumerate(lines)]

    def wrapped(run: list[int]) -> bool:
        stripped = [lines[k].strip() for k in run]
        if len(run) < 2 or not any(HAN.search(x) for x in stripped):
            return False
        open_ends = sum(1 for x in stripped if x and x[-1] not in TERMINAL)
        widths = [len(x) for x in stripped[:-1]]
        widest = max(widths)
        if len(run) == 2:  # one long line cut mid-sentence, its tail on the next (at the page's width)
            return (widest >= 40 or page_width and widest >= page_width - 2) and open_ends >= 1 \
                and stripped[0][-1] not in TERMINAL
        if sorted(len(x) for x in stripped)[len(run) // 2] <= 45 and open_ends * 2 >= len(run):
            return True  # narrow print columns
        # a page wrapped at a fixed width: every line but the last fills it
        # (its lines may happen to end on 。 or ）, so one open end is enough)
        return 30 <= widest <= 100 and sum(w >= widest - 4 for w in widths) * 3 >= len(widths) * 2 and open_ends >= 1

    runs: list[list[int]] = []
    for k, line in enumerate(lines):
        if line.strip():
            block.append(k)
        elif block:
            runs.append(block)
            block = []
    if block:
        runs.append(block)
    join_after = set()
    spaced = set()  # English lines whose break is only a wrap: the newline becomes a space
    never_into: set[int] = set()

    def may_join(a: int, b: int) -> bool:  # never into a list item, a table row or an indented Chinese paragraph
        return b not in never_into and not _LIST_START.match(lines[b]) and not rows[a] and not rows[b] \
            and not (_LIST_START.match(lines[a]) and _NOTE_LABEL.match(lines[b])) \
            and not (_SECTION_HEAD.fullmatch(lines[a]) and _indent(lines[b]) > _indent(lines[a]))  # 七、录取与奖励 /   决赛录取…

    for run in runs:
        fields = {k for k in run if _FIELD_LINE.match(lines[k])}
        if len(fields) >= 2:  # 展期：… / 地点：… / 开幕式：…: a block of labelled fields, one a line
            never_into.update(fields)
        body = _wrapped_body(lines, run)
        spaced.update(a for a, b in zip(body, body[1:], strict=False) if may_join(a, b))
        if not body:
            spaced.update(a for a in _wrapped_items(lines, run) if may_join(a, a + 1))
        whole_run = wrapped(run)
        for a, b in zip(run, run[1:], strict=False):
            if not (whole_run or _cut_mid_sentence(lines[a], page_width)):
                continue
            if (may_join(a, b) and lines[a].strip()[-1:] not in "。！？!?；;"
                    and not _DATE_LINE.match(lines[b]) and not _FILE_NAME.search(lines[a])
                    and not BYLINE.match(lines[b])):  # 桃源镇人代会下周二召开 / 本报讯（…）: a headline over its story
                join_after.add(a)
    for k, line in enumerate(lines):
        if k < len(lines) - 1 and (cut := _HYPHEN_CUT.search(line)) and (goes_on := _GOES_ON.match(lines[k + 1])):
            # "open Jan-" / "  uary 13, 2025": a word hyphenated across the line, joined whole
            keep = cut.start() + 2  # the word's first part, less its hyphen
            out.append(line[:keep])
            out_len += keep
            removed += len(line) - keep + 1 + goes_on.end()
            marks.append(out_len)
            shifts.append(removed)
            lines[k + 1] = lines[k + 1][goes_on.end():]
            continue
        out.append(line)
        out_len += len(line)
        if k == len(lines) - 1:
            break
        nxt = lines[k + 1]
        if k in join_after:
            removed += 1
            marks.append(out_len)
            shifts.append(removed)
        elif k in spaced or (line.strip() and line.rstrip()[-1:].isalpha() and nxt[:1].islower()
                             and nxt[:1].isascii()) or _hanging(lines, k):
            out.append(" ")  # an English line that goes on: same length, no map needed
            out_len += 1
        else:
            out.append("\n")
            out_len += 1
    return "".join(out), marks, shifts


_DATED_ROW = re.compile(r"(?:\d|(?:Through|Thru|From|Until)\s|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu|"
                        r"Fri|Sat|Sun)[a-z]*\.?\s)[^|｜\n]*[|｜]", re.I)  # March 11 – June 4 | Main Hall: a listing's row
LEADER = (r"(?:\.\s?){4,}|…{2,}|·{4,}"  # Memorial Day ........ Monday, May 25: dot leaders part two cells
          r"|(?<=\S )\.{3}(?= (?:Mon|Tue|Wed|Thu|Fri|Sat|Sun|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|\d))")
# (a long label leaves three dots: "Census date (enrollment frozen for state reporting) ... Monday, Jan. 26")
TABLE_BARS = re.compile(r"[｜|].*[｜|]")  # 周次 | 日期 | 主要安排: cells between bars
WEEK_ROW = re.compile(  # 第3周　 9.11—9.15　　9月14日（周四）…: a teaching calendar's row, its columns parted by full-width spaces
    r"^[ \t\u3000]*(?:第[一二三四五六七八九十\d]{1,3}周|\d{1,2}[.月]\d{1,2}日?(?:\s*[—–-]\s*\d{1,2}(?:[.月]\d{1,2})?日?)?"
    r"(?:[（(](?:周|星期)[一二三四五六日天][)）])?(?:(?:上午|下午|晚上|早上)?\d{1,2}(?:[:：]\d{2}|[时点](?:\d{1,2}分|半)?))?)"
    r"[ \t]*\u3000[\u3000 \t]*\S", re.M)  # (5月25日（周六）上午10时　《…》: a weekday and an hour too)
_TABLE_ROW = re.compile(rf"{TABLE_BARS.pattern}|\t.*\t|\S\s*(?:{LEADER})\s*\S|{WEEK_ROW.pattern}", re.M)  # 9月7日（周一）｜全校正式上课｜: a row, never wrapped
_TABLE_MARK = re.compile(r"[|｜\t\u3000…·]|\.\s?\.")  # what every table row has: a bar, a tab, a leader, a wide space


SPACE_GAP = re.compile(r"(?<=\S)(?:[ \t]{2,}|\t)(?=\S)")  # two spaces or more: columns of a text table


def spaced_cells(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """The cells of the line a..b split at its runs of spaces (its indent is no cell)."""
    lead = a + len(text[a:b]) - len(text[a:b].lstrip(" \t"))
    gaps = list(SPACE_GAP.finditer(text, lead, b))
    return list(zip([lead] + [g.end() for g in gaps], [g.start() for g in gaps] + [b], strict=True))


_WIDE = re.compile(r"[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]")  # two columns wide


def _columns(line: str) -> set[int]:
    """Where the later cells of a line start, counted in characters and in display columns (a
    Chinese character is two wide: 事项 and 论文摘要提交截止 line up on screen, not in characters)."""
    starts = [a for a, _ in spaced_cells(line, 0, len(line))[1:]]
    wide = [a + len(_WIDE.findall(line, 0, a)) for a in starts]
    return set(starts) | set(wide)




def aligned_columns(line: str, other: str) -> bool:
    """Whether two lines have a later column that starts in the same place (give or take one):
    two rows of one text table, not two lines of prose that happen to hold a double space."""
    mine = _columns(line)
    return any(abs(a - x) <= 1 for a in _columns(other) for x in mine)


def spaced_table_row(line: str, neighbours: list[str]) -> bool:
    """Whether a line is a row of a text table whose columns are runs of spaces: it has such a
    gap and a later column in line with a neighbouring line's."""
    return SPACE_GAP.search(line) is not None and any(aligned_columns(line, other) for other in neighbours)


_COMMENTS = re.compile(  # the line that opens a page's reader comments
    r"^[ \t\u3000]*(?:[—-]+\s*)?(?:写留言|精选留言|留言\s*\d+|热门评论|全部评论|网友评论|读者评论|评论区|评论\s*[（(]?\d+[)）]?)(?:\s*[—-]+)?[ \t]*$"
    r"|^[^\n]{0,40}\b\d+\s+Comments?\b[^\n]{0,30}$|^[ \t]*(?:Like\s+Comment\s+Share|Comments?\s*\(\d+\)|Leave\s+a\s+(?:comment|reply)"
    r"|Write\s+a\s+comment\.*)[ \t]*$", re.M | re.I)


def comments_start(text: str) -> int:
    """Where a page's reader comments begin (写留言, 热门评论, "4 Comments", "Like Comment Share"): what
    readers wrote under the story is no part of it; len(text) when the page has none."""
    m = _COMMENTS.search(text)
    return m.start() if m else len(text)


def table_row(text: str) -> bool:
    """Whether the text holds a table row (cells between bars or tabs, a dot leader, a teaching
    calendar's wide-spaced columns).  The cheap test first: most lines have none of their marks."""
    return _TABLE_MARK.search(text) is not None and _TABLE_ROW.search(text) is not None


_GOES_ON_TO = re.compile(r"\b(?:for|to|on|until|through|from|and|or|the|of|by|at|in|before|after)\s*$")  # "…called for" / "Monday, April 28"
_HYPHEN_CUT = re.compile(r"[A-Za-z]{2}-\s*$")  # the end of a line that cuts a word: "instruc-"
_GOES_ON = re.compile(r"[ \t]*(?=[a-z]{2})")  # the next line goes on with the word's lower-case rest


FIELD_LABEL = r"\s*[\u4e00-\u9fff]{2,6}[：:]"  # 展期：, 主讲人：: the label of one field of an item
_FIELD_LINE = re.compile(rf"{FIELD_LABEL}|\s*【[^】\n]{{1,20}}】")  # 展期：…, 【溪山讲堂】…
_ITEM_START = re.compile(r"\s*(?:\(?[a-z]\)|\(?\d{1,2}[.)]|[-•*·●■])\s")  # (a), 3., - : a list item begins
_DATED_PAREN_END = re.compile(r"\([^()]*\d{4}\)\s*$")  # "… announced  (Posted on: March 18, 2025)": a link's stamp
_LABELLED = re.compile(r"\s*[A-Z][\w&'’/ -]{1,30}:\s")  # "Opening reception: Saturday, September 6"
_NOTE_LABEL = re.compile(r"\s*[\u4e00-\u9fff]{1,6}[：:]")  # 注：…, 备注：… under a list: a note, not the item's tail
_SECTION_HEAD = re.compile(r"\s*[一二三四五六七八九十]{1,3}、[^，。；,;：:]{1,20}")  # 七、录取与奖励


def _indent(line: str) -> int:
    """How far a line is indented, a full-width space counting two."""
    stripped = line.lstrip(" \t\u3000")
    return len(line[:len(line) - len(stripped)].replace("\u3000", "  "))


def _cut_mid_sentence(line: str, page_width: int) -> bool:
    """A Chinese line the page cut short: it fills the print width without ending a sentence, or
    it stops inside a bracket (…10月12日（星期 / 六）上课。)."""
    x = line.strip()
    if not x or not HAN.search(x) or x[-1] in TERMINAL:
        return False
    return bool(page_width and len(x) >= page_width - 1) or x.count("（") > x.count("）")


def _page_width(lines: list[str]) -> int:
    """The width a Chinese page was printed at: the line length that at least a third of its
    longer Chinese lines share (give or take one); 0 when there is none."""
    widths = Counter(n for x in lines if len(x) >= 20 and (n := len(x.strip())) >= 20 and HAN.search(x))
    total = sum(widths.values())
    if total < 6:
        return 0
    near = {w: widths[w - 1] + widths[w] + widths[w + 1] for w in widths}  # give or take one
    best = max(near, key=near.__getitem__)
    return best if near[best] * 3 >= total else 0


def _wrapped_body(lines: list[str], run: list[int]) -> list[int]:
    """The lines of a run of Western lines that are one paragraph wrapped at a fixed width (every
    line but the last fills most of the width; a list or a letterhead has short, ragged lines),
    without a heading line above it; [] when the run is no such paragraph."""
    if run and (title_case(lines[run[0]]) or lines[run[0]].strip().isupper()):
        run = run[1:]  # COMMUNITY YARD SALE WEEKEND over a wrapped paragraph: the heading stays a line
    elif (len(run) >= 3 and lines[run[0]].strip()[-1:] not in TERMINAL + ",;:"
          and len(lines[run[0]].strip()) < 0.5 * max(len(lines[k].rstrip()) for k in run[1:])
          and any(re.match(r"\s*[a-z]", lines[k]) for k in run[2:])):
        run = run[1:]  # "Register to vote" over its paragraph (whose lines go on in lower case): a heading
    if len(run) < 2 or any(HAN.search(lines[k]) for k in run) or sum(title_case(lines[k]) for k in run) * 2 > len(run):
        return []  # a letterhead of title-case lines is not a paragraph (one such line, a paragraph's tail, is)
    if any(DATELINE.search(lines[k]) for k in run[1:]):
        return []
    if sum(bool(_LABELLED.match(lines[k])) for k in run) >= 2:
        return []  # "VIP preview: Thursday, October 9, 4-9 p.m." / "Public days: …": labelled lines, one item each
    if sum(bool(_DATED_PAREN_END.search(lines[k])) for k in run) >= 2:
        return []  # "Hydrant flushing schedule announced  (Posted on: March 18, 2025)": entries, one a line
    if sum(bool(_DATED_ITEM.match(lines[k])) and not _GOES_ON_TO.search(lines[j])
           for j, k in zip([run[0]] + run, run, strict=False)) >= 2:
        return []  # Mon, Aug 28 - Classes begin / Fri, Sep 8 - Last day to add: a calendar, one line each
    widths = [len(lines[k].rstrip()) for k in run]
    width = max(widths)
    return run if width >= 50 and all(w >= 0.7 * width for w in widths[:-1]) else []


def _wrapped_items(lines: list[str], run: list[int]) -> list[int]:
    """The lines that go on to the next one in a run of Western list items each wrapped at the
    run's width: "(c) Spring Clean-Up Week. Approved for April 14-18; residents may set out" /
    "bulky items on their regular collection day that week." (the item's last line is short)."""
    if any(HAN.search(lines[k]) for k in run) or sum(bool(_ITEM_START.match(lines[k])) for k in run) < 2:
        return []
    width = max(len(lines[k].rstrip()) for k in run)
    if width < 50:
        return []
    out: list[int] = []
    item: list[int] = []
    for k in run + [-1]:
        if k == -1 or _ITEM_START.match(lines[k]):
            if len(item) >= 2 and all(len(lines[j].rstrip()) >= 0.8 * width for j in item[:-1]):
                out.extend(item[:-1])
            item = []
        if k != -1:
            item.append(k)
    return out


def _hanging(lines: list[str], k: int) -> bool:
    """Whether line k+1 is the hanging indent of a list item that line k begins or goes on with:
    "- Weekend closure: 8 p.m. Friday, Sept. 13, to 6 a.m. Monday, Sept. 16. Both\n  directions …"."""
    nxt = lines[k + 1]
    if not re.match(r"[ \t]{2,}\S", nxt) or _LIST_START.match(nxt) or HAN.search(nxt):
        return False
    j = k
    while j > 0 and re.match(r"[ \t]{2,}\S", lines[j]) and not _LIST_START.match(lines[j]):
        j -= 1  # back to the item's first line
    return bool(_LIST_START.match(lines[j])) and lines[k].strip() != ""


def title_case(line: str) -> bool:
    """A headline such as "Harbor Lights Repertory Theatre Announces Its 2023–24 Season"."""
    words = [w for w in re.findall(r"[A-Za-z][\w'’]*", line) if len(w) > 3]
    return len(words) >= 3 and sum(not w[0].isupper() for w in words) <= 1


def _sentence_case_headline(line: str) -> bool:
    """A news headline in sentence case, alone between blank lines: "Meridian's 2025 tax filing
    season opens Monday; free help available at 40 sites" (no full stop, no list marker)."""
    return (not HAN.search(line) and 25 <= len(line) <= 100 and line[0].isupper() and line[-1] not in TERMINAL
            and line[-1] not in ",:;" and ":" not in line and not _LIST_START.match(line)
            and len(re.findall(r"[A-Za-z]{2,}", line)) >= 5 and not BYLINE.match(line) and not DATELINE.search(line)
            and not _DATED_ROW.match(line) and not table_row(line))


_DATED_ITEM = re.compile(r"\s*(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?(?:\s*[-–]\s*[A-Z][a-z]+\.?)?,?\s+)?"
                         r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}\b")
_DATE_LINE = re.compile(r"\s*(?:\d{4}\s*年|[〇零一二三四五六七八九]{4}\s*年|\d{4}-\d{1,2}-\d{1,2})")  # a signature date
_FILE_NAME = re.compile(r"\.(?:docx?|pdf|xlsx?|zip|rar|jpg|png)\s*$", re.I)
_LIST_START = re.compile(r"\s*(?:[一二三四五六七八九十]{1,3}[、.．]|\d{1,2}[.、．)）]|[（(][一二三四五六七八九十\d]{1,3}[)）]|[-•*·●■]|附件)")
HAN = re.compile(r"[\u4e00-\u9fff]")


_BLOCK = re.compile(r"(?:^|(?<=\n\n))(?:[^\n]+\n)+[^\n]+(?=\n\n|\n?$)")  # a run of lines between blank lines


def cell_lines_as_rows(text: str) -> str:
    """A table copied from a web page one cell a line (Date / Time / Activity / Branch, then
    Tue 7/4 / 10.30am / Lego Builders Challenge / Tallowood, …) back as rows: the line breaks
    inside a row become bars, one character for one, so every offset stays where it was.  Only a
    block whose first lines are short headings without digits, followed by whole rows that each
    begin with a digit (a date), is read so."""
    bars: list[int] = []  # where a row's line breaks become bars
    for block in _BLOCK.finditer(text):
        lines = block.group().split("\n")
        for width in range(2, 7):
            rows = [lines[k:k + width] for k in range(0, len(lines), width)]
            if (len(lines) % width or len(rows) < 3
                    or not all(0 < len(h.strip()) <= 20 and not re.search(r"\d|[。.!?！？:：]$", h.strip()) for h in rows[0])
                    or not all(re.search(r"\d", row[0]) and all(0 < len(c.strip()) <= 60 and c.strip()[-1] not in "。.!?！？；;"
                                                                for c in row) for row in rows[1:])):
                continue
            pos = block.start()
            for row in rows:
                for cell in row[:-1]:
                    pos += len(cell)
                    bars.append(pos)
                    pos += 1
                pos += len(row[-1]) + 1
            break
    if not bars:
        return text
    cuts = [0, *bars, len(text)]  # (no list of every character: a 10 MB page stays one string)
    return "|".join(text[a + (i > 0):b] for i, (a, b) in enumerate(zip(cuts, cuts[1:], strict=False)))




def prepare(text: str) -> Prepared:
    """Join paragraphs broken mid-sentence; split the result into sentences."""
    text, unwrap_marks, unwrap_shifts = unwrap(cell_lines_as_rows(text))
    pieces: list[str] = []
    marks: list[int] = []
    shifts: list[int] = []
    headlines: list[tuple[int, int]] = []
    removed = 0
    out_len = 0
    paras = [(m.start(), m.end()) for m in _PARA_SPLIT.finditer(text)]
    bounds = []
    last = 0
    for s, e in paras:
        bounds.append((last, s, e))
        last = e
    bounds.append((last, len(text), len(text)))
    prev_para = ""
    for i, (ps, pe, sep_end) in enumerate(bounds):
        para = text[ps:pe]
        pieces.append(para)
        start_out = out_len
        out_len += len(para)
        stripped = para.strip()
        following = text[sep_end:bounds[i + 1][1]].strip() if i + 1 < len(bounds) else ""
        signed = _SIGNATURE_DATE.fullmatch(following) and len(following) <= 20  # 国务院办公厅 / 2023年10月23日
        alone = text[max(0, ps - 2):ps].count("\n") + text[pe:sep_end].count("\n") >= 4 or i == 0
        deck = (HAN.search(stripped) and 4 <= len(stripped) <= 40 and stripped[-1] not in TERMINAL + "，,"
                and not re.search(r"[：:]", stripped)  # (发布时间： 来源：新华社: page metadata)
                and BYLINE.match(following) is not None)  # 展期至明年2月28日，180余件珍品亮相 / 本报讯（…）
        if (_is_headline(stripped) and (len(prev_para) != 0 or i == 0) or alone and _sentence_case_headline(stripped)
                or deck) and not signed:
            headlines.append((start_out, out_len))
        prev_para = stripped or prev_para
        if sep_end <= pe:
            continue
        nxt = text[sep_end:bounds[i + 1][1]] if i + 1 < len(bounds) else ""
        first = nxt.lstrip()[:1]
        broken = (len(stripped) > 50 and stripped[-1] not in TERMINAL and first and not CAPTION.search(stripped)
                  and not table_row(stripped) and not table_row(nxt)
                  and not (first.isascii() and (first.isupper() or first.isdigit() or first in "-*•("))
                  and not _LIST_START.match(nxt)  # 现将…公布如下： / ● 1—6月规模以上工业企业利润　7月30日: a list
                  and not _is_headline(nxt.strip()[:41] if len(nxt.strip()) <= 40 else "x" * 41))
        if broken and not (first.isascii() and not HAN.search(stripped[-1])):
            removed += sep_end - pe  # Chinese joins directly
            marks.append(out_len)
            shifts.append(removed)
        else:
            pieces.append(" " if broken else "\n")  # …since its founding in 1987, / today announced …
            out_len += 1
            removed += (sep_end - pe) - 1
            marks.append(out_len)
            shifts.append(removed)
    joined = "".join(pieces)
    sentences = [(s, e) for s, e in _sentences(joined) if joined[s:e].strip()]
    headlines = [(s, e) for s, e in headlines if joined[s:e].strip()]
    return Prepared(joined, sentences, headlines, marks, shifts, (unwrap_marks, unwrap_shifts))


LEADER_AHEAD = re.compile(rf"[^\n]*?(?:{LEADER})")
_WEEKDAY_FIRST = r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?"  # "Tue, " before a date, if any
_CLOCK_AMPM = r"\d{1,2}(?::\d\d)?\s*(?:[-–]\s*\d{1,2}(?::\d\d)?\s*)?[ap]\.m\."  # 6:30 p.m., 6-8 p.m.
LISTING_ROW = re.compile(  # "Tue, June 17, 6:30 p.m.  Second reading and adoption": a listing's row, date first
    rf"[ \t]*{_WEEKDAY_FIRST}(?:[a-z]{{3,9}}\.?\s+\d{{1,2}}|\d{{1,2}}/\d{{1,2}})"
    rf"(?:,?\s*{_CLOCK_AMPM})?(?:[ \t]{{2,}}|\t)(?=[A-Za-z])", re.I)
LEADING_CLOCK = re.compile(  # " 9:00 a.m.", "Tue, May 13, 5:30 p.m.": a schedule line's leading time
    rf"\s*{_WEEKDAY_FIRST}(?:[a-z]{{3,9}}\.?\s+\d{{1,2}},?\s+)?{_CLOCK_AMPM}", re.I)


_DATE_ITEM = re.compile(  # "and Thursday, April 2, …": an item of a run-in list that opens with its day
    r"\s*(?:(?:and|or)\s+)?(?:(?:next|this)\s+)?(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?[\s,]")
_COLON_LIST = re.compile(rf"[a-z]:{_DATE_ITEM.pattern}[^\n:\u4e00-\u9fff]*$")  # an English run-in list of days after a colon


def _sentences(text: str) -> list[tuple[int, int]]:
    out = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        end = m.end() if m.group()[0] != "\n" else m.start()
        if (m.group() == "." and (start == 0 or text[start - 1] == "\n")
                and LEADING_CLOCK.fullmatch(text, start, end)):
            continue  # " 9:00 a.m.  Gates open": a schedule line's time, not a sentence of its own
        if (m.group() == "." and text.count("(", start, end) > text.count(")", start, end)
                and ")" in text[m.end():m.end() + 40].split("\n", 1)[0]):
            continue  # "Tuition and fees due (5:00 p.m. CT) ....": a stop inside brackets ends no sentence
        if m.group()[0] in ";；" and LEADER_AHEAD.match(text, m.end()):
            continue  # "Spring break - no classes; halls open ..... March 10-14": one row, one label
        if m.group() == ";" and _COLON_LIST.search(text, start, end) and _DATE_ITEM.match(text, m.end()):
            continue  # "will hold three workshops: March 17, at …; March 26, at …; and …": one list, one verb
        if end > start:
            out.append((start, end))
        start = m.end()
    if start < len(text):
        out.append((start, len(text)))
    return out
