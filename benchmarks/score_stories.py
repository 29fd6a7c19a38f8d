"""Score story clustering against gold stories, beside a tuned TF-IDF + average-link peer.

Two evaluation sets, each passed through the real ingest path (``newsgraph.job.ingest_paths``:
reader, structure, spaCy, extraction, store, then the corpus step that clusters them):

- ``headlines``: 2,413 headlines in 40 stories (``../shared/eval/story-clustering``), titles only.
- ``events``: ECB+ odd topics, 496 documents (``../shared/eval/story-events``): each topic holds
  two similar real events (two stories). Scored against the story and against the topic:
  F1 against topic far above F1 against story means the two events of a topic were merged.

Then, to measure how much the result depends on arrival order, the same stored articles
are clustered again from an empty story index, shuffled and fed to ``update_stories`` in
batches as a daily feed would bring them; the spread over orders is printed.

The peer (``story_baseline``) is tuned on other data than it is scored on: its threshold
for one set is the best one on the other set ("tuned on the other corpus"). On ECB+ it is
also tuned across topics: the topics are split in two folds, each fold is clustered and
scored with the threshold best on the other fold, and the two held-out figures are pooled.
newsgraph is scored the same way on the same folds: its thresholds calibrated on ECB+
(between articles with a body, and how alike their names must be: ``calibrate_stories.py
--events``) are chosen on the other fold. Its similarity thresholds come from ``benchmarks/calibrate_stories.py``
(synthetic stories from other text), never from either set scored here. The peer's
threshold best on the scored set itself is printed too, as the ceiling it could reach.

    .venv/bin/pip install scikit-learn==1.9.1   # the peer and ARI; not a dependency of the package
    .venv/bin/python benchmarks/score_stories.py [--sets headlines,events] [--db-dir /tmp/stories]
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
from dataclasses import replace
from pathlib import Path
from statistics import mean
from typing import Sequence

from sklearn.metrics import adjusted_rand_score

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from story_baseline import AverageLink, bcubed, tune  # noqa: E402

from newsgraph.corpus.stories import update_stories  # noqa: E402
from newsgraph.corpus.stories.index import THRESHOLDS  # noqa: E402
from newsgraph.store.sqlite import connect  # noqa: E402

# ../shared/eval beside the repository (or beside the folder of worktrees it is checked out in)
EVAL = next((p / "shared" / "eval" for p in (ROOT.parent, ROOT.parent.parent) if (p / "shared" / "eval").is_dir()),
            ROOT.parent / "shared" / "eval")
SETS = {"headlines": EVAL / "story-clustering" / "headlines.jsonl",
        "events": EVAL / "story-events" / "ecbplus-dev.jsonl"}
STORY_TABLES = ("stories", "story_terms", "story_centroids", "story_postings", "article_minhash", "minhash_bands")


def scores(gold: Sequence[str], pred: Sequence[str]) -> dict[str, float]:
    p, r, f = bcubed(gold, pred)
    return {"P": p, "R": r, "F1": f, "ARI": adjusted_rand_score(gold, pred), "stories": len(set(pred))}


def ingest(name: str, db: Path, workers: int) -> None:
    """Ingest one evaluation set through the real pipeline (which also clusters it)."""
    from newsgraph.job import ingest_paths
    from newsgraph.store import Store

    source = SETS[name]
    if name == "events":  # ECB+ as a user's JSON Lines export would give it: id, text, url, and the gold
        source = db.with_suffix(".jsonl")
        with source.open("w", encoding="utf-8") as out:
            for line in SETS["events"].read_text(encoding="utf-8").splitlines():
                row = json.loads(line)
                out.write(json.dumps({"id": row["doc"], "text": row["text"], "url": row["url"],
                                      "story": row["story"], "topic": str(row["topic"])}) + "\n")
    started = time.perf_counter()
    with Store(db) as store:
        summary = ingest_paths([source], store, workers=workers)
    print(f"{name}: ingested {summary.new} ({summary.failed} failed) in {time.perf_counter() - started:.1f}s")


def gold_and_pred(conn: sqlite3.Connection, key: str = "story", ids: set[str] | None = None
                  ) -> tuple[list[str], list[str]]:
    gold, pred = [], []
    for row in conn.execute("SELECT id, story, metadata FROM articles ORDER BY id"):
        if ids is None or row["id"] in ids:
            gold.append(str(json.loads(row["metadata"])["extra"][key]))
            pred.append(row["story"] or f"none:{row['id']}")
    return gold, pred


def documents(conn: sqlite3.Connection) -> list[tuple[str, str, dict]]:
    """(id, text, gold labels) of every stored article, by id."""
    return [(r["id"], r["text"], json.loads(r["metadata"])["extra"])
            for r in conn.execute("SELECT id, text, metadata FROM articles ORDER BY id")]


def reset(conn: sqlite3.Connection) -> None:
    """Forget every story, as if the articles had just been stored."""
    conn.execute("UPDATE articles SET story = NULL, duplicate_of = NULL")  # first: they point at stories
    for table in STORY_TABLES:
        conn.execute(f"DELETE FROM {table}")
    conn.execute("DELETE FROM corpus_state WHERE name LIKE 'stories.%'")
    conn.commit()


def recluster(db: Path, ids: list[str], batch: int, embeddings: bool | None, **kwargs) -> float:  # noqa: ANN003
    """Cluster these stored articles from an empty index, in this order and these batches; seconds taken."""
    conn = connect(db)
    reset(conn)
    started = time.perf_counter()
    for i in range(0, len(ids), batch):
        conn.execute("BEGIN")
        update_stories(conn, ids[i : i + batch], embeddings=embeddings, **kwargs)
        conn.execute("COMMIT")
    elapsed = time.perf_counter() - started
    conn.close()
    return elapsed


def shuffled(db: Path, work: Path, seed: int, batch: int, embeddings: bool | None, keys: Sequence[str]
             ) -> dict[str, dict[str, float]]:
    """Scores against each gold key after clustering the stored articles in a shuffled order."""
    copy = work / "shuffled.db"
    shutil.copyfile(db, copy)
    conn = connect(copy)
    ids = [r[0] for r in conn.execute("SELECT id FROM articles ORDER BY id")]
    conn.close()
    random.Random(seed).shuffle(ids)
    seconds = recluster(copy, ids, batch, embeddings)
    conn = connect(copy)
    out = {key: scores(*gold_and_pred(conn, key)) | {"seconds": seconds} for key in keys}
    conn.close()
    return out


def show(name: str, s: dict[str, float]) -> None:
    extra = f"  {s['seconds']:.1f}s" if "seconds" in s else ""
    print(f"  {name:<44} P={s['P']:.3f} R={s['R']:.3f} F1={s['F1']:.3f} ARI={s['ARI']:.3f} "
          f"stories={s['stories']}{extra}", flush=True)


def topic_folds(docs: list[tuple[str, str, dict]]) -> list[set[str]]:
    """Two folds of whole topics (alternate topics in sorted order), as sets of article ids."""
    topics = sorted({int(extra["topic"]) for _, _, extra in docs})
    fold_of = {t: i % 2 for i, t in enumerate(topics)}
    return [{aid for aid, _, extra in docs if fold_of[int(extra["topic"])] == f} for f in (0, 1)]


def cluster_fold(db: Path, work: Path, fold: set[str], embeddings: bool | None, chosen: dict[str, float]
                 ) -> tuple[list[str], list[str]]:
    """Gold and newsgraph's stories for one fold of topics clustered alone, with these thresholds."""
    copy = work / "fold.db"
    shutil.copyfile(db, copy)
    recluster(copy, sorted(fold), len(fold), embeddings, thresholds=replace(THRESHOLDS, **chosen))
    conn = connect(copy)
    gold, ours = gold_and_pred(conn, "story", fold)
    conn.close()
    return gold, ours


def held_out(db: Path, work: Path, docs: list[tuple[str, str, dict]], embeddings: bool | None) -> None:
    """ECB+ across topics: each fold scored with thresholds (peer's and newsgraph's) tuned on the other fold."""
    from calibrate_stories import calibrate_events

    folds = topic_folds(docs)
    by_id = {aid: (text, extra) for aid, text, extra in docs}
    pooled: dict[str, list[str]] = {"gold": [], "base": [], "ours": [], "topic": []}
    for f, fold in enumerate(folds):
        other = folds[1 - f]
        threshold, tuned_f1 = tune([by_id[a][0] for a in sorted(other)], [by_id[a][1]["story"] for a in sorted(other)])
        chosen = calibrate_events(db, other, embeddings is not False, work, verbose=False)
        ids = sorted(fold)
        base = AverageLink([by_id[a][0] for a in ids]).clusters(threshold)
        gold, ours = cluster_fold(db, work, fold, embeddings, chosen)
        print(f"  fold {f}: {len(ids)} docs; calibrated on the other fold: peer threshold {threshold:.2f} "
              f"(F1 {tuned_f1:.3f} there), newsgraph {', '.join(f'{k} {v:.2f}' for k, v in chosen.items())}")
        show(f"fold {f} newsgraph", scores(gold, ours))
        show(f"fold {f} TF-IDF + average-link", scores(gold, [f"{f}:{c}" for c in base]))
        pooled["gold"] += gold
        pooled["ours"] += [f"{f}:{c}" for c in ours]
        pooled["base"] += [f"{f}:{c}" for c in base]
        pooled["topic"] += [str(by_id[a][1]["topic"]) for a in ids]
    show("held-out folds pooled, newsgraph", scores(pooled["gold"], pooled["ours"]))
    show("held-out folds pooled, TF-IDF + average-link", scores(pooled["gold"], pooled["base"]))
    show("  same, newsgraph against topic", scores(pooled["topic"], pooled["ours"]))
    show("  same, TF-IDF + average-link against topic", scores(pooled["topic"], pooled["base"]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", default="headlines,events")
    parser.add_argument("--db-dir", type=Path, default=None, help="keep ingested databases here and reuse them")
    parser.add_argument("--batch", type=int, default=200, help="articles per update_stories call when shuffled")
    parser.add_argument("--shuffles", type=int, default=3)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--no-embeddings", action="store_true", help="words and names only")
    args = parser.parse_args()
    embeddings = False if args.no_embeddings else None
    names = [n.strip() for n in args.sets.split(",") if n.strip()]

    work = Path(tempfile.mkdtemp(prefix="score-stories-"))
    db_dir = args.db_dir or work
    db_dir.mkdir(parents=True, exist_ok=True)
    dbs = {name: db_dir / f"{name}.db" for name in SETS}
    for name in SETS:  # the peer is tuned on the other set, so both are ingested
        if not dbs[name].exists():
            ingest(name, dbs[name], args.workers)
    corpora = {}
    for name in SETS:
        conn = connect(dbs[name])
        corpora[name] = documents(conn)
        conn.close()

    for name in names:
        keys = ("story", "topic") if name == "events" else ("story",)
        docs = corpora[name]
        other = corpora["events" if name == "headlines" else "headlines"]
        print(f"\n{name}: {len(docs)} articles, {len({d[2]['story'] for d in docs})} gold stories", flush=True)
        ids = [aid for aid, _, _ in docs]
        copy = work / "ordered.db"
        shutil.copyfile(dbs[name], copy)
        recluster(copy, ids, len(ids), embeddings)  # the defaults, one batch: as one ingest of the folder
        conn = connect(copy)
        for key in keys:
            show(f"newsgraph, one batch, against {key}", scores(*gold_and_pred(conn, key)))
        conn.close()
        threshold, other_f1 = tune([t for _, t, _ in other], [e["story"] for _, _, e in other])
        peer = AverageLink([t for _, t, _ in docs])
        for key in keys:
            show(f"TF-IDF + avg-link @{threshold:.2f} (other set), {key}",
                 scores([str(e[key]) for _, _, e in docs], peer.clusters(threshold)))
        best, _ = tune([t for _, t, _ in docs], [e["story"] for _, _, e in docs])
        show(f"TF-IDF + avg-link @{best:.2f} (best on this set: oracle)",
             scores([e["story"] for _, _, e in docs], peer.clusters(best)))
        results = []
        for seed in range(args.shuffles):
            result = shuffled(dbs[name], work, seed, args.batch, embeddings, keys)
            for key in keys:
                show(f"shuffle {seed}, batches of {args.batch}, {key}", result[key])
            results.append(result["story"])
        if results:
            f1 = [r["F1"] for r in results]
            print(f"  shuffled: mean F1 {mean(f1):.3f}, spread (max - min) {max(f1) - min(f1):.3f}, "
                  f"mean ARI {mean(r['ARI'] for r in results):.3f}, "
                  f"stories {min(r['stories'] for r in results)}-{max(r['stories'] for r in results)}")
        if name == "events":
            held_out(dbs[name], work, docs, embeddings)
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
