"""Chinese numerals as they appear in dates: 二〇二三, 二十一, 廿一, 十二, 两, 仨, 三十三."""
from __future__ import annotations

DIGITS = {"〇": 0, "零": 0, "○": 0, "Ｏ": 0, "一": 1, "二": 2, "两": 2, "俩": 2, "三": 3, "仨": 3, "四": 4,
          "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
# Characters a Chinese number can be written with (for regular expressions).
NUM_CHARS = "〇零○一二两俩三仨四五六七八九十廿卅百千万"
DIGIT_CHARS = "〇零○一二三四五六七八九"


def parse_int(s: str) -> int | None:
    """Arabic or Chinese integer text -> int; None when it is not one.

    Digit-by-digit forms (二〇二三, 九七) read as a sequence; 十/百/千/万 as place values.
    """
    s = s.strip()
    if not s:
        return None
    if s.isdigit():
        return int(s)
    if all(c in DIGITS for c in s):
        if len(s) == 1:
            return DIGITS[s]
        return int("".join(str(DIGITS[c]) for c in s))
    if s[0] == "廿":
        rest = parse_int(s[1:]) if len(s) > 1 else 0
        return None if rest is None or rest > 9 else 20 + rest
    if s[0] == "卅":
        rest = parse_int(s[1:]) if len(s) > 1 else 0
        return None if rest is None or rest > 9 else 30 + rest
    total, section, current = 0, 0, 0
    for c in s:
        if c in DIGITS:
            current = DIGITS[c]
        elif c == "十":
            section += (current or 1) * 10
            current = 0
        elif c == "百":
            section += (current or 1) * 100
            current = 0
        elif c == "千":
            section += (current or 1) * 1000
            current = 0
        elif c == "万":
            total += (section + current) * 10000
            section, current = 0, 0
        elif c.isdigit():
            current = current * 10 + int(c)
        else:
            return None
    return total + section + current


def parse_amount(s: str) -> float | None:
    """Like parse_int, plus decimals (2621.2) and 半 (一年半 -> 1.5 via the caller)."""
    s = s.replace(",", "").strip()
    scale = 1.0
    if s.endswith("万") and s[:-1].replace(".", "", 1).isdigit():
        s, scale = s[:-1], 10000.0
    try:
        return float(s) * scale
    except ValueError:
        value = parse_int(s)
        return None if value is None else float(value)
