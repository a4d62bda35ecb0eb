//! Scores a file of probe sentences in the format of `data/patterns/examples.tsv`
//! (expected `SOURCE>TARGET:ROOT` keys, a tab, the sentence; a lone `-` for an
//! event-less sentence) and prints each line as `ok`, `MISS` or `EXTRA`:
//! `cargo run -p attache-coder --example probe_tsv < probes.tsv`.
//!
//! Why: the pattern_examples test only checks a share over the whole dictionary file;
//! writing probes for one construction needs the per-sentence verdict (events counted
//! as the test and the scorer count them: negated events are skipped, and an expected
//! key must be among the predicted ones; `exact` lines also have no others).

use attache_core::Article;
use std::collections::BTreeSet;
use std::io::Read;

fn key(a: &Option<attache_core::ActorRef>) -> String {
    a.as_ref()
        .map(|a| a.country.clone().unwrap_or(a.code.clone()))
        .filter(|k| !k.is_empty())
        .unwrap_or_else(|| "-".into())
}

fn main() {
    let mut text = String::new();
    if std::io::stdin().read_to_string(&mut text).is_err() {
        eprintln!("cannot read standard input as UTF-8 text");
        std::process::exit(2);
    }
    let coder = match attache_coder::Coder::load_default() {
        Ok(c) => c,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(1);
        }
    };
    let (mut lines, mut right) = (0, 0);
    for (i, l) in text.lines().enumerate() {
        if l.trim().is_empty() || l.starts_with('#') {
            continue;
        }
        let Some((exp, sentence)) = l.split_once('\t') else {
            eprintln!("line {}: no tab", i + 1);
            continue;
        };
        let expected: BTreeSet<String> = if exp.trim() == "-" {
            BTreeSet::new()
        } else {
            exp.split_whitespace().map(str::to_string).collect()
        };
        let mut art = Article::new(format!("probe{}", i + 1), sentence);
        art.published = Some("2025-03-04".into());
        let got: BTreeSet<String> = coder
            .code(&art)
            .events
            .iter()
            .filter(|v| !v.negated)
            .map(|v| format!("{}>{}:{}", key(&v.source), key(&v.target), v.cameo_root))
            .collect();
        lines += 1;
        let missing: Vec<&String> = expected.difference(&got).collect();
        let extra: Vec<&String> = got.difference(&expected).collect();
        let verdict = if missing.is_empty() && extra.is_empty() {
            right += 1;
            "ok   "
        } else if !missing.is_empty() {
            "MISS "
        } else {
            "EXTRA"
        };
        println!(
            "{verdict} {:>4} want {:?} got {:?} | {}",
            i + 1,
            expected,
            got,
            sentence
        );
    }
    println!("{right}/{lines} lines exactly right");
}
