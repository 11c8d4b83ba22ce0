"""What the wording of a sentence says about a dialogue or agreement: its status,
venue, format and topics. Each rule reads general news phrasing."""

import calendar
import re

DIALOGUE_STATUS = [
    (
        "stalled",
        re.compile(r"\b(stall(s|ed)?|suspended|postponed|put on hold|on hold|frozen|shelved|called off)\b", re.I),
    ),
    ("concluded", re.compile(r"\b(concluded|wrapped up|ended|final (round|session|meeting))\b", re.I)),
    (
        "planned",
        re.compile(
            r"\b(to (launch|be held|hold|start|begin|set up|establish|inaugurate|convene)|will (be )?(launch|held|hold|"
            r"start|begin|follow|take place|meet|convene|bring)|aim(s|ing)? to|plan(s|ned|ning)? to|set to|expected to|"
            r"is set for|are set for|scheduled|agreed to (launch|hold|set up|establish)|would (launch|hold)|"
            r"intends? to|intended to|(is|are) to (begin|start|meet|be held|take place))\b",
            re.I,
        ),
    ),
    (
        "active",
        re.compile(
            r"\b(launched|held (its|their|the) (first|second|third|inaugural|latest)|(first|inaugural) (meeting|round|"
            r"session)s? (was|were) held|met for the first time|kicked off|got under way|began|has begun|is under way|"
            r"convened)\b",
            re.I,
        ),
    ),
    (
        "proposed",
        re.compile(
            r"\b(propos(e|ed|es|al|ing)|call(ed|s)? for|suggest(ed|s)?|consider(ing|s)?|floated|mooted)\b", re.I
        ),
    ),
]

AGREEMENT_STATUS = [
    (
        "negotiating",
        re.compile(
            r"\b((launch|start|begin|open|enter|resume)(ed|s|ing)?|began|begun) "
            r"(formal |official )?(negotiations|talks)\b"
            r"|\bnegotiat(ing|ions? (on|over|for|toward|towards|of))\b|\b(to|will|would) negotiate\b"
            r"|\bin talks (on|over|about|toward|towards)\b",
            re.I,
        ),
    ),
    ("expired", re.compile(r"\b(expired|lapsed|terminated|withdrew from|scrapped)\b", re.I)),
    (
        "in_force",
        re.compile(r"\b(entered into force|came into force|took effect|takes effect|in force|ratified)\b", re.I),
    ),
    (
        "proposed",
        re.compile(
            r"\b(propos(ed|es|al)|plan(s|ned)? to (sign|conclude)|aim(s|ing)? to (sign|conclude)|will sign|could sign|"
            r"would sign|consider(ing|s)?|willingness to)\b",
            re.I,
        ),
    ),
    (
        "agreed",
        re.compile(
            r"\b(sign(ed|ing)|agreed|agree|concluded|reached|adopted|launch(ed)? of|launched|established|set up|"
            r"upgraded|elevated|"
            r"implements?|existing|struck|sealed|under the)\b",
            re.I,
        ),
    ),
]


def status_from(rules, text: str) -> str | None:
    for status, pattern in rules:
        if pattern.search(text):
            return status
    return None


_PLACE = r"(?:the\s+)?[A-Z][\w'\u2019.-]*(?:\s+(?:[A-Z][\w'\u2019.-]*|headquarters|of|de|in|the))*"
VENUE = re.compile(
    rf"\b(?:held|hold|holding|take place|takes place|took place|convene|convened|meet|met|hosted|host)\b"
    rf"(?:\s+[\w-]+){{0,6}}?\s+(?:at|in)\s+(?P<venue>{_PLACE})"
)
_MONTHS = set(calendar.month_name[1:])


def venue_from(text: str) -> tuple[str, int] | None:
    for m in VENUE.finditer(text):
        venue = re.sub(r"(?:\s+(?:of|de|in|the))+$", "", m.group("venue")).strip()
        if venue.endswith(".") and len(venue.split()[-1]) > 3:
            venue = venue[:-1]  # the sentence's full stop ("... held in Tokyo."), not an abbreviation's
        first = venue.split()[-1] if venue else ""
        if venue and first not in _MONTHS and not re.search(r"\d", venue):
            return venue, m.start("venue")
    return None


FORMAT = re.compile(
    r"\b(?P<only>only\s+)?(?:involve|involves|involving|bring together|bringing together|brings together|"
    r"gather|gathering|attended by|open to|include|including)\s+(?:only\s+)?(?P<who>[^.;:]{3,120}?)"
    r"(?=\s+from\s|[.;]|,\s+(?:as|while|which|who|and will|the|a|an|[A-Z])\b"
    r"|\s+(?:as|while|next|last|this|in|at|on|by)\s|$)"
)
_WHO = re.compile(
    r"\b(officials|representatives|businesses|companies|industry|ministers|experts|executives|"
    r"diplomats|firms|startups|officers|ministries|agencies)\b",
    re.I,
)


def format_from(text: str) -> str | None:
    for m in FORMAT.finditer(text):
        who = m.group("who").strip()
        if _WHO.search(who):
            return f"{who} only" if m.group("only") else who
    return None


TOPICS = re.compile(
    r"\b(?:areas|fields|sectors|domains|technologies|issues)\s+(?:such as|including|like)\s+(?P<list>[^.;:]+)"
)


def topics_from(text: str) -> list[str]:
    m = TOPICS.search(text)
    if not m:
        return []
    items = re.split(r",\s*|\s+and\s+|\s+or\s+", m.group("list"))
    return [item.strip() for item in items if item.strip() and len(item.split()) <= 4]
