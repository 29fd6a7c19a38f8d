"""Article metadata: outlet from every signal, headline choice, wire apart from outlet, bylines,
and the language gate (a non-English article is stored but not read by the English model)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rich.console import Console

from newsgraph.interfaces.report import print_report
from newsgraph.pipeline import analyse
from newsgraph.records import RawDocument
from newsgraph.store import queries
from newsgraph.store.sqlite import Store
from newsgraph.structure import structure_article
from newsgraph.structure.metadata.byline import names_in
from newsgraph.structure.metadata.byline import parse_byline
from newsgraph.structure.metadata.dates import find_date
from newsgraph.structure.metadata.outlet import from_copyright, from_domain_mention, from_follow, title_parts

FIXTURES = Path(__file__).parent / "fixtures"
BODY = " ".join(["Officials said the plan would take effect next year after a long public review of the costs."] * 3)


def _html(head: str, body: str, url: str | None = None):
    page = f"<html lang='en'><head>{head}</head><body>{body}</body></html>"
    raw = RawDocument(id="h", origin="test.html", text=page, media_type="text/html",
                      metadata={"url": url} if url else {})
    return structure_article(raw)


def _plain(text: str):
    return structure_article(RawDocument(id="t", origin="test.txt", text=text, media_type="text/plain"))


def _paragraphs(n: int = 4) -> str:
    return "".join(f"<p>{BODY} Paragraph {i}.</p>" for i in range(n))


# --- outlet ---------------------------------------------------------------------------

def test_outlet_from_the_domain_table_with_subdomains() -> None:
    article = _html("<title>Storm hits the coast - Local</title>", f"<h1>Storm hits the coast</h1>{_paragraphs()}",
                    url="https://detroit.cbslocal.com/2019/11/19/storm/")
    assert article.outlet == "CBS Detroit"


def test_outlet_from_og_site_name_on_an_unknown_domain() -> None:
    article = _html("<title>Storm hits the coast</title><meta property='og:site_name' content='Coastal Courier'>",
                    f"<h1>Storm hits the coast</h1>{_paragraphs()}", url="https://www.example-news.test/storm")
    assert article.outlet == "Coastal Courier"


def test_outlet_from_json_ld_publisher_given_by_reference() -> None:
    graph = {"@context": "https://schema.org", "@graph": [
        {"@type": "NewsArticle", "headline": "Storm hits the coast", "publisher": {"@id": "#org"},
         "datePublished": "2019-11-19T06:35:39+00:00", "author": {"@type": "Person", "name": "Jane Doe"}},
        {"@type": "Organization", "@id": "#org", "name": "Harbour Herald"}]}
    article = _html(f"<title>Storm hits the coast</title><script type='application/ld+json'>{json.dumps(graph)}"
                    "</script>", f"<h1>Storm hits the coast</h1>{_paragraphs()}", url="https://hh.test/a")
    assert article.outlet == "Harbour Herald"
    assert article.authors == ["Jane Doe"]
    assert article.published == "2019-11-19T06:35+00:00"


def test_outlet_from_copyright_line_title_suffix_and_follow_line_in_text() -> None:
    assert from_copyright("© 2019 The Paradigm. All rights reserved.") == "The Paradigm"
    assert from_copyright("Copyright © 2019 Hearst Communications, Inc.") is None  # the owner, not the outlet
    assert title_parts("Storm hits the coast - Coastal Courier", "Storm hits the coast")[0][0] == "Coastal Courier"
    text = "\n".join(["Storm hits the coast | Coastal Courier", "Home", "News", "Storm hits the coast",
                      "By Jane Doe", BODY, BODY, BODY, "Follow Coastal Courier on Twitter"])
    assert _plain(text).outlet == "Coastal Courier"


def test_copyright_names_the_outlet_not_its_owner_and_domains_in_the_text_count() -> None:
    assert from_copyright("© 2019 CNBC LLC. All Rights Reserved.") == "CNBC"
    assert from_copyright("All contents © 2019 The Slate Group LLC. All rights reserved.") == "Slate"
    assert from_copyright("©2019 Hearst") is None  # owns many outlets: says nothing about which
    assert from_copyright("© Getty Images") is None  # a photo credit
    assert from_domain_mention("Trending Now on NYPost.com") == "New York Post"
    text = "\n".join(["Storm hits the coast", "Storm hits the coast", "By Jane Doe", BODY, BODY, BODY,
                      "Trending Now on NYPost.com", "© 2019 NYP Holdings, Inc. All Rights Reserved"])
    assert _plain(text).outlet == "New York Post"


def test_unknown_domain_without_any_other_signal_names_the_domain() -> None:
    article = _html("<title>Storm hits the coast</title>", f"<h1>Storm hits the coast</h1>{_paragraphs()}",
                    url="https://www.wday.ru/articles/storm")
    assert article.outlet == "Wday.ru"


def test_the_domain_letters_decide_between_competing_site_names() -> None:
    article = _html("<title>Hiking the Flat Irons - Trail Notes - The Anti-June Cleaver</title>",
                    f"<h1>Hiking the Flat Irons</h1>{_paragraphs()}", url="https://theantijunecleaver.com/hike")
    assert article.outlet == "The Anti-June Cleaver"


def test_a_name_the_page_repeats_and_a_domain_it_mentions_pick_the_site_among_title_parts() -> None:
    text = "\n".join(["NASCAR standings | Autoracing | F1 | Indy | StockCar", "Home", "Reportagens Autoracing",
                      "NASCAR standings", BODY, BODY, BODY, "Indique o Autoracing", "Trabalhe no Autoracing",
                      "www.autoracing.com.br"])
    assert _plain(text).outlet == "Autoracing"
    # the same page without that evidence: the title's last part, as before
    bare = "\n".join(["NASCAR standings | Autoracing | F1 | Indy | StockCar", "Home", "NASCAR standings",
                      BODY, BODY, BODY])
    assert _plain(bare).outlet == "StockCar"


def test_an_imprint_line_names_the_company_and_a_title_part_with_a_year_is_an_event() -> None:
    text = "\n".join(["Take C.A.R.E. - comwrap auf der DMEXCO 2018", "Home", "Take C.A.R.E.", BODY, BODY, BODY,
                      "comwrap GmbH", "Hanauer Landstr. 126", "comwrap GmbH"])
    assert _plain(text).outlet == "comwrap"
    # a mentioned domain alone names no outlet: support for a name, never a name itself
    lone = "\n".join(["Storm hits the coast", "Storm hits the coast", BODY, BODY, BODY, "Photos on flickr.com"])
    assert _plain(lone).outlet is None


# --- headline -------------------------------------------------------------------------

def test_html_headline_is_the_supported_h1_not_the_social_title_or_logo() -> None:
    head = ("<title>Storm hits the coast, thousands evacuated | Coastal Courier</title>"
            "<meta property='og:title' content='You will not believe this storm'>"
            "<meta property='og:site_name' content='Coastal Courier'>")
    article = _html(head, f"<h1>Coastal Courier</h1><h1>Storm hits the coast, thousands evacuated</h1>"
                          f"{_paragraphs()}", url="https://cc.test/a")
    assert article.title == "Storm hits the coast, thousands evacuated"


def test_html_headline_without_h1_loses_its_site_suffix() -> None:
    head = "<title>Storm hits the coast - Coastal Courier</title><meta property='og:site_name' content='Coastal Courier'>"
    assert _html(head, _paragraphs(), url="https://cc.test/a").title == "Storm hits the coast"


def test_text_headline_is_the_line_above_the_byline_not_menus_or_a_breadcrumb() -> None:
    text = "\n".join(["Storm hits the coast, thousands evacuated - Coastal Courier", "Careers with Coastal Courier",
                      "Storm hits the coast, thousands evacuated", "Sports", "Weather",
                      "Home News Storm hits the coast, thousands evacuated", "By Jane Doe and John Roe",
                      "November 19, 2019", BODY, BODY, BODY])
    article = _plain(text)
    assert article.title == "Storm hits the coast, thousands evacuated"
    assert article.authors == ["Jane Doe", "John Roe"]
    assert article.published == "2019-11-19"
    assert article.outlet == "Coastal Courier"


def test_text_headline_differs_from_the_page_title_and_sits_above_its_byline() -> None:
    text = "\n".join(["Disney+ glitches blamed on heavy demand - Coastal Courier", "Coastal Courier Careers",
                      "Company Town", "‘We had some issues,’ exec says on Disney+ glitches",
                      "By Meg James Staff Writer", "Nov. 19, 2019", BODY, BODY, BODY])
    article = _plain(text)
    assert article.title == "‘We had some issues,’ exec says on Disney+ glitches"
    assert article.authors == ["Meg James"]


# --- wire and bylines -----------------------------------------------------------------

def test_the_headlines_own_article_is_kept_and_a_bare_by_marks_the_real_headline() -> None:
    text = "\n".join(["Doobie Brothers Unite for Anniversary Tour – Rolling Stone", "Menu",
                      "November 19, 2019 12:04AM ET", "The Doobie Brothers Unite for Anniversary Tour",
                      "McDonald joins the band onstage in Nashville", "By", "Ryan Reed", "Ryan Reed",
                      "Ryan Reed's Most Recent Stories", "The Doobie Brothers Unite for Anniversary Tour",
                      "Another story by the writer", BODY, BODY, BODY])
    article = _plain(text)
    assert article.title == "The Doobie Brothers Unite for Anniversary Tour"
    assert article.authors == ["Ryan Reed"]
    assert article.published == "2019-11-19T00:04"


def test_a_dated_byline_above_the_headline_and_a_link_is_never_the_headline() -> None:
    text = "\n".join(["Take C.A.R.E. - comwrap auf der DMEXCO 2018", "Zurück zur Übersicht",
                      "Von Moritz Bachmann publiziert am 30. Juli 2018", "Take C.A.R.E. - comwrap auf der DMEXCO 2018",
                      BODY, BODY, BODY])
    article = _plain(text)
    assert (article.authors, article.published) == (["Moritz Bachmann"], "2018-07-30")
    linked = "\n".join(["Home Depot Stock Falls After Earnings Report - Barron's",
                        "https://www.barrons.com/articles/home-depot-stock-falls-after-earnings-report-5157",
                        "Earnings Report", "Home Depot Stock Is Falling After Its Earnings Release.", "By", "Al Root",
                        "Updated Nov. 19, 2019 8:21 am ET", BODY, BODY, BODY])
    assert _plain(linked).title == "Home Depot Stock Is Falling After Its Earnings Release."


def test_a_byline_above_its_agency_credit_is_no_caption() -> None:
    text = "\n".join(["UK Tories under fire for Twitter name switch", "Nov. 20, 2019 6:02 AM EST",
                      "UK Tories under fire for Twitter name switch", "By DANICA KIRKA and JILL LAWLESS",
                      "Associated Press", BODY, BODY, BODY])
    article = _plain(text)
    assert article.authors == ["Danica Kirka", "Jill Lawless"] or article.authors == ["DANICA KIRKA", "JILL LAWLESS"]
    assert article.captions == []


def test_wire_story_keeps_the_publishing_outlet_apart_from_the_agency() -> None:
    body = f"<p>DETROIT (AP) — {BODY}</p>{_paragraphs()}"
    article = _html("<title>Sixth death linked to virus – CBS Detroit</title>", f"<h1>Sixth death linked to virus</h1>"
                    f"{body}", url="https://detroit.cbslocal.com/2019/11/19/virus/")
    assert (article.outlet, article.wire) == ("CBS Detroit", "Associated Press")
    text = "\n".join(["WeWork investigated | VentureBeat", "WeWork investigated", "Reuters November 18, 2019 11:03 PM",
                      f"(Reuters) — {BODY}", BODY, BODY])
    plain = _plain(text)
    assert (plain.outlet, plain.wire, plain.authors) == ("VentureBeat", "Reuters", [])


@pytest.mark.parametrize("line, names", [
    ("By Jane Doe and John Roe", ["Jane Doe", "John Roe"]),
    ("Jane Doe, John Roe | Reuters", ["Jane Doe", "John Roe"]),
    ("Kevin Johnson and Kevin McCoy USA TODAY", ["Kevin Johnson", "Kevin McCoy"]),
    ("By Tom Krisher, AP Auto Writer", ["Tom Krisher"]),
    ("By Amy Kuperinsky | NJ Advance Media for NJ.com", ["Amy Kuperinsky"]),
    ("Keris Lahiff @kerisalison", ["Keris Lahiff"]),
    ("By The Associated Press", []),
    ("Staff Writer", []),
])
def test_byline_forms(line: str, names: list[str]) -> None:
    assert names_in(line) == names


@pytest.mark.parametrize("line, names, iso", [
    ("By Tess Bonn - 11/19/19 06:56 AM EST", ["Tess Bonn"], "2019-11-19T06:56"),
    ("Monday November 18, 2019 7:45 am PST by Joe Rossignol", ["Joe Rossignol"], "2019-11-18T07:45"),
    ("Written by Rachael Link, MS, RD on November 14, 2019", ["Rachael Link"], "2019-11-14"),
    ("New Delhi, News Nation Bureau | Updated : 19 November 2019, 09:01 AM", [], "2019-11-19T09:01"),
])
def test_bylines_with_their_dates(line: str, names: list[str], iso: str) -> None:
    found_names, found = parse_byline(line)
    assert (found_names, found.iso if found else None) == (names, iso)


@pytest.mark.parametrize("line, iso", [
    ("sexta-feira, 22 de outubro de 2010 às 20:13", "2010-10-22T20:13"),
    ("Текст: Венера Ерофеева · 24 сентября 2018", "2018-09-24"),
    ("Von Moritz Bachmann publiziert am 30. Juli 2018", "2018-07-30"),
    ("by ライトハウス国際特許事務所 ／ 2016.12.01", "2016-12-01"),
    ("11.14.2019 09:00 AM", "2019-11-14T09:00"),
])
def test_dates_in_other_languages_and_forms(line: str, iso: str) -> None:
    assert find_date(line).iso == iso


def test_a_byline_credit_names_the_outlet_of_a_text() -> None:
    text = "\n".join(["Prison guards charged", "Two officers charged with falsifying records",
                      "Kevin Johnson and Kevin McCoy USA TODAY", "Published 7:07 PM EST Nov 19, 2019", BODY, BODY, BODY])
    article = _plain(text)
    assert (article.outlet, article.authors) == ("USA Today", ["Kevin Johnson", "Kevin McCoy"])


def test_a_day_and_month_that_could_be_either_way_round_are_never_guessed() -> None:
    assert find_date("05/10/2018") is None
    assert find_date("13/06/2014").iso == "2014-06-13"
    assert find_date("11/19/2019").iso == "2019-11-19"


def test_names_with_a_wire_credit_above_a_dateline_are_the_byline() -> None:
    text = "\n".join(["Teachers rally at the Statehouse", "Teachers rally at the Statehouse",
                      "Tom Davies Associated Press", "Published 11:34 PM EST Nov 19, 2019", BODY, BODY, BODY])
    article = _plain(text)
    assert article.authors == ["Tom Davies"]
    assert article.published == "2019-11-19T23:34"
    assert article.captions == []


def test_by_on_its_own_line_takes_the_next_lines_name() -> None:
    text = "\n".join(["Stocks fall after earnings - Coastal Courier", "Stocks fall after earnings", "By", "Al Root",
                      "Updated Nov. 19, 2019 8:21 am ET", BODY, BODY, BODY])
    article = _plain(text)
    assert article.authors == ["Al Root"]
    assert article.published == "2019-11-19T08:21"


def test_a_zone_written_on_a_utc_clock_gives_the_local_day() -> None:
    head = ("<title>Storm</title><script type='application/ld+json'>{\"@type\": \"NewsArticle\", "
            "\"datePublished\": \"2019-11-20T04:31:13-06:00\"}</script>"
            "<meta property='article:published_time' content='2019-11-20T04:31:13+00:00'>")
    article = _html(head, f"<h1>Storm</h1>{_paragraphs()}", url="https://cc.test/a")
    assert article.published == "2019-11-19T22:31-06:00"  # 04:31 UTC, on the page's own clock


def test_a_utc_timestamp_gives_way_to_the_same_moment_in_the_page_zone() -> None:
    head = ("<title>Storm</title><meta property='article:published_time' content='2019-11-19T01:19:34Z'>"
            "<meta name='pubdate' content='2019-11-18T20:19:34-05:00'>")
    assert _html(head, f"<h1>Storm</h1>{_paragraphs()}", url="https://cc.test/a").published == "2019-11-18T20:19-05:00"
    alone = "<title>Storm</title><meta property='article:published_time' content='2019-11-19T01:19:34Z'>"
    assert _html(alone, f"<h1>Storm</h1>{_paragraphs()}", url="https://cc.test/a").published == "2019-11-19T01:19+00:00"


def test_a_utc_stamp_gives_way_to_the_bylines_time_in_its_named_zone() -> None:
    from newsgraph.structure.metadata.zones import zoned_time
    assert zoned_time("November 18, 2019 at 2:26 PM HST - Updated November 18 at 4:46 PM") == "2019-11-18T14:26-10:00"
    assert zoned_time("Updated Jul 4, 2019 3:00 p.m. PT") == "2019-07-04T15:00-07:00"  # summer time
    assert zoned_time("Jan 4, 2019 3:00 p.m. ET") == "2019-01-04T15:00-05:00"
    assert zoned_time("Nov 19, 2019 10:07 AM CBS News") is None  # no zone named
    head = "<title>Storm</title><meta property='article:published_time' content='2019-11-19T01:48:00Z'>"
    byline = "<div class='byline'>By Jane Doe | November 18, 2019 at 2:26 PM HST</div>"
    page = _html(head, f"<h1>Storm</h1>{byline}{_paragraphs()}", url="https://cc.test/a")
    assert page.published == "2019-11-18T14:26-10:00"
    # a zoned time more than a day away is another date the page mentions
    far = "<div class='note'>Event on November 10, 2019 at 2:26 PM HST</div>"
    assert _html(head, f"<h1>Storm</h1>{far}{_paragraphs()}", url="https://cc.test/a").published == \
        "2019-11-19T01:48+00:00"


def test_without_date_metadata_the_labelled_date_wins_over_a_date_in_the_text() -> None:
    body = (f"<h1>Storm</h1><p>Published: Monday, November 18th, 2019 at 11:08 a.m.</p>"
            f"<p>The mayor said on Sunday, October 13th, 2019 in a local newspaper that the storm would pass. {BODY}</p>"
            f"{_paragraphs()}")
    assert _html("<title>Storm</title>", body, url="https://cc.test/a").published[:10] == "2019-11-18"


def test_follow_lines_name_the_outlet_never_the_writer() -> None:
    assert from_follow("Follow NBC Latino on Facebook, Twitter and Instagram.") == "NBC Latino"
    assert from_follow("Follow me on Twitter or LinkedIn. Check out my website.") is None


@pytest.mark.parametrize("lines, authors", [
    (["Anna Menin", "Anna Menin"], ["Anna Menin"]),  # a name link and its text
    (["Keris Lahiff @kerisalison"], ["Keris Lahiff"]),  # the writer's account
    (["By Matthew Digby, Minh Do on Monday, November 18th, 2019 at 11:08 a.m."], ["Matthew Digby", "Minh Do"]),
])
def test_bylines_without_by_or_long_enough_to_read_as_prose(lines: list[str], authors: list[str]) -> None:
    text = "\n".join(["Storm hits the coast - Coastal Courier", "Storm hits the coast", *lines, BODY, BODY, BODY])
    article = _plain(text)
    assert article.authors == authors
    assert not any(line in article.paragraphs for line in lines)


def test_a_placeholder_date_is_no_date() -> None:
    head = "<title>Storm</title><meta property='article:published_time' content='0001-01-01T00:00:00+00:00'>"
    assert _html(head, f"<h1>Storm</h1>{_paragraphs()}", url="https://cc.test/a").published is None


# --- the language gate ----------------------------------------------------------------

def test_non_english_article_is_stored_and_searchable_but_not_read_by_the_english_model(tmp_path: Path) -> None:
    text = (FIXTURES / "pt_article.txt").read_text(encoding="utf-8")
    result = analyse(RawDocument(id="pt1", origin="pt_article.txt", text=text, media_type="text/plain"))
    assert result.article.language == "pt"
    assert result.article.paragraphs
    assert (result.mentions, result.entities, result.quotes, result.events) == ([], [], [], [])
    assert result.story_embedding is None
    english = analyse(RawDocument(id="en1", origin="en.txt", media_type="text/plain",
                                  text="Storm hits the coast\n\n" + "President Joe Biden said on Monday that "
                                  "the storm would cost Florida billions. " * 4))
    assert english.article.language == "en" and english.mentions
    with Store(tmp_path / "news.db") as store:
        store.save(result)
        store.save(english)
        assert queries.language_counts(store.conn) == {"en": 1, "pt": 1}
        row = store.conn.execute("SELECT language, wire FROM articles WHERE id = 'pt1'").fetchone()
        assert tuple(row) == ("pt", None)
        assert store.conn.execute("SELECT COUNT(*) FROM articles WHERE body LIKE '%prefeitura%'").fetchone()[0] == 1
        console = Console(record=True, width=200)
        print_report(console, store.conn)
        report = console.export_text()
        assert "articles by language: en 1, pt 1" in report
        assert "pt*" in report and "not English" in report


def test_the_language_the_text_reads_as_wins_over_the_declared_one() -> None:
    german = ("Am Dienstag hat die Stadt die neuen Pläne für den Bahnhof vorgestellt, und die Bürger "
              "sind mit dem Entwurf nicht zufrieden, weil der Platz für die Radfahrer zu klein ist. ") * 3
    page = "<html lang='{}'><head><title>Storm</title></head><body><h1>Storm</h1>{}</body></html>"
    english = structure_article(RawDocument(id="e", origin="e.html", media_type="text/html",
                                            text=page.format("de", _paragraphs())))
    assert english.language == "en"  # a template that declares German on an English page
    declared_en = structure_article(RawDocument(id="d", origin="d.html", media_type="text/html",
                                                text=page.format("en", f"<p>{german}</p>" * 3)))
    assert declared_en.language == "de"


def test_wire_is_stored_and_read_back(tmp_path: Path) -> None:
    text = "\n".join(["WeWork investigated | VentureBeat", "WeWork investigated", "Reuters November 18, 2019 11:03 PM",
                      f"(Reuters) — {BODY}", BODY, BODY])
    result = analyse(RawDocument(id="w1", origin="w.txt", text=text, media_type="text/plain"))
    with Store(tmp_path / "news.db") as store:
        store.save(result)
        row = store.conn.execute("SELECT outlet, wire FROM articles WHERE id = 'w1'").fetchone()
        assert tuple(row) == ("VentureBeat", "Reuters")
        assert queries.load_analysis(store.conn, "w1").article.wire == "Reuters"
        assert queries.get_article(store.conn, "w1")["wire"] == "Reuters"
