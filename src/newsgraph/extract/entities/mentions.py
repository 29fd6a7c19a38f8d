"""Candidate name mentions from the spaCy Doc, cleaned of the small model's usual slips.

The working record ``Found`` carries token offsets as well as character offsets so the
later steps (aliases, roles, pronouns) can look at neighbouring tokens without searching.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span

from newsgraph.extract.entities.titlewords import is_title_word
from newsgraph.reference import countries, people
from newsgraph.reference.not_names import is_exchange, names_no_actor

WANTED = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"}
POSSESSIVE = {"'s", "’s", "'", "’"}
ORG_HEADS = {
    "police", "office", "department", "agency", "army", "navy", "force", "forces", "ministry", "court",
    "congress", "senate", "embassy", "bank", "council", "command", "committee", "commission", "service",
    "services", "guard", "parliament", "government", "administration", "party", "university", "institute",
    "marines", "corps", "coast", "directorate", "bureau", "prosecutor's", "cabinet",
}
PARTICLES = {"de", "da", "di", "du", "van", "von", "der", "den", "al", "el", "bin", "ibn", "le", "la", "ter", "dos", "das"}
INNER_WORDS = {"of", "and", "the", "for", "on", "at", "in", "upon", "y", "e", "und", "des", "del", "della", "do", "to"}
ADDRESS_WORDS = {"box", "suite", "floor", "apt", "p.o.", "po", "unit", "ste"}
CURRENCY_SIGNS = {"$", "€", "£", "¥"}
HONORIFICS = {"mr", "mrs", "ms", "dr", "sir", "mr.", "mrs.", "ms.", "dr.", "madam", "lord", "lady"}


@dataclass
class Found:
    """A mention being worked on: spans, label, and what it resolves to so far."""

    start: int  # character offsets into the article text
    end: int
    tok_start: int  # token offsets into the Doc
    tok_end: int
    text: str
    label: str  # PERSON ORG GPE LOC NORP
    kind: str = "name"  # name | alias | pronoun | title | metonym | demonym
    entity: str | None = None  # canonical name
    kb_id: str | None = None  # reference id ("country:RUS"), or the ruler's id before linking
    subject: bool = False  # the mention is (part of) a clause subject; used for pronouns
    qualified: bool = False  # the span includes the place that qualifies it ("Fort Smith, Ark.")
    own_label: bool = False  # the label comes from this mention's own context, not the name's vote
    code: str | None = None  # a bracketed code the span ends with ("ATI Technologies (ATYT)"): an alias
    sentence: int = -1  # sentence number in the Doc; set by the pronoun step


def covered_tokens(doc: Doc, found: list[Found]) -> list[bool]:
    """For each token of the Doc, whether a mention already covers it: the steps that add
    missed names look only at tokens no mention has taken."""
    covered = [False] * len(doc)
    for m in found:
        for i in range(m.tok_start, m.tok_end):
            covered[i] = True
    return covered


def from_span(span: Span, label: str, kb_id: str | None = None, kind: str = "name") -> Found:
    return Found(span.start_char, span.end_char, span.start, span.end, span.text, label, kind, None, kb_id)


def name_mentions(doc: Doc) -> list[Found]:
    """doc.ents of the wanted labels, trimmed, split at line breaks, possessives dropped,
    and person names extended over a given name the ruler left out ("Joe" + "Blinken")."""
    found: list[Found] = []
    taken = [False] * len(doc)
    people_named = {ent.text for ent in doc.ents if ent.label_ == "PERSON"}
    for ent in doc.ents:
        if ent.label_ not in WANTED:
            continue
        for piece in _clean(ent):
            for i in range(piece.start, piece.end):
                taken[i] = True
            label = "GPE" if ent.label_ == "FAC" and ent.ent_id_.startswith("seat:") else ent.label_
            if not ent.ent_id_ and _demonym_before_person(piece, people_named):
                found.append(from_span(piece[:1], "NORP"))  # "American Hasim Rahman": where he is from
                found.append(from_span(piece[1:], "PERSON"))
                continue
            found.append(from_span(piece, label, ent.ent_id_ or None))
    for m in found:
        if m.label == "PERSON":
            _extend_given_names(doc, m, taken)
    found = _country_organisations(doc, found, taken)
    found = _outlets_opening_a_name(doc, found, taken)
    return [m for m in found if _plausible(m) and not _ticker(doc, m) and not _currency(doc, m)
            and not _technology_base(doc, m)]


def _currency(doc: Doc, m: Found) -> bool:
    """ "US $5.4 billion", "C$ 20": a country written before a currency sign names the currency."""
    after = doc[m.tok_end] if m.tok_end < len(doc) else None
    return m.label == "GPE" and after is not None and after.text[:1] in CURRENCY_SIGNS


def _outlets_opening_a_name(doc: Doc, found: list[Found], taken: list[bool]) -> list[Found]:
    """ "the National Marine Fisheries Service", "The Times Record": an outlet the ruler matched ("The
    National", "The Times") that opens a longer capitalised name is not that outlet but the longer
    name, an organisation (with the mention the model found after it, if any)."""
    by_start = {m.tok_start: m for m in found}
    out: list[Found] = []
    merged: set[int] = set()
    for m in found:
        if id(m) in merged:
            continue
        end = m.tok_end
        if (not (m.kb_id or "").startswith("outlet:") or end >= len(doc) or not doc[end].is_title
                or not doc[end].is_alpha or "\n" in doc[end - 1].whitespace_):
            out.append(m)
            continue
        follower = by_start.get(end)
        if follower is not None and not follower.kb_id:
            end = follower.tok_end
            merged.add(id(follower))
        else:
            while end < len(doc) and end - m.tok_end < 4 and not taken[end] and doc[end].is_title and doc[end].is_alpha:
                end += 1
        span = doc[m.tok_start:end]
        out.append(Found(span.start_char, span.end_char, span.start, span.end, span.text, "ORG"))
    return out


def _technology_base(doc: Doc, m: Found) -> bool:
    """ "Intel-based servers", "ARM-based chips": a company whose products something is built on is
    named as the technology, not as an actor (a place before "-based" is where something is,
    which the place step reads as a demonym)."""
    if m.label != "ORG" or m.tok_end + 1 >= len(doc):
        return False
    return doc[m.tok_end].text == "-" and doc[m.tok_end + 1].lower_ == "based"


def _demonym_before_person(span: Span, people_named: set[str]) -> bool:
    """ "American Hasim Rahman", "Australian Duncan Rait": a demonym glued to a person's name by the
    model, told by a given name after it or by the rest being a person the article names alone."""
    if len(span) < 3 or not countries.by_demonym(span[0].text):
        return False
    rest = span[1:]
    return (all(t.is_title and t.is_alpha for t in rest[:2])
            and (people.is_given_name(rest[0].text) or rest.text in people_named))


def _country_organisations(doc: Doc, found: list[Found], taken: list[bool]) -> list[Found]:
    """ "U.S. Capitol Police", "Chinese Foreign Ministry": the ruler sets the country first, so the
    statistical NER can no longer see the organisation around it. A country or demonym followed
    by capitalised words ending in an organisation noun becomes one ORG mention."""
    by_start = {m.tok_start: m for m in found}
    out: list[Found] = []
    skip: set[int] = set()
    for m in found:
        if id(m) in skip:
            continue
        prefix = (m.kb_id or "").split(":")[0]
        if prefix not in {"country", "demonym"} or m.label not in {"GPE", "NORP"}:
            out.append(m)
            continue
        end = m.tok_end
        follower = by_start.get(end)
        if follower is not None and follower.label == "ORG" and not follower.kb_id:
            end = follower.tok_end
            skip.add(id(follower))
        else:
            while end < len(doc) and end - m.tok_end < 5 and not taken[end] and doc[end].is_title and doc[end].is_alpha:
                end += 1
            while end > m.tok_end and doc[end - 1].lower_ not in ORG_HEADS:
                end -= 1
        if end == m.tok_end or doc[end - 1].lower_ not in ORG_HEADS:
            out.append(m)
            continue
        for i in range(m.tok_end, end):
            taken[i] = True
        span = doc[m.tok_start:end]
        out.append(Found(span.start_char, span.end_char, span.start, span.end, span.text, "ORG"))
    return out


def _clean(ent: Span) -> list[Span]:
    """Split an entity at line breaks and trim possessives, honorifics and stray tokens."""
    doc = ent.doc
    pieces: list[Span] = []
    start = ent.start
    for i in range(ent.start, ent.end + 1):
        if i == ent.end or "\n" in doc[i].text or doc[i].is_space:
            if i > start:
                pieces.append(doc[start:i])
            start = i + 1
    pieces = [p for span in pieces for p in _split_pair(span)]
    cleaned = []
    for span in pieces:
        s, e = span.start, span.end
        while e > s and (doc[e - 1].text in POSSESSIVE or doc[e - 1].is_punct):
            e -= 1
        while s < e and (doc[s].is_punct or doc[s].lower_ in HONORIFICS or doc[s].text == "the"):
            s += 1
        while e - s > 1 and _leading_word(doc[s], ent.label_):
            s += 1
        while ent.label_ == "PERSON" and e - s > 1 and any(c.isdigit() for c in doc[e - 1].text):
            e -= 1  # "Nicolas Jarry 6-4": a score is not part of a name
        cleaned.extend(_cut_at_lower_words(doc, s, e, ent))
    return cleaned


def _cut_at_lower_words(doc: Doc, s: int, e: int, ent: Span) -> list[Span]:
    """ "American Music Awards after Swift": a lower-case word other than "of", "and", "de"...
    inside a name ends it; names the reference tables set stay whole."""
    if e <= s:
        return []
    if ent.ent_id_:
        return [doc[s:e]]
    pieces, start = [], s
    for i in range(s, e):
        token = doc[i]
        if token.is_lower and token.is_alpha and token.lower_ not in INNER_WORDS and token.lower_ not in PARTICLES:
            if i > start:
                pieces.append(doc[start:i])
            start = i + 1
    if e > start:
        pieces.append(doc[start:e])
    return [p for p in pieces if any(t.text[:1].isupper() or t.text[:1].isdigit() for t in p)]


def _split_pair(span: Span) -> list[Span]:
    """ "Philly and Cheeks", "Lopez and Carrasquillo": two one-word names joined by "and" are
    two mentions ("Fish and Wildlife Service", with more words after "and", stays one)."""
    if len(span) == 3 and span[1].lower_ == "and" and span[0].is_title and span[2].is_title and not span.ent_id_:
        return [span[0:1], span[2:3]]
    return [span]


def _leading_word(token, label: str) -> bool:
    """A word before a name that is not part of it: "actress Lindsay Lohan", "startup SeaMicro",
    and for people a title or honorific ("Coach Jim O'Brien", "Mr Buckley")."""
    if token.is_lower and token.is_alpha and token.lower_ not in PARTICLES:
        return True
    return label == "PERSON" and (token.lower_ in HONORIFICS or is_title_word(token.lower_))


def _extend_given_names(doc: Doc, m: Found, taken: list[bool]) -> None:
    """ "Joe Blinken" when only "Blinken" was tagged: take capitalised proper nouns just before."""
    i = m.tok_start
    while i > 0 and not taken[i - 1] and _given_name(doc[i - 1]) and i > m.tok_start - 2:
        i -= 1
    if i < m.tok_start:
        for j in range(i, m.tok_start):
            taken[j] = True
        m.tok_start, m.start = i, doc[i].idx
        m.text = doc[m.tok_start:m.tok_end].text


def _given_name(token) -> bool:
    """A capitalised proper noun of letters, apostrophes and hyphens ("Joe", "Ka'Loni", "Jean-Pierre")."""
    word = token.text
    return (token.is_title and token.pos_ == "PROPN" and word[:1].isalpha()
            and all(c.isalpha() or c in "'’-" for c in word) and word[-1:].isalpha()
            and not is_title_word(token.lower_) and token.lower_ not in HONORIFICS)


def _ticker(doc: Doc, m: Found) -> bool:
    """ "(NYSE: AMD)", "(nasdaq: ATYT)": a stock exchange and the ticker after it are codes, not
    actors (the company is named beside them)."""
    before = doc[m.tok_start - 1] if m.tok_start > 0 else None
    after = doc[m.tok_end] if m.tok_end < len(doc) else None
    if after is not None and after.text == ":" and is_exchange(m.text):
        return True
    return (before is not None and before.text == ":" and m.tok_start > 1
            and is_exchange(doc[m.tok_start - 2].text))


def _plausible(m: Found) -> bool:
    """Drop what no reader would call a name: no letters, keyboard keys, stray symbols, and
    terms that name no actor ("DUI", "GMT", "KO": see ``reference/data/not_names.tsv``)."""
    if not m.kb_id and names_no_actor(m.text):
        return False
    letters = sum(c.isalpha() for c in m.text)
    words = m.text.lower().split()
    if any(c.isdigit() for c in m.text) and any(w in ADDRESS_WORDS for w in words) or "p.o." in words:
        return False  # "P.O. Box 69440", "Suite 350": an address, not an actor
    first = m.text.split()[0].split("-")[0].lower()
    if m.label in {"PERSON", "GPE", "LOC", "NORP"} and m.text[:1].islower() and not m.kb_id and first not in PARTICLES:
        return False  # "pro", "anti": the small model's lowercase slips (but "von der Leyen" is a name)
    return letters >= 2 and not any(c in m.text for c in "+=@#/\\|<>{}[]")


# Names that only qualify a competition or a prize are not actors: in "his WBA, IBF and WBO
# heavyweight title belts" or "the MVC tournament" the bodies name what was won or played
# for; nobody in the sentence is the WBA or the conference doing anything.
# The parse decides: the name (or the list of names it stands in) is a compound or nominal
# modifier whose noun phrase is headed by a competition or prize noun. A name that owns the
# noun ("the NFL's worst record") or acts ("the NFL fined ...") stays.

# Nouns for what is won or played for; a game or a match has the teams as its participants and a
# season is the league's own, so "game", "match" and "season" are not here.
PRIZE_NOUNS = {
    "title", "belt", "crown", "championship", "tournament", "playoff", "playoffs", "draft",
    "final", "finals", "semifinal", "semifinals", "quarterfinal", "quarterfinals", "trophy", "medal",
}
MODIFIER_DEPS = {"compound", "nmod", "amod"}
LIST_DEPS = {"conj", "appos"}


def prize_modifiers(doc: Doc, found: list[Found]) -> list[Found]:
    """``found`` without the names that only qualify a competition or prize noun."""
    return [m for m in found if m.label == "PERSON" or m.kind not in {"name", "alias"} or not _qualifies_prize(doc, m)]


def _qualifies_prize(doc: Doc, m: Found) -> bool:
    if m.tok_end <= m.tok_start:
        return False
    if _possessive(doc[m.tok_end - 1]) or (m.tok_end < len(doc) and _possessive(doc[m.tok_end])):
        return False  # "the Bluejays' Valley tournament opener": the owner plays in it
    token = doc[m.tok_end - 1]
    while token.dep_ in LIST_DEPS and token.head.i < token.i:  # "WBO" in "WBA, IBF and WBO": the list's first name
        token = token.head
    while token.dep_ in MODIFIER_DEPS and token.head.i > token.i:  # up through "heavyweight title belts"
        token = token.head
        if token.lemma_.lower() in PRIZE_NOUNS or token.lower_ in PRIZE_NOUNS:
            return token.pos_ in {"NOUN", "PROPN"}
    return False


def _possessive(token) -> bool:
    return token.tag_ == "POS" or token.text in POSSESSIVE
