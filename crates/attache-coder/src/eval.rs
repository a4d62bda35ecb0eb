//! Scoring coded events against the project's gold annotations.
//!
//! The gold set (`data/gold/events-voa.jsonl`, rules in `docs/gold-guidelines.md`) is
//! annotated by hand from the VOA stories: one JSON object per sentence, referencing the
//! story by id and the sentence by **character** offsets into the story text, so that no
//! story text is copied into the repository. This module reads that file and compares
//! the coder's output with it.
//!
//! Why it is built this way:
//!
//! * The coder splits sentences itself and its split need not agree with the
//!   annotator's. A predicted event therefore belongs to the gold sentence whose span
//!   overlaps the predicted sentence's span most; predicted events outside every gold
//!   sentence are ignored (only annotated sentences count, so the gold set can be a
//!   sample of each story).
//! * The headline number is precision/recall/F1 over `(source key, target key, CAMEO
//!   root)` triples, matched as multisets per sentence: two identical gold triples need
//!   two identical predictions. Actor keys are ISO 3166-1 alpha-3 countries, or the
//!   code of an actor without a country (IGOs such as `UN`, transnational groups such
//!   as `ISIS`) — the convention of `docs/dev/team.md`.
//! * Event detection is reported twice: per sentence (does the sentence have at least
//!   one event?) and per event count (per sentence, `min(gold, predicted)` events count
//!   as detected), so that a coder that finds events but confuses actors can be told
//!   apart from one that misses them.
//! * Root-code accuracy is measured only on events whose `(source, target)` pair
//!   matches a gold event, which isolates the choice of event type from actor
//!   resolution; the confusion table then shows gold root × predicted root, with
//!   `none` for events that have no pair-matched counterpart on the other side.
//!
//! * Inter-annotator agreement is the same score with a second annotation in the place
//!   of the coder ([`predicted_from_gold`], [`shared_sentences`]): it says how far the
//!   gold itself can be trusted, and so what F1 a coder can be expected to reach.
//!
//! Predicted events are given as [`Predicted`] records; [`Predicted::from_event`] and
//! [`Predicted::from_coded_article`] build them from the coder's [`Event`]s. Events
//! carry character offsets into the *article* text, which is the story text possibly
//! with a leading dateline removed: callers pass the character offset of the article
//! text within the story text (`0` when nothing was removed).

use attache_core::event::{CodedArticle, Event, Span};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

/// Errors reading a gold file.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    #[error("cannot read gold file {path}: {source}; check the path (the gold set is data/gold/events-voa.jsonl)")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}:{line}: not a gold sentence record: {message}; each line must be one JSON object with story, start, end, split and events (see docs/gold-guidelines.md)")]
    Parse {
        path: PathBuf,
        line: usize,
        message: String,
    },
    #[error("{path}:{line}: {message}; fix the record (see docs/gold-guidelines.md)")]
    Invalid {
        path: PathBuf,
        line: usize,
        message: String,
    },
}

/// One annotated event of a gold sentence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GoldEvent {
    /// Scoring key of the source actor (ISO3 country, or IGO / group code).
    pub source: String,
    /// Scoring key of the target actor; `None` when the event has no target.
    #[serde(default)]
    pub target: Option<String>,
    /// CAMEO code, 2 to 4 digits; its first two digits are the root that is scored.
    pub cameo: String,
    /// `YYYY-MM-DD`, `YYYY-MM` or `YYYY` when the sentence states the date.
    #[serde(default)]
    pub date: Option<String>,
    /// Character offsets of the trigger word(s) in the story text.
    #[serde(default)]
    pub trigger: Option<(u32, u32)>,
    /// Annotator's remark.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl GoldEvent {
    /// The two-digit CAMEO root.
    pub fn root(&self) -> &str {
        cameo_root(&self.cameo)
    }
}

/// One annotated sentence: a character span of a story and the events it reports
/// (possibly none).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GoldSentence {
    pub story: String,
    /// Character offset of the sentence start in the story text.
    pub start: u32,
    /// Character offset one past the sentence end.
    pub end: u32,
    /// `dev` or `test`.
    pub split: String,
    #[serde(default)]
    pub events: Vec<GoldEvent>,
}

/// Reads a gold JSONL file; blank lines are skipped. Errors name the file and line.
pub fn read_gold(path: &Path) -> Result<Vec<GoldSentence>, EvalError> {
    let text = std::fs::read_to_string(path).map_err(|source| EvalError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    parse_gold(&text, path)
}

/// Parses gold JSONL text; `path` is only used in error messages.
pub fn parse_gold(text: &str, path: &Path) -> Result<Vec<GoldSentence>, EvalError> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line_no = i + 1;
        if line.trim().is_empty() {
            continue;
        }
        let s: GoldSentence = serde_json::from_str(line).map_err(|e| EvalError::Parse {
            path: path.to_path_buf(),
            line: line_no,
            message: e.to_string(),
        })?;
        let invalid = |message: String| EvalError::Invalid {
            path: path.to_path_buf(),
            line: line_no,
            message,
        };
        if s.start >= s.end {
            return Err(invalid(format!(
                "sentence span {}..{} is empty or reversed",
                s.start, s.end
            )));
        }
        if s.split != "dev" && s.split != "test" {
            return Err(invalid(format!(
                "split is {:?}, expected \"dev\" or \"test\"",
                s.split
            )));
        }
        for e in &s.events {
            let len = e.cameo.len();
            if !(2..=4).contains(&len) || !e.cameo.bytes().all(|b| b.is_ascii_digit()) {
                return Err(invalid(format!(
                    "CAMEO code {:?} is not 2 to 4 digits",
                    e.cameo
                )));
            }
            if e.source.trim().is_empty() {
                return Err(invalid("an event has an empty source key".to_string()));
            }
            if let Some((a, b)) = e.trigger {
                if a >= b || a < s.start || b > s.end {
                    return Err(invalid(format!(
                        "trigger {a}..{b} is not inside the sentence {}..{}",
                        s.start, s.end
                    )));
                }
            }
        }
        out.push(s);
    }
    Ok(out)
}

/// One predicted event, reduced to what is scored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Predicted {
    pub story: String,
    /// Character offset of the predicted sentence's start in the story text.
    pub start: u32,
    /// Character offset one past the predicted sentence's end in the story text.
    pub end: u32,
    pub source_key: Option<String>,
    pub target_key: Option<String>,
    /// Full CAMEO code as predicted (the root is scored).
    pub cameo: String,
}

/// Scoring key of an actor: its country if it has one, else its code (empty codes mean
/// unresolved and give no key).
pub fn actor_key(actor: &attache_core::event::ActorRef) -> Option<String> {
    if let Some(c) = actor.country.as_deref().filter(|c| !c.is_empty()) {
        return Some(c.to_string());
    }
    let code = actor.code.trim();
    (!code.is_empty()).then(|| code.to_string())
}

impl Predicted {
    /// Builds a prediction from a coded event.
    ///
    /// `article_offset` is the character offset of the article text within the story
    /// text (non-zero when ingestion removed a leading dateline); `sentence` is the
    /// span of the event's sentence in article-text characters.
    pub fn from_event(
        story: &str,
        article_offset: u32,
        sentence: Span,
        event: &Event,
    ) -> Predicted {
        Predicted {
            story: story.to_string(),
            start: sentence.start + article_offset,
            end: sentence.end + article_offset,
            source_key: event.source.as_ref().and_then(actor_key),
            target_key: event.target.as_ref().and_then(actor_key),
            cameo: event.cameo.clone(),
        }
    }

    /// Builds predictions for every non-negated event of a coded article, finding each event's
    /// sentence span in `article.sentences` by index. When the sentence record is
    /// missing, the trigger span (or else the source/target span) stands in for it,
    /// which still overlaps the right gold sentence.
    pub fn from_coded_article(
        story: &str,
        article_offset: u32,
        article: &CodedArticle,
    ) -> Vec<Predicted> {
        let spans: HashMap<u32, Span> = article
            .sentences
            .iter()
            .map(|s| (s.index, s.span))
            .collect();
        article
            .events
            .iter()
            // The gold codes what happened: negated events ("did not sign") are not
            // in it (docs/gold-guidelines.md), so they are not predictions either.
            .filter(|e| !e.negated)
            .filter_map(|e| {
                let span = spans.get(&e.sentence).copied().or_else(|| {
                    let ev = &e.evidence;
                    ev.trigger_span.or(ev.source_span).or(ev.target_span)
                })?;
                Some(Predicted::from_event(story, article_offset, span, e))
            })
            .collect()
    }

    fn root(&self) -> &str {
        cameo_root(&self.cameo)
    }
}

/// A second annotation of gold sentences as predictions, so that [`score`] measures
/// agreement between two annotators with the same numbers it gives for the coder
/// (`attache eval events --second FILE`). Each event keeps its sentence's span, so it is
/// assigned to exactly that sentence of the first annotation.
pub fn predicted_from_gold(second: &[GoldSentence]) -> Vec<Predicted> {
    second
        .iter()
        .flat_map(|s| {
            s.events.iter().map(move |e| Predicted {
                story: s.story.clone(),
                start: s.start,
                end: s.end,
                source_key: Some(e.source.clone()),
                target_key: e.target.clone(),
                cameo: e.cameo.clone(),
            })
        })
        .collect()
}

/// The sentences of `gold` that `other` also annotates (same story and span), in
/// `gold`'s order: agreement, and the coder compared with it, are measured only where
/// both annotators read the sentence.
pub fn shared_sentences(gold: &[GoldSentence], other: &[GoldSentence]) -> Vec<GoldSentence> {
    let keys: std::collections::HashSet<(&str, u32, u32)> = other
        .iter()
        .map(|s| (s.story.as_str(), s.start, s.end))
        .collect();
    gold.iter()
        .filter(|g| keys.contains(&(g.story.as_str(), g.start, g.end)))
        .cloned()
        .collect()
}

/// Character offset of the article text within the story text, for
/// [`Predicted::from_event`]: `Some(0)` when they are the same, the position of the
/// article text when ingestion removed a leading part (a dateline), `None` when the
/// article text is not found in the story text. Leading whitespace of the article text
/// is ignored; a removed dateline can only shorten the text from the front.
pub fn article_offset(story_text: &str, article_text: &str) -> Option<u32> {
    let article = article_text.trim_start();
    if article.is_empty() {
        return Some(0);
    }
    // The first 200 characters are enough to place the article and keep this cheap.
    let probe_end = article
        .char_indices()
        .nth(200)
        .map_or(article.len(), |(b, _)| b);
    let byte = story_text.find(&article[..probe_end])?;
    Some(story_text[..byte].chars().count() as u32)
}

/// The two-digit root of a CAMEO code (the code itself when shorter).
pub fn cameo_root(code: &str) -> &str {
    let code = code.trim();
    code.get(..2).unwrap_or(code)
}

/// Precision, recall and F1 with the counts they come from.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Prf {
    pub tp: usize,
    pub fp: usize,
    #[serde(rename = "fn")]
    pub fn_: usize,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

impl Prf {
    /// From true positives, false positives and false negatives. Precision (recall) is
    /// 1.0 when nothing was predicted (nothing was to be found), so an empty system on
    /// an empty gold set is perfect rather than undefined.
    pub fn from_counts(tp: usize, fp: usize, fn_: usize) -> Prf {
        let ratio = |num: usize, den: usize| {
            if den == 0 {
                1.0
            } else {
                num as f64 / den as f64
            }
        };
        let precision = ratio(tp, tp + fp);
        let recall = ratio(tp, tp + fn_);
        let f1 = if precision + recall == 0.0 {
            0.0
        } else {
            2.0 * precision * recall / (precision + recall)
        };
        Prf {
            tp,
            fp,
            fn_,
            precision,
            recall,
            f1,
        }
    }
}

/// Root-code accuracy over pair-matched events.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct RootAccuracy {
    /// Gold/predicted event pairs with the same (source, target) keys in one sentence.
    pub pairs: usize,
    /// Of those, pairs with the same CAMEO root.
    pub correct: usize,
    /// `correct / pairs`; `null` when no pair matched.
    pub accuracy: Option<f64>,
}

/// One cell of the root × root confusion table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConfusionCell {
    /// Gold root, or `none` for a predicted event without pair-matched gold event.
    pub gold: String,
    /// Predicted root, or `none` for a gold event without pair-matched prediction.
    pub predicted: String,
    pub count: usize,
}

/// Everything `attache eval events` reports.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventScores {
    /// The split scored (`dev`, `test`), or `None` for all gold sentences.
    pub split: Option<String>,
    /// Gold sentences scored.
    pub sentences: usize,
    /// Gold sentences with at least one event.
    pub sentences_with_events: usize,
    pub gold_events: usize,
    /// Predicted events that fell into a scored gold sentence.
    pub predicted_events: usize,
    /// Predicted events of the scored stories that overlap no gold sentence (ignored).
    pub predicted_outside_gold: usize,
    /// (source key, target key, CAMEO root) triples, multiset-matched per sentence.
    pub triples: Prf,
    /// Sentence level: positive when the sentence has at least one event.
    pub detection_sentences: Prf,
    /// Event-count level: per sentence `min(gold, predicted)` true positives, the rest
    /// false positives / negatives, whatever the actors and codes.
    pub detection_events: Prf,
    pub root_accuracy: RootAccuracy,
    /// Gold root × predicted root, sorted; includes `none` rows and columns.
    pub confusion: Vec<ConfusionCell>,
}

type Triple = (Option<String>, Option<String>, String);

/// Scores predictions against gold sentences, optionally restricted to one split.
pub fn score(gold: &[GoldSentence], predicted: &[Predicted], split: Option<&str>) -> EventScores {
    let scored: Vec<&GoldSentence> = gold
        .iter()
        .filter(|g| match split {
            Some(s) => g.split == s,
            None => true,
        })
        .collect();

    let (assigned, outside) = assign(&scored, predicted);

    let (mut t_tp, mut t_fp, mut t_fn) = (0, 0, 0);
    let (mut s_tp, mut s_fp, mut s_fn) = (0, 0, 0);
    let (mut c_tp, mut c_fp, mut c_fn) = (0, 0, 0);
    let (mut pairs, mut correct) = (0, 0);
    let mut confusion: BTreeMap<(String, String), usize> = BTreeMap::new();
    let mut gold_events = 0;
    let mut predicted_events = 0;
    let mut with_events = 0;

    for (g, preds) in scored.iter().zip(&assigned) {
        gold_events += g.events.len();
        predicted_events += preds.len();
        if !g.events.is_empty() {
            with_events += 1;
        }

        // Triples, multiset intersection.
        let gold_triples: Vec<Triple> = g
            .events
            .iter()
            .map(|e| {
                (
                    Some(e.source.clone()),
                    e.target.clone(),
                    e.root().to_string(),
                )
            })
            .collect();
        let pred_triples: Vec<Triple> = preds
            .iter()
            .map(|p| {
                (
                    p.source_key.clone(),
                    p.target_key.clone(),
                    p.root().to_string(),
                )
            })
            .collect();
        let matched = multiset_intersection(&gold_triples, &pred_triples);
        t_tp += matched;
        t_fp += pred_triples.len() - matched;
        t_fn += gold_triples.len() - matched;

        // Detection.
        match (!g.events.is_empty(), !preds.is_empty()) {
            (true, true) => s_tp += 1,
            (false, true) => s_fp += 1,
            (true, false) => s_fn += 1,
            (false, false) => {}
        }
        let m = g.events.len().min(preds.len());
        c_tp += m;
        c_fp += preds.len() - m;
        c_fn += g.events.len() - m;

        // Root accuracy and confusion over (source, target) pairs.
        let mut gold_by_pair: BTreeMap<(Option<String>, Option<String>), Vec<String>> =
            BTreeMap::new();
        for (s, t, r) in gold_triples {
            gold_by_pair.entry((s, t)).or_default().push(r);
        }
        let mut pred_by_pair: BTreeMap<(Option<String>, Option<String>), Vec<String>> =
            BTreeMap::new();
        for (s, t, r) in pred_triples {
            pred_by_pair.entry((s, t)).or_default().push(r);
        }
        let none = || "none".to_string();
        for (pair, mut g_roots) in gold_by_pair {
            let mut p_roots = pred_by_pair.remove(&pair).unwrap_or_default();
            // Exact root matches first.
            g_roots.sort();
            p_roots.sort();
            let mut g_left = Vec::new();
            let mut p_iter = p_roots.into_iter().peekable();
            let mut p_left = Vec::new();
            for r in g_roots {
                while p_iter.peek().is_some_and(|p| *p < r) {
                    p_left.push(p_iter.next().unwrap_or_default());
                }
                if p_iter.peek() == Some(&r) {
                    p_iter.next();
                    correct += 1;
                    pairs += 1;
                    *confusion.entry((r.clone(), r)).or_default() += 1;
                } else {
                    g_left.push(r);
                }
            }
            p_left.extend(p_iter);
            // Remaining events of the same pair are paired up in sorted order.
            let k = g_left.len().min(p_left.len());
            pairs += k;
            for (gr, pr) in g_left.iter().zip(&p_left) {
                *confusion.entry((gr.clone(), pr.clone())).or_default() += 1;
            }
            for gr in &g_left[k..] {
                *confusion.entry((gr.clone(), none())).or_default() += 1;
            }
            for pr in &p_left[k..] {
                *confusion.entry((none(), pr.clone())).or_default() += 1;
            }
        }
        for (_, p_roots) in pred_by_pair {
            for pr in p_roots {
                *confusion.entry((none(), pr)).or_default() += 1;
            }
        }
    }

    EventScores {
        split: split.map(str::to_string),
        sentences: scored.len(),
        sentences_with_events: with_events,
        gold_events,
        predicted_events,
        predicted_outside_gold: outside,
        triples: Prf::from_counts(t_tp, t_fp, t_fn),
        detection_sentences: Prf::from_counts(s_tp, s_fp, s_fn),
        detection_events: Prf::from_counts(c_tp, c_fp, c_fn),
        root_accuracy: RootAccuracy {
            pairs,
            correct,
            accuracy: (pairs > 0).then(|| correct as f64 / pairs as f64),
        },
        confusion: confusion
            .into_iter()
            .map(|((gold, predicted), count)| ConfusionCell {
                gold,
                predicted,
                count,
            })
            .collect(),
    }
}

/// Assigns each prediction to the gold sentence it overlaps most (ties to the earlier
/// sentence); returns the predictions per scored sentence and how many overlap none.
fn assign<'p>(
    scored: &[&GoldSentence],
    predicted: &'p [Predicted],
) -> (Vec<Vec<&'p Predicted>>, usize) {
    let mut by_story: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, g) in scored.iter().enumerate() {
        by_story.entry(g.story.as_str()).or_default().push(i);
    }
    let mut assigned: Vec<Vec<&Predicted>> = vec![Vec::new(); scored.len()];
    let mut outside = 0;
    for p in predicted {
        let Some(cands) = by_story.get(p.story.as_str()) else {
            continue;
        };
        let best = cands
            .iter()
            .map(|&i| {
                let g = scored[i];
                let overlap = p.end.min(g.end).saturating_sub(p.start.max(g.start));
                (overlap, std::cmp::Reverse(g.start), i)
            })
            .filter(|&(overlap, _, _)| overlap > 0)
            .max();
        match best {
            Some((_, _, i)) => assigned[i].push(p),
            None => outside += 1,
        }
    }
    (assigned, outside)
}

/// One gold sentence whose predicted triples differ from the gold ones: what was
/// missed and what was added, for `attache eval events --errors`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SentenceErrors {
    pub story: String,
    pub start: u32,
    pub end: u32,
    pub split: String,
    /// Gold triples not predicted, as `SRC>TGT:ROOT` (`-` for no actor).
    pub missed: Vec<String>,
    /// Predicted triples not in the gold, same form.
    pub extra: Vec<String>,
    /// Triples both agree on.
    pub matched: Vec<String>,
}

fn triple_label(t: &Triple) -> String {
    format!(
        "{}>{}:{}",
        t.0.as_deref().unwrap_or("-"),
        t.1.as_deref().unwrap_or("-"),
        t.2
    )
}

/// The sentences of `split` (all when `None`) where prediction and gold disagree, in
/// gold order.
pub fn sentence_errors(
    gold: &[GoldSentence],
    predicted: &[Predicted],
    split: Option<&str>,
) -> Vec<SentenceErrors> {
    let scored: Vec<&GoldSentence> = gold
        .iter()
        .filter(|g| split.is_none_or(|s| g.split == s))
        .collect();
    let (assigned, _) = assign(&scored, predicted);
    let mut out = Vec::new();
    for (g, preds) in scored.iter().zip(&assigned) {
        let mut missed: Vec<Triple> = g
            .events
            .iter()
            .map(|e| {
                (
                    Some(e.source.clone()),
                    e.target.clone(),
                    e.root().to_string(),
                )
            })
            .collect();
        let mut extra = Vec::new();
        let mut matched = Vec::new();
        for p in preds {
            let t = (
                p.source_key.clone(),
                p.target_key.clone(),
                p.root().to_string(),
            );
            match missed.iter().position(|m| *m == t) {
                Some(i) => matched.push(triple_label(&missed.remove(i))),
                None => extra.push(triple_label(&t)),
            }
        }
        if missed.is_empty() && extra.is_empty() {
            continue;
        }
        out.push(SentenceErrors {
            story: g.story.clone(),
            start: g.start,
            end: g.end,
            split: g.split.clone(),
            missed: missed.iter().map(triple_label).collect(),
            extra,
            matched,
        });
    }
    out
}

fn multiset_intersection(a: &[Triple], b: &[Triple]) -> usize {
    let mut counts: HashMap<&Triple, usize> = HashMap::new();
    for t in a {
        *counts.entry(t).or_default() += 1;
    }
    let mut n = 0;
    for t in b {
        if let Some(c) = counts.get_mut(t) {
            if *c > 0 {
                *c -= 1;
                n += 1;
            }
        }
    }
    n
}

impl EventScores {
    /// Human-readable report: the three P/R/F1 lines, root accuracy and the confusion
    /// table as a grid (rows gold, columns predicted).
    pub fn to_text(&self) -> String {
        use std::fmt::Write;
        let mut s = String::new();
        let split = self.split.as_deref().unwrap_or("all");
        let _ = writeln!(
            s,
            "split {split}: {} sentences ({} with events), {} gold events, {} predicted events ({} outside gold sentences, ignored)",
            self.sentences,
            self.sentences_with_events,
            self.gold_events,
            self.predicted_events,
            self.predicted_outside_gold
        );
        let line = |s: &mut String, name: &str, p: &Prf| {
            let _ = writeln!(
                s,
                "{name:<28} P {:.3}  R {:.3}  F1 {:.3}  (tp {} fp {} fn {})",
                p.precision, p.recall, p.f1, p.tp, p.fp, p.fn_
            );
        };
        line(&mut s, "triples (src, tgt, root)", &self.triples);
        line(&mut s, "detection (sentences)", &self.detection_sentences);
        line(&mut s, "detection (event counts)", &self.detection_events);
        match self.root_accuracy.accuracy {
            Some(a) => {
                let _ = writeln!(
                    s,
                    "root accuracy (pair-matched) {a:.3}  ({} of {})",
                    self.root_accuracy.correct, self.root_accuracy.pairs
                );
            }
            None => {
                let _ = writeln!(s, "root accuracy (pair-matched) n/a  (no pair matched)");
            }
        }
        // Confusion grid.
        let mut labels: Vec<&str> = self
            .confusion
            .iter()
            .flat_map(|c| [c.gold.as_str(), c.predicted.as_str()])
            .collect();
        labels.sort_by_key(|l| (*l == "none", *l));
        labels.dedup();
        if labels.is_empty() {
            return s;
        }
        let cell: HashMap<(&str, &str), usize> = self
            .confusion
            .iter()
            .map(|c| ((c.gold.as_str(), c.predicted.as_str()), c.count))
            .collect();
        let _ = writeln!(s, "confusion (rows gold root, columns predicted root):");
        let _ = write!(s, "{:>6}", "");
        for l in &labels {
            let _ = write!(s, "{l:>5}");
        }
        s.push('\n');
        for g in &labels {
            let _ = write!(s, "{g:>6}");
            for p in &labels {
                match cell.get(&(*g, *p)) {
                    Some(n) => {
                        let _ = write!(s, "{n:>5}");
                    }
                    None => {
                        let _ = write!(s, "{:>5}", ".");
                    }
                }
            }
            s.push('\n');
        }
        s
    }
}
