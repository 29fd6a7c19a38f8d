"""Who did what to whom: CAMEO triggers fired on the parse, with actor, target, modality, date.

A trigger word (``triggers``) fires on its verb or noun; the actor and target come from
its dependents and are mapped to countries or organisations (``actors``); modality from
negation, modal verbs and verbs of wanting; the date from a date phrase attached to the
trigger (``dates``).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from newsgraph.extract.common.mention_index import MentionIndex
from newsgraph.extract.common.paragraphs import break_between
from newsgraph.extract.events.actors import ActorResolver
from newsgraph.extract.events.dates import resolve_date
from newsgraph.extract.events.triggers import Trigger, match, place_of
from newsgraph.records import Article, Event, Mention, Modality

TARGET_PREPS = ("to", "with", "against", "on", "between", "from", "for")
HYPOTHETICAL_HEADS = {"want", "plan", "seek", "intend", "consider", "hope", "aim", "try", "threaten", "propose",
                      "offer", "expect", "wish", "prepare", "agree", "ask", "request", "urge", "call"}
DENYING_HEADS = {"deny", "refuse", "reject", "decline"}
MODALS = {"could", "would", "may", "might", "will", "shall", "should", "can", "must", "'ll", "wo", "ca"}
MAX_EVIDENCE = 400


def find_events(article: Article, doc: Doc, mentions: list[Mention]) -> list[Event]:
    """Every coded event with a resolved actor; spans are offsets into ``article.text``."""
    actors = ActorResolver(MentionIndex(mentions), article.published)
    events: list[Event] = []
    seen: dict[tuple, list[Event]] = {}
    for tok in doc:
        trigger = match(tok)
        if trigger is None:
            continue
        actor, target = _participants(tok, trigger, actors)
        if actor is None or actor == target:
            continue
        start, end = _evidence(tok)
        key = (actor, trigger.code, tok.sent.start)
        same = next((e for e in seen.get(key, []) if e.target is None or target is None or e.target == target), None)
        if same is not None:  # "summoned the ambassador to protest": one event
            same.target = same.target or target
            continue
        modality = _modality(tok)
        event = Event(article=article.id, actor=actor, cameo=trigger.code, action=trigger.label,
                            target=target, start=start, end=end, evidence=article.text[start:end],
                            date=_date(tok, article.published, modality), modality=modality)
        seen.setdefault(key, []).append(event)
        events.append(event)
    return events


def _participants(tok: Token, t: Trigger, actors: ActorResolver) -> tuple[str | None, str | None]:
    if t.pos == "NOUN":
        return _noun_participants(tok, t, actors)
    subject = _subject(tok)
    named = _named(subject, tok, actors) if subject is not None else []
    if t.direction == "reverse":
        return _origin(tok, actors), named[0] if named else None
    actor = named[0] if named else None
    target = _target(tok, t, actors)
    if t.direction == "mutual" and target is None:
        target = next((a for a in named[1:] if a != actor), None)
    return actor, target


def _subject(tok: Token) -> Token | None:
    for c in tok.children:
        if c.dep_ == "nsubj":
            if c.lower_ in {"who", "which", "that"} and tok.dep_ == "relcl":
                return tok.head
            return c
        if c.dep_ == "agent":
            return next((g for g in c.children if g.dep_ == "pobj"), None)
    if any(c.dep_ in {"nsubjpass", "expl"} for c in tok.children):
        return None  # passive without "by": the actor is not named
    if tok.dep_ in {"conj", "xcomp", "advcl"} and tok.head.pos_ in {"VERB", "AUX"}:
        return _subject(tok.head)  # "summoned X to protest", "signed and ratified"
    return None


def _named(subject: Token, tok: Token, actors: ActorResolver) -> list[str]:
    """Distinct actors of a subject phrase, its head first: "Russian leader Putin and North
    Korean leader Kim Jong Un" → [Russia, North Korea]. Clauses inside the phrase are skipped."""
    found = [_actor(tok, actors, subject)]
    stack = list(subject.children)
    while stack:
        t = stack.pop(0)
        if t.dep_ in {"relcl", "acl", "ccomp", "advcl", "prep"} or break_between(tok.doc, t.i, tok.i):
            continue
        m = actors.mentions.on_token(t)
        if m is not None:
            found.append(actors.of_mention(m, t))
        stack.extend(t.children)
    out: list[str] = []
    for a in found:
        if a and a not in out:
            out.append(a)
    return out


def _actor(trigger: Token, actors: ActorResolver, tok: Token) -> str | None:
    """The actor ``tok`` stands for, unless the parse linked it to the trigger across a paragraph break."""
    return None if break_between(trigger.doc, tok.i, trigger.i) else actors.of_token(tok)


def _target(tok: Token, t: Trigger, actors: ActorResolver) -> str | None:
    place = place_of(tok)
    if place is not None and "place" in t.objects:
        return _actor(tok, actors, place)
    by_prep = {c.lower_: c for c in tok.children if c.dep_ in {"prep", "dative"}}
    for prep in TARGET_PREPS:
        if prep in by_prep:
            for g in by_prep[prep].children:
                if g.dep_ == "pobj":
                    found = _actor(tok, actors, g)
                    if found:
                        return found
    for c in tok.children:
        if c.dep_ in {"dative", "iobj", "dobj"}:
            found = _actor(tok, actors, c)
            if found:
                return found
    return None


def _origin(tok: Token, actors: ActorResolver) -> str | None:
    """Who gave what the subject received: "from X", or X in "X's shells" / "North Korean shells"."""
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "from":
            for g in c.children:
                if g.dep_ == "pobj":
                    return _actor(tok, actors, g)
    for c in tok.children:
        if c.dep_ == "dobj":
            for g in c.subtree:
                m = actors.mentions.on_token(g)
                if m is not None and m.type in {"GPE", "NORP", "ORG"} and m.entity:
                    return m.entity
    return None


def _noun_participants(tok: Token, t: Trigger, actors: ActorResolver) -> tuple[str | None, str | None]:
    """ "Putin's visit to North Korea", "the provision of Russian weapons to Pyongyang",
    "the meeting between Putin and Kim"."""
    actor = target = None
    for c in tok.children:
        if c.dep_ == "poss" or (c.dep_ in {"amod", "compound"} and actors.mentions.on_token(c)):
            actor = actor or _actor(tok, actors, c)
        if c.dep_ == "prep" and c.lower_ == "by":
            actor = actor or next((_actor(tok, actors, g) for g in c.children if g.dep_ == "pobj"), None)
        if c.dep_ == "prep" and c.lower_ == "of" and t.code.startswith("07"):
            for g in c.subtree:
                m = actors.mentions.on_token(g)
                if actor is None and m is not None and m.type in {"GPE", "NORP"}:
                    actor = m.entity
        if c.dep_ == "prep" and c.lower_ in {"to", "in", "on", "against", "with"}:
            target = target or next((_actor(tok, actors, g) for g in c.children if g.dep_ == "pobj"), None)
        if c.dep_ == "prep" and c.lower_ == "between":
            pair = [g for g in c.children if g.dep_ == "pobj"]
            pair += [x for p in pair for x in p.children if x.dep_ == "conj"]
            named = [a for a in (_actor(tok, actors, p) for p in pair) if a]
            if named:
                actor = actor or named[0]
                target = target or next((a for a in named[1:] if a != actor), None)
    return actor, target


def _modality(tok: Token) -> Modality:
    """denied: negated or under "deny"; hypothetical: under a modal or a verb of wanting/planning."""
    if tok.dep_ in {"nsubj", "nsubjpass"} and any(c.dep_ == "aux" and c.lower_ in MODALS for c in tok.head.children):
        return "hypothetical"  # "the provision of weapons would destabilize …"
    node = tok
    for _ in range(3):
        children = list(node.children)
        if any(c.dep_ == "neg" for c in children):
            return "denied"
        if node.lemma_.lower() in DENYING_HEADS and node is not tok:
            return "denied"
        if any(c.dep_ == "aux" and c.lower_ in MODALS for c in children) or any(c.dep_ == "mark" and c.lower_ == "if" for c in children):
            return "hypothetical"
        if node is not tok and node.lemma_.lower() in HYPOTHETICAL_HEADS:
            return "hypothetical"
        if node.dep_ not in {"xcomp", "conj", "acl", "pobj", "prep", "pcomp", "dobj"} or node.head is node:
            break
        node = node.head
    return "reported"


def _date(tok: Token, published: str | None, modality: Modality) -> str | None:
    """The date phrase attached to the trigger (within three dependency steps), resolved."""
    for ent in tok.sent.ents:
        if ent.label_ not in {"DATE", "TIME"}:
            continue
        node = ent.root
        for _ in range(3):
            if node.head is node:
                break
            node = node.head
            if node.i == tok.i:
                future = any(c.lower_ in {"will", "'ll", "shall"} for c in tok.children)
                return resolve_date(ent.text, published, future=future)
    return None


def _evidence(tok: Token) -> tuple[int, int]:
    """The trigger's phrase: its subtree, within its paragraph, at most MAX_EVIDENCE characters."""
    doc = tok.doc
    tokens = [t for t in tok.subtree if not t.is_space and not break_between(doc, t.i, tok.i)]
    first, last = tokens[0], tokens[-1]
    while last.is_punct and last.i > tok.i:
        last = doc[last.i - 1]
    start, end = first.idx, last.idx + len(last.text)
    if end - start > MAX_EVIDENCE:
        start = max(start, tok.idx - MAX_EVIDENCE // 2)
        end = min(end, tok.idx + MAX_EVIDENCE // 2)
    return start, end
