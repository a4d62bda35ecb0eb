//! The CAMEO 2.0 ontology: every code with its quad class, Goldstein score and PLOVER
//! type/mode, compiled into the binary from `data/ontology/cameo.tsv`.
//!
//! Why a table of our own: the three reference tables (codes, Goldstein, PLOVER) differ
//! in layout and coverage; merging them once (scripts/gen_ontology.py) gives one row per
//! code that the coder can look up in O(1) and reviewers can diff. Why `include_str!`:
//! the ontology is a fact table, not configuration; shipping it inside the binary means
//! no file to lose and no parse error at run time that a user could cause.

use std::collections::HashMap;
use std::sync::OnceLock;

const TABLE: &str = include_str!("../../../data/ontology/cameo.tsv");

/// One CAMEO code with its derived attributes.
#[derive(Debug, Clone, PartialEq)]
pub struct CameoEntry {
    pub code: &'static str,
    pub root: &'static str,
    /// 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.
    pub quad_class: u8,
    pub goldstein: f32,
    /// PLOVER type (`CONSULT`, `ACCUSE`, …); empty when PLOVER has no equivalent (CAMEO 01).
    pub plover_type: &'static str,
    /// PLOVER mode (`visit`, `allege`, …), if any.
    pub plover_mode: Option<&'static str>,
    /// PLOVER context (`diplomatic`, `economic`, …), if any.
    pub plover_context: Option<&'static str>,
    pub label: &'static str,
}

/// The whole table, indexed by code.
#[derive(Debug)]
pub struct Ontology {
    entries: Vec<CameoEntry>,
    index: HashMap<&'static str, usize>,
}

impl Ontology {
    /// The built-in table (parsed once per process).
    pub fn get() -> &'static Ontology {
        static CELL: OnceLock<Ontology> = OnceLock::new();
        CELL.get_or_init(|| Ontology::parse(TABLE))
    }

    fn parse(text: &'static str) -> Ontology {
        let mut entries = Vec::new();
        for line in text.lines() {
            if line.starts_with('#') || line.starts_with("code\t") || line.trim().is_empty() {
                continue;
            }
            let f: Vec<&'static str> = line.split('\t').collect();
            if f.len() < 9 {
                continue;
            }
            let opt = |s: &'static str| if s.is_empty() { None } else { Some(s) };
            entries.push(CameoEntry {
                code: f[0],
                root: f[1],
                quad_class: f[2].parse().unwrap_or(0),
                goldstein: f[3].parse().unwrap_or(0.0),
                plover_type: f[4],
                plover_mode: opt(f[5]),
                plover_context: opt(f[6]),
                label: f[8],
            });
        }
        let index = entries
            .iter()
            .enumerate()
            .map(|(i, e)| (e.code, i))
            .collect();
        Ontology { entries, index }
    }

    /// Look up a code (`"042"`, `"0311"`, `"19"`).
    pub fn lookup(&self, code: &str) -> Option<&CameoEntry> {
        self.index.get(code).map(|&i| &self.entries[i])
    }

    /// All codes in table order.
    pub fn entries(&self) -> &[CameoEntry] {
        &self.entries
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_root_and_known_codes_present() {
        let o = Ontology::get();
        for r in 1..=20 {
            let root = format!("{r:02}");
            assert!(o.lookup(&root).is_some(), "root {root}");
            assert!(o.entries().iter().filter(|e| e.root == root).count() > 1);
        }
        let v = o.lookup("042").unwrap();
        assert_eq!(
            (v.quad_class, v.plover_type, v.plover_mode),
            (1, "CONSULT", Some("visit"))
        );
        assert_eq!(o.lookup("195").unwrap().goldstein, -10.0);
        assert_eq!(o.lookup("0311").unwrap().plover_context, Some("economic"));
        assert_eq!(o.lookup("112").unwrap().plover_type, "ACCUSE");
        assert!(o.lookup("999").is_none());
        assert_eq!(o.entries().len(), 311);
    }
}
