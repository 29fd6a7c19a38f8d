"""Quote speakers: pronouns read from outside the quotation, manner verbs, unnamed speakers
with their clause, and they/it following the body named before them."""

from __future__ import annotations

from quote_helpers import article, mentions, parse

from newsgraph.extract.quotes import find_quotes
from newsgraph.records import Quote

OBAMA = ("Mr. Obama", "PERSON", "Barack Obama", "name")
HOLDREN = ("John Holdren", "PERSON", "John Holdren", "name")


def quotes_of(a, *specs) -> list[Quote]:
    return find_quotes(a, parse(a), mentions(a, *specs), [])


def one(found: list[Quote], contains: str) -> Quote:
    hits = [q for q in found if contains in q.text]
    assert len(hits) == 1, (contains, found)
    return hits[0]


def test_he_is_not_a_name_inside_the_quotation():
    a = article('Mr. Obama read the scientific literature closely. "My top science adviser, John Holdren, '
                'will issue some chart in the morning meetings," he said.')
    he = ("he", "PERSON", "John Holdren", "pronoun")  # what a subject-first resolver reads
    q = one(quotes_of(a, OBAMA, HOLDREN, he), "My top science adviser")
    assert (q.speaker, q.speaker_entity, q.speaker_kind) == ("he", "Barack Obama", "person")


def test_he_keeps_a_reading_that_names_somebody_outside_the_quotation():
    a = article('Mr. Obama spoke in Chicago. "John Holdren will issue some chart in the morning," he said.')
    he = ("he", "PERSON", "Barack Obama", "pronoun")
    q = one(quotes_of(a, OBAMA, HOLDREN, he), "will issue some chart")
    assert q.speaker_entity == "Barack Obama"


def test_a_gender_from_the_article_rules_a_candidate_out():
    a = article("Mrs. Clinton met Mr. Obama in the morning. The two talked for an hour.",
                '"We will win this election," she said.')
    specs = (("Mrs. Clinton", "PERSON", "Hillary Clinton", "name"), OBAMA)
    q = one(quotes_of(a, *specs), "We will win")
    assert q.speaker_entity == "Hillary Clinton"


def test_a_manner_verb_after_the_quotation_attributes_it():
    a = article('Rakeyia Scott followed the officers down the street. "Did you shoot him? Tell me now," '
                'she yells while moving closer.')
    q = one(quotes_of(a, ("Rakeyia Scott", "PERSON", "Rakeyia Scott", "name")), "Did you shoot him")
    assert (q.kind, q.speaker, q.cue, q.speaker_entity) == ("direct", "she", "yell", "Rakeyia Scott")


def test_the_speaker_of_a_direct_quote_is_not_a_word_of_the_quotation():
    a = article("“My reaction, that was outrageous,” Obama's former campaign strategist said in an interview.")
    q = one(quotes_of(a), "My reaction")
    assert q.speaker == "Obama's former campaign strategist"


def test_an_unnamed_speaker_keeps_the_clause_that_says_who():
    a = article("A union representing flight attendants said that Hillary Clinton had earned its support.")
    q = one(quotes_of(a), "Hillary Clinton had earned")
    assert q.speaker == "A union representing flight attendants" and q.speaker_entity is None


def test_they_and_it_follow_the_named_body_before_them():
    a = article("The Republican Party called the hearing on Monday. They said the FBI was not forthcoming.",
                "NBC News published the video on Friday. It says the officer fired twice.")
    specs = (("Republican Party", "ORG", "Republican Party", "name"), ("NBC News", "ORG", "NBC News", "name"))
    found = quotes_of(a, *specs)
    assert one(found, "FBI was not forthcoming").speaker_entity == "Republican Party"
    assert one(found, "officer fired twice").speaker_entity == "NBC News"


def test_they_after_an_unnamed_subject_stays_unnamed():
    a = article("NBC News published the video on Friday. Environmentalists worry about the mines. "
                "They say the cost could fall to taxpayers.")
    q = one(quotes_of(a, ("NBC News", "ORG", "NBC News", "name")), "cost could fall")
    assert q.speaker == "They" and q.speaker_entity is None


def test_a_dateline_is_not_the_speaker():
    a = article("WASHINGTON -- President Obama, dedicating the museum on Saturday, said it would tell an "
                "American story.")
    specs = (("WASHINGTON", "GPE", "Washington", "name"), ("President Obama", "PERSON", "Barack Obama", "name"))
    q = one(quotes_of(a, *specs), "American story")
    assert q.speaker_entity == "Barack Obama"


def test_a_subject_inside_the_next_quotation_is_not_the_speaker():
    a = article("“He is right. There is a disconnect with the military,” Flynn, a top Trump surrogate, said "
                "Thursday morning on Fox News’s “Fox and Friends.”")
    specs = (("Flynn", "PERSON", "Michael Flynn", "alias"), ("Fox", "ORG", "Fox", "name"))
    q = one(quotes_of(a, *specs), "disconnect with the military")
    assert q.speaker_entity == "Michael Flynn"
