//! Details of an act told in a later sentence with the act as subject: "Indian
//! missiles struck nine sites in Pakistan overnight. … The strikes killed 31
//! civilians", "The EU adopted new sanctions on Russia. … The sanctions also target a
//! refinery in India" (session 10).
//!
//! Why: the sentence names no doer — its subject is a definite description of the act
//! itself — so the dictionary finds the noun ("strikes", "operation", "raids",
//! "exercises") and gives up with "no source found", while both gold sets code such a
//! sentence as the act again (with its new target when one is named: the refinery's
//! country, the U.N. agency whose offices were raided). The difference from a second
//! mention that is not coded ("Russia condemned the strikes", reaction.rs; "after the
//! visit") is the frame: the description is the *subject of a verb that adds what the
//! act did* (killed, hit, targeted, destroyed, dealt a blow, tested, banned,
//! blacklisted), not the object of a reaction or background in a clause of time.
//!
//! Built for precision like reaction.rs, whose readers it shares: the description must
//! be definite and name no doer of its own; the act it refers to is one of the same
//! kind (violence, coercion, a show of force) coded in the four sentences before with
//! the same word as trigger ("struck" … "the strikes"); when such acts by different
//! doers are candidates, nothing is coded. The event
//! keeps the earlier act's code; its target is what the verb names (a state, an
//! organisation, a group), else the earlier act's target.

use super::reaction::{fits, singular, Kind, PriorAct};
use super::{base, Actor, Found, SentenceCoder};
use attache_core::Modality;
use attache_text::Upos;

/// Verbs that tell what an act of force did to someone or something.
const HARM: &[&str] = &[
    "kill", "wound", "injure", "hit", "destroy", "damage", "strike", "level", "flatten", "claim",
    "deal", "sink", "seize", "raze", "displace", "test",
];

/// Verbs that say what a measure does; with [`HARM`] the verbs of a follow-up, and alone
/// the only ones for "the measures" and "the step" (a generic description of a policy
/// act).
const MEASURE: &[&str] = &[
    "target",
    "ban",
    "blacklist",
    "bar",
    "block",
    "restrict",
    "freeze",
    "lower",
    "cut",
];

/// How many sentences back the act may be: a follow-up comes right after its act.
const REACH: usize = 4;

impl SentenceCoder<'_> {
    /// Codes "the strikes killed …" sentences (module doc) whose description is not
    /// already a trigger of an event of this sentence.
    pub(super) fn code_followups(&self, found: &mut Vec<Found>) {
        if self.prior_acts.is_empty() {
            return;
        }
        for n in 0..self.s.len() {
            if self.s.upos(n) != Upos::NOUN || self.rel(n) != "nsubj" {
                continue;
            }
            let Some(v) = self.tree.head(n) else {
                continue;
            };
            let verb = self.lemma(v).to_ascii_lowercase();
            let detail = HARM.contains(&verb.as_str()) || MEASURE.contains(&verb.as_str());
            if self.s.upos(v) != Upos::VERB || !detail {
                continue;
            }
            if found.iter().any(|f| f.trigger == n || f.trigger == v)
                || self.negated(v)
                || self.modality(v) != Modality::Actual
                || self.conditional(v)
            {
                continue;
            }
            if !self.definite_act(n) || self.describes_doer(n) {
                continue;
            }
            let Some(kind) = self.act_kind(n) else {
                continue;
            };
            let ok = match kind {
                Kind::Force | Kind::Coerce | Kind::Show => true,
                Kind::Generic => MEASURE.contains(&verb.as_str()),
                _ => false,
            };
            if !ok {
                continue;
            }
            let lemma = self.lemma(n).to_ascii_lowercase();
            let Some(act) = self.followed_act(kind, &lemma) else {
                continue;
            };
            let doers = distinct_keys(self.actors, &act.doers, &[]);
            let dkeys: Vec<&str> = doers.iter().map(|&d| self.actors[d].key.as_str()).collect();
            let mut named = Vec::new();
            let mut has_object = false;
            for k in self.tree.kids(v) {
                let r = base(self.rel(k));
                let case = self.case_of(k).map(str::to_ascii_lowercase);
                let aimed = |c: Option<&str>| matches!(c, Some("to" | "on" | "against"));
                if r == "obj" {
                    has_object = true;
                    self.actors_of(k, &mut named);
                    // "dealt a heavy blow to al-Shabab", "target a refinery in India".
                    for m in self.tree.kids(k) {
                        let c = self.case_of(m).map(str::to_ascii_lowercase);
                        if base(self.rel(m)) == "nmod"
                            && (aimed(c.as_deref()) || c.as_deref() == Some("in"))
                        {
                            self.actors_of(m, &mut named);
                        }
                    }
                } else if r == "obl" && aimed(case.as_deref()) {
                    self.actors_of(k, &mut named);
                }
            }
            if has_object && named.is_empty() {
                // "The sanctions also target a refinery …": a new target the lexicon
                // does not know; the earlier act's would be a guess.
                continue;
            }
            named.retain(|&a| {
                let x = &self.actors[a];
                x.usable && x.in_sentence && !x.weak && !x.civilian
            });
            // The targets of every act of that sentence by those doers ("Indian
            // missiles struck nine sites in Pakistan" may be two records).
            let mut act_targets: Vec<usize> = Vec::new();
            let mut act_keys: Vec<&str> = Vec::new();
            for p in self
                .prior_acts
                .iter()
                .filter(|p| p.back == act.back && fits(kind, p.code) && p.doers == act.doers)
            {
                act_targets.extend(&p.targets);
                act_keys.extend(p.target_keys.iter().map(String::as_str));
            }
            let domestic = !act_keys.is_empty() && act_keys.iter().all(|k| dkeys.contains(k));
            let except: &[&str] = if domestic { &[] } else { &dkeys };
            let named = distinct_keys(self.actors, &named, except);
            let targets = if named.is_empty() {
                distinct_keys(self.actors, &act_targets, except)
            } else {
                named
            };
            for &d in &doers {
                for &t in &targets {
                    found.push(Found {
                        code: act.code,
                        source: d,
                        target: Some(t),
                        trigger: n,
                        negated: false,
                        modality: Modality::Actual,
                        attributed_to: None,
                        location: None,
                        date: None,
                        confidence: 0.6,
                        specificity: 0,
                        others: Vec::new(),
                    });
                }
            }
        }
    }

    /// The latest act of `kind` coded in the [`REACH`] sentences before with the
    /// description's word as its trigger ("the strikes" for "struck", "the raids" for
    /// "raids"), when all such acts have the same doers.
    fn followed_act(&self, kind: Kind, word: &str) -> Option<&PriorAct> {
        let keys = |p: &PriorAct| self.doer_keys(p);
        let mut cands = self.prior_acts.iter().rev().filter(|p| {
            p.back <= REACH && fits(kind, p.code) && p.words.iter().any(|w| same_word(w, word))
        });
        let first = cands.next()?;
        let k0 = keys(first);
        if k0.is_empty() || cands.any(|p| keys(p) != k0) {
            return None;
        }
        Some(first)
    }
}

/// Whether two lemmas are one word as verb and noun, singular and plural ("struck" →
/// "strike" and "strikes"; the lemmatizer's "raide" for "raided" and "raid").
fn same_word(a: &str, b: &str) -> bool {
    let norm = |x: &str| {
        let x = singular(x);
        x.strip_suffix('e').unwrap_or(x).to_string()
    };
    norm(a) == norm(b)
}

/// The usable actors of `list`, one per key, none with a key of `except`.
fn distinct_keys(actors: &[Actor], list: &[usize], except: &[&str]) -> Vec<usize> {
    let mut out: Vec<usize> = Vec::new();
    for &a in list {
        let x = &actors[a];
        if x.usable
            && !except.contains(&x.key.as_str())
            && !out.iter().any(|&o| actors[o].key == x.key)
        {
            out.push(a);
        }
    }
    out
}
