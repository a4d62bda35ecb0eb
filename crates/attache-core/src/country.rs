//! The table of states and their codes (ISO 3166-1 alpha-3 and alpha-2, CAMEO,
//! Correlates of War), compiled into the binary from `data/lexicon/countries.tsv`.
//!
//! It lives in the core crate because the lexicon (names), the coder (codes) and the
//! ledger (COW import/export) all need it, and none of them should depend on another
//! just for a table of facts.

use std::sync::OnceLock;

/// One state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Country {
    pub iso3: &'static str,
    pub iso2: &'static str,
    pub cameo: &'static str,
    pub cow: Option<u16>,
    pub cow_abbrev: Option<&'static str>,
    pub name: &'static str,
    pub short: &'static str,
}

const TABLE: &str = include_str!("../../../data/lexicon/countries.tsv");

/// All states in the table, sorted by ISO alpha-3.
pub fn all() -> &'static [Country] {
    static CELL: OnceLock<Vec<Country>> = OnceLock::new();
    CELL.get_or_init(|| {
        let mut v: Vec<Country> = TABLE
            .lines()
            .filter(|l| !l.starts_with('#') && !l.starts_with("iso3\t") && !l.trim().is_empty())
            .filter_map(|l| {
                let f: Vec<&'static str> = l.split('\t').collect();
                if f.len() < 7 {
                    return None;
                }
                let opt = |s: &'static str| {
                    if s == "-" || s.is_empty() {
                        None
                    } else {
                        Some(s)
                    }
                };
                Some(Country {
                    iso3: f[0],
                    iso2: f[1],
                    cameo: f[2],
                    cow: opt(f[3]).and_then(|s| s.parse().ok()),
                    cow_abbrev: opt(f[4]),
                    name: f[5],
                    short: f[6],
                })
            })
            .collect();
        v.sort_by_key(|c| c.iso3);
        v
    })
}

/// Find a state by any of its codes: ISO alpha-3, alpha-2, CAMEO, or COW abbreviation
/// (case-insensitive), or COW number.
pub fn by_code(code: &str) -> Option<&'static Country> {
    let up = code.trim().to_ascii_uppercase();
    let t = all();
    if let Ok(i) = t.binary_search_by_key(&up.as_str(), |c| c.iso3) {
        return Some(&t[i]);
    }
    if let Ok(n) = up.parse::<u16>() {
        return by_cow(n);
    }
    t.iter()
        .find(|c| c.iso2 == up || c.cameo == up)
        .or_else(|| t.iter().find(|c| c.cow_abbrev == Some(up.as_str())))
}

/// Find a state by its COW number.
pub fn by_cow(n: u16) -> Option<&'static Country> {
    all().iter().find(|c| c.cow == Some(n))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lookups_agree() {
        let pak = by_code("PAK").unwrap();
        assert_eq!(by_code("pk"), Some(pak));
        assert_eq!(by_cow(770), Some(pak));
        assert_eq!(by_code("770"), Some(pak));
        assert_eq!(by_code("UAE").unwrap().iso3, "ARE");
        assert!(by_code("XXX").is_none());
    }
}
