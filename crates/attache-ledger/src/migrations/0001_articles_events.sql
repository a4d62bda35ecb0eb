-- attache store, schema version 1: articles, their sentences, mentions and events.
-- Applied inside one transaction by attache-ledger (see docs/store.md).

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE articles (
    id          TEXT PRIMARY KEY,          -- ArticleId: hash of the normalised text
    origin      TEXT NOT NULL,             -- path, path:line, '-' for stdin
    external_id TEXT,
    url         TEXT,
    title       TEXT,
    source      TEXT,
    published   TEXT,                      -- YYYY-MM-DD or NULL (never invented)
    dateline    TEXT,
    language    TEXT,
    text        TEXT NOT NULL,
    metadata    TEXT NOT NULL DEFAULT '{}', -- JSON object of unknown input fields
    ingested_at TEXT NOT NULL              -- UTC, RFC 3339
);
CREATE INDEX articles_published ON articles(published);

CREATE TABLE sentences (
    article_id TEXT NOT NULL REFERENCES articles(id),
    idx        INTEGER NOT NULL,
    start      INTEGER NOT NULL,           -- character offsets into articles.text
    "end"      INTEGER NOT NULL,
    PRIMARY KEY (article_id, idx)
) WITHOUT ROWID;

CREATE TABLE mentions (
    article_id  TEXT NOT NULL REFERENCES articles(id),
    n           INTEGER NOT NULL,          -- position in CodedArticle.mentions
    sentence    INTEGER NOT NULL,
    start       INTEGER NOT NULL,
    "end"       INTEGER NOT NULL,
    text        TEXT NOT NULL,
    kind        TEXT NOT NULL,
    code        TEXT NOT NULL,
    country     TEXT,
    sector      TEXT,
    actor_id    TEXT,
    resolved_by TEXT NOT NULL,
    PRIMARY KEY (article_id, n)
) WITHOUT ROWID;
CREATE INDEX mentions_code ON mentions(code);

CREATE TABLE events (
    article_id     TEXT NOT NULL REFERENCES articles(id),
    n              INTEGER NOT NULL,       -- position in CodedArticle.events
    id             TEXT NOT NULL,          -- Event.id
    sentence       INTEGER NOT NULL,
    date           TEXT,                   -- Event.date as coded (YYYY, YYYY-MM, YYYY-MM-DD)
    day            TEXT,                   -- first day of Event.date, else article published
    source_code    TEXT,
    source_country TEXT,
    target_code    TEXT,
    target_country TEXT,
    cameo          TEXT NOT NULL,
    cameo_root     TEXT NOT NULL,
    quad_class     INTEGER NOT NULL,
    goldstein      REAL NOT NULL,
    negated        INTEGER NOT NULL,
    modality       TEXT NOT NULL,
    confidence     REAL NOT NULL,
    json           TEXT NOT NULL,          -- the full Event (docs/event-json.md)
    PRIMARY KEY (article_id, n)
);
CREATE INDEX events_id ON events(id);
CREATE INDEX events_day ON events(day);
CREATE INDEX events_source ON events(source_country, day);
CREATE INDEX events_target ON events(target_country, day);
CREATE INDEX events_cameo ON events(cameo);
