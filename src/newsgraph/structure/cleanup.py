"""Small repairs to the text of kept lines: obfuscated e-mails, paragraph labels, split drop caps."""

from __future__ import annotations

import re

from newsgraph.words import english_stop_words

# Cloudflare replaces addresses by "[email protected]"; the address itself is lost.
_CLOUDFLARE = re.compile(r"\s*\[\s*e-?mail\s*(?:&#160;|\s)?protected\s*\]", re.IGNORECASE)
# "name [at] example [dot] org", "name(at)example.org", "name AT example DOT org".
_AT = re.compile(r"(?<=\w)\s*(?:\[at\]|\(at\)|\{at\}|\s+AT\s+|\s+\[ at \]\s+)\s*(?=\w)")
_DOT = re.compile(r"(?<=\w)\s*(?:\[dot\]|\(dot\)|\{dot\}|\s+DOT\s+)\s*(?=\w)")

# Labels some outlets put before paragraphs ("Details: Campbell noted ...").
_LABEL = re.compile(r"^(details|quote|background|update|updated|context|reminder)\s*:\s+(?=\S)", re.IGNORECASE)

_SPACE = re.compile(r"[ \t\u00a0\u2009\u202f]+")


def deobfuscate_emails(text: str) -> str:
    """Undo "x [at] y [dot] z"; drop Cloudflare's "[email protected]" placeholder."""
    text = _CLOUDFLARE.sub("", text)
    if "at" in text.lower():
        text = _AT.sub("@", text)
        text = _DOT.sub(".", text) if "@" in text else text
    return text


def has_obfuscated_email(text: str) -> bool:
    return bool(_CLOUDFLARE.search(text))


def strip_label(paragraph: str) -> tuple[str | None, str]:
    """Split "Details: ..." into ("Details", "..."); other paragraphs come back whole."""
    match = _LABEL.match(paragraph)
    if not match:
        return None, paragraph
    return match.group(1).capitalize(), paragraph[match.end():]


# "T he Davis Cup Final began ...": a drop cap the scrape split off its word.
_DROP_CAP = re.compile(r"^([A-Z\u00c0-\u00de]) ([a-z\u00df-\u00ff]+)\b")


def join_drop_cap(paragraph: str, vocabulary: set[str]) -> str:
    """Join a paragraph's split first letter to its word when the page uses the joined word
    elsewhere ("T he" → "The", "A dam Schiff" → "Adam Schiff"; "A man" stays), or when the
    letter is no word of its own and the joined word is a function word ("M uch" → "Much")."""
    match = _DROP_CAP.match(paragraph)
    if not match:
        return paragraph
    joined = (match[1] + match[2]).casefold()
    if joined in vocabulary or (match[1] not in "AIO" and joined in english_stop_words()):
        return match[1] + paragraph[2:]
    return paragraph


# A hover card a scrape glued into the sentence: the name, the name again, the card's headlines,
# its "MORE" link ("Rep. Ilhan Omar Ilhan Omar Hillicon Valley: ... MORE (D-Minn.), the ...").
# The card may name the person in full ("Kristi Noem Kristi Lynn Noem ...").
_HOVER_CARD = re.compile(r"\b(?P<name>(?P<first>[A-Z][\w'’-]+)(?: [A-Z][\w.'’-]+){0,2} (?P<last>[A-Z][\w'’-]+)) "
                         r"(?P=first)(?: [A-Z][\w.'’-]+){0,2} (?P=last)\b.{10,800}? MORE\b(?= |$)")


def drop_hover_cards(paragraph: str) -> str:
    """The sentence without the hover cards glued into it; the name stays."""
    if " MORE" not in paragraph:
        return paragraph
    return _HOVER_CARD.sub(lambda match: match["name"], paragraph)


def tidy(line: str) -> str:
    """One paragraph on one line, single spaces."""
    return _SPACE.sub(" ", line).strip()
