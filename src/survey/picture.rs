//! The pictures in static/, each header read once when the site is loaded:
//! pages give a picture that was not resized its width and height (so the
//! page keeps its place while it loads), and link previews need them too.

use rayon::prelude::*;
use std::collections::{BTreeSet, HashMap};
use std::io::BufReader;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

/// Picture headers read since the program started: the tests prove it is
/// one read for each static file, however many pages show it.
static READS: AtomicUsize = AtomicUsize::new(0);

pub fn reads() -> usize {
    READS.load(Ordering::Relaxed)
}

/// What a picture's header says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Picture {
    pub width: u32,
    pub height: u32,
    pub format: imagesize::ImageType,
}

/// Every file under static/ whose header is a picture's, by its path
/// relative to static/.
#[derive(Debug, Default)]
pub struct Pictures(HashMap<PathBuf, Picture>);

impl Pictures {
    /// Read the header of each of `files` (relative to `static_dir`), in
    /// parallel. A file that is no picture, or that can't be read, is
    /// simply not one here: `check` reports the pictures that matter.
    pub fn of(static_dir: &Path, files: &BTreeSet<PathBuf>) -> Pictures {
        Pictures(
            files
                .par_iter()
                .filter_map(|file| Some((file.clone(), header(&static_dir.join(file))?)))
                .collect(),
        )
    }

    pub fn get(&self, file: &Path) -> Option<&Picture> {
        self.0.get(file)
    }
}

fn header(path: &Path) -> Option<Picture> {
    READS.fetch_add(1, Ordering::Relaxed);
    let mut reader = BufReader::new(std::fs::File::open(path).ok()?);
    let format = imagesize::reader_type(&mut reader).ok()?;
    let size = format.reader_size(&mut reader).ok()?;
    Some(Picture {
        width: u32::try_from(size.width).ok()?,
        height: u32::try_from(size.height).ok()?,
        format,
    })
}
