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
