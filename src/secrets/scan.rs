//! Finding many private values in a lot of text, fast enough to read every
//! file of the public hub on each build (tens of thousands of values, about
//! a hundred megabytes at bench scale).
//!
//! A general multi-pattern automaton (aho-corasick) read the bench hub at
//! about 140 MB/s: a fifth of a build. Here every value is found through
//! six-byte stretches of it, looked up in a bitset that stays in the CPU's
//! cache; only where a bit is set are values compared in full. A value of
//! eight bytes or more is entered with the three stretches that start in
//! its rarest eight bytes, so the text need only be looked at every third
//! position: wherever the value starts, one of the three falls on one. A
//! value of six or seven bytes is entered once and needs every position.
//! Letters are compared without case.

use fnv::FnvHashMap;

/// Bits in each stretch table: 2^22 bits, 512 KB.
const TABLE_BITS: u32 = 22;

/// Values of at least `LONG` bytes are looked for at every `STRIDE`th
/// position of the text.
const LONG: usize = 8;
const KEY: usize = 6;
const STRIDE: usize = LONG - KEY + 1;

const SIX: u64 = 0xFFFF_FFFF_FFFF;
const FOLD: u64 = 0x2020_2020_2020;

/// Six bytes of text as a key, ASCII letters folded to lower case. It folds
/// a few other bytes together too (`@` with `` ` ``); that only lets
/// through more candidates, which the full comparison turns away. Near the
/// end of the text the missing bytes count as zero.
fn key(text: &[u8], at: usize) -> u64 {
    let mut w = [0u8; 8];
    let rest = text.get(at..).unwrap_or(&[]);
    let n = rest.len().min(8);
    w[..n].copy_from_slice(&rest[..n]);
    fold(u64::from_le_bytes(w))
}

/// The key of eight bytes read at once.
#[inline]
fn fold(window: u64) -> u64 {
    (window & SIX) | FOLD
}

fn slot(key: u64) -> usize {
    (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - TABLE_BITS)) as usize
}

/// Words in a stretch table's bitset.
const WORDS: usize = 1 << (TABLE_BITS - 6);

/// Stretches of values: a bitset for the quick test, and the values behind
/// each stretch with the stretch's offset in them.
struct Table {
    bits: Box<[u64; WORDS]>,
    values: FnvHashMap<u64, Vec<(usize, usize)>>,
}

impl Table {
    fn new() -> Table {
        Table {
            bits: Box::new([0; WORDS]),
            values: FnvHashMap::default(),
        }
    }

    fn add(&mut self, key: u64, pattern: usize, offset: usize) {
        let s = slot(key);
        self.bits[s >> 6] |= 1 << (s & 63);
        self.values.entry(key).or_default().push((pattern, offset));
    }

    #[inline]
    fn maybe(&self, key: u64) -> bool {
        let s = slot(key);
        self.bits[(s >> 6) % WORDS] & (1 << (s & 63)) != 0
    }
}

/// Finds values (with the index each stands for) in text.
pub struct Scanner {
    patterns: Vec<(Vec<u8>, usize)>,
    /// Values of `LONG` bytes or more.
    long: Table,
    /// Values of six or seven bytes.
    short: Table,
}

impl Scanner {
    /// `patterns` are values (at least 6 bytes; shorter ones are dropped)
    /// with what each stands for; `sample` is text like the text to search,
    /// to learn which stretches are common.
    pub fn new(patterns: Vec<(Vec<u8>, usize)>, sample: &[u8]) -> Scanner {
        let mut common = vec![0u16; 1 << 20];
        let bucket = |key: u64| slot(key) >> (TABLE_BITS - 20);
        for at in 0..sample.len().saturating_sub(KEY - 1) {
            let c = &mut common[bucket(key(sample, at))];
            *c = c.saturating_add(1);
        }
        let mut scanner = Scanner {
            patterns: Vec::with_capacity(patterns.len()),
            long: Table::new(),
            short: Table::new(),
        };
        // How many values already use each stretch (by bucket), so values
        // that share a prefix are anchored on what sets them apart.
        let mut shared = vec![0u16; 1 << 20];
        for (bytes, stands_for) in patterns.into_iter().filter(|(b, _)| b.len() >= KEY) {
            let p = scanner.patterns.len();
            let cost = |k: u64| 4 * u32::from(common[bucket(k)]) + u32::from(shared[bucket(k)]);
            // Where its stretches start: the eight bytes whose three
            // stretches cost least, or the one six-byte stretch.
            let costs: Vec<u32> = (0..=bytes.len() - KEY)
                .map(|o| cost(key(&bytes, o)))
                .collect();
            let (table, first, count) = match bytes.len() >= LONG {
                true => {
                    let base = (0..costs.len() + 1 - STRIDE)
                        .min_by_key(|&o| costs[o..o + STRIDE].iter().sum::<u32>())
                        .unwrap_or(0);
                    (&mut scanner.long, base, STRIDE)
                }
                false => {
                    let offset = (0..costs.len()).min_by_key(|&o| costs[o]).unwrap_or(0);
                    (&mut scanner.short, offset, 1)
                }
            };
            for offset in first..first + count {
                let k = key(&bytes, offset);
                let b = &mut shared[bucket(k)];
                *b = b.saturating_add(1);
                table.add(k, p, offset);
            }
            scanner.patterns.push((bytes, stands_for));
        }
        scanner
    }

    /// How many values it looks for.
    pub fn len(&self) -> usize {
        self.patterns.len()
    }

    /// Call `found(stands_for, start)` once for every place a value starts
    /// in `text` (overlapping places included).
    pub fn find(&self, text: &[u8], mut found: impl FnMut(usize, usize)) {
        let Some(last) = text.len().checked_sub(KEY) else {
            return;
        };
        let mut check = |table: &Table, key: u64, at: usize| {
            for &(p, offset) in table.values.get(&key).into_iter().flatten() {
                let (bytes, stands_for) = &self.patterns[p];
                let Some(start) = at.checked_sub(offset) else {
                    continue;
                };
                if text
                    .get(start..start + bytes.len())
                    .is_some_and(|t| t.eq_ignore_ascii_case(bytes))
                {
                    found(*stands_for, start);
                }
            }
        };
        if !self.long.values.is_empty() {
            // Eight bytes read at once where there are eight, as one number.
            let mut at = 0;
            while let Some(eight) = text.get(at..at + 8) {
                let mut w = [0u8; 8];
                w.copy_from_slice(eight);
                let k = fold(u64::from_le_bytes(w));
                if self.long.maybe(k) {
                    check(&self.long, k, at);
                }
                at += STRIDE;
            }
            while at <= last {
                let k = key(text, at);
                if self.long.maybe(k) {
                    check(&self.long, k, at);
                }
                at += STRIDE;
            }
        }
        if !self.short.values.is_empty() {
            for at in 0..=last {
                let k = key(text, at);
                if self.short.maybe(k) {
                    check(&self.short, k, at);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn naive(patterns: &[(Vec<u8>, usize)], text: &[u8]) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        for (bytes, n) in patterns.iter().filter(|(b, _)| b.len() >= 6) {
            for start in 0..text.len() {
                if text
                    .get(start..start + bytes.len())
                    .is_some_and(|t| t.eq_ignore_ascii_case(bytes))
                {
                    out.push((*n, start));
                }
            }
        }
        out.sort_unstable();
        out
    }

    #[test]
    fn it_finds_what_a_plain_search_finds() {
        let values: Vec<(Vec<u8>, usize)> = [
            "07700 900123",
            "joss@riverside.example",
            "@joss-r",
            "Prefers morning calls",
            "SIXSIX",
            "seven77",
            "eightchr",
            "Zoë Çelik",
            "aaaaaaaaaa",
            "aaaaaa",
        ]
        .iter()
        .enumerate()
        .map(|(i, v)| (v.as_bytes().to_vec(), i))
        .collect();
        let scanner = Scanner::new(
            values.clone(),
            b"ordinary text about our work, people and places",
        );
        let texts: Vec<&[u8]> = vec![
            b"Call 07700 900123 or JOSS@Riverside.example now",
            b"@JOSS-R and sixsix at the very end: SIXSIX",
            b"seven77",
            b"eightch",
            "Meet Zoë Çelik and ZOë ÇELIK".as_bytes(),
            b"aaaaaaaaaaaaaaaaaaaaaa",
            b"prefers Morning calls.",
            b"",
            b"short",
        ];
        for text in texts {
            let mut got = Vec::new();
            scanner.find(text, |n, at| got.push((n, at)));
            got.sort_unstable();
            assert_eq!(
                got,
                naive(&values, text),
                "{}",
                String::from_utf8_lossy(text)
            );
        }
    }
}
