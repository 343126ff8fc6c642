"""Well-formedness checks for the hand-written test data in tests/data/.

The data was written by a careful human reader, independently of the tagger and the
extractor; this module only checks that it is well-formed and that the calendar facts it
rests on (real dates, weekdays, lunar dates, official holiday spans) are right.  It never
runs calfeed itself.

Conventions of ``timex_zh.tsv`` (columns: sentence, ref, text, start, end, grain,
approximate, note):

* ``text`` is the exact substring of ``sentence`` that is the time expression.  Range,
  open-start and deadline markers that are part of the phrase (从/自/起/开始/至/到/截至/截止/
  前/之前/以前/为止) and approximation suffixes (许/左右/前后) are included; a tagger that
  returns a slightly wider or narrower span around the same expression is still right.
* ``start``/``end``: ``YYYY-MM-DD`` (end inclusive) or ``YYYY-MM-DDTHH:MM`` (end = end
  instant; equal to start for a moment); empty = open side.  Durations and sets have both
  empty.
* ``note`` is free text with some machine-readable tokens: ``duration=<ISO 8601>``,
  ``set`` + ``rrule=<RRULE>``, ``mod=deadline|start|as_of``, ``lunar=YYYY-MM-DD`` (the
  lunar date the row rests on), ``solar_term``, ``ambiguous``.
* Part-of-day words (上午 08-12, 下午 12-18, 晚上 18-23:59, 凌晨 00-06, 傍晚 17-19), seasons
  (spring Mar-May …), 暑假 (Jul-Aug), 寒假 (Jan-Feb), 日前/近日 (ref-7..ref-1) and 近期
  (ref-30..ref-1 or ref..ref+30) have conventional bounds and are marked approximate.

The gold documents in ``gold/`` follow /work/shared/eval/README.md; ``doc:`` is relative to
the gold file's folder (``../docs/<id>.txt``).  The shared scorer resolves ``doc:`` against
the gold folder's parent instead, so score them with ``--docs``::

    python ../shared/eval/score_events.py tests/data/gold/*.yaml --docs tests/data/docs -v
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"
TIMEX = DATA / "timex_zh.tsv"
NEGATIVE = DATA / "timex_zh_negative.tsv"
GOLD = DATA / "gold"

TIMEX_COLUMNS = ["sentence", "ref", "text", "start", "end", "grain", "approximate", "note"]
NEGATIVE_COLUMNS = ["sentence", "must_not_tag", "note"]
GRAINS = {"year", "season", "quarter", "month", "xun", "week", "day", "hour", "minute"}
KINDS = {"event", "deadline", "start", "period", "announcement"}
WEEKDAYS = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6}
DURATION_RE = re.compile(
    r"^P(?!$)(\d+(\.\d+)?Y)?(\d+(\.\d+)?M)?(\d+(\.\d+)?W)?(\d+(\.\d+)?D)?"
    r"(T(?=\d)(\d+(\.\d+)?H)?(\d+(\.\d+)?M)?(\d+(\.\d+)?S)?)?$"
)
DAY_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
MINUTE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$")


def read_tsv(path: Path, columns: list[str]) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        lines = f.read().split("\n")
    assert lines[0].split("\t") == columns, f"{path.name}: bad header {lines[0]!r}"
    rows = []
    for number, line in enumerate(lines[1:], start=2):
        if not line:
            continue
        cells = line.split("\t")
        assert len(cells) == len(columns), f"{path.name}:{number}: {len(cells)} columns"
        rows.append(dict(zip(columns, cells, strict=True), line=str(number)))
    return rows


def parse_value(value: str) -> dt.date | dt.datetime:
    if DAY_RE.match(value):
        return dt.date.fromisoformat(value)
    assert MINUTE_RE.match(value), f"bad value {value!r}"
    return dt.datetime.fromisoformat(value)


def as_date(value: dt.date | dt.datetime) -> dt.date:
    return value.date() if isinstance(value, dt.datetime) else value


TIMEX_ROWS = read_tsv(TIMEX, TIMEX_COLUMNS)
NEGATIVE_ROWS = read_tsv(NEGATIVE, NEGATIVE_COLUMNS)


def test_sizes() -> None:
    assert len(TIMEX_ROWS) >= 300
    assert len(NEGATIVE_ROWS) >= 60
    assert len(list(GOLD.glob("*.yaml"))) >= 6


def test_no_duplicate_rows() -> None:
    keys = [(r["sentence"], r["ref"], r["text"]) for r in TIMEX_ROWS]
    assert len(keys) == len(set(keys))


@pytest.mark.parametrize("row", TIMEX_ROWS, ids=lambda r: f"line{r['line']}")
def test_timex_row(row: dict[str, str]) -> None:
    assert row["text"] and row["text"] in row["sentence"]
    assert row["text"] == row["text"].strip()
    ref = dt.datetime.strptime(row["ref"], "%Y-%m-%dT%H:%M")
    assert 1990 <= ref.year <= 2030
    assert row["grain"] in GRAINS
    assert row["approximate"] in {"true", "false"}
    note = row["note"]
    start = parse_value(row["start"]) if row["start"] else None
    end = parse_value(row["end"]) if row["end"] else None
    if start and end:
        assert type(start) is type(end), "start and end must share a precision"
        assert start <= end
    duration = re.search(r"duration=(\S+)", note)
    if duration:
        assert DURATION_RE.match(duration.group(1)), duration.group(1)
        assert start is None and end is None
    if "rrule=" in note:
        from dateutil.rrule import rrulestr

        assert re.search(r"(^|\s)set(\s|$)", note)
        rule = re.search(r"rrule=(\S+)", note).group(1)
        rrulestr(rule, dtstart=ref)  # raises on a malformed rule
        assert start is None and end is None
    if not duration and "rrule=" not in note:
        assert start or end, "a date or time needs at least one bound"
    if isinstance(start, dt.datetime):
        assert row["grain"] in {"hour", "minute"}


def weekday_marks(text: str) -> list[int]:
    return [WEEKDAYS[m] for m in re.findall(r"(?:星期|周)([一二三四五六日天])", text)]


@pytest.mark.parametrize(
    "row",
    [r for r in TIMEX_ROWS if re.search(r"[日号][（(\s]*(?:星期|周)", r["text"])],
    ids=lambda r: f"line{r['line']}",
)
def test_weekday_confirmation(row: dict[str, str]) -> None:
    marks = weekday_marks(row["text"])
    start = as_date(parse_value(row["start"]))
    assert start.weekday() == marks[0], f"{start} is not weekday {marks[0]}"
    if len(marks) > 1:
        assert as_date(parse_value(row["end"])).weekday() == marks[-1]


@pytest.mark.parametrize(
    "row", [r for r in TIMEX_ROWS if "lunar=" in r["note"]], ids=lambda r: f"line{r['line']}"
)
def test_lunar_dates(row: dict[str, str]) -> None:
    lunardate = pytest.importorskip("lunardate")
    y, m, d = map(int, re.search(r"lunar=(\d{4})-(\d{2})-(\d{2})", row["note"]).groups())
    solar = lunardate.LunarDate(y, m, d).to_solar_date()
    assert as_date(parse_value(row["start"])) == solar


@pytest.mark.parametrize(
    "row",
    [r for r in TIMEX_ROWS if "solar_term" in r["note"]],
    ids=lambda r: f"line{r['line']}",
)
def test_solar_terms(row: dict[str, str]) -> None:
    chinese_calendar = pytest.importorskip("chinese_calendar")
    start = as_date(parse_value(row["start"]))
    terms = chinese_calendar.get_solar_terms(start, start)
    assert terms and terms[0][1].startswith(row["text"][:2])


def holiday_rows() -> list[dict[str, str]]:
    return [r for r in TIMEX_ROWS if re.search(r"假期|放假|黄金周", r["text"])]


@pytest.mark.parametrize("row", holiday_rows(), ids=lambda r: f"line{r['line']}")
def test_official_holiday_spans(row: dict[str, str]) -> None:
    """A 假期 span is a maximal run of days off in the State Council schedule."""
    chinese_calendar = pytest.importorskip("chinese_calendar")
    start = as_date(parse_value(row["start"]))
    end = as_date(parse_value(row["end"]))
    day = start
    while day <= end:
        assert chinese_calendar.is_holiday(day), f"{day} is a working day"
        day += dt.timedelta(days=1)
    assert chinese_calendar.is_workday(start - dt.timedelta(days=1))
    assert chinese_calendar.is_workday(end + dt.timedelta(days=1))


@pytest.mark.parametrize("row", NEGATIVE_ROWS, ids=lambda r: f"line{r['line']}")
def test_negative_row(row: dict[str, str]) -> None:
    assert row["must_not_tag"] and row["must_not_tag"] in row["sentence"]
    assert row["note"]


# --- gold documents for the event extractor -------------------------------------------

GOLD_FILES = sorted(GOLD.glob("*.yaml"))


def load_gold(path: Path) -> dict:
    yaml = pytest.importorskip("yaml")
    with path.open(encoding="utf-8") as f:
        return yaml.safe_load(f)


def as_day(value: object) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.stem)
def test_gold_document(path: Path) -> None:
    gold = load_gold(path)
    assert gold["id"] == path.stem
    assert gold["lang"] in {"zh", "en"}
    assert isinstance(gold["published"], dt.date)
    doc = (path.parent / gold["doc"]).resolve()
    assert doc.is_file(), doc
    # score_events.py --docs tests/data/docs looks documents up as <id>.txt
    assert doc.stem == gold["id"] and doc.parent.name == "docs"
    text = doc.read_text(encoding="utf-8")
    assert 300 <= len(text) <= 2000, f"{doc.name}: {len(text)} characters"
    flat = squeeze(text)
    ids = set()
    for event in gold["events"] or []:
        assert event["id"] not in ids
        ids.add(event["id"])
        assert squeeze(event["match"]) in flat, event["match"]
        if event.get("title_has"):
            assert squeeze(event["title_has"]) in flat
        assert event["kind"] in KINDS
        assert isinstance(event["required"], bool)
        start, end = as_day(event["start"]), as_day(event.get("end"))
        assert start is not None
        if end is not None:
            assert start <= end
        if event.get("time") is not None:
            assert re.match(r"^\d{2}:\d{2}$", str(event["time"]))
            dt.time.fromisoformat(str(event["time"]))
        for key in ("tolerance_days", "start_tolerance_days", "end_tolerance_days"):
            if key in event:
                assert isinstance(event[key], int) and event[key] >= 0
        if "approximate" in event:
            assert isinstance(event["approximate"], bool)
    for trap in gold.get("not_events") or []:
        assert squeeze(str(trap["match"])) in flat, trap["match"]
        assert trap["why"]
