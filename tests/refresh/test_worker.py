"""The scheduler process: one per database, jobs from the configuration, CLI commands."""
from __future__ import annotations

import datetime as dt
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import pytest

from calfeed.cli import main
from calfeed.config import load_config
from calfeed.store import Store
from calfeed.worker import Scheduler, SchedulerLock

REPO = Path(__file__).parent.parent.parent
CALFEED = [sys.executable, "-m", "calfeed"]


def sample(tmp_path: Path, db_url: str | None = None, extra_sources: str = "") -> Path:
    """The bundled sample configuration, copied with its text, optionally on another database."""
    (tmp_path / "calfeed" / "data").mkdir(parents=True)
    shutil.copy(REPO / "calfeed/data/sample-datong-daily-2023-06-22.txt", tmp_path / "calfeed/data/")
    text = (REPO / "events.yaml").read_text(encoding="utf-8")
    if extra_sources:
        text = text.replace("\nevents:", "\n" + extra_sources.rstrip("\n") + "\nevents:", 1)
    if db_url:
        text += f'\ndatabase: "{db_url}"\n'
    (tmp_path / "events.yaml").write_text(text, encoding="utf-8")
    return tmp_path / "events.yaml"


def test_lock_admits_one_scheduler(tmp_path, db_url):
    cfg = tmp_path / "events.yaml"
    a, b = Store(db_url), Store(db_url)
    first, second = SchedulerLock(a, cfg), SchedulerLock(b, cfg)
    assert first.acquire()
    assert not second.acquire()
    assert second.held_elsewhere()
    first.release()
    assert second.acquire()
    second.release()
    a.close()
    b.close()


def test_jobs_from_configuration(tmp_path, monkeypatch):
    monkeypatch.delenv("CALFEED_DATABASE_URL", raising=False)
    cfg = sample(tmp_path, extra_sources=(
        '  - {id: morning, type: file, path: calfeed/data/sample-datong-daily-2023-06-22.txt, schedule: {cron: "0 7 * * *"}}\n'
        "  - {id: paused, type: file, path: x.txt, enabled: false}\n"))
    store = Store.from_config(load_config(cfg))
    sched = Scheduler(cfg, store)
    sched.add_jobs(run_now=False)
    sched.scheduler.start(paused=True)
    jobs = {j.id: j for j in sched.scheduler.get_jobs()}
    assert set(jobs) == {"housekeeping", "source:datong-daily-2023-06-22", "source:morning"}
    for job in jobs.values():
        assert job.coalesce and job.max_instances == 1 and job.misfire_grace_time >= 60
    assert "interval[1:00:00]" in str(jobs["source:datong-daily-2023-06-22"].trigger)
    assert "hour='7'" in str(jobs["source:morning"].trigger)
    sched.scheduler.shutdown(wait=False)
    store.close()


def test_create_app_never_starts_a_scheduler(tmp_path, monkeypatch):
    monkeypatch.delenv("CALFEED_DATABASE_URL", raising=False)
    from calfeed.web import create_app

    cfg = sample(tmp_path)
    before = {t.name for t in threading.enumerate()}
    create_app(load_config(cfg))
    after = {t.name for t in threading.enumerate()}
    assert not any("APScheduler" in n for n in after - before)


def test_cli_refresh_check_status(tmp_path, monkeypatch, capsys):
    monkeypatch.delenv("CALFEED_DATABASE_URL", raising=False)
    cfg = sample(tmp_path)
    assert main(["check", "--config", str(cfg)]) == 0
    out = capsys.readouterr().out
    assert "valid" in out and "datong-daily-2023-06-22" in out and "ok, 1 documents" in out
    assert main(["refresh", "--config", str(cfg), "--quiet"]) == 0
    out = capsys.readouterr().out
    assert "documents: 1 new, 0 changed, 0 unchanged" in out and "errors: 0" in out
    assert (tmp_path / "calfeed.db").exists()  # beside the configuration
    monkeypatch.setenv("CALFEED_CONFIG", str(cfg))
    assert main(["refresh", "--source", "datong-daily-2023-06-22"]) == 0
    assert "0 new, 0 changed, 1 unchanged" in capsys.readouterr().out
    assert main(["status"]) == 0
    out = capsys.readouterr().out
    assert "datong-daily-2023-06-22: 1 documents" in out and "scheduler: not running" in out


def test_cli_reports_a_failing_source(tmp_path, monkeypatch, capsys):
    monkeypatch.delenv("CALFEED_DATABASE_URL", raising=False)
    cfg = sample(tmp_path, extra_sources="  - {id: broken, type: file, path: missing.txt}\n")
    assert main(["check", "--config", str(cfg)]) == 1
    assert "broken (file" in capsys.readouterr().out
    assert main(["refresh", "--config", str(cfg), "--quiet"]) == 1
    out = capsys.readouterr().out
    assert "errors: 1" in out and "broken: " in out and "no such file" in out
    assert main(["status", "--config", str(cfg)]) == 1
    assert "FAILING since" in capsys.readouterr().out


def test_cli_bad_config_lists_problems(tmp_path, capsys):
    (tmp_path / "events.yaml").write_text("calendar: {timezone: Nowhere}\nsources: [{id: x, type: ftp}]\n")
    assert main(["check", "--config", str(tmp_path / "events.yaml")]) == 2
    err = capsys.readouterr().err
    assert "events.yaml:1: calendar.timezone" in err and "events.yaml:2: sources[0].type" in err
    assert "Traceback" not in err


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait(predicate, timeout=30.0, what="condition"):
    deadline = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.1)


def test_serve_refreshes_at_start_and_a_second_worker_exits(tmp_path, db_url):
    cfg = sample(tmp_path, db_url)
    port = _free_port()
    env = {**os.environ, "CALFEED_CONFIG": str(cfg)}
    env.pop("CALFEED_DATABASE_URL", None)
    run_dir = tmp_path / "run"  # not tmp_path: its calfeed/data folder would shadow the package
    run_dir.mkdir()
    serve = subprocess.Popen([*CALFEED, "serve", "--port", str(port)], env=env, cwd=run_dir,
                             stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        store = Store(db_url)

        def page_ok():
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2) as r:
                    return r.status == 200
            except OSError:
                return False

        _wait(page_ok, what="the web page")
        _wait(lambda: len(store.list_events()) >= 3, what="the refresh at start")
        second = subprocess.run([*CALFEED, "worker"], env=env, cwd=run_dir, capture_output=True, text=True,
                                timeout=60)
        assert second.returncode == 2
        assert "already running the scheduler" in second.stderr
        store.close()
    finally:
        serve.send_signal(signal.SIGTERM)
        out = serve.communicate(timeout=30)[0]
    assert serve.returncode == 0, out
    # the lock is free again
    worker = subprocess.Popen([*CALFEED, "worker", "--no-initial-refresh"], env=env, cwd=run_dir,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        assert "calfeed worker:" in worker.stdout.readline()
    finally:
        worker.send_signal(signal.SIGTERM)
        worker.communicate(timeout=30)
    assert worker.returncode == 0


@pytest.mark.parametrize("when", [dt.timedelta(minutes=30), dt.timedelta(hours=6)])
def test_misfire_grace_is_half_the_interval_within_bounds(when):
    from calfeed.config import Schedule, SourceConfig
    from calfeed.worker import misfire_grace

    grace = misfire_grace(SourceConfig(id="x", type="file", schedule=Schedule(interval=when)))
    assert grace == min(3600, max(60, when.total_seconds() / 2))


def test_reload_rebuilds_jobs_and_keeps_them_on_a_broken_file(tmp_path, monkeypatch):
    monkeypatch.delenv("CALFEED_DATABASE_URL", raising=False)
    cfg = sample(tmp_path)
    store = Store.from_config(load_config(cfg))
    sched = Scheduler(cfg, store)
    sched.add_jobs(run_now=False)
    sched.scheduler.start(paused=True)
    try:
        text = cfg.read_text(encoding="utf-8")
        cfg.write_text(text.replace("schedule: 1h", "schedule: {cron: '0 7 * * *'}"), encoding="utf-8")
        sched.reload()
        job = sched.scheduler.get_job("source:datong-daily-2023-06-22")
        assert "hour='7'" in str(job.trigger)
        cfg.write_text("sources: [{id: x, type: ftp}]\n", encoding="utf-8")
        sched.reload()  # refused: the running jobs stay
        assert sched.scheduler.get_job("source:datong-daily-2023-06-22") is not None
    finally:
        sched.scheduler.shutdown(wait=False)
        store.close()
