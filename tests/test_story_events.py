"""Stories keep apart two events of the same kind: other participants, or years apart, are other news.

Through the real ingest path (structure, spaCy, extraction, SQLite, story formation), on
short articles written for these tests: each event is reported by two outlets in their
own words, and the two events of a pair share most of their vocabulary.
"""

from __future__ import annotations

from pathlib import Path

import pytest

REID_A = """Tara Reid checks into Promises rehab in Malibu
March 4, 2008
Actress Tara Reid has checked herself into the Promises Treatment Center in Malibu, California, her publicist Jack Ketsoyan told People magazine on Tuesday.
Ketsoyan would not say what the American Pie star was being treated for. Reid, 32, asked for privacy for herself and her family.
Friends of the actress said her family in New York supported the decision. Reid launched a fashion line called Mantra in December."""

REID_B = """American Pie actress Tara Reid enters Promises rehab centre
March 5, 2008
Tara Reid is in rehab. The actress entered the Promises Treatment Center in Malibu this week, spokesman Jack Ketsoyan confirmed to People.
Ketsoyan asked that the family's privacy be respected and gave no reason for the stay at Promises.
Reid, known for American Pie and Van Wilder, had been seen partying in Los Angeles and New York in recent weeks."""

LOHAN_A = """Lindsay Lohan checks into Betty Ford Center rehab
May 3, 2013
Actress Lindsay Lohan has checked into the Betty Ford Center in Rancho Mirage, California, to begin a 90-day court-ordered stay, her lawyer Shawn Holley said on Friday.
Lohan, 26, was sentenced in March by Judge James Dabney after a car crash on the Pacific Coast Highway in Santa Monica.
The Mean Girls star had earlier left a rehab facility in Newport Beach within minutes of arriving."""

LOHAN_B = """Lohan enters Betty Ford rehab after Newport Beach no-show
May 3, 2013
Lindsay Lohan is in rehab at last. The Mean Girls actress checked into the Betty Ford Center in Rancho Mirage late on Thursday, attorney Shawn Holley told reporters.
Judge James Dabney ordered the 90-day stay after the Santa Monica car crash case. Lohan had walked out of the Morningside Recovery center in Newport Beach hours earlier."""

FIGHT_2008_A = """Klitschko stops Thompson to keep heavyweight titles
July 12, 2008
Wladimir Klitschko knocked out Tony Thompson in the eleventh round in Hamburg, Germany, on Saturday to keep his IBF and WBO heavyweight titles.
The Ukrainian champion dropped the American challenger with a right hand at the Color Line Arena. Thompson, from Washington, had never been stopped.
Klitschko said Thompson was a difficult opponent and that he wanted to unify all the belts."""

FIGHT_2008_B = """Wladimir Klitschko knocks out Tony Thompson in Hamburg
July 13, 2008
Heavyweight champion Wladimir Klitschko retained his IBF and WBO belts with an eleventh-round knockout of Tony Thompson in Hamburg, Germany.
A right hand ended the fight at the Color Line Arena. The Ukrainian called the American a tough challenger and said he wants every title.
Thompson, of Washington, suffered the first stoppage of his career."""

FIGHT_2012_A = """Klitschko stops Thompson to keep heavyweight titles
July 7, 2012
Wladimir Klitschko stopped Tony Thompson in the sixth round in Bern, Switzerland, on Saturday to keep his IBF, WBO and WBA heavyweight titles.
The Ukrainian champion dropped the American challenger twice at the Stade de Suisse. Thompson, from Washington, lost to Klitschko in Hamburg four years ago.
Klitschko said Thompson was a difficult opponent and that he wanted to fight again this year."""

FIGHT_2012_B = """Wladimir Klitschko knocks out Tony Thompson in Bern
July 8, 2012
Heavyweight champion Wladimir Klitschko retained his IBF, WBO and WBA belts with a sixth-round knockout of Tony Thompson in Bern, Switzerland.
A right hand ended the fight at the Stade de Suisse. The Ukrainian called the American a tough challenger in a rematch of their 2008 bout.
Thompson, of Washington, said he would think about retiring."""

PT_A = """Prefeitura anuncia obras de drenagem para o centro da cidade
A prefeitura anunciou nesta semana que as obras de drenagem no centro da cidade devem começar em março e durar cerca de oito meses.
Segundo a secretaria de obras, o projeto prevê a troca de toda a rede de galerias e a construção de dois reservatórios para evitar os alagamentos que se repetem todos os anos.
Os comerciantes da região pedem que o trânsito não seja interrompido durante o período de vendas de fim de ano, e a prefeitura diz que vai fazer as obras por etapas."""

PT_B = """Time da casa vence clássico e assume a liderança do campeonato
O time da casa venceu o clássico por dois a zero no domingo e assumiu a liderança do campeonato estadual, com três pontos de vantagem sobre o segundo colocado.
Os gols foram marcados no segundo tempo, depois de uma primeira etapa equilibrada em que os dois goleiros fizeram boas defesas.
O técnico disse que o grupo ainda precisa melhorar a marcação, mas comemorou a vitória diante de um estádio lotado e de uma torcida que não parou de cantar."""


def ingest(tmp_path: Path, texts: dict[str, str]) -> dict[str, str]:
    """Ingest each text as a file of its own; return file name -> story id."""
    from newsgraph.job import ingest_paths
    from newsgraph.store import Store

    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in texts.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    with Store(tmp_path / "stories.db") as store:
        assert ingest_paths([folder], store, workers=1).new == len(texts)
        rows = store.conn.execute("SELECT origin, story FROM articles").fetchall()
    return {Path(origin).stem: story for origin, story in rows}


@pytest.fixture(scope="module")
def rehab(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    return ingest(tmp_path_factory.mktemp("rehab"), {"reid_a": REID_A, "reid_b": REID_B,
                                                     "lohan_a": LOHAN_A, "lohan_b": LOHAN_B})


def test_two_outlets_on_one_event_join_one_story(rehab: dict[str, str]) -> None:
    assert rehab["reid_a"] == rehab["reid_b"]
    assert rehab["lohan_a"] == rehab["lohan_b"]


def test_the_same_kind_of_news_about_other_people_is_another_story(rehab: dict[str, str]) -> None:
    """Tara Reid (2008) and Lindsay Lohan (2013) both check into rehab: two stories."""
    assert rehab["reid_a"] != rehab["lohan_a"]


def test_the_same_people_years_apart_are_another_story(tmp_path: Path) -> None:
    """Klitschko beats Thompson in 2008 and again in 2012: same words, same names, two stories."""
    found = ingest(tmp_path, {"f2008a": FIGHT_2008_A, "f2008b": FIGHT_2008_B,
                              "f2012a": FIGHT_2012_A, "f2012b": FIGHT_2012_B})
    assert found["f2008a"] == found["f2008b"]
    assert found["f2012a"] == found["f2012b"]
    assert found["f2008a"] != found["f2012a"]


def test_an_undated_article_is_placed_by_the_dates_its_text_gives(tmp_path: Path) -> None:
    """Without a dateline, "on July 7, 2012" in the text keeps the 2012 fight away from the 2008 one."""
    undated = FIGHT_2012_B.replace("July 8, 2012\n", "").replace("in Bern, Switzerland.",
                                                                  "in Bern, Switzerland, on July 7, 2012.")
    found = ingest(tmp_path, {"f2008a": FIGHT_2008_A, "f2008b": FIGHT_2008_B, "undated": undated})
    assert found["undated"] != found["f2008a"]


def test_pages_that_share_only_a_language_form_no_story(tmp_path: Path) -> None:
    """Two unrelated Portuguese pages: their shared words are the language's own, not news."""
    found = ingest(tmp_path, {"pt_a": PT_A, "pt_b": PT_B})
    assert found["pt_a"] != found["pt_b"]


def test_time_comes_from_the_date_else_the_text() -> None:
    from newsgraph.corpus.stories.timing import When, when

    assert when("2013-05-03", "in 2008") == When(2013, True)
    assert when(None, "He checked in on May 3, 2013, after a stay in 2010.") == When(2013, True)
    assert when(None, "He was at Betty Ford from September 2010 to January 2011.") == When(2011, False)
    assert when(None, "A 2010 contract, to run by 2018.") is None


def test_a_story_keeps_its_years_and_its_kind_of_members_between_updates(tmp_path: Path) -> None:
    """What a centroid counts of its members (years, members with a body) survives the store."""
    from newsgraph.corpus.stories import store as story_store
    from newsgraph.corpus.stories.index import StoryIndex
    from newsgraph.store.sqlite import connect

    conn = connect(tmp_path / "index.db")
    index = StoryIndex()
    story = index.open_story("a1")
    story.add({"rehab": 0.8, "@tara reid": 0.6}, None, None, year=2008, long=True)
    story.add({"rehab": 0.7, "@tara reid": 0.7}, None, None, year=2008, long=False)
    story_store.save(conn, index)
    again = StoryIndex()
    story_store.load_stories(conn, again, [story.id])
    loaded = again.stories[story.id]
    assert loaded.years == {2008: 2} and loaded.long == 1 and loaded.year() == 2008
    assert set(loaded.terms) == {"rehab", "@tara reid"}
    assert abs(loaded.names_norm2 - 1.3 ** 2) < 1e-3
    conn.close()


RAHMAN_A = """Klitschko stops Rahman to keep his heavyweight titles
Wladimir Klitschko stopped Hasim Rahman in the seventh round in Mannheim, Germany, on Saturday to keep his IBF and WBO heavyweight titles.
The Ukrainian champion dropped the American challenger with a left-right combination at the SAP Arena. Rahman, a former champion, had little to offer.
Klitschko said Rahman was a difficult opponent and that he wanted to unify all the belts."""

RAHMAN_B = """Wladimir Klitschko knocks out Hasim Rahman in Mannheim
Heavyweight champion Wladimir Klitschko retained his IBF and WBO belts with a seventh-round stoppage of Hasim Rahman in Mannheim, Germany.
A left-right combination ended the fight at the SAP Arena. The Ukrainian called the American a tough challenger and said he wants every title.
Rahman, a former champion, was stopped for the first time in years."""

THOMPSON_A = """Klitschko stops Thompson to keep his heavyweight titles
Wladimir Klitschko stopped Tony Thompson in the sixth round in Bern, Switzerland, on Saturday to keep his IBF and WBO heavyweight titles.
The Ukrainian champion dropped the American challenger with a right hand at the Stade de Suisse. Thompson, from Washington, had little to offer.
Klitschko said Thompson was a difficult opponent and that he wanted to unify all the belts."""

THOMPSON_B = """Wladimir Klitschko knocks out Tony Thompson in Bern
Heavyweight champion Wladimir Klitschko retained his IBF and WBO belts with a sixth-round stoppage of Tony Thompson in Bern, Switzerland.
A right hand ended the fight at the Stade de Suisse. The Ukrainian called the American a tough challenger and said he wants every title.
Thompson, from Washington, was stopped for the first time in years."""


def test_the_same_champion_against_another_challenger_is_another_story(tmp_path: Path) -> None:
    """Undated, same words, one participant shared: the challenger named up front tells the fights apart."""
    found = ingest(tmp_path, {"rahman_a": RAHMAN_A, "rahman_b": RAHMAN_B,
                              "thompson_a": THOMPSON_A, "thompson_b": THOMPSON_B})
    assert found["rahman_a"] == found["rahman_b"]
    assert found["thompson_a"] == found["thompson_b"]
    assert found["rahman_a"] != found["thompson_a"]


def test_two_stories_fit_when_each_names_the_others_main_participants() -> None:
    from newsgraph.corpus.stories.participants import fits, main_participants, surname

    assert surname("joseph comeaux jr") == "comeaux" and surname("chohan") == "chohan"
    rahman = {"klitschko": 4, "rahman": 3, "ketsoyan": 1}
    assert main_participants(rahman, 4) == {"klitschko", "rahman"}
    # the Thompson fight's articles never name Rahman: another event
    assert not fits({"klitschko", "thompson"}, {"klitschko", "thompson"}, rahman, 4, {"klitschko", "rahman", "ibf"})
    # another outlet on the Rahman fight, naming its promoter up front too, fits
    assert fits({"klitschko", "rahman"}, {"klitschko", "rahman", "sauerland"}, rahman, 4,
                {"klitschko", "rahman", "ibf"})
    # no key participants on one side: no evidence, no veto
    assert fits(set(), {"x"}, rahman, 4, {"klitschko"}) and fits({"x"}, {"x"}, {}, 0, set())


def _unit(terms: dict[str, float]) -> dict[str, float]:
    norm = sum(w * w for w in terms.values()) ** 0.5
    return {t: w / norm for t, w in terms.items()}


def _two_halves(long: bool):  # noqa: ANN202
    """Two stories on one news that write its names differently ("Edward Snowden", "Snowden")."""
    from newsgraph.corpus.stories.index import StoryIndex

    index = StoryIndex()
    first, second = index.open_story("a1"), index.open_story("b1")
    for n in range(3):
        first.add(_unit({"snowden": 1.0, "leak": 0.8, "spying": 0.8, "nsa": 0.6, f"sxsw{n}": 0.5,
                         "@edward snowden": 0.5, "@sxsw": 0.4, "@austin": 0.4, "@texas": 0.3, "@ted": 0.3}),
                  None, None, long=long)
        second.add(_unit({"snowden": 1.0, "leak": 0.8, "spying": 0.8, "nsa": 0.6, f"privacy{n}": 0.5,
                          "@snowden": 0.5, "@european parliament": 0.4, "@brussels": 0.4, "@eu": 0.3,
                          "@moraes": 0.3}), None, None, long=long)
    index.post(first)
    index.post(second)
    return index, first, second


@pytest.mark.parametrize("long", [False, True])
def test_two_halves_of_one_headline_story_merge_though_their_names_are_spelled_apart(long: bool) -> None:
    """Between headline stories the names' cosine is not asked (every spelling of every name is
    in a centroid); between stories of articles with a body it still is."""
    index, first, second = _two_halves(long)
    assert first.participants(second.terms) < index.thresholds.participants  # the names alone look unrelated
    assert first.lexical(second.terms) / second.size > index.pick(False, long)  # the words do not
    index.merge({first.id, second.id})
    assert (index.resolve(second.id) == index.resolve(first.id)) is not long



def _report(words: list[str], person: str, n: int, named: str = "") -> dict[str, float]:
    """One report: the same words every time, one person up front (and perhaps another named)."""
    terms = {w: 1.0 - 0.1 * i for i, w in enumerate(words)} | {f"n{n}": 0.3, f"@{person}": 0.6}
    if named:
        terms[f"@{named}"] = 0.2
    return _unit(terms)


def _one_update(words: list[str], groups: list[tuple[set[str], str]], across: bool = False):  # noqa: ANN202
    """Three long reports per group (its key participants, the person it is about) in one update;
    ``across``: each also names the other group's person."""
    from newsgraph.corpus.stories.index import Member, StoryIndex

    members = []
    for n in range(3):
        for (keys, person), (_, other) in zip(groups, groups[::-1]):
            members.append(Member(f"{person}{n}", _report(words, person, n, other if across else ""), None, None,
                                  long=True, keys=frozenset(keys)))
    index = StoryIndex()
    where = index.assign(members)
    index.merge(set(where.values()))
    return index, members, {aid: index.resolve(s) for aid, s in where.items()}


ARRESTS = ["chargers", "arrested", "suspicion", "drunk", "driving", "receiver"]


def test_a_story_grown_around_two_arrests_splits_by_its_rival_participants() -> None:
    """Two players of one team arrested on the same charge: the same words, other people."""
    index, members, where = _one_update(ARRESTS, [({"jackson"}, "jackson"), ({"williams"}, "williams")])
    assert len(set(where.values())) == 1  # the words alone join them
    split = index.split(members, where)
    assert len({split[f"jackson{n}"] for n in range(3)}) == 1
    assert len({split[f"williams{n}"] for n in range(3)}) == 1
    assert split["jackson0"] != split["williams0"]
    assert sum(s.size for s in index.stories.values()) == 6


def test_a_story_whose_groups_name_each_others_person_stays_whole() -> None:
    index, members, where = _one_update(ARRESTS, [({"jackson"}, "jackson"), ({"williams"}, "williams")], across=True)
    assert len(set(where.values())) == 1
    assert index.split(members, where) == where


def test_a_story_whose_groups_share_a_main_participant_stays_whole() -> None:
    """One champion against two challengers is left to the merge test between stories."""
    fights = ["klitschko", "heavyweight", "title", "knockout", "round"]
    index, members, where = _one_update(fights, [({"klitschko", "rahman"}, "rahman"),
                                                 ({"klitschko", "thompson"}, "thompson")])
    assert len(set(where.values())) == 1
    assert index.split(members, where) == where


def test_rival_groups_are_two_people_never_key_together_and_seldom_named_across() -> None:
    from newsgraph.corpus.stories.participants import rival_groups

    jackson = [({"jackson"}, {"jackson", "chargers"})] * 3
    williams = [({"williams"}, {"williams"})] * 3
    assert rival_groups(jackson + williams) == ("jackson", "williams")
    assert rival_groups(jackson + williams[:2]) is None  # a group of two is no event of its own
    both = [({"jackson", "williams"}, {"jackson", "williams"})]
    assert rival_groups(jackson + williams + both) is None  # one article's lead has both: one story
    coach = [({"jackson", "turner"}, {"jackson", "turner"})] * 3 + [({"williams", "turner"}, {"williams", "turner"})] * 3
    assert rival_groups(coach) is None  # both groups are about the coach too


def test_a_headline_sharing_one_term_with_a_story_does_not_join_it() -> None:
    """One name in common ("Netflix" in a House of Cards deal and in a piracy app) is not the same
    news however much it weighs; likeness that other shared terms carry a part of is evidence."""
    from newsgraph.corpus.stories.index import Member, StoryIndex

    index = StoryIndex()
    story = index.open_story("deal")
    for n in range(3):
        story.add(_unit({"@netflix": 1.0, "@comcast": 0.5, "house": 0.4, "cards": 0.4, f"stream{n}": 0.3}), None, None)
    index.post(story)
    piracy = Member("piracy", _unit({"@netflix": 1.0, "pirat": 0.3, "torrent": 0.3}), None, None)
    assert story.lexical(piracy.vector) >= index.pick(False, False)  # the one name alone clears the threshold
    assert index.best(piracy)[0] is None
    another = Member("another", _unit({"@netflix": 1.0, "house": 0.4, "cards": 0.4}), None, None)
    assert index.best(another)[0] is story
