"""`manage.py import_articles` on real files: records, sources, repeat runs, editors' changes, bad input."""

import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from dialogues.models import Agreement, Article, Dialogue, Participant, Source, Statement, StatusChange

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "data" / "articles"
ARTICLES = Path(__file__).resolve().parent / "articles"


def run(*args) -> str:
    out = io.StringIO()
    call_command("import_articles", *map(str, args), stdout=out)
    return out.getvalue()


def counts() -> tuple[int, ...]:
    return tuple(m.objects.count() for m in (Article, Dialogue, Agreement, Participant, Statement, Source))


def test_the_seed_articles_become_the_records_a_policy_officer_expects():
    run(SEEDS)  # dates and outlet come from the manifest beside the files

    nato_talks = Dialogue.objects.get(parties__name="NATO")
    assert nato_talks.status == "planned" and "Brussels" in nato_talks.venue
    eu_dialogue = Dialogue.objects.get(parties__name="EU")
    assert (eu_dialogue.status, eu_dialogue.expected_text) == ("planned", "early next year")
    assert str(eu_dialogue.expected_earliest) == "2026-01-01"
    assert eu_dialogue in Dialogue.objects.overdue()  # its window closed in April 2026
    assert set(Participant.objects.filter(kind="person").values_list("name", flat=True)) >= {
        "Osamu Izawa",
        "Mark Rutte",
        "Gorana Grgic",
        "Kaja Kallas",
        "Sebastian Maslow",
    }
    izawa = Participant.objects.get(name="Osamu Izawa")
    assert izawa.role == "Ambassador to NATO" and izawa.statements.count() >= 5
    assert Participant.objects.get(aliases__alias="rutte").name == "Mark Rutte"
    assert Article.objects.get(title__startswith="Japan and NATO").outlet == "The Japan Times"


def test_every_imported_fact_points_at_its_sentence():
    run(SEEDS)
    dialogue = Dialogue.objects.get(parties__name="EU")
    status = dialogue.sources.get(field="status")
    assert status.origin == "import" and "aim to launch" in status.sentence
    assert status.article.text[status.sentence_start : status.sentence_end] == status.sentence
    (change,) = StatusChange.objects.filter(dialogue=dialogue)
    assert (change.from_status, change.to_status, change.source) == ("", "planned", status)


def test_the_spending_pledge_in_both_articles_is_one_agreement_with_two_sources():
    run(SEEDS)
    pledge = Agreement.objects.get(name__contains="5% of GDP")
    assert pledge.sources.values("article").distinct().count() == 2


def test_importing_the_same_files_again_changes_nothing_and_says_so():
    run(SEEDS)
    before = counts()
    output = run(SEEDS)
    assert counts() == before
    assert "2 unchanged" in output and "created" not in output.split("\n")[-2]


def test_an_editors_change_is_never_overwritten(editor):
    run(SEEDS)
    dialogue = Dialogue.objects.get(parties__name="NATO")
    dialogue.status = "active"
    dialogue.save()
    Source.objects.create(dialogue=dialogue, field="status", value="active", origin="editor", editor=editor)
    Article.objects.all().delete()  # as if the articles came again, fresh

    output = run(SEEDS, "-v", "1")
    dialogue.refresh_from_db()
    assert dialogue.status == "active"
    assert "left alone" in output and "editor's active kept" in output


def test_a_dry_run_writes_nothing_but_reports_what_it_would_create():
    out = io.StringIO()
    call_command("import_articles", str(SEEDS), "--dry-run", "--format", "json", stdout=out)
    assert counts() == (0, 0, 0, 0, 0, 0)
    report = json.loads(out.getvalue())
    assert report["dry_run"] and not report["errors"]
    created = [line for f in report["files"] for line in f["created"]]
    assert any(line.startswith("dialogue: ") for line in created)
    main = [s for s in report["articles"] if s["relevant"]]
    assert {s["published"] for s in main} == {"2025-07-15", "2025-07-23"}


@pytest.mark.parametrize(
    ("name", "content", "says"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"\n \n", "empty file"),
        ("picture.txt", bytes(range(256)) * 8, "binary"),
        ("huge.txt", b"Japan and NATO. " * 400_000, "too large"),
        ("notes.pdf", b"%PDF-1.4", "not an article file"),
    ],
)
def test_bad_files_fail_with_one_clear_line_and_the_good_ones_still_import(tmp_path, name, content, says):
    (tmp_path / name).write_bytes(content)
    shutil.copy(SEEDS / "004_226b3f89e1556764.txt", tmp_path)
    out = io.StringIO()
    with pytest.raises(CommandError, match=name):
        call_command("import_articles", str(tmp_path), str(tmp_path / name), "--published", "2025-07-23", stdout=out)
    lines = [line for line in out.getvalue().splitlines() if name in line]
    assert lines and all(says in line for line in lines)
    assert Dialogue.objects.filter(parties__name="EU").exists()


@pytest.mark.parametrize("encoding", ["shift_jis", "cp1252"])
def test_text_that_is_not_utf8_is_decoded_and_says_so(tmp_path, encoding):
    text = (SEEDS / "004_226b3f89e1556764.txt").read_text()
    extra = {
        "cp1252": text.replace("'", "\u2019"),  # curly quotes, as Windows editors save them
        "shift_jis": "\u65e5\u672c\u3068EU\u306e\u9632\u885b\u5354\u529b\u3002\n" + text,  # Japanese
    }
    text = extra[encoding]
    (tmp_path / "article.txt").write_bytes(text.encode(encoding, errors="ignore"))
    output = run(tmp_path / "article.txt", "--published", "2025-07-23")
    assert "not UTF-8: decoded as" in output
    assert Dialogue.objects.filter(parties__name="EU", status="planned").exists()


def test_a_folder_with_nothing_to_import_and_a_missing_path_are_reported(tmp_path):
    (tmp_path / "notes.docx").write_text("notes")  # not a kind of file the importer reads
    out = io.StringIO()
    with pytest.raises(CommandError):
        call_command("import_articles", str(tmp_path), str(tmp_path / "missing.txt"), stdout=out)
    assert "no article files" in out.getvalue() and "no such file or folder" in out.getvalue()


def test_a_file_with_only_unrelated_news_is_skipped_with_its_reason():
    output = run(ARTICLES / "unrelated_only.txt")
    assert "skipped" in output and "no European partner" in output
    assert counts() == (0, 0, 0, 0, 0, 0)


def test_a_bad_date_in_a_manifest_names_the_file_and_line(tmp_path):
    shutil.copy(SEEDS / "004_226b3f89e1556764.txt", tmp_path)
    (tmp_path / "manifest.csv").write_text("file,published\n004_226b3f89e1556764.txt,23/07/2025\n")
    out = io.StringIO()
    with pytest.raises(CommandError):
        call_command("import_articles", str(tmp_path), stdout=out)
    assert "manifest.csv line 2" in out.getvalue() and "YYYY-MM-DD" in out.getvalue()


def test_the_command_line_exits_non_zero_without_a_traceback(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}", "DEBUG": "true"}
    env.pop("SECRET_KEY", None)
    manage = [sys.executable, str(ROOT / "manage.py")]
    subprocess.run([*manage, "migrate", "-v0"], env=env, check=True, cwd=ROOT)
    result = subprocess.run(
        [*manage, "import_articles", str(tmp_path / "empty.txt"), str(SEEDS)],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr and "empty.txt" in result.stderr
    assert "2 imported" in result.stdout and "empty file" in result.stdout


@pytest.mark.django_db(transaction=True)
def test_two_imports_running_at_once_make_no_duplicates():
    import threading

    from django.db import connection

    from dialogues.importing import ArticleMeta, import_file

    files = [(p.name, p.read_bytes()) for p in sorted(SEEDS.glob("*.txt"))]
    start = threading.Barrier(2)
    outcomes = []

    def worker():
        start.wait()
        try:
            outcomes.extend(import_file(data, name, ArticleMeta()) for name, data in files)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()

    assert not [o.error for o in outcomes if o.error]
    assert Article.objects.count() == 2
    assert Dialogue.objects.count() == 2 and Participant.objects.filter(name="Japan").count() == 1
    assert Statement.objects.count() == len(set(Statement.objects.values_list("article", "span_start")))
    assert Source.objects.count() == len(
        set(
            Source.objects.values_list(
                "dialogue", "agreement", "participant", "statement", "field", "article", "sentence_start"
            )
        )
    )


def test_the_same_article_with_windows_line_endings_is_the_same_article(tmp_path):
    run(SEEDS)
    text = (SEEDS / "004_226b3f89e1556764.txt").read_text()
    (tmp_path / "copy.txt").write_bytes(("\ufeff" + text).replace("\n", "\r\n").encode("utf-8"))
    before = counts()
    output = run(tmp_path / "copy.txt", "--published", "2025-07-23")
    assert counts() == before and "unchanged" in output


@pytest.mark.django_db(transaction=True)
def test_many_files_are_analysed_in_a_second_process_and_saved_in_order():
    from dialogues.importing import ArticleMeta, import_files

    paths = sorted(SEEDS.glob("*.txt")) + sorted(ARTICLES.glob("*.txt")) + [SEEDS / "missing.txt"]
    items = [(p.name, p if p.exists() else b"", ArticleMeta()) for p in paths]
    outcomes = list(import_files(items, parallel_from=2))

    assert [o.source for o in outcomes] == [p.name for p in paths]
    assert outcomes[-1].error == "empty file"
    assert [o.status for o in outcomes[:-1]].count("imported") == len(paths) - 2  # all but the unrelated one
    assert Dialogue.objects.filter(parties__name="NATO").exists()
    assert Article.objects.count() == len(paths) - 2


def test_two_articles_of_one_day_that_disagree_give_one_answer_in_either_order(tmp_path):
    text = (
        "Japan and Sweden to launch defence equipment dialogue\n"
        "Japan and Sweden aim to launch a Japan-Sweden Defence Equipment Dialogue {when}, officials said.\n"
        '"We are ready," said Defence Minister Anna Berg, adding that the talks would be held in {where}.\n'
    )
    (tmp_path / "a.txt").write_text(text.format(when="early next year", where="Tokyo"))
    (tmp_path / "b.txt").write_text(text.format(when="later this year", where="Stockholm"))

    def imported(*names):
        for name in names:
            run(tmp_path / name, "--published", "2025-07-01")
        dialogue = Dialogue.objects.get(parties__name="Sweden")
        return dialogue.expected_text, dialogue.venue

    first = imported("a.txt", "b.txt")
    assert "2 file(s): 2 unchanged" in run(tmp_path, "--published", "2025-07-01")  # no flip on importing again
    assert imported() == first
    Article.objects.all().delete()
    Dialogue.objects.all().delete()
    assert imported("b.txt", "a.txt") == first  # the same record whichever came first


def test_a_precise_date_from_an_older_article_refines_a_vaguer_one_in_either_order(tmp_path):
    text = "Japan and Sweden sign defence equipment pact\n{sentence}\n"
    (tmp_path / "older.txt").write_text(
        text.format(sentence="Japan and Sweden signed a defence equipment transfer agreement in March 2024.")
    )
    (tmp_path / "newer.txt").write_text(
        text.format(sentence="The defence equipment transfer agreement Japan and Sweden signed in 2024 is in force.")
    )
    dates = {"older.txt": "2024-04-02", "newer.txt": "2025-06-01"}

    def imported(*names):
        for name in names:
            run(tmp_path / name, "--published", dates[name])
        agreement = Agreement.objects.get(parties__name="Sweden")
        return agreement.date_text, agreement.date_earliest, agreement.date_latest

    first = imported("older.txt", "newer.txt")
    assert first[0] == "in March 2024"  # "in 2024" agrees with it and does not make it vaguer
    Article.objects.all().delete()
    Agreement.objects.all().delete()
    assert imported("newer.txt", "older.txt") == first  # nor does the order of import


def test_importing_again_speaks_of_the_records_it_spoke_of_before(tmp_path):
    """Found in a 33-file corpus: the second import added two sources while it said 'unchanged'."""
    from tests.conftest import party

    program = Agreement.objects.create(name="Global Combat Air Program", kind="programme", status="agreed")
    program.parties.set([party("Japan", region="japan"), party("UK"), party("Italy")])
    (tmp_path / "gcap.txt").write_text(
        "Japan and Europe build defence-industrial ties\n"
        "Europe has started to build the scaffolding. The Global Combat Air Programme already ties Japan"
        " to Britain and Italy in developing a next-generation fighter.\n"
    )
    run(tmp_path / "gcap.txt", "--published", "2025-07-01")
    assert program.sources.filter(article__isnull=False).exists()  # matched across the spellings
    program.refresh_from_db()
    assert program.name == "Global Combat Air Programme"  # of two spellings, one, whatever came first
    Agreement.objects.create(name="Global Combat Air Program")  # since made, and matching the subject
    before = counts()
    output = run(tmp_path / "gcap.txt", "--published", "2025-07-01")
    assert counts() == before and "1 file(s): 1 unchanged" in output


def test_a_record_is_matched_by_exactly_its_parties_not_a_record_of_more_or_fewer(tmp_path):
    from tests.conftest import party

    japan, uk, italy, france = party("Japan", region="japan"), party("UK"), party("Italy"), party("France")
    for n, partner in enumerate([france, france, france, uk, uk]):  # Japan is a party of nearly every record
        Agreement.objects.create(name=f"Japan accord {n}").parties.set([japan, partner])
    program = Agreement.objects.create(name="Global Combat Air Program", kind="programme")
    program.parties.set([japan, uk, italy])
    # of the same subject, and first in name order: only their parties tell them apart
    wider = Agreement.objects.create(name="GCAP", kind="programme")
    wider.parties.set([japan, uk, italy, france])
    narrower = Agreement.objects.create(name="Combat Air Programme", kind="programme")
    narrower.parties.set([japan, uk])
    other = Agreement.objects.create(name="Air Combat Programme", kind="programme")
    other.parties.set([japan, italy, party("Sweden")])
    (tmp_path / "gcap.txt").write_text(
        "Japan and Europe build defence-industrial ties\n"
        "The Global Combat Air Programme already ties Japan to Britain and Italy in developing a fighter.\n"
    )
    run(tmp_path / "gcap.txt", "--published", "2025-07-01")
    assert set(Agreement.objects.filter(sources__article__isnull=False).values_list("pk", flat=True)) == {program.pk}
    assert Agreement.objects.count() == 9


def test_an_article_of_a_thousand_quotations_is_refused_whole(tmp_path):
    quotes = "".join(f'"We need cooperation number {n}," Osamu Izawa said.\n' for n in range(1000))
    (tmp_path / "flood.txt").write_text(f"Japan and NATO to launch defense-industrial talks\n{quotes}")
    out = io.StringIO()
    with pytest.raises(CommandError, match="flood.txt"):
        call_command("import_articles", str(tmp_path / "flood.txt"), "--published", "2025-07-15", stdout=out)
    assert "holds 1,000 quotations; an article may hold at most 300, so nothing of it was imported" in out.getvalue()
    assert counts() == (0, 0, 0, 0, 0, 0)


@pytest.mark.parametrize(
    "url",
    ["javascript:alert(document.cookie)", "JaVaScRiPt:alert(1)", "data:text/html;base64,PHNjcmlwdD4=", "ftp://x.org/a"],
)
def test_an_address_that_is_not_a_web_page_stops_its_file_only(tmp_path, url):
    shutil.copy(SEEDS / "004_226b3f89e1556764.txt", tmp_path)
    shutil.copy(SEEDS / "000_92ee229aff965d8c.txt", tmp_path)
    (tmp_path / "manifest.csv").write_text(
        f"file,published,outlet,url\n004_226b3f89e1556764.txt,2025-07-23,Japan Times,{url}\n"
        "000_92ee229aff965d8c.txt,2025-07-15,Japan Times,https://www.japantimes.co.jp/news/2025/07/15/\n"
    )
    out = io.StringIO()
    with pytest.raises(CommandError, match="004_226b3f89e1556764.txt"):
        call_command("import_articles", str(tmp_path), stdout=out)
    assert "manifest.csv line 2: url" in out.getvalue() and "is not a web address" in out.getvalue()
    assert list(Article.objects.values_list("url", flat=True)) == ["https://www.japantimes.co.jp/news/2025/07/15/"]
    with pytest.raises(CommandError, match="--url"):
        run(SEEDS / "004_226b3f89e1556764.txt", "--url", url)


def test_one_bad_manifest_date_stops_only_its_own_file(tmp_path):
    shutil.copy(SEEDS / "004_226b3f89e1556764.txt", tmp_path)
    shutil.copy(SEEDS / "000_92ee229aff965d8c.txt", tmp_path)
    (tmp_path / "manifest.csv").write_text(
        "file,published\n004_226b3f89e1556764.txt,23/07/2025\n000_92ee229aff965d8c.txt,2025-07-15\n"
    )
    out = io.StringIO()
    with pytest.raises(CommandError, match="1 path"):
        call_command("import_articles", str(tmp_path), stdout=out)
    assert "004_226b3f89e1556764.txt: not imported, its manifest row is wrong" in out.getvalue()
    assert "000_92ee229aff965d8c.txt: imported" in out.getvalue()
    assert Article.objects.get().published.isoformat() == "2025-07-15"


def test_manifest_rows_that_name_no_file_here_are_reported(tmp_path):
    shutil.copy(SEEDS / "004_226b3f89e1556764.txt", tmp_path)
    (tmp_path / "manifest.csv").write_text(
        "file,published\n004_226b3f89e1556764.txt,2025-07-23\nmissing.txt,2025-07-01\n"
        "../../etc/passwd.txt,2025-07-01\n/etc/hosts.txt,2025-07-01\n"
    )
    output = run(tmp_path)
    assert "line 3: there is no file 'missing.txt'" in output
    assert "line 4: '../../etc/passwd.txt' is a path, not a file beside the manifest; row ignored" in output
    assert "line 5: '/etc/hosts.txt' is a path" in output
    assert "1 file(s): 1 imported" in output


def test_a_link_out_of_the_import_folder_is_not_followed(tmp_path):
    outside, folder = tmp_path / "outside", tmp_path / "articles"
    outside.mkdir()
    folder.mkdir()
    shutil.copy(SEEDS / "004_226b3f89e1556764.txt", outside / "secret.txt")
    (folder / "secret.txt").symlink_to(outside / "secret.txt")
    (folder / "linked").symlink_to(outside, target_is_directory=True)
    shutil.copy(SEEDS / "000_92ee229aff965d8c.txt", folder)
    out = io.StringIO()
    with pytest.raises(CommandError):
        call_command("import_articles", str(folder), "--published", "2025-07-15", stdout=out)
    assert f"{folder / 'secret.txt'}: links outside {folder}; not read" in out.getvalue()
    assert Article.objects.count() == 1 and not Article.objects.filter(source_name__contains="secret").exists()


def test_a_file_over_the_limit_is_refused_before_it_is_read(tmp_path):
    import tracemalloc

    from dialogues.importing import ArticleMeta, import_files

    with open(tmp_path / "huge.txt", "wb") as f:
        f.truncate(30 * 1024 * 1024)  # 30 MB, sparse
    tracemalloc.start()
    (outcome,) = import_files([("huge.txt", tmp_path / "huge.txt", ArticleMeta())])
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert outcome.error == "too large (30.0 MB; the limit is 5 MB)"
    assert peak < 2 * 1024 * 1024


def _children(pid: int) -> list[int]:
    with open(f"/proc/{pid}/task/{pid}/children") as f:
        return [int(child) for child in f.read().split()]


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False


def test_a_killed_import_leaves_its_committed_files_on_record_and_no_worker_behind(tmp_path):
    import signal
    import time

    folder = tmp_path / "articles"
    folder.mkdir()
    for n in range(40):  # enough for the second process
        text = (SEEDS / "004_226b3f89e1556764.txt").read_text()
        (folder / f"{n:03}.txt").write_text(text.replace("Japan-EU", f"Japan-EU {n}"))
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}", "DEBUG": "true"}
    manage = [sys.executable, str(ROOT / "manage.py")]
    subprocess.run([*manage, "migrate", "-v0"], env=env, check=True, cwd=ROOT)
    command = subprocess.Popen(
        [*manage, "import_articles", str(folder), "--published", "2025-07-23"],
        env=env,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    first = command.stdout.readline()  # written as the first file commits, not at the end
    assert first.startswith("+ ") and "000.txt: imported" in first
    workers = _children(command.pid)
    assert workers, "no worker process was started"
    command.send_signal(signal.SIGKILL)
    command.wait()
    deadline = time.monotonic() + 10
    while any(_alive(w) for w in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(_alive(w) for w in workers), "the worker outlived the killed import"
