//! Events in background and subordinate positions: temporal and causal clauses,
//! causative participles, analysts' forecasts.
//!
//! Why a module of its own: news and analysis pieces report many specific past acts
//! outside the main clause — "Turkey condemned Israel after Israeli forces attacked
//! Hamas", "China banned seafood imports from Japan, prompting Tokyo to summon the
//! Chinese ambassador" — and the gold codes them (docs/gold-guidelines.md: specific
//! past events in background are events; generic, habitual and hypothetical ones are
//! not). The coder is built around main clauses, and three recurrent shapes lost or
//! mis-assigned these acts:
//!
//! * **Subordinate clauses the parser misread.** A subordinator that is also a
//!   preposition ("after", "before", "since", "until") is often parsed as the case of
//!   the clause's subject ("after [Israeli forces]" as an `obl` of the main verb, the
//!   verb an `advcl` with no subject of its own), so the subordinate act took the main
//!   clause's subject as its doer; or the clause is hung as a `ccomp` of the main verb
//!   with the subordinator as its `mark`, which made it the content of what the main
//!   verb says ("Turkey protested after Israel attacked Gaza": not what Turkey
//!   protested). [`repair`] mends both shapes in the tree before anything reads it, so
//!   every rule (subjects, targets, dates, the guessed target) sees the clause as
//!   the adverbial it is.
//! * **Causatives.** "prompting Tokyo to summon …", "forced Pakistan to close …",
//!   "led Kenya to recall …": the object of the causative verb does the caused act
//!   (object control), which is an actual act, not a request; the tree gives the
//!   infinitive no subject and the extractor used to take the causer's.
//! * **Forecasts.** "Experts say Moscow is unlikely to attack a NATO member", "is
//!   likely to retaliate": analysts' predictions are neither acts nor intents.
//!
//! The repairs look only at the tree's shape and a closed list of subordinators and
//! causative verbs, never at particular names, so they carry over to unseen text.

use super::*;

/// Subordinators that open an adverbial clause and can be misread as prepositions or
/// as the mark of a content clause.
const SUBORDINATORS: &[&str] = &[
    "after", "before", "since", "until", "till", "because", "when", "while", "once", "as",
    "whereas", "although", "though",
];

/// The subset the parser reads as a preposition of a noun phrase ("after the talks").
const PREPOSITIONAL: &[&str] = &["after", "before", "since", "until", "till"];

/// Verbs whose object does what the infinitive says ("prompting Tokyo to protest"),
/// reported as having happened.
const CAUSATIVES: &[&str] = &[
    "prompt", "force", "compel", "oblige", "lead", "cause", "spur", "drive", "provoke", "trigger",
];

/// Repairs of subordinate clauses the parser misread (module docs). Returns the tree
/// and the relations to read instead of the parser's (token, relation), empty when
/// nothing was repaired.
pub(super) fn repair(text: &str, s: &Sentence) -> (Tree, Vec<(usize, &'static str)>) {
    let tree = Tree::new(s);
    let n = s.len();
    let mut fix: Vec<(usize, &'static str)> = Vec::new();
    let mut moved: Vec<(usize, usize)> = Vec::new();
    // Lemma comparisons without allocating (this runs on every sentence).
    let lemma_in =
        |i: usize, words: &[&str]| words.iter().any(|w| s.lemma(i).eq_ignore_ascii_case(w));
    for v in 0..n {
        if !matches!(s.upos(v), Upos::VERB | Upos::AUX) {
            continue;
        }
        let rel = base(s.deprel(v));
        // "vowed to retaliate following Iran's missile attack" with "following" read
        // as a verb whose object is the attack: a preposition (like "after").
        if s.xpos(v) == "VBG"
            && s.form(text, v).eq_ignore_ascii_case("following")
            && matches!(rel, "xcomp" | "advcl" | "acl")
            && !tree
                .kids(v)
                .any(|k| matches!(base(s.deprel(k)), "nsubj" | "aux" | "mark" | "cop"))
        {
            let obj = tree
                .kids(v)
                .find(|&k| s.deprel(k) == "obj" && matches!(s.upos(k), Upos::NOUN | Upos::PROPN));
            if let (Some(o), Some(h)) = (obj, tree.head(v)) {
                moved.push((o, h));
                moved.push((v, o));
                fix.push((o, "obl"));
                fix.push((v, "case"));
                continue;
            }
        }
        // "Following talks with X, the minister said …" read with "Following" as an
        // adjective of "talks" and "talks" as a second subject of "said".
        if s.xpos(v) == "VBG" && s.form(text, v).eq_ignore_ascii_case("following") && rel == "amod"
        {
            if let Some(nn) = tree
                .head(v)
                .filter(|&nn| nn > v && base(s.deprel(nn)) == "nsubj")
            {
                let second = tree.head(nn).is_some_and(|h| {
                    tree.kids(h)
                        .any(|k| k != nn && base(s.deprel(k)) == "nsubj")
                });
                if second && (0..v).all(|i| s.upos(i) == Upos::PUNCT) {
                    fix.push((nn, "obl"));
                    fix.push((v, "case"));
                    continue;
                }
            }
        }
        // "The tariffs prompted Mexico to impose duties": the infinitive of a causative
        // with an object is its complement (not a purpose clause).
        if rel == "advcl" {
            if let Some(h) = tree.head(v) {
                let to = tree
                    .kids(v)
                    .any(|k| s.deprel(k) == "mark" && lemma_in(k, &["to"]));
                let causative = lemma_in(h, CAUSATIVES)
                    && tree
                        .kids(h)
                        .any(|o| matches!(s.deprel(o), "obj" | "iobj") && o < v);
                if to && causative && !tree.kids(v).any(|k| base(s.deprel(k)) == "nsubj") {
                    fix.push((v, "xcomp"));
                    continue;
                }
            }
        }
        // "closed the border following clashes with …" read as "the border-following
        // clashes": the compound before "following" is the verb's object, the noun
        // after it the oblique "following" introduces.
        if s.xpos(v) == "VBG" && s.form(text, v).eq_ignore_ascii_case("following") && rel == "amod"
        {
            if let Some(nn) = tree.head(v).filter(|&nn| nn > v) {
                let c = tree
                    .kids(nn)
                    .filter(|&c| {
                        c < v
                            && s.deprel(c) == "compound"
                            && matches!(s.upos(c), Upos::NOUN | Upos::PROPN)
                    })
                    .last();
                let new_rel = match base(s.deprel(nn)) {
                    "obj" => Some("obj"),
                    "nsubj" => Some("nsubj"),
                    "obl" => Some("obl"),
                    _ => None,
                };
                if let (Some(c), Some(h), Some(r)) = (c, tree.head(nn), new_rel) {
                    moved.push((c, h));
                    fix.push((c, r));
                    for k in tree.kids(nn) {
                        if k < c {
                            moved.push((k, c));
                        }
                    }
                    moved.push((v, nn));
                    fix.push((v, "case"));
                    fix.push((nn, "obl"));
                    continue;
                }
            }
        }
        // "Turkey protested after Israel attacked Gaza" parsed with "after" as the
        // mark of a content clause: an adverbial clause.
        if rel == "ccomp" {
            let subordinated = tree
                .kids(v)
                .any(|k| s.deprel(k) == "mark" && lemma_in(k, SUBORDINATORS));
            if subordinated {
                fix.push((v, "advcl"));
            }
            continue;
        }
        if !matches!(rel, "advcl" | "parataxis" | "acl") {
            continue;
        }
        // "condemned Israel after [Israeli forces] attacked Hamas", "days after [the
        // United States] struck …": the prepositional phrase just before a subjectless
        // finite verb (or an active participle with an object) is the clause's subject.
        let finite = matches!(s.xpos(v), "VBD" | "VBZ" | "VBP");
        let active_participle = s.xpos(v) == "VBN" && tree.kids(v).any(|k| s.deprel(k) == "obj");
        if !finite && !active_participle {
            continue;
        }
        if tree
            .kids(v)
            .any(|k| matches!(base(s.deprel(k)), "nsubj" | "csubj" | "mark" | "expl"))
        {
            continue;
        }
        // The phrase must end right before the verb, with only the verb's own
        // auxiliaries or adverbs in between ("after Iranian forces had seized …").
        let mut e = v;
        while e > 0
            && tree.head(e - 1) == Some(v)
            && matches!(base(s.deprel(e - 1)), "aux" | "advmod")
        {
            e -= 1;
        }
        if e == 0 {
            continue;
        }
        let e = e - 1;
        let found = (0..e + 1).rev().find(|&k| {
            matches!(s.upos(k), Upos::NOUN | Upos::PROPN | Upos::PRON)
                && tree
                    .kids(k)
                    .any(|c| s.deprel(c) == "case" && c < k && lemma_in(c, PREPOSITIONAL))
                && tree.dominates(k, e)
                && !tree.dominates(k, v)
                && (e + 1 < n && !tree.dominates(k, e + 1))
        });
        let Some(k) = found else {
            continue;
        };
        let Some(case) = tree
            .kids(k)
            .find(|&c| s.deprel(c) == "case" && lemma_in(c, PREPOSITIONAL))
        else {
            continue;
        };
        // The clause the phrase stood in: the nearest verb above it, which the
        // subordinate clause now modifies (unless it already hangs below it).
        if tree.head(k) != Some(v) {
            let mut g = tree.head(k);
            for _ in 0..n {
                match g {
                    Some(x) if !matches!(s.upos(x), Upos::VERB | Upos::AUX) => match tree.head(x) {
                        Some(y) => g = Some(y),
                        None => break,
                    },
                    _ => break,
                }
            }
            let Some(g) = g else {
                continue;
            };
            if tree.dominates(v, g) {
                continue;
            }
            moved.push((v, g));
            fix.push((v, "advcl"));
        }
        moved.push((k, v));
        moved.push((case, v));
        fix.push((k, "nsubj"));
        fix.push((case, "mark"));
    }
    if moved.is_empty() {
        return (tree, fix);
    }
    let heads: Vec<Option<usize>> = (0..n)
        .map(|i| {
            moved
                .iter()
                .find(|&&(t, _)| t == i)
                .map(|&(_, h)| Some(h))
                .unwrap_or_else(|| tree.head(i))
        })
        .collect();
    (Tree::from_heads(heads), fix)
}

impl SentenceCoder<'_> {
    /// The object of a causative verb whose infinitive `v` is ("prompting Tokyo to
    /// summon the ambassador", "prompted Canada to impose duties", the infinitive hung
    /// as `xcomp` or as a "to" `advcl`): it does the act (module docs).
    pub(super) fn causative_object(&self, v: usize) -> Option<usize> {
        let h = self.tree.head(v)?;
        let r = base(self.rel(v));
        let infinitive = r == "xcomp"
            || (r == "advcl"
                && self.tree.kids(v).any(|k| {
                    matches!(self.rel(k), "mark" | "case") && lower_eq(self.lemma(k), "to")
                }));
        if !infinitive
            || self
                .tree
                .kids(v)
                .any(|k| matches!(base(self.rel(k)), "nsubj" | "csubj"))
        {
            return None;
        }
        if !CAUSATIVES.contains(&self.lemma(h).to_ascii_lowercase().as_str()) {
            return None;
        }
        // ("prompting Manila to accuse …" parsed with Manila as `iobj`.)
        self.tree
            .kids(h)
            .find(|&o| o < v && matches!(self.rel(o), "obj" | "iobj"))
    }

    /// Whether `v` is what someone is (un)likely to do: "Moscow is unlikely to attack a
    /// NATO member", "Beijing is likely to retaliate" — a forecast, not an act.
    pub(super) fn forecast(&self, v: usize) -> bool {
        if base(self.rel(v)) != "xcomp" {
            return false;
        }
        self.tree.head(v).is_some_and(|h| {
            matches!(
                self.lemma(h).to_ascii_lowercase().as_str(),
                "likely" | "unlikely" | "probable" | "improbable"
            )
        })
    }
}

impl SentenceCoder<'_> {
    /// The one a disapproval (11, 12) with no target in the tree is aimed at, when the
    /// sentence names it in a background position:
    ///
    /// * the doer named in a relative clause on the disapproved act — "China condemned
    ///   the tariffs that Washington announced", "condemned the strikes Israel carried
    ///   out" (the "by" agent of a participle is read in verbal.rs);
    /// * the subject of the clause a disapproval noun is a concession or circumstance
    ///   of — "Despite Beijing's objections, the Czech Senate president visited Taiwan",
    ///   "Over Moscow's protests, Finland joined NATO": the objection is to that act.
    pub(super) fn background_target(
        &self,
        trigger: usize,
        clause: usize,
        p: &Pattern,
        sources: &[usize],
        targets: &mut Vec<usize>,
    ) {
        let skeys: Vec<&str> = sources
            .iter()
            .map(|&s| self.actors[s].key.as_str())
            .collect();
        let before = targets.len();
        if p.pos == TriggerPos::Verb && trigger == clause {
            for o in self.kids_rel(trigger, "obj") {
                // An act, not an actor ("condemned the executions that Iran carried out").
                if self.s.upos(o) != Upos::NOUN || !self.covering(o).is_empty() {
                    continue;
                }
                for k in self.tree.kids(o) {
                    if !matches!(self.rel(k), "acl:relcl" | "acl")
                        || !matches!(self.s.upos(k), Upos::VERB)
                    {
                        continue;
                    }
                    let had = targets.len();
                    for sj in self.kids_rel(k, "nsubj") {
                        if !matches!(
                            self.lemma(sj).to_ascii_lowercase().as_str(),
                            "which" | "that"
                        ) {
                            self.actors_of(sj, targets);
                        }
                    }
                    // The act itself names no one it was done to ("the tariffs that
                    // Washington announced"): the word-order reading must not make the
                    // critic its target.
                    let named_other = (k..self.s.len())
                        .take_while(|&i| self.tree.dominates(k, i))
                        .any(|i| {
                            self.covering(i)
                                .iter()
                                .any(|&a| !targets[had..].contains(&(a as usize)))
                        });
                    if targets.len() > had && !named_other {
                        self.decided.borrow_mut().push(k);
                    }
                }
            }
        } else if p.pos == TriggerPos::Noun {
            let concession = self.case_of(trigger).is_some_and(|c| {
                matches!(
                    c.to_ascii_lowercase().as_str(),
                    "despite" | "over" | "amid" | "notwithstanding" | "spite"
                )
            });
            if concession && base(self.rel(trigger)) == "obl" {
                if let Some(h) = self.tree.head(trigger) {
                    if matches!(self.s.upos(h), Upos::VERB) {
                        let mut subj = Vec::new();
                        let passive = self.subject_of(h, &mut subj, 0);
                        if !passive {
                            targets.extend(subj);
                        }
                    }
                }
            }
        }
        let mut i = before;
        while i < targets.len() {
            let a = targets[i];
            if !self.actors[a].usable || skeys.contains(&self.actors[a].key.as_str()) {
                targets.remove(i);
            } else {
                i += 1;
            }
        }
    }
}

impl SentenceCoder<'_> {
    /// The other side of a clash, fight or war noun with a named counterpart that sits
    /// in a time phrase of a clause ("Pakistan closed the border following clashes with
    /// Afghan forces", "after fighting with the RSF, the army retook the city"): the
    /// clause's subject, as for meetings in passing (roles.rs `meeting_in_passing`).
    pub(super) fn clash_in_passing(
        &self,
        n: usize,
        p: &Pattern,
        targets: &[usize],
        sources: &mut Vec<usize>,
    ) {
        if !p.symmetric || !p.code.starts_with("19") || base(self.rel(n)) != "obl" {
            return;
        }
        let timed = self.case_of(n).is_some_and(|c| {
            matches!(
                c.to_ascii_lowercase().as_str(),
                "after" | "during" | "before" | "following" | "follow" | "amid" | "since"
            )
        });
        let Some(v) = self.tree.head(n) else {
            return;
        };
        if !timed || !matches!(self.s.upos(v), Upos::VERB) {
            return;
        }
        let mut tmp = Vec::new();
        if self.subject_of(v, &mut tmp, 0) {
            return;
        }
        tmp.retain(|a| !targets.contains(a));
        sources.extend(tmp);
    }
}

impl SentenceCoder<'_> {
    /// What someone is accused of, when the parser hung the gerund on the accused
    /// ("accused [the Taliban [of sheltering militants]]", the gerund an `nmod` or `acl`
    /// of the object with "of" as its mark) — also in a participial adjunct
    /// ("Pakistan struck Afghanistan, accusing the Taliban of sheltering militants"):
    /// the accusation's content, not an act of the sentence.
    pub(super) fn accused_of(&self, v: usize) -> bool {
        // A gerund: "held two days of talks" is no accusation ("hold" has 11x senses).
        if self.s.upos(v) != Upos::VERB || !matches!(base(self.rel(v)), "nmod" | "acl") {
            return false;
        }
        let of = self
            .tree
            .kids(v)
            .any(|k| matches!(self.rel(k), "mark" | "case") && lower_eq(self.lemma(k), "of"));
        let Some(n) = self.tree.head(v) else {
            return false;
        };
        if !of || base(self.rel(n)) != "obj" {
            return false;
        }
        self.tree.head(n).is_some_and(|h| {
            self.s.upos(h) == Upos::VERB
                && self
                    .patterns
                    .verb(&self.lemma(h).to_ascii_lowercase())
                    .iter()
                    .any(|p| p.code.starts_with("11"))
        })
    }
}

#[cfg(test)]
mod tests {
    //! The repairs on the misparses the parser actually produced for sentences of ours
    //! (hand-built here so that the test does not depend on the parser's version).
    use super::*;
    use attache_text::doc::TokenRecord;

    /// `form lemma UPOS XPOS head deprel` lines, forms found in order in `text`.
    fn sent(text: &str, conll: &str) -> Sentence {
        let mut pos = 0;
        let mut tokens = Vec::new();
        for line in conll.lines().map(str::trim).filter(|l| !l.is_empty()) {
            let f: Vec<&str> = line.split_whitespace().collect();
            let at = text[pos..].find(f[0]).expect("form in text") + pos;
            let end = at + f[0].len();
            tokens.push(TokenRecord {
                start: at as u32,
                end: end as u32,
                upos: Upos::parse(f[2]).expect("upos"),
                xpos: f[3].into(),
                feats: "_".into(),
                lemma: f[1].into(),
                head: f[4].parse().expect("head"),
                deprel: f[5].into(),
            });
            pos = end;
        }
        Sentence {
            span: 0..text.len(),
            tokens,
        }
    }

    fn rel_of(fix: &[(usize, &'static str)], s: &Sentence, i: usize) -> String {
        fix.iter()
            .find(|f| f.0 == i)
            .map(|f| f.1.to_string())
            .unwrap_or_else(|| s.deprel(i).to_string())
    }

    #[test]
    fn the_phrase_after_a_subordinator_is_the_subject_of_the_clause() {
        let text = "Turkey condemned Israel after Israeli forces attacked Hamas.";
        let s = sent(
            text,
            "Turkey turkey PROPN NNP 2 nsubj
             condemned condemn VERB VBD 0 root
             Israel israel PROPN NNP 2 obj
             after after ADP IN 6 case
             Israeli israeli ADJ JJ 6 amod
             forces force NOUN NNS 2 obl
             attacked attack VERB VBN 2 advcl
             Hamas hamas PROPN NNP 7 obj
             . . PUNCT . 2 punct",
        );
        let (tree, fix) = repair(text, &s);
        // 0-based: forces = 5, attacked = 6, after = 3.
        assert_eq!(tree.head(5), Some(6));
        assert_eq!(rel_of(&fix, &s, 5), "nsubj");
        assert_eq!(tree.head(3), Some(6));
        assert_eq!(rel_of(&fix, &s, 3), "mark");
        assert_eq!(tree.head(6), Some(1));
    }

    #[test]
    fn a_content_clause_marked_after_is_adverbial() {
        let text = "Turkey protested after Israel attacked Gaza.";
        let s = sent(
            text,
            "Turkey turkey PROPN NNP 2 nsubj
             protested protest VERB VBD 0 root
             after after ADP IN 5 mark
             Israel israel PROPN NNP 5 nsubj
             attacked attack VERB VBN 2 ccomp
             Gaza gaza PROPN NNP 5 obj
             . . PUNCT . 2 punct",
        );
        let (_, fix) = repair(text, &s);
        assert_eq!(rel_of(&fix, &s, 4), "advcl");
        // A real content clause is left alone.
        let text = "Turkey said Israel attacked Gaza.";
        let s = sent(
            text,
            "Turkey turkey PROPN NNP 2 nsubj
             said say VERB VBD 0 root
             Israel israel PROPN NNP 4 nsubj
             attacked attack VERB VBD 2 ccomp
             Gaza gaza PROPN NNP 4 obj
             . . PUNCT . 2 punct",
        );
        let (_, fix) = repair(text, &s);
        assert!(fix.is_empty(), "{fix:?}");
    }

    #[test]
    fn following_read_as_a_verb_is_a_preposition() {
        let text = "Israel vowed to retaliate following Iran's attack.";
        let s = sent(
            text,
            "Israel israel PROPN NNP 2 nsubj
             vowed vow VERB VBD 0 root
             to to PART TO 4 mark
             retaliate retaliate VERB VB 2 xcomp
             following follow VERB VBG 4 xcomp
             Iran iran PROPN NNP 8 nmod:poss
             's 's PART POS 6 case
             attack attack NOUN NN 5 obj
             . . PUNCT . 2 punct",
        );
        let (tree, fix) = repair(text, &s);
        // attack = 7 now an oblique of retaliate (3), following (4) its case.
        assert_eq!(tree.head(7), Some(3));
        assert_eq!(rel_of(&fix, &s, 7), "obl");
        assert_eq!(tree.head(4), Some(7));
        assert_eq!(rel_of(&fix, &s, 4), "case");
        // "is following the talks" is a verb.
        let text = "Kenya is following the talks.";
        let s = sent(
            text,
            "Kenya kenya PROPN NNP 3 nsubj
             is be AUX VBZ 3 aux
             following follow VERB VBG 0 root
             the the DET DT 5 det
             talks talk NOUN NNS 3 obj
             . . PUNCT . 3 punct",
        );
        let (_, fix) = repair(text, &s);
        assert!(fix.is_empty(), "{fix:?}");
    }
}
