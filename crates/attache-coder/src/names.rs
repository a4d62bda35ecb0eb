//! A minimal mention resolver: state names from the country table.
//!
//! Why it exists: the coder must run (and be benchmarked and tested) even where the full
//! actor lexicon is not wired in. It recognises only state names as written in
//! `data/lexicon/countries.tsv` (full and short names, case-insensitive, on word
//! boundaries); titles, people, capitals and "both sides" are the lexicon's job.

use crate::MentionResolver;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use attache_core::{country, Article, FuzzyDate, Mention, MentionKind, ResolvedBy, Span};
use attache_text::Doc;

/// State names from the country table.
pub struct CountryNames {
    ac: AhoCorasick,
    iso3: Vec<&'static str>,
}

impl Default for CountryNames {
    fn default() -> Self {
        Self::new()
    }
}

impl CountryNames {
    pub fn new() -> CountryNames {
        let mut pats = Vec::new();
        let mut iso3 = Vec::new();
        for c in country::all() {
            for n in [c.name, c.short] {
                if n.len() >= 4 && !pats.contains(&n) {
                    pats.push(n);
                    iso3.push(c.iso3);
                }
            }
        }
        let ac = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .build(&pats)
            .unwrap_or_else(|_| AhoCorasick::new([""; 0]).expect("empty automaton builds"));
        CountryNames { ac, iso3 }
    }
}

impl MentionResolver for CountryNames {
    fn resolve(
        &self,
        doc: &Doc,
        _article: &Article,
        _published: Option<FuzzyDate>,
    ) -> Vec<Mention> {
        let text = doc.text;
        let mut out = Vec::new();
        for (si, s) in doc.sentences.iter().enumerate() {
            let st = &text[s.span.clone()];
            for m in self.ac.find_iter(st) {
                let (a, b) = (s.span.start + m.start(), s.span.start + m.end());
                let before = text[..a].chars().next_back();
                let after = text[b..].chars().next();
                if before.is_some_and(char::is_alphanumeric)
                    || after.is_some_and(char::is_alphanumeric)
                {
                    continue;
                }
                let iso = self.iso3[m.pattern().as_usize()];
                let cs = text[..a].chars().count() as u32;
                let ce = cs + text[a..b].chars().count() as u32;
                out.push(Mention {
                    sentence: si as u32,
                    span: Span::new(cs, ce),
                    text: text[a..b].to_string(),
                    kind: MentionKind::State,
                    code: iso.to_string(),
                    country: Some(iso.to_string()),
                    sector: None,
                    actor_id: Some(format!("state:{iso}")),
                    resolved_by: ResolvedBy::Lexicon,
                });
            }
        }
        out
    }
}
