"""Score the outlet comparison and the consistency checks on the seeds against their gold.

    .venv/bin/python benchmarks/score_compare.py [../shared/seeds]

Runs ingest → structure → annotate → extract on every seed, then ``compare_story`` and
``check_story`` over them (the story is given: both seeds), and prints every gold item of
``cross_source``, ``consistency_flags`` and ``must_not_flag`` as found or missing.

Gold cross-source items are sentences for people; to score them each is tied here to
the words that anchor it in each article (ANCHORS). A shared fact is found when one
aligned claim has a variant from each article containing its anchor; an "only in" item
when a claim unique to that article contains its anchor and no shared claim does.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

from newsgraph.annotate.nlp import load_pipeline
from newsgraph.corpus.checks import check_story
from newsgraph.corpus.compare import compare_story
from newsgraph.extract import extract
from newsgraph.ingest import read_path
from newsgraph.records import ArticleAnalysis, Comparison, Flag
from newsgraph.structure import structure_article

DOC_000, DOC_003 = "000_038f5d126ba7fa0a.txt", "003_69df2b26e7fe9b34.txt"
ANCHORS: dict[str, dict[str, str]] = {
    # shared facts: anchor per document
    "Putin and Kim Jong Un signed an agreement obliging each side to give military assistance if the other is attacked":
        {DOC_000: "signed an agreement which obliged each side", DOC_003: "signed a defense agreement"},
    "North Korea seeks Russian weapons technology in return (000: nuclear and long-range missile technology; 003: "
    "aircraft, surface-to-air missiles, armored vehicles, ballistic-missile production equipment)":
        {DOC_000: "may request from Russia the technologies", DOC_003: "wants to receive aircraft"},
    # only in one document
    "Jens Stoltenberg / NATO reaction": {DOC_000: "Jens Stoltenberg, NATO Secretary General"},
    "China is 'somewhat anxious'": {DOC_000: "somewhat anxious"},
    "North Korean artillery ammunition and missiles delivered to Moscow": {DOC_000: "artillery ammunition"},
    "coalition with Iran and Syria": {DOC_000: "coalition with North Korea, Iran, Syria"},
    "Putin's visit to Vietnam": {DOC_003: "Putin also came to Vietnam"},
    "South Korea summoned the Russian ambassador": {DOC_003: "summoned the Russian ambassador"},
    "Seoul may arm Ukraine; Zinoviev's reaction": {DOC_003: "providing arms to Ukraine"},
    "possible violation of UN Security Council resolutions": {DOC_003: "security council resolutions"},
}


def norm(text: str | None) -> str:
    text = (text or "").replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    text = re.sub(r"[\"'.,:;!?()\[\]]", " ", text.casefold())
    return re.sub(r"\s+", " ", text).strip()


def has(text: str, anchor: str) -> bool:
    return norm(anchor) in norm(text)


def run_seeds(folder: Path) -> dict[str, ArticleAnalysis]:
    nlp = load_pipeline()
    out = {}
    for path in sorted(folder.glob("*.txt")):
        for raw in read_path(path):
            article = structure_article(raw)
            out[path.name] = extract(article, nlp(article.text))
    return out


class Tally:
    def __init__(self) -> None:
        self.found = self.total = 0

    def check(self, ok: bool, section: str, label: str, detail: str = "") -> None:
        self.total += 1
        self.found += int(ok)
        print(f"  {'ok  ' if ok else 'MISS'} {section:<20} {label}" + (f"\n        [{detail}]" if detail else ""))


def score_cross_source(gold: dict, comparison: Comparison, ids: dict[str, str], tally: Tally) -> None:
    for item in gold["shared_facts"]:
        anchors = ANCHORS.get(item)
        ok = bool(anchors) and any(all(any(v.article == ids[doc] and has(v.text, anchor) for v in claim.variants)
                                       for doc, anchor in anchors.items()) for claim in comparison.shared)
        claim = next((c for c in comparison.shared if anchors and any(has(v.text, a) for v in c.variants
                                                                     for a in anchors.values())), None)
        tally.check(ok, "shared_fact", item[:90], "; ".join(claim.differences) if claim else "no anchor or no claim")
    for doc, items in gold["only_in"].items():
        for item in items:
            anchor = (ANCHORS.get(item) or {}).get(doc)
            unique = comparison.unique.get(ids[doc], [])
            in_unique = bool(anchor) and any(has(v.text, anchor) for c in unique for v in c.variants)
            in_shared = bool(anchor) and any(has(v.text, anchor) for c in comparison.shared for v in c.variants)
            tally.check(in_unique and not in_shared, f"only_in {doc[:3]}", item,
                        "" if in_unique and not in_shared else f"unique={in_unique} shared={in_shared}")
    quoted = gold["different_officials_quoted"]
    for doc, names in quoted.items():
        others = [d for d in quoted if d != doc]
        for name in names:
            mine = name in comparison.quoted.get(ids[doc], [])
            elsewhere = any(name in comparison.quoted.get(ids[o], []) for o in others)
            tally.check(mine and not elsewhere, f"quoted {doc[:3]}", name,
                        f"quoted by {doc[:3]}: {comparison.quoted.get(ids[doc])}")


def score_flags(gold: dict, analyses: dict[str, ArticleAnalysis], story_flags: list[Flag], tally: Tally) -> None:
    flags = {doc: a.flags + [f for f in story_flags if f.article == a.article.id] for doc, a in analyses.items()}
    for item in gold["consistency_flags"]:
        hit = next((f for f in flags[item["document"]] if has(f.mention, item["mention"]) or has(item["mention"], f.mention)), None)
        tally.check(hit is not None, "consistency_flag", f"{item['document'][:3]} {item['mention']}",
                    f"{hit.kind} {hit.confidence}: {hit.explanation}" if hit else "")
    for item in gold["must_not_flag"]:
        text = analyses[item["document"]].article.text
        at = norm(text).find(norm(item["mention"]))
        wrong = [f for f in flags[item["document"]] if has(item["mention"], f.mention) or has(f.mention, item["mention"])
                 or (at >= 0 and has(f.evidence, item["mention"]) and f.kind in {"role_mismatch", "unknown_title_holder"}
                     and has(item["mention"], f.mention.split(",")[0]))]
        tally.check(not wrong, "must_not_flag", f"{item['document'][:3]} {item['mention']}",
                    "; ".join(f"{f.kind}: {f.mention}" for f in wrong))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("seeds", nargs="?", default=str(Path(__file__).resolve().parents[2] / "shared" / "seeds"))
    args = parser.parse_args(argv)
    folder = Path(args.seeds)
    gold = json.loads((folder / "gold.json").read_text())
    analyses = run_seeds(folder)
    ids = {doc: a.article.id for doc, a in analyses.items()}
    comparison = compare_story(list(analyses.values()), story="seeds")
    story_flags = check_story(list(analyses.values()))
    tally = Tally()
    print("cross_source")
    score_cross_source(gold["cross_source"], comparison, ids, tally)
    print("flags")
    score_flags(gold, analyses, story_flags, tally)
    print(f"\nall flags raised on the seeds:")
    for doc, a in analyses.items():
        for f in a.flags + [f for f in story_flags if f.article == a.article.id]:
            print(f"  {doc[:3]} {f.kind} {f.confidence:.2f} {f.mention!r}: {f.explanation}")
    print(f"\nfound {tally.found}/{tally.total} gold items "
          f"({len(comparison.shared)} shared claims, {sum(map(len, comparison.unique.values()))} unique, "
          f"{len(comparison.contradictions)} contradictions)")
    return 0 if tally.found == tally.total else 1


if __name__ == "__main__":
    sys.exit(main())
