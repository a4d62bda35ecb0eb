//! Behaviours found by probing with wire-style articles of our own (session 16), end
//! to end through the built-in models, lexicon and dictionary.

mod probes;

use probes::triples;

#[test]
fn a_subject_keeps_its_verb_across_a_whose_clause() {
    let t = triples(
        "The Philippines, whose ships have clashed with Chinese vessels, accused Beijing of provocations.",
    );
    assert!(t.contains(&"PHL>CHN:11".to_string()), "{t:?}");
    let t = triples(
        "Grossi, whose report last week had criticized Iran for stonewalling, urged Tehran to cooperate.",
    );
    assert!(t.contains(&"IAEA>IRN:02".to_string()), "{t:?}");
    assert!(!t.contains(&"IRN>IRN:02".to_string()), "{t:?}");
    let t = triples(
        "Petro, whose approval ratings rose briefly during the standoff, later accused Washington of arrogance.",
    );
    assert!(t.contains(&"COL>USA:11".to_string()), "{t:?}");
}

#[test]
fn a_subject_read_as_a_vocative_before_a_relative_clause_is_the_doer() {
    let t = triples(
        "M23, which U.N. experts say is backed by Rwandan troops, captured Goma on Monday.",
    );
    assert!(t.iter().any(|x| x.starts_with("COD>COD:19")), "{t:?}");
    assert!(
        !t.iter()
            .any(|x| x.starts_with("RWA>") && x.ends_with(":19")),
        "{t:?}"
    );
}

#[test]
fn the_place_of_an_exchange_is_no_party() {
    let t = triples("Russia and Ukraine exchanged prisoners in Istanbul on Friday.");
    assert!(t.contains(&"RUS>UKR:08".to_string()), "{t:?}");
    assert!(t.contains(&"UKR>RUS:08".to_string()), "{t:?}");
    assert!(!t.iter().any(|x| x.contains(">TUR")), "{t:?}");
}

#[test]
fn an_irregular_past_read_as_a_noun_still_codes() {
    let t = triples("Pakistan shot down two Indian drones on Tuesday.");
    assert!(t.contains(&"PAK>IND:19".to_string()), "{t:?}");
    let t = triples("Trump shook hands with Putin in Helsinki.");
    assert!(t.iter().any(|x| x.starts_with("USA>RUS:04")), "{t:?}");
}
