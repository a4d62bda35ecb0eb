//! Code a text file and print its events, representation changes and recognition facts
//! as JSON lines: `cargo run -p attache-coder --example code_file -- FILE [--date YYYY-MM-DD]`.
//! A leading dateline ("ISLAMABAD:") is split off the way ingest does it.

use attache_core::Article;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(path) = args.first() else {
        eprintln!("usage: code_file FILE [--date YYYY-MM-DD]");
        std::process::exit(2);
    };
    let date = args
        .iter()
        .position(|a| a == "--date")
        .and_then(|i| args.get(i + 1))
        .cloned();
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("cannot read {path}: {e}");
            std::process::exit(1);
        }
    };
    let (dateline, body) = match text.split_once(':') {
        Some((d, rest)) if d.len() < 40 && d.chars().all(|c| c.is_uppercase() || c == ' ') => {
            (Some(d.to_string()), rest.trim_start().to_string())
        }
        _ => (None, text.clone()),
    };
    let mut art = Article::new(path.as_str(), body);
    art.dateline = dateline;
    art.published = date;
    let coder = match attache_coder::Coder::load_default() {
        Ok(c) => c,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(1);
        }
    };
    if args.iter().any(|a| a == "--debug") {
        let doc = attache_text::Pipeline::load_default()
            .expect("models")
            .parse(&art.text);
        let lex = attache_lexicon::Lexicon::load_default().expect("lexicon");
        let pubd = art
            .published
            .as_deref()
            .and_then(attache_core::FuzzyDate::parse);
        let ms = attache_coder::MentionResolver::resolve(&lex, &doc, &art, pubd);
        for (si, s) in doc.sentences.iter().enumerate() {
            eprintln!("# {si}: {}", &art.text[s.span.clone()]);
            for i in 0..s.len() {
                eprintln!(
                    "{}\t{}\t{}\t{:?}\t{}\t{}",
                    i + 1,
                    s.form(&art.text, i),
                    s.lemma(i),
                    s.upos(i),
                    s.head(i).map(|h| h + 1).unwrap_or(0),
                    s.deprel(i)
                );
            }
            for m in ms.iter().filter(|m| m.sentence as usize == si) {
                eprintln!(
                    "  M {:?} {:?} code={} country={:?} id={:?} {:?}",
                    m.text, m.kind, m.code, m.country, m.actor_id, m.resolved_by
                );
            }
        }
    }
    let out = coder.code(&art);
    for e in &out.events {
        println!("{}", serde_json::to_string(e).unwrap_or_default());
    }
    for r in &out.representation_changes {
        println!("{}", serde_json::to_string(r).unwrap_or_default());
    }
    for r in &out.recognitions {
        println!("{}", serde_json::to_string(r).unwrap_or_default());
    }
}
