//! Score a directory of retrained models like `attache eval nlp` scores the built-in
//! ones: `cargo run --release -p attache-text --example eval_dir -- MODEL_DIR GOLD.conllu`.
//!
//! Why: `attache eval nlp` reads the models compiled into the binary, so comparing a
//! retrained `parser.bin` with the committed one would need a rebuild per model; this
//! loads `MODEL_DIR` with [`Pipeline::load_dir`] and calls the same
//! [`evaluate_pipeline`].

use std::path::Path;

use attache_text::conllu::read_conllu_file;
use attache_text::eval::evaluate_pipeline;
use attache_text::Pipeline;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.len() != 3 {
        eprintln!("usage: eval_dir MODEL_DIR GOLD.conllu");
        std::process::exit(2);
    }
    let pipeline = Pipeline::load_dir(Path::new(&args[1])).unwrap_or_else(|e| {
        eprintln!("{e}");
        std::process::exit(1)
    });
    let gold = read_conllu_file(Path::new(&args[2])).unwrap_or_else(|e| {
        eprintln!("{e}");
        std::process::exit(1)
    });
    let r = evaluate_pipeline(&pipeline, &gold);
    println!(
        "{}: upos {:.2} xpos {:.2} lemma {:.2} uas {:.2} las {:.2} | e2e upos {:.2} uas {:.2} las {:.2} | tokens {:.2} sentences {:.2}",
        args[1], r.upos, r.xpos, r.lemma, r.uas, r.las, r.e2e_upos, r.e2e_uas, r.e2e_las, r.tokens_f1, r.sentences_f1
    );
}
