//! Reading and writing CoNLL-U (UD v2), the format of the treebank we train on and of
//! `attache parse --format conllu`.
//!
//! Why our own: the format is simple and line-based, and we need exact control over
//! what is kept (comments, multiword-token lines) and over error messages that name the
//! line. Empty nodes (ids like `8.1`, enhanced dependencies only) are skipped: nothing
//! in attache uses them.

use std::fmt;
use std::path::{Path, PathBuf};

/// One syntactic word (a line with an integer id).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ConlluWord {
    pub id: u32,
    pub form: String,
    pub lemma: String,
    pub upos: String,
    pub xpos: String,
    pub feats: String,
    pub head: u32,
    pub deprel: String,
    pub deps: String,
    pub misc: String,
}

/// One sentence: its comments, its words and its multiword-token lines.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ConlluSentence {
    /// Comment lines without the leading `# ` (or `#`).
    pub comments: Vec<String>,
    /// Words with integer ids, in order (ids 1..=n).
    pub words: Vec<ConlluWord>,
    /// Multiword tokens: (first id, last id, form, misc).
    pub multiword: Vec<(u32, u32, String, String)>,
}

impl ConlluSentence {
    fn comment_value(&self, key: &str) -> Option<&str> {
        self.comments.iter().find_map(|c| {
            let rest = c.strip_prefix(key)?.trim_start();
            let rest = rest.strip_prefix('=')?;
            Some(rest.strip_prefix(' ').unwrap_or(rest))
        })
    }
    /// The `# text = ` comment.
    pub fn text(&self) -> Option<&str> {
        self.comment_value("text")
    }
    /// The `# sent_id = ` comment.
    pub fn sent_id(&self) -> Option<&str> {
        self.comment_value("sent_id")
    }
    /// True when the sentence starts a new document (`# newdoc`).
    pub fn new_doc(&self) -> bool {
        self.comments
            .iter()
            .any(|c| c == "newdoc" || c.starts_with("newdoc ") || c.starts_with("newdoc="))
    }
    /// True when the sentence starts a new paragraph (`# newpar`).
    pub fn new_par(&self) -> bool {
        self.comments
            .iter()
            .any(|c| c == "newpar" || c.starts_with("newpar ") || c.starts_with("newpar="))
    }
    /// The word forms, in order.
    pub fn forms(&self) -> Vec<&str> {
        self.words.iter().map(|w| w.form.as_str()).collect()
    }
    /// Whether the word `id` (1-based) is followed by no space (`SpaceAfter=No` on the
    /// word or on the multiword token that ends with it).
    pub fn space_after(&self, id: u32) -> bool {
        if let Some(mw) = self.multiword.iter().find(|m| m.0 <= id && id <= m.1) {
            if id < mw.1 {
                return false;
            }
            return !has_misc(&mw.3, "SpaceAfter=No");
        }
        match self.words.get(id as usize - 1) {
            Some(w) => !has_misc(&w.misc, "SpaceAfter=No"),
            None => true,
        }
    }
}

fn has_misc(misc: &str, item: &str) -> bool {
    misc.split('|').any(|m| m == item)
}

/// What went wrong while reading CoNLL-U.
#[derive(Debug, thiserror::Error)]
pub enum ConlluError {
    #[error("CoNLL-U line {line}: {message}")]
    Syntax { line: usize, message: String },
    #[error("{}: {source}", path.display())]
    InFile {
        path: PathBuf,
        #[source]
        source: Box<ConlluError>,
    },
    #[error("cannot read {}: {source} (check that the file exists and is readable)", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

fn syntax(line: usize, message: impl Into<String>) -> ConlluError {
    ConlluError::Syntax {
        line,
        message: message.into(),
    }
}

/// Parse CoNLL-U text. Sentences are separated by blank lines; a final sentence
/// without a trailing blank line is accepted.
pub fn read_conllu(input: &str) -> Result<Vec<ConlluSentence>, ConlluError> {
    let mut out = Vec::new();
    let mut cur = ConlluSentence::default();
    let mut started = false;
    for (ln0, raw) in input.lines().enumerate() {
        let ln = ln0 + 1;
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        if line.trim().is_empty() {
            if started {
                finish(&mut cur, ln)?;
                out.push(std::mem::take(&mut cur));
                started = false;
            }
            continue;
        }
        started = true;
        if let Some(c) = line.strip_prefix('#') {
            if !cur.words.is_empty() {
                return Err(syntax(
                    ln,
                    "comment line after the words of a sentence (missing blank line?)",
                ));
            }
            cur.comments
                .push(c.strip_prefix(' ').unwrap_or(c).to_string());
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() != 10 {
            return Err(syntax(
                ln,
                format!("expected 10 tab-separated columns, found {}", cols.len()),
            ));
        }
        let id = cols[0];
        if id.contains('.') {
            continue; // empty node
        }
        if let Some((a, b)) = id.split_once('-') {
            let a: u32 = a
                .parse()
                .map_err(|_| syntax(ln, format!("bad multiword id {id:?}")))?;
            let b: u32 = b
                .parse()
                .map_err(|_| syntax(ln, format!("bad multiword id {id:?}")))?;
            if b < a {
                return Err(syntax(ln, format!("multiword range {id:?} is reversed")));
            }
            cur.multiword
                .push((a, b, cols[1].to_string(), cols[9].to_string()));
            continue;
        }
        let idn: u32 = id
            .parse()
            .map_err(|_| syntax(ln, format!("bad word id {id:?}")))?;
        if idn as usize != cur.words.len() + 1 {
            return Err(syntax(
                ln,
                format!(
                    "word id {idn} out of sequence (expected {})",
                    cur.words.len() + 1
                ),
            ));
        }
        let head: u32 = if cols[6] == "_" {
            0
        } else {
            cols[6]
                .parse()
                .map_err(|_| syntax(ln, format!("bad head {:?}", cols[6])))?
        };
        cur.words.push(ConlluWord {
            id: idn,
            form: cols[1].to_string(),
            lemma: cols[2].to_string(),
            upos: cols[3].to_string(),
            xpos: cols[4].to_string(),
            feats: cols[5].to_string(),
            head,
            deprel: cols[7].to_string(),
            deps: cols[8].to_string(),
            misc: cols[9].to_string(),
        });
    }
    if started {
        let n = input.lines().count() + 1;
        finish(&mut cur, n)?;
        out.push(cur);
    }
    Ok(out)
}

fn finish(s: &mut ConlluSentence, ln: usize) -> Result<(), ConlluError> {
    let n = s.words.len() as u32;
    if n == 0 {
        return Err(syntax(ln, "sentence without words"));
    }
    for w in &s.words {
        if w.head > n {
            return Err(syntax(
                ln,
                format!(
                    "word {} has head {} beyond the sentence length {n}",
                    w.id, w.head
                ),
            ));
        }
    }
    for m in &s.multiword {
        if m.1 > n {
            return Err(syntax(
                ln,
                format!(
                    "multiword token {}-{} beyond the sentence length {n}",
                    m.0, m.1
                ),
            ));
        }
    }
    Ok(())
}

/// Read a CoNLL-U file; errors name the file.
pub fn read_conllu_file(path: &Path) -> Result<Vec<ConlluSentence>, ConlluError> {
    let text = std::fs::read_to_string(path).map_err(|e| ConlluError::Io {
        path: path.to_path_buf(),
        source: e,
    })?;
    read_conllu(&text).map_err(|e| ConlluError::InFile {
        path: path.to_path_buf(),
        source: Box::new(e),
    })
}

fn field(s: &str) -> &str {
    if s.is_empty() {
        "_"
    } else {
        s
    }
}

/// Write sentences as CoNLL-U (each followed by a blank line).
pub fn write_conllu(sentences: &[ConlluSentence], out: &mut impl fmt::Write) {
    // Writing into a fmt::Write sink only fails if the sink fails; a String never does.
    let _ = write_conllu_inner(sentences, out);
}

fn write_conllu_inner(sentences: &[ConlluSentence], out: &mut impl fmt::Write) -> fmt::Result {
    for s in sentences {
        for c in &s.comments {
            writeln!(out, "# {c}")?;
        }
        let mut mw = s.multiword.iter().peekable();
        for w in &s.words {
            while let Some(m) = mw.peek() {
                if m.0 <= w.id {
                    writeln!(
                        out,
                        "{}-{}\t{}\t_\t_\t_\t_\t_\t_\t_\t{}",
                        m.0,
                        m.1,
                        field(&m.2),
                        field(&m.3)
                    )?;
                    mw.next();
                } else {
                    break;
                }
            }
            writeln!(
                out,
                "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
                w.id,
                field(&w.form),
                field(&w.lemma),
                field(&w.upos),
                field(&w.xpos),
                field(&w.feats),
                w.head,
                field(&w.deprel),
                field(&w.deps),
                field(&w.misc)
            )?;
        }
        writeln!(out)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "# newdoc id = test-1
# sent_id = test-1-1
# text = The envoys didn't meet.
1\tThe\tthe\tDET\tDT\tDefinite=Def|PronType=Art\t2\tdet\t2:det\t_
2\tenvoys\tenvoy\tNOUN\tNNS\tNumber=Plur\t5\tnsubj\t5:nsubj\t_
3-4\tdidn't\t_\t_\t_\t_\t_\t_\t_\t_
3\tdid\tdo\tAUX\tVBD\tMood=Ind|Tense=Past|VerbForm=Fin\t5\taux\t5:aux\t_
4\tn't\tnot\tPART\tRB\tPolarity=Neg\t5\tadvmod\t5:advmod\t_
5\tmeet\tmeet\tVERB\tVB\tVerbForm=Inf\t0\troot\t0:root\tSpaceAfter=No
6\t.\t.\tPUNCT\t.\t_\t5\tpunct\t5:punct\t_

# sent_id = test-1-2
# text = Talks resumed.
1\tTalks\ttalk\tNOUN\tNNS\tNumber=Plur\t2\tnsubj\t2:nsubj\t_
2\tresumed\tresume\tVERB\tVBD\tMood=Ind|Tense=Past|VerbForm=Fin\t0\troot\t0:root\tSpaceAfter=No
2.1\tagain\tagain\tADV\tRB\t_\t_\t_\t2:advmod\t_
3\t.\t.\tPUNCT\t.\t_\t2\tpunct\t2:punct\t_

";

    #[test]
    fn round_trip() {
        let s = read_conllu(SAMPLE).unwrap();
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].text(), Some("The envoys didn't meet."));
        assert_eq!(s[0].sent_id(), Some("test-1-1"));
        assert!(s[0].new_doc());
        assert!(!s[1].new_doc());
        assert_eq!(s[0].words.len(), 6);
        assert_eq!(
            s[0].multiword,
            vec![(3, 4, "didn't".to_string(), "_".to_string())]
        );
        assert_eq!(s[0].words[3].feats, "Polarity=Neg");
        assert_eq!(s[1].words.len(), 3, "empty node skipped");
        assert!(!s[0].space_after(3));
        assert!(s[0].space_after(4));
        assert!(!s[0].space_after(5));
        let mut out = String::new();
        write_conllu(&s, &mut out);
        let again = read_conllu(&out).unwrap();
        assert_eq!(s, again);
        // Written text equals the input minus the empty node line.
        let expected: String = SAMPLE
            .lines()
            .filter(|l| !l.starts_with("2.1\t"))
            .map(|l| format!("{l}\n"))
            .collect();
        assert_eq!(out.trim_end(), expected.trim_end());
    }

    #[test]
    fn errors_name_the_line() {
        let bad = "# text = x\n1\tx\tx\tX\tX\t_\t0\n";
        let e = read_conllu(bad).unwrap_err().to_string();
        assert!(e.contains("line 2"), "{e}");
        let bad = "1\ta\ta\tX\tX\t_\t0\troot\t_\t_\n3\tb\tb\tX\tX\t_\t1\tdep\t_\t_\n";
        let e = read_conllu(bad).unwrap_err().to_string();
        assert!(e.contains("line 2") && e.contains("out of sequence"), "{e}");
        let bad = "1\ta\ta\tX\tX\t_\t7\troot\t_\t_\n";
        assert!(read_conllu(bad).is_err());
    }

    #[test]
    fn missing_file_is_named() {
        let e = read_conllu_file(Path::new("/nonexistent/x.conllu"))
            .unwrap_err()
            .to_string();
        assert!(e.contains("/nonexistent/x.conllu"), "{e}");
    }
}
