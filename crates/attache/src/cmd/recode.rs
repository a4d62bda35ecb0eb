//! `attache recode`: code every stored article again with this build's coder.
//!
//! Why: the coder improves (patterns, lexicon, models) but ingestion is idempotent by
//! design — an article already stored is never coded twice — so a long-lived store
//! would keep what the oldest coder said. Re-coding reads each stored article back,
//! codes it in parallel batches and lets the store replace the coded rows in one
//! transaction per article, keeping the old rows in `superseded_codings`
//! (`Store::recode_article`). Articles whose coding does not change are not written.
//! An interrupted run leaves every article either fully old or fully new; rerunning
//! continues (articles already re-coded come out unchanged).

use super::ingest::thread_pool;
use super::open_store;
use crate::output::{self, Format};
use crate::progress;
use anyhow::{Context, Result};
use attache_ledger::RecodeOutcome;
use serde::Serialize;
use std::io::Write;
use std::path::Path;

const BATCH: usize = 64;

/// What a recode run did.
#[derive(Debug, Default, Serialize)]
pub struct RecodeSummary {
    pub articles: usize,
    pub recoded: usize,
    pub unchanged: usize,
    pub events_before: usize,
    pub events_after: usize,
    pub dry_run: bool,
}

pub fn run(db: &Path, dry_run: bool, format: Option<Format>, threads: Option<usize>) -> Result<()> {
    if !db.exists() {
        anyhow::bail!(
            "no store at {}: nothing to re-code (point --db / ATTACHE_DB at your store)",
            db.display()
        );
    }
    let mut store = open_store(db)?;
    let coder = super::load_coder()?;
    let pool = thread_pool(threads)?;
    let ids = store.article_ids()?;
    let bar = progress::articles(Some(ids.len() as u64));
    let mut s = RecodeSummary {
        dry_run,
        ..RecodeSummary::default()
    };
    for chunk in ids.chunks(BATCH) {
        let mut articles = Vec::with_capacity(chunk.len());
        for id in chunk {
            if let Some(a) = store.get_article(id)? {
                articles.push(a);
            }
        }
        let coded = pool.install(|| coder.code_batch(&articles));
        for (a, c) in articles.iter().zip(&coded) {
            s.articles += 1;
            let old = store.article_events(&a.id)?;
            s.events_before += old.len();
            s.events_after += c.events.len();
            if dry_run {
                // Events are the visible part; compare them without writing.
                if old == c.events {
                    s.unchanged += 1;
                } else {
                    s.recoded += 1;
                }
            } else {
                match store
                    .recode_article(a, c)
                    .with_context(|| format!("while re-coding article {} ({})", a.id, a.origin))?
                {
                    RecodeOutcome::Recoded => s.recoded += 1,
                    RecodeOutcome::Unchanged | RecodeOutcome::Missing => s.unchanged += 1,
                }
            }
            bar.inc(1);
        }
    }
    bar.finish_and_clear();
    let mut out = std::io::stdout().lock();
    match output::resolve(format) {
        Format::Table => writeln!(
            out,
            "{} articles: {} {}, {} unchanged — events {} → {}{} — store {}",
            s.articles,
            s.recoded,
            if dry_run { "would change" } else { "re-coded" },
            s.unchanged,
            s.events_before,
            s.events_after,
            if dry_run {
                " (dry run, nothing written)"
            } else {
                ""
            },
            db.display()
        )?,
        f => output::print_rows(
            &mut out,
            &[output::to_value(&s)],
            &[],
            if f == Format::Json { Format::Jsonl } else { f },
        )?,
    }
    Ok(())
}
