-- attache store, schema version 4: re-coding stored articles with a newer coder.
-- `attache recode` replaces an article's coded rows (sentences, mentions, events and
-- the ledger facts read from it) only after copying them here, so what an earlier
-- coder said is never lost (docs/store.md).

ALTER TABLE articles ADD COLUMN coder TEXT;  -- coder that wrote the current rows; NULL before v4

CREATE TABLE superseded_codings (
    n             INTEGER PRIMARY KEY,       -- order of supersession
    article_id    TEXT NOT NULL REFERENCES articles(id),
    coder         TEXT,                      -- coder of the superseded rows (NULL: before v4)
    superseded_at TEXT NOT NULL,             -- UTC, RFC 3339
    superseded_by TEXT NOT NULL,             -- coder of the rows that replaced them
    rows          TEXT NOT NULL              -- JSON: {"sentences": [...], "mentions": [...], "events": [...],
                                             --  "representation_changes": [...], "recognition_facts": [...]},
                                             -- every row as a column → value object
);
CREATE INDEX superseded_article ON superseded_codings(article_id);
