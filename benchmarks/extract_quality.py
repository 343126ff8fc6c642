"""Score `calfeed extract` on every gold set with the shared scorer and print one line each.

    .venv/bin/python benchmarks/extract_quality.py [--shared ../shared]

Sets: the sample page (../shared/eval/gold), the project's own documents (tests/data/gold), and
the held-out sets under benchmarks/heldout*/ (written by other hands than the rules; a set is
held out only until it has been used to improve the rules — the README says which were).
"""
from __future__ import annotations

import argparse
import glob
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).parents[1]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"), help="the shared folder (with eval/)")
    args = ap.parse_args()
    scorer = Path(args.shared) / "eval" / "score_events.py"
    if not scorer.exists():
        print(f"no scorer at {scorer}", file=sys.stderr)
        return 2
    sets = [("sample page", sorted(glob.glob(str(Path(args.shared) / "eval" / "gold" / "*.yaml"))), None),
            ("tests/data", sorted(glob.glob(str(ROOT / "tests/data/gold/*.yaml"))), ROOT / "tests/data/docs")]
    for folder in sorted(ROOT.glob("benchmarks/heldout*/"), key=lambda f: int(f.name[len("heldout"):] or 1)):
        sets.append((folder.name, sorted(glob.glob(str(folder / "gold/*.yaml"))), folder / "docs"))
    env = dict(os.environ, PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}")
    for name, golds, docs in sets:
        cmd = [sys.executable, str(scorer), *golds] + (["--docs", str(docs)] if docs else [])
        out = subprocess.run(cmd, capture_output=True, text=True, env=env).stdout.strip().splitlines()
        print(f"{name:<14} {len(golds):>3} docs  {out[-1] if out else 'no output'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
