"""The story index: story centroids, document frequencies and a capped inverted index.

Single-pass centroid clustering, the classic topic-detection-and-tracking scheme: a new
article joins the story whose centroid it is most similar to, if that similarity clears
a threshold, else it opens a story; a likeness that one shared term carries almost alone
(one company or one word in common) is not enough (``shares_enough``). Two cheap passes
make the result depend less on the order articles arrive in: each new article is
reconsidered once the whole batch is in, and stories the batch touched merge with a
story whose centroid has become as close as a member would have to be. Last, a touched story whose new members are about two
different people splits in two (``split``): the same words about other people are other news.

Cost per article is bounded and does not grow with the corpus: candidates come from an
inverted index over each story's strongest terms, each posting list keeps only its most
recent stories, and an article looks up only its strongest terms. Nothing here touches
the database; ``store`` loads and saves the parts an update needs.
"""

from __future__ import annotations

import hashlib
import math
from dataclasses import dataclass, field
from operator import itemgetter, mul
from typing import Iterable

import numpy as np

from newsgraph.corpus.stories.participants import GROUP, fits, main_participants, rival_groups, surname, surnames

ARTICLE_TERMS = 30  # an article's vector keeps its strongest terms
CENTROID_TERMS = 120  # a story's centroid keeps its strongest terms
POSTED_TERMS = 24  # a story is findable by its strongest terms
QUERY_TERMS = 10  # an article looks up its strongest terms
POSTING_CAP = 40  # a posting list keeps its most recent stories
MAX_CANDIDATES = 20  # exact similarity is computed for at most this many stories (fewer: more order dependence)
MERGE_CANDIDATES = 10  # ... and for a story, the closest few other stories
EARLY_POSTS = 3  # a story is re-posted after each of its first members, then once per update
WINDOW_DAYS = 10.0  # a dated article only joins a story active within this many days
NAME_PREFIX = "@"  # features.ENTITY_PREFIX: terms that are names
YEAR_GAP = 1  # an article joins a story whose news is at most this many years from its own
ONE_TERM_SHARE = 0.9  # the most of an article's likeness to a story one shared term may carry (``shares_enough``)
NAMES_TO_COMPARE = 5  # participants are compared when the article names at least this many (a headline names one)


def story_key(founder: str, n: int = 0) -> str:
    """Story id: a hash of the article that opened it."""
    return "st" + hashlib.sha1(f"{founder}:{n}".encode("utf-8")).hexdigest()[:14]


def query_terms(vector: dict[str, float]) -> dict[str, float]:
    """The terms an article (or story) is looked up by: its strongest few."""
    return dict(sorted(vector.items(), key=_WEIGHT, reverse=True)[:QUERY_TERMS])  # stable: ties keep term order


_WEIGHT = itemgetter(1)
_TF: dict[float, float] = {}  # raw weight -> sublinear term frequency; raw weights are few (counts, doubled)


def _tf(weight: float) -> float:
    value = _TF[weight] = 1.0 + math.log(weight) if weight >= 1 else weight
    return value


@dataclass
class Thresholds:
    """Similarity at which an article joins a story (and two stories merge).

    Lexical-only and lexical+embedding similarities live on different scales, so each
    has its own. Both come from synthetic stories built from other text
    (benchmarks/calibrate_stories.py), never from the headline evaluation file: the
    highest threshold whose calibration F1 is within 0.01 of the best. Highest, because
    the calibration curve is flat near its top and a wrong merge is the costlier error
    here: stories grow and merge but are never split again.
    """

    lexical: float = 0.20
    combined: float = 0.25
    # Between two articles with a body (and stories of them): two reports of the same kind of
    # news share far more words than two headlines do, so joining them takes more.
    article_lexical: float = 0.35
    article_combined: float = 0.50
    participants: float = 0.2  # least cosine of the names alone, when the article names several


THRESHOLDS = Thresholds()


@dataclass
class StoryVector:
    """A story's centroid: the sum of its members' unit vectors (terms truncated to the top)."""

    id: str
    terms: dict[str, float] = field(default_factory=dict)
    norm2: float = 0.0
    names_norm2: float = 0.0  # the part of norm2 that is names (participants, places)
    size: int = 0
    embedding: np.ndarray | None = None  # sum of members' unit sentence embeddings
    first_day: float | None = None
    last_day: float | None = None
    rep_score: float = -1.0  # similarity to the centroid of the article giving the title
    years: dict[int, int] = field(default_factory=dict)  # members placed in each year (timing.when)
    long: int = 0  # members with a body, not a headline alone
    keys: dict[str, int] = field(default_factory=dict)  # surname -> members with it as key participant
    keyed: int = 0  # members with any key participant
    dirty: bool = False
    _embedding_norm: float | None = field(default=None, repr=False)  # cached: read per candidate, per article
    _surnames: set[str] | None = field(default=None, repr=False)  # cached: the names its terms hold, compared

    def lexical(self, vector: dict[str, float]) -> float:
        """Cosine-like score of a term vector against this centroid.

        Only shared terms contribute, and a few of an article's 30 are shared: the key
        intersection runs in C. ``fsum`` is exactly rounded, so the score does not depend
        on the set's (hash-seeded) iteration order and reruns cluster identically.
        """
        if self.norm2 <= 0.0:
            return 0.0
        terms = self.terms
        dot = math.fsum([vector[t] * terms[t] for t in vector.keys() & terms.keys()])
        return dot / math.sqrt(self.norm2)

    def semantic(self, embedding: np.ndarray | None) -> float | None:
        if embedding is None or self.embedding is None:
            return None
        norm = self.embedding_norm()
        return float(self.embedding @ embedding) / norm if norm > 0 else None

    def embedding_norm(self) -> float:
        if self._embedding_norm is None:
            self._embedding_norm = 0.0 if self.embedding is None else float(np.linalg.norm(self.embedding))
        return self._embedding_norm

    def add(self, vector: dict[str, float], embedding: np.ndarray | None, day: float | None,
            sign: float = 1.0, year: int | None = None, long: bool = False,
            keys: frozenset[str] = frozenset()) -> None:
        """Add (sign=1) or remove (sign=-1) one member."""
        self.long = max(self.long + (int(sign) if long else 0), 0)
        if keys:
            self.keyed = max(self.keyed + int(sign), 0)
            for key in keys:
                count = self.keys.get(key, 0) + int(sign)
                if count > 0:
                    self.keys[key] = count
                else:
                    self.keys.pop(key, None)
        if year is not None:
            count = self.years.get(year, 0) + (1 if sign > 0 else -1)
            if count > 0:
                self.years[year] = count
            else:
                self.years.pop(year, None)
        terms = self.terms
        norm2, names2 = self.norm2, self.names_norm2
        for t, w in vector.items():
            old = terms.get(t, 0.0)
            value = old + sign * w
            if value > 1e-9:
                terms[t] = value
                change = value * value - old * old
            else:
                terms.pop(t, None)
                change = -old * old
            norm2 += change
            if t[:1] == NAME_PREFIX:
                names2 += change
        self.norm2 = max(norm2, 0.0)
        self.names_norm2 = max(names2, 0.0)
        if embedding is not None:
            if self.embedding is None:
                self.embedding = np.zeros_like(embedding)
            self.embedding = self.embedding + sign * embedding
            self._embedding_norm = None
        self.size += 1 if sign > 0 else -1
        self._surnames = None
        if sign > 0 and day is not None:
            self.first_day = day if self.first_day is None else min(self.first_day, day)
            self.last_day = day if self.last_day is None else max(self.last_day, day)
        self.truncate()
        self.dirty = True

    def absorb(self, other: "StoryVector") -> None:
        """Take in every member of another story (a merge)."""
        for year, count in other.years.items():
            self.years[year] = self.years.get(year, 0) + count
        self.long += other.long
        self.keyed += other.keyed
        for key, count in other.keys.items():
            self.keys[key] = self.keys.get(key, 0) + count
        for t, w in other.terms.items():
            self.terms[t] = self.terms.get(t, 0.0) + w
        if other.embedding is not None:
            self.embedding = other.embedding.copy() if self.embedding is None else self.embedding + other.embedding
            self._embedding_norm = None
        self.size += other.size
        self._surnames = None
        days = [d for d in (self.first_day, self.last_day, other.first_day, other.last_day) if d is not None]
        if days:
            self.first_day, self.last_day = min(days), max(days)
        self.truncate(recount=True)
        self.dirty = True

    def truncate(self, recount: bool = False) -> None:
        """Keep the strongest terms once there are twice too many (amortised cost)."""
        if len(self.terms) > 2 * CENTROID_TERMS:
            self.terms = dict(sorted(self.terms.items(), key=lambda kv: -kv[1])[:CENTROID_TERMS])
            recount = True
        if recount:
            self.recount()

    def recount(self) -> None:
        self.norm2 = sum(w * w for w in self.terms.values())
        self.names_norm2 = sum(w * w for t, w in self.terms.items() if t[:1] == NAME_PREFIX)

    def participants(self, vector: dict[str, float]) -> float | None:
        """Cosine of the names alone (people, organisations, places), or None if either side has none."""
        if self.names_norm2 <= 0.0:
            return None
        names = [(t, w) for t, w in vector.items() if t[:1] == NAME_PREFIX]
        own = math.fsum([w * w for _, w in names])
        if own <= 0.0:
            return None
        terms = self.terms
        dot = math.fsum([w * terms[t] for t, w in names if t in terms])
        return dot / math.sqrt(own * self.names_norm2)

    def unit_terms(self) -> dict[str, float]:
        norm = math.sqrt(self.norm2) or 1.0
        return {t: w / norm for t, w in self.terms.items()}

    def unit_embedding(self) -> np.ndarray | None:
        if self.embedding is None:
            return None
        norm = self.embedding_norm()
        return self.embedding / norm if norm > 0 else None

    def top_terms(self, n: int) -> list[str]:
        """The n strongest terms, ties by name (any store, any order): two sorts in C, the second stable."""
        terms = self.terms
        return sorted(sorted(terms), key=terms.__getitem__, reverse=True)[:n]

    def main_participants(self) -> set[str]:
        return main_participants(self.keys, self.keyed)

    def surnames(self) -> set[str]:
        """The names its centroid holds, as participants are compared (``participants.surname``)."""
        if self._surnames is None:
            self._surnames = surnames(t[1:] for t in self.terms if t[:1] == NAME_PREFIX)
        return self._surnames

    def mostly_long(self) -> bool:
        return 2 * self.long > self.size

    def year(self) -> int | None:
        """The year most of the story's placed members belong to (the latest, on a tie)."""
        return max(self.years, key=lambda y: (self.years[y], y)) if self.years else None

    def in_window(self, day: float | None) -> bool:
        if day is None or self.last_day is None or self.first_day is None:
            return True
        return self.first_day - WINDOW_DAYS <= day <= self.last_day + WINDOW_DAYS


@dataclass
class Member:
    """One new article as the clusterer sees it."""

    id: str
    vector: dict[str, float]
    embedding: np.ndarray | None
    day: float | None
    year: int | None = None  # timing.when: the year of its news, from its date or a full date in its text
    long: bool = False  # has a body, not a headline alone
    not_before: int | None = None  # ... else a year its text names: the article is not older
    keys: frozenset[str] = frozenset()  # its key participants, as surnames (participants.py)
    query: dict[str, float] = field(default_factory=dict)  # query_terms(vector), looked up in every pass
    n_names: int = 0  # how many of its terms are names

    def __post_init__(self) -> None:
        self.query = query_terms(self.vector)
        self.n_names = sum(1 for t in self.vector if t[:1] == NAME_PREFIX)


def shares_enough(story: StoryVector, vector: dict[str, float]) -> bool:
    """Whether an article's likeness to a story rests on more than one term: a single word or
    name in common ("Netflix" in a House of Cards deal and in a piracy app) is the same kind of
    news or the same company, not the same news, however heavily that one term weighs."""
    terms = story.terms
    parts = [vector[t] * terms[t] for t in vector.keys() & terms.keys()]
    total = math.fsum(parts)
    return total > 0.0 and max(parts) <= ONE_TERM_SHARE * total


def _names(m: Member) -> set[str]:
    """The names an article's vector holds and its key participants, as surnames."""
    return {surname(t[1:]) for t in m.vector if t[:1] == NAME_PREFIX} | set(m.keys)


@dataclass
class StoryIndex:
    """The part of the persisted index one update needs, held in memory."""

    n_docs: int = 0
    df: dict[str, int] = field(default_factory=dict)
    stories: dict[str, StoryVector] = field(default_factory=dict)
    postings: dict[str, list[str]] = field(default_factory=dict)
    thresholds: Thresholds = field(default_factory=Thresholds)
    touched_terms: set[str] = field(default_factory=set)
    posted: dict[tuple[str, str], int] = field(default_factory=dict)  # (term, story) -> order posted
    merged: dict[str, str] = field(default_factory=dict)  # dropped story -> story it joined
    trim: dict[str, int] = field(default_factory=dict)  # term -> oldest posting to keep (by seq)
    _idf_n: int = -1
    _idf_cache: dict[int, float] = field(default_factory=dict)  # df -> idf while n_docs stays put

    # -- weighting ------------------------------------------------------------------

    def count(self, terms: Iterable[str]) -> None:
        """Add one document's terms to the document frequencies."""
        self.n_docs += 1
        df = self.df
        get = df.get
        terms = list(terms)
        for t in terms:
            df[t] = get(t, 0) + 1
        self.touched_terms.update(terms)

    def idf(self, term: str) -> float:
        return self._idf_of(self.df.get(term, 0))

    def _idf_of(self, df: int) -> float:
        if self._idf_n != self.n_docs:
            self._idf_n, self._idf_cache = self.n_docs, {}
        value = self._idf_cache.get(df)
        if value is None:
            value = self._idf_cache[df] = math.log((self.n_docs + 1) / (df + 1)) + 1.0
        return value

    def vector(self, raw: dict[str, float]) -> dict[str, float]:
        """TF-IDF unit vector of an article's raw term weights.

        Terms no other article has (df < 2) are left out while the article has others:
        they cannot link it to anything and would only dilute the terms that can.
        """
        get = self.df.get
        if self._idf_n != self.n_docs:
            self._idf_n, self._idf_cache = self.n_docs, {}
        idf, tf = self._idf_cache, _TF
        # one pass: the weights of shared terms; tf and idf are read from caches, computed on a miss
        weighted = {t: (tf[w] if w in tf else _tf(w)) * (idf[c] if c in idf else self._idf_of(c))
                    for t, w in raw.items() if (c := get(t, 0)) >= 2}
        if not weighted:  # no term is shared: keep them all
            weighted = {t: (tf[w] if w in tf else _tf(w)) * self._idf_of(get(t, 0)) for t, w in raw.items()}
        if len(weighted) > ARTICLE_TERMS:
            weighted = dict(sorted(weighted.items(), key=_WEIGHT, reverse=True)[:ARTICLE_TERMS])
        values = weighted.values()
        norm = math.sqrt(sum(map(mul, values, values))) or 1.0
        return {t: w / norm for t, w in weighted.items()}

    # -- similarity -----------------------------------------------------------------

    def similarity(self, story: StoryVector, vector: dict[str, float], embedding: np.ndarray | None) -> float:
        """Lexical centroid cosine, averaged with the embedding cosine when both sides have one."""
        lexical = story.lexical(vector)
        semantic = story.semantic(embedding)
        return lexical if semantic is None else (lexical + semantic) / 2.0

    def threshold(self, embedding: np.ndarray | None, story: StoryVector | None = None, long: bool = False) -> float:
        combined = embedding is not None and (story is None or story.embedding is not None)
        return self.pick(combined, long and story is not None and story.mostly_long())

    def pick(self, combined: bool, articles: bool) -> float:
        """The threshold for this kind of similarity between headlines or between articles."""
        t = self.thresholds
        if articles:
            return t.article_combined if combined else t.article_lexical
        return t.combined if combined else t.lexical

    def candidate_ids(self, vector: dict[str, float], query: dict[str, float] | None = None) -> list[str]:
        """Ids of stories sharing one of the article's strongest terms (``query``, else looked up),
        best overlap first."""
        score: dict[str, float] = {}
        get, postings = score.get, self.postings
        for term, weight in (query if query is not None else query_terms(vector)).items():
            for story_id in postings.get(term, ()):
                score[story_id] = get(story_id, 0.0) + weight
        if len(score) > 2 * MAX_CANDIDATES:  # only stories scoring at least the 40th best can be in the top 40
            least = sorted(score.values(), reverse=True)[2 * MAX_CANDIDATES - 1]
            score = {story_id: value for story_id, value in score.items() if value >= least}
        # best score first, ties by id: two sorts in C (the second stable), the hot path of clustering
        return sorted(sorted(score), key=score.__getitem__, reverse=True)[: 2 * MAX_CANDIDATES]

    def candidates(self, vector: dict[str, float], day: float | None,
                   query: dict[str, float] | None = None) -> list[StoryVector]:
        """The best-overlapping stories that are loaded, alive and active around ``day``."""
        found: list[StoryVector] = []
        get = self.stories.get
        for story_id in self.candidate_ids(vector, query):
            story = get(story_id)
            if story is None or story.size <= 0:
                continue
            if day is not None:  # StoryVector.in_window, inlined: it runs for every candidate of every article
                first, last = story.first_day, story.last_day
                if first is not None and last is not None and not first - WINDOW_DAYS <= day <= last + WINDOW_DAYS:
                    continue
            found.append(story)
            if len(found) >= MAX_CANDIDATES:
                break
        return found

    def best(self, m: Member) -> tuple[StoryVector | None, float]:
        """The most similar candidate story that clears its threshold and fits its participants and year."""
        best, best_margin = None, 0.0
        for story in self.candidates(m.vector, m.day, m.query):
            margin = self.similarity(story, m.vector, m.embedding) - self.threshold(m.embedding, story, m.long)
            if margin >= 0 and (best is None or margin > best_margin) and shares_enough(story, m.vector) and \
                    self.same_event(story, m.vector, m.year, m.not_before, m.n_names):
                best, best_margin = story, margin
        return best, best_margin

    def same_event(self, story: StoryVector, vector: dict[str, float], year: int | None,
                   not_before: int | None = None, n_names: int | None = None) -> bool:
        """Whether an article's names and year fit a story's: the same words about other people,
        or years apart, are other news. Only evidence both sides have is compared."""
        if not self.same_time(story, year, not_before):
            return False
        if n_names is None:
            n_names = sum(1 for t in vector if t[:1] == NAME_PREFIX)
        if n_names < NAMES_TO_COMPARE:
            return True
        score = story.participants(vector)
        return score is None or score >= self.thresholds.participants

    @staticmethod
    def same_time(story: StoryVector, year: int | None, not_before: int | None = None) -> bool:
        """Whether a year (or a year the news is not older than) fits the story's year."""
        story_year = story.year()
        if story_year is None:
            return True
        if year is not None and abs(year - story_year) > YEAR_GAP:
            return False
        return not_before is None or not_before <= story_year + YEAR_GAP

    # -- updates --------------------------------------------------------------------

    def post(self, story: StoryVector) -> None:
        """Make a story findable by its strongest terms (most recent stories last)."""
        for term in story.top_terms(POSTED_TERMS):
            posting = self.postings.setdefault(term, [])
            if posting and posting[-1] == story.id:
                continue
            if story.id in posting:
                posting.remove(story.id)
            posting.append(story.id)
            if len(posting) > POSTING_CAP:
                del posting[: len(posting) - POSTING_CAP]
            self.posted.pop((term, story.id), None)
            self.posted[(term, story.id)] = len(self.posted)

    def new_story(self, story_id: str) -> StoryVector:
        story = StoryVector(story_id, dirty=True)
        self.stories[story_id] = story
        return story

    def open_story(self, founder: str) -> StoryVector:
        """A new story named after the article that opened it, so ids are stable across runs."""
        n = 0
        while (story_id := story_key(founder, n)) in self.stories:
            n += 1
        return self.new_story(story_id)

    def assign(self, members: list[Member]) -> dict[str, str]:
        """Cluster new articles into the index; return article id -> story id (before merges)."""
        where: dict[str, str] = {}
        for m in members:  # single pass
            story, _ = self.best(m)
            if story is None:
                story = self.open_story(m.id)
            story.add(m.vector, m.embedding, m.day, year=m.year, long=m.long, keys=m.keys)
            if story.size <= EARLY_POSTS:  # a young story's top terms still change
                self.post(story)
            where[m.id] = story.id
        for m in members:  # reconsider each once the whole batch is in
            current = self.stories[where[m.id]]
            current.add(m.vector, m.embedding, None, sign=-1.0, year=m.year, long=m.long, keys=m.keys)
            story, _ = self.best(m)
            if story is None:
                story = current if current.size == 0 else self.open_story(m.id)
            story.add(m.vector, m.embedding, m.day, year=m.year, long=m.long, keys=m.keys)
            if story.size <= EARLY_POSTS:
                self.post(story)
            where[m.id] = story.id
        for story_id in sorted(set(where.values())):
            self.post(self.stories[story_id])
        return where

    def merge(self, touched: set[str]) -> None:
        """Merge each touched story with a story its members would, on average, have joined.

        The test is the one a new article passes, averaged over the smaller story's
        members: mean over members b of sim(b, larger centroid), which the centroid sums
        give exactly. (The cosine of the two centroids would overstate it: a centroid is
        smoother than its members, so two related big stories look closer than any of
        their articles are, and merge.)

        Their years must fit; between stories of articles with a body, so must their main
        participants (``stories_fit``). The cosine of the names alone, which an article naming
        several must pass, is not asked of two stories of headlines only: their centroids hold
        every name their headlines wrote, in every spelling ("Edward Snowden", "Snowden"), and
        no body repeats the main ones, so two halves of one story score as low on it as two
        stories do (on the headline set it kept 0.05 of recall apart, for 0.01 of precision).
        """
        queue = sorted(touched)
        while queue:
            story = self.stories.get(queue.pop())
            if story is None or story.size <= 0:
                continue
            other = self.merge_partner(story)
            if other is None:
                continue
            keep, drop = (story, other) if (story.size, other.id) > (other.size, story.id) else (other, story)
            keep.absorb(drop)
            drop.size = 0
            self.merged[drop.id] = keep.id
            self.post(keep)
            queue.append(keep.id)

    def merge_partner(self, story: StoryVector) -> StoryVector | None:
        """The candidate story with the highest mean member similarity over the threshold."""
        best, best_margin = None, 0.0
        for other in self.candidates(story.unit_terms(), story.last_day)[:MERGE_CANDIDATES + 1]:
            if other.id == story.id:
                continue
            small, large = (story, other) if story.size <= other.size else (other, story)
            lexical = large.lexical(small.terms) / small.size
            semantic = large.semantic(small.embedding)
            articles = small.mostly_long() and large.mostly_long()
            if semantic is None or large.embedding is None:
                score, threshold = lexical, self.pick(False, articles)
            else:
                score, threshold = (lexical + semantic / small.size) / 2.0, self.pick(True, articles)
            margin = score - threshold
            headlines = not (small.long or large.long)
            if margin >= 0 and (best is None or margin > best_margin) and self.same_time(large, small.year()) and (
                    headlines or self.same_event(large, small.terms, None)) and (
                    not articles or self.stories_fit(small, large)):
                best, best_margin = other, margin
        return best

    def split(self, members: list[Member], where: dict[str, str]) -> dict[str, str]:
        """Check each story this update touched for two events, and split off the smaller.

        Only stories mostly of articles with a body are checked (a headline names whoever it
        has room for), and the evidence is this update's members that name someone up front
        (the index keeps no member of earlier updates): if they fall into two groups about
        different people (``participants.rival_groups``), the smaller group leaves for a new
        story, with the update's other members of the story that are closer to it than to the
        larger group. Members of earlier updates stay. Returns ``where`` with the moved
        members' new story.
        """
        by_story: dict[str, list[Member]] = {}
        for m in members:
            by_story.setdefault(where[m.id], []).append(m)
        where = dict(where)
        for story_id in sorted(by_story):
            batch, story = by_story[story_id], self.stories[story_id]
            keyed = [m for m in batch if m.keys]
            if len(keyed) < 2 * GROUP or not story.mostly_long():
                continue
            rivals = rival_groups([(m.keys, _names(m)) for m in keyed])
            if rivals is None:
                continue
            groups = [[m for m in keyed if rival in m.keys] for rival in rivals]
            stay, leave = sorted(groups, key=len, reverse=True)  # a tie: the first rival's group stays
            near, far = self._centroid(stay), self._centroid(leave)
            moving, staying = {m.id for m in leave}, {m.id for m in stay}
            moving.update(m.id for m in batch if m.id not in moving and m.id not in staying
                          and self.similarity(far, m.vector, m.embedding) > self.similarity(near, m.vector, m.embedding))
            new = self.open_story(next(m.id for m in batch if m.id in moving))
            for m in batch:
                if m.id in moving:
                    story.add(m.vector, m.embedding, None, sign=-1.0, year=m.year, long=m.long, keys=m.keys)
                    new.add(m.vector, m.embedding, m.day, year=m.year, long=m.long, keys=m.keys)
                    where[m.id] = new.id
            self.post(story)
            self.post(new)
        return where

    @staticmethod
    def _centroid(members: list[Member]) -> StoryVector:
        centroid = StoryVector("")
        for m in members:
            centroid.add(m.vector, m.embedding, m.day)
        return centroid

    @staticmethod
    def stories_fit(a: StoryVector, b: StoryVector) -> bool:
        """Two stories' main participants are each named by the other story (participants.py).

        Checked between stories, not between an article and a story: one article's lead often
        names a spokesman or an expert the others do not, while what most members of a story
        name up front is who it is about."""
        return fits(a.main_participants(), a.surnames(), b.keys, b.keyed, b.surnames())

    def resolve(self, story_id: str) -> str:
        while story_id in self.merged:
            story_id = self.merged[story_id]
        return story_id
