"""events.yaml: defaults, hand-written dates, and every problem reported at once."""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from calfeed.config import ConfigError, load_config, parse_duration, parse_when
from calfeed.errors import CalfeedError

DATA = Path(__file__).parent.parent / "data" / "config"
REPO = Path(__file__).parent.parent.parent
TZ = ZoneInfo("Asia/Shanghai")


def write(tmp_path: Path, text: str) -> Path:
    p = tmp_path / "events.yaml"
    p.write_text(text, encoding="utf-8")
    return p


def test_bundled_sample_is_valid():
    cfg = load_config(REPO / "events.yaml")
    assert cfg.calendar.name == "大同日报 calfeed sample"
    assert cfg.calendar.timezone == "Asia/Shanghai"
    (src,) = cfg.sources
    assert src.type == "file" and src.path.is_file()
    assert src.path == (REPO / "calfeed/data/sample-datong-daily-2023-06-22.txt").resolve()
    assert src.published.fixed == dt.date(2023, 6, 22)
    assert cfg.events and cfg.overrides
    assert cfg.database.url.startswith("sqlite:///") and cfg.database.url.endswith("calfeed.db")


def test_defaults(tmp_path, monkeypatch):
    monkeypatch.delenv("CALFEED_DATABASE_URL", raising=False)
    cfg = load_config(write(tmp_path, "sources:\n  - {id: a, type: file, path: a.txt}\n"))
    assert cfg.calendar.timezone == "Asia/Shanghai"
    assert cfg.calendar.host == "calfeed.local"
    assert cfg.sources[0].path == tmp_path / "a.txt"
    assert cfg.sources[0].schedule.interval == dt.timedelta(hours=1)
    assert cfg.sources[0].enabled and not cfg.sources[0].review
    assert cfg.database.url == f"sqlite:///{tmp_path / 'calfeed.db'}"


def test_env_database_url_wins(tmp_path, monkeypatch):
    monkeypatch.setenv("CALFEED_DATABASE_URL", "postgresql+psycopg://postgres@127.0.0.1/test")
    cfg = load_config(write(tmp_path, "database: sqlite:///x.db\n"))
    assert cfg.database.url.startswith("postgresql")


def test_every_problem_at_once_with_lines():
    with pytest.raises(ConfigError) as err:
        load_config(DATA / "bad.yaml")
    problems = err.value.problems
    text = str(err.value)
    assert "Traceback" not in text
    expect = [
        (3, "calendar.timezone", "Mars/Olympus"),
        (4, "calendar.base_url", "not-a-url"),
        (7, "sources[0].type", "ftp"),
        (9, "sources[1].url", "nothing"),
        (11, "sources[1].schedule.cron", "99 * * * *"),
        (15, "sources[2].language", "fr"),
        (16, "sources[2].published", "yesterday"),
        (17, "sources[2].enabled", "maybe"),
        (20, "events[0].start", "someday"),
        (21, "events[1].title", "nothing"),
        (23, "overrides[0]", "nothing"),
        (25, "overrides[1].colour", "colour"),
        (26, "database.url", "mysql"),
        (27, "shoes", "shoes"),
    ]
    for line, fieldname, found in expect:
        hits = [p for p in problems if f"bad.yaml:{line}: {fieldname}:" in p and found in p]
        assert hits, f"no problem for line {line} {fieldname}: {problems}"
    assert all("allowed" in p or "required" in p or "give" in p for p in problems), problems


def test_duplicate_source_id_names_first_line(tmp_path):
    p = write(tmp_path, "sources:\n  - {id: a, type: file, path: a}\n  - {id: a, type: file, path: b}\n")
    with pytest.raises(ConfigError, match=r"events.yaml:3: sources\[1\].id: found 'a'.*line 2"):
        load_config(p)


def test_yaml_syntax_error_is_one_line(tmp_path):
    p = write(tmp_path, "calendar:\n  name: [unclosed\n")
    with pytest.raises(ConfigError, match=r"events.yaml:\d+: not valid YAML"):
        load_config(p)


def test_missing_file(tmp_path):
    with pytest.raises(CalfeedError, match="no such configuration file"):
        load_config(tmp_path / "nope.yaml")


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("2023-07-05 09:00", dt.datetime(2023, 7, 5, 9, 0, tzinfo=TZ), None),
        ("2023-07-05", dt.date(2023, 7, 5), None),
        ("July 5 2023 9am", dt.datetime(2023, 7, 5, 9, 0, tzinfo=TZ), None),
        ("July 5, 2023", dt.date(2023, 7, 5), None),
        ("2023年7月5日上午9时", dt.datetime(2023, 7, 5, 9, 0, tzinfo=TZ), None),
        ("2023年7月5日下午3点30分", dt.datetime(2023, 7, 5, 15, 30, tzinfo=TZ), None),
        ("2023年7月5日", dt.date(2023, 7, 5), None),
    ],
)
def test_parse_when(text, start, end):
    got = parse_when(text, TZ)
    assert got is not None
    assert got[0] == start and type(got[0]) is type(start)


def test_parse_duration():
    assert parse_duration("30m") == dt.timedelta(minutes=30)
    assert parse_duration("1d 6h") == dt.timedelta(hours=30)
    assert parse_duration("2 days") == dt.timedelta(days=2)
    assert parse_duration("soon") is None
    assert parse_duration(0) is None


def test_manual_events(tmp_path):
    cfg = load_config(write(tmp_path, """
events:
  - title: 开幕式
    start: 2023年7月5日上午9时
    duration: 2h
  - title: Deadline
    start: July 14 2023
    kind: deadline
  - title: 展览
    start: 2023-07-01
    end: 2023-07-10
"""))
    a, b, c = cfg.events
    assert a.start == dt.datetime(2023, 7, 5, 9, tzinfo=TZ) and a.end == dt.datetime(2023, 7, 5, 11, tzinfo=TZ)
    assert not a.all_day
    assert b.all_day and b.start == dt.date(2023, 7, 14) and b.kind == "deadline"
    assert c.all_day and c.end == dt.date(2023, 7, 10)


def test_sections_for_other_issues(tmp_path, monkeypatch):
    from calfeed import config as config_mod

    monkeypatch.setattr(config_mod, "_SECTIONS", dict(config_mod._SECTIONS))

    def validate(value, checker, name):
        if not isinstance(value, dict) or "slug" not in value:
            checker.problem((name,), value, "allowed: a mapping with slug")
            return None
        return ("parsed", value["slug"])

    config_mod.register_section("later", validate)
    config_mod.register_section("raw")
    cfg = load_config(write(tmp_path, "later: {slug: all}\nraw: {title: x}\n"))
    assert cfg.sections["later"] == ("parsed", "all")
    assert cfg.sections["raw"] == {"title": "x"}
    with pytest.raises(ConfigError, match=r"events.yaml:1: later: found 'oops'; allowed: a mapping with slug"):
        load_config(write(tmp_path, "later: oops\n"))


def test_overrides(tmp_path):
    cfg = load_config(write(tmp_path, """
sources: [{id: s, type: file, path: a.txt}]
overrides:
  - uid: abc@calfeed.local
    hide: true
  - match: {source: s, title: 调度会, date: 2023-06-21}
    title: 全市重点工程项目调度会
    start: 2023-06-21 15:00
"""))
    hide, fix = cfg.overrides
    assert hide.hide and hide.uid == "abc@calfeed.local"
    assert fix.match.source == "s" and fix.match.date == dt.date(2023, 6, 21)
    assert fix.start == dt.datetime(2023, 6, 21, 15, tzinfo=TZ)
    assert fix.applies(uid="x", source_id="s", title="张强主持召开调度会", evidence="", start=dt.date(2023, 6, 21))
    assert not fix.applies(uid="x", source_id="t", title="调度会", evidence="", start=dt.date(2023, 6, 21))
