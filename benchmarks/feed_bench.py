"""Feed benchmarks: generation time and HTTP throughput.

    .venv/bin/python benchmarks/feed_bench.py [--events 10000] [--http-events 1000] [--duration 10] [--skip-http]

1. Generation of a 10,000-event feed: the first build ever (every VEVENT serialized by icalendar),
   a cold feed in a new process whose blocks come from the on-disk block cache, and a cold feed
   in a process whose block cache is warm (what a request after a refresh costs).
2. HTTP with wrk (2 threads, 16 connections) against gunicorn with 2 workers, 1,000-event feed:
   full answers and 304s for calfeed's create_app() and, in the same run, a bare Flask app
   returning the same cached bytes.  Both servers run at once and the wrk runs alternate between
   them (--rounds, median reported), so load from elsewhere on the machine hits both alike.
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))

from bench_apps import records  # noqa: E402

from calfeed.ical import AlarmSpec, BlockCache, CalendarSettings, FeedBuilder  # noqa: E402

CONFIG = """calendar:
  name: calfeed benchmark
  timezone: Asia/Shanghai
  refresh_interval: 6h
sources: []
web:
  block_cache: "%s"
"""


def generation(n: int) -> dict[str, float]:
    import datetime as dt

    recs = records(n)
    settings = CalendarSettings(name="bench", alarms=(AlarmSpec(dt.timedelta(days=1), ("deadline",)),
                                                     AlarmSpec(dt.timedelta(hours=1), ("deadline",))))
    out = {}
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "blocks.sqlite")
        t = time.perf_counter()
        body = FeedBuilder(settings, BlockCache(path)).build(recs)
        out["first build ever (icalendar serializes every event)"] = time.perf_counter() - t
        # a new process: empty memory, blocks on disk (what a worker start or restart sees)
        code = (f"import sys,time; sys.path[:0]={[str(HERE), str(ROOT)]!r}\n"
                "from bench_apps import records\n"
                "from calfeed.ical import *\nimport datetime as dt\n"
                f"recs=records({n})\n"
                "s=CalendarSettings(name='bench', alarms=(AlarmSpec(dt.timedelta(days=1),('deadline',)),"
                "AlarmSpec(dt.timedelta(hours=1),('deadline',))))\n"
                f"t=time.perf_counter(); b=FeedBuilder(s, BlockCache({path!r})).build(recs); "
                "print(time.perf_counter()-t, len(b))\n")
        res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
        secs, size = res.stdout.split()
        assert int(size) == len(body)
        out["cold feed, new process, blocks from the disk cache"] = float(secs)
        cache = BlockCache()
        FeedBuilder(settings, cache).build(recs)
        t = time.perf_counter()
        again = FeedBuilder(settings, cache).build(recs)
        out["cold feed, blocks cached in memory"] = time.perf_counter() - t
        assert again == body
    out["_bytes"] = len(body)
    return out


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_up(url: str, timeout: float = 30) -> tuple[bytes, str]:
    deadline = time.time() + timeout
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as r:
                return r.read(), r.headers["ETag"]
        except OSError:
            if time.time() > deadline:
                raise
            time.sleep(0.2)


def wrk(url: str, duration: int, header: str | None = None) -> float:
    cmd = ["wrk", "-t2", "-c16", f"-d{duration}s", "--latency"]
    if header:
        cmd += ["-H", header]
    out = subprocess.run(cmd + [url], capture_output=True, text=True, check=True).stdout
    if "Non-2xx or 3xx responses" in out:
        raise RuntimeError("wrk saw errors:\n" + out)
    return float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))


def gunicorn(app: str, env: dict, port: int, worker_class: str) -> subprocess.Popen:
    cmd = [str(Path(sys.executable).parent / "gunicorn"), "-w", "2", "-k", worker_class, "-b",
           f"127.0.0.1:{port}", "--log-level", "warning", "--chdir", str(HERE), app]
    if worker_class == "gthread":
        cmd[5:5] = ["--threads", "4"]
    return subprocess.Popen(cmd, env=env, start_new_session=True)


def stop(p: subprocess.Popen) -> None:
    os.killpg(p.pid, signal.SIGTERM)
    p.wait(timeout=20)


def http(n: int, duration: int, worker_class: str, rounds: int) -> dict[str, list[float]]:
    """Both servers up at once; rounds alternate calfeed and bare for each kind of request, so a
    burst of load from elsewhere on the machine hits both sides alike.  Medians are reported."""
    if not shutil.which("wrk"):
        raise SystemExit("wrk not found (apt-get install wrk)")
    results: dict[str, list[float]] = {}
    procs = []
    with tempfile.TemporaryDirectory() as tmp:
        cfg = Path(tmp) / "events.yaml"
        cfg.write_text(CONFIG % (Path(tmp) / "blocks.sqlite"), "utf-8")
        env = dict(os.environ, BENCH_CONFIG=str(cfg), BENCH_EVENTS=str(n),
                   PYTHONPATH=os.pathsep.join([str(ROOT), str(HERE)]))
        try:
            port = free_port()
            procs.append(gunicorn("bench_apps:calfeed_app()", env, port, worker_class))
            ours = f"http://127.0.0.1:{port}/calendar.ics"
            body, etag = wait_up(ours)
            for _ in range(20):  # both workers warm
                wait_up(ours)
            (Path(tmp) / "body.ics").write_bytes(body)
            env["BENCH_BODY"] = str(Path(tmp) / "body.ics")
            port = free_port()
            procs.append(gunicorn("bench_apps:bare_app()", env, port, worker_class))
            bare = f"http://127.0.0.1:{port}/calendar.ics"
            body2, etag2 = wait_up(bare)
            assert body2 == body and etag2 == etag
            for _ in range(rounds):
                for kind, header in (("full", None), ("304", f"If-None-Match: {etag}")):
                    for who, url in (("calfeed", ours), ("bare Flask", bare)):
                        results.setdefault(f"{who} {kind}", []).append(wrk(url, duration, header))
        finally:
            for p in procs:
                stop(p)
    results["_bytes"] = [len(body)]
    return results


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--events", type=int, default=10_000)
    ap.add_argument("--http-events", type=int, default=1_000)
    ap.add_argument("--duration", type=int, default=10)
    ap.add_argument("--worker-class", default="sync", choices=("sync", "gthread"))
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--skip-http", action="store_true")
    args = ap.parse_args()
    gen = generation(args.events)
    print(f"## Generation: {args.events:,} events, {gen.pop('_bytes') / 1e6:.1f} MB")
    for k, v in gen.items():
        print(f"  {k:<55} {v:7.3f} s")
    if args.skip_http:
        return
    res = http(args.http_events, args.duration, args.worker_class, args.rounds)
    print(f"## HTTP: {args.http_events:,} events ({res.pop('_bytes')[0] / 1e3:.0f} KB), gunicorn -w 2 -k "
          f"{args.worker_class}, wrk -t2 -c16 -d{args.duration}s, {args.rounds} alternating rounds, median")
    print(f"  {'':<10} {'full 200':>10} {'304':>10}   req/s   (every round)")
    for who in ("calfeed", "bare Flask"):
        full, nm = res[who + " full"], res[who + " 304"]
        rounds = "  ".join(f"{a:.0f}/{b:.0f}" for a, b in zip(full, nm, strict=True))
        print(f"  {who:<10} {statistics.median(full):>10.0f} {statistics.median(nm):>10.0f}           ({rounds})")


if __name__ == "__main__":
    main()
