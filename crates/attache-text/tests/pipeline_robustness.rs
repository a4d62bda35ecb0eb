//! The pipeline never panics on arbitrary text, and its spans are valid; CoNLL-U
//! written by us reads back identically.

use attache_text::conllu::{read_conllu, write_conllu, ConlluSentence, ConlluWord};
use attache_text::Pipeline;
use proptest::prelude::*;
use std::sync::OnceLock;

fn pipeline() -> &'static Pipeline {
    static P: OnceLock<Pipeline> = OnceLock::new();
    P.get_or_init(|| Pipeline::load_default().expect("built-in models load"))
}

fn check(text: &str) {
    let doc = pipeline().parse(text);
    for s in &doc.sentences {
        assert!(!s.is_empty());
        assert!(s.span.end <= text.len());
        for i in 0..s.len() {
            let r = s.token_span(i);
            assert!(r.start < r.end && r.end <= text.len());
            assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
            assert!(!s.lemma(i).is_empty() || s.form(text, i).is_empty());
            if let Some(h) = s.head(i) {
                assert!(h < s.len());
            }
        }
        assert_eq!((0..s.len()).filter(|&i| s.head(i).is_none()).count(), 1);
    }
}

#[test]
fn odd_inputs() {
    for t in [
        "\u{0}\u{1}",
        "ÉTATS-UNIS: l'ambassadeur a été rappelé.",
        "😀😀 🇺🇸 ...",
        "a",
        ".",
        "\"\"\"",
        "Mr. Ｔｏｋｙｏ ｓａｉｄ ｎｏ.",
        "İstanbul’da ΑΘΗΝΑ ﬁnally",
        &"x".repeat(5000),
        &"word ".repeat(3000),
        "U.S.-U.K. talks on 3/4/2024 at 10:30 a.m. cost $1,500.25 (≈€1.4k) — see https://x.org/a?b=c #tag @user",
    ] {
        check(t);
    }
}

fn word() -> impl Strategy<Value = String> {
    "[A-Za-z0-9éß.,'\"-]{1,8}"
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn never_panics(text in "\\PC{0,200}") {
        check(&text);
    }

    #[test]
    fn conllu_round_trip(sents in prop::collection::vec(prop::collection::vec(word(), 1..8), 1..4)) {
        let sentences: Vec<ConlluSentence> = sents
            .iter()
            .enumerate()
            .map(|(k, ws)| ConlluSentence {
                comments: vec![format!("sent_id = s{k}"), format!("text = {}", ws.join(" "))],
                words: ws
                    .iter()
                    .enumerate()
                    .map(|(i, w)| ConlluWord {
                        id: i as u32 + 1,
                        form: w.clone(),
                        lemma: w.to_lowercase(),
                        upos: "X".into(),
                        xpos: "FW".into(),
                        feats: "_".into(),
                        head: i as u32,
                        deprel: if i == 0 { "root".into() } else { "dep".into() },
                        deps: "_".into(),
                        misc: "_".into(),
                    })
                    .collect(),
                multiword: vec![],
            })
            .collect();
        let mut out = String::new();
        write_conllu(&sentences, &mut out);
        let back = read_conllu(&out).unwrap();
        prop_assert_eq!(back, sentences);
    }
}
