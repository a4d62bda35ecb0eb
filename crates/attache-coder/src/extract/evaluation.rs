//! Evaluations as events: a speaker judging another actor or its act is criticism,
//! accusation, disapproval or praise (CAMEO 11 / 05), even when no verb of criticising
//! is used.
//!
//! Why a pass of its own: news reports most disapproval not as "X criticised Y" but as
//! an evaluation the speaker makes — "X called Y's decision arbitrary", "X said Y is
//! flagrantly defying the council", "X is seriously concerned about Y's programme",
//! "X was not supportive of the meeting". The event-pattern dictionary keys events on
//! one trigger word; these constructions need two things at once (a frame — saying,
//! calling, an attitude adjective — and an evaluative word in what it governs), and one
//! of them changes what the other means: a norm violation inside someone's statement
//! is that speaker's accusation (docs/gold-guidelines.md codes the accusation, not the
//! violation). So the words live in a small lexicon of their own
//! (`data/patterns/evaluative.txt`, docs/patterns.md "Evaluations"), and the rules
//! run once per sentence after the tree reading, on the same tree helpers
//! ([`SentenceCoder::subject_of`], `attribution`, `actors_of`), adding events and
//! removing the embedded violation they replace.
//!
//! Precision guards, each a class seen in news: an evaluation of something that has
//! no actor ("called the flood a disaster") is no event; the speaker's own side is no
//! target ("we are concerned about our soldiers"); negated, hedged (could/may/might/
//! would) and conditional frames do not fire; a violation stated by the reporter
//! without a speaker stays what the dictionary makes of it.

use super::{base, lower_eq, Found, SentenceCoder};
use crate::patterns::Control;
use attache_core::Modality;
use attache_text::Upos;
use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::OnceLock;

/// The lexicon compiled into the binary.
pub const BUILTIN: &str = include_str!("../../../../data/patterns/evaluative.txt");
const BUILTIN_NAME: &str = "data/patterns/evaluative.txt";

/// What an entry of the evaluative lexicon is (docs/patterns.md, "Evaluations").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A norm-violation predicate ("violate", "defy", "rip off").
    Wrong,
    /// An attitude adjective ("concerned", "worried").
    Feel,
    /// A positive attitude whose negation is disapproval ("supportive", "support").
    Unsupport,
    /// A negative evaluation ("arbitrary", "disaster").
    Neg,
    /// A positive evaluation ("friend", "constructive").
    Pos,
    /// A noun naming an act that has a doer ("ruling", "plan"), mostly done at home.
    Act,
    /// A noun naming conduct that has a doer, as often foreign as domestic
    /// ("statement", "sanctions", "attack"): evaluable, but no domestic guess.
    Deed,
}

#[derive(Debug, Clone)]
struct Entry {
    kind: Kind,
    object: Vec<String>,
    particle: Option<String>,
}

/// What went wrong reading the evaluative lexicon.
#[derive(Debug, thiserror::Error)]
pub enum EvaluativeError {
    #[error("{file}:{line}: {msg} (see docs/patterns.md, \"Evaluations\", for the format)")]
    Syntax {
        file: String,
        line: usize,
        msg: String,
    },
}

/// The evaluative lexicon: lemma → entries.
#[derive(Debug, Default)]
pub struct Evaluative {
    words: HashMap<String, Vec<Entry>>,
}

impl Evaluative {
    /// Parse the lexicon format (`KIND LEMMA [obj=a|b] [prt=p]`, `#` comments).
    pub fn parse(file: &str, text: &str) -> Result<Evaluative, EvaluativeError> {
        let mut ev = Evaluative::default();
        for (i, raw) in text.lines().enumerate() {
            let line = raw.split('#').next().unwrap_or("").trim();
            if line.is_empty() {
                continue;
            }
            let err = |msg: String| EvaluativeError::Syntax {
                file: file.to_string(),
                line: i + 1,
                msg,
            };
            let mut f = line.split_whitespace();
            let kind = match f.next().unwrap_or("") {
                "wrong" => Kind::Wrong,
                "feel" => Kind::Feel,
                "unsup" => Kind::Unsupport,
                "neg" => Kind::Neg,
                "pos" => Kind::Pos,
                "act" => Kind::Act,
                "deed" => Kind::Deed,
                k => {
                    return Err(err(format!(
                        "unknown kind `{k}` (one of wrong, feel, unsup, neg, pos, act, deed)"
                    )))
                }
            };
            let Some(lemma) = f.next() else {
                return Err(err("a kind needs a lemma after it".into()));
            };
            let mut entry = Entry {
                kind,
                object: Vec::new(),
                particle: None,
            };
            for opt in f {
                if let Some(o) = opt.strip_prefix("obj=") {
                    entry.object = o.split('|').map(str::to_ascii_lowercase).collect();
                } else if let Some(p) = opt.strip_prefix("prt=") {
                    entry.particle = Some(p.to_ascii_lowercase());
                } else {
                    return Err(err(format!("unknown option `{opt}` (obj= or prt=)")));
                }
            }
            ev.words
                .entry(lemma.to_ascii_lowercase())
                .or_default()
                .push(entry);
        }
        Ok(ev)
    }

    /// The lexicon in use: `$ATTACHE_PATTERNS_DIR/evaluative.txt` when that file exists
    /// (edit without rebuilding, like the pattern dictionary), else the built-in copy.
    /// A file that does not parse is reported on stderr and the built-in copy used.
    pub fn get() -> &'static Evaluative {
        static LEX: OnceLock<Evaluative> = OnceLock::new();
        LEX.get_or_init(|| {
            if let Some(dir) = std::env::var_os(crate::patterns::PATTERNS_DIR_VAR) {
                let path = std::path::Path::new(&dir).join("evaluative.txt");
                if let Ok(text) = std::fs::read_to_string(&path) {
                    match Evaluative::parse(&path.display().to_string(), &text) {
                        Ok(ev) => return ev,
                        Err(e) => eprintln!("{e}; using the built-in evaluative lexicon"),
                    }
                }
            }
            Evaluative::builtin()
        })
    }

    /// The built-in lexicon (it is checked by a test, so it always parses).
    pub fn builtin() -> Evaluative {
        Evaluative::parse(BUILTIN_NAME, BUILTIN).unwrap_or_default()
    }

    fn entry(&self, word: &str, kind: Kind) -> Option<&Entry> {
        self.words
            .get(word)
            .and_then(|v| v.iter().find(|e| e.kind == kind))
    }

    /// Whether `word` (a lower-case lemma or form) is listed with this kind.
    pub fn is(&self, word: &str, kind: Kind) -> bool {
        self.entry(word, kind).is_some()
    }

    /// Number of entries (for docs and tests).
    pub fn len(&self) -> usize {
        self.words.values().map(Vec::len).sum()
    }

    /// Whether the lexicon is empty.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }
}

/// Verbs that characterise their object by a predicate ("called X arbitrary",
/// "described X as a disaster").
pub(super) const CHARACTERISE: &[&str] = &[
    "call",
    "describe",
    "brand",
    "label",
    "term",
    "dub",
    "characterize",
    "characterise",
    "deem",
    "consider",
    "regard",
    "view",
];

/// Verbs of finding whose "that" clause is the finder's claim ("the court ruled that
/// …").
const FINDING: &[&str] = &["rule", "find", "conclude", "determine", "judge"];

/// Verbs that state an attitude named by their object noun ("voiced concern").
const ATTITUDE_VERBS: &[&str] = &[
    "express",
    "voice",
    "raise",
    "register",
    "convey",
    "share",
    "reiterate",
    "signal",
];

/// Nouns that only carry what they are about ("the latest report about Iran's
/// production"): concern about a report is concern about its content.
const CARRIERS: &[&str] = &[
    "report",
    "news",
    "sign",
    "evidence",
    "indication",
    "finding",
    "prospect",
    "possibility",
    "development",
    "word",
];

/// Hostile acts someone can be said to be behind or to blame for (`behind`,
/// `ascribed_blame`).
const HOSTILE_ACTS: &[&str] = &[
    "attack",
    "plot",
    "bombing",
    "blast",
    "explosion",
    "killing",
    "assassination",
    "murder",
    "coup",
    "hack",
    "cyberattack",
    "kidnapping",
    "abduction",
    "massacre",
    "violence",
    "unrest",
    "sabotage",
];

impl SentenceCoder<'_> {
    /// The lemma in lower case, borrowed when it already is (lemmas mostly are: no
    /// allocation per token).
    fn lc(&self, i: usize) -> Cow<'_, str> {
        let l = self.lemma(i);
        if l.bytes().any(|b| b.is_ascii_uppercase()) {
            Cow::Owned(l.to_ascii_lowercase())
        } else {
            Cow::Borrowed(l)
        }
    }

    fn form_is(&self, ev: &Evaluative, i: usize, kind: Kind) -> bool {
        let lemma = self.lc(i);
        if ev.is(&lemma, kind) {
            return true;
        }
        let form = self.s.form(self.text, i);
        !form.eq_ignore_ascii_case(&lemma) && ev.is(&form.to_lowercase(), kind)
    }

    fn is_say(&self, v: usize) -> bool {
        self.patterns
            .verb(&self.lc(v))
            .iter()
            .any(|p| p.control == Control::Say)
    }

    /// Who states the clause of `w`: the subject of a saying verb governing it, "according
    /// to X", a parenthetical "X said", the one who makes "the claim / charge /
    /// accusation that …", or the speaker of a quote the parser hung on its saying verb
    /// by some other relation ("“…,” X alleged"); with `findings`, also the finder of "the
    /// court ruled that …" (for violations only: a court finding a detention arbitrary
    /// is not coded as criticism in the gold set).
    fn claimant(&self, w: usize, findings: bool) -> Option<usize> {
        if let Some(a) = self.attribution(w).or_else(|| self.parataxis_speaker(w)) {
            return Some(a);
        }
        // "…, according to X" (the lemma of "according" varies) and "…, X said" hung on
        // the clause as a relative or conjunct clause.
        for k in self.tree.kids(w) {
            let r = base(self.rel(k));
            if r == "obl"
                && self
                    .tree
                    .kids(k)
                    .any(|c| self.rel(c) == "case" && self.form_lc(c) == "according")
            {
                let mut o = Vec::new();
                self.actors_of(k, &mut o);
                if let Some(&a) = o.first() {
                    return Some(a);
                }
            }
            if k > w
                && matches!(self.rel(k), "parataxis" | "acl:relcl" | "conj" | "advcl")
                && self.is_say(k)
                && self.tree.kids(k).any(|c| self.rel(c) == "nsubj")
            {
                let mut o = Vec::new();
                self.subject_of(k, &mut o, 0);
                if let Some(&a) = o.first() {
                    return Some(a);
                }
            }
        }
        let quoted = self.quoted(w);
        let mut x = w;
        for _ in 0..8 {
            let h = self.tree.head(x)?;
            if matches!(base(self.rel(x)), "acl" | "ccomp")
                && self.s.upos(h) == Upos::NOUN
                && self.patterns.in_class("accusation", &self.lc(h))
            {
                // "reiterated the claim that …", "X's charge that …" — not "rejected the
                // claim that …".
                let mut o = Vec::new();
                for k in self.tree.kids(h) {
                    if self.rel(k) == "nmod:poss" {
                        self.actors_of(k, &mut o);
                    }
                }
                if o.is_empty() && base(self.rel(h)) == "obj" {
                    let v = self.tree.head(h)?;
                    let denies = self.patterns.verb(&self.lc(v)).iter().any(|p| {
                        p.code == "016" || p.code.starts_with("12") || p.code.starts_with("01")
                    });
                    if denies || self.negated(v) {
                        return None;
                    }
                    self.subject_of(v, &mut o, 0);
                }
                return o.first().copied();
            }
            if quoted && self.is_say(h) && h > w {
                return self.say_subject(h);
            }
            // A finding: "the court ruled that Y had violated …", "investigators
            // concluded that Y breached …" — the finder accuses.
            if findings && base(self.rel(x)) == "ccomp" && FINDING.contains(&self.lc(h).as_ref()) {
                let mut o = Vec::new();
                self.subject_of(h, &mut o, 0);
                return o.first().copied();
            }
            x = h;
        }
        None
    }

    /// The speaker of a saying verb: its subject, else — in the inverted frame "“…,”
    /// said X" the parser often reads as an object — the actor right after it.
    fn say_subject(&self, h: usize) -> Option<usize> {
        let mut o = Vec::new();
        self.subject_of(h, &mut o, 0);
        if o.is_empty() {
            for k in self.tree.kids(h) {
                let bare_obl = base(self.rel(k)) == "obl" && self.case_of(k).is_none();
                if k > h && (matches!(base(self.rel(k)), "obj" | "nsubj" | "iobj") || bare_obl) {
                    self.actors_of(k, &mut o);
                }
            }
        }
        o.first().copied()
    }

    /// The doers of the clause of `v` (its subject through control and coordination);
    /// "I/we" in a quote with no resolved speaker is the speaker of the saying verb the
    /// quote hangs on (inverted "“We …,” said X" included).
    fn doers(&self, v: usize, out: &mut Vec<usize>) {
        self.subject_of(v, out, 0);
        if !out.is_empty() {
            return;
        }
        let first_person = self.tree.kids(v).any(|k| {
            base(self.rel(k)) == "nsubj"
                && self.s.upos(k) == Upos::PRON
                && matches!(self.lc(k).as_ref(), "i" | "we")
        });
        if !first_person {
            return;
        }
        let mut x = v;
        for _ in 0..8 {
            let Some(h) = self.tree.head(x) else { return };
            if self.is_say(h) && matches!(base(self.rel(x)), "ccomp" | "parataxis") {
                out.extend(self.say_subject(h));
                return;
            }
            x = h;
        }
    }

    /// Saying verbs with an accusing sense (allege, accuse, charge) that frame the
    /// clause of `w`: its ancestors, or a parenthetical "…, X alleged" below it.
    fn accusing_frames(&self, w: usize) -> Vec<usize> {
        let accusing = |v: usize| {
            self.is_say(v)
                && self
                    .patterns
                    .verb(&self.lc(v))
                    .iter()
                    .any(|p| p.code.starts_with("11"))
        };
        let mut out: Vec<usize> = self
            .tree
            .kids(w)
            .filter(|&k| k > w && accusing(k))
            .collect();
        let mut x = w;
        for _ in 0..8 {
            let Some(h) = self.tree.head(x) else { break };
            if accusing(h) {
                out.push(h);
                break;
            }
            x = h;
        }
        out
    }

    /// Whether the object of `v` is generic: "any violence", "all forms of terrorism",
    /// "every attack".
    fn generic_object(&self, v: usize) -> bool {
        let generic = |n: usize| {
            self.tree.kids(n).any(|d| {
                matches!(base(self.rel(d)), "det" | "amod")
                    && matches!(self.lc(d).as_ref(), "any" | "all" | "every")
            })
        };
        self.tree
            .kids(v)
            .any(|k| self.rel(k) == "obj" && generic(k))
    }

    /// Disapproval (110) from each of `src` to each of `tgt`, not towards one's own
    /// side; returns whether any was added.
    fn disapprove(&self, src: &[usize], tgt: &[usize], w: usize, add: &mut Vec<Found>) -> bool {
        let before = add.len();
        for &s in src {
            for &t in tgt {
                if self.actors[s].key == self.actors[t].key
                    && !(self.actors[s].in_sentence && self.actors[t].in_sentence)
                {
                    continue;
                }
                add.extend(self.eval_found("110", s, t, w, 0.6));
            }
        }
        add.len() > before
    }

    /// "X cut ties with Y for meddling", "X condemned Y for violating …", "sanctioned Y
    /// for undermining …": (the punishers, the punished) when the clause of `w` is the
    /// reason ("for") given for a punishment (16, 17) or a criticism (11) by `h`.
    fn punished_for(&self, w: usize) -> Option<(Vec<usize>, Vec<usize>)> {
        if !matches!(base(self.rel(w)), "advcl" | "acl") {
            return None;
        }
        let for_mark = self
            .tree
            .kids(w)
            .any(|k| matches!(self.rel(k), "mark" | "case") && self.lc(k) == "for");
        if !for_mark {
            return None;
        }
        let mut h = self.tree.head(w)?;
        if self.s.upos(h) == Upos::NOUN {
            // "cutting ties with Kenya for …" may hang the reason on the object noun.
            h = self.tree.head(h)?;
        }
        let punishing = self
            .match_verb(h)
            .is_some_and(|p| matches!(p.code.get(..2), Some("11" | "16" | "17")))
            || self.tree.kids(h).any(|o| {
                self.rel(o) == "obj"
                    && self
                        .match_noun(o)
                        .is_some_and(|p| matches!(p.code.get(..2), Some("16" | "17")))
            });
        if !punishing || self.not_asserted_but_claimed(h) {
            return None;
        }
        let mut src = Vec::new();
        self.subject_of(h, &mut src, 0);
        let mut doers = Vec::new();
        for k in self.tree.kids(h) {
            let r = base(self.rel(k));
            let case = self.case_of(k).map(str::to_ascii_lowercase);
            if r == "obj"
                || (r == "obl" && matches!(case.as_deref(), Some("with" | "on" | "against" | "to")))
            {
                self.actors_of(k, &mut doers);
            }
        }
        doers.retain(|d| !src.contains(d));
        (!src.is_empty() && !doers.is_empty()).then_some((src, doers))
    }

    /// Whether the clause of `w` is said by someone, named or not: the complement of a
    /// saying verb, or a quote hung on one.
    fn said_by_someone(&self, w: usize) -> bool {
        let quoted = self.quoted(w);
        let mut x = w;
        for _ in 0..8 {
            let Some(h) = self.tree.head(x) else {
                return false;
            };
            if self.is_say(h)
                && (matches!(base(self.rel(x)), "ccomp" | "parataxis") || (quoted && h > w))
            {
                return true;
            }
            x = h;
        }
        false
    }

    /// Whether token `w` stands inside quotation marks (an odd number of quote tokens
    /// before it).
    fn quoted(&self, w: usize) -> bool {
        (0..w)
            .filter(|&i| matches!(self.s.form(self.text, i), "\"" | "“" | "”" | "``" | "''"))
            .count()
            % 2
            == 1
    }

    /// Negated, hedged or conditional: the clause of `v` (or a verb governing it
    /// through control) asserts nothing.
    fn not_asserted(&self, v: usize) -> bool {
        self.not_asserted_but_claimed(v) || self.unasserted(v)
    }

    /// As [`Self::not_asserted`], but the content of an accusation counts: "X alleged
    /// that Y violated …" is exactly X's accusation of Y.
    fn not_asserted_but_claimed(&self, v: usize) -> bool {
        if self.negated(v) || self.conditional(v) || self.habitual(v) {
            return true;
        }
        if self.modality(v) == Modality::Hypothetical
            && !self
                .tree
                .kids(v)
                .any(|k| self.rel(k) == "aux" && self.lc(k) == "must")
        {
            return true;
        }
        let mut x = v;
        for _ in 0..4 {
            if base(self.rel(x)) != "xcomp" {
                break;
            }
            let Some(h) = self.tree.head(x) else { break };
            if self.negated(h) || self.modality(h) == Modality::Hypothetical {
                return true;
            }
            x = h;
        }
        false
    }

    /// An evaluation event from `source` to `target` (two different actors, both
    /// usable).
    pub(super) fn eval_found(
        &self,
        code: &str,
        source: usize,
        target: usize,
        trigger: usize,
        confidence: f32,
    ) -> Option<Found> {
        let (s, t) = (&self.actors[source], &self.actors[target]);
        if source == target || s.mention == t.mention || !s.usable || !t.usable {
            return None;
        }
        // A speaker whose country was only inferred ("prosecutors", "officials") and
        // comes out as the accused's own was most likely inferred from the accused.
        if s.weak && !t.weak && s.key == t.key {
            return None;
        }
        self.make_found(code, source, target, trigger, confidence)
    }

    fn make_found(
        &self,
        code: &str,
        source: usize,
        target: usize,
        trigger: usize,
        confidence: f32,
    ) -> Option<Found> {
        let code = crate::ontology::Ontology::get().lookup(code)?.code;
        Some(Found {
            code,
            source,
            target: Some(target),
            trigger,
            negated: false,
            modality: Modality::Actual,
            attributed_to: None,
            location: None,
            date: self
                .date_of(&[trigger])
                .or_else(|| self.publication_date_for(Modality::Actual)),
            confidence,
            specificity: 2,
            others: Vec::new(),
        })
    }

    /// The domestic reading of an evaluated act whose doer the sentence does not name
    /// ("he called the ruling arbitrary"): the speaker's own country, when the speaker
    /// is a state's actor and no actor of another key is named in the sentence (then
    /// the act's doer is unknown, and nothing is coded).
    ///
    /// Not when the evaluated phrase `thing` carries a proper adjective or name the
    /// lexicon did not resolve ("called the European move unjustified"): the act then has
    /// a named owner abroad that is unknown here, and the speaker's own country would be
    /// a wrong guess.
    fn domestic_found(
        &self,
        code: &str,
        source: usize,
        trigger: usize,
        thing: usize,
    ) -> Option<Found> {
        let s = &self.actors[source];
        if !s.usable || s.key.len() != 3 {
            return None;
        }
        if self.unresolved_proper_modifier(thing) {
            return None;
        }
        let foreign = self
            .actors
            .iter()
            .any(|a| a.in_sentence && a.usable && a.key != s.key);
        if foreign {
            return None;
        }
        self.make_found(code, source, source, trigger, 0.4)
    }

    /// Whether `n` has a capitalised modifier (adjective, compound or possessor) that is
    /// no resolved actor: "the *European* move", "*Brussels'* decision" when unknown.
    fn unresolved_proper_modifier(&self, n: usize) -> bool {
        self.tree.kids(n).any(|k| {
            matches!(base(self.rel(k)), "amod" | "compound" | "nmod")
                && self.s.tokens[k].start > self.s.tokens[0].start
                && self
                    .s
                    .form(self.text, k)
                    .chars()
                    .next()
                    .is_some_and(char::is_uppercase)
                && !self
                    .covering(k)
                    .iter()
                    .any(|&a| self.actors[a as usize].usable)
        })
    }

    /// Polarity of the evaluative words in the subtree of `k` (not inside relative
    /// clauses, which say something else about the thing): `Some(true)` negative,
    /// `Some(false)` positive, `None` neither. A negated word does not count.
    fn polarity(&self, ev: &Evaluative, k: usize) -> Option<bool> {
        let mut pos = false;
        for i in 0..self.s.len() {
            if !self.tree.dominates(k, i) || self.inside_relative(k, i) {
                continue;
            }
            if self.negated(i) {
                continue;
            }
            // Two-word entries name an adjective on a noun ("good_step").
            let pair = self
                .tree
                .head(i)
                .filter(|_| base(self.rel(i)) == "amod")
                .map(|h| format!("{}_{}", self.lc(i), self.lc(h)));
            let pair_is = |kind| pair.as_deref().is_some_and(|p| ev.is(p, kind));
            if self.form_is(ev, i, Kind::Neg) || pair_is(Kind::Neg) {
                return Some(true);
            }
            pos = pos || self.form_is(ev, i, Kind::Pos) || pair_is(Kind::Pos);
        }
        pos.then_some(false)
    }

    fn inside_relative(&self, top: usize, mut i: usize) -> bool {
        for _ in 0..self.s.len() {
            if i == top {
                return false;
            }
            if matches!(self.rel(i), "acl:relcl" | "acl") {
                return true;
            }
            match self.tree.head(i) {
                Some(h) => i = h,
                None => return false,
            }
        }
        false
    }

    /// Whether the phrase of `k` names an act that has a doer ("the ruling", "the
    /// proposed deal", "a baseless case") — the head or a compound on it.
    fn act_phrase(&self, ev: &Evaluative, k: usize) -> bool {
        self.form_is(ev, k, Kind::Act)
            || self
                .tree
                .kids(k)
                .any(|m| base(self.rel(m)) == "compound" && self.form_is(ev, m, Kind::Act))
    }

    /// Whether the thing at `k` can be judged as its owner's doing: an actor itself
    /// ("called Canada …"), an act or deed noun ("the Estonian decision", "the American
    /// statement"), or an event noun ("Pyongyang's missile launch") — not a market, an
    /// economy or a team ("called the Chinese market a disaster" criticises nobody).
    fn judgeable(&self, ev: &Evaluative, k: usize) -> bool {
        let deed = |i: usize| {
            self.form_is(ev, i, Kind::Act)
                || self.form_is(ev, i, Kind::Deed)
                || self.match_noun(i).is_some_and(|p| !p.code.is_empty())
        };
        self.covering(k)
            .iter()
            .any(|&a| self.actors[a as usize].usable && !self.actors[a as usize].weak)
            || self.s.upos(k) == Upos::PRON
            || deed(k)
            || self
                .tree
                .kids(k)
                .any(|m| base(self.rel(m)) == "compound" && deed(m))
    }

    /// What is said of an accusation ("called the charges baseless") is a denial, which
    /// the dictionary codes (016); no criticism of it here.
    fn about_accusation(&self, k: usize) -> bool {
        let l = self.lc(k);
        self.patterns.in_class("accusation", &l) || self.patterns.in_class("denied", &l)
    }

    /// Whether the verb `w` is a norm violation under the lexicon (object and particle
    /// constraints included).
    fn wrongdoing(&self, ev: &Evaluative, w: usize) -> bool {
        if !matches!(self.s.upos(w), Upos::VERB) {
            return false;
        }
        let Some(e) = ev.entry(&self.lc(w), Kind::Wrong) else {
            return false;
        };
        // A violation that is itself violence ("violated the ceasefire": 196) is an act,
        // and a reported act keeps its doer (docs/gold-guidelines.md, reported speech).
        if self
            .match_verb(w)
            .is_some_and(|p| matches!(p.code.get(..2), Some("18" | "19" | "20")))
        {
            return false;
        }
        if let Some(prt) = &e.particle {
            if !self
                .tree
                .kids(w)
                .any(|k| matches!(self.rel(k), "compound:prt" | "advmod") && self.lc(k) == *prt)
            {
                return false;
            }
        }
        e.object.is_empty()
            || self
                .verb_complements(w)
                .any(|k| self.noun_matches(k, &e.object))
    }

    /// Whether the clause of `w` has "it/this/that" as its subject (through
    /// coordination and control): mostly a thing ("they say it violates the treaty" —
    /// the deportation), which pronoun resolution would wrongly make a state.
    fn neuter_subject(&self, w: usize) -> bool {
        let mut x = w;
        for _ in 0..4 {
            if let Some(k) = self
                .tree
                .kids(x)
                .find(|&k| matches!(self.rel(k), "nsubj" | "nsubj:pass"))
            {
                return self.s.upos(k) == Upos::PRON
                    && matches!(self.lc(k).as_ref(), "it" | "this" | "that");
            }
            match self.tree.head(x) {
                Some(h) if matches!(base(self.rel(x)), "conj" | "xcomp") => x = h,
                _ => return false,
            }
        }
        false
    }

    /// Actors a thing belongs to, looking through carriers ("the report about Iran's
    /// production" → Iran).
    pub(super) fn owners(&self, k: usize, out: &mut Vec<usize>) {
        if CARRIERS.contains(&self.lc(k).as_ref()) {
            for m in self.tree.kids(k) {
                if base(self.rel(m)) == "nmod"
                    && matches!(
                        self.case_of(m).map(str::to_ascii_lowercase).as_deref(),
                        Some("about" | "on" | "of" | "regarding" | "into")
                    )
                {
                    self.actors_of(m, out);
                }
            }
            if !out.is_empty() {
                return;
            }
        }
        let before = out.len();
        self.actors_of(k, out);
        if out[before..].iter().all(|&a| self.actors[a].weak) {
            // "the decision by X", "the withdrawal of forces by America" (the agent may
            // hang on the "of" noun) — also over an inferred agent word ("forces").
            let by = |m: usize| {
                base(self.rel(m)) == "nmod"
                    && self
                        .case_of(m)
                        .is_some_and(|c| c.eq_ignore_ascii_case("by"))
            };
            let mut agents = Vec::new();
            for m in self.tree.kids(k) {
                if by(m) {
                    self.actors_of(m, &mut agents);
                } else if base(self.rel(m)) == "nmod" {
                    for mm in self.tree.kids(m) {
                        if by(mm) {
                            self.actors_of(mm, &mut agents);
                        }
                    }
                }
            }
            if !agents.is_empty() {
                out.truncate(before);
                out.extend(agents);
            }
        }
    }

    /// Add the events of evaluations (module doc) to `found`, removing embedded
    /// violations that become the speaker's accusation.
    pub(super) fn code_evaluations(&self, found: &mut Vec<Found>) {
        let ev = Evaluative::get();
        let n = self.s.len();
        let mut add: Vec<Found> = Vec::new();
        let mut replaced: Vec<usize> = Vec::new();
        let mut accusing: Vec<usize> = Vec::new();
        // Condemning "any violence", "all forms of terrorism" is a stance, not an act
        // aimed at anyone (a generic statement; docs/gold-guidelines.md).
        found.retain(|f| !(f.code.starts_with("11") && self.generic_object(f.trigger)));
        for w in 0..n {
            // Only verbs, adjectives and nouns frame or carry an evaluation.
            if !matches!(self.s.upos(w), Upos::VERB | Upos::ADJ | Upos::NOUN) {
                continue;
            }
            // 1. Reported wrongdoing: "X said Y is defying the council" → X>Y 112.
            if self.wrongdoing(ev, w) && !self.not_asserted_but_claimed(w) {
                if let Some((src, doers)) = self.punished_for(w) {
                    // "cut ties with Kenya for allegedly meddling": the reason given
                    // for a punishment or condemnation is an accusation of the punished
                    // (a condemnation's own 111 stays the event: lowest specificity).
                    for &s in &src {
                        for &d in &doers {
                            if let Some(mut f) = self.eval_found("112", s, d, w, 0.5) {
                                f.specificity = 0;
                                add.push(f);
                            }
                        }
                    }
                } else if let Some(sp) = self.claimant(w, true) {
                    // The violation someone says another commits is their claim, not
                    // an event of the sentence: it goes, whether or not its doer is
                    // an actor we can name.
                    replaced.push(w);
                    if !self.neuter_subject(w) {
                        let mut doers = Vec::new();
                        self.subject_of(w, &mut doers, 0);
                        let before = add.len();
                        for d in doers {
                            add.extend(self.eval_found("112", sp, d, w, 0.6));
                        }
                        if add.len() > before {
                            // "“…,” X alleged": the accusing verb's own reading, with a
                            // target guessed by word order, is this accusation.
                            accusing.extend(self.accusing_frames(w));
                        }
                    }
                } else if self.said_by_someone(w) {
                    // A quote or clause of someone we cannot name: still a claim.
                    replaced.push(w);
                }
                continue;
            }
            let upos = self.s.upos(w);
            // 2. Attitude: "X is concerned about Y's …" → X>Y 110.
            if matches!(upos, Upos::ADJ | Upos::VERB) && self.form_is(ev, w, Kind::Feel) {
                let copular = self
                    .tree
                    .kids(w)
                    .any(|k| matches!(self.rel(k), "cop" | "aux:pass" | "nsubj" | "nsubj:pass"));
                if copular && !self.not_asserted(w) {
                    let mut src = Vec::new();
                    for k in self.tree.kids(w) {
                        if matches!(self.rel(k), "nsubj" | "nsubj:pass") {
                            self.actors_of(k, &mut src);
                        }
                    }
                    if src.is_empty() {
                        self.doers(w, &mut src);
                    }
                    let mut tgt = Vec::new();
                    for k in self.tree.kids(w) {
                        let case = self.case_of(k).map(str::to_ascii_lowercase);
                        if base(self.rel(k)) == "obl"
                            && matches!(
                                case.as_deref(),
                                Some(
                                    "about"
                                        | "over"
                                        | "by"
                                        | "at"
                                        | "with"
                                        | "of"
                                        | "to"
                                        | "regarding"
                                )
                            )
                        {
                            self.owners(k, &mut tgt);
                        }
                        // "worried that China is interfering …": the doer of what is
                        // feared (also when only possible: concern is about that).
                        if base(self.rel(k)) == "ccomp" && !self.negated(k) {
                            let mut d = Vec::new();
                            self.subject_of(k, &mut d, 0);
                            tgt.extend(d);
                        }
                    }
                    if tgt.is_empty() {
                        // "unhappy about the strike", "appalled by the attack" reported
                        // before (extract/reaction.rs).
                        if let Some(k) = self.attitude_object(w) {
                            tgt = self.antecedent_doers(k, &src, w, &[]);
                        }
                    }
                    self.disapprove(&src, &tgt, w, &mut add);
                }
                continue;
            }
            // 2b. The attitude as a noun: "X voiced / expressed / raised concern over
            // Y's …" → X>Y 110.
            if upos == Upos::VERB
                && ATTITUDE_VERBS.contains(&self.lc(w).as_ref())
                && !self.not_asserted(w)
            {
                if let Some(noun) = self
                    .tree
                    .kids(w)
                    .find(|&k| self.rel(k) == "obj" && self.form_is(ev, k, Kind::Feel))
                {
                    let mut src = Vec::new();
                    self.doers(w, &mut src);
                    let mut tgt = Vec::new();
                    for node in [w, noun] {
                        for k in self.tree.kids(node) {
                            let case = self.case_of(k).map(str::to_ascii_lowercase);
                            if matches!(base(self.rel(k)), "obl" | "nmod")
                                && matches!(
                                    case.as_deref(),
                                    Some("about" | "over" | "at" | "with" | "regarding")
                                )
                            {
                                self.owners(k, &mut tgt);
                            }
                            // "expressed concern that Y was …": the clause's doer.
                            if node == noun
                                && matches!(base(self.rel(k)), "acl" | "ccomp")
                                && self
                                    .tree
                                    .kids(k)
                                    .any(|m| self.rel(m) == "mark" && self.lc(m) == "that")
                                && !self.negated(k)
                            {
                                self.subject_of(k, &mut tgt, 0);
                            }
                        }
                    }
                    if self.disapprove(&src, &tgt, w, &mut add) {
                        // The attitude is the event: not some other sense of the verb
                        // ("raised concerns" is no raising).
                        replaced.push(w);
                    }
                }
                continue;
            }
            // 3. Withheld support: "X was not supportive of Y's …", "X does not back Y's
            // plan" → X>Y 110.
            if matches!(upos, Upos::ADJ | Upos::VERB)
                && self.form_is(ev, w, Kind::Unsupport)
                && self.negated(w)
                && !self.conditional(w)
            {
                let mut src = Vec::new();
                self.doers(w, &mut src);
                let mut tgt = Vec::new();
                for k in self.tree.kids(w) {
                    let r = base(self.rel(k));
                    let case = self.case_of(k).map(str::to_ascii_lowercase);
                    if r == "obj"
                        || (r == "obl" && matches!(case.as_deref(), Some("of" | "for" | "to")))
                    {
                        self.owners(k, &mut tgt);
                    }
                }
                let mut any = false;
                for &s in &src {
                    for &t in &tgt {
                        if self.actors[s].key == self.actors[t].key
                            && !(self.actors[s].in_sentence && self.actors[t].in_sentence)
                        {
                            continue;
                        }
                        if let Some(f) = self.eval_found("110", s, t, w, 0.6) {
                            add.push(f);
                            any = true;
                        }
                    }
                }
                if any {
                    replaced.push(w);
                }
                continue;
            }
            // 4. Characterisation: "X called Y's act arbitrary", "X described the plan
            // as a disaster" → X>owner 111 (051 when positive: "called Y a friend").
            if upos == Upos::VERB && CHARACTERISE.contains(&self.lc(w).as_ref()) {
                if self.characterisation(ev, w, &mut add) {
                    // The evaluation is what the verb does here ("considers the
                    // decision a welcome step" is no consideration of a proposal,
                    // "called the meeting constructive" no call for a meeting).
                    replaced.push(w);
                }
                continue;
            }
            // 5. Evaluation stated in reported speech: "'This is a baseless case,' X
            // said", "X said Y's decision was a grave mistake" → X>owner 111; and
            // responsibility ascribed by someone: "Y was behind the plot, according to
            // X" → X>Y 112.
            if matches!(upos, Upos::NOUN | Upos::ADJ)
                && self.tree.kids(w).any(|k| self.rel(k) == "cop")
                && !self.behind(w, &mut add)
                && !self.ascribed_blame(w, &mut add)
            {
                self.stated_evaluation(ev, w, &mut add);
            }
            // "X said Y was to blame for the attack" (session 6, verbal conflict).
            if upos == Upos::VERB && self.ascribed_blame(w, &mut add) {
                replaced.push(w);
                accusing.push(w);
            }
        }
        if add.is_empty() && replaced.is_empty() {
            return;
        }
        found.retain(|f| !(accusing.contains(&f.trigger) && f.code.starts_with("11")));
        found.retain(|f| {
            !replaced.contains(&f.trigger) || f.code.starts_with("11") || f.code.starts_with("05")
        });
        found.extend(add);
    }

    /// Returns whether `c` characterises something (an evaluative predicate on a thing),
    /// coded or not.
    fn characterisation(&self, ev: &Evaluative, c: usize, add: &mut Vec<Found>) -> bool {
        // "call for", "call on", "call off", "call in" are appeals and summons.
        if self.tree.kids(c).any(|k| {
            self.rel(k) == "compound:prt"
                || (base(self.rel(k)) == "obl"
                    && matches!(
                        self.case_of(k).map(str::to_ascii_lowercase).as_deref(),
                        Some("for" | "on" | "upon")
                    ))
        }) || self.not_asserted(c)
        {
            return false;
        }
        let comps: Vec<usize> = self
            .tree
            .kids(c)
            .filter(|&k| {
                matches!(
                    base(self.rel(k)),
                    "obj" | "xcomp" | "obl" | "iobj" | "ccomp" | "advcl"
                )
            })
            .collect();
        let mut polarity = None;
        for &k in &comps {
            match self.polarity(ev, k) {
                Some(true) => {
                    polarity = Some(true);
                    break;
                }
                Some(false) => polarity = Some(false),
                None => {}
            }
        }
        let Some(negative) = polarity else {
            return false;
        };
        // The thing evaluated: the object, else the subject of a small clause.
        let thing = comps
            .iter()
            .copied()
            .find(|&k| self.rel(k) == "obj")
            .or_else(|| {
                comps
                    .iter()
                    .find_map(|&k| self.tree.kids(k).find(|&m| base(self.rel(m)) == "nsubj"))
            })
            .or_else(|| {
                // "called the European move unjustified" parsed with the definite noun as
                // the predicate and the evaluation as its adjective: the noun is the
                // thing (a predicate noun is indefinite: "called it a mistake").
                comps.iter().copied().find(|&k| {
                    self.rel(k) == "xcomp"
                        && self.s.upos(k) == Upos::NOUN
                        && self.tree.kids(k).any(|m| {
                            self.rel(m) == "det"
                                && matches!(self.lc(m).as_ref(), "the" | "this" | "that")
                        })
                })
            });
        let Some(thing) = thing else {
            return false;
        };
        if self.about_accusation(thing) {
            return false;
        }
        let mut src = Vec::new();
        self.doers(c, &mut src);
        let mut tgt = Vec::new();
        if self.judgeable(ev, thing) {
            self.owners(thing, &mut tgt);
        }
        if tgt.is_empty() {
            // The agent of the thing hung on the verb ("considers the withdrawal of
            // forces by America a good step" misparsed): an active verb has no "by".
            for k in self.tree.kids(c) {
                if base(self.rel(k)) == "obl"
                    && self
                        .case_of(k)
                        .is_some_and(|x| x.eq_ignore_ascii_case("by"))
                {
                    self.actors_of(k, &mut tgt);
                }
            }
        }
        if tgt.iter().all(|&t| {
            src.iter()
                .any(|&s| self.actors[s].key == self.actors[t].key)
        }) {
            // "Colombia called the decision a hostile act", "Guterres called it a
            // flagrant violation": the act named before (extract/reaction.rs).
            let d = self.antecedent_doers(thing, &src, c, &[]);
            if !d.is_empty() {
                tgt = d;
            }
        }
        let code = if negative { "111" } else { "051" };
        let before = add.len();
        for &s in &src {
            for &t in &tgt {
                add.extend(self.eval_found(code, s, t, c, 0.6));
            }
        }
        if add.len() == before && tgt.is_empty() && negative && self.act_phrase(ev, thing) {
            for &s in &src {
                add.extend(self.domestic_found(code, s, c, thing));
            }
        }
        true
    }

    fn stated_evaluation(&self, ev: &Evaluative, p: usize, add: &mut Vec<Found>) {
        if self.not_asserted(p) {
            return;
        }
        // The predicate itself, or an adjective on a predicate noun naming an act ("a
        // baseless case").
        let own = |kind: Kind| {
            self.form_is(ev, p, kind)
                || (self.act_phrase(ev, p)
                    && self.tree.kids(p).any(|m| {
                        base(self.rel(m)) == "amod" && !self.negated(m) && self.form_is(ev, m, kind)
                    }))
        };
        let negative = if own(Kind::Neg) {
            true
        } else if own(Kind::Pos) {
            false
        } else {
            return;
        };
        let Some(speaker) = self.claimant(p, false) else {
            return;
        };
        let Some(subj) = self.tree.kids(p).find(|&k| self.rel(k) == "nsubj") else {
            return;
        };
        if self.about_accusation(subj) || self.about_accusation(p) {
            return;
        }
        let mut tgt = Vec::new();
        if self.s.upos(subj) != Upos::PRON && self.judgeable(ev, subj) {
            self.owners(subj, &mut tgt);
        }
        if tgt.is_empty() {
            // "Moscow said the decision was a grave mistake" after the decision was
            // reported (extract/reaction.rs).
            tgt = self.antecedent_doers(subj, &[speaker], p, &[]);
        }
        let code = if negative { "111" } else { "051" };
        let before = add.len();
        for &t in &tgt {
            add.extend(self.eval_found(code, speaker, t, p, 0.6));
        }
        if add.len() == before
            && tgt.is_empty()
            && negative
            && (self.act_phrase(ev, subj) || self.act_phrase(ev, p))
        {
            add.extend(self.domestic_found(code, speaker, p, subj));
        }
    }

    /// "X said Y was responsible for the attack", "'Y is to blame for this crime,' X
    /// said", "Y was to blame, according to X": ascribing a harm to someone is an
    /// accusation (112) by whoever says it, like "was behind" (session 6). "Responsible"
    /// counts only for a harm ("responsible for the talks" ascribes no wrong); "to
    /// blame" always does. Returns whether `p` is such a predicate.
    fn ascribed_blame(&self, p: usize, add: &mut Vec<Found>) -> bool {
        // Harms beyond hostile acts: outcomes and states of affairs.
        const HARM: &[&str] = &[
            "strike",
            "shelling",
            "crime",
            "death",
            "escalation",
            "crisis",
            "war",
            "conflict",
            "tension",
            "collapse",
            "failure",
            "destruction",
            "atrocity",
            "genocide",
            "incident",
            "downing",
            "sinking",
            "disaster",
            "chaos",
            "instability",
            "bloodshed",
            "fighting",
            "raid",
            "invasion",
            "aggression",
            "provocation",
            "leak",
            "poisoning",
            "shooting",
            "fire",
            "blockade",
            "famine",
            "suffering",
            "casualty",
            "loss",
            "damage",
            "deterioration",
        ];
        let lc = self.lc(p);
        let blame = self.s.upos(p) == Upos::VERB
            && lc == "blame"
            && self
                .tree
                .kids(p)
                .any(|k| self.rel(k) == "mark" && self.lc(k) == "to")
            && self
                .tree
                .kids(p)
                .any(|k| matches!(base(self.rel(k)), "aux" | "cop") && self.lc(k) == "be");
        // "complicit in the attack", "guilty of war crimes" (session 9) ascribe the act
        // as "responsible for" does.
        let prep = match lc.as_ref() {
            "responsible" | "culpable" | "accountable" => "for",
            "complicit" => "in",
            "guilty" => "of",
            _ => "",
        };
        // (The tagger sometimes reads "was complicit" as a passive verb.)
        let responsible = matches!(self.s.upos(p), Upos::ADJ | Upos::VERB)
            && !prep.is_empty()
            && self.tree.kids(p).any(|k| {
                base(self.rel(k)) == "obl"
                    && self.case_of(k).is_some_and(|c| lower_eq(c, prep))
                    && {
                        let w = self.lc(k);
                        let harm = |x: &str| HARM.contains(&x) || HOSTILE_ACTS.contains(&x);
                        harm(w.as_ref()) || w.strip_suffix('s').is_some_and(harm)
                    }
            });
        if !blame && !responsible {
            return false;
        }
        if self.not_asserted(p) {
            return true;
        }
        let Some(speaker) = self.claimant(p, false) else {
            return true;
        };
        let mut doers = Vec::new();
        for k in self.tree.kids(p) {
            if matches!(self.rel(k), "nsubj" | "nsubj:pass") && self.s.upos(k) != Upos::PRON {
                self.actors_of(k, &mut doers);
            }
        }
        for d in doers {
            add.extend(self.eval_found("112", speaker, d, p, 0.6));
        }
        true
    }

    /// "Y was behind the attack, according to X", "X said Y was behind the plot":
    /// ascribing an attack to someone is an accusation (112) by whoever says it.
    /// Returns whether `p` is such a predicate (then nothing else is read from it).
    fn behind(&self, p: usize, add: &mut Vec<Found>) -> bool {
        let is_behind = self
            .tree
            .kids(p)
            .any(|k| self.rel(k) == "case" && self.lc(k) == "behind");
        let w = self.lc(p);
        if !is_behind || !(HOSTILE_ACTS.contains(&w.as_ref()) || w == "campaign") {
            return false;
        }
        if self.not_asserted(p) {
            return true;
        }
        let Some(speaker) = self.claimant(p, false) else {
            return true;
        };
        let mut doers = Vec::new();
        for k in self.tree.kids(p) {
            if self.rel(k) == "nsubj" {
                self.actors_of(k, &mut doers);
            }
        }
        for d in doers {
            add.extend(self.eval_found("112", speaker, d, p, 0.6));
        }
        true
    }
}
