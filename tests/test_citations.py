"""Citations: "Source: … with reference to …", "according to", headline prefixes, "reported", "told"."""

from __future__ import annotations

from quote_helpers import article, mentions, parse

from newsgraph.extract.citations import find_citations, source_chain
from newsgraph.records import Citation, Quote

GUARDIAN = ("The Guardian", "ORG", "The Guardian", "name")


def cites(a, *specs) -> list[Citation]:
    found = find_citations(a, parse(a), mentions(a, *specs))
    for c in found:
        assert a.text[c.start:c.end].strip() == c.evidence
    return found


def test_source_line_names_the_outlet_and_the_person_behind_the_title():
    a = article("Kurt Campbell, US Deputy Secretary of State, believes that North Korea may ask for technology.",
                "Source: European Pravda with reference to the statement by the US Deputy Secretary of State",
                published="2024-06-24T18:53")
    found = cites(a, ("Kurt Campbell", "PERSON", "Kurt Campbell", "name"),
                  ("European Pravda", "ORG", "European Pravda", "name"), ("US", "GPE", "United States", "alias"))
    by_relation = {c.relation: c for c in found}
    assert set(by_relation) == {"source", "with reference to"}
    outlet, person = by_relation["source"], by_relation["with reference to"]
    assert (outlet.cited, outlet.kind) == ("European Pravda", "outlet")
    assert outlet.evidence.startswith("Source: European Pravda")
    assert (person.cited, person.kind) == ("Kurt Campbell", "person")
    assert person.evidence == "with reference to the statement by the US Deputy Secretary of State"


def test_source_title_resolved_from_office_holders_when_the_text_gives_no_title():
    a = article("Campbell spoke to reporters about North Korea.",
                "Source: European Pravda with reference to the statement by the US Deputy Secretary of State",
                published="2024-06-24")
    found = cites(a, ("Campbell", "PERSON", "Kurt Campbell", "alias"))
    assert any(c.cited == "Kurt Campbell" and c.kind == "person" for c in found)


def test_according_to_an_outlet_and_a_headline_prefix():
    title = "The Guardian: Russian weapons to North Korea could destabilize Korean peninsula, says US official"
    a = article("The supply is “incredibly concerning,” said Matthew Miller, according to The Guardian.", title=title)
    found = cites(a, GUARDIAN)
    relations = {(c.cited, c.kind, c.relation) for c in found}
    assert ("The Guardian", "outlet", "according to") in relations
    assert ("The Guardian", "outlet", "headline") in relations
    according = next(c for c in found if c.relation == "according to")
    assert according.evidence == "according to The Guardian"


def test_reported_told_and_documents():
    a = article("Reuters reported that the talks had stalled.",
                "The minister told Reuters that no deal was near.",
                "According to a report by the Pentagon, the drones were Iranian.",
                "The deal was first reported by The New York Times.")
    found = cites(a, ("Reuters", "ORG", "Reuters", "name"), ("The New York Times", "ORG", "The New York Times", "name"))
    relations = {(c.cited, c.kind, c.relation) for c in found}
    assert ("Reuters", "outlet", "reported") in relations
    assert ("Reuters", "outlet", "told") in relations
    assert ("The New York Times", "outlet", "reported") in relations
    assert any(c.kind == "document" and c.relation == "according to" and "report" in c.cited for c in found)


def test_source_chain_from_article_outlet_to_speaker():
    a = article("The supply is “incredibly concerning,” said Matthew Miller, according to The Guardian.")
    a.outlet = "Euromaidan Press"
    found = cites(a, GUARDIAN)
    start = a.text.index("The supply")
    quote = Quote("t", start, start + 40, a.text[start:start + 40], "mixed", "say", "Matthew Miller",
                  speaker_entity="Matthew Miller")
    assert source_chain(a, quote, found) == ["Euromaidan Press", "The Guardian", "Matthew Miller"]


def test_plain_text_without_sources_has_no_citations():
    a = article("Prices rose sharply in May as the harvest failed.", "Farmers said they expect more rain.")
    assert cites(a) == []
