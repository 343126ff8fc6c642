"""The `calfeed` command line: argument parsing only; the work lives in the stage modules."""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from collections.abc import Callable
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from calfeed.errors import CalfeedError
from calfeed.textio import decode_text

DEFAULT_TZ = "Asia/Shanghai"


# ---------------------------------------------------------------- argument helpers
def zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise CalfeedError(f"--tz: unknown time zone {name!r} (use an IANA name such as Asia/Shanghai)") from None


def parse_ref(value: str | None, tz: ZoneInfo, flag: str = "--ref") -> dt.datetime:
    """An aware reference datetime from ISO text (date alone means noon), or now."""
    if value is None:
        return dt.datetime.now(tz).replace(microsecond=0)
    try:
        parsed = dt.datetime.fromisoformat(value.strip())
    except ValueError:
        raise CalfeedError(f"{flag}: {value!r} is not an ISO date or datetime such as 2023-06-22T12:00") from None
    if len(value.strip()) <= 10:
        parsed = parsed.replace(hour=12)
    return parsed.replace(tzinfo=tz) if parsed.tzinfo is None else parsed.astimezone(tz)


def parse_day(value: str, flag: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value.strip()[:10])
    except ValueError:
        raise CalfeedError(f"{flag}: {value!r} is not an ISO date such as 2023-06-22") from None


def read_input(arg: str, *, is_path: bool) -> str:
    """The text named by `arg`: '-' is standard input; a path when `is_path`, else literal text."""
    if arg == "-":
        return decode_text(sys.stdin.buffer.read(), "standard input")
    if not is_path:
        return arg
    try:
        with open(arg, "rb") as f:
            return decode_text(f.read(), arg)
    except OSError as e:
        raise CalfeedError(f"{arg}: cannot read: {e.strerror or e}") from None


def print_json(obj: object) -> None:
    sys.stdout.write(json.dumps(obj, ensure_ascii=False, indent=2) + "\n")


# ---------------------------------------------------------------- calfeed timex
def cmd_timex(args: argparse.Namespace) -> int:
    from calfeed.extract.timex import find_timexes

    tz = zone(args.tz)
    if args.batch:
        return timex_batch(tz, args)
    if args.text is None:
        raise CalfeedError("timex: give TEXT, or - to read it from standard input, or --batch")
    text = read_input(args.text, is_path=False)
    ref = parse_ref(args.ref, tz)
    found = find_timexes(text, ref, lang=args.lang, date_order=args.date_order)
    if args.json:
        print_json({"ref": ref.isoformat(timespec="seconds"), "timexes": [t.to_json() for t in found]})
        return 0
    print(f"reference: {ref.isoformat(timespec='seconds')}")
    if not found:
        print("no time expressions")
    for t in found:
        print(describe_timex(t))
    return 0


def describe_timex(t) -> str:
    """One readable line: where, what, how it resolved, and which rule said so."""
    from calfeed.extract.types import iso

    if t.type == "duration" and t.start is None and t.end is None:
        value = f"lasting {t.duration}"
    else:
        value = f"{iso(t.start) or '…'} → {iso(t.end) or '…'}"
    flags = " ".join(f for f in ("~approximate" if t.approximate else "", t.mod or "",
                                 f"rrule {t.rrule}" if t.rrule else "") if f)
    return f"{t.span[0]:>6}-{t.span[1]:<6} {t.text!s:<24} {t.type:<8} {value}  [{t.grain}] {flags}  ({t.rule})"


def timex_batch(tz: ZoneInfo, args: argparse.Namespace) -> int:
    from calfeed.extract.timex import find_timexes

    out = sys.stdout
    for lineno, line in enumerate(sys.stdin.buffer, 1):
        if not line.strip():
            continue
        row_id = None
        try:
            row = json.loads(line)
            if not isinstance(row, dict):
                raise CalfeedError("a line must be a JSON object")
            row_id = row.get("id")
            text = row.get("text")
            if not isinstance(text, str):
                raise CalfeedError("'text' must be a string")
            ref = parse_ref(row.get("ref"), tz, flag="ref")
            lang = row.get("lang") or args.lang
            found = find_timexes(text, ref, lang=lang, date_order=args.date_order)
            result = {"id": row_id, "ref": ref.isoformat(timespec="seconds"), "timexes": [t.to_json() for t in found]}
        except (ValueError, CalfeedError) as e:
            result = {"id": row_id, "error": f"line {lineno}: {e}"}
        out.write(json.dumps(result, ensure_ascii=False) + "\n")
    return 0


# ---------------------------------------------------------------- calfeed extract
def cmd_extract(args: argparse.Namespace) -> int:
    from calfeed.extract.events import extract_document

    tz = zone(args.tz)
    text = read_input(args.path, is_path=True)
    published = parse_day(args.published, "--published") if args.published else None
    result = extract_document(text, published=published, tz=tz, lang=args.lang)
    if args.ics:
        from calfeed.ical import events_to_ics

        with open(args.ics, "wb") as f:
            f.write(events_to_ics(result.events, tz=tz, source=args.path))
    if args.json:
        print_json(result.to_json())
        return 0
    print(f"published {result.published.isoformat()} ({result.published_how})")
    if not result.events:
        print("no events")
    for ev in result.events:
        print(describe_event(ev))
    return 0


def describe_event(ev) -> str:
    from calfeed.extract.types import iso

    when = iso(ev.start) if ev.end in (None, ev.start) else f"{iso(ev.start)} → {iso(ev.end)}"
    if ev.end is None:
        when += " → (open)"
    approx = "~" if ev.approximate else " "
    return f"{approx}{when:<40} {ev.kind:<12} {ev.title}\n    ← {ev.timex}: {ev.evidence[:120]}"


# ---------------------------------------------------------------- calfeed tokens
def cmd_tokens(args: argparse.Namespace) -> int:
    from calfeed.web.tokens import cmd_tokens as run

    return run(args)


# ---------------------------------------------------------------- the parser
Command = Callable[[argparse.Namespace], int]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="calfeed", description=__import__("calfeed").__doc__)
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("timex", help="find and resolve the time expressions of a text")
    p.add_argument("text", nargs="?", metavar="TEXT", help="the text, or - for standard input")
    p.add_argument("--ref", help="reference time (ISO, e.g. 2023-06-22T12:00); default now")
    p.add_argument("--tz", default=DEFAULT_TZ, help=f"time zone of the text (default {DEFAULT_TZ})")
    p.add_argument("--lang", choices=("auto", "zh", "en"), default="auto")
    p.add_argument("--date-order", choices=("MDY", "DMY"), default="MDY",
                   help="how to read 3/4/2024 in English text (default MDY, US order)")
    p.add_argument("--json", action="store_true", help="print the CONTRACT.md JSON")
    p.add_argument("--batch", action="store_true", help="JSON Lines in on standard input, JSON Lines out")
    p.set_defaults(func=cmd_timex)

    p = sub.add_parser("extract", help="read the events of one document")
    p.add_argument("path", metavar="PATH", help="a text file, or - for standard input")
    p.add_argument("--published", help="publication date (ISO); default: found in the document")
    p.add_argument("--tz", default=DEFAULT_TZ, help=f"time zone of the document (default {DEFAULT_TZ})")
    p.add_argument("--lang", choices=("auto", "zh", "en"), default="auto")
    p.add_argument("--json", action="store_true", help="print the CONTRACT.md JSON")
    p.add_argument("--ics", metavar="FILE", help="also write the events as an .ics file")
    p.set_defaults(func=cmd_extract)

    p = sub.add_parser("tokens", help="create, list or revoke the links of private feeds")
    p.add_argument("--config", metavar="PATH", help="events.yaml (default: $CALFEED_CONFIG or ./events.yaml)")
    tsub = p.add_subparsers(dest="action", required=True, metavar="ACTION")
    t = tsub.add_parser("create", help="a new secret link to a private feed (printed once)")
    t.add_argument("slug", metavar="FEED", help="a feed of the feeds.named section marked private: true")
    t.add_argument("--note", help="who the link is for")
    tsub.add_parser("list", help="the tokens (ids, feeds, notes; never the secrets)")
    t = tsub.add_parser("revoke", help="make a link stop working")
    t.add_argument("id", metavar="ID", help="the token id shown by list")
    p.set_defaults(func=cmd_tokens)

    from calfeed.commands import add_service_commands  # refresh, check, status, worker, serve

    add_service_commands(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except CalfeedError as e:
        print(f"calfeed: error: {e}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("calfeed: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as e:  # a bug: one line for the user, the traceback when asked for
        if os.environ.get("CALFEED_DEBUG"):
            raise
        print(f"calfeed: internal error: {type(e).__name__}: {e} (set CALFEED_DEBUG=1 for the traceback)",
              file=sys.stderr)
        return 70
