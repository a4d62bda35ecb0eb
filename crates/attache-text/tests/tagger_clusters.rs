//! Brown-cluster features of the tagger: a cluster table given at training time is
//! stored in the model, round-trips through the model file, training stays
//! deterministic, a missing table is an error naming the file, and a word unseen in
//! training but sharing a cluster with a training word is tagged like it.

use std::path::{Path, PathBuf};

use attache_text::conllu::read_conllu;
use attache_text::tagger::TaggerModel;
use attache_text::train::{train_tagger, TrainOptions};
use attache_text::Upos;

/// Our own tiny treebank: the word after "the" is a common noun, the word after "in"
/// a name, in sentences that differ only in those words.
fn treebank() -> String {
    let mut s = String::new();
    let nouns = ["treaty", "accord", "pact", "deal", "truce"];
    let names = ["Oslo", "Paris", "Doha", "Cairo", "Rome"];
    for (n, p) in nouns.iter().zip(names) {
        s.push_str(&format!(
            "1\tThey\tthey\tPRON\tPRP\t_\t2\tnsubj\t_\t_\n\
             2\tsigned\tsign\tVERB\tVBD\t_\t0\troot\t_\t_\n\
             3\tthe\tthe\tDET\tDT\t_\t4\tdet\t_\t_\n\
             4\t{n}\t{n}\tNOUN\tNN\t_\t2\tobj\t_\t_\n\
             5\tin\tin\tADP\tIN\t_\t6\tcase\t_\t_\n\
             6\t{p}\t{p}\tPROPN\tNNP\t_\t2\tobl\t_\t_\n\
             7\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n"
        ));
    }
    s
}

/// A cluster table in the layout of spacy-lookups-data (gunzipped), written by us.
fn cluster_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("attache-clusters-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("en_lexeme_cluster.json"),
        r#"{"treaty": 22, "accord": 22, "pact": 22, "deal": 22, "truce": 22, "ceasefire": 22,
            "summit": 22, "tariff": 22, "loan": 22, "border": 22, "lima": 53, "kyiv": 53,
            "baku": 53, "delhi": 53, "dakar": 53,
            "Oslo": 53, "Paris": 53, "Doha": 53, "Cairo": 53, "Rome": 53, "Madrid": 53,
            "agenda": 22, "discussed": 41,
            "they": 9, "signed": 40, "the": 11, "in": 12, ".": 8, "unclustered": 0}"#,
    )
    .unwrap();
    std::fs::write(
        dir.join("en_lexeme_prob.json"),
        r#"{"the": -3.5, "in": -4.0, ".": -3.0, "treaty": -12.0, "Oslo": -13.0}"#,
    )
    .unwrap();
    dir
}

fn opts(clusters: Option<PathBuf>) -> TrainOptions {
    TrainOptions {
        iterations: 5,
        quiet: true,
        min_weight: 0.0,
        wordnet: None,
        clusters,
        ..TrainOptions::default()
    }
}

#[test]
fn cluster_table_is_stored_and_round_trips() {
    let data = read_conllu(&treebank()).unwrap();
    let dir = cluster_dir("rt");
    let m = train_tagger(&data, &data, &opts(Some(dir.clone()))).unwrap();
    // 28 clustered lower-cased words, and no spelling of its own (same clusters).
    assert_eq!(m.n_cluster_words(), 28);
    let bytes = m.to_bytes();
    let back = TaggerModel::from_bytes(&bytes).unwrap();
    assert_eq!(back.n_cluster_words(), 28);
    assert_eq!(back.to_bytes(), bytes);
    let again = train_tagger(&data, &data, &opts(Some(dir.clone()))).unwrap();
    assert_eq!(again.to_bytes(), bytes, "training is deterministic");
    // Without clusters the table is empty.
    let plain = train_tagger(&data, &data, &opts(None)).unwrap();
    assert_eq!(plain.n_cluster_words(), 0);
    std::fs::remove_dir_all(&dir).ok();
}

/// Lower-cased web text: common nouns and names in the same frame, so only the
/// cluster tells them apart.
fn lowercase_treebank() -> String {
    let mut s = String::new();
    let nouns = [
        "treaty", "accord", "pact", "deal", "truce", "summit", "tariff", "loan", "border",
    ];
    let names = [
        "oslo", "paris", "doha", "cairo", "rome", "lima", "kyiv", "baku", "delhi", "dakar",
    ];
    let words = nouns
        .iter()
        .map(|w| (*w, "NOUN", "NN"))
        .chain(names.iter().map(|w| (*w, "PROPN", "NNP")));
    for (w, u, x) in words {
        s.push_str(&format!(
            "1\tthey\tthey\tPRON\tPRP\t_\t2\tnsubj\t_\t_\n\
             2\tdiscussed\tdiscuss\tVERB\tVBD\t_\t0\troot\t_\t_\n\
             3\t{w}\t{w}\t{u}\t{x}\t_\t2\tobj\t_\t_\n\
             4\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n"
        ));
    }
    s
}

#[test]
fn unseen_word_in_a_known_cluster() {
    let data = read_conllu(&lowercase_treebank()).unwrap();
    let dir = cluster_dir("unseen");
    let m = train_tagger(&data, &data, &opts(Some(dir.clone()))).unwrap();
    // Unseen in training; "agenda" ends like the name "doha", "madrid" like the noun
    // "accord": only their clusters (nouns 22, names 53) say which is which.
    let t = m.tag(&["they", "discussed", "agenda", "."]);
    assert_eq!(t[2].upos, Upos::NOUN);
    let t = m.tag(&["they", "discussed", "madrid", "."]);
    assert_eq!(t[2].upos, Upos::PROPN);
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn missing_cluster_table_is_an_error_naming_the_file() {
    let data = read_conllu(&treebank()).unwrap();
    let dir = std::env::temp_dir().join("attache-clusters-does-not-exist");
    let e = train_tagger(&data, &data, &opts(Some(dir))).unwrap_err();
    assert!(e.to_string().contains("en_lexeme_cluster.json"), "{e}");
}

#[test]
fn real_cluster_table_when_present() {
    let Some(dir) = std::env::var_os("ATTACHE_CLUSTERS").map(PathBuf::from) else {
        println!("skipping: ATTACHE_CLUSTERS not set (directory with the gunzipped en_lexeme_cluster.json and en_lexeme_prob.json of spacy-lookups-data)");
        return;
    };
    if !Path::new(&dir).join("en_lexeme_cluster.json").exists() {
        println!(
            "skipping: {}/en_lexeme_cluster.json not found",
            dir.display()
        );
        return;
    }
    let data = read_conllu(&treebank()).unwrap();
    let m = train_tagger(&data, &data, &opts(Some(dir))).unwrap();
    assert!(m.n_cluster_words() > 100_000, "{}", m.n_cluster_words());
}
