"""Throughput of the whole ingest job beside bare spaCy on the same texts.

    python benchmarks/bench_ingest.py ../shared/eval/article-extraction/text --workers 2

Each side runs in a fresh subprocess so that its peak RSS is its own. newsgraph's side
is the real job (read, structure, parse, extract, store in SQLite, stories); the spaCy
side is ``nlp.pipe(texts, n_process=N)`` with the same pipeline on the raw file texts.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def peak_rss_mib() -> tuple[float, float]:
    """Peak RSS of this process and of its largest child, in MiB (Linux reports KiB)."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return own, child


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


def run_newsgraph(files: list[Path], workers: int) -> dict:
    from newsgraph.job import ingest_paths
    from newsgraph.store import Store

    words = input_words(files)
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "bench.db")
        started = time.perf_counter()
        summary = ingest_paths([str(f) for f in files], store, workers=workers)
        seconds = time.perf_counter() - started
        store.close()
    return {"articles": summary.new, "failed": summary.failed, "words": words, "seconds": seconds}


def run_spacy(files: list[Path], workers: int) -> dict:
    from newsgraph.annotate.nlp import load_pipeline
    from newsgraph.ingest import iter_documents

    texts = [d.text for d in iter_documents([str(f) for f in files]) if hasattr(d, "text")]
    nlp = load_pipeline()
    started = time.perf_counter()
    for _ in nlp.pipe(texts, n_process=workers, batch_size=16):
        pass
    seconds = time.perf_counter() - started
    return {"articles": len(texts), "failed": 0, "words": input_words(files), "seconds": seconds}


def input_words(files: list[Path]) -> int:
    """Words of input text (white-space separated), the same measure for both sides."""
    from newsgraph.ingest import iter_documents

    return sum(len(d.text.split()) for d in iter_documents([str(f) for f in files]) if hasattr(d, "text"))


def child(mode: str, folder: Path, workers: int, limit: int | None) -> None:
    files = input_files(folder, limit)
    result = run_newsgraph(files, workers) if mode == "newsgraph" else run_spacy(files, workers)
    own, largest_child = peak_rss_mib()
    result.update(mode=mode, workers=workers, peak_rss_main_mib=round(own, 1),
                  peak_rss_largest_worker_mib=round(largest_child, 1))
    print(json.dumps(result))


def measure(mode: str, folder: Path, workers: int, limit: int | None) -> dict:
    out = subprocess.run([sys.executable, __file__, str(folder), "--workers", str(workers), "--child", mode]
                         + (["--limit", str(limit)] if limit else []),
                         check=True, capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", type=Path, help="a folder of articles, e.g. ../shared/eval/article-extraction/text")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--limit", type=int, default=None, help="only the first N files")
    parser.add_argument("--synthesize", type=int, default=None, metavar="N",
                        help="ingest N articles recombined from the folder's paragraphs (one JSON Lines file)")
    parser.add_argument("--child", choices=["newsgraph", "spacy"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.folder, args.workers, args.limit)
        return
    if args.synthesize:
        tmp = Path(tempfile.mkdtemp())
        synthesize_jsonl(args.folder, args.synthesize, tmp / "synthetic.jsonl")
        args.folder = tmp
    ours = measure("newsgraph", args.folder, args.workers, args.limit)
    bare = measure("spacy", args.folder, args.workers, args.limit)
    print(f"corpus: {args.folder} ({ours['articles']} articles stored, {ours['failed']} failed), "
          f"{args.workers} worker processes")
    for r in (ours, bare):
        print(f"{r['mode']:>10}: {r['seconds']:7.2f} s  {r['articles'] / r['seconds']:7.1f} articles/s  "
              f"{r['words'] / r['seconds']:9.0f} words/s  peak RSS main {r['peak_rss_main_mib']:.0f} MiB, "
              f"largest worker {r['peak_rss_largest_worker_mib']:.0f} MiB")
    print(f"newsgraph time / bare spaCy nlp.pipe time: {ours['seconds'] / bare['seconds']:.2f}")


if __name__ == "__main__":
    main()
