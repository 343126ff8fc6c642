"""The refresh: fetch → extract → reconcile → commit, one source per transaction.

- Unchanged content (same hash, or HTTP 304) costs no extraction and no write.
- Extraction happens before the source's transaction opens, so the write lock is held briefly.
- A source that fails keeps its last good documents and events; the failure (time, message) is
  recorded on the source for `calfeed status`, and the other sources go on.
- Killing the process at any moment leaves each source in its previous or its new state.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import update

from calfeed.config import MANUAL_SOURCE_ID, Config, SourceConfig
from calfeed.errors import CalfeedError
from calfeed.models import DocumentRow, RefreshRunRow
from calfeed.reconcile import Incoming
from calfeed.sources import Document, fetch_source
from calfeed.store import Counts, EffectiveRule, Store, utcnow

log = logging.getLogger("calfeed.refresh")

Extractor = Callable[..., Any]  # (text, *, published, tz, lang) -> object with .published, .published_how, .events
Progress = Callable[[int, int, str], None]


def default_extractor(text: str, *, published: dt.date | None, tz, lang: str):
    from calfeed.extract.events import extract_document

    return extract_document(text, published=published, tz=tz, lang=lang)


def extractor_version(extractor: Extractor) -> str:
    version = getattr(extractor, "version", None)
    if version:
        return str(version)
    import calfeed
    import calfeed.extract

    return str(getattr(calfeed.extract, "__version__", calfeed.__version__))


@dataclass
class SourceOutcome:
    source_id: str
    counts: Counts = field(default_factory=Counts)
    error: str | None = None
    unchanged: bool = False
    seconds: float = 0.0


@dataclass
class RefreshSummary:
    started: dt.datetime
    finished: dt.datetime
    counts: Counts
    sources: list[SourceOutcome]

    @property
    def errors(self) -> list[tuple[str, str]]:
        return [(o.source_id, o.error) for o in self.sources if o.error]

    def describe(self) -> str:
        c = self.counts
        lines = [
            f"{len(self.sources)} source{'s' if len(self.sources) != 1 else ''} in "
            f"{(self.finished - self.started).total_seconds():.1f} s",
            f"documents: {c.documents_new} new, {c.documents_changed} changed, {c.documents_unchanged} unchanged"
            + (f", {c.documents_gone} gone" if c.documents_gone else ""),
            f"events: {c.events_added} added, {c.events_updated} updated, {c.events_cancelled} cancelled",
            f"errors: {len(self.errors)}",
        ]
        lines += [f"  {sid}: {msg}" for sid, msg in self.errors]
        return "\n".join(lines)


def rules_of(config: Config) -> list[EffectiveRule]:
    return [EffectiveRule(uid=o.uid, matches=o.match.matches if o.match else None, hide=o.hide, title=o.title,
                          start=o.start, end=o.end, all_day=o.all_day, kind=o.kind) for o in config.overrides]


def _fingerprint(*parts: Any) -> str:
    return hashlib.sha256(json.dumps(parts, default=str, ensure_ascii=False).encode()).hexdigest()[:32]


def manual_incoming(config: Config) -> list[Incoming]:
    return [Incoming(title=e.title, start=e.start, end=e.end, all_day=e.all_day, kind=e.kind,
                     evidence=f"{MANUAL_SOURCE_ID}: {e.title} ({e.text})", timex=e.text, description=e.description,
                     url=e.url, categories=e.categories, ext_key=f"manual:{e.id}" if e.id else None)
            for e in config.events]


class Refresher:
    def __init__(self, config: Config, store: Store, *, extractor: Extractor | None = None,
                 progress: Progress | None = None, trigger: str = "cli",
                 clock: Callable[[], dt.datetime] = utcnow):
        self.config = config
        self.store = store
        self.extractor = extractor or default_extractor
        self.progress = progress
        self.trigger = trigger
        self.clock = clock
        self.tz = config.calendar.tz
        self.rules = rules_of(config)
        self.version = extractor_version(self.extractor)

    # ------------------------------------------------------------ the whole run
    def run(self, source_ids: Sequence[str] | None = None, *, housekeeping: bool = True) -> RefreshSummary:
        """Refresh the enabled sources (or the named ones, enabled or not)."""
        started = self.clock()
        t0 = time.monotonic()
        if source_ids is None:
            sources = [s for s in self.config.sources if s.enabled]
        else:
            sources = [self.config.source(sid) for sid in source_ids if sid != MANUAL_SOURCE_ID]
        self.store.sync_sources(
            [(s.id, s.type, s.name or s.id, s.location) for s in self.config.sources]
            + [(MANUAL_SOURCE_ID, "manual", "events.yaml", str(self.config.path))], started)
        total = Counts()
        outcomes: list[SourceOutcome] = []
        if housekeeping:
            total.add(self._housekeeping(started))
        keys = self.store.extraction_keys()
        all_states = self.store.document_states_many([s.id for s in sources])
        unchanged: list[str] = []
        for i, source in enumerate(sources):
            if self.progress:
                self.progress(i, len(sources), source.id)
            one = time.monotonic()
            outcome = self.refresh_source(source, stored_key=keys.get(source.id), states=all_states.get(source.id))
            outcome.seconds = time.monotonic() - one
            outcomes.append(outcome)
            total.add(outcome.counts)
            if outcome.unchanged:
                unchanged.append(source.id)
        if self.progress:
            self.progress(len(sources), len(sources), "")
        self.store.record_sources_ok(unchanged, self.clock())
        total.errors = sum(1 for o in outcomes if o.error)
        finished = started + dt.timedelta(seconds=time.monotonic() - t0)
        summary = RefreshSummary(started=started, finished=finished, counts=total, sources=outcomes)
        if self.trigger == "cli" or total.errors or total.documents_new or total.documents_changed \
                or total.documents_gone or total.events_changed:
            self._record_run(summary)  # scheduled runs that found nothing new leave no row
        return summary

    def _housekeeping(self, now: dt.datetime) -> Counts:
        """Hand-written events, changed overrides, and the purge of long-cancelled events."""
        counts = Counts()
        incoming = manual_incoming(self.config)
        manual_key = _fingerprint([i.__dict__ for i in incoming], self.config.calendar.timezone)
        overrides_key = _fingerprint([o.__dict__ for o in self.config.overrides])
        rules_changed = self.store.get_meta("overrides_key") != overrides_key
        if self.store.get_meta("manual_key") != manual_key or rules_changed:
            with self.store.write(lock_key="source:" + MANUAL_SOURCE_ID) as s:
                counts.add(self.store.sync_events(s, source_id=MANUAL_SOURCE_ID, document_id=None, incoming=incoming,
                                                  now=now, rules=self.rules))
                self.store.set_meta(s, "manual_key", manual_key)
                self.store.record_source(s, MANUAL_SOURCE_ID, now)
        if rules_changed:
            defaults = {s.id: "pending" if s.review else "accepted" for s in self.config.sources}
            with self.store.write(lock_key="overrides") as s:
                counts.events_updated += self.store.apply_rules(s, self.rules, now, defaults)
                self.store.set_meta(s, "overrides_key", overrides_key)
        # a source taken out of the configuration: its events are gone from their source
        configured = {s.id for s in self.config.sources} | {MANUAL_SOURCE_ID}
        for orphan in sorted(self.store.sources_with_live_events() - configured):
            with self.store.write(lock_key="source:" + orphan) as s:
                counts.events_cancelled += self.store.cancel_events(s, now=now, source_id=orphan)
        self.store.purge(now)
        return counts

    def _record_run(self, summary: RefreshSummary) -> None:
        c = summary.counts
        message = "; ".join(f"{sid}: {msg}" for sid, msg in summary.errors)[:4000]
        try:
            with self.store.write() as s:
                s.add(RefreshRunRow(
                    started_at=summary.started, finished_at=summary.finished, trigger=self.trigger,
                    sources=len(summary.sources), documents_new=c.documents_new, documents_changed=c.documents_changed,
                    documents_unchanged=c.documents_unchanged, documents_gone=c.documents_gone,
                    events_added=c.events_added, events_updated=c.events_updated,
                    events_cancelled=c.events_cancelled, errors=c.errors, message=message))
        except Exception:  # noqa: BLE001 - the run itself succeeded; its log line is a nicety
            log.exception("could not record the refresh run")

    # ------------------------------------------------------------ one source
    def zone(self, source: SourceConfig) -> ZoneInfo:
        return ZoneInfo(source.timezone) if source.timezone else self.tz

    def extraction_key(self, source: SourceConfig) -> str:
        p = source.published
        return _fingerprint(source.type, source.language, p.fixed, p.order, source.categories, source.review,
                            source.timezone or self.config.calendar.timezone, self.version)

    def refresh_source(self, source: SourceConfig, *, stored_key: str | None = None,
                       states: dict | None = None) -> SourceOutcome:
        outcome = SourceOutcome(source.id)
        now = self.clock()
        key = self.extraction_key(source)
        forced = stored_key != key
        try:
            if states is None:
                states = self.store.document_states(source.id)
            previous = {} if forced else {k: v for k, v in states.items() if not v.failed and not v.gone}
            state = {}
            if source.type == "rss" and not forced:
                state = json.loads(self.store.get_meta(f"fetch:{source.id}") or "{}")
            result = fetch_source(source, previous, state, tz=self.zone(source), now=now)
        except CalfeedError as e:
            return self._failed(outcome, str(e), now)
        except Exception as e:  # noqa: BLE001 - one broken source must not stop the others
            log.exception("fetching %s failed", source.id)
            return self._failed(outcome, f"internal error: {type(e).__name__}: {e}", now)

        live = {k for k, v in states.items() if not v.gone}
        seen = {d.key for d in result.documents}
        gone = sorted(live - seen - set(result.failed)) if result.complete else []
        changed = [d for d in result.documents if not d.not_modified]
        outcome.counts.documents_unchanged = len(result.documents) - len(changed)
        if result.not_modified:
            outcome.counts.documents_unchanged = len(live)
        if not changed and not gone and not result.failed and not forced and result.state in (None, state):
            outcome.unchanged = True
            return outcome

        prepared = []
        failed = dict(result.failed)
        for doc in changed:
            try:
                prepared.append((doc, *self._extract(source, doc)))
            except CalfeedError as e:
                failed[doc.key] = str(e)
            except Exception as e:  # noqa: BLE001
                log.exception("extracting %s %s failed", source.id, doc.key)
                failed[doc.key] = f"internal error: {type(e).__name__}: {e}"

        review_default = "pending" if source.review else "accepted"
        error = None
        if failed:
            first_key, first_msg = next(iter(failed.items()))
            error = f"{len(failed)} document{'s' if len(failed) != 1 else ''} failed; {first_key}: {first_msg}"
        try:
            with self.store.write(lock_key="source:" + source.id) as s:
                orphans = self.store.live_events_of(s, source.id, gone) if prepared else []
                for doc, published, how, incoming in prepared:
                    row, created = self.store.upsert_document(
                        s, source.id, key=doc.key, url=doc.url, title=doc.title, published=published,
                        published_how=how, fetched_at=now, content_hash=doc.content_hash, etag=doc.etag,
                        last_modified=doc.last_modified, text_value=doc.text)
                    if created or states.get(doc.key) is None:
                        outcome.counts.documents_new += 1
                    else:
                        outcome.counts.documents_changed += 1
                    outcome.counts.add(self.store.sync_events(
                        s, source_id=source.id, document_id=row.id, incoming=incoming, now=now,
                        review_default=review_default, rules=self.rules, adopt=orphans))
                for doc_key, msg in failed.items():
                    s.execute(update(DocumentRow).where(DocumentRow.source_id == source.id,
                                                        DocumentRow.key == doc_key).values(error=msg[:2000]))
                docs_gone, events_gone = self.store.mark_documents_gone(s, source.id, gone, now)
                outcome.counts.documents_gone += docs_gone
                outcome.counts.events_cancelled += events_gone
                if result.state is not None and source.type == "rss":
                    self.store.set_meta(s, f"fetch:{source.id}", json.dumps(result.state))
                self.store.record_source(s, source.id, now, error=error, extraction_key=key)
        except Exception as e:  # noqa: BLE001 - the transaction rolled back: the previous state stands
            log.exception("storing %s failed", source.id)
            return self._failed(outcome, f"could not store: {type(e).__name__}: {e}", now, reset=True)
        outcome.error = error
        return outcome

    def _failed(self, outcome: SourceOutcome, message: str, now: dt.datetime, reset: bool = False) -> SourceOutcome:
        if reset:
            outcome.counts = Counts()
        outcome.error = message
        try:
            self.store.record_failure(outcome.source_id, message, now)
        except Exception:  # noqa: BLE001
            log.exception("could not record the failure of %s", outcome.source_id)
        return outcome

    def _extract(self, source: SourceConfig, doc: Document) -> tuple[dt.date | None, str, list[Incoming]]:
        """Events of one document, trying the source's publication-date rules in order."""
        rule = source.published
        candidates: list[tuple[dt.date | None, str]] = []
        if rule.fixed is not None:
            candidates.append((rule.fixed, "fixed"))
        else:
            for how in rule.order:
                if how == "metadata" and doc.published is not None:
                    candidates.append((doc.published, "metadata"))
                elif how == "dateline":
                    candidates.append((None, "dateline"))
                elif how == "mtime" and doc.mtime is not None:
                    candidates.append((doc.mtime, "mtime"))
        if not candidates:
            raise CalfeedError(f"{doc.key}: no publication date (rules: {', '.join(rule.order)})")
        last_error: CalfeedError | None = None
        for published, how in candidates:
            try:
                result = self.extractor(doc.text, published=published, tz=self.zone(source), lang=source.language)
            except CalfeedError as e:
                last_error = e
                continue
            found_published = getattr(result, "published", None) or published
            if how == "dateline":
                how = f"dateline: {getattr(result, 'published_how', '') or 'found in text'}"[:32]
            incoming = [Incoming.from_event(ev, categories=source.categories, url=doc.url) for ev in result.events]
            if doc.exact_events:
                # schema.org Events are exact: they replace what the prose says about the same days
                zone = self.zone(source)
                exact_days = {_day_in(e.start, zone) for e in doc.exact_events}
                incoming = [i for i in incoming if _day_in(i.start, zone) not in exact_days]
                incoming += [Incoming(**{**e.__dict__, "categories": e.categories or source.categories})
                             for e in doc.exact_events]
            return found_published, how, incoming
        assert last_error is not None
        raise last_error


def _day_in(value, zone: ZoneInfo) -> dt.date:
    return value.astimezone(zone).date() if isinstance(value, dt.datetime) else value


def refresh(config: Config, store: Store, source_ids: Sequence[str] | None = None, **kwargs) -> RefreshSummary:
    """Refresh now (see Refresher)."""
    return Refresher(config, store, **kwargs).run(source_ids)
