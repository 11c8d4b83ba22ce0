"""Sentence boundaries, by pysbd (rule-based, no model to download)."""

from dataclasses import dataclass
from functools import lru_cache

import pysbd


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str


@lru_cache(maxsize=1)
def _segmenter() -> pysbd.Segmenter:
    return pysbd.Segmenter(language="en", clean=False, char_span=True)


def split_sentences(text: str, offset: int = 0) -> list[Sentence]:
    """Sentences of one paragraph, with offsets into the page (`offset` is the paragraph's)."""
    out: list[Sentence] = []
    for span in _segmenter().segment(text):
        chunk = span.sent.rstrip()
        if not chunk.strip():
            continue
        start, end = offset + span.start, offset + span.start + len(chunk)
        # pysbd leaves a lone closing quote as a "sentence" of its own: it belongs to the one before.
        if out and not any(c.isalnum() for c in chunk):
            prev = out[-1]
            out[-1] = Sentence(prev.start, end, text[prev.start - offset : end - offset])
            continue
        out.append(Sentence(start, end, chunk))
    return out
