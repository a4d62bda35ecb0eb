//! Criterion benchmarks of the two hot paths: the NLP pipeline (tokenize, tag,
//! lemmatize, parse) and the coder (parse + resolve + extract), over the VOA corpus
//! when ../shared is present, else over the built-in example articles.
//!
//! `cargo bench -p attache` — throughput is reported per byte of article text; the
//! `attache bench nlp|code` commands report tokens/s and sentences/s on the same data.

use attache_core::Article;
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::path::Path;

fn articles() -> Vec<Article> {
    let corpus =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/voa/voa_stories.jsonl");
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples");
    let path = if corpus.exists() { corpus } else { examples };
    let mut out = Vec::new();
    attache_ingest::read_path(&path, &attache_ingest::ReadOptions::default(), &mut |ev| {
        if let attache_ingest::ReadEvent::Article(a) = ev {
            out.push(*a);
        }
    });
    out
}

fn bench(c: &mut Criterion) {
    let arts = articles();
    let bytes: u64 = arts.iter().map(|a| a.text.len() as u64).sum();
    let pipeline = attache_text::Pipeline::load_default().expect("built-in models");
    let coder = attache_coder::Coder::load_default().expect("built-in coder");
    let mut g = c.benchmark_group("one thread");
    g.sample_size(10);
    g.throughput(Throughput::Bytes(bytes));
    g.bench_function("nlp pipeline", |b| {
        b.iter(|| {
            for a in &arts {
                std::hint::black_box(pipeline.parse(&a.text));
            }
        })
    });
    g.bench_function("coder", |b| {
        b.iter(|| {
            for a in &arts {
                std::hint::black_box(coder.code(a));
            }
        })
    });
    g.finish();
    c.bench_function("load models", |b| {
        b.iter(|| attache_text::Pipeline::load_default().expect("models"))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
