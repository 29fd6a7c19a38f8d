"""Entity rules from reference data, added to the spaCy pipeline by ``nlp.py``.

The small English model misses or mislabels many names in international news (it tags
"Campbell" as ORG and glues "Getty Images\\n\\nKurt" into one ORG). Phrases from the
reference tables are set first, each with its reference id as ``ent_id_``; the
statistical NER keeps them and labels only the rest.

Demonyms are the exception: they are set after the statistical NER, only where it found
nothing. Set first, "American" in "American Airlines" or "American Eagle Outfitters"
became a mention of the United States and hid the company from the NER; the NER knows
such names, and misses few bare demonyms.
"""

from __future__ import annotations

from typing import Callable

from spacy.language import Language

from newsgraph.reference import countries, organisations, people
from newsgraph.reference.keys import name_key

# Names that are also common first names or words; the statistical NER decides for them.
AMBIGUOUS = {
    "Chad", "Jordan", "Georgia", "Victoria", "Kingston", "Georgetown", "Male", "Malé", "Hamilton",
    "Praia", "Sucre", "CAR", "RF", "ROC", "America", "Emirates", "Lula", "Vatican", "Tedros", "Sugiono",
    "Holland", "Bharat", "Persia", "People", "Telegram", "Oracle",
}


def entity_patterns() -> list[dict]:
    """Phrase patterns (label, pattern, id) from countries, people, organisations and outlets.

    Demonyms are not here (see ``demonym_patterns``).
    """
    patterns, add = _pattern_list()
    # people first: "Israel Katz" must stay a person, not Israel + Katz
    for person in people.all_people():
        for name in (person.name, *person.aliases, *person.short):
            add("PERSON", name, person.kb_id)
    for org in organisations.all_organisations():
        for name in (org.name, *org.aliases, *([org.code] if org.code else [])):
            if len(name) >= 2 and name not in {"WHO", "IS"}:
                add("ORG", name, org.kb_id)
                words = name.split()
                if len(words) > 1:  # "UN security council"
                    add("ORG", " ".join(words[:1] + [w.lower() for w in words[1:]]), org.kb_id)
    for outlet in _outlets():
        for name in (outlet.name, *outlet.aliases):
            if len(name.split()) > 1:  # one-word outlet names ("Time", "NV") are too often plain words
                add("ORG", name, f"outlet:{name_key(outlet.name)}")
                if name.startswith("The "):
                    add("ORG", "the " + name[4:], f"outlet:{name_key(outlet.name)}")
    for c in countries.all_countries():
        for name in (c.name, *c.aliases):
            if len(name) > 2 or name in {"US", "UK"}:
                add("GPE", name, c.kb_id)
        for name in (c.capital, *c.capital_aliases):
            if name and countries.lookup(name) is None:
                add("GPE", name, f"capital:{c.iso3}")
                add("GPE", name.upper(), f"capital:{c.iso3}")  # datelines: "MOSCOW —"
        for name in c.seats:
            add("ORG", name, f"seat:{c.iso3}")
    return patterns


def demonym_patterns() -> list[dict]:
    """ "Russian" -> Russia, for the words of nationality the statistical NER left unlabelled."""
    patterns, add = _pattern_list()
    for c in countries.all_countries():
        for name in c.demonyms:
            if countries.lookup(name) is None and countries.by_demonym(name) is c:
                add("NORP", name, f"demonym:{c.iso3}")
    return patterns


def _pattern_list() -> tuple[list[dict], Callable[[str, str, str], None]]:
    """An empty pattern list and its ``add``: each phrase once, names in AMBIGUOUS left to the NER."""
    patterns: list[dict] = []
    seen: set[str] = set()

    def add(label: str, phrase: str, id_: str) -> None:
        if phrase and phrase not in AMBIGUOUS and phrase not in seen:
            seen.add(phrase)
            patterns.append({"label": label, "pattern": phrase, "id": id_})

    return patterns, add


def _outlets() -> list:
    """The outlet table, if the outlets module is installed (it is another stage's data)."""
    try:
        from newsgraph.reference.outlets import default_outlets
    except ImportError:
        return []
    try:
        return list(default_outlets().outlets)
    except (OSError, ValueError):
        return []


def add_entity_rules(nlp: Language) -> None:
    """Add the reference phrases before the statistical NER, and the demonyms after it."""
    if "entity_ruler" in nlp.pipe_names:
        return
    has_ner = "ner" in nlp.pipe_names
    ruler = nlp.add_pipe("entity_ruler", before="ner" if has_ner else None,
                         config={"overwrite_ents": False, "validate": False})
    demonyms = nlp.add_pipe("entity_ruler", name="demonym_ruler", after="ner" if has_ner else "entity_ruler",
                            config={"overwrite_ents": False, "validate": False})
    with nlp.select_pipes(enable=[]):
        ruler.add_patterns(entity_patterns())
        demonyms.add_patterns(demonym_patterns())
