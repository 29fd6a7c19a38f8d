"""He and she as speakers: which person a news text means by "“…,” he said".

The entity step and ``find`` (the last person quoted by name) give most speaker pronouns
their person. This step re-reads the ones whose person is of the other gender (as the article
tells it), or only named inside the quotation marks of the same or the previous sentence (""I think if Donald Trump is elected
…," he said" is not Trump speaking), and the ones left with nobody:

- a subject named earlier in the pronoun's own sentence, outside quotation marks;
- else the person who spoke last, when nobody else is the subject of a clause between that
  quote and the pronoun;
- else the subject of the nearest sentence before that has one (up to four back), else the
  nearest person named; with nobody named nearby, the last speaker a few paragraphs back;
- only people of the pronoun's gender count: the reference tables, else the article itself
  (an "Mr." or "Mrs." before the name, a gendered role such as "spokeswoman").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from spacy.tokens import Doc

from newsgraph.extract.common.mention_index import MentionIndex
from newsgraph.extract.quotes.marks import QuoteSpan
from newsgraph.records import Entity, Mention, Quote
from newsgraph.reference import people

PRONOUN_GENDER = {"he": "m", "she": "f"}
GROUP_PRONOUNS = {"they", "it"}
GROUP_TYPES = {"it": {"ORG", "GPE", "OUTLET"}, "they": {"ORG", "NORP"}}  # a country is "it" in US news
GROUP_SENTENCES_BACK = 2
NAMED_KINDS = {"name", "alias", "title"}
SUBJECT_DEPS = {"nsubj", "nsubjpass"}
SENTENCES_BACK = 4  # how far back a speaker pronoun may reach for a name
PARAGRAPHS_BACK = 2
FAR_PARAGRAPHS = 5  # for a pronoun with nobody of its gender named nearby
HONORIFIC = re.compile(r"\b(Mr|Mrs|Ms|Miss|Sen|Rep)\.?\s*$")
HONORIFIC_GENDER = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f"}
GENDERED = r"(?:spokes|chair|congress|business|council|assembly|states|police|anchor|alder|sports)?"
FEMALE_ROLE = re.compile(rf"\b(?:{GENDERED}woman|mother|wife|daughter|sister|widow|girl|queen|actress|"
                         r"first lady|grandmother)\b", re.I)
MALE_ROLE = re.compile(rf"\b(?:{GENDERED}man|father|husband|son|brother|widower|boy|king|actor|grandfather)\b",
                       re.I)


@dataclass
class _Person:
    start: int
    end: int
    entity: str
    sentence: int
    paragraph: int
    subject: bool


def resolve_speaker_pronouns(quotes: list[Quote], doc: Doc, mentions: list[Mention], entities: list[Entity],
                             spans: list[QuoteSpan], title_end: int) -> None:
    """Set ``speaker_entity`` of every quote spoken by "he" or "she" (quotes sorted by start)."""
    if not any(q.speaker and q.speaker.lower() in PRONOUN_GENDER.keys() | GROUP_PRONOUNS for q in quotes):
        return
    text = doc.text
    sent_starts = [s.start_char for s in doc.sents]
    para_starts = [0] + [m.end() for m in re.finditer(r"\n\n", text)]
    quoted = [(s.inner_start, s.inner_end) for s in spans]
    genders = _article_genders(text, mentions, entities)
    persons = _named_people(doc, mentions, quoted, sent_starts, para_starts, False)
    quoted_people = _named_people(doc, mentions, quoted, sent_starts, para_starts, True)
    index = MentionIndex(mentions)
    spoken: list[Quote] = []  # earlier quotes with a person as speaker, in text order
    for q in quotes:
        pronoun = (q.speaker or "").lower()
        if q.start >= title_end and pronoun in PRONOUN_GENDER and q.speaker_start is not None \
                and not _inside(q.speaker_start, quoted):
            chosen = _choose(q, PRONOUN_GENDER[pronoun], persons, quoted_people, spoken, genders, sent_starts,
                             para_starts)
            if chosen is not None:
                q.speaker_entity, q.speaker_kind = chosen, "person"
        elif q.start >= title_end and pronoun in GROUP_PRONOUNS and not q.speaker_entity \
                and q.speaker_start is not None and not _inside(q.speaker_start, quoted):
            found = _group_antecedent(doc, q.speaker_start, pronoun, index, quoted)
            if found is not None:
                q.speaker_entity, q.speaker_kind = found
        if q.speaker_entity and q.speaker_kind == "person" and q.speaker_start is not None:
            spoken.append(q)


def _group_antecedent(doc: Doc, at: int, pronoun: str, index: MentionIndex,
                      quoted: list[tuple[int, int]]) -> tuple[str, str] | None:
    """ "Politifact then ruled … but they could not resist …", "NBC News published the video. It
    shows …", "Mr. Grassley and Mr. Leahy say … , they say": the nearest clause subject before a
    they/it, in its own sentence or the two before, when it is a named organisation (or, for
    "they", people named together). An unnamed subject ("environmentalists") ends the search:
    that is who "they" are, and they have no name."""
    token = doc.char_span(at, at + len(pronoun), alignment_mode="expand")
    if token is None:
        return None
    sent = token[0].sent
    sentences = [sent]
    for _ in range(GROUP_SENTENCES_BACK):
        if sentences[-1].start == 0:
            break
        sentences.append(doc[sentences[-1].start - 1].sent)
    for s in sentences:
        subjects = [t for t in s if t.dep_ in SUBJECT_DEPS and t.idx < at and not _inside(t.idx, quoted)]
        if not subjects:
            continue
        head = min(subjects, key=lambda t: (_depth(t), -t.i))  # the main clause's subject
        if head.pos_ not in {"NOUN", "PROPN"}:
            return None  # "This led to …": a chain we do not follow
        m = index.on_token(head)
        if m is not None and m.type in GROUP_TYPES[pronoun] and m.kind != "demonym":
            return m.entity, "organisation"
        people_named = [index.on_token(c) for c in (head, *head.conjuncts)]
        if pronoun == "they" and len(people_named) > 1 and all(p is not None and p.type == "PERSON"
                                                                for p in people_named):
            return people_named[0].entity, "person"
        return None  # an unnamed or a single-person subject: not a body we can name
    return None


def _depth(token) -> int:
    depth = 0
    while token.head is not token and depth < 50:
        token, depth = token.head, depth + 1
    return depth


def _choose(q: Quote, gender: str, persons: list[_Person], quoted_people: list[_Person], spoken: list[Quote],
            genders: dict[str, str], sent_starts: list[int], para_starts: list[int]) -> str | None:
    at = q.speaker_start
    sentence = bisect_right(sent_starts, at) - 1
    paragraph = bisect_right(para_starts, at) - 1

    def fits(entity: str | None) -> bool:
        return bool(entity) and genders.get(entity, gender) == gender

    before = [p for p in persons if p.end <= at and fits(p.entity)
              and sentence - p.sentence <= SENTENCES_BACK and paragraph - p.paragraph <= PARAGRAPHS_BACK]
    if q.speaker_entity and fits(q.speaker_entity):
        from_quote = any(p.entity == q.speaker_entity and p.start < at and p.paragraph == paragraph
                         and p.sentence >= sentence - 1 for p in quoted_people)
        if not from_quote or q.speaker_entity in {p.entity for p in before}:
            return q.speaker_entity  # the reading so far is not a name taken from inside the quotation
    same = [p for p in before if p.sentence == sentence and p.subject]
    if same:
        return same[-1].entity
    last = next((s for s in reversed(spoken) if (s.speaker_start or 0) < at and s is not q), None)
    if last is not None and fits(last.speaker_entity) \
            and paragraph - (bisect_right(para_starts, last.start) - 1) <= 1:
        since = max(last.end, last.speaker_end or 0)
        if not any(p.start >= since and p.subject and p.entity != last.speaker_entity for p in before):
            return last.speaker_entity
    for back in range(1, SENTENCES_BACK + 1):
        subjects = [p for p in before if p.sentence == sentence - back and p.subject]
        if subjects:
            return subjects[0].entity
    if before or q.speaker_entity:
        return before[-1].entity if before else q.speaker_entity
    # nobody of that gender named nearby: the last speaker who fits, a few paragraphs back
    far = next((s for s in reversed(spoken) if (s.speaker_start or 0) < at and fits(s.speaker_entity)
                and paragraph - (bisect_right(para_starts, s.start) - 1) <= FAR_PARAGRAPHS), None)
    return far.speaker_entity if far is not None else None


def _named_people(doc: Doc, mentions: list[Mention], quoted: list[tuple[int, int]], sent_starts: list[int],
                  para_starts: list[int], in_quotes: bool) -> list[_Person]:
    """Named, resolved people outside (or inside) quotation marks, in text order."""
    out = []
    for m in sorted(mentions, key=lambda m: m.start):
        if m.type != "PERSON" or not m.entity or m.kind not in NAMED_KINDS or _inside(m.start, quoted) != in_quotes:
            continue
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        out.append(_Person(m.start, m.end, m.entity, bisect_right(sent_starts, m.start) - 1,
                           bisect_right(para_starts, m.start) - 1, span is not None and _is_subject(span.root)))
    return out


def _is_subject(token) -> bool:
    """ "Kerry said", "Secretary of State John F. Kerry said", "Kerry and Lavrov agreed"."""
    for _ in range(3):
        if token.dep_ in SUBJECT_DEPS:
            return True
        if token.dep_ in {"appos", "conj", "compound", "flat"} and token.head is not token:
            token = token.head
            continue
        return False
    return False


def _article_genders(text: str, mentions: list[Mention], entities: list[Entity]) -> dict[str, str]:
    """Each person's gender: the reference tables, else an honorific or a gendered role in the article."""
    out: dict[str, str] = {}
    for m in mentions:
        if m.type != "PERSON" or not m.entity or m.entity in out or m.kind == "pronoun":
            continue
        known = people.gender(m.entity)
        if known is None:
            h = HONORIFIC.search(text, max(0, m.start - 6), m.start) or re.match(r"(Mr|Mrs|Ms|Miss)\b", m.text)
            known = HONORIFIC_GENDER.get(h.group(1).lower()) if h else None
        if known:
            out[m.entity] = known
    for e in entities:
        if e.type != "PERSON" or e.name in out:
            continue
        roles = " ".join(r.role for r in e.roles)
        female, male = FEMALE_ROLE.search(roles), MALE_ROLE.search(roles)
        if bool(female) != bool(male):
            out[e.name] = "f" if female else "m"
    return out


def _inside(offset: int, quoted: list[tuple[int, int]]) -> bool:
    i = bisect_right(quoted, (offset, float("inf"))) - 1
    return i >= 0 and quoted[i][0] <= offset < quoted[i][1]
