//! Reader for PETRARCH/TABARI verb dictionaries (`CAMEO.2.0.txt`, `PETR.Validate.verbs.txt`).
//!
//! Why a tolerant line reader: these dictionaries were edited by hand for decades and
//! mix TABARI and PETRARCH conventions. A line we cannot read costs that line only: it is
//! reported as a [`VerbProblem`] with file and line and reading goes on. Nothing here
//! panics on input.
//!
//! What is read: synsets (`&NAME` then `+member` lines, members may be phrases and may
//! name other synsets), verb blocks (`--- VERB [code] ---`), verb lines (`VERB {FORMS}`,
//! compound verbs `+BREAK_DOWN {…}` / `WIRE_+TAP` where `+` marks the verb word, an
//! optional own `[code]`), and pattern lines (`- words * words [code]`) with `*` the verb,
//! `$` source, `+` target, `%` compound actor, `^` one skipped word, `&SYNSET`, `_` joining
//! words that must be adjacent, and `(…)`/`{…}` groupings (read as plain word
//! sequences). Codes are `[CODE]` or `[CODE:CODE]` (event and reverse event); `[---]`
//! means "no event". Comments: `#` to end of line and `<!-- … -->` blocks.

use std::collections::HashMap;

/// An event code as a dictionary writes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum VerbCode {
    /// `[---]`: the verb or pattern does not code an event.
    Null,
    /// `[CODE]`, or `[CODE:REVERSE]` (a second event from target to source).
    Code(String, Option<String>),
}

impl VerbCode {
    fn parse(s: &str) -> VerbCode {
        let s = s.trim();
        let (a, b) = match s.split_once(':') {
            Some((a, b)) => (a.trim(), Some(b.trim())),
            None => (s, None),
        };
        if a.is_empty() || a.chars().all(|c| c == '-') {
            return VerbCode::Null;
        }
        let b = b
            .filter(|b| !b.is_empty() && !b.chars().all(|c| c == '-'))
            .map(str::to_string);
        VerbCode::Code(a.to_string(), b)
    }
}

/// One element of a pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Elem {
    /// A literal word (upper case).
    Word(String),
    /// `&NAME`: any member of the synset.
    Syn(String),
    /// `$`: the source actor starts here.
    Source,
    /// `+`: the target actor starts here.
    Target,
    /// `%`: a compound actor (both sides of the event).
    Compound,
    /// `^`: one word skipped.
    Skip,
}

/// A pattern element and whether it must be directly followed by the next element
/// (written with `_`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PElem {
    pub elem: Elem,
    pub joined_next: bool,
}

/// One `- … * … [code]` line.
#[derive(Debug, Clone)]
pub struct Pattern {
    /// Elements before the verb, in text order (the last is nearest the verb).
    pub pre: Vec<PElem>,
    /// Whether the last pre element is joined to the verb.
    pub pre_joined_verb: bool,
    /// Elements after the verb, in text order.
    pub post: Vec<PElem>,
    /// Whether the verb is joined to the first post element.
    pub verb_joined_post: bool,
    pub code: VerbCode,
    pub line: usize,
}

impl Pattern {
    /// Number of literal words and synsets: longer patterns are tried first.
    pub fn weight(&self) -> usize {
        self.pre
            .iter()
            .chain(&self.post)
            .map(|e| match e.elem {
                Elem::Word(_) | Elem::Syn(_) => 2,
                Elem::Source | Elem::Target | Elem::Compound => 1,
                Elem::Skip => 0,
            })
            .sum()
    }
}

/// One `--- NAME [code] ---` block: its verbs share its patterns.
#[derive(Debug, Clone)]
pub struct VerbBlock {
    pub name: String,
    pub code: VerbCode,
    pub patterns: Vec<Pattern>,
    pub line: usize,
}

/// One verb (possibly multi-word) of a block.
#[derive(Debug, Clone)]
pub struct VerbEntry {
    pub block: usize,
    /// Words directly before the verb word (`WIRE` in `WIRE_+TAP`).
    pub pre: Vec<String>,
    /// The verb word (base form, upper case).
    pub word: String,
    /// Words directly after the verb word (`DOWN` in `+BREAK_DOWN`).
    pub post: Vec<String>,
    /// Irregular forms given in `{…}` (verb word only).
    pub forms: Vec<String>,
    /// Own code, overriding the block's.
    pub code: Option<VerbCode>,
    pub line: usize,
}

/// A line that could not be read.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct VerbProblem {
    pub file: String,
    pub line: usize,
    pub message: String,
}

impl std::fmt::Display for VerbProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.message)
    }
}

/// A verb dictionary.
#[derive(Debug, Clone, Default)]
pub struct VerbDict {
    /// Synset name (without `&`, upper case, no trailing `_`) → members (word sequences;
    /// a member word may itself be `&NAME`).
    pub synsets: HashMap<String, Vec<Vec<String>>>,
    pub blocks: Vec<VerbBlock>,
    pub verbs: Vec<VerbEntry>,
    /// Verb word or form (upper case) → indices into `verbs`.
    pub by_word: HashMap<String, Vec<usize>>,
}

/// Strip `#` comments and `<!-- -->` blocks; `in_block` carries across lines.
fn strip_comment(line: &str, in_block: &mut bool) -> String {
    let mut s = line.to_string();
    let mut out = String::new();
    loop {
        if *in_block {
            match s.find("-->") {
                Some(i) => {
                    *in_block = false;
                    s = s[i + 3..].to_string();
                }
                None => return out,
            }
        }
        match s.find("<!--") {
            Some(i) => {
                out.push_str(&s[..i]);
                s = s[i + 4..].to_string();
                *in_block = true;
            }
            None => {
                out.push_str(&s);
                break;
            }
        }
    }
    // `#` starts a comment unless it is inside a `[code]` (`[###]` is a code).
    let mut depth = 0i32;
    for (i, c) in out.char_indices() {
        match c {
            '[' => depth += 1,
            ']' => depth -= 1,
            '#' if depth <= 0 => {
                out.truncate(i);
                break;
            }
            _ => {}
        }
    }
    out
}

/// Split `_`-joined parts, keeping synset names that contain `_` (`&FIGHT_OF_WORDS`)
/// whole when such a synset is known.
fn join_synset_parts(parts: &[&str], known: &HashMap<String, Vec<Vec<String>>>) -> Vec<String> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < parts.len() {
        let p = parts[i];
        if p.starts_with('&') {
            let mut best = 1;
            for k in (2..=parts.len() - i).rev() {
                let name = syn_name(&parts[i..i + k].join("_"));
                if known.contains_key(&name) {
                    best = k;
                    break;
                }
            }
            out.push(parts[i..i + best].join("_"));
            i += best;
        } else {
            out.push(p.to_string());
            i += 1;
        }
    }
    out
}

fn syn_name(s: &str) -> String {
    s.trim_start_matches('&')
        .trim_end_matches('_')
        .to_uppercase()
}

/// Split `TEXT [CODE] rest` into text and the first bracketed code.
fn split_code(t: &str) -> (String, Option<String>) {
    match t.find('[') {
        Some(i) => {
            let close = t[i..].find(']').map(|j| i + j);
            let code = close.map(|c| t[i + 1..c].to_string());
            (t[..i].to_string(), code)
        }
        None => (t.to_string(), None),
    }
}

/// Regular English forms of a verb: -S, -ED, -ING (with the usual spelling rules).
pub fn regular_forms(v: &str) -> Vec<String> {
    let mut out = vec![v.to_string()];
    let bytes = v.as_bytes();
    let n = bytes.len();
    if n == 0 {
        return out;
    }
    let last = bytes[n - 1] as char;
    let vowel = |c: char| "AEIOU".contains(c);
    if v.ends_with('S') || v.ends_with("SH") || v.ends_with("CH") || v.ends_with('X') {
        out.push(format!("{v}ES"));
    } else if last == 'Y' && n > 1 && !vowel(bytes[n - 2] as char) {
        out.push(format!("{}IES", &v[..n - 1]));
    } else {
        out.push(format!("{v}S"));
    }
    if last == 'E' {
        out.push(format!("{v}D"));
        out.push(format!("{}ING", &v[..n - 1]));
    } else if last == 'Y' && n > 1 && !vowel(bytes[n - 2] as char) {
        out.push(format!("{}IED", &v[..n - 1]));
        out.push(format!("{v}ING"));
    } else {
        out.push(format!("{v}ED"));
        out.push(format!("{v}ING"));
        // Doubled final consonant (STOP → STOPPED), harmless when wrong.
        if n >= 3
            && !vowel(last)
            && !"WXY".contains(last)
            && vowel(bytes[n - 2] as char)
            && !vowel(bytes[n - 3] as char)
        {
            out.push(format!("{v}{last}ED"));
            out.push(format!("{v}{last}ING"));
        }
    }
    out
}

/// Parse the elements of one side of a pattern. Returns the elements and whether the
/// side touches the verb with `_` (for the pre side: ends with `_`; for post: starts).
fn parse_elems(s: &str, known: &HashMap<String, Vec<Vec<String>>>) -> Result<Vec<PElem>, String> {
    let cleaned: String = s
        .chars()
        .map(|c| if "(){}".contains(c) { ' ' } else { c })
        .collect();
    let mut out: Vec<PElem> = Vec::new();
    for chunk in cleaned.split_whitespace() {
        let raw: Vec<&str> = chunk.split('_').collect();
        let parts = join_synset_parts(&raw, known);
        let k = parts.len();
        for (i, p) in parts.iter().enumerate() {
            if p.is_empty() {
                continue;
            }
            // Joined to the next element when an `_` follows and something follows it
            // within the chunk.
            let joined = i + 1 < k && parts[i + 1..].iter().any(|q| !q.is_empty());
            let elem = match p.as_str() {
                "$" => Elem::Source,
                "+" => Elem::Target,
                "%" => Elem::Compound,
                "^" => Elem::Skip,
                w if w.starts_with('&') => {
                    let n = syn_name(w);
                    if n.is_empty() {
                        return Err(format!("empty synset name in `{chunk}`"));
                    }
                    Elem::Syn(n)
                }
                w if w.starts_with('+') || w.starts_with('$') => {
                    // `+WORD`: an actor word marked as target; keep the word.
                    Elem::Word(w[1..].to_uppercase())
                }
                w => Elem::Word(w.to_uppercase()),
            };
            out.push(PElem {
                elem,
                joined_next: joined,
            });
        }
    }
    Ok(out)
}

fn parse_pattern(
    body: &str,
    code: VerbCode,
    line: usize,
    known: &HashMap<String, Vec<Vec<String>>>,
) -> Result<Pattern, String> {
    let Some(star) = body.find('*') else {
        return Err("pattern without `*` (the verb)".into());
    };
    if body[star + 1..].contains('*') {
        return Err("pattern with more than one `*`".into());
    }
    let pre_s = &body[..star];
    let post_s = &body[star + 1..];
    let pre_joined_verb = pre_s.ends_with('_');
    let verb_joined_post = post_s.starts_with('_');
    let mut pre = parse_elems(pre_s, known)?;
    if let Some(l) = pre.last_mut() {
        l.joined_next = pre_joined_verb;
    }
    let post = parse_elems(post_s, known)?;
    Ok(Pattern {
        pre,
        pre_joined_verb,
        post,
        verb_joined_post,
        code,
        line,
    })
}

impl VerbDict {
    /// Read a dictionary from text; `file` names it in problems.
    pub fn parse(file: &str, text: &str) -> (VerbDict, Vec<VerbProblem>) {
        let mut d = VerbDict::default();
        let mut probs = Vec::new();
        let mut in_block = false;
        let mut cur_syn: Option<String> = None;
        let mut cur_block: Option<usize> = None;
        let prob = |probs: &mut Vec<VerbProblem>, line: usize, m: String| {
            probs.push(VerbProblem {
                file: file.to_string(),
                line,
                message: m,
            })
        };
        for (ln, raw) in text.lines().enumerate() {
            let line = ln + 1;
            let s = strip_comment(raw, &mut in_block);
            let t = s.trim();
            if t.is_empty() {
                continue;
            }
            if t.starts_with("---") {
                // Block header `--- NAME [code] ---`.
                let inner = t.trim_matches('-').trim();
                let (name, code) = split_code(inner);
                let name = name.trim().trim_end_matches('_').to_uppercase();
                if name.is_empty() {
                    prob(&mut probs, line, "verb block header without a verb".into());
                    cur_block = None;
                    continue;
                }
                d.blocks.push(VerbBlock {
                    name,
                    code: code.map(|c| VerbCode::parse(&c)).unwrap_or(VerbCode::Null),
                    patterns: Vec::new(),
                    line,
                });
                cur_block = Some(d.blocks.len() - 1);
                cur_syn = None;
                continue;
            }
            if let Some(name) = t.strip_prefix('&') {
                let n = syn_name(name.split_whitespace().next().unwrap_or(""));
                if n.is_empty() {
                    prob(&mut probs, line, "synset without a name".into());
                    continue;
                }
                d.synsets.entry(n.clone()).or_default();
                cur_syn = Some(n);
                cur_block = None;
                continue;
            }
            if let Some(body) = t.strip_prefix('-') {
                let Some(b) = cur_block else {
                    prob(
                        &mut probs,
                        line,
                        "pattern outside a verb block; skipped".into(),
                    );
                    continue;
                };
                let (body, code) = split_code(body);
                let Some(code) = code else {
                    prob(&mut probs, line, "pattern without `[code]`; skipped".into());
                    continue;
                };
                match parse_pattern(&body, VerbCode::parse(&code), line, &d.synsets) {
                    Ok(p) => d.blocks[b].patterns.push(p),
                    Err(m) => prob(&mut probs, line, format!("{m}; skipped")),
                }
                continue;
            }
            if let Some(member) = t.strip_prefix('+') {
                if let Some(sn) = &cur_syn {
                    let raw: Vec<&str> = member
                        .split(|c: char| c == '_' || c.is_whitespace())
                        .filter(|w| !w.is_empty())
                        .collect();
                    let words: Vec<String> = join_synset_parts(&raw, &d.synsets)
                        .iter()
                        .map(|w| {
                            if w.starts_with('&') {
                                format!("&{}", syn_name(w))
                            } else {
                                w.to_uppercase()
                            }
                        })
                        .collect();
                    if words.is_empty() {
                        prob(&mut probs, line, "empty synset member".into());
                    } else if let Some(v) = d.synsets.get_mut(sn) {
                        v.push(words);
                    }
                    continue;
                }
            }
            // A verb line (primary or `+` compound) inside a block.
            let Some(b) = cur_block else {
                prob(
                    &mut probs,
                    line,
                    format!("line `{t}` outside a synset or verb block; skipped"),
                );
                continue;
            };
            match parse_verb_line(t, b, line) {
                Ok(v) => d.verbs.push(v),
                Err(m) => prob(&mut probs, line, format!("{m}; skipped")),
            }
        }
        for (i, v) in d.verbs.iter().enumerate() {
            let mut keys = regular_forms(&v.word);
            keys.extend(v.forms.iter().cloned());
            keys.sort();
            keys.dedup();
            for k in keys {
                d.by_word.entry(k).or_default().push(i);
            }
        }
        for b in &mut d.blocks {
            // Longest patterns first; the sort is stable so file order breaks ties.
            b.patterns.sort_by_key(|p| std::cmp::Reverse(p.weight()));
        }
        (d, probs)
    }

    /// Read a dictionary file.
    pub fn load(path: &std::path::Path) -> Result<(VerbDict, Vec<VerbProblem>), std::io::Error> {
        let text = std::fs::read_to_string(path)?;
        let name = path.display().to_string();
        Ok(VerbDict::parse(&name, &text))
    }

    /// The code of verb `v` without a pattern.
    pub fn default_code(&self, v: usize) -> &VerbCode {
        let e = &self.verbs[v];
        e.code.as_ref().unwrap_or(&self.blocks[e.block].code)
    }

    /// Number of patterns over all blocks.
    pub fn pattern_count(&self) -> usize {
        self.blocks.iter().map(|b| b.patterns.len()).sum()
    }
}

fn parse_verb_line(t: &str, block: usize, line: usize) -> Result<VerbEntry, String> {
    let (head, code) = split_code(t);
    let (head, forms) = match head.find('{') {
        Some(i) => {
            let j = head[i..]
                .find('}')
                .map(|j| i + j)
                .ok_or("`{` without `}`")?;
            (head[..i].to_string(), head[i + 1..j].to_string())
        }
        None => (head, String::new()),
    };
    let head = head.trim();
    let compound = head.starts_with('+') || head.contains("_+") || head.contains(" +");
    let words: Vec<&str> = head
        .split(|c: char| c == '_' || c.is_whitespace())
        .filter(|w| !w.is_empty())
        .collect();
    if words.is_empty() {
        return Err("verb line without a verb".into());
    }
    let vi = if compound {
        words.iter().position(|w| w.starts_with('+')).unwrap_or(0)
    } else {
        0
    };
    let clean = |w: &str| w.trim_start_matches('+').to_uppercase();
    let word = clean(words[vi]);
    if word.is_empty() {
        return Err("empty verb word".into());
    }
    // Forms: for compound verbs, the `+`-marked word of each form.
    let forms = forms
        .split_whitespace()
        .filter_map(|f| {
            let ws: Vec<&str> = f.split('_').filter(|w| !w.is_empty()).collect();
            let w = ws
                .iter()
                .find(|w| w.starts_with('+'))
                .or(ws.get(vi))
                .or(ws.first())?;
            let c = clean(w);
            (!c.is_empty()).then_some(c)
        })
        .collect();
    Ok(VerbEntry {
        block,
        pre: words[..vi].iter().map(|w| clean(w)).collect(),
        word,
        post: words[vi + 1..].iter().map(|w| clean(w)).collect(),
        forms,
        code: code.map(|c| VerbCode::parse(&c)),
        line,
    })
}
