"""A web page as one document: main text, headline, published date, schema.org Events."""
from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from calfeed.sources import Document, FetchResult, PreviousDoc, content_hash, http
from calfeed.sources.html import extract_page, jsonld_events, looks_like_html


def fetch_url(source, previous: Mapping[str, PreviousDoc], state: Mapping[str, Any], *, tz,
              now: dt.datetime) -> FetchResult:
    key = source.url
    prev = previous.get(key)
    resp = http.get(source.url, timeout=source.timeout, max_bytes=source.max_bytes,
                    etag=prev.etag if prev else None, last_modified=prev.last_modified if prev else None)
    if resp.not_modified:
        return FetchResult(documents=[Document(source_id=source.id, key=key, title="", text="", fetched=now,
                                               content_hash=prev.content_hash if prev else "", url=source.url,
                                               etag=resp.etag, last_modified=resp.last_modified,
                                               not_modified=True)], complete=True)
    body = http.decode_body(resp, source.url)
    if "html" in resp.content_type.lower() or looks_like_html(body):
        page = extract_page(body, url=resp.url)
        title, text, published = page.title, page.text, page.published
        events = tuple(jsonld_events(body, tz, page_url=resp.url))
    else:
        title = next((line.strip() for line in body.splitlines() if line.strip()), source.url)[:200]
        text, published, events = body, None, ()
    digest = content_hash(title, text, published.isoformat() if published else "",
                          repr([e.__dict__ for e in events]))
    return FetchResult(documents=[Document(
        source_id=source.id, key=key, title=title, text=text, fetched=now, content_hash=digest, url=resp.url,
        published=published, etag=resp.etag, last_modified=resp.last_modified, exact_events=events,
        not_modified=prev is not None and prev.content_hash == digest,
    )], complete=True)
