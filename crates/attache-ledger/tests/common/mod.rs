//! Hand-made articles and coded output for the ledger tests. All sentences are written
//! for these tests.
#![allow(dead_code)]

use attache_core::{
    ActorRef, Article, CodedArticle, Event, Evidence, FuzzyDate, Modality, RecognitionFact,
    RecognitionKind, RepLevel, RepresentationChange, SentenceRecord, Span,
};

/// An article with a publication date; the text is its sentences joined by spaces.
pub fn article(sentences: &[&str], published: Option<&str>) -> Article {
    let mut a = Article::new("test", sentences.join(" "));
    a.published = published.map(str::to_string);
    a.title = Some(format!("Test story {}", &a.id.0[..6]));
    a.url = Some(format!("https://news.example/{}", a.id.0));
    a.source = Some("Example Wire".into());
    a
}

pub fn sentence_text(a: &Article, i: u32) -> String {
    // Sentences end with ". " in our fixtures.
    a.text
        .split_inclusive(". ")
        .nth(i as usize)
        .unwrap_or("")
        .trim()
        .to_string()
}

pub fn evidence(a: &Article, i: u32) -> Evidence {
    Evidence {
        text: sentence_text(a, i),
        source_span: None,
        target_span: None,
        trigger_span: None,
    }
}

pub fn actor(code: &str) -> ActorRef {
    let country = attache_core::country::by_code(&code[..3.min(code.len())])
        .filter(|_| code.len() >= 3)
        .map(|c| c.iso3.to_string());
    ActorRef {
        text: code.to_string(),
        code: code.to_string(),
        country,
        sector: (code.len() > 3).then(|| code[3..].to_string()),
        actor_id: None,
        resolved_by: None,
    }
}

#[allow(clippy::too_many_arguments)]
pub fn event(
    a: &Article,
    sentence: u32,
    n: u32,
    src: &str,
    tgt: &str,
    cameo: &str,
    goldstein: f32,
    quad: u8,
    date: Option<&str>,
) -> Event {
    let d = date.and_then(FuzzyDate::parse);
    Event {
        id: format!("{}-{}-{}", a.id.0, sentence, n),
        article_id: a.id.0.clone(),
        sentence,
        date: d.map(|d| d.to_string()),
        date_precision: d.map(|d| d.precision),
        source: Some(actor(src)),
        target: Some(actor(tgt)),
        others: vec![],
        cameo: cameo.to_string(),
        cameo_root: cameo[..2].to_string(),
        plover_type: "CONSULT".into(),
        plover_mode: None,
        goldstein,
        quad_class: quad,
        location: None,
        negated: false,
        modality: Modality::Actual,
        attributed_to: None,
        confidence: 0.8,
        evidence: evidence(a, sentence),
    }
}

#[allow(clippy::too_many_arguments)]
pub fn rep(
    a: &Article,
    sentence: u32,
    sender: &str,
    receiver: &str,
    from: Option<RepLevel>,
    to: RepLevel,
    action: &str,
    date: Option<&str>,
    confidence: f32,
) -> RepresentationChange {
    RepresentationChange {
        sender: sender.into(),
        receiver: receiver.into(),
        from,
        to,
        action: action.into(),
        effective: date.and_then(FuzzyDate::parse),
        article_id: a.id.0.clone(),
        sentence,
        evidence: evidence(a, sentence),
        confidence,
    }
}

pub fn rec(
    a: &Article,
    sentence: u32,
    recognizer: &str,
    government: &str,
    governed: &str,
    kind: RecognitionKind,
    date: Option<&str>,
) -> RecognitionFact {
    RecognitionFact {
        recognizer: recognizer.into(),
        government: government.into(),
        governed_state: governed.into(),
        kind,
        effective: date.and_then(FuzzyDate::parse),
        article_id: a.id.0.clone(),
        sentence,
        evidence: evidence(a, sentence),
        confidence: 0.8,
    }
}

pub fn coded(
    a: &Article,
    events: Vec<Event>,
    reps: Vec<RepresentationChange>,
    recs: Vec<RecognitionFact>,
) -> CodedArticle {
    let mut sentences = Vec::new();
    let mut start = 0u32;
    for (i, s) in a.text.split_inclusive(". ").enumerate() {
        let len = s.chars().count() as u32;
        sentences.push(SentenceRecord {
            index: i as u32,
            span: Span::new(start, start + len),
        });
        start += len;
    }
    CodedArticle {
        article_id: a.id.0.clone(),
        sentences,
        mentions: vec![],
        events,
        representation_changes: reps,
        recognitions: recs,
    }
}

/// Remove keys whose value depends on the wall clock (`recorded_at`) from a JSON value.
pub fn without_clock(mut v: serde_json::Value) -> serde_json::Value {
    fn strip(v: &mut serde_json::Value) {
        match v {
            serde_json::Value::Object(m) => {
                m.remove("recorded_at");
                m.values_mut().for_each(strip);
            }
            serde_json::Value::Array(a) => a.iter_mut().for_each(strip),
            _ => {}
        }
    }
    strip(&mut v);
    v
}
