"""WSGI apps for benchmarks/feed_bench.py (gunicorn imports them by name).

    calfeed: the real create_app() over a MemoryStore of N synthetic events (BENCH_EVENTS, BENCH_CONFIG)
    bare:    a bare Flask app returning the same bytes with a precomputed ETag (the reference)
"""
from __future__ import annotations

import datetime as dt
import hashlib
import os
from zoneinfo import ZoneInfo

from calfeed.records import EventRecord

SH = ZoneInfo("Asia/Shanghai")
T0 = dt.datetime(2023, 6, 22, 4, tzinfo=dt.UTC)


def records(n: int) -> list[EventRecord]:
    """n varied events, about 400 bytes each once serialized (1,000 events ≈ 400 KB)."""
    out = []
    for i in range(n):
        day = dt.date(2023, 1, 1) + dt.timedelta(days=i % 700)
        timed = i % 3 == 0
        start = dt.datetime.combine(day, dt.time(9 + i % 8), SH) if timed else day
        end = start + dt.timedelta(hours=2) if timed else (None if i % 11 == 0 else day + dt.timedelta(days=i % 3))
        out.append(EventRecord(
            uid=f"bench-{i:05d}@calfeed.bench", sequence=i % 4, status="cancelled" if i % 50 == 0 else "confirmed",
            review="accepted", title=f"第{i}号公告：报名通知", start=start, end=end, all_day=not timed,
            kind=("event", "deadline", "start", "period")[i % 4], approximate=i % 9 == 0,
            evidence="请于规定日期前完成报名。", created=T0,
            updated=T0 + dt.timedelta(minutes=i), source_id="bench", source_name="大同日报",
            timex="7月上旬"))
    return out


def calfeed_app():
    from calfeed.config import load_config
    from calfeed.web import create_app
    from calfeed.web.memstore import MemoryStore

    n = int(os.environ.get("BENCH_EVENTS", "1000"))
    return create_app(load_config(os.environ["BENCH_CONFIG"]), MemoryStore(records(n)))


def bare_app():
    """The reference: the same bytes, a precomputed ETag, nothing else."""
    from flask import Flask, Response, request

    body = open(os.environ["BENCH_BODY"], "rb").read()
    etag = '"' + hashlib.blake2b(body, digest_size=16).hexdigest() + '"'
    app = Flask("bare")

    @app.get("/calendar.ics")
    def calendar():
        if request.headers.get("If-None-Match") == etag:
            return Response(status=304, headers={"ETag": etag})
        return Response(body, content_type="text/calendar; charset=utf-8", headers={"ETag": etag})

    return app
