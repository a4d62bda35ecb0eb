//! Datelines: the place (and sometimes date and agency) that opens a news story —
//! `ISLAMABAD:`, `KABUL (Reuters) -`, `WASHINGTON —`, `Beijing, May 30 (Xinhua) --`.
//!
//! Why: the dateline is not part of the first sentence (left in, the parser sees
//! "ISLAMABAD: Pakistan has…" as one odd noun phrase), and the place is evidence of
//! where the story was filed, which the actor resolver uses for titles without a
//! country ("the foreign minister said"). Recognised by shape only, conservatively:
//! a false dateline would cut the start of a real sentence.

/// A dateline found at the start of a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dateline {
    /// The place as written ("ISLAMABAD", "Beijing").
    pub place: String,
    /// Agency in parentheses, if any ("Reuters").
    pub agency: Option<String>,
    /// Byte offset where the body starts after the dateline and its separator.
    pub body_start: usize,
}

const SEPARATORS: [&str; 7] = [" -- ", " — ", " – ", " - ", "—", "–", ":"];
const MONTHS: [&str; 24] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Jan.",
    "Feb.",
    "Mar.",
    "Apr.",
    "Jun.",
    "Jul.",
    "Aug.",
    "Sep.",
    "Sept.",
    "Oct.",
    "Nov.",
    "Dec.",
];

/// Find a dateline at the start of `text` (leading whitespace allowed).
pub fn split_dateline(text: &str) -> Option<Dateline> {
    let lead = text.len() - text.trim_start().len();
    let t = &text[lead..];
    // The dateline must be short: look for the first separator in the first 80 bytes.
    let window_end = floor_char_boundary(t, 80);
    let window = &t[..window_end];
    let (sep_at, sep) = SEPARATORS
        .iter()
        .filter_map(|s| window.find(s).map(|i| (i, *s)))
        .min_by_key(|(i, s)| (*i, std::cmp::Reverse(s.len())))?;
    let prefix = t[..sep_at].trim();
    if prefix.is_empty() {
        return None;
    }
    let mut rest_start = sep_at + sep.len();
    // "--" written without spaces or a dash followed by more dashes.
    while t[rest_start..].starts_with(['-', '—', '–']) {
        rest_start += t[rest_start..].chars().next().map_or(1, char::len_utf8);
    }
    let body = &t[rest_start..];
    let body_trim = body.trim_start();
    let first = body_trim.chars().next()?;
    if !(first.is_alphanumeric() || "\"“‘'(".contains(first)) {
        return None;
    }

    // Agency in parentheses at the end of the prefix.
    let (head, agency) = match prefix.strip_suffix(')').and_then(|p| p.rsplit_once('(')) {
        Some((h, a)) => {
            let a = a.trim();
            if a.is_empty() || a.split_whitespace().count() > 4 {
                return None;
            }
            (h.trim().trim_end_matches(',').trim(), Some(a.to_string()))
        }
        None => (prefix, None),
    };
    let mut parts = head.split(',').map(str::trim);
    let place = parts.next()?;
    let mut has_date = false;
    for extra in parts {
        if is_date_part(extra) {
            has_date = true;
        } else if !is_place_words(extra) {
            return None;
        }
    }
    if !is_place_words(place) {
        return None;
    }
    let all_caps = !place.chars().any(char::is_lowercase) && place.chars().any(char::is_uppercase);
    let colon = sep == ":";
    let strong_dash = sep != " - ";
    let accepted = if colon {
        // "ISLAMABAD:" — only all-caps places, so that "Note: …" or "Pakistan: …" stay text.
        all_caps && agency.is_none()
    } else {
        all_caps
            || agency.is_some()
            || has_date
            || (strong_dash && place.split_whitespace().count() <= 3)
    };
    if !accepted {
        return None;
    }
    Some(Dateline {
        place: place.to_string(),
        agency,
        body_start: lead + rest_start + (body.len() - body_trim.len()),
    })
}

fn is_place_words(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    if words.is_empty() || words.len() > 5 || s.len() > 40 {
        return false;
    }
    words.iter().all(|w| {
        let mut cs = w.chars();
        let first = cs.next().unwrap_or(' ');
        (first.is_uppercase() || (w.len() <= 3 && ["al", "de", "es", "el"].contains(w)))
            && w.chars().all(|c| c.is_alphabetic() || ".-'’".contains(c))
    })
}

fn is_date_part(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    if words.is_empty() || words.len() > 3 {
        return false;
    }
    let month = words
        .iter()
        .any(|w| MONTHS.contains(w) || MONTHS.contains(&w.trim_end_matches('.')));
    let number = words
        .iter()
        .any(|w| w.trim_end_matches(['.', ',']).parse::<u32>().is_ok());
    month && number
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    if i >= s.len() {
        return s.len();
    }
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    fn place(t: &str) -> Option<(String, String)> {
        split_dateline(t).map(|d| (d.place, t[d.body_start..].to_string()))
    }

    #[test]
    fn recognises_common_datelines() {
        let cases = [
            (
                "ISLAMABAD: Pakistan said on Friday.",
                "ISLAMABAD",
                "Pakistan said on Friday.",
            ),
            (
                "KABUL (Reuters) - The talks ended.",
                "KABUL",
                "The talks ended.",
            ),
            (
                "WASHINGTON — The envoy left.",
                "WASHINGTON",
                "The envoy left.",
            ),
            (
                "Beijing, May 30 (Xinhua) -- China and Laos met.",
                "Beijing",
                "China and Laos met.",
            ),
            (
                "UNITED NATIONS — The council voted.",
                "UNITED NATIONS",
                "The council voted.",
            ),
            (
                "NEW DELHI, India — Officials met.",
                "NEW DELHI",
                "Officials met.",
            ),
            (
                "  DOHA:  Qatar hosted talks.",
                "DOHA",
                "Qatar hosted talks.",
            ),
        ];
        for (text, p, body) in cases {
            assert_eq!(
                place(text),
                Some((p.to_string(), body.to_string())),
                "{text}"
            );
        }
    }

    #[test]
    fn leaves_ordinary_sentences_alone() {
        for text in [
            "Pakistan: the long road to peace is open.",
            "Note: the meeting was postponed.",
            "The minister said - and repeated - that talks would resume.",
            "Officials in the capital said the embassy would reopen.",
            "",
            "—",
            "ISLAMABAD:",
        ] {
            assert_eq!(split_dateline(text), None, "{text}");
        }
    }
}
