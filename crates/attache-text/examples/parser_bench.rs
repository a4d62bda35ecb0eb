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
    if std::env::var("PARSER_GRID").is_ok() {
        grid(&p, &gold);
        return;
    }
    if let Ok(v) = std::env::var("PARSER_ONLY") {
        // measure one direction of a combined model: l2r or r2l
        let (a, b) = p.directions();
        p = match v.as_str() {
            "r2l" => b.expect("PARSER_ONLY=r2l needs a combined model"),
            _ => a,
        };
    }
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
    if let (Ok(_), (l2r, Some(_))) = (std::env::var("PARSER_COMPARE"), p.directions()) {
        // time the left-to-right half and the combined model in alternation (same load)
        let (mut ba, mut bb) = (f64::MAX, f64::MAX);
        for _ in 0..5 {
            for (q, best) in [(&l2r, &mut ba), (&p, &mut bb)] {
                if let Some(c) = cpu_time() {
                    for (f, u, x) in &sents {
                        check += q.parse(f, u, x).len() as u64;
                    }
                    if let Some(d) = cpu_time() {
                        *best = best.min(d - c);
                    }
                }
            }
        }
        println!(
            "left-to-right alone {:.0} words/s, combined {:.0} words/s (CPU time, ratio {:.3})",
            words as f64 / ba,
            words as f64 / bb,
            ba / bb
        );
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

/// Accuracy of each direction of a combined model, and of their combination under a few
/// arc weightings (`PARSER_GRID=1`), from one pair of parses per sentence.
fn grid(p: &Parser, gold: &[attache_text::conllu::ConlluSentence]) {
    use attache_text::combine::{combine, Weights};
    let (l2r, r2l) = p.directions();
    let r2l = r2l.expect("PARSER_GRID needs a combined model");
    let mut parses = Vec::new();
    for s in gold {
        let f: Vec<&str> = s.words.iter().map(|w| w.form.as_str()).collect();
        let u: Vec<Upos> = s
            .words
            .iter()
            .map(|w| Upos::parse(&w.upos).unwrap_or(Upos::X))
            .collect();
        let x: Vec<&str> = s.words.iter().map(|w| w.xpos.as_str()).collect();
        parses.push((l2r.parse_scored(&f, &u, &x), r2l.parse_scored(&f, &u, &x)));
    }
    let univ = |x: &str| x.split(':').next().unwrap_or("").to_string();
    let score = |out: &dyn Fn(usize) -> Vec<(u32, u8)>| {
        let (mut n, mut uas, mut las) = (0usize, 0usize, 0usize);
        for (si, s) in gold.iter().enumerate() {
            let o = out(si);
            let len = s.words.len() as u32;
            for (w, &(h, l)) in s.words.iter().zip(&o) {
                n += 1;
                let h1 = if h == len { 0 } else { h + 1 };
                if h1 == w.head {
                    uas += 1;
                    if univ(p.deprel_name(l)) == univ(&w.deprel) {
                        las += 1;
                    }
                }
            }
        }
        (100.0 * uas as f64 / n as f64, 100.0 * las as f64 / n as f64)
    };
    let a = score(&|i| parses[i].0.iter().map(|x| (x.0, x.1)).collect());
    let b = score(&|i| parses[i].1.iter().map(|x| (x.0, x.1)).collect());
    println!(
        "l2r UAS {:.2} LAS {:.2}; r2l UAS {:.2} LAS {:.2}",
        a.0, a.1, b.0, b.1
    );
    // Calibration: when the two disagree on a word's head, who is right, by margin.
    let mut buckets = std::collections::BTreeMap::new();
    for (si, s) in gold.iter().enumerate() {
        let len = s.words.len() as u32;
        let (pa, pb) = &parses[si];
        for (k, w) in s.words.iter().enumerate() {
            if pa[k].0 == pb[k].0 {
                continue;
            }
            for (dir, x) in [(0, pa[k]), (1, pb[k])] {
                let h1 = if x.0 == len { 0 } else { x.0 + 1 };
                let bucket = if x.2 >= 1 << 20 {
                    99
                } else {
                    (x.2 / 2000).min(20)
                };
                let e = buckets.entry((dir, bucket)).or_insert((0, 0));
                e.0 += 1;
                if h1 == w.head {
                    e.1 += 1;
                }
            }
        }
    }
    for ((dir, b), (n, c)) in &buckets {
        println!(
            "disagreement {} margin {:>5}: {:>5} arcs, {:.1}% right",
            ["l2r", "r2l"][*dir],
            b * 2000,
            n,
            100.0 * *c as f64 / *n as f64
        );
    }
    if let Ok(path) = std::env::var("PARSER_DUMP") {
        // disagreements as TSV, for prototyping an arbiter
        let mut out = String::new();
        for (si, s) in gold.iter().enumerate() {
            let len = s.words.len() as u32;
            let (pa, pb) = &parses[si];
            let up = |h: u32| {
                if h == len {
                    "ROOT".to_string()
                } else {
                    s.words[h as usize].upos.clone()
                }
            };
            for (k, w) in s.words.iter().enumerate() {
                if pa[k].0 == pb[k].0 {
                    continue;
                }
                let ok = |h: u32| (if h == len { 0 } else { h + 1 }) == w.head;
                out.push_str(&format!(
                    "{si}\t{k}\t{len}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\n",
                    w.upos,
                    up(pa[k].0),
                    up(pb[k].0),
                    p.deprel_name(pa[k].1),
                    p.deprel_name(pb[k].1),
                    pa[k].2,
                    pb[k].2,
                    pa[k].0,
                    pb[k].0,
                    ok(pa[k].0) as u8,
                    ok(pb[k].0) as u8,
                    w.form,
                    s.words.len()
                ));
            }
        }
        std::fs::write(path, out).expect("write dump");
    }
    let mut grid = Vec::new();
    let gv = |name: &str, d: &str| -> Vec<i64> {
        std::env::var(name)
            .unwrap_or_else(|_| d.to_string())
            .split(',')
            .map(|x| x.parse().expect("grid values are numbers"))
            .collect()
    };
    for &cap in &gv("G_CAP", "40000,80000,160000") {
        for &sb in &gv("G_SB", "30000,60000") {
            for &fa in &gv("G_FA", "0,20000,1048576") {
                for &fb in &gv("G_FB", "0,5000,20000") {
                    grid.push(Weights {
                        base: 1000,
                        cap: cap as i32,
                        scale_a: 30_000,
                        scale_b: sb,
                        forced_a: fa as i32,
                        forced_b: fb as i32,
                        bonus_a: 1,
                    });
                }
            }
        }
    }
    for w in grid {
        let c = score(&|i| combine(&parses[i].0, &parses[i].1, &w));
        println!("{w:?}: UAS {:.2} LAS {:.2}", c.0, c.1);
    }
}
