-- The statement store. Table and column names are meant to read well in Datasette / sqlite-utils.

-- One row per stored article. `id` is the content hash of (url, text); `source_key` (url, else
-- source path) is how a changed version of the same article finds and replaces the old one.
CREATE TABLE articles (
    id TEXT PRIMARY KEY,
    source_key TEXT NOT NULL,
    source TEXT,
    url TEXT,
    title TEXT,
    published TEXT,
    outlet TEXT,
    text TEXT NOT NULL,
    n_statements INTEGER NOT NULL DEFAULT 0,
    ingested_at TEXT NOT NULL
);
CREATE INDEX articles_source_key ON articles (source_key);
CREATE INDEX articles_published ON articles (published);

-- Canonical speakers. `key` is the normalised identity (see store/speakers.py); persons also
-- carry surname/given keys so other articles' mentions can find them. `article_id` is set only
-- for a bare surname that was ambiguous within its article (two Smiths): it stays on its own.
CREATE TABLE speakers (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    type TEXT NOT NULL DEFAULT 'unknown',
    key TEXT NOT NULL UNIQUE,
    surname_key TEXT,
    given_key TEXT,
    article_id TEXT REFERENCES articles (id) ON DELETE CASCADE
);
CREATE INDEX speakers_surname_key ON speakers (surname_key);
CREATE INDEX speakers_article_id ON speakers (article_id);

-- Every surface form a speaker was written as ("Deputy Foreign Minister Sergey Ryabkov").
CREATE TABLE speaker_aliases (
    speaker_id TEXT NOT NULL REFERENCES speakers (id) ON DELETE CASCADE,
    alias TEXT NOT NULL,
    PRIMARY KEY (speaker_id, alias)
) WITHOUT ROWID;
CREATE INDEX speaker_aliases_alias ON speaker_aliases (alias COLLATE NOCASE);

-- Groups of statements that quote the same words (store/clusters.py); only groups of 2 or more.
-- The summary columns are refreshed at the end of each ingest (`stale` = 1 until then), so a
-- widely carried quote does not cost a scan of its members for every new copy.
CREATE TABLE clusters (
    id TEXT PRIMARY KEY,
    representative TEXT NOT NULL,
    n_statements INTEGER NOT NULL,
    n_articles INTEGER NOT NULL,
    n_outlets INTEGER NOT NULL,
    first_date TEXT,
    last_date TEXT,
    stale INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX clusters_stale ON clusters (stale) WHERE stale = 1;

-- One row per statement. `seq` is a stable integer key for the FTS index; `id` is the
-- extractor's content hash. Offsets (JSON in `spans`) index articles.text; the text columns are
-- copies for reading and searching.
CREATE TABLE statements (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    kind TEXT NOT NULL,
    content TEXT NOT NULL,
    cue TEXT,
    source TEXT,
    speaker TEXT,
    speaker_id TEXT REFERENCES speakers (id),
    speaker_type TEXT,
    title TEXT,
    affiliation TEXT,
    addressee TEXT,
    venue TEXT,
    date TEXT,
    date_text TEXT,
    confidence REAL NOT NULL DEFAULT 0,
    cluster_id TEXT REFERENCES clusters (id) ON DELETE SET NULL,
    spans TEXT NOT NULL
);
CREATE INDEX statements_article_id ON statements (article_id, position);
CREATE INDEX statements_speaker_id ON statements (speaker_id, date);
CREATE INDEX statements_cluster_id ON statements (cluster_id);

-- MinHash LSH band keys (band index mixed in), so new statements find near-duplicates by index.
CREATE TABLE cluster_bands (
    key INTEGER NOT NULL,
    seq INTEGER NOT NULL,
    PRIMARY KEY (key, seq)
) WITHOUT ROWID;

-- Inputs that could not be stored, with the reason; cleared when the source later succeeds.
CREATE TABLE errors (
    id INTEGER PRIMARY KEY,
    source TEXT NOT NULL,
    reason TEXT NOT NULL,
    seen_at TEXT NOT NULL,
    UNIQUE (source, reason)
);

-- Full-text search over statement content and speaker names (as written), kept in sync by triggers.
CREATE VIRTUAL TABLE statements_fts USING fts5 (
    content, speaker,
    content = 'statements', content_rowid = 'seq',
    tokenize = 'porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER statements_ai AFTER INSERT ON statements BEGIN
    INSERT INTO statements_fts (rowid, content, speaker) VALUES (new.seq, new.content, new.speaker);
END;
CREATE TRIGGER statements_ad AFTER DELETE ON statements BEGIN
    INSERT INTO statements_fts (statements_fts, rowid, content, speaker)
    VALUES ('delete', old.seq, old.content, old.speaker);
END;
CREATE TRIGGER statements_au AFTER UPDATE OF content, speaker ON statements BEGIN
    INSERT INTO statements_fts (statements_fts, rowid, content, speaker)
    VALUES ('delete', old.seq, old.content, old.speaker);
    INSERT INTO statements_fts (rowid, content, speaker) VALUES (new.seq, new.content, new.speaker);
END;
