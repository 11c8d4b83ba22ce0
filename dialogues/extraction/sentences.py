"""Sentence boundaries, by sentencex (Wikimedia's rule-based segmenter: no model to
download, fast, maintained)."""

from dataclasses import dataclass

import sentencex


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str


def split_sentences(text: str, offset: int = 0) -> list[Sentence]:
    """Sentences of one paragraph, with offsets into the page (`offset` is the paragraph's)."""
    out: list[Sentence] = []
    for boundary in sentencex.get_sentence_boundaries("en", text):
        start, end = boundary["start_index"], boundary["end_index"]
        chunk = text[start:end]
        stripped = chunk.strip()
        if not stripped:
            continue
        start += len(chunk) - len(chunk.lstrip())
        end = start + len(stripped)
        # A lone closing quote or bar belongs to the sentence before it.
        if out and not any(c.isalnum() for c in stripped):
            prev = out[-1]
            out[-1] = Sentence(prev.start, offset + end, text[prev.start - offset : end])
            continue
        out.append(Sentence(offset + start, offset + end, stripped))
    return out
