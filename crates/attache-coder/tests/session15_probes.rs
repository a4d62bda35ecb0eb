//! Behaviours found by probing with wire-style articles of our own (session 15), end
//! to end through the built-in models, lexicon and dictionary.

mod probes;

use probes::{codes, triples};

#[test]
fn fighting_alongside_an_ally_is_not_fighting_it() {
    for text in [
        "Hezbollah fought alongside Syrian government forces during the civil war.",
        "Eritrean troops had fought alongside Ethiopian forces in Tigray.",
    ] {
        let t = triples(text);
        assert!(!t.iter().any(|x| x.ends_with(":19")), "{text}: {t:?}");
        assert!(!t.iter().any(|x| x.ends_with(":18")), "{text}: {t:?}");
    }
    // The enemy named with "against" is still the target.
    let t = triples("Russian troops fought alongside Syrian forces against rebels in Idlib.");
    assert!(t.contains(&"RUS>SYR:19".to_string()), "{t:?}");
}

#[test]
fn a_summons_to_protest_is_no_demonstration() {
    let t = triples("Britain summoned Russia's ambassador on Monday to protest the attack.");
    assert!(t.contains(&"GBR>RUS:11".to_string()), "{t:?}");
    assert!(!t.iter().any(|x| x.ends_with(":14")), "{t:?}");
    // Protesters still protest.
    let t = triples("Thousands of Serbians protested in Belgrade on Saturday.");
    assert!(t.contains(&"SRB>SRB:14".to_string()), "{t:?}");
}

#[test]
fn a_test_fired_missile_is_a_show_of_force() {
    let t = codes("North Korea test-fired a new intercontinental ballistic missile on Tuesday.");
    assert!(t.contains(&"PRK>-:150".to_string()), "{t:?}");
}

#[test]
fn suspending_or_leaving_is_a_cut_in_relations() {
    let t = triples("The African Union suspended Guinea-Bissau on Friday after the coup.");
    assert!(t.contains(&"AU>GNB:16".to_string()), "{t:?}");
    let t = triples("Mali, Burkina Faso and Niger left ECOWAS in January.");
    for x in ["MLI>ECOWAS:16", "BFA>ECOWAS:16", "NER>ECOWAS:16"] {
        assert!(t.contains(&x.to_string()), "{x}: {t:?}");
    }
    let t = triples("Mali's junta ended a peace agreement with Algeria on Thursday.");
    assert!(t.contains(&"MLI>DZA:16".to_string()), "{t:?}");
    // Suspending a ban is no cut in relations with anyone.
    let t = triples("Moscow removed the Taliban from its terrorist list after a Russian court suspended the ban.");
    assert!(!t.iter().any(|x| x.ends_with(":16")), "{t:?}");
}

#[test]
fn a_doers_own_operations_name_no_counterpart() {
    let t = triples(
        "The missile broke apart, the Israeli military said. The U.N. suspended its programmes in the northern province of Saada.",
    );
    assert!(t.contains(&"UN>YEM:16".to_string()), "{t:?}");
    assert!(!t.contains(&"UN>ISR:16".to_string()), "{t:?}");
}

#[test]
fn charging_nationals_is_legal_action() {
    let t = codes("The United States charged seven Chinese nationals with hacking.");
    assert!(t.contains(&"USA>CHN:173".to_string()), "{t:?}");
}

#[test]
fn brokers_conferences_and_snapback() {
    let t =
        triples("The United Arab Emirates brokered the swap between Russia and the United States.");
    assert!(t.contains(&"ARE>RUS:04".to_string()), "{t:?}");
    assert!(t.contains(&"ARE>USA:04".to_string()), "{t:?}");
    let t = triples("South Korea and Japan held a videoconference on Monday.");
    assert!(t.contains(&"KOR>JPN:04".to_string()), "{t:?}");
    assert!(t.contains(&"JPN>KOR:04".to_string()), "{t:?}");
    let t = triples("Britain, France and Germany triggered the snapback process against Iran.");
    for x in ["GBR>IRN:16", "FRA>IRN:16", "DEU>IRN:16"] {
        assert!(t.contains(&x.to_string()), "{x}: {t:?}");
    }
}

#[test]
fn security_councils_of_states_and_the_au_are_not_the_uns() {
    let t = triples("The AU's Peace and Security Council suspended Mali on Friday.");
    assert!(t.contains(&"AU>MLI:16".to_string()), "{t:?}");
    assert!(!t.iter().any(|x| x.contains("UNSC")), "{t:?}");
    let t = triples(
        "SEOUL — President Lee convened an emergency meeting of his National Security Council.",
    );
    assert!(!t.iter().any(|x| x.contains("UNSC")), "{t:?}");
}

#[test]
fn a_verb_after_a_relative_pronoun_keeps_its_clause_out_of_the_subject() {
    // "hosts" had been read as a plural noun, and the refugees as a second subject.
    let t = triples(
        "Bangladesh, which hosts more than a million Rohingya refugees, urged Myanmar to take them back.",
    );
    assert!(t.contains(&"BGD>MMR:02".to_string()), "{t:?}");
    assert!(!t.iter().any(|x| x.starts_with("MMR>")), "{t:?}");
}

#[test]
fn the_venue_of_a_signing_is_no_party() {
    let t = triples("Congo and Rwanda signed a declaration of principles in Doha on Saturday.");
    assert!(t.contains(&"COD>RWA:05".to_string()), "{t:?}");
    assert!(!t.iter().any(|x| x.contains("QAT")), "{t:?}");
    // The place of a mission is its counterpart.
    let t = triples("Pakistan upgraded its mission in Kabul to an embassy.");
    assert!(t.contains(&"PAK>AFG:05".to_string()), "{t:?}");
}

#[test]
fn refused_talks_are_not_held() {
    let t = triples("China refused to join arms control talks with the United States.");
    assert!(t.contains(&"CHN>USA:12".to_string()), "{t:?}");
    assert!(!t.iter().any(|x| x.ends_with(":04")), "{t:?}");
    let t = triples("Niger said it would not attend any meeting hosted by ECOWAS.");
    assert!(!t.iter().any(|x| x.ends_with(":04")), "{t:?}");
    // Agreed talks are still planned.
    let t = codes("China agreed to join talks with the United States.");
    assert!(t.contains(&"CHN>USA:036".to_string()), "{t:?}");
}

#[test]
fn orders_handovers_and_demonstrations_in_their_other_senses() {
    let t = triples("Niger's junta ordered security forces to find the hostages.");
    assert!(!t.iter().any(|x| x.ends_with(":16")), "{t:?}");
    let t = triples("Mali ordered French troops to leave the country.");
    assert!(t.contains(&"MLI>FRA:16".to_string()), "{t:?}");
    let t = codes("France handed over its last military base in Chad to Chadian authorities.");
    assert!(t.contains(&"FRA>TCD:087".to_string()), "{t:?}");
    let t = codes("North Korea staged its most significant weapons demonstration in years.");
    assert!(t.contains(&"PRK>-:150".to_string()), "{t:?}");
    assert!(!t.iter().any(|x| x.ends_with(":141")), "{t:?}");
}

#[test]
fn a_by_agent_on_the_oblique_of_a_passive_is_the_doer() {
    let t = triples("Brazil was stripped of that role by Venezuela in September.");
    assert!(t.contains(&"VEN>BRA:17".to_string()), "{t:?}");
}

#[test]
fn pleading_guilty_is_no_denial() {
    let t = triples("The Russian businessman pleaded guilty to fraud charges.");
    assert!(!t.iter().any(|x| x.ends_with(":01")), "{t:?}");
    let t = codes("The Japanese executive had pleaded not guilty.");
    assert!(t.iter().any(|x| x.ends_with(":016")), "{t:?}");
}

#[test]
fn suspended_lending_is_a_cut_not_aid() {
    for text in [
        "The World Bank had frozen lending to Damascus.",
        "The World Bank suspended lending to Syria.",
    ] {
        let t = codes(text);
        assert!(t.contains(&"WB>SYR:162".to_string()), "{text}: {t:?}");
        assert!(!t.iter().any(|x| x.ends_with(":071")), "{text}: {t:?}");
    }
    // An embargo tightened is an embargo.
    let t = triples("Washington tightened its embargo against Cuba.");
    assert!(t.contains(&"USA>CUB:16".to_string()), "{t:?}");
}

#[test]
fn hosting_troops_is_no_visit() {
    let t =
        triples("The UAE, which hosts thousands of U.S. troops, condemned the attack on Israel.");
    assert!(!t.iter().any(|x| x.ends_with(":04")), "{t:?}");
    let t = triples("Kenya hosted a gathering of the Rapid Support Forces in Nairobi.");
    assert!(t.iter().any(|x| x.ends_with(":04")), "{t:?}");
}

#[test]
fn blocked_packages_and_meetings_after_hyphenated_names() {
    let t = codes("Hungary blocked the EU's new sanctions package against Russia.");
    assert!(t.contains(&"HUN>EU:129".to_string()), "{t:?}");
    // "met" after "al-Shaibani" had been tagged as the second half of a split word.
    let t = triples(
        "Syrian Foreign Minister Asaad al-Shaibani met Iraqi Prime Minister Mohammed Shia al-Sudani in Baghdad.",
    );
    assert!(t.contains(&"SYR>IRQ:04".to_string()), "{t:?}");
    assert!(t.contains(&"IRQ>SYR:04".to_string()), "{t:?}");
}

#[test]
fn planned_meetings_by_purpose_or_plan_are_intent() {
    let t = codes(
        "France said it would send Foreign Minister Jean-Noel Barrot to Beirut next week to meet Aoun.",
    );
    assert!(t.contains(&"FRA>LBN:036".to_string()), "{t:?}");
    assert!(!t.iter().any(|x| x.ends_with(":040")), "{t:?}");
    let t = codes(
        "Armenian Prime Minister Nikol Pashinyan plans to meet Azerbaijani President Ilham Aliyev in Abu Dhabi.",
    );
    assert!(t.contains(&"ARM>AZE:036".to_string()), "{t:?}");
    assert!(
        !t.iter().any(|x| x.ends_with(":044") || x.ends_with(":040")),
        "{t:?}"
    );
}
