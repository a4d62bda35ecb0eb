//! Score the coder on the development half of the gold set:
//! `cargo run --release -p attache-coder --example eval_dev -- [GOLD] [--split dev|test] [--show]`.
//! Reads ../shared/corpus/voa/voa_stories.jsonl; `--show` prints each gold sentence of
//! the split with gold and predicted triples (for error analysis on **dev** only).

use attache_coder::eval::{read_gold, score, Predicted};
use attache_core::Article;
use std::collections::{BTreeMap, BTreeSet};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let gold_path = args
        .iter()
        .find(|a| !a.starts_with("--") && a.ends_with(".jsonl"))
        .cloned()
        .unwrap_or("data/gold/events-voa.jsonl".into());
    let split = args
        .iter()
        .position(|a| a == "--split")
        .and_then(|i| args.get(i + 1))
        .cloned()
        .unwrap_or("dev".into());
    let show = args.iter().any(|a| a == "--show");
    let corpus = "../shared/corpus/voa/voa_stories.jsonl";
    if !std::path::Path::new(corpus).exists() {
        println!("skipping: {corpus} not found");
        return;
    }
    let gold = match read_gold(std::path::Path::new(&gold_path)) {
        Ok(g) => g,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(1);
        }
    };
    let wanted: BTreeSet<&str> = gold
        .iter()
        .filter(|g| g.split == split)
        .map(|g| g.story.as_str())
        .collect();
    let mut arts = Vec::new();
    let text = std::fs::read_to_string(corpus).unwrap_or_default();
    for line in text.lines() {
        let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else {
            continue;
        };
        let id = v["id"].as_str().unwrap_or("").to_string();
        if !wanted.contains(id.as_str()) {
            continue;
        }
        let mut a = Article::new(id.clone(), v["text"].as_str().unwrap_or(""));
        a.external_id = Some(id);
        a.published = v["published"]
            .as_str()
            .map(|p| p.chars().take(10).collect());
        a.title = v["title"].as_str().map(str::to_string);
        arts.push(a);
    }
    let coder = match attache_coder::Coder::load_default() {
        Ok(c) => c,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(1);
        }
    };
    let coded = coder.code_batch(&arts);
    let mut preds = Vec::new();
    for (a, c) in arts.iter().zip(&coded) {
        preds.extend(Predicted::from_coded_article(
            a.external_id.as_deref().unwrap_or(""),
            0,
            c,
        ));
    }
    let s = score(&gold, &preds, Some(&split));
    println!("{}", s.to_text());
    if show {
        let mut by: BTreeMap<(String, u32), Vec<String>> = BTreeMap::new();
        for p in &preds {
            by.entry((p.story.clone(), p.start))
                .or_default()
                .push(format!("{:?}>{:?} {}", p.source_key, p.target_key, p.cameo));
        }
        for g in gold.iter().filter(|g| g.split == split) {
            let a = arts
                .iter()
                .find(|a| a.external_id.as_deref() == Some(g.story.as_str()));
            let Some(a) = a else { continue };
            let sent: String = a
                .text
                .chars()
                .skip(g.start as usize)
                .take((g.end - g.start) as usize)
                .collect();
            let gs: Vec<String> = g
                .events
                .iter()
                .map(|e| format!("{:?}>{:?} {}", e.source, e.target, e.cameo))
                .collect();
            let ps: Vec<String> = by
                .iter()
                .filter(|((st, s0), _)| {
                    // Predictions whose sentence starts inside the gold sentence.
                    st == &g.story && *s0 >= g.start && *s0 < g.end
                })
                .flat_map(|(_, v)| v.clone())
                .collect();
            if gs.is_empty() && ps.is_empty() {
                continue;
            }
            println!(
                "\n[{}:{}] {}\n  gold: {}\n  pred: {}",
                g.story,
                g.start,
                sent,
                gs.join("; "),
                ps.join("; ")
            );
        }
    }
}
