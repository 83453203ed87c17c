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
-- `person_key` is the store's name key (store/speakers.py), so one person is one row per article
-- ('speaker|' and the speaker id for rows made by this migration from older stores).
-- `gender`, `gender_evidence`: what this article's text says of them. `speaker_id`: the
-- canonical speaker when the article quotes them, and `speaker_gender` that speaker's store-wide
-- gender (kept in step by store/people.refresh_gender). `n_speech`, `n_statements`: their
-- statements in the article (speech, and all; anonymous ones left out), kept by
-- store/people.recount whenever the article's statements change (ingest, corrections).
-- The article's outlet and date are copied here so that `quotegraph stats` and /sources read
-- this table through one covering index, never joining statements, articles or speakers.
CREATE TABLE article_people (
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    person_key TEXT NOT NULL,
    name TEXT NOT NULL,
    outlet TEXT,
    published TEXT,
    speaker_id TEXT REFERENCES speakers (id) ON DELETE SET NULL,
    gender TEXT,
    gender_evidence TEXT,
    speaker_gender TEXT,
    n_speech INTEGER NOT NULL DEFAULT 0,
    n_statements INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (article_id, person_key)
) WITHOUT ROWID;
-- By speaker (gender refresh, merges, and the most quoted people, ranked in this order).
CREATE INDEX article_people_speaker ON article_people (speaker_id, outlet, published, n_speech, n_statements,
                                                       speaker_gender);
CREATE INDEX article_people_outlet ON article_people (outlet, published, n_speech, n_statements, speaker_gender, speaker_id);
CREATE INDEX article_people_published ON article_people (published, outlet, n_speech, n_statements, speaker_gender, speaker_id);

-- Per article: its statements by kind of speaker, speech only (s_) and all (a_), with the
-- article's outlet and date, so the figures per outlet and month are a scan of this small
-- table (store/sources.py). Kept by store/people.recount as above.
CREATE TABLE article_sources (
    article_id TEXT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    outlet TEXT,
    published TEXT,
    s_statements INTEGER NOT NULL, s_anonymous INTEGER NOT NULL, s_person INTEGER NOT NULL,
    s_organization INTEGER NOT NULL, s_country INTEGER NOT NULL,
    a_statements INTEGER NOT NULL, a_anonymous INTEGER NOT NULL, a_person INTEGER NOT NULL,
    a_organization INTEGER NOT NULL, a_country INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX article_sources_published ON article_sources (published);

-- Older stores: every article's counts, and every quoted person as a person of the article.
INSERT INTO article_sources
SELECT a.id, a.outlet, a.published,
       coalesce(sum(s.speech = 1), 0), 0, coalesce(sum(s.speech = 1 AND s.speaker_type = 'person'), 0),
       coalesce(sum(s.speech = 1 AND s.speaker_type = 'organization'), 0),
       coalesce(sum(s.speech = 1 AND s.speaker_type = 'country'), 0),
       count(s.seq), 0, coalesce(sum(s.speaker_type = 'person'), 0),
       coalesce(sum(s.speaker_type = 'organization'), 0), coalesce(sum(s.speaker_type = 'country'), 0)
FROM articles a LEFT JOIN statements s ON s.article_id = a.id GROUP BY a.id;
INSERT INTO article_people (article_id, person_key, name, outlet, published, speaker_id, n_speech, n_statements)
SELECT s.article_id, 'speaker|' || s.speaker_id, sp.name, a.outlet, a.published, s.speaker_id, sum(s.speech), count(*)
FROM statements s JOIN speakers sp ON sp.id = s.speaker_id JOIN articles a ON a.id = s.article_id
WHERE sp.type = 'person' GROUP BY s.article_id, s.speaker_id;
