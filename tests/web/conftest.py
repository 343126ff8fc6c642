from __future__ import annotations

import shutil
import threading
from pathlib import Path

import pytest
from feeds.factory import sample_records
from waitress import create_server

from calfeed.config import load_config
from calfeed.web import create_app
from calfeed.web.memstore import MemoryStore

DATA = Path(__file__).resolve().parent.parent / "data" / "web"


@pytest.fixture
def config(tmp_path):
    shutil.copy(DATA / "events.yaml", tmp_path / "events.yaml")
    return load_config(tmp_path / "events.yaml")


@pytest.fixture
def store():
    return MemoryStore(sample_records())


@pytest.fixture
def app(config, store):
    return create_app(config, store, testing=True)


@pytest.fixture
def client(app):
    return app.test_client()


class LiveServer:
    def __init__(self, app):
        self.server = create_server(app, host="127.0.0.1", port=0, threads=4)
        self.url = f"http://127.0.0.1:{self.server.effective_port}"
        self.stopping = False
        self.thread = threading.Thread(target=self._run, daemon=True)

    def _run(self):
        try:
            self.server.run()
        except (OSError, ValueError):  # closing the socket under waitress's select loop
            if not self.stopping:
                raise

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.stopping = True
        self.server.close()
        self.thread.join(timeout=5)


@pytest.fixture
def live(app):
    with LiveServer(app) as server:
        yield server
