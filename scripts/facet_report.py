"""Print how trustworthy an index's entity facets are (see :mod:`indexer.facet_quality`).

    .venv/bin/python scripts/facet_report.py INDEX [--top 100] [--json]
"""

from __future__ import annotations

import argparse
from pathlib import Path

import orjson

from indexer.facet_quality import report


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("index", type=Path)
    ap.add_argument("--top", type=int, default=100)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    r = report(args.index, args.top)
    if args.json:
        print(orjson.dumps(r, option=orjson.OPT_INDENT_2).decode())
        return
    for f, rows in r["top"].items():
        print(f"== top {len(rows)} {f}")
        for i, (v, c) in enumerate(rows, 1):
            print(f"{i:4} {c:6,}  {v}")
    print(f"== fragments among the top {args.top} persons: {len(r['fragments'])}")
    for v, u in r["fragments"]:
        print(f"  {v}  (in {u})")
    for f, groups in r["variants"].items():
        print(f"== exact variants in {f}: {len(groups)} groups")
        for g in groups[:20]:
            print("  " + " | ".join(f"{v} ({c:,})" for v, c in g))
    print(f"== tickets among persons: {len(r['tickets'])}")
    for v, c in r["tickets"][:30]:
        print(f"  {v} ({c:,})")


if __name__ == "__main__":
    main()
