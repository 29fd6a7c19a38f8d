"""Entity extraction on snippets of the seed articles and small texts, with the real pipeline."""

from __future__ import annotations

import pytest

from newsgraph.annotate.nlp import load_pipeline
from newsgraph.extract.entities import find_entities
from newsgraph.records import Article
from newsgraph.reference.keys import entity_id

SEED_000 = [
    "Kurt Campbell, US Deputy Secretary of State, believes that North Korea may request from Russia the "
    "technologies for improvement of long-range missiles and nuclear weapons in exchange for the military aid it provides it with.",
    "Source: European Pravda with reference to the statement by the US Deputy Secretary of State",
    "Details: Campbell noted that Putin’s recent visit to North Korea was his first visit in over 20 years and "
    "highlighted the partnership between Moscow and Pyongyang within the context of Russian aggression against Ukraine.",
    "\"There are limits to these partnerships, but they cannot be ignored,\" he believes.",
    "Last week, Russian leader Putin and North Korean leader Kim Jong Un signed an agreement which obliged each side "
    "to provide urgent military aid to the other in case armed aggression is unleashed against one of them.",
    "Jens Stoltenberg, NATO Secretary General, stated that the agreement between Russia and North Korea demonstrated "
    "an increased alignment between authoritarian states.",
]
SEED_003 = [
    "Recently, Putin and North Korea’s leader, Kim Jong-un, signed a defense agreement in Pyongyang, requiring "
    "immediate military assistance if either is attacked.",
    "Russian ruler Vladimir Putin’s suggestion that Russia could supply weapons to North Korea is “incredibly "
    "concerning,” said Matthew Miller, a US State Department spokesperson, according to The Guardian.",
    "Recently, Putin and the North’s leader, Kim Jong-un, signed a defense agreement that requires their countries "
    "to provide immediate military assistance if either is attacked, in Pyongyang.",
    "The provision of Russian weapons to Pyongyang “would destabilize the Korean peninsula, of course, and potentially "
    "violate UN security council resolutions that Russia itself has supported,” stated Miller.",
    "In response to the agreement, US President Joe Blinken said that his country would consider “various measures.” "
    "Meanwhile, South Korea summoned the Russian ambassador to protest against the deal.",
    "Seoul has also said it would consider providing arms to Ukraine in a statement that sparked outrage from Russian "
    "ambassador Georgy Zinoviev, who claimed that attempts to threaten Russia were unacceptable.",
    "Putin and Kim met again.",
]


def run(paragraphs: list[str], title: str | None = None, article_id: str = "a1"):
    article = Article(id=article_id, origin="test", title=title, paragraphs=paragraphs)
    mentions, entities = find_entities(article, load_pipeline()(article.text))
    return article, mentions, {e.name: e for e in entities}


@pytest.fixture(scope="module")
def seed_000():
    return run(SEED_000, title="US assumes that Russia will help North Korea with nuclear and long-range weapons")


@pytest.fixture(scope="module")
def seed_003():
    return run(SEED_003, title="The Guardian: Russian weapons to North Korea could destabilize Korean peninsula, says US official",
               article_id="a3")


def resolved(mentions, surface: str) -> set[str | None]:
    return {m.entity for m in mentions if m.text == surface}


def test_spans_point_into_article_text(seed_000, seed_003):
    for article, mentions, _ in (seed_000, seed_003):
        for m in mentions:
            assert article.text[m.start:m.end] == m.text
            assert m.article == article.id


def test_short_forms_resolve_to_full_names(seed_000, seed_003):
    _, mentions, entities = seed_000
    assert resolved(mentions, "Campbell") == {"Kurt Campbell"}  # spaCy alone calls it an ORG
    assert {m.type for m in mentions if m.text == "Campbell"} == {"PERSON"}
    assert resolved(mentions, "Putin") == {"Vladimir Putin"}  # only "Putin" appears: reference data
    assert "Campbell" in entities["Kurt Campbell"].aliases
    _, mentions, entities = seed_003
    assert resolved(mentions, "Kim") == {"Kim Jong Un"}
    assert resolved(mentions, "Kim Jong-un") == {"Kim Jong Un"}
    assert resolved(mentions, "Miller") == {"Matthew Miller"}
    assert {"Kim Jong-un", "Kim"} <= set(entities["Kim Jong Un"].aliases)
    assert entities["Kim Jong Un"].kb_id == "person:kim jong un"


def test_a_wrong_first_name_is_not_merged_with_the_real_person(seed_003):
    _, mentions, entities = seed_003
    assert "Joe Blinken" in entities
    assert "Antony Blinken" not in entities
    assert entities["Joe Blinken"].kb_id is None


def test_roles_with_evidence(seed_000, seed_003):
    _, _, entities = seed_000
    (campbell,) = entities["Kurt Campbell"].roles
    assert (campbell.role, campbell.pattern) == ("US Deputy Secretary of State", "appositive")
    assert campbell.evidence == "Kurt Campbell, US Deputy Secretary of State"
    assert campbell.surface == "Kurt Campbell"
    assert [r.role for r in entities["Vladimir Putin"].roles] == ["Russian leader"]
    assert [r.role for r in entities["Kim Jong Un"].roles] == ["North Korean leader"]
    assert [r.role for r in entities["Jens Stoltenberg"].roles] == ["NATO Secretary General"]
    article, _, entities = seed_003
    roles = {r.role: r for e in entities.values() for r in e.roles}
    assert roles["North Korea’s leader"].entity == "Kim Jong Un"
    assert roles["North Korea’s leader"].pattern == "possessive"
    assert roles["North Korea’s leader"].evidence == "North Korea’s leader, Kim Jong-un"
    assert roles["the North’s leader"].entity == "Kim Jong Un"
    assert roles["US State Department spokesperson"].entity == "Matthew Miller"
    assert roles["Russian ruler"].entity == "Vladimir Putin"
    assert roles["Russian ambassador"].entity == "Georgy Zinoviev"
    blinken = roles["US President"]
    assert (blinken.entity, blinken.surface, blinken.pattern) == ("Joe Blinken", "Joe Blinken", "prenominal")
    assert article.text[blinken.start:blinken.end] == blinken.evidence == "US President Joe Blinken"


def test_title_without_name_refers_to_the_titled_person(seed_000):
    _, mentions, _ = seed_000
    titles = [m for m in mentions if m.kind == "title"]
    assert [(m.text, m.entity) for m in titles] == [("US Deputy Secretary of State", "Kurt Campbell")]


def test_pronouns_resolve_to_the_plausible_person(seed_000, seed_003):
    _, mentions, _ = seed_000
    pronouns = [(m.text, m.entity) for m in mentions if m.kind == "pronoun"]
    assert pronouns == [("his", "Vladimir Putin"), ("he", "Kurt Campbell")]
    _, mentions, _ = seed_003
    assert [(m.text, m.entity) for m in mentions if m.kind == "pronoun"] == [("his", "Joe Blinken")]


def test_capitals_seats_and_demonyms_link_to_countries(seed_000, seed_003):
    _, mentions, entities = seed_000
    kinds = {(m.text, m.kind, m.entity) for m in mentions}
    assert ("Moscow", "metonym", "Russia") in kinds
    assert ("Pyongyang", "metonym", "North Korea") in kinds
    assert ("Russian", "demonym", "Russia") in kinds
    assert ("North Korean", "demonym", "North Korea") in kinds
    assert ("US", "alias", "United States") in kinds
    assert entities["Russia"].kb_id == "country:RUS"
    assert {m.type for m in mentions if m.entity == "Russia"} == {"GPE"}
    _, mentions, entities = seed_003
    kinds = {(m.text, m.kind, m.entity) for m in mentions}
    assert ("Seoul", "metonym", "South Korea") in kinds
    assert ("the North", "metonym", "North Korea") in kinds
    assert ("Pyongyang", "name", "Pyongyang") in kinds  # "signed ... in Pyongyang": the city
    assert {"Seoul"} <= set(entities["South Korea"].aliases)
    assert {"the North", "Pyongyang"} <= set(entities["North Korea"].aliases)


def test_a_company_named_after_a_nationality_is_not_the_country():
    """ "American" in "American Airlines" is part of the company's name, not a mention of the United States."""
    _, mentions, _ = run(["American Airlines and JetBlue ended their agreement, American Airlines said.",
                          "Shares of American Eagle Outfitters fell after the North American results."],
                         title="American Airlines, JetBlue end interline pact")
    assert "United States" not in {m.entity for m in mentions}
    assert ("American Airlines", "ORG") in {(m.entity, m.type) for m in mentions}


def test_bare_demonyms_link_to_countries_whatever_the_ner_calls_them():
    _, mentions, _ = run(["Ukrainian troops and Israeli officials met Emirati diplomats.",
                          "The Nigerian government said Americans had left."])
    kinds = {(m.text, m.kind, m.entity) for m in mentions}
    assert {("Ukrainian", "demonym", "Ukraine"), ("Israeli", "demonym", "Israel"),
            ("Emirati", "demonym", "United Arab Emirates"), ("Americans", "demonym", "United States")} <= kinds
    assert "Nigeria" in {m.entity for m in mentions}


def test_organisations_and_outlets(seed_000, seed_003):
    _, _, entities = seed_000
    assert entities["NATO"].type == "ORG" and entities["NATO"].kb_id == "org:NATO"
    assert entities["European Pravda"].type == "ORG"
    _, _, entities = seed_003
    assert "UN security council" in entities["UN Security Council"].aliases
    assert entities["The Guardian"].type == "ORG"


def test_people_sharing_a_surname_stay_apart():
    _, mentions, entities = run([
        "Matthew Miller, a State Department spokesperson, spoke on Monday. Miller declined to comment further.",
        "Later, Stephen Miller, a White House adviser, said the policy would change. Miller added that talks would go on.",
    ])
    millers = [m.entity for m in mentions if m.text == "Miller"]
    assert millers == ["Matthew Miller", "Stephen Miller"]
    assert {"Matthew Miller", "Stephen Miller"} <= set(entities)


def test_spelling_variants_share_an_entity_id_across_articles():
    _, _, first = run(["Kim Jong-un met Vladimir Putin in Pyongyang."], article_id="x1")
    _, _, second = run(["North Korean leader Kim Jong Un said the talks went well."], article_id="x2")
    (a,) = [e for e in first.values() if e.type == "PERSON" and e.name.startswith("Kim")]
    (b,) = [e for e in second.values() if e.type == "PERSON" and e.name.startswith("Kim")]
    assert a.name == b.name == "Kim Jong Un"
    assert a.id == b.id == entity_id("Kim Jong Un", "PERSON")


def test_capital_as_place_is_the_city():
    _, mentions, _ = run(["Putin arrived in Pyongyang on Tuesday. Pyongyang said the visit was a success."])
    assert [(m.text, m.kind, m.entity) for m in mentions if m.text == "Pyongyang"] == [
        ("Pyongyang", "name", "Pyongyang"), ("Pyongyang", "metonym", "North Korea")]


def test_she_does_not_resolve_to_a_known_man():
    _, mentions, _ = run(["Annalena Baerbock met Sergey Lavrov in Moscow. She said the talks were difficult."])
    assert [(m.text, m.entity) for m in mentions if m.kind == "pronoun"] == [("She", "Annalena Baerbock")]


def test_empty_article():
    article = Article(id="e", origin="test")
    assert find_entities(article, load_pipeline()(article.text)) == ([], [])


def test_corpus_step_links_surname_only_articles_within_a_story():
    import sqlite3
    from importlib import resources

    from newsgraph.corpus.resolve import resolve_entities

    conn = sqlite3.connect(":memory:")
    conn.executescript(resources.files("newsgraph.store").joinpath("schema.sql").read_text(encoding="utf-8"))
    articles = [("a1", "s1"), ("a2", "s1"), ("a3", "s2"), ("a4", "s3"), ("a5", "s3"), ("a6", "s3")]
    for aid, story in articles:
        conn.execute("INSERT INTO articles (id, origin, story, ingested_at) VALUES (?, ?, ?, '2024-06-24')",
                     (aid, aid, story))
    people_rows = [("PERSON:matthew miller", "Matthew Miller"), ("PERSON:miller", "Miller"),
                   ("PERSON:stephen miller", "Stephen Miller")]
    conn.executemany("INSERT INTO entities (id, name, type) VALUES (?, ?, 'PERSON')", people_rows)
    mentions = [("a1", "PERSON:matthew miller"), ("a2", "PERSON:miller"),  # story 1: one Miller
                ("a3", "PERSON:miller"),  # story 2: no full name at all
                ("a4", "PERSON:matthew miller"), ("a5", "PERSON:stephen miller"), ("a6", "PERSON:miller")]  # two
    conn.executemany("INSERT INTO mentions (article, entity, start, \"end\", text, type, kind) "
                     "VALUES (?, ?, 0, 6, 'Miller', 'PERSON', 'name')", mentions)
    assert resolve_entities(conn, ["a2", "a3", "a6"]) == 1
    after = dict(conn.execute("SELECT article, entity FROM mentions"))
    assert after == {"a1": "PERSON:matthew miller", "a2": "PERSON:matthew miller", "a3": "PERSON:miller",
                     "a4": "PERSON:matthew miller", "a5": "PERSON:stephen miller", "a6": "PERSON:miller"}


def test_more_role_patterns_and_non_roles():
    _, _, entities = run([
        "Kurt Campbell is the US Deputy Secretary of State. Secretary of State Antony Blinken agreed.",
        "Kremlin spokesman Dmitry Peskov said Ukraine's President Volodymyr Zelensky was not invited.",
        "After meeting the German chancellor, Putin said the talks went well.",
    ])
    roles = {(r.entity, r.role, r.pattern) for e in entities.values() for r in e.roles}
    assert ("Kurt Campbell", "US Deputy Secretary of State", "predicate") in roles
    assert ("Antony Blinken", "Secretary of State", "prenominal") in roles
    assert ("Dmitry Peskov", "Kremlin spokesman", "prenominal") in roles
    assert ("Volodymyr Zelenskyy", "Ukraine's President", "possessive") in roles
    assert not entities["Vladimir Putin"].roles  # the chancellor is someone else


def test_variants_of_one_name_in_an_article_are_one_person():
    _, mentions, entities = run([
        "Patrick Carlineo Jr., 55, pleaded guilty. Sonya Zoghlin, Carlineo's attorney, said her client meant no harm.",
        "\"Pat Carlineo is passionate about his political beliefs,\" she said.",
        "The letter was about the sentencing of Patrick W. Carlineo.",
    ])
    assert resolved(mentions, "Pat Carlineo") == resolved(mentions, "Patrick W. Carlineo") == {"Patrick Carlineo Jr."}
    assert resolved(mentions, "Carlineo") == {"Patrick Carlineo Jr."}
    pronouns = [(m.text, m.entity) for m in mentions if m.kind == "pronoun"]
    assert ("her", "Sonya Zoghlin") in pronouns  # a woman's given name: not Carlineo
    assert ("she", "Sonya Zoghlin") in pronouns
    assert ("his", "Patrick Carlineo Jr.") in pronouns


def test_country_words_inside_organisation_names():
    _, mentions, entities = run(["The U.S. Capitol Police and the Chinese Foreign Ministry declined to comment."])
    assert "U.S. Capitol Police" in entities and entities["U.S. Capitol Police"].type == "ORG"
    assert "Chinese Foreign Ministry" in entities
    assert "United States" not in entities


def test_datelines_and_the_capital_x_are_places():
    _, mentions, _ = run(["VIENNA — The interior ministry spoke.", "It crashed in Logar province south of the capital Kabul."])
    assert ("VIENNA", "Vienna") in {(m.text, m.entity) for m in mentions}
    assert ("Kabul", "Kabul") in {(m.text, m.entity) for m in mentions}
