"""Uploaded files kept on the server between the admin's import preview and its confirmation.

The browser is handed only a random token, which the editor's session keeps too: the
confirmation imports exactly the bytes, names and metadata that were previewed, and a token
from another session, a used one or a forged one finds nothing. Uploads staged more than a
day ago are removed whenever new ones are staged.
"""

import datetime
import json
import secrets
import shutil
import time
from pathlib import Path

from django.conf import settings

from .importing import ArticleMeta

SESSION_KEY = "dialogues_import_staged"
MAX_AGE = 24 * 3600


def _root() -> Path:
    return Path(settings.IMPORT_STAGING_DIR)


def _forget_old(root: Path):
    for folder in root.iterdir():
        if folder.stat().st_mtime < time.time() - MAX_AGE:
            shutil.rmtree(folder, ignore_errors=True)


def stage(session, files: list[tuple[str, bytes]], meta: ArticleMeta) -> str:
    """Keep `files` and `meta` for this session's confirmation; the token to hand the browser."""
    root = _root()
    root.mkdir(mode=0o700, parents=True, exist_ok=True)
    _forget_old(root)
    token = secrets.token_urlsafe(24)
    folder = root / token
    folder.mkdir(mode=0o700)
    for n, (_, data) in enumerate(files):
        (folder / str(n)).write_bytes(data)
    index = {
        "names": [name for name, _ in files],
        "published": meta.published.isoformat() if meta.published else None,
        "outlet": meta.outlet,
        "url": meta.url,
    }
    (folder / "index.json").write_text(json.dumps(index))
    session[SESSION_KEY] = token
    return token


def take(session, token: str) -> tuple[list[tuple[str, bytes]], ArticleMeta] | None:
    """The files and metadata staged under `token` by this session (once); None if there are none."""
    if not token or session.get(SESSION_KEY) != token:
        return None
    del session[SESSION_KEY]
    folder = _root() / token
    try:
        index = json.loads((folder / "index.json").read_text())
        files = [(name, (folder / str(n)).read_bytes()) for n, name in enumerate(index["names"])]
    except (OSError, ValueError, KeyError):
        return None
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    published = datetime.date.fromisoformat(index["published"]) if index["published"] else None
    return files, ArticleMeta(published, index["outlet"], index["url"])
