"""English temporal tagger: time expressions in running English prose, resolved against a reference.

How it works, in four passes over one text:

1. *Atoms.*  Compiled regular expressions find the smallest meaningful pieces: calendar dates
   ("March 15th, 2024", "15 March", "3/15/2024", "2024-03-15"), months and years in context
   ("in May", "late 2024"), relative days and periods ("tomorrow", "next week", "three days ago"),
   weekdays, holidays, quarters, seasons, clock times, durations and recurrences ("every Monday").
   Overlapping candidates keep the longest.  Ambiguous words (May, March, Sun, Sat, Wed, June as a
   name, bare slash pairs such as 2/3) only count with date context around them.
2. *Merges.*  Neighbouring atoms join when the words between them say so: a time range
   ("9 a.m. to 5 p.m."), a date with a time ("Monday, June 5 at 7 pm"), a date range
   ("June 21 to July 3", "between ... and ..."), a recurrence with a time ("every Monday at 9am").
3. *Modifiers.*  Words just before or after widen or qualify an expression: fuzzy parts
   ("early July", "the end of the month"), "about/around", and the sense words of `Timex.mod`
   (by/until/no later than -> "deadline", from/starting/as of -> "start", since, before, after).
4. *Resolution.*  Year-less dates, weekdays, holidays, months, quarters and seasons take the
   occurrence nearest the reference time, steered by tense words in the same sentence (will,
   next, deadline words -> ahead; was, ago, said -> behind).

Conventions (documented because a reader could choose otherwise):
- weeks run Monday..Sunday; "next Friday" is the Friday of next week, "this Friday" the one of this
  week, "last Monday" the most recent Monday before the reference day;
- early/mid/late split a month into days 1-10, 11-20, 21-end and a year into Jan-Apr, May-Aug,
  Sep-Dec; "the end/beginning of" a month is its last/first third, of a year December/January;
- seasons are meteorological (spring = March-May; winter 2024 = Dec 2024-Feb 2025);
- "by/until/through X" opens the start (start None, end = X), "from/since X" opens the end,
  "before X" ends the day before X, "after X" starts the day after X;
- a clock time without a date is placed on the reference day (type "time"); midnight is the end
  of its day (00:00 of the next day).
"""
from __future__ import annotations

import bisect
import calendar
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from calfeed.extract.types import Timex

__all__ = ["tag"]

Interval = tuple[dt.date, dt.date]

# ----------------------------------------------------------------------------- lexicon
_MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
    "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9,
    "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}
# month words that are also ordinary words or names: only with a day, a year or a context word
_AMBIGUOUS_MONTHS = {"may", "march", "jan", "june", "august", "mar", "jun", "aug", "dec", "oct", "sep", "sept"}
_WEEKDAYS = {
    "monday": 0, "mon": 0, "tuesday": 1, "tue": 1, "tues": 1, "wednesday": 2, "wed": 2, "weds": 2,
    "thursday": 3, "thu": 3, "thur": 3, "thurs": 3, "friday": 4, "fri": 4, "saturday": 5, "sat": 5,
    "sunday": 6, "sun": 6,
}
_BYDAY = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "a hundred": 100, "a couple of": 2, "a couple": 2, "couple of": 2, "a few": 3,
    "several": 3, "a dozen": 12, "dozen": 12,
}
_FUZZY_NUMBERS = {"a few", "several", "a couple of", "a couple", "couple of"}
_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30, "last": -1,
}
for _i, _w in enumerate(("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"), 1):
    _ORDINALS[f"twenty-{_w}"] = 20 + _i
    _ORDINALS[f"twenty {_w}"] = 20 + _i
_ORDINALS["thirty-first"] = _ORDINALS["thirty first"] = 31

_UNITS = {
    "year": "year", "years": "year", "yr": "year", "yrs": "year", "month": "month", "months": "month",
    "week": "week", "weeks": "week", "fortnight": "fortnight", "fortnights": "fortnight",
    "day": "day", "days": "day", "hour": "hour", "hours": "hour", "hr": "hour", "hrs": "hour",
    "minute": "minute", "minutes": "minute", "min": "minute", "mins": "minute",
    "second": "second", "seconds": "second", "decade": "decade", "decades": "decade",
    "century": "century", "centuries": "century",
}

_ZONES = {
    "et": "America/New_York", "est": "America/New_York", "edt": "America/New_York",
    "pt": "America/Los_Angeles", "pst": "America/Los_Angeles", "pdt": "America/Los_Angeles",
    "ct": "America/Chicago", "cdt": "America/Chicago", "mt": "America/Denver",
    "mst": "America/Denver", "mdt": "America/Denver", "gmt": "UTC", "utc": "UTC", "bst": "Europe/London",
    "cet": "Europe/Paris", "cest": "Europe/Paris", "jst": "Asia/Tokyo", "hkt": "Asia/Hong_Kong",
    "sgt": "Asia/Singapore", "beijing time": "Asia/Shanghai", "bjt": "Asia/Shanghai",
    "london time": "Europe/London", "new york time": "America/New_York", "tokyo time": "Asia/Tokyo",
}

# ----------------------------------------------------------------------------- pattern pieces
# factored so that the regular expression engine can skip quickly to a possible first letter;
# the dot is taken only after an abbreviation ("Mar." but not the full stop after "May")
_MON = (r"(?:j(?:an(?:uary)?|une?|uly?)|feb(?:ruary)?|ma(?:r(?:ch)?|y)|a(?:pr(?:il)?|ug(?:ust)?)"
        r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b"
        r"(?:\.(?<=(?:jan|feb|mar|apr|jun|jul|aug|sep|oct|nov|dec)\.)|\.(?<=sept\.))?")
_WD_FULL = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_WD_ANY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|weds?|thu(?:rs?)?|fri|sat|sun)\b\.?"
_ORD_WORD = "|".join(sorted((re.escape(k) for k in _ORDINALS if k != "last"), key=len, reverse=True))
_DAY = rf"(?P<{{n}}t>(?P<{{n}}>[0-3]?\d)(?:st|nd|rd|th)?\b|(?P<{{n}}w>{_ORD_WORD})\b)"
_YEAR = r"(?P<{n}>(?:1\d|20)\d\d)\b(?!\s*(?:%|percent))(?![.,:/-]\d)"
_AP = r"(?P<{n}>[ap])(?:\.\s?m\b\.?|\s?m\b)"
_RANGE_CONN = r"(?:-|–|—|−|to|through|thru|until|till|and)"
_NUMW = "|".join(sorted((re.escape(k) for k in _NUMBERS), key=len, reverse=True))
_UNIT = r"(?:years?|yrs?|months?|weeks?|fortnights?|days?|hours?|hrs?|minutes?|mins?|seconds?|decades?|century|centuries)"
_NO_COUNT = (r"(?![ \t]*(?:\n[ \t]*)?(?:%|percent|per\b|miles?\b|km\b|kilomet|met(?:er|re)s?\b|feet\b|foot\b|people|persons|"
             r"residents|students|workers|cases|units|rooms|votes|points?\b|times\b|tons|tonnes|yuan|dollars|euros|"
             r"pounds|degrees|percent|members|jobs|homes|households|copies|years?[\s-]+old|acres|hectares|seats))")


def _day(n: str) -> str:
    return _DAY.format(n=n)


def _year(n: str) -> str:
    return _YEAR.format(n=n)


def _ap(n: str) -> str:
    return _AP.format(n=n)


_I = re.IGNORECASE
# month-first dates: [Weekday,] March 15[th][–23 | to July 3][, 2024]
_RX_MDY = re.compile(
    rf"(?P<mon>{_MON})\s+(?:the\s+)?{_day('d')}"
    rf"(?:\s*(?P<conn>-|–|—|−|to|through|thru|until|till|and)\s*(?:(?P<mon2>{_MON})\s+)?(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?\b)?"
    rf"(?:,?\s+(?:of\s+)?{_year('y')})?{_NO_COUNT}")
# day-first dates: [Weekday,] [the] 15[th][–23] [of] March[,] [2024]
_RX_DMY = re.compile(
    rf"(?=[\dt])(?<![\d.,$£€¥/:-])\b(?P<dt>(?:the\s+)?(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\b|the\s+(?P<dw>{_ORD_WORD})\b)"
    rf"(?:\s*(?P<conn>-|–|—|−|to|and)\s*(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?)?"
    rf"[ \t]+(?:of[ \t]+)?(?P<mon>{_MON})(?:,?\s+{_year('y')})?")  # (never across a line: "grades 3-8 and 11" / "Jun 10")
# month with a year or a context word: May 2024, in May, March of last year
_RX_MONTH = re.compile(
    rf"(?P<mon>{_MON})(?:,?\s+(?:of\s+)?(?:{_year('y')}|(?P<rel>this|next|last)\s+year\b))?")
_WD_BEFORE = re.compile(  # Fri-Sun, Oct 27-29; Thursday and Friday, Nov. 26 and 27
    rf"\b(?:(?P<wd0>{_WD_ANY})\s*(?:[-–—]|\band\b)\s*)?(?P<wd>{_WD_ANY}),?\s+(?:the\s+)?$")
_REL_BEFORE = re.compile(
    r"\b(?P<rel>this\s+coming|this\s+past|the\s+coming|the\s+past|this|next|last|coming|past|previous)\s+$")
_HOLIDAY_REL_BEFORE = re.compile(r"\b(?P<rel>this|next|last|this\s+year['’]s|next\s+year['’]s|last\s+year['’]s)\s+$")
_NTH_PRE = re.compile(r"\b(?P<pre>on|by|until|till|before|after|from|since|through|starting)\s+$")
_MONTH_CONTEXT = re.compile(
    r"(?:\b(?:in|during|since|until|till|by|from|through|throughout|before|after|of|early|mid|late|last|next|"
    r"this|coming|past|end|beginning|start|middle|between|and|to|or|for|until|except|each|every|around|"
    r"about|since|mid|latter|late|in early|in late)\s+|mid-|\b(?:the\s+)?(?:end|beginning|start|middle)\s+of\s+)$", _I)
_RX_ISO = re.compile(
    r"(?=\d)(?<![\d.,/-])(?P<y>(?:19|20)\d\d)(?P<sep>[-/.])(?P<m>[01]?\d)(?P=sep)(?P<d>[0-3]?\d)(?![\d])"
    r"(?:[tT ](?P<hh>[01]\d|2[0-3]):(?P<mi>[0-5]\d)(?::[0-5]\d)?)?(?![.\d]\d)")
_RX_SLASH = re.compile(
    r"(?=\d)(?<![\d.,/$£€¥:-])(?P<a>[0-3]?\d)(?P<sep>[/.-])(?P<b>[0-3]?\d)(?P=sep)(?P<y>(?:19|20)\d\d|\d\d)(?![\d/.]\d|\d)")
_RX_SLASH2 = re.compile(r"(?=\d)(?:(?<![\d.,/$£€¥:\w-])|(?<=\d/\d-)|(?<=\d/\d\d-)|(?<=\d/\d–)|(?<=\d/\d\d–))"
                        r"(?P<a>[01]?\d)/(?P<b>[0-3]?\d)(?![\d/%]|\.\d)")  # (11/27-11/30: the range's end too)
_SLASH_CTX_BEFORE = re.compile(
    rf"(?:\b(?:on|by|from|until|till|through|since|before|after|due|dated?|deadline|starting|to|and|between|for|"
    rf"effective|of|{_WD_ANY}),?\s*\(?|[-–]\s*)$", _I)
# a year in context: in 2024, since 2019, 2024's
_RX_YEAR = re.compile(
    rf"(?=[\dft])(?<![\d.,$£€¥/:#])\b(?:(?P<fy>fy\s?)|(?P<the>the\s+year\s+))?{_year('y')}(?P<poss>['’]s\b)?(?!-\d)"
    rf"(?:\s*(?P<conn>-|–|—|to|through|until|and)\s*(?P<y2>(?:19|20)?\d\d)\b(?![.,:/-]\d))?")
_YEAR_CONTEXT = re.compile(
    r"\b(?:in|since|by|until|till|through|from|during|of|before|after|early|mid|late|around|about|circa|"
    r"year|fiscal|between|throughout|for|end|beginning|start|middle|half|quarter|spring|summer|autumn|fall|"
    r"winter|later|earlier|to|and|c\.|ca\.)\s+$|\bmid-$", _I)
_YEAR_NOT_AFTER = re.compile(
    r"\s+(?:people|persons|residents|workers|students|cases|units|rooms|households|families|yuan|dollars|"
    r"euros|pounds|tons|tonnes|km|kilomet|meters|metres|miles|acres|hectares|copies|votes|jobs|homes|vehicles|"
    r"cars|times|items|members|participants|visitors|tourists|employees|troops|soldiers|deaths|patients|beds|"
    r"seats|companies|enterprises|projects|square|hours|minutes|years?\b|km|mw|kw)", _I)
_RX_DECADE = re.compile(r"(?=\d)(?<![\w.,$])(?P<y>(?:1[89]|20)\d0)['’]?s\b")
_RX_REL_DAY = re.compile(
    r"(?=[ty])\b(?P<w>the\s+day\s+after\s+tomorrow|the\s+day\s+before\s+yesterday|today|tonight|tomorrow|yesterday)\b"
    r"(?:['’]s)?(?:\s+(?P<pod>morning|afternoon|evening|night))?")
_RX_REL_PERIOD = re.compile(
    r"(?=[tnlcpe])\b(?P<rel>this\s+coming|this\s+past|the\s+coming|the\s+past|the\s+previous|the\s+following|this|next|last|"
    r"coming|past|previous|earlier\s+this|later\s+this|earlier\s+today|later\s+today)"
    r"(?:\s+(?P<unit>week(?:end)?|month|year|quarter|morning|afternoon|evening|night|decade|century))?\b")
_RX_THE_PERIOD = re.compile(r"\bthe\s+(?P<unit>week(?:end)?|month|year|quarter|day)\b")
_RX_WEEKDAY = re.compile(
    rf"(?=[mtwfs])\b(?P<wd>{_WD_FULL})(?:(?P<pl>s|\s+(?:mornings|afternoons|evenings|nights))\b|\b)(?:['’]s)?"
    rf"(?:\s+(?P<post>(?:of\s+)?(?:next|last|this)\s+week|week\s+after\s+next|after\s+next))?")
_RX_TIME_RANGE = re.compile(
    rf"(?=\d)(?<![\d.,$£€¥:/])\b(?P<h1>[012]?\d)(?:[:.](?P<m1>[0-5]\d))?\s*(?:{_ap('ap1')})?\s*"
    rf"(?P<conn>-|–|—|to|until|till|and)\s*(?P<h2>[012]?\d)(?:[:.](?P<m2>[0-5]\d))?\s*{_ap('ap2')}(?![a-z])")
_RX_TIME = re.compile(
    rf"(?=\d)(?:(?<![\d.,$£€¥:/])\b(?P<h>[012]?\d)(?:[:.](?P<m>[0-5]\d))?\s*{_ap('ap')}(?![a-z])"
    rf"|(?<![\d.,$£€¥:/])\b(?P<h24>[01]?\d|2[0-3]):(?P<m24>[0-5]\d)(?::[0-5]\d)?(?![\d:]|\.\d)(?!\s*[ap]\.?m\b)"
    rf"|\b12\s+(?P<word12>noon|midnight|midday)\b|\b(?P<hocd>[1-9]|1[0-2])\s+o['’]clock\b)")
_RX_TIME_WORD = re.compile(
    r"(?:(?P<word>noon|midnight|midday)|(?<![a-z])(?P<hoc>one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
    r"\s+o['’]clock)\b")
_RX_TZ = re.compile(
    r"\s*\(?(?P<tz>ET|EST|EDT|PT|PST|PDT|CDT|CT|MT|MST|MDT|GMT|UTC|BST|CET|CEST|JST|HKT|SGT|BJT"
    r"|Beijing time|London time|New York time|Tokyo time)\b\)?(?:\s*[+-]\d{1,2})?")
_RX_POD = re.compile(r"\s+(?:in\s+the\s+)?(?P<pod>morning|afternoon|evening|night)\b", _I)
_RX_DURATION = re.compile(
    r"(?:y(?:ears?|rs?)|m(?:onths?|in(?:ute)?s?)|weeks?|fortnights?|days?|h(?:ours?|rs?)|seconds?|decades?"
    r"|centur(?:y|ies))\b(?P<half2>\s+and\s+a\s+half)?(?!-?\s*old\b)(?![\s-]+of\s+age)")
_DURATION_NUMBER = re.compile(
    rf"(?<![\d.,$£€¥/-])\b(?P<n>\d+(?:\.\d+)?|{_NUMW})(?:\s*(?:-|–|to|or)\s*(?P<n2>\d+(?:\.\d+)?|{_NUMW}))?"
    rf"(?P<half>\s+and\s+a\s+half)?[\s-]+$")
_RX_HALF = re.compile(r"(?=[ha])\b(?:half\s+an?\s+(?P<u>hour|day|year|month|century|decade)|an?\s+half[\s-](?P<u2>hour|day|year))\b")
_RX_QUARTER = re.compile(
    rf"(?=[qtfsl1234])\b(?:q(?P<q>[1-4])|(?:the\s+)?(?P<qw>first|second|third|fourth|final|last|1st|2nd|3rd|4th)[\s-]quarter)"
    rf"(?:\s+(?:of\s+)?(?:{_year('y')}|(?P<rel>this|next|last)\s+year|the\s+year)|\s+(?P<y2>(?:19|20)\d\d)\b)?")
_RX_HALF_YEAR = re.compile(
    rf"(?=[tfsl12h])\b(?:(?:the\s+)?(?P<h>first|second|latter|1st|2nd)\s+half\s+of\s+(?:{_year('y')}|(?P<rel>this|next|last)\s+year|the\s+year)"
    rf"|h(?P<hn>[12])\s+{_year('y2')})")
_RX_SEASON = re.compile(
    rf"(?=[swaf])\b(?P<s>spring|summer|autumn|fall|winter)\b"
    rf"(?:\s+(?:of\s+)?{_year('y')})?")
_SEASON_CONTEXT = re.compile(
    r"(?:\b(?:in|during|over|by|until|through|since|throughout|for|before|after)\s+the\s+|\b(?:early|mid|late)[\s-]|"
    r"\b(?:in|during|since|by|until)\s+(?:early|late)\s+)$", _I)
_HOLIDAY_NAMES = {
    "thanksgiving": "thanksgiving", "thanksgiving day": "thanksgiving", "christmas": "christmas",
    "christmas day": "christmas", "xmas": "christmas", "christmas eve": "christmas_eve",
    "new year's day": "new_year", "new year's": "new_year", "new year day": "new_year",
    "new year's eve": "new_year_eve", "independence day": "july4", "the fourth of july": "july4",
    "fourth of july": "july4", "july fourth": "july4", "memorial day": "memorial", "labor day": "labor",
    "labour day": "labor", "easter": "easter", "easter sunday": "easter", "easter day": "easter",
    "easter monday": "easter_monday", "good friday": "good_friday", "halloween": "halloween",
    "valentine's day": "valentine", "valentines day": "valentine", "st. valentine's day": "valentine",
    "saint valentine's day": "valentine", "mother's day": "mother", "mothers day": "mother",
    "father's day": "father", "fathers day": "father", "mlk day": "mlk", "martin luther king day": "mlk",
    "martin luther king jr. day": "mlk", "martin luther king, jr. day": "mlk", "martin luther king jr day": "mlk",
    "presidents' day": "presidents", "presidents day": "presidents", "president's day": "presidents",
    "washington's birthday": "presidents", "boxing day": "boxing", "early may bank holiday": "uk_may",
    "may day bank holiday": "uk_may", "spring bank holiday": "uk_spring", "summer bank holiday": "uk_summer",
    "august bank holiday": "uk_summer", "late summer bank holiday": "uk_summer", "juneteenth": "juneteenth",
    "veterans day": "veterans", "veterans' day": "veterans", "columbus day": "columbus",
    "st. patrick's day": "patrick", "saint patrick's day": "patrick", "st patrick's day": "patrick",
    "black friday": "black_friday", "cyber monday": "cyber_monday", "may day": "may_day",
    "international workers' day": "may_day", "international labour day": "may_day",
    "international labor day": "may_day", "chinese new year": "cny", "lunar new year": "cny",
    "spring festival": "cny", "lantern festival": "lantern", "dragon boat festival": "dragon_boat",
    "mid-autumn festival": "mid_autumn", "mid autumn festival": "mid_autumn", "remembrance day": "veterans",
    "armistice day": "veterans", "new year": "new_year",
}
_HOLIDAY_ALT = "|".join(sorted((re.escape(k).replace("'", "['’]?").replace(r"\ ", r"\s+")
                                for k in _HOLIDAY_NAMES), key=len, reverse=True))
_RX_HOLIDAY = re.compile(
    rf"(?=[{''.join(sorted({k[0] for k in _HOLIDAY_NAMES}))}])\b(?P<h>{_HOLIDAY_ALT})(?![\w-])"
    rf"(?:,?\s+(?:of\s+)?{_year('y')})?")
_RX_SET = re.compile(
    rf"(?=[eotdwbfmqayhn])\b(?:(?:every|each)\s+(?:(?P<other>other|second|alternate)\s+)?"
    rf"(?:(?P<wds>{_WD_FULL}(?:\s*(?:,\s*(?:and\s+)?|and|&|or)\s*{_WD_FULL})*)"
    rf"|(?P<n>\d+|{_NUMW})\s+(?P<nu>days|weeks|months|years|hours|minutes)"
    rf"|(?P<unit>day|week|month|year|weekday|weekend|morning|afternoon|evening|night|hour|quarter))"
    rf"(?:\s+on\s+the\s+(?P<md>[0-3]?\d)(?:st|nd|rd|th)\b)?"
    rf"|(?:on\s+)?the\s+(?P<nth>first|second|third|fourth|last|1st|2nd|3rd|4th)\s+(?P<nthwd>{_WD_FULL})\s+of\s+(?:every|each)\s+month"
    rf"|(?:on\s+)?the\s+(?P<md2>[0-3]?\d)(?:st|nd|rd|th)\s+of\s+(?:every|each)\s+month"
    rf"|(?P<adv>daily|weekly|biweekly|bi-weekly|fortnightly|monthly|quarterly|annually|yearly|hourly|nightly)"
    rf"|(?P<times>once|twice|three\s+times)\s+a\s+(?P<tu>day|week|month|year))\b")
_DAILY_OK_NEXT = re.compile(
    r"\s*(?:$|[.,;:!?)\]—–-]|(?:at|from|between|until|till|except|during|throughout|in|on|and|or|to|for|since|by|"
    r"starting|beginning|basis|before|after|through)\b)", _I)
_RX_NTH_DAY = re.compile(
    r"the\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)\b"
    r"(?!\s+(?:of\b|century|anniversary|floor|place|birthday|round|time|day|edition|session|plenary|congress|"
    r"national|annual|straight|consecutive|largest|biggest|most|session|hole|minute|inning|amendment|street|"
    r"avenue|grade|year|month|week))")
_TOMORROW_METAPHOR = re.compile(
    r"(?:\b(?:of|an?|the|our|your|their|my|his|her|its|for|brighter|better|bright|new|greener|safer)\s+"
    r"(?:\w+\s+)?$)", _I)

# fuzzy parts in front of a period: early July, the end of the month, mid-2024
_RX_FUZZY = re.compile(
    r"(?:\b(?P<the>the\s+)?(?:very\s+)?(?P<f>early|mid|middle|late|beginning|start|end|close|first\s+half|"
    r"second\s+half|latter\s+half|latter\s+part|early\s+part|first\s+week|last\s+week|first\s+days|last\s+days|"
    r"first\s+few\s+days|last\s+few\s+days)(?:\s+part)?(?:\s+of)?(?:\s+the)?\s*(?P<dash>-)?\s*)$", _I)
_FUZZY_NEEDS_OF = {"beginning", "start", "end", "close", "middle"}
_RX_ABOUT = re.compile(
    r"\b(?P<w>about|around|approximately|roughly|circa|c\.|ca\.|sometime\s+around|some\s+time\s+around|"
    r"sometime\s+in|some\s+time\s+in|near)\s+$", _I)
_RX_MOD = re.compile(
    r"(?:\b(?P<w>no\s+later\s+than|not\s+later\s+than|on\s+or\s+before|on\s+or\s+after|up\s+until|up\s+to|until|"
    r"till|'til|through|thru|by|starting(?:\s+(?:on|from|at|in))?|beginning(?:\s+(?:on|from|at|in))?|"
    r"commencing(?:\s+on)?|effective(?:\s+(?:from|on))?|as\s+of|as\s+from|from|since|before|prior\s+to|after|"
    r"later\s+than|earlier\s+than|not\s+before|not\s+until|between)\s+(?P<the>the\s+)?)$", _I)
_MOD_SENSE = {
    "no later than": "deadline", "not later than": "deadline", "on or before": "deadline",
    "up until": "deadline", "up to": "deadline", "until": "deadline", "till": "deadline", "'til": "deadline",
    "through": "deadline", "thru": "deadline", "by": "deadline", "starting": "start", "beginning": "start",
    "commencing": "start", "effective": "start", "as of": "start", "as from": "start", "from": "start",
    "since": "since", "before": "before", "prior to": "before", "earlier than": "before", "after": "after",
    "later than": "after", "on or after": "start", "not before": "start", "not until": "start",
}
_RX_SUFFIX = re.compile(
    r"(?:\s+(?P<on>onwards?|and\s+onwards?|on|and\s+beyond|or\s+later|and\s+later|at\s+the\s+latest|"
    r"or\s+earlier|or\s+before))\b", _I)
_DEADLINE_CTX = re.compile(
    r"\b(?:deadlines?|due|closes?|closing(?![-\s](?:week|day|night|ceremony|reception|concert|remarks|session|event|gala|party|"
    r"performance|celebration|talk))|expires?|expiry|expiring|apply|applications?|registrations?|"
    r"register|submit|submissions?|must\s+be\s+(?:submitted|received|filed|completed)|no\s+later\s+than|"
    r"cut-?off|last\s+day)\b", _I)
_AHEAD = re.compile(
    r"\b(?:will|shall|upcoming|next|going\s+to|scheduled|expected|expects?|plans?|planned|planning|set\s+(?:to|for)|slated|due|"
    r"coming|forthcoming|future|soon|deadlines?|closes?|opens?|begins?|starts?|runs?|is\s+to|are\s+to|"
    r"apply|register|submit|postponed|delayed|rescheduled|ahead|until|till|await|awaits|would|ends?|"
    r"takes?\s+effect|comes?\s+into\s+force|resumes?|reopens?|may\s+(?!and\b|or\b|to\b|through\b)[a-z]+|might|likely|possible|forecast)\b|['’]ll\b")
_BEHIND = re.compile(
    r"\b(?:was|were|ago|last(?=\s+(?:week|month|year|night|season|fall|spring|summer|winter|time|weekend|"
    r"[a-z]+day)\b)|had|did|previous|previously|earlier|held|took\s+place|happened|occurred|said|says|"
    r"announced|reported|told|launched|released|ended|began|started|died|killed|won|lost|signed|"
    r"passed|since|recorded|saw|met|visited|arrived|left|came|went|made|completed|finished|concluded|attended|"
    r"celebrated|marked|unveiled|issued|published|has\s+been|have\s+been|approved|agreed|decided|voted|"
    r"confirmed|revealed|showed|found|became)\b")
_SENTENCE_END = re.compile(r"[.!?。！？]\s+(?=[A-Z\"“(])|\n")

_QUICK = re.compile(
    r"\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|tod|tom|ton|yes|"
    r"week|month|year|quarter|spring|summer|autumn|fall|winter|noon|midnight|midday|christmas|xmas|thanks|"
    r"easter|hallow|valentine|mother|father|mlk|martin|president|washington|boxing|bank|independence|memorial|"
    r"labo|new\s+year|fourth|juneteenth|veteran|columbus|patrick|black|cyber|lunar|chinese|spring|lantern|dragon|"
    r"mid|daily|hourly|nightly|annually|yearly|every|each|once|twice|decade|centur|hour|minute|day|q[1-4]|h[12]|"
    r"remembrance|armistice|international|good|o['’]clock|half|early|late|end|first|second|third|one|two|three|"
    r"four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|sixty|several|few|couple|dozen|"
    r"fortnight|morning|afternoon|evening|night)", _I)


# ----------------------------------------------------------------------------- candidates
@dataclass
class _A:
    """A candidate expression while the passes work on it (not frozen: the passes refine it)."""

    s: int
    e: int
    kind: str                                   # date | time | datetime | dur | set
    rule: str
    strong: bool = True
    # date side: either a per-year period (year inference) or a relative resolver
    period: Callable[[int], Interval] | None = None
    year: int | None = None
    wd: int | None = None                       # weekday named next to a date, steers its year
    relative: Callable[[dt.date, int], Interval] | None = None
    grain: str = "day"
    approx: bool = False
    # time side: (hour, minute) pairs; hour 24 = midnight at the end of the day
    t1: tuple[int, int] | None = None
    t2: tuple[int, int] | None = None
    ap: bool = True                             # meridiem (or 24-hour clock) known
    tgrain: str = "hour"
    tz: str | None = None
    day_shift: int = 0                          # a time part that belongs to the next day (tonight's 2 am)
    # the second date of a range
    b: _A | None = None
    # durations, recurrences, pre-resolved values
    duration: str | None = None
    rrule: str | None = None
    fixed: tuple | None = None                  # (start, end, type, grain) already resolved
    mod: str | None = None
    open_side: str | None = None                # start | end: which side the mod opens
    fuzzy: str | None = None
    fuzzy_ok: bool = False                      # the period can take early/mid/late
    period_kind: str = "day"                    # day | week | month | quarter | season | year | decade
    extra: dict = field(default_factory=dict)


def _num(word: str) -> float | None:
    w = re.sub(r"\s+", " ", word.lower())
    if w in _NUMBERS:
        return float(_NUMBERS[w])
    try:
        return float(w)
    except ValueError:
        return None


def _month_of(word: str) -> int:
    return _MONTHS[word.lower().rstrip(".")]


def _last_day(y: int, m: int) -> int:
    return calendar.monthrange(y, m)[1]


def _month_period(m: int) -> Callable[[int], Interval]:
    return lambda y: (dt.date(y, m, 1), dt.date(y, m, _last_day(y, m)))


def _day_period(m: int, d: int, m2: int | None = None, d2: int | None = None) -> Callable[[int], Interval]:
    def period(y: int) -> Interval:
        start = dt.date(y, m, d)
        if d2 is None:
            return start, start
        end = dt.date(y, m2 or m, d2)
        if end < start:
            end = dt.date(y + 1, m2 or m, d2)
        return start, end
    return period


def _add_months(d: dt.date, n: int) -> dt.date:
    y, m = divmod(d.month - 1 + n, 12)
    y += d.year
    return dt.date(y, m + 1, min(d.day, _last_day(y, m + 1)))


def _week_of(d: dt.date) -> Interval:
    monday = d - dt.timedelta(days=d.weekday())
    return monday, monday + dt.timedelta(days=6)


def _season(name: str) -> Callable[[int], Interval]:
    name = name.lower()
    if name == "spring":
        return lambda y: (dt.date(y, 3, 1), dt.date(y, 5, 31))
    if name == "summer":
        return lambda y: (dt.date(y, 6, 1), dt.date(y, 8, 31))
    if name in ("autumn", "fall"):
        return lambda y: (dt.date(y, 9, 1), dt.date(y, 11, 30))
    return lambda y: (dt.date(y, 12, 1), dt.date(y + 1, 2, _last_day(y + 1, 2)))


def _quarter(q: int) -> Callable[[int], Interval]:
    return lambda y: (dt.date(y, 3 * q - 2, 1), dt.date(y, 3 * q, _last_day(y, 3 * q)))


def _nth_weekday(y: int, m: int, wd: int, n: int) -> dt.date:
    if n > 0:
        first = dt.date(y, m, 1)
        return first + dt.timedelta(days=(wd - first.weekday()) % 7 + 7 * (n - 1))
    last = dt.date(y, m, _last_day(y, m))
    return last - dt.timedelta(days=(last.weekday() - wd) % 7)


def _lunar(y: int, m: int, d: int) -> dt.date:
    from lunardate import LunarDate

    ld = LunarDate(y, m, d)
    return ld.to_solar_date() if hasattr(ld, "to_solar_date") else ld.toSolarDate()


def _holiday(key: str, y: int) -> dt.date:
    fixed = {"christmas": (12, 25), "christmas_eve": (12, 24), "new_year": (1, 1), "new_year_eve": (12, 31),
             "july4": (7, 4), "halloween": (10, 31), "valentine": (2, 14), "boxing": (12, 26),
             "juneteenth": (6, 19), "veterans": (11, 11), "patrick": (3, 17), "may_day": (5, 1)}
    if key in fixed:
        return dt.date(y, *fixed[key])
    nth = {"thanksgiving": (11, 3, 4), "memorial": (5, 0, -1), "labor": (9, 0, 1), "mother": (5, 6, 2),
           "father": (6, 6, 3), "mlk": (1, 0, 3), "presidents": (2, 0, 3), "uk_may": (5, 0, 1),
           "uk_spring": (5, 0, -1), "uk_summer": (8, 0, -1), "columbus": (10, 0, 2)}
    if key in nth:
        m, wd, n = nth[key]
        return _nth_weekday(y, m, wd, n)
    if key == "black_friday":
        return _nth_weekday(y, 11, 3, 4) + dt.timedelta(days=1)
    if key == "cyber_monday":
        return _nth_weekday(y, 11, 3, 4) + dt.timedelta(days=4)
    if key in ("easter", "easter_monday", "good_friday"):
        from dateutil.easter import easter

        return easter(y) + dt.timedelta(days={"easter": 0, "easter_monday": 1, "good_friday": -2}[key])
    lunar = {"cny": (1, 1), "lantern": (1, 15), "dragon_boat": (5, 5), "mid_autumn": (8, 15)}
    return _lunar(y, *lunar[key])


def _tod(pod: str) -> tuple[tuple[int, int], tuple[int, int]]:
    return {"morning": ((6, 0), (12, 0)), "afternoon": ((12, 0), (18, 0)),
            "evening": ((18, 0), (22, 0)), "night": ((18, 0), (24, 0))}[pod.lower()]


# ----------------------------------------------------------------------------- pass 1: atoms
def _cap(word: str) -> bool:
    return word[:1].isupper()


def _before(text: str, s: int, n: int = 40) -> str:
    return text[max(0, s - n):s]


def _month_ok(text: str, m: re.Match, group: str = "mon") -> bool:
    """Ambiguous month words (May, March, June...) must be capitalized."""
    if m.start(group) and text[m.start(group) - 1].isalnum():
        return False                      # inside a word: "dismay 5"
    word = text[m.start(group):m.end(group)]
    key = word.lower().rstrip(".")
    return not (key in _AMBIGUOUS_MONTHS and not _cap(word))


def _date_atoms(text: str, low: str, out: list[_A]) -> None:
    for rx, rule in ((_RX_MDY, "month-day"), (_RX_DMY, "day-month")):
        pos = 0
        while True:
            m = rx.search(low, pos)
            if m is None:
                break
            pos = m.start() + 1
            if not _month_ok(text, m):
                continue
            wdm = _WD_BEFORE.search(low, max(0, m.start() - 22), m.start())
            first_wd = "wd0" if wdm and wdm.group("wd0") else "wd"  # a weekday range names the first day first
            wd = text[wdm.start(first_wd):wdm.end(first_wd)] if wdm else None
            if wd and not _cap(wd):
                wd = None
            d = int(m.group("d")) if m.group("d") else _ORDINALS[m.group("dw").lower()]
            s = wdm.start() if wd else m.start()
            if rule == "day-month" and not wd:
                s = m.start("d") if m.group("d") else m.start("dw")
                pre = text[m.start():s]
                if pre.lower().startswith("the"):
                    s = m.start()
            elif rule == "month-day" and not wd:
                s = m.start("mon") if not text[m.start():m.start("mon")].lower().startswith("the") else m.start()
            if rule == "month-day" and m.group("dw") and m.group("mon").lower().rstrip(".") in ("may", "march"):
                continue  # "May first" is too often "may first ..."
            e = m.end()
            mon = _month_of(m.group("mon"))
            mon2 = _month_of(m.group("mon2")) if rule == "month-day" and m.group("mon2") else None
            d2 = int(m.group("d2")) if m.group("d2") else None
            conn = (m.group("conn") or "").lower()
            if d2 is not None and (conn == "and" and d2 != d + 1 and not re.search(r"\bbetween\s+$", _before(text, s), _I)
                                   or conn in ("to", "through", "thru", "until", "till") and mon2 is None
                                   and rule == "month-day" and d2 <= d):
                # "March 5 and 10" are two days, not a range: keep the first
                d2 = mon2 = None
                e = m.end("dt")
            elif d2 is not None and rule == "month-day" and mon2 is None and d2 <= d:
                d2 = None
                e = m.end("dt")
            y = int(m.group("y")) if m.group("y") and m.end("y") <= e else None
            if d2 is None and m.group("y") and m.end("y") > e:
                y = None
            if y is not None and mon2 is not None and (mon2, d2) < (mon, d):
                y -= 1  # Dec. 18 through April 6, 2026: the year is the last day's
            try:
                period = _day_period(mon, d, mon2, d2)
                period(2024)  # leap year: validates the day numbers
            except ValueError:
                continue
            if y is not None:
                try:
                    period(y)
                except ValueError:
                    continue
            if d2 is None and y is None and rule == "month-day" and re.match(r"\s*(?:-|–|/)\s*\d", text[e:e + 4]) \
                    and not re.match(r"\s+[-–]\s+\d{1,2}(?::\d\d\s*|\s*)[ap]\.?m\b", text[e:e + 16], _I):
                continue  # "May 5-6%": a number range, or a phone/ID (not "October 9 - 7:00 p.m.", a day and its hour)
            a = _A(s, e, "date", rule, period=period, year=y, grain="day",
                   wd=_WEEKDAYS[wd.lower().rstrip(".")] if wd else None)
            if d2 is not None:
                a.extra["range"] = True
            if wd and first_wd == "wd0":
                a.extra["wd_first"] = True  # Wednesday-Thursday, April 29-30: the first weekday is the first day's
            out.append(a)
            pos = max(pos, e)


def _numeric_atoms(text: str, low: str, out: list[_A], order: str) -> None:
    for m in _RX_ISO.finditer(low):
        y, mo, d = int(m.group("y")), int(m.group("m")), int(m.group("d"))
        try:
            day = dt.date(y, mo, d)
        except ValueError:
            continue
        a = _A(m.start(), m.end(), "date", "iso-date", period=lambda _y, day=day: (day, day), year=y)
        if m.group("hh"):
            a.kind, a.t1, a.tgrain, a.rule = "datetime", (int(m.group("hh")), int(m.group("mi"))), "minute", "iso-datetime"
        out.append(a)
    for m in _RX_SLASH.finditer(low):
        a_, b_, ys = int(m.group("a")), int(m.group("b")), m.group("y")
        y = int(ys) if len(ys) == 4 else 2000 + int(ys)
        if m.group("sep") == "." and len(ys) != 4:
            continue  # 1.2.23 is a version number
        if m.group("sep") == "-" and len(ys) != 4:
            continue  # 3-15-24 reads like a phone number or code
        first = (b_, a_) if (order == "DMY" or m.group("sep") == ".") else (a_, b_)
        tries = (first, first[::-1])
        for mo, d in tries:
            try:
                day = dt.date(y, mo, d)
                break
            except ValueError:
                day = None
        if day is None:
            continue
        out.append(_A(m.start(), m.end(), "date", "numeric-date", period=lambda _y, day=day: (day, day), year=y))
    for m in _RX_SLASH2.finditer(low):
        a_, b_ = int(m.group("a")), int(m.group("b"))
        mo, d = (b_, a_) if order == "DMY" else (a_, b_)
        if not (1 <= mo <= 12 and 1 <= d <= 31):
            continue
        try:
            dt.date(2024, mo, d)
        except ValueError:
            continue
        after = text[m.end():m.end() + 20]
        if re.match(r"\s*(?:of\b|majority|share|cup|inch|mile|scale|split|ratio|vote|th\b)", after, _I):
            continue
        before = _before(text, m.start(), 30)
        ctx = bool(_SLASH_CTX_BEFORE.search(before)) or bool(
            re.match(r"\s*(?:,\s*)?(?:at\s+)?\d{1,2}(?::\d\d)?\s*[ap]\.?m|\s*[-–]\s*\d{1,2}/\d{1,2}", after, _I)) or bool(
            re.search(r"\d{1,2}/\d{1,2}\s*[-–]\s*$", before))  # 11/27-11/30: the range's end
        if not ctx:
            continue
        out.append(_A(m.start(), m.end(), "date", "slash-date", period=_day_period(mo, d)))


def _month_atoms(text: str, low: str, out: list[_A]) -> None:
    for m in _RX_MONTH.finditer(low):
        if m.start() and text[m.start() - 1].isalnum():
            continue
        word = text[m.start("mon"):m.end("mon")]
        key = word.lower().rstrip(".")
        y = int(m.group("y")) if m.group("y") else None
        rel = m.group("rel")
        before = _before(text, m.start(), 25)
        ctx = bool(_MONTH_CONTEXT.search(before))
        if key in _AMBIGUOUS_MONTHS or len(key) <= 4 and key not in ("july", "june"):
            if not _cap(word):
                continue
        if key == "may" and not (y or rel or ctx):
            continue
        if not (y or rel or ctx) and (key in _AMBIGUOUS_MONTHS or key == "march"):
            strong = False
        else:
            strong = bool(y or rel or ctx)
        if len(key) == 3 and key not in ("may",) and not (y or rel):
            strong = False  # "Jan", "Oct" alone
        if key == "march" and not (y or rel) and re.match(r"\s+(?:on|to|into|through|past|in|from|against)\b",
                                                          text[m.end():m.end() + 10]):
            strong = False  # "to march on the capital"
        mon = _month_of(word)
        a = _A(m.start(), m.end(), "date", "month", strong=strong, period=_month_period(mon), year=y,
               grain="month", fuzzy_ok=True, period_kind="month")
        if rel:
            a.extra["relyear"] = rel.lower()
        out.append(a)


def _year_atoms(text: str, low: str, out: list[_A]) -> None:
    for m in _RX_YEAR.finditer(low):
        if m.start() and low[m.start() - 1] == "-" and low[max(0, m.start() - 4):m.start()] != "mid-":
            continue              # 555-2024, A-2024
        y = int(m.group("y"))
        before = _before(text, m.start(), 20)
        after = text[m.end("y"):m.end("y") + 25]
        ctx = bool(m.group("fy") or m.group("the") or m.group("poss") or _YEAR_CONTEXT.search(before)
                   or re.search(r"\bthe\s+$", before, _I) and re.match(r"\s+[A-Z]", after))
        if _YEAR_NOT_AFTER.match(after) or re.match(r"\s*(?:%|percent)", after, _I):
            continue
        y2s = m.group("y2")
        if y2s:
            y2 = int(y2s) if len(y2s) == 4 else (y // 100) * 100 + int(y2s)
            conn = m.group("conn").lower()
            if y2 <= y or y2 - y > 60 or conn == "and" and not re.search(r"\bbetween\s+$", before, _I):
                y2s = None
            elif len(y2s) == 2 and not ctx and not m.group("fy"):
                y2s = None
        if not ctx and not y2s:
            if 1990 <= y <= 2040 and re.match(r"\s*[,.;)]|\s*$", after) and not re.search(r"[\d$]\s*$", before):
                # "..., in the summer of 2024." trailing year: the summer pattern takes it; a bare year at a
                # clause end is usually a year, but without a context word we stay quiet.
                pass
            continue
        if y2s:
            e = m.end("y2")
            a = _A(m.start(), e, "date", "year-range", period=None, year=y, grain="year",
                   fixed=(dt.date(y, 1, 1), dt.date(y2, 12, 31), "range", "year"))
            a.extra["type"] = "range"
            out.append(a)
            continue
        e = m.end("y")
        s = m.start()
        if m.group("fy"):
            s = m.start()
        out.append(_A(s, e, "date", "year", period=lambda yy: (dt.date(yy, 1, 1), dt.date(yy, 12, 31)), year=y,
                      grain="year", fuzzy_ok=True, period_kind="year"))
    for m in _RX_DECADE.finditer(low):
        y = int(m.group("y"))
        the = re.search(r"\bthe\s+$", low[max(0, m.start() - 6):m.start()])
        out.append(_A(m.start() - (len(the.group(0)) if the else 0), m.end(), "date", "decade", year=y, grain="decade",
                      period=lambda yy: (dt.date(yy, 1, 1), dt.date(yy + 9, 12, 31)), fuzzy_ok=True,
                      period_kind="decade"))


def _relative_atoms(text: str, low: str, out: list[_A]) -> None:
    for m in _RX_REL_DAY.finditer(low):
        w = re.sub(r"\s+", " ", m.group("w").lower())
        if w in ("tomorrow", "today") and _TOMORROW_METAPHOR.search(_before(text, m.start(), 25)):
            before = _before(text, m.start(), 25).lower()
            if not re.search(r"\b(?:as of|from|for|until|by|till|since|of)\s+$", before) or re.search(
                    r"\b(?:world|city|cities|leaders?|jobs|technolog\w*|schools?|children|youth|generation|"
                    r"challenges|problems|society|homes?|cars?|workforce|economy|news|people|heroes) of\s+$", before):
                continue
            if re.search(r"\b(?:brighter|better|bright|new|greener|safer|an?)\s+$", before):
                continue
        if w == "tomorrow" and re.match(r"\s*(?:['’]s\s+)?(?:world|leaders|generation|children|technolog)", text[m.end("w"):m.end("w") + 20], _I):
            continue
        shift = {"today": 0, "tonight": 0, "tomorrow": 1, "yesterday": -1, "the day after tomorrow": 2,
                 "the day before yesterday": -2}[w]
        pod = m.group("pod")
        if w == "tonight":
            pod = "night"
        a = _A(m.start(), m.end(), "date", "relative-day",
               relative=lambda r, _d, shift=shift: (r + dt.timedelta(days=shift),) * 2)
        if pod:
            (h1, m1), (h2, m2) = _tod(pod)
            a.kind, a.t1, a.t2, a.approx, a.rule = "datetime", (h1, m1), (h2, m2), True, "relative-day-part"
        if not m.group("pod") and w != "tonight":
            a.e = m.end("w")
        out.append(a)
    for m in _RX_REL_PERIOD.finditer(low):
        rel = re.sub(r"\s+", " ", m.group("rel").lower())
        unit = (m.group("unit") or "").lower()
        if rel in ("earlier today", "later today"):
            out.append(_A(m.start(), m.end(), "date", "relative-today", relative=lambda r, _d: (r, r)))
            continue
        if not unit:
            continue
        a = _relative_period(rel, unit, m.start(), m.end())
        if a is not None:
            out.append(a)
    for m in _RX_THE_PERIOD.finditer(low):
        unit = m.group("unit").lower()
        if unit == "day":
            continue
        a = _relative_period("this", unit, m.start(), m.end())
        if a is not None:
            a.strong = False       # "the month" only counts as "the end of the month" and the like
            a.rule = "the-" + unit
            if unit == "weekend":
                a.strong = bool(re.search(r"\b(?:over|this|on|at|during|for|by|until|through|)\s+$", _before(text, m.start(), 10), _I))
                a.relative = _nearest_weekend
            out.append(a)


def _nearest_weekend(r: dt.date, direction: int) -> Interval:
    sat = r + dt.timedelta(days=(5 - r.weekday()) % 7)
    if r.weekday() == 6:
        sat = r - dt.timedelta(days=1)
    if direction < 0 and r.weekday() < 5:
        sat -= dt.timedelta(days=7)
    return sat, sat + dt.timedelta(days=1)


def _relative_period(rel: str, unit: str, s: int, e: int) -> _A | None:
    step = {"this": 0, "next": 1, "last": -1, "coming": 1, "the coming": 1, "this coming": 1, "past": -1,
            "the past": -1, "this past": -1, "previous": -1, "the previous": -1, "the following": 1,
            "earlier this": 0, "later this": 0}[rel]
    approx = rel in ("earlier this", "later this")
    part = "early" if rel == "earlier this" else "later" if rel == "later this" else None
    if unit in ("morning", "afternoon", "evening", "night"):
        if rel in ("this",):
            shift = 0
        elif rel in ("last", "past", "the past", "this past", "previous", "the previous") and unit == "night":
            shift = -1
        else:
            return None
        (h1, m1), (h2, m2) = _tod(unit)
        return _A(s, e, "datetime", "relative-day-part", relative=lambda r, _d: (r + dt.timedelta(days=shift),) * 2,
                  t1=(h1, m1), t2=(h2, m2), approx=True)
    rolling = rel in ("the past", "the coming", "the following", "the previous")
    if rolling and unit in ("week", "month", "year"):
        # "the past week" is the seven days up to the reference, not last calendar week
        if rel == "the following":
            return None
        sign = -1 if rel in ("the past", "the previous") else 1

        def rolling_fn(r: dt.date, _d: int, sign=sign, unit=unit) -> Interval:
            other = (r + sign * dt.timedelta(days=7) if unit == "week" else
                     _add_months(r, sign * (1 if unit == "month" else 12)))
            return (other, r) if sign < 0 else (r, other)
        return _A(s, e, "date", "rolling-" + unit, relative=rolling_fn, grain="day", approx=False,
                  extra={"type": "range"})

    def fn(r: dt.date, _d: int) -> Interval:
        if unit == "week":
            a, b = _week_of(r + dt.timedelta(days=7 * step))
        elif unit == "weekend":
            if step == 0:
                return _nearest_weekend(r, 1 if r.weekday() < 5 else 0)
            sat = _week_of(r + dt.timedelta(days=7 * step))[0] + dt.timedelta(days=5)
            if step < 0 and r.weekday() == 6:
                sat = r - dt.timedelta(days=8)
            a, b = sat, sat + dt.timedelta(days=1)
        elif unit == "month":
            first = _add_months(r.replace(day=1), step)
            a, b = first, first.replace(day=_last_day(first.year, first.month))
        elif unit == "quarter":
            q0 = (r.month - 1) // 3 + step
            y, q = r.year + q0 // 4, q0 % 4 + 1
            a, b = _quarter(q)(y)
        elif unit == "year":
            a, b = dt.date(r.year + step, 1, 1), dt.date(r.year + step, 12, 31)
        elif unit == "decade":
            y0 = r.year // 10 * 10 + 10 * step
            a, b = dt.date(y0, 1, 1), dt.date(y0 + 9, 12, 31)
        else:  # century
            y0 = r.year // 100 * 100 + 100 * step
            a, b = dt.date(y0, 1, 1), dt.date(y0 + 99, 12, 31)
        if part == "early":
            return a, r
        if part == "later":
            return r, b
        return a, b
    grain = {"weekend": "week"}.get(unit, unit)
    return _A(s, e, "date", f"{rel.replace(' ', '-')}-{unit}", relative=fn, grain=grain, approx=approx,
              fuzzy_ok=not approx and unit in ("week", "month", "year", "quarter"), period_kind=grain)


def _weekday_atoms(text: str, low: str, out: list[_A]) -> None:
    for m in _RX_WEEKDAY.finditer(low):
        word = text[m.start("wd"):m.end("wd")]
        if not _cap(word):
            continue
        wd = _WEEKDAYS[word.lower()]
        relm = _REL_BEFORE.search(low, max(0, m.start() - 12), m.start())
        rel = re.sub(r"\s+", " ", relm.group("rel")) if relm else ""
        post = re.sub(r"\s+", " ", (m.group("post") or "").lower())
        if m.group("pl"):
            if rel:
                continue
            if len(m.group("pl")) > 1 and re.search(r"(?:through|thru|to|-|–)\s*$", low[max(0, m.start() - 10):m.start()]):
                out.append(_A(m.start("wd"), m.end("wd"), "date", "weekday", relative=lambda r, d, wd=wd: (
                    r + dt.timedelta(days=(wd - r.weekday()) % 7),) * 2))
                continue  # Monday through Thursday nights: the end of a span of weekdays
            e = m.end("pl")
            out.append(_A(m.start("wd"), e, "set", "weekday-plural", rrule=f"FREQ=WEEKLY;BYDAY={_BYDAY[wd]}",
                          relative=lambda r, _d, wd=wd: (r + dt.timedelta(days=(wd - r.weekday()) % 7),) * 2))
            continue
        before = _before(text, m.start(), 12)
        if re.search(r"\b(?:Ruby|Black|Cyber|Good|Ash|Holy|Easter|Super|Blue|Man|Girl)\s+$", before):
            continue

        def fn(r: dt.date, direction: int, wd=wd, rel=rel, post=post) -> Interval:
            delta = (wd - r.weekday()) % 7
            if post:
                wk = {"next week": 1, "of next week": 1, "last week": -1, "of last week": -1,
                      "this week": 0, "of this week": 0, "week after next": 2, "after next": 2}[post]
                d = _week_of(r)[0] + dt.timedelta(days=7 * wk + wd)
            elif rel == "next":
                d = _week_of(r)[0] + dt.timedelta(days=7 + wd)
            elif rel in ("last", "past", "this past", "previous", "the past"):
                d = r - dt.timedelta(days=(r.weekday() - wd) % 7 or 7)
            elif rel in ("coming", "this coming", "the coming"):
                d = r + dt.timedelta(days=delta or 7)
            elif rel == "this":
                d = _week_of(r)[0] + dt.timedelta(days=wd)
                if d < r and direction >= 0:
                    d += dt.timedelta(days=7)
            else:
                ahead = r + dt.timedelta(days=delta)
                behind = r - dt.timedelta(days=(r.weekday() - wd) % 7)
                if direction > 0:
                    d = ahead
                elif direction < 0:
                    d = behind
                else:
                    d = ahead if (ahead - r) <= (r - behind) else behind
            return d, d
        s = relm.start() if relm else m.start()
        a = _A(s, m.end(), "date", "weekday" + ("-" + rel.replace(" ", "-") if rel else ""), relative=fn)
        if not rel and not post:
            a.extra["bare_weekday"] = wd
        out.append(a)


def _holiday_atoms(text: str, low: str, out: list[_A]) -> None:
    for m in _RX_HOLIDAY.finditer(low):
        name = text[m.start("h"):m.end("h")]
        if not _cap(name):
            continue
        key = _HOLIDAY_NAMES[re.sub(r"\s+", " ", name.lower().replace("’", "'"))] \
            if re.sub(r"\s+", " ", name.lower().replace("’", "'")) in _HOLIDAY_NAMES else None
        if key is None:
            norm = re.sub(r"['’]", "", re.sub(r"\s+", " ", name.lower()))
            key = next((v for k, v in _HOLIDAY_NAMES.items() if k.replace("'", "") == norm), None)
        if key is None:
            continue
        if key == "may_day" and re.match(r"\s+bank", text[m.end("h"):m.end("h") + 6], _I):
            continue
        if name.lower() == "new year" and not re.match(r"\s*(?:['’]s|holiday|day)", text[m.end("h"):m.end("h") + 10], _I) \
                and not re.search(r"\b(?:the|this|next|last)\s+$", _before(text, m.start(), 6), _I) and not m.group("y"):
            continue
        y = int(m.group("y")) if m.group("y") else None
        relm = _HOLIDAY_REL_BEFORE.search(low, max(0, m.start() - 14), m.start())
        rel = re.sub(r"\s+", " ", relm.group("rel").replace("’", "'")) if relm else ""
        a = _A(relm.start() if relm else m.start(), m.end(), "date", "holiday-" + key, period=lambda yy, key=key: (_holiday(key, yy),) * 2,
               year=y)
        if rel:
            a.extra["relyear"] = {"this": "this", "next": "next", "last": "last", "this year's": "this",
                                  "next year's": "next", "last year's": "last"}[rel]
            a.extra["relnear"] = rel in ("next", "last")
        out.append(a)


def _quarter_atoms(text: str, low: str, out: list[_A]) -> None:
    for m in _RX_QUARTER.finditer(low):
        qs = m.group("q") or m.group("qw").lower()
        q = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
             "final": 4, "last": 4}.get(qs) or int(qs)
        y = m.group("y") or m.group("y2")
        rel = (m.group("rel") or "").lower()
        if m.group("qw") and not (y or rel or m.group(0).lower().startswith("the")):
            continue
        if m.group("qw") and not (y or rel) and re.match(r"-quarter\s+[a-z]", low[m.end("qw"):m.end() + 3]) \
                and not re.match(r"\s+(?:of|in|and|to|through|will|is|was)\b", low[m.end():]):
            continue  # "the first-quarter estimated payment": an adjective naming a payment, not the quarter
        a = _A(m.start(), m.end(), "date", "quarter", period=_quarter(q), year=int(y) if y else None,
               grain="quarter", fuzzy_ok=True, period_kind="quarter")
        if rel:
            a.extra["relyear"] = rel
        out.append(a)
    for m in _RX_HALF_YEAR.finditer(low):
        h = m.group("h")
        half = int(m.group("hn")) if m.group("hn") else (1 if h.lower() in ("first", "1st") else 2)
        y = m.group("y") or m.group("y2")
        rel = (m.group("rel") or "").lower()
        a = _A(m.start(), m.end(), "date", "half-year", year=int(y) if y else None, grain="half",
               period=lambda yy, half=half: ((dt.date(yy, 1, 1), dt.date(yy, 6, 30)) if half == 1
                                            else (dt.date(yy, 7, 1), dt.date(yy, 12, 31))))
        a.extra["relyear"] = rel or ("this" if not y else None)
        out.append(a)


def _season_atoms(text: str, low: str, out: list[_A]) -> None:
    for m in _RX_SEASON.finditer(low):
        name = text[m.start("s"):m.end("s")]
        relm = _REL_BEFORE.search(low, max(0, m.start() - 12), m.start())
        rel = re.sub(r"\s+", " ", relm.group("rel")) if relm else ""
        if rel in ("the coming", "the past", "previous"):
            rel, relm = "", None
        y = int(m.group("y")) if m.group("y") else None
        before = _before(text, m.start(), 25)
        if not (rel or y or _SEASON_CONTEXT.search(before)):
            continue
        if name.lower() == "fall" and not (y or rel) and not re.search(r"\bthe\s+$", before, _I):
            continue
        if _cap(name) and re.match(r"\s+[A-Z]", text[m.end("s"):m.end("s") + 2]) and not y:
            continue  # "Summer Davos", "Spring Festival"
        s = relm.start() if relm else m.start()
        a = _A(s, m.end(), "date", "season", period=_season(name), year=y, grain="season", approx=True,
               fuzzy_ok=True, period_kind="season")
        if rel:
            a.extra["relyear"] = {"this": "this", "next": "next", "last": "last", "coming": "next",
                                  "this coming": "next", "past": "last", "this past": "last"}[rel]
            a.extra["season"] = True
        out.append(a)


def _time_atoms(text: str, low: str, out: list[_A]) -> None:
    for m in _RX_TIME_RANGE.finditer(low):
        conn = m.group("conn").lower()
        if conn == "and" and not re.search(r"\bbetween\s+$", _before(text, m.start(), 12), _I):
            continue
        if not m.group("m1") and not m.group("ap1") and re.search(rf"\b{_MON}\s+$", _before(text, m.start(), 12), _I):
            continue  # October 9 - 7:00 p.m.: the day of a month, then the hour
        h1, m1 = int(m.group("h1")), int(m.group("m1") or 0)
        h2, m2 = int(m.group("h2")), int(m.group("m2") or 0)
        if not (1 <= h2 <= 12 and h1 <= 12 if not m.group("ap1") else 1 <= h1 <= 12 and 1 <= h2 <= 12):
            if not (h1 <= 23 and 1 <= h2 <= 12):
                continue
        ap2 = m.group("ap2").lower()
        H2 = h2 % 12 + (12 if ap2 == "p" else 0)
        if m.group("ap1"):
            H1 = h1 % 12 + (12 if m.group("ap1").lower() == "p" else 0)
        else:
            if h1 > 12:
                H1 = h1
            else:
                H1 = h1 % 12 + (12 if ap2 == "p" else 0)
                if H1 * 60 + m1 > H2 * 60 + m2:
                    H1 = h1 % 12
        if not m.group("ap1") and re.search(r"[\d]\s*$", _before(text, m.start(), 3)):
            continue
        grain = "minute" if (m.group("m1") or m.group("m2")) else "hour"
        e = m.end()
        a = _A(m.start(), e, "time", "time-range", t1=(H1, m1), t2=(H2, m2), tgrain=grain)
        _time_zone(text, a)
        out.append(a)
    for m in _merge_iters(_RX_TIME.finditer(low), _RX_TIME_WORD.finditer(low)):
        g = m.groupdict()
        if g.get("h") is not None:
            h, mi = int(m.group("h")), int(m.group("m") or 0)
            if not 1 <= h <= 12 and not (h == 0 and m.group("m")):
                continue
            H = h % 12 + (12 if m.group("ap").lower() == "p" else 0)
            a = _A(m.start(), m.end(), "time", "clock-ampm", t1=(H, mi), tgrain="minute" if m.group("m") else "hour")
        elif g.get("h24") is not None:
            h, mi = int(m.group("h24")), int(m.group("m24"))
            before = _before(text, m.start(), 25)
            strong = bool(len(m.group("h24")) == 2 or re.search(
                r"\b(?:at|from|until|till|by|to|before|after|around|about|between|and|since|starting|@)\s+$|[-–]\s*$",
                before, _I) or re.match(r"\s*(?:h|hrs|hours|local|GMT|UTC|[A-Z]{2,3}T\b|Beijing)", text[m.end():m.end() + 12]))
            if re.search(r"\b(?:score|scored|won|beat|lost|drew|ratio|verse|chapter|John|Luke|Mark|Matthew)\s+$", before, _I):
                continue
            a = _A(m.start(), m.end(), "time", "clock-24h", t1=(h, mi), tgrain="minute", strong=strong)
        elif g.get("word") or g.get("word12"):
            w = g.get("word") or g.get("word12")
            a = _A(m.start(), m.end(), "time", "clock-" + w, t1=(24, 0) if w == "midnight" else (12, 0), tgrain="hour")
        else:
            hw = g.get("hoc") or g.get("hocd")
            h = int(hw) if hw.isdigit() else int(_NUMBERS[hw])
            a = _A(m.start(), m.end(), "time", "clock-oclock", t1=(h, 0), tgrain="hour", ap=False)
            pod = _RX_POD.match(text, m.end())
            if pod:
                p = pod.group("pod").lower()
                if p != "morning" and h < 12:
                    a.t1 = (h + 12, 0)
                a.ap, a.e = True, pod.end()
            elif h < 7:
                a.t1 = (h + 12, 0)
        _time_zone(text, a)
        out.append(a)


def _merge_iters(*iters):
    return sorted((m for it in iters for m in it), key=lambda m: m.start())


def _time_zone(text: str, a: _A) -> None:
    z = _RX_TZ.match(text, a.e)
    if z and "(" not in z.group(0) or z and z.group(0).strip().endswith(")"):
        key = z.group("tz").lower()
        if key in _ZONES and not z.group(0).strip().startswith("(") or key in _ZONES:
            a.tz = _ZONES[key]
            a.e = z.end()


def _duration_atoms(text: str, low: str, out: list[_A]) -> None:
    for mu in _RX_DURATION.finditer(low):
        if mu.start() and low[mu.start() - 1].isalpha():
            continue
        lo = max(0, mu.start() - 40)
        m = _DURATION_NUMBER.search(low, lo, mu.start())
        if m is None:
            continue
        nw = m.group("n")
        unit = _UNITS[low[mu.start():mu.end()].split()[0]]
        n = _num(nw)
        if n is None:
            continue
        n2 = _num(m.group("n2")) if m.group("n2") else None
        if m.group("n2") and n2 is not None and n2 <= n:
            continue
        before = _before(text, m.start(), 20)
        after = text[mu.end():mu.end() + 20]
        if nw in ("a", "an") and not (re.search(r"\b(?:for|within|over|in|after|nearly|almost|about|around|than|"
                                                r"least|just|only|past|last|next|first)\s+$", before, _I)
                                      or re.match(r"\s+(?:ago|later|earlier|from\s+now|before|after)\b", after, _I)):
            continue
        if re.search(r"(?:\bper|\btimes|\bonce|\btwice)\s+$", before, _I):
            continue
        if re.search(r"[$£€¥]\s*$|\d[.,]$", before):
            continue
        # "24 hours a day", "the 10-year bond"? keep; ages excluded by the regex
        approx = nw in _FUZZY_NUMBERS or n2 is not None
        value = n2 if n2 is not None else n
        if m.group("half") or mu.group("half2"):
            value += 0.5
        a = _A(m.start(), mu.end(), "dur", "duration", grain=unit, approx=approx,
               duration=_iso_duration(value, unit))
        a.extra["n"], a.extra["unit"] = value, unit
        out.append(a)
    for m in _RX_HALF.finditer(low):
        unit = (m.group("u") or m.group("u2")).lower()
        a = _A(m.start(), m.end(), "dur", "duration-half", grain=unit, duration=_iso_duration(0.5, unit))
        a.extra["n"], a.extra["unit"] = 0.5, unit
        out.append(a)


def _iso_duration(n: float, unit: str) -> str:
    if unit == "fortnight":
        n, unit = n * 2, "week"
    if unit == "decade":
        n, unit = n * 10, "year"
    if unit == "century":
        n, unit = n * 100, "year"
    if n != int(n):   # fractions go down a unit: 1.5 years = P18M, 2.5 days = P2DT12H
        if unit == "year":
            n, unit = n * 12, "month"
        elif unit == "week":
            n, unit = n * 7, "day"
        elif unit == "hour":
            n, unit = n * 60, "minute"
        elif unit == "day":
            whole = int(n)
            return f"P{whole}DT{round((n - whole) * 24)}H" if whole else f"PT{round(n * 24)}H"
    num = int(n) if n == int(n) else n
    return {"year": f"P{num}Y", "month": f"P{num}M", "week": f"P{num}W", "day": f"P{num}D",
            "hour": f"PT{num}H", "minute": f"PT{num}M", "second": f"PT{num}S"}[unit]


def _set_atoms(text: str, low: str, out: list[_A]) -> None:
    for m in _RX_SET.finditer(low):
        g = m.groupdict()
        interval = 2 if g["other"] else 1
        rrule = None
        first: Callable[[dt.date, int], Interval] | None = None
        grain = "day"
        if g["wds"]:
            wds = [_WEEKDAYS[w.lower()] for w in re.findall(_WD_FULL, g["wds"], _I)]
            if not all(_cap(w) for w in re.findall(_WD_FULL, text[m.start("wds"):m.end("wds")], _I)):
                continue
            rrule = "FREQ=WEEKLY" + (f";INTERVAL={interval}" if interval > 1 else "") + \
                ";BYDAY=" + ",".join(_BYDAY[w] for w in wds)
            def first_wd(r: dt.date, _d: int, wds=wds) -> Interval:
                d = min(r + dt.timedelta(days=(w - r.weekday()) % 7) for w in wds)
                return d, d
            first = first_wd
        elif g["nu"]:
            n = _num(g["n"])
            if n is None:
                continue
            freq = {"days": "DAILY", "weeks": "WEEKLY", "months": "MONTHLY", "years": "YEARLY", "hours": "HOURLY",
                    "minutes": "MINUTELY"}[g["nu"].lower()]
            rrule = f"FREQ={freq};INTERVAL={int(n)}"
        elif g["unit"]:
            u = g["unit"].lower()
            base = {"day": "FREQ=DAILY", "week": "FREQ=WEEKLY", "month": "FREQ=MONTHLY", "year": "FREQ=YEARLY",
                    "hour": "FREQ=HOURLY", "quarter": "FREQ=MONTHLY;INTERVAL=3",
                    "weekday": "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", "weekend": "FREQ=WEEKLY;BYDAY=SA,SU",
                    "morning": "FREQ=DAILY", "afternoon": "FREQ=DAILY", "evening": "FREQ=DAILY", "night": "FREQ=DAILY"}[u]
            if interval > 1:
                base = base.replace("FREQ=WEEKLY", f"FREQ=WEEKLY;INTERVAL={interval}", 1) if "INTERVAL" not in base \
                    else base
                if not base.startswith("FREQ=WEEKLY;INTERVAL"):
                    base = base.split(";")[0] + f";INTERVAL={interval}" + "".join(";" + p for p in base.split(";")[1:])
            rrule = base
            if g["md"]:
                rrule = f"FREQ=MONTHLY;BYMONTHDAY={int(g['md'])}" if u == "month" else rrule
            if u in ("morning", "afternoon", "evening", "night"):
                (h1, _m1), _ = _tod(u)
                rrule += f";BYHOUR={h1}"
        elif g["nth"]:
            n = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
                 "last": -1}[g["nth"].lower()]
            wd = _WEEKDAYS[g["nthwd"].lower()]
            rrule = f"FREQ=MONTHLY;BYDAY={n}{_BYDAY[wd]}"

            def first_nth(r: dt.date, _d: int, n=n, wd=wd) -> Interval:
                d = _nth_weekday(r.year, r.month, wd, n)
                if d < r:
                    nxt = _add_months(r.replace(day=1), 1)
                    d = _nth_weekday(nxt.year, nxt.month, wd, n)
                return d, d
            first = first_nth
        elif g["md2"]:
            rrule = f"FREQ=MONTHLY;BYMONTHDAY={int(g['md2'])}"
        elif g["adv"]:
            adv = g["adv"].lower()
            if _cap(text[m.start("adv")]) and m.start() > 0 and not re.search(r"(?:^|[.!?]\s+)$", text[:m.start()][-3:]):
                continue  # "China Daily", "Datong Daily"
            if adv in ("daily", "weekly", "monthly", "yearly", "nightly", "hourly", "quarterly", "biweekly",
                       "bi-weekly", "fortnightly") and not _DAILY_OK_NEXT.match(text, m.end()):
                if not re.match(r"\s+(?:meeting|meetings|briefing|briefings|event|events|service|services|"
                                r"flights?|sessions?|classes|class|market|markets|tours?|shows?|screenings?|"
                                r"departures?)\b", text[m.end():m.end() + 14], _I):
                    continue
            rrule = {"daily": "FREQ=DAILY", "nightly": "FREQ=DAILY", "weekly": "FREQ=WEEKLY",
                     "biweekly": "FREQ=WEEKLY;INTERVAL=2", "bi-weekly": "FREQ=WEEKLY;INTERVAL=2",
                     "fortnightly": "FREQ=WEEKLY;INTERVAL=2", "monthly": "FREQ=MONTHLY",
                     "quarterly": "FREQ=MONTHLY;INTERVAL=3", "annually": "FREQ=YEARLY", "yearly": "FREQ=YEARLY",
                     "hourly": "FREQ=HOURLY"}[adv]
        elif g["times"]:
            count = {"once": 1, "twice": 2}.get(g["times"].lower(), 3)
            freq = {"day": "DAILY", "week": "WEEKLY", "month": "MONTHLY", "year": "YEARLY"}[g["tu"].lower()]
            rrule = f"FREQ={freq}" + (f";COUNT_PER_PERIOD={count}" if False else "")
            if count > 1:
                a = _A(m.start(), m.end(), "set", "set-frequency", rrule=rrule, grain=grain)
                a.extra["times"] = count
                out.append(a)
                continue
        if rrule is None:
            continue
        md = g.get("md") or g.get("md2")
        if md and first is None:
            def first_md(r: dt.date, _d: int, md=int(md)) -> Interval:
                d = r.replace(day=min(md, _last_day(r.year, r.month)))
                if d < r:
                    nxt = _add_months(r.replace(day=1), 1)
                    d = nxt.replace(day=min(md, _last_day(nxt.year, nxt.month)))
                return d, d
            first = first_md
        out.append(_A(m.start(), m.end(), "set", "set", rrule=rrule, relative=first, grain=grain))


def _nth_day_atoms(text: str, low: str, out: list[_A]) -> None:
    for m in _RX_NTH_DAY.finditer(low):
        d = int(m.group("d"))
        if not 1 <= d <= 31:
            continue

        def fn(r: dt.date, direction: int, d=d) -> Interval:
            cands = []
            for k in (-1, 0, 1):
                first = _add_months(r.replace(day=1), k)
                if d <= _last_day(first.year, first.month):
                    cands.append(first.replace(day=d))
            day = _pick(cands, r, direction, lambda c: (c, c))
            return day, day
        if not _NTH_PRE.search(low, max(0, m.start() - 10), m.start()):
            continue
        out.append(_A(m.start(), m.end(), "date", "nth-day", relative=fn))


# ----------------------------------------------------------------------------- pass 2: merges
_GAP_RANGE = re.compile(r"^\s*(?:(?P<c>-|–|—|−|to|through|thru|until|till|and|through\s+to|up\s+to)"
                        r"|,\s*(?P<c2>to|through|thru|until|till)"
                        r"(?:\s+the\s+end\s+of\s+(?:service|the\s+day|day)(?:\s+on)?)?)\s*$", _I)
# 9 p.m. Friday, July 14, to 5 a.m. …; 9 p.m. Friday, October 17, through the end of service Sunday, October 19
_GAP_DATE_TIME = re.compile(r"^(?:\s*,)?\s*(?:at|@|from|between|,|starting\s+at|beginning\s+at|around|about|(?<=\s)[-–](?=\s))?\s*$", _I)
_GAP_TIME_DATE = re.compile(r"^(?:\s*,)?\s*(?:(?:Eastern|Central|Mountain|Pacific|Atlantic|Alaska|Hawaii)"
                            r"(?:\s+(?:Standard|Daylight))?(?:\s+Time)?\s*)?(?:on|,|of|this|next)?\s*$", _I)  # 11:59 p.m. Pacific on
_BARE_AT = re.compile(r"(?:\s*,)?\s+at\s+(?P<h>[012]?\d)(?:[:.](?P<m>[0-5]\d))?\b(?![.,:/]\d|\s*(?:%|percent|[a-z]))", _I)


def _select(cands: list[_A]) -> list[_A]:
    """Longest first; an overlapped candidate is dropped."""
    cands.sort(key=lambda a: (-(a.e - a.s), not a.strong, a.s))
    kept: list[_A] = []
    starts: list[int] = []      # kept spans, sorted by start (they never overlap)
    ends: list[int] = []
    for a in cands:
        i = bisect.bisect_left(starts, a.e)          # spans starting before a ends
        if i and ends[i - 1] > a.s:
            continue
        starts.insert(i, a.s)
        ends.insert(i, a.e)
        kept.append(a)
    kept.sort(key=lambda a: a.s)
    return kept


def _is_date(a: _A) -> bool:
    return a.kind in ("date", "datetime") and a.b is None and a.extra.get("type") != "range"


def _merge(text: str, atoms: list[_A]) -> list[_A]:
    # time + time -> time range
    atoms = _pairs(text, atoms, lambda a, b, gap: a.kind == "time" and b.kind == "time" and a.t2 is None and b.t2 is None
                   and _range_gap(text, a, gap), _join_times)
    # a bare "at 8" after a date
    for a in atoms:
        if (a.kind == "date" or a.rule == "relative-day-part") and a.b is None and not a.extra.get("range") \
                and a.t2 is None or a.rule == "relative-day-part":
            m = _BARE_AT.match(text, a.e)
            if m and not any(x.s < m.end() and x.s >= a.e for x in atoms if x is not a):
                h, mi = int(m.group("h")), int(m.group("m") or 0)
                if 0 <= h <= 23:
                    tonight = a.t1 is not None and a.t1[0] >= 18
                    if h < 12 and (tonight or h <= 6):
                        h += 12
                    a.kind, a.t1, a.t2, a.tgrain, a.e, a.approx = "datetime", (h, mi), None, \
                        "minute" if m.group("m") else "hour", m.end(), False
                    a.rule += "+at-hour"
    # Friday morning, June 5 in the evening
    for a in atoms:
        if a.kind == "date" and a.t1 is None and a.grain == "day" and a.b is None and not a.extra.get("range") \
                and a.extra.get("type") != "range":
            m = _RX_POD.match(text, a.e)
            if m and not any(x.s < m.end() and x.s >= a.e for x in atoms if x is not a):
                (h1, m1), (h2, m2) = _tod(m.group("pod"))
                a.kind, a.t1, a.t2, a.approx, a.e = "datetime", (h1, m1), (h2, m2), True, m.end()
                a.rule = "relative-day-part" if a.rule == "relative-day" else a.rule + "+part-of-day"
                a.extra["pod"] = True
    # date + time -> datetime; time + date -> datetime; recurrence + time
    atoms = _pairs(text, atoms, _date_time_ok, _join_date_time)
    # date range
    atoms = _pairs(text, atoms, lambda a, b, gap: _is_date(a) and (_is_date(b) or b.kind == "time" and a.kind == "datetime")
                   and not a.extra.get("range") and not b.extra.get("range")
                   and (_range_gap(text, a, gap) or _next_day_and(a, b, gap) and not re.match(
                       r",?\s*(?:at|from|and|\d)", text[b.e:b.e + 8], _I))  # (… and Saturday, November 16, at 7 p.m.: shows)
                   and not (a.grain == "day" and b.grain == "season" and re.fullmatch(r"\s+[-–—]\s+", gap))
                   and (a.strong or b.strong or bool(re.search(r"\b(?:from|between)\s+$", _before(text, a.s, 10), _I))),
                   _join_dates)
    return atoms


def _next_day_and(a: _A, b: _A, gap: str) -> bool:
    """Thursday, November 28, and Friday, November 29: two days in a row named for one closure."""
    if not re.fullmatch(r",?\s+and\s+", gap) or a.period is None or b.period is None or a.grain != "day" \
            or b.grain != "day" or a.year != b.year or a.wd is None or b.wd is None or a.t1 or b.t1:
        return False
    try:
        return (b.period(2024)[0] - a.period(2024)[1]).days == 1
    except ValueError:
        return False


def _range_gap(text: str, a: _A, gap: str) -> bool:
    m = _GAP_RANGE.match(gap)
    if not m:
        return False
    if (m.group("c") or "").lower() == "and":
        return bool(re.search(r"\bbetween\s+$", _before(text, a.s, 10), _I))
    return True


def _pairs(text: str, atoms: list[_A], ok, join) -> list[_A]:
    out: list[_A] = []
    i = 0
    while i < len(atoms):
        a = atoms[i]
        if i + 1 < len(atoms):
            b = atoms[i + 1]
            gap = text[a.e:b.s]
            if len(gap) <= 40 and "\n" not in gap and ok(a, b, gap):  # lines are separate statements
                merged = join(text, a, b)
                if merged is not None:
                    atoms[i + 1] = merged
                    i += 1
                    continue
        out.append(a)
        i += 1
    return out


def _join_times(text: str, a: _A, b: _A) -> _A:
    h1, m1 = a.t1
    if (h1, m1) == (24, 0):
        h1 = 0  # "from midnight to 6 a.m.": the midnight that opens the day
    if a.rule == "clock-24h" and b.ap and b.rule == "clock-ampm" and h1 <= 12:
        h1 = h1 % 12 + (12 if b.t1[0] >= 12 else 0)
        if h1 * 60 + m1 > b.t1[0] * 60 + b.t1[1]:
            h1 -= 12 if h1 >= 12 else 0
    grain = "minute" if "minute" in (a.tgrain, b.tgrain) else "hour"
    return _A(a.s, b.e, "time", "time-range", t1=(h1, m1), t2=b.t1, tgrain=grain, tz=b.tz or a.tz,
              strong=a.strong or b.strong)


def _date_time_ok(a: _A, b: _A, gap: str) -> bool:
    if a.kind in ("date", "set") and b.kind == "time" and a.t1 is None and not a.extra.get("range"):
        return bool(_GAP_DATE_TIME.match(gap)) and a.extra.get("type") != "range"
    if a.kind == "datetime" and a.rule == "relative-day-part" and b.kind == "time":
        return bool(_GAP_DATE_TIME.match(gap))
    if a.kind == "time" and b.kind == "datetime" and b.rule == "relative-day-part":
        return bool(_GAP_TIME_DATE.match(gap))  # 7 PM this evening, 8 PM tonight
    if a.kind == "time" and b.kind in ("date",) and b.t1 is None and not b.extra.get("range") \
            and b.extra.get("type") != "range":
        return bool(_GAP_TIME_DATE.match(gap)) and b.grain == "day"
    return False


def _join_date_time(text: str, a: _A, b: _A) -> _A:
    date, time = (a, b) if a.kind != "time" else (b, a)
    if not time.strong and not re.search(r"\b(?:at|from|between)\b", text[a.e:b.s], _I):
        return None
    merged = replace(date, s=a.s, e=b.e, t1=time.t1, t2=time.t2, tgrain=time.tgrain, tz=time.tz, ap=time.ap,
                     strong=True, rule=f"{a.rule}+{b.rule}", extra=dict(date.extra))
    if date.t1 is not None and date.rule == "relative-day-part":
        # tonight at 8: the part of day decides the meridiem
        h, mi = time.t1
        if h < 12 and date.t1[0] >= 12 and (time.rule == "clock-24h" and h < 12 or not time.ap):
            merged.t1 = (h + 12, mi)
        if h < 6 and date.t1[0] >= 18 and time.ap:
            merged.day_shift = 1
        merged.approx = False
    if date.kind == "set":
        h, mi = merged.t1
        merged.rrule = date.rrule + f";BYHOUR={h % 24};BYMINUTE={mi}"
        return merged
    merged.kind = "datetime"
    return merged


def _join_dates(text: str, a: _A, b: _A) -> _A:
    if b.kind == "time":   # June 5, 7 pm to 9 pm  (a datetime, then a time on the same day)
        if a.t2 is not None:
            return None
        return replace(a, e=b.e, t2=b.t1, rule=a.rule + "+until-time", strong=True)
    if a.kind != b.kind and not (a.kind == "date" and b.kind == "date"):
        if {a.kind, b.kind} != {"date", "datetime"}:
            return None
    merged = replace(a, e=b.e, b=b, strong=True, rule=f"range({a.rule},{b.rule})", extra=dict(a.extra))
    return merged


# ----------------------------------------------------------------------------- pass 3: modifiers
def _modifiers(text: str, atoms: list[_A]) -> None:
    prev_end = 0
    for a in atoms:
        if a.kind in ("dur", "set"):
            prev_end = a.e
            continue
        before = text[max(prev_end, a.s - 40):a.s]
        # fuzzy parts
        if a.fuzzy_ok and a.b is None and a.kind == "date":
            m = _RX_FUZZY.search(before)
            if m:
                f = re.sub(r"\s+", " ", m.group("f").lower())
                has_of = " of" in m.group(0).lower() or m.group("dash") or f in ("early", "mid", "late")
                if (f not in _FUZZY_NEEDS_OF or " of" in m.group(0).lower()) and has_of is not None and not (
                        f in ("first half", "second half", "latter half", "first week", "last week") and " of" not in m.group(0).lower()):
                    if not (f in ("early", "late", "mid") and " of" in m.group(0).lower() and False):
                        a.fuzzy = f
                        a.s = a.s - len(before) + m.start()
                        a.strong = True
                        before = text[max(prev_end, a.s - 40):a.s]
        if (a.kind == "date" and a.b is None and a.grain == "day" and not a.fuzzy and not a.extra.get("range")
                and a.extra.get("type") != "range" and not re.search(r"\d\s*[-–—]\s*\d", text[a.s:a.e])):
            m = re.search(r"\b(?:the\s+)?week\s+of\s+$", text[max(0, a.s - 14):a.s], _I)
            if m:  # during the week of Oct. 20: that Monday's week ("the week" alone is no date here)
                a.extra["week_of"], a.s = True, max(0, a.s - 14) + m.start()
                for o in atoms:
                    if o is not a and o.s < a.s + 14 and o.e > a.s and o.e <= a.e:
                        o.strong = False
        if a.kind == "date" and a.b is None and a.period_kind == "month" and not a.fuzzy:
            m = re.search(r"\bmid-?$", before, _I)
            if m:
                a.fuzzy, a.s = "mid", a.s - len(before) + m.start()
        # "between" belongs to a between-and range; "from" to a from-to range
        if a.b is not None or a.t2 is not None or a.extra.get("range") or a.extra.get("type") == "range":
            m = re.search(r"\b(?:from|between)\s+$", before, _I)
            if m:
                a.s = a.s - len(before) + m.start()
        else:
            m = _RX_ABOUT.search(before)
            if m:
                a.s, a.approx, a.mod = a.s - len(before) + m.start(), True, "about"
                before = text[max(prev_end, a.s - 40):a.s]
            m = _RX_MOD.search(before)
            if m:
                w = re.sub(r"\s+", " ", m.group("w").lower()).strip()
                head = next((k for k in sorted(_MOD_SENSE, key=len, reverse=True) if w.startswith(k)), None)
                if head is not None and w != "between" and (not m.group("the") or a.rule.startswith("holiday")):
                    sense = _MOD_SENSE[head]
                    a.mod = sense
                    a.extra["modword"] = head
                    a.s = a.s - len(before) + m.start()
        suf = _RX_SUFFIX.match(text, a.e)
        if suf and a.b is None and a.mod is None:
            w = re.sub(r"\s+", " ", suf.group("on").lower())
            if w in ("onward", "onwards", "and onwards", "and onward", "and beyond", "or later", "and later") or (
                    w == "on" and re.search(r"\bfrom\s+", text[max(0, a.s - 6):a.s + 5], _I) and a.t2 is None
                    and re.match(r"\s*(?:[.,;:!?)]|$)", text[suf.end():suf.end() + 3])):  # not "from 7 to 10 a.m. on race day"
                a.mod, a.e = "start", suf.end()
            elif w == "at the latest":
                a.mod, a.e = "deadline", suf.end()
            elif w in ("or earlier", "or before"):
                a.mod, a.e = "deadline", suf.end()
        elif a.mod == "start" and suf and re.sub(r"\s+", " ", suf.group("on").lower()) in ("on", "onward", "onwards"):
            a.e = suf.end()
        if a.mod is None and a.t2 is None:  # (10 a.m. to 2 p.m.: hours of a happening, never a cut-off)
            ctx = text[max(prev_end, a.s - 60):a.s]
            cut = max(ctx.rfind(". "), ctx.rfind("\n"), ctx.rfind("; "))
            said = _DEADLINE_CTX.search(ctx[cut + 1:])
            if said and not re.match(r"\s+(?:drives?|fairs?|events?|nights?|days?|sessions?|workshops?|clinics?|tables?|"
                                     r"booths?|parties|party|help)\b", ctx[cut + 1 + said.end():], _I):
                a.mod = "deadline"
                a.extra["deadline_ctx"] = True
        prev_end = a.e


# ----------------------------------------------------------------------------- pass 4: resolution
_LIST_LABEL = re.compile(r"\s*(?:[-•*·▪]\s+[^.!?\n]{0,60}|[^.!?\n]{1,60}:\s*)$")
_VERB_FORM = re.compile(r"\b[a-z]{3,}ed\b|\b(?:is|are|was|were|be|been|has|have|had|did|does|do)\b")


def _direction(text: str, low: str, a: _A) -> int:
    """+1 when the sentence around speaks of the future, -1 of the past, 0 when it does not say."""
    if a.mod == "deadline" or a.mod == "start" and a.extra.get("modword") not in ("as of", "from"):
        return 1
    if a.mod == "since":
        return -1
    lo = max(0, a.s - 90)
    hi = min(len(text), a.e + 60)
    ends = list(_SENTENCE_END.finditer(text, lo, a.s))
    left = low[ends[-1].end() if ends else lo:a.s]
    m = _SENTENCE_END.search(text, a.e, hi)
    right = low[a.e:m.start() if m else hi]
    left, right = left[left.rfind(";") + 1:], right.split(";")[0]  # a clause of its own: CLOSED WEDNESDAY; DAYS ANNOUNCED
    best: tuple[int, int] | None = None
    for rx, sign in ((_AHEAD, 1), (_BEHIND, -1)):
        for m in rx.finditer(left):
            if sign < 0 and left.endswith("be ", 0, m.start()):
                continue      # "will be held": a participle, not the past
            if sign < 0 and re.fullmatch(r"\s+(?:for|to|until|till|through)\s+", left[m.end():]):
                continue      # "Approved for April 14-18", "moved to May 3": the act is past, not its date
            if sign < 0 and re.search(r"\b(?:has|have)\s+$", left[:m.start()]) and m.group() != "been":
                continue      # "has issued a warning from Tuesday": the issuing is now, its dates ahead
            dist = len(left) - m.end()
            if best is None or dist < best[0]:
                best = (dist, sign)
        m = rx.search(right)
        if m:
            dist = m.start() + 8          # words after the date weigh a little less
            if best is None or dist < best[0]:
                best = (dist, sign)
    line = text[text.rfind("\n", 0, a.s) + 1:a.s]
    if best is None and not _VERB_FORM.search(left + " " + right) and _LIST_LABEL.match(line):
        a.extra["untensed"] = True  # - Last market of the season: October 31: a listing with no verb to tell by
    return best[1] if best else 0


def _pick(cands: list, ref: dt.date, direction: int, interval: Callable) -> object:
    """The candidate nearest `ref`, in the direction the tense asks for when there is one."""
    def dist(c) -> int:
        s, e = interval(c)
        if s <= ref <= e:
            return 0
        return (s - ref).days if s > ref else (ref - e).days
    if direction > 0:
        ahead = [c for c in cands if interval(c)[1] >= ref]
        if ahead:
            cands = ahead
    elif direction < 0:
        behind = [c for c in cands if interval(c)[0] <= ref]
        if behind:
            cands = behind
    return min(cands, key=lambda c: (dist(c), -interval(c)[0].toordinal() if direction < 0 else interval(c)[0].toordinal()))


def _resolve_interval(a: _A, ref: dt.date, direction: int, after: dt.date | None = None,
                      year: int | None = None) -> tuple[dt.date, dt.date]:
    if a.fixed is not None:
        return a.fixed[0], a.fixed[1]
    if a.relative is not None:
        return a.relative(ref, direction)
    rel = a.extra.get("relyear")
    y = a.year if a.year is not None else year
    if y is None and rel:
        if a.extra.get("relnear") or a.extra.get("season"):
            cands = []
            for yy in range(ref.year - 2, ref.year + 3):
                try:
                    cands.append(a.period(yy))
                except ValueError:
                    pass
            if rel == "next":
                fut = [c for c in cands if c[0] > ref]
                if fut:
                    return fut[0]
            elif rel == "last":
                past = [c for c in cands if c[1] < ref]
                if past:
                    return past[-1]
            else:
                cur = [c for c in cands if c[0] <= ref <= c[1]]
                if cur:
                    return cur[0]
                fut = [c for c in cands if c[0] > ref]
                if fut and direction >= 0:
                    return fut[0]
                past = [c for c in cands if c[1] < ref]
                if past:
                    return past[-1]
        y = ref.year + {"this": 0, "next": 1, "last": -1}[rel]
    if y is not None:
        return a.period(y)
    cands = []
    for yy in range(ref.year - 1, ref.year + 2):
        try:
            cands.append(a.period(yy))
        except ValueError:
            pass
    if not cands:   # February 29 far from a leap year
        for yy in range(ref.year - 4, ref.year + 5):
            try:
                cands.append(a.period(yy))
            except ValueError:
                pass
    if after is not None:
        later = [c for c in cands if c[0] >= after]
        if later:
            return later[0]
    if a.wd is not None:
        same = [c for c in cands if a.wd == c[0].weekday() or not a.extra.get("wd_first") and a.wd == c[1].weekday()]
        # (Thursday and Friday, November 26-27; Wednesday-Thursday, April 29-30 is the year whose 29th is a Wednesday)
        if same:
            cands = same
    if direction == 0 and a.extra.get("untensed"):  # a list item: a day long gone is less likely than one to come
        ahead, behind = [c for c in cands if c[0] > ref], [c for c in cands if c[1] < ref]
        if ahead and behind and (ref - behind[-1][1]).days > 90 and (ahead[0][0] - ref).days < 270:
            cands = ahead
    return _pick(cands, ref, direction, lambda c: c)


def _fuzzy(a: _A, s: dt.date, e: dt.date) -> tuple[dt.date, dt.date, bool]:
    f = a.fuzzy
    kind = a.period_kind
    if f in ("first half", "second half", "latter half"):
        mid = s + (e - s) / 2
        return (s, mid, False) if f == "first half" else (mid + dt.timedelta(days=1), e, False)
    if f == "first week":
        return s, s + dt.timedelta(days=6), False
    if f == "last week":
        return e - dt.timedelta(days=6), e, False

    if f in ("first days", "first few days"):
        return s, s + dt.timedelta(days=4), True
    if f in ("last days", "last few days"):
        return e - dt.timedelta(days=4), e, True
    if kind == "month":
        third = {"early": (1, 10), "beginning": (1, 10), "start": (1, 10), "early part": (1, 10),
                 "mid": (11, 20), "middle": (11, 20)}.get(f)
        if third:
            return s.replace(day=third[0]), s.replace(day=third[1]), True
        return s.replace(day=21), e, True
    if kind == "week":
        if f in ("early", "beginning", "start", "early part"):
            return s, s + dt.timedelta(days=1), True
        if f in ("mid", "middle"):
            return s + dt.timedelta(days=2), s + dt.timedelta(days=3), True
        return s + dt.timedelta(days=4), e, True
    # year-like periods: thirds by months; "the end/beginning of" a year is its last/first month
    months = (e.year - s.year) * 12 + e.month - s.month + 1
    if kind == "year" and f in ("beginning", "start"):
        return s, s.replace(day=31), True
    if kind == "year" and f in ("end", "close"):
        return e.replace(day=1), e, True
    third = max(1, months // 3)
    if f in ("early", "beginning", "start", "early part"):
        last = _add_months(s, third - 1)
        return s, last.replace(day=_last_day(last.year, last.month)), True
    if f in ("mid", "middle"):
        first = _add_months(s, third)
        last = _add_months(s, 2 * third - 1)
        return first, last.replace(day=_last_day(last.year, last.month)), True
    first = _add_months(s, months - third)
    return first, e, True


def _fuzzy_grain(a: _A) -> str:
    return a.grain


def _to_dt(d: dt.date, hm: tuple[int, int], tz, ref_tz) -> dt.datetime:
    h, mi = hm
    extra = 0
    if h >= 24:
        h, extra = h - 24, 1
    return dt.datetime.combine(d + dt.timedelta(days=extra), dt.time(h, mi), tzinfo=tz or ref_tz)  # 11:59 p.m. PT stays in PT


def _zone(name: str | None):
    if not name:
        return None
    from zoneinfo import ZoneInfo

    return ZoneInfo(name)


def _build(text: str, low: str, a: _A, ref: dt.datetime) -> Timex | None:
    r = ref.date()
    tzi = ref.tzinfo
    zone = _zone(a.tz)
    needs = a.kind in ("date", "datetime") and a.fixed is None and (a.relative is not None or a.year is None
                                                                     or a.b is not None)
    direction = _direction(text, low, a) if needs else 0
    typ = a.extra.get("type") or a.kind
    grain = a.grain
    approx = a.approx
    start: dt.date | dt.datetime | None
    end: dt.date | dt.datetime | None
    duration = a.duration
    rrule = a.rrule
    if a.kind == "dur":
        typ, start, end = "duration", None, None
        before = text[max(0, a.s - 30):a.s]
        after = text[a.e:a.e + 20]
        n, unit = a.extra["n"], a.extra["unit"]
        sign = 0
        mp = re.search(r"(?:\b(?:over|in|during|for)\s+(?=the\s))?\b(?P<w>in|within|the\s+next|the\s+past|the\s+last|"
                       r"the\s+coming|the\s+previous|next|past|last|after)\s+$", before, _I)
        ma = re.match(r"\s+(?P<w>ago|later|earlier|before|from\s+now|from\s+today|hence)\b", after, _I)
        s_, e_ = a.s, a.e
        kind = None
        if ma:
            w = ma.group("w").lower()
            if w in ("ago", "earlier", "before"):
                sign = -1
            elif w in ("later", "from now", "from today", "hence"):
                sign = 1
            if w in ("later", "before", "earlier") and not re.search(r"\b(?:will|was|were)\b", before, _I):
                sign = 0 if w in ("later", "before") else sign
            if sign:
                kind, e_ = "point", a.e + ma.end()
        elif mp:
            w = re.sub(r"\s+", " ", mp.group("w").lower())
            if w == "in" and n == int(n) and not re.search(r"\b(?:in|within)\s+$", before[:-3] or "x", _I):
                kind, sign = "point", 1
                s_ = a.s - len(before) + mp.start()
            elif w == "within":
                kind, sign = "window", 1
                s_ = a.s - len(before) + mp.start()
            elif w in ("after",):
                kind = None
            elif "next" in w or "coming" in w:
                kind, sign = "window", 1
                s_ = a.s - len(before) + mp.start("w")
            elif "past" in w or "last" in w or "previous" in w:
                kind, sign = "window", -1
                s_ = a.s - len(before) + mp.start("w")
            if w in ("next", "past", "last") and kind:
                s_ = a.s - len(before) + mp.start("w")
        if kind:
            timed = unit in ("hour", "minute", "second")
            base: dt.date | dt.datetime = ref if timed else r
            moved = _shift(base, sign * n, unit)
            if moved is None:
                return None
            if kind == "point":
                typ = "datetime" if timed else "date"
                start = end = moved
                grain = "minute" if timed else "day"
                approx = approx or (unit in ("month", "year", "decade", "century") and not timed) or n != int(n)
                rule = "relative-offset"
            else:
                typ = "range"
                start, end = (moved, base) if sign < 0 else (base, moved)
                grain = "minute" if timed else "day"
                rule = "relative-window"
            return Timex(text[s_:e_], (s_, e_), typ, start, end, grain, approx, duration, a.mod, None, rule)
        return Timex(text[a.s:a.e], (a.s, a.e), "duration", None, None, grain, approx, duration, None, None, a.rule)
    if a.kind == "set":
        first = a.relative(r, 1) if a.relative else None
        start = first[0] if first else None
        if start is not None and a.t1 is not None:
            start = _to_dt(start, a.t1, zone, tzi)
            if a.t2 is not None:
                rrule = rrule  # the window of each occurrence is not in the rule
        return Timex(text[a.s:a.e], (a.s, a.e), "set", start, None, "minute" if a.t1 and a.tgrain == "minute" else
                     ("hour" if a.t1 else grain), approx, None, None, rrule, a.rule)

    # dates, times, datetimes
    if a.kind == "time":
        d0, d1 = r, r
    else:
        d0, d1 = _resolve_interval(a, r, direction)
        if a.b is not None:
            b = a.b
            if b.year is None and b.period is not None and a.year is None and a.period is not None and b.extra.get("relyear") is None:
                pass
            if a.year is None and a.period is not None and a.fixed is None and b.year is not None and a.relative is None:
                try:
                    d0, d1 = a.period(b.year)
                    b0, b1 = b.period(b.year) if b.period else _resolve_interval(b, r, direction)
                    if d0 > b0:
                        d0, d1 = a.period(b.year - 1)
                except ValueError:
                    pass
            b0, b1 = _resolve_interval(b, r, direction, after=d0)
            if b.relative is not None and b.extra.get("bare_weekday") is not None:
                wd = b.extra["bare_weekday"]
                b0 = b1 = d0 + dt.timedelta(days=(wd - d0.weekday()) % 7)
            if a.extra.get("bare_weekday") is not None and b0 != b1 and (b1 - b0).days < 7:
                d0, d1 = b0, b0  # Friday through Sunday, June 13-15: the dates say which Friday
            if b1 < d0:
                return None
            if a.fuzzy:
                d0, _x, _ok = _fuzzy(a, d0, d1)
            if b.fuzzy:
                _x, b1, _ok = _fuzzy(b, b0, b1)
            d1 = b1
            typ = "range"
            grain = a.grain if a.grain == b.grain else "day"
        elif a.fuzzy:
            d0, d1, fz = _fuzzy(a, d0, d1)
            approx = approx or fz
            if a.fuzzy in ("first week", "last week"):
                grain = "week"
        if a.extra.get("range"):
            typ = "range"
    if a.kind == "time" or a.t1 is not None:
        t_start = _to_dt(d0, a.t1, zone, tzi) if a.t1 else None
        if a.b is not None and a.b.t1 is not None:
            t_end = _to_dt(d1, a.b.t1, _zone(a.b.tz) or zone, tzi)
            if a.b.t2 is not None:
                t_end = _to_dt(d1, a.b.t2, _zone(a.b.tz) or zone, tzi)
        elif a.t2 is not None:
            t_end = _to_dt(d0, a.t2, zone, tzi)
            if t_end < t_start:
                t_end += dt.timedelta(days=1)
        else:
            t_end = t_start
        if a.day_shift:
            t_start += dt.timedelta(days=a.day_shift)
            t_end += dt.timedelta(days=a.day_shift)
        if a.b is not None and a.b.t1 is None:
            t_end = _to_dt(d1, (23, 59), zone, tzi)  # through Thursday: to the end of that day
        start, end = t_start, t_end
        grain = a.tgrain if not (a.rule.startswith("relative-day-part") and a.t2 is not None and not a.rule.count("+")) else "hour"
        if a.kind == "time":
            typ = "time" if a.t2 is None else "range"
        elif typ != "range":
            typ = "datetime" if (a.t2 is None or a.rule.startswith("relative-day-part") or a.extra.get("pod")) \
                else "range"
    elif a.b is not None and a.b.t1 is not None and a.b.t2 is not None and a.kind == "date":
        # from Tuesday, June 10, through Thursday, June 12, between 10 p.m. and 5 a.m.: the nights' hours
        zone_b = _zone(a.b.tz) or zone
        start, end = _to_dt(d0, a.b.t1, zone_b, tzi), _to_dt(d1, a.b.t2, zone_b, tzi)
        if a.b.t2 < a.b.t1:
            end += dt.timedelta(days=1)
        grain = a.b.tgrain or "hour"
    else:
        start, end = d0, d1
        if a.extra.get("week_of"):
            start, end, grain = _week_of(d0)[0], _week_of(d0)[1], "week"
    mod = a.mod
    if mod and typ not in ("duration", "set") and not a.extra.get("deadline_ctx"):
        timed = isinstance(start, dt.datetime)
        if mod == "deadline":
            start = None
        elif mod == "start" and a.extra.get("modword") == "as of" and (start if not timed else start.date()) <= r:
            mod = None
        elif mod in ("start", "since"):
            end = None
        elif mod == "before":
            end = start if timed else start - dt.timedelta(days=1)
            start = None
        elif mod == "after":
            start = end if timed else end + dt.timedelta(days=1)
            end = None
        if start is None or end is None:
            typ = "range"
    return Timex(text[a.s:a.e], (a.s, a.e), typ, start, end, grain, approx, duration, mod, rrule, a.rule)


def _shift(base, n: float, unit: str):
    try:
        if unit in ("hour", "minute", "second"):
            return base + dt.timedelta(**{unit + "s": n})
        if unit == "day":
            return base + dt.timedelta(days=round(n))
        if unit in ("week", "fortnight"):
            return base + dt.timedelta(days=round(n * (7 if unit == "week" else 14)))
        months = n * {"month": 1, "year": 12, "decade": 120, "century": 1200}[unit]
        return _add_months(base, round(months))
    except (OverflowError, ValueError):
        return None


# ----------------------------------------------------------------------------- entry point
def tag(text: str, ref: dt.datetime, date_order: str = "MDY") -> list[Timex]:
    """Every English time expression of `text`, resolved against the aware datetime `ref`, in text order."""
    if not text or not _QUICK.search(text):
        return []
    if ref.tzinfo is None:
        raise ValueError("ref must be an aware datetime")
    order = "DMY" if str(date_order).upper().startswith("D") else "MDY"
    low = text.lower()
    if len(low) != len(text):   # a few characters (İ) lower to two: keep offsets aligned
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    cands: list[_A] = []
    _date_atoms(text, low, cands)
    _numeric_atoms(text, low, cands, order)
    _month_atoms(text, low, cands)
    _year_atoms(text, low, cands)
    _relative_atoms(text, low, cands)
    _weekday_atoms(text, low, cands)
    _holiday_atoms(text, low, cands)
    _quarter_atoms(text, low, cands)
    _season_atoms(text, low, cands)
    _time_atoms(text, low, cands)
    _duration_atoms(text, low, cands)
    _set_atoms(text, low, cands)
    _nth_day_atoms(text, low, cands)
    atoms = _select(cands)
    atoms = _merge(text, atoms)
    _modifiers(text, atoms)
    atoms = [a for a in atoms if a.strong]
    found: list[Timex] = []
    last_end = -1
    for a in atoms:
        if a.s < last_end:
            continue
        try:
            t = _build(text, low, a, ref)
        except (ValueError, OverflowError, KeyError):
            t = None
        if t is not None:
            found.append(t)
            last_end = t.span[1]
    return found
