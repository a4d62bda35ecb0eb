//! The crate's error type and the little binary format our model files use.
//!
//! Why our own format: the models are a handful of flat arrays (feature keys, weights,
//! small string tables). A versioned little-endian layout with a magic header keeps the
//! files compact, loads in milliseconds with no parsing library, and lets a stale or
//! foreign file be rejected with a clear message instead of garbage results. The
//! tagger, lemmatizer and parser all write their files with [`ModelWriter`] and read
//! them with [`ModelReader`].

use std::path::PathBuf;

use crate::conllu::ConlluError;

/// Errors of the NLP crate.
#[derive(Debug, thiserror::Error)]
pub enum TextError {
    #[error(
        "model {name}: {message} (retrain it with `attache train` or use the built-in models)"
    )]
    BadModel { name: String, message: String },
    #[error("cannot read {}: {source} (check the path)", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("cannot write {}: {source} (check that the directory exists and is writable)", path.display())]
    Write {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error(transparent)]
    Conllu(#[from] ConlluError),
    #[error("training: {0}")]
    Train(String),
}

/// Append-only writer of a model file.
#[derive(Debug, Default)]
pub struct ModelWriter {
    pub buf: Vec<u8>,
}

impl ModelWriter {
    /// Start a file with a 4-byte magic and a format version.
    pub fn new(magic: &[u8; 4], version: u32) -> Self {
        let mut w = ModelWriter { buf: Vec::new() };
        w.buf.extend_from_slice(magic);
        w.u32(version);
        w
    }
    pub fn u8(&mut self, v: u8) {
        self.buf.push(v);
    }
    pub fn u16(&mut self, v: u16) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }
    pub fn u32(&mut self, v: u32) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }
    pub fn u64(&mut self, v: u64) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }
    pub fn f32(&mut self, v: f32) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }
    /// A length-prefixed UTF-8 string.
    pub fn str(&mut self, s: &str) {
        self.u32(s.len() as u32);
        self.buf.extend_from_slice(s.as_bytes());
    }
    pub fn into_bytes(self) -> Vec<u8> {
        self.buf
    }
}

/// Reader over a model file's bytes; every read checks bounds.
#[derive(Debug)]
pub struct ModelReader<'a> {
    data: &'a [u8],
    pos: usize,
    name: &'a str,
}

impl<'a> ModelReader<'a> {
    /// Check the magic and version and position after them. `name` is used in errors.
    pub fn new(
        data: &'a [u8],
        name: &'a str,
        magic: &[u8; 4],
        version: u32,
    ) -> Result<Self, TextError> {
        let mut r = ModelReader { data, pos: 0, name };
        let m = r.take(4)?;
        if m != magic {
            return Err(r.err(format!(
                "not a {} model file (magic {:?}, expected {:?})",
                name,
                String::from_utf8_lossy(m),
                String::from_utf8_lossy(magic)
            )));
        }
        let v = r.u32()?;
        if v != version {
            return Err(r.err(format!(
                "format version {v}, this program reads version {version}"
            )));
        }
        Ok(r)
    }
    /// Like [`ModelReader::new`] but accepting any format version in `versions`
    /// (readers of a format that grew a section); returns the file's version.
    pub fn new_versions(
        data: &'a [u8],
        name: &'a str,
        magic: &[u8; 4],
        versions: std::ops::RangeInclusive<u32>,
    ) -> Result<(Self, u32), TextError> {
        let last = *versions.end();
        let r = match ModelReader::new(data, name, magic, last) {
            Ok(r) => return Ok((r, last)),
            Err(e) => {
                // Re-read the header to learn the version; magic errors stay as they are.
                let mut r = ModelReader { data, pos: 0, name };
                if r.take(4).ok() != Some(&magic[..]) {
                    return Err(e);
                }
                let v = r.u32()?;
                if !versions.contains(&v) {
                    return Err(r.err(format!(
                        "format version {v}, this program reads versions {}-{last}",
                        versions.start()
                    )));
                }
                (r, v)
            }
        };
        Ok(r)
    }
    pub fn err(&self, message: impl Into<String>) -> TextError {
        TextError::BadModel {
            name: self.name.to_string(),
            message: message.into(),
        }
    }
    pub fn take(&mut self, n: usize) -> Result<&'a [u8], TextError> {
        if self.data.len() - self.pos < n {
            return Err(self.err(format!("truncated at byte {}", self.pos)));
        }
        let s = &self.data[self.pos..self.pos + n];
        self.pos += n;
        Ok(s)
    }
    pub fn u8(&mut self) -> Result<u8, TextError> {
        Ok(self.take(1)?[0])
    }
    pub fn u16(&mut self) -> Result<u16, TextError> {
        let b = self.take(2)?;
        Ok(u16::from_le_bytes([b[0], b[1]]))
    }
    pub fn u32(&mut self) -> Result<u32, TextError> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
    pub fn u64(&mut self) -> Result<u64, TextError> {
        let b = self.take(8)?;
        let mut a = [0u8; 8];
        a.copy_from_slice(b);
        Ok(u64::from_le_bytes(a))
    }
    pub fn f32(&mut self) -> Result<f32, TextError> {
        let b = self.take(4)?;
        Ok(f32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
    pub fn str(&mut self) -> Result<String, TextError> {
        let n = self.u32()? as usize;
        let b = self.take(n)?;
        String::from_utf8(b.to_vec()).map_err(|_| self.err("string is not UTF-8"))
    }
    /// A count that must be at most `max` (guards against allocating from garbage).
    pub fn count(&mut self, max: usize) -> Result<usize, TextError> {
        let n = self.u32()? as usize;
        if n > max || n > self.data.len() {
            return Err(self.err(format!("implausible count {n} at byte {}", self.pos - 4)));
        }
        Ok(n)
    }
    /// Error unless all bytes were consumed.
    pub fn finish(&self) -> Result<(), TextError> {
        if self.pos != self.data.len() {
            return Err(self.err(format!("{} trailing bytes", self.data.len() - self.pos)));
        }
        Ok(())
    }
}

/// LEB128 varint, as the parser and reviser store their sparse weight tables.
pub(crate) fn put_varint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

/// Read a varint at `pos` (advanced past it); `None` when truncated or over 64 bits.
pub(crate) fn get_varint(b: &[u8], pos: &mut usize) -> Option<u64> {
    let mut v = 0u64;
    let mut shift = 0;
    loop {
        let byte = *b.get(*pos)?;
        *pos += 1;
        if shift > 63 {
            return None;
        }
        v |= ((byte & 0x7f) as u64) << shift;
        if byte & 0x80 == 0 {
            return Some(v);
        }
        shift += 7;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_errors() {
        let mut w = ModelWriter::new(b"TEST", 3);
        w.u8(7);
        w.u16(300);
        w.u32(70000);
        w.u64(1 << 40);
        w.f32(-1.5);
        w.str("héllo");
        let b = w.into_bytes();
        let mut r = ModelReader::new(&b, "test", b"TEST", 3).unwrap();
        assert_eq!(r.u8().unwrap(), 7);
        assert_eq!(r.u16().unwrap(), 300);
        assert_eq!(r.u32().unwrap(), 70000);
        assert_eq!(r.u64().unwrap(), 1 << 40);
        assert_eq!(r.f32().unwrap(), -1.5);
        assert_eq!(r.str().unwrap(), "héllo");
        r.finish().unwrap();
        assert!(ModelReader::new(&b, "test", b"XXXX", 3).is_err());
        assert!(ModelReader::new(&b, "test", b"TEST", 4).is_err());
        let mut r = ModelReader::new(&b[..10], "test", b"TEST", 3).unwrap();
        r.u8().unwrap();
        assert!(r.u64().is_err());
    }
}
