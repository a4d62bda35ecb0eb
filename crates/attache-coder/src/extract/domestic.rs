//! Restrictions a state imposes on its own public life: whom a ban on gatherings,
//! rallies, parties or newspapers is aimed at when the sentence names no one.
//!
//! Why: domestic-politics stories report repression as bans on activities, not on
//! named actors — "Authorities also imposed a four-day ban on public gatherings in
//! Istanbul", "The government banned all rallies in the capital", "banned two parties
//! from the election". The gold set codes them with the country on both sides
//! (TUR→TUR 17: docs/gold-guidelines.md, a ban has another party, those subject to
//! it). The extractor's core rule needs an actor as target and finds none; the
//! general place rule (`material::restriction_at_home`) covers curfews and martial
//! law only, because "content blocked", "controls" and "import bans" are often aimed
//! abroad or at no one.
//!
//! So the reading here is narrow: a restriction (CAMEO 172x) whose restricted thing is
//! a word for a domestic political activity or its organisations — protests,
//! gatherings, rallies, strikes, parties, the opposition, newspapers, broadcasters,
//! unions — with no actor named on it, by a doer with a country of its own that is not
//! an armed group, and no stated place in another country. Then those subject to it
//! are the doer's own people. Import, flight and travel bans are not in the list: they
//! are aimed at other states as often as at home. A curfew, martial law or a state of
//! emergency with no place stated ("imposed a nationwide curfew") is at home too.

use super::{lower_eq, material, Found, SentenceCoder};
use attache_text::Upos;

/// Restricted things that are domestic political life.
const DOMESTIC_OBJECTS: &[&str] = &[
    "protest",
    "gathering",
    "rally",
    "demonstration",
    "assembly",
    "march",
    "strike",
    "sit-in",
    "vigil",
    "meeting",
    "party",
    "opposition",
    "candidate",
    "movement",
    "union",
    "association",
    "newspaper",
    "outlet",
    "broadcaster",
    "station",
    "channel",
    "media",
    "internet",
];

impl SentenceCoder<'_> {
    /// The code of the restriction `trigger` (code `code`, in clause `clause`) when it
    /// is aimed at domestic political life and not at a named party (module doc):
    /// `code` itself, or 172 for a ban the dictionary read as a sanction ("imposed a
    /// ban on public gatherings": `impose obj=@penalty` is 163). `sources` are the
    /// doers, `location` the stated place, if any.
    pub(super) fn restricts_own_public(
        &self,
        code: &'static str,
        trigger: usize,
        clause: usize,
        sources: &[usize],
        location: Option<usize>,
    ) -> Option<&'static str> {
        // A curfew, martial law or a state of emergency with no place stated
        // ("imposed a nationwide curfew") is imposed at home; with a place, the
        // place rule of extract.rs decides.
        let on_all = material::restriction_at_home(code) && code != "175" && location.is_none();
        let code = match code {
            c if c.starts_with("172") => c,
            "163" => "172",
            c if on_all => c,
            _ => return None,
        };
        let own = |s: usize| {
            let a = &self.actors[s];
            a.key.len() == 3 && !a.armed_group && !a.place
        };
        if sources.is_empty() || !sources.iter().all(|&s| own(s)) {
            return None;
        }
        if let Some(l) = location {
            if sources
                .iter()
                .any(|&s| self.actors[s].key != self.actors[l].key)
            {
                return None;
            }
        }
        // The restricted things: the objects of the verb, the "on/against" complements
        // of a ban noun (the trigger or the verb's object: "imposed a ban on
        // gatherings"), and their conjuncts.
        let mut things: Vec<usize> = Vec::new();
        let mut heads = vec![trigger];
        if clause != trigger {
            heads.push(clause);
        }
        for &h in &heads {
            for k in self.tree.kids(h) {
                let rel = super::base(self.rel(k));
                if matches!(self.rel(k), "obj" | "nsubj:pass") {
                    things.push(k);
                    // "a ban on public gatherings" as the object of "impose".
                    for m in self.tree.kids(k) {
                        if super::base(self.rel(m)) == "nmod"
                            && self
                                .case_of(m)
                                .is_some_and(|c| lower_eq(c, "on") || lower_eq(c, "against"))
                        {
                            things.push(m);
                        }
                    }
                } else if matches!(rel, "nmod" | "obl")
                    && self.s.upos(h) == Upos::NOUN
                    && self
                        .case_of(k)
                        .is_some_and(|c| lower_eq(c, "on") || lower_eq(c, "against"))
                {
                    things.push(k);
                }
            }
        }
        let conj: Vec<usize> = things
            .iter()
            .flat_map(|&t| self.tree.kids(t).filter(|&c| self.rel(c) == "conj"))
            .collect();
        things.extend(conj);
        let domestic = |t: usize| {
            let lemma = self.lemma(t);
            DOMESTIC_OBJECTS
                .iter()
                .any(|w| lower_eq(w, lemma) || lower_eq(&format!("{w}s"), lemma))
        };
        // A named party on the thing ("a ban on Hamas rallies") is the target the
        // core rules would have found; none here.
        let named = |t: usize| {
            self.covering(t)
                .iter()
                .chain(self.tree.kids(t).flat_map(|m| self.covering(m).iter()))
                .any(|&a| {
                    let a = &self.actors[a as usize];
                    a.usable && !a.place
                })
        };
        (on_all || things.iter().any(|&t| domestic(t) && !named(t))).then_some(code)
    }
}

/// Verbs whose object protest is the subject's own: "staged protests", "held a
/// rally", "joined the strike". Other verbs do not make their subject the protester:
/// "Australia urged its citizens to avoid the protests", "police monitored the
/// rally".
const PROTEST_DOING: &[&str] = &[
    "stage", "hold", "organize", "organise", "lead", "join", "launch", "mount", "start", "begin",
    "continue", "resume", "call", "plan", "announce", "hold", "end", "extend", "escalate", "go",
];

/// Nouns whose infinitive names no act: "the right to protest", "the freedom to
/// assemble".
const ABSTRACT_HEADS: &[&str] = &[
    "right",
    "freedom",
    "permission",
    "ability",
    "licence",
    "license",
];

impl SentenceCoder<'_> {
    /// Whether a protest noun (root 14) that is the object of `verb` is the subject's
    /// own act (`PROTEST_DOING`). Other roots are not restricted here.
    pub(super) fn protest_of_subject(&self, root: &str, verb: usize) -> bool {
        root != "14" || PROTEST_DOING.iter().any(|w| lower_eq(w, self.lemma(verb)))
    }

    /// Whether the clause of `v` is an open question or an abstract possibility, not
    /// an act: "has 180 days to decide whether to remove him", "the right to protest".
    pub(super) fn open_or_abstract(&self, v: usize) -> bool {
        let mut x = v;
        for _ in 0..4 {
            if self
                .tree
                .kids(x)
                .any(|k| self.rel(k) == "mark" && lower_eq(self.lemma(k), "whether"))
            {
                return true;
            }
            let Some(h) = self.tree.head(x) else {
                return false;
            };
            if super::base(self.rel(x)) == "acl"
                && ABSTRACT_HEADS.iter().any(|w| lower_eq(w, self.lemma(h)))
            {
                return true;
            }
            if super::base(self.rel(x)) != "xcomp" {
                return false;
            }
            x = h;
        }
        false
    }
}

/// The country a story happens in, read from its generic agents: the country most of
/// the agent mentions the resolver could only infer ("police", "protesters", "the
/// court": the dateline's, the lead's or the story's country) were given, when at
/// least two were and no other country ties with it.
///
/// Why: an appeal or demand with no addressee ("called for an investigation", "urged
/// restraint") is made at home when a domestic actor makes it, as the gold set codes
/// it; the same words from a foreign government in a story about another country
/// ("In Washington, the State Department called for an investigation" in a story on
/// Georgia's election) are addressed to that country, and coding them USA→USA was
/// wrong. Without an actor to point at, such an appeal is left out.
pub(crate) fn article_home(mentions: &[attache_core::Mention]) -> Option<String> {
    use attache_core::{MentionKind, ResolvedBy};
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for m in mentions {
        if m.resolved_by != ResolvedBy::Inferred || m.kind != MentionKind::Agent {
            continue;
        }
        let Some(c) = m.country.as_deref() else {
            continue;
        };
        match counts.iter_mut().find(|(k, _)| *k == c) {
            Some((_, n)) => *n += 1,
            None => counts.push((c, 1)),
        }
    }
    counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    match counts.as_slice() {
        [(c, n), rest @ ..] if *n >= 2 && rest.first().is_none_or(|(_, m)| m < n) => {
            Some((*c).to_string())
        }
        _ => None,
    }
}

impl SentenceCoder<'_> {
    /// Drop appeals and demands read as made at home (the source is its own target:
    /// no addressee was found, and `readdress_demands` found none either) whose maker
    /// belongs to another country than the story's (`article_home`).
    pub(super) fn drop_appeals_abroad(&self, found: &mut Vec<Found>) {
        let Some(home) = self.home else {
            return;
        };
        found.retain(|f| {
            !((f.code.starts_with("02") || f.code.starts_with("10"))
                && f.target == Some(f.source)
                && self.actors[f.source].key.len() == 3
                && self.actors[f.source].key != home)
        });
    }
}

/// Quantity words that stand before the people counted: "dozens of critics",
/// "hundreds of protesters", "a group of students".
const QUANTITY: &[&str] = &[
    "dozen",
    "dozens",
    "hundred",
    "hundreds",
    "thousand",
    "thousands",
    "score",
    "scores",
    "number",
    "group",
    "handful",
    "couple",
];

impl SentenceCoder<'_> {
    /// For an object `o` that is a quantity word with an "of" complement ("dozens of
    /// critics"), that complement; else `o` itself.
    pub(super) fn counted_people(&self, o: usize) -> usize {
        if !matches!(self.rel(o), "obj" | "nsubj:pass")
            || !QUANTITY.iter().any(|w| lower_eq(w, self.lemma(o)))
        {
            return o;
        }
        self.tree
            .kids(o)
            .find(|&m| {
                super::base(self.rel(m)) == "nmod"
                    && self.case_of(m).is_some_and(|c| lower_eq(c, "of"))
            })
            .unwrap_or(o)
    }
}

/// Words of an actor that opposes its own government: its rejections and accusations
/// with no addressee are aimed at home ("The opposition rejected the results",
/// "protesters denounced the verdict"). Read from the mention's own words, since the
/// extractor's actors carry no sector.
const OPPOSING: &[&str] = &[
    "opposition",
    "protester",
    "protesters",
    "protestor",
    "protestors",
    "demonstrator",
    "demonstrators",
    "dissident",
    "dissidents",
];

impl SentenceCoder<'_> {
    /// Whether `a` is an opposition actor of one state named in this sentence
    /// (`OPPOSING`), not an armed group.
    pub(super) fn opposition_at_home(&self, a: usize) -> bool {
        let ac = &self.actors[a];
        ac.in_sentence
            && ac.key.len() == 3
            && !ac.armed_group
            && !ac.place
            && self.text.get(ac.start..ac.end).is_some_and(|t| {
                t.split(|c: char| !c.is_alphanumeric())
                    .any(|w| OPPOSING.iter().any(|o| o.eq_ignore_ascii_case(w)))
            })
    }
}
