"""Does one hostile article slow the public pages? (issue 8, item 1)

    .venv/bin/python bench/hostile_article_benchmark.py                 # SQLite then PostgreSQL
    .venv/bin/python bench/hostile_article_benchmark.py --backend sqlite

Per backend, in a child process on a fresh database (a temporary SQLite file, or a PostgreSQL
database `bench_hostile_<pid>` made and dropped through --pg-admin-url):

1. the bundled seed articles are imported, so the pages have ordinary records to show;
2. the article of the issue is imported: 4.9 MB holding 50,000 short quotes, all said by one
   person about one dialogue. It is refused (too many quotations) and the time that takes is shown;
3. the largest article the limits let in is imported: 300 quotes, padded with 4.9 MB of
   varied prose (which, vectorised whole, PostgreSQL's full-text search could not take);
4. every public page is fetched through Django's test client, whole (downloads streamed to the
   end): the dashboard, the four lists and their twelve downloads, search, the feed, and the
   pages of the records and the article touched by step 3. Each is timed three times; the
   slowest is printed, and marked when it takes a second or more.

It exits 1 when a page took a second or more.
"""

import argparse
import io
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
BUDGET = 1.0  # seconds a public page may take
WORDS = [
    "ministry",
    "defence",
    "industry",
    "cooperation",
    "partner",
    "export",
    "equipment",
    "framework",
    "council",
    "summit",
    "procurement",
    "technology",
    "security",
    "officials",
    "agreement",
    "supply",
    "chain",
    "resilience",
    "research",
    "missile",
    "fighter",
    "programme",
    "talks",
    "envoy",
    "alliance",
    "maritime",
    "cyber",
    "space",
    "satellite",
    "budget",
    "parliament",
    "committee",
    "review",
    "strategy",
]


def quotes_article(count: int) -> bytes:
    """The article of the issue: `count` short quotes, one speaker, one dialogue."""
    lines = [
        "Japan and NATO to launch defense-industrial talks, top envoy says",
        "Japan and NATO aim to launch defense-industrial talks early next year, officials said.",
    ]
    lines += [
        f'"We need cooperation on item {n:05} with our partners right now, before summit," Osamu Izawa said.'
        for n in range(count)
    ]
    return ("\n".join(lines) + "\n").encode()


def padded_article(quotes: int, size: int) -> bytes:
    """`quotes` quotes, then prose of varied invented words up to `size` bytes."""
    rng = random.Random(8)
    text = quotes_article(quotes).decode()
    paragraphs = []
    length = len(text)
    while length < size - 2_000:
        words = [rng.choice(WORDS) + rng.choice(["", str(rng.randrange(10**6))]) for _ in range(120)]
        paragraph = " ".join(words).capitalize() + "."
        paragraphs.append(paragraph)
        length += len(paragraph) + 1
    return (text + "\n".join(paragraphs) + "\n").encode()


def run_child() -> int:
    sys.path.insert(0, str(PROJECT))
    import django

    django.setup()
    from django.core.management import call_command
    from django.test import Client

    from dialogues.importing import ArticleMeta, import_file
    from dialogues.listings import LISTINGS
    from dialogues.models import Article, Dialogue, Participant, Statement

    call_command("migrate", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    call_command("import_articles", str(PROJECT / "data" / "articles"), verbosity=0, stdout=io.StringIO())
    meta = ArticleMeta(published=__import__("datetime").date(2025, 7, 15), outlet="Bench")

    for label, data in [
        ("50,000 quotes", quotes_article(50_000)),
        ("300 quotes + prose", padded_article(300, 4_900_000)),
    ]:
        start = time.perf_counter()
        outcome = import_file(data, f"{label}.txt", meta)
        took = time.perf_counter() - start
        result = outcome.error or f"{outcome.status}, {len(outcome.created)} created"
        print(f"  import {label} ({len(data) / 1e6:.1f} MB): {took:.1f} s - {result}")

    article = Article.objects.get(source_name="300 quotes + prose.txt")
    statement = Statement.objects.filter(article=article).order_by("pk").last()
    dialogue = Dialogue.objects.filter(sources__article=article).first()
    speaker = Participant.objects.get(pk=statement.speaker_id)
    urls = ["/", *(f"/{slug}/" for slug in LISTINGS), "/statements/?q=cooperation"]
    urls += [f"/{slug}.{fmt}" for slug in LISTINGS for fmt in ("csv", "json", "ndjson")]
    urls += ["/search/?q=cooperation", "/search/?q=procurement+missile", "/feed/"]
    urls += [dialogue.get_absolute_url(), speaker.get_absolute_url(), statement.get_absolute_url()]
    urls += [f"/articles/{article.pk}/"]
    print(f"  {Statement.objects.count()} statements, {Article.objects.count()} articles; pages, slowest of 3:")
    client, slow = Client(), 0
    for url in urls:
        times = []
        for _ in range(3):
            start = time.perf_counter()
            response = client.get(url)
            size = len(b"".join(response.streaming_content) if response.streaming else response.content)
            times.append(time.perf_counter() - start)
        worst = max(times)
        slow += worst >= BUDGET or response.status_code != 200
        mark = "  SLOW" if worst >= BUDGET else ""
        print(f"    {worst * 1000:7.0f} ms  {response.status_code}  {size / 1024:8.0f} KB  {url}{mark}")
    return 1 if slow else 0


def _child(database_url: str, static_root: str) -> int:
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "SECRET_KEY": "bench",
        "DEBUG": "false",
        "HTTPS": "false",
        "ALLOWED_HOSTS": "testserver",
        "STATIC_ROOT": static_root,
        "DJANGO_SETTINGS_MODULE": "config.settings",
    }
    return subprocess.run([sys.executable, __file__, "--child"], env=env, cwd=PROJECT).returncode


def run(backend: str, pg_admin_url: str) -> int:
    print(f"{backend}:")
    with tempfile.TemporaryDirectory(prefix="bench_hostile_") as folder:
        if backend == "sqlite":
            return _child(f"sqlite:///{folder}/bench.sqlite3", folder + "/static")
        import psycopg
        from psycopg import sql

        name = f"bench_hostile_{os.getpid()}"
        with psycopg.connect(pg_admin_url, autocommit=True) as conn:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        try:
            return _child(f"{pg_admin_url.rsplit('/', 1)[0]}/{name}", folder + "/static")
        finally:
            with psycopg.connect(pg_admin_url, autocommit=True) as conn:
                conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--backend", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument("--pg-admin-url", default="postgres://postgres@127.0.0.1:5432/postgres")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        return run_child()
    backends = ["sqlite", "postgres"] if args.backend == "both" else [args.backend]
    return max(run(backend, args.pg_admin_url) for backend in backends)


if __name__ == "__main__":
    sys.exit(main())
