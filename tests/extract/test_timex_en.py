"""English temporal tagger: the phrase corpus tests/data/timex_en.tsv, not-a-date traps, span invariants."""
from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from calfeed.extract import en

DATA = Path(__file__).resolve().parent.parent / "data"
REF = dt.datetime(2023, 6, 22, 12, 0, tzinfo=ZoneInfo("Asia/Shanghai"))



def _value(text: str) -> dt.date | dt.datetime | None:
    if text == "null":
        return None
    if "T" in text:
        return dt.datetime.fromisoformat(text)
    return dt.date.fromisoformat(text)


def _corpus() -> list:
    rows = []
    with open(DATA / "timex_en.tsv", encoding="utf-8", newline="") as f:
        lines = [line for line in f if not line.startswith("#")]
    reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE, escapechar="\\")
    for n, row in enumerate(reader, 1):
        extra = dict(kv.split("=", 1) for kv in (row["extra"] or "").split() if "=" in kv)
        marks = [pytest.mark.xfail(reason=extra["xfail"], strict=True)] if "xfail" in extra else []
        ident = f"{n:03d}-{row['timex'] if row['timex'] != '-' else 'none'}"
        rows.append(pytest.param(row, extra, id=ident, marks=marks))
    return rows


CORPUS = _corpus()


def test_corpus_is_large_enough():
    assert len(CORPUS) >= 200


@pytest.mark.parametrize(("row", "extra"), CORPUS)
def test_corpus(row, extra):
    ref = dt.datetime.fromisoformat(row["ref"])
    found = en.tag(row["text"], ref, date_order=extra.get("order", "MDY"))
    shown = [(t.text, str(t.start), str(t.end)) for t in found]
    if row["timex"] == "-":
        assert found == [], shown
        return
    hits = [t for t in found if t.text == row["timex"]]
    assert hits, f"{row['timex']!r} not found in {shown}"
    t = hits[0]
    assert row["text"][t.span[0]:t.span[1]] == t.text
    assert (t.start, t.end) == (_value(row["start"]), _value(row["end"])), shown
    assert t.grain == row["grain"]
    assert t.approximate == (row["approximate"] == "true")
    if "mod" in extra:
        assert t.mod == extra["mod"]
    if "type" in extra:
        assert t.type == extra["type"]
    if "duration" in extra:
        assert t.duration == extra["duration"]
    if "rrule" in extra:
        assert t.rrule == extra["rrule"]


NOT_DATES = [
    "2/3 of the members voted for it.",
    "The motion needs a 2/3 majority.",
    "More than 2000 people attended.",
    "They paid $2,000 for it.",
    "Prices rose 3.5% on average.",
    "The hotel has 1045 rooms.",
    "a 15 years old boy",
    "The 15-year-old student won.",
    "Call 555-123-4567 for tickets.",
    "Install version v2.3.1 now.",
    "Python 3.11 is out.",
    "The value was 12.5 points.",
    "Meet me in Room 302.",
    "We build a brighter tomorrow.",
    "This is the world of tomorrow.",
    "You may go now.",
    "Troops march on the capital.",
    "Sun is hot and the cat Sat down.",
    "The shop is open 24/7.",
    "In 2000 cases the court agreed.",
    "June Carter sang.",
    "May I help you?",
    "The Daily Telegraph reported it.",
    "Daily life is hard.",
    "The ratio is 16/9.",
    "He won 12-10.",
]


@pytest.mark.parametrize("text", NOT_DATES, ids=NOT_DATES)
def test_not_a_date(text):
    assert en.tag(text, REF) == []


def test_spans_point_into_text():
    text = (DATA / "en_news_sample.txt").read_text(encoding="utf-8")
    found = en.tag(text, REF)
    assert len(found) > 20
    last = -1
    for t in found:
        assert text[t.span[0]:t.span[1]] == t.text
        assert t.span[0] >= last, "results overlap or are out of order"
        last = t.span[1]
        assert t.text == t.text.strip()
        if t.start is not None and t.end is not None:
            assert t.start <= t.end
        for v in (t.start, t.end):
            if isinstance(v, dt.datetime):
                assert v.tzinfo is not None


def test_no_words_returns_quickly():
    assert en.tag("", REF) == []
    assert en.tag("The cat sat on the mat, as cats do.", REF) == []


def test_a_count_word_after_a_blank_line_does_not_undo_the_date():
    """"27 students" is a count, but "January 27" at a row's end followed by a paragraph that
    begins "Students may …" is a date: the count check never looks past a blank line."""
    ref = dt.datetime(2025, 1, 8, 12, 0, tzinfo=ZoneInfo("America/Chicago"))
    found = en.tag("Last day to drop .......... Monday, January 27\n\nStudents may not exceed 18 hours.", ref)
    assert [(t.text, t.start) for t in found][:1] == [("Monday, January 27", dt.date(2025, 1, 27))]
    assert [t.text for t in en.tag("We enrolled 27 students in May.", REF)] == ["May"]
