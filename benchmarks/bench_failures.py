"""Cost of failure rows: 20,000 bad JSON Lines through the real ingest job, beside one commit per row.

    python benchmarks/bench_failures.py [--lines 20000]

Every bad line must end as a failure row naming file and line. The job writes failure rows in
batches (``newsgraph.ledger.FAILURE_BATCH`` per transaction); the baseline in the same run is
the way of earlier versions, one autocommitted INSERT per failure (each a disk sync), on the
same rows. No extra packages are needed.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

BAD_LINES = ["{broken json", json.dumps({"category": "no text at all"}), json.dumps(["not", "an", "object"]),
             "[" * 100 + "]" * 100, json.dumps({"title": 5, "text": None})]


def write_bad_feed(path: Path, lines: int) -> None:
    with open(path, "w", encoding="utf-8") as out:
        for n in range(lines):
            out.write(BAD_LINES[n % len(BAD_LINES)] + "\n")


def run_job(feed: Path, db: Path) -> tuple[float, int, int]:
    from newsgraph.job import ingest_paths
    from newsgraph.store import Store

    with Store(db) as store:
        started = time.perf_counter()
        summary = ingest_paths([str(feed)], store, workers=1)
        seconds = time.perf_counter() - started
        rows = store.conn.execute("SELECT COUNT(*) FROM failures").fetchone()[0]
    return seconds, summary.failed, rows


def run_row_by_row(feed: Path, db: Path) -> tuple[float, int]:
    """The baseline: the same failures, one autocommitted INSERT each."""
    from newsgraph.ingest import Failure, iter_documents
    from newsgraph.store import Store

    failures = [item for item in iter_documents([str(feed)]) if isinstance(item, Failure)]
    with Store(db) as store:
        insert = "INSERT OR REPLACE INTO failures (origin, reason, at) VALUES (?, ?, 'now')"
        started = time.perf_counter()
        for failure in failures:
            store.conn.execute(insert, (failure.origin, failure.reason))
        seconds = time.perf_counter() - started
        rows = store.conn.execute("SELECT COUNT(*) FROM failures").fetchone()[0]
    return seconds, rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=20_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        feed = Path(tmp) / "bad.jsonl"
        write_bad_feed(feed, args.lines)
        job_seconds, failed, job_rows = run_job(feed, Path(tmp) / "job.db")
        base_seconds, base_rows = run_row_by_row(feed, Path(tmp) / "baseline.db")
    print(f"{args.lines} bad lines")
    print(f"  {'':28} {'seconds':>8} {'ms/row':>7} {'rows':>7}")
    print(f"  {'newsgraph ingest (batched)':28} {job_seconds:8.2f} {1000 * job_seconds / args.lines:7.3f} "
          f"{job_rows:7d}   failed in summary: {failed}")
    print(f"  {'one commit per row':28} {base_seconds:8.2f} {1000 * base_seconds / args.lines:7.3f} {base_rows:7d}"
          "   (insert only, no reading)")
    return 0 if failed == job_rows == args.lines else 1


if __name__ == "__main__":
    sys.exit(main())
