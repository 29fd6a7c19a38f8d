"""Who a story is about: its main participants, and whether two stories' are the same.

Two events of the same kind share their vocabulary and often a participant (one boxer
beats two challengers, one team loses two players to drink-driving arrests), but not
their main participants all together. News names its main participants where it says
what happened: in the headline and the first sentence. So an article's key participants
are the people it names there (entity mentions from extraction, by their position in the
stored text; pronouns and demonyms are not names). A story counts, for each name, how many
of its members have it as a key participant; its main participants are those most of
them name up front.

Two stories are one event only if each names the other's main participants somewhere
(among the names its centroid holds). A story that has grown around two events shows it
the same way from inside: its articles fall into two groups, each about its own person,
whom the other group's articles hardly name (``rival_groups``). Names are compared by
surname: before names are resolved across articles, one outlet's "Chohan" is another's
"Raj Chohan". Only evidence both sides have is compared: a story whose members name
nobody up front passes.
"""

from __future__ import annotations

from itertools import combinations
from typing import Collection, Iterable, Mapping, Sequence

KEY_ZONE_CHARS = 300  # the headline and the first sentence, in the stored text
KEY_TYPES = frozenset({"PERSON"})
KEY_KINDS = frozenset({"name", "alias"})
MAIN_SHARE = 0.5  # a story's main participants: key participants of at least this share of its keyed members
FOUND_SHARE = 0.6  # the share of a story's main participants an article must name
ARTICLE_SHARE = 0.6  # the share of an article's key participants a story must name
GROUP = 3  # a story splits only into groups of at least this many articles, each keyed on its own person
RIVALS = 12  # the most frequent key participants that are paired (bounded cost in a large story)
NAMED_ACROSS = 0.25  # ... whose articles name the other group's person at most this share of the time
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})


def is_key_mention(start: int, type_: str, kind: str) -> bool:
    """Whether a mention makes its entity a key participant of its article."""
    return start < KEY_ZONE_CHARS and type_ in KEY_TYPES and kind in KEY_KINDS


def surname(name: str) -> str:
    """What a name is compared by: its last word, a generational suffix dropped (the
    better of the two simple cross-document baselines on ECB+ entities)."""
    words = name.split()
    while len(words) > 1 and words[-1] in _SUFFIXES:
        words.pop()
    return words[-1] if words else name


def surnames(names: Iterable[str]) -> set[str]:
    return {surname(name) for name in names}


def main_participants(keys: Mapping[str, int], keyed: int) -> set[str]:
    """The names most of a story's keyed members (``keyed`` of them) have as key participants."""
    if keyed <= 0:
        return set()
    least = MAIN_SHARE * keyed
    return {name for name, n in keys.items() if n >= least}


def fits(article_keys: Collection[str], article_names: Collection[str], story_keys: Mapping[str, int],
         story_keyed: int, story_names: Collection[str]) -> bool:
    """Whether one side's key participants and a story's main ones are each named by the other side.

    Keys and names are surnames (``surname``); the first side is an article or another story's
    main participants.
    """
    if not article_keys or story_keyed <= 0:
        return True
    if _share(article_keys, story_names) < ARTICLE_SHARE:
        return False
    main = main_participants(story_keys, story_keyed)
    return not main or _share(main, article_names) >= FOUND_SHARE


def _share(wanted: Collection[str], names: Collection[str]) -> float:
    return sum(1 for name in wanted if name in names) / len(wanted)


def rival_groups(members: Sequence[tuple[Collection[str], Collection[str]]]) -> tuple[str, str] | None:
    """Two people whose articles are two events: ``members`` are (key participants, all names) per article.

    Each of the two is a key participant of at least GROUP articles, never both of the same
    one; each group's articles name the other person in at most NAMED_ACROSS of them; and
    the two groups share no main participant (a person key to half of each). Two players of
    one team arrested on the same charge weeks apart are two events; one champion against
    two challengers is left to the merge test (``fits``), as is a story about three people
    whose articles each name two. Of several pairs, the one with the larger smaller group.
    """
    count: dict[str, int] = {}
    for keys, _ in members:
        for key in keys:
            count[key] = count.get(key, 0) + 1
    frequent = sorted((k for k, n in count.items() if n >= GROUP), key=lambda k: (-count[k], k))[:RIVALS]
    best: tuple[int, str, str] | None = None
    for x, y in combinations(sorted(frequent), 2):
        if any(x in keys and y in keys for keys, _ in members):
            continue
        with_x = [(keys, names) for keys, names in members if x in keys]
        with_y = [(keys, names) for keys, names in members if y in keys]
        if _named(y, with_x) > NAMED_ACROSS * len(with_x) or _named(x, with_y) > NAMED_ACROSS * len(with_y):
            continue
        if _main(with_x) & _main(with_y):
            continue
        size = min(len(with_x), len(with_y))
        if best is None or size > best[0]:
            best = (size, x, y)
    return None if best is None else (best[1], best[2])


def _named(name: str, group: Sequence[tuple[Collection[str], Collection[str]]]) -> int:
    return sum(1 for _, names in group if name in names)


def _main(group: Sequence[tuple[Collection[str], Collection[str]]]) -> set[str]:
    count: dict[str, int] = {}
    for keys, _ in group:
        for key in keys:
            count[key] = count.get(key, 0) + 1
    return main_participants(count, len(group))
