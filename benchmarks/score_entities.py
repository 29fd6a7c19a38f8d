"""Score newsgraph's entity extraction on the seed articles.

Usage:
    .venv/bin/python benchmarks/score_entities.py /work/shared/seeds /work/shared/seeds/gold.json \
        [--mentions benchmarks/data/seed_mentions.json] [--show] [--ecb ../shared/eval/story-events]

For each seed: ingest → structure → annotate → extract. Prints
- precision and recall of entity mentions (names, aliases, metonyms, demonyms) against the
  hand annotation in ``benchmarks/data/seed_mentions.json``, matched per line of content as
  (surface, canonical entity) multisets, so it does not depend on character offsets;
  lines the structure stage dropped are reported, not counted;
- pronoun resolution accuracy against the same file;
- the checklist of gold.json: every entity found with its type, aliases and roles.
Matching is lenient as gold.json asks: case, curly vs straight quotes, whitespace, possessives.

With ``--ecb DIR`` the same run also scores the ECB+ dev half (DIR/ecbplus-dev.jsonl and
DIR/ecbplus-entities-dev.jsonl) with the metric of DIR/SOURCE.txt, ENTITIES section, beside
the same-surface and same-last-token baselines (see ``ecb_entities.py``).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

from newsgraph.annotate.nlp import load_pipeline
from newsgraph.extract.entities import find_entities
from newsgraph.ingest import read_path
from newsgraph.records import Article, Entity, Mention
from newsgraph.reference.keys import entity_id

HERE = Path(__file__).resolve().parent
TYPE_EQUIVALENT = {"OUTLET": "ORG", "FAC": "LOC"}


def norm(text: str) -> str:
    """Lenient text form: straight quotes, no possessive, no leading article, lowercase, one space."""
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    text = re.sub(r"'s\b", "", text)
    text = re.sub(r"^(the|a|an)\s+", "", text.strip(), flags=re.IGNORECASE)
    return re.sub(r"[\s\-]+", " ", text.strip(" .,;:\"'")).lower()


def structure(raw) -> Article:
    """The project's structure stage; a line-per-paragraph fallback if it cannot be imported."""
    try:
        from newsgraph.structure import structure_article
    except ImportError as error:  # another engineer may be mid-change
        print(f"  (structure stage unavailable: {error}; using one paragraph per line)", file=sys.stderr)
        lines = [line.strip() for line in raw.text.splitlines() if line.strip()]
        return Article(id=raw.id, origin=raw.origin, title=lines[0] if lines else None, paragraphs=lines[1:])
    return structure_article(raw)


def lines_of(text: str) -> list[tuple[int, int]]:
    spans, at = [], 0
    for line in text.split("\n"):
        spans.append((at, at + len(line)))
        at += len(line) + 1
    return spans


def score_mentions(article: Article, mentions: list[Mention], gold_lines: list[dict], show: bool) -> dict:
    """Per-line multiset comparison of (surface, entity) pairs; pronouns scored on their own."""
    text = article.text
    counts = Counter()
    used_gold = set()
    for start, end in lines_of(text):
        line = text[start:end].strip()
        gold = next((g for g in gold_lines if norm(line).startswith(norm(g["line"]))), None)
        if gold is None:
            continue
        used_gold.add(gold["line"])
        inside = [m for m in mentions if start <= m.start and m.end <= end]
        predicted = Counter((norm(m.text), norm(m.entity or "")) for m in inside
                            if m.kind not in {"pronoun", "title"})
        expected = Counter((norm(s), norm(e)) for s, e in gold["mentions"])
        tp = sum((predicted & expected).values())
        counts["tp"] += tp
        counts["fp"] += sum(predicted.values()) - tp
        counts["fn"] += sum(expected.values()) - tp
        if show and predicted != expected:
            print(f"    line {line[:60]!r}\n      missing {dict(expected - predicted)}\n      extra   {dict(predicted - expected)}")
        pron_pred = Counter((norm(m.text), norm(m.entity or "")) for m in inside if m.kind == "pronoun")
        pron_gold = Counter((norm(s), norm(e)) for s, e in gold.get("pronouns", []))
        counts["pron_gold"] += sum(pron_gold.values())
        counts["pron_right"] += sum((pron_pred & pron_gold).values())
        counts["pron_pred"] += sum(pron_pred.values())
    counts["lines_missing"] = len([g for g in gold_lines if g["line"] not in used_gold])
    return counts


def check_entities(entities: list[Entity], gold_entities: list[dict]) -> list[str]:
    """Problems with the gold.json entity checklist; empty when every entity is found in full."""
    problems = []
    for gold in gold_entities:
        names = {norm(gold["name"]), *(norm(a) for a in gold.get("aliases", []))}
        found = [e for e in entities if norm(e.name) in names]
        if not found:
            problems.append(f"missing entity {gold['name']} ({gold['type']})")
            continue
        entity = next((e for e in found if TYPE_EQUIVALENT.get(e.type, e.type) == gold["type"]), None)
        if entity is None:
            problems.append(f"{gold['name']}: type {[e.type for e in found]} != {gold['type']}")
            continue
        known = {norm(entity.name), *(norm(a) for a in entity.aliases)}
        for alias in gold.get("aliases", []):
            if norm(alias) not in known:
                problems.append(f"{gold['name']}: alias {alias!r} not found (has {entity.aliases})")
        roles = {norm(r.role) for r in entity.roles}
        for role in gold.get("roles", []):
            if norm(role) not in roles:
                problems.append(f"{gold['name']}: role {role!r} not found (has {sorted(roles)})")
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("seeds", type=Path)
    parser.add_argument("gold", type=Path)
    parser.add_argument("--mentions", type=Path, default=HERE / "data" / "seed_mentions.json")
    parser.add_argument("--show", action="store_true", help="print per-line differences and entities")
    parser.add_argument("--ecb", type=Path, help="also score the ECB+ dev half in this folder")
    args = parser.parse_args()

    gold = json.loads(args.gold.read_text(encoding="utf-8"))["documents"]
    gold_mentions = json.loads(args.mentions.read_text(encoding="utf-8"))["documents"]
    nlp = load_pipeline()
    total = Counter()
    checklist_items = checklist_problems = 0
    parse_time = extract_time = 0.0
    for name, expected in sorted(gold.items()):
        for raw in read_path(args.seeds / name):
            article = structure(raw)
            t0 = time.perf_counter()
            doc = nlp(article.text)
            t1 = time.perf_counter()
            mentions, entities = find_entities(article, doc)
            t2 = time.perf_counter()
            parse_time += t1 - t0
            extract_time += t2 - t1
            print(f"{name}: {len(mentions)} mentions, {len(entities)} entities")
            counts = score_mentions(article, mentions, gold_mentions.get(name, []), args.show)
            total += counts
            p = counts["tp"] / max(1, counts["tp"] + counts["fp"])
            r = counts["tp"] / max(1, counts["tp"] + counts["fn"])
            print(f"  mentions P={p:.3f} R={r:.3f} (tp={counts['tp']} fp={counts['fp']} fn={counts['fn']}; "
                  f"gold lines not in text: {counts['lines_missing']})")
            print(f"  pronouns {counts['pron_right']}/{counts['pron_gold']} right ({counts['pron_pred']} resolved)")
            problems = check_entities(entities, expected.get("entities", []))
            items = sum(1 + len(e.get("aliases", [])) + len(e.get("roles", [])) for e in expected.get("entities", []))
            checklist_items += items
            checklist_problems += len(problems)
            print(f"  gold checklist: {items - len(problems)}/{items} entities+aliases+roles")
            for problem in problems:
                print(f"    - {problem}")
            if args.show:
                for e in entities:
                    print(f"    {e.type:6} {e.name!r} aliases={e.aliases} kb={e.kb_id}")
                    for role in e.roles:
                        print(f"           role {role.role!r} ({role.pattern}): {role.evidence!r}")
    p = total["tp"] / max(1, total["tp"] + total["fp"])
    r = total["tp"] / max(1, total["tp"] + total["fn"])
    f = 2 * p * r / max(1e-9, p + r)
    print(f"ALL mentions P={p:.3f} R={r:.3f} F1={f:.3f}  pronouns {total['pron_right']}/{total['pron_gold']}  "
          f"checklist {checklist_items - checklist_problems}/{checklist_items}  "
          f"time parse={parse_time:.2f}s extract={extract_time:.2f}s")
    if args.ecb:
        score_ecb(args.ecb, nlp)
    return 0 if checklist_problems == 0 else 1


def score_ecb(folder: Path, nlp) -> None:
    """The ECB+ dev half: extraction per document, resolution across them, the SOURCE.txt metric."""
    import ecb_entities as ecb

    docs = ecb.load(folder / "ecbplus-dev.jsonl", folder / "ecbplus-entities-dev.jsonl")
    articles = [ecb.to_article(d) for d in docs]
    t0 = time.perf_counter()
    results = {d.doc: find_entities(a, doc) for d, a, doc in zip(docs, articles, nlp.pipe(a.text for a in articles))}
    links = ecb.resolve_across(docs, results)
    elapsed = time.perf_counter() - t0

    def cluster_of(doc: str, m: Mention) -> str:
        local = entity_id(m.entity or m.text, m.type)
        return links.get((doc, local), local)

    preds = {d.doc: ecb.predictions(d, results[d.doc][0], cluster_of) for d in docs}
    print(f"ECB+ dev: {len(docs)} documents, parse + extract + resolve {elapsed:.1f}s")
    print(ecb.report("selected sentences (headline)", ecb.score(docs, preds, selected_only=True)))
    print(ecb.report("all sentences", ecb.score(docs, preds, selected_only=False)))


if __name__ == "__main__":
    sys.exit(main())
