"""The plain data types the extractor hands to the rest of calfeed.

A `Timex` is one time expression found in running text, already resolved against the
document's reference time.  An `Event` is a calendar entry read from a document.  Both are
frozen dataclasses with a `to_json()` that produces the shapes of ../shared/eval/CONTRACT.md.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

Point = dt.date | dt.datetime

TIMEX_TYPES = ("date", "time", "datetime", "range", "duration", "set")
EVENT_KINDS = ("event", "deadline", "start", "period", "announcement")


def day_of(value: Point) -> dt.date:
    """The calendar day of a date or a datetime."""
    return value.date() if isinstance(value, dt.datetime) else value


def iso(value: Point | None) -> str | None:
    """ISO text of a date, or of a datetime to the second (with its UTC offset when aware)."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.isoformat(timespec="seconds")
    return value.isoformat()


@dataclass(frozen=True, slots=True)
class Timex:
    """One resolved time expression.

    `start`/`end` are dates for day-or-coarser expressions and aware datetimes when a time
    of day is known.  `end` is the inclusive last day for dates and the exact end instant
    for datetimes; either side is None when open (即日起, 截至…前 without a start).
    `mod` keeps the sense of the words around the date: "deadline" (截止/前/by), "start"
    (从…开始/起/from), "since" (以来), "after", "before", "about" (前后/左右).
    """

    text: str
    span: tuple[int, int]
    type: str
    start: Point | None
    end: Point | None
    grain: str
    approximate: bool = False
    duration: str | None = None
    mod: str | None = None
    rrule: str | None = None
    rule: str = ""

    def to_json(self) -> dict:
        out = {
            "text": self.text,
            "span": [self.span[0], self.span[1]],
            "type": self.type,
            "start": iso(self.start),
            "end": iso(self.end),
            "grain": self.grain,
            "approximate": self.approximate,
            "duration": self.duration,
        }
        if self.mod:
            out["mod"] = self.mod
        if self.rrule:
            out["rrule"] = self.rrule
        return out


@dataclass(frozen=True, slots=True)
class Event:
    """A calendar entry read from a document (CONTRACT.md `calfeed extract`)."""

    title: str
    start: Point
    end: Point | None
    all_day: bool
    kind: str
    approximate: bool
    evidence: str
    span: tuple[int, int]
    timex: str
    rrule: str | None = None
    notes: tuple[str, ...] = field(default=())

    def to_json(self) -> dict:
        return {
            "title": self.title,
            "start": iso(self.start),
            "end": iso(self.end),
            "all_day": self.all_day,
            "kind": self.kind,
            "approximate": self.approximate,
            "evidence": self.evidence,
            "span": [self.span[0], self.span[1]],
            "timex": self.timex,
        }


def years_earlier(t: Timex, n: int) -> Timex | None:
    """The same expression n years earlier; None when a day of it does not exist then (2月29日)."""
    try:
        return replace(t, start=t.start.replace(year=t.start.year - n) if t.start is not None else None,
                       end=t.end.replace(year=t.end.year - n) if t.end is not None else None)
    except ValueError:
        return None
