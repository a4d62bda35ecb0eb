//! Mentions of actors and the events coded between them.
//!
//! The JSON form of [`Event`] is a public contract (docs/event-json.md): field names and
//! meanings stay stable once documented. Spans are **character** (Unicode scalar value)
//! offsets into the article text, half-open `[start, end)`, so that users in any
//! language can slice the text with them.

use crate::date::DatePrecision;
use crate::relation::{RecognitionFact, RepresentationChange};
use serde::{Deserialize, Serialize};

/// Half-open character range `[start, end)` into the article text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

impl Span {
    pub fn new(start: u32, end: u32) -> Span {
        Span { start, end }
    }
}

/// What sort of thing a mention names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MentionKind {
    /// A state as such ("Pakistan", "the two countries").
    State,
    /// A government, possibly distinct from its state ("the Taliban-led administration").
    Government,
    /// An international or regional organisation or one of its organs.
    Igo,
    /// A non-state group: armed group, party, movement.
    Group,
    /// A named person.
    Person,
    /// An agent word or title without a name ("the foreign minister", "troops").
    Agent,
}

/// How a mention got its code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ResolvedBy {
    /// The phrase itself is in the lexicon.
    Lexicon,
    /// A title or qualifier next to it ("Pakistan's Foreign Minister Ishaq Dar").
    Title,
    /// Earlier in the same article ("Dar said…" after he was introduced).
    Context,
    /// From the dateline, the article's focus, or a person's office at the article date.
    Inferred,
    /// Kept with its text but no code.
    Unresolved,
}

/// A mention of an actor in the text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mention {
    /// Index of the sentence in the article.
    pub sentence: u32,
    pub span: Span,
    pub text: String,
    pub kind: MentionKind,
    /// Full CAMEO-style actor code, e.g. `PAKGOV`, `AFGGOVTAL`, `IGOUNO`; empty when
    /// unresolved.
    pub code: String,
    /// ISO 3166-1 alpha-3 of the state the actor belongs to, if any.
    pub country: Option<String>,
    /// Sector (CAMEO/PLOVER agent type): GOV, MIL, REB, OPP, COP, JUD, LEG, BUS, MED,
    /// CVL, REF, IGO, NGO, …
    pub sector: Option<String>,
    /// Lexicon identifier of the entry (e.g. `person:ishaq-dar`, `state:PAK`).
    pub actor_id: Option<String>,
    pub resolved_by: ResolvedBy,
}

/// A participant of an event as printed in the event JSON.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ActorRef {
    pub text: String,
    pub code: String,
    pub country: Option<String>,
    pub sector: Option<String>,
    pub actor_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resolved_by: Option<ResolvedBy>,
}

impl From<&Mention> for ActorRef {
    fn from(m: &Mention) -> ActorRef {
        ActorRef {
            text: m.text.clone(),
            code: m.code.clone(),
            country: m.country.clone(),
            sector: m.sector.clone(),
            actor_id: m.actor_id.clone(),
            resolved_by: Some(m.resolved_by),
        }
    }
}

/// Whether the event happened or is only intended, asked for or supposed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Modality {
    Actual,
    Intent,
    Request,
    Hypothetical,
}

/// Where an event came from in the text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Evidence {
    /// The sentence text.
    pub text: String,
    pub source_span: Option<Span>,
    pub target_span: Option<Span>,
    pub trigger_span: Option<Span>,
}

/// Where an event took place.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Location {
    pub text: String,
    /// ISO 3166-1 alpha-3.
    pub country: Option<String>,
}

/// One coded event. Serialises to the documented event JSON.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// Stable id: `{article_id}-{sentence}-{n}`.
    pub id: String,
    pub article_id: String,
    /// Index of the sentence in the article.
    pub sentence: u32,
    /// `YYYY-MM-DD`, `YYYY-MM` or `YYYY` per `date_precision`; null when unresolved.
    pub date: Option<String>,
    pub date_precision: Option<DatePrecision>,
    pub source: Option<ActorRef>,
    pub target: Option<ActorRef>,
    #[serde(default)]
    pub others: Vec<ActorRef>,
    /// Full CAMEO 2.0 code, e.g. `042`.
    pub cameo: String,
    /// Two-digit root, e.g. `04`.
    pub cameo_root: String,
    pub plover_type: String,
    pub plover_mode: Option<String>,
    pub goldstein: f32,
    /// 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.
    pub quad_class: u8,
    pub location: Option<Location>,
    pub negated: bool,
    pub modality: Modality,
    /// Who says so, when the event is reported speech ("Kabul denies…").
    pub attributed_to: Option<ActorRef>,
    pub confidence: f32,
    pub evidence: Evidence,
}

/// Everything the coder found in one article; the unit the ledger stores in one
/// transaction.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CodedArticle {
    pub article_id: String,
    pub sentences: Vec<crate::event::SentenceRecord>,
    pub mentions: Vec<Mention>,
    pub events: Vec<Event>,
    pub representation_changes: Vec<RepresentationChange>,
    pub recognitions: Vec<RecognitionFact>,
}

/// A sentence boundary, as stored with the article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SentenceRecord {
    pub index: u32,
    pub span: Span,
}
