//! JSON Lines: one article per line with the fields `id`, `url`, `title`, `published`,
//! `text`, `source`, `language`; other fields are kept as metadata. A bad line (not JSON,
//! truncated, no text) is reported with its line number and skipped.

use crate::{dates::normalise_date, finish, problem, ReadEvent, ReadOptions, Severity};
use attache_core::Article;
use serde_json::Value;

pub(crate) fn read(origin: &str, text: &str, opts: &ReadOptions, sink: &mut dyn FnMut(ReadEvent)) {
    for (i, line) in text.lines().enumerate() {
        let lineno = i + 1;
        if line.trim().is_empty() {
            continue;
        }
        let value: Value = match serde_json::from_str(line) {
            Ok(v) => v,
            Err(e) => {
                let what = if e.is_eof() {
                    "truncated JSON (the line ends early)"
                } else {
                    "not valid JSON"
                };
                sink(problem(
                    Severity::Error,
                    origin,
                    Some(lineno),
                    format!("{what}: {e}; fix or remove this line"),
                ));
                continue;
            }
        };
        let Value::Object(map) = value else {
            sink(problem(
                Severity::Error,
                origin,
                Some(lineno),
                "expected a JSON object per line".into(),
            ));
            continue;
        };
        let body = match map.get("text") {
            Some(Value::String(s)) if !s.trim().is_empty() => s.clone(),
            Some(Value::String(_)) => {
                sink(problem(
                    Severity::Note,
                    origin,
                    Some(lineno),
                    "empty \"text\", skipped".into(),
                ));
                continue;
            }
            _ => {
                sink(problem(
                    Severity::Error,
                    origin,
                    Some(lineno),
                    "no \"text\" field (a string with the article body is required)".into(),
                ));
                continue;
            }
        };
        let mut article = Article::new(format!("{origin}:{lineno}"), body);
        for (key, v) in map {
            let s = match v {
                Value::String(s) => s,
                Value::Null => continue,
                other => other.to_string(),
            };
            match key.as_str() {
                "text" => {}
                "id" => article.external_id = Some(s),
                "url" => article.url = Some(s),
                "title" => article.title = Some(s),
                "source" => article.source = Some(s),
                "language" | "lang" => article.language = Some(s),
                "published" | "date" | "published_at" => match normalise_date(&s) {
                    Some(d) => article.published = Some(d),
                    None => {
                        sink(problem(
                            Severity::Warning,
                            origin,
                            Some(lineno),
                            format!("unrecognised date {s:?} in \"{key}\"; the article is left undated unless --date is given"),
                        ));
                        article.metadata.insert(key, s);
                    }
                },
                _ => {
                    article.metadata.insert(key, s);
                }
            }
        }
        sink(ReadEvent::Article(Box::new(finish(article, opts))));
    }
}
