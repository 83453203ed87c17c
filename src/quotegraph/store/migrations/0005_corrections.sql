-- Issue 18: corrections a person made to a statement (`quotegraph correct`, or the web form
-- under `serve --allow-edits`). They live apart from what the extractor wrote, so a re-ingest or
-- a re-extraction never loses them: after every article is stored, the corrections of that
-- article (found by `source_key`) are applied again to the statement with the same id, else the
-- same content offsets, else the same quoted words (store/corrections.py).
CREATE TABLE corrections (
    id INTEGER PRIMARY KEY,
    statement_id TEXT NOT NULL,          -- the statement it was last applied to
    article_id TEXT NOT NULL,            -- that statement's article version
    source_key TEXT NOT NULL,            -- articles.source_key: every version of the article
    content_spans TEXT NOT NULL,         -- JSON [[start, end], ...] into that version's text
    content TEXT NOT NULL,               -- the statement's words, to find it in a changed version
    field TEXT NOT NULL CHECK (field IN ('speaker', 'not_a_statement', 'act')),
    value TEXT,                          -- the speaker name or the act; NULL for not_a_statement
    was TEXT NOT NULL,                   -- JSON: what the extractor had (the whole row if removed)
    note TEXT,
    origin TEXT NOT NULL,                -- 'cli' or 'web'
    created_at TEXT NOT NULL,
    applied INTEGER NOT NULL DEFAULT 1,  -- 0 while no stored statement matches it
    UNIQUE (statement_id, field)
);
CREATE INDEX corrections_source_key ON corrections (source_key);
-- Which fields of a statement a correction changed (comma-separated), for display and export.
ALTER TABLE statements ADD COLUMN corrected TEXT;
