"""The `feeds:` and `web:` sections of events.yaml, read for the feeds and the web app.

    feeds:
      alarms:                        # VALARMs written into every feed, by event kind ("all": every kind)
        deadline: [1d, 1h]           # 1 day and 1 hour before the start
      named:                         # extra feeds at /feeds/<slug>.ics; filters combine with AND
        deadlines: {name: 截止日期, kind: deadline}
        education: {name: 教育, q: 考试}                 # q / keyword: words in title or evidence
        datong: {source: datong-daily-2023-06-22, category: 大同}
        team: {kind: [event, deadline], private: true}   # only /feeds/<token>/team.ics
    web:
      cache_control: 300             # seconds clients and proxies may reuse a feed
      tokens: instance/feed-tokens.json      # hashed private-feed tokens (`calfeed tokens`)
      block_cache: instance/feed-blocks.sqlite   # serialized events, shared by the workers; "" = memory only

config.py keeps these sections as raw data unless a validator is registered; importing this module
registers validators, so `calfeed check` reports their problems with file and line.  The readers
below accept either form.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from calfeed.ical import AlarmSpec, CalendarSettings, parse_duration

KINDS = ("event", "deadline", "start", "period", "announcement")
SLUG_RE = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")
RESERVED_SLUGS = ("calendar",)
FILTER_KEYS = ("source", "category", "kind", "q")


class SettingsError(ValueError):
    """A problem in the feeds/web sections: `where` is the field path, `allowed` says what fits."""

    def __init__(self, where: tuple, found: Any, allowed: str):
        self.where, self.found, self.allowed = where, found, allowed
        super().__init__(f"{'.'.join(map(str, where))}: found {found!r}; {allowed}")


@dataclass(frozen=True)
class FeedDef:
    """One named feed: filters (each None, or a tuple of accepted values) and how it is shown."""

    slug: str
    name: str
    description: str = ""
    source: tuple[str, ...] | None = None
    category: tuple[str, ...] | None = None
    kind: tuple[str, ...] | None = None
    q: tuple[str, ...] | None = None
    private: bool = False


@dataclass(frozen=True)
class FeedsSettings:
    alarms: tuple[AlarmSpec, ...] = ()
    named: dict[str, FeedDef] = field(default_factory=dict)


@dataclass(frozen=True)
class WebSettings:
    cache_control: int = 300
    tokens_path: Path | None = None
    block_cache_path: Path | None = None
    freshness: float = 2.0  # seconds a rendered feed is served before asking the store again


def _strings(value: Any, where: tuple, allowed_values: tuple[str, ...] | None = None) -> tuple[str, ...]:
    items = value if isinstance(value, list) else [value]
    out = []
    for i, item in enumerate(items):
        w = (*where, i) if isinstance(value, list) else where
        if isinstance(item, bool) or not isinstance(item, str | int) or not str(item).strip():
            raise SettingsError(w, item, "allowed: a non-empty text or a list of them")
        text = str(item).strip()
        if allowed_values is not None and text not in allowed_values:
            raise SettingsError(w, item, f"allowed: {' | '.join(allowed_values)}")
        out.append(text)
    if not out:
        raise SettingsError(where, value, "allowed: a non-empty text or a list of them")
    return tuple(out)


def parse_alarms(value: Any, where: tuple = ("feeds", "alarms")) -> tuple[AlarmSpec, ...]:
    """{kind: [durations]} (kind "all" = every kind), or a list of {before, kinds, description}."""
    if value is None:
        return ()
    out: list[AlarmSpec] = []
    if isinstance(value, dict):
        for kind, befores in value.items():
            kinds = () if kind in ("all", "*") else _strings(kind, (*where, kind), KINDS)
            for i, b in enumerate(befores if isinstance(befores, list) else [befores]):
                out.append(AlarmSpec(_before(b, (*where, kind, i)), kinds))
        return tuple(out)
    if isinstance(value, list):
        for i, item in enumerate(value):
            w = (*where, i)
            if not isinstance(item, dict) or "before" not in item:
                raise SettingsError(w, item, "allowed: {before: 1d, kinds: [deadline], description: …}")
            kinds = _strings(item["kinds"], (*w, "kinds"), KINDS) if item.get("kinds") else ()
            desc = str(item.get("description") or "")
            out.append(AlarmSpec(_before(item["before"], (*w, "before")), kinds, desc))
        return tuple(out)
    raise SettingsError(where, value, "allowed: a mapping of kind to durations, e.g. {deadline: [1d, 1h]}")


def _before(value: Any, where: tuple) -> dt.timedelta:
    try:
        d = parse_duration(value)
    except ValueError:
        d = None
    if d is None or d < dt.timedelta(0) or d > dt.timedelta(days=366):
        raise SettingsError(where, value, "allowed: a duration before the start, e.g. 1d, 1h, 30m, P1D")
    return d


def parse_feed(slug: Any, value: Any, where: tuple) -> FeedDef:
    if not isinstance(slug, str) or not SLUG_RE.match(slug) or slug in RESERVED_SLUGS:
        raise SettingsError(where, slug, "allowed: a slug of lowercase letters, digits, '-' and '_' "
                                         f"(not {', '.join(RESERVED_SLUGS)})")
    if value is None:
        value = {}
    if not isinstance(value, dict):
        raise SettingsError(where, value, "allowed: a mapping with name, source, category, kind, q, private")
    known = ("name", "title", "description", "source", "category", "kind", "q", "keyword", "private")
    for key in value:
        if key not in known:
            raise SettingsError((*where, key), key, f"unknown key; allowed: {', '.join(known)}")
    filters: dict[str, tuple[str, ...] | None] = {}
    for key, alias in (("source", None), ("category", None), ("kind", None), ("q", "keyword")):
        raw = value.get(key, value.get(alias) if alias else None)
        filters[key] = None if raw is None else _strings(raw, (*where, key), KINDS if key == "kind" else None)
    private = value.get("private", False)
    if not isinstance(private, bool):
        raise SettingsError((*where, "private"), private, "allowed: true or false")
    name = value.get("name", value.get("title")) or slug
    return FeedDef(slug=slug, name=str(name), description=str(value.get("description") or ""),
                   private=private, **filters)


def parse_feeds(value: Any) -> FeedsSettings:
    if isinstance(value, FeedsSettings):
        return value
    if value is None:
        return FeedsSettings()
    if not isinstance(value, dict):
        raise SettingsError(("feeds",), value, "allowed: a mapping with alarms and named")
    for key in value:
        if key not in ("alarms", "named"):
            raise SettingsError(("feeds", key), key, "unknown key; allowed: alarms, named")
    named_raw = value.get("named") or {}
    named: dict[str, FeedDef] = {}
    if isinstance(named_raw, list):  # also accept a list of {slug: …, …}
        for i, item in enumerate(named_raw):
            if not isinstance(item, dict):
                raise SettingsError(("feeds", "named", i), item, "allowed: a mapping with slug and filters")
            rest = {k: v for k, v in item.items() if k != "slug"}
            fd = parse_feed(item.get("slug"), rest, ("feeds", "named", i))
            if fd.slug in named:
                raise SettingsError(("feeds", "named", i, "slug"), fd.slug, "allowed: a slug not used twice")
            named[fd.slug] = fd
    elif isinstance(named_raw, dict):
        for slug, item in named_raw.items():
            named[slug] = parse_feed(slug, item, ("feeds", "named", slug))
    else:
        raise SettingsError(("feeds", "named"), named_raw, "allowed: a mapping of slug to filters")
    return FeedsSettings(alarms=parse_alarms(value.get("alarms")), named=named)


def parse_web(value: Any, base: Path) -> WebSettings:
    if isinstance(value, WebSettings):
        return value
    value = value or {}
    if not isinstance(value, dict):
        raise SettingsError(("web",), value, "allowed: a mapping")
    cc = value.get("cache_control", 300)
    if isinstance(cc, bool) or not isinstance(cc, int) or cc < 0:
        raise SettingsError(("web", "cache_control"), cc, "allowed: seconds, 0 or more")
    fresh = value.get("freshness", 2.0)
    if isinstance(fresh, bool) or not isinstance(fresh, int | float) or fresh < 0:
        raise SettingsError(("web", "freshness"), fresh, "allowed: seconds, 0 or more")

    def path(key: str, default: str) -> Path | None:
        raw = value.get(key, default)
        if raw in ("", None):
            return None
        p = Path(str(raw)).expanduser()
        return p if p.is_absolute() else base / p

    return WebSettings(cache_control=cc, freshness=float(fresh),
                       tokens_path=path("tokens", "instance/feed-tokens.json"),
                       block_cache_path=path("block_cache", "instance/feed-blocks.sqlite"))


def _validator(parse):
    def validate(value: Any, checker: Any, name: str) -> Any:
        try:
            return parse(value)
        except SettingsError as e:
            checker.problem(e.where, e.found, e.allowed)
            return None
    return validate


def calendar_settings(config: Any, feeds: FeedsSettings) -> CalendarSettings:
    """CalendarSettings from config.py's Config (calendar section) and the feeds section."""
    cal = config.calendar
    return CalendarSettings(
        name=cal.name, description=cal.description or CalendarSettings.description,
        timezone=cal.timezone, domain=cal.host, base_url=cal.base_url,
        refresh_interval=cal.refresh_interval, alarms=feeds.alarms,
    )


def register() -> None:
    """Let config.py validate the feeds section (reported like every other problem)."""
    from calfeed.config import register_section

    register_section("feeds", _validator(parse_feeds))


register()
