"""Fill a database with a tracker's worth of years: realistic, skewed, at a chosen scale.

    DATABASE_URL=sqlite:////tmp/scale.sqlite3 .venv/bin/python bench/generate_data.py --statements 100000
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/scale .venv/bin/python bench/generate_data.py --statements 1000000

It migrates the database named by DATABASE_URL (which must hold no statements yet) and writes, per
1,000,000 statements (everything scales linearly; the real governments are always there):

- 50,000 articles of a few KB (a dateline, background paragraphs and the quotes they carry),
  published over ten years (2016-2025, more in later years; 2 % undated), from a handful of outlets;
- 20,000 participants: the 50 governments and organisations of the importer's gazetteer (Japan,
  NATO, the EU, the UK, ...), 2 % companies and institutes, the rest people with a role, an
  affiliation (their government), a country and a region; each with its name as an alias;
- 2,000 dialogues and 5,000 agreements between Japan and its partners, with mixed statuses, fuzzy
  windows (some overdue, some coming up), parties, topics and status histories;
- 1,000,000 statements, each the exact text at its span in its article, said on the article's date:
  the top speaker says exactly 12 % of them, the top dialogue holds exactly 5 % (50,000), the rest
  follow Zipf's law; 60 % name a dialogue, 25 % an agreement; RARE_WORD appears in about 1 in 20,000;
- about 1,300,000 sources: one per statement (its speaker) and about eleven per dialogue, agreement
  and participant (status, dates, parties, roles), 5 % of them low-confidence and unconfirmed.

Rows go in with raw executemany (SQLite) or COPY (PostgreSQL) in batches of BATCH, inside one
transaction. For a large load the secondary indexes of the big tables are dropped first and made
again afterwards from their own definitions, so the database ends with exactly the indexes the
migrations make. On PostgreSQL, as a superuser, foreign-key triggers are skipped during the load
(the generator writes consistent keys) and the tables are analysed at the end, as autovacuum would.
The same --statements and --seed give the same data.

It prints what it made, the top speaker, the busiest dialogue and the rare word: what
bench/scale_benchmark.py asks for.
"""

import argparse
import bisect
import datetime
import hashlib
import itertools
import os
import random
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent

PER_MILLION = {  # per 1,000,000 statements
    "articles": 50_000,
    "participants": 20_000,
    "dialogues": 2_000,
    "agreements": 5_000,
}
RECORD_SOURCES_PER_MILLION = 300_000  # on top of one source per statement
TOP_SPEAKER_SHARE = 0.12
TOP_DIALOGUE_SHARE = 0.05
WITH_DIALOGUE, WITH_AGREEMENT = 0.60, 0.25
RARE_WORD = "zeppelin"
RARE_EVERY = 20_000  # about one statement in this many holds RARE_WORD
BATCH = 20_000
BIG_LOAD = 50_000  # statements from which indexes are dropped during the load and made again
FIRST_DAY, DAYS = datetime.date(2016, 1, 1), 3653

OUTLETS = [
    "The Japan Times",
    "Nikkei Asia",
    "Kyodo News",
    "Defense News",
    "Breaking Defense",
    "Politico Europe",
    "Euractiv",
    "Janes",
    "NHK World",
    "The Diplomat",
    "Reuters",
    "Financial Times",
]
TOPICS = [
    "Defence Industry",
    "Defence Equipment",
    "Space Security",
    "Cyber Defence",
    "Munitions Production",
    "Maritime Technology",
    "Defence Innovation",
    "Industrial Security",
    "Supply Chain Resilience",
    "Dual-Use Technology",
    "Air Defence Industry",
    "Uncrewed Systems",
    "Quantum Technology",
    "Critical Minerals",
    "Naval Shipbuilding",
    "Defence Research",
    "Hypersonic Technology",
    "Electronic Warfare",
    "Satellite Communications",
    "Military Medicine",
]
AREAS = [
    "Defence Industry",
    "Equipment",
    "Space",
    "Cyber",
    "Munitions",
    "Maritime Security",
    "Innovation",
    "Industrial Security",
    "Supply Chain",
    "Dual-Use Technology",
    "Air Defence",
    "Uncrewed Systems",
    "Quantum",
    "Critical Minerals",
    "Shipbuilding",
    "Research",
    "Hypersonics",
    "Electronic Warfare",
    "Satellite",
    "Logistics",
    "Export Control",
    "Standards",
    "Armaments",
    "Technology Security",
    "Strategic",
    "Security and Defence",
    "Economic Security",
    "Semiconductor",
    "Artificial Intelligence",
    "Counter-Drone",
]
DIALOGUE_HEADS = ["Dialogue", "Industrial Dialogue", "Forum", "Consultations", "Working Group", "Talks", "Council"]
AGREEMENT_HEADS = [
    ("Defence Equipment and Technology Transfer Agreement", "agreement"),
    ("Information Security Agreement", "information_security"),
    ("Reciprocal Access Agreement", "treaty"),
    ("Acquisition and Cross-Servicing Agreement", "agreement"),
    ("Security of Supply Arrangement", "agreement"),
    ("Joint Research Programme", "programme"),
    ("Strategic Partnership", "partnership"),
    ("Joint Statement of Intent", "pledge"),
    ("Memorandum of Cooperation", "agreement"),
    ("Co-Development Programme", "programme"),
]
DIALOGUE_STATUSES = [("proposed", 25), ("planned", 20), ("active", 35), ("stalled", 10), ("concluded", 10)]
AGREEMENT_STATUSES = [("proposed", 20), ("negotiating", 25), ("agreed", 25), ("in_force", 25), ("expired", 5)]
ROLES = [
    "Defence Minister",
    "Deputy Defence Minister",
    "State Secretary for Defence",
    "National Armaments Director",
    "Foreign Minister",
    "Ambassador to Japan",
    "Ambassador to NATO",
    "Chief of Defence",
    "Director General for Armaments",
    "Head of the Procurement Agency",
    "Commissioner of the Acquisition, Technology and Logistics Agency",
    "Vice Minister of Defense for International Affairs",
    "Prime Minister",
    "spokesperson",
    "senior fellow",
    "chief executive",
    "Member of Parliament",
    "Deputy Secretary-General",
]


def _words(text: str) -> list[str]:
    return text.split()


FIRST_NAMES = {
    "japan": _words(
        "Kenji Yuko Hiroshi Aiko Takeshi Naomi Satoshi Emi Daisuke Haruka Ryo Mariko Gen Minoru Yoko Shinjiro "
        "Taro Hanako Kazuya Akiko Masahiro Noriko Tetsuya Keiko Osamu Chie Jun Sachiko Yasuhiro Fumiko"
    ),
    "europe": _words(
        "James Sarah Oliver Helen Claire Julien Sophie Antoine Anna Matthias Katrin Stefan Giulia Marco "
        "Francesca Luca Kaja Andrius Ursula Pieter Elena Mark Radmila Ingrid Tomasz Agnieszka Piotr Ruben Sanne Pal "
        "Karin Erik Antti Elina Margarita Javier Jana Jan Hanno Kristi Bjorn Ingvild Mette Lars Gitanas Evika Rolf "
        "Sofia Nikos Ana Mihai Iveta Boris Kamila"
    ),
    "other": _words("Lloyd Kurt Penny Richard Anthony Kim Min-jun Ji-woo Rajnath Mélanie Gilberto Teodoro"),
}
SURNAME_PARTS = {
    "japan": (
        _words(
            "Ara Tana Mori Ishi Fuji Koba Naka Sa Haya Oka Yoshi Matsu Kishi Ishiba Iza Kimu Hama Taka Yama Kawa Ino "
            "Ko Shima Nishi Higa Kita Mina Ue Shi Chi Ota Saka Hira Tsuchi Ono Kuro Shira Aki Kane Miya"
        ),
        _words(
            "kawa ta be moto yashi mura to shi da oka zaki no uchi gawa hara yama kubo saki tani mori no shita guchi "
            "ike"
        ),
    ),
    "europe": (
        _words(
            "Hol Whit Car Ash Pem Del Mor Vas Lam Gir Font Schm Bren Weid Hart Kra Lind Ferr Cont Bell March Rin Gall "
            "Kall Var Lem Ostr Dum Haug Kow Now Ziel Wrob Maz Dab Jons Lindq Berg Hakk Virt Kor Niem Ruge Cast Sol"
        ),
        _words(
            "loway field rington worth bridge croix eau seur bert ardot aine idt ner mann ause ner aro ti ini etti "
            "aldi li strom ga aire owska ont en czyk icki inska el ur owski son vist rom anen onen inen ello berg ova"
        ),
    ),
    "other": (
        _words("Aus Ca Har Wil Lee Park Sing Kho Gar Rey"),
        _words("tin rter ris son kins -Kim ner rez nolds"),
    ),
}
COMPANY_WORDS = (
    _words("Aero Naval Orbital Quantum Nordic Alpine Pacific Atlantic Helix Vector Sentinel Aegis Boreal Meridian"),
    _words("Systems Dynamics Industries Defence Technologies Electronics Robotics Shipyards Institute Labs"),
)
QUOTE_OPENINGS = [
    "This dialogue will give our companies a clear and regular channel to work together",
    "Neither of us can afford to build everything alone any more",
    "We need information and they need information",
    "We want to turn that trust into concrete projects",
    "Companies need predictability before they commit money",
    "This is a practical step, not a symbolic one",
    "Our industries have complementary strengths",
    "The security of Europe and the security of the Indo-Pacific are inseparable",
    "We came to listen and to find concrete areas where our firms can work side by side",
    "Production capacity is the bottleneck",
    "We will start with information sharing and move to joint projects as trust grows",
    "The rules on technology transfer are the missing piece",
    "It is an important step in a conversation that has been underway for some time",
    "The real test will be whether companies sign contracts",
    "Export rules have been relaxed, but uncertainty remains",
    "Smaller firms and start-ups need a way in",
]
QUOTE_MIDDLES = [
    "on {area}",
    "and {area} is where we begin",
    "especially in {area}",
    "because {area} cannot wait",
    "with {area} at the top of the agenda",
    "and we expect results on {area} within a year",
    "as the talks on {area} showed",
    "",
]
QUOTE_ENDINGS = [
    "",
    ", and that is why we are here",
    ", and our partners agree",
    ", whatever the budget says",
    ", as both ministers said today",
    ", and the next meeting will prove it",
]
LOWER_AREAS = [a.lower() for a in AREAS]
BACKGROUND = [
    "Japan has stepped up defence cooperation with European partners in recent years, with warships and "
    "aircraft taking part in exercises in the Indo-Pacific and officials attending meetings in Europe on "
    "industrial capacity, standards and the protection of classified information.",
    "Tokyo relaxed its rules on the export of defence equipment in 2014 and again in recent years, allowing "
    "Japanese manufacturers to take part in international development programmes, although sales of finished "
    "lethal equipment remain tightly restricted and each case is reviewed by the cabinet.",
    "Officials said the forum would meet at least once a year, alternating between Tokyo and a European "
    "capital, with smaller working groups meeting in between and reporting to vice-ministers.",
    "Industry groups have lobbied for further changes, arguing that small volumes make Japanese production "
    "expensive and that joint programmes are the only way to reach the scale European buyers expect.",
    "Neither side has published an agenda, but diplomats said supply chains were likely to be discussed first, "
    "given the pressure on production lines in Europe since 2022.",
    "The two governments already cooperate on research projects, and officials said the new arrangement would "
    "make it easier for companies to share technical data under agreed security rules.",
    "Analysts said the meeting reflected a broader shift in which Europe increasingly sees Japan as an "
    "industrial partner and not only a diplomatic one.",
    "Company representatives said dozens of firms had registered interest so far, among them shipbuilders, "
    "electronics makers and start-ups working on drones and space systems.",
]
TITLES = [
    "Japan, {p} agree to deepen defence-industrial ties",
    "Japan and {p} launch talks on {a}",
    "{p} and Japan to hold {a} dialogue {w}",
    "Officials from Japan and {p} meet on {a}",
    "Japan, {p} sign arrangement on {a}",
    "Analysis: what the Japan-{p} {a} talks mean for industry",
]


@dataclass
class Made:
    """What the generator wrote, and the values a benchmark asks for."""

    counts: dict = field(default_factory=dict)
    top_speaker_id: int = 0
    top_speaker_slug: str = ""
    top_speaker_statements: int = 0
    busiest_dialogue_id: int = 0
    busiest_dialogue_slug: str = ""
    busiest_dialogue_statements: int = 0
    rare_word: str = RARE_WORD
    rare_statements: int = 0
    seconds: float = 0.0


def scaled(statements: int) -> dict[str, int]:
    factor = statements / 1_000_000
    sizes = {name: max(1, round(n * factor)) for name, n in PER_MILLION.items()}
    sizes["dialogues"] = max(5, sizes["dialogues"])
    sizes["agreements"] = max(5, sizes["agreements"])
    sizes["record_sources"] = max(10, round(RECORD_SOURCES_PER_MILLION * factor))
    return sizes


def _slugify(text: str) -> str:
    from django.utils.text import slugify

    return slugify(text)[:80].strip("-") or "record"


class Slugs:
    def __init__(self):
        self.taken: set[str] = set()

    def __call__(self, text: str) -> str:
        base = _slugify(text)
        slug, n = base, 1
        while slug in self.taken:
            n += 1
            slug = f"{base[: 80 - len(str(n)) - 1]}-{n}"
        self.taken.add(slug)
        return slug


def _zipf_cumulative(n: int, shift: int = 1) -> list[float]:
    """Cumulative weights 1/(rank + shift) of Zipf's law, for bisecting a uniform draw."""
    return list(itertools.accumulate(1 / (rank + shift) for rank in range(n)))


def _zipf_below(n: int, mass: float, top: float) -> list[float]:
    """Zipf's law over n items sharing `mass`, flattened (a larger shift) until the first of them
    holds under 60 % of `top`: the chosen top item stays the top one even in a tiny database."""
    shift = 1
    while shift < 10 * n:
        cumulative = _zipf_cumulative(n, shift)
        if n == 1 or mass / shift / cumulative[-1] < 0.6 * top:
            return cumulative
        shift += 1
    return cumulative


def _exact_share(i: int, share: float) -> bool:
    """Whether item i is one of the exactly-`share` items, spread evenly along the sequence."""
    return int((i + 1) * share) > int(i * share)


def _weighted(rng: random.Random, choices: list[tuple[str, int]]) -> str:
    values, weights = zip(*choices, strict=True)
    return rng.choices(values, weights)[0]


def _timestamp(day: datetime.date | None, rng: random.Random) -> datetime.datetime:
    day = day or FIRST_DAY + datetime.timedelta(days=rng.randrange(DAYS))
    return datetime.datetime.combine(day, datetime.time()) + datetime.timedelta(seconds=rng.randrange(86_400 * 3))


# --------------------------------------------------------------------------------------------
# Writing rows: executemany on SQLite, COPY on PostgreSQL
# --------------------------------------------------------------------------------------------


class Writer:
    def __init__(self, connection):
        self.connection = connection
        self.vendor = connection.vendor
        connection.ensure_connection()
        self.raw = connection.connection

    def columns(self, model, names):
        table = model._meta.db_table
        return table, [model._meta.get_field(name.removesuffix("_id")).column for name in names]

    def write(self, model, names, rows):
        if not rows:
            return
        table, columns = self.columns(model, names)
        quoted = ", ".join(self.connection.ops.quote_name(c) for c in columns)
        if self.vendor == "postgresql":
            with self.raw.cursor() as cursor, cursor.copy(f"COPY {table} ({quoted}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        else:
            marks = ", ".join("?" * len(columns))
            self.raw.executemany(f"INSERT INTO {table} ({quoted}) VALUES ({marks})", rows)

    def execute(self, sql):
        with self.connection.cursor() as cursor:
            cursor.execute(sql)
            return cursor.fetchall() if cursor.description else None

    # Secondary indexes of the big tables, dropped for the load and made again from their own SQL.
    def drop_indexes(self, tables) -> list[str]:
        if self.vendor == "postgresql":
            rows = self.execute(
                "SELECT i.indexname, i.indexdef FROM pg_indexes i WHERE i.schemaname = current_schema() "
                f"AND i.tablename IN ({', '.join(repr(t) for t in tables)}) AND NOT EXISTS "
                "(SELECT 1 FROM pg_constraint c WHERE c.conindid = (quote_ident(i.indexname))::regclass)"
            )
        else:
            rows = self.execute(
                "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
                f"AND tbl_name IN ({', '.join(repr(t) for t in tables)})"
            )
        for name, _ in rows:
            self.execute(f"DROP INDEX {self.connection.ops.quote_name(name)}")
        return [definition for _, definition in rows]

    def make_indexes(self, definitions):
        for definition in definitions:
            self.execute(definition)


# --------------------------------------------------------------------------------------------
# The records
# --------------------------------------------------------------------------------------------


def _participants(rng, sizes, slugs):
    """Governments of the gazetteer, companies and institutes, then people; (rows, people, by country)."""
    from dialogues.extraction.gazetteer import PARTIES

    rows, names = [], set()
    governments = {}
    for party in PARTIES.values():
        pk = len(rows) + 1
        names.add(party.name.lower())
        country = party.name if party.kind == "government" else ""
        rows.append((pk, party.name, slugs(party.name), party.kind, party.region, "", None, country))
        governments[party.name] = (pk, party.region)
    target = max(sizes["participants"], len(rows) + 20)
    companies = max(2, round(target * 0.02))
    words = list(itertools.product(*COMPANY_WORDS))
    rng.shuffle(words)
    for first, second in words[:companies]:
        name = f"{first} {second}"
        home = rng.choice(["Japan", "UK", "France", "Germany", "Italy", "Sweden"])
        kind = "institute" if second in ("Institute", "Labs") else "company"
        names.add(name.lower())
        rows.append((len(rows) + 1, name, slugs(name), kind, governments[home][1], "", None, home))
    # People: a third Japanese, most of the rest European, a few from elsewhere.
    european = [n for n, (_, region) in governments.items() if region == "europe"]
    others = [n for n, (_, region) in governments.items() if region == "other"]
    surnames = {region: [a + b for a in starts for b in ends] for region, (starts, ends) in SURNAME_PARTS.items()}
    people = []
    while len(rows) < target:
        draw = rng.random()
        country = "Japan" if draw < 0.35 else rng.choice(european) if draw < 0.93 else rng.choice(others)
        region = governments[country][1]
        pool = "japan" if region == "japan" else "europe" if region == "europe" else "other"
        name = f"{rng.choice(FIRST_NAMES[pool])} {rng.choice(surnames[pool])}"
        if name.lower() in names:
            name = f"{name} {rng.choice('ABCDEFGHJKLMNPRSTW')}."  # a middle initial tells two namesakes apart
            if name.lower() in names:
                continue
        names.add(name.lower())
        pk = len(rows) + 1
        role = rng.choice(ROLES) if rng.random() < 0.9 else ""
        affiliation = governments[country][0] if rng.random() < 0.85 else rng.choice((2, 3))  # NATO, EU
        rows.append((pk, name, slugs(name), "person", region, role, affiliation, country))
        people.append(pk)
    return rows, people, governments


def _combos(rng, pools, count) -> list[tuple[tuple, str]]:
    """`count` distinct picks from the product of the pools, each with a suffix (" 2", ...) once it runs out."""
    combos = list(itertools.product(*pools))
    rng.shuffle(combos)
    return [(combos[i % len(combos)], f" {i // len(combos) + 1}" if i >= len(combos) else "") for i in range(count)]


def _window(rng, today):
    if rng.random() < 0.2:
        return "", None, None
    start = today + datetime.timedelta(days=rng.randrange(-1500, 400))
    span = rng.choice([0, 30, 90, 180, 365])
    words = rng.choice(["early next year", "in the autumn", "by the end of the year", "next spring", "in March"])
    return words, start, start + datetime.timedelta(days=span)


# --------------------------------------------------------------------------------------------
# The generator
# --------------------------------------------------------------------------------------------


def generate(statements: int, seed: int = 2024, say=print) -> Made:
    """Write the data into Django's default database (migrated, holding no statements)."""
    from django.db import connection, transaction

    from dialogues.models import (
        Agreement,
        Article,
        Dialogue,
        Participant,
        ParticipantAlias,
        Source,
        Statement,
        StatusChange,
        Topic,
        normalise_alias,
    )

    if statements < 1:
        raise ValueError("--statements must be at least 1")
    if Statement.objects.exists() or Participant.objects.exists():
        raise RuntimeError("the database already holds records: generate into a freshly migrated one")
    started = time.perf_counter()
    rng = random.Random(seed)
    sizes = scaled(statements)
    made = Made()
    writer = Writer(connection)
    today = datetime.date(2026, 1, 1)
    now = datetime.datetime(2026, 1, 1, 12, 0)
    slugs = {model: Slugs() for model in ("participant", "dialogue", "agreement", "topic")}

    with transaction.atomic():
        if (
            connection.vendor == "postgresql"
            and writer.execute("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")[0][0]
        ):
            writer.execute("SET LOCAL session_replication_role = replica")  # no FK triggers for the load
        if connection.vendor == "sqlite":
            writer.execute("PRAGMA cache_size = -200000")
        big = ("dialogues_statement", "dialogues_source", "dialogues_article")
        dropped = writer.drop_indexes(big) if statements >= BIG_LOAD else []

        # Participants and their aliases
        rows, people, governments = _participants(rng, sizes, slugs["participant"])
        names = ["id", "name", "slug", "kind", "region", "role", "affiliation_id", "country"]
        writer.write(Participant, [*names, "created_at", "updated_at"], [(*r, now, now) for r in rows])
        writer.write(
            ParticipantAlias,
            ["id", "participant_id", "alias"],
            [(r[0], r[0], normalise_alias(r[1])) for r in rows],
        )
        participant_names = {r[0]: r[1] for r in rows}
        made.counts["participants"] = len(rows)
        partners = [pk for name, (pk, region) in governments.items() if region == "europe"]
        japan = governments["Japan"][0]

        # Topics
        topic_rows = [(i + 1, name, slugs["topic"](name)) for i, name in enumerate(TOPICS)]
        writer.write(Topic, ["id", "name", "slug"], topic_rows)

        # Agreements, then dialogues (which name some of them)
        combos = _combos(rng, (partners, AGREEMENT_HEADS, AREAS), sizes["agreements"])
        agreements, agreement_parties, status_changes = [], [], []
        for i, ((partner, (head, kind), area), suffix) in enumerate(combos, start=1):
            name = f"Japan–{participant_names[partner]} {head} on {area}{suffix}"
            status = _weighted(rng, AGREEMENT_STATUSES)
            words, earliest, latest = _window(rng, today)
            agreements.append((i, name, slugs["agreement"](name), kind, status, words, earliest, latest, "", now, now))
            agreement_parties += [(japan, i), (partner, i)]
            if rng.random() < 0.15:
                agreement_parties.append((rng.choice(partners), i))
            if status != "proposed":
                status_changes.append((None, i, "proposed", status, earliest))
        writer.write(
            Agreement,
            [
                "id",
                "name",
                "slug",
                "kind",
                "status",
                "date_text",
                "date_earliest",
                "date_latest",
                "summary",
                "created_at",
                "updated_at",
            ],
            agreements,
        )
        writer.write(
            Agreement.parties.through,
            ["id", "participant_id", "agreement_id"],
            [(n + 1, *pair) for n, pair in enumerate(sorted(set(agreement_parties)))],
        )

        combos = _combos(rng, ([None, *partners], AREAS, DIALOGUE_HEADS), sizes["dialogues"])
        dialogues, dialogue_parties, dialogue_topics, dialogue_agreements = [], [], [], []
        for i, ((partner, area, head), suffix) in enumerate(combos, start=1):
            name = f"Japan–{participant_names[partner] if partner else 'Europe'} {area} {head}{suffix}"
            partner = partner or rng.choice(partners)
            status = _weighted(rng, DIALOGUE_STATUSES)
            words, earliest, latest = _window(rng, today)
            venue = rng.choice(["Tokyo", "Brussels", "London", "Paris", "Rome", "Berlin", ""])
            fmt = rng.choice(["government officials only", "officials and industry", ""])
            dialogues.append(
                (i, name, slugs["dialogue"](name), status, words, earliest, latest, venue, fmt, "", now, now)
            )
            dialogue_parties += [(japan, i), (partner, i)]
            if rng.random() < 0.3:
                dialogue_parties.append((rng.choice(partners), i))
            dialogue_topics += [(t, i) for t in rng.sample(range(1, len(TOPICS) + 1), rng.randint(1, 3))]
            if rng.random() < 0.3:
                dialogue_agreements.append((rng.randint(1, len(agreements)), i))
            if status != "proposed":
                status_changes.append((i, None, "proposed", status, earliest))
        writer.write(
            Dialogue,
            [
                "id",
                "name",
                "slug",
                "status",
                "expected_text",
                "expected_earliest",
                "expected_latest",
                "venue",
                "format",
                "summary",
                "created_at",
                "updated_at",
            ],
            dialogues,
        )
        for relation, pairs, column in (
            (Dialogue.parties, dialogue_parties, "participant_id"),
            (Dialogue.topics, dialogue_topics, "topic_id"),
            (Dialogue.agreements, dialogue_agreements, "agreement_id"),
        ):
            pairs = [(n + 1, *pair) for n, pair in enumerate(sorted(set(pairs)))]
            writer.write(relation.through, ["id", column, "dialogue_id"], pairs)
        writer.write(
            StatusChange,
            ["id", "dialogue_id", "agreement_id", "from_status", "to_status", "changed_at", "effective", "reason"],
            [
                (n + 1, d, a, old, new, _timestamp(None, rng), eff, "")
                for n, (d, a, old, new, eff) in enumerate(status_changes)
            ],
        )
        made.counts |= {
            "dialogues": len(dialogues),
            "agreements": len(agreements),
            "status_changes": len(status_changes),
        }
        say(f"  records: {len(rows)} participants, {len(dialogues)} dialogues, {len(agreements)} agreements")

        # Articles, each with its statements and their sources
        stats = _articles_and_statements(
            rng, writer, statements, sizes, people, participant_names, len(dialogues), len(agreements), say
        )
        made.counts |= stats["counts"]
        made.rare_statements = stats["rare"]
        top_speaker, top_dialogue = stats["top_speaker"], stats["top_dialogue"]

        # Sources of the records' facts, from the leads of random articles
        sources = []
        source_id = stats["next_source"]
        leads = stats["leads"]
        record_fields = [
            ("dialogue_id", len(dialogues), ["status", "expected_text", "parties", "venue", "format", "topics"]),
            ("agreement_id", len(agreements), ["status", "date_text", "parties"]),
            ("participant_id", len(rows), ["role", "affiliation"]),
        ]
        for n in range(sizes["record_sources"]):
            kind, count, fields = record_fields[n % 3]
            record = rng.randint(1, count)
            article, start, end, sentence = leads[rng.randrange(len(leads))]
            low = rng.random() < 0.05
            ids = [
                record if kind == "dialogue_id" else None,
                record if kind == "agreement_id" else None,
                record if kind == "participant_id" else None,
            ]
            sources.append(
                (
                    source_id,
                    *ids,
                    None,
                    rng.choice(fields),
                    sentence[:60],
                    "import",
                    article,
                    start,
                    end,
                    sentence,
                    "low" if low else "high",
                    None if low else _timestamp(None, rng),
                    _timestamp(None, rng),
                )
            )
            source_id += 1
            if len(sources) >= BATCH:
                writer.write(Source, SOURCE_COLUMNS, sources)
                sources = []
        writer.write(Source, SOURCE_COLUMNS, sources)
        made.counts["sources"] = source_id - 1

        if dropped:
            say(f"  making {len(dropped)} indexes again")
            writer.make_indexes(dropped)
        if connection.vendor == "postgresql":
            from django.core.management.color import no_style

            models = [
                Participant,
                ParticipantAlias,
                Topic,
                Agreement,
                Dialogue,
                Article,
                Statement,
                Source,
                StatusChange,
            ]
            models += [Agreement.parties.through, Dialogue.parties.through, Dialogue.topics.through]
            models += [Dialogue.agreements.through]
            for sql in connection.ops.sequence_reset_sql(no_style(), models):
                writer.execute(sql)
            # the load ran without triggers: say the data changed, as they would have (migration 0012)
            writer.execute("UPDATE dialogues_data_version SET token = (random() * 9e18)::bigint")
    if connection.vendor == "postgresql" and not connection.in_atomic_block:
        # as autovacuum soon would in a tracker in use: statistics, and the visibility map that lets a count
        # read an index alone (a fresh bulk load has none: every count would read the table's pages)
        say("  vacuuming and analysing")
        writer.execute("VACUUM ANALYZE")

    made.top_speaker_id = top_speaker
    made.top_speaker_slug = Participant.objects.get(pk=top_speaker).slug
    made.top_speaker_statements = stats["top_speaker_count"]
    made.busiest_dialogue_id = top_dialogue
    made.busiest_dialogue_slug = Dialogue.objects.get(pk=top_dialogue).slug
    made.busiest_dialogue_statements = stats["top_dialogue_count"]
    made.seconds = time.perf_counter() - started
    return made


SOURCE_COLUMNS = [
    "id",
    "dialogue_id",
    "agreement_id",
    "participant_id",
    "statement_id",
    "field",
    "value",
    "origin",
    "article_id",
    "sentence_start",
    "sentence_end",
    "sentence",
    "confidence",
    "confirmed_at",
    "created_at",
]


def _quote(rng: random.Random, number: int) -> str:
    area = rng.choice(LOWER_AREAS)
    text = f"{rng.choice(QUOTE_OPENINGS)} {rng.choice(QUOTE_MIDDLES).format(area=area)}".rstrip()
    text += rng.choice(QUOTE_ENDINGS)
    if number % RARE_EVERY == 7:
        text += f", even for a {RARE_WORD}"
    return text


def _articles_and_statements(rng, writer, statements, sizes, people, participant_names, n_dialogues, n_agreements, say):
    from dialogues.models import Article, Source, Statement

    n_articles = min(sizes["articles"], statements)
    # statements per article: lognormal around the mean, at least one each
    weights = [rng.lognormvariate(0, 0.6) for _ in range(n_articles)]
    per_article = [1] * n_articles
    for index in rng.choices(range(n_articles), weights, k=statements - n_articles):
        per_article[index] += 1

    top_speaker = people[0]
    other_speakers = people[1:] or people
    speaker_cum = _zipf_below(len(other_speakers), 1 - TOP_SPEAKER_SHARE, TOP_SPEAKER_SHARE)
    top_dialogue = 1
    # the other dialogues' statements; fewer in a tiny database, so that the top one stays the busiest
    others_mass = min(WITH_DIALOGUE - TOP_DIALOGUE_SHARE, 0.4 * TOP_DIALOGUE_SHARE * (n_dialogues - 1))
    other_share = others_mass / (1 - TOP_DIALOGUE_SHARE)
    dialogue_cum = _zipf_below(max(1, n_dialogues - 1), others_mass, TOP_DIALOGUE_SHARE)
    agreement_cum = _zipf_cumulative(n_agreements)

    def pick(cum, offset):
        return offset + bisect.bisect(cum, rng.random() * cum[-1])

    articles, rows, sources, leads, digests = [], [], [], [], set()
    counts = {"articles": 0, "statements": 0}
    top_speaker_count = top_dialogue_count = rare = 0
    number = 0  # statements so far
    source_id = 1
    last_said = time.perf_counter()
    for article_id in range(1, n_articles + 1):
        # more news in later years: the day is the larger of two draws for half the articles
        day = rng.randrange(DAYS)
        if rng.random() < 0.5:
            day = max(day, rng.randrange(DAYS))
        published = None if rng.random() < 0.02 else FIRST_DAY + datetime.timedelta(days=day)
        outlet = rng.choice(OUTLETS)
        partner = rng.choice(("NATO", "the EU", "the UK", "France", "Germany", "Italy", "Poland", "Sweden"))
        title = rng.choice(TITLES).format(p=partner, a=rng.choice(LOWER_AREAS), w=rng.choice(("next year", "in May")))
        dateline = f"{rng.choice(('TOKYO', 'BRUSSELS', 'LONDON', 'PARIS', 'ROME'))} - "
        parts = [title, "\n", dateline]
        position = len(title) + 1 + len(dateline)
        lead = f"Japan and {partner} agreed to step up cooperation on {rng.choice(LOWER_AREAS)}, officials said."
        leads.append((article_id, position, position + len(lead), lead))
        parts.append(lead)
        position += len(lead)
        background = rng.sample(BACKGROUND, rng.randint(2, 5))
        k = per_article[article_id - 1]
        gaps = sorted(rng.sample(range(k + len(background)), len(background)))
        quotes = []
        for slot in range(k + len(background)):
            parts.append("\n")
            position += 1
            if gaps and slot == gaps[0]:
                gaps.pop(0)
                paragraph = background.pop()
                parts.append(paragraph)
                position += len(paragraph)
                continue
            quote = _quote(rng, number)
            rare += RARE_WORD in quote
            if _exact_share(number, TOP_SPEAKER_SHARE):
                speaker = top_speaker
            else:
                speaker = other_speakers[min(pick(speaker_cum, 0), len(other_speakers) - 1)]
            top_speaker_count += speaker == top_speaker
            if _exact_share(number, TOP_DIALOGUE_SHARE):
                dialogue = top_dialogue
            elif n_dialogues > 1 and rng.random() < other_share:
                dialogue = min(pick(dialogue_cum, 2), n_dialogues)
            else:
                dialogue = None
            top_dialogue_count += dialogue == top_dialogue
            agreement = min(pick(agreement_cum, 1), n_agreements) if rng.random() < WITH_AGREEMENT else None
            said = f'"{quote}," {participant_names[speaker]} said.'
            start = position + 1
            end = start + len(quote)
            parts.append(said)
            quotes.append((start, end, quote, speaker, dialogue, agreement, position, position + len(said), said))
            position += len(said)
            number += 1
        parts.append("\n")
        text = "".join(parts)
        checksum = hashlib.sha256(text.encode()).hexdigest()
        if checksum in digests:  # the same text twice would break the checksum's uniqueness: set apart
            text += f"\n({article_id})\n"
            checksum = hashlib.sha256(text.encode()).hexdigest()
        digests.add(checksum)
        created = _timestamp(published, rng)
        url = f"https://news.example.com/{outlet.lower().replace(' ', '-')}/{article_id}"
        articles.append(
            (article_id, title, outlet, url, published, text, checksum, f"article-{article_id}.txt", created, created)
        )
        for start, end, quote, speaker, dialogue, agreement, s_start, s_end, said in quotes:
            statement_id = counts["statements"] + len(rows) + 1
            rows.append(
                (statement_id, quote, speaker, article_id, start, end, published, dialogue, agreement, created, created)
            )
            low = rng.random() < 0.05
            sources.append(
                (
                    source_id,
                    None,
                    None,
                    None,
                    statement_id,
                    "speaker",
                    participant_names[speaker],
                    "import",
                    article_id,
                    s_start,
                    s_end,
                    said,
                    "low" if low else "high",
                    None,
                    created,
                )
            )
            source_id += 1
        if len(rows) >= BATCH or article_id == n_articles:
            writer.write(
                Article,
                [
                    "id",
                    "title",
                    "outlet",
                    "url",
                    "published",
                    "text",
                    "checksum",
                    "source_name",
                    "created_at",
                    "updated_at",
                ],
                articles,
            )
            writer.write(
                Statement,
                [
                    "id",
                    "text",
                    "speaker_id",
                    "article_id",
                    "span_start",
                    "span_end",
                    "said_on",
                    "dialogue_id",
                    "agreement_id",
                    "created_at",
                    "updated_at",
                ],
                rows,
            )
            writer.write(Source, SOURCE_COLUMNS, sources)
            counts["articles"] += len(articles)
            counts["statements"] += len(rows)
            articles, rows, sources = [], [], []
            if time.perf_counter() - last_said > 10:
                say(f"  {counts['statements']:,} statements, {counts['articles']:,} articles")
                last_said = time.perf_counter()
    return {
        "counts": counts,
        "rare": rare,
        "top_speaker": top_speaker,
        "top_speaker_count": top_speaker_count,
        "top_dialogue": top_dialogue,
        "top_dialogue_count": top_dialogue_count,
        "leads": leads,
        "next_source": source_id,
    }


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--statements", type=int, default=100_000, help="how many statements (default 100000)")
    parser.add_argument("--seed", type=int, default=2024)
    args = parser.parse_args()
    if "DATABASE_URL" not in os.environ:
        parser.error("set DATABASE_URL to the database to fill (a new SQLite file or an empty PostgreSQL database)")
    if args.statements < 1:
        parser.error("--statements must be at least 1")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ.setdefault("SECRET_KEY", "bench")
    os.environ.setdefault("DEBUG", "false")
    sys.path.insert(0, str(PROJECT))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    print(f"generating {args.statements:,} statements (seed {args.seed}) into {os.environ['DATABASE_URL']}")
    try:
        made = generate(args.statements, args.seed)
    except RuntimeError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    print(f"done in {made.seconds:.0f} s: " + ", ".join(f"{n:,} {name}" for name, n in made.counts.items()))
    print(
        f"  top speaker: {made.top_speaker_slug} (id {made.top_speaker_id}), {made.top_speaker_statements:,} statements"
    )
    print(
        f"  busiest dialogue: {made.busiest_dialogue_slug} (id {made.busiest_dialogue_id}), "
        f"{made.busiest_dialogue_statements:,} statements"
    )
    print(f"  rare word: {made.rare_word!r} in {made.rare_statements:,} statements")
    return 0


if __name__ == "__main__":
    sys.exit(main())
