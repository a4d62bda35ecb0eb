//! The lexicon's entries: the TOML file form (docs/lexicon-format.md) and the compiled
//! form the matcher points into.
//!
//! Why two forms: the file form is what reviewers read and diff (strings, optional
//! fields); the compiled form has dates parsed, countries normalised to ISO alpha-3 and
//! the place each entry came from, so that every answer can say why.

use attache_core::FuzzyDate;
use serde::Deserialize;

/// Where an entry came from: file name and 1-based line.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Origin {
    pub file: String,
    pub line: usize,
}

impl std::fmt::Display for Origin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}", self.file, self.line)
    }
}

// ---------------------------------------------------------------- file form

#[derive(Debug, Default, Deserialize)]
pub(crate) struct FileDoc {
    #[serde(default)]
    pub actor: Vec<ActorToml>,
    #[serde(default)]
    pub person: Vec<PersonToml>,
    #[serde(default)]
    pub agent: Vec<AgentToml>,
}

#[derive(Debug, Deserialize)]
pub(crate) struct ActorToml {
    pub id: String,
    pub kind: String,
    #[serde(default)]
    pub code: Option<String>,
    #[serde(default)]
    pub country: Option<String>,
    #[serde(default)]
    pub sector: Option<String>,
    #[serde(default)]
    pub parent: Option<String>,
    #[serde(default)]
    pub names: Vec<String>,
    #[serde(default)]
    pub adjectives: Vec<String>,
    #[serde(default)]
    pub demonyms: Vec<String>,
    #[serde(default)]
    pub seats: Vec<String>,
    /// Regions and cities that stand for the state when named ("Ontario", "Blantyre").
    #[serde(default)]
    pub places: Vec<String>,
    #[serde(default)]
    pub from: Option<String>,
    #[serde(default)]
    pub until: Option<String>,
    #[serde(default)]
    pub governs: Option<String>,
    #[serde(default)]
    pub dated_names: Vec<DatedNameToml>,
}

#[derive(Debug, Deserialize)]
pub(crate) struct DatedNameToml {
    pub name: String,
    #[serde(default)]
    pub from: Option<String>,
    #[serde(default)]
    pub until: Option<String>,
}

#[derive(Debug, Deserialize)]
pub(crate) struct PersonToml {
    pub id: String,
    #[serde(default)]
    pub names: Vec<String>,
    #[serde(default)]
    pub surname: Option<String>,
    #[serde(default)]
    pub office: Vec<OfficeToml>,
}

#[derive(Debug, Deserialize)]
pub(crate) struct OfficeToml {
    #[serde(default)]
    pub country: Option<String>,
    /// Offices in an international organisation: its code (UN, NATO, EU…).
    #[serde(default)]
    pub igo: Option<String>,
    #[serde(default)]
    pub sector: Option<String>,
    #[serde(default)]
    pub role: Option<String>,
    #[serde(default)]
    pub from: Option<String>,
    #[serde(default)]
    pub until: Option<String>,
}

#[derive(Debug, Deserialize)]
pub(crate) struct AgentToml {
    pub sector: String,
    #[serde(default)]
    pub words: Vec<String>,
    /// Words that take no automatic plural ("police", "media").
    #[serde(default)]
    pub plural: Option<bool>,
}

// ---------------------------------------------------------------- compiled form

/// What sort of actor an `[[actor]]` entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ActorKind {
    State,
    Government,
    Igo,
    Group,
}

impl ActorKind {
    pub fn parse(s: &str) -> Option<ActorKind> {
        match s.trim().to_ascii_lowercase().as_str() {
            "state" => Some(ActorKind::State),
            "government" | "gov" => Some(ActorKind::Government),
            "igo" | "organisation" | "organization" => Some(ActorKind::Igo),
            "group" => Some(ActorKind::Group),
            _ => None,
        }
    }
    pub fn mention_kind(self) -> attache_core::MentionKind {
        use attache_core::MentionKind as M;
        match self {
            ActorKind::State => M::State,
            ActorKind::Government => M::Government,
            ActorKind::Igo => M::Igo,
            ActorKind::Group => M::Group,
        }
    }
}

/// A validity period: `from` inclusive, `until` exclusive, open ends allowed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Period {
    pub from: Option<FuzzyDate>,
    pub until: Option<FuzzyDate>,
}

impl Period {
    /// Whether the period covers `date`. Without a date, only periods still open count
    /// (the lexicon describes the present unless told otherwise).
    pub fn covers(&self, date: Option<FuzzyDate>) -> bool {
        match date {
            None => self.until.is_none(),
            Some(d) => self.from.is_none_or(|f| f <= d) && self.until.is_none_or(|u| d < u),
        }
    }
    pub fn is_open(&self) -> bool {
        self.from.is_none() && self.until.is_none()
    }
    /// Whether two periods share at least one day.
    pub fn overlaps(&self, o: &Period) -> bool {
        let a_before_b = matches!((self.until, o.from), (Some(u), Some(f)) if u <= f);
        let b_before_a = matches!((o.until, self.from), (Some(u), Some(f)) if u <= f);
        !a_before_b && !b_before_a
    }
}

impl std::fmt::Display for Period {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let s = |d: Option<FuzzyDate>| d.map(|d| d.to_string()).unwrap_or_else(|| "…".into());
        write!(f, "{}–{}", s(self.from), s(self.until))
    }
}

/// A state, government, organisation or group.
#[derive(Debug, Clone)]
pub struct Actor {
    pub id: String,
    pub kind: ActorKind,
    /// States: CAMEO country code; others: their code (AFGGOVTAL, UN, TTP…).
    pub code: String,
    /// ISO alpha-3 (normalised through the country table when known).
    pub country: Option<String>,
    pub sector: Option<String>,
    pub parent: Option<String>,
    pub names: Vec<String>,
    pub adjectives: Vec<String>,
    pub demonyms: Vec<String>,
    pub seats: Vec<String>,
    /// Regions and cities of a state: "Ontario's provincial leader" → CAN, a dateline
    /// "BLANTYRE" → MWI.
    pub places: Vec<String>,
    pub period: Period,
    pub governs: Option<String>,
    pub dated_names: Vec<(String, Period)>,
    pub origin: Origin,
}

/// One office held by a person.
#[derive(Debug, Clone)]
pub struct Office {
    pub country: Option<String>,
    /// Code of the organisation for IGO offices (UN, NATO…); then `country` is none.
    pub igo: Option<String>,
    pub sector: String,
    pub role: String,
    pub period: Period,
}

/// A named person with offices.
#[derive(Debug, Clone)]
pub struct Person {
    pub id: String,
    pub names: Vec<String>,
    pub surname: Option<String>,
    pub offices: Vec<Office>,
    pub origin: Origin,
}

impl Person {
    /// The office held at `date` (the first one listed when several are).
    pub fn office_at(&self, date: Option<FuzzyDate>) -> Option<&Office> {
        self.offices.iter().find(|o| o.period.covers(date))
    }
}

/// A group of agent words sharing a sector.
#[derive(Debug, Clone)]
pub struct Agent {
    pub sector: String,
    /// Full agent code when it says more than the sector (PETRARCH `~GOVFRM`).
    pub code: Option<String>,
    pub words: Vec<String>,
    pub origin: Origin,
}

/// An entry read from a PETRARCH/TABARI actor dictionary.
#[derive(Debug, Clone)]
pub struct PetrActor {
    pub phrases: Vec<String>,
    pub default_code: Option<String>,
    /// (code, period) restrictions, first match wins.
    pub restrictions: Vec<(String, Period)>,
    pub origin: Origin,
}

impl PetrActor {
    /// The code valid at `date`: the first covering restriction, else the default.
    /// Without a date, the open-ended restriction if any, else the default.
    pub fn code_at(&self, date: Option<FuzzyDate>) -> Option<&str> {
        self.restrictions
            .iter()
            .find(|(_, p)| p.covers(date))
            .map(|(c, _)| c.as_str())
            .or(self.default_code.as_deref())
    }
}
