"""Line classification for scraped plain text: prose, short, boilerplate or caption.

A scraper that keeps all visible text gives one line per HTML block. Article
paragraphs are long, sentence-like lines; menus, teasers, buttons and footers are
short or title-cased. Each line gets a kind and a score; ``segments`` then finds
the runs of lines where prose outweighs everything else.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from newsgraph.structure.boilerplate import BoilerplateIndex, ends_article, looks_like_boilerplate
from newsgraph.structure.captions import is_caption, is_credit_only
from newsgraph.structure.metadata.dates import is_dateline

Kind = Literal["prose", "short", "boilerplate", "caption"]

_WORD = re.compile(r"\w+")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
_SENTENCE_END = re.compile(r"[.!?…:;。！？»]['\"’”»)\]]*$")
_SENTENCE_INSIDE = re.compile(r"[a-z\u00e0-\u024f\u0430-\u044f0-9%)\"”’][.!?]['\"’”]?\s+['\"“‘]?[A-Z\u0410-\u042f]")

# Scores: prose earns its words; everything else costs a little, boilerplate a lot,
# and each further line of an unbroken stretch without prose costs GAP_GROWTH more, so
# a short ad break inside an article is bridged but a sidebar of teasers is not.
SHORT_COST = 3.0
CAPTION_COST = 1.0
PHRASE_COST = 1.0
BOILERPLATE_COST = 10.0
GAP_GROWTH = 1.0
MAX_GAIN = 80.0
# Prose with at least this many non-prose lines on both sides is a teaser in a list
# (headline, author, date, summary, headline, ...) and earns only ISOLATED_SHARE.
ISOLATION = 2
ISOLATED_SHARE = 0.3
_GALLERY = re.compile(r"^\d+ (of|/) \d+\b")
_BYLINE_START = re.compile(r"^(?:by|von|por|par)\s+\S", re.IGNORECASE)
# The header of a box of links to other stories, in the languages the pages come in; the
# title-like lines below it are teasers, whatever else they look like.
_TEASER_HEADER = re.compile(
    r"^[\s\[(•·|>»-]*(?:more(?=\s*:)|related(?: \w+)?|see also|read also|also read|read more|more (?:stories|news|videos)|"
    r"don'?t miss|must read|most (?:popular|read|viewed|shared|watched)(?: \w+){0,3}|trending(?: \w+)?|"
    r"top stories|latest (?:news|stories|videos?|headlines)|recommended(?: \w+){0,2}|popular (?:posts|stories|articles)|"
    r"you (?:may|might) (?:also )?(?:like|enjoy)|editor'?s picks|in case you missed it|"
    r"leia (?:também|mais)|veja também|você (?:também )?pode gostar|artigos relacionados|posts relacionados|"
    r"lesen sie (?:auch|mehr)|auch interessant|das könnte (?:sie|dich) auch interessieren|(?:à )?lire aussi|"
    r"vous aimerez (?:aussi|également)|lee también|te puede interesar|noticias relacionadas|leggi anche|"
    r"potrebbe(?:ro)? interessarti|articoli correlati|читайте также|вам также может быть интересно|"
    r"похожие (?:статьи|записи|новости|публикации))[\s.:!…»›>|\])-]*$",
    re.IGNORECASE,
)
TEASER_WORDS = 16  # a teaser headline is at most this long
MAX_TEASERS = 10
_TEASER_END = re.compile(r"(\.\.\.|…)['\"’”]?$")


@dataclass
class Line:
    index: int  # position among the document's non-empty lines
    text: str
    words: int
    kind: Kind
    score: float
    ends_article: bool = False  # a comments header or "read next" list starts here


def word_count(line: str) -> int:
    """Words, counting CJK text by characters (about two per word)."""
    if not line.isascii():
        cjk = len(_CJK.findall(line))
        if cjk > len(line) / 3:
            return cjk // 2
    return len(_WORD.findall(line))


def is_prose(line: str, words: int) -> bool:
    """A line that reads like running text: enough words, sentence punctuation, few capitals."""
    if words < 6 or (words < 30 and _TEASER_END.search(line)):
        return False
    tokens = line.split()
    capitals = sum(1 for t in tokens if t[:1].isupper()) / max(1, len(tokens))
    ends = bool(_SENTENCE_END.search(line))
    if words >= 25:
        return capitals < 0.7
    if capitals > 0.6 and not _SENTENCE_INSIDE.search(line):
        return False
    return ends or (words >= 15 and bool(_SENTENCE_INSIDE.search(line)))


def is_phrase(line: str, words: int) -> bool:
    """A short line in sentence case ("Eat every 2–3 hours"): list items, not menu entries."""
    if words < 4:
        return False
    tokens = line.split()
    return sum(1 for t in tokens if t[:1].isupper()) <= 0.34 * len(tokens)


def classify(lines: list[str], boilerplate: BoilerplateIndex | None = None) -> list[Line]:
    """Kind and score for every non-empty line.

    Captions include a line followed by a bare credit ("Photo: Hau Dinh, AP").
    """
    result = []
    gap = 0
    for i, text in enumerate(lines):
        words = word_count(text)
        credited = i + 1 < len(lines) and words <= 60 and is_credit_only(lines[i + 1]) \
            and not _BYLINE_START.match(text)  # "By DANICA KIRKA" / "Associated Press": a byline and its agency
        if looks_like_boilerplate(text, words) or is_dateline(text) or (
                boilerplate is not None and boilerplate.is_boilerplate(text, words)):
            kind: Kind = "boilerplate"
            score = -BOILERPLATE_COST
        elif is_caption(text) or credited or _GALLERY.match(text):
            kind, score = "caption", -CAPTION_COST
        elif is_prose(text, words):
            kind, score = "prose", float(min(words, MAX_GAIN))
        elif is_phrase(text, words):
            kind, score = "short", -PHRASE_COST
        else:
            kind, score = "short", -SHORT_COST
        if score > 0:
            gap = 0
        elif score < -PHRASE_COST:
            gap += 1
            score -= GAP_GROWTH * (gap - 1)
        result.append(Line(len(result), text, words, kind, score, ends_article(text)))
    _discount_isolated(result)
    _keep_embedded_posts(result)
    _caption_copies(result)
    return result


def _caption_copies(lines: list[Line]) -> None:
    """A caption's text printed again without its credit (a gallery's slide and its label) is the caption too."""
    captions = {line.text.casefold() for line in lines if line.kind == "caption" and line.words >= REPEAT_MIN_WORDS}
    for line in lines:
        if line.kind != "caption" and line.text.casefold() in captions:
            line.kind, line.score = "caption", -CAPTION_COST


# "— Rep. Ilhan Omar (@Ilhan) November 19, 2019": the signature of an embedded tweet.
_POST_SIGNATURE = re.compile(r"^[—–-]\s*\S.{0,80}\(@\w{1,20}\)\s+[A-Z][a-z]+\.? \d{1,2}, \d{4}$")


def _keep_embedded_posts(lines: list[Line]) -> None:
    """An embedded post (its text, then its signature) is part of the article, as it would
    be on the page: it scores as prose, whatever its links and handles look like."""
    for line in lines:
        if _POST_SIGNATURE.match(line.text):
            for part in (lines[line.index - 1], line) if line.index else (line,):
                if part.kind != "prose":
                    part.kind, part.score = "prose", float(min(part.words, MAX_GAIN))


# A line of this many words printed in the body and again below it is a teaser (above it, only
# if it is no sentence: the standfirst is printed again as the first paragraph); shorter
# lines are labels that menus share.
REPEAT_WORDS = 40
REPEAT_MIN_WORDS = 5
MAX_REPEATED_SHARE = 0.3  # more of the body's prose than this printed again is a second copy of it
NEAR_REPEAT = 3  # a title printed twice this close (link and text, "Business" between) is a teaser too


def mark_repeats(lines: list[Line], first: int, last: int, keep: Callable[[Line], bool]) -> None:
    """Lines of the body ``first:last`` that the page prints again outside it (a teaser's
    headline in the body's related box and in the sidebar) are boilerplate, unless ``keep``
    says otherwise (the headline, a byline).

    Article paragraphs appear once; what a page repeats around them is its furniture. A line
    repeated only inside the body (a recipe's "Drink during your workout", an interview's
    questions) stays, unless its copies stand a few lines apart (an inline teaser's link and
    text). Scores stay as they are, as for teasers.
    """
    def key(line: Line) -> str | None:
        return " ".join(_WORD.findall(line.text.casefold())) \
            if REPEAT_MIN_WORDS <= line.words <= REPEAT_WORDS else None

    def sentence(line: Line) -> bool:
        return line.text.rstrip().endswith(".")

    above = {key(line) for line in lines[:first] if not sentence(line)}
    below = {key(line) for line in lines[last:]}
    marked = []
    for line in lines[first:last]:
        found = key(line)
        near = {key(other) for other in lines[max(first, line.index - NEAR_REPEAT):line.index + 1 + NEAR_REPEAT]
                if other is not line and not sentence(other)}
        if found and line.kind != "boilerplate" and not keep(line) and (
                found in below or found in above and not sentence(line) or found in near):
            marked.append(line)
    prose = [line for line in lines[first:last] if line.kind == "prose"]
    if sum(line.kind == "prose" for line in marked) > MAX_REPEATED_SHARE * len(prose):
        return  # the page prints its article twice (a print or AMP copy): not teasers
    for line in marked:
        line.kind = "boilerplate"


def mark_teasers(lines: list[Line], start: int, signed: Callable[[Line], bool]) -> None:
    """Headlines listed under a "Related articles" / "Don't miss" header, from ``start`` on, are boilerplate.

    Their scores stay as they are, so the body's run is not broken where such a box
    interrupts it; only the lines themselves are left out. The box ends at the first
    line of real prose (a sentence, not a title) or at a byline or dateline (``signed``):
    what follows is an article's head, not a teaser.
    """
    for header in lines[start:]:
        if header.words > 8 or not _TEASER_HEADER.match(header.text):
            continue
        header.kind = "boilerplate"
        for line in lines[header.index + 1:header.index + 1 + MAX_TEASERS]:
            title = line.words <= TEASER_WORDS and not line.text.rstrip().endswith(".")
            if line.kind == "prose" and not title or signed(line):
                break
            if line.kind in ("short", "prose"):
                line.kind = "boilerplate"


def _discount_isolated(lines: list[Line]) -> None:
    """Lower the gain of prose lines that stand alone between runs of non-prose lines."""
    prose = [line.kind == "prose" for line in lines]
    for i, line in enumerate(lines):
        if not prose[i] or i < ISOLATION or i + ISOLATION >= len(lines):
            continue
        if not any(prose[i - ISOLATION:i]) and not any(prose[i + 1:i + 1 + ISOLATION]):
            line.score *= ISOLATED_SHARE


def segments(lines: list[Line]) -> list[tuple[int, int, float]]:
    """Runs of lines with a positive running total, in page order: (first, last + 1, score).

    This is Kadane's maximum-subarray scan, keeping every run instead of the best
    one: prose adds, menus and footers subtract, so an article body interrupted here
    and there by a caption or an ad label stays one run, and sidebars fall apart.
    """
    runs: list[tuple[int, int, float]] = []
    start, total, best = 0, 0.0, (0, 0, 0.0)
    for i, line in enumerate(lines):
        if total <= 0:
            if best[2] > 0:
                runs.append(best)
            start, total, best = i, 0.0, (i, i, 0.0)
        total += line.score
        if total > best[2]:
            best = (start, i + 1, total)
    if best[2] > 0:
        runs.append(best)
    return runs


def prose_share(text: str) -> float:
    """The share of a text's words that stand in prose lines: low for menus and link lists."""
    lines = classify([line.strip() for line in text.splitlines() if line.strip()])
    words = sum(line.words for line in lines)
    return sum(line.words for line in lines if line.kind == "prose") / words if words else 0.0


# A list item by its first token: "3) ...", "June 10 -- ...", "• ...". Teasers and menus
# rarely start so; a list that follows the body's last line is part of it.
_ITEM_SHAPES = (
    ("number", re.compile(r"^\d{1,3}[).]\s+\S")),
    ("date", re.compile(r"^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?"
                        r"\s*(?:--|[–—:-])\s+\S", re.IGNORECASE)),
    ("bullet", re.compile(r"^[•·*▪–-]\s+\S")),
)
_URL_LINE = re.compile(r"^https?://\S+$")
MIN_LIST_ITEMS = 3
MAX_ITEM_WORDS = 30
MAX_HEADER_WORDS = 12


def item_shape(text: str) -> str | None:
    return next((name for name, pattern in _ITEM_SHAPES if pattern.match(text)), None)


def list_end(lines: list[Line], start: int) -> int:
    """Where a list that begins at ``start`` (after at most one header line) ends; ``start`` if none.

    The items must share one shape, at least ``MIN_LIST_ITEMS`` of them; a bare link may
    stand between them ("1) Item" / "http://..."). The list stops at the first other line.
    """
    i = start
    if i < len(lines) and item_shape(lines[i].text) is None and lines[i].kind != "boilerplate" \
            and lines[i].words <= MAX_HEADER_WORDS:
        i += 1  # "The tour dates:"
    shape, items, end = None, 0, start
    while i < len(lines):
        line = lines[i]
        if line.kind == "boilerplate" or line.words > MAX_ITEM_WORDS:
            break
        if _URL_LINE.match(line.text) and items:
            i += 1
            continue
        this = item_shape(line.text)
        if this is None or (shape is not None and this != shape):
            break
        shape, items, i = this, items + 1, i + 1
        end = i
    return end if items >= MIN_LIST_ITEMS else start
