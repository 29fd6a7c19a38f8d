"""End-to-end check of the seeds against their gold, through the real job and the exports.

    python benchmarks/score_seeds.py ../shared/seeds

Runs ``newsgraph ingest`` on the folder into a fresh database, reads the records back
through the export contract (as outside tools would), and prints every gold item as
found or missing, with totals per section. Matching is lenient as gold.json says: case,
curly vs straight quotes, white space and surrounding punctuation do not matter, and
names match by canonical name or any listed alias.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from collections import defaultdict
from pathlib import Path
from typing import Any

from newsgraph.job import ingest_paths
from newsgraph.store import Store
from newsgraph.store.queries import export_rows


def norm(text: str | None) -> str:
    text = (text or "").replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    text = re.sub(r"[\"'.,:;!?()\[\]]", " ", text.casefold())
    return re.sub(r"\s+", " ", text).strip()


def contains(haystack: str | None, needle: str | None) -> bool:
    return norm(needle) in norm(haystack)


class Tally:
    def __init__(self) -> None:
        self.found: dict[str, int] = defaultdict(int)
        self.total: dict[str, int] = defaultdict(int)

    def check(self, section: str, ok: bool, label: str, detail: str = "") -> None:
        self.total[section] += 1
        self.found[section] += int(ok)
        mark = "ok  " if ok else "MISS"
        print(f"  {mark} {section:<14} {label}" + (f"   [{detail}]" if detail and not ok else ""))

    def summary(self) -> None:
        print("\nsection         found/gold")
        for section in self.total:
            print(f"  {section:<14} {self.found[section]:>3}/{self.total[section]:<3}")
        found, total = sum(self.found.values()), sum(self.total.values())
        print(f"  {'all':<14} {found:>3}/{total:<3} ({found / total:.0%})")


def names_of(entity: dict[str, Any]) -> set[str]:
    return {norm(entity["name"]), *(norm(a) for a in entity.get("aliases", []))}


def same_name(a: str | None, b: str | None, entities: list[dict[str, Any]]) -> bool:
    """True if the two names are equal or are names of one entity."""
    if not a or not b:
        return False
    if norm(a) == norm(b) or norm(b) in norm(a) or norm(a) in norm(b):
        return True
    return any(norm(a) in names_of(e) and norm(b) in names_of(e) for e in entities)


def check_document(tally: Tally, gold: dict[str, Any], article: dict[str, Any], rows: dict[str, list]) -> None:
    aid = article["id"]
    for field in ("title", "outlet"):
        tally.check("structure", norm(article[field]) == norm(gold[field]), f"{field} = {gold[field]!r}",
                    f"got {article[field]!r}")
    expected = gold["published"]
    got = article["published"]
    tally.check("structure", (got is None) if expected is None else bool(got) and got.startswith(expected),
                f"published = {expected!r}", f"got {got!r}")
    tally.check("structure", [norm(a) for a in article["authors"]] == [norm(a) for a in gold["authors"]],
                f"authors = {gold['authors']}", f"got {article['authors']}")
    for caption in gold["captions"]:
        tally.check("structure", any(norm(c) == norm(caption) for c in article["captions"]), f"caption {caption!r}",
                    f"got {article['captions']}")
    body = article["body"]
    if gold.get("lead"):
        lead_ok = norm(article["lead"]) == norm(gold["lead"]) or norm(body).startswith(norm(gold["lead"]))
        tally.check("structure", lead_ok, "lead", f"got {article['lead']!r}")
        body_start = norm(body[len(article["lead"] or ""):] if not article["lead"] else body)
        body_start = body_start if article["lead"] else norm(body).removeprefix(norm(gold["lead"])).strip()
    else:
        body_start = norm(body)
    tally.check("structure", body_start.startswith(norm(gold["body_starts_with"])),
                f"body starts {gold['body_starts_with'][:40]!r}", f"got {body[:60]!r}")
    tally.check("structure", norm(body).endswith(norm(gold["body_ends_with"])),
                f"body ends {gold['body_ends_with'][-40:]!r}", f"got {body[-60:]!r}")
    for bad in gold["body_must_not_contain"]:
        tally.check("structure", not contains(body, bad), f"body lacks {bad!r}")

    entities = [e for e in rows["entities"] if any(r["article"] == aid for r in e["roles"])
                or e["id"] in article["entity_ids"]]
    for cited in gold["cited_sources"]:
        hit = any(c["article"] == aid and same_name(c["cited"], cited["name"], entities) and c["kind"] == cited["kind"]
                  for c in rows["citations"])
        tally.check("citations", hit, f"{cited['kind']} {cited['name']}")
    for gold_entity in gold["entities"]:
        match = next((e for e in entities if norm(gold_entity["name"]) == norm(e["name"])), None)
        tally.check("entities", match is not None and match["type"] == gold_entity["type"],
                    f"{gold_entity['type']} {gold_entity['name']}",
                    f"got {match['type'] if match else 'nothing'}")
        for alias in gold_entity.get("aliases", []):
            tally.check("aliases", bool(match) and norm(alias) in names_of(match), f"{gold_entity['name']} ← {alias!r}")
        for role in gold_entity.get("roles", []):
            roles = [r["role"] for r in (match or {}).get("roles", []) if r["article"] == aid]
            tally.check("roles", any(contains(r, role) or contains(role, r) for r in roles),
                        f"{gold_entity['name']}: {role!r}", f"got {roles}")
    quotes = [q for q in rows["quotes"] if q["article"] == aid]
    for gq in gold["quotes"]:
        hit = [q for q in quotes if contains(q["text"], gq["text_contains"])]
        speaker_ok = [q for q in hit if same_name(q["speaker_entity"] or q["speaker"], gq["speaker"], entities)
                      or same_name(q["speaker"], gq["speaker"], entities)]
        kind_ok = [q for q in speaker_ok if q["kind"] == gq["kind"] or "mixed" in (q["kind"], gq["kind"])]
        got = "; ".join(f"{q['speaker_entity'] or q['speaker']}/{q['kind']}" for q in hit) or "no quote with that text"
        tally.check("quotes", bool(kind_ok), f"{gq['speaker']} ({gq['kind']}): {gq['text_contains'][:45]!r}", got)
    events = [e for e in rows["events"] if e["article"] == aid]
    for ge in gold.get("events", []):
        hit = [e for e in events if str(e["cameo"]).startswith(ge["cameo_root"])
               and same_name(e["actor"], ge["actor"], entities) and same_name(e["target"], ge["target"], entities)]
        tally.check("events", bool(hit), f"{ge['actor']} -{ge['cameo_root']}-> {ge['target']} ({ge['action']})",
                    "; ".join(f"{e['actor']}-{e['cameo']}->{e['target']}" for e in events) or "no events")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("seeds", type=Path, help="folder with the seed articles and gold.json")
    parser.add_argument("--gold", type=Path, default=None)
    args = parser.parse_args()
    gold = json.loads((args.gold or args.seeds / "gold.json").read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "seeds.db") as store:
        summary = ingest_paths([str(args.seeds / name) for name in gold["documents"]], store, workers=1)
        if summary.failed:
            sys.exit(f"ingest failed: {summary.failures}")
        rows = {kind: list(export_rows(store.conn, kind))
                for kind in ("articles", "entities", "quotes", "citations", "events", "flags", "stories")}
        by_name = {Path(a["origin"]).name: a for a in rows["articles"]}
        for article in rows["articles"]:
            article["entity_ids"] = {r[0] for r in store.conn.execute(
                "SELECT DISTINCT entity FROM mentions WHERE article = ?", (article["id"],))}
    tally = Tally()
    for name, gold_doc in gold["documents"].items():
        print(f"\n{name}")
        check_document(tally, gold_doc, by_name[name], rows)
    print("\nstories")
    for story in gold["stories"]:
        ids = {by_name[m]["story"] for m in story["members"]}
        tally.check("stories", len(ids) == 1 and None not in ids, f"{' + '.join(story['members'])} in one story",
                    f"got stories {ids}")
    print("\nflags")
    for flag in gold["consistency_flags"]:
        article = by_name[flag["document"]]
        hit = [f for f in rows["flags"] if f["article"] == article["id"] and
               (contains(f["mention"], flag["mention"]) or contains(flag["mention"], f["mention"])
                or contains(f["evidence"], flag["mention"]))]
        tally.check("flags", bool(hit), f"flag {flag['mention']!r}")
    for item in gold["must_not_flag"]:
        article = by_name[item["document"]]
        person = item["mention"].split(",")[0]
        wrong = [f for f in rows["flags"] if f["article"] == article["id"] and contains(f["mention"], person)]
        tally.check("no false flag", not wrong, f"no flag on {item['mention']!r}", "; ".join(f["kind"] for f in wrong))
    extra = [f for f in rows["flags"] if not any(contains(f["mention"], g["mention"]) or contains(g["mention"], f["mention"])
                                                  for g in gold["consistency_flags"])]
    print(f"\nother flags raised (not in gold): {len(extra)}")
    for f in extra:
        print(f"  - {f['kind']}: {f['mention']!r}: {f['explanation'][:120]}")
    print(f"records: {', '.join(f'{len(v)} {k}' for k, v in rows.items())}")
    tally.summary()


if __name__ == "__main__":
    main()
