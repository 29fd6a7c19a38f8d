"""Photo captions: a description followed by a credit ("... Photo: Getty Images")."""

from __future__ import annotations

import re

# A credit near the end of the line: "Photo: X", "Photo kremlin.ru", "Credit... X",
# "(Photo by X)", "X/AFP via Getty Images", "Illustration: X", "Фото: X".
_CREDIT = re.compile(
    r"(?:^|[\s.(|/—–-])(?:photo(?:graph)?s?|pictures?|image|illustration|credit|foto|фото|bild)"
    r"(?:\s*(?:credit|courtesy))?\s*(?::|\.\.\.|…|by\b|courtesy\b|©|\s+(?=\S+\.[a-z]{2,}\b)|\s+(?=(?-i:[A-Z])))",
    re.IGNORECASE,
)
_AGENCY = re.compile(r"\b(?:getty(?: images)?|afp|reuters|associated press|ap photo|(?-i:AP)|shutterstock|epa|dpa|"
                     r"anadolu)\b\)?\.?$", re.IGNORECASE)
# Credits that open the line in words, not with "Photo:": "личный архив Анны Ивановой" (personal archive).
_CREDIT_WORDS = re.compile(r"^(?:из )?личн(?:ый|ого) архив(?:а)?\b|^архив\s+(?-i:[А-Я])", re.IGNORECASE)
# "H.W. Chiu": a full stop after an initial ends no sentence.
_NEXT_SENTENCE = re.compile(r"(?<!\b[A-Z])[.!?]\s+[A-Z]")
_MAX_WORDS = 60
# Substrings one of which every credit contains: a cheap test before the regexes.
_HINTS = ("photo", "picture", "image", "illustration", "credit", "foto", "фото", "bild", "getty", "ap",
          "архив", "afp", "reuters", "associated press", "shutterstock", "epa", "dpa", "anadolu")


def credit_start(line: str) -> int | None:
    """Where the credit begins, if the line ends with a photo credit."""
    words = line.split()
    if not words or len(words) > _MAX_WORDS:
        return None
    low = line.lower()
    if not any(hint in low for hint in _HINTS):
        return None
    if _CREDIT_WORDS.match(line) and len(words) <= 6:
        return 0
    matches = [m for m in _CREDIT.finditer(line) if not _inside_name(line, m)]
    if matches:
        start = matches[-1].start()
        tail = line[start:].split()
        # The credit is the end of the line: a name or agency, not another sentence.
        if len(tail) <= 10 and not _NEXT_SENTENCE.search(line[matches[-1].end():]):
            return start
    agency = _AGENCY.search(line)
    if agency and len(words) <= 40 and not _after_lowercase_word(line, agency.start()) \
            and not low.startswith("by "):  # "By Jill Lawless, AP" is a byline
        return agency.start()
    return None


def _after_lowercase_word(line: str, start: int) -> bool:
    """"... declined to comment to Reuters.": the agency ends a sentence, it credits nothing."""
    before = line[:start].split()
    return bool(before) and before[-1].isalpha() and before[-1].islower() and before[-1] != "via"


def _inside_name(line: str, match: re.Match) -> bool:
    """"Credit Union", "Image Comics": the bare keyword before a capital, in the middle of a name.

    That weakest form of credit ("Photo Kremlin") must start the line or follow punctuation.
    """
    if not line[match.start():match.end()].endswith((" ", "\t")) or re.match(r"\S+\.[a-z]{2,}\b", line[match.end():]):
        return False
    if match.start() == 0 and line[:1].isalpha():
        return False  # the line starts with it
    before = line[:match.start() + 1].rstrip()
    return bool(before) and before[-1] not in ".|/—–-(:;,"


# What a page prints before its captions ("Image caption Taylor Swift's seventh album ...").
_CAPTION_LABEL = re.compile(r"^(?:image|media|photo|video) (?:caption|copyright)\b", re.IGNORECASE)


def is_caption(line: str) -> bool:
    return credit_start(line) is not None or bool(_CAPTION_LABEL.match(line))


def is_credit_only(line: str) -> bool:
    """A bare credit line ("Photo: Damian Dovarganes, AP"), no description."""
    start = credit_start(line)
    return start is not None and not line[:start].strip(" .,:;|/-—–(")
