//! The event-pattern dictionary checked end to end on example sentences written for it
//! (`data/patterns/examples.tsv`: expected `SOURCE>TARGET:ROOT` events per sentence,
//! or `-` for sentences that report no codable event), through the built-in tagger,
//! parser, lexicon and dictionary.
//!
//! Why a share and not every sentence: the examples go through the statistical parser,
//! whose retraining moves single sentences either way; what the dictionary promises is
//! that its wordings are coded in general (most expected events found, every CAMEO root
//! represented) and that the event-less sentences stay event-less. The thresholds are
//! below today's measurement (docs/patterns.md: 97% and 2%) by a margin for parser
//! and extractor changes: 90% of the expected events, and events on at most one in
//! forty event-less sentences (blockers that name their object must hold against the
//! word-order reading too); negated events are not counted, as the scorer does not
//! count them. Sentences written for a class but not coded for
//! reasons outside the dictionary are `#   ` comment lines that name the reason.

use attache_core::Article;
use std::collections::BTreeSet;

const EXAMPLES: &str = include_str!("../../../data/patterns/examples.tsv");

struct Example<'a> {
    line: usize,
    expected: Vec<&'a str>,
    sentence: &'a str,
}

fn examples() -> Vec<Example<'static>> {
    EXAMPLES
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|(i, l)| {
            let (exp, sentence) = l
                .split_once('\t')
                .unwrap_or_else(|| panic!("examples.tsv:{}: no tab", i + 1));
            let expected = if exp.trim() == "-" {
                Vec::new()
            } else {
                exp.split_whitespace().collect()
            };
            Example {
                line: i + 1,
                expected,
                sentence,
            }
        })
        .collect()
}

fn key(a: &Option<attache_core::ActorRef>) -> String {
    a.as_ref()
        .map(|a| a.country.clone().unwrap_or(a.code.clone()))
        .filter(|k| !k.is_empty())
        .unwrap_or_else(|| "-".into())
}

#[test]
fn examples_file_is_well_formed_and_covers_every_root() {
    let ex = examples();
    assert!(ex.len() >= 100, "only {} examples", ex.len());
    let mut roots = BTreeSet::new();
    for e in &ex {
        for x in &e.expected {
            let (pair, root) = x
                .split_once(':')
                .unwrap_or_else(|| panic!("examples.tsv:{}: `{x}` lacks :ROOT", e.line));
            assert!(pair.contains('>'), "examples.tsv:{}: `{x}`", e.line);
            assert_eq!(root.len(), 2, "examples.tsv:{}: `{x}`", e.line);
            roots.insert(root.to_string());
        }
    }
    for r in 1..=20 {
        assert!(
            roots.contains(&format!("{r:02}")),
            "no example of root {r:02}"
        );
    }
    assert!(ex.iter().filter(|e| e.expected.is_empty()).count() >= 10);
}

#[test]
fn dictionary_codes_the_example_sentences() {
    let coder = match attache_coder::Coder::load_default() {
        Ok(c) => c,
        Err(e) => panic!("{e}"),
    };
    let (mut expected, mut found, mut negatives, mut negatives_with_events) = (0, 0, 0, 0);
    let mut missed = Vec::new();
    for e in examples() {
        let mut art = Article::new(format!("ex{}", e.line), e.sentence);
        art.published = Some("2025-03-14".into());
        let c = coder.code(&art);
        // Negated events ("did not sign") are flagged for readers but are no events in
        // CAMEO's sense: `attache eval events` and the ledger skip them, and so does this.
        let got: BTreeSet<String> = c
            .events
            .iter()
            .filter(|v| !v.negated)
            .map(|v| format!("{}>{}:{}", key(&v.source), key(&v.target), v.cameo_root))
            .collect();
        if e.expected.is_empty() {
            negatives += 1;
            if !got.is_empty() {
                negatives_with_events += 1;
                missed.push(format!("line {}: unexpected {got:?}", e.line));
            }
            continue;
        }
        for x in &e.expected {
            expected += 1;
            if got.contains(*x) {
                found += 1;
            } else {
                missed.push(format!("line {}: missed {x}, got {got:?}", e.line));
            }
        }
    }
    for m in &missed {
        println!("{m}");
    }
    let share = found as f64 / expected as f64;
    println!("found {found}/{expected} ({share:.3}); {negatives_with_events}/{negatives} event-less sentences got events");
    assert!(
        share >= 0.90,
        "only {found} of {expected} expected events found"
    );
    assert!(
        negatives_with_events * 40 <= negatives,
        "{negatives_with_events} of {negatives} event-less sentences got events"
    );
}
