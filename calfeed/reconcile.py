"""Event identity across re-extractions: which new event is which stored one.

Pure functions, no database.  A stored event keeps its UID when a changed document yields an
event that is recognisably the same happening: the same external key (a hand-written event's
id, a JSON-LD event's @id/url), or the same title/evidence/time expression with a close date.
Pairs are taken greedily, best first, so two events of one sentence do not trade identities.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Protocol

from calfeed.extract.types import Event, iso

Point = dt.date | dt.datetime

MIN_SCORE = 0.5
MAX_DAYS_APART = 366


@dataclass(frozen=True)
class Incoming:
    """An event about to be stored: what the extractor (or the config, or JSON-LD) said."""

    title: str
    start: Point
    end: Point | None
    all_day: bool
    kind: str
    approximate: bool = False
    evidence: str = ""
    span: tuple[int, int] = (0, 0)
    timex: str = ""
    rrule: str | None = None
    description: str = ""
    url: str | None = None
    categories: tuple[str, ...] = field(default=())
    ext_key: str | None = None

    @property
    def start_text(self) -> str:
        return iso(self.start) or ""

    @property
    def end_text(self) -> str | None:
        return iso(self.end)

    @classmethod
    def from_event(cls, ev: Event, *, categories: Sequence[str] = (), url: str | None = None,
                   ext_key: str | None = None, description: str = "") -> Incoming:
        return cls(title=ev.title, start=ev.start, end=ev.end, all_day=ev.all_day, kind=ev.kind,
                   approximate=ev.approximate, evidence=ev.evidence, span=tuple(ev.span), timex=ev.timex,
                   rrule=ev.rrule, description=description, url=url, categories=tuple(categories),
                   ext_key=ext_key)


class Stored(Protocol):
    """What matching needs of a stored event (EventRow has these attributes)."""

    x_title: str
    x_start_text: str
    x_end_text: str | None
    x_kind: str
    evidence: str
    timex: str
    ext_key: str | None
    status: str


def _day(text: str) -> dt.date:
    return dt.date.fromisoformat(text[:10])


def _similar(a: str, b: str) -> float:
    if a == b:
        return 1.0
    if not a or not b:
        return 0.0
    m = SequenceMatcher(None, a, b, autojunk=False)
    if m.real_quick_ratio() < 0.3 or m.quick_ratio() < 0.3:
        return m.quick_ratio() * 0.5
    return m.ratio()


def score(old: Stored, new: Incoming) -> float | None:
    """How surely `new` is the same happening as `old` (0..1), or None when it is not."""
    if old.ext_key or new.ext_key:
        return 1.0 if old.ext_key == new.ext_key else None
    days = abs((_day(old.x_start_text) - _day(new.start_text)).days)
    if days > MAX_DAYS_APART:
        return None
    title = _similar(old.x_title, new.title)
    evidence = _similar(old.evidence, new.evidence)
    if title < 0.5 and evidence < 0.6:
        return None
    same_timex = 1.0 if old.timex and old.timex == new.timex else 0.0
    close = max(0.0, 1.0 - days / 60)
    total = 0.45 * title + 0.35 * evidence + 0.1 * same_timex + 0.1 * close
    if old.x_kind == new.kind:
        total += 0.02
    if old.status != "cancelled":
        total += 0.01
    return total if total >= MIN_SCORE else None


def _exact_key(title: str, start: str, end: str | None, kind: str, evidence: str) -> tuple:
    return (title, start, end, kind, evidence)


def match(existing: Sequence[Stored], incoming: Sequence[Incoming]) -> tuple[list[tuple[Stored, Incoming]], list[Incoming], list[Stored]]:
    """Pair stored events with incoming ones.

    Returns (pairs, new, gone): `pairs` keep their UID (maybe with changes), `new` need a UID,
    `gone` were not seen again.
    """
    pairs: list[tuple[Stored, Incoming]] = []
    left_old = list(existing)
    left_new = list(incoming)
    # 1. identical events (the common case of a re-fetched page): no fuzzy work at all
    by_key: dict[tuple, list[Stored]] = {}
    for old in left_old:
        key = (old.ext_key,) if old.ext_key else _exact_key(old.x_title, old.x_start_text, old.x_end_text, old.x_kind, old.evidence)
        by_key.setdefault(key, []).append(old)
    rest_new: list[Incoming] = []
    taken: set[int] = set()
    for new in left_new:
        key = (new.ext_key,) if new.ext_key else _exact_key(new.title, new.start_text, new.end_text, new.kind, new.evidence)
        bucket = by_key.get(key)
        if bucket:
            old = min(bucket, key=lambda o: o.status == "cancelled")  # prefer a live one
            bucket.remove(old)
            taken.add(id(old))
            pairs.append((old, new))
        else:
            rest_new.append(new)
    rest_old = [o for o in left_old if id(o) not in taken]
    # 2. fuzzy: best pairs first
    scored: list[tuple[float, int, int]] = []
    for i, old in enumerate(rest_old):
        for j, new in enumerate(rest_new):
            s = score(old, new)
            if s is not None:
                scored.append((s, i, j))
    scored.sort(key=lambda t: (-t[0], t[1], t[2]))
    used_old: set[int] = set()
    used_new: set[int] = set()
    for _, i, j in scored:
        if i in used_old or j in used_new:
            continue
        used_old.add(i)
        used_new.add(j)
        pairs.append((rest_old[i], rest_new[j]))
    new = [n for j, n in enumerate(rest_new) if j not in used_new]
    gone = [o for i, o in enumerate(rest_old) if i not in used_old]
    return pairs, new, gone
