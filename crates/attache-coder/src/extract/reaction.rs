//! Reactions to an act named earlier in the story.
//!
//! Why a module of its own: wire stories report an act and then the reactions to it —
//! "Britain, France and Germany began reimposing sanctions on Iran. … Russia condemned
//! the European action", "Nicaragua severed ties with Taiwan. China welcomed the
//! decision", "Russia expelled two Estonian diplomats. Tallinn called the expulsions
//! unjustified". The gold set codes the reaction (11 disapprove, 05 praise, 12 reject)
//! with the *doer of the act* as target, but the reacting sentence names only a
//! definite description of the act ("the move", "the strikes", "the decision"), so a
//! sentence-by-sentence coder gives no event, the act's victim ("opposed the
//! reimposition of sanctions on Iran" → CHN>IRN) or the critic itself (a domestic
//! reading). This module resolves such a description to an act coded earlier.
//!
//! Why it is built for precision: session 6 tried "the doer of the latest act coded in
//! the sentence or the two before" and reverted it (one right event per seven wrong;
//! docs/coder.md). The difference here:
//!
//! * **an article-level record of the acts coded so far** (lib.rs keeps it: code,
//!   doers, targets, sentence; only actual, non-negated acts) instead of "the latest
//!   event";
//! * **kinds must agree**: the description is read with the pattern dictionary — an
//!   attack, strike or offensive only names violence (18–20), sanctions, a ban, an
//!   arrest or an expulsion only coercion and cuts (16–17), a launch or drills a show of
//!   force (15), an agreement, a ceasefire or a release only cooperation and yielding
//!   (03, 05–08); the generic "decision / move / step / measure / action" names a
//!   policy act (06–08, 12, 15–17), never a statement, a meeting or an attack;
//! * **definite only**: "the move", "this decision", "Sunday's attack", "the
//!   reimposition of sanctions on Iran" — not "attacks on civilians", "any decision",
//!   "such a move";
//! * **the description's own words must fit**: its own target ("sanctions *on Iran*")
//!   must be a target of the act; a description naming its doer ("Russia's attack",
//!   "the Israeli strikes") is left to the sentence's own reading;
//! * **never the reacting party**: an act done by the reacting state is no candidate
//!   (China praising "the exercises" it held itself is not an event; "Israel struck
//!   Iran. Iran retaliated … Israel condemned the attack" is aimed at Iran);
//! * **unambiguous or nothing**: the candidates are the acts of the fitting kind coded
//!   before the reaction in its own sentence and in the twelve sentences before (three
//!   for "the decision" and "it", which news uses right after the act: a story's lead
//!   act is still "the strike" ten sentences on, among the reactions); when they have
//!   different doers, nothing is guessed (the reaction keeps no target and is dropped
//!   as before, or a denial stays `SRC>-`), not even by verbal.rs's latest-violence
//!   rule.
//!
//! Called from one place in extract.rs (`finish`, for 05, 11 and 12 events whose
//! target is empty or is the act's victim) and from evaluation.rs (characterisations
//! and attitudes whose evaluated thing has no owner: "called the decision a hostile
//! act", "said he was unhappy about the strike").

use super::{base, lower_eq, Actor, Found, SentenceCoder};
use attache_text::Upos;

/// An act coded earlier in the article, carried into a later sentence: its CAMEO code,
/// its doers (indices into that sentence's actor slice) and its targets' keys.
#[derive(Debug, Clone, PartialEq)]
pub struct PriorAct {
    pub code: &'static str,
    pub doers: Vec<usize>,
    pub target_keys: Vec<String>,
    /// Its targets, as actors of that sentence (for a denial of a role in it).
    pub targets: Vec<usize>,
    /// How many sentences before this one it was coded.
    pub back: usize,
    /// Lower-cased lemmas of its trigger word and of the trigger's object nouns
    /// ("strike" for "struck"; "impose" and "sanction" for "imposed sanctions").
    pub words: Vec<String>,
}

/// The acts of an article coded so far (lib.rs), by mention, so that they can be
/// carried into later sentences whatever actor slice those have.
#[derive(Debug, Default)]
pub struct ActMemory {
    acts: Vec<Remembered>,
}

#[derive(Debug)]
struct Remembered {
    code: &'static str,
    trigger: usize,
    words: Vec<String>,
    sentence: usize,
    doers: Vec<usize>,
    target_keys: Vec<String>,
    targets: Vec<usize>,
}

/// How many sentences back an act can be the antecedent of a reaction: a description
/// of a particular kind ("the attack", "the sanctions") reaches further than "the
/// decision" or "it", which news uses only right after the act. Twelve since the end
/// of session 7: a story's lead act is still "the strike" after a paragraph of
/// reactions (written dev F1 0.561 -> 0.573, tp +9, fp -4; VOA dev unchanged; 25 gave
/// the same as 12).
const WINDOW: usize = 12;
const WINDOW_GENERIC: usize = 3;

impl ActMemory {
    /// Remember the actual, non-negated acts of sentence `si` whose doer is a usable
    /// actor named in it (or carried into it for a pronoun).
    pub fn record(
        &mut self,
        found: &[Found],
        actors: &[Actor],
        s: &attache_text::Sentence,
        si: usize,
    ) {
        for f in found {
            // Offers, proposals, appeals and demands are acts in their own right
            // whatever the modality of what they put forward ("offered to host talks",
            // "urged Kigali to withdraw"); other acts only when they happened.
            let put_forward = matches!(&f.code[..2], "02" | "03" | "10");
            if f.negated || (f.modality != attache_core::Modality::Actual && !put_forward) {
                continue;
            }
            if kind_of_code(f.code).is_none() {
                continue;
            }
            let d = &actors[f.source];
            if !d.usable || d.key.is_empty() {
                continue;
            }
            let tkey = f.target.map(|t| actors[t].key.clone());
            let tm = f.target.map(|t| actors[t].mention);
            match self
                .acts
                .iter_mut()
                .find(|r| r.sentence == si && r.trigger == f.trigger && r.code == f.code)
            {
                Some(r) => {
                    if !r.doers.contains(&d.mention) {
                        r.doers.push(d.mention);
                    }
                    if let Some(k) = tkey {
                        if !r.target_keys.contains(&k) {
                            r.target_keys.push(k);
                        }
                    }
                    if let Some(m) = tm {
                        if !r.targets.contains(&m) {
                            r.targets.push(m);
                        }
                    }
                }
                None => self.acts.push(Remembered {
                    code: f.code,
                    trigger: f.trigger,
                    words: std::iter::once(f.trigger)
                        .chain(
                            s.children(f.trigger)
                                .filter(|&k| s.deprel(k) == "obj" && s.upos(k) == Upos::NOUN),
                        )
                        .map(|k| s.lemma(k).to_lowercase())
                        .collect(),
                    sentence: si,
                    doers: vec![d.mention],
                    target_keys: tkey.into_iter().collect(),
                    targets: tm.into_iter().collect(),
                }),
            }
        }
        self.acts.retain(|r| r.sentence + WINDOW > si);
    }

    /// The remembered acts of the sentences before `si` within the window, with their
    /// doers as actors of sentence `si`: `actor(mention)` finds or adds the actor.
    pub fn carry(&self, si: usize, mut actor: impl FnMut(usize) -> usize) -> Vec<PriorAct> {
        self.acts
            .iter()
            .filter(|r| r.sentence < si && r.sentence + WINDOW >= si)
            .map(|r| PriorAct {
                code: r.code,
                doers: r.doers.iter().map(|&m| actor(m)).collect(),
                target_keys: r.target_keys.clone(),
                targets: r.targets.iter().map(|&m| actor(m)).collect(),
                back: si - r.sentence,
                words: r.words.clone(),
            })
            .collect()
    }
}

/// The kinds of act a description can name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    /// Violence: attacks, strikes, offensives (18–20).
    Force,
    /// Coercion and cuts in relations: sanctions, bans, arrests, expulsions (16–17).
    Coerce,
    /// Shows of force: launches, tests, drills (15).
    Show,
    /// Cooperation and yielding: agreements, ceasefires, releases, lifted bans (03,
    /// 05–08).
    Accord,
    /// "the decision", "the move": a policy act of any kind but statements, meetings
    /// and violence.
    Generic,
    /// "the incident", "the provocation": a hostile act of any kind (15–20).
    Hostile,
    /// "the appeal", "the request", "the demand": an appeal or demand made (02, 10).
    Plea,
    /// "it", "this" evaluated as an act ("called it a flagrant violation"): any act.
    Any,
}

/// The kind of an act of `code`; `None` for statements, appeals, meetings, praise,
/// criticism and protests, which no description of an act refers back to.
fn kind_of_code(code: &str) -> Option<Kind> {
    match code {
        // A sentence passed by a court (116) is coercion like an arrest.
        "116" => return Some(Kind::Coerce),
        // Of the 05 codes only signing an agreement and recognising are acts.
        "054" | "057" => return Some(Kind::Accord),
        _ => {}
    }
    match code.get(..2)? {
        "18" | "19" | "20" => Some(Kind::Force),
        "16" | "17" => Some(Kind::Coerce),
        "15" => Some(Kind::Show),
        "03" | "06" | "07" | "08" => Some(Kind::Accord),
        "12" => Some(Kind::Generic),
        "02" | "10" => Some(Kind::Plea),
        _ => None,
    }
}

/// Whether an act of `code` is one a description of kind `k` can name.
pub(super) fn fits(k: Kind, code: &str) -> bool {
    let Some(c) = kind_of_code(code) else {
        return false;
    };
    match k {
        // A decision or a move is a policy act, not an attack (that has words of its
        // own); statements, meetings and praise have no kind at all.
        Kind::Generic => !matches!(c, Kind::Force | Kind::Plea),
        Kind::Hostile => matches!(c, Kind::Force | Kind::Coerce | Kind::Show),
        Kind::Any => c != Kind::Plea,
        _ => c == k,
    }
}

/// Words for an act of any kind ("the decision", "the move").
const GENERIC: &[&str] = &["decision", "move", "step", "measure", "action"];

/// Words that name an act of one kind whatever the dictionary says of them as events
/// (it codes several only with a party named on them, "an agreement between X and Y",
/// or only as verbs, "listed", "designated").
const NAMED: &[(&str, Kind)] = &[
    ("agreement", Kind::Accord),
    ("deal", Kind::Accord),
    ("accord", Kind::Accord),
    ("pact", Kind::Accord),
    ("treaty", Kind::Accord),
    ("truce", Kind::Accord),
    ("ceasefire", Kind::Accord),
    ("release", Kind::Accord),
    // What one side put forward: an offer, a plan, an invitation (03).
    ("proposal", Kind::Accord),
    ("offer", Kind::Accord),
    ("plan", Kind::Accord),
    ("initiative", Kind::Accord),
    ("invitation", Kind::Accord),
    ("verdict", Kind::Coerce),
    ("ruling", Kind::Coerce),
    ("judgment", Kind::Coerce),
    ("judgement", Kind::Coerce),
    ("suspension", Kind::Coerce),
    ("crackdown", Kind::Coerce),
    ("incident", Kind::Hostile),
    ("provocation", Kind::Hostile),
    ("appeal", Kind::Plea),
    ("request", Kind::Plea),
    ("demand", Kind::Plea),
    ("ultimatum", Kind::Plea),
    ("listing", Kind::Coerce),
    ("designation", Kind::Coerce),
    ("blacklisting", Kind::Coerce),
    ("sanction", Kind::Coerce),
    ("embargo", Kind::Coerce),
    ("tariff", Kind::Coerce),
    ("ban", Kind::Coerce),
    ("restriction", Kind::Coerce),
    ("arrest", Kind::Coerce),
    ("detention", Kind::Coerce),
    ("expulsion", Kind::Coerce),
    ("deportation", Kind::Coerce),
    ("sentence", Kind::Coerce),
    ("sentencing", Kind::Coerce),
    ("conviction", Kind::Coerce),
    ("launch", Kind::Show),
    ("test", Kind::Show),
    ("drill", Kind::Show),
    ("exercise", Kind::Show),
];

/// `lemma` without a regular plural ending, for words the lemmatizer leaves plural.
pub(super) fn singular(lemma: &str) -> &str {
    lemma.strip_suffix('s').unwrap_or(lemma)
}

/// Heads whose "of" phrase names the act ("the reimposition of sanctions", "the use of
/// force"): the act's kind is the inner noun's.
const PROCESS: &[&str] = &[
    "reimposition",
    "imposition",
    "extension",
    "expansion",
    "resumption",
    "continuation",
    "escalation",
    "use",
];

impl SentenceCoder<'_> {
    /// The kind of act the noun `n` names, reading it with the dictionary: its own
    /// patterns, else a compound ("the tariff hike", "the missile launch"), else the
    /// "of" phrase of a process head ("the reimposition of sanctions"), else the
    /// generic and listing words.
    pub(super) fn act_kind(&self, n: usize) -> Option<Kind> {
        let lem = self.lemma(n).to_ascii_lowercase();
        if GENERIC.contains(&lem.as_str()) || GENERIC.contains(&singular(&lem)) {
            // "military action" names violence.
            if self.tree.kids(n).any(|k| {
                base(self.rel(k)) == "amod"
                    && matches!(
                        self.lemma(k).to_ascii_lowercase().as_str(),
                        "military" | "armed"
                    )
            }) {
                return Some(Kind::Force);
            }
            return Some(Kind::Generic);
        }
        if let Some(&(_, k)) = NAMED
            .iter()
            .find(|(w, _)| *w == lem || *w == singular(&lem))
        {
            return Some(k);
        }
        if let Some(p) = self.match_noun(n) {
            if !p.code.is_empty() {
                return kind_of_code(&p.code).filter(|&k| k != Kind::Generic);
            }
        }
        for k in self.tree.kids(n) {
            if base(self.rel(k)) == "compound" && k < n && self.s.upos(k) == Upos::NOUN {
                if let Some(p) = self.match_noun(k) {
                    if !p.code.is_empty() {
                        return kind_of_code(&p.code).filter(|&k| k != Kind::Generic);
                    }
                }
            }
        }
        if PROCESS.contains(&lem.as_str()) {
            for k in self.tree.kids(n) {
                if base(self.rel(k)) == "nmod"
                    && self.case_of(k).is_some_and(|c| lower_eq(c, "of"))
                    && self.s.upos(k) == Upos::NOUN
                {
                    if let Some(p) = self.match_noun(k) {
                        if !p.code.is_empty() {
                            return kind_of_code(&p.code).filter(|&k| k != Kind::Generic);
                        }
                    }
                }
            }
        }
        None
    }

    /// Whether `n` is "it" or "this" standing for no actor but the reacting party
    /// (coreference may resolve it to the speaker's own organisation): in a reaction
    /// or an evaluation ("called it a flagrant violation of Qatar's sovereignty") it
    /// stands for an act.
    fn act_pronoun(&self, n: usize, rkeys: &[&str]) -> bool {
        self.s.upos(n) == Upos::PRON
            && matches!(self.lemma(n).to_ascii_lowercase().as_str(), "it" | "this")
            && self.covering(n).iter().all(|&a| {
                let a = &self.actors[a as usize];
                !a.usable || rkeys.contains(&a.key.as_str())
            })
    }

    /// Whether the noun `n` refers back to a particular act: a definite determiner or
    /// a possessor ("the move", "this decision", "Sunday's attack"), not a generic,
    /// indefinite or hypothetical one ("attacks on civilians", "any decision", "such a
    /// move").
    pub(super) fn definite_act(&self, n: usize) -> bool {
        let mut definite = false;
        for k in self.tree.kids(n) {
            let r = self.rel(k);
            let l = self.lemma(k).to_ascii_lowercase();
            if r == "det" || r == "det:predet" {
                match l.as_str() {
                    "the" | "this" | "that" | "these" | "those" => definite = true,
                    _ => return false,
                }
            }
            if r == "nmod:poss" {
                definite = true;
            }
            if base(r) == "amod" && matches!(l.as_str(), "such" | "any" | "possible" | "future") {
                return false;
            }
        }
        definite
    }

    /// The actors the description `n` itself names as the act's targets ("sanctions on
    /// Iran", "the strikes against Hezbollah"), looking through a process head.
    fn described_targets(&self, n: usize, out: &mut Vec<usize>) {
        for k in self.tree.kids(n) {
            if base(self.rel(k)) != "nmod" {
                continue;
            }
            match self.case_of(k).map(str::to_ascii_lowercase).as_deref() {
                Some("on" | "against" | "at" | "targeting" | "to" | "with") => {
                    self.actors_of(k, out)
                }
                Some("of") if PROCESS.contains(&self.lemma(n).to_ascii_lowercase().as_str()) => {
                    self.described_targets(k, out)
                }
                _ => {}
            }
        }
    }

    /// Whether the description names its own doer (a possessor, an adjective or a
    /// name before it that is an actor, or a "by" phrase): then the sentence's own
    /// reading stands.
    pub(super) fn describes_doer(&self, n: usize) -> bool {
        if self.names_own_doer(n) {
            return true;
        }
        self.tree.kids(n).any(|k| {
            let r = self.rel(k);
            (r == "nmod:poss" || (base(r) == "nmod" && self.case_of(k) == Some("by")))
                && self
                    .covering(k)
                    .iter()
                    .any(|&a| self.actors[a as usize].usable)
        })
    }

    /// The doers of the act the definite description `n` refers back to (module doc),
    /// for a reaction by `reactors`; empty when there is none or it is ambiguous.
    /// `found` holds the acts coded before `trigger` in this sentence.
    pub(super) fn antecedent_doers(
        &self,
        n: usize,
        reactors: &[usize],
        trigger: usize,
        found: &[Found],
    ) -> Vec<usize> {
        self.antecedent(n, reactors, trigger, found)
            .unwrap_or_default()
    }

    /// As [`Self::antecedent_doers`]: `None` when `n` describes no act of a kind we
    /// know or no act of that kind was coded, `Some` of no doers when several doers
    /// could be meant.
    fn antecedent(
        &self,
        n: usize,
        reactors: &[usize],
        trigger: usize,
        found: &[Found],
    ) -> Option<Vec<usize>> {
        if self.prior_acts.is_empty() && found.is_empty() {
            return None;
        }
        let rkeys: Vec<&str> = reactors
            .iter()
            .map(|&a| self.actors[a].key.as_str())
            .collect();
        let kind = if self.act_pronoun(n, &rkeys) {
            // "Guterres called it a flagrant violation": any act, no words to fit.
            Kind::Any
        } else {
            if !matches!(self.s.upos(n), Upos::NOUN)
                || !(self.definite_act(n) || self.summary_apposition(n))
                || self.describes_doer(n)
            {
                return None;
            }
            self.act_kind(n)?
        };
        let mut victims = Vec::new();
        self.described_targets(n, &mut victims);
        let vkeys: Vec<&str> = victims
            .iter()
            .map(|&a| self.actors[a].key.as_str())
            .filter(|k| !rkeys.contains(k))
            .collect();
        // Candidates: (doers, target keys), nearest first — this sentence's acts
        // before the reaction, then the sentences before.
        let mut cands: Vec<(Vec<usize>, Vec<&str>)> = Vec::new();
        let mut here: Vec<(usize, Vec<usize>, Vec<&str>)> = Vec::new();
        for f in found {
            if f.trigger >= trigger
                || f.trigger == n
                || f.negated
                || (f.modality != attache_core::Modality::Actual
                    && !matches!(&f.code[..2], "02" | "03" | "10"))
                || !fits(kind, f.code)
            {
                continue;
            }
            let tk = f.target.map(|t| self.actors[t].key.as_str());
            match here.iter_mut().find(|(t, _, _)| *t == f.trigger) {
                Some((_, d, ts)) => {
                    if !d.contains(&f.source) {
                        d.push(f.source);
                    }
                    ts.extend(tk);
                }
                None => here.push((f.trigger, vec![f.source], tk.into_iter().collect())),
            }
        }
        for (_, d, t) in here.into_iter().rev() {
            cands.push((d, t));
        }
        let reach = if matches!(kind, Kind::Generic | Kind::Any) {
            WINDOW_GENERIC
        } else {
            WINDOW
        };
        for p in self.prior_acts.iter().rev() {
            if fits(kind, p.code) && p.back <= reach {
                cands.push((
                    p.doers.clone(),
                    p.target_keys.iter().map(String::as_str).collect(),
                ));
            }
        }
        // Never the reacting party's own act — but a state's official condemning an
        // attack by armed men of its own country reacts to them (domestic, as the gold
        // set codes it); the description's own targets must be the act's.
        let reactor_armed = reactors.iter().any(|&a| self.actors[a].armed_group);
        // So does the opposition (a party, a rights group) reacting to its own state's
        // court, police or government ("The Awami League condemned the verdict").
        let reactor_outside = reactors.iter().all(|&a| self.actors[a].outside_power);
        cands.retain(|(d, t)| {
            d.iter().all(|&a| {
                let x = &self.actors[a];
                x.usable
                    && (!rkeys.contains(&x.key.as_str())
                        || x.armed_group && !reactor_armed
                        || reactor_outside && !x.outside_power && !x.armed_group && !x.civilian)
            }) && vkeys.iter().all(|v| t.contains(v))
        });
        let (first, _) = cands.first()?;
        let keyset = |d: &[usize]| {
            let mut k: Vec<&str> = d.iter().map(|&a| self.actors[a].key.as_str()).collect();
            k.sort_unstable();
            k.dedup();
            k
        };
        let k0 = keyset(first);
        if cands.iter().any(|(d, _)| keyset(d) != k0) {
            // Acts of the same kind by different doers: which one is meant is not
            // said.
            return Some(Vec::new());
        }
        Some(first.clone())
    }

    /// The description a reaction word `trigger` reacts to: the object of a verb
    /// ("condemned the move"), a complement about it ("unhappy about the strike",
    /// "criticism of the decision").
    pub(super) fn reaction_object(&self, trigger: usize) -> Option<usize> {
        let verb = matches!(self.s.upos(trigger), Upos::VERB | Upos::ADJ);
        // "…, a decision that Caracas condemned", "…, a charge the government
        // rejects": in a relative clause the object is the noun it describes (its
        // relative pronoun sometimes hung as an unmarked oblique, session 17).
        let relative = verb && self.rel(trigger) == "acl:relcl";
        let own = self.tree.kids(trigger).find(|&k| {
            let r = base(self.rel(k));
            let case = self.case_of(k).map(str::to_ascii_lowercase);
            (verb && r == "obj")
                || (relative
                    && k < trigger
                    && matches!(self.s.xpos(k), "WDT" | "WP")
                    && matches!(self.rel(k), "obl:unmarked" | "obl:npmod" | "dep")
                    // Nothing after the verb but "as …" ("criticized as
                    // destabilizing"): in "a decision that ministers walked out of the
                    // session to protest" the pronoun is the protest's.
                    && self.tree.kids(trigger).all(|m| {
                        m < trigger
                            || self.rel(m) == "punct"
                            || self.tree.kids(m).any(|c| {
                                matches!(self.rel(c), "case" | "mark")
                                    && lower_eq(self.lemma(c), "as")
                            })
                    }))
                || (matches!(r, "obl" | "nmod")
                    && matches!(case.as_deref(), Some("about" | "over" | "at" | "of")))
        });
        match own {
            Some(k) if relative && self.s.upos(k) == Upos::PRON => self.tree.head(trigger),
            // No object: the gap is the trigger's only when no relative pronoun
            // stands elsewhere in the clause ("a decision that Hezbollah ministers
            // walked out of the session to protest" is no walk-out at the decision).
            None if relative
                && !(0..self.s.len()).any(|k| {
                    k != trigger
                        && matches!(self.s.xpos(k), "WDT" | "WP")
                        && self.tree.dominates(trigger, k)
                }) =>
            {
                self.tree.head(trigger)
            }
            None => None,
            other => other,
        }
    }

    /// Whether `n` sums up the clause before it: a noun right after a comma that a
    /// relative clause describes ("imposed new sanctions on Monday, **a decision** that
    /// Caracas condemned"). Such a noun refers back to that act even with "a".
    fn summary_apposition(&self, n: usize) -> bool {
        let first = self
            .tree
            .kids(n)
            .filter(|&k| k < n && self.s.upos(k) != Upos::PUNCT)
            .min()
            .unwrap_or(n);
        first > 0
            && self.s.xpos(first - 1) == ","
            && self.tree.kids(n).any(|k| self.rel(k) == "acl:relcl")
            && self.tree.kids(n).any(|k| {
                self.rel(k) == "det"
                    && matches!(self.lemma(k).to_ascii_lowercase().as_str(), "a" | "an")
            })
    }

    /// What an attitude word `w` is about: "unhappy about the strike", "appalled by
    /// the attack", "concerned over the decision".
    pub(super) fn attitude_object(&self, w: usize) -> Option<usize> {
        self.tree.kids(w).find(|&k| {
            base(self.rel(k)) == "obl"
                && matches!(
                    self.case_of(k).map(str::to_ascii_lowercase).as_deref(),
                    Some("about" | "over" | "by" | "at" | "with")
                )
        })
    }

    /// The reaction `code` by `sources` at `trigger` whose targets are missing, or are
    /// only the victims named inside the act's description ("opposed the reimposition
    /// of sanctions on Iran"): the doers of the act referred back to (module doc);
    /// `Some` of no doers when several could be meant (then no other rule guesses
    /// one: extract.rs skips verbal.rs's latest-violence doer); `None` to keep the
    /// sentence's own reading.
    pub(super) fn reaction_targets(
        &self,
        code: &str,
        trigger: usize,
        sources: &[usize],
        targets: &[usize],
        found: &[Found],
    ) -> Option<Vec<usize>> {
        if !is_reaction(code)
            || sources.is_empty()
            || self.prior_acts.is_empty() && found.is_empty()
        {
            return None;
        }
        let n = self.reaction_object(trigger)?;
        if !targets.is_empty() {
            // Only targets named inside the description, not as its doer.
            if !targets
                .iter()
                .all(|&t| self.actors[t].in_sentence && self.inside(n, t))
            {
                return None;
            }
        }
        self.antecedent(n, sources, trigger, found)
    }

    /// Whether actor `a` (named in this sentence) is inside the phrase of `n`.
    fn inside(&self, n: usize, a: usize) -> bool {
        (0..self.s.len())
            .any(|i| self.covering(i).contains(&(a as u32)) && self.tree.dominates(n, i) && i != n)
    }
}

impl SentenceCoder<'_> {
    /// The gerund clause a denial `trigger` governs, with no subject or "that" of its
    /// own ("denied interfering", "denied deliberately targeting Poland"): what it
    /// denies is an act of its own subject, like "denied the allegations" — unlike
    /// "denied that its troops had crossed", which reports a clause.
    fn denied_gerund(&self, trigger: usize) -> Option<usize> {
        self.tree.kids(trigger).find(|&k| {
            matches!(base(self.rel(k)), "xcomp" | "ccomp" | "advcl")
                && self.s.upos(k) == Upos::VERB
                && (self.s.feats_str(k).contains("VerbForm=Ger")
                    || self.s.form(self.text, k).ends_with("ing"))
                && !self.tree.kids(k).any(|m| {
                    base(self.rel(m)) == "nsubj"
                        || (self.rel(m) == "mark" && !lower_eq(self.lemma(m), "of"))
                })
        })
    }

    /// Whether a denial `trigger` denies a gerund act of its own subject (above): such
    /// a denial answers an accusation made before, as "denied the allegations" does.
    pub(super) fn denies_own_act(&self, trigger: usize) -> bool {
        self.denied_gerund(trigger).is_some()
    }

    /// The state a denied hostile act was aimed at, when the sentence names it as the
    /// gerund's object ("Moscow denied deliberately targeting Poland" → Poland): the
    /// denial is addressed to it (CAMEO 016 has the accuser or the victim as target).
    /// Not people whose country was only inferred ("denied targeting civilians"), the
    /// denier's own side, nor the beneficiary of a helping act ("denied arming the
    /// Houthis").
    pub(super) fn denied_act_target(&self, trigger: usize, source: usize) -> Option<usize> {
        let g = self.denied_gerund(trigger)?;
        // Only a hostile act has a victim to address: "denied targeting Poland", not
        // "denied arming the Houthis" (those armed are no party to the denial).
        let hostile = self.match_verb(g).is_some_and(|p| {
            matches!(
                p.code.get(..2),
                Some("13" | "15" | "16" | "17" | "18" | "19" | "20")
            )
        });
        if !hostile {
            return None;
        }
        let o = self.tree.kids(g).find(|&k| self.rel(k) == "obj")?;
        let mut out = Vec::new();
        self.actors_of(o, &mut out);
        let skey = &self.actors[source].key;
        let mut ok = out.into_iter().filter(|&a| {
            let x = &self.actors[a];
            x.usable && x.in_sentence && !x.weak && !x.civilian && x.key != *skey
        });
        let first = ok.next()?;
        // One state only: "denied supplying weapons to X and Y" is no address.
        ok.next().is_none().then_some(first)
    }
}

/// Whether `code` is a reaction this module resolves: disapproval (11, not an
/// accusation), praise (051) or rejection (12).
fn is_reaction(code: &str) -> bool {
    code.starts_with("11") && code != "112" || code == "051" || code.starts_with("12")
}

impl SentenceCoder<'_> {
    /// "The U.S. Treasury sanctioned five Iranian companies. … China said it opposed
    /// the U.S. sanctions": an act named with its doer as what a reaction is about,
    /// when an act of the same kind by the same doer was coded in the sentences before,
    /// is that act mentioned again — no new event (the gold set does not code a second
    /// mention), and its target would only be guessed from the reacting sentence.
    pub(super) fn drop_rementions(&self, found: &mut Vec<Found>) {
        if self.prior_acts.is_empty() {
            return;
        }
        let reactions: Vec<usize> = found
            .iter()
            .filter(|f| is_reaction(f.code))
            .map(|f| f.trigger)
            .collect();
        if reactions.is_empty() {
            return;
        }
        found.retain(|f| {
            let t = f.trigger;
            if self.s.upos(t) != Upos::NOUN || is_reaction(f.code) {
                return true;
            }
            let Some(h) = self.tree.head(t) else {
                return true;
            };
            if !reactions.contains(&h) || self.reaction_object(h) != Some(t) {
                return true;
            }
            let Some(kind) = kind_of_code(f.code) else {
                return true;
            };
            let skey = &self.actors[f.source].key;
            !self
                .prior_acts
                .iter()
                .any(|p| fits(kind, p.code) && p.doers.iter().any(|&d| self.actors[d].key == *skey))
        });
    }
}

impl SentenceCoder<'_> {
    /// "Gunmen killed 26 tourists in Kashmir. Pakistan denied any role in the
    /// attack": a denial of a part in an act named before, with no accuser, is
    /// addressed to the act's victims (CAMEO 016 has the accuser or the victim as
    /// target) — only when the act is unambiguous, as for reactions, and not done by
    /// the denier.
    pub(super) fn denied_part_victims(&self, trigger: usize, source: usize) -> Vec<usize> {
        const PART: &[&str] = &[
            "role",
            "involvement",
            "responsibility",
            "part",
            "hand",
            "link",
            "complicity",
        ];
        if self.prior_acts.is_empty() {
            return Vec::new();
        }
        let Some(o) = self
            .tree
            .kids(trigger)
            .find(|&k| self.rel(k) == "obj" && PART.contains(&self.lc_lemma(k).as_str()))
        else {
            return Vec::new();
        };
        // "in the attack" on the noun, or hung on the verb.
        let Some(n) = self.tree.kids(o).chain(self.tree.kids(trigger)).find(|&k| {
            matches!(base(self.rel(k)), "nmod" | "obl")
                && matches!(
                    self.case_of(k).map(str::to_ascii_lowercase).as_deref(),
                    Some("in" | "for" | "behind")
                )
        }) else {
            return Vec::new();
        };
        if self.s.upos(n) != Upos::NOUN || !self.definite_act(n) || self.describes_doer(n) {
            return Vec::new();
        }
        let Some(kind) = self.act_kind(n) else {
            return Vec::new();
        };
        let skey = self.actors[source].key.as_str();
        let cands: Vec<&PriorAct> = self
            .prior_acts
            .iter()
            .filter(|p| fits(kind, p.code))
            .collect();
        let doer_keys = |p: &PriorAct| self.doer_keys(p);
        let Some(first) = cands.last() else {
            return Vec::new();
        };
        let k0 = doer_keys(first);
        if k0.contains(&skey) || cands.iter().any(|p| doer_keys(p) != k0) {
            return Vec::new();
        }
        let mut out: Vec<usize> = Vec::new();
        for &t in &first.targets {
            let x = &self.actors[t];
            if x.usable && x.key != skey && !out.iter().any(|&o| self.actors[o].key == x.key) {
                out.push(t);
            }
        }
        out
    }

    /// The distinct keys of an earlier act's doers, sorted.
    pub(super) fn doer_keys(&self, p: &PriorAct) -> Vec<&str> {
        let mut k: Vec<&str> = p
            .doers
            .iter()
            .map(|&a| self.actors[a].key.as_str())
            .collect();
        k.sort_unstable();
        k.dedup();
        k
    }

    fn lc_lemma(&self, i: usize) -> String {
        self.lemma(i).to_ascii_lowercase()
    }
}
