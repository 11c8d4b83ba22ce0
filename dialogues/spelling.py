"""British and American spellings of the words these records are made of ("Defence"/"Defense",
"Programme"/"Program"): names keep the article's spelling, but searching for one finds both."""

import re

# (pattern, British, American); patterns match the lower-cased text
_WORDS = [
    (re.compile(r"defen[cs]e"), "defence", "defense"),
    (re.compile(r"programme|program(?!m)"), "programme", "program"),
    (re.compile(r"organi[sz]ation"), "organisation", "organization"),
    (re.compile(r"cent(?:re|er)\b"), "centre", "center"),
    (re.compile(r"armou?r"), "armour", "armor"),
]


def spellings(text: str) -> list[str]:
    """`text`, and the same words in British and in American spelling (lower-cased), without repeats."""
    lowered = text.lower()
    british, american = lowered, lowered
    for pattern, uk, us in _WORDS:
        british = pattern.sub(uk, british)
        american = pattern.sub(us, american)
    return list(dict.fromkeys([text, *(v for v in (british, american) if v != lowered)]))
