//! Small calendar helpers: day numbers, ISO weeks, months, and the `YYYY-MM-DD` keys
//! the store sorts and filters by.
//!
//! Why not a date crate: the ledger needs only civil-date arithmetic on the proleptic
//! Gregorian calendar (no time zones) — `attache_core::date::days_from_civil` and its
//! inverse — which keeps the store free of conversions between a library's types and
//! the core `FuzzyDate`.

use attache_core::{DatePrecision, FuzzyDate};

pub use attache_core::date::{civil_from_days, days_from_civil};

/// `YYYY-MM-DD` of a day number.
pub fn key_of_days(days: i64) -> String {
    let (y, m, d) = civil_from_days(days);
    format!("{y:04}-{m:02}-{d:02}")
}

/// Day number of a `YYYY-MM-DD` key (or of the first day of `YYYY` / `YYYY-MM`).
pub fn days_of_key(key: &str) -> Option<i64> {
    let f = FuzzyDate::parse(key)?;
    Some(days_from_civil(f.year, f.month, f.day))
}

/// Sort key of a fuzzy date: its first day as `YYYY-MM-DD`.
pub fn key_of(date: &FuzzyDate) -> String {
    format!("{:04}-{:02}-{:02}", date.year, date.month, date.day)
}

/// Name stored for a precision.
pub fn precision_name(p: DatePrecision) -> &'static str {
    match p {
        DatePrecision::Day => "day",
        DatePrecision::Month => "month",
        DatePrecision::Year => "year",
    }
}

/// Rebuild a fuzzy date from a stored key and precision name.
pub fn fuzzy_from_key(key: &str, precision: Option<&str>) -> Option<FuzzyDate> {
    let f = FuzzyDate::parse(key)?;
    Some(match precision {
        Some("year") => FuzzyDate::year(f.year),
        Some("month") => FuzzyDate::month(f.year, f.month),
        _ => f,
    })
}

/// Current UTC time as RFC 3339 (`2025-05-30T08:00:00Z`).
pub fn now_utc() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0);
    let (y, m, d) = civil_from_days(secs.div_euclid(86400));
    let s = secs.rem_euclid(86400);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        s / 3600,
        s % 3600 / 60,
        s % 60
    )
}

/// Today's UTC date as `YYYY-MM-DD`.
pub fn today_utc() -> String {
    now_utc()[..10].to_string()
}

/// Bucket granularity of a dyad series.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Granularity {
    Day,
    /// ISO weeks, labelled by their Monday.
    Week,
    Month,
}

impl Granularity {
    /// Parse `day`, `week` or `month`.
    pub fn parse(s: &str) -> Option<Granularity> {
        match s.trim().to_ascii_lowercase().as_str() {
            "day" | "daily" | "d" => Some(Granularity::Day),
            "week" | "weekly" | "w" => Some(Granularity::Week),
            "month" | "monthly" | "m" => Some(Granularity::Month),
            _ => None,
        }
    }

    /// Index of the bucket holding a day (consecutive buckets have consecutive indexes).
    pub fn bucket(self, days: i64) -> i64 {
        match self {
            Granularity::Day => days,
            // 1970-01-01 was a Thursday: shift so that weeks start on Monday.
            Granularity::Week => (days + 3).div_euclid(7),
            Granularity::Month => {
                let (y, m, _) = civil_from_days(days);
                i64::from(y) * 12 + i64::from(m) - 1
            }
        }
    }

    /// First day of a bucket, as `YYYY-MM-DD`.
    pub fn bucket_start(self, bucket: i64) -> String {
        match self {
            Granularity::Day => key_of_days(bucket),
            Granularity::Week => key_of_days(bucket * 7 - 3),
            Granularity::Month => {
                let y = bucket.div_euclid(12) as i32;
                let m = bucket.rem_euclid(12) as u8 + 1;
                format!("{y:04}-{m:02}-01")
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weeks_start_on_monday_and_months_on_the_first() {
        // 2025-05-30 was a Friday; its week starts on Monday 2025-05-26.
        let d = days_of_key("2025-05-30").unwrap();
        let w = Granularity::Week.bucket(d);
        assert_eq!(Granularity::Week.bucket_start(w), "2025-05-26");
        assert_eq!(
            Granularity::Week.bucket(days_of_key("2025-05-26").unwrap()),
            w
        );
        assert_eq!(
            Granularity::Week.bucket(days_of_key("2025-06-01").unwrap()),
            w
        );
        assert_eq!(
            Granularity::Week.bucket(days_of_key("2025-06-02").unwrap()),
            w + 1
        );
        let m = Granularity::Month.bucket(d);
        assert_eq!(Granularity::Month.bucket_start(m), "2025-05-01");
        assert_eq!(Granularity::Month.bucket_start(m + 8), "2026-01-01");
    }
}
