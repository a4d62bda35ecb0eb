//! Dates that may be known only to the month or the year.

use serde::{Deserialize, Serialize};

/// How much of a date is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DatePrecision {
    Day,
    Month,
    Year,
}

/// A calendar date with its precision. Unknown parts are 1 (so `2025-04` is stored as
/// 2025-04-01 with `Month` precision) and printed only as far as they are known.
///
/// Serialised as that string (`"2025"`, `"2025-04"`, `"2025-04-19"`): the precision is
/// in the form, and JSON users get a date they can read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FuzzyDate {
    pub year: i32,
    pub month: u8,
    pub day: u8,
    pub precision: DatePrecision,
}

impl FuzzyDate {
    pub fn day(year: i32, month: u8, day: u8) -> FuzzyDate {
        FuzzyDate {
            year,
            month,
            day,
            precision: DatePrecision::Day,
        }
    }
    pub fn month(year: i32, month: u8) -> FuzzyDate {
        FuzzyDate {
            year,
            month,
            day: 1,
            precision: DatePrecision::Month,
        }
    }
    pub fn year(year: i32) -> FuzzyDate {
        FuzzyDate {
            year,
            month: 1,
            day: 1,
            precision: DatePrecision::Year,
        }
    }

    /// Parse `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (the form [`FuzzyDate::to_string`] prints).
    pub fn parse(s: &str) -> Option<FuzzyDate> {
        let s = s.trim();
        let mut parts = s.splitn(3, '-');
        let y: i32 = parts.next()?.parse().ok()?;
        if !(1..=9999).contains(&y) {
            return None;
        }
        let Some(m) = parts.next() else {
            return Some(FuzzyDate::year(y));
        };
        let m: u8 = m.parse().ok()?;
        if !(1..=12).contains(&m) {
            return None;
        }
        let Some(d) = parts.next() else {
            return Some(FuzzyDate::month(y, m));
        };
        let d: u8 = d.get(..2.min(d.len()))?.parse().ok()?;
        if d == 0 || d > days_in_month(y, m) {
            return None;
        }
        Some(FuzzyDate::day(y, m, d))
    }
}

impl Serialize for FuzzyDate {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for FuzzyDate {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<FuzzyDate, D::Error> {
        let s = String::deserialize(d)?;
        FuzzyDate::parse(&s).ok_or_else(|| {
            serde::de::Error::custom(format!("{s:?} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)"))
        })
    }
}

/// Number of days in a month of the proleptic Gregorian calendar.
pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian civil date (Howard Hinnant's
/// algorithm). The coder shifts dates by days ("last Thursday") and the ledger buckets
/// them by week and month; both need only this arithmetic, so it lives here once rather
/// than pulling a date library into every crate.
pub fn days_from_civil(y: i32, m: u8, d: u8) -> i64 {
    let y = i64::from(y) - i64::from(m <= 2);
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146097 + doe - 719468
}

/// Civil date `(year, month, day)` of a day number (inverse of [`days_from_civil`]).
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

impl std::fmt::Display for FuzzyDate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.precision {
            DatePrecision::Year => write!(f, "{:04}", self.year),
            DatePrecision::Month => write!(f, "{:04}-{:02}", self.year, self.month),
            DatePrecision::Day => write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_and_print_round_trip() {
        for s in ["2025", "2025-04", "2025-05-30", "2024-02-29"] {
            assert_eq!(FuzzyDate::parse(s).unwrap().to_string(), s);
        }
        for bad in ["", "2025-13", "2025-02-30", "2023-02-29", "x", "2025-00-01"] {
            assert!(FuzzyDate::parse(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn day_numbers_round_trip() {
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(days_from_civil(2000, 3, 1), 11017);
        assert_eq!(
            days_from_civil(2024, 2, 29) + 1,
            days_from_civil(2024, 3, 1)
        );
        for z in [-800_000i64, -1, 0, 59, 10_000, 20_238, 2_000_000] {
            let (y, m, d) = civil_from_days(z);
            assert_eq!(days_from_civil(y, m, d), z);
        }
    }
}

#[cfg(test)]
mod serde_tests {
    use super::*;

    #[test]
    fn serialises_as_its_string() {
        let d = FuzzyDate::month(2025, 4);
        assert_eq!(serde_json::to_string(&d).unwrap(), "\"2025-04\"");
        assert_eq!(
            serde_json::from_str::<FuzzyDate>("\"2025-04-19\"").unwrap(),
            FuzzyDate::day(2025, 4, 19)
        );
        assert!(serde_json::from_str::<FuzzyDate>("\"2025-13\"").is_err());
    }
}
