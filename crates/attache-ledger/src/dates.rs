//! Small calendar helpers: day numbers, ISO weeks, months, and the `YYYY-MM-DD` keys
//! the store sorts and filters by.
//!
//! Why not a date crate: the ledger needs only civil-date arithmetic on the proleptic
//! Gregorian calendar (no time zones), which fits in a few tested functions and keeps
//! the store free of conversions between a library's types and the core `FuzzyDate`.

use attache_core::{DatePrecision, FuzzyDate};

/// Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm).
pub fn days_from_civil(y: i32, m: u8, d: u8) -> i64 {
    let y = i64::from(y) - i64::from(m <= 2);
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146097 + doe - 719468
}

/// Civil date of a day number (inverse of [`days_from_civil`]).
pub fn civil_from_days(z: i64) -> (i32, u8, u8) {
    let z = z + 719468;
    let era = if z >= 0 { z } else { z - 146096 } / 146097;
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    ((y + i64::from(m <= 2)) as i32, m, d)
}

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
    fn day_numbers_round_trip() {
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(days_from_civil(2000, 3, 1), 11017);
        for z in [-800_000i64, -1, 0, 59, 10_000, 20_238, 2_000_000] {
            let (y, m, d) = civil_from_days(z);
            assert_eq!(days_from_civil(y, m, d), z);
        }
    }

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
