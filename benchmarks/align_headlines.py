"""How well claim similarity separates the same news from different news, on real headlines.

    .venv/bin/python benchmarks/align_headlines.py [headlines.jsonl] [--sample 600]

Each headline of the story-clustering set (gold story ids, many outlets) becomes a claim
(its mentions from the real pipeline), and every pair is scored with
``corpus.align.Similarity``. For each threshold it prints the share of same-story pairs
and of different-story pairs at or above it. Same story is a weaker relation than same
fact (two headlines of one story often report different facts), so the same-story rate
is a floor for recall; the different-story rate is the rate of false alignments.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

import numpy as np

from newsgraph.annotate.nlp import load_pipeline
from newsgraph.corpus.compare.align import MATCH, STRONG, Similarity
from newsgraph.corpus.compare.claims import split_claims
from newsgraph.extract.entities import find_entities
from newsgraph.records import Article, ArticleAnalysis

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "eval" / "story-clustering" / "headlines.jsonl"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("headlines", nargs="?", default=str(DEFAULT))
    parser.add_argument("--sample", type=int, default=600, help="headlines drawn at random (seed 0)")
    args = parser.parse_args(argv)
    rows = [json.loads(line) for line in Path(args.headlines).read_text(encoding="utf-8").splitlines() if line.strip()]
    random.Random(0).shuffle(rows)
    rows = rows[:args.sample]
    units, stories = [], []
    for row, doc in zip(rows, load_pipeline().pipe([r["title"] for r in rows])):
        article = Article(id=row["id"], origin="headlines", outlet=row.get("outlet"), title=row["title"])
        mentions, entities = find_entities(article, doc)
        claims = split_claims(ArticleAnalysis(article, mentions, entities))
        if claims:
            units.append(claims[0])
            stories.append(row["story"])
    scores = Similarity(units).matrix()
    upper = np.triu_indices(len(units), k=1)
    same = np.array(stories)[upper[0]] == np.array(stories)[upper[1]]
    values = scores[upper]
    print(f"{len(units)} headlines, {int(same.sum())} same-story pairs, {int((~same).sum())} different-story pairs")
    for threshold in sorted({0.2, MATCH, 0.35, STRONG}):
        above = values >= threshold
        precision = (above & same).sum() / max(above.sum(), 1)
        print(f"  >= {threshold:.2f}: same-story pairs {above[same].mean():.3f}, different-story pairs "
              f"{above[~same].mean():.4f}, share of pairs above that are same-story {precision:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
