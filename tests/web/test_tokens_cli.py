"""`calfeed tokens create / list / revoke` and the links they print."""
from __future__ import annotations

import re
import shutil

from feeds.factory import sample_records

from calfeed.cli import main
from calfeed.web import create_app
from calfeed.web.memstore import MemoryStore
from web.conftest import DATA


def test_tokens_cli_round_trip(tmp_path, capsys):
    cfg = tmp_path / "events.yaml"
    shutil.copy(DATA / "events.yaml", cfg)
    assert main(["tokens", "--config", str(cfg), "create", "team", "--note", "alice"]) == 0
    out = capsys.readouterr().out
    url = re.search(r"https://cal\.example\.org(/feeds/\S+/team\.ics)", out)
    assert url and "webcal://cal.example.org/feeds/" in out
    token = url.group(1).split("/")[2]
    assert token not in (tmp_path / "instance" / "feed-tokens.json").read_text()

    client = create_app(str(cfg), MemoryStore(sample_records())).test_client()
    assert client.get(url.group(1)).status_code == 200

    assert main(["tokens", "--config", str(cfg), "list"]) == 0
    listing = capsys.readouterr().out
    assert "team" in listing and "alice" in listing and token not in listing
    token_id = listing.split()[0]
    assert main(["tokens", "--config", str(cfg), "revoke", token_id]) == 0
    assert client.get(url.group(1)).status_code == 404


def test_tokens_cli_refuses_public_feeds(tmp_path, capsys):
    cfg = tmp_path / "events.yaml"
    shutil.copy(DATA / "events.yaml", cfg)
    assert main(["tokens", "--config", str(cfg), "create", "deadlines"]) == 2
    assert "no private feed 'deadlines'" in capsys.readouterr().err
