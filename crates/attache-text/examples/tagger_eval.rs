//! Tagger and lemmatizer accuracy on a CoNLL-U file with gold tokenization.
//!
//! ```text
//! cargo run --release -p attache-text --example tagger_eval -- GOLD.conllu [MODEL_DIR]
//! cargo run --release -p attache-text --example tagger_eval -- --train TRAIN.conllu DEV.conllu [OUT.bin]
//! ```
//!
//! The first form prints UPOS, XPOS, UFeats (whole FEATS string), the coder's features
//! (Tense, Number, Voice, Mood, VerbForm, Polarity all right) and lemma accuracy with
//! predicted tags, all with gold tokenization, for the built-in models or those of
//! `MODEL_DIR`.
//!
//! The second form is the tagger's development loop: it trains a tagger on TRAIN (best
//! iteration on DEV kept; options from the environment: `ATTACHE_ITERATIONS`,
//! `ATTACHE_TAGGER_FOLDS`, `ATTACHE_TAGGER_DROPOUT`, `ATTACHE_TAGGER_MIN_WEIGHT`,
//! `ATTACHE_SEED`, `ATTACHE_TAGGER_ENSEMBLE`, `ATTACHE_WORDNET` = a WordNet dict directory or `none`, `ATTACHE_CLUSTERS` = a
//! directory with the Brown-cluster tables or `none`, `ATTACHE_CLUSTERS_RARE=true`: own
//! cluster only for rare words), prints UPOS
//! and XPOS on DEV split by words seen / unseen in TRAIN and the most frequent UPOS
//! confusions, and writes the model to OUT.bin when given. With `ATTACHE_LOAD=M.bin`
//! it evaluates that model instead of training one (`ATTACHE_PRUNE=x` first drops its
//! weights below x; `ATTACHE_DUMP=F` writes one line per dev word: gold and predicted
//! UPOS and XPOS, form, seen in train, context). With `ATTACHE_SUM=a.bin,b.bin,...`
//! it evaluates the sum of single-pass member models trained on the same data with
//! different seeds (`ATTACHE_MEMBER_PRUNE=x` drops each member's weights below x
//! before summing, `ATTACHE_PRUNE=y` the sums below y); with `ATTACHE_TAGGER_ENSEMBLE`
//! the member pruning of training is `ATTACHE_TAGGER_MEMBER_MIN_WEIGHT`. Same inputs,
//! same numbers.

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};

use attache_text::conllu::{read_conllu_file, ConlluSentence};
use attache_text::doc::Feats;
use attache_text::train::{train_tagger, TrainOptions};
use attache_text::Pipeline;

fn coder_feats(s: &str) -> Feats {
    // Reuse the Sentence accessor's parsing through a one-token sentence.
    let tok = attache_text::doc::TokenRecord {
        start: 0,
        end: 0,
        upos: attache_text::Upos::X,
        xpos: String::new(),
        feats: s.to_string(),
        lemma: String::new(),
        head: 0,
        deprel: String::new(),
    };
    attache_text::Sentence {
        span: 0..0,
        tokens: vec![tok],
    }
    .feats(0)
}

fn read(p: &str) -> Vec<ConlluSentence> {
    read_conllu_file(Path::new(p)).unwrap_or_else(|e| {
        eprintln!("{e}");
        std::process::exit(1)
    })
}

fn env<T: std::str::FromStr>(name: &str, v: &mut T) {
    if let Ok(s) = std::env::var(name) {
        match s.parse() {
            Ok(x) => *v = x,
            Err(_) => {
                eprintln!("bad {name}: {s:?}");
                std::process::exit(2);
            }
        }
    }
}

fn train_mode(args: &[String]) {
    if args.len() < 2 {
        eprintln!("usage: tagger_eval --train TRAIN.conllu DEV.conllu [OUT.bin]");
        std::process::exit(2);
    }
    let train = read(&args[0]);
    let dev = read(&args[1]);
    if let Ok(list) = std::env::var("ATTACHE_SUM") {
        let members: Vec<attache_text::tagger::TaggerModel> = list
            .split(',')
            .map(|m| {
                attache_text::tagger::TaggerModel::load(Path::new(m)).unwrap_or_else(|e| {
                    eprintln!("{e}");
                    std::process::exit(1)
                })
            })
            .collect();
        let (mut member_min, mut min) = (0f32, 0f32);
        env("ATTACHE_MEMBER_PRUNE", &mut member_min);
        env("ATTACHE_PRUNE", &mut min);
        let m = attache_text::tagger::TaggerModel::summed(&members, member_min, min)
            .unwrap_or_else(|e| {
                eprintln!("{e}");
                std::process::exit(1)
            });
        report(&m, &train, &dev, args.get(2));
        return;
    }
    if let Ok(m) = std::env::var("ATTACHE_LOAD") {
        let m = attache_text::tagger::TaggerModel::load(Path::new(&m)).unwrap_or_else(|e| {
            eprintln!("{e}");
            std::process::exit(1)
        });
        let mut prune = 0f32;
        env("ATTACHE_PRUNE", &mut prune);
        let m = if prune > 0.0 {
            m.pruned(prune, false)
        } else {
            m
        };
        report(&m, &train, &dev, args.get(2));
        return;
    }
    let mut opts = TrainOptions::default();
    env("ATTACHE_ITERATIONS", &mut opts.iterations);
    env("ATTACHE_TAGGER_FOLDS", &mut opts.folds);
    env("ATTACHE_TAGGER_DROPOUT", &mut opts.word_dropout);
    env("ATTACHE_TAGGER_MIN_WEIGHT", &mut opts.min_weight);
    env("ATTACHE_SEED", &mut opts.seed);
    env("ATTACHE_TAGGER_ENSEMBLE", &mut opts.ensemble);
    env(
        "ATTACHE_TAGGER_MEMBER_MIN_WEIGHT",
        &mut opts.ensemble_member_min_weight,
    );
    env("ATTACHE_CLUSTERS_RARE", &mut opts.clusters_rare_only);
    if let Ok(w) = std::env::var("ATTACHE_WORDNET") {
        opts.wordnet = (w != "none").then(|| PathBuf::from(w));
    }
    let t = std::time::Instant::now();
    let m = train_tagger(&train, &dev, &opts).unwrap_or_else(|e| {
        eprintln!("{e}");
        std::process::exit(1)
    });
    eprintln!("trained in {:.1}s", t.elapsed().as_secs_f64());
    report(&m, &train, &dev, args.get(2));
}

fn report(
    m: &attache_text::tagger::TaggerModel,
    train: &[ConlluSentence],
    dev: &[ConlluSentence],
    out: Option<&String>,
) {
    let mut dump = std::env::var("ATTACHE_DUMP")
        .ok()
        .map(|p| std::fs::File::create(p).expect("dump file"));
    let known: HashSet<&str> = train
        .iter()
        .flat_map(|s| s.words.iter().map(|w| w.form.as_str()))
        .collect();
    // [known, unseen] × (n, upos ok, xpos ok)
    let mut c = [[0usize; 3]; 2];
    let mut conf: BTreeMap<(String, String), usize> = BTreeMap::new();
    for s in dev {
        let t = m.tag(&s.forms());
        if let Some(f) = dump.as_mut() {
            use std::io::Write;
            for (i, (w, p)) in s.words.iter().zip(&t).enumerate() {
                let ctx: Vec<&str> = s.words[i.saturating_sub(3)..(i + 4).min(s.words.len())]
                    .iter()
                    .map(|w| w.form.as_str())
                    .collect();
                let _ = writeln!(
                    f,
                    "{}\t{}\t{}\t{}\t{}\t{}\t{}",
                    w.upos,
                    p.upos.as_str(),
                    w.xpos,
                    p.xpos,
                    w.form,
                    known.contains(w.form.as_str()) as u8,
                    ctx.join(" ")
                );
            }
        }
        for (w, p) in s.words.iter().zip(&t) {
            let k = (!known.contains(w.form.as_str())) as usize;
            c[k][0] += 1;
            let uok = p.upos.as_str() == w.upos;
            c[k][1] += uok as usize;
            c[k][2] += (p.xpos == w.xpos) as usize;
            if !uok {
                *conf
                    .entry((w.upos.clone(), p.upos.as_str().to_string()))
                    .or_default() += 1;
            }
        }
    }
    let pct = |a: usize, n: usize| 100.0 * a as f64 / n.max(1) as f64;
    let n = c[0][0] + c[1][0];
    println!(
        "dev {n} words: UPOS {:.2}  XPOS {:.2} | seen {} UPOS {:.2} | unseen {} UPOS {:.2} XPOS {:.2}",
        pct(c[0][1] + c[1][1], n),
        pct(c[0][2] + c[1][2], n),
        c[0][0],
        pct(c[0][1], c[0][0]),
        c[1][0],
        pct(c[1][1], c[1][0]),
        pct(c[1][2], c[1][0]),
    );
    let (nk, ne) = m.size();
    println!(
        "model: {nk} features, {ne} weights, {} bytes",
        m.to_bytes().len()
    );
    let mut conf: Vec<_> = conf.into_iter().collect();
    conf.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let top: Vec<String> = conf
        .iter()
        .take(12)
        .map(|((g, p), k)| format!("{g}->{p} {k}"))
        .collect();
    println!("confusions (gold->predicted): {}", top.join(", "));
    if let Some(out) = out {
        m.save(Path::new(out)).unwrap_or_else(|e| {
            eprintln!("{e}");
            std::process::exit(1)
        });
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("--train") {
        train_mode(&args[1..]);
        return;
    }
    let Some(gold) = args.first() else {
        eprintln!("usage: tagger_eval GOLD.conllu [MODEL_DIR] | --train TRAIN DEV [OUT.bin]");
        std::process::exit(2);
    };
    let gold = read(gold);
    let p = match args.get(1) {
        Some(d) => Pipeline::load_dir(Path::new(d)),
        None => Pipeline::load_default(),
    }
    .unwrap_or_else(|e| {
        eprintln!("{e}");
        std::process::exit(1)
    });
    let (mut n, mut u, mut x, mut f, mut cf, mut l) =
        (0usize, 0usize, 0usize, 0usize, 0usize, 0usize);
    for g in &gold {
        let s = p.parse_pretokenized(&g.forms());
        for (i, w) in g.words.iter().enumerate() {
            n += 1;
            u += (s.upos(i).as_str() == w.upos) as usize;
            x += (s.xpos(i) == w.xpos) as usize;
            f += (s.feats_str(i) == w.feats) as usize;
            cf += (s.feats(i) == coder_feats(&w.feats)) as usize;
            l += (s.lemma(i) == w.lemma) as usize;
        }
    }
    let pct = |a: usize| 100.0 * a as f64 / n.max(1) as f64;
    println!(
        "{n} words: UPOS {:.2}  XPOS {:.2}  UFeats {:.2}  coder feats {:.2}  lemma {:.2}",
        pct(u),
        pct(x),
        pct(f),
        pct(cf),
        pct(l)
    );
}
