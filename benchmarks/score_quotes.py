"""Score quotes, citations and events on the seed articles against their gold.

    .venv/bin/python benchmarks/score_quotes.py ../shared/seeds ../shared/seeds/gold.json

Runs ingest → structure → annotate → extract per file and prints every gold item as found
or missing, then recall and precision per section. Matching is lenient as gold.json says:
case, curly vs straight quotes, white space and surrounding punctuation do not matter;
names match by canonical name or any alias gold lists. A quote matches when its speaker
(canonical or as written) and its text match; kind is reported separately, strictly and
leniently ("mixed" — reported speech carrying quoted words — accepted for either).
Gold lists are a minimum, so precision here is a lower bound: an extra finding that gold
does not list counts against it even when it is right (the extras are printed to judge).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
import traceback
from pathlib import Path

from newsgraph.annotate.nlp import load_pipeline
from newsgraph.extract import extract
from newsgraph.ingest import read_path
from newsgraph.records import Article
from newsgraph.structure import structure_article


def norm(text: str | None) -> str:
    text = (text or "").replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    text = re.sub(r"[\"'.,:;!?()\[\]…]", " ", text.casefold())
    return re.sub(r"\s+", " ", text).strip()


def contains(haystack: str | None, needle: str | None) -> bool:
    return bool(norm(needle)) and norm(needle) in norm(haystack)


def overlaps(a: str | None, b: str | None) -> bool:
    return contains(a, b) or contains(b, a)


class Names:
    """Gold's names: a name matches its canonical form or any alias gold lists for it."""

    def __init__(self, entities: list[dict]) -> None:
        self.groups = [{norm(e["name"]), *(norm(a) for a in e.get("aliases", []))} for e in entities]

    def same(self, gold: str, *found: str | None) -> bool:
        group = next((g for g in self.groups if norm(gold) in g), {norm(gold)})
        return any(f and (norm(f) in group or contains(f, gold)) for f in found)


def match_quote(g: dict, q, names: Names) -> bool:
    return names.same(g["speaker"], q.speaker_entity, q.speaker) and contains(q.text, g["text_contains"])


def match_citation(g: dict, c, names: Names) -> bool:
    return names.same(g["name"], c.cited) and overlaps(c.evidence, g["evidence"])


def match_event(g: dict, e, names: Names) -> bool:
    return (names.same(g["actor"], e.actor) and names.same(g["target"], e.target)
            and e.cameo.startswith(g["cameo_root"]) and overlaps(e.evidence, g["evidence"]))


def analyse(folder: Path, gold: dict) -> dict[str, object]:
    nlp = load_pipeline()
    results = {}
    for name in gold["documents"]:
        for raw in read_path(folder / name):
            article = structure_article(raw)
            results[name] = extract(article, nlp(article.text))
    return results


def score(results: dict, gold: dict, show_extras: bool) -> dict[str, tuple[int, int, int, int]]:
    """Per section: (gold found, gold total, extracted matching gold, extracted total)."""
    sections = {"quotes": ("quotes", "quotes", match_quote), "citations": ("cited_sources", "citations", match_citation),
                "events": ("events", "events", match_event)}
    totals = {s: [0, 0, 0, 0] for s in sections}
    kinds = [0, 0, 0]  # strict, lenient, matched
    for doc_name, expected in gold["documents"].items():
        analysis = results[doc_name]
        names = Names(expected.get("entities", []))
        print(f"\n{doc_name}")
        for section, (gold_key, attr, matcher) in sections.items():
            found_items = getattr(analysis, attr)
            for g in expected.get(gold_key, []):
                hits = [f for f in found_items if matcher(g, f, names)]
                totals[section][0] += bool(hits)
                totals[section][1] += 1
                label = g.get("text_contains") or g.get("evidence")
                who = g.get("speaker") or g.get("name") or f'{g.get("actor")} {g.get("cameo_root")} {g.get("target")}'
                extra = ""
                if section == "quotes" and hits:
                    kinds[2] += 1
                    strict = any(h.kind == g["kind"] for h in hits)
                    kinds[0] += strict
                    kinds[1] += strict or any(h.kind == "mixed" for h in hits)
                    extra = f"   kind {'/'.join(sorted({h.kind for h in hits}))} (gold {g['kind']})"
                print(f"  {'ok  ' if hits else 'MISS'} {section:<9} {who}: {label[:70]!r}{extra}")
            for f in found_items:
                ok = any(matcher(g, f, names) for g in expected.get(gold_key, []))
                totals[section][2] += ok
                totals[section][3] += 1
                if not ok and show_extras:
                    print(f"  extra {section:<9} {_describe(f)}")
    print(f"\nquote kind agreement on matched quotes: strict {kinds[0]}/{kinds[2]}, "
          f"lenient (mixed accepted) {kinds[1]}/{kinds[2]}")
    return {s: tuple(v) for s, v in totals.items()}


def _describe(item) -> str:
    if hasattr(item, "speaker"):
        return f"[{item.kind}] {item.speaker!r} -> {item.speaker_entity}: {item.text[:80]!r}"
    if hasattr(item, "cited"):
        return f"[{item.kind}/{item.relation}] {item.cited}: {item.evidence[:80]!r}"
    return f"{item.actor} {item.cameo} {item.target} [{item.modality}, {item.date}]: {item.evidence[:70]!r}"


def plain_run(folder: Path, sample: int, seed: int = 5) -> None:
    """Run extract over every *.txt in ``folder`` as a plain article (one paragraph a line):
    count crashes and findings, and print a random sample of quotes to judge by eye. There
    is no quote-attribution gold for these pages."""
    nlp = load_pipeline()
    files = sorted(folder.glob("*.txt"))
    quotes, counts, crashes, started = [], {"quotes": 0, "citations": 0, "events": 0}, [], time.perf_counter()
    tokens, extract_time = 0, 0.0
    for path in files:
        lines = [line.strip() for line in path.read_text(encoding="utf-8", errors="replace").splitlines()]
        article = Article(id=path.stem[:12], origin=str(path), paragraphs=[line for line in lines if line])
        try:
            doc = nlp(article.text)
            tokens += len(doc)
            t0 = time.perf_counter()
            analysis = extract(article, doc)
            extract_time += time.perf_counter() - t0
        except Exception:  # noqa: BLE001 - the point is to find crashes
            crashes.append((path.name, traceback.format_exc(limit=3)))
            continue
        for q in analysis.quotes:
            assert article.text[q.start:q.end] == q.text, (path.name, q)
        quotes += [(path.stem[:8], q) for q in analysis.quotes]
        for key in counts:
            counts[key] += len(getattr(analysis, key))
    elapsed = time.perf_counter() - started
    print(f"\nplain run over {len(files)} files, {tokens} tokens in {elapsed:.1f}s "
          f"(extract, all extractors: {extract_time:.1f}s): "
          f"{len(crashes)} crashes, " + ", ".join(f"{v} {k}" for k, v in counts.items()))
    for name, trace in crashes:
        print(f"  CRASH {name}\n{trace}")
    for doc_id, q in random.Random(seed).sample(quotes, min(sample, len(quotes))):
        print(f"  {doc_id} [{q.kind}/{q.cue}/{q.confidence}] {q.speaker!r} -> {q.speaker_entity}: {q.text[:110]!r}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("seeds", type=Path)
    parser.add_argument("gold", type=Path)
    parser.add_argument("--quiet", action="store_true", help="do not list extra findings")
    parser.add_argument("--plain", type=Path, help="also run over this folder's *.txt (no gold): crashes and a sample")
    parser.add_argument("--sample", type=int, default=20, help="quotes to print from the --plain run")
    args = parser.parse_args(argv)
    gold = json.loads(args.gold.read_text(encoding="utf-8"))
    started = time.perf_counter()
    results = analyse(args.seeds, gold)
    totals = score(results, gold, show_extras=not args.quiet)
    print(f"\n{'section':<10} {'recall':>14} {'precision*':>14}")
    for section, (found, total, right, extracted) in totals.items():
        recall = f"{found}/{total} ({found / total:.0%})" if total else "-"
        precision = f"{right}/{extracted} ({right / extracted:.0%})" if extracted else "-"
        print(f"{section:<10} {recall:>14} {precision:>14}")
    print("* lower bound: gold lists are a minimum, extras that gold does not list count as wrong")
    print(f"time {time.perf_counter() - started:.1f}s (including model load)")
    if args.plain:
        plain_run(args.plain, args.sample)
    return 0 if all(t[0] == t[1] for t in totals.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
