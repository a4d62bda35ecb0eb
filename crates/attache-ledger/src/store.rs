//! The embedded store: one SQLite file holding articles, what was coded from them, and
//! the ledger.
//!
//! Why SQLite and why built this way:
//! * one file a user can copy, with transactions: everything one article produces is
//!   written in **one transaction**, so a killed process leaves whole articles or
//!   nothing (WAL mode, `synchronous=NORMAL`: a commit survives a process crash);
//! * a file that is not ours is never touched: [`Store::open`] first reads the 100-byte
//!   SQLite header with plain file I/O (magic and `application_id`), then inspects the
//!   schema on a **read-only** connection, and only then opens for writing. A foreign,
//!   corrupt or newer file is refused before any pragma or table is written to it;
//! * the schema is versioned (`meta.schema_version`, mirrored in `PRAGMA user_version`)
//!   and migrated forward in one transaction; the SQL lives in `src/migrations/`.

use crate::dates::{key_of, now_utc, precision_name};
use crate::error::{Result, StoreError};
use attache_core::{Article, ArticleId, CodedArticle, Event, FuzzyDate};
use rusqlite::{params, Connection, OpenFlags, OptionalExtension};
use serde::Serialize;
use std::io::Read;
use std::path::{Path, PathBuf};

/// `PRAGMA application_id` of every attache store: "ATTC".
pub const APPLICATION_ID: u32 = 0x4154_5443;

/// Schema version this build writes and reads.
pub const SCHEMA_VERSION: u32 = 3;

/// Migrations by the version they bring the schema to, in order.
pub(crate) const MIGRATIONS: &[(u32, &str)] = &[
    (1, include_str!("migrations/0001_articles_events.sql")),
    (2, include_str!("migrations/0002_ledger.sql")),
    (3, include_str!("migrations/0003_dyad_index.sql")),
];

/// Whether [`Store::insert_article`] wrote the article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum InsertOutcome {
    New,
    AlreadyPresent,
}

/// Counts of a batch insert.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct BatchSummary {
    pub new: usize,
    pub present: usize,
    pub sentences: usize,
    pub events: usize,
}

/// Counts of rows in a store.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct StoreStats {
    pub articles: u64,
    pub sentences: u64,
    pub mentions: u64,
    pub events: u64,
    pub representation_changes: u64,
    pub recognition_facts: u64,
    pub retractions: u64,
}

/// An open attache store.
pub struct Store {
    pub(crate) conn: Connection,
    pub(crate) path: PathBuf,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store").field("path", &self.path).finish()
    }
}

/// What the header of an existing file says.
enum Header {
    /// 0 bytes: SQLite treats it as a new database.
    Empty,
    Ours,
}

fn read_header(path: &Path) -> Result<Header> {
    let io = |source| StoreError::Io {
        path: path.to_path_buf(),
        source,
    };
    let mut f = std::fs::File::open(path).map_err(io)?;
    let meta = f.metadata().map_err(io)?;
    if meta.is_dir() {
        return Err(io(std::io::Error::new(
            std::io::ErrorKind::IsADirectory,
            "it is a directory",
        )));
    }
    if meta.len() == 0 {
        return Ok(Header::Empty);
    }
    let mut buf = Vec::with_capacity(100);
    f.by_ref().take(100).read_to_end(&mut buf).map_err(io)?;
    if buf.len() < 100 || &buf[..16] != b"SQLite format 3\0" {
        return Err(StoreError::NotSqlite {
            path: path.to_path_buf(),
        });
    }
    let app = u32::from_be_bytes([buf[68], buf[69], buf[70], buf[71]]);
    if app != APPLICATION_ID {
        return Err(StoreError::Foreign {
            path: path.to_path_buf(),
            application_id: app,
        });
    }
    Ok(Header::Ours)
}

impl Store {
    /// Open the store at `path`, creating it when the file is missing or empty.
    ///
    /// An existing file must be an attache store of this or an older schema version
    /// (older ones are migrated in one transaction). Anything else — a file that is not
    /// SQLite, a database of another application, a corrupt store, a newer schema — is
    /// refused with an error naming the file, and the file is left byte-for-byte as it
    /// was.
    pub fn open(path: impl AsRef<Path>) -> Result<Store> {
        let path = path.as_ref().to_path_buf();
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            if !parent.is_dir() {
                return Err(StoreError::Io {
                    path: path.clone(),
                    source: std::io::Error::new(
                        std::io::ErrorKind::NotFound,
                        format!("the folder {} does not exist", parent.display()),
                    ),
                });
            }
        }
        let header = if path.exists() {
            Some(read_header(&path)?)
        } else {
            None
        };
        match header {
            None | Some(Header::Empty) => Store::create(path, SCHEMA_VERSION),
            Some(Header::Ours) => {
                let found = inspect_read_only(&path)?;
                let mut store = Store::open_rw(path, false)?;
                match found {
                    // A store whose creating transaction never committed (the header page
                    // was written but SQLite rolled the rest back): finish creating it.
                    None => store.migrate(0, SCHEMA_VERSION)?,
                    Some(v) if v < SCHEMA_VERSION => store.migrate(v, SCHEMA_VERSION)?,
                    Some(_) => store.set_wal()?,
                }
                Ok(store)
            }
        }
    }

    /// Open an existing store (as [`Store::open`]) but never create one: for commands
    /// that only read, so that a mistyped `--db` path is reported instead of leaving an
    /// empty store behind.
    pub fn open_existing(path: impl AsRef<Path>) -> Result<Store> {
        let p = path.as_ref();
        match std::fs::metadata(p) {
            Ok(m) if m.is_file() && m.len() == 0 => Err(StoreError::Missing {
                path: p.to_path_buf(),
            }),
            Ok(_) => Store::open(p),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Err(StoreError::Missing {
                path: p.to_path_buf(),
            }),
            Err(source) => Err(StoreError::Io {
                path: p.to_path_buf(),
                source,
            }),
        }
    }

    /// Counts of what the store holds.
    pub fn stats(&self) -> Result<StoreStats> {
        let n = |sql: &str| -> Result<u64> {
            self.conn
                .query_row(sql, [], |r| r.get::<_, i64>(0))
                .map(|n| n as u64)
                .map_err(self.sql())
        };
        Ok(StoreStats {
            articles: n("SELECT count(*) FROM articles")?,
            sentences: n("SELECT count(*) FROM sentences")?,
            mentions: n("SELECT count(*) FROM mentions")?,
            events: n("SELECT count(*) FROM events")?,
            representation_changes: n("SELECT count(*) FROM representation_changes")?,
            recognition_facts: n("SELECT count(*) FROM recognition_facts")?,
            retractions: n("SELECT count(*) FROM retractions")?,
        })
    }

    /// Create a new store brought up to `version` (tests create old versions with it).
    pub(crate) fn create(path: PathBuf, version: u32) -> Result<Store> {
        let mut store = Store::open_rw(path, true)?;
        store.migrate(0, version)?;
        Ok(store)
    }

    fn open_rw(path: PathBuf, create: bool) -> Result<Store> {
        let mut flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        if create {
            flags |= OpenFlags::SQLITE_OPEN_CREATE;
        }
        let conn =
            Connection::open_with_flags(&path, flags).map_err(|source| StoreError::Sqlite {
                path: path.clone(),
                source,
            })?;
        conn.busy_timeout(std::time::Duration::from_secs(10))
            .map_err(|source| StoreError::Sqlite {
                path: path.clone(),
                source,
            })?;
        conn.execute_batch("PRAGMA foreign_keys = ON;")
            .map_err(|source| StoreError::Sqlite {
                path: path.clone(),
                source,
            })?;
        conn.set_prepared_statement_cache_capacity(64);
        Ok(Store { conn, path })
    }

    /// Path of the store file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    pub(crate) fn sql(&self) -> impl Fn(rusqlite::Error) -> StoreError + '_ {
        move |source| StoreError::Sqlite {
            path: self.path.clone(),
            source,
        }
    }

    /// Schema version recorded in the store.
    pub fn schema_version(&self) -> Result<u32> {
        let v: String = self
            .conn
            .query_row(
                "SELECT value FROM meta WHERE key = 'schema_version'",
                [],
                |r| r.get(0),
            )
            .map_err(self.sql())?;
        v.parse().map_err(|_| StoreError::Corrupt {
            path: self.path.clone(),
            detail: format!("schema_version {v:?} is not a number"),
        })
    }

    /// Apply migrations `from+1..=to` in one transaction, then switch to WAL.
    fn migrate(&mut self, from: u32, to: u32) -> Result<()> {
        let path = self.path.clone();
        let sql = |source| StoreError::Sqlite {
            path: path.clone(),
            source,
        };
        if from == 0 {
            // A new file: rollback journal while the schema is written, so that the header
            // page with our application_id reaches the main file in the same atomic commit.
            // Best effort: it fails when another process already has the store open in
            // WAL mode, and then the store exists and the check below skips creation.
            let _ = self.conn.pragma_update(None, "journal_mode", "DELETE");
        }
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
            .map_err(sql)?;
        // Under the write lock, read the version again: another process may have created
        // or migrated the store since we looked.
        let has_meta: bool = tx
            .query_row(
                "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'meta'",
                [],
                |r| r.get::<_, i64>(0),
            )
            .map_err(sql)?
            > 0;
        let from = if has_meta {
            tx.query_row(
                "SELECT value FROM meta WHERE key = 'schema_version'",
                [],
                |r| r.get::<_, String>(0),
            )
            .optional()
            .map_err(sql)?
            .and_then(|v| v.parse::<u32>().ok())
            .unwrap_or(from)
        } else {
            0
        };
        if from >= to {
            drop(tx);
            return self.set_wal();
        }
        if from == 0 {
            tx.pragma_update(None, "application_id", APPLICATION_ID)
                .map_err(sql)?;
        }
        for (version, script) in MIGRATIONS {
            if *version > from && *version <= to {
                tx.execute_batch(script).map_err(sql)?;
            }
        }
        let now = now_utc();
        if from == 0 {
            tx.execute(
                "INSERT INTO meta(key, value) VALUES ('created_at', ?1), ('created_by', ?2)",
                params![now, concat!("attache ", env!("CARGO_PKG_VERSION"))],
            )
            .map_err(sql)?;
        }
        tx.execute(
            "INSERT INTO meta(key, value) VALUES ('schema_version', ?1)
             ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            params![to.to_string()],
        )
        .map_err(sql)?;
        if from != 0 {
            tx.execute(
                "INSERT INTO meta(key, value) VALUES (?1, ?2)",
                params![format!("migrated_{from}_to_{to}"), now],
            )
            .map_err(sql)?;
        }
        tx.pragma_update(None, "user_version", to).map_err(sql)?;
        tx.commit().map_err(sql)?;
        self.set_wal()
    }

    fn set_wal(&self) -> Result<()> {
        // Switching to WAL needs a moment alone with the file; the busy handler is not
        // called for it, so wait here when another process is creating the store too.
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
        loop {
            match self.conn.pragma_update(None, "journal_mode", "WAL") {
                Ok(()) => break,
                Err(rusqlite::Error::SqliteFailure(e, _))
                    if e.code == rusqlite::ErrorCode::DatabaseBusy
                        && std::time::Instant::now() < deadline =>
                {
                    std::thread::sleep(std::time::Duration::from_millis(20));
                }
                Err(e) => return Err(self.sql()(e)),
            }
        }
        self.conn
            .pragma_update(None, "synchronous", "NORMAL")
            .map_err(self.sql())?;
        // 32 MiB of page cache (default 2 MiB): the event indexes stay in memory during
        // long ingestions.
        self.conn
            .pragma_update(None, "cache_size", -32768)
            .map_err(self.sql())?;
        Ok(())
    }

    /// Insert one article and everything coded from it in one transaction. An article
    /// whose id is already stored changes nothing.
    pub fn insert_article(
        &mut self,
        article: &Article,
        coded: &CodedArticle,
    ) -> Result<InsertOutcome> {
        if !coded.article_id.is_empty() && coded.article_id != article.id.0 {
            return Err(StoreError::BadArticle {
                article: article.id.0.clone(),
                detail: format!(
                    "the coded article belongs to {}; code this article's text and try again",
                    coded.article_id
                ),
            });
        }
        let path = self.path.clone();
        let sql = |source| StoreError::Sqlite {
            path: path.clone(),
            source,
        };
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
            .map_err(sql)?;
        let outcome = write_article(&tx, article, coded).map_err(sql)?;
        if outcome == InsertOutcome::New {
            tx.commit().map_err(sql)?;
        }
        Ok(outcome)
    }

    /// Insert many articles, one transaction each (a crash loses at most the article
    /// being written). Returns the counts.
    pub fn insert_batch<'a, I>(&mut self, items: I) -> Result<BatchSummary>
    where
        I: IntoIterator<Item = (&'a Article, &'a CodedArticle)>,
    {
        let mut s = BatchSummary::default();
        for (a, c) in items {
            match self.insert_article(a, c)? {
                InsertOutcome::New => {
                    s.new += 1;
                    s.sentences += c.sentences.len();
                    s.events += c.events.len();
                }
                InsertOutcome::AlreadyPresent => s.present += 1,
            }
        }
        Ok(s)
    }

    /// Whether an article with this id is stored.
    pub fn has_article(&self, id: &ArticleId) -> Result<bool> {
        let mut st = self
            .conn
            .prepare_cached("SELECT 1 FROM articles WHERE id = ?1")
            .map_err(self.sql())?;
        st.exists(params![id.0]).map_err(self.sql())
    }

    /// Number of stored articles.
    pub fn article_count(&self) -> Result<u64> {
        self.conn
            .query_row("SELECT count(*) FROM articles", [], |r| r.get::<_, i64>(0))
            .map(|n| n as u64)
            .map_err(self.sql())
    }

    /// Number of stored events.
    pub fn event_count(&self) -> Result<u64> {
        self.conn
            .query_row("SELECT count(*) FROM events", [], |r| r.get::<_, i64>(0))
            .map(|n| n as u64)
            .map_err(self.sql())
    }

    /// A stored article.
    pub fn get_article(&self, id: &ArticleId) -> Result<Option<Article>> {
        let mut st = self
            .conn
            .prepare_cached(
                "SELECT id, origin, external_id, url, title, source, published, dateline,
                        language, text, metadata FROM articles WHERE id = ?1",
            )
            .map_err(self.sql())?;
        st.query_row(params![id.0], |r| {
            let metadata: String = r.get(10)?;
            Ok(Article {
                id: ArticleId(r.get(0)?),
                origin: r.get(1)?,
                external_id: r.get(2)?,
                url: r.get(3)?,
                title: r.get(4)?,
                source: r.get(5)?,
                published: r.get(6)?,
                dateline: r.get(7)?,
                language: r.get(8)?,
                text: r.get(9)?,
                metadata: serde_json::from_str(&metadata).unwrap_or_default(),
            })
        })
        .optional()
        .map_err(self.sql())
    }

    /// The events coded from one article, in coder order.
    pub fn article_events(&self, id: &ArticleId) -> Result<Vec<Event>> {
        let mut st = self
            .conn
            .prepare_cached("SELECT json FROM events WHERE article_id = ?1 ORDER BY n")
            .map_err(self.sql())?;
        let rows = st
            .query_map(params![id.0], |r| r.get::<_, String>(0))
            .map_err(self.sql())?;
        let mut out = Vec::new();
        for j in rows {
            let j = j.map_err(self.sql())?;
            out.push(serde_json::from_str(&j).map_err(|e| StoreError::Corrupt {
                path: self.path.clone(),
                detail: format!("stored event of article {id} is not valid event JSON: {e}"),
            })?);
        }
        Ok(out)
    }
}

/// Read the schema version with a read-only connection; `None` for a database with our
/// application id but no tables (an interrupted creation).
fn inspect_read_only(path: &Path) -> Result<Option<u32>> {
    match inspect_once(path) {
        // A store being created by another process at this very moment can look
        // half-made for a few milliseconds: look once more before calling it corrupt.
        Err(StoreError::Corrupt { .. }) => {
            std::thread::sleep(std::time::Duration::from_millis(100));
            inspect_once(path)
        }
        r => r,
    }
}

fn inspect_once(path: &Path) -> Result<Option<u32>> {
    let corrupt = |detail: String| StoreError::Corrupt {
        path: path.to_path_buf(),
        detail,
    };
    // Without a write-ahead log beside it, the main file holds everything: open it
    // `immutable`, which reads without locks and creates no -wal/-shm files. With a log
    // (a store whose writer was killed), a plain read-only connection replays it.
    let mut wal = path.as_os_str().to_owned();
    wal.push("-wal");
    let conn = if Path::new(&wal).exists() {
        Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
    } else {
        let uri = format!("file:{}?immutable=1", uri_escape(&path.to_string_lossy()));
        Connection::open_with_flags(
            uri,
            OpenFlags::SQLITE_OPEN_READ_ONLY
                | OpenFlags::SQLITE_OPEN_NO_MUTEX
                | OpenFlags::SQLITE_OPEN_URI,
        )
    }
    .map_err(|e| corrupt(e.to_string()))?;
    let _ = conn.busy_timeout(std::time::Duration::from_secs(10));
    let tables: i64 = conn
        .query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))
        .map_err(|e| corrupt(e.to_string()))?;
    if tables == 0 {
        return Ok(None);
    }
    let has_meta: bool = conn
        .query_row(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'meta'",
            [],
            |r| r.get::<_, i64>(0),
        )
        .map(|n| n > 0)
        .map_err(|e| corrupt(e.to_string()))?;
    if !has_meta {
        return Err(corrupt("it has no meta table".into()));
    }
    let v: Option<String> = conn
        .query_row(
            "SELECT value FROM meta WHERE key = 'schema_version'",
            [],
            |r| r.get(0),
        )
        .optional()
        .map_err(|e| corrupt(e.to_string()))?;
    let v = v.ok_or_else(|| corrupt("its meta table has no schema_version".into()))?;
    let v: u32 = v
        .parse()
        .map_err(|_| corrupt(format!("schema_version {v:?} is not a number")))?;
    if v > SCHEMA_VERSION {
        return Err(StoreError::TooNew {
            path: path.to_path_buf(),
            found: v,
            supported: SCHEMA_VERSION,
        });
    }
    // Read the first row of every table, so that a damaged schema or root page shows up
    // now rather than halfway through an ingestion (a full integrity check would cost
    // a scan of the whole file on every start).
    let names: Vec<String> = {
        let mut st = conn
            .prepare("SELECT name FROM sqlite_master WHERE type = 'table'")
            .map_err(|e| corrupt(e.to_string()))?;
        let rows = st
            .query_map([], |r| r.get(0))
            .map_err(|e| corrupt(e.to_string()))?;
        rows.collect::<rusqlite::Result<_>>()
            .map_err(|e| corrupt(e.to_string()))?
    };
    for name in names {
        conn.query_row(
            &format!("SELECT count(*) FROM (SELECT 1 FROM \"{name}\" LIMIT 1)"),
            [],
            |r| r.get::<_, i64>(0),
        )
        .map_err(|e| corrupt(format!("table {name}: {e}")))?;
    }
    Ok(Some(v))
}

/// Escape a path for an SQLite `file:` URI.
fn uri_escape(p: &str) -> String {
    let mut out = String::with_capacity(p.len());
    for c in p.chars() {
        match c {
            '%' => out.push_str("%25"),
            '?' => out.push_str("%3f"),
            '#' => out.push_str("%23"),
            c => out.push(c),
        }
    }
    out
}

fn opt_key(date: Option<&str>) -> Option<String> {
    date.and_then(attache_core::FuzzyDate::parse)
        .map(|d| key_of(&d))
}

fn write_article(
    tx: &rusqlite::Transaction<'_>,
    a: &Article,
    c: &CodedArticle,
) -> rusqlite::Result<InsertOutcome> {
    {
        let mut st = tx.prepare_cached("SELECT 1 FROM articles WHERE id = ?1")?;
        if st.exists(params![a.id.0])? {
            return Ok(InsertOutcome::AlreadyPresent);
        }
    }
    let now = now_utc();
    let published_key = opt_key(a.published.as_deref());
    tx.prepare_cached(
        "INSERT INTO articles(id, origin, external_id, url, title, source, published, dateline,
                              language, text, metadata, ingested_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
    )?
    .execute(params![
        a.id.0,
        a.origin,
        a.external_id,
        a.url,
        a.title,
        a.source,
        a.published,
        a.dateline,
        a.language,
        a.text,
        serde_json::to_string(&a.metadata).unwrap_or_else(|_| "{}".into()),
        now
    ])?;
    {
        let mut st = tx.prepare_cached(
            "INSERT OR REPLACE INTO sentences(article_id, idx, start, \"end\") VALUES (?1, ?2, ?3, ?4)",
        )?;
        for s in &c.sentences {
            st.execute(params![a.id.0, s.index, s.span.start, s.span.end])?;
        }
    }
    {
        let mut st = tx.prepare_cached(
            "INSERT INTO mentions(article_id, n, sentence, start, \"end\", text, kind, code,
                                  country, sector, actor_id, resolved_by)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
        )?;
        for (n, m) in c.mentions.iter().enumerate() {
            st.execute(params![
                a.id.0,
                n as i64,
                m.sentence,
                m.span.start,
                m.span.end,
                m.text,
                enum_name(&m.kind),
                m.code,
                m.country,
                m.sector,
                m.actor_id,
                enum_name(&m.resolved_by)
            ])?;
        }
    }
    {
        let mut st = tx.prepare_cached(
            "INSERT INTO events(article_id, n, id, sentence, date, day, source_code, source_country,
                                target_code, target_country, cameo, cameo_root, quad_class,
                                goldstein, negated, modality, confidence, json)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)",
        )?;
        for (n, e) in c.events.iter().enumerate() {
            let day = opt_key(e.date.as_deref()).or_else(|| published_key.clone());
            let json = serde_json::to_string(e)
                .map_err(|err| rusqlite::Error::ToSqlConversionFailure(Box::new(err)))?;
            st.execute(params![
                a.id.0,
                n as i64,
                e.id,
                e.sentence,
                e.date,
                day,
                e.source.as_ref().map(|x| x.code.as_str()),
                e.source.as_ref().and_then(|x| x.country.as_deref()),
                e.target.as_ref().map(|x| x.code.as_str()),
                e.target.as_ref().and_then(|x| x.country.as_deref()),
                e.cameo,
                e.cameo_root,
                e.quad_class,
                f64::from(e.goldstein),
                e.negated,
                enum_name(&e.modality),
                f64::from(e.confidence),
                json
            ])?;
        }
    }
    let published_date = a
        .published
        .as_deref()
        .and_then(attache_core::FuzzyDate::parse);
    {
        let mut st = tx.prepare_cached(
            "INSERT OR IGNORE INTO representation_changes(id, origin, sender, receiver, from_level,
                 to_level, action, effective, precision, date_from_article, article_id, sentence,
                 evidence, confidence, source, note, recorded_at)
             VALUES (?1, 'news', ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, NULL, NULL, ?14)",
        )?;
        for (n, r) in c.representation_changes.iter().enumerate() {
            let (eff, from_article) = effective_or_published(r.effective, published_date);
            st.execute(params![
                format!("{}-{}-rep{}", a.id.0, r.sentence, n),
                iso3(&r.sender),
                iso3(&r.receiver),
                r.from.map(|l| l.name()),
                r.to.name(),
                r.action,
                eff.as_ref().map(key_of),
                eff.map(|d| precision_name(d.precision)),
                from_article,
                a.id.0,
                r.sentence,
                serde_json::to_string(&r.evidence).unwrap_or_default(),
                f64::from(r.confidence),
                now
            ])?;
        }
    }
    {
        let mut st = tx.prepare_cached(
            "INSERT OR IGNORE INTO recognition_facts(id, origin, recognizer, government,
                 governed_state, kind, effective, precision, date_from_article, article_id,
                 sentence, evidence, confidence, source, note, recorded_at)
             VALUES (?1, 'news', ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, NULL, NULL, ?13)",
        )?;
        for (n, r) in c.recognitions.iter().enumerate() {
            let (eff, from_article) = effective_or_published(r.effective, published_date);
            st.execute(params![
                format!("{}-{}-rec{}", a.id.0, r.sentence, n),
                iso3(&r.recognizer),
                r.government,
                iso3(&r.governed_state),
                enum_name(&r.kind),
                eff.as_ref().map(key_of),
                eff.map(|d| precision_name(d.precision)),
                from_article,
                a.id.0,
                r.sentence,
                serde_json::to_string(&r.evidence).unwrap_or_default(),
                f64::from(r.confidence),
                now
            ])?;
        }
    }
    Ok(InsertOutcome::New)
}

/// ISO alpha-3 of a state code in any form the country table knows (the coder should
/// already give ISO; CAMEO `UAE` or COW numbers are normalised here), else the code as
/// given in upper case.
fn iso3(code: &str) -> String {
    attache_core::country::by_code(code)
        .map(|c| c.iso3.to_string())
        .unwrap_or_else(|| code.trim().to_ascii_uppercase())
}

/// The serde name of a unit enum variant (`"state"`, `"formal_relations"`).
pub(crate) fn enum_name<T: Serialize>(v: &T) -> String {
    match serde_json::to_value(v) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

/// The effective date of a fact: its own when the text gives one, else the article's
/// publication date (flagged `true`, so reports can say "reported on").
fn effective_or_published(
    effective: Option<FuzzyDate>,
    published: Option<FuzzyDate>,
) -> (Option<FuzzyDate>, bool) {
    match (effective, published) {
        (Some(d), _) => (Some(d), false),
        (None, Some(p)) => (Some(p), true),
        (None, None) => (None, false),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn version_1_store_is_migrated_in_place() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("old.db");
        {
            let s = Store::create(p.clone(), 1).unwrap();
            assert_eq!(s.schema_version().unwrap(), 1);
            s.conn
                .execute_batch(
                    "INSERT INTO articles(id, origin, text, ingested_at)
                         VALUES ('00aa', 'old.txt', 'An old story.', '2024-01-01T00:00:00Z');
                     INSERT INTO events(article_id, n, id, sentence, cameo, cameo_root, quad_class,
                                        goldstein, negated, modality, confidence, json)
                         VALUES ('00aa', 0, '00aa-0-0', 0, '040', '04', 1, 1.0, 0, 'actual', 0.5, '{}');",
                )
                .unwrap();
            let has_ledger: i64 = s
                .conn
                .query_row(
                    "SELECT count(*) FROM sqlite_master WHERE name = 'representation_changes'",
                    [],
                    |r| r.get(0),
                )
                .unwrap();
            assert_eq!(has_ledger, 0);
        }
        let s = Store::open(&p).unwrap();
        assert_eq!(s.schema_version().unwrap(), SCHEMA_VERSION);
        let uv: u32 = s
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap();
        assert_eq!(uv, SCHEMA_VERSION);
        assert_eq!(s.article_count().unwrap(), 1);
        assert_eq!(s.event_count().unwrap(), 1);
        let n: i64 = s
            .conn
            .query_row("SELECT count(*) FROM representation_changes", [], |r| {
                r.get(0)
            })
            .unwrap();
        assert_eq!(n, 0);
        let migrated: i64 = s
            .conn
            .query_row(
                "SELECT count(*) FROM meta WHERE key = ?1",
                [format!("migrated_1_to_{SCHEMA_VERSION}")],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(migrated, 1);
        let dyad_index: i64 = s
            .conn
            .query_row(
                "SELECT count(*) FROM sqlite_master WHERE name = 'events_dyad'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(dyad_index, 1);
        let mode: String = s
            .conn
            .query_row("PRAGMA journal_mode", [], |r| r.get(0))
            .unwrap();
        assert_eq!(mode, "wal");
    }

    #[test]
    fn newer_schema_is_refused_unchanged() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("future.db");
        {
            let s = Store::open(&p).unwrap();
            s.conn
                .execute(
                    "UPDATE meta SET value = '99' WHERE key = 'schema_version'",
                    [],
                )
                .unwrap();
            s.conn
                .pragma_update(None, "wal_checkpoint", "TRUNCATE")
                .unwrap();
        }
        let before = std::fs::read(&p).unwrap();
        let err = Store::open(&p).unwrap_err();
        assert!(matches!(err, StoreError::TooNew { found: 99, .. }), "{err}");
        assert!(err.to_string().contains("future.db"));
        assert_eq!(std::fs::read(&p).unwrap(), before);
    }

    #[test]
    fn store_without_meta_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("odd.db");
        {
            let c = Connection::open(&p).unwrap();
            c.pragma_update(None, "application_id", APPLICATION_ID)
                .unwrap();
            c.execute_batch("CREATE TABLE x(a);").unwrap();
        }
        let before = std::fs::read(&p).unwrap();
        assert!(matches!(Store::open(&p), Err(StoreError::Corrupt { .. })));
        assert_eq!(std::fs::read(&p).unwrap(), before);
    }
}
