//! Experiment driver for the tree reviser (`attache_text::revise`):
//! `revise_exp TRAIN_GOLD.conllu TRAIN_JK.conllu DEV_PRED.conllu PARSER.bin CACHE.conllu [ITER]`.
//!
//! Trains two parsers (one seed, 5 passes) each on half of the training set (gold +
//! jackknifed tags), parses the other half (jackknifed tags) with it and caches those
//! trees in CACHE (reused when it exists); trains the reviser on them and prints dev
//! UAS/LAS of PARSER (its greedy trees) with and without the reviser, at the move
//! threshold calibrated in training and at fixed ones. `REV_FOLDS` (default 2) and
//! `REV_ENS` (default 1) set the jackknife; train_all's recipe is 4 folds of 1.
//! It also times the reviser against the parser on dev (thread CPU time, `REV_PASSES`
//! alternating passes, default 3; prints the median ratio), `REV_ALL_GAINS=1` scores
//! fixed thresholds too, and `REV_SAVE=DIR` writes the parser with the reviser as
//! DIR/parser.bin (for `bench_pipeline`).
//! (The cached parses keep each word's transition margin in MISC as `M=...`; margins
//! as features were tried and not kept, docs/nlp.md.)

use std::path::Path;

use attache_text::conllu::{read_conllu_file, write_conllu, ConlluSentence};
use attache_text::parser::{train_parser, Parser, ParserTrainOptions};
use attache_text::revise::{train_reviser, RevExample, RevInput};
use attache_text::Upos;

fn fail(m: String) -> ! {
    eprintln!("{m}");
    std::process::exit(1)
}

fn upos(s: &ConlluSentence) -> Vec<Upos> {
    s.words
        .iter()
        .map(|w| Upos::parse(&w.upos).unwrap_or(Upos::X))
        .collect()
}

/// A dev sentence ready to parse and revise: forms, UPOS, XPOS, greedy tree.
type Prepared<'a> = (Vec<&'a str>, Vec<Upos>, Vec<&'a str>, Vec<(u32, u8)>);

/// On-CPU time of this thread in seconds (Linux), else 0.
fn cpu_time() -> f64 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse::<f64>().ok())
        .map_or(0.0, |ns| ns / 1e9)
}

fn main() {
    let a: Vec<String> = std::env::args().collect();
    if a.len() < 6 {
        fail("usage: revise_exp TRAIN_GOLD TRAIN_JK DEV_PRED PARSER.bin CACHE [ITER]".into());
    }
    let rd = |p: &str| read_conllu_file(Path::new(p)).unwrap_or_else(|e| fail(e.to_string()));
    let gold = rd(&a[1]);
    let jk = rd(&a[2]);
    let dev = rd(&a[3]);
    let parser = Parser::from_bytes(&std::fs::read(&a[4]).unwrap_or_else(|e| fail(e.to_string())))
        .unwrap_or_else(|e| fail(e.to_string()))
        .without_reviser();
    let iters: usize = a.get(6).map_or(5, |s| s.parse().unwrap_or(5));
    let cache = Path::new(&a[5]);
    let parsed: Vec<ConlluSentence> = if cache.exists() {
        rd(&a[5])
    } else {
        let n = gold.len();
        let mut out = jk.clone();
        let k: usize = std::env::var("REV_FOLDS")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or(2);
        let ens: usize = std::env::var("REV_ENS")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or(1);
        for fold in 0..k {
            let block = |i: usize| i * k / n;
            let mut tr: Vec<ConlluSentence> = gold
                .iter()
                .enumerate()
                .filter(|(i, _)| block(*i) != fold)
                .map(|(_, s)| s.clone())
                .collect();
            tr.extend(
                jk.iter()
                    .enumerate()
                    .filter(|(i, _)| block(*i) != fold)
                    .map(|(_, s)| s.clone()),
            );
            let o = ParserTrainOptions {
                iterations: 5,
                ensemble: ens,
                threads: 2,
                prune: 512,
                verbose: false,
                keep_best: false,
                seed: 1 + fold as u64,
                ..ParserTrainOptions::default()
            };
            let t = std::time::Instant::now();
            let p = train_parser(&tr, &[], &o).unwrap_or_else(|e| fail(e.to_string()));
            eprintln!(
                "fold {fold} parser trained in {:.0}s",
                t.elapsed().as_secs_f64()
            );
            for (i, s) in out.iter_mut().enumerate() {
                if block(i) != fold {
                    continue;
                }
                let forms = s.forms();
                let xp: Vec<&str> = s.words.iter().map(|w| w.xpos.as_str()).collect();
                let nn = forms.len() as u32;
                let tree = p.parse_scored(&forms, &upos(s), &xp);
                let names: Vec<String> = tree
                    .iter()
                    .map(|&(_, l, _)| p.deprel_name(l).to_string())
                    .collect();
                for ((w, &(h, _, m)), nm) in s.words.iter_mut().zip(&tree).zip(names) {
                    w.head = if h == nn { 0 } else { h + 1 };
                    w.deprel = nm;
                    w.misc = format!("M={m}");
                }
            }
        }
        let mut txt = String::new();
        write_conllu(&out, &mut txt);
        std::fs::write(cache, txt).unwrap_or_else(|e| fail(e.to_string()));
        out
    };
    // examples
    let lab_id =
        |name: &str| -> u8 { parser.deprels().iter().position(|x| x == name).unwrap_or(0) as u8 };
    let exs: Vec<RevExample> = parsed
        .iter()
        .zip(&gold)
        .map(|(p, g)| RevExample {
            forms: p.forms(),
            upos: upos(p),
            xpos: p.words.iter().map(|w| w.xpos.as_str()).collect(),
            tree: p
                .words
                .iter()
                .map(|w| (w.head, lab_id(&w.deprel)))
                .collect(),
            gold: g.words.iter().map(|w| w.head).collect(),
            gold_label: g.words.iter().map(|w| lab_id(&w.deprel)).collect(),
        })
        .collect();
    let jk_uas = {
        let (mut c, mut t) = (0, 0);
        for e in &exs {
            for (x, g) in e.tree.iter().zip(&e.gold) {
                t += 1;
                c += (x.0 == *g) as usize;
            }
        }
        100.0 * c as f64 / t as f64
    };
    eprintln!("jackknifed train UAS {jk_uas:.2}");
    let t = std::time::Instant::now();
    let rev0 = train_reviser(&exs, iters, 1, parser.deprels().len() as u8, lab_id("root"));
    // REV_SAVE=DIR: write the parser with this reviser as DIR/parser.bin (for
    // bench_pipeline, with the tagger and lemmatizer copied next to it)
    if let Ok(dir) = std::env::var("REV_SAVE") {
        let b = parser.clone().with_reviser(rev0.clone()).to_bytes();
        std::fs::write(Path::new(&dir).join("parser.bin"), b)
            .unwrap_or_else(|e| fail(format!("cannot write {dir}/parser.bin: {e}")));
    }
    let gains: Vec<i32> = if std::env::var("REV_ALL_GAINS").is_ok() {
        vec![rev0.min_gain(), 4000, 8000, 12000, 16000]
    } else {
        vec![rev0.min_gain()]
    };
    // Cost of the reviser against the parser on dev (thread CPU time, 3 passes each,
    // alternating).
    {
        let prepared: Vec<Prepared> = dev
            .iter()
            .map(|s| {
                let forms = s.forms();
                let up = upos(s);
                let xp: Vec<&str> = s.words.iter().map(|w| w.xpos.as_str()).collect();
                let t = parser.parse(&forms, &up, &xp);
                (forms, up, xp, t)
            })
            .collect();
        let nw: usize = prepared.iter().map(|p| p.0.len()).sum();
        let (mut tp, mut tr) = (0f64, 0f64);
        let mut ratios: Vec<f64> = Vec::new();
        let passes: usize = std::env::var("REV_PASSES")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or(3);
        for _ in 0..passes {
            let c0 = cpu_time();
            for (f, u, x, _) in &prepared {
                std::hint::black_box(parser.parse(f, u, x));
            }
            let c1 = cpu_time();
            for (f, u, x, t) in &prepared {
                let mut t = t.clone();
                rev0.revise(
                    &RevInput {
                        forms: f,
                        upos: u,
                        xpos: x,
                    },
                    &mut t,
                );
                std::hint::black_box(&t);
            }
            let c2 = cpu_time();
            tp += c1 - c0;
            tr += c2 - c1;
            ratios.push((c2 - c1) / (c1 - c0).max(1e-9));
        }
        let us = |t: f64| t * 1e6 / (passes * nw) as f64;
        ratios.sort_by(|a, b| a.total_cmp(b));
        eprintln!(
            "cost per word (thread CPU): parser {:.3} us, reviser {:.3} us (reviser/parser {:.3}, median of {} passes {:.3})",
            us(tp),
            us(tr),
            tr / tp,
            ratios.len(),
            ratios.get(ratios.len() / 2).copied().unwrap_or(0.0)
        );
    }
    for gain in gains {
        let gain: i32 = gain;
        // the calibrated model as trained (per-tag thresholds and gate), else a global one
        let rev = if gain == rev0.min_gain() {
            rev0.clone()
        } else {
            rev0.with_min_gain(gain)
        };
        eprintln!(
            "reviser trained in {:.0}s: {rev0:?}",
            t.elapsed().as_secs_f64()
        );
        let (mut n, mut u0, mut u1, mut l0, mut l1, mut moved) = (0, 0, 0, 0, 0, 0);
        let univ = |x: &str| x.split(':').next().unwrap_or("").to_string();
        for s in &dev {
            let forms = s.forms();
            let up = upos(s);
            let xp: Vec<&str> = s.words.iter().map(|w| w.xpos.as_str()).collect();
            let nn = forms.len() as u32;
            let sc = parser.parse_scored(&forms, &up, &xp);
            let t0: Vec<(u32, u8)> = sc
                .iter()
                .map(|&(h, l, _)| (if h == nn { 0 } else { h + 1 }, l))
                .collect();
            let mut t1 = t0.clone();
            rev.revise(
                &RevInput {
                    forms: &forms,
                    upos: &up,
                    xpos: &xp,
                },
                &mut t1,
            );
            for ((w, a), b) in s.words.iter().zip(&t0).zip(&t1) {
                n += 1;
                moved += (a.0 != b.0) as usize;
                if a.0 == w.head {
                    u0 += 1;
                    l0 += (univ(parser.deprel_name(a.1)) == univ(&w.deprel)) as usize;
                }
                if b.0 == w.head {
                    u1 += 1;
                    l1 += (univ(parser.deprel_name(b.1)) == univ(&w.deprel)) as usize;
                }
            }
        }
        let p = |x: usize| 100.0 * x as f64 / n as f64;
        eprintln!(
        "gain {gain}: dev: parser UAS {:.2} LAS {:.2}; revised UAS {:.2} LAS {:.2}; {} words moved",
        p(u0), p(l0), p(u1), p(l1), moved
    );
    }
}
