//! Trains the sentence boundary model on the raw text of EWT train and reports dev
//! scores against the rules alone. Ignored by default; to retrain and write
//! `data/sentence_model.tsv` (deterministic: same treebank, same file):
//!
//! ```text
//! WRITE_MODEL=1 CARGO_TARGET_DIR=/work/target-tok cargo test --release -p attache-text \
//!     --test eval_train_splitter -- --ignored --nocapture
//! ```

use std::path::PathBuf;

use attache_text::conllu::read_conllu_file;
use attache_text::eval::{evaluate_segmentation_with, raw_text_with_ends};
use attache_text::segment::{
    split_by_rules, split_sentences_with, train_boundary_model, BoundaryModel,
};

#[test]
#[ignore]
fn train_sentence_model() {
    let ud = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/ud");
    if !ud.exists() {
        println!("skipping: ../shared/ud not found");
        return;
    }
    let train = read_conllu_file(&ud.join("en_ewt-ud-train.conllu")).expect("train readable");
    let dev = read_conllu_file(&ud.join("en_ewt-ud-dev.conllu")).expect("dev readable");
    let epochs: usize = std::env::var("EPOCHS")
        .ok()
        .and_then(|e| e.parse().ok())
        .unwrap_or(10);
    let min_count: u32 = std::env::var("MIN_COUNT")
        .ok()
        .and_then(|e| e.parse().ok())
        .unwrap_or(10);
    let model_src = train_boundary_model(&[raw_text_with_ends(&train)], epochs, min_count);
    let model = BoundaryModel::parse(&model_src);
    let rules = evaluate_segmentation_with(&dev, split_by_rules);
    let learned = evaluate_segmentation_with(&dev, |t, k| split_sentences_with(&model, t, k));
    println!(
        "dev sentences F1: rules {:.2} (P {:.2} R {:.2}), model {:.2} (P {:.2} R {:.2}); {} weights, {} bytes",
        rules.sentences.f1(),
        rules.sentences.precision(),
        rules.sentences.recall(),
        learned.sentences.f1(),
        learned.sentences.precision(),
        learned.sentences.recall(),
        model.len(),
        model_src.len()
    );
    if let Ok(test) = read_conllu_file(&ud.join("en_ewt-ud-test.conllu")) {
        let rules = evaluate_segmentation_with(&test, split_by_rules);
        let learned = evaluate_segmentation_with(&test, |t, k| split_sentences_with(&model, t, k));
        println!(
            "test sentences F1: rules {:.2}, model {:.2} (P {:.2} R {:.2})",
            rules.sentences.f1(),
            learned.sentences.f1(),
            learned.sentences.precision(),
            learned.sentences.recall()
        );
    }
    if std::env::var("WRITE_MODEL").is_ok() {
        let out = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data/sentence_model.tsv");
        std::fs::write(&out, model_src).expect("model written");
        println!("wrote {}", out.display());
    }
}
