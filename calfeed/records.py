"""What the store hands to the publishing stages (feeds, web page, API, mail).

`EventRecord` is a stored calendar entry with its persistent identity.  The store builds them
from its rows; ical.py, web/ and mail.py read nothing else, so none of them needs SQLAlchemy.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

Point = dt.date | dt.datetime

STATUSES = ("confirmed", "tentative", "cancelled")
REVIEW_STATES = ("pending", "accepted", "rejected", "corrected")


@dataclass(frozen=True, slots=True)
class EventRecord:
    """One stored event.

    `start`/`end` follow the extractor: dates for all-day items (end = inclusive last day),
    aware datetimes for timed ones (end = end instant); `end` None means open-ended.
    `created`/`updated` are aware UTC datetimes; `updated` drives DTSTAMP/LAST-MODIFIED.
    """

    uid: str
    sequence: int
    status: str
    review: str
    title: str
    start: Point
    end: Point | None
    all_day: bool
    kind: str
    approximate: bool
    evidence: str
    created: dt.datetime
    updated: dt.datetime
    description: str = ""
    url: str | None = None
    source_id: str | None = None
    source_name: str | None = None
    categories: tuple[str, ...] = field(default=())
    rrule: str | None = None
    timex: str = ""
