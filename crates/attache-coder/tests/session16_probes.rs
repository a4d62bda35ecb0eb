//! Behaviours found by probing with wire-style articles of our own (session 16), end
//! to end through the built-in models, lexicon and dictionary.

mod probes;

use probes::{codes, triples};

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

#[test]
fn a_list_of_names_broken_up_by_the_parse_is_still_a_list() {
    let t = triples(
        "The United States deported eight men from Cuba, Laos, Mexico, Myanmar, Vietnam and South Sudan on Friday.",
    );
    for x in [
        "USA>CUB:17",
        "USA>LAO:17",
        "USA>MEX:17",
        "USA>VNM:17",
        "USA>SSD:17",
    ] {
        assert!(t.contains(&x.to_string()), "{x}: {t:?}");
    }
    // A new clause after the comma is no list member.
    let t = triples("Iran condemned the strikes on Syria, and Russia called for restraint.");
    assert!(t.contains(&"IRN>SYR:11".to_string()), "{t:?}");
}

#[test]
fn the_parties_named_around_a_mention() {
    // A name coordinated with a mention's modifier.
    let t = triples("Israeli and Hamas negotiators held talks in Doha on Sunday.");
    assert!(t.contains(&"ISR>PSE:04".to_string()), "{t:?}");
    assert!(t.contains(&"PSE>ISR:04".to_string()), "{t:?}");
    // A name read as part of the one before, after "and".
    let t = triples("Prime Minister Ishiba and Chinese President Xi met in Lima on Friday.");
    assert!(t.contains(&"JPN>CHN:04".to_string()), "{t:?}");
    // A hostage envoy is an official, not a civilian.
    let t = triples("U.S. hostage envoy Adam Boehler met Hamas officials in Doha on Sunday.");
    assert!(t.contains(&"USA>PSE:04".to_string()), "{t:?}");
    // An organ named after an organisation is that organisation's.
    let t = triples("The OAS General Assembly condemned Nicaragua on Friday.");
    assert!(t.contains(&"OAS>NIC:11".to_string()), "{t:?}");
    assert!(!t.iter().any(|x| x.starts_with("UNGA")), "{t:?}");
}

#[test]
fn who_removed_whom_and_who_reported_it() {
    // The state a removal participle names with "from" removed them.
    let t = triples(
        "The Venezuelan migrants deported from the United States arrived in Caracas on Friday.",
    );
    assert!(t.contains(&"USA>VEN:17".to_string()), "{t:?}");
    assert!(!t.contains(&"VEN>USA:17".to_string()), "{t:?}");
    // The source of a report is no party.
    let t = triples("Togo has offered to mediate, according to diplomats in Lome.");
    assert!(!t.contains(&"TGO>TGO:03".to_string()), "{t:?}");
}

#[test]
fn planned_visits_and_shows_of_force() {
    // The purpose of a planned visit is not held yet.
    let t = codes(
        "Wang Yi is scheduled to travel to Kabul next week for talks with Taliban officials.",
    );
    assert!(t.contains(&"CHN>AFG:036".to_string()), "{t:?}");
    assert!(!t.iter().any(|x| x.ends_with(":040")), "{t:?}");
    // Joint drills around another state are a show of force against it.
    let t = triples("China's military launched large-scale joint drills around Taiwan on Monday.");
    assert!(t.contains(&"CHN>TWN:15".to_string()), "{t:?}");
    assert!(!t.iter().any(|x| x.ends_with(":06")), "{t:?}");
    // Releasing water is no release.
    let t = triples("Japan began releasing treated wastewater from the Fukushima plant.");
    assert!(!t.iter().any(|x| x.ends_with(":08")), "{t:?}");
}

#[test]
fn a_warning_that_coercion_will_come_is_a_threat() {
    let t = codes(
        "Rubio warned that Washington would impose sanctions on Colombia if Bogota refused the flights.",
    );
    assert!(t.contains(&"USA>COL:1312".to_string()), "{t:?}");
    assert!(!t.iter().any(|x| x.ends_with(":163")), "{t:?}");
    // The act in the condition of a warning has not happened.
    let t = codes("China warned that it would retaliate if the United States raised tariffs.");
    assert!(!t.iter().any(|x| x.starts_with("USA>CHN:16")), "{t:?}");
    // What a state says it will do is still its intent.
    let t = codes("India said it would impose tariffs on Chinese steel.");
    assert!(!t.iter().any(|x| x.contains(":13")), "{t:?}");
}
