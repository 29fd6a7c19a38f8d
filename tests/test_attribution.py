"""Attribution forms beyond the quoted statement: continuations, unattributed quotes, thought and
paraphrase, documents and unnamed officials as sources, learned cues, and speakers the parse
makes hard (an addressee, a mis-tagged subject, a title before a name). Real spaCy, texts
written for these tests."""

from __future__ import annotations

from quote_helpers import article, mentions, parse

from newsgraph.extract.quotes import find_quotes
from newsgraph.extract.quotes.marks import find_quote_spans
from newsgraph.records import Quote

MOLITOR = ("Molitor", "PERSON", "Dana Molitor", "alias")
WARREN = ("Warren", "PERSON", "Elizabeth Warren", "alias")
OBAMA = ("Obama", "PERSON", "Barack Obama", "alias")


def quotes_of(a, *specs) -> list[Quote]:
    found = find_quotes(a, parse(a), mentions(a, *specs), [])
    for q in found:
        assert a.text[q.start:q.end] == q.text
        assert 0.0 <= q.confidence <= 1.0
    return found


def one(found: list[Quote], contains: str) -> Quote:
    hits = [q for q in found if contains in q.text]
    assert len(hits) == 1, (contains, found)
    return hits[0]


def test_doubled_apostrophes_are_quotation_marks():
    text = "''It is more tinkering at the edges,'' said Cole. It's the ''Buffett rule'' again.\n\n''Unclosed"
    spans = find_quote_spans(text)
    assert [text[s.inner_start:s.inner_end] for s in spans] == [
        "It is more tinkering at the edges,", "Buffett rule", "Unclosed"]
    assert spans[-1].continues


def test_second_quote_after_the_attribution_continues_the_speaker():
    a = article('"We were tired of waiting," Molitor says. "The county never answered our letters."')
    found = quotes_of(a, MOLITOR)
    first, second = one(found, "tired of waiting"), one(found, "never answered")
    assert first.speaker_entity == second.speaker_entity == "Dana Molitor"
    assert second.confidence < first.confidence


def test_quote_with_no_speaker_anywhere_is_kept_with_speaker_null():
    a = article('"Nobody here trusts the plan any more, not after last winter."')
    q = one(quotes_of(a), "Nobody here trusts")
    assert q.speaker is None and q.speaker_entity is None and q.kind == "direct"
    assert q.confidence <= 0.3


def test_unnamed_officials_and_documents_are_sources():
    a = article("According to officials, the bridge will close for two months in the spring.",
                "The memo shows that the agency knew about the cracks in March.")
    found = quotes_of(a)
    officials = one(found, "bridge will close")
    assert officials.speaker == "officials" and officials.cue == "according to"
    memo = one(found, "knew about the cracks")
    assert memo.speaker == "The memo" and memo.kind == "indirect"


def test_thought_and_argument_are_attributed():
    a = article("Mr. Hale believes that the tax will drive small shops out of the town centre.",
                "Hale has argued that the council should wait for the census figures.")
    hale = ("Hale", "PERSON", "Tom Hale", "alias")
    found = quotes_of(a, hale)
    assert one(found, "drive small shops").cue == "believe"
    argued = one(found, "wait for the census")
    assert argued.cue == "argue" and argued.speaker_entity == "Tom Hale"


def test_cues_grown_from_the_corpus_counts():
    a = article("Molitor tweeted that the vote had been rigged by the county clerk.",
                "Molitor praised the volunteers who had counted the ballots overnight.")
    found = quotes_of(a, MOLITOR)
    assert one(found, "rigged by the county").cue == "tweet"
    praised = one(found, "volunteers who had counted")
    assert praised.cue == "praise" and praised.kind == "indirect" and praised.speaker_entity == "Dana Molitor"


def test_the_person_addressed_is_not_the_speaker():
    a = article('Warren said to Obama, adding, "We will not give up on this bill."')
    q = one(quotes_of(a, WARREN, OBAMA), "not give up")
    assert q.speaker_entity == "Elizabeth Warren"


def test_subject_tagged_as_an_adverb_is_still_the_speaker():
    a = article("The influential US daily wrote that the senator had misled voters about the deal.",)
    q = one(quotes_of(a, ("US", "GPE", "United States", "alias")), "misled voters")
    assert q.speaker == "The influential US daily" and q.speaker_entity is None


def test_the_name_after_a_title_is_the_speaker():
    a = article("Millikin assistant athletic director Bryan Marshall said the team would travel on Friday.")
    found = quotes_of(a, ("Millikin", "ORG", "Millikin University", "alias"),
                      ("Bryan Marshall", "PERSON", "Bryan Marshall", "name"))
    assert one(found, "team would travel").speaker_entity == "Bryan Marshall"


def test_inverted_attribution_after_a_long_clause():
    a = article("The mill is hanging on, but it is under pressure from imports, said the company's chief executive.")
    q = one(quotes_of(a), "hanging on")
    assert q.speaker == "the company's chief executive" and "said" not in q.text


def test_credit_line_and_plain_headline_are_not_quotes():
    a = article("The council met on Tuesday.", "Glorioso reports for Naples Daily News.",
                title="Breitbart News Daily: A World at War")
    found = quotes_of(a, ("Glorioso", "PERSON", "Ann Glorioso", "alias"),
                      ("Breitbart News Daily: A World at War", "ORG", "Breitbart News Daily: A World at War", "name"))
    assert found == []


def test_quote_records_carry_the_cue_span_and_what_the_speaker_is():
    a = article("Molitor said that the county would appeal the ruling.",
                "According to officials, the appeal will be filed on Monday.",
                "A report by the auditor found that the county had overpaid.",
                "The influential US daily wrote that the appeal was doomed.")
    found = quotes_of(a, MOLITOR, ("US", "GPE", "United States", "alias"))
    said = one(found, "would appeal")
    assert a.text[said.cue_start:said.cue_end] == "said" and said.speaker_kind == "person"
    officials = one(found, "filed on Monday")
    assert a.text[officials.cue_start:officials.cue_end] == "According to"
    assert officials.speaker_kind == "unnamed" and officials.speaker == "officials"
    assert one(found, "had overpaid").speaker_kind == "document"
    assert one(found, "was doomed").speaker_kind == "organisation"


def test_cue_span_and_speaker_kind_are_stored_and_read_back(tmp_path) -> None:
    from newsgraph.pipeline import analyse
    from newsgraph.records import RawDocument
    from newsgraph.store import queries
    from newsgraph.store.sqlite import Store

    text = ("County to appeal the ruling\n\nThe county council met on Tuesday evening in the town hall.\n\n"
            "Dana Molitor, the council chair, said that the county would appeal the ruling before the summer.")
    result = analyse(RawDocument(id="q1", origin="q.txt", text=text, media_type="text/plain"))
    with Store(tmp_path / "news.db") as store:
        store.save(result)
        back = queries.load_analysis(store.conn, "q1")
        quote = one(back.quotes, "would appeal")
        assert back.article.text[quote.cue_start:quote.cue_end] == "said" and quote.speaker_kind == "person"
        exported = [q for q in queries.export_rows(store.conn, "quotes") if "would appeal" in q["text"]]
        assert exported[0]["speaker_kind"] == "person" and exported[0]["cue_start"] == quote.cue_start


RODARTE = ("Adriana Rodarte", "PERSON", "Adriana Rodarte", "name")
CADDELL = ("Caddell", "PERSON", "Pat Caddell", "alias")


def test_a_quotation_signed_with_a_dash_and_a_name_is_theirs():
    a = article("“I would rather live anywhere than in a country he runs.” ― Adriana Rodarte")
    q = one(quotes_of(a, RODARTE), "rather live anywhere")
    assert q.speaker_entity == "Adriana Rodarte" and q.kind == "direct"


def test_a_lead_in_ending_with_a_colon_gives_the_next_paragraph_its_speaker():
    a = article("Caddell continued:", '"The health issue is a partisan issue, but that does not explain the numbers."')
    q = one(quotes_of(a, CADDELL), "health issue")
    assert q.speaker_entity == "Pat Caddell"


def test_a_reported_clause_holding_a_quotation_is_one_mixed_quote():
    a = article('Warren acknowledged that there are still "some people" who feel that way, '
                '"but not among the vast majority."')
    q = one(quotes_of(a, WARREN), "some people")
    assert q.kind == "mixed" and "vast majority" in q.text and q.speaker_entity == "Elizabeth Warren"


def test_a_second_that_clause_is_part_of_what_was_said():
    a = article("Molitor said the videos were inconclusive and that the footage did not show what he held.")
    q = one(quotes_of(a, MOLITOR), "inconclusive")
    assert "did not show what he held" in q.text


def test_what_something_was_called_keeps_the_thing_called():
    a = article("Warren called Wells Fargo’s behavior “outrageous” and called for compensation.")
    q = one(quotes_of(a, WARREN), "outrageous")
    assert q.text.startswith("Wells Fargo’s behavior")


def test_a_reporting_noun_with_a_that_clause_is_an_attribution():
    a = article("Politifact checked Warren’s claim that thousands of workers were fired for missing sales targets.")
    q = one(quotes_of(a, WARREN), "thousands of workers")
    assert q.cue == "claim" and q.speaker_entity == "Elizabeth Warren" and q.text.startswith("that thousands")


def test_a_relative_clause_after_a_noun_is_not_a_claim():
    a = article("Warren repeated the claim that won her the primary in every speech this week.")
    assert not [q for q in quotes_of(a, WARREN) if q.cue == "claim"]


def test_a_transcript_turn_is_said_by_its_label():
    a = article('"PENCE: Well, look, the question really should be why the campaign invited him."')
    q = one(quotes_of(a), "question really should be")
    assert q.speaker == "PENCE" and q.text.startswith("Well, look")


def test_a_parenthetical_attribution_splits_what_was_said():
    a = article("The museum, Obama said, would make visitors face uncomfortable truths about the country.")
    q = one(quotes_of(a, OBAMA), "uncomfortable truths")
    assert q.speaker_entity == "Barack Obama" and q.text.startswith("The museum")


def test_they_say_is_kept_and_follows_the_body_that_spoke_before():
    a = article("The Senate Finance Committee said the program had been abused for years.",
                "The program has expanded well beyond its original intent, they say.")
    found = quotes_of(a, ("The Senate Finance Committee", "ORG", "Senate Finance Committee", "name"))
    q = one(found, "beyond its original intent")
    assert q.speaker == "they" and q.speaker_entity == "Senate Finance Committee"


def test_a_title_abbreviation_does_not_end_the_attribution():
    a = article('"He would be a great senator. Not good, great. One of the brightest members of the entire '
                'Congress," Rep. Elijah E. Cummings (D-Md.) said in a phone interview.')
    q = one(quotes_of(a, ("Elijah E. Cummings", "PERSON", "Elijah E. Cummings", "name")), "great senator")
    assert q.speaker_entity == "Elijah E. Cummings"


def test_a_quote_inside_a_quote_does_not_close_it():
    text = ('“I would rather live in what he calls “hell” than in his America,” Rodarte said.\n\n'
            '"Pollsters asked: “Are you worried?” Most said yes," Caddell said.')
    inner = [text[s.inner_start:s.inner_end] for s in find_quote_spans(text)]
    assert inner == ["I would rather live in what he calls “hell” than in his America,",
                     "Pollsters asked: “Are you worried?” Most said yes,"]
