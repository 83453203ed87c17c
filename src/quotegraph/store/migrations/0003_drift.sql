-- Issue 16: quote drift (store/drift.py, docs/drift.md). Each cluster's versions aligned word by
-- word against its fullest version. Derived data: recomputed whenever a cluster's membership
-- changes, so the triggers below drop a cluster's rows as soon as a member joins or leaves, and
-- the end of each ingest (or `quotegraph drift`) computes the clusters that have none.
CREATE TABLE cluster_drift (
    cluster_id TEXT PRIMARY KEY REFERENCES clusters (id) ON DELETE CASCADE,
    score REAL NOT NULL,
    reason TEXT NOT NULL,
    labels TEXT NOT NULL,               -- JSON {label: number of versions}
    negation_changed INTEGER NOT NULL,
    numbers_changed INTEGER NOT NULL,
    n_versions INTEGER NOT NULL,
    n_drifted INTEGER NOT NULL,          -- versions with a score above 0
    n_outlets INTEGER NOT NULL,
    origin_seq INTEGER,
    reference_seq INTEGER,
    first_published TEXT,
    version INTEGER NOT NULL             -- drift.VERSION that computed it
);
CREATE INDEX cluster_drift_score ON cluster_drift (score DESC, cluster_id);

-- One row per version (statement) of an analysed cluster.
CREATE TABLE statement_drift (
    seq INTEGER PRIMARY KEY REFERENCES statements (seq) ON DELETE CASCADE,
    cluster_id TEXT NOT NULL REFERENCES clusters (id) ON DELETE CASCADE,
    origin INTEGER NOT NULL,
    reference INTEGER NOT NULL,
    labels TEXT NOT NULL,                -- JSON list, in the order of align.LABELS
    negation_changed INTEGER NOT NULL,
    numbers_changed INTEGER NOT NULL,
    score REAL NOT NULL,
    reason TEXT NOT NULL
);
CREATE INDEX statement_drift_cluster ON statement_drift (cluster_id, score);

CREATE TRIGGER drift_member_moved AFTER UPDATE OF cluster_id ON statements
WHEN old.cluster_id IS NOT new.cluster_id BEGIN
    DELETE FROM cluster_drift WHERE cluster_id = old.cluster_id OR cluster_id = new.cluster_id;
    DELETE FROM statement_drift WHERE seq = old.seq;
END;
CREATE TRIGGER drift_member_deleted AFTER DELETE ON statements
WHEN old.cluster_id IS NOT NULL BEGIN
    DELETE FROM cluster_drift WHERE cluster_id = old.cluster_id;
END;
