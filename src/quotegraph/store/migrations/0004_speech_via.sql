-- Issue 14: whether a statement is speech (said or written) or a thought, belief, wish, feeling
-- or finding; and how its speaker name was reached from the mention (types.SPEAKER_VIA). `via`
-- belongs to this statement's resolution, not to the canonical speaker, so it lives here.
-- Rows stored before this migration were all treated as speech.
ALTER TABLE statements ADD COLUMN speech INTEGER NOT NULL DEFAULT 1;
ALTER TABLE statements ADD COLUMN speaker_via TEXT;
-- The few statements that are not speech, so a text search shown as "speech only" is counted
-- from the full-text index minus these, not by reading every hit's row.
CREATE INDEX statements_nonspeech ON statements (seq) WHERE speech = 0;
