//! Armed conflict as wire copy words it: who fights whom when the act is a noun, a
//! passive, or a verb the tagger took for something else.
//!
//! Why a module of its own: news reports most violence not as "X attacked Y" but in
//! nominal and passive frames — "ten soldiers were killed in an ambush by BLA
//! militants", "fighting broke out between the army and the RSF", "a raid by Somali
//! forces" — and the statistical parser misreads exactly these (the noun "Fighting"
//! tagged as a verb, "between …" hung on "broke out", the "by" phrase taken for a
//! target). The extractor's core rules (subject → source, object → target) then find
//! no doer, and the sentence gets no event at all. The readings here are small, each
//! called from one place in extract.rs, and keyed on the construction, not on words
//! of particular sentences:
//!
//! * **Agent of an event noun** (`agent_right_after`): in the word-order reading, an
//!   actor introduced by "by" right after an event noun ("a raid by Somali forces",
//!   "the offensive by the army", "a drone strike by the U.S. military") is the doer,
//!   not the target.
//! * **Domestic sides** (`domestic_sides`): "fighting between the Sudanese army and
//!   the RSF" names two sides of one country; docs/gold-guidelines.md codes such
//!   clashes as one domestic event (SDN→SDN 190), which the pairwise reading of
//!   "between" (one event per pair of different keys) never produced.
//! * **Killed in an attack by X** (`violence_noun_agent`): a passive act of violence
//!   without a "by" agent whose circumstance is a violence noun with a doer ("were
//!   killed in an al-Shabab attack", "… in a joint operation by U.S. and Iraqi
//!   forces", "… in an Israeli airstrike") has that doer as its agent. An agentless
//!   passive whose attack names no doer ("were killed in an attack") stays uncoded,
//!   as the gold guidelines require.

use super::{Actor, SentenceCoder};
use crate::patterns::TriggerPos;
use attache_text::Upos;

/// Whether the tokens between the event noun `noun` and the actor group starting at
/// `group` are only "by" and determiners or adjectives ("raid by the Somali army"):
/// the group is the noun's agent. Further away, "by" belongs to something else
/// ("the attack on the base, which was condemned by Kenya").
pub(super) fn agent_right_after(sc: &SentenceCoder<'_>, noun: usize, group: usize) -> bool {
    if group <= noun + 1 || !sc.form_lc(noun + 1).eq("by") {
        return false;
    }
    (noun + 2..group).all(|k| matches!(sc.s.upos(k), Upos::DET | Upos::ADJ | Upos::NUM))
}

/// In a sentence where the tagger found no verb at all, a past form right after a
/// noun that it read as an adjective ("Indian and Pakistani troops exchanged fire
/// along the Line of Control": "exchanged" an adjective on "fire") is the main verb
/// the tagger missed; the word-order reading then reads it as one. Returns the verb
/// lemma to look up (the form without "-d"/"-ed"), if the dictionary has it.
pub(super) fn verbless_past<'p>(sc: &SentenceCoder<'p>, i: usize) -> Option<&'p str> {
    if i == 0 || !matches!(sc.s.upos(i - 1), Upos::NOUN | Upos::PROPN) {
        return None;
    }
    let form = sc.s.form(sc.text, i).to_ascii_lowercase();
    if !form.ends_with("ed")
        || (0..sc.s.len()).any(|k| matches!(sc.s.upos(k), Upos::VERB | Upos::AUX))
    {
        return None;
    }
    let stem = &form[..form.len() - 1];
    let stem2 = &form[..form.len() - 2];
    sc.patterns
        .verb_lemma(stem)
        .or_else(|| sc.patterns.verb_lemma(stem2))
}

/// For a violent event (root 18–20) whose only participants are named with "between"
/// and all have one key, but are different mentions ("between the Sudanese army and
/// the RSF"): one domestic event from the first to the second.
pub(super) fn domestic_sides(
    actors: &[Actor],
    root: &str,
    participants: &[usize],
) -> Option<(usize, usize)> {
    if !matches!(root, "18" | "19" | "20") || participants.len() < 2 {
        return None;
    }
    let a = participants[0];
    let key = &actors[a].key;
    if key.is_empty() || participants.iter().any(|&p| &actors[p].key != key) {
        return None;
    }
    participants
        .iter()
        .copied()
        .find(|&b| actors[b].mention != actors[a].mention)
        .map(|b| (a, b))
}

/// "Withdraw from" is CAMEO 16 for an organisation, a treaty or talks ("Mali withdrew
/// from ECOWAS"), but a withdrawal of forces (087) when what is left is a place ("Russian
/// troops withdrew from the Kyiv region", "completed its withdrawal from
/// Afghanistan"). Only the dictionary's general "withdraw(al) from" lines (no object
/// named: "withdrew its ambassador from Niger" stays 161) are recoded, and only when
/// every target is a place.
pub(super) fn withdrawal_from_place(
    actors: &[Actor],
    p: &crate::patterns::Pattern,
    code: &'static str,
    root: &'static str,
    targets: &[usize],
) -> (&'static str, &'static str) {
    let leaving = matches!(
        p.lemma.as_str(),
        "withdraw" | "withdrawal" | "pullout" | "pull"
    );
    // The code itself, not only the root: "told X to withdraw from …" has been
    // recoded to a demand (10) by then and stays one.
    if root == "16"
        && code.starts_with("16")
        && leaving
        && p.object.is_empty()
        && !targets.is_empty()
        && targets.iter().all(|&t| actors[t].place)
    {
        ("087", "08")
    } else {
        (code, root)
    }
}

/// An arrest or detention (173) whose detainee is no actor ("Chinese police detained
/// the economist Ilham Tohti in Beijing", a person the lexicon does not know) but
/// which is stated to happen at home — the location is a place of the doer's own
/// country — is domestic (CHN→CHN), as the gold set codes police acting on their own
/// people. Only with the location stated and the doer's own: without it, "the
/// government is prosecuting a case" and similar gave false events (docs/coder.md,
/// session 5), and an arrest abroad says nothing of the detainee's country.
pub(super) fn arrest_at_home(
    actors: &[Actor],
    code: &str,
    sources: &[usize],
    location: Option<usize>,
) -> bool {
    code == "173"
        && location.is_some_and(|l| {
            let k = &actors[l].key;
            k.len() == 3 && sources.iter().any(|&s| &actors[s].key == k)
        })
}

impl SentenceCoder<'_> {
    /// The doers of a passive act of violence `v` that has no "by" agent, named by the
    /// violence noun of its "in"/"during" circumstance: its possessor, a name or a
    /// nationality adjective on it, or its own "by" phrase ("killed in an al-Shabab
    /// attack", "in a joint operation by U.S. and Iraqi forces", "in an Israeli
    /// airstrike"). Only for verbs whose dictionary reading is violence.
    pub(super) fn violence_noun_agent(&self, v: usize, out: &mut Vec<usize>) {
        if !self
            .match_verb(v)
            .is_some_and(|p| matches!(p.code.get(..2), Some("18" | "19" | "20")))
        {
            return;
        }
        for k in self.tree.kids(v) {
            if !super::base(self.rel(k)).starts_with("obl")
                || !self
                    .case_of(k)
                    .is_some_and(|c| matches!(c.to_ascii_lowercase().as_str(), "in" | "during"))
            {
                continue;
            }
            if !self.violence_noun(k) {
                continue;
            }
            let before = out.len();
            self.noun_owner(k, out);
            if out.len() > before {
                return;
            }
        }
    }

    /// The doers of an act of violence `v` whose subject is a violence noun that is no
    /// actor itself: the noun's owner ("The offensive by Somali forces pushed
    /// al-Shabab out of several towns", "Saudi-led coalition airstrikes hit Sanaa").
    pub(super) fn violence_subject_owner(&self, v: usize, out: &mut Vec<usize>) {
        let Some(n) = self.tree.kids(v).find(|&k| self.rel(k) == "nsubj") else {
            return;
        };
        if !self.violence_noun(n)
            || !self
                .match_verb(v)
                .is_some_and(|p| matches!(p.code.get(..2), Some("18" | "19" | "20")))
        {
            return;
        }
        let before = out.len();
        self.noun_owner(n, out);
        if out.len() == before {
            // "According to the army, the operation killed …" (extract/doer.rs).
            self.reported_operation_doer(v, n, out);
        }
    }

    /// The owner of an event noun: possessor, a name or nationality adjective on it,
    /// its "by" phrase, else an actor mention covering the noun itself.
    fn noun_owner(&self, k: usize, out: &mut Vec<usize>) {
        let before = out.len();
        for m in self.tree.kids(k) {
            let r = self.rel(m);
            let owner = matches!(r, "nmod:poss" | "amod" | "compound")
                || (super::base(r) == "nmod"
                    && self
                        .case_of(m)
                        .is_some_and(|c| c.eq_ignore_ascii_case("by")));
            if owner {
                self.actors_of(m, out);
            }
        }
        // "an operation carried out by Puntland forces" (extract/doer.rs).
        if out.len() == before && self.participle_author(k, out) {
            return;
        }
        if out.len() == before {
            for &a in self.covering(k) {
                let a = a as usize;
                if self.actors[a].usable && !out.contains(&a) {
                    out.push(a);
                }
            }
        }
    }

    /// Whether what the violent clause `v` hits — its object or passive subject — is
    /// forces or a military post named without a country ("killed ten soldiers",
    /// "five soldiers were killed in an al-Shabab attack", "attacked a military
    /// base"): an armed group's attack on them is fighting (190, docs/gold-guidelines.md:
    /// insurgents against forces), not the unconventional violence (180) its attacks on
    /// civilians and places are.
    pub(super) fn forces_hit(&self, v: usize) -> bool {
        const FORCES: &[&str] = &[
            "soldier",
            "troop",
            "troops",
            "force",
            "police",
            "policeman",
            "officer",
            "personnel",
            "guard",
            "army",
            "military",
            "patrol",
            "base",
            "outpost",
            "checkpoint",
            "convoy",
            "garrison",
            "post",
            "barracks",
            "serviceman",
        ];
        self.tree.kids(v).any(|k| {
            matches!(self.rel(k), "obj" | "nsubj:pass")
                && (FORCES.iter().any(|w| super::lower_eq(w, self.lemma(k)))
                    || self.tree.kids(k).any(|m| {
                        matches!(self.rel(m), "amod" | "compound")
                            && matches!(
                                self.lemma(m).to_ascii_lowercase().as_str(),
                                "military" | "army" | "police" | "security" | "paramilitary"
                            )
                    }))
        })
    }

    /// Seizing or capturing (17: 171 property, 173 people) whose object is the name of
    /// a place — "M23 rebels seized Goma", "Russian forces captured Avdiivka" — is
    /// taking territory (192), not confiscation or arrest. Only a proper name that is
    /// the verb's object and a place actor ("seized a British tanker" has an adjective,
    /// "captured Ukrainian soldiers" people).
    pub(super) fn seized_place(
        &self,
        p: &crate::patterns::Pattern,
        code: &'static str,
        root: &'static str,
        clause: usize,
        targets: &[usize],
    ) -> (&'static str, &'static str) {
        let taking = matches!(p.lemma.as_str(), "seize" | "capture" | "take");
        if root != "17"
            || !code.starts_with("17")
            || !taking
            || targets.is_empty()
            || !targets.iter().all(|&t| self.actors[t].place)
        {
            return (code, root);
        }
        let named_place = self.tree.kids(clause).any(|o| {
            self.rel(o) == "obj"
                && self.s.upos(o) == Upos::PROPN
                && self
                    .covering(o)
                    .iter()
                    .any(|&a| self.actors[a as usize].place)
        });
        if named_place {
            ("192", "19")
        } else {
            (code, root)
        }
    }

    /// Whether an arrest or detention (173) has as its object people named by a
    /// word for people ("jailed 14 Uyghur academics", "detained dozens of
    /// journalists") that no actor covers: those a state's police or courts arrest are
    /// mostly its own, and the gold set codes such arrests as domestic. Only people
    /// words: "prosecuting a case", "arrested the decline" name no one (session 5 found
    /// the blanket domestic reading of arrests, bans and easings too loose).
    pub(super) fn people_detained(&self, code: &str, v: usize) -> bool {
        const PEOPLE: &[&str] = &[
            "academic",
            "academics",
            "activist",
            "journalist",
            "reporter",
            "protester",
            "demonstrator",
            "student",
            "people",
            "man",
            "men",
            "woman",
            "women",
            "suspect",
            "member",
            "leader",
            "lawyer",
            "blogger",
            "critic",
            "dissident",
            "worker",
            "teacher",
            "cleric",
            "opponent",
            "politician",
            "lawmaker",
            "official",
            "person",
            "resident",
            "villager",
            "youth",
            "supporter",
            "writer",
            "artist",
            "monk",
            "priest",
            "scholar",
            "businessman",
            "editor",
        ];
        if code != "173" {
            return false;
        }
        self.tree.kids(v).any(|o| {
            // "arrested dozens of critics": the people under a quantity word
            // (extract/domestic.rs).
            let o = self.counted_people(o);
            matches!(self.rel(o), "obj" | "nsubj:pass" | "nmod")
                && PEOPLE.iter().any(|w| super::lower_eq(w, self.lemma(o)))
                && self
                    .covering(o)
                    .iter()
                    .all(|&a| !self.actors[a as usize].usable)
                && !self.tree.kids(o).any(|m| {
                    self.covering(m)
                        .iter()
                        .any(|&a| self.actors[a as usize].usable)
                })
        })
    }

    /// For violence (18–20) coded from an event noun (or a verb whose object is one),
    /// targets that are the noun's own
    /// possessor or modifier and have a source's key are the doer, not the target
    /// ("Israel launched its military campaign in Gaza": "its military" owns the
    /// campaign). They are dropped, so the place rule can find the target.
    pub(super) fn drop_noun_owner(
        &self,
        root: &str,
        trigger: usize,
        sources: &[usize],
        targets: &mut Vec<usize>,
    ) {
        if !matches!(root, "18" | "19" | "20") {
            return;
        }
        // The noun itself, or the object of a verb coded from its object ("launched its
        // military campaign": `190 v launch obj=…`).
        let nouns: Vec<usize> = match self.s.upos(trigger) {
            Upos::NOUN => vec![trigger],
            Upos::VERB => self
                .tree
                .kids(trigger)
                .filter(|&o| self.rel(o) == "obj" && self.violence_noun(o))
                .collect(),
            _ => return,
        };
        let owners: Vec<usize> = nouns
            .iter()
            .flat_map(|&n| self.tree.kids(n))
            .filter(|&m| matches!(self.rel(m), "nmod:poss" | "amod" | "compound"))
            .flat_map(|m| self.covering(m).iter().map(|&a| a as usize))
            .collect();
        targets.retain(|&t| {
            !(owners.contains(&t)
                && sources
                    .iter()
                    .any(|&s| self.actors[s].key == self.actors[t].key))
        });
    }

    /// Whether the event noun `trigger` is the object of a light verb (`clause`:
    /// "carried out numerous bombings in Mogadishu", "launched airstrikes on …") and
    /// the sentence states where, as a single place: it then reports an act as a
    /// verb would, and the rules for violence against places apply to it. Bare
    /// violence nouns, and light-verb ones without a place ("has launched attacks in
    /// the past", "intensified battlefield attacks"), are mostly background.
    pub(super) fn light_noun_at(
        &self,
        trigger: usize,
        clause: usize,
        location: Option<usize>,
    ) -> bool {
        clause != trigger
            && self.s.upos(clause) == Upos::VERB
            && self.tree.head(trigger) == Some(clause)
            && location.is_some_and(|l| self.single_place(l))
    }

    /// A participle clause of killing or wounding that elaborates an act of violence
    /// ("Gunmen attacked a village, killing 40 people"; "a suicide bomber detonated
    /// her explosives near a convoy, killing one worker") reports the same act, not a
    /// second one (docs/gold-guidelines.md: an elaboration of the same act is not
    /// coded apart). Its event is dropped when the act it hangs on was coded as
    /// violence between the same keys; the main act's code stands.
    pub(super) fn drop_elaborations(&self, found: &mut Vec<super::Found>) {
        let violent = |c: &str| matches!(c.get(..2), Some("18" | "19" | "20"));
        let key = |a: usize| self.actors[a].key.as_str();
        let keep: Vec<bool> = found
            .iter()
            .map(|f| {
                let t = f.trigger;
                if !violent(f.code)
                    || self.rel(t) != "advcl"
                    || !self
                        .s
                        .form(self.text, t)
                        .to_ascii_lowercase()
                        .ends_with("ing")
                {
                    return true;
                }
                let Some(h) = self.tree.head(t) else {
                    return true;
                };
                !found.iter().any(|g| {
                    g.trigger != t
                        && (g.trigger == h || self.tree.head(g.trigger) == Some(h))
                        && violent(g.code)
                        && key(g.source) == key(f.source)
                        && g.target.map(key) == f.target.map(key)
                })
            })
            .collect();
        let mut i = 0;
        found.retain(|_| {
            i += 1;
            keep[i - 1]
        });
    }

    /// Whether the blocker `p` of verb `v` ("hit a target", "hit a record") names an
    /// object that an actor owns — "hit Hezbollah targets", "struck Russian
    /// positions" — while the verb has a reading as violence: the object is then a
    /// military one, and the blocker, written for the everyday sense, stands aside.
    pub(super) fn military_object(&self, v: usize, p: &crate::patterns::Pattern) -> bool {
        if p.object.is_empty()
            || !self
                .patterns
                .verb(&self.s.lemma(v).to_ascii_lowercase())
                .iter()
                .any(|q| matches!(q.code.get(..2), Some("18" | "19" | "20")))
        {
            return false;
        }
        self.tree.kids(v).any(|o| {
            self.rel(o) == "obj"
                && p.object.iter().any(|w| super::lower_eq(w, self.lemma(o)))
                && self.tree.kids(o).any(|m| {
                    // A mention of its own: in "fired the prime minister" the title
                    // word is part of the object's mention, no owner of it.
                    matches!(self.rel(m), "compound" | "amod" | "nmod:poss")
                        && self.covering(m).iter().any(|&a| {
                            self.actors[a as usize].usable && !self.covering(o).contains(&a)
                        })
                })
        })
    }

    /// Whether the past participle `v` is the only verb of the sentence: hung as a
    /// reduced relative on a noun that is not the root ("In 2024, the BLA and other
    /// separatist groups killed nearly 400 people", the groups a conjunct under the
    /// year), it is the main verb the parser missed, as at the root (extract.rs).
    pub(super) fn lone_participle(&self, v: usize) -> bool {
        self.s.feats_str(v).contains("Tense=Past")
            && (0..self.s.len())
                .all(|k| k == v || !matches!(self.s.upos(k), Upos::VERB | Upos::AUX))
    }

    /// A violence noun that is the predicate of its clause ("Sudan's army and the RSF
    /// have been at war since 2023", "Russia is at war with Ukraine"): its subject is the
    /// doer, and coordinated subjects of a symmetric noun (war, clashes, fighting) are
    /// the two sides.
    pub(super) fn copular_sides(
        &self,
        trigger: usize,
        p: &crate::patterns::Pattern,
        root: &str,
        sources: &mut Vec<usize>,
        participants: &mut Vec<usize>,
    ) {
        if !matches!(root, "18" | "19" | "20")
            || !self.tree.kids(trigger).any(|k| self.rel(k) == "cop")
        {
            return;
        }
        let mut subj = Vec::new();
        for k in self.tree.kids(trigger) {
            if self.rel(k) == "nsubj" {
                self.actors_of(k, &mut subj);
            }
        }
        if p.symmetric && subj.len() >= 2 {
            participants.extend(subj);
        } else {
            sources.extend(subj);
        }
    }

    /// Whether token `n` is a noun of violence in the dictionary (roots 18–20:
    /// attack, raid, ambush, airstrike, strike, offensive, operation …).
    fn violence_noun(&self, n: usize) -> bool {
        if self.s.upos(n) != Upos::NOUN {
            return false;
        }
        // Lemmas are mostly lower case already: no allocation on this hot path
        // (`subject_of` asks for every verb whose subject is no actor).
        let l = self.lemma(n);
        let lower;
        let key = if l.bytes().any(|b| b.is_ascii_uppercase()) {
            lower = l.to_ascii_lowercase();
            lower.as_str()
        } else {
            l
        };
        self.patterns.noun(key).iter().any(|p| {
            p.pos == TriggerPos::Noun && matches!(p.code.get(..2), Some("18" | "19" | "20"))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn actor(key: &str, mention: usize) -> Actor {
        Actor {
            start: 0,
            end: 0,
            key: key.into(),
            usable: true,
            place: false,
            mention,
            in_sentence: true,
            weak: false,
            armed_group: false,
            civilian: false,
            outside_power: false,
        }
    }

    #[test]
    fn two_sides_of_one_country_are_one_domestic_event() {
        let actors = vec![actor("SDN", 0), actor("SDN", 1)];
        assert_eq!(domestic_sides(&actors, "19", &[0, 1]), Some((0, 1)));
        // Not for talks, nor for one mention, nor across countries (the pairwise
        // reading handles those).
        assert_eq!(domestic_sides(&actors, "04", &[0, 1]), None);
        assert_eq!(domestic_sides(&actors, "19", &[0]), None);
        let mixed = vec![actor("SDN", 0), actor("TCD", 1)];
        assert_eq!(domestic_sides(&mixed, "19", &[0, 1]), None);
    }
}
