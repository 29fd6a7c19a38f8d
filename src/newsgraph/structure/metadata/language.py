"""A cheap language guess: the share of very common function words, per language.

Good enough to tell the languages newsgraph's users meet most (it needs a few dozen
words); anything else, or too little text, stays None.
"""

from __future__ import annotations

import re
from collections import Counter

_STOPWORDS = {
    "en": "the of and to in a is that for on was with as by it he said at from his are be have has",
    "de": "der die und in den von zu das mit sich des auf für ist im dem nicht ein eine als auch es",
    "fr": "le la les de des et en un une du est que pour dans qui pas sur au par plus avec",
    "es": "el la de que y en los del se las por un una para con no es al lo como su",
    "it": "il di che la e per un una del della non sono le dei con è ha si nel alla",
    "pt": "o a de que e do da em um para com não uma os no se na por mais as dos",
    "nl": "de het een van en in is dat op te zijn voor met die niet aan er ook als",
    "pl": "i w na z się nie do to że jest o jak po co ale tak za od przez",
    "ru": "и в не на что с по как это он к но из у за от о так же для",
    "uk": "і в на що з не та до у як це за про від але його для й вже",
}
_WORDS = {lang: set(words.split()) for lang, words in _STOPWORDS.items()}
_TOKEN = re.compile(r"\w+")
_CJK = re.compile(r"[\u3040-\u30ff]|[\u4e00-\u9fff]|[\uac00-\ud7af]")


def guess_language(text: str, sample: int = 400) -> str | None:
    cjk = _CJK.findall(text[:2000])
    if len(cjk) > 50:
        return _cjk(cjk)
    tokens = [t.casefold() for t in _TOKEN.findall(text[:4000])][:sample]
    if len(tokens) < 20:
        return None
    counts = Counter(tokens)
    scores = {lang: sum(counts[w] for w in words) for lang, words in _WORDS.items()}
    lang, best = max(scores.items(), key=lambda item: item[1])
    return lang if best >= 0.15 * len(tokens) else None


def _cjk(chars: list[str]) -> str:
    if any("\uac00" <= c <= "\ud7af" for c in chars):
        return "ko"
    if any("\u3040" <= c <= "\u30ff" for c in chars):
        return "ja"
    return "zh"
