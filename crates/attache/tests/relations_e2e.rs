//! The relations ledger end to end, from text (issue 6 acceptance).
//!
//! Why these tests exist: the coder's relation rules and the ledger's derivation are
//! each unit-tested on their own, but what an analyst sees is what comes out of a real
//! article — dateline stripped by ingestion, sentences parsed by the trained models,
//! actors resolved by the lexicon, facts derived by the store. Each fixture under
//! `tests/fixtures/relations/` is a short news article written for these tests (made-up
//! or illustrative events between real states) exercising one kind of representation
//! change or recognition fact; the tests ingest it into a fresh store exactly as
//! `attache ingest FILE --date D` does and check the `dyad` report (level, previous
//! level, evidence sentence), the stored changes and the coded events. A sequence of
//! articles about one dyad checks that the ledger does not depend on ingestion order
//! and that re-ingesting changes nothing.

use attache_coder::Coder;
use attache_core::{Article, CodedArticle};
use attache_ingest::{read_bytes, InputFormat, ReadEvent, ReadOptions};
use attache_ledger::{ChangeFilter, EventFilter, InsertOutcome, Store};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

fn coder() -> &'static Coder {
    static CODER: OnceLock<Coder> = OnceLock::new();
    CODER.get_or_init(|| Coder::load_default().expect("built-in models and lexicon load"))
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/relations")
        .join(name)
}

/// Read a fixture as `attache ingest FILE --date D` does.
fn read_article(name: &str, date: &str) -> Article {
    let path = fixture(name);
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let opts = ReadOptions {
        default_date: Some(date.into()),
        ..Default::default()
    };
    let mut out = Vec::new();
    read_bytes(
        &path.display().to_string(),
        &bytes,
        InputFormat::Text,
        &opts,
        &mut |ev| match ev {
            ReadEvent::Article(a) => out.push(*a),
            ReadEvent::Problem(p) => panic!("{name}: unexpected problem: {p}"),
        },
    );
    assert_eq!(out.len(), 1, "{name}: one article per text file");
    let a = out.pop().unwrap();
    assert_eq!(
        a.published.as_deref(),
        Some(date),
        "{name}: publication date"
    );
    assert!(a.dateline.is_some(), "{name}: the dateline is recognised");
    a
}

fn code(name: &str, date: &str) -> (Article, CodedArticle) {
    let a = read_article(name, date);
    let c = coder().code(&a);
    (a, c)
}

fn fresh_store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path().join("ledger.db")).unwrap();
    (dir, store)
}

fn json<T: serde::Serialize>(v: &T) -> Value {
    serde_json::to_value(v).unwrap()
}

/// A direction's expected state after ingesting one article into an empty store.
struct Dir {
    sender: &'static str,
    receiver: &'static str,
    level: &'static str,
    cow_level: u64,
    /// The previous level the article reports (opens the history), if any.
    previous: Option<&'static str>,
    action: &'static str,
    /// A phrase of the evidence sentence, and that sentence's index.
    phrase: &'static str,
    sentence: u64,
}

/// An event that must be coded.
struct Ev {
    source: &'static str,
    target: &'static str,
    /// Accepted CAMEO roots.
    roots: &'static [&'static str],
    /// Either direction is right (joint actions: "A and B restored relations").
    either_way: bool,
    sentence: u32,
}

/// A recognition fact that must be derived.
struct Rec {
    recognizer: &'static str,
    government: &'static str,
    governed: &'static str,
    kind: &'static str,
    phrase: &'static str,
    /// Whether the dyad shows this fact as the current state. Two kinds reported for
    /// one day are one state in the ledger: the stronger (formal relations over an
    /// accepted envoy) is current, the other stays listed as `conflicting`.
    current: bool,
}

struct Case<'a> {
    file: &'static str,
    date: &'static str,
    dirs: &'a [Dir],
    events: &'a [Ev],
    recs: &'a [Rec],
}

const fn dir(
    sender: &'static str,
    receiver: &'static str,
    level: &'static str,
    cow_level: u64,
    previous: Option<&'static str>,
    action: &'static str,
    phrase: &'static str,
) -> Dir {
    Dir {
        sender,
        receiver,
        level,
        cow_level,
        previous,
        action,
        phrase,
        sentence: 0,
    }
}

const fn ev(source: &'static str, target: &'static str, roots: &'static [&'static str]) -> Ev {
    Ev {
        source,
        target,
        roots,
        either_way: false,
        sentence: 0,
    }
}

const fn ev_sym(source: &'static str, target: &'static str, roots: &'static [&'static str]) -> Ev {
    Ev {
        source,
        target,
        roots,
        either_way: true,
        sentence: 0,
    }
}

/// What a test checks of a case: the ledger (representation and recognition) or the
/// coded events — separately, so a missing event pattern does not hide a working
/// ledger rule and vice versa.
#[derive(Clone, Copy, PartialEq)]
enum Part {
    Ledger,
    Events,
}

/// Check one article against its case in a fresh store; returns the failures found
/// (all of them, so a report lists everything that is wrong at once).
fn check_case(case: &Case<'_>, part: Part) -> Vec<String> {
    let (_dir, mut store) = fresh_store();
    let (a, c) = code(case.file, case.date);
    assert_eq!(store.insert_article(&a, &c).unwrap(), InsertOutcome::New);
    let mut fails = Vec::new();
    let f = case.file;

    // Representation: the dyad report of each expected direction.
    let dirs = if part == Part::Ledger { case.dirs } else { &[] };
    for d in dirs {
        let rep = json(&store.dyad(d.sender, d.receiver).unwrap());
        let Some(dj) = rep["directions"]
            .as_array()
            .unwrap()
            .iter()
            .find(|x| x["sender"] == d.sender && x["receiver"] == d.receiver)
        else {
            fails.push(format!(
                "{f}: no direction {}→{} in dyad report",
                d.sender, d.receiver
            ));
            continue;
        };
        let got_level = dj["level"].as_str().unwrap_or("null");
        if got_level != d.level || dj["cow_level"] != d.cow_level {
            fails.push(format!(
                "{f}: {}→{} level: expected {} ({}), got {} ({}); changes: {}",
                d.sender,
                d.receiver,
                d.level,
                d.cow_level,
                got_level,
                dj["cow_level"],
                dj["changes"]
            ));
            continue;
        }
        if dj["since"] != case.date {
            fails.push(format!(
                "{f}: {}→{} since: expected {}, got {}",
                d.sender, d.receiver, case.date, dj["since"]
            ));
        }
        let hist = dj["history"].as_array().unwrap();
        match d.previous {
            Some(p) => {
                if hist.first().map(|h| h["level"].clone()) != Some(Value::from(p)) {
                    fails.push(format!(
                        "{f}: {}→{} previous level: expected {p}, got history {}",
                        d.sender, d.receiver, dj["history"]
                    ));
                } else if hist[0]["until"] != case.date || !hist[0]["since"].is_null() {
                    fails.push(format!(
                        "{f}: {}→{} previous level period: expected since null until {}, got {}",
                        d.sender, d.receiver, case.date, hist[0]
                    ));
                }
            }
            None => {
                if !hist.is_empty() {
                    fails.push(format!(
                        "{f}: {}→{} history: the article reports no earlier level, got {}",
                        d.sender, d.receiver, dj["history"]
                    ));
                }
            }
        }
        let evidence = dj["evidence"].as_array().unwrap();
        let cited = evidence.iter().any(|e| {
            e["action"] == d.action
                && e["origin"] == "news"
                && e["article_id"] == a.id.0.as_str()
                && e["sentence"] == d.sentence
                && e["text"].as_str().is_some_and(|t| t.contains(d.phrase))
        });
        if !cited {
            fails.push(format!(
                "{f}: {}→{} evidence: expected action {} citing sentence {} ({:?}), got {}",
                d.sender, d.receiver, d.action, d.sentence, d.phrase, dj["evidence"]
            ));
        }
    }

    if part == Part::Events {
        check_events(case, &store, &mut fails);
        return fails;
    }
    // No representation change beyond the expected ones.
    let changes = json(&store.changes(&ChangeFilter::default()).unwrap());
    let mut got: Vec<String> = changes
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["kind"] == "representation")
        .map(|r| {
            format!(
                "{}→{} {} {}",
                r["sender"].as_str().unwrap_or("?"),
                r["receiver"].as_str().unwrap_or("?"),
                r["action"].as_str().unwrap_or("?"),
                r["level"].as_str().unwrap_or("?")
            )
        })
        .collect();
    got.sort();
    let mut want: Vec<String> = case
        .dirs
        .iter()
        .map(|d| format!("{}→{} {} {}", d.sender, d.receiver, d.action, d.level))
        .collect();
    want.sort();
    if got != want {
        fails.push(format!(
            "{f}: representation changes: expected {want:?}, got {got:?}"
        ));
    }

    // Recognition facts.
    let mut got_recs: Vec<String> = changes
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["kind"] == "recognition")
        .map(|r| {
            format!(
                "{} {} {}",
                r["sender"].as_str().unwrap_or("?"),
                r["action"].as_str().unwrap_or("?"),
                r["government"].as_str().unwrap_or("?")
            )
        })
        .collect();
    got_recs.sort();
    got_recs.dedup();
    let mut want_recs: Vec<String> = case
        .recs
        .iter()
        .map(|r| format!("{} {} {}", r.recognizer, r.kind, r.government))
        .collect();
    want_recs.sort();
    if got_recs != want_recs {
        fails.push(format!(
            "{f}: recognition facts: expected {want_recs:?}, got {got_recs:?}"
        ));
    }
    for r in case.recs.iter().filter(|r| r.current) {
        let rep = json(&store.dyad(r.recognizer, r.governed).unwrap());
        let ok = rep["recognition"].as_array().unwrap().iter().any(|s| {
            s["recognizer"] == r.recognizer
                && s["government"] == r.government
                && s["governed_state"] == r.governed
                && s["kind"] == r.kind
                && s["since"] == case.date
                && s["evidence"].as_array().is_some_and(|ev| {
                    ev.iter()
                        .any(|e| e["text"].as_str().is_some_and(|t| t.contains(r.phrase)))
                })
        });
        if !ok {
            fails.push(format!(
                "{f}: dyad {} {} recognition: expected {} {} {} since {} citing {:?}, got {}",
                r.recognizer,
                r.governed,
                r.recognizer,
                r.kind,
                r.government,
                case.date,
                r.phrase,
                rep["recognition"]
            ));
        }
        let rel = json(&store.relations(r.governed).unwrap());
        let listed = rel.as_array().unwrap().iter().any(|row| {
            row["counterpart"] == r.recognizer
                && row["recognition"].as_array().is_some_and(|l| {
                    l.iter().any(|s| {
                        s.as_str().is_some_and(|s| {
                            s.starts_with(&format!("{} {} {}", r.recognizer, r.kind, r.government))
                        })
                    })
                })
        });
        if !listed {
            fails.push(format!(
                "{f}: relations {}: expected {} listed with \"{} {} {}\", got {}",
                r.governed, r.recognizer, r.recognizer, r.kind, r.government, rel
            ));
        }
    }

    fails
}

fn check_events(case: &Case<'_>, store: &Store, fails: &mut Vec<String>) {
    let f = case.file;
    for e in case.events {
        let evs = store
            .events(&EventFilter {
                dyad: Some((e.source.into(), e.target.into())),
                ..Default::default()
            })
            .unwrap();
        let country = |r: &Option<attache_core::ActorRef>| {
            r.as_ref()
                .and_then(|x| x.country.clone())
                .unwrap_or_default()
        };
        let found = evs.iter().any(|x| {
            let (s, t) = (country(&x.source), country(&x.target));
            let dir_ok = (s == e.source && t == e.target)
                || (e.either_way && s == e.target && t == e.source);
            dir_ok
                && e.roots.contains(&x.cameo_root.as_str())
                && !x.negated
                && x.sentence == e.sentence
                && x.date.as_deref() == Some(case.date)
        });
        if !found {
            let all: Vec<String> = store
                .events(&EventFilter::default())
                .unwrap()
                .iter()
                .map(|x| {
                    format!(
                        "s{} {}→{} {} {:?} date={:?} neg={}",
                        x.sentence,
                        x.source.as_ref().map(|a| a.code.as_str()).unwrap_or("-"),
                        x.target.as_ref().map(|a| a.code.as_str()).unwrap_or("-"),
                        x.cameo,
                        x.modality,
                        x.date,
                        x.negated
                    )
                })
                .collect();
            fails.push(format!(
                "{f}: event: expected {}{}{} root {:?} in sentence {} dated {}, got {all:?}",
                e.source,
                if e.either_way { "↔" } else { "→" },
                e.target,
                e.roots,
                e.sentence,
                case.date
            ));
        }
    }
}

fn assert_case(case: &Case<'_>, part: Part) {
    let fails = check_case(case, part);
    assert!(fails.is_empty(), "\n{}\n", fails.join("\n"));
}

const UPGRADE: Case<'static> = Case {
    file: "upgrade.txt",
    date: "2024-03-04",
    dirs: &[dir(
        "VNM",
        "CHL",
        "ambassador",
        3,
        Some("charge_d_affaires"),
        "upgrade",
        "upgraded its diplomatic mission in Chile",
    )],
    events: &[ev("VNM", "CHL", &["05"])],
    recs: &[],
};

const DOWNGRADE: Case<'static> = Case {
    file: "downgrade.txt",
    date: "2024-04-10",
    dirs: &[dir(
        "NOR",
        "VEN",
        "charge_d_affaires",
        1,
        Some("ambassador"),
        "downgrade",
        "downgraded its embassy in Venezuela",
    )],
    events: &[ev("NOR", "VEN", &["16"])],
    recs: &[],
};

const APPOINT: Case<'static> = Case {
    file: "appoint.txt",
    date: "2024-05-06",
    dirs: &[dir(
        "AUS",
        "MNG",
        "ambassador",
        3,
        None,
        "appoint",
        "appointed a new ambassador to Mongolia",
    )],
    events: &[ev("AUS", "MNG", &["05"])],
    recs: &[],
};

const CREDENTIALS: Case<'static> = Case {
    file: "credentials.txt",
    date: "2024-06-12",
    dirs: &[dir(
        "BRA",
        "KEN",
        "ambassador",
        3,
        None,
        "credentials",
        "presented his credentials",
    )],
    events: &[ev("BRA", "KEN", &["04", "05"])],
    recs: &[],
};

const RECALL: Case<'static> = Case {
    file: "recall.txt",
    date: "2024-07-02",
    dirs: &[dir(
        "CZE",
        "BLR",
        "charge_d_affaires",
        1,
        None,
        "recall",
        "recalled its ambassador from Belarus",
    )],
    events: &[ev("CZE", "BLR", &["16"])],
    recs: &[],
};

/// The host expels the sender's ambassador: the direction that changes is Russia's
/// representation in Poland; the event is Poland acting against Russia.
const EXPEL: Case<'static> = Case {
    file: "expel.txt",
    date: "2024-08-20",
    dirs: &[dir(
        "RUS",
        "POL",
        "charge_d_affaires",
        1,
        None,
        "expel",
        "expelled Russia's ambassador",
    )],
    events: &[ev("POL", "RUS", &["16"])],
    recs: &[],
};

const CLOSE: Case<'static> = Case {
    file: "close.txt",
    date: "2024-09-09",
    dirs: &[dir(
        "FIN",
        "NER",
        "none",
        0,
        None,
        "close",
        "closed its embassy in Niger",
    )],
    events: &[ev("FIN", "NER", &["16"])],
    recs: &[],
};

/// "Suspending the work of an embassy" withdraws the mission like a closure.
const SUSPEND: Case<'static> = Case {
    file: "suspend.txt",
    date: "2024-09-26",
    dirs: &[dir(
        "AUT",
        "YEM",
        "none",
        0,
        None,
        "close",
        "suspended the work of its embassy in Yemen",
    )],
    events: &[ev("AUT", "YEM", &["16"])],
    recs: &[],
};

const REOPEN: Case<'static> = Case {
    file: "reopen.txt",
    date: "2024-10-15",
    dirs: &[dir(
        "ESP",
        "LBY",
        "other",
        9,
        None,
        "reopen",
        "reopened its embassy in Libya",
    )],
    events: &[ev("ESP", "LBY", &["05"])],
    recs: &[],
};

/// Severing relations ends representation both ways.
const SEVER: Case<'static> = Case {
    file: "sever.txt",
    date: "2024-11-05",
    dirs: &[
        dir(
            "COL",
            "NIC",
            "none",
            0,
            None,
            "sever",
            "severed diplomatic relations with Nicaragua",
        ),
        dir(
            "NIC",
            "COL",
            "none",
            0,
            None,
            "sever",
            "severed diplomatic relations with Nicaragua",
        ),
    ],
    events: &[ev("COL", "NIC", &["16"])],
    recs: &[],
};

/// Restored relations: some representation both ways, level not reported.
const RESTORE: Case<'static> = Case {
    file: "restore.txt",
    date: "2024-12-03",
    dirs: &[
        dir(
            "MAR",
            "IRN",
            "other",
            9,
            None,
            "restore",
            "Morocco and Iran restored diplomatic relations",
        ),
        dir(
            "IRN",
            "MAR",
            "other",
            9,
            None,
            "restore",
            "Morocco and Iran restored diplomatic relations",
        ),
    ],
    events: &[ev_sym("MAR", "IRN", &["05"])],
    recs: &[],
};

const EXCHANGE: Case<'static> = Case {
    file: "exchange.txt",
    date: "2025-01-14",
    dirs: &[
        dir(
            "IDN",
            "FJI",
            "ambassador",
            3,
            None,
            "exchange",
            "exchanged ambassadors",
        ),
        dir(
            "FJI",
            "IDN",
            "ambassador",
            3,
            None,
            "exchange",
            "exchanged ambassadors",
        ),
    ],
    events: &[ev_sym("IDN", "FJI", &["05"])],
    recs: &[],
};

/// Engagement with a government kept apart from state-to-state levels: no
/// representation row, two recognition facts about `AFGGOVTAL`.
const TALIBAN: Case<'static> = Case {
    file: "recognition.txt",
    date: "2025-02-18",
    dirs: &[],
    events: &[ev("UZB", "AFG", &["05"])],
    recs: &[
        Rec {
            recognizer: "UZB",
            government: "AFGGOVTAL",
            governed: "AFG",
            kind: "accepts_envoy",
            phrase: "accepted an ambassador sent by the Taliban-led government",
            current: false,
        },
        Rec {
            recognizer: "UZB",
            government: "AFGGOVTAL",
            governed: "AFG",
            kind: "formal_relations",
            phrase: "maintains formal relations with the Taliban administration",
            current: true,
        },
    ],
};

/// A plan is not a change: nothing enters the ledger until it happens.
const INTENTION: Case<'static> = Case {
    file: "intention.txt",
    date: "2024-02-13",
    dirs: &[],
    events: &[],
    recs: &[],
};

#[test]
fn intention_changes_nothing_ledger() {
    assert_case(&INTENTION, Part::Ledger);
}

#[test]
fn upgrade_of_a_mission_ledger() {
    assert_case(&UPGRADE, Part::Ledger);
}

#[test]
fn upgrade_of_a_mission_events() {
    assert_case(&UPGRADE, Part::Events);
}

#[test]
fn downgrade_of_a_mission_ledger() {
    assert_case(&DOWNGRADE, Part::Ledger);
}

#[test]
fn downgrade_of_a_mission_events() {
    assert_case(&DOWNGRADE, Part::Events);
}

#[test]
fn appointment_of_an_ambassador_ledger() {
    assert_case(&APPOINT, Part::Ledger);
}

#[test]
fn appointment_of_an_ambassador_events() {
    assert_case(&APPOINT, Part::Events);
}

#[test]
fn presentation_of_credentials_ledger() {
    assert_case(&CREDENTIALS, Part::Ledger);
}

#[test]
fn presentation_of_credentials_events() {
    assert_case(&CREDENTIALS, Part::Events);
}

#[test]
fn recall_of_an_ambassador_ledger() {
    assert_case(&RECALL, Part::Ledger);
}

#[test]
fn recall_of_an_ambassador_events() {
    assert_case(&RECALL, Part::Events);
}

#[test]
fn expulsion_of_an_ambassador_ledger() {
    assert_case(&EXPEL, Part::Ledger);
}

#[test]
fn expulsion_of_an_ambassador_events() {
    assert_case(&EXPEL, Part::Events);
}

#[test]
fn closure_of_an_embassy_ledger() {
    assert_case(&CLOSE, Part::Ledger);
}

#[test]
fn closure_of_an_embassy_events() {
    assert_case(&CLOSE, Part::Events);
}

#[test]
fn suspension_of_an_embassy_ledger() {
    assert_case(&SUSPEND, Part::Ledger);
}

#[test]
fn suspension_of_an_embassy_events() {
    assert_case(&SUSPEND, Part::Events);
}

#[test]
fn reopening_of_an_embassy_ledger() {
    assert_case(&REOPEN, Part::Ledger);
}

#[test]
fn reopening_of_an_embassy_events() {
    assert_case(&REOPEN, Part::Events);
}

#[test]
fn severing_of_relations_ledger() {
    assert_case(&SEVER, Part::Ledger);
}

#[test]
fn severing_of_relations_events() {
    assert_case(&SEVER, Part::Events);
}

#[test]
fn restoration_of_relations_ledger() {
    assert_case(&RESTORE, Part::Ledger);
}

#[test]
fn restoration_of_relations_events() {
    assert_case(&RESTORE, Part::Events);
}

#[test]
fn exchange_of_ambassadors_ledger() {
    assert_case(&EXCHANGE, Part::Ledger);
}

#[test]
fn exchange_of_ambassadors_events() {
    assert_case(&EXCHANGE, Part::Events);
}

#[test]
fn engagement_with_the_taliban_government_ledger() {
    assert_case(&TALIBAN, Part::Ledger);
}

#[test]
fn engagement_with_the_taliban_government_events() {
    assert_case(&TALIBAN, Part::Events);
}

// ---- one dyad over five years, ingested in any order ----

const SEQUENCE: [(&str, &str); 5] = [
    ("sequence/1_establish.txt", "2019-03-12"),
    ("sequence/2_appoint.txt", "2021-06-07"),
    ("sequence/3_recall.txt", "2023-09-21"),
    ("sequence/4_sever.txt", "2023-11-10"),
    ("sequence/5_restore.txt", "2024-05-15"),
];

/// Drop the keys that legitimately carry the time of ingestion (docs/json-changes.md:
/// `recorded_at`; `retracted_at` is set by an analyst's retraction).
fn without_ingestion_time(v: &mut Value) {
    match v {
        Value::Object(m) => {
            m.remove("recorded_at");
            m.remove("retracted_at");
            for x in m.values_mut() {
                without_ingestion_time(x);
            }
        }
        Value::Array(a) => a.iter_mut().for_each(without_ingestion_time),
        _ => {}
    }
}

struct Ledger {
    dyad: Value,
    relations: Value,
    changes: Value,
    events: Value,
}

fn ledger_after(order: &[usize], coded: &[(Article, CodedArticle)]) -> Ledger {
    let (_dir, mut store) = fresh_store();
    for &i in order {
        let (a, c) = &coded[i];
        assert_eq!(store.insert_article(a, c).unwrap(), InsertOutcome::New);
    }
    let mut l = Ledger {
        dyad: json(&store.dyad("PER", "GHA").unwrap()),
        relations: json(&store.relations("PER").unwrap()),
        changes: json(&store.changes(&ChangeFilter::default()).unwrap()),
        events: json(&store.events(&EventFilter::default()).unwrap()),
    };
    for v in [&mut l.dyad, &mut l.relations, &mut l.changes, &mut l.events] {
        without_ingestion_time(v);
    }
    // Events are listed in a stable order of the store, but the order of insertion is
    // not information: compare them as a set.
    if let Value::Array(a) = &mut l.events {
        a.sort_by_key(|e| e["id"].as_str().unwrap_or_default().to_string());
    }
    l
}

fn sequence_coded() -> Vec<(Article, CodedArticle)> {
    SEQUENCE.iter().map(|(f, d)| code(f, d)).collect()
}

#[test]
fn dyad_history_over_a_sequence_of_articles() {
    let coded = sequence_coded();
    let l = ledger_after(&[0, 1, 2, 3, 4], &coded);
    let dirs = l.dyad["directions"].as_array().unwrap();
    let per_gha = dirs.iter().find(|d| d["sender"] == "PER").unwrap();
    let gha_per = dirs.iter().find(|d| d["sender"] == "GHA").unwrap();
    let levels = |d: &Value| -> Vec<(String, String)> {
        let mut v = vec![(
            d["level"].as_str().unwrap_or("null").to_string(),
            d["since"].as_str().unwrap_or("null").to_string(),
        )];
        for h in d["history"].as_array().unwrap() {
            v.push((
                h["level"].as_str().unwrap_or("null").to_string(),
                h["since"].as_str().unwrap_or("null").to_string(),
            ));
        }
        v
    };
    let s = |a: &str, b: &str| (a.to_string(), b.to_string());
    assert_eq!(
        levels(per_gha),
        vec![
            s("other", "2024-05-15"),
            s("none", "2023-11-10"),
            s("charge_d_affaires", "2023-09-21"),
            s("ambassador", "2021-06-07"),
            s("other", "2019-03-12"),
        ],
        "PER→GHA: restored ← severed ← recalled ← ambassador appointed ← established; changes: {}",
        per_gha["changes"]
    );
    assert_eq!(
        levels(gha_per),
        vec![
            s("other", "2024-05-15"),
            s("none", "2023-11-10"),
            s("other", "2019-03-12"),
        ],
        "GHA→PER: restored ← severed ← established; changes: {}",
        gha_per["changes"]
    );
    // Each period's `until` is the next period's `since`.
    let hist = per_gha["history"].as_array().unwrap();
    assert_eq!(hist[0]["until"], "2024-05-15");
    assert_eq!(hist[3]["until"], "2021-06-07");
}

#[test]
fn out_of_order_ingestion_gives_the_same_ledger() {
    let coded = sequence_coded();
    let in_order = ledger_after(&[0, 1, 2, 3, 4], &coded);
    for order in [[4, 3, 2, 1, 0], [2, 4, 0, 3, 1], [1, 0, 4, 2, 3]] {
        let other = ledger_after(&order, &coded);
        assert_eq!(
            in_order.dyad, other.dyad,
            "dyad PER GHA differs for order {order:?}"
        );
        assert_eq!(
            in_order.relations, other.relations,
            "relations PER differs for order {order:?}"
        );
        assert_eq!(
            in_order.changes, other.changes,
            "changes differ for order {order:?}"
        );
        assert_eq!(
            in_order.events, other.events,
            "events differ for order {order:?}"
        );
    }
}

#[test]
fn reingesting_changes_nothing() {
    let coded = sequence_coded();
    let (_dir, mut store) = fresh_store();
    for (a, c) in &coded {
        assert_eq!(store.insert_article(a, c).unwrap(), InsertOutcome::New);
    }
    let snapshot = |store: &Store| {
        (
            json(&store.dyad("PER", "GHA").unwrap()),
            json(&store.relations("GHA").unwrap()),
            json(&store.changes(&ChangeFilter::default()).unwrap()),
            json(&store.events(&EventFilter::default()).unwrap()),
            store.event_count().unwrap(),
            store.article_count().unwrap(),
        )
    };
    let before = snapshot(&store);
    // Re-read and re-code from the file, then insert again, in another order.
    for (f, d) in SEQUENCE.iter().rev() {
        let (a, c) = code(f, d);
        assert_eq!(
            store.insert_article(&a, &c).unwrap(),
            InsertOutcome::AlreadyPresent
        );
    }
    let after = snapshot(&store);
    // Nothing is stored again, so even the recording times are the same.
    assert_eq!(before, after);
}
