"""Turning bytes from a file, a pipe or the network into text, or a clear reason why not."""
from __future__ import annotations

import codecs

from calfeed.errors import CalfeedError

# A document larger than this is not a news page or a notice; refusing it keeps memory bounded.
MAX_TEXT_BYTES = 32 * 1024 * 1024


def decode_text(data: bytes, where: str) -> str:
    """Decode `data` as UTF-8 (with or without BOM), UTF-16 with BOM, or GB18030.

    Raises CalfeedError naming `where` for binary data (NUL bytes, undecodable) and for
    inputs over MAX_TEXT_BYTES.
    """
    if len(data) > MAX_TEXT_BYTES:
        raise CalfeedError(f"{where}: {len(data):,} bytes is over the {MAX_TEXT_BYTES:,}-byte limit for one document")
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as e:
            raise CalfeedError(f"{where}: broken UTF-16 text at byte {e.start}") from None
    if b"\x00" in data[:65536]:
        raise CalfeedError(f"{where}: binary data (NUL bytes), not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as utf8_error:
        try:
            return data.decode("gb18030")
        except UnicodeDecodeError:
            raise CalfeedError(
                f"{where}: not UTF-8 (bad byte at {utf8_error.start}) and not GB18030/GBK text either"
            ) from None
