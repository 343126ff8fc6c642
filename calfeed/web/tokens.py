"""Private-feed tokens: long random path segments, stored only as SHA-256 hashes.

A token grants one private feed: `/feeds/<token>/<slug>.ics`.  `calfeed tokens create SLUG`
prints the token once (it cannot be shown again); `list` shows ids, feeds and notes; `revoke ID`
removes it.  The file is JSON guarded by a file lock, so the CLI and the web workers can share
it; the app re-reads it when its modification time changes.  Tokens carry 256 bits of entropy, so
a plain SHA-256 (not a slow password hash) is the right tool.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import secrets
import threading
from dataclasses import asdict, dataclass
from pathlib import Path

from filelock import FileLock

from calfeed.errors import CalfeedError


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass(frozen=True)
class TokenInfo:
    id: str
    slug: str
    hash: str
    created: str
    note: str = ""


class TokenStore:
    def __init__(self, path: Path | str):
        self.path = Path(path)
        self._lock = FileLock(str(self.path) + ".lock")
        self._mtime: float | None = None
        self._by_hash: dict[str, TokenInfo] = {}
        self._mem_lock = threading.Lock()

    # ------------------------------------------------------------ file
    def _read(self) -> list[TokenInfo]:
        try:
            data = json.loads(self.path.read_text("utf-8"))
        except FileNotFoundError:
            return []
        except (OSError, ValueError) as e:
            raise CalfeedError(f"{self.path}: cannot read the token file: {e}") from None
        return [TokenInfo(**item) for item in data.get("tokens", [])]

    def _write(self, items: list[TokenInfo]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text(json.dumps({"tokens": [asdict(t) for t in items]}, ensure_ascii=False, indent=1), "utf-8")
        os.chmod(tmp, 0o600)
        os.replace(tmp, self.path)

    # ------------------------------------------------------------ CLI operations
    def create(self, slug: str, note: str = "") -> tuple[TokenInfo, str]:
        token = secrets.token_urlsafe(32)
        with self._lock:
            items = self._read()
            info = TokenInfo(id=secrets.token_hex(4), slug=slug, hash=token_hash(token),
                             created=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"), note=note)
            self._write([*items, info])
        return info, token

    def list(self) -> list[TokenInfo]:
        with self._lock:
            return self._read()

    def revoke(self, token_id: str) -> TokenInfo:
        with self._lock:
            items = self._read()
            keep = [t for t in items if t.id != token_id]
            if len(keep) == len(items):
                known = ", ".join(t.id for t in items) or "none"
                raise CalfeedError(f"no token with id {token_id!r} (ids: {known})")
            self._write(keep)
        return next(t for t in items if t.id == token_id)

    # ------------------------------------------------------------ the web side
    def check(self, token: str, slug: str) -> bool:
        """Whether `token` grants the feed `slug` (re-reading the file when it changed)."""
        if not token or len(token) > 200:
            return False
        try:
            mtime = self.path.stat().st_mtime_ns
        except FileNotFoundError:
            mtime = None
        with self._mem_lock:
            if mtime != self._mtime:
                self._by_hash = {t.hash: t for t in self._read()} if mtime is not None else {}
                self._mtime = mtime
            info = self._by_hash.get(token_hash(token))
        return info is not None and secrets.compare_digest(info.slug, slug)


# ---------------------------------------------------------------- `calfeed tokens`
def cmd_tokens(args) -> int:
    """`calfeed tokens create SLUG [--note]` / `list` / `revoke ID` (argparse Namespace in)."""
    from calfeed.config import load_config
    from calfeed.web.settings import parse_feeds, parse_web

    config = load_config(args.config)
    web = parse_web(config.sections.get("web"), Path(config.path).parent)
    if web.tokens_path is None:
        raise CalfeedError("web.tokens is empty in the configuration: private feeds are switched off")
    store = TokenStore(web.tokens_path)
    if args.action == "create":
        feeds = parse_feeds(config.sections.get("feeds"))
        feed = feeds.named.get(args.slug)
        private = sorted(s for s, f in feeds.named.items() if f.private)
        if feed is None or not feed.private:
            raise CalfeedError(f"no private feed {args.slug!r} in {config.path} "
                               f"(private feeds: {', '.join(private) or 'none; add private: true to one'})")
        info, token = store.create(args.slug, note=args.note or "")
        base = (config.calendar.base_url or "http://127.0.0.1:8000/").rstrip("/")
        url = f"{base}/feeds/{token}/{args.slug}.ics"
        print(f"token {info.id} for feed {args.slug!r} (shown once, stored hashed):")
        print(f"  {url}")
        print(f"  webcal://{url.split('://', 1)[1]}")
        return 0
    if args.action == "list":
        items = store.list()
        if not items:
            print("no tokens")
        for t in items:
            print(f"{t.id}  {t.slug:<20} {t.created}  {t.note}")
        return 0
    info = store.revoke(args.id)
    print(f"revoked token {info.id} for feed {info.slug!r}")
    return 0
