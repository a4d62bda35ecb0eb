//! The sentence boundary model: the built-in one loads, and training on a tiny corpus
//! (written for this test) learns a boundary the rules cannot see.

use attache_text::segment::{
    boundary_model, split_by_rules, split_sentences_with, train_boundary_model, BoundaryModel,
};
use attache_text::tokenize::tokenize;

#[test]
fn built_in_model_loads() {
    assert!(
        boundary_model().len() > 100,
        "data/sentence_model.tsv should hold the trained weights"
    );
}

#[test]
fn training_learns_unpunctuated_boundaries_deterministically() {
    // Notes without final punctuation: a boundary before "Regards" every time.
    let mut docs = Vec::new();
    for place in [
        "Kabul",
        "Doha",
        "Islamabad",
        "Tehran",
        "Ankara",
        "Cairo",
        "Nairobi",
        "Dakar",
    ] {
        for day in ["Monday", "Friday", "Sunday"] {
            let first = format!("The meeting moves to {place} on {day}");
            let text = format!("{first} Regards Omar\n");
            docs.push((text, vec![first.len(), first.len() + " Regards Omar".len()]));
        }
    }
    let a = train_boundary_model(&docs, 5, 1);
    let b = train_boundary_model(&docs, 5, 1);
    assert_eq!(a, b, "training must be deterministic");
    let model = BoundaryModel::parse(&a);
    assert!(!model.is_empty());
    let text = "The talks move to Baku on Tuesday Regards Omar";
    let toks = tokenize(text);
    assert_eq!(split_by_rules(text, &toks).len(), 1);
    let sents = split_sentences_with(&model, text, &toks);
    let pieces: Vec<&str> = sents
        .iter()
        .map(|r| &text[toks[r.start].0 as usize..toks[r.end - 1].1 as usize])
        .collect();
    assert_eq!(
        pieces,
        ["The talks move to Baku on Tuesday", "Regards Omar"]
    );
}
