"""Score story clustering on the headline evaluation set (B-cubed P/R/F1, ARI, #stories).

The headlines go through the real ingest path (``newsgraph.job.ingest_paths``: JSON
Lines reader, structure, spaCy, extraction, store, then the corpus step that clusters
them). Then, to measure how much the result depends on arrival order, the same stored
articles are clustered again from an empty story index three times, shuffled and fed to
``update_stories`` in batches as a daily feed would bring them.

Nothing here is tuned on this file: the thresholds come from
``benchmarks/calibrate_stories.py`` (synthetic stories built from other text).

    .venv/bin/python benchmarks/score_stories.py [--db /tmp/headlines.db] [--batch 200]
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sqlite3
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from statistics import mean
from typing import Sequence

from sklearn.metrics import adjusted_rand_score

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from newsgraph.corpus.stories import update_stories  # noqa: E402
from newsgraph.store.sqlite import connect  # noqa: E402

EVAL = ROOT.parent / "shared" / "eval" / "story-clustering" / "headlines.jsonl"
STORY_TABLES = ("stories", "story_terms", "story_centroids", "story_postings", "article_minhash", "minhash_bands")


def bcubed(gold: Sequence[str], pred: Sequence[str]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 (Bagga and Baldwin, 1998)."""
    gold_size, pred_size, both = Counter(gold), Counter(pred), Counter(zip(gold, pred))
    n = len(gold)
    precision = sum(c * c / pred_size[p] for (g, p), c in both.items()) / n
    recall = sum(c * c / gold_size[g] for (g, p), c in both.items()) / n
    return precision, recall, 2 * precision * recall / (precision + recall)


def scores(gold: Sequence[str], pred: Sequence[str]) -> dict[str, float]:
    p, r, f = bcubed(gold, pred)
    return {"P": p, "R": r, "F1": f, "ARI": adjusted_rand_score(gold, pred), "stories": len(set(pred))}


def ingest(eval_file: Path, db: Path, workers: int) -> float:
    """Ingest the headlines through the real pipeline (which also clusters them)."""
    from newsgraph.job import ingest_paths
    from newsgraph.store import Store

    started = time.perf_counter()
    with Store(db) as store:
        summary = ingest_paths([eval_file], store, workers=workers)
    print(f"ingested {summary.new} headlines ({summary.failed} failed) in {time.perf_counter() - started:.1f}s")
    return time.perf_counter() - started


def gold_and_pred(conn: sqlite3.Connection) -> tuple[list[str], list[str]]:
    gold, pred = [], []
    for row in conn.execute("SELECT id, story, metadata FROM articles ORDER BY id"):
        gold.append(json.loads(row["metadata"])["extra"]["story"])
        pred.append(row["story"] or f"none:{row['id']}")
    return gold, pred


def reset(conn: sqlite3.Connection) -> None:
    """Forget every story, as if the articles had just been stored."""
    for table in STORY_TABLES:
        conn.execute(f"DELETE FROM {table}")
    conn.execute("DELETE FROM corpus_state WHERE name LIKE 'stories.%'")
    conn.execute("UPDATE articles SET story = NULL, duplicate_of = NULL")
    conn.commit()


def incremental(db: Path, seed: int, batch: int, embeddings: bool | None) -> dict[str, float]:
    """Cluster the stored headlines from scratch, in shuffled batches."""
    conn = connect(db)
    reset(conn)
    ids = [r[0] for r in conn.execute("SELECT id FROM articles ORDER BY id")]
    random.Random(seed).shuffle(ids)
    started = time.perf_counter()
    for i in range(0, len(ids), batch):
        conn.execute("BEGIN")
        update_stories(conn, ids[i : i + batch], embeddings=embeddings)
        conn.execute("COMMIT")
    elapsed = time.perf_counter() - started
    result = scores(*gold_and_pred(conn)) | {"seconds": elapsed}
    conn.close()
    return result


def show(name: str, s: dict[str, float]) -> None:
    extra = f"  {s['seconds']:.1f}s" if "seconds" in s else ""
    print(f"{name:<34} P={s['P']:.3f} R={s['R']:.3f} F1={s['F1']:.3f} ARI={s['ARI']:.3f} "
          f"stories={s['stories']}{extra}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval", type=Path, default=EVAL)
    parser.add_argument("--db", type=Path, default=None, help="reuse this ingested database (created if missing)")
    parser.add_argument("--batch", type=int, default=200, help="articles per update_stories call when shuffled")
    parser.add_argument("--shuffles", type=int, default=3)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--no-embeddings", action="store_true", help="words and names only")
    args = parser.parse_args()
    embeddings = False if args.no_embeddings else None

    workdir = Path(tempfile.mkdtemp(prefix="score-stories-"))
    db = args.db or workdir / "headlines.db"
    if not db.exists():
        ingest(args.eval, db, args.workers)
        if embeddings is None:  # the pipeline clustered them already, with the default settings
            conn = connect(db)
            show("pipeline (one batch, ingest order)", scores(*gold_and_pred(conn)))
            conn.close()
    copy = workdir / "shuffled.db"
    results = []
    for seed in range(args.shuffles):
        shutil.copyfile(db, copy)
        result = incremental(copy, seed, args.batch, embeddings)
        show(f"shuffle {seed}, batches of {args.batch}", result)
        results.append(result)
    f1 = [r["F1"] for r in results]
    print(f"mean F1 {mean(f1):.3f}, spread (max - min) {max(f1) - min(f1):.3f}, "
          f"mean ARI {mean(r['ARI'] for r in results):.3f}, "
          f"stories {min(r['stories'] for r in results)}-{max(r['stories'] for r in results)}")
    if args.db is None:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
