"""Event actors: who a noun phrase stands for, and its CAMEO actor code (country + role).

In order: the Phoenix actor dictionary over the phrase's words, with its dated roles
("President Bill Clinton" in 1998 → USAGOV; "the Kremlin" → RUSGOV); the article's
resolved mentions (people act for the country of the office they hold on the article's
date: Putin → Russia; places, demonyms and metonyms such as "Seoul" through
``reference.countries``); then an agent word of the phrase adds the role ("Russian troops"
→ RUS + MIL). A phrase nothing codes is kept with its text and no code.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from newsgraph.extract.common.ents import entity_at
from newsgraph.extract.common.mention_index import MentionIndex
from newsgraph.extract.common.phrases import noun_phrase
from newsgraph.records import Mention
from newsgraph.reference import actors as dictionary
from newsgraph.reference import countries, offices, organisations, regions

PLACE_TYPES = {"GPE", "LOC", "NORP", "ORG", "FAC"}
ACTOR_TYPES = PLACE_TYPES | {"PERSON"}
NOT_ACTORS = {"DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY", "WORK_OF_ART", "EVENT", "LAW"}
PRONOUNS = {"it", "they", "he", "she", "we", "its", "their", "them", "him", "her", "i", "you", "who", "which",
            "that", "this", "these", "those"}
LEADER_ROLES = {"leader", "head_of_state", "head_of_government", "foreign_minister", "defence_minister"}


@dataclass(frozen=True)
class Actor:
    text: str  # the phrase as written
    name: str | None  # canonical name: a country, organisation or person
    code: str | None  # CAMEO actor code: USAGOV, RUSMIL, IGOUNO, ARN …; None when unknown
    named: bool = False  # a name, a known actor or a role: something that can act
    head: int = -1  # the phrase's head token in the Doc; -1 when the actor stands for no one phrase
    kind: str = ""  # the entity type of the head (PERSON, GPE, ORG …), "" for a common noun
    role_only: bool = False  # the code is an agent's role alone ("Moslem" → MUS), whatever it spells

    @property
    def known(self) -> bool:
        return bool(self.code or self.name or self.named)

    @property
    def country(self) -> str | None:
        """The ISO 3166 alpha-3 country the code starts with, if it does (a role such as MUS, the
        agents' Muslim, spells Mauritius but names no country)."""
        if self.role_only:
            return None
        if self.code and len(self.code) >= 3 and countries.by_code(self.code[:3]) is not None:
            return self.code[:3]
        return None


def _stated_country(head: Token):
    """The country a person's name is given with ("King Hassan of Morocco"): it says whose the person is."""
    if head.ent_type_ != "PERSON":
        return None
    for c in head.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            for g in c.children:
                if g.dep_ == "pobj" and g.ent_type_ == "GPE":
                    lo, hi = noun_phrase(g)
                    text = " ".join(t.text for t in g.doc[lo:hi] if t.ent_type_ == "GPE")
                    return countries.lookup(text) or countries.resolve(text)
    return None


class ActorCoder:
    """Per article: codes noun phrases, caching people's offices."""

    def __init__(self, mentions: MentionIndex, published: str | None) -> None:
        self.mentions = mentions
        self.on = published[:10] if published and len(published) >= 10 else None
        self._people: dict[str, tuple[str | None, str | None]] = {}

    def of_phrase(self, head: Token, lo: int | None = None, hi: int | None = None) -> Actor:
        """The actor the phrase headed by ``head`` (tokens lo..hi, default its noun phrase) stands for."""
        if lo is None or hi is None:
            lo, hi = noun_phrase(head)
        doc = head.doc
        span = doc[lo:hi]
        text = span.text
        words = [t.lower_ for t in span]
        lemmas = [t.lemma_.lower() for t in span]
        found = self._dictionary_match(span, words, head.i - lo if head.ent_type_ == "GPE" else -1)
        code = found[2] if found else None
        if found is not None:
            region = _region_around(span[found[0]:found[1]])
            if region is not None:
                code = region  # "Northern Ireland" is not Ireland, "New Mexico" not Mexico
        name = None
        mention = self._mention(head, span)
        if mention is not None:
            name, mention_code = self._of_mention(mention, head)
            if code is None or (mention_code and len(mention_code) > len(code) and mention_code.startswith(code)) \
                    or (mention_code and _wider(mention, span[found[0]:found[1]])):
                code = mention_code or code
        stated = _stated_country(head)
        if stated is not None and (code is None or code[:3] != stated.iso3) and (code is None or countries.by_code(code[:3])):
            code, name = stated.iso3 + (code[3:] if code else ""), None  # "King Hassan of Morocco", not Jordan's Hassan
        if name is None and code:
            country = countries.by_code(code[:3])
            name = country.name if country else None
        agent = (dictionary.longest_match(words, dictionary.agent_code)
                 or dictionary.longest_match(lemmas, dictionary.agent_code))
        if agent is not None and not (lo + agent[0] <= head.i < lo + agent[1]) and not _title_of(head, lo + agent[1]):
            agent = None  # "military aid" is aid, not an armed force
        if agent is not None and code is None and _inside_name(head):
            agent = None  # "the European Community" is a name, not a community
        role_only = False
        if agent is not None:
            role = agent[2]
            if code is None:
                code, role_only = role, True  # "police", "rebels": a role without a country, as GDELT codes it
            elif len(code) == 3 and not code.endswith(role):
                code = code + role
        if code is not None and len(code) == 3 and _ethnic(span):
            code, role_only = "CVL", True  # "three ethnic Albanians" in Serbia: a people, not Albania
        named = (head.pos_ == "PROPN" and head.ent_type_ not in NOT_ACTORS) or head.ent_type_ in ACTOR_TYPES \
            or mention is not None
        return Actor(text, name, code, named, head.i, head.ent_type_, role_only)

    def _dictionary_match(self, span, words: list[str], head: int) -> tuple[int, int, str] | None:
        """The longest run the Phoenix dictionary codes, written as a name (the dictionary lists
        "organization" as a name of the Tanzim, a common noun in running text is none) and not a
        piece of a longer person's name ("Hassan" in "Omar Hassan al-Bashir" is not Jordan's Prince Hassan)."""
        words = list(words)
        for _ in range(3):
            found = _head_match(words, head, lambda p: dictionary.actor_code(p, self.on)) \
                or dictionary.longest_match(words, lambda p: dictionary.actor_code(p, self.on))
            if found is None:
                return None
            run = span[found[0]:found[1]]
            if _written_as_name(run) and not _inside_longer_person(run):
                return found
            for i in range(found[0], found[1]):
                words[i] = "\0"
        return None

    def _mention(self, head: Token, span) -> Mention | None:
        m = self.mentions.on_token(head)
        if m is not None:
            return m
        inside = self.mentions.in_span(span, PLACE_TYPES | {"PERSON"})
        return inside[0] if inside else None

    def _of_mention(self, m: Mention, tok: Token) -> tuple[str | None, str | None]:
        """(canonical name, actor code) of a resolved mention."""
        if m.type == "PERSON":
            name = m.entity or m.text
            if name not in self._people:
                self._people[name] = self._person(name)
            country, code = self._people[name]
            if country:
                return country, code
            lo, hi = noun_phrase(tok)
            for other in self.mentions.in_span(tok.doc[lo:hi], PLACE_TYPES):
                return self._of_place(other)  # "Russian ambassador X"
            return name, dictionary.actor_code(name.lower(), self.on)
        return self._of_place(m)

    def _of_place(self, m: Mention) -> tuple[str | None, str | None]:
        name = m.entity or m.text
        country = countries.lookup(name) or countries.resolve(m.text)
        if country is not None:
            seat = m.kind == "metonym" and countries.by_seat(m.text) is not None
            return country.name, country.iso3 + ("GOV" if seat else "")
        org = organisations.lookup(name)
        code = dictionary.actor_code(name.lower(), self.on) or (org and dictionary.actor_code(org.name.lower(), self.on))
        return (org.name if org else name), code or None

    def _person(self, person: str) -> tuple[str | None, str | None]:
        terms = offices.terms_of(person)
        if self.on:
            dated = [t for t in terms if t.covers(self.on)]
            terms = dated or terms
        else:
            terms = sorted(terms, key=lambda t: (t.end is None, t.end or ""), reverse=True)
        for term in terms:
            country = countries.by_code(term.country)
            if country is not None:
                return country.name, country.iso3 + "GOV"
            org = organisations.lookup(term.country)
            code = dictionary.actor_code(org.name.lower(), self.on) if org else None
            return (org.name if org else term.country), code
        return None, None


def _head_match(words: list[str], head: int, lookup) -> tuple[int, int, str] | None:
    """The longest run through the phrase's head that ``lookup`` codes: a place at the head names
    the actor, its modifiers qualify it ("NATO-member Norway" is Norway). -1: no head to prefer."""
    if not 0 <= head < len(words):
        return None
    for size in range(min(dictionary.MAX_WORDS, len(words)), 0, -1):
        for i in range(max(0, head - size + 1), min(head, len(words) - size) + 1):
            code = lookup(" ".join(words[i:i + size]))
            if code:
                return i, i + size, code
    return None


def _region_around(run) -> str | None:
    """The country of a region whose name ends with the run ("Northern Ireland" → GBR), or None."""
    doc = run.doc
    for k in (2, 1):
        lo = run.start - k
        if lo < 0 or not all(t.text[:1].isupper() for t in doc[lo:run.start]):
            continue
        region = regions.lookup(doc[lo:run.end].text)
        if region is not None and countries.by_code(region.country) is not None:
            return region.country
    return None


def _wider(mention: Mention, run) -> bool:
    """Whether a place's name holds the dictionary's words and more: "the Democratic People's
    Republic of Korea" is North Korea, whatever "Korea" alone codes to."""
    start, end = run[0].idx, run[-1].idx + len(run[-1].text)
    return mention.type in {"GPE", "LOC"} and mention.start <= start and end <= mention.end \
        and mention.end - mention.start > end - start


def _ethnic(span) -> bool:
    """ "ethnic Albanians", "ethnic Turks": a demonym read as a people where they live."""
    return any(t.lower_ == "ethnic" and t.i + 1 < span.end and span.doc[t.i + 1].ent_type_ == "NORP" for t in span)


def _title_of(head: Token, end: int) -> bool:
    """Whether the words before ``end`` are a title of the person named at ``head`` ("Bree Prime
    Minister Romendacil": the prime minister's role is his)."""
    return head.ent_type_ == "PERSON" and end <= head.i and all(
        t.dep_ in {"compound", "amod", "nmod"} or t.ent_type_ == "PERSON" for t in head.doc[end:head.i])


def _written_as_name(run) -> bool:
    """Whether a word of the run starts with a capital or a digit, as names are written."""
    return any(t.text[:1].isupper() or t.text[:1].isdigit() for t in run)


def _inside_name(head: Token) -> bool:
    """Whether the head ends a proper name of several words that is an organisation's."""
    return head.pos_ == "PROPN" and head.ent_type_ == "ORG" and head.ent_iob_ == "I"


def _inside_longer_person(run) -> bool:
    """Whether the tokens lie inside a PERSON entity's name without reaching its family name
    (a given name alone: "Hassan" in "Omar Hassan al-Bashir"; "Netanyahu" in "Benjamin Netanyahu" counts)."""
    first, last = run[0], run[-1]
    if any(t.ent_type_ != "PERSON" for t in run):
        return False
    ent = entity_at(first.doc, first.i)
    return ent is not None and ent.label_ == "PERSON" and last.i < ent.end - 1
