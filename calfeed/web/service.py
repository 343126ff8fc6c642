"""Rendered feeds with their validators, cached between requests.

`FeedService.render(key, query)` returns a `Rendered` (bytes, strong ETag, Last-Modified, gzip
on demand).  A rendered feed is reused while the store says nothing changed: the store is asked
(`last_modified()`, one cheap query) at most every `freshness` seconds, and a feed is rebuilt at
least every `max_age` seconds anyway (a hard-deleted row does not move `last_modified`).  Rebuilding
is cheap because the FeedBuilder reuses each event's serialized block.
"""
from __future__ import annotations

import datetime as dt
import gzip
import hashlib
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Protocol

from calfeed.ical import FeedBuilder
from calfeed.records import EventRecord
from calfeed.web.settings import KINDS, FeedDef

EPOCH = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)
ACCEPTED = ("accepted", "corrected")


class EventSource(Protocol):
    """What the web app needs from calfeed.store.Store (the seam for tests and benchmarks)."""

    def list_events(self, *, statuses=None, review=ACCEPTED, source=None, kind=None, category=None,
                    q=None, start=None, end=None) -> list[EventRecord]: ...

    def get_event(self, uid: str) -> EventRecord | None: ...

    def last_modified(self) -> dt.datetime | None: ...


class BadQuery(ValueError):
    """A filter value the feed cannot take (answered with 400 and this message)."""


@dataclass(frozen=True)
class Query:
    kind: str | None = None
    source: str | None = None
    q: str | None = None
    start: dt.date | None = None
    end: dt.date | None = None

    @classmethod
    def from_args(cls, args) -> Query:
        if not args:
            return NO_QUERY
        def one(name: str, limit: int) -> str | None:
            value = args.get(name)
            if value is None:
                return None
            value = value.strip()
            if not value:
                return None
            if len(value) > limit or any(ord(c) < 32 or ord(c) == 127 for c in value):
                raise BadQuery(f"bad {name}: at most {limit} printable characters")
            return value

        kind = one("kind", 20)
        if kind is not None and kind not in KINDS:
            raise BadQuery(f"bad kind {kind!r}: allowed {', '.join(KINDS)}")

        def day(name: str) -> dt.date | None:
            value = one(name, 10)
            if value is None:
                return None
            try:
                return dt.date.fromisoformat(value)
            except ValueError:
                raise BadQuery(f"bad {name} {value!r}: use an ISO date such as 2023-07-01") from None

        start, end = day("from"), day("to")
        if start and end and end < start:
            raise BadQuery("bad range: 'to' is before 'from'")
        return cls(kind=kind, source=one("source", 100), q=one("q", 200), start=start, end=end)


NO_QUERY = Query()


def _text_has(rec: EventRecord, words: tuple[str, ...]) -> bool:
    hay = f"{rec.title}\n{rec.evidence}\n{rec.description}".casefold()
    return any(w.casefold() in hay for w in words)


def select(store: EventSource, feed: FeedDef | None, query: Query) -> list[EventRecord]:
    """The feed's events: the named feed's filters AND the query's, through the store's filters
    where one value suffices and in Python for the rest."""
    def merge(fixed: tuple[str, ...] | None, asked: str | None) -> tuple[bool, str | None, tuple[str, ...] | None]:
        """(possible, value for the store, values to check here)."""
        if fixed is None:
            return True, asked, None
        if asked is not None:
            return (asked in fixed), asked, None
        if len(fixed) == 1:
            return True, fixed[0], None
        return True, None, fixed

    ok_k, kind, kinds = merge(feed.kind if feed else None, query.kind)
    ok_s, source, sources = merge(feed.source if feed else None, query.source)
    if not (ok_k and ok_s):
        return []
    cats = feed.category if feed else None
    category = cats[0] if cats and len(cats) == 1 else None
    words = feed.q if feed else None
    q = words[0] if words and len(words) == 1 and not query.q else query.q
    extra_words = words if words and (len(words) > 1 or query.q) else None
    # `to` is the last day asked for; the store's `end` is exclusive
    end = query.end + dt.timedelta(days=1) if query.end is not None else None
    recs = store.list_events(review=ACCEPTED, source=source, kind=kind, category=category, q=q,
                             start=query.start, end=end)
    if kinds:
        recs = [r for r in recs if r.kind in kinds]
    if sources:
        recs = [r for r in recs if r.source_id in sources]
    if cats and category is None:
        recs = [r for r in recs if set(r.categories) & set(cats)]
    if extra_words:
        recs = [r for r in recs if _text_has(r, extra_words)]
    return recs


def http_date(value: dt.datetime) -> str:
    from email.utils import format_datetime

    return format_datetime(value.astimezone(dt.UTC).replace(microsecond=0), usegmt=True)


@dataclass
class Rendered:
    body: bytes
    etag: str  # the opaque tag, without quotes
    last_modified: dt.datetime
    version: object
    built_at: float
    checked_at: float
    count: int
    _gz: bytes | None = field(default=None, repr=False)
    last_modified_http: str = ""

    def __post_init__(self) -> None:
        self.last_modified_http = http_date(self.last_modified)

    @property
    def gzipped(self) -> bytes:
        if self._gz is None:
            self._gz = gzip.compress(self.body, compresslevel=6, mtime=0)
        return self._gz


class FeedService:
    def __init__(self, store: EventSource, builder: FeedBuilder, *, freshness: float = 2.0,
                 max_age: float = 300.0, max_entries: int = 128):
        self.store = store
        self.builder = builder
        self.freshness = freshness
        self.max_age = max_age
        self.max_entries = max_entries
        self._cache: OrderedDict[tuple, Rendered] = OrderedDict()
        self._lock = threading.Lock()
        self._build_locks: dict[tuple, threading.Lock] = {}

    def _version(self) -> dt.datetime | None:
        return self.store.last_modified()

    def cached(self, feed: FeedDef | None) -> Rendered | None:
        """The unfiltered feed while it is within its freshness window, else None (no store call)."""
        entry = self._cache.get((feed.slug if feed else "", NO_QUERY))
        if entry is not None and time.monotonic() - entry.checked_at < self.freshness:
            return entry
        return None

    def render(self, feed: FeedDef | None, query: Query) -> Rendered:
        key = (feed.slug if feed else "", query)
        now = time.monotonic()
        entry = self._cache.get(key)
        if entry is not None and now - entry.checked_at < self.freshness:
            return entry
        version = self._version()
        if entry is not None and entry.version == version and now - entry.built_at < self.max_age:
            entry.checked_at = now
            return entry
        with self._lock:
            build_lock = self._build_locks.setdefault(key, threading.Lock())
        with build_lock:  # one build per feed at a time; the others wait and reuse it
            entry = self._cache.get(key)
            if entry is not None and entry.version == version and time.monotonic() - entry.built_at < self.max_age:
                return entry
            recs = select(self.store, feed, query)
            name = description = None
            if feed is not None:
                name = f"{self.builder.settings.name} · {feed.name}" if feed.name != self.builder.settings.name else feed.name
                description = feed.description or None
            body = self.builder.build(recs, name=name, description=description)
            entry = self._make(body, recs, version)
            with self._lock:
                self._cache[key] = entry
                self._cache.move_to_end(key)
                while len(self._cache) > self.max_entries:
                    old, _ = self._cache.popitem(last=False)
                    self._build_locks.pop(old, None)
        return entry

    def render_event(self, record: EventRecord) -> Rendered:
        from calfeed.ical import event_to_ics

        return self._make(event_to_ics(record, self.builder), [record], record.updated)

    def _make(self, body: bytes, recs: list[EventRecord], version: object) -> Rendered:
        stamps = [r.updated for r in recs]
        if isinstance(version, dt.datetime):
            stamps.append(version)
        last = max(stamps) if stamps else EPOCH
        now = time.monotonic()
        return Rendered(body=body, etag=hashlib.blake2b(body, digest_size=16).hexdigest(),
                        last_modified=last, version=version, built_at=now, checked_at=now, count=len(recs))
