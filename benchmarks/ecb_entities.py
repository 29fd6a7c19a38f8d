"""The ECB+ entity metric of ../shared/eval/story-events/SOURCE.txt (ENTITIES section).

Used by ``score_entities.py``. Each document becomes an Article (first line the title, one
paragraph a line); newsgraph finds its entities, the corpus resolution step links them
across documents, and the result is scored against the gold named mentions:

(a) named-mention P/R/F1, exact span and one-to-one overlap, type-blind and per type
    (PERSON -> PER, ORG/OUTLET -> ORG, GPE/LOC/FAC -> LOC; NORP, demonyms, pronouns and
    titles left out of the predictions);
(b) type accuracy on the overlap-matched mentions;
(c) B-cubed and MUC over the gold named mentions the system detected, system cluster = its
    entity id, across the whole split;
(d) the same clusters for two baselines on the same mentions: same normalised surface and
    same last token (of the system's mention);
and B-cubed over all gold person mentions (pronouns and nominals too) the system detected
with any of its mentions. Every figure is given over all sentences and over the selected
sentences (the headline figure).
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from newsgraph.records import Article, Mention

TYPES = {"PERSON": "PER", "ORG": "ORG", "OUTLET": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}
LEFT_OUT_KINDS = {"pronoun", "title", "demonym"}


@dataclass
class EcbDoc:
    doc: str
    topic: int
    text: str
    gold: list[dict]
    selected: list[tuple[int, int]]
    article: Article | None = None
    line_shift: list[tuple[int, int]] = field(default_factory=list)  # (article offset of line, original offset)


def load(dev: Path, entities: Path) -> list[EcbDoc]:
    gold = {}
    for line in entities.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        gold[row["doc"]] = row
    docs = []
    for line in dev.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        g = gold.get(row["doc"], {"mentions": [], "selected": []})
        docs.append(EcbDoc(row["doc"], row["topic"], row["text"], g["mentions"], [tuple(s) for s in g["selected"]]))
    return docs


def to_article(d: EcbDoc) -> Article:
    """First line the title, the others paragraphs; remembers where each line moved to."""
    lines = d.text.split("\n")
    at_original = at_article = 0
    for line in lines:
        d.line_shift.append((at_article, at_original))
        at_original += len(line) + 1
        at_article += len(line) + 2
    d.article = Article(id=d.doc, origin=d.doc, title=lines[0], paragraphs=lines[1:])
    assert d.article.text.replace("\n\n", "\n") == d.text
    return d.article


def to_original(d: EcbDoc, offset: int) -> int:
    """An offset into the article text mapped back to the ECB+ text."""
    for article_at, original_at in reversed(d.line_shift):
        if offset >= article_at:
            return original_at + offset - article_at
    return offset


def surface_key(text: str) -> str:
    text = text.replace("’", "'")
    text = re.sub(r"'s?$", "", text.strip())
    text = re.sub(r"^(the|a|an)\s+", "", text, flags=re.IGNORECASE)
    return re.sub(r"[^\w]+", " ", text.lower()).strip()


def last_token(text: str) -> str:
    words = surface_key(text).split()
    return words[-1] if words else ""


@dataclass
class Pred:
    start: int
    end: int
    text: str
    type: str  # PER ORG LOC, or "" when left out of the named predictions
    entity: str  # cluster id across the corpus
    named: bool


def predictions(d: EcbDoc, mentions: list[Mention], cluster_of) -> list[Pred]:
    out = []
    for m in mentions:
        entity = cluster_of(d.doc, m)  # "TYPE:name key", after resolution across articles
        type_ = entity.split(":", 1)[0]
        named = m.kind not in LEFT_OUT_KINDS and type_ in TYPES
        out.append(Pred(to_original(d, m.start), to_original(d, m.end), m.text, TYPES.get(type_, ""), entity, named))
    return out


def match(gold: list[dict], preds: list[Pred]) -> dict[int, int]:
    """One-to-one overlap matching, largest overlap first: gold index -> prediction index."""
    pairs = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(preds):
            overlap = min(g["end"], p.end) - max(g["start"], p.start)
            if overlap > 0:
                pairs.append((-overlap, gi, pi))
    pairs.sort()
    used_g, used_p, out = set(), set(), {}
    for _, gi, pi in pairs:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            out[gi] = pi
    return out


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def bcubed(items: list[tuple[str, str]]) -> tuple[float, float, float]:
    """B-cubed over (gold cluster, system cluster) pairs, one per item."""
    if not items:
        return 0.0, 0.0, 0.0
    gold_size = Counter(g for g, _ in items)
    sys_size = Counter(s for _, s in items)
    both = Counter(items)
    p = sum(both[i] / sys_size[i[1]] for i in items) / len(items)
    r = sum(both[i] / gold_size[i[0]] for i in items) / len(items)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def muc(items: list[tuple[str, str]]) -> tuple[float, float, float]:
    def score(key_index: int) -> float:
        clusters = defaultdict(list)
        for item in items:
            clusters[item[key_index]].append(item[1 - key_index])
        num = sum(len(c) - len(set(c)) for c in clusters.values())
        den = sum(len(c) - 1 for c in clusters.values())
        return num / den if den else 0.0
    r, p = score(0), score(1)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def inside(span: tuple[int, int], selected: list[tuple[int, int]]) -> bool:
    return any(s <= span[0] and span[1] <= e for s, e in selected)


def score(docs: list[EcbDoc], preds_of: dict[str, list[Pred]], selected_only: bool) -> dict:
    counts = Counter()
    per_type = Counter()
    named_items, surface_items, last_items, person_items = [], [], [], []
    for d in docs:
        keep = (lambda s: inside(s, d.selected)) if selected_only else (lambda s: True)
        gold_all = [g for g in d.gold if keep((g["start"], g["end"]))]
        preds_all = [p for p in preds_of[d.doc] if keep((p.start, p.end))]
        gold = [g for g in gold_all if g["named"]]
        preds = [p for p in preds_all if p.named]
        counts["gold"] += len(gold)
        counts["pred"] += len(preds)
        counts["exact"] += len({(g["start"], g["end"]) for g in gold} & {(p.start, p.end) for p in preds})
        matched = match(gold, preds)
        counts["overlap"] += len(matched)
        for gi, pi in matched.items():
            g, p = gold[gi], preds[pi]
            counts["typed"] += g["type"] == p.type
            named_items.append((g["instance"], p.entity))
            surface_items.append((g["instance"], surface_key(p.text)))
            last_items.append((g["instance"], last_token(p.text)))
        for t in ("PER", "ORG", "LOC"):
            gt = [g for g in gold if g["type"] == t]
            pt = [p for p in preds if p.type == t]
            per_type[t, "gold"] += len(gt)
            per_type[t, "pred"] += len(pt)
            per_type[t, "tp"] += len(match(gt, pt))
        gold_people = [g for g in gold_all if g["type"] == "PER"]
        for gi, pi in match(gold_people, preds_all).items():
            person_items.append((gold_people[gi]["instance"], preds_all[pi].entity))
    return {
        "exact": prf(counts["exact"], counts["pred"], counts["gold"]),
        "overlap": prf(counts["overlap"], counts["pred"], counts["gold"]),
        "types": {t: prf(per_type[t, "tp"], per_type[t, "pred"], per_type[t, "gold"]) for t in ("PER", "ORG", "LOC")},
        "type_accuracy": counts["typed"] / counts["overlap"] if counts["overlap"] else 0.0,
        "bcubed": bcubed(named_items), "muc": muc(named_items),
        "surface": bcubed(surface_items), "surface_muc": muc(surface_items),
        "last_token": bcubed(last_items), "last_token_muc": muc(last_items),
        "people_bcubed": bcubed(person_items),
        "gold": counts["gold"], "pred": counts["pred"], "detected": counts["overlap"],
    }


def report(name: str, s: dict) -> str:
    f = lambda t: f"P {t[0]:.3f} R {t[1]:.3f} F1 {t[2]:.3f}"  # noqa: E731
    lines = [
        f"ECB+ dev entities, {name}: {s['gold']} gold named mentions, {s['pred']} predicted, {s['detected']} detected",
        f"  named mentions, overlap: {f(s['overlap'])}   exact span: {f(s['exact'])}",
        "  per type (overlap): " + "   ".join(f"{t} F1 {v[2]:.3f} (P {v[0]:.3f} R {v[1]:.3f})" for t, v in s["types"].items()),
        f"  type accuracy {s['type_accuracy']:.3f}",
        f"  cross-document B-cubed: newsgraph {f(s['bcubed'])}   MUC F1 {s['muc'][2]:.3f}",
        f"       baseline same surface {f(s['surface'])}   MUC F1 {s['surface_muc'][2]:.3f}",
        f"       baseline same last token {f(s['last_token'])}   MUC F1 {s['last_token_muc'][2]:.3f}",
        f"  all person mentions with pronouns, B-cubed: {f(s['people_bcubed'])}",
    ]
    return "\n".join(lines)


def resolve_across(docs: list[EcbDoc], results: dict) -> dict[tuple[str, str], str]:
    """The corpus resolution step over the whole split (no stories: ECB+ gives no dates).
    ``results`` maps doc -> (mentions, entities) from find_entities."""
    from newsgraph.corpus.resolve import ArticleEntities, EntityUse, link_across
    from newsgraph.reference.keys import entity_id

    articles = []
    for d in docs:
        mentions, entities = results[d.doc]
        uses: dict[str, EntityUse] = {}
        for e in entities:
            uses[entity_id(e.name, e.type)] = EntityUse(e.name, e.type, e.kb_id, 0, tuple(e.aliases))
        for m in mentions:
            if m.entity:
                use = uses.get(entity_id(m.entity, m.type))
                if use is not None:
                    use.mentions += 1
        articles.append(ArticleEntities(d.doc, uses))
    return {key: target.id for key, target in link_across(articles).items()}
