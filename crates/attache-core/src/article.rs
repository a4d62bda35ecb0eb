//! An article as read from a file, feed or page, before any analysis.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;

/// Identity of an article: the first 16 hex digits of the SHA-256 of its normalised
/// text (see [`normalise_for_identity`]). Two copies of the same story from different
/// files or feeds get the same id, so ingesting again changes nothing.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ArticleId(pub String);

impl ArticleId {
    /// Compute the identity of a text.
    pub fn of_text(text: &str) -> ArticleId {
        let norm = normalise_for_identity(text);
        let digest = Sha256::digest(norm.as_bytes());
        let mut hex = String::with_capacity(16);
        for b in &digest[..8] {
            hex.push_str(&format!("{b:02x}"));
        }
        ArticleId(hex)
    }
}

impl std::fmt::Display for ArticleId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Normalisation used for identity: Unicode whitespace runs collapse to one space,
/// leading/trailing whitespace is dropped, curly quotes become straight ones. Case is
/// kept (a headline in capitals is not the same text).
pub fn normalise_for_identity(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    for ch in text.chars() {
        if ch.is_whitespace() {
            pending_space = !out.is_empty();
            continue;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        out.push(match ch {
            '\u{2018}' | '\u{2019}' => '\'',
            '\u{201C}' | '\u{201D}' => '"',
            c => c,
        });
    }
    out
}

/// One news article.
///
/// `text` is the body only: the headline is in `title`, and a dateline found at the
/// start of the body ("ISLAMABAD:") has been removed from `text` and stored in
/// `dateline`, so the first sentence starts with the story itself.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Article {
    pub id: ArticleId,
    /// Where the article was read from: a path, `path:line` for JSONL, `-` for stdin.
    pub origin: String,
    /// Identifier given by the source (JSONL `id`, feed item guid), if any.
    pub external_id: Option<String>,
    pub url: Option<String>,
    pub title: Option<String>,
    pub source: Option<String>,
    /// Publication date as `YYYY-MM-DD` (from metadata, else `--date`, else none:
    /// never invented).
    pub published: Option<String>,
    /// The dateline place as written ("ISLAMABAD", "Beijing").
    pub dateline: Option<String>,
    pub language: Option<String>,
    pub text: String,
    /// Unknown input fields, kept as they came.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub metadata: BTreeMap<String, String>,
}

impl Article {
    /// Build an article from a body text; the id is derived from the text.
    pub fn new(origin: impl Into<String>, text: impl Into<String>) -> Article {
        let text = text.into();
        Article {
            id: ArticleId::of_text(&text),
            origin: origin.into(),
            external_id: None,
            url: None,
            title: None,
            source: None,
            published: None,
            dateline: None,
            language: None,
            text,
            metadata: BTreeMap::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identity_ignores_whitespace_and_quote_style() {
        let a = ArticleId::of_text("Pakistan  upgraded\n its ‘mission’.");
        let b = ArticleId::of_text(" Pakistan upgraded its 'mission'. ");
        assert_eq!(a, b);
        assert_ne!(a, ArticleId::of_text("Pakistan downgraded its 'mission'."));
        assert_eq!(a.0.len(), 16);
    }
}
