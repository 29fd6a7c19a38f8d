"""Who did what to whom: triggers fired on the parse, with source, target, modality, date.

Each verb the house table or the CAMEO dictionary codes (``triggers``) is one action;
its subject phrases are the sources (one event each: "Israel and the Palestinians
agreed" is two) and its object or prepositional actor the target (``participants``),
each coded to a CAMEO actor (``actors``). A verb under a verb of intent, threat or refusal
is coded as that ("agreed to share", "threatened to attack": ``modality``); a purpose
clause belongs to its head's event ("summoned the ambassador to protest"); a reporting
verb is no event of its own when its complement holds one ("X said it will support Y");
relative, adverbial and participial clauses are background, not events, when the main
clause holds one.
An event whose actors code to nothing is kept, with no actor code.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from newsgraph.extract.common.ents import entities_in
from newsgraph.extract.common.mention_index import MentionIndex
from newsgraph.extract.common.paragraphs import break_between
from newsgraph.extract.events.actors import Actor, ActorCoder
from newsgraph.extract.events.context import needs_country, with_country
from newsgraph.extract.events.dates import resolve_date
from newsgraph.extract.events.modality import (COMMITMENTS, DEFAULT_STANCE_CODE, STANCE_HEADS, head_stance,
                                               modality, obliged, own_stance, said_by_noun, shifted)
from newsgraph.extract.events.participants import (noun_participants, origin, quoted_as, sources, target,
                                                    with_conjuncts)
from newsgraph.extract.events.triggers import Coding, code_token
from newsgraph.records import Article, Event, Modality
from newsgraph.reference import actors as agents
from newsgraph.reference import cameo

FRAME_DEPS = {"ccomp", "parataxis"}
SUBORDINATE_DEPS = {"relcl", "advcl", "acl", "pcomp"}
MODIFIER_DEPS = {"acl", "amod", "compound", "nmod", "pobj", "dobj", "nsubj"}
MAX_EVIDENCE = 400
SCENE_PREPS = {"in", "at", "inside"}
# appeals, intents, demands, rejections and threats: what they ask for or refuse is not an event of its own
CONTENT_ROOTS = {"02", "03", "10", "12", "13"}


@dataclass
class _Action:
    tok: Token
    code: str
    reciprocal: str
    coding: Coding
    stance: str | None = None


def find_events(article: Article, doc: Doc, mentions: list) -> list[Event]:
    """Every coded event; spans are offsets into ``article.text``."""
    coder = ActorCoder(MentionIndex(mentions), article.published)
    events: list[Event] = []
    for sent in doc.sents:
        actions = _actions(sent)
        actions = [a for a in actions if not (a.code[:2] == "01" and _frames(a.tok))]
        actions = [a for a in actions if not _content(a, actions)]
        # "issued a reminder to Iraq that it must cooperate": the demand is the event, issuing its frame
        framing = {a.tok.head.head.i for a in actions if a.stance == "demand" and said_by_noun(a.tok)}
        actions = [a for a in actions if a.tok.i not in framing]
        main = [a for a in actions if not _subordinate(a.tok)]
        if any(a.code[:2] != "01" for a in main):
            actions = main  # background clauses: "after crowds trashed its embassy", "the plan that will allow"
        for action in actions:
            events.extend(_events(article, action, coder))
    return _merged(events)


def _actions(sent) -> list[_Action]:
    """The coded actions of a sentence, with intent, threat, refusal and demand folded into one code."""
    coded = {}
    for tok in sent:
        coding = code_token(tok)
        if coding is not None:
            coded[tok.i] = coding
    actions = []
    for tok in sent:
        coding = coded.get(tok.i)
        lemma = tok.lemma_.lower()
        stance_head = _stance_head(tok)
        if coding is not None and stance_head is not None:
            kind = head_stance(stance_head)  # "agreed to share", "threatened to attack", "promised to … and establish"
            code = shifted(coding.code, kind)
            actions.append(_Action(tok, code, coding.reciprocal if code == coding.code else "", coding, kind))
            continue
        xcomp = next((c for c in tok.children if c.dep_ == "xcomp"), None)
        if lemma in STANCE_HEADS and tok.dep_ == "xcomp" and tok.head.lemma_.lower() in STANCE_HEADS:
            continue  # "refused to commit to …": the outer stance is the event
        if lemma in STANCE_HEADS and (xcomp is not None or lemma in COMMITMENTS):
            if xcomp is not None and any(t.i in coded for t in _with_conjuncts(xcomp)):
                continue  # the complement's event carries the stance
            kind = head_stance(tok)
            default = DEFAULT_STANCE_CODE.get(kind or "")
            if default is not None:
                code = coding.code if coding is not None and coding.code[:2] == default[:2] else default
                actions.append(_Action(tok, code, "", coding or Coding(code, "", "VERB", "forward", None), kind))
                continue
        if tok.dep_ in FRAME_DEPS and obliged(tok):
            demand = Coding("100", "", "VERB", "forward", None)
            actions.append(_Action(tok, "100", "", demand, "demand"))  # "X said Y must drop its barriers"
            continue
        if coding is None:
            continue
        if _purpose(tok) and tok.head.i in coded and tok.head.lemma_.lower() not in STANCE_HEADS:
            continue  # a purpose clause: "summoned the ambassador to protest" is one event
        kind = own_stance(tok)
        code = "100" if kind == "demand" else shifted(coding.code, kind)
        actions.append(_Action(tok, code, coding.reciprocal if code == coding.code else "", coding, kind))
    return actions


def _shared(tok: Token) -> bool:
    """ "Gondor and Osgiliath have postponed their meeting": what coordinated actors do with "their"
    thing they do with each other."""
    for node in (tok, *(c for c in tok.children if c.dep_ == "xcomp")):
        for c in node.children:
            if c.dep_ == "dobj" and any(g.dep_ == "poss" and g.lower_ == "their" for g in c.children) \
                    and agents.agent_code(c.lemma_.lower()) is None:
                return True  # not "warned their populations": each its own
    return False


def _stance_head(tok: Token) -> Token | None:
    """The verb of intent, threat or refusal whose open complement ``tok`` is, or one of whose
    coordinated complements it is ("promised to democratize Serbia and establish the rule of law")."""
    node = tok
    while node.dep_ == "conj" and node.head.i != node.i and node.head.pos_ in {"VERB", "AUX"}:
        node = node.head
    if node.dep_ == "xcomp" and node.head.lemma_.lower() in STANCE_HEADS:
        return node.head
    return None


def _with_conjuncts(tok: Token) -> list[Token]:
    out, stack = [], [tok]
    while stack:
        t = stack.pop()
        out.append(t)
        stack.extend(c for c in t.children if c.dep_ == "conj" and c.pos_ in {"VERB", "AUX"})
    return out


def _content(action: _Action, actions: list[_Action]) -> bool:
    """Whether the action is what another one asks for, refuses or threatens ("demanded that Israel
    ease restrictions", "demands to release prisoners", "threatened to shell towns where 100 people
    were killed"): the request is the event, its content is not one of its own."""
    askers = {a.tok.i for a in actions if a is not action and a.code[:2] in CONTENT_ROOTS}
    node = action.tok
    while node.head.i != node.i and node.dep_ not in {"conj", "parataxis"}:
        node = node.head
        if node.i in askers:
            return True
    return False


def _subordinate(tok: Token) -> bool:
    """Whether the trigger sits in a relative, adverbial or participial clause: CAMEO codes the
    sentence's main events, and such clauses tell their background."""
    node = tok
    while node.head.i != node.i:
        if node.dep_ in SUBORDINATE_DEPS and not said_by_noun(node):
            return True
        node = node.head
    return False


def _purpose(tok: Token) -> bool:
    """ "summoned the ambassador to protest": an infinitive after its head's object."""
    return (tok.dep_ in {"xcomp", "advcl"} and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
            and any(c.dep_ == "dobj" for c in tok.head.children))


def _frames(tok: Token) -> bool:
    """Whether a statement verb only frames what is stated ("X said it will support Y", "…, X said"):
    the statement's content is the event, coded or not; so does "X was quoted as saying" its saying."""
    return any(c.dep_ in FRAME_DEPS for c in tok.children) or tok.dep_ in FRAME_DEPS or quoted_as(tok) is not None


def _events(article: Article, action: _Action, coder: ActorCoder) -> list[Event]:
    tok, coding = action.tok, action.coding
    if coding.pos == "NOUN":
        acting, tgt = noun_participants(tok, action.code, coder)
        found = [(a, tgt) for a in acting] or [(None, tgt)]
    elif coding.direction == "reverse":
        giver = origin(tok, coder)
        receivers = sources(tok, coder)
        found = [(giver, r) for r in receivers] or [(giver, None)]
    elif action.stance == "demand" and tok.head.i != tok.i:
        speaker = tok.head.head if tok.head.pos_ == "NOUN" else tok.head  # "issued a reminder that Y must"
        acting = sources(speaker, coder)  # "X said that Y must Z": X demands of Y
        demanded = [a for a in sources(tok, coder) if a.known]
        if not demanded and speaker is not tok.head:
            addressed = target(speaker, coding, coder, {a.text for a in acting})
            demanded = [addressed] if addressed is not None else []
        found = [(a, demanded[0] if demanded else None) for a in acting]
    else:
        acting = sources(tok, coder) or _authority(tok, action.code, coder)
        texts = {a.text for a in acting}
        tgt = target(tok, coding, coder, texts)
        if tgt is None and len(acting) > 1 and _shared(tok):
            found = [(a, b) for a in acting for b in acting if a is not b]  # "X and Y postponed their meeting"
        elif coding.direction == "mutual" and tgt is None and len(acting) > 1:
            found = [(acting[0], acting[1])]
        else:
            tgts = with_conjuncts(tok, tgt, coder, texts)
            found = [(a, t) for a in acting for t in tgts] or [(None, t) for t in tgts]
        if not acting and tok.dep_ in MODIFIER_DEPS:
            return []  # "the roads leading into Mordor": a participle describing a thing
    out: list[Event] = []
    mod = modality(tok)
    start, end = _evidence(tok)
    date = _date(tok, article.published, mod)
    for source, tgt in found:
        if not (source is not None and source.known) and not (tgt is not None and tgt.known):
            continue  # neither side is anything that can act
        if needs_country(source):
            source = with_country(source, tok, coder)
        if needs_country(tgt):
            tgt = with_country(tgt, tok, coder)
        if source is not None and tgt is not None and (source.name or source.code, source.code) == (tgt.name or tgt.code, tgt.code):
            continue
        if source is not None and tgt is not None and _same_actor(source, tgt):
            tgt = None  # "Russia highlighted the partnership between Moscow and …": no self-directed event
        if action.code:
            out.append(_event(article, action.code, source, tgt, start, end, date, mod))
        if action.reciprocal and tgt is not None and not _where(tgt, tok.doc):
            out.append(_event(article, action.reciprocal, tgt, source, start, end, date, mod))
    return out


def _event(article: Article, code: str, source: Actor | None, tgt: Actor | None, start: int, end: int,
           date: str | None, mod: Modality) -> Event:
    facts = cameo.lookup(code)
    return Event(
        article=article.id, actor=source.name if source else None, cameo=code,
        action=facts.label if facts else code, target=tgt.name if tgt else None, start=start, end=end,
        evidence=article.text[start:end], date=date, modality=mod,
        actor_text=source.text if source else None, actor_code=source.code if source else None,
        target_text=tgt.text if tgt else None, target_code=tgt.code if tgt else None,
        root=code[:2], quad_class=facts.quad_class if facts else None,
        goldstein=facts.goldstein if facts else None, plover=(facts.plover or None) if facts else None)


def _authority(tok: Token, code: str, coder: ActorCoder) -> list[Actor]:
    """Who arrests, detains or expels in an agentless passive: the state it happens in ("a missionary
    was arrested in Lebanon" is Lebanon arresting him), as coders read such reports."""
    if code[:2] != "17" or not any(c.dep_ == "nsubjpass" for c in tok.children) \
            or any(c.dep_ == "agent" for c in tok.children):
        return []
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in SCENE_PREPS:  # not "deported to Iran": that is where to
            for g in c.children:
                if g.dep_ == "pobj" and g.ent_type_ in {"GPE", "LOC"}:
                    found = coder.of_phrase(g)
                    if found.country is not None:
                        return [found]
    return []


def _where(actor: Actor, doc: Doc) -> bool:
    """A target that is where the event happened ("declared a ceasefire in south Lebanon"): a place
    does not answer in kind."""
    if actor.head < 0:
        return False
    head = doc[actor.head]
    return head.dep_ == "pobj" and head.head.lower_ in {"in", "at", "near", "inside", "outside"}


def _same_actor(source: Actor, tgt: Actor) -> bool:
    """One actor on both sides: the same country in the same role, a bare country counting as its
    government ("Russia" and "Moscow"); "Croatia" and "Croatian extremists" are two."""
    if not source.name or source.name != tgt.name:
        return False
    if source.country is None or source.country != tgt.country:
        return True
    return (source.code[3:] or "GOV") == (tgt.code[3:] or "GOV")


def _merged(events: list[Event]) -> list[Event]:
    """One event per (actor, code, target, evidence): a verb and its noun twin are one action; targets
    no name tells apart ("Gondor", "Osgiliath" in no gazetteer) are told apart by their codes."""
    seen: set[tuple] = set()
    out = []
    for e in events:
        key = (e.actor_text, e.actor, e.cameo, e.target, e.target_code, e.start)
        if key not in seen:
            seen.add(key)
            out.append(e)
    return out


def _date(tok: Token, published: str | None, mod: Modality) -> str | None:
    """The date phrase attached to the trigger (within three dependency steps), resolved."""
    for ent in entities_in(tok.sent):
        if ent.label_ not in {"DATE", "TIME"}:
            continue
        node = ent.root
        for _ in range(3):
            if node.head.i == node.i:
                break
            node = node.head
            if node.i == tok.i:
                return resolve_date(ent.text, published, future=mod == "future")
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
