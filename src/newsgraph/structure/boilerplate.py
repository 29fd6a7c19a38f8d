"""Boilerplate evidence: what a line looks like, and how often the corpus repeats it.

Two kinds of evidence, both cheap. The line itself: copyright notices, cookie and
privacy links, donation appeals, share buttons, "[email protected]", links to other
stories, contact lines and the desk's credits. And the corpus:
menus and footers recur line for line across the pages of one outlet, while article
prose almost never does, so a line seen in many documents is boilerplate. The corpus
counts are built once in a first pass (``build_boilerplate``) and shipped to every
worker; they hold 64-bit hashes only, so they pickle small.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from hashlib import blake2b

# Lines this short are menus, buttons or labels when the corpus repeats them.
SHORT_LINE_WORDS = 12

_SPACE = re.compile(r"\s+")
_DIGITS = re.compile(r"\d+")


def normalise_line(line: str) -> str:
    """The form lines are compared in: case, spacing and numbers do not matter."""
    line = line.strip().casefold()
    if "  " in line or "\t" in line:
        line = _SPACE.sub(" ", line)
    return _DIGITS.sub("0", line)


def line_hash(line: str) -> int:
    return int.from_bytes(blake2b(normalise_line(line).encode("utf-8"), digest_size=8).digest(), "big")


@dataclass
class BoilerplateIndex:
    """How many documents of a corpus contain each (hashed, normalised) line.

    A short line is boilerplate once ``min_docs`` documents carry it. A long line
    must also recur in ``long_share`` of the corpus: a wire story syndicated by a
    few outlets repeats its prose too, and that prose is not boilerplate.
    """

    documents: int = 0
    counts: Counter[int] = field(default_factory=Counter)
    min_docs: int = 3
    long_share: float = 0.02

    def add(self, text: str) -> None:
        """Count the distinct non-empty lines of one more document."""
        self.documents += 1
        self.counts.update({line_hash(line) for line in text.splitlines() if line.strip()})

    def prune(self) -> None:
        """Forget lines seen only once: they can never become evidence."""
        self.counts = Counter({h: n for h, n in self.counts.items() if n > 1})

    def frequency(self, line: str) -> int:
        return self.counts.get(line_hash(line), 0)

    def is_boilerplate(self, line: str, words: int) -> bool:
        seen = self.frequency(line)
        if seen < self.min_docs:
            return False
        return words <= SHORT_LINE_WORDS or seen >= max(self.min_docs + 2, self.long_share * self.documents)


def build_boilerplate(texts: Iterable[str], min_docs: int = 3) -> BoilerplateIndex:
    """First pass over a corpus: count recurring lines (plain text or HTML-rendered)."""
    index = BoilerplateIndex(min_docs=min_docs)
    for text in texts:
        index.add(text)
    index.prune()
    return index


# Lines of any length that no article body contains.
_ALWAYS = re.compile(
    r"©|\bcopyright\b|\ball rights reserved\b|\bemail protected\b|\bad ?blocker|"
    r"\bcookie (policy|policies|settings|preferences)\b|\bprivacy (policy|policies|notice)\b|"
    r"\bterms (of|and) (use|service|conditions)\b|\bbecome a (patron|member|subscriber)\b|"
    r"\breaders like you\b|\bctrl ?\+ ?enter\b|\bjavascript\b.*\b(enable|disabled?)\b|"
    r"\bsupport (our|independent) journalism\b|\b(sign up|subscribe) (for|to) (our|the|\S+['’]s)\b.*\bnewsletters?\b|"
    r"\bsuggest a correction\b|\bthis (site|website) uses cookies\b|\bwe use cookies\b|"
    r"\bunsubscribe at any time\b|\b(may|might) (receive|earn|get) a (small )?(commission|share of the sale)\b|"
    r"\bactivation link\b|\bbreaking news alerts\b|\bsubscribe to (the|our) .{0,40}\b(channel|podcast)\b|"
    r"&(amp;)?lt;/?[a-z]+[ >&]",
    re.IGNORECASE,
)

# Short lines made of interface words: menus, buttons, teaser labels.
_INTERFACE = re.compile(
    r"^[\s\[(•·|>»-]*(advertisement|advertising|sponsored( content)?|ad|ads|promoted|"
    r"read more|read also|see also|related( articles| stories| content| news)?|more (stories|news|from .+)|"
    r"most (popular|read|viewed|shared)|trending( now)?|recommended( for you)?|you (may|might) (also )?like|"
    r"share( this( article| story)?)?( on \w+)?|tweet|email|e-mail|print|comments?|\d+ comments?|view comments|"
    r"(leave|post|add|show) (a |your )?comments?|reply|follow us( on .+)?|subscribe( now| today)?|sign (in|up|out)|"
    r"log ?(in|out)|register|newsletters?|menu|search|close|home|back to top|return to top|skip to (main )?content|"
    r"continue reading( the main story)?|loading\.*|next|previous|prev|next article|previous article|"
    r"all sections|sections|topics|tags|photo|video|watch|listen|play|caption|back to gallery|"
    r"image \d+ of \d+|\d+ ?/ ?\d+|click here.*|facebook|twitter|linkedin|whatsapp|telegram|reddit|pinterest|"
    r"instagram|youtube|rss|copy link|link copied|save|saved|bookmark|donate|support us|contact us|about us)"
    r"[\s.:!»›>|\])-]*$",
    re.IGNORECASE,
)

# Headers after which a page carries no more of the article: comments, "read next" lists.
_END_OF_ARTICLE = re.compile(
    r"^[\s\[(•·|>»-]*(?:\d+\s+)?(?:(?:top|all|reader|user|latest|newest|most)\s+)?(?:rated\s+)?"
    r"(?:comments?|responses|leave a (?:comment|reply)|join the (?:conversation|discussion)|discussion|"
    r"kommentare|commentaires|comentarios|comentários|commenti|"
    r"you (?:may|might) (?:also )?(?:like|enjoy)|read (?:these|this|more) next|up next|"
    r"você (?:também )?pode gostar|vous aimerez (?:aussi|également)|(?:también )?te (?:puede|podría) (?:interesar|gustar)|"
    r"(?:ti )?potrebbe(?:ro)? (?:interessarti|interessare|piacere)|das könnte (?:sie|dich) auch interessieren|"
    r"вам (?:также )?может (?:быть интересно|понравиться)|"
    r"more (?:from |on |in )?\S+(?: \S+){0,2}|more (?:stories|articles) from.*|"
    r"most (?:popular|read|viewed|shared)|recommended (?:for you|stories|articles)|trending now)"
    r"(?:\s*\(\d+\))?(?:\s+\d+)?[\s.:!…»›>|\])-]*$",
    re.IGNORECASE,
)


# What ends or interrupts an article without being part of it: a labelled link to another
# story ("Read more: Headline", "Headline [VIDEO]"), a contact or follow line ("Email X at
# x@y.com or follow him @x"), the desk's credits ("(Reporting by A; editing by B)").
_RELATED = re.compile(
    r"^[\s•·*-]*(?:read more|related(?: \w+)?|see more|see also|read also|also read|more on this|must read|"
    r"don'?t miss|recommended|watch|listen|read|more)\s*[:|>»]\s*[\w\"'‘“]"
    r"(?:(?![.!?]\s).){0,150}(?<![.;,])$|^[^.]{10,150}\[(?-i:[A-Z]{3,})\]\s*\|?$",
    re.IGNORECASE,
)
_CONTACT = re.compile(r"\b(?:follow|e-?mail|reach|reached|write to|contact|tips?)\b", re.IGNORECASE)
_HANDLE = re.compile(r"[\w.+-]+@[\w-]+\.\w+|(?<!\w)@\w{2,}|twitter\.com/")
_FOLLOW = re.compile(r"^follow (?:us|\S+(?: \S+){0,4}) on (?:twitter|facebook|instagram|linkedin|youtube)\b",
                     re.IGNORECASE)
_CREDITS = re.compile(r"^\(?(?:additional )?(?:reporting|writing|editing|research) by\b|"
                      r"\bcontributed (?:reporting )?to this (?:report|story|article)\.?\)?$", re.IGNORECASE)
# Promotion of the outlet's own products, in the body's place: newsletters, apps, subscriptions,
# live streams, promo codes ("Want more Rolling Stone? Sign up for our newsletter.").
_PROMO = re.compile(
    r"^subscribe to\b|^want more [\w' ]{1,30}\?|^need more \w+\? subscribe\b|"
    r"(?:^|[.!?]\s+)(?:sign up|subscribe|register)\b[^.]*\b(?:newsletters?|e-?mail (?:alerts|updates|newsletters?)|"
    r"(?:daily|weekly) e-?mail|mailing list|alerts)\b|"
    r"\bclick here to (?:support|subscribe|donate|sign up|get the .{1,40} app)\b|^(?:get|download) the .{1,40} app\b|"
    r"\b\d+ issues for\b|\bpromo codes\b|"
    r"^listen (?:to .{1,40} )?live\b|\blisten back\b",
    re.IGNORECASE,
)
# A share bar ("Facebook Twitter Google+ Whatsapp") and an address block with its phone
# ("... Rua Walter Marquardt, 1111 - ... - Fone: (047) 2106-8000").
_SHARE_BAR = re.compile(r"^(?:(?:facebook|twitter|google\+?|whatsapp|linkedin|pinterest|pint|reddit|e-?mail|telegram|"
                        r"tumblr|print|messenger|flipboard|share|baixar|compartilhar|teilen|condividi)\W*){2,}$",
                        re.IGNORECASE)
_PHONE = re.compile(r"\b(?:fone|tel|phone|telephone|telefone|telefon|fax)\b\.?:?\s*\+?[\d(][\d\s().-]{6,}\d", re.IGNORECASE)
# Words of a line those patterns may still call end matter.
END_MATTER_WORDS = 45


def is_end_matter(line: str, words: int) -> bool:
    """A related-story link, a contact or follow line, the desk's credits or a promotion: never the story."""
    if words > END_MATTER_WORDS:
        return False
    if _RELATED.match(line) or _FOLLOW.match(line) or _CREDITS.search(line) or _PROMO.search(line) \
            or _SHARE_BAR.match(line) or _PHONE.search(line):
        return True
    return bool(_HANDLE.search(line)) and bool(_CONTACT.search(line))


# Substrings one of which every _ALWAYS match contains: a cheap test before the regex.
_ALWAYS_HINTS = ("©", "copyright", "rights reserved", "protected", "blocker", "cookie", "privacy", "terms",
                 "become a", "readers like you", "ctrl", "javascript", "journalism", "newsletter", "correction",
                 "subscribe", "commission", "share of the sale", "activation", "alerts", "&lt;", "&amp;lt;")


# "Updated Nov 19, 9:41 AM; Posted Nov 18, 8:19 PM": a time stamp without its year (no dateline
# for the metadata, which never guesses a year, but no body either).
_STAMP = re.compile(r"^\W*(?:updated|posted|published|last updated|first published)\b:?\s+(?:on\s+)?"
                    r"(?:(?:mon|tue|wed|thu|fri|sat|sun)\w*\.?,?\s+)?"
                    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*\.?\s+\d{1,2}\b", re.IGNORECASE)
STAMP_WORDS = 14


def looks_like_boilerplate(line: str, words: int) -> bool:
    """Boilerplate recognisable from the line alone, with no corpus at hand."""
    if words <= STAMP_WORDS and _STAMP.match(line):
        return True
    low = line.lower()
    if any(hint in low for hint in _ALWAYS_HINTS) and _ALWAYS.search(line):
        return True
    if is_end_matter(line, words):
        return True
    return words <= 6 and bool(_INTERFACE.match(line.strip()))


# What follows a story about its writer or its company: "About the author", "Über Moritz
# Bachmann" (when the next line speaks of him), "Dallas Robinson is a freelance writer ...",
# "Ascom is a global solutions provider ... headquartered in Baar".
_ABOUT_HEADER = re.compile(r"^(?i:about|über|sobre|à propos de|a proposito di|acerca de)\s+(?:(?P<author>(?:the|o|a|der|die|"
                           r"l['’]|el|la|le) (?:author|authors|autor|autora|autore|auteur|writer)s?)|(?P<name>"
                           r"(?:[A-Z\u00c0-\u024f][\w.'’-]+\s*){1,4}))\s*:?$")
_ABOUT_NEXT_WORDS = 6  # the name must come this soon in the next line
_BIO = re.compile(r"^(?:[A-Z\u00c0-\u024f][\w.'’-]+\s){1,4}(?:is|was|ist|é|est|es)\s+(?:a|an|the|ein|eine|um|uma|un|une|una)\s"
                  r"(?=.*\b(?:writer|journalist|reporter|editor|columnist|contributor|correspondent|freelancer?|"
                  r"blogger|author of|provider of|solutions provider|leading provider|headquartered|founded in|"
                  r"listed on|employs)\b)")
BIO_WORDS = 120


def about_line(line: str, following: str | None = None) -> bool:
    """A header of the writer's or the company's description, or its first sentence."""
    if len(line.split()) <= BIO_WORDS and _BIO.match(line):
        return True
    header = _ABOUT_HEADER.match(line.strip())
    if not header:
        return False
    if header["author"]:
        return True
    first = header["name"].split()[0]
    return following is not None and first in following.split()[:_ABOUT_NEXT_WORDS * 3] and \
        first.casefold() not in ("us", "me", "our", "this", "the", "uns")


def ends_article(line: str) -> bool:
    """A comments header or a "you may also like" list: the article is over."""
    return len(line) < 60 and bool(_END_OF_ARTICLE.match(line))
