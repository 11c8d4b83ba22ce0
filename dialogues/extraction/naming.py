"""When two names speak of the same dialogue or agreement: the same content words, spelling aside.

'Japan–NATO defense-industrial talks' and 'Japan–NATO Defence Industry Dialogue' are one dialogue;
'defence equipment transfer agreement' and 'agreement on the transfer of defence equipment' one agreement;
'Global Combat Air Program' and 'Global Combat Air Programme (GCAP)' and 'GCAP' one programme;
'"two-plus-two" security talks' and 'meeting of their foreign and defense ministers' one 2+2.
This is the one place the importer decides that, within an article and across articles.
"""

import re
import unicodedata
from functools import lru_cache

from .gazetteer import _WORD_TO_PARTY, PARTIES
from .wordlists import words

HEAD_WORDS = words(
    """
    dialogue dialogues talks forum consultation consultations meeting meetings session pledge partnership agreement
    treaty pact accord deal program initiative arrangement convention memorandum mou moc project projects framework
    negotiations round
    """
)
STOP_WORDS = words(
    """
    the and of on for a an new s by joint with to in its their first second third fourth fifth sixth seventh eighth
    ninth tenth previous next latest inaugural formal bilateral landmark historic broad between concerning regarding
    establishing or known as this that understanding cooperation style format type
    """
)
_PARTY_WORDS = {w.lower() for w in _WORD_TO_PARTY} | {p.lower() for p in PARTIES}
_NOT_CONTENT = STOP_WORDS | HEAD_WORDS | _PARTY_WORDS
# Every way news writes a meeting of foreign and defence ministers of two countries.
TWO_PLUS_TWO = re.compile(
    r"2\s?\+\s?2|two[- ]plus[- ]two|foreign and defen[cs]e ministers['\u2019]?\s*(?:meeting|talks|dialogue)?"
    r"|(?:meeting|talks|dialogue) of (?:[\w'\u2019]+ ){0,3}foreign and defen[cs]e ministers",
    re.I,
)


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()


@lru_cache(maxsize=4096)  # the names of the records an import compares come again and again
def acronym(name: str) -> str:
    """'Global Combat Air Programme' -> 'GCAP'; 'Reciprocal Access Agreement' -> 'RAA'."""
    words = [w for w in re.findall(r"[A-Za-z][\w-]*", re.sub(r"\([^)]*\)", " ", name)) if w.lower() not in _PARTY_WORDS]
    letters = []
    for w in words:
        if w[:1].isupper():
            letters += [part[0] for part in w.split("-") if part[:1].isupper()]
    return "".join(letters).upper()


@lru_cache(maxsize=4096)
def name_key(name: str) -> frozenset[str]:
    """The content words of a record's name, spelling-normalised."""
    text = _fold(name)
    two_plus_two = bool(TWO_PLUS_TWO.search(text))
    if two_plus_two:
        text = TWO_PLUS_TWO.sub(" ", text)
    text = re.sub(r"\([^)]*\)", " ", text)  # an acronym in brackets is an alias, not content
    text = text.replace("defense", "defence").replace("programme", "program").replace("organisation", "organization")
    text = re.sub(r"industr\w*", "industry", text)
    text = re.sub(r"\bcross[- ]servicing\b", "crossservicing", text)
    words = set(re.findall(r"[a-z0-9%.]+", text))
    if two_plus_two:  # a 2+2 is the 2+2 however the text dresses it ('"two-plus-two" security talks')
        words = {"2+2"} | (words - {"security", "talks", "meeting", "meetings", "dialogue", "format", "style"})
    return frozenset(words - _NOT_CONTENT)


@lru_cache(maxsize=4096)
def _acronym_shape(name: str) -> tuple[frozenset[str], frozenset[str]]:
    """A name's words that could be an acronym ('GCAP', 'RAA'), and its words of content (not head or party
    words: 'GCAP', 'Tempest', not 'the', 'programme', 'Japan')."""
    words = set(re.findall(r"[A-Za-z0-9+]+", re.sub(r"\([^)]*\)", " ", name)))
    short = frozenset(w for w in words if len(w) > 2 and w.isupper())
    content = {w for w in words if w.lower().replace("programme", "program") not in _NOT_CONTENT}
    return short, frozenset(content)


def _only_acronym(name: str, acronyms: set[str]) -> bool:
    """Is `name` just one of these acronyms (with head and party words): 'GCAP', 'the RAA', 'GCAP programme'?"""
    short, content = _acronym_shape(name)
    found = short & acronyms
    return bool(found) and content <= found


def same_subject(a: str, b: str, aliases_a=(), aliases_b=()) -> bool:
    """Do two names (with their acronyms and other aliases) name one record?"""
    ka, kb = name_key(a), name_key(b)
    if ka and ka == kb:
        return True
    if ka and kb and (ka <= kb or kb <= ka) and min(len(ka), len(kb)) >= 2:
        return True
    short_a = {x.upper() for x in aliases_a} | {acronym(a)}
    short_b = {x.upper() for x in aliases_b} | {acronym(b)}
    return _only_acronym(b, short_a) or _only_acronym(a, short_b)
