"""Turn an uploaded or on-disk file into article text, or say clearly why not.

Text files are UTF-8; other encodings (Shift_JIS, cp1252, ...) are decoded with a
loud note (`encoding`). HTML pages are reduced to their main text (`webpage`), so
navigation, asides and footers never reach the importer; Markdown is read as the
blocks it renders to (`markdown`); hard-wrapped text, as
pulled out of a PDF, is joined into paragraphs (`plaintext`).
"""

import hashlib
import os
from dataclasses import dataclass

from .encoding import Undecodable, decode
from .markdown import markdown_text
from .plaintext import unwrap
from .webpage import NoArticle, page_text

MAX_BYTES = 5 * 1024 * 1024
TEXT_SUFFIXES = (".txt", ".text")
HTML_SUFFIXES = (".html", ".htm")
MARKDOWN_SUFFIXES = (".md", ".markdown")
SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + MARKDOWN_SUFFIXES


class UnreadableFile(Exception):
    """A file that cannot be imported; the message says why in one line."""


@dataclass(frozen=True)
class Page:
    text: str
    title: str | None
    checksum: str
    note: str | None = None  # e.g. "decoded as cp1252"
    doubtful: bool = False  # the decoding is a guess: quotes may have wrong letters


def _decode(data: bytes) -> tuple[str, str | None, bool]:
    try:
        decoded = decode(data)
    except Undecodable as exc:
        raise UnreadableFile(str(exc)) from None
    if decoded.encoding == "utf-8":
        return decoded.text, None, False
    if decoded.doubtful:
        note = (
            f"not UTF-8: decoded as {decoded.encoding}, a GUESS: accented letters may be wrong, so every quote of "
            "this file goes to the review list (save the file as UTF-8 to be sure)"
        )
    else:
        note = f"not UTF-8: decoded as {decoded.encoding}"
    return decoded.text, note, decoded.doubtful


def too_large(size: int, limit: int = MAX_BYTES) -> UnreadableFile:
    """The refusal of a file of `size` bytes, read or not."""
    return UnreadableFile(f"too large ({size / 1024 / 1024:.1f} MB; the limit is {limit / 1024 / 1024:g} MB)")


def read_file(path, limit: int = MAX_BYTES) -> bytes:
    """A file's bytes, if it is within `limit`: a larger file is refused before it is read, and
    never more than the limit is read (a file that grows, or a device, stops there too)."""
    with open(path, "rb") as file:
        size = os.fstat(file.fileno()).st_size
        if size > limit:
            raise too_large(size, limit)
        data = file.read(limit + 1)
    if len(data) > limit:
        raise too_large(len(data), limit)
    return data


def _looks_binary(data: bytes) -> bool:
    sample = data[:4096]
    if b"\x00" in sample:
        return True
    control = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return control > len(sample) * 0.05


def is_html(name: str, text: str) -> bool:
    return name.lower().endswith(HTML_SUFFIXES) or text.lstrip()[:15].lower().startswith(("<!doctype html", "<html"))


def read_page(data: bytes, name: str) -> Page:
    """The article text in `data` (the bytes of a file called `name`)."""
    lowered = name.lower()
    if not lowered.endswith(SUFFIXES):
        raise UnreadableFile(f"not an article file (expected {', '.join(SUFFIXES)})")
    if len(data) > MAX_BYTES:
        raise too_large(len(data))
    if not data.strip():
        raise UnreadableFile("empty file")
    if _looks_binary(data):
        raise UnreadableFile("a binary file, not text")
    text, note, doubtful = _decode(data)
    if "\x00" in text:  # past the sample _looks_binary reads; no database stores it as text
        raise UnreadableFile("a binary file, not text (it holds NUL characters)")
    # The same article saved on Windows or on a Mac is the same article.
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    title = None
    if is_html(name, text):
        try:
            text, title = page_text(text)
        except NoArticle as exc:
            raise UnreadableFile(str(exc)) from None
    elif lowered.endswith(MARKDOWN_SUFFIXES):
        text, title = markdown_text(text)
    else:
        text = unwrap(text)
    if not text.strip():
        raise UnreadableFile("no text in the file")
    return Page(text, title, hashlib.sha256(text.encode()).hexdigest(), note, doubtful)
