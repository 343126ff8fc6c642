"""`MemoryStore`: the read interface of calfeed.store.Store over a list of EventRecords.

For tests, benchmarks and serving a fixed set of events without a database.  Its filters follow
the store's documented semantics: `start`/`end` (dates) keep events overlapping [start, end), end exclusive;
`q` is a case-insensitive substring of title, evidence or description.
"""
from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterable

from calfeed.records import EventRecord


def _day(value: dt.date | dt.datetime) -> dt.date:
    return value.date() if isinstance(value, dt.datetime) else value


class MemoryStore:
    def __init__(self, records: Iterable[EventRecord] = ()):
        self._lock = threading.Lock()
        self._records: dict[str, EventRecord] = {}
        self._last: dt.datetime | None = None
        self.replace(records)

    def replace(self, records: Iterable[EventRecord]) -> None:
        with self._lock:
            self._records = {r.uid: r for r in records}
            stamps = [r.updated for r in self._records.values()]
            self._last = max(stamps) if stamps else None

    def put(self, record: EventRecord) -> None:
        with self._lock:
            self._records[record.uid] = record
            if self._last is None or record.updated > self._last:
                self._last = record.updated

    def list_events(self, *, statuses=None, review=("accepted", "corrected"), source=None, kind=None,
                    category=None, q=None, start=None, end=None) -> list[EventRecord]:
        out = []
        needle = q.casefold() if q else None
        for r in self._records.values():
            if statuses is not None and r.status not in statuses:
                continue
            if review is not None and r.review not in review:
                continue
            if source is not None and r.source_id != source:
                continue
            if kind is not None and r.kind != kind:
                continue
            if category is not None and category not in r.categories:
                continue
            if needle and needle not in f"{r.title}\n{r.evidence}\n{r.description}".casefold():
                continue
            first = _day(r.start)
            last = _day(r.end) if r.end is not None else first
            if start is not None and last < _day(start):
                continue
            if end is not None and first >= _day(end):
                continue
            out.append(r)
        out.sort(key=lambda r: (_day(r.start), r.uid))
        return out

    def get_event(self, uid: str) -> EventRecord | None:
        return self._records.get(uid)

    def last_modified(self) -> dt.datetime | None:
        return self._last
