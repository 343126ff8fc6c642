"""The web app: `create_app()` factory (gunicorn: `gunicorn 'calfeed.web:create_app()'`).

The app never starts the scheduler (see DESIGN.md: one worker process does, explicitly).
`create_app(config=None, store=None)`: `config` is a `calfeed.config.Config`, a path to
events.yaml, or None ($CALFEED_CONFIG, else ./events.yaml); `store` is anything with the read
interface of `calfeed.store.Store` (`list_events`, `get_event`, `last_modified`) — the real
store is opened from the configuration when none is given.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from flask import Flask

from calfeed.ical import BlockCache, FeedBuilder
from calfeed.web.service import EventSource, FeedService
from calfeed.web.settings import (
    FeedsSettings,
    SettingsError,
    WebSettings,
    calendar_settings,
    parse_feeds,
    parse_web,
)
from calfeed.web.tokens import TokenStore


@dataclass
class AppState:
    config: Any
    store: EventSource
    feeds: FeedsSettings
    web: WebSettings
    builder: FeedBuilder
    service: FeedService
    tokens: TokenStore | None


def _load_config(config: Any) -> Any:
    from calfeed.config import load_config

    if config is None or isinstance(config, str | os.PathLike):
        return load_config(config)
    return config


def open_store(config: Any) -> EventSource:
    """The real store for a configuration (calfeed.store, issue 4)."""
    from calfeed import store as store_mod

    Store = store_mod.Store
    for factory in ("from_config", "open"):
        if hasattr(Store, factory):
            return getattr(Store, factory)(config)
    return Store(config.database.url)


def create_app(config: Any = None, store: EventSource | None = None, *, testing: bool = False) -> Flask:
    config = _load_config(config)
    base = Path(config.path).parent
    try:  # already validated by config.py when this package was imported first; else read here
        feeds = parse_feeds(config.sections.get("feeds"))
        web = parse_web(config.sections.get("web"), base)
    except SettingsError as e:
        from calfeed.config import ConfigError

        raise ConfigError([f"{config.path}: {e}"]) from None
    settings = calendar_settings(config, feeds)
    if store is None:
        store = open_store(config)
    cache_path = None
    if web.block_cache_path is not None:
        web.block_cache_path.parent.mkdir(parents=True, exist_ok=True)
        cache_path = str(web.block_cache_path)
    builder = FeedBuilder(settings, BlockCache(cache_path))
    service = FeedService(store, builder, freshness=web.freshness)
    tokens = TokenStore(web.tokens_path) if web.tokens_path is not None else None

    app = Flask(__name__)
    app.config["TESTING"] = testing
    app.json.ensure_ascii = False
    app.extensions["calfeed"] = AppState(config=config, store=store, feeds=feeds, web=web,
                                         builder=builder, service=service, tokens=tokens)
    from calfeed.web.feeds import FastFeeds
    from calfeed.web.feeds import bp as feeds_bp

    app.register_blueprint(feeds_bp)
    app.wsgi_app = FastFeeds(app.wsgi_app, app.extensions["calfeed"])
    return app
