"""What the wording of a clause says about a dialogue or agreement: its status, venue, format and topics.
Each rule reads general news phrasing, never one article's.

Status words are sorted by what they say happened; `dialogue_status` and `agreement_status` pick, among all
the words a clause has for one record, the one that counts (a meeting "set for Monday" that was "put off" is
stalled; an agreement "signed" after "negotiations opened" is agreed). Words in a hypothetical ("once it is
concluded", "if they sign") say nothing.
"""

import calendar
import re

from .gazetteer import is_adjective

_FUTURE = (
    r"will(?:\s+\w+){0,2}?\s+(?:be\s+)?(?:launch|hold|held|start|begin|follow|take place|meet|convene|bring|set up|"
    r"establish|create|open|inaugurate|resume)|to be (?:held|launched|set up|established|convened)|"
    r"(?:is|are|was|were) (?:due|scheduled|expected|set|slated|planned|poised|going) to|scheduled|(?:is|are) set for|"
    r"set for|"
    r"(?:agreed|agree|decided|decide|plan|plans|planned|planning|aim|aims|aiming|intend|intends|intended|hope|hopes|"
    r"want|wants|prepare|prepares|preparing|expect|expects|expected|pledged|vowed|promised) to (?:\w+\s+)?"
    r"(?:launch|hold|set up|establish|create|start|begin|convene|inaugurate|institute|open|meet|organi[sz]e|host|"
    r"hold talks|resume)|"
    r"(?:is|are) to (?:begin|start|meet|be held|take place|launch|hold)|would (?:meet|hold|launch|begin|start|convene|"
    r"be held|take place)|first meeting (?:next|later|in|is|will)|(?:will|would) (?:soon )?(?:hold|meet|launch)|"
    r"(?:announced|announce) (?:a|an|the) (?:new|first)|upcoming|forthcoming|next round|reschedul(?:e|ed|ing)|"
    r"(?:^|(?<=\s))to (?:launch|hold|start|begin|set up|establish|create|open|resume|inaugurate|convene)"
)
DIALOGUE_WORDS = [
    (
        "stalled",
        re.compile(
            r"\b(?:stall(?:s|ed)?|suspend(?:s|ed)?|postpone(?:s|d)?|put (?:off|on hold)|on hold|frozen|froze|shelved|"
            r"called off|call off|cancel(?:l)?ed|delayed|delay(?:s)?|halted|broke down|deadlock(?:ed)?|scrapped|"
            r"remain(?:s|ed)? (?:frozen|suspended|on hold))\b",
            re.I,
        ),
    ),
    (
        "concluded",
        re.compile(
            r"\b(?:(?:were|was|have been|has been) concluded|concluded (?:its|their) (?:work|final)|ended|wound down|"
            r"winds? down|wrapped up|came to an end|final (?:round|session|meeting)|disbanded|dissolved)\b",
            re.I,
        ),
    ),
    (
        "held",
        re.compile(
            r"\b(?:held|took place|(?:was|were) held|met|convened|hosted|gathered|attended|joined|took part|kicked off|"
            r"launched|began|begun|started|inaugurated|opened|got under way|got underway|is under way|are under way|"
            r"underway|ongoing|continu(?:e|es|ed|ing)|resumed|established|set up|have met|has met|meets|upgraded?|"
            r"elevated|(?:is|are|was|were) meeting|since|(?<!to )(?<!will )(?<!would )(?<!could )(?<!should )(?<!may )"
            r"(?<!might )(?<!can )(?:hold|holds|meet))\b|\b(?:after|following)\s+(?:(?:the|their|its|a)\s+)?$",
            re.I,
        ),
    ),
    ("planned", re.compile(rf"\b(?:{_FUTURE})\b", re.I)),
    (
        "proposed",
        re.compile(
            r"\b(?:propos(?:e|ed|es|al|als|ing)|call(?:s|ed|ing)? for|suggest(?:s|ed|ing)?|consider(?:s|ed|ing)?|"
            r"floated|mooted|could|should|might|idea of|explor(?:e|es|ed|ing)|invit(?:e|ed|ation)|urg(?:e|ed|es))\b",
            re.I,
        ),
    ),
]

AGREEMENT_WORDS = [
    (
        "future_in_force",
        re.compile(
            r"\b(?:will|would|to|set to|due to|expected to|is to|are to)\s+(?:\w+\s+)?(?:take effect|enter into force|"
            r"come into force|go into effect)|bring (?:\w+\s+){0,3}into force|"
            r"(?<!entered )(?<!came )into force (?:next|later|on|in|from)|"
            r"take effect (?:on|in|from|next)|will enter into force|enters into force (?:on|in)\b",
            re.I,
        ),
    ),
    (
        "in_force",
        re.compile(
            r"\b(?:entered into force|came into force|took effect|(?:has|have) taken effect|in force|went into effect|"
            r"in effect|effective since|ratified by both|applied since)\b",
            re.I,
        ),
    ),
    (
        "expired",
        re.compile(
            r"\b(?:expired|lapsed|terminated|withdr(?:ew|awn) from|scrapped|superseded|replaced by|replaces|"
            r"was replaced|abrogated|annulled)\b",
            re.I,
        ),
    ),
    (
        "negotiating",
        re.compile(
            r"\b(?:(?:launch|start|begin|open|enter|resume|hold|conduct)(?:ed|s|ing)?|began|begun)\s+(?:\w+\s+){0,2}?"
            r"(?:negotiations|talks)\b|\bnegotiat(?:ing|ions?|ed on)\b|\b(?:launch|start|opening|beginning) of "
            r"(?:\w+\s+){0,2}?(?:negotiations|talks)\b|\b(?:to|will|would) negotiate\b|"
            r"\bin talks (?:on|over|about|toward|"
            r"towards|for)\b|\btalks on\b|\bunder negotiation\b|\bwork(?:ing)? towards? (?:an? |the )?(?:early )?"
            r"conclusion\b|\b(?:drawing up|drafting|being drafted|being drawn up|being negotiated|hammering out)\b",
            re.I,
        ),
    ),
    (
        "proposed",
        re.compile(
            r"\b(?:propos(?:e|ed|es|al)|plan(?:s|ned)? to (?:sign|conclude)|aim(?:s|ing)? to (?:sign|conclude)|"
            r"will sign|could|should|might|would (?:sign|conclude)|consider(?:ing|s|ed)? (?:concluding|signing|a|an|"
            r"the)|willingness to|explore|exploring|ideas?|invit(?:e|ed|ing)|associate with|urged)\b",
            re.I,
        ),
    ),
    (
        "agreed",
        re.compile(
            r"\b(?:sign(?:ed|ing|s)?|inked|agreed|agree|concluded|reached|adopted|launch(?:ed|es|ing)?|established|"
            r"set up|upgraded|elevated|implement(?:s|ed|ing)?|struck|sealed|under the|ties|welcomed (?:a|an|the)|"
            r"announced|unveiled|formed|forming|form|already (?:have|has|operate)|operate under|ratified|approved|"
            r"in place|created|approv(?:e|ed|al))\b",
            re.I,
        ),
    ),
]
# A status word in these clauses is a hypothesis, not an event.
HYPOTHETICAL = re.compile(r"\b(?:once|if|unless|until|before|whether)\s+(?:\w+\s+){0,4}$", re.I)

DIALOGUE_ORDER = ["stalled", "concluded", "held", "planned", "proposed"]
AGREEMENT_ORDER = ["expired", "in_force", "future_in_force", "agreed", "negotiating", "proposed"]


# Verbs that act on their object: after a record's name they speak of something else ('the ITPP replaces the
# IPCP'), unless passive ('was signed') or in a clause about the record ('a pact that Tokyo and Berlin signed').
TRANSITIVE = re.compile(
    r"^(?:sign(?:ed|ing|s)?|inked|launch(?:ed|es|ing)?|replaces|replaced|adopted|established|set up|concluded|reached|"
    r"struck|sealed|implement(?:s|ed|ing)?|upgraded?|elevated|welcomed.*|announced|unveiled|form(?:ed|ing)?|created|"
    r"approved|held|hosted|agreed|agree|ties|launch of.*|attended|joined|opened|started|began)$",
    re.I,
)
PASSIVE = re.compile(r"\b(?:was|were|been|be|being|is|are|get|got)\s+(?:\w+\s+)?$", re.I)
RELATIVE = re.compile(
    r"^\s*(?:\([^)]*\)\s*)?,?\s*(?:which|that|who|whose)\b|^\s*(?:\([^)]*\)\s*)?,\s+(?:(?:the|a|an)\s+"
    r"[\w\s-]{0,40}?\s+)?(?:signed|agreed|launched|concluded|held|established|set up|adopted|reached|"
    r"created|formed|developed)\b",
    re.I,
)


def statuses(rules, text: str) -> list[tuple[str, int, str]]:
    """(status word class, offset, words) for every status word in `text` that is not inside a hypothesis; of two
    readings of the same words ('to be held'), the longer one."""
    found = []
    for status, pattern in rules:
        for m in pattern.finditer(text):
            if HYPOTHETICAL.search(text[: m.start()][-40:]):
                continue
            found.append((status, m.start(), m.group(0)))
    return [
        f
        for f in found
        if not any(
            o is not f and o[1] <= f[1] and f[1] + len(f[2]) <= o[1] + len(o[2]) and len(o[2]) > len(f[2])
            for o in found
        )
    ]


NEAR = 70  # characters between a verb and the record it governs ('welcomed the launch of formal negotiations on an')


def statuses_around(rules, before: str, after: str) -> list[tuple[str, int, str]]:
    """The status words that speak of a record named between `before` and `after` (its clause's two sides): the
    verb nearest before it, and after it a predicate of its own (passive, intransitive or a relative clause)."""
    said = []
    ahead = statuses(rules, before)
    if ahead:
        nearest = max(ahead, key=lambda s: s[1])
        if len(before) - nearest[1] <= NEAR:  # a verb far off, past other nouns, governs something else
            said.append(nearest)
    relative = bool(RELATIVE.match(after))
    if relative:  # '... that would go well beyond the narrower framework signed in 2017': the framework's own
        verb = re.search(r"\b(?:is|are|was|were|will|would|could|has|have|had|\w+ed|\w+s)\b", after[6:])
        other = (
            re.search(
                r"\b(?:the|a|an)\s+(?:[\w-]+\s+){0,3}?[\w-]+\s+(?:signed|agreed|launched|concluded|"
                r"adopted|reached|held|established)\b",
                after[6 + verb.end() :],
            )
            if verb
            else None
        )
        if other:
            after = after[: 6 + verb.end() + other.start()]
    for status, at, words in statuses(rules, after):
        if relative or not TRANSITIVE.match(words) or PASSIVE.search(after[:at]):
            said.append((status, at, words))
    return said


def strongest(found: list[tuple[str, int]], order: list[str]) -> str | None:
    kinds = {status for status, _ in found}
    return next((status for status in order if status in kinds), None)


_PLACE = r"(?:the\s+)?[A-Z][\w'\u2019.-]*(?:\s+(?:[A-Z][\w'\u2019.-]*|headquarters|of|de|in|the))*"
VENUE = re.compile(
    rf"\b(?:held|hold|holding|take place|takes place|took place|convene|convened|meet|met|meeting|hosted|host|"
    rf"hosting|gather|gathered|talks|summit|dialogue)\b(?:\s+[\w'\u2019-]+){{0,6}}?\s+(?:at|in)\s+(?P<venue>{_PLACE})"
    rf"|\bvisit(?:ed|ing|s)?\s+(?P<visited>[A-Z][\w'\u2019.-]*(?:\s+[A-Z][\w'\u2019.-]*)?)"
    # 'held a Defense Ministerial Meeting with the Rt Hon John HEALEY MP, Secretary of State ..., in London.'
    rf"|\b(?:held|met|meeting)\b[^.;]*,\s+(?:in|at)\s+(?P<last>{_PLACE})\.?\s*$"
)
_MONTHS = set(calendar.month_name[1:]) | set(calendar.day_name)


def venue_from(text: str) -> tuple[str, int] | None:
    for m in VENUE.finditer(text):
        group = next(g for g in ("venue", "visited", "last") if m.group(g))
        venue = re.sub(r"\s+in\s+([A-Z]\w+)$", lambda w: "" if w.group(1) in _MONTHS else w.group(0), m.group(group))
        venue = re.sub(r"(?:\s+(?:of|de|in|the))+$", "", venue).strip()
        if venue.endswith(".") and len(venue.split()[-1]) > 3:
            venue = venue[:-1]  # the sentence's full stop ("... held in Tokyo."), not an abbreviation's
        last = venue.split()[-1] if venue else ""
        if m.group("visited") and is_adjective(venue.split()[0]):
            continue  # 'a visiting Japanese delegation': who visited, not where
        if venue and last not in _MONTHS and not re.search(r"\d", venue) and venue.split()[0] not in _MONTHS:
            return venue, m.start(group)
    return None


FORMAT = re.compile(
    r"\b(?P<only>only\s+)?(?:involve|involves|involving|bring together|bringing together|brings together|"
    r"gather|gathering|attended by|open to|(?:will|to|would) include)\s+(?:only\s+)?(?P<who>[^.;:]{3,120}?)"
    r"(?=\s+from\s|[.;]|,\s+(?:as|while|which|who|and will|the|a|an|[A-Z])\b"
    r"|\s+(?:as|while|next|last|this|in|at|on|by)\s|$)"
)
_WHO = re.compile(
    r"\b(officials|representatives|businesses|companies|industry|ministers|experts|executives|"
    r"diplomats|firms|startups|officers|ministries|agencies|manufacturers)\b",
    re.I,
)


def format_from(text: str) -> str | None:
    for m in FORMAT.finditer(text):
        who = m.group("who").strip()
        if _WHO.search(who):
            return f"{who} only" if m.group("only") else who
    return None


TOPICS = re.compile(
    r"\b(?:areas|fields|sectors|domains|technologies|issues|topics)\s+(?:such as|including|like|ranging from)\s+"
    r"(?P<list>[^.;:]+)"
)


def topics_from(text: str) -> list[str]:
    m = TOPICS.search(text)
    if not m:
        return []
    items = re.split(r",\s*|\s+and\s+|\s+or\s+|\s+to\s+", m.group("list"))
    return [item.strip() for item in items if item.strip() and len(item.split()) <= 4]
