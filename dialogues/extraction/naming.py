"""When two names speak of the same dialogue or agreement: the same content words, spelling aside.

'Japan–NATO defense-industrial talks' and 'Japan–NATO Defence Industry Dialogue' are one dialogue;
'defence equipment transfer agreement' and 'agreement on the transfer of defence equipment' one agreement.
"""

import re

from .gazetteer import PARTIES

HEAD_WORDS = {
    "dialogue",
    "talks",
    "forum",
    "consultation",
    "pledge",
    "partnership",
    "agreement",
    "treaty",
    "pact",
    "accord",
    "deal",
    "program",
    "initiative",
    "arrangement",
}
STOP_WORDS = {"the", "and", "of", "on", "for", "a", "an", "new", "s", "by", "joint", "with", "to", "in"}


def name_key(name: str) -> frozenset[str]:
    """The content words of a record's name, spelling-normalised."""
    text = name.lower().replace("defense", "defence").replace("programme", "program")
    text = re.sub(r"industr\w*", "industry", text)
    words = set(re.findall(r"[a-z0-9%.]+", text))
    return frozenset(words - STOP_WORDS - HEAD_WORDS - {p.lower() for p in PARTIES})


def same_subject(a: str, b: str) -> bool:
    ka, kb = name_key(a), name_key(b)
    return ka == kb or (bool(ka) and bool(kb) and (ka <= kb or kb <= ka))
