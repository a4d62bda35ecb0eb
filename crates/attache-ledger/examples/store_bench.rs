//! Measures the store: articles inserted per second (one transaction each), the cost of
//! re-ingesting present articles, and the time of the ledger reports on the result.
//!
//! `cargo run --release -p attache-ledger --example store_bench -- [N] [DB]`
//! (default 5000 synthetic articles of 12 sentences, 8 events, 12 mentions, 1
//! representation change; DB defaults to a temporary file). Prints medians of 5 runs
//! for the reports.

use attache_core::*;
use attache_ledger::{ChangeFilter, EventFilter, Granularity, Store};
use std::time::Instant;

const STATES: &[&str] = &[
    "PAK", "AFG", "CHN", "IND", "IRN", "USA", "RUS", "ARE", "FRA", "GBR",
];

fn synth(i: usize) -> (Article, CodedArticle) {
    let sentences: Vec<String> = (0..12)
        .map(|k| format!("Story {i} sentence {k}: officials of two states met again to discuss trade and border questions. "))
        .collect();
    let mut a = Article::new(format!("synthetic:{i}"), sentences.concat());
    let day = 1 + i % 28;
    let month = 1 + (i / 28) % 12;
    a.published = Some(format!("2024-{month:02}-{day:02}"));
    a.title = Some(format!("Synthetic story {i}"));
    let s = STATES[i % STATES.len()];
    let t = STATES[(i * 7 + 3) % STATES.len()];
    let t = if t == s {
        STATES[(i + 1) % STATES.len()]
    } else {
        t
    };
    let actor = |c: &str| ActorRef {
        text: c.into(),
        code: format!("{c}GOV"),
        country: Some(c.into()),
        sector: Some("GOV".into()),
        actor_id: None,
        resolved_by: None,
    };
    let mut start = 0u32;
    let sentence_records: Vec<SentenceRecord> = sentences
        .iter()
        .enumerate()
        .map(|(k, x)| {
            let n = x.chars().count() as u32;
            let r = SentenceRecord {
                index: k as u32,
                span: Span::new(start, start + n),
            };
            start += n;
            r
        })
        .collect();
    let ev = |k: u32| Event {
        id: format!("{}-{k}-0", a.id),
        article_id: a.id.0.clone(),
        sentence: k,
        date: a.published.clone(),
        date_precision: Some(DatePrecision::Day),
        source: Some(actor(if k & 1 == 0 { s } else { t })),
        target: Some(actor(if k & 1 == 0 { t } else { s })),
        others: vec![],
        cameo: ["040", "042", "112", "057", "173"][(i + k as usize) % 5].into(),
        cameo_root: ["04", "04", "11", "05", "17"][(i + k as usize) % 5].into(),
        plover_type: "CONSULT".into(),
        plover_mode: None,
        goldstein: [1.0, 1.9, -2.0, 3.5, -5.0][(i + k as usize) % 5],
        quad_class: [1, 1, 3, 1, 4][(i + k as usize) % 5],
        location: None,
        negated: false,
        modality: Modality::Actual,
        attributed_to: None,
        confidence: 0.8,
        evidence: Evidence {
            text: sentences[k as usize].clone(),
            source_span: None,
            target_span: None,
            trigger_span: None,
        },
    };
    let mentions = (0..12)
        .map(|k| Mention {
            sentence: k,
            span: Span::new(0, 5),
            text: s.into(),
            kind: MentionKind::State,
            code: s.into(),
            country: Some(s.into()),
            sector: None,
            actor_id: None,
            resolved_by: ResolvedBy::Lexicon,
        })
        .collect();
    let rep = RepresentationChange {
        sender: s.into(),
        receiver: t.into(),
        from: None,
        to: [
            RepLevel::Ambassador,
            RepLevel::ChargeDAffaires,
            RepLevel::None,
        ][i % 3],
        action: "appoint".into(),
        effective: None,
        article_id: a.id.0.clone(),
        sentence: 0,
        evidence: Evidence {
            text: sentences[0].clone(),
            source_span: None,
            target_span: None,
            trigger_span: None,
        },
        confidence: 0.8,
    };
    let c = CodedArticle {
        article_id: a.id.0.clone(),
        sentences: sentence_records,
        mentions,
        events: (0..8).map(ev).collect(),
        representation_changes: vec![rep],
        recognitions: vec![],
    };
    (a, c)
}

/// CPU seconds (user + system) used by this process so far, from /proc (Linux); the
/// machine may be shared, so wall-clock rates alone can mislead.
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    let rest = &stat[stat.rfind(')')? + 2..];
    let f: Vec<&str> = rest.split_whitespace().collect();
    let ticks: f64 = f.get(11)?.parse::<f64>().ok()? + f.get(12)?.parse::<f64>().ok()?;
    Some(ticks / 100.0)
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn time<T>(f: impl Fn() -> T) -> f64 {
    median(
        (0..5)
            .map(|_| {
                let t = Instant::now();
                std::hint::black_box(f());
                t.elapsed().as_secs_f64() * 1000.0
            })
            .collect(),
    )
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let n: usize = args.next().map(|s| s.parse()).transpose()?.unwrap_or(5000);
    let dir = tempfile::tempdir()?;
    let path = args
        .next()
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| dir.path().join("bench.db"));
    let items: Vec<_> = (0..n).map(synth).collect();
    let mut s = Store::open(&path)?;
    let t = Instant::now();
    let cpu0 = cpu_seconds();
    let sum = s.insert_batch(items.iter().map(|(a, c)| (a, c)))?;
    let secs = t.elapsed().as_secs_f64();
    if let (Some(a), Some(b)) = (cpu0, cpu_seconds()) {
        println!(
            "insert CPU: {:.2} s = {:.0} articles per CPU-second",
            b - a,
            sum.new as f64 / (b - a).max(0.01)
        );
    }
    println!(
        "insert: {} new articles ({} events) in {:.2} s = {:.0} articles/s, {:.0} events/s",
        sum.new,
        sum.events,
        secs,
        sum.new as f64 / secs,
        sum.events as f64 / secs
    );
    let t = Instant::now();
    let again = s.insert_batch(items.iter().map(|(a, c)| (a, c)))?;
    let secs = t.elapsed().as_secs_f64();
    println!(
        "re-ingest: {} present in {:.3} s = {:.0} articles/s",
        again.present,
        secs,
        again.present as f64 / secs
    );
    println!(
        "file size: {:.1} MB",
        std::fs::metadata(&path)?.len() as f64 / 1e6
    );
    println!(
        "dyad PAK AFG: {:.2} ms (median of 5)",
        time(|| s.dyad("PAK", "AFG").unwrap())
    );
    println!(
        "relations PAK: {:.2} ms",
        time(|| s.relations("PAK").unwrap())
    );
    println!(
        "changes --since 2024-12: {:.2} ms",
        time(|| s
            .changes(&ChangeFilter {
                since: Some("2024-12".into()),
                ..Default::default()
            })
            .unwrap())
    );
    println!(
        "events --actor PAK --code 04: {:.2} ms",
        time(|| s
            .events(&EventFilter {
                actor: Some("PAK".into()),
                code_prefix: Some("04".into()),
                ..Default::default()
            })
            .unwrap())
    );
    println!(
        "weekly series PAK AFG: {:.2} ms",
        time(|| s
            .dyad_series("PAK", "AFG", Granularity::Week, None, None)
            .unwrap())
    );
    // COW import/export at the scale of the real dataset: every pair of states with a
    // COW code, five census years.
    let codes: Vec<u16> = attache_core::country::all()
        .iter()
        .filter_map(|c| c.cow)
        .collect();
    let mut csv = String::from("ccode1,ccode2,year,DR_at_1,DR_at_2,DE,version\n");
    let mut rows = 0usize;
    for (i, &a) in codes.iter().enumerate() {
        for &b in &codes[i + 1..] {
            let (a, b) = (a.min(b), a.max(b));
            for (k, y) in [1990, 1995, 2000, 2005, 2010].iter().enumerate() {
                let l1 = [0, 1, 3, 3, 9][(a as usize + k) % 5];
                let l2 = [3, 0, 1, 3, 2][(b as usize + k) % 5];
                csv.push_str(&format!("{a},{b},{y},{l1},{l2},0,2006.1\n"));
                rows += 1;
            }
        }
    }
    let mut c = Store::open(dir.path().join("cow.db"))?;
    let t = Instant::now();
    let sum = c.import_cow(csv.as_bytes(), "synthetic.csv")?;
    println!(
        "COW import: {rows} rows, {} facts in {:.2} s",
        sum.facts_new,
        t.elapsed().as_secs_f64()
    );
    let t = Instant::now();
    let mut out = Vec::new();
    let n = c.export_cow(&mut out, None)?;
    println!(
        "COW export: {n} dyad-years in {:.2} s",
        t.elapsed().as_secs_f64()
    );
    Ok(())
}
