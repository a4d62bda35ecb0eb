//! Brown-cluster features of the parser (`FX_CLU`): the cluster table given at
//! training time is stored in the model and round-trips, training stays deterministic,
//! a missing table is an error, and two sentences of unseen words with the same tags
//! are parsed differently — and both correctly — only because of their clusters.

use std::path::PathBuf;

use attache_text::conllu::{read_conllu, ConlluSentence};
use attache_text::parser::{
    train_parser, Parser, ParserError, ParserTrainOptions, FX_CLU, FX_CLU2,
};
use attache_text::Upos;

/// Our own tiny lower-cased treebank. Two frames with the same tags (NOUN NOUN after
/// the verb): "they discussed <noun> <time word> ." (the noun is the object, the time
/// word an `obl:tmod` of the verb) and "they discussed <modifier> <noun> ." (the
/// modifier is a compound of the noun, the object). Only the words tell them apart.
fn treebank() -> String {
    let nouns = [
        "treaty", "accord", "pact", "deal", "truce", "summit", "loan",
    ];
    let times = ["tomorrow", "sunday", "weekend", "morning", "today"];
    let mods = ["trade", "border", "security", "energy", "water"];
    let mut s = String::new();
    for (k, n) in nouns.iter().enumerate() {
        let t = times[k % times.len()];
        let m = mods[(k + 2) % mods.len()];
        s.push_str(&format!(
            "1\tthey\tthey\tPRON\tPRP\t_\t2\tnsubj\t_\t_\n\
             2\tdiscussed\tdiscuss\tVERB\tVBD\t_\t0\troot\t_\t_\n\
             3\t{n}\t{n}\tNOUN\tNN\t_\t2\tobj\t_\t_\n\
             4\t{t}\t{t}\tNOUN\tNN\t_\t2\tobl:tmod\t_\t_\n\
             5\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n\
             1\tthey\tthey\tPRON\tPRP\t_\t2\tnsubj\t_\t_\n\
             2\tdiscussed\tdiscuss\tVERB\tVBD\t_\t0\troot\t_\t_\n\
             3\t{m}\t{m}\tNOUN\tNN\t_\t4\tcompound\t_\t_\n\
             4\t{n}\t{n}\tNOUN\tNN\t_\t2\tobj\t_\t_\n\
             5\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n"
        ));
    }
    s
}

/// A cluster table in the layout of spacy-lookups-data (gunzipped), written by us:
/// nouns in cluster 22, time words in 53, modifiers in 31 (ids are bit paths read
/// backwards, as spaCy stores them: they differ in their low 4 and 6 bits).
fn cluster_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "attache-parser-clusters-{}-{name}",
        std::process::id()
    ));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("en_lexeme_cluster.json"),
        r#"{"treaty": 22, "accord": 22, "pact": 22, "deal": 22, "truce": 22, "summit": 22,
            "loan": 22, "ceasefire": 22, "tariffs": 22,
            "tomorrow": 53, "sunday": 53, "weekend": 53, "morning": 53, "today": 53,
            "midnight": 53,
            "trade": 31, "border": 31, "security": 31, "energy": 31, "water": 31, "arms": 31,
            "they": 9, "discussed": 40, ".": 8, "unclustered": 0}"#,
    )
    .unwrap();
    std::fs::write(
        dir.join("en_lexeme_prob.json"),
        r#"{"they": -4.0, ".": -3.0, "treaty": -12.0}"#,
    )
    .unwrap();
    dir
}

fn opts(features: u8, clusters: Option<PathBuf>) -> ParserTrainOptions {
    ParserTrainOptions {
        iterations: 30,
        trans_bits: 16,
        label_bits: 12,
        verbose: false,
        keep_best: false,
        features,
        clusters,
        ..ParserTrainOptions::default()
    }
}

fn parse(p: &Parser, words: &[&str]) -> Vec<(u32, String)> {
    let upos: Vec<Upos> = words
        .iter()
        .map(|w| match *w {
            "they" => Upos::PRON,
            "discussed" => Upos::VERB,
            "." => Upos::PUNCT,
            _ => Upos::NOUN,
        })
        .collect();
    let xpos: Vec<&str> = words
        .iter()
        .map(|w| match *w {
            "they" => "PRP",
            "discussed" => "VBD",
            "." => ".",
            _ => "NN",
        })
        .collect();
    p.parse(words, &upos, &xpos)
        .into_iter()
        .map(|(h, l)| (h, p.deprel_name(l).to_string()))
        .collect()
}

fn tree(rows: &[(u32, &str)]) -> Vec<(u32, String)> {
    rows.iter().map(|(h, l)| (*h, l.to_string())).collect()
}

/// Unseen words (none shares a three-letter ending with a training word of its kind):
/// a noun and a time word, a modifier and a noun.
const TIME_CASE: [&str; 5] = ["they", "discussed", "ceasefire", "midnight", "."];
const COMPOUND_CASE: [&str; 5] = ["they", "discussed", "arms", "tariffs", "."];

fn time_tree() -> Vec<(u32, String)> {
    tree(&[
        (2, "nsubj"),
        (0, "root"),
        (2, "obj"),
        (2, "obl:tmod"),
        (2, "punct"),
    ])
}

fn compound_tree() -> Vec<(u32, String)> {
    tree(&[
        (2, "nsubj"),
        (0, "root"),
        (4, "compound"),
        (2, "obj"),
        (2, "punct"),
    ])
}

fn data() -> Vec<ConlluSentence> {
    read_conllu(&treebank()).expect("the treebank parses")
}

#[test]
fn clusters_tell_unseen_words_apart() {
    let data = data();
    let dir = cluster_dir("apart");
    for features in [FX_CLU, FX_CLU | FX_CLU2] {
        let p = train_parser(&data, &[], &opts(features, Some(dir.clone()))).unwrap();
        assert_eq!(parse(&p, &TIME_CASE), time_tree(), "features {features}");
        assert_eq!(
            parse(&p, &COMPOUND_CASE),
            compound_tree(),
            "features {features}"
        );
        // The same after a round trip through the model bytes.
        let q = Parser::from_bytes(&p.to_bytes()).unwrap();
        assert_eq!(parse(&q, &TIME_CASE), time_tree());
        assert_eq!(parse(&q, &COMPOUND_CASE), compound_tree());
    }
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn without_clusters_the_unseen_words_cannot_be_told_apart() {
    // The control for the test above: same treebank and options, no clusters. The two
    // sentences differ only in unseen words, so at least one of them is parsed wrong.
    let p = train_parser(&data(), &[], &opts(0, None)).unwrap();
    let right = (parse(&p, &TIME_CASE) == time_tree()) as u32
        + (parse(&p, &COMPOUND_CASE) == compound_tree()) as u32;
    assert!(
        right < 2,
        "without clusters both unseen sentences came out right"
    );
}

#[test]
fn cluster_table_round_trips_and_training_is_deterministic() {
    let data = data();
    let dir = cluster_dir("rt");
    let p = train_parser(&data, &[], &opts(FX_CLU, Some(dir.clone()))).unwrap();
    let bytes = p.to_bytes();
    let back = Parser::from_bytes(&bytes).unwrap();
    assert_eq!(back.to_bytes(), bytes);
    let again = train_parser(&data, &[], &opts(FX_CLU, Some(dir.clone()))).unwrap();
    assert_eq!(again.to_bytes(), bytes, "training is deterministic");
    // The table is in the model: the 24 words with a cluster (not "unclustered", whose
    // cluster is 0), and none without the feature group.
    assert_eq!(p.n_cluster_words(), 24);
    assert_eq!(back.n_cluster_words(), 24);
    let plain = train_parser(&data, &[], &opts(0, None)).unwrap();
    assert_eq!(plain.n_cluster_words(), 0);
    // Every truncation is an error, not a panic.
    for cut in [bytes.len() - 1, bytes.len() - 3, bytes.len() / 2] {
        assert!(Parser::from_bytes(&bytes[..cut]).is_err(), "cut at {cut}");
    }
    // Trailing garbage after the table is refused.
    let mut longer = bytes.clone();
    longer.push(7);
    assert!(Parser::from_bytes(&longer).is_err());
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn cluster_group_needs_a_readable_table() {
    let data = data();
    let err = train_parser(&data, &[], &opts(FX_CLU, None)).unwrap_err();
    assert!(matches!(err, ParserError::BadOptions(_)), "{err}");
    let missing = std::env::temp_dir().join("attache-no-such-cluster-dir");
    let err = train_parser(&data, &[], &opts(FX_CLU, Some(missing))).unwrap_err();
    assert!(
        err.to_string().contains("en_lexeme_cluster.json"),
        "the error names the file: {err}"
    );
    // The extra templates need the cluster group itself.
    let dir = cluster_dir("clu2");
    let err = train_parser(&data, &[], &opts(FX_CLU2, Some(dir.clone()))).unwrap_err();
    assert!(matches!(err, ParserError::BadOptions(_)), "{err}");
    // Prefix lengths out of range are refused.
    let bad_bits = ParserTrainOptions {
        cluster_bits: [0, 6],
        ..opts(FX_CLU, Some(dir.clone()))
    };
    assert!(matches!(
        train_parser(&data, &[], &bad_bits),
        Err(ParserError::BadOptions(_))
    ));
    std::fs::remove_dir_all(&dir).ok();
    // A directory given without the feature group is not read at all.
    let missing = std::env::temp_dir().join("attache-no-such-cluster-dir");
    assert!(train_parser(&data, &[], &opts(0, Some(missing))).is_ok());
}

#[test]
fn committed_model_without_clusters_saves_back_byte_for_byte() {
    // The cluster group changed the model layout only for models that use it: the
    // committed parser (no clusters) loads and saves to the very same bytes.
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../models/parser.bin");
    let bytes = std::fs::read(&path).expect("models/parser.bin is committed");
    let p = Parser::from_bytes(&bytes).expect("models/parser.bin loads");
    assert_eq!(p.n_cluster_words(), 0);
    assert!(
        p.to_bytes() == bytes,
        "models/parser.bin does not round-trip"
    );
}
