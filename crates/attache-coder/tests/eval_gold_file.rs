//! Consistency of the project's gold file, data/gold/events-voa.jsonl: it parses, has
//! the promised size and split, keeps away from the reserved stories, and (when the
//! VOA corpus is present in ../shared) its character offsets cut clean sentences and
//! triggers out of the story texts.

use attache_coder::eval::{read_gold, score, GoldSentence, Predicted};
use std::collections::{HashMap, HashSet};
use std::path::PathBuf;

const RESERVED: [&str; 12] = [
    "8010842", "8005899", "8008079", "8009495", "8009976", "6203091", "6204681", "6205674",
    "6180015", "6180932", "7750892", "7677701",
];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn gold() -> Vec<GoldSentence> {
    read_gold(&root().join("data/gold/events-voa.jsonl")).expect("gold file parses")
}

#[test]
fn size_splits_and_reserved_stories() {
    let g = gold();
    assert!(g.len() >= 320, "only {} gold sentences", g.len());
    let dev = g.iter().filter(|s| s.split == "dev").count();
    let test = g.len() - dev;
    assert!(dev >= 140 && test >= 140, "dev {dev}, test {test}");
    assert!(
        g.iter().any(|s| s.events.is_empty()),
        "no event-less sentences"
    );
    let reserved: HashSet<&str> = RESERVED.into_iter().collect();
    let mut split_of: HashMap<&str, &str> = HashMap::new();
    let mut last_end: HashMap<&str, u32> = HashMap::new();
    for s in &g {
        assert!(
            !reserved.contains(s.story.as_str()),
            "reserved story {} annotated",
            s.story
        );
        // Whole stories go to one split.
        let sp = split_of.entry(&s.story).or_insert(&s.split);
        assert_eq!(*sp, s.split, "story {} is in both splits", s.story);
        // Sentences of a story are in text order and do not overlap.
        if let Some(&e) = last_end.get(s.story.as_str()) {
            assert!(
                s.start >= e,
                "story {}: sentence at {} overlaps the previous one",
                s.story,
                s.start
            );
        }
        last_end.insert(&s.story, s.end);
        let mut seen = HashSet::new();
        for e in &s.events {
            assert!(
                seen.insert((&e.source, &e.target, &e.cameo)),
                "story {} at {}: duplicate event",
                s.story,
                s.start
            );
        }
    }
}

#[test]
fn gold_scored_against_itself_is_perfect() {
    let g = gold();
    let p: Vec<Predicted> = g
        .iter()
        .flat_map(|s| {
            s.events.iter().map(|e| Predicted {
                story: s.story.clone(),
                start: s.start,
                end: s.end,
                source_key: Some(e.source.clone()),
                target_key: e.target.clone(),
                cameo: e.cameo.clone(),
            })
        })
        .collect();
    for split in [None, Some("dev"), Some("test")] {
        let r = score(&g, &p, split);
        assert_eq!(r.triples.f1, 1.0);
        assert_eq!(r.detection_sentences.f1, 1.0);
        assert_eq!(r.root_accuracy.accuracy, Some(1.0));
        assert!(r.confusion.iter().all(|c| c.gold == c.predicted));
    }
}

#[test]
fn offsets_cut_clean_sentences_from_the_corpus() {
    let corpus = root().join("../shared/corpus/voa/voa_stories.jsonl");
    if !corpus.exists() {
        println!("skipping: ../shared/corpus/voa/voa_stories.jsonl not found");
        return;
    }
    let text = std::fs::read_to_string(&corpus).unwrap();
    let mut stories: HashMap<String, Vec<char>> = HashMap::new();
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        let id = match &v["id"] {
            serde_json::Value::String(s) => s.clone(),
            other => other.to_string(),
        };
        stories.insert(id, v["text"].as_str().unwrap_or_default().chars().collect());
    }
    for s in gold() {
        let chars = stories
            .get(&s.story)
            .unwrap_or_else(|| panic!("story {} not in corpus", s.story));
        assert!(
            s.end as usize <= chars.len(),
            "story {}: end {} past the text",
            s.story,
            s.end
        );
        let sent: String = chars[s.start as usize..s.end as usize].iter().collect();
        assert_eq!(
            sent.trim(),
            sent,
            "story {} at {}: sentence has outer whitespace",
            s.story,
            s.start
        );
        assert!(
            !sent.contains('\n'),
            "story {} at {}: sentence spans a paragraph break",
            s.story,
            s.start
        );
        for e in &s.events {
            if let Some((a, b)) = e.trigger {
                let t: String = chars[a as usize..b as usize].iter().collect();
                assert!(
                    !t.trim().is_empty() && t.trim() == t,
                    "story {} at {}: bad trigger {t:?}",
                    s.story,
                    s.start
                );
            }
        }
    }
}

/// The second, independent annotation (data/gold/events-voa-second.jsonl, docs/gold-
/// guidelines.md "Agreement"): it re-annotates sentences of the gold file exactly (same
/// story, span and split), keeps away from the reserved stories, and agrees with the gold
/// as far as was measured when it was made. A gold edit that drifts from the guidelines
/// both annotators followed shows up here as a drop in agreement.
#[test]
fn second_annotation_covers_gold_sentences_and_agrees_with_them() {
    use attache_coder::eval::{predicted_from_gold, shared_sentences};
    let g = gold();
    let second = read_gold(&root().join("data/gold/events-voa-second.jsonl"))
        .expect("second annotation parses");
    assert!(second.len() >= 400, "only {} sentences", second.len());
    let reserved: HashSet<&str> = RESERVED.into_iter().collect();
    let by_span: HashMap<(&str, u32, u32), &str> = g
        .iter()
        .map(|s| ((s.story.as_str(), s.start, s.end), s.split.as_str()))
        .collect();
    for s in &second {
        assert!(!reserved.contains(s.story.as_str()), "reserved {}", s.story);
        assert_eq!(
            by_span.get(&(s.story.as_str(), s.start, s.end)),
            Some(&s.split.as_str()),
            "story {} {}..{} is not a gold sentence of the same split",
            s.story,
            s.start,
            s.end
        );
    }
    let shared = shared_sentences(&g, &second);
    assert_eq!(shared.len(), second.len());
    let predicted = predicted_from_gold(&second);
    for split in ["dev", "test"] {
        let s = score(&shared, &predicted, Some(split));
        assert!(s.sentences >= 150, "{split}: {} sentences", s.sentences);
        assert!(
            s.triples.f1 >= 0.75,
            "{split}: agreement F1 {:.3} below 0.75",
            s.triples.f1
        );
    }
}
