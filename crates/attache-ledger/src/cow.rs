//! Correlates of War Diplomatic Exchange CSV: import as baseline facts, export
//! dyad-years.
//!
//! Layout: `ccode1,ccode2,year,DR_at_1,DR_at_2,DE,version`. Following the COW codebook,
//! `DR_at_1` is the level of representation **of side 2 at side 1** (side 2 → side 1)
//! and `DR_at_2` the level of side 1 at side 2 (side 1 → side 2); levels are 0 none,
//! 1 chargé d'affaires, 2 minister, 3 ambassador, 9 other; negative values (-9) and
//! empty cells are missing. `DE` (exchange) is derived on export: 1 when both sides
//! have some representation (level 1–3 or 9), else 0.
//!
//! Imported rows become ledger rows of origin `cow`, source `COW DE v<version>`,
//! effective the year (year precision). They rank below news and curated facts, so a
//! newer news report changes the state and a same-year conflict is won by the news.
//! Re-importing the same file changes nothing (ids are
//! `cow-<version>-<sender>-<receiver>-<year>`).

use crate::dates::now_utc;
use crate::error::{Result, StoreError};
use crate::ledger::DirectionState;
use crate::store::{begin_write, Store};
use attache_core::{country, FuzzyDate, RepLevel};
use rusqlite::params;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};
use std::io::{BufRead, Write};

/// What an import did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct CowImportSummary {
    /// Data rows read.
    pub rows: usize,
    /// Directed facts newly stored.
    pub facts_new: usize,
    /// Directed facts already stored by an earlier import.
    pub facts_present: usize,
    /// Directions with a missing level (-9 or empty).
    pub missing: usize,
    /// Rows skipped because a COW code is not in the country table (historical states).
    pub rows_unknown_state: usize,
    pub unknown_ccodes: Vec<u16>,
}

fn cow_level(s: &str, file: &str, line: usize, col: &str) -> Result<Option<RepLevel>> {
    let t = s.trim().trim_matches('"');
    if t.is_empty() || t == "." || t.eq_ignore_ascii_case("na") {
        return Ok(None);
    }
    let n: i64 = t.parse().map_err(|_| StoreError::Cow {
        file: file.into(),
        line,
        message: format!("{col} is {t:?}, expected 0, 1, 2, 3, 9 or -9 (missing)"),
    })?;
    Ok(match n {
        n if n < 0 => None,
        0 => Some(RepLevel::None),
        1 => Some(RepLevel::ChargeDAffaires),
        2 => Some(RepLevel::Minister),
        3 => Some(RepLevel::Ambassador),
        9 => Some(RepLevel::Other),
        _ => {
            return Err(StoreError::Cow {
                file: file.into(),
                line,
                message: format!("{col} is {n}, expected 0, 1, 2, 3, 9 or -9 (missing)"),
            })
        }
    })
}

impl Store {
    /// Import a COW Diplomatic Exchange CSV (`file` names it in messages and notes).
    /// The whole file is one transaction: an error leaves the store unchanged.
    pub fn import_cow(&mut self, reader: impl BufRead, file: &str) -> Result<CowImportSummary> {
        let mut lines = reader.lines();
        let header = match lines.next() {
            Some(h) => h.map_err(|e| StoreError::Cow {
                file: file.into(),
                line: 1,
                message: e.to_string(),
            })?,
            None => {
                return Err(StoreError::Cow {
                    file: file.into(),
                    line: 1,
                    message: "the file is empty".into(),
                })
            }
        };
        let cols: Vec<String> = header
            .trim_start_matches('\u{feff}')
            .split(',')
            .map(|c| c.trim().trim_matches('"').to_ascii_lowercase())
            .collect();
        let find = |name: &str| cols.iter().position(|c| c == name);
        let need = |name: &str| {
            find(name).ok_or_else(|| StoreError::Cow {
                file: file.into(),
                line: 1,
                message: format!(
                    "no column {name:?} in the header; expected ccode1,ccode2,year,DR_at_1,DR_at_2,DE,version"
                ),
            })
        };
        let (i1, i2, iy, ia1, ia2) = (
            need("ccode1")?,
            need("ccode2")?,
            need("year")?,
            need("dr_at_1")?,
            need("dr_at_2")?,
        );
        let iv = find("version");
        let mut summary = CowImportSummary::default();
        let mut unknown: BTreeSet<u16> = BTreeSet::new();
        let (tx, sql) = begin_write(&mut self.conn, &self.path)?;
        let now = now_utc();
        {
            let mut st = tx
                .prepare_cached(
                    "INSERT OR IGNORE INTO representation_changes(id, origin, sender, receiver,
                         from_level, to_level, action, effective, precision, date_from_article,
                         article_id, sentence, evidence, confidence, source, note, recorded_at)
                     VALUES (?1, 'cow', ?2, ?3, NULL, ?4, 'cow', ?5, 'year', 0, NULL, NULL, NULL,
                             1.0, ?6, ?7, ?8)",
                )
                .map_err(sql)?;
            for (k, l) in lines.enumerate() {
                let line = k + 2;
                let l = l.map_err(|e| StoreError::Cow {
                    file: file.into(),
                    line,
                    message: e.to_string(),
                })?;
                if l.trim().is_empty() {
                    continue;
                }
                let f: Vec<&str> = l.split(',').collect();
                let get = |i: usize, name: &str| {
                    f.get(i)
                        .map(|s| s.trim().trim_matches('"'))
                        .ok_or_else(|| StoreError::Cow {
                            file: file.into(),
                            line,
                            message: format!("the row has no {name} column"),
                        })
                };
                let num = |i: usize, name: &str| -> Result<i64> {
                    let s = get(i, name)?;
                    s.parse().map_err(|_| StoreError::Cow {
                        file: file.into(),
                        line,
                        message: format!("{name} is {s:?}, expected a number"),
                    })
                };
                summary.rows += 1;
                let (c1, c2, year) = (num(i1, "ccode1")?, num(i2, "ccode2")?, num(iy, "year")?);
                if !(1..=9999).contains(&year) {
                    return Err(StoreError::Cow {
                        file: file.into(),
                        line,
                        message: format!("year {year} is out of range"),
                    });
                }
                let s1 = u16::try_from(c1).ok().and_then(country::by_cow);
                let s2 = u16::try_from(c2).ok().and_then(country::by_cow);
                let (Some(s1), Some(s2)) = (s1, s2) else {
                    summary.rows_unknown_state += 1;
                    for (c, s) in [(c1, s1), (c2, s2)] {
                        if s.is_none() {
                            if let Ok(c) = u16::try_from(c) {
                                unknown.insert(c);
                            }
                        }
                    }
                    continue;
                };
                let version = iv
                    .and_then(|i| f.get(i))
                    .map(|v| v.trim().trim_matches('"'))
                    .unwrap_or("");
                let source = if version.is_empty() {
                    "COW DE".to_string()
                } else {
                    format!("COW DE v{version}")
                };
                let at1 = cow_level(get(ia1, "DR_at_1")?, file, line, "DR_at_1")?;
                let at2 = cow_level(get(ia2, "DR_at_2")?, file, line, "DR_at_2")?;
                // DR_at_1: side 2 represented at side 1; DR_at_2: side 1 at side 2.
                for (sender, receiver, level) in [(s2, s1, at1), (s1, s2, at2)] {
                    let Some(level) = level else {
                        summary.missing += 1;
                        continue;
                    };
                    let id = format!(
                        "cow-{}-{}-{}-{year}",
                        if version.is_empty() { "x" } else { version },
                        sender.iso3,
                        receiver.iso3
                    );
                    let n = st
                        .execute(params![
                            id,
                            sender.iso3,
                            receiver.iso3,
                            level.name(),
                            format!("{year:04}-01-01"),
                            source,
                            format!("{file}:{line}"),
                            now
                        ])
                        .map_err(sql)?;
                    if n == 1 {
                        summary.facts_new += 1;
                    } else {
                        summary.facts_present += 1;
                    }
                }
            }
        }
        tx.commit().map_err(sql)?;
        summary.unknown_ccodes = unknown.into_iter().collect();
        Ok(summary)
    }

    /// Import a COW Diplomatic Exchange CSV file (see [`Store::import_cow`]).
    pub fn import_cow_file(&mut self, path: &std::path::Path) -> Result<CowImportSummary> {
        let f = std::fs::File::open(path).map_err(|source| StoreError::Io {
            path: path.to_path_buf(),
            source,
        })?;
        self.import_cow(std::io::BufReader::new(f), &path.display().to_string())
    }

    /// Export dyad-years in the COW Diplomatic Exchange layout. Each level is the one in
    /// force on 31 December of the year, as the ledger derives it. Years: `years` if
    /// given (rows where at least one direction is known), else every year in which
    /// either direction of the pair has a dated row. Only states with a COW code are
    /// exported; returns the number of rows written.
    pub fn export_cow(&self, mut w: impl Write, years: Option<(i32, i32)>) -> Result<usize> {
        let io = |e: std::io::Error| StoreError::Io {
            path: "COW export".into(),
            source: e,
        };
        writeln!(w, "ccode1,ccode2,year,DR_at_1,DR_at_2,DE,version").map_err(io)?;
        // Derive every direction once, then pair them up by COW code.
        let mut dirs: BTreeMap<(u16, u16), DirectionState> = BTreeMap::new();
        for d in self.all_directions()? {
            let cow = |c: &str| country::by_code(c).and_then(|k| k.cow);
            if let (Some(a), Some(b)) = (cow(&d.sender), cow(&d.receiver)) {
                if a != b {
                    dirs.insert((a, b), d);
                }
            }
        }
        let pairs: BTreeSet<(u16, u16)> = dirs.keys().map(|&(a, b)| (a.min(b), a.max(b))).collect();
        let version = concat!("attache-", env!("CARGO_PKG_VERSION"));
        let mut n = 0;
        for (c1, c2) in pairs {
            // DR_at_1: side 2 at side 1.
            let (at1, at2) = (dirs.get(&(c2, c1)), dirs.get(&(c1, c2)));
            let ys: Vec<i32> = match years {
                Some((a, b)) => (a..=b).collect(),
                None => {
                    let mut s: BTreeSet<i32> = BTreeSet::new();
                    for d in [at1, at2].into_iter().flatten() {
                        for c in &d.changes {
                            if c.status != "retracted" {
                                if let Some(y) = c.date.as_deref().and_then(FuzzyDate::parse) {
                                    s.insert(y.year);
                                }
                            }
                        }
                    }
                    s.into_iter().collect()
                }
            };
            for y in ys {
                let end = format!("{y:04}-12-31");
                let (l1, l2) = (
                    at1.and_then(|d| level_at(d, &end)),
                    at2.and_then(|d| level_at(d, &end)),
                );
                if l1.is_none() && l2.is_none() {
                    continue;
                }
                let code = |l: Option<u8>| l.map(i32::from).unwrap_or(-9);
                let de = u8::from(matches!(l1, Some(x) if x > 0) && matches!(l2, Some(x) if x > 0));
                writeln!(w, "{c1},{c2},{y},{},{},{de},{version}", code(l1), code(l2))
                    .map_err(io)?;
                n += 1;
            }
        }
        Ok(n)
    }
}

/// The COW level a derived direction had on a day (`YYYY-MM-DD`).
pub fn level_at(d: &DirectionState, day: &str) -> Option<u8> {
    let key = |s: &Option<String>| {
        s.as_deref()
            .and_then(FuzzyDate::parse)
            .map(|f| crate::dates::key_of(&f))
    };
    // Periods oldest first: history is newest first, then the current level.
    let mut periods: Vec<(Option<String>, u8)> = d
        .history
        .iter()
        .rev()
        .map(|h| (key(&h.since), h.cow_level))
        .collect();
    if let Some(l) = d.cow_level {
        periods.push((key(&d.since), l));
    }
    let mut at: BTreeMap<usize, u8> = BTreeMap::new();
    for (i, (since, level)) in periods.iter().enumerate() {
        match since {
            None => {
                at.insert(i, *level);
            }
            Some(s) if s.as_str() <= day => {
                at.insert(i, *level);
            }
            _ => {}
        }
    }
    at.into_values().next_back()
}
