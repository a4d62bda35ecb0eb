//! Hashed sparse features and the flat tables that hold learned weights.
//!
//! Why: the tagger (and the lemmatizer's dictionaries) must run at well over 100,000
//! tokens/s on one thread. Features are never built as strings: each token's word,
//! lower-cased form, affixes and shape are hashed once into `u64`s, and a feature is a
//! cheap combination of a template id with those hashes. Weights live in one
//! open-addressing table (`FeatureTable`) whose slot gives a contiguous run of
//! (class, weight) entries, so scoring a token is a few dozen probes and adds with no
//! allocation. All hashing is fixed (no random seeds), so models are reproducible.

use crate::model_io::{ModelReader, ModelWriter, TextError};

const K: u64 = 0x9E37_79B9_7F4A_7C15;

/// Hash a byte string with a seed (FNV-style mixing with 64-bit multiplies).
#[inline]
pub fn hash_bytes(seed: u64, b: &[u8]) -> u64 {
    let mut h = seed ^ 0xcbf2_9ce4_8422_2325;
    let mut chunks = b.chunks_exact(8);
    for c in &mut chunks {
        let mut a = [0u8; 8];
        a.copy_from_slice(c);
        h = (h ^ u64::from_le_bytes(a)).wrapping_mul(K).rotate_left(29);
    }
    for &x in chunks.remainder() {
        h = (h ^ x as u64).wrapping_mul(0x0100_0000_01b3);
    }
    finalize(h ^ b.len() as u64)
}

/// Final avalanche (splitmix64).
#[inline]
pub fn finalize(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// Combine two hashes (order matters).
#[inline]
pub fn combine(a: u64, b: u64) -> u64 {
    finalize(a.rotate_left(17).wrapping_mul(K) ^ b)
}

/// Combine a template id with one value.
#[inline]
pub fn feat1(t: u64, a: u64) -> u64 {
    combine(t.wrapping_mul(0x2545_F491_4F6C_DD1D), a)
}

/// Combine a template id with two values.
#[inline]
pub fn feat2(t: u64, a: u64, b: u64) -> u64 {
    combine(feat1(t, a), b)
}

/// Lower-case `form` into `buf` with ASCII digits mapped to `0` (so numbers share
/// features).
pub fn normalize_into(form: &str, buf: &mut String) {
    buf.clear();
    for c in form.chars() {
        if c.is_ascii_digit() {
            buf.push('0');
        } else if c.is_ascii() {
            buf.push(c.to_ascii_lowercase());
        } else {
            for l in c.to_lowercase() {
                buf.push(l);
            }
        }
    }
}

/// Hash of the word shape: upper → X, lower → x, digit → d, others kept, runs of the
/// same class capped at 3.
pub fn shape_hash(form: &str) -> u64 {
    let mut h: u64 = 0x5151;
    let mut last = '\0';
    let mut run = 0;
    let mut n = 0u32;
    for c in form.chars() {
        let s = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_ascii_digit() {
            'd'
        } else if c.is_alphabetic() {
            'a'
        } else {
            c
        };
        n += 1;
        if s == last {
            run += 1;
            if run >= 3 {
                continue;
            }
        } else {
            run = 0;
            last = s;
        }
        h = (h ^ s as u64).wrapping_mul(0x0100_0000_01b3);
    }
    let bucket = match n {
        0..=3 => n,
        4..=6 => 4,
        _ => 5,
    };
    finalize(h ^ (bucket as u64) << 40)
}

/// Byte index where the last `k` chars of `s` start (0 when `s` is shorter).
#[inline]
pub fn suffix_start(s: &str, k: usize) -> usize {
    s.char_indices()
        .rev()
        .nth(k - 1)
        .map(|(i, _)| i)
        .unwrap_or(0)
}

/// Byte index where the first `k` chars of `s` end.
#[inline]
pub fn prefix_end(s: &str, k: usize) -> usize {
    s.char_indices().nth(k).map(|(i, _)| i).unwrap_or(s.len())
}

/// One learned (class, weight) pair.
#[derive(Debug, Clone, Copy, PartialEq)]
#[repr(C)]
pub struct Entry {
    pub class: u32,
    pub weight: f32,
}

/// Open-addressing table from a feature key to its run of (class, weight) entries.
///
/// Layout for speed: the probed index holds 8 bytes per slot (a 32-bit fingerprint of
/// the key and the offset of its run), so it stays mostly in cache and an unknown
/// feature costs no access to the weights; the run itself starts with a header entry
/// (its length) followed by the entries, contiguous in one arena. Full keys are kept
/// aside only to write the table back.
#[derive(Debug, Clone, Default)]
pub struct FeatureTable {
    /// `fingerprint << 32 | (offset + 1)`; 0 = empty.
    index: Vec<u64>,
    /// Full key of each occupied slot (cold; for [`FeatureTable::items`]).
    keys: Vec<u64>,
    mask: usize,
    arena: Vec<Entry>,
    n_keys: usize,
    n_entries: usize,
}

const EMPTY: u64 = 0;

#[inline]
fn fix_key(k: u64) -> u64 {
    if k == EMPTY {
        1
    } else {
        k
    }
}

#[inline]
fn fingerprint(k: u64) -> u64 {
    ((k >> 32) | 1) << 32
}

impl FeatureTable {
    /// Build from (key, entries) pairs, in the given order (so the layout is
    /// deterministic). Duplicate keys: the first wins.
    pub fn build(items: &[(u64, Vec<Entry>)]) -> FeatureTable {
        let cap = (items.len() * 2).next_power_of_two().max(16);
        let mut t = FeatureTable {
            index: vec![EMPTY; cap],
            keys: vec![EMPTY; cap],
            mask: cap - 1,
            arena: Vec::new(),
            n_keys: 0,
            n_entries: 0,
        };
        for (k, es) in items {
            t.insert(*k, es);
        }
        t
    }

    fn insert(&mut self, key: u64, es: &[Entry]) {
        let key = fix_key(key);
        let mut i = (key as usize) & self.mask;
        loop {
            if self.keys[i] == EMPTY {
                self.keys[i] = key;
                let off = self.arena.len() as u64;
                self.index[i] = fingerprint(key) | (off + 1);
                self.arena.push(Entry {
                    class: es.len() as u32,
                    weight: 0.0,
                });
                self.arena.extend_from_slice(es);
                self.n_keys += 1;
                self.n_entries += es.len();
                return;
            }
            if self.keys[i] == key {
                return;
            }
            i = (i + 1) & self.mask;
        }
    }

    /// Arena offset + 1 of the run of `key`, 0 when unknown.
    #[inline]
    fn lookup(&self, key: u64) -> usize {
        if self.index.is_empty() {
            return 0;
        }
        let key = fix_key(key);
        let fp = fingerprint(key);
        let mut i = (key as usize) & self.mask;
        loop {
            let x = self.index[i];
            if x == EMPTY {
                return 0;
            }
            if x & 0xffff_ffff_0000_0000 == fp {
                return (x & 0xffff_ffff) as usize;
            }
            i = (i + 1) & self.mask;
        }
    }

    #[inline]
    fn run(&self, off1: usize) -> &[Entry] {
        let h = off1 - 1;
        let n = self.arena[h].class as usize;
        &self.arena[h + 1..h + 1 + n]
    }

    /// The entries of a key (empty when unknown).
    #[inline]
    pub fn get(&self, key: u64) -> &[Entry] {
        match self.lookup(key) {
            0 => &[],
            o => self.run(o),
        }
    }

    #[inline]
    fn prefetch_ptr<T>(_p: *const T) {
        #[cfg(target_arch = "x86_64")]
        // SAFETY: prefetching is a hint with no observable effect; the pointer is
        // never dereferenced here and comes from inside a live slice.
        unsafe {
            use std::arch::x86_64::{_mm_prefetch, _MM_HINT_T0};
            _mm_prefetch(_p as *const i8, _MM_HINT_T0);
        }
    }

    /// Hint the CPU to fetch the index slot of `key`.
    #[inline]
    pub fn prefetch(&self, key: u64) {
        if !self.index.is_empty() {
            let i = (fix_key(key) as usize) & self.mask;
            Self::prefetch_ptr(&self.index[i]);
        }
    }

    /// Add the weights of `key` into `scores`.
    #[inline]
    pub fn add_scores(&self, key: u64, scores: &mut [f32]) {
        for e in self.get(key) {
            if let Some(s) = scores.get_mut(e.class as usize) {
                *s += e.weight;
            }
        }
    }

    /// Add the weights of all `keys` into `scores`, overlapping the memory accesses:
    /// index slots are prefetched, then the runs found, then the runs summed.
    #[inline]
    pub fn add_all(&self, keys: &[u64], scores: &mut [f32]) {
        for chunk in keys.chunks(64) {
            for &k in chunk {
                self.prefetch(k);
            }
            let mut offs = [0usize; 64];
            let mut n = 0;
            for &k in chunk {
                let o = self.lookup(k);
                if o != 0 {
                    Self::prefetch_ptr(&self.arena[o - 1]);
                    offs[n] = o;
                    n += 1;
                }
            }
            for &o in &offs[..n] {
                for e in self.run(o) {
                    if let Some(s) = scores.get_mut(e.class as usize) {
                        *s += e.weight;
                    }
                }
            }
        }
    }

    pub fn n_keys(&self) -> usize {
        self.n_keys
    }
    /// A copy without the weights smaller than `min_abs` in magnitude.
    pub fn pruned(&self, min_abs: f32) -> FeatureTable {
        let items: Vec<(u64, Vec<Entry>)> = self
            .items()
            .into_iter()
            .map(|(k, es)| {
                (
                    k,
                    es.into_iter()
                        .filter(|e| e.weight.abs() >= min_abs)
                        .collect::<Vec<_>>(),
                )
            })
            .filter(|(_, es)| !es.is_empty())
            .collect();
        FeatureTable::build(&items)
    }

    /// Mean and maximum probe distance of the stored keys (diagnostics).
    pub fn probe_stats(&self) -> (f64, usize) {
        let (mut sum, mut max) = (0usize, 0usize);
        for (i, &k) in self.keys.iter().enumerate() {
            if k != EMPTY {
                let d = i.wrapping_sub(k as usize) & self.mask;
                sum += d;
                max = max.max(d);
            }
        }
        (sum as f64 / self.n_keys.max(1) as f64, max)
    }
    pub fn n_entries(&self) -> usize {
        self.n_entries
    }

    /// Items in slot order (deterministic for a given build order).
    pub fn items(&self) -> Vec<(u64, Vec<Entry>)> {
        self.keys
            .iter()
            .zip(&self.index)
            .filter(|(k, _)| **k != EMPTY)
            .map(|(k, x)| (*k, self.run((x & 0xffff_ffff) as usize).to_vec()))
            .collect()
    }

    /// Serialize: key count, then per key: key, entry count, (class u16, weight f32).
    pub fn write(&self, w: &mut ModelWriter) {
        let items = self.items();
        w.u32(items.len() as u32);
        for (k, es) in &items {
            w.u64(*k);
            w.u16(es.len() as u16);
            for e in es {
                w.u16(e.class as u16);
                w.f32(e.weight);
            }
        }
    }

    pub fn read(r: &mut ModelReader, n_classes: usize) -> Result<FeatureTable, TextError> {
        let n = r.count(50_000_000)?;
        let mut items = Vec::with_capacity(n);
        for _ in 0..n {
            let k = r.u64()?;
            let m = r.u16()? as usize;
            let mut es = Vec::with_capacity(m);
            for _ in 0..m {
                let c = r.u16()? as u32;
                if c as usize >= n_classes {
                    return Err(r.err(format!("class {c} out of range")));
                }
                es.push(Entry {
                    class: c,
                    weight: r.f32()?,
                });
            }
            items.push((k, es));
        }
        Ok(FeatureTable::build(&items))
    }
}

/// Open-addressing map from a `u64` key to a `u32` value (dictionaries).
#[derive(Debug, Clone, Default)]
pub struct KeyMap {
    keys: Vec<u64>,
    vals: Vec<u32>,
    mask: usize,
    len: usize,
}

impl KeyMap {
    pub fn build(items: &[(u64, u32)]) -> KeyMap {
        let cap = (items.len() * 2).next_power_of_two().max(16);
        let mut m = KeyMap {
            keys: vec![EMPTY; cap],
            vals: vec![0; cap],
            mask: cap - 1,
            len: 0,
        };
        for &(k, v) in items {
            let k = fix_key(k);
            let mut i = (k as usize) & m.mask;
            loop {
                if m.keys[i] == EMPTY {
                    m.keys[i] = k;
                    m.vals[i] = v;
                    m.len += 1;
                    break;
                }
                if m.keys[i] == k {
                    break;
                }
                i = (i + 1) & m.mask;
            }
        }
        m
    }

    #[inline]
    pub fn get(&self, key: u64) -> Option<u32> {
        if self.keys.is_empty() {
            return None;
        }
        let k = fix_key(key);
        let mut i = (k as usize) & self.mask;
        loop {
            let x = self.keys[i];
            if x == k {
                return Some(self.vals[i]);
            }
            if x == EMPTY {
                return None;
            }
            i = (i + 1) & self.mask;
        }
    }

    pub fn len(&self) -> usize {
        self.len
    }
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    pub fn items(&self) -> Vec<(u64, u32)> {
        self.keys
            .iter()
            .zip(&self.vals)
            .filter(|(k, _)| **k != EMPTY)
            .map(|(k, v)| (*k, *v))
            .collect()
    }

    pub fn write(&self, w: &mut ModelWriter) {
        let items = self.items();
        w.u32(items.len() as u32);
        for (k, v) in items {
            w.u64(k);
            w.u32(v);
        }
    }

    pub fn read(r: &mut ModelReader) -> Result<KeyMap, TextError> {
        let n = r.count(50_000_000)?;
        let mut items = Vec::with_capacity(n);
        for _ in 0..n {
            items.push((r.u64()?, r.u32()?));
        }
        Ok(KeyMap::build(&items))
    }
}

/// Deterministic pseudo-random numbers for shuffling training data (xorshift64*).
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(finalize(seed ^ 0x1234_5678_9abc_def1) | 1)
    }
    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    /// Fisher–Yates shuffle.
    pub fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = (self.next_u64() % (i as u64 + 1)) as usize;
            v.swap(i, j);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables() {
        let items: Vec<(u64, Vec<Entry>)> = (0..1000u64)
            .map(|k| {
                (
                    hash_bytes(k, b"x"),
                    vec![Entry {
                        class: (k % 7) as u32,
                        weight: k as f32,
                    }],
                )
            })
            .collect();
        let t = FeatureTable::build(&items);
        for (k, es) in &items {
            assert_eq!(t.get(*k), &es[..]);
        }
        assert!(t.get(12345).is_empty());
        let m = KeyMap::build(&[(0, 5), (7, 9)]);
        assert_eq!(m.get(0), Some(5));
        assert_eq!(m.get(7), Some(9));
        assert_eq!(m.get(8), None);
    }

    #[test]
    fn affixes() {
        assert_eq!(&"héllo"[suffix_start("héllo", 3)..], "llo");
        assert_eq!(&"hé"[suffix_start("hé", 3)..], "hé");
        assert_eq!(&"héllo"[..prefix_end("héllo", 2)], "hé");
        let mut b = String::new();
        normalize_into("AB12c", &mut b);
        assert_eq!(b, "ab00c");
        assert_eq!(shape_hash("Kabul"), shape_hash("Kabuls"));
        assert_ne!(shape_hash("Kabul"), shape_hash("kabul"));
    }
}
