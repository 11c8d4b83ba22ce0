"""Which files an import reads, and the metadata a manifest gives them.

A folder may hold `manifest.csv` beside its articles, with a header row and one
row per file:

    file,published,outlet,url
    000_92ee229aff965d8c.txt,2025-07-15,The Japan Times,https://...

`published` is YYYY-MM-DD and `url` a web address (http or https); every column but
`file` may be left empty. A row that cannot be used stops only its own file; a row that
names no file beside the manifest is ignored, and said to be.
"""

import csv
import datetime
from dataclasses import dataclass, field
from pathlib import Path

from django.core.exceptions import ValidationError

from .extraction.reading import SUFFIXES, UnreadableFile, read_file
from .importing import ArticleMeta
from .models import Article, web_url_validator

MANIFEST = "manifest.csv"
MAX_MANIFEST_BYTES = 10 * 1024 * 1024


class BadManifest(Exception):
    pass


def parse_date(value: str, where: str) -> datetime.date | None:
    value = (value or "").strip()
    if not value:
        return None
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise BadManifest(f"{where}: published date {value[:40]!r} is not YYYY-MM-DD") from None


def parse_url(value: str, where: str) -> str:
    """A web address (http or https), or "" for none; anything else is refused."""
    value = (value or "").strip()
    if not value:
        return ""
    limit = Article._meta.get_field("url").max_length
    try:
        if len(value) > limit:
            raise ValidationError("too long")
        web_url_validator(value)
    except ValidationError:
        raise BadManifest(
            f"{where}: url {value[:60]!r} is not a web address (http:// or https://, at most {limit} characters)"
        ) from None
    return value


def parse_outlet(value: str, where: str) -> str:
    value = (value or "").strip()
    limit = Article._meta.get_field("outlet").max_length
    if len(value) > limit or any(ord(ch) < 32 for ch in value):
        raise BadManifest(f"{where}: outlet {value[:40]!r}… is not an outlet's name (at most {limit} characters)")
    return value


@dataclass
class Manifest:
    rows: dict[str, ArticleMeta] = field(default_factory=dict)
    refused: dict[str, str] = field(default_factory=dict)  # file -> why its row cannot be used
    notes: list[str] = field(default_factory=list)  # rows that name no file here, ignored


def read_manifest(folder: Path) -> Manifest:
    """The manifest beside the files in `folder` (empty when there is none). An unreadable manifest
    raises BadManifest: no file of the folder can be trusted to its dates then."""
    path = folder / MANIFEST
    manifest = Manifest()
    if not path.is_file():
        return manifest
    try:
        rows = list(csv.DictReader(read_file(path, MAX_MANIFEST_BYTES).decode("utf-8-sig").splitlines()))
    except (UnreadableFile, UnicodeDecodeError, csv.Error) as exc:
        raise BadManifest(f"{path}: not a readable CSV file ({exc})") from None
    if rows and "file" not in rows[0]:
        raise BadManifest(f"{path}: the header must name a 'file' column (file,published,outlet,url)")
    for n, row in enumerate(rows, start=2):
        name, where = (row.get("file") or "").strip(), f"{path} line {n}"
        if not name:
            continue
        if Path(name).name != name or name in (".", ".."):
            manifest.notes.append(f"{where}: {name[:80]!r} is a path, not a file beside the manifest; row ignored")
            continue
        if not (folder / name).is_file():
            manifest.notes.append(f"{where}: there is no file {name[:80]!r} in {folder}; row ignored")
            continue
        if name in manifest.rows or name in manifest.refused:
            manifest.notes.append(f"{where}: {name!r} is listed again; this later row is used")
        manifest.refused.pop(name, None)
        try:
            manifest.rows[name] = ArticleMeta(
                published=parse_date(row.get("published", ""), where),
                outlet=parse_outlet(row.get("outlet", ""), where),
                url=parse_url(row.get("url", ""), where),
            )
        except BadManifest as exc:
            manifest.rows.pop(name, None)
            manifest.refused[name] = f"{folder / name}: not imported, its manifest row is wrong ({exc})"
    return manifest


def find_article_files(paths: list[str]) -> tuple[list[Path], list[str]]:
    """The article files under `paths` (files or folders), and one line per path that gave none.
    A file found in a folder must be inside it: a link out of the folder is not followed."""
    files, problems = [], []
    for raw in paths:
        path = Path(raw)
        if path.is_file():
            files.append(path)
        elif path.is_dir():
            inside, found = path.resolve(), []
            for p in sorted(path.rglob("*")):
                if not (p.is_file() and p.suffix.lower() in SUFFIXES):
                    continue
                if p.resolve().is_relative_to(inside):
                    found.append(p)
                else:
                    problems.append(f"{p}: links outside {path}; not read")
            if not found:
                problems.append(f"{path}: no article files ({', '.join(SUFFIXES)}) in this folder")
            files += found
        else:
            problems.append(f"{path}: no such file or folder")
    return files, problems


@dataclass
class ImportPlan:
    items: list[tuple[str, Path, ArticleMeta]]  # (name shown, file, metadata), as import_files takes them
    problems: list[str]  # paths and files that will not be imported: the run fails
    notes: list[str]  # manifest rows that were ignored


def plan_import(paths: list[str], override: ArticleMeta) -> ImportPlan:
    """The files to import with their metadata; command-line values win over the manifest beside a file."""
    files, problems = find_article_files(paths)
    manifests: dict[Path, Manifest | BadManifest] = {}
    items, notes = [], []
    for path in files:
        folder = path.parent
        if folder not in manifests:
            try:
                manifests[folder] = read_manifest(folder)
                notes += manifests[folder].notes
            except BadManifest as exc:
                manifests[folder] = exc
                problems.append(str(exc))
        manifest = manifests[folder]
        if isinstance(manifest, BadManifest):
            continue
        if path.name in manifest.refused:
            problems.append(manifest.refused[path.name])
            continue
        listed = manifest.rows.get(path.name, ArticleMeta())
        meta = ArticleMeta(
            published=override.published or listed.published,
            outlet=override.outlet or listed.outlet,
            url=override.url or listed.url,
        )
        items.append((str(path), path, meta))
    return ImportPlan(items, problems, notes)
