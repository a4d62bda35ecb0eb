//! Kinds of state named in definite descriptions: "the South American country", "the
//! Gulf kingdom", "the landlocked nation", "the former Soviet republic", "the Sahel
//! country", "the island".
//!
//! Why: wire copy names a state once and then describes it by its region or a trait,
//! and the event gold resolves such descriptions to the state the story introduced. A
//! description must take the most recent state that *fits* (in "Xi met Lula … the South
//! American country" that is Brazil, not China), and the words of a region must never
//! become an actor themselves ("American" in "South American" is not the United
//! States). Which states belong to a region is a fact, so it lives in a reviewable data
//! file (`data/lexicon/regions.tsv`, embedded at build time) rather than in code; the
//! resolver (`resolve.rs`) asks this module which words at a position name a kind of
//! state and which states it holds.
//!
//! A built-in file is not user input, but the loader still never panics: a malformed
//! line is skipped and reported by `attache actors check` (`check_regions`).

use crate::check::{Problem, ProblemKind};
use crate::model::Origin;
use crate::token::{key_of, Tok};
use std::collections::HashMap;
use std::sync::OnceLock;

const FILE: &str = "regions.tsv";
const BUILTIN: &str = include_str!("../../../data/lexicon/regions.tsv");

/// The region table: modifier phrases and heads, each with its member states.
#[derive(Debug, Default)]
pub(crate) struct Regions {
    /// Modifier phrases as token normal forms ("south", "american"), with a set index.
    modifiers: Vec<(Vec<String>, usize)>,
    /// First word of a modifier phrase → indices into `modifiers`, longest first.
    by_first: HashMap<String, Vec<usize>>,
    /// Head words ("kingdom", "island") → set index.
    heads: HashMap<String, usize>,
    /// Member states (ISO3) of each set.
    sets: Vec<Vec<String>>,
    problems: Vec<Problem>,
}

fn parse(text: &str) -> Regions {
    let mut r = Regions::default();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim_end();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let origin = Origin {
            file: FILE.to_string(),
            line: i + 1,
        };
        let cols: Vec<&str> = line.split('\t').collect();
        let bad = |msg: String| Problem {
            kind: ProblemKind::MalformedLine,
            origin: Some(origin.clone()),
            message: msg,
        };
        if cols.len() != 3 {
            r.problems.push(bad(format!(
                "expected 3 tab-separated columns (words, role, members), found {}",
                cols.len()
            )));
            continue;
        }
        let members: Vec<String> = cols[2].split_whitespace().map(str::to_string).collect();
        if let Some(m) = members
            .iter()
            .find(|m| attache_core::country::by_code(m).is_none_or(|c| c.iso3 != m.as_str()))
        {
            r.problems.push(Problem {
                kind: ProblemKind::UnknownCountry,
                origin: Some(origin.clone()),
                message: format!("{m} is not an ISO3 code of data/lexicon/countries.tsv"),
            });
            continue;
        }
        if members.is_empty() {
            r.problems.push(bad("no member states".into()));
            continue;
        }
        let set = r.sets.len();
        match cols[1] {
            "modifier" => {
                for w in cols[0].split('|') {
                    let key: Vec<String> = key_of(w).split(' ').map(str::to_string).collect();
                    if key.iter().all(|k| !k.is_empty()) {
                        r.modifiers.push((key, set));
                    }
                }
            }
            "head" => {
                for w in cols[0].split('|') {
                    r.heads.insert(key_of(w), set);
                }
            }
            other => {
                r.problems.push(bad(format!(
                    "role must be \"modifier\" or \"head\", not {other:?}"
                )));
                continue;
            }
        }
        r.sets.push(members);
    }
    for (k, (words, _)) in r.modifiers.iter().enumerate() {
        r.by_first.entry(words[0].clone()).or_default().push(k);
    }
    for v in r.by_first.values_mut() {
        let mods = &r.modifiers;
        v.sort_by_key(|&k| std::cmp::Reverse(mods[k].0.len()));
    }
    r
}

/// The built-in table, parsed once.
pub(crate) fn regions() -> &'static Regions {
    static R: OnceLock<Regions> = OnceLock::new();
    R.get_or_init(|| parse(BUILTIN))
}

/// Problems in the built-in region table (for `attache actors check`).
pub fn check_regions() -> Vec<Problem> {
    regions().problems.clone()
}

impl Regions {
    /// The longest modifier phrase starting at token `i` ("South American", "former
    /// Soviet", "oil-rich"): its end and member states.
    pub(crate) fn modifier_at(&self, toks: &[Tok], i: usize) -> Option<(usize, &[String])> {
        let cands = self.by_first.get(toks.get(i)?.norm.as_str())?;
        cands.iter().find_map(|&k| {
            let (words, set) = &self.modifiers[k];
            let fits = words
                .iter()
                .enumerate()
                .all(|(j, w)| toks.get(i + j).is_some_and(|t| t.norm == *w));
            fits.then(|| (i + words.len(), self.sets[*set].as_slice()))
        })
    }

    /// The member states a head word restricts a description to ("kingdom", "island").
    pub(crate) fn head(&self, w: &str) -> Option<&[String]> {
        self.heads.get(w).map(|&s| self.sets[s].as_slice())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::token::tokenize;

    #[test]
    fn builtin_table_is_clean() {
        assert_eq!(check_regions(), Vec::<Problem>::new());
        assert!(regions().sets.len() > 30);
    }

    #[test]
    fn longest_modifier_wins() {
        let toks = tokenize("the South American country", 0);
        let (end, set) = regions().modifier_at(&toks, 1).unwrap();
        assert_eq!(end, 3);
        assert!(set.iter().any(|c| c == "BRA") && !set.iter().any(|c| c == "USA"));
        let toks = tokenize("the oil-rich Gulf state", 0);
        let (end, set) = regions().modifier_at(&toks, 1).unwrap();
        assert_eq!(end, 4);
        assert!(set.iter().any(|c| c == "SAU"));
        assert!(regions().modifier_at(&toks, 0).is_none());
    }

    #[test]
    fn malformed_lines_are_reported_not_fatal() {
        let r = parse("gulf\tmodifier\tSAU QAT\nbad line\nx\tmodifier\tZZZ\ny\tother\tSAU\n");
        assert_eq!(r.sets.len(), 1);
        let kinds: Vec<ProblemKind> = r.problems.iter().map(|p| p.kind).collect();
        assert_eq!(
            kinds,
            [
                ProblemKind::MalformedLine,
                ProblemKind::UnknownCountry,
                ProblemKind::MalformedLine
            ]
        );
        assert_eq!(r.problems[0].origin.as_ref().unwrap().line, 2);
    }
}
