//! Behaviours found by probing with wire-style articles of our own (session 13), end
//! to end through the built-in models, lexicon and dictionary: subjects with a
//! relative clause set off by commas, co-mediators, readiness under "remain",
//! coordinated doers of one state, set phrases ("the seven governments"), and acts
//! coordinated with an accusation.

mod probes;

use probes::{codes, triples};

#[test]
fn subject_with_a_relative_clause_keeps_its_main_verb() {
    // The parser hangs "met" under the relative clause's verb and leaves it subjectless.
    let t = triples(
        "Macron, who landed in Nairobi late on Monday after a stop in Addis Ababa, met Kenyan President William Ruto on Tuesday.",
    );
    assert!(t.contains(&"FRA>KEN:04".to_string()), "{t:?}");
    let t = triples(
        "Orban, who has rejected calls to end his veto, accused the European Commission of blackmail.",
    );
    assert!(
        t.iter()
            .any(|x| x.starts_with("HUN>E") && x.ends_with(":11")),
        "{t:?}"
    );
    // The main verb deep inside the relative clause: "is expected" hung on "accept".
    let t = triples(
        "Lula, who has said Brazil will not accept foreign interference, is expected to meet Chinese President Xi Jinping on Friday.",
    );
    assert!(t.contains(&"BRA>CHN:03".to_string()), "{t:?}");
    assert!(!t.iter().any(|x| x.starts_with("CHN>CHN")), "{t:?}");
}

#[test]
fn co_mediators_are_not_each_others_partners() {
    for text in [
        "The truce was brokered by Egypt, Qatar and the United States.",
        "The talks were mediated by Turkey and Saudi Arabia.",
    ] {
        let t = triples(text);
        for pair in ["EGY>QAT", "QAT>EGY", "QAT>USA", "TUR>SAU", "SAU>TUR"] {
            assert!(!t.iter().any(|x| x.starts_with(pair)), "{text}: {t:?}");
        }
    }
}

#[test]
fn remaining_open_to_talks_is_an_intention() {
    let t = codes("Myanmar's junta said it remained open to negotiations with the rebels.");
    assert!(t.iter().any(|x| x.ends_with(":036")), "{t:?}");
    assert!(!t.iter().any(|x| x.ends_with(":046")), "{t:?}");
    // A stance is no plan: "remained committed to the truce" codes no intent.
    let t = codes("Pakistan said it remained committed to the truce.");
    assert!(!t.iter().any(|x| x.contains(":03")), "{t:?}");
}

#[test]
fn coordinated_doers_of_one_state_act_on_a_party_of_that_state() {
    let t = triples("Hamas and Islamic Jihad condemned the Palestinian Authority on Sunday.");
    assert!(t.contains(&"PSE>PSE:11".to_string()), "{t:?}");
}

#[test]
fn set_phrase_stands_for_the_states_listed_before_it() {
    let t = triples(
        "Nicaragua ordered diplomats from Spain, Italy and Greece to leave, accusing the three governments of interference.",
    );
    for c in ["ESP", "ITA", "GRC"] {
        assert!(t.contains(&format!("NIC>{c}:11")), "{c}: {t:?}");
    }
    // "of" + a name is no list's set: "the three countries of the Sahel".
    let t = triples(
        "Morocco hosted Mali. The three countries of the Sahel alliance signed a deal with Russia.",
    );
    assert!(!t.iter().any(|x| x.starts_with("MAR>RUS")), "{t:?}");
}

#[test]
fn an_act_coordinated_with_an_accusation_is_the_accusers() {
    let t = triples(
        "Britain has accused Myanmar's junta of torturing prisoners and imposed sanctions on its leader.",
    );
    assert!(
        t.iter()
            .any(|x| x.starts_with("GBR>") && x.ends_with(":16")),
        "{t:?}"
    );
    let t = triples("Canada has accused Iran of plotting killings and expelled four diplomats.");
    assert!(
        t.iter()
            .any(|x| x.starts_with("CAN>") && x.ends_with(":11")),
        "{t:?}"
    );
}

#[test]
fn neighboring_is_an_adjective_on_the_state() {
    let t = triples(
        "Burundi, which has troops in Congo, has accused neighboring Rwanda of arming the rebels.",
    );
    assert!(t.contains(&"BDI>RWA:11".to_string()), "{t:?}");
}

#[test]
fn title_two_words_before_the_name_is_the_object() {
    let t = triples(
        "The Foreign Ministry in Warsaw, which also summoned Belarusian Ambassador Igor Ivanov, said the border would stay closed.",
    );
    assert!(t.contains(&"POL>BLR:11".to_string()), "{t:?}");
}

#[test]
fn harms_foretold_in_other_words_are_threats() {
    let t = triples("Iran warned that Israel would pay for its crimes.");
    assert!(t.contains(&"IRN>ISR:13".to_string()), "{t:?}");
    let t = triples("Tehran warned that any Israeli attack would be met with a crushing response.");
    assert!(t.contains(&"IRN>ISR:13".to_string()), "{t:?}");
    // A vow whose content is a threat is no promise to the one threatened.
    let t = triples(
        "The Houthi spokesman vowed that the group would retaliate against the United States.",
    );
    assert!(t.iter().any(|x| x.ends_with(":13")), "{t:?}");
    assert!(!t.iter().any(|x| x.ends_with(":03")), "{t:?}");
}

#[test]
fn any_and_possible_acts_are_no_events() {
    let t = triples("Russia said it would respond in kind to any new British sanctions.");
    assert!(!t.contains(&"GBR>RUS:16".to_string()), "{t:?}");
    // A real one is: "in response to new British sanctions".
    let t = triples("Britain imposed new sanctions on Russia on Monday.");
    assert!(t.contains(&"GBR>RUS:16".to_string()), "{t:?}");
}

#[test]
fn restrictions_and_halts_named_by_other_verbs() {
    let t = codes("Pakistan shut its airspace to Indian airlines on Thursday.");
    assert!(t.contains(&"PAK>IND:172".to_string()), "{t:?}");
    let t = codes("China halted purchases of Japanese seafood.");
    assert!(t.contains(&"CHN>JPN:160".to_string()), "{t:?}");
    let t = codes("Houthi rebels said they were suspending attacks on U.S. warships.");
    assert!(t.contains(&"YEM>USA:0871".to_string()), "{t:?}");
    // Suspending operations is no truce.
    let t = codes("The U.N. suspended its operations in Yemen.");
    assert!(!t.iter().any(|x| x.ends_with(":0871")), "{t:?}");
}

#[test]
fn a_verb_coordinated_with_the_object_is_the_clauses() {
    // The parser hangs "called" on "decision"; it is the subject's second act.
    let t = triples(
        "Ishiba welcomed the decision but called on Beijing to lift the remaining restrictions.",
    );
    assert!(t.contains(&"JPN>CHN:02".to_string()), "{t:?}");
}

#[test]
fn a_reduced_relative_on_the_subject_is_not_the_main_verb() {
    // "linked" parsed as the root, "killed" as an adjective on "hundreds".
    let t = triples(
        "Militants linked to al-Qaida killed dozens of soldiers in an attack on an army base in northern Mali.",
    );
    assert!(t.iter().any(|x| x.starts_with("AQ>MLI:")), "{t:?}");
    assert!(!t.iter().any(|x| x.ends_with(":11")), "{t:?}");
}

#[test]
fn as_did_names_more_doers_of_the_same_act() {
    let t = triples(
        "Serbia and Kosovo signed a trade agreement on Friday. The European Union welcomed the agreement, as did Germany, Italy and Turkey.",
    );
    for src in ["EU", "DEU", "ITA", "TUR"] {
        assert!(t.contains(&format!("{src}>SRB:05")), "{src}: {t:?}");
    }
    // The ellipsis names no target: "France condemned the coup, as did the African Union".
    let t = triples("France condemned the coup in Niger, as did the African Union.");
    assert!(!t.iter().any(|x| x.starts_with("FRA>AU")), "{t:?}");
}

#[test]
fn a_bare_conjunct_shares_the_modal_and_the_control_of_the_first() {
    // "would find and kill": not an actual killing.
    let t = codes("Trump said the United States would find and kill all terrorists in Somalia.");
    assert!(!t.iter().any(|x| x.ends_with(":190")), "{t:?}");
    // "urged the EU to designate … and impose sanctions": Israel imposed nothing.
    let t = triples(
        "Israel urged the European Union to designate the Revolutionary Guards as a terrorist group and impose sanctions on Iran.",
    );
    assert!(t.contains(&"ISR>EU:02".to_string()), "{t:?}");
    assert!(!t.contains(&"ISR>IRN:16".to_string()), "{t:?}");
}

#[test]
fn a_decided_measure_announced_for_the_future_is_the_measure() {
    let t = triples("Poland said it would close its border with Belarus from Thursday night.");
    assert!(t.contains(&"POL>BLR:17".to_string()), "{t:?}");
    let t = triples(
        "Canada said it would expel four Chinese diplomats and suspend trade talks with China.",
    );
    assert!(t.contains(&"CAN>CHN:16".to_string()), "{t:?}");
    assert!(!t.iter().any(|x| x.ends_with(":13")), "{t:?}");
    // Announced force stays a threat.
    let t = triples("Iran said it would strike Israeli bases if attacked.");
    assert!(!t.iter().any(|x| x.ends_with(":19")), "{t:?}");
}

#[test]
fn the_subject_of_a_later_clause_is_no_target_by_word_order() {
    let t = triples(
        "The Organization of American States condemned the raid on Friday, and leaders from Brazil and Colombia also criticized Quito.",
    );
    assert!(
        !t.iter()
            .any(|x| x.starts_with("OAS>BRA") || x.starts_with("OAS>COL")),
        "{t:?}"
    );
    assert!(t.contains(&"BRA>ECU:11".to_string()), "{t:?}");
}

#[test]
fn a_launch_off_its_own_coast_has_no_counterpart_in_the_attribution() {
    let t = triples(
        "North Korea fired a ballistic missile off its east coast on Thursday, South Korea's military said.",
    );
    assert!(!t.contains(&"PRK>KOR:19".to_string()), "{t:?}");
}
