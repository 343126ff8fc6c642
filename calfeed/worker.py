"""The one scheduler process: `calfeed worker`, and `calfeed serve` (web + scheduler).

APScheduler 3.x cannot share jobs between processes, so exactly one scheduler runs, guarded by
a lock: a file lock beside the SQLite database, or a PostgreSQL session advisory lock.  A second
worker is told so and exits.  Jobs are derived from the configuration at start and on SIGHUP:
one per source (its interval or cron), plus an hourly housekeeping job (hand-written events,
overrides, purge of long-cancelled events).  Every job coalesces missed runs, runs at most one
instance at a time, and tolerates a late start (misfire grace).  The scheduler is never started
by `calfeed.web.create_app()`.
"""
from __future__ import annotations

import datetime as dt
import logging
import signal
import threading
from pathlib import Path

from calfeed.config import Config, load_config
from calfeed.errors import CalfeedError
from calfeed.store import Store, safe_url

log = logging.getLogger("calfeed.worker")

HOUSEKEEPING_EVERY = dt.timedelta(hours=1)
_PG_LOCK_KEY = 0x6361_6C66_6565_64  # "calfeed"


class SchedulerLock:
    """At most one scheduler per database."""

    def __init__(self, store: Store, config_path: Path):
        self.store = store
        self.config_path = config_path
        self._file_lock = None
        self._conn = None
        self.where = ""

    def acquire(self) -> bool:
        if self.store.is_postgres:
            from sqlalchemy import text

            conn = self.store.engine.connect()
            got = conn.execute(text("SELECT pg_try_advisory_lock(:k)"), {"k": _PG_LOCK_KEY}).scalar()
            conn.commit()
            self.where = f"advisory lock {_PG_LOCK_KEY} on {safe_url(self.store.url)}"
            if not got:
                conn.close()
                return False
            self._conn = conn  # the lock lives as long as this session
            return True
        from filelock import FileLock, Timeout

        db_path = self.store.url.split(":///", 1)[1] if ":///" in self.store.url else ""
        path = Path(db_path + ".scheduler.lock") if db_path and db_path != ":memory:" else \
            self.config_path.with_suffix(".scheduler.lock")
        self.where = str(path)
        lock = FileLock(str(path))
        try:
            lock.acquire(timeout=0)
        except Timeout:
            return False
        self._file_lock = lock
        return True

    def release(self) -> None:
        if self._conn is not None:
            from sqlalchemy import text

            try:
                self._conn.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": _PG_LOCK_KEY})
                self._conn.commit()
            finally:
                self._conn.close()
                self._conn = None
        if self._file_lock is not None:
            self._file_lock.release()
            self._file_lock = None

    def held_elsewhere(self) -> bool:
        """True when another process holds the lock (for `calfeed status`)."""
        if self.acquire():
            self.release()
            return False
        return True


def misfire_grace(source) -> int:
    """Seconds a late run may still start: half the interval, at least a minute, at most an hour."""
    if source.schedule.interval is not None:
        return int(min(3600, max(60, source.schedule.interval.total_seconds() / 2)))
    return 600


class Scheduler:
    """The refresh jobs of one configuration on an APScheduler 3.11 scheduler."""

    def __init__(self, config_path: Path, store: Store, *, trigger: str = "worker"):
        self.config_path = config_path
        self.store = store
        self.trigger = trigger
        self.config: Config = load_config(config_path)
        from apscheduler.executors.pool import ThreadPoolExecutor
        from apscheduler.schedulers.background import BackgroundScheduler as cls

        workers = 1 if store.is_sqlite else 4  # SQLite has one writer anyway
        self.scheduler = cls(timezone=self.config.calendar.tz,
                             executors={"default": ThreadPoolExecutor(max_workers=workers)},
                             job_defaults={"coalesce": True, "max_instances": 1})
        self._lock = threading.Lock()

    # ------------------------------------------------------------ jobs
    def refresh_source(self, source_id: str) -> None:
        from calfeed.refresh import Refresher

        try:
            with self._lock:
                config = self.config
            summary = Refresher(config, self.store, trigger=self.trigger).run([source_id], housekeeping=False)
            c = summary.counts
            if summary.errors:
                log.warning("refresh %s failed: %s", source_id, summary.errors[0][1])
            elif c.documents_new or c.documents_changed or c.events_changed:
                log.info("refresh %s: %d new, %d changed documents; %d added, %d updated, %d cancelled events",
                         source_id, c.documents_new, c.documents_changed, c.events_added, c.events_updated,
                         c.events_cancelled)
        except Exception:  # noqa: BLE001 - a job must not kill the scheduler
            log.exception("refresh of %s crashed", source_id)

    def housekeeping(self) -> None:
        from calfeed.refresh import Refresher

        try:
            with self._lock:
                config = self.config
            Refresher(config, self.store, trigger=self.trigger).run([], housekeeping=True)
        except Exception:  # noqa: BLE001
            log.exception("housekeeping crashed")

    def add_jobs(self, *, run_now: bool) -> None:
        from apscheduler.triggers.cron import CronTrigger
        from apscheduler.triggers.interval import IntervalTrigger

        tz = self.config.calendar.tz
        now = dt.datetime.now(tz)
        self.scheduler.add_job(self.housekeeping, IntervalTrigger(seconds=HOUSEKEEPING_EVERY.total_seconds(), timezone=tz),
                               id="housekeeping", name="hand-written events, overrides, purge",
                               coalesce=True, max_instances=1, misfire_grace_time=600, replace_existing=True,
                               **({"next_run_time": now} if run_now else {}))
        for i, source in enumerate(s for s in self.config.sources if s.enabled):
            if source.schedule.cron:
                trig = CronTrigger.from_crontab(source.schedule.cron, timezone=tz)
            else:
                trig = IntervalTrigger(seconds=source.schedule.interval.total_seconds(), timezone=tz)
            extra = {"next_run_time": now + dt.timedelta(milliseconds=200 * (i + 1))} if run_now else {}
            self.scheduler.add_job(self.refresh_source, trig, args=[source.id], id=f"source:{source.id}",
                                   name=f"refresh {source.id} ({source.schedule.describe()})",
                                   coalesce=True, max_instances=1, misfire_grace_time=misfire_grace(source),
                                   replace_existing=True, **extra)

    def reload(self) -> None:
        """Re-read the configuration and rebuild the jobs (SIGHUP); a broken file keeps the old jobs."""
        try:
            config = load_config(self.config_path)
        except CalfeedError as e:
            log.error("reload refused, keeping the running configuration:\n%s", e)
            return
        with self._lock:
            self.config = config
        for job in self.scheduler.get_jobs():
            job.remove()
        self.add_jobs(run_now=True)
        log.info("configuration reloaded: %d jobs", len(self.scheduler.get_jobs()))

    def describe_jobs(self) -> list[str]:
        return [f"{job.id}: {job.trigger}" for job in self.scheduler.get_jobs()]


def _lock_or_exit(store: Store, config_path: Path) -> SchedulerLock:
    lock = SchedulerLock(store, config_path)
    if not lock.acquire():
        raise CalfeedError(f"another calfeed worker or serve is already running the scheduler ({lock.where}); "
                           "exactly one may run per database")
    return lock


def run_worker(config_path: Path, *, refresh_at_start: bool = True) -> int:
    """`calfeed worker`: the scheduler alone, until SIGINT/SIGTERM."""
    config = load_config(config_path)
    store = Store.from_config(config)
    lock = _lock_or_exit(store, config_path)
    sched = Scheduler(config_path, store)
    sched.add_jobs(run_now=refresh_at_start)
    stopping = threading.Event()
    _install_signals(sched, stopping)
    try:
        sched.scheduler.start()
        log.info("calfeed worker: %d jobs, lock %s", len(sched.scheduler.get_jobs()), lock.where)
        print(f"calfeed worker: {len(sched.config.sources)} sources, database {safe_url(store.url)}; "
              f"lock {lock.where}", flush=True)
        while not stopping.wait(1.0):  # the signal only sets the event: nothing is interrupted mid-step
            pass
    finally:
        _stop(sched, lock, store)
    return 0


def _stop(sched: Scheduler, lock, store: Store) -> None:
    """Stop the scheduler, release the one-scheduler lock, close the database."""
    if sched.scheduler.running:
        sched.scheduler.shutdown(wait=False)
    lock.release()
    store.close()


def run_serve(config_path: Path, *, host: str = "127.0.0.1", port: int = 8000, threads: int = 8) -> int:
    """`calfeed serve`: waitress serving the web app, and the scheduler, in one process."""
    import waitress

    from calfeed.web import create_app

    config = load_config(config_path)
    store = Store.from_config(config)
    lock = _lock_or_exit(store, config_path)
    sched = Scheduler(config_path, store, trigger="serve")
    try:
        app = create_app(config, store=store)
        sched.add_jobs(run_now=True)
        sched.scheduler.start()
        _install_signals(sched)
        print(f"calfeed serve: http://{host}:{port}/ — {len(config.sources)} sources, "
              f"database {safe_url(store.url)}", flush=True)
        waitress.serve(app, host=host, port=port, threads=threads, ident="calfeed")
    except (KeyboardInterrupt, SystemExit):
        pass
    finally:
        _stop(sched, lock, store)
    return 0


def _install_signals(sched: Scheduler, stopping: threading.Event | None = None) -> None:
    """SIGTERM (and, for the worker, SIGINT) stops: the worker's main loop is told through
    `stopping`; `serve`, whose main thread is inside waitress, leaves it by SystemExit.  SIGHUP
    reloads the configuration."""
    if threading.current_thread() is not threading.main_thread():
        return

    def stop(signum, frame):
        if stopping is None:
            raise SystemExit(0)
        stopping.set()

    signal.signal(signal.SIGTERM, stop)
    if stopping is not None:
        signal.signal(signal.SIGINT, stop)
    if hasattr(signal, "SIGHUP"):
        signal.signal(signal.SIGHUP, lambda signum, frame: threading.Thread(target=sched.reload, daemon=True).start())
