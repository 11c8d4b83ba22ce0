import json

from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from dialogues.article_files import BadManifest, parse_date, parse_url, plan_import
from dialogues.importing import ArticleMeta, import_files
from dialogues.models import Article

MARKS = {"imported": "+", "unchanged": "=", "skipped": "-", "failed": "!"}


class Command(BaseCommand):
    help = "Import article files (.txt, .html) or folders of them into dialogues, agreements and statements."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH", help="article files or folders")
        parser.add_argument("--dry-run", action="store_true", help="show what would change; write nothing")
        parser.add_argument("--format", choices=["text", "json"], default="text")
        parser.add_argument("--published", help="publication date, YYYY-MM-DD (else from manifest.csv)")
        parser.add_argument("--outlet", default="", help="the outlet that published the articles")
        parser.add_argument("--url", default="", help="the article's address (http or https)")

    def handle(self, *args, paths, dry_run, format, published, outlet, url, **options):
        if Article._meta.db_table not in connection.introspection.table_names():
            raise CommandError("The database is not set up yet: run `python manage.py migrate` first.")
        try:
            override = ArticleMeta(parse_date(published, "--published"), outlet, parse_url(url, "--url"))
        except BadManifest as exc:
            raise CommandError(str(exc)) from None
        plan = plan_import(paths, override)
        outcomes = []
        # Each file's line is written (and flushed) as the file commits, so a run cut short
        # still leaves a record of what it saved.
        for outcome in import_files(plan.items, dry_run=dry_run):
            outcomes.append(outcome)
            if format == "text":
                self._print_outcome(outcome, options["verbosity"])
            elif not dry_run:
                self.stderr.write(f"{outcome.source}: {outcome.status}")
                self.stderr.flush()
        failed = [o for o in outcomes if o.error]
        if format == "json":
            self._print_json(outcomes, plan, dry_run)
        else:
            self._print_summary(outcomes, plan, dry_run)
        if failed or plan.problems:
            names = ", ".join([o.source for o in failed] + [p.split(":")[0] for p in plan.problems])
            raise CommandError(f"{len(failed) + len(plan.problems)} path(s) could not be imported: {names}")

    def _print_json(self, outcomes, plan, dry_run):
        report = {
            "dry_run": dry_run,
            "articles": [section for o in outcomes for section in o.sections],
            "files": [o.as_report() for o in outcomes],
            "errors": [{"source": o.source, "error": o.error} for o in outcomes if o.error]
            + [{"source": p.split(":")[0], "error": p.split(": ", 1)[-1]} for p in plan.problems],
            "notes": plan.notes,
        }
        self.stdout.write(json.dumps(report, ensure_ascii=False, indent=2))

    def _print_outcome(self, o, verbosity):
        style = {
            "imported": self.style.SUCCESS,
            "unchanged": str,
            "skipped": self.style.WARNING,
            "failed": self.style.ERROR,
        }
        if o.error:
            line = f"{o.source}: failed: {o.error}"
        elif o.status == "skipped":
            reasons = "; ".join(sorted({s["skipped_reason"] for s in o.sections}))
            line = f"{o.source}: skipped, nothing about Japan–Europe defence ({reasons})"
        else:
            line = (
                f"{o.source}: {o.status}: {len(o.created)} created, {len(o.changed)} changed, "
                f"{len(o.left_alone)} left alone, {o.unchanged} unchanged"
            )
        if o.note:
            line += f" [{o.note}]"
        self.stdout.write(style[o.status](f"{MARKS[o.status]} {line}"))
        details = [("left alone", o.left_alone)] + (
            [("created", o.created), ("changed", o.changed)] if verbosity > 1 else []
        )
        for label, items in details:
            for item in items:
                self.stdout.write(f"    {label}: {item}")
        self.stdout.flush()

    def _print_summary(self, outcomes, plan, dry_run):
        for note in plan.notes:
            self.stdout.write(self.style.WARNING(f"? {note}"))
        for problem in plan.problems:
            self.stdout.write(self.style.ERROR(f"! {problem}"))
        counts = {s: sum(o.status == s for o in outcomes) for s in MARKS}
        summary = ", ".join(f"{n} {s}" for s, n in counts.items() if n)
        prefix = "Dry run, nothing written: " if dry_run else ""
        self.stdout.write(f"{prefix}{len(outcomes)} file(s): {summary or 'none'}")
