//! The lexicon's own tokens: how both dictionary names and article text are cut and
//! normalised before matching.
//!
//! Why not use the NLP pipeline's tokens directly: names in the data files must be cut
//! exactly like the text they are matched against, and the files are compiled without a
//! pipeline. So the same small, deterministic tokenizer is applied to names and, inside
//! each pipeline token, to the text. Whatever the pipeline does (a whitespace
//! placeholder or a trained tokenizer), "Pakistan's" always becomes `pakistan` + `'s`.

/// One lexicon token: a byte range in the text it was cut from and its normal form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tok {
    pub start: usize,
    pub end: usize,
    /// Lower-cased, accents folded, curly apostrophes straight.
    pub norm: String,
    /// Two or more letters, all in capitals ("US", "U.S.", "NATO").
    pub caps: bool,
    /// Starts with a capital letter.
    pub cap_initial: bool,
}

fn is_apos(c: char) -> bool {
    c == '\'' || c == '\u{2019}' || c == '\u{2018}'
}

/// Cut `text` into tokens; byte offsets are relative to `text` plus `offset`.
pub fn tokenize(text: &str, offset: usize) -> Vec<Tok> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let n = chars.len();
    let byte_at = |i: usize| if i < n { chars[i].0 } else { text.len() };
    let mut out = Vec::new();
    let mut i = 0;
    while i < n {
        let c = chars[i].1;
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        if c.is_alphanumeric() {
            let st = i;
            let mut j = i + 1;
            while j < n {
                let d = chars[j].1;
                if d.is_alphanumeric() {
                    j += 1;
                    continue;
                }
                let next_alnum = j + 1 < n && chars[j + 1].1.is_alphanumeric();
                if d == '.' && next_alnum {
                    j += 1;
                    continue;
                }
                if is_apos(d) && next_alnum {
                    // "'s" followed by a non-letter is a possessive: split it off.
                    let is_s = matches!(chars[j + 1].1, 's' | 'S');
                    let after = j + 2 < n && chars[j + 2].1.is_alphanumeric();
                    if is_s && !after {
                        break;
                    }
                    j += 1;
                    continue;
                }
                break;
            }
            // Dotted acronym ("U.S.", "U.N."): keep the final dot.
            let word: String = chars[st..j].iter().map(|x| x.1).collect();
            if j < n
                && chars[j].1 == '.'
                && word.contains('.')
                && word.split('.').all(|s| s.chars().count() == 1)
            {
                j += 1;
            }
            push(&mut out, text, byte_at(st), byte_at(j), offset);
            i = j;
            continue;
        }
        if is_apos(c) && i + 1 < n && matches!(chars[i + 1].1, 's' | 'S') {
            let after = i + 2 < n && chars[i + 2].1.is_alphanumeric();
            if !after {
                push(&mut out, text, byte_at(i), byte_at(i + 2), offset);
                i += 2;
                continue;
            }
        }
        push(&mut out, text, byte_at(i), byte_at(i + 1), offset);
        i += 1;
    }
    out
}

fn push(out: &mut Vec<Tok>, text: &str, s: usize, e: usize, offset: usize) {
    let surface = &text[s..e];
    let letters: Vec<char> = surface.chars().filter(|c| c.is_alphabetic()).collect();
    let caps = letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase());
    let cap_initial = surface.chars().next().is_some_and(|c| c.is_uppercase());
    out.push(Tok {
        start: s + offset,
        end: e + offset,
        norm: normalise(surface),
        caps,
        cap_initial,
    });
}

/// Normal form of a surface token: lower case, common Latin accents folded, curly
/// quotes straight.
pub fn normalise(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars().flat_map(char::to_lowercase) {
        out.push(match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => 'a',
            'ç' | 'ć' | 'č' => 'c',
            'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => 'e',
            'ì' | 'í' | 'î' | 'ï' | 'ī' | 'ı' => 'i',
            'ñ' | 'ń' | 'ň' => 'n',
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => 'o',
            'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' => 'u',
            'ý' | 'ÿ' => 'y',
            'ş' | 'ś' | 'š' | 'ș' => 's',
            'ğ' => 'g',
            'ž' | 'ź' | 'ż' => 'z',
            'ł' => 'l',
            'ř' => 'r',
            'ț' | 'ţ' => 't',
            'đ' => 'd',
            '\u{2019}' | '\u{2018}' | '`' => '\'',
            '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' => '-',
            c => c,
        });
    }
    out
}

/// The matching key of a phrase: its tokens' normal forms joined by single spaces.
pub fn key_of(phrase: &str) -> String {
    tokenize(phrase, 0)
        .into_iter()
        .map(|t| t.norm)
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norms(s: &str) -> Vec<String> {
        tokenize(s, 0).into_iter().map(|t| t.norm).collect()
    }

    #[test]
    fn possessive_hyphen_acronym() {
        assert_eq!(
            norms("Pakistan's Foreign Minister"),
            ["pakistan", "'s", "foreign", "minister"]
        );
        assert_eq!(
            norms("Taliban-led administration."),
            ["taliban", "-", "led", "administration", "."]
        );
        assert_eq!(norms("the U.S. and U.N."), ["the", "u.s.", "and", "u.n."]);
        assert_eq!(norms("Chargé d'Affaires"), ["charge", "d'affaires"]);
        assert_eq!(norms("Pakistan’s"), ["pakistan", "'s"]);
        assert_eq!(norms("Türkiye, "), ["turkiye", ","]);
    }

    #[test]
    fn spans_and_case() {
        let t = tokenize("see US envoy", 10);
        assert_eq!((t[1].start, t[1].end), (14, 16));
        assert!(t[1].caps && !t[0].caps && !t[0].cap_initial);
        assert_eq!(key_of("Islamic  Emirate"), "islamic emirate");
    }
}
