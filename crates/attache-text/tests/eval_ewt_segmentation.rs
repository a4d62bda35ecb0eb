//! Tokens and sentences F1 of the tokenizer and splitter from the raw text of UD
//! English-EWT dev and test (skipped when ../shared/ud is absent).

use std::path::PathBuf;

use attache_text::conllu::read_conllu_file;
use attache_text::eval::evaluate_segmentation;

fn ud(name: &str) -> Option<PathBuf> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/ud")
        .join(name);
    if p.exists() {
        Some(p)
    } else {
        println!("skipping: ../shared/ud/{name} not found");
        None
    }
}

fn check(name: &str) {
    let Some(path) = ud(name) else { return };
    let gold = read_conllu_file(&path).expect("treebank readable");
    let s = evaluate_segmentation(&gold);
    println!(
        "{name}: tokens F1 {:.2} (P {:.2} R {:.2}), sentences F1 {:.2} (P {:.2} R {:.2}), words F1 {:.2}, same text {}",
        s.tokens.f1(),
        s.tokens.precision(),
        s.tokens.recall(),
        s.sentences.f1(),
        s.sentences.precision(),
        s.sentences.recall(),
        s.words.f1(),
        s.same_text
    );
    assert!(
        s.same_text,
        "tokenization must keep every non-space character"
    );
    assert!(s.tokens.f1() >= 98.0, "tokens F1 {:.2} < 98", s.tokens.f1());
    assert!(
        s.sentences.f1() >= 75.0,
        "sentences F1 {:.2} < 75",
        s.sentences.f1()
    );
}

#[test]
fn ewt_dev_segmentation() {
    check("en_ewt-ud-dev.conllu");
}

#[test]
fn ewt_test_segmentation() {
    check("en_ewt-ud-test.conllu");
}

#[test]
fn ewt_test_scores_100_against_itself() {
    let Some(path) = ud("en_ewt-ud-test.conllu") else {
        return;
    };
    let gold = read_conllu_file(&path).expect("treebank readable");
    let s = attache_text::eval::score(&gold, &gold);
    assert!(s.same_text);
    for m in [
        s.tokens,
        s.sentences,
        s.words,
        s.upos,
        s.xpos,
        s.feats,
        s.lemmas,
        s.uas,
        s.las,
    ] {
        assert_eq!(m.f1(), 100.0);
    }
    assert_eq!(s.sentences.gold, gold.len());
}
