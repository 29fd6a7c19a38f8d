"""Structure: the article inside scraped text and HTML, with what was dropped kept aside."""

from __future__ import annotations

import pickle
from pathlib import Path

import lxml.html
import pytest

from newsgraph.examples import EXAMPLES_DIR
from newsgraph.records import RawDocument
from newsgraph.reference.outlets import load_outlets
from newsgraph.structure import build_boilerplate, structure_article
from newsgraph.structure.metadata.byline import parse_byline, unglue
from newsgraph.structure.boilerplate import looks_like_boilerplate
from newsgraph.structure.captions import is_caption, is_credit_only
from newsgraph.structure.chunks import add_missing_chunks
from newsgraph.structure.cleanup import deobfuscate_emails, strip_label
from newsgraph.structure.metadata.dates import find_date, from_iso, is_dateline


def _plain(text: str, **metadata) -> RawDocument:
    return RawDocument(id="t", origin="test", text=text, media_type="text/plain", metadata=metadata)


def _seed(name: str):
    text = (EXAMPLES_DIR / name).read_text(encoding="utf-8")
    return structure_article(RawDocument(id=name, origin=name, text=text, media_type="text/plain"))


# --- the two seeds: exactly what gold.json expects -------------------------------------

def test_seed_000_glued_byline_minute_date_caption_and_no_outlet() -> None:
    article = _seed("000_038f5d126ba7fa0a.txt")
    assert article.title == "US assumes that Russia will help North Korea with nuclear and long-range weapons"
    assert article.authors == ["Oleh Pavliuk", "Anastasia Protz"]
    assert (article.published, article.published_precision) == ("2024-06-24T18:53", "minute")
    assert article.outlet is None  # the text never names its outlet; "European Pravda" is a cited source
    assert article.captions == ["Putin and Kim Jong Un. Photo: Getty Images"]
    assert article.lead is None
    assert article.paragraphs[0].startswith("Kurt Campbell, US Deputy Secretary of State, believes")
    assert article.paragraphs[-1].endswith("Iran, Syria and, to some extent, China.")
    assert "Source: European Pravda with reference to the statement by the US Deputy Secretary of State" \
        in article.paragraphs  # a source line is article text: citations are found in it
    for banned in ("All Sections", "Photo: Getty Images", "Anastasia Protz", "Details:"):
        assert banned not in article.text.replace(article.title, "")
    assert any(p.startswith("Campbell noted that Putin") for p in article.paragraphs)  # label "Details:" cut
    assert article.language == "en"


def test_seed_003_repeated_title_lead_captions_outlet_from_copyright() -> None:
    article = _seed("003_69df2b26e7fe9b34.txt")
    assert article.title == ("The Guardian: Russian weapons to North Korea could destabilize Korean peninsula, "
                             "says US official")
    assert article.published is None and article.published_precision is None  # "© 2024" is no date
    assert article.authors == []
    assert article.outlet == "Euromaidan Press"
    assert article.captions == ["Putin and Kim. Photo kremlin.ru",
                                "North Korean leader during a meeting with Russia’s ruler Vladimir Putin. "
                                "Photo kremlin.ru"]
    assert article.lead == ("Recently, Putin and North Korea’s leader, Kim Jong-un, signed a defense agreement "
                            "in Pyongyang, requiring immediate military assistance if either is attacked.")
    assert article.paragraphs[0].startswith("Russian ruler Vladimir Putin")
    assert article.paragraphs[-1].endswith("as it happened after Hamas attacked Israel in 2023.")
    assert article.text.count("The Guardian: Russian weapons") == 1
    for banned in ("Copyright", "International Renaissance Foundation", "Privacy and Cookie Policies",
                   "Become a Patron", "ad blocker", "Ctrl + Enter", "Read more:", "email protected",
                   "Photo kremlin.ru"):
        assert banned.lower() not in article.body.lower(), banned
    # what was dropped is kept for `newsgraph show ID --raw`
    assert "Copyright © 2024 Euromaidanpress.com" in article.removed
    assert "Read more:" in article.removed
    assert any("ad blocker" in line for line in article.removed)


# --- bylines, dates, captions, e-mail ---------------------------------------------------

def test_glued_byline_is_split_into_names_and_date() -> None:
    assert unglue("Oleh Pavliuk, Anastasia ProtzMonday, 24 June 2024") == \
        "Oleh Pavliuk, Anastasia Protz Monday, 24 June 2024"
    authors, found = parse_byline("Jane Doe and John SmithTuesday, 3 September 2024, 07:05")
    assert authors == ["Jane Doe", "John Smith"]
    assert (found.iso, found.precision) == ("2024-09-03T07:05", "minute")
    assert parse_byline("By Jamelle Bouie")[0] == ["Jamelle Bouie"]
    assert parse_byline("Tom Krisher, Ap Auto Writer") == ([], None)  # a job title is no name


def test_byline_and_date_found_in_a_plain_text_article() -> None:
    text = ("Navy ships arrive in Busan for joint drills\n"
            "By Min-ji Park and Tom Lee | June 3, 2021 5:04 pm\n"
            "Three US Navy ships arrived in the port of Busan on Thursday for a week of joint drills, "
            "officials said, the first such visit this year.\n"
            "The drills follow a series of missile launches by North Korea in recent weeks, "
            "according to the South Korean defence ministry.\n")
    article = structure_article(_plain(text))
    assert article.title == "Navy ships arrive in Busan for joint drills"
    assert article.authors == ["Min-ji Park", "Tom Lee"]
    assert (article.published, article.published_precision) == ("2021-06-03T17:04", "minute")
    assert len(article.paragraphs) == 2


@pytest.mark.parametrize(("text", "iso", "precision"), [
    ("Monday, 24 June 2024, 18:53", "2024-06-24T18:53", "minute"),
    ("24 June 2024", "2024-06-24", "day"),
    ("Nov. 20, 2019", "2019-11-20", "day"),
    ("Updated 1:39 am EST, Wednesday, November 20, 2019", "2019-11-20T01:39", "minute"),
    ("2024-06-24T18:53:00+03:00", "2024-06-24T18:53+03:00", "minute"),
])
def test_dates_keep_the_precision_the_page_gives(text: str, iso: str, precision: str) -> None:
    found = find_date(text)
    assert (found.iso, found.precision) == (iso, precision)


def test_a_year_alone_is_never_a_published_date() -> None:
    assert find_date("Copyright © 2024 Example Media") is None
    assert find_date("June 2024") is None
    assert find_date("June 2024", allow_month=True).precision == "month"
    assert from_iso("2024") == ("2024", "year")
    text = ("Copyright © 2024 Example Media\nA headline about talks\n"
            "Talks between the two delegations resumed in Geneva on Monday after a pause of several weeks, "
            "diplomats said.\n")
    assert structure_article(_plain(text)).published is None


def test_datelines_and_timestamps_are_not_body() -> None:
    assert is_dateline("Wednesday November 20, 2019")
    assert is_dateline("2 days ago at 07:52 am")
    assert not is_dateline("On June 3, 2021, the ministry said it would review the decision.")


def test_captions_with_credits() -> None:
    assert is_caption("Putin and Kim Jong Un. Photo: Getty Images")
    assert is_caption("Putin and Kim. Photo kremlin.ru")
    assert is_caption("Trump asked voters in Louisiana for a big win. Credit... Doug Mills/The New York Times")
    assert is_credit_only("Photo: Damian Dovarganes, AP")
    assert not is_credit_only("Putin and Kim Jong Un. Photo: Getty Images")
    assert not is_caption("The photo of the meeting was published by the Kremlin on Tuesday, officials said.")
    assert is_caption("Protesters march in Hong Kong on Monday. Reuters")
    # a sentence that ends with an agency, and a name with a credit word inside, are no captions
    assert not is_caption("An Alibaba spokesperson declined to comment on the pricing to Reuters.")
    assert not is_caption("June 10 -- MIDFLORIDA Credit Union Amphitheatre, Tampa, FL")
    # an initial's full stop ends no sentence; bare agencies, "via AP" and word credits are credits
    assert is_credit_only("Photo: Ringo H.W. Chiu, AP")
    assert is_credit_only("Getty")
    assert is_credit_only("личный архив Анны Меркуровой")
    assert is_caption("Michael Conroy, AP")
    assert is_caption("This 2017 photo provided by the State Registry shows the man. State Registry via AP")
    assert not is_caption("By Jill Lawless, AP")  # a byline


@pytest.mark.parametrize("line", [
    "Read more: Alibaba poised to launch record-breaking $13.4bn Hong Kong listing",
    "Related: SpaceX's Starship and Super Heavy Mars Rocket in Pictures",
    "Lakers vs Nets: NBA make final decision on game amid China turmoil [VIDEO]",
    "Email Tariq Malik at tmalik@example.com or follow him @tariqjmalik.",
    "Follow Newsbeat on Instagram, Facebook, Twitter and YouTube.",
    "(Reporting by Greg Roumeliotis; editing by Martin Howell)",
    "Jessica Napoli contributed to this report.",
    "Get the latest updates right in your inbox. Subscribe to NJ.com's newsletters.",
    "No spam, we promise. You can unsubscribe at any time and we'll never share your details.",
    "If you buy something through this post, the site may get a share of the sale.",
    '&amp;lt;span data-mce-type="bookmark" style="display: inline-block;"&amp;gt;',
    "Want more Rolling Stone? Sign up for our newsletter.",
    "Subscribe to WIRED and stay smart with more of your favorite Ideas writers.",
    "Don't miss a brief. Sign up for our daily email.",
    "Do you rely on Snopes reporting? Click here to support it.",
    "CLICK HERE TO GET THE FOX NEWS APP",
    "Get Motor Cycle Monthly delivered through your letterbox every month. 12 issues for £11.99.",
    "Listen to Newsbeat live at 12:45 and 17:45 weekdays - or listen back here.",
    "Facebook Twitter Google+ Whatsapp",
    "Updated Nov 19, 9:41 AM; Posted Nov 18, 8:19 PM",
    "Jaraguá do Sul - SC - Rua Walter Marquardt, 1111 - Caixa Postal 421 - Fone: (047) 2106-8000",
])
def test_links_to_other_stories_contact_lines_and_credits_are_boilerplate(line: str) -> None:
    assert looks_like_boilerplate(line, len(line.split()))


@pytest.mark.parametrize("line", [
    "Listen: the minister said that he would resign, and then he left the room without a word.",
    "He told reporters at the White House that he would follow the rules on Twitter and elsewhere.",
    "Read the full statement here.",
    "Why Can't Taylor Swift Perform Her Own Songs? It's Complicated [Bloomberg]",
    "You can also subscribe to this newsletter here — just tick the box.",
    "Sign up for the Disney+ bundle using the same email as your Hulu account",
    'Use code "50OFF699" to get it at Dell for $799.99',
    "He posted the video on Facebook and Twitter before deleting it an hour later, his lawyer said.",
    "Posted Nov 18, the video was seen by more than a million people before the weekend.",
])
def test_prose_that_mentions_links_or_following_is_kept(line: str) -> None:
    assert not looks_like_boilerplate(line, len(line.split()))


def test_obfuscated_email_is_undone_or_dropped() -> None:
    assert deobfuscate_emails("write to news [at] example [dot] org today") == "write to news@example.org today"
    assert deobfuscate_emails("permission must be acquired from [email protected].") == \
        "permission must be acquired from."
    assert strip_label("Details: Campbell noted that") == ("Details", "Campbell noted that")
    assert strip_label("Source: European Pravda") == (None, "Source: European Pravda")


# --- boilerplate evidence from the corpus -------------------------------------------------

TOPICS = ["rates", "rents", "wages", "exports", "tariffs", "bonds", "housing", "pensions", "energy", "grain",
          "shipping", "tourism"]


def _outlet_page(n: int) -> str:
    topic = TOPICS[n]
    return (f"Example Times\nWorld\nBusiness\nWhat the new figures on {topic} mean\n"
            f"Figures published on Monday showed {topic} moving faster than economists had expected, "
            f"and ministers said they would study the {topic} data before acting.\n"
            f"Opposition leaders said the government had ignored warnings about {topic} for months.\n"
            "Our reporters work in forty countries to bring you the news that matters, every single day.\n"
            "Sign in\n")


def test_lines_recurring_across_an_outlet_are_removed_with_corpus_evidence() -> None:
    pages = [_outlet_page(n) for n in range(12)]
    index = pickle.loads(pickle.dumps(build_boilerplate(pages)))  # it travels to worker processes
    footer = "Our reporters work in forty countries to bring you the news that matters, every single day."
    without = structure_article(_plain(pages[0]))
    with_corpus = structure_article(_plain(pages[0]), boilerplate=index)
    assert footer in without.paragraphs  # on its own the footer reads like prose
    assert footer not in with_corpus.paragraphs and footer in with_corpus.removed
    assert with_corpus.paragraphs[0].startswith("Figures published on Monday showed rates moving")
    assert with_corpus.title == "What the new figures on rates mean"


def test_wire_copy_in_a_few_outlets_is_not_boilerplate() -> None:
    story = ("Officials said the ceasefire would take effect at midnight and be monitored by observers "
             "from three neighbouring countries, according to the agreement.")
    pages = [f"Outlet {n} headline\n{story}\nA different closing sentence for page {n} of the corpus, "
             "written by its own reporters in its own words." for n in range(4)]
    pages += [f"Unrelated page {n}\nSome other text that has nothing to do with it at all, really, none." for n in
              range(200)]
    index = build_boilerplate(pages)
    assert story in structure_article(_plain(pages[0]), boilerplate=index).paragraphs


# --- metadata and HTML ---------------------------------------------------------------------

def test_container_metadata_wins_over_guesses() -> None:
    text = ("A guessed headline\nBy Someone Else | June 3, 2021\n"
            "The minister resigned on Tuesday after weeks of pressure over the contract, his office said.\n")
    article = structure_article(_plain(text, title="Minister resigns", outlet="Wire Example",
                                       published="2021-06-01", authors=["Ann Author"],
                                       url="https://wire.example/story"))
    assert article.title == "Minister resigns"
    assert article.outlet == "Wire Example"
    assert (article.published, article.published_precision) == ("2021-06-01", "day")
    assert article.authors == ["Ann Author"]
    assert article.url == "https://wire.example/story"


def test_outlet_from_url_and_unknown_outlet_stays_null() -> None:
    text = "Headline here today\nThe council approved the budget on Monday after a long debate, members said.\n"
    assert structure_article(_plain(text, url="https://www.theguardian.com/world/x")).outlet == "The Guardian"
    assert structure_article(_plain(text + "© 2024 Nobody Knows Media Ltd\n")).outlet is None


PARAGRAPHS = [
    "South Korea summoned the Russian ambassador on Friday to protest against the defence pact that "
    "Moscow signed with Pyongyang this week, the foreign ministry in Seoul said in a statement.",
    "Vice foreign minister Kim Hong-kyun told ambassador Georgy Zinoviev that any cooperation helping "
    "North Korea build up its military was a violation of United Nations Security Council resolutions.",
    "The ambassador replied that attempts to threaten Russia were unacceptable, according to a readout "
    "published by the Russian embassy, and said the pact was not aimed at third countries.",
    "Seoul has said it would reconsider its policy of not supplying weapons directly to Ukraine, a step "
    "that officials described as one of several options under review after the agreement.",
]

HTML = """<!DOCTYPE html><html lang="en"><head>
<title>Seoul summons Russian envoy over pact | World news</title>
<meta property="og:title" content="Seoul summons Russian envoy over pact">
<meta property="og:site_name" content="The Guardian">
<meta name="author" content="Jane Smith">
<meta property="article:published_time" content="2024-06-21T09:15:00+00:00">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<article><h1>Seoul summons Russian envoy over pact</h1>
<figure><img src="a.jpg" alt=""><figcaption>Putin and Kim in Pyongyang. Photo: Getty Images</figcaption></figure>
""" + "\n".join(f"<p>{p}</p>" for p in PARAGRAPHS) + """
</article>
<footer><p>Copyright © 2024 Guardian News &amp; Media Limited. All rights reserved.</p></footer>
</body></html>"""


def test_html_body_and_metadata_from_the_page() -> None:
    raw = RawDocument(id="h", origin="page.html", text=HTML, media_type="text/html")
    article = structure_article(raw)
    assert article.title == "Seoul summons Russian envoy over pact"
    assert article.authors == ["Jane Smith"]
    assert (article.published, article.published_precision) == ("2024-06-21T09:15+00:00", "minute")
    assert article.outlet == "The Guardian"
    assert article.captions == ["Putin and Kim in Pyongyang. Photo: Getty Images"]
    assert article.paragraphs == PARAGRAPHS
    assert "Copyright" not in article.text and "Home" not in article.text


def test_html_body_stops_at_the_company_description() -> None:
    about = ("Acme is a global solutions provider focused on stage equipment, headquartered in Baar (Switzerland), "
             "with subsidiaries in 15 countries.")
    page = HTML.replace("</article>", f"<p>{about}</p><p>Acme registered shares are listed on the SIX Swiss Exchange.</p>"
                                      "</article>")
    article = structure_article(RawDocument(id="h", origin="page.html", text=page, media_type="text/html"))
    assert article.paragraphs == PARAGRAPHS
    assert about in article.removed


def test_a_list_the_body_ends_on_is_body_and_a_menu_after_it_is_not() -> None:
    dates = ["June 9 -- Coral Sky Amphitheatre, West Palm Beach, FL", "June 10 -- Amphitheatre, Tampa, FL",
             "June 14 -- Ameris Bank Amphitheatre, Alpharetta, GA", "Sept. 5 -- White River Amphitheatre, Seattle, WA"]
    text = "\n".join(["Band sets anniversary tour - Music Weekly", "Band sets anniversary tour", *PARAGRAPHS,
                      "The tour dates:", *dates, "Facebook", "Twitter", "Charts", "Most Popular", "Sign in"])
    article = structure_article(_plain(text))
    assert article.paragraphs == [*PARAGRAPHS, "The tour dates:", *dates]
    assert is_caption("Image caption Taylor Swift's seventh album, Lover, is the only one she owns the rights to")


def test_teasers_under_a_related_header_are_left_out_and_the_body_runs_on() -> None:
    text = "\n".join(["Band sets anniversary tour - Music Weekly", "Band sets anniversary tour", "By Ann Lee",
                      *PARAGRAPHS[:2], "Related articles", "Singer cancels shows after illness",
                      "Festival line-up announced: who is playing", *PARAGRAPHS[2:], "Você pode gostar...",
                      "Outro artigo sobre a banda"])
    article = structure_article(_plain(text))
    assert article.paragraphs == PARAGRAPHS
    assert article.title == "Band sets anniversary tour" and article.authors == ["Ann Lee"]


def test_a_teaser_printed_in_the_body_and_again_below_it_is_left_out() -> None:
    teaser = "Singer cancels summer shows after a sudden illness"
    label = "Portion Fix Containers: 1 Green, 1 Red"  # printed twice, far apart, inside the body only: kept
    body = [PARAGRAPHS[0], label, PARAGRAPHS[1], teaser, PARAGRAPHS[2], label, PARAGRAPHS[3]]
    text = "\n".join(["Band sets anniversary tour - Music Weekly", "Band sets anniversary tour", "By Ann Lee",
                      *body, "Most Popular", "Sign in", teaser, "Another headline from the sidebar here"])
    assert structure_article(_plain(text)).paragraphs == [p for p in body if p != teaser]


@pytest.mark.parametrize("about", [
    ["About the author", "She writes about music."],
    ["Über Ann Lee", "Als Redakteurin schreibt Ann Lee über Musik und Festivals."],
    ["Ann Lee is a freelance writer living in Minneapolis"],
    ["Acme is a leading provider of stage equipment, headquartered in Baar with offices in 15 countries."],
])
def test_the_body_stops_at_the_writer_or_company_description(about: list[str]) -> None:
    text = "\n".join(["Band sets anniversary tour - Music Weekly", "Band sets anniversary tour", "By Ann Lee",
                      *PARAGRAPHS, *about, "Contact us"])
    assert structure_article(_plain(text)).paragraphs == PARAGRAPHS


def test_about_us_in_a_menu_and_a_person_described_early_are_not_the_end() -> None:
    opening = "Ann Lee is a freelance writer who says her festival contract was cancelled without notice last week."
    text = "\n".join(["Band sets anniversary tour - Music Weekly", "Band sets anniversary tour", opening,
                      PARAGRAPHS[0], "About Us", *PARAGRAPHS[1:]])
    assert structure_article(_plain(text)).paragraphs == [opening, *PARAGRAPHS]


BODY_AFTER = "A teaser paragraph that follows the end of the article and has nothing to do with it at all."


def test_a_caption_printed_again_without_its_credit_is_a_caption() -> None:
    caption = "Lakers forward LeBron James dunks during the first half of the game against the Thunder on Tuesday."
    text = "\n".join(["Band sets anniversary tour - Music Weekly", "Band sets anniversary tour", "By Ann Lee",
                      *PARAGRAPHS[:2], caption, caption, "Photo: Ringo H.W. Chiu, AP", *PARAGRAPHS[2:],
                      "You might also like", "Singer cancels shows after illness", BODY_AFTER])
    article = structure_article(_plain(text))
    assert article.paragraphs == PARAGRAPHS
    assert article.captions == [caption, caption]


def test_an_article_printed_twice_keeps_its_paragraphs() -> None:
    from newsgraph.structure.lines import classify, mark_repeats
    lines = classify([*PARAGRAPHS, "Print this article", *PARAGRAPHS])
    mark_repeats(lines, 0, 4, keep=lambda line: False)
    assert [line.kind for line in lines[:4]] == ["prose"] * 4


def test_a_split_drop_cap_is_joined_when_the_page_uses_the_word() -> None:
    from newsgraph.structure.cleanup import join_drop_cap
    vocabulary = {"the", "adam", "schiff", "man"}
    assert join_drop_cap("T he Davis Cup Final began on Monday.", vocabulary) == "The Davis Cup Final began on Monday."
    assert join_drop_cap("A dam Schiff's inquiry is incoherent.", vocabulary) == "Adam Schiff's inquiry is incoherent."
    assert join_drop_cap("A man rides on a donkey.", vocabulary) == "A man rides on a donkey."
    assert join_drop_cap("M uch of the focus was on the venue.", vocabulary) == "Much of the focus was on the venue."
    assert join_drop_cap("A bout of flu kept him home.", vocabulary) == "A bout of flu kept him home."


def test_a_hover_card_glued_into_a_scraped_sentence_is_dropped() -> None:
    from newsgraph.structure.cleanup import drop_hover_cards
    glued = ("South Dakota Gov. Kristi Noem Kristi Lynn Noem South Dakota governor doubles down on 'meth' campaign | "
             "Senators call for 5G security MORE (R) said on Monday that the campaign worked.")
    assert drop_hover_cards(glued) == "South Dakota Gov. Kristi Noem (R) said on Monday that the campaign worked."
    assert drop_hover_cards("Officials said MORE people came than last year.") == \
        "Officials said MORE people came than last year."


def test_an_embedded_post_at_the_end_of_the_body_is_kept() -> None:
    post = ["Who are we as a nation if we respond to threats with retribution? pic.twitter.com/s96jjh8AlD",
            "— Rep. Ilhan Omar (@Ilhan) November 19, 2019"]
    text = "\n".join(["Band sets anniversary tour - Music Weekly", "Band sets anniversary tour", "By Ann Lee",
                      *PARAGRAPHS, *post, "Tags", "Music", "Most Popular"])
    assert structure_article(_plain(text)).paragraphs == [*PARAGRAPHS, *post]


def test_later_chunks_of_a_split_body_are_put_back_in_page_order() -> None:
    chunk = '<div class="article body">{}</div>'
    html = ("<html><body><main>" + chunk.format(f"<p>{PARAGRAPHS[0]}</p><p>{PARAGRAPHS[1]}</p>")
            + '<aside class="embed"><p>Sign up for our daily briefing, delivered every morning to your inbox '
              'before you wake up, with the news that matters.</p></aside>'
            + chunk.format(f"<p>{PARAGRAPHS[2]}</p>") + '<div class="comments"><div class="article body">'
            + "<p>I completely disagree with this take, the ambassador was right and Seoul is overreacting "
              "here as usual.</p></div></div>" + chunk.format(f"<p>{PARAGRAPHS[3]}</p>") + "</main></body></html>")
    tree = lxml.html.fromstring(html)
    assert add_missing_chunks(tree, PARAGRAPHS[:2]) == PARAGRAPHS  # not the embed, not the comment
    assert add_missing_chunks(tree, PARAGRAPHS[:1]) == PARAGRAPHS[:1]  # one kept paragraph shows no container
    bare = lxml.html.fromstring(html.replace(' class="article body"', ""))
    assert add_missing_chunks(bare, PARAGRAPHS[:2]) == PARAGRAPHS[:2]  # a classless <div> says nothing


def test_a_hover_card_behind_a_name_is_not_read_into_the_sentence() -> None:
    card = ('<span class="people"><a href="/people/kim">Kim Hong-kyun</a><span class="card"><span>'
            '<img src="k.jpg"><a href="/people/kim">Kim Hong-kyun</a><a href="/x">Seoul weighs arms for Kyiv</a>'
            '</span></span></span>')
    first = PARAGRAPHS[1].replace("Kim Hong-kyun", card)
    page = HTML.replace(f"<p>{PARAGRAPHS[1]}</p>", f"<p>{first}</p>")
    article = structure_article(RawDocument(id="h", origin="page.html", text=page, media_type="text/html"))
    assert article.paragraphs == PARAGRAPHS


def test_html_metadata_from_the_container_still_wins() -> None:
    raw = RawDocument(id="h", origin="page.html", text=HTML, media_type="text/html",
                      metadata={"url": "https://www.kyivindependent.com/x", "outlet": "Kyiv Independent"})
    article = structure_article(raw)
    assert article.outlet == "Kyiv Independent"
    assert article.url == "https://www.kyivindependent.com/x"


# --- the outlet table -------------------------------------------------------------------------

def test_outlet_table_lookups_and_user_files(tmp_path: Path) -> None:
    table = load_outlets()
    assert table.from_domain("https://edition.cnn.com/2024/06/x").name == "CNN"
    assert table.from_name("Euromaidanpress.com").name == "Euromaidan Press"
    assert table.from_name("the guardian").name == "The Guardian"
    assert table.from_name("WSJ").name == "The Wall Street Journal"
    assert table.from_name("Hearst Communications") is None
    extra = tmp_path / "outlets.tsv"
    extra.write_text("name\tdomains\tcountry\taliases\nWire Example\twire.example\tGB\tWE\n", encoding="utf-8")
    mine = load_outlets(extra=[extra])
    assert mine.from_domain("wire.example").country == "GB"
    assert mine.from_name("WE").name == "Wire Example"
    assert mine.from_name("CNN") is not None  # the bundled rows stay


def test_empty_and_tiny_inputs_do_not_fail() -> None:
    assert structure_article(_plain("")).paragraphs == []
    assert structure_article(_plain("", title="Headline only")).text == "Headline only"
    assert structure_article(_plain("Short one.")).paragraphs == ["Short one."]
