//! Scorer arithmetic on small hand-made gold and predicted sets, with the expected
//! numbers worked out by hand in the comments.

use attache_coder::eval::{score, GoldEvent, GoldSentence, Predicted};

fn ev(source: &str, target: Option<&str>, cameo: &str) -> GoldEvent {
    GoldEvent {
        source: source.to_string(),
        target: target.map(str::to_string),
        cameo: cameo.to_string(),
        date: None,
        trigger: None,
        note: None,
    }
}

fn sent(story: &str, start: u32, end: u32, split: &str, events: Vec<GoldEvent>) -> GoldSentence {
    GoldSentence {
        story: story.to_string(),
        start,
        end,
        split: split.to_string(),
        events,
    }
}

fn pred(
    story: &str,
    start: u32,
    end: u32,
    s: Option<&str>,
    t: Option<&str>,
    cameo: &str,
) -> Predicted {
    Predicted {
        story: story.to_string(),
        start,
        end,
        source_key: s.map(str::to_string),
        target_key: t.map(str::to_string),
        cameo: cameo.to_string(),
    }
}

fn close(a: f64, b: f64) {
    assert!((a - b).abs() < 1e-9, "{a} != {b}");
}

/// G1 two events, G2 none, G3 two events, G4 (test) one, G5 one.
fn gold() -> Vec<GoldSentence> {
    vec![
        sent(
            "s1",
            0,
            50,
            "dev",
            vec![ev("USA", Some("IRN"), "130"), ev("IRN", Some("USA"), "125")],
        ),
        sent("s1", 51, 100, "dev", vec![]),
        sent(
            "s1",
            101,
            150,
            "dev",
            vec![ev("PAK", Some("AFG"), "112"), ev("AFG", Some("PAK"), "016")],
        ),
        sent("s2", 0, 40, "test", vec![ev("UN", Some("SYR"), "020")]),
        sent("s1", 151, 199, "dev", vec![ev("RUS", Some("UKR"), "190")]),
    ]
}

fn predicted() -> Vec<Predicted> {
    vec![
        pred("s1", 0, 49, Some("USA"), Some("IRN"), "1383"), // G1, root 13: match
        pred("s1", 0, 49, Some("IRN"), Some("USA"), "120"),  // G1, root 12: match
        pred("s1", 51, 99, Some("CHN"), None, "040"),        // G2 has no event: fp
        pred("s1", 101, 150, Some("PAK"), Some("AFG"), "173"), // G3 pair matches, root 17 wrong
        pred("s1", 101, 150, Some("PAK"), Some("AFG"), "112"), // G3 match
        pred("s1", 200, 250, Some("USA"), None, "010"),      // outside every gold sentence
        pred("s2", 2, 38, Some("UN"), Some("SYR"), "020"),   // G4 match
        pred("s3", 0, 10, Some("USA"), None, "010"),         // story not annotated: ignored
        pred("s1", 151, 199, Some("RUS"), Some("UKR"), "183"), // G5 pair matches, root 18 wrong
    ]
}

#[test]
fn all_splits() {
    let s = score(&gold(), &predicted(), None);
    assert_eq!(s.sentences, 5);
    assert_eq!(s.sentences_with_events, 4);
    assert_eq!(s.gold_events, 6);
    assert_eq!(s.predicted_events, 7);
    assert_eq!(s.predicted_outside_gold, 1);

    // Triples: tp 4 (G1 ×2, G3 PAK-AFG-11, G4), fp 3, fn 2.
    assert_eq!((s.triples.tp, s.triples.fp, s.triples.fn_), (4, 3, 2));
    close(s.triples.precision, 4.0 / 7.0);
    close(s.triples.recall, 4.0 / 6.0);
    close(s.triples.f1, 8.0 / 13.0);

    // Sentences: G1, G3, G4, G5 detected; G2 false alarm.
    assert_eq!(
        (
            s.detection_sentences.tp,
            s.detection_sentences.fp,
            s.detection_sentences.fn_
        ),
        (4, 1, 0)
    );
    close(s.detection_sentences.f1, 8.0 / 9.0);

    // Event counts: min(2,2)+0+min(2,2)+1+1 = 6 tp, 1 fp, 0 fn.
    assert_eq!(
        (
            s.detection_events.tp,
            s.detection_events.fp,
            s.detection_events.fn_
        ),
        (6, 1, 0)
    );
    close(s.detection_events.precision, 6.0 / 7.0);
    close(s.detection_events.f1, 12.0 / 13.0);

    // Pairs: USA-IRN, IRN-USA, PAK-AFG (one of two predictions), UN-SYR correct;
    // RUS-UKR 19 vs 18 wrong.
    assert_eq!(s.root_accuracy.pairs, 5);
    assert_eq!(s.root_accuracy.correct, 4);
    close(s.root_accuracy.accuracy.unwrap(), 0.8);

    let cells: Vec<(&str, &str, usize)> = s
        .confusion
        .iter()
        .map(|c| (c.gold.as_str(), c.predicted.as_str(), c.count))
        .collect();
    assert_eq!(
        cells,
        vec![
            ("01", "none", 1),
            ("02", "02", 1),
            ("11", "11", 1),
            ("12", "12", 1),
            ("13", "13", 1),
            ("19", "18", 1),
            ("none", "04", 1),
            ("none", "17", 1),
        ]
    );
}

#[test]
fn dev_split_only() {
    let s = score(&gold(), &predicted(), Some("dev"));
    assert_eq!(s.split.as_deref(), Some("dev"));
    assert_eq!(s.sentences, 4);
    assert_eq!(s.gold_events, 5);
    assert_eq!(s.predicted_events, 6);
    // The s2 prediction belongs to a test story and is not counted anywhere.
    assert_eq!(s.predicted_outside_gold, 1);
    assert_eq!((s.triples.tp, s.triples.fp, s.triples.fn_), (3, 3, 2));
    close(s.triples.precision, 0.5);
    close(s.triples.recall, 0.6);
    close(s.triples.f1, 6.0 / 11.0);
}

#[test]
fn test_split_only() {
    let s = score(&gold(), &predicted(), Some("test"));
    assert_eq!(s.sentences, 1);
    assert_eq!(s.predicted_outside_gold, 0);
    assert_eq!((s.triples.tp, s.triples.fp, s.triples.fn_), (1, 0, 0));
    close(s.triples.f1, 1.0);
    close(s.root_accuracy.accuracy.unwrap(), 1.0);
}

#[test]
fn prediction_goes_to_the_sentence_it_overlaps_most() {
    let gold = vec![
        sent("s", 0, 50, "dev", vec![ev("USA", None, "040")]),
        sent("s", 51, 100, "dev", vec![]),
    ];
    // 40..60 overlaps the first sentence by 10 characters and the second by 9.
    let p = vec![pred("s", 40, 60, Some("USA"), None, "042")];
    let s = score(&gold, &p, None);
    assert_eq!(s.triples.tp, 1);
    assert_eq!(s.detection_sentences.fp, 0);
    // 45..65: 5 vs 14, so it lands in the event-less sentence.
    let p = vec![pred("s", 45, 65, Some("USA"), None, "042")];
    let s = score(&gold, &p, None);
    assert_eq!(s.triples.tp, 0);
    assert_eq!(
        (
            s.detection_sentences.tp,
            s.detection_sentences.fp,
            s.detection_sentences.fn_
        ),
        (0, 1, 1)
    );
}

#[test]
fn duplicates_are_matched_as_multisets() {
    let gold = vec![sent(
        "s",
        0,
        10,
        "dev",
        vec![ev("SOM", Some("SOM"), "190"), ev("SOM", Some("SOM"), "195")],
    )];
    // Three identical predicted triples: two match, one is a false positive.
    let p = vec![
        pred("s", 0, 10, Some("SOM"), Some("SOM"), "190"),
        pred("s", 0, 10, Some("SOM"), Some("SOM"), "193"),
        pred("s", 0, 10, Some("SOM"), Some("SOM"), "190"),
    ];
    let s = score(&gold, &p, None);
    assert_eq!((s.triples.tp, s.triples.fp, s.triples.fn_), (2, 1, 0));
    assert_eq!(s.root_accuracy.pairs, 2);
    assert_eq!(s.root_accuracy.correct, 2);
}

#[test]
fn missing_target_and_missing_source_are_keys_too() {
    let gold = vec![sent("s", 0, 10, "dev", vec![ev("USA", None, "011")])];
    let p = vec![
        pred("s", 0, 10, Some("USA"), Some("IRN"), "011"), // target differs from none
        pred("s", 0, 10, None, None, "011"),               // no source: never matches
    ];
    let s = score(&gold, &p, None);
    assert_eq!((s.triples.tp, s.triples.fp, s.triples.fn_), (0, 2, 1));
    assert_eq!(s.root_accuracy.pairs, 0);
    assert_eq!(s.root_accuracy.accuracy, None);
}

#[test]
fn empty_inputs_are_not_nan() {
    let s = score(&[], &[], None);
    close(s.triples.precision, 1.0);
    close(s.triples.recall, 1.0);
    close(s.triples.f1, 1.0);
    let gold = vec![sent("s", 0, 10, "dev", vec![ev("USA", None, "011")])];
    let s = score(&gold, &[], None);
    close(s.triples.recall, 0.0);
    close(s.triples.f1, 0.0);
    assert!(s.to_text().contains("triples"));
}

#[test]
fn report_serialises_and_prints() {
    let s = score(&gold(), &predicted(), None);
    let json = serde_json::to_value(&s).unwrap();
    assert_eq!(json["triples"]["tp"], 4);
    assert_eq!(json["triples"]["fn"], 2);
    assert_eq!(json["root_accuracy"]["pairs"], 5);
    assert_eq!(json["confusion"][0]["gold"], "01");
    let text = s.to_text();
    assert!(text.contains("triples (src, tgt, root)"), "{text}");
    assert!(
        text.contains("root accuracy (pair-matched) 0.800"),
        "{text}"
    );
    // The grid has a row for gold root 19 with a 1 under predicted 18.
    assert!(
        text.lines().any(|l| l.trim_start().starts_with("19")),
        "{text}"
    );
}

#[test]
fn sentence_errors_list_missed_and_extra_triples_per_sentence() {
    use attache_coder::eval::sentence_errors;
    let gold = vec![
        sent(
            "s1",
            0,
            50,
            "dev",
            vec![ev("USA", Some("IRN"), "130"), ev("IRN", Some("USA"), "125")],
        ),
        sent("s1", 51, 100, "dev", vec![]),
        sent("s1", 101, 150, "dev", vec![ev("CHN", None, "016")]),
        sent("s2", 0, 40, "test", vec![ev("PAK", Some("AFG"), "050")]),
    ];
    let predicted = vec![
        // Sentence 1: one right, one reversed.
        pred("s1", 0, 50, Some("USA"), Some("IRN"), "138"),
        pred("s1", 0, 50, Some("USA"), Some("IRN"), "125"),
        // Sentence 3: agrees (root 01, no target).
        pred("s1", 101, 150, Some("CHN"), None, "012"),
        // Test split: ignored when only dev is asked for.
        pred("s2", 0, 40, Some("AFG"), Some("PAK"), "050"),
    ];
    let errs = sentence_errors(&gold, &predicted, Some("dev"));
    assert_eq!(errs.len(), 1, "{errs:?}");
    let e = &errs[0];
    assert_eq!((e.story.as_str(), e.start, e.end), ("s1", 0, 50));
    assert_eq!(e.missed, vec!["IRN>USA:12".to_string()]);
    assert_eq!(e.extra, vec!["USA>IRN:12".to_string()]);
    assert_eq!(e.matched, vec!["USA>IRN:13".to_string()]);

    // All splits: the test sentence's reversed dyad shows up too, and the
    // sentence without events has no entry.
    let all = sentence_errors(&gold, &predicted, None);
    assert_eq!(all.len(), 2);
    assert_eq!(all[1].missed, vec!["PAK>AFG:05".to_string()]);
    assert_eq!(all[1].extra, vec!["AFG>PAK:05".to_string()]);
}

/// Agreement between two annotations: the second one, turned into predictions, is scored
/// on the sentences both annotate. Worked by hand: the second annotator agrees on
/// sentence s1 (one triple), gives another root in s2 (fp 1, fn 1), finds an extra event
/// in the event-less s3 (fp 1) and never saw s4, so s4's gold event does not count.
#[test]
fn a_second_annotation_scores_as_agreement_on_shared_sentences() {
    use attache_coder::eval::{predicted_from_gold, shared_sentences};
    let first = vec![
        sent("s", 0, 10, "dev", vec![ev("PAK", Some("AFG"), "112")]),
        sent("s", 11, 20, "dev", vec![ev("USA", Some("IRN"), "130")]),
        sent("s", 21, 30, "dev", vec![]),
        sent("s", 31, 40, "dev", vec![ev("CHN", Some("TWN"), "190")]),
    ];
    let second = vec![
        sent("s", 0, 10, "dev", vec![ev("PAK", Some("AFG"), "1121")]),
        sent("s", 11, 20, "dev", vec![ev("USA", Some("IRN"), "111")]),
        sent("s", 21, 30, "dev", vec![ev("RUS", None, "010")]),
        // Another span of the same story is not a shared sentence.
        sent("s", 31, 39, "dev", vec![]),
    ];
    let shared = shared_sentences(&first, &second);
    assert_eq!(shared.len(), 3);
    let s = score(&shared, &predicted_from_gold(&second), None);
    assert_eq!((s.triples.tp, s.triples.fp, s.triples.fn_), (1, 2, 1));
    close(s.triples.precision, 1.0 / 3.0);
    close(s.triples.recall, 0.5);
    assert_eq!((s.root_accuracy.pairs, s.root_accuracy.correct), (2, 1));
    // An annotation scored against itself agrees perfectly.
    let own = score(&first, &predicted_from_gold(&first), None);
    close(own.triples.f1, 1.0);
}
