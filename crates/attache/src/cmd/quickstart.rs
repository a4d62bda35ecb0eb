//! `attache quickstart`: ingest the built-in example articles (examples/ in the
//! repository, compiled into the binary so it works from any directory) into a fresh
//! store and show what attache found.

use super::ingest::{print_summary, IngestSummary, EVENT_COLS};
use crate::output::{self, Col, Format};
use anyhow::Result;
use attache_core::Article;
use attache_ingest::{read_bytes, InputFormat, ReadEvent, ReadOptions};
use attache_ledger::{ChangeFilter, EventFilter, InsertOutcome};
use std::io::Write;
use std::path::PathBuf;

/// The example articles: (file name, format, content).
const EXAMPLES: &[(&str, InputFormat, &str)] = &[
    (
        "examples/gulf-embassies.jsonl",
        InputFormat::Jsonl,
        include_str!("../../../../examples/gulf-embassies.jsonl"),
    ),
    (
        "examples/nauru-china.html",
        InputFormat::Html,
        include_str!("../../../../examples/nauru-china.html"),
    ),
    (
        "examples/pakistan-iran.txt",
        InputFormat::Text,
        include_str!("../../../../examples/pakistan-iran.txt"),
    ),
    (
        "examples/taliban-envoys.txt",
        InputFormat::Text,
        include_str!("../../../../examples/taliban-envoys.txt"),
    ),
    (
        "examples/wire.rss",
        InputFormat::Feed,
        include_str!("../../../../examples/wire.rss"),
    ),
];

pub fn run(db: Option<PathBuf>) -> Result<()> {
    let db = match db {
        Some(p) => {
            if p.exists() {
                anyhow::bail!(
                    "{} already exists: quickstart builds a fresh store; give a new path or leave out --db",
                    p.display()
                );
            }
            p
        }
        None => std::env::temp_dir().join(format!("attache-quickstart-{}.db", std::process::id())),
    };
    let mut store = super::open_store(&db)?;
    let coder = super::load_coder()?;
    let mut articles: Vec<Article> = Vec::new();
    for (name, format, content) in EXAMPLES {
        read_bytes(
            name,
            content.as_bytes(),
            *format,
            &ReadOptions::default(),
            &mut |ev| match ev {
                ReadEvent::Article(a) => articles.push(*a),
                ReadEvent::Problem(p) => eprintln!("{p}"),
            },
        );
    }
    let coded = coder.code_batch(&articles);
    let mut s = IngestSummary::default();
    for (a, c) in articles.iter().zip(&coded) {
        if store.insert_article(a, c)? == InsertOutcome::New {
            s.new += 1;
            s.sentences += c.sentences.len();
            s.events += c.events.len();
            s.representation_changes += c.representation_changes.len();
            s.recognitions += c.recognitions.len();
        } else {
            s.present += 1;
        }
    }
    let mut out = std::io::stdout().lock();
    writeln!(
        out,
        "attache quickstart: the example articles of {} files\n",
        EXAMPLES.len()
    )?;
    print_summary(&s, &db, Format::Table)?;

    writeln!(
        out,
        "\nEvents (who did what to whom, with the sentence as evidence):"
    )?;
    let events = store.events(&EventFilter::default())?;
    let rows: Vec<serde_json::Value> = events.iter().map(output::to_value).collect();
    output::print_rows(&mut out, &rows, EVENT_COLS, Format::Table)?;

    writeln!(out, "\nRepresentation and recognition changes:")?;
    let changes = store.changes(&ChangeFilter::default())?;
    let rows: Vec<serde_json::Value> = changes.iter().map(output::to_value).collect();
    output::print_rows(
        &mut out,
        &rows,
        &[
            Col("date", "date"),
            Col("kind", "kind"),
            Col("sender", "sender"),
            Col("receiver", "receiver"),
            Col("gov", "government"),
            Col("action", "action"),
            Col("to", "level"),
            Col("evidence", "evidence"),
        ],
        Format::Table,
    )?;

    let q = db.display();
    writeln!(out, "\nNext, ask the store:")?;
    writeln!(out, "  attache dyad SAU IRN --db {q}")?;
    writeln!(out, "  attache relations AFG --db {q}")?;
    writeln!(out, "  attache events --actor PAK --format json --db {q}")?;
    writeln!(out, "  attache changes --db {q} --format csv")?;
    Ok(())
}
