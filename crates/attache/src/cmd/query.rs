//! The store's listings and reports: `events`, `dyad`, `relations`, `changes`.

use super::{check_date, open_existing_store, UsageError};
use crate::cmd::ingest::EVENT_COLS;
use crate::output::{self, Col, Format};
use anyhow::Result;
use attache_ledger::{ChangeFilter, DyadReport, EventFilter, Granularity, TrendWindow};
use serde_json::Value;
use std::io::Write;
use std::path::Path;

#[allow(clippy::too_many_arguments)]
pub fn events(
    db: &Path,
    actor: Option<String>,
    dyad: Option<String>,
    code: Option<String>,
    from: Option<String>,
    to: Option<String>,
    limit: Option<usize>,
    format: Option<Format>,
) -> Result<()> {
    check_date("--from", &from)?;
    check_date("--to", &to)?;
    let dyad = match dyad {
        Some(d) => {
            let parts: Vec<&str> = d.split(',').map(str::trim).collect();
            match parts[..] {
                [a, b] if !a.is_empty() && !b.is_empty() => Some((a.to_string(), b.to_string())),
                _ => {
                    return Err(UsageError(format!(
                        "--dyad {d:?}: give two actors separated by a comma, e.g. PAK,AFG"
                    ))
                    .into())
                }
            }
        }
        None => None,
    };
    let store = open_existing_store(db)?;
    let filter = EventFilter {
        actor,
        dyad,
        code_prefix: code,
        from,
        to,
        limit,
    };
    let evs = store.events(&filter)?;
    let rows: Vec<Value> = evs.iter().map(output::to_value).collect();
    output::print_rows(
        &mut std::io::stdout().lock(),
        &rows,
        EVENT_COLS,
        output::resolve(format),
    )?;
    Ok(())
}

#[allow(clippy::too_many_arguments)]
pub fn dyad(
    db: &Path,
    a: &str,
    b: &str,
    granularity: &str,
    buckets: u32,
    series: bool,
    from: Option<String>,
    to: Option<String>,
    format: Option<Format>,
) -> Result<()> {
    let g = Granularity::parse(granularity).ok_or_else(|| {
        UsageError(format!(
            "--granularity {granularity:?}: use day, week or month"
        ))
    })?;
    if buckets < 2 {
        return Err(UsageError("--buckets must be at least 2 to compute a trend".into()).into());
    }
    check_date("--from", &from)?;
    check_date("--to", &to)?;
    let store = open_existing_store(db)?;
    let format = output::resolve(format);
    let mut out = std::io::stdout().lock();
    if series {
        let rows = store.dyad_series(a, b, g, from.as_deref(), to.as_deref())?;
        let rows: Vec<Value> = rows.iter().map(output::to_value).collect();
        output::print_rows(
            &mut out,
            &rows,
            &[
                Col("bucket", "bucket"),
                Col("events", "events"),
                Col("a→b", "a_to_b"),
                Col("b→a", "b_to_a"),
                Col("q1", "verbal_cooperation"),
                Col("q2", "material_cooperation"),
                Col("q3", "verbal_conflict"),
                Col("q4", "material_conflict"),
                Col("goldstein", "goldstein_sum"),
                Col("mean", "goldstein_mean"),
                Col("coop", "cooperative_share"),
            ],
            format,
        )?;
        return Ok(());
    }
    let mut report = store.dyad(a, b)?;
    let window = TrendWindow {
        granularity: g,
        to,
        buckets,
    };
    report.trend = store.trend(a, b, &window)?;
    match format {
        Format::Json | Format::Jsonl => {
            output::print_object(&mut out, &output::to_value(&report), format)?
        }
        Format::Table => write_dyad_text(&mut out, &report)?,
        Format::Csv | Format::Tsv => {
            // One row per level held, both directions: the history as a flat table.
            let mut rows = Vec::new();
            for d in &report.directions {
                for h in &d.history {
                    rows.push(serde_json::json!({"sender": d.sender, "receiver": d.receiver, "level": h.level, "cow_level": h.cow_level, "since": h.since, "until": h.until, "current": false}));
                }
                if let Some(level) = d.level {
                    rows.push(serde_json::json!({"sender": d.sender, "receiver": d.receiver, "level": level, "cow_level": d.cow_level, "since": d.since, "until": null, "current": true}));
                }
            }
            output::print_rows(&mut out, &rows, &[], format)?;
        }
    }
    Ok(())
}

fn write_dyad_text(out: &mut dyn Write, r: &DyadReport) -> std::io::Result<()> {
    writeln!(out, "{} ({}) — {} ({})", r.a_name, r.a, r.b_name, r.b)?;
    writeln!(out)?;
    for d in &r.directions {
        let level = d.level.unwrap_or("unknown");
        let since = d
            .since
            .as_deref()
            .map(|s| format!(" since {s}"))
            .unwrap_or_default();
        writeln!(out, "{} → {}: {}{}", d.sender, d.receiver, level, since)?;
        for h in d.history.iter().rev() {
            writeln!(
                out,
                "    earlier: {} ({}–{})",
                h.level,
                h.since.as_deref().unwrap_or("?"),
                h.until.as_deref().unwrap_or("?")
            )?;
        }
        for e in d.evidence.iter().take(2) {
            if let Some(t) = &e.text {
                writeln!(out, "    evidence: \"{}\"", clip(t, 160))?;
            }
        }
        for c in &d.conflicts {
            writeln!(
                out,
                "    conflicting report: {} ({})",
                c.level,
                c.date.as_deref().unwrap_or("undated")
            )?;
        }
    }
    if !r.recognition.is_empty() {
        writeln!(out)?;
        for g in &r.recognition {
            writeln!(
                out,
                "{} towards {} ({}): {}",
                g.recognizer,
                g.government,
                g.governed_state,
                g.kind.as_deref().unwrap_or("unknown")
            )?;
        }
    }
    writeln!(out)?;
    let t = &r.trend;
    let slope = t
        .slope
        .map(|s| format!("{s:+.3} Goldstein/{:?}", t.granularity).to_lowercase())
        .unwrap_or_else(|| "n/a".into());
    writeln!(
        out,
        "trend: {:?} (slope {}, {} events in {} of {} buckets)",
        t.label, slope, t.events, t.buckets_with_events, t.buckets
    )?;
    writeln!(out, "events: {} in all; most recent:", r.event_count)?;
    let rows: Vec<Vec<String>> = r
        .recent_events
        .iter()
        .map(|e| {
            vec![
                e.date.clone().unwrap_or_default(),
                e.source.clone().unwrap_or_default(),
                e.cameo.clone(),
                e.target.clone().unwrap_or_default(),
                e.text.clone(),
            ]
        })
        .collect();
    output::write_table(
        out,
        &["date", "source", "cameo", "target", "evidence"],
        &rows,
    )
}

fn clip(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(n - 1).collect();
        t.push('…');
        t
    }
}

pub fn relations(db: &Path, country: &str, format: Option<Format>) -> Result<()> {
    let store = open_existing_store(db)?;
    let rows = store.relations(country)?;
    let rows: Vec<Value> = rows.iter().map(output::to_value).collect();
    output::print_rows(
        &mut std::io::stdout().lock(),
        &rows,
        &[
            Col("counterpart", "counterpart"),
            Col("name", "counterpart_name"),
            Col("out", "level_out"),
            Col("since", "since_out"),
            Col("in", "level_in"),
            Col("since", "since_in"),
            Col("recognition", "recognition"),
            Col("events", "event_count"),
            Col("last event", "last_event_date"),
        ],
        output::resolve(format),
    )?;
    Ok(())
}

pub fn changes(
    db: &Path,
    since: Option<String>,
    country: Option<String>,
    limit: Option<usize>,
    format: Option<Format>,
) -> Result<()> {
    check_date("--since", &since)?;
    let store = open_existing_store(db)?;
    let rows = store.changes(&ChangeFilter {
        since,
        country,
        limit,
    })?;
    let rows: Vec<Value> = rows.iter().map(output::to_value).collect();
    output::print_rows(
        &mut std::io::stdout().lock(),
        &rows,
        &[
            Col("id", "id"),
            Col("date", "date"),
            Col("kind", "kind"),
            Col("sender", "sender"),
            Col("receiver", "receiver"),
            Col("action", "action"),
            Col("from", "from_level"),
            Col("to", "level"),
            Col("status", "status"),
            Col("evidence", "evidence"),
        ],
        output::resolve(format),
    )?;
    Ok(())
}
