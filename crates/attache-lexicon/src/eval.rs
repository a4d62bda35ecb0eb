//! `attache eval actors --gold F`: scores mention resolution against a gold file.
//!
//! Why this gold format (JSONL, one mini-article per line, mentions given by their text
//! and occurrence number rather than offsets): fixtures are written by hand, and
//! counting characters by hand is error-prone; the text and `nth` pin the span just as
//! well. A gold mention is correct when a predicted mention overlapping it has the
//! expected code (and country/sector when given). `"code": "PAK+AFG"` expects the
//! two mentions of a pair phrase; `"code": ""` expects an unresolved mention.

use crate::resolve::{resolve, DocContext};
use crate::Lexicon;
use attache_core::{FuzzyDate, Mention};
use attache_text::{Doc, Pipeline};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::Path;

/// Why the gold file could not be scored.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    #[error("cannot read {path}: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}:{line}: {message} (see docs/actors.md for the gold format)")]
    Gold {
        path: String,
        line: usize,
        message: String,
    },
}

#[derive(Debug, Deserialize)]
struct GoldArticle {
    #[serde(default)]
    id: Option<String>,
    #[serde(default)]
    date: Option<String>,
    #[serde(default)]
    dateline: Option<String>,
    #[serde(default)]
    title: Option<String>,
    text: String,
    mentions: Vec<GoldMention>,
}

#[derive(Debug, Deserialize)]
struct GoldMention {
    text: String,
    #[serde(default = "one")]
    nth: usize,
    code: String,
    #[serde(default)]
    country: Option<String>,
    #[serde(default)]
    sector: Option<String>,
    #[serde(default)]
    cat: Option<String>,
}

fn one() -> usize {
    1
}

/// One wrong or missing mention.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct ActorError {
    pub article: String,
    pub text: String,
    pub category: String,
    pub expected: String,
    pub got: String,
}

/// Scores of one run.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize)]
pub struct ActorsReport {
    pub total: usize,
    pub correct: usize,
    pub accuracy: f64,
    /// category → (total, correct)
    pub by_category: BTreeMap<String, (usize, usize)>,
    pub errors: Vec<ActorError>,
}

impl std::fmt::Display for ActorsReport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(
            f,
            "actor mentions: {}/{} correct ({:.1}%)",
            self.correct,
            self.total,
            self.accuracy * 100.0
        )?;
        for (c, (t, k)) in &self.by_category {
            writeln!(f, "  {c:<14} {k:>4}/{t:<4}")?;
        }
        for e in &self.errors {
            writeln!(
                f,
                "  ERROR {} [{}] {:?}: expected {}, got {}",
                e.article, e.category, e.text, e.expected, e.got
            )?;
        }
        Ok(())
    }
}

fn describe(m: &Mention) -> String {
    format!(
        "{}({}/{}/{:?})",
        if m.code.is_empty() { "-" } else { &m.code },
        m.country.as_deref().unwrap_or("-"),
        m.sector.as_deref().unwrap_or("-"),
        m.resolved_by
    )
}

/// Score the lexicon and resolver on a gold file, parsing with the NLP pipeline.
pub fn eval_actors(
    lex: &Lexicon,
    pipeline: &Pipeline,
    gold_path: &Path,
) -> Result<ActorsReport, EvalError> {
    eval_actors_with(lex, &|t| pipeline.parse(t), gold_path)
}

/// Score with any parser (e.g. [`crate::lookup::simple_doc`] when no models are at hand).
pub fn eval_actors_with(
    lex: &Lexicon,
    parse: &dyn for<'t> Fn(&'t str) -> Doc<'t>,
    gold_path: &Path,
) -> Result<ActorsReport, EvalError> {
    let path = gold_path.display().to_string();
    let text = std::fs::read_to_string(gold_path).map_err(|source| EvalError::Io {
        path: path.clone(),
        source,
    })?;
    let mut rep = ActorsReport::default();
    for (ln, line) in text.lines().enumerate() {
        let line_no = ln + 1;
        if line.trim().is_empty() || line.trim_start().starts_with("//") {
            continue;
        }
        let gerr = |message: String| EvalError::Gold {
            path: path.clone(),
            line: line_no,
            message,
        };
        let g: GoldArticle = serde_json::from_str(line).map_err(|e| gerr(e.to_string()))?;
        let date = match &g.date {
            Some(d) => Some(
                FuzzyDate::parse(d).ok_or_else(|| gerr(format!("date {d:?} is not YYYY-MM-DD")))?,
            ),
            None => None,
        };
        let doc = parse(&g.text);
        let ctx = DocContext {
            published: date,
            dateline: g.dateline.clone(),
            title: g.title.clone(),
        };
        let mentions = resolve(lex, &doc, &ctx);
        let art = g.id.clone().unwrap_or_else(|| format!("line {line_no}"));
        for gm in &g.mentions {
            let Some(b) = g
                .text
                .match_indices(&gm.text)
                .nth(gm.nth.saturating_sub(1))
                .map(|(i, _)| i)
            else {
                return Err(gerr(format!(
                    "mention {:?} (occurrence {}) is not in the text",
                    gm.text, gm.nth
                )));
            };
            let cs = g.text[..b].chars().count() as u32;
            let ce = cs + gm.text.chars().count() as u32;
            let overlap = |m: &Mention| m.span.end.min(ce).saturating_sub(m.span.start.max(cs));
            let best = mentions
                .iter()
                .filter(|m| overlap(m) > 0)
                .max_by_key(|m| overlap(m));
            let cat = gm.cat.clone().unwrap_or_else(|| "other".into());
            let entry = rep.by_category.entry(cat.clone()).or_default();
            entry.0 += 1;
            rep.total += 1;
            let (ok, got) = match best {
                None => (false, "no mention".to_string()),
                Some(m) if gm.code.contains('+') => {
                    let mut want: Vec<&str> = gm.code.split('+').collect();
                    want.sort();
                    let same: Vec<&Mention> =
                        mentions.iter().filter(|x| x.span == m.span).collect();
                    let mut have: Vec<&str> = same.iter().map(|x| x.code.as_str()).collect();
                    have.sort();
                    (want == have, have.join("+"))
                }
                Some(m) => {
                    let code_ok = m.code == gm.code;
                    let country_ok = gm
                        .country
                        .as_ref()
                        .is_none_or(|c| m.country.as_ref() == Some(c));
                    let sector_ok = gm
                        .sector
                        .as_ref()
                        .is_none_or(|s| m.sector.as_ref() == Some(s));
                    (code_ok && country_ok && sector_ok, describe(m))
                }
            };
            if ok {
                rep.correct += 1;
                entry.1 += 1;
            } else {
                rep.errors.push(ActorError {
                    article: art.clone(),
                    text: gm.text.clone(),
                    category: cat,
                    expected: format!(
                        "{}({}/{})",
                        if gm.code.is_empty() { "-" } else { &gm.code },
                        gm.country.as_deref().unwrap_or("*"),
                        gm.sector.as_deref().unwrap_or("*")
                    ),
                    got,
                });
            }
        }
    }
    rep.accuracy = if rep.total == 0 {
        0.0
    } else {
        rep.correct as f64 / rep.total as f64
    };
    Ok(rep)
}
