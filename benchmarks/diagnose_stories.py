"""List the largest wrong merges of story formation: predicted stories that mix gold stories.

Reclusters an ingested evaluation set (``score_stories.py --db-dir``) in one batch with the
defaults, recording which step joined what: the single pass and its reconsideration
(``assign``) and the merge of stories (``merge``). Prints, largest precision loss first,
each predicted story holding more than one gold story: its gold parts, how they lay in the
stories ``assign`` left ("after assign: 40+27; 21+15" is two stories already mixed before
any merge) and a few titles of each part; then each merge that joined two stories of
different gold stories, with the names they shared.

    python benchmarks/diagnose_stories.py /tmp/stories/headlines.db [--top 15]
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from score_stories import gold_and_pred, recluster, scores  # noqa: E402

from newsgraph.corpus.stories import update as story_update  # noqa: E402
from newsgraph.corpus.stories.index import StoryIndex  # noqa: E402
from newsgraph.store.sqlite import connect  # noqa: E402


class Recorder(StoryIndex):
    """A story index that remembers its members and the merges it made."""

    log: list[dict] = []
    pieces: dict[str, list[str]] = {}  # the stories after the single pass and its reconsideration

    def assign(self, members):  # noqa: ANN001, ANN201
        where = super().assign(members)
        self.members: dict[str, list[str]] = {}
        for aid, sid in where.items():
            self.members.setdefault(sid, []).append(aid)
        Recorder.pieces = {sid: list(aids) for sid, aids in self.members.items()}
        return where

    def merge(self, touched):  # noqa: ANN001, ANN201
        original = self.merge_partner

        def partner(story):  # noqa: ANN001, ANN202
            other = original(story)
            if other is not None:
                Recorder.log.append({"a": list(self.members.get(story.id, [])), "b": list(self.members.get(other.id, [])),
                                     "a_names": sorted(story.surnames()), "b_names": sorted(other.surnames()),
                                     "a_main": sorted(story.main_participants()),
                                     "b_main": sorted(other.main_participants())})
                keep, drop = (story, other) if (story.size, other.id) > (other.size, story.id) else (other, story)
                self.members.setdefault(keep.id, []).extend(self.members.pop(drop.id, []))
            return other

        self.merge_partner = partner  # type: ignore[method-assign]
        try:
            return super().merge(touched)
        finally:
            del self.merge_partner


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db", type=Path)
    parser.add_argument("--top", type=int, default=15)
    parser.add_argument("--titles", type=int, default=3)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="diagnose-stories-"))
    copy = work / "copy.db"
    shutil.copyfile(args.db, copy)
    conn = connect(copy)
    ids = [r[0] for r in conn.execute("SELECT id FROM articles ORDER BY id")]
    conn.close()
    story_update.StoryIndex = Recorder  # type: ignore[misc]
    recluster(copy, ids, len(ids), None)
    conn = connect(copy)
    rows = {r["id"]: (json.loads(r["metadata"])["extra"]["story"], r["title"] or r["text"][:90], r["story"])
            for r in conn.execute("SELECT id, title, text, metadata, story FROM articles")}
    gold, pred = gold_and_pred(conn)
    conn.close()
    s = scores(gold, pred)
    print(f"{args.db.name}: P={s['P']:.3f} R={s['R']:.3f} F1={s['F1']:.3f} stories={s['stories']}")
    gold_size = Counter(g for g, _, _ in rows.values())

    by_pred: dict[str, list[str]] = {}
    for aid, (_, _, sid) in rows.items():
        by_pred.setdefault(sid, []).append(aid)
    mixed = []
    for sid, aids in by_pred.items():
        parts = Counter(rows[a][0] for a in aids)
        if len(parts) > 1:
            n = len(aids)  # B-cubed precision loss: members not of one's own gold, summed over members
            loss = sum(c * (n - c) for c in parts.values()) / n
            mixed.append((loss, sid, parts, aids))
    mixed.sort(key=lambda x: -x[0])
    print(f"\n{len(mixed)} predicted stories mix gold stories; largest precision loss first")
    for loss, sid, parts, aids in mixed[: args.top]:
        print(f"\n- {sid}: {len(aids)} articles, loss {loss:.1f}, gold parts "
              + ", ".join(f"{c}/{gold_size[g]}" for g, c in parts.most_common()))
        piece_of = {a: sid for sid, members in Recorder.pieces.items() for a in members}
        pieces = Counter(piece_of.get(a) for a in aids)
        print("    after assign: " + "; ".join(
            "+".join(f"{c}" for _, c in Counter(rows[a][0] for a in aids if piece_of.get(a) == p).most_common())
            for p, _ in pieces.most_common(8)))
        for g, c in parts.most_common(6):
            titles = sorted({rows[a][1] for a in aids if rows[a][0] == g})[: args.titles]
            print(f"    [{c}] " + " | ".join(t.replace("\n", " ")[:80] for t in titles))

    print("\nmerges joining different gold stories (by the smaller side's size)")
    wrong = []
    for rec in Recorder.log:
        ga, gb = Counter(rows[a][0] for a in rec["a"]), Counter(rows[a][0] for a in rec["b"])
        if ga and gb and ga.most_common(1)[0][0] != gb.most_common(1)[0][0]:
            wrong.append((min(len(rec["a"]), len(rec["b"])), rec, ga, gb))
    print(f"{len(wrong)} of {len(Recorder.log)} merges")
    for size, rec, ga, gb in sorted(wrong, key=lambda x: -x[0])[: args.top]:
        shared = sorted(set(rec["a_names"]) & set(rec["b_names"]))
        ta = rows[rec["a"][0]][1].replace("\n", " ")[:60]
        tb = rows[rec["b"][0]][1].replace("\n", " ")[:60]
        print(f"- {len(rec['a'])} ({ta}) + {len(rec['b'])} ({tb}); shared names {shared[:8]}; "
              f"main {rec['a_main']} / {rec['b_main']}")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
