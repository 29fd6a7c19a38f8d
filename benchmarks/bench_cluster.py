"""Ingest throughput on Dask workers beside the local process pool, with peak memory.

    python benchmarks/bench_cluster.py ../shared/eval/article-extraction/text
    python benchmarks/bench_cluster.py ../shared/eval/article-extraction/text --db postgresql:///bench

Each configuration runs the real job (read, structure, parse, extract, store, stories) in
a fresh subprocess on a fresh store: the local pool with 1 and 2 processes, then a Dask
LocalCluster with 1, 2 and 4 workers (``--cluster local:N``). A sampler adds up the RSS
of the process and all its descendants every 0.2 s, so the peak includes Dask's
scheduler, nannies and workers. On a 2-core machine, 4 workers show the cost of
oversubscription, not a speed-up; on a real cluster each worker has its own cores.
``--db`` writes to that PostgreSQL database instead of SQLite (emptied before each run).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

CONFIGS = [("pool", 1), ("pool", 2), ("dask", 1), ("dask", 2), ("dask", 4)]


def tree_rss_mib(pid: int) -> tuple[float, float]:
    """RSS of a process and its descendants, in MiB: (total, largest one)."""
    import psutil

    try:
        root = psutil.Process(pid)
        procs = [root, *root.children(recursive=True)]
    except psutil.NoSuchProcess:
        return 0.0, 0.0
    sizes = []
    for p in procs:
        try:
            sizes.append(p.memory_info().rss / 2**20)
        except psutil.NoSuchProcess:
            continue
    return sum(sizes), max(sizes, default=0.0)


def child(mode: str, workers: int, inputs: list[str], db: str) -> None:
    from newsgraph.job import ingest_paths
    from newsgraph.store import Store

    with Store(db) as store:
        started = time.perf_counter()
        summary = ingest_paths(inputs, store, workers=workers,
                               cluster=f"local:{workers}" if mode == "dask" else None)
        seconds = time.perf_counter() - started
    print(json.dumps({"articles": summary.new, "failed": summary.failed, "seconds": seconds,
                      "words": summary.words}))


def empty_postgres(url: str) -> None:
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("DROP SCHEMA public CASCADE")
        conn.execute("CREATE SCHEMA public")


def measure(mode: str, workers: int, inputs: list[str], db: str | None) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        target = db or str(Path(tmp) / "bench.db")
        if db:
            empty_postgres(db)
        run = subprocess.Popen([sys.executable, __file__, "--child", mode, "--workers", str(workers),
                                "--target", target, *inputs], stdout=subprocess.PIPE, text=True)
        peak_total, peak_one = 0.0, 0.0
        done = threading.Event()

        def sample() -> None:
            nonlocal peak_total, peak_one
            while not done.is_set():
                total, one = tree_rss_mib(run.pid)
                peak_total, peak_one = max(peak_total, total), max(peak_one, one)
                time.sleep(0.2)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        out, _ = run.communicate()
        done.set()
        sampler.join()
    result = json.loads(out.strip().splitlines()[-1])
    result.update(mode=mode, workers=workers, peak_total_mib=peak_total, peak_process_mib=peak_one)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("inputs", nargs="+", help="files or folders to ingest")
    parser.add_argument("--db", help="a PostgreSQL URL to write to (emptied before each run)")
    parser.add_argument("--child", choices=["pool", "dask"], help=argparse.SUPPRESS)
    parser.add_argument("--workers", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--target", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.workers, args.inputs, args.target)
        return
    print(f"inputs: {', '.join(args.inputs)}; store: {'PostgreSQL' if args.db else 'SQLite'}")
    print(f"{'runner':>8} {'workers':>7} {'articles':>8} {'seconds':>8} {'articles/s':>10} "
          f"{'peak RSS, all processes':>24} {'largest process':>16}")
    for mode, workers in CONFIGS:
        r = measure(mode, workers, args.inputs, args.db)
        print(f"{mode:>8} {workers:>7} {r['articles']:>8} {r['seconds']:>8.1f} {r['articles'] / r['seconds']:>10.2f} "
              f"{r['peak_total_mib']:>20.0f} MiB {r['peak_process_mib']:>12.0f} MiB")


if __name__ == "__main__":
    main()
