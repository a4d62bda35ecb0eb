//! `attache bench nlp|code|ingest`: speed and memory on real news, reported as medians
//! of repeated runs, one thread and all cores. Timings belong here, never in tests:
//! the machines are shared and noisy, so a run prints numbers for people to compare.

use super::ingest::{ingest_paths, thread_pool};
use crate::cli::BenchCommand;
use crate::output::{self, Format};
use anyhow::Result;
use attache_core::Article;
use attache_ingest::{read_paths, ReadEvent, ReadOptions};
use serde::Serialize;
use std::io::Write;
use std::path::PathBuf;
use std::time::Instant;

const DEFAULT_CORPUS: &str = "../shared/corpus/voa/voa_stories.jsonl";

#[derive(Debug, Serialize)]
struct BenchReport {
    what: &'static str,
    articles: usize,
    sentences: usize,
    tokens: usize,
    runs: usize,
    /// Model (and lexicon) load time, milliseconds.
    load_ms: f64,
    /// One thread: medians.
    seconds: f64,
    tokens_per_s: f64,
    sentences_per_s: f64,
    articles_per_s: f64,
    /// One thread, per second of CPU time actually used (median): on a shared, loaded
    /// machine wall-clock rates understate the speed; CPU-time rates do not.
    cpu_seconds: f64,
    tokens_per_cpu_s: f64,
    sentences_per_cpu_s: f64,
    /// All threads (or --threads): medians.
    threads: usize,
    seconds_parallel: f64,
    tokens_per_s_parallel: f64,
    sentences_per_s_parallel: f64,
    speedup: f64,
    /// Peak resident memory of the process, MB.
    peak_rss_mb: f64,
}

fn load(paths: &[PathBuf]) -> Result<Vec<Article>> {
    let paths: Vec<PathBuf> = if paths.is_empty() {
        let p = PathBuf::from(DEFAULT_CORPUS);
        if !p.exists() {
            anyhow::bail!("no input given and {DEFAULT_CORPUS} not found: pass files or directories to benchmark on");
        }
        vec![p]
    } else {
        paths.to_vec()
    };
    let mut arts = Vec::new();
    read_paths(&paths, &ReadOptions::default(), &mut |ev| match ev {
        ReadEvent::Article(a) => arts.push(*a),
        ReadEvent::Problem(p) => eprintln!("{p}"),
    });
    if arts.is_empty() {
        anyhow::bail!("no articles to benchmark on");
    }
    Ok(arts)
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    v[v.len() / 2]
}

/// Peak resident set size from /proc (Linux); 0 where unavailable.
fn peak_rss_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines().find(|l| l.starts_with("VmHWM:")).and_then(|l| {
                l.split_whitespace()
                    .nth(1)
                    .and_then(|k| k.parse::<f64>().ok())
            })
        })
        .map_or(0.0, |kb| kb / 1024.0)
}

/// CPU time (user + system) used by this process so far, in seconds, from /proc
/// (Linux; 0 elsewhere). Clock-tick resolution, fine for runs of a second or more.
fn process_cpu_seconds() -> f64 {
    let Ok(stat) = std::fs::read_to_string("/proc/self/stat") else {
        return 0.0;
    };
    // Fields after the command name (which is in parentheses and may contain spaces).
    let Some(rest) = stat.rsplit_once(')').map(|(_, r)| r) else {
        return 0.0;
    };
    let f: Vec<&str> = rest.split_whitespace().collect();
    let ticks = |i: usize| f.get(i).and_then(|v| v.parse::<f64>().ok()).unwrap_or(0.0);
    // utime and stime are fields 14 and 15 of the whole line: 11 and 12 after ')'.
    (ticks(11) + ticks(12)) / 100.0
}

/// Time `f` `runs` times on one thread and on the pool; returns the medians of wall
/// time on one thread, on the pool, and of CPU time on one thread.
fn time_both(
    runs: usize,
    pool: &rayon::ThreadPool,
    f: &(dyn Fn() + Sync),
) -> Result<(f64, f64, f64)> {
    let one = thread_pool(Some(1))?;
    f(); // warm-up
    let mut single = Vec::new();
    let mut cpu = Vec::new();
    let mut parallel = Vec::new();
    for _ in 0..runs.max(1) {
        let t = Instant::now();
        let c = process_cpu_seconds();
        one.install(f);
        single.push(t.elapsed().as_secs_f64());
        cpu.push(process_cpu_seconds() - c);
        let t = Instant::now();
        pool.install(f);
        parallel.push(t.elapsed().as_secs_f64());
    }
    Ok((median(single), median(parallel), median(cpu)))
}

pub fn run(what: BenchCommand) -> Result<()> {
    let (name, args) = match &what {
        BenchCommand::Nlp(a) => ("nlp", a),
        BenchCommand::Code(a) => ("code", a),
        BenchCommand::Ingest(a) => ("ingest", a),
    };
    let arts = load(&args.paths)?;
    let pool = thread_pool(args.threads)?;
    let threads = pool.current_num_threads();
    let t = Instant::now();
    let pipeline = attache_text::Pipeline::load_default()?;
    let mut load_ms = t.elapsed().as_secs_f64() * 1e3;
    let (mut sentences, mut tokens) = (0, 0);
    for a in &arts {
        let d = pipeline.parse(&a.text);
        sentences += d.sentences.len();
        tokens += d.sentences.iter().map(|s| s.len()).sum::<usize>();
    }
    let (single, parallel, cpu) = match name {
        "nlp" => {
            use rayon::prelude::*;
            let f = || {
                arts.par_iter().for_each(|a| {
                    std::hint::black_box(pipeline.parse(&a.text));
                })
            };
            time_both(args.runs, &pool, &f)?
        }
        "code" => {
            drop(pipeline);
            let t = Instant::now();
            let coder = super::load_coder()?;
            load_ms = t.elapsed().as_secs_f64() * 1e3;
            let f = || {
                std::hint::black_box(coder.code_batch(&arts));
            };
            time_both(args.runs, &pool, &f)?
        }
        _ => {
            drop(pipeline);
            let t = Instant::now();
            let coder = super::load_coder()?;
            load_ms = t.elapsed().as_secs_f64() * 1e3;
            let dir = tempfile::tempdir()?;
            let paths = if args.paths.is_empty() {
                vec![PathBuf::from(DEFAULT_CORPUS)]
            } else {
                args.paths.clone()
            };
            let go = |threads: usize, i: usize| -> Result<f64> {
                let db = dir.path().join(format!("bench-{threads}-{i}.db"));
                let mut store = super::open_store(&db)?;
                let p = thread_pool(Some(threads))?;
                let t = Instant::now();
                ingest_paths(&paths, &ReadOptions::default(), &mut store, &coder, &p)?;
                Ok(t.elapsed().as_secs_f64())
            };
            let (mut s, mut p, mut c) = (Vec::new(), Vec::new(), Vec::new());
            for i in 0..args.runs.max(1) {
                let c0 = process_cpu_seconds();
                s.push(go(1, i)?);
                c.push(process_cpu_seconds() - c0);
                p.push(go(threads, i)?);
            }
            (median(s), median(p), median(c))
        }
    };
    let r = BenchReport {
        what: name,
        articles: arts.len(),
        sentences,
        tokens,
        runs: args.runs.max(1),
        load_ms,
        seconds: single,
        tokens_per_s: tokens as f64 / single,
        sentences_per_s: sentences as f64 / single,
        articles_per_s: arts.len() as f64 / single,
        cpu_seconds: cpu,
        tokens_per_cpu_s: if cpu > 0.0 { tokens as f64 / cpu } else { 0.0 },
        sentences_per_cpu_s: if cpu > 0.0 {
            sentences as f64 / cpu
        } else {
            0.0
        },
        threads,
        seconds_parallel: parallel,
        tokens_per_s_parallel: tokens as f64 / parallel,
        sentences_per_s_parallel: sentences as f64 / parallel,
        speedup: single / parallel,
        peak_rss_mb: peak_rss_mb(),
    };
    let mut out = std::io::stdout().lock();
    match output::resolve(args.format.format) {
        Format::Table => {
            writeln!(
                out,
                "bench {name}: {} articles, {} sentences, {} tokens; median of {} runs",
                r.articles, r.sentences, r.tokens, r.runs
            )?;
            writeln!(out, "  load:        {:.0} ms", r.load_ms)?;
            writeln!(
                out,
                "  1 thread:    {:.3} s  {:.0} tokens/s  {:.0} sentences/s  {:.1} articles/s",
                r.seconds, r.tokens_per_s, r.sentences_per_s, r.articles_per_s
            )?;
            writeln!(
                out,
                "  1 thread, per CPU second: {:.0} tokens/s  {:.0} sentences/s  ({:.3} CPU s)",
                r.tokens_per_cpu_s, r.sentences_per_cpu_s, r.cpu_seconds
            )?;
            writeln!(
                out,
                "  {} threads:   {:.3} s  {:.0} tokens/s  {:.0} sentences/s  (×{:.2})",
                r.threads,
                r.seconds_parallel,
                r.tokens_per_s_parallel,
                r.sentences_per_s_parallel,
                r.speedup
            )?;
            writeln!(out, "  peak memory: {:.0} MB", r.peak_rss_mb)?;
        }
        f => output::print_object(&mut out, &output::to_value(&r), f)?,
    }
    Ok(())
}
