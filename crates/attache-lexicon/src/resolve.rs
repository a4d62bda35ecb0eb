//! Resolution of actor mentions in the context of a whole article.
//!
//! Why here and not in the coder: sentence-by-sentence dictionary coders cannot know
//! that "Dar" in the fifth sentence is Pakistan's foreign minister, introduced in the
//! first, or which two states "both sides" are. This module walks an article once, in
//! order, keeping that memory, and returns every actor mention with a code and how the
//! code was found ([`ResolvedBy`]).
//!
//! The rules work on the lexicon's own tokens (so they work with any tokenizer) and use
//! part-of-speech tags only as a bonus (PROPN for unknown names).
//!
//! "The two countries" / "both sides" are returned as **two mentions with the same
//! span**, one per state (kind State, resolved_by Context). Consumers that want one
//! participant group the mentions by span.

use crate::gender::{self, Gender};
use crate::lexicon::{Lexicon, NameHow, Target};
use crate::model::ActorKind;
use crate::regions::regions;
use crate::token::{tokenize, Tok};
use attache_core::{FuzzyDate, Mention, MentionKind, ResolvedBy, Span};
use attache_text::{Doc, Upos};
use std::collections::HashMap;

mod groups;

/// What the article says about itself, beyond its sentences.
#[derive(Debug, Clone, Default)]
pub struct DocContext {
    pub published: Option<FuzzyDate>,
    /// Dateline place as written ("ISLAMABAD").
    pub dateline: Option<String>,
    pub title: Option<String>,
}

/// A selected lexicon match: tokens `[start, end)`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Hit {
    pub start: usize,
    pub end: usize,
    pub target: Target,
}

/// A resolved actor before it becomes a mention.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Res {
    pub kind: MentionKind,
    pub code: String,
    pub country: Option<String>,
    pub sector: Option<String>,
    pub actor_id: Option<String>,
    pub by: ResolvedBy,
}

impl Res {
    fn unresolved(kind: MentionKind, sector: Option<String>, actor_id: Option<String>) -> Res {
        Res {
            kind,
            code: String::new(),
            country: None,
            sector,
            actor_id,
            by: ResolvedBy::Unresolved,
        }
    }
}

/// Titles that take their affiliation from "for X" ("a spokesman for al-Shabab").
const FOR_TITLES: &[&str] = &[
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "spokesmen",
    "spokespeople",
    "spokespersons",
    "representative",
    "representatives",
    "envoy",
    "envoys",
    "negotiator",
    "negotiators",
    "commander",
    "commanders",
    "adviser",
    "advisor",
    "advisers",
    "advisors",
    "coordinator",
];

/// Words that may stand between a country qualifier and a title.
const TITLE_MODIFIERS: &[&str] = &[
    "new",
    "former",
    "top",
    "senior",
    "outgoing",
    "incoming",
    "current",
    "interim",
    "newly",
    "appointed",
    "longtime",
    "veteran",
    // "Britain's deputy U.N. ambassador", "the acting foreign minister".
    "deputy",
    "acting",
    "permanent",
    "chief",
];

/// Second parts of compounds whose first part is no actor ("Iran-backed",
/// "U.S.-made"): the first part backs, arms or inspires the head, or made it.
const BACKER_WORDS: &[&str] = &[
    "backed",
    "sponsored",
    "supported",
    "funded",
    "financed",
    "armed",
    "trained",
    "equipped",
    "aligned",
    "allied",
    "affiliated",
    "linked",
    "inspired",
    "friendly",
    "leaning",
    "made",
    "built",
    "supplied",
    "designed",
    "language",
    "speaking",
];

/// "-based" compounds: where someone sits, not who acts.
const BASED_WORDS: &[&str] = &["based", "born", "headquartered"];

/// Capitalised words that make a seat or state name the name of a newspaper.
const PAPER_WORDS: &[&str] = &[
    "post",
    "times",
    "independent",
    "herald",
    "journal",
    "tribune",
    "telegraph",
    "gazette",
    "observer",
    "chronicle",
    "examiner",
];

/// Words of attack after a state's name or adjective ("Russian missiles").
const ARMS: &[&str] = &[
    "missile",
    "missiles",
    "drone",
    "drones",
    "strike",
    "strikes",
    "airstrike",
    "airstrikes",
    "air",
    "rocket",
    "rockets",
    "shelling",
    "shells",
    "bomb",
    "bombs",
    "bombing",
    "bombings",
    "bombardment",
    "artillery",
    "jets",
    "warplanes",
    "aircraft",
    "attack",
    "attacks",
    "raid",
    "raids",
    "fire",
    "gunfire",
    "offensive",
    "tanks",
    "warships",
    "navy",
];

/// States whose one-word name is also a given name ("Jordan Bardella", "Chad
/// Daybell", "India Walton", "Israel Kamakawiwo'ole").
const FIRST_NAME_STATES: &[&str] = &["jordan", "chad", "israel", "india", "america", "cuba"];

/// Capitalised heads of geographic names that contain a state's name ("South China
/// Sea", "Taiwan Strait", "Indian Ocean", "Korean Peninsula", "Panama Canal").
const GEO_HEADS: &[&str] = &[
    "sea",
    "strait",
    "straits",
    "gulf",
    "bay",
    "ocean",
    "channel",
    "peninsula",
    "basin",
    "canal",
    "river",
    "delta",
    "lake",
];

/// Second parts of compounds whose first part qualifies the head as a possessive
/// would ("Hamas-run health ministry", "U.S.-led forces").
const RUN_WORDS: &[&str] = &["run", "led", "controlled", "ruled", "appointed"];

/// Second parts of compounds that make the head a member of an armed group or
/// movement ("Islamic State-linked insurgents", "al-Qaeda-affiliated fighters"): the
/// head is the group's (session 17). After a state they say no more than "backed".
const MEMBER_WORDS: &[&str] = &["linked", "affiliated", "aligned", "allied"];

/// Nouns of relation: after a possessive they name someone other than the possessor
/// ("Washington's ally", "Iran's proxies", "Russia's neighbors").
const RELATIONAL: &[&str] = &[
    "ally",
    "allies",
    "partner",
    "partners",
    "neighbor",
    "neighbors",
    "neighbour",
    "neighbours",
    "rival",
    "rivals",
    "foe",
    "foes",
    "enemy",
    "enemies",
    "adversary",
    "adversaries",
    "proxy",
    "proxies",
    "critic",
    "critics",
    "opponent",
    "opponents",
    "detractors",
    "backers",
];

/// "U.S. and Iraqi officials", "Russian, Chinese and Iranian diplomats": qualifiers
/// joined by "and" or commas before one title name each state's agents. Returns the
/// phrase's end and one resolution per qualifier (all with the phrase's span, as for
/// "both sides"), so the coder sees every state as a participant. The first conjunct
/// must be used attributively: an adjective or a capitals form ("U.S.", "EU"), not a
/// noun ("Israel and Palestinian officials" stays two phrases).
fn coordinated_quals(sc: &SentCtx, h: &Hit, q: &Qual) -> Option<(usize, Vec<Res>)> {
    let attributive = |x: &Hit| match x.target {
        Target::Actor { how, .. } => {
            how == NameHow::Adjective
                || (how == NameHow::Name && x.end == x.start + 1 && sc.toks[x.start].caps)
        }
        _ => false,
    };
    if !attributive(h) || !matches!(sc.norm(h.end), "and" | ",") {
        return None;
    }
    let mut quals = vec![q.clone()];
    let mut i = h.end;
    loop {
        let last = match sc.norm(i) {
            "and" => true,
            "," => false,
            _ => break,
        };
        let mut j = i + 1;
        if !last && sc.norm(j) == "and" {
            j += 1;
        }
        let x = sc.hit(j).copied()?;
        if !attributive(&x) {
            return None;
        }
        quals.push(qual_of(sc.lex, &x, sc.date)?);
        i = x.end;
        if last {
            break;
        }
    }
    if quals.len() < 2 {
        return None;
    }
    let (end, sector) = sc.agents_from_ex(i, true)?;
    // A name after the title is one person of one state.
    if sc.name_at(end).is_some() {
        return None;
    }
    let rs = quals
        .iter()
        .map(|q| qual_with_sector(sc.lex, q, &sector, sc.date))
        .collect();
    Some((end, rs))
}

/// "the foreign ministers of Russia and Ukraine", "delegations from Russia and
/// Ukraine", "officials from the United States and Iran": a plural title whose "of" or
/// "from" names coordinated states (or governments, organisations) names each one's
/// people; like coordinated qualifiers, one resolution per state with the whole
/// phrase's span, so the coder sees both as participants (the first used to take the
/// title and the others stood alone).
fn title_of_coordination(sc: &SentCtx, p: usize) -> Option<(usize, Vec<Res>)> {
    // Cheap test first: the agent word's match is followed by "of"/"from" (a title of
    // several words joined by "and" is rare here).
    let first_end = sc.hit(p)?.end;
    if !matches!(sc.norm(first_end), "of" | "from") {
        return None;
    }
    let (a_end, sector) = sc.agents_from(p)?;
    if !matches!(sc.norm(a_end), "of" | "from") || !plural_word(sc.norm(a_end - 1)) {
        return None;
    }
    let mut quals = Vec::new();
    let mut i = a_end + 1;
    loop {
        let (q, end) = named_member(sc, i)?;
        quals.push(q);
        i = end;
        let last = match sc.norm(i) {
            "and" => true,
            "," if quals.len() < 8 => false,
            _ => break,
        };
        i += 1;
        if !last && sc.norm(i) == "and" {
            i += 1;
        }
        if last {
            let (q, end) = named_member(sc, i)?;
            quals.push(q);
            i = end;
            break;
        }
    }
    if quals.len() < 2 {
        return None;
    }
    let rs = quals
        .iter()
        .map(|q| qual_with_sector(sc.lex, q, &sector, sc.date))
        .collect();
    Some((i, rs))
}

/// One member of the coordination after a plural title's "of"/"from": an optional
/// "the", then a state, government or organisation named by its name or seat, as a
/// qualifier, with the token after it. `None` when the word there names nothing, or
/// when it is a possessive ("… of Hamas and Israel's prime minister": a new phrase
/// starts).
fn named_member(sc: &SentCtx, mut i: usize) -> Option<(Qual, usize)> {
    if sc.norm(i) == "the" {
        i += 1;
    }
    let h = sc.hit(i).copied()?;
    let named = matches!(
        h.target,
        Target::Actor {
            how: NameHow::Name | NameHow::Seat | NameHow::DatedName(_),
            ..
        }
    );
    if !named || sc.norm(h.end) == "'s" {
        return None;
    }
    Some((qual_of(sc.lex, &h, sc.date)?, h.end))
}

/// A qualifier: something that gives a title its country ("Pakistan's", "Afghan",
/// "UN", "Taliban").
#[derive(Debug, Clone)]
struct Qual {
    kind: ActorKind,
    code: String,
    country: Option<String>,
    sector: Option<String>,
    actor_id: Option<String>,
}

/// Select the best non-overlapping matches in a token sequence: longest first, then
/// leftmost; among the targets of one phrase, those valid at `date`, by preference.
pub(crate) fn select_hits(lex: &Lexicon, toks: &[Tok], date: Option<FuzzyDate>) -> Vec<Hit> {
    let mut cands: Vec<(Hit, u8)> = Vec::new();
    for c in lex.candidates(toks) {
        let pat = lex.pattern(c.pat);
        let best = pat
            .targets
            .iter()
            .filter(|t| lex.target_ok(t, &toks[c.start..c.end], date))
            .min_by_key(|t| lex.rank(&t.target));
        if let Some(t) = best {
            // Bare "'s", punctuation and function-word agents never start a mention.
            if toks[c.start].norm == "'s" {
                continue;
            }
            cands.push((
                Hit {
                    start: c.start,
                    end: c.end,
                    target: t.target,
                },
                lex.rank(&t.target),
            ));
        }
    }
    cands.sort_by_key(|(h, r)| (std::cmp::Reverse(h.end - h.start), h.start, *r));
    let mut covered = vec![false; toks.len()];
    let mut out = Vec::new();
    for (h, _) in cands {
        if covered[h.start..h.end].iter().any(|&c| c) {
            continue;
        }
        covered[h.start..h.end].iter_mut().for_each(|c| *c = true);
        out.push(h);
    }
    out.sort_by_key(|h| h.start);
    out
}

/// Code of the government of a state at a date: a distinct government entry that
/// `governs` it (the Taliban-led administration since 2021-08-15), else CAMEO + GOV.
pub(crate) fn gov_of(
    lex: &Lexicon,
    iso3: &str,
    date: Option<FuzzyDate>,
) -> (String, Option<String>) {
    if let Some(g) = lex.actors.iter().find(|a| {
        a.kind == ActorKind::Government
            && a.governs.as_deref() == Some(iso3)
            && a.period.covers(date)
    }) {
        return (g.code.clone(), Some(g.id.clone()));
    }
    (format!("{}GOV", crate::lexicon::cameo_of(iso3)), None)
}

/// The code of a country's sector, routing GOV through [`gov_of`].
fn sector_code(lex: &Lexicon, iso3: &str, sector: &str, date: Option<FuzzyDate>) -> String {
    if sector == "GOV" {
        gov_of(lex, iso3, date).0
    } else {
        format!("{}{}", crate::lexicon::cameo_of(iso3), sector)
    }
}

fn petr_qual(code: &str) -> Qual {
    let head = code
        .get(..3)
        .filter(|h| h.chars().all(|c| c.is_ascii_uppercase()));
    let (country, sector) = match head.and_then(attache_core::country::by_code) {
        Some(c) => (Some(c.iso3.to_string()), code.get(3..6).map(str::to_string)),
        None => (None, None),
    };
    let kind = match (&country, sector.as_deref()) {
        (Some(_), None) => ActorKind::State,
        (Some(_), Some("GOV")) => ActorKind::Government,
        _ if code.starts_with("IGO") => ActorKind::Igo,
        _ => ActorKind::Group,
    };
    Qual {
        kind,
        code: code.to_string(),
        country,
        sector,
        actor_id: None,
    }
}

/// The qualifier a hit provides, if any.
fn qual_of(lex: &Lexicon, h: &Hit, date: Option<FuzzyDate>) -> Option<Qual> {
    match h.target {
        Target::Actor { idx, how } => {
            if how == NameHow::Demonym {
                return None;
            }
            let a = &lex.actors[idx as usize];
            let country = a.country.clone().or_else(|| a.governs.clone());
            Some(Qual {
                kind: a.kind,
                code: a.code.clone(),
                country,
                sector: a.sector.clone(),
                actor_id: Some(a.id.clone()),
            })
        }
        Target::PetrActor { idx } => lex.petr_actors[idx as usize].code_at(date).map(petr_qual),
        _ => None,
    }
}

/// A resolved mention used as a qualifier ("the court's president" after the ICJ):
/// organisations and groups keep their code, anything with a country gives it.
fn qual_of_res(r: &Res) -> Option<Qual> {
    if r.code.is_empty() {
        return None;
    }
    let kind = match r.kind {
        MentionKind::Igo => ActorKind::Igo,
        MentionKind::Group => ActorKind::Group,
        MentionKind::Government if r.sector.as_deref() == Some("GOV") => ActorKind::Government,
        // A U.N. official: the organisation.
        MentionKind::Person if r.country.is_none() => ActorKind::Igo,
        _ if r.country.is_some() => ActorKind::State,
        _ => return None,
    };
    Some(Qual {
        kind,
        code: r.code.clone(),
        country: r.country.clone(),
        sector: r.sector.clone().filter(|_| kind != ActorKind::State),
        actor_id: r.actor_id.clone(),
    })
}

/// "Trump's envoy", "Putin's spokesman Dmitry Peskov": a title after a resolved
/// person's possessive (at `at`, the "'s") belongs to the person's state or
/// organisation. Pushes the title (with a name after it) and returns where to go on.
fn possessive_title(
    sc: &SentCtx,
    mem: &mut Memory,
    found: &mut Vec<Found>,
    q: &Qual,
    at: usize,
) -> Option<usize> {
    if sc.norm(at) != "'s" {
        return None;
    }
    let (a_end, sector) = sc.agents_from_ex(at + 1, true)?;
    let mut res = qual_with_sector(sc.lex, q, &sector, sc.date);
    res.by = ResolvedBy::Context;
    let mut end = a_end;
    if let Some((ne, person)) = sc.name_at(a_end) {
        end = ne;
        res.kind = MentionKind::Person;
        if let Some(pi) = person {
            res.actor_id = Some(sc.lex.people[pi as usize].id.clone());
        }
        remember(sc, mem, a_end, ne, person, &res);
    } else {
        res.actor_id = None;
    }
    found.push(Found {
        start: at + 1,
        end,
        res,
    });
    Some(end)
}

/// The mention of an actor named on its own.
pub(crate) fn plain_actor(lex: &Lexicon, h: &Hit, date: Option<FuzzyDate>) -> Option<Res> {
    match h.target {
        Target::Actor { idx, how } => {
            let a = &lex.actors[idx as usize];
            let id = Some(a.id.clone());
            Some(match (a.kind, how) {
                (ActorKind::State, NameHow::Seat) | (ActorKind::Government, NameHow::Seat) => {
                    let c = a.country.clone().or_else(|| a.governs.clone())?;
                    let (code, gid) = gov_of(lex, &c, date);
                    Res {
                        kind: MentionKind::Government,
                        code,
                        country: Some(c),
                        sector: Some("GOV".into()),
                        actor_id: gid.or(id),
                        by: ResolvedBy::Lexicon,
                    }
                }
                // "Somalis", "Afghans": the people of a state, not the state — their
                // travel is migration, not a state visit; their country still keys
                // their acts.
                (ActorKind::State, NameHow::Demonym) => {
                    let c = a.country.clone()?;
                    Res {
                        kind: MentionKind::Agent,
                        code: sector_code(lex, &c, "CVL", date),
                        country: Some(c),
                        sector: Some("CVL".into()),
                        actor_id: id,
                        by: ResolvedBy::Lexicon,
                    }
                }
                (ActorKind::State, _) => Res {
                    kind: MentionKind::State,
                    code: a.code.clone(),
                    country: a.country.clone(),
                    sector: None,
                    actor_id: id,
                    by: ResolvedBy::Lexicon,
                },
                (ActorKind::Government, _) => Res {
                    kind: MentionKind::Government,
                    code: a.code.clone(),
                    country: a.country.clone().or_else(|| a.governs.clone()),
                    sector: Some(a.sector.clone().unwrap_or_else(|| "GOV".into())),
                    actor_id: id,
                    by: ResolvedBy::Lexicon,
                },
                (ActorKind::Igo, _) => Res {
                    kind: MentionKind::Igo,
                    code: a.code.clone(),
                    country: a.country.clone(),
                    sector: Some(a.sector.clone().unwrap_or_else(|| "IGO".into())),
                    actor_id: id,
                    by: ResolvedBy::Lexicon,
                },
                (ActorKind::Group, _) => Res {
                    kind: MentionKind::Group,
                    code: a.code.clone(),
                    country: a.country.clone(),
                    sector: a.sector.clone(),
                    actor_id: id,
                    by: ResolvedBy::Lexicon,
                },
            })
        }
        Target::PetrActor { idx } => {
            let code = lex.petr_actors[idx as usize].code_at(date)?;
            let q = petr_qual(code);
            Some(Res {
                kind: q.kind.mention_kind(),
                code: q.code,
                country: q.country,
                sector: q.sector,
                actor_id: None,
                by: ResolvedBy::Lexicon,
            })
        }
        _ => None,
    }
}

/// What a lexicon person stands for at a date: the office held then; else, for a
/// former office holder, the state of the last national office (sector ELI, CAMEO's
/// elites: "Joe Biden criticised…" in 2025 is an American politician, and the event
/// gold keys former officials by their country).
pub(crate) fn office_res(lex: &Lexicon, p: u32, date: Option<FuzzyDate>) -> Option<Res> {
    let person = &lex.people[p as usize];
    let id = Some(person.id.clone());
    let Some(o) = person.office_at(date) else {
        return former_office_res(lex, p, date);
    };
    if let Some(igo) = &o.igo {
        return Some(Res {
            kind: MentionKind::Person,
            code: igo.clone(),
            country: None,
            sector: Some(o.sector.clone()),
            actor_id: id,
            by: ResolvedBy::Lexicon,
        });
    }
    let c = o.country.clone()?;
    Some(Res {
        kind: MentionKind::Person,
        code: sector_code(lex, &c, &o.sector, date),
        country: Some(c),
        sector: Some(o.sector.clone()),
        actor_id: id,
        by: ResolvedBy::Lexicon,
    })
}

/// A former office holder: the country of the office that ended last before `date`,
/// when that office was a state's (a former U.N. official has no state in the lexicon).
fn former_office_res(lex: &Lexicon, p: u32, date: Option<FuzzyDate>) -> Option<Res> {
    let d = date?;
    let person = &lex.people[p as usize];
    let last = person
        .offices
        .iter()
        .filter(|o| o.period.until.is_some_and(|u| u <= d))
        .max_by_key(|o| o.period.until)?;
    let c = last.country.clone()?;
    Some(Res {
        kind: MentionKind::Person,
        code: format!("{}ELI", crate::lexicon::cameo_of(&c)),
        country: Some(c),
        sector: Some("ELI".into()),
        actor_id: Some(person.id.clone()),
        by: ResolvedBy::Lexicon,
    })
}

/// A qualifier combined with a title's sector.
fn qual_with_sector(lex: &Lexicon, q: &Qual, sector: &str, date: Option<FuzzyDate>) -> Res {
    let (code, country, sec) = match q.kind {
        ActorKind::State => {
            let c = q.country.clone().unwrap_or_default();
            (
                sector_code(lex, &c, sector, date),
                q.country.clone(),
                Some(sector.to_string()),
            )
        }
        ActorKind::Government => match &q.country {
            Some(c) if sector != "GOV" => (
                sector_code(lex, c, sector, date),
                Some(c.clone()),
                Some(sector.to_string()),
            ),
            _ => (q.code.clone(), q.country.clone(), Some("GOV".to_string())),
        },
        ActorKind::Igo | ActorKind::Group => (
            q.code.clone(),
            q.country.clone(),
            q.sector.clone().or_else(|| Some(sector.to_string())),
        ),
    };
    let kind = match q.kind {
        ActorKind::Igo => MentionKind::Igo,
        ActorKind::Group => MentionKind::Group,
        _ => MentionKind::Agent,
    };
    Res {
        kind,
        code,
        country,
        sector: sec,
        actor_id: q.actor_id.clone(),
        by: ResolvedBy::Title,
    }
}

const CAP_STOP: &[&str] = &[
    "the",
    "a",
    "an",
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "you",
    "his",
    "her",
    "its",
    "their",
    "our",
    "my",
    "this",
    "that",
    "these",
    "those",
    "on",
    "in",
    "at",
    "by",
    "for",
    "from",
    "to",
    "of",
    "with",
    "as",
    "after",
    "before",
    "but",
    "and",
    "or",
    "so",
    "if",
    "while",
    "when",
    "where",
    "what",
    "who",
    "why",
    "how",
    "however",
    "meanwhile",
    "also",
    "both",
    "there",
    "here",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "mr",
    "mrs",
    "ms",
    "dr",
    "sir",
    "said",
    "according",
    "earlier",
    "later",
    "last",
    "next",
    "today",
    "yesterday",
    "tomorrow",
    "since",
    "during",
    "despite",
    "although",
    "though",
    "under",
    "over",
    "about",
    "than",
    "then",
    "not",
    "no",
    "yes",
    "all",
    "some",
    "many",
    "most",
    "several",
    "one",
    "two",
    "three",
    "such",
    "each",
    "every",
    "other",
    "another",
    "more",
    "any",
    "up",
    "new",
    "former",
    "acting",
    "deputy",
    "senior",
    "top",
    "speaking",
    "asked",
    "separately",
    "in",
    "talks",
    "officials",
    "sources",
    "reuters",
    "afp",
    "ap",
    "voa",
    "news",
    "agency",
];

/// Lower-case words that end a qualifier's reach rather than modify a title
/// ("Pakistan's support for militants": no title follows anyway, but "Kenya's
/// ultimatum to refugees" must not make the refugees Kenyan).
const MOD_STOP: &[&str] = &[
    "support",
    "ultimatum",
    "call",
    "calls",
    "demand",
    "demands",
    "decision",
    "request",
    "offer",
    "plan",
    "plans",
    "attack",
    "attacks",
    "war",
    "treatment",
    "response",
    "accusation",
    "accusations",
    "claim",
    "claims",
    "letter",
    "message",
    "order",
    "orders",
    "against",
    "toward",
    "towards",
    "into",
    "onto",
    "upon",
    "with",
    "without",
    "between",
    "among",
    "amid",
    "via",
    "per",
    "own",
];

/// Tokens that may sit inside a name ("Abdul Ghani Baradar", "Faisal bin Farhan").
const NAME_INNER: &[&str] = &[
    "bin", "al", "ul", "de", "van", "von", "da", "el", "ibn", "-",
];

fn is_cap_word(t: &Tok) -> bool {
    t.cap_initial
        && t.norm.chars().next().is_some_and(char::is_alphabetic)
        && !CAP_STOP.contains(&t.norm.as_str())
}

/// Country of a place name (dateline), if the lexicon knows it.
fn country_of_place(lex: &Lexicon, place: &str, date: Option<FuzzyDate>) -> Option<String> {
    let toks = tokenize(place, 0);
    for h in select_hits(lex, &toks, date) {
        if let Some(r) = plain_actor(lex, &h, date) {
            if r.country.is_some() && matches!(r.kind, MentionKind::State | MentionKind::Government)
            {
                return r.country;
            }
        }
    }
    None
}

/// What an article has established so far.
#[derive(Default)]
struct Memory {
    /// Surname (normal form) or person id → resolution.
    people: HashMap<String, Res>,
    /// Pairs of states the story has dealt with together, most recent last, for
    /// "both sides" (resolve/groups.rs).
    pairs: Vec<groups::FocusPair>,
    /// States named together in one sentence (three or more), most recent last.
    sets: Vec<Vec<String>>,
    /// States in order of mention, most recent last.
    recent: Vec<String>,
    /// Resolved mentions that pronouns and definite descriptions may refer back to,
    /// most recent last (see [`coref_at`]).
    antes: Vec<Ante>,
    /// Index of the sentence being resolved.
    sent: usize,
    /// Gender of people not in the lexicon, by the words of their names, so "Attaf"
    /// keeps what "Foreign Minister Ahmed Attaf" showed.
    genders: HashMap<String, Gender>,
}

/// A possible antecedent: one resolved mention (two for a pair phrase, same span).
#[derive(Debug, Clone)]
struct Ante {
    sent: usize,
    res: Vec<Res>,
    plural: bool,
    /// The last word of the mention ("minister", "ministry", "Dar").
    head: String,
    /// The gender its words show, where they show one (gender.rs).
    gender: Option<Gender>,
    /// A place visited or a host: "in Baghdad", "visited Baghdad", "Qatar hosted".
    host: bool,
    /// A visitor: "Turkey's foreign minister visited", "a delegation from Sudan arrived".
    visitor: bool,
}

/// How far back (in sentences) a pronoun or definite description looks.
const COREF_WINDOW: usize = 3;

/// Antecedents kept (enough for [`NAMED_WINDOW`] sentences of a typical story).
const MAX_ANTES: usize = 400;

struct SentCtx<'a> {
    lex: &'a Lexicon,
    date: Option<FuzzyDate>,
    dateline: Option<String>,
    focus: Option<String>,
    toks: Vec<Tok>,
    upos: Vec<Upos>,
    tagged: bool,
    hits: Vec<Hit>,
    hit_at: Vec<Option<usize>>,
}

/// One mention found in a sentence, in lexicon-token terms.
struct Found {
    start: usize,
    end: usize,
    res: Res,
}

impl SentCtx<'_> {
    fn hit(&self, i: usize) -> Option<&Hit> {
        self.hit_at.get(i).copied().flatten().map(|h| &self.hits[h])
    }
    fn is_agent(&self, i: usize) -> Option<&Hit> {
        self.hit(i)
            .filter(|h| matches!(h.target, Target::Agent { .. }))
    }
    /// Whether token `i` is inside a match of a state, group, person or pair phrase
    /// (not of an agent word or an organisation: "Supreme National Security Council"
    /// contains "Security Council" but is Iran's).
    fn covered_by_actor(&self, i: usize) -> bool {
        self.hits.iter().any(|h| {
            h.start <= i
                && i < h.end
                && !matches!(h.target, Target::Agent { .. })
                && !self.is_igo_hit(h)
        })
    }
    fn is_igo_hit(&self, h: &Hit) -> bool {
        matches!(h.target, Target::Actor { idx, .. } if self.lex.actors[idx as usize].kind == ActorKind::Igo)
    }
    fn covered(&self, i: usize) -> bool {
        self.hits.iter().any(|h| h.start <= i && i < h.end)
    }
    fn norm(&self, i: usize) -> &str {
        self.toks.get(i).map(|t| t.norm.as_str()).unwrap_or("")
    }

    /// Agents from `i` (joined by "and"): (end, sector of the first).
    fn agents_from(&self, i: usize) -> Option<(usize, String)> {
        self.agents_from_ex(i, false)
    }

    /// A word that may describe a title without being one ("transitional",
    /// "education", "poultry", "provincial"): a lower-case word that is not a
    /// function word, and, when the text is tagged, an adjective or noun.
    fn free_modifier(&self, i: usize) -> bool {
        let Some(t) = self.toks.get(i) else {
            return false;
        };
        if t.cap_initial
            || self.covered(i)
            || !t.norm.chars().all(|c| c.is_alphabetic())
            || t.norm.chars().count() < 3
            || CAP_STOP.contains(&t.norm.as_str())
            || MOD_STOP.contains(&t.norm.as_str())
        {
            return false;
        }
        !self.tagged || matches!(self.upos[i], Upos::ADJ | Upos::NOUN)
    }

    /// [`Self::agents_from`] after a country qualifier: modifiers before the first
    /// title word are skipped ("Syria's transitional authorities", "Malawi's education
    /// authorities", "Canada's Ontario provincial leader"), and so is an
    /// organisation the state is represented at ("Iran's U.N. ambassador").
    fn agents_from_ex(&self, mut i: usize, after_qual: bool) -> Option<(usize, String)> {
        let mut sector: Option<String> = None;
        let mut coordinated = false;
        let mut end = None;
        let mut skipped = 0;
        let mut counted = 0;
        loop {
            // "Gaza's 2 million residents", "Sudan's estimated 10,000 fighters": a
            // count after a qualifier does not break the qualification.
            if end.is_none() && after_qual && counted < 4 && quantity_word(self.norm(i)) {
                i += 1;
                counted += 1;
                continue;
            }
            // "Brazil's new ambassador", "Chile's former foreign minister": a modifier
            // or two before the first title word does not break the qualification.
            if end.is_none()
                && skipped < 2
                && TITLE_MODIFIERS.contains(&self.norm(i))
                && self.is_agent(i).is_none()
            {
                i += 1;
                skipped += 1;
                continue;
            }
            if end.is_none() && after_qual && skipped < 2 {
                // A free modifier, or a capitalised name not in the lexicon (a region:
                // "Ontario"), directly followed by more modifiers or the title.
                let cap_name = self.toks.get(i).is_some_and(|t| {
                    is_cap_word(t) && !self.covered(i) && t.norm.chars().all(char::is_alphabetic)
                });
                if self.free_modifier(i) || cap_name {
                    i += 1;
                    skipped += 1;
                    continue;
                }
                if let Some(h) = self.hit(i) {
                    // "Iran's U.N. ambassador"; "Canada's Ontario provincial leader".
                    let skip = match h.target {
                        Target::Actor { idx, how } => {
                            self.lex.actors[idx as usize].kind == ActorKind::Igo
                                || how == NameHow::Place
                        }
                        _ => false,
                    };
                    let next_title = self.is_agent(h.end).is_some()
                        || (self.free_modifier(h.end) && self.is_agent(h.end + 1).is_some());
                    // After a modifier too: "British Deputy U.N. Ambassador".
                    if skip && skipped <= 1 && next_title {
                        i = h.end;
                        skipped += 1;
                        continue;
                    }
                }
            }
            if let Some(h) = self.is_agent(i) {
                if let Target::Agent { idx } = h.target {
                    let this = &self.lex.agents[idx as usize].sector;
                    match &sector {
                        None => sector = Some(this.clone()),
                        // "hostage envoy", "refugee commissioner": the people an
                        // official deals with describe the official, who is the head.
                        Some(first) if !coordinated && matches!(first.as_str(), "CVL" | "REF") => {
                            sector = Some(this.clone())
                        }
                        Some(_) => {}
                    }
                }
                i = h.end;
                end = Some(i);
                continue;
            }
            if end.is_some()
                && matches!(self.norm(i), "and" | "&")
                && self.is_agent(i + 1).is_some()
            {
                coordinated = true;
                i += 1;
                continue;
            }
            break;
        }
        Some((end?, sector?))
    }

    /// "Iran-backed", "Kremlin-allied", "U.S.-made", "pro-Russian", "anti-American":
    /// a name inside such a compound is no actor of the sentence (the Houthis do
    /// the attacking in "Iran-backed Houthi rebels attacked a ship"; "pro-Russian
    /// separatists" are not Russia's). Returns where to go on.
    fn describing_compound(&self, h: &Hit) -> Option<usize> {
        if self.norm(h.end) == "-" && BACKER_WORDS.contains(&self.norm(h.end + 1)) {
            return Some(h.end + 2);
        }
        (h.start >= 2
            && self.norm(h.start - 1) == "-"
            && matches!(self.norm(h.start - 2), "pro" | "anti"))
        .then_some(h.end)
    }

    /// A state, seat or place name inside the name of a sea, strait, gulf, ocean,
    /// peninsula, river or lake ("South China Sea", "Taiwan Strait", "Indian Ocean",
    /// "Gulf of Aden", "Sea of Japan", "Lake Chad", "Congo River"): where to go on.
    fn geographic_feature(&self, h: &Hit) -> Option<usize> {
        let head_after = self
            .toks
            .get(h.end)
            .is_some_and(|t| t.cap_initial && GEO_HEADS.contains(&t.norm.as_str()));
        if head_after {
            return Some(h.end + 1);
        }
        let cap = |i: usize| self.toks.get(i).is_some_and(|t| t.cap_initial);
        let of_before = h.start >= 2
            && self.norm(h.start - 1) == "of"
            && cap(h.start - 2)
            && matches!(
                self.norm(h.start - 2),
                "sea" | "gulf" | "bay" | "strait" | "straits" | "horn"
            );
        let lake_before = h.start >= 1 && self.norm(h.start - 1) == "lake" && cap(h.start - 1);
        (of_before || lake_before).then_some(h.end)
    }

    /// "Jordan Bardella", "Chad Daybell", "India Walton": a state's one-word name that
    /// is also a given name, directly followed by a capitalised word the lexicon does
    /// not know (a surname), is a person. Returns the end of the name.
    fn first_name_state(&self, h: &Hit) -> Option<usize> {
        let given = h.end == h.start + 1
            && matches!(
                h.target,
                Target::Actor {
                    how: NameHow::Name,
                    ..
                }
            )
            && FIRST_NAME_STATES.contains(&self.norm(h.start))
            && self.toks[h.start].cap_initial
            && !self.toks[h.start].caps;
        if !given || self.norm(h.end) == "'s" {
            return None;
        }
        let next = self.toks.get(h.end)?;
        let surname = is_cap_word(next)
            && !next.caps
            && !self.covered(h.end)
            && next.norm.chars().all(char::is_alphabetic)
            && !GEO_HEADS.contains(&next.norm.as_str())
            && !matches!(
                next.norm.as_str(),
                "valley" | "times" | "today" | "daily" | "post"
            )
            && (!self.tagged || self.upos[h.end] == Upos::PROPN);
        surname.then(|| self.cap_run(h.end).unwrap_or(h.end + 1))
    }

    /// "Georgia" (the name, not "Georgian") in a story whose home country is the
    /// United States: the U.S. state ("Georgia Governor Brian Kemp").
    fn us_georgia(&self, h: &Hit) -> bool {
        h.end == h.start + 1
            && self.norm(h.start) == "georgia"
            && matches!(
                h.target,
                Target::Actor {
                    how: NameHow::Name,
                    ..
                }
            )
            && self.inferred_country().as_deref() == Some("USA")
    }

    /// "ally" (or "closest ally", "Western allies") at `i` after a possessive: the
    /// end of the relational noun.
    fn relational_at(&self, i: usize) -> Option<usize> {
        if RELATIONAL.contains(&self.norm(i)) {
            return Some(i + 1);
        }
        let modifier = self.hit(i).is_none()
            && self.norm(i).chars().all(char::is_alphabetic)
            && !self.norm(i).is_empty();
        (modifier && RELATIONAL.contains(&self.norm(i + 1))).then_some(i + 2)
    }

    /// A run of capitalised words not in the lexicon starting at `i`: its end.
    fn cap_run(&self, i: usize) -> Option<usize> {
        let t = self.toks.get(i)?;
        if self.covered(i) || !is_cap_word(t) {
            return None;
        }
        let mut j = i + 1;
        while j < self.toks.len() && !self.covered(j) {
            if is_cap_word(&self.toks[j]) {
                j += 1;
            } else if NAME_INNER.contains(&self.norm(j))
                && j + 1 < self.toks.len()
                && !self.covered(j + 1)
                && is_cap_word(&self.toks[j + 1])
            {
                j += 2;
            } else if NAME_INNER.contains(&self.norm(j))
                && NAME_INNER.contains(&self.norm(j + 1))
                && j + 2 < self.toks.len()
                && !self.covered(j + 2)
                && is_cap_word(&self.toks[j + 2])
            {
                j += 3;
            } else {
                break;
            }
        }
        Some(j)
    }

    /// A person named at `i`: a lexicon person or an unknown capitalised run.
    fn name_at(&self, i: usize) -> Option<(usize, Option<u32>)> {
        if let Some(h) = self.hit(i) {
            if let Target::Person { idx } = h.target {
                return Some((h.end, Some(idx)));
            }
            return None;
        }
        self.cap_run(i).map(|e| (e, None))
    }

    /// "in Pakistan", "in Somalia's Puntland region", "in the capital Kabul": the
    /// country of a state, seat or place named right after "in" at `i`.
    fn place_after(&self, i: usize) -> Option<String> {
        if !matches!(self.norm(i), "in" | "from") {
            return None;
        }
        let mut j = i + 1;
        if self.norm(j) == "the" {
            j += 1;
        }
        let h = self.hit(j)?;
        let r = plain_actor(self.lex, h, self.date)?;
        matches!(r.kind, MentionKind::State | MentionKind::Government)
            .then_some(r.country)
            .flatten()
    }

    /// Country from the dateline, else the article focus.
    fn inferred_country(&self) -> Option<String> {
        self.dateline.clone().or_else(|| self.focus.clone())
    }

    fn person_key(&self, start: usize, end: usize, person: Option<u32>) -> String {
        match person {
            Some(p) => self.lex.people[p as usize].id.clone(),
            None => self.norm(end.saturating_sub(1).max(start)).to_string(),
        }
    }

    /// The office of a lexicon person at the article date.
    fn office_res(&self, p: u32) -> Option<Res> {
        office_res(self.lex, p, self.date)
    }

    /// "Biden administration", "Modi government", "Netanyahu cabinet" at `p`: the
    /// surname of a remembered person or of lexicon people who held (or hold) national
    /// offices of one country, and the government word after it. Returns the end and
    /// the country's government.
    fn leader_government(&self, mem: &Memory, p: usize) -> Option<(usize, Res)> {
        if !matches!(
            self.norm(p + 1),
            "administration" | "government" | "cabinet" | "regime"
        ) || !self.toks.get(p).is_some_and(is_cap_word)
            || self.covered(p)
        {
            return None;
        }
        let c = match mem.people.get(self.norm(p)) {
            Some(r) => r.country.clone()?,
            None => {
                let people = self.lex.surnames.get(self.norm(p))?;
                let mut cs = people.iter().flat_map(|&i| {
                    self.lex.people[i as usize]
                        .offices
                        .iter()
                        .filter(|o| {
                            o.period
                                .from
                                .is_none_or(|f| self.date.is_none_or(|d| f <= d))
                        })
                        .map(|o| o.country.clone())
                });
                let first = cs.next()??;
                if !cs.all(|c| c.as_deref() == Some(first.as_str())) {
                    return None;
                }
                first
            }
        };
        let (code, gid) = gov_of(self.lex, &c, self.date);
        Some((
            p + 2,
            Res {
                kind: MentionKind::Government,
                code,
                country: Some(c),
                sector: Some("GOV".into()),
                actor_id: gid,
                by: ResolvedBy::Context,
            },
        ))
    }

    /// Whether an organisation or armed group is named at `i` by its name.
    fn group_name_at(&self, i: usize) -> bool {
        self.hit(i).is_some_and(|h| {
            matches!(h.target, Target::Actor { idx, how: NameHow::Name }
                if matches!(self.lex.actors[idx as usize].kind, ActorKind::Group | ActorKind::Igo))
        })
    }

    /// "loyal to", "affiliated with", "linked to", "allied with", "belonging to" (and
    /// "the") at `i`: where the group or state they name starts.
    fn allegiance_after(&self, i: usize) -> Option<usize> {
        let ok = matches!(
            (self.norm(i), self.norm(i + 1)),
            ("loyal", "to")
                | ("affiliated", "with" | "to")
                | ("linked", "to" | "with")
                | ("allied", "with" | "to")
                | ("aligned", "with" | "to")
                | ("belonging", "to")
                | ("associated", "with")
        );
        let j = i + 2;
        ok.then(|| if self.norm(j) == "the" { j + 1 } else { j })
    }

    /// An armed side: forces, rebels, militants, gangs, or a state named before a word
    /// of attack ("Russian missiles", "U.S. airstrikes", "Israeli shelling").
    fn armed_mention(&self, f: &Found) -> bool {
        matches!(
            f.res.sector.as_deref(),
            Some("MIL" | "REB" | "INS" | "SEP" | "CRM")
        ) || f.res.kind == MentionKind::Group
            || (f.res.kind == MentionKind::State && ARMS.contains(&self.norm(f.end)))
    }

    /// "Washington Post", "Moscow Times", "Kyiv Independent", "Tehran Times": a seat or
    /// name directly followed by a capitalised newspaper word the lexicon does not
    /// know. Returns the end and the state's media (sector MED).
    fn newspaper_at(&self, h: &Hit) -> Option<(usize, Res)> {
        let Target::Actor { idx, how } = h.target else {
            return None;
        };
        let a = &self.lex.actors[idx as usize];
        if a.kind != ActorKind::State || !matches!(how, NameHow::Seat | NameHow::Name) {
            return None;
        }
        let next = self.toks.get(h.end)?;
        if !next.cap_initial || self.covered(h.end) || !PAPER_WORDS.contains(&next.norm.as_str()) {
            return None;
        }
        let c = a.country.clone()?;
        Some((
            h.end + 1,
            Res {
                kind: MentionKind::Agent,
                code: sector_code(self.lex, &c, "MED", self.date),
                country: Some(c),
                sector: Some("MED".into()),
                actor_id: None,
                by: ResolvedBy::Title,
            },
        ))
    }

    /// Whether a lower-case title or agent word starts at `i` ("separatists").
    fn title_follows(&self, i: usize) -> bool {
        self.is_agent(i).is_some() && self.toks.get(i).is_some_and(|t| !t.cap_initial)
    }

    /// A unique lexicon person with this surname holding an office at the date.
    fn surname_person(&self, norm: &str) -> Option<u32> {
        let v = self.lex.surnames.get(norm)?;
        let holders: Vec<u32> = v
            .iter()
            .copied()
            .filter(|&p| self.lex.people[p as usize].office_at(self.date).is_some())
            .collect();
        match holders.len() {
            1 => Some(holders[0]),
            // No holder at the date: the only lexicon person with that surname, when
            // they held a national office before ("Assad fled to Moscow" in 2025,
            // "Biden said"): office_res gives their country as ELI.
            0 if v.len() == 1 => former_office_res(self.lex, v[0], self.date).map(|_| v[0]),
            _ => None,
        }
    }
}

/// Resolve every actor mention of a parsed article.
pub fn resolve(lex: &Lexicon, doc: &Doc, ctx: &DocContext) -> Vec<Mention> {
    let date = ctx.published;
    let text = doc.text;
    let dateline = ctx
        .dateline
        .as_deref()
        .and_then(|d| country_of_place(lex, d, date));
    let tagged = doc
        .sentences
        .iter()
        .any(|s| s.tokens.iter().any(|t| t.upos != Upos::X));

    // Pass 1: tokens and matches of every sentence, and the article focus.
    let mut sents: Vec<(Vec<Tok>, Vec<Upos>, Vec<Hit>)> = Vec::new();
    let mut counts: HashMap<String, usize> = HashMap::new();
    let mut lead: HashMap<String, usize> = HashMap::new();
    let country_of_hit = |toks: &[Tok], h: &Hit| -> Option<String> {
        let _ = toks;
        plain_actor(lex, h, date)
            .filter(|r| matches!(r.kind, MentionKind::State | MentionKind::Government))
            .and_then(|r| r.country)
    };
    for s in &doc.sentences {
        let mut toks = Vec::new();
        let mut upos = Vec::new();
        for i in 0..s.len() {
            let sp = s.token_span(i);
            for t in tokenize(&text[sp.clone()], sp.start) {
                toks.push(t);
                upos.push(s.upos(i));
            }
        }
        let hits = drop_region_words(lex, &toks, select_hits(lex, &toks, date));
        for h in &hits {
            if let Some(c) = country_of_hit(&toks, h) {
                if sents.len() < LEAD_SENTENCES {
                    *lead.entry(c.clone()).or_default() += 1;
                }
                *counts.entry(c).or_default() += 1;
            }
        }
        sents.push((toks, upos, hits));
    }
    let mut headline_countries: Vec<String> = Vec::new();
    let focus = {
        // The headline's states, in order of mention (tokenized once).
        let title_states: Vec<(usize, String)> = ctx
            .title
            .as_deref()
            .map(|t| {
                let toks = tokenize(t, 0);
                let mut hits = select_hits(lex, &toks, date);
                hits.sort_by_key(|h| h.start);
                hits.iter()
                    .filter_map(|h| {
                        // "The" before the first word still opens the headline.
                        let at = if h.start == 1 && toks[0].norm == "the" {
                            0
                        } else {
                            h.start
                        };
                        country_of_hit(&toks, h).map(|c| (at, c))
                    })
                    .collect()
            })
            .unwrap_or_default();
        let mut title_countries: Vec<String> =
            title_states.iter().map(|(_, c)| c.clone()).collect();
        title_countries.sort();
        title_countries.dedup();
        headline_countries.clone_from(&title_countries);
        // The scene the opening sentence sets (setting.rs) before the counts: one
        // reaction from abroad ("In Washington, the State Department …") can
        // outweigh a short story's own country.
        let scene = || {
            sents
                .first()
                .and_then(|(toks, _, hits)| crate::setting::lead_setting(lex, toks, hits, date))
        };
        // A headline that opens with a state names the story's protagonist ("India
        // suspends water treaty with Pakistan"): the focus when the counts leave it
        // open, if the story names that state again.
        let headline_subject = || {
            let (at, c) = title_states.first()?;
            (*at == 0 && counts.get(c).copied().unwrap_or(0) >= 2).then(|| c.clone())
        };
        if title_countries.len() == 1 {
            title_countries.into_iter().next()
        } else if counts.len() == 1 {
            counts.keys().next().cloned()
        } else {
            scene()
                .or_else(|| article_focus(&counts, &lead, &title_countries))
                .or_else(headline_subject)
        }
    };

    // A dateline is where the story was filed, usually where it happens. But a hub
    // files for its region ("BANGKOK —" for Myanmar, "NAIROBI —" for Somalia): when
    // the story names the dateline's country at most a third as often as another one
    // it is about, the
    // unmarked actors ("the junta", "the military", "rebel groups") are that one's —
    // when the headline names that country and not the dateline's (a story filed from
    // Kyiv about Russian strikes happens in Kyiv).
    let dateline = match (&dateline, &focus) {
        (Some(d), Some(f))
            if d != f
                && counts.get(d).copied().unwrap_or(0) * 3
                    <= counts.get(f).copied().unwrap_or(0)
                && headline_countries.contains(f)
                && !headline_countries.contains(d) =>
        {
            None
        }
        _ => dateline,
    };

    // Byte → char offsets.
    let mut char_at = vec![0u32; text.len() + 1];
    let mut n = 0u32;
    for (b, ch) in text.char_indices() {
        for k in 0..ch.len_utf8() {
            char_at[b + k] = n;
        }
        n += 1;
    }
    char_at[text.len()] = n;

    let mut mem = Memory::default();
    let mut out = Vec::new();
    for (si, (toks, upos, hits)) in sents.into_iter().enumerate() {
        let mut hit_at = vec![None; toks.len()];
        for (k, h) in hits.iter().enumerate() {
            hit_at[h.start] = Some(k);
        }
        let sc = SentCtx {
            lex,
            date,
            dateline: dateline.clone(),
            focus: focus.clone(),
            toks,
            upos,
            tagged,
            hits,
            hit_at,
        };
        let found = resolve_sentence(&sc, &mut mem);
        for f in found {
            let (bs, be) = (sc.toks[f.start].start, sc.toks[f.end - 1].end);
            out.push(Mention {
                sentence: si as u32,
                span: Span::new(char_at[bs], char_at[be]),
                text: text[bs..be].to_string(),
                kind: f.res.kind,
                code: f.res.code,
                country: f.res.country,
                sector: f.res.sector,
                actor_id: f.res.actor_id,
                resolved_by: f.res.by,
            });
        }
    }
    out
}

/// "South American", "Latin American", "former Soviet": a state's adjective inside the
/// name of a region (regions.rs) is no mention of that state. Only a match that starts
/// after the region phrase's first word and ends inside it is dropped, so "South
/// African", "North Korean" and "Central African Republic" (names of their own) stay.
fn drop_region_words(lex: &Lexicon, toks: &[Tok], mut hits: Vec<Hit>) -> Vec<Hit> {
    let reg = regions();
    hits.retain(|h| {
        let state = matches!(h.target, Target::Actor { idx, .. }
            if lex.actors[idx as usize].kind == ActorKind::State);
        !(state
            && (h.start.saturating_sub(3)..h.start)
                .any(|s| reg.modifier_at(toks, s).is_some_and(|(e, _)| e >= h.end)))
    });
    hits
}

/// How many opening sentences count extra for the article's focus.
const LEAD_SENTENCES: usize = 3;

/// The country an article is about when the title does not say it alone: every state
/// named in the article counts once per mention, again in the first
/// [`LEAD_SENTENCES`] sentences, and twice more when the title names it. The top
/// country is the focus only when it dominates: a score of at least 3 and at least
/// twice the runner-up's (a story about a U.S.–China dispute has no single focus).
fn article_focus(
    counts: &HashMap<String, usize>,
    lead: &HashMap<String, usize>,
    title: &[String],
) -> Option<String> {
    let mut scored: Vec<(usize, &String)> = counts
        .iter()
        .map(|(c, &n)| {
            let t = if title.contains(c) { 2 } else { 0 };
            (n + lead.get(c).copied().unwrap_or(0) + t, c)
        })
        .collect();
    // Highest score first; ties broken by code so the result does not depend on
    // hash order.
    scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(b.1)));
    let (top, c) = *scored.first()?;
    let second = scored.get(1).map_or(0, |x| x.0);
    (top >= 3 && top >= 2 * second).then(|| c.clone())
}

fn resolve_sentence(sc: &SentCtx, mem: &mut Memory) -> Vec<Found> {
    let lex = sc.lex;
    let date = sc.date;
    let n = sc.toks.len();
    let mut found: Vec<Found> = Vec::new();
    // Pair phrases are resolved after the sentence's other mentions are known.
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    let mut p = 0;
    while p < n {
        if let Some(h) = sc.hit(p).copied() {
            match h.target {
                Target::Pair => {
                    pairs.push((h.start, h.end));
                    p = h.end;
                    continue;
                }
                // "military-led", "army-backed": an adjective, not an actor.
                Target::Agent { .. } if sc.norm(h.end) == "-" => {
                    p = h.end;
                    continue;
                }
                // "side" is a government only with a qualifier ("the Chinese
                // side"); "one side of the border", "the other side" are nobody.
                Target::Agent { .. }
                    if h.end == p + 1 && matches!(sc.norm(p), "side" | "sides") =>
                {
                    p = h.end;
                    continue;
                }
                // "military pressure", "military drills by Seoul": an agent word the
                // tagger reads as an adjective on a noun that is no agent word is a
                // modifier, not an actor ("military government", "military
                // spokesman" are agents: their noun is one).
                Target::Agent { .. }
                    if sc.tagged
                        && sc.upos.get(p) == Some(&Upos::ADJ)
                        && sc.agents_from(p).is_some_and(|(e, _)| e == p + 1)
                        && sc.upos.get(p + 1) == Some(&Upos::NOUN)
                        && sc.is_agent(p + 1).is_none()
                        && !sc.toks.get(p + 1).is_some_and(|t| t.cap_initial) =>
                {
                    p += 1;
                    continue;
                }
                // "air defense systems", "military equipment", "police vehicles": an
                // agent word naming the kind of a thing is no actor.
                Target::Agent { .. }
                    if sc.agents_from(p).is_some_and(|(e, _)| {
                        matches!(
                            sc.norm(e),
                            "system"
                                | "systems"
                                | "equipment"
                                | "hardware"
                                | "battery"
                                | "batteries"
                                | "vehicle"
                                | "vehicles"
                                | "capability"
                                | "capabilities"
                                | "budget"
                                | "budgets"
                                | "spending"
                                | "expenditure"
                                | "industry"
                                | "technology"
                                | "supplies"
                        )
                    }) =>
                {
                    let (e, _) = sc.agents_from(p).unwrap_or((p + 1, String::new()));
                    p = e + 1;
                    continue;
                }
                Target::Agent { .. } => {
                    // "the foreign ministers of Russia and Ukraine": one mention per
                    // state, one span.
                    if let Some((end, rs)) = title_of_coordination(sc, p) {
                        for res in rs {
                            found.push(Found { start: p, end, res });
                        }
                        p = end;
                        continue;
                    }
                    let (end, res) = agent_phrase(sc, mem, &found, p);
                    let named = res.kind == MentionKind::Person;
                    // "the paramilitary Rapid Support Forces", "the militant group
                    // Hamas": a description of the group named right after, not an
                    // actor of its own.
                    if !named && sc.group_name_at(end) {
                        p = end;
                        continue;
                    }
                    found.push(Found {
                        start: p,
                        end,
                        res: res.clone(),
                    });
                    p = if named {
                        end
                    } else {
                        appositive(sc, mem, end, &res, &mut found)
                    };
                    continue;
                }
                Target::Person { idx } => {
                    let key = lex.people[idx as usize].id.clone();
                    let res = match mem.people.get(&key) {
                        Some(r) => Res {
                            by: ResolvedBy::Context,
                            ..r.clone()
                        },
                        None => sc.office_res(idx).unwrap_or_else(|| {
                            Res::unresolved(MentionKind::Person, None, Some(key.clone()))
                        }),
                    };
                    remember(sc, mem, h.start, h.end, Some(idx), &res);
                    let q = qual_of_res(&res);
                    found.push(Found {
                        start: h.start,
                        end: h.end,
                        res,
                    });
                    p = h.end;
                    if let Some(e) = q.and_then(|q| possessive_title(sc, mem, &mut found, &q, p)) {
                        p = e;
                    }
                    continue;
                }
                Target::Actor { .. } | Target::PetrActor { .. } => {
                    // "Islamic State-linked insurgents", "al-Qaeda-affiliated
                    // fighters": members of the group, named like "Hamas-run" below.
                    let member = sc.norm(h.end) == "-"
                        && MEMBER_WORDS.contains(&sc.norm(h.end + 1))
                        && qual_of(lex, &h, date).is_some_and(|q| q.kind == ActorKind::Group);
                    // "Iran-backed", "U.S.-made", "pro-Russian": the name says who
                    // stands behind the head or what it favours; it is no actor here.
                    if let Some(e) = sc.describing_compound(&h).filter(|_| !member) {
                        p = e;
                        continue;
                    }
                    // "the South China Sea", "the Taiwan Strait", "the Gulf of Aden",
                    // "the Indian Ocean": a sea or strait, no actor.
                    if let Some(e) = sc.geographic_feature(&h) {
                        p = e;
                        continue;
                    }
                    // "Jordan Bardella", "Chad Daybell": a first name, not a state.
                    if let Some(e) = sc.first_name_state(&h) {
                        found.push(Found {
                            start: h.start,
                            end: e,
                            res: Res::unresolved(MentionKind::Person, None, None),
                        });
                        p = e;
                        continue;
                    }
                    // "Georgia" in a U.S. story is the U.S. state.
                    if sc.us_georgia(&h) {
                        found.push(Found {
                            start: h.start,
                            end: h.end,
                            res: state_res(lex, "USA"),
                        });
                        p = h.end;
                        continue;
                    }
                    // "the Russian-led Collective Security Treaty Organization": the
                    // leader describes a body named right after it, itself an actor.
                    if sc.norm(h.end) == "-"
                        && RUN_WORDS.contains(&sc.norm(h.end + 1))
                        && sc.hit(h.end + 2).is_some_and(|g| {
                            qual_of(lex, g, date).is_some_and(|q| q.kind != ActorKind::State)
                        })
                    {
                        p = h.end + 2;
                        continue;
                    }
                    if let Some(q) = qual_of(lex, &h, date) {
                        let mut q_end = h.end;
                        if sc.norm(q_end) == "'s" {
                            q_end += 1;
                        }
                        // "Hamas-run health ministry", "U.S.-led forces": like a
                        // possessive.
                        if sc.norm(h.end) == "-"
                            && (RUN_WORDS.contains(&sc.norm(h.end + 1))
                                || BASED_WORDS.contains(&sc.norm(h.end + 1))
                                || member)
                        {
                            q_end = h.end + 2;
                        }
                        // "Washington's ally", "Iran's proxies": someone else.
                        if let Some(e) = (q_end > h.end).then(|| sc.relational_at(q_end)).flatten()
                        {
                            found.push(Found {
                                start: h.start,
                                end: e,
                                res: Res::unresolved(MentionKind::Agent, None, None),
                            });
                            p = e;
                            continue;
                        }
                        // "U.S. and Iraqi officials": one mention per state, one span.
                        if let Some((e, rs)) = coordinated_quals(sc, &h, &q) {
                            for res in rs {
                                found.push(Found {
                                    start: h.start,
                                    end: e,
                                    res,
                                });
                            }
                            p = e;
                            continue;
                        }
                        let seat = matches!(
                            h.target,
                            Target::Actor {
                                how: NameHow::Seat,
                                ..
                            }
                        );
                        // Free modifiers only after a possessive or an adjective:
                        // "Syria's transitional authorities", "Somali government
                        // soldiers" (not "China accused officials").
                        let loose = q_end > h.end
                            || matches!(
                                h.target,
                                Target::Actor {
                                    how: NameHow::Adjective,
                                    ..
                                }
                            );
                        if let Some((a_end, sector)) = sc
                            .agents_from_ex(q_end, loose)
                            .filter(|_| !seat || q_end > h.end)
                        {
                            let mut res = qual_with_sector(lex, &q, &sector, date);
                            let mut end = a_end;
                            if let Some((ne, person)) = sc.name_at(a_end) {
                                end = ne;
                                res.kind = MentionKind::Person;
                                if let Some(pi) = person {
                                    let pr = &lex.people[pi as usize];
                                    res.actor_id = Some(pr.id.clone());
                                    if let Some(o) = pr.office_at(date) {
                                        // A state's envoy at an organisation ("U.N.
                                        // Ambassador James Kariuki", Britain's): the
                                        // person's own office, not the organisation.
                                        let igo_q = q.kind == ActorKind::Igo;
                                        if o.country.is_some() && (o.country == q.country || igo_q)
                                        {
                                            if igo_q {
                                                res.country = o.country.clone();
                                            }
                                            res.sector = Some(o.sector.clone());
                                            res.code = sector_code(
                                                lex,
                                                o.country.as_deref().unwrap_or(""),
                                                &o.sector,
                                                date,
                                            );
                                        }
                                    }
                                }
                                remember(sc, mem, a_end, ne, person, &res);
                            }
                            let named = res.kind == MentionKind::Person;
                            found.push(Found {
                                start: h.start,
                                end,
                                res: res.clone(),
                            });
                            p = if named {
                                end
                            } else {
                                appositive(sc, mem, end, &res, &mut found)
                            };
                            continue;
                        }
                        // "Somalia's National Intelligence and Security Agency", "the
                        // Somali National Army": a state's named organ the lexicon
                        // does not know, by the head of its name.
                        if let Some((o_end, sector)) = loose
                            .then(|| org_name_at(sc, q_end))
                            .flatten()
                            .filter(|_| matches!(q.kind, ActorKind::State))
                        {
                            let res = qual_with_sector(lex, &q, sector, date);
                            found.push(Found {
                                start: h.start,
                                end: o_end,
                                res,
                            });
                            p = o_end;
                            continue;
                        }
                    }
                    // "the London-based Syrian Observatory", "a Doha-based analyst": a
                    // place of residence, not an actor (a title after it took it above:
                    // "a U.S.-based company").
                    if sc.norm(h.end) == "-" && BASED_WORDS.contains(&sc.norm(h.end + 1)) {
                        p = h.end + 2;
                        continue;
                    }
                    // "The Washington Post", "the Moscow Times": a newspaper of the
                    // state, not its government.
                    if let Some((e, res)) = sc.newspaper_at(&h) {
                        found.push(Found {
                            start: h.start,
                            end: e,
                            res,
                        });
                        p = e;
                        continue;
                    }
                    if let Some(res) = plain_actor(lex, &h, date) {
                        found.push(Found {
                            start: h.start,
                            end: h.end,
                            res,
                        });
                    }
                    p = h.end;
                    continue;
                }
            }
        }
        // "… Ishiba and Lee agreed to deepen ties. The leaders met for two hours": a
        // plural of leaders opening the sentence right after one that set two states
        // side by side is that pair, like "the two leaders".
        if let Some(end) = leaders_of_last_pair(sc, mem, p) {
            pairs.push((p, end));
            p = end;
            continue;
        }
        // "The North has rejected offers of talks": North Korea after the story named it
        // ("the South": South Korea, South Sudan …) — the recent state whose name
        // starts with that word.
        if let Some((end, c)) = compass_state(sc, mem, p) {
            found.push(Found {
                start: p,
                end,
                res: Res {
                    by: ResolvedBy::Context,
                    ..state_res(lex, &c)
                },
            });
            p = end;
            continue;
        }
        // "the two West African nations": like "the two countries"; "the two agreed".
        if let Some(end) = described_pair(sc, p)
            .or_else(|| groups::bare_two(sc, p))
            .or_else(|| groups::described_two(sc, p))
        {
            pairs.push((p, end));
            p = end;
            continue;
        }
        // "the three nations", "the trio": a set of states named earlier.
        if let Some((end, states)) = set_phrase_at(sc, mem, &found, p) {
            // "… the seven governments. … from the seven countries": the set stands
            // for later phrases too.
            mem.sets.push(states.clone());
            for c in states {
                found.push(Found {
                    start: p,
                    end,
                    res: state_res(lex, &c),
                });
            }
            p = end;
            continue;
        }
        // "his government", "its foreign ministry", "his U.N. mission".
        if let Some((end, rs)) = pronoun_title(sc, mem, &found, p) {
            for res in rs {
                found.push(Found { start: p, end, res });
            }
            p = end;
            continue;
        }
        // Pronouns and definite descriptions that refer back ("he", "the group").
        if let Some((end, rs)) = coref_at(sc, mem, &found, p) {
            // "the court's president", "the group's spokesman", "the country's
            // foreign minister": the description qualifies the title as a name would.
            if let (true, "'s", Some(r)) = (rs.len() == 1, sc.norm(end), rs.first()) {
                if let Some(q) = qual_of_res(r) {
                    if let Some((a_end, sector)) = sc.agents_from_ex(end + 1, true) {
                        let mut res = qual_with_sector(lex, &q, &sector, date);
                        res.by = ResolvedBy::Context;
                        let mut e = a_end;
                        let named = if let Some((ne, person)) = sc.name_at(a_end) {
                            e = ne;
                            res.kind = MentionKind::Person;
                            remember(sc, mem, a_end, ne, person, &res);
                            true
                        } else {
                            false
                        };
                        found.push(Found {
                            start: p,
                            end: e,
                            res: res.clone(),
                        });
                        p = if named {
                            e
                        } else {
                            appositive(sc, mem, e, &res, &mut found)
                        };
                        continue;
                    }
                }
            }
            for res in rs {
                found.push(Found { start: p, end, res });
            }
            p = end;
            continue;
        }
        // "the Biden administration", "the Modi government": a leader's surname before
        // such a word names that leader's government, in office or not.
        if let Some((end, res)) = sc.leader_government(mem, p) {
            found.push(Found { start: p, end, res });
            p = end;
            continue;
        }
        // Not in the lexicon: a remembered surname, a lexicon surname, or an unknown name.
        if let Some(end) = sc.cap_run(p) {
            let last = sc.norm(end - 1).to_string();
            let res = if let Some(r) = mem.people.get(&last) {
                Some(Res {
                    by: ResolvedBy::Context,
                    ..r.clone()
                })
            } else if let Some(pi) = sc
                .surname_person(&last)
                .filter(|_| end - p == 1 && !sc.title_follows(end))
            {
                // Not "Baloch separatists": a surname does not stand before a title.
                sc.office_res(pi)
            } else {
                let single_initial = end - p == 1 && p == 0;
                let propn = (p..end).any(|i| sc.upos[i] == Upos::PROPN);
                let keep = if sc.tagged { propn } else { !single_initial };
                keep.then(|| {
                    Res::unresolved(
                        if end - p > 1 {
                            MentionKind::Person
                        } else {
                            MentionKind::Group
                        },
                        None,
                        None,
                    )
                })
            };
            let q = res.as_ref().and_then(qual_of_res);
            if let Some(res) = res {
                found.push(Found { start: p, end, res });
            }
            p = end;
            if let Some(e) = q.and_then(|q| possessive_title(sc, mem, &mut found, &q, p)) {
                p = e;
            }
            continue;
        }
        p += 1;
    }
    acronyms(sc, mem, &mut found);
    introduced_people(sc, mem, &mut found);
    organ_of_named_body(sc, &mut found);
    // States of this sentence, in order.
    let mut cur: Vec<String> = Vec::new();
    for f in &found {
        if let (true, Some(c)) = (counts_as_state(f), &f.res.country) {
            if !cur.contains(c) {
                cur.push(c.clone());
            }
        }
    }
    let mut resolved_pair = None;
    for (s, e) in pairs {
        let states = groups::pair_for(sc, &found, &mem.pairs, &mem.recent, (s, e), mem.sent);
        match states.len() {
            1 | 2 => {
                if let [a, b] = &states[..] {
                    resolved_pair = Some((a.clone(), b.clone()));
                }
                for c in states {
                    let st = lex.state_actor(&c);
                    found.push(Found {
                        start: s,
                        end: e,
                        res: Res {
                            kind: MentionKind::State,
                            code: st
                                .map(|x| x.code.clone())
                                .unwrap_or_else(|| crate::lexicon::cameo_of(&c)),
                            country: Some(c.clone()),
                            sector: None,
                            actor_id: st.map(|x| x.id.clone()),
                            by: ResolvedBy::Context,
                        },
                    });
                }
            }
            _ => found.push(Found {
                start: s,
                end: e,
                res: Res::unresolved(MentionKind::State, None, None),
            }),
        }
    }
    // The pair this sentence puts in focus: the one its "both sides" stood for, else
    // the one its own states make (resolve/groups.rs).
    let focus_pair = match resolved_pair {
        Some((a, b)) => Some(groups::FocusPair {
            a,
            b,
            weak: false,
            sent: mem.sent,
        }),
        None => groups::sentence_pair(sc, &found, mem.sent),
    };
    found.sort_by_key(|f| (f.start, f.end));
    if let Some(fp) = focus_pair {
        mem.pairs.push(fp);
    }
    if cur.len() >= 3 {
        mem.sets.push(cur.clone());
    }
    // "Britain, France and Germany …": states listed together, for "the three
    // European powers" in a later sentence that also names others.
    let mut run: Vec<String> = Vec::new();
    let mut last_end: Option<usize> = None;
    for f in found
        .iter()
        .filter(|f| matches!(f.res.kind, MentionKind::State | MentionKind::Government))
    {
        let Some(c) = f.res.country.clone() else {
            continue;
        };
        let joined = last_end.is_some_and(|e| {
            e <= f.start && (e..f.start).all(|k| matches!(sc.norm(k), "," | "and" | "or" | "the"))
        });
        if !joined {
            if run.len() >= 3 && !mem.sets.contains(&run) {
                mem.sets.push(run.clone());
            }
            run.clear();
        }
        if !run.contains(&c) {
            run.push(c);
        }
        last_end = Some(f.end);
    }
    if run.len() >= 3 && !mem.sets.contains(&run) {
        mem.sets.push(run);
    }
    // "diplomats from Argentina, Chile, Costa Rica …": states listed in one phrase.
    let mut k = 0;
    while k < found.len() {
        let (s0, e0) = (found[k].start, found[k].end);
        let j = found[k..]
            .iter()
            .take_while(|f| f.start == s0 && f.end == e0)
            .count();
        let states: Vec<String> = found[k..k + j]
            .iter()
            .filter(|f| f.res.kind == MentionKind::Agent)
            .filter_map(|f| f.res.country.clone())
            .collect();
        if states.len() >= 3 && !mem.sets.contains(&states) {
            mem.sets.push(states);
        }
        k += j;
    }
    for c in cur {
        mem.recent.retain(|x| *x != c);
        mem.recent.push(c);
    }
    for f in found.iter().filter(|f| f.res.kind == MentionKind::Person) {
        if let Some(g) = words_gender(sc, f.start, f.end) {
            for i in f.start..f.end {
                if is_cap_word(&sc.toks[i]) {
                    mem.genders.insert(sc.norm(i).to_string(), g);
                }
            }
        }
    }
    let antes = antes_of(sc, mem, &found);
    mem.antes.extend(antes);
    if mem.antes.len() > MAX_ANTES {
        mem.antes.drain(..mem.antes.len() - MAX_ANTES);
    }
    mem.sent += 1;
    found
}

/// "The OAS General Assembly", "the African Union's General Assembly": a bare organ
/// name the lexicon gives the United Nations ("General Assembly", "Security Council",
/// "Human Rights Council") is the organ of the organisation named right before it
/// (session 16).
fn organ_of_named_body(sc: &SentCtx, found: &mut [Found]) {
    for k in 1..found.len() {
        let organ = &found[k];
        if !matches!(organ.res.code.as_str(), "UNGA" | "UNSC" | "UNHRC")
            || organ.end - organ.start < 2
            || !matches!(sc.norm(organ.start), "general" | "security" | "human")
        {
            continue;
        }
        let body = &found[k - 1];
        let gap = organ.start - body.end.min(organ.start);
        let adjacent =
            body.end == organ.start || (gap == 1 && matches!(sc.norm(body.end), "'s" | "’s"));
        if !adjacent || body.res.kind != MentionKind::Igo || body.res.code.starts_with("UN") {
            continue;
        }
        found[k].res = body.res.clone();
    }
}

/// Whether a mention counts as naming its state for the sentence's set of states (and
/// so for "both sides" later): states, governments, people and agents found by the
/// lexicon, a title or context.
fn counts_as_state(f: &Found) -> bool {
    matches!(
        f.res.kind,
        MentionKind::State | MentionKind::Government | MentionKind::Person | MentionKind::Agent
    ) && (matches!(
        f.res.by,
        ResolvedBy::Lexicon | ResolvedBy::Title | ResolvedBy::Context
    ) || (f.res.kind == MentionKind::Person
        && f.res
            .actor_id
            .as_deref()
            .is_some_and(|id| id.starts_with("person:"))))
}

/// "Somalia's intelligence agency (NISA)", "the Islamic Revolutionary Guard Corps
/// (IRGC)": an acronym the lexicon does not know, in parentheses right after a resolved
/// mention, is that actor — here and for the rest of the article ("NISA said").
fn acronyms(sc: &SentCtx, mem: &mut Memory, found: &mut [Found]) {
    for g in 0..found.len() {
        let (s, e) = (found[g].start, found[g].end);
        let acr = e == s + 1
            && found[g].res.code.is_empty()
            && s >= 2
            && sc.norm(s - 1) == "("
            && sc.norm(e) == ")"
            && sc.toks[s].caps;
        if !acr {
            continue;
        }
        let Some(r) = found
            .iter()
            .rev()
            .find(|f| f.end == s - 1 && !f.res.code.is_empty())
            .map(|f| f.res.clone())
        else {
            continue;
        };
        let res = Res {
            by: ResolvedBy::Context,
            ..r
        };
        mem.people.insert(sc.norm(s).to_string(), res.clone());
        found[g].res = res;
    }
}

/// Verbs that put a person in an office, read after "was"/"has been"/"had been"
/// ("was sworn in as", "was elected", "has been appointed"), or alone ("became").
const INSTALLED: &[&str] = &[
    "elected",
    "appointed",
    "named",
    "inaugurated",
    "installed",
    "confirmed",
    "nominated",
    "reelected",
    "re-elected",
];

/// A person the lexicon does not know, introduced with the office a resolved title
/// gives him: "Jon Marek, Slovakia's new president, ...", "Jon Marek was sworn in as
/// Slovakia's president", "... was elected president of Slovakia", "Jon Marek became
/// Slovakia's prime minister". The name takes the title's resolution here and for the
/// rest of the article, as if the title had stood before it ("Slovak President Jon
/// Marek"). A title with no country ("a former president") gives nothing.
fn introduced_people(sc: &SentCtx, mem: &mut Memory, found: &mut [Found]) {
    for g in 0..found.len() {
        let f = &found[g];
        if !f.res.code.is_empty() || f.res.kind != MentionKind::Person || f.end < f.start + 2 {
            continue;
        }
        let (start, end) = (f.start, f.end);
        // Where the title may start.
        let mut q = end;
        if sc.norm(q) == "," {
            q += 1;
        } else {
            if matches!(sc.norm(q), "was" | "is" | "has" | "had") {
                q += 1;
                if sc.norm(q) == "been" {
                    q += 1;
                }
                if sc.norm(q) == "sworn" && sc.norm(q + 1) == "in" {
                    q += 2;
                } else if INSTALLED.contains(&sc.norm(q)) {
                    q += 1;
                } else {
                    continue;
                }
            } else if sc.norm(q) == "became" {
                q += 1;
            } else {
                continue;
            }
            if sc.norm(q) == "as" {
                q += 1;
            }
        }
        if matches!(sc.norm(q), "the" | "a" | "an") {
            q += 1;
        }
        let Some(r) = found.iter().find(|t| {
            t.start == q
                && !t.res.code.is_empty()
                && t.res.country.is_some()
                && t.res.by == ResolvedBy::Title
                && t.res.kind != MentionKind::State
        }) else {
            continue;
        };
        let res = Res {
            kind: MentionKind::Person,
            by: ResolvedBy::Context,
            ..r.res.clone()
        };
        remember(sc, mem, start, end, None, &res);
        found[g].res = res;
    }
}

/// Last words of the names of state organs, and the sector they give.
const ORG_HEADS: &[(&str, &str)] = &[
    ("agency", "GOV"),
    ("ministry", "GOV"),
    ("service", "GOV"),
    ("services", "GOV"),
    ("board", "GOV"),
    ("council", "GOV"),
    ("commission", "GOV"),
    ("authority", "GOV"),
    ("office", "GOV"),
    ("bureau", "GOV"),
    ("directorate", "GOV"),
    ("department", "GOV"),
    ("administration", "GOV"),
    ("army", "MIL"),
    ("forces", "MIL"),
    ("guard", "MIL"),
    ("corps", "MIL"),
    ("command", "MIL"),
    ("navy", "MIL"),
    ("police", "COP"),
    ("court", "JUD"),
    ("tribunal", "JUD"),
    ("assembly", "LEG"),
    ("parliament", "LEG"),
    ("senate", "LEG"),
    ("congress", "LEG"),
];

/// A capitalised name of two or more words starting at `i` (inner "and", "of", "for"
/// allowed) whose last word is an organ's head ("National Intelligence and Security
/// Agency"): its end and the head's sector.
fn org_name_at(sc: &SentCtx, i: usize) -> Option<(usize, &'static str)> {
    let capword = |j: usize| {
        sc.toks.get(j).is_some_and(|t| {
            t.cap_initial
                && t.norm.chars().all(char::is_alphabetic)
                && !CAP_STOP.contains(&t.norm.as_str())
                && sc
                    .hit(j)
                    .is_none_or(|h| matches!(h.target, Target::Agent { .. }) || sc.is_igo_hit(h))
                && !sc.covered_by_actor(j)
        })
    };
    let mut j = i;
    let mut words = 0;
    let mut best = None;
    while j < sc.toks.len() && words < 8 {
        if capword(j) {
            words += 1;
            j += 1;
            if words >= 2 {
                if let Some((_, sec)) = ORG_HEADS.iter().find(|(w, _)| *w == sc.norm(j - 1)) {
                    best = Some((j, *sec));
                }
            }
        } else if words > 0 && matches!(sc.norm(j), "and" | "of" | "for" | "&") && capword(j + 1) {
            j += 1;
        } else {
            break;
        }
    }
    best
}

/// The mention of a state as itself (kind State, resolved by context).
fn state_res(lex: &Lexicon, c: &str) -> Res {
    let st = lex.state_actor(c);
    Res {
        kind: MentionKind::State,
        code: st
            .map(|x| x.code.clone())
            .unwrap_or_else(|| crate::lexicon::cameo_of(c)),
        country: Some(c.to_string()),
        sector: None,
        actor_id: st.map(|x| x.id.clone()),
        by: ResolvedBy::Context,
    }
}

/// Number words of set phrases ("the three nations").
const SET_NUMBERS: &[(&str, usize)] = &[
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("3", 3),
    ("4", 4),
    ("5", 5),
    ("6", 6),
    ("7", 7),
];

/// Heads of set phrases.
const SET_HEADS: &[&str] = &[
    "nations",
    "countries",
    "states",
    "governments",
    "neighbors",
    "neighbours",
    "juntas",
    "capitals",
    "allies",
    "powers",
    "members",
    "signatories",
    "sides",
    "parties",
    // "the three leaders", "all three presidents" (session 7, groups).
    "leaders",
    "presidents",
    "men",
    // "The four ministers expressed concern …" after a meeting of four states'
    // ministers (session 14).
    "ministers",
    "delegations",
];

/// "the three nations", "the three military-led countries", "all three countries",
/// "the trio", "the three": the states of the last sentence that named that many
/// together (three or more), else the first that many of the current sentence; one
/// mention per state with the phrase's span (as for pair phrases). Returns the
/// phrase's end and the states.
fn set_phrase_at(
    sc: &SentCtx,
    mem: &Memory,
    found: &[Found],
    p: usize,
) -> Option<(usize, Vec<String>)> {
    let (n, mut q) = match (sc.norm(p), sc.norm(p + 1)) {
        ("the", "trio") => return Some((p + 2, set_of(sc, mem, found, p, 3)?)),
        ("the" | "all" | "these" | "those", w) => {
            let (_, n) = SET_NUMBERS.iter().find(|(x, _)| *x == w)?;
            (*n, p + 2)
        }
        _ => return None,
    };
    // Up to four modifier tokens: "military-led" is three.
    let mut k = 0;
    while k < 4 && !SET_HEADS.contains(&sc.norm(q)) {
        let w = sc.norm(q);
        // A capitalised modifier only right before the head ("the three European
        // powers", "the three Baltic states"), not a name of its own.
        let cap = sc.toks.get(q).is_some_and(|t| t.cap_initial);
        let ok = w == "-"
            || (w.chars().all(char::is_alphabetic)
                && !CAP_STOP.contains(&w)
                && (!cap || SET_HEADS.contains(&sc.norm(q + 1))));
        if !ok {
            break;
        }
        q += 1;
        k += 1;
    }
    let end = if SET_HEADS.contains(&sc.norm(q)) {
        q + 1
    } else if k == 0 && matches!(sc.norm(p), "all") {
        // "all three said…"
        q
    } else {
        return None;
    };
    // "the three countries of the Sahel" names them otherwise (not "accusing the
    // three governments of meddling").
    if sc.norm(end) == "of"
        && (sc.norm(end + 1) == "the" || sc.toks.get(end + 1).is_some_and(|t| t.cap_initial))
    {
        return None;
    }
    Some((end, set_of(sc, mem, found, p, n)?))
}

/// The `n` states a set phrase at `p` refers to.
fn set_of(sc: &SentCtx, mem: &Memory, found: &[Found], p: usize, n: usize) -> Option<Vec<String>> {
    let _ = sc;
    let mut here: Vec<String> = Vec::new();
    for f in found.iter().filter(|f| f.end <= p && set_member(found, f)) {
        if let Some(c) = &f.res.country {
            if !here.contains(c) {
                here.push(c.clone());
            }
        }
    }
    if here.len() == n {
        return Some(here);
    }
    // "Venezuela ordered diplomats from Argentina, Chile and Peru to leave, accusing
    // the three governments …": more states named before it in the sentence, the
    // last `n` of them when they were listed together.
    if here.len() > n && listed_together(sc, found, p, &here[here.len() - n..]) {
        return Some(here[here.len() - n..].to_vec());
    }
    mem.sets.iter().rev().find(|s| s.len() == n).cloned()
}

/// Whether mention `f` may be counted in a set of states: a state or government, or
/// agents listed by their states ("diplomats from Argentina, Chile and Peru": one
/// phrase found once per state).
fn set_member(found: &[Found], f: &Found) -> bool {
    match f.res.kind {
        MentionKind::State | MentionKind::Government => true,
        MentionKind::Agent => {
            found
                .iter()
                .filter(|g| g.start == f.start && g.end == f.end)
                .count()
                >= 2
        }
        _ => false,
    }
}

/// Whether the states `last` were named in one list before `p` ("Argentina, Chile and
/// Peru"): only commas, "and", "or" and "the" between their mentions.
fn listed_together(sc: &SentCtx, found: &[Found], p: usize, last: &[String]) -> bool {
    // Each state's first mention ("… to leave the country" may name one again).
    let mut seen: Vec<&String> = Vec::new();
    let mut spans: Vec<(usize, usize)> = Vec::new();
    for f in found.iter().filter(|f| f.end <= p && set_member(found, f)) {
        if let Some(c) = f.res.country.as_ref().filter(|c| last.contains(c)) {
            if !seen.contains(&c) {
                seen.push(c);
                spans.push((f.start, f.end));
            }
        }
    }
    spans
        .windows(2)
        .all(|w| (w[0].1..w[1].0).all(|k| matches!(sc.norm(k), "," | "and" | "or" | "the")))
        && spans.len() >= last.len()
}

/// "the foreign ministry spokesperson, Zahra Baloch, said": a name set off by commas
/// right after a title is the title holder. Returns where to continue.
fn appositive(
    sc: &SentCtx,
    mem: &mut Memory,
    end: usize,
    title: &Res,
    found: &mut Vec<Found>,
) -> usize {
    if sc.norm(end) != "," || title.code.is_empty() {
        return end;
    }
    // "the court's president, Judge Joan Donoghue,": a title may precede the name.
    let name_start = match sc.is_agent(end + 1).and(sc.agents_from(end + 1)) {
        Some((ae, _)) => ae,
        None => end + 1,
    };
    let Some((ne, person)) = sc.name_at(name_start) else {
        return end;
    };
    if !matches!(sc.norm(ne), "," | "." | "said" | "says" | "told" | "") {
        return end;
    }
    let mut res = Res {
        kind: MentionKind::Person,
        ..title.clone()
    };
    if let Some(pi) = person {
        res.actor_id = Some(sc.lex.people[pi as usize].id.clone());
    }
    remember(sc, mem, name_start, ne, person, &res);
    found.push(Found {
        start: end + 1,
        end: ne,
        res,
    });
    ne
}

/// Record what a named person resolved to, for later mentions in the article.
fn remember(
    sc: &SentCtx,
    mem: &mut Memory,
    start: usize,
    end: usize,
    person: Option<u32>,
    res: &Res,
) {
    if res.code.is_empty() {
        return;
    }
    let r = Res {
        kind: MentionKind::Person,
        ..res.clone()
    };
    mem.people
        .insert(sc.person_key(start, end, person), r.clone());
    // Also by surname, so "Dar said…" finds him.
    let surname = match person {
        Some(p) => {
            // The last word as this article spells it ("Matiangi" where the lexicon's
            // surname is "Matiang'i"), so later mentions in the same spelling find him.
            let written = sc.norm(end - 1);
            if written.chars().count() > 2 && is_cap_word(&sc.toks[end - 1]) {
                mem.people.insert(written.to_string(), r.clone());
            }
            let pr = &sc.lex.people[p as usize];
            pr.surname
                .as_deref()
                .map(crate::token::key_of)
                .unwrap_or_else(|| sc.norm(end - 1).to_string())
        }
        None => {
            // A name not in the lexicon: later mentions may use any of its words
            // (surname first in Chinese or Korean names: "Mao Ning" … "Mao said").
            // Words already remembered for someone else are left to them.
            for i in start..end.saturating_sub(1) {
                let w = sc.norm(i);
                if w.chars().count() > 2 && !NAME_INNER.contains(&w) && is_cap_word(&sc.toks[i]) {
                    mem.people.entry(w.to_string()).or_insert_with(|| r.clone());
                }
            }
            sc.norm(end - 1).to_string()
        }
    };
    mem.people.insert(surname, r);
}

/// A title or agent word starting at `p`, with what follows it: "of Pakistan", a
/// name, or nothing.
fn agent_phrase(sc: &SentCtx, mem: &mut Memory, found: &[Found], p: usize) -> (usize, Res) {
    let lex = sc.lex;
    let date = sc.date;
    let (a_end, sector) = sc.agents_from(p).unwrap_or((p + 1, "GOV".into()));
    // "the foreign minister of Pakistan"
    if sc.norm(a_end) == "of" {
        let qi = if sc.norm(a_end + 1) == "the" {
            a_end + 2
        } else {
            a_end + 1
        };
        if let Some(h) = sc.hit(qi).copied() {
            if let Some(q) = qual_of(lex, &h, date) {
                return (h.end, qual_with_sector(lex, &q, &sector, date));
            }
            // "supporters of Imran Khan", "aides of Netanyahu": the person's state.
            if let Target::Person { idx } = h.target {
                let person = mem
                    .people
                    .get(&lex.people[idx as usize].id)
                    .cloned()
                    .or_else(|| sc.office_res(idx));
                if let Some(q) = person.as_ref().and_then(qual_of_res) {
                    return (h.end, qual_with_sector(lex, &q, &sector, date));
                }
            }
        }
    }
    // "fighters loyal to the Islamic State", "gunmen affiliated with al-Shabab": the
    // group (or state) they belong to.
    if let Some(qi) = sc.allegiance_after(a_end) {
        if let Some(h) = sc.hit(qi).copied() {
            if let Some(q) = qual_of(lex, &h, date) {
                return (h.end, qual_with_sector(lex, &q, &sector, date));
            }
        }
    }
    // "a spokesman for al-Shabab", "the envoy for the U.N.": people who speak or act
    // for an organisation (not "troops for Ukraine": only these titles).
    if sc.norm(a_end) == "for" && (p..a_end).any(|i| FOR_TITLES.contains(&sc.norm(i))) {
        let qi = if sc.norm(a_end + 1) == "the" {
            a_end + 2
        } else {
            a_end + 1
        };
        if let Some(h) = sc.hit(qi).copied() {
            // Not states: "the envoy for Afghanistan" is not Afghan.
            if let Some(q) = qual_of(lex, &h, date).filter(|q| q.kind != ActorKind::State) {
                return (h.end, qual_with_sector(lex, &q, &sector, date));
            }
            // But a state's organ is: "a spokesman for the Pakistani military",
            // "a spokeswoman for Iran's foreign ministry" (the organ's sector, as for
            // "military spokesman").
            let q_end = if sc.norm(h.end) == "'s" {
                h.end + 1
            } else {
                h.end
            };
            let attributive = q_end > h.end
                || matches!(
                    h.target,
                    Target::Actor {
                        how: NameHow::Adjective,
                        ..
                    }
                );
            if let Some(q) = qual_of(lex, &h, date).filter(|_| attributive) {
                if let Some((o_end, o_sector)) = sc.agents_from_ex(q_end, true) {
                    return (o_end, qual_with_sector(lex, &q, &o_sector, date));
                }
            }
        }
    }
    // "foreign forces", "Western diplomats": explicitly not of the local country.
    // An embassy or consulate with no qualifier is some other state's post in the
    // place it stands in ("protesters attacked several embassies"), never the home
    // country's or the place's. A possessive qualifies it ("downgraded its embassy").
    let post_abroad = matches!(
        sc.norm(a_end.saturating_sub(1)),
        "embassy" | "embassies" | "consulate" | "consulates"
    ) && !(1..=2)
        .any(|k| p >= k && matches!(sc.norm(p - k), "their" | "its" | "his" | "her" | "our"));
    // Nor are a region's ("Southeast Asian foreign ministers", "Arab leaders", "Latin
    // American presidents"): several states, none of them the home one by default
    // (session 17; a story filed from Jakarta had made them Indonesian).
    let regional = p > 0
        && (matches!(
            sc.norm(p - 1),
            "asian"
                | "european"
                | "african"
                | "arab"
                | "gulf"
                | "nordic"
                | "baltic"
                | "caribbean"
                | "balkan"
                | "scandinavian"
                | "arabian"
        ) || (sc.norm(p - 1) == "american"
            && p > 1
            && matches!(sc.norm(p - 2), "latin" | "south" | "central")));
    let foreign = post_abroad
        || regional
        || (p > 0
            && matches!(
                sc.norm(p - 1),
                "foreign" | "western" | "international" | "other"
            ));
    if let Some((ne, person)) = sc.name_at(a_end) {
        let key = sc.person_key(a_end, ne, person);
        // "Ambassador Helena Moravec of the Czech Republic"
        let of_q = (sc.norm(ne) == "of")
            .then(|| {
                if sc.norm(ne + 1) == "the" {
                    ne + 2
                } else {
                    ne + 1
                }
            })
            .and_then(|qi| sc.hit(qi).copied())
            .and_then(|h| qual_of(lex, &h, date).map(|q| (h.end, q)));
        if let Some((qe, q)) = of_q {
            let mut res = qual_with_sector(lex, &q, &sector, date);
            res.kind = MentionKind::Person;
            if let Some(pi) = person {
                res.actor_id = Some(lex.people[pi as usize].id.clone());
            }
            remember(sc, mem, a_end, ne, person, &res);
            return (qe, res);
        }
        let res = if let Some(r) = mem.people.get(&key) {
            Res {
                by: ResolvedBy::Context,
                ..r.clone()
            }
        } else if let Some(r) = person.and_then(|pi| sc.office_res(pi)) {
            Res {
                by: ResolvedBy::Inferred,
                ..r
            }
        } else if let Some(r) = (person.is_none() && ne - a_end == 1)
            .then(|| sc.surname_person(sc.norm(a_end)))
            .flatten()
            .and_then(|pi| sc.office_res(pi))
        {
            Res {
                by: ResolvedBy::Inferred,
                ..r
            }
        } else if let Some(c) = sc.inferred_country() {
            Res {
                kind: MentionKind::Person,
                code: sector_code(lex, &c, &sector, date),
                country: Some(c),
                sector: Some(sector.clone()),
                actor_id: person.map(|pi| lex.people[pi as usize].id.clone()),
                by: ResolvedBy::Inferred,
            }
        } else {
            Res::unresolved(
                MentionKind::Person,
                Some(sector.clone()),
                person.map(|pi| lex.people[pi as usize].id.clone()),
            )
        };
        remember(sc, mem, a_end, ne, person, &res);
        return (ne, res);
    }
    // No dateline and no article focus: the state named most recently (within the
    // coreference window) stands in, as a reader would take it.
    let recent = || {
        mem.antes
            .iter()
            .rev()
            .take_while(|a| a.sent + COREF_WINDOW >= mem.sent)
            .find_map(|a| {
                (a.res.len() == 1 && a.res[0].kind == MentionKind::State)
                    .then(|| a.res[0].country.clone())
                    .flatten()
            })
    };
    // "forces in Somalia's Puntland region", "police in Karachi": the place the
    // phrase puts them in. Not for a diplomatic post: "its embassy in Tehran" stands
    // in the host's capital and is someone else's.
    let post = matches!(
        sc.norm(a_end.saturating_sub(1)),
        "embassy" | "embassies" | "consulate" | "consulates" | "mission"
    );
    if !foreign && !post {
        if let Some(c) = sc.place_after(a_end) {
            return (
                a_end,
                Res {
                    kind: MentionKind::Agent,
                    code: sector_code(lex, &c, &sector, date),
                    country: Some(c),
                    sector: Some(sector),
                    actor_id: None,
                    by: ResolvedBy::Title,
                },
            );
        }
    }
    // The article's home country, unless this sentence is about another one: then
    // the country the sentence named last before the agent ("Syria's leaders said
    // police…" in a story datelined elsewhere).
    let home = sc.inferred_country();
    // Civilians are not the attacker's: "Russian missiles killed 12 civilians",
    // "Israeli forces shot two people" — the armed side's country is no candidate for
    // the people it hits (the home country, a place or another named state is).
    let victims = sector == "CVL";
    // "Saudi Arabia and Iran agreed to reopen their embassies": a possessive pronoun
    // ties the agents to the states of the sentence, whatever the story's home.
    let possessed =
        (1..=2).any(|k| p >= k && matches!(sc.norm(p - k), "their" | "its" | "his" | "her"));
    // A state that acts keeps its own forces ("China held military drills around
    // Taiwan"); the people and bodies its act reaches are the story's (protesters,
    // aid groups).
    let own_force = sector == "MIL";
    // Insurgents, rebels and gangs are not the troops' that fight them: with several
    // states' forces named ("Mozambican soldiers and Rwandan troops killed 20
    // insurgents") they are the country of a named state or body that is not armed
    // ("Rwandan troops deployed in Mozambique"), else of the first forces named (the
    // host is named first), not of the last ones.
    let armed_foe = matches!(sector.as_str(), "REB" | "INS" | "SEP" | "CRM");
    let unarmed_named = armed_foe
        && found.iter().any(|f| {
            matches!(
                f.res.kind,
                MentionKind::State | MentionKind::Government | MentionKind::Agent
            ) && f.res.country.is_some()
                && !sc.armed_mention(f)
        });
    // "Netanyahu's office said a delegation would travel to Doha": those sent abroad
    // (a delegation, envoys, negotiators) belong to the state or leader the sentence
    // named before them, not to the place they go to or the story's home.
    let sent_abroad = (p..a_end).any(|i| {
        matches!(
            sc.norm(i),
            "delegation" | "delegations" | "envoy" | "envoys" | "negotiators" | "negotiator"
        )
    });
    let mut named: Vec<&String> = found
        .iter()
        .filter(|f| {
            (matches!(
                f.res.kind,
                MentionKind::State | MentionKind::Government | MentionKind::Agent
            ) || (sent_abroad && f.res.kind == MentionKind::Person))
                && matches!(
                    f.res.by,
                    ResolvedBy::Lexicon | ResolvedBy::Title | ResolvedBy::Context
                )
        })
        .filter(|f| !victims || !sc.armed_mention(f))
        .filter(|f| !unarmed_named || !sc.armed_mention(f))
        // With a home country, a state named as a whole ("France said it would not
        // recognize the new authorities", "Britain condemned the police crackdown")
        // is reacting to the story, and the agents it speaks of are the story's;
        // only another agent of that state ("Ugandan officials said police …",
        // "Syria's leaders") takes the sentence away from home (setting.rs).
        // "Washington has recognized opposition candidate Edmundo Gonzalez": a state
        // named as a whole is no owner of another country's opposition, parties,
        // courts or police, home or not; the story's state is (`recent` below).
        .filter(|f| {
            !(matches!(sector.as_str(), "OPP" | "PTY" | "JUD" | "COP")
                && matches!(f.res.kind, MentionKind::State | MentionKind::Government)
                && !possessed)
        })
        .filter(|f| {
            home.is_none()
                || possessed
                || sent_abroad
                || !matches!(f.res.kind, MentionKind::State | MentionKind::Government)
                || (own_force && !reacting(sc, f.end))
        })
        .filter_map(|f| f.res.country.as_ref())
        .collect();
    if armed_foe && !unarmed_named {
        named.truncate(1);
    }
    let local = match &home {
        // "Riot police fired tear gas at protesters in Nairobi" in a story set
        // elsewhere: the sentence's own place (setting.rs).
        Some(_) if named.is_empty() => {
            crate::setting::sentence_scene(lex, &sc.toks, &sc.hits, date).or(home.clone())
        }
        // Forces belong to the state named nearest before them ("Pakistan recalled
        // its envoy after an Iranian missile and drone strike"), not to the home.
        Some(h) if named.contains(&h) && !own_force => Some(h.clone()),
        _ => named.last().map(|c| (*c).clone()),
    };
    let res = match local.or(home).or_else(recent).filter(|_| !foreign) {
        Some(c) => Res {
            kind: MentionKind::Agent,
            code: sector_code(lex, &c, &sector, date),
            country: Some(c),
            sector: Some(sector),
            actor_id: None,
            by: ResolvedBy::Inferred,
        },
        None => Res::unresolved(MentionKind::Agent, Some(sector), None),
    };
    (a_end, res)
}

/// Whether the words after a state's mention (ending at token `end`) report or judge
/// what others did ("France said …", "Britain also condemned …"), so that the forces
/// it speaks of are not its own. A state that acts ("China held military drills
/// around Taiwan") keeps its forces.
fn reacting(sc: &SentCtx, end: usize) -> bool {
    const VERBS: &[&str] = &[
        "said",
        "says",
        "condemned",
        "condemns",
        "criticized",
        "criticised",
        "denounced",
        "urged",
        "called",
        "welcomed",
        "warned",
        "accused",
        "expressed",
        "voiced",
        "deplored",
        "rejected",
        "demanded",
        "praised",
        "asked",
        "refused",
        "would",
        "will",
        "has",
        "had",
        "did",
        "does",
        "announced",
        "added",
        "told",
    ];
    let mut i = end;
    if matches!(sc.norm(i), "also" | "on" | "then" | "later" | ",") {
        i += 1;
    }
    VERBS.contains(&sc.norm(i))
}

/// What a pronoun or a bare definite description refers back to.
#[derive(Debug, Clone, PartialEq)]
enum Want {
    /// "he", "she", "him": the most recent person or one-person title ("Indonesia's
    /// foreign minister"), not one of the other gender.
    Person(Option<Gender>),
    /// "it": the most recent state, government, organisation or group.
    Singular,
    /// "they", "them": the most recent plural agent ("officials", "troops"), group or
    /// pair of states.
    Plural,
    /// "the group", "the militants", "the movement": the most recent armed group or
    /// rebel/insurgent agent.
    Group,
    /// "the alliance", "the regional body": the most recent organisation.
    Igo,
    /// "the bloc": the most recent organisation, or the organisation of the most
    /// recent official of one, taken whole — an organ (the European Commission, the
    /// European Parliament) stands for its parent ("… spoke with European Council
    /// President Antonio Costa and urged the bloc to …" is the EU).
    Bloc,
    /// "the country", "the nation": the state of the most recent mention with one.
    State,
    /// "the ministry", "the army", "the government": the most recent mention with a
    /// country and this sector.
    Sector(String),
    /// "the court", "the agency", "the council": the most recent named organisation,
    /// group or state organ one of whose names contains one of these words (the
    /// International Court of Justice, the U.N. nuclear watchdog, the Security
    /// Council), looking back [`NAMED_WINDOW`] sentences.
    Named(&'static [&'static str]),
    /// "the island nation", "the South American country": the most recent state of
    /// this set (ISO3 codes, from `data/lexicon/regions.tsv`).
    StateIn(Vec<String>),
    /// "the island", "the kingdom" (a kind named by the head alone): as `StateIn`,
    /// but only as far back as a pronoun looks — such bare words are also said of
    /// places that are no state ("the island of Lampedusa" a page later).
    StateNear(Vec<String>),
    /// "the Communist leadership": that sector of the most recent state of the set.
    SectorIn(String, Vec<String>),
    /// "the ministry" after "the Russian foreign ministry", "the envoy" after "the
    /// French ambassador": a mention with this sector whose own head is one of these
    /// words, before any other mention of the sector.
    Head(&'static [&'static str], String),
    /// "the host country": the most recent place visited or host.
    Host,
    /// "the visiting delegation": the most recent visitor's country, with this sector.
    Visitor(String),
}

impl Want {
    /// Descriptions specific enough to look back [`NAMED_WINDOW`] sentences.
    fn far(&self) -> bool {
        matches!(self, Want::Named(_) | Want::StateIn(_) | Want::SectorIn(..))
    }
}

/// How far back (in sentences) a description naming its referent's kind ("the
/// court", "the agency") looks: such descriptions stay unambiguous much longer than
/// pronouns, and news stories name an organisation once and then describe it.
const NAMED_WINDOW: usize = 40;

const COURT: &[&str] = &["court", "tribunal"];
const AGENCY: &[&str] = &["agency", "watchdog"];
const PROGRAMME: &[&str] = &["programme", "program"];

/// Head nouns of definite descriptions that refer back to a *named* entity of their
/// kind, and the words one of its names must contain.
const NAMED_HEADS: &[(&str, &[&str])] = &[
    ("court", COURT),
    ("tribunal", COURT),
    ("judges", COURT),
    ("agency", AGENCY),
    ("watchdog", AGENCY),
    ("council", &["council"]),
    ("commission", &["commission"]),
    ("committee", &["committee"]),
    ("mission", &["mission"]),
    ("assembly", &["assembly"]),
    ("parliament", &["parliament"]),
    ("fund", &["fund"]),
    ("bank", &["bank"]),
    ("programme", PROGRAMME),
    ("program", PROGRAMME),
    ("office", &["office"]),
    ("service", &["service"]),
    ("party", &["party"]),
    ("front", &["front"]),
    ("authority", &["authority"]),
    ("alliance", &["alliance"]),
    ("coalition", &["coalition"]),
];

fn named_head(w: &str) -> Option<&'static [&'static str]> {
    NAMED_HEADS.iter().find(|(h, _)| *h == w).map(|(_, ws)| *ws)
}

/// Nouns that make "the NOUN" a definite description, and what they refer back to.
const DEF_HEADS: &[(&str, &[Want])] = &[
    ("group", &[Want::Group]),
    ("movement", &[Want::Group]),
    ("outfit", &[Want::Group]),
    ("faction", &[Want::Group]),
    ("organization", &[Want::Group, Want::Igo]),
    ("organisation", &[Want::Group, Want::Igo]),
    ("bloc", &[Want::Bloc]),
    ("court", &[]),
    ("tribunal", &[]),
    ("alliance", &[Want::Igo]),
    ("body", &[Want::Igo]),
    ("grouping", &[Want::Igo]),
    ("union", &[Want::Igo]),
    ("agency", &[]),
    ("watchdog", &[]),
    ("council", &[]),
    ("commission", &[]),
    ("committee", &[]),
    ("assembly", &[]),
    ("parliament", &[]),
    ("fund", &[]),
    ("programme", &[]),
    ("program", &[]),
    ("coalition", &[Want::Igo]),
    ("country", &[Want::State]),
    ("nation", &[Want::State]),
    ("kingdom", &[Want::State]),
    ("republic", &[Want::State]),
];

/// Words allowed between "the" and a definite head ("the militant group", "the
/// regional body", "the Gulf nation" is not: capitalised words are names).
const DEF_MODIFIERS: &[&str] = &[
    "militant",
    "terror",
    "terrorist",
    "insurgent",
    "rebel",
    "jihadist",
    "armed",
    "extremist",
    "separatist",
    "islamist",
    "regional",
    "world",
    "global",
    "international",
    "military",
    "economic",
    "political",
    "security",
    "trade",
    "defense",
    "defence",
    "western",
    "african",
    "asian",
    "european",
    "arab",
    "gulf",
    "communist",
    "island",
    "landlocked",
    "east",
    "west",
    "north",
    "south",
    "southern",
    "northern",
    "eastern",
    "central",
    "oil-rich",
    "small",
    "impoverished",
    "war-torn",
    "neighboring",
    "neighbouring",
    "nuclear-armed",
    "nuclear",
    "atomic",
    "refugee",
    "health",
    "food",
    "top",
    "highest",
    "appeals",
    "electoral",
    "intelligence",
    "spy",
    "new",
    "banned",
    "outlawed",
    "powerful",
    "two-nation",
    "10-member",
    "27-member",
    "55-member",
    "15-member",
];

/// Words after "her" that show it is an object, not a possessive.
const OBJECT_NEXT: &[&str] = &[
    "", ".", ",", ";", ":", "to", "on", "in", "at", "for", "that", "about", "and", "with", "as",
    "after", "before", "over", "during", "from", "by", "of", "into", "back", "again",
];

/// Modifiers that make a description someone other than the one named before ("the
/// former president", "the other side").
const NOT_SAME: &[&str] = &[
    "former",
    "late",
    "then",
    "previous",
    "other",
    "another",
    "next",
    "outgoing",
    "incoming",
    "new",
    "first",
    "second",
    "third",
    "last",
    "opposing",
    "rival",
    "foreign",
    "western",
    "international",
    "allied",
    "coalition",
];

/// "the two West African nations", "both Gulf states", "the Horn of Africa neighbours":
/// a pair of states described by a kind (regions.rs) or a trait; resolved like "the
/// two countries". Returns the end of the phrase.
fn described_pair(sc: &SentCtx, p: usize) -> Option<usize> {
    let mut q = match (sc.norm(p), sc.norm(p + 1)) {
        ("the", "two") => p + 2,
        ("both", _) => p + 1,
        ("the", _) => p + 1,
        _ => return None,
    };
    let two = q > p + 1 || sc.norm(p) == "both";
    let mut mods = 0;
    while mods < 3 {
        if let Some((e, _)) = regions().modifier_at(&sc.toks, q) {
            q = e;
        } else if let Some(e) = trait_at(sc, q) {
            q = e;
        } else {
            break;
        }
        mods += 1;
    }
    let head = sc.norm(q);
    let pair_head = matches!(
        head,
        "countries" | "nations" | "states" | "neighbours" | "neighbors" | "kingdoms" | "republics"
    );
    // "the Horn of Africa neighbours" needs no number: neighbours are two.
    let ok = mods > 0 && pair_head && (two || matches!(head, "neighbours" | "neighbors"));
    ok.then_some(q + 1)
}

/// "the North" / "the South" (capitalised, not before another name or a noun: not
/// "the North Atlantic", "the South China Sea") standing for the state named in the
/// story whose name starts with that word. Returns the end and the state's country.
fn compass_state(sc: &SentCtx, mem: &Memory, p: usize) -> Option<(usize, String)> {
    if sc.norm(p) != "the" {
        return None;
    }
    let w = sc.toks.get(p + 1)?;
    if !w.cap_initial || !matches!(w.norm.as_str(), "north" | "south") {
        return None;
    }
    if sc.toks.get(p + 2).is_some_and(|t| t.cap_initial)
        || (sc.tagged
            && matches!(
                sc.upos.get(p + 2),
                Some(Upos::NOUN | Upos::PROPN | Upos::ADJ)
            ))
        || sc.norm(p + 2) == "-"
    {
        return None;
    }
    let prefix = format!("{} ", w.norm);
    let c = mem.recent.iter().rev().find(|c| {
        sc.lex.state_actor(c).is_some_and(|a| {
            a.names
                .iter()
                .any(|n| n.to_lowercase().starts_with(&prefix))
        })
    })?;
    Some((p + 2, c.clone()))
}

/// "The leaders", "the presidents", "the ministers", "the delegations" opening a
/// sentence when the sentence before set a pair of states acting on or with each other
/// (not mere co-subjects): that pair. Returns the end of the phrase. Not "the leaders
/// of …" or "the leaders' …", which name their own.
fn leaders_of_last_pair(sc: &SentCtx, mem: &Memory, p: usize) -> Option<usize> {
    if p != 0 || sc.norm(0) != "the" {
        return None;
    }
    let head = sc.norm(1);
    let leaders = matches!(
        head,
        "leaders" | "presidents" | "ministers" | "delegations" | "premiers"
    );
    let after = sc.norm(2);
    if !leaders || matches!(after, "of" | "'s" | "'" | "from") {
        return None;
    }
    let last = mem.pairs.last()?;
    (!last.weak && last.sent + 1 == mem.sent).then_some(2)
}

/// A word of a count before a noun: a number ("2", "10,000", "two"), a multiplier
/// ("million", "dozens") or an approximator ("some", "about", "estimated").
fn quantity_word(w: &str) -> bool {
    (!w.is_empty()
        && w.chars()
            .all(|c| c.is_ascii_digit() || c == ',' || c == '.'))
        && w.chars().next().is_some_and(|c| c.is_ascii_digit())
        || matches!(
            w,
            "two"
                | "three"
                | "four"
                | "five"
                | "six"
                | "seven"
                | "eight"
                | "nine"
                | "ten"
                | "hundred"
                | "hundreds"
                | "thousand"
                | "thousands"
                | "million"
                | "millions"
                | "billion"
                | "dozen"
                | "dozens"
                | "some"
                | "about"
                | "nearly"
                | "around"
                | "roughly"
                | "estimated"
        )
}

/// "it" that points at nothing ("it is unclear", "it was not immediately known").
const EXPLETIVE_NEXT: &[&str] = &[
    "is",
    "was",
    "'s",
    "seems",
    "seemed",
    "appears",
    "appeared",
    "remains",
    "remained",
    "takes",
    "took",
    "became",
    "becomes",
    "would be",
    "will be",
    "could be",
    "may be",
    "might be",
    "can be",
    "should be",
    "must be",
    "has been",
    "had been",
];

/// A mention whose last word is a plural noun ("officials", "troops", "militants").
fn plural_word(text_last: &str) -> bool {
    text_last.len() > 3
        && text_last.ends_with('s')
        && !text_last.ends_with("ss")
        && !text_last.ends_with("'s")
}

/// The antecedents added by the mentions of this sentence that end before token
/// `before` (`antes_of` over them): what a pronoun or description there can refer to.
fn antes_before(sc: &SentCtx, mem: &Memory, found: &[Found], before: usize) -> Vec<Ante> {
    let here: Vec<Found> = found
        .iter()
        .filter(|f| f.end <= before)
        .map(|f| Found {
            start: f.start,
            end: f.end,
            res: f.res.clone(),
        })
        .collect();
    antes_of(sc, mem, &here)
}

/// The gender the words of a mention show (gender.rs).
fn words_gender(sc: &SentCtx, start: usize, end: usize) -> Option<Gender> {
    let words: Vec<&str> = (start..end).map(|i| sc.norm(i)).collect();
    let caps: Vec<bool> = (start..end).map(|i| sc.toks[i].cap_initial).collect();
    gender::of_words(&words, &caps)
}

/// The gender of a mention: its words, else the lexicon person's name, else what an
/// earlier mention of the same name showed.
fn mention_gender(sc: &SentCtx, mem: &Memory, f: &Found) -> Option<Gender> {
    words_gender(sc, f.start, f.end)
        .or_else(|| {
            let id = f
                .res
                .actor_id
                .as_deref()
                .filter(|id| id.starts_with("person:"))?;
            let p = sc.lex.people.iter().find(|x| x.id == id)?;
            gender::of_name(p.names.first()?)
        })
        .or_else(|| {
            (f.res.kind == MentionKind::Person)
                .then(|| mem.genders.get(sc.norm(f.end - 1)).copied())
                .flatten()
        })
}

/// Last words of titles that name one person ("Indonesia's foreign minister", "the
/// Kenyan president", "a spokeswoman"): such a mention is a person for "he" and "she".
const ONE_PERSON_TITLES: &[&str] = &[
    "president",
    "minister",
    "premier",
    "chancellor",
    "ambassador",
    "envoy",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "secretary",
    "king",
    "queen",
    "emir",
    "prince",
    "princess",
    "sheikh",
    "sultan",
    "monarch",
    "pope",
    "ayatollah",
    "leader",
    "chief",
    "commander",
    "general",
    "governor",
    "mayor",
    "senator",
    "lawmaker",
    "legislator",
    "official",
    "diplomat",
    "counterpart",
    "judge",
    "prosecutor",
    "head",
    "chairman",
    "chairwoman",
    "chair",
    "director",
    "negotiator",
    "adviser",
    "advisor",
    "representative",
    "mediator",
    "coordinator",
    "commissioner",
    "speaker",
    "vice-president",
    "deputy",
    "attache",
    "consul",
    "ruler",
    "strongman",
    "dictator",
];

/// The antecedents a sentence adds, grouped by span (a pair phrase is one antecedent).
fn antes_of(sc: &SentCtx, mem: &Memory, found: &[Found]) -> Vec<Ante> {
    let sent = mem.sent;
    let mut out: Vec<(usize, usize, Ante)> = Vec::new();
    for f in found {
        if let Some((s, e, a)) = out.last_mut() {
            if *s == f.start && *e == f.end {
                a.res.push(f.res.clone());
                a.plural = true;
                continue;
            }
        }
        let last = sc.norm(f.end.saturating_sub(1));
        // Gender matters only for people ("he", "she"); states are skipped for speed.
        let person_like = f.res.kind == MentionKind::Person
            || (f.res.kind == MentionKind::Agent && ONE_PERSON_TITLES.contains(&last));
        out.push((
            f.start,
            f.end,
            Ante {
                sent,
                res: vec![f.res.clone()],
                // Only agent words show number ("officials"); "ECOWAS", "the
                // Philippines" are one actor. Groups take both "it" and "they".
                plural: f.res.kind == MentionKind::Agent && plural_word(last),
                head: last.to_string(),
                gender: if person_like {
                    mention_gender(sc, mem, f)
                } else {
                    None
                },
                host: HOST_BEFORE.contains(&sc.norm(f.start.wrapping_sub(1)))
                    || HOST_VERBS.contains(&sc.norm(f.end)),
                visitor: VISIT_VERBS.contains(&sc.norm(f.end))
                    || (matches!(sc.norm(f.end), "is" | "was" | "will")
                        && VISIT_VERBS.contains(&sc.norm(f.end + 1))),
            },
        ));
    }
    // "France and Germany urged Moscow … They also …": coordinated actors are also
    // one plural antecedent, after their last member.
    if out.len() < 2 {
        return out.into_iter().map(|(_, _, a)| a).collect();
    }
    // Lists found: (index of the last member, the members' resolutions).
    let mut lists: Vec<(usize, Vec<Res>)> = Vec::new();
    let mut run: Vec<Res> = Vec::new();
    // Only actors named as such (not places after "in", not descriptions resolved
    // from context: "living in Australia and the executive committee vice chair").
    let member = |st: usize, a: &Ante| {
        let r = &a.res[0];
        a.res.len() == 1
            && !a.plural
            && !r.code.is_empty()
            && matches!(
                r.kind,
                MentionKind::State
                    | MentionKind::Government
                    | MentionKind::Igo
                    | MentionKind::Person
            )
            && matches!(r.by, ResolvedBy::Lexicon | ResolvedBy::Title)
            && !PLACE_BEFORE.contains(&sc.norm(st.wrapping_sub(1)))
    };
    for k in 0..out.len() {
        let (st, e, ref a) = out[k];
        let single = member(st, a) || (!run.is_empty() && member(usize::MAX, a));
        if single {
            run.push(a.res[0].clone());
        } else {
            run.clear();
            continue;
        }
        let joined = out.get(k + 1).is_some_and(|(s2, _, b)| {
            member(usize::MAX, b)
                && matches!(
                    (s2.checked_sub(e).unwrap_or(0), sc.norm(e), sc.norm(e + 1)),
                    (1, "and" | ",", _) | (2, ",", "and")
                )
        });
        if !joined {
            if run.len() >= 2 {
                lists.push((k, std::mem::take(&mut run)));
            }
            run.clear();
        }
    }
    let mut all = Vec::with_capacity(out.len() + lists.len());
    let mut lists = lists.into_iter().peekable();
    for (k, (_, _, a)) in out.into_iter().enumerate() {
        all.push(a);
        if let Some((_, res)) = lists.next_if(|(at, _)| *at == k) {
            all.push(Ante {
                sent,
                res,
                plural: true,
                head: "and".into(),
                gender: None,
                host: false,
                visitor: false,
            });
        }
    }
    all
}

/// Prepositions that make a list of names places, not actors ("in Kenya and Uganda").
const PLACE_BEFORE: &[&str] = &[
    "in", "from", "to", "at", "near", "across", "into", "of", "on",
];

/// Words before a mention that make it the place of a visit ("in Baghdad", "visited
/// Kabul", "a trip to Beijing").
const HOST_BEFORE: &[&str] = &["in", "to", "visited", "visiting", "visits", "hosted"];

/// Verbs after a mention that make it the host ("Qatar hosted talks").
const HOST_VERBS: &[&str] = &["hosted", "hosts", "hosting", "host", "welcomed", "received"];

/// Verbs after a mention that make it the visitor ("Turkey's foreign minister visited").
const VISIT_VERBS: &[&str] = &[
    "visited",
    "visits",
    "visiting",
    "arrived",
    "arrives",
    "traveled",
    "travelled",
    "travels",
    "flew",
    "landed",
    "toured",
];

/// Heads of a state's agents that are one body, which "it" can stand for ("Pakistan's
/// army said it killed 30 militants"); people ("the minister") and crowds ("police",
/// "protesters") are "he", "she" or "they".
const INSTITUTION_HEADS: &[&str] = &[
    "army",
    "military",
    "navy",
    "ministry",
    "government",
    "cabinet",
    "administration",
    "junta",
    "regime",
    "court",
    "tribunal",
    "parliament",
    "legislature",
    "assembly",
    "senate",
    "agency",
    "commission",
    "council",
    "office",
    "embassy",
    "mission",
    "command",
    "force",
    "guard",
    "service",
    "department",
    "authority",
];

fn compatible(lex: &Lexicon, a: &Ante, want: &Want) -> bool {
    let r = &a.res[0];
    // Coordinated actors together are only "they".
    if a.head == "and" && *want != Want::Plural {
        return false;
    }
    if !matches!(want, Want::Person(_)) && r.code.is_empty() {
        return false;
    }
    match want {
        Want::Person(g) => {
            let person = r.kind == MentionKind::Person
                || (r.kind == MentionKind::Agent
                    && !a.plural
                    && ONE_PERSON_TITLES.contains(&a.head.as_str()));
            person && (g.is_none() || a.gender.is_none() || a.gender == *g)
        }
        Want::Singular => {
            !a.plural
                && (matches!(
                    r.kind,
                    MentionKind::State
                        | MentionKind::Government
                        | MentionKind::Igo
                        | MentionKind::Group
                ) || (r.kind == MentionKind::Agent
                    && INSTITUTION_HEADS.contains(&a.head.as_str())))
        }
        Want::Plural => {
            (a.plural
                && matches!(
                    r.kind,
                    MentionKind::Agent | MentionKind::State | MentionKind::Group
                ))
                || r.kind == MentionKind::Group
        }
        Want::Group => {
            r.kind == MentionKind::Group
                || (r.kind == MentionKind::Agent
                    && matches!(r.sector.as_deref(), Some("REB" | "INS" | "SEP")))
        }
        Want::Igo => r.kind == MentionKind::Igo,
        Want::Bloc => {
            r.kind == MentionKind::Igo
                || (r.kind == MentionKind::Person
                    && r.country.is_none()
                    && r.sector.as_deref() == Some("IGO"))
        }
        Want::Named(words) => {
            a.res.len() == 1
                && matches!(
                    r.kind,
                    MentionKind::Igo | MentionKind::Group | MentionKind::Government
                )
                && r.actor_id.as_deref().is_some_and(|id| {
                    (id.starts_with("igo:") || id.starts_with("group:") || id.starts_with("gov:"))
                        && lex.named_with(id, words)
                })
        }
        Want::State => r.country.is_some() && r.kind != MentionKind::Igo,
        Want::StateIn(set) | Want::StateNear(set) | Want::SectorIn(_, set) => {
            r.kind != MentionKind::Igo
                && r.country
                    .as_deref()
                    .is_some_and(|c| set.iter().any(|m| m == c))
        }
        Want::Head(words, s) => {
            words.contains(&a.head.as_str()) && compatible(lex, a, &Want::Sector(s.clone()))
        }
        Want::Host => a.host && r.country.is_some() && r.kind != MentionKind::Igo,
        Want::Visitor(_) => a.visitor && r.country.is_some() && r.kind != MentionKind::Igo,
        Want::Sector(s) => {
            r.country.is_some()
                && a.res.len() == 1
                && (r.sector.as_deref() == Some(s.as_str())
                    || (s == "GOV" && r.kind == MentionKind::Government))
        }
    }
}

/// The most recent antecedent compatible with any of `wants`, looking back
/// [`COREF_WINDOW`] sentences and at the current sentence's earlier mentions. For a
/// person, the most recent person decides: an unresolved one blocks older ones.
fn find_ante(
    sc: &SentCtx,
    mem: &Memory,
    found: &[Found],
    before: usize,
    wants: &[Want],
) -> Option<(Ante, Want)> {
    let cur = antes_before(sc, mem, found, before);
    // "Iran launched missiles at Israel. It said …": "it" as the subject of a sentence
    // that has named nobody before it follows the previous sentence's subject, as
    // "he" and "she" do (see `find_person`).
    if let ([w @ Want::Singular], "it" | "its") = (wants, sc.norm(before)) {
        if cur.iter().all(|a| a.res[0].code.is_empty()) {
            let near = mem.sent.saturating_sub(COREF_WINDOW);
            let mut best: Option<&Ante> = None;
            for a in mem.antes.iter().rev().take_while(|a| a.sent >= near) {
                if best.is_some_and(|b| b.sent != a.sent) {
                    break;
                }
                if compatible(sc.lex, a, w) {
                    best = Some(a);
                }
            }
            return best
                .filter(|a| !a.res[0].code.is_empty())
                .map(|a| (a.clone(), w.clone()));
        }
    }
    // "The United States expressed support for Manila and criticized what it called
    // China's dangerous actions", "… met Manila officials and said it would send
    // warships": a subject pronoun of the one who calls something so, or of a promise
    // said after a coordinated act, is the sentence's subject — its first mention —
    // not the actor named last.
    if let [w @ (Want::Singular | Want::Plural)] = wants {
        if binds_to_subject(sc, before) {
            // "they": the coordinated subject (its conjuncts come first).
            let first = if matches!(w, Want::Plural) {
                cur.iter().find(|a| compatible(sc.lex, a, w))
            } else {
                cur.first().filter(|a| compatible(sc.lex, a, w))
            };
            if let Some(first) = first {
                if !first.res[0].code.is_empty() {
                    return Some((first.clone(), w.clone()));
                }
            }
        }
    }
    // A mention with the same head ("the ministry" → "the Russian foreign ministry")
    // beats a more recent one that only shares the sector.
    if let Some(w) = wants.iter().find(|w| matches!(w, Want::Head(..))) {
        let near = mem.sent.saturating_sub(COREF_WINDOW);
        let same = cur
            .iter()
            .rev()
            .chain(mem.antes.iter().rev().take_while(|a| a.sent >= near))
            .find(|a| compatible(sc.lex, a, w));
        if let Some(a) = same {
            return Some((a.clone(), w.clone()));
        }
    }
    let named = wants.iter().any(Want::far);
    let window = if named { NAMED_WINDOW } else { COREF_WINDOW };
    let min_sent = mem.sent.saturating_sub(window);
    let near = mem.sent.saturating_sub(COREF_WINDOW);
    // "Cameroon's ministry official says they are negotiating …": once the sentence
    // has named an actor, "they" is not the states an earlier sentence listed.
    let named_here = cur.iter().any(|a| !a.res[0].code.is_empty());
    for a in cur
        .iter()
        .rev()
        .chain(mem.antes.iter().rev().take_while(|a| a.sent >= min_sent))
    {
        if named_here && a.head == "and" && a.sent < mem.sent {
            continue;
        }
        for w in wants {
            // Only named descriptions look beyond the pronoun window.
            if a.sent < near && !w.far() {
                continue;
            }
            if compatible(sc.lex, a, w) {
                if a.res[0].code.is_empty() {
                    return None;
                }
                return Some((a.clone(), w.clone()));
            }
        }
    }
    None
}

/// Whether the subject pronoun at `p` is bound to its sentence's subject by the words
/// around it (see `find_ante`): "what it called / described as …", or "and said it
/// would …" (also after an inserted phrase: "Qatar, which hosted talks between
/// Kinshasa and the M23, said it would …") with a modal or future after it ("… saying it had violated …" often
/// means the object and is left to recency).
fn binds_to_subject(sc: &SentCtx, p: usize) -> bool {
    if p == 0 {
        return false;
    }
    let prev = sc.norm(p - 1);
    let next = sc.norm(p + 1);
    let calling = prev == "what"
        && matches!(
            next,
            "called"
                | "calls"
                | "described"
                | "describes"
                | "termed"
                | "terms"
                | "dubbed"
                | "branded"
                | "labeled"
                | "labelled"
                | "characterized"
                | "considers"
                | "considered"
                | "sees"
                | "saw"
        );
    // "Mali and Niger, which expelled French troops, said they would …": a subject
    // with a relative clause, then the reporting verb — the pronoun is the subject's,
    // not the relative clause's last actor.
    let report = |w: &str| {
        matches!(
            w,
            "said" | "says" | "announced" | "announces" | "declared" | "insisted" | "warned"
        )
    };
    // "said they", "said that they", "announced in January that they".
    let reported = (report(prev)
        || (prev == "that"
            && (2..=5)
                .take_while(|&d| d <= p && sc.norm(p - d) != ",")
                .any(|d| report(sc.norm(p - d)))))
        && (1..p).any(|k| sc.norm(k - 1) == "," && matches!(sc.norm(k), "which" | "who"));
    // "China, Brazil's largest trading partner, said it opposed …": an apposition set
    // off by commas between the subject and the reporting verb (session 17).
    let apposed = report(prev)
        && p >= 3
        && sc.norm(p - 2) == ","
        && (1..p - 2).any(|k| sc.norm(k) == ",")
        && !(0..p - 2).any(|k| {
            sc.tagged && k < sc.upos.len() && matches!(sc.upos[k], Upos::VERB | Upos::AUX)
        });
    let promise = p >= 2
        && matches!(sc.norm(p - 2), "and" | ",")
        && matches!(
            prev,
            "said" | "says" | "added" | "announced" | "vowed" | "pledged" | "declared"
        )
        && matches!(
            next,
            "would" | "will" | "could" | "can" | "'ll" | "plans" | "planned" | "intends"
        );
    // "… accused India of initiating the firing and said its troops had killed four
    // Indian soldiers": the reporting subject's own troops.
    let own = p >= 2
        && matches!(sc.norm(p), "its" | "their")
        && matches!(sc.norm(p - 2), "and" | ",")
        && matches!(prev, "said" | "says" | "added" | "announced");
    calling || promise || reported || apposed || own
}

/// The person "he", "she" or "him" at `p` refers to (see [`Want::Person`]).
///
/// Two rules of thumb of coreference, besides recency and gender: a subject pronoun
/// with no candidate earlier in its own sentence takes the *first* person of the
/// nearest sentence that has one — the subject, which the story is following ("Xi met
/// Lula in Beijing. He pledged …" is Xi); and an object pronoun is never the person
/// its own sentence has already named ("Modi urged him" is not Modi).
fn find_person(
    sc: &SentCtx,
    mem: &Memory,
    found: &[Found],
    p: usize,
    g: Option<Gender>,
) -> Option<Ante> {
    let want = Want::Person(g);
    let object = matches!(sc.norm(p), "him" | "her");
    let cur = antes_before(sc, mem, found, p);
    // The codes of the people this sentence has named: an object pronoun is someone
    // else.
    let taken: Vec<&str> = if object {
        cur.iter()
            .filter(|a| compatible(sc.lex, a, &Want::Person(None)))
            .map(|a| a.res[0].code.as_str())
            .collect()
    } else {
        Vec::new()
    };
    let ok = |a: &Ante| compatible(sc.lex, a, &want) && !taken.contains(&a.res[0].code.as_str());
    let near = mem.sent.saturating_sub(COREF_WINDOW);
    let earlier = mem.antes.iter().rev().take_while(|a| a.sent >= near);
    let pick = if let Some(a) = cur.iter().rev().find(|a| ok(a)) {
        Some(a)
    } else if object {
        earlier.clone().find(|a| ok(a))
    } else {
        // The first candidate of the nearest sentence that has one.
        let mut best: Option<&Ante> = None;
        for a in earlier {
            if best.is_some_and(|b| b.sent != a.sent) {
                break;
            }
            if ok(a) {
                best = Some(a);
            }
        }
        best
    }?;
    (!pick.res[0].code.is_empty()).then(|| pick.clone())
}

/// "his government", "her ministry", "its foreign ministry", "their governments",
/// "his U.N. mission": a possessive pronoun before a title gives the title the
/// country (or organisation, or group) of the pronoun's referent, as "Erdogan's
/// government" would. "his" and "her" refer to the most recent person or title of one
/// person ("Iran's U.N. ambassador … his mission"), "its" and "their" as "it" and
/// "they" do. Not "his counterpart": that is the other side.
fn pronoun_title(
    sc: &SentCtx,
    mem: &Memory,
    found: &[Found],
    p: usize,
) -> Option<(usize, Vec<Res>)> {
    let w = sc.norm(p);
    if !matches!(w, "his" | "her" | "its" | "their") || sc.hit(p).is_some() {
        return None;
    }
    // "Armenia accused Azerbaijan … Its neighbour denied": the other state.
    if w == "its" && matches!(sc.norm(p + 1), "neighbour" | "neighbor") {
        let own = find_ante(sc, mem, found, p, &[Want::Singular])?.0.res[0]
            .country
            .clone()?;
        let near = mem.sent.saturating_sub(COREF_WINDOW);
        let other = antes_before(sc, mem, found, p)
            .iter()
            .rev()
            .chain(mem.antes.iter().rev().take_while(|a| a.sent >= near))
            .find(|a| {
                let r = &a.res[0];
                a.res.len() == 1
                    && matches!(r.kind, MentionKind::State | MentionKind::Government)
                    && r.country.as_ref().is_some_and(|c| *c != own)
            })?
            .res[0]
            .country
            .clone()?;
        return Some((p + 2, vec![state_res(sc.lex, &other)]));
    }
    let (end, sector) = sc.agents_from_ex(p + 1, true)?;
    if (p + 1..end).any(|i| matches!(sc.norm(i), "counterpart" | "counterparts")) {
        return counterpart(sc, mem, found, p, end, &sector);
    }
    // "closed its embassy in Niger", "recalled its ambassador from Belarus": a post
    // abroad stands for the relation with the host, which the coder reads from the
    // rest of the clause; only a post at an organisation ("his U.N. mission") is
    // resolved here.
    let post = (p + 1..end).any(|i| DIPLOMATIC_POSTS.contains(&sc.norm(i)));
    if post && !(p + 1..end).any(|i| sc.hit(i).is_some_and(|h| sc.is_igo_hit(h))) {
        return None;
    }
    let ante = match w {
        "his" | "her" => {
            let cur = antes_before(sc, mem, found, p);
            let near = mem.sent.saturating_sub(COREF_WINDOW);
            let a = cur
                .iter()
                .rev()
                .chain(mem.antes.iter().rev().take_while(|a| a.sent >= near))
                .find(|a| {
                    let r = &a.res[0];
                    r.kind == MentionKind::Person || (r.kind == MentionKind::Agent && !a.plural)
                })?;
            a.clone()
        }
        "its" => find_ante(sc, mem, found, p, &[Want::Singular])?.0,
        _ => find_ante(sc, mem, found, p, &[Want::Plural])?.0,
    };
    let rs: Vec<Res> = ante
        .res
        .iter()
        .filter_map(qual_of_res)
        .map(|q| {
            let mut r = qual_with_sector(sc.lex, &q, &sector, sc.date);
            r.by = ResolvedBy::Context;
            r
        })
        .collect();
    (!rs.is_empty()).then_some((end, rs))
}

/// "his counterpart", "her counterpart" (nothing between): the other side — the most
/// recent state, government or official of another country than the person "his"
/// refers to ("Turkey's foreign minister visited Baghdad. He told his counterpart …"
/// is Iraq's). Nothing when the possessor or another country is not known.
fn counterpart(
    sc: &SentCtx,
    mem: &Memory,
    found: &[Found],
    p: usize,
    end: usize,
    sector: &str,
) -> Option<(usize, Vec<Res>)> {
    if !matches!(sc.norm(p), "his" | "her") || end != p + 2 || sc.norm(p + 1) != "counterpart" {
        return None;
    }
    let cur = antes_before(sc, mem, found, p);
    let near = mem.sent.saturating_sub(COREF_WINDOW);
    let mut antes = cur
        .iter()
        .rev()
        .chain(mem.antes.iter().rev().take_while(|a| a.sent >= near));
    let owner = antes
        .clone()
        .find(|a| compatible(sc.lex, a, &Want::Person(None)))?;
    let own = owner.res[0].country.clone()?;
    let other = antes.find(|a| {
        let r = &a.res[0];
        a.res.len() == 1
            && !a.plural
            && !r.code.is_empty()
            && matches!(
                r.kind,
                MentionKind::Person
                    | MentionKind::Agent
                    | MentionKind::Government
                    | MentionKind::State
            )
            && r.country.as_ref().is_some_and(|c| *c != own)
    })?;
    let c = other.res[0].country.clone()?;
    Some((
        end,
        vec![Res {
            kind: MentionKind::Agent,
            code: sector_code(sc.lex, &c, sector, sc.date),
            country: Some(c),
            sector: Some(sector.to_string()),
            actor_id: None,
            by: ResolvedBy::Context,
        }],
    ))
}

/// Titles of diplomatic posts (see [`pronoun_title`]).
const DIPLOMATIC_POSTS: &[&str] = &[
    "embassy",
    "embassies",
    "consulate",
    "consulates",
    "ambassador",
    "ambassadors",
    "envoy",
    "envoys",
    "mission",
    "missions",
    "diplomat",
    "diplomats",
    "charge",
    "commission",
    "delegation",
];

/// A pronoun or definite description at token `p`: its end and what it wants.
fn anaphor_at(sc: &SentCtx, p: usize) -> Option<(usize, Vec<Want>)> {
    let w = sc.norm(p);
    match w {
        "he" | "him" => return Some((p + 1, vec![Want::Person(Some(Gender::Male))])),
        "she" => return Some((p + 1, vec![Want::Person(Some(Gender::Female))])),
        // "urged her to …": "her" as an object (before a title it is a possessive,
        // `pronoun_title`; before another noun, no mention).
        "her" if OBJECT_NEXT.contains(&sc.norm(p + 1)) => {
            return Some((p + 1, vec![Want::Person(Some(Gender::Female))]))
        }
        "it" => {
            let next = sc.norm(p + 1);
            let next2 = format!("{next} {}", sc.norm(p + 2));
            if EXPLETIVE_NEXT.contains(&next) || EXPLETIVE_NEXT.contains(&next2.as_str()) {
                return None;
            }
            return Some((p + 1, vec![Want::Singular]));
        }
        "they" | "them" => return Some((p + 1, vec![Want::Plural])),
        "the" => {}
        // "Council members Greece and Panama…" after the Security Council: a bare
        // capitalised head ("Council", "Court", "Agency") that is not part of a longer
        // name refers back like "the Council".
        _ if sc.toks[p].cap_initial
            && sc
                .hit(p)
                .is_none_or(|h| matches!(h.target, Target::Agent { .. }))
            && (p == 0 || !is_cap_word(&sc.toks[p - 1]))
            && !sc.toks.get(p + 1).is_some_and(is_cap_word)
            && sc.norm(p + 1) != "of" =>
        {
            let words = named_head(w)?;
            return Some((p + 1, vec![Want::Named(words)]));
        }
        _ => return None,
    }
    if let Some(r) = host_or_visitor(sc, p) {
        return Some(r);
    }
    // "the South American country", "the Gulf kingdom", "the island": a state of a
    // kind (regions.rs).
    if let Some(r) = state_description(sc, p) {
        return Some(r);
    }
    let mut q = p + 1;
    // One modifier before a head ("the militant group", "the leftist leader"); a word
    // that is a head itself ends the description when no head follows ("the military
    // accused …"). Not "the former president": someone else.
    let head_at =
        |i: usize| DEF_HEADS.iter().any(|(h, _)| *h == sc.norm(i)) || sc.is_agent(i).is_some();
    let modifier = DEF_MODIFIERS.contains(&sc.norm(q))
        || (sc.tagged
            && q < sc.upos.len()
            && (sc.upos[q] == Upos::ADJ
                || (sc.upos[q] == Upos::NOUN && sc.is_agent(q + 1).is_some())));
    if modifier
        && !NOT_SAME.contains(&sc.norm(q))
        && head_at(q + 1)
        && !sc
            .toks
            .get(q)
            .is_some_and(|t| t.cap_initial && sc.norm(q) != "the")
    {
        q += 1;
    }
    // The head ends the description; "of" after it ("the country of Mali") names the
    // referent, which the other rules handle.
    let head = sc.norm(q);
    let named_after = |e: usize| {
        sc.norm(e) == "of"
            && (sc.hit(e + 1).is_some() || (sc.norm(e + 1) == "the" && sc.hit(e + 2).is_some()))
    };
    if named_after(q + 1) {
        return None;
    }
    if let Some((_, wants_of)) = DEF_HEADS.iter().find(|(h, _)| *h == head) {
        // A named referent of the head's kind first ("the court" → the ICJ named
        // earlier), then the generic kinds.
        let mut wants: Vec<Want> = named_head(head).map(Want::Named).into_iter().collect();
        wants.extend(wants_of.iter().cloned());
        match sc.hit(q).map(|h| h.target) {
            None => {}
            // "the court" is also a title (JUD): a matching title may be the referent.
            Some(Target::Agent { .. }) => {
                if let Some((_, sector)) = sc.agents_from(q) {
                    wants.push(Want::Sector(sector));
                }
            }
            Some(_) => return None,
        }
        return Some((q + 1, wants));
    }
    // "the militants", "the army", "the ministry": a title alone after "the".
    if sc.is_agent(q).is_some() {
        let (end, sector) = sc.agents_from(q)?;
        // "The Foreign Ministry in Port Sudan": the place names a state organ's
        // country, as "of" does (session 17; it had taken up Kenya's foreign ministry).
        // Not armed groups': "the insurgents in Qatar's capital" are still the Taliban.
        let organ_placed = sc.place_after(end).is_some()
            && !matches!(sector.as_str(), "REB" | "INS" | "SEP" | "CRM");
        if named_after(end) || sc.name_at(end).is_some() || organ_placed {
            return None;
        }
        // "the judges", "the mission": a named court or mission first.
        let mut wants: Vec<Want> = named_head(sc.norm(end - 1))
            .map(Want::Named)
            .into_iter()
            .collect();
        if matches!(sector.as_str(), "REB" | "INS" | "SEP") {
            wants.push(Want::Group);
        } else {
            if let Some(words) = same_heads(sc.norm(end - 1)) {
                wants.push(Want::Head(words, sector.clone()));
            }
            wants.push(Want::Sector(sector));
        }
        return Some((end, wants));
    }
    None
}

/// Heads that name the same kind of actor ("the envoy" may take up "the French
/// ambassador"; "the junta" "Niger's military government").
const HEAD_GROUPS: &[&[&str]] = &[
    &["ambassador", "envoy", "ambassadors", "envoys"],
    &["ministry"],
    &["minister"],
    &["embassy"],
    &["army", "military"],
    &["police"],
    &[
        "junta",
        "regime",
        "government",
        "administration",
        "rulers",
        "leadership",
    ],
    &["spokesman", "spokeswoman", "spokesperson"],
    &["delegation", "delegates"],
    &["parliament", "lawmakers", "legislature"],
    &["president"],
    &["navy"],
    &["coast", "guard"],
];

fn same_heads(head: &str) -> Option<&'static [&'static str]> {
    HEAD_GROUPS.iter().copied().find(|g| g.contains(&head))
}

/// "the host country/nation/government", "the hosts"; "the visiting delegation",
/// "the visiting minister": the place of the visit and the visitor the previous
/// sentences named.
fn host_or_visitor(sc: &SentCtx, p: usize) -> Option<(usize, Vec<Want>)> {
    match sc.norm(p + 1) {
        "host" | "hosting" => match sc.norm(p + 2) {
            "country" | "nation" | "state" => Some((p + 3, vec![Want::Host])),
            _ => None,
        },
        "hosts" => Some((p + 2, vec![Want::Host])),
        "visiting" => {
            sc.is_agent(p + 2)?;
            let (end, sector) = sc.agents_from(p + 2)?;
            if sc.name_at(end).is_some() {
                return None;
            }
            Some((end, vec![Want::Visitor(sector)]))
        }
        _ => None,
    }
}

/// Heads of a description of a state ("the … country"). `state`, `democracy` and
/// `power` only after a modifier ("the Gulf state", not "the state media").
const STATE_HEADS: &[&str] = &[
    "country",
    "nation",
    "republic",
    "kingdom",
    "monarchy",
    "emirate",
    "sultanate",
    "principality",
    "island",
    "archipelago",
    "state",
    "democracy",
    "power",
];

/// Lower-case traits that may describe the state a story is about without saying
/// which kinds of state have them ("the war-torn country", "the reclusive state"):
/// they leave the referent to the nearest state.
const TRAIT_MODIFIERS: &[&str] = &[
    "war-torn",
    "war-ravaged",
    "war-battered",
    "conflict-hit",
    "conflict-torn",
    "conflict-ridden",
    "conflict-wracked",
    "strife-torn",
    "crisis-hit",
    "crisis-stricken",
    "coup-hit",
    "coup-prone",
    "junta-led",
    "junta-ruled",
    "military-ruled",
    "military-led",
    "sanctions-hit",
    "cash-strapped",
    "debt-laden",
    "debt-ridden",
    "drought-hit",
    "quake-hit",
    "earthquake-hit",
    "flood-hit",
    "impoverished",
    "poor",
    "small",
    "tiny",
    "vast",
    "populous",
    "wealthy",
    "rich",
    "resource-rich",
    "mineral-rich",
    "gas-rich",
    "reclusive",
    "isolated",
    "secretive",
    "nuclear-armed",
    "muslim-majority",
    "troubled",
    "fragile",
    "embattled",
    "beleaguered",
    "authoritarian",
    "neutral",
];

/// A trait modifier at `i` ("war-torn" is three lexicon tokens): its end.
fn trait_at(sc: &SentCtx, i: usize) -> Option<usize> {
    if sc.toks.get(i).is_none_or(|t| t.cap_initial) {
        return None;
    }
    let w = sc.norm(i);
    if sc.norm(i + 1) == "-" {
        let joined = format!("{w}-{}", sc.norm(i + 2));
        if TRAIT_MODIFIERS.contains(&joined.as_str()) {
            return Some(i + 3);
        }
    }
    TRAIT_MODIFIERS.contains(&w).then_some(i + 1)
}

/// "the South American country", "the impoverished West African nation", "the Gulf
/// kingdom", "the island", "the former Soviet republic", "the reclusive state", "the
/// Communist leadership": "the", modifiers naming kinds of state (regions.rs) or
/// traits, and a state head (or a title, which then takes the state's sector). The
/// referent must belong to every kind named; with none named, the nearest state.
/// `None` when the words are a name ("the Arab League", "the Central African
/// Republic", "the Kingdom of Saudi Arabia") or no description of a state.
fn state_description(sc: &SentCtx, p: usize) -> Option<(usize, Vec<Want>)> {
    let reg = regions();
    let mut q = p + 1;
    let mut set: Option<Vec<String>> = None;
    let mut mods = 0;
    let narrow = |set: &mut Option<Vec<String>>, s: &[String]| {
        *set = Some(match set.take() {
            None => s.to_vec(),
            Some(v) => v.into_iter().filter(|c| s.contains(c)).collect(),
        });
    };
    while mods < 4 {
        // "the island accused …": a word that is both a modifier and a head is the
        // head when no head follows it.
        let head_here = reg.head(sc.norm(q)).is_some()
            && !STATE_HEADS.contains(&sc.norm(q + 1))
            && sc.is_agent(q + 1).is_none();
        if let Some((e, s)) = reg.modifier_at(&sc.toks, q).filter(|_| !head_here) {
            // A name of the lexicon that goes on past the modifier is a name.
            if (q..e).any(|i| {
                sc.hit(i)
                    .is_some_and(|h| h.end > e && !matches!(h.target, Target::Agent { .. }))
            }) {
                return None;
            }
            narrow(&mut set, s);
            q = e;
        } else if let Some(e) = trait_at(sc, q) {
            q = e;
        } else {
            break;
        }
        mods += 1;
    }
    let head = sc.norm(q);
    // "the Kingdom of Saudi Arabia", "the Republic of Korea": named, not described.
    if sc.norm(q + 1) == "of" || sc.norm(q + 1) == "-" {
        return None;
    }
    if let Some(h) = sc.hit(q) {
        if !matches!(h.target, Target::Agent { .. }) {
            return None;
        }
        // "the Communist leadership", "the Sahel junta": the title takes the sector of
        // a state of that kind.
        let set = set?;
        let (end, sector) = sc.agents_from(q)?;
        if sc.name_at(end).is_some() {
            return None;
        }
        return Some((end, vec![Want::SectorIn(sector, set)]));
    }
    if !STATE_HEADS.contains(&head) {
        return None;
    }
    // "the archipelago nation", "the island state": the first head describes the second.
    let (head, q) = match sc.norm(q + 1) {
        "nation" | "country" | "state" if reg.head(head).is_some() => {
            if let Some(s) = reg.head(head) {
                narrow(&mut set, s);
            }
            mods += 1;
            (sc.norm(q + 1), q + 1)
        }
        _ => (head, q),
    };
    if sc.norm(q + 1) == "of" {
        return None;
    }
    if let Some(s) = reg.head(head) {
        // "the Hermit Kingdom" is no monarchy: the head's kind narrows the modifiers'
        // only when some state is of both.
        if set.as_ref().is_none_or(|v| v.iter().any(|c| s.contains(c))) {
            narrow(&mut set, s);
        }
    } else if mods == 0 {
        // "the country", "the nation": the generic rules below.
        return None;
    }
    let want = match set {
        Some(s) if mods == 0 => Want::StateNear(s),
        Some(s) => Want::StateIn(s),
        None => Want::State,
    };
    Some((q + 1, vec![want]))
}

/// Resolve a pronoun or definite description at `p` against the article so far
/// (resolved_by Context). `None` leaves the words to the other rules.
fn coref_at(sc: &SentCtx, mem: &Memory, found: &[Found], p: usize) -> Option<(usize, Vec<Res>)> {
    let (end, wants) = anaphor_at(sc, p)?;
    let found_ante = match wants.as_slice() {
        [w @ Want::Person(g)] => find_person(sc, mem, found, p, *g).map(|a| (a, w.clone())),
        _ => find_ante(sc, mem, found, p, &wants),
    };
    let (ante, want) = match found_ante {
        Some(x) => x,
        // "the Hermit Kingdom": a kind with one member names it.
        None => match wants.as_slice() {
            [Want::StateIn(set)] if set.len() == 1 => {
                let mut r = state_res(sc.lex, &set[0]);
                r.by = ResolvedBy::Lexicon;
                return Some((end, vec![r]));
            }
            _ => return None,
        },
    };
    // "The government", "the crowd" whose only link to an earlier mention is its
    // sector ("Uganda's president warned … The government deployed the army" in a
    // Kenyan story): a foreign reaction in between does not move the story; the
    // story's own country does (setting.rs), through the agent rules.
    // "The junta" is the exception: news from a neighbour's capital ("BANGKOK —" on
    // Myanmar) takes up the military government named before, not the dateline's.
    if matches!(want, Want::Sector(_))
        && sc.norm(end - 1) != "junta"
        && ante.sent < mem.sent
        && sc
            .inferred_country()
            .is_some_and(|h| ante.res[0].country.as_deref() != Some(h.as_str()))
    {
        return None;
    }
    let out = match want {
        Want::State | Want::StateIn(_) | Want::StateNear(_) | Want::Host => {
            let c = ante.res[0].country.clone()?;
            let st = sc.lex.state_actor(&c);
            vec![Res {
                kind: MentionKind::State,
                code: st
                    .map(|x| x.code.clone())
                    .unwrap_or_else(|| crate::lexicon::cameo_of(&c)),
                country: Some(c),
                sector: None,
                actor_id: st.map(|x| x.id.clone()),
                by: ResolvedBy::Context,
            }]
        }
        Want::Sector(s) | Want::SectorIn(s, _) | Want::Head(_, s) | Want::Visitor(s) => {
            let r = &ante.res[0];
            let c = r.country.clone()?;
            vec![Res {
                kind: MentionKind::Agent,
                code: if r.sector.as_deref() == Some(s.as_str()) && r.kind != MentionKind::Person {
                    r.code.clone()
                } else {
                    sector_code(sc.lex, &c, &s, sc.date)
                },
                country: Some(c),
                sector: Some(s),
                actor_id: None,
                by: ResolvedBy::Context,
            }]
        }
        Want::Bloc => {
            let r = &ante.res[0];
            let own = r
                .actor_id
                .as_deref()
                .filter(|id| id.starts_with("igo:"))
                .map(str::to_string)
                .unwrap_or_else(|| format!("igo:{}", r.code));
            let igo = sc.lex.actor_by_id(&own)?;
            let whole = igo
                .parent
                .as_deref()
                .and_then(|p| sc.lex.actor_by_id(p))
                .unwrap_or(igo);
            vec![Res {
                kind: MentionKind::Igo,
                code: whole.code.clone(),
                country: None,
                sector: whole.sector.clone(),
                actor_id: Some(whole.id.clone()),
                by: ResolvedBy::Context,
            }]
        }
        _ => ante
            .res
            .iter()
            .map(|r| Res {
                by: ResolvedBy::Context,
                ..r.clone()
            })
            .collect(),
    };
    Some((end, out))
}
