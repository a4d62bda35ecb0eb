//! Errors of the store and the ledger.
//!
//! Every variant says what went wrong and what to do about it, and names the file when
//! there is one: these messages reach users of the command line unchanged.

use std::path::PathBuf;

/// What can go wrong opening, writing or querying a store.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("cannot use {path} as an attache store: {source}; check the path and its permissions")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },

    #[error("there is no attache store at {path}; create one with `attache ingest PATH... --db {path}` or pass the right --db")]
    Missing { path: PathBuf },

    #[error("{path} is not an attache store (it is not an SQLite database); it was left unchanged — pass a new path with --db, or remove the file if it is yours to remove")]
    NotSqlite { path: PathBuf },

    #[error("{path} is an SQLite database of another application (application_id {application_id:#010x}), not an attache store; it was left unchanged — pass another path with --db")]
    Foreign { path: PathBuf, application_id: u32 },

    #[error("{path} looks like an attache store but cannot be read ({detail}); it was left unchanged — restore it from a backup or start a new store with another --db path")]
    Corrupt { path: PathBuf, detail: String },

    #[error("{path} has store schema version {found}, newer than this attache supports ({supported}); it was left unchanged — use a newer attache")]
    TooNew {
        path: PathBuf,
        found: u32,
        supported: u32,
    },

    #[error("database error in {path}: {source}")]
    Sqlite {
        path: PathBuf,
        source: rusqlite::Error,
    },

    #[error("cannot store article {article}: {detail}")]
    BadArticle { article: String, detail: String },

    #[error("unknown country {0:?}: give an ISO 3166-1 alpha-3 code (PAK), alpha-2 (PK), CAMEO or COW code")]
    UnknownCountry(String),

    #[error("no representation change or recognition fact with id {0:?}; list ids with `attache dyad A B --format json` or `attache changes`")]
    UnknownChange(String),

    #[error("change {id} was already retracted on {at} ({reason}); nothing was changed")]
    AlreadyRetracted {
        id: String,
        at: String,
        reason: String,
    },

    #[error("{file}:{line}: {message}")]
    Cow {
        file: String,
        line: usize,
        message: String,
    },

    #[error("invalid input: {0}")]
    Invalid(String),
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;
