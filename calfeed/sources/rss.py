"""RSS and Atom feeds (feedparser): each entry one document with its own date.

Feeds roll: an entry that drops out of the feed is not "gone" (its events stay); only an entry
that changes is re-read.
"""
from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Mapping
from typing import Any

from calfeed.errors import CalfeedError
from calfeed.sources import Document, FetchResult, PreviousDoc, content_hash, http
from calfeed.sources.html import strip_tags


def _entry_date(entry, tz) -> dt.date | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if value:
            return dt.datetime.fromtimestamp(calendar.timegm(value), dt.UTC).astimezone(tz).date()
    return None


def _entry_text(entry) -> str:
    parts = []
    for content in entry.get("content") or []:
        if content.get("value"):
            parts.append(content["value"])
    if not parts and entry.get("summary"):
        parts.append(entry["summary"])
    return "\n\n".join(strip_tags(p) if "<" in p else p for p in parts).strip()


def fetch_rss(source, previous: Mapping[str, PreviousDoc], state: Mapping[str, Any], *, tz,
              now: dt.datetime) -> FetchResult:
    import feedparser

    resp = http.get(source.url, timeout=source.timeout, max_bytes=source.max_bytes, etag=state.get("etag"),
                    last_modified=state.get("last_modified"),
                    accept="application/rss+xml,application/atom+xml,application/xml;q=0.9,*/*;q=0.5")
    if resp.not_modified:
        return FetchResult(not_modified=True)
    parsed = feedparser.parse(resp.content, response_headers={"content-type": resp.content_type or "application/xml"})
    if parsed.bozo and not parsed.entries:
        raise CalfeedError(f"{source.url}: not an RSS or Atom feed ({parsed.get('bozo_exception')})")
    result = FetchResult(complete=False, state={"etag": resp.etag, "last_modified": resp.last_modified})
    seen: set[str] = set()
    for entry in parsed.entries:
        key = entry.get("id") or entry.get("link") or entry.get("title")
        if not key or key in seen:
            continue
        seen.add(key)
        title = strip_tags(entry.get("title", "")).strip()
        body = _entry_text(entry)
        text = f"{title}\n\n{body}" if title and not body.startswith(title) else body
        published = _entry_date(entry, tz)
        digest = content_hash(title, text, published.isoformat() if published else "")
        prev = previous.get(key)
        result.documents.append(Document(
            source_id=source.id, key=key[:1000], title=title[:200], text=text, fetched=now, content_hash=digest,
            url=entry.get("link"), published=published,
            not_modified=prev is not None and prev.content_hash == digest,
        ))
    return result
