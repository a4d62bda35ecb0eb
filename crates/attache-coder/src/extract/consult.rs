//! Meetings, calls and visits (CAMEO 04) in the wordings wire news uses most.
//!
//! Why a module of its own: consultations are the most frequent diplomatic events in
//! news and the ones the coder missed most often on unseen text — not because of
//! exotic wording but because ordinary constructions put the parties where the
//! extractor's general rules (subject → source, object or preposition → target) do not
//! look. Each reading below names one construction of news English, was found by
//! probing the coder with sentences of our own written in wire style (several
//! paraphrases each: verb, noun, voice, word order, actor forms), and is called from
//! one place in `extract.rs`; examples are in `src/tests.rs` (section "session 6,
//! consult") and `data/patterns/examples.tsv` (block "session 6 (consult)").
//!
//! * **The partner hung one level down.** "Kenya's president spoke by phone with the
//!   Ethiopian prime minister", "held talks in Moscow with Putin": the parser attaches
//!   the "with" phrase to the noun before it (phone, Moscow) instead of the verb, so
//!   the meeting had one side only. For a symmetric meeting word with no target, a
//!   "with" phrase on one of its own prepositional complements (not inside a clause,
//!   and not on a word of relations — "discussed its ties with China" names a topic)
//!   is the other side.
//!
//! * **"called X" is a phone call.** "Pakistan's prime minister called the Saudi crown
//!   prince on Wednesday", "Erdogan called Putin": the verb with an actor as object and
//!   no complement of appealing ("on", "for", "upon"), naming ("called X a liar",
//!   "called it baseless") or convening ("called a meeting") is telephoning (041,
//!   both ways). A date does not make "call … on Wednesday" an appeal (`match_verb`
//!   ignores dates for `with=`).
//!
//! * **Welcoming a visitor is hosting.** "Macron welcomed Modi at the Elysee Palace":
//!   "welcome" with a person or official (not a state, a place or an act) as its
//!   object is receiving a visit (043, and the visitor's 042), not praise.
//!
//! * **A call as a noun is a phone call** when it is made with, between or from
//!   someone, received, held, had or placed, or happened ("in a phone call", "during a
//!   call") — and asks for nothing ("calls from the opposition for his resignation"
//!   stay appeals): "received a call from Kenya's president", "held a call with
//!   Trump".
//!
//! * **Who is on a visit or in a place for talks.** "Modi is on a two-day visit to
//!   Moscow", "A Chinese delegation was in Nairobi for talks", "visited Bangkok for
//!   talks with Thai leaders": a meeting or visit noun predicated of someone, or
//!   giving the purpose or occasion of their being somewhere, is theirs — the subject
//!   of the predicate is its doer, and a place predicated of them is where they went
//!   (the visit's host).
//!
//! * **Ready for talks.** "Iran said it was ready for talks with the United States",
//!   "Ukraine is ready for a ceasefire": an event noun that a word of readiness (the
//!   dictionary's `ctl=agree` adjectives: ready, willing, prepared) governs by "for"
//!   is what its subject intends (03, one side only), as "ready to hold talks" is.
//!
//! * **Hosted talks between two parties** ("Saudi Arabia hosted talks between the
//!   United States and Ukraine"): the two meet each other (both ways), besides the host
//!   meeting each of them.
//!
//! * **Talks that were held name their parties.** "Trilateral talks among China, Japan
//!   and South Korea were held in Seoul": a light verb in the passive with no agent
//!   leaves the doers to the noun — its names and adjectives, or "between/among".
//!
//! * **Travel at home is no visit.** "Trump flew to Alaska": a visit (042/043) between
//!   two actors of one state is domestic travel, which the gold set does not code.
//!
//! * **What is pledged, offered or asked for has not been given.** "pledged $1
//!   billion in military aid for Kyiv", "requested military assistance from Turkey",
//!   "offered Egypt a $5 billion loan": an event noun in the object or a prepositional
//!   complement of an appeal, offer, pledge or demand that was coded (02, 03, 10) is
//!   its content, not an act of its own (the word-order reading took it as aid given);
//!   so is the object of a verb that is no event inside what is asked ("asked the
//!   United States to reconsider the tariffs": no tariffs imposed).
//!
//! * **Helping someone is aid.** "China promised to help Pakistan rebuild", "Germany
//!   vowed to help Ukraine defend its skies": "help" is a transparent raising verb
//!   ("helped broker a deal" is the brokering), but with someone as its object and no
//!   event in what it raises it is itself the act — aid, 070 (CAMEO's verb dictionary
//!   files HELP under 070), an intent (033) under a pledge.
//!
//! * **Speaking needs a partner.** "The minister spoke to reporters", "spoke at a
//!   rally": speaking or talking with no one named as the other side is no meeting
//!   (unlike "G7 ministers discussed China's role", where discussing is the event).

use super::{base, lower_eq, SentenceCoder};
use crate::patterns::Pattern;
use attache_text::Upos;

/// Nouns of relations: a "with" phrase on them names the other side of the relation,
/// a topic, not the partner of the meeting ("discussed its ties with China").
const RELATION_NOUNS: &[&str] = &[
    "tie",
    "ties",
    "relation",
    "relations",
    "relationship",
    "cooperation",
    "partnership",
    "dispute",
    "conflict",
    "war",
    "border",
    "deal",
    "agreement",
];

/// Verbs whose object a phone call is when it was made or taken.
const CALL_VERBS: &[&str] = &[
    "receive", "get", "take", "answer", "return", "hold", "have", "make", "place", "end", "conduct",
];

/// Prepositions that put a meeting noun on the occasion of someone's being or acting
/// somewhere ("was in Nairobi for talks", "is on a visit to Moscow", "arrived on a
/// state visit").
const OCCASION: &[&str] = &["for", "on"];

/// Verbs of going somewhere or being there: the place is the host of the visit that
/// is their occasion ("went to Beijing on a surprise trip").
const MOTION: &[&str] = &[
    "go", "travel", "fly", "arrive", "come", "head", "land", "jet", "journey", "stay", "remain",
    "leave", "depart", "return",
];

/// Verbs of telling that a meeting or call noun can be the occasion of.
const TELLING: &[&str] = &[
    "tell",
    "assure",
    "inform",
    "warn",
    "brief",
    "promise",
    "reassure",
    "urge",
    "ask",
    "invite",
    "thank",
    "congratulate",
];

/// Verbs of speaking that are a meeting only with a partner named.
const SPEAKING: &[&str] = &["speak", "talk", "converse"];

impl<'a> SentenceCoder<'a> {
    /// The other side of a symmetric meeting word (`trigger`, in `clause`) whose "with"
    /// phrase the parser hung on one of its prepositional complements ("spoke by phone
    /// with X", "held talks in Moscow with Putin"). Actors in `skip` are not taken.
    pub(super) fn stray_partner(
        &self,
        trigger: usize,
        clause: usize,
        skip: &[usize],
        out: &mut Vec<usize>,
    ) {
        for node in [trigger, clause] {
            for k in self.tree.kids(node) {
                if base(self.rel(k)) == "acl"
                    && self.case_of(k).is_some_and(|c| lower_eq(c, "with"))
                {
                    // "with the Taliban's acting foreign minister", "acting" read as
                    // a participle on the noun.
                    self.actors_of(k, out);
                    continue;
                }
                if !matches!(base(self.rel(k)), "obl" | "nmod" | "obj") {
                    continue;
                }
                if RELATION_NOUNS.contains(&self.lemma(k).to_ascii_lowercase().as_str()) {
                    continue;
                }
                for w in self.tree.kids(k) {
                    if base(self.rel(w)) == "nmod"
                        && self.case_of(w).is_some_and(|c| lower_eq(c, "with"))
                    {
                        let mut tmp = Vec::new();
                        self.actors_of(w, &mut tmp);
                        for a in tmp {
                            if !skip.contains(&a) && !out.contains(&a) {
                                out.push(a);
                            }
                        }
                    }
                }
            }
            if !out.is_empty() || node == clause {
                break;
            }
        }
        let skeys: Vec<&str> = skip.iter().map(|&s| self.actors[s].key.as_str()).collect();
        out.retain(|&a| !skeys.contains(&self.actors[a].key.as_str()));
    }

    /// The pattern of telephoning when the verb "call" at `v` means it: an actor as
    /// object, and no complement that makes it an appeal, a naming or a convening.
    pub(super) fn phone_call_verb(&self, v: usize) -> Option<&'a Pattern> {
        if !lower_eq(self.lemma(v), "call") || !matches!(self.s.upos(v), Upos::VERB) {
            return None;
        }
        let mut obj = None;
        // "called his Qatari counterpart to thank Doha", "… to discuss the plan": what
        // the call was for, not an appeal to act.
        const CALL_PURPOSE: &[&str] = &[
            "discuss",
            "thank",
            "congratulate",
            "express",
            "offer",
            "brief",
            "inform",
            "convey",
            "reassure",
            "review",
            "coordinate",
            "update",
            "condole",
            "wish",
            "talk",
        ];
        for k in self.tree.kids(v) {
            let purpose = matches!(base(self.rel(k)), "xcomp" | "advcl")
                && CALL_PURPOSE.contains(&self.lemma(k).to_ascii_lowercase().as_str())
                && self
                    .tree
                    .kids(k)
                    .any(|m| self.rel(m) == "mark" && lower_eq(self.lemma(m), "to"));
            if purpose {
                continue;
            }
            match base(self.rel(k)) {
                "obj" => obj = Some(k),
                // "called X a liar", "called on X to …", "called X to account".
                "xcomp" | "ccomp" | "compound" | "iobj" => return None,
                "obl" | "advcl"
                    if self.case_of(k).is_some_and(|c| {
                        ["on", "upon", "for", "off", "to"]
                            .iter()
                            .any(|x| lower_eq(c, x))
                    }) && !self.is_date(k) =>
                {
                    return None
                }
                _ => {}
            }
        }
        let o = obj?;
        // The object itself must name someone, not an act ("called a meeting",
        // "called elections") nor something said ("called it baseless").
        // The object word itself must be (part of) the name or title of an actor, not
        // a thing reached through a possessor ("called Niger's decision …").
        if self.s.upos(o) == Upos::PRON || self.tree.kids(o).any(|k| base(self.rel(k)) == "acl") {
            return None;
        }
        let cov = self.covering(o);
        if cov.is_empty() || cov.iter().any(|&a| !self.actors[a as usize].usable) {
            return None;
        }
        self.patterns
            .verb("telephone")
            .iter()
            .find(|p| p.code == "041")
    }

    /// The hosting pattern for "welcome" at `v` with a person or official as its
    /// object ("Macron welcomed Modi at the Elysee Palace", "welcomed the Ukrainian
    /// president to Washington"): receiving a visitor (043), not the praise of
    /// "welcomed the decision". States and places welcomed are left to praise
    /// ("welcomed Ukraine into the alliance").
    pub(super) fn welcome_visitor(&self, v: usize) -> Option<&'a Pattern> {
        if !lower_eq(self.lemma(v), "welcome") || !matches!(self.s.upos(v), Upos::VERB) {
            return None;
        }
        let o = self
            .tree
            .kids(v)
            .find(|&k| self.rel(k) == "obj" || self.rel(k) == "nsubj:pass")?;
        if self.s.upos(o) == Upos::PRON
            || self
                .tree
                .kids(v)
                .any(|k| matches!(base(self.rel(k)), "xcomp" | "ccomp"))
        {
            return None;
        }
        let cov = self.covering(o);
        if cov.is_empty()
            || cov.iter().any(|&a| {
                let a = &self.actors[a as usize];
                !a.usable || a.place || a.civilian
            })
        {
            return None;
        }
        self.patterns.verb("host").iter().find(|p| p.code == "043")
    }

    /// The phone-call pattern for the noun "call" at `n` when it is one (module docs).
    pub(super) fn phone_call_noun(&self, n: usize) -> Option<&'a Pattern> {
        if !lower_eq(self.lemma(n), "call") {
            return None;
        }
        let mut partner = false;
        for k in self.tree.kids(n) {
            let r = base(self.rel(k));
            if r == "acl" {
                // "a call to end the war": an appeal.
                return None;
            }
            if r == "nmod" {
                let c = self.case_of(k).map(str::to_ascii_lowercase);
                match c.as_deref() {
                    Some("for" | "on" | "upon" | "to") => return None,
                    Some("with" | "between" | "from") => partner = true,
                    _ => {}
                }
            }
        }
        let occasion = self.tree.head(n).is_some_and(|h| {
            let r = base(self.rel(n));
            (r == "obj"
                && matches!(self.s.upos(h), Upos::VERB)
                && CALL_VERBS.contains(&self.lemma(h).to_ascii_lowercase().as_str()))
                || (r == "obl"
                    && self.case_of(n).is_some_and(|c| {
                        ["in", "during", "on", "after", "over"]
                            .iter()
                            .any(|x| lower_eq(c, x))
                    }))
        });
        if !partner && !occasion {
            return None;
        }
        self.patterns.noun("call").iter().find(|p| p.code == "041")
    }

    fn is_date(&self, k: usize) -> bool {
        self.dates.iter().any(|&(t, _)| t == k)
    }

    /// The doer of a meeting or visit noun at `n` that is predicated of someone or is
    /// the occasion of their being somewhere (module docs); with the place they are in
    /// as the other side when the noun names none ("was in Nairobi for talks").
    pub(super) fn consult_doer(
        &self,
        n: usize,
        root: &str,
        sources: &mut Vec<usize>,
        targets: &mut Vec<usize>,
    ) {
        if root != "04" {
            return;
        }
        // "Modi is on a two-day visit to Moscow": the noun is the predicate.
        let pred = if self.tree.kids(n).any(|k| self.rel(k) == "cop") {
            Some(n)
        } else if self
            .case_of(n)
            .is_some_and(|c| OCCASION.iter().any(|x| lower_eq(c, x)))
            && matches!(base(self.rel(n)), "obl" | "nmod")
        {
            // Only the occasion of being or going somewhere: "create leverage for
            // future negotiations with China" names no one's talks.
            self.tree.head(n).filter(|&h| {
                self.tree.kids(h).any(|k| self.rel(k) == "cop")
                    || MOTION.contains(&self.lemma(h).to_ascii_lowercase().as_str())
                    || lower_eq(self.lemma(h), "visit")
            })
        } else {
            None
        };
        let Some(h) = pred else { return };
        let mut tmp = Vec::new();
        if self.subject_of(h, &mut tmp, 0) {
            // A passive clause's agent ("was hosted by …") is read by the verb itself.
            return;
        }
        tmp.retain(|a| !targets.contains(a));
        if tmp.is_empty() {
            return;
        }
        if targets.is_empty() && h != n {
            // "was in Nairobi for talks", "went to Beijing on a trip": the place they
            // are in or went to.
            let mut place = Vec::new();
            if self.tree.kids(h).any(|k| self.rel(k) == "cop") {
                self.actors_of(h, &mut place);
            } else if MOTION.contains(&self.lemma(h).to_ascii_lowercase().as_str()) {
                for k in self.tree.kids(h) {
                    if base(self.rel(k)) == "obl"
                        && self.case_of(k).is_some_and(|c| {
                            ["to", "in", "at", "for"].iter().any(|x| lower_eq(c, x))
                        })
                    {
                        self.actors_of(k, &mut place);
                    }
                }
            }
            targets.extend(
                place
                    .into_iter()
                    .filter(|&a| self.actors[a].place && !tmp.contains(&a)),
            );
        }
        sources.extend(tmp);
    }

    /// The parties of a meeting noun that is the passive subject of its light verb
    /// ("trilateral talks among China, Japan and South Korea were held in Seoul",
    /// "U.S.-Ukraine talks were held in Jeddah"): with no agent, the noun names them —
    /// a name or adjective on it is a side, "between/among" lists them all.
    pub(super) fn passive_light_parties(
        &self,
        noun: usize,
        root: &str,
        sources: &mut Vec<usize>,
        participants: &mut Vec<usize>,
    ) {
        if root != "04" || self.rel(noun) != "nsubj:pass" {
            return;
        }
        for k in self.tree.kids(noun) {
            let r = self.rel(k);
            if r == "nmod:poss" || matches!(base(r), "compound" | "amod") {
                self.actors_of(k, sources);
            } else if base(r) == "nmod"
                && self
                    .case_of(k)
                    .is_some_and(|c| lower_eq(c, "between") || lower_eq(c, "among"))
            {
                self.actors_of(k, participants);
            }
        }
    }

    /// Whether the event noun `t` (its pattern's `code`) is the content of an appeal,
    /// offer, pledge or demand already coded in `found` (module docs): cooperation,
    /// aid or a concession (05–08), not the meeting or call it was made in ("In a
    /// phone call with Zelenskyy, Macron pledged …").
    pub(super) fn pledged_content(&self, t: usize, code: &str, found: &[super::Found]) -> bool {
        let coded = |h: usize| {
            found
                .iter()
                .any(|f| f.trigger == h && matches!(&f.code[..2], "02" | "03" | "10") && !f.negated)
        };
        // "asked the United States to reconsider the tariffs": the object of a verb
        // that is no event, inside what is asked for, is asked about, whatever it is.
        if let Some(h) = self.tree.head(t) {
            if self.rel(t) == "obj"
                && matches!(base(self.rel(h)), "xcomp" | "ccomp")
                && self.match_verb(h).is_none_or(|p| p.code.is_empty())
                && self.tree.head(h).is_some_and(coded)
            {
                return true;
            }
        }
        if !matches!(code.get(..2), Some("05" | "06" | "07" | "08")) {
            return false;
        }
        let mut n = t;
        for _ in 0..3 {
            let Some(h) = self.tree.head(n) else {
                return false;
            };
            let r = base(self.rel(n));
            if matches!(r, "obj" | "iobj" | "obl") || self.rel(n) == "nsubj:pass" {
                return coded(h);
            }
            // "$1 billion in aid", "a package of aid": up to the amount.
            if r != "nmod" {
                return false;
            }
            n = h;
        }
        false
    }

    /// The aid pattern for "help" at `v` with someone as its object and no event in
    /// what it raises (module docs). The helped one and the helper, where the clause
    /// names it, must be actors by name or title — not "our family", not a
    /// "partnership" that helped someone.
    pub(super) fn helping(&self, v: usize) -> Option<&'a Pattern> {
        // "helped X rebuild", or helping as what is pledged ("ready to help X").
        if !lower_eq(self.lemma(v), "help")
            || !(self.tree.kids(v).any(|k| base(self.rel(k)) == "xcomp")
                || base(self.rel(v)) == "xcomp")
        {
            return None;
        }
        let named = |k: usize| {
            self.s.upos(k) != Upos::PRON
                && !self.covering(k).is_empty()
                && self.covering(k).iter().all(|&a| {
                    let a = &self.actors[a as usize];
                    a.usable && !a.civilian && !a.weak
                })
        };
        let obj = self.tree.kids(v).find(|&k| self.rel(k) == "obj")?;
        let subj = self.tree.kids(v).find(|&k| base(self.rel(k)) == "nsubj");
        // Its own named subject, or controlled by a verb whose subject it shares
        // ("promised to help"); not a subject borrowed through coordination.
        let own = match subj {
            Some(k) => named(k),
            None => base(self.rel(v)) == "xcomp",
        };
        if !named(obj) || !own {
            return None;
        }
        self.patterns.verb("help").iter().find(|p| p.code == "070")
    }

    /// Whether a meeting planned under `trigger` is convened or hosted by one side
    /// ("China will convene a meeting with Iran", "Turkey will host a summit with
    /// Russia"): the one who convenes it intends it; those invited have not said so.
    pub(super) fn convened_plan(&self, trigger: usize) -> bool {
        self.tree.head(trigger).is_some_and(|h| {
            matches!(
                self.lemma(h).to_ascii_lowercase().as_str(),
                "convene" | "host" | "organize" | "organise" | "call"
            ) || (base(self.rel(trigger)) == "obl"
                && (self.head_control(h) == Some(crate::patterns::Control::Agree)
                    // "open to talks" (session 8; see `readiness`).
                    || (self.s.upos(h) == Upos::ADJ && lower_eq(self.lemma(h), "open"))))
        })
    }

    /// The parties of a meeting or call noun at `n` that is the occasion of a verb of
    /// telling ("Xi told Biden in a phone call that …", "assured Kyiv during talks"):
    /// the teller and the one told, when the noun names no partner of its own.
    pub(super) fn told_in_passing(
        &self,
        n: usize,
        root: &str,
        sources: &mut Vec<usize>,
        targets: &mut Vec<usize>,
    ) {
        if root != "04"
            || base(self.rel(n)) != "obl"
            || !self.case_of(n).is_some_and(|c| {
                ["in", "during", "at", "on", "over"]
                    .iter()
                    .any(|x| lower_eq(c, x))
            })
        {
            return;
        }
        // "told Starmer during the visit": a definite noun refers back to a meeting
        // already reported, not a new one.
        if self.tree.kids(n).any(|k| {
            self.rel(k) == "det"
                && matches!(
                    self.lemma(k).to_ascii_lowercase().as_str(),
                    "the" | "this" | "that"
                )
        }) {
            return;
        }
        let Some(v) = self.tree.head(n) else { return };
        if !matches!(self.s.upos(v), Upos::VERB)
            || !TELLING.contains(&self.lemma(v).to_ascii_lowercase().as_str())
        {
            return;
        }
        let mut src = Vec::new();
        if self.subject_of(v, &mut src, 0) || src.is_empty() {
            return;
        }
        let mut tgt = Vec::new();
        for k in self.tree.kids(v) {
            if matches!(self.rel(k), "obj" | "iobj") {
                self.actors_of(k, &mut tgt);
            }
        }
        // The one told is the other side, not one's own people ("told reporters").
        tgt.retain(|&a| {
            !src.iter()
                .any(|&s| self.actors[s].key == self.actors[a].key)
        });
        if !tgt.is_empty() {
            sources.extend(src);
            targets.extend(tgt);
        }
    }

    /// "U.S.-China talks", "the Trump-Putin summit": the parser reads the second name of
    /// a hyphenated pair as part of the first (`flat`); when it is another actor's name
    /// it is a party too. `t` is covered by the mentions `cov`.
    pub(super) fn hyphen_pair(&self, t: usize, cov: &[u32], out: &mut Vec<usize>) {
        for f in self.tree.kids(t) {
            if self.rel(f) != "flat" || f != t + 2 {
                continue;
            }
            let hyphen = self.s.form(self.text, t + 1);
            if !matches!(hyphen, "-" | "–" | "—") {
                continue;
            }
            for &a in self.covering(f) {
                if !cov.contains(&a)
                    && self.actors[a as usize].usable
                    && !out.contains(&(a as usize))
                {
                    out.push(a as usize);
                }
            }
        }
    }

    /// The word of readiness an event noun at `n` depends on, with its subject:
    /// "Iran said it was ready for talks with the United States", "Ukraine is ready
    /// for a ceasefire" — the noun is what the subject is ready for, an intention
    /// (03, as "ready to hold talks" is), not an act. Returns the readiness word.
    pub(super) fn readiness(&self, n: usize, sources: &mut Vec<usize>) -> Option<usize> {
        if base(self.rel(n)) != "obl"
            || !self
                .case_of(n)
                .is_some_and(|c| lower_eq(c, "for") || lower_eq(c, "to"))
        {
            return None;
        }
        let head = self.tree.head(n)?;
        // "open to dialogue" is readiness too (session 8), though "open" is a light
        // verb in the dictionary ("opened talks") and so has no `agree` control.
        let ready = |h: usize| {
            let open = self.s.upos(h) == Upos::ADJ && lower_eq(self.lemma(h), "open");
            matches!(self.s.upos(h), Upos::ADJ | Upos::VERB)
                && (self.head_control(h) == Some(crate::patterns::Control::Agree) || open)
        };
        // "is ready for"; "remained open to" (the adjective the complement of a copular
        // verb, whose subject it shares — the parser may hang the noun on either).
        // Under a copular verb only the words of readiness themselves: "remained
        // committed to the ceasefire" is a stance, not a plan.
        let plain = |h: usize| {
            matches!(
                self.lemma(h).to_ascii_lowercase().as_str(),
                "open" | "ready" | "willing" | "prepared"
            )
        };
        let (h, holder) = if ready(head) {
            if self.tree.kids(head).any(|k| self.rel(k) == "cop") {
                (head, head)
            } else if plain(head) {
                (head, self.copular_head(head)?)
            } else {
                return None;
            }
        } else {
            let x = self.tree.kids(head).find(|&k| {
                self.rel(k) == "xcomp" && self.s.upos(k) == Upos::ADJ && ready(k) && plain(k)
            })?;
            (x, self.copular_head(x)?)
        };
        let mut tmp = Vec::new();
        self.subject_of(holder, &mut tmp, 0);
        if tmp.is_empty() {
            return None;
        }
        sources.extend(tmp);
        Some(h)
    }

    /// The parties a meeting noun under a light verb lists with "between/among"
    /// ("Saudi Arabia hosted talks between the United States and Ukraine"): they meet
    /// each other, besides the host meeting them.
    pub(super) fn listed_parties(&self, noun: usize, root: &str, out: &mut Vec<usize>) {
        if root != "04" {
            return;
        }
        for k in self.tree.kids(noun) {
            if base(self.rel(k)) == "nmod"
                && self
                    .case_of(k)
                    .is_some_and(|c| lower_eq(c, "between") || lower_eq(c, "among"))
            {
                self.actors_of(k, out);
            }
        }
    }

    /// Whether the listed parties of a meeting (`code`) with a stated doer also meet
    /// each other: talks, meetings and calls, not a mediation or a visit.
    pub(super) fn parties_meet(code: &str) -> bool {
        matches!(code, "040" | "041" | "044" | "046")
    }

    /// Whether a one-sided speaking verb (`trigger`) is no meeting (module docs).
    pub(super) fn needs_partner(&self, trigger: usize) -> bool {
        self.s.upos(trigger) != Upos::NOUN
            && SPEAKING.contains(&self.lemma(trigger).to_ascii_lowercase().as_str())
    }

    /// Whether a visit (`trigger`) of `s` to `t` is none: travel within one state, or
    /// going or leaving somewhere that is no place ("went to court against X", the
    /// counterpart guessed) — the general verbs of motion visit places only. Likewise
    /// speaking to one's own people ("speaking to British lawmakers") is an address,
    /// not a meeting.
    pub(super) fn no_visit(&self, code: &str, trigger: usize, s: usize, t: usize) -> bool {
        let same = self.actors[s].key == self.actors[t].key;
        if code.starts_with("04")
            && same
            && self.s.upos(trigger) != Upos::NOUN
            && lower_eq(self.lemma(trigger), "speak")
        {
            return true;
        }
        if !matches!(code, "042" | "043") {
            return false;
        }
        same || (code == "042" && self.general_motion(trigger) && !self.motion_goal(trigger, t))
    }

    fn general_motion(&self, v: usize) -> bool {
        matches!(
            self.lemma(v).to_ascii_lowercase().as_str(),
            "go" | "leave" | "depart"
        )
    }

    /// Whether `t` is a place the verb of motion `v` goes to ("to"/"for" phrase): not
    /// the infinitive of "is going to supply", not a counterpart guessed elsewhere.
    fn motion_goal(&self, v: usize, t: usize) -> bool {
        self.actors[t].place
            && self.tree.kids(v).any(|k| {
                base(self.rel(k)) == "obl"
                    && self
                        .case_of(k)
                        .is_some_and(|c| lower_eq(c, "to") || lower_eq(c, "for"))
                    && {
                        let mut tmp = Vec::new();
                        self.actors_of(k, &mut tmp);
                        tmp.contains(&t)
                    }
            })
    }
}
