"""Database fixtures: every store test runs on SQLite and on the PostgreSQL server of this machine.

PostgreSQL tests get a schema of their own (in the URL's search_path), dropped afterwards, so
parallel runs never collide.  Set CALFEED_TEST_PG to use another server.  An unreachable server
is a failure (the suite promises both databases); CALFEED_SKIP_PG=1 skips those cases instead.
"""
from __future__ import annotations

import os
import secrets

import pytest

PG_URL = os.environ.get("CALFEED_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")


def _pg_admin():
    import psycopg

    return psycopg.connect(PG_URL.replace("postgresql+psycopg://", "postgresql://"), autocommit=True,
                           connect_timeout=3)


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path):
    """A fresh, empty database URL: a SQLite file, or a PostgreSQL schema of its own."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'calfeed.db'}"
        return
    try:
        admin = _pg_admin()
    except Exception as e:  # noqa: BLE001
        if os.environ.get("CALFEED_SKIP_PG") == "1":
            pytest.skip(f"PostgreSQL at {PG_URL} unreachable: {e}")
        pytest.fail(f"PostgreSQL at {PG_URL} is unreachable ({e}); start it, or set CALFEED_SKIP_PG=1")
    schema = f"t_{secrets.token_hex(6)}"
    with admin:
        admin.execute(f'CREATE SCHEMA "{schema}"')
    sep = "&" if "?" in PG_URL else "?"
    try:
        yield f"{PG_URL}{sep}options=-csearch_path%3D{schema}"
    finally:
        with _pg_admin() as admin:
            admin.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')


@pytest.fixture
def store(db_url):
    from calfeed.store import Store

    s = Store(db_url)
    yield s
    s.close()
