//! Article readers: plain text, JSON Lines, HTML pages, RSS/Atom feeds, directories and
//! standard input, turned into [`attache_core::Article`]s.
//!
//! Why a crate of its own: reading the formats users have is a different job from
//! understanding the text, with its own failure modes (truncated lines, bad encodings,
//! boilerplate pages) and heavy dependencies (an HTML parser, a feed parser) that the NLP
//! and coding crates should not carry.
//!
//! Readers never stop at the first bad record: every problem is reported as a
//! [`Problem`] naming the file (and line, for JSON Lines) and the run goes on. Dates are
//! never invented: the publication date comes from the input's metadata, else from
//! [`ReadOptions::default_date`], else the article stays undated.

pub mod dateline;
pub mod dates;
mod feed;
mod html;
mod jsonl;
mod text;

use attache_core::Article;
use std::io::Read;
use std::path::{Path, PathBuf};

/// The input formats attache reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputFormat {
    /// Plain text: optional headline line, optional dateline, body.
    Text,
    /// JSON Lines, one article per line (id, url, title, published, text, source, language).
    Jsonl,
    /// An HTML page: main text extracted readability-style.
    Html,
    /// An RSS or Atom feed file: one article per item.
    Feed,
}

impl InputFormat {
    /// Parse a `--input-format` value.
    pub fn parse(s: &str) -> Option<InputFormat> {
        match s.to_ascii_lowercase().as_str() {
            "text" | "txt" => Some(InputFormat::Text),
            "jsonl" | "json" | "ndjson" => Some(InputFormat::Jsonl),
            "html" | "htm" => Some(InputFormat::Html),
            "rss" | "atom" | "feed" | "xml" => Some(InputFormat::Feed),
            _ => None,
        }
    }

    /// Guess the format of a file from its extension; `None` for files attache does not
    /// read when walking a directory.
    pub fn from_path(path: &Path) -> Option<InputFormat> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "txt" | "text" | "md" => Some(InputFormat::Text),
            "jsonl" | "ndjson" | "json" => Some(InputFormat::Jsonl),
            "html" | "htm" | "xhtml" => Some(InputFormat::Html),
            "rss" | "atom" | "xml" => Some(InputFormat::Feed),
            _ => None,
        }
    }
}

/// How to read inputs.
#[derive(Debug, Clone, Default)]
pub struct ReadOptions {
    /// Force a format instead of guessing from the extension.
    pub format: Option<InputFormat>,
    /// Publication date (`YYYY-MM-DD`) for articles whose metadata has none.
    pub default_date: Option<String>,
}

/// How bad a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Informational: an empty input skipped.
    Note,
    /// The input was read, but something was repaired (e.g. invalid UTF-8).
    Warning,
    /// A record could not be read; it is skipped and counted as failed.
    Error,
}

/// Something wrong with an input, reported and skipped.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Problem {
    pub severity: Severity,
    /// The file (or `-` for standard input).
    pub origin: String,
    /// 1-based line number, for line-oriented inputs.
    pub line: Option<usize>,
    pub message: String,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let sev = match self.severity {
            Severity::Note => "note",
            Severity::Warning => "warning",
            Severity::Error => "error",
        };
        match self.line {
            Some(l) => write!(f, "{sev}: {}:{l}: {}", self.origin, self.message),
            None => write!(f, "{sev}: {}: {}", self.origin, self.message),
        }
    }
}

/// What a reader yields: an article or a problem.
#[derive(Debug, Clone)]
pub enum ReadEvent {
    Article(Box<Article>),
    Problem(Problem),
}

/// Read every path (files, directories recursively, `-` for stdin) and hand each
/// article or problem to `sink` as soon as it is read, so huge inputs stream.
pub fn read_paths(paths: &[PathBuf], opts: &ReadOptions, sink: &mut dyn FnMut(ReadEvent)) {
    for p in paths {
        read_path(p, opts, sink);
    }
}

/// Read one path (file, directory, or `-`).
pub fn read_path(path: &Path, opts: &ReadOptions, sink: &mut dyn FnMut(ReadEvent)) {
    if path.as_os_str() == "-" {
        let mut buf = Vec::new();
        if let Err(e) = std::io::stdin().read_to_end(&mut buf) {
            sink(problem(
                Severity::Error,
                "-",
                None,
                format!("cannot read standard input: {e}"),
            ));
            return;
        }
        let format = opts.format.unwrap_or_else(|| sniff(&buf));
        read_bytes("-", &buf, format, opts, sink);
        return;
    }
    let origin = path.display().to_string();
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) => {
            sink(problem(
                Severity::Error,
                &origin,
                None,
                format!("cannot open: {e}; check the path"),
            ));
            return;
        }
    };
    if meta.is_dir() {
        let mut files = Vec::new();
        collect_files(path, &mut files, sink);
        files.sort();
        for f in files {
            if opts.format.is_some() || InputFormat::from_path(&f).is_some() {
                read_file(&f, opts, sink);
            }
        }
    } else {
        read_file(path, opts, sink);
    }
}

fn collect_files(dir: &Path, out: &mut Vec<PathBuf>, sink: &mut dyn FnMut(ReadEvent)) {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            sink(problem(
                Severity::Error,
                &dir.display().to_string(),
                None,
                format!("cannot list directory: {e}"),
            ));
            return;
        }
    };
    for entry in entries.flatten() {
        let p = entry.path();
        let name = entry.file_name();
        if name.to_string_lossy().starts_with('.') {
            continue;
        }
        match entry.file_type() {
            Ok(t) if t.is_dir() => collect_files(&p, out, sink),
            Ok(t) if t.is_file() => out.push(p),
            _ => {}
        }
    }
}

fn read_file(path: &Path, opts: &ReadOptions, sink: &mut dyn FnMut(ReadEvent)) {
    let origin = path.display().to_string();
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => {
            sink(problem(
                Severity::Error,
                &origin,
                None,
                format!("cannot read: {e}"),
            ));
            return;
        }
    };
    let format = opts
        .format
        .or_else(|| InputFormat::from_path(path))
        .unwrap_or_else(|| sniff(&bytes));
    read_bytes(&origin, &bytes, format, opts, sink);
}

/// Read an in-memory input of a known format (used for files, stdin and tests).
pub fn read_bytes(
    origin: &str,
    bytes: &[u8],
    format: InputFormat,
    opts: &ReadOptions,
    sink: &mut dyn FnMut(ReadEvent),
) {
    let text = match std::str::from_utf8(bytes) {
        Ok(s) => std::borrow::Cow::Borrowed(s),
        Err(e) => {
            sink(problem(
                Severity::Warning,
                origin,
                None,
                format!(
                    "not valid UTF-8 (first bad byte at offset {}); decoded with replacement characters — convert the file to UTF-8 for exact text",
                    e.valid_up_to()
                ),
            ));
            String::from_utf8_lossy(bytes)
        }
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    if text.trim().is_empty() {
        sink(problem(
            Severity::Note,
            origin,
            None,
            "empty input, skipped".into(),
        ));
        return;
    }
    match format {
        InputFormat::Text => text::read(origin, text, opts, sink),
        InputFormat::Jsonl => jsonl::read(origin, text, opts, sink),
        InputFormat::Html => html::read(origin, text, opts, sink),
        InputFormat::Feed => feed::read(origin, text, opts, sink),
    }
}

/// Guess a format from content when there is no extension (stdin, odd names).
fn sniff(bytes: &[u8]) -> InputFormat {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(512)])
        .trim_start()
        .to_ascii_lowercase();
    if head.starts_with('{') {
        InputFormat::Jsonl
    } else if head.starts_with("<?xml") || head.starts_with("<rss") || head.starts_with("<feed") {
        InputFormat::Feed
    } else if head.starts_with("<!doctype html") || head.starts_with("<html") {
        InputFormat::Html
    } else {
        InputFormat::Text
    }
}

pub(crate) fn problem(
    sev: Severity,
    origin: &str,
    line: Option<usize>,
    message: String,
) -> ReadEvent {
    ReadEvent::Problem(Problem {
        severity: sev,
        origin: origin.to_string(),
        line,
        message,
    })
}

/// Finish an article from its parts: strip a dateline from the body, set the id from
/// the body text, apply the default date when metadata gave none.
pub(crate) fn finish(mut article: Article, opts: &ReadOptions) -> Article {
    let body = std::mem::take(&mut article.text);
    let (dateline, rest) = match dateline::split_dateline(&body) {
        Some(d) => (Some(d.place), body[d.body_start..].to_string()),
        None => (None, body.trim().to_string()),
    };
    article.text = rest;
    if article.dateline.is_none() {
        article.dateline = dateline;
    }
    article.id = attache_core::ArticleId::of_text(&article.text);
    if article.published.is_none() {
        article.published = opts.default_date.clone();
    }
    article
}
