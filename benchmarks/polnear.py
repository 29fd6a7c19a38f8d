"""PolNeAR attribution relations and the metric newsgraph is judged by.

Reads ``polnear/<split>/{text,attributions}`` (brat standoff; the first annotator's file by
name when several exist) and scores predicted quotes as
``../shared/eval/attribution/SOURCE.txt`` defines:

- tokens are runs of ``\\w`` characters; a gold content is its Content (+ Content2) spans;
- each prediction is assigned to the gold content it overlaps most (in tokens); a gold
  content is found when the predictions assigned to it cover >= 50% of its tokens;
  precision = predictions assigned to a found content / all predictions; recall = found /
  all gold; "exact" asks the assigned predictions to cover the same tokens, no more, no less;
- "direct" gold contents contain a quotation mark (“ ” " ‘ or the NYT's '');
- speaker: for each found content with a Source, the best-overlapping prediction's speaker is
  right when its surface or its entity equals the Source after normalisation or shares its
  head word (last word before a preposition, per part split at commas / "and"; a parenthesis
  such as "(D-Nev.)" and a suffix such as "III" are not part of a name). A pronoun
  Source counts as right when the resolved entity is the person the article names for it,
  read here as the nearest earlier gold Source whose head word is a capitalised name.

This module knows nothing of newsgraph: predictions are ``Prediction`` records.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

WORD = re.compile(r"\w+")
DIRECT_MARKS = ("“", "”", '"', "‘", "''")
PREPOSITIONS = {"of", "for", "at", "in", "from", "with", "on", "to", "by", "about", "as", "under", "over",
                "within", "inside", "near", "during", "after", "before", "who", "which", "that"}
PRONOUNS = {"he", "she", "they", "i", "we", "him", "her", "them", "it", "you", "his", "its", "their", "me", "us",
            "himself", "herself", "themselves", "who"}
SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}
DETERMINERS = {"the", "a", "an", "mr", "mrs", "ms", "dr"}


@dataclass
class Relation:
    content: list[tuple[int, int]]
    source: list[tuple[int, int]]
    cue: list[tuple[int, int]]
    content_text: str
    source_text: str
    direct: bool
    expected_speaker: str | None = None  # for a pronoun source: the name the article gives it


@dataclass
class Article:
    name: str
    text: str
    relations: list[Relation]


@dataclass
class Prediction:
    start: int
    end: int
    speaker: str | None = None
    speaker_entity: str | None = None
    direct: bool = True
    extra: dict = field(default_factory=dict)


def load_split(root: Path, split: str, limit: int | None = None) -> list[Article]:
    """Articles of one split in file-name order, each with the first annotator's relations."""
    base = root / "polnear" / split if (root / "polnear").is_dir() else root / split
    articles = []
    for path in sorted((base / "text").glob("*.txt"))[:limit]:
        text = path.read_text(encoding="utf-8")
        anns = sorted(p for p in (base / "attributions").glob(f"{path.stem}_*.ann")
                      if re.fullmatch(re.escape(path.stem) + r"_[^_]+\.ann", p.name))
        relations = parse_ann(anns[0].read_text(encoding="utf-8"), text) if anns else []
        articles.append(Article(path.stem, text, relations))
    return articles


def _spans(field_text: str) -> list[tuple[int, int]]:
    return [(int(a), int(b)) for a, b in (part.split() for part in field_text.split(";"))]


def parse_ann(ann: str, text: str) -> list[Relation]:
    spans: dict[str, tuple[str, list[tuple[int, int]]]] = {}
    events: list[dict[str, list[str]]] = []
    for line in ann.splitlines():
        if "\t" not in line:  # the rest of a span text that holds a line break
            continue
        if line.startswith("T"):
            tid, middle, *_ = line.split("\t")
            kind, _, offsets = middle.partition(" ")
            spans[tid] = (kind, _spans(offsets))
        elif line.startswith("E"):
            _, args = line.split("\t")[:2]
            roles: dict[str, list[str]] = {}
            for arg in args.split():
                role, _, tid = arg.partition(":")
                roles.setdefault(re.sub(r"\d+$", "", role), []).append(tid)
            events.append(roles)
    relations = []
    for roles in events:
        content = [s for t in roles.get("Content", []) if t in spans for s in spans[t][1]]
        if not content:
            continue
        source = [s for t in roles.get("Source", []) if t in spans for s in spans[t][1]]
        cue = [s for t in roles.get("Cue", []) if t in spans for s in spans[t][1]]
        content_text = " ".join(text[a:b] for a, b in content)
        relations.append(Relation(sorted(content), sorted(source), cue, content_text,
                                  " ".join(text[a:b] for a, b in sorted(source)),
                                  any(m in content_text for m in DIRECT_MARKS)))
    _expect_names(relations)
    return relations


def _expect_names(relations: list[Relation]) -> None:
    """A pronoun Source stands for the nearest earlier Source that is a name."""
    named = sorted((r.source[0][0], r.source_text) for r in relations
                   if r.source and not is_pronoun(r.source_text) and _names_someone(r.source_text))
    for r in relations:
        if r.source and is_pronoun(r.source_text):
            earlier = [t for s, t in named if s < r.source[0][0]]
            r.expected_speaker = earlier[-1] if earlier else None


def _names_someone(text: str) -> bool:
    """Whether a Source phrase is a name ("Sen. Marco Rubio"), not a description ("The Florida
    senator"): the head word of its first part is capitalised."""
    words = []
    for w in WORD.findall(re.split(r",|\band\b", text)[0]):
        if w.lower() in PREPOSITIONS:
            break
        words.append(w)
    words = [w for w in words if w.lower() != "s"]
    return bool(words) and words[-1][:1].isupper()


def is_pronoun(text: str) -> bool:
    return norm(text) in PRONOUNS


def tokens_in(spans: list[tuple[int, int]], words: list[tuple[int, int]]) -> set[int]:
    """Indices of the word tokens that share a character with any of ``spans``."""
    out: set[int] = set()
    for a, b in spans:
        out.update(i for i, (s, e) in enumerate(words) if s < b and a < e)
    return out


PARENTHESIS = re.compile(r"\([^)]*\)")  # "Harry M. Reid (D-Nev.)": party and state are not the name


def norm(text: str | None) -> str:
    words = [w.lower() for w in WORD.findall(PARENTHESIS.sub(" ", text or ""))]
    while words and words[0] in DETERMINERS:
        words = words[1:]
    return " ".join(words)


def heads(text: str | None) -> set[str]:
    """The head word of each part of a name phrase: last word before any preposition."""
    out = set()
    for part in re.split(r",|\band\b|&", PARENTHESIS.sub(" ", text or "")):
        words = []
        for w in WORD.findall(part):
            if w.lower() in PREPOSITIONS:
                break
            words.append(w.lower())
        while len(words) > 1 and words[-1] in SUFFIXES:
            words.pop()
        if words and words[-1] not in {"s"}:
            out.add(words[-1])
        elif len(words) > 1:
            out.add(words[-2])
    return out - DETERMINERS


def speaker_right(rel: Relation, pred: Prediction) -> bool:
    gold = rel.expected_speaker if is_pronoun(rel.source_text) else rel.source_text
    if not gold:
        return False
    candidates = [pred.speaker_entity] if is_pronoun(rel.source_text) else [pred.speaker, pred.speaker_entity]
    for c in candidates:
        if c and (norm(c) == norm(gold) or heads(c) & heads(gold)):
            return True
    return False


@dataclass
class Score:
    predictions: int = 0
    correct: int = 0
    correct_exact: int = 0
    gold: int = 0
    found: int = 0
    found_exact: int = 0
    with_source: int = 0
    found_with_source: int = 0
    speaker_right: int = 0

    def add(self, other: "Score") -> None:
        for k in self.__dataclass_fields__:
            setattr(self, k, getattr(self, k) + getattr(other, k))

    def prf(self, exact: bool = False) -> tuple[float, float, float]:
        c, f = (self.correct_exact, self.found_exact) if exact else (self.correct, self.found)
        p = c / self.predictions if self.predictions else 0.0
        r = f / self.gold if self.gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    @property
    def speaker_accuracy(self) -> float:
        return self.speaker_right / self.found_with_source if self.found_with_source else 0.0

    @property
    def end_to_end(self) -> float:
        return self.speaker_right / self.with_source if self.with_source else 0.0


def score_article(article: Article, predictions: list[Prediction], direct_only: bool = False,
                  misses: list | None = None, wrong: list | None = None) -> Score:
    """Score one article's predictions against its gold contents (all or direct only)."""
    words = [m.span() for m in WORD.finditer(article.text)]
    gold = [r for r in article.relations if r.direct or not direct_only]
    preds = [p for p in predictions if p.direct or not direct_only]
    gold_tokens = [tokens_in(r.content, words) for r in gold]
    assigned: list[list[tuple[Prediction, set[int]]]] = [[] for _ in gold]
    unassigned = []
    for p in preds:
        toks = tokens_in([(p.start, p.end)], words)
        best, overlap = None, 0
        for k, g in enumerate(gold_tokens):
            n = len(toks & g)
            if n > overlap:
                best, overlap = k, n
        if best is None:
            unassigned.append(p)
        else:
            assigned[best].append((p, toks))
    s = Score(predictions=len(preds), gold=len(gold))
    for k, rel in enumerate(gold):
        g = gold_tokens[k]
        covered = set().union(*(t & g for _, t in assigned[k])) if assigned[k] else set()
        union = set().union(*(t for _, t in assigned[k])) if assigned[k] else set()
        if rel.source:
            s.with_source += 1
        if not g or len(covered) * 2 < len(g):
            if misses is not None:
                misses.append((article, rel, [p for p, _ in assigned[k]]))
            continue
        s.found += 1
        s.correct += len(assigned[k])
        if union == g:
            s.found_exact += 1
            s.correct_exact += len(assigned[k])
        if rel.source:
            s.found_with_source += 1
            best = max(assigned[k], key=lambda pt: len(pt[1] & g))[0]
            if speaker_right(rel, best):
                s.speaker_right += 1
            elif wrong is not None:
                wrong.append((article, rel, best))
    if misses is not None:
        misses.extend((article, None, [p]) for p in unassigned)
    return s
