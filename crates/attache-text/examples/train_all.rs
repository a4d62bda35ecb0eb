//! Train every model of attache-text from a UD English-EWT directory and write them.
//!
//! ```text
//! cargo run --release -p attache-text --example train_all -- ../shared/ud models [SEED] [--parser]
//! ```
//! Reads `en_ewt-ud-train.conllu` and `en_ewt-ud-dev.conllu` from the first directory
//! and writes `tagger.bin` and `lemmatizer.bin` into the second; with `--parser` also
//! `parser.bin`, trained on gold tags plus jackknifed predicted tags (5 taggers, each
//! trained without one contiguous fifth of the sentences, tag that fifth; the dev set
//! is tagged by the full tagger), 5 passes, an ensemble of 4 seeds, pruned.
//! Deterministic: same inputs and seed, byte-identical files.
//! Environment overrides for experiments: `ATTACHE_ITERATIONS`, `ATTACHE_TAGGER_FOLDS`,
//! `ATTACHE_TAGGER_DROPOUT`, `ATTACHE_TAGGER_MIN_WEIGHT`, `ATTACHE_PARSER_FEATURES` (the
//! parser's feature groups, `parser::FX_*`), `ATTACHE_PARSER_CLUSTERS=DIR` (Brown
//! clusters for the parser only, `parser::FX_CLU`; `ATTACHE_PARSER_CLU_BITS=4,6` their
//! prefix lengths), `ATTACHE_PARSER_SEED=N` (the parser's seed alone, the tagger keeps
//! SEED), `ATTACHE_PARSER_REVISE=false` (leave
//! out the tree reviser, `attache_text::revise`, trained by default on the parses of
//! four jackknifed single-seed parsers; gated by default,
//! `ATTACHE_PARSER_REVISE_GATE=false` revisits every word: +0.23 or +0.35 dev UAS, the
//! gated one cheap enough for the built-in model; `=label` gates per tag and predicted
//! relation instead of per tag; `ATTACHE_PARSER_REVISE_GATE_WORDS=N` sets the gate's bar
//! to one net fix per N held-out words, default 500; `ATTACHE_PARSER_REVISE_SWEEP=true` prints dev UAS/LAS
//! and the share of words revisited for both gates at several bars; docs/nlp.md),
//! `ATTACHE_PARSER_REVISE_GATED_CANDIDATES=N` (revisit the gated words with the cheap
//! candidate set N, 1–4, instead of skipping them; measured in session 5, not built in),
//! `ATTACHE_REVISER_FOLD_ENSEMBLE=N` (the reviser's jackknife parsers as N-seed
//! ensembles instead of single seeds),
//! `ATTACHE_JK_CACHE=FILE` (read the jackknifed training tags from FILE, or write them
//! there when it does not exist),
//! `ATTACHE_PARSER_BASE=FILE` (take the parser from FILE instead of training it: for
//! experiments on the reviser), `ATTACHE_PARSER_R2L=true` (also train a
//! right-to-left parser with the same recipe and write the combined two-direction model;
//! `ATTACHE_PARSER_L2R=FILE` reuses the left-to-right half of a model instead of
//! training it; `ATTACHE_PARSER_R2L_FEATURES=N` adds feature/system flags to the
//! right-to-left half, e.g. 8 = `FX_ROOT_FIRST`); `ATTACHE_THREADS` (default: all
//! cores) trains jackknife taggers and parser ensemble members in parallel — the
//! models do not depend on it.

use std::path::PathBuf;
use std::process::ExitCode;

use attache_text::conllu::{read_conllu_file, ConlluSentence};
use attache_text::parser::{evaluate, train_parser, Parser, ParserTrainOptions, FX_R2L};
use attache_text::revise;
use attache_text::tagger::TaggerModel;
use attache_text::train::{train_lemmatizer, train_tagger, TrainOptions};

fn env<T: std::str::FromStr>(name: &str, v: &mut T) -> Result<(), String> {
    if let Ok(s) = std::env::var(name) {
        *v = s.parse().map_err(|_| format!("bad {name}: {s:?}"))?;
    }
    Ok(())
}

/// Replace UPOS/XPOS by the tagger's.
fn retag(m: &TaggerModel, s: &mut ConlluSentence) {
    let tags = {
        let forms = s.forms();
        m.tag(&forms)
            .into_iter()
            .map(|t| (t.upos.as_str(), t.xpos.to_string()))
            .collect::<Vec<_>>()
    };
    for (w, (u, x)) in s.words.iter_mut().zip(tags) {
        w.upos = u.to_string();
        w.xpos = x;
    }
}

fn run() -> Result<(), String> {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let with_parser = args.iter().any(|a| a == "--parser");
    args.retain(|a| a != "--parser");
    if args.len() < 2 {
        return Err("usage: train_all UD_DIR OUT_DIR [SEED] [--parser]".into());
    }
    let ud = PathBuf::from(&args[0]);
    let out = PathBuf::from(&args[1]);
    let mut opts = TrainOptions::default();
    if let Some(s) = args.get(2) {
        opts.seed = s.parse().map_err(|_| format!("bad seed {s:?}"))?;
    }
    env("ATTACHE_TAGGER_DROPOUT", &mut opts.word_dropout)?;
    env("ATTACHE_ITERATIONS", &mut opts.iterations)?;
    env("ATTACHE_TAGGER_FOLDS", &mut opts.folds)?;
    env("ATTACHE_TAGGER_MIN_WEIGHT", &mut opts.min_weight)?;
    let train = read_conllu_file(&ud.join("en_ewt-ud-train.conllu")).map_err(|e| e.to_string())?;
    let dev = read_conllu_file(&ud.join("en_ewt-ud-dev.conllu")).map_err(|e| e.to_string())?;
    std::fs::create_dir_all(&out).map_err(|e| format!("cannot create {}: {e}", out.display()))?;
    let mut threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    env("ATTACHE_THREADS", &mut threads)?;
    let threads = threads.max(1);
    let t = std::time::Instant::now();
    let tagger = train_tagger(&train, &dev, &opts).map_err(|e| e.to_string())?;
    tagger
        .save(&out.join("tagger.bin"))
        .map_err(|e| e.to_string())?;
    eprintln!("tagger trained in {:.1}s", t.elapsed().as_secs_f64());
    let lem = train_lemmatizer(&train, &dev, &opts).map_err(|e| e.to_string())?;
    lem.save(&out.join("lemmatizer.bin"))
        .map_err(|e| e.to_string())?;
    if with_parser {
        let k = 5;
        let n = train.len().max(1);
        let block = |i: usize| i * k / n;
        // Each fold is independent: tag `threads` folds at once (same result for any
        // number of threads).
        let tag_fold = |fold: usize| -> Result<Vec<ConlluSentence>, String> {
            let part: Vec<ConlluSentence> = train
                .iter()
                .enumerate()
                .filter(|(i, _)| block(*i) != fold)
                .map(|(_, s)| s.clone())
                .collect();
            let o = TrainOptions {
                quiet: true,
                ..opts.clone()
            };
            let m = train_tagger(&part, &[], &o).map_err(|e| e.to_string())?;
            let mut held: Vec<ConlluSentence> = train
                .iter()
                .enumerate()
                .filter(|(i, _)| block(*i) == fold)
                .map(|(_, s)| s.clone())
                .collect();
            held.iter_mut().for_each(|s| retag(&m, s));
            eprintln!("jackknife fold {} of {k} tagged", fold + 1);
            Ok(held)
        };
        let mut jk: Vec<ConlluSentence> = Vec::with_capacity(train.len());
        let jk_cache = std::env::var("ATTACHE_JK_CACHE").ok();
        if let Some(c) = jk_cache
            .as_deref()
            .filter(|c| std::path::Path::new(c).exists())
        {
            jk = read_conllu_file(std::path::Path::new(c)).map_err(|e| e.to_string())?;
        }
        let cached = !jk.is_empty();
        for first in (0..k).step_by(threads) {
            if cached {
                break;
            }
            let folds: Vec<usize> = (first..(first + threads).min(k)).collect();
            let tagged: Vec<Result<Vec<ConlluSentence>, String>> = std::thread::scope(|sc| {
                let hs: Vec<_> = folds
                    .iter()
                    .map(|&f| sc.spawn(move || tag_fold(f)))
                    .collect();
                hs.into_iter()
                    .map(|h| {
                        h.join()
                            .unwrap_or_else(|_| Err("tagger thread panicked".into()))
                    })
                    .collect()
            });
            for part in tagged {
                jk.extend(part?);
            }
        }
        if let Some(c) = jk_cache
            .as_deref()
            .filter(|c| !std::path::Path::new(c).exists())
        {
            let mut txt = String::new();
            attache_text::conllu::write_conllu(&jk, &mut txt);
            std::fs::write(c, txt).map_err(|e| e.to_string())?;
        }
        let mut dev_tagged = dev.clone();
        for s in dev_tagged.iter_mut() {
            retag(&tagger, s);
        }
        // The recipe of the committed model (docs/nlp.md): gold-tagged and jackknifed
        // copies of train together, 5 passes, an ensemble of 4 seeds, pruned.
        let mut both = train.clone();
        both.extend(jk.iter().cloned());
        let popts = ParserTrainOptions {
            seed: opts.seed,
            iterations: 5,
            ensemble: 4,
            prune: 512,
            threads,
            ..ParserTrainOptions::default()
        };
        let mut popts = popts;
        env("ATTACHE_PARSER_FEATURES", &mut popts.features)?;
        // the parser's (and the reviser's jackknife parsers') seed alone, for measuring
        // run-to-run spread without retraining the tagger differently
        env("ATTACHE_PARSER_SEED", &mut popts.seed)?;
        // Brown clusters for the parser only (`ATTACHE_CLUSTERS` would also give them to
        // the tagger): the directory of en_lexeme_cluster.json and en_lexeme_prob.json.
        if let Some(dir) = std::env::var("ATTACHE_PARSER_CLUSTERS")
            .ok()
            .filter(|d| !d.is_empty() && d != "none")
        {
            popts.clusters = Some(dir.into());
            popts.features |= attache_text::parser::FX_CLU;
        }
        if let Ok(v) = std::env::var("ATTACHE_PARSER_CLU_BITS") {
            // short and long cluster prefix lengths, e.g. "4,6" (the default)
            let b: Vec<u8> = v
                .split(',')
                .map(|x| {
                    x.trim()
                        .parse()
                        .map_err(|_| format!("bad ATTACHE_PARSER_CLU_BITS {v:?}"))
                })
                .collect::<Result<_, _>>()?;
            if b.len() != 2 {
                return Err(format!(
                    "ATTACHE_PARSER_CLU_BITS {v:?}: two numbers, e.g. 4,6"
                ));
            }
            popts.cluster_bits = [b[0], b[1]];
        }
        let mut both_directions = false;
        env("ATTACHE_PARSER_R2L", &mut both_directions)?;
        let p = if let Ok(path) = std::env::var("ATTACHE_PARSER_BASE") {
            let b = std::fs::read(&path).map_err(|e| format!("cannot read {path}: {e}"))?;
            Parser::from_bytes(&b)
                .map_err(|e| e.to_string())?
                .without_reviser()
        } else if both_directions {
            let l2r = match std::env::var("ATTACHE_PARSER_L2R") {
                // experiments on the right-to-left half: reuse a trained left-to-right half
                Ok(path) => {
                    let b = std::fs::read(&path).map_err(|e| format!("cannot read {path}: {e}"))?;
                    Parser::from_bytes(&b)
                        .map_err(|e| e.to_string())?
                        .directions()
                        .0
                }
                Err(_) => train_parser(&both, &dev_tagged, &popts).map_err(|e| e.to_string())?,
            };
            // The same recipe on mirrored sentences: a right-to-left parser whose trees
            // are combined with the left-to-right ones at parse time
            // (attache_text::combine). Measured and not kept (docs/nlp.md, "Tried").
            let mut r2l_extra = 0u8;
            env("ATTACHE_PARSER_R2L_FEATURES", &mut r2l_extra)?;
            let r2l_opts = ParserTrainOptions {
                features: popts.features | FX_R2L | r2l_extra,
                ..popts.clone()
            };
            let r2l = train_parser(&both, &dev_tagged, &r2l_opts).map_err(|e| e.to_string())?;
            for (name, p) in [("left-to-right", &l2r), ("right-to-left", &r2l)] {
                let sc = evaluate(p, &dev_tagged);
                eprintln!(
                    "parser {name}: dev UAS {:.2} LAS {:.2} (full labels {:.2})",
                    sc.uas, sc.las, sc.las_full
                );
            }
            let p = Parser::combined(l2r, r2l).map_err(|e| e.to_string())?;
            let sc = evaluate(&p, &dev_tagged);
            eprintln!(
                "parser combined: dev UAS {:.2} LAS {:.2} (full labels {:.2})",
                sc.uas, sc.las, sc.las_full
            );
            p
        } else {
            train_parser(&both, &dev_tagged, &popts).map_err(|e| e.to_string())?
        };
        // The corrective second stage (attache_text::revise), trained on the parses of
        // four single-member parsers, each trained without one contiguous quarter of
        // the sentences, of that quarter (jackknifed tags). On by default
        // (`ATTACHE_PARSER_REVISE=false` leaves it out): gated (the default of
        // `ATTACHE_PARSER_REVISE_GATE`) it gains +0.23 dev UAS at a cost the pipeline's
        // speed budget allows; ungated +0.35 but too slow (docs/nlp.md).
        let mut revise = true;
        env("ATTACHE_PARSER_REVISE", &mut revise)?;
        // `true` (gate per tag), `false` (none) or `label` (gate per tag and predicted
        // relation, `Reviser::with_label_gate`)
        let gate = std::env::var("ATTACHE_PARSER_REVISE_GATE").unwrap_or_else(|_| "true".into());
        if !["true", "false", "label"].contains(&gate.as_str()) {
            return Err(format!(
                "bad ATTACHE_PARSER_REVISE_GATE: {gate:?} (true, false or label)"
            ));
        }
        let p = if revise {
            let t = std::time::Instant::now();
            // single-seed jackknife parsers (`ATTACHE_REVISER_FOLD_ENSEMBLE=4`: seed
            // ensembles like the parser itself, for experiments)
            let mut fold_ensemble = 1usize;
            env("ATTACHE_REVISER_FOLD_ENSEMBLE", &mut fold_ensemble)?;
            let fold_opts = ParserTrainOptions {
                ensemble: fold_ensemble.max(1),
                keep_best: false,
                verbose: false,
                ..popts.clone()
            };
            let rv = revise::train_jackknifed(&p, &train, &jk, 4, &fold_opts, 5)
                .map_err(|e| e.to_string())?;
            // the gate's bar: one net fix per this many held-out words (default 500)
            let mut gate_words = 0i64;
            env("ATTACHE_PARSER_REVISE_GATE_WORDS", &mut gate_words)?;
            let rv = match (gate.as_str(), gate_words) {
                ("false", _) => rv.without_gate(),
                ("label", 0) => rv
                    .with_label_gate()
                    .ok_or("the reviser was trained without held-out moves")?,
                (_, 0) => rv,
                (g, w) => rv
                    .with_gate_at(g == "label", w)
                    .ok_or("the reviser was trained without held-out moves")?,
            };
            // words the gate skips still get a few candidates: `Reviser::with_cheap_gated`
            let mut cheap = 0u32;
            env("ATTACHE_PARSER_REVISE_GATED_CANDIDATES", &mut cheap)?;
            let rv = if cheap > 0 {
                rv.with_cheap_gated(cheap)
            } else {
                rv
            };
            eprintln!("reviser: {rv:?} (thresholds and gate calibrated on held-out parses)");
            let mut sweep = false;
            env("ATTACHE_PARSER_REVISE_SWEEP", &mut sweep)?;
            if sweep {
                // Gates per tag and per (tag, relation) cell at several bars: dev
                // accuracy and the share of dev words revisited (the reviser's cost is
                // about proportional to it).
                let trees: Vec<Vec<(u32, u8)>> = dev_tagged
                    .iter()
                    .map(|s| {
                        let forms: Vec<&str> = s.words.iter().map(|w| w.form.as_str()).collect();
                        let upos: Vec<attache_text::Upos> = s
                            .words
                            .iter()
                            .map(|w| {
                                attache_text::Upos::parse(&w.upos).unwrap_or(attache_text::Upos::X)
                            })
                            .collect();
                        let xpos: Vec<&str> = s.words.iter().map(|w| w.xpos.as_str()).collect();
                        p.parse(&forms, &upos, &xpos)
                    })
                    .collect();
                let share = |r: &revise::Reviser| {
                    let (mut n, mut k) = (0usize, 0usize);
                    for (s, t) in dev_tagged.iter().zip(&trees) {
                        for (w, &(h, l)) in s.words.iter().zip(t) {
                            n += 1;
                            let u =
                                attache_text::Upos::parse(&w.upos).unwrap_or(attache_text::Upos::X);
                            k += (h != 0 && r.revisits(u, l)) as usize;
                        }
                    }
                    100.0 * k as f64 / n.max(1) as f64
                };
                // the reviser's own time over the greedy parser's on dev (best of 3)
                let timed = |f: &mut dyn FnMut()| {
                    (0..3)
                        .map(|_| {
                            let t = std::time::Instant::now();
                            f();
                            t.elapsed().as_secs_f64()
                        })
                        .fold(f64::INFINITY, f64::min)
                };
                let inputs: Vec<(Vec<&str>, Vec<attache_text::Upos>, Vec<&str>)> = dev_tagged
                    .iter()
                    .map(|s| {
                        (
                            s.words.iter().map(|w| w.form.as_str()).collect(),
                            s.words
                                .iter()
                                .map(|w| {
                                    attache_text::Upos::parse(&w.upos)
                                        .unwrap_or(attache_text::Upos::X)
                                })
                                .collect(),
                            s.words.iter().map(|w| w.xpos.as_str()).collect(),
                        )
                    })
                    .collect();
                let parse_time = timed(&mut || {
                    for (f, u, x) in &inputs {
                        std::hint::black_box(p.parse(f, u, x));
                    }
                });
                let cost = |r: &revise::Reviser| {
                    timed(&mut || {
                        for ((f, u, x), t) in inputs.iter().zip(&trees) {
                            let mut t = t.clone();
                            let inp = revise::RevInput {
                                forms: f,
                                upos: u,
                                xpos: x,
                            };
                            r.revise(&inp, &mut t);
                            std::hint::black_box(&t);
                        }
                    }) / parse_time
                };
                for set in [0u32, 1, 2, 3, 4] {
                    let r = rv.with_cheap_gated(set);
                    let sc = evaluate(&p.clone().with_reviser(r.clone()), &dev_tagged);
                    eprintln!(
                        "sweep tag gate, gated words with candidate set {set}: dev UAS {:.2} LAS {:.2}, cost {:.2} of the parser",
                        sc.uas,
                        sc.las,
                        cost(&r)
                    );
                }
                let ungated = rv.without_gate();
                eprintln!("sweep ungated: cost {:.2} of the parser", cost(&ungated));
                let sc = evaluate(&p.clone().with_reviser(ungated.clone()), &dev_tagged);
                eprintln!(
                    "sweep ungated: dev UAS {:.2} LAS {:.2}, revisits {:.1} % of dev words",
                    sc.uas,
                    sc.las,
                    share(&ungated)
                );
                for words in [250i64, 500, 1000, 4000] {
                    let Some(r) = rv.with_union_gate(words) else {
                        continue;
                    };
                    let sc = evaluate(&p.clone().with_reviser(r.clone()), &dev_tagged);
                    eprintln!(
                        "sweep tag gate or tag x relation gate at 1 net fix per {words} words: dev UAS {:.2} LAS {:.2}, revisits {:.1} % of dev words, threshold {}",
                        sc.uas,
                        sc.las,
                        share(&r),
                        r.threshold(attache_text::Upos::NOUN)
                    );
                }
                for cells in [false, true] {
                    for words in [125i64, 250, 500, 1000, 2000, 4000] {
                        let Some(r) = rv.with_gate_at(cells, words) else {
                            continue;
                        };
                        let sc = evaluate(&p.clone().with_reviser(r.clone()), &dev_tagged);
                        eprintln!(
                            "sweep {} gate, 1 net fix per {words} words: dev UAS {:.2} LAS {:.2}, revisits {:.1} % of dev words, threshold {}",
                            if cells { "tag x relation" } else { "tag" },
                            sc.uas,
                            sc.las,
                            share(&r),
                            r.threshold(attache_text::Upos::NOUN)
                        );
                    }
                }
            }
            let before = evaluate(&p, &dev_tagged);
            let p = p.with_reviser(rv);
            let after = evaluate(&p, &dev_tagged);
            eprintln!(
                "reviser trained in {:.0}s: dev UAS {:.2} -> {:.2}, LAS {:.2} -> {:.2}",
                t.elapsed().as_secs_f64(),
                before.uas,
                after.uas,
                before.las,
                after.las
            );
            p
        } else {
            p
        };
        let path = out.join("parser.bin");
        std::fs::write(&path, p.to_bytes())
            .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    }
    eprintln!(
        "models written to {} in {:.1}s",
        out.display(),
        t.elapsed().as_secs_f64()
    );
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
