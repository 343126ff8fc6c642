"""Identity matching alone (no database): which new event is which stored one."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from calfeed.reconcile import Incoming, match


@dataclass
class Old:
    x_title: str
    x_start_text: str
    evidence: str
    timex: str = ""
    x_end_text: str | None = None
    x_kind: str = "event"
    ext_key: str | None = None
    status: str = "confirmed"


def new(title, day, evidence, kind="event", timex="", ext_key=None):
    return Incoming(title=title, start=dt.date.fromisoformat(day), end=None, all_day=True, kind=kind,
                    evidence=evidence, timex=timex, ext_key=ext_key)


def test_identical_pairs_without_fuzzy_work():
    olds = [Old("调度会", "2023-06-21", "6月21日召开调度会。"), Old("音乐节", "2023-07-08", "7月8日音乐节开幕。")]
    pairs, added, gone = match(olds, [new("音乐节", "2023-07-08", "7月8日音乐节开幕。"), new("调度会", "2023-06-21", "6月21日召开调度会。")])
    assert {(o.x_title, n.title) for o, n in pairs} == {("调度会", "调度会"), ("音乐节", "音乐节")}
    assert not added and not gone


def test_moved_date_and_better_title_match():
    olds = [Old("调度会", "2023-06-21", "6月21日，张强主持召开全市重点工程项目调度会。", "6月21日")]
    pairs, added, gone = match(olds, [new("张强主持召开全市重点工程项目调度会", "2023-06-20",
                                          "6月20日，张强主持召开全市重点工程项目调度会。", timex="6月20日")])
    assert len(pairs) == 1 and not added and not gone


def test_unrelated_event_is_new_and_old_is_gone():
    olds = [Old("调度会", "2023-06-21", "6月21日召开调度会。")]
    pairs, added, gone = match(olds, [new("端午假期", "2023-06-22", "端午假期6月22日至24日。")])
    assert not pairs and len(added) == 1 and len(gone) == 1


def test_far_dates_do_not_match():
    olds = [Old("年会", "2022-01-10", "年会召开。")]
    pairs, added, gone = match(olds, [new("年会", "2024-01-10", "年会召开。")])
    assert not pairs


def test_external_keys_decide():
    olds = [Old("Town Hall", "2023-07-05", "x", ext_key="jsonld:a"), Old("Town Hall", "2023-07-05", "x", ext_key="jsonld:b")]
    pairs, added, gone = match(olds, [new("Town Hall (moved)", "2023-07-06", "y", ext_key="jsonld:b")])
    assert [o.ext_key for o, _ in pairs] == ["jsonld:b"] and [o.ext_key for o in gone] == ["jsonld:a"]


def test_same_sentence_two_events_do_not_swap():
    ev1, ev2 = "报名6月25日开始，7月21日截止。", "报名6月25日开始，7月23日截止。"
    olds = [Old("报名开始", "2023-06-25", ev1, "6月25日", x_kind="start"),
            Old("报名截止", "2023-07-21", ev1, "7月21日", x_kind="deadline")]
    pairs, _, _ = match(olds, [new("报名截止", "2023-07-23", ev2, "deadline", "7月23日"),
                               new("报名开始", "2023-06-25", ev2, "start", "6月25日")])
    assert {(o.x_kind, n.kind) for o, n in pairs} == {("start", "start"), ("deadline", "deadline")}
