"""Reference tables: countries, people, organisations, office-holders and their lookups."""

from __future__ import annotations

import re
from datetime import date

import pytest

from newsgraph import reference
from newsgraph.reference import countries, offices, organisations, people
from newsgraph.reference.keys import name_key


def test_country_names_aliases_capitals_demonyms():
    assert countries.lookup("U.S.").name == "United States"
    assert countries.lookup("US").iso3 == "USA"
    assert countries.lookup("DPRK").name == "North Korea"
    assert countries.lookup("Republic of Korea").name == "South Korea"
    assert countries.lookup("Türkiye").iso2 == "TR"
    assert countries.by_capital("Seoul").name == "South Korea"
    assert countries.by_capital("Kiev").name == "Ukraine"
    assert countries.by_demonym("Russian").name == "Russia"
    assert countries.by_demonym("North Korean").name == "North Korea"
    assert countries.by_demonym("Russians").name == "Russia"
    assert countries.by_seat("the Kremlin").name == "Russia"
    assert countries.by_code("RUS").kb_id == "country:RUS"


def test_shared_demonyms_link_to_no_country():
    assert countries.by_demonym("Dominican") is None
    assert countries.by_demonym("Congolese") is None


def test_every_country_row_is_complete():
    rows = countries.all_countries()
    assert len(rows) >= 195
    for c in rows:
        assert len(c.iso2) == 2 and len(c.iso3) == 3 and c.name and c.capital, c


def test_people_spelling_variants_and_short_forms():
    assert people.lookup("Kim Jong-un").name == "Kim Jong Un"
    assert people.lookup("Volodymyr Zelensky").name == "Volodymyr Zelenskyy"
    assert people.by_short("Putin").name == "Vladimir Putin"
    assert people.by_short("Campbell") is None  # too common to resolve on its own
    assert people.lookup("Kim Jong Un").family_first
    assert people.lookup("Antony Blinken").gender == "m"
    assert people.lookup("Mark Esper") is not None  # every office-holder is a known person


def test_organisations():
    assert organisations.lookup("UN security council").name == "UN Security Council"
    assert organisations.lookup("the UNSC").code == "UNSC"
    assert organisations.lookup("North Atlantic Treaty Organization").kb_id == "org:NATO"


@pytest.mark.parametrize("title, office, country", [
    ("US President", "president", "USA"),
    ("President of the United States", "president", "USA"),
    ("US Deputy Secretary of State", "deputy_foreign_minister", "USA"),
    ("a US State Department spokesperson", "foreign_ministry_spokesperson", "USA"),
    ("NATO Secretary General", "secretary_general", "NATO"),
    ("UN Secretary-General", "secretary_general", "UN"),
    ("Russian leader", "leader", "RUS"),
    ("North Korea's leader", "leader", "PRK"),
    ("North Korea’s leader", "leader", "PRK"),
    ("Russian ambassador", "ambassador", "RUS"),
    ("UK Foreign Secretary", "foreign_minister", "GBR"),
    ("Secretary of State for Defence", "defence_minister", None),
    ("EU foreign policy chief", "high_representative", "EU"),
    ("Kremlin spokesman", "press_secretary", "RUS"),
    ("White House Press Secretary", "press_secretary", "USA"),
])
def test_parse_title(title, office, country):
    parsed = offices.parse_title(title)
    assert (parsed.office, parsed.country) == (office, country)


def test_title_normalisation_is_country_independent():
    assert offices.normalise_office("US President") == offices.normalise_office("President of the United States")
    assert offices.parse_title("former US President").former


def test_holders_on_a_date():
    assert [t.person for t in offices.holders("US President", on="2024-06-24")] == ["Joe Biden"]
    assert [t.person for t in offices.holders("president", "United States", date(2021, 1, 20))] == ["Donald Trump", "Joe Biden"]
    assert [t.person for t in offices.holders("Secretary of State", "USA", "2024-06")] == ["Antony Blinken"]
    assert [t.person for t in offices.holders("NATO Secretary General", on="2024-06-24")] == ["Jens Stoltenberg"]
    assert [t.person for t in offices.holders("NATO Secretary General", on="2024-10-02")] == ["Mark Rutte"]
    assert [t.person for t in offices.holders("leader", "RUS", "2024-06-24")] == ["Vladimir Putin", "Mikhail Mishustin"]
    assert {t.person for t in offices.holders("foreign_minister", on="2024-06-24")} >= {"Antony Blinken", "Sergey Lavrov", "Wang Yi"}


def test_key_terms_are_exact():
    (biden,) = [t for t in offices.terms_of("Joe Biden") if t.office == "president"]
    assert (biden.start, biden.end) == ("2021-01-20", "2025-01-20")
    (blinken,) = [t for t in offices.terms_of("Antony Blinken") if t.office == "foreign_minister"]
    assert (blinken.start, blinken.end) == ("2021-01-26", "2025-01-20")
    (campbell,) = offices.terms_of("Kurt Campbell")
    assert campbell.start == "2024-02-12" and campbell.title == "Deputy Secretary of State"
    (miller,) = offices.terms_of("Matthew Miller")
    assert miller.start.startswith("2023-03") and miller.end.startswith("2025-01")
    (stoltenberg,) = offices.terms_of("Jens Stoltenberg")
    assert (stoltenberg.start, stoltenberg.end) == ("2014-10-01", "2024-10-01")


def test_partial_dates_cover_their_month():
    (miller,) = offices.terms_of("Matthew Miller")
    assert miller.covers("2023-03-01") and miller.covers("2025-01-19") and not miller.covers("2025-02-01")


def test_check_role_for_the_seed_titles():
    assert offices.check_role("Joe Blinken", "US President", "2024-06-24").status == "mismatch"
    check = offices.check_role("Joe Blinken", "US President", "2024-06-24")
    assert [t.person for t in check.holders] == ["Joe Biden"]
    assert offices.check_role("Kurt Campbell", "US Deputy Secretary of State", "2024-06-24").status == "consistent"
    assert offices.check_role("Jens Stoltenberg", "NATO Secretary General", "2024-06-24").status == "consistent"
    assert offices.check_role("Matthew Miller", "a US State Department spokesperson", "2024-06-24").status == "consistent"
    assert offices.check_role("Putin", "Russian leader", "2024-06-24").status == "consistent"
    assert offices.check_role("Kim Jong-un", "North Korea's leader", "2024-06-24").status == "consistent"
    assert offices.check_role("Antony Blinken", "US President", "2024-06-24").status == "mismatch"
    assert offices.check_role("Someone", "Minister of Silly Walks", "2024-06-24").status == "unknown_office"
    # without a country the data can confirm a pair but not refute it
    assert offices.check_role("Jeremy Corbyn", "Labour Party leader", "2019-06-24").status == "unknown_office"
    assert offices.check_role("Xi Jinping", "Chinese leader", "2019-06-24").status == "consistent"


def test_g20_coverage_since_2015():
    g20 = ["ARG", "AUS", "BRA", "CAN", "CHN", "FRA", "DEU", "IND", "IDN", "ITA", "JPN", "MEX", "RUS", "SAU",
           "ZAF", "KOR", "TUR", "GBR", "USA"]
    for code in g20:
        for year in range(2015, 2025):
            leaders = offices.holders("leader", code, f"{year}-09-15")
            assert leaders, (code, year)
            assert offices.holders("foreign_minister", code, f"{year}-09-15"), (code, year)
    for org in ("NATO", "UN"):
        for year in range(2015, 2025):
            assert offices.holders("secretary_general", org, f"{year}-07-01"), (org, year)


def test_user_reference_files_are_added(tmp_path, monkeypatch):
    (tmp_path / "office_holders.tsv").write_text(
        "person\toffice\tcountry\tstart\tend\ttitle\tnote\n"
        "Ada Example\tforeign_minister\tXKX\t2024-01-01\t\tMinister of Foreign Affairs\t\n", encoding="utf-8")
    monkeypatch.setenv(reference.ENV_VARIABLE, str(tmp_path))
    reference.clear_caches()
    try:
        assert [t.person for t in offices.holders("foreign minister", "Kosovo", "2024-06-01")] == ["Ada Example"]
        assert people.lookup("Ada Example") is not None
    finally:
        monkeypatch.delenv(reference.ENV_VARIABLE)
        reference.clear_caches()
    assert offices.holders("foreign minister", "Kosovo", "2024-06-01") == []


def test_add_reference_dir(tmp_path):
    (tmp_path / "countries.tsv").write_text(
        "iso2\tiso3\tname\taliases\tcapital\tcapital_aliases\tdemonyms\tseats\n"
        "ZZ\tZZZ\tFreedonia\tFredonia\tFreedonia City\t\tFreedonian\t\n", encoding="utf-8")
    reference.add_reference_dir(tmp_path)
    try:
        assert countries.lookup("Fredonia").iso3 == "ZZZ"
        assert countries.by_demonym("Freedonian").name == "Freedonia"
    finally:
        reference._extra_dirs.remove(tmp_path)
        reference.clear_caches()
    assert countries.lookup("Fredonia") is None


def test_name_key():
    assert name_key("Kim Jong-un") == name_key("Kim Jong Un")
    assert name_key("Recep Tayyip Erdoğan") == name_key("Recep Tayyip Erdogan")


def test_name_key_of_ascii_names_is_the_full_fold() -> None:
    """ASCII names skip the Unicode decomposition (a speed path): the key must be the one the full fold gives."""
    import unicodedata

    def full(name: str) -> str:
        folded = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
        return re.sub(r"[^\w]+", " ", folded.lower()).strip()

    for name in ["Kim Jong-un", "  O'Neill, Jr. ", "AT&T Inc.", "F.B.I.", "Bob_Smith", "2024 G-20", "", "!!!"]:
        assert name_key(name) == full(name)
    assert name_key("Erdoğan") == "erdogan" and name_key("Ａｌｉ") == "ali"  # others still fold


def test_petrarch_actor_dates_with_spaces_and_several_codes_on_a_line():
    from newsgraph.reference.petrarch_format import read_actor_dictionary

    text = ("GOLLUM  # a comment\n+SMEAGOL\n\t[HOB < 950601]\n\t[HOBGOV 19950601 - 19990815]\n\t[HOBREB > 990816]\n"
            "ANN_VENEMAN_\t[USAGOV 010120-050120] [IGOUNOKID >050501]# later UNICEF\n")
    gollum, veneman = read_actor_dictionary(text)
    assert gollum.phrases == ["gollum", "smeagol"]
    assert gollum.codes == [("HOB", "", "1995-06-01"), ("HOBGOV", "1995-06-01", "1999-08-15"), ("HOBREB", "1999-08-16", "")]
    assert veneman.codes == [("USAGOV", "2001-01-20", "2005-01-20"), ("IGOUNOKID", "2005-05-01", "")]


def test_actor_dictionary_reads_a_hyphen_the_parse_split():
    from newsgraph.reference import actors

    assert actors.actor_code("al-qaeda") is not None
    assert actors.actor_code("al - qaeda") == actors.actor_code("al-qaeda")
