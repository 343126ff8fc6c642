"""One validated configuration object, read from events.yaml.

`load_config(path)` returns a `Config` or raises `ConfigError`, which lists *every* problem of the
file at once, each as ``file:line: field: found …; allowed …``.  Nothing here raises a traceback
at the user.

Sections owned by other parts of calfeed (`feeds`, `web`, `reminders`) are kept as plain data in
`Config.sections`; a module that owns one may register a validator with `register_section()`,
whose result then replaces the raw value.
"""
from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlparse
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import yaml

from calfeed.errors import CalfeedError

DEFAULT_TZ = "Asia/Shanghai"
DEFAULT_CONFIG = "events.yaml"
SOURCE_TYPES = ("file", "dir", "url", "rss")
LANGUAGES = ("auto", "zh", "en")
PUBLISHED_HOW = ("fixed", "metadata", "dateline", "mtime")
EVENT_KINDS = ("event", "deadline", "start", "period", "announcement")
MANUAL_SOURCE_ID = "events.yaml"  # the pseudo-source holding hand-written events
_ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")
_DURATION_RE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(s|sec|m|min|h|hr|d|day|days|w|week|weeks)?\s*$", re.I)
_DURATION_UNITS = {"s": 1, "sec": 1, "m": 60, "min": 60, "h": 3600, "hr": 3600, "d": 86400, "day": 86400,
                   "days": 86400, "w": 604800, "week": 604800, "weeks": 604800}


class ConfigError(CalfeedError):
    """Every problem found in a configuration file; str() lists them one per line."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        head = f"{len(problems)} problem{'s' if len(problems) != 1 else ''} in the configuration:"
        super().__init__("\n".join([head, *("  " + p for p in problems)]))


# ---------------------------------------------------------------- the configuration object
@dataclass(frozen=True)
class CalendarConfig:
    name: str = "calfeed"
    description: str = ""
    timezone: str = DEFAULT_TZ
    base_url: str | None = None
    refresh_interval: dt.timedelta = dt.timedelta(hours=1)

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    @property
    def host(self) -> str:
        """The domain that qualifies UIDs: the base URL's host, else 'calfeed.local'."""
        if self.base_url:
            host = urlparse(self.base_url).hostname
            if host:
                return host
        return "calfeed.local"


@dataclass(frozen=True)
class PublishedRule:
    """How a source's documents get their publication date.

    `fixed` wins when set; otherwise the methods of `order` are tried in turn: "metadata" (the
    feed entry's or page's own date), "dateline" (found in the text by the extractor), "mtime"
    (the file's modification time).
    """

    fixed: dt.date | None = None
    order: tuple[str, ...] = ("metadata", "dateline", "mtime")


@dataclass(frozen=True)
class Schedule:
    interval: dt.timedelta | None = None
    cron: str | None = None

    def describe(self) -> str:
        return f"cron {self.cron}" if self.cron else f"every {format_duration(self.interval)}"


@dataclass(frozen=True)
class SourceConfig:
    id: str
    type: str
    name: str = ""
    path: Path | None = None
    url: str | None = None
    glob: str = "**/*"
    language: str = "auto"
    published: PublishedRule = PublishedRule()
    schedule: Schedule = Schedule(interval=dt.timedelta(hours=1))
    categories: tuple[str, ...] = ()
    enabled: bool = True
    review: bool = False
    timeout: float = 20.0
    max_bytes: int = 10 * 1024 * 1024
    timezone: str | None = None  # the zone the documents are written in, when not the calendar's
    line: int = 0

    @property
    def location(self) -> str:
        return str(self.path) if self.path is not None else (self.url or "")


@dataclass(frozen=True)
class ManualEvent:
    """A hand-written event of the `events:` section (already resolved to dates)."""

    title: str
    start: dt.date | dt.datetime
    end: dt.date | dt.datetime | None
    all_day: bool
    kind: str = "event"
    description: str = ""
    url: str | None = None
    categories: tuple[str, ...] = ()
    id: str | None = None
    text: str = ""  # the dates as written, kept as evidence
    line: int = 0


@dataclass(frozen=True)
class MatchRule:
    source: str | None = None
    title: str | None = None  # substring of the title
    evidence: str | None = None  # substring of the evidence sentence
    date: dt.date | None = None  # the start day

    def matches(self, *, source_id: str | None, title: str, evidence: str, start) -> bool:
        if self.source is not None and self.source != source_id:
            return False
        if self.title is not None and self.title not in title:
            return False
        if self.evidence is not None and self.evidence not in evidence:
            return False
        if self.date is not None:
            day = start.date() if isinstance(start, dt.datetime) else start
            if day != self.date:
                return False
        return True


@dataclass(frozen=True)
class Override:
    uid: str | None = None
    match: MatchRule | None = None
    hide: bool = False
    title: str | None = None
    start: dt.date | dt.datetime | None = None
    end: dt.date | dt.datetime | None = None
    all_day: bool | None = None
    kind: str | None = None
    line: int = 0

    def applies(self, *, uid: str, source_id: str | None, title: str, evidence: str, start) -> bool:
        if self.uid is not None:
            return self.uid == uid
        assert self.match is not None
        return self.match.matches(source_id=source_id, title=title, evidence=evidence, start=start)


@dataclass(frozen=True)
class DatabaseConfig:
    url: str
    keep_cancelled: dt.timedelta = dt.timedelta(days=30)


@dataclass(frozen=True)
class Config:
    path: Path
    calendar: CalendarConfig
    sources: tuple[SourceConfig, ...]
    events: tuple[ManualEvent, ...]
    overrides: tuple[Override, ...]
    database: DatabaseConfig
    sections: dict[str, Any] = field(default_factory=dict)  # feeds, web, reminders, …

    def source(self, source_id: str) -> SourceConfig:
        for s in self.sources:
            if s.id == source_id:
                return s
        known = ", ".join(s.id for s in self.sources) or "none"
        raise CalfeedError(f"no source {source_id!r} in {self.path} (sources: {known})")


# ---------------------------------------------------------------- section registry for other issues
SectionValidator = Callable[[Any, "Checker", str], Any]
_SECTIONS: dict[str, SectionValidator | None] = {"feeds": None, "web": None, "reminders": None}
_KNOWN_TOP = ("calendar", "sources", "events", "overrides", "database")


def register_section(name: str, validator: SectionValidator | None = None) -> None:
    """Declare a top-level section owned by another module.

    `validator(value, checker, field_name)` returns the parsed value; it reports problems with
    `checker.problem(field_name_or_path, found, allowed)` rather than raising.
    """
    _SECTIONS[name] = validator


# ---------------------------------------------------------------- YAML with line numbers
class Checker:
    """Collects problems, each with file and line, while the sections are read."""

    def __init__(self, path: Path, lines: dict[tuple, int]):
        self.path = path
        self.lines = lines
        self.problems: list[str] = []

    def line_of(self, where: tuple) -> int:
        while where:
            if where in self.lines:
                return self.lines[where]
            where = where[:-1]
        return self.lines.get((), 1)

    def problem(self, where: tuple, found: Any, allowed: str) -> None:
        found_text = "nothing" if found is _MISSING else repr(found) if not isinstance(found, str) else f"'{found}'"
        if len(found_text) > 80:
            found_text = found_text[:77] + "..."
        self.problems.append(
            f"{self.path}:{self.line_of(where)}: {dotted(where)}: found {found_text}; {allowed}"
        )


_MISSING = object()


def dotted(where: tuple) -> str:
    out = ""
    for part in where:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(top level)"


def _to_python(node: yaml.Node, loader: yaml.SafeLoader, where: tuple, lines: dict) -> Any:
    lines[where] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        out: dict = {}
        loader.flatten_mapping(node)
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            key = str(key) if not isinstance(key, str) else key
            out[key] = _to_python(value_node, loader, (*where, key), lines)
            lines[(*where, key)] = key_node.start_mark.line + 1
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_to_python(v, loader, (*where, i), lines) for i, v in enumerate(node.value)]
    return loader.construct_object(node, deep=True)


def read_yaml(path: Path) -> tuple[Any, dict[tuple, int]]:
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise CalfeedError(
            f"{path}: no such configuration file (give --config PATH or set CALFEED_CONFIG)"
        ) from None
    except OSError as e:
        raise CalfeedError(f"{path}: cannot read: {e.strerror or e}") from None
    from calfeed.textio import decode_text

    text = decode_text(raw, str(path))
    loader = yaml.SafeLoader(text)
    try:
        node = loader.get_single_node()
        lines: dict[tuple, int] = {}
        data = _to_python(node, loader, (), lines) if node is not None else None
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark else str(path)
        what = getattr(e, "problem", None) or str(e)
        raise ConfigError([f"{where}: not valid YAML: {what}"]) from None
    finally:
        loader.dispose()
    return data, lines


# ---------------------------------------------------------------- small value parsers
def parse_duration(value: Any) -> dt.timedelta | None:
    """'30m', '1h', '2 days', 90 (seconds) → timedelta; None when unreadable or not positive."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return dt.timedelta(seconds=value) if value > 0 else None
    if not isinstance(value, str):
        return None
    total = 0.0
    for part in re.split(r"[\s,]+(?=\d)", value.strip()):
        m = _DURATION_RE.match(part)
        if not m:
            return None
        total += float(m.group(1)) * _DURATION_UNITS[(m.group(2) or "s").lower()]
    return dt.timedelta(seconds=total) if total > 0 else None


def format_duration(value: dt.timedelta | None) -> str:
    if value is None:
        return "-"
    seconds = int(value.total_seconds())
    for unit, size in (("d", 86400), ("h", 3600), ("m", 60)):
        if seconds % size == 0:
            return f"{seconds // size}{unit}"
    return f"{seconds}s"


_ZH_DT = re.compile(
    r"^\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]"
    r"(?:\s*(凌晨|早上|上午|中午|下午|晚上|傍晚)?\s*(\d{1,2})\s*[时点:：]\s*(?:(\d{1,2})\s*分?|半)?)?\s*$"
)


def _zh_fallback(text: str, tz: ZoneInfo) -> tuple[dt.date | dt.datetime, bool] | None:
    m = _ZH_DT.match(text)
    if not m:
        return None
    year, month, day = int(m.group(1)), int(m.group(2)), int(m.group(3))
    try:
        day_value = dt.date(year, month, day)
    except ValueError:
        return None
    if m.group(5) is None:
        return day_value, True
    hour = int(m.group(5))
    minute = 30 if text.rstrip().endswith("半") else int(m.group(6) or 0)
    if m.group(4) in ("下午", "晚上", "傍晚") and hour < 12:
        hour += 12
    if hour > 23 or minute > 59:
        return None
    return dt.datetime.combine(day_value, dt.time(hour, minute), tz), False


_TIME_HINT = re.compile(r"\d\s*[:：]\s*\d|\d\s*(am|pm|a\.m\.|p\.m\.)|noon|midnight|[时点]", re.I)


def parse_when(value: Any, tz: ZoneInfo, lang: str = "auto") -> tuple[dt.date | dt.datetime, dt.date | dt.datetime | None] | None:
    """A date or aware datetime (plus an end, when the text says a range) from how people write it.

    Tries ISO first, then calfeed's own tagger (`find_timexes`), then dateparser for English.
    Returns None when nothing reads it.
    """
    if isinstance(value, dt.datetime):
        return (value if value.tzinfo else value.replace(tzinfo=tz)).astimezone(tz), None
    if isinstance(value, dt.date):
        return value, None
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    try:
        parsed = dt.datetime.fromisoformat(text)
    except ValueError:
        pass
    else:
        if len(text) <= 10:
            return parsed.date(), None
        return (parsed.replace(tzinfo=tz) if parsed.tzinfo is None else parsed.astimezone(tz)), None
    ref = dt.datetime.now(tz).replace(microsecond=0)
    try:
        from calfeed.extract.timex import find_timexes

        found = find_timexes(text, ref, lang=lang)
    except ImportError:
        found = []
    if found:
        best = max(found, key=lambda t: t.span[1] - t.span[0])
        covered = best.span[1] - best.span[0]
        if best.start is not None and covered >= 0.6 * len(text.replace(" ", "")):
            end = best.end if best.end not in (None, best.start) else None
            return best.start, end
    zh = _zh_fallback(text, tz)
    if zh is not None:
        return zh[0], None
    try:
        import dateparser
    except ImportError:  # pragma: no cover - a dependency
        return None
    result = dateparser.parse(
        text,
        languages=["en"] if lang != "zh" else None,
        settings={"TIMEZONE": str(tz), "RETURN_AS_TIMEZONE_AWARE": True, "RELATIVE_BASE": ref.replace(tzinfo=None),
                  "PREFER_DAY_OF_MONTH": "first"},
    )
    if result is None:
        return None
    result = result.astimezone(tz)
    if not _TIME_HINT.search(text) and result.time() == dt.time(0, 0):
        return result.date(), None
    return result, None


# ---------------------------------------------------------------- reading the sections
class _Reader:
    def __init__(self, checker: Checker, base: Path):
        self.c = checker
        self.base = base

    def mapping(self, value: Any, where: tuple, *, allowed_keys: tuple[str, ...] | None = None) -> dict:
        if value is None:
            return {}
        if not isinstance(value, dict):
            self.c.problem(where, value, "allowed: a mapping of key: value lines")
            return {}
        if allowed_keys is not None:
            for key in value:
                if key not in allowed_keys:
                    self.c.problem((*where, key), key, f"unknown key; allowed: {', '.join(allowed_keys)}")
        return value

    def string(self, m: dict, key: str, where: tuple, *, default: Any = _MISSING, required: bool = False) -> Any:
        value = m.get(key, _MISSING)
        if value is _MISSING or value is None:
            if required:
                self.c.problem((*where, key), _MISSING, "required: a text value")
            return None if default is _MISSING else default
        if isinstance(value, bool | dict | list):
            self.c.problem((*where, key), value, "allowed: a text value")
            return None if default is _MISSING else default
        return str(value)

    def boolean(self, m: dict, key: str, where: tuple, default: bool) -> bool:
        value = m.get(key, default)
        if not isinstance(value, bool):
            self.c.problem((*where, key), value, "allowed: true or false")
            return default
        return value

    def choice(self, m: dict, key: str, where: tuple, choices: tuple[str, ...], default: str | None) -> str | None:
        value = m.get(key, default)
        if value is None:
            if default is None and key in m:
                self.c.problem((*where, key), value, f"allowed: {' | '.join(choices)}")
            return default
        if value not in choices:
            self.c.problem((*where, key), value, f"allowed: {' | '.join(choices)}")
            return default
        return value

    def duration(self, m: dict, key: str, where: tuple, default: dt.timedelta | None) -> dt.timedelta | None:
        if key not in m or m[key] is None:
            return default
        parsed = parse_duration(m[key])
        if parsed is None:
            self.c.problem((*where, key), m[key], "allowed: a positive duration such as 30m, 6h, 1d or 2 days")
            return default
        return parsed

    def string_list(self, m: dict, key: str, where: tuple) -> tuple[str, ...]:
        value = m.get(key)
        if value is None:
            return ()
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str | int) and not isinstance(v, bool) for v in value):
            self.c.problem((*where, key), value, "allowed: a list of words, e.g. [政务, 会议]")
            return ()
        return tuple(str(v) for v in value)

    # ------------------------------------------------------------ calendar
    def calendar(self, value: Any) -> CalendarConfig:
        where = ("calendar",)
        m = self.mapping(value, where, allowed_keys=("name", "description", "timezone", "base_url", "refresh_interval"))
        tz_name = self.string(m, "timezone", where, default=DEFAULT_TZ)
        try:
            ZoneInfo(tz_name)
        except (ZoneInfoNotFoundError, ValueError):
            self.c.problem((*where, "timezone"), tz_name, "allowed: an IANA time zone name such as Asia/Shanghai")
            tz_name = DEFAULT_TZ
        base_url = self.string(m, "base_url", where)
        if base_url is not None:
            parsed = urlparse(base_url)
            if parsed.scheme not in ("http", "https") or not parsed.hostname:
                self.c.problem((*where, "base_url"), base_url, "allowed: an http(s) URL such as https://cal.example.org/")
                base_url = None
        return CalendarConfig(
            name=self.string(m, "name", where, default="calfeed"),
            description=self.string(m, "description", where, default=""),
            timezone=tz_name,
            base_url=base_url,
            refresh_interval=self.duration(m, "refresh_interval", where, dt.timedelta(hours=1)),
        )

    # ------------------------------------------------------------ sources
    def sources(self, value: Any) -> tuple[SourceConfig, ...]:
        if value is None:
            return ()
        if not isinstance(value, list):
            self.c.problem(("sources",), value, "allowed: a list of sources, each starting with '- id: …'")
            return ()
        out: list[SourceConfig] = []
        seen: dict[str, int] = {}
        for i, item in enumerate(value):
            src = self.source(item, ("sources", i))
            if src is None:
                continue
            if src.id in seen:
                self.c.problem(("sources", i, "id"), src.id, f"allowed: an id not used before (also on line {seen[src.id]})")
                continue
            seen[src.id] = src.line
            out.append(src)
        return tuple(out)

    def source(self, value: Any, where: tuple) -> SourceConfig | None:
        keys = ("id", "name", "type", "path", "url", "glob", "language", "published", "schedule",
                "categories", "enabled", "review", "timeout", "max_bytes", "timezone")
        if not isinstance(value, dict):
            self.c.problem(where, value, "allowed: a mapping with id, type and path or url")
            return None
        m = self.mapping(value, where, allowed_keys=keys)
        before = len(self.c.problems)
        sid = self.string(m, "id", where, required=True)
        if sid is not None and (not _ID_RE.match(sid) or sid == MANUAL_SOURCE_ID):
            self.c.problem((*where, "id"), sid, "allowed: letters, digits, '-', '_' and '.', at most 64, not 'events.yaml'")
        kind = self.choice(m, "type", where, SOURCE_TYPES, None)
        if "type" not in m:
            self.c.problem((*where, "type"), _MISSING, f"required: {' | '.join(SOURCE_TYPES)}")
        path = url = None
        if kind in ("file", "dir"):
            raw = self.string(m, "path", where, required=True)
            if raw is not None:
                path = Path(os.path.expanduser(raw))
                if not path.is_absolute():
                    path = (self.base / path).resolve()
            if "url" in m:
                self.c.problem((*where, "url"), m["url"], f"not used by a {kind} source; give path")
        elif kind in ("url", "rss"):
            url = self.string(m, "url", where, required=True)
            if url is not None:
                parsed = urlparse(url)
                if parsed.scheme not in ("http", "https") or not parsed.hostname:
                    self.c.problem((*where, "url"), url, "allowed: an http:// or https:// address")
            if "path" in m:
                self.c.problem((*where, "path"), m["path"], f"not used by a {kind} source; give url")
        glob = self.string(m, "glob", where, default="**/*")
        if "glob" in m and kind not in ("dir", None):
            self.c.problem((*where, "glob"), m["glob"], "only a dir source takes a glob")
        timeout = m.get("timeout", 20.0)
        if isinstance(timeout, bool) or not isinstance(timeout, int | float) or not 0 < timeout <= 600:
            self.c.problem((*where, "timeout"), timeout, "allowed: seconds, more than 0 and at most 600")
            timeout = 20.0
        max_bytes = m.get("max_bytes", 10 * 1024 * 1024)
        if isinstance(max_bytes, bool) or not isinstance(max_bytes, int) or max_bytes <= 0:
            self.c.problem((*where, "max_bytes"), max_bytes, "allowed: a positive number of bytes")
            max_bytes = 10 * 1024 * 1024
        published = self.published(m.get("published"), (*where, "published"), kind)
        schedule = self.schedule(m.get("schedule"), (*where, "schedule"))
        name = self.string(m, "name", where, default=sid)
        language = self.choice(m, "language", where, LANGUAGES, "auto")
        categories = self.string_list(m, "categories", where)
        enabled = self.boolean(m, "enabled", where, True)
        review = self.boolean(m, "review", where, False)
        zone = self.string(m, "timezone", where)
        if zone is not None:
            try:
                ZoneInfo(zone)
            except (ZoneInfoNotFoundError, ValueError):
                self.c.problem((*where, "timezone"), zone, "allowed: an IANA time zone name such as America/New_York")
        if len(self.c.problems) > before or sid is None or kind is None:
            return None
        return SourceConfig(
            id=sid, type=kind, name=name, path=path, url=url, glob=glob, language=language,
            published=published, schedule=schedule, categories=categories, enabled=enabled, review=review,
            timeout=float(timeout), max_bytes=max_bytes, timezone=zone, line=self.c.line_of(where),
        )

    def published(self, value: Any, where: tuple, kind: str | None) -> PublishedRule:
        allowed = ("allowed: a date (2023-06-22), one of metadata | dateline | mtime, "
                   "or a list of them in the order to try")
        default_order = {"file": ("dateline", "mtime"), "dir": ("metadata", "dateline", "mtime")}.get(
            kind or "", ("metadata", "dateline"))
        if value is None:
            return PublishedRule(order=default_order)
        if isinstance(value, dt.datetime):
            return PublishedRule(fixed=value.date(), order=default_order)
        if isinstance(value, dt.date):
            return PublishedRule(fixed=value, order=default_order)
        if isinstance(value, dict):
            m = self.mapping(value, where, allowed_keys=("fixed", "date"))
            fixed = m.get("fixed", m.get("date"))
            if isinstance(fixed, dt.date):
                return PublishedRule(fixed=fixed if not isinstance(fixed, dt.datetime) else fixed.date(), order=default_order)
            self.c.problem(where, value, allowed)
            return PublishedRule(order=default_order)
        items = value if isinstance(value, list) else [value]
        order: list[str] = []
        for i, item in enumerate(items):
            w = (*where, i) if isinstance(value, list) else where
            if isinstance(item, str):
                try:
                    return PublishedRule(fixed=dt.date.fromisoformat(item.strip()), order=default_order)
                except ValueError:
                    pass
            if item == "fixed":
                self.c.problem(w, item, "'fixed' needs the date itself: published: 2023-06-22")
            elif item not in PUBLISHED_HOW:
                self.c.problem(w, item, allowed)
            elif item == "mtime" and kind not in ("file", "dir", None):
                self.c.problem(w, item, f"a {kind} source has no file time; allowed: metadata | dateline")
            else:
                order.append(item)
        return PublishedRule(order=tuple(order) or default_order)

    def schedule(self, value: Any, where: tuple) -> Schedule:
        allowed = "allowed: an interval (30m, 6h, 1d), {interval: 6h} or {cron: '0 7 * * *'}"
        if value is None:
            return Schedule(interval=dt.timedelta(hours=1))
        if isinstance(value, str) and len(value.split()) == 5:
            value = {"cron": value}
        if isinstance(value, dict):
            m = self.mapping(value, where, allowed_keys=("interval", "cron"))
            if ("interval" in m) == ("cron" in m):
                self.c.problem(where, value, "give exactly one of interval or cron")
                return Schedule(interval=dt.timedelta(hours=1))
            if "cron" in m:
                cron = str(m["cron"])
                try:
                    from apscheduler.triggers.cron import CronTrigger

                    CronTrigger.from_crontab(cron)
                except (ValueError, TypeError) as e:
                    self.c.problem((*where, "cron"), cron, f"allowed: a crontab line such as '0 7 * * *' (07:00 daily); {e}")
                    return Schedule(interval=dt.timedelta(hours=1))
                return Schedule(cron=cron)
            interval = self.duration(m, "interval", where, None)
            if interval is not None and interval < dt.timedelta(minutes=1):
                self.c.problem((*where, "interval"), m["interval"], "allowed: at least 1m")
                interval = None
            return Schedule(interval=interval or dt.timedelta(hours=1))
        interval = parse_duration(value)
        if interval is None or interval < dt.timedelta(minutes=1):
            self.c.problem(where, value, allowed + " of at least 1m")
            return Schedule(interval=dt.timedelta(hours=1))
        return Schedule(interval=interval)

    # ------------------------------------------------------------ hand-written events
    def events(self, value: Any, tz: ZoneInfo) -> tuple[ManualEvent, ...]:
        if value is None:
            return ()
        if not isinstance(value, list):
            self.c.problem(("events",), value, "allowed: a list of events, each starting with '- title: …'")
            return ()
        out = []
        ids: set[str] = set()
        for i, item in enumerate(value):
            ev = self.event(item, ("events", i), tz)
            if ev is None:
                continue
            if ev.id is not None:
                if ev.id in ids:
                    self.c.problem(("events", i, "id"), ev.id, "allowed: an id not used by another event")
                    continue
                ids.add(ev.id)
            out.append(ev)
        return tuple(out)

    def when(self, m: dict, key: str, where: tuple, tz: ZoneInfo):
        raw = m.get(key)
        parsed = parse_when(raw, tz)
        if parsed is None:
            self.c.problem((*where, key), raw, "allowed: a date and time as people write it, e.g. "
                           "'2023-07-05 09:00', 'July 5 2023 9am', '2023年7月5日上午9时'")
        return parsed

    def event(self, value: Any, where: tuple, tz: ZoneInfo) -> ManualEvent | None:
        keys = ("id", "title", "start", "end", "duration", "all_day", "kind", "description", "url", "categories")
        if not isinstance(value, dict):
            self.c.problem(where, value, "allowed: a mapping with title and start")
            return None
        m = self.mapping(value, where, allowed_keys=keys)
        before = len(self.c.problems)
        title = self.string(m, "title", where, required=True)
        if title is not None and not title.strip():
            self.c.problem((*where, "title"), title, "required: a non-empty title")
        start = end = None
        if "start" not in m:
            self.c.problem((*where, "start"), _MISSING, "required: when it happens, e.g. '2023-07-05 09:00'")
        else:
            got = self.when(m, "start", where, tz)
            if got is not None:
                start, end = got
        if "end" in m and "duration" in m:
            self.c.problem((*where, "duration"), m["duration"], "give end or duration, not both")
        elif "end" in m:
            got = self.when(m, "end", where, tz)
            if got is not None:
                end = got[1] or got[0]
        elif "duration" in m and start is not None:
            length = self.duration(m, "duration", where, None)
            if length is not None:
                if isinstance(start, dt.datetime):
                    end = start + length
                else:
                    days = max(1, round(length / dt.timedelta(days=1)))
                    end = start + dt.timedelta(days=days - 1)
        all_day_default = start is not None and not isinstance(start, dt.datetime)
        all_day = self.boolean(m, "all_day", where, all_day_default)
        if start is not None:
            if all_day and isinstance(start, dt.datetime):
                start = start.date()
                end = end.date() if isinstance(end, dt.datetime) else end
            elif not all_day and not isinstance(start, dt.datetime):
                self.c.problem((*where, "all_day"), False, "a timed event needs a time of day in start")
            if end is not None and isinstance(end, dt.datetime) != isinstance(start, dt.datetime):
                if isinstance(start, dt.datetime):
                    end = dt.datetime.combine(end, dt.time(23, 59), tz)
                else:
                    end = end.date()
            if end is not None and end < start:
                self.c.problem((*where, "end"), m.get("end"), "allowed: an end not before the start")
        kind = self.choice(m, "kind", where, EVENT_KINDS, "event")
        url = self.string(m, "url", where)
        ev_id = self.string(m, "id", where)
        if ev_id is not None and not _ID_RE.match(ev_id):
            self.c.problem((*where, "id"), ev_id, "allowed: letters, digits, '-', '_' and '.', at most 64")
        if len(self.c.problems) > before or title is None or start is None:
            return None
        text = " – ".join(str(m[k]) for k in ("start", "end") if k in m)
        return ManualEvent(
            title=title.strip(), start=start, end=end, all_day=all_day, kind=kind,
            description=self.string(m, "description", where, default=""), url=url,
            categories=self.string_list(m, "categories", where), id=ev_id, text=text,
            line=self.c.line_of(where),
        )

    # ------------------------------------------------------------ overrides
    def overrides(self, value: Any, tz: ZoneInfo, source_ids: set[str]) -> tuple[Override, ...]:
        if value is None:
            return ()
        if not isinstance(value, list):
            self.c.problem(("overrides",), value, "allowed: a list, each item with uid or match and hide or corrections")
            return ()
        out = []
        for i, item in enumerate(value):
            o = self.override(item, ("overrides", i), tz, source_ids)
            if o is not None:
                out.append(o)
        return tuple(out)

    def override(self, value: Any, where: tuple, tz: ZoneInfo, source_ids: set[str]) -> Override | None:
        keys = ("uid", "match", "hide", "title", "start", "end", "all_day", "kind")
        if not isinstance(value, dict):
            self.c.problem(where, value, "allowed: a mapping with uid or match, then hide: true or corrections")
            return None
        m = self.mapping(value, where, allowed_keys=keys)
        before = len(self.c.problems)
        uid = self.string(m, "uid", where)
        match = None
        if ("uid" in m) == ("match" in m):
            self.c.problem(where, {k: m[k] for k in ("uid", "match") if k in m} or _MISSING,
                           "give exactly one of uid (an event's UID) or match (source/title/evidence/date)")
        if "match" in m:
            mw = (*where, "match")
            mm = self.mapping(m["match"], mw, allowed_keys=("source", "title", "evidence", "date"))
            if not mm and m["match"] is not None and isinstance(m["match"], dict):
                self.c.problem(mw, m["match"], "allowed: at least one of source, title, evidence, date")
            source = self.string(mm, "source", mw)
            if source is not None and source not in source_ids and source != MANUAL_SOURCE_ID:
                self.c.problem((*mw, "source"), source, f"allowed: a source id ({', '.join(sorted(source_ids)) or 'none'})")
            day = mm.get("date")
            if day is not None and not isinstance(day, dt.date):
                try:
                    day = dt.date.fromisoformat(str(day))
                except ValueError:
                    self.c.problem((*mw, "date"), day, "allowed: an ISO date such as 2023-07-05")
                    day = None
            elif isinstance(day, dt.datetime):
                day = day.date()
            match = MatchRule(source=source, title=self.string(mm, "title", mw),
                              evidence=self.string(mm, "evidence", mw), date=day)
        hide = self.boolean(m, "hide", where, False)
        start = end = None
        if "start" in m:
            got = self.when(m, "start", where, tz)
            if got:
                start, end = got
        if "end" in m:
            got = self.when(m, "end", where, tz)
            if got:
                end = got[1] or got[0]
        kind = self.choice(m, "kind", where, EVENT_KINDS, None) if "kind" in m else None
        all_day = self.boolean(m, "all_day", where, False) if "all_day" in m else None
        title = self.string(m, "title", where)
        if not hide and title is None and start is None and end is None and kind is None and all_day is None:
            self.c.problem(where, m, "give hide: true, or at least one correction: title, start, end, all_day, kind")
        if len(self.c.problems) > before:
            return None
        return Override(uid=uid, match=match, hide=hide, title=title, start=start, end=end, all_day=all_day,
                        kind=kind, line=self.c.line_of(where))

    # ------------------------------------------------------------ database
    def database(self, value: Any, config_path: Path) -> DatabaseConfig:
        where = ("database",)
        env_url = os.environ.get("CALFEED_DATABASE_URL")
        if isinstance(value, str):
            value = {"url": value}
        m = self.mapping(value, where, allowed_keys=("url", "keep_cancelled"))
        url = self.string(m, "url", where)
        if url is not None and not re.match(r"^(sqlite|postgresql)(\+\w+)?://", url):
            self.c.problem((*where, "url"), url, "allowed: sqlite:///path/to/file.db or postgresql+psycopg://user@host/db")
            url = None
        if url and url.startswith("sqlite") and url not in ("sqlite://", "sqlite:///:memory:"):
            db_path = url.split(":///", 1)[1] if ":///" in url else ""
            if db_path and not os.path.isabs(db_path):
                url = "sqlite:///" + str((config_path.parent / db_path).resolve())
        default = "sqlite:///" + str((config_path.parent / "calfeed.db").resolve())
        return DatabaseConfig(url=env_url or url or default,
                              keep_cancelled=self.duration(m, "keep_cancelled", where, dt.timedelta(days=30)))


# ---------------------------------------------------------------- entry points
def _line_key(problem: str) -> int:
    m = re.search(r":(\d+): ", problem)
    return int(m.group(1)) if m else 0


def config_path(arg: str | os.PathLike | None = None) -> Path:
    """The configuration file: the --config argument, else $CALFEED_CONFIG, else ./events.yaml."""
    return Path(arg or os.environ.get("CALFEED_CONFIG") or DEFAULT_CONFIG).expanduser()


def load_config(path: str | os.PathLike | None = None) -> Config:
    """Read and validate the configuration; raise ConfigError listing every problem."""
    path = config_path(path)
    data, lines = read_yaml(path)
    checker = Checker(path, lines)
    reader = _Reader(checker, path.resolve().parent)
    if data is None:
        data = {}
    if not isinstance(data, dict):
        checker.problem((), data, "allowed: a mapping with calendar, sources, events, overrides, database")
        raise ConfigError(checker.problems)
    for key in data:
        if key not in _KNOWN_TOP and key not in _SECTIONS:
            allowed = ", ".join((*_KNOWN_TOP, *_SECTIONS))
            checker.problem((key,), key, f"unknown section; allowed: {allowed}")
    calendar = reader.calendar(data.get("calendar"))
    sources = reader.sources(data.get("sources"))
    events = reader.events(data.get("events"), calendar.tz)
    raw_ids = {str(s.get("id")) for s in data.get("sources") or [] if isinstance(s, dict) and s.get("id")}
    overrides = reader.overrides(data.get("overrides"), calendar.tz, raw_ids)
    database = reader.database(data.get("database"), path.resolve())
    sections: dict[str, Any] = {}
    for name, validator in _SECTIONS.items():
        if name not in data:
            continue
        value = data[name]
        if validator is not None:
            value = validator(value, checker, name)
        elif value is not None and not isinstance(value, dict | list):
            checker.problem((name,), value, "allowed: a mapping or a list")
        sections[name] = value
    if checker.problems:
        raise ConfigError(sorted(checker.problems, key=_line_key))
    return Config(path=path.resolve(), calendar=calendar, sources=sources, events=events,
                  overrides=overrides, database=database, sections=sections)
