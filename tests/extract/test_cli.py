"""`calfeed timex` and `calfeed extract` as users and the scorers call them: real processes,
the CONTRACT.md JSON, and bad input answered with one line, never a traceback."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import icalendar
import pytest

SAMPLE = Path(__file__).parents[2] / "calfeed" / "data" / "sample-datong-daily-2023-06-22.txt"


def calfeed(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "calfeed", *args], input=stdin, capture_output=True, timeout=120)


def assert_one_line_error(p: subprocess.CompletedProcess, *words: str) -> None:
    err = p.stderr.decode()
    assert p.returncode == 2, err
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 1, err
    for w in words:
        assert w in err


def test_timex_json_contract():
    p = calfeed("timex", "--ref", "2023-06-22T12:00", "--json", "成绩预计7月上旬公布")
    assert p.returncode == 0, p.stderr
    out = json.loads(p.stdout)
    assert out["ref"] == "2023-06-22T12:00:00+08:00"
    [t] = out["timexes"]
    assert t == {"text": "7月上旬", "span": [4, 8], "type": "date", "start": "2023-07-01", "end": "2023-07-10",
                 "grain": "xun", "approximate": True, "duration": None}


def test_timex_reads_standard_input_in_gbk():
    p = calfeed("timex", "--ref", "2023-06-22T12:00", "--json", "-", stdin="昨日上午10时30分".encode("gbk"))
    assert p.returncode == 0, p.stderr
    [t] = json.loads(p.stdout)["timexes"]
    assert t["start"] == "2023-06-21T10:30:00+08:00"


def test_timex_readable_output_says_which_rule():
    p = calfeed("timex", "--ref", "2023-06-22T12:00", "是日上午10时20分")
    assert p.returncode == 0
    assert "2023-06-22T10:20:00+08:00" in p.stdout.decode() and "anaphora" in p.stdout.decode()


@pytest.mark.parametrize("data", [b"\x00\x01\x02binary\xff", b"\xff\xfe\x00"])
def test_binary_input_is_refused_in_one_line(data):
    assert_one_line_error(calfeed("timex", "--json", "-", stdin=data), "standard input")


def test_bad_reference_is_refused_in_one_line():
    assert_one_line_error(calfeed("timex", "--ref", "yesterday-ish", "6月21日"), "--ref", "yesterday-ish")


def test_empty_text_has_no_expressions():
    p = calfeed("timex", "--ref", "2023-06-22T12:00", "--json", "")
    assert p.returncode == 0 and json.loads(p.stdout)["timexes"] == []


def test_batch_answers_every_line_in_order():
    lines = [
        json.dumps({"id": "a", "text": "6月21日", "ref": "2023-06-22T12:00"}),
        "{not json",
        json.dumps({"id": "c", "text": "明天", "ref": "not a date"}),
        json.dumps({"id": "d", "text": "March 15", "ref": "2024-03-01T12:00", "lang": "en"}),
    ]
    p = calfeed("timex", "--batch", stdin=("\n".join(lines) + "\n").encode())
    assert p.returncode == 0, p.stderr
    rows = [json.loads(x) for x in p.stdout.decode().splitlines()]
    assert [r.get("id") for r in rows] == ["a", None, "c", "d"]
    assert rows[0]["timexes"][0]["start"] == "2023-06-21"
    assert "error" in rows[1] and "error" in rows[2]
    assert rows[3]["timexes"][0]["start"] == "2024-03-15"


def test_extract_json_contract_on_the_sample():
    p = calfeed("extract", str(SAMPLE), "--published", "2023-06-22", "--json")
    assert p.returncode == 0, p.stderr
    out = json.loads(p.stdout)
    assert out["published"] == "2023-06-22"
    meeting = next(e for e in out["events"] if "调度会" in e["title"])
    assert {k: meeting[k] for k in ("start", "end", "all_day", "kind", "approximate", "timex")} == {
        "start": "2023-06-21", "end": "2023-06-21", "all_day": True, "kind": "event", "approximate": False,
        "timex": "6月21日"}
    text = SAMPLE.read_text(encoding="utf-8")
    assert text[meeting["span"][0]:meeting["span"][1]] == "6月21日"


def test_extract_finds_the_publication_date_and_says_how():
    p = calfeed("extract", str(SAMPLE), "--json")
    out = json.loads(p.stdout)
    assert out["published"] == "2023-06-22" and "新华社北京6月22日电" in out["published_how"]


def test_extract_without_any_date_fails_clearly():
    assert_one_line_error(calfeed("extract", "-", stdin="会议将于下周三召开。".encode()), "--published")


def test_extract_no_events_is_an_empty_list(tmp_path):
    doc = tmp_path / "stats.txt"
    doc.write_text("全市共有规模以上企业79家，产值占全省一半以上。", encoding="utf-8")
    p = calfeed("extract", str(doc), "--published", "2023-06-22", "--json")
    assert p.returncode == 0 and json.loads(p.stdout)["events"] == []


@pytest.mark.parametrize("args, words", [
    (["extract", "/no/such/file.txt", "--published", "2023-06-22"], ["/no/such/file.txt", "cannot read"]),
    (["extract", str(SAMPLE), "--published", "2023-02-30"], ["--published", "2023-02-30"]),
    (["extract", str(SAMPLE), "--tz", "Mars/Olympus", "--published", "2023-06-22"], ["--tz", "Mars/Olympus"]),
])
def test_extract_bad_arguments(args, words):
    assert_one_line_error(calfeed(*args), *words)


def test_extract_refuses_a_huge_document(tmp_path):
    big = tmp_path / "big.txt"
    big.write_bytes(b"6\xe6\x9c\x8821\xe6\x97\xa5" * (34 * 1024 * 1024 // 9))
    assert_one_line_error(calfeed("extract", str(big), "--published", "2023-06-22"), "limit")


def test_extract_writes_an_ics_that_icalendar_reads(tmp_path):
    out = tmp_path / "sample.ics"
    p = calfeed("extract", str(SAMPLE), "--published", "2023-06-22", "--ics", str(out))
    assert p.returncode == 0, p.stderr
    cal = icalendar.Calendar.from_ical(out.read_bytes())
    summaries = [str(e["SUMMARY"]) for e in cal.walk("VEVENT")]
    assert any("调度会" in s for s in summaries)
    assert len(summaries) == len(set(summaries))


def test_an_internal_error_is_one_line_unless_debugging(monkeypatch, capsys):
    """A bug in the extractor still answers in one line (exit 70); CALFEED_DEBUG=1 shows the traceback."""
    import calfeed.extract.events
    from calfeed import cli

    def broken(*args, **kwargs):
        raise TypeError("unsupported operand")

    monkeypatch.setattr(calfeed.extract.events, "extract_document", broken)
    assert cli.main(["extract", str(SAMPLE), "--published", "2023-06-22"]) == 70
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "internal error: TypeError: unsupported operand" in err
    monkeypatch.setenv("CALFEED_DEBUG", "1")
    with pytest.raises(TypeError):
        cli.main(["extract", str(SAMPLE), "--published", "2023-06-22"])
