"""Scale benchmark (issue 10): the public pages and the statements download, as a user meets them,
against a database filled by bench/generate_data.py, side by side with Datasette and the admin.

    pip install -e ".[dev,bench]"      # Datasette, the peer; never needed to run the tracker
    DATABASE_URL=sqlite:////tmp/scale.sqlite3 .venv/bin/python bench/generate_data.py --statements 100000
    .venv/bin/python bench/scale_benchmark.py --database-url sqlite:////tmp/scale.sqlite3
    .venv/bin/python bench/scale_benchmark.py --database-url postgres://postgres@127.0.0.1:5432/scale \\
        --datasette-file /tmp/scale.sqlite3      # the peer reads the SQLite file of the same data
    .venv/bin/python bench/scale_benchmark.py --database-url ... --quick     # 3 rounds, 20 s timeout, no full CSV

What it does:

1. In this process (Django set up on the database, DEBUG off, static files collected into a
   temporary folder): finds the top speaker, the busiest dialogue and the statement count (so the
   deep and last pages), makes a superuser `bench` for the admin, and fetches every page once
   with Django's test client inside CaptureQueriesContext: the query count per page. A page whose
   queries run past the timeout is stopped by the database (SQLite's progress handler, PostgreSQL's
   statement_timeout) and recorded as a timeout.
2. Serves the tracker under gunicorn (2 sync workers, as the Dockerfile does), Datasette on the
   SQLite file (same data), and logs in to the admin over HTTP.
3. N rounds; in each, every page of ours and its peers' equivalents is fetched once over HTTP, in
   turn (interleaved, so a slower minute of the machine hits all alike): p50 and p95 over the
   rounds, the page's size. A request that takes longer than --timeout is recorded as a timeout,
   the page is not asked for again, and the server's workers are killed (gunicorn starts new ones;
   Datasette is restarted), so a runaway request does not slow the rest of the run.
4. The downloads: `/statements.csv` whole and filtered by the top speaker, Datasette's
   `.csv?_stream=on` equivalents (the filtered one fetched once from each, unmeasured, first, so that
   neither pays the disk for the other): rows per second, time to the first data row, and the server's
   peak RSS growth (each worker's peak is reset through /proc/<pid>/clear_refs before the
   download; VmHWM after it, less VmRSS before, summed over gunicorn's workers). A download is
   cut at --csv-timeout, and at once if the disk holding the database's temporary files passes
   80 % full (the issue saw sort files fill it).

Equivalents: our `/statements/` page 1 sorted by date ↔ Datasette's table page sorted by said_on
desc (25 rows) ↔ the admin changelist (its 100 rows); `?speaker=` ↔ `?speaker_id=` ↔
`?speaker__id__exact=`; `?q=` ↔ `?text__contains=` (LIKE) ↔ the admin search; our page N ↔
Datasette's keyset `_next` token of the same row ↔ the admin page holding that row. Ratios are
ours/peer (time; below 1 is better for us). Only the pages with a peer get ratios.
"""

import argparse
import contextlib
import http.client
import os
import re
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))
from bench.generate_data import RARE_WORD  # noqa: E402

PAGE_SIZE, ADMIN_PAGE_SIZE = 25, 100
DEEP_PAGE = 1000
ADMIN_USER, ADMIN_PASSWORD = "bench", "bench-superuser-passphrase"
DISK_LIMIT = 0.80


# --------------------------------------------------------------------------------------------
# HTTP, with a deadline on the whole response
# --------------------------------------------------------------------------------------------


@dataclass
class Fetch:
    status: int | str  # HTTP status, or "timeout" / "error: ..."
    seconds: float
    size: int = 0


def fetch(port: int, path: str, timeout: float, cookie: str = "") -> Fetch:
    started = time.perf_counter()
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request("GET", path, headers={"Cookie": cookie} if cookie else {})
        response = connection.getresponse()
        size = 0
        while chunk := response.read1(1 << 16):
            size += len(chunk)
            if time.perf_counter() - started > timeout:
                return Fetch("timeout", time.perf_counter() - started, size)
        return Fetch(response.status, time.perf_counter() - started, size)
    except TimeoutError:
        return Fetch("timeout", time.perf_counter() - started)
    except OSError as error:
        return Fetch(f"error: {error}", time.perf_counter() - started)
    finally:
        connection.close()


@dataclass
class Download:
    status: int | str
    rows: int = 0
    seconds: float = 0.0
    first_row: float | None = None  # seconds to the first data row
    size: int = 0
    rss_growth_mb: float | None = None

    @property
    def rate(self) -> float:
        return self.rows / self.seconds if self.seconds else 0.0


def download(port: int, path: str, timeout: float, disk_path: str, cookie: str = "") -> Download:
    """Stream a CSV to its end, counting lines (the generated quotes hold no line breaks)."""
    started = time.perf_counter()
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    result = Download("error")
    try:
        connection.request("GET", path, headers={"Cookie": cookie} if cookie else {})
        response = connection.getresponse()
        result.status = response.status
        lines, checked = 0, started
        while chunk := response.read1(1 << 16):
            result.size += len(chunk)
            lines += chunk.count(b"\n")
            now = time.perf_counter()
            if result.first_row is None and lines >= 2:
                result.first_row = now - started
            if now - started > timeout:
                result.status = "timeout"
                break
            if now - checked > 1:
                checked = now
                usage = shutil.disk_usage(disk_path)
                if usage.used / usage.total > DISK_LIMIT:
                    result.status = f"stopped: disk over {DISK_LIMIT:.0%}"
                    break
        result.rows = max(0, lines - 1)
    except TimeoutError:
        result.status = "timeout"
    except OSError as error:
        result.status = f"error: {error}"
    finally:
        connection.close()
    result.seconds = time.perf_counter() - started
    return result


def admin_cookie(port: int) -> str:
    """Sign in to the admin as the benchmark's superuser; the session cookie."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request("GET", "/admin/login/")
    response = connection.getresponse()
    page = response.read().decode()
    csrf = re.search(r"csrftoken=([^;]+)", response.getheader("Set-Cookie") or "").group(1)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    body = urllib.parse.urlencode(
        {"username": ADMIN_USER, "password": ADMIN_PASSWORD, "csrfmiddlewaretoken": token, "next": "/admin/"}
    )
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    headers = {"Content-Type": "application/x-www-form-urlencoded", "Cookie": f"csrftoken={csrf}"}
    connection.request("POST", "/admin/login/", body=body, headers=headers)
    response = connection.getresponse()
    response.read()
    session = re.search(r"sessionid=([^;]+)", response.getheader("Set-Cookie") or "")
    if response.status != 302 or not session:
        raise RuntimeError(f"could not sign in to the admin (HTTP {response.status})")
    return f"csrftoken={csrf}; sessionid={session.group(1)}"


# --------------------------------------------------------------------------------------------
# Servers we start, and their memory
# --------------------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _status(pid: int, key: str) -> int:
    """A /proc/<pid>/status figure in kB (0 when the process is gone)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(key + ":"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def _children(pid: int) -> list[int]:
    try:
        return [int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


class Server:
    def __init__(self, name: str, command: list[str], env: dict, port: int, ready_path: str, log: Path):
        self.name, self.command, self.env, self.port, self.ready_path, self.log = (
            name,
            command,
            env,
            port,
            ready_path,
            log,
        )
        self.process: subprocess.Popen | None = None

    def start(self):
        out = self.log.open("ab")
        self.process = subprocess.Popen(
            self.command, env=self.env, cwd=PROJECT, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )
        self.wait_ready()

    def wait_ready(self, seconds: float = 60):
        deadline = time.time() + seconds
        while time.time() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"{self.name} exited; see {self.log}")
            if isinstance(fetch(self.port, self.ready_path, 5).status, int) and self.ready():
                return
            time.sleep(0.3)
        raise RuntimeError(f"{self.name} did not answer within {seconds:.0f} s; see {self.log}")

    def ready(self) -> bool:
        return True

    def workers(self) -> list[int]:
        return [self.process.pid]

    def reset_peaks(self) -> int:
        """Reset each worker's peak RSS; the RSS now, in kB, summed."""
        total = 0
        for pid in self.workers():
            with contextlib.suppress(OSError):
                Path(f"/proc/{pid}/clear_refs").write_text("5")
            total += _status(pid, "VmRSS")
        return total

    def peaks(self) -> int:
        return sum(_status(pid, "VmHWM") for pid in self.workers())

    def recover(self):
        """After a request we gave up on: the server as fresh, without its runaway work."""
        self.stop()
        self.start()

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


class Gunicorn(Server):
    def __init__(self, *args, workers: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.count = workers

    def workers(self) -> list[int]:
        return _children(self.process.pid)

    def ready(self) -> bool:
        return len(self.workers()) >= self.count

    def recover(self):
        for pid in self.workers():  # gunicorn's master starts new ones
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        time.sleep(1)
        self.wait_ready()


# --------------------------------------------------------------------------------------------
# What to fetch
# --------------------------------------------------------------------------------------------


@dataclass
class Target:
    label: str
    server: str  # "ours", "datasette", "admin"
    path: str
    times: list[float] = field(default_factory=list)
    sizes: list[int] = field(default_factory=list)
    failure: str = ""

    def p(self, q: float) -> float | None:
        if not self.times:
            return None
        ordered = sorted(self.times)
        return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


@dataclass
class Facts:
    vendor: str
    statements: int
    top_speaker_id: int
    top_speaker_slug: str
    top_speaker_statements: int
    busiest_dialogue_slug: str
    busiest_dialogue_statements: int

    @property
    def last_page(self) -> int:
        return max(1, -(-self.statements // PAGE_SIZE))

    @property
    def deep_page(self) -> int:
        return min(DEEP_PAGE, max(1, self.last_page // 2))


def find_facts() -> Facts:
    from django.contrib.auth.models import User
    from django.db import connection
    from django.db.models import Count

    from dialogues.models import Dialogue, Participant, Statement

    speakers = Statement.objects.values("speaker_id").annotate(n=Count("pk")).order_by("-n")[:1]
    top = speakers[0]
    dialogues = Statement.objects.exclude(dialogue=None).values("dialogue_id").annotate(n=Count("pk"))
    busiest = dialogues.order_by("-n")[:1][0]
    if not User.objects.filter(username=ADMIN_USER).exists():
        User.objects.create_superuser(ADMIN_USER, password=ADMIN_PASSWORD)
    return Facts(
        vendor=connection.vendor,
        statements=Statement.objects.count(),
        top_speaker_id=top["speaker_id"],
        top_speaker_slug=Participant.objects.get(pk=top["speaker_id"]).slug,
        top_speaker_statements=top["n"],
        busiest_dialogue_slug=Dialogue.objects.get(pk=busiest["dialogue_id"]).slug,
        busiest_dialogue_statements=busiest["n"],
    )


def our_pages(facts: Facts) -> dict[str, str]:
    return {
        "dashboard /": "/",
        "/statements/ page 1": "/statements/",
        "/statements/?speaker=<top>": f"/statements/?speaker={facts.top_speaker_slug}",
        f"/statements/?q={RARE_WORD}": f"/statements/?q={RARE_WORD}",
        f"/statements/?page={facts.deep_page} (deep)": f"/statements/?page={facts.deep_page}",
        f"/statements/?page={facts.last_page} (last)": f"/statements/?page={facts.last_page}",
        f"/search/?q={RARE_WORD}": f"/search/?q={RARE_WORD}",
        "busiest dialogue's page": f"/dialogues/{facts.busiest_dialogue_slug}/",
        "/dialogues/": "/dialogues/",
        "/agreements/": "/agreements/",
        "/participants/": "/participants/",
        "/feed/": "/feed/",
    }


def datasette_keyset(sqlite_file: str, page: int) -> str:
    """Datasette's `_next` token for the page that starts at row (page - 1) * 25 in said_on-desc order."""
    if page <= 1:
        return ""
    with sqlite3.connect(f"file:{sqlite_file}?mode=ro", uri=True) as db:
        said_on, pk = db.execute(
            "SELECT said_on, id FROM dialogues_statement ORDER BY said_on DESC, id LIMIT 1 OFFSET ?",
            ((page - 1) * PAGE_SIZE - 1,),
        ).fetchone()
    prefix = "$null" if said_on is None else str(said_on)
    return "&_next=" + urllib.parse.quote(f"{prefix},{pk}")


def peer_pages(facts: Facts, pages: dict[str, str], datasette_db: str | None, sqlite_file: str | None):
    """label of our page -> [(server, path)] of its equivalents."""
    labels = list(pages)
    admin = "/admin/dialogues/statement/"
    peers: dict[str, list[tuple[str, str]]] = {label: [] for label in labels}
    deep_row, last_row = (facts.deep_page - 1) * PAGE_SIZE, (facts.last_page - 1) * PAGE_SIZE
    peers[labels[1]].append(("admin", admin))
    peers[labels[2]].append(("admin", f"{admin}?speaker__id__exact={facts.top_speaker_id}"))
    peers[labels[3]].append(("admin", f"{admin}?q={RARE_WORD}"))
    peers[labels[4]].append(("admin", f"{admin}?p={deep_row // ADMIN_PAGE_SIZE + 1}"))
    peers[labels[5]].append(("admin", f"{admin}?p={last_row // ADMIN_PAGE_SIZE + 1}"))
    if datasette_db:
        table = f"/{datasette_db}/dialogues_statement?_sort_desc=said_on&_size={PAGE_SIZE}"
        peers[labels[1]].append(("datasette", table))
        peers[labels[2]].append(("datasette", f"{table}&speaker_id={facts.top_speaker_id}"))
        peers[labels[3]].append(("datasette", f"{table}&text__contains={RARE_WORD}"))
        peers[labels[4]].append(("datasette", table + datasette_keyset(sqlite_file, facts.deep_page)))
        peers[labels[5]].append(("datasette", table + datasette_keyset(sqlite_file, facts.last_page)))
    return peers


# --------------------------------------------------------------------------------------------
# Step 1: query counts, in process
# --------------------------------------------------------------------------------------------


def count_queries(paths: dict[str, str], timeout: float) -> dict[str, int | str]:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(raise_request_exception=False, HTTP_HOST="127.0.0.1")
    connection.ensure_connection()
    deadline = [0.0]
    if connection.vendor == "sqlite":
        connection.connection.set_progress_handler(lambda: time.monotonic() > deadline[0], 100_000)
    else:
        with connection.cursor() as cursor:
            cursor.execute(f"SET statement_timeout = {int(timeout * 1000)}")
    counts = {}
    for label, path in paths.items():
        deadline[0] = time.monotonic() + timeout
        started = time.monotonic()
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path)
            if response.streaming:
                b"".join(response.streaming_content)
        elapsed = time.monotonic() - started
        if response.status_code == 200:
            counts[label] = len(queries)
        elif elapsed >= timeout:
            counts[label] = "timeout"
        else:
            counts[label] = f"HTTP {response.status_code}"
        print(f"  {label}: {counts[label]} queries ({elapsed:.1f} s)", flush=True)
    return counts


# --------------------------------------------------------------------------------------------
# The run
# --------------------------------------------------------------------------------------------


def ms(seconds: float | None) -> str:
    if seconds is None:
        return "—"
    return f"{seconds * 1000:,.0f}" if seconds < 10 else f"{seconds:,.1f} s"


def ratio(ours: float | None, peer: float | None) -> str:
    if ours is None or peer is None or not peer:
        return "—"
    return f"{ours / peer:.1f}×" if ours / peer < 100 else f"{ours / peer:,.0f}×"


def run(args) -> int:
    url = args.database_url
    static_root = tempfile.mkdtemp(prefix="bench_static_")
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "SECRET_KEY": "bench",
        "DEBUG": "false",
        "HTTPS": "false",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "STATIC_ROOT": static_root,
        "DJANGO_SETTINGS_MODULE": "config.settings",
    }
    os.environ.update(env)
    import django

    django.setup()
    from django.core.management import call_command

    call_command("collectstatic", interactive=False, verbosity=0)
    facts = find_facts()
    sqlite_file = args.datasette_file or (url.removeprefix("sqlite:///") if url.startswith("sqlite:") else None)
    print(
        f"{facts.vendor} at {url}: {facts.statements:,} statements; top speaker {facts.top_speaker_slug} "
        f"({facts.top_speaker_statements:,}), busiest dialogue {facts.busiest_dialogue_slug} "
        f"({facts.busiest_dialogue_statements:,}); deep page {facts.deep_page}, last page {facts.last_page}"
    )
    pages = our_pages(facts)
    use_datasette = bool(sqlite_file) and not args.no_datasette
    if use_datasette and not shutil.which("datasette", path=str(Path(sys.executable).parent)):
        print("Datasette is not installed (pip install -e '.[bench]'): no Datasette column", file=sys.stderr)
        use_datasette = False
    datasette_db = Path(sqlite_file).stem if use_datasette else None
    peers = peer_pages(facts, pages, datasette_db, sqlite_file)

    print(f"query counts (in process, timeout {args.timeout:.0f} s):", flush=True)
    queries = count_queries(pages, args.timeout)
    from django.db import connections

    connections.close_all()

    logs = Path(tempfile.mkdtemp(prefix="bench_scale_logs_"))
    port = free_port()
    bin_dir = Path(sys.executable).parent
    servers: dict[str, Server] = {
        "ours": Gunicorn(
            "gunicorn",
            [
                str(bin_dir / "gunicorn"),
                "config.wsgi",
                "--bind",
                f"127.0.0.1:{port}",
                "--workers",
                str(args.workers),
                "--timeout",
                str(int(max(args.timeout, args.csv_timeout) + 30)),
            ],
            env,
            port,
            "/admin/login/",
            logs / "gunicorn.log",
            workers=args.workers,
        )
    }
    if use_datasette:
        dport = free_port()
        servers["datasette"] = Server(
            "datasette",
            [
                str(bin_dir / "datasette"),
                "serve",
                sqlite_file,
                "--port",
                str(dport),
                "--setting",
                "sql_time_limit_ms",
                str(int(args.timeout * 1000)),
                "--setting",
                "max_csv_mb",
                "0",
            ],
            env,
            dport,
            "/-/versions.json",
            logs / "datasette.log",
        )
    try:
        for server in servers.values():
            server.start()
        cookie = admin_cookie(servers["ours"].port)
        status = measure(args, facts, pages, peers, queries, servers, cookie, sqlite_file, url)
    finally:
        for server in servers.values():
            server.stop()
        shutil.rmtree(static_root, ignore_errors=True)
    print(f"(server logs in {logs})")
    return status


def measure(args, facts, pages, peers, queries, servers, cookie, sqlite_file, url) -> int:
    ports = {"ours": servers["ours"].port, "admin": servers["ours"].port}
    if "datasette" in servers:
        ports["datasette"] = servers["datasette"].port
    server_of = {"ours": "ours", "admin": "ours", "datasette": "datasette"}
    targets: list[Target] = []
    for label, path in pages.items():
        targets.append(Target(label, "ours", path))
        targets += [Target(label, server, peer) for server, peer in peers[label] if server in ports]

    print(f"\n{args.requests} rounds of {len(targets)} requests, interleaved (timeout {args.timeout:.0f} s each)")
    for n in range(args.requests):
        for target in targets:
            if target.failure:
                continue
            result = fetch(ports[target.server], target.path, args.timeout, cookie if target.server == "admin" else "")
            if result.status == 200:
                target.times.append(result.seconds)
                target.sizes.append(result.size)
            else:
                target.failure = f"{result.status}" + (
                    f" after {result.seconds:.0f} s" if result.status == "timeout" else ""
                )
                print(f"  {target.server} {target.path}: {target.failure}", flush=True)
                if result.status == "timeout" or str(result.status).startswith("error"):
                    servers[server_of[target.server]].recover()
        print(f"  round {n + 1} done", flush=True)

    # The pages table
    print(f"\n## Pages: {facts.vendor}, {facts.statements:,} statements, p50/p95 over {args.requests} requests (ms)\n")
    header = (
        "| page | queries | p50 | p95 | KB | Datasette p50 (size) | ours/Datasette | admin p50 (size) | ours/admin |"
    )
    print(header)
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for label in pages:
        ours = next(t for t in targets if t.label == label and t.server == "ours")
        row = [label, str(queries.get(label, "—"))]
        if ours.failure and not ours.times:
            row += [ours.failure, "", "—"]
        else:
            row += [ms(ours.p(0.5)), ms(ours.p(0.95)), f"{max(ours.sizes) / 1024:,.0f}" if ours.sizes else "—"]
        for server in ("datasette", "admin"):
            peer = next((t for t in targets if t.label == label and t.server == server), None)
            if peer is None:
                row += ["", ""]
            elif peer.failure and not peer.times:
                row += [peer.failure, "—"]
            else:
                size = f" ({max(peer.sizes) / 1024:,.0f} KB)" if peer.sizes else ""
                row += [ms(peer.p(0.5)) + size, ratio(ours.p(0.5), peer.p(0.5))]
        print("| " + " | ".join(row) + " |")

    # The downloads
    disk = tempfile.gettempdir() if url.startswith("sqlite:") else "/"
    base = f"/{Path(sqlite_file or 'none').stem}/dialogues_statement.csv?_stream=on&_size=max&_sort_desc=said_on"
    downloads = [  # label, ours, Datasette's
        ("/statements.csv, all", "/statements.csv", base),
        (
            "/statements.csv?speaker=<top>",
            f"/statements.csv?speaker={facts.top_speaker_slug}",
            f"{base}&speaker_id={facts.top_speaker_id}",
        ),
    ]
    if args.quick or args.no_full_csv:
        downloads = downloads[1:]
    results = []
    for label, path, peer_path in downloads:
        row = {"label": label}
        if "speaker" in path:  # once unmeasured, each: the top speaker's rows are scattered over the files,
            for server, p in (("ours", path), ("datasette", peer_path)):  # and whoever read them first would
                if server in servers:  # pay the disk for both
                    download(servers[server].port, p, args.csv_timeout, disk)
        for server, p in (("ours", path), ("datasette", peer_path)):
            if server not in servers:
                continue
            process = servers[server]
            before = process.reset_peaks()
            result = download(process.port, p, args.csv_timeout, disk)
            result.rss_growth_mb = max(0, process.peaks() - before) / 1024
            if result.status != 200:
                process.recover()
            row[server] = result
            print(
                f"  {server} {p}: {result.status}, {result.rows:,} rows in {result.seconds:.1f} s",
                flush=True,
            )
        results.append(row)
    print(f"\n## Downloads: {facts.vendor}, {facts.statements:,} statements (timeout {args.csv_timeout:.0f} s)\n")
    print(
        "| download | status | rows | rows/s | first row ms | RSS growth MB | Datasette rows/s | first row ms "
        "| RSS growth MB | ours/Datasette (time) |"
    )
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for row in results:
        ours, peer = row["ours"], row.get("datasette")
        cells = [
            row["label"],
            str(ours.status),
            f"{ours.rows:,}",
            f"{ours.rate:,.0f}",
            ms(ours.first_row),
            f"{ours.rss_growth_mb:,.0f}",
        ]
        if peer:
            cells += [f"{peer.rate:,.0f}", ms(peer.first_row), f"{peer.rss_growth_mb:,.0f}"]
            done = ours.status == 200 and peer.status == 200
            cells.append(ratio(1 / ours.rate, 1 / peer.rate) if done and ours.rate and peer.rate else "—")
        else:
            cells += ["", "", "", ""]
        print("| " + " | ".join(cells) + " |")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--database-url", default=os.environ.get("DATABASE_URL"), help="default: $DATABASE_URL")
    parser.add_argument(
        "--datasette-file", help="the SQLite file Datasette serves (default: the database itself when it is SQLite)"
    )
    parser.add_argument("--requests", type=int, default=10, help="rounds of requests per page (default 10)")
    parser.add_argument("--timeout", type=float, default=60, help="seconds a page may take (default 60)")
    parser.add_argument("--csv-timeout", type=float, default=600, help="seconds a download may take (default 600)")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers (default 2, as in the Dockerfile)")
    parser.add_argument("--quick", action="store_true", help="3 rounds, 20 s timeout, no full-table download")
    parser.add_argument("--no-full-csv", action="store_true", help="skip /statements.csv of every row")
    parser.add_argument("--no-datasette", action="store_true")
    args = parser.parse_args()
    if not args.database_url:
        parser.error("give --database-url (or set DATABASE_URL) to a database filled by bench/generate_data.py")
    if args.quick:
        args.requests, args.timeout, args.csv_timeout = 3, 20, min(args.csv_timeout, 120)
    return run(args)


if __name__ == "__main__":
    sys.exit(main())
