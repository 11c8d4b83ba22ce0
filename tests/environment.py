"""Loaded by pytest before Django (see `-p` in pyproject.toml): tests run with the
production settings, DEBUG off, and need only a secret key of their own."""

import os

os.environ.setdefault("SECRET_KEY", "tests-only-secret-key")
