"""The Chinese tagger against the project's phrase corpus (tests/data/timex_zh.tsv), its trap
list (timex_zh_negative.tsv), and invariants that hold for any input."""
from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from calfeed.extract import zh
from calfeed.extract.timex import find_timexes

DATA = Path(__file__).parent.parent / "data"
TZ = ZoneInfo("Asia/Shanghai")
# The corpus is written by a reader, not by the tagger: a few conventions differ (where 上午
# begins, how wide 日前 is).  Below this share the tagger has regressed.
MIN_CORPUS_ACCURACY = 0.76


def rows(name: str) -> list[dict]:
    with open(DATA / name, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def ref_of(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text).replace(tzinfo=TZ)


def day_text(value) -> str | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%dT%H:%M")
    return value.isoformat()


def matches(row: dict, found) -> bool:
    """Some found expression covers the row's text and has its start and end (to the day, or to
    the minute when the row gives a time; durations by their ISO text)."""
    note = row.get("note") or ""
    for t in found:
        if row["text"] not in t.text:
            continue
        if "duration=" in note:
            want = note.split("duration=")[1].split()[0].strip(";,")
            if t.duration == want:
                return True
            continue
        if "set" in note.split() or note.startswith("set"):
            if t.type == "set":
                return True
            continue
        ok = True
        for key, got in (("start", t.start), ("end", t.end)):
            want = row[key] or None
            have = day_text(got)
            if want is None:
                ok &= have is None or key == "start" and t.mod == "deadline"
            elif "T" in want:
                ok &= have is not None and have[:16] == want[:16]
            else:
                ok &= have is not None and have[:10] == want[:10]
        if ok:
            return True
    return False


def test_corpus_accuracy():
    corpus = rows("timex_zh.tsv")
    assert len(corpus) >= 300
    misses = []
    for row in corpus:
        found = zh.tag(row["sentence"], ref_of(row["ref"]))
        if not matches(row, found):
            misses.append(f"{row['sentence']} [{row['text']}] want {row['start']}..{row['end']} got "
                          + "; ".join(f"{t.text}={day_text(t.start)}..{day_text(t.end)}" for t in found))
    accuracy = 1 - len(misses) / len(corpus)
    assert accuracy >= MIN_CORPUS_ACCURACY, f"{accuracy:.1%}\n" + "\n".join(misses[:40])


@pytest.mark.parametrize("row", rows("timex_zh_negative.tsv"), ids=lambda r: r["must_not_tag"])
def test_traps_are_not_dates(row):
    sentence, trap = row["sentence"], row["must_not_tag"]
    at = sentence.index(trap)
    for t in zh.tag(sentence, ref_of("2023-06-22T12:00")):
        inside = t.span[0] <= at and at + len(trap) <= t.span[1]
        assert not inside, f"{trap!r} tagged as {t.text!r} {t.start}..{t.end}"


@pytest.mark.parametrize(
    "sentence, text, start, end",
    [
        ("是日上午10时20分，记者在考点看到。", "是日上午10时20分", "2023-06-21T10:20", "2023-06-21T10:20"),
        ("当前正值端午假期。", "端午假期", "2023-06-22", "2023-06-24"),
        ("到“十四五”期末，产业将显著提升。", "“十四五”期末", "2025-12-31", "2025-12-31"),
        ("成绩预计7月上旬公布。", "7月上旬", "2023-07-01", "2023-07-10"),
        ("阅卷工作从23日开始。", "从23日开始", "2023-06-23", None),
        ("6月21日20时40分许发生爆炸。", "6月21日20时40分许", "2023-06-21T20:40", "2023-06-21T20:40"),
    ],
)
def test_peer_failures_on_the_sample(sentence, text, start, end):
    """What JioNLP gets wrong on the sample page, calfeed gets right (anaphora after 昨日)."""
    found = zh.tag("昨日上午10时30分，考试结束。" + sentence, ref_of("2023-06-22T12:00"))
    hit = [t for t in found if t.text == text]
    assert hit, [t.text for t in found]
    assert day_text(hit[0].start)[:len(start)] == start
    got_end = day_text(hit[0].end)
    assert (got_end if end is None else got_end[:len(end)]) == end


@pytest.mark.parametrize("text", ["2月30日", "2023年13月5日", "6月32日"])
def test_impossible_dates_are_dropped(text):
    found = [t for t in zh.tag(text, ref_of("2023-06-22T12:00")) if t.text == text]
    assert found == []


def test_metaphorical_tomorrow_is_not_a_day():
    assert zh.tag("期待孩子拥有更加灿烂的明天。", ref_of("2023-06-22T12:00")) == []


def test_next_year_notice_uses_that_year():
    text = "关于2024年部分节假日安排的通知。国庆节：10月1日至7日放假调休，共7天。"
    found = {t.text: t for t in zh.tag(text, ref_of("2023-12-25T12:00"))}
    assert found["10月1日至7日"].start == dt.date(2024, 10, 1)
    assert found["10月1日至7日"].end == dt.date(2024, 10, 7)


def test_weekday_confirms_the_year():
    found = zh.tag("9月29日（星期日）上班。", ref_of("2023-12-25T12:00"))
    assert found[0].start == dt.date(2024, 9, 29)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123456789年月日号时点分至到-~前后上下午晚今明昨天周星期一二三四五六七八九十廿初农历春节端午为期个")) | st.characters(),
               max_size=60))
def test_never_raises_and_spans_are_exact(text):
    for t in find_timexes(text, ref_of("2023-06-22T12:00")):
        assert text[t.span[0]:t.span[1]] == t.text
        assert t.type in ("date", "time", "datetime", "range", "duration", "set")
