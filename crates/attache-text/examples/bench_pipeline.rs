//! Measure the pipeline's speed on the VOA stories, one thread:
//! `cargo run --release -p attache-text --example bench_pipeline -- ../shared/corpus/voa/voa_stories.jsonl [MODEL_DIR]`.
//!
//! Prints model load time and tokens/s for the whole pipeline (tokenize, split, tag,
//! lemmatize, parse). Without MODEL_DIR the built-in models are used.

use std::time::Instant;

use attache_text::Pipeline;

/// The `"text"` fields of a JSON Lines file (minimal string-unescaping reader).
fn texts(jsonl: &str) -> Vec<String> {
    let mut out = Vec::new();
    for line in jsonl.lines() {
        let Some(p) = line.find("\"text\": \"") else {
            continue;
        };
        let mut s = String::new();
        let mut it = line[p + 9..].chars();
        while let Some(c) = it.next() {
            match c {
                '"' => break,
                '\\' => match it.next() {
                    Some('n') => s.push('\n'),
                    Some('t') => s.push('\t'),
                    Some('u') => {
                        let h: String = it.by_ref().take(4).collect();
                        s.push(
                            u32::from_str_radix(&h, 16)
                                .ok()
                                .and_then(char::from_u32)
                                .unwrap_or(' '),
                        );
                    }
                    Some(c) => s.push(c),
                    None => break,
                },
                c => s.push(c),
            }
        }
        out.push(s);
    }
    out
}

/// On-CPU time of this thread in seconds (Linux), else wall time is used.
fn cpu_time() -> Option<f64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: f64 = s.split_whitespace().next()?.parse().ok()?;
    Some(ns / 1e9)
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(path) = args.first() else {
        eprintln!("usage: bench_pipeline STORIES.jsonl [MODEL_DIR]");
        std::process::exit(2);
    };
    let data = match std::fs::read_to_string(path) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("cannot read {path}: {e}");
            std::process::exit(1);
        }
    };
    let texts = texts(&data);
    let t0 = Instant::now();
    let p = match args.get(1) {
        Some(d) => Pipeline::load_dir(std::path::Path::new(d)),
        None => Pipeline::load_default(),
    };
    let p = match p {
        Ok(p) => p,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(1);
        }
    };
    let load = t0.elapsed().as_secs_f64();
    println!(
        "models loaded in {:.3}s (parser: {}), tagger size {:?}",
        load,
        p.parser().is_some(),
        p.tagger().size()
    );
    println!("probe stats {:?}", p.tagger().probe_stats());
    let t = Instant::now();
    let mut ntok = 0;
    for x in &texts {
        let toks = attache_text::tokenize::tokenize(x);
        ntok += attache_text::segment::split_sentences(x, &toks).len();
    }
    println!(
        "tokenize+split only: {:.3}s ({ntok} sentences)",
        t.elapsed().as_secs_f64()
    );
    // Tagging alone (tokens and sentences prepared beforehand).
    let mut sents_forms: Vec<Vec<&str>> = Vec::new();
    for x in &texts {
        let toks = attache_text::tokenize::tokenize(x);
        for r in attache_text::segment::split_sentences(x, &toks) {
            sents_forms.push(
                toks[r]
                    .iter()
                    .map(|&(a, b)| &x[a as usize..b as usize])
                    .collect(),
            );
        }
    }
    let mut sc = attache_text::tagger::TagScratch::default();
    let c0 = cpu_time();
    let mut nw = 0;
    for _ in 0..3 {
        for f in &sents_forms {
            p.tagger().tag_with(f, &mut sc);
            nw += sc.classes.len();
        }
    }
    if let (Some(a), Some(b)) = (c0, cpu_time()) {
        println!("tagger alone: {:.0} tokens/s (on-CPU)", nw as f64 / (b - a));
    }
    // With a combined (two-direction) parser, the pipeline with its left-to-right half
    // alone is timed in alternation with the full one, so the ratio is measured under
    // the same machine load.
    // Likewise with a tree reviser: the pipeline without it is timed in alternation.
    let single = p.parser().and_then(|q| {
        if q.reviser().is_some() {
            return Some(attache_text::Pipeline::from_models(
                p.tagger().clone(),
                p.lemmatizer().clone(),
                Some(q.without_reviser()),
            ));
        }
        let (l2r, r2l) = q.directions();
        r2l.map(|_| {
            attache_text::Pipeline::from_models(
                p.tagger().clone(),
                p.lemmatizer().clone(),
                Some(l2r),
            )
        })
    });
    let rounds = 3;
    let run = |pl: &Pipeline| -> (usize, usize, f64, f64) {
        let t = Instant::now();
        let c0 = cpu_time();
        let (mut tokens, mut sents) = (0usize, 0usize);
        for x in &texts {
            let d = pl.parse(x);
            sents += d.sentences.len();
            tokens += d.sentences.iter().map(|s| s.len()).sum::<usize>();
        }
        let wall = t.elapsed().as_secs_f64();
        let el = match (c0, cpu_time()) {
            (Some(a), Some(b)) => b - a,
            _ => wall,
        };
        (tokens, sents, wall, el)
    };
    if let Some(single) = &single {
        let (mut a, mut b) = ((0usize, 0f64), (0usize, 0f64));
        for _ in 0..rounds {
            let r = run(single);
            a = (a.0 + r.0, a.1 + r.3);
            let r = run(&p);
            b = (b.0 + r.0, b.1 + r.3);
        }
        let (ra, rb) = (a.0 as f64 / a.1, b.0 as f64 / b.1);
        println!(
            "greedy parser only: {ra:.0} tokens/s; with the reviser or both directions combined: {rb:.0} tokens/s (ratio {:.3}, on-CPU, alternating rounds)",
            rb / ra
        );
    }
    let (mut tokens, mut sents, mut wall, mut el) = (0usize, 0usize, 0f64, 0f64);
    for _ in 0..rounds {
        let r = run(&p);
        tokens += r.0;
        sents += r.1;
        wall += r.2;
        el += r.3;
    }
    println!("wall {wall:.2}s, on-CPU {el:.2}s (rates below per on-CPU second)");
    println!(
        "{} texts x {rounds}: {tokens} tokens, {sents} sentences in {el:.2}s: {:.0} tokens/s, {:.0} sentences/s",
        texts.len(),
        tokens as f64 / el,
        sents as f64 / el
    );
}
