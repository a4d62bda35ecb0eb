//! The committed parser model (models/parser.bin): sanity on hand-written news
//! sentences (subject and object of a diplomatic verb, passive, coordination) and its
//! accuracy on EWT dev (skipped when ../shared/ud is absent).

use std::path::{Path, PathBuf};

use attache_text::conllu::read_conllu_file;
use attache_text::parser::{evaluate, Parser};
use attache_text::tagger::TaggerModel;
use attache_text::Upos;

fn model() -> Parser {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../models/parser.bin");
    let bytes = std::fs::read(&path).expect("models/parser.bin is committed");
    Parser::from_bytes(&bytes).expect("models/parser.bin loads")
}

/// Parse "form/UPOS/XPOS ..." and return (form, head, deprel) per word.
fn parse(p: &Parser, tagged: &str) -> Vec<(String, u32, String)> {
    let toks: Vec<(&str, Upos, &str)> = tagged
        .split(' ')
        .map(|t| {
            let mut it = t.rsplitn(3, '/');
            let x = it.next().unwrap();
            let u = Upos::parse(it.next().unwrap()).unwrap();
            (it.next().unwrap(), u, x)
        })
        .collect();
    let forms: Vec<&str> = toks.iter().map(|t| t.0).collect();
    let upos: Vec<Upos> = toks.iter().map(|t| t.1).collect();
    let xpos: Vec<&str> = toks.iter().map(|t| t.2).collect();
    p.parse(&forms, &upos, &xpos)
        .into_iter()
        .zip(&forms)
        .map(|((h, l), f)| (f.to_string(), h, p.deprel_name(l).to_string()))
        .collect()
}

fn rel<'a>(out: &'a [(String, u32, String)], form: &str) -> (u32, &'a str) {
    let w = out.iter().find(|w| w.0 == form).unwrap();
    (w.1, w.2.as_str())
}

#[test]
fn subject_and_object_of_a_diplomatic_verb() {
    let p = model();
    let out = parse(
        &p,
        "Pakistan/PROPN/NNP expelled/VERB/VBD the/DET/DT Indian/ADJ/JJ ambassador/NOUN/NN ./PUNCT/.",
    );
    assert_eq!(rel(&out, "expelled"), (0, "root"), "{out:?}");
    assert_eq!(rel(&out, "Pakistan"), (2, "nsubj"), "{out:?}");
    assert_eq!(rel(&out, "ambassador"), (2, "obj"), "{out:?}");
    assert_eq!(rel(&out, "Indian"), (5, "amod"), "{out:?}");
}

#[test]
fn passive_with_agent() {
    let p = model();
    let out = parse(
        &p,
        "The/DET/DT ambassador/NOUN/NN was/AUX/VBD expelled/VERB/VBN by/ADP/IN Pakistan/PROPN/NNP on/ADP/IN Monday/PROPN/NNP ./PUNCT/.",
    );
    assert_eq!(rel(&out, "expelled"), (0, "root"), "{out:?}");
    assert_eq!(rel(&out, "ambassador"), (4, "nsubj:pass"), "{out:?}");
    assert_eq!(rel(&out, "was"), (4, "aux:pass"), "{out:?}");
    assert_eq!(rel(&out, "by"), (6, "case"), "{out:?}");
    let (h, l) = rel(&out, "Pakistan");
    assert_eq!(h, 4, "{out:?}");
    assert!(l.starts_with("obl"), "{out:?}");
}

#[test]
fn coordinated_subjects() {
    let p = model();
    let out = parse(
        &p,
        "China/PROPN/NNP and/CCONJ/CC Russia/PROPN/NNP condemned/VERB/VBD the/DET/DT strike/NOUN/NN ./PUNCT/.",
    );
    assert_eq!(rel(&out, "condemned"), (0, "root"), "{out:?}");
    assert_eq!(rel(&out, "China"), (4, "nsubj"), "{out:?}");
    assert_eq!(rel(&out, "Russia"), (1, "conj"), "{out:?}");
    assert_eq!(rel(&out, "and"), (3, "cc"), "{out:?}");
    assert_eq!(rel(&out, "strike"), (4, "obj"), "{out:?}");
}

#[test]
fn reported_speech_and_possessive() {
    let p = model();
    let out = parse(
        &p,
        "Iran/PROPN/NNP 's/PART/POS foreign/ADJ/JJ minister/NOUN/NN said/VERB/VBD talks/NOUN/NNS would/AUX/MD resume/VERB/VB ./PUNCT/.",
    );
    assert_eq!(rel(&out, "said"), (0, "root"), "{out:?}");
    assert_eq!(rel(&out, "Iran"), (4, "nmod:poss"), "{out:?}");
    assert_eq!(rel(&out, "minister"), (5, "nsubj"), "{out:?}");
    assert_eq!(rel(&out, "resume"), (5, "ccomp"), "{out:?}");
    assert_eq!(rel(&out, "talks"), (8, "nsubj"), "{out:?}");
}

/// Dev accuracy with the tags in the file (gold tags) that the committed model must keep
/// within 0.3 points (see docs/nlp.md, "Dependency parser").
const DEV_UAS_GOLD_TAGS: f64 = 88.34;
const DEV_LAS_GOLD_TAGS: f64 = 86.26;

#[test]
fn committed_model_keeps_its_dev_accuracy() {
    let dev: PathBuf =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/ud/en_ewt-ud-dev.conllu");
    if !dev.exists() {
        println!("skipping: ../shared/ud/en_ewt-ud-dev.conllu not found");
        return;
    }
    let gold = read_conllu_file(&dev).expect("EWT dev reads");
    let sc = evaluate(&model(), &gold);
    println!(
        "EWT dev with gold tags: UAS {:.2} LAS {:.2} (full labels {:.2})",
        sc.uas, sc.las, sc.las_full
    );
    assert!(sc.uas >= DEV_UAS_GOLD_TAGS - 0.3, "UAS {:.2}", sc.uas);
    assert!(sc.las >= DEV_LAS_GOLD_TAGS - 0.3, "LAS {:.2}", sc.las);
}

/// Dev accuracy with tags predicted by the committed tagger (the setting of the issue's
/// targets). It depends on the tagger too, so a retrained tagger may move it: the floor
/// is one point below the value recorded in docs/nlp.md.
const DEV_UAS_PRED_TAGS: f64 = 85.60;
const DEV_LAS_PRED_TAGS: f64 = 82.16;

#[test]
fn committed_model_with_committed_tagger_on_dev() {
    let dev: PathBuf =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/ud/en_ewt-ud-dev.conllu");
    if !dev.exists() {
        println!("skipping: ../shared/ud/en_ewt-ud-dev.conllu not found");
        return;
    }
    let tagger_path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../models/tagger.bin");
    let tagger = TaggerModel::load(&tagger_path).expect("models/tagger.bin loads");
    let mut gold = read_conllu_file(&dev).expect("EWT dev reads");
    for s in gold.iter_mut() {
        let forms: Vec<String> = s.words.iter().map(|w| w.form.clone()).collect();
        let f: Vec<&str> = forms.iter().map(|x| x.as_str()).collect();
        let tags = tagger.tag(&f);
        for (w, t) in s.words.iter_mut().zip(&tags) {
            w.upos = t.upos.as_str().to_string();
            w.xpos = t.xpos.to_string();
        }
    }
    let sc = evaluate(&model(), &gold);
    println!(
        "EWT dev with predicted tags: UAS {:.2} LAS {:.2} (full labels {:.2})",
        sc.uas, sc.las, sc.las_full
    );
    assert!(sc.uas >= DEV_UAS_PRED_TAGS - 1.0, "UAS {:.2}", sc.uas);
    assert!(sc.las >= DEV_LAS_PRED_TAGS - 1.0, "LAS {:.2}", sc.las);
}
