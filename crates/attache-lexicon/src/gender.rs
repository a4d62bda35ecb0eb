//! Whether a mention names a man or a woman, where the text lets us know: for "he"
//! and "she", which must not take a person of the other gender ("Indonesia's foreign
//! minister, Retno Marsudi, … she" is not Xi Jinping).
//!
//! Why a table of given names and title words and no guessing: a wrong gender would
//! block the right antecedent, while an unknown one only leaves the choice to recency,
//! as before. So only names that are clearly one gender in the news are listed
//! (`data/lexicon/given-names.tsv`, embedded at build time), plus titles that say it
//! ("spokeswoman", "queen", "Mr."); everything else is `None`.

use crate::token::key_of;
use std::collections::HashMap;
use std::sync::OnceLock;

const BUILTIN: &str = include_str!("../../../data/lexicon/given-names.tsv");

/// The gender a mention's words show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Gender {
    Female,
    Male,
}

/// Words that say a woman is meant.
const FEMALE_WORDS: &[&str] = &[
    "spokeswoman",
    "chairwoman",
    "congresswoman",
    "businesswoman",
    "queen",
    "princess",
    "empress",
    "mrs",
    "mrs.",
    "ms",
    "ms.",
    "madam",
    "madame",
    "lady",
    "woman",
    "mother",
    "daughter",
    "wife",
    "sister",
    "widow",
];

/// Words that say a man is meant.
const MALE_WORDS: &[&str] = &[
    "spokesman",
    "chairman",
    "congressman",
    "businessman",
    "king",
    "prince",
    "emperor",
    "emir",
    "sultan",
    "mr",
    "mr.",
    "pope",
    "ayatollah",
    "man",
    "father",
    "son",
    "husband",
    "brother",
];

fn table() -> &'static HashMap<String, Gender> {
    static T: OnceLock<HashMap<String, Gender>> = OnceLock::new();
    T.get_or_init(|| {
        let mut m = HashMap::new();
        for line in BUILTIN.lines() {
            if line.starts_with('#') {
                continue;
            }
            // A malformed line is skipped: the table only ever narrows a choice.
            let mut cols = line.split('\t');
            let (Some(name), Some(g)) = (cols.next(), cols.next()) else {
                continue;
            };
            let g = match g.trim() {
                "f" => Gender::Female,
                "m" => Gender::Male,
                _ => continue,
            };
            m.insert(key_of(name), g);
        }
        m
    })
}

/// The gender shown by a mention's words (normal forms, in order; `caps` marks the
/// capitalised ones): a listed full name, else the first listed capitalised given
/// name, else a gendered title word.
pub(crate) fn of_words(words: &[&str], caps: &[bool]) -> Option<Gender> {
    let t = table();
    // Full names: the longest run of capitalised words.
    let names: Vec<&str> = words
        .iter()
        .zip(caps)
        .filter(|(_, &c)| c)
        .map(|(w, _)| *w)
        .collect();
    for start in 0..names.len() {
        if let Some(g) = t.get(&names[start..].join(" ")) {
            return Some(*g);
        }
    }
    if let Some(g) = names.iter().find_map(|w| t.get(*w)) {
        return Some(*g);
    }
    words.iter().find_map(|w| {
        if FEMALE_WORDS.contains(w) {
            Some(Gender::Female)
        } else if MALE_WORDS.contains(w) {
            Some(Gender::Male)
        } else {
            None
        }
    })
}

/// The gender of a lexicon person, from the first of their names.
pub(crate) fn of_name(name: &str) -> Option<Gender> {
    let toks = crate::token::tokenize(name, 0);
    let words: Vec<&str> = toks.iter().map(|t| t.norm.as_str()).collect();
    let caps: Vec<bool> = toks.iter().map(|t| t.cap_initial).collect();
    of_words(&words, &caps)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_titles_and_unknowns() {
        assert_eq!(of_name("Kaja Kallas"), Some(Gender::Female));
        assert_eq!(of_name("Xi Jinping"), Some(Gender::Male));
        assert_eq!(of_name("Sheikh Hasina"), Some(Gender::Female));
        assert_eq!(of_name("Ilham Aliyev"), Some(Gender::Male));
        assert_eq!(of_name("Ilham Omar"), Some(Gender::Female));
        assert_eq!(
            of_words(&["the", "spokeswoman"], &[false, false]),
            Some(Gender::Female)
        );
        assert_eq!(of_name("Taro Kono"), None);
        assert!(table().len() > 300);
    }
}
