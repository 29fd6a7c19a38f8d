"""Throughput and memory of the whole ingest job beside bare spaCy, in the same run.

    nice -n 10 python benchmarks/bench_ingest.py ../shared/eval/article-extraction/text --workers 2 --repeat 3

Three sides, each a whole fresh process (interpreter start to exit, model loads included),
run one after another, ``--repeat`` times in turn; the median run of each side is reported:

- newsgraph: the real job (read, structure, parse, extract, embed, store in SQLite, stories,
  entity resolution, story checks) with ``--workers`` worker processes;
- spaCy, same clean texts (the fair peer): ``nlp.pipe(texts, n_process=workers)`` with the
  model's full stock pipeline plus newsgraph's entity rules, on exactly the article texts
  newsgraph parsed (read back from its store: title, lead and body, boilerplate removed,
  English only);
- spaCy, raw pages (the old measure): the same on the raw input texts, boilerplate and all;
  it flatters newsgraph, which drops the boilerplate before parsing.

Throughput ratio = spaCy's seconds / newsgraph's seconds on the same articles (above 1:
newsgraph is faster). Peak RSS is polled every 50 ms for every process of each side (the
main process and each worker; needs psutil: ``pip install psutil==7.2.2``), and the exact
``ru_maxrss`` of the main process and of its largest child is printed beside it. The
per-stage breakdown is newsgraph's own always-on timing record (``newsgraph.timing``),
from the median run. The machine may be shared: the load average is printed; compare
ratios from one run, not seconds across runs.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

SIDES = ("newsgraph", "spacy-clean", "spacy-raw")
LABELS = {
    "newsgraph": "newsgraph ingest (read → stories)",
    "spacy-clean": "spaCy full pipeline, same clean texts",
    "spacy-raw": "spaCy full pipeline, raw pages",
}


def synthesize_jsonl(folder: Path, count: int, out: Path, seed: int = 13) -> Path:
    """A JSON Lines corpus of ``count`` articles recombined from the folder's paragraphs.

    Each synthetic article takes 12 random paragraphs of the real pages, so every one is
    new content (a new hash) with real-language statistics; used to show memory stays flat.
    """
    import random

    rng = random.Random(seed)
    paragraphs = [line for f in sorted(folder.glob("*.txt"))
                  for line in f.read_text(encoding="utf-8").splitlines() if len(line.split()) > 8]
    with open(out, "w", encoding="utf-8") as handle:
        for n in range(count):
            body = "\n\n".join(rng.sample(paragraphs, 12))
            handle.write(json.dumps({"title": f"Synthetic article {n}", "text": body,
                                     "url": f"https://synthetic.example/{n}"}) + "\n")
    return out


def input_files(folder: Path, limit: int | None) -> list[Path]:
    files = sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix in {".txt", ".html", ".gz", ".jsonl"})
    return files[:limit] if limit else files


# -- the child processes: one side each --------------------------------------------------


def run_newsgraph(files: list[Path], workers: int, db: Path) -> dict:
    from newsgraph.job import ingest_paths
    from newsgraph.store import Store

    store = Store(db)
    started = time.perf_counter()
    summary = ingest_paths([str(f) for f in files], store, workers=workers)
    seconds = time.perf_counter() - started
    store.close()
    times = getattr(summary, "times", None)  # absent in code older than the timing record
    return {"articles": summary.new, "failed": summary.failed, "seconds": seconds,
            "times": times.as_dict() if times is not None else None}


def bare_spacy():  # noqa: ANN201 - a spaCy Language
    """The model's full stock pipeline with newsgraph's rules, as spaCy ships its components."""
    import spacy

    from newsgraph.annotate.nlp import MODEL_NAME
    from newsgraph.annotate.patterns import add_entity_rules

    nlp = spacy.load(MODEL_NAME)
    nlp.max_length = 2_000_000
    nlp.add_pipe("newsgraph_paragraph_starts", before="parser")
    add_entity_rules(nlp)
    return nlp


def run_spacy(texts: list[str], workers: int) -> dict:
    nlp = bare_spacy()
    started = time.perf_counter()
    for _ in nlp.pipe(texts, n_process=workers, batch_size=16):
        pass
    return {"articles": len(texts), "failed": 0, "seconds": time.perf_counter() - started,
            "pipeline": nlp.pipe_names}


def raw_texts(files: list[Path]) -> list[str]:
    from newsgraph.ingest import iter_documents

    return [d.text for d in iter_documents([str(f) for f in files]) if getattr(d, "text", None)]


def child(args: argparse.Namespace) -> None:
    files = input_files(args.folder, args.limit)
    if args.child == "newsgraph":
        result = run_newsgraph(files, args.workers, args.db)
    elif args.child == "spacy-clean":
        result = run_spacy(json.loads(args.texts.read_text(encoding="utf-8")), args.workers)
    else:
        result = run_spacy(raw_texts(files), args.workers)
    result.update(ru_maxrss_main_mib=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  ru_maxrss_largest_child_mib=resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)
    print(json.dumps(result))


# -- the parent: runs the sides, polls memory, prints -----------------------------------


class RssPoller:
    """Peak RSS of a process and each of its descendants, polled from outside (psutil)."""

    def __init__(self, pid: int, every: float = 0.05):
        self.pid, self.every = pid, every
        self.peaks: dict[int, float] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._poll, daemon=True)

    def __enter__(self) -> "RssPoller":
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _poll(self) -> None:
        try:
            import psutil
        except ImportError:
            return
        try:
            root = psutil.Process(self.pid)
        except psutil.Error:
            return
        while not self._stop.is_set():
            try:
                procs = [root, *root.children(recursive=True)]
            except psutil.Error:
                return
            for proc in procs:
                try:
                    rss = proc.memory_info().rss / 2**20
                except psutil.Error:
                    continue
                self.peaks[proc.pid] = max(self.peaks.get(proc.pid, 0.0), rss)
            self._stop.wait(self.every)

    def report(self) -> dict:
        main = self.peaks.get(self.pid, 0.0)
        workers = sorted((v for pid, v in self.peaks.items() if pid != self.pid), reverse=True)
        return {"polled_main_mib": main, "polled_workers_mib": workers}


def measure(side: str, args: argparse.Namespace, db: Path, texts: Path) -> dict:
    command = [sys.executable, __file__, str(args.folder), "--workers", str(args.workers), "--child", side,
               "--db", str(db), "--texts", str(texts)] + (["--limit", str(args.limit)] if args.limit else [])
    started = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    with RssPoller(proc.pid) as poller:
        out, err = proc.communicate()
    wall = time.perf_counter() - started
    if proc.returncode != 0:
        raise SystemExit(f"{side} failed (exit {proc.returncode}):\n{err[-3000:]}")
    result = json.loads(out.strip().splitlines()[-1])
    result.update(poller.report(), side=side, process_seconds=wall)
    return result


def dump_clean_texts(db: Path, out: Path) -> int:
    """The texts newsgraph parsed (English or unknown language), in input order, as JSON."""
    conn = sqlite3.connect(db)
    rows = conn.execute("SELECT text FROM articles WHERE language IS NULL OR language = 'en' ORDER BY origin").fetchall()
    conn.close()
    out.write_text(json.dumps([r[0] for r in rows]), encoding="utf-8")
    return len(rows)


def load() -> str:
    return " ".join(f"{x:.1f}" for x in os.getloadavg())


def median_run(runs: list[dict]) -> dict:
    return sorted(runs, key=lambda r: r["process_seconds"])[len(runs) // 2]


def print_report(args: argparse.Namespace, runs: dict[str, list[dict]], parsed: int, loads: list[str]) -> None:
    ours = median_run(runs["newsgraph"])
    print(f"corpus: {args.folder}: newsgraph stored {ours['articles']} articles ({ours['failed']} failed), "
          f"parsed {parsed} (English); {args.workers} worker processes; {args.repeat} runs of each side, "
          f"median shown; load average (1, 5, 15 min) {' → '.join(loads)}")
    print("\nwhole process, start to exit (model loads included); inner = the timed work alone")
    for side in SIDES:
        if side not in runs:
            continue
        med = median_run(runs[side])
        all_runs = " ".join(f"{r['process_seconds']:.1f}" for r in runs[side])
        inner = statistics.median(r["seconds"] for r in runs[side])
        print(f"  {LABELS[side]:<40} {med['process_seconds']:7.2f} s  (runs: {all_runs})  inner {inner:6.2f} s  "
              f"{med['articles'] / med['process_seconds']:5.2f} articles/s")
    ng = median_run(runs["newsgraph"])["process_seconds"]
    clean = median_run(runs["spacy-clean"])["process_seconds"]
    per_run = " ".join(f"{c['process_seconds'] / n['process_seconds']:.2f}"
                       for n, c in zip(runs["newsgraph"], runs["spacy-clean"]))
    print(f"\nthroughput ratio, same clean texts (spaCy s / newsgraph s; target ≥ 1.0): {clean / ng:.2f}×"
          f"   (run by run: {per_run})")
    if "spacy-raw" in runs:
        raw = median_run(runs["spacy-raw"])["process_seconds"]
        print(f"throughput ratio, raw pages (the old measure, flatters newsgraph): {raw / ng:.2f}×")
    print("\npeak RSS per process, MiB (largest over the runs; polled every 50 ms, exact ru_maxrss in brackets)")
    for side in SIDES:
        if side not in runs:
            continue
        main = max(r["polled_main_mib"] for r in runs[side])
        exact_main = max(r["ru_maxrss_main_mib"] for r in runs[side])
        exact_child = max(r["ru_maxrss_largest_child_mib"] for r in runs[side])
        width = max(len(r["polled_workers_mib"]) for r in runs[side])
        workers = [max((r["polled_workers_mib"][i] for r in runs[side] if i < len(r["polled_workers_mib"])),
                       default=0.0) for i in range(width)]
        listed = ", ".join(f"{w:.0f}" for w in workers) or "none"
        print(f"  {LABELS[side]:<40} main {main:5.0f} [{exact_main:.0f}]  workers {listed} "
              f"[largest {exact_child:.0f}]")
    times = ours.get("times")
    if not times:
        print("\n(no per-stage times: this newsgraph has no timing record)")
        return
    print_stages(times, ours["seconds"], ours["process_seconds"], args.workers)


def print_stages(times: dict, job_seconds: float, process_seconds: float, workers: int) -> None:
    worker = [("structure", "structure (boilerplate, metadata, language)"), ("parse", "parse (spaCy nlp.pipe)"),
              ("entities", "extract: entities"), ("quotes", "extract: quotes"), ("citations", "extract: citations"),
              ("events", "extract: events"), ("checks", "extract: checks"), ("sign", "MinHash signature")]
    main = [("read", "read (discover, decode, hash, boilerplate pass)"),
            ("embed", "story embedding (MiniLM, one call a batch)"), ("store", "store (SQLite, a batch a transaction)"),
            ("stories", "corpus: stories"), ("resolve", "corpus: resolve entities"),
            ("story_checks", "corpus: checks across a story")]
    total_worker = sum(times.get(k, 0.0) for k, _ in worker)
    print(f"\nwhere newsgraph's time goes (median run; worker stages are seconds summed over {workers} workers, "
          f"{total_worker:.1f} s in all = {total_worker / max(workers, 1):.1f} s of wall per worker)")
    for key, label in worker:
        value = times.get(key, 0.0)
        print(f"  {label:<48} {value:7.2f} s  {100 * value / max(total_worker, 1e-9):5.1f}%")
    print("in the main process (wall)")
    busy = 0.0
    for key, label in main:
        value = times.get(key, 0.0)
        busy += value
        print(f"  {label:<48} {value:7.2f} s")
    print(f"  {'waiting for workers (start-up, model loads, work)':<48} {job_seconds - busy:7.2f} s")
    print(f"  {'process start and imports (outside the job)':<48} {process_seconds - job_seconds:7.2f} s")
    print("  (outlet comparison is not part of ingest: it runs per request)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", type=Path, help="a folder of articles, e.g. ../shared/eval/article-extraction/text")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=3, help="runs of each side; the median is reported")
    parser.add_argument("--limit", type=int, default=None, help="only the first N files")
    parser.add_argument("--no-raw", action="store_true", help="skip the raw-page side (the old measure)")
    parser.add_argument("--keep-db", type=Path, default=None, help="keep newsgraph's store of the last run here")
    parser.add_argument("--synthesize", type=int, default=None, metavar="N",
                        help="ingest N articles recombined from the folder's paragraphs (one JSON Lines file)")
    parser.add_argument("--child", choices=SIDES, help=argparse.SUPPRESS)
    parser.add_argument("--db", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--texts", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args)
        return
    tmp = Path(tempfile.mkdtemp(prefix="bench_ingest_"))
    if args.synthesize:
        synthesize_jsonl(args.folder, args.synthesize, tmp / "synthetic.jsonl")
        args.folder = tmp
    sides = [s for s in SIDES if not (s == "spacy-raw" and args.no_raw)]
    runs: dict[str, list[dict]] = {s: [] for s in sides}
    texts = tmp / "clean_texts.json"
    loads = [load()]
    parsed = 0
    for n in range(args.repeat):
        db = tmp / f"newsgraph-{n}.db"
        for side in sides:
            runs[side].append(measure(side, args, db, texts))
            if side == "newsgraph" and not texts.exists():
                parsed = dump_clean_texts(db, texts)
        print(f"run {n + 1}/{args.repeat}: " + ", ".join(f"{s} {runs[s][-1]['process_seconds']:.1f} s" for s in sides)
              + f"  (load {load()})", file=sys.stderr)
        if args.keep_db and n == args.repeat - 1:
            db.replace(args.keep_db)
        else:
            for leftover in tmp.glob(db.name + "*"):
                leftover.unlink()
    loads.append(load())
    print_report(args, runs, parsed, loads)


if __name__ == "__main__":
    main()
