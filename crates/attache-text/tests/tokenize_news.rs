//! Tokenization and sentence splitting of news constructions (sentences written for
//! these tests), following UD English-EWT conventions.

use attache_text::segment::split_sentences;
use attache_text::tokenize::tokenize;

fn toks(s: &str) -> Vec<&str> {
    tokenize(s)
        .into_iter()
        .map(|(a, b)| &s[a as usize..b as usize])
        .collect()
}

fn sents(t: &str) -> Vec<&str> {
    let tk = tokenize(t);
    split_sentences(t, &tk)
        .into_iter()
        .map(|r| &t[tk[r.start].0 as usize..tk[r.end - 1].1 as usize])
        .collect()
}

#[test]
fn clitics_split_as_in_ewt() {
    assert_eq!(toks("Kabul's envoy"), ["Kabul", "'s", "envoy"]);
    assert_eq!(
        toks("Islamabad’s decision"),
        ["Islamabad", "’s", "decision"]
    );
    assert_eq!(
        toks("We can't and won't"),
        ["We", "ca", "n't", "and", "wo", "n't"]
    );
    assert_eq!(toks("they don’t"), ["they", "do", "n’t"]);
    assert_eq!(
        toks("They're sure we'll go, I'm told, they've said, he'd left"),
        [
            "They", "'re", "sure", "we", "'ll", "go", ",", "I", "'m", "told", ",", "they", "'ve",
            "said", ",", "he", "'d", "left"
        ]
    );
    assert_eq!(
        toks("Talks cannot resume"),
        ["Talks", "can", "not", "resume"]
    );
    assert_eq!(toks("O'Brien's office"), ["O'Brien", "'s", "office"]);
    assert_eq!(
        toks("the ministers' meeting"),
        ["the", "ministers", "'", "meeting"]
    );
}

#[test]
fn hyphens_split_except_ewt_prefixes() {
    assert_eq!(
        toks("the Pakistan-Afghanistan border"),
        ["the", "Pakistan", "-", "Afghanistan", "border"]
    );
    assert_eq!(toks("al-Qaeda fighters"), ["al", "-", "Qaeda", "fighters"]);
    assert_eq!(
        toks("a U.S.-brokered truce"),
        ["a", "U.S.", "-", "brokered", "truce"]
    );
    assert_eq!(
        toks("a 12-year-old boy"),
        ["a", "12", "-", "year", "-", "old", "boy"]
    );
    assert_eq!(
        toks("an e-mail about non-proliferation and the post-war order"),
        [
            "an",
            "e-mail",
            "about",
            "non-proliferation",
            "and",
            "the",
            "post-war",
            "order"
        ]
    );
    assert_eq!(toks("F-16 jets"), ["F", "-", "16", "jets"]);
    assert_eq!(
        toks("call 202-555-0143 now"),
        ["call", "202-555-0143", "now"]
    );
    assert_eq!(toks("in 2019-2021"), ["in", "2019", "-", "2021"]);
}

#[test]
fn abbreviations_keep_their_period() {
    assert_eq!(
        toks("Gen. Asim Munir met Lt. Col. Smith"),
        ["Gen.", "Asim", "Munir", "met", "Lt.", "Col.", "Smith"]
    );
    assert_eq!(
        toks("U.S. officials and U.N. envoys"),
        ["U.S.", "officials", "and", "U.N.", "envoys"]
    );
    assert_eq!(
        toks("on Jan. 5 and Feb. 12"),
        ["on", "Jan.", "5", "and", "Feb.", "12"]
    );
    assert_eq!(
        toks("Resolution No. 3 passed"),
        ["Resolution", "No.", "3", "passed"]
    );
    assert_eq!(toks("George W. Bush"), ["George", "W.", "Bush"]);
    assert_eq!(
        toks("at 9 a.m. local time"),
        ["at", "9", "a.m.", "local", "time"]
    );
    assert_eq!(
        toks("Mr. and Mrs. Khan, Dr. Ali, Acme Inc. and Beta Corp. staff"),
        [
            "Mr.", "and", "Mrs.", "Khan", ",", "Dr.", "Ali", ",", "Acme", "Inc.", "and", "Beta",
            "Corp.", "staff"
        ]
    );
    // "No" without a number is the word no.
    assert_eq!(
        toks("The answer was no. Then"),
        ["The", "answer", "was", "no", ".", "Then"]
    );
}

#[test]
fn abbreviation_at_sentence_end_gives_up_its_period() {
    assert_eq!(
        toks("He returned to the U.S. The talks ended."),
        ["He", "returned", "to", "the", "U.S", ".", "The", "talks", "ended", "."]
    );
    assert_eq!(
        toks("It ends at 5 p.m."),
        ["It", "ends", "at", "5", "p.m", "."]
    );
    assert_eq!(
        toks("tanks, jets, etc. They"),
        ["tanks", ",", "jets", ",", "etc", ".", "They"]
    );
}

#[test]
fn numbers_currency_percent() {
    assert_eq!(
        toks("$1,500.25 or 3.5% of 10,000"),
        ["$", "1,500.25", "or", "3.5", "%", "of", "10,000"]
    );
    assert_eq!(toks("€5 and £20m"), ["€", "5", "and", "£", "20", "m"]);
    assert_eq!(
        toks("at 10:30 on 9/11 in the 1990s, his 2nd term"),
        ["at", "10:30", "on", "9/11", "in", "the", "1990s", ",", "his", "2nd", "term"]
    );
    assert_eq!(toks("at 5pm"), ["at", "5", "pm"]);
    assert_eq!(toks("-5 degrees"), ["-", "5", "degrees"]);
}

#[test]
fn web_tokens() {
    assert_eq!(
        toks("See https://www.voanews.com/a/story.html."),
        ["See", "https://www.voanews.com/a/story.html", "."]
    );
    assert_eq!(toks("(www.un.org)"), ["(", "www.un.org", ")"]);
    assert_eq!(
        toks("Write to press@mofa.gov.pk."),
        ["Write", "to", "press@mofa.gov.pk", "."]
    );
    assert_eq!(
        toks("@StateDept posted #Kabul news"),
        ["@StateDept", "posted", "#Kabul", "news"]
    );
}

#[test]
fn quotes_dashes_ellipses_brackets() {
    assert_eq!(
        toks("“We agree,” he said."),
        ["“", "We", "agree", ",", "”", "he", "said", "."]
    );
    assert_eq!(
        toks("\"No,\" she said."),
        ["\"", "No", ",", "\"", "she", "said", "."]
    );
    assert_eq!(toks("the 'red line'"), ["the", "'", "red", "line", "'"]);
    assert_eq!(
        toks("Kabul—and Delhi–Lahore"),
        ["Kabul", "—", "and", "Delhi", "–", "Lahore"]
    );
    assert_eq!(toks("peace -- or war"), ["peace", "--", "or", "war"]);
    assert_eq!(toks("wait... and…"), ["wait", "...", "and", "…"]);
    assert_eq!(
        toks("(TTP) [sic] {x}"),
        ["(", "TTP", ")", "[", "sic", "]", "{", "x", "}"]
    );
}

#[test]
fn sentences_in_news() {
    assert_eq!(
        sents("U.S. officials met on Jan. 5 in Doha. The talks ended without a deal."),
        [
            "U.S. officials met on Jan. 5 in Doha.",
            "The talks ended without a deal."
        ]
    );
    assert_eq!(
        sents("The envoy returned to the U.S. The State Department said nothing."),
        [
            "The envoy returned to the U.S.",
            "The State Department said nothing."
        ]
    );
    assert_eq!(
        sents("\"We will respond,\" Gen. Ahmed said. \"Nobody wants war.\" Officials agreed."),
        [
            "\"We will respond,\" Gen. Ahmed said.",
            "\"Nobody wants war.\"",
            "Officials agreed."
        ]
    );
    assert_eq!(
        sents("\"Why now?\" he asked. Nobody answered!"),
        ["\"Why now?\" he asked.", "Nobody answered!"]
    );
    assert_eq!(
        sents("Resolution No. 3 was adopted by 1.5 votes... The vote was close."),
        [
            "Resolution No. 3 was adopted by 1.5 votes...",
            "The vote was close."
        ]
    );
    assert_eq!(
        sents("He left (quietly.) Then"),
        ["He left (quietly.)", "Then"]
    );
}

#[test]
fn sentences_at_paragraphs_headlines_and_lists() {
    assert_eq!(
        sents("Pakistan Upgrades Kabul Mission\nIslamabad said on Friday it would send an ambassador."),
        ["Pakistan Upgrades Kabul Mission", "Islamabad said on Friday it would send an ambassador."]
    );
    assert_eq!(
        sents("First paragraph without a stop\n\nSecond one"),
        ["First paragraph without a stop", "Second one"]
    );
    assert_eq!(
        sents("The ministers agreed on:\n- a ceasefire\n- talks in Doha"),
        [
            "The ministers agreed on:",
            "- a ceasefire",
            "- talks in Doha"
        ]
    );
    // A line wrapped in the middle of a sentence is not a boundary.
    assert_eq!(
        sents(
            "The foreign minister of Pakistan said on Friday that the\nembassy would reopen soon."
        ),
        ["The foreign minister of Pakistan said on Friday that the\nembassy would reopen soon."]
    );
}

#[test]
fn ellipsis_opening_a_sentence_stays_with_it() {
    assert_eq!(
        sents("He did not attend. ... The court went on. … Nobody came."),
        [
            "He did not attend.",
            "... The court went on.",
            "… Nobody came."
        ]
    );
    assert_eq!(
        sents("\"We need six ... medicines,\" he said."),
        ["\"We need six ... medicines,\" he said."]
    );
}

#[test]
fn hashtags_need_a_letter_and_e_prefix_needs_a_word() {
    assert_eq!(toks("#1 and #Kabul2025"), ["#", "1", "and", "#Kabul2025"]);
    assert_eq!(
        toks("an E-11A aircraft and E-mail"),
        ["an", "E", "-", "11A", "aircraft", "and", "E-mail"]
    );
}

#[test]
fn abbreviation_before_closing_quote_and_prefixed_currency() {
    assert_eq!(
        sents("\"We trust the U.S.\" The minister left."),
        ["\"We trust the U.S.\"", "The minister left."]
    );
    assert_eq!(
        toks("\"We trust the U.S.\" The"),
        ["\"", "We", "trust", "the", "U.S", ".", "\"", "The"]
    );
    assert_eq!(
        toks("\"in the U.S.\" officials said"),
        ["\"", "in", "the", "U.S.", "\"", "officials", "said"]
    );
    assert_eq!(
        toks("US$4.5 billion and HK$20"),
        ["US$", "4.5", "billion", "and", "HK$", "20"]
    );
}

#[test]
fn quoted_question_followed_by_its_speaker() {
    assert_eq!(
        sents("\"Why now?\" Foreign Minister Ishaq Dar asked. \"Enough!\" Khan said. Talks ended."),
        [
            "\"Why now?\" Foreign Minister Ishaq Dar asked.",
            "\"Enough!\" Khan said.",
            "Talks ended."
        ]
    );
    assert_eq!(
        sents("\"Why now?\" The question hung."),
        ["\"Why now?\"", "The question hung."]
    );
}

#[test]
fn dates_zip_codes_and_decade_possessives() {
    assert_eq!(
        toks("on 01-Feb-02 at 20006-3700"),
        ["on", "01-Feb-02", "at", "20006-3700"]
    );
    assert_eq!(
        toks("the 1990's and 80's"),
        ["the", "1990", "'s", "and", "80", "'s"]
    );
}

#[test]
fn abbreviation_before_a_name_that_starts_the_next_sentence() {
    assert_eq!(
        sents("Fentanyl still flows into the U.S. Sheinbaum sent troops north."),
        [
            "Fentanyl still flows into the U.S.",
            "Sheinbaum sent troops north."
        ]
    );
    assert_eq!(
        sents("The U.S. Congress passed it. The U.S. Navy ships left. George W. Bush said so."),
        [
            "The U.S. Congress passed it.",
            "The U.S. Navy ships left.",
            "George W. Bush said so."
        ]
    );
    assert_eq!(
        sents("U.N. Secretary-General Antonio Guterres spoke."),
        ["U.N. Secretary-General Antonio Guterres spoke."]
    );
}
