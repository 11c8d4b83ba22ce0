#!/usr/bin/env python3
"""The importer's yardsticks, as CI runs them: the shared scorer on the seed articles, on the shared
development corpus and on our own scored test articles, each held to a floor.

The floors live in .ci/yardstick-floor.json: the figures last reached. A figure that falls below its
floor fails the run (a ratchet); when the importer improves, raise the floor in the same commit
(`--raise` writes the figures reached now). Noise (out-of-scope or furniture records) may never rise.

    python .ci/yardstick.py [--raise]
"""

import argparse
import json
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCORER = ROOT.parent / "shared" / "tools" / "score_extraction.py"
FLOORS = ROOT / ".ci" / "yardstick-floor.json"
COMMAND = ".venv/bin/python manage.py import_articles --dry-run --format json --published {published} {file}"
YARDSTICKS = {
    "seeds": [],
    "corpus": ["--keys", "../shared/corpus/expected", "--articles", "../shared/corpus/articles"],
    "ours": ["--keys", "tests/articles_scored/expected", "--articles", "tests/articles_scored/articles"],
}


def figures(args: list[str]) -> dict[str, float]:
    run = subprocess.run(
        [sys.executable, str(SCORER), *args, "--cmd", COMMAND], cwd=ROOT, capture_output=True, text=True, timeout=900
    )
    last = (run.stdout.strip().splitlines() or [""])[-1]
    if not last.startswith("extraction:"):
        raise SystemExit(f"the scorer gave no figures:\n{run.stdout[-3000:]}\n{run.stderr[-3000:]}")
    return {name: float(value) for name, value in re.findall(r"([\w.]+)=([\d.]+)", last)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--raise", dest="raise_floor", action="store_true", help="write the figures reached as floors")
    args = parser.parse_args()
    floors = json.loads(FLOORS.read_text()) if FLOORS.exists() else {}
    reached, failed = {}, []
    for name, scorer_args in YARDSTICKS.items():
        got = reached[name] = figures(scorer_args)
        print(f"{name}: " + ", ".join(f"{k}={v:.2f}" for k, v in sorted(got.items())))
        for key, floor in floors.get(name, {}).items():
            value = got.get(key)
            worse = value is None or (value > floor if key == "noise" else value < floor - 1e-9)
            if worse:
                failed.append(f"{name} {key}: {value} (floor {floor})")
    if args.raise_floor:
        FLOORS.write_text(json.dumps(reached, indent=2, sort_keys=True) + "\n")
        print(f"floors written to {FLOORS.relative_to(ROOT)}")
        return 0
    for line in failed:
        print(f"BELOW THE FLOOR: {line}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
