//! Parser speed and accuracy on a CoNLL-U file with the file's own tags:
//! `cargo run --release -p attache-text --example parser_bench -- MODEL.bin GOLD.conllu [OUT.conllu]`.
//!
//! Prints words/s for parsing alone (tags given, single thread, best of 5 passes, by
//! wall clock and by the thread's CPU time), so
//! the parser's share of the pipeline budget can be checked separately.

use std::path::Path;
use std::time::Instant;

use attache_text::conllu::read_conllu_file;
use attache_text::parser::{evaluate, Parser};
use attache_text::Upos;

/// CPU time of this thread in seconds (Linux `schedstat`), so that a busy shared
/// machine does not distort the measurement; falls back to wall time elsewhere.
fn cpu_time() -> Option<f64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: f64 = s.split_whitespace().next()?.parse().ok()?;
    Some(ns / 1e9)
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.len() < 3 {
        eprintln!("usage: parser_bench MODEL.bin GOLD.conllu");
        std::process::exit(2);
    }
    let t0 = Instant::now();
    let bytes = std::fs::read(&args[1]).expect("cannot read the model");
    let mut p = Parser::from_bytes(&bytes).expect("bad model");
    if let Ok(v) = std::env::var("PARSER_PRUNE") {
        // try a pruning threshold: report the pruned model's size and accuracy
        p = p.pruned(v.parse().expect("PARSER_PRUNE must be a number"));
        println!("pruned below {v}: {} bytes", p.to_bytes().len());
        if let Ok(out) = std::env::var("PARSER_WRITE") {
            std::fs::write(&out, p.to_bytes()).expect("cannot write the pruned model");
        }
    }
    let load = t0.elapsed();
    let gold = read_conllu_file(Path::new(&args[2])).expect("cannot read the CoNLL-U file");
    let sents: Vec<(Vec<&str>, Vec<Upos>, Vec<&str>)> = gold
        .iter()
        .map(|s| {
            (
                s.words.iter().map(|w| w.form.as_str()).collect(),
                s.words
                    .iter()
                    .map(|w| Upos::parse(&w.upos).unwrap_or(Upos::X))
                    .collect(),
                s.words.iter().map(|w| w.xpos.as_str()).collect(),
            )
        })
        .collect();
    let words: usize = sents.iter().map(|s| s.0.len()).sum();
    let mut best = f64::MAX;
    let mut best_cpu = f64::MAX;
    let mut check = 0u64;
    for _ in 0..5 {
        let t = Instant::now();
        let c = cpu_time();
        for (f, u, x) in &sents {
            let out = p.parse(f, u, x);
            check += out.len() as u64;
        }
        best = best.min(t.elapsed().as_secs_f64());
        if let (Some(a), Some(b)) = (c, cpu_time()) {
            best_cpu = best_cpu.min(b - a);
        }
    }
    let sc = evaluate(&p, &gold);
    if let Some(out_path) = args.get(3) {
        // write the parsed trees (for error analysis)
        let mut parsed = gold.clone();
        for (s, (f, u, x)) in parsed.iter_mut().zip(&sents) {
            for (w, (h, l)) in s.words.iter_mut().zip(p.parse(f, u, x)) {
                w.head = h;
                w.deprel = p.deprel_name(l).to_string();
            }
        }
        let mut out = String::new();
        attache_text::conllu::write_conllu(&parsed, &mut out);
        std::fs::write(out_path, out).expect("cannot write the parsed file");
    }
    println!(
        "model {} bytes, loaded in {:.3}s; {} sentences, {} words; parse {:.0} words/s wall, {:.0} words/s CPU time ({} parsed); UAS {:.2} LAS {:.2} (full labels {:.2})",
        bytes.len(),
        load.as_secs_f64(),
        sents.len(),
        words,
        words as f64 / best,
        words as f64 / best_cpu,
        check,
        sc.uas,
        sc.las,
        sc.las_full
    );
}
