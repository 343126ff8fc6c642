"""The refresh job end to end, on SQLite and PostgreSQL, with a stand-in extractor."""
from __future__ import annotations

import datetime as dt
import sys
import textwrap
from pathlib import Path

import pytest

from calfeed.config import load_config
from calfeed.refresh import Refresher
from calfeed.store import Store

sys.path.insert(0, str(Path(__file__).parent))
import fake_extract  # noqa: E402

T0 = dt.datetime(2023, 6, 22, 4, 0, tzinfo=dt.UTC)


class Clock:
    def __init__(self):
        self.now = T0

    def __call__(self):
        return self.now

    def tick(self, hours=1):
        self.now += dt.timedelta(hours=hours)


def write_config(tmp_path: Path, db_url: str, extra: str = "", review: bool = False) -> Path:
    (tmp_path / "news").mkdir(exist_ok=True)
    p = tmp_path / "events.yaml"
    p.write_text(textwrap.dedent(f"""\
        calendar: {{name: test, timezone: Asia/Shanghai}}
        database: "{db_url}"
        sources:
          - id: news
            type: dir
            path: news
            published: [dateline, mtime]
            categories: [本地]
            review: {str(review).lower()}
          - id: notice
            type: file
            path: notice.txt
            published: 2023-06-22
        events:
          - id: fair
            title: 手工事件
            start: 2023年7月5日上午9时
        """) + extra, encoding="utf-8")
    return p


@pytest.fixture
def env(tmp_path, db_url, monkeypatch):
    monkeypatch.delenv("CALFEED_DATABASE_URL", raising=False)
    (tmp_path / "news").mkdir(exist_ok=True)
    (tmp_path / "news" / "a.txt").write_text(
        "PUBLISHED 2023-06-21\n2023-06-21 15:00 event: 全市重点工程项目调度会\n2023-07-21 deadline: 报名截止\n",
        encoding="utf-8")
    (tmp_path / "news" / "b.md").write_text("PUBLISHED 2023-06-22\n2023-07-08 event: 云冈音乐节\n", encoding="utf-8")
    (tmp_path / "notice.txt").write_bytes("2023-06-30 deadline: 材料提交截止\n".encode("gbk"))
    cfg_path = write_config(tmp_path, db_url)
    clock = Clock()
    store = Store(db_url)
    fake_extract.CALLS.clear()

    def refresh(ids=None, config_path=cfg_path):
        cfg = load_config(config_path)
        return Refresher(cfg, store, extractor=fake_extract.extract_document, clock=clock).run(ids)

    yield tmp_path, store, clock, refresh
    store.close()


def titles(store, **kw):
    return sorted(e.title for e in store.list_events(**kw))


def test_first_refresh_then_unchanged_costs_nothing(env):
    tmp, store, clock, refresh = env
    s = refresh()
    c = s.counts
    assert (c.documents_new, c.documents_changed, c.documents_unchanged) == (3, 0, 0)
    assert c.events_added == 5 and not s.errors  # 4 extracted + 1 hand-written
    assert titles(store) == sorted(["全市重点工程项目调度会", "报名截止", "云冈音乐节", "材料提交截止", "手工事件"])
    ev = store.list_events(source="news")
    assert all(e.categories == ("本地",) for e in ev)
    manual = store.list_events(source="events.yaml")[0]
    assert manual.start == dt.datetime(2023, 7, 5, 9, tzinfo=manual.start.tzinfo) and not manual.all_day
    before = store.list_events()
    stamp = store.last_modified()
    calls = len(fake_extract.CALLS)
    clock.tick()
    s = refresh()
    assert len(fake_extract.CALLS) == calls  # no extraction for unchanged content
    assert (s.counts.documents_unchanged, s.counts.documents_new, s.counts.events_changed) == (3, 0, 0)
    assert store.list_events() == before and store.last_modified() == stamp
    st = {x.id: x for x in store.source_status()}
    assert st["news"].last_success_at == clock.now and st["news"].documents == 2 and st["news"].events == 3


def test_changed_document_keeps_uids(env):
    tmp, store, clock, refresh = env
    refresh()
    uids = {e.title: e.uid for e in store.list_events()}
    clock.tick()
    (tmp / "news" / "a.txt").write_text(
        "PUBLISHED 2023-06-21\n2023-06-21 15:00 event: 张强主持召开全市重点工程项目调度会\n2023-07-28 deadline: 报名截止\n",
        encoding="utf-8")
    s = refresh()
    assert (s.counts.documents_changed, s.counts.documents_unchanged) == (1, 2)
    assert (s.counts.events_added, s.counts.events_updated, s.counts.events_cancelled) == (0, 2, 0)
    after = {e.title: e for e in store.list_events()}
    assert after["张强主持召开全市重点工程项目调度会"].uid == uids["全市重点工程项目调度会"]
    assert after["报名截止"].uid == uids["报名截止"] and after["报名截止"].start == dt.date(2023, 7, 28)
    assert after["报名截止"].sequence == 1 and after["报名截止"].updated == clock.now
    assert after["云冈音乐节"].sequence == 0 and after["云冈音乐节"].updated == T0


def test_removed_event_and_removed_file_are_cancelled(env):
    tmp, store, clock, refresh = env
    refresh()
    clock.tick()
    (tmp / "news" / "a.txt").write_text("PUBLISHED 2023-06-21\n2023-07-21 deadline: 报名截止\n", encoding="utf-8")
    (tmp / "news" / "b.md").unlink()
    s = refresh()
    assert s.counts.events_cancelled == 2 and s.counts.documents_gone == 1
    active = titles(store, statuses=("confirmed", "tentative"), source="news")
    assert active == ["报名截止"]
    cancelled = store.list_events(statuses=("cancelled",))
    assert sorted(e.title for e in cancelled) == ["云冈音乐节", "全市重点工程项目调度会"]
    assert all(e.sequence == 1 and e.updated == clock.now for e in cancelled)
    # the file comes back: same UID, live again
    clock.tick()
    (tmp / "news" / "b.md").write_text("PUBLISHED 2023-06-22\n2023-07-08 event: 云冈音乐节\n", encoding="utf-8")
    refresh()
    fest = [e for e in store.list_events() if e.title == "云冈音乐节"]
    assert len(fest) == 1 and fest[0].status == "confirmed" and fest[0].sequence == 2


def test_failing_source_keeps_last_good_state(env):
    tmp, store, clock, refresh = env
    refresh()
    before = store.list_events(source="notice")
    clock.tick()
    (tmp / "notice.txt").unlink()
    (tmp / "news" / "c.txt").write_text("PUBLISHED 2023-06-23\n2023-08-01 event: 新活动\n", encoding="utf-8")
    s = refresh()
    assert [sid for sid, _ in s.errors] == ["notice"] and "no such file" in s.errors[0][1]
    assert store.list_events(source="notice") == before  # kept, not cancelled
    assert "新活动" in titles(store)  # the other source went on
    st = {x.id: x for x in store.source_status()}
    assert st["notice"].failing and st["notice"].last_error_at == clock.now and "no such file" in st["notice"].last_error
    assert not st["news"].failing


def test_document_without_date_fails_alone(env):
    tmp, store, clock, refresh = env
    (tmp / "news" / "nodate.txt").write_text("2023-09-01 event: 无日期文章\n", encoding="utf-8")
    s = refresh()
    # the rule order [dateline, mtime] falls back to the file time
    assert "无日期文章" in titles(store) and not s.errors


def test_document_level_error_is_recorded(env, tmp_path):
    tmp, store, clock, refresh = env
    cfg = tmp / "events.yaml"
    cfg.write_text(cfg.read_text(encoding="utf-8").replace("[dateline, mtime]", "dateline"), encoding="utf-8")
    (tmp / "news" / "nodate.txt").write_text("2023-09-01 event: 无日期文章\n", encoding="utf-8")
    s = refresh()
    assert s.errors and "nodate.txt" in s.errors[0][1] and "no publication date" in s.errors[0][1]
    assert "云冈音乐节" in titles(store)  # the good documents were stored


def test_overrides_apply_without_reextraction(env):
    tmp, store, clock, refresh = env
    refresh()
    uid = next(e.uid for e in store.list_events() if e.title == "云冈音乐节")
    calls = len(fake_extract.CALLS)
    clock.tick()
    cfg = tmp / "events.yaml"
    cfg.write_text(cfg.read_text(encoding="utf-8") + textwrap.dedent(f"""\
        overrides:
          - uid: {uid}
            title: 2023云冈音乐节
            start: 2023-07-09
          - match: {{source: notice}}
            hide: true
        """), encoding="utf-8")
    s = refresh()
    assert len(fake_extract.CALLS) == calls
    assert s.counts.events_updated == 2
    fixed = store.get_event(uid)
    assert fixed.title == "2023云冈音乐节" and fixed.start == dt.date(2023, 7, 9) and fixed.review == "corrected"
    assert fixed.sequence == 1
    assert store.list_events(source="notice") == [] and store.list_events(source="notice", review=None)


def test_review_sources_hold_events_pending(env, db_url):
    tmp, store, clock, refresh = env
    cfg = write_config(tmp, db_url, review=True)
    refresh(config_path=cfg)
    assert titles(store, source="news") == []
    assert len(store.list_events(source="news", review=("pending",))) == 3


def test_extraction_settings_change_reextracts(env):
    tmp, store, clock, refresh = env
    refresh()
    calls = len(fake_extract.CALLS)
    cfg = tmp / "events.yaml"
    cfg.write_text(cfg.read_text(encoding="utf-8").replace("[本地]", "[本地, 新闻]"), encoding="utf-8")
    clock.tick()
    s = refresh()
    assert len(fake_extract.CALLS) == calls + 2 and s.counts.events_updated == 3
    assert all(e.categories == ("本地", "新闻") for e in store.list_events(source="news"))


def test_single_source_refresh(env):
    tmp, store, clock, refresh = env
    s = refresh(["notice"])
    assert [o.source_id for o in s.sources] == ["notice"]
    assert titles(store, source="news") == []
    assert store.recent_runs(1)[0].sources == 1


def test_source_removed_from_configuration_is_cancelled(env):
    tmp, store, clock, refresh = env
    refresh()
    cfg = tmp / "events.yaml"
    text = cfg.read_text(encoding="utf-8")
    start = text.index("  - id: notice")
    end = text.index("events:")
    cfg.write_text(text[:start] + text[end:], encoding="utf-8")
    clock.tick()
    s = refresh()
    assert s.counts.events_cancelled == 1
    (ev,) = store.list_events(source="notice")
    assert ev.status == "cancelled" and ev.updated == clock.now


def test_renamed_file_keeps_its_events(env):
    tmp, store, clock, refresh = env
    refresh()
    before = {e.title: e.uid for e in store.list_events(source="news")}
    clock.tick()
    (tmp / "news" / "b.md").rename(tmp / "news" / "2023-festival.md")
    s = refresh()
    assert (s.counts.documents_new, s.counts.documents_gone) == (1, 1)
    assert s.counts.events_added == 0 and s.counts.events_cancelled == 0
    after = {e.title: e for e in store.list_events(source="news")}
    assert {t: e.uid for t, e in after.items()} == before
    assert after["云冈音乐节"].sequence == 0  # nothing visible changed
