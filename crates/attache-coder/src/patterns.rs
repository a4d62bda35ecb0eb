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

/// Environment variable naming a directory whose `classes.txt` and `events.txt` replace
/// the built-in dictionary (for editing the dictionary without rebuilding).
pub const PATTERNS_DIR_VAR: &str = "ATTACHE_PATTERNS_DIR";

/// English verbs that are a dictionary verb with a final "e" added or removed; they are
/// never taken for that verb (see [`Patterns::verb`]).
const REAL_VARIANTS: &[&str] = &[
    "scrape", "stripe", "plane", "bare", "site", "route", "rap", "hop", "wag", "fin", "fir",
    "cute", "bane", "stag", "shine", "dine", "grate", "rate", "slat", "spite",
];

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

/// The reserved object word `@polity`: the complement names a state, a government or
/// an organisation ("The African Union suspended Guinea-Bissau"), whatever its words.
pub const POLITY: &str = "@polity";

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
    /// Regular plural of a noun trigger → the trigger ("tariffs" → "tariff"), for
    /// plurals the lemmatizer leaves alone; consulted only when the lemma itself has no
    /// patterns.
    noun_plurals: HashMap<String, String>,
    /// A verb trigger with a final "e" added or removed → the trigger ("pleade" →
    /// "plead"): the lemmatizer sometimes strips "-d" instead of "-ed" or the reverse;
    /// consulted only when the lemma itself has no patterns.
    verb_variants: HashMap<String, String>,
    classes: HashMap<String, Vec<String>>,
}

/// The regular English plural of a noun (`tie` → `ties`, `party` → `parties`, `crash`
/// → `crashes`). Object lists and noun triggers also match this form, because the
/// lemmatizer sometimes leaves a plural as it is ("supplies", "troops").
pub fn plural(w: &str) -> String {
    let b = w.as_bytes();
    let n = b.len();
    if n >= 2 && b[n - 1] == b'y' && !matches!(b[n - 2], b'a' | b'e' | b'i' | b'o' | b'u') {
        format!("{}ies", &w[..n - 1])
    } else if w.ends_with('s')
        || w.ends_with('x')
        || w.ends_with('z')
        || w.ends_with("ch")
        || w.ends_with("sh")
    {
        format!("{w}es")
    } else {
        format!("{w}s")
    }
}

/// A word list with each word's regular plural added after it (once).
fn with_plurals(words: &mut Vec<String>) {
    let mut out: Vec<String> = Vec::with_capacity(words.len() * 2);
    for w in words.drain(..) {
        let p = plural(&w);
        if !out.contains(&w) {
            out.push(w);
        }
        if !out.contains(&p) {
            out.push(p);
        }
    }
    *words = out;
}

impl Patterns {
    /// The built-in dictionary. The files are compiled into the binary and checked by
    /// the tests, so this does not fail.
    ///
    /// For dictionary work without a rebuild, the environment variable
    /// `ATTACHE_PATTERNS_DIR` may name a directory holding `classes.txt` and
    /// `events.txt`; they are read instead of the built-in copies. If they cannot be
    /// read or parsed, the error is printed on stderr and the built-in dictionary is
    /// used.
    pub fn load_default() -> Patterns {
        if let Some(dir) = std::env::var_os(PATTERNS_DIR_VAR) {
            match Patterns::load_dir(std::path::Path::new(&dir)) {
                Ok(p) => return p,
                Err(e) => eprintln!("{PATTERNS_DIR_VAR}: {e}; using the built-in dictionary"),
            }
        }
        Patterns::load_builtin()
    }

    /// `classes.txt` then `events.txt` from a directory (the layout of data/patterns).
    pub fn load_dir(dir: &std::path::Path) -> Result<Patterns, PatternError> {
        let mut p = Patterns::default();
        for name in ["classes.txt", "events.txt"] {
            p.add_file(&dir.join(name))?;
        }
        Ok(p)
    }

    /// The dictionary compiled into the binary, ignoring `ATTACHE_PATTERNS_DIR`.
    pub fn load_builtin() -> Patterns {
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
                            if w == POLITY {
                                p.object.push(POLITY.into());
                                continue;
                            }
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
            with_plurals(&mut p.object);
            if p.code.is_empty() && p.control == Control::None {
                return Err(syntax("a pattern without a code (`-`) needs a ctl= option"));
            }
            if pos == TriggerPos::Noun {
                let pl = plural(&p.lemma);
                if pl != p.lemma {
                    self.noun_plurals.insert(pl, p.lemma.clone());
                }
            } else {
                let variant = match p.lemma.strip_suffix('e') {
                    Some(stem) => stem.to_string(),
                    None => format!("{}e", p.lemma),
                };
                // Short lemmas and variants that are verbs of their own ("rap",
                // "route", "scrape") would match unrelated words.
                if p.lemma.len() >= 5 && !REAL_VARIANTS.contains(&variant.as_str()) {
                    self.verb_variants.insert(variant, p.lemma.clone());
                }
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

    /// Candidate verb patterns for a lemma, most specific first; a lemma that differs
    /// from a trigger only by a final "e" ("pleade") finds that trigger's patterns.
    /// The dictionary's own spelling of a verb lemma that has patterns (for a form
    /// the caller built itself and cannot keep).
    pub fn verb_lemma<'s>(&'s self, lemma: &str) -> Option<&'s str> {
        self.verbs.get_key_value(lemma).map(|(k, _)| k.as_str())
    }

    pub fn verb(&self, lemma: &str) -> &[Pattern] {
        self.verbs
            .get(lemma)
            .or_else(|| {
                self.verb_variants
                    .get(lemma)
                    .and_then(|s| self.verbs.get(s))
            })
            .or_else(|| again_stem(lemma).and_then(|s| self.verbs.get(s)))
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }

    /// Candidate noun patterns for a lemma, most specific first; a regular plural the
    /// lemmatizer left alone finds its singular's patterns.
    pub fn noun(&self, lemma: &str) -> &[Pattern] {
        self.nouns
            .get(lemma)
            .or_else(|| self.noun_plurals.get(lemma).and_then(|s| self.nouns.get(s)))
            .map(Vec::as_slice)
            .unwrap_or(&[])
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

/// Verbs whose "re-" form is the same act done again and coded as the act itself:
/// "reimposed sanctions on Iran" is an imposition of sanctions, "re-arrested the
/// activist" an arrest. A closed list, not a rule on every "re…" verb: "represent",
/// "replace", "resign", "reform" and "reset" are not "present", "place", "sign", "form"
/// and "set" again. Consulted only when the lemma itself has no patterns.
const AGAIN_VERBS: &[&str] = &[
    "impose",
    "arrest",
    "imprison",
    "apprehend",
    "detain",
    "deploy",
    "negotiate",
    "open",
    "establish",
    "invade",
    "occupy",
    "capture",
    "take",
    "launch",
    "convene",
    "sanction",
    "introduce",
];

/// The act a "re-" verb repeats, if it is one of [`AGAIN_VERBS`] ("reimpose",
/// "re-impose" → "impose").
fn again_stem(lemma: &str) -> Option<&'static str> {
    let stem = lemma
        .strip_prefix("re-")
        .or_else(|| lemma.strip_prefix("re"))?;
    AGAIN_VERBS.iter().copied().find(|v| *v == stem)
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
    fn a_repeated_act_finds_the_acts_patterns_and_look_alikes_do_not() {
        let mut p = Patterns::default();
        p.add_text(
            "t.txt",
            "163 v impose obj=sanction tgt=on\n057 v sign obj=agreement\n",
        )
        .unwrap();
        assert_eq!(p.verb("reimpose").len(), 1);
        assert_eq!(p.verb("re-impose").len(), 1);
        // "resign" is not signing again.
        assert!(p.verb("resign").is_empty());
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
            "@ties = tie relation\n050 v cut\n161 v cut obj=@ties\n",
        )
        .unwrap();
        assert_eq!(p.verb("cut")[0].code, "161");
        assert_eq!(
            p.verb("cut")[0].object,
            ["tie", "ties", "relation", "relations"]
        );
    }

    #[test]
    fn plurals_of_objects_and_noun_triggers_match() {
        assert_eq!(plural("tie"), "ties");
        assert_eq!(plural("party"), "parties");
        assert_eq!(plural("day"), "days");
        assert_eq!(plural("crash"), "crashes");
        assert_eq!(plural("supply"), "supplies");
        let mut p = Patterns::default();
        p.add_text(
            "t",
            "@aid = supply aid\n070 v deliver obj=@aid\n163 n tariff tgt=on\n",
        )
        .unwrap();
        assert!(p.verb("deliver")[0].object.iter().any(|w| w == "supplies"));
        assert_eq!(p.noun("tariffs")[0].code, "163");
        assert_eq!(p.noun("tariff")[0].code, "163");
        assert!(p.noun("tariffses").is_empty());
    }

    #[test]
    fn verb_lemma_off_by_a_final_e_still_matches() {
        let mut p = Patterns::default();
        p.add_text(
            "t",
            "020 v plead ctl=request\n017 v mourne\n160 v scrap\n182 v rape\n",
        )
        .unwrap();
        assert_eq!(p.verb("pleade")[0].code, "020");
        assert_eq!(p.verb("mourn")[0].code, "017");
        assert!(p.verb("pleadee").is_empty());
        // Real verbs and short lemmas are not variants.
        assert!(p.verb("scrape").is_empty());
        assert!(p.verb("rap").is_empty());
    }

    #[test]
    fn patterns_dir_replaces_the_builtin_dictionary() {
        let dir = std::env::temp_dir().join(format!("attache-patterns-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("classes.txt"), "@x = foo\n").unwrap();
        std::fs::write(dir.join("events.txt"), "042 v wander obj=@x\n").unwrap();
        let p = Patterns::load_dir(&dir).unwrap();
        assert_eq!(p.verb("wander")[0].code, "042");
        assert!(p.verb("visit").is_empty());
        std::fs::write(dir.join("events.txt"), "042 v wander obj=@nope\n").unwrap();
        let e = Patterns::load_dir(&dir).unwrap_err();
        assert!(e.to_string().contains("events.txt:1"));
        std::fs::remove_dir_all(&dir).ok();
        assert!(!Patterns::load_builtin().verb("visit").is_empty());
    }
}
