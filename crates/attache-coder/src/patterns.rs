//! The event-pattern dictionary: which words (verbs by lemma, event nouns) signal which
//! CAMEO event, with the constraints that pick the right sense.
//!
//! Why our own format (docs/patterns.md): PETRARCH's dictionaries match phrase patterns
//! against constituency trees; we work on UD dependency trees, where the facts that
//! decide a code are the trigger lemma, its particle, the lemma of its object (or of a
//! prepositional complement) and the preposition that introduces the target. One line
//! per pattern keeps the dictionary reviewable and diff-friendly; synonym classes
//! (`@ties = ties relation relationship`) keep it short. The files are compiled once
//! into hash maps from lemma to candidate patterns, most specific first, so matching a
//! token is one hash lookup plus a few comparisons.

use crate::ontology::Ontology;
use std::collections::HashMap;

/// Built-in dictionary files (name, contents).
pub const BUILTIN: &[(&str, &str)] = &[
    (
        "data/patterns/classes.txt",
        include_str!("../../../data/patterns/classes.txt"),
    ),
    (
        "data/patterns/events.txt",
        include_str!("../../../data/patterns/events.txt"),
    ),
];

/// What went wrong reading a pattern file.
#[derive(Debug, thiserror::Error)]
pub enum PatternError {
    #[error("{file}:{line}: {msg} (see docs/patterns.md for the format)")]
    Syntax {
        file: String,
        line: usize,
        msg: String,
    },
    #[error(
        "{file}:{line}: unknown CAMEO code `{code}` (codes are listed in data/ontology/cameo.tsv)"
    )]
    UnknownCode {
        file: String,
        line: usize,
        code: String,
    },
    #[error("{file}:{line}: unknown synonym class `@{class}` (define it with `@{class} = word word …` before use)")]
    UnknownClass {
        file: String,
        line: usize,
        class: String,
    },
    #[error("cannot read pattern file {path}: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
}

/// Part of speech of a trigger.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TriggerPos {
    Verb,
    Noun,
}

/// How a trigger governs an embedded event (`agreed to meet`), or a special role.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Control {
    /// An ordinary event word.
    None,
    /// agree, pledge, promise, vow: embedded cooperation becomes CAMEO 03 (intent).
    Agree,
    /// decide, plan, intend: embedded event kept, modality intent.
    Intent,
    /// urge, call on, ask: embedded event becomes CAMEO 02 (appeal), target = the one urged.
    Request,
    /// demand, insist: embedded event becomes CAMEO 10.
    Demand,
    /// refuse, decline: embedded event becomes CAMEO 12.
    Refuse,
    /// threaten, warn: embedded event becomes CAMEO 13.
    Threaten,
    /// continue, begin, seem, try: embedded event kept as it is.
    Raise,
    /// say, tell, announce: the clause it governs is attributed to the speaker.
    Say,
    /// hold, make, pay, launch, impose: a light verb whose object noun is the event.
    Light,
}

/// One compiled pattern.
#[derive(Debug, Clone)]
pub struct Pattern {
    /// CAMEO code, or empty for pure control/say/light entries.
    pub code: String,
    pub pos: TriggerPos,
    pub lemma: String,
    /// Required particle (`compound:prt`), e.g. `off` in "call off".
    pub particle: Option<String>,
    /// Allowed lemmas of the object or prepositional complement (empty: any).
    pub object: Vec<String>,
    /// Required preposition of some complement (`with=for` for "call for").
    pub with: Option<String>,
    /// Prepositions introducing the target, in preference order (empty: defaults).
    pub target_preps: Vec<String>,
    /// Symmetric: "X and Y met" / "talks between X and Y" code both directions.
    pub symmetric: bool,
    /// Events like protests that need no target.
    pub no_target: bool,
    /// The object is the topic, not the target ("discussed the crisis").
    pub no_object_target: bool,
    pub control: Control,
    /// Where it was defined, for messages.
    pub file: &'static str,
    pub line: usize,
}

impl Pattern {
    /// Number of constraints: more specific patterns are tried first.
    pub fn specificity(&self) -> usize {
        usize::from(self.particle.is_some())
            + usize::from(!self.object.is_empty()) * 2
            + usize::from(self.with.is_some())
    }
}

/// The compiled dictionary.
#[derive(Debug, Default, Clone)]
pub struct Patterns {
    verbs: HashMap<String, Vec<Pattern>>,
    nouns: HashMap<String, Vec<Pattern>>,
    classes: HashMap<String, Vec<String>>,
}

impl Patterns {
    /// The built-in dictionary. The files are compiled into the binary and checked by
    /// the tests, so this does not fail.
    pub fn load_default() -> Patterns {
        let mut p = Patterns::default();
        for (name, text) in BUILTIN {
            if let Err(e) = p.add_text(name, text) {
                // Built-in data is validated by `builtin_dictionary_loads`; never reached.
                debug_assert!(false, "{e}");
            }
        }
        p
    }

    /// Read an extra pattern file from disk (its classes and patterns are added).
    pub fn add_file(&mut self, path: &std::path::Path) -> Result<(), PatternError> {
        let text = std::fs::read_to_string(path).map_err(|source| PatternError::Io {
            path: path.display().to_string(),
            source,
        })?;
        let name: &'static str = Box::leak(path.display().to_string().into_boxed_str());
        self.add_text(name, &text)
    }

    /// Parse one file's text.
    pub fn add_text(&mut self, file: &'static str, text: &str) -> Result<(), PatternError> {
        let onto = Ontology::get();
        for (ln, raw) in text.lines().enumerate() {
            let line = ln + 1;
            let l = raw.split('#').next().unwrap_or("").trim();
            if l.is_empty() {
                continue;
            }
            let syntax = |msg: &str| PatternError::Syntax {
                file: file.into(),
                line,
                msg: msg.into(),
            };
            if let Some(rest) = l.strip_prefix('@') {
                let Some((name, words)) = rest.split_once('=') else {
                    return Err(syntax("a class line reads `@name = word word …`"));
                };
                let mut ws = Vec::new();
                for w in words.split_whitespace() {
                    if let Some(c) = w.strip_prefix('@') {
                        let Some(v) = self.classes.get(c) else {
                            return Err(PatternError::UnknownClass {
                                file: file.into(),
                                line,
                                class: c.into(),
                            });
                        };
                        ws.extend(v.iter().cloned());
                    } else {
                        ws.push(w.to_lowercase());
                    }
                }
                self.classes.insert(name.trim().to_string(), ws);
                continue;
            }
            let mut f = l.split_whitespace();
            let (Some(code), Some(pos), Some(lemma)) = (f.next(), f.next(), f.next()) else {
                return Err(syntax("a pattern line reads `CODE v|n LEMMA [options]`"));
            };
            let code = if code == "-" {
                String::new()
            } else {
                code.to_string()
            };
            if !code.is_empty() && onto.lookup(&code).is_none() {
                return Err(PatternError::UnknownCode {
                    file: file.into(),
                    line,
                    code,
                });
            }
            let pos = match pos {
                "v" => TriggerPos::Verb,
                "n" => TriggerPos::Noun,
                _ => return Err(syntax("the part of speech is `v` (verb) or `n` (noun)")),
            };
            let mut p = Pattern {
                code,
                pos,
                lemma: lemma.to_lowercase(),
                particle: None,
                object: Vec::new(),
                with: None,
                target_preps: Vec::new(),
                symmetric: false,
                no_target: false,
                no_object_target: false,
                control: Control::None,
                file,
                line,
            };
            for opt in f {
                let (k, v) = opt.split_once('=').unwrap_or((opt, ""));
                match k {
                    "sym" => p.symmetric = true,
                    "notgt" => p.no_target = true,
                    "noobj" => p.no_object_target = true,
                    "prt" => p.particle = Some(v.to_lowercase()),
                    "with" => p.with = Some(v.to_lowercase()),
                    "tgt" => p.target_preps = v.split('|').map(str::to_lowercase).collect(),
                    "obj" => {
                        for w in v.split('|') {
                            if let Some(c) = w.strip_prefix('@') {
                                let Some(ws) = self.classes.get(c) else {
                                    return Err(PatternError::UnknownClass {
                                        file: file.into(),
                                        line,
                                        class: c.into(),
                                    });
                                };
                                p.object.extend(ws.iter().cloned());
                            } else {
                                p.object.push(w.to_lowercase());
                            }
                        }
                    }
                    "ctl" => {
                        p.control = match v {
                            "agree" => Control::Agree,
                            "intent" => Control::Intent,
                            "request" => Control::Request,
                            "demand" => Control::Demand,
                            "refuse" => Control::Refuse,
                            "threaten" => Control::Threaten,
                            "raise" => Control::Raise,
                            "say" => Control::Say,
                            "light" => Control::Light,
                            _ => return Err(syntax("ctl is one of agree, intent, request, demand, refuse, threaten, raise, say, light")),
                        }
                    }
                    _ => return Err(syntax(&format!("unknown option `{opt}`"))),
                }
            }
            if p.code.is_empty() && p.control == Control::None {
                return Err(syntax("a pattern without a code (`-`) needs a ctl= option"));
            }
            let map = match pos {
                TriggerPos::Verb => &mut self.verbs,
                TriggerPos::Noun => &mut self.nouns,
            };
            let v = map.entry(p.lemma.clone()).or_default();
            v.push(p);
            v.sort_by_key(|p| std::cmp::Reverse(p.specificity()));
        }
        Ok(())
    }

    /// Candidate verb patterns for a lemma, most specific first.
    pub fn verb(&self, lemma: &str) -> &[Pattern] {
        self.verbs.get(lemma).map(Vec::as_slice).unwrap_or(&[])
    }

    /// Candidate noun patterns for a lemma, most specific first.
    pub fn noun(&self, lemma: &str) -> &[Pattern] {
        self.nouns.get(lemma).map(Vec::as_slice).unwrap_or(&[])
    }

    /// Words of a synonym class.
    pub fn class(&self, name: &str) -> &[String] {
        self.classes.get(name).map(Vec::as_slice).unwrap_or(&[])
    }

    /// Whether a lemma belongs to a synonym class.
    pub fn in_class(&self, name: &str, lemma: &str) -> bool {
        self.class(name).iter().any(|w| w == lemma)
    }

    /// All patterns (for coverage checks and docs).
    pub fn all(&self) -> impl Iterator<Item = &Pattern> {
        self.verbs.values().chain(self.nouns.values()).flatten()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_dictionary_loads_and_covers_every_root() {
        let mut p = Patterns::default();
        for (name, text) in BUILTIN {
            p.add_text(name, text).unwrap();
        }
        for r in 1..=20 {
            let root = format!("{r:02}");
            assert!(
                p.all().any(|x| x.code.starts_with(&root)),
                "no pattern for root {root}"
            );
        }
        // Diplomacy is covered in depth.
        for root in [
            "01", "02", "03", "04", "05", "06", "10", "11", "12", "13", "16",
        ] {
            let n = p.all().filter(|x| x.code.starts_with(root)).count();
            assert!(n >= 8, "only {n} patterns for root {root}");
        }
        assert!(p.verb("visit").iter().any(|x| x.code == "042"));
        assert!(p.noun("visit").iter().any(|x| x.code == "042"));
    }

    #[test]
    fn errors_name_file_and_line() {
        let mut p = Patterns::default();
        let e = p.add_text("x.txt", "# c\n999 v foo\n").unwrap_err();
        assert_eq!(
            e.to_string().split(':').take(2).collect::<Vec<_>>(),
            ["x.txt", "2"]
        );
        let e = p.add_text("y.txt", "042 v visit obj=@nope\n").unwrap_err();
        assert!(matches!(e, PatternError::UnknownClass { .. }));
        let e = p.add_text("z.txt", "042 q visit\n").unwrap_err();
        assert!(e.to_string().contains("z.txt:1"));
    }

    #[test]
    fn specific_patterns_come_first() {
        let mut p = Patterns::default();
        p.add_text(
            "t",
            "@ties = ties relation\n050 v cut\n161 v cut obj=@ties\n",
        )
        .unwrap();
        assert_eq!(p.verb("cut")[0].code, "161");
        assert_eq!(p.verb("cut")[0].object, ["ties", "relation"]);
    }
}
