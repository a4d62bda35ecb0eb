//! Reader for PETRARCH/TABARI actor and agent dictionaries, the event-data field's de
//! facto format, so users can load theirs alongside or instead of ours.
//!
//! Why a tolerant line reader: these files are hand-edited over decades and contain
//! typos (seven-digit dates, stray `+`, unbalanced brackets). A bad line must cost that
//! line only: it is reported as a warning with file:line and reading goes on.
//!
//! Supported: `#` and `;` comments, `<!-- … -->` comment blocks, primary phrases with an
//! optional `[CODE]`, `+` synonyms, tab-indented `[CODE <DATE|>DATE|DATE-DATE]`
//! restrictions (YYYYMMDD or YYMMDD; YY < 30 is 20YY), `_` and blanks as word joins,
//! a trailing `_` (no stemming; we never stem). A primary phrase with no code, no
//! synonyms and no restrictions that is directly followed by another primary phrase is
//! read as a synonym of that phrase (Phoenix writes `UN_ [IGOUNO]` / `U.N._` /
//! `UN_SECRETARY_GENERAL … [IGOUNO]` this way). Agents: `PHRASE {PLURAL} [~CODE]` or
//! `[CODE~]`, `{}` for no plural, regular plurals otherwise, `!MARKER! = a, b`
//! substitution sets. Not supported (documented in docs/actors.md): stems (words
//! without a trailing `_` match only as whole words) and gaps between blank-separated
//! agent words (read as consecutive).

use crate::check::{Problem, ProblemKind};
use crate::lexicon::{warn, NO_PLURAL};
use crate::model::{Agent, Origin, Period, PetrActor};
use attache_core::date::days_in_month;
use attache_core::FuzzyDate;
use std::collections::HashMap;

/// Strip comments; `in_block` tracks `<!-- … -->` blocks across lines.
fn strip_comment(line: &str, in_block: &mut bool) -> String {
    let mut s = line.to_string();
    if *in_block {
        match s.find("-->") {
            Some(i) => {
                *in_block = false;
                s = s[i + 3..].to_string();
            }
            None => return String::new(),
        }
    }
    while let Some(i) = s.find("<!--") {
        match s[i..].find("-->") {
            Some(j) => s = format!("{}{}", &s[..i], &s[i + j + 3..]),
            None => {
                *in_block = true;
                s.truncate(i);
            }
        }
    }
    if let Some(i) = s.find('#') {
        s.truncate(i);
    }
    if let Some(i) = s.find(';') {
        s.truncate(i);
    }
    s
}

/// A phrase string as written (`AFGHAN_`, `U.N._SECRETARY_GENERAL`) → words with spaces.
fn phrase_text(p: &str) -> String {
    p.replace('_', " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Parse a TABARI date: YYYYMMDD or YYMMDD.
fn parse_tdate(s: &str) -> Option<FuzzyDate> {
    if !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let (y, rest) = match s.len() {
        8 => (s[..4].parse::<i32>().ok()?, &s[4..]),
        6 => {
            let yy: i32 = s[..2].parse().ok()?;
            (if yy < 30 { 2000 + yy } else { 1900 + yy }, &s[2..])
        }
        _ => return None,
    };
    let m: u8 = rest[..2].parse().ok()?;
    let d: u8 = rest[2..].parse().ok()?;
    if !(1..=12).contains(&m) || d == 0 || d > days_in_month(y, m) {
        return None;
    }
    Some(FuzzyDate::day(y, m, d))
}

/// The day after `d` (TABARI limits are inclusive; our `until` is exclusive).
fn next_day(d: FuzzyDate) -> FuzzyDate {
    if d.day < days_in_month(d.year, d.month) {
        FuzzyDate::day(d.year, d.month, d.day + 1)
    } else if d.month < 12 {
        FuzzyDate::day(d.year, d.month + 1, 1)
    } else {
        FuzzyDate::day(d.year + 1, 1, 1)
    }
}

/// Parse the inside of `[...]`: `CODE`, `CODE <DATE`, `CODE >DATE`, `CODE D1-D2`.
fn parse_bracket(inner: &str) -> Result<(String, Period), String> {
    let mut parts = inner.split_whitespace();
    let code = parts.next().ok_or("empty code `[]`")?.to_string();
    let Some(r) = parts.next() else {
        return Ok((code, Period::default()));
    };
    let bad =
        || format!("date restriction {r:?} is not <DATE, >DATE or DATE-DATE (YYYYMMDD or YYMMDD)");
    let p = if let Some(d) = r.strip_prefix('<') {
        Period {
            from: None,
            until: Some(parse_tdate(d).ok_or_else(bad)?),
        }
    } else if let Some(d) = r.strip_prefix('>') {
        Period {
            from: Some(next_day(parse_tdate(d).ok_or_else(bad)?)),
            until: None,
        }
    } else if let Some((a, b)) = r.split_once('-') {
        let a = parse_tdate(a).ok_or_else(bad)?;
        let b = parse_tdate(b).ok_or_else(bad)?;
        Period {
            from: Some(a),
            until: Some(next_day(b)),
        }
    } else {
        return Err(bad());
    };
    Ok((code, p))
}

/// Split `PHRASE [CODE ...] rest` into phrase and optional bracket content.
fn split_code(s: &str) -> Result<(String, Option<String>), String> {
    match s.find('[') {
        None => Ok((s.trim().to_string(), None)),
        Some(i) => {
            let j = s[i..].find(']').ok_or("`[` without `]`")? + i;
            Ok((
                s[..i].trim().to_string(),
                Some(s[i + 1..j].trim().to_string()),
            ))
        }
    }
}

/// Read an actor dictionary. Returns the entries and warnings for skipped lines.
pub fn parse_actors(file: &str, text: &str) -> (Vec<PetrActor>, Vec<Problem>) {
    let mut out: Vec<PetrActor> = Vec::new();
    let mut warns = Vec::new();
    let mut in_block = false;
    let mut cur: Option<PetrActor> = None;
    // Codeless primaries waiting to join the next entry.
    let mut pending: Vec<String> = Vec::new();
    let w = |warns: &mut Vec<Problem>, line: usize, m: String| {
        warns.push(warn(ProblemKind::MalformedLine, file, line, m));
    };
    for (ln, raw) in text.lines().enumerate() {
        let line_no = ln + 1;
        let indented = raw.starts_with('\t') || raw.starts_with(' ');
        let s = strip_comment(raw, &mut in_block);
        let t = s.trim();
        if t.is_empty() {
            continue;
        }
        if t.starts_with('[') || (indented && t.contains('[')) {
            let Some(c) = cur.as_mut() else {
                w(
                    &mut warns,
                    line_no,
                    "date restriction before any actor phrase; skipped".into(),
                );
                continue;
            };
            match split_code(t).and_then(|(_, b)| parse_bracket(&b.unwrap_or_default())) {
                Ok((code, p)) if p.is_open() => c.default_code = Some(code),
                Ok((code, p)) => c.restrictions.push((code, p)),
                Err(m) => w(&mut warns, line_no, m),
            }
            continue;
        }
        if let Some(syn) = t.strip_prefix('+') {
            let Some(c) = cur.as_mut() else {
                w(
                    &mut warns,
                    line_no,
                    "synonym `+…` before any actor phrase; skipped".into(),
                );
                continue;
            };
            match split_code(syn) {
                Ok((ph, _)) if !phrase_text(&ph).is_empty() => c.phrases.push(phrase_text(&ph)),
                Ok(_) => w(&mut warns, line_no, "empty synonym; skipped".into()),
                Err(m) => w(&mut warns, line_no, m),
            }
            continue;
        }
        // A new primary phrase.
        if let Some(c) = cur.take() {
            if c.default_code.is_none() && c.restrictions.is_empty() && c.phrases.len() == 1 {
                pending.extend(c.phrases);
            } else {
                out.push(c);
            }
        }
        match split_code(t) {
            Ok((ph, code)) => {
                let ph = phrase_text(&ph);
                if ph.is_empty() {
                    w(
                        &mut warns,
                        line_no,
                        "actor line without a phrase; skipped".into(),
                    );
                    continue;
                }
                let mut e = PetrActor {
                    phrases: std::mem::take(&mut pending),
                    default_code: None,
                    restrictions: vec![],
                    origin: Origin {
                        file: file.into(),
                        line: line_no,
                    },
                };
                e.phrases.insert(0, ph);
                if let Some(b) = code {
                    match parse_bracket(&b) {
                        Ok((code, p)) if p.is_open() => e.default_code = Some(code),
                        Ok((code, p)) => e.restrictions.push((code, p)),
                        Err(m) => w(&mut warns, line_no, m),
                    }
                }
                cur = Some(e);
            }
            Err(m) => w(&mut warns, line_no, m),
        }
    }
    if let Some(c) = cur.take() {
        out.push(c);
    }
    (out, warns)
}

/// Read an agent dictionary. Each line becomes one [`Agent`] (its words are the
/// phrase and its plural forms).
pub fn parse_agents(file: &str, text: &str) -> (Vec<Agent>, Vec<Problem>) {
    let mut out = Vec::new();
    let mut warns = Vec::new();
    let mut in_block = false;
    let mut subst: HashMap<String, Vec<String>> = HashMap::new();
    for (ln, raw) in text.lines().enumerate() {
        let line_no = ln + 1;
        let s = strip_comment(raw, &mut in_block);
        let t = s.trim();
        if t.is_empty() {
            continue;
        }
        // Substitution set: !NAME! = A, B, C
        if t.starts_with('!') && t.contains('=') && !t.contains('[') {
            let (k, v) = t.split_once('=').unwrap_or((t, ""));
            let items: Vec<String> = v
                .split(',')
                .map(|x| x.trim().to_string())
                .filter(|x| !x.is_empty())
                .collect();
            subst.insert(k.trim().to_string(), items);
            continue;
        }
        let Some(open) = t.find('[') else {
            warns.push(warn(
                ProblemKind::MalformedLine,
                file,
                line_no,
                "agent line without `[code]`; skipped".into(),
            ));
            continue;
        };
        let Some(close) = t[open..].find(']').map(|j| j + open) else {
            warns.push(warn(
                ProblemKind::MalformedLine,
                file,
                line_no,
                "`[` without `]`; skipped".into(),
            ));
            continue;
        };
        let code = t[open + 1..close].trim().replace('~', "");
        if code.is_empty() {
            warns.push(warn(
                ProblemKind::MalformedLine,
                file,
                line_no,
                "empty agent code; skipped".into(),
            ));
            continue;
        }
        let head = &t[..open];
        let (phrase, plural) = match head.find('{') {
            Some(i) => {
                let j = head[i..].find('}').map(|j| j + i).unwrap_or(head.len());
                (
                    head[..i].trim().to_string(),
                    Some(head[i + 1..j].trim().to_string()),
                )
            }
            None => (head.trim().to_string(), None),
        };
        if phrase.is_empty() {
            warns.push(warn(
                ProblemKind::MalformedLine,
                file,
                line_no,
                "agent line without a phrase; skipped".into(),
            ));
            continue;
        }
        // Expand substitution markers (no plural for expanded forms).
        let mut phrases = vec![phrase.clone()];
        let mut expanded = false;
        for (k, vals) in &subst {
            if phrase.contains(k.as_str()) {
                phrases = phrases
                    .iter()
                    .flat_map(|p| vals.iter().map(move |v| p.replace(k.as_str(), v)))
                    .collect();
                expanded = true;
            }
        }
        if phrases.iter().any(|p| p.contains('!')) {
            warns.push(warn(
                ProblemKind::MalformedLine,
                file,
                line_no,
                format!("unknown substitution marker in {phrase:?}; skipped"),
            ));
            continue;
        }
        let mut words = Vec::new();
        for p in phrases {
            let base = phrase_text(&p);
            match (&plural, expanded) {
                (_, true) | (Some(_), _) => words.push(format!("{base}{NO_PLURAL}")),
                (None, false) => words.push(base),
            }
            if let Some(pl) = &plural {
                if !pl.is_empty() {
                    for x in pl.split_whitespace() {
                        words.push(format!("{}{NO_PLURAL}", phrase_text(x)));
                    }
                }
            }
        }
        let sector: String = code.chars().take(3).collect();
        out.push(Agent {
            sector,
            code: Some(code),
            words,
            origin: Origin {
                file: file.into(),
                line: line_no,
            },
        });
    }
    (out, warns)
}

#[cfg(test)]
mod tests {
    use super::*;

    const ACTORS: &str = "# comment\n\
AFGHANISTAN_  [AFG]\n\
+AFGHAN_ \n\
+KABUL_\n\
MOHAMMAD_ZAHIR_SHAH_  ; CountryInfo.txt\n\
\t[AFGELI 320101-331108]\n\
\t[AFGGOV 331108-730717]\n\
UN_ [IGOUNO]\n\
U.N._\n\
UN_SECRETARY_GENERAL\n\
\t[IGOUNO]\n\
BROKEN [XXX 2004017-20061201]\n\
+\n\
<!-- a comment\n spanning lines -->\n\
JAMES_BYRNES_\n\
\t[USAELI 18970101-450703]\n\
\t[USAGOV 450703-470121]\n";

    #[test]
    fn actors_with_dates_synonyms_and_bad_lines() {
        let (e, w) = parse_actors("t.txt", ACTORS);
        assert_eq!(e[0].phrases, ["AFGHANISTAN", "AFGHAN", "KABUL"]);
        assert_eq!(e[0].default_code.as_deref(), Some("AFG"));
        let zs = &e[1];
        assert_eq!(zs.code_at(FuzzyDate::parse("1950-01-01")), Some("AFGGOV"));
        assert_eq!(zs.code_at(FuzzyDate::parse("1932-06-01")), Some("AFGELI"));
        assert_eq!(zs.code_at(FuzzyDate::parse("1990-01-01")), None);
        // The codeless "U.N." joins the following entry.
        let un = e
            .iter()
            .find(|x| x.phrases.contains(&"UN SECRETARY GENERAL".to_string()))
            .unwrap();
        assert!(un.phrases.contains(&"U.N.".to_string()));
        let jb = e.last().unwrap();
        assert_eq!(jb.code_at(FuzzyDate::parse("1946-01-01")), Some("USAGOV"));
        assert_eq!(jb.origin.line, 16);
        // The seven-digit date and the empty synonym are reported with their lines.
        let lines: Vec<usize> = w.iter().map(|p| p.origin.as_ref().unwrap().line).collect();
        assert_eq!(lines, [12, 13], "{w:?}");
    }

    #[test]
    fn agents_plurals_and_substitutions() {
        let t = "!PERSON! = MAN, MEN\nCONGRESS!PERSON! [~LEG]\nAMBASSADOR [~GOV] # x\nATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOVATG]\nHUMAN_RIGHTS_BODY  [NGO~]\nNO CODE HERE\n";
        let (a, w) = parse_agents("a.txt", t);
        assert_eq!(a.len(), 4);
        assert_eq!(a[0].words.len(), 2);
        assert_eq!(a[1].words, ["AMBASSADOR"]);
        assert_eq!(a[2].sector, "GOV");
        assert_eq!(a[2].code.as_deref(), Some("GOVATG"));
        assert_eq!(a[3].sector, "NGO");
        assert_eq!(w.len(), 1);
        assert_eq!(w[0].origin.as_ref().unwrap().line, 6);
    }

    #[test]
    fn dates() {
        assert_eq!(parse_tdate("450703"), FuzzyDate::parse("1945-07-03"));
        assert_eq!(parse_tdate("070723"), FuzzyDate::parse("2007-07-23"));
        assert_eq!(parse_tdate("20061231"), FuzzyDate::parse("2006-12-31"));
        assert!(parse_tdate("2004017").is_none());
        assert_eq!(
            next_day(FuzzyDate::day(2006, 12, 31)),
            FuzzyDate::day(2007, 1, 1)
        );
    }
}
