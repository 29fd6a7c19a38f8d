"""Article structure from scraped plain text: title, lead, byline, date, body, captions.

The body is the first large run of prose (``lines.segments``). Around it: the headline is
the line the page title repeats, or the last title-like line before the body; byline
and dateline sit between headline and body; a standfirst before the byline or before
a repeated headline is the lead. Everything else is dropped and listed in ``removed``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from newsgraph.records import Precision
from newsgraph.structure.boilerplate import BoilerplateIndex, about_line
from newsgraph.structure.metadata.byline import names_in, parse_byline
from newsgraph.structure.captions import is_credit_only
from newsgraph.structure.cleanup import deobfuscate_emails, drop_hover_cards, join_drop_cap, strip_label, tidy
from newsgraph.structure.metadata.dates import FoundDate, date_label, find_date, is_dateline
from newsgraph.structure.metadata.headline import overlap
from newsgraph.structure.lines import Line, classify, list_end, mark_repeats, mark_teasers, segments

# "Headline - Outlet", "Headline | Outlet": the page title carries the site name.
_TITLE_SEPARATOR = re.compile(r"\s+[-|–—:•·]{1,2}\s+")
# The body is the first run of prose at least this large compared with the largest.
FIRST_RUN_SHARE = 0.5
# The run after it joins the body when it is this large compared with the body's run
NEXT_RUN_SHARE = 0.5
# and no further away than this many lines.
MAX_GAP = 40
# Byline, dateline and repeated headline are looked for this far into the body;
TOP_LINES = 8
# a standfirst above them is the lead when it has at most this many lines.
MAX_LEAD_LINES = 2
# "By A, B on Monday, November 18th, 2019 at 11:08 a.m.": a byline that is long enough to read as prose.
_BY_DATED = re.compile(r"^by\s+\S.*\d{4}", re.IGNORECASE)
_HANDLE = re.compile(r"\s+@\w{2,}\s*$")
_WORDS = re.compile(r"\w+")
_ARTICLE = re.compile(r"(?i:the|a|an|der|die|das|le|la|les|el|los|il|lo|o|os|as)")
_BARE_BY = ("by", "by:", "written by", "author", "author:")
# A dateline may stand this many lines above the headline.
ABOVE_HEADLINE = 3


@dataclass
class PlainParts:
    title: str | None = None
    lead: str | None = None
    paragraphs: list[str] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    published: str | None = None
    precision: Precision | None = None
    labels: list[str] = field(default_factory=list)  # "Details", "Quote", ...
    page_title: str | None = None  # the first line when it names the site
    bylines: list[str] = field(default_factory=list)  # the byline and dateline lines read
    removed: list[str] = field(default_factory=list)


def _norm(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.casefold()))


def _signed(line: Line) -> bool:
    """A byline or a dateline."""
    return is_dateline(line.text) or parse_byline(line.text) != ([], None)


def _title_like(line: Line) -> bool:
    return line.kind in ("short", "prose") and 3 <= line.words <= 30 and not line.text.rstrip().endswith(".")


def _may_be_headline(line: Line) -> bool:
    """Looser than ``_title_like``: a headline may be two words or end in a full stop; never a byline or a link."""
    return line.kind in ("short", "prose") and 2 <= line.words <= 30 and not is_dateline(line.text) \
        and " " in line.text.strip() and "://" not in line.text \
        and parse_byline(line.text) == ([], None) and not (line.words <= 8 and names_in(line.text))


def _title_variants(first: str) -> set[str]:
    """The page title (a scrape's first line) and its parts: without the site name at either end.

    The last part alone is not a variant unless it is long: it is where the site's name goes.
    """
    parts = _TITLE_SEPARATOR.split(first)
    variants = {_norm(first)} | {_norm(part) for part in parts[1:-1] if len(part.split()) >= 3}
    cuts = list(_TITLE_SEPARATOR.finditer(first))
    if cuts:
        variants |= {_norm(first[:cuts[-1].start()]), _norm(parts[0])}
        if len(parts) > 2:
            variants.add(_norm(first[cuts[0].end():]))
        if len(parts[-1].split()) >= 6:
            variants.add(_norm(parts[-1]))
    return {v for v in variants if len(v.split()) >= 2}


def _site_parts(first: str) -> set[str]:
    """The short ends of the page title: where the site's name stands, never the headline."""
    parts = _TITLE_SEPARATOR.split(first)
    return {_norm(p) for p in (parts[0], parts[-1]) if len(parts) > 1 and len(p.split()) <= 4}


def _cut_to(line: str, variant: str) -> str | None:
    """The end of ``line`` that is ``variant``: a breadcrumb ("Home News Headline") cut off."""
    for match in re.finditer(r"(?<!\w)\w", line):
        if _norm(line[match.start():]) == variant:
            if _ARTICLE.fullmatch(line[:match.start()].strip()):
                return line  # "The Doobie Brothers ...": the headline's own article, no breadcrumb
            return line[match.start():]
    return None


def _near_byline(lines: list[Line], i: int, reach: int = 4) -> bool:
    """A byline or dateline follows within ``reach`` lines: what a headline has below it."""
    window = lines[i + 1:i + 2 + reach]
    return any(parse_byline(line.text) != ([], None) or is_dateline(line.text) or line.text.strip().lower() in _BARE_BY
               or (n + 1 < len(window) and _signed_by(line, window[n + 1])) for n, line in enumerate(window[:reach]))


def find_headline(lines: list[Line], title: str | None = None) -> tuple[int | None, bool, str | None]:
    """The headline's line, whether it is sure (a known or page title repeats it), and its text.

    ``title`` is the headline given by the container, if any. Otherwise a scraped page
    starts with its <title> ("Headline - Outlet"); the headline proper is the later
    line that title (or a part of it) is, the one nearest the top of the body when the
    page repeats it (menus and sticky headers repeat it higher up). A breadcrumb before
    it is cut off. Failing that, the title-like line above the body that shares most
    words with the page title and is followed by a byline or dateline is taken, less
    surely; then a line the page states twice.
    """
    if not lines:
        return None, False, None
    if title:
        key = _norm(title)
        for line in lines:
            if key and _norm(line.text) == key:
                return line.index, True, line.text
    first_line = lines[0].text
    variants = _title_variants(first_line)
    body_top, _ = body_span(lines, None)
    matches: list[tuple[int, str]] = []
    for line in lines[1:]:
        key = _norm(line.text)  # the cheap test first: most lines repeat no part of the title
        if key in variants:
            found: str | None = line.text
        else:
            found = next((cut for variant in variants
                          if len(variant.split()) >= 4 and key.endswith(variant) and len(key) < 2 * len(variant)
                          for cut in [_cut_to(line.text, variant)] if cut), None)
        if found is not None and (_title_like(line) or _may_be_headline(line)):
            matches.append((line.index, found))
    if matches:
        above = [m for m in matches if m[0] <= body_top + 2] or matches[:1]
        bylined = [m for m in above if _near_byline(lines, m[0])]  # a gallery repeats the title, unsigned
        index, text = (bylined or above)[-1]
        return index, True, text
    best, best_score = None, 0.0
    site = _site_parts(first_line)
    reference = max(variants, key=len) if len(variants) > 1 else first_line  # the title without its site
    for line in lines[max(1, body_top - 30):body_top + 2]:
        if not _may_be_headline(line) or line.kind == "boilerplate" or _norm(line.text) in site:
            continue
        score = 2 * overlap(line.text, reference) * min(1.0, line.words / 6) \
            + (1.0 if _near_byline(lines, line.index) else 0.0) - 0.01 * abs(body_top - line.index)
        if line.text.rstrip().endswith(".") and not _near_byline(lines, line.index):
            score -= 1.0
        if score > best_score:
            best, best_score = line, score
    if best is not None and best_score >= 1.0:
        return best.index, False, best.text
    seen: dict[str, int] = {}
    for line in lines[: len(lines) // 2 + 1]:
        if _title_like(line) and line.words >= 4:
            key = _norm(line.text)
            if key in seen:
                return seen[key], False, lines[seen[key]].text
            seen[key] = line.index
    return None, False, None


def _headline_before(lines: list[Line], start: int) -> int | None:
    """The nearest title-like line above the body, skipping bylines and captions."""
    for i in range(start - 1, max(-1, start - 7), -1):
        line = lines[i]
        if line.kind == "caption" or line.kind == "boilerplate" or parse_byline(line.text) != ([], None):
            continue
        if line.kind in ("short", "prose") and 2 <= line.words <= 30 and not line.text.endswith("."):
            return i
        if line.kind == "prose":
            return None
    return None


def body_span(lines: list[Line], headline: int | None) -> tuple[int, int]:
    """The body's first and last line.

    The first run of prose that is not much smaller than the largest one (teaser
    lists and comment threads below an article can outweigh it), cut at a comments
    header, then joined with a neighbouring run of comparable size (an article split
    by a gallery or an ad block).
    """
    if headline is not None:
        for line in lines[:headline]:
            line.score = min(line.score, -1.0)  # the article starts below its headline
    runs = segments(lines)
    if not runs:  # no prose at all (a snippet, a list): keep what is not boilerplate
        return 0, len(lines)
    best = max(score for _, _, score in runs)
    chosen = next(i for i, run in enumerate(runs) if run[2] >= FIRST_RUN_SHARE * best)
    first, last, score = runs[chosen]
    last = _cut_at_end(lines, first, last)
    for start, end, extra in runs[chosen + 1:chosen + 2]:
        if extra >= NEXT_RUN_SHARE * score and start - last <= MAX_GAP and _cut_at_end(lines, last, start) == start:
            last = _cut_at_end(lines, start, end)
    last = _cut_at_about(lines, first, last)
    return first, list_end(lines, last)  # a list the body ends on ("Tour dates:" / "June 9 -- ...")


def _cut_at_about(lines: list[Line], first: int, last: int) -> int:
    """The body stops at the writer's or company's description when it stands in the body's
    second half (by prose words): "About Ascom" / "Ascom is a global provider of ...".
    """
    total = sum(line.words for line in lines[first:last] if line.kind == "prose")
    seen = 0
    for line in lines[first + 1:last]:
        following = lines[line.index + 1].text if line.index + 1 < len(lines) else None
        if seen >= total / 2 and about_line(line.text, following):
            return line.index
        if line.kind == "prose":
            seen += line.words
    return last


def _cut_at_end(lines: list[Line], first: int, last: int) -> int:
    """Where the body stops: at the first comments header or "read next" list, if any."""
    for line in lines[first + 1:last]:
        if line.ends_article:
            return line.index
    return last


def _pick_date(candidates: list[tuple[str | None, FoundDate]]) -> FoundDate | None:
    """Prefer a date labelled "published", then unlabelled, then "updated"; then the most precise."""
    if not candidates:
        return None
    order = {"published": 0, None: 1, "updated": 2}
    best_label = min(order[label] for label, _ in candidates)
    days = [found for label, found in candidates if order[label] == best_label]
    day = days[0].iso[:10]
    same_day = [found for _, found in candidates if found.iso[:10] == day] or days
    return max(same_day, key=lambda found: found.rank)


def _dated(line: Line | None) -> bool:
    """A dateline, a labelled date ("Updated ..."), or a short line that starts with a date."""
    if line is None:
        return False
    if is_dateline(line.text) or date_label(line.text):
        return True
    found = find_date(line.text) if len(line.text) <= 80 else None
    return found is not None and found.start <= 4


def _signed_twice(line: Line, following: Line | None) -> bool:
    """A name alone, then again ("Anna Menin" / "Anna Menin": a link and its text), or with the
    writer's account ("Keris Lahiff @kerisalison"): how a byline without "By" looks."""
    if line.words > 6:
        return False
    if _HANDLE.search(line.text) and names_in(_HANDLE.sub("", line.text)):
        return True
    return following is not None and following.text == line.text and bool(names_in(line.text))


def _signed_by(line: Line, following: Line | None) -> bool:
    """Names alone on a line, with the date on the next: a byline, whatever else it looks like."""
    return line.words <= 12 and _dated(following) and bool(names_in(line.text))


def _read_byline(line: Line, parts: PlainParts, dates: list[tuple[str | None, FoundDate]],
                 following: Line | None = None) -> bool:
    """Take authors (the first byline's) and any date from a byline or dateline; False if it is neither.

    A "By" alone on its line takes the next line's names; names alone on a line count when
    a dateline follows them ("Kevin Johnson and Kevin McCoy USA TODAY" / "Published ...").
    """
    bare_by = following is not None and line.text.strip().lower() in _BARE_BY
    if line.words > 25 or line.kind == "prose" and line.words > 12 and not _BY_DATED.match(line.text):
        return False
    if line.kind == "boilerplate" and not (bare_by or is_dateline(line.text) or date_label(line.text)):
        return False  # a copyright or credit line, whose date is not the article's
    text = f"By {following.text}" if bare_by else line.text
    authors, found = parse_byline(text)
    parts.bylines.append(line.text)
    if not authors and not found and (_signed_by(line, following) or _signed_twice(line, following)):
        authors = names_in(_HANDLE.sub("", text))
    if found:
        dates.append((date_label(line.text), found))
    if authors and not parts.authors:
        parts.authors = authors
    return bool(authors or found)


def structure_plain(text: str, boilerplate: BoilerplateIndex | None = None, title: str | None = None) -> PlainParts:
    """Split scraped text into the article's parts; ``title`` is a headline known from metadata."""
    raw_lines = [tidy(line) for line in text.splitlines()]
    lines = classify([line for line in raw_lines if line], boilerplate)
    parts = PlainParts()
    if not lines:
        return parts
    headline, sure, headline_text = find_headline(lines, title)
    mark_teasers(lines, 0 if headline is None else headline + 1, _signed)
    first, last = body_span(lines, headline if sure else None)
    title_keys = {_norm(headline_text or "")} | _title_variants(lines[0].text)
    mark_repeats(lines, first, last, lambda line: _norm(line.text) in title_keys or _signed(line))
    if headline is None and first:
        headline = _headline_before(lines, first)
    if headline is None and lines[0].kind == "short" and first > 0:
        headline = 0  # a short first line above the body: the headline of a minimal text
    if headline is not None:
        parts.title = headline_text or lines[headline].text
    if lines[0].index != headline and len(_TITLE_SEPARATOR.split(lines[0].text)) > 1:
        parts.page_title = lines[0].text

    title_key = _norm(parts.title or "")
    used: set[int] = set() if headline is None else {headline}
    dates: list[tuple[str | None, FoundDate]] = []

    # Between headline and the top of the body: captions, byline, dateline, the
    # headline repeated. The last of these ends the standfirst (lead), if there is one.
    head_start = 0 if headline is None else headline + 1
    marker = None
    for line in lines[head_start:min(last, first + TOP_LINES) if last > first else first]:
        following = lines[line.index + 1] if line.index + 1 < len(lines) else None
        if line.kind == "caption" and _signed_by(line, following):  # "Tom Davies Associated Press"
            _read_byline(line, parts, dates, following)
            used.add(line.index)
            marker = line.index
        elif line.kind == "caption":
            if not is_credit_only(line.text):
                parts.captions.append(line.text)
            used.add(line.index)
        elif (title_key and _norm(line.text) == title_key) or (
                (line.index < first or line.kind != "prose" or _BY_DATED.match(line.text))
                and _read_byline(line, parts, dates, following)):
            used.add(line.index)
            marker = line.index
    lead = [] if marker is None else [
        line for line in lines[head_start:marker] if line.kind == "prose" and line.index not in used]
    if len(lead) <= MAX_LEAD_LINES:
        parts.lead = " ".join(line.text for line in lead) or None
        used.update(line.index for line in lead)

    vocabulary = {word.casefold() for line in lines for word in _WORDS.findall(line.text)}
    for line in lines[first:last]:
        if line.index in used or line.kind == "boilerplate":
            continue
        used.add(line.index)
        if line.kind == "caption":
            if not is_credit_only(line.text):
                parts.captions.append(line.text)
            continue
        label, paragraph = strip_label(drop_hover_cards(join_drop_cap(deobfuscate_emails(line.text), vocabulary)))
        if label:
            parts.labels.append(label)
        if paragraph:
            parts.paragraphs.append(paragraph)

    if not dates and headline is not None:  # a dateline, or a dated byline, just above the headline
        for line in lines[max(0, headline - ABOVE_HEADLINE):headline]:
            dated_byline = not parts.authors and all(parse_byline(line.text))
            if (is_dateline(line.text) or date_label(line.text) or dated_byline) and _read_byline(line, parts, dates):
                used.add(line.index)
    if not dates:
        for line in lines[last:last + 6]:
            if date_label(line.text) and _read_byline(line, parts, dates):
                used.add(line.index)
    found = _pick_date(dates)
    if found:
        parts.published, parts.precision = found.iso, found.precision
    parts.removed = [line.text for line in lines if line.index not in used]
    return parts
