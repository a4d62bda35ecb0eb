//! Output formats shared by every listing: `table`, `json`, `jsonl`, `csv`, `tsv`.
//!
//! Why generic: every command produces serde rows; rendering them once here keeps the
//! formats consistent across commands (same flattening of nested objects, same
//! quoting), and a new command gets all five formats for free. Tables show a chosen
//! set of columns for reading; csv/tsv carry every field, nested objects flattened to
//! dotted names (`source.code`), lists as JSON.

use clap::ValueEnum;
use serde::Serialize;
use serde_json::{Map, Value};
use std::io::{IsTerminal, Write};

#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Table,
    Json,
    Jsonl,
    Csv,
    Tsv,
}

/// The format to use: as asked, else table on a terminal and jsonl otherwise.
pub fn resolve(f: Option<Format>) -> Format {
    f.unwrap_or_else(|| {
        if std::io::stdout().is_terminal() {
            Format::Table
        } else {
            Format::Jsonl
        }
    })
}

/// A column of a table: header and dotted path into the row.
pub struct Col(pub &'static str, pub &'static str);

/// Serialise anything to a JSON value (our types always serialise).
pub fn to_value<T: Serialize>(v: &T) -> Value {
    serde_json::to_value(v).unwrap_or(Value::Null)
}

/// Print rows in the format. `cols` chooses the table columns (all fields when empty).
pub fn print_rows(
    out: &mut dyn Write,
    rows: &[Value],
    cols: &[Col],
    format: Format,
) -> std::io::Result<()> {
    match format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut *out, rows)?;
            writeln!(out)
        }
        Format::Jsonl => {
            for r in rows {
                serde_json::to_writer(&mut *out, r)?;
                writeln!(out)?;
            }
            Ok(())
        }
        Format::Csv | Format::Tsv => {
            write_delimited(out, rows, if format == Format::Csv { b',' } else { b'\t' })
        }
        Format::Table => {
            let owned: Vec<(String, String)>;
            let columns: Vec<(&str, &str)> = if cols.is_empty() {
                owned = union_keys(rows)
                    .into_iter()
                    .map(|k| (k.clone(), k))
                    .collect();
                owned
                    .iter()
                    .map(|(a, b)| (a.as_str(), b.as_str()))
                    .collect()
            } else {
                cols.iter().map(|c| (c.0, c.1)).collect()
            };
            let cells: Vec<Vec<String>> = rows
                .iter()
                .map(|r| {
                    columns
                        .iter()
                        .map(|(_, path)| cell(lookup(r, path)))
                        .collect()
                })
                .collect();
            write_table(
                out,
                &columns.iter().map(|c| c.0).collect::<Vec<_>>(),
                &cells,
            )
        }
    }
}

/// Print one report object: json pretty, jsonl one line; other formats are handled by
/// the caller (tables are command-specific text).
pub fn print_object(out: &mut dyn Write, v: &Value, format: Format) -> std::io::Result<()> {
    match format {
        Format::Jsonl => {
            serde_json::to_writer(&mut *out, v)?;
            writeln!(out)
        }
        _ => {
            serde_json::to_writer_pretty(&mut *out, v)?;
            writeln!(out)
        }
    }
}

/// Follow a dotted path into a JSON value.
pub fn lookup<'v>(v: &'v Value, path: &str) -> &'v Value {
    let mut cur = v;
    for part in path.split('.') {
        cur = match cur {
            Value::Object(m) => m.get(part).unwrap_or(&Value::Null),
            Value::Array(a) => part
                .parse::<usize>()
                .ok()
                .and_then(|i| a.get(i))
                .unwrap_or(&Value::Null),
            _ => &Value::Null,
        };
    }
    cur
}

/// A value as a table or CSV cell.
pub fn cell(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => match n.as_f64() {
            Some(f) if n.is_f64() => format!("{}", (f * 1000.0).round() / 1000.0),
            _ => n.to_string(),
        },
        other => other.to_string(),
    }
}

fn flatten(prefix: &str, v: &Value, out: &mut Map<String, Value>) {
    match v {
        Value::Object(m) if !m.is_empty() => {
            for (k, x) in m {
                let key = if prefix.is_empty() {
                    k.clone()
                } else {
                    format!("{prefix}.{k}")
                };
                flatten(&key, x, out);
            }
        }
        other => {
            out.insert(prefix.to_string(), other.clone());
        }
    }
}

fn union_keys(rows: &[Value]) -> Vec<String> {
    let mut keys: Vec<String> = Vec::new();
    for r in rows {
        let mut flat = Map::new();
        flatten("", r, &mut flat);
        for k in flat.keys() {
            if !keys.contains(k) {
                keys.push(k.clone());
            }
        }
    }
    keys
}

fn write_delimited(out: &mut dyn Write, rows: &[Value], delim: u8) -> std::io::Result<()> {
    let keys = union_keys(rows);
    let mut w = csv::WriterBuilder::new().delimiter(delim).from_writer(out);
    w.write_record(&keys)?;
    for r in rows {
        let mut flat = Map::new();
        flatten("", r, &mut flat);
        let rec: Vec<String> = keys
            .iter()
            .map(|k| {
                let c = cell(flat.get(k).unwrap_or(&Value::Null));
                if delim == b'\t' {
                    c.replace(['\t', '\n', '\r'], " ")
                } else {
                    c
                }
            })
            .collect();
        w.write_record(&rec)?;
    }
    w.flush()
}

/// Widest a table cell may be before it is cut with an ellipsis.
const MAX_CELL: usize = 64;

/// Write an aligned text table.
pub fn write_table(
    out: &mut dyn Write,
    headers: &[&str],
    rows: &[Vec<String>],
) -> std::io::Result<()> {
    let clip = |s: &str| -> String {
        let s = s.replace(['\n', '\t'], " ");
        if s.chars().count() > MAX_CELL {
            let mut t: String = s.chars().take(MAX_CELL - 1).collect();
            t.push('…');
            t
        } else {
            s
        }
    };
    let rows: Vec<Vec<String>> = rows
        .iter()
        .map(|r| r.iter().map(|c| clip(c)).collect())
        .collect();
    let mut widths: Vec<usize> = headers.iter().map(|h| h.chars().count()).collect();
    for r in &rows {
        for (i, c) in r.iter().enumerate() {
            widths[i] = widths[i].max(c.chars().count());
        }
    }
    let line = |out: &mut dyn Write, cells: &[String]| -> std::io::Result<()> {
        let mut s = String::new();
        for (i, c) in cells.iter().enumerate() {
            if i + 1 == cells.len() {
                s.push_str(c);
            } else {
                s.push_str(c);
                s.push_str(&" ".repeat(widths[i] - c.chars().count() + 2));
            }
        }
        writeln!(out, "{}", s.trim_end())
    };
    line(
        out,
        &headers.iter().map(|h| h.to_uppercase()).collect::<Vec<_>>(),
    )?;
    for r in &rows {
        line(out, r)?;
    }
    if rows.is_empty() {
        writeln!(out, "(none)")?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn render(rows: &[Value], cols: &[Col], f: Format) -> String {
        let mut buf = Vec::new();
        print_rows(&mut buf, rows, cols, f).unwrap();
        String::from_utf8(buf).unwrap()
    }

    #[test]
    fn formats() {
        let rows = vec![
            json!({"a": 1, "b": {"c": "x,y", "d": null}, "e": [1, 2]}),
            json!({"a": 2.5, "b": {"c": "z"}, "f": true}),
        ];
        assert_eq!(
            render(&rows, &[], Format::Csv),
            "a,b.c,b.d,e,f\n1,\"x,y\",,\"[1,2]\",\n2.5,z,,,true\n"
        );
        assert_eq!(
            render(&rows, &[], Format::Tsv).lines().next(),
            Some("a\tb.c\tb.d\te\tf")
        );
        assert_eq!(render(&rows, &[], Format::Jsonl).lines().count(), 2);
        let t = render(&rows, &[Col("A", "a"), Col("C", "b.c")], Format::Table);
        assert_eq!(t, "A    C\n1    x,y\n2.5  z\n");
        assert_eq!(render(&[], &[Col("A", "a")], Format::Table), "A\n(none)\n");
    }
}
