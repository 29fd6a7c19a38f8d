"""Consistency checks: titles against office-holder data, dates against the calendar, and
one quotation given to two speakers. Small inline records, plus the bundled seeds."""

from __future__ import annotations

from datetime import date

import pytest

from newsgraph.corpus.checks import check_story
from newsgraph.extract.checks import check_article, rank
from newsgraph.extract.checks.dates import check_dates
from newsgraph.extract.checks.roles import check_roles
from newsgraph.extract.checks.window import article_window, implied_window, past_years
from newsgraph.records import Article, ArticleAnalysis, Entity, Flag, Quote, Role


def person(article: Article, name: str, title: str, written: str | None = None, surface: str | None = None) -> Entity:
    """A PERSON entity with one role whose evidence is ``written`` (found in the article text)."""
    written = written or f"{title} {surface or name}"
    start = article.text.index(written)
    role = Role(article.id, name, title, start, start + len(written), written, "prenominal", surface or name)
    return Entity(name=name, type="PERSON", roles=[role])


def article(text: str, published: str | None = "2024-06-24", removed: list[str] | None = None) -> Article:
    return Article(id="a1", origin="test", paragraphs=[text], published=published, removed=removed or [])


# --- titles -----------------------------------------------------------------------------

def test_known_person_with_someone_elses_office_is_a_role_mismatch():
    a = article("US President Antony Blinken said the deal was dangerous.")
    flags = check_roles(a, [person(a, "Antony Blinken", "US President")], article_window(a))
    assert [f.kind for f in flags] == ["role_mismatch"]
    assert "Joe Biden" in flags[0].explanation and "Secretary of State" in flags[0].explanation
    assert a.text[flags[0].start:flags[0].end] == "US President Antony Blinken"


def test_unknown_name_with_known_surname_is_an_unknown_title_holder():
    a = article("In response, US President Joe Blinken said his country would consider various measures.")
    flags = check_roles(a, [person(a, "Joe Blinken", "US President")], article_window(a))
    assert [f.kind for f in flags] == ["unknown_title_holder"]
    flag = flags[0]
    assert flag.mention == "US President Joe Blinken"
    assert "Joe Biden" in flag.explanation and "Antony Blinken" in flag.explanation
    assert flag.evidence.startswith("In response, US President Joe Blinken said")
    assert flag.confidence >= 0.85


@pytest.mark.parametrize("text,name,title,written,surface", [
    ("Kurt Campbell, US Deputy Secretary of State, believes that", "Kurt Campbell", "US Deputy Secretary of State",
     "Kurt Campbell, US Deputy Secretary of State", "Kurt Campbell"),
    ("Jens Stoltenberg, NATO Secretary General, stated that", "Jens Stoltenberg", "NATO Secretary General",
     "Jens Stoltenberg, NATO Secretary General", "Jens Stoltenberg"),
    ("said Matthew Miller, a US State Department spokesperson.", "Matthew Miller", "US State Department spokesperson",
     "Matthew Miller, a US State Department spokesperson", "Matthew Miller"),
    ("Last week, Russian leader Putin signed it.", "Vladimir Putin", "Russian leader", "Russian leader Putin", "Putin"),
    ("North Korea’s leader, Kim Jong-un, signed it.", "Kim Jong Un", "North Korea’s leader",
     "North Korea’s leader, Kim Jong-un", "Kim Jong-un"),
    # not checked: a qualifier changes the office, or the title is of the past
    ("US Deputy Prime Minister John Doe spoke.", "John Doe", "US Deputy Prime Minister", None, "John Doe"),
    ("Former US President Barack Obama spoke.", "Barack Obama", "Former US President", None, "Barack Obama"),
    # a misspelling of the holder, not another person
    ("US President Joe Bidden spoke.", "Joe Bidden", "US President", None, "Joe Bidden"),
    # offices with many holders at once
    ("Russian ambassador Georgy Zinoviev claimed it.", "Georgy Zinoviev", "Russian ambassador", None, "Georgy Zinoviev"),
    # an unknown name with no known surname: more likely a gap in the data than an error
    ("US President John Smithers spoke.", "John Smithers", "US President", None, "John Smithers"),
])
def test_correct_or_uncheckable_titles_are_not_flagged(text, name, title, written, surface):
    a = article(text)
    entity = person(a, name, title, written, surface=surface)
    assert check_roles(a, [entity], article_window(a)) == []


def test_a_known_person_who_never_held_the_office_is_flagged():
    a = article("Kurt Campbell, US Secretary of State, said so.")
    flags = check_roles(a, [person(a, "Kurt Campbell", "US Secretary of State",
                                   "Kurt Campbell, US Secretary of State")], article_window(a))
    assert [f.kind for f in flags] == ["role_mismatch"]
    assert "Antony Blinken" in flags[0].explanation and "Deputy Secretary of State" in flags[0].explanation


@pytest.mark.parametrize("text,name,title,surface,kind", [
    ("President Joe Blinken said so.", "Joe Blinken", "President", "Joe Blinken", "unknown_title_holder"),
    ("President Antony Blinken said so.", "Antony Blinken", "President", "Antony Blinken", "role_mismatch"),
    ("Secretary of State Antony Blinken said so.", "Antony Blinken", "Secretary of State", "Antony Blinken", None),
    ("Fed President John Blinken said so.", "John Blinken", "Fed President", "John Blinken", None),
    ("the country's President Antony Blinken said so.", "Antony Blinken", "the country's President", "Antony Blinken",
     "role_mismatch"),
    ("Senate President Bukola Saraki said so.", "Bukola Saraki", "Senate President", "Bukola Saraki", None),
])
def test_a_bare_title_takes_the_country_of_the_person_named(text, name, title, surface, kind):
    a = article(text)
    flags = check_roles(a, [person(a, name, title, surface=surface)], article_window(a))
    assert [f.kind for f in flags] == ([kind] if kind else [])
    if kind:
        assert "names no country; USA" in flags[0].explanation and flags[0].confidence < 0.85


def test_a_holder_at_another_time_is_not_flagged():
    """ "US Deputy Secretary of State Antony Blinken" in 2024: he was, in 2015–2017; the text may look back."""
    a = article("US Deputy Secretary of State Antony Blinken said so.")
    assert check_roles(a, [person(a, "Antony Blinken", "US Deputy Secretary of State")], article_window(a)) == []


def test_a_sentence_about_years_before_the_data_is_not_checked():
    a = article("Recall the 2012 phone call to Russia’s President Medvedev.", published="2019-11-19")
    entity = person(a, "Dmitry Medvedev", "Russia’s President", "Russia’s President Medvedev", surface="Medvedev")
    assert check_roles(a, [entity], article_window(a)) == []


def test_undated_article_is_checked_against_the_years_its_text_implies():
    a = article("US President Joe Blinken said so, as it happened after Hamas attacked Israel in 2023.",
                published=None, removed=["Copyright © 2024 Euromaidanpress.com"])
    window = article_window(a)
    assert (window.start, window.end, window.exact) == (date(2023, 1, 1), date(2024, 12, 31), False)
    flags = check_roles(a, [person(a, "Joe Blinken", "US President")], window)
    assert flags and "between 2023-01-01 and 2024-12-31" in flags[0].explanation
    exact = check_roles(article(a.text), [person(article(a.text), "Joe Blinken", "US President")],
                        article_window(article(a.text)))
    assert flags[0].confidence < exact[0].confidence


def test_no_date_at_all_checks_every_term():
    a = article("US President Joe Blinken said so.", published=None)
    window = implied_window(a)
    assert not window.known
    flags = check_roles(a, [person(a, "Joe Blinken", "US President")], window)
    assert flags and "every term" in flags[0].explanation


def test_past_years_ignore_years_ahead():
    assert past_years("It happened in 2023. The plan runs until 2030, and will end in 2031.") == [2023]


# --- dates ------------------------------------------------------------------------------

@pytest.mark.parametrize("text,published,conflict", [
    ("The pact was signed on Tuesday, 24 June 2024, in Pyongyang.", "2024-06-24", True),
    ("The pact was signed on Monday, 24 June 2024, in Pyongyang.", "2024-06-24", False),
    ("He spoke on Wednesday, June 19, in Pyongyang.", "2024-06-24", False),
    ("He spoke on Thursday, June 19, in Pyongyang.", "2024-06-24", True),
    ("Sales fell last year (2021) by a third.", "2024-06-24", True),
    ("Sales fell last year, in 2023, by a third.", "2024-06-24", False),
    ("The war began in 2014, ten years ago.", "2024-06-24", False),
    ("The war began in 2014, five years ago.", "2024-06-24", True),
    ("He arrived yesterday, June 20, by train.", "2024-06-24", True),
    ("He arrived yesterday, June 23, by train.", "2024-06-24", False),
    ("Prices rose last month, in March, again.", "2024-06-24", True),
    ("He was seen on Saturday, May 18, at 6 p.m.", "2019-11-19", False),  # 18 May 2019, not 2020
    ("Last week, Putin and Kim signed an agreement.", "2024-06-24", False),
    ("Sales fell last year (2021) by a third.", "2024-06", True),  # a month is enough for years
    ("He arrived yesterday, June 20, by train.", "2024-06", False),  # not for days
    ("Sales fell last year (2021) by a third.", None, False),  # no date, nothing to compare with
])
def test_date_conflicts(text, published, conflict):
    a = article(text, published=published)
    flags = check_dates(a, article_window(a))
    assert bool(flags) == conflict
    for f in flags:
        assert f.kind == "date_conflict" and a.text[f.start:f.end] == f.mention and f.explanation


def test_check_article_ranks_by_confidence():
    a = article("US President Joe Blinken spoke on Tuesday, 24 June 2024. Sales fell last year (2021).")
    flags = check_article(a, [], [person(a, "Joe Blinken", "US President")])
    assert [f.kind for f in flags] == ["unknown_title_holder", "date_conflict", "date_conflict"]
    assert [f.confidence for f in flags] == sorted((f.confidence for f in flags), reverse=True)
    assert rank(list(reversed(flags))) == flags


# --- one quotation, two speakers ----------------------------------------------------------

def quoted(article_id: str, outlet: str, speaker: str, words: str, kind: str = "direct") -> ArticleAnalysis:
    text = f"“{words},” said {speaker}."
    art = Article(id=article_id, origin="test", outlet=outlet, paragraphs=[text])
    at = text.rindex(speaker)
    quote = Quote(article_id, 1, 1 + len(words), words, kind, "said", speaker, at, at + len(speaker), speaker, 0.9)
    return ArticleAnalysis(article=art, quotes=[quote])


def test_same_quotation_with_different_speakers_is_flagged_in_both_articles():
    words = "There are limits to these partnerships, but they cannot be ignored"
    a = quoted("a1", "Outlet A", "Kurt Campbell", words)
    b = quoted("b2", "Outlet B", "Antony Blinken", words + " at all")
    flags = check_story([a, b])
    assert sorted(f.article for f in flags) == ["a1", "b2"]
    assert all(f.kind == "speaker_conflict" for f in flags)
    first = next(f for f in flags if f.article == "a1")
    assert "Antony Blinken" in first.explanation and "Outlet B" in first.explanation
    assert a.article.text[first.start:first.end] == first.mention == "Kurt Campbell"
    assert first.evidence == a.article.text


@pytest.mark.parametrize("other_speaker,kind", [("Campbell", "direct"), ("Antony Blinken", "indirect")])
def test_same_speaker_or_indirect_speech_is_not_a_conflict(other_speaker, kind):
    words = "There are limits to these partnerships, but they cannot be ignored"
    a = quoted("a1", "Outlet A", "Kurt Campbell", words)
    b = quoted("b2", "Outlet B", other_speaker, words, kind=kind)
    assert check_story([a, b]) == []


# --- the seeds, end to end ----------------------------------------------------------------

@pytest.fixture(scope="module")
def seeds() -> dict[str, ArticleAnalysis]:
    from newsgraph.annotate.nlp import load_pipeline
    from newsgraph.examples import example_paths
    from newsgraph.extract import extract
    from newsgraph.ingest import read_path
    from newsgraph.structure import structure_article

    nlp = load_pipeline()
    out = {}
    for path in example_paths():
        for raw in read_path(path):
            art = structure_article(raw)
            out[path.name[:3]] = extract(art, nlp(art.text))
    return out


def test_seed_003_flags_joe_blinken(seeds):
    flags = seeds["003"].flags
    blinken = [f for f in flags if "Joe Blinken" in f.mention]
    assert blinken and blinken[0].kind in {"unknown_title_holder", "role_mismatch"}
    text = seeds["003"].article.text
    assert text[blinken[0].start:blinken[0].end] == "US President Joe Blinken"
    assert "Joe Biden" in blinken[0].explanation and "Antony Blinken" in blinken[0].explanation


@pytest.mark.parametrize("doc,mention", [
    ("000", "Kurt Campbell"), ("000", "Jens Stoltenberg"), ("003", "Matthew Miller"),
])
def test_seed_correct_titles_are_not_flagged(seeds, doc, mention):
    assert not [f for f in seeds[doc].flags if mention in f.mention or mention in f.explanation.split(";")[0]]


def test_seed_flags_are_few(seeds):
    assert len(seeds["000"].flags) == 0
    assert len(seeds["003"].flags) == 1
    assert isinstance(seeds["003"].flags[0], Flag)
