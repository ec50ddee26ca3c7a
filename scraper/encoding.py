"""Bytes to text: BOM, HTTP charset, ``<meta>`` charset, then a detector.

A declared charset is only trusted when the bytes decode under it strictly: portals
often declare ``gb2312`` for pages that are really UTF-8 (saved from a browser) or
GBK. GB2312 and GBK are always decoded as GB18030, their superset, because real
"gb2312" pages use GBK characters all the time.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field

from .errors import EmptyInputError, NotHTMLError

# How far into the document a <meta charset> is looked for (browsers use 1024; portals
# often put long comments or scripts first).
META_SNIFF_BYTES = 8192
# How much of the document the statistical detector reads: enough for a verdict,
# bounded so that huge pages stay cheap.
DETECT_BYTES = 65536

_META_CHARSET = re.compile(
    rb"""<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)

# Labels that name a narrower charset than the bytes really use, mapped to the
# superset that decodes every page carrying that label.
_SUPERSET = {
    "gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "cp936": "gb18030",
    "euc-cn": "gb18030", "hz-gb-2312": "gb18030", "gb_2312-80": "gb18030",
    "big5": "big5hkscs", "x-x-big5": "big5hkscs", "cp950": "big5hkscs",
    # WHATWG: these labels mean windows-1252 on the web
    "iso-8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252",
    "us-ascii": "cp1252", "ascii": "cp1252",
    "utf8": "utf-8", "unicode": "utf-8",
}

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Input with nothing in it: no bytes, or only whitespace after an optional UTF-8 BOM (a
# file saved empty by an editor, a server's 200 with an empty body). Anchored at both
# ends, it stops at the first other byte: no copy, no scan of a real page.
_BLANK = re.compile(rb"(?:\xef\xbb\xbf)?[ \t\n\r\f\v]*\Z")

# File signatures of formats that are never HTML.
_BINARY_MAGIC = (
    b"%PDF-", b"\x89PNG", b"\xff\xd8\xff", b"GIF87a", b"GIF89a", b"PK\x03\x04",
    b"\x1f\x8b", b"RIFF", b"\x00\x00\x01\x00", b"BM", b"OggS", b"ID3", b"\x7fELF",
)
# Codecs a detector's verdict is trusted for outright: multi-byte ones do not decode
# arbitrary bytes, so a clean decode under them means something.
MULTIBYTE_CODECS = frozenset((
    "gb18030", "big5hkscs", "big5", "cp950", "shift_jis", "cp932", "euc_jp", "euc_kr",
    "cp949", "iso2022_jp", "utf-8", "utf-16", "utf-32",
))
# An undeclared page that is not UTF-8 is read as GB18030 when at most this share of
# its non-ASCII characters are broken and at least this share are CJK or full-width.
GB_MAX_BROKEN_SHARE = 0.01
GB_MIN_CJK_SHARE = 0.9
# Share of control bytes in the head above which the data is binary, not text.
BINARY_CONTROL_SHARE = 0.10
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13)) + b"\x7f"


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str   # the codec actually used
    # The input bytes when they are exactly ``text`` in UTF-8 (strict UTF-8 or ASCII, no
    # BOM): a parser that wants UTF-8 takes them as they are instead of encoding again.
    utf8: bytes | None = field(default=None, compare=False, repr=False)


def normalize_charset(label: str | None) -> str | None:
    """A charset label as a Python codec name, widened to its superset; None if unknown."""
    if not label:
        return None
    name = label.strip().strip("\"'").lower()
    name = _SUPERSET.get(name, name)
    try:
        codec = codecs.lookup(name).name
    except LookupError:
        return None
    return _SUPERSET.get(codec, codec)


def require_content(data: bytes) -> None:
    """Raise ``EmptyInputError`` when ``data`` holds nothing to extract: no bytes, or
    nothing but whitespace (a UTF-8 BOM aside)."""
    if _BLANK.match(data) is None:
        return
    if not data:
        raise EmptyInputError("nothing to extract: 0 bytes")
    raise EmptyInputError(f"nothing to extract: only whitespace ({len(data)} bytes)")


def looks_binary(data: bytes) -> bool:
    """True for data that is plainly not text (file signature or many control bytes)."""
    head = data[:2048]
    if not head:
        return False
    if head.startswith(_BINARY_MAGIC) and not head.lstrip().startswith(b"<"):
        return True
    controls = len(head) - len(head.translate(None, _CONTROL_BYTES))
    return controls / len(head) > BINARY_CONTROL_SHARE


def _strict(data: bytes, codec: str | None) -> str | None:
    if codec is None:
        return None
    try:
        return data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


def meta_charset(data: bytes) -> str | None:
    """The charset named by a ``<meta>`` tag near the start of the document."""
    match = _META_CHARSET.search(data[:META_SNIFF_BYTES])
    return match.group(1).decode("ascii", "replace") if match else None


def _mostly_chinese_gb(data: bytes) -> str | None:
    """The page as GB18030 when that reads as Chinese with at most a few broken bytes.

    Undeclared GBK pages with a stray invalid byte defeat a strict decode, and a
    statistical detector then often settles on a single-byte charset that decodes
    anything. GB18030 text whose non-ASCII characters are nearly all CJK is the far
    likelier reading.
    """
    text = data.decode("gb18030", "replace")
    non_ascii = [ch for ch in text if ch > "\x7f"]
    if not non_ascii:
        return None
    broken = text.count("\ufffd")
    cjk = sum(1 for ch in non_ascii if "\u3000" <= ch <= "\u9fff" or "\uff00" <= ch <= "\uffef")
    if broken <= len(non_ascii) * GB_MAX_BROKEN_SHARE and cjk >= len(non_ascii) * GB_MIN_CJK_SHARE:
        return text
    return None


def _detect(data: bytes) -> str | None:
    from charset_normalizer import from_bytes  # imported lazily: rarely needed, slow to import

    best = from_bytes(data[:DETECT_BYTES]).best()
    return normalize_charset(best.encoding) if best is not None else None


def decode(data: bytes, http_charset: str | None = None) -> Decoded:
    """Decode page bytes, trying in order: BOM, strict UTF-8, HTTP charset, meta charset,
    detector.

    Raises NotHTMLError for binary data. Never fails on text: the last resort decodes
    with replacement characters under the best guess.
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return Decoded(data[len(bom):].decode(codec, "replace"), codec)
    if looks_binary(data):
        raise NotHTMLError("input is binary data, not HTML")

    # Bytes that are valid UTF-8 and not plain ASCII are UTF-8 whatever the label says:
    # multi-byte UTF-8 does not happen by accident in GBK or Big5 text, while pages
    # saved from a browser keep their old "gb2312" label over UTF-8 bytes.
    if not data.isascii():
        text = _strict(data, "utf-8")
        if text is not None:
            return Decoded(text, "utf-8", data)
    declared = [normalize_charset(http_charset), normalize_charset(meta_charset(data))]
    for codec in declared:
        text = _strict(data, codec)
        if text is not None:
            return Decoded(text, codec, data if codec == "utf-8" else None)  # type: ignore[arg-type]
    if data.isascii():
        return Decoded(data.decode("ascii"), "utf-8", data)
    detected = _detect(data)
    text = _strict(data, detected)
    if text is not None and detected in MULTIBYTE_CODECS:
        return Decoded(text, detected)  # type: ignore[arg-type]
    chinese = _mostly_chinese_gb(data)
    if chinese is not None:
        return Decoded(chinese, "gb18030")
    if text is not None:
        return Decoded(text, detected)  # type: ignore[arg-type]
    # Nothing decodes cleanly: a few broken bytes in a real page. Prefer what the page
    # declared, then the detector's guess, and replace the broken bytes.
    fallback = next((c for c in (*declared, detected) if c), "utf-8")
    return Decoded(data.decode(fallback, "replace"), fallback)
