"""Outlet comparison: claims aligned across articles, what only one carries, who is quoted
and cited, and how wordings of one fact differ. Inline records, plus the bundled seeds."""

from __future__ import annotations

import pytest

from newsgraph.corpus.compare import compare_story
from newsgraph.corpus.compare.claims import split_claims
from newsgraph.records import Article, ArticleAnalysis, Entity, Mention, Role


def analysis(article_id: str, outlet: str, paragraphs: list[str], names: dict[str, str] | None = None,
             published: str | None = "2024-06-24") -> ArticleAnalysis:
    """An analysis whose mentions are every occurrence of each surface in ``names`` (surface → entity)."""
    art = Article(id=article_id, origin="test", outlet=outlet, title="Headline", paragraphs=paragraphs,
                  published=published)
    mentions = []
    for surface, entity in (names or {}).items():
        at = art.text.find(surface)
        while at != -1:
            mentions.append(Mention(article_id, at, at + len(surface), surface, "PERSON", entity))
            at = art.text.find(surface, at + 1)
    return ArticleAnalysis(article=art, mentions=sorted(mentions, key=lambda m: m.start))


def test_claims_are_sentences_with_spans_into_the_text():
    a = analysis("a1", "A", ["Source: Some Outlet with reference to a statement.",
                             "Details: Putin signed the pact in Pyongyang on Wednesday. It obliges both sides to help.",
                             "\"We believe there are talks. They may lead nowhere,\" Campbell added."])
    units = split_claims(a)
    texts = [u.text for u in units]
    assert texts == ["Putin signed the pact in Pyongyang on Wednesday.", "It obliges both sides to help.",
                     "\"We believe there are talks. They may lead nowhere,\" Campbell added."]
    for u in units:
        assert a.article.text[u.start:u.end] == u.text


def test_paraphrases_are_one_shared_fact_and_the_rest_is_unique():
    names = {"Putin": "Vladimir Putin", "Kim Jong Un": "Kim Jong Un", "Kim Jong-un": "Kim Jong Un"}
    a = analysis("a1", "Outlet A", [
        "Last week, Putin and Kim Jong Un signed an agreement obliging each side to provide urgent military aid.",
        "Stoltenberg said the alliance was watching closely and would respond.",
    ], names)
    b = analysis("b2", "Outlet B", [
        "Recently, Putin and Kim Jong-un signed a defense pact requiring immediate military assistance.",
        "The day after, Putin flew to Hanoi to meet Vietnamese officials about trade.",
    ], names)
    c = compare_story([a, b], story="s1")
    assert c.story == "s1"
    assert len(c.shared) == 1
    claim = c.shared[0]
    assert {v.article for v in claim.variants} == {"a1", "b2"}
    assert {"Vladimir Putin", "Kim Jong Un"} <= set(claim.entities)
    differences = " | ".join(claim.differences)
    assert "'Last week'" in differences and "'Recently'" in differences
    assert "Kim Jong-un" in differences  # the same person spelt differently
    assert [u.variants[0].text[:10] for u in c.unique["a1"]] == ["Stoltenberg"[:10]]
    assert [u.variants[0].text[:10] for u in c.unique["b2"]] == ["The day af"]
    for claim in c.shared + [u for claims in c.unique.values() for u in claims]:
        for v in claim.variants:
            text = (a if v.article == "a1" else b).article.text
            assert text[v.start:v.end] == v.text


def test_a_fact_two_articles_of_one_outlet_carry_is_that_outlets_own():
    a = analysis("a1", "Outlet A", ["The strike on the port of Odesa killed 12 people on Monday, officials said."])
    a2 = analysis("a2", "Outlet A", ["Officials said the strike on the port of Odesa killed 12 people on Monday."])
    b = analysis("b3", "Outlet B", ["Bananas are yellow and taste sweet when ripe, growers say."])
    c = compare_story([a, a2, b])
    assert c.shared == []
    assert [len(claim.variants) for claim in c.unique["a1"]] == [2] and c.unique["a2"] == []


def test_different_numbers_for_one_fact_are_a_contradiction():
    a = analysis("a1", "A", ["The strike on the port of Odesa killed 12 people on Monday, officials said."])
    b = analysis("b2", "B", ["Officials said the strike on the port of Odesa killed 15 people on Monday."])
    c = compare_story([a, b])
    assert len(c.shared) == 1 and c.contradictions == c.shared
    assert any(d.startswith("numbers:") and "12" in d and "15" in d for d in c.shared[0].differences)


def test_one_person_given_different_offices_is_a_contradiction():
    a = analysis("a1", "A", ["Russian President Vladimir Putin met the delegation in the Kremlin."])
    b = analysis("b2", "B", ["Russian Prime Minister Vladimir Putin met the delegation in Moscow."])
    for x, title in ((a, "Russian President"), (b, "Russian Prime Minister")):
        start = x.article.text.index(title)
        end = start + len(title) + len(" Vladimir Putin")
        x.entities = [Entity("Vladimir Putin", "PERSON", roles=[
            Role(x.article.id, "Vladimir Putin", title, start, end, x.article.text[start:end], "prenominal", "Vladimir Putin")])]
    c = compare_story([a, b])
    titles = [cl for cl in c.contradictions if any(d.startswith("titles:") for d in cl.differences)]
    assert titles and {v.article for v in titles[0].variants} == {"a1", "b2"}


def test_who_is_quoted_and_cited_comes_from_the_records():
    from newsgraph.records import Citation, Quote

    a = analysis("a1", "A", ["\"It is concerning,\" said Matthew Miller, according to The Guardian."])
    a.quotes = [Quote("a1", 1, 16, "It is concerning", "direct", "said", "Matthew Miller", None, None, "Matthew Miller")]
    a.citations = [Citation("a1", "The Guardian", "outlet", "according to", 49, 70)]
    b = analysis("b2", "B", ["Nothing was said by anyone about it at all today."])
    c = compare_story([a, b])
    assert c.quoted == {"a1": ["Matthew Miller"], "b2": []}
    assert c.cited == {"a1": ["The Guardian"], "b2": []}


# --- the seeds, end to end ----------------------------------------------------------------

@pytest.fixture(scope="module")
def seeds():
    from newsgraph.annotate.nlp import load_pipeline
    from newsgraph.examples import example_paths
    from newsgraph.extract import extract
    from newsgraph.ingest import read_path
    from newsgraph.structure import structure_article

    nlp = load_pipeline()
    analyses = {}
    for path in example_paths():
        for raw in read_path(path):
            art = structure_article(raw)
            analyses[path.name[:3]] = extract(art, nlp(art.text))
    return analyses, compare_story(list(analyses.values()), story="seeds")


def _norm(text: str) -> str:
    return " ".join(text.replace("’", "'").replace("“", '"').replace("”", '"').split()).lower()


@pytest.mark.parametrize("anchor_000,anchor_003", [
    ("signed an agreement which obliged each side", "signed a defense agreement"),
    ("may request from Russia the technologies", "wants to receive aircraft"),
])
def test_seed_shared_facts(seeds, anchor_000, anchor_003):
    analyses, comparison = seeds
    ids = {k: a.article.id for k, a in analyses.items()}
    assert any(any(v.article == ids["000"] and _norm(anchor_000) in _norm(v.text) for v in claim.variants)
               and any(v.article == ids["003"] and _norm(anchor_003) in _norm(v.text) for v in claim.variants)
               for claim in comparison.shared)


@pytest.mark.parametrize("doc,anchor", [
    ("000", "jens stoltenberg, nato secretary general"), ("000", "somewhat anxious"),
    ("000", "artillery ammunition"), ("000", "iran, syria"),
    ("003", "putin also came to vietnam"), ("003", "summoned the russian ambassador"),
    ("003", "providing arms to ukraine"), ("003", "security council resolutions"),
])
def test_seed_facts_only_one_outlet_carries(seeds, doc, anchor):
    analyses, comparison = seeds
    unique = comparison.unique[analyses[doc].article.id]
    assert any(anchor in _norm(v.text) for claim in unique for v in claim.variants)
    assert not any(anchor in _norm(v.text) for claim in comparison.shared for v in claim.variants)


def test_seed_officials_quoted_and_sources_cited(seeds):
    analyses, comparison = seeds
    q000, q003 = comparison.quoted[analyses["000"].article.id], comparison.quoted[analyses["003"].article.id]
    assert "Kurt Campbell" in q000 and "Kurt Campbell" not in q003
    assert "Matthew Miller" in q003 and "Matthew Miller" not in q000
    assert "European Pravda" in comparison.cited[analyses["000"].article.id]
    assert "The Guardian" in comparison.cited[analyses["003"].article.id]


def test_seed_agreement_differences(seeds):
    _, comparison = seeds
    claim = next(c for c in comparison.shared if any("obliged each side" in v.text for v in c.variants))
    joined = " | ".join(claim.differences)
    assert "Last week" in joined and "Recently" in joined and "2024-06-17" in joined
    assert "Kim Jong-un" in joined


def test_seed_technology_claim_shows_who_each_outlet_attributes_it_to(seeds):
    _, comparison = seeds
    claim = next(c for c in comparison.shared if any("wants to receive aircraft" in v.text for v in c.variants))
    attributed = [d for d in claim.differences if d.startswith("attributed to:")]
    assert attributed and "Kurt Campbell" in attributed[0] and "US officials" in attributed[0]
