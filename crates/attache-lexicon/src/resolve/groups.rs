//! Which two states "both sides", "the two countries", "the two leaders", "the two",
//! "all parties" stand for (session 7, groups).
//!
//! Why a rule of its own: wire stories name the two parties of a conflict or of some
//! dealings in the lead and then refer to them as a pair for the rest of the story,
//! often in a sentence whose own subject is a third party ("Qatar and Saudi Arabia urged
//! both sides to exercise restraint", "Iran, which borders both countries, offered to
//! mediate"). Taking "the states last named together" would make the third party its
//! own addressee (QAT→SAU). So the resolver keeps, per article, the pairs of states the
//! story has set against or beside each other ([`FocusPair`], most recent last), and a
//! pair phrase takes:
//!
//! 0. the states a phrase after it names ("both sides in Sudan's war" → SDN, one
//!    state: the sides of a civil war);
//! 1. the two states named earlier in its own sentence, except the subject of its own
//!    clause when the phrase is an object ("Wang Yi met the Cambodian and Thai
//!    ambassadors and urged both sides" → KHM, THA; "Kim held talks with Xi, and the
//!    two agreed" → PRK, CHN) — exactly two: after three or more ("Saudi Arabia, Turkey
//!    and Egypt condemned the strikes, while the U.N. chief urged both countries") the
//!    phrase is about a pair of the story (session 9);
//! 2. else, among the story's pairs at most [`PAIR_WINDOW`] sentences old, the one it
//!    has dealt with in most sentences, ties to the most recent (session 9: "China,
//!    Pakistan's closest ally, … The two countries have fought three wars" is the
//!    story's India–Pakistan pair),
//!    that does not contain the clause's subject (and contains the one other state its
//!    sentence names, if any); a pair of mere co-subjects ("Qatar and Saudi Arabia
//!    urged restraint": weak) serves only a phrase that is itself a subject;
//! 3. else, in a story that has no pair yet, the two most recent states without the
//!    clause's subject (the rule before this session); with only one such state,
//!    nothing — a second party is never invented;
//! 4. "all parties", "the warring sides" with nothing above and one state named before
//!    it in its sentence: that state. "All sides" as a subject is not read at all (it
//!    is as likely every party of a wider dispute).
//!
//! The resolver has no parse tree, only tokens and part-of-speech tags, so "subject" and
//! "clause" are read from the word order: the clause starts at the sentence start, a
//! ";", or ", and/but/while" after a verb; its subject is its first actor and those
//! coordinated with it. A phrase is an object when a verb, preposition or noun stands
//! right before it, and a subject after a conjunction, a comma, a speech verb or at the
//! start. When unsure the phrase stays unresolved: a wrong pair costs as much as a
//! right one gains (docs/actors.md, "Session 7: pairs in focus").

use super::{Found, SentCtx};
use attache_core::{MentionKind, ResolvedBy};
use attache_text::Upos;

/// Two states the story has dealt with as a pair.
#[derive(Debug, Clone)]
pub(super) struct FocusPair {
    pub a: String,
    pub b: String,
    /// Only named side by side as the subjects of one clause with no sign that they act
    /// on each other ("Qatar and Saudi Arabia urged restraint"): used when nothing
    /// better is known.
    pub weak: bool,
    /// Index of the sentence that set it up (or last referred to it as a pair).
    pub sent: usize,
}

/// How many sentences back a pair stays in focus. A story that goes on about the same
/// two states names them (or "both sides") again; an older pair is another story's
/// thread ("talks in Doha" twenty sentences before "all warring parties").
const PAIR_WINDOW: usize = 6;

/// Words after which a phrase starts a clause of its own (is a subject).
const CLAUSE_OPENERS: &[&str] = &[
    ",",
    ";",
    ":",
    "--",
    "\u{2014}",
    "\"",
    "(",
    "and",
    "but",
    "while",
    "as",
    "after",
    "when",
    "that",
    "before",
    "because",
    "since",
    "although",
    "though",
    "where",
    "once",
    "until",
    "so",
    "whereas",
    "said",
    "says",
    "say",
    "added",
    "announced",
    "stated",
    "noted",
    "insisted",
    "confirmed",
    "reported",
    "hoped",
    "hopes",
    "expects",
    "expected",
    "believe",
    "believes",
    "warned",
    "if",
    "unless",
    "whether",
    "now",
    "later",
    "then",
    "also",
];

/// Words in a sentence whose coordinated subjects show that they act on each other
/// ("India and Pakistan traded accusations", "… clashed", "… held talks").
const MUTUAL_CUES: &[&str] = &[
    "each",
    "other",
    "another",
    "between",
    "traded",
    "trade",
    "exchanged",
    "exchange",
    "clashed",
    "clash",
    "clashes",
    "fought",
    "fighting",
    "war",
    "met",
    "meet",
    "meeting",
    "talks",
    "agreed",
    "agreement",
    "signed",
    "deal",
    "ties",
    "relations",
    "border",
    "bilateral",
    "truce",
    "ceasefire",
    "cease-fire",
    "accusations",
    "accused",
    "dispute",
    "tensions",
    "rivals",
    "summit",
    "negotiations",
    "restored",
    "normalize",
    "normalise",
    "hostilities",
    "skirmishes",
    "conflict",
];

/// The states a mention counts for, in the order named: (start, end, country).
fn states(found: &[Found]) -> Vec<(usize, usize, &str)> {
    found
        .iter()
        .filter(|f| {
            // Armed groups tied to a state count as its side ("Israel and Hamas").
            super::counts_as_state(f)
                || (f.res.kind == MentionKind::Group
                    && matches!(
                        f.res.by,
                        ResolvedBy::Lexicon | ResolvedBy::Title | ResolvedBy::Context
                    ))
        })
        .filter_map(|f| f.res.country.as_deref().map(|c| (f.start, f.end, c)))
        .collect()
}

fn is_verb(sc: &SentCtx, i: usize) -> bool {
    sc.upos.get(i) == Some(&Upos::VERB)
}

/// Whether the phrase at `s` is the subject of a clause of its own rather than the
/// object of a verb or preposition before it.
fn subject_position(sc: &SentCtx, s: usize) -> bool {
    if s == 0 {
        return true;
    }
    let prev = sc.norm(s - 1);
    if CLAUSE_OPENERS.contains(&prev) {
        return true;
    }
    if !sc.tagged {
        return false;
    }
    !matches!(
        sc.upos.get(s - 1),
        Some(Upos::VERB | Upos::ADP | Upos::AUX | Upos::PART | Upos::ADJ | Upos::NOUN)
    )
}

/// The states of the subject of the clause the phrase at `s` is an object in: the
/// first actor of the clause and those coordinated with it ("Qatar and Saudi Arabia",
/// "Qatar, Egypt and Turkey"), not an appositive or a relative clause on it ("The
/// United States, a treaty ally of Manila, urged …", "Iran, which borders …").
fn clause_subject(sc: &SentCtx, found: &[Found], s: usize) -> Vec<String> {
    // The word that governs the phrase: the verb before a preposition, else the word
    // right before it ("which border both countries" tags "border" a noun).
    let v = if sc.upos.get(s - 1) == Some(&Upos::ADP) {
        (0..s).rev().find(|&i| is_verb(sc, i)).unwrap_or(s - 1)
    } else {
        s - 1
    };
    // Start of the clause: ";" or ", and/but/while" with a verb before it.
    let mut cs = 0;
    for i in (1..v).rev() {
        let w = sc.norm(i);
        let boundary = w == ";"
            || (matches!(w, "and" | "but" | "while" | "whereas")
                && sc.norm(i - 1) == ","
                && (0..i).any(|j| is_verb(sc, j)));
        if boundary {
            cs = i + 1;
            break;
        }
    }
    let fv = (cs..v).find(|&i| is_verb(sc, i)).unwrap_or(v);
    let ms = states(found);
    let mut out: Vec<String> = Vec::new();
    let mut last_end: Option<usize> = None;
    let mut first_start = None;
    for (st, e, c) in ms {
        if st < cs || st >= fv {
            continue;
        }
        let joined = match (first_start, last_end) {
            (None, _) => true,
            (Some(fs), _) if fs == st => true,
            (_, Some(le)) => {
                le <= st && (le..st).all(|i| matches!(sc.norm(i), "and" | "," | "the"))
            }
            _ => false,
        };
        if !joined {
            break;
        }
        first_start.get_or_insert(st);
        last_end = Some(e);
        if !out.iter().any(|x| x == c) {
            out.push(c.to_string());
        }
    }
    out
}

/// The states the pair phrase at tokens `[s, e)` stands for: two (module doc); for
/// "all parties", "the warring sides" with no pair of states in focus, the one state
/// its sentence names before it (the sides of a civil war: "called on all warring
/// parties" after "the Taliban" is AFG→AFG, as the gold codes domestic events); else
/// nothing.
pub(super) fn pair_for(
    sc: &SentCtx,
    found: &[Found],
    pairs: &[FocusPair],
    recent: &[String],
    (s, e): (usize, usize),
    now: usize,
) -> Vec<String> {
    let open_ended = (s..e).any(|i| matches!(sc.norm(i), "all" | "warring"));
    // "all sides will see the necessity …": as a subject, "all sides" is as likely
    // every party of a wider dispute (an organisation and its members) as the pair in
    // focus; it is read only when addressed ("urged all parties to …").
    if (s..e).any(|i| sc.norm(i) == "all") && subject_position(sc, s) {
        return Vec::new();
    }
    // "both sides in Sudan's war", "the warring parties in Yemen", "both sides of the
    // India-Pakistan conflict": the phrase names its own parties.
    let named = qualified_by(sc, found, e);
    if !named.is_empty() {
        return named;
    }
    // "the two ministers", "both leaders": the people of the pair just dealt with.
    let people = matches!(
        sc.norm(e - 1),
        "ministers" | "leaders" | "presidents" | "premiers" | "delegations" | "state" | "men"
    );
    if let Some((a, b)) = pair_of(sc, found, pairs, recent, s, now, people) {
        return vec![a, b];
    }
    // A story that has set up no pair of states is about one country's own conflict
    // ("Police fired tear gas at opposition supporters … The European Union called on
    // both sides to show restraint"): both sides are that country's, if the story has
    // one in focus and the clause's subject is not it. Only "both"/"two" phrases:
    // "all parties" may be anyone involved.
    let two = (s..e).any(|i| matches!(sc.norm(i), "both" | "two"));
    if two && pairs.is_empty() && !subject_position(sc, s) {
        if let Some(c) = sc.focus.as_deref() {
            if !clause_subject(sc, found, s).iter().any(|x| x == c) {
                return vec![c.to_string()];
            }
        }
    }
    if !open_ended {
        return Vec::new();
    }
    let excluded = if subject_position(sc, s) {
        Vec::new()
    } else {
        clause_subject(sc, found, s)
    };
    let mut here: Vec<&str> = Vec::new();
    for (_, end, c) in states(found) {
        if end <= s && !excluded.iter().any(|x| x == c) && !here.contains(&c) {
            here.push(c);
        }
    }
    match here[..] {
        [c] => vec![c.to_string()],
        _ => Vec::new(),
    }
}

/// The states of a phrase right after a pair phrase ending at `e` that says whose sides
/// they are: "in"/"of"/"to" and, before any punctuation or verb (within 6 words), one
/// state (a civil war: both sides are that state's) or two.
fn qualified_by(sc: &SentCtx, found: &[Found], e: usize) -> Vec<String> {
    if !matches!(sc.norm(e), "in" | "of" | "to") {
        return Vec::new();
    }
    let stop = (e + 1..sc.toks.len().min(e + 7))
        .find(|&i| {
            matches!(sc.upos.get(i), Some(Upos::PUNCT | Upos::VERB | Upos::AUX))
                && sc.norm(i) != "-"
        })
        .unwrap_or(sc.toks.len().min(e + 7));
    let mut out: Vec<String> = Vec::new();
    for (st, _, c) in states(found) {
        if st > e && st < stop && !out.iter().any(|x| x == c) {
            out.push(c.to_string());
        }
    }
    if out.len() <= 2 {
        out
    } else {
        Vec::new()
    }
}

/// "the two NATO allies", "the two nuclear powers", "both Asian giants": "the two" or
/// "both", one or two modifiers of any kind (a name too), and a head that stands for a
/// state or its leader. Returns the end of the phrase.
pub(super) fn described_two(sc: &SentCtx, p: usize) -> Option<usize> {
    const HEADS: &[&str] = &[
        "allies",
        "rivals",
        "neighbours",
        "neighbors",
        "countries",
        "nations",
        "states",
        "powers",
        "giants",
        "foes",
        "adversaries",
        "enemies",
        "leaders",
        "governments",
        "capitals",
        "partners",
        "economies",
        "militaries",
        "armies",
    ];
    let q = match (sc.norm(p), sc.norm(p + 1)) {
        ("the", "two") => p + 2,
        ("both", _) => p + 1,
        _ => return None,
    };
    for k in 1..=2 {
        let h = q + k;
        let mods_ok = (q..h).all(|i| {
            let w = sc.norm(i);
            w.chars()
                .all(|c| c.is_alphanumeric() || c == '-' || c == '.')
                && !w.is_empty()
                && !matches!(
                    sc.upos.get(i),
                    Some(Upos::VERB | Upos::AUX | Upos::ADP | Upos::DET)
                )
        });
        if !mods_ok {
            return None;
        }
        if HEADS.contains(&sc.norm(h)) && sc.norm(h + 1) != "of" && sc.norm(h + 1) != "'s" {
            return Some(h + 1);
        }
    }
    None
}

/// Two states for a pair phrase at token `s`, or `None` when the story has not named
/// two (module doc).
fn pair_of(
    sc: &SentCtx,
    found: &[Found],
    pairs: &[FocusPair],
    recent: &[String],
    s: usize,
    now: usize,
    people: bool,
) -> Option<(String, String)> {
    let subject = subject_position(sc, s);
    let excluded = if subject {
        Vec::new()
    } else {
        clause_subject(sc, found, s)
    };
    let mut here: Vec<&str> = Vec::new();
    for (_, e, c) in states(found) {
        if e <= s && !excluded.iter().any(|x| x == c) && !here.contains(&c) {
            here.push(c);
        }
    }
    // Exactly two: with three or more ("Saudi Arabia, Turkey and Pakistan condemned the
    // attack, while Guterres urged both countries …") the phrase is not about the states
    // its sentence lists but about a pair of the story.
    if here.len() == 2 {
        return Some((here[0].to_string(), here[1].to_string()));
    }
    let fits = |p: &FocusPair, with_here: bool| {
        let has = |c: &str| c == p.a || c == p.b;
        p.sent + PAIR_WINDOW >= now
            && !excluded.iter().any(|x| has(x))
            && if with_here {
                here.iter().all(|c| has(c))
            } else {
                // A state of the sentence that none of the story's pairs has (the
                // place it was said in, a speaker not read as the subject) is no
                // party: the pair is looked for without it.
                !here.iter().any(|c| has(c))
            }
    };
    // Among the pairs in focus, the one the story has dealt with in most sentences
    // (ties: the most recent): "China, Pakistan's closest ally, welcomed the ceasefire
    // … The two countries have fought three wars" is about the story's India–Pakistan
    // pair, not the last two states named together. People as the subject ("the two
    // ministers agreed") are those of the latest pair: "Separately, Wang Yi held talks
    // with Iwaya … The two ministers agreed …" in a story on Seoul and Tokyo.
    if people && subject {
        if let Some(p) = pairs
            .last()
            .filter(|p| !p.weak && p.sent + 1 >= now && fits(p, true))
        {
            return Some((p.a.clone(), p.b.clone()));
        }
    }
    let same =
        |p: &FocusPair, q: &FocusPair| (p.a == q.a && p.b == q.b) || (p.a == q.b && p.b == q.a);
    let dealt = |p: &FocusPair| pairs.iter().filter(|q| !q.weak && same(p, q)).count();
    let best = [true, false].into_iter().find_map(|with_here| {
        pairs
            .iter()
            .filter(|p| !p.weak && fits(p, with_here))
            .max_by_key(|p| dealt(p))
            // Mere co-subjects are no pair a third party addresses ("Qatar and Saudi
            // Arabia urged restraint. China called on both sides …").
            .or_else(|| pairs.iter().rev().find(|p| subject && fits(p, with_here)))
    });
    if let Some(p) = best {
        return Some((p.a.clone(), p.b.clone()));
    }
    // No pair in the story yet: the two most recent states, without the clause's
    // subject and the sentence's own; with fewer, nothing. (Once the story has pairs,
    // none of them fitting means the phrase is not about them: nothing.)
    if !pairs.is_empty() {
        return None;
    }
    let rest: Vec<&String> = recent
        .iter()
        .filter(|c| !excluded.contains(c) && !here.contains(&c.as_str()))
        .collect();
    let k = rest.len();
    (here.is_empty() && k >= 2).then(|| (rest[k - 2].clone(), rest[k - 1].clone()))
}

/// The pair a sentence without a pair phrase sets up, if it names two states: two
/// coordinated after its first verb ("urged Pakistan and Afghanistan", "talks between X
/// and Y", "spoke with his Pakistani and Afghan counterparts"), else its subject and a state after the verb ("Islamabad accused Kabul"),
/// else its first two states (weak when they are only co-subjects with no sign of
/// acting on each other).
pub(super) fn sentence_pair(sc: &SentCtx, found: &[Found], now: usize) -> Option<FocusPair> {
    let ms = states(found);
    let mut cur: Vec<&str> = Vec::new();
    for m in &ms {
        if !cur.contains(&m.2) {
            cur.push(m.2);
        }
    }
    if cur.len() < 2 {
        return None;
    }
    let plain = FocusPair {
        a: cur[0].to_string(),
        b: cur[1].to_string(),
        weak: false,
        sent: now,
    };
    if !sc.tagged {
        return Some(plain);
    }
    let Some(fv) = (0..sc.toks.len()).find(|&i| is_verb(sc, i)) else {
        return Some(plain);
    };
    let joined = |e: usize, s: usize| {
        e <= s && (e..s).all(|i| matches!(sc.norm(i), "and" | "," | "the" | "or" | "&"))
    };
    // "met in Ankara", "clashed near Kashmir": where it happened, not a party.
    let placed = |st: usize| {
        st > 0
            && matches!(
                sc.norm(st - 1),
                "in" | "at" | "near" | "outside" | "inside" | "across" | "along" | "off"
            )
    };
    let parties: Vec<(usize, usize, &str)> = ms.iter().copied().filter(|m| !placed(m.0)).collect();
    for w in parties.windows(2) {
        let ((_, e0, c0), (s1, _, c1)) = (w[0], w[1]);
        // One phrase of coordinated qualifiers ("his Pakistani and Afghan
        // counterparts") resolves to one span with two states: a pair as well.
        let one_phrase = w[0].0 == s1 && w[0].1 == w[1].1;
        if w[0].0 > fv && c0 != c1 && (joined(e0, s1) || one_phrase) {
            return Some(FocusPair {
                a: c0.to_string(),
                b: c1.to_string(),
                weak: false,
                sent: now,
            });
        }
    }
    let mut subj: Vec<&str> = Vec::new();
    for m in ms.iter().filter(|m| m.1 <= fv) {
        if !subj.contains(&m.2) {
            subj.push(m.2);
        }
    }
    // Co-subjects ("India and Pakistan traded accusations", "Ethiopian and Somali
    // leaders met"): a pair, weak unless the sentence shows them acting on each other.
    if subj.len() >= 2 {
        let cue = sc
            .toks
            .iter()
            .any(|t| MUTUAL_CUES.contains(&t.norm.as_str()));
        return Some(FocusPair {
            a: subj[0].to_string(),
            b: subj[1].to_string(),
            weak: !cue,
            sent: now,
        });
    }
    if let (Some(&a), Some(b)) = (
        subj.first(),
        parties.iter().find(|m| m.0 > fv && !subj.contains(&m.2)),
    ) {
        return Some(FocusPair {
            a: a.to_string(),
            b: b.2.to_string(),
            weak: false,
            sent: now,
        });
    }
    Some(plain)
}

/// "the two agreed", "mediate between the two": "the two" with no noun after it.
/// Returns the end of the phrase.
pub(super) fn bare_two(sc: &SentCtx, p: usize) -> Option<usize> {
    if !(sc.tagged && sc.norm(p) == "the" && sc.norm(p + 1) == "two") {
        return None;
    }
    let next_ok = p + 2 >= sc.toks.len()
        || matches!(
            sc.upos.get(p + 2),
            Some(
                Upos::VERB
                    | Upos::AUX
                    | Upos::ADV
                    | Upos::PUNCT
                    | Upos::ADP
                    | Upos::CCONJ
                    | Upos::SCONJ
                    | Upos::PART
            )
        );
    // "the two of them" names them too; "the two-day visit" does not.
    (next_ok && sc.norm(p + 2) != "-").then_some(p + 2)
}
