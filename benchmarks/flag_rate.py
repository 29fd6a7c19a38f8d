"""How often the consistency checks fire on real articles, and what they say, for hand-checking.

    .venv/bin/python benchmarks/flag_rate.py [TEXT_DIR] [--out benchmarks/data/flags_eval.jsonl] [--limit N] [--mutate]

Runs ingest → structure → annotate → extract over every ``*.txt`` in TEXT_DIR (default:
the article-extraction benchmark's plain-text pages in ../shared/eval), prints flags per
100 articles by kind, and writes every flag with its article, evidence sentence and
explanation to a JSON Lines file, so a person can judge each one against its evidence.
It also writes every title the office-holder data could judge (office and country
known), flagged or not, to ``*_roles.jsonl``: real articles are mostly right, so the
unflagged titles are where a wrong check would show.

``--mutate`` measures what the flags are for: each of those real titles is rewritten
wrongly in its own article, in the two ways news gets it wrong: another real official's
name ("US President Mike Pompeo") and a blend of the holder's first name with another
official's surname ("US President Donald Pompeo", like the seeds' "Joe Blinken"). The
article is analysed again and the rewritten title must be flagged.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from dataclasses import asdict, replace
from pathlib import Path

from newsgraph.annotate.nlp import load_pipeline
from newsgraph.extract import extract
from newsgraph.extract.checks.roles import _overlapping
from newsgraph.extract.checks.window import article_window
from newsgraph.ingest import read_path
from newsgraph.records import Article, ArticleAnalysis, Role
from newsgraph.reference import offices
from newsgraph.reference.keys import name_key
from newsgraph.structure import structure_article

DEFAULT_DIR = Path(__file__).resolve().parents[2] / "shared" / "eval" / "article-extraction" / "text"


def analyse(paths: list[Path]) -> list[tuple[Path, ArticleAnalysis]]:
    nlp = load_pipeline()
    out = []
    for path in paths:
        for raw in read_path(path):
            article = structure_article(raw)
            out.append((path, extract(article, nlp(article.text))))
    return out


def judged_titles(analysis: ArticleAnalysis) -> list[tuple[str, Role, offices.ParsedTitle]]:
    """Titles with an office and a country (written, or that of the known person named): the
    ones the role check can judge."""
    out = []
    for entity in analysis.entities:
        for role in entity.roles:
            title = offices.parse_title(role.role)
            if title.office and not title.country:
                countries = {t.country for t in offices.terms_of(entity.name)}
                if len(countries) == 1:
                    title = offices.ParsedTitle(title.text, title.office, countries.pop(), title.former)
            if title.office and title.country:
                out.append((entity.name, role, title))
    return out


def report_flags(results: list[tuple[Path, ArticleAnalysis]], out: Path) -> None:
    kinds: Counter[str] = Counter()
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as sink:
        for path, analysis in results:
            for flag in analysis.flags:
                kinds[flag.kind] += 1
                row = {"file": path.name, "title": analysis.article.title, "published": analysis.article.published,
                       **asdict(flag)}
                sink.write(json.dumps(row, ensure_ascii=False) + "\n")
    n = max(len(results), 1)
    total = sum(kinds.values())
    print(f"{total} flags = {100 * total / n:.1f} per 100 articles")
    for kind, count in kinds.most_common():
        print(f"  {kind:<22} {count:>4}  ({100 * count / n:.1f} per 100)")
    print(f"flags written to {out}")
    rows = []
    for path, analysis in results:
        flagged = {(f.start, f.end) for f in analysis.flags}
        for name, role, title in judged_titles(analysis):
            rows.append({"file": path.name, "published": analysis.article.published, "entity": name, "role": role.role,
                         "office": title.office, "country": title.country, "evidence": role.evidence,
                         "flagged": (role.start, role.end) in flagged})
    roles_out = out.with_name(out.stem + "_roles.jsonl")
    roles_out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    print(f"{len(rows)} titles with an office and a country (what the role check can judge), "
          f"{sum(r['flagged'] for r in rows)} flagged: written to {roles_out}")


def wrong_names(article: Article, role: Role, title: offices.ParsedTitle, holder: str) -> list[tuple[str, str]]:
    """Two wrong names for this title then: another official of the same country, and a blend."""
    window = article_window(article)
    holders = {name_key(t.person) for t in offices.holders(title.office, title.country)}
    others = [t.person for t in _overlapping([t for t in offices.all_terms() if t.country == title.country], window)
              if name_key(t.person) not in holders and len(t.person.split()) > 1]
    if not others:
        return []
    other = others[0]
    blend = f"{holder.split()[0]} {other.split()[-1]}"
    return [("other official", other), ("blended name", blend)]


def mutate(results: list[tuple[Path, ArticleAnalysis]]) -> None:
    nlp = load_pipeline()
    caught: Counter[str] = Counter()
    tried: Counter[str] = Counter()
    for path, analysis in results:
        article = analysis.article
        for name, role, title in judged_titles(analysis):
            if not role.surface or role.surface not in role.evidence:
                continue
            for how, wrong in wrong_names(article, role, title, name):
                evidence = role.evidence.replace(role.surface, wrong)
                changed = replace(article, title=_swap(article.title, role.evidence, evidence),
                                  lead=_swap(article.lead, role.evidence, evidence),
                                  paragraphs=[_swap(p, role.evidence, evidence) for p in article.paragraphs])
                result = extract(changed, nlp(changed.text))
                hit = [f for f in result.flags if wrong in f.mention or wrong in changed.text[f.start:f.end]]
                tried[how] += 1
                caught[how] += bool(hit)
                mark = "ok  " if hit else "MISS"
                print(f"  {mark} {how:<15} {evidence!r}" + (f" → {hit[0].kind} {hit[0].confidence}" if hit else ""))
    for how in tried:
        print(f"{how}: {caught[how]}/{tried[how]} flagged")


def _swap(text: str | None, old: str, new: str) -> str | None:
    return text.replace(old, new) if text else text


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("text_dir", nargs="?", default=str(DEFAULT_DIR))
    parser.add_argument("--out", default="benchmarks/data/flags_eval.jsonl")
    parser.add_argument("--limit", type=int, default=0, help="only the first N files")
    parser.add_argument("--mutate", action="store_true", help="also rewrite real titles wrongly and count the flags")
    args = parser.parse_args(argv)
    paths = sorted(Path(args.text_dir).glob("*.txt"))
    if args.limit:
        paths = paths[:args.limit]
    started = time.perf_counter()
    results = analyse(paths)
    dated = sum(bool(a.article.published) for _, a in results)
    print(f"{len(results)} articles ({dated} with a published date) in {time.perf_counter() - started:.0f}s")
    report_flags(results, Path(args.out))
    if args.mutate:
        mutate(results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
