//! Finding many private values in a lot of text, fast enough to read every
//! file of the public hub on each build (tens of thousands of values, about
//! a hundred megabytes at bench scale).
//!
//! A general multi-pattern automaton (aho-corasick) read the bench hub at
//! about 140 MB/s: a fifth of a build. Here every value is found through
//! six-byte stretches of it, looked up in a bitset (two bits per stretch in
//! one word, the bitset sized to the number of stretches); only where both
//! bits are set are values compared in full. A value of eight bytes or
//! more is entered with the three stretches that start in its rarest eight
//! bytes, so the text need only be looked at every third position:
//! wherever the value starts, one of the three falls on one. A value of six
//! or seven bytes is entered once and needs every position. Letters are
//! compared without case.
//!
//! "Rarest" is learnt from a sample of text like the output: a value
//! anchored on a stretch the output is full of (the charity's domain in
//! every staff email) would be compared at almost every page, and the work
//! would grow with the square of the site.

use fnv::FnvHashMap;

/// Bits in a stretch table for each stretch entered, at least: with two
/// bits in 16 set per stretch, about one position of text in a hundred
/// gets past the bitset. A fixed size filled up as sites grew, and the
/// scan slowed with it; twice the bits measured no faster at bench scale
/// (the table then outgrows the CPU's second-level cache).
const BITS_PER_STRETCH: usize = 16;
/// 2^22 bits (512 KB) at least, 2^27 (16 MB) at most.
const MIN_TABLE_BITS: u32 = 22;
const MAX_TABLE_BITS: u32 = 27;
/// Buckets counting how common each stretch is: 2^20 of a byte each, so
/// that counting stays in the CPU's cache (it is on every build's way).
const BUCKET_BITS: u32 = 20;

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

/// A key spread over all 64 bits: the top bits pick a slot of a table.
#[inline]
fn spread(key: u64) -> u64 {
    key.wrapping_mul(0x9E37_79B9_7F4A_7C15)
}

/// A value entered under one of its stretches.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Entry {
    stretch: u64,
    /// Where the stretch is in the value.
    offset: u32,
    len: u32,
    /// `folded_hash` of the value.
    hash: u64,
    pattern: u32,
}

/// Entries of one stretch that start and end at the same places around it
/// and are at least this many are told apart by hash first, rather than
/// compared one by one: at 20,000 staff, thousands of emergency contacts
/// ending in " contact" shared a stretch, and every " contact" in the
/// output was compared with each of them.
const HASHED_GROUP: usize = 4;

/// FNV-1a of bytes with ASCII letters in lower case.
fn folded_hash(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b.to_ascii_lowercase())).wrapping_mul(0x0100_0000_01b3)
    })
}

/// Stretches of values: a bitset for the quick test, and the values behind
/// each stretch with the stretch's offset in them.
struct Table {
    bits: Vec<u64>,
    /// 64 less the table's bits: a key's slot is `spread(key) >> shift`.
    shift: u32,
    /// Each value's entry under each of its stretches, sorted by stretch,
    /// then by where the value would start and end around it, then hash.
    entries: Vec<Entry>,
    /// Where each stretch's entries are.
    index: FnvHashMap<u64, (u32, u32)>,
}

impl Table {
    /// A table for about `stretches` stretches.
    fn new(stretches: usize) -> Table {
        let wanted = (stretches.max(1) * BITS_PER_STRETCH).next_power_of_two();
        let bits = wanted
            .trailing_zeros()
            .clamp(MIN_TABLE_BITS, MAX_TABLE_BITS);
        Table {
            bits: vec![0; 1 << (bits - 6)],
            shift: 64 - bits,
            entries: Vec::with_capacity(stretches),
            index: FnvHashMap::default(),
        }
    }

    /// A stretch's word in the bitset and its two bits there: two bits in
    /// one word turn away far more text than one, for the same one load.
    #[inline]
    fn place(&self, key: u64) -> (usize, u64) {
        let h = spread(key);
        let s = (h >> self.shift) as usize;
        (s >> 6, 1 << (s & 63) | 1 << (h & 63))
    }

    fn add(&mut self, key: u64, pattern: usize, bytes: &[u8], offset: usize) {
        let (word, bits) = self.place(key);
        self.bits[word] |= bits;
        // Patterns and offsets fit: a site has far fewer than 2^32 values,
        // and each is at most a few kilobytes.
        self.entries.push(Entry {
            stretch: key,
            offset: offset as u32,
            len: bytes.len() as u32,
            hash: folded_hash(bytes),
            pattern: pattern as u32,
        });
    }

    /// Done adding: one sort instead of a list per stretch.
    fn finish(&mut self) {
        self.entries.sort_unstable();
        self.index.reserve(self.entries.len());
        let mut start = 0;
        for run in self.entries.chunk_by(|a, b| a.stretch == b.stretch) {
            let end = start + run.len();
            self.index
                .insert(run[0].stretch, (start as u32, end as u32));
            start = end;
        }
    }

    fn get(&self, key: u64) -> &[Entry] {
        match self.index.get(&key) {
            Some(&(start, end)) => &self.entries[start as usize..end as usize],
            None => &[],
        }
    }

    fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    #[inline]
    fn maybe(&self, key: u64) -> bool {
        let (word, bits) = self.place(key);
        self.bits.get(word).is_some_and(|w| w & bits == bits)
    }
}

/// Finds values in text. Values that read the same (ASCII case aside) are
/// one pattern standing for each of them: a name that twenty people share
/// is compared once where it may start, not twenty times, so the work does
/// not grow with the square of the site.
pub struct Scanner {
    /// Distinct values, ASCII letters in lower case.
    patterns: Vec<Vec<u8>>,
    /// What each pattern stands for.
    stands_for: Vec<Vec<usize>>,
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
        let mut common = vec![0u8; 1 << BUCKET_BITS];
        let bucket = |key: u64| (spread(key) >> (64 - BUCKET_BITS)) as usize;
        for at in 0..sample.len().saturating_sub(KEY - 1) {
            let c = &mut common[bucket(key(sample, at))];
            *c = c.saturating_add(1);
        }
        let mut scanner = Scanner {
            patterns: Vec::with_capacity(patterns.len()),
            stands_for: Vec::with_capacity(patterns.len()),
            long: Table::new(STRIDE * patterns.len()),
            short: Table::new(patterns.iter().filter(|(b, _)| b.len() < LONG).count()),
        };
        // Values that read the same side by side, to become one pattern.
        let mut patterns: Vec<(Vec<u8>, usize)> = patterns
            .into_iter()
            .filter(|(b, _)| b.len() >= KEY)
            .map(|(mut b, s)| {
                b.make_ascii_lowercase();
                (b, s)
            })
            .collect();
        patterns.sort_unstable();
        patterns.dedup();
        // How many values already use each stretch (by bucket), so values
        // that share a prefix are anchored on what sets them apart.
        let mut shared = vec![0u16; 1 << BUCKET_BITS];
        let mut costs: Vec<u32> = Vec::new();
        for (bytes, stands_for) in patterns {
            if scanner.patterns.last() == Some(&bytes) {
                if let Some(s) = scanner.stands_for.last_mut() {
                    s.push(stands_for);
                }
                continue;
            }
            let p = scanner.patterns.len();
            let cost = |k: u64| 4 * u32::from(common[bucket(k)]) + u32::from(shared[bucket(k)]);
            // Where its stretches start: the eight bytes whose three
            // stretches cost least, or the one six-byte stretch.
            costs.clear();
            costs.extend((0..=bytes.len() - KEY).map(|o| cost(key(&bytes, o))));
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
                table.add(k, p, &bytes, offset);
            }
            scanner.patterns.push(bytes);
            scanner.stands_for.push(vec![stands_for]);
        }
        scanner.long.finish();
        scanner.short.finish();
        scanner
    }

    /// How many distinct values it looks for.
    pub fn len(&self) -> usize {
        self.patterns.len()
    }

    /// Each value and the offset of a stretch it is entered with.
    #[cfg(test)]
    pub fn anchors(&self) -> Vec<(&[u8], usize)> {
        let entries = self.long.entries.iter().chain(&self.short.entries);
        entries
            .map(|e| {
                (
                    self.patterns[e.pattern as usize].as_slice(),
                    e.offset as usize,
                )
            })
            .collect()
    }

    /// What pattern `p` (as `find` reports it) stands for: one index or
    /// more, sorted.
    pub fn stands_for(&self, p: usize) -> &[usize] {
        &self.stands_for[p]
    }

    /// Call `found(pattern, start)` once for every place a value starts in
    /// `text` (overlapping places included).
    pub fn find(&self, text: &[u8], mut found: impl FnMut(usize, usize)) {
        let Some(last) = text.len().checked_sub(KEY) else {
            return;
        };
        let mut check = |table: &Table, key: u64, at: usize| {
            let mut entries = table.get(key);
            while let Some(first) = entries.first() {
                // The entries that would start and end where `first` does.
                let same =
                    entries.partition_point(|e| (e.offset, e.len) == (first.offset, first.len));
                let (group, rest) = entries.split_at(same);
                entries = rest;
                let (offset, len) = (first.offset as usize, first.len as usize);
                let Some(t) = at.checked_sub(offset).and_then(|s| text.get(s..s + len)) else {
                    continue;
                };
                let candidates = match group.len() < HASHED_GROUP {
                    true => group,
                    false => {
                        let hash = folded_hash(t);
                        let from = group.partition_point(|e| e.hash < hash);
                        let to = from + group[from..].partition_point(|e| e.hash == hash);
                        &group[from..to]
                    }
                };
                for e in candidates {
                    let p = e.pattern as usize;
                    if t.eq_ignore_ascii_case(&self.patterns[p]) {
                        found(p, at - offset);
                    }
                }
            }
        };
        if !self.long.is_empty() {
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
        if !self.short.is_empty() {
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
            "07700 900123",
            "Joss@Riverside.example",
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
            scanner.find(text, |p, at| {
                got.extend(scanner.stands_for(p).iter().map(|&n| (n, at)))
            });
            got.sort_unstable();
            assert_eq!(
                got,
                naive(&values, text),
                "{}",
                String::from_utf8_lossy(text)
            );
        }
    }

    /// Many values entered under one stretch, at the same places around it
    /// (told apart by hash), are found exactly as a plain search finds
    /// them. Values of eight bytes have one window of three stretches, so
    /// all of these share the stretch "abcdef".
    #[test]
    fn many_values_on_one_stretch_are_told_apart() {
        let values: Vec<(Vec<u8>, usize)> = (0..100)
            .map(|i| (format!("abcdef{i:02}").into_bytes(), i))
            .chain([(b"ABCDEF42".to_vec(), 900)])
            .collect();
        let scanner = Scanner::new(values.clone(), b"");
        let shared = scanner.long.get(key(b"abcdef", 0));
        assert!(shared.len() >= 100 && shared.len() >= HASHED_GROUP);
        let text = b"x ABCDEF42, abcdef07 abcdef abcdef9 abcdefabcdef99abcdef0";
        let mut got = Vec::new();
        scanner.find(text, |p, at| {
            got.extend(scanner.stands_for(p).iter().map(|&n| (n, at)))
        });
        got.sort_unstable();
        assert_eq!(got, naive(&values, text));
        assert_eq!(got.len(), 4, "{got:?}");
    }

    /// Values that start with what the output is full of (an intranet
    /// address at the charity's domain) are anchored on what sets them
    /// apart, not on their first bytes.
    #[test]
    fn values_are_anchored_away_from_what_the_output_is_full_of() {
        let common = "https://riverside.example/";
        let values: Vec<(Vec<u8>, usize)> = (0..2000)
            .map(|i| (format!("{common}staff/{i:04}").into_bytes(), i))
            .collect();
        let sample = format!("{common}people/ ").repeat(200);
        let scanner = Scanner::new(values, sample.as_bytes());
        for (value, offset) in scanner.anchors() {
            assert!(
                offset + KEY > common.len(),
                "{} anchored at {offset}",
                String::from_utf8_lossy(value)
            );
        }
    }

    /// Values that read the same (letters' case aside) are one pattern that
    /// stands for each: found once, reported for both.
    #[test]
    fn values_that_read_the_same_are_one_pattern() {
        let values = vec![
            (b"Amara Okafor".to_vec(), 3),
            (b"AMARA OKAFOR".to_vec(), 7),
            (b"Amara Okafor".to_vec(), 3),
            (b"Callum Fraser".to_vec(), 1),
        ];
        let scanner = Scanner::new(values, b"");
        assert_eq!(scanner.len(), 2);
        let mut got = Vec::new();
        scanner.find(b"Meet amara okafor.", |p, at| got.push((p, at)));
        assert_eq!(got.len(), 1);
        assert_eq!(scanner.stands_for(got[0].0), &[3, 7]);
    }
}
