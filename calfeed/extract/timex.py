"""Find every time expression in a text, whatever its language.

Chinese rules run where the text has Han characters, English rules where it has Latin words;
their results are merged, the longer span winning where two overlap.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from calfeed.extract.types import Timex

_HAN = re.compile(r"[\u4e00-\u9fff]")
_LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
_LATIN_RUN = re.compile(r"[^\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]*[A-Za-z]{2,}[^\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]*")


def detect_language(text: str) -> str:
    """'zh' when the text has Han characters, otherwise 'en'."""
    return "zh" if _HAN.search(text) else "en"


def find_timexes(text: str, ref: dt.datetime, lang: str = "auto", date_order: str = "MDY") -> list[Timex]:
    """All time expressions of `text`, resolved against the aware datetime `ref`, in text order."""
    found: list[Timex] = []
    latin = _LATIN_WORD.search(text)
    if lang == "zh" or (lang == "auto" and (_HAN.search(text) or not latin)):
        from calfeed.extract import zh  # imported on first use: `calfeed --help` stays fast

        found.extend(zh.tag(text, ref))
    if lang == "en" or (lang == "auto" and latin):
        from calfeed.extract import en

        if lang == "en" or not _HAN.search(text):
            found.extend(en.tag(text, ref, date_order=date_order))
        else:  # English inside Chinese text: tag only the runs of Latin script
            for run in _LATIN_RUN.finditer(text):
                shift = run.start()
                found.extend(replace(t, span=(t.span[0] + shift, t.span[1] + shift))
                             for t in en.tag(run.group(), ref, date_order=date_order))
    return merge_overlaps(found)


def merge_overlaps(items: list[Timex]) -> list[Timex]:
    """Keep the longest of overlapping expressions (the earlier one on a tie), in text order."""
    items = sorted(items, key=lambda t: (t.span[0], -(t.span[1] - t.span[0])))
    kept: list[Timex] = []
    for t in items:
        if kept and t.span[0] < kept[-1].span[1]:
            last = kept[-1]
            if (t.span[1] - t.span[0]) > (last.span[1] - last.span[0]):
                kept[-1] = t
            continue
        kept.append(t)
    return kept
