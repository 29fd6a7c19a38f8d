"""Titles the office-holder data contradicts: "US President Joe Blinken".

Each role the entity extractor recorded (title as written, name as written, evidence
span) is checked against ``reference.offices`` for the days the article may have been
written on (``window.article_window``):

- role_mismatch: a known person given an office someone else held then
  ("US President Antony Blinken" in 2024);
- unknown_title_holder: a name that matches no known person, given an office whose
  holder then was someone else, while its surname is that of a known office-holder
  ("Joe Blinken": President Joe Biden, Secretary of State Antony Blinken).

Only offices one person holds at a time, in a known country or organisation, are
checked: "a US State Department spokesperson" or "Russian ambassador" can be many
people. A bare title ("President Antony Blinken") takes the country of the person
named; "Senate President" or "Fed President" is not a country's office and is left
alone, as are titles with a qualifier the office key does not carry ("deputy prime
minister", "former president", "president-elect", "the President's son"). A person
who held the office at any time in the data is not flagged: the text may look back.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from rapidfuzz import fuzz

from newsgraph.extract.checks.window import DateWindow, iso_bounds
from newsgraph.records import Article, Entity, Flag, Role
from newsgraph.reference import offices, people, read_table, split_list
from newsgraph.reference.keys import name_key
from newsgraph.spans import evidence_sentence

# Offices with one holder per country at a time (office keys, or classes for "leader").
SINGLE_HOLDER = {
    "president", "vice_president", "prime_minister", "chancellor", "monarch", "supreme_leader", "leader",
    "foreign_minister", "defence_minister", "national_security_advisor", "un_ambassador", "secretary_general",
    "commission_president", "council_president", "high_representative", "parliament_president",
    "intelligence_director", "security_council_secretary", "press_secretary",
}
# Deputy secretaries of state are one at a time in the US; elsewhere there are several deputies.
SINGLE_HOLDER_IN = {"deputy_foreign_minister": {"USA"}}
# A word in the title that changes which office it is, unless the office key says so itself.
QUALIFIERS = re.compile(r"\b(deputy|vice|assistant|under|shadow|acting|interim|elect|nominee|candidate|designate|"
                        r"hopeful|opposition|former|ex|late|then|outgoing|incoming|future|would-be|aspiring|rival|"
                        r"first lady|wife|husband|son|daughter|sister|brother|adviser|advisor|aide|envoy|spokes\w*|"
                        r"office|administration|ministry|department|government|candidate|son-in-law)\b")
SPELLING_VARIANT = 85  # rapidfuzz ratio above which an unknown name is a spelling of the holder's
CONFIDENCE = {  # (kind, exact date?) → confidence
    ("role_mismatch", True): 0.85, ("role_mismatch", False): 0.7,
    ("unknown_title_holder", True): 0.9, ("unknown_title_holder", False): 0.8,
}
OPEN_WINDOW_PENALTY = 0.15  # no date at all: checked against every term in the data
IMPLIED_COUNTRY_PENALTY = 0.1  # "President X": the country is our guess
# office_holders.tsv keeps terms that ran into 2015 and later ones: before 2015 it is incomplete.
DATA_FROM = date(2015, 1, 1)


def check_roles(article: Article, entities: list[Entity], window: DateWindow) -> list[Flag]:
    """One flag per (person, title) the data contradicts, at the first place it is written."""
    flags: list[Flag] = []
    seen: set[tuple[str, str]] = set()
    for entity in entities:
        if entity.type != "PERSON":
            continue
        for role in sorted(entity.roles, key=lambda r: r.start):
            key = (name_key(entity.name), name_key(role.role))
            if key in seen:
                continue
            seen.add(key)
            flag = check_role(article, entity, role, window)
            if flag is not None:
                flags.append(flag)
    return flags


def check_role(article: Article, entity: Entity, role: Role, window: DateWindow) -> Flag | None:
    """A Flag if the office-holder data says this person did not hold this title then."""
    parsed = offices.parse_title(role.role)
    name = role.surface or entity.name
    if not name_key(name):
        return None
    known = people.lookup(entity.name) or people.lookup(name) or people.by_short(name)
    implied = ""
    if parsed.country is None:
        parsed = _with_implied_country(parsed, role.role, name, known)
        if parsed.country:
            implied = f" The title names no country; {parsed.country} is that of the office-holder named {name.split()[-1]}."
    if not _checkable(parsed, role.role):
        return None
    window = sentence_window(article, role, window)
    if window is None:
        return None  # the sentence looks back to before the data begins
    every_term = offices.holders(parsed.office, parsed.country)
    in_office = _overlapping(every_term, window)
    if not in_office:
        return None  # the data does not cover this office then: nothing to compare with
    names = {name_key(entity.name), name_key(name)} | ({name_key(known.name)} if known else set())
    if any(name_key(t.person) in names for t in every_term):
        return None  # held it then, or at another time the text may be looking back (or ahead) to
    if known is not None:
        return _flag(article, role, "role_mismatch", window,
                     _mismatch_text(known.name, role, parsed, in_office, window) + implied, bool(implied))
    if _spelling_of_holder(name, in_office):
        return None
    namesakes = [p for p in offices.persons_with_surname(name.split()[-1]) if name_key(p) != name_key(name)]
    if not namesakes:
        return None  # an unknown name with no known surname: more likely a gap in our data
    return _flag(article, role, "unknown_title_holder", window,
                 _unknown_text(name, role, parsed, in_office, namesakes, window) + implied, bool(implied))


def _with_implied_country(parsed: offices.ParsedTitle, written: str, name: str,
                          known: people.Person | None) -> offices.ParsedTitle:
    """ "Secretary of State Mike Pompeo": a bare title takes the country of the person named
    (or, for an unknown name, of the one office-holder with its surname), if there is one."""
    if _norm_title(written) not in _bare_titles():
        return parsed  # "Senate President", "Fed President": not a country's office
    if known is not None:
        countries = {t.country for t in offices.terms_of(known.name)}
    else:
        countries = {t.country for p in offices.persons_with_surname(name.split()[-1]) for t in offices.terms_of(p)}
    if len(countries) != 1:
        return parsed
    return offices.ParsedTitle(parsed.text, parsed.office, countries.pop(), parsed.former)


@lru_cache(maxsize=1)
def _bare_titles() -> frozenset[str]:
    """Every title of office_titles.tsv, normalised: "president", "secretary of state"."""
    return frozenset(_norm_title(t) for row in read_table("office_titles.tsv") for t in split_list(row.get("titles", "")))


def _norm_title(text: str) -> str:
    """Lower case, no article or "the country's" in front: what is left must be a bare title."""
    text = text.lower().replace("’", "'").strip()
    text = re.sub(r"^(?:(?:the|his|her|their|its)\s+(?:country|nation)'s|the|a|an)\s+", "", text)
    return re.sub(r"\s+", " ", re.sub(r"[^\w' -]+", " ", text)).strip()


def sentence_window(article: Article, role: Role, window: DateWindow) -> DateWindow | None:
    """The article's window, stretched back to a year its sentence names ("a 2012 phone call to
    Russia's President Medvedev"); None if that year is before the office-holder data begins."""
    sentence = evidence_sentence(article.text, role.start, role.end)
    years = [int(y) for y in re.findall(r"\b(19[5-9]\d|20\d\d)\b", sentence)]
    earlier = [y for y in years if window.start is None or y < window.start.year]
    if not earlier:
        return window
    start = date(min(earlier), 1, 1)
    if start < DATA_FROM:
        return None
    return DateWindow(start, window.end, f"{window.basis}; the sentence refers to {min(earlier)}", window.exact)


def _checkable(parsed: offices.ParsedTitle, written: str) -> bool:
    if parsed.office is None or parsed.country is None or parsed.former:
        return False
    single = parsed.office in SINGLE_HOLDER or parsed.country in SINGLE_HOLDER_IN.get(parsed.office, set())
    if not single:
        return False
    words = written.lower().replace("’", "'")
    for match in QUALIFIERS.finditer(words):
        word = {"adviser": "advisor"}.get(match.group(1), match.group(1)).split("-")[0]
        if word not in parsed.office:
            return False
    return not _continues_after_title(words)


def _continues_after_title(words: str) -> bool:
    """ "the President's son", "leader's sister": the title only describes someone else
    ("North Korea's leader" is still a title)."""
    after = re.search(r"'s\s+(\w+)\s*$", words)
    return bool(after) and after.group(1) not in _title_heads()


@lru_cache(maxsize=1)
def _title_heads() -> frozenset[str]:
    """The last word of every office title: "leader", "president", "minister", "state"..."""
    return frozenset(t.split()[-1] for t in _bare_titles() if t)


def _overlapping(terms: list[offices.OfficeTerm], window: DateWindow) -> list[offices.OfficeTerm]:
    """Terms that share at least one day with the window (all terms, if the window is open)."""
    out = []
    for term in terms:
        start = iso_bounds(term.start)[0]
        end = iso_bounds(term.end)[1] if term.end else date.max
        if window.end is not None and start > window.end:
            continue
        if window.start is not None and end < window.start:
            continue
        out.append(term)
    return out


def _spelling_of_holder(name: str, in_office: list[offices.OfficeTerm]) -> bool:
    """ "Zelenskiy" for "Volodymyr Zelensky": the same person, spelt differently."""
    key = name_key(name)
    for term in in_office:
        holder = name_key(term.person)
        if fuzz.ratio(key, holder) >= SPELLING_VARIANT or fuzz.ratio(key.split()[-1], holder.split()[-1]) >= SPELLING_VARIANT:
            return True
    return False


def _terms_text(terms: list[offices.OfficeTerm]) -> str:
    seen: dict[str, str] = {}
    for t in terms:
        seen.setdefault(t.person, f"{t.person} ({t.title or t.office}, {t.start} – {t.end or 'present'})")
    return "; ".join(seen.values())


def _mismatch_text(person: str, role: Role, parsed: offices.ParsedTitle, in_office: list[offices.OfficeTerm],
                   window: DateWindow) -> str:
    own = offices.terms_of(person)
    held = f" {person}'s offices in the data: {_terms_text(own)}." if own else ""
    return (f"The text calls {role.surface or person} \"{role.role}\". {_when(window)} that office was held by "
            f"{_terms_text(in_office)}, not {person}.{held}")


def _unknown_text(name: str, role: Role, parsed: offices.ParsedTitle, in_office: list[offices.OfficeTerm],
                  namesakes: list[str], window: DateWindow) -> str:
    others = "; ".join(_terms_text(offices.terms_of(p)) or p for p in namesakes)
    return (f"\"{name}\" matches no known person. {_when(window)} \"{role.role}\" was {_terms_text(in_office)}. "
            f"The known office-holder{'s' if len(namesakes) > 1 else ''} named {name.split()[-1]}: {others}."
            + _mix_up(name, in_office, namesakes))


def _mix_up(name: str, in_office: list[offices.OfficeTerm], namesakes: list[str]) -> str:
    """ "Joe Blinken": the first name of the holder (Joe Biden) on the surname of another (Blinken)."""
    first = name_key(name).split()[0]
    same_first = [t.person for t in in_office if len(name.split()) > 1 and name_key(t.person).split()[0] == first]
    if same_first:
        return f" The name joins {same_first[0]}'s first name to {namesakes[0]}'s surname."
    return ""


def _when(window: DateWindow) -> str:
    if not window.known:
        return "The article has no date, so every term in the data was checked: at any time"
    return f"{window.basis[0].upper()}{window.basis[1:]}; {window.describe()}"


def _flag(article: Article, role: Role, kind: str, window: DateWindow, explanation: str,
          implied_country: bool = False) -> Flag:
    confidence = CONFIDENCE[(kind, window.exact)] - (0 if window.known else OPEN_WINDOW_PENALTY)
    confidence -= IMPLIED_COUNTRY_PENALTY if implied_country else 0
    return Flag(article=article.id, kind=kind, start=role.start, end=role.end,
                mention=role.evidence or article.text[role.start:role.end], explanation=explanation,
                evidence=evidence_sentence(article.text, role.start, role.end), confidence=round(confidence, 2))
