"""Quotes: direct, split, multi-sentence, mixed, indirect and headline quotes with resolved speakers."""

from __future__ import annotations

from quote_helpers import article, mentions, parse, person

from newsgraph.extract.quotes import find_quotes
from newsgraph.extract.quotes.marks import find_quote_spans
from newsgraph.records import Quote

CAMPBELL = ("Campbell", "PERSON", "Kurt Campbell", "alias")
KURT = ("Kurt Campbell", "PERSON", "Kurt Campbell", "name")


def quotes_of(a, *specs, entities=()) -> list[Quote]:
    found = find_quotes(a, parse(a), mentions(a, *specs), list(entities))
    for q in found:
        assert a.text[q.start:q.end] == q.text
        assert 0.0 <= q.confidence <= 1.0
        if q.speaker_start is not None:
            assert a.text[q.speaker_start:q.speaker_end] == q.speaker
    return found


def one(found: list[Quote], contains: str) -> Quote:
    hits = [q for q in found if contains in q.text]
    assert len(hits) == 1, (contains, found)
    return hits[0]


def test_quote_marks_straight_curly_and_apostrophes():
    text = 'He said "we will win" and ‘maybe’ so. Putin’s “big day,” they said.\n\n"Unclosed and'
    spans = find_quote_spans(text)
    inner = [text[s.inner_start:s.inner_end] for s in spans]
    assert inner == ["we will win", "maybe", "big day,", "Unclosed and"]
    assert spans[-1].continues


def test_direct_quote_with_pronoun_speaker():
    a = article("Kurt Campbell spoke in Seoul.",
                '"There are limits to these partnerships, but they cannot be ignored," he believes.')
    he = ("he", "PERSON", "Kurt Campbell", "pronoun")
    q = one(quotes_of(a, KURT, he), "There are limits")
    assert (q.kind, q.cue, q.speaker, q.speaker_entity) == ("direct", "believe", "he", "Kurt Campbell")
    assert q.text == "There are limits to these partnerships, but they cannot be ignored"


def test_multi_sentence_curly_quote():
    a = article("“We believe that there are discussions. This could be associated with its plans,” Campbell added.")
    found = quotes_of(a, CAMPBELL)
    q = one(found, "This could be associated")
    assert q.kind == "direct" and q.speaker_entity == "Kurt Campbell" and q.cue == "add"
    assert q.text.startswith("We believe")
    assert not any(x.kind == "indirect" and x.cue == "believe" for x in found)  # "We believe" is inside the quote


def test_split_quote_gives_both_parts_the_speaker():
    a = article('"The war will not end soon," Campbell said, "and we must prepare for a long struggle."')
    found = quotes_of(a, CAMPBELL)
    first, second = one(found, "will not end"), one(found, "long struggle")
    assert first.speaker_entity == second.speaker_entity == "Kurt Campbell"
    assert first.kind == second.kind == "direct"


def test_quote_attributed_with_according_to_and_not_to_the_next_sentence():
    a = article('"Sanctions are not working," according to Campbell.',
                '"We expected more." The ministry said on Monday that exports had fallen by a third.')
    found = quotes_of(a, CAMPBELL)
    q = one(found, "Sanctions are not working")
    assert q.speaker_entity == "Kurt Campbell" and q.cue == "according to" and q.kind == "direct"
    kept = one(found, "We expected more")  # kept, but the next sentence is not its attribution
    assert kept.speaker != "The ministry" and kept.confidence < q.confidence


def test_colon_introduced_quote_and_next_paragraph_continuation():
    a = article('Campbell said: "We see real tension between them."', '"It will not go away soon."')
    found = quotes_of(a, CAMPBELL)
    assert one(found, "real tension").speaker_entity == "Kurt Campbell"
    assert one(found, "go away soon").speaker_entity == "Kurt Campbell"


def test_quote_running_over_two_paragraphs_takes_the_later_attribution():
    a = article('"We will not stop supporting Ukraine.', '"And we will keep our promises," Campbell said.')
    found = quotes_of(a, CAMPBELL)
    assert one(found, "not stop supporting").speaker_entity == "Kurt Campbell"
    assert one(found, "keep our promises").speaker_entity == "Kurt Campbell"


def test_empty_and_title_only_articles():
    assert quotes_of(article()) == []
    assert quotes_of(article(title="Prices rise")) == []


def test_partial_quote_makes_the_reported_clause_mixed():
    a = article('Campbell noted that the level of relations had a "dramatic step-up" over the last few months.')
    q = one(quotes_of(a, CAMPBELL), "dramatic step-up")
    assert q.kind == "mixed" and q.cue == "note" and q.speaker_entity == "Kurt Campbell"
    assert q.text.startswith("that the level of relations")


def test_inverted_attribution_keeps_both_quote_marks():
    a = article("Putin’s suggestion that Russia could supply weapons is “incredibly concerning,” said Matthew Miller.")
    q = one(quotes_of(a, ("Matthew Miller", "PERSON", "Matthew Miller", "name")), "incredibly concerning")
    assert q.speaker_entity == "Matthew Miller" and q.kind == "mixed"
    assert q.text.count("“") == q.text.count("”") == 1


def test_indirect_speech_with_reporting_verbs():
    a = article("Kurt Campbell, US Deputy Secretary of State, believes that North Korea may request "
                "technologies from Russia.",
                "At the same time, he thinks that China is anxious about the ties.",
                "Jens Stoltenberg stated that the agreement demonstrated an increased alignment between "
                "authoritarian states and stressed the importance of unity.")
    found = quotes_of(a, KURT, ("US", "GPE", "United States", "alias"), ("he", "PERSON", "Kurt Campbell", "pronoun"),
                      ("Jens Stoltenberg", "PERSON", "Jens Stoltenberg", "name"))
    q = one(found, "North Korea may request")
    assert (q.kind, q.cue, q.speaker_entity) == ("indirect", "believe", "Kurt Campbell")
    assert q.text.startswith("that North Korea")  # the complementiser is kept, as annotators keep it
    assert one(found, "China is anxious").speaker_entity == "Kurt Campbell"
    stoltenberg = one(found, "increased alignment")
    assert "stressed" not in stoltenberg.text and stoltenberg.speaker_entity == "Jens Stoltenberg"
    assert one(found, "importance of unity").cue == "stress"


def test_institutional_and_metonymic_speakers():
    a = article("The administration of the US President stated that the meeting was a sign of Moscow’s intention.",
                "Seoul has also said it would consider providing arms to Ukraine.",
                "US officials believe North Korea wants to receive aircraft from Russia.")
    found = quotes_of(a, ("US", "GPE", "United States", "alias"), ("Seoul", "GPE", "South Korea", "metonym"),
                      ("Moscow", "GPE", "Russia", "metonym"))
    admin = one(found, "sign of Moscow")
    assert admin.speaker == "The administration of the US President" and admin.speaker_entity == "United States"
    seoul = one(found, "providing arms")
    assert seoul.speaker == "Seoul" and seoul.speaker_entity == "South Korea"
    officials = one(found, "North Korea wants to receive aircraft")  # inside it, North Korea's own want
    assert officials.speaker == "US officials" and officials.speaker_entity == "United States"


def test_relative_clause_speaker():
    a = article("The statement sparked outrage from Russian ambassador Georgy Zinoviev, who claimed that "
                "attempts to threaten Russia were unacceptable.")
    q = one(quotes_of(a, ("Georgy Zinoviev", "PERSON", "Georgy Zinoviev", "name")), "unacceptable")
    assert q.speaker_entity == "Georgy Zinoviev" and q.text.startswith("that attempts")


def test_title_speaker_resolved_through_roles():
    a = article("Matthew Miller is a US State Department spokesperson.",
                "The spokesperson said that the transfer of weapons would violate UN resolutions.")
    found = quotes_of(a, ("Matthew Miller", "PERSON", "Matthew Miller", "name"),
                      entities=[person("Matthew Miller", "US State Department spokesperson")])
    q = one(found, "transfer of weapons")
    assert q.speaker == "The spokesperson" and q.speaker_entity == "Matthew Miller"


def test_headline_attribution_linked_to_the_body_speaker():
    a = article("The provision of weapons “would destabilize the Korean peninsula,” stated Miller.",
                title="Russian weapons could destabilize Korean peninsula, says US official")
    found = quotes_of(a, ("Miller", "PERSON", "Matthew Miller", "alias"), ("US", "GPE", "United States", "alias"),
                      entities=[person("Matthew Miller")])
    head = [q for q in found if q.start < len(a.title)]
    assert len(head) == 1
    assert head[0].speaker == "US official" and head[0].speaker_entity == "Matthew Miller"
    assert head[0].text == "Russian weapons could destabilize Korean peninsula"
    assert head[0].confidence < one(found, "Korean peninsula,”").confidence


def test_according_to_a_person_or_an_outlet_is_a_quote_but_a_reported_clause_is_not():
    a = article("According to Campbell, Russia will deliver missile technology next year.",
                "Russia will send troops, according to The Guardian.",
                "Miller said the deal was dangerous, according to The Guardian.")
    found = quotes_of(a, CAMPBELL, ("The Guardian", "ORG", "The Guardian", "name"),
                      ("Miller", "PERSON", "Matthew Miller", "alias"))
    q = one(found, "missile technology")
    assert q.cue == "according to" and q.speaker_entity == "Kurt Campbell" and q.kind == "indirect"
    assert one(found, "send troops").speaker_entity == "The Guardian"
    assert one(found, "deal was dangerous").speaker_entity == "Matthew Miller"


def test_scare_quotes_and_unattributed_text_are_not_quotes():
    a = article('The so-called "special operation" entered its third year.', "Prices rose sharply in May.")
    assert quotes_of(a) == []


def test_seed_like_article_through_the_real_extractors():
    from newsgraph.extract import extract

    a = article("Kurt Campbell, US Deputy Secretary of State, believes that North Korea may request "
                "technologies from Russia.",
                '"They have indicated so in some of our interactions," Campbell concluded.',
                "At the same time, he thinks that China is \"somewhat anxious\" about the ties.",
                title="US assumes that Russia will help North Korea", published="2024-06-24T18:53")
    analysis = extract(a, parse(a))
    speakers = {q.speaker_entity for q in analysis.quotes if q.start >= a.body_start}
    assert speakers == {"Kurt Campbell"}
    assert one(analysis.quotes, "somewhat anxious").speaker == "he"
