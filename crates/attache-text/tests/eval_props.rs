//! Properties of `doc_to_conllu` and the scorer on arbitrary text: the CoNLL-U written
//! for any tokenized document reads back identically, keeps every non-space character,
//! and scores 100 against itself.

use attache_text::conllu::{read_conllu, write_conllu};
use attache_text::doc::{Doc, Sentence, TokenRecord, Upos};
use attache_text::eval::{doc_to_conllu, score};
use attache_text::segment::split_sentences;
use attache_text::tokenize::tokenize;
use proptest::prelude::*;

fn doc(text: &str) -> Doc<'_> {
    let toks = tokenize(text);
    let sentences = split_sentences(text, &toks)
        .into_iter()
        .map(|r| {
            let ts = &toks[r];
            Sentence {
                span: ts[0].0 as usize..ts[ts.len() - 1].1 as usize,
                tokens: ts
                    .iter()
                    .enumerate()
                    .map(|(k, &(a, b))| TokenRecord {
                        start: a,
                        end: b,
                        upos: Upos::X,
                        xpos: "XX".into(),
                        feats: String::new(),
                        lemma: text[a as usize..b as usize].to_lowercase(),
                        head: if k == 0 { 0 } else { 1 },
                        deprel: if k == 0 { "root".into() } else { "dep".into() },
                    })
                    .collect(),
            }
        })
        .collect();
    Doc { text, sentences }
}

fn check(text: &str) {
    let d = doc(text);
    let c = doc_to_conllu(&d);
    let mut out = String::new();
    write_conllu(&c, &mut out);
    let back = read_conllu(&out)
        .unwrap_or_else(|e| panic!("unreadable CoNLL-U ({e}) for {text:?}:\n{out}"));
    assert_eq!(back, c);
    let s = score(&back, &c);
    assert!(s.same_text);
    assert_eq!(s.las.f1(), 100.0);
    let chars: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let forms: String = c
        .iter()
        .flat_map(|s| s.words.iter())
        .flat_map(|w| w.form.chars())
        .collect();
    assert_eq!(forms, chars);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    #[test]
    fn conllu_round_trip_newsy(s in "[a-zA-Z0-9 .,;:!?'’\"“”()$%@#&/\\-–—…\n_]{1,80}") {
        if s.chars().any(|c| !c.is_whitespace()) {
            check(&s);
        }
    }

    #[test]
    fn conllu_round_trip_clitics(s in "((can't|don't|it's|we're|I'm|they've|cannot|gonna|leaders'|U\\.S\\.|Mr\\.|No\\. 3|the|The) ?){1,12}") {
        check(&s);
    }
}

#[test]
fn different_texts_score_without_blowing_up() {
    // A gold file with a multiword token and a system file over different text: the
    // scorer reports same_text = false and low scores instead of failing.
    let gold_text = "Kabul's envoy can't go. ".repeat(3000);
    let sys_text = "Kabuls envoy cant go now. ".repeat(3000);
    let g = doc_to_conllu(&doc(&gold_text));
    let s = doc_to_conllu(&doc(&sys_text));
    let sc = score(&g, &s);
    assert!(!sc.same_text);
    assert!(sc.tokens.f1() < 50.0);
}
