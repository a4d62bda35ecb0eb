//! Combination of a left-to-right and a right-to-left parse into one tree.
//!
//! Why: a greedy transition parser commits early, so its errors pile up at the end of
//! its reading direction; a parser reading the sentence backwards makes different
//! mistakes (Attardi & Dell'Orletta 2009). Reparsing (Sagae & Lavie 2006) keeps what
//! both agree on and settles their disagreements by confidence under the constraint
//! that the result is a tree: every arc proposed by either parser gets a weight (its
//! votes, weighted by the score margin of the transition that made it), and Eisner's
//! algorithm finds the projective tree of maximum weight over those arcs with exactly
//! one word under the root. Both inputs are projective trees over the same words, so
//! such a tree always exists (either input is one). O(n³) in the sentence length, so
//! very long inputs (more than [`MAX_COMBINE`] words) keep the first parse.

/// Longer sentences keep the left-to-right tree (the cubic search is skipped).
pub const MAX_COMBINE: usize = 200;

/// How a proposed arc is weighted: `base + min(margin, cap) * 1000 / scale` (scale per
/// parse), plus `bonus_a` for arcs of the first parse (which breaks ties in its favour).
/// Arcs made by a forced transition (the only valid one, margin [`FORCED`]) count with
/// margin `forced_a` / `forced_b` instead.
#[derive(Debug, Clone, Copy)]
pub struct Weights {
    pub base: i64,
    pub cap: i32,
    pub scale_a: i64,
    pub scale_b: i64,
    pub forced_a: i32,
    pub forced_b: i32,
    pub bonus_a: i64,
}

/// The margin reported for an arc made by a forced transition.
pub const FORCED: i32 = 1 << 20;

impl Default for Weights {
    fn default() -> Self {
        Weights {
            base: 1000,
            cap: 40_000,
            scale_a: 30_000,
            scale_b: 30_000,
            forced_a: FORCED,
            forced_b: 20_000,
            bonus_a: 1,
        }
    }
}

impl Weights {
    fn of(&self, margin: i32, first: bool) -> i64 {
        let (scale, forced) = if first {
            (self.scale_a, self.forced_a)
        } else {
            (self.scale_b, self.forced_b)
        };
        let m = if margin >= FORCED { forced } else { margin };
        self.base + (m.clamp(0, self.cap) as i64) * 1000 / scale.max(1)
    }
}

/// A parse: per word (0-based) its head (0-based, `n` = the root), relation id and the
/// margin of the deciding transition.
pub type ScoredParse = [(u32, u8, i32)];

/// Combine two parses of the same sentence; ties go to `a`. Returns (head, label) per
/// word, heads 0-based with `n` for the root.
pub fn combine(a: &ScoredParse, b: &ScoredParse, w: &Weights) -> Vec<(u32, u8)> {
    let n = a.len();
    if n != b.len() || n > MAX_COMBINE || a.iter().zip(b).all(|(x, y)| x.0 == y.0) {
        return a.iter().map(|x| (x.0, x.1)).collect();
    }
    // Word i (0-based) is node i + 1; node 0 is the root.
    let m = n + 1;
    const NEG: i64 = -(1 << 40);
    let mut score = vec![NEG; m * m];
    let node = |h: u32| if h as usize >= n { 0 } else { h as usize + 1 };
    for (d, x) in a.iter().enumerate() {
        let s = &mut score[node(x.0) * m + d + 1];
        *s = w.of(x.2, true) + w.bonus_a;
    }
    for (d, y) in b.iter().enumerate() {
        let s = &mut score[node(y.0) * m + d + 1];
        *s = if *s == NEG {
            w.of(y.2, false)
        } else {
            *s + w.of(y.2, false)
        };
    }
    let heads = eisner(&score, n);
    heads
        .into_iter()
        .enumerate()
        .map(|(d, h)| {
            let hh = if h == 0 { n as u32 } else { h as u32 - 1 };
            let l = if a[d].0 == hh { a[d].1 } else { b[d].1 };
            (hh, l)
        })
        .collect()
}

/// Maximum projective spanning tree with a single root child (Eisner 1996). `score[h *
/// (n + 1) + d]` is the weight of arc h → d over nodes 0..=n (0 = root). Returns the head
/// node of each word node 1..=n.
fn eisner(score: &[i64], n: usize) -> Vec<usize> {
    let m = n + 1;
    const NEG: i64 = i64::MIN / 4;
    let idx = |s: usize, t: usize| s * m + t;
    // complete / incomplete spans over words 1..=n; r = head on the left, l = on the right
    let mut cr = vec![NEG; m * m];
    let mut cl = vec![NEG; m * m];
    let mut ir = vec![NEG; m * m];
    let mut il = vec![NEG; m * m];
    let mut bcr = vec![0usize; m * m];
    let mut bcl = vec![0usize; m * m];
    let mut bi = vec![0usize; m * m];
    for s in 1..=n {
        cr[idx(s, s)] = 0;
        cl[idx(s, s)] = 0;
    }
    for k in 1..n {
        for s in 1..=n - k {
            let t = s + k;
            let (mut best, mut arg) = (NEG, s);
            for r in s..t {
                let v = cr[idx(s, r)] + cl[idx(r + 1, t)];
                if v > best {
                    best = v;
                    arg = r;
                }
            }
            bi[idx(s, t)] = arg;
            ir[idx(s, t)] = best + score[idx(s, t)];
            il[idx(s, t)] = best + score[idx(t, s)];
            let (mut best, mut arg) = (NEG, s);
            for r in s..t {
                let v = cl[idx(s, r)] + il[idx(r, t)];
                if v > best {
                    best = v;
                    arg = r;
                }
            }
            cl[idx(s, t)] = best;
            bcl[idx(s, t)] = arg;
            let (mut best, mut arg) = (NEG, t);
            for r in s + 1..=t {
                let v = ir[idx(s, r)] + cr[idx(r, t)];
                if v > best {
                    best = v;
                    arg = r;
                }
            }
            cr[idx(s, t)] = best;
            bcr[idx(s, t)] = arg;
        }
    }
    let (mut best, mut root) = (NEG, 1);
    for r in 1..=n {
        let v = cl[idx(1, r)] + cr[idx(r, n)] + score[idx(0, r)];
        if v > best {
            best = v;
            root = r;
        }
    }
    let mut head = vec![0usize; m];
    // explicit stack of spans to backtrack: (s, t, kind) with kind 0 = cr, 1 = cl,
    // 2 = ir, 3 = il
    let mut todo = vec![(1, root, 1u8), (root, n, 0u8)];
    while let Some((s, t, kind)) = todo.pop() {
        if s == t {
            continue;
        }
        match kind {
            0 => {
                let r = bcr[idx(s, t)];
                todo.push((s, r, 2));
                todo.push((r, t, 0));
            }
            1 => {
                let r = bcl[idx(s, t)];
                todo.push((s, r, 1));
                todo.push((r, t, 3));
            }
            _ => {
                let r = bi[idx(s, t)];
                if kind == 2 {
                    head[t] = s;
                } else {
                    head[s] = t;
                }
                todo.push((s, r, 0));
                todo.push((r + 1, t, 1));
            }
        }
    }
    head[root] = 0;
    head[1..].to_vec()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn is_tree(h: &[(u32, u8)]) -> bool {
        let n = h.len() as u32;
        if h.iter().filter(|x| x.0 == n).count() != 1 {
            return false;
        }
        (0..h.len()).all(|mut i| {
            for _ in 0..=h.len() {
                if h[i].0 == n {
                    return true;
                }
                i = h[i].0 as usize;
            }
            false
        })
    }

    #[test]
    fn agreement_is_kept_and_disagreement_goes_to_the_more_confident_parse() {
        // "Leaders met envoys from Iran": 0 Leaders, 1 met, 2 envoys, 3 from, 4 Iran;
        // root = 5. The parses disagree on the head of "Iran" (the verb or the noun).
        let a = [
            (1, 1, 500),
            (5, 0, 9000),
            (1, 2, 800),
            (4, 3, 100),
            (1, 4, 100),
        ];
        let b = [
            (1, 1, 500),
            (5, 0, 9000),
            (1, 2, 800),
            (4, 3, 100),
            (2, 5, 20_000),
        ];
        let c = combine(&a, &b, &Weights::default());
        assert_eq!(c[0], (1, 1));
        assert_eq!(c[1], (5, 0));
        assert_eq!(
            c[4],
            (2, 5),
            "the confident arc wins, with its label: {c:?}"
        );
        assert!(is_tree(&c), "{c:?}");
        // equal confidence: the first parse wins
        let b2 = [
            (1, 1, 500),
            (5, 0, 9000),
            (1, 2, 800),
            (4, 3, 100),
            (2, 5, 100),
        ];
        assert_eq!(combine(&a, &b2, &Weights::default())[4], (1, 4));
    }

    #[test]
    fn the_result_is_always_a_single_rooted_tree() {
        // Two different right- and left-branching chains over 6 words.
        let n = 6u32;
        let a: Vec<(u32, u8, i32)> = (0..n)
            .map(|i| (if i == 0 { n } else { i - 1 }, 0, 10))
            .collect();
        let b: Vec<(u32, u8, i32)> = (0..n)
            .map(|i| (if i == n - 1 { n } else { i + 1 }, 1, 10 + i as i32 * 1000))
            .collect();
        let c = combine(&a, &b, &Weights::default());
        assert!(is_tree(&c), "{c:?}");
        assert_eq!(c.iter().filter(|x| x.0 == n).count(), 1);
    }
}
