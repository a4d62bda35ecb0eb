//! Tokenizer for news English following UD English-EWT conventions.
//!
//! Why it exists: the tagger and parser are trained on EWT, so the text they see must be
//! cut the way the treebank is cut, or every mismatch costs accuracy downstream. The
//! coder also needs exact byte spans back into the article, so the tokenizer only
//! returns spans (`(start, end)` byte offsets) and never rewrites text.
//!
//! Why it is built this way: a single left-to-right scan over whitespace-delimited
//! chunks with a handful of character classes is fast (no regex, no allocation per
//! token: the only allocation is the output vector) and cannot panic on any input. The
//! EWT conventions it follows were checked against the treebank:
//!
//! * clitics are split (`it 's`, `do n't`, `ca n't`, `wo n't`, `they 're`, `I 'm`), also
//!   `cannot` → `can not`, `gonna` → `gon na`;
//! * hyphens between words are split (`Pakistan - Afghanistan`, `al - Qaeda`, `F - 16`)
//!   except after prefixes EWT keeps (`e-mail`, `non-`, `pre-`, `anti-`, `co-`, `re-`,
//!   `mid-`, `ex-`, ...) and inside phone-like number groups (`713-853-3989`);
//! * the period of an abbreviation stays on the token (`U.S.`, `Gen.`, `Jan.`, `No.` before
//!   a number, initials), except when the abbreviation ends a sentence: then EWT splits
//!   it off (`in the U.S` `.`). Deciding that needs the next word, so the tokenizer looks
//!   ahead: end of text or a typical sentence starter (`The`, `He`, `In`, ...) after an
//!   abbreviation that can end a sentence means the period is punctuation. The sentence
//!   splitter then only has to look at standalone `.` tokens;
//! * numbers keep their decimal point and thousands commas (`1,500.25`), times and dates
//!   (`10:30`, `9/11`), ordinals and decades (`2nd`, `1990s`), but units are split
//!   (`5 pm`, `5 kg`, `$ 170 m`); currency and percent signs are tokens (`$ 5`, `10 %`);
//! * URLs, e-mail addresses, `@handles` and `#tags` are single tokens;
//! * runs of the same punctuation are one token (`...`, `--`, `!!`, `?!`), quotes of
//!   every kind and dashes are separate tokens.
//!
//! Texts longer than `u32::MAX` bytes are tokenized up to that length only (spans are
//! `u32`).

use std::collections::HashMap;
use std::sync::OnceLock;

/// Byte spans of the tokens of `text`, in order, non-overlapping, on char boundaries,
/// covering every non-whitespace character.
pub fn tokenize(text: &str) -> Vec<(u32, u32)> {
    let mut out = Vec::with_capacity(text.len() / 5 + 1);
    tokenize_into(text, &mut out);
    out
}

/// Like [`tokenize`], appending to `out` (reuse the vector to avoid allocation).
pub fn tokenize_into(text: &str, out: &mut Vec<(u32, u32)>) {
    let limit = if text.len() > u32::MAX as usize {
        // Largest char boundary not beyond u32::MAX.
        let mut l = u32::MAX as usize;
        while !text.is_char_boundary(l) {
            l -= 1;
        }
        l
    } else {
        text.len()
    };
    let text = &text[..limit];
    let b = text.as_bytes();
    let mut t = Tok { s: text, b, out };
    let mut i = 0;
    while i < b.len() {
        let (c, l) = t.char_at(i);
        if c.is_whitespace() {
            i += l;
            continue;
        }
        // Chunk: up to the next whitespace.
        let mut j = i + l;
        while j < b.len() {
            let (c2, l2) = t.char_at(j);
            if c2.is_whitespace() {
                break;
            }
            j += l2;
        }
        t.chunk(i, j);
        i = j;
    }
}

/// How an abbreviation's period behaves (see `data/abbreviations.tsv`).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum AbbrKind {
    /// Abbreviation only before a number (`No. 3`).
    Num,
    /// Never ends a sentence (titles, months).
    Title,
    /// May end a sentence.
    Any,
    /// An initial (`W.`, `J.R.R.`): may end a sentence, but is usually followed by a name.
    Initial,
}

fn abbreviations() -> &'static HashMap<&'static str, AbbrKind> {
    static ABBR: OnceLock<HashMap<&'static str, AbbrKind>> = OnceLock::new();
    ABBR.get_or_init(|| {
        let mut m = HashMap::new();
        for line in include_str!("../data/abbreviations.tsv").lines() {
            let line = line.trim_end();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let Some((a, k)) = line.split_once('\t') else {
                continue;
            };
            let kind = match k.trim() {
                "num" => AbbrKind::Num,
                "title" => AbbrKind::Title,
                _ => AbbrKind::Any,
            };
            m.insert(a, kind);
        }
        m
    })
}

/// Lower-cases an ASCII word into `buf`; `None` when it is not ASCII or too long.
fn ascii_lower<'b>(w: &str, buf: &'b mut [u8; 24]) -> Option<&'b str> {
    let wb = w.as_bytes();
    if wb.len() > buf.len() || !w.is_ascii() {
        return None;
    }
    for (d, s) in buf.iter_mut().zip(wb) {
        *d = s.to_ascii_lowercase();
    }
    std::str::from_utf8(&buf[..wb.len()]).ok()
}

fn abbr_kind(word: &str) -> Option<AbbrKind> {
    let m = abbreviations();
    if let Some(k) = m.get(word) {
        return Some(*k);
    }
    let mut buf = [0u8; 24];
    let lw = ascii_lower(word, &mut buf)?;
    if lw != word {
        // Case-insensitive match only for all-lowercase entries (etc. = Etc. = ETC.).
        if let Some(k) = m.get(lw) {
            return Some(*k);
        }
    }
    // Dotted letter groups: U.S, a.m, e.g, Ph.D, D.C.
    if word.contains('.')
        && word.split('.').all(|seg| {
            !seg.is_empty() && seg.len() <= 2 && seg.bytes().all(|c| c.is_ascii_alphabetic())
        })
    {
        // Upper-case groups other than place and body names are a person's initials
        // (`W.H.S. Koerner`).
        let place = matches!(
            word,
            "U.S"
                | "U.N"
                | "U.K"
                | "E.U"
                | "D.C"
                | "U.A.E"
                | "U.S.A"
                | "P.R.C"
                | "R.O.K"
                | "D.P.R.K"
                | "U.S.S.R"
        );
        if !place && word.bytes().all(|c| c == b'.' || c.is_ascii_uppercase()) {
            return Some(AbbrKind::Initial);
        }
        return Some(AbbrKind::Any);
    }
    // Initials: one capital letter.
    let mut cs = word.chars();
    if let (Some(c), None) = (cs.next(), cs.next()) {
        if c.is_uppercase() {
            return Some(AbbrKind::Initial);
        }
    }
    None
}

/// Prefixes after which EWT keeps the hyphen inside the word (counted in the treebank:
/// `e-mail`, `non-commercial`, `pre-war`, ...).
fn is_hyphen_prefix(seg: &str) -> bool {
    let mut buf = [0u8; 24];
    let Some(l) = ascii_lower(seg, &mut buf) else {
        return false;
    };
    matches!(
        l,
        "e" | "mis"
            | "non"
            | "mid"
            | "pre"
            | "anti"
            | "re"
            | "over"
            | "co"
            | "post"
            | "pro"
            | "multi"
            | "sub"
            | "semi"
            | "ex"
            | "un"
            | "socio"
            | "psycho"
            | "inter"
            | "intra"
            | "trans"
            | "ultra"
            | "neo"
            | "bi"
            | "tri"
            | "cyber"
            | "counter"
            | "micro"
            | "macro"
            | "mega"
            | "mini"
            | "quasi"
            | "pseudo"
            | "geo"
            | "eco"
    )
}

/// Units split from a preceding number (`5pm` → `5 pm`, `$170m` → `$ 170 m`).
fn is_unit(w: &str) -> bool {
    let mut buf = [0u8; 24];
    let Some(l) = ascii_lower(w, &mut buf) else {
        return false;
    };
    matches!(
        l,
        "am" | "pm"
            | "km"
            | "kg"
            | "mm"
            | "cm"
            | "m"
            | "bn"
            | "b"
            | "k"
            | "mph"
            | "kph"
            | "kmh"
            | "ft"
            | "lb"
            | "lbs"
            | "mi"
            | "g"
            | "mg"
            | "ml"
            | "kw"
            | "mw"
            | "gw"
            | "kwh"
            | "mwh"
            | "hrs"
            | "hr"
            | "min"
            | "mins"
            | "sec"
            | "yrs"
            | "tn"
            | "t"
    )
}

/// Closed-class words (and a few adverbs) that, capitalised after an abbreviation,
/// signal that a new sentence has begun: `... in the U.S. The talks ...`.
pub(crate) fn is_sentence_starter(w: &str) -> bool {
    let mut buf = [0u8; 24];
    let Some(l) = ascii_lower(w, &mut buf) else {
        return false;
    };
    matches!(
        l,
        "the"
            | "a"
            | "an"
            | "this"
            | "that"
            | "these"
            | "those"
            | "he"
            | "she"
            | "it"
            | "they"
            | "we"
            | "i"
            | "you"
            | "his"
            | "her"
            | "its"
            | "their"
            | "our"
            | "my"
            | "your"
            | "there"
            | "here"
            | "in"
            | "on"
            | "at"
            | "for"
            | "with"
            | "from"
            | "by"
            | "after"
            | "before"
            | "during"
            | "since"
            | "but"
            | "and"
            | "or"
            | "so"
            | "yet"
            | "however"
            | "meanwhile"
            | "also"
            | "earlier"
            | "later"
            | "last"
            | "if"
            | "when"
            | "while"
            | "although"
            | "though"
            | "as"
            | "because"
            | "what"
            | "who"
            | "why"
            | "how"
            | "where"
            | "which"
            | "some"
            | "many"
            | "most"
            | "all"
            | "both"
            | "each"
            | "no"
            | "not"
            | "one"
            | "two"
            | "three"
            | "such"
            | "other"
            | "another"
            | "still"
            | "then"
            | "now"
            | "today"
            | "yesterday"
            | "tomorrow"
            | "according"
            | "under"
            | "despite"
            | "instead"
            | "even"
            | "only"
            | "is"
            | "are"
            | "was"
            | "were"
            | "do"
            | "does"
            | "did"
            | "has"
            | "have"
            | "had"
            | "will"
            | "would"
            | "can"
            | "could"
            | "should"
            | "may"
            | "might"
            | "must"
            | "please"
            | "thanks"
            | "thank"
            | "let"
            | "let's"
    )
}

/// Capitalised words that follow `U.S.`, `U.N.`, `D.C.` inside a sentence (offices,
/// bodies and titles), so the abbreviation keeps its period before them.
fn is_institution_word(w: &str) -> bool {
    let mut buf = [0u8; 24];
    let Some(l) = ascii_lower(w, &mut buf) else {
        return false;
    };
    matches!(
        l,
        "president"
            | "presidential"
            | "vice"
            | "secretary"
            | "state"
            | "states"
            | "congress"
            | "congressman"
            | "congresswoman"
            | "congressional"
            | "senate"
            | "senator"
            | "house"
            | "representative"
            | "representatives"
            | "army"
            | "navy"
            | "air"
            | "marine"
            | "marines"
            | "coast"
            | "space"
            | "forces"
            | "force"
            | "special"
            | "central"
            | "command"
            | "treasury"
            | "department"
            | "mission"
            | "security"
            | "ambassador"
            | "embassy"
            | "consulate"
            | "court"
            | "district"
            | "supreme"
            | "federal"
            | "constitution"
            | "defense"
            | "defence"
            | "homeland"
            | "office"
            | "commission"
            | "commissioner"
            | "human"
            | "refugee"
            | "refugees"
            | "resident"
            | "integrated"
            | "envoy"
            | "trade"
            | "agency"
            | "council"
            | "general"
            | "assembly"
            | "justice"
            | "attorney"
            | "military"
            | "government"
            | "administration"
            | "officials"
            | "official"
            | "intelligence"
            | "national"
            | "international"
            | "foreign"
            | "peacekeeping"
            | "peacekeepers"
            | "high"
            | "deputy"
            | "chief"
            | "mayor"
            | "governor"
            | "police"
            | "capitol"
            | "census"
            | "bureau"
            | "institute"
            | "agency's"
            | "navy's"
            | "energy"
            | "health"
            | "food"
            | "world"
            | "development"
            | "children's"
            | "population"
            | "climate"
            | "women"
            | "relief"
            | "humanitarian"
            | "northern"
            | "southern"
            | "eastern"
            | "western"
            | "pacific"
            | "indo"
            | "africa"
            | "european"
            | "cyber"
            | "customs"
            | "immigration"
            | "border"
            | "citizenship"
            | "export"
            | "import"
            | "dollar"
            | "dollars"
            | "economy"
            | "stock"
            | "stocks"
            | "reserve"
            | "ally"
            | "allies"
    )
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F | 0x200D | 0xFE0F)
}

/// Whether token `form`, written right after `prev` with no space between, is a piece
/// the tokenizer split off a word (`n't`, `'s`, `not` of `cannot`, `na` of `gonna`):
/// EWT writes such pieces as one multiword token with their host.
pub fn joins_previous(prev: &str, form: &str) -> bool {
    let mut buf = [0u8; 24];
    let norm: String;
    let f = if form.contains('\u{2019}') {
        norm = form.replace('\u{2019}', "'");
        norm.as_str()
    } else {
        form
    };
    let Some(l) = ascii_lower(f, &mut buf) else {
        return false;
    };
    if !prev.chars().last().is_some_and(char::is_alphanumeric) {
        return false;
    }
    match l {
        "n't" | "'s" | "'re" | "'ll" | "'ve" | "'d" | "'m" => true,
        "not" => prev.eq_ignore_ascii_case("can"),
        "na" => prev.eq_ignore_ascii_case("gon") || prev.eq_ignore_ascii_case("wan"),
        "ta" => prev.eq_ignore_ascii_case("got"),
        _ => false,
    }
}

fn is_clitic(rest: &str) -> bool {
    let mut buf = [0u8; 24];
    let Some(l) = ascii_lower(rest, &mut buf) else {
        return false;
    };
    matches!(l, "s" | "re" | "ll" | "ve" | "d" | "m")
}

fn is_closing_punct(c: char) -> bool {
    matches!(
        c,
        '.' | ','
            | ';'
            | ':'
            | '!'
            | '?'
            | ')'
            | ']'
            | '}'
            | '"'
            | '\''
            | '\u{2019}'
            | '\u{201D}'
            | '\u{00BB}'
            | '\u{2026}'
            | '>'
    )
}

struct Tok<'a> {
    s: &'a str,
    b: &'a [u8],
    out: &'a mut Vec<(u32, u32)>,
}

impl Tok<'_> {
    #[inline]
    fn char_at(&self, i: usize) -> (char, usize) {
        let c0 = self.b[i];
        if c0 < 0x80 {
            return (c0 as char, 1);
        }
        match self.s[i..].chars().next() {
            Some(c) => (c, c.len_utf8()),
            None => (' ', 1),
        }
    }

    /// The char at `i` if `i < end`.
    #[inline]
    fn peek(&self, i: usize, end: usize) -> Option<char> {
        if i < end {
            Some(self.char_at(i).0)
        } else {
            None
        }
    }

    /// The char ending at byte `i` (i.e. just before `i`).
    #[inline]
    fn prev(&self, i: usize) -> Option<char> {
        self.s[..i].chars().next_back()
    }

    #[inline]
    fn emit(&mut self, a: usize, b: usize) {
        if b > a {
            self.out.push((a as u32, b as u32));
        }
    }

    fn chunk(&mut self, start: usize, end: usize) {
        let chunk = &self.s[start..end];
        let has_at = chunk.contains('@');
        let maybe_url = chunk.contains("://") || chunk.contains("www.");
        let mut p = start;
        // Starts before this position cannot begin an e-mail address (a scan from an
        // earlier start already failed there): keeps the chunk scan linear.
        let mut email_fail_until = start;
        while p < end {
            let (c, l) = self.char_at(p);
            if maybe_url && is_word_char(c) {
                if let Some(e) = self.url_end(p, end) {
                    self.emit(p, e);
                    p = e;
                    continue;
                }
            }
            if has_at && is_word_char(c) && p >= email_fail_until {
                match self.email_end(p, end) {
                    Ok(e) => {
                        self.emit(p, e);
                        p = e;
                        continue;
                    }
                    Err(until) => email_fail_until = until,
                }
            }
            if is_word_char(c) {
                p = self.word(p, end);
                continue;
            }
            p = self.punct(p, c, l, end);
        }
    }

    /// A URL starting at `p`: up to the end of the chunk minus trailing punctuation.
    fn url_end(&self, p: usize, end: usize) -> Option<usize> {
        let rest = &self.s[p..end];
        let lower_starts = |pre: &str| {
            rest.len() >= pre.len()
                && rest.is_char_boundary(pre.len())
                && rest[..pre.len()].eq_ignore_ascii_case(pre)
        };
        let is_url = lower_starts("http://")
            || lower_starts("https://")
            || lower_starts("ftp://")
            || (lower_starts("www.") && rest.len() > 6);
        if !is_url {
            return None;
        }
        let mut e = end;
        let opens = rest.matches('(').count();
        let mut closes = rest.matches(')').count();
        while e > p {
            let c = self.prev(e)?;
            if is_closing_punct(c) || c == '(' || c == '[' {
                if c == ')' && closes <= opens {
                    break;
                }
                if c == ')' {
                    closes -= 1;
                }
                e -= c.len_utf8();
            } else {
                break;
            }
        }
        (e > p + 4).then_some(e)
    }

    /// An e-mail address starting at `p`: `Ok(end of address)`, or `Err(position)` such
    /// that no start before that position can begin an address either.
    fn email_end(&self, p: usize, end: usize) -> Result<usize, usize> {
        let b = self.b;
        let mut i = p;
        while i < end
            && (b[i].is_ascii_alphanumeric() || matches!(b[i], b'.' | b'_' | b'-' | b'+' | b'%'))
        {
            i += 1;
        }
        if i >= end || b[i] != b'@' || i == p {
            return Err(i.max(p + 1));
        }
        let at = i;
        i += 1;
        while i < end && (b[i].is_ascii_alphanumeric() || matches!(b[i], b'.' | b'-')) {
            i += 1;
        }
        // Trailing periods/hyphens are sentence punctuation.
        while i > at + 1 && matches!(b[i - 1], b'.' | b'-') {
            i -= 1;
        }
        let domain = &b[at + 1..i];
        let dotted = domain.contains(&b'.') && domain.first() != Some(&b'.');
        // "name@ENRON"-style internal addresses have no dot.
        let internal = domain.len() >= 2 && domain.iter().all(u8::is_ascii_alphabetic);
        if dotted || internal {
            Ok(i)
        } else {
            Err(at)
        }
    }

    /// Scans a word starting at `p` (an alphanumeric char); emits its tokens and returns
    /// the position after them.
    fn word(&mut self, p: usize, end: usize) -> usize {
        let ws = p;
        let mut j = p;
        let mut seg = p; // start of the current hyphen segment
        while j < end {
            let (c, l) = self.char_at(j);
            if is_word_char(c) || is_mark(c) {
                j += l;
                continue;
            }
            let prev = self.prev(j);
            let next = self.peek(j + l, end);
            let (Some(pc), Some(nc)) = (prev, next) else {
                break;
            };
            let cont = match c {
                '.' => is_word_char(nc),
                ',' => {
                    pc.is_ascii_digit() && nc.is_ascii_digit() && self.thousands_group(j + 1, end)
                }
                ':' | '/' => pc.is_ascii_digit() && nc.is_ascii_digit(),
                '&' => pc.is_uppercase() && nc.is_uppercase(),
                '_' => is_word_char(nc),
                // 1990's → 1990 's
                '\'' | '\u{2019}'
                    if pc.is_ascii_digit()
                        && (nc == 's' || nc == 'S')
                        && !self.peek(j + l + 1, end).is_some_and(char::is_alphanumeric) =>
                {
                    self.emit_word(ws, j, end);
                    self.emit(j, j + l + 1);
                    return j + l + 1;
                }
                '\'' | '\u{2019}' if pc.is_alphabetic() && nc.is_alphabetic() => {
                    // Clitic?
                    let mut r = j + l;
                    while r < end {
                        let (c3, l3) = self.char_at(r);
                        if c3.is_alphabetic() {
                            r += l3;
                        } else {
                            break;
                        }
                    }
                    let rest = &self.s[j + l..r];
                    if is_clitic(rest) {
                        self.emit_word(ws, j, end);
                        self.emit(j, r);
                        return r;
                    }
                    if (rest == "t" || rest == "T") && (pc == 'n' || pc == 'N') && j - 1 > ws {
                        self.emit_word(ws, j - 1, end);
                        self.emit(j - 1, r);
                        return r;
                    }
                    true
                }
                '-' => {
                    is_word_char(pc) && is_word_char(nc) && {
                        let keep = self.hyphen_keeps(seg, j, end);
                        if keep {
                            seg = j + 1;
                        }
                        keep
                    }
                }
                _ => false,
            };
            if !cont {
                break;
            }
            j += l;
            if c == '-' {
                seg = j;
            }
        }
        // `n't` without a following clitic letter check: "don't" handled above; words
        // ending in n't at chunk end are handled there too.
        self.finish_word(ws, j, end)
    }

    /// After a comma between digits: exactly three digits follow, then a non-digit.
    fn thousands_group(&self, i: usize, end: usize) -> bool {
        let b = self.b;
        i + 3 <= end
            && b[i..i + 3].iter().all(u8::is_ascii_digit)
            && (i + 3 == end || !b[i + 3].is_ascii_digit())
    }

    /// Whether the hyphen at `h` stays inside the word whose current segment starts at
    /// `seg`.
    fn hyphen_keeps(&self, seg: usize, h: usize, end: usize) -> bool {
        let left = &self.s[seg..h];
        if is_hyphen_prefix(left) {
            // "e-mail" but "E-11A".
            return !left.eq_ignore_ascii_case("e")
                || self.b.get(h + 1).is_some_and(u8::is_ascii_alphabetic);
        }
        let b = self.b;
        let is_month = |w: &[u8]| {
            let mut buf = [0u8; 24];
            std::str::from_utf8(w)
                .ok()
                .and_then(|w| ascii_lower(w, &mut buf))
                .is_some_and(|l| {
                    matches!(
                        l,
                        "jan"
                            | "feb"
                            | "mar"
                            | "apr"
                            | "may"
                            | "jun"
                            | "jul"
                            | "aug"
                            | "sep"
                            | "oct"
                            | "nov"
                            | "dec"
                    )
                })
        };
        // Dates written 01-Feb-02 stay whole.
        let digit_at = |i: usize| i < end && b[i].is_ascii_digit();
        if is_month(left.as_bytes())
            && seg >= 2
            && b[seg - 1] == b'-'
            && b[seg - 2].is_ascii_digit()
            && digit_at(h + 1)
        {
            return true;
        }
        if !left.bytes().all(|c| c.is_ascii_digit()) {
            return false;
        }
        if left.len() <= 2
            && h + 5 < end
            && is_month(&b[h + 1..h + 4])
            && b[h + 4] == b'-'
            && digit_at(h + 5)
        {
            return true;
        }
        // Digit groups joined by hyphens: phone numbers, ZIP+4 codes and ids stay whole.
        let (n, first, second) = digit_groups(b, seg, end);
        n >= 3 || (n == 2 && matches!(first, 1 | 3 | 5) && second == 4)
    }

    /// Emits a word `[ws, we)` with the number/unit and `cannot` splits.
    fn emit_word(&mut self, ws: usize, we: usize, _end: usize) {
        let w = &self.s[ws..we];
        let wb = w.as_bytes();
        // cannot / gonna / gotta / wanna
        if wb.len() == 6 && w.eq_ignore_ascii_case("cannot") {
            self.emit(ws, ws + 3);
            self.emit(ws + 3, we);
            return;
        }
        if wb.len() == 5
            && (w.eq_ignore_ascii_case("gonna")
                || w.eq_ignore_ascii_case("gotta")
                || w.eq_ignore_ascii_case("wanna"))
        {
            self.emit(ws, ws + 3);
            self.emit(ws + 3, we);
            return;
        }
        // number + unit
        if wb.first().is_some_and(u8::is_ascii_digit) {
            let k = wb.iter().position(|c| c.is_ascii_alphabetic());
            if let Some(k) = k {
                if wb[..k]
                    .iter()
                    .all(|c| c.is_ascii_digit() || matches!(c, b'.' | b',' | b':'))
                    && wb[k..].iter().all(u8::is_ascii_alphabetic)
                    && is_unit(&w[k..])
                {
                    self.emit(ws, ws + k);
                    self.emit(ws + k, we);
                    return;
                }
            }
        }
        self.emit(ws, we);
    }

    /// Decides whether the period after the word `[ws, we)` is part of it, emits the
    /// word, and returns where scanning continues.
    fn finish_word(&mut self, ws: usize, we: usize, end: usize) -> usize {
        let b = self.b;
        // Currency with a country prefix: US$, HK$, A$.
        if we < end && b[we] == b'$' && we - ws <= 3 && b[ws..we].iter().all(u8::is_ascii_uppercase)
        {
            self.emit(ws, we + 1);
            return we + 1;
        }
        if we < end && b[we] == b'.' && !(we + 1 < end && b[we + 1] == b'.') {
            let word = &self.s[ws..we];
            if let Some(kind) = abbr_kind(word) {
                if self.keep_abbr_period(kind, we + 1, end) {
                    self.emit(ws, we + 1);
                    return we + 1;
                }
            }
        }
        self.emit_word(ws, we, end);
        we
    }

    /// Whether an abbreviation's period at `after - 1` belongs to it, given what follows.
    fn keep_abbr_period(&self, kind: AbbrKind, after: usize, end: usize) -> bool {
        let b = self.b;
        // Closing quotes after the period (`the U.S."`) do not decide: look past them.
        let mut q = after;
        while q < end {
            let (c, l) = self.char_at(q);
            if matches!(c, '"' | '\'' | '\u{201D}' | '\u{2019}') {
                q += l;
            } else {
                break;
            }
        }
        if q < end {
            // More in this chunk: "U.S.-led", "U.S.,", "(U.S.)": the period is the
            // abbreviation's.
            return kind != AbbrKind::Num || b[after].is_ascii_digit();
        }
        let after = q;
        // Next word after whitespace.
        let mut i = after;
        let mut newlines = 0;
        while i < b.len() {
            let (c, l) = self.char_at(i);
            if !c.is_whitespace() {
                break;
            }
            if c == '\n' {
                newlines += 1;
            }
            i += l;
        }
        if i >= b.len() || newlines >= 2 {
            return false;
        }
        // Skip opening quotes/brackets.
        while i < b.len() {
            let (c, l) = self.char_at(i);
            if matches!(c, '"' | '\'' | '(' | '[' | '\u{201C}' | '\u{2018}' | '`') {
                i += l;
            } else {
                break;
            }
        }
        let (c, _) = if i < b.len() {
            self.char_at(i)
        } else {
            (' ', 1)
        };
        match kind {
            AbbrKind::Num => c.is_ascii_digit(),
            AbbrKind::Title => true,
            AbbrKind::Any | AbbrKind::Initial => {
                if !c.is_uppercase() {
                    return true;
                }
                let k = self.alpha_run(i);
                let next = &self.s[i..k];
                if is_sentence_starter(next) {
                    return false;
                }
                if kind == AbbrKind::Initial || is_institution_word(next) {
                    return true;
                }
                // `in the U.S. Sheinbaum sent ...`: a capitalised word that is not an
                // institution, directly followed by a lower-case word, starts a sentence.
                let mut m = k;
                while m < b.len() && b[m] == b' ' {
                    m += 1;
                }
                if m == k || m >= b.len() {
                    return true;
                }
                let after = &self.s[m..self.alpha_run(m)];
                let lower_follows = after.chars().next().is_some_and(char::is_lowercase)
                    && !matches!(
                        after,
                        "of" | "and"
                            | "for"
                            | "de"
                            | "du"
                            | "al"
                            | "el"
                            | "bin"
                            | "van"
                            | "von"
                            | "da"
                    );
                !lower_follows
            }
        }
    }

    /// End of the run of letters (and apostrophes) starting at `i`.
    fn alpha_run(&self, i: usize) -> usize {
        let mut k = i;
        while k < self.b.len() {
            let (c, l) = self.char_at(k);
            if c.is_alphabetic() || c == '\'' || c == '\u{2019}' {
                k += l;
            } else {
                break;
            }
        }
        k
    }

    /// Punctuation and symbols at `p`; returns the position after the emitted token.
    fn punct(&mut self, p: usize, c: char, l: usize, end: usize) -> usize {
        let b = self.b;
        let same_run = |this: &Self, ch: char| {
            let mut j = p;
            while j < end {
                let (c2, l2) = this.char_at(j);
                if c2 == ch {
                    j += l2;
                } else {
                    break;
                }
            }
            j
        };
        let e = match c {
            '.' | '!' | '?' => {
                let mut j = p;
                while j < end && matches!(b[j], b'.' | b'!' | b'?') {
                    j += 1;
                }
                j
            }
            '#' | '@'
                if c == '@'
                    || self
                        .peek(p + 1, end)
                        .is_some_and(|n| n.is_alphabetic() || n == '_') =>
            {
                let mut j = p + 1;
                while j < end {
                    let (c2, l2) = self.char_at(j);
                    if is_word_char(c2) || c2 == '_' {
                        j += l2;
                    } else {
                        break;
                    }
                }
                if j > p + 1 {
                    j
                } else {
                    p + 1
                }
            }
            '\'' | '\u{2019}' => {
                // '90s, ’73
                let q = p + l;
                if q + 2 <= end
                    && b[q].is_ascii_digit()
                    && b[q + 1].is_ascii_digit()
                    && (q + 2 == end || !b[q + 2].is_ascii_digit())
                {
                    let mut j = q + 2;
                    if j < end && b[j] == b's' {
                        j += 1;
                    }
                    j
                } else if c == '\'' {
                    same_run(self, '\'')
                } else {
                    p + l
                }
            }
            ':' | ';' => {
                let rest = &b[p..end];
                let emo: &[&[u8]] = &[
                    b":-)", b":-(", b";-)", b":-D", b":)", b":(", b";)", b":D", b":P", b":p",
                ];
                let mut m = p + 1;
                for e in emo {
                    if rest.starts_with(e)
                        && (rest.len() == e.len() || !rest[e.len()].is_ascii_alphanumeric())
                    {
                        m = p + e.len();
                        break;
                    }
                }
                m
            }
            '-' | '*' | '=' | '_' | '<' | '>' | '~' | '`' | '\u{2026}' | '\u{2013}'
            | '\u{2014}' => same_run(self, c),
            _ => p + l,
        };
        self.emit(p, e);
        e
    }
}

/// Number of hyphen-joined digit groups starting at `seg` and the lengths of the first
/// two; zero groups when letters follow ("12-year").
fn digit_groups(b: &[u8], seg: usize, end: usize) -> (usize, usize, usize) {
    let (mut n, mut first, mut second) = (0, 0, 0);
    let mut i = seg;
    loop {
        let s = i;
        while i < end && b[i].is_ascii_digit() {
            i += 1;
        }
        if i == s {
            break;
        }
        match n {
            0 => first = i - s,
            1 => second = i - s,
            _ => {}
        }
        n += 1;
        if n >= 3 {
            break;
        }
        if i + 1 < end && b[i] == b'-' && b[i + 1].is_ascii_digit() {
            i += 1;
        } else {
            break;
        }
    }
    if i < end && b[i].is_ascii_alphabetic() {
        return (0, 0, 0);
    }
    (n, first, second)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<&str> {
        tokenize(s)
            .into_iter()
            .map(|(a, b)| &s[a as usize..b as usize])
            .collect()
    }

    #[test]
    fn basic() {
        assert_eq!(toks("Hello, world."), ["Hello", ",", "world", "."]);
        assert_eq!(
            toks("can't won't it's"),
            ["ca", "n't", "wo", "n't", "it", "'s"]
        );
    }
}
