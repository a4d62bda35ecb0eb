//! Train every model of attache-text from a UD English-EWT directory and write them.
//!
//! ```text
//! cargo run --release -p attache-text --example train_all -- ../shared/ud models
//! ```
//! Reads `en_ewt-ud-train.conllu` and `en_ewt-ud-dev.conllu` from the first directory
//! and writes `tagger.bin` and `lemmatizer.bin` into the second. Optional third
//! argument: the seed (default 1).

use std::path::PathBuf;
use std::process::ExitCode;

use attache_text::conllu::read_conllu_file;
use attache_text::train::{train_lemmatizer, train_tagger, TrainOptions};

fn run() -> Result<(), String> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.len() < 2 {
        return Err("usage: train_all UD_DIR OUT_DIR [SEED]".into());
    }
    let ud = PathBuf::from(&args[0]);
    let out = PathBuf::from(&args[1]);
    let mut opts = TrainOptions::default();
    if let Some(s) = args.get(2) {
        opts.seed = s.parse().map_err(|_| format!("bad seed {s:?}"))?;
    }
    if let Ok(v) = std::env::var("ATTACHE_TAGGER_DROPOUT") {
        opts.word_dropout = v.parse().map_err(|_| "bad ATTACHE_TAGGER_DROPOUT")?;
    }
    if let Ok(v) = std::env::var("ATTACHE_ITERATIONS") {
        opts.iterations = v.parse().map_err(|_| "bad ATTACHE_ITERATIONS")?;
    }
    if let Ok(v) = std::env::var("ATTACHE_TAGGER_FOLDS") {
        opts.folds = v.parse().map_err(|_| "bad ATTACHE_TAGGER_FOLDS")?;
    }
    let train = read_conllu_file(&ud.join("en_ewt-ud-train.conllu")).map_err(|e| e.to_string())?;
    let dev = read_conllu_file(&ud.join("en_ewt-ud-dev.conllu")).map_err(|e| e.to_string())?;
    std::fs::create_dir_all(&out).map_err(|e| format!("cannot create {}: {e}", out.display()))?;
    let t = std::time::Instant::now();
    let tagger = train_tagger(&train, &dev, &opts).map_err(|e| e.to_string())?;
    tagger
        .save(&out.join("tagger.bin"))
        .map_err(|e| e.to_string())?;
    eprintln!("tagger trained in {:.1}s", t.elapsed().as_secs_f64());
    let lem = train_lemmatizer(&train, &dev, &opts).map_err(|e| e.to_string())?;
    lem.save(&out.join("lemmatizer.bin"))
        .map_err(|e| e.to_string())?;
    eprintln!("models written to {}", out.display());
    Ok(())
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}
