"""Count, on PolNeAR train/, how often each verb lemma is an attribution cue: the counts the
cue lexicon (``reference/data/reporting_verbs.tsv``) was grown from.

    nice -n 10 python benchmarks/count_cues.py ../shared/eval/attribution --out cue_counts.tsv

For every verb token of the train texts (parsed by newsgraph's pipeline) it counts how often
the token lies inside a gold Cue span, and for those, which dependent of the verb holds the
gold content (ccomp, dobj, xcomp, prep, ...). Only counts are written (lemma, uses as a verb,
uses as a cue, the content's dependency labels); no text of the corpus. Train only: dev is
for checking.

    python benchmarks/count_cues.py --lexicon cue_counts.tsv src/newsgraph/reference/data/reporting_verbs.tsv

then rewrites the lexicon from those counts (``lexicon_rows``): a lemma used as a cue at least
``MIN_CUES`` times and in at least ``MIN_PRECISION`` of its verb uses is a cue, with that share
as its weight (hand-written rows keep their class and weight), and the dependents that held
its content in at least ``MIN_SHARE`` of its cue uses as its ``contents``.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from polnear import load_split  # noqa: E402

from newsgraph.annotate.nlp import load_pipeline  # noqa: E402


MIN_CUES = 5
MIN_PRECISION = 0.3
MIN_SHARE = 0.15
CONTENT_DEPS = {"ccomp", "dobj", "xcomp", "oprd"}  # and prep/<word>
NOT_CUES = {"be", "have", "do", "accord"}  # "according to" is read on its own


def lexicon_rows(counts: Path, lexicon: Path) -> list[str]:
    """The lexicon's rows: hand-written ones first (contents added from the counts), then the
    lemmas the train counts add."""
    header, rows = [], {}
    for line in lexicon.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            header.append(line)
            continue
        cells = line.split("\t")
        if cells[0] == "lemma":
            continue
        rows[cells[0]] = cells[:4]  # a row's own contents column is kept
    learned = {}
    for line in counts.read_text(encoding="utf-8").splitlines()[1:]:
        lemma, verb_uses, cue_uses, deps = line.split("\t")
        uses, cues = int(verb_uses), int(cue_uses)
        shares = {}
        for part in deps.split(","):
            dep, _, n = part.rpartition(":")
            if dep in CONTENT_DEPS or dep.startswith("prep/"):
                if int(n) >= MIN_SHARE * cues:
                    shares[dep.replace("/", ":")] = int(n)
        contents = ",".join(sorted(shares, key=lambda d: -shares[d]))
        if lemma in rows:
            if len(rows[lemma]) == 3:
                rows[lemma].append(contents or "ccomp")
        elif cues >= MIN_CUES and cues >= MIN_PRECISION * uses and lemma.isalpha() and lemma not in NOT_CUES \
                and contents:
            learned[lemma] = [lemma, "speech", f"{min(0.95, cues / uses):.2f}", contents]
    out = [*header, "lemma\tclass\tweight\tcontents"]
    for cells in rows.values():
        default = "ccomp,dobj" if cells[1] == "emphasis" else "ccomp"
        out.append("\t".join(cells + ([default] if len(cells) == 3 else [])))
    out.extend("\t".join(cells) for cells in learned.values())
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("root", type=Path, nargs="?")
    ap.add_argument("--out", type=Path)
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--lexicon", nargs=2, type=Path, metavar=("COUNTS", "TSV"),
                    help="rewrite the lexicon TSV from a counts file instead of counting")
    args = ap.parse_args()
    if args.lexicon:
        counts, tsv = args.lexicon
        rows = lexicon_rows(counts, tsv)
        tsv.write_text("\n".join(rows) + "\n", encoding="utf-8")
        print(f"{len(rows)} lines -> {tsv}")
        return 0
    if args.root is None or args.out is None:
        ap.error("give the eval folder and --out, or --lexicon")
    articles = load_split(args.root, "train", args.limit)
    nlp = load_pipeline()
    uses: Counter[str] = Counter()
    cues: Counter[str] = Counter()
    deps: dict[str, Counter[str]] = defaultdict(Counter)
    texts = [a.text for a in articles]
    with nlp.select_pipes(disable=[p for p in nlp.pipe_names if "ner" in p or "entity" in p]):
        for article, doc in zip(articles, nlp.pipe(texts, batch_size=16)):
            cue_of: dict[int, list] = {}
            for rel in article.relations:
                for a, b in rel.cue:
                    cue_of.setdefault(a, []).append((b, rel))
            for tok in doc:
                if not (tok.pos_ == "VERB" or tok.tag_.startswith("VB")):
                    continue
                lemma = tok.lemma_.lower()
                uses[lemma] += 1
                rel = _relation_at(tok, cue_of)
                if rel is None:
                    continue
                cues[lemma] += 1
                deps[lemma][_content_dep(tok, rel)] += 1
    with open(args.out, "w", encoding="utf-8") as out:
        out.write("lemma\tverb_uses\tcue_uses\tcontent_deps\n")
        for lemma, n in sorted(cues.items(), key=lambda kv: -kv[1]):
            top = ",".join(f"{d}:{c}" for d, c in deps[lemma].most_common(4))
            out.write(f"{lemma}\t{uses[lemma]}\t{n}\t{top}\n")
    print(f"{len(articles)} articles, {len(cues)} cue lemmas -> {args.out}")
    return 0


def _relation_at(tok, cue_of: dict[int, list]):
    for start, items in cue_of.items():
        for end, rel in items:
            if start <= tok.idx < end:
                return rel
    return None


def _content_dep(verb, rel) -> str:
    """The dependency label of the verb's child whose subtree covers most of the gold content."""
    best, most = "none", 0
    for child in verb.children:
        lo, hi = child.left_edge.idx, child.right_edge.idx + len(child.right_edge.text)
        overlap = sum(max(0, min(hi, b) - max(lo, a)) for a, b in rel.content)
        if overlap > most:
            best, most = child.dep_ + (f"/{child.lower_}" if child.dep_ in {"prep", "agent"} else ""), overlap
    return best


if __name__ == "__main__":
    raise SystemExit(main())
