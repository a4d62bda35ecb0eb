//! The CoNLL 2018-style scorer on hand-written CoNLL-U (sentences written for these
//! tests): identical files score 100, and single errors give the exact expected numbers.

use attache_text::conllu::{read_conllu, write_conllu};
use attache_text::doc::{Doc, Sentence, TokenRecord, Upos};
use attache_text::eval::{doc_to_conllu, evaluate_with, raw_text, score};

const GOLD: &str = "# newdoc id = d1
# newpar
# text = Pakistan's envoy met officials.
1-2\tPakistan's\t_\t_\t_\t_\t_\t_\t_\t_
1\tPakistan\tPakistan\tPROPN\tNNP\t_\t3\tnmod:poss\t_\t_
2\t's\t's\tPART\tPOS\t_\t1\tcase\t_\t_
3\tenvoy\tenvoy\tNOUN\tNN\t_\t4\tnsubj\t_\t_
4\tmet\tmeet\tVERB\tVBD\t_\t0\troot\t_\t_
5\tofficials\tofficial\tNOUN\tNNS\t_\t4\tobj\t_\tSpaceAfter=No
6\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_

# text = Talks resumed.
1\tTalks\ttalk\tNOUN\tNNS\t_\t2\tnsubj\t_\t_
2\tresumed\tresume\tVERB\tVBD\t_\t0\troot\t_\tSpaceAfter=No
3\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_

# newpar
# text = Kabul agreed.
1\tKabul\tKabul\tPROPN\tNNP\t_\t2\tnsubj\t_\t_
2\tagreed\tagree\tVERB\tVBD\t_\t0\troot\t_\tSpaceAfter=No
3\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_
";

fn close(a: f64, b: f64) {
    assert!((a - b).abs() < 1e-9, "{a} != {b}");
}

#[test]
fn identical_files_score_100() {
    let g = read_conllu(GOLD).unwrap();
    let s = score(&g, &g);
    assert!(s.same_text);
    for m in [
        s.tokens,
        s.sentences,
        s.words,
        s.upos,
        s.xpos,
        s.lemmas,
        s.uas,
        s.las,
    ] {
        close(m.f1(), 100.0);
    }
    assert_eq!(s.words.gold, 12);
    assert_eq!(s.tokens.gold, 11);
    assert_eq!(s.sentences.gold, 3);
}

#[test]
fn wrong_head_and_wrong_label() {
    let g = read_conllu(GOLD).unwrap();
    // "officials" attached to "envoy" (wrong head), "envoy" labelled obj (wrong label).
    let sys_text = GOLD
        .replace(
            "5\tofficials\tofficial\tNOUN\tNNS\t_\t4\tobj",
            "5\tofficials\tofficial\tNOUN\tNNS\t_\t3\tobj",
        )
        .replace(
            "3\tenvoy\tenvoy\tNOUN\tNN\t_\t4\tnsubj",
            "3\tenvoy\tenvoy\tNOUN\tNN\t_\t4\tobj",
        );
    let s = score(&g, &read_conllu(&sys_text).unwrap());
    close(s.tokens.f1(), 100.0);
    close(s.upos.f1(), 100.0);
    assert_eq!((s.uas.correct, s.las.correct), (11, 10));
    close(s.uas.f1(), 100.0 * 11.0 / 12.0);
    close(s.las.f1(), 100.0 * 10.0 / 12.0);
    // Subtypes are ignored by LAS (universal part only).
    let sub = GOLD.replace("nmod:poss", "nmod");
    close(score(&g, &read_conllu(&sub).unwrap()).las.f1(), 100.0);
}

#[test]
fn one_token_split_error() {
    let g = read_conllu(GOLD).unwrap();
    // "officials." left as one token.
    let sys_text = GOLD.replace(
        "5\tofficials\tofficial\tNOUN\tNNS\t_\t4\tobj\t_\tSpaceAfter=No\n6\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n",
        "5\tofficials.\tofficial\tNOUN\tNNS\t_\t4\tobj\t_\t_\n",
    );
    let s = score(&g, &read_conllu(&sys_text).unwrap());
    assert!(s.same_text);
    assert_eq!(
        (s.tokens.gold, s.tokens.system, s.tokens.correct),
        (11, 10, 9)
    );
    close(s.tokens.f1(), 200.0 * 9.0 / 21.0);
    assert_eq!(
        (s.words.gold, s.words.system, s.words.correct),
        (12, 11, 10)
    );
    close(s.words.f1(), 200.0 * 10.0 / 23.0);
    close(s.uas.f1(), 200.0 * 10.0 / 23.0);
    close(s.upos.aligned_accuracy(), 100.0);
    close(s.sentences.f1(), 100.0);
}

#[test]
fn multiword_tokens_align_inside() {
    let g = read_conllu(GOLD).unwrap();
    // System writes "Pakistan's" as two plain tokens: token counts differ, words align.
    let sys_text = GOLD
        .replace("1-2\tPakistan's\t_\t_\t_\t_\t_\t_\t_\t_\n", "")
        .replace(
            "1\tPakistan\tPakistan\tPROPN\tNNP\t_\t3\tnmod:poss\t_\t_",
            "1\tPakistan\tPakistan\tPROPN\tNNP\t_\t3\tnmod:poss\t_\tSpaceAfter=No",
        );
    let s = score(&g, &read_conllu(&sys_text).unwrap());
    assert_eq!(
        (s.tokens.gold, s.tokens.system, s.tokens.correct),
        (11, 12, 10)
    );
    close(s.words.f1(), 100.0);
    close(s.las.f1(), 100.0);
}

#[test]
fn sentence_merge_error() {
    let g = read_conllu(GOLD).unwrap();
    // The first two sentences merged into one (heads renumbered).
    let merged = "# text = Pakistan's envoy met officials. Talks resumed.
1-2\tPakistan's\t_\t_\t_\t_\t_\t_\t_\t_
1\tPakistan\tPakistan\tPROPN\tNNP\t_\t3\tnmod:poss\t_\t_
2\t's\t's\tPART\tPOS\t_\t1\tcase\t_\t_
3\tenvoy\tenvoy\tNOUN\tNN\t_\t4\tnsubj\t_\t_
4\tmet\tmeet\tVERB\tVBD\t_\t0\troot\t_\t_
5\tofficials\tofficial\tNOUN\tNNS\t_\t4\tobj\t_\tSpaceAfter=No
6\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_
7\tTalks\ttalk\tNOUN\tNNS\t_\t8\tnsubj\t_\t_
8\tresumed\tresume\tVERB\tVBD\t_\t4\tparataxis\t_\tSpaceAfter=No
9\t.\t.\tPUNCT\t.\t_\t8\tpunct\t_\t_

# text = Kabul agreed.
1\tKabul\tKabul\tPROPN\tNNP\t_\t2\tnsubj\t_\t_
2\tagreed\tagree\tVERB\tVBD\t_\t0\troot\t_\tSpaceAfter=No
3\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_
";
    let s = score(&g, &read_conllu(merged).unwrap());
    assert_eq!(
        (s.sentences.gold, s.sentences.system, s.sentences.correct),
        (3, 2, 1)
    );
    close(s.sentences.f1(), 40.0);
    close(s.tokens.f1(), 100.0);
    // Only "resumed" lost its root attachment.
    assert_eq!(s.uas.correct, 11);
}

#[test]
fn raw_text_joins_paragraphs_like_ud() {
    let g = read_conllu(GOLD).unwrap();
    assert_eq!(
        raw_text(&g),
        "Pakistan's envoy met officials. Talks resumed.\n\nKabul agreed.\n"
    );
}

fn rec(start: u32, end: u32, upos: Upos, head: u32, deprel: &str) -> TokenRecord {
    TokenRecord {
        start,
        end,
        upos,
        xpos: "_".into(),
        feats: "_".into(),
        lemma: "_".into(),
        head,
        deprel: deprel.into(),
    }
}

#[test]
fn doc_to_conllu_groups_clitics_and_marks_spaces() {
    let text = "Kabul's envoy can't go.";
    let doc = Doc {
        text,
        sentences: vec![Sentence {
            span: 0..text.len(),
            tokens: vec![
                rec(0, 5, Upos::PROPN, 3, "nmod:poss"),
                rec(5, 7, Upos::PART, 1, "case"),
                rec(8, 13, Upos::NOUN, 6, "nsubj"),
                rec(14, 16, Upos::AUX, 6, "aux"),
                rec(16, 19, Upos::PART, 6, "advmod"),
                rec(20, 22, Upos::VERB, 0, "root"),
                rec(22, 23, Upos::PUNCT, 6, "punct"),
            ],
        }],
    };
    let c = doc_to_conllu(&doc);
    assert_eq!(c.len(), 1);
    assert_eq!(c[0].text(), Some(text));
    assert_eq!(c[0].sent_id(), Some("1"));
    assert_eq!(
        c[0].multiword,
        vec![
            (1, 2, "Kabul's".to_string(), "_".to_string()),
            (4, 5, "can't".to_string(), "_".to_string())
        ]
    );
    assert_eq!(c[0].words[5].misc, "SpaceAfter=No");
    assert_eq!(c[0].words[6].misc, "_");
    // Round trip through the CoNLL-U writer and reader, and score against itself.
    let mut out = String::new();
    write_conllu(&c, &mut out);
    let back = read_conllu(&out).unwrap();
    assert_eq!(back, c);
    assert_eq!(raw_text(&back), format!("{text}\n"));
    close(score(&back, &c).las.f1(), 100.0);
}

#[test]
fn evaluate_with_a_perfect_stub_scores_100() {
    // A stub "pipeline" that copies gold analyses proves the plumbing of evaluate_with.
    let g = read_conllu(GOLD).unwrap();
    let by_form = |w: &str| {
        g.iter()
            .flat_map(|s| s.words.iter())
            .find(|x| x.form == w)
            .cloned()
            .unwrap_or_default()
    };
    let report = evaluate_with(
        &g,
        |words| {
            let sent = g.iter().find(|s| s.forms() == words).unwrap();
            Sentence {
                span: 0..0,
                tokens: sent
                    .words
                    .iter()
                    .map(|w| TokenRecord {
                        start: 0,
                        end: 0,
                        upos: Upos::parse(&w.upos).unwrap_or(Upos::X),
                        xpos: w.xpos.clone(),
                        feats: w.feats.clone(),
                        lemma: w.lemma.clone(),
                        head: w.head,
                        deprel: w.deprel.clone(),
                    })
                    .collect(),
            }
        },
        |text| {
            let toks = attache_text::tokenize::tokenize(text);
            let sents = attache_text::segment::split_sentences(text, &toks);
            let sentences = sents
                .into_iter()
                .map(|r| {
                    let toks = &toks[r];
                    Sentence {
                        span: toks[0].0 as usize..toks[toks.len() - 1].1 as usize,
                        tokens: toks
                            .iter()
                            .map(|&(a, b)| {
                                let w = by_form(&text[a as usize..b as usize]);
                                TokenRecord {
                                    start: a,
                                    end: b,
                                    upos: Upos::parse(&w.upos).unwrap_or(Upos::X),
                                    xpos: w.xpos,
                                    feats: w.feats,
                                    lemma: w.lemma,
                                    head: w.head,
                                    deprel: w.deprel,
                                }
                            })
                            .collect(),
                    }
                })
                .collect();
            Doc { text, sentences }
        },
    );
    close(report.tokens_f1, 100.0);
    close(report.sentences_f1, 100.0);
    close(report.upos, 100.0);
    close(report.las, 100.0);
    close(report.e2e_upos, 100.0);
    assert_eq!((report.sentences, report.words), (3, 12));
}
