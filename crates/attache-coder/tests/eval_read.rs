//! Reading gold files (errors name file and line) and turning coded events into
//! predictions (article offsets shifted into story offsets).

use attache_coder::eval::{actor_key, read_gold, score, EvalError, Predicted};
use attache_core::event::{
    ActorRef, CodedArticle, Event, Evidence, Modality, SentenceRecord, Span,
};
use std::path::PathBuf;

fn temp_file(name: &str, body: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("attache-eval-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join(name);
    std::fs::write(&p, body).unwrap();
    p
}

const GOOD: &str = r#"{"story": "1", "start": 0, "end": 20, "split": "dev", "events": [{"source": "USA", "target": "IRQ", "cameo": "190", "date": "2025-03-13", "trigger": [4, 9], "note": "x"}]}

{"story": "1", "start": 21, "end": 40, "split": "test", "events": []}
{"story": "2", "start": 0, "end": 5, "split": "dev", "events": [{"source": "UN", "target": null, "cameo": "02", "date": null, "trigger": null}]}
"#;

#[test]
fn reads_records_and_skips_blank_lines() {
    let p = temp_file("good.jsonl", GOOD);
    let g = read_gold(&p).unwrap();
    assert_eq!(g.len(), 3);
    assert_eq!(g[0].events[0].trigger, Some((4, 9)));
    assert_eq!(g[0].events[0].root(), "19");
    assert_eq!(g[0].events[0].date.as_deref(), Some("2025-03-13"));
    assert_eq!(g[1].split, "test");
    assert!(g[1].events.is_empty());
    assert_eq!(g[2].events[0].target, None);
    assert_eq!(g[2].events[0].root(), "02");
}

#[test]
fn bad_json_names_file_and_line() {
    let body = format!("{GOOD}{{\"story\": \"3\", \"start\": 0\n");
    let p = temp_file("bad.jsonl", &body);
    let err = read_gold(&p).unwrap_err();
    match &err {
        EvalError::Parse { line, .. } => assert_eq!(*line, 5),
        other => panic!("expected a parse error, got {other:?}"),
    }
    let msg = err.to_string();
    assert!(msg.contains("bad.jsonl:5"), "{msg}");
}

#[test]
fn invalid_records_are_rejected_with_line() {
    let cases = [
        (
            r#"{"story": "1", "start": 5, "end": 5, "split": "dev", "events": []}"#,
            "empty",
        ),
        (
            r#"{"story": "1", "start": 0, "end": 5, "split": "train", "events": []}"#,
            "split",
        ),
        (
            r#"{"story": "1", "start": 0, "end": 5, "split": "dev", "events": [{"source": "USA", "cameo": "1x"}]}"#,
            "CAMEO",
        ),
        (
            r#"{"story": "1", "start": 0, "end": 5, "split": "dev", "events": [{"source": "USA", "cameo": "19", "trigger": [3, 9]}]}"#,
            "trigger",
        ),
        (
            r#"{"story": "1", "start": 0, "end": 5, "split": "dev", "events": [{"source": " ", "cameo": "19"}]}"#,
            "source",
        ),
    ];
    for (i, (line, what)) in cases.iter().enumerate() {
        let p = temp_file(&format!("invalid{i}.jsonl"), &format!("{GOOD}{line}\n"));
        let err = read_gold(&p).unwrap_err();
        let msg = err.to_string();
        assert!(matches!(err, EvalError::Invalid { line: 5, .. }), "{msg}");
        assert!(msg.contains(what), "{what}: {msg}");
    }
}

#[test]
fn missing_file_is_an_io_error() {
    let err = read_gold(std::path::Path::new("/nonexistent/gold.jsonl")).unwrap_err();
    assert!(matches!(err, EvalError::Io { .. }));
    assert!(err.to_string().contains("/nonexistent/gold.jsonl"));
}

fn actor(code: &str, country: Option<&str>) -> ActorRef {
    ActorRef {
        text: code.to_string(),
        code: code.to_string(),
        country: country.map(str::to_string),
        sector: None,
        actor_id: None,
        resolved_by: None,
    }
}

fn event(
    sentence: u32,
    source: ActorRef,
    target: Option<ActorRef>,
    cameo: &str,
    trigger: Span,
) -> Event {
    Event {
        id: format!("a-{sentence}-0"),
        article_id: "a".to_string(),
        sentence,
        date: None,
        date_precision: None,
        source: Some(source),
        target,
        others: Vec::new(),
        cameo: cameo.to_string(),
        cameo_root: cameo[..2].to_string(),
        plover_type: String::new(),
        plover_mode: None,
        goldstein: 0.0,
        quad_class: 1,
        location: None,
        negated: false,
        modality: Modality::Actual,
        attributed_to: None,
        confidence: 1.0,
        evidence: Evidence {
            text: String::new(),
            source_span: None,
            target_span: None,
            trigger_span: Some(trigger),
        },
    }
}

#[test]
fn actor_key_prefers_country_then_code() {
    assert_eq!(
        actor_key(&actor("PAKGOV", Some("PAK"))).as_deref(),
        Some("PAK")
    );
    assert_eq!(actor_key(&actor("UN", None)).as_deref(), Some("UN"));
    assert_eq!(actor_key(&actor("", None)), None);
}

#[test]
fn coded_article_becomes_story_offsets() {
    // The article text starts 12 characters into the story (a dateline was removed).
    let article = CodedArticle {
        article_id: "a".to_string(),
        sentences: vec![
            SentenceRecord {
                index: 0,
                span: Span::new(0, 30),
            },
            SentenceRecord {
                index: 1,
                span: Span::new(31, 60),
            },
        ],
        events: vec![
            event(
                0,
                actor("USAGOV", Some("USA")),
                Some(actor("IRNGOV", Some("IRN"))),
                "130",
                Span::new(4, 9),
            ),
            event(1, actor("UN", None), None, "020", Span::new(40, 45)),
            // No sentence record for index 7: the trigger span stands in.
            event(
                7,
                actor("SOMMIL", Some("SOM")),
                Some(actor("SOMREB", Some("SOM"))),
                "190",
                Span::new(50, 55),
            ),
        ],
        ..Default::default()
    };
    let p = Predicted::from_coded_article("story", 12, &article);
    assert_eq!(p.len(), 3);
    assert_eq!((p[0].start, p[0].end), (12, 42));
    assert_eq!(p[0].source_key.as_deref(), Some("USA"));
    assert_eq!(p[0].target_key.as_deref(), Some("IRN"));
    assert_eq!((p[1].start, p[1].end), (43, 72));
    assert_eq!(p[1].source_key.as_deref(), Some("UN"));
    assert_eq!(p[1].target_key, None);
    assert_eq!((p[2].start, p[2].end), (62, 67));

    // Scored against gold in story offsets, all three match.
    let gold = read_gold(&temp_file(
        "story.jsonl",
        concat!(
            r#"{"story": "story", "start": 12, "end": 42, "split": "dev", "events": [{"source": "USA", "target": "IRN", "cameo": "138"}]}"#,
            "\n",
            r#"{"story": "story", "start": 43, "end": 72, "split": "dev", "events": [{"source": "UN", "target": null, "cameo": "023"}, {"source": "SOM", "target": "SOM", "cameo": "193"}]}"#,
            "\n"
        ),
    ))
    .unwrap();
    let s = score(&gold, &p, None);
    assert_eq!((s.triples.tp, s.triples.fp, s.triples.fn_), (3, 0, 0));
}

#[test]
fn article_offset_counts_characters() {
    use attache_coder::eval::article_offset;
    let story = "KABUL — Officials said the talks ended.";
    assert_eq!(article_offset(story, story), Some(0));
    // The dash is one character but three bytes.
    assert_eq!(
        article_offset(story, "Officials said the talks ended."),
        Some(8)
    );
    assert_eq!(article_offset(story, "  Officials said"), Some(8));
    assert_eq!(article_offset(story, "Something else"), None);
    assert_eq!(article_offset(story, ""), Some(0));
}
