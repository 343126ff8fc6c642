"""kill -9 in the middle of a refresh: each source holds its previous state or its new one, never a mix."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from sqlalchemy import select

from calfeed.config import load_config
from calfeed.models import DocumentRow, EventRow
from calfeed.refresh import Refresher
from calfeed.store import Store

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))
import fake_extract  # noqa: E402

N_DOCS = 120
CHILD = textwrap.dedent("""
    import sys, time
    sys.path.insert(0, {here!r})
    import fake_extract
    from calfeed.config import load_config
    from calfeed.refresh import Refresher
    from calfeed.store import Store

    original = Store.sync_events
    announced = False

    def slow_sync(self, *args, **kwargs):
        global announced
        if not announced:
            announced = True
            print("IN-TRANSACTION", flush=True)
        time.sleep(0.004)
        return original(self, *args, **kwargs)

    Store.sync_events = slow_sync
    cfg = load_config({config!r})
    store = Store(cfg.database.url)
    Refresher(cfg, store, extractor=fake_extract.extract_document).run()
    print("DONE", flush=True)
""")


def write_docs(root: Path, version: int) -> None:
    for src in ("one", "two"):
        d = root / src
        d.mkdir(exist_ok=True)
        for i in range(N_DOCS):
            day = 1 + (i + version) % 28
            (d / f"doc{i:03d}.txt").write_text(
                f"PUBLISHED 2023-06-22\n2023-07-{day:02d} event: 活动{i}-v{version}\n"
                f"2023-08-{day:02d} deadline: 截止{i}-v{version}\n", encoding="utf-8")


def state_of(store: Store, source: str) -> set[str]:
    """Which versions the source's documents and live events are in."""
    with store.read() as s:
        texts = s.scalars(select(DocumentRow.text).where(DocumentRow.source_id == source)).all()
        titles = s.scalars(select(EventRow.title).where(EventRow.source_id == source,
                                                        EventRow.status != "cancelled")).all()
    versions = {t.split("-v")[1].split("\n")[0] for t in texts} | {t.split("-v")[1] for t in titles}
    assert len(texts) == N_DOCS and len(titles) == 2 * N_DOCS, (len(texts), len(titles))
    return versions


def test_kill_9_mid_refresh_leaves_old_or_new_never_a_mix(tmp_path, db_url):
    (tmp_path / "events.yaml").write_text(textwrap.dedent(f"""\
        calendar: {{name: kill test}}
        database: "{db_url}"
        sources:
          - {{id: one, type: dir, path: one, published: dateline}}
          - {{id: two, type: dir, path: two, published: dateline}}
        """), encoding="utf-8")
    cfg = load_config(tmp_path / "events.yaml")
    store = Store(db_url)
    write_docs(tmp_path, 1)
    Refresher(cfg, store, extractor=fake_extract.extract_document).run()
    assert state_of(store, "one") == {"1"} and state_of(store, "two") == {"1"}
    uids_before = {e.title.split("-v")[0]: e.uid for e in store.list_events()}
    write_docs(tmp_path, 2)

    env = {**os.environ, "CALFEED_DATABASE_URL": db_url}
    env.pop("CALFEED_CONFIG", None)
    script = CHILD.format(here=str(HERE), config=str(tmp_path / "events.yaml"))
    watcher = Store(db_url)  # another process's view of the database
    # 1st kill: inside source one's transaction; 2nd: after one committed, inside two's
    for expect in ({"one": {"1"}, "two": {"1"}}, {"one": {"2"}, "two": {"1"}}):
        child = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE,
                                 stderr=subprocess.PIPE, text=True, env=env)
        assert child.stdout.readline().strip() == "IN-TRANSACTION"
        if expect["one"] == {"2"}:
            deadline = time.monotonic() + 30
            while state_of(watcher, "one") != {"2"}:
                assert time.monotonic() < deadline, "source one never committed"
                time.sleep(0.02)
        time.sleep(0.15)
        assert child.poll() is None, "the refresh finished before it could be killed"
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
        assert child.returncode == -signal.SIGKILL
        fresh = Store(db_url)  # a new process would open it like this
        for src in ("one", "two"):
            assert state_of(fresh, src) == expect[src], f"{src}: {state_of(fresh, src)}"
        fresh.close()
    watcher.close()
    # start again: everything reaches the new state, with the old UIDs
    Refresher(cfg, store, extractor=fake_extract.extract_document).run()
    assert state_of(store, "one") == {"2"} and state_of(store, "two") == {"2"}
    after = {e.title.split("-v")[0]: e for e in store.list_events()}
    assert {k: e.uid for k, e in after.items()} == uids_before
    assert len(store.list_events(statuses=("cancelled",))) == 0
    store.close()
