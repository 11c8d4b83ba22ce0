"""Loaded by pytest before Django (see `-p` in pyproject.toml): tests run with the
production settings, DEBUG off, and need only a secret key of their own. The test client
and the browser's live server speak plain HTTP on localhost, so HTTPS is off here; what
HTTPS switches on is tested in a process of its own (tests/test_security.py)."""

import os

os.environ.setdefault("SECRET_KEY", "tests-only-secret-key")
os.environ.setdefault("HTTPS", "false")
