//! Tagger and lemmatizer accuracy on a CoNLL-U file with gold tokenization:
//! `cargo run --release -p attache-text --example tagger_eval -- GOLD.conllu [MODEL_DIR]`.
//!
//! Prints UPOS, XPOS, UFeats (whole FEATS string), the coder's features (Tense, Number,
//! Voice, Mood, VerbForm, Polarity all right) and lemma accuracy with predicted tags,
//! all with gold tokenization.

use std::path::Path;

use attache_text::conllu::read_conllu_file;
use attache_text::doc::Feats;
use attache_text::Pipeline;

fn coder_feats(s: &str) -> Feats {
    // Reuse the Sentence accessor's parsing through a one-token sentence.
    let tok = attache_text::doc::TokenRecord {
        start: 0,
        end: 0,
        upos: attache_text::Upos::X,
        xpos: String::new(),
        feats: s.to_string(),
        lemma: String::new(),
        head: 0,
        deprel: String::new(),
    };
    attache_text::Sentence {
        span: 0..0,
        tokens: vec![tok],
    }
    .feats(0)
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(gold) = args.first() else {
        eprintln!("usage: tagger_eval GOLD.conllu [MODEL_DIR]");
        std::process::exit(2);
    };
    let gold = read_conllu_file(Path::new(gold)).unwrap_or_else(|e| {
        eprintln!("{e}");
        std::process::exit(1)
    });
    let p = match args.get(1) {
        Some(d) => Pipeline::load_dir(Path::new(d)),
        None => Pipeline::load_default(),
    }
    .unwrap_or_else(|e| {
        eprintln!("{e}");
        std::process::exit(1)
    });
    let (mut n, mut u, mut x, mut f, mut cf, mut l) =
        (0usize, 0usize, 0usize, 0usize, 0usize, 0usize);
    for g in &gold {
        let s = p.parse_pretokenized(&g.forms());
        for (i, w) in g.words.iter().enumerate() {
            n += 1;
            u += (s.upos(i).as_str() == w.upos) as usize;
            x += (s.xpos(i) == w.xpos) as usize;
            f += (s.feats_str(i) == w.feats) as usize;
            cf += (s.feats(i) == coder_feats(&w.feats)) as usize;
            l += (s.lemma(i) == w.lemma) as usize;
        }
    }
    let pct = |a: usize| 100.0 * a as f64 / n.max(1) as f64;
    println!(
        "{n} words: UPOS {:.2}  XPOS {:.2}  UFeats {:.2}  coder feats {:.2}  lemma {:.2}",
        pct(u),
        pct(x),
        pct(f),
        pct(cf),
        pct(l)
    );
}
