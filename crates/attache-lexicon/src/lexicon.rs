//! Loading the lexicon (built-in files, user files and directories, PETRARCH
//! dictionaries) and compiling it into one matcher.
//!
//! Why one aho-corasick automaton over normalised token strings: every name, alias,
//! adjective, seat and agent word becomes the string of its token normal forms joined by
//! single spaces; a sentence becomes the same kind of string with a space on each side.
//! Matching `" k1 k2 "` inside `" t1 t2 t3 "` can only happen at token boundaries, so one
//! pass over a sentence finds every candidate of every length; longest-match selection
//! and case rules are applied afterwards on the few candidates. This keeps loading
//! (one build) and matching (linear in the sentence) fast with 100k+ names.

use crate::check::{Problem, ProblemKind};
use crate::model::*;
use crate::token::{key_of, tokenize, Tok};
use aho_corasick::{AhoCorasick, AhoCorasickKind};
use attache_core::{country, FuzzyDate};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

include!(concat!(env!("OUT_DIR"), "/builtin.rs"));

/// Why the lexicon could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum LexiconError {
    #[error("cannot read {path}: {source} (check that the path exists and is readable)")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{file}:{line}: {message} (see docs/lexicon-format.md)")]
    Syntax {
        file: String,
        line: usize,
        message: String,
    },
    #[error("{file}:{line}: {message} (fix or remove this entry; see docs/lexicon-format.md)")]
    Entry {
        file: String,
        line: usize,
        message: String,
    },
    #[error("the name matcher could not be built: {0}")]
    Matcher(String),
}

/// How a name of an entry is used.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NameHow {
    Name,
    Adjective,
    Demonym,
    Seat,
    /// A region or city of the state (resolves like the state's name).
    Place,
    /// Index into `Actor::dated_names`.
    DatedName(u16),
}

impl NameHow {
    pub fn as_str(self) -> &'static str {
        match self {
            NameHow::Name => "name",
            NameHow::Adjective => "adjective",
            NameHow::Demonym => "demonym",
            NameHow::Seat => "seat",
            NameHow::Place => "place",
            NameHow::DatedName(_) => "dated name",
        }
    }
}

/// What a matched phrase points to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Target {
    Actor {
        idx: u32,
        how: NameHow,
    },
    Person {
        idx: u32,
    },
    Agent {
        idx: u32,
    },
    PetrActor {
        idx: u32,
    },
    /// "both sides", "the two countries": the two states last mentioned together.
    Pair,
}

/// Case rule of one name (docs/lexicon-format.md).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CaseRule {
    Any,
    /// One-token name in capitals: text must be in capitals.
    Caps,
    /// One-token capitalised name: text must start with a capital.
    CapInitial,
}

#[derive(Debug, Clone)]
pub(crate) struct PatTarget {
    pub target: Target,
    pub case: CaseRule,
}

#[derive(Debug, Clone)]
pub(crate) struct Pattern {
    pub key: String,
    pub ntok: usize,
    pub targets: Vec<PatTarget>,
}

/// A candidate match in a token sequence: tokens `[start, end)`, pattern index.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Cand {
    pub start: usize,
    pub end: usize,
    pub pat: usize,
}

/// Phrases that stand for the two states last mentioned together.
pub const PAIR_PHRASES: &[&str] = &[
    "the two countries",
    "both countries",
    "the two sides",
    "both sides",
    "the two neighbours",
    "the two neighbors",
    "both neighbours",
    "both neighbors",
    "the two nations",
    "both nations",
    "the two governments",
    "both governments",
    "the two states",
    "the two capitals",
    "the two neighbouring countries",
    "the two neighboring countries",
    "both neighbouring countries",
    "both neighboring countries",
    "the two neighbouring states",
    "the two neighboring states",
    "the two neighbouring nations",
    "the two neighboring nations",
    "the two parties",
    "the two leaders",
    "both leaders",
    "the two presidents",
    "the two prime ministers",
    "the two foreign ministers",
    "the two ministers",
    "the two armies",
    "the two militaries",
    "both militaries",
    "the two delegations",
    "both delegations",
    "the two defense ministers",
    "the two defence ministers",
    "the two heads of state",
    "the two rivals",
    "both rivals",
    "the two allies",
    "the two adversaries",
    "the archrivals",
    "the arch-rivals",
    "the nuclear-armed neighbors",
    "the nuclear-armed neighbours",
    "the nuclear-armed rivals",
    "the neighbors",
    "the neighbours",
    "the two Koreas",
    "both Koreas",
    // Session 7 (groups): people, warring parties, "each side … the other"
    // (resolve/groups.rs).
    "the two men",
    "both men",
    "the two women",
    "both women",
    "both parties",
    "all parties",
    "all sides",
    "all the parties",
    "the warring parties",
    "the warring sides",
    "all warring parties",
    "all warring sides",
    "both warring parties",
    "both warring sides",
    "the two warring parties",
    "the two warring sides",
    "each side",
    "each country",
    "the two foes",
    "the two enemies",
    "both capitals",
    "the warring neighbours",
    "the warring neighbors",
    "the warring nations",
    "the warring countries",
    "the two warring neighbours",
    "the two warring neighbors",
    "the two warring nations",
    "the two warring countries",
];

/// The compiled lexicon.
pub struct Lexicon {
    pub actors: Vec<Actor>,
    pub people: Vec<Person>,
    pub agents: Vec<Agent>,
    pub petr_actors: Vec<PetrActor>,
    /// Non-fatal problems found while reading (malformed PETRARCH lines…).
    pub warnings: Vec<Problem>,
    /// Files read, in order.
    pub files: Vec<String>,
    pub(crate) patterns: Vec<Pattern>,
    ac: Option<AhoCorasick>,
    /// Surname (normal form) → people with that surname.
    pub(crate) surnames: HashMap<String, Vec<u32>>,
    /// ISO3 → index of the state actor.
    pub(crate) state_of: HashMap<String, u32>,
    /// Actor id → the distinct normal-form words of its names, for definite
    /// descriptions that refer back by their head noun ("the court" → a named court).
    pub(crate) name_words: HashMap<String, Vec<String>>,
}

impl std::fmt::Debug for Lexicon {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Lexicon")
            .field("actors", &self.actors.len())
            .field("people", &self.people.len())
            .field("agents", &self.agents.len())
            .field("petr_actors", &self.petr_actors.len())
            .field("patterns", &self.patterns.len())
            .finish()
    }
}

/// Collects entries from files, then compiles them.
#[derive(Default)]
pub struct LexiconBuilder {
    actors: Vec<Actor>,
    people: Vec<Person>,
    agents: Vec<Agent>,
    petr_actors: Vec<PetrActor>,
    warnings: Vec<Problem>,
    files: Vec<String>,
    no_country_table: bool,
}

impl Lexicon {
    /// An empty builder (add the built-in files with [`LexiconBuilder::builtin`]).
    pub fn builder() -> LexiconBuilder {
        LexiconBuilder::default()
    }

    /// The built-in lexicon (embedded in the binary; needs no files at run time).
    pub fn load_default() -> Result<Lexicon, LexiconError> {
        Lexicon::builder().builtin()?.build()
    }

    pub(crate) fn pattern(&self, i: usize) -> &Pattern {
        &self.patterns[i]
    }

    /// All candidate matches in a token sequence (overlapping, unfiltered).
    pub(crate) fn candidates(&self, toks: &[Tok]) -> Vec<Cand> {
        let Some(ac) = &self.ac else {
            return Vec::new();
        };
        let mut hay = String::with_capacity(toks.len() * 8 + 2);
        let mut starts = Vec::with_capacity(toks.len());
        hay.push(' ');
        for t in toks {
            starts.push(hay.len() - 1);
            hay.push_str(&t.norm);
            hay.push(' ');
        }
        let mut out = Vec::new();
        for m in ac.find_overlapping_iter(&hay) {
            let Ok(start) = starts.binary_search(&m.start()) else {
                continue;
            };
            let pat = m.pattern().as_usize();
            let end = start + self.patterns[pat].ntok;
            if end <= toks.len() {
                out.push(Cand { start, end, pat });
            }
        }
        out
    }

    /// Whether a target is usable at `date` (and its case rule holds for `toks`).
    pub(crate) fn target_ok(&self, pt: &PatTarget, toks: &[Tok], date: Option<FuzzyDate>) -> bool {
        let case_ok = match pt.case {
            CaseRule::Any => true,
            CaseRule::Caps => toks.iter().all(|t| t.caps),
            CaseRule::CapInitial => toks.first().is_some_and(|t| t.cap_initial),
        };
        if !case_ok {
            return false;
        }
        match pt.target {
            Target::Actor { idx, how } => {
                let a = &self.actors[idx as usize];
                if !a.period.covers(date) {
                    return false;
                }
                match how {
                    NameHow::DatedName(i) => a.dated_names[i as usize].1.covers(date),
                    _ => true,
                }
            }
            Target::PetrActor { idx } => self.petr_actors[idx as usize].code_at(date).is_some(),
            _ => true,
        }
    }

    /// Preference among valid targets of the same phrase (lower is better).
    pub(crate) fn rank(&self, t: &Target) -> u8 {
        match t {
            Target::Person { .. } => 0,
            Target::Actor { idx, .. } => match self.actors[*idx as usize].kind {
                ActorKind::Government => 1,
                ActorKind::Group => 2,
                ActorKind::Igo => 3,
                ActorKind::State => 4,
            },
            Target::Pair => 5,
            Target::Agent { .. } => 6,
            Target::PetrActor { .. } => 7,
        }
    }

    /// Index of the state actor of an ISO3 code.
    pub fn state_actor(&self, iso3: &str) -> Option<&Actor> {
        self.state_of.get(iso3).map(|&i| &self.actors[i as usize])
    }

    /// Find an actor by id.
    pub fn actor_by_id(&self, id: &str) -> Option<&Actor> {
        self.actors.iter().find(|a| a.id == id)
    }

    /// Whether one of the names of the actor `id` contains one of `words` (normal
    /// forms): "the court" may refer back to the International Court of Justice.
    pub(crate) fn named_with(&self, id: &str, words: &[&str]) -> bool {
        self.name_words
            .get(id)
            .is_some_and(|ws| ws.iter().any(|w| words.contains(&w.as_str())))
    }

    /// Number of distinct phrases in the matcher.
    pub fn phrase_count(&self) -> usize {
        self.patterns.len()
    }
}

/// CAMEO code of a state given by any code; falls back to the code itself.
pub fn cameo_of(code: &str) -> String {
    country::by_code(code)
        .map(|c| c.cameo.to_string())
        .unwrap_or_else(|| code.to_string())
}

/// ISO3 of a state given by any code, if the table knows it.
pub fn iso3_of(code: &str) -> Option<String> {
    country::by_code(code).map(|c| c.iso3.to_string())
}

/// 1-based line of a byte offset.
pub(crate) fn line_of(text: &str, byte: usize) -> usize {
    text.as_bytes()[..byte.min(text.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

/// Lines of the `id = "…"` keys of a file, by id.
fn id_lines(text: &str) -> HashMap<String, usize> {
    let mut m = HashMap::new();
    for (i, l) in text.lines().enumerate() {
        let t = l.trim_start();
        if let Some(rest) = t.strip_prefix("id") {
            let rest = rest.trim_start();
            if let Some(v) = rest.strip_prefix('=') {
                let v = v.trim().trim_matches('"');
                m.entry(v.to_string()).or_insert(i + 1);
            }
        }
    }
    m
}

fn parse_date(
    s: &Option<String>,
    file: &str,
    line: usize,
    what: &str,
) -> Result<Option<FuzzyDate>, LexiconError> {
    match s {
        None => Ok(None),
        Some(s) if s.trim().is_empty() || s.trim() == "…" => Ok(None),
        Some(s) => FuzzyDate::parse(s)
            .map(Some)
            .ok_or_else(|| LexiconError::Entry {
                file: file.into(),
                line,
                message: format!(
                    "`{what}` = {s:?} is not a date (write YYYY-MM-DD, YYYY-MM or YYYY)"
                ),
            }),
    }
}

impl LexiconBuilder {
    /// Add the built-in files (data/lexicon/*.toml, embedded at build time).
    pub fn builtin(mut self) -> Result<Self, LexiconError> {
        for (name, text) in BUILTIN_FILES {
            self = self.add_toml_str(&format!("data/lexicon/{name}"), text)?;
        }
        Ok(self)
    }

    /// Do not invent state entries from the country table for states without one.
    pub fn without_country_table(mut self) -> Self {
        self.no_country_table = true;
        self
    }

    /// Add one lexicon file given as text; `name` is used in messages.
    pub fn add_toml_str(mut self, name: &str, text: &str) -> Result<Self, LexiconError> {
        let doc: FileDoc = toml::from_str(text).map_err(|e| LexiconError::Syntax {
            file: name.into(),
            line: e.span().map(|s| line_of(text, s.start)).unwrap_or(0),
            message: e.message().to_string(),
        })?;
        self.files.push(name.to_string());
        let lines = id_lines(text);
        let line_of_id = |_: &str, id: &str| lines.get(id).copied().unwrap_or(0);
        for a in doc.actor {
            let line = line_of_id(text, &a.id);
            let err = |message: String| LexiconError::Entry {
                file: name.into(),
                line,
                message,
            };
            let kind = ActorKind::parse(&a.kind).ok_or_else(|| {
                err(format!(
                    "actor {:?}: kind {:?} is not one of state, government, igo, group",
                    a.id, a.kind
                ))
            })?;
            let country = a
                .country
                .as_deref()
                .map(|c| iso3_of(c).unwrap_or_else(|| c.to_string()));
            let code = a.code.clone().unwrap_or_else(|| match (kind, &country) {
                (ActorKind::State, Some(c)) => cameo_of(c),
                _ => String::new(),
            });
            let mut dated = Vec::new();
            for d in &a.dated_names {
                let p = Period {
                    from: parse_date(&d.from, name, line, "from")?,
                    until: parse_date(&d.until, name, line, "until")?,
                };
                dated.push((d.name.clone(), p));
            }
            self.actors.push(Actor {
                id: a.id.clone(),
                kind,
                code,
                country,
                sector: a.sector.clone(),
                parent: a.parent.clone(),
                names: a.names,
                adjectives: a.adjectives,
                demonyms: a.demonyms,
                seats: a.seats,
                places: a.places,
                period: Period {
                    from: parse_date(&a.from, name, line, "from")?,
                    until: parse_date(&a.until, name, line, "until")?,
                },
                governs: a
                    .governs
                    .as_deref()
                    .map(|c| iso3_of(c).unwrap_or_else(|| c.to_string())),
                dated_names: dated,
                origin: Origin {
                    file: name.into(),
                    line,
                },
            });
        }
        for p in doc.person {
            let line = line_of_id(text, &p.id);
            let mut offices = Vec::new();
            for o in &p.office {
                offices.push(Office {
                    country: o
                        .country
                        .as_deref()
                        .map(|c| iso3_of(c).unwrap_or_else(|| c.to_string())),
                    igo: o.igo.clone(),
                    sector: o.sector.clone().unwrap_or_else(|| "GOV".into()),
                    role: o.role.clone().unwrap_or_default(),
                    period: Period {
                        from: parse_date(&o.from, name, line, "from")?,
                        until: parse_date(&o.until, name, line, "until")?,
                    },
                });
            }
            self.people.push(Person {
                id: p.id,
                names: p.names,
                surname: p.surname,
                offices,
                origin: Origin {
                    file: name.into(),
                    line,
                },
            });
        }
        let mut search_from = 0;
        for a in doc.agent {
            let pos = text[search_from..]
                .find("[[agent]]")
                .map(|i| i + search_from)
                .unwrap_or(0);
            search_from = pos + 1;
            let words = if a.plural == Some(false) {
                a.words.iter().map(|w| format!("{w}{NO_PLURAL}")).collect()
            } else {
                a.words
            };
            self.agents.push(Agent {
                sector: a.sector,
                code: None,
                words,
                origin: Origin {
                    file: name.into(),
                    line: line_of(text, pos),
                },
            });
        }
        Ok(self)
    }

    /// Add one lexicon file (`*.toml`).
    pub fn add_file(self, path: impl AsRef<Path>) -> Result<Self, LexiconError> {
        let path = path.as_ref();
        let text = std::fs::read_to_string(path).map_err(|source| LexiconError::Io {
            path: path.into(),
            source,
        })?;
        self.add_toml_str(&path.display().to_string(), &text)
    }

    /// Add every `*.toml` file of a directory (sorted by name).
    pub fn add_dir(mut self, dir: impl AsRef<Path>) -> Result<Self, LexiconError> {
        let dir = dir.as_ref();
        let rd = std::fs::read_dir(dir).map_err(|source| LexiconError::Io {
            path: dir.into(),
            source,
        })?;
        let mut paths: Vec<PathBuf> = rd
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|e| e == "toml"))
            .collect();
        paths.sort();
        for p in paths {
            self = self.add_file(p)?;
        }
        Ok(self)
    }

    /// Add a PETRARCH/TABARI actor dictionary. Malformed lines are reported in
    /// [`Lexicon::warnings`] and skipped.
    pub fn add_petrarch_actors(mut self, path: impl AsRef<Path>) -> Result<Self, LexiconError> {
        let path = path.as_ref();
        let text = std::fs::read_to_string(path).map_err(|source| LexiconError::Io {
            path: path.into(),
            source,
        })?;
        let name = path.display().to_string();
        let (entries, warns) = crate::petrarch::parse_actors(&name, &text);
        self.petr_actors.extend(entries);
        self.warnings.extend(warns);
        self.files.push(name);
        Ok(self)
    }

    /// Add a PETRARCH/TABARI agent dictionary. Malformed lines are reported in
    /// [`Lexicon::warnings`] and skipped.
    pub fn add_petrarch_agents(mut self, path: impl AsRef<Path>) -> Result<Self, LexiconError> {
        let path = path.as_ref();
        let text = std::fs::read_to_string(path).map_err(|source| LexiconError::Io {
            path: path.into(),
            source,
        })?;
        let name = path.display().to_string();
        let (entries, warns) = crate::petrarch::parse_agents(&name, &text);
        self.agents.extend(entries);
        self.warnings.extend(warns);
        self.files.push(name);
        Ok(self)
    }

    /// Add a PETRARCH dictionary, deciding from its name whether it holds agents
    /// (`*agents*`) or actors.
    pub fn add_petrarch(self, path: impl AsRef<Path>) -> Result<Self, LexiconError> {
        let p = path.as_ref();
        let is_agents = p
            .file_name()
            .is_some_and(|n| n.to_string_lossy().to_ascii_lowercase().contains("agent"));
        if is_agents {
            self.add_petrarch_agents(p)
        } else {
            self.add_petrarch_actors(p)
        }
    }

    /// Compile the matcher.
    pub fn build(mut self) -> Result<Lexicon, LexiconError> {
        // States without an entry get one from the country table, so every state in
        // countries.tsv is at least known by its name and short name.
        if !self.no_country_table {
            let have: std::collections::HashSet<String> = self
                .actors
                .iter()
                .filter(|a| a.kind == ActorKind::State)
                .filter_map(|a| a.country.clone())
                .collect();
            for c in country::all() {
                if have.contains(c.iso3) {
                    continue;
                }
                let mut names = vec![c.short.to_string()];
                if c.name != c.short {
                    names.push(c.name.to_string());
                }
                self.actors.push(Actor {
                    id: format!("state:{}", c.iso3),
                    kind: ActorKind::State,
                    code: c.cameo.to_string(),
                    country: Some(c.iso3.to_string()),
                    sector: None,
                    parent: None,
                    names,
                    adjectives: vec![],
                    demonyms: vec![],
                    seats: vec![],
                    places: vec![],
                    period: Period::default(),
                    governs: None,
                    dated_names: vec![],
                    origin: Origin {
                        file: "data/lexicon/countries.tsv".into(),
                        line: 0,
                    },
                });
            }
        }
        let mut index: HashMap<String, usize> = HashMap::new();
        let mut patterns: Vec<Pattern> = Vec::new();
        let mut add = |phrase: &str, target: Target, petr: bool| {
            let toks = tokenize(phrase, 0);
            if toks.is_empty() {
                return;
            }
            // A capitalised name of several words must be capitalised in the text
            // too: "his security council" is no U.N. Security Council (session 17).
            let case = if petr {
                CaseRule::Any
            } else if toks.len() > 1 {
                if toks.iter().all(|t| t.cap_initial) {
                    CaseRule::CapInitial
                } else {
                    CaseRule::Any
                }
            } else if toks[0].caps && !toks[0].norm.contains('.') {
                CaseRule::Caps
            } else if toks[0].cap_initial {
                CaseRule::CapInitial
            } else {
                CaseRule::Any
            };
            let key = toks
                .iter()
                .map(|t| t.norm.as_str())
                .collect::<Vec<_>>()
                .join(" ");
            let i = *index.entry(key.clone()).or_insert_with(|| {
                patterns.push(Pattern {
                    key,
                    ntok: toks.len(),
                    targets: Vec::new(),
                });
                patterns.len() - 1
            });
            if !patterns[i].targets.iter().any(|t| t.target == target) {
                patterns[i].targets.push(PatTarget { target, case });
            }
        };
        for (i, a) in self.actors.iter().enumerate() {
            let idx = i as u32;
            let groups: [(&Vec<String>, NameHow); 5] = [
                (&a.names, NameHow::Name),
                (&a.adjectives, NameHow::Adjective),
                (&a.demonyms, NameHow::Demonym),
                (&a.seats, NameHow::Seat),
                (&a.places, NameHow::Place),
            ];
            for (list, how) in groups {
                for n in list {
                    add(n, Target::Actor { idx, how }, false);
                }
            }
            for (j, (n, _)) in a.dated_names.iter().enumerate() {
                add(
                    n,
                    Target::Actor {
                        idx,
                        how: NameHow::DatedName(j as u16),
                    },
                    false,
                );
            }
        }
        let mut surnames: HashMap<String, Vec<u32>> = HashMap::new();
        for (i, p) in self.people.iter().enumerate() {
            for n in &p.names {
                add(n, Target::Person { idx: i as u32 }, false);
            }
            let sn = p.surname.clone().or_else(|| {
                p.names
                    .first()
                    .and_then(|n| n.split_whitespace().last().map(str::to_string))
            });
            if let Some(sn) = sn {
                surnames.entry(key_of(&sn)).or_default().push(i as u32);
            }
            // Other spellings of the surname that the names list ("Abdourahamane
            // Tiani" beside "Tchiani"): a later "Tiani said" finds him too.
            for n in p.names.iter().skip(1) {
                let mut words = n.split_whitespace();
                let (Some(_), Some(last)) = (words.next(), words.last()) else {
                    continue;
                };
                let v = surnames.entry(key_of(last)).or_default();
                if !v.contains(&(i as u32)) {
                    v.push(i as u32);
                }
            }
        }
        for (i, a) in self.agents.iter().enumerate() {
            let petr = a.code.is_some();
            for w in &a.words {
                for form in agent_forms(w) {
                    add(&form, Target::Agent { idx: i as u32 }, petr);
                }
            }
        }
        for (i, p) in self.petr_actors.iter().enumerate() {
            for ph in &p.phrases {
                add(ph, Target::PetrActor { idx: i as u32 }, true);
            }
        }
        for ph in PAIR_PHRASES {
            add(ph, Target::Pair, false);
        }
        let ac = if patterns.is_empty() {
            None
        } else {
            let keys: Vec<String> = patterns.iter().map(|p| format!(" {} ", p.key)).collect();
            // A non-contiguous NFA is the fastest to build; matching a sentence is a
            // few microseconds either way.
            let ac = AhoCorasick::builder()
                .kind(Some(AhoCorasickKind::NoncontiguousNFA))
                .build(&keys)
                .map_err(|e| LexiconError::Matcher(e.to_string()))?;
            Some(ac)
        };
        let mut state_of = HashMap::new();
        for (i, a) in self.actors.iter().enumerate() {
            if a.kind == ActorKind::State {
                if let Some(c) = &a.country {
                    state_of.entry(c.clone()).or_insert(i as u32);
                }
            }
        }
        let mut name_words: HashMap<String, Vec<String>> = HashMap::new();
        for a in &self.actors {
            let words = name_words.entry(a.id.clone()).or_default();
            for n in &a.names {
                for t in tokenize(n, 0) {
                    if !words.contains(&t.norm) {
                        words.push(t.norm);
                    }
                }
            }
        }
        Ok(Lexicon {
            actors: self.actors,
            people: self.people,
            agents: self.agents,
            petr_actors: self.petr_actors,
            warnings: self.warnings,
            files: self.files,
            patterns,
            ac,
            surnames,
            state_of,
            name_words,
        })
    }
}

/// Marker appended to an agent word that takes no automatic plural.
pub(crate) const NO_PLURAL: &str = "\u{0}";

/// The forms of an agent word matched in text: itself and its regular plural.
pub(crate) fn agent_forms(w: &str) -> Vec<String> {
    if let Some(base) = w.strip_suffix(NO_PLURAL) {
        return vec![base.to_string()];
    }
    let mut v = vec![w.to_string()];
    let lw = w.to_lowercase();
    let plural = if let Some(b) = w.strip_suffix("man") {
        format!("{b}men")
    } else if lw.ends_with("ss") || lw.ends_with("sh") || lw.ends_with("ch") || lw.ends_with('x') {
        format!("{w}es")
    } else if lw.ends_with('y') && !lw.ends_with("ay") && !lw.ends_with("ey") && !lw.ends_with("oy")
    {
        format!("{}ies", &w[..w.len() - 1])
    } else if lw.ends_with('s') {
        return v;
    } else {
        format!("{w}s")
    };
    v.push(plural);
    v
}

/// A problem kind for loaders that only warn.
pub(crate) fn warn(kind: ProblemKind, file: &str, line: usize, message: String) -> Problem {
    Problem {
        kind,
        origin: Some(Origin {
            file: file.into(),
            line,
        }),
        message,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plurals() {
        assert_eq!(agent_forms("spokesman"), ["spokesman", "spokesmen"]);
        assert_eq!(agent_forms("embassy"), ["embassy", "embassies"]);
        assert_eq!(agent_forms("official"), ["official", "officials"]);
        assert_eq!(agent_forms(&format!("police{NO_PLURAL}")), ["police"]);
    }

    #[test]
    fn syntax_error_names_file_and_line() {
        let e = Lexicon::builder()
            .add_toml_str("x.toml", "[[actor]]\nid = \"a\"\nkind = \n")
            .err()
            .unwrap();
        let s = e.to_string();
        assert!(s.starts_with("x.toml:3:"), "{s}");
    }

    #[test]
    fn bad_date_and_kind_are_errors_with_line() {
        let t = "[[actor]]\nid = \"gov:X\"\nkind = \"government\"\nfrom = \"2021-13-01\"\n";
        let s = Lexicon::builder()
            .add_toml_str("y.toml", t)
            .err()
            .unwrap()
            .to_string();
        assert!(
            s.starts_with("y.toml:2:") && s.contains("not a date"),
            "{s}"
        );
        let t = "[[actor]]\nid = \"x:Y\"\nkind = \"planet\"\n";
        let s = Lexicon::builder()
            .add_toml_str("y.toml", t)
            .err()
            .unwrap()
            .to_string();
        assert!(s.contains("planet"), "{s}");
    }
}
