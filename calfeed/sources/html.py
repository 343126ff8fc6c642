"""HTML → main text (trafilatura), headline and published date; schema.org Event JSON-LD."""
from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from calfeed.reconcile import Incoming

_JSONLD = re.compile(r"<script[^>]*type\s*=\s*[\"']application/ld\+json[\"'][^>]*>(.*?)</script>", re.S | re.I)
_TITLE = re.compile(r"<title[^>]*>(.*?)</title>", re.S | re.I)
_TAG = re.compile(r"<[^>]+>")


@dataclass(frozen=True)
class Page:
    title: str
    text: str  # the headline, a blank line, then the main text
    published: dt.date | None


def looks_like_html(data: str) -> bool:
    head = data[:2048].lower()
    return "<html" in head or "<!doctype html" in head or ("<body" in head) or ("<p>" in head and "</p>" in head)


def strip_tags(html: str) -> str:
    try:
        import lxml.html

        return lxml.html.fromstring(html).text_content().strip()
    except Exception:  # noqa: BLE001 - empty or odd fragments
        import html as htmllib

        return htmllib.unescape(_TAG.sub(" ", html)).strip()


def extract_page(html: str, url: str | None = None) -> Page:
    """Main text of a web page with its headline and published date (from the page's metadata)."""
    import trafilatura

    doc = None
    try:
        doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                          include_tables=True, favor_recall=True)
    except Exception:  # noqa: BLE001 - trafilatura raises on some malformed pages
        doc = None
    title = ""
    text = ""
    published = None
    if doc is not None:
        title = (doc.title or "").strip()
        text = (doc.text or "").strip()
        if doc.date:
            try:
                published = dt.date.fromisoformat(str(doc.date)[:10])
            except ValueError:
                published = None
    if not title:
        m = _TITLE.search(html)
        title = strip_tags(m.group(1)) if m else ""
    if not text:
        body = re.sub(r"<(script|style)[^>]*>.*?</\1>", " ", html, flags=re.S | re.I)
        text = strip_tags(body)
    if title and not text.startswith(title):
        text = f"{title}\n\n{text}"
    return Page(title=title, text=text, published=published)


_EVENT_TYPES = re.compile(r"(^|/)(\w*Event)$")


def _types(item: dict) -> list[str]:
    t = item.get("@type", [])
    return [str(x) for x in (t if isinstance(t, list) else [t])]


def _walk(data):
    if isinstance(data, list):
        for x in data:
            yield from _walk(x)
    elif isinstance(data, dict):
        yield data
        for key in ("@graph", "subEvent", "itemListElement", "item"):
            if key in data:
                yield from _walk(data[key])


def _when(value, tz: ZoneInfo):
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return dt.date.fromisoformat(text)
    try:
        parsed = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    return (parsed.replace(tzinfo=tz) if parsed.tzinfo is None else parsed).astimezone(tz)


def _ext_key(value: str) -> str:
    """A stable key for a JSON-LD @id that fits the store's column (255)."""
    key = f"jsonld:{value}"
    if len(key) > 200:
        import hashlib

        key = "jsonld:sha1:" + hashlib.sha1(value.encode("utf-8")).hexdigest()
    return key


def jsonld_events(html: str, tz: ZoneInfo, *, page_url: str | None = None) -> list[Incoming]:
    """schema.org Events declared on the page, as exact events (cancelled ones left out)."""
    out: list[Incoming] = []
    seen: set[tuple] = set()
    for m in _JSONLD.finditer(html):
        try:
            data = json.loads(m.group(1).strip())
        except ValueError:
            continue
        for item in _walk(data):
            if not any(_EVENT_TYPES.search(t) for t in _types(item)):
                continue
            name = item.get("name")
            start = _when(item.get("startDate"), tz)
            if not isinstance(name, str) or not name.strip() or start is None:
                continue
            if "Cancelled" in str(item.get("eventStatus", "")):
                continue
            end = _when(item.get("endDate"), tz)
            if end is not None and type(end) is not type(start):
                end = end.date() if isinstance(end, dt.datetime) else None
            if end is not None and end < start:
                end = None
            all_day = not isinstance(start, dt.datetime)
            url = item.get("url") if isinstance(item.get("url"), str) else page_url
            description = item.get("description") if isinstance(item.get("description"), str) else ""
            ext_key = item.get("@id") if isinstance(item.get("@id"), str) else None
            key = (name.strip(), str(start))
            if key in seen:
                continue
            seen.add(key)
            out.append(Incoming(
                title=name.strip()[:200], start=start, end=end, all_day=all_day,
                kind="period" if end is not None and end != start and all_day else "event",
                evidence=f"schema.org {_types(item)[0]}: {name.strip()} ({item.get('startDate')})",
                timex=str(item.get("startDate")), description=description.strip(), url=url,
                ext_key=_ext_key(ext_key) if ext_key else None,
            ))
    return out
