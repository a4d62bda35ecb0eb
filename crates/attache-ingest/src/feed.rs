//! RSS and Atom feed files, parsed by `feed-rs`: one article per item, with its title,
//! link, publication (else update) date, and text from its content or summary.

use crate::{finish, problem, ReadEvent, ReadOptions, Severity};
use attache_core::Article;

pub(crate) fn read(origin: &str, xml: &str, opts: &ReadOptions, sink: &mut dyn FnMut(ReadEvent)) {
    let feed = match feed_rs::parser::parse(xml.as_bytes()) {
        Ok(f) => f,
        Err(e) => {
            sink(problem(
                Severity::Error,
                origin,
                None,
                format!("not a readable RSS or Atom feed: {e}"),
            ));
            return;
        }
    };
    let source = feed
        .title
        .as_ref()
        .map(|t| t.content.trim().to_string())
        .filter(|s| !s.is_empty());
    for (i, entry) in feed.entries.into_iter().enumerate() {
        let item = i + 1;
        let html = entry
            .content
            .as_ref()
            .and_then(|c| c.body.clone())
            .or_else(|| entry.summary.as_ref().map(|s| s.content.clone()))
            .unwrap_or_default();
        let text = html_fragment_to_text(&html);
        if text.trim().is_empty() {
            sink(problem(
                Severity::Note,
                origin,
                None,
                format!("feed item {item} has no text, skipped"),
            ));
            continue;
        }
        let mut article = Article::new(format!("{origin}#item{item}"), text);
        article.title = entry
            .title
            .as_ref()
            .map(|t| html_fragment_to_text(&t.content))
            .filter(|s| !s.is_empty());
        article.url = entry.links.first().map(|l| l.href.clone());
        article.external_id = Some(entry.id.clone()).filter(|s| !s.is_empty());
        article.published = entry
            .published
            .or(entry.updated)
            .map(|d| d.format("%Y-%m-%d").to_string());
        article.source = source.clone();
        article.language = feed.language.clone();
        sink(ReadEvent::Article(Box::new(finish(article, opts))));
    }
}

/// Text of an HTML fragment (feed items carry small escaped HTML snippets): tags
/// dropped, block ends become paragraph breaks, entities decoded. Written by hand
/// because a full readability pass is meant for whole pages and rejects short snippets.
pub(crate) fn html_fragment_to_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        out.push_str(&decode_entities(&rest[..lt]));
        let Some(gt) = rest[lt..].find('>') else {
            rest = &rest[lt..];
            break;
        };
        let tag = rest[lt + 1..lt + gt]
            .trim_start_matches('/')
            .to_ascii_lowercase();
        let name: String = tag
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        if matches!(
            name.as_str(),
            "p" | "br" | "div" | "li" | "h1" | "h2" | "h3" | "h4" | "blockquote"
        ) {
            out.push_str("\n\n");
        }
        rest = &rest[lt + gt + 1..];
    }
    out.push_str(&decode_entities(rest));
    let paras: Vec<String> = out
        .split("\n\n")
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|p| !p.is_empty())
        .collect();
    paras.join("\n\n")
}

fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        let semi = after.find(';').filter(|&i| i <= 10);
        let decoded = semi.and_then(|i| {
            let name = &after[..i];
            let ch = if let Some(num) = name.strip_prefix("#x").or_else(|| name.strip_prefix("#X"))
            {
                u32::from_str_radix(num, 16).ok().and_then(char::from_u32)
            } else if let Some(num) = name.strip_prefix('#') {
                num.parse().ok().and_then(char::from_u32)
            } else {
                match name {
                    "amp" => Some('&'),
                    "lt" => Some('<'),
                    "gt" => Some('>'),
                    "quot" => Some('"'),
                    "apos" => Some('\''),
                    "nbsp" => Some(' '),
                    "rsquo" => Some('’'),
                    "lsquo" => Some('‘'),
                    "rdquo" => Some('”'),
                    "ldquo" => Some('“'),
                    "mdash" => Some('—'),
                    "ndash" => Some('–'),
                    "hellip" => Some('…'),
                    "eacute" => Some('é'),
                    _ => None,
                }
            };
            ch.map(|c| (c, i))
        });
        match decoded {
            Some((c, i)) => {
                out.push(c);
                rest = &after[i + 1..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fragments() {
        assert_eq!(
            html_fragment_to_text(
                "<p>Laos &amp; Chile <b>met</b>.</p><p>Talks&#8217; end &hellip;</p>"
            ),
            "Laos & Chile met.\n\nTalks’ end …"
        );
        assert_eq!(html_fragment_to_text("a &bogus; b < c"), "a &bogus; b < c");
    }
}
