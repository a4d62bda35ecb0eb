//! Publication dates from metadata, in the forms feeds, pages and exports use, reduced
//! to `YYYY-MM-DD`.
//!
//! Why by hand: the inputs are a handful of well-known shapes (ISO 8601 / RFC 3339 with
//! or without time, RFC 2822, "May 30, 2025", "30 May 2025"); a lenient date-guessing
//! crate would also accept things that are not dates, and we must never invent one.

use attache_core::FuzzyDate;

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// Normalise a metadata date to `YYYY-MM-DD`; `None` when it is not recognisably a date.
pub fn normalise_date(s: &str) -> Option<String> {
    let s = s.trim();
    // ISO 8601 / RFC 3339: starts with YYYY-MM-DD.
    if s.len() >= 10 && s.as_bytes()[4] == b'-' && s.as_bytes()[7] == b'-' {
        let d = FuzzyDate::parse(&s[..10])?;
        let rest = &s[10..];
        if rest.is_empty() || rest.starts_with(['T', 't', ' ']) {
            return Some(d.to_string());
        }
        return None;
    }
    // Word forms: RFC 2822 "Fri, 30 May 2025 10:00:00 GMT", "May 30, 2025", "30 May 2025".
    let words: Vec<String> = s
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .map(|w| w.trim_end_matches('.').to_ascii_lowercase())
        .collect();
    let mut year = None;
    let mut month = None;
    let mut day = None;
    for w in words.iter().take(5) {
        if let Some(m) = MONTHS.iter().position(|m| w.starts_with(m)) {
            if month.is_none() && w.len() <= 9 {
                month = Some(m as u8 + 1);
                continue;
            }
        }
        let digits = w.trim_end_matches(|c: char| c.is_alphabetic());
        if let Ok(n) = digits.parse::<u32>() {
            if digits.len() == 4 && year.is_none() {
                year = Some(n as i32);
            } else if digits.len() <= 2 && day.is_none() && (1..=31).contains(&n) {
                day = Some(n as u8);
            }
        }
    }
    let d = FuzzyDate::parse(&format!("{:04}-{:02}-{:02}", year?, month?, day?))?;
    Some(d.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms() {
        for (input, want) in [
            ("2025-03-14 20:30:26Z", Some("2025-03-14")),
            ("2025-05-30T08:00:00+05:00", Some("2025-05-30")),
            ("2025-05-30", Some("2025-05-30")),
            ("Fri, 30 May 2025 10:00:00 GMT", Some("2025-05-30")),
            ("May 30, 2025", Some("2025-05-30")),
            ("30 May 2025", Some("2025-05-30")),
            ("2025-02-30", None),
            ("yesterday", None),
            ("May 2025", None),
            ("", None),
        ] {
            assert_eq!(normalise_date(input).as_deref(), want, "{input}");
        }
    }
}
