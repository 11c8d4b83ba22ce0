"""People in an article: their names, titles and affiliations in the usual news
forms, and the later mentions (surname, pronoun) that point back to them.

    NATO Secretary-General Mark Rutte          title before the name
    Sebastian Maslow, an associate professor at the University of Tokyo
    Kallas, who also serves as European Commission vice president,
    said Sebastian Maslow / Izawa said          a speaker names a person
"""

import calendar
import re
from bisect import bisect_left
from dataclasses import dataclass, field

from .gazetteer import HONORIFIC, PARTIES, TITLE_HEADS, party_for

# Capitals and small letters of Latin-script names, accents included (Å, Ō, ü, ø ...).
_CAP = "A-Z\u00c0-\u00d6\u00d8-\u00de\u0100-\u017f"
_LOW = "a-z\u00df-\u00f6\u00f8-\u00ff\u0100-\u017f"
_UP = rf"[{_CAP}][{_LOW}'\u2019]+(?:-[{_CAP}]?[{_LOW}]+)?"
_PARTICLE = r"(?:van|von|de|der|den|da|di|du|le|la|bin|al|ter)"
NAME = rf"{_UP}(?:\s+(?:{_PARTICLE}\s+)?{_UP}){{0,2}}"

# Capitalised words that start sentences or name things, never people.
# Groups that open a sentence as speakers: "Officials said", "Analysts noted".
PLURAL_GROUPS = {
    "Officials",
    "Analysts",
    "Experts",
    "Sources",
    "Critics",
    "Diplomats",
    "Observers",
    "Residents",
    "Organizers",
    "Organisers",
    "Researchers",
    "Authorities",
    "Lawmakers",
    "Ministers",
    "Leaders",
    "Executives",
    "Investors",
    "Economists",
    "Scholars",
    "Protesters",
    "Officers",
    "Commanders",
    "Witnesses",
    "Participants",
    "Delegates",
}
NOT_NAMES = (
    set(calendar.month_name[1:])
    | set(calendar.day_name)
    | {
        "The",
        "A",
        "An",
        "He",
        "She",
        "They",
        "It",
        "We",
        "I",
        "You",
        "But",
        "And",
        "Or",
        "In",
        "At",
        "On",
        "As",
        "By",
        "Both",
        "This",
        "That",
        "These",
        "Those",
        "Its",
        "Their",
        "His",
        "Her",
        "Our",
        "If",
        "When",
        "While",
        "After",
        "Before",
        "Since",
        "Only",
        "Also",
        "However",
        "Meanwhile",
        "Against",
        "Amid",
        "Among",
        "Through",
        "Together",
        "Support",
        "Reaching",
        "Joining",
        "Establishing",
        "Many",
        "Some",
        "Such",
        "Even",
        "Asked",
        "According",
        "From",
        "With",
        "Without",
        "For",
        "To",
        "Of",
        "Under",
        "Over",
        "Into",
        "There",
        "Here",
        "What",
        "Why",
        "How",
        "Who",
        "Summit",
        "Ministry",
        "Office",
        "Prefecture",
        "University",
        "Institute",
        "Center",
        "Centre",
        "Agency",
        "Council",
        "Commission",
        "Parliament",
        "Party",
        "Forces",
        "Force",
        "Army",
        "Navy",
        "Times",
        "Post",
        "News",
        "Press",
        "Daily",
        "Group",
        "Corp",
        "Company",
        "Ltd",
        "Inc",
        "Bank",
        "Fund",
        "Program",
        "Programme",
        "Pledge",
        "Dialogue",
        "Initiative",
        "Organization",
        "Organisation",
        "Directorate",
        "Division",
        "Department",
        "Bureau",
        "Committee",
        "Forum",
        "Studies",
        "Affairs",
        "Policy",
        "Alliance",
        "Union",
        "Pacific",
        "Atlantic",
        "North",
        "South",
        "East",
        "West",
        "Europe",
        "Asia",
        "Indo",
        "Defense",
        "Defence",
        "Security",
        "Industry",
        "Industrial",
        "State",
        "States",
    }
)
TITLE_WORDS = {w for head in TITLE_HEADS for w in head.replace("-", " ").split()} | {
    "prime",
    "foreign",
    "defense",
    "defence",
    "deputy",
    "vice",
    "chief",
    "senior",
    "junior",
    "executive",
    "assistant",
    "associate",
    "acting",
    "former",
    "top",
    "treasury",
    "state",
    "economic",
    "finance",
    "trade",
    "policy",
    "affairs",
    "secretary-general",
    "director-general",
    "vice-president",
    "revitalization",
    "national",
    "principal",
    "lead",
    "visiting",
    "research",
    "permanent",
    "special",
    "general",
}
SPEECH_VERBS = (
    r"said|says|told|tells|added|adds|noted|notes|explained|explains|stressed|stresses|insisted|insists|argued"
    r"|argues|warned|warns|continued|wrote|writes|remarked|emphasized|emphasised|underlined|pointed out|observed"
    r"|commented|acknowledged|declared|announced|asserted|replied|recalled|believes"
)


@dataclass
class Person:
    name: str
    role: str = ""
    affiliation: str = ""
    country: str = ""
    aliases: set[str] = field(default_factory=set)

    @property
    def surname(self) -> str:
        return self.name.split()[-1]

    def as_report(self) -> dict:
        return {
            "name": self.name,
            "kind": "person",
            "role": self.role or None,
            "affiliation": self.affiliation or None,
            "country": self.country or None,
        }


def surnames(name: str) -> set[str]:
    """How a later mention may shorten a name: 'Rutte'; 'van Rijswijk' and, opening a sentence, 'Van Rijswijk'."""
    words = name.split()
    found = {words[-1]}
    for i, word in enumerate(words[1:-1], start=1):
        if re.fullmatch(_PARTICLE, word):
            tail = " ".join(words[i:])
            found |= {tail, tail[0].upper() + tail[1:]}
            break
    return found


def is_name(text: str) -> bool:
    words = text.split()
    return bool(words) and not any(
        w in NOT_NAMES or party_for(w) or w.lower() in TITLE_WORDS or w.endswith(("'s", "\u2019s")) for w in words
    )


def trim_title(title: str) -> str:
    """Drop the words before a title that are not part of it ("talks with Prime Minister")."""
    words = title.split()
    heads = [i for i, w in enumerate(words) if w.lower() in TITLE_WORDS]
    for i in range((heads[0] if heads else len(words)) - 1, -1, -1):
        if words[i].islower() and words[i] not in TITLE_WORDS:
            words = words[i + 1 :]
            break
    while len(words) > 1 and words[0].lower() not in TITLE_WORDS and (words[0] in NOT_NAMES or words[0].islower()):
        words.pop(0)
    return " ".join(words)


def split_title(text: str, trim: bool = True) -> tuple[str, str, str]:
    """'Japanese Ambassador to NATO' -> ('Ambassador to NATO', 'Japan', 'Japan')."""
    from .gazetteer import PARTY_RE

    rest, lead = trim_title(text) if trim else text.strip(), []
    while m := PARTY_RE.match(rest):
        lead.append(m.group(1))
        rest = re.sub(r"^['\u2019]s\b", "", rest[m.end() :]).lstrip()  # "Japan's State Minister"
    if not rest or not lead:
        return rest, "", ""
    party = PARTIES.get(party_for(lead[0]) or "")
    if party is None:
        return rest, "", ""
    country = party.name if party.kind == "government" else ""
    named = " ".join(lead)
    # An institution within the party ("European Commission") stays part of the title.
    if named not in (party.name, party.full_name) and not named.endswith(("ese", "an", "ish", "ch", ".")):
        rest = f"{named} {rest}"
    return rest, party.name, country


class People:
    """The people of one article, with every alias seen for them."""

    def __init__(self, text: str = ""):
        self.people: list[Person] = []
        self._mentions: list[tuple[int, Person]] = []
        # Words the article also writes in lower case ("officials") are not surnames.
        self._common = set(re.findall(r"\b[a-z][a-z'-]+\b", text))

    def plausible(self, name: str) -> bool:
        return is_name(name) and not (" " not in name and (name.lower() in self._common or name in PLURAL_GROUPS))

    def find(self, name: str) -> Person | None:
        name = " ".join(name.split())
        for person in self.people:
            if name == person.name or name in person.aliases:
                return person
        words = name.split()
        if len(words) > 1:
            # "Kaja Kallas" fills in an earlier "Kallas"
            for person in self.people:
                if " " not in person.name and person.name == words[-1]:
                    return person
            # "Investment Ingrid Vasquez-Holm": a title word run into a known name
            return self.find(" ".join(words[1:]))
        return None

    def add(self, name: str, role: str = "", affiliation: str = "", country: str = "") -> Person:
        name = " ".join(w for w in name.split() if not HONORIFIC.match(w))
        person = self.find(name)
        if person is None:
            person = Person(name)
            self.people.append(person)
        if " " not in person.name and " " in name:  # "Kallas" is "Kaja Kallas" once the article says so
            person.aliases.add(person.name)
            person.name = name
        person.aliases |= {name, *surnames(name)}
        self.enrich(person, role, affiliation, country)
        return person

    @staticmethod
    def enrich(person: Person, role: str, affiliation: str, country: str):
        """Fill what is missing; a fuller title ("Ambassador to NATO") replaces a bare one ("Ambassador")."""
        if role and (not person.role or person.role.lower() in role.lower()):
            person.role = role
        person.affiliation = person.affiliation or affiliation
        person.country = person.country or country

    def note_mentions(self, paragraphs: list[tuple[str, int]]):
        """Remember where each known person is named (in `(text, offset)` paragraphs), for pronouns."""
        if not self.people:
            return
        aliases = sorted({a for p in self.people for a in p.aliases | {p.name}}, key=len, reverse=True)
        pattern = re.compile(r"\b(" + "|".join(re.escape(a) for a in aliases) + r")\b")
        for text, offset in paragraphs:
            for m in pattern.finditer(text):
                person = self.find(m.group(1))
                if person:
                    self._mentions.append((offset + m.start(), person))
        self._mentions.sort(key=lambda pair: pair[0])

    def first_named(self) -> Person | None:
        """Who the article names first (in an interview, the interviewee)."""
        return self._mentions[0][1] if self._mentions else None

    def last_with_role(self, title: str, position: int) -> Person | None:
        """The person last named before `position` whose title has this word ("the minister")."""
        holders = {id(p) for p in self.people if title.lower() in p.role.lower()}
        i = bisect_left(self._mentions, position, key=lambda pair: pair[0])
        for _, person in reversed(self._mentions[:i]):
            if id(person) in holders:
                return person
        return next((p for p in self.people if id(p) in holders), None) if len(holders) == 1 else None

    def last_named_before(self, position: int) -> Person | None:
        i = bisect_left(self._mentions, position, key=lambda pair: pair[0])
        return self._mentions[i - 1][1] if i else None


_TITLE_HEAD_RE = "|".join(sorted((re.escape(h) for h in TITLE_HEADS), key=len, reverse=True))
# "[NATO] Secretary-General Mark Rutte", "Japanese Ambassador to NATO Osamu Izawa", "foreign policy chief Kaja Kallas":
# the regex finds a title's head word and the name after it; up to four words before the head complete the title.
TITLED = re.compile(
    rf"\b(?P<head>(?i:{_TITLE_HEAD_RE}))"
    # the capitalised run after the head: the rest of the title ("to NATO", "for Defence Industry and Space")
    # and, at its end, the name
    rf"(?P<run>(?:\s+(?:(?:to|of|for|at|and|the|&)\s+)*[{_CAP}][\w.'\u2019-]*){{1,10}})"
)
# "Japan's Deputy Minister for Foreign Affairs, Emiko Tanabe, has ...": title, comma, name.
TITLE_COMMA_NAME = re.compile(
    rf"\b(?P<head>(?i:{_TITLE_HEAD_RE}))"
    rf"(?P<post>\s+(?:to|of|for|at)\s+(?:the\s+)?[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){{0,3}})?"
    rf",\s+(?P<name>{NAME})(?=[,.])"
)
_TITLE_LEAD = re.compile(r"(?:(?:[A-Z][\w.'\u2019-]*|[a-z][\w-]*)\s+){0,4}$")


def _title_of(text: str, m: re.Match, post: str = "") -> str:
    lead = _TITLE_LEAD.search(text, max(0, m.start() - 80), m.start())
    return (lead.group(0) if lead else "") + m.group("head") + (post or m.groupdict().get("post") or "")


def _titled_names(text: str, people: "People"):
    """(name, title) for each 'Title Name' in `text`. A title's capitalised run may go on past the name
    ('Jane Holloway and Japanese Defense Minister Kenji Arakawa') or hold an 'and' of its own ('for Defence
    Industry and Space Kristiina Valtonen-Berg'): the shortest stretch up to an 'and' that ends in a name
    is this title's; what follows is read again for titles of its own."""
    for m in TITLED.finditer(text):
        if re.match(r",\s+[A-Z]", text[m.end() :]):
            continue  # "Minister for Foreign Affairs, Emiko Tanabe": the comma form reads this one
        parts = re.split(r"\s+and\s+", m.group("run").strip())
        for n in range(1, len(parts) + 1):
            found = _name_at_end(" and ".join(parts[:n]), people)
            if found:
                post, name = found
                yield name, _title_of(text, m, f" {post}" if post else "")
                yield from _titled_names(" and ".join(parts[n:]), people)
                break


def _name_at_end(run: str, people: "People") -> tuple[str, str] | None:
    """The name is the last two or three capitalised words (a particle may stand inside), or one
    when only a surname fits."""
    words = [w for w in run.split() if not HONORIFIC.match(w)]
    if words and words[-1].endswith(".") and len(words[-1]) > 2:
        words[-1] = words[-1][:-1]  # the sentence's full stop, not part of the name
    for size in (3, 2, 1):
        if len(words) < size:
            continue
        name = words[-size:]
        if size == 3 and not re.fullmatch(_PARTICLE, name[1]):
            continue
        if not all(w[:1].isupper() or re.fullmatch(_PARTICLE, w) for w in name):
            continue
        candidate = " ".join(name)
        before = words[-size - 1] if len(words) > size else ""
        if before in ("to", "of", "for", "at", "the", "and", "&"):
            continue  # "at the Institute for Indo-Pacific Studies": an organisation's name, not a person's
        if not any(w.lower() in TITLE_WORDS for w in name) and people.plausible(candidate):
            return " ".join(words[:-size]), candidate
    return None


# "Gorana Grgic, a senior researcher in Euro-Atlantic security at ETH Zurich's Center for Security Studies,"
_ORG = r"(?:the\s+)?(?P<org>[A-Z][\w.'\u2019&-]*(?:\s+(?:of|for|and|on|in|the|de|[A-Z][\w.'\u2019&-]*))*)"
APPOSITIVE = re.compile(
    rf"(?P<name>{NAME})(?:,|\s+[\u2014\u2013])\s+(?:an?\s+|the\s+)?"
    rf"(?:(?P<porg>[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*)['\u2019]s\s+)?"
    rf"(?!(?:one|two|some|several|many|most|all|each)\s)"  # "Koblenz, one German official": not an apposition
    rf"(?P<role>[a-z][\w\s'\u2019-]{{2,80}}?)(?:\s+(?:at|of|with|from)\s+{_ORG})?"
    rf"(?=[,.;\u2014\u2013]|\s+who\b|\s*\(|\s+and\s+(?:an?|the)\s)"
)
SERVES_AS = re.compile(
    rf"(?P<name>{NAME}),\s+who\s+(?:also\s+|currently\s+|now\s+)?(?:serves|served|is|was|works)\s+as\s+"
    rf"(?:an?\s+|the\s+)?(?P<role>[^,;.]{{3,80}}),"
)
SPEAKER_BEFORE = re.compile(rf"(?P<name>{NAME})(?:,\s+[^,]{{1,120}},)?\s+(?:also\s+|later\s+)?(?:{SPEECH_VERBS})\b")
SPEAKER_AFTER = re.compile(rf"\b(?:said|says|added|adds|noted|notes|explained|according to)\s+(?P<name>{NAME})\b")


def _clean_name(raw: str) -> str:
    words = raw.split()
    # "Secretary-General Mark Rutte" inside a run: the title words go, the name stays
    while len(words) > 1 and (words[0].lower() in TITLE_WORDS or party_for(words[0]) or words[0] in NOT_NAMES):
        words.pop(0)
    return " ".join(words)


def _has_title_head(role: str) -> bool:
    lowered = f" {role.lower()} "
    return any(f" {head} " in lowered or f" {head}-" in lowered for head in TITLE_HEADS)


def _org_name(org: str | None) -> str:
    if not org:
        return ""
    org = re.sub(r"\s+(?:of|for|and|on|in|the|de)$", "", org.strip())
    return re.sub(r"\s+who$", "", org)


def scan_people(text: str, people: People, *, caption: bool = False):
    """Add the people a paragraph names with a title, an apposition or a speech verb.

    A caption only adds to people the article itself names: it may spell out the
    full name and title of someone quoted, but a caption's own subjects are not the story.
    """
    found = list(_titled_names(text, people))
    for m in TITLE_COMMA_NAME.finditer(text):
        found.append((m.group("name"), _title_of(text, m)))
    for raw_name, raw_title in found:
        name, title = _clean_name(raw_name), trim_title(raw_title)
        if not people.plausible(name) or (caption and not people.find(name)):
            continue
        people.add(name, *split_title(title))
    for regex in (APPOSITIVE, SERVES_AS):
        for m in regex.finditer(text):
            name, role = _clean_name(m.group("name")), m.group("role").strip()
            if not people.plausible(name) or not _has_title_head(role) or (caption and not people.find(name)):
                continue
            if re.search(r"\b(?:in|at|from|to|near)\s+$", text[: m.start()]):
                continue  # "Back in Koblenz, ...": a place
            org = _org_name(m.groupdict().get("org") or m.groupdict().get("porg"))
            role_in, affiliation, country = split_title(role, trim=False)
            people.add(name, role_in or role, org or affiliation, country)
    if caption:
        return
    for regex in (SPEAKER_BEFORE, SPEAKER_AFTER):
        for m in regex.finditer(text):
            name = _clean_name(m.group("name"))
            if people.plausible(name):
                people.add(name)
