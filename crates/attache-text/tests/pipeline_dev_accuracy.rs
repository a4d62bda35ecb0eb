//! The built-in models still reach the accuracy recorded in docs/nlp.md on
//! en_ewt-ud-dev (gold tokenization), within 0.3 points. Skipped when ../shared/ud is
//! absent.

use std::path::PathBuf;

use attache_text::conllu::read_conllu_file;
use attache_text::Pipeline;

/// Recorded in docs/nlp.md ("Tagger and lemmatizer: results").
const DEV_UPOS: f64 = 95.44;
const DEV_XPOS: f64 = 94.76;
const DEV_LEMMA: f64 = 97.07;
/// Recorded in docs/nlp.md ("Dependency parser": predicted tags, built-in model);
/// LAS on the universal relation.
const DEV_UAS: f64 = 85.62;
const DEV_LAS: f64 = 82.18;

#[test]
fn dev_accuracy_as_recorded() {
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/ud/en_ewt-ud-dev.conllu");
    if !path.exists() {
        println!("skipping: ../shared/ud/en_ewt-ud-dev.conllu not found");
        return;
    }
    let gold = read_conllu_file(&path).unwrap();
    let p = Pipeline::load_default().unwrap();
    let (mut n, mut u, mut x, mut l) = (0usize, 0usize, 0usize, 0usize);
    let (mut ua, mut la) = (0usize, 0usize);
    let univ = |r: &str| r.split(':').next().unwrap_or("").to_string();
    for g in &gold {
        let s = p.parse_pretokenized(&g.forms());
        for (i, w) in g.words.iter().enumerate() {
            n += 1;
            u += (s.upos(i).as_str() == w.upos) as usize;
            x += (s.xpos(i) == w.xpos) as usize;
            l += (s.lemma(i) == w.lemma) as usize;
            let head = s.head(i).map_or(0, |h| h as u32 + 1);
            if head == w.head {
                ua += 1;
                la += (univ(s.deprel(i)) == univ(&w.deprel)) as usize;
            }
        }
    }
    let pct = |a: usize| 100.0 * a as f64 / n as f64;
    let (u, x, l) = (pct(u), pct(x), pct(l));
    let (ua, la) = (pct(ua), pct(la));
    println!(
        "en_ewt-ud-dev: UPOS {u:.2} XPOS {x:.2} lemma {l:.2} UAS {ua:.2} LAS {la:.2} ({n} words)"
    );
    assert!(
        ua >= DEV_UAS - 0.3,
        "UAS {ua:.2} < recorded {DEV_UAS} - 0.3"
    );
    assert!(
        la >= DEV_LAS - 0.3,
        "LAS {la:.2} < recorded {DEV_LAS} - 0.3"
    );
    assert!(
        u >= DEV_UPOS - 0.3,
        "UPOS {u:.2} < recorded {DEV_UPOS} - 0.3"
    );
    assert!(
        x >= DEV_XPOS - 0.3,
        "XPOS {x:.2} < recorded {DEV_XPOS} - 0.3"
    );
    assert!(
        l >= DEV_LEMMA - 0.3,
        "lemma {l:.2} < recorded {DEV_LEMMA} - 0.3"
    );
}
