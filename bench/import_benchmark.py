"""Import benchmark: how fast does `dialogues.importing.import_files` take in articles?

Run from the project folder with the project's virtualenv:

    .venv/bin/python bench/import_benchmark.py                      # 1,000 articles, SQLite then PostgreSQL
    .venv/bin/python bench/import_benchmark.py --articles 200 --backend sqlite
    .venv/bin/python bench/import_benchmark.py --articles 100 --backend postgres --profile 25
    .venv/bin/python bench/import_benchmark.py --show-article 7     # print one generated article and stop
    .venv/bin/python bench/import_benchmark.py --articles 1000 --into postgres://.../scale   # into a full database

What it does, per backend, in a child process of its own (so every run starts cold and the
peak-memory figure belongs to that backend alone):

1. a fresh database: a new temporary SQLite file, or a new PostgreSQL database
   `bench_import_<pid>` created through the `postgres` maintenance database (and dropped
   afterwards, also when the run fails);
2. `django.setup()` with SECRET_KEY=bench, DEBUG=false (DEBUG would keep every query in memory)
   and `migrate`;
3. N English news articles of 500-800 words generated in memory from a seeded random.Random
   (same N and seed, same articles): a headline, 10-15 paragraph lines about Japan and a European
   partner (dialogues, agreements, ministers, experts, quotes, status and time wording), and for
   some of them aggregator furniture ("Hashtags", "Related Articles") and unrelated teasers.
   Names of people and dialogues are drawn from pools, so the database grows and records merge;
4. the import loop, `import_files` over all articles (one transaction per article; with two cores a
   worker process analyses the next articles while the parent writes): the only part timed.

It prints, per backend, articles per second, peak RSS of the child (ru_maxrss, which also counts
the migration and the generated articles), failures, the rate over the first and last tenth of the
loop (a falling rate means per-article cost grows with the size of the database) and the records
created. The target it is measured against: 1,000 articles in under 20 s on a 2-core machine.

PostgreSQL is reached at --pg-admin-url (default postgres://postgres@127.0.0.1:5432/postgres).
"""

import argparse
import datetime
import hashlib
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
TARGET_ARTICLES, TARGET_SECONDS = 1000, 20.0

# --------------------------------------------------------------------------------------------
# The article generator
# --------------------------------------------------------------------------------------------

# name in text, adjective, capital, titles of its officials, first names, surnames
PARTNERS = {
    "UK": (
        "the United Kingdom",
        "British",
        "London",
        ["Defence Secretary", "Minister for Defence Procurement", "National Armaments Director"],
        ["James", "Sarah", "Oliver", "Helen", "Thomas", "Fiona"],
        ["Holloway", "Whitfield", "Carrington", "Ashworth", "Pembridge", "Lyle"],
    ),
    "France": (
        "France",
        "French",
        "Paris",
        ["Armed Forces Minister", "Director General for Armaments", "Minister Delegate for Veterans"],
        ["Claire", "Julien", "Sophie", "Antoine", "Camille", "Mathieu"],
        ["Delacroix", "Moreau", "Vasseur", "Lambert", "Girardot", "Fontaine"],
    ),
    "Germany": (
        "Germany",
        "German",
        "Berlin",
        ["Defence Minister", "State Secretary", "Head of the Federal Procurement Office"],
        ["Anna", "Matthias", "Katrin", "Stefan", "Clara", "Jonas"],
        ["Schmidt", "Brenner", "Weidmann", "Hartmann", "Krause", "Lindner"],
    ),
    "Italy": (
        "Italy",
        "Italian",
        "Rome",
        ["Defence Minister", "Secretary General of Defence", "Undersecretary for Defence"],
        ["Giulia", "Marco", "Francesca", "Luca", "Chiara", "Paolo"],
        ["Ferraro", "Conti", "Bellini", "Marchetti", "Rinaldi", "Galli"],
    ),
    "EU": (
        "the European Union",
        "European",
        "Brussels",
        ["EU foreign policy chief", "European Commissioner for Defence", "Deputy Secretary-General of the EEAS"],
        ["Kaja", "Andrius", "Ursula", "Pieter", "Elena", "Mikael"],
        ["Kallstrom", "Varga", "Lemaire", "Ostrowska", "Dumont", "Haugen"],
    ),
    "NATO": (
        "NATO",
        "NATO",
        "Brussels",
        [
            "NATO Deputy Secretary-General",
            "NATO Assistant Secretary-General for Defence Investment",
            "Chair of the NATO Conference of National Armaments Directors",
        ],
        ["Mark", "Radmila", "Tom", "Ingrid", "Boris", "Laura"],
        ["Rutten", "Shekerinska", "Goffus", "Solberg", "Ruge", "Castellano"],
    ),
    "Poland": (
        "Poland",
        "Polish",
        "Warsaw",
        ["Defence Minister", "Deputy Defence Minister", "Head of the Armament Agency"],
        ["Tomasz", "Agnieszka", "Piotr", "Magdalena", "Krzysztof", "Ewa"],
        ["Kowalczyk", "Nowicki", "Zielinska", "Wrobel", "Mazur", "Dabrowski"],
    ),
    "Netherlands": (
        "the Netherlands",
        "Dutch",
        "The Hague",
        ["Defence Minister", "State Secretary for Defence", "Director of Defence Materiel"],
        ["Ruben", "Sanne", "Maarten", "Lotte", "Joris", "Femke"],
        ["de Vries", "Brekelmans", "Tuinman", "van Dijk", "Jansen", "Bakker"],
    ),
    "Sweden": (
        "Sweden",
        "Swedish",
        "Stockholm",
        ["Defence Minister", "Director General of the Defence Materiel Administration", "State Secretary for Defence"],
        ["Pal", "Karin", "Erik", "Maria", "Johan", "Linnea"],
        ["Jonsson", "Lindqvist", "Bergstrom", "Holm", "Ekdahl", "Sandberg"],
    ),
    "Finland": (
        "Finland",
        "Finnish",
        "Helsinki",
        ["Defence Minister", "Permanent Secretary of the Defence Ministry", "National Armaments Director"],
        ["Antti", "Elina", "Juha", "Riikka", "Mikko", "Sanna"],
        ["Hakkanen", "Virtanen", "Korhonen", "Nieminen", "Laine", "Heikkinen"],
    ),
    "Spain": (
        "Spain",
        "Spanish",
        "Madrid",
        ["Defence Minister", "Secretary of State for Defence", "Director General of Armament"],
        ["Margarita", "Javier", "Lucia", "Alvaro", "Carmen", "Diego"],
        ["Robles", "Navarro", "Ortega", "Castillo", "Herrera", "Molina"],
    ),
    "Czech Republic": (
        "the Czech Republic",
        "Czech",
        "Prague",
        ["Defence Minister", "Deputy Defence Minister", "Director of the Armaments Division"],
        ["Jana", "Jan", "Petra", "Lukas", "Tereza", "Ondrej"],
        ["Novak", "Cernochova", "Svoboda", "Dvorak", "Prochazka", "Kucera"],
    ),
    "Estonia": (
        "Estonia",
        "Estonian",
        "Tallinn",
        [
            "Defence Minister",
            "Permanent Secretary of the Defence Ministry",
            "Head of the Centre for Defence Investment",
        ],
        ["Hanno", "Kristi", "Margus", "Liis", "Tarmo", "Kadri"],
        ["Pevkur", "Tamm", "Saar", "Kask", "Magi", "Rebane"],
    ),
    "Norway": (
        "Norway",
        "Norwegian",
        "Oslo",
        ["Defence Minister", "State Secretary for Defence", "Director of the Defence Materiel Agency"],
        ["Bjorn", "Ingvild", "Tore", "Silje", "Anders", "Hilde"],
        ["Gram", "Haugland", "Strand", "Berg", "Dahl", "Eriksen"],
    ),
}
FEMININE = {
    "Sarah",
    "Helen",
    "Fiona",
    "Claire",
    "Sophie",
    "Camille",
    "Anna",
    "Katrin",
    "Clara",
    "Giulia",
    "Francesca",
    "Chiara",
    "Kaja",
    "Ursula",
    "Elena",
    "Radmila",
    "Ingrid",
    "Laura",
    "Agnieszka",
    "Magdalena",
    "Ewa",
    "Sanne",
    "Lotte",
    "Femke",
    "Karin",
    "Maria",
    "Linnea",
    "Elina",
    "Riikka",
    "Sanna",
    "Margarita",
    "Lucia",
    "Carmen",
    "Jana",
    "Petra",
    "Tereza",
    "Kristi",
    "Liis",
    "Kadri",
    "Ingvild",
    "Silje",
    "Hilde",
    "Yuko",
    "Aiko",
    "Naomi",
    "Emi",
    "Haruka",
    "Mariko",
}
JAPAN_FIRST = [
    "Kenji",
    "Yuko",
    "Hiroshi",
    "Aiko",
    "Takeshi",
    "Naomi",
    "Satoshi",
    "Emi",
    "Daisuke",
    "Haruka",
    "Ryo",
    "Mariko",
]
JAPAN_SURNAMES = [
    "Arakawa",
    "Tanabe",
    "Morita",
    "Ishikawa",
    "Fujimoto",
    "Kobayashi",
    "Nakamura",
    "Sato",
    "Hayashi",
    "Okada",
    "Yoshida",
    "Matsumoto",
]
JAPAN_TITLES = [
    "Defense Minister",
    "Vice Minister of Defense for International Affairs",
    "Commissioner of the Acquisition, Technology and Logistics Agency",
    "Deputy Commissioner at the Acquisition, Technology and Logistics Agency (ATLA)",
    "Foreign Minister",
    "State Minister of Defense",
]
EXPERT_FIRST = [
    "Jan",
    "Gorana",
    "Sebastian",
    "Marta",
    "Hugo",
    "Ines",
    "Daniel",
    "Rosa",
    "Viktor",
    "Alice",
    "Kenta",
    "Mirai",
]
EXPERT_SURNAMES = [
    "Novotny",
    "Grgic",
    "Maslow",
    "Weiss",
    "Leclerc",
    "Paredes",
    "Okonkwo",
    "Strand",
    "Horvath",
    "Brandt",
    "Ueda",
    "Fischer",
    "Dalton",
    "Sorensen",
]
INSTITUTES = [
    "the Prague Institute of Strategy",
    "the Centre for European Security Studies",
    "the University of Tokyo",
    "the Hague Centre for Defence Industry",
    "ETH Zurich's Center for Security Studies",
    "the Nordic Institute of International Affairs",
    "Keio University",
    "the Lisbon Security Forum",
    "the Institute for Indo-Pacific Studies in Berlin",
    "the Royal Institute of Defence Studies",
]
EXPERT_ROLES = [
    "a senior fellow at",
    "an associate professor at",
    "a research director at",
    "an analyst at",
    "a senior researcher in Euro-Atlantic security at",
    "a visiting scholar at",
]
COMPANIES = [
    "Mitsubishi Heavy Industries",
    "Kawasaki Heavy Industries",
    "NEC",
    "Mitsubishi Electric",
    "Fujitsu",
    "IHI",
    "Toshiba Infrastructure Systems",
    "Subaru",
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
DIALOGUE_HEADS = ["Dialogue", "Dialogue", "Forum", "Consultations", "Dialogue"]
AGREEMENTS = [
    "Defence Equipment and Technology Transfer Agreement",
    "Information Security Agreement",
    "Reciprocal Access Agreement",
    "Acquisition and Cross-Servicing Agreement",
    "Security of Supply Arrangement",
    "Joint Research Arrangement",
]
AREAS = [
    "supply-chain resilience",
    "ammunition production",
    "naval systems",
    "air-defence systems",
    "uncrewed vehicles",
    "space situational awareness",
    "cybersecurity",
    "quantum encryption",
    "semiconductors",
    "the protection of sensitive technology",
    "artificial intelligence",
    "maintenance and repair of equipment",
    "drones",
    "rare earths and critical minerals",
]
TIMES_FUTURE = [
    "early next year",
    "later this year",
    "in March",
    "in the autumn",
    "by the end of the year",
    "next spring",
    "in the first half of next year",
    "next month",
    "in June",
    "in September",
]
TIMES_PAST = [
    "last month",
    "last week",
    "in March",
    "last year",
    "in November",
    "earlier this year",
    "in April",
    "last autumn",
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
OUTLETS = [
    "Daily8",
    "The Japan Times",
    "Channel Defence Wire",
    "Brussels Policy Report",
    "Nikkei Asia Wire",
    "Eurasia Security Monitor",
    "Defence Industry Weekly",
]

QUOTES = [
    "This dialogue will give our companies a clear and regular channel to work together on equipment, "
    "supply chains and research",
    "Neither of us can afford to build everything alone any more",
    "We need information and they need information",
    "We want to turn that trust into concrete projects that strengthen both of our industrial bases",
    "Companies need predictability before they commit money",
    "This is a practical step, not a symbolic one, and we expect results within a year",
    "Our industries have complementary strengths, and it is time we used them together",
    "The security of Europe and the security of the Indo-Pacific are inseparable",
    "We came to listen and to find concrete areas where our firms can work side by side",
    "Production capacity is the bottleneck, and no country can solve that alone",
    "We will start with information sharing and move to joint projects as trust grows",
    "The rules on technology transfer are the missing piece for deeper cooperation",
]
FOLLOW_UPS = [
    "It is an important step in a conversation that has been underway for some time",
    "The real test will be whether companies sign contracts, not whether officials meet",
    "Both sides are increasing defence spending but lack the production capacity to match it",
    "Export rules in Japan have been relaxed, but uncertainty remains for joint projects",
    "Smaller firms and start-ups need a way in, and this forum could provide it",
    "It signals that Europe now sees Japan as an industrial partner, not only a diplomatic one",
]
BACKGROUND = [
    "Japan has stepped up defence cooperation with European partners in recent years, with {adj} warships "
    "and aircraft taking part in exercises in the Indo-Pacific and Japanese officials attending meetings "
    "in Europe on industrial capacity, standards and the protection of classified information. Diplomats "
    "say the pace of those contacts has roughly doubled since 2022, and that ministers now meet several times a "
    "year rather than once.",
    "Tokyo relaxed its rules on the export of defence equipment in 2014 and again in recent years, allowing "
    "Japanese manufacturers to take part in international development programmes, although sales of "
    "finished lethal equipment remain tightly restricted and each case is reviewed by the cabinet. Industry "
    "groups have lobbied for further changes, arguing that small volumes make Japanese production expensive.",
    "{partner_cap} and Japan already cooperate on research projects, and officials said the new arrangement "
    "would give those contacts a regular structure with fixed meetings, a secretariat on each side and "
    "reports to ministers rather than leaving them to individual programmes. Until now, most contacts have "
    "depended on a handful of officials and on invitations to trade fairs.",
    "European governments have committed to raise defence spending sharply over the coming decade, while "
    "Japan aims to reach 2% of gross domestic product by 2027, leaving industries on both sides short of "
    "workers, components and factory space as orders pile up. Several ministries have warned that delivery "
    "times for some munitions and electronic components now run to several years.",
    "Companies such as {company} have expressed interest in working with {adj} partners, according to "
    "people familiar with the discussions, although executives caution that joint programmes take years to "
    "set up and need long-term funding commitments from governments. Some firms have already sent "
    "engineers to trade fairs in Europe to study procurement rules and to meet potential partners.",
    "The war in Ukraine has exposed shortages of artillery shells, air-defence interceptors and spare parts "
    "across Europe, and officials in {capital} have been looking for partners outside the continent that "
    "can help expand production quickly and reliably. Japanese suppliers of electronics, materials and "
    "precision components are seen as natural candidates for such partnerships.",
    "Analysts note that the two sides still differ on how much technology they are prepared to share, and "
    "that export licensing, intellectual property and security clearances for engineers will need to be "
    "settled before companies can commit to joint development. Past attempts at cooperation stalled over "
    "precisely these questions, they say, and progress has tended to be slow.",
    "The initiative follows a series of high-level visits, including a meeting of foreign and defence "
    "ministers that produced a joint statement calling for closer cooperation on equipment and technology "
    "and for regular consultations between officials. That statement also mentioned cooperation on "
    "economic security, cyber defence and space, areas in which both sides see growing risks.",
    "Both governments have said that strengthening their defence-industrial bases is a common priority amid "
    "shared concerns over an increasingly interconnected security environment stretching from the Baltic "
    "Sea to the East China Sea. Officials on both sides say that what happens in one region now directly "
    "affects the other, from supply chains to the use of force.",
    "Officials said working groups would be set up to prepare the first meeting, covering {area} and "
    "{area2}, and that representatives of industry associations would be invited to contribute papers "
    "before the agenda is agreed. The groups are due to report back to ministers before the first session, "
    "officials said.",
]
TEASERS = [
    (
        "Tigers edge Swallows in extra innings as rookie delivers walk-off hit",
        "A rookie outfielder drove in the winning run in the {n}th inning on Sunday as the Tigers beat the Swallows "
        "{a}-{b} in front of a sell-out crowd. The manager praised the bullpen, which held the visitors scoreless "
        "for the last five innings, and said the team would rest two starters before the next series.",
    ),
    (
        "Record crowds at apple festival despite rain",
        "Organisers said more than {n},000 visitors attended the weekend apple festival, a record despite heavy "
        "rain on Saturday afternoon. Stallholders reported brisk sales of cider and pies, and the brass band "
        "competition was won for the {a}th year by the village of Ashcombe.",
    ),
    (
        "Rail operator announces timetable changes for winter season",
        "The operator said {n} services would be added on weekday mornings from December, while some late-night "
        "trains would be withdrawn for track maintenance. Passengers were advised to check journeys online "
        "before travelling, particularly on routes affected by engineering work.",
    ),
    (
        "Yen slips as investors await central bank decision",
        "The yen weakened to 14{a}.{n} against the dollar in early trading as investors waited for the central bank's "
        "policy decision later in the week. Exporters' shares rose, while bond yields were little changed ahead "
        "of the announcement.",
    ),
    (
        "Typhoon expected to bring heavy rain to western regions",
        "The weather agency warned of heavy rain and strong winds as a typhoon moved north at {n} kilometres an "
        "hour. Several airlines cancelled domestic flights and schools in {a} prefectures announced closures for "
        "Tuesday.",
    ),
]
FURNITURE = [
    "Hashtags",
    "",
    "Try Our AI Features",
    "Explore what Daily8 AI can do for you:",
    "Comments",
    "No comments yet...",
    "Related Articles",
    "",
    "",
]


class Person:
    def __init__(self, first: str, surname: str, title: str):
        self.first, self.surname, self.title = first, surname, title
        self.name = f"{first} {surname}"
        self.pronoun = "she" if first in FEMININE else "he"


def _person(rng: random.Random, firsts, surnames, titles) -> Person:
    return Person(rng.choice(firsts), rng.choice(surnames), rng.choice(titles))


def _quote(rng: random.Random, person: Person, *, full: bool) -> str:
    """One quote paragraph in one of the ways news copy attributes quotes."""
    q, q2 = rng.sample(QUOTES, 2)
    pick = rng.randrange(4)
    if full:
        return f'"{q}," said {person.name}, {person.title}. "{q2}."'
    if pick == 0:
        return f'"{q}," {person.surname} said.'
    if pick == 1:
        return f'"{q}," {person.surname} told reporters. "{q2}."'
    if pick == 2:
        return f'{person.surname} said the dialogue was needed because "{q[0].lower()}{q[1:]}."'
    return f'"{q}," {person.surname} said at a joint press conference, adding that details would follow.'


def make_article(rng: random.Random, index: int) -> tuple[str, dict]:
    """One article (text) and its metadata: published date, outlet, url."""
    code = rng.choice(list(PARTNERS))
    partner_text, adj, capital, titles, firsts, surnames = PARTNERS[code]
    partner_cap = partner_text[0].upper() + partner_text[1:]
    topic = rng.choice(TOPICS)
    dialogue = f"Japan-{code} {topic} {rng.choice(DIALOGUE_HEADS)}"
    if rng.random() < 0.5:
        dialogue = f"{code}-Japan {topic} {rng.choice(DIALOGUE_HEADS)}"
    agreement = f"{code}-Japan {rng.choice(AGREEMENTS)}"
    official = _person(rng, firsts, surnames, titles)
    japanese = _person(rng, JAPAN_FIRST, JAPAN_SURNAMES, JAPAN_TITLES)
    expert = Person(
        rng.choice(EXPERT_FIRST), rng.choice(EXPERT_SURNAMES), f"{rng.choice(EXPERT_ROLES)} {rng.choice(INSTITUTES)}"
    )
    area, area2, area3 = rng.sample(AREAS, 3)
    later, earlier = rng.choice(TIMES_FUTURE), rng.choice(TIMES_PAST)
    city = rng.choice(["TOKYO", capital.upper()])
    n_firms = rng.randint(8, 60)
    fill = {
        "adj": adj,
        "partner_cap": partner_cap,
        "capital": capital,
        "company": rng.choice(COMPANIES),
        "area": area,
        "area2": area2,
    }

    kind = rng.randrange(3)  # the status wording this article uses
    if kind == 0:
        headline = f"Japan and {partner_text} agree to launch {topic.lower()} dialogue"
        lead = (
            f"{city} - Japan and {partner_text} have agreed to launch a new {dialogue} {later}, the two "
            f"governments announced on {rng.choice(WEEKDAYS)}, in a move aimed at widening cooperation "
            f"between their defence industries beyond the programmes they already share."
        )
    elif kind == 1:
        headline = f"{partner_cap}, Japan hold first {topic.lower()} talks as industrial ties deepen"
        lead = (
            f"{city} - {partner_cap} and Japan held their first {dialogue} in {rng.choice([capital, 'Tokyo'])} "
            f"{earlier}, bringing together government officials and more than {n_firms} companies from both "
            f"sides as {capital} seeks to broaden its security partnerships in the Indo-Pacific."
        )
    else:
        headline = f"Japan, {partner_text} launch negotiations on defence technology pact"
        lead = (
            f"{city} - Japan and {partner_text} launched negotiations on a {agreement} {earlier}, officials "
            f"said on {rng.choice(WEEKDAYS)}, a step that would set rules for the joint development and "
            f"transfer of equipment and protect technical data shared between the two sides."
        )

    core = [
        lead,
        f"The announcement came during talks in {capital} between {official.title} {official.name} and "
        f"Japanese {japanese.title} {japanese.name}, who is on a {rng.randint(2, 5)}-day visit to Europe. "
        f"Officials said the meeting focused on {area}, {area2} and {area3}.",
        _quote(rng, official, full=False),
        f"The new forum is intended to bring together defence ministries, procurement agencies and industry "
        f"representatives from both countries, and will look at areas including {area2}, {area3} and the "
        f"protection of sensitive technology, according to a briefing paper circulated to journalists. "
        f"Officials said the forum would meet at least once a year, alternating between Tokyo and {capital}, "
        f"with smaller working groups "
        f"meeting in between and reporting to vice-ministers.",
        _quote(rng, japanese, full=True),
    ]
    if kind != 2 and rng.random() < 0.6:
        core.append(
            f"On the sidelines of the meeting, the two governments also launched negotiations on a "
            f"{agreement}, which officials said could be concluded {rng.choice(TIMES_FUTURE)}."
        )
    core += [
        f"{expert.name}, {expert.title}, said the decision was significant. "
        f'"{rng.choice(FOLLOW_UPS)}," {expert.surname} said.',
        f'"{rng.choice(FOLLOW_UPS)}," {expert.pronoun} said, adding that much would depend on funding.',
        f"The first session of the dialogue is expected to take place in {rng.choice(['Tokyo', capital])} "
        f"{later}, with working-level preparations beginning "
        f"{rng.choice(['next month', 'shortly', 'in the coming weeks'])}. "
        f"Neither side has published an agenda, but officials said {area} was likely to be discussed first, "
        f"given the pressure on production lines in Europe.",
    ]
    # Background paragraphs until the body reaches its length (500-800 words), at most 15 paragraphs.
    target, words = rng.randint(500, 800), sum(len(p.split()) for p in core) + 9
    background = []
    for paragraph in rng.sample(BACKGROUND, len(BACKGROUND)):
        if words >= target or len(core) + len(background) >= 14:
            break
        background.append(paragraph.format(**fill))
        words += len(background[-1].split())
    half = len(background) // 2
    body = [*core[:3], *background[:half], *core[3:], *background[half:]]
    body.append(f"Company representatives said {n_firms} firms had registered interest so far.")

    lines = [headline, *body]
    if rng.random() < 0.4:  # aggregator page: a caption, the credit, furniture and unrelated teasers
        lines += [
            f"{official.title} {official.name} and {japanese.name} at the talks in {capital}. |",
            rng.choice(["Reuters", "AFP-JIJI", "Kyodo"]),
            *FURNITURE,
        ]
        for title, text in rng.sample(TEASERS, rng.randint(1, 3)):
            outlet = rng.choice(OUTLETS)
            lines += [
                "",
                outlet,
                rng.choice(["an hour ago", f"{rng.randint(2, 11)} hours ago"]),
                f"- {outlet}",
                title,
                text.format(n=rng.randint(2, 40), a=rng.randint(2, 9), b=rng.randint(0, 1)),
            ]
    published = datetime.date(2023, 1, 1) + datetime.timedelta(days=rng.randrange(1000))
    outlet = rng.choice(OUTLETS)
    meta = {
        "published": published,
        "outlet": outlet,
        "url": f"https://example.com/{outlet.lower().replace(' ', '-')}/{published:%Y/%m/%d}/article-{index}",
    }
    return "\n".join(lines) + "\n", meta


def make_articles(count: int, seed: int) -> list[tuple[str, bytes, dict]]:
    rng = random.Random(seed)
    articles, seen = [], set()
    for i in range(count):
        while True:  # every article differs (the importer treats an identical text as the same article)
            text, meta = make_article(rng, i)
            data = text.encode("utf-8")
            digest = hashlib.sha256(data).hexdigest()
            if digest not in seen:
                break
        seen.add(digest)
        articles.append((f"bench_{i:05d}.txt", data, meta))
    return articles


# --------------------------------------------------------------------------------------------
# The child: one backend, one fresh database
# --------------------------------------------------------------------------------------------


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def run_child(args) -> int:
    if "DATABASE_URL" not in os.environ:
        sys.exit("--child needs DATABASE_URL pointing at a scratch database (it migrates and fills it)")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ.setdefault("SECRET_KEY", "bench")
    os.environ.setdefault("DEBUG", "false")
    sys.path.insert(0, str(PROJECT))

    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection

    from dialogues.importing import ArticleMeta, import_files
    from dialogues.models import Agreement, Dialogue, Participant, Source, Statement

    assert not settings.DEBUG, "DEBUG must be off: it records every query"
    call_command("migrate", verbosity=0)
    articles = make_articles(args.articles, args.seed)
    words = sum(len(data.split()) for _, data, _ in articles) / len(articles)
    rss_before = _rss_mb()

    profiler = None
    if args.profile:
        import cProfile

        profiler = cProfile.Profile()
    statuses: dict[str, int] = {}
    failures: list[str] = []
    stamps = []
    start = time.perf_counter()
    if profiler:
        profiler.enable()
    items = [(name, data, ArticleMeta(**meta)) for name, data, meta in articles]
    for (name, _, _), outcome in zip(items, import_files(items), strict=True):
        statuses[outcome.status] = statuses.get(outcome.status, 0) + 1
        if outcome.error:
            failures.append(f"{name}: {outcome.error}")
        stamps.append(time.perf_counter())
    if profiler:
        profiler.disable()
    elapsed = time.perf_counter() - start

    label = connection.vendor if connection.vendor != "postgresql" else "postgres"
    n = len(articles)
    tenth = max(1, n // 10)
    first = tenth / (stamps[tenth - 1] - start)
    last = tenth / (stamps[-1] - stamps[-tenth - 1]) if n > tenth else first
    print(
        f"{label}: {n} articles in {elapsed:.1f} s = {n / elapsed:.1f} articles/s, "
        f"peak memory {_rss_mb():.0f} MB (RSS), {len(failures)} failed"
    )
    print(
        f"  {words:.0f} words per article on average; RSS {rss_before:.0f} MB before the import loop; "
        f"rate over the first tenth {first:.1f}/s, last tenth {last:.1f}/s"
    )
    print("  statuses: " + ", ".join(f"{k} {v}" for k, v in sorted(statuses.items())))
    print(
        f"  created: {Dialogue.objects.count()} dialogues, {Agreement.objects.count()} agreements, "
        f"{Participant.objects.count()} participants, {Statement.objects.count()} statements, "
        f"{Source.objects.count()} sources"
    )
    projected = elapsed / n * TARGET_ARTICLES
    verdict = "within" if projected < TARGET_SECONDS else "OVER"
    note = "" if n == TARGET_ARTICLES else " (projected linearly; the rate may fall as the database grows)"
    print(f"  target {TARGET_ARTICLES} articles < {TARGET_SECONDS:.0f} s: {projected:.1f} s, {verdict}{note}")
    for failure in failures[:5]:
        print(f"  failed: {failure}")
    if profiler:
        import pstats

        print(f"  profile of the import loop, top {args.profile} by cumulative time:")
        pstats.Stats(profiler, stream=sys.stdout).sort_stats("cumulative").print_stats(args.profile)
    sys.stdout.flush()
    return 1 if failures else 0


# --------------------------------------------------------------------------------------------
# The parent: a fresh database per backend, a child per backend
# --------------------------------------------------------------------------------------------


def _child(args, database_url: str) -> int:
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "SECRET_KEY": "bench",
        "DEBUG": "false",
        "DJANGO_SETTINGS_MODULE": "config.settings",
    }
    command = [
        sys.executable,
        str(Path(__file__).resolve()),
        "--child",
        "--articles",
        str(args.articles),
        "--seed",
        str(args.seed),
    ]
    if args.profile:
        command += ["--profile", str(args.profile)]
    return subprocess.run(command, env=env, cwd=PROJECT).returncode


def run_sqlite(args) -> int:
    with tempfile.TemporaryDirectory(prefix="bench_import_") as folder:
        return _child(args, f"sqlite:///{folder}/bench.sqlite3")


def run_postgres(args) -> int:
    import psycopg
    from psycopg import sql

    name = f"bench_import_{os.getpid()}"
    admin = args.pg_admin_url
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    try:
        base = admin.rsplit("/", 1)[0]
        return _child(args, f"{base}/{name}")
    finally:
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=TARGET_ARTICLES, help="how many articles (default 1000)")
    parser.add_argument("--backend", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument("--seed", type=int, default=2024, help="seed of the article generator")
    parser.add_argument(
        "--profile",
        type=int,
        default=0,
        metavar="N",
        help="profile the import loop and print the top N entries by cumulative time",
    )
    parser.add_argument(
        "--pg-admin-url",
        default="postgres://postgres@127.0.0.1:5432/postgres",
        help="maintenance database used to create and drop the scratch database",
    )
    parser.add_argument(
        "--into",
        metavar="DATABASE_URL",
        help="import into this existing database instead of a fresh one (it keeps the articles), e.g. one "
        "filled by bench/generate_data.py: the rate with a million statements already there",
    )
    parser.add_argument("--show-article", type=int, metavar="K", help="print generated article K and stop")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.articles < 1:
        parser.error("--articles must be at least 1")

    if args.show_article is not None:
        name, data, meta = make_articles(args.show_article + 1, args.seed)[-1]
        text = data.decode("utf-8")
        print(f"# {name} {meta}")
        print(text, end="")
        print(f"[{len(text.split())} words]", file=sys.stderr)
        return 0
    if args.child:
        return run_child(args)
    if args.into:
        return _child(args, args.into)
    backends = ["sqlite", "postgres"] if args.backend == "both" else [args.backend]
    status = 0
    for backend in backends:
        rc = run_sqlite(args) if backend == "sqlite" else run_postgres(args)
        if rc:
            print(f"{backend}: the run failed (exit status {rc})", file=sys.stderr)
            status = 1
    return status


if __name__ == "__main__":
    sys.exit(main())
