-- Full-text search (SQLite FTS5): one index over articles, one over quotes.
-- SQLite only; the schema in schema.sql stays portable.
--
-- Each index is an external-content table (content="articles", content_rowid="rowid"):
-- it keeps only the index and reads the text from the record table, so nothing is stored
-- twice. Datasette detects this form and shows its search box on the record table.
-- The triggers keep each index in step with its table on every insert, update and delete
-- (connect() turns on recursive_triggers so INSERT OR REPLACE fires the delete trigger).
-- The record tables have no INTEGER PRIMARY KEY, so a VACUUM may renumber their rowids:
-- rebuild the indexes after one (newsgraph.store.sqlite.rebuild_search).

CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5(
    title, lead, body,
    content="articles", content_rowid="rowid",
    tokenize="porter unicode61 remove_diacritics 2"
);

CREATE TRIGGER IF NOT EXISTS articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts (rowid, title, lead, body) VALUES (new.rowid, new.title, new.lead, new.body);
END;

CREATE TRIGGER IF NOT EXISTS articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, lead, body)
    VALUES ('delete', old.rowid, old.title, old.lead, old.body);
END;

CREATE TRIGGER IF NOT EXISTS articles_fts_update AFTER UPDATE OF title, lead, body ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, lead, body)
    VALUES ('delete', old.rowid, old.title, old.lead, old.body);
    INSERT INTO articles_fts (rowid, title, lead, body) VALUES (new.rowid, new.title, new.lead, new.body);
END;

CREATE VIRTUAL TABLE IF NOT EXISTS quotes_fts USING fts5(
    text, speaker,
    content="quotes", content_rowid="rowid",
    tokenize="porter unicode61 remove_diacritics 2"
);

CREATE TRIGGER IF NOT EXISTS quotes_fts_insert AFTER INSERT ON quotes BEGIN
    INSERT INTO quotes_fts (rowid, text, speaker) VALUES (new.rowid, new.text, new.speaker);
END;

CREATE TRIGGER IF NOT EXISTS quotes_fts_delete AFTER DELETE ON quotes BEGIN
    INSERT INTO quotes_fts (quotes_fts, rowid, text, speaker) VALUES ('delete', old.rowid, old.text, old.speaker);
END;

CREATE TRIGGER IF NOT EXISTS quotes_fts_update AFTER UPDATE OF text, speaker ON quotes BEGIN
    INSERT INTO quotes_fts (quotes_fts, rowid, text, speaker) VALUES ('delete', old.rowid, old.text, old.speaker);
    INSERT INTO quotes_fts (rowid, text, speaker) VALUES (new.rowid, new.text, new.speaker);
END;
