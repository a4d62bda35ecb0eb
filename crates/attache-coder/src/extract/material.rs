//! Material conflict that moves one's own forces: who is the target of a force posture.
//!
//! Why a module of its own: the extractor's core rule takes the object as the target
//! when no prepositional target is found, and keeps an inferred agent word of the
//! doer's own country as a domestic target ("Kenyan authorities banned civilians" →
//! KEN→KEN). For a force posture (CAMEO 15: deploying, sending, moving or mobilising
//! troops, raising alert) the object is not a party but the doer's own forces being
//! moved: "India deployed additional troops to the region" is a mobilisation without a
//! target (docs/gold-guidelines.md: a mobilisation has a `null` target), not India
//! acting on India. The rule is by code root, not by sentence, so it holds for every
//! posture pattern of the dictionary ("sent warships", "massed troops", "put its
//! forces on alert"). When every target has the doer's own key — its forces, or a
//! province of its own it moves them to ("Pakistan deployed troops to Balochistan" is
//! a mobilisation at home) — they are dropped, and the one other state named in the
//! sentence, if there is exactly one, is the target instead ("China sent warships and
//! fighter jets near Taiwan", where "near Taiwan" hangs under the jets). Material aid
//! has the same shape — the things given are read as the giver's own people when
//! the recipient hangs under them ("shipped a batch of missiles to Kyiv", "approved
//! the sale of fighter jets to Israel") — so root 07 takes the one other state too,
//! but keeps an own-country target when there is none (aid at home is domestic).

//!
//! A restriction imposed on a place — a curfew, martial law, a state of emergency, a
//! crackdown — has those who live there as its target ("the army imposed a curfew in
//! Yangon": MMR→MMR, docs/gold-guidelines.md: bans and restrictions have another
//! party, those subject to them). Such codes take the place as their target the way
//! violence against a place or thing does (extract.rs), but only where the sentence
//! states the place ("in Yangon"): `restriction_at_home` names the codes.

//!
//! The parser often reads a plural subject followed by a past verb as a noun with a
//! reduced relative ("troops [who were] killed"); extract.rs takes the noun as the
//! doer when the participle has an object (a passive participle takes none) and the
//! noun heads the sentence. Wire copy puts the reporting verb last ("Nigerian troops
//! killed 20 fighters in Borno, the army said"), and then the noun hangs from that
//! trailing verb instead: `trailing_head` recognises it.

//!
//! Violence abroad: an agent word whose country was only inferred takes the doer's
//! country ("Pakistani jets bombed militant hideouts in eastern Afghanistan": the
//! militants inferred Pakistani), which makes a cross-border strike look domestic.
//! Where the sentence states a single place of another country, that place is the
//! stronger evidence for whom the violence is against (`violence_abroad`), as it is
//! already for violence against places and things (extract.rs).

use super::{Actor, Tree};
use attache_text::{Sentence, Upos};

/// Whether the noun `h`, which carries the participle `v` as a reduced relative, is
/// an argument of a verb that comes after the participle — the clause the noun and
/// the participle form is the sentence's content, misread under a trailing reporting
/// verb ("…, the army said", "…, police say").
///
/// Only a past form: an infinitive on the noun ("The Philippines plans to appoint an
/// ambassador …, the ministry said", with "plans" read as a noun) is the noun's
/// complement, and taking the noun as its doer would lose the intention.
pub(super) fn trailing_head(tree: &Tree, s: &Sentence, h: usize, v: usize) -> bool {
    s.feats_str(v).contains("Tense=Past")
        && tree
            .head(h)
            .is_some_and(|g| g > v && s.upos(g) == Upos::VERB)
}

/// Whether an event code is a restriction or repression imposed on a population
/// (1723 curfew, 1724 martial law or a state of emergency, 175 repression), whose
/// target with no actor named is the place where it is stated to be imposed. Generic
/// bans and blocking (172) are left out: "content blocked" and "controls" are mostly
/// stative or agentless in news, and their target is what is banned.
pub(super) fn restriction_at_home(code: &str) -> bool {
    matches!(code, "1723" | "1724" | "175")
}

/// Drop from `targets` the doer's own forces when the event is a force posture (root
/// 15), and for postures, aid (07, "approved the sale of fighter jets to Israel", the
/// jets read as the doer's own people) and yielding or refusing to yield (08, 12:
/// "France withdrew its troops from Mali", "its troops" resolved to France) take the
/// one other state named instead. `sources` and `targets` index `actors`.
pub(super) fn drop_own_forces(
    actors: &[Actor],
    root: &str,
    sources: &[usize],
    targets: &mut Vec<usize>,
) {
    if !matches!(root, "15" | "07" | "08" | "12") || sources.is_empty() {
        return;
    }
    let own = |t: usize| {
        sources
            .iter()
            .any(|&s| actors[s].key == actors[t].key && !actors[s].key.is_empty())
    };
    if targets.is_empty() || !targets.iter().all(|&t| own(t)) {
        return;
    }
    // Another party named in the sentence ("sent warships and jets near Taiwan", the
    // place hanging under the forces) is whom the posture is aimed at when it is the
    // only one; with several, the own-forces target is left to the extractor's rules.
    let mut others = actors
        .iter()
        .enumerate()
        .filter(|(_, a)| a.usable && a.in_sentence && a.key.len() == 3)
        .filter(|(_, a)| sources.iter().all(|&s| actors[s].key != a.key));
    match (others.next(), others.next()) {
        // Aid to one's own people is a domestic event (KEN→KEN): kept.
        (None, _) if root == "15" => targets.clear(),
        (Some((i, _)), None) => *targets = vec![i],
        _ => {}
    }
}

/// For violence (roots 18–20) whose every target is an inferred agent word of the
/// doer's own country, while the stated location (`place`, a single place) is of
/// another country: the target is that place's country instead.
pub(super) fn violence_abroad(
    actors: &[Actor],
    root: &str,
    sources: &[usize],
    targets: &mut Vec<usize>,
    place: Option<usize>,
) {
    let Some(l) = place else { return };
    if !matches!(root, "18" | "19" | "20") || sources.is_empty() || targets.is_empty() {
        return;
    }
    let own = |t: usize| actors[t].weak && sources.iter().any(|&s| actors[s].key == actors[t].key);
    let abroad = sources.iter().all(|&s| actors[s].key != actors[l].key);
    if abroad && actors[l].key.len() == 3 && targets.iter().all(|&t| own(t)) {
        targets.clear();
        targets.push(l);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn actor(key: &str) -> Actor {
        Actor {
            start: 0,
            end: 0,
            key: key.into(),
            usable: true,
            place: false,
            mention: 0,
            in_sentence: true,
            weak: true,
            armed_group: false,
            civilian: false,
            outside_power: false,
        }
    }

    #[test]
    fn posture_drops_own_forces_only() {
        let actors = vec![actor("IND"), actor("IND")];
        let mut t = vec![1];
        drop_own_forces(&actors, "15", &[0], &mut t);
        assert!(
            t.is_empty(),
            "India deployed troops to the region: no target"
        );
        let actors = vec![actor("IND"), actor("IND"), actor("PAK")];
        let mut t = vec![1, 2];
        drop_own_forces(&actors, "15", &[0], &mut t);
        assert_eq!(t, vec![1, 2], "another target already: kept");
        let mut t = vec![1];
        drop_own_forces(&actors, "15", &[0], &mut t);
        assert_eq!(t, vec![2], "the one other party named is the target");
        let mut t = vec![1];
        drop_own_forces(&actors, "17", &[0], &mut t);
        assert_eq!(
            t,
            vec![1],
            "a domestic coercion keeps its own-country target"
        );
        let actors = vec![actor("KEN"), actor("KEN")];
        let mut t = vec![1];
        drop_own_forces(&actors, "07", &[0], &mut t);
        assert_eq!(t, vec![1], "aid at home stays domestic");
        // "France withdrew its troops from Mali": yielding takes the other state.
        let actors = vec![actor("FRA"), actor("FRA"), actor("MLI")];
        let mut t = vec![1];
        drop_own_forces(&actors, "08", &[0], &mut t);
        assert_eq!(t, vec![2], "troops withdrawn from another state");
        let actors = vec![actor("FRA"), actor("FRA")];
        let mut t = vec![1];
        drop_own_forces(&actors, "08", &[0], &mut t);
        assert_eq!(
            t,
            vec![1],
            "a withdrawal with no other state stays as it was"
        );
    }

    #[test]
    fn violence_abroad_takes_the_stated_country() {
        let mut place = actor("AFG");
        place.weak = false;
        place.place = true;
        let actors = vec![actor("PAK"), actor("PAK"), place, actor("AFG")];
        let mut t = vec![1];
        violence_abroad(&actors, "19", &[0], &mut t, Some(2));
        assert_eq!(t, vec![2]);
        let mut t = vec![3];
        violence_abroad(&actors, "19", &[0], &mut t, Some(2));
        assert_eq!(t, vec![3], "a target of another country stays");
        let mut t = vec![1];
        violence_abroad(&actors, "19", &[0], &mut t, None);
        assert_eq!(t, vec![1], "no stated place: domestic");
        let mut t = vec![1];
        violence_abroad(&actors, "17", &[0], &mut t, Some(2));
        assert_eq!(t, vec![1], "only violence");
    }

    #[test]
    fn restrictions_on_a_population_take_their_place() {
        assert!(restriction_at_home("1723"));
        assert!(
            !restriction_at_home("172"),
            "a generic ban is aimed at what it bans"
        );
        assert!(restriction_at_home("175"));
        assert!(
            !restriction_at_home("173"),
            "an arrest needs the people arrested"
        );
        assert!(
            !restriction_at_home("163"),
            "a sanction needs the state sanctioned"
        );
    }
}
