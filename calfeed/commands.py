"""The service subcommands: refresh, check, status, worker, serve.

`add_service_commands(sub)` declares them on the CLI's subparsers; the work lives in refresh.py,
worker.py and store.py — these functions only load, call and print.
"""
from __future__ import annotations

import argparse
import datetime as dt
import logging
import sys

from calfeed.config import config_path, load_config
from calfeed.errors import CalfeedError


def _config_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument("--config", metavar="FILE",
                   help="the configuration (default: $CALFEED_CONFIG, else ./events.yaml)")


def add_service_commands(sub) -> None:
    p = sub.add_parser("refresh", help="fetch the sources now and update the stored events")
    _config_arg(p)
    p.add_argument("--source", action="append", metavar="ID", help="only this source (repeatable)")
    p.add_argument("--quiet", action="store_true", help="no progress bar, summary only")
    p.set_defaults(func=cmd_refresh)

    p = sub.add_parser("check", help="validate the configuration and try each source")
    _config_arg(p)
    p.add_argument("--no-fetch", action="store_true", help="validate only; do not fetch the sources")
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("status", help="sources, their last success or failure, and the last refreshes")
    _config_arg(p)
    p.set_defaults(func=cmd_status)

    p = sub.add_parser("worker", help="run the scheduler (exactly one per database)")
    _config_arg(p)
    p.add_argument("--no-initial-refresh", action="store_true", help="wait for each job's first scheduled time")
    p.set_defaults(func=cmd_worker)

    p = sub.add_parser("serve", help="web app (waitress) and scheduler in one process")
    _config_arg(p)
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    p.add_argument("--threads", type=int, default=8, help="web worker threads (default 8)")
    p.set_defaults(func=cmd_serve)


def _when(value: dt.datetime | None, tz) -> str:
    return value.astimezone(tz).strftime("%Y-%m-%d %H:%M:%S") if value else "never"


class _Bar:
    """A one-line progress bar on standard error, when it is a terminal."""

    def __init__(self, enabled: bool):
        self.enabled = enabled and sys.stderr.isatty()

    def __call__(self, done: int, total: int, current: str) -> None:
        if not self.enabled or total == 0:
            return
        width = 30
        filled = width * done // total
        line = f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} {current[:40]:<40}"
        sys.stderr.write(line)
        if done == total:
            sys.stderr.write("\r" + " " * len(line) + "\r")
        sys.stderr.flush()


def _logging() -> None:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    logging.getLogger("apscheduler").setLevel(logging.WARNING)
    logging.getLogger("trafilatura").setLevel(logging.ERROR)
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("alembic").setLevel(logging.WARNING)


def cmd_refresh(args: argparse.Namespace) -> int:
    from calfeed.refresh import Refresher
    from calfeed.store import Store

    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    logging.getLogger("trafilatura").setLevel(logging.ERROR)
    config = load_config(args.config)
    store = Store.from_config(config)
    try:
        summary = Refresher(config, store, progress=_Bar(not args.quiet)).run(args.source)
    finally:
        store.close()
    print(summary.describe())
    return 1 if summary.errors else 0


def cmd_check(args: argparse.Namespace) -> int:
    import calfeed.web.settings  # noqa: F401  - registers the feeds section's validator, so check covers it
    from calfeed.sources import fetch_source
    from calfeed.store import make_engine, safe_url

    config = load_config(args.config)
    tz = config.calendar.tz
    print(f"{config.path}: valid")
    print(f"  calendar {config.calendar.name!r}, time zone {config.calendar.timezone}, UIDs @{config.calendar.host}")
    print(f"  {len(config.sources)} sources, {len(config.events)} hand-written events, "
          f"{len(config.overrides)} overrides")
    problems = 0
    from sqlalchemy import text

    from calfeed.store import database_url

    url = database_url(config)
    try:
        engine = make_engine(url)
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
        engine.dispose()
        print(f"  database {safe_url(url)}: reachable")
    except Exception as e:  # noqa: BLE001
        problems += 1
        print(f"  database {safe_url(url)}: FAILED: {getattr(e, 'orig', None) or e}")
    if args.no_fetch:
        return 1 if problems else 0
    for source in config.sources:
        label = f"  {source.id} ({source.type} {source.location})"
        if not source.enabled:
            print(f"{label}: disabled")
            continue
        try:
            result = fetch_source(source, tz=tz)
        except CalfeedError as e:
            problems += 1
            print(f"{label}: FAILED: {e}")
            continue
        size = sum(len(d.text) for d in result.documents)
        events = sum(len(d.exact_events) for d in result.documents)
        line = f"{label}: ok, {len(result.documents)} documents, {size:,} characters"
        if events:
            line += f", {events} schema.org events"
        print(line)
        for key, msg in result.failed.items():
            problems += 1
            print(f"    {key}: FAILED: {msg}")
    return 1 if problems else 0


def cmd_status(args: argparse.Namespace) -> int:
    from calfeed.store import Store, safe_url
    from calfeed.worker import SchedulerLock

    config = load_config(args.config)
    store = Store.from_config(config)
    tz = config.calendar.tz
    try:
        configured = {s.id: s for s in config.sources}
        print(f"database {safe_url(store.url)}; events last changed {_when(store.last_modified(), tz)}")
        running = SchedulerLock(store, config.path).held_elsewhere()
        print(f"scheduler: {'running (worker or serve holds the lock)' if running else 'not running'}")
        failing = 0
        for st in store.source_status():
            if st.id not in configured and st.type != "manual":
                note = " (no longer in the configuration)"
            elif st.id in configured and not configured[st.id].enabled:
                note = " (disabled)"
            else:
                note = ""
            print(f"{st.id}{note}: {st.documents} documents, {st.events} events; "
                  f"last success {_when(st.last_success_at, tz)}")
            if st.last_error:
                failing += 1
                print(f"    FAILING since {_when(st.last_error_at, tz)}: {st.last_error}")
        for sid in configured:
            if sid not in {s.id for s in store.source_status()}:
                print(f"{sid}: never refreshed")
        runs = store.recent_runs(5)
        if runs:
            print("last refreshes:")
        for r in runs:
            print(f"  {_when(r.started_at, tz)} {r.trigger:<6} {r.sources} sources: documents {r.documents_new} new/"
                  f"{r.documents_changed} changed/{r.documents_unchanged} unchanged; events {r.events_added} added/"
                  f"{r.events_updated} updated/{r.events_cancelled} cancelled; {r.errors} errors")
        return 1 if failing else 0
    finally:
        store.close()


def cmd_worker(args: argparse.Namespace) -> int:
    from calfeed.worker import run_worker

    _logging()
    return run_worker(config_path(args.config), refresh_at_start=not args.no_initial_refresh)


def cmd_serve(args: argparse.Namespace) -> int:
    from calfeed.worker import run_serve

    _logging()
    return run_serve(config_path(args.config), host=args.host, port=args.port, threads=args.threads)


