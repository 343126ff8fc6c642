"""A stand-in extractor with the interface of calfeed.extract.events.extract_document.

It reads lines "YYYY-MM-DD[ HH:MM] kind: title" and a "PUBLISHED YYYY-MM-DD" dateline, so the
refresh tests control exactly which events a document yields.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from calfeed.errors import CalfeedError
from calfeed.extract.types import Event

LINE = re.compile(r"^(\d{4}-\d{2}-\d{2})(?: (\d{2}:\d{2}))? (\w+): (.+)$", re.M)
CALLS: list[str] = []


@dataclass
class Result:
    published: dt.date
    published_how: str
    events: list


def extract_document(text: str, *, published=None, tz=None, lang="auto") -> Result:
    CALLS.append(text[:40])
    how = "given"
    if published is None:
        m = re.search(r"PUBLISHED (\d{4}-\d{2}-\d{2})", text)
        if not m:
            raise CalfeedError("no publication date found")
        published, how = dt.date.fromisoformat(m.group(1)), "dateline"
    events = []
    for m in LINE.finditer(text):
        day = dt.date.fromisoformat(m.group(1))
        start = dt.datetime.combine(day, dt.time.fromisoformat(m.group(2)), tz) if m.group(2) else day
        events.append(Event(title=m.group(4).strip(), start=start, end=None, all_day=m.group(2) is None,
                            kind=m.group(3), approximate=False, evidence=m.group(0), span=m.span(),
                            timex=m.group(1) + (" " + m.group(2) if m.group(2) else "")))
    return Result(published, how, events)


extract_document.version = "fake-1"
