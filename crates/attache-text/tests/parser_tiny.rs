//! Training the parser (and its tree reviser) on a tiny hand-written treebank inside a
//! test, and checking that every output is a well-formed tree (property test).

use attache_text::conllu::{read_conllu, ConlluSentence};
use attache_text::parser::{
    evaluate, train_parser, Parser, ParserTrainOptions, FX_AMB, FX_LAB, FX_R2L, FX_ROOT_FIRST,
};
use attache_text::Upos;
use proptest::prelude::*;

/// Ten sentences written for this test (UD v2 English conventions as in EWT).
const TINY: &str = "\
1	Pakistan	Pakistan	PROPN	NNP	_	2	nsubj	_	_
2	expelled	expel	VERB	VBD	_	0	root	_	_
3	the	the	DET	DT	_	5	det	_	_
4	Indian	Indian	ADJ	JJ	_	5	amod	_	_
5	ambassador	ambassador	NOUN	NN	_	2	obj	_	_
6	.	.	PUNCT	.	_	2	punct	_	_

1	The	the	DET	DT	_	2	det	_	_
2	ambassador	ambassador	NOUN	NN	_	4	nsubj:pass	_	_
3	was	be	AUX	VBD	_	4	aux:pass	_	_
4	expelled	expel	VERB	VBN	_	0	root	_	_
5	by	by	ADP	IN	_	6	case	_	_
6	Pakistan	Pakistan	PROPN	NNP	_	4	obl	_	_
7	.	.	PUNCT	.	_	4	punct	_	_

1	China	China	PROPN	NNP	_	4	nsubj	_	_
2	and	and	CCONJ	CC	_	3	cc	_	_
3	Russia	Russia	PROPN	NNP	_	1	conj	_	_
4	condemned	condemn	VERB	VBD	_	0	root	_	_
5	the	the	DET	DT	_	6	det	_	_
6	strike	strike	NOUN	NN	_	4	obj	_	_
7	.	.	PUNCT	.	_	4	punct	_	_

1	India	India	PROPN	NNP	_	2	nsubj	_	_
2	recalled	recall	VERB	VBD	_	0	root	_	_
3	its	its	PRON	PRP$	_	4	nmod:poss	_	_
4	envoy	envoy	NOUN	NN	_	2	obj	_	_
5	from	from	ADP	IN	_	6	case	_	_
6	Islamabad	Islamabad	PROPN	NNP	_	2	obl	_	_
7	.	.	PUNCT	.	_	2	punct	_	_

1	The	the	DET	DT	_	2	det	_	_
2	minister	minister	NOUN	NN	_	3	nsubj	_	_
3	said	say	VERB	VBD	_	0	root	_	_
4	that	that	SCONJ	IN	_	7	mark	_	_
5	talks	talk	NOUN	NNS	_	7	nsubj	_	_
6	would	would	AUX	MD	_	7	aux	_	_
7	resume	resume	VERB	VB	_	3	ccomp	_	_
8	on	on	ADP	IN	_	9	case	_	_
9	Monday	Monday	PROPN	NNP	_	7	obl	_	_
10	.	.	PUNCT	.	_	3	punct	_	_

1	Iran	Iran	PROPN	NNP	_	2	nsubj	_	_
2	wants	want	VERB	VBZ	_	0	root	_	_
3	to	to	PART	TO	_	4	mark	_	_
4	expand	expand	VERB	VB	_	2	xcomp	_	_
5	trade	trade	NOUN	NN	_	4	obj	_	_
6	with	with	ADP	IN	_	7	case	_	_
7	Iraq	Iraq	PROPN	NNP	_	4	obl	_	_
8	.	.	PUNCT	.	_	2	punct	_	_

1	Kenya	Kenya	PROPN	NNP	_	4	nsubj	_	_
2	and	and	CCONJ	CC	_	3	cc	_	_
3	Somalia	Somalia	PROPN	NNP	_	1	conj	_	_
4	signed	sign	VERB	VBD	_	0	root	_	_
5	a	a	DET	DT	_	7	det	_	_
6	security	security	NOUN	NN	_	7	compound	_	_
7	agreement	agreement	NOUN	NN	_	4	obj	_	_
8	.	.	PUNCT	.	_	4	punct	_	_

1	Troops	troop	NOUN	NNS	_	3	nsubj:pass	_	_
2	were	be	AUX	VBD	_	3	aux:pass	_	_
3	deployed	deploy	VERB	VBN	_	0	root	_	_
4	to	to	ADP	IN	_	6	case	_	_
5	the	the	DET	DT	_	6	det	_	_
6	border	border	NOUN	NN	_	3	obl	_	_
7	.	.	PUNCT	.	_	3	punct	_	_

1	Egypt	Egypt	PROPN	NNP	_	3	nmod:poss	_	_
2	's	's	PART	POS	_	1	case	_	_
3	president	president	NOUN	NN	_	4	nsubj	_	_
4	met	meet	VERB	VBD	_	0	root	_	_
5	the	the	DET	DT	_	6	det	_	_
6	delegation	delegation	NOUN	NN	_	4	obj	_	_
7	.	.	PUNCT	.	_	4	punct	_	_

1	Turkey	Turkey	PROPN	NNP	_	2	nsubj	_	_
2	closed	close	VERB	VBD	_	0	root	_	_
3	its	its	PRON	PRP$	_	4	nmod:poss	_	_
4	embassy	embassy	NOUN	NN	_	2	obj	_	_
5	and	and	CCONJ	CC	_	6	cc	_	_
6	withdrew	withdraw	VERB	VBD	_	2	conj	_	_
7	its	its	PRON	PRP$	_	8	nmod:poss	_	_
8	diplomats	diplomat	NOUN	NNS	_	6	obj	_	_
9	.	.	PUNCT	.	_	2	punct	_	_
";

fn tiny() -> Vec<ConlluSentence> {
    read_conllu(TINY).expect("the tiny treebank parses")
}

fn tiny_opts() -> ParserTrainOptions {
    ParserTrainOptions {
        iterations: 30,
        trans_bits: 16,
        label_bits: 12,
        verbose: false,
        keep_best: false,
        ..ParserTrainOptions::default()
    }
}

fn parse_sent(p: &Parser, s: &ConlluSentence) -> Vec<(u32, String)> {
    let forms: Vec<&str> = s.words.iter().map(|w| w.form.as_str()).collect();
    let upos: Vec<Upos> = s
        .words
        .iter()
        .map(|w| Upos::parse(&w.upos).unwrap())
        .collect();
    let xpos: Vec<&str> = s.words.iter().map(|w| w.xpos.as_str()).collect();
    p.parse(&forms, &upos, &xpos)
        .into_iter()
        .map(|(h, l)| (h, p.deprel_name(l).to_string()))
        .collect()
}

#[test]
fn tiny_treebank_is_learned_exactly() {
    let sents = tiny();
    assert_eq!(sents.len(), 10);
    let p = train_parser(&sents, &[], &tiny_opts()).expect("training works");
    for s in &sents {
        let got = parse_sent(&p, s);
        let want: Vec<(u32, String)> = s.words.iter().map(|w| (w.head, w.deprel.clone())).collect();
        assert_eq!(got, want, "sentence {:?}", s.forms());
    }
    let sc = evaluate(&p, &sents);
    assert_eq!(sc.uas, 100.0);
    assert_eq!(sc.las_full, 100.0);
}

#[test]
fn training_is_deterministic_and_model_round_trips() {
    let sents = tiny();
    let a = train_parser(&sents, &[], &tiny_opts()).unwrap().to_bytes();
    let b = train_parser(&sents, &[], &tiny_opts()).unwrap().to_bytes();
    assert_eq!(a, b, "same data and seed must give byte-identical models");
    let p = Parser::from_bytes(&a).unwrap();
    assert_eq!(p.to_bytes(), a);
    let s = &sents[1];
    assert_eq!(
        parse_sent(&p, s),
        s.words
            .iter()
            .map(|w| (w.head, w.deprel.clone()))
            .collect::<Vec<_>>()
    );
}

#[test]
fn feature_groups_are_stored_in_the_model_and_version_1_models_still_load() {
    let sents = tiny();
    for features in [0, FX_AMB, FX_AMB | FX_LAB] {
        let opts = ParserTrainOptions {
            features,
            ..tiny_opts()
        };
        let bytes = train_parser(&sents, &[], &opts).unwrap().to_bytes();
        let p = Parser::from_bytes(&bytes).unwrap();
        assert_eq!(p.to_bytes(), bytes, "features {features}");
        for s in &sents {
            let want: Vec<(u32, String)> =
                s.words.iter().map(|w| (w.head, w.deprel.clone())).collect();
            assert_eq!(parse_sent(&p, s), want, "features {features}");
        }
        if features == 0 {
            // The same model in the version-1 layout (no feature byte, no ambiguity
            // lexicon), as models/parser.bin was written before feature groups existed.
            assert_eq!(bytes[12], 0, "feature byte");
            assert_eq!(*bytes.last().unwrap(), 0, "empty lexicon");
            let mut v1 = b"ATPARSR1".to_vec();
            v1.extend_from_slice(&bytes[8..12]);
            v1.extend_from_slice(&bytes[13..bytes.len() - 1]);
            let old = Parser::from_bytes(&v1).expect("version 1 model loads");
            for s in &sents {
                assert_eq!(parse_sent(&old, s), parse_sent(&p, s));
            }
        }
    }
    // unknown feature bits are refused, not misread
    let mut bytes = train_parser(&sents, &[], &tiny_opts()).unwrap().to_bytes();
    bytes[12] = 0x80;
    let e = Parser::from_bytes(&bytes).unwrap_err().to_string();
    assert!(e.contains("feature groups"), "{e}");
}

#[test]
fn ensemble_members_trained_in_parallel_give_the_same_model() {
    let opts = |threads| ParserTrainOptions {
        ensemble: 3,
        iterations: 5,
        threads,
        ..tiny_opts()
    };
    let one = train_parser(&tiny(), &[], &opts(1)).unwrap().to_bytes();
    let two = train_parser(&tiny(), &[], &opts(2)).unwrap().to_bytes();
    assert_eq!(one, two);
}

#[test]
fn bad_models_are_errors_not_panics() {
    assert!(Parser::from_bytes(b"").is_err());
    assert!(Parser::from_bytes(b"not a model at all").is_err());
    let good = train_parser(&tiny(), &[], &tiny_opts()).unwrap().to_bytes();
    for cut in [9, 12, 40, good.len() / 2, good.len() - 1] {
        assert!(
            Parser::from_bytes(&good[..cut]).is_err(),
            "truncated at {cut}"
        );
    }
    let msg = Parser::from_bytes(b"garbage!garbage")
        .unwrap_err()
        .to_string();
    assert!(msg.contains("parser model"), "{msg}");
}

fn r2l_opts() -> ParserTrainOptions {
    ParserTrainOptions {
        features: FX_R2L,
        ..tiny_opts()
    }
}

/// Left-to-right and right-to-left models of the tiny treebank, combined.
fn combined() -> Parser {
    let l2r = train_parser(&tiny(), &[], &tiny_opts()).unwrap();
    let r2l = train_parser(&tiny(), &[], &r2l_opts()).unwrap();
    Parser::combined(l2r, r2l).unwrap()
}

#[test]
fn right_to_left_model_learns_the_treebank_and_combined_models_round_trip() {
    let sents = tiny();
    let r2l = train_parser(&sents, &[], &r2l_opts()).unwrap();
    // trees come back in the original word order
    for s in &sents {
        let want: Vec<(u32, String)> = s.words.iter().map(|w| (w.head, w.deprel.clone())).collect();
        assert_eq!(parse_sent(&r2l, s), want, "right to left: {:?}", s.forms());
    }
    // the same with the root at the bottom of the stack instead of the end of the buffer
    for features in [FX_ROOT_FIRST, FX_R2L | FX_ROOT_FIRST] {
        let o = ParserTrainOptions {
            features,
            ..tiny_opts()
        };
        let bytes = train_parser(&sents, &[], &o).unwrap().to_bytes();
        let q = Parser::from_bytes(&bytes).unwrap();
        for s in &sents {
            let want: Vec<(u32, String)> =
                s.words.iter().map(|w| (w.head, w.deprel.clone())).collect();
            assert_eq!(
                parse_sent(&q, s),
                want,
                "features {features}: {:?}",
                s.forms()
            );
        }
    }
    let p = combined();
    for s in &sents {
        let want: Vec<(u32, String)> = s.words.iter().map(|w| (w.head, w.deprel.clone())).collect();
        assert_eq!(parse_sent(&p, s), want, "combined: {:?}", s.forms());
    }
    let bytes = p.to_bytes();
    assert_eq!(&bytes[..8], b"ATPARSR3");
    let q = Parser::from_bytes(&bytes).unwrap();
    assert_eq!(q.to_bytes(), bytes);
    let (a, b) = q.directions();
    assert!(
        b.is_some(),
        "the right-to-left half survives the round trip"
    );
    assert_eq!(
        a.to_bytes(),
        train_parser(&sents, &[], &tiny_opts()).unwrap().to_bytes()
    );
    // a combination needs one model of each direction
    let l2r = train_parser(&sents, &[], &tiny_opts()).unwrap();
    assert!(Parser::combined(l2r.clone(), l2r).is_err());
    // truncated combined models are errors
    for cut in [8, 9, 20, bytes.len() / 2, bytes.len() - 1] {
        assert!(
            Parser::from_bytes(&bytes[..cut]).is_err(),
            "truncated at {cut}"
        );
    }
}

#[test]
fn empty_training_set_is_an_error() {
    assert!(train_parser(&[], &[], &tiny_opts()).is_err());
}

#[test]
fn absurd_table_sizes_are_an_error() {
    let opts = ParserTrainOptions {
        trans_bits: 40,
        ..tiny_opts()
    };
    let e = train_parser(&tiny(), &[], &opts).unwrap_err().to_string();
    assert!(e.contains("trans_bits"), "{e}");
}

/// The tiny parser with a tree reviser trained on it by 2-fold jackknifing.
fn revised() -> Parser {
    let p = train_parser(&tiny(), &[], &tiny_opts()).unwrap();
    let rv = attache_text::revise::train_jackknifed(&p, &tiny(), &tiny(), 2, &tiny_opts(), 5)
        .expect("reviser training works");
    p.with_reviser(rv)
}

#[test]
fn parser_with_reviser_round_trips_and_bad_bytes_are_errors() {
    let p = revised();
    assert!(p.reviser().is_some());
    let b = p.to_bytes();
    assert_eq!(&b[..8], b"ATPARSR4");
    let q = Parser::from_bytes(&b).expect("a revised model loads");
    assert_eq!(q.to_bytes(), b, "round trip is byte-identical");
    assert!(q.reviser().is_some());
    for s in &tiny() {
        assert_eq!(parse_sent(&p, s), parse_sent(&q, s));
    }
    for k in [8, 9, 20, b.len() / 2, b.len() - 1] {
        assert!(Parser::from_bytes(&b[..k]).is_err(), "truncated at {k}");
    }
    // the base model inside is the one trained alone
    let base = train_parser(&tiny(), &[], &tiny_opts()).unwrap();
    assert_eq!(q.without_reviser().to_bytes(), base.to_bytes());
    assert!(base.reviser().is_none());
}

/// Check that `out` is a tree over `n` words: heads in range, exactly one root whose
/// relation is `root`, no other `root`, and every word reaches the root.
pub fn assert_tree(p: &Parser, out: &[(u32, u8)], n: usize) {
    assert_eq!(out.len(), n);
    if n == 0 {
        return;
    }
    let roots: Vec<usize> = (0..n).filter(|&i| out[i].0 == 0).collect();
    assert_eq!(roots.len(), 1, "exactly one root: {out:?}");
    for (i, &(h, l)) in out.iter().enumerate() {
        assert!(h as usize <= n, "head in range");
        assert_ne!(h as usize, i + 1, "no self loop");
        assert_eq!(
            p.deprel_name(l) == "root",
            h == 0,
            "root relation iff head 0: {out:?}"
        );
        let mut cur = i + 1;
        let mut steps = 0;
        while cur != 0 {
            cur = out[cur - 1].0 as usize;
            steps += 1;
            assert!(steps <= n, "cycle through word {}", i + 1);
        }
    }
}

const WORDS: &[&str] = &[
    "the",
    "ambassador",
    "Pakistan",
    "expelled",
    ".",
    ",",
    "and",
    "of",
    "by",
    "was",
    "talks",
    "Kabul",
    "said",
    "\"",
    "(",
    "UN",
    "2024",
    "new-born",
    "é",
    "",
    " ",
];
const XPOS: &[&str] = &[
    "NN", "NNP", "VBD", "VBN", "IN", "DT", ".", ",", "CC", "XX", "",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]
    #[test]
    fn every_parse_is_a_tree(
        toks in prop::collection::vec((0..WORDS.len(), 0..Upos::ALL.len(), 0..XPOS.len()), 0..60)
    ) {
        thread_local! {
            static P: Parser = train_parser(&tiny(), &[], &tiny_opts()).unwrap();
            static C: Parser = combined();
            static R: Parser = revised();
            static F: Parser = train_parser(&tiny(), &[], &ParserTrainOptions {
                features: FX_R2L | FX_ROOT_FIRST,
                ..tiny_opts()
            }).unwrap();
        }
        let forms: Vec<&str> = toks.iter().map(|t| WORDS[t.0]).collect();
        let upos: Vec<Upos> = toks.iter().map(|t| Upos::ALL[t.1]).collect();
        let xpos: Vec<&str> = toks.iter().map(|t| XPOS[t.2]).collect();
        P.with(|p| {
            let out = p.parse(&forms, &upos, &xpos);
            assert_tree(p, &out, forms.len());
        });
        C.with(|p| {
            let out = p.parse(&forms, &upos, &xpos);
            assert_tree(p, &out, forms.len());
        });
        F.with(|p| {
            let out = p.parse(&forms, &upos, &xpos);
            assert_tree(p, &out, forms.len());
        });
        R.with(|p| {
            let out = p.parse(&forms, &upos, &xpos);
            assert_tree(p, &out, forms.len());
        });
    }

    #[test]
    fn mismatched_tag_lengths_do_not_panic(n in 0usize..20, m in 0usize..20) {
        thread_local! {
            static P: Parser = combined();
            static R: Parser = revised();
        }
        R.with(|p| {
            let forms: Vec<&str> = (0..n).map(|i| WORDS[i % WORDS.len()]).collect();
            let upos: Vec<Upos> = (0..m).map(|i| Upos::ALL[i % 17]).collect();
            let xpos: Vec<&str> = (0..m).map(|i| XPOS[i % XPOS.len()]).collect();
            let out = p.parse(&forms, &upos, &xpos);
            assert_tree(p, &out, n);
        });
        let forms: Vec<&str> = (0..n).map(|i| WORDS[i % WORDS.len()]).collect();
        let upos: Vec<Upos> = (0..m).map(|i| Upos::ALL[i % 17]).collect();
        let xpos: Vec<&str> = (0..m).map(|i| XPOS[i % XPOS.len()]).collect();
        P.with(|p| {
            let out = p.parse(&forms, &upos, &xpos);
            assert_tree(p, &out, n);
        });
    }
}
