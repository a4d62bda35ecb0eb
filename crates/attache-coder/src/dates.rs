//! Temporal expressions in a sentence, resolved against the publication date.
//!
//! Why a small scanner of our own rather than a general date parser: news uses a handful
//! of forms ("on Thursday", "last week", "in April 2025", "on 19th April 2025", "May
//! 30", "yesterday"), and what matters is the *precision* we can honestly claim. A
//! weekday or "yesterday" is a day only if we know when the article was published;
//! "last week" is only a month; without a publication date, relative expressions stay
//! unresolved — a date is never invented. The scanner works on the sentence text (not
//! the parse), so it does not depend on the tagger recognising month names.

use attache_core::{DatePrecision, FuzzyDate};

/// A date expression found in a text: byte range and value.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DateMention {
    pub start: usize,
    pub end: usize,
    pub date: FuzzyDate,
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];
pub(crate) const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

fn month_of(w: &str) -> Option<u8> {
    let w = w.trim_end_matches('.');
    if w.len() < 3 {
        return None;
    }
    MONTHS
        .iter()
        .position(|m| {
            *m == w || (w.len() == 3 && m.starts_with(w)) || (w == "sept" && *m == "september")
        })
        .map(|i| i as u8 + 1)
}

/// Civil-date arithmetic, shared with the ledger (`attache_core::date`).
pub use attache_core::date::{civil_from_days, days_from_civil};

fn shift(pub_: FuzzyDate, days: i64) -> FuzzyDate {
    let (y, m, d) = civil_from_days(days_from_civil(pub_.year, pub_.month, pub_.day) + days);
    FuzzyDate::day(y, m, d)
}

/// Words of a text with byte ranges, lower-cased (letters/digits runs).
fn words(text: &str) -> Vec<(usize, usize, String)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        if c.is_alphanumeric() {
            start.get_or_insert(i);
        } else if let Some(s) = start.take() {
            out.push((s, i, text[s..i].to_lowercase()));
        }
    }
    if let Some(s) = start {
        out.push((s, text.len(), text[s..].to_lowercase()));
    }
    out
}

fn day_number(w: &str) -> Option<u8> {
    let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &w[digits.len()..];
    if !matches!(suffix, "" | "st" | "nd" | "rd" | "th") || digits.is_empty() || digits.len() > 2 {
        return None;
    }
    digits.parse().ok().filter(|d| (1..=31).contains(d))
}

fn year_number(w: &str) -> Option<i32> {
    if w.len() == 4 {
        w.parse().ok().filter(|y| (1900..=2100).contains(y))
    } else {
        None
    }
}

/// The year that puts month/day closest to the publication date: at most 60 days after
/// it, at most ~10 months before it.
fn nearest_year(p: FuzzyDate, m: u8, d: u8) -> i32 {
    let pd = days_from_civil(p.year, p.month, p.day);
    let dd = days_from_civil(p.year, m, d.min(28));
    if dd > pd + 60 {
        p.year - 1
    } else if dd < pd - 305 {
        p.year + 1
    } else {
        p.year
    }
}

fn valid(y: i32, m: u8, d: u8) -> bool {
    d >= 1 && d <= attache_core::date::days_in_month(y, m)
}

/// Find and resolve the date expressions of `text` (a sentence), with byte offsets
/// relative to `text`. `published` anchors relative expressions; without it only
/// expressions that carry their year are resolved.
pub fn find_dates(text: &str, published: Option<FuzzyDate>) -> Vec<DateMention> {
    let w = words(text);
    let pubday = published.filter(|p| p.precision == DatePrecision::Day);
    let mut out = Vec::new();
    let mut i = 0;
    let get = |k: usize| w.get(k).map(|x| x.2.as_str()).unwrap_or("");
    while i < w.len() {
        let (s, e, ref word) = w[i];
        let mut found: Option<(usize, FuzzyDate)> = None; // (last word index, date)
        let capital = text[s..].starts_with(|c: char| c.is_uppercase());
        let ambiguous = matches!(word.as_str(), "may" | "march");
        if let Some(m) = month_of(word).filter(|_| capital || !ambiguous) {
            // "April 19, 2025", "April 19", "April 2025", "April" (after in/since/by/until)
            if let Some(d) = day_number(get(i + 1)) {
                if let Some(y) = year_number(get(i + 2)) {
                    if valid(y, m, d) {
                        found = Some((i + 2, FuzzyDate::day(y, m, d)));
                    }
                } else if let Some(p) = pubday {
                    let y = nearest_year(p, m, d);
                    if valid(y, m, d) {
                        found = Some((i + 1, FuzzyDate::day(y, m, d)));
                    }
                }
            } else if let Some(y) = year_number(get(i + 1)) {
                found = Some((i + 1, FuzzyDate::month(y, m)));
            } else if i > 0
                && matches!(
                    get(i - 1),
                    "in" | "since"
                        | "by"
                        | "until"
                        | "early"
                        | "late"
                        | "mid"
                        | "last"
                        | "next"
                        | "this"
                )
            {
                // "may" is also a modal verb: only trust it after a preposition.
                if let Some(p) = published {
                    let y = match get(i - 1) {
                        "last" if m >= p.month => p.year - 1,
                        "next" if m <= p.month => p.year + 1,
                        "last" | "next" | "this" => p.year,
                        _ if m > p.month => p.year - 1,
                        _ => p.year,
                    };
                    found = Some((i, FuzzyDate::month(y, m)));
                }
            }
        } else if let Some(d) = day_number(word) {
            // "19th April 2025", "19 April", "19th of April 2025"
            let k = if get(i + 1) == "of" { i + 2 } else { i + 1 };
            if let Some(m) = month_of(get(k)) {
                if let Some(y) = year_number(get(k + 1)) {
                    if valid(y, m, d) {
                        found = Some((k + 1, FuzzyDate::day(y, m, d)));
                    }
                } else if let Some(p) = pubday {
                    let y = nearest_year(p, m, d);
                    if valid(y, m, d) {
                        found = Some((k, FuzzyDate::day(y, m, d)));
                    }
                }
            }
        } else if let Some(y) = year_number(word) {
            if i > 0
                && matches!(
                    get(i - 1),
                    "in" | "since" | "by" | "until" | "of" | "during"
                )
            {
                found = Some((i, FuzzyDate::year(y)));
            }
        } else if let Some(p) = pubday {
            let pday = days_from_civil(p.year, p.month, p.day);
            match word.as_str() {
                "yesterday" => found = Some((i, shift(p, -1))),
                "today" => found = Some((i, p)),
                "tomorrow" => found = Some((i, shift(p, 1))),
                "tonight" => found = Some((i, p)),
                "last" | "next" | "this" | "earlier" => {
                    let dir: i64 = if word == "next" {
                        1
                    } else if word == "this" {
                        0
                    } else {
                        -1
                    };
                    match get(i + 1) {
                        "week" => {
                            let (y, m, _) = civil_from_days(pday + 7 * dir);
                            found = Some((i + 1, FuzzyDate::month(y, m)));
                        }
                        "month" => {
                            let (mut y, mut m) = (p.year, p.month as i32 + dir as i32);
                            if m < 1 {
                                m += 12;
                                y -= 1;
                            } else if m > 12 {
                                m -= 12;
                                y += 1;
                            }
                            found = Some((i + 1, FuzzyDate::month(y, m as u8)));
                        }
                        "year" => found = Some((i + 1, FuzzyDate::year(p.year + dir as i32))),
                        _ => {}
                    }
                }
                _ => {
                    if let Some(wd) = WEEKDAYS.iter().position(|d| *d == word.as_str()) {
                        // 1970-01-01 was a Thursday (index 3 with Monday = 0).
                        let pwd = (pday + 3).rem_euclid(7);
                        let wd = wd as i64;
                        let delta = if get(i.wrapping_sub(1)) == "next" {
                            let d = (wd - pwd).rem_euclid(7);
                            if d == 0 {
                                7
                            } else {
                                d
                            }
                        } else {
                            -((pwd - wd).rem_euclid(7))
                        };
                        found = Some((i, shift(p, delta)));
                    }
                }
            }
        }
        if let Some((last, date)) = found {
            out.push(DateMention {
                start: s,
                end: w[last].1,
                date,
            });
            i = last + 1;
        } else {
            let _ = e;
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(text: &str, pubd: Option<&str>) -> Option<String> {
        let p = pubd.and_then(FuzzyDate::parse);
        find_dates(text, p).first().map(|d| d.date.to_string())
    }

    #[test]
    fn absolute_dates() {
        assert_eq!(
            one("She went there on 19th April 2025 with aides.", None).as_deref(),
            Some("2025-04-19")
        );
        assert_eq!(
            one("Talks began on 3 March 2024.", None).as_deref(),
            Some("2024-03-03")
        );
        assert_eq!(
            one("It was signed on June 2, 2023.", None).as_deref(),
            Some("2023-06-02")
        );
        assert_eq!(
            one("after his visit in April 2025", None).as_deref(),
            Some("2025-04")
        );
        assert_eq!(
            one("relations were cut in 2017", None).as_deref(),
            Some("2017")
        );
        assert_eq!(
            one("Sept. 9, 2021 was the day", None).as_deref(),
            Some("2021-09-09")
        );
        // Relative forms need a publication date.
        assert_eq!(one("They met on Thursday.", None), None);
        assert_eq!(one("The envoy arrived May 30.", None), None);
    }

    #[test]
    fn relative_dates_against_publication() {
        let p = Some("2025-05-30"); // a Friday
        assert_eq!(
            one("They met on Thursday.", p).as_deref(),
            Some("2025-05-29")
        );
        assert_eq!(one("They met on Friday.", p).as_deref(), Some("2025-05-30"));
        assert_eq!(
            one("They will meet next Monday.", p).as_deref(),
            Some("2025-06-02")
        );
        assert_eq!(one("He left yesterday.", p).as_deref(), Some("2025-05-29"));
        assert_eq!(one("It happened last week.", p).as_deref(), Some("2025-05"));
        assert_eq!(
            one("It happened last month.", p).as_deref(),
            Some("2025-04")
        );
        assert_eq!(one("It happened last year.", p).as_deref(), Some("2024"));
        assert_eq!(one("announced May 30", p).as_deref(), Some("2025-05-30"));
        assert_eq!(one("a visit in December", p).as_deref(), Some("2024-12"));
        assert_eq!(one("a visit in April", p).as_deref(), Some("2025-04"));
        assert_eq!(
            one("on 2 January 2026 and", Some("2025-12-30")).as_deref(),
            Some("2026-01-02")
        );
        assert_eq!(
            one("on Jan. 2", Some("2025-12-30")).as_deref(),
            Some("2026-01-02")
        );
        // "may" as a modal verb is not a month.
        assert_eq!(one("They may meet soon.", p), None);
        assert_eq!(one("Pakistan may 30 times", p), None);
    }

    #[test]
    fn civil_round_trip() {
        for d in [-1000i64, 0, 1, 20000, 20238] {
            let (y, m, dd) = civil_from_days(d);
            assert_eq!(days_from_civil(y, m, dd), d);
        }
        assert_eq!(
            civil_from_days(days_from_civil(2024, 2, 28) + 1),
            (2024, 2, 29)
        );
    }
}
