"""Organisations and facilities under their other names in one article.

- "the Bush administration" is an organisation, not Bush.
- A place followed by a capitalised plural is a team or company ("Indianapolis Colts",
  "Philadelphia 76ers"), not the place.
- "Intel Corp" and "Advanced Micro Devices Inc" are Intel and Advanced Micro Devices.
- An acronym whose letters are the initials of a longer name in the article is that name
  ("AMD" after "Advanced Micro Devices", "SAF" after "Sudan Armed Forces").
- A single word that is the last word of a longer organisation name ("the Colts" after
  "Indianapolis Colts"), or the distinctive words before its generic head ("Betty Ford"
  and "Promises" after "Betty Ford Center", "Promises Treatment Center"; "ATI" after "ATI
  Technologies"), is that name;
  capitalised words of that kind the model left untagged become mentions too.
- A name the type vote made an organisation that opens a longer organisation name of the
  article is that organisation ("Indianapolis", a team, is the Indianapolis Colts).
- An organisation's name with "and" inside is one name, not two: "the Central Commission for
  Elections and Referenda", "UN Relief and Works Agency" (but "Intel and Nvidia" stay two).
- A maker named before its product ("a 2013 Toyota Camry", "an Airbus A380") names the
  product, not an actor, and is no mention.
- A code in brackets right after an organisation's name ("ATI Technologies (ATYT)",
  "Advanced Micro Devices (AMD)") is its ticker or acronym: part of that one mention, and an
  alias of the organisation, not a second actor.
- In a game report, a team's nickname ("Chiefs", "Saints") is the team of the reference
  table that has it, tagged or not (elsewhere such words are too often everyday words).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from newsgraph.extract.entities.headlines import Casing, common_word
from newsgraph.extract.entities.mentions import ORG_HEADS, Found, covered_tokens
from newsgraph.extract.entities.titlewords import PEOPLE_NOUNS, TITLE_WORDS
from newsgraph.extract.entities.types import COMPANY_HEADS, FACILITY_HEADS, PLACE_HEADS, SCORE, SPORTS_VERBS, is_sporting
from newsgraph.reference import organisations
from newsgraph.reference.keys import name_key

CORPORATE_SUFFIXES = {"inc", "inc.", "corp", "corp.", "co", "co.", "ltd", "ltd.", "llc", "plc", "corporation"}
GENERIC = FACILITY_HEADS | ORG_HEADS | COMPANY_HEADS | {"treatment", "medical", "national", "international",
                                                       "rehabilitation", "correctional", "memorial", "regional"}
ADMINISTRATIONS = {"administration", "government", "campaign"}
TRADE_WORDS = {"technologies", "technology", "systems", "holdings", "industries", "labs", "laboratories", "software",
               "communications", "pharmaceuticals", "networks", "ventures", "enterprises", "semiconductor",
               "electronics", "microsystems", "dynamics", "logistics", "entertainment"}
OTHER_NAMES = {"LAW", "WORK_OF_ART", "EVENT", "PRODUCT", "LANGUAGE"}  # names of things that are not actors
JOINERS = {"of", "and", "the", "for", "&", "de", "-"}


def team_names(doc: Doc, found: list[Found], casing: Casing | None = None, verbs: frozenset[str] = frozenset()) -> list[Found]:
    """ "Indianapolis Colts": a place without a reference link followed by capitalised words
    ending in a plural or starting with a digit becomes one ORG mention. In a title-case line
    a word the article shows to be common is no nickname ("CREIGHTON DEFEATS DRAKE", "Texas
    Lifer Escapes")."""
    def team_word(token) -> bool:
        if casing is not None and casing.title_case[token.i] and token.is_alpha and common_word(token, casing, verbs):
            return False
        return _team_word(token)

    by_start = {m.tok_start: m for m in found}
    dropped: set[int] = set()
    out: list[Found] = []
    for m in found:
        if id(m) in dropped:
            continue
        if m.label == "PERSON" and m.tok_end < len(doc) and doc[m.tok_end].lower_ in ADMINISTRATIONS:
            span = doc[m.tok_start:m.tok_end + 1]  # "the Bush administration" is an organisation
            out.append(Found(span.start_char, span.end_char, span.start, span.end, span.text, "ORG"))
            continue
        follower = by_start.get(m.tok_end)
        home_as_org = m.label == "ORG" and m.kb_id is None and _table_team(follower)  # "San Diego" tagged ORG
        if m.label not in {"GPE", "LOC"} and not home_as_org or (m.kb_id or "").startswith("country:"):
            out.append(m)
            continue
        end = m.tok_end
        kb_id = None
        if follower is not None and team_word(doc[follower.tok_end - 1]) and (
                follower.kb_id is None or follower.kb_id.startswith("org:")):
            end, kb_id = follower.tok_end, follower.kb_id  # "San Diego" + "Chargers" (a team of the table)
            dropped.add(id(follower))
        else:
            while end < len(doc) and end - m.tok_end < 3 and _capitalised(doc[end]) and end not in by_start:
                end += 1
            while end > m.tok_end and not team_word(doc[end - 1]):
                end -= 1
        if end == m.tok_end:
            out.append(m)
            continue
        span = doc[m.tok_start:end]
        out.append(Found(span.start_char, span.end_char, span.start, span.end, span.text, "ORG", kb_id=kb_id))
    return out


def _table_team(m: Found | None) -> bool:
    """A mention the reference table links to a sports team ("Chargers")."""
    if m is None or not (m.kb_id or "").startswith("org:"):
        return False
    org = organisations.lookup(m.entity or m.text)
    return org is not None and org.kind.startswith("sports team")


def _capitalised(token) -> bool:
    return (token.text[:1].isupper() or token.text[:1].isdigit()) and not token.is_punct and "\n" not in token.text


def _team_word(token) -> bool:
    word = token.text
    if word[:1].isdigit():
        return any(c.isalpha() for c in word)  # "76ers"
    return (word[:1].isupper() and word.lower().endswith("s") and not word.lower().endswith("ss")
            and word.lower() not in TITLE_WORDS and word.lower() not in GENERIC)


def organisation_aliases(doc: Doc, found: list[Found]) -> list[Found]:
    """Resolve acronyms, suffixed and short forms of the article's longer organisation names,
    in place; return the mentions with the untagged short forms added, in text order."""
    for m in found:
        if m.label == "ORG" and m.kb_id is None:
            base = strip_corporate(m.entity or m.text)
            if base != (m.entity or m.text):
                m.entity, m.kind = base, "alias" if m.kind == "name" else m.kind
    longer = [m for m in found if m.label in {"ORG", "FAC", "LOC"} and m.kb_id is None
              and len(_words(m.entity or m.text)) >= 2 and (m.label == "ORG" or _generic_last(m.entity or m.text))]
    if not longer:
        return found
    forms: dict[str, str] = {}
    label_of: dict[str, str] = {}
    for m in longer:
        full = m.entity or m.text
        label_of[full] = m.label
        for form in short_forms(full):
            forms.setdefault(name_key(form), full)
    for m in found:
        if m in longer or (m.kb_id or "").split(":")[0] in {"country", "org", "outlet", "person"}:
            continue
        full = forms.get(name_key(m.text))
        if full and m.label == "PERSON" and company_core(full) == m.text:
            continue  # "Coburn" beside "Pip Coburn" and "Coburn Ventures": the person's
        if full and full != m.entity and m.label != "GPE" and (m.label != "PERSON" or len(m.text.split()) <= 2):
            m.entity, m.kind, m.label, m.kb_id = full, "alias", label_of[full], None
    return sorted(found + _untagged(doc, found, forms, label_of), key=lambda m: m.start)


def names_with_and(doc: Doc, found: list[Found], casing: Casing) -> list[Found]:
    """Join an organisation mention cut at "and" with the words after it: when the part before
    "and" ends in a common word inside a prepositional phrase of the name ("Commission for
    Elections and Referenda"; not "Bank of America and Citigroup"), or when capitalised words no
    mention took, "and", and a mention ending in an organisation word follow it ("UN Relief and
    Works Agency")."""
    by_start = {m.tok_start: m for m in found}
    covered = covered_tokens(doc, found)
    out: list[Found] = []
    dropped: set[int] = set()
    for m in found:
        if id(m) in dropped:
            continue
        end = _after_and(doc, m, by_start, casing)
        start = m.tok_start
        if end is None:
            start, end = _untagged_before_and(doc, m, covered, by_start)
        if end is None:
            out.append(m)
            continue
        for other in found:
            if other is not m and start <= other.tok_start and other.tok_end <= end:
                dropped.add(id(other))
        span = doc[start:end]
        out.append(Found(span.start_char, span.end_char, span.start, span.end, span.text, "ORG"))
    return [m for m in out if id(m) not in dropped]


def _after_and(doc: Doc, m: Found, by_start: dict[int, Found], casing: Casing) -> int | None:
    if m.label != "ORG" or m.kb_id or m.kind != "name" or m.tok_end + 1 >= len(doc) or doc[m.tok_end].lower_ != "and":
        return None
    after = by_start.get(m.tok_end + 1)
    if after is None or after.label != "ORG" or after.kb_id or after.tok_end - after.tok_start > 3:
        return None
    inner = [t.lower_ for t in doc[m.tok_start:m.tok_end - 1]]
    last = doc[m.tok_end - 1]
    if not ({"for", "of"} & set(inner)) or last.lower_ not in casing.lower:
        return None
    return after.tok_end


def _untagged_before_and(doc: Doc, m: Found, covered: list[bool], by_start: dict[int, Found]) -> tuple[int, int | None]:
    """ "UN" + "Relief" + "and" + "Works Agency": (start, end) of the whole name, or (start, None)."""
    if m.label not in {"ORG", "GPE"} or m.kind not in {"name", "alias"} or m.tok_end + 2 >= len(doc):
        return m.tok_start, None
    i = m.tok_end
    while i < len(doc) and i - m.tok_end < 2 and not covered[i] and doc[i].is_title and doc[i].is_alpha \
            and doc[i].lower_ != "and":
        i += 1
    if i == m.tok_end or i >= len(doc) or doc[i].lower_ != "and":
        return m.tok_start, None
    after = by_start.get(i + 1)
    if after is None or after.label != "ORG" or after.kb_id or doc[after.tok_end - 1].lower_ not in ORG_HEADS | COMPANY_HEADS:
        return m.tok_start, None
    return m.tok_start, after.tok_end


def product_makers(doc: Doc, found: list[Found], casing: Casing) -> list[Found]:
    """``found`` without organisations that only name the maker of a product: the organisation
    modifies a capitalised word right after it that no mention covers and that is no common
    word, title or organisation word ("Toyota Camry", "Airbus A380", "Apple iPhone"; not "Microsoft
    CEO", "Google News", "Toyota Motor Corp.", nor in a title-case line)."""
    covered = covered_tokens(doc, found)
    return [m for m in found if not _names_a_product(doc, m, covered, casing)]


def _names_a_product(doc: Doc, m: Found, covered: list[bool], casing: Casing) -> bool:
    if m.label != "ORG" or m.kind != "name" or m.tok_end >= len(doc):
        return False
    product, last = doc[m.tok_end], doc[m.tok_end - 1]
    word = product.text
    if covered[product.i] or not word.isalnum() or "\n" in last.whitespace_ or last.dep_ != "compound" or last.head.i != product.i:
        return False
    if not (word[:1].isupper() or word[:1].islower() and any(c.isupper() for c in word[1:])):
        return False  # "Camry", "A380", "iPhone"; not "chips"
    if product.ent_type_ not in {"", "PRODUCT"} or product.lower_ in casing.lower or product.is_stop:
        return False
    if last.lower_ in GENERIC:
        return False  # "the Southwest Times Record": a name ending in an organisation word goes on
    if casing.title_case[product.i] or product.lower_ in PEOPLE_NOUNS:
        return False  # "Microsoft Releases Patch": every word of a headline is capitalised; "Blazers Coach"
    return product.lower_ not in TITLE_WORDS | GENERIC | TRADE_WORDS | CORPORATE_SUFFIXES and product.lower_ not in {"motor", "motors"}


def bracketed_codes(doc: Doc, found: list[Found]) -> list[Found]:
    """An organisation's name followed by "(CODE)" becomes one mention spanning both; the code's own
    mention, if any, is dropped unless the reference tables link it to something else. A code is
    one token of two to eight letters or digits, capitalised, with at least two capitals ("AMD",
    "ATYT", "TsKVPR"); an exchange and ticker ("(NYSE: AMD)") are dropped by ``mentions``."""
    by_start = {m.tok_start: m for m in found}
    dropped: set[int] = set()
    for m in found:
        end = m.tok_end
        if m.label != "ORG" or m.kind not in {"name", "alias"} or end + 2 >= len(doc):
            continue
        opening, code, closing = doc[end], doc[end + 1], doc[end + 2]
        if opening.text != "(" or closing.text != ")" or not _code(code.text):
            continue
        inner = by_start.get(code.i)
        if inner is not None and inner.kb_id and inner.entity not in {None, m.entity or m.text}:
            continue  # "Apple (US)": a country or another organisation of the tables
        if inner is not None:
            dropped.add(id(inner))
        m.entity = m.entity or m.text
        m.code = code.text
        m.tok_end, m.end = closing.i + 1, closing.idx + 1
        m.text = doc[m.tok_start:m.tok_end].text
    return [m for m in found if id(m) not in dropped] if dropped else found


def _code(text: str) -> bool:
    return (2 <= len(text) <= 8 and text.isalnum() and text[:1].isupper()
            and sum(c.isupper() for c in text) >= 2 and any(c.isalpha() for c in text))


def strip_corporate(name: str) -> str:
    """ "Intel Corp." → "Intel"; "Advanced Micro Devices, Inc." → "Advanced Micro Devices"."""
    words = name.replace(",", " ").split()
    while len(words) > 1 and words[-1].lower() in CORPORATE_SUFFIXES:
        words = words[:-1]
    return " ".join(words) if len(words) < len(name.split()) or "," in name else name


def short_forms(full: str) -> list[str]:
    """The acronym, the last word, and the words before the generic head of a longer name."""
    words = _words(full)
    forms = []
    initials = "".join(w[0] for w in words if w.lower() not in JOINERS and w[:1].isalpha())
    if len(initials) >= 2:
        forms.append(initials.upper())
    last = words[-1]
    if last[:1].isupper() and last.lower() not in GENERIC and last.lower() not in TITLE_WORDS:
        forms.append(last)
    head = len(words)
    while head > 1 and words[head - 1].lower() in GENERIC:
        head -= 1
    if 0 < head < len(words) and words[-1].lower() in FACILITY_HEADS and words[head - 1].lower() not in PLACE_HEADS:
        forms.append(" ".join(words[:head]))  # "Betty Ford" for "Betty Ford Center", not "Fulton County" for its jail
    core = company_core(full)
    if core:
        forms.append(core)
    return forms


def company_core(full: str) -> str | None:
    """ "ATI" for "ATI Technologies", "Marvell" for "Marvell Technology": the name before a
    trade word that companies add to their name (not "New York" for "New York Times")."""
    words = _words(strip_corporate(full))
    if len(words) == 2 and words[1].lower() in TRADE_WORDS and words[0][:1].isupper():
        return words[0]
    return None


def _generic_last(name: str) -> bool:
    words = _words(name)
    return bool(words) and words[-1].lower() in FACILITY_HEADS


def _words(name: str) -> list[str]:
    return [w for w in re.split(r"[\s]+", name.strip()) if w]


def _untagged(doc: Doc, found: list[Found], forms: dict[str, str], label_of: dict[str, str]) -> list[Found]:
    """Capitalised single words outside any mention that are a short form of a longer name."""
    covered = covered_tokens(doc, found)
    for ent in doc.ents:  # "Act" in "the Endangered Species Act" (a law), "Wildlife" in a title
        if ent.label_ in OTHER_NAMES:
            for i in range(ent.start, ent.end):
                covered[i] = True
    extra = []
    for token in doc:
        if covered[token.i] or not token.text[:1].isupper() or not token.is_alpha or token.is_sent_start:
            continue
        full = forms.get(name_key(token.text))
        if full and len(token.text) >= 3:
            extra.append(Found(token.idx, token.idx + len(token.text), token.i, token.i + 1, token.text,
                               label_of[full], "alias", full))
    return extra


def team_nicknames(doc: Doc, found: list[Found]) -> list[Found]:
    """In an article about a game, capitalised nicknames of the reference table's teams become
    (or relabel) mentions of the team; elsewhere the mentions are returned unchanged."""
    if not is_sporting(doc, found):
        return found
    by_start = {m.tok_start: m for m in found if m.tok_end - m.tok_start == 1}
    covered = covered_tokens(doc, found)
    extra = []
    for token in doc:
        if not token.is_alpha or not (token.is_title or token.is_upper) or len(token.text) < 4:
            continue
        team = organisations.team_by_nickname(token.text)
        if team is None:
            continue
        single = by_start.get(token.i)
        if single is not None and single.kb_id is None:
            single.label, single.entity, single.kb_id, single.kind = "ORG", team.name, team.kb_id, "alias"
        elif not covered[token.i]:
            extra.append(Found(token.idx, token.idx + len(token.text), token.i, token.i + 1, token.text,
                               "ORG", "alias", team.name, team.kb_id))
    return sorted(found + extra, key=lambda m: m.start) if extra else found


def untagged_teams(doc: Doc, found: list[Found], casing: Casing) -> list[Found]:
    """In an article about a game, capitalised words the model left untagged (or read as part of a
    score: "Evansville 51 - 50" a PRODUCT) that play are a team: "the top-seeded Bluejays defeated
    Drake", "beat Evansville 91-73", "the No. 1 Tar Heels". A run of one to three capitalised words
    mid-sentence that the prose never writes lower-case, either the subject or object of a verb of
    the game, or a plural nickname after "the"."""
    if not is_sporting(doc, found):
        return found
    covered = covered_tokens(doc, found)
    extra: list[Found] = []
    i = 0
    while i < len(doc):
        end = i
        while end < len(doc) and end - i < 3 and not covered[end] and _name_word(doc[end], casing):
            end += 1
        if end == i:
            i += 1
            continue
        span = doc[i:end]
        if not doc[i].is_sent_start and not casing.title_case[i] and _plays_or_nickname(span):
            extra.append(Found(span.start_char, span.end_char, span.start, span.end, span.text, "ORG",
                               entity=span.text, own_label=True))
        i = end
    return sorted(found + extra, key=lambda m: m.start) if extra else found


def _name_word(token, casing: Casing) -> bool:
    return (token.is_alpha and token.is_title and len(token.text) > 1 and token.lower_ not in casing.lower
            and not token.is_stop and token.lower_ not in TITLE_WORDS and "\n" not in token.whitespace_)


def _plays_or_nickname(span) -> bool:
    """The span is a team by its grammar: it wins, loses, is beaten, or is "the <plural>"."""
    doc, last = span.doc, span[-1]
    before = doc[span.start - 1] if span.start > 0 else None
    if last.dep_ in {"nsubj", "nsubjpass", "dobj"} and last.head.lemma_ in SPORTS_VERBS:
        return True
    if last.dep_ == "pobj" and last.head.lower_ in {"over", "against", "past"}:
        return True
    if span.end < len(doc) and SCORE.match(doc[span.end:span.end + 3].text) and before is not None and (
            before.lemma_ in SPORTS_VERBS or before.lemma_ == "visit" or before.lower_ in {"over", "against", "past", "beat"}):
        return True
    plural = last.text.endswith("s") and not last.text.endswith("ss")
    return plural and before is not None and (before.lower_ == "the" or before.text.endswith("-seeded")
                                              or before.like_num and span.start > 1 and doc[span.start - 2].lower_.startswith("no"))


def leading_words(doc: Doc, found: list[Found]) -> None:
    """ "Indianapolis" voted a team (ORG) in an article that names the "Indianapolis Colts" is
    the Colts: an organisation whose words open exactly one team name of the article (one
    ending in a capitalised plural) joins it ("SeaMicro" stays apart from "SeaMicro ASIC").
    Changes mentions in place; run after the type vote."""
    longer: dict[str, set[str]] = {}
    for m in found:
        if (m.label == "ORG" and m.entity and m.kind in {"name", "alias"} and len(m.entity.split()) >= 2
                and _team_word(doc[m.tok_end - 1])):
            words = m.entity.split()
            for n in range(1, len(words)):
                longer.setdefault(name_key(" ".join(words[:n])), set()).add(m.entity)
    for m in found:
        if m.label != "ORG" or not m.entity or (m.kb_id or "").startswith(("org:", "outlet:")):
            continue
        targets = longer.get(name_key(m.entity), set()) - {m.entity}
        if len(targets) == 1:
            m.entity, m.kind = next(iter(targets)), "alias"
