"""Fetchers: one per source kind (file, dir, url, rss) behind one small interface.

    fetch_source(source, previous, state) -> FetchResult

`previous` maps each stored document key to what the store knows of it (content hash, ETag,
Last-Modified), so fetchers can ask conditionally; `state` is a small JSON-able dict a fetcher
may keep between runs (e.g. the RSS feed's own ETag).  Fetchers do I/O only: no extraction, no
database.  A whole-source failure raises CalfeedError; a single bad document goes in
`FetchResult.failed` and its stored version is kept.
"""
from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

from calfeed.reconcile import Incoming

USER_AGENT = "calfeed/{version} (+https://github.com/calfeed/calfeed; calendar of events read from news)"


@dataclass(frozen=True)
class Document:
    """One fetched document, ready for extraction."""

    source_id: str
    key: str  # identity within the source: relative path, page URL or feed entry id
    title: str
    text: str
    fetched: dt.datetime
    content_hash: str
    url: str | None = None
    path: str | None = None
    published: dt.date | None = None  # from metadata (feed entry, page meta); None when unknown
    mtime: dt.date | None = None  # the file's modification day (for the 'mtime' rule)
    etag: str | None = None
    last_modified: str | None = None
    not_modified: bool = False  # HTTP 304: keep what is stored
    exact_events: tuple[Incoming, ...] = field(default=())  # schema.org Event JSON-LD, taken as is


@dataclass
class FetchResult:
    documents: list[Document] = field(default_factory=list)
    complete: bool = False  # the listing is whole: a stored document missing from it is gone
    not_modified: bool = False  # the whole source answered "not modified"
    failed: dict[str, str] = field(default_factory=dict)  # document key -> problem
    state: dict[str, Any] | None = None  # to keep for the next fetch (None: keep the old one)


class PreviousDoc(Protocol):
    content_hash: str
    etag: str | None
    last_modified: str | None


class Fetcher(Protocol):
    def __call__(self, source, previous: Mapping[str, PreviousDoc], state: Mapping[str, Any], *,
                 tz, now: dt.datetime) -> FetchResult: ...


def content_hash(*parts: str | bytes | None) -> str:
    h = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else (part or b"")
        h.update(len(data).to_bytes(8, "big"))
        h.update(data)
    return h.hexdigest()


def fetcher_for(kind: str) -> Fetcher:
    if kind == "file":
        from calfeed.sources.files import fetch_file

        return fetch_file
    if kind == "dir":
        from calfeed.sources.files import fetch_dir

        return fetch_dir
    if kind == "url":
        from calfeed.sources.web import fetch_url

        return fetch_url
    if kind == "rss":
        from calfeed.sources.rss import fetch_rss

        return fetch_rss
    raise ValueError(f"unknown source type {kind!r}")


def fetch_source(source, previous: Mapping[str, PreviousDoc] | None = None, state: Mapping[str, Any] | None = None,
                 *, tz=None, now: dt.datetime | None = None) -> FetchResult:
    """Fetch every document of a configured source (config.SourceConfig)."""
    from zoneinfo import ZoneInfo

    return fetcher_for(source.type)(source, previous or {}, state or {}, tz=tz or ZoneInfo("Asia/Shanghai"),
                                    now=now or dt.datetime.now(dt.UTC).replace(microsecond=0))
