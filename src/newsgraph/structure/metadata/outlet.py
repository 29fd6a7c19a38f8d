"""Which outlet published a page, weighed from every signal the page gives.

Signals, each with a weight: the outlet table's entry for the URL's domain (5),
og:site_name (4), JSON-LD publisher (3), the page title's site part (3), copyright
lines and "Follow X on Twitter" (2), a JSON-LD WebSite name (2), the registrable domain
itself (1). Signals naming the same outlet add up (the outlet table merges aliases:
"WSJ" and "The Wall Street Journal" are one), and a signal whose letters are the
domain's ("The Anti-June Cleaver" on theantijunecleaver.com) gets a bonus. A wire
service never wins here: it is kept apart (``wire``), since an AP story on CBS Detroit
is CBS Detroit's page. With no signal but the URL, the outlet is the registrable domain
as written ("wday.ru" → "Wday.ru").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from newsgraph.reference.outlets import (OutletTable, default_outlets, is_media_owner, outlet_key,
                                        registrable_domain)

KNOWN_DOMAIN, SITE_NAME, PUBLISHER, TITLE_PART, COPYRIGHT, FOLLOW, WEBSITE, BYLINE, DOMAIN, MENTIONED, IMPRINT = \
    5, 4, 3, 3, 2, 2, 2, 2, 1, 1, 2
# Support only (they add to a name other signals give, never name an outlet alone): a domain
# the text mentions whose letters are the name's, and a name the page repeats in its text.
MENTIONED_DOMAIN, REPEATED = 2, 1
REPEATS = 3  # mentions beyond the title that make a name the page's own
DOMAIN_MATCH_BONUS = 2
TITLE_OTHER_END = 1  # the title's far end is more often the headline or a section than the site

# "Copyright © 2024 Euromaidanpress.com", "© 2019 The Sun. All rights reserved".
_COPYRIGHT = re.compile(r"(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*[,.]?\s*"
                        r"(?P<name>[^.,|©;]+(?:\.[a-z]{2,3}\b)?)", re.IGNORECASE)
# Company words at the end of a name: "CNBC LLC", "Telegraph Media Group Limited".
_COMPANY_END = re.compile(r"\s*,?\s*\b(?:inc|ltd|llc|plc|gmbh|corp|corporation|company|holdings|communications|"
                          r"enterprises|publishing|publications|networks?|interactive|limited|co|s\.?a|ag|group|"
                          r"media|digital|pvt|private|images|photos?|pictures|photography)\.?$", re.IGNORECASE)
_DOMAIN_MENTION = re.compile(r"(?<![\w.-])(?:www\.)?[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:com|net|org|co\.uk|"
                             r"com\.au|ca|in|ru|de|fr|it|com\.br)(?![\w-])", re.IGNORECASE)
_FOLLOW = re.compile(r"^follow\s+(?:us\s+)?(?P<name>.{2,40}?)\s+on\s+(?:twitter|facebook|instagram|linkedin|"
                     r"youtube|flipboard|rss|pinterest)\b", re.IGNORECASE)
_DOMAIN_NAME = re.compile(r"(?:[\w-]+\.)+[a-z]{2,}", re.IGNORECASE)
# An imprint line: the company's name alone with its legal form ("comwrap GmbH").
_IMPRINT = re.compile(r"^(?P<name>[\w&.'’-]+(?: [\w&.'’-]+){0,2}),? (?-i:GmbH|AG|Inc\.|LLC|Ltd\.?|Limited|plc|S\.A\.|"
                      r"S\.r\.l\.|B\.V\.|Ltda\.?)$")
TITLE_SEPARATOR = re.compile(r"\s+(?:[-|–—:•·»~/]{1,2}|::)\s+")
# Title parts that are sections of a site, not its name.
_SECTION = re.compile(r"^(?:news|latest news|breaking news|opinion|editorial|world|world news|us|u\.s\.|uk|"
                      r"politics|business|sport|sports|entertainment|technology|tech|science|health|lifestyle|"
                      r"culture|arts|travel|video|videos|photos|blog|blogs|home|hosted|local|national|"
                      r"international|economy|markets|money|auto news|reviews?|features?|analysis|"
                      r"[a-z]+ news)$", re.IGNORECASE)
MAX_NAME_WORDS = 7
_YEAR = re.compile(r"(?<![\w/])(?:19|20)\d\d(?![\w/])")


@dataclass(frozen=True)
class Signal:
    name: str
    weight: int
    source: str  # "domain", "og:site_name", "publisher", "title", "copyright", "follow", ...
    support: bool = False  # adds to a name other signals give; names no outlet alone


def squash(name: str) -> str:
    """Letters and digits only, no leading "the" and no domain ending: how names meet domains."""
    key = outlet_key(name).replace(" ", "")
    return re.sub(r"(?:com|net|org|co|in|ru|br|uk|couk|ca)$", "", key) if "." in name else key


def _plausible(name: str) -> bool:
    """Could be a site's name: short, not a section, and no year ("comwrap auf der DMEXCO 2018" is an event)."""
    name = name.strip()
    return bool(name) and len(name.split()) <= MAX_NAME_WORDS and not _SECTION.match(name) \
        and any(c.isalpha() for c in name) and len(name) <= 60 and not _YEAR.search(name)


def from_copyright(line: str, table: OutletTable | None = None) -> str | None:
    """The outlet a copyright line names: "© 2019 CNBC LLC" → "CNBC", "© 2019 The Paradigm" → itself.

    A company's name ("NYP Holdings, Inc.", "Hearst Communications") names the owner, not
    the outlet: it counts only when what is left without the company words is an outlet
    the table knows ("The Slate Group LLC" → "Slate"). Owners (``media_owners.tsv``)
    never count.
    """
    table = table or default_outlets()
    for match in _COPYRIGHT.finditer(line):
        name = re.split(r"\b(?:all rights reserved|powered by|designed by|is a registered)\b|\s[|–—]\s",
                        match["name"], flags=re.IGNORECASE)[0].strip(" .,-–|")
        name = re.sub(r"^(?:the\s+)?copyright\s+|^by\s+|\s+(?:19|20)\d\d$", "", name, flags=re.IGNORECASE).strip()
        core = name
        while (cut := _COMPANY_END.sub("", core).strip(" .,")) != core:
            core = cut
        if not core or is_media_owner(core) or is_media_owner(name):
            continue
        entry = table.from_name(core)
        if entry is not None:
            return entry.name
        if core == name and _plausible(name) and not any(c.isdigit() for c in name) \
                and name[0].isupper() and len(name.split()) <= 5:
            return name
    return None


def from_domain_mention(line: str, table: OutletTable | None = None) -> str | None:
    """An outlet the table knows, named by a domain in the text ("Trending Now on NYPost.com")."""
    table = table or default_outlets()
    for match in _DOMAIN_MENTION.finditer(line):
        entry = table.from_domain(match.group(0))
        if entry is not None and entry.kind == "outlet":
            return entry.name
    return None


# "Follow me on Twitter": the writer's own account, no outlet.
_PRONOUNS = {"me", "him", "her", "them", "us", "my work", "the author"}


def from_follow(line: str) -> str | None:
    match = _FOLLOW.match(line.strip())
    if not match or match["name"].strip().casefold() in _PRONOUNS:
        return None
    return match["name"].strip() if _plausible(match["name"]) else None


def title_parts(title: str, headline: str | None = None) -> list[tuple[str, int]]:
    """The site part of "Headline - Site" / "Site | Headline", with a weight for each end.

    When the headline is known, what the title adds to it is the site part; otherwise
    the title's last part is taken as the site (its most common place) and its first
    part, less surely.
    """
    title = title.strip()
    if headline:
        key = outlet_key(headline)
        parts = TITLE_SEPARATOR.split(title)
        for cut in range(1, len(parts)):
            if outlet_key(" ".join(parts[:cut])) == key:
                rest = [p for p in parts[cut:] if _plausible(p)]
                return [(rest[-1], TITLE_PART)] + ([(rest[0], TITLE_OTHER_END)] if len(rest) > 1 else []) \
                    if rest else []
            if outlet_key(" ".join(parts[-cut:])) == key:
                rest = [p for p in parts[:-cut] if _plausible(p)]
                return [(rest[0], TITLE_PART)] if rest else []
    parts = TITLE_SEPARATOR.split(title)
    if len(parts) < 2:
        return []
    found = [(parts[-1], TITLE_PART)] if _plausible(parts[-1]) else []
    # "Headline | Site | F1 | Indy | StockCar": any short part may be the site's name
    found += [(part, TITLE_OTHER_END) for part in parts[:-1] if _plausible(part) and len(part.split()) <= 4]
    return found


def text_signals(lines: Iterable[str], table: OutletTable | None = None) -> list[Signal]:
    """Copyright and "Follow X on Twitter" lines of a page's text.

    (A masthead line naming a known outlet was tried and dropped: menus list sister
    outlets, and it named the wrong one as often as the right one.)
    """
    signals: list[Signal] = []
    mentioned: set[str] = set()
    for line in lines:
        if len(line) > 300:
            continue
        imprint = _IMPRINT.match(line.strip())
        if imprint and imprint["name"] not in mentioned and not is_media_owner(imprint["name"]) \
                and _plausible(imprint["name"]):
            mentioned.add(imprint["name"])  # once: an imprint is printed at each address
            signals.append(Signal(imprint["name"], IMPRINT, "imprint"))
        low = line.lower()
        if "©" in line or "opyright" in low or "(c)" in low:
            name = from_copyright(line, table)
            if name:
                signals.append(Signal(name, COPYRIGHT, "copyright"))
        elif low.startswith("follow "):
            name = from_follow(line)
            if name:
                signals.append(Signal(name, FOLLOW, "follow"))
        if "." in line and len(line) <= 120:
            name = from_domain_mention(line, table)
            if name and name not in mentioned:  # once each: a footer may repeat it
                mentioned.add(name)
                signals.append(Signal(name, MENTIONED, "mention"))
            for match in _DOMAIN_MENTION.finditer(line):
                site = registrable_domain(match.group(0))
                if site and site not in mentioned and (table or default_outlets()).from_domain(site) is None:
                    mentioned.add(site)
                    signals.append(Signal(site, MENTIONED_DOMAIN, "domain mention", support=True))
    return signals


def repeated_names(signals: Iterable[Signal], lines: list[str]) -> list[Signal]:
    """Support for the candidate names the page's text repeats (a site names itself in its
    menus and footers: "Reportagens Autoracing", "Trabalhe no Autoracing")."""
    text = "\n".join(lines)
    found = []
    for name in {s.name for s in signals if not s.support}:
        if len(name) >= 3 and len(re.findall(r"(?<!\w)" + re.escape(name) + r"(?!\w)", text, re.IGNORECASE)) >= REPEATS:
            found.append(Signal(name, REPEATED, "repeated", support=True))
    return found


def choose_outlet(signals: Iterable[Signal], url: str | None = None,
                  table: OutletTable | None = None) -> tuple[str | None, str | None]:
    """The outlet and the wire service (or None) the signals point to."""
    table = table or default_outlets()
    site = registrable_domain(url) if url else None
    # the page's own domain mentioned in its text is the URL's evidence, not more of it
    signals = [s for s in signals if not (site and s.source == "domain mention" and s.name == site)]
    known = table.from_domain(url) if url else None
    if known:
        signals.append(Signal(known.name, KNOWN_DOMAIN, "domain"))
    elif site:
        signals.append(Signal(site[0].upper() + site[1:], DOMAIN, "domain"))
    label = squash(site.split(".")[0]) if site else ""
    wire = None
    groups: dict[str, list[Signal]] = {}
    for signal in signals:
        entry = table.from_name(signal.name)
        if entry is not None and entry.is_wire and not (known and known.name == entry.name):
            wire = wire or entry.name
            continue
        if entry is None and is_media_owner(signal.name):
            continue
        key = outlet_key(entry.name) if entry else squash(signal.name)
        if key:
            groups.setdefault(key, []).append(signal)
    groups = {key: members for key, members in groups.items() if any(not s.support for s in members)}
    if not groups:
        return wire, wire  # only the agency speaks for the page: it published the story itself

    def score(key: str) -> tuple[float, int]:
        members = groups[key]
        total = sum(s.weight for s in members)
        if label and len(label) >= 3 and any(_matches_domain(squash(s.name), label) for s in members):
            total += DOMAIN_MATCH_BONUS
        return total, max(s.weight for s in members)

    best = max(groups, key=score)
    members = groups[best]
    entry = next((e for s in members if (e := table.from_name(s.name))), None)
    if entry is not None:
        return entry.name, wire
    name = max((s for s in members if not s.support), key=lambda s: (s.weight, s.source != "domain")).name.strip()
    if _DOMAIN_NAME.fullmatch(name):  # "www.wday.ru" → "Wday.ru"
        name = registrable_domain(name) or name
        name = name[0].upper() + name[1:]
    return name, wire


def _matches_domain(name: str, label: str) -> bool:
    return bool(name) and (name == label or (len(name) >= 4 and (name in label or label in name)))
