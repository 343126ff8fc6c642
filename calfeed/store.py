"""The database: SQLite by default (WAL), PostgreSQL when the URL says so.

Readers (the web app, feeds, mail) use `Store.list_events()`, `Store.get_event()`,
`Store.last_modified()` and `Store.source_status()`; they get `calfeed.records.EventRecord`s and
never see SQLAlchemy.  The refresh job writes through `Store.write()` (one transaction per source)
and the `sync_*` methods, which keep event identity: a UID is made once, stored, and bumped in
SEQUENCE whenever what is published about it changes.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import secrets
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy import create_engine, delete, event, func, or_, select, text, update
from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from calfeed.errors import CalfeedError
from calfeed.models import DocumentRow, EventRow, MetaRow, RefreshRunRow, SourceRow
from calfeed.reconcile import Incoming, match
from calfeed.records import REVIEW_STATES, EventRecord

ACTIVE = ("confirmed", "tentative")
PUBLISHED_REVIEW = ("accepted", "corrected")


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


def database_url(config=None) -> str:
    """$CALFEED_DATABASE_URL, else the config's database url, else sqlite calfeed.db here."""
    env = os.environ.get("CALFEED_DATABASE_URL")
    if env:
        return env
    if config is not None:
        return config.database.url
    return "sqlite:///" + str(Path("calfeed.db").resolve())


@dataclass
class Counts:
    documents_new: int = 0
    documents_changed: int = 0
    documents_unchanged: int = 0
    documents_gone: int = 0
    events_added: int = 0
    events_updated: int = 0
    events_cancelled: int = 0
    errors: int = 0

    def add(self, other: Counts) -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    @property
    def events_changed(self) -> int:
        return self.events_added + self.events_updated + self.events_cancelled


@dataclass(frozen=True)
class SourceStatus:
    id: str
    type: str
    name: str
    location: str
    last_attempt_at: dt.datetime | None
    last_success_at: dt.datetime | None
    last_error_at: dt.datetime | None
    last_error: str | None
    documents: int
    events: int

    @property
    def failing(self) -> bool:
        return self.last_error is not None


@dataclass(frozen=True)
class DocState:
    """What the refresh needs to know about a stored document before fetching again."""

    id: int
    key: str
    content_hash: str
    etag: str | None
    last_modified: str | None
    gone: bool
    failed: bool


@dataclass(frozen=True)
class EffectiveRule:
    """An override, reduced to what the store applies (see config.Override)."""

    uid: str | None
    matches: object  # callable(source_id=, title=, evidence=, start=) -> bool, or None
    hide: bool
    title: str | None
    start: object
    end: object
    all_day: bool | None
    kind: str | None


class Store:
    def __init__(self, url: str, *, timezone: str = "Asia/Shanghai", host: str = "calfeed.local",
                 schema: str | None = None, keep_cancelled: dt.timedelta = dt.timedelta(days=30),
                 migrate: bool = True, echo: bool = False):
        self.url = url
        self.tz = ZoneInfo(timezone)
        self.host = host
        self.schema = schema
        self.keep_cancelled = keep_cancelled
        self.engine = make_engine(url, schema=schema, echo=echo)
        if migrate:
            self.migrate()

    @classmethod
    def from_config(cls, config, **kwargs) -> Store:
        """The store a configuration names ($CALFEED_DATABASE_URL wins), migrated to the latest schema."""
        return cls(database_url(config), timezone=config.calendar.timezone, host=config.calendar.host,
                   keep_cancelled=config.database.keep_cancelled, **kwargs)

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @property
    def is_postgres(self) -> bool:
        return self.engine.dialect.name == "postgresql"

    def close(self) -> None:
        self.engine.dispose()

    # ------------------------------------------------------------ schema
    def migrate(self) -> None:
        """Bring the schema to the newest alembic revision (a no-op when it is there)."""
        from alembic import command
        from alembic.config import Config as AlembicConfig
        from alembic.script import ScriptDirectory

        cfg = AlembicConfig()
        cfg.set_main_option("script_location", str(Path(__file__).resolve().parent / "migrations"))
        head = ScriptDirectory.from_config(cfg).get_current_head()
        try:
            with self.engine.connect() as conn:
                current = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
            if current == head:
                return
        except OperationalError as e:
            if "no such table" not in str(e) and "does not exist" not in str(e):
                raise CalfeedError(f"database {safe_url(self.url)}: {e.orig}") from None
        except Exception:  # noqa: BLE001 - psycopg's UndefinedTable is a ProgrammingError
            pass
        from alembic.runtime.migration import MigrationContext

        # one migrator at a time (several web workers may start together): SQLite's write lock
        # taken at BEGIN, or an advisory lock; then look again, since another may have done it
        with self.engine.connect() as conn:
            if self.is_sqlite:
                conn = conn.execution_options(sqlite_begin="IMMEDIATE")
            with conn.begin():
                if self.is_postgres:
                    conn.execute(text("SELECT pg_advisory_xact_lock(8349017231)"))
                if MigrationContext.configure(conn).get_current_revision() == head:
                    return
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, "head")

    # ------------------------------------------------------------ sessions
    @contextmanager
    def read(self) -> Iterator[Session]:
        with Session(self.engine, expire_on_commit=False) as s:
            yield s

    @contextmanager
    def write(self, lock_key: str | None = None) -> Iterator[Session]:
        """One transaction; commits on success, rolls back on any error.

        SQLite takes the write lock at BEGIN (IMMEDIATE) so two writers queue instead of
        deadlocking; PostgreSQL serialises writers of the same `lock_key` with an advisory lock.
        """
        with self.engine.connect() as conn:
            if self.is_sqlite:
                conn = conn.execution_options(sqlite_begin="IMMEDIATE")
            with Session(bind=conn, expire_on_commit=False) as s, s.begin():
                if lock_key is not None and self.is_postgres:
                    s.execute(select(func.pg_advisory_xact_lock(_lock_number(lock_key))))
                yield s

    # ------------------------------------------------------------ reading (web, feeds, mail)
    def list_events(self, *, statuses: Sequence[str] | None = None,
                    review: Sequence[str] | None = PUBLISHED_REVIEW, source: str | None = None,
                    kind: str | None = None, category: str | None = None, q: str | None = None,
                    start: dt.date | dt.datetime | None = None, end: dt.date | dt.datetime | None = None,
                    ) -> list[EventRecord]:
        """Stored events, ordered by start.

        `statuses`: None for all (cancelled ones included, so feeds can publish the cancellation);
        `review`: None for all, default the published states accepted/corrected; `start`/`end`:
        events overlapping [start, end) (dates mean midnight in the calendar's zone); `q`: text in
        the title, evidence or description; `category`: one of the event's categories.
        """
        stmt = select(EventRow, SourceRow.name).outerjoin(SourceRow, SourceRow.id == EventRow.source_id)
        if statuses is not None:
            stmt = stmt.where(EventRow.status.in_(list(statuses)))
        if review is not None:
            stmt = stmt.where(EventRow.review.in_(list(review)))
        if source is not None:
            stmt = stmt.where(EventRow.source_id == source)
        if kind is not None:
            stmt = stmt.where(EventRow.kind == kind)
        if category is not None:
            stmt = stmt.where(EventRow.categories.like("%" + json.dumps(category, ensure_ascii=False) + "%"))
        if q:
            pattern = f"%{q}%"
            stmt = stmt.where(or_(EventRow.title.ilike(pattern), EventRow.evidence.ilike(pattern),
                                  EventRow.description.ilike(pattern)))
        if start is not None:
            stmt = stmt.where(EventRow.end_utc > self._instant(start))
        if end is not None:
            stmt = stmt.where(EventRow.start_utc < self._instant(end))
        stmt = stmt.order_by(EventRow.start_utc, EventRow.id)
        with self.read() as s:
            return [self._record(row, name) for row, name in s.execute(stmt)]

    def get_event(self, uid: str) -> EventRecord | None:
        """The event with this UID, whatever its status and review state."""
        stmt = (select(EventRow, SourceRow.name).outerjoin(SourceRow, SourceRow.id == EventRow.source_id)
                .where(EventRow.uid == uid))
        with self.read() as s:
            row = s.execute(stmt).first()
        return self._record(row[0], row[1]) if row else None

    def last_modified(self) -> dt.datetime | None:
        """When any event last changed (added, updated, cancelled, reviewed or purged); aware UTC."""
        with self.read() as s:
            value = s.get(MetaRow, "events_changed_at")
        return dt.datetime.fromisoformat(value.value) if value else None

    def source_status(self) -> list[SourceStatus]:
        """Every known source with its last attempt, success, failure and counts."""
        docs = (select(DocumentRow.source_id, func.count()).where(DocumentRow.gone_at.is_(None))
                .group_by(DocumentRow.source_id))
        evs = (select(EventRow.source_id, func.count()).where(EventRow.status.in_(ACTIVE))
               .group_by(EventRow.source_id))
        with self.read() as s:
            doc_counts = dict(s.execute(docs).all())
            ev_counts = dict(s.execute(evs).all())
            rows = s.scalars(select(SourceRow).order_by(SourceRow.id)).all()
        return [SourceStatus(id=r.id, type=r.type, name=r.name, location=r.location,
                             last_attempt_at=r.last_attempt_at, last_success_at=r.last_success_at,
                             last_error_at=r.last_error_at, last_error=r.last_error,
                             documents=doc_counts.get(r.id, 0), events=ev_counts.get(r.id, 0)) for r in rows]

    def recent_runs(self, limit: int = 10) -> list[RefreshRunRow]:
        with self.read() as s:
            return list(s.scalars(select(RefreshRunRow).order_by(RefreshRunRow.id.desc()).limit(limit)))

    def set_review(self, uid: str, review: str, *, now: dt.datetime | None = None) -> EventRecord:
        """A person's decision on an event (pending → accepted, or rejected)."""
        if review not in REVIEW_STATES:
            raise CalfeedError(f"review state {review!r}: allowed {', '.join(REVIEW_STATES)}")
        now = now or utcnow()
        with self.write() as s:
            row = s.scalars(select(EventRow).where(EventRow.uid == uid)).first()
            if row is None:
                raise CalfeedError(f"no event with UID {uid}")
            if row.review != review:
                row.review = review
                row.sequence += 1
                row.updated_at = now
                self._touch(s, now)
        return self.get_event(uid)

    # ------------------------------------------------------------ conversions
    def _instant(self, value: dt.date | dt.datetime) -> dt.datetime:
        if isinstance(value, dt.datetime):
            return (value if value.tzinfo else value.replace(tzinfo=self.tz)).astimezone(dt.UTC)
        return dt.datetime.combine(value, dt.time(0), self.tz).astimezone(dt.UTC)

    def _point(self, textvalue: str | None, tzid: str):
        if textvalue is None:
            return None
        if len(textvalue) == 10:
            return dt.date.fromisoformat(textvalue)
        return dt.datetime.fromisoformat(textvalue).astimezone(ZoneInfo(tzid))

    def _record(self, row: EventRow, source_name: str | None) -> EventRecord:
        return EventRecord(
            uid=row.uid, sequence=row.sequence, status=row.status, review=row.review, title=row.title,
            start=self._point(row.start_text, row.tzid), end=self._point(row.end_text, row.tzid),
            all_day=row.all_day, kind=row.kind, approximate=row.approximate, evidence=row.evidence,
            created=row.created_at, updated=row.updated_at, description=row.description, url=row.url,
            source_id=row.source_id, source_name=source_name, categories=tuple(json.loads(row.categories or "[]")),
            rrule=row.rrule, timex=row.timex,
        )

    def new_uid(self) -> str:
        return f"{secrets.token_hex(16)}@{self.host}"

    def _touch(self, s: Session, now: dt.datetime) -> None:
        """Mark that events changed.  Every change gets a later stamp than the one before, even
        within the same second (the clock is read in whole seconds): the stamp is what the web
        workers compare to know that their rendered feeds are stale."""
        row = s.get(MetaRow, "events_changed_at")
        if row is None:
            s.add(MetaRow(key="events_changed_at", value=now.isoformat()))
            return
        before = dt.datetime.fromisoformat(row.value)
        row.value = (now if now > before else before + dt.timedelta(microseconds=1)).isoformat()

    def get_meta(self, key: str) -> str | None:
        with self.read() as s:
            row = s.get(MetaRow, key)
            return row.value if row else None

    @staticmethod
    def set_meta(s: Session, key: str, value: str) -> None:
        row = s.get(MetaRow, key)
        if row is None:
            s.add(MetaRow(key=key, value=value))
        else:
            row.value = value

    # ------------------------------------------------------------ writing (refresh)
    def sync_sources(self, sources: Iterable[tuple[str, str, str, str]], now: dt.datetime) -> None:
        """Make sure a row exists for each (id, type, name, location)."""
        with self.write() as s:
            known = {r.id: r for r in s.scalars(select(SourceRow))}
            for sid, kind, name, location in sources:
                row = known.get(sid)
                if row is None:
                    s.add(SourceRow(id=sid, type=kind, name=name, location=location, created_at=now))
                elif (row.type, row.name, row.location) != (kind, name, location):
                    row.type, row.name, row.location = kind, name, location

    def document_states(self, source_id: str) -> dict[str, DocState]:
        return self.document_states_many([source_id]).get(source_id, {})

    def document_states_many(self, source_ids: Sequence[str]) -> dict[str, dict[str, DocState]]:
        """What is stored of the documents of these sources, in one query per 500 sources."""
        out: dict[str, dict[str, DocState]] = {sid: {} for sid in source_ids}
        cols = (DocumentRow.source_id, DocumentRow.id, DocumentRow.key, DocumentRow.content_hash, DocumentRow.etag,
                DocumentRow.last_modified, DocumentRow.gone_at, DocumentRow.error)
        ids = list(source_ids)
        with self.engine.connect() as conn:
            for i in range(0, len(ids), 500):
                stmt = select(*cols).where(DocumentRow.source_id.in_(ids[i:i + 500]))
                for r in conn.execute(stmt):
                    out[r.source_id][r.key] = DocState(
                        id=r.id, key=r.key, content_hash=r.content_hash, etag=r.etag, last_modified=r.last_modified,
                        gone=r.gone_at is not None, failed=r.error is not None)
        return out

    def extraction_keys(self) -> dict[str, str | None]:
        with self.read() as s:
            return dict(s.execute(select(SourceRow.id, SourceRow.extraction_key)).all())

    def upsert_document(self, s: Session, source_id: str, *, key: str, url: str | None, title: str,
                        published: dt.date | None, published_how: str, fetched_at: dt.datetime,
                        content_hash: str, etag: str | None, last_modified: str | None, text_value: str,
                        error: str | None = None) -> tuple[DocumentRow, bool]:
        row = s.scalars(select(DocumentRow).where(DocumentRow.source_id == source_id, DocumentRow.key == key)).first()
        created = row is None
        if row is None:
            row = DocumentRow(source_id=source_id, key=key)
            s.add(row)
        row.url, row.title, row.published, row.published_how = url, title, published, published_how
        row.fetched_at, row.content_hash, row.etag, row.last_modified = fetched_at, content_hash, etag, last_modified
        row.text, row.size, row.gone_at, row.error = text_value, len(text_value.encode("utf-8")), None, error
        s.flush()
        return row, created

    def sync_events(self, s: Session, *, source_id: str, document_id: int | None, incoming: Sequence[Incoming],
                    now: dt.datetime, review_default: str = "accepted",
                    rules: Sequence[EffectiveRule] = (), adopt: list[EventRow] | None = None) -> Counts:
        """Reconcile the stored events of one document (or of the hand-written list) with `incoming`.

        `adopt`: live events of documents that left the same source (a renamed or moved file);
        a new event that matches one of them takes it over, UID and all, and leaves the list.
        """
        counts = Counts()
        stmt = select(EventRow).where(EventRow.source_id == source_id)
        stmt = stmt.where(EventRow.document_id == document_id) if document_id is not None else stmt.where(
            EventRow.document_id.is_(None))
        existing = list(s.scalars(stmt))
        pairs, new, gone = match(existing, incoming)
        if adopt and new:
            adopted, new, _ = match(adopt, new)
            for row, _inc in adopted:
                adopt.remove(row)
                row.document_id = document_id
            pairs += adopted
        for row, inc in pairs:
            change = self._assign(row, inc, now=now, rules=rules, review_default=review_default, revive=True)
            if change:
                counts.events_updated += 1
        for inc in new:
            row = EventRow(uid=self.new_uid(), source_id=source_id, document_id=document_id, sequence=0,
                           review=review_default, override="", created_at=now, updated_at=now, status="confirmed")
            self._assign(row, inc, now=now, rules=rules, review_default=review_default, revive=True, fresh=True)
            s.add(row)
            counts.events_added += 1
        for row in gone:
            if self._cancel(row, now):
                counts.events_cancelled += 1
        if counts.events_changed:
            self._touch(s, now)
        return counts

    def cancel_events(self, s: Session, *, now: dt.datetime, source_id: str | None = None,
                      document_id: int | None = None) -> int:
        stmt = select(EventRow).where(EventRow.status != "cancelled")
        if source_id is not None:
            stmt = stmt.where(EventRow.source_id == source_id)
        if document_id is not None:
            stmt = stmt.where(EventRow.document_id == document_id)
        n = sum(1 for row in s.scalars(stmt) if self._cancel(row, now))
        if n:
            self._touch(s, now)
        return n

    def live_events_of(self, s: Session, source_id: str, keys: Iterable[str]) -> list[EventRow]:
        """Live events of these documents of a source (candidates for adoption by renamed files)."""
        keys = list(keys)
        if not keys:
            return []
        doc_ids = select(DocumentRow.id).where(DocumentRow.source_id == source_id, DocumentRow.key.in_(keys))
        return list(s.scalars(select(EventRow).where(EventRow.document_id.in_(doc_ids),
                                                     EventRow.status != "cancelled")))

    def mark_documents_gone(self, s: Session, source_id: str, keys: Iterable[str], now: dt.datetime) -> tuple[int, int]:
        """Documents no longer at their source: flagged gone, their events cancelled."""
        docs = events = 0
        for key in keys:
            row = s.scalars(select(DocumentRow).where(DocumentRow.source_id == source_id, DocumentRow.key == key)).first()
            if row is None or row.gone_at is not None:
                continue
            row.gone_at = now
            docs += 1
            events += self.cancel_events(s, now=now, source_id=source_id, document_id=row.id)
        return docs, events

    def apply_rules(self, s: Session, rules: Sequence[EffectiveRule], now: dt.datetime,
                    review_defaults: dict[str, str]) -> int:
        """Re-apply the overrides to every stored event (after the overrides changed)."""
        changed = 0
        for row in s.scalars(select(EventRow)):
            inc = self._incoming_of(row)
            if self._assign(row, inc, now=now, rules=rules,
                            review_default=review_defaults.get(row.source_id or "", "accepted"), revive=False):
                changed += 1
        if changed:
            self._touch(s, now)
        return changed

    def sources_with_live_events(self) -> set[str]:
        with self.read() as s:
            return set(s.scalars(select(EventRow.source_id).where(EventRow.status != "cancelled").distinct()))

    def purge(self, now: dt.datetime | None = None) -> int:
        """Delete events cancelled longer ago than the grace period, and documents gone as long."""
        now = now or utcnow()
        cutoff = now - self.keep_cancelled
        with self.write() as s:
            n = s.execute(delete(EventRow).where(EventRow.status == "cancelled", EventRow.cancelled_at < cutoff)).rowcount
            s.execute(update(EventRow).where(EventRow.document_id.in_(
                select(DocumentRow.id).where(DocumentRow.gone_at < cutoff))).values(document_id=None))
            s.execute(delete(DocumentRow).where(DocumentRow.gone_at < cutoff))
            s.execute(delete(RefreshRunRow).where(RefreshRunRow.started_at < cutoff))
            if n:
                self._touch(s, now)
        return n or 0

    def record_source(self, s: Session, source_id: str, now: dt.datetime, *, error: str | None = None,
                      extraction_key: str | None = None) -> None:
        row = s.get(SourceRow, source_id)
        if row is None:
            return
        row.last_attempt_at = now
        if error is None:
            row.last_success_at, row.last_error, row.last_error_at = now, None, None
        else:
            row.last_error, row.last_error_at = error[:2000], now
        if extraction_key is not None:
            row.extraction_key = extraction_key

    def record_sources_ok(self, source_ids: Sequence[str], now: dt.datetime) -> None:
        """Mark many unchanged sources as successfully checked, in one transaction."""
        if not source_ids:
            return
        with self.write() as s:
            for i in range(0, len(source_ids), 500):
                chunk = list(source_ids[i:i + 500])
                s.execute(update(SourceRow).where(SourceRow.id.in_(chunk)).values(
                    last_attempt_at=now, last_success_at=now, last_error=None, last_error_at=None))

    def record_failure(self, source_id: str, message: str, now: dt.datetime | None = None) -> None:
        with self.write() as s:
            self.record_source(s, source_id, now or utcnow(), error=message)

    # ------------------------------------------------------------ event field assignment
    def _incoming_of(self, row: EventRow) -> Incoming:
        return Incoming(title=row.x_title, start=self._point(row.x_start_text, row.tzid),
                        end=self._point(row.x_end_text, row.tzid), all_day=row.x_all_day, kind=row.x_kind,
                        approximate=row.approximate, evidence=row.evidence, span=(row.span_start, row.span_end),
                        timex=row.timex, rrule=row.rrule, description=row.description, url=row.url,
                        categories=tuple(json.loads(row.categories or "[]")), ext_key=row.ext_key)

    def _visible(self, row: EventRow) -> tuple:
        return (row.title, row.start_text, row.end_text, row.all_day, row.kind, row.approximate, row.status,
                row.review, row.description, row.url, row.categories, row.rrule, row.evidence, row.timex, row.tzid)

    def _assign(self, row: EventRow, inc: Incoming, *, now: dt.datetime, rules: Sequence[EffectiveRule],
                review_default: str, revive: bool, fresh: bool = False) -> bool:
        """Set a row from an incoming event (plus overrides); bump SEQUENCE when anything visible changed."""
        before = None if fresh else self._visible(row)
        row.x_title, row.x_start_text, row.x_end_text = inc.title, inc.start_text, inc.end_text
        row.x_all_day, row.x_kind, row.ext_key = inc.all_day, inc.kind, inc.ext_key
        row.approximate, row.evidence, row.timex, row.rrule = inc.approximate, inc.evidence, inc.timex, inc.rrule
        row.span_start, row.span_end = int(inc.span[0]), int(inc.span[1])
        row.description, row.url = inc.description, inc.url
        row.categories = json.dumps(list(inc.categories), ensure_ascii=False)
        title, start, end, all_day, kind = inc.title, inc.start, inc.end, inc.all_day, inc.kind
        override = ""
        uid = row.uid
        for rule in rules:
            applies = (rule.uid == uid) if rule.uid is not None else rule.matches(
                source_id=row.source_id, title=inc.title, evidence=inc.evidence, start=inc.start)
            if not applies:
                continue
            if rule.hide:
                override = "hidden"
                continue
            title = rule.title or title
            kind = rule.kind or kind
            if rule.start is not None:
                if end is not None and type(end) is type(start) is type(rule.start) and rule.end is None:
                    end = rule.start + (end - start)
                elif rule.end is None:
                    end = None
                start = rule.start
                all_day = not isinstance(start, dt.datetime)
            if rule.end is not None:
                end = rule.end
            if rule.all_day is not None and rule.all_day != all_day:
                all_day = rule.all_day
                if all_day and isinstance(start, dt.datetime):
                    start = start.date()
                    end = end.date() if isinstance(end, dt.datetime) else end
        if override != "hidden" and (title, _iso(start), _iso(end) if end is not None else None, all_day, kind) != (
                inc.title, inc.start_text, inc.end_text, inc.all_day, inc.kind):
            override = "corrected"  # only when a correction actually changes something
        row.title, row.kind, row.all_day = title, kind, all_day
        row.start_text = _iso(start)
        row.end_text = _iso(end) if end is not None else None
        row.tzid = _tzid(start, self.tz)
        row.start_utc, row.end_utc = self._bounds(start, end, all_day)
        if override == "hidden":
            row.review = "rejected"
        elif override == "corrected":
            row.review = "corrected"
        elif row.override:  # an override was removed: back to the default decision
            row.review = review_default
        row.override = override
        if revive and row.status == "cancelled":
            row.cancelled_at = None
        if revive or fresh:
            row.status = "tentative" if inc.approximate else "confirmed"
        if fresh:
            return True
        if self._visible(row) != before:
            row.sequence += 1
            row.updated_at = now
            return True
        return False

    def _bounds(self, start, end, all_day: bool) -> tuple[dt.datetime, dt.datetime]:
        if isinstance(start, dt.datetime):
            s = start.astimezone(dt.UTC)
            e = end.astimezone(dt.UTC) if isinstance(end, dt.datetime) else (
                self._instant(end + dt.timedelta(days=1)) if isinstance(end, dt.date) else s)
            return s, max(e, s)
        s = self._instant(start)
        last = end if isinstance(end, dt.date) and not isinstance(end, dt.datetime) else start
        return s, self._instant(last + dt.timedelta(days=1))

    def _cancel(self, row: EventRow, now: dt.datetime) -> bool:
        if row.status == "cancelled":
            return False
        row.status = "cancelled"
        row.cancelled_at = now
        row.sequence += 1
        row.updated_at = now
        return True


def _iso(value) -> str:
    if isinstance(value, dt.datetime):
        return value.isoformat(timespec="seconds")
    return value.isoformat()


def _tzid(value, default: ZoneInfo) -> str:
    if isinstance(value, dt.datetime) and isinstance(value.tzinfo, ZoneInfo):
        return value.tzinfo.key
    return default.key


def _lock_number(key: str) -> int:
    return int.from_bytes(hashlib.blake2b(key.encode(), digest_size=8).digest(), "big", signed=True)


def safe_url(url: str) -> str:
    """The URL without its password, for messages."""
    from sqlalchemy.engine import make_url

    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:  # noqa: BLE001
        return url


def make_engine(url: str, *, schema: str | None = None, echo: bool = False) -> Engine:
    """An engine with the settings calfeed relies on: WAL + foreign keys on SQLite, a search path on PostgreSQL."""
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://"):]
    if url.startswith("sqlite"):
        path = url.split(":///", 1)[1] if ":///" in url else ""
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, echo=echo, connect_args={"timeout": 30})

        @event.listens_for(engine, "connect")
        def _on_connect(dbapi_conn, _record):
            dbapi_conn.isolation_level = None  # let SQLAlchemy's BEGIN below start transactions
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=NORMAL")
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA busy_timeout=30000")
            cur.close()

        @event.listens_for(engine, "begin")
        def _on_begin(conn):
            mode = conn.get_execution_options().get("sqlite_begin", "")
            conn.exec_driver_sql(f"BEGIN {mode}".strip())

        return engine
    if url.startswith("postgresql"):
        connect_args = {"options": f"-csearch_path={schema}"} if schema else {}
        return create_engine(url, echo=echo, pool_pre_ping=True, connect_args=connect_args)
    raise CalfeedError(f"database URL {safe_url(url)}: only sqlite:/// and postgresql:// are supported")
