"""The store on SQLite and PostgreSQL: identity, SEQUENCE, cancellation, overrides, queries."""
from __future__ import annotations

import datetime as dt
import re
from zoneinfo import ZoneInfo

from sqlalchemy import text

from calfeed.reconcile import Incoming
from calfeed.records import EventRecord
from calfeed.store import EffectiveRule, Store

TZ = ZoneInfo("Asia/Shanghai")
T0 = dt.datetime(2023, 6, 22, 4, 0, tzinfo=dt.UTC)
T1 = T0 + dt.timedelta(hours=1)
T2 = T0 + dt.timedelta(hours=2)


def meeting(**kw) -> Incoming:
    base = dict(title="全市重点工程项目调度会", start=dt.datetime(2023, 6, 21, 15, 0, tzinfo=TZ), end=None,
                all_day=False, kind="event", evidence="6月21日下午3时，张强主持召开全市重点工程项目调度会。",
                span=(10, 40), timex="6月21日下午3时", categories=("政务",))
    base.update(kw)
    return Incoming(**base)


def deadline(**kw) -> Incoming:
    base = dict(title="抖音挑战赛报名截止", start=dt.date(2023, 7, 21), end=None, all_day=True, kind="deadline",
                evidence="报名截止时间推迟至7月21日。", span=(50, 64), timex="7月21日")
    base.update(kw)
    return Incoming(**base)


def put(store: Store, events, now, *, doc_key="a.txt", review_default="accepted", rules=()):
    with store.write("s") as s:
        doc, _ = store.upsert_document(s, "s", key=doc_key, url=None, title="t", published=dt.date(2023, 6, 22),
                                       published_how="fixed", fetched_at=now, content_hash=str(now),
                                       etag=None, last_modified=None, text_value="x")
        return store.sync_events(s, source_id="s", document_id=doc.id, incoming=events, now=now,
                                 review_default=review_default, rules=rules)


def setup_source(store: Store):
    store.sync_sources([("s", "file", "Sample", "/tmp/a.txt")], T0)


def test_migrate_is_idempotent_and_sqlite_uses_wal(store):
    store.migrate()
    with store.engine.connect() as c:
        assert c.execute(text("SELECT version_num FROM alembic_version")).scalar() == "0001"
        if store.is_sqlite:
            assert c.execute(text("PRAGMA journal_mode")).scalar() == "wal"
    assert store.list_events() == [] and store.last_modified() is None


def test_add_then_unchanged_keeps_bytes(store):
    setup_source(store)
    c = put(store, [meeting(), deadline()], T0)
    assert c.events_added == 2
    events = store.list_events()
    assert [e.title for e in events] == ["全市重点工程项目调度会", "抖音挑战赛报名截止"]
    m = events[0]
    assert isinstance(m, EventRecord)
    assert re.fullmatch(r"[0-9a-f]{32}@calfeed\.local", m.uid)
    assert m.sequence == 0 and m.status == "confirmed" and m.review == "accepted"
    assert m.start == dt.datetime(2023, 6, 21, 15, tzinfo=TZ) and m.start.tzinfo is not None
    assert m.created == T0 and m.updated == T0 and m.source_id == "s" and m.source_name == "Sample"
    assert m.categories == ("政务",) and m.timex == "6月21日下午3时"
    assert events[1].start == dt.date(2023, 7, 21) and events[1].all_day
    assert store.last_modified() == T0
    c = put(store, [deadline(), meeting()], T1)
    assert c.events_changed == 0
    assert store.list_events() == events
    assert store.last_modified() == T0


def test_moved_date_and_better_title_keep_uid_and_bump_sequence(store):
    setup_source(store)
    put(store, [meeting(), deadline()], T0)
    before = {e.kind: e for e in store.list_events()}
    moved = deadline(start=dt.date(2023, 7, 28), evidence="报名截止时间推迟至7月28日。", timex="7月28日")
    better = meeting(title="张强主持召开全市重点工程项目调度会")
    c = put(store, [better, moved], T1)
    assert (c.events_added, c.events_updated, c.events_cancelled) == (0, 2, 0)
    after = {e.kind: e for e in store.list_events()}
    for kind in ("event", "deadline"):
        assert after[kind].uid == before[kind].uid
        assert after[kind].sequence == 1 and after[kind].updated == T1 and after[kind].created == T0
    assert after["deadline"].start == dt.date(2023, 7, 28)
    assert after["event"].title == "张强主持召开全市重点工程项目调度会"
    assert store.last_modified() == T1


def test_gone_event_is_cancelled_then_revived(store):
    setup_source(store)
    put(store, [meeting(), deadline()], T0)
    uid = store.list_events(kind="deadline")[0].uid
    c = put(store, [meeting()], T1)
    assert c.events_cancelled == 1
    gone = store.get_event(uid)
    assert gone.status == "cancelled" and gone.sequence == 1 and gone.updated == T1
    assert [e.title for e in store.list_events(statuses=("confirmed", "tentative"))] == ["全市重点工程项目调度会"]
    assert len(store.list_events()) == 2  # cancelled ones stay visible to feeds
    c = put(store, [meeting(), deadline()], T2)
    assert c.events_updated == 1 and c.events_added == 0
    back = store.get_event(uid)
    assert back.status == "confirmed" and back.sequence == 2


def test_purge_after_grace(store):
    setup_source(store)
    put(store, [meeting(), deadline()], T0)
    put(store, [meeting()], T1)
    assert store.purge(T1 + dt.timedelta(days=29)) == 0
    assert store.purge(T1 + dt.timedelta(days=31)) == 1
    assert len(store.list_events()) == 1
    assert store.last_modified() == T1 + dt.timedelta(days=31)


def test_two_events_of_one_sentence_keep_their_identities(store):
    setup_source(store)
    ev = "报名6月25日开始，7月21日截止。"
    a = Incoming(title="报名开始", start=dt.date(2023, 6, 25), end=None, all_day=True, kind="start", evidence=ev, timex="6月25日")
    b = Incoming(title="报名截止", start=dt.date(2023, 7, 21), end=None, all_day=True, kind="deadline", evidence=ev, timex="7月21日")
    put(store, [a, b], T0)
    uids = {e.kind: e.uid for e in store.list_events()}
    ev2 = "报名6月25日开始，7月23日截止。"
    b2 = Incoming(title="报名截止", start=dt.date(2023, 7, 23), end=None, all_day=True, kind="deadline", evidence=ev2, timex="7月23日")
    a2 = Incoming(title="报名开始", start=dt.date(2023, 6, 25), end=None, all_day=True, kind="start", evidence=ev2, timex="6月25日")
    put(store, [b2, a2], T1)
    after = {e.kind: e for e in store.list_events()}
    assert {k: e.uid for k, e in after.items()} == uids
    assert after["deadline"].start == dt.date(2023, 7, 23)


def test_review_pending_and_set_review(store):
    setup_source(store)
    put(store, [meeting()], T0, review_default="pending")
    assert store.list_events() == []
    (pending,) = store.list_events(review=("pending",))
    accepted = store.set_review(pending.uid, "accepted", now=T1)
    assert accepted.review == "accepted" and store.list_events()[0].uid == pending.uid


def test_overrides_hide_and_correct(store):
    setup_source(store)
    put(store, [meeting(), deadline()], T0)
    uid = store.list_events(kind="event")[0].uid
    hide = EffectiveRule(uid=uid, matches=None, hide=True, title=None, start=None, end=None, all_day=None, kind=None)
    from calfeed.config import MatchRule

    rule = MatchRule(title="挑战赛")
    fix = EffectiveRule(uid=None, matches=rule.matches, hide=False, title="“云动天下”抖音挑战赛报名截止",
                        start=dt.date(2023, 7, 31), end=None, all_day=None, kind=None)
    with store.write() as s:
        assert store.apply_rules(s, [hide, fix], T1, {}) == 2
    assert [e.title for e in store.list_events()] == ["“云动天下”抖音挑战赛报名截止"]
    fixed = store.list_events()[0]
    assert fixed.review == "corrected" and fixed.sequence == 1 and fixed.start == dt.date(2023, 7, 31)
    assert store.get_event(uid).review == "rejected"
    # a re-extraction of the same text keeps the corrections, costs no bump
    c = put(store, [meeting(), deadline()], T2, rules=[hide, fix])
    assert c.events_changed == 0
    # removing the overrides restores the extracted values, again with a bump
    with store.write() as s:
        store.apply_rules(s, [], T2, {})
    ev = {e.kind: e for e in store.list_events()}
    assert ev["deadline"].title == "抖音挑战赛报名截止" and ev["deadline"].sequence == 2
    assert ev["event"].review == "accepted"


def test_queries(store):
    setup_source(store)
    put(store, [meeting(), deadline(), Incoming(title="Summer fair", start=dt.date(2023, 8, 1),
                                                end=dt.date(2023, 8, 3), all_day=True, kind="period",
                                                evidence="The summer fair runs August 1-3.")], T0)
    titles = lambda **kw: [e.title for e in store.list_events(**kw)]  # noqa: E731
    assert titles(kind="deadline") == ["抖音挑战赛报名截止"]
    assert titles(category="政务") == ["全市重点工程项目调度会"]
    assert titles(q="fair") == ["Summer fair"] and titles(q="FAIR") == ["Summer fair"]
    assert titles(q="调度") == ["全市重点工程项目调度会"]
    assert titles(source="s") == titles() and titles(source="other") == []
    # ranges: [start, end) overlap, dates in the calendar zone
    assert titles(start=dt.date(2023, 8, 3), end=dt.date(2023, 8, 4)) == ["Summer fair"]
    assert titles(start=dt.date(2023, 8, 4)) == []
    assert titles(start=dt.date(2023, 7, 21), end=dt.date(2023, 7, 22)) == ["抖音挑战赛报名截止"]
    assert titles(end=dt.date(2023, 6, 21)) == []
    assert titles(start=dt.datetime(2023, 6, 21, 14, tzinfo=TZ), end=dt.datetime(2023, 6, 21, 16, tzinfo=TZ)) == [
        "全市重点工程项目调度会"]
    assert store.get_event("nope@calfeed.local") is None


def test_source_status_and_failures(store):
    setup_source(store)
    put(store, [meeting()], T0)
    store.record_failure("s", "connection refused", T1)
    (st,) = store.source_status()
    assert st.failing and st.last_error == "connection refused" and st.last_error_at == T1
    assert st.documents == 1 and st.events == 1
    store.record_sources_ok(["s"], T2)
    (st,) = store.source_status()
    assert not st.failing and st.last_success_at == T2


def test_concurrent_first_migrations(db_url):
    """Several processes (web workers) opening a fresh database at once: one migrates, none fails."""
    import subprocess
    import sys

    code = "import sys; from calfeed.store import Store; Store(sys.argv[1]).close()"
    procs = [subprocess.Popen([sys.executable, "-c", code, db_url], stderr=subprocess.PIPE, text=True)
             for _ in range(4)]
    results = [(p.wait(timeout=120), p.stderr.read()) for p in procs]
    assert all(rc == 0 for rc, _ in results), [err[-800:] for rc, err in results if rc]
    store = Store(db_url)
    assert store.list_events() == []
    store.close()


def test_changes_within_one_second_move_the_change_stamp(store):
    """The clock is read in whole seconds; a second change in the same second must still move
    last_modified, or web workers keep serving the feed they rendered before it."""
    setup_source(store)
    put(store, [meeting()], T0)
    first = store.last_modified()
    put(store, [meeting(), deadline()], T0)  # another change, same second
    second = store.last_modified()
    assert second > first and second - first < dt.timedelta(seconds=1)
    put(store, [meeting(), deadline()], T1)  # nothing changed: the stamp stays
    assert store.last_modified() == second
