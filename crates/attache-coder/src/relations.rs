//! Representation and recognition facts read from sentences (issue 6, text side).
//!
//! Why separate from event coding: an event says something happened; the ledger needs
//! the *state* that results — who is represented at which level in whom, and who deals
//! formally with which government. Those facts come from a narrower set of
//! constructions (upgrade/downgrade of a mission "from X to Y level", appointing or
//! recalling an ambassador, credentials, closing or reopening an embassy, severing or
//! restoring relations, exchanging ambassadors, recognising or maintaining relations with
//! a government) whose arguments need different roles than CAMEO's source/target — the
//! sender of a mission, the receiver that hosts it, the level before and after. Reading
//! them here from the same tree and actors keeps the event coder simple and gives the
//! ledger evidence-carrying facts it can store without interpretation.

use crate::extract::SentenceCoder;
use attache_core::{FuzzyDate, RecognitionKind, RepLevel};
use attache_text::Upos;

/// A representation change found in a sentence (actors are indices into the
/// sentence's actor slice).
#[derive(Debug, Clone, PartialEq)]
pub struct RepFound {
    pub sender: usize,
    pub receiver: usize,
    pub from: Option<RepLevel>,
    pub to: RepLevel,
    pub action: &'static str,
    pub trigger: usize,
    pub date: Option<FuzzyDate>,
    pub confidence: f32,
}

/// A recognition fact found in a sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct RecFound {
    pub recognizer: usize,
    pub government: usize,
    pub kind: RecognitionKind,
    pub trigger: usize,
    pub date: Option<FuzzyDate>,
    pub confidence: f32,
}

/// Extra facts about the sentence's actors the relations reader needs.
pub trait ActorInfo {
    /// Whether the actor is a state (or stands for one: capital, government of a state).
    fn is_state(&self, a: usize) -> bool;
    /// Whether the actor is a government distinct from its state's usual one
    /// (e.g. the Taliban-led administration).
    fn is_government(&self, a: usize) -> bool;
}

fn level_word(lemma: &str) -> Option<RepLevel> {
    let l = lemma.to_lowercase();
    if l.starts_with("ambassador") {
        Some(RepLevel::Ambassador)
    } else if l.starts_with("chargé") || l.starts_with("charge") || l == "cda" {
        Some(RepLevel::ChargeDAffaires)
    } else if l == "minister" || l == "legation" || l == "envoy" {
        Some(RepLevel::Minister)
    } else {
        None
    }
}

impl SentenceCoder<'_> {
    fn lem(&self, i: usize) -> String {
        self.s.lemma(i).to_lowercase()
    }

    fn obj_lemma_in(&self, v: usize, words: &[&str]) -> Option<usize> {
        self.tree_kids(v).find(|&k| {
            matches!(self.s.deprel(k), "obj" | "nsubj:pass")
                && words.iter().any(|w| *w == self.lem(k))
        })
    }

    fn tree_kids(&self, v: usize) -> impl Iterator<Item = usize> + '_ {
        self.tree.kids(v)
    }

    /// Levels named after the trigger: "from Chargé d'Affaires to Ambassador level".
    fn levels_after(&self, t: usize) -> (Option<RepLevel>, Option<RepLevel>) {
        let (mut from, mut to) = (None, None);
        let n = self.s.len();
        let mut last_prep: Option<String> = None;
        for i in t + 1..n {
            let l = self.lem(i);
            if l == "from" || l == "to" {
                last_prep = Some(l);
                continue;
            }
            if matches!(self.s.upos(i), Upos::PUNCT) && self.s.form(self.text, i) == "." {
                break;
            }
            if let Some(lv) = level_word(self.s.form(self.text, i)) {
                match last_prep.as_deref() {
                    Some("from") if from.is_none() => from = Some(lv),
                    Some("to") if to.is_none() => to = Some(lv),
                    _ => {}
                }
                last_prep = None;
            }
        }
        (from, to)
    }

    fn states_of(&self, t: usize, info: &dyn ActorInfo) -> Vec<usize> {
        let mut v = Vec::new();
        self.actors_of(t, &mut v);
        v.retain(|&a| info.is_state(a));
        v
    }

    fn date_for(&self, t: usize) -> Option<FuzzyDate> {
        let mut best = None;
        for &(tok, d) in &self.dates {
            if self.tree.dominates(t, tok) {
                best = Some(d);
            }
        }
        best.or(self
            .published
            .filter(|p| p.precision == attache_core::DatePrecision::Day))
    }

    /// "suspended the work of its embassy", "halted the operations of the mission": the
    /// embassy whose activity is the object of `v` (closing its work closes it).
    fn embassy_activity(&self, v: usize) -> Option<usize> {
        let act = self.obj_lemma_in(
            v,
            &[
                "work",
                "operation",
                "operations",
                "activity",
                "activities",
                "function",
                "functions",
                "functioning",
                "service",
                "services",
            ],
        )?;
        self.tree_kids(act).find(|&k| {
            self.s.deprel(k).starts_with("nmod")
                && matches!(self.lem(k).as_str(), "embassy" | "mission" | "consulate")
        })
    }

    /// A state named with a preposition in `preps` on `v` or its object.
    fn prep_state(&self, v: usize, preps: &[&str], info: &dyn ActorInfo) -> Vec<usize> {
        let mut nodes = vec![v];
        nodes.extend(
            self.tree_kids(v)
                .filter(|&k| matches!(self.s.deprel(k), "obj" | "nsubj:pass")),
        );
        for node in nodes {
            for k in self.tree_kids(node) {
                let r = self.s.deprel(k);
                if !(r.starts_with("obl") || r.starts_with("nmod")) || r == "nmod:poss" {
                    continue;
                }
                let case = self
                    .tree_kids(k)
                    .find(|&c| self.s.deprel(c) == "case")
                    .map(|c| self.lem(c));
                if case.as_deref().is_some_and(|c| preps.contains(&c)) {
                    let st = self.states_of(k, info);
                    if !st.is_empty() {
                        return st;
                    }
                }
            }
        }
        Vec::new()
    }

    /// Whether `v` is only planned, hoped or possible — "plans to appoint an
    /// ambassador", "will upgrade", "may recognise": nothing changes in the ledger yet
    /// (a modal auxiliary, or the complement of a verb of planning or wishing).
    fn unrealised(&self, v: usize) -> bool {
        const MODALS: &[&str] = &[
            "will", "would", "may", "might", "could", "should", "can", "shall", "must",
        ];
        const PLANNING: &[&str] = &[
            "plan", "intend", "hope", "want", "seek", "expect", "aim", "propose", "consider",
            "wish", "prepare", "threaten", "refuse", "offer", "ask", "urge", "call",
        ];
        if self
            .tree_kids(v)
            .any(|k| self.s.deprel(k) == "aux" && MODALS.contains(&self.lem(k).as_str()))
        {
            return true;
        }
        self.s.deprel(v).starts_with("xcomp")
            && self
                .s
                .head(v)
                .is_some_and(|h| PLANNING.contains(&self.lem(h).as_str()))
    }

    /// Another state in the sentence than `not`.
    fn other_state(&self, not: &[usize], info: &dyn ActorInfo) -> Option<usize> {
        let keys: Vec<&str> = not.iter().map(|&a| self.actors[a].key.as_str()).collect();
        (0..self.actors.len()).find(|&a| {
            self.actors[a].in_sentence
                && info.is_state(a)
                && !keys.contains(&self.actors[a].key.as_str())
        })
    }

    /// Representation changes and recognition facts in the sentence.
    pub fn relations(&self, info: &dyn ActorInfo) -> (Vec<RepFound>, Vec<RecFound>) {
        let mut reps = Vec::new();
        let mut recs = Vec::new();
        for v in 0..self.s.len() {
            if !matches!(self.s.upos(v), Upos::VERB | Upos::NOUN | Upos::X) {
                continue;
            }
            let l = self.lem(v);
            let negated = self
                .tree_kids(v)
                .any(|k| matches!(self.lem(k).as_str(), "not" | "never" | "n't"))
                || self.unrealised(v);
            let mut subj = Vec::new();
            if self.s.upos(v) != Upos::NOUN {
                self.subject_of(v, &mut subj, 0);
            }
            subj.retain(|&a| info.is_state(a));
            let date = self.date_for(v);
            let mission_words = [
                "mission",
                "embassy",
                "representation",
                "relation",
                "tie",
                "level",
                "rank",
                "status",
            ];
            let push = |sender: usize,
                        receiver: usize,
                        from,
                        to,
                        action,
                        conf: f32,
                        reps: &mut Vec<RepFound>| {
                if self.actors[sender].key != self.actors[receiver].key {
                    reps.push(RepFound {
                        sender,
                        receiver,
                        from,
                        to,
                        action,
                        trigger: v,
                        date,
                        confidence: conf,
                    });
                }
            };
            // Recognition and engagement.
            let rec_kind = match l.as_str() {
                "recognize" | "recognise" => Some(if negated {
                    RecognitionKind::Withholds
                } else {
                    RecognitionKind::Recognizes
                }),
                "maintain" | "have" | "keep" | "establish" | "hold"
                    if !negated
                        && self
                            .obj_lemma_in(v, &["relation", "tie", "contact", "relations", "ties"])
                            .is_some() =>
                {
                    Some(RecognitionKind::FormalRelations)
                }
                "accept" | "receive"
                    if !negated
                        && self
                            .obj_lemma_in(v, &["ambassador", "envoy", "diplomat"])
                            .is_some() =>
                {
                    Some(RecognitionKind::AcceptsEnvoy)
                }
                _ => None,
            };
            if let Some(kind) = rec_kind {
                // Maintaining formal relations states the relationship itself; accepting
                // an envoy is evidence of it: on one day the ledger keeps the stronger.
                let conf = match kind {
                    RecognitionKind::AcceptsEnvoy => 0.7,
                    RecognitionKind::FormalRelations => 0.8,
                    _ => 0.75,
                };
                let withheld = kind == RecognitionKind::Withholds
                    || self
                        .tree
                        .head(v)
                        .is_some_and(|h| matches!(self.lem(h).as_str(), "refuse" | "decline"));
                let kind = if withheld {
                    RecognitionKind::Withholds
                } else {
                    kind
                };
                let mut govs = Vec::new();
                for k in self.tree_kids(v) {
                    let r = self.s.deprel(k);
                    if r == "obj" {
                        let mut g = Vec::new();
                        self.actors_of(k, &mut g);
                        govs.extend(g);
                    }
                    if r.starts_with("obl") {
                        let mut g = Vec::new();
                        self.actors_of(k, &mut g);
                        govs.extend(g);
                    }
                }
                if let Some(o) = self.tree_kids(v).find(|&k| self.s.deprel(k) == "obj") {
                    for k in self.tree_kids(o) {
                        if self.s.deprel(k).starts_with("nmod") {
                            self.actors_of(k, &mut govs);
                        }
                        // "an ambassador sent by the Taliban-led government": the
                        // envoy's sender is the agent of the participle on it.
                        if self.s.deprel(k).starts_with("acl") {
                            for a in self.tree_kids(k) {
                                let r = self.s.deprel(a);
                                if r == "obl:agent"
                                    || (r.starts_with("obl")
                                        && self.tree_kids(a).any(|c| {
                                            self.s.deprel(c) == "case" && self.lem(c) == "by"
                                        }))
                                {
                                    self.actors_of(a, &mut govs);
                                }
                            }
                        }
                    }
                }
                govs.retain(|&g| info.is_government(g));
                for &s in &subj {
                    for &g in &govs {
                        if self.actors[s].key != self.actors[g].key {
                            recs.push(RecFound {
                                recognizer: s,
                                government: g,
                                kind,
                                trigger: v,
                                date,
                                confidence: conf,
                            });
                        }
                    }
                }
            }
            match l.as_str() {
                "upgrade" | "elevate" | "raise" | "downgrade" | "lower" | "reduce"
                    if !negated && self.s.upos(v) != Upos::NOUN =>
                {
                    if self.obj_lemma_in(v, &mission_words).is_none()
                        && self.levels_after(v).1.is_none()
                    {
                        continue;
                    }
                    let (from, to) = self.levels_after(v);
                    let up = matches!(l.as_str(), "upgrade" | "elevate" | "raise");
                    let to = match to {
                        Some(t) => t,
                        None if !up => RepLevel::ChargeDAffaires,
                        None => continue,
                    };
                    let conf = if from.is_some() { 0.85 } else { 0.6 };
                    for &s in &subj {
                        let mut recv = self.prep_state(v, &["in", "with"], info);
                        if recv.is_empty() {
                            recv.extend(self.other_state(&[s], info));
                        }
                        for r in recv {
                            push(
                                s,
                                r,
                                from,
                                to,
                                if up { "upgrade" } else { "downgrade" },
                                conf,
                                &mut reps,
                            );
                        }
                    }
                }
                "appoint" | "name" | "nominate" | "accredit" if !negated => {
                    if self.obj_lemma_in(v, &["ambassador"]).is_none()
                        && !self.tree_kids(v).any(|k| {
                            self.s.deprel(k).starts_with("xcomp") && self.lem(k) == "ambassador"
                        })
                        && !self.tree_kids(v).any(|k| {
                            self.s.deprel(k).starts_with("obl") && self.lem(k) == "ambassador"
                        })
                    {
                        continue;
                    }
                    let mut recv = Vec::new();
                    for k in self.tree_kids(v) {
                        if self.lem(k) == "ambassador" {
                            recv.extend(self.prep_state(k, &["to", "in"], info));
                        }
                    }
                    if recv.is_empty() {
                        recv = self.prep_state(v, &["to", "in"], info);
                    }
                    for &s in &subj {
                        if recv.is_empty() {
                            recv.extend(self.other_state(&[s], info));
                        }
                        for &r in &recv {
                            push(s, r, None, RepLevel::Ambassador, "appoint", 0.75, &mut reps);
                        }
                    }
                }
                "present" | "submit" | "hand" | "accept" | "receive" if !negated => {
                    let Some(o) = self
                        .obj_lemma_in(v, &["credential"])
                        .or_else(|| self.obj_lemma_in(v, &["credentials"]))
                    else {
                        continue;
                    };
                    if matches!(l.as_str(), "accept" | "receive") {
                        // Host accepts the credentials of X's ambassador.
                        let mut senders = Vec::new();
                        for k in self.tree_kids(o) {
                            if self.s.deprel(k).starts_with("nmod") {
                                senders.extend(self.states_of(k, info));
                            }
                        }
                        for &r in &subj {
                            for &s in &senders {
                                push(
                                    s,
                                    r,
                                    None,
                                    RepLevel::Ambassador,
                                    "credentials",
                                    0.8,
                                    &mut reps,
                                );
                            }
                        }
                    } else {
                        let recv = self.prep_state(v, &["to"], info);
                        for &s in &subj {
                            for &r in &recv {
                                push(
                                    s,
                                    r,
                                    None,
                                    RepLevel::Ambassador,
                                    "credentials",
                                    0.8,
                                    &mut reps,
                                );
                            }
                        }
                    }
                }
                "recall" | "withdraw" if !negated => {
                    if self.obj_lemma_in(v, &["ambassador", "envoy"]).is_none() {
                        continue;
                    }
                    let mut recv = self.prep_state(v, &["from", "in", "to"], info);
                    for &s in &subj {
                        if recv.is_empty() {
                            recv.extend(self.other_state(&[s], info));
                        }
                        for &r in &recv {
                            push(
                                s,
                                r,
                                None,
                                RepLevel::ChargeDAffaires,
                                "recall",
                                0.6,
                                &mut reps,
                            );
                        }
                    }
                }
                "expel" if !negated => {
                    let Some(o) = self.obj_lemma_in(v, &["ambassador", "envoy"]) else {
                        continue;
                    };
                    let mut senders = Vec::new();
                    for k in self.tree_kids(o) {
                        let r = self.s.deprel(k);
                        if r == "nmod:poss"
                            || r.starts_with("amod")
                            || r.starts_with("compound")
                            || r.starts_with("nmod")
                        {
                            senders.extend(self.states_of(k, info));
                        }
                    }
                    for &host in &subj {
                        if senders.is_empty() {
                            senders.extend(self.other_state(&[host], info));
                        }
                        for &s in &senders {
                            push(
                                s,
                                host,
                                None,
                                RepLevel::ChargeDAffaires,
                                "expel",
                                0.6,
                                &mut reps,
                            );
                        }
                    }
                }
                "close" | "shut" | "suspend" | "reopen" if !negated => {
                    let Some(o) = self
                        .obj_lemma_in(v, &["embassy", "mission", "consulate"])
                        .or_else(|| self.embassy_activity(v))
                    else {
                        continue;
                    };
                    if self.lem(o) == "consulate" {
                        continue;
                    }
                    let reopen = l == "reopen";
                    let mut recv = self.prep_state(o, &["in"], info);
                    if recv.is_empty() {
                        recv = self.prep_state(v, &["in"], info);
                    }
                    for &s in &subj {
                        if recv.is_empty() {
                            recv.extend(self.other_state(&[s], info));
                        }
                        for &r in &recv {
                            let (to, act) = if reopen {
                                (RepLevel::Other, "reopen")
                            } else {
                                (RepLevel::None, "close")
                            };
                            push(s, r, None, to, act, 0.7, &mut reps);
                        }
                    }
                }
                // "severe": the lemmatizer's guess for an unseen "severed" (the adjective
                // is a known lemma); no verb "severe" exists, so it can only mean this.
                "sever" | "severe" | "cut" | "break" | "restore" | "establish" | "resume"
                | "reestablish" | "re-establish"
                    if !negated =>
                {
                    if self
                        .obj_lemma_in(v, &["relation", "tie", "relations", "ties"])
                        .is_none()
                    {
                        continue;
                    }
                    let restore = !matches!(l.as_str(), "sever" | "severe" | "cut" | "break");
                    let mut parties = subj.clone();
                    parties.extend(self.prep_state(v, &["with"], info));
                    let level = if !restore {
                        RepLevel::None
                    } else if self.levels_after(v).1.is_some()
                        || self
                            .s
                            .tokens
                            .iter()
                            .any(|t| t.lemma.starts_with("ambassadorial"))
                    {
                        RepLevel::Ambassador
                    } else {
                        RepLevel::Other
                    };
                    let action = match l.as_str() {
                        "sever" | "severe" | "cut" | "break" => "sever",
                        "establish" => "establish",
                        _ => "restore",
                    };
                    if parties.len() == 1 {
                        parties.extend(self.other_state(&parties.clone(), info));
                    }
                    for &a in &parties {
                        for &b in &parties {
                            push(a, b, None, level, action, 0.75, &mut reps);
                        }
                    }
                }
                "exchange" => {
                    let is_amb =
                        |k: usize| matches!(self.lem(k).as_str(), "ambassador" | "ambassadors");
                    let mut parties;
                    if self.s.upos(v) == Upos::NOUN {
                        let amb = self
                            .tree_kids(v)
                            .any(|k| is_amb(k) || self.lem(k).starts_with("ambassadorial"));
                        if !amb {
                            continue;
                        }
                        parties = self.prep_state(v, &["between"], info);
                    } else {
                        if !self
                            .tree_kids(v)
                            .any(|k| self.s.deprel(k) == "obj" && is_amb(k))
                            || negated
                        {
                            continue;
                        }
                        parties = subj.clone();
                        parties.extend(self.prep_state(v, &["with"], info));
                    }
                    for &a in &parties {
                        for &b in &parties {
                            push(a, b, None, RepLevel::Ambassador, "exchange", 0.8, &mut reps);
                        }
                    }
                }
                _ => {}
            }
        }
        (reps, recs)
    }
}
