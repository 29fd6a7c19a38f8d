"""Modality of an event, and the CAMEO code a statement of intent, a threat or a refusal takes.

reported: it happened as told. future: "will sign". hypothetical: under a modal, "if", or
a verb of wanting or planning ("plans to visit"). denied: negated ("did not attack") or
under "deny". CAMEO codes intentions as their own events: a promise or a plan to
cooperate is 03 ("will support" → 032 express intent to cooperate diplomatically), one to
use force a threat (13: "threatened to attack" → 138), and a refusal to cooperate a
rejection (12: "refused to meet" → 125). ``shifted`` maps an action's code to that event.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Token

from newsgraph.records import Modality
from newsgraph.reference import read_table
from newsgraph.reference.reporting import reporting_nouns

FUTURE_AUX = {"will", "'ll", "shall", "wo"}
MODALS = {"could", "would", "may", "might", "should", "can", "must", "ca"}
INTENT_HEADS = {"want", "plan", "seek", "intend", "hope", "aim", "promise", "pledge", "vow", "offer", "agree",
                "prepare", "decide", "expect", "wish", "commit", "resolve", "undertake", "willing", "ready",
                "prepared", "determined", "eager", "going", "about"}
HYPOTHETICAL_HEADS = {"consider", "propose", "try", "attempt", "ask", "request", "urge", "call", "demand", "need"}
THREAT_HEADS = {"threaten", "warn"}
REFUSAL_HEADS = {"refuse", "reject", "decline", "oppose"}
DENYING_HEADS = {"deny"}
COMMITMENTS = {"agree", "promise", "pledge", "vow", "offer", "commit", "undertake"}
STANCE_HEADS = INTENT_HEADS | THREAT_HEADS | REFUSAL_HEADS | {"consider", "try", "attempt"}
OBLIGATION = {"must", "should"}
DEFAULT_STANCE_CODE = {"intent": "030", "threat": "130", "refusal": "120"}

# an action's root → the code for intending it (03), threatening it (13) or refusing it (12)
INTENT = {"04": "036", "05": "032", "06": "031", "07": "033", "08": "035", "03": None}
INTENT_SUB = {"061": "0311", "062": "0312", "063": "0313", "064": "0314", "071": "0331", "072": "0332",
              "073": "0333", "074": "0334", "081": "0351", "082": "0352", "084": "0353", "0841": "0353",
              "085": "0354", "086": "0355", "087": "0356", "0871": "0356"}
THREAT = {"14": "133", "15": "138", "16": "131", "17": "137", "18": "138", "19": "138", "20": "138"}
THREAT_SUB = {"161": "1313", "162": "1311", "163": "1312", "172": "132", "1723": "1323", "1724": "1324",
              "190": "1384", "193": "1384", "194": "1384", "195": "1384", "204": "1385", "191": "1381", "192": "1382",
              "180": "1383"}
REFUSAL = {"03": "120", "04": "125", "05": "120", "06": "121", "07": "122", "08": "124", "02": "120"}
REFUSAL_SUB = {"061": "1211", "062": "1212", "063": "1213", "064": "1214", "071": "1221", "072": "1222",
               "073": "1223", "074": "1224", "084": "1243", "085": "1244", "086": "1245", "087": "1246",
               "045": "126", "046": "125"}


def governing(tok: Token) -> Token | None:
    """The verb or adjective whose complement ``tok`` is ("plans to visit" → plans), if any."""
    if tok.dep_ == "xcomp" and tok.head.i != tok.i:
        return tok.head
    return None


def modality(tok: Token) -> Modality:
    """How the text presents the event at ``tok``."""
    if tok.dep_ in {"nsubj", "nsubjpass"} and any(c.dep_ == "aux" and c.lower_ in MODALS | FUTURE_AUX
                                                  for c in tok.head.children):
        return "hypothetical"  # "the provision of weapons would destabilize …"
    node = tok
    for step in range(4):
        children = list(node.children)
        if any(c.dep_ == "neg" for c in children):
            return "denied"
        if step and node.lemma_.lower() in DENYING_HEADS:
            return "denied"
        if any(c.dep_ == "mark" and c.lower_ == "if" for c in children):
            return "hypothetical"
        if any(c.dep_ == "aux" and c.lower_ == "would" for c in children) and reported(node):
            return "future"  # "X said it would boycott …"
        if any(c.dep_ == "aux" and c.lower_ in MODALS for c in children):
            return "hypothetical"
        if any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in children):
            return "future"
        if step and node.lemma_.lower() in INTENT_HEADS | HYPOTHETICAL_HEADS | THREAT_HEADS:
            return "hypothetical"
        if node.dep_ not in {"xcomp", "conj", "acl", "pobj", "prep", "pcomp", "dobj", "acomp"} or node.head.i == node.i:
            break
        node = node.head
    return "reported"


def head_stance(head: Token) -> str | None:
    """What a verb of intent, threat or refusal does to the action it governs."""
    lemma = head.lemma_.lower()
    if lemma in REFUSAL_HEADS:
        return "refusal"
    if lemma in THREAT_HEADS:
        return "threat"
    if lemma in INTENT_HEADS:
        return "refusal" if _negated(head) else "intent"
    return None  # "considered sending": hypothetical, the action keeps its code


def obliged(tok: Token) -> bool:
    """ "X said that Y must Z": a demand by X of Y."""
    return bool({c.lower_ for c in tok.children if c.dep_ == "aux"} & OBLIGATION) and reported(tok)


def own_stance(tok: Token) -> str | None:
    """ "will support" is an intent, "will not meet" a refusal, "said that Y must go" a demand."""
    aux = {c.lower_ for c in tok.children if c.dep_ == "aux"}
    is_reported = reported(tok)
    future = bool(aux & FUTURE_AUX) or ("would" in aux and is_reported)
    if future:
        return "refusal" if _negated(tok) else "intent"
    if aux & OBLIGATION and is_reported:
        return "demand"
    return None


def _negated(tok: Token) -> bool:
    return any(c.dep_ == "neg" for c in tok.children)


def reported(tok: Token) -> bool:
    """Whether ``tok`` is the complement of a reporting verb ("X said it would …")."""
    node = tok
    for _ in range(3):
        if node.dep_ in {"ccomp", "parataxis"} and node.head.lemma_.lower() in reporting_verbs():
            return True
        if said_by_noun(node):
            return True  # "issued a stern reminder to Iraq that it must cooperate"
        if node.dep_ not in {"conj", "xcomp"} or node.head.i == node.i:
            return False
        node = node.head
    return False


def said_by_noun(clause: Token) -> bool:
    """A "that" clause of a reporting noun that is a verb's object: what the reminder, the warning said."""
    head = clause.head
    return clause.dep_ in {"acl", "ccomp"} and head.pos_ == "NOUN" and head.dep_ in {"dobj", "pobj"} \
        and any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children) \
        and head.lemma_.lower() in reporting_nouns()


@lru_cache(maxsize=1)
def reporting_verbs() -> frozenset[str]:
    return frozenset(row["lemma"] for row in read_table("reporting_verbs.tsv")) | {"announce", "confirm", "conclude"}


def shifted(code: str, kind: str | None) -> str:
    """The code of intending, threatening or refusing the action ``code``; ``code`` if none applies."""
    if kind is None or not code:
        return code
    root = code[:2]
    if kind == "intent" and root in THREAT:
        kind = "threat"  # "will attack", "said they would boycott": an intended use of force or pressure
    if kind == "intent":
        if root in INTENT:
            return INTENT_SUB.get(code) or INTENT_SUB.get(code[:3]) or INTENT[root] or code
        return code
    if kind == "threat":
        if root in THREAT:
            return THREAT_SUB.get(code) or THREAT_SUB.get(code[:3]) or THREAT[root]
        return code if root == "13" else "130"
    if kind == "refusal":
        if root in REFUSAL:
            return REFUSAL_SUB.get(code) or REFUSAL_SUB.get(code[:3]) or REFUSAL[root]
        return code if root >= "09" else "120"  # "will not attack" stays an attack, denied
    return code
