//! Nominal events under a word that undoes them: "the lifting of U.S. sanctions on
//! Syria", "an end to the Israeli blockade of Gaza", "the suspension of U.S. military
//! aid to Ukraine", and (session 10) the object of such a verb: "Ethiopia and Eritrea
//! ended their border war", "the army halted the offensive".
//!
//! Why a module of its own: the extractor codes an event noun wherever it stands, with
//! the participants hanging from it ("U.S. sanctions on Syria" → USA→SYR 163). Under a
//! head that ends, lifts or suspends it, that reading turns the news upside down: the
//! sentence reports sanctions being eased (CAMEO 085), a blockade being eased (0872),
//! aid being cut (162), never the sanctions or the aid themselves. The participants are
//! still the inner noun's (the head "lifting" has none of its own: "the lifting of
//! sanctions" names no doer), so the inner noun stays the trigger and only its code
//! changes. The recoding goes by the inner event's CAMEO code, not by the sentence, so
//! it holds for every noun of the dictionary with that code ("embargo", "tariffs",
//! "restrictions", "curfew", "blockade"); an inner event with no opposite code here
//! (the end of a war, of a visit) is not coded at all, which is what the gold does with
//! events a sentence only reports as over.

use super::*;

/// Heads that end or ease the event they govern ("the lifting of", "an end to").
const ENDING: &[&str] = &[
    "lifting",
    "ease",
    "remove",
    "scrap",
    "relax",
    "loosen",
    "cancel",
    "revoke",
    "lift",
    "easing",
    "removal",
    "end",
    "ending",
    "repeal",
    "scrapping",
    "rollback",
    "relaxation",
    "loosening",
    "withdrawal",
    "cancellation",
    "revocation",
];

/// Heads that stop or cut the event they govern ("the suspension of aid").
const STOPPING: &[&str] = &[
    "suspension",
    "suspend",
    "stop",
    "terminate",
    "halt",
    "freeze",
    "freezing",
    "cut",
    "cutoff",
    "cutting",
    "termination",
    "stoppage",
];

/// What a reversing head makes of an event noun under it.
pub(super) enum Reversal {
    /// No reversing head: code the noun as it is.
    None,
    /// Code the noun's event with this code instead.
    Recode(&'static str),
    /// The event is reported as ended: code nothing.
    Drop,
}

/// The code an ended or eased event becomes, by its own code: sanctions, embargoes and
/// tariffs eased are 085, bans and restrictions eased 081 (curfews 0813, states of
/// emergency 0814), a blockade or siege eased 0872.
fn eased(code: &str) -> Option<&'static str> {
    Some(match code {
        c if c.starts_with("163") => "085",
        "1721" | "1722" | "172" => "081",
        "1723" => "0813",
        "1724" => "0814",
        "191" => "0872",
        _ => return None,
    })
}

/// The code a stopped or cut event becomes: aid of any kind (07) stopped is 162.
fn stopped(code: &str) -> Option<&'static str> {
    code.starts_with("07").then_some("162")
}

impl SentenceCoder<'_> {
    /// Whether the noun `n` ends, eases or stops what hangs under it ("the easing of
    /// sanctions"): a verb pattern's object that names the inner event ("announced
    /// sanctions") must not be matched through it.
    pub(super) fn reversing_head(&self, n: usize) -> bool {
        let form = self.form_lc(n);
        let lemma = self.lemma(n).to_ascii_lowercase();
        [ENDING, STOPPING]
            .iter()
            .any(|l| l.contains(&form.as_str()) || l.contains(&lemma.as_str()))
    }

    /// Whether the event noun `t` (coded `code` by its own pattern) stands under a head
    /// that reverses it: "the lifting **of** sanctions", "an end **to** the blockade",
    /// "sanctions relief" (the noun a compound of the head).
    pub(super) fn reversal(&self, t: usize, code: &str) -> Reversal {
        let Some(mut h) = self.tree.head(t) else {
            return Reversal::None;
        };
        // "ending two decades of hostility with Eritrea": through a span of time.
        let mut t = t;
        if base(self.rel(t)) == "nmod"
            && self.case_of(t).is_some_and(|c| lower_eq(c, "of"))
            && matches!(
                self.lemma(h).to_ascii_lowercase().as_str(),
                "decade" | "year" | "month" | "week" | "day" | "century"
            )
        {
            if let Some(g) = self.tree.head(h) {
                t = h;
                h = g;
            }
        }
        let under = match base(self.rel(t)) {
            "nmod" => self
                .case_of(t)
                .is_some_and(|c| lower_eq(c, "of") || lower_eq(c, "to")),
            "compound" => self.rel(t) == "compound" && lower_eq(self.lemma(h), "relief"),
            // The object of a verb that ends or stops it: "ended their border war",
            // "halted the offensive" (session 10; a verb with a pattern of its own for
            // that object, "lifted sanctions", is coded by the verb and never gets here).
            "obj" => self.s.upos(h) == Upos::VERB,
            _ => false,
        };
        if !under {
            return Reversal::None;
        }
        let head = self.form_lc(h);
        let lemma = self.lemma(h).to_ascii_lowercase();
        let is = |list: &[&str]| list.contains(&head.as_str()) || list.contains(&lemma.as_str());
        let recode = if is(ENDING) || lemma == "relief" {
            eased(code)
        } else if is(STOPPING) {
            stopped(code)
        } else {
            return Reversal::None;
        };
        match recode {
            Some(c) => Reversal::Recode(c),
            None => Reversal::Drop,
        }
    }
}
