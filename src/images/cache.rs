//! The image cache: every derived image is stored under a name made from a
//! hash of everything it was made from (the source bytes, the size asked
//! for, the card's text), so a rebuild finds unchanged images by name and
//! only redoes what changed.

use crate::Error;
use siphasher::sip128::{Hasher128, SipHasher13};
use std::collections::BTreeSet;
use std::fs;
use std::hash::Hasher;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// Bumped whenever the way images are made changes, so old entries are
/// never reused for new output.
const RECIPE_VERSION: &[u8] = b"convene-images-1";

/// A folder of derived images, named `<hash>.<ext>`.
pub struct Cache {
    dir: PathBuf,
    /// Entries this run asked for; the rest are pruned after a full build.
    used: Mutex<BTreeSet<String>>,
}

/// The name of one cache entry: a 128-bit content hash and an extension.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Entry(String);

impl Entry {
    /// Hash `parts` (the recipe version first) into an entry name:
    /// SipHash-1-3 with 128 bits of output, plenty to make collisions a
    /// non-issue for a site's images. The algorithm and its keys are fixed
    /// here, not left to the standard library (whose `DefaultHasher` may
    /// change with any Rust release), so a cache and the image names in
    /// the output are the same on every machine and toolchain.
    pub fn of(parts: &[&[u8]], ext: &str) -> Entry {
        let mut h = SipHasher13::new_with_keys(0x636f_6e76_656e_6531, 0x696d_6167_6573_0001);
        h.write(RECIPE_VERSION);
        for part in parts {
            // Fixed-width little-endian lengths: the same name on every machine.
            h.write(&(part.len() as u64).to_le_bytes());
            h.write(part);
        }
        Entry(format!("{:032x}.{ext}", h.finish128().as_u128()))
    }

    /// The file name inside the cache folder.
    pub fn name(&self) -> &str {
        &self.0
    }

    /// A short, stable fingerprint for output file names.
    pub fn short(&self) -> &str {
        &self.0[..10]
    }
}

impl Cache {
    pub fn open(dir: &Path) -> Result<Cache, Error> {
        fs::create_dir_all(dir).map_err(|e| Error::Io {
            path: dir.to_path_buf(),
            message: format!("could not create the image cache: {e}"),
        })?;
        Ok(Cache {
            dir: dir.to_path_buf(),
            used: Mutex::new(BTreeSet::new()),
        })
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    pub fn path(&self, entry: &Entry) -> PathBuf {
        self.dir.join(entry.name())
    }

    /// Is the entry already made? Marks it as used by this run either way.
    pub fn has(&self, entry: &Entry) -> bool {
        self.mark(entry);
        self.path(entry).is_file()
    }

    fn mark(&self, entry: &Entry) {
        self.used
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(entry.0.clone());
    }

    /// Store a new entry. Written aside and renamed, so a killed build never
    /// leaves a half-written image under a good name.
    pub fn put(&self, entry: &Entry, bytes: &[u8]) -> Result<(), Error> {
        self.mark(entry);
        let path = self.path(entry);
        let tmp = self
            .dir
            .join(format!(".{}.{}.tmp", entry.name(), std::process::id()));
        fs::write(&tmp, bytes)
            .and_then(|_| fs::rename(&tmp, &path))
            .map_err(|e| {
                let _ = fs::remove_file(&tmp);
                Error::Io {
                    path: path.clone(),
                    message: e.to_string(),
                }
            })
    }

    /// Remove entries no longer used, so the cache does not grow without
    /// end as photos are replaced. Called only after a full build, which
    /// asked for every image the site needs. Only files named like entries
    /// are touched, whatever else someone keeps in the folder.
    pub fn prune(&self) {
        let used = self.used.lock().unwrap_or_else(|e| e.into_inner());
        let Ok(entries) = fs::read_dir(&self.dir) else {
            return;
        };
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if looks_like_entry(&name) && !used.contains(&name) {
                let _ = fs::remove_file(entry.path());
            }
        }
    }
}

/// `<32 hex digits>.<ext>`, as `Entry::of` names them.
fn looks_like_entry(name: &str) -> bool {
    name.split_once('.').is_some_and(|(hash, ext)| {
        hash.len() == 32
            && hash.bytes().all(|b| b.is_ascii_hexdigit())
            && !ext.is_empty()
            && ext.bytes().all(|b| b.is_ascii_alphanumeric())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_differ_when_any_part_differs() {
        let a = Entry::of(&[b"photo", b"256"], "jpg");
        assert_eq!(a, Entry::of(&[b"photo", b"256"], "jpg"));
        assert_ne!(a, Entry::of(&[b"photo", b"480"], "jpg"));
        // Part boundaries count: ("ab","c") is not ("a","bc").
        assert_ne!(
            Entry::of(&[b"ab", b"c"], "jpg"),
            Entry::of(&[b"a", b"bc"], "jpg")
        );
        assert!(a.name().ends_with(".jpg") && a.name().len() == 36);
    }

    #[test]
    fn entry_names_are_fixed_across_machines_and_toolchains() {
        // Pinned: if this changes, every cache and every image name in every
        // site's output changes with it. Bump RECIPE_VERSION on purpose instead.
        assert_eq!(
            Entry::of(&[b"photo", b"256"], "jpg").name(),
            "e86aac14f3ea8d5ef5cebf92f3098448.jpg"
        );
    }

    #[test]
    fn prune_keeps_only_what_this_run_used() {
        let tmp = tempfile::tempdir().unwrap();
        let cache = Cache::open(tmp.path()).unwrap();
        let kept = Entry::of(&[b"kept"], "png");
        let old = Entry::of(&[b"old"], "png");
        cache.put(&kept, b"1").unwrap();
        fs::write(cache.path(&old), b"2").unwrap();
        fs::write(tmp.path().join("notes.txt"), b"mine").unwrap();
        cache.prune();
        assert!(cache.path(&kept).is_file());
        assert!(!cache.path(&old).exists());
        assert!(tmp.path().join("notes.txt").is_file(), "not ours to delete");
    }
}
