//! The event coder: from an article to CAMEO/PLOVER events with evidence, and to the
//! representation and recognition facts the ledger keeps.
//!
//! Why this shape: every stage is a pure function of the article and of read-only
//! resources (NLP models, actor lexicon, pattern dictionary) loaded once, so one
//! [`Coder`] is shared by all threads (`Send + Sync`) and [`Coder::code_batch`] is a
//! rayon map. The work per sentence is split by responsibility:
//! [`dates`] (temporal expressions), [`extract`] (who did what to whom, on the
//! dependency tree), [`relations`] (representation levels and recognition), with the
//! CAMEO table in [`ontology`] and the dictionary in [`patterns`]. Actor mentions come
//! from a [`MentionResolver`] — the actor lexicon in production, a country-name
//! resolver when the lexicon is not available.

pub mod dates;
pub mod eval;
pub mod extract;
pub mod names;
pub mod ontology;
pub mod patterns;
pub mod petrarch;
pub mod relations;

use attache_core::{
    ActorRef, Article, CodedArticle, Event, Evidence, FuzzyDate, Location, Mention, MentionKind,
    RecognitionFact, RepresentationChange, SentenceRecord, Span,
};
use attache_text::{Doc, Pipeline};
use extract::{Actor, SentenceCoder};
pub use ontology::{CameoEntry, Ontology};
pub use patterns::{PatternError, Patterns};
use rayon::prelude::*;

/// Finds and resolves actor mentions in a parsed article.
pub trait MentionResolver: Send + Sync {
    /// Mentions of the article with **character** spans and sentence indices.
    fn resolve(&self, doc: &Doc, article: &Article, published: Option<FuzzyDate>) -> Vec<Mention>;
}

/// What can go wrong building a coder.
#[derive(Debug, thiserror::Error)]
pub enum CoderError {
    #[error("cannot load the NLP models: {0} (rebuild the binary; the models are compiled in)")]
    Models(String),
    #[error(
        "cannot load the actor lexicon: {0} (run `attache actors check` to find the bad entry)"
    )]
    Lexicon(String),
    #[error(transparent)]
    Patterns(#[from] PatternError),
}

impl MentionResolver for attache_lexicon::Lexicon {
    fn resolve(&self, doc: &Doc, article: &Article, published: Option<FuzzyDate>) -> Vec<Mention> {
        let ctx = attache_lexicon::DocContext {
            published,
            dateline: article.dateline.clone(),
            title: article.title.clone(),
        };
        attache_lexicon::resolve(self, doc, &ctx)
    }
}

/// The event coder. Build once, share across threads.
pub struct Coder {
    pipeline: Pipeline,
    resolver: Box<dyn MentionResolver>,
    extractor: Extractor,
}

/// The part of the coder after parsing and actor resolution: events and relation facts
/// from a parsed document and its mentions. Separate so that it can be used (and
/// tested) with parses and mentions from anywhere.
pub struct Extractor {
    patterns: Patterns,
}

/// Byte ↔ character offset conversion for one text.
struct Offsets {
    /// Character index of each byte offset (empty when the text is ASCII).
    char_of_byte: Vec<u32>,
    /// Byte offset of each character index (empty when ASCII).
    byte_of_char: Vec<u32>,
}

impl Offsets {
    fn new(text: &str) -> Offsets {
        if text.is_ascii() {
            return Offsets {
                char_of_byte: Vec::new(),
                byte_of_char: Vec::new(),
            };
        }
        let mut char_of_byte = vec![0u32; text.len() + 1];
        let mut byte_of_char = Vec::with_capacity(text.len() + 1);
        let mut ci = 0u32;
        for (b, _) in text.char_indices() {
            byte_of_char.push(b as u32);
            char_of_byte[b] = ci;
            ci += 1;
        }
        byte_of_char.push(text.len() as u32);
        char_of_byte[text.len()] = ci;
        // Bytes inside a multi-byte character map to that character.
        let mut last = 0;
        for (b, slot) in char_of_byte.iter_mut().enumerate() {
            if text.is_char_boundary(b) {
                last = *slot;
            } else {
                *slot = last;
            }
        }
        Offsets {
            char_of_byte,
            byte_of_char,
        }
    }
    fn ch(&self, b: usize) -> u32 {
        if self.char_of_byte.is_empty() {
            b as u32
        } else {
            self.char_of_byte[b.min(self.char_of_byte.len() - 1)]
        }
    }
    fn byte(&self, c: u32) -> usize {
        if self.byte_of_char.is_empty() {
            c as usize
        } else {
            self.byte_of_char[(c as usize).min(self.byte_of_char.len() - 1)] as usize
        }
    }
    fn span(&self, r: std::ops::Range<usize>) -> Span {
        Span::new(self.ch(r.start), self.ch(r.end))
    }
}

struct Info<'a> {
    mentions: &'a [Mention],
    actors: &'a [Actor],
}

impl relations::ActorInfo for Info<'_> {
    fn is_state(&self, a: usize) -> bool {
        let m = &self.mentions[self.actors[a].mention];
        m.country.is_some() && m.kind != MentionKind::Group && self.actors[a].key.len() == 3
    }
    fn is_government(&self, a: usize) -> bool {
        let m = &self.mentions[self.actors[a].mention];
        // Governments distinct from the state's usual one carry a `gov:` lexicon id
        // (the lexicon may tag "the Taliban regime" as an agent phrase with that id).
        m.actor_id
            .as_deref()
            .is_some_and(|id| id.starts_with("gov:"))
    }
}

impl Coder {
    /// A coder from its parts.
    pub fn new(
        pipeline: Pipeline,
        resolver: impl MentionResolver + 'static,
        patterns: Patterns,
    ) -> Coder {
        Coder {
            pipeline,
            resolver: Box::new(resolver),
            extractor: Extractor::new(patterns),
        }
    }

    /// The built-in models, lexicon and dictionary.
    pub fn load_default() -> Result<Coder, CoderError> {
        let pipeline = Pipeline::load_default().map_err(|e| CoderError::Models(e.to_string()))?;
        let lexicon = attache_lexicon::Lexicon::load_default()
            .map_err(|e| CoderError::Lexicon(e.to_string()))?;
        Ok(Coder::new(pipeline, lexicon, Patterns::load_default()))
    }

    /// The pattern dictionary in use.
    pub fn patterns(&self) -> &Patterns {
        &self.extractor.patterns
    }

    /// The extraction stage.
    pub fn extractor(&self) -> &Extractor {
        &self.extractor
    }

    /// Code many articles in parallel (rayon), in input order.
    pub fn code_batch(&self, articles: &[Article]) -> Vec<CodedArticle> {
        articles.par_iter().map(|a| self.code(a)).collect()
    }

    /// Code one article: parse, resolve actors, extract events and relation facts.
    pub fn code(&self, article: &Article) -> CodedArticle {
        let doc = self.pipeline.parse(&article.text);
        let published = article.published.as_deref().and_then(FuzzyDate::parse);
        let mentions = self.resolver.resolve(&doc, article, published);
        self.extractor
            .code_parsed(article, &doc, mentions, published)
    }
}

impl Extractor {
    pub fn new(patterns: Patterns) -> Extractor {
        Extractor { patterns }
    }

    /// Code an article already parsed and resolved (used by tests and by callers that
    /// parse once for several purposes).
    pub fn code_parsed(
        &self,
        article: &Article,
        doc: &Doc,
        mentions: Vec<Mention>,
        published: Option<FuzzyDate>,
    ) -> CodedArticle {
        let text = doc.text;
        let off = Offsets::new(text);
        let aid = article.id.0.as_str();
        let mut out = CodedArticle {
            article_id: aid.to_string(),
            ..Default::default()
        };
        let mut prev_subject_mentions: Vec<usize> = Vec::new();
        // (mention, sentence) of the sources of recent accusations and criticism.
        let mut recent_accusers: Vec<(usize, usize)> = Vec::new();
        // The last appeal or demand with an addressee: (target mention, code, sentence).
        let mut recent_appeal: Option<(usize, &'static str, usize)> = None;
        // The doer of the last act of violence: (source mention, sentence).
        let mut recent_violence: Option<(usize, usize)> = None;
        // The acts coded so far, for reactions to them (extract/reaction.rs).
        let mut acts = extract::reaction::ActMemory::default();
        // The last act of force against another country: (source mention, target
        // mention, sentence), for a strike whose place is not restated
        // (extract/place.rs).
        let mut recent_force: Option<(usize, usize, usize)> = None;
        let mut actors: Vec<Actor> = Vec::new();
        let home = extract::article_home(&mentions);
        for (si, s) in doc.sentences.iter().enumerate() {
            out.sentences.push(SentenceRecord {
                index: si as u32,
                span: off.span(s.span.clone()),
            });
            if s.is_empty() {
                continue;
            }
            // "condemned the attack and offered condolences" (extract/retag.rs).
            let repaired = extract::retag::repair(text, s, &self.patterns);
            let s = repaired.as_ref().unwrap_or(s);
            actors.clear();
            for (mi, m) in mentions.iter().enumerate() {
                if m.sentence as usize != si {
                    continue;
                }
                let end = off.byte(m.span.end);
                let mut a = actor_of(m, mi, off.byte(m.span.start), end, true);
                // "withdrew from the Rome Statute", "signed the Ankara Declaration":
                // a name that names a document is no party.
                if names_a_document(text, end) {
                    a.usable = false;
                }
                actors.push(a);
            }
            let carried_start = actors.len();
            for &mi in &prev_subject_mentions {
                let m = &mentions[mi];
                actors.push(actor_of(m, mi, 0, 0, false));
            }
            let prev: Vec<usize> = (carried_start..actors.len()).collect();
            // Accusers of the last three sentences, for denials that answer them.
            recent_accusers.retain(|&(_, s)| s + 3 >= si);
            let mut accusers: Vec<usize> = Vec::new();
            // The most recent accuser only.
            if let Some(&(mi, _)) = recent_accusers.last() {
                let a = match (carried_start..actors.len()).find(|&a| actors[a].mention == mi) {
                    Some(a) => a,
                    None => {
                        actors.push(actor_of(&mentions[mi], mi, 0, 0, false));
                        actors.len() - 1
                    }
                };
                accusers.push(a);
            }
            // The appeal of the last two sentences, for "X also supported the call".
            let appeal = recent_appeal
                .filter(|&(_, _, s0)| s0 + 2 >= si)
                .map(|(mi, code, _)| {
                    let a = match (carried_start..actors.len()).find(|&a| actors[a].mention == mi) {
                        Some(a) => a,
                        None => {
                            actors.push(actor_of(&mentions[mi], mi, 0, 0, false));
                            actors.len() - 1
                        }
                    };
                    (a, code)
                });
            // The violence of the last two sentences, for "X condemned the attack".
            let violent = recent_violence
                .filter(|&(_, s0)| s0 + 2 >= si)
                .map(|(mi, _)| {
                    match (carried_start..actors.len()).find(|&a| actors[a].mention == mi) {
                        Some(a) => a,
                        None => {
                            actors.push(actor_of(&mentions[mi], mi, 0, 0, false));
                            actors.len() - 1
                        }
                    }
                });
            let prior = acts.carry(si, |mi| {
                match (carried_start..actors.len()).find(|&a| actors[a].mention == mi) {
                    Some(a) => a,
                    None => {
                        actors.push(actor_of(&mentions[mi], mi, 0, 0, false));
                        actors.len() - 1
                    }
                }
            });
            let force = recent_force
                .filter(|&(_, _, s0)| s0 + 2 >= si)
                .map(|(ms, mt, _)| {
                    let mut carried = |mi: usize| match (carried_start..actors.len())
                        .find(|&a| actors[a].mention == mi)
                    {
                        Some(a) => a,
                        None => {
                            actors.push(actor_of(&mentions[mi], mi, 0, 0, false));
                            actors.len() - 1
                        }
                    };
                    (carried(ms), carried(mt))
                });
            let stext = &text[s.span.clone()];
            let dates = dates::find_dates(stext, published);
            let mut sc =
                SentenceCoder::new(text, s, &self.patterns, &actors, &dates, &prev, published);
            sc.prev_accusers = &accusers;
            sc.prev_appeal = appeal;
            sc.prev_violent = violent;
            sc.prior_acts = &prior;
            sc.home = home.as_deref();
            sc.prev_force = force;
            let mut subj = Vec::new();
            let found = sc.code(&mut subj);
            acts.record(&found, &actors, s, si);
            for f in &found {
                if let Some(t) = f.target.filter(|&t| {
                    matches!(&f.code[..2], "18" | "19" | "20")
                        && !f.negated
                        && actors[t].key.len() == 3
                        && actors[f.source].key.len() == 3
                        && actors[t].key != actors[f.source].key
                }) {
                    recent_force = Some((actors[f.source].mention, actors[t].mention, si));
                }
            }
            let sent_span = off.span(s.span.clone());
            let evidence = |src: Option<usize>, tgt: Option<usize>, trig: usize| Evidence {
                text: stext.to_string(),
                source_span: src
                    .filter(|&a| actors[a].in_sentence)
                    .map(|a| off.span(actors[a].start..actors[a].end)),
                target_span: tgt
                    .filter(|&a| actors[a].in_sentence)
                    .map(|a| off.span(actors[a].start..actors[a].end)),
                trigger_span: Some(off.span(s.token_span(trig))),
            };
            let aref = |a: usize| ActorRef::from(&mentions[actors[a].mention]);
            let onto = Ontology::get();
            for f in &found {
                let Some(e) = onto.lookup(f.code) else {
                    continue;
                };
                let n = out.events.len();
                out.events.push(Event {
                    id: format!("{aid}-{si}-{n}"),
                    article_id: aid.to_string(),
                    sentence: si as u32,
                    date: f.date.map(|d| d.to_string()),
                    date_precision: f.date.map(|d| d.precision),
                    source: Some(aref(f.source)),
                    target: f.target.map(aref),
                    others: f.others.iter().map(|&a| aref(a)).collect(),
                    cameo: e.code.to_string(),
                    cameo_root: e.root.to_string(),
                    plover_type: e.plover_type.to_string(),
                    plover_mode: e.plover_mode.map(str::to_string),
                    goldstein: e.goldstein,
                    quad_class: e.quad_class,
                    location: f.location.map(|l| {
                        let m = &mentions[actors[l].mention];
                        Location {
                            text: m.text.clone(),
                            country: m.country.clone(),
                        }
                    }),
                    negated: f.negated,
                    modality: f.modality,
                    attributed_to: f.attributed_to.map(aref),
                    confidence: f.confidence,
                    evidence: evidence(Some(f.source), f.target, f.trigger),
                });
            }
            let info = Info {
                mentions: &mentions,
                actors: &actors,
            };
            let (reps, recs) = sc.relations(&info);
            for r in reps {
                let (Some(snd), Some(rcv)) = (
                    mentions[actors[r.sender].mention].country.clone(),
                    mentions[actors[r.receiver].mention].country.clone(),
                ) else {
                    continue;
                };
                let ch = RepresentationChange {
                    sender: snd,
                    receiver: rcv,
                    from: r.from,
                    to: r.to,
                    action: r.action.to_string(),
                    effective: r.date,
                    article_id: aid.to_string(),
                    sentence: si as u32,
                    evidence: evidence(Some(r.sender), Some(r.receiver), r.trigger),
                    confidence: r.confidence,
                };
                if !out.representation_changes.iter().any(|x| {
                    x.sender == ch.sender
                        && x.receiver == ch.receiver
                        && x.sentence == ch.sentence
                        && x.to == ch.to
                }) {
                    out.representation_changes.push(ch);
                }
            }
            for r in recs {
                let g = &mentions[actors[r.government].mention];
                let (Some(rc), Some(gs)) = (
                    mentions[actors[r.recognizer].mention].country.clone(),
                    g.country.clone(),
                ) else {
                    continue;
                };
                let fact = RecognitionFact {
                    recognizer: rc,
                    government: g.code.clone(),
                    governed_state: gs,
                    kind: r.kind,
                    effective: r.date,
                    article_id: aid.to_string(),
                    sentence: si as u32,
                    evidence: evidence(Some(r.recognizer), Some(r.government), r.trigger),
                    confidence: r.confidence,
                };
                if !out.recognitions.iter().any(|x| {
                    x.recognizer == fact.recognizer
                        && x.government == fact.government
                        && x.sentence == fact.sentence
                }) {
                    out.recognitions.push(fact);
                }
            }
            let _ = sent_span;
            for f in &found {
                if (f.code.starts_with("02") || f.code.starts_with("10")) && !f.negated {
                    if let Some(t) = f.target {
                        recent_appeal = Some((actors[t].mention, f.code, si));
                    }
                }
                if matches!(&f.code[..2], "18" | "19" | "20")
                    && !f.negated
                    && f.modality == attache_core::Modality::Actual
                    && actors[f.source].in_sentence
                    && actors[f.source].usable
                {
                    recent_violence = Some((actors[f.source].mention, si));
                }
                if f.code.starts_with("11") && !f.negated && actors[f.source].in_sentence {
                    recent_accusers.retain(|&(m, _)| m != actors[f.source].mention);
                    recent_accusers.push((actors[f.source].mention, si));
                }
            }
            // Carry the main subject (if named in this sentence) for pronouns next time.
            let named: Vec<usize> = subj
                .iter()
                .filter(|&&a| actors[a].in_sentence)
                .map(|&a| actors[a].mention)
                .collect();
            if !named.is_empty() {
                prev_subject_mentions = named;
            }
        }
        out.mentions = mentions;
        out
    }
}

/// Nouns that make a place or body named right before them the name of a document:
/// "the Rome Statute", "the Ankara Declaration", "the Minsk agreements", "the U.N.
/// Charter".
const DOCUMENTS: &[&str] = &[
    "statute",
    "declaration",
    "accord",
    "accords",
    "agreement",
    "agreements",
    "protocol",
    "treaty",
    "convention",
    "conventions",
    "charter",
    "communique",
    "memorandum",
    "format",
    "process",
];

/// Whether the word right after byte `end` of `text` (one space between) is one of
/// [`DOCUMENTS`].
fn names_a_document(text: &str, end: usize) -> bool {
    let Some(rest) = text.get(end..).and_then(|r| r.strip_prefix(' ')) else {
        return false;
    };
    let word: String = rest
        .chars()
        .take_while(|c| c.is_alphabetic())
        .collect::<String>()
        .to_lowercase();
    DOCUMENTS.contains(&word.as_str())
}

fn actor_of(m: &Mention, mi: usize, start: usize, end: usize, in_sentence: bool) -> Actor {
    let key = m.country.clone().unwrap_or_else(|| m.code.clone());
    let usable = !key.is_empty()
        && m.resolved_by != attache_core::ResolvedBy::Unresolved
        && (m.country.is_some() || !matches!(m.kind, MentionKind::Agent));
    Actor {
        start,
        end,
        key,
        usable,
        place: matches!(m.kind, MentionKind::State | MentionKind::Government)
            && m.country.is_some(),
        mention: mi,
        in_sentence,
        weak: m.kind == MentionKind::Agent && m.resolved_by == attache_core::ResolvedBy::Inferred,
        armed_group: matches!(m.sector.as_deref(), Some("REB" | "INS" | "SEP" | "CRM")),
        civilian: matches!(m.sector.as_deref(), Some("CVL" | "REF")),
        outside_power: matches!(
            m.sector.as_deref(),
            Some("OPP" | "PTY" | "NGO" | "LAB" | "EDU" | "MED")
        ),
    }
}

#[cfg(test)]
mod tests;
