//! Sentence splitter over the tokens of [`crate::tokenize`].
//!
//! Why it exists: the tagger and parser work sentence by sentence, and the coder's
//! evidence is a sentence; a sentence cut in two loses its subject or object, two
//! sentences glued together invent relations between them.
//!
//! Why it is built this way: in news English nearly every boundary is a `.`, `!` or `?`
//! token followed by a new sentence; the hard cases (abbreviations, initials, decimals)
//! are settled earlier by the tokenizer, which keeps an abbreviation's period on the
//! abbreviation unless it ends a sentence (it looks at the next word for that). So the
//! splitter is a small set of rules over token forms and the whitespace between tokens:
//!
//! * break after a run of `.`/`!`/`?` plus any closing quotes and brackets glued to it,
//!   unless the next token continues the sentence (a lower-case word after `?`/`!`,
//!   as in `"Why?" he asked`, or punctuation such as `,`);
//! * after an ellipsis, break only when a capitalised word follows;
//! * always break at a blank line (a paragraph), and at a single line break that ends
//!   a headline-like line (short, no final punctuation) or a list item, or that is
//!   followed by a list item;
//! * never produce an empty sentence; every token belongs to exactly one sentence.

use std::ops::Range;

/// Sentence boundaries as ranges of token indices (in order, covering all tokens).
pub fn split_sentences(text: &str, tokens: &[(u32, u32)]) -> Vec<Range<usize>> {
    let n = tokens.len();
    let mut out = Vec::new();
    if n == 0 {
        return out;
    }
    let form = |i: usize| {
        text.get(tokens[i].0 as usize..tokens[i].1 as usize)
            .unwrap_or("")
    };
    let gap = |i: usize| {
        // Whitespace between token i and i+1.
        let a = tokens[i].1 as usize;
        let b = tokens.get(i + 1).map_or(text.len(), |t| t.0 as usize);
        text.get(a..b.max(a)).unwrap_or("")
    };
    let mut start = 0;
    let mut line_start = 0; // first token of the current line
    let mut i = 0;
    while i < n {
        let f = form(i);
        let mut end = i; // last token of the candidate sentence
        let mut brk = false;
        // A terminal that opens a sentence (`... Bosnia needs`) does not close it.
        let opening_ellipsis = i == start && (f.starts_with("..") || f.contains('\u{2026}'));
        if is_terminal(f) && !opening_ellipsis {
            // Glue closing quotes/brackets written right after the terminal.
            while end + 1 < n && tokens[end + 1].0 == tokens[end].1 && is_closer(form(end + 1)) {
                end += 1;
            }
            // An emoticon after the terminal belongs to the sentence it comments on.
            while end + 1 < n && is_emoticon(form(end + 1)) {
                end += 1;
            }
            brk = match tokens.get(end + 1) {
                None => true,
                Some(_) => {
                    let next = form(end + 1);
                    let ellipsis = f.starts_with("..") || f.contains('\u{2026}');
                    let first = next.chars().next().unwrap_or(' ');
                    if ellipsis {
                        first.is_uppercase()
                            || first.is_ascii_digit()
                            || is_opener(next)
                            || newlines(gap(end)) > 0
                    } else if f.contains(['?', '!']) {
                        // `"Why?" he asked`: a closing quote glued to the mark, then a
                        // lower-case word, continues the sentence.
                        !((end > i && first.is_lowercase()) || is_continuing_punct(next))
                    } else {
                        !is_continuing_punct(next)
                    }
                }
            };
        }
        // Line breaks.
        let nl = newlines(gap(end));
        if !brk && end + 1 < n && nl > 0 {
            if nl >= 2 {
                brk = true;
            } else {
                let line: Vec<&str> = (line_start..=end).map(form).collect();
                let next = form(end + 1);
                brk = is_list_item_start(&line, 0)
                    || is_list_item_start(&[next, if end + 2 < n { form(end + 2) } else { "" }], 0)
                    || is_headline_like(&line);
            }
        }
        if nl > 0 {
            line_start = end + 1;
        }
        if brk || end + 1 >= n {
            out.push(start..end + 1);
            start = end + 1;
        }
        i = end + 1;
    }
    out
}

fn newlines(s: &str) -> usize {
    s.bytes().filter(|&b| b == b'\n').count()
}

/// A run of sentence-final punctuation: `.`, `!`, `?`, `...`, `…`, `?!`.
fn is_terminal(f: &str) -> bool {
    !f.is_empty()
        && f.chars().all(|c| {
            matches!(
                c,
                '.' | '!' | '?' | '\u{2026}' | '\u{203C}' | '\u{2047}' | '\u{2049}'
            )
        })
}

fn is_emoticon(f: &str) -> bool {
    matches!(
        f,
        ":)" | ":(" | ":-)" | ":-(" | ";)" | ";-)" | ":D" | ":-D" | ":P" | ":p"
    )
}

fn is_closer(f: &str) -> bool {
    !f.is_empty()
        && f.chars().all(|c| {
            matches!(
                c,
                '"' | '\'' | '\u{201D}' | '\u{2019}' | ')' | ']' | '}' | '\u{00BB}'
            )
        })
}

fn is_opener(f: &str) -> bool {
    !f.is_empty()
        && f.chars().all(|c| {
            matches!(
                c,
                '"' | '\u{201C}' | '\u{2018}' | '(' | '[' | '\u{00AB}' | '`'
            )
        })
}

/// Punctuation that continues a sentence after a terminal: `,`, `;`, `:`, `)`, `-`.
fn is_continuing_punct(f: &str) -> bool {
    matches!(
        f,
        "," | ";" | ":" | ")" | "]" | "-" | "--" | "\u{2013}" | "\u{2014}" | "%"
    )
}

/// `-`, `*`, `•`, `1.`, `1)`, `a)` at the start of a line.
fn is_list_item_start(line: &[&str], k: usize) -> bool {
    let Some(first) = line.get(k) else {
        return false;
    };
    if matches!(
        *first,
        "-" | "*" | "\u{2022}" | "\u{00B7}" | "\u{2013}" | "\u{2014}" | ">" | "o"
    ) && line.len() > 1
    {
        return *first != "o"
            || line
                .get(1)
                .is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase));
    }
    let second = line.get(k + 1).copied().unwrap_or("");
    let numbered = first.len() <= 3 && first.chars().all(|c| c.is_ascii_digit());
    let lettered = first.len() == 1 && first.chars().all(|c| c.is_ascii_lowercase());
    (numbered || lettered) && matches!(second, "." | ")")
        || (first.len() <= 4
            && first.ends_with('.')
            && first[..first.len() - 1].chars().all(|c| c.is_ascii_digit())
            && first.len() > 1)
}

/// A line that reads like a headline or a label: no final punctuation, at most 12
/// tokens, and not ending in a word or mark that needs a continuation.
fn is_headline_like(line: &[&str]) -> bool {
    let Some(last) = line.last() else {
        return false;
    };
    if line.len() > 12 {
        return false;
    }
    if matches!(
        *last,
        "," | "-" | "--" | "(" | "[" | "&" | "/" | "\u{2013}" | "\u{2014}" | "\"" | "\u{201C}"
    ) {
        return false;
    }
    let lw = last.to_ascii_lowercase();
    !matches!(
        lw.as_str(),
        "the"
            | "a"
            | "an"
            | "of"
            | "to"
            | "in"
            | "on"
            | "and"
            | "or"
            | "but"
            | "for"
            | "with"
            | "by"
            | "at"
            | "from"
            | "that"
            | "as"
            | "is"
            | "are"
            | "was"
            | "were"
            | "his"
            | "her"
            | "their"
            | "its"
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenize::tokenize;

    fn sents(t: &str) -> Vec<String> {
        let toks = tokenize(t);
        split_sentences(t, &toks)
            .into_iter()
            .map(|r| t[toks[r.start].0 as usize..toks[r.end - 1].1 as usize].to_string())
            .collect()
    }

    #[test]
    fn basic() {
        assert_eq!(sents("One. Two! Three?"), ["One.", "Two!", "Three?"]);
        assert_eq!(
            sents("\"Go,\" he said. \"Now.\" Then"),
            ["\"Go,\" he said.", "\"Now.\"", "Then"]
        );
    }
}
