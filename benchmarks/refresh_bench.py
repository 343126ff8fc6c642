"""Refresh speed: 1,000 unchanged file sources, and 1,000 changed 5 KB documents extracted and stored.

    .venv/bin/python benchmarks/refresh_bench.py [--n 1000] [--db sqlite|postgresql|both]
        [--pg postgresql+psycopg://postgres@127.0.0.1:5432/test]

Targets (issue 4): unchanged ≤ 2 s; changed ≤ 30 s on SQLite.  The documents are 5 KB (UTF-8)
slices of the bundled Datong Daily page with their dates shifted, so the real extractor has
real work to do; each is its own `file` source with a fixed publication date.
"""
from __future__ import annotations

import argparse
import re
import secrets
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from calfeed.config import load_config  # noqa: E402
from calfeed.refresh import Refresher  # noqa: E402
from calfeed.store import Store  # noqa: E402

SAMPLE = (REPO / "calfeed/data/sample-datong-daily-2023-06-22.txt").read_text(encoding="utf-8")
PARAGRAPHS = [p.strip() for p in SAMPLE.split("\n") if len(p.strip()) > 20]
DAY = re.compile(r"(\d{1,2})日")


def document(i: int, version: int, size: int = 5 * 1024) -> str:
    """About `size` bytes of real news prose, different per document and per version."""
    out: list[str] = []
    n = 0
    k = (i * 7 + version) % len(PARAGRAPHS)
    while n < size:
        para = PARAGRAPHS[k % len(PARAGRAPHS)]
        para = DAY.sub(lambda m: f"{(int(m.group(1)) + version + i) % 28 + 1}日", para)
        out.append(para)
        n += len(para.encode("utf-8")) + 1
        k += 1
    text = "\n".join(out).encode("utf-8")[:size].decode("utf-8", "ignore")
    return f"第{i}号 版本{version}\n{text}\n"


def setup(root: Path, n: int, db_url: str) -> Path:
    docs = root / "docs"
    docs.mkdir()
    lines = ["calendar: {name: bench, timezone: Asia/Shanghai}", f'database: "{db_url}"', "sources:"]
    for i in range(n):
        (docs / f"d{i:04d}.txt").write_text(document(i, 1), encoding="utf-8")
        lines.append(f"  - {{id: s{i:04d}, type: file, path: docs/d{i:04d}.txt, published: 2023-06-22}}")
    (root / "events.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return root / "events.yaml"


def timed(refresher: Refresher) -> tuple[float, object]:
    t = time.perf_counter()
    summary = refresher.run()
    return time.perf_counter() - t, summary


def bench(db_label: str, db_url: str, n: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        cfg_path = setup(root, n, db_url.replace("{tmp}", str(root)))
        config = load_config(cfg_path)
        store = Store.from_config(config)
        try:
            first, s1 = timed(Refresher(config, store))
            assert s1.counts.documents_new == n and not s1.errors, s1.describe()
            unchanged, s2 = timed(Refresher(config, store))
            assert s2.counts.documents_unchanged == n and s2.counts.events_changed == 0, s2.describe()
            for i in range(n):
                (root / "docs" / f"d{i:04d}.txt").write_text(document(i, 2), encoding="utf-8")
            changed, s3 = timed(Refresher(config, store))
            assert s3.counts.documents_changed == n and not s3.errors, s3.describe()
        finally:
            store.close()
    chars = n * len(document(0, 1))
    print(f"{db_label:<11} {n} sources, {chars / n:,.0f} chars/document")
    print(f"  first refresh (all new):         {first:6.2f} s  ({s1.counts.events_added} events added)")
    print(f"  unchanged refresh:               {unchanged:6.2f} s  (target ≤ 2 s)")
    print(f"  changed refresh (extract+store): {changed:6.2f} s  (target ≤ 30 s on SQLite; "
          f"{s3.counts.events_added} added, {s3.counts.events_updated} updated, "
          f"{s3.counts.events_cancelled} cancelled)")
    return {"first": first, "unchanged": unchanged, "changed": changed}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--db", choices=("sqlite", "postgresql", "both"), default="both")
    ap.add_argument("--pg", default="postgresql+psycopg://postgres@127.0.0.1:5432/test")
    args = ap.parse_args()
    if args.db in ("sqlite", "both"):
        bench("SQLite", "sqlite:///{tmp}/bench.db", args.n)
    if args.db in ("postgresql", "both"):
        import psycopg

        schema = f"bench_{secrets.token_hex(4)}"
        admin_url = args.pg.replace("postgresql+psycopg://", "postgresql://")
        with psycopg.connect(admin_url, autocommit=True) as admin:
            admin.execute(f'CREATE SCHEMA "{schema}"')
        try:
            sep = "&" if "?" in args.pg else "?"
            bench("PostgreSQL", f"{args.pg}{sep}options=-csearch_path%3D{schema}", args.n)
        finally:
            with psycopg.connect(admin_url, autocommit=True) as admin:
                admin.execute(f'DROP SCHEMA "{schema}" CASCADE')
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
