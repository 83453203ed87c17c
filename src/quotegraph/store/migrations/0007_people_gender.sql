-- Issue 17: who gets quoted. A speaker's gender as the text states it (docs/sources.md), whether
-- a statement rests on an unnamed source, and every person an article names, quoted or not.
-- Rows stored before this migration read as: gender unknown, not anonymous, no people listed
-- (re-ingesting the articles fills them in).

-- What this statement's article says of its speaker: female, male or NULL, and the evidence
-- (pronoun, honorific, role, name-list, contradiction). Set by the extractor, per article.
ALTER TABLE statements ADD COLUMN speaker_gender TEXT;
ALTER TABLE statements ADD COLUMN speaker_gender_evidence TEXT;
ALTER TABLE statements ADD COLUMN anonymous INTEGER NOT NULL DEFAULT 0;

-- The store-wide gender of a canonical speaker, from every article that names them
-- (store/people.py: the text's evidence first, the name list only where no text says).
ALTER TABLE speakers ADD COLUMN gender TEXT;
ALTER TABLE speakers ADD COLUMN gender_evidence TEXT;

-- One row per person an article names (bylines and photo credits left out), quoted or not.
-- `person_key` is the store's name key (store/speakers.py), so one person is one row per article.
-- `speaker_id` is the canonical speaker when the article quotes them; whether they are quoted is
-- read from the statements (so corrections and the speech filter count), never stored twice.
CREATE TABLE article_people (
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    person_key TEXT NOT NULL,
    name TEXT NOT NULL,
    speaker_id TEXT REFERENCES speakers (id) ON DELETE SET NULL,
    gender TEXT,
    gender_evidence TEXT,
    PRIMARY KEY (article_id, person_key)
) WITHOUT ROWID;
CREATE INDEX article_people_speaker ON article_people (speaker_id, article_id);

-- What `quotegraph stats` and /sources read: a statement's speech, source and speaker columns
-- by article, without reading the table's rows.
CREATE INDEX statements_sources ON statements (article_id, speech, anonymous, speaker_type, speaker_id);
