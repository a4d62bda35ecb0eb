//! Embeds the built-in lexicon files that exist under data/lexicon/ into the binary.
//!
//! Why a build script instead of plain `include_str!`: the files are written by two
//! people in parallel and some may not exist yet; a missing file must not break the
//! build. The list of built-in files is explicit (below), so a stray file in the
//! directory never becomes part of the binary by accident.

use std::io::Write;
use std::path::PathBuf;

const BUILTIN: &[&str] = &[
    "states.toml",
    "governments.toml",
    "igos.toml",
    "groups.toml",
    "agents.toml",
    "people.toml",
];

fn main() {
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap());
    let dir = manifest.join("../../data/lexicon");
    println!("cargo:rerun-if-changed={}", dir.display());
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap()).join("builtin.rs");
    let mut f = std::fs::File::create(out).unwrap();
    writeln!(f, "/// Built-in lexicon files: (file name, contents).").unwrap();
    writeln!(f, "pub const BUILTIN_FILES: &[(&str, &str)] = &[").unwrap();
    for name in BUILTIN {
        let p = dir.join(name);
        println!("cargo:rerun-if-changed={}", p.display());
        if p.exists() {
            let abs = p.canonicalize().unwrap();
            writeln!(
                f,
                "    ({name:?}, include_str!({:?})),",
                abs.display().to_string()
            )
            .unwrap();
        }
    }
    writeln!(f, "];").unwrap();
}
