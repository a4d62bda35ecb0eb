//! The full NLP report (`evaluate_pipeline`) of the built-in pipeline on EWT dev:
//! tokens/sentences from raw text, tags and trees on gold tokens and end to end.
//! Skipped when ../shared/ud is absent. The tagger and parser accuracy targets are
//! checked by their own tests; here we check the report is consistent.

use std::path::PathBuf;

use attache_text::conllu::read_conllu_file;
use attache_text::eval::evaluate_pipeline;
use attache_text::Pipeline;

#[test]
fn ewt_dev_report() {
    let p =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/ud/en_ewt-ud-dev.conllu");
    if !p.exists() {
        println!("skipping: ../shared/ud/en_ewt-ud-dev.conllu not found");
        return;
    }
    let gold = read_conllu_file(&p).expect("treebank readable");
    let pipeline = Pipeline::load_default().expect("built-in models load");
    let r = evaluate_pipeline(&pipeline, &gold);
    println!("{r:?}");
    assert_eq!(r.sentences, gold.len());
    assert!(r.tokens_f1 >= 98.0, "tokens F1 {:.2}", r.tokens_f1);
    assert!(r.sentences_f1 >= 75.0, "sentences F1 {:.2}", r.sentences_f1);
    assert!(
        r.upos > 50.0,
        "UPOS {:.2}: gold-token tagging is broken",
        r.upos
    );
    // End to end cannot beat gold tokenization by much.
    assert!(
        r.e2e_upos <= r.upos + 0.5,
        "e2e UPOS {:.2} vs {:.2}",
        r.e2e_upos,
        r.upos
    );
}
