//! Coding speed on the VOA corpus, one thread (parse + resolve + extract):
//! `cargo run --release -p attache-coder --example bench_code [-- FILE.jsonl] [--repeat N]`.
//! Prints sentences/s; the median of N runs (default 3).

use attache_core::Article;
use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let path = args
        .iter()
        .find(|a| a.ends_with(".jsonl"))
        .cloned()
        .unwrap_or("../shared/corpus/voa/voa_stories.jsonl".into());
    let repeat: usize = args
        .iter()
        .position(|a| a == "--repeat")
        .and_then(|i| args.get(i + 1))
        .and_then(|s| s.parse().ok())
        .unwrap_or(3);
    let Ok(text) = std::fs::read_to_string(&path) else {
        println!("skipping: {path} not found");
        return;
    };
    let arts: Vec<Article> = text
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .map(|v| {
            let mut a = Article::new("bench", v["text"].as_str().unwrap_or(""));
            a.published = v["published"]
                .as_str()
                .map(|p| p.chars().take(10).collect());
            a
        })
        .collect();
    let coder = match attache_coder::Coder::load_default() {
        Ok(c) => c,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(1);
        }
    };
    let mut rates = Vec::new();
    let (mut sents, mut events) = (0usize, 0usize);
    for _ in 0..repeat {
        let t = Instant::now();
        sents = 0;
        events = 0;
        for a in &arts {
            let c = coder.code(a);
            sents += c.sentences.len();
            events += c.events.len();
        }
        rates.push(sents as f64 / t.elapsed().as_secs_f64());
    }
    rates.sort_by(|a, b| a.total_cmp(b));
    if args.iter().any(|a| a == "--stages") {
        let pipe = attache_text::Pipeline::load_default().expect("models");
        let lex = attache_lexicon::Lexicon::load_default().expect("lexicon");
        let t = Instant::now();
        let docs: Vec<_> = arts.iter().map(|a| pipe.parse(&a.text)).collect();
        let tp = t.elapsed().as_secs_f64();
        let t = Instant::now();
        let ms: Vec<_> = arts
            .iter()
            .zip(&docs)
            .map(|(a, d)| attache_coder::MentionResolver::resolve(&lex, d, a, None))
            .collect();
        let tr = t.elapsed().as_secs_f64();
        let ex = attache_coder::Extractor::new(attache_coder::Patterns::load_default());
        let t = Instant::now();
        for ((a, d), m) in arts.iter().zip(&docs).zip(ms) {
            std::hint::black_box(ex.code_parsed(a, d, m, None));
        }
        let te = t.elapsed().as_secs_f64();
        eprintln!("parse {:.3}s resolve {:.3}s extract {:.3}s", tp, tr, te);
    }
    println!(
        "{{\"articles\": {}, \"sentences\": {}, \"events\": {}, \"sentences_per_s\": {:.0}, \"runs\": {}}}",
        arts.len(),
        sents,
        events,
        rates[rates.len() / 2],
        repeat
    );
}
