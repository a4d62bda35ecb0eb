//! Training the tagger and lemmatizer on a tiny hand-written treebank: the trainers
//! learn it, the model files round-trip, and training is deterministic.

use attache_text::conllu::read_conllu;
use attache_text::lemmatizer::LemmatizerModel;
use attache_text::tagger::TaggerModel;
use attache_text::train::{train_lemmatizer, train_tagger, TrainOptions};
use attache_text::Upos;

const TINY: &str = "\
# text = Envoys met in Oslo.
1\tEnvoys\tenvoy\tNOUN\tNNS\tNumber=Plur\t2\tnsubj\t_\t_
2\tmet\tmeet\tVERB\tVBD\tMood=Ind|Tense=Past|VerbForm=Fin\t0\troot\t_\t_
3\tin\tin\tADP\tIN\t_\t4\tcase\t_\t_
4\tOslo\tOslo\tPROPN\tNNP\tNumber=Sing\t2\tobl\t_\t_
5\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_

# text = The envoy was recalled.
1\tThe\tthe\tDET\tDT\tDefinite=Def|PronType=Art\t2\tdet\t_\t_
2\tenvoy\tenvoy\tNOUN\tNN\tNumber=Sing\t4\tnsubj:pass\t_\t_
3\twas\tbe\tAUX\tVBD\tMood=Ind|Number=Sing|Person=3|Tense=Past|VerbForm=Fin\t4\taux:pass\t_\t_
4\trecalled\trecall\tVERB\tVBN\tTense=Past|VerbForm=Part|Voice=Pass\t0\troot\t_\t_
5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_

# text = Ministers signed the treaties.
1\tMinisters\tminister\tNOUN\tNNS\tNumber=Plur\t2\tnsubj\t_\t_
2\tsigned\tsign\tVERB\tVBD\tMood=Ind|Tense=Past|VerbForm=Fin\t0\troot\t_\t_
3\tthe\tthe\tDET\tDT\tDefinite=Def|PronType=Art\t4\tdet\t_\t_
4\ttreaties\ttreaty\tNOUN\tNNS\tNumber=Plur\t2\tobj\t_\t_
5\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_

# text = Sign the treaty.
1\tSign\tsign\tVERB\tVB\tMood=Imp|VerbForm=Fin\t0\troot\t_\t_
2\tthe\tthe\tDET\tDT\tDefinite=Def|PronType=Art\t3\tdet\t_\t_
3\ttreaty\ttreaty\tNOUN\tNN\tNumber=Sing\t1\tobj\t_\t_
4\t.\t.\tPUNCT\t.\t_\t1\tpunct\t_\t_

";

fn opts() -> TrainOptions {
    TrainOptions {
        iterations: 8,
        quiet: true,
        min_weight: 0.0,
        ..TrainOptions::default()
    }
}

#[test]
fn tagger_learns_tiny_treebank() {
    let data = read_conllu(TINY).unwrap();
    let m = train_tagger(&data, &data, &opts()).unwrap();
    for s in &data {
        let t = m.tag(&s.forms());
        for (w, p) in s.words.iter().zip(&t) {
            assert_eq!(p.upos.as_str(), w.upos, "{} in {:?}", w.form, s.text());
            assert_eq!(p.xpos, w.xpos, "{}", w.form);
            assert_eq!(p.feats, w.feats, "{}", w.form);
        }
    }
    // Round trip through bytes.
    let b = m.to_bytes();
    // Without Brown clusters the file keeps the version-3 layout, so the committed
    // model (trained without them) is reproduced byte for byte.
    assert_eq!(&b[4..8], &3u32.to_le_bytes());
    let m2 = TaggerModel::from_bytes(&b).unwrap();
    assert_eq!(m2.to_bytes(), b);
    assert_eq!(m2.tag(&["Envoys", "met", "."])[1].upos, Upos::VERB);
    // Determinism: same data and seed, same bytes.
    let again = train_tagger(&data, &data, &opts()).unwrap();
    assert_eq!(again.to_bytes(), b);
    // Corrupt files are rejected with an error, not a panic.
    assert!(TaggerModel::from_bytes(&b[..b.len() / 2]).is_err());
    assert!(TaggerModel::from_bytes(b"ATTLxxxx").is_err());
}

#[test]
fn lemmatizer_learns_tiny_treebank() {
    let data = read_conllu(TINY).unwrap();
    let m = train_lemmatizer(&data, &[], &opts()).unwrap();
    assert_eq!(m.lemmatize("Envoys", Upos::NOUN, "NNS"), "envoy");
    assert_eq!(m.lemmatize("met", Upos::VERB, "VBD"), "meet");
    assert_eq!(m.lemmatize("Oslo", Upos::PROPN, "NNP"), "Oslo");
    // Unseen plural via suffix rules learned from envoys/ministers/treaties.
    assert_eq!(m.lemmatize("Ministers", Upos::NOUN, "NNS"), "minister");
    let b = m.to_bytes();
    assert_eq!(LemmatizerModel::from_bytes(&b).unwrap().to_bytes(), b);
    assert_eq!(train_lemmatizer(&data, &[], &opts()).unwrap().to_bytes(), b);
}

#[test]
fn empty_training_set_is_an_error() {
    assert!(train_tagger(&[], &[], &opts()).is_err());
    assert!(train_lemmatizer(&[], &[], &opts()).is_err());
}

#[test]
fn ensemble_is_the_sum_of_its_single_seed_members() {
    let data = read_conllu(TINY).unwrap();
    let o = |seed: u64, ensemble: usize, member_min: f32, min: f32| TrainOptions {
        seed,
        ensemble,
        ensemble_member_min_weight: member_min,
        min_weight: min,
        ..opts()
    };
    let members: Vec<TaggerModel> = (1..=3)
        .map(|s| train_tagger(&data, &data, &o(s, 1, 0.0, 0.0)).unwrap())
        .collect();
    // Training the ensemble in one go gives the same bytes as summing the members
    // trained one by one, with either kind of pruning.
    for (member_min, min) in [(0.0, 0.0), (0.0, 1.5), (0.75, 0.0)] {
        let ens = train_tagger(&data, &data, &o(1, 3, member_min, min)).unwrap();
        let sum = TaggerModel::summed(&members, member_min, min).unwrap();
        assert_eq!(ens.to_bytes(), sum.to_bytes(), "{member_min} {min}");
        if member_min > 0.0 || min > 0.0 {
            continue;
        }
        // Unpruned, the summed weights still tag the training sentences right.
        for s in &data {
            let t = ens.tag(&s.forms());
            for (w, p) in s.words.iter().zip(&t) {
                assert_eq!(p.xpos, w.xpos, "{} in {:?}", w.form, s.text());
            }
        }
    }
    // Pruning drops weights: the pruned sum is smaller than the full one.
    let full = TaggerModel::summed(&members, 0.0, 0.0).unwrap().size().1;
    let pruned = TaggerModel::summed(&members, 0.0, 1.5).unwrap().size().1;
    assert!(pruned < full, "{pruned} < {full}");
    // Members that are not single-seed taggers of the same data are refused.
    assert!(TaggerModel::summed(&[], 0.0, 0.0).is_err());
    let other = train_tagger(&data[..2], &data[..2], &o(1, 1, 0.0, 0.0)).unwrap();
    assert!(TaggerModel::summed(&[members[0].clone(), other], 0.0, 0.0).is_err());
}
