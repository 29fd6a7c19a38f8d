"""Score newsgraph's CAMEO event coder on the events dev material, beside PETRARCH2 in the same run.

    python benchmarks/score_events.py ../shared/eval/events --petrarch ../shared/peers/petrarch2

Two sets (see the folder's SOURCE.txt):
- PLOVER gold records (plover-gsr-dev.json): detection P/R, PLOVER category, quad class,
  source/target country accuracy and (source, target, category) tuple P/R/F1. newsgraph's
  CAMEO codes are mapped to PLOVER with the folder's CAMEO2PLOVER-2021.txt; gold 0.5b1
  names are renamed to 0.8 (DEMAND→REQUEST, DISAPPROVE/INVESTIGATE→ACCUSE, FIGHT→ASSAULT).
  A record listing several sources or targets is one gold event per (source, target), as a
  dyadic coder writes them ("threatened to break off relations with Congo and Costa Rica": two).
- PETRARCH's unit-test records (petrarch-unit-test.jsonl, parses in PETR.UnitTest.records.xml):
  detection P/R, root accuracy on the gold codes that are valid CAMEO, and (source, target,
  root) tuple P/R/F1, for newsgraph (its bundled dictionaries plus the validation actors
  and agents, whose fictional countries only they define) and for PETRARCH2 run on the
  same records with its validation dictionaries.
Per sentence, system events are matched to gold events one to one, best agreement first.

PETRARCH2 needs Python 2.7 (default /root/.pyenv/versions/2.7.18/bin/python, or --python2)
and python-dateutil 2.2, which this script installs once with that interpreter's pip into
~/.cache/newsgraph-bench/petrarch-deps. Without --petrarch only newsgraph is scored.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from newsgraph.annotate.nlp import load_pipeline
from newsgraph.extract.entities import find_entities
from newsgraph.extract.events import find_events
from newsgraph.records import Article
from newsgraph.reference import add_reference_dir, countries
from newsgraph.reference.petrarch_format import convert_user_dictionaries

RENAMES = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}
# quad class of a PLOVER 0.5b1 gold category (from the CAMEO roots it gathers)
GOLD_QUAD = {"AGREE": 1, "CONSULT": 1, "SUPPORT": 1, "DEMAND": 3, "REQUEST": 3, "COOPERATE": 2, "AID": 2,
             "CONCEDE": 2, "RETREAT": 2, "DISAPPROVE": 3, "INVESTIGATE": 3, "ACCUSE": 3, "REJECT": 3,
             "THREATEN": 3, "PROTEST": 4, "MOBILIZE": 4, "SANCTION": 4, "COERCE": 4, "ASSAULT": 4, "FIGHT": 4}
PY2 = "/root/.pyenv/versions/2.7.18/bin/python"
DRIVER = Path(__file__).parent / "peers" / "petrarch2_driver.py"


def quad(code: str | None) -> int | None:
    if not code or not code[:2].isdigit():
        return None
    root = int(code[:2])
    return 1 if 1 <= root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4 if root <= 20 else None


def load_plover_map(path: Path) -> dict[str, str]:
    table = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^(\d{3,4}):\s*([A-Z]+)", line.strip())
        if m:
            table[m.group(1)] = m.group(2)
    return table


def plover_of(code: str | None, table: dict[str, str]) -> str | None:
    if not code:
        return None
    for n in (len(code), 3):
        if code[:n] in table:
            return table[code[:n]]
    return "REQUEST" if code.startswith("02") else None  # PLOVER's REQUEST also takes CAMEO's appeals


def country3(code: str | None) -> str | None:
    if not code:
        return None
    return code[:3].upper() if countries.by_code(code[:3]) is not None else None


def match(system: list[dict], gold: list[dict], agree) -> list[tuple[dict, dict]]:
    """One-to-one pairs, best agreement first (greedy)."""
    scored = sorted(((agree(s, g), i, j) for i, s in enumerate(system) for j, g in enumerate(gold)), reverse=True)
    used_s, used_g, pairs = set(), set(), []
    for _, i, j in scored:
        if i not in used_s and j not in used_g:
            used_s.add(i)
            used_g.add(j)
            pairs.append((system[i], gold[j]))
    return pairs


class Tally:
    def __init__(self) -> None:
        self.c: dict[str, int] = {}

    def add(self, key: str, n: int = 1) -> None:
        self.c[key] = self.c.get(key, 0) + n

    def ratio(self, num: str, den: str) -> str:
        d = self.c.get(den, 0)
        return f"{self.c.get(num, 0) / d:.2f} ({self.c.get(num, 0)}/{d})" if d else "n/a"

    def f1(self, hit_p: str, sys_n: str, hit_r: str, gold_n: str) -> str:
        p = self.c.get(hit_p, 0) / max(1, self.c.get(sys_n, 0))
        r = self.c.get(hit_r, 0) / max(1, self.c.get(gold_n, 0))
        return f"P {p:.2f} R {r:.2f} F1 {2 * p * r / (p + r) if p + r else 0:.2f}"


def code_sentences(records: list[dict]) -> tuple[dict[str, list[dict]], float, int]:
    """newsgraph's events per record id, the seconds spent in the event coder, and the sentences coded."""
    nlp = load_pipeline()
    out, spent = {}, 0.0
    warm = Article(id="warm-up", origin="eval", paragraphs=["Russia agreed to meet Ukraine."])
    find_events(warm, nlp(warm.text), find_entities(warm, nlp(warm.text))[0])  # load the dictionaries untimed
    for r in records:
        article = Article(id=r["id"], origin="eval", paragraphs=[r["text"]], published=r.get("published"))
        doc = nlp(article.text)
        mentions, _ = find_entities(article, doc)
        t0 = time.perf_counter()
        events = find_events(article, doc, mentions)
        spent += time.perf_counter() - t0
        out[r["id"]] = [{"code": e.cameo, "source": e.actor_code, "target": e.target_code, "plover": e.plover,
                         "text": f"{e.actor_text} -{e.cameo}-> {e.target_text}"} for e in events]
    return out, spent, len(records)


def score_plover(folder: Path, verbose: bool, errors: bool = False) -> None:
    table = load_plover_map(folder / "CAMEO2PLOVER-2021.txt")
    data = [r for r in json.loads((folder / "plover-gsr-dev.json").read_text()) if r.get("text") and r.get("event") != "DOCUMENT"]
    records = [{"id": r["id"], "text": r["text"].strip(), "published": None} for r in data]
    found, spent, n = code_sentences(records)
    t = Tally()
    for r in data:
        cat = RENAMES.get(r["event"], r["event"])
        srcs = r.get("source") or [{}]
        tgts = r.get("target") if isinstance(r.get("target"), list) and r.get("target") else [{}]
        gold = [{"cat": cat, "quad": GOLD_QUAD.get(r["event"]), "source": s.get("code"), "target": g.get("code")}
                for s in srcs for g in tgts]
        system = [dict(e, cat=plover_of(e["code"], table)) for e in found[r["id"]]]
        t.add("gold", len(gold))
        t.add("system", len(system))

        def agree(s, g):
            return (s["cat"] == g["cat"], country3(s["source"]) == (g["source"] or "")[:3],
                    country3(s["target"]) == ((g["target"] or "")[:3] or None))

        pairs = match(system, gold, agree)
        t.add("detected", len(pairs))
        for s, g in pairs:
            t.add("cat_ok", s["cat"] == g["cat"])
            t.add("quad_ok", quad(s["code"]) == g["quad"])
            if countries.by_code((g["source"] or "")[:3]) is not None:
                t.add("src_n")
                t.add("src_ok", country3(s["source"]) == g["source"][:3])
            if g["target"] and countries.by_code(g["target"][:3]) is not None:
                t.add("tgt_n")
                t.add("tgt_ok", country3(s["target"]) == g["target"][:3])

        def tuple_of(x, gold_side: bool):
            src = (x["source"] or "")[:3] or None if gold_side else (x["source"] or "")[:3] or None
            tgt = (x["target"] or "")[:3] or None
            return (src, tgt, x["cat"])

        gold_t = [tuple_of(g, True) for g in gold]
        sys_t = [tuple_of(s, False) for s in system]
        hits = sum(1 for a, b in match(sys_t, gold_t, lambda a, b: a == b) if a == b)
        t.add("tuple_hit", hits)
        # "(SRC/TAR: Czechia) and (SRC/TAR: China) signed": each is the other's target as well, which the
        # record's target field (empty) cannot say; either reading of such an event counts
        mutual = {g[0] for g in gold_t} if "SRC/TAR" in (r.get("textInfo") or {}).get("markup", "") else set()

        def same(a, b):
            return a == b or (a[0] == b[0] and a[2] == b[2] and b[1] is None and a[1] in mutual - {a[0]})

        t.add("tuple_hit_mutual", sum(1 for a, b in match(sys_t, gold_t, same) if same(a, b)))
        if errors:
            _list_errors(r["id"], r["text"], sys_t, gold_t, [s["text"] for s in system])
        if verbose and (not pairs or any(s["cat"] != g["cat"] for s, g in pairs)):
            print(f"  {r['id']} gold {cat} {[g['source'] for g in gold]}→{gold[0]['target']}: "
                  f"{[(s['text'], s['cat']) for s in system]}  | {r['text'][:110]}")
    print(f"\nPLOVER gold records ({len(data)} sentences, {t.c.get('gold', 0)} gold events), newsgraph:")
    print(f"  detection   P {t.ratio('detected', 'system')}  R {t.ratio('detected', 'gold')}")
    print(f"  PLOVER category accuracy {t.ratio('cat_ok', 'detected')}   quad class {t.ratio('quad_ok', 'detected')}")
    print(f"  source country {t.ratio('src_ok', 'src_n')}   target country {t.ratio('tgt_ok', 'tgt_n')}")
    print(f"  (source, target, category) tuples {t.f1('tuple_hit', 'system', 'tuple_hit', 'gold')}   "
          f"reading SRC/TAR both ways {t.f1('tuple_hit_mutual', 'system', 'tuple_hit_mutual', 'gold')}")
    print(f"  event coder: {t.c.get('system', 0) / spent:,.0f} events/s, {n / spent:,.0f} sentences/s "
          f"(find_events alone, after parsing)")


def _list_errors(rid: str, text: str, sys_t: list[tuple], gold_t: list[tuple], shown: list[str]) -> None:
    """Print a sentence's wrong (system, no gold) and missing (gold, no system) tuples, with the text:
    what to categorise before changing the coder."""
    pairs = [(a, b) for a, b in match(sys_t, gold_t, lambda a, b: a == b) if a == b]
    wrong, missing = list(sys_t), list(gold_t)
    for a, b in pairs:
        wrong.remove(a)
        missing.remove(b)
    if wrong or missing:
        print(f"  {rid}  wrong {wrong}  missing {missing}  | {shown} | {text[:160]}")


def unit_records(folder: Path) -> list[dict]:
    records = [json.loads(line) for line in (folder / "petrarch-unit-test.jsonl").read_text().splitlines() if line]
    xml = (folder / "PETR.UnitTest.records.xml").read_text(encoding="utf-8", errors="replace")
    parses = {}
    for m in re.finditer(r"<Sentence\b([^>]*)>(.*?)</Sentence>", xml, re.S):
        attrs = dict(re.findall(r'(\w+)\s*=\s*"([^"]*)"', m.group(1)))
        p = re.search(r"<Parse>(.*?)</Parse>", m.group(2), re.S)
        if p and "id" in attrs:
            parses[attrs["id"]] = p.group(1)
    for r in records:
        r["parse"] = parses.get(r["id"], "")
        d = r.get("date") or "20000101"
        r["published"] = f"{d[:4]}-{d[4:6]}-{d[6:8]}"
    return records


def run_petrarch(peer: Path, folder: Path, records: list[dict], python2: str) -> dict[str, list[dict]]:
    deps = Path.home() / ".cache" / "newsgraph-bench" / "petrarch-deps"
    if not (deps / "dateutil").is_dir():
        subprocess.run([str(Path(python2).parent / "pip"), "install", "-q", "--target", str(deps),
                        "python-dateutil==2.2"], check=True)
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "petrarch2"
        shutil.copytree(peer, copy)
        for p in copy.rglob("*"):
            p.chmod(0o755 if p.is_dir() else 0o644)
        package = copy / "petrarch2"
        dicts = package / "data" / "dictionaries"
        for name in ("verbs", "actors", "agents", "discards"):
            shutil.copy(folder / "dictionaries-validate" / f"PETR.Validate.{name}.txt", dicts)
        config = (package / "data" / "config" / "PETR_config.ini").read_text()
        for key, value in (("verbfile_name", "PETR.Validate.verbs.txt"), ("actorfile_list", "PETR.Validate.actors.txt"),
                           ("agentfile_name", "PETR.Validate.agents.txt"),
                           ("discardfile_name", "PETR.Validate.discards.txt"), ("issuefile_name", "")):
            config = re.sub(rf"(?m)^{key}\s*=.*$", f"{key} = {value}", config)
        (Path(tmp) / "config.ini").write_text(config)
        inputs = Path(tmp) / "in.jsonl"
        inputs.write_text("".join(json.dumps({k: r[k] for k in ("id", "date", "text", "parse")}) + "\n" for r in records))
        done = subprocess.run([python2, str(DRIVER.resolve()), str(Path(tmp) / "config.ini"), str(inputs)],
                              cwd=package, env={**os.environ, "PYTHONPATH": str(deps)}, capture_output=True, text=True)
        if done.returncode != 0:
            sys.exit(f"PETRARCH2 failed: {done.stderr.strip().splitlines()[-1:]}")
    out = {}
    for line in done.stdout.splitlines():
        rec = json.loads(line)
        events = {tuple(e) for e in rec["events"]}
        out[rec["id"]] = [{"source": s, "target": t, "code": c, "error": rec["error"]} for s, t, c in sorted(events)]
        if rec["error"]:
            out[rec["id"]] = []
    return out


def actor(code: str | None) -> str | None:
    """PETRARCH writes an unknown country as "---" ("---GOV" a government of no named country);
    newsgraph leaves it out ("GOV"): one spelling for both, and no code at all is None."""
    if code and code.startswith("---"):
        code = code[3:]
    return code or None


def score_unit(name: str, records: list[dict], found: dict[str, list[dict]], verbose: bool,
               errors: bool = False) -> None:
    t = Tally()
    for r in records:
        gold = [{"code": g["eventcode"], "source": actor(g.get("sourcecode")), "target": actor(g.get("targetcode"))}
                for g in r["events"] if "eventcode" in g]
        system = [dict(s, source=actor(s["source"]), target=actor(s["target"])) for s in found.get(r["id"], [])]
        t.add("gold", len(gold))
        t.add("system", len(system))

        def agree(s, g):
            return (s["code"][:2] == g["code"][:2], s["source"] == g["source"], s["target"] == g["target"])

        pairs = match(system, gold, agree)
        t.add("detected", len(pairs))
        for s, g in pairs:
            if quad(g["code"]) is not None and len(g["code"]) >= 3 and g["code"][:3] not in {"212", "223", "345"}:
                t.add("root_n")
                t.add("root_ok", s["code"][:2] == g["code"][:2])
        gt = [(g["source"], g["target"], g["code"][:2]) for g in gold]
        st = [(s["source"], s["target"], (s["code"] or "")[:2]) for s in system]
        t.add("tuple_hit", sum(1 for a, b in match(st, gt, lambda a, b: a == b) if a == b))
        t.add("dyad_hit", sum(1 for a, b in match([x[:2] for x in st], [x[:2] for x in gt], lambda a, b: a == b)
                              if a == b))
        if errors and name == "newsgraph":
            _list_errors(r["id"], r["text"], [x[:2] for x in st], [x[:2] for x in gt], [s.get("text") for s in system])
        if verbose and name == "newsgraph" and len(pairs) < len(gold):
            print(f"  {r['id']} gold {[(g['source'], g['code'], g['target']) for g in gold]} "
                  f"got {[s.get('text', s['code']) for s in system]} | {r['text'][:100]}")
    print(f"  {name:<10} detection P {t.ratio('detected', 'system')}  R {t.ratio('detected', 'gold')}   "
          f"root {t.ratio('root_ok', 'root_n')}   (source, target, root) {t.f1('tuple_hit', 'system', 'tuple_hit', 'gold')}"
          f"   (source, target) {t.f1('dyad_hit', 'system', 'dyad_hit', 'gold')}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", type=Path, help="the events eval folder (shared/eval/events)")
    parser.add_argument("--petrarch", type=Path, default=None, help="the PETRARCH2 peer folder (shared/peers/petrarch2)")
    parser.add_argument("--python2", default=PY2)
    parser.add_argument("--verbose", action="store_true", help="print the sentences missed or miscoded")
    parser.add_argument("--errors", action="store_true",
                        help="list each sentence's wrong and missing tuples (PLOVER: source, target, category; "
                             "unit tests: source, target) with its text")
    args = parser.parse_args()
    score_plover(args.folder, args.verbose, args.errors)
    records = [r for r in unit_records(args.folder)]
    with tempfile.TemporaryDirectory() as tmp:
        convert_user_dictionaries(args.folder / "dictionaries-validate" / "PETR.Validate.actors.txt",
                                  args.folder / "dictionaries-validate" / "PETR.Validate.agents.txt", Path(tmp))
        add_reference_dir(tmp)
        ours, spent, n = code_sentences(records)
    print("\n(the unit tests' gold codes come from PETRARCH's validation verb dictionary, mostly WEIS: newsgraph codes\n"
          " with CAMEO 2.0, so its root and tuple figures there measure agreement with WEIS, not CAMEO; see SOURCE.txt)")
    print(f"\nPETRARCH unit-test records ({len(records)} sentences, {sum(len(r['events']) for r in records)} gold events; "
          "newsgraph with its bundled dictionaries plus the validation actors/agents):")
    score_unit("newsgraph", records, ours, args.verbose, args.errors)
    if args.petrarch:
        peer = run_petrarch(args.petrarch, args.folder, records, args.python2)
        score_unit("PETRARCH2", records, peer, False)


if __name__ == "__main__":
    main()
