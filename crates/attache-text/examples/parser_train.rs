//! Train the dependency parser: `cargo run --release -p attache-text --example
//! parser_train -- TRAIN.conllu DEV.conllu OUT.bin [ITERATIONS] [SEED] [TRANS_BITS] [LABEL_BITS] [ENSEMBLE] [PRUNE]`.
//!
//! `PARSER_FX=N` sets the optional feature groups (bit 1 ambiguity classes, bit 2 label
//! context, bit 16 Brown clusters; default 0). `PARSER_CLUSTERS=DIR` (the directory of
//! `en_lexeme_cluster.json` and `en_lexeme_prob.json`, see docs/nlp.md) adds the
//! Brown-cluster group.
//!
//! Exists so the parser can be trained and measured before the `attache train parser`
//! command is wired up; it calls the same [`train_parser`] function.

use std::path::Path;

use attache_text::conllu::read_conllu_file;
use attache_text::parser::{evaluate, train_parser, Parser, ParserTrainOptions};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.len() < 4 {
        eprintln!("usage: parser_train TRAIN.conllu DEV.conllu OUT.bin [ITERATIONS] [SEED] [TRANS_BITS] [LABEL_BITS] [ENSEMBLE] [PRUNE]");
        std::process::exit(2);
    }
    let train = read_conllu_file(Path::new(&args[1])).unwrap_or_else(|e| {
        eprintln!("{e}");
        std::process::exit(1)
    });
    let dev = read_conllu_file(Path::new(&args[2])).unwrap_or_else(|e| {
        eprintln!("{e}");
        std::process::exit(1)
    });
    let mut opts = ParserTrainOptions::default();
    if let Some(it) = args.get(4) {
        opts.iterations = it.parse().expect("ITERATIONS must be a number");
    }
    if let Some(s) = args.get(5) {
        opts.seed = s.parse().expect("SEED must be a number");
    }
    if let Some(b) = args.get(6) {
        opts.trans_bits = b.parse().expect("TRANS_BITS must be a number");
    }
    if let Some(b) = args.get(7) {
        opts.label_bits = b.parse().expect("LABEL_BITS must be a number");
    }
    if let Some(b) = args.get(8) {
        opts.ensemble = b.parse().expect("ENSEMBLE must be a number");
    }
    if let Some(b) = args.get(9) {
        opts.prune = b.parse().expect("PRUNE must be a number");
    }
    if let Ok(v) = std::env::var("PARSER_FX") {
        // feature groups (bits: 1 ambiguity classes, 2 label context), for experiments
        opts.features = v.parse().expect("PARSER_FX must be a number");
    }
    if let Ok(dir) = std::env::var("PARSER_CLUSTERS") {
        opts.clusters = Some(dir.into());
        opts.features |= attache_text::parser::FX_CLU;
    }
    if let Ok(v) = std::env::var("PARSER_CLU_BITS") {
        // short and long cluster prefix lengths, e.g. "4,6"
        let b: Vec<u8> = v
            .split(',')
            .map(|x| {
                x.trim()
                    .parse()
                    .expect("PARSER_CLU_BITS: two numbers, e.g. 4,6")
            })
            .collect();
        opts.cluster_bits = [b[0], *b.get(1).unwrap_or(&b[0])];
    }
    let t0 = std::time::Instant::now();
    let p = train_parser(&train, &dev, &opts).unwrap_or_else(|e| {
        eprintln!("{e}");
        std::process::exit(1)
    });
    eprintln!("trained in {:.1}s", t0.elapsed().as_secs_f64());
    let bytes = p.to_bytes();
    std::fs::write(&args[3], &bytes).expect("cannot write the model");
    let q = Parser::from_bytes(&bytes).expect("model round trip");
    let sc = evaluate(&q, &dev);
    eprintln!(
        "wrote {} ({} bytes); dev UAS {:.2} LAS {:.2} (full labels {:.2})",
        args[3],
        bytes.len(),
        sc.uas,
        sc.las,
        sc.las_full
    );
}
