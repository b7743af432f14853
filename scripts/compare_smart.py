"""A digest of every SMART verdict, reason and fix over a fixed corpus, to prove a refactor changes none.

    python scripts/compare_smart.py                      # prints the digest and the row count
    python scripts/compare_smart.py --dump before.jsonl  # also one JSON line per result, to diff
    python scripts/compare_smart.py --expect DIGEST      # exit 1 when the digest differs

The corpus, in both languages:
- every row of ../shared/data/smart/indicators-dev.csv, judged against its 2016-2020 plan;
- every recommendation of Rwanda's session 10 review in the UPR Info export, crossed with every
  implementation-plan fill we have: the demo's (addin.demo.DEMO_FILLS), the tests' example rows
  (tests/example_rows.py) and the dev rows' own columns, judged against the 2012-2016 plan.

Nothing is copied from ../shared/data; without it the script stops.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))  # the working tree is what is compared, and tests/ holds the example rows

SHARED = REPO.parent / "shared" / "data"
DEV_CSV = SHARED / "smart" / "indicators-dev.csv"
EXPORT = SHARED / "upr-info" / "upr-info-export-sessions01-15.csv"


def _fills(dev_rows: list[dict]) -> list[dict]:
    from addin.demo import DEMO_FILLS
    from addin.smart import ROW_KEYS
    from tests import example_rows

    fills = [values for fills in DEMO_FILLS.values() for kind, _, values in fills if kind == "implementation_plan"]
    fills += [value for name, value in sorted(vars(example_rows).items())
              if name.isupper() and isinstance(value, dict) and "indicator" in value]
    fills += [{key: row[key] for key in ROW_KEYS if key != "recommendation"} for row in dev_rows]
    return fills


def corpus() -> list[tuple[dict, tuple[int, int], str]]:
    """(row, plan years, language) for every judgement in the comparison, in a fixed order."""
    from addin.smart import ROW_KEYS

    for path in (DEV_CSV, EXPORT):
        if not path.exists():
            raise SystemExit(f"{path} is missing: the comparison needs ../shared/data beside the checkout")
    with DEV_CSV.open(encoding="utf-8", newline="") as handle:
        dev_rows = list(csv.DictReader(handle))
    with EXPORT.open(encoding="utf-8", newline="") as handle:
        rwanda = [row["Text"] for row in csv.DictReader(handle)
                  if row["To"] == "Rwanda" and row["Session"].strip() == "10"]
    fills = _fills(dev_rows)
    cases = []
    for lang in ("en", "fr"):
        cases += [({key: row[key] for key in ROW_KEYS}, (2016, 2020), lang) for row in dev_rows]
        cases += [({**fill, "recommendation": text}, (2012, 2016), lang)
                  for text in rwanda for fill in fills]
    return cases


def result_record(result) -> dict:
    from addin.smart import CRITERIA

    return {"verdicts": {c: [result.verdicts[c].passed, result.verdicts[c].reason, result.verdicts[c].fix]
                         for c in CRITERIA},
            "type": [result.indicator_type, result.indicator_type_reason]}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dump", type=Path, help="also write one JSON line per result to this file")
    parser.add_argument("--expect", help="the digest the current code must give")
    args = parser.parse_args(argv)

    from addin.smart import PlanWindow, assess

    cases = corpus()
    digest = hashlib.sha256()
    dump = args.dump.open("w", encoding="utf-8") if args.dump else None
    began = time.perf_counter()
    for number, (row, years, lang) in enumerate(cases):
        line = json.dumps({"n": number, **result_record(assess(row, PlanWindow.from_years(*years), lang))},
                          ensure_ascii=False, sort_keys=True)
        digest.update(line.encode("utf-8") + b"\n")
        if dump:
            dump.write(line + "\n")
    seconds = time.perf_counter() - began
    if dump:
        dump.close()
    print(f"{digest.hexdigest()}  {len(cases)} results in {seconds:.1f} s ({len(cases) / seconds:,.0f} rows/s)")
    if args.expect and args.expect != digest.hexdigest():
        print(f"DIFFERENT: expected {args.expect}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
