//! The relations ledger: representation per directed dyad, recognition of governments,
//! curation, and the `dyad`, `relations` and `changes` reports.
//!
//! Nothing is ever overwritten or deleted. Every reported change is a row (from news,
//! curated by an analyst, or imported from COW); a retraction is a row of its own. The
//! state of a relationship is *derived* on every read from the stored rows sorted by
//! effective date, then evidence strength (curated > news > COW, then confidence), then
//! the row id — never by insertion order — so ingesting articles in any order, or
//! ingesting one twice, yields the same ledger. Rules (documented in docs/ledger.md):
//!
//! * a retracted row, or a news row below [`MIN_CONFIDENCE`], takes no part in the state
//!   but stays listed with its status;
//! * a curated fact outranks derived rows with another level dated from its `since` up to
//!   the day it was recorded (the analyst knew of them);
//! * rows on the same date with different levels are a conflict: the strongest wins, the
//!   others stay visible as `conflicting`;
//! * consecutive rows with the same level corroborate one period (their evidence is
//!   pooled); the first row's reported previous level opens the history.

use crate::dates::{key_of, precision_name};
use crate::error::{Result, StoreError};
use crate::query::{country_iso3, EventBrief};
use crate::store::{begin_write, enum_name, Store};
use attache_core::{FuzzyDate, RecognitionKind, RepLevel};
use rusqlite::{params, OptionalExtension};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// News-derived rows below this confidence are kept but do not set the state.
pub const MIN_CONFIDENCE: f32 = 0.5;

/// One representation change or recognition fact, flat (renders as a table row).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ChangeRow {
    /// `representation` or `recognition`.
    pub kind: &'static str,
    pub id: String,
    /// Effective date as known (`2025-05-30`, `2025-05`, `2006`); null when unknown.
    pub date: Option<String>,
    pub date_precision: Option<String>,
    /// True when the text gave no date and the article's publication date was used.
    pub date_from_article: bool,
    /// Representation: the sending state. Recognition: the recognizing state.
    pub sender: String,
    /// Representation: the receiving state. Recognition: the state the government governs.
    pub receiver: String,
    /// Recognition only: the government's actor code (`AFGGOVTAL`).
    pub government: Option<String>,
    /// Representation: `upgrade`, `expel`, …, `curated`, `cow`. Recognition: the kind
    /// (`recognizes`, `formal_relations`, `accepts_envoy`, `withholds`).
    pub action: String,
    /// Representation: level before, when reported.
    pub from_level: Option<String>,
    /// The level (representation) or kind (recognition) in force before this row's date
    /// in the derived ledger; for the earliest rows, the level they report as previous.
    pub previous: Option<String>,
    /// Representation: level after.
    pub level: Option<String>,
    pub cow_level: Option<u8>,
    /// `news`, `curated` or `cow`.
    pub origin: String,
    /// Curated: the analyst's source; COW: `COW DE v…`; news: the article's source.
    pub source: Option<String>,
    pub note: Option<String>,
    pub article_id: Option<String>,
    pub sentence: Option<u32>,
    /// The evidence sentence.
    pub evidence: Option<String>,
    pub url: Option<String>,
    pub title: Option<String>,
    pub confidence: f32,
    /// `current`, `superseded`, `conflicting`, `outranked`, `weak` or `retracted`.
    pub status: String,
    pub retracted_reason: Option<String>,
    pub retracted_at: Option<String>,
    pub recorded_at: String,
}

/// Evidence for a level or a recognition.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EvidenceItem {
    pub change_id: String,
    pub origin: String,
    pub action: String,
    pub date: Option<String>,
    pub article_id: Option<String>,
    pub sentence: Option<u32>,
    pub text: Option<String>,
    pub url: Option<String>,
    pub title: Option<String>,
    pub source: Option<String>,
    pub note: Option<String>,
    pub confidence: f32,
}

impl From<&ChangeRow> for EvidenceItem {
    fn from(c: &ChangeRow) -> EvidenceItem {
        EvidenceItem {
            change_id: c.id.clone(),
            origin: c.origin.clone(),
            action: c.action.clone(),
            date: c.date.clone(),
            article_id: c.article_id.clone(),
            sentence: c.sentence,
            text: c.evidence.clone(),
            url: c.url.clone(),
            title: c.title.clone(),
            source: c.source.clone(),
            note: c.note.clone(),
            confidence: c.confidence,
        }
    }
}

/// An earlier period of a direction.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HistoryEntry {
    pub level: &'static str,
    pub cow_level: u8,
    /// Null when the level is known only as the "previous level" of a later report.
    pub since: Option<String>,
    pub until: Option<String>,
    pub evidence: Vec<EvidenceItem>,
}

/// A report that lost a same-date conflict.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Conflict {
    pub level: String,
    pub date: Option<String>,
    /// Id of the row that won.
    pub outranked_by: String,
    pub evidence: EvidenceItem,
}

/// Representation of `sender` in `receiver`: now, since when, and before.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DirectionState {
    pub sender: String,
    pub sender_name: String,
    pub receiver: String,
    pub receiver_name: String,
    /// Level name (`ambassador`, `charge_d_affaires`, …); null when nothing is known.
    pub level: Option<&'static str>,
    pub cow_level: Option<u8>,
    pub since: Option<String>,
    pub since_precision: Option<String>,
    /// True when the report gave no date and `since` is its publication date.
    pub since_is_report_date: bool,
    /// Earlier levels, the most recent first.
    pub history: Vec<HistoryEntry>,
    /// Evidence for the current level (all corroborating reports).
    pub evidence: Vec<EvidenceItem>,
    pub conflicts: Vec<Conflict>,
    /// Every stored row of this direction, oldest first, with its status.
    pub changes: Vec<ChangeRow>,
}

/// Where a state stands towards a government.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RecognitionState {
    pub recognizer: String,
    pub recognizer_name: String,
    pub government: String,
    pub governed_state: String,
    /// Current kind: `recognizes`, `formal_relations`, `accepts_envoy`, `withholds`.
    pub kind: Option<String>,
    pub since: Option<String>,
    /// True when no report gave a date and `since` is the publication date of the first
    /// report: the stance held *as of* then, it did not necessarily start then.
    pub since_is_report_date: bool,
    pub evidence: Vec<EvidenceItem>,
    /// Earlier stances, the most recent first.
    pub history: Vec<RecognitionHistory>,
    pub changes: Vec<ChangeRow>,
}

/// An earlier stance.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RecognitionHistory {
    pub kind: String,
    pub since: Option<String>,
    pub until: Option<String>,
}

/// `attache dyad A B`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DyadReport {
    pub a: String,
    pub a_name: String,
    pub b: String,
    pub b_name: String,
    /// `[A → B, B → A]`.
    pub directions: Vec<DirectionState>,
    /// How each side stands towards governments of the other.
    pub recognition: Vec<RecognitionState>,
    pub event_count: u64,
    /// Latest actual, non-negated events between them, newest first.
    pub recent_events: Vec<EventBrief>,
    pub trend: crate::analytics::Trend,
}

/// One counterpart in `attache relations C` (flat: renders as a table row).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RelationRow {
    pub country: String,
    pub counterpart: String,
    pub counterpart_name: String,
    /// Representation of `country` in `counterpart`.
    pub level_out: Option<&'static str>,
    pub cow_level_out: Option<u8>,
    pub since_out: Option<String>,
    /// Representation of `counterpart` in `country`.
    pub level_in: Option<&'static str>,
    pub cow_level_in: Option<u8>,
    pub since_in: Option<String>,
    /// Current recognition facts between them, e.g. `CHN formal_relations AFGGOVTAL since 2023-09`
    /// (`(reported 2025-05-30)` instead of `since` when only the report's date is known).
    pub recognition: Vec<String>,
    pub event_count: u64,
    pub last_event_date: Option<String>,
    pub last_event: Option<String>,
}

/// Which changes `attache changes` lists.
#[derive(Debug, Clone, Default)]
pub struct ChangeFilter {
    /// Earliest effective date (`YYYY[-MM[-DD]]`); rows without a date are listed when
    /// recorded on or after it.
    pub since: Option<String>,
    /// Only rows involving this state.
    pub country: Option<String>,
    pub limit: Option<usize>,
}

/// A row as loaded, with what the derivation needs.
#[derive(Debug, Clone)]
struct Loaded {
    row: ChangeRow,
    /// Effective date key, `""` when undated (sorts first).
    key: String,
    rank: u8,
    retracted: bool,
}

fn rank(origin: &str) -> u8 {
    match origin {
        "curated" => 2,
        "news" => 1,
        _ => 0,
    }
}

fn name_of(iso3: &str) -> String {
    attache_core::country::by_code(iso3)
        .map(|c| c.short.to_string())
        .unwrap_or_else(|| iso3.to_string())
}

fn level_of(name: &str) -> Option<RepLevel> {
    RepLevel::parse(name)
}

const REP_SELECT: &str = "SELECT c.id, c.origin, c.sender, c.receiver, c.from_level, c.to_level,
        c.action, c.effective, c.precision, c.date_from_article, c.article_id, c.sentence,
        c.evidence, c.confidence, c.source, c.note, c.recorded_at, a.url, a.title, a.source,
        r.reason, r.retracted_at
    FROM representation_changes c
    LEFT JOIN articles a ON a.id = c.article_id
    LEFT JOIN retractions r ON r.change_id = c.id";

const REC_SELECT: &str = "SELECT c.id, c.origin, c.recognizer, c.governed_state, c.government,
        c.kind, c.effective, c.precision, c.date_from_article, c.article_id, c.sentence,
        c.evidence, c.confidence, c.source, c.note, c.recorded_at, a.url, a.title, a.source,
        r.reason, r.retracted_at
    FROM recognition_facts c
    LEFT JOIN articles a ON a.id = c.article_id
    LEFT JOIN retractions r ON r.change_id = c.id";

fn evidence_text(json: Option<String>) -> Option<String> {
    json.and_then(|j| serde_json::from_str::<attache_core::Evidence>(&j).ok())
        .map(|e| e.text)
}

fn printed(key: &Option<String>, precision: &Option<String>) -> Option<String> {
    key.as_deref()
        .and_then(|k| crate::dates::fuzzy_from_key(k, precision.as_deref()))
        .map(|f| f.to_string())
}

fn rep_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Loaded> {
    let origin: String = r.get(1)?;
    let key: Option<String> = r.get(7)?;
    let precision: Option<String> = r.get(8)?;
    let to: String = r.get(5)?;
    let article_source: Option<String> = r.get(19)?;
    let reason: Option<String> = r.get(20)?;
    let row = ChangeRow {
        kind: "representation",
        id: r.get(0)?,
        date: printed(&key, &precision),
        date_precision: precision,
        date_from_article: r.get(9)?,
        sender: r.get(2)?,
        receiver: r.get(3)?,
        government: None,
        action: r.get(6)?,
        from_level: r.get(4)?,
        previous: None,
        cow_level: level_of(&to).map(RepLevel::cow_level),
        level: Some(to),
        source: r.get::<_, Option<String>>(14)?.or(article_source),
        note: r.get(15)?,
        article_id: r.get(10)?,
        sentence: r.get(11)?,
        evidence: evidence_text(r.get(12)?),
        url: r.get(17)?,
        title: r.get(18)?,
        confidence: r.get::<_, f64>(13)? as f32,
        status: String::new(),
        retracted_reason: reason,
        retracted_at: r.get(21)?,
        recorded_at: r.get(16)?,
        origin: origin.clone(),
    }
    .into_loaded(key, &origin);
    Ok(row)
}

impl ChangeRow {
    fn into_loaded(self, key: Option<String>, origin: &str) -> Loaded {
        let retracted = self.retracted_reason.is_some();
        Loaded {
            row: self,
            key: key.unwrap_or_default(),
            rank: rank(origin),
            retracted,
        }
    }
}

fn rec_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Loaded> {
    let origin: String = r.get(1)?;
    let key: Option<String> = r.get(6)?;
    let precision: Option<String> = r.get(7)?;
    let article_source: Option<String> = r.get(18)?;
    let reason: Option<String> = r.get(19)?;
    let row = ChangeRow {
        kind: "recognition",
        id: r.get(0)?,
        date: printed(&key, &precision),
        date_precision: precision,
        date_from_article: r.get(8)?,
        sender: r.get(2)?,
        receiver: r.get(3)?,
        government: Some(r.get(4)?),
        action: r.get(5)?,
        from_level: None,
        previous: None,
        level: None,
        cow_level: None,
        source: r.get::<_, Option<String>>(13)?.or(article_source),
        note: r.get(14)?,
        article_id: r.get(9)?,
        sentence: r.get(10)?,
        evidence: evidence_text(r.get(11)?),
        url: r.get(16)?,
        title: r.get(17)?,
        confidence: r.get::<_, f64>(12)? as f32,
        status: String::new(),
        retracted_reason: reason,
        retracted_at: r.get(20)?,
        recorded_at: r.get(15)?,
        origin: origin.clone(),
    }
    .into_loaded(key, &origin);
    Ok(row)
}

/// Deterministic order: date, then strength (strongest last), then id.
fn sort_loaded(v: &mut [Loaded]) {
    v.sort_by(|a, b| {
        a.key
            .cmp(&b.key)
            .then(a.rank.cmp(&b.rank))
            .then(a.row.confidence.total_cmp(&b.row.confidence))
            .then(b.row.id.cmp(&a.row.id))
    });
}

/// A period of one level (or recognition kind) with the rows supporting it.
struct Period {
    value: String,
    first: usize,
    rows: Vec<usize>,
}

/// Assign statuses and build the periods of one direction (or one recognizer–government
/// pair). `value` gives the level or kind a row asserts.
fn derive(
    v: &mut [Loaded],
    value: impl Fn(&ChangeRow) -> String,
) -> (Vec<Period>, Vec<(usize, usize)>) {
    sort_loaded(v);
    // Curated windows: [since, recorded day] with their value.
    let curated: Vec<(String, String, String)> = v
        .iter()
        .filter(|l| l.row.origin == "curated" && !l.retracted)
        .map(|l| {
            (
                l.key.clone(),
                l.row.recorded_at.get(..10).unwrap_or("").to_string(),
                value(&l.row),
            )
        })
        .collect();
    let mut candidates: Vec<usize> = Vec::new();
    for (i, l) in v.iter_mut().enumerate() {
        l.row.status = if l.retracted {
            "retracted".into()
        } else if l.row.origin == "news" && l.row.confidence < MIN_CONFIDENCE {
            "weak".into()
        } else if l.row.origin != "curated"
            && curated.iter().any(|(since, day, val)| {
                !l.key.is_empty()
                    && l.key.as_str() >= since.as_str()
                    && l.key.as_str() <= day.as_str()
                    && *val != value(&l.row)
            })
        {
            "outranked".into()
        } else {
            candidates.push(i);
            String::new()
        };
    }
    // Group candidates by date; the last of each group (strongest) wins.
    let mut groups: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for &i in &candidates {
        groups.entry(v[i].key.as_str()).or_default().push(i);
    }
    let mut periods: Vec<Period> = Vec::new();
    let mut conflicts: Vec<(usize, usize)> = Vec::new();
    let groups: Vec<Vec<usize>> = groups.into_values().collect();
    for g in groups {
        let Some(&winner) = g.last() else { continue };
        let wval = value(&v[winner].row);
        let agreeing: Vec<usize> = g
            .iter()
            .copied()
            .filter(|&i| value(&v[i].row) == wval)
            .collect();
        for &i in &g {
            if value(&v[i].row) != wval {
                v[i].row.status = "conflicting".into();
                conflicts.push((i, winner));
            }
        }
        match periods.last_mut() {
            Some(p) if p.value == wval => p.rows.extend(agreeing),
            _ => periods.push(Period {
                value: wval,
                first: agreeing[0],
                rows: agreeing,
            }),
        }
    }
    let n = periods.len();
    for (k, p) in periods.iter().enumerate() {
        for &i in &p.rows {
            v[i].row.status = if k + 1 == n {
                "current".into()
            } else {
                "superseded".into()
            };
        }
    }
    (periods, conflicts)
}

/// Fill `previous` of every row: the value of the last period that started before the
/// row's date, else the previous level the row itself reports.
fn set_previous(v: &mut [Loaded], periods: &[Period]) {
    let starts: Vec<(String, String)> = periods
        .iter()
        .map(|p| (v[p.first].key.clone(), p.value.clone()))
        .collect();
    for l in v.iter_mut() {
        l.row.previous = starts
            .iter()
            .rev()
            .find(|(k, _)| k.as_str() < l.key.as_str())
            .map(|(_, val)| val.clone())
            .or_else(|| l.row.from_level.clone());
    }
}

fn direction_state(sender: &str, receiver: &str, mut v: Vec<Loaded>) -> DirectionState {
    let (periods, conflicts) = derive(&mut v, |r| r.level.clone().unwrap_or_default());
    set_previous(&mut v, &periods);
    let date_of = |i: usize| v[i].row.date.clone();
    let evidence_of = |p: &Period| {
        p.rows
            .iter()
            .map(|&i| EvidenceItem::from(&v[i].row))
            .collect::<Vec<_>>()
    };
    let mut history: Vec<HistoryEntry> = Vec::new();
    // The reported previous level of the first period opens the history.
    if let Some(p0) = periods.first() {
        let first = p0
            .rows
            .iter()
            .map(|&i| &v[i].row)
            .find(|r| r.from_level.is_some())
            .unwrap_or(&v[p0.first].row);
        if let Some(prev) = first.from_level.as_deref().and_then(level_of) {
            if prev.name() != p0.value {
                history.push(HistoryEntry {
                    level: prev.name(),
                    cow_level: prev.cow_level(),
                    since: None,
                    until: first.date.clone(),
                    evidence: vec![EvidenceItem::from(first)],
                });
            }
        }
    }
    for (k, p) in periods
        .iter()
        .enumerate()
        .take(periods.len().saturating_sub(1))
    {
        let level = level_of(&p.value).unwrap_or(RepLevel::Other);
        history.push(HistoryEntry {
            level: level.name(),
            cow_level: level.cow_level(),
            since: date_of(p.first),
            until: date_of(periods[k + 1].first),
            evidence: evidence_of(p),
        });
    }
    history.reverse();
    let current = periods.last();
    let level = current.and_then(|p| level_of(&p.value));
    DirectionState {
        sender: sender.to_string(),
        sender_name: name_of(sender),
        receiver: receiver.to_string(),
        receiver_name: name_of(receiver),
        level: level.map(RepLevel::name),
        cow_level: level.map(RepLevel::cow_level),
        since: current.and_then(|p| date_of(p.first)),
        since_precision: current.and_then(|p| v[p.first].row.date_precision.clone()),
        since_is_report_date: current.is_some_and(|p| v[p.first].row.date_from_article),
        history,
        evidence: current.map(evidence_of).unwrap_or_default(),
        conflicts: conflicts
            .iter()
            .map(|&(i, w)| Conflict {
                level: v[i].row.level.clone().unwrap_or_default(),
                date: v[i].row.date.clone(),
                outranked_by: v[w].row.id.clone(),
                evidence: EvidenceItem::from(&v[i].row),
            })
            .collect(),
        changes: v.into_iter().map(|l| l.row).collect(),
    }
}

fn recognition_state(
    recognizer: &str,
    government: &str,
    governed: &str,
    mut v: Vec<Loaded>,
) -> RecognitionState {
    let (periods, _conflicts) = derive(&mut v, |r| r.action.clone());
    set_previous(&mut v, &periods);
    let mut history: Vec<RecognitionHistory> = periods
        .iter()
        .enumerate()
        .take(periods.len().saturating_sub(1))
        .map(|(k, p)| RecognitionHistory {
            kind: p.value.clone(),
            since: v[p.first].row.date.clone(),
            until: v[periods[k + 1].first].row.date.clone(),
        })
        .collect();
    history.reverse();
    let current = periods.last();
    RecognitionState {
        recognizer: recognizer.to_string(),
        recognizer_name: name_of(recognizer),
        government: government.to_string(),
        governed_state: governed.to_string(),
        kind: current.map(|p| p.value.clone()),
        since: current.and_then(|p| v[p.first].row.date.clone()),
        since_is_report_date: current.is_some_and(|p| v[p.first].row.date_from_article),
        evidence: current
            .map(|p| {
                p.rows
                    .iter()
                    .map(|&i| EvidenceItem::from(&v[i].row))
                    .collect()
            })
            .unwrap_or_default(),
        history,
        changes: v.into_iter().map(|l| l.row).collect(),
    }
}

impl Store {
    fn load(&self, sql: &str, params: &[&dyn rusqlite::ToSql], rep: bool) -> Result<Vec<Loaded>> {
        let mut st = self.conn.prepare_cached(sql).map_err(self.sql())?;
        let rows = st
            .query_map(params, if rep { rep_row } else { rec_row })
            .map_err(self.sql())?;
        rows.collect::<rusqlite::Result<Vec<_>>>()
            .map_err(self.sql())
    }

    /// Every direction with stored rows, derived (one query for the whole table).
    pub fn all_directions(&self) -> Result<Vec<DirectionState>> {
        let v = self.load(
            &format!("{REP_SELECT} ORDER BY c.sender, c.receiver"),
            &[],
            true,
        )?;
        let mut by_dir: BTreeMap<(String, String), Vec<Loaded>> = BTreeMap::new();
        for l in v {
            by_dir
                .entry((l.row.sender.clone(), l.row.receiver.clone()))
                .or_default()
                .push(l);
        }
        Ok(by_dir
            .into_iter()
            .map(|((s, r), v)| direction_state(&s, &r, v))
            .collect())
    }

    /// Representation of `sender` in `receiver` (ISO alpha-3 or any code the country
    /// table knows), derived from every stored row of that direction.
    pub fn direction(&self, sender: &str, receiver: &str) -> Result<DirectionState> {
        let (s, r) = (country_iso3(sender)?, country_iso3(receiver)?);
        let v = self.load(
            &format!("{REP_SELECT} WHERE c.sender = ?1 AND c.receiver = ?2"),
            &[&s, &r],
            true,
        )?;
        Ok(direction_state(&s, &r, v))
    }

    /// Recognition states of `recognizer` towards governments of `governed`.
    pub fn recognition(&self, recognizer: &str, governed: &str) -> Result<Vec<RecognitionState>> {
        let (s, g) = (country_iso3(recognizer)?, country_iso3(governed)?);
        let v = self.load(
            &format!("{REC_SELECT} WHERE c.recognizer = ?1 AND c.governed_state = ?2"),
            &[&s, &g],
            false,
        )?;
        let mut by_gov: BTreeMap<String, Vec<Loaded>> = BTreeMap::new();
        for l in v {
            by_gov
                .entry(l.row.government.clone().unwrap_or_default())
                .or_default()
                .push(l);
        }
        Ok(by_gov
            .into_iter()
            .map(|(gov, v)| recognition_state(&s, &gov, &g, v))
            .collect())
    }

    /// Both directions, recognition, recent key events and trend of a dyad.
    pub fn dyad(&self, a: &str, b: &str) -> Result<DyadReport> {
        let (a, b) = (country_iso3(a)?, country_iso3(b)?);
        if a == b {
            return Err(StoreError::Invalid(format!(
                "a dyad needs two different states, got {a} twice"
            )));
        }
        let directions = vec![self.direction(&a, &b)?, self.direction(&b, &a)?];
        let mut recognition = self.recognition(&a, &b)?;
        recognition.extend(self.recognition(&b, &a)?);
        let event_count: i64 = self
            .conn
            .query_row(
                "SELECT count(*) FROM events WHERE (source_country = ?1 AND target_country = ?2)
                 OR (source_country = ?2 AND target_country = ?1)",
                params![a, b],
                |r| r.get(0),
            )
            .map_err(self.sql())?;
        let recent = self.event_query(
            "SELECT json FROM events WHERE ((source_country = ?1 AND target_country = ?2)
                 OR (source_country = ?2 AND target_country = ?1))
               AND negated = 0 AND modality = 'actual'
             ORDER BY day IS NULL, day DESC, abs(goldstein) DESC, article_id, n LIMIT 10",
            vec![a.clone().into(), b.clone().into()],
        )?;
        let trend = self.trend(&a, &b, &crate::analytics::TrendWindow::default())?;
        Ok(DyadReport {
            a_name: name_of(&a),
            b_name: name_of(&b),
            a,
            b,
            directions,
            recognition,
            event_count: event_count as u64,
            recent_events: recent.iter().map(EventBrief::from).collect(),
            trend,
        })
    }

    /// Every counterpart of `c`: representation both ways, recognition, last event.
    pub fn relations(&self, c: &str) -> Result<Vec<RelationRow>> {
        let c = country_iso3(c)?;
        let mut counterparts: BTreeSet<String> = BTreeSet::new();
        for sql in [
            "SELECT receiver FROM representation_changes WHERE sender = ?1",
            "SELECT sender FROM representation_changes WHERE receiver = ?1",
            "SELECT recognizer FROM recognition_facts WHERE governed_state = ?1",
            "SELECT governed_state FROM recognition_facts WHERE recognizer = ?1",
            "SELECT DISTINCT target_country FROM events WHERE source_country = ?1 AND target_country IS NOT NULL",
            "SELECT DISTINCT source_country FROM events WHERE target_country = ?1 AND source_country IS NOT NULL",
        ] {
            let mut st = self.conn.prepare_cached(sql).map_err(self.sql())?;
            let rows = st.query_map(params![c], |r| r.get::<_, String>(0)).map_err(self.sql())?;
            for x in rows {
                let x = x.map_err(self.sql())?;
                if x != c {
                    counterparts.insert(x);
                }
            }
        }
        let mut out = Vec::new();
        for x in counterparts {
            let (out_dir, in_dir) = if attache_core::country::by_code(&x).is_some() {
                (Some(self.direction(&c, &x)?), Some(self.direction(&x, &c)?))
            } else {
                (None, None)
            };
            let mut recognition = Vec::new();
            if attache_core::country::by_code(&x).is_some() {
                for st in self
                    .recognition(&x, &c)?
                    .into_iter()
                    .chain(self.recognition(&c, &x)?)
                {
                    if let Some(k) = &st.kind {
                        let since = match (st.since.as_deref(), st.since_is_report_date) {
                            (Some(s), true) => format!(" (reported {s})"),
                            (Some(s), false) => format!(" since {s}"),
                            (None, _) => String::new(),
                        };
                        recognition.push(format!(
                            "{} {} {}{}",
                            st.recognizer, k, st.government, since
                        ));
                    }
                }
            }
            let count: i64 = self
                .conn
                .query_row(
                    "SELECT count(*) FROM events WHERE (source_country = ?1 AND target_country = ?2)
                     OR (source_country = ?2 AND target_country = ?1)",
                    params![c, x],
                    |r| r.get(0),
                )
                .map_err(self.sql())?;
            let last = self
                .event_query(
                    "SELECT json FROM events WHERE (source_country = ?1 AND target_country = ?2)
                     OR (source_country = ?2 AND target_country = ?1)
                     ORDER BY day IS NULL, day DESC, article_id DESC, n DESC LIMIT 1",
                    vec![c.clone().into(), x.clone().into()],
                )?
                .into_iter()
                .next();
            out.push(RelationRow {
                country: c.clone(),
                counterpart_name: name_of(&x),
                level_out: out_dir.as_ref().and_then(|d| d.level),
                cow_level_out: out_dir.as_ref().and_then(|d| d.cow_level),
                since_out: out_dir.as_ref().and_then(|d| d.since.clone()),
                level_in: in_dir.as_ref().and_then(|d| d.level),
                cow_level_in: in_dir.as_ref().and_then(|d| d.cow_level),
                since_in: in_dir.as_ref().and_then(|d| d.since.clone()),
                recognition,
                event_count: count as u64,
                last_event_date: last.as_ref().and_then(|e| e.date.clone()),
                last_event: last.as_ref().map(|e| {
                    format!(
                        "{} {} {} {}",
                        e.source.as_ref().map(|s| s.code.as_str()).unwrap_or("?"),
                        e.cameo,
                        e.target.as_ref().map(|s| s.code.as_str()).unwrap_or("?"),
                        e.evidence.text
                    )
                }),
                counterpart: x,
            });
        }
        Ok(out)
    }

    /// The latest representation and recognition changes, newest first, each with its
    /// status in the derived ledger.
    pub fn changes(&self, f: &ChangeFilter) -> Result<Vec<ChangeRow>> {
        self.changes_impl(f, None)
    }

    /// As [`Store::changes`], keeping only rows recorded (ingested, curated, imported)
    /// or retracted at or after `recorded_since`, a UTC date or time (`2025-06-01`,
    /// `2025-06-01T08:00:00Z`): what is new since the last look, whatever the dates of
    /// the changes themselves.
    pub fn changes_recorded_since(
        &self,
        f: &ChangeFilter,
        recorded_since: &str,
    ) -> Result<Vec<ChangeRow>> {
        self.changes_impl(f, Some(recorded_since.trim().to_string()))
    }

    fn changes_impl(&self, f: &ChangeFilter, recorded: Option<String>) -> Result<Vec<ChangeRow>> {
        let since = f
            .since
            .as_deref()
            .map(crate::query::from_bound)
            .transpose()?;
        let country = f.country.as_deref().map(country_iso3).transpose()?;
        // Which directions / recognizer–state pairs have rows in the window.
        let window =
            "(?1 IS NULL OR c.effective >= ?1 OR (c.effective IS NULL AND c.recorded_at >= ?1))
            AND (?3 IS NULL OR c.recorded_at >= ?3
                 OR c.id IN (SELECT change_id FROM retractions WHERE retracted_at >= ?3))";
        let mut rep_dirs: Vec<(String, String)> = Vec::new();
        {
            let sql = format!(
                "SELECT DISTINCT c.sender, c.receiver FROM representation_changes c WHERE {window}
                 AND (?2 IS NULL OR c.sender = ?2 OR c.receiver = ?2)"
            );
            let mut st = self.conn.prepare_cached(&sql).map_err(self.sql())?;
            let rows = st
                .query_map(params![since, country, recorded], |r| {
                    Ok((r.get(0)?, r.get(1)?))
                })
                .map_err(self.sql())?;
            for x in rows {
                rep_dirs.push(x.map_err(self.sql())?);
            }
        }
        let mut rec_pairs: Vec<(String, String)> = Vec::new();
        {
            let sql = format!(
                "SELECT DISTINCT c.recognizer, c.governed_state FROM recognition_facts c WHERE {window}
                 AND (?2 IS NULL OR c.recognizer = ?2 OR c.governed_state = ?2)"
            );
            let mut st = self.conn.prepare_cached(&sql).map_err(self.sql())?;
            let rows = st
                .query_map(params![since, country, recorded], |r| {
                    Ok((r.get(0)?, r.get(1)?))
                })
                .map_err(self.sql())?;
            for x in rows {
                rec_pairs.push(x.map_err(self.sql())?);
            }
        }
        let in_window = |r: &ChangeRow, key: &str| {
            let dated = match &since {
                None => true,
                Some(s) if key.is_empty() => r.recorded_at.as_str() >= s.as_str(),
                Some(s) => key >= s.as_str(),
            };
            let fresh = match &recorded {
                None => true,
                Some(t) => {
                    r.recorded_at.as_str() >= t.as_str()
                        || r.retracted_at.as_deref().is_some_and(|x| x >= t.as_str())
                }
            };
            dated && fresh
        };
        let mut out: Vec<(String, ChangeRow)> = Vec::new();
        for (s, r) in rep_dirs {
            let v = self.load(
                &format!("{REP_SELECT} WHERE c.sender = ?1 AND c.receiver = ?2"),
                &[&s, &r],
                true,
            )?;
            let keys: BTreeMap<String, String> = v
                .iter()
                .map(|l| (l.row.id.clone(), l.key.clone()))
                .collect();
            for row in direction_state(&s, &r, v).changes {
                let key = keys.get(&row.id).cloned().unwrap_or_default();
                if in_window(&row, &key) {
                    out.push((key, row));
                }
            }
        }
        for (s, g) in rec_pairs {
            let v = self.load(
                &format!("{REC_SELECT} WHERE c.recognizer = ?1 AND c.governed_state = ?2"),
                &[&s, &g],
                false,
            )?;
            let keys: BTreeMap<String, String> = v
                .iter()
                .map(|l| (l.row.id.clone(), l.key.clone()))
                .collect();
            let mut by_gov: BTreeMap<String, Vec<Loaded>> = BTreeMap::new();
            for l in v {
                by_gov
                    .entry(l.row.government.clone().unwrap_or_default())
                    .or_default()
                    .push(l);
            }
            for (gov, v) in by_gov {
                for row in recognition_state(&s, &gov, &g, v).changes {
                    let key = keys.get(&row.id).cloned().unwrap_or_default();
                    if in_window(&row, &key) {
                        out.push((key, row));
                    }
                }
            }
        }
        // Newest effective date first, then by id: never by when rows were recorded, so
        // the listing does not depend on ingestion order.
        out.sort_by(|(ka, a), (kb, b)| kb.cmp(ka).then(a.id.cmp(&b.id)));
        let mut rows: Vec<ChangeRow> = out.into_iter().map(|(_, r)| r).collect();
        if let Some(l) = f.limit {
            rows.truncate(l);
        }
        Ok(rows)
    }

    fn next_curated_id(tx: &rusqlite::Transaction<'_>) -> rusqlite::Result<String> {
        let n: i64 = tx.query_row(
            "SELECT (SELECT count(*) FROM representation_changes WHERE origin = 'curated')
                  + (SELECT count(*) FROM recognition_facts WHERE origin = 'curated')",
            [],
            |r| r.get(0),
        )?;
        Ok(format!("cur-{}", n + 1))
    }

    /// Record by hand that `sender` is represented in `receiver` at `level` since
    /// `since`, citing `source`. Curated facts outrank derived ones. Returns the new id.
    pub fn set_fact(
        &mut self,
        sender: &str,
        receiver: &str,
        level: RepLevel,
        since: FuzzyDate,
        source: &str,
        note: Option<&str>,
    ) -> Result<String> {
        let (s, r) = (country_iso3(sender)?, country_iso3(receiver)?);
        if s == r {
            return Err(StoreError::Invalid(format!(
                "sender and receiver are both {s}"
            )));
        }
        if source.trim().is_empty() {
            return Err(StoreError::Invalid(
                "a curated fact needs its source (a URL or a reference) with --source".into(),
            ));
        }
        let (tx, sql) = begin_write(&mut self.conn, &self.path)?;
        let id = Store::next_curated_id(&tx).map_err(sql)?;
        tx.execute(
            "INSERT INTO representation_changes(id, origin, sender, receiver, from_level, to_level,
                 action, effective, precision, date_from_article, article_id, sentence, evidence,
                 confidence, source, note, recorded_at)
             VALUES (?1, 'curated', ?2, ?3, NULL, ?4, 'curated', ?5, ?6, 0, NULL, NULL, NULL, 1.0, ?7, ?8, ?9)",
            params![
                id,
                s,
                r,
                level.name(),
                key_of(&since),
                precision_name(since.precision),
                source.trim(),
                note,
                crate::dates::now_utc()
            ],
        )
        .map_err(sql)?;
        tx.commit().map_err(sql)?;
        Ok(id)
    }

    /// Record by hand how `recognizer` stands towards `government` (which governs
    /// `governed_state`) since `since`, citing `source`. Returns the new id.
    #[allow(clippy::too_many_arguments)]
    pub fn set_recognition(
        &mut self,
        recognizer: &str,
        government: &str,
        governed_state: &str,
        kind: RecognitionKind,
        since: FuzzyDate,
        source: &str,
        note: Option<&str>,
    ) -> Result<String> {
        let (s, g) = (country_iso3(recognizer)?, country_iso3(governed_state)?);
        if source.trim().is_empty() || government.trim().is_empty() {
            return Err(StoreError::Invalid(
                "a curated recognition needs a government code and a source".into(),
            ));
        }
        let (tx, sql) = begin_write(&mut self.conn, &self.path)?;
        let id = Store::next_curated_id(&tx).map_err(sql)?;
        tx.execute(
            "INSERT INTO recognition_facts(id, origin, recognizer, government, governed_state, kind,
                 effective, precision, date_from_article, article_id, sentence, evidence, confidence,
                 source, note, recorded_at)
             VALUES (?1, 'curated', ?2, ?3, ?4, ?5, ?6, ?7, 0, NULL, NULL, NULL, 1.0, ?8, ?9, ?10)",
            params![
                id,
                s,
                government.trim().to_ascii_uppercase(),
                g,
                enum_name(&kind),
                key_of(&since),
                precision_name(since.precision),
                source.trim(),
                note,
                crate::dates::now_utc()
            ],
        )
        .map_err(sql)?;
        tx.commit().map_err(sql)?;
        Ok(id)
    }

    /// Retract a representation change or recognition fact with a reason. Nothing is
    /// deleted: the row stays listed with status `retracted` and the reason.
    pub fn retract(&mut self, change_id: &str, reason: &str) -> Result<()> {
        if reason.trim().is_empty() {
            return Err(StoreError::Invalid("a retraction needs a reason".into()));
        }
        let (tx, sql) = begin_write(&mut self.conn, &self.path)?;
        let exists: bool = tx
            .query_row(
                "SELECT EXISTS(SELECT 1 FROM representation_changes WHERE id = ?1)
                     OR EXISTS(SELECT 1 FROM recognition_facts WHERE id = ?1)",
                params![change_id],
                |r| r.get(0),
            )
            .map_err(sql)?;
        if !exists {
            return Err(StoreError::UnknownChange(change_id.to_string()));
        }
        let prior: Option<(String, String)> = tx
            .query_row(
                "SELECT reason, retracted_at FROM retractions WHERE change_id = ?1",
                params![change_id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()
            .map_err(sql)?;
        if let Some((reason, at)) = prior {
            return Err(StoreError::AlreadyRetracted {
                id: change_id.to_string(),
                at,
                reason,
            });
        }
        tx.execute(
            "INSERT INTO retractions(change_id, reason, retracted_at) VALUES (?1, ?2, ?3)",
            params![change_id, reason.trim(), crate::dates::now_utc()],
        )
        .map_err(sql)?;
        tx.commit().map_err(sql)
    }
}
