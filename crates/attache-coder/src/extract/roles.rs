//! Who is the source and who the target where the grammatical subject is not the doer.
//!
//! Why a module of its own: the extractor's core rule — subject → source, object or
//! prepositional complement → target — is right for most clauses, but news English has
//! a few recurrent constructions that turn it around or spread it over several
//! parties, and each needs a reading of its own:
//!
//! * **Receiving**: "received aid from X", "came under attack from X", "faced criticism
//!   from X", "won the support of X", "got an apology from X" — an event noun that is
//!   the object of a verb of receiving (or the complement of "come under", "meet
//!   with", "with … from"): the one it comes from is the source, the receiver (the
//!   verb's subject) the target. Without a named giver the event is agentless and is
//!   not coded ("came under attack", docs/gold-guidelines.md), rather than coded with
//!   the receiver as its doer.
//!
//! * **Participles with an agent**: "Somali forces backed by Kenyan soldiers",
//!   "civilians killed by Russian drones" — a past participle modifying a noun is a
//!   passive clause without a subject: its agent is the source and the noun it
//!   modifies the target (and the object its patterns' `obj=` is checked against, so
//!   `062 v back obj=…` codes military backing of forces both ways round).
//!
//! * **Joining an appeal**: "Greece, Panama and South Korea also supported the call" —
//!   supporting, backing, endorsing, echoing or joining a call, appeal, demand or
//!   request that names no addressee is making that appeal: the code and the
//!   addressee are those of the latest appeal or demand coded in the sentence or the
//!   two before.
//!
//! * **Accusing by a clause**: "Pakistan alleged that India had funded the
//!   militants", "'The American side has violated the agreement,' X alleged" — a
//!   verb of disapproval (11) with no object of its own is aimed at the subject of the
//!   clause it reports (whose content is not coded itself).
//!
//! * **A name read as a verb**: the tagger reads "IS" (Islamic State) as the copula
//!   "is": in "airstrikes against IS in Syria" the parser then makes Syria the head
//!   of the phrase and "IS" its copula. A copula that is an actor's name with a
//!   preposition between it and its head is the phrase's real head, and the head a
//!   location.
//!
//! * **", a charge X rejected"**: news appends a denial to an accusation as a
//!   reduced relative on an accusation noun, which the parser rarely gets right
//!   ("charge" as subject, the denier as its apposition or a parataxis). Read by word
//!   order: a denial verb with no object right after "a/the charge|accusation|
//!   allegation|claim" and an actor is that actor's denial (016) of the accusation
//!   made just before.
//!
//! * **The author of an event noun**: "an operation conducted by X against Y", "the
//!   sanctions imposed by Washington on Moscow", "strikes carried out by X" — a
//!   participle with an agent on an event noun names its doer, and the participle's
//!   "on/against" complement its target; so does a "by" phrase the parser hung on the
//!   noun's "of" phrase ("the detention of activists by the police": the police
//!   detained the activists).
//!
//! * **Coordination inside a mention**: the resolver reads "the foreign ministers of
//!   India" as one mention of India, so "the foreign ministers of India and China"
//!   would lose China; names coordinated inside the "of/from" phrase of a mention
//!   are participants too.
//!
//! * **A meeting in passing**: "after a meeting with X, the minister said …",
//!   "during talks with X, Y raised …" — a meeting noun (04) with a named counterpart
//!   but no possessor, in a time phrase of a clause, was held by that clause's
//!   subject (docs/gold-guidelines.md codes meetings mentioned in passing).
//!
//! Every rule here is called from one place in `extract.rs` and keeps the extractor's
//! other readings as they are.

use super::{base, lower_eq, Found, SentenceCoder};
use attache_text::Upos;

/// Verbs whose subject receives what their object names: "received aid", "won
/// support", "faced criticism", "drew condemnation", "suffered an attack". ("secured the
/// release of X" is not here: the possessor of a release is the one released.)
const RECEIVE_OBJ: &[&str] = &[
    "receive", "get", "win", "earn", "draw", "face", "attract", "gain", "suffer", "endure",
    "sustain", "incur", "garner", "enjoy",
];

/// Verb + preposition pairs whose prepositional complement is received: "came under
/// attack", "fell under pressure", "met with opposition", "benefited from aid". (Not
/// "relies/depends on": a state of affairs, not an event.)
const RECEIVE_OBL: &[(&str, &str)] = &[
    ("come", "under"),
    ("fall", "under"),
    ("meet", "with"),
    ("benefit", "from"),
];

impl SentenceCoder<'_> {
    /// The verb of a receiving construction whose received thing is the event noun
    /// `trigger` of CAMEO root `root`, if there is one.
    ///
    /// Besides the verbs above, "with support/help/funding from X, Y did …" (an event of
    /// cooperation or aid, 05–07, in a "with" phrase that names its giver) makes the
    /// clause's subject the receiver.
    pub(super) fn receiving_verb(&self, trigger: usize, root: &str) -> Option<usize> {
        let h = self.tree.head(trigger)?;
        if !matches!(self.s.upos(h), Upos::VERB) {
            return None;
        }
        let verb = self.lemma(h).to_ascii_lowercase();
        let rel = base(self.rel(trigger));
        if rel == "obj" || self.rel(trigger) == "nsubj:pass" {
            return RECEIVE_OBJ.contains(&verb.as_str()).then_some(h);
        }
        if rel != "obl" {
            return None;
        }
        let case = self.case_of(trigger)?.to_ascii_lowercase();
        if RECEIVE_OBL
            .iter()
            .any(|&(v, c)| v == verb.as_str() && c == case.as_str())
        {
            return Some(h);
        }
        if case == "with" && matches!(root, "05" | "06" | "07") && self.giver_phrase(trigger) {
            return Some(h);
        }
        // "received $2 billion in loans from China": an amount received in the event's
        // kind.
        if case == "in"
            && RECEIVE_OBJ.contains(&verb.as_str())
            && self.tree.kids(h).any(|k| self.rel(k) == "obj")
        {
            return Some(h);
        }
        None
    }

    /// Whether the noun `n` names who gives it by a "from" or "by" phrase.
    fn giver_phrase(&self, n: usize) -> bool {
        self.tree.kids(n).any(|k| {
            base(self.rel(k)) == "nmod"
                && self
                    .case_of(k)
                    .is_some_and(|c| lower_eq(c, "from") || lower_eq(c, "by"))
        })
    }

    /// Participants of a received event noun: the givers (sources) named on the noun
    /// — "from"/"by"/"of" phrases, a possessor, a name or nationality adjective ("U.S.
    /// aid", "Russian attack") — or by a "from" phrase on the verb ("received aid from
    /// X" attached to the verb), and the receiver (target), the verb's subject.
    pub(super) fn received_roles(
        &self,
        trigger: usize,
        verb: usize,
        sources: &mut Vec<usize>,
        targets: &mut Vec<usize>,
    ) {
        for k in self.tree.kids(trigger) {
            let r = self.rel(k);
            let giver = r == "nmod:poss"
                || matches!(base(r), "compound" | "amod")
                || (base(r) == "nmod"
                    && self.case_of(k).is_some_and(|c| {
                        matches!(c.to_ascii_lowercase().as_str(), "from" | "by" | "of")
                    }));
            if giver {
                let before = sources.len();
                self.actors_of(k, sources);
                if matches!(base(r), "compound" | "amod") {
                    // "military aid": an agent word inferred from context is no giver.
                    let mut i = before;
                    while i < sources.len() {
                        if self.actors[sources[i]].weak {
                            sources.remove(i);
                        } else {
                            i += 1;
                        }
                    }
                }
            }
        }
        if sources.is_empty() {
            for k in self.tree.kids(verb) {
                if base(self.rel(k)) == "obl"
                    && k != trigger
                    && self.case_of(k).is_some_and(|c| lower_eq(c, "from"))
                {
                    self.actors_of(k, sources);
                }
            }
        }
        let passive = self.subject_of(verb, targets, 0);
        if passive {
            for k in self.tree.kids(verb) {
                if self.rel(k) == "nsubj:pass" && k != trigger {
                    self.actors_of(k, targets);
                }
            }
        }
        if targets.is_empty() {
            // "The decision by China drew a rebuke from Washington": the receiver is
            // the act's "by" agent (extract/verbal.rs).
            for k in self.tree.kids(verb) {
                if matches!(self.rel(k), "nsubj" | "nsubj:pass") {
                    self.by_agents(k, 0, targets);
                }
            }
        }
        targets.retain(|t| !sources.contains(t));
    }

    /// Whether `v` is a past participle modifying a noun with a "by" agent ("forces
    /// backed by X", "civilians killed by Y"): a passive clause whose patient is the
    /// noun it modifies.
    pub(super) fn agent_participle(&self, v: usize) -> bool {
        self.patient_of_participle(v).is_some()
    }

    /// The noun a past participle with a "by" agent is about: the noun it modifies
    /// (`acl`), or — where the parser made the participle of a reduced relative the
    /// main verb ("Iraqi forces supported by the U.S. military attacked …": `nsubj` +
    /// `obl:agent`, no auxiliary) — its would-be subject.
    pub(super) fn patient_of_participle(&self, v: usize) -> Option<usize> {
        let feats = self.s.feats_str(v);
        if self.s.upos(v) != Upos::VERB
            || !feats.contains("Tense=Past")
            || !self
                .tree
                .kids(v)
                .any(|k| self.is_agent(k) || self.removed_from(v, k))
        {
            return None;
        }
        if self.rel(v) == "acl" {
            return self
                .tree
                .head(v)
                .filter(|_| feats.contains("VerbForm=Part"));
        }
        // (A main-verb reading may also have tagged the participle as a past tense:
        // with a "by" agent and no object it is still the passive participle.)
        if self.tree.kids(v).any(|k| {
            matches!(base(self.rel(k)), "aux" | "obj" | "cop") || self.rel(k) == "nsubj:pass"
        }) || self.rel(v) == "acl:relcl"
        {
            return None;
        }
        self.tree.kids(v).find(|&k| self.rel(k) == "nsubj")
    }

    /// "migrants deported from the United States", "diplomats expelled from Moscow":
    /// the state a participle of removal names with "from" is the one that removed
    /// them — its agent (session 16).
    pub(super) fn removed_from(&self, v: usize, k: usize) -> bool {
        matches!(
            self.lemma(v).to_ascii_lowercase().as_str(),
            "deport" | "expel" | "extradite" | "repatriate" | "evict" | "banish"
        ) && self.rel(v) == "acl"
            && base(self.rel(k)) == "obl"
            && self.case_of(k).is_some_and(|c| lower_eq(c, "from"))
            && self
                .covering(k)
                .iter()
                .any(|&a| self.actors[a as usize].place)
    }

    pub(super) fn is_agent(&self, k: usize) -> bool {
        let r = self.rel(k);
        r == "obl:agent" || (base(r) == "obl" && self.case_of(k).is_some_and(|c| lower_eq(c, "by")))
    }

    /// Roles of an agent participle `v`: the agents are the sources, the modified noun
    /// the target. False (nothing filled) when the modified noun is itself an event
    /// ("the attack carried out by X": the noun's own reading codes it) or when no
    /// agent is an actor.
    pub(super) fn participle_roles(
        &self,
        v: usize,
        sources: &mut Vec<usize>,
        targets: &mut Vec<usize>,
    ) -> bool {
        let Some(h) = self.patient_of_participle(v) else {
            return false;
        };
        if self.match_noun(h).is_some_and(|p| !p.code.is_empty()) {
            return false;
        }
        // A participle describes its noun; it is as real as the clause the noun is in
        // ("if they are added to the lists of prisoners pardoned by the king").
        let mut g = h;
        for _ in 0..6 {
            if matches!(self.s.upos(g), Upos::VERB | Upos::AUX) {
                break;
            }
            match self.tree.head(g) {
                Some(x) => g = x,
                None => break,
            }
        }
        if g != v
            && (self.conditional(g)
                || self.habitual(g)
                || self.modality(g) == attache_core::Modality::Hypothetical)
        {
            return false;
        }
        for k in self.tree.kids(v) {
            if self.is_agent(k) || self.removed_from(v, k) {
                self.actors_of(k, sources);
            }
        }
        if sources.is_empty() {
            return false;
        }
        // The noun's own actors, not the agent reached through it ("the plan proposed
        // by France" names its author inside the phrase).
        for &a in self.covering(h) {
            let a = a as usize;
            if self.actors[a].usable && !targets.contains(&a) {
                targets.push(a);
            }
        }
        if targets.is_empty() {
            let mut tmp = Vec::new();
            self.actors_of(h, &mut tmp);
            tmp.retain(|a| !sources.contains(a));
            targets.extend(tmp);
        }
        for k in self.tree.kids(h) {
            if self.rel(k) == "conj" {
                self.actors_of(k, targets);
            }
        }
        targets.retain(|a| !sources.contains(a));
        true
    }

    /// Whether actor `a` is a pronoun ("them", "it") the resolver resolved from context.
    pub(super) fn pronoun_actor(&self, a: usize) -> bool {
        let ac = &self.actors[a];
        ac.in_sentence
            && (0..self.s.len()).any(|i| {
                let sp = self.s.token_span(i);
                sp.start == ac.start && sp.end == ac.end && self.s.upos(i) == Upos::PRON
            })
    }

    /// Whether actor `a` is the possessive pronoun "their" ("settled their border
    /// dispute").
    pub(super) fn their_possessive(&self, a: usize) -> bool {
        let ac = &self.actors[a];
        ac.in_sentence
            && (0..self.s.len()).any(|i| {
                let sp = self.s.token_span(i);
                sp.start == ac.start
                    && sp.end == ac.end
                    && self.rel(i) == "nmod:poss"
                    && self.s.form(self.text, i).eq_ignore_ascii_case("their")
            })
    }

    /// Whether actor `a` is a phrase opened by a possessive pronoun ("its longtime
    /// leader", "their commanders"), resolved through the pronoun.
    pub(super) fn pronoun_possessed(&self, a: usize) -> bool {
        let ac = &self.actors[a];
        ac.in_sentence
            && (0..self.s.len()).any(|i| {
                self.s.token_span(i).start == ac.start
                    && self.s.upos(i) == Upos::PRON
                    && matches!(
                        self.lemma(i).to_ascii_lowercase().as_str(),
                        "its" | "their" | "his" | "her"
                    )
            })
    }

    /// The appeal an endorsement joins: (code, addressee) of the latest appeal or
    /// demand (02, 10) coded earlier in this sentence or in the two before, when
    /// `clause` endorses a call, appeal, demand or request (its object, or the event
    /// noun `trigger` under it) that names no addressee of its own.
    pub(super) fn endorsed_appeal(
        &self,
        clause: usize,
        trigger: usize,
        found: &[Found],
    ) -> Option<(&'static str, usize)> {
        const ENDORSE: &[&str] = &["support", "back", "endorse", "echo", "join", "second"];
        const APPEAL: &[&str] = &["call", "appeal", "demand", "request", "plea"];
        if !ENDORSE.contains(&self.lemma(clause).to_ascii_lowercase().as_str()) {
            return None;
        }
        let noun = if trigger != clause {
            trigger
        } else {
            self.tree.kids(clause).find(|&k| self.rel(k) == "obj")?
        };
        if !APPEAL.contains(&self.lemma(noun).to_ascii_lowercase().as_str()) {
            return None;
        }
        // "backed the call on Iran to …", "Kenya's demand": the noun's own reading.
        if self.tree.kids(noun).any(|k| {
            matches!(base(self.rel(k)), "nmod") && {
                let mut tmp = Vec::new();
                self.actors_of(k, &mut tmp);
                !tmp.is_empty()
            }
        }) {
            return None;
        }
        let appeal = |c: &str| c.starts_with("02") || c.starts_with("10");
        found
            .iter()
            .rev()
            .find(|f| appeal(f.code) && !f.negated && f.trigger < clause && f.target.is_some())
            .and_then(|f| f.target.map(|t| (f.code, t)))
            .or(self.prev_appeal.map(|(a, c)| (c, a)))
    }

    /// The accused of a disapproval verb `v` that reports a clause: the subject of its
    /// `that`-clause or quote (`ccomp`, `parataxis`, or a quote the parser hung on it as
    /// an `advcl` without a conjunction), or — where the quote is the main clause and
    /// "X alleged" hangs on it — the quote's subject. Not one of `sources`.
    pub(super) fn accused_in_clause(&self, v: usize, sources: &[usize], out: &mut Vec<usize>) {
        let reported = |k: usize| {
            let r = self.rel(k);
            matches!(base(r), "ccomp" | "parataxis")
                || (base(r) == "advcl" && !self.tree.kids(k).any(|m| self.rel(m) == "mark"))
        };
        let mut clauses: Vec<usize> = self.tree.kids(v).filter(|&k| reported(k)).collect();
        if clauses.is_empty() && self.rel(v) == "parataxis" {
            clauses.extend(self.tree.head(v));
        }
        for c in clauses {
            // Only the clause's own subject: nothing inherited from the accuser.
            for k in self.tree.kids(c) {
                if matches!(self.rel(k), "nsubj" | "nsubj:pass") {
                    let mut tmp = Vec::new();
                    self.actors_of(k, &mut tmp);
                    tmp.retain(|a| !sources.contains(a));
                    for a in tmp {
                        if !out.contains(&a) {
                            out.push(a);
                        }
                    }
                }
            }
            if !out.is_empty() {
                return;
            }
        }
    }

    /// The name token heading the phrase of `t` when the tagger read it as a copula of
    /// `t` ("against IS in Syria": `IS` = cop of `Syria`, with "in" between).
    pub(super) fn name_read_as_copula(&self, t: usize) -> Option<usize> {
        let k = self.tree.kids(t).find(|&k| self.rel(k) == "cop" && k < t)?;
        let named = self
            .covering(k)
            .iter()
            .any(|&a| self.actors[a as usize].usable && !self.actors[a as usize].weak);
        let prep_between = self
            .tree
            .kids(t)
            .any(|c| self.rel(c) == "case" && k < c && c < t);
        (named && prep_between).then_some(k)
    }

    /// ", a charge X (quickly) rejected": fills the deniers (the actors between the
    /// accusation noun and the verb `v`) and the accusers (the sources of accusations
    /// and criticism coded earlier in the sentence, else in the sentences before).
    pub(super) fn charge_denied(
        &self,
        v: usize,
        found: &[Found],
        sources: &mut Vec<usize>,
        targets: &mut Vec<usize>,
    ) -> bool {
        const DENY: &[&str] = &["reject", "deny", "dismiss", "refute"];
        const CHARGE: &[&str] = &["charge", "accusation", "allegation", "claim"];
        if !DENY.contains(&self.lemma(v).to_ascii_lowercase().as_str())
            || self.tree.kids(v).any(|k| self.rel(k) == "obj")
        {
            return false;
        }
        // Left of the verb: adverbs, then the denier's name, then the noun.
        let mut i = v;
        let mut deniers = Vec::new();
        let noun = loop {
            if i == 0 || v - i > 10 {
                return false;
            }
            i -= 1;
            let lem = self.lemma(i).to_ascii_lowercase();
            if CHARGE.contains(&lem.as_str()) && matches!(self.s.upos(i), Upos::NOUN) {
                break i;
            }
            match self.s.upos(i) {
                Upos::ADV | Upos::ADJ | Upos::PROPN | Upos::NOUN => {}
                _ => return false,
            }
            for &a in self.covering(i) {
                let a = a as usize;
                if self.actors[a].usable && !deniers.contains(&a) {
                    deniers.push(a);
                }
            }
        };
        // "…, a charge" / "…, the accusation": an apposition to what came before.
        let mut j = noun;
        while j > 0 && matches!(self.s.upos(j - 1), Upos::DET) {
            j -= 1;
        }
        if deniers.is_empty() || j == 0 || self.s.upos(j - 1) != Upos::PUNCT {
            return false;
        }
        let key = |a: usize| self.actors[a].key.as_str();
        for f in found
            .iter()
            .filter(|f| f.code.starts_with("11") && !f.negated)
        {
            if deniers.iter().all(|&d| key(d) != key(f.source)) && !targets.contains(&f.source) {
                targets.push(f.source);
            }
        }
        if targets.is_empty() {
            for &a in self.prev_accusers {
                if deniers.iter().all(|&d| key(d) != key(a)) {
                    targets.push(a);
                }
            }
        }
        sources.extend(deniers);
        true
    }

    /// Doer and target of the event noun `n` named by a participle on it with an agent
    /// ("an operation conducted by X against Y", "sanctions imposed by X on Y").
    pub(super) fn nominal_author(
        &self,
        n: usize,
        root: &str,
        sources: &mut Vec<usize>,
        targets: &mut Vec<usize>,
    ) {
        // "the detention of Kenyan activists by Tanzanian police" with "by …" hung on
        // the activists: the agent of the noun, and the "of" phrase its patient — for
        // acts done to people (17–20), not "the withdrawal of forces by X".
        let coercive = matches!(root, "17" | "18" | "19" | "20");
        for k in self.tree.kids(n).filter(|_| coercive) {
            if base(self.rel(k)) != "nmod" || !self.case_of(k).is_some_and(|c| lower_eq(c, "of")) {
                continue;
            }
            for m in self.tree.kids(k) {
                if base(self.rel(m)) == "nmod" && self.case_of(m).is_some_and(|c| lower_eq(c, "by"))
                {
                    self.actors_of(m, sources);
                }
            }
            if !sources.is_empty() {
                for &a in self.covering(k) {
                    let a = a as usize;
                    if self.actors[a].usable && !sources.contains(&a) && !targets.contains(&a) {
                        targets.push(a);
                    }
                }
                return;
            }
        }
        // Participles on the noun, and the participle of a reduced relative the parser
        // made the main verb ("the airstrikes carried out by Israel against …").
        let misread = self
            .tree
            .head(n)
            .filter(|&h| self.rel(n) == "nsubj" && self.patient_of_participle(h) == Some(n));
        for c in self.tree.kids(n).chain(misread) {
            let participle = self.s.upos(c) == Upos::VERB
                && self.s.feats_str(c).contains("VerbForm=Part")
                && !self.s.feats_str(c).contains("Tense=Pres");
            if !(Some(c) == misread || (self.rel(c) == "acl" && participle)) {
                continue;
            }
            let before = sources.len();
            for k in self.tree.kids(c) {
                if self.is_agent(k) {
                    self.actors_of(k, sources);
                }
            }
            if sources.len() == before {
                continue;
            }
            // The target on the participle, or hung on its agent ("imposed by Washington
            // on Moscow" with "on Moscow" read as a modifier of Washington).
            let agents: Vec<usize> = self.tree.kids(c).filter(|&k| self.is_agent(k)).collect();
            let around = self
                .tree
                .kids(c)
                .chain(agents.into_iter().flat_map(|a| self.tree.kids(a)));
            for k in around.collect::<Vec<_>>() {
                if matches!(base(self.rel(k)), "obl" | "nmod")
                    && self.case_of(k).is_some_and(|p| {
                        matches!(
                            p.to_ascii_lowercase().as_str(),
                            "on" | "against" | "upon" | "into" | "toward" | "towards"
                        )
                    })
                {
                    self.actors_of(k, targets);
                }
            }
            targets.retain(|t| !sources.contains(t));
            return;
        }
    }

    /// Add the names coordinated inside the "of/from" phrase of the mention covering
    /// `t` ("ministers of India and China": China), and a name coordinated with the
    /// mention's own ("Israeli and Hamas negotiators": Israel).
    pub(super) fn conjuncts_inside_mention(&self, t: usize, out: &mut Vec<usize>, depth: usize) {
        let cov = self.covering(t);
        // "Israeli and Hamas negotiators": a modifier coordinated with a name inside
        // the mention names the other side (session 16).
        for k in self.tree.kids(t) {
            if k < t
                && base(self.rel(k)) == "amod"
                && self.covering(k).iter().all(|c| !cov.contains(c))
                && self.tree.kids(k).any(|c| {
                    self.rel(c) == "conj" && self.covering(c).iter().any(|x| cov.contains(x))
                })
            {
                for &a in self.covering(k) {
                    if self.actors[a as usize].usable {
                        Self::push_unique(out, a as usize);
                    }
                }
            }
        }
        for k in self.tree.kids(t) {
            if base(self.rel(k)) != "nmod"
                || !self
                    .case_of(k)
                    .is_some_and(|c| lower_eq(c, "of") || lower_eq(c, "from"))
                || !self.covering(k).iter().any(|c| cov.contains(c))
            {
                continue;
            }
            for c in self.tree.kids(k) {
                if self.rel(c) == "conj" {
                    self.actors_rec(c, out, depth + 1, true);
                }
            }
        }
    }

    /// The holder of the meeting noun `n` (root 04, counterpart `targets` already found)
    /// when it sits in a time phrase ("after/during/before/following/at/in a meeting
    /// with X") of a clause: that clause's subject.
    pub(super) fn meeting_in_passing(
        &self,
        n: usize,
        root: &str,
        targets: &[usize],
        sources: &mut Vec<usize>,
    ) {
        let timed = self.case_of(n).is_some_and(|c| {
            matches!(
                c.to_ascii_lowercase().as_str(),
                // "follow": the lemma of "Following a meeting with X, …".
                "after" | "during" | "before" | "following" | "follow" | "at" | "in" | "on"
            )
        });
        if root != "04" || !timed {
            return;
        }
        let Some(v) = self.tree.head(n) else {
            return;
        };
        if matches!(base(self.rel(n)), "appos" | "nmod")
            && base(self.rel(v)) == "nsubj"
            && self.rel(v) != "nsubj:pass"
        {
            // "Modi, after a meeting with Putin, said …" hung on the subject itself.
            let mut tmp = Vec::new();
            self.actors_of(v, &mut tmp);
            tmp.retain(|a| !targets.contains(a));
            sources.extend(tmp);
            return;
        }
        if base(self.rel(n)) != "obl" || !matches!(self.s.upos(v), Upos::VERB) {
            return;
        }
        let mut tmp = Vec::new();
        if self.subject_of(v, &mut tmp, 0) {
            // A passive clause's agent is not the one who met.
            return;
        }
        tmp.retain(|a| !targets.contains(a));
        sources.extend(tmp);
    }
}
