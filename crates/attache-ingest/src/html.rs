//! HTML pages: the main text is extracted by `dom_smoothie` (a port of Mozilla's
//! readability.js, so navigation, ads and footers are dropped); title and publication
//! date come from the usual meta tags.

use crate::{dates::normalise_date, finish, problem, ReadEvent, ReadOptions, Severity};
use attache_core::Article;
use dom_smoothie::{Config, Readability, TextMode};

pub(crate) fn read(origin: &str, html: &str, opts: &ReadOptions, sink: &mut dyn FnMut(ReadEvent)) {
    let cfg = Config {
        text_mode: TextMode::Formatted,
        ..Default::default()
    };
    let parsed = Readability::new(html, None, Some(cfg)).and_then(|mut r| r.parse());
    let page = match parsed {
        Ok(p) => p,
        Err(e) => {
            sink(problem(
                Severity::Error,
                origin,
                None,
                format!("no article text found in this HTML page ({e}); is it an article page?"),
            ));
            return;
        }
    };
    let text = tidy(&page.text_content);
    if text.is_empty() {
        sink(problem(
            Severity::Note,
            origin,
            None,
            "HTML page has no article text, skipped".into(),
        ));
        return;
    }
    let mut article = Article::new(origin, text);
    let title = page.title.trim();
    if !title.is_empty() {
        article.title = Some(title.to_string());
    }
    article.source = page.site_name.clone().filter(|s| !s.trim().is_empty());
    article.language = page.lang.clone().filter(|s| !s.trim().is_empty());
    article.published = page
        .published_time
        .as_deref()
        .and_then(normalise_date)
        .or_else(|| meta_date(html));
    if let Some(url) = meta_content(html, "og:url") {
        article.url = Some(url);
    }
    sink(ReadEvent::Article(Box::new(finish(article, opts))));
}

/// Collapse runs of spaces within lines and runs of blank lines, keep paragraph breaks.
fn tidy(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for para in s
        .split('\n')
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
    {
        if para.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        out.push_str(&para);
    }
    out
}

/// Publication date from meta tags readability did not use.
fn meta_date(html: &str) -> Option<String> {
    for key in [
        "article:published_time",
        "og:published_time",
        "datePublished",
        "date",
        "pubdate",
        "DC.date.issued",
        "publish-date",
    ] {
        if let Some(v) = meta_content(html, key).and_then(|v| normalise_date(&v)) {
            return Some(v);
        }
    }
    // <time datetime="…">
    let lower = html.to_ascii_lowercase();
    let i = lower.find("<time")?;
    let tag_end = lower[i..].find('>')? + i;
    attr(&html[i..tag_end], "datetime").and_then(|v| normalise_date(&v))
}

/// The `content` of the first `<meta>` whose `property`, `name` or `itemprop` is `key`.
fn meta_content(html: &str, key: &str) -> Option<String> {
    let lower = html.to_ascii_lowercase();
    let key_l = key.to_ascii_lowercase();
    let mut from = 0;
    while let Some(i) = lower[from..].find("<meta") {
        let start = from + i;
        let end = lower[start..].find('>').map(|e| start + e)?;
        let tag = &html[start..end];
        let matches = ["property", "name", "itemprop"]
            .iter()
            .any(|a| attr(tag, a).is_some_and(|v| v.to_ascii_lowercase() == key_l));
        if matches {
            if let Some(c) = attr(tag, "content") {
                return Some(c);
            }
        }
        from = end;
    }
    None
}

fn attr(tag: &str, name: &str) -> Option<String> {
    let lower = tag.to_ascii_lowercase();
    let mut from = 0;
    while let Some(i) = lower[from..].find(name) {
        let at = from + i;
        from = at + name.len();
        let before_ok = at == 0 || lower.as_bytes()[at - 1].is_ascii_whitespace();
        let rest = lower[from..].trim_start();
        if !before_ok || !rest.starts_with('=') {
            continue;
        }
        let vstart = tag.len() - rest.len() + 1;
        let v = tag[vstart..].trim_start();
        let q = v.chars().next()?;
        return if q == '"' || q == '\'' {
            v[1..].find(q).map(|e| v[1..1 + e].to_string())
        } else {
            Some(
                v.split(|c: char| c.is_whitespace() || c == '>')
                    .next()
                    .unwrap_or("")
                    .to_string(),
            )
        };
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meta_lookup() {
        let html = r#"<head><meta property="article:published_time" content="2025-05-30T10:00:00Z"><meta name="x" content='y'></head>"#;
        assert_eq!(meta_date(html).as_deref(), Some("2025-05-30"));
        assert_eq!(meta_content(html, "x").as_deref(), Some("y"));
        assert_eq!(meta_content(html, "missing"), None);
        assert_eq!(
            meta_date(r#"<time datetime="2024-01-02">Jan 2</time>"#).as_deref(),
            Some("2024-01-02")
        );
    }
}
