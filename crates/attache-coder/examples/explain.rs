//! Why each trigger word of a text did or did not give an event:
//! `cargo run --release -p attache-coder --example explain < article.txt`.
//! Prints each sentence's events and, for each word the dictionary knows, how far it
//! got (see `attache_coder::extract::explain_triggers`).
//!
//! Standard input is plain text (dated 2025-01-01), or one JSON article
//! (`{"title": …, "published": …, "text": …}`) so that a sentence is explained in its
//! story's context; an opening "PLACE — " dateline is then set apart as ingestion does.

use attache_core::Article;
use std::io::Read;

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
    let mut a = Article::new("explain", &text);
    a.published = Some("2025-01-01".into());
    if text.trim_start().starts_with('{') {
        let v: serde_json::Value = match serde_json::from_str(text.trim()) {
            Ok(v) => v,
            Err(e) => {
                eprintln!("standard input starts with '{{' but is not one JSON article: {e}");
                std::process::exit(2);
            }
        };
        let field = |k: &str| v.get(k).and_then(|x| x.as_str()).map(str::to_string);
        text = field("text").unwrap_or_default();
        if let Some((place, rest)) = text.split_once(" — ") {
            if place.len() < 60 && place.chars().all(|c| !c.is_lowercase()) {
                let (place, rest) = (place.to_string(), rest.to_string());
                text = rest;
                a = Article::new("explain", &text);
                a.dateline = Some(place);
            }
        }
        a.text = text.clone();
        a.title = field("title");
        a.published = field("published").map(|d| d.chars().take(10).collect());
    }
    let (coded, why) = attache_coder::extract::explain_triggers(|| coder.code(&a));
    for e in &coded.events {
        let k = |r: &Option<attache_core::event::ActorRef>| {
            r.as_ref()
                .and_then(attache_coder::eval::actor_key)
                .unwrap_or_else(|| "-".into())
        };
        println!(
            "event s{}: {}>{}:{}{}",
            e.sentence,
            k(&e.source),
            k(&e.target),
            e.cameo,
            if e.negated { " (negated)" } else { "" }
        );
    }
    for s in why {
        for (b, r) in s {
            if r == "unknown word" {
                continue;
            }
            let w: String = text[b as usize..]
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '-')
                .collect();
            println!("  {w}: {r}");
        }
    }
}
