"""Compare the outlets of one story, claim by claim.

``compare_story`` is a pure function of the per-article records (``stored`` loads them
from the store). Titles the outlets disagree on anywhere in the story (not only inside
aligned sentences) are contradictions too: the same person given different offices,
or the same single-holder office given to different people.
"""

from __future__ import annotations

from newsgraph.corpus.compare import sources
from newsgraph.corpus.compare.align import align
from newsgraph.corpus.compare.claims import ClaimUnit, split_claims
from newsgraph.corpus.compare.differences import (
    compare_variants,
    different_offices,
    label,
)
from newsgraph.records import (
    Article,
    ArticleAnalysis,
    Claim,
    ClaimVariant,
    Comparison,
    Role,
)
from newsgraph.reference import offices
from newsgraph.reference.keys import name_key


def compare_story(analyses: list[ArticleAnalysis], story: str | None = None) -> Comparison:
    """Shared facts (each outlet's wording and differences), facts only one outlet carries
    (listed under its first article), who each article quotes, what it cites, and
    contradictions between outlets."""
    articles = {a.article.id: a.article for a in analyses}
    units = [u for a in analyses for u in split_claims(a)]
    comparison = Comparison(story=story or _story_id(analyses))
    comparison.unique = {a.article.id: [] for a in analyses}
    for group in align(units):
        members = [units[i] for i in group]
        per_article: dict[str, list[ClaimUnit]] = {}
        for u in members:
            per_article.setdefault(u.article, []).append(u)
        claim = Claim(variants=[_variant(u) for u in members], entities=_entities(members))
        outlets = {articles[a].outlet or a for a in per_article}  # an article with no outlet stands alone
        if len(outlets) > 1:
            found = compare_variants(per_article, articles)
            claim.differences = found.notes
            comparison.shared.append(claim)
            if found.contradicts:
                comparison.contradictions.append(claim)
        else:
            comparison.unique[members[0].article].append(claim)
    fallback = not any(a.quotes for a in analyses)
    cite_fallback = not any(a.citations for a in analyses)
    for a in analyses:
        comparison.quoted[a.article.id] = sources.speakers(a, use_fallback=fallback)
        comparison.cited[a.article.id] = sources.cited(a, use_fallback=cite_fallback)
    comparison.contradictions += title_contradictions(analyses)
    return comparison


def title_contradictions(analyses: list[ArticleAnalysis]) -> list[Claim]:
    """Titles outlets disagree on: one person, different offices; one office, different people."""
    roles = [(a.article, r) for a in analyses for e in a.entities if e.type == "PERSON" for r in e.roles]
    out: list[Claim] = []
    by_person: dict[str, list[tuple[Article, Role]]] = {}
    for article, role in roles:
        by_person.setdefault(role.entity, []).append((article, role))
    for person, given in by_person.items():
        if len({a.id for a, _ in given}) > 1 and different_offices([r.role for _, r in given]):
            shown = "; ".join(f"{label(a)} calls {person} {r.role!r}" for a, r in given)
            out.append(_role_claim(given, [person], f"titles: {shown}"))
    by_office: dict[tuple[str, str], list[tuple[Article, Role]]] = {}
    for article, role in roles:
        parsed = offices.parse_title(role.role)
        if parsed.office and parsed.country and parsed.office != "leader" and not parsed.former \
                and parsed.office in _SINGLE_HOLDER_OFFICES:
            by_office.setdefault((parsed.office, parsed.country), []).append((article, role))
    for (office, country), given in by_office.items():
        people = {name_key(r.entity) for _, r in given}
        if len({a.id for a, _ in given}) > 1 and len(people) > 1:
            shown = "; ".join(f"{label(a)}: {r.evidence or r.role!r}" for a, r in given)
            out.append(_role_claim(given, list(dict.fromkeys(r.entity for _, r in given)),
                                   f"titles: the same office ({office}, {country}) given to different people: {shown}"))
    return out


def _role_claim(given: list[tuple[Article, Role]], entities: list[str], note: str) -> Claim:
    variants = [ClaimVariant(a.id, a.outlet, r.evidence or a.text[r.start:r.end], r.start, r.end) for a, r in given]
    return Claim(variants=variants, entities=entities, differences=[note])


def _variant(unit: ClaimUnit) -> ClaimVariant:
    return ClaimVariant(unit.article, unit.outlet, unit.text, unit.start, unit.end)


def _entities(members: list[ClaimUnit]) -> list[str]:
    """Entities of a claim, those named by most of its variants first."""
    counts: dict[str, int] = {}
    for u in members:
        for e in u.entities:
            counts[e] = counts.get(e, 0) + 1
    return sorted(counts, key=lambda e: (-counts[e], e))


def _story_id(analyses: list[ArticleAnalysis]) -> str:
    for a in analyses:
        story = a.article.metadata.get("story") if a.article.metadata else None
        if story:
            return str(story)
    return "+".join(a.article.id for a in analyses)


_SINGLE_HOLDER_OFFICES = {"president", "vice_president", "prime_minister", "chancellor", "foreign_minister",
                          "defence_minister", "national_security_advisor", "secretary_general", "un_ambassador"}
