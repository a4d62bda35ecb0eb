//! `attache actors lookup`: what a phrase resolves to, and why.
//!
//! Why two parts: the exact entries a phrase names (all of them, also those not valid
//! at the date, so a user sees why an alias did not apply) and what the article
//! resolver makes of the phrase as a one-sentence text ("Pakistan's Foreign Minister
//! Ishaq Dar" is no entry, but resolves through the title rule).

use crate::lexicon::{Lexicon, NameHow, Target};
use crate::resolve::{plain_actor, resolve, DocContext, Hit};
use crate::token::{key_of, tokenize};
use attache_core::{FuzzyDate, MentionKind, ResolvedBy};
use attache_text::doc::{Doc, Sentence, TokenRecord, Upos};

/// One answer of [`Lexicon::lookup`].
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Resolution {
    /// The text the answer is about (the phrase, or part of it).
    pub text: String,
    pub entry_id: Option<String>,
    pub kind: MentionKind,
    pub code: String,
    pub country: Option<String>,
    pub sector: Option<String>,
    pub resolved_by: ResolvedBy,
    /// Which rule: "name", "adjective", "seat", "dated name", "person office",
    /// "agent word", "PETRARCH actor", "pair phrase", or "in context: …".
    pub rule: String,
    /// Where the entry is defined (file:line), when it is one entry.
    pub origin: Option<String>,
    /// False when the entry exists but does not apply at the date.
    pub valid: bool,
}

impl std::fmt::Display for Resolution {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let o = |x: &Option<String>| x.clone().unwrap_or_else(|| "-".into());
        write!(
            f,
            "{:?}\t{}\t{:?}\tcountry={}\tsector={}\tid={}\t{}{}{}",
            self.text,
            if self.code.is_empty() {
                "(unresolved)"
            } else {
                &self.code
            },
            self.kind,
            o(&self.country),
            o(&self.sector),
            o(&self.entry_id),
            self.rule,
            self.origin
                .as_ref()
                .map(|x| format!(" ({x})"))
                .unwrap_or_default(),
            if self.valid {
                ""
            } else {
                " [does not apply here: case or date]"
            }
        )
    }
}

impl Lexicon {
    /// What `phrase` resolves to at `date`, and why.
    pub fn lookup(&self, phrase: &str, date: Option<FuzzyDate>) -> Vec<Resolution> {
        let mut out = Vec::new();
        let key = key_of(phrase);
        let toks = tokenize(phrase, 0);
        if let Some(pi) = self.patterns.iter().position(|p| p.key == key) {
            let pat = self.pattern(pi).clone();
            for pt in &pat.targets {
                let valid = self.target_ok(pt, &toks, date);
                if let Some(r) = self.exact(phrase, pt.target, date, valid) {
                    out.push(r);
                }
            }
        }
        // In context, as a one-sentence article.
        let doc = one_sentence_doc(phrase);
        let ctx = DocContext {
            published: date,
            ..Default::default()
        };
        for m in resolve(self, &doc, &ctx) {
            let dup = out
                .iter()
                .any(|r| r.valid && r.code == m.code && r.text == m.text);
            if dup {
                continue;
            }
            out.push(Resolution {
                text: m.text,
                entry_id: m.actor_id,
                kind: m.kind,
                code: m.code,
                country: m.country,
                sector: m.sector,
                resolved_by: m.resolved_by,
                rule: format!("in context: {:?}", m.resolved_by).to_lowercase(),
                origin: None,
                valid: true,
            });
        }
        out
    }

    fn exact(
        &self,
        phrase: &str,
        t: Target,
        date: Option<FuzzyDate>,
        valid: bool,
    ) -> Option<Resolution> {
        let text = phrase.trim().to_string();
        let hit = Hit {
            start: 0,
            end: 1,
            target: t,
        };
        match t {
            Target::Actor { idx, how } => {
                let a = &self.actors[idx as usize];
                // Report even entries outside their period.
                let r = plain_actor(self, &hit, if valid { date } else { a.period.from })?;
                Some(Resolution {
                    text,
                    entry_id: Some(a.id.clone()),
                    kind: r.kind,
                    code: r.code,
                    country: r.country,
                    sector: r.sector,
                    resolved_by: ResolvedBy::Lexicon,
                    rule: match how {
                        NameHow::DatedName(i) => {
                            format!("dated name {}", a.dated_names[i as usize].1)
                        }
                        h => h.as_str().to_string(),
                    } + &if a.period.is_open() {
                        String::new()
                    } else {
                        format!(", valid {}", a.period)
                    },
                    origin: Some(a.origin.to_string()),
                    valid,
                })
            }
            Target::Person { idx } => {
                let p = &self.people[idx as usize];
                let o = p.office_at(date);
                let r = crate::resolve::office_res(self, idx, date);
                let (code, country, sector) = match r {
                    Some(r) => (r.code, r.country, r.sector),
                    None => (String::new(), None, None),
                };
                Some(Resolution {
                    text,
                    entry_id: Some(p.id.clone()),
                    kind: MentionKind::Person,
                    code,
                    country,
                    sector,
                    resolved_by: ResolvedBy::Lexicon,
                    rule: match o {
                        Some(o) => format!("person office: {} {}", o.role, o.period),
                        None => "person, no office at this date".into(),
                    },
                    origin: Some(p.origin.to_string()),
                    valid,
                })
            }
            Target::Agent { idx } => {
                let a = &self.agents[idx as usize];
                Some(Resolution {
                    text,
                    entry_id: None,
                    kind: MentionKind::Agent,
                    code: String::new(),
                    country: None,
                    sector: Some(a.code.clone().unwrap_or_else(|| a.sector.clone())),
                    resolved_by: ResolvedBy::Lexicon,
                    rule: "agent word (country from a qualifier or the context)".into(),
                    origin: Some(a.origin.to_string()),
                    valid,
                })
            }
            Target::PetrActor { idx } => {
                let e = &self.petr_actors[idx as usize];
                let r = plain_actor(self, &hit, date);
                let (code, country, sector, kind) = match r {
                    Some(r) => (r.code, r.country, r.sector, r.kind),
                    None => (String::new(), None, None, MentionKind::Group),
                };
                Some(Resolution {
                    text,
                    entry_id: None,
                    kind,
                    code,
                    country,
                    sector,
                    resolved_by: ResolvedBy::Lexicon,
                    rule: "PETRARCH actor".into(),
                    origin: Some(e.origin.to_string()),
                    valid,
                })
            }
            Target::Pair => Some(Resolution {
                text,
                entry_id: None,
                kind: MentionKind::State,
                code: String::new(),
                country: None,
                sector: None,
                resolved_by: ResolvedBy::Context,
                rule: "pair phrase: the two states last mentioned together".into(),
                origin: None,
                valid,
            }),
        }
    }
}

/// A one-sentence document over `text`, cut by whitespace (no tags).
pub(crate) fn one_sentence_doc(text: &str) -> Doc<'_> {
    let mut d = simple_doc(text);
    let tokens: Vec<TokenRecord> = d.sentences.drain(..).flat_map(|s| s.tokens).collect();
    let sentences = if tokens.is_empty() {
        vec![]
    } else {
        vec![Sentence {
            span: 0..text.len(),
            tokens,
        }]
    };
    Doc { text, sentences }
}

/// A document cut by whitespace into tokens and after `.`, `!`, `?` into sentences,
/// with no tags: what the resolver needs when no NLP models are at hand (tests,
/// `lookup`). The lexicon re-tokenizes inside these tokens, so resolution is the same
/// as with a real tokenizer except for sentence boundaries after abbreviations.
pub fn simple_doc(text: &str) -> Doc<'_> {
    let mut sentences = Vec::new();
    let mut tokens = Vec::new();
    let mut pos = 0;
    for piece in text.split_inclusive(char::is_whitespace) {
        let w = piece.trim_end();
        if !w.is_empty() {
            tokens.push(TokenRecord {
                start: pos as u32,
                end: (pos + w.len()) as u32,
                upos: Upos::X,
                xpos: "_".into(),
                feats: "_".into(),
                lemma: w.to_lowercase(),
                head: 0,
                deprel: "dep".into(),
            });
            let abbrev = matches!(
                w,
                "Mr." | "Mrs." | "Ms." | "Dr." | "U.S." | "U.N." | "U.K." | "St."
            ) || (w.len() == 2 && w.ends_with('.'));
            let end = w.trim_end_matches(['"', '\'', '\u{201D}', '\u{2019}', ')']);
            if end.ends_with(['.', '!', '?']) && !abbrev {
                let st = tokens[0].start as usize;
                sentences.push(Sentence {
                    span: st..pos + w.len(),
                    tokens: std::mem::take(&mut tokens),
                });
            }
        }
        pos += piece.len();
    }
    if !tokens.is_empty() {
        let st = tokens[0].start as usize;
        let en = tokens.last().map(|t| t.end as usize).unwrap_or(st);
        sentences.push(Sentence {
            span: st..en,
            tokens,
        });
    }
    Doc { text, sentences }
}
