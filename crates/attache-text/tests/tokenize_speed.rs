//! Throughput of the tokenizer and sentence splitter on the VOA news corpus and the EWT
//! raw text. Ignored by default (a measurement, not a check; no timing assertions):
//!
//! ```text
//! CARGO_TARGET_DIR=/work/target-tok cargo test --release -p attache-text \
//!     --test tokenize_speed -- --ignored --nocapture
//! ```

use std::path::PathBuf;
use std::time::Instant;

use attache_text::segment::split_sentences;
use attache_text::tokenize::tokenize_into;

fn shared(rel: &str) -> Option<PathBuf> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared")
        .join(rel);
    if p.exists() {
        Some(p)
    } else {
        println!("skipping: ../shared/{rel} not found");
        None
    }
}

/// The `"text"` string of each JSON line (a minimal reader for this one field).
fn voa_texts(jsonl: &str) -> Vec<String> {
    let mut out = Vec::new();
    for line in jsonl.lines() {
        let Some(k) = line.find("\"text\":") else {
            continue;
        };
        let rest = line[k + 7..].trim_start();
        let Some(rest) = rest.strip_prefix('"') else {
            continue;
        };
        let mut s = String::new();
        let mut chars = rest.chars();
        while let Some(c) = chars.next() {
            match c {
                '"' => break,
                '\\' => match chars.next() {
                    Some('n') => s.push('\n'),
                    Some('t') => s.push('\t'),
                    Some('u') => {
                        let hex: String = chars.by_ref().take(4).collect();
                        let cp = u32::from_str_radix(&hex, 16).unwrap_or(0xFFFD);
                        s.push(char::from_u32(cp).unwrap_or('\u{FFFD}'));
                    }
                    Some(o) => s.push(o),
                    None => break,
                },
                c => s.push(c),
            }
        }
        out.push(s);
    }
    out
}

fn measure(name: &str, texts: &[String]) {
    let bytes: usize = texts.iter().map(String::len).sum();
    let mut toks = Vec::new();
    // Warm up and count.
    let mut ntok = 0;
    let mut nsent = 0;
    for t in texts {
        toks.clear();
        tokenize_into(t, &mut toks);
        ntok += toks.len();
        nsent += split_sentences(t, &toks).len();
    }
    let reps = (20_000_000 / bytes.max(1)).clamp(3, 200);
    let start = Instant::now();
    for _ in 0..reps {
        for t in texts {
            toks.clear();
            tokenize_into(t, &mut toks);
        }
    }
    let tok_s = start.elapsed().as_secs_f64() / reps as f64;
    let start = Instant::now();
    for _ in 0..reps {
        for t in texts {
            toks.clear();
            tokenize_into(t, &mut toks);
            std::hint::black_box(split_sentences(t, &toks));
        }
    }
    let both_s = start.elapsed().as_secs_f64() / reps as f64;
    println!(
        "{name}: {} texts, {:.1} MB, {ntok} tokens, {nsent} sentences; tokenize {:.2} M tokens/s ({:.0} MB/s); tokenize+split {:.2} M tokens/s",
        texts.len(),
        bytes as f64 / 1e6,
        ntok as f64 / tok_s / 1e6,
        bytes as f64 / tok_s / 1e6,
        ntok as f64 / both_s / 1e6,
    );
}

#[test]
#[ignore]
fn tokenizer_throughput() {
    if let Some(p) = shared("corpus/voa/voa_stories.jsonl") {
        let texts = voa_texts(&std::fs::read_to_string(p).expect("readable corpus"));
        measure("VOA", &texts);
    }
    if let Some(p) = shared("ud/en_ewt-ud-train.conllu") {
        let gold = attache_text::conllu::read_conllu_file(&p).expect("readable treebank");
        measure("EWT train raw text", &[attache_text::eval::raw_text(&gold)]);
    }
}
