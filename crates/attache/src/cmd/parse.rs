//! `attache parse`: the NLP pipeline's analysis as CoNLL-U (readable by UD tools) or JSON.

use crate::cli::{InputFormatArg, ParseFormat};
use anyhow::Result;
use attache_ingest::{read_paths, ReadEvent, ReadOptions, Severity};
use attache_text::conllu::write_conllu;
use std::io::Write;
use std::path::PathBuf;

pub fn run(
    paths: &[PathBuf],
    format: ParseFormat,
    input_format: Option<InputFormatArg>,
) -> Result<()> {
    let pipeline = attache_text::Pipeline::load_default()?;
    let opts = ReadOptions {
        format: input_format.map(super::input_format),
        default_date: None,
    };
    let mut out = std::io::stdout().lock();
    let mut failed = 0;
    let mut io_err: Option<std::io::Error> = None;
    read_paths(paths, &opts, &mut |ev| {
        if io_err.is_some() {
            return;
        }
        match ev {
            ReadEvent::Problem(p) => {
                if p.severity == Severity::Error {
                    failed += 1;
                }
                eprintln!("{p}");
            }
            ReadEvent::Article(a) => {
                let doc = pipeline.parse(&a.text);
                let r = match format {
                    ParseFormat::Conllu => {
                        let mut s = format!("# newdoc id = {}\n", a.id);
                        let sents = attache_text::eval::doc_to_conllu(&doc);
                        write_conllu(&sents, &mut s);
                        out.write_all(s.as_bytes())
                    }
                    ParseFormat::Json => {
                        // Offsets in JSON are character offsets, like every span attache prints.
                        let chars = |r: std::ops::Range<usize>| {
                            let start = doc.text[..r.start].chars().count();
                            start..start + doc.text[r].chars().count()
                        };
                        let sentences: Vec<serde_json::Value> = doc
                            .sentences
                            .iter()
                            .map(|s| {
                                let tokens: Vec<serde_json::Value> = (0..s.len())
                                    .map(|i| {
                                        let sp = chars(s.token_span(i));
                                        serde_json::json!({
                                            "id": i + 1, "form": s.form(doc.text, i), "lemma": s.lemma(i),
                                            "upos": s.upos(i).as_str(), "xpos": s.xpos(i), "feats": s.feats_str(i),
                                            "head": s.head(i).map_or(0, |h| h + 1), "deprel": s.deprel(i),
                                            "start": sp.start, "end": sp.end,
                                        })
                                    })
                                    .collect();
                                let sp = chars(s.span.clone());
                                serde_json::json!({"text": &doc.text[s.span.clone()], "start": sp.start, "end": sp.end, "tokens": tokens})
                            })
                            .collect();
                        let v = serde_json::json!({"article_id": a.id, "origin": a.origin, "sentences": sentences});
                        serde_json::to_writer(&mut out, &v)
                            .map_err(std::io::Error::from)
                            .and_then(|_| writeln!(out))
                    }
                };
                if let Err(e) = r {
                    io_err = Some(e);
                }
            }
        }
    });
    if let Some(e) = io_err {
        return Err(e.into());
    }
    if failed > 0 {
        anyhow::bail!("{failed} input(s) could not be read (see the errors above)");
    }
    Ok(())
}
