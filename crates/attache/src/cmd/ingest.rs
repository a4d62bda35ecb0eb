//! `attache ingest` (read, code, store) and `attache code` (read, code, print).
//!
//! Articles stream from the readers in batches: already-stored ones are skipped before
//! coding (so a rerun after an interruption continues where it stopped, cheaply), the
//! rest are coded in parallel, then written one transaction per article by the single
//! writer. A bad input is reported and counted, and the run goes on.

use super::{load_coder, open_store, read_options};
use crate::cli::InputArgs;
use crate::output::{self, Col, Format};
use crate::progress;
use anyhow::Result;
use attache_coder::Coder;
use attache_core::{Article, CodedArticle};
use attache_ingest::{read_paths, ReadEvent, Severity};
use attache_ledger::{InsertOutcome, Store};
use serde::Serialize;
use std::collections::HashSet;
use std::io::Write;
use std::path::Path;

const BATCH: usize = 64;

/// What an ingestion run did.
#[derive(Debug, Default, Serialize)]
pub struct IngestSummary {
    pub new: usize,
    pub present: usize,
    pub failed: usize,
    pub sentences: usize,
    pub events: usize,
    pub representation_changes: usize,
    pub recognitions: usize,
}

pub fn run(
    input: &InputArgs,
    db: &Path,
    format: Option<Format>,
    threads: Option<usize>,
) -> Result<()> {
    let opts = read_options(input)?;
    let mut store = open_store(db)?;
    let coder = load_coder()?;
    let pool = thread_pool(threads)?;
    let summary = ingest_paths(&input.paths, &opts, &mut store, &coder, &pool)?;
    print_summary(&summary, db, output::resolve(format))
}

pub fn thread_pool(threads: Option<usize>) -> Result<rayon::ThreadPool> {
    let mut b = rayon::ThreadPoolBuilder::new();
    if let Some(n) = threads {
        if n == 0 {
            return Err(super::UsageError("--threads must be at least 1".into()).into());
        }
        b = b.num_threads(n);
    }
    Ok(b.build()?)
}

/// Read, code and store everything under `paths`.
pub fn ingest_paths(
    paths: &[std::path::PathBuf],
    opts: &attache_ingest::ReadOptions,
    store: &mut Store,
    coder: &Coder,
    pool: &rayon::ThreadPool,
) -> Result<IngestSummary> {
    let bar = progress::articles(None);
    let mut summary = IngestSummary::default();
    let mut batch: Vec<Article> = Vec::with_capacity(BATCH);
    let mut fatal: Option<anyhow::Error> = None;
    read_paths(paths, opts, &mut |ev| {
        if fatal.is_some() {
            return;
        }
        match ev {
            ReadEvent::Article(a) => {
                batch.push(*a);
                if batch.len() >= BATCH {
                    if let Err(e) = flush(&mut batch, store, coder, pool, &mut summary, &bar) {
                        fatal = Some(e);
                    }
                }
            }
            ReadEvent::Problem(p) => {
                if p.severity == Severity::Error {
                    summary.failed += 1;
                }
                progress::note(&bar, &p.to_string());
            }
        }
    });
    if let Some(e) = fatal {
        bar.finish_and_clear();
        return Err(e);
    }
    flush(&mut batch, store, coder, pool, &mut summary, &bar)?;
    bar.finish_and_clear();
    Ok(summary)
}

fn flush(
    batch: &mut Vec<Article>,
    store: &mut Store,
    coder: &Coder,
    pool: &rayon::ThreadPool,
    summary: &mut IngestSummary,
    bar: &indicatif::ProgressBar,
) -> Result<()> {
    let mut seen = HashSet::new();
    let mut todo = Vec::with_capacity(batch.len());
    for a in batch.drain(..) {
        if !seen.insert(a.id.clone()) || store.has_article(&a.id)? {
            summary.present += 1;
            bar.inc(1);
        } else {
            todo.push(a);
        }
    }
    if todo.is_empty() {
        return Ok(());
    }
    let coded: Vec<CodedArticle> = pool.install(|| coder.code_batch(&todo));
    for (a, c) in todo.iter().zip(&coded) {
        match store.insert_article(a, c) {
            Ok(InsertOutcome::New) => {
                summary.new += 1;
                summary.sentences += c.sentences.len();
                summary.events += c.events.len();
                summary.representation_changes += c.representation_changes.len();
                summary.recognitions += c.recognitions.len();
            }
            Ok(InsertOutcome::AlreadyPresent) => summary.present += 1,
            Err(attache_ledger::StoreError::BadArticle { article, detail }) => {
                summary.failed += 1;
                progress::note(
                    bar,
                    &format!("error: {}: article {article}: {detail}", a.origin),
                );
            }
            Err(e) => {
                return Err(anyhow::Error::new(e).context(format!("while storing {}", a.origin)))
            }
        }
        bar.inc(1);
    }
    Ok(())
}

pub fn print_summary(s: &IngestSummary, db: &Path, format: Format) -> Result<()> {
    let mut out = std::io::stdout().lock();
    match format {
        Format::Table => {
            writeln!(
                out,
                "{} new, {} already present, {} failed — {} sentences, {} events, {} representation changes, {} recognition facts — store {}",
                s.new,
                s.present,
                s.failed,
                s.sentences,
                s.events,
                s.representation_changes,
                s.recognitions,
                db.display()
            )?;
        }
        f => output::print_rows(
            &mut out,
            &[output::to_value(s)],
            &[],
            if f == Format::Json { Format::Jsonl } else { f },
        )?,
    }
    Ok(())
}

/// Table columns of an event listing.
pub const EVENT_COLS: &[Col] = &[
    Col("date", "date"),
    Col("source", "source.code"),
    Col("cameo", "cameo"),
    Col("target", "target.code"),
    Col("plover", "plover_type"),
    Col("mod", "modality"),
    Col("neg", "negated"),
    Col("evidence", "evidence.text"),
];

pub fn code(input: &InputArgs, format: Option<Format>, all: bool) -> Result<()> {
    let opts = read_options(input)?;
    let coder = load_coder()?;
    let format = output::resolve(format);
    let mut articles = Vec::new();
    let mut failed = 0usize;
    read_paths(&input.paths, &opts, &mut |ev| match ev {
        ReadEvent::Article(a) => articles.push(*a),
        ReadEvent::Problem(p) => {
            if p.severity == Severity::Error {
                failed += 1;
            }
            eprintln!("{p}");
        }
    });
    let coded = coder.code_batch(&articles);
    let mut out = std::io::stdout().lock();
    if all && matches!(format, Format::Json | Format::Jsonl) {
        let rows: Vec<serde_json::Value> = coded.iter().map(output::to_value).collect();
        output::print_rows(&mut out, &rows, &[], format)?;
    } else {
        let rows: Vec<serde_json::Value> = coded
            .iter()
            .flat_map(|c| c.events.iter().map(output::to_value))
            .collect();
        output::print_rows(&mut out, &rows, EVENT_COLS, format)?;
        if all {
            let changes: Vec<serde_json::Value> = coded
                .iter()
                .flat_map(|c| c.representation_changes.iter().map(output::to_value))
                .collect();
            let recs: Vec<serde_json::Value> = coded
                .iter()
                .flat_map(|c| c.recognitions.iter().map(output::to_value))
                .collect();
            writeln!(out)?;
            output::print_rows(
                &mut out,
                &changes,
                &[
                    Col("sender", "sender"),
                    Col("receiver", "receiver"),
                    Col("action", "action"),
                    Col("from", "from"),
                    Col("to", "to"),
                    Col("date", "effective"),
                    Col("evidence", "evidence.text"),
                ],
                format,
            )?;
            writeln!(out)?;
            output::print_rows(
                &mut out,
                &recs,
                &[
                    Col("recognizer", "recognizer"),
                    Col("government", "government"),
                    Col("kind", "kind"),
                    Col("evidence", "evidence.text"),
                ],
                format,
            )?;
        }
    }
    if failed > 0 {
        anyhow::bail!("{failed} input(s) could not be read (see the errors above)");
    }
    Ok(())
}
