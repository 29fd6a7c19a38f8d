"""A name's type decided from all its mentions, not from the one the small model saw.

spaCy labels each mention on its own ("Maurice Cheeks" a GPE once, "Aceh" a PERSON), and
one entity must have one type. Each mention the reference tables do not know gives votes:
the model's label, the name's own words (a common given name first; a last word such as
"Center", "County" or "Corp"), and the words around it ("in Aceh", "the province of
Aceh", "Mr Buckley"). All mentions of one name in the article add up, and every mention
takes the winner. Reference-linked mentions are not voted on: the tables decide them.
In an article about a game, a place that wins, loses or has a coach is a team (ORG).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from spacy.tokens import Doc

from newsgraph.extract.entities.mentions import HONORIFICS, ORG_HEADS, Found
from newsgraph.extract.entities.titlewords import HEADS
from newsgraph.reference import organisations, people
from newsgraph.reference.keys import name_key

# last words that make a name a facility or a place (FAC is reported as LOC)
FACILITY_HEADS = {
    "center", "centre", "clinic", "hospital", "prison", "jail", "penitentiary", "courthouse", "unit", "stadium",
    "arena", "airport", "hotel", "motel", "mall", "camp", "bridge", "tower", "towers", "station", "rehab",
    "recovery", "facility", "base", "school", "theatre", "theater", "museum", "library", "cathedral", "mosque",
    "building", "warehouse", "factory", "creamery",
}
PLACE_HEADS = {
    "county", "city", "street", "st", "avenue", "ave", "road", "rd", "boulevard", "beach", "hill", "hills",
    "island", "islands", "province", "river", "lake", "mountain", "mount", "mt", "valley", "glacier", "park",
    "bay", "coast", "peninsula", "desert", "forest", "canyon", "district", "region", "village", "town",
    "township", "square", "heights", "springs", "falls", "harbor", "harbour",
}
COMPANY_HEADS = {"inc", "corp", "corporation", "co", "ltd", "llc", "plc", "company", "group", "holdings",
                 "technologies", "systems", "association", "league", "conference", "club", "union", "network",
                 "magazine", "newspaper", "times", "post", "news", "foundation", "fund", "airlines", "motors"}
ROADS = {"route", "highway", "interstate", "freeway", "motorway", "expressway", "turnpike", "hwy"}
PLACE_OPENERS = {"fort", "ft", "mount", "mt", "lake", "port", "cape", "lago", "monte"}  # "Fort Coffee", "Lake Placid"
PLACE_NOUNS = {"province", "city", "state", "town", "village", "county", "region", "island", "capital", "district",
               "suburb", "neighborhood", "neighbourhood", "area", "hometown"}
LOCATIVE = {"in", "near", "outside", "inside", "across", "throughout", "around"}
PERSON_VERBS = {"said", "says", "told", "added", "explained", "wrote", "married", "died", "born"}


def decide_types(doc: Doc, found: list[Found]) -> None:
    """Give every mention of a name that the reference tables do not know the type its
    mentions vote for, in place. Names are grouped by canonical name."""
    votes: dict[str, Counter] = defaultdict(Counter)
    sporting = is_sporting(doc, found)
    teams = _teams_by_home(found) if sporting else {}
    for m in found:
        if not _voted(m):
            continue
        if (sporting and m.label in {"GPE", "LOC"} and not name_votes(m.entity or m.text)["PERSON"]
                and not _built_place(m.entity or m.text)
                and (plays(doc, m) or stands_for_team(doc, m))):
            # "North Carolina beat Creighton": this mention is the team, whatever the name's other
            # mentions are ("arrested in San Diego" stays the city); it joins the team the article names.
            # A stadium or a road ("Arrowhead Stadium", "Route 94") is no team
            team = teams.get(name_key(m.entity or m.text))
            m.label, m.own_label = "ORG", True
            if team:
                m.entity, m.kind = team, "alias"
            continue
        # each mention votes with the words of the name it stands for, and its context
        votes[name_key(m.entity or m.text)] += name_votes(m.entity or m.text) + mention_votes(doc, m)
    for m in found:
        if not _voted(m):
            continue
        tally = votes[name_key(m.entity or m.text)]
        if not tally:
            continue
        label = max(tally.items(), key=lambda item: (item[1], PRIORITY.get(item[0], 0)))[0]
        if label != m.label:
            m.label = label


PRIORITY = {"PERSON": 4, "ORG": 3, "GPE": 2, "LOC": 1}


def _voted(m: Found) -> bool:
    return m.kb_id is None and not m.own_label and m.kind in {"name", "alias"} and m.label in {"PERSON", "ORG", "GPE", "LOC", "FAC"}


def name_votes(name: str) -> Counter:
    """The votes of a name's own words: a common given name first (2), a last word that makes
    it a facility, place or organisation (3: more than the model's label)."""
    words = [w for w in name.replace("-", " ").split() if w[:1].isalpha()]
    votes: Counter = Counter()
    if _road(name):
        votes["LOC"] += 3
        return votes
    if len(words) < 2:
        return votes
    last = words[-1].lower().rstrip(".")
    if (people.is_given_name(words[0]) or words[0].lower() in people.NICKNAMES) and _no_head(last):
        votes["PERSON"] += 2
    opener = any(w.lower().rstrip(".") in PLACE_OPENERS for w in words[:-1])  # "Fort Coffee", "Aoraki Mount Cook"
    if last in FACILITY_HEADS or last in PLACE_HEADS or opener and _no_head(last):
        votes["LOC"] += 3
    elif last in ORG_HEADS or last in COMPANY_HEADS:
        votes["ORG"] += 3
    return votes


def _built_place(name: str) -> bool:
    words = name.lower().split()
    return _road(name) or len(words) > 1 and words[-1].rstrip(".") in FACILITY_HEADS


def _road(name: str) -> bool:
    """ "Route 94", "State Route", "Interstate 35", "Highway 1": a numbered road is a place."""
    words = [w.lower().rstrip(".") for w in name.split()]
    if len(words) < 2:
        return False
    return words[-1] in ROADS or words[-1].isdigit() and words[-2] in ROADS


def mention_votes(doc: Doc, m: Found) -> Counter:
    """The votes one mention gives: its model label (1) and the words around it (1-2)."""
    votes: Counter = Counter({m.label: 1.0})
    words = [t for t in doc[m.tok_start:m.tok_end] if t.is_alpha]
    if not words:
        return votes
    place = "GPE" if m.label == "GPE" else "LOC"
    before = doc[m.tok_start - 1] if m.tok_start > 0 else None
    before2 = doc[m.tok_start - 2] if m.tok_start > 1 else None
    if before is not None:
        if before.lower_ in HONORIFICS or before.lower_.rstrip(".") in HONORIFICS or before.lower_ in HEADS:
            votes["PERSON"] += 2  # "Mr Buckley", "coach Mo Cheeks"
        elif before.lower_ == "of" and before2 is not None and before2.lower_ in PLACE_NOUNS:
            votes[place] += 2  # "the province of Aceh"
        elif before.lower_ in LOCATIVE and not people.is_given_name(words[0].text) and not _owner(doc, m):
            # "in Aceh", "in Banda Aceh" (not "in Smith's house"); against the model's organisation
            # label alone, "living in Christchurch" is a place, "in NATO" or "in Congress" is not
            votes[place] += 1.5 if _plain_name(words) else 1
        elif before.lower_ == "the" and m.label == "PERSON" and (len(words) == 1 or _plural(words[-1].text)
                                                                 and not people.is_given_name(words[0].text)):
            votes["ORG"] += 2  # "the Jaguars", "the Tar Heels": a person is not "the Smith"
    after = doc[m.tok_end] if m.tok_end < len(doc) else None
    if after is not None and after.lower_ in PLACE_NOUNS and after.lower_ not in {"area"}:
        votes[place] += 1  # "Aceh province"
    last = doc[m.tok_end - 1]
    if last.dep_ == "compound" and last.head.lower_ in FACILITY_HEADS and not last.head.text[:1].isupper():
        votes[place] += 2  # "a Huntsville prison"
    return votes


def _plural(word: str) -> bool:
    return len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is"))


def _plain_name(words: list) -> bool:
    """A name that does not read as an organisation's: no acronym, no organisation head word."""
    last = words[-1].lower_
    return not any(t.is_upper for t in words) and last not in ORG_HEADS and last not in COMPANY_HEADS


def _owner(doc: Doc, m: Found) -> bool:
    return m.tok_end < len(doc) and doc[m.tok_end].text in {"'s", "’s"}


def _no_head(last: str) -> bool:
    return not ({last} & (FACILITY_HEADS | PLACE_HEADS | ORG_HEADS | COMPANY_HEADS))


def is_sporting(doc: Doc, found: list[Found]) -> bool:
    """An article about a game: it names a team or league of the reference table, or gives a
    score ("23-20") beside a verb of winning or losing."""
    for m in found:
        if (m.kb_id or "").startswith("org:"):
            org = organisations.lookup(m.entity or m.text)
            if org and org.kind.startswith(("sports team", "league")):
                return True
    scores = SCORE.search(doc.text) is not None  # the tokenizer may split "91-73" into three tokens
    return scores and any(t.lemma_ in SPORTS_VERBS for t in doc)


def plays(doc: Doc, m: Found) -> bool:
    """A place name that wins, loses or has a coach is a team: subject or object of a verb of
    the game, or the owner of a team noun ("Creighton's coach")."""
    token = doc[m.tok_end - 1]
    if token.dep_ in {"nsubj", "nsubjpass", "dobj"} and token.head.lemma_ in SPORTS_VERBS:
        return True
    after = doc[m.tok_end] if m.tok_end < len(doc) else None
    if after is not None and after.text in {"'s", "’s"} and after.head.lemma_ in TEAM_NOUNS:
        return True
    return token.dep_ == "pobj" and token.head.lower_ in {"to", "over", "against"} and token.head.head.lemma_ in SPORTS_VERBS


def _teams_by_home(found: list[Found]) -> dict[str, str]:
    """Team names of the article ("San Diego Chargers", "Philadelphia 76ers") by the words before
    the nickname, where one team has them: the home a bare place name can stand for."""
    homes: dict[str, set[str]] = defaultdict(set)
    for m in found:
        words = (m.entity or m.text).split()
        last = words[-1] if words else ""
        if m.label == "ORG" and len(words) >= 2 and (last[:1].isdigit() or last[:1].isupper() and last.endswith("s")):
            homes[name_key(" ".join(words[:-1]))].add(m.entity or m.text)
    return {home: next(iter(names)) for home, names in homes.items() if len(names) == 1}


def stands_for_team(doc: Doc, m: Found) -> bool:
    """In an article about a game, a place name not written as a place (after "in", "near",
    "from", or pinned by its state: "Jacksonville, Fla.") stands for its team: "North Carolina's
    career scoring record", "against Detroit and Carolina", "Creighton (25-7)"."""
    if m.qualified:
        return False
    before = doc[m.tok_start - 1] if m.tok_start > 0 else None
    return before is None or before.lower_ not in PLACE_PREPOSITIONS


PLACE_PREPOSITIONS = LOCATIVE | {"from", "of", "to", "into", "via", "within"}
SCORE = re.compile(r"(?<![\d.,])\d{1,3} ?- ?\d{1,3}(?![\d.,]|\s?-\s?\d)")
SPORTS_VERBS = {"beat", "defeat", "edge", "rout", "top", "down", "win", "lose", "play", "score", "trail", "lead",
                "face", "host", "clinch", "tie", "upset", "outscore", "overcome", "eliminate", "advance", "fall"}
TEAM_NOUNS = {"coach", "team", "player", "offense", "defense", "quarterback", "win", "victory", "loss", "season",
              "roster", "guard", "forward", "center", "lineup", "fans", "streak"}
