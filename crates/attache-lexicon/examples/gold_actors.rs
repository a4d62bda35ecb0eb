//! How many gold event actors the resolver gets right, on the dev half of the event gold
//! set: for each dev event's source and target, whether a mention in that sentence has
//! the gold scoring key (country, else code). The gold file has no actor spans, so this
//! is "present in the sentence", an upper bound on what the coder can pick.
//!
//! ```text
//! cargo run --release -p attache-lexicon --example gold_actors -- \
//!     [--gold data/gold/events-voa.jsonl] [--corpus ../shared/corpus/voa/voa_stories.jsonl] [--misses]
//! ```
//!
//! Only `split == "dev"` sentences are read; test sentences are skipped unread.

use attache_core::FuzzyDate;
use attache_lexicon::{resolve, DocContext, Lexicon};
use std::collections::HashMap;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut gold = "data/gold/events-voa.jsonl".to_string();
    let mut corpus = "../shared/corpus/voa/voa_stories.jsonl".to_string();
    let mut misses = false;
    let mut i = 0;
    while i < args.len() {
        match args[i].as_str() {
            "--gold" => {
                i += 1;
                gold = args[i].clone();
            }
            "--corpus" => {
                i += 1;
                corpus = args[i].clone();
            }
            "--misses" => misses = true,
            _ => {}
        }
        i += 1;
    }
    if !std::path::Path::new(&corpus).exists() {
        println!("skipping: {corpus} not found");
        return;
    }
    let mut by_story: HashMap<String, Vec<serde_json::Value>> = HashMap::new();
    for l in std::fs::read_to_string(&gold).expect("gold file").lines() {
        let v: serde_json::Value = serde_json::from_str(l).expect("gold json");
        if v["split"] == "dev" {
            by_story
                .entry(v["story"].as_str().unwrap_or("").to_string())
                .or_default()
                .push(v);
        }
    }
    let lex = Lexicon::builder()
        .builtin()
        .expect("builtin")
        .build()
        .expect("lexicon");
    let pipe = attache_text::Pipeline::load_default().expect("NLP models");
    let (mut ok, mut total) = (0usize, 0usize);
    for l in std::fs::read_to_string(&corpus).expect("corpus").lines() {
        let v: serde_json::Value = match serde_json::from_str(l) {
            Ok(v) => v,
            Err(_) => continue,
        };
        let id = v["id"].as_str().unwrap_or("");
        let Some(sents) = by_story.get(id) else {
            continue;
        };
        let text = v["text"].as_str().unwrap_or("");
        let published = v["published"]
            .as_str()
            .and_then(|p| FuzzyDate::parse(p.get(..10).unwrap_or("")));
        let doc = pipe.parse(text);
        let ctx = DocContext {
            published,
            dateline: None,
            title: v["title"].as_str().map(str::to_string),
        };
        let ms = resolve(&lex, &doc, &ctx);
        let chars: Vec<char> = text.chars().collect();
        for s in sents {
            let (a, b) = (
                s["start"].as_u64().unwrap_or(0) as u32,
                s["end"].as_u64().unwrap_or(0) as u32,
            );
            let inside: Vec<_> = ms
                .iter()
                .filter(|m| m.span.start >= a && m.span.end <= b)
                .collect();
            let keys: Vec<String> = inside
                .iter()
                .map(|m| m.country.clone().unwrap_or_else(|| m.code.clone()))
                .collect();
            for e in s["events"].as_array().into_iter().flatten() {
                for role in ["source", "target"] {
                    let Some(k) = e[role].as_str() else { continue };
                    total += 1;
                    if keys.iter().any(|x| x == k) {
                        ok += 1;
                    } else if misses {
                        let st: String = chars[a as usize..b as usize].iter().collect();
                        println!("MISS {id} {role}={k} have={keys:?}\n   {st}");
                    }
                }
            }
        }
    }
    println!(
        "dev gold actors present in sentence: {ok}/{total} = {:.1}%",
        100.0 * ok as f64 / total.max(1) as f64
    );
}
