"""Which entities of different articles are the same actor: the decision, without the store.

Extraction gives each article's entities an id from their type and name, so "Lindsay
Lohan" is already one entity everywhere she is named in full. What is left is decided
here, each time with evidence from the articles themselves:

1. one type per name: "Wladimir Klitschko" a GPE in one article and a PERSON in ten is
   a PERSON (the type most of its mentions across the corpus have, when it is clear; a
   place called GPE here and LOC there takes the more frequent of the two);
2. short forms: an article that only says "Peterson", "Laci", "the Saints" or "AMD"
   means the full name whose articles share the most context with it (other entities
   named in both, the same story); with no context in common, or two full names sharing
   it equally (Laci and Scott Peterson), the short form stays apart;
3. variants of one full name ("Christopher Simpson", "Christopher Kenyon Simpson") with
   context in common join the form more articles use;
4. a place or organisation spelt another way ("Mt Cook", "Mount Cook"; "Sea Micro") joins
   the spelling more articles use, and one with another generic head ("Betty Ford Clinic",
   "Betty Ford Center") joins it when their articles share context.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from newsgraph.extract.entities import compatible_names, organisation_short_forms, short_forms
from newsgraph.reference import people
from newsgraph.reference.keys import entity_id, name_key

TYPE_MAJORITY = 2 / 3  # share of a name's mentions a type needs to become the name's type
STORY_WEIGHT = 3  # sharing a story counts as much as three shared entities
PLACE_OR_ORG = {"ORG", "GPE", "LOC"}
PLACES = {"GPE", "LOC"}
SPELLINGS = {"mt": "mount", "ft": "fort", "centre": "center", "theatre": "theater", "&": "and"}
GENERIC_HEADS = {"center", "clinic", "treatment", "facility", "hospital", "rehab", "rehabilitation", "institute"}
OWN_NAME_RATIO = 2  # a short form used alone in more than twice the full name's articles is a name of its own
MAX_CONTEXT_ARTICLES = 300  # a candidate's context is read from this many of its articles at most


@dataclass
class EntityUse:
    """One entity as one article uses it."""

    name: str
    type: str
    kb_id: str | None = None
    mentions: int = 1
    aliases: tuple[str, ...] = ()


@dataclass
class ArticleEntities:
    article: str
    entities: dict[str, EntityUse]  # entity id -> use
    story: str | None = None


@dataclass
class Target:
    id: str
    name: str
    type: str
    evidence: str  # why: "type", "short form", "variant"


@dataclass
class _Global:
    name: str
    type: str
    kb_id: str | None
    mentions: int = 0
    articles: set[str] = field(default_factory=set)
    aliases: set[str] = field(default_factory=set)


def link_across(articles: list[ArticleEntities]) -> dict[tuple[str, str], Target]:
    """(article, entity id) -> the entity it is the same as, for the uses that change."""
    by_article = {a.article: a for a in articles}
    out: dict[tuple[str, str], Target] = {}
    retyped = _one_type_per_name(articles)
    for a in articles:
        for eid, use in a.entities.items():
            if eid in retyped:
                out[a.article, eid] = retyped[eid]
    final = _current(articles, out)
    entities = _globals(final)
    context = {a.article: {eid for eid, _ in final[a.article]} for a in articles}
    index = _short_index(entities)
    surnames: dict[str, list[str]] = defaultdict(list)
    for eid, g in entities.items():
        if g.type == "PERSON" and len(g.name.split()) >= 2:
            surnames[name_key(g.name.split()[-1])].append(eid)
    variants = _variant_index(entities)
    for a in articles:
        for eid, use in final[a.article]:
            target = (_full_name_for(a, eid, use, entities, index, surnames, context, by_article)
                      or _spelling_variant(a, eid, use, entities, variants, context, by_article))
            if target is not None:
                out[a.article, _original(a, eid, out)] = target
    return out


def spelling_key(name: str) -> str:
    """A place or organisation name with its spelling evened out: "Mt Cook" and "Mount Cook",
    "Sea Micro" and "SeaMicro", "Treatment Centre" and "Treatment Center"."""
    words = [SPELLINGS.get(w, w) for w in name_key(name).replace(".", " ").split()]
    return "".join(w for w in words if w != "the")


def core_key(name: str) -> str:
    """The name without its generic head: "Betty Ford" for "Betty Ford Clinic" and for "Betty
    Ford Treatment Center"; empty when nothing is dropped or one word is left."""
    words = [SPELLINGS.get(w, w) for w in name_key(name).replace(".", " ").split() if w != "the"]
    end = len(words)
    while end > 0 and words[end - 1] in GENERIC_HEADS:
        end -= 1
    return "".join(words[:end]) if 2 <= end < len(words) else ""


def _variant_index(entities: dict[str, _Global]) -> dict[str, list[str]]:
    index: dict[str, list[str]] = defaultdict(list)
    for eid, g in entities.items():
        if g.type in PLACE_OR_ORG and not g.kb_id:
            # one-word names too, for the spelling: "Sea Micro" joins "SeaMicro"
            keys = {f"spelling:{spelling_key(g.name)}", f"core:{core_key(g.name)}"} if len(g.name.split()) >= 2 else {
                f"spelling:{spelling_key(g.name)}"}
            for key in keys:
                if not key.endswith(":"):
                    index[key].append(eid)
    return index


def _spelling_variant(a: ArticleEntities, eid: str, use: EntityUse, entities: dict[str, _Global],
                      variants: dict[str, list[str]], context: dict[str, set[str]],
                      by_article: dict[str, ArticleEntities]) -> Target | None:
    """A multi-word place or organisation name spelt another way joins the spelling more articles
    use; one with another generic head ("Betty Ford Clinic", "Betty Ford Center") joins it only
    when their articles share context."""
    if use.kb_id or use.type not in PLACE_OR_ORG or len(use.name.split()) < 2:
        return None
    mine = entities[eid]
    for key, needs_context in ((f"spelling:{spelling_key(use.name)}", False), (f"core:{core_key(use.name)}", True)):
        if key.endswith(":"):
            continue
        candidates = [c for c in variants.get(key, []) if c != eid and _same_kind(use.type, entities[c].type)
                      and _better_known(entities[c], mine)
                      and (len(entities[c].name.split()) > 1 or (use.type in PLACES) == (entities[c].type in PLACES))]
        if not candidates:
            continue
        best = max(candidates, key=lambda c: (len(entities[c].articles), entities[c].mentions, c))
        if needs_context and _shared(a, eid, best, entities, context, by_article) < 1:
            continue
        g = entities[best]
        return Target(best, g.name, g.type, "variant")
    return None


def _current(articles: list[ArticleEntities], out: dict) -> dict[str, list[tuple[str, EntityUse]]]:
    """Each article's entities after the changes so far."""
    current: dict[str, list[tuple[str, EntityUse]]] = {}
    for a in articles:
        uses = []
        for eid, use in a.entities.items():
            target = out.get((a.article, eid))
            if target is not None:
                use = EntityUse(target.name, target.type, use.kb_id, use.mentions, use.aliases)
                eid = target.id
            uses.append((eid, use))
        current[a.article] = uses
    return current


def _original(a: ArticleEntities, eid: str, out: dict) -> str:
    """The article's own id for an entity that may have been retyped already."""
    if eid in a.entities:
        return eid
    return next((orig for orig in a.entities if out.get((a.article, orig)) and out[a.article, orig].id == eid), eid)


def _one_type_per_name(articles: list[ArticleEntities]) -> dict[str, Target]:
    counts: dict[str, Counter] = defaultdict(Counter)
    names: dict[tuple[str, str], str] = {}
    linked: set[str] = set()
    for a in articles:
        for eid, use in a.entities.items():
            key = name_key(use.name)
            counts[key][use.type] += use.mentions
            names.setdefault((key, use.type), use.name)
            if use.kb_id:
                linked.add(eid)
    out: dict[str, Target] = {}
    for key, types in counts.items():
        if len(types) < 2:
            continue
        best, n = types.most_common(1)[0]
        if set(types) <= PLACES:  # GPE or LOC is the model's guess about one place: the majority decides
            best = max(types, key=lambda t: (types[t], t == "GPE"))
        elif n < TYPE_MAJORITY * sum(types.values()):
            continue
        for type_ in types:
            eid = f"{type_}:{key}"
            if type_ != best and eid not in linked:
                out[eid] = Target(entity_id(names[key, best], best), names[key, best], best, "type")
    return out


def _globals(final: dict[str, list[tuple[str, EntityUse]]]) -> dict[str, _Global]:
    entities: dict[str, _Global] = {}
    for article, uses in final.items():
        for eid, use in uses:
            g = entities.setdefault(eid, _Global(use.name, use.type, use.kb_id))
            g.mentions += use.mentions
            g.articles.add(article)
            g.aliases.update(use.aliases)
            g.kb_id = g.kb_id or use.kb_id
    return entities


def name_short_keys(name: str, type_: str) -> set[str]:
    """The keys of the short forms that can stand for a full name ("peterson", "laci"; "amd",
    "saints", "betty ford")."""
    words = name.split()
    keys: set[str] = set()
    if type_ == "PERSON" and len(words) >= 2:
        keys.update(name_key(f) for f in short_forms(name, name))
        if words[0][:1].isupper() and len(words[0].strip(".")) > 1:
            keys.add(name_key(words[0]))  # "Laci" for Laci Peterson
    elif type_ in PLACE_OR_ORG and len(words) >= 2:
        keys.update(name_key(f) for f in organisation_short_forms(name))
    return keys


def lookup_keys(name: str, type_: str) -> set[str]:
    """Keys under which two stored names may be the same actor: their short forms, and for a
    person the surname (variants of one full name share it)."""
    keys = name_short_keys(name, type_)
    if type_ == "PERSON" and len(name.split()) >= 2:
        keys.add(name_key(name.split()[-1]))
    return keys


def _short_keys(g: _Global) -> set[str]:
    keys = name_short_keys(g.name, g.type)
    keys.update(name_key(a) for a in g.aliases if name_key(a) != name_key(g.name))
    return keys


def _short_index(entities: dict[str, _Global]) -> dict[str, list[str]]:
    index: dict[str, list[str]] = defaultdict(list)
    for eid, g in entities.items():
        for key in _short_keys(g):
            index[key].append(eid)
    return index


def _full_name_for(a: ArticleEntities, eid: str, use: EntityUse, entities: dict[str, _Global],
                   index: dict[str, list[str]], surnames: dict[str, list[str]], context: dict[str, set[str]],
                   by_article: dict[str, ArticleEntities]) -> Target | None:
    if use.kb_id:
        return None
    words = use.name.split()
    short = len(words) == 1
    mine = entities[eid]
    candidates = [c for c in index.get(name_key(use.name), []) if c != eid and (_same_kind(use.type, entities[c].type)
                  or short and _reads_as_person(entities[c]))]  # a bare name's own label is the model's guess
    if not short:
        if use.type != "PERSON":
            return None
        candidates = [c for c in surnames.get(name_key(words[-1]), []) if c != eid and _better_known(entities[c], mine)
                      and _variant(*sorted((entities[c].name, use.name), key=lambda n: -len(n.split())))]
    if not candidates:
        return None
    scored = sorted(((_shared(a, eid, c, entities, context, by_article), c) for c in candidates), reverse=True)
    best_score, best = scored[0]
    if best_score < 1 or len(scored) > 1 and scored[1][0] == best_score:
        return None  # nothing in common, or two full names share the short form equally
    if short and len(mine.articles) > OWN_NAME_RATIO * len(entities[best].articles):
        return None  # "Microsoft" alone in many articles is a name of its own, not "Computerworld Microsoft"
    g = entities[best]
    return Target(best, g.name, g.type, "short form" if short else "variant")


def _reads_as_person(candidate: _Global) -> bool:
    """A person a bare name of another type may still stand for: one the reference knows, or
    whose name starts with a common given name ("Cheeks" tagged a place joins Maurice Cheeks;
    "Aceh" does not join "Banda Aceh", a city the model called a person)."""
    if candidate.type != "PERSON":
        return False
    return (candidate.kb_id or "").startswith("person:") or people.is_given_name(candidate.name.split()[0])


def _better_known(candidate: _Global, mine: _Global) -> bool:
    """A variant joins the form more articles use (the longer one on a tie), so that a stray
    "Hire Maurice Cheeks" joins Maurice Cheeks, not the other way round."""
    if len(candidate.articles) != len(mine.articles):
        return len(candidate.articles) > len(mine.articles)
    return len(candidate.name.split()) > len(mine.name.split())


def _variant(longer: str, shorter: str) -> bool:
    """Whether a shorter full name can be a longer one: compatible given names ("Pat"/"Patrick
    Carlineo") or its words in the same order inside the longer ("Joseph Comeaux" in "Arcade
    Joseph Comeaux")."""
    if compatible_names(longer, shorter):
        return True
    long_words = [name_key(w) for w in longer.split()]
    short_words = [name_key(w) for w in shorter.split()]
    if short_words[-1] != long_words[-1]:
        return False
    at = 0
    for w in short_words:
        while at < len(long_words) and long_words[at] != w:
            at += 1
        if at == len(long_words):
            return False
        at += 1
    return True


def _same_kind(a: str, b: str) -> bool:
    return a == b or a in PLACE_OR_ORG and b in PLACE_OR_ORG


def _shared(a: ArticleEntities, eid: str, candidate: str, entities: dict[str, _Global],
            context: dict[str, set[str]], by_article: dict[str, ArticleEntities]) -> int:
    """How much context an article shares with a candidate's articles: entities named in
    both (besides the two in question), and the same story."""
    mine = context[a.article] - {eid, candidate}
    theirs: set[str] = set()
    story = 0
    for other in sorted(entities[candidate].articles)[:MAX_CONTEXT_ARTICLES]:
        if other == a.article:
            continue
        theirs |= context[other]
        if a.story and by_article[other].story == a.story:
            story = STORY_WEIGHT
    return len(mine & (theirs - {eid, candidate})) + story
