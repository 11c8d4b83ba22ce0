"""Turn an uploaded or on-disk file into article text, or say clearly why not.

Text files are UTF-8; other encodings (Shift_JIS, cp1252, ...) are recognised by
charset-normalizer and decoded, with a note. HTML pages are reduced to their
main text by trafilatura, so navigation, asides and footers never reach the
importer.
"""

import hashlib
from dataclasses import dataclass

import charset_normalizer

MAX_BYTES = 5 * 1024 * 1024
TEXT_SUFFIXES = (".txt", ".text")
HTML_SUFFIXES = (".html", ".htm")
SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES


class UnreadableFile(Exception):
    """A file that cannot be imported; the message says why in one line."""


@dataclass(frozen=True)
class Page:
    text: str
    title: str | None
    checksum: str
    note: str | None = None  # e.g. "decoded as cp1252"


def _decode(data: bytes) -> tuple[str, str | None]:
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError:
        pass
    best = charset_normalizer.from_bytes(data).best()
    if best is None or best.encoding is None:
        raise UnreadableFile("not text in any known encoding (save it as UTF-8)")
    return str(best), f"not UTF-8: decoded as {best.encoding}"


def _looks_binary(data: bytes) -> bool:
    sample = data[:4096]
    if b"\x00" in sample:
        return True
    control = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return control > len(sample) * 0.05


def _html_to_text(html: str) -> tuple[str, str | None]:
    import trafilatura

    document = trafilatura.bare_extraction(html, include_comments=False, include_tables=False, with_metadata=True)
    if document is None or not (document.text or "").strip():
        raise UnreadableFile("an HTML page with no article text in it")
    title = (document.title or "").strip() or None
    body = document.text.strip()
    # The title leads the text, as in a plain article file, so sections read the same way.
    if title and not body.startswith(title):
        body = f"{title}\n{body}"
    return f"{body}\n", title


def read_page(data: bytes, name: str) -> Page:
    """The article text in `data` (the bytes of a file called `name`)."""
    lowered = name.lower()
    if not lowered.endswith(SUFFIXES):
        raise UnreadableFile(f"not an article file (expected {', '.join(SUFFIXES)})")
    if len(data) > MAX_BYTES:
        raise UnreadableFile(
            f"too large ({len(data) / 1024 / 1024:.1f} MB; the limit is {MAX_BYTES // 1024 // 1024} MB)"
        )
    if not data.strip():
        raise UnreadableFile("empty file")
    if _looks_binary(data):
        raise UnreadableFile("a binary file, not text")
    text, note = _decode(data)
    # The same article saved on Windows or on a Mac is the same article.
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    title = None
    if lowered.endswith(HTML_SUFFIXES) or text.lstrip()[:15].lower().startswith(("<!doctype html", "<html")):
        text, title = _html_to_text(text)
    if not text.strip():
        raise UnreadableFile("no text in the file")
    return Page(text, title, hashlib.sha256(text.encode()).hexdigest(), note)
