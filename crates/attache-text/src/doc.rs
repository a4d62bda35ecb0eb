//! The parsed-document model: a [`Doc`] borrows the text and holds [`Sentence`]s, each a
//! struct of arrays over its tokens (byte span, tags, lemma, head, relation).
//!
//! This is the contract the lexicon and the coder are written against: keep the
//! accessor methods stable; the storage behind them may change.

use std::ops::Range;

/// Universal part-of-speech tags (UD v2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[allow(clippy::upper_case_acronyms)]
pub enum Upos {
    ADJ,
    ADP,
    ADV,
    AUX,
    CCONJ,
    DET,
    INTJ,
    NOUN,
    NUM,
    PART,
    PRON,
    PROPN,
    PUNCT,
    SCONJ,
    SYM,
    VERB,
    X,
}

impl Upos {
    pub const ALL: [Upos; 17] = [
        Upos::ADJ,
        Upos::ADP,
        Upos::ADV,
        Upos::AUX,
        Upos::CCONJ,
        Upos::DET,
        Upos::INTJ,
        Upos::NOUN,
        Upos::NUM,
        Upos::PART,
        Upos::PRON,
        Upos::PROPN,
        Upos::PUNCT,
        Upos::SCONJ,
        Upos::SYM,
        Upos::VERB,
        Upos::X,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Upos::ADJ => "ADJ",
            Upos::ADP => "ADP",
            Upos::ADV => "ADV",
            Upos::AUX => "AUX",
            Upos::CCONJ => "CCONJ",
            Upos::DET => "DET",
            Upos::INTJ => "INTJ",
            Upos::NOUN => "NOUN",
            Upos::NUM => "NUM",
            Upos::PART => "PART",
            Upos::PRON => "PRON",
            Upos::PROPN => "PROPN",
            Upos::PUNCT => "PUNCT",
            Upos::SCONJ => "SCONJ",
            Upos::SYM => "SYM",
            Upos::VERB => "VERB",
            Upos::X => "X",
        }
    }

    pub fn parse(s: &str) -> Option<Upos> {
        Upos::ALL.iter().copied().find(|u| u.as_str() == s)
    }
}

/// The morphological features the coder uses, as a small copyable value. The full
/// UD feature string is available through [`Sentence::feats_str`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Feats {
    /// `Tense=Past|Pres|Fut`.
    pub tense: Option<&'static str>,
    /// `Number=Sing|Plur`.
    pub number: Option<&'static str>,
    /// `Voice=Pass`.
    pub voice: Option<&'static str>,
    /// `Mood=Ind|Imp|Sub|Cnd`.
    pub mood: Option<&'static str>,
    /// `VerbForm=Fin|Inf|Part|Ger`.
    pub verb_form: Option<&'static str>,
    /// `Polarity=Neg`.
    pub polarity: Option<&'static str>,
}

/// One analysed token, as stored in a sentence's arrays.
#[derive(Debug, Clone, PartialEq)]
pub struct TokenRecord {
    /// Byte range in the document text.
    pub start: u32,
    pub end: u32,
    pub upos: Upos,
    pub xpos: String,
    pub feats: String,
    pub lemma: String,
    /// 1-based index of the head in the sentence, 0 for the root.
    pub head: u32,
    pub deprel: String,
}

/// A parsed sentence. Token indices are 0-based.
#[derive(Debug, Clone, PartialEq)]
pub struct Sentence {
    /// Byte range of the sentence in the document text.
    pub span: Range<usize>,
    pub tokens: Vec<TokenRecord>,
}

impl Sentence {
    pub fn len(&self) -> usize {
        self.tokens.len()
    }
    pub fn is_empty(&self) -> bool {
        self.tokens.is_empty()
    }
    /// Byte range of token `i` in the document text.
    pub fn token_span(&self, i: usize) -> Range<usize> {
        let t = &self.tokens[i];
        t.start as usize..t.end as usize
    }
    /// Surface form of token `i`.
    pub fn form<'t>(&self, text: &'t str, i: usize) -> &'t str {
        &text[self.token_span(i)]
    }
    pub fn upos(&self, i: usize) -> Upos {
        self.tokens[i].upos
    }
    pub fn xpos(&self, i: usize) -> &str {
        &self.tokens[i].xpos
    }
    pub fn lemma(&self, i: usize) -> &str {
        &self.tokens[i].lemma
    }
    /// The UD feature string (`_` when none).
    pub fn feats_str(&self, i: usize) -> &str {
        &self.tokens[i].feats
    }
    /// The features the coder uses.
    pub fn feats(&self, i: usize) -> Feats {
        parse_feats(&self.tokens[i].feats)
    }
    /// 0-based index of the head of token `i`, `None` for the root.
    pub fn head(&self, i: usize) -> Option<usize> {
        match self.tokens[i].head {
            0 => None,
            h => Some(h as usize - 1),
        }
    }
    /// Dependency relation of token `i` to its head (`root` for the root), with subtype
    /// (`obl:tmod`, `nmod:poss`).
    pub fn deprel(&self, i: usize) -> &str {
        &self.tokens[i].deprel
    }
    /// Indices of the dependents of token `i`, in order.
    pub fn children(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        (0..self.len()).filter(move |&j| self.head(j) == Some(i))
    }
    /// Index of the root token, if the sentence is not empty.
    pub fn root(&self) -> Option<usize> {
        (0..self.len()).find(|&j| self.tokens[j].head == 0)
    }
}

fn parse_feats(s: &str) -> Feats {
    let mut f = Feats::default();
    if s == "_" || s.is_empty() {
        return f;
    }
    for kv in s.split('|') {
        let Some((k, v)) = kv.split_once('=') else {
            continue;
        };
        let v: Option<&'static str> = match v {
            "Past" => Some("Past"),
            "Pres" => Some("Pres"),
            "Fut" => Some("Fut"),
            "Sing" => Some("Sing"),
            "Plur" => Some("Plur"),
            "Pass" => Some("Pass"),
            "Act" => Some("Act"),
            "Ind" => Some("Ind"),
            "Imp" => Some("Imp"),
            "Sub" => Some("Sub"),
            "Cnd" => Some("Cnd"),
            "Fin" => Some("Fin"),
            "Inf" => Some("Inf"),
            "Part" => Some("Part"),
            "Ger" => Some("Ger"),
            "Neg" => Some("Neg"),
            _ => None,
        };
        match k {
            "Tense" => f.tense = v,
            "Number" => f.number = v,
            "Voice" => f.voice = v,
            "Mood" => f.mood = v,
            "VerbForm" => f.verb_form = v,
            "Polarity" => f.polarity = v,
            _ => {}
        }
    }
    f
}

/// A parsed document: the text it borrows and its sentences.
#[derive(Debug, Clone)]
pub struct Doc<'t> {
    pub text: &'t str,
    pub sentences: Vec<Sentence>,
}
