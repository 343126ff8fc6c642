"""Which characters can begin a match of a regular expression, read from its parse tree.

The tagger's atom pattern is a long alternation; trying all of it at every position is slow.
Knowing each alternative's possible first characters lets it try, at a given character, only
the alternatives that can start there (same order, so the same first match wins).
"""
from __future__ import annotations

import re
from re import _constants as C  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]

ANY = None  # "could start with anything": such an alternative is tried everywhere
_DIGITS = frozenset("0123456789")
_SPACES = frozenset(" \t\n\r\f\v\u3000")


def _first(items, i: int = 0) -> tuple[set[str] | None, bool]:
    """(first characters, nullable) of the subpattern items[i:]."""
    chars: set[str] = set()
    for op, av in list(items)[i:]:
        if op is C.LITERAL:
            chars.add(chr(av))
            return chars, False
        if op is C.IN:
            got = _charset(av)
            if got is None:
                return None, False
            return chars | got, False
        if op in (C.AT, C.ASSERT, C.ASSERT_NOT):
            continue  # zero width
        if op is C.SUBPATTERN:
            sub, nullable = _first(av[-1])
        elif op is C.BRANCH:
            sub, nullable = set(), False
            for alt in av[1]:
                got, n = _first(alt)
                if got is None:
                    return None, False
                sub |= got
                nullable |= n
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
            lo, _hi, body = av
            sub, nullable = _first(body)
            nullable = nullable or lo == 0
        else:
            return None, False
        if sub is None:
            return None, False
        chars |= sub
        if not nullable:
            return chars, False
    return chars, True


def _charset(av) -> set[str] | None:
    out: set[str] = set()
    for op, v in av:
        if op is C.NEGATE:
            return None
        if op is C.LITERAL:
            out.add(chr(v))
        elif op is C.RANGE:
            if v[1] - v[0] > 5000:
                return None
            out.update(chr(c) for c in range(v[0], v[1] + 1))
        elif op is C.CATEGORY and v is C.CATEGORY_DIGIT:
            out |= _DIGITS
        elif op is C.CATEGORY and v is C.CATEGORY_SPACE:
            out |= _SPACES
        else:
            return None
    return out


def by_alternative(alternatives: list[str]) -> list[set[str]]:
    """The first characters of each alternative (raises if one could start anywhere)."""
    out = []
    for pattern in alternatives:
        chars, nullable = _first(_parser.parse(pattern))
        if chars is None or nullable:
            raise ValueError(f"cannot tell how {pattern[:40]!r} begins")
        out.append(chars)
    return out


class Dispatch(dict):
    """character -> the alternation of the alternatives that can begin with it.

    Patterns compile on first use (compiling them all would cost a third of a second at
    import), and characters with the same alternatives share one pattern."""

    def __init__(self, alternatives: list[str], firsts: list[set[str]]):
        super().__init__()
        self._alternatives = alternatives
        self._keys = {c: tuple(i for i, f in enumerate(firsts) if c in f) for c in set().union(*firsts)}
        self._compiled: dict[tuple[int, ...], re.Pattern] = {}

    def __missing__(self, char: str) -> re.Pattern:
        key = self._keys[char]
        pattern = self._compiled.get(key)
        if pattern is None:
            pattern = self._compiled[key] = re.compile("|".join(self._alternatives[i] for i in key))
        self[char] = pattern
        return pattern


def dispatch(alternatives: list[str], firsts: list[set[str]]) -> Dispatch:
    return Dispatch(alternatives, firsts)
