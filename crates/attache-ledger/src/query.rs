//! Event listings over the store (`attache events`).
//!
//! Filters become SQL on the indexed columns of `events` (day, countries, codes,
//! CAMEO code); the full event is stored as its documented JSON and returned as
//! [`attache_core::Event`], so the command line prints exactly the event contract.

use crate::error::{Result, StoreError};
use crate::store::Store;
use attache_core::Event;
use rusqlite::types::Value;
use serde::Serialize;

/// Which events to list. Every field narrows the selection; all empty lists everything.
#[derive(Debug, Clone, Default)]
pub struct EventFilter {
    /// A state (ISO alpha-3, CAMEO or COW code: matches either side's country) or an
    /// actor code prefix (`AFGGOVTAL`, `UN`, `PAKMIL`) matched against either side.
    pub actor: Option<String>,
    /// Two actors as for `actor`: events between them, in either direction.
    pub dyad: Option<(String, String)>,
    /// CAMEO code prefix (`04`, `042`).
    pub code_prefix: Option<String>,
    /// Earliest day, `YYYY[-MM[-DD]]` (inclusive).
    pub from: Option<String>,
    /// Latest day, `YYYY[-MM[-DD]]` (inclusive; `2025-05` means to the end of May).
    pub to: Option<String>,
    pub limit: Option<usize>,
}

/// An actor as a filter: a state or a code prefix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum ActorKey {
    Country(String),
    Code(String),
}

impl ActorKey {
    pub(crate) fn parse(s: &str) -> Result<ActorKey> {
        let t = s.trim();
        if t.is_empty() {
            return Err(StoreError::Invalid(
                "empty actor: give a country (PAK) or an actor code (AFGGOVTAL)".into(),
            ));
        }
        if t.len() == 3 || t.chars().all(|c| c.is_ascii_digit()) {
            if let Some(c) = attache_core::country::by_code(t) {
                return Ok(ActorKey::Country(c.iso3.to_string()));
            }
        }
        Ok(ActorKey::Code(t.to_ascii_uppercase()))
    }

    /// SQL condition on one side (`source` or `target`) and its parameter.
    pub(crate) fn cond(&self, side: &str, params: &mut Vec<Value>) -> String {
        match self {
            ActorKey::Country(c) => {
                params.push(Value::Text(c.clone()));
                format!("{side}_country = ?{}", params.len())
            }
            ActorKey::Code(p) => {
                params.push(Value::Text(format!("{}%", escape_like(p))));
                format!("{side}_code LIKE ?{} ESCAPE '\\'", params.len())
            }
        }
    }
}

fn escape_like(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_")
}

/// Resolve a state argument to ISO alpha-3.
pub(crate) fn country_iso3(s: &str) -> Result<String> {
    attache_core::country::by_code(s)
        .map(|c| c.iso3.to_string())
        .ok_or_else(|| StoreError::UnknownCountry(s.to_string()))
}

/// Upper bound key for an inclusive `to` date of any precision.
pub(crate) fn to_bound(to: &str) -> Result<String> {
    let f = attache_core::FuzzyDate::parse(to).ok_or_else(|| {
        StoreError::Invalid(format!("date {to:?}: use YYYY, YYYY-MM or YYYY-MM-DD"))
    })?;
    Ok(match f.precision {
        attache_core::DatePrecision::Day => crate::dates::key_of(&f),
        attache_core::DatePrecision::Month => {
            format!(
                "{:04}-{:02}-{:02}",
                f.year,
                f.month,
                attache_core::date::days_in_month(f.year, f.month)
            )
        }
        attache_core::DatePrecision::Year => format!("{:04}-12-31", f.year),
    })
}

/// Lower bound key for an inclusive `from` date.
pub(crate) fn from_bound(from: &str) -> Result<String> {
    attache_core::FuzzyDate::parse(from)
        .map(|f| crate::dates::key_of(&f))
        .ok_or_else(|| {
            StoreError::Invalid(format!("date {from:?}: use YYYY, YYYY-MM or YYYY-MM-DD"))
        })
}

/// A short view of an event for reports (`dyad`, `relations`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EventBrief {
    pub id: String,
    pub date: Option<String>,
    pub source: Option<String>,
    pub target: Option<String>,
    pub cameo: String,
    pub quad_class: u8,
    pub goldstein: f32,
    pub article_id: String,
    pub text: String,
}

impl From<&Event> for EventBrief {
    fn from(e: &Event) -> EventBrief {
        EventBrief {
            id: e.id.clone(),
            date: e.date.clone(),
            source: e.source.as_ref().map(|a| a.code.clone()),
            target: e.target.as_ref().map(|a| a.code.clone()),
            cameo: e.cameo.clone(),
            quad_class: e.quad_class,
            goldstein: e.goldstein,
            article_id: e.article_id.clone(),
            text: e.evidence.text.clone(),
        }
    }
}

/// An event flattened to one row of scalar columns, for csv/tsv/table output (the JSON
/// output prints the full [`Event`]).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EventRow {
    pub id: String,
    pub article_id: String,
    pub sentence: u32,
    pub date: Option<String>,
    pub source: Option<String>,
    pub source_country: Option<String>,
    pub target: Option<String>,
    pub target_country: Option<String>,
    pub cameo: String,
    pub cameo_root: String,
    pub plover_type: String,
    pub quad_class: u8,
    pub goldstein: f32,
    pub location: Option<String>,
    pub negated: bool,
    pub modality: String,
    pub attributed_to: Option<String>,
    pub confidence: f32,
    pub text: String,
}

impl From<&Event> for EventRow {
    fn from(e: &Event) -> EventRow {
        EventRow {
            id: e.id.clone(),
            article_id: e.article_id.clone(),
            sentence: e.sentence,
            date: e.date.clone(),
            source: e.source.as_ref().map(|a| a.code.clone()),
            source_country: e.source.as_ref().and_then(|a| a.country.clone()),
            target: e.target.as_ref().map(|a| a.code.clone()),
            target_country: e.target.as_ref().and_then(|a| a.country.clone()),
            cameo: e.cameo.clone(),
            cameo_root: e.cameo_root.clone(),
            plover_type: e.plover_type.clone(),
            quad_class: e.quad_class,
            goldstein: e.goldstein,
            location: e
                .location
                .as_ref()
                .map(|l| l.country.clone().unwrap_or_else(|| l.text.clone())),
            negated: e.negated,
            modality: crate::store::enum_name(&e.modality),
            attributed_to: e.attributed_to.as_ref().map(|a| a.code.clone()),
            confidence: e.confidence,
            text: e.evidence.text.clone(),
        }
    }
}

impl Store {
    /// Events matching the filter, oldest first (by day, then article and position).
    pub fn events(&self, f: &EventFilter) -> Result<Vec<Event>> {
        let mut conds: Vec<String> = Vec::new();
        let mut params: Vec<Value> = Vec::new();
        if let Some(a) = &f.actor {
            let k = ActorKey::parse(a)?;
            let s = k.cond("source", &mut params);
            let t = k.cond("target", &mut params);
            conds.push(format!("({s} OR {t})"));
        }
        if let Some((a, b)) = &f.dyad {
            let (ka, kb) = (ActorKey::parse(a)?, ActorKey::parse(b)?);
            let c1 = format!(
                "({} AND {})",
                ka.cond("source", &mut params),
                kb.cond("target", &mut params)
            );
            let c2 = format!(
                "({} AND {})",
                kb.cond("source", &mut params),
                ka.cond("target", &mut params)
            );
            conds.push(format!("({c1} OR {c2})"));
        }
        if let Some(c) = &f.code_prefix {
            params.push(Value::Text(format!("{}%", escape_like(c.trim()))));
            conds.push(format!("cameo LIKE ?{} ESCAPE '\\'", params.len()));
        }
        if let Some(d) = &f.from {
            params.push(Value::Text(from_bound(d)?));
            conds.push(format!("day >= ?{}", params.len()));
        }
        if let Some(d) = &f.to {
            params.push(Value::Text(to_bound(d)?));
            conds.push(format!("day <= ?{}", params.len()));
        }
        let mut sql = String::from("SELECT json FROM events");
        if !conds.is_empty() {
            sql.push_str(" WHERE ");
            sql.push_str(&conds.join(" AND "));
        }
        sql.push_str(" ORDER BY day IS NULL, day, article_id, n");
        if let Some(l) = f.limit {
            sql.push_str(&format!(" LIMIT {l}"));
        }
        self.event_query(&sql, params)
    }

    pub(crate) fn event_query(&self, sql: &str, params: Vec<Value>) -> Result<Vec<Event>> {
        let mut st = self.conn.prepare_cached(sql).map_err(self.sql())?;
        let rows = st
            .query_map(rusqlite::params_from_iter(params), |r| {
                r.get::<_, String>(0)
            })
            .map_err(self.sql())?;
        let mut out = Vec::new();
        for j in rows {
            let j = j.map_err(self.sql())?;
            out.push(serde_json::from_str(&j).map_err(|e| StoreError::Corrupt {
                path: self.path.clone(),
                detail: format!("a stored event is not valid event JSON: {e}"),
            })?);
        }
        Ok(out)
    }
}
