//! Force aimed at a place: whom a strike, a barrage or an incursion is against when
//! the sentence names where it lands rather than a party.
//!
//! Why a module of its own: wire copy names the target of force by its landing place —
//! "fired rockets into Israel", "launched about 100 drones toward Israel", "struck
//! military sites near Damascus", "a wave of drone attacks on air bases deep inside
//! Russia". The extractor's core rules take the object as the target, and the object
//! of such verbs is the doer's own instrument ("drones", "missiles", "military sites"
//! with "military" read as an agent word) which the lexicon infers to be of the
//! doer's own country: the event came out as Iran acting on Iran. A state's strike on
//! its own weapons or forces is not news; a cross-border strike is. So, for violence
//! (roots 18–20) by a state-level doer (not an armed group: "gunmen ambushed a
//! Nigerian police patrol" is domestic and stays so) whose only targets are such
//! own instruments, or which has no target at all:
//!
//! * **Landing place** (`landing`): a place of another country introduced by a
//!   preposition of direction or location (into, toward, at, on, onto, inside, over,
//!   near, in, across, against) on the trigger, its object or the noun phrase of the
//!   event, followed down through objects, nominal modifiers and conjuncts but not
//!   into another clause — "toward Israel", "inside Pakistani territory", "on
//!   Hodeidah and other Houthi-held ports". A border is not a landing place ("near
//!   the Afghan border" is where the doer's own troops are), and neither is the
//!   doer's own country.
//! * **The one who reports being hit** (`reporter_hit`): "Ukraine's air force said
//!   Russia launched 598 drones and 31 missiles overnight" — when no landing place is
//!   named and the speaker is the military of another state (an air force, army,
//!   military, defence ministry or command), the speaker's state is the one attacked.
//!   Only for a launch or firing of weapons: "U.S. officials said Israel carried out
//!   the strike" names no victim and stays without one.
//! * **The place named before** (`force_before`): "Russia launched a massive attack on
//!   Ukraine overnight. The Kremlin said the Russian military had struck only military
//!   targets." — a strike that does not restate its place takes the target of the same
//!   state's act of force against another country in the two sentences before, when
//!   the sentence names no other state (an article-level memory kept in lib.rs).
//! * **Own instruments dropped**: otherwise an own-country target that is a weapon or
//!   a force ("drones", "government forces" read as the striker's) is dropped, so the
//!   event has no target rather than a wrong one (precision first; the extractor's
//!   later fallbacks may still find a named party). Own-country people who are not
//!   forces — militants, protesters, civilians — are left alone: "Pakistani troops
//!   killed ten militants" is domestic (docs/gold-guidelines.md).
//!
//! Crossing into a place is force only for forces: "Thousands of refugees crossed into
//! Chad" (or "Hundreds of Sudanese", the demonym read as the state) is no event.
//!
//! Everything here is keyed on the construction (preposition + place of another
//! country, the speaker's role), not on particular places or weapons of known news.

use super::{base, Actor, SentenceCoder};
use attache_core::Modality;
use attache_text::Upos;

/// Prepositions after which a place is where force lands or is aimed.
const LANDING: &[&str] = &[
    "into", "toward", "towards", "at", "on", "onto", "upon", "inside", "over", "near", "in",
    "across", "against", "within",
];

/// Heads of a phrase that names a line, not a territory: "near the Afghan border".
const LINES: &[&str] = &[
    "border",
    "frontier",
    "boundary",
    "line",
    "coast",
    "coastline",
];

/// Nouns of territory and of things on it that an owner or qualifier places in a
/// country ("Pakistani territory", "Houthi-held ports", "Israeli cities").
const PLACE_NOUNS: &[&str] = &[
    "territory",
    "soil",
    "airspace",
    "water",
    "waters",
    "land",
    "city",
    "town",
    "village",
    "port",
    "base",
    "site",
    "target",
    "position",
    "area",
    "region",
    "province",
    "capital",
    "zone",
    "facility",
    "refinery",
    "plant",
    "airport",
    "airfield",
    "district",
    "suburb",
    "neighborhood",
    "neighbourhood",
    "infrastructure",
    "headquarters",
    "compound",
    "camp",
    "hideout",
    "outpost",
    "post",
    "installation",
    "depot",
    "field",
    "port",
    "harbor",
    "harbour",
    "island",
    "state",
    "country",
    "oblast",
];

/// Weapons and forces: an own-country target with such a head is the doer's instrument.
const INSTRUMENTS: &[&str] = &[
    "drone",
    "missile",
    "rocket",
    "shell",
    "bomb",
    "munition",
    "projectile",
    "warhead",
    "jet",
    "warplane",
    "aircraft",
    "plane",
    "helicopter",
    "bomber",
    "fighter",
    "military",
    "force",
    "troop",
    "army",
    "soldier",
    "artillery",
    "navy",
    "warship",
    "ship",
    "vessel",
    "unit",
    "target",
    "site",
    "position",
    "base",
    "weapon",
];

/// Speakers whose report of being struck names the victim: a state's armed forces.
const MILITARY_SPEAKERS: &[&str] = &[
    "military", "army", "force", "forces", "ministry", "command", "navy", "guard", "defense",
    "defence", "staff",
];

impl SentenceCoder<'_> {
    /// Re-aim violence whose target is the doer's own instrument, or missing, at the
    /// place where it lands (module doc). `sources` and `targets` index `self.actors`.
    /// Returns false when the event is no act of force at all (civilians crossing).
    #[allow(clippy::too_many_arguments)]
    pub(super) fn aim_at_landing(
        &self,
        root: &str,
        trigger: usize,
        clause: usize,
        sources: &[usize],
        targets: &mut Vec<usize>,
        speaker: Option<usize>,
        modality: Modality,
        confidence: &mut f32,
    ) -> bool {
        if !matches!(root, "18" | "19" | "20") || sources.is_empty() {
            return true;
        }
        let src = |a: usize| &self.actors[a];
        // "Thousands of refugees crossed into Chad", "Hundreds of Sudanese crossed into
        // Egypt" (the demonym read as the state): only forces crossing are force.
        if matches!(
            self.lemma(trigger).to_ascii_lowercase().as_str(),
            "cross" | "enter"
        ) && !sources.iter().any(|&s| {
            let h = self.phrase_head(s);
            let h = h.strip_suffix('s').unwrap_or(&h);
            INSTRUMENTS.contains(&h) || matches!(h, "troop" | "tank" | "unit" | "column")
        }) {
            return false;
        }
        if sources
            .iter()
            .any(|&s| src(s).key.len() != 3 || src(s).armed_group || src(s).civilian)
        {
            return true;
        }
        let own = |t: usize| sources.iter().any(|&s| src(s).key == self.actors[t].key);
        let instrument = |t: usize| {
            own(t)
                && (self.actors[t].weak || self.covers(trigger, t))
                && INSTRUMENTS.contains(&self.actor_head(t).as_str())
        };
        if !targets.iter().all(|&t| instrument(t)) {
            return true;
        }
        // A target read from where the act lands, from the reporter or from an earlier
        // sentence is less certain than a stated object.
        if let Some(l) = self.landing(trigger, clause, sources) {
            *targets = vec![l];
            *confidence -= 0.1;
            return true;
        }
        if let Some(sp) = speaker.filter(|&sp| {
            modality == Modality::Actual && self.reporter_hit(trigger, clause, sources, sp)
        }) {
            *targets = vec![sp];
            *confidence -= 0.2;
            return true;
        }
        if let Some(t) = self.force_before(sources) {
            *targets = vec![t];
            *confidence -= 0.3;
            return true;
        }
        targets.clear();
        true
    }

    /// The target of the latest act of force by the same state against another
    /// country in the two sentences before, when this sentence names no other state
    /// than the sources': "Israel struck targets in Damascus on Wednesday. The Israeli
    /// military said it struck government forces …" (the forces read as Israel's).
    fn force_before(&self, sources: &[usize]) -> Option<usize> {
        let (ps, pt) = self.prev_force?;
        let key = &self.actors[ps].key;
        if sources.iter().any(|&s| &self.actors[s].key != key) {
            return None;
        }
        let other = self
            .actors
            .iter()
            .any(|a| a.in_sentence && a.usable && !a.key.is_empty() && &a.key != key);
        (!other).then_some(pt)
    }

    /// Whether actor `a` covers token `t`.
    fn covers(&self, t: usize, a: usize) -> bool {
        self.covering(t).iter().any(|&c| c as usize == a)
    }

    /// The lower-cased lemma of the last token of actor `a` in this sentence (its
    /// head in English noun phrases), singular; empty for carried actors.
    fn actor_head(&self, a: usize) -> String {
        let ac = &self.actors[a];
        (0..self.s.len())
            .rev()
            .find(|&i| {
                let sp = self.s.token_span(i);
                sp.start < ac.end && ac.start < sp.end
            })
            .map(|i| {
                let l = self.lemma(i).to_ascii_lowercase();
                match l.strip_suffix('s') {
                    Some(st) if !st.ends_with('s') && l.len() > 3 => st.to_string(),
                    _ => l,
                }
            })
            .unwrap_or_default()
    }

    /// The lower-cased lemma of the noun whose phrase actor `a` is part of: up from
    /// its last token through possessives, compounds and adjectives ("Ukraine's air
    /// force" → "force").
    fn phrase_head(&self, a: usize) -> String {
        let ac = &self.actors[a];
        let Some(mut i) = (0..self.s.len()).rev().find(|&i| {
            let sp = self.s.token_span(i);
            sp.start < ac.end && ac.start < sp.end
        }) else {
            return String::new();
        };
        for _ in 0..4 {
            match self.tree.head(i) {
                Some(h)
                    if matches!(base(self.rel(i)), "nmod" | "compound" | "amod" | "flat")
                        && matches!(self.rel(i), "nmod:poss" | "compound" | "amod" | "flat") =>
                {
                    i = h
                }
                _ => break,
            }
        }
        self.lemma(i).to_ascii_lowercase()
    }

    /// The actor of another country than every source named as the place where the
    /// act lands: under a landing preposition on the trigger, the clause's verb, their
    /// objects or the noun phrase of the event (through nominal modifiers and
    /// conjuncts, not into other clauses).
    pub(super) fn landing(
        &self,
        trigger: usize,
        clause: usize,
        sources: &[usize],
    ) -> Option<usize> {
        let mut frontier: Vec<usize> = vec![trigger];
        if clause != trigger {
            frontier.push(clause);
        }
        // "a drone and missile attack on Kyiv" with the trigger "drone" a conjunct or
        // compound inside the event's noun phrase: the phrase's head too.
        if matches!(self.s.upos(trigger), Upos::NOUN | Upos::PROPN)
            && matches!(base(self.rel(trigger)), "compound" | "conj" | "amod")
        {
            if let Some(h) = self.tree.head(trigger) {
                if matches!(self.s.upos(h), Upos::NOUN | Upos::PROPN) {
                    frontier.push(h);
                }
            }
        }
        let mut seen: Vec<usize> = frontier.clone();
        for _ in 0..4 {
            let mut next = Vec::new();
            for &n in &frontier {
                for k in self.tree.kids(n) {
                    if seen.contains(&k) {
                        continue;
                    }
                    let rel = base(self.rel(k));
                    if !matches!(rel, "obj" | "obl" | "nmod" | "conj" | "appos" | "advmod")
                        || self.rel(k) == "nmod:poss"
                        || (rel == "conj" && matches!(self.s.upos(k), Upos::VERB | Upos::AUX))
                    {
                        continue;
                    }
                    seen.push(k);
                    if matches!(rel, "obl" | "nmod") {
                        if let Some(a) = self.landing_at(k, sources) {
                            return Some(a);
                        }
                    }
                    next.push(k);
                }
            }
            if next.is_empty() {
                break;
            }
            frontier = next;
        }
        None
    }

    /// The foreign actor of the prepositional phrase headed by `k`, if its
    /// preposition says where force lands and its head is no border line.
    fn landing_at(&self, k: usize, sources: &[usize]) -> Option<usize> {
        let case = self.case_of(k)?.to_ascii_lowercase();
        if !LANDING.contains(&case.as_str())
            || LINES.contains(&self.lemma(k).to_ascii_lowercase().as_str())
        {
            return None;
        }
        let mut tmp = Vec::new();
        self.actors_of(k, &mut tmp);
        // A place by name ("into Israel", "on Hodeidah"), or an actor owning or
        // qualifying a noun of territory ("Israeli territory", "Houthi-held ports",
        // "Russia's Rostov region") — not "over its treatment of …".
        let territory = PLACE_NOUNS.contains(&self.lemma(k).to_ascii_lowercase().as_str());
        // Only actors named inside the phrase: a pronoun in it leads elsewhere.
        let (lo, hi) = (0..self.s.len())
            .filter(|&i| i == k || self.tree.dominates(k, i))
            .fold((usize::MAX, 0), |(lo, hi), i| {
                let sp = self.s.token_span(i);
                (lo.min(sp.start), hi.max(sp.end))
            });
        tmp.into_iter().find(|&a| {
            let ac: &Actor = &self.actors[a];
            ac.usable
                && ac.in_sentence
                && ac.key.len() == 3
                && !ac.civilian
                && (ac.place || territory)
                && !self.pronoun_actor(a)
                && ac.start >= lo
                && ac.end <= hi
                && sources.iter().all(|&s| self.actors[s].key != ac.key)
        })
    }

    /// Whether the speaker `sp` of a launch or firing of weapons is the military of a
    /// state the sources do not belong to, and the sentence names no third state.
    fn reporter_hit(&self, trigger: usize, clause: usize, sources: &[usize], sp: usize) -> bool {
        let ac = &self.actors[sp];
        if !ac.in_sentence
            || ac.key.len() != 3
            || sources.iter().any(|&s| self.actors[s].key == ac.key)
            || !(MILITARY_SPEAKERS.contains(&self.actor_head(sp).as_str())
                || MILITARY_SPEAKERS.contains(&self.phrase_head(sp).as_str()))
        {
            return false;
        }
        let launched = [trigger, clause].iter().any(|&v| {
            matches!(
                self.lemma(v).to_ascii_lowercase().as_str(),
                "launch" | "fire"
            )
        });
        let third = self.actors.iter().any(|a| {
            a.in_sentence
                && a.usable
                && a.key.len() == 3
                && a.key != ac.key
                && sources.iter().all(|&s| self.actors[s].key != a.key)
        });
        launched && !third && !self.test_launch(trigger)
    }

    /// A launch that reads as a test, not an attack on the reporter: one weapon ("fired
    /// a ballistic missile", "launched an ICBM") or weapons sent into the sea ("fired
    /// several missiles into the sea off its east coast"). South Korea's military
    /// reports North Korea's tests; it was not struck.
    fn test_launch(&self, trigger: usize) -> bool {
        let sea = |n: usize| {
            matches!(
                self.lemma(n).to_ascii_lowercase().as_str(),
                "sea" | "water" | "waters" | "ocean" | "coast"
            )
        };
        let objects: Vec<usize> = self
            .tree
            .kids(trigger)
            .filter(|&k| self.rel(k) == "obj")
            .collect();
        let single = objects.iter().any(|&o| {
            self.tree.kids(o).any(|d| {
                self.rel(d) == "det"
                    && matches!(self.lemma(d).to_ascii_lowercase().as_str(), "a" | "an")
            })
        });
        let into_sea = std::iter::once(trigger)
            .chain(objects.iter().copied())
            .flat_map(|n| self.tree.kids(n).collect::<Vec<_>>())
            .any(|k| base(self.rel(k)) == "obl" && sea(k) || base(self.rel(k)) == "nmod" && sea(k));
        single || into_sea
    }
}
