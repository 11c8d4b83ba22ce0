"""Which files an import reads, and the metadata a manifest gives them.

A folder may hold `manifest.csv` beside its articles, with a header row and one
row per file:

    file,published,outlet,url
    000_92ee229aff965d8c.txt,2025-07-15,The Japan Times,https://...

`published` is YYYY-MM-DD; every column but `file` may be left empty.
"""

import csv
import datetime
from pathlib import Path

from .extraction.reading import SUFFIXES
from .importing import ArticleMeta

MANIFEST = "manifest.csv"


class BadManifest(Exception):
    pass


def parse_date(value: str, where: str) -> datetime.date | None:
    value = (value or "").strip()
    if not value:
        return None
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise BadManifest(f"{where}: published date {value!r} is not YYYY-MM-DD") from None


def read_manifest(folder: Path) -> dict[str, ArticleMeta]:
    path = folder / MANIFEST
    if not path.is_file():
        return {}
    try:
        rows = list(csv.DictReader(path.read_text(encoding="utf-8-sig").splitlines()))
    except (UnicodeDecodeError, csv.Error) as exc:
        raise BadManifest(f"{path}: not a readable CSV file ({exc})") from None
    if rows and "file" not in rows[0]:
        raise BadManifest(f"{path}: the header must name a 'file' column (file,published,outlet,url)")
    return {
        row["file"].strip(): ArticleMeta(
            published=parse_date(row.get("published", ""), f"{path} line {n}"),
            outlet=(row.get("outlet") or "").strip(),
            url=(row.get("url") or "").strip(),
        )
        for n, row in enumerate(rows, start=2)
        if (row.get("file") or "").strip()
    }


def find_article_files(paths: list[str]) -> tuple[list[Path], list[str]]:
    """The article files under `paths` (files or folders), and one line per path that gave none."""
    files, problems = [], []
    for raw in paths:
        path = Path(raw)
        if path.is_file():
            files.append(path)
        elif path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
            if not found:
                problems.append(f"{path}: no article files ({', '.join(SUFFIXES)}) in this folder")
            files += found
        else:
            problems.append(f"{path}: no such file or folder")
    return files, problems


def metadata_for(path: Path, manifests: dict[Path, dict[str, ArticleMeta]], override: ArticleMeta) -> ArticleMeta:
    """Command-line values win over the manifest beside the file."""
    folder = path.parent
    if folder not in manifests:
        manifests[folder] = read_manifest(folder)
    listed = manifests[folder].get(path.name, ArticleMeta())
    return ArticleMeta(
        published=override.published or listed.published,
        outlet=override.outlet or listed.outlet,
        url=override.url or listed.url,
    )
