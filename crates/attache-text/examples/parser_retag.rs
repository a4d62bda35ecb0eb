//! Replace the UPOS/XPOS of a CoNLL-U file by predicted tags, so the parser can be
//! trained and evaluated with predicted tags:
//!
//! * `parser_retag tag TAGGER.bin IN.conllu OUT.conllu` tags with a trained tagger;
//! * `parser_retag jackknife K IN.conllu OUT.conllu` trains K taggers, each on all but
//!   one contiguous K-th of the sentences, and tags that K-th with it (jackknifing), so training
//!   tags have the error profile of tags on unseen text.

use std::path::Path;

use attache_text::conllu::{read_conllu_file, write_conllu, ConlluSentence};
use attache_text::tagger::TaggerModel;
use attache_text::train::{train_tagger, TrainOptions};

fn retag(m: &TaggerModel, s: &mut ConlluSentence) {
    let forms: Vec<String> = s.words.iter().map(|w| w.form.clone()).collect();
    let f: Vec<&str> = forms.iter().map(|x| x.as_str()).collect();
    let tags = m.tag(&f);
    for (w, t) in s.words.iter_mut().zip(&tags) {
        w.upos = t.upos.as_str().to_string();
        w.xpos = t.xpos.to_string();
    }
}

fn fail(msg: String) -> ! {
    eprintln!("{msg}");
    std::process::exit(1)
}

fn main() {
    let a: Vec<String> = std::env::args().collect();
    if a.len() != 5 {
        fail("usage: parser_retag tag TAGGER.bin IN.conllu OUT.conllu | parser_retag jackknife K IN.conllu OUT.conllu".into());
    }
    let mut sents = read_conllu_file(Path::new(&a[3])).unwrap_or_else(|e| fail(e.to_string()));
    match a[1].as_str() {
        "tag" => {
            let m = TaggerModel::load(Path::new(&a[2])).unwrap_or_else(|e| fail(e.to_string()));
            sents.iter_mut().for_each(|s| retag(&m, s));
        }
        "jackknife" => {
            let k: usize = a[2]
                .parse()
                .unwrap_or_else(|_| fail("K must be a number".into()));
            let orig = sents.clone();
            let n = orig.len().max(1);
            // contiguous blocks, so a held-out block's documents are unseen by its tagger
            let block = |i: usize| i * k / n;
            for fold in 0..k {
                let train: Vec<ConlluSentence> = orig
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| block(*i) != fold)
                    .map(|(_, s)| s.clone())
                    .collect();
                let opts = TrainOptions {
                    quiet: true,
                    ..TrainOptions::default()
                };
                let m = train_tagger(&train, &[], &opts).unwrap_or_else(|e| fail(e.to_string()));
                for (i, s) in sents.iter_mut().enumerate() {
                    if block(i) == fold {
                        retag(&m, s);
                    }
                }
                eprintln!("fold {} of {k} done", fold + 1);
            }
        }
        other => fail(format!("unknown mode {other:?}: use tag or jackknife")),
    }
    let mut out = String::new();
    write_conllu(&sents, &mut out);
    std::fs::write(&a[4], out).unwrap_or_else(|e| fail(format!("cannot write {}: {e}", a[4])));
}
