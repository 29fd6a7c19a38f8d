-- newsgraph store schema: one schema for SQLite and PostgreSQL (portable SQL only).
-- Every record that comes from text carries its evidence span: start/end are
-- character offsets into articles.text, and evidence holds the sentence itself.

CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY,              -- hash of the normalised content (and URL, if any)
    origin TEXT NOT NULL,             -- input path or URL
    outlet TEXT,                      -- the publishing outlet
    wire TEXT,                        -- the news agency a syndicated story comes from, if any
    url TEXT,
    title TEXT,
    lead TEXT,
    published TEXT,                   -- ISO 8601, only as precise as the source
    published_precision TEXT,         -- minute | day | month | year
    authors TEXT NOT NULL DEFAULT '[]',   -- JSON list
    body TEXT NOT NULL DEFAULT '',    -- paragraphs joined by a blank line
    captions TEXT NOT NULL DEFAULT '[]',  -- JSON list
    section TEXT,
    language TEXT,
    text TEXT NOT NULL DEFAULT '',    -- title, lead, body: what every span points into
    removed TEXT NOT NULL DEFAULT '[]',   -- JSON list of boilerplate lines dropped
    metadata TEXT NOT NULL DEFAULT '{}',  -- JSON: whatever the container gave
    story TEXT REFERENCES stories(id),
    duplicate_of TEXT REFERENCES articles(id),  -- near-duplicate (syndicated copy) of this article
    ingested_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS articles_story ON articles(story);
CREATE INDEX IF NOT EXISTS articles_outlet ON articles(outlet);
CREATE INDEX IF NOT EXISTS articles_published ON articles(published);

CREATE TABLE IF NOT EXISTS entities (
    id TEXT PRIMARY KEY,              -- type:normalised canonical name
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    kb_id TEXT
);
CREATE INDEX IF NOT EXISTS entities_name ON entities(name);

CREATE TABLE IF NOT EXISTS entity_aliases (
    entity TEXT NOT NULL REFERENCES entities(id),
    alias TEXT NOT NULL,
    PRIMARY KEY (entity, alias)
);

CREATE TABLE IF NOT EXISTS mentions (
    id INTEGER PRIMARY KEY,
    article TEXT NOT NULL REFERENCES articles(id),
    entity TEXT REFERENCES entities(id),
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    type TEXT NOT NULL,
    kind TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS mentions_article ON mentions(article);
CREATE INDEX IF NOT EXISTS mentions_entity ON mentions(entity);

CREATE TABLE IF NOT EXISTS roles (
    id INTEGER PRIMARY KEY,
    article TEXT NOT NULL REFERENCES articles(id),
    entity TEXT NOT NULL REFERENCES entities(id),
    role TEXT NOT NULL,
    surface TEXT,
    pattern TEXT,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    evidence TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS roles_entity ON roles(entity);

CREATE TABLE IF NOT EXISTS quotes (
    id TEXT PRIMARY KEY,
    article TEXT NOT NULL REFERENCES articles(id),
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    kind TEXT NOT NULL,               -- direct | indirect | mixed
    cue TEXT,
    speaker TEXT,                     -- as written
    speaker_start INTEGER,
    speaker_end INTEGER,
    speaker_entity TEXT REFERENCES entities(id),  -- the speaker's entity (exports give its canonical name)
    confidence REAL NOT NULL,
    evidence TEXT NOT NULL,
    cue_start INTEGER,                -- the cue as written ("said", "according to")
    cue_end INTEGER,
    speaker_kind TEXT                 -- person | organisation | document | unnamed
);
CREATE INDEX IF NOT EXISTS quotes_article ON quotes(article);
CREATE INDEX IF NOT EXISTS quotes_speaker ON quotes(speaker_entity);

CREATE TABLE IF NOT EXISTS citations (
    id TEXT PRIMARY KEY,
    article TEXT NOT NULL REFERENCES articles(id),
    cited TEXT NOT NULL,
    kind TEXT NOT NULL,               -- outlet | person | document | organisation
    relation TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    evidence TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS citations_article ON citations(article);

CREATE TABLE IF NOT EXISTS events (
    id TEXT PRIMARY KEY,
    article TEXT NOT NULL REFERENCES articles(id),
    actor TEXT,
    cameo TEXT NOT NULL,
    action TEXT NOT NULL,
    target TEXT,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    evidence TEXT NOT NULL,
    date TEXT,
    modality TEXT NOT NULL,
    actor_text TEXT,
    actor_code TEXT,
    target_text TEXT,
    target_code TEXT,
    root TEXT,
    quad_class INTEGER,
    goldstein REAL,
    plover TEXT
);
CREATE INDEX IF NOT EXISTS events_article ON events(article);
CREATE INDEX IF NOT EXISTS events_cameo ON events(cameo);

CREATE TABLE IF NOT EXISTS flags (
    id TEXT PRIMARY KEY,
    article TEXT NOT NULL REFERENCES articles(id),
    kind TEXT NOT NULL,
    mention TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    explanation TEXT NOT NULL,
    evidence TEXT NOT NULL,
    confidence REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS flags_article ON flags(article);

CREATE TABLE IF NOT EXISTS stories (
    id TEXT PRIMARY KEY,
    title TEXT,
    first_published TEXT,
    last_published TEXT,
    size INTEGER NOT NULL DEFAULT 0,
    key_entities TEXT NOT NULL DEFAULT '[]',  -- JSON list
    updated_at TEXT NOT NULL
);

-- Internal state of incremental corpus steps (e.g. the story index), as opaque blobs.
CREATE TABLE IF NOT EXISTS corpus_state (
    name TEXT PRIMARY KEY,
    value BLOB NOT NULL,
    updated_at TEXT NOT NULL
);

-- One row per input that could not be read or processed, so a run can be audited.
CREATE TABLE IF NOT EXISTS failures (
    origin TEXT PRIMARY KEY,
    reason TEXT NOT NULL,
    at TEXT NOT NULL
);

-- Story clustering index (newsgraph.corpus.story_store), so update_stories attaches new
-- articles without recomputing the corpus. Derived data: safe to drop and rebuild.
-- Its story columns declare no foreign key on purpose: centroids are written before the
-- stories rows of the same update, and postings of merged-away stories are kept until
-- newer postings push them out (look-ups skip them).
CREATE TABLE IF NOT EXISTS story_terms (
    term TEXT PRIMARY KEY,            -- stemmed word, or "@" + entity name key
    df INTEGER NOT NULL               -- how many clustered articles contain it
);

CREATE TABLE IF NOT EXISTS story_centroids (
    story TEXT PRIMARY KEY,           -- stories.id
    terms TEXT NOT NULL,              -- JSON {term: weight}: sum of members' TF-IDF unit vectors (top terms)
    embedding BLOB,                   -- float32 sum of members' sentence embeddings, if any
    size INTEGER NOT NULL,            -- members that shaped the centroid (copies excluded)
    first_day REAL,                   -- proleptic ordinal day of the earliest dated member
    last_day REAL,
    rep_score REAL                    -- how central the article giving stories.title is
);

CREATE TABLE IF NOT EXISTS story_postings (
    term TEXT NOT NULL,               -- one of a story's strongest terms
    story TEXT NOT NULL,
    seq INTEGER NOT NULL,             -- when it was posted: each list keeps its most recent stories
    PRIMARY KEY (term, story)
);

-- Near-duplicate index (newsgraph.corpus.dedup): MinHash LSH bands of cleaned bodies.
CREATE TABLE IF NOT EXISTS article_minhash (
    article TEXT PRIMARY KEY REFERENCES articles(id),
    signature BLOB NOT NULL           -- uint32 MinHash values of the body's word 3-shingles
);

CREATE TABLE IF NOT EXISTS minhash_bands (
    key INTEGER NOT NULL,             -- hash of one LSH band of the signature
    article TEXT NOT NULL REFERENCES articles(id),
    PRIMARY KEY (key, article)
);

-- One sentence embedding per article for story clustering (newsgraph.corpus.story_embeddings),
-- computed at ingest by the parallel workers. Per-article data, not story state: resetting
-- stories keeps it. A vector whose model differs from the current one is recomputed.
CREATE TABLE IF NOT EXISTS article_embeddings (
    article TEXT PRIMARY KEY REFERENCES articles(id),
    model TEXT NOT NULL,              -- model and text recipe that made it
    vector BLOB NOT NULL              -- unit-length float16, little-endian (384 dims: 768 bytes)
);

-- Documents whose lines are in the boilerplate counts (corpus_state 'boilerplate_lines'), so
-- a run killed before storing them does not count them again when it is run again.
CREATE TABLE IF NOT EXISTS boilerplate_counted (
    document TEXT PRIMARY KEY         -- content id of a plain-text input
);

-- Views for the common questions, for Datasette and sqlite3 users (plain joins: portable).
-- Who said what, where: each quote with its speaker's name and its article's title and outlet.
CREATE VIEW IF NOT EXISTS quote_details AS
SELECT q.id, q.article, a.title AS article_title, a.outlet, a.published, a.story,
       q.speaker, e.name AS speaker_name, q.speaker_entity, q.kind, q.cue, q.text, q.confidence, q.evidence
FROM quotes q
JOIN articles a ON a.id = q.article
LEFT JOIN entities e ON e.id = q.speaker_entity;

-- Which outlets carry each story: one row per story and outlet, with its articles and dates.
CREATE VIEW IF NOT EXISTS story_outlets AS
SELECT s.id AS story, s.title, a.outlet, COUNT(*) AS articles,
       MIN(a.published) AS first_published, MAX(a.published) AS last_published
FROM stories s
JOIN articles a ON a.story = s.id
GROUP BY s.id, s.title, a.outlet;
