//! The command line: every command, its arguments and its help text (clap derive).
//!
//! The contract users and scripts rely on is in the design (`attache ingest`, `code`,
//! `parse`, `events`, `dyad`, `relations`, `changes`, `actors`, `eval`, `bench`,
//! `train`, `ledger`); exit codes are 0 success, 1 failure, 2 usage error.

use crate::output::Format;
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

#[derive(Parser, Debug)]
#[command(
    name = "attache",
    version,
    about = "Reads international news and keeps a live, source-cited record of relations between states.",
    long_about = "attache reads news articles (text, JSON Lines, HTML, RSS/Atom), codes who did what to whom \
(CAMEO and PLOVER events with the sentence as evidence), and keeps a ledger of diplomatic representation \
and recognition between states.\n\nStart with `attache quickstart`.",
    propagate_version = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Args, Debug, Clone)]
pub struct DbArg {
    /// The store (SQLite). Created when missing; a file that is not an attache store is refused.
    #[arg(
        long,
        env = "ATTACHE_DB",
        default_value = "attache.db",
        value_name = "FILE"
    )]
    pub db: PathBuf,
}

#[derive(Args, Debug, Clone)]
pub struct FormatArg {
    /// Output format [default: table on a terminal, jsonl otherwise]
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub format: Option<Format>,
}

#[derive(Args, Debug, Clone)]
pub struct InputArgs {
    /// Files, directories (read recursively) or `-` for standard input.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Publication date (YYYY-MM-DD) for articles whose metadata has none.
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,
    /// Read every input as this format instead of guessing from the extension.
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub input_format: Option<InputFormatArg>,
}

#[derive(ValueEnum, Debug, Clone, Copy)]
pub enum InputFormatArg {
    Text,
    Jsonl,
    Html,
    Feed,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Ingest the built-in example articles into a fresh store and show what attache found.
    Quickstart {
        /// Where to create the store [default: a new file in the temporary directory].
        #[arg(long, value_name = "FILE")]
        db: Option<PathBuf>,
    },
    /// Read articles, code them, and store articles, events and ledger changes.
    Ingest {
        #[command(flatten)]
        input: InputArgs,
        #[command(flatten)]
        db: DbArg,
        #[command(flatten)]
        format: FormatArg,
        /// Worker threads for coding [default: all cores].
        #[arg(long, value_name = "N")]
        threads: Option<usize>,
    },
    /// Code the stored articles again with this build's coder, replacing what an older coder stored (the old rows are kept in the store's history).
    Recode {
        #[command(flatten)]
        db: DbArg,
        /// Count what would change without writing anything.
        #[arg(long)]
        dry_run: bool,
        #[command(flatten)]
        format: FormatArg,
        /// Worker threads for coding [default: all cores].
        #[arg(long, value_name = "N")]
        threads: Option<usize>,
    },
    /// Code articles and print their events without storing anything.
    Code {
        #[command(flatten)]
        input: InputArgs,
        #[command(flatten)]
        format: FormatArg,
        /// Also print representation and recognition facts (json/jsonl: one object per article).
        #[arg(long)]
        all: bool,
    },
    /// Tokenize, tag, lemmatize and parse text; print CoNLL-U or JSON.
    Parse {
        /// Files, directories or `-` (the text of each article is parsed).
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
        #[arg(long, value_enum, default_value = "conllu")]
        format: ParseFormat,
        /// Read every input as this format instead of guessing from the extension.
        #[arg(long, value_enum, value_name = "FORMAT")]
        input_format: Option<InputFormatArg>,
    },
    /// List stored events.
    Events {
        /// Events where this actor (country code or actor code prefix) is source or target.
        #[arg(long, value_name = "CODE")]
        actor: Option<String>,
        /// Events between two actors, either direction: `--dyad PAK,AFG`.
        #[arg(long, value_name = "A,B")]
        dyad: Option<String>,
        /// CAMEO code prefix (`04`, `042`).
        #[arg(long, value_name = "PREFIX")]
        code: Option<String>,
        /// Earliest date (YYYY[-MM[-DD]]).
        #[arg(long, value_name = "DATE")]
        from: Option<String>,
        /// Latest date (YYYY[-MM[-DD]]).
        #[arg(long, value_name = "DATE")]
        to: Option<String>,
        /// At most this many events.
        #[arg(long, value_name = "N")]
        limit: Option<usize>,
        #[command(flatten)]
        db: DbArg,
        #[command(flatten)]
        format: FormatArg,
    },
    /// The relationship between two states: representation both ways now and its history, recognition, key events, trend.
    Dyad {
        /// First state (ISO, CAMEO or COW code).
        a: String,
        /// Second state.
        b: String,
        /// Bucket of the trend and series: day, week or month.
        #[arg(long, default_value = "week", value_name = "GRANULARITY")]
        granularity: String,
        /// Number of buckets in the trend window (ending at the dyad's latest event).
        #[arg(long, default_value_t = 12, value_name = "N")]
        buckets: u32,
        /// Print the event series per bucket (counts by quad class and root, Goldstein) instead of the report.
        #[arg(long)]
        series: bool,
        /// Series start (YYYY[-MM[-DD]]); with --series.
        #[arg(long, value_name = "DATE")]
        from: Option<String>,
        /// Series end (YYYY[-MM[-DD]]); with --series.
        #[arg(long, value_name = "DATE")]
        to: Option<String>,
        #[command(flatten)]
        db: DbArg,
        #[command(flatten)]
        format: FormatArg,
    },
    /// Every counterpart of a state with representation levels both ways, recognition and last event.
    Relations {
        /// The state (ISO, CAMEO or COW code).
        country: String,
        #[command(flatten)]
        db: DbArg,
        #[command(flatten)]
        format: FormatArg,
    },
    /// The latest representation and recognition changes.
    Changes {
        /// Only changes effective on or after this date (YYYY[-MM[-DD]]).
        #[arg(long, value_name = "DATE")]
        since: Option<String>,
        /// Only changes involving this state.
        #[arg(long, value_name = "CODE")]
        country: Option<String>,
        #[arg(long, value_name = "N")]
        limit: Option<usize>,
        #[command(flatten)]
        db: DbArg,
        #[command(flatten)]
        format: FormatArg,
    },
    /// Curate the ledger by hand: record facts, retract wrong ones, import and export COW data.
    Ledger {
        #[command(subcommand)]
        action: LedgerCommand,
    },
    /// Query and check the actor lexicon.
    Actors {
        #[command(subcommand)]
        action: ActorsCommand,
    },
    /// Measure accuracy against gold data.
    Eval {
        #[command(subcommand)]
        what: EvalCommand,
    },
    /// Measure speed and memory (medians of repeated runs).
    Bench {
        #[command(subcommand)]
        what: BenchCommand,
    },
    /// Train the NLP models from a CoNLL-U treebank.
    Train {
        #[command(subcommand)]
        what: TrainCommand,
    },
}

#[derive(ValueEnum, Debug, Clone, Copy)]
pub enum ParseFormat {
    Conllu,
    Json,
}

#[derive(Subcommand, Debug)]
pub enum LedgerCommand {
    /// Record that SENDER is represented in RECEIVER at LEVEL (curated facts outrank derived ones).
    Set {
        sender: String,
        receiver: String,
        /// none, charge_d_affaires, minister, ambassador, other, interests_section (or COW 0-3, 9).
        level: String,
        /// Effective date (YYYY[-MM[-DD]]).
        #[arg(long, value_name = "DATE")]
        since: String,
        /// Where the fact comes from (URL or reference).
        #[arg(long, value_name = "SOURCE")]
        source: String,
        #[arg(long, value_name = "TEXT")]
        note: Option<String>,
        #[command(flatten)]
        db: DbArg,
        #[command(flatten)]
        format: FormatArg,
    },
    /// Record that a state recognizes or formally deals with a government.
    Recognize {
        /// The recognizing state.
        recognizer: String,
        /// Actor code of the government (e.g. AFGGOVTAL).
        government: String,
        /// The state that government governs.
        #[arg(long, value_name = "CODE")]
        governs: String,
        /// recognizes, formal_relations, accepts_envoy, withholds.
        #[arg(long, default_value = "recognizes")]
        kind: String,
        #[arg(long, value_name = "DATE")]
        since: String,
        #[arg(long, value_name = "SOURCE")]
        source: String,
        #[arg(long, value_name = "TEXT")]
        note: Option<String>,
        #[command(flatten)]
        db: DbArg,
        #[command(flatten)]
        format: FormatArg,
    },
    /// Retract a change (by the id shown in `changes` or `dyad`) with a reason; it stays visible in the history.
    Retract {
        id: String,
        #[arg(long, value_name = "TEXT")]
        reason: String,
        #[command(flatten)]
        db: DbArg,
    },
    /// Import a Correlates of War Diplomatic Exchange CSV (ccode1, ccode2, year, DR_at_1, DR_at_2, DE, version).
    ImportCow {
        file: PathBuf,
        #[command(flatten)]
        db: DbArg,
        #[command(flatten)]
        format: FormatArg,
    },
    /// Export dyad-years in the COW Diplomatic Exchange CSV layout.
    ExportCow {
        /// First year to export.
        #[arg(long)]
        from: Option<i32>,
        /// Last year to export.
        #[arg(long)]
        to: Option<i32>,
        /// Write to this file instead of standard output.
        #[arg(long, short, value_name = "FILE")]
        output: Option<PathBuf>,
        #[command(flatten)]
        db: DbArg,
    },
}

#[derive(Subcommand, Debug)]
pub enum ActorsCommand {
    /// Show what a phrase resolves to and why.
    Lookup {
        text: String,
        /// Resolve as of this date (YYYY-MM-DD): picks office holders and dated names.
        #[arg(long, value_name = "DATE")]
        date: Option<String>,
        /// Also load these dictionaries: attache TOML files or directories, or PETRARCH actor/agent files.
        #[arg(long = "dict", value_name = "FILE")]
        dicts: Vec<PathBuf>,
        #[command(flatten)]
        format: FormatArg,
    },
    /// Validate the lexicon: duplicate or conflicting aliases, missing codes, overlapping office terms.
    Check {
        /// Also load these dictionaries.
        #[arg(long = "dict", value_name = "FILE")]
        dicts: Vec<PathBuf>,
        #[command(flatten)]
        format: FormatArg,
    },
}

#[derive(Subcommand, Debug)]
pub enum EvalCommand {
    /// Tokenization, tagging, lemmas and parsing against a CoNLL-U gold file (CoNLL 2018 metrics).
    Nlp {
        #[arg(long, value_name = "FILE")]
        gold: PathBuf,
        #[command(flatten)]
        format: FormatArg,
    },
    /// Actor resolution against a gold file of mentions.
    Actors {
        #[arg(
            long,
            value_name = "FILE",
            default_value = "data/eval/actors-gold.jsonl"
        )]
        gold: PathBuf,
        #[command(flatten)]
        format: FormatArg,
    },
    /// Events against gold annotations over the VOA corpus: P/R/F1 of (source, target, root).
    Events {
        #[arg(
            long,
            value_name = "FILE",
            default_value = "data/gold/events-voa.jsonl"
        )]
        gold: PathBuf,
        /// The stories the gold file refers to.
        #[arg(
            long,
            value_name = "FILE",
            default_value = "../shared/corpus/voa/voa_stories.jsonl"
        )]
        corpus: PathBuf,
        /// Score only this split (dev or test).
        #[arg(long)]
        split: Option<String>,
        /// List the sentences where prediction and gold disagree (text, missed and extra
        /// triples) instead of the scores.
        #[arg(long)]
        errors: bool,
        /// Score this second, independent annotation of gold sentences against the gold
        /// instead of the coder (inter-annotator agreement), on the sentences both annotate;
        /// with `--errors`, list where the two annotators disagree.
        #[arg(long, value_name = "FILE", conflicts_with = "sentences_of")]
        second: Option<PathBuf>,
        /// Score only the gold sentences this annotation file also annotates (to compare
        /// the coder with `--second` on the same sentences).
        #[arg(long, value_name = "FILE")]
        sentences_of: Option<PathBuf>,
        #[command(flatten)]
        format: FormatArg,
    },
    /// Share of PETRARCH2 unit-test records whose expected events are produced (from the sentence text, through our own parser).
    Petrarch {
        #[arg(
            long,
            value_name = "FILE",
            default_value = "../shared/eval/petrarch/PETR.UnitTest.records.xml"
        )]
        records: PathBuf,
        #[command(flatten)]
        format: FormatArg,
    },
}

#[derive(Subcommand, Debug)]
pub enum BenchCommand {
    /// Tokenize + tag + lemmatize + parse speed; model load time; peak memory.
    Nlp(BenchArgs),
    /// Coding speed (parse + resolve + extract).
    Code(BenchArgs),
    /// End-to-end ingestion speed into a temporary store.
    Ingest(BenchArgs),
}

#[derive(Args, Debug)]
pub struct BenchArgs {
    /// Inputs [default: ../shared/corpus/voa/voa_stories.jsonl].
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Threads for the parallel run [default: all cores].
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,
    /// Timed runs (the median is reported).
    #[arg(long, default_value_t = 5)]
    pub runs: usize,
    #[command(flatten)]
    pub format: FormatArg,
}

#[derive(Subcommand, Debug)]
pub enum TrainCommand {
    /// Train the part-of-speech tagger.
    Tagger(TrainArgs),
    /// Train the lemmatizer.
    Lemmatizer(TrainArgs),
    /// Train the dependency parser.
    Parser(TrainArgs),
}

#[derive(Args, Debug)]
pub struct TrainArgs {
    /// Training treebank (CoNLL-U).
    #[arg(long, value_name = "FILE")]
    pub train: PathBuf,
    /// Development treebank (CoNLL-U), for choosing the best iteration.
    #[arg(long, value_name = "FILE")]
    pub dev: PathBuf,
    /// Where to write the model.
    #[arg(long, value_name = "FILE")]
    pub out: PathBuf,
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Passes over the training data [default: the model's own].
    #[arg(long)]
    pub iterations: Option<usize>,
}
