"""The plain records passed between newsgraph's stages.

Every record that comes from text carries an evidence span: ``start``/``end`` are
character offsets into ``Article.text`` (title, lead and body paragraphs joined by
blank lines), so any finding can be shown in the exact sentence it came from.
Records are plain dataclasses: they pickle across worker processes and turn into
database rows or JSON with ``dataclasses.asdict``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from newsgraph.timing import StageTimes

PARAGRAPH_SEPARATOR = "\n\n"

Precision = Literal["minute", "day", "month", "year"]
QuoteKind = Literal["direct", "indirect", "mixed"]
SpeakerKind = Literal["person", "organisation", "document", "unnamed"]  # "unnamed": "officials", "a source"
CitationKind = Literal["outlet", "person", "document", "organisation"]
Modality = Literal["reported", "future", "hypothetical", "denied"]


@dataclass
class RawDocument:
    """One input document as read from its container, before any interpretation."""

    id: str
    origin: str
    text: str
    media_type: str  # "text/plain" or "text/html"
    metadata: dict[str, Any] = field(default_factory=dict)
    encoding: str = "utf-8"


@dataclass
class Article:
    """A cleaned news article: what the outlet published, without the page around it."""

    id: str
    origin: str
    title: str | None = None
    lead: str | None = None
    paragraphs: list[str] = field(default_factory=list)
    outlet: str | None = None  # the publishing outlet, never the wire service it carries
    wire: str | None = None  # the news agency a syndicated story comes from ("Associated Press")
    url: str | None = None
    published: str | None = None  # ISO 8601, only as precise as the source
    published_precision: Precision | None = None
    authors: list[str] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    section: str | None = None
    language: str | None = None
    removed: list[str] = field(default_factory=list)  # boilerplate lines, for inspection
    metadata: dict[str, Any] = field(default_factory=dict)

    @property
    def body(self) -> str:
        return PARAGRAPH_SEPARATOR.join(self.paragraphs)

    @property
    def blocks(self) -> list[str]:
        """Title, lead and paragraphs: the pieces ``text`` is made of, in order."""
        return [b for b in (self.title, self.lead, *self.paragraphs) if b]

    @property
    def text(self) -> str:
        """The analysed text; every evidence span is an offset into it."""
        return PARAGRAPH_SEPARATOR.join(self.blocks)

    @property
    def body_start(self) -> int:
        """Offset in ``text`` where the body paragraphs begin."""
        head = [b for b in (self.title, self.lead) if b]
        return sum(len(b) + len(PARAGRAPH_SEPARATOR) for b in head)


@dataclass
class Mention:
    """A name, title or pronoun in an article that refers to an entity."""

    article: str
    start: int
    end: int
    text: str
    type: str  # PERSON, ORG, GPE, LOC, NORP, OUTLET, ...
    entity: str | None = None  # canonical name of the resolved entity
    kind: str = "name"  # name | alias | pronoun | title | metonym | demonym


@dataclass
class Role:
    """A title or role the text gives an entity ("US Deputy Secretary of State")."""

    article: str
    entity: str
    role: str
    start: int  # evidence: the whole phrase that gives the role
    end: int
    evidence: str = ""
    pattern: str = ""  # appositive | prenominal | possessive | predicate
    surface: str = ""  # the name as written next to the role, e.g. "Joe Blinken"


@dataclass
class Entity:
    """A person, organisation or place, with everything it is called."""

    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    kb_id: str | None = None  # link into the bundled reference data, e.g. "country:RUS"
    id: str | None = None


@dataclass
class Quote:
    """Something a speaker said, directly or in reported speech."""

    article: str
    start: int
    end: int
    text: str
    kind: QuoteKind
    cue: str | None = None
    speaker: str | None = None  # the speaker as written ("he", "Campbell", "Seoul")
    speaker_start: int | None = None
    speaker_end: int | None = None
    speaker_entity: str | None = None  # canonical name
    confidence: float = 0.5
    id: str | None = None
    cue_start: int | None = None  # the cue as written ("said", "according to"), when there is one
    cue_end: int | None = None
    speaker_kind: SpeakerKind | None = None  # what the speaker is; None when there is no speaker


@dataclass
class Citation:
    """A source the article relies on: an outlet, a person or a document."""

    article: str
    cited: str
    kind: CitationKind
    relation: str  # "according to", "source", "with reference to", "reported", ...
    start: int
    end: int
    evidence: str = ""
    id: str | None = None


@dataclass
class Event:
    """Who did what to whom, coded with CAMEO (and with PLOVER, GDELT's quad class and Goldstein score).

    ``actor``/``target`` are canonical names (a country, organisation or person) or None when
    unknown; ``actor_text``/``target_text`` the phrases as written; ``actor_code``/``target_code``
    CAMEO actor codes (USAGOV, RUSMIL, IGOUNO) or None when the phrase codes to nothing.
    """

    article: str
    actor: str | None
    cameo: str
    action: str
    target: str | None
    start: int
    end: int
    evidence: str = ""
    date: str | None = None  # resolved from the text against the article's date
    modality: Modality = "reported"
    id: str | None = None
    actor_text: str | None = None
    actor_code: str | None = None
    target_text: str | None = None
    target_code: str | None = None
    root: str = ""
    quad_class: int | None = None
    goldstein: float | None = None
    plover: str | None = None


@dataclass
class Flag:
    """A statement that cannot be right, with what shows it."""

    article: str
    kind: str  # role_mismatch | unknown_title_holder | date_conflict | speaker_conflict
    start: int
    end: int
    mention: str
    explanation: str
    evidence: str = ""
    confidence: float = 0.5
    id: str | None = None


@dataclass
class Story:
    """Articles from one or more outlets about the same news."""

    id: str
    articles: list[str]
    title: str | None = None
    outlets: list[str] = field(default_factory=list)
    first_published: str | None = None
    last_published: str | None = None
    key_entities: list[str] = field(default_factory=list)


@dataclass
class ClaimVariant:
    """One outlet's wording of a claim."""

    article: str
    outlet: str | None
    text: str
    start: int
    end: int


@dataclass
class Claim:
    """A fact as carried by one or more articles of a story."""

    variants: list[ClaimVariant]
    entities: list[str] = field(default_factory=list)
    differences: list[str] = field(default_factory=list)  # numbers, dates, names, titles


@dataclass
class Comparison:
    """What each outlet of a story reports, adds, omits or contradicts."""

    story: str
    shared: list[Claim] = field(default_factory=list)
    unique: dict[str, list[Claim]] = field(default_factory=dict)  # article id -> claims
    quoted: dict[str, list[str]] = field(default_factory=dict)  # article id -> speakers
    cited: dict[str, list[str]] = field(default_factory=dict)  # article id -> sources
    contradictions: list[Claim] = field(default_factory=list)


@dataclass
class Embedding:
    """An article's sentence embedding, as stored: the model (and text) that made it, and the vector."""

    model: str
    vector: bytes  # unit-length float16, little-endian


@dataclass
class ArticleAnalysis:
    """Everything the per-article stages found in one document."""

    article: Article
    mentions: list[Mention] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    flags: list[Flag] = field(default_factory=list)
    story_embedding: Embedding | None = None  # for story clustering; None when embeddings are off
    minhash: bytes | None = None  # the body's MinHash signature, for near-duplicates; None when too short
    times: StageTimes | None = field(default=None, compare=False, repr=False)  # its share of the worker's seconds
