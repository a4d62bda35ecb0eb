//! `attache actors lookup|check`: what a phrase resolves to, and whether the lexicon
//! (with any user dictionaries) is consistent.

use super::UsageError;
use crate::cli::ActorsCommand;
use crate::output::{self, Col, Format};
use anyhow::{Context, Result};
use attache_core::FuzzyDate;
use attache_lexicon::Lexicon;
use std::io::Write;
use std::path::PathBuf;

/// The built-in lexicon plus user dictionaries: directories and `.toml` files in our
/// format, anything else read as a PETRARCH actor/agent dictionary.
pub fn load_lexicon(dicts: &[PathBuf]) -> Result<Lexicon> {
    let mut b = Lexicon::builder()
        .builtin()
        .context("cannot load the built-in lexicon")?;
    for d in dicts {
        b = if d.is_dir() {
            b.add_dir(d)
        } else if d.extension().is_some_and(|e| e == "toml") {
            b.add_file(d)
        } else {
            b.add_petrarch(d)
        }
        .with_context(|| format!("cannot load the dictionary {}", d.display()))?;
    }
    Ok(b.build()?)
}

pub fn run(action: ActorsCommand) -> Result<()> {
    match action {
        ActorsCommand::Lookup {
            text,
            date,
            dicts,
            format,
        } => {
            let date = match date {
                Some(d) => Some(FuzzyDate::parse(&d).ok_or_else(|| {
                    UsageError(format!("--date {d:?} is not a date; use YYYY-MM-DD"))
                })?),
                None => None,
            };
            let lex = load_lexicon(&dicts)?;
            let res = lex.lookup(&text, date);
            let rows: Vec<serde_json::Value> = res.iter().map(output::to_value).collect();
            let mut out = std::io::stdout().lock();
            output::print_rows(
                &mut out,
                &rows,
                &[
                    Col("text", "text"),
                    Col("code", "code"),
                    Col("kind", "kind"),
                    Col("country", "country"),
                    Col("sector", "sector"),
                    Col("by", "resolved_by"),
                    Col("rule", "rule"),
                    Col("valid", "valid"),
                    Col("entry", "entry_id"),
                    Col("defined at", "origin"),
                ],
                output::resolve(format.format),
            )?;
            if res.is_empty() {
                eprintln!("{text:?} is not in the lexicon (add it to a TOML file under data/lexicon/ or pass --dict)");
                std::process::exit(1);
            }
            Ok(())
        }
        ActorsCommand::Check { dicts, format } => {
            let lex = load_lexicon(&dicts)?;
            let problems = lex.check();
            let format = output::resolve(format.format);
            let mut out = std::io::stdout().lock();
            if format == Format::Table {
                for p in &problems {
                    writeln!(out, "{p}")?;
                }
                writeln!(
                    out,
                    "{} problem(s); {} phrases in the lexicon",
                    problems.len(),
                    lex.phrase_count()
                )?;
            } else {
                let rows: Vec<serde_json::Value> = problems
                    .iter()
                    .map(|p| serde_json::json!({"kind": format!("{:?}", p.kind), "origin": p.origin.as_ref().map(|o| o.to_string()), "message": p.message}))
                    .collect();
                output::print_rows(&mut out, &rows, &[], format)?;
                eprintln!(
                    "{} problem(s); {} phrases in the lexicon",
                    problems.len(),
                    lex.phrase_count()
                );
            }
            if !problems.is_empty() {
                anyhow::bail!("the lexicon has {} problem(s)", problems.len());
            }
            Ok(())
        }
    }
}
