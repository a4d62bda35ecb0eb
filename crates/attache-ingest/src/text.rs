//! Plain-text articles: an optional first-line headline, then the body (which may open
//! with a dateline). One file is one article.

use crate::{finish, ReadEvent, ReadOptions};
use attache_core::Article;

pub(crate) fn read(origin: &str, text: &str, opts: &ReadOptions, sink: &mut dyn FnMut(ReadEvent)) {
    let (title, body) = split_headline(text);
    let mut article = Article::new(origin, body);
    article.title = title.map(str::to_string);
    sink(ReadEvent::Article(Box::new(finish(article, opts))));
}

/// A first line is a headline when it is short, does not end like a sentence, does not
/// open with a dateline, and more text follows.
pub(crate) fn split_headline(text: &str) -> (Option<&str>, &str) {
    let t = text.trim_start();
    let Some((first, rest)) = t.split_once('\n') else {
        return (None, t);
    };
    let line = first.trim();
    let words = line.split_whitespace().count();
    let ends_like_sentence = line.ends_with(['.', '!', '?', ';', ':', '"', '”', ',']);
    if rest.trim().is_empty()
        || line.len() > 200
        || words < 2
        || ends_like_sentence
        || crate::dateline::split_dateline(line).is_some()
    {
        return (None, t);
    }
    (Some(line), rest)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headline_only_when_it_looks_like_one() {
        let (t, b) =
            split_headline("Laos and Chile restore ties\n\nVIENTIANE: Laos said on Monday.");
        assert_eq!(t, Some("Laos and Chile restore ties"));
        assert!(b.trim_start().starts_with("VIENTIANE"));
        let (t, _) = split_headline("VIENTIANE: Laos said on Monday.\nMore text.");
        assert_eq!(t, None);
        let (t, _) = split_headline("Only one line without a period");
        assert_eq!(t, None);
    }
}
