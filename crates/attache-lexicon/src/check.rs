//! `attache actors check`: consistency checks over the loaded lexicon.
//!
//! Why a checker and not load errors: most of these are judgement calls on data written
//! by several people (an alias shared by two entries may be intended when dates
//! separate them). Loading stays permissive; CI runs the checker and requires it clean.

use crate::lexicon::{agent_forms, Lexicon, NameHow};
use crate::model::{ActorKind, Origin, Period};
use crate::token::key_of;
use attache_core::country;
use std::collections::HashMap;

/// What kind of problem.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ProblemKind {
    DuplicateId,
    ConflictingAlias,
    MissingCode,
    UnknownCountry,
    OverlappingOffice,
    OverlappingDatedName,
    BadPeriod,
    MalformedLine,
}

/// One problem, with where it is.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    pub kind: ProblemKind,
    pub origin: Option<Origin>,
    pub message: String,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.origin {
            Some(o) => write!(f, "{o}: {:?}: {}", self.kind, self.message),
            None => write!(f, "{:?}: {}", self.kind, self.message),
        }
    }
}

/// Offices with one holder per state at a time.
const SINGLE_HOLDER: &[&str] = &[
    "president",
    "prime minister",
    "foreign minister",
    "chancellor",
    "king",
    "queen",
    "emir",
    "supreme leader",
    "secretary of state",
    "foreign secretary",
    "external affairs minister",
    "vice president",
];

fn p(kind: ProblemKind, origin: &Origin, message: String) -> Problem {
    Problem {
        kind,
        origin: Some(origin.clone()),
        message,
    }
}

impl Lexicon {
    /// Run every check; an empty result means the lexicon is clean.
    pub fn check(&self) -> Vec<Problem> {
        let mut out: Vec<Problem> = self.warnings.clone();
        // The region table of definite descriptions ("the Gulf kingdom").
        out.extend(crate::regions::check_regions());
        // Duplicate ids.
        let mut ids: HashMap<&str, &Origin> = HashMap::new();
        let all_ids = self
            .actors
            .iter()
            .map(|a| (a.id.as_str(), &a.origin))
            .chain(self.people.iter().map(|x| (x.id.as_str(), &x.origin)));
        for (id, o) in all_ids {
            if let Some(first) = ids.insert(id, o) {
                out.push(p(
                    ProblemKind::DuplicateId,
                    o,
                    format!("id {id:?} is already used at {first}"),
                ));
            }
        }
        // Codes and countries.
        for a in &self.actors {
            if a.code.trim().is_empty() {
                out.push(p(
                    ProblemKind::MissingCode,
                    &a.origin,
                    format!("{} has no code", a.id),
                ));
            }
            for c in a.country.iter().chain(a.governs.iter()) {
                if country::by_code(c).is_none() {
                    out.push(p(
                        ProblemKind::UnknownCountry,
                        &a.origin,
                        format!(
                            "{}: country {c:?} is not in data/lexicon/countries.tsv",
                            a.id
                        ),
                    ));
                }
            }
            match a.kind {
                ActorKind::State => match a.country.as_deref().and_then(country::by_code) {
                    None if a.country.is_none() => out.push(p(
                        ProblemKind::MissingCode,
                        &a.origin,
                        format!("state {} has no country", a.id),
                    )),
                    Some(c) if c.cameo != a.code => out.push(p(
                        ProblemKind::MissingCode,
                        &a.origin,
                        format!(
                            "state {}: code {:?} is not the CAMEO code {:?} of {}",
                            a.id, a.code, c.cameo, c.iso3
                        ),
                    )),
                    _ => {}
                },
                ActorKind::Government if a.country.is_none() && a.governs.is_none() => out.push(p(
                    ProblemKind::MissingCode,
                    &a.origin,
                    format!("government {} has neither `country` nor `governs`", a.id),
                )),
                _ => {}
            }
            if let Some(par) = &a.parent {
                if self.actor_by_id(par).is_none() {
                    out.push(p(
                        ProblemKind::MissingCode,
                        &a.origin,
                        format!("{}: parent {par:?} is not an actor id", a.id),
                    ));
                }
            }
            check_period(&mut out, &a.origin, &a.id, &a.period);
            // Dated names of one entry.
            for (i, (n1, p1)) in a.dated_names.iter().enumerate() {
                check_period(&mut out, &a.origin, n1, p1);
                for (n2, p2) in &a.dated_names[i + 1..] {
                    if key_of(n1) == key_of(n2) && p1.overlaps(p2) {
                        out.push(p(
                            ProblemKind::OverlappingDatedName,
                            &a.origin,
                            format!(
                                "{}: dated name {n1:?} has overlapping ranges {p1} and {p2}",
                                a.id
                            ),
                        ));
                    }
                }
            }
        }
        for person in &self.people {
            for o in &person.offices {
                check_period(&mut out, &person.origin, &person.id, &o.period);
                if let Some(c) = &o.country {
                    if country::by_code(c).is_none() {
                        out.push(p(
                            ProblemKind::UnknownCountry,
                            &person.origin,
                            format!(
                                "{}: office country {c:?} is not in countries.tsv",
                                person.id
                            ),
                        ));
                    }
                }
            }
            for o in &person.offices {
                if let Some(igo) = &o.igo {
                    let known = self
                        .actors
                        .iter()
                        .any(|a| a.kind == ActorKind::Igo && &a.code == igo);
                    if !known {
                        out.push(p(
                            ProblemKind::MissingCode,
                            &person.origin,
                            format!(
                                "{}: office igo {igo:?} is not the code of an IGO in the lexicon",
                                person.id
                            ),
                        ));
                    }
                }
                if o.igo.is_none() && o.country.is_none() {
                    out.push(p(
                        ProblemKind::MissingCode,
                        &person.origin,
                        format!(
                            "{}: office {:?} has neither `country` nor `igo`",
                            person.id, o.role
                        ),
                    ));
                }
            }
            if person.names.is_empty() {
                out.push(p(
                    ProblemKind::MissingCode,
                    &person.origin,
                    format!("{} has no names", person.id),
                ));
            }
        }
        // Conflicting aliases: the same phrase for entries with different codes whose
        // periods overlap.
        #[derive(Clone)]
        struct Use<'a> {
            who: &'a str,
            code: String,
            period: Period,
            origin: &'a Origin,
        }
        let mut uses: HashMap<String, Vec<Use>> = HashMap::new();
        for a in &self.actors {
            let mut push = |n: &str, how: NameHow, period: Period| {
                let code = match how {
                    NameHow::Seat => format!("{}GOV", a.code),
                    _ => a.code.clone(),
                };
                uses.entry(key_of(n)).or_default().push(Use {
                    who: &a.id,
                    code,
                    period,
                    origin: &a.origin,
                });
            };
            for n in a.names.iter().chain(&a.adjectives).chain(&a.demonyms) {
                push(n, NameHow::Name, a.period);
            }
            for n in &a.seats {
                push(n, NameHow::Seat, a.period);
            }
            for n in &a.places {
                push(n, NameHow::Name, a.period);
            }
            for (n, dp) in &a.dated_names {
                let per = Period {
                    from: dp.from.max(a.period.from),
                    until: min_until(dp.until, a.period.until),
                };
                push(n, NameHow::DatedName(0), per);
            }
        }
        for person in &self.people {
            for n in &person.names {
                uses.entry(key_of(n)).or_default().push(Use {
                    who: &person.id,
                    code: person.id.clone(),
                    period: Period::default(),
                    origin: &person.origin,
                });
            }
        }
        let mut keys: Vec<&String> = uses.keys().collect();
        keys.sort();
        for k in keys {
            let v = &uses[k];
            let mut seen: Vec<(&str, &str)> = Vec::new();
            for (i, a) in v.iter().enumerate() {
                for b in &v[i + 1..] {
                    if a.who != b.who
                        && a.code != b.code
                        && a.period.overlaps(&b.period)
                        && !seen.contains(&(a.who, b.who))
                    {
                        seen.push((a.who, b.who));
                        out.push(p(
                            ProblemKind::ConflictingAlias,
                            b.origin,
                            format!(
                                "{k:?} names both {} ({}, {}, at {}) and {} ({}, {}); separate them with dates or drop one",
                                a.who, a.code, a.period, a.origin, b.who, b.code, b.period
                            ),
                        ));
                    }
                }
            }
        }
        // Agent words mapped to two sectors (our own files only).
        let mut agent_sector: HashMap<String, (&str, &Origin)> = HashMap::new();
        for ag in self.agents.iter().filter(|a| a.code.is_none()) {
            for w in &ag.words {
                for f in agent_forms(w) {
                    let k = key_of(&f);
                    match agent_sector.get(&k) {
                        Some((s, o)) if *s != ag.sector => out.push(p(
                            ProblemKind::ConflictingAlias,
                            &ag.origin,
                            format!("agent word {k:?} is {} here and {s} at {o}", ag.sector),
                        )),
                        Some(_) => {}
                        None => {
                            agent_sector.insert(k, (&ag.sector, &ag.origin));
                        }
                    }
                }
            }
        }
        // Overlapping single-holder offices.
        type Holders<'a> = HashMap<(String, String), Vec<(&'a str, Period, &'a Origin)>>;
        let mut holders: Holders = HashMap::new();
        for person in &self.people {
            for o in &person.offices {
                let role = o.role.trim().to_lowercase();
                if SINGLE_HOLDER.contains(&role.as_str()) {
                    if let Some(c) = &o.country {
                        holders.entry((c.clone(), role)).or_default().push((
                            &person.id,
                            o.period,
                            &person.origin,
                        ));
                    }
                }
            }
        }
        let mut hk: Vec<_> = holders.keys().cloned().collect();
        hk.sort();
        for k in hk {
            let v = &holders[&k];
            for (i, a) in v.iter().enumerate() {
                for b in &v[i + 1..] {
                    if a.0 != b.0 && a.1.overlaps(&b.1) {
                        out.push(p(
                            ProblemKind::OverlappingOffice,
                            b.2,
                            format!(
                                "{} of {}: {} ({}) and {} ({}) overlap; close the earlier term with `until`",
                                k.1, k.0, a.0, a.1, b.0, b.1
                            ),
                        ));
                    }
                }
            }
        }
        out
    }
}

fn min_until(
    a: Option<attache_core::FuzzyDate>,
    b: Option<attache_core::FuzzyDate>,
) -> Option<attache_core::FuzzyDate> {
    match (a, b) {
        (Some(x), Some(y)) => Some(x.min(y)),
        (x, None) => x,
        (None, y) => y,
    }
}

fn check_period(out: &mut Vec<Problem>, o: &Origin, what: &str, per: &Period) {
    if let (Some(f), Some(u)) = (per.from, per.until) {
        if f >= u {
            out.push(p(
                ProblemKind::BadPeriod,
                o,
                format!("{what}: `from` {f} is not before `until` {u}"),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(t: &str) -> Vec<ProblemKind> {
        let lex = Lexicon::builder()
            .without_country_table()
            .add_toml_str("t.toml", t)
            .unwrap()
            .build()
            .unwrap();
        lex.check().into_iter().map(|p| p.kind).collect()
    }

    #[test]
    fn finds_each_kind() {
        let dup = "[[actor]]\nid=\"state:PAK\"\nkind=\"state\"\ncountry=\"PAK\"\nnames=[\"Pakistan\"]\n[[actor]]\nid=\"state:PAK\"\nkind=\"state\"\ncountry=\"PAK\"\n";
        assert!(kinds(dup).contains(&ProblemKind::DuplicateId));
        let conflict = "[[actor]]\nid=\"group:a\"\nkind=\"group\"\ncode=\"A\"\nnames=[\"The Front\"]\n[[actor]]\nid=\"group:b\"\nkind=\"group\"\ncode=\"B\"\nnames=[\"the front\"]\n";
        assert_eq!(kinds(conflict), [ProblemKind::ConflictingAlias]);
        let separated = "[[actor]]\nid=\"group:a\"\nkind=\"group\"\ncode=\"A\"\nuntil=\"2021-08-15\"\nnames=[\"X\"]\n[[actor]]\nid=\"group:b\"\nkind=\"group\"\ncode=\"B\"\nfrom=\"2021-08-15\"\nnames=[\"X\"]\n";
        assert!(kinds(separated).is_empty());
        let unknown =
            "[[actor]]\nid=\"state:XXX\"\nkind=\"state\"\ncountry=\"QQQ\"\ncode=\"QQQ\"\n";
        assert!(kinds(unknown).contains(&ProblemKind::UnknownCountry));
        let nocode = "[[actor]]\nid=\"group:z\"\nkind=\"group\"\nnames=[\"Zed\"]\n";
        assert_eq!(kinds(nocode), [ProblemKind::MissingCode]);
        let badigo = "[[person]]\nid=\"person:q\"\nnames=[\"Q Q\"]\n[[person.office]]\nigo=\"XYZ\"\nrole=\"chief\"\n";
        assert_eq!(kinds(badigo), [ProblemKind::MissingCode]);
        let offices = "[[person]]\nid=\"person:a\"\nnames=[\"A A\"]\n[[person.office]]\ncountry=\"PAK\"\nrole=\"foreign minister\"\nfrom=\"2024-01-01\"\n[[person]]\nid=\"person:b\"\nnames=[\"B B\"]\n[[person.office]]\ncountry=\"PAK\"\nrole=\"foreign minister\"\nfrom=\"2020-01-01\"\nuntil=\"2024-06-01\"\n";
        assert_eq!(kinds(offices), [ProblemKind::OverlappingOffice]);
        let fixed = offices.replace("2024-06-01", "2024-01-01");
        assert!(kinds(&fixed).is_empty());
        let dated = "[[actor]]\nid=\"state:SWZ\"\nkind=\"state\"\ncountry=\"SWZ\"\n[[actor.dated_names]]\nname=\"Swaziland\"\nuntil=\"2018-04-19\"\n[[actor.dated_names]]\nname=\"Swaziland\"\nfrom=\"2018-01-01\"\n";
        let k = kinds(dated);
        assert!(k.contains(&ProblemKind::OverlappingDatedName), "{k:?}");
    }
}
