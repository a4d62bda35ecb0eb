//! Dyad analytics: event counts per day, week or month and the trend of cooperation.
//!
//! Computed on read from the `events` table (indexed by country and day), so they
//! always reflect the stored events and need no upkeep. Counted events: both directions
//! between the two actors, not negated, not hypothetical; an event's day is its coded
//! date (first day when only the month or year is known), else its article's
//! publication date; events with neither are left out.
//!
//! The trend is the least-squares slope of the per-bucket Goldstein mean against the
//! bucket index, over buckets that have events. Labels (docs/ledger.md): fewer than
//! [`MIN_BUCKETS`] buckets with events or fewer than [`MIN_EVENTS`] events → too little
//! data; otherwise the change the slope implies across the window
//! (`slope × (buckets − 1)`) of at least +[`CHANGE_THRESHOLD`] Goldstein points →
//! improving, at most −[`CHANGE_THRESHOLD`] → deteriorating, else steady.

use crate::dates::{days_of_key, Granularity};
use crate::error::{Result, StoreError};
use crate::query::{from_bound, to_bound, ActorKey};
use crate::store::Store;
use rusqlite::types::Value;
use serde::Serialize;
use std::collections::BTreeMap;

/// Minimum number of buckets with events for a trend label.
pub const MIN_BUCKETS: usize = 3;
/// Minimum number of events for a trend label.
pub const MIN_EVENTS: u32 = 5;
/// Goldstein points of implied change across the window that make a trend.
pub const CHANGE_THRESHOLD: f64 = 1.0;
/// Above this many buckets, only buckets with events are listed.
const MAX_FILLED_BUCKETS: i64 = 10_000;

/// One bucket of a dyad series.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BucketRow {
    /// First day of the bucket (`YYYY-MM-DD`; Monday for weeks).
    pub bucket: String,
    pub events: u32,
    pub a_to_b: u32,
    pub b_to_a: u32,
    pub verbal_cooperation: u32,
    pub material_cooperation: u32,
    pub verbal_conflict: u32,
    pub material_conflict: u32,
    pub goldstein_sum: f64,
    /// Null when the bucket has no events.
    pub goldstein_mean: Option<f64>,
    /// Share of events in quad classes 1–2; null when the bucket has no events.
    pub cooperative_share: Option<f64>,
    /// Event counts by two-digit CAMEO root.
    pub roots: BTreeMap<String, u32>,
}

impl BucketRow {
    fn empty(bucket: String) -> BucketRow {
        BucketRow {
            bucket,
            events: 0,
            a_to_b: 0,
            b_to_a: 0,
            verbal_cooperation: 0,
            material_cooperation: 0,
            verbal_conflict: 0,
            material_conflict: 0,
            goldstein_sum: 0.0,
            goldstein_mean: None,
            cooperative_share: None,
            roots: BTreeMap::new(),
        }
    }
}

/// The window of a trend.
#[derive(Debug, Clone, PartialEq)]
pub struct TrendWindow {
    pub granularity: Granularity,
    /// Last day of the window; default: the day of the dyad's latest event.
    pub to: Option<String>,
    /// Number of buckets in the window, ending with the one holding `to`.
    pub buckets: u32,
}

impl Default for TrendWindow {
    /// Twelve weeks up to the latest event.
    fn default() -> TrendWindow {
        TrendWindow {
            granularity: Granularity::Week,
            to: None,
            buckets: 12,
        }
    }
}

/// Plain-language reading of a trend.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TrendLabel {
    Improving,
    Steady,
    Deteriorating,
    TooLittleData,
}

/// One point of the regression.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TrendPoint {
    pub bucket: String,
    pub x: u32,
    pub goldstein_mean: f64,
    pub events: u32,
}

/// A dyad's trend with the numbers behind it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Trend {
    pub label: TrendLabel,
    pub granularity: Granularity,
    pub from: Option<String>,
    pub to: Option<String>,
    /// Buckets in the window, and how many have events.
    pub buckets: u32,
    pub buckets_with_events: u32,
    pub events: u32,
    /// Goldstein points per bucket (least squares); null with fewer than two points.
    pub slope: Option<f64>,
    pub intercept: Option<f64>,
    pub r_squared: Option<f64>,
    /// `slope × (buckets − 1)`: the change across the window the slope implies.
    pub change_over_window: Option<f64>,
    pub mean_goldstein: Option<f64>,
    pub points: Vec<TrendPoint>,
}

/// Least squares `y = intercept + slope·x`; returns (slope, intercept, r²).
pub fn least_squares(points: &[(f64, f64)]) -> Option<(f64, f64, f64)> {
    let n = points.len() as f64;
    if points.len() < 2 {
        return None;
    }
    let mx = points.iter().map(|p| p.0).sum::<f64>() / n;
    let my = points.iter().map(|p| p.1).sum::<f64>() / n;
    let sxx: f64 = points.iter().map(|p| (p.0 - mx).powi(2)).sum();
    if sxx == 0.0 {
        return None;
    }
    let sxy: f64 = points.iter().map(|p| (p.0 - mx) * (p.1 - my)).sum();
    let syy: f64 = points.iter().map(|p| (p.1 - my).powi(2)).sum();
    let slope = sxy / sxx;
    let r2 = if syy == 0.0 {
        1.0
    } else {
        (sxy * sxy) / (sxx * syy)
    };
    Some((slope, my - slope * mx, r2))
}

impl Store {
    /// Counts per bucket of the events between `a` and `b` (either direction), from
    /// `from` to `to` (inclusive, `YYYY[-MM[-DD]]`; default: first and last event).
    /// Buckets without events in between are listed with zero counts.
    pub fn dyad_series(
        &self,
        a: &str,
        b: &str,
        granularity: Granularity,
        from: Option<&str>,
        to: Option<&str>,
    ) -> Result<Vec<BucketRow>> {
        let (ka, kb) = (ActorKey::parse(a)?, ActorKey::parse(b)?);
        let mut params: Vec<Value> = Vec::new();
        let ab = format!(
            "({} AND {})",
            cond(&ka, "source", &mut params),
            cond(&kb, "target", &mut params)
        );
        let ba = format!(
            "({} AND {})",
            cond(&kb, "source", &mut params),
            cond(&ka, "target", &mut params)
        );
        let mut sql = format!(
            "SELECT day, quad_class, cameo_root, goldstein, {ab} FROM events
             WHERE ({ab} OR {ba}) AND day IS NOT NULL AND negated = 0 AND modality != 'hypothetical'"
        );
        let from_key = from.map(from_bound).transpose()?;
        let to_key = to.map(to_bound).transpose()?;
        if let Some(f) = &from_key {
            params.push(Value::Text(f.clone()));
            sql.push_str(&format!(" AND day >= ?{}", params.len()));
        }
        if let Some(t) = &to_key {
            params.push(Value::Text(t.clone()));
            sql.push_str(&format!(" AND day <= ?{}", params.len()));
        }
        sql.push_str(" ORDER BY day");
        let mut st = self.conn.prepare_cached(&sql).map_err(self.sql())?;
        let rows = st
            .query_map(rusqlite::params_from_iter(params), |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, i64>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, f64>(3)?,
                    r.get::<_, bool>(4)?,
                ))
            })
            .map_err(self.sql())?;
        let mut buckets: BTreeMap<i64, BucketRow> = BTreeMap::new();
        for row in rows {
            let (day, quad, root, g, is_ab) = row.map_err(self.sql())?;
            let Some(d) = days_of_key(&day) else { continue };
            let k = granularity.bucket(d);
            let b = buckets
                .entry(k)
                .or_insert_with(|| BucketRow::empty(granularity.bucket_start(k)));
            b.events += 1;
            if is_ab {
                b.a_to_b += 1;
            } else {
                b.b_to_a += 1;
            }
            match quad {
                1 => b.verbal_cooperation += 1,
                2 => b.material_cooperation += 1,
                3 => b.verbal_conflict += 1,
                4 => b.material_conflict += 1,
                _ => {}
            }
            b.goldstein_sum += g;
            *b.roots.entry(root).or_insert(0) += 1;
        }
        for b in buckets.values_mut() {
            if b.events > 0 {
                let n = f64::from(b.events);
                b.goldstein_mean = Some(b.goldstein_sum / n);
                b.cooperative_share =
                    Some(f64::from(b.verbal_cooperation + b.material_cooperation) / n);
            }
        }
        // Fill the empty buckets between the bounds.
        let lo = from_key
            .as_deref()
            .and_then(days_of_key)
            .map(|d| granularity.bucket(d))
            .or_else(|| buckets.keys().next().copied());
        let hi = to_key
            .as_deref()
            .and_then(days_of_key)
            .map(|d| granularity.bucket(d))
            .or_else(|| buckets.keys().next_back().copied());
        if let (Some(lo), Some(hi)) = (lo, hi) {
            if hi >= lo && hi - lo < MAX_FILLED_BUCKETS {
                for k in lo..=hi {
                    buckets
                        .entry(k)
                        .or_insert_with(|| BucketRow::empty(granularity.bucket_start(k)));
                }
            }
        }
        Ok(buckets.into_values().collect())
    }

    /// Trend of the Goldstein mean between `a` and `b` over a window of buckets.
    pub fn trend(&self, a: &str, b: &str, w: &TrendWindow) -> Result<Trend> {
        if w.buckets == 0 {
            return Err(StoreError::Invalid(
                "a trend window needs at least one bucket".into(),
            ));
        }
        let to = match &w.to {
            Some(t) => Some(to_bound(t)?),
            None => self.last_dyad_day(a, b)?,
        };
        let g = w.granularity;
        let Some(to) = to else {
            return Ok(Trend {
                label: TrendLabel::TooLittleData,
                granularity: g,
                from: None,
                to: None,
                buckets: w.buckets,
                buckets_with_events: 0,
                events: 0,
                slope: None,
                intercept: None,
                r_squared: None,
                change_over_window: None,
                mean_goldstein: None,
                points: vec![],
            });
        };
        let end = g.bucket(days_of_key(&to).unwrap_or(0));
        let start = end - i64::from(w.buckets) + 1;
        let from = g.bucket_start(start);
        let series = self.dyad_series(a, b, g, Some(&from), Some(&to))?;
        let points: Vec<TrendPoint> = series
            .iter()
            .enumerate()
            .filter_map(|(x, r)| {
                r.goldstein_mean.map(|m| TrendPoint {
                    bucket: r.bucket.clone(),
                    x: x as u32,
                    goldstein_mean: m,
                    events: r.events,
                })
            })
            .collect();
        let events: u32 = points.iter().map(|p| p.events).sum();
        let fit = least_squares(
            &points
                .iter()
                .map(|p| (f64::from(p.x), p.goldstein_mean))
                .collect::<Vec<_>>(),
        );
        let change = fit.map(|(s, _, _)| s * f64::from(w.buckets.saturating_sub(1)));
        let total: f64 = series.iter().map(|r| r.goldstein_sum).sum();
        let label = match change {
            _ if points.len() < MIN_BUCKETS || events < MIN_EVENTS => TrendLabel::TooLittleData,
            Some(c) if c >= CHANGE_THRESHOLD => TrendLabel::Improving,
            Some(c) if c <= -CHANGE_THRESHOLD => TrendLabel::Deteriorating,
            Some(_) => TrendLabel::Steady,
            None => TrendLabel::TooLittleData,
        };
        Ok(Trend {
            label,
            granularity: g,
            from: Some(from),
            to: Some(to),
            buckets: w.buckets,
            buckets_with_events: points.len() as u32,
            events,
            slope: fit.map(|f| f.0),
            intercept: fit.map(|f| f.1),
            r_squared: fit.map(|f| f.2),
            change_over_window: change,
            mean_goldstein: (events > 0).then(|| total / f64::from(events)),
            points,
        })
    }

    fn last_dyad_day(&self, a: &str, b: &str) -> Result<Option<String>> {
        let (ka, kb) = (ActorKey::parse(a)?, ActorKey::parse(b)?);
        let mut params: Vec<Value> = Vec::new();
        let ab = format!(
            "({} AND {})",
            cond(&ka, "source", &mut params),
            cond(&kb, "target", &mut params)
        );
        let ba = format!(
            "({} AND {})",
            cond(&kb, "source", &mut params),
            cond(&ka, "target", &mut params)
        );
        let sql = format!(
            "SELECT max(day) FROM events WHERE ({ab} OR {ba}) AND negated = 0 AND modality != 'hypothetical'"
        );
        self.conn
            .query_row(&sql, rusqlite::params_from_iter(params), |r| r.get(0))
            .map_err(self.sql())
    }
}

fn cond(k: &ActorKey, side: &str, params: &mut Vec<Value>) -> String {
    k.cond(side, params)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn least_squares_on_a_line() {
        let (s, i, r2) = least_squares(&[(0.0, 1.0), (1.0, 3.0), (2.0, 5.0)]).unwrap();
        assert!((s - 2.0).abs() < 1e-9 && (i - 1.0).abs() < 1e-9 && (r2 - 1.0).abs() < 1e-9);
        assert!(least_squares(&[(1.0, 1.0)]).is_none());
        assert!(least_squares(&[(1.0, 1.0), (1.0, 2.0)]).is_none());
    }
}
