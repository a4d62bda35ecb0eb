//! `attache ledger …`: facts recorded by hand, retractions, COW import and export.

use super::{open_existing_store, open_store, UsageError};
use crate::cli::LedgerCommand;
use crate::output::{self, Format};
use anyhow::{Context, Result};
use attache_core::{FuzzyDate, RecognitionKind, RepLevel};
use std::io::Write;

fn date(flag: &str, s: &str) -> Result<FuzzyDate> {
    FuzzyDate::parse(s).ok_or_else(|| {
        UsageError(format!(
            "{flag} {s:?} is not a date; use YYYY, YYYY-MM or YYYY-MM-DD"
        ))
        .into()
    })
}

fn say(id: &str, what: &str, format: Option<Format>) -> Result<()> {
    let mut out = std::io::stdout().lock();
    match output::resolve(format) {
        Format::Table => writeln!(out, "{what} (id {id})")?,
        f => output::print_rows(
            &mut out,
            &[serde_json::json!({"id": id, "message": what})],
            &[],
            f,
        )?,
    }
    Ok(())
}

pub fn run(action: LedgerCommand) -> Result<()> {
    match action {
        LedgerCommand::Set {
            sender,
            receiver,
            level,
            since,
            source,
            note,
            db,
            format,
        } => {
            let lvl = RepLevel::parse(&level).ok_or_else(|| {
                UsageError(format!(
                    "level {level:?}: use none, charge_d_affaires, minister, ambassador, other, interests_section (or 0, 1, 2, 3, 9)"
                ))
            })?;
            let since = date("--since", &since)?;
            let mut store = open_store(&db.db)?;
            let id = store.set_fact(&sender, &receiver, lvl, since, &source, note.as_deref())?;
            say(
                &id,
                &format!(
                    "recorded: {sender} → {receiver} at {} since {since}",
                    lvl.name()
                ),
                format.format,
            )
        }
        LedgerCommand::Recognize {
            recognizer,
            government,
            governs,
            kind,
            since,
            source,
            note,
            db,
            format,
        } => {
            let k = match kind.as_str() {
                "recognizes" => RecognitionKind::Recognizes,
                "formal_relations" => RecognitionKind::FormalRelations,
                "accepts_envoy" => RecognitionKind::AcceptsEnvoy,
                "withholds" => RecognitionKind::Withholds,
                other => {
                    return Err(UsageError(format!(
                        "--kind {other:?}: use recognizes, formal_relations, accepts_envoy or withholds"
                    ))
                    .into())
                }
            };
            let since = date("--since", &since)?;
            let mut store = open_store(&db.db)?;
            let id = store.set_recognition(
                &recognizer,
                &government,
                &governs,
                k,
                since,
                &source,
                note.as_deref(),
            )?;
            say(
                &id,
                &format!("recorded: {recognizer} {kind} {government} since {since}"),
                format.format,
            )
        }
        LedgerCommand::Retract { id, reason, db } => {
            let mut store = open_existing_store(&db.db)?;
            store.retract(&id, &reason)?;
            println!("retracted {id}: {reason}");
            Ok(())
        }
        LedgerCommand::ImportCow { file, db, format } => {
            let f = std::fs::File::open(&file)
                .with_context(|| format!("cannot open {}", file.display()))?;
            let mut store = open_store(&db.db)?;
            let summary =
                store.import_cow(std::io::BufReader::new(f), &file.display().to_string())?;
            let mut out = std::io::stdout().lock();
            output::print_rows(
                &mut out,
                &[output::to_value(&summary)],
                &[],
                match output::resolve(format.format) {
                    Format::Json => Format::Jsonl,
                    f => f,
                },
            )?;
            Ok(())
        }
        LedgerCommand::ExportCow {
            from,
            to,
            output: path,
            db,
        } => {
            let store = open_existing_store(&db.db)?;
            let years = match (from, to) {
                (None, None) => None,
                (f, t) => Some((f.unwrap_or(1816), t.unwrap_or(9999))),
            };
            let n = match path {
                Some(p) => {
                    // Write to a temporary file and rename, so a failed export never leaves half a file.
                    let tmp = p.with_extension("tmp-export");
                    let f = std::fs::File::create(&tmp)
                        .with_context(|| format!("cannot create {}", tmp.display()))?;
                    let n = store.export_cow(std::io::BufWriter::new(f), years)?;
                    std::fs::rename(&tmp, &p)
                        .with_context(|| format!("cannot write {}", p.display()))?;
                    n
                }
                None => store.export_cow(std::io::stdout().lock(), years)?,
            };
            eprintln!("{n} dyad-years exported");
            Ok(())
        }
    }
}
