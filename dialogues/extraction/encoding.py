"""Bytes to text when a file is not UTF-8.

charset-normalizer finds multi-byte encodings (Shift_JIS, EUC-JP, GB18030 ...) well, but among the
single-byte code pages it often picks one that is valid for the bytes yet wrong for the language:
Italian 'può' saved as cp1252 reads as Vietnamese 'pụ' in cp1258, or as Czech 'puň' in cp1250.
European news text is far more often Western (cp1252) than anything else, so the Western reading
wins unless it puts symbols inside words ('Wa³êsa' is cp1250 Polish read as cp1252); then the
Central European one is tried, and only then the detector's own choice. A decoding that needed any
of this is reported as doubtful, so every quote of the file goes to the editors' review list.
"""

import re
import unicodedata
from dataclasses import dataclass

import charset_normalizer

# Two or more kana or CJK characters in a row: real Japanese (or Chinese, Korean) text, not a stray byte pair.
_CJK_RUN = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]{2,}")
# Tried in this order; the first that reads as ordinary text wins.
SINGLE_BYTE = ("cp1252", "cp1250", "cp1257", "cp1251", "cp1253")


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    doubtful: bool  # a guess among encodings that all decode the bytes


class Undecodable(ValueError):
    pass


_GLUED = re.compile(r"(?<=[^\W\d_])[^\w\s]|[^\w\s](?=[^\W\d_])")
_HARMLESS = set("$\u2122\u00ae\u00a9\u00b0")  # US$, trade marks and degrees touch words in ordinary prose
# Encodings of many bytes per character, which charset-normalizer recognises reliably.
MULTI_BYTE = (
    "shift_jis",
    "cp932",
    "euc_jp",
    "iso2022_jp",
    "gb2312",
    "gbk",
    "gb18030",
    "big5",
    "euc_kr",
    "cp949",
    "utf_16",
    "utf_32",
    "johab",
    "hz",
)


def _odd_characters(text: str) -> int:
    """Characters that ordinary prose does not have: controls, and symbols or marks glued to letters;
    or, when most letters are accented, the whole text (Cyrillic or Greek read through a Latin code page)."""
    letters = [ch for ch in text if ch.isalpha()]
    if letters and sum(1 for ch in letters if not ch.isascii()) > 0.25 * len(letters):
        return len(letters)
    odd = 0
    for ch in set(text):
        category = unicodedata.category(ch)
        if category in ("Cc", "Co", "Cn") and ch not in "\n\r\t\f":
            odd += text.count(ch)
        elif category in ("Mn", "Mc"):
            odd += text.count(ch)  # a combining mark: a code page that builds letters from parts (cp1258)
    for m in _GLUED.finditer(text):
        ch = m.group(0)
        if ch not in _HARMLESS and (unicodedata.category(ch) in ("So", "No", "Sc", "Sk") or ch in "\u00aa\u00ba"):
            odd += 1
    return odd


def _single_byte(data: bytes) -> Decoded | None:
    for encoding in SINGLE_BYTE:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _odd_characters(text) == 0:
            return Decoded(text, encoding, doubtful=True)
    return None


def decode(data: bytes) -> Decoded:
    """UTF-8 (with or without a byte-order mark) as it is; otherwise the likeliest reading, marked doubtful."""
    try:
        return Decoded(data.decode("utf-8-sig"), "utf-8", doubtful=False)
    except UnicodeDecodeError:
        pass
    best = charset_normalizer.from_bytes(data).best()
    if best is not None and best.encoding in MULTI_BYTE:
        text = str(best)
        if _CJK_RUN.search(text):
            return Decoded(text, best.encoding, doubtful=False)  # Japanese reads as words of Japanese
    found = _single_byte(data)
    if found:
        return found
    if best is None or best.encoding is None:
        raise Undecodable("not text in any known encoding (save it as UTF-8)")
    return Decoded(str(best), best.encoding, doubtful=True)
