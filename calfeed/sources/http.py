"""A careful HTTP GET: timeouts, a size limit, a redirect limit, retries with backoff,
conditional requests (ETag / Last-Modified) and a polite User-Agent."""
from __future__ import annotations

import email.utils
import time
from dataclasses import dataclass

import httpx

import calfeed
from calfeed.errors import CalfeedError
from calfeed.sources import USER_AGENT

RETRY_STATUS = {429, 500, 502, 503, 504}
MAX_REDIRECTS = 5


@dataclass(frozen=True)
class Response:
    url: str  # after redirects
    status: int
    content: bytes
    etag: str | None
    last_modified: str | None
    content_type: str

    @property
    def not_modified(self) -> bool:
        return self.status == 304


def _retry_after(value: str | None, default: float) -> float:
    if not value:
        return default
    try:
        return min(30.0, max(0.0, float(value)))
    except ValueError:
        when = email.utils.parsedate_to_datetime(value) if value else None
        if when is None:
            return default
        return min(30.0, max(0.0, when.timestamp() - time.time()))


def get(url: str, *, timeout: float = 20.0, max_bytes: int = 10 * 1024 * 1024, etag: str | None = None,
        last_modified: str | None = None, retries: int = 2, backoff: float = 0.5,
        accept: str = "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.5",
        transport: httpx.BaseTransport | None = None) -> Response:
    """GET `url`; raise CalfeedError with a readable reason after the retries are spent."""
    headers = {"User-Agent": USER_AGENT.format(version=calfeed.__version__), "Accept": accept,
               "Accept-Encoding": "gzip, deflate"}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    timeouts = httpx.Timeout(timeout, connect=min(timeout, 10.0))
    last_error = "no attempt"
    with httpx.Client(timeout=timeouts, follow_redirects=True, max_redirects=MAX_REDIRECTS, headers=headers,
                      transport=transport) as client:
        for attempt in range(retries + 1):
            wait = backoff * (2 ** attempt)
            try:
                with client.stream("GET", url) as r:
                    if r.status_code in RETRY_STATUS and attempt < retries:
                        last_error = f"HTTP {r.status_code}"
                        time.sleep(_retry_after(r.headers.get("Retry-After"), wait))
                        continue
                    if r.status_code == 304:
                        return Response(str(r.url), 304, b"", r.headers.get("ETag") or etag,
                                        r.headers.get("Last-Modified") or last_modified, "")
                    if r.status_code >= 400:
                        raise CalfeedError(f"{url}: HTTP {r.status_code} {r.reason_phrase}")
                    declared = r.headers.get("Content-Length")
                    if declared and declared.isdigit() and int(declared) > max_bytes:
                        raise CalfeedError(f"{url}: {int(declared):,} bytes is over the {max_bytes:,}-byte limit")
                    chunks: list[bytes] = []
                    size = 0
                    for chunk in r.iter_bytes():
                        size += len(chunk)
                        if size > max_bytes:
                            raise CalfeedError(f"{url}: more than the {max_bytes:,}-byte limit")
                        chunks.append(chunk)
                    return Response(str(r.url), r.status_code, b"".join(chunks), r.headers.get("ETag"),
                                    r.headers.get("Last-Modified"), r.headers.get("Content-Type", ""))
            except httpx.TooManyRedirects:
                raise CalfeedError(f"{url}: more than {MAX_REDIRECTS} redirects") from None
            except httpx.TimeoutException:
                last_error = f"timed out after {timeout:g} s"
            except httpx.TransportError as e:
                last_error = f"{type(e).__name__}: {e}" if str(e) else type(e).__name__
            except httpx.HTTPError as e:
                raise CalfeedError(f"{url}: {e}") from None
            if attempt < retries:
                time.sleep(wait)
    raise CalfeedError(f"{url}: {last_error} (after {retries + 1} attempts)")


def decode_body(resp: Response, where: str) -> str:
    """Text of a response: the charset the server declares, else calfeed's own detection."""
    from calfeed.textio import decode_text

    charset = None
    for part in resp.content_type.split(";")[1:]:
        name, _, value = part.strip().partition("=")
        if name.lower() == "charset" and value:
            charset = value.strip("\"' ").lower()
    if charset in ("gbk", "gb2312", "gb18030"):
        charset = "gb18030"
    if charset:
        try:
            return resp.content.decode(charset)
        except (LookupError, UnicodeDecodeError):
            pass
    return decode_text(resp.content, where)
