//! Stand-in for `attache actors …` / `attache eval actors` until the binary wires them:
//!
//! ```text
//! cargo run -p attache-lexicon --example actors -- lookup "TEXT" [--date D] [--dict FILE]... [--no-builtin]
//! cargo run -p attache-lexicon --example actors -- check [--dict FILE]...
//! cargo run -p attache-lexicon --example actors -- eval --gold data/eval/actors-gold.jsonl [--models DIR]
//! cargo run -p attache-lexicon --example actors -- resolve "TEXT" [--date D] [--dateline X]
//! cargo run --release -p attache-lexicon --example actors -- time [--dict FILE]... [--gold F]
//! ```

use attache_core::FuzzyDate;
use attache_lexicon::{eval_actors, eval_actors_with, resolve, simple_doc, DocContext, Lexicon};
use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut date = None;
    let mut dicts = Vec::new();
    let mut gold = None;
    let mut dateline = None;
    let mut builtin = true;
    let mut models: Option<String> = None;
    let mut free = Vec::new();
    let mut i = 0;
    while i < args.len() {
        match args[i].as_str() {
            "--date" => {
                i += 1;
                date = args.get(i).and_then(|d| FuzzyDate::parse(d));
            }
            "--dict" => {
                i += 1;
                dicts.extend(args.get(i).cloned());
            }
            "--gold" => {
                i += 1;
                gold = args.get(i).cloned();
            }
            "--dateline" => {
                i += 1;
                dateline = args.get(i).cloned();
            }
            "--models" => {
                i += 1;
                models = args.get(i).cloned();
            }
            "--no-builtin" => builtin = false,
            a => free.push(a.to_string()),
        }
        i += 1;
    }
    let t0 = Instant::now();
    let mut b = Lexicon::builder();
    if builtin {
        b = b.builtin().unwrap_or_else(|e| die(e));
    }
    for d in &dicts {
        b = if d.ends_with(".toml") {
            b.add_file(d)
        } else {
            b.add_petrarch(d)
        }
        .unwrap_or_else(|e| die(e));
    }
    let lex = b.build().unwrap_or_else(|e| die(e));
    let load = t0.elapsed();
    match free.first().map(String::as_str) {
        Some("lookup") => {
            for r in lex.lookup(free.get(1).map(String::as_str).unwrap_or(""), date) {
                println!("{r}");
            }
        }
        Some("check") => {
            let p = lex.check();
            for x in &p {
                println!("{x}");
            }
            println!("{} problem(s)", p.len());
            if !p.is_empty() {
                std::process::exit(1);
            }
        }
        Some("eval") => {
            let g = gold.unwrap_or_else(|| "data/eval/actors-gold.jsonl".into());
            let pipe = match &models {
                Some(m) => attache_text::Pipeline::load_dir(std::path::Path::new(m)),
                None => attache_text::Pipeline::load_default(),
            };
            let res = match pipe {
                Ok(pipe) => eval_actors(&lex, &pipe, std::path::Path::new(&g)),
                Err(e) => {
                    eprintln!("note: NLP models unavailable ({e}); using the whitespace splitter");
                    eval_actors_with(&lex, &simple_doc, std::path::Path::new(&g))
                }
            };
            match res {
                Ok(r) => print!("{r}"),
                Err(e) => die(e),
            }
        }
        Some("resolve") => {
            let text = free.get(1).cloned().unwrap_or_default();
            let pipe = match &models {
                Some(m) => attache_text::Pipeline::load_dir(std::path::Path::new(m)),
                None => attache_text::Pipeline::load_default(),
            };
            let doc = match &pipe {
                Ok(p) => p.parse(&text),
                Err(e) => {
                    eprintln!("note: NLP models unavailable ({e}); using the whitespace splitter");
                    simple_doc(&text)
                }
            };
            let ctx = DocContext {
                published: date,
                dateline,
                title: None,
            };
            for m in resolve(&lex, &doc, &ctx) {
                println!(
                    "{}\t{:?}\t{}\t{:?}\t{:?}\t{:?}\t{:?}",
                    m.sentence, m.text, m.code, m.country, m.sector, m.resolved_by, m.actor_id
                );
            }
        }
        Some("time") => {
            println!(
                "loaded {} files: {} actors, {} people, {} agent groups, {} PETRARCH actors, {} phrases, {} warnings in {:.1} ms",
                lex.files.len(),
                lex.actors.len(),
                lex.people.len(),
                lex.agents.len(),
                lex.petr_actors.len(),
                lex.phrase_count(),
                lex.warnings.len(),
                load.as_secs_f64() * 1000.0
            );
            // Resolution speed over the texts of a gold file.
            if let Some(g) = &gold {
                let text = std::fs::read_to_string(g).unwrap_or_else(|e| die(e));
                let texts: Vec<String> = text
                    .lines()
                    .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
                    .filter_map(|v| v["text"].as_str().map(str::to_string))
                    .collect();
                let docs: Vec<_> = texts.iter().map(|t| simple_doc(t)).collect();
                let sents: usize = docs.iter().map(|d| d.sentences.len()).sum();
                let ctx = DocContext {
                    published: date,
                    dateline: None,
                    title: None,
                };
                let t = Instant::now();
                let rounds = 50;
                let mut n = 0;
                for _ in 0..rounds {
                    for d in &docs {
                        n += resolve(&lex, d, &ctx).len();
                    }
                }
                let secs = t.elapsed().as_secs_f64();
                println!(
                    "resolved {} articles ({} sentences) x{rounds}: {:.1} µs per sentence, {} mentions",
                    docs.len(),
                    sents,
                    secs * 1e6 / (sents * rounds) as f64,
                    n / rounds
                );
            }
        }
        _ => eprintln!("usage: actors lookup|check|eval|resolve|time …"),
    }
}

fn die(e: impl std::fmt::Display) -> ! {
    eprintln!("error: {e}");
    std::process::exit(2)
}
