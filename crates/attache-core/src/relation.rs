//! Facts about the state of a relationship: representation levels and recognition.

use crate::date::FuzzyDate;
use crate::event::Evidence;
use serde::{Deserialize, Serialize};

/// Level of diplomatic representation of a sender in a receiver, on the Correlates of
/// War Diplomatic Exchange scale (plus interests sections, which COW codes as 9).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RepLevel {
    /// No representation (relations severed, mission closed or withdrawn).
    None,
    /// Interests section hosted by a protecting power.
    InterestsSection,
    /// Chargé d'affaires (COW 1).
    ChargeDAffaires,
    /// Minister or envoy (COW 2).
    Minister,
    /// Ambassador (COW 3).
    Ambassador,
    /// Some representation of unknown or other level (COW 9).
    Other,
}

impl RepLevel {
    /// COW Diplomatic Exchange code.
    pub fn cow_level(self) -> u8 {
        match self {
            RepLevel::None => 0,
            RepLevel::ChargeDAffaires => 1,
            RepLevel::Minister => 2,
            RepLevel::Ambassador => 3,
            RepLevel::InterestsSection | RepLevel::Other => 9,
        }
    }

    /// Name used in JSON and on the command line.
    pub fn name(self) -> &'static str {
        match self {
            RepLevel::None => "none",
            RepLevel::InterestsSection => "interests_section",
            RepLevel::ChargeDAffaires => "charge_d_affaires",
            RepLevel::Minister => "minister",
            RepLevel::Ambassador => "ambassador",
            RepLevel::Other => "other",
        }
    }

    /// Parse a name or COW number as users type them ("ambassador", "3", "chargé",
    /// "charge_d_affaires", "none").
    pub fn parse(s: &str) -> Option<RepLevel> {
        let s = s
            .trim()
            .to_lowercase()
            .replace(['-', ' ', '\''], "_")
            .replace('é', "e");
        Some(match s.as_str() {
            "0" | "none" => RepLevel::None,
            "1" | "charge" | "charge_d_affaires" | "charge_daffaires" | "cda" => {
                RepLevel::ChargeDAffaires
            }
            "2" | "minister" | "envoy" => RepLevel::Minister,
            "3" | "ambassador" => RepLevel::Ambassador,
            "9" | "other" => RepLevel::Other,
            "interests" | "interests_section" => RepLevel::InterestsSection,
            _ => return None,
        })
    }
}

/// A change of representation level in one direction, as reported by one article (or
/// recorded by an analyst).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RepresentationChange {
    /// ISO 3166-1 alpha-3 of the sending state.
    pub sender: String,
    /// ISO 3166-1 alpha-3 of the receiving state.
    pub receiver: String,
    /// Level before the change, when the report says it.
    pub from: Option<RepLevel>,
    pub to: RepLevel,
    /// What happened, in a word: `upgrade`, `downgrade`, `appoint`, `credentials`,
    /// `recall`, `expel`, `close`, `reopen`, `sever`, `establish`, `restore`, `exchange`.
    pub action: String,
    pub effective: Option<FuzzyDate>,
    pub article_id: String,
    pub sentence: u32,
    pub evidence: Evidence,
    pub confidence: f32,
}

/// How a state stands towards a government.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RecognitionKind {
    /// Formal recognition of the government.
    Recognizes,
    /// Maintains formal relations or deals officially with it without (or before)
    /// recognition.
    FormalRelations,
    /// Accepts its envoy or ambassador.
    AcceptsEnvoy,
    /// Refuses or withdraws recognition.
    Withholds,
}

/// A recognition or engagement fact: `recognizer` (a state) stands in `kind` towards
/// `government` (an actor id of a government, e.g. `gov:AFG-taliban`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RecognitionFact {
    /// ISO 3166-1 alpha-3 of the recognizing state.
    pub recognizer: String,
    /// Actor code of the government concerned, e.g. `AFGGOVTAL`.
    pub government: String,
    /// ISO 3166-1 alpha-3 of the state that government governs.
    pub governed_state: String,
    pub kind: RecognitionKind,
    pub effective: Option<FuzzyDate>,
    pub article_id: String,
    pub sentence: u32,
    pub evidence: Evidence,
    pub confidence: f32,
}
