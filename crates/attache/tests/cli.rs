//! The command line end to end: exit codes, ingestion and re-ingestion, refusal of
//! foreign stores, interruption and resumption, and snapshots of user-visible output.

use assert_cmd::Command;
use predicates::prelude::*;
use std::path::{Path, PathBuf};

fn attache() -> Command {
    let mut c = Command::cargo_bin("attache").unwrap();
    c.env_remove("ATTACHE_DB");
    c
}

fn examples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples")
}

fn json_of(out: &[u8]) -> serde_json::Value {
    serde_json::from_slice(out)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(out)))
}

#[test]
fn help_and_usage_errors() {
    attache()
        .arg("--help")
        .assert()
        .success()
        .stdout(predicate::str::contains("ingest"));
    attache()
        .args(["ingest", "--help"])
        .assert()
        .success()
        .stdout(predicate::str::contains("--db"));
    attache().arg("no-such-command").assert().code(2);
    attache().args(["ingest"]).assert().code(2);
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a.db");
    attache()
        .args(["ingest", "x.txt", "--date", "30/05/2025", "--db"])
        .arg(&db)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--date"));
    assert!(!db.exists(), "a usage error must not create the store");
}

#[test]
fn ingest_twice_changes_nothing_the_second_time() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.db");
    let first = attache()
        .arg("ingest")
        .arg(examples())
        .arg("--db")
        .arg(&db)
        .args(["--format", "json"])
        .assert()
        .success();
    let a = json_of(&first.get_output().stdout);
    assert!(a["new"].as_u64().unwrap() >= 5, "{a}");
    assert_eq!(a["present"], 0);
    assert_eq!(a["failed"], 0);
    assert!(a["sentences"].as_u64().unwrap() > 20);
    let second = attache()
        .arg("ingest")
        .arg(examples())
        .arg("--db")
        .arg(&db)
        .args(["--format", "json"])
        .assert()
        .success();
    let b = json_of(&second.get_output().stdout);
    assert_eq!(b["new"], 0);
    assert_eq!(b["present"], a["new"]);
    assert_eq!(b["events"], 0);
}

#[test]
fn recode_replaces_what_an_older_coder_stored_and_keeps_it() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("r.db");
    attache()
        .arg("ingest")
        .arg(examples())
        .arg("--db")
        .arg(&db)
        .assert()
        .success();
    // Nothing changed since ingestion: re-coding writes nothing.
    let out = attache()
        .args(["recode", "--format", "json", "--db"])
        .arg(&db)
        .assert()
        .success();
    let v = json_of(&out.get_output().stdout);
    assert_eq!(v["recoded"], 0, "{v}");
    let articles = v["articles"].as_u64().unwrap();
    assert!(articles >= 5, "{v}");
    let events = v["events_after"].as_u64().unwrap();

    // Play an older coder that found fewer events in one article.
    let (article, lost): (String, i64) = {
        let c = rusqlite::Connection::open(&db).unwrap();
        let article: String = c
            .query_row(
                "SELECT article_id FROM events GROUP BY article_id ORDER BY count(*) DESC LIMIT 1",
                [],
                |r| r.get(0),
            )
            .unwrap();
        let lost = c
            .execute(
                "DELETE FROM events WHERE article_id = ?1 AND n > 0",
                [&article],
            )
            .unwrap() as i64;
        c.execute(
            "UPDATE articles SET coder = 'attache 0.0.1' WHERE id = ?1",
            [&article],
        )
        .unwrap();
        (article, lost)
    };
    assert!(lost > 0);

    // A dry run counts without writing; the real run restores the events.
    let dry = attache()
        .args(["recode", "--dry-run", "--format", "json", "--db"])
        .arg(&db)
        .assert()
        .success();
    let v = json_of(&dry.get_output().stdout);
    assert_eq!(v["recoded"], 1, "{v}");
    assert_eq!(v["events_before"].as_u64().unwrap(), events - lost as u64);
    let out = attache()
        .args(["recode", "--format", "json", "--db"])
        .arg(&db)
        .assert()
        .success();
    let v = json_of(&out.get_output().stdout);
    assert_eq!(v["recoded"], 1, "{v}");
    assert_eq!(v["events_after"].as_u64().unwrap(), events);
    let c = rusqlite::Connection::open(&db).unwrap();
    let n: i64 = c
        .query_row("SELECT count(*) FROM events", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n as u64, events);
    // The old rows are kept, with the coder that wrote them.
    let (old_coder, rows): (String, String) = c
        .query_row(
            "SELECT coder, rows FROM superseded_codings WHERE article_id = ?1",
            [&article],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(old_coder, "attache 0.0.1");
    assert_eq!(
        json_of(rows.as_bytes())["events"].as_array().unwrap().len(),
        1
    );

    // A missing store is an error that says what to do.
    attache()
        .args(["recode", "--db"])
        .arg(dir.path().join("none.db"))
        .assert()
        .code(1)
        .stderr(predicate::str::contains("no store at"));
}

#[test]
fn bad_records_are_reported_with_file_and_line_and_the_run_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.jsonl");
    std::fs::write(
        &input,
        "{\"id\": \"1\", \"text\": \"Peru and Chile held talks on Monday.\", \"published\": \"2024-01-01\"}\n{\"id\": \"2\", \"text\": \"trunc\n\n{\"id\": \"3\", \"text\": \"Chile and Peru signed an accord.\"}\n",
    )
    .unwrap();
    let out = attache()
        .arg("ingest")
        .arg(&input)
        .arg("--db")
        .arg(dir.path().join("s.db"))
        .args(["--format", "json"])
        .assert()
        .success();
    let s = json_of(&out.get_output().stdout);
    assert_eq!(
        (s["new"].as_u64(), s["failed"].as_u64()),
        (Some(2), Some(1))
    );
    let stderr = String::from_utf8_lossy(&out.get_output().stderr);
    assert!(stderr.contains("in.jsonl:2:"), "{stderr}");
}

#[test]
fn a_foreign_file_is_refused_and_left_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("notes.db");
    let content = b"These are my notes, not a database.\n".repeat(100);
    std::fs::write(&db, &content).unwrap();
    attache()
        .arg("ingest")
        .arg(examples())
        .arg("--db")
        .arg(&db)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("notes.db"));
    assert_eq!(std::fs::read(&db).unwrap(), content);
    attache()
        .arg("events")
        .arg("--db")
        .arg(&db)
        .assert()
        .code(1);
    assert_eq!(std::fs::read(&db).unwrap(), content);
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(
        names.len(),
        1,
        "no side files next to a foreign file: {names:?}"
    );
}

#[test]
fn queries_on_a_missing_store_say_what_to_do() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("none.db");
    attache()
        .arg("events")
        .arg("--db")
        .arg(&db)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("ingest articles first"));
    assert!(!db.exists());
}

#[test]
fn listings_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.db");
    attache()
        .arg("ingest")
        .arg(examples())
        .arg("--db")
        .arg(&db)
        .assert()
        .success();
    for (fmt, check) in [
        (
            "json",
            (|s: &str| serde_json::from_str::<serde_json::Value>(s).is_ok()) as fn(&str) -> bool,
        ),
        ("jsonl", |s: &str| {
            s.lines()
                .all(|l| serde_json::from_str::<serde_json::Value>(l).is_ok())
        }),
        ("csv", |s: &str| {
            s.starts_with("id,article_id,sentence,date")
        }),
        ("tsv", |s: &str| {
            s.starts_with("id\tarticle_id\tsentence\tdate")
        }),
        ("table", |s: &str| s.starts_with("DATE")),
    ] {
        let out = attache()
            .args(["events", "--format", fmt])
            .arg("--db")
            .arg(&db)
            .assert()
            .success();
        let text = String::from_utf8_lossy(&out.get_output().stdout).to_string();
        assert!(check(&text), "events --format {fmt}:\n{text}");
    }
    for cmd in [
        vec!["changes"],
        vec!["relations", "AFG"],
        vec!["dyad", "SAU", "IRN"],
    ] {
        let out = attache()
            .args(&cmd)
            .args(["--format", "json"])
            .arg("--db")
            .arg(&db)
            .assert()
            .success();
        json_of(&out.get_output().stdout);
    }
}

#[test]
fn interrupted_ingestion_resumes_to_the_same_result() {
    let dir = tempfile::tempdir().unwrap();
    // Many small articles so the kill lands mid-run.
    let input = dir.path().join("many.jsonl");
    let countries = [
        "Chile", "Peru", "Ghana", "Togo", "Laos", "Fiji", "Samoa", "Kenya", "Nepal", "Oman",
    ];
    let mut lines = String::new();
    for i in 0..1500 {
        let (a, b) = (countries[i % 10], countries[(i / 10 + 1 + i % 10) % 10]);
        lines.push_str(&format!(
            "{{\"id\": \"n{i}\", \"published\": \"2024-02-{:02}\", \"text\": \"{a} and {b} held talks on trade on Monday, report {i} said. {a} praised {b}.\"}}\n",
            1 + i % 28
        ));
    }
    std::fs::write(&input, lines).unwrap();
    let db = dir.path().join("s.db");
    let bin = assert_cmd::cargo::cargo_bin("attache");
    let mut child = std::process::Command::new(&bin)
        .arg("ingest")
        .arg(&input)
        .arg("--db")
        .arg(&db)
        .args(["--threads", "1"])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    // Wait until some articles are committed, then kill -9.
    let start = std::time::Instant::now();
    loop {
        std::thread::sleep(std::time::Duration::from_millis(50));
        let n = count_articles(&db);
        if n > 0 || start.elapsed().as_secs() > 60 {
            break;
        }
    }
    child.kill().unwrap();
    child.wait().unwrap();
    let partial = count_articles(&db);
    let out = attache()
        .arg("ingest")
        .arg(&input)
        .arg("--db")
        .arg(&db)
        .args(["--format", "json"])
        .assert()
        .success();
    let s = json_of(&out.get_output().stdout);
    assert_eq!(
        s["new"].as_u64().unwrap() + s["present"].as_u64().unwrap(),
        1500
    );
    assert_eq!(s["present"].as_u64().unwrap(), partial);
    assert_eq!(count_articles(&db), 1500);
    // The resumed store has the same events as a clean run.
    let clean = dir.path().join("clean.db");
    attache()
        .arg("ingest")
        .arg(&input)
        .arg("--db")
        .arg(&clean)
        .assert()
        .success();
    let ev = |p: &Path| {
        let o = attache()
            .args(["events", "--format", "jsonl"])
            .arg("--db")
            .arg(p)
            .assert()
            .success();
        let mut ids: Vec<String> = String::from_utf8_lossy(&o.get_output().stdout)
            .lines()
            .map(str::to_string)
            .collect();
        ids.sort();
        ids
    };
    assert_eq!(ev(&db), ev(&clean));
}

/// Articles in a store, read without writing (0 when it does not exist yet).
fn count_articles(db: &Path) -> u64 {
    if !db.exists() {
        return 0;
    }
    let uri = format!("file:{}?mode=ro", db.display());
    let Ok(conn) = rusqlite::Connection::open_with_flags(
        &uri,
        rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY | rusqlite::OpenFlags::SQLITE_OPEN_URI,
    ) else {
        return 0;
    };
    conn.query_row("SELECT count(*) FROM articles", [], |r| r.get::<_, i64>(0))
        .map_or(0, |n| n as u64)
}

#[test]
fn snapshot_of_usage_error_messages() {
    let out = attache()
        .args(["events", "--dyad", "PAK", "--db", "x.db"])
        .assert()
        .code(2);
    insta::assert_snapshot!(
        "dyad_usage",
        String::from_utf8_lossy(&out.get_output().stderr)
    );
    let out = attache()
        .args([
            "ledger",
            "set",
            "PAK",
            "AFG",
            "consul",
            "--since",
            "2025-05-30",
            "--source",
            "x",
            "--db",
            "x.db",
        ])
        .assert()
        .code(2);
    insta::assert_snapshot!(
        "level_usage",
        String::from_utf8_lossy(&out.get_output().stderr)
    );
}

/// `eval events --second`: a second annotation is scored against the gold on the
/// sentences both annotate, with no story corpus needed; an annotation of other
/// sentences, or a broken line, is an error that names the file.
#[test]
fn eval_events_scores_a_second_annotation_as_agreement() {
    let dir = tempfile::tempdir().unwrap();
    let gold = dir.path().join("gold.jsonl");
    let second = dir.path().join("second.jsonl");
    std::fs::write(
        &gold,
        concat!(
            r#"{"story":"1","start":0,"end":10,"split":"dev","events":[{"source":"PAK","target":"AFG","cameo":"112"}]}"#,
            "\n",
            r#"{"story":"1","start":11,"end":20,"split":"dev","events":[]}"#,
            "\n",
            r#"{"story":"2","start":0,"end":9,"split":"test","events":[{"source":"USA","target":"IRN","cameo":"130"}]}"#,
            "\n"
        ),
    )
    .unwrap();
    std::fs::write(
        &second,
        concat!(
            r#"{"story":"1","start":0,"end":10,"split":"dev","events":[{"source":"PAK","target":"AFG","cameo":"111"}]}"#,
            "\n",
            r#"{"story":"1","start":11,"end":20,"split":"dev","events":[{"source":"AFG","target":"PAK","cameo":"016"}]}"#,
            "\n"
        ),
    )
    .unwrap();
    let out = attache()
        .args([
            "eval",
            "events",
            "--format",
            "json",
            "--corpus",
            "/nonexistent",
        ])
        .arg("--gold")
        .arg(&gold)
        .arg("--second")
        .arg(&second)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v = json_of(&out.stdout);
    // Story 2 was not annotated twice, so only story 1's two sentences count.
    assert_eq!(v["sentences"], 2);
    assert_eq!(v["triples"]["tp"], 1);
    assert_eq!(v["triples"]["fp"], 1);
    assert_eq!(v["triples"]["fn"], 0);
    std::fs::write(
        &second,
        r#"{"story":"9","start":0,"end":10,"split":"dev","events":[]}"#,
    )
    .unwrap();
    attache()
        .args(["eval", "events", "--gold"])
        .arg(&gold)
        .arg("--second")
        .arg(&second)
        .assert()
        .failure()
        .stderr(predicate::str::contains("annotates none of the sentences"));
    std::fs::write(&second, "{not json\n").unwrap();
    attache()
        .args(["eval", "events", "--gold"])
        .arg(&gold)
        .arg("--second")
        .arg(&second)
        .assert()
        .failure()
        .stderr(predicate::str::contains("second.jsonl"));
}
