-- Issue 18: what the browse pages read, so a listing never reads every statement or every
-- article's text (n_statements is stored after it).
CREATE INDEX articles_outlet ON articles (outlet COLLATE NOCASE, published, n_statements);
CREATE INDEX articles_n_statements ON articles (n_statements);
CREATE INDEX articles_title ON articles (title COLLATE NOCASE);
CREATE INDEX statements_speaker_article ON statements (speaker_id, article_id);

-- Per canonical speaker: statements, articles, first and last statement date. Kept exact by
-- the triggers below on every insert, delete and change of a statement's speaker, article or
-- date, whoever writes (ingest, merges of speakers, corrections). Dates are the statements'
-- own, which the extractor sets whenever the article has one.
CREATE TABLE speaker_stats (
    speaker_id TEXT PRIMARY KEY,
    n_statements INTEGER NOT NULL,
    n_articles INTEGER NOT NULL,
    first_date TEXT,
    last_date TEXT
) WITHOUT ROWID;
CREATE INDEX speaker_stats_n_statements ON speaker_stats (n_statements);
CREATE INDEX speaker_stats_n_articles ON speaker_stats (n_articles);
CREATE INDEX speaker_stats_first_date ON speaker_stats (first_date);
CREATE INDEX speaker_stats_last_date ON speaker_stats (last_date);
INSERT INTO speaker_stats (speaker_id, n_statements, n_articles, first_date, last_date)
SELECT speaker_id, count(*), count(DISTINCT article_id), min(date), max(date)
FROM statements WHERE speaker_id IS NOT NULL GROUP BY speaker_id;

CREATE TRIGGER speaker_stats_ai AFTER INSERT ON statements WHEN new.speaker_id IS NOT NULL BEGIN
    INSERT INTO speaker_stats (speaker_id, n_statements, n_articles, first_date, last_date)
    VALUES (new.speaker_id, 1, 1, new.date, new.date)
    ON CONFLICT (speaker_id) DO UPDATE SET
        n_statements = n_statements + 1,
        n_articles = n_articles + NOT EXISTS (SELECT 1 FROM statements WHERE speaker_id = new.speaker_id
                                              AND article_id = new.article_id AND seq != new.seq),
        first_date = CASE WHEN first_date IS NULL OR new.date < first_date THEN coalesce(new.date, first_date)
                     ELSE first_date END,
        last_date = CASE WHEN last_date IS NULL OR new.date > last_date THEN coalesce(new.date, last_date)
                    ELSE last_date END;
END;

CREATE TRIGGER speaker_stats_ad AFTER DELETE ON statements WHEN old.speaker_id IS NOT NULL BEGIN
    UPDATE speaker_stats SET
        n_statements = n_statements - 1,
        n_articles = n_articles - NOT EXISTS (SELECT 1 FROM statements WHERE speaker_id = old.speaker_id
                                              AND article_id = old.article_id),
        first_date = (SELECT min(date) FROM statements WHERE speaker_id = old.speaker_id),
        last_date = (SELECT max(date) FROM statements WHERE speaker_id = old.speaker_id)
    WHERE speaker_id = old.speaker_id;
    DELETE FROM speaker_stats WHERE speaker_id = old.speaker_id AND n_statements <= 0;
END;

-- A change is the old row leaving its speaker and the new row joining one (maybe the same).
CREATE TRIGGER speaker_stats_au AFTER UPDATE OF speaker_id, article_id, date ON statements
WHEN old.speaker_id IS NOT new.speaker_id OR old.article_id IS NOT new.article_id OR old.date IS NOT new.date
BEGIN
    UPDATE speaker_stats SET
        n_statements = n_statements - 1,
        n_articles = n_articles - NOT EXISTS (SELECT 1 FROM statements WHERE speaker_id = old.speaker_id
                                              AND article_id = old.article_id AND seq != old.seq),
        first_date = (SELECT min(date) FROM statements WHERE speaker_id = old.speaker_id AND seq != old.seq),
        last_date = (SELECT max(date) FROM statements WHERE speaker_id = old.speaker_id AND seq != old.seq)
    WHERE speaker_id = old.speaker_id;
    DELETE FROM speaker_stats WHERE speaker_id = old.speaker_id AND n_statements <= 0;
    INSERT INTO speaker_stats (speaker_id, n_statements, n_articles, first_date, last_date)
    SELECT new.speaker_id, 1, 1, new.date, new.date WHERE new.speaker_id IS NOT NULL
    ON CONFLICT (speaker_id) DO UPDATE SET
        n_statements = n_statements + 1,
        n_articles = n_articles + NOT EXISTS (SELECT 1 FROM statements WHERE speaker_id = new.speaker_id
                                              AND article_id = new.article_id AND seq != new.seq),
        first_date = CASE WHEN first_date IS NULL OR new.date < first_date THEN coalesce(new.date, first_date)
                     ELSE first_date END,
        last_date = CASE WHEN last_date IS NULL OR new.date > last_date THEN coalesce(new.date, last_date)
                    ELSE last_date END;
END;

-- Speakers listed by name (speaker names are short; the index costs little).
CREATE INDEX speakers_name ON speakers (name COLLATE NOCASE);
