"""Files and directories: txt, md and html, in UTF-8, UTF-16 or GB18030/GBK."""
from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from calfeed.errors import CalfeedError
from calfeed.sources import Document, FetchResult, PreviousDoc, content_hash
from calfeed.sources.html import extract_page, jsonld_events
from calfeed.textio import decode_text

TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES


def read_document(path: Path, *, source, key: str, tz, now: dt.datetime, previous: PreviousDoc | None) -> Document:
    try:
        st = path.stat()
        if st.st_size > source.max_bytes:
            raise CalfeedError(f"{path}: {st.st_size:,} bytes is over this source's max_bytes ({source.max_bytes:,})")
        data = path.read_bytes()
    except FileNotFoundError:
        raise CalfeedError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise CalfeedError(f"{path}: is a directory (use type: dir)") from None
    except OSError as e:
        raise CalfeedError(f"{path}: cannot read: {e.strerror or e}") from None
    mtime = dt.datetime.fromtimestamp(st.st_mtime, tz).date()
    digest = content_hash(data)
    base = dict(source_id=source.id, key=key, fetched=now, content_hash=digest, path=str(path), mtime=mtime)
    if previous is not None and previous.content_hash == digest:
        # unchanged: no decoding, no HTML work; the refresh skips it
        return Document(title="", text="", not_modified=True, **base)
    text = decode_text(data, str(path))
    if path.suffix.lower() in HTML_SUFFIXES:
        page = extract_page(text)
        events = tuple(jsonld_events(text, tz))
        return Document(title=page.title or path.stem, text=page.text, published=page.published,
                        exact_events=events, **base)
    title = next((line.strip().lstrip("#").strip() for line in text.splitlines() if line.strip()), path.stem)
    return Document(title=title[:200], text=text, **base)


def fetch_file(source, previous: Mapping[str, PreviousDoc], state: Mapping[str, Any], *, tz,
               now: dt.datetime) -> FetchResult:
    path = Path(source.path)
    key = path.name
    doc = read_document(path, source=source, key=key, tz=tz, now=now, previous=previous.get(key))
    return FetchResult(documents=[doc], complete=True)


def fetch_dir(source, previous: Mapping[str, PreviousDoc], state: Mapping[str, Any], *, tz,
              now: dt.datetime) -> FetchResult:
    root = Path(source.path)
    if not root.is_dir():
        raise CalfeedError(f"{root}: no such directory" if not root.exists() else f"{root}: not a directory")
    result = FetchResult(complete=True)
    paths = sorted(p for p in root.glob(source.glob) if p.suffix.lower() in SUFFIXES
                   and not any(part.startswith(".") for part in p.relative_to(root).parts) and p.is_file())
    for path in paths:
        key = path.relative_to(root).as_posix()
        try:
            result.documents.append(read_document(path, source=source, key=key, tz=tz, now=now,
                                                  previous=previous.get(key)))
        except CalfeedError as e:
            result.failed[key] = str(e)
    if not paths and not os.access(root, os.R_OK):
        raise CalfeedError(f"{root}: cannot read the directory")
    return result
