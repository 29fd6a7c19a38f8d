"""Score newsgraph's article structure against the article-extraction benchmark.

Usage:
    .venv/bin/python benchmarks/score_extraction.py /work/shared/eval/article-extraction \
        [--seeds /work/shared/seeds] [--only text|html] [--worst 5] [--misses] [--text-url]

The eval folder holds ``text/ID.txt`` (pages rendered to plain text, boilerplate and
all), ``html/ID.html.gz`` and ``ground-truth.json`` ({ID: {"articleBody": ...}}).
The metric is the benchmark's own (scrapinghub/article-extraction-benchmark,
evaluate.py): ``\\w+`` tokens, 4-token shingles as a multiset, per-page tp/fp/fn
normalised to sum 1, precision and recall averaged over pages, F1 of those means.

On HTML the same run scores the peers' bodies: trafilatura 2.3.1 ``extract`` with and
without ``favor_precision``, and newspaper4k 0.9.6 when installed.
With ``metadata.json`` in the folder, the same run scores headline, outlet, date and
authors (``metadata_scoring``) for newsgraph on text and HTML, and for trafilatura's
``extract_metadata`` and newspaper4k on the HTML. HTML pages are given their URL (a
fetched page has one); plain text is given none, as a ``.txt`` file has none
(``--text-url`` also scores text with the URL, as JSON Lines or WARC input gives it).

The plain-text run builds the corpus boilerplate evidence from the text folder in a
first pass, as the pipeline does over its inputs; it never looks at the gold bodies.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

from metadata_scoring import (MetaScore, newspaper_available, newspaper_parse, trafilatura_body,
                              trafilatura_meta)
from newsgraph.records import RawDocument
from newsgraph.structure import structure_article
from newsgraph.structure.boilerplate import build_boilerplate

TOKEN = re.compile(r"\w+", re.UNICODE)


def shingles(text: str, n: int = 4) -> Counter:
    tokens = TOKEN.findall(text or "")
    grams = [tuple(tokens[i:i + n]) for i in range(max(1, len(tokens) - n + 1))]
    return Counter(g for g in grams if g)


def shingle_match(true: str, pred: str) -> tuple[float, float, float]:
    """tp, fp, fn over shingles, normalised to sum 1 so long pages weigh no more."""
    t, p = shingles(true), shingles(pred)
    tp = fp = fn = 0.0
    for key in set(t) | set(p):
        tp += min(t[key], p[key])
        fp += max(0, p[key] - t[key])
        fn += max(0, t[key] - p[key])
    s = tp + fp + fn
    return (tp / s, fp / s, fn / s) if s else (tp, fp, fn)


def precision(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fp == 0 else tp / (tp + fp)


def recall(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fn == 0 else tp / (tp + fn)


def summarise(scores: list[tuple[float, float, float]]) -> dict[str, float]:
    p = statistics.mean(precision(*s) for s in scores if s[0] + s[1] > 0)
    r = statistics.mean(recall(*s) for s in scores if s[0] + s[2] > 0)
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def load_folder(folder: Path, kind: str) -> dict[str, str]:
    if kind == "text":
        return {p.name[:-4]: p.read_text(encoding="utf-8") for p in sorted((folder / "text").glob("*.txt"))}
    return {p.name[:-8]: gzip.decompress(p.read_bytes()).decode("utf-8", errors="replace")
            for p in sorted((folder / "html").glob("*.html.gz"))}


def score_folder(folder: Path, kind: str, worst: int, corpus: bool = True, with_url: bool = False,
                 misses: bool = False) -> list[tuple[str, MetaScore]]:
    """Body F1 (printed) and the metadata scores of newsgraph (and the peers, on HTML)."""
    gold = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    meta_path = folder / "metadata.json"
    meta_gold = json.loads(meta_path.read_text(encoding="utf-8")) if meta_path.exists() else {}
    pages = load_folder(folder, kind)
    media_type = "text/plain" if kind == "text" else "text/html"
    boilerplate = build_boilerplate(pages.values()) if kind == "text" and corpus else None
    peers = [] if kind == "text" or not meta_gold else [("trafilatura 2.3.1", trafilatura_meta)]
    if peers and newspaper_available():
        peers.append(("newspaper4k", None))  # metadata and body from one parse
    body_peers: dict[str, list] = {} if kind == "text" else {
        "trafilatura 2.3.1 favor_precision": [], "trafilatura 2.3.1 default": [],
        **({"newspaper4k 0.9.6": []} if newspaper_available() else {})}
    label = kind + (" + url" if with_url else "") if corpus or kind != "text" else "text (no corpus evidence)"
    scores_meta = {name: MetaScore() for name in ["newsgraph " + label] + [name for name, _ in peers]}
    scores, elapsed, per_page = [], 0.0, []
    for key, text in pages.items():
        url = gold[key].get("url") if kind == "html" or with_url else None
        raw = RawDocument(id=key, origin=key, text=text, media_type=media_type, metadata={"url": url} if url else {})
        start = time.perf_counter()
        article = structure_article(raw, boilerplate=boilerplate)
        elapsed += time.perf_counter() - start
        s = shingle_match(gold[key]["articleBody"], article.body)
        scores.append(s)
        per_page.append((2 * precision(*s) * recall(*s) / max(1e-9, precision(*s) + recall(*s)), key, s))
        news = newspaper_parse(text, url) if "newspaper4k 0.9.6" in body_peers else None
        if body_peers:
            body_peers["trafilatura 2.3.1 favor_precision"].append(
                shingle_match(gold[key]["articleBody"], trafilatura_body(text, url, favor_precision=True)))
            body_peers["trafilatura 2.3.1 default"].append(
                shingle_match(gold[key]["articleBody"], trafilatura_body(text, url, favor_precision=False)))
            if news is not None:
                body_peers["newspaper4k 0.9.6"].append(shingle_match(gold[key]["articleBody"], news[1]))
        if key in meta_gold:
            scores_meta["newsgraph " + label].add(
                key, meta_gold[key], (article.title, article.outlet, article.published, article.authors))
            for name, peer in peers:
                scores_meta[name].add(key, meta_gold[key], peer(text, url) if peer else news[0])
    m = summarise(scores)
    print(f"{label:<5} pages={len(scores)}  precision={m['precision']:.3f}  recall={m['recall']:.3f}  "
          f"F1={m['f1']:.3f}  ({1000 * elapsed / len(scores):.1f} ms/article)")
    for name, peer_scores in body_peers.items():
        p = summarise(peer_scores)
        print(f"    peer {name:<34} precision={p['precision']:.3f}  recall={p['recall']:.3f}  F1={p['f1']:.3f}")
    for f1, key, s in sorted(per_page)[:worst]:
        print(f"    worst: {key[:16]}  F1={f1:.3f}  P={precision(*s):.3f}  R={recall(*s):.3f}")
    if misses and meta_gold:
        for field_name, lines in scores_meta["newsgraph " + label].misses.items():
            for line in lines:
                print(f"    miss {field_name}: {line}")
    if kind == "html" and meta_gold and not newspaper_available():
        print("    (newspaper4k not installed: pip install newspaper4k==0.9.6 to add its column)")
    return list(scores_meta.items())


def norm(text: str | None) -> str:
    """Lenient comparison, as gold.json asks: case, quotes, whitespace, edge punctuation."""
    text = (text or "").replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    return " ".join(text.split()).strip(" .,;:").casefold()


def score_seeds(seeds: Path) -> None:
    gold = json.loads((seeds / "gold.json").read_text(encoding="utf-8"))["documents"]
    ok_total = checks_total = 0
    for name, want in gold.items():
        text = (seeds / name).read_text(encoding="utf-8")
        article = structure_article(RawDocument(id=name, origin=name, text=text, media_type="text/plain"))
        body = article.body
        lead = article.lead or (article.paragraphs[0] if article.paragraphs else None)
        full_body = "\n\n".join(p for p in (article.lead, *article.paragraphs) if p)
        checks = {
            "title": norm(article.title) == norm(want["title"]),
            "published": article.published == want["published"],
            "authors": [norm(a) for a in article.authors] == [norm(a) for a in want["authors"]],
            "outlet": article.outlet == want["outlet"],
            "captions": [norm(c) for c in article.captions] == [norm(c) for c in want["captions"]],
            "body_starts_with": norm(body).startswith(norm(want["body_starts_with"])),
            "body_ends_with": norm(body).endswith(norm(want["body_ends_with"])),
        }
        if "lead" in want:
            checks["lead"] = norm(lead) == norm(want["lead"])
        for bad in want.get("body_must_not_contain", []):
            checks[f"not {bad!r}"] = norm(bad) not in norm(full_body)
        print(f"seed {name}")
        for field, ok in checks.items():
            got = {"title": article.title, "published": article.published, "authors": article.authors,
                   "outlet": article.outlet, "captions": article.captions, "lead": lead}.get(field, "")
            print(f"    {'ok ' if ok else 'BAD'} {field}" + ("" if ok else f"  got {got!r}"))
        ok_total += sum(checks.values())
        checks_total += len(checks)
    print(f"seeds: {ok_total}/{checks_total} checks pass")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="eval folder with text/, html/ and ground-truth.json")
    parser.add_argument("--seeds", type=Path, default=Path("/work/shared/seeds"),
                        help="folder with the seed texts and gold.json (skipped if missing)")
    parser.add_argument("--only", choices=("text", "html"), help="score one folder only")
    parser.add_argument("--worst", type=int, default=0, help="list the N worst pages")
    parser.add_argument("--no-corpus", action="store_true",
                        help="also score plain text without the corpus boilerplate evidence")
    parser.add_argument("--misses", action="store_true", help="list newsgraph's metadata misses")
    parser.add_argument("--text-url", action="store_true", help="also score plain text given the page URL")
    args = parser.parse_args(argv)
    table: list[tuple[str, MetaScore]] = []
    for kind in ("text", "html"):
        if args.only in (None, kind):
            table += score_folder(args.folder, kind, args.worst, misses=args.misses)
            if kind == "text" and args.text_url:
                table += score_folder(args.folder, kind, args.worst, with_url=True, misses=args.misses)
            if kind == "text" and args.no_corpus:
                score_folder(args.folder, kind, args.worst, corpus=False)
    if table:
        print("metadata against metadata.json (headline exact, outlet right, date right at day precision, "
              "author F1):")
        for name, score in table:
            print("  " + score.line(name))
    if (args.seeds / "gold.json").exists():
        score_seeds(args.seeds)
    return 0


if __name__ == "__main__":
    sys.exit(main())
