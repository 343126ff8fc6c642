"""The bundled sample through the real extractor: identities survive edits of the page."""
from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from calfeed.config import load_config
from calfeed.refresh import Refresher
from calfeed.store import Store

pytest.importorskip("calfeed.extract.events")

REPO = Path(__file__).parent.parent.parent
T0 = dt.datetime(2023, 6, 22, 4, 0, tzinfo=dt.UTC)


@pytest.fixture
def sample(tmp_path, db_url, monkeypatch):
    monkeypatch.delenv("CALFEED_DATABASE_URL", raising=False)
    (tmp_path / "calfeed" / "data").mkdir(parents=True)
    text_path = tmp_path / "calfeed/data/sample-datong-daily-2023-06-22.txt"
    shutil.copy(REPO / "calfeed/data/sample-datong-daily-2023-06-22.txt", text_path)
    cfg = (REPO / "events.yaml").read_text(encoding="utf-8") + f'\ndatabase: "{db_url}"\n'
    (tmp_path / "events.yaml").write_text(cfg, encoding="utf-8")
    config = load_config(tmp_path / "events.yaml")
    store = Store.from_config(config)
    clock = [T0]

    def refresh():
        return Refresher(config, store, clock=lambda: clock[0]).run()

    yield text_path, store, clock, refresh
    store.close()


def live(store):
    return {e.uid: e for e in store.list_events(statuses=("confirmed", "tentative"), review=None)}


def test_sample_refresh_and_edits(sample):
    text_path, store, clock, refresh = sample
    s = refresh()
    assert not s.errors and s.counts.documents_new == 1 and s.counts.events_added >= 5
    first = live(store)
    titles = {e.title for e in first.values()}
    assert "张强主持召开全市重点工程项目调度会" in titles
    assert any(e.review == "corrected" and e.title == "中考成绩公布" for e in first.values())  # the sample override

    # the page gains an unrelated paragraph: re-extracted, yet not one event changes
    clock[0] += dt.timedelta(hours=1)
    text = text_path.read_text(encoding="utf-8")
    text_path.write_text(text + "\n本报讯 市民反映，近期天气晴好，公园游人增多。\n", encoding="utf-8")
    s = refresh()
    assert s.counts.documents_changed == 1 and s.counts.events_changed == 0
    assert live(store) == first

    # the meeting moves to 6月20日: same UID, SEQUENCE + 1
    clock[0] += dt.timedelta(hours=1)
    meeting = next(e for e in first.values() if e.title == "张强主持召开全市重点工程项目调度会")
    text_path.write_text(text.replace("）6月21日，市委副书记、市长张强", "）6月20日，市委副书记、市长张强"), encoding="utf-8")
    s = refresh()
    moved = store.get_event(meeting.uid)
    assert moved.start == dt.date(2023, 6, 20) and moved.sequence == meeting.sequence + 1
    assert moved.updated == clock[0] and s.counts.events_added == 0

    # the article disappears from the page: its event is cancelled, not deleted
    clock[0] += dt.timedelta(hours=1)
    start = text.index("强化举措 狠抓落实")
    end = text.index("人才强市 汇智大同")
    text_path.write_text(text[:start] + text[end:], encoding="utf-8")
    refresh()
    gone = store.get_event(meeting.uid)
    assert gone.status == "cancelled" and gone.updated == clock[0]
    others = {uid for uid in first if uid != meeting.uid}
    missing = [first[u].title + " | " + first[u].evidence[:60] for u in others - set(live(store))]
    assert not missing, missing
