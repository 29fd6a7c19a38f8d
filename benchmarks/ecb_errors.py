"""List the ECB+ dev entity errors (selected sentences, or all) by type, with their sentences.

Usage:
    python benchmarks/ecb_errors.py ../shared/eval/story-events [--cache /tmp/ecb.docbin] [--fn] [--type ORG] [--all]

A false positive is a named prediction that the per-type overlap matching of
``ecb_entities.score`` leaves unmatched (marked "mistyped" when the type-blind matching
pairs it with a gold mention of another type); it is printed with the gold mentions its span
overlaps (any type, named or not), which shows how gold spans that text. A false negative
(``--fn``) is a gold named mention left unmatched. ``--cache`` keeps the parsed Docs in a
DocBin so that a second run only re-runs extraction (delete it after changing the
pipeline's rules or reference tables).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from spacy.tokens import DocBin

import ecb_entities as ecb
from newsgraph.annotate.nlp import load_pipeline
from newsgraph.extract.entities import find_entities
from newsgraph.reference.keys import entity_id


def parsed(nlp, texts: list[str], cache: Path | None):
    if cache and cache.exists():
        return list(DocBin().from_bytes(cache.read_bytes()).get_docs(nlp.vocab))
    docs = list(nlp.pipe(texts))
    if cache:
        cache.write_bytes(DocBin(docs=docs, store_user_data=True).to_bytes())
    return docs


def sentence(text: str, start: int, end: int) -> str:
    left = max(text.rfind("\n", 0, start), text.rfind(". ", 0, start) + 1)
    right = min(i for i in (text.find("\n", end), text.find(". ", end), len(text)) if i >= 0)
    return (text[left:start] + "[[" + text[start:end] + "]]" + text[end:right]).strip()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--cache", type=Path)
    parser.add_argument("--fn", action="store_true", help="list false negatives instead")
    parser.add_argument("--type", choices=["PER", "ORG", "LOC"])
    parser.add_argument("--all", action="store_true", help="all sentences, not only the selected ones")
    args = parser.parse_args()

    nlp = load_pipeline()
    docs = ecb.load(args.folder / "ecbplus-dev.jsonl", args.folder / "ecbplus-entities-dev.jsonl")
    articles = [ecb.to_article(d) for d in docs]
    results = {d.doc: find_entities(a, doc) for d, a, doc in zip(docs, articles, parsed(nlp, [a.text for a in articles], args.cache))}
    links = ecb.resolve_across(docs, results)

    def cluster_of(doc: str, m) -> str:
        local = entity_id(m.entity or m.text, m.type)
        return links.get((doc, local), local)

    counts = Counter()
    for d in docs:
        keep = (lambda s: True) if args.all else (lambda s: ecb.inside(s, d.selected))  # noqa: E731
        gold = [g for g in d.gold if g["named"] and keep((g["start"], g["end"]))]
        every_gold = [g for g in d.gold if keep((g["start"], g["end"]))]
        every_pred = [p for p in ecb.predictions(d, results[d.doc][0], cluster_of) if keep((p.start, p.end))]
        preds = [p for p in every_pred if p.named]
        blind = ecb.match(gold, preds)
        found_gold = {(gold[gi]["start"], gold[gi]["end"]) for gi in blind}
        found_pred = {(preds[pi].start, preds[pi].end) for pi in blind.values()}
        for t in ("PER", "ORG", "LOC"):
            if args.type and t != args.type:
                continue
            gt = [g for g in gold if g["type"] == t]
            pt = [p for p in preds if p.type == t]
            matched = ecb.match(gt, pt)
            if args.fn:
                for gi, g in enumerate(gt):
                    if gi in matched:
                        continue
                    mistyped = (g["start"], g["end"]) in found_gold
                    counts[t, "mistyped" if mistyped else "missed"] += 1
                    near = [f"{p.type or p.entity.split(':')[0]}{'' if p.named else '(left out)'}:{p.text!r}" for p in every_pred
                            if p.start < g["end"] and g["start"] < p.end]
                    print(f"FN {t}{' (mistyped)' if mistyped else ''} {g['text']!r} {d.doc} predicted={near}\n    {sentence(d.text, g['start'], g['end'])}")
                continue
            used = set(matched.values())
            for pi, p in enumerate(pt):
                if pi in used:
                    continue
                mistyped = (p.start, p.end) in found_pred
                counts[t, "mistyped" if mistyped else "unmatched"] += 1
                near = [f"{g['type']}{'' if g['named'] else '(nominal)'}:{g['text']!r}" for g in every_gold
                        if g["start"] < p.end and p.start < g["end"]]
                print(f"FP {t}{' (mistyped)' if mistyped else ''} {p.text!r} {d.doc} entity={p.entity} gold={near}\n    {sentence(d.text, p.start, p.end)}")
    print(("FN " if args.fn else "FP ") + " ".join(f"{t} {k} {n}" for (t, k), n in sorted(counts.items())), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
