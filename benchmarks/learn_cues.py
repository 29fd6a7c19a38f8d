"""Learn, on PolNeAR train/, which cues the quote steps should read: the precision of every
(verb lemma, content dependent) and of every noun with a "that" clause.

    nice -n 10 python benchmarks/learn_cues.py ../shared/eval/attribution --out benchmarks/data/polnear_cue_precision.tsv
    python benchmarks/learn_cues.py --lexicon benchmarks/data/polnear_cue_precision.tsv src/newsgraph/reference/data

The first command runs each train article through newsgraph's own path (plain-text structure
→ parse → entities) and then the reported-speech step with every verb lemma of
``polnear_cue_counts.tsv`` allowed one kind of content at a time (ccomp, dobj, xcomp, oprd,
a prepositional object), and the noun step with every noun. Each clause it yields is judged
by the metric of SOURCE.txt (its tokens cover >= 50% of the gold content it overlaps most).
Only counts are written (part of speech, lemma, dependent, produced, correct): no text.

The second rewrites the lexicons from those counts: a (verb, dependent) with precision
>= ``MIN_PRECISION`` over >= ``MIN_CORRECT`` correct clauses becomes a content dependent of
that verb in ``reporting_verbs.tsv``; a verb not listed yet gets a row (weight = the
precision) only for its dependents of precision >= ``MIN_NEW_PRECISION``, since a listed verb
is a cue for every quote step; a listed (verb, dependent) of precision under
``MAX_PRECISION_DROPPED`` over >= ``MIN_JUDGED`` clauses is dropped (a row keeps one at
least). A noun passing the first bar is written to ``reporting_nouns.tsv``. Hand-written
rows keep their class and weight. Train only: dev is for checking.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from polnear import WORD, load_split, tokens_in  # noqa: E402
from score_attribution import block_offsets  # noqa: E402

MIN_PRECISION = 0.4  # a dependent added to a verb's contents
MIN_NEW_PRECISION = 0.5  # a verb not listed yet becomes a cue (of every step) only this precise
MIN_CORRECT = 3
MAX_PRECISION_DROPPED = 0.35  # a listed (verb, dependent) this poor over >= MIN_JUDGED clauses is dropped
MIN_JUDGED = 8
MIN_COUNTED = 3  # verb lemmas counted as a cue at least this often in polnear_cue_counts.tsv
NOT_CUES = {"be", "have", "do", "accord"}
OPTIONS = ("ccomp", "dobj", "xcomp", "oprd", "prep")
PREPOSITIONS = ("about", "for", "of", "as", "to", "on", "with", "against", "over", "in", "at", "into", "from")
COUNTS = Path(__file__).parent / "data" / "polnear_cue_counts.tsv"


class EveryNoun(dict):
    """A noun table that holds every noun (the permissive run)."""

    def get(self, key, default=None):
        return 1.0


def count(root: Path, out: Path, limit: int | None) -> int:
    from newsgraph.annotate.nlp import load_pipeline
    from newsgraph.extract.common.mention_index import MentionIndex
    from newsgraph.extract.entities import find_entities
    from newsgraph.extract.quotes import cues, nouns, reported
    from newsgraph.extract.quotes.find import _quoted_tokens
    from newsgraph.extract.quotes.marks import find_quote_spans
    from newsgraph.extract.quotes.speakers import SpeakerResolver
    from newsgraph.ingest.readers import make_document
    from newsgraph.structure import structure_article

    rows = [line.split("\t") for line in COUNTS.read_text(encoding="utf-8").splitlines()[1:]]
    lemmas = {r[0] for r in rows if int(r[2]) >= MIN_COUNTED and r[0].isalpha() and r[0] not in NOT_CUES}
    every_verb = {lemma: ("speech", 1.0) for lemma in lemmas}
    cues.reporting_verbs = lambda: every_verb  # the permissive run: every counted verb is a cue
    produced: dict[tuple[str, str], Counter] = defaultdict(Counter)
    correct: dict[tuple[str, str], Counter] = defaultdict(Counter)
    nlp = load_pipeline()
    articles = load_split(root, "train", limit)
    for article in articles:
        structured = structure_article(make_document(article.text, article.name, "text/plain"))
        where = block_offsets(structured.blocks, article.text)
        doc = nlp(structured.text)
        mentions, entities = find_entities(structured, doc)
        resolver = SpeakerResolver(doc, MentionIndex(mentions), entities)
        skip = _quoted_tokens(doc, find_quote_spans(structured.text))
        words = [m.span() for m in WORD.finditer(article.text)]
        gold = [tokens_in(r.content, words) for r in article.relations]

        def judge(start: int, end: int) -> bool | None:
            lo, hi = where(start), where(end - 1)
            if lo is None or hi is None:
                return None
            toks = tokens_in([(lo, hi + 1)], words)
            best = max(gold, key=lambda g: len(toks & g), default=set())
            return bool(toks & best) and 2 * len(toks & best) >= len(best)

        for option in OPTIONS:
            allowed = frozenset(f"prep:{p}" for p in PREPOSITIONS) if option == "prep" else frozenset([option])
            cues.content_dependents = lambda allowed=allowed: {lemma: allowed for lemma in lemmas}
            for r in reported.reported_clauses(doc, resolver, skip):
                if r.verb is None or r.cue == "according to":
                    continue
                ok = judge(r.start, r.end)
                if ok is None:
                    continue
                lemma = r.verb.lemma_.lower() if r.verb.lemma_.lower() in lemmas else r.verb.lower_
                key = option if option != "prep" else _preposition(r)
                produced[("verb", lemma)][key] += 1
                correct[("verb", lemma)][key] += ok
        for n in nouns.noun_cues(doc, resolver, skip, nouns=EveryNoun()):
            ok = judge(n.start, n.end)
            if ok is not None:
                produced[("noun", n.noun.lemma_.lower())]["that"] += 1
                correct[("noun", n.noun.lemma_.lower())]["that"] += ok
    with open(out, "w", encoding="utf-8") as f:
        f.write("pos\tlemma\tdep\tproduced\tcorrect\n")
        for (pos, lemma), deps in sorted(produced.items()):
            for dep, n in deps.most_common():
                f.write(f"{pos}\t{lemma}\t{dep}\t{n}\t{correct[(pos, lemma)][dep]}\n")
    print(f"{len(articles)} train articles, {len(produced)} cue lemmas -> {out}")
    return 0


def _preposition(r) -> str:
    """Which preposition of the verb held the clause ("called for", "talked about")."""
    preps = [c for c in r.verb.children if c.dep_ == "prep" and c.lower_ in PREPOSITIONS]
    inside = [c for c in preps if r.start - 6 <= c.idx < r.end]
    chosen = (inside or preps or [None])[0]
    return f"prep:{chosen.lower_}" if chosen is not None else "prep:?"


def learned(counts: Path) -> tuple[dict[str, dict[str, float]], dict[str, float], set[tuple[str, str]]]:
    """(verb lemma → {dependent: precision}, noun lemma → precision) that pass the bar, and
    the (verb, dependent) pairs too poor to keep."""
    verbs: dict[str, dict[str, float]] = defaultdict(dict)
    nouns_: dict[str, float] = {}
    poor: set[tuple[str, str]] = set()
    for line in counts.read_text(encoding="utf-8").splitlines()[1:]:
        pos, lemma, dep, produced, correct = line.split("\t")
        n, ok = int(produced), int(correct)
        if pos == "verb" and n >= MIN_JUDGED and ok < MAX_PRECISION_DROPPED * n:
            poor.add((lemma, dep))
        if ok < MIN_CORRECT or ok < MIN_PRECISION * n or dep == "prep:?":
            continue
        if pos == "verb":
            verbs[lemma][dep] = ok / n
        else:
            nouns_[lemma] = ok / n
    return verbs, nouns_, poor


LEARNED_MARK = "# Learned rows: verbs not listed above, written by benchmarks/learn_cues.py --lexicon (rebuilt on every run)."


def write_lexicons(counts: Path, folder: Path) -> int:
    """Rewrite the lexicons from ``counts``; running it again on its own output changes nothing
    (the learned verbs stand after ``LEARNED_MARK`` and are rebuilt, the listed ones above it keep
    what they have and gain only what passes the bar)."""
    verbs, nouns_, poor = learned(counts)
    path = folder / "reporting_verbs.tsv"
    lines = path.read_text(encoding="utf-8").splitlines()
    if LEARNED_MARK in lines:
        lines = lines[:lines.index(LEARNED_MARK)]
    seen, out = set(), []
    for line in lines:
        cells = line.split("\t")
        if line.startswith("#") or not line.strip() or cells[0] == "lemma":
            out.append(line)
            continue
        lemma = cells[0]
        seen.add(lemma)
        cells += [""] * (4 - len(cells))
        listed = [d for d in cells[3].split(",") if d]
        have = [d for d in listed if (lemma, d) not in poor] or listed  # a row keeps one content at least
        cells[3] = ",".join(have + [d for d in sorted(verbs.get(lemma, {}), key=lambda d: -verbs[lemma][d])
                                    if d not in have])
        out.append("\t".join(cells[:4]))
    out.append(LEARNED_MARK)
    for lemma in sorted(set(verbs) - seen):
        deps = {d: p for d, p in verbs[lemma].items() if p >= MIN_NEW_PRECISION}
        if not deps:
            continue
        ranked = sorted(deps, key=lambda d: -deps[d])
        out.append(f"{lemma}\tspeech\t{min(0.95, max(deps.values())):.2f}\t{','.join(ranked)}")
    path.write_text("\n".join(out) + "\n", encoding="utf-8")
    noun_path = folder / "reporting_nouns.tsv"
    header = ["# Reporting nouns: a noun whose \"that\" clause is what somebody said or believes (\"Trump's claim that",
              "# ...\", \"a Times report that ...\"); weight = the share of its \"that\" clauses that were an attribution's",
              "# content on PolNeAR train/. Made by benchmarks/learn_cues.py --lexicon from",
              "# benchmarks/data/polnear_cue_precision.tsv (counts only). Columns tab-separated.",
              "lemma\tweight"]
    noun_path.write_text("\n".join(header + [f"{n}\t{w:.2f}" for n, w in sorted(nouns_.items())]) + "\n",
                         encoding="utf-8")
    print(f"{sum(len(d) for d in verbs.values())} (verb, dependent) pairs, {len(nouns_)} nouns -> {folder}")
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("root", type=Path, nargs="?")
    ap.add_argument("--out", type=Path)
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--lexicon", nargs=2, type=Path, metavar=("COUNTS", "FOLDER"),
                    help="rewrite reporting_verbs.tsv and reporting_nouns.tsv in FOLDER from a counts file")
    args = ap.parse_args()
    if args.lexicon:
        return write_lexicons(*args.lexicon)
    if args.root is None or args.out is None:
        ap.error("give the eval folder and --out, or --lexicon")
    return count(args.root, args.out, args.limit)


if __name__ == "__main__":
    raise SystemExit(main())
