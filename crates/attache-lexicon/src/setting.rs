//! Where a story happens when neither its dateline nor its counts say so: the
//! country of its opening sentence's place or domestic actor.
//!
//! Why: wire stories about domestic politics ("A court in Tunis on Friday sentenced an
//! opposition leader …", "Thousands of people took to the streets of Tbilisi …") name
//! their country once, in the lead, and then speak of "authorities", "police",
//! "prosecutors", "protesters". The gold set keys those agents with the story's country
//! (domestic events are X→X, docs/gold-guidelines.md). The resolver already takes the
//! dateline's country, else the article focus (one country dominating the counts); a
//! story that goes on to a foreign reaction ("France said it was following the case")
//! has no dominant country, and the agents then took the state named most recently —
//! France. A reporter's lead sets the scene the way a dateline does, so it is read as
//! one, with guards that keep two-country stories out:
//!
//! * the lead names exactly one country (states, capitals, provinces and cities, and
//!   nationality adjectives all count); "Pakistani jets bombed hideouts in eastern
//!   Afghanistan" names two and sets no scene;
//! * and it is said to be the scene: the place follows a locative word ("in Tunis",
//!   "the streets of Tbilisi", "outside Istanbul city hall"), or the country qualifies a
//!   domestic actor — police, courts, lawmakers, the opposition, protesters, students,
//!   people, or a government organ that does not face abroad ("Israel's cabinet";
//!   not "Pakistan's foreign ministry" or "China's ambassador": a foreign-policy story
//!   opens that way).
//!
//! Only a fallback: a dateline or an article focus wins, and a sentence that names
//! another country still gives its agents that country (resolve.rs, `agent_phrase`).

use crate::lexicon::{Lexicon, Target};
use crate::resolve::{plain_actor, Hit};
use crate::token::Tok;
use attache_core::{FuzzyDate, MentionKind};

/// Words before a place that make it the scene of the sentence.
const LOCATIVE: &[&str] = &[
    "in",
    "at",
    "of",
    "across",
    "outside",
    "near",
    "throughout",
    "around",
    "inside",
    "through",
];

/// Sectors of agents that act at home: police, courts, legislators, opposition,
/// parties, people, students, workers, rebels.
const DOMESTIC_SECTORS: &[&str] = &[
    "COP", "JUD", "LEG", "OPP", "PTY", "CVL", "EDU", "LAB", "REB", "INS", "SEP", "CRM",
];

/// Words of a government title that faces other states.
const FACING_ABROAD: &[&str] = &[
    "foreign",
    "ambassador",
    "envoy",
    "diplomat",
    "diplomats",
    "embassy",
    "mission",
    "delegation",
    "consul",
    "consulate",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "side",
];

/// The country the opening sentence (`toks`, `hits`) sets the story in, if it names
/// exactly one and says it is the scene (module doc).
pub(crate) fn lead_setting(
    lex: &Lexicon,
    toks: &[Tok],
    hits: &[Hit],
    date: Option<FuzzyDate>,
) -> Option<String> {
    let mut country: Option<String> = None;
    let mut scene = false;
    for (k, h) in hits.iter().enumerate() {
        let Some(r) = plain_actor(lex, h, date) else {
            continue;
        };
        if !matches!(r.kind, MentionKind::State | MentionKind::Government) {
            continue;
        }
        let Some(c) = r.country else { continue };
        match &country {
            Some(x) if *x != c => return None,
            _ => country = Some(c),
        }
        let before = |i: usize| {
            i.checked_sub(1)
                .and_then(|j| toks.get(j))
                .map(|t| t.norm.as_str())
        };
        let mut b = h.start;
        if before(b) == Some("the") {
            b -= 1;
        }
        if before(b).is_some_and(|w| LOCATIVE.contains(&w)) {
            scene = true;
        }
        // "Moldovan police", "Bangladesh's interim government", "Kenyan students": the
        // agent right after the country, possibly after "'s".
        let mut a = h.end;
        if toks.get(a).is_some_and(|t| t.norm == "'s") {
            a += 1;
        }
        if let Some(next) = hits.get(k + 1).filter(|n| n.start == a) {
            if let Target::Agent { idx } = next.target {
                let sector = lex.agents[idx as usize].sector.as_str();
                // A government organ at home ("Israel's cabinet", "Kenya's interior
                // minister"), not one that faces abroad ("Pakistan's foreign ministry",
                // "China's ambassador").
                let abroad = toks[next.start..next.end.min(toks.len())]
                    .iter()
                    .any(|t| FACING_ABROAD.contains(&t.norm.as_str()));
                if DOMESTIC_SECTORS.contains(&sector) || (sector == "GOV" && !abroad) {
                    scene = true;
                }
            }
        }
    }
    country.filter(|_| scene)
}

/// The one country a sentence places itself in ("… fired tear gas at protesters in
/// Nairobi", "outside the parliament in Tbilisi"): the countries of the places after
/// a locative word ("of" not counted: "the foreign minister of Pakistan" is no place),
/// if there is exactly one. A generic agent of the sentence that no earlier word of
/// the sentence ties to a country takes it over the story's country: the story has
/// moved (resolve.rs, `agent_phrase`).
pub(crate) fn sentence_scene(
    lex: &Lexicon,
    toks: &[Tok],
    hits: &[Hit],
    date: Option<FuzzyDate>,
) -> Option<String> {
    let mut country: Option<String> = None;
    for h in hits {
        let mut b = h.start;
        if b > 0 && toks[b - 1].norm == "the" {
            b -= 1;
        }
        if !(b > 0 && LOCATIVE.contains(&toks[b - 1].norm.as_str()) && toks[b - 1].norm != "of") {
            continue;
        }
        let Some(c) = plain_actor(lex, h, date)
            .filter(|r| matches!(r.kind, MentionKind::State | MentionKind::Government))
            .and_then(|r| r.country)
        else {
            continue;
        };
        match &country {
            Some(x) if *x != c => return None,
            _ => country = Some(c),
        }
    }
    country
}
