//! `attache train tagger|lemmatizer|parser`: train a model from CoNLL-U and write it.
//! Same inputs and seed give byte-identical files. The whole set of built-in models is
//! retrained with `cargo run --release -p attache-text --example train_all -- ../shared/ud models`.

use crate::cli::{TrainArgs, TrainCommand};
use anyhow::{Context, Result};
use attache_text::conllu::read_conllu_file;
use std::path::Path;

fn write_model(out: &Path, bytes: &[u8]) -> Result<()> {
    // Temporary file + rename: an interrupted run never leaves half a model.
    let tmp = out.with_extension("tmp-train");
    std::fs::write(&tmp, bytes).with_context(|| format!("cannot write {}", tmp.display()))?;
    std::fs::rename(&tmp, out).with_context(|| format!("cannot write {}", out.display()))?;
    eprintln!("wrote {} ({} bytes)", out.display(), bytes.len());
    Ok(())
}

pub fn run(what: TrainCommand) -> Result<()> {
    let (kind, args): (&str, &TrainArgs) = match &what {
        TrainCommand::Tagger(a) => ("tagger", a),
        TrainCommand::Lemmatizer(a) => ("lemmatizer", a),
        TrainCommand::Parser(a) => ("parser", a),
    };
    let train = read_conllu_file(&args.train)?;
    let dev = read_conllu_file(&args.dev)?;
    eprintln!(
        "training the {kind} on {} sentences ({}), dev {} sentences",
        train.len(),
        args.train.display(),
        dev.len()
    );
    let bytes = match kind {
        "tagger" | "lemmatizer" => {
            let mut opts = attache_text::train::TrainOptions {
                seed: args.seed,
                ..Default::default()
            };
            if let Some(n) = args.iterations {
                opts.iterations = n;
            }
            if kind == "tagger" {
                attache_text::train::train_tagger(&train, &dev, &opts)?.to_bytes()
            } else {
                attache_text::train::train_lemmatizer(&train, &dev, &opts)?.to_bytes()
            }
        }
        _ => {
            let mut opts = attache_text::parser::ParserTrainOptions {
                seed: args.seed,
                verbose: true,
                ..Default::default()
            };
            if let Some(n) = args.iterations {
                opts.iterations = n;
            }
            attache_text::parser::train_parser(&train, &dev, &opts)?.to_bytes()
        }
    };
    write_model(&args.out, &bytes)
}
