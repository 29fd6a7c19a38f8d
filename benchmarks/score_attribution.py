"""Attribution relations on PolNeAR: newsgraph beside textacy and a quotation-mark baseline.

    nice -n 10 python benchmarks/score_attribution.py ../shared/eval/attribution --split dev

Each article goes through newsgraph's real path (plain-text structure → annotate →
extract); its quote spans are mapped back from ``Article.text`` to the PolNeAR text block by
block (a block structure dropped, such as a credit line, predicts nothing). The baselines
read the PolNeAR text itself, parsed by the same spaCy pipeline:

- marks: every stretch between quotation marks (“…”, "…", ''…''), speaker the nearest PERSON;
- textacy: ``textacy.extract.triples.direct_quotations`` (textacy 0.13). It is not a
  newsgraph dependency; install it into the benchmark's environment with
  ``pip install textacy==0.13.0`` (checked: it leaves spaCy 3.8 and numpy as they are).
  Without it the row says so.

The metric is the one in SOURCE.txt (see ``polnear.py``). "direct" scores gold contents
that carry a quotation mark against the predictions that carry one (newsgraph's direct and
mixed quotes, every baseline prediction). ``--misses N`` prints N missed, false and wrong-speaker items; ``--errors N`` the wrong-speaker
items alone, each with its context (gold Source, how a pronoun Source is read, predicted
surface, entity, kind, cue).
"""

from __future__ import annotations

import argparse
import random
from collections import Counter
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from polnear import Article, Prediction, Score, is_pronoun, load_split, score_article  # noqa: E402

from newsgraph.annotate.nlp import load_pipeline  # noqa: E402
from newsgraph.extract import extract  # noqa: E402
from newsgraph.ingest.readers import make_document  # noqa: E402
from newsgraph.structure import structure_article  # noqa: E402

MARKED = re.compile(r"“[^”\n]+”|\"[^\"\n]+\"|''[^\n]+?''")


def newsgraph_predictions(article: Article, nlp) -> list[Prediction]:
    structured = structure_article(make_document(article.text, article.name, "text/plain"))
    where = block_offsets(structured.blocks, article.text)
    analysis = extract(structured, nlp(structured.text))
    out = []
    for q in analysis.quotes:
        start, end = where(q.start), where(q.end - 1)
        if start is None or end is None:
            continue
        out.append(Prediction(start, end + 1, q.speaker, q.speaker_entity,
                              q.kind in {"direct", "mixed"}, {"kind": q.kind, "cue": q.cue,
                                                               "confidence": q.confidence,
                                                               "speaker_kind": q.speaker_kind}))
    return out


def block_offsets(blocks: list[str], original: str):
    """offset in Article.text → offset in the PolNeAR text (None where structure dropped or
    rewrote the block). Structure tidies white space (runs of spaces, no-break spaces), so each
    block is matched with any white space run standing for a space."""
    table: dict[int, int] = {}
    pos, cursor = 0, 0
    for block in blocks:
        pattern = re.compile(r"\s+".join(re.escape(w) for w in block.split()))
        m = pattern.search(original, cursor) or pattern.search(original)
        if m is not None:
            i, j = 0, m.start()
            while i < len(block) and j < m.end():
                if block[i].isspace():
                    while j < m.end() and original[j].isspace():
                        table[pos + i] = j
                        j += 1
                    i += 1
                    continue
                table[pos + i] = j
                i += 1
                j += 1
            cursor = m.end()
        pos += len(block) + 2
    return table.get


def marks_predictions(article: Article, doc) -> list[Prediction]:
    people = [e for e in doc.ents if e.label_ == "PERSON"]
    out = []
    for m in MARKED.finditer(article.text):
        near = min(people, key=lambda e: min(abs(e.start_char - m.end()), abs(e.end_char - m.start())), default=None)
        name = near.text if near is not None else None
        out.append(Prediction(m.start(), m.end(), name, None, True))
    return out


def textacy_predictions(article: Article, doc, direct_quotations) -> list[Prediction]:
    out = []
    try:
        triples = list(direct_quotations(doc))
    except Exception:  # textacy raises on some odd parses; the article then has no predictions
        return out
    for t in triples:
        speaker = " ".join(tok.text for tok in t.speaker) or None
        out.append(Prediction(t.content.start_char, t.content.end_char, speaker, None, True))
    return out


def row(name: str, all_: Score, direct: Score, seconds: float) -> str:
    def f(s: Score, exact: bool) -> str:
        p, r, f1 = s.prf(exact)
        return f"{p:.3f} {r:.3f} {f1:.3f}"
    return (f"{name:<10} {f(all_, False)} | {f(all_, True)} | {f(direct, False)} | {f(direct, True)} | "
            f"{all_.speaker_accuracy:.3f} {all_.end_to_end:.3f} | {direct.speaker_accuracy:.3f} | {seconds:6.1f}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("root", type=Path, help="the attribution eval folder (holds polnear/)")
    ap.add_argument("--split", default="dev", choices=["dev", "train"])
    ap.add_argument("--limit", type=int, default=None, help="first N articles only")
    ap.add_argument("--stride", type=int, default=1, help="every Nth article only (a sample across outlets)")
    ap.add_argument("--systems", default="newsgraph,marks,textacy")
    ap.add_argument("--misses", type=int, default=0, help="print this many missed / wrong items for newsgraph")
    ap.add_argument("--errors", type=int, default=0,
                    help="print this many wrong-speaker items for newsgraph, each with its context")
    ap.add_argument("--seed", type=int, default=13)
    args = ap.parse_args()
    articles = load_split(args.root, args.split)[::args.stride][:args.limit]
    if not articles:
        print(f"no articles under {args.root} for split {args.split}", file=sys.stderr)
        return 1
    systems = args.systems.split(",")
    direct_quotations = None
    textacy_note = ""
    if "textacy" in systems:
        try:
            from textacy.extract.triples import direct_quotations
        except ImportError:
            textacy_note = "textacy not installed (pip install textacy==0.13.0 in this environment): row skipped"
            systems.remove("textacy")
    nlp = load_pipeline()
    totals = {s: (Score(), Score()) for s in systems}
    seconds = {s: 0.0 for s in systems}
    misses: list = []
    wrong: list = []
    for article in articles:
        doc = nlp(article.text) if set(systems) - {"newsgraph"} else None
        for system in systems:
            t0 = time.perf_counter()
            if system == "newsgraph":
                preds = newsgraph_predictions(article, nlp)
            elif system == "marks":
                preds = marks_predictions(article, doc)
            else:
                preds = textacy_predictions(article, doc, direct_quotations)
            seconds[system] += time.perf_counter() - t0
            keep = system == "newsgraph" and (args.misses or args.errors)
            totals[system][0].add(score_article(article, preds, False, misses if keep else None,
                                                wrong if keep else None))
            totals[system][1].add(score_article(article, preds, True))
    gold = totals[systems[0]][0]
    direct_gold = totals[systems[0]][1]
    print(f"PolNeAR {args.split}: {len(articles)} articles, {gold.gold} gold relations ({direct_gold.gold} direct), "
          f"{gold.with_source} with a Source")
    print(f"{'system':<10} all P R F1 (overlap) | all exact P R F1 | direct P R F1 | direct exact | "
          f"speaker acc, end-to-end | direct speaker acc | seconds")
    for system in systems:
        print(row(system, *totals[system], seconds[system]))
    if textacy_note:
        print(textacy_note)
    if args.misses:
        _show(misses, wrong, args.misses, args.seed)
    elif args.errors:
        _errors(wrong, args.errors, args.seed)
    return 0


def _errors(wrong: list, n: int, seed: int) -> None:
    """Wrong speakers with what is needed to sort them by cause: the gold Source in its
    sentence, the name a pronoun Source is read as, and what newsgraph said (surface, entity,
    kind, cue). Pronoun Sources are counted apart: the scorer's reading of them is itself a guess."""
    pronoun = sum(1 for _, rel, _ in wrong if is_pronoun(rel.source_text))
    print(f"\n== wrong speaker: {len(wrong)} ({pronoun} with a pronoun gold Source)")
    for article, rel, p in random.Random(seed).sample(wrong, min(n, len(wrong))):
        a = min(rel.source[0][0], rel.content[0][0])
        b = max(rel.source[-1][1], rel.content[0][0] + 120)
        lo = max(article.text.rfind("\n", 0, a) + 1, a - 200)
        hi = min(b + 60, len(article.text))
        nl = article.text.find("\n", b)
        if nl != -1:
            hi = min(hi, nl)
        cue = " ".join(article.text[x:y] for x, y in rel.cue)
        print(f"- [{article.name[:34]}] {'D' if rel.direct else 'I'} gold={rel.source_text!r}"
              + (f" (read as {rel.expected_speaker!r})" if is_pronoun(rel.source_text) else "")
              + f" cue={cue!r} | pred={p.speaker!r} -> {p.speaker_entity!r} "
                f"[{p.extra.get('kind')}/{p.extra.get('speaker_kind')} cue={p.extra.get('cue')!r}]")
        print(f"    {article.text[lo:hi]!r}")


def _show(misses: list, wrong: list, n: int, seed: int) -> None:
    rng = random.Random(seed)
    missed = [m for m in misses if m[1] is not None]
    false = [m for m in misses if m[1] is None]
    cues = Counter(" ".join(article.text[a:b] for a, b in rel.cue).lower().strip() for article, rel, _ in missed)
    print("\n== missed gold by cue: " + ", ".join(f"{c} {n}" for c, n in cues.most_common(40)))
    for title, items in (("missed gold", missed), ("predictions matching no found gold", false)):
        print(f"\n== {title}: {len(items)}")
        for article, rel, preds in rng.sample(items, min(n, len(items))):
            if rel is not None:
                cue = " ".join(article.text[a:b] for a, b in rel.cue)
                print(f"- [{article.name[:30]}] {'D' if rel.direct else 'I'} cue={cue!r} src={rel.source_text!r} "
                      f"content={rel.content_text[:160]!r}")
                ctx = article.text[max(0, rel.content[0][0] - 80):rel.content[-1][1] + 60].replace("\n", " ")
                print(f"    ctx: {ctx[:300]!r}")
            for p in preds:
                print(f"    pred: {article.text[p.start:p.end][:120]!r} speaker={p.speaker!r} {p.extra}")
    _errors(wrong, n, seed)

if __name__ == "__main__":
    raise SystemExit(main())
