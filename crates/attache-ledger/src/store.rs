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
use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};

/// `PRAGMA application_id` of every attache store: "ATTC".
pub const APPLICATION_ID: u32 = 0x4154_5443;

/// Schema version this build writes and reads.
pub const SCHEMA_VERSION: u32 = 4;

/// Migrations by the version they bring the schema to, in order.
pub(crate) const MIGRATIONS: &[(u32, &str)] = &[
    (1, include_str!("migrations/0001_articles_events.sql")),
    (2, include_str!("migrations/0002_ledger.sql")),
    (3, include_str!("migrations/0003_dyad_index.sql")),
    (4, include_str!("migrations/0004_recode.sql")),
];

/// What [`Store::recode_article`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RecodeOutcome {
    /// The new coding differs: the old rows were copied to `superseded_codings` and
    /// replaced.
    Recoded,
    /// The new coding is the same as the stored one; nothing was written.
    Unchanged,
    /// No article with this id is stored.
    Missing,
}

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
    /// Name of the coder whose output is being stored (`articles.coder`).
    coder: Option<String>,
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
        Ok(Store {
            conn,
            path,
            coder: None,
        })
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
        check_coded(article, coded)?;
        let (tx, sql) = begin_write(&mut self.conn, &self.path)?;
        let outcome = write_article(&tx, article, coded, self.coder.as_deref()).map_err(sql)?;
        if outcome == InsertOutcome::New {
            tx.commit().map_err(sql)?;
        }
        Ok(outcome)
    }

    /// Name the coder whose output is stored from now on (kept per article in
    /// `articles.coder`, and in `superseded_codings` when re-coding replaces it).
    pub fn set_coder(&mut self, coder: impl Into<String>) {
        self.coder = Some(coder.into());
    }

    /// Ids of the stored articles, in id order (for `attache recode`).
    pub fn article_ids(&self) -> Result<Vec<ArticleId>> {
        let mut st = self
            .conn
            .prepare("SELECT id FROM articles ORDER BY id")
            .map_err(self.sql())?;
        let rows = st
            .query_map([], |r| r.get::<_, String>(0))
            .map_err(self.sql())?;
        rows.map(|r| r.map(ArticleId))
            .collect::<rusqlite::Result<_>>()
            .map_err(self.sql())
    }

    /// Replace what is stored as coded from an article by `coded` (the article's text
    /// and metadata stay as they are), in one transaction. When the new rows say the
    /// same as the stored ones nothing is written ([`RecodeOutcome::Unchanged`]);
    /// otherwise the old rows are first copied, as they were, to `superseded_codings`,
    /// so nothing an earlier coder said is lost. Curated facts and retractions are never
    /// touched; a retracted news fact keeps its id (and so its retraction) only when the
    /// new coding claims the same thing, else the new fact gets a fresh id.
    pub fn recode_article(
        &mut self,
        article: &Article,
        coded: &CodedArticle,
    ) -> Result<RecodeOutcome> {
        check_coded(article, coded)?;
        let (tx, sql) = begin_write(&mut self.conn, &self.path)?;
        let old_coder: Option<Option<String>> = tx
            .query_row(
                "SELECT coder FROM articles WHERE id = ?1",
                params![article.id.0],
                |r| r.get(0),
            )
            .optional()
            .map_err(sql)?;
        let Some(old_coder) = old_coder else {
            return Ok(RecodeOutcome::Missing);
        };
        let before = coding_rows(&tx, &article.id.0).map_err(sql)?;
        // Claims of the retracted news facts of this article, by id.
        let retracted: HashMap<String, FactClaim> =
            retracted_claims(&tx, &article.id.0).map_err(sql)?;
        let generation: i64 = tx
            .query_row(
                "SELECT count(*) FROM superseded_codings WHERE article_id = ?1",
                params![article.id.0],
                |r| r.get::<_, i64>(0),
            )
            .map_err(sql)?
            + 1;
        for table in CODING_TABLES {
            let filter = if table.ends_with("_facts") || *table == "representation_changes" {
                " AND origin = 'news'"
            } else {
                ""
            };
            tx.execute(
                &format!("DELETE FROM {table} WHERE article_id = ?1{filter}"),
                params![article.id.0],
            )
            .map_err(sql)?;
        }
        let now = now_utc();
        let fact_id = |id: String, claim: FactClaim| match retracted.get(&id) {
            Some(old) if *old != claim => format!("{id}~{generation}"),
            _ => id,
        };
        write_coding(&tx, article, coded, &now, &fact_id).map_err(sql)?;
        let after = coding_rows(&tx, &article.id.0).map_err(sql)?;
        if same_coding(&before, &after) {
            // Dropping the transaction rolls it back: the stored rows stay as they were.
            return Ok(RecodeOutcome::Unchanged);
        }
        tx.execute(
            "INSERT INTO superseded_codings(article_id, coder, superseded_at, superseded_by, rows)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![
                article.id.0,
                old_coder,
                now,
                self.coder.as_deref().unwrap_or("unknown"),
                before.to_string()
            ],
        )
        .map_err(sql)?;
        tx.execute(
            "UPDATE articles SET coder = ?2 WHERE id = ?1",
            params![article.id.0, self.coder],
        )
        .map_err(sql)?;
        tx.commit().map_err(sql)?;
        Ok(RecodeOutcome::Recoded)
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
    coder: Option<&str>,
) -> rusqlite::Result<InsertOutcome> {
    {
        let mut st = tx.prepare_cached("SELECT 1 FROM articles WHERE id = ?1")?;
        if st.exists(params![a.id.0])? {
            return Ok(InsertOutcome::AlreadyPresent);
        }
    }
    let now = now_utc();
    tx.prepare_cached(
        "INSERT INTO articles(id, origin, external_id, url, title, source, published, dateline,
                              language, text, metadata, ingested_at, coder)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
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
        now,
        coder
    ])?;
    write_coding(tx, a, c, &now, &|id, _| id)?;
    Ok(InsertOutcome::New)
}

/// The parts of a news fact that say what it claims (not when it was recorded): a
/// retracted fact id is only kept for a re-coded fact that claims the same.
type FactClaim = Vec<Option<String>>;

/// Write the rows coded from an article: sentences, mentions, events and the ledger
/// facts read from it. `fact_id(default_id, claim)` names each fact.
fn write_coding(
    tx: &rusqlite::Transaction<'_>,
    a: &Article,
    c: &CodedArticle,
    now: &str,
    fact_id: &dyn Fn(String, FactClaim) -> String,
) -> rusqlite::Result<()> {
    let published_key = opt_key(a.published.as_deref());
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
            let claim = vec![
                Some(iso3(&r.sender)),
                Some(iso3(&r.receiver)),
                r.from.map(|l| l.name().to_string()),
                Some(r.to.name().to_string()),
                Some(r.action.clone()),
                eff.as_ref().map(key_of),
                eff.map(|d| precision_name(d.precision).to_string()),
            ];
            st.execute(params![
                fact_id(format!("{}-{}-rep{}", a.id.0, r.sentence, n), claim),
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
            let claim = vec![
                Some(iso3(&r.recognizer)),
                Some(r.government.clone()),
                Some(iso3(&r.governed_state)),
                Some(enum_name(&r.kind)),
                eff.as_ref().map(key_of),
                eff.map(|d| precision_name(d.precision).to_string()),
            ];
            st.execute(params![
                fact_id(format!("{}-{}-rec{}", a.id.0, r.sentence, n), claim),
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
    Ok(())
}

/// Begin a write transaction (`BEGIN IMMEDIATE`: the write lock is taken now, so the
/// busy timeout applies here rather than at the first write), with the mapper that
/// turns SQLite errors into errors naming the store file. The mapper borrows only the
/// path, so it can be used while the transaction borrows the connection.
pub(crate) fn begin_write<'c, 'p>(
    conn: &'c mut Connection,
    path: &'p Path,
) -> Result<(
    rusqlite::Transaction<'c>,
    impl Fn(rusqlite::Error) -> StoreError + Copy + 'p,
)> {
    let sql = move |source| StoreError::Sqlite {
        path: path.to_path_buf(),
        source,
    };
    let tx = conn
        .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
        .map_err(sql)?;
    Ok((tx, sql))
}

/// A coded article must belong to the article it is stored with.
fn check_coded(article: &Article, coded: &CodedArticle) -> Result<()> {
    if !coded.article_id.is_empty() && coded.article_id != article.id.0 {
        return Err(StoreError::BadArticle {
            article: article.id.0.clone(),
            detail: format!(
                "the coded article belongs to {}; code this article's text and try again",
                coded.article_id
            ),
        });
    }
    Ok(())
}

/// Tables holding what was coded from an article (facts: only `origin = 'news'`).
const CODING_TABLES: &[&str] = &[
    "sentences",
    "mentions",
    "events",
    "representation_changes",
    "recognition_facts",
];

/// Every coded row of an article as JSON, table by table, each row a column → value
/// object in a stable order.
fn coding_rows(
    tx: &rusqlite::Transaction<'_>,
    article: &str,
) -> rusqlite::Result<serde_json::Value> {
    let mut out = serde_json::Map::new();
    for table in CODING_TABLES {
        let (filter, order) = match *table {
            "sentences" => ("", "idx"),
            "mentions" | "events" => ("", "n"),
            _ => (" AND origin = 'news'", "id"),
        };
        let mut st = tx.prepare(&format!(
            "SELECT * FROM {table} WHERE article_id = ?1{filter} ORDER BY {order}"
        ))?;
        let names: Vec<String> = st.column_names().iter().map(|c| c.to_string()).collect();
        let rows = st.query_map(params![article], |r| {
            let mut row = serde_json::Map::new();
            for (i, name) in names.iter().enumerate() {
                use rusqlite::types::ValueRef;
                let v = match r.get_ref(i)? {
                    ValueRef::Null => serde_json::Value::Null,
                    ValueRef::Integer(n) => n.into(),
                    ValueRef::Real(x) => x.into(),
                    ValueRef::Text(t) => String::from_utf8_lossy(t).into_owned().into(),
                    ValueRef::Blob(b) => String::from_utf8_lossy(b).into_owned().into(),
                };
                row.insert(name.clone(), v);
            }
            Ok(serde_json::Value::Object(row))
        })?;
        let rows = rows.collect::<rusqlite::Result<Vec<_>>>()?;
        out.insert((*table).to_string(), serde_json::Value::Array(rows));
    }
    Ok(serde_json::Value::Object(out))
}

/// Whether two codings say the same, ignoring when their facts were recorded.
fn same_coding(a: &serde_json::Value, b: &serde_json::Value) -> bool {
    fn strip(v: &serde_json::Value) -> serde_json::Value {
        let mut v = v.clone();
        for table in ["representation_changes", "recognition_facts"] {
            if let Some(rows) = v.get_mut(table).and_then(|r| r.as_array_mut()) {
                for row in rows {
                    if let Some(o) = row.as_object_mut() {
                        o.remove("recorded_at");
                    }
                }
            }
        }
        v
    }
    strip(a) == strip(b)
}

/// The claims of an article's retracted news facts, by fact id.
fn retracted_claims(
    tx: &rusqlite::Transaction<'_>,
    article: &str,
) -> rusqlite::Result<HashMap<String, FactClaim>> {
    let mut out = HashMap::new();
    let mut st = tx.prepare(
        "SELECT id, sender, receiver, from_level, to_level, action, effective, precision
           FROM representation_changes
          WHERE article_id = ?1 AND origin = 'news' AND id IN (SELECT change_id FROM retractions)",
    )?;
    let rows = st.query_map(params![article], |r| {
        Ok((
            r.get::<_, String>(0)?,
            (1..8)
                .map(|i| r.get::<_, Option<String>>(i))
                .collect::<rusqlite::Result<Vec<_>>>()?,
        ))
    })?;
    for row in rows {
        let (id, claim) = row?;
        out.insert(id, claim);
    }
    let mut st = tx.prepare(
        "SELECT id, recognizer, government, governed_state, kind, effective, precision
           FROM recognition_facts
          WHERE article_id = ?1 AND origin = 'news' AND id IN (SELECT change_id FROM retractions)",
    )?;
    let rows = st.query_map(params![article], |r| {
        Ok((
            r.get::<_, String>(0)?,
            (1..7)
                .map(|i| r.get::<_, Option<String>>(i))
                .collect::<rusqlite::Result<Vec<_>>>()?,
        ))
    })?;
    for row in rows {
        let (id, claim) = row?;
        out.insert(id, claim);
    }
    Ok(out)
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
