-- attache store, schema version 2: the relations ledger.
-- Representation changes and recognition facts from news, curated by an analyst, or
-- imported from COW Diplomatic Exchange; retractions (nothing is ever deleted).

CREATE TABLE representation_changes (
    id                TEXT PRIMARY KEY,    -- '{article}-{sentence}-rep{n}', 'cur-{n}', 'cow-{version}-{sender}-{receiver}-{year}'
    origin            TEXT NOT NULL CHECK (origin IN ('news', 'curated', 'cow')),
    sender            TEXT NOT NULL,       -- ISO alpha-3
    receiver          TEXT NOT NULL,
    from_level        TEXT,                -- RepLevel name, when reported
    to_level          TEXT NOT NULL,
    action            TEXT NOT NULL,
    effective         TEXT,                -- first day of the effective date, YYYY-MM-DD
    precision         TEXT,                -- day | month | year
    date_from_article INTEGER NOT NULL DEFAULT 0, -- 1: no date in the text, publication date used
    article_id        TEXT REFERENCES articles(id),
    sentence          INTEGER,
    evidence          TEXT,                -- JSON Evidence
    confidence        REAL NOT NULL,
    source            TEXT,                -- curated: URL or reference; cow: 'COW DE v…'
    note              TEXT,
    recorded_at       TEXT NOT NULL
);
CREATE INDEX rep_dyad ON representation_changes(sender, receiver);
CREATE INDEX rep_receiver ON representation_changes(receiver);
CREATE INDEX rep_effective ON representation_changes(effective);
CREATE INDEX rep_article ON representation_changes(article_id);

CREATE TABLE recognition_facts (
    id                TEXT PRIMARY KEY,    -- '{article}-{sentence}-rec{n}', 'cur-{n}'
    origin            TEXT NOT NULL CHECK (origin IN ('news', 'curated', 'cow')),
    recognizer        TEXT NOT NULL,
    government        TEXT NOT NULL,
    governed_state    TEXT NOT NULL,
    kind              TEXT NOT NULL,
    effective         TEXT,
    precision         TEXT,
    date_from_article INTEGER NOT NULL DEFAULT 0,
    article_id        TEXT REFERENCES articles(id),
    sentence          INTEGER,
    evidence          TEXT,
    confidence        REAL NOT NULL,
    source            TEXT,
    note              TEXT,
    recorded_at       TEXT NOT NULL
);
CREATE INDEX rec_recognizer ON recognition_facts(recognizer);
CREATE INDEX rec_governed ON recognition_facts(governed_state);
CREATE INDEX rec_article ON recognition_facts(article_id);

CREATE TABLE retractions (
    change_id    TEXT PRIMARY KEY,         -- id in representation_changes or recognition_facts
    reason       TEXT NOT NULL,
    retracted_at TEXT NOT NULL
);
