-- Issue 7: the speech act of each statement, its target and two flags (docs/acts.md).
-- `target` is the mention as written; target_name/target_type the resolved entity.
ALTER TABLE statements ADD COLUMN act TEXT;
ALTER TABLE statements ADD COLUMN act_confidence REAL;
ALTER TABLE statements ADD COLUMN target TEXT;
ALTER TABLE statements ADD COLUMN target_name TEXT;
ALTER TABLE statements ADD COLUMN target_type TEXT;
ALTER TABLE statements ADD COLUMN negated INTEGER NOT NULL DEFAULT 0;
ALTER TABLE statements ADD COLUMN conditional INTEGER NOT NULL DEFAULT 0;
CREATE INDEX statements_act ON statements (act, speaker_id);
