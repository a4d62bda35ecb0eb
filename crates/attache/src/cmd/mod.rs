//! One module per command family. Each takes its parsed arguments, does the work
//! through the library crates, and writes to stdout (results) and stderr (notes,
//! problems, progress).

mod actors;
mod bench;
mod eval;
mod ingest;
mod ledger;
mod parse;
mod query;
mod quickstart;
mod recode;
mod train;

use crate::cli::{Command, InputArgs, InputFormatArg};
use anyhow::{Context, Result};
use attache_ingest::{InputFormat, ReadOptions};
use std::path::Path;

/// A mistake in how the command was called (exit code 2).
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct UsageError(pub String);

pub fn run(command: Command) -> Result<()> {
    match command {
        Command::Quickstart { db } => quickstart::run(db),
        Command::Ingest {
            input,
            db,
            format,
            threads,
        } => ingest::run(&input, &db.db, format.format, threads),
        Command::Code { input, format, all } => ingest::code(&input, format.format, all),
        Command::Recode {
            db,
            dry_run,
            format,
            threads,
        } => recode::run(&db.db, dry_run, format.format, threads),
        Command::Parse {
            paths,
            format,
            input_format,
        } => parse::run(&paths, format, input_format),
        Command::Events {
            actor,
            dyad,
            code,
            from,
            to,
            limit,
            db,
            format,
        } => query::events(&db.db, actor, dyad, code, from, to, limit, format.format),
        Command::Dyad {
            a,
            b,
            granularity,
            buckets,
            series,
            from,
            to,
            db,
            format,
        } => query::dyad(
            &db.db,
            &a,
            &b,
            &granularity,
            buckets,
            series,
            from,
            to,
            format.format,
        ),
        Command::Relations {
            country,
            db,
            format,
        } => query::relations(&db.db, &country, format.format),
        Command::Changes {
            since,
            country,
            limit,
            db,
            format,
        } => query::changes(&db.db, since, country, limit, format.format),
        Command::Ledger { action } => ledger::run(action),
        Command::Actors { action } => actors::run(action),
        Command::Eval { what } => eval::run(what),
        Command::Bench { what } => bench::run(what),
        Command::Train { what } => train::run(what),
    }
}

/// Reader options from the shared input arguments, checking `--date`.
pub fn read_options(input: &InputArgs) -> Result<ReadOptions> {
    let default_date = match &input.date {
        Some(d) => Some(
            attache_ingest::dates::normalise_date(d)
                .ok_or_else(|| UsageError(format!("--date {d:?} is not a date; use YYYY-MM-DD")))?,
        ),
        None => None,
    };
    Ok(ReadOptions {
        format: input.input_format.map(input_format),
        default_date,
    })
}

pub fn input_format(f: InputFormatArg) -> InputFormat {
    match f {
        InputFormatArg::Text => InputFormat::Text,
        InputFormatArg::Jsonl => InputFormat::Jsonl,
        InputFormatArg::Html => InputFormat::Html,
        InputFormatArg::Feed => InputFormat::Feed,
    }
}

/// Open the store, saying which file when it fails.
pub fn open_store(path: &Path) -> Result<attache_ledger::Store> {
    let mut store = attache_ledger::Store::open(path)
        .with_context(|| format!("cannot use the store {}", path.display()))?;
    store.set_coder(CODER);
    Ok(store)
}

/// The coder recorded with what this build stores (`articles.coder`).
pub const CODER: &str = concat!("attache ", env!("CARGO_PKG_VERSION"));

/// Open an existing store for a query; a missing file is an error rather than a new
/// empty store (a typo in `--db` should not silently answer "nothing").
pub fn open_existing_store(path: &Path) -> Result<attache_ledger::Store> {
    if !path.exists() {
        anyhow::bail!(
            "no store at {}: ingest articles first (`attache ingest PATH --db {}`) or point --db / ATTACHE_DB at your store",
            path.display(),
            path.display()
        );
    }
    open_store(path)
}

/// Load the coder with its built-in models, lexicon and patterns.
pub fn load_coder() -> Result<attache_coder::Coder> {
    attache_coder::Coder::load_default().context("cannot load the coder")
}

/// A date argument as `YYYY[-MM[-DD]]`, or a usage error naming the flag.
pub fn check_date(flag: &str, d: &Option<String>) -> Result<()> {
    if let Some(d) = d {
        if attache_core::FuzzyDate::parse(d).is_none() {
            return Err(UsageError(format!(
                "{flag} {d:?} is not a date; use YYYY, YYYY-MM or YYYY-MM-DD"
            ))
            .into());
        }
    }
    Ok(())
}
