"""Who is speaking: from the subject of a reporting verb to a resolved entity.

Names, surnames and pronouns come resolved from the entity extractor (``Mention.entity``);
this module only adds what mentions do not cover: a definite title ("the spokesperson")
matched against the roles the article gives its people, and institutional or group
speakers ("The administration of the US President", "US officials") that speak for the
country or organisation named inside them.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from newsgraph.extract.common.mention_index import MentionIndex
from newsgraph.extract.common.paragraphs import break_between
from newsgraph.extract.common.phrases import noun_phrase
from newsgraph.extract.quotes.cues import is_cue
from newsgraph.records import Entity

# nouns that name an office-holder: "the spokesperson" can be matched to a role in the article
TITLE_HEADS = {
    "spokesperson", "spokesman", "spokeswoman", "minister", "secretary", "president", "ambassador",
    "chancellor", "envoy", "premier", "leader", "chief", "director", "adviser", "advisor", "commander",
    "general", "head", "chairman", "chair", "chairwoman", "governor", "mayor", "prosecutor", "king",
    "queen", "prince", "senator", "lawmaker", "diplomat", "representative", "official",
}
# nouns for bodies or groups that speak for the country or organisation named inside them
GROUP_HEADS = {
    "official", "administration", "government", "ministry", "department", "authority", "embassy",
    "office", "cabinet", "military", "army", "command", "leadership", "presidency", "parliament",
    "service", "agency", "council", "source", "spokesperson", "spokesman", "spokeswoman", "diplomat",
    "delegation", "mission", "side", "regime", "junta", "party", "court", "state", "commission",
    "committee", "white", "kremlin", "lawmaker", "senator", "representative", "leader",
}
DROP_PRONOUNS = {"it", "this", "that", "there", "which", "what", "one", "i", "you"}
UNRESOLVED_PRONOUNS = {"they", "we", "i", "it"}  # kept as written when the entity extractor left them
ORG_TYPES = {"GPE", "ORG", "NORP", "OUTLET"}
PERSON = {"PERSON"}
RELATIVE = {"who", "that", "which"}
# a participle or second verb with no subject of its own shares its head verb's:
# "X gave Trump credit, saying …", "Warren said to Obama, adding …", "X criticised Y and said …"
SHARED_SUBJECT = {"advcl", "xcomp", "conj"}
DATELINE_REACH = 8  # tokens after a dateline where the sentence's subject is named


# heads of a speaker phrase that name a text rather than somebody: "the memo shows", "a poll found"
DOCUMENT_HEADS = {
    "memo", "report", "poll", "survey", "study", "record", "statement", "letter", "document", "analysis",
    "data", "email", "tweet", "filing", "lawsuit", "complaint", "transcript", "editorial", "article", "book",
    "ad", "advertisement", "video", "post", "message", "release", "bill", "law", "ruling", "order", "indictment",
    "audit", "review", "investigation", "figure", "number", "estimate", "forecast", "chart", "map", "website",
}
# heads that name a body that speaks but was not resolved to an entity: "the campaign", "the paper"
BODY_HEADS = {"campaign", "daily", "newspaper", "paper", "magazine", "network", "station", "outlet", "channel",
              "company", "firm", "group", "organization", "organisation", "board", "team", "union", "police",
              "school", "university", "college", "hospital", "bank", "court", "panel"}


def unnamed_kind(lemma: str) -> str:
    """What an unresolved speaker phrase names, from its head: a document, a body, or somebody
    unnamed ("officials", "a source", "voters"), whose words are kept as the speaker."""
    if lemma in DOCUMENT_HEADS:
        return "document"
    if lemma in BODY_HEADS or lemma in GROUP_HEADS and lemma not in TITLE_HEADS and lemma != "source":
        return "organisation"
    return "unnamed"


@dataclass
class Speaker:
    text: str  # as written
    start: int
    end: int
    entity: str | None
    confidence: float
    how: str  # name | pronoun | title | institution | group | unresolved
    kind: str | None = None  # person | organisation | document | unnamed (records.SpeakerKind)


def subject_of(verb: Token) -> Token | None:
    """The token that names who is speaking: the verb's subject, the antecedent of "who",
    or, for the second of two coordinated verbs ("stated ... and stressed"), the first one's."""
    for child in verb.children:
        if child.dep_ == "nsubj":
            if child.lower_ in RELATIVE and verb.dep_ == "relcl":
                return verb.head
            if break_between(verb.doc, child.i, verb.i):
                return _local_root(child, verb) or _subject_by_position(verb)
            return child
    if verb.dep_ == "conj":
        found = _coordinated_subject(verb)
        if found is not None:
            return found
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.pos_ in {"NOUN", "PROPN"}:
        return verb.head  # "polls showing Trump ahead", "a statement describing the meeting as …"
    if verb.dep_ in SHARED_SUBJECT and verb.head is not verb and verb.head.pos_ in {"VERB", "AUX"}:
        found = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
        if found is not None and found.lower_ not in RELATIVE:  # "Warren said to Obama, adding, …"
            return found
    return _subject_by_position(verb)


def _dateline(token: Token) -> bool:
    """ "WASHINGTON --", "SEOUL (AP) —": a place in capitals opening a paragraph, then a dash or a bracket."""
    doc = token.doc
    start = token.i
    while start > 0 and doc[start - 1].text.isupper() and doc[start - 1].is_alpha:
        start -= 1
    opens = start == 0 or "\n" in doc[start - 1].text or "\n" in doc[start - 1].whitespace_
    after = doc[token.i + 1].text if token.i + 1 < len(doc) else ""
    return (token.text.isupper() and len(token.text) > 2 and opens
            and (after in {"--", "—", "–", "-", "("} or after.startswith("--")))


def _local_root(subject: Token, verb: Token) -> Token | None:
    """The part of a subject phrase on the verb's side of a paragraph break."""
    near = [t for t in subject.subtree if not break_between(verb.doc, t.i, verb.i) and not t.is_space]
    ids = {t.i for t in near}
    roots = [t for t in near if t.head.i not in ids and t.pos_ in {"PROPN", "NOUN", "PRON"}]
    return roots[-1] if roots else None


def _subject_by_position(verb: Token) -> Token | None:
    """ "\n\nCampbell noted": the verb has no subject because the parser attached the
    name to the previous paragraph; take the noun right before the verb if it opens a paragraph."""
    doc = verb.doc
    k = verb.i - 1
    while k >= 0 and doc[k].pos_ in {"ADV", "AUX", "PART"}:
        k -= 1
    if k < 0 or doc[k].pos_ not in {"PROPN", "PRON", "NOUN"}:
        return None
    start = k
    while start > 0 and doc[start - 1].dep_ == "compound" and doc[start - 1].pos_ == "PROPN":
        start -= 1
    if start == 0 or break_between(doc, start - 1, start) or doc[start - 1].is_space:
        return doc[k]
    return None


def _coordinated_subject(verb: Token) -> Token | None:
    """ "X stated that A and stressed B": the small parser often hangs "stressed" off A's verb
    instead of "stated"; climb conj/ccomp links (at most three) to the nearest reporting verb."""
    head = verb.head
    for _ in range(3):
        if is_cue(head):
            return subject_of(head)
        if head.dep_ not in {"conj", "ccomp"} or head.head is head:
            return None
        head = head.head
    return None


class SpeakerResolver:
    """Resolves speakers in one article; build once per article (indexes are per article)."""

    def __init__(self, doc: Doc, mentions: MentionIndex, entities: list[Entity]) -> None:
        self.doc = doc
        self.mentions = mentions
        self.roles = [(e.name, r.role.lower().replace("’", "'")) for e in entities for r in e.roles]

    def resolve(self, head: Token) -> Speaker | None:
        """The speaker named by ``head``, or None when it cannot be a speaker (``it``, ``there``)."""
        if head.pos_ in {"PART", "PUNCT", "SYM", "NUM"} or sum(c.isalpha() for c in head.text) < 2:
            return None  # "’s" and other debris of a bad parse
        if _dateline(head):  # "WASHINGTON -- President Obama, dedicating the museum, said"
            return self._named_after_dateline(head)
        mention = self.mentions.on_token(head)
        if mention is not None and mention.kind != "demonym":
            conf = {"pronoun": 0.8, "title": 0.8, "metonym": 0.85}.get(mention.kind, 0.95)
            how = "pronoun" if mention.kind == "pronoun" else "name"
            kind = "person" if mention.type in PERSON or mention.kind in {"pronoun", "title"} else "organisation"
            return Speaker(mention.text, mention.start, mention.end, mention.entity, conf, how, kind)
        if head.pos_ == "PRON" or head.lower_ in DROP_PRONOUNS:
            return self._pronoun(head)
        if head.pos_ not in {"NOUN", "PROPN"} and not (head.dep_.startswith("nsubj") and head.pos_ in {"ADV", "ADJ"}):
            return None  # a subject the tagger took for an adverb is a noun: "the influential US daily wrote"
        named = self._named_in_apposition(head)
        if named is not None:
            return named
        lo, hi = noun_phrase(head)
        span = self.doc[lo:hi]
        lemma = head.lemma_.lower()
        if lemma in TITLE_HEADS:
            name = self._title_holder(span.text, head)
            if name:
                return Speaker(span.text, span.start_char, span.end_char, name, 0.7, "title", "person")
        if lemma in GROUP_HEADS or lemma in TITLE_HEADS:
            inside = self.mentions.in_span(span, ORG_TYPES)
            if inside:
                return Speaker(span.text, span.start_char, span.end_char, inside[0].entity, 0.65, "institution",
                               "organisation")
        inside = self.mentions.in_span(span, ORG_TYPES | PERSON)
        if len(inside) == 1 and inside[0].end - inside[0].start >= len(span.text) - 4:
            m = inside[0]  # "the Kremlin" when the mention is "Kremlin"
            return Speaker(span.text, span.start_char, span.end_char, m.entity, 0.85, "name",
                           "person" if m.type in PERSON else "organisation")
        lo, hi = noun_phrase(head, clauses=True)  # unnamed: the words that say who, "officials who saw it"
        if hi > head.i + 1 and any(self.doc[k].dep_ == "ROOT" or is_cue(self.doc[k]) for k in range(head.i + 1, hi)):
            lo, hi = span.start, span.end  # a parse that hangs the cue itself off the subject
        span = self.doc[lo:hi]
        return Speaker(span.text, span.start_char, span.end_char, None, 0.4, "unresolved", unnamed_kind(lemma))

    def _named_in_apposition(self, head: Token) -> Speaker | None:
        """ "Millikin assistant athletic director Bryan Marshall said": the title is the parse's
        subject and the name hangs off it; the person named is the speaker, not the college."""
        for child in head.children:
            if child.dep_ in {"appos", "compound"} and child.i > head.i:
                mention = self.mentions.on_token(child)
                if mention is not None and mention.type in PERSON and mention.kind in {"name", "alias"}:
                    return Speaker(mention.text, mention.start, mention.end, mention.entity, 0.9, "name", "person")
        return None

    def _named_after_dateline(self, head: Token) -> Speaker | None:
        """The first named person after a dateline the parse took for the subject."""
        for tok in head.doc[head.i + 1:head.i + 1 + DATELINE_REACH]:
            mention = self.mentions.on_token(tok)
            if mention is not None and mention.type in PERSON and mention.kind in {"name", "alias"}:
                return Speaker(mention.text, mention.start, mention.end, mention.entity, 0.85, "name", "person")
        return None

    def person_like(self, head: Token) -> bool:
        """Whether ``head`` names a person or a body that speaks, not a thing ("the Sportback")."""
        mention = self.mentions.on_token(head)
        if mention is not None:
            return mention.type in PERSON or mention.kind in {"pronoun", "title"}
        lemma = head.lemma_.lower()
        return head.lower_ in {"he", "she", "they", "we"} or lemma in TITLE_HEADS or lemma in GROUP_HEADS

    def _pronoun(self, head: Token) -> Speaker | None:
        """Fallback for a he/she the entity extractor left unresolved: the last person named
        in the previous ~2 sentences. They/we/I/it are kept as written with no entity (``find``
        lets they/it follow the body that spoke last); other pronouns are no speaker."""
        if head.lower_ in UNRESOLVED_PRONOUNS:  # "they say", "it shows": somebody said it, named earlier
            return Speaker(head.text, head.idx, head.idx + len(head.text), None, 0.35, "pronoun", "unnamed")
        if head.lower_ not in {"he", "she"}:
            return None
        m = self.mentions.before(head.idx, PERSON, window=400)
        # kept with no entity rather than dropped: ``quotes.pronouns`` looks further back for who it is
        return Speaker(head.text, head.idx, head.idx + len(head.text), m.entity if m else None,
                       0.55 if m else 0.45, "pronoun", "person")

    def _title_holder(self, phrase: str, head: Token) -> str | None:
        """The person whose role in this article fits a definite title ("the spokesperson")."""
        words = [w for w in phrase.lower().replace("’", "'").split() if w not in {"the", "a", "an"}]
        if not words or (len(words) == 1 and not phrase.lower().startswith("the ")):
            return None
        fits = {name for name, role in self.roles if all(w in role.split() for w in words)}
        if len(fits) == 1:
            return fits.pop()
        if fits:  # the one mentioned last before the title
            last = self.mentions.before(head.idx, PERSON, window=len(self.doc.text))
            while last is not None and last.entity not in fits:
                last = self.mentions.before(last.start, PERSON, window=len(self.doc.text))
            return last.entity if last else None
        return None
