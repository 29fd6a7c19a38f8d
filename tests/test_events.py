"""Events: CAMEO-coded actor → action → target, with modality and dates from the text."""

from __future__ import annotations

from quote_helpers import article, mentions, parse

from newsgraph.extract.events import find_events, resolve_date
from newsgraph.records import Event

PUTIN = ("Putin", "PERSON", "Vladimir Putin", "alias")
KIM = ("Kim Jong Un", "PERSON", "Kim Jong Un", "name")
NORTH_KOREA = ("North Korea", "GPE", "North Korea", "name")
NORTH_KOREAN = ("North Korean", "GPE", "North Korea", "demonym")
RUSSIAN = ("Russian", "GPE", "Russia", "demonym")


def events_of(a, *specs) -> list[Event]:
    found = find_events(a, parse(a), mentions(a, *specs))
    for e in found:
        assert a.text[e.start:e.end] == e.evidence
    return found


def one(found: list[Event], code_root: str) -> Event:
    hits = [e for e in found if e.cameo.startswith(code_root)]
    assert len(hits) == 1, (code_root, found)
    return hits[0]


def test_people_act_for_their_country_and_last_week_resolves_against_the_article_date():
    a = article("Last week, Russian leader Putin and North Korean leader Kim Jong Un signed an agreement "
                "which obliged each side to provide military aid.", published="2024-06-24T18:53")
    e = one(events_of(a, RUSSIAN, PUTIN, NORTH_KOREAN, KIM), "05")
    assert (e.actor, e.cameo, e.target, e.modality) == ("Russia", "057", "North Korea", "reported")
    assert e.date == "2024-06-17/2024-06-23"
    assert "signed an agreement" in e.evidence


def test_no_article_date_no_resolved_date():
    a = article("Last week, Putin and Kim Jong Un signed an agreement.")
    assert one(events_of(a, PUTIN, KIM), "05").date is None


def test_receiving_weapons_is_aid_from_their_origin():
    a = article('Campbell noted that Moscow received "an enormous amount" of North Korean artillery ammunition.')
    e = one(events_of(a, ("Moscow", "GPE", "Russia", "metonym"), NORTH_KOREAN), "07")
    assert (e.actor, e.cameo, e.target) == ("North Korea", "072", "Russia")


def test_visits_by_noun_and_by_motion_verb():
    a = article("Campbell noted that Putin’s recent visit to North Korea was his first in 20 years.",
                "The day after, Putin also came to Vietnam.")
    found = events_of(a, PUTIN, NORTH_KOREA, ("Vietnam", "GPE", "Vietnam", "name"))
    visits = {(e.actor, e.cameo, e.target) for e in found if e.cameo.startswith("04")}
    assert visits == {("Russia", "042", "North Korea"), ("Russia", "042", "Vietnam")}


def test_summoning_an_ambassador_is_an_official_complaint():
    a = article("South Korea summoned the Russian ambassador to protest against the deal.")
    found = events_of(a, ("South Korea", "GPE", "South Korea", "name"), RUSSIAN)
    e = one(found, "11")
    assert (e.actor, e.target) == ("South Korea", "Russia")


def test_modality_hypothetical_and_denied():
    a = article("Russia could supply weapons to North Korea.", "Russia did not sign the treaty with Japan.")
    found = events_of(a, ("Russia", "GPE", "Russia", "name"), NORTH_KOREA, ("Japan", "GPE", "Japan", "name"))
    assert one(found, "07").modality == "hypothetical"
    assert one(found, "05").modality == "denied"


def test_relative_and_absolute_dates():
    day = "2024-06-24T18:53"  # a Monday
    assert resolve_date("yesterday", day) == "2024-06-23"
    assert resolve_date("last month", day) == "2024-05"
    assert resolve_date("next year", day) == "2025"
    assert resolve_date("on Friday", day) == "2024-06-21"
    assert resolve_date("two weeks ago", day) == "2024-06-10"
    assert resolve_date("June 19", day) == "2024-06-19"
    assert resolve_date("19 June 2023", None) == "2023-06-19"
    assert resolve_date("in 2023", None) == "2023"
    assert resolve_date("in December", day) == "2023-12"
    assert resolve_date("last week", None) is None
    assert resolve_date("recently", day) is None


def test_seed_like_article_through_the_real_extractors():
    from newsgraph.extract import extract

    a = article("Meanwhile, South Korea summoned the Russian ambassador to protest against the deal.",
                "Putin also came to Vietnam.", published="2024-06-21")
    events = extract(a, parse(a)).events
    assert {(e.actor, e.cameo[:2], e.target) for e in events} >= {("South Korea", "11", "Russia"), ("Russia", "04", "Vietnam")}


# -- the CAMEO dictionary over the parse: sentences written for these tests -----------------------

def coded(text: str, *specs, published: str | None = "2024-03-04") -> list[Event]:
    """Events of one sentence through the real entity extractor (or the given mentions)."""
    a = article(text, published=published)
    if specs:
        return events_of(a, *specs)
    from newsgraph.extract import extract

    return extract(a, parse(a)).events


def roots(found: list[Event]) -> set[str]:
    return {e.cameo[:2] for e in found}


def test_every_cameo_root_has_a_verb_the_dictionary_codes():
    sentences = {
        "01": "The Finnish government announced a new budget on Monday.",
        "02": "Chile appealed to Peru for humanitarian aid.",
        "03": "Norway pledged to send medical supplies to Ghana.",
        "04": "The Kenyan president visited Tanzania.",
        "05": "Brazil praised Argentina for its economic reforms.",
        "06": "Russia and China held joint military exercises.",
        "07": "Japan provided economic aid to Vietnam.",
        "08": "Italy released the Libyan fishermen.",
        "09": "Swedish prosecutors investigated the Danish company.",
        "10": "Poland demanded compensation from Belarus.",
        "11": "Ireland accused Britain of breaking the agreement.",
        "12": "Hungary rejected the proposal from Austria.",
        "13": "Pakistan threatened India with sanctions.",
        "14": "Thousands of students demonstrated in Santiago against the government.",
        "15": "Turkey mobilized troops along the Syrian border.",
        "16": "Morocco broke diplomatic relations with Algeria.",
        "17": "Egyptian police arrested three Sudanese journalists.",
        "18": "Gunmen kidnapped two Nigerian engineers.",
        "19": "Ethiopian troops attacked Eritrea.",
        "20": "The militia massacred hundreds of civilians.",
    }
    for root, text in sentences.items():
        found = coded(text)
        assert root in roots(found), (root, text, [(e.cameo, e.actor_text, e.target_text) for e in found])


def test_codes_carry_quad_class_goldstein_and_plover():
    e = next(e for e in coded("Ethiopian troops attacked Eritrea.") if e.root == "19")
    assert (e.quad_class, e.goldstein, e.plover) == (4, -10.0, "ASSAULT")
    assert e.actor_code == "ETHMIL" and e.target_code == "ERI"
    assert e.actor == "Ethiopia" and e.target == "Eritrea"


def test_compound_actors_are_one_event_each():
    found = coded("Hungarian and Romanian officials condemned the attack on the embassy.")
    sources = {e.actor_code for e in found if e.root == "11"}
    assert sources == {"HUN", "ROU"}


def test_passive_voice_takes_the_agent_as_source_and_the_subject_as_target():
    found = coded("Three Chadian soldiers were killed by Libyan rebels.")
    e = next(e for e in found if e.root in {"18", "19", "20"})
    assert e.actor_code == "LBYREB" and e.target_code == "TCDMIL"


def test_metonymy_and_dictionary_actors():
    found = coded("Seoul criticized the Kremlin.")
    e = next(e for e in found if e.root == "11")
    assert e.actor_code[:3] == "KOR" and e.target_code == "RUSGOV"


def test_the_phoenix_dictionary_dates_roles():
    early = next(e for e in coded("President Bill Clinton met Boris Yeltsin.", published="1998-05-01")
                 if e.root == "04")
    late = next(e for e in coded("President Bill Clinton met Boris Yeltsin.", published="2005-05-01")
                if e.root == "04")
    assert early.actor_code == "USAGOV" and late.actor_code == "USAELI"


def test_intent_threat_refusal_and_denial():
    intent = coded("Norway will support the Danish proposal.")
    assert any(e.root == "03" and e.modality == "future" for e in intent)
    threat = coded("Iran threatened to attack Israel.")
    assert [e.cameo[:2] for e in threat] == ["13"]
    refusal = coded("Serbia refused to meet the Kosovo delegation.")
    assert [e.cameo for e in refusal] == ["125"]
    denied = coded("Russia did not attack Ukraine.")
    assert [(e.root, e.modality) for e in denied] == [("19", "denied")]
    hypothetical = coded("Chile could send troops to Peru.")
    assert all(e.modality == "hypothetical" for e in hypothetical) and hypothetical


def test_a_reporting_verb_frames_the_event_it_reports():
    found = coded("Portugal will back Spain's candidacy, the Portuguese president said on Tuesday.")
    assert all(e.root != "01" for e in found)
    assert any(e.actor_code == "PRT" and e.target_code == "ESP" for e in found)


def test_an_unknown_actor_is_kept_without_a_code():
    found = coded("The Zorblaxians visited Chile.")
    e = next(e for e in found if e.root == "04")
    assert e.actor_code is None and e.actor_text == "The Zorblaxians" and e.target_code == "CHL"
    envoys = next(e for e in coded("Zorblaxian envoys visited the summit.") if e.root == "04")
    assert envoys.actor_code == "GOV"  # a role in a sentence that names no country, as GDELT codes it


def test_a_role_without_a_country_takes_the_country_its_sentence_is_about():
    strike = next(e for e in coded("Algerian landowners began a hunger strike outside Parliament.") if e.root == "14")
    assert strike.actor_code.startswith("DZA") and strike.target_code == "DZALEG"
    curfew = next(e for e in coded("Turkish authorities imposed a curfew in the town of Cizre in southeastern Turkey.")
                  if e.root == "17")
    assert curfew.target_code == "TUR"  # a town no table knows, placed by the phrase it sits in
    forum = coded("The International Labor Office demanded that Israel ease restrictions on Palestinian workers.")
    assert all(e.actor_code == "IGO" for e in forum if e.actor_text and "Labor Office" in e.actor_text)


def test_undated_text_takes_the_role_that_names_whom_a_person_acted_for():
    rejected = coded("The US rejected calls by Kofi Annan to adopt the reforms.", published=None)
    assert any(e.root == "12" and e.target_code == "IGOUNO" for e in rejected)


def test_the_dictionary_pattern_nearest_the_verb_wins_and_clauses_below_the_object_are_not_its_words():
    ultimatum = coded("Peru has issued an ultimatum to Ecuador to halt attacks across their border.")
    assert any(e.root == "13" and e.actor_code == "PER" and e.target_code == "ECU" for e in ultimatum)
    ordered = coded("An Argentine judge has ordered former president Carlos Menem to appear for questioning.")
    assert [e.root for e in ordered if e.actor_text and "judge" in e.actor_text] == ["10"]


def test_what_a_demand_asks_for_is_not_an_event_of_its_own_and_a_stumbling_lemma_still_codes():
    found = coded("Students staged mass demonstrations on Saturday to demand political reforms.")
    assert [e.root for e in found] == ["14"]
    demand = coded("The United States demanded that North Korea forsake its nuclear program.")
    assert [(e.root, e.target_code) for e in demand] == [("10", "PRK")]


def test_targets_in_purpose_clauses_conditions_and_against_phrases_and_subjects_of_stative_participles():
    strike = coded("Ethnic Turks began a hunger strike on Monday to protest against Sweden's decision.")
    assert any(e.root == "14" and e.target_code == "SWE" for e in strike)
    threat = coded("Russia threatened to stop negotiations if the United States goes ahead with the deployment.")
    assert any(e.root == "13" and e.actor_code == "RUS" and e.target_code == "USA" for e in threat)
    shelling = coded("Vietnamese forces launched artillery fire against Cambodian guerrilla camps.")
    assert any(e.root in {"18", "19", "20"} and e.target_code and e.target_code.startswith("KHM") for e in shelling)
    committed = coded("Vietnam is committed to opening up its economy.")
    assert any(e.actor_code == "VNM" and e.root == "03" for e in committed)


def test_a_place_where_the_event_happened_does_not_answer_in_kind():
    found = coded("The Hizbollah group declared a unilateral ceasefire on Wednesday in south Lebanon.")
    assert found and all(e.actor_text is None or "Lebanon" not in e.actor_text for e in found)


def test_a_role_that_spells_a_country_code_is_no_country_and_a_common_noun_is_no_dictionary_name():
    # the agents' Muslim role is MUS, which is also Mauritius' ISO code: the role takes its sentence's country
    dispersed = coded("Egyptian police opened fire to disperse Moslem fundamentalist demonstrators.")
    assert any(e.root == "19" and e.target_code and e.target_code.startswith("EGY") for e in dispersed)
    # the Phoenix dictionary lists "organization" as a name of the Tanzim (MEAREB); written lower-case it is a noun
    banned = coded("The British government outlawed the largest extremist organization in the country.")
    assert banned and all(not (e.target_code or "").startswith("MEA") for e in banned)


def test_a_title_gives_its_person_the_role_and_a_country_at_the_head_outranks_its_modifier():
    met = coded("Moldovan Prime Minister Ion Zorblax met Turkish officials on Sunday.")
    assert any(e.root == "04" and e.actor_code == "MDAGOV" for e in met), met
    willing = coded("NATO-member Norway is willing to send material to help defend Saudi Arabia.")
    assert willing and all(e.actor_code == "NOR" for e in willing if e.actor_text and "Norway" in e.actor_text)


def test_force_is_aimed_at_whom_the_weapon_is_fired_at_and_a_former_country_name_codes():
    shells = coded("North Korea fired two artillery shells at Seoul on Thursday.")
    assert any(e.root == "19" and e.actor_code.startswith("PRK") and e.target_code == "KOR" for e in shells), shells
    camps = coded("Vietnamese-led forces launched artillery, mortar, and rocket fire against Kampuchean guerrilla "
                  "camps near the eastern Thai border today.")
    assert any(e.root == "19" and (e.target_code or "").startswith("KHM") for e in camps), camps


def test_a_longer_place_name_outranks_the_country_inside_it():
    demand = coded("The United States demanded that the Democratic People's Republic of Korea forsake its nuclear program.")
    assert [(e.root, e.target_code) for e in demand] == [("10", "PRK")]
    banned = coded("The British government outlawed the largest extremist organization in Northern Ireland.")
    assert any(e.root == "17" and (e.target_code or "").startswith("GBR") for e in banned), banned


def test_a_part_of_something_is_as_near_the_verb_as_the_thing():
    found = coded("The United States suspended part of a military aid program for Bosnia.")
    assert [(e.cameo, e.actor_code, e.target_code) for e in found] == [("162", "USA", "BIH")]


def test_a_particles_preposition_reaches_the_target_and_the_european_community_is_the_eus_forerunner():
    kidnapped = coded("Afghan rebels have kidnapped up to 16 Russian civilian advisers from a town bazaar.")
    assert any(e.root == "18" and e.actor_code.startswith("AFG") and e.target_code == "RUS" for e in kidnapped), kidnapped
    aid = coded("The European Community on Monday gave the Ivory Coast 5.1 million dollars of aid.")
    assert any(e.root == "07" and e.actor_code.startswith("IGO") and e.target_code == "CIV" for e in aid), aid


def test_a_promise_of_two_acts_is_one_intent_not_an_intent_and_an_act():
    found = coded("Serbian President Vojislav Kostunica promised to democratize Serbia and establish the rule of law.")
    assert [e.root for e in found] == ["03"], found


def test_a_reminder_that_someone_must_act_is_a_demand_of_them():
    found = coded("French President Jacques Chirac issued a stern reminder Saturday to Iraq that it must cooperate "
                  "fully with UN inspectors.")
    assert [(e.root, e.actor_code[:3], e.target_code) for e in found] == [("10", "FRA", "IRQ")], found


def test_a_continued_action_codes_as_the_action():
    found = coded("Algerian fundamentalists continued their hunger strike to demand the resignation of the president.")
    assert [e.cameo for e in found] == ["142"], found


def test_coordinated_actors_doing_their_joint_thing_do_it_with_each_other():
    found = coded("Russia and China have postponed their meeting after the incident.")
    assert {(e.actor_code, e.target_code) for e in found} == {("RUS", "CHN"), ("CHN", "RUS")}, found
    warned = coded("Russia and China warned their populations about the storm.")
    assert all(e.target_code not in {"RUS", "CHN"} for e in warned), warned


def test_a_complaint_targets_whom_it_is_about_not_its_audience():
    found = coded("Lebanon complained to the United Nations on Tuesday over two Israeli air raids.")
    assert any(e.root == "11" and e.actor_code == "LBN" and e.target_code == "ISR" for e in found), found
    passive = coded("The Philippines was criticized over its territorial dispute with Vietnam.")
    assert any(e.root == "11" and e.target_code == "PHL" for e in passive), passive


def test_an_ethnic_people_takes_the_country_it_lives_in():
    found = coded("Serb forces killed three ethnic Albanians in a gunbattle in southeastern Serbia on Friday.")
    assert any(e.actor_code.startswith("SRB") and (e.target_code or "").startswith("SRB") for e in found), found
    assert all(not (e.target_code or "").startswith("ALB") for e in found)


def test_quoted_as_saying_is_the_quoted_speaking_and_no_event_of_its_own():
    found = coded("The Egyptian president was quoted on Monday as saying he would meet Israeli leaders in Cairo.")
    assert all(e.root != "01" for e in found)  # "quoted" only passes the saying on
    meet = one(found, "03")
    assert meet.actor_text == "The Egyptian president" and meet.actor_code.startswith("EGY")
    assert meet.target_code.startswith("ISR")


def test_a_person_named_with_of_a_country_is_that_countrys():
    found = coded("King Hassan of Morocco visited Spain on Tuesday.", published=None)
    visit = one(found, "04")
    assert visit.actor_code.startswith("MAR") and visit.target_code == "ESP"  # not Jordan's Prince Hassan


def test_an_organisation_whose_name_spans_countries_codes_igo():
    demand = one(coded("The International Water Council demanded that Egypt release the detained engineers."), "10")
    assert demand.actor_code == "IGO" and demand.target_code == "EGY"
    own = one(coded("The Egyptian Water Council demanded that Israel release the detained engineers."), "10")
    assert own.actor_code.startswith("EGY")  # a name that says whose it is stays that country's


def test_an_agentless_arrest_is_by_the_state_it_happens_in():
    arrest = one(coded("Two French journalists were arrested in Iran on Monday."), "17")
    assert arrest.actor_code.startswith("IRN") and arrest.target_code.startswith("FRA")
    named = one(coded("Two French journalists were arrested in Iran by Turkish police."), "17")
    assert named.actor_code.startswith("TUR")  # a named agent is the agent
    deported = one(coded("Two French journalists were deported to Iran."), "17")
    assert deported.actor_code is None  # where to is not who
    killed = one(coded("Two French journalists were killed in Iran."), "19")
    assert killed.actor_code is None  # force is not the state's unless the text says so


def test_with_no_one_acted_upon_the_target_is_the_country_it_happens_in():
    found = coded("The military government declared a state of siege in Haiti on Saturday, arresting political opponents.")
    arrest = one(found, "17")
    assert arrest.target_code == "HTI", found  # the participle shares its main clause's scene
    named = one(coded("The military government declared a state of siege in Haiti, arresting Cuban diplomats."), "17")
    assert named.target_code.startswith("CUB")  # one acted upon comes first


def test_a_comment_targets_the_subject_of_what_it_states():
    found = coded("Egypt expressed hopes on Thursday that Israel could be drawn into the peace process.")
    hope = one(found, "01")
    assert (hope.actor_code, hope.target_code) == ("EGY", "ISR"), found


def test_the_one_urged_to_act_is_the_target():
    helped = one(coded("France urged Germany on Monday to help."), "07")
    assert (helped.actor_code, helped.target_code) == ("FRA", "DEU"), helped


def test_what_one_warns_about_is_the_target():
    warning = one(coded("Egypt warned about Israel."), "13")
    assert (warning.actor_code, warning.target_code) == ("EGY", "ISR"), warning


def test_cached_entities_are_what_spacy_gives_for_every_sentence_and_token():
    from newsgraph.extract.common.ents import doc_entities, entities_in, entity_at

    a = article("Vladimir Putin met Kim Jong Un in Moscow on Tuesday. Later, the Kremlin said "
                "North Korea and Russia would talk again in Seoul next week.")
    doc = parse(a)
    assert doc_entities(doc) == doc.ents and len(doc.ents) >= 4
    for sent in doc.sents:
        assert list(entities_in(sent)) == list(sent.ents)
    for tok in doc:
        held = [e for e in doc.ents if e.start <= tok.i < e.end]
        assert entity_at(doc, tok.i) == (held[0] if held else None)
    other = parse(article("Angela Merkel spoke in Berlin."))
    assert doc_entities(other) == other.ents  # a new Doc is not served the last one's spans


def test_coordinated_targets_are_an_event_with_each():
    found = coded("Russia closed its southern borders with Iran and Turkey.")
    assert {(e.actor_code, e.target_code) for e in found} == {("RUS", "IRN"), ("RUS", "TUR")}, found
    ties = coded("Egypt welcomed the resumption of diplomatic ties with Iran, Iraq and Syria.")
    assert {e.target_code for e in ties} == {"IRN", "IRQ", "SYR"}, ties  # the names inside the phrase
    clause = coded("The Israeli government is refusing to lift the curfew on Palestinians living in the West Bank and Gaza.")
    assert len(clause) == 1, clause  # not the places of a clause inside the target's phrase


def test_events_with_two_targets_no_name_tells_apart_stay_two():
    from newsgraph.extract.events.find import _merged

    def welcomed(code: str) -> Event:
        return Event(article="t", actor="Fornost", cameo="051", action="praise", target=None, start=0, end=10,
                     actor_text="Fornost", actor_code="FOR", target_text=code.title(), target_code=code)

    assert [e.target_code for e in _merged([welcomed("GON"), welcomed("OSG"), welcomed("GON")])] == ["GON", "OSG"]
