//! Write both sites aside, then swap them in, so a failed build never
//! leaves a half-written site where the last good one was.

use crate::model::Audience;
use crate::Error;
use rayon::prelude::*;
use std::fs;
use std::path::{Path, PathBuf};

/// A file of one site, ready to be written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputFile {
    /// Relative to the site's output folder.
    pub path: PathBuf,
    pub bytes: Vec<u8>,
}

/// Dropped in every output folder convene creates; convene only ever
/// replaces folders that carry it.
pub const MARKER: &str = ".convene-output";

/// Sites are written into `out/.building-<pid>/` before being swapped in.
const STAGE_PREFIX: &str = ".building-";

/// Folders of a site that convene reads; output must never land in them.
const READ_FOLDERS: &[&str] = &[
    "people",
    "stories",
    "guidelines",
    "campaigns",
    "static",
    "templates",
];

/// Longest file or folder name most file systems accept.
const MAX_NAME_BYTES: usize = 255;

/// Is `path` safe to join under the output folder: relative, with only
/// plain names (no `..`, no root, no NUL), each short enough to create?
/// Every written path passes here, whatever a slug or alias said.
pub fn is_safe_relative(path: &Path) -> bool {
    let mut any = false;
    for c in path.components() {
        let std::path::Component::Normal(name) = c else {
            return false;
        };
        let bytes = name.as_encoded_bytes();
        if bytes.is_empty() || bytes.len() > MAX_NAME_BYTES || bytes.contains(&0) {
            return false;
        }
        any = true;
    }
    any
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> Error + '_ {
    move |e| Error::Io {
        path: path.to_path_buf(),
        message: e.to_string(),
    }
}

/// Refuse output folders that could destroy something: the site itself,
/// a parent of it, `/`, home, or a non-empty folder convene did not create.
pub fn check_target(out: &Path, site: &Path) -> Result<(), Error> {
    let out_abs = absolute(out);
    let site_abs = absolute(site);
    let home = std::env::var_os("HOME").map(PathBuf::from);
    let refuse = |why: &str| {
        Err(Error::Output(format!(
            "refusing to write to {}: {why}",
            out.display()
        )))
    };
    if out_abs.parent().is_none() || home.as_deref().is_some_and(|h| h.starts_with(&out_abs)) {
        return refuse("that is the root or home folder, or holds the home folder");
    }
    if site_abs.starts_with(&out_abs) {
        return refuse("the site's content is inside it; choose a folder such as dist/");
    }
    // Inside a folder convene reads, the output would be read back as content.
    for folder in READ_FOLDERS {
        if out_abs.starts_with(site_abs.join(folder)) {
            return refuse(&format!(
                "it is inside the site's {folder}/ folder; choose a folder such as dist/"
            ));
        }
    }
    if out_abs.is_dir()
        && !out_abs.join(MARKER).exists()
        && fs::read_dir(&out_abs).is_ok_and(|mut d| d.next().is_some())
    {
        return refuse(
            "it already holds files that convene did not write; choose an empty or new folder",
        );
    }
    Ok(())
}

/// Refuse an image cache inside a folder convene reads (it would be read
/// back, or published from static/) or inside the sites it swaps.
pub fn check_cache(cache: &Path, out: &Path, site: &Path) -> Result<(), Error> {
    let cache_abs = absolute(cache);
    let site_abs = absolute(site);
    let refuse = |why: String| {
        Err(Error::Output(format!(
            "refusing to keep the image cache in {}: {why}",
            cache.display()
        )))
    };
    if let Some(folder) = READ_FOLDERS
        .iter()
        .find(|f| cache_abs.starts_with(site_abs.join(f)))
    {
        return refuse(format!("it is inside the site's {folder}/ folder; leave --image-cache out, or choose a folder outside the site"));
    }
    let out_abs = absolute(out);
    for audience in [Audience::Public, Audience::Playbook] {
        if cache_abs.starts_with(out_abs.join(audience.folder())) {
            return refuse(format!(
                "it is inside {}/, which each build replaces",
                audience.folder()
            ));
        }
    }
    Ok(())
}

/// Where `p` really is: symbolic links resolved, for a path that does not
/// exist yet through its nearest existing ancestor, so no spelling
/// (`dist/../site/static`, a link to the site) hides where output lands.
fn absolute(p: &Path) -> PathBuf {
    let joined = if p.is_absolute() {
        p.to_path_buf()
    } else {
        std::env::current_dir().unwrap_or_default().join(p)
    };
    // Followed one part at a time, as the system follows it: a link is
    // resolved where it stands, so `link/..` is the parent of where the
    // link points. Parts that don't exist yet are joined as written.
    let mut real = PathBuf::new();
    let mut exists = true;
    for part in joined.components() {
        match part {
            std::path::Component::CurDir => {}
            std::path::Component::ParentDir => {
                real.pop();
                // Back out of a part that did not exist: the rest resolves again.
                exists = real.exists();
            }
            other => {
                real.push(other);
                if exists {
                    match fs::canonicalize(&real) {
                        Ok(resolved) => real = resolved,
                        Err(_) => exists = false,
                    }
                }
            }
        }
    }
    real
}

/// A build in progress: both sites are written into a folder beside the
/// live ones and swapped in only when everything succeeded. Dropping a
/// `Stage` without `finish` removes the half-written folder.
pub struct Stage {
    out: PathBuf,
    dir: PathBuf,
}

impl Stage {
    pub fn begin(out: &Path) -> Result<Stage, Error> {
        fs::create_dir_all(out).map_err(io(out))?;
        fs::write(
            out.join(MARKER),
            "This folder is written by convene. Its contents are replaced on every build.\n",
        )
        .map_err(io(out))?;
        // Leftovers of builds that were killed half-way; the folder is ours.
        for entry in fs::read_dir(out).map_err(io(out))?.flatten() {
            if entry
                .file_name()
                .to_string_lossy()
                .starts_with(STAGE_PREFIX)
            {
                let _ = fs::remove_dir_all(entry.path());
            }
        }
        let dir = out.join(format!("{STAGE_PREFIX}{}", std::process::id()));
        if dir.exists() {
            fs::remove_dir_all(&dir).map_err(io(&dir))?;
        }
        fs::create_dir_all(&dir).map_err(io(&dir))?;
        Ok(Stage {
            out: out.to_path_buf(),
            dir,
        })
    }

    /// Where one site's files go.
    pub fn site(&self, audience: Audience) -> SiteWriter {
        let name = audience.folder();
        let live = self.out.join(name);
        SiteWriter {
            dir: self.dir.join(name),
            // A first build has no last one to compare with: skip looking
            // for each file's old copy.
            live: live.is_dir().then_some(live),
        }
    }

    /// Replace each live site folder by its staged copy, one rename each.
    /// Both sites are swapped or neither: if one can't be, the ones already
    /// swapped are put back, so the hub and the playbook never come from
    /// different builds.
    pub fn finish(self, audiences: &[Audience]) -> Result<(), Error> {
        let mut swapped: Vec<(PathBuf, PathBuf, bool)> = Vec::new();
        for audience in audiences {
            let name = audience.folder();
            let live = self.out.join(name);
            let old = self.dir.join(format!("old-{name}"));
            let had_live = live.exists();
            let swap = (|| {
                if had_live {
                    fs::rename(&live, &old)?;
                }
                fs::rename(self.dir.join(name), &live).inspect_err(|_| {
                    if had_live {
                        let _ = fs::rename(&old, &live);
                    }
                })
            })();
            if let Err(e) = swap {
                for (live, old, had_live) in swapped.iter().rev() {
                    let _ = fs::remove_dir_all(live);
                    if *had_live {
                        let _ = fs::rename(old, live);
                    }
                }
                return Err(io(&live)(e));
            }
            swapped.push((live, old, had_live));
        }
        Ok(())
    }
}

impl Drop for Stage {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.dir);
    }
}

impl SiteWriter {
    /// Write straight into a live folder (for `serve`), skipping files
    /// whose bytes have not changed.
    pub fn in_place(dir: &Path) -> SiteWriter {
        SiteWriter {
            dir: dir.to_path_buf(),
            live: Some(dir.to_path_buf()),
        }
    }
}

/// Makes a static file ready for one site: `None` keeps it off the site.
pub type Prepare<'a> = dyn Fn(&Path, Vec<u8>) -> Option<Vec<u8>> + Sync + 'a;

/// Writes one site's files into the stage. A file whose bytes equal the
/// live copy is hard-linked from it instead, so it keeps its modification
/// time and rsync or a static host's deploy uploads only what changed.
pub struct SiteWriter {
    dir: PathBuf,
    /// The last good site, if there is one.
    live: Option<PathBuf>,
}

impl SiteWriter {
    /// Write one file; `false` if it was already there, byte for byte.
    pub fn write(&self, file: &OutputFile) -> Result<bool, Error> {
        self.put(&file.path, &file.bytes)
    }

    /// Publish a file from the image cache. When building aside it is
    /// hard-linked (no copy, and its modification time is the cache's, so
    /// deploys see it unchanged); across file systems, or when serving, it
    /// is written as any other file.
    pub fn link(&self, rel: &Path, cached: &Path) -> Result<(), Error> {
        let path = self.target(rel)?;
        if !self.serving() && in_folder(&path, |path| fs::hard_link(cached, path)).is_ok() {
            return Ok(());
        }
        let bytes = fs::read(cached).map_err(io(cached))?;
        self.put(rel, &bytes).map(drop)
    }

    /// Writing straight into the served folder, not building aside?
    fn serving(&self) -> bool {
        self.live.as_deref() == Some(self.dir.as_path())
    }

    /// Where `rel` goes, once it is known to be safe.
    fn target(&self, rel: &Path) -> Result<PathBuf, Error> {
        if !is_safe_relative(rel) {
            return Err(Error::Output(format!(
                "refusing to write {}: it would land outside the output folder",
                rel.display()
            )));
        }
        Ok(self.dir.join(rel))
    }

    fn put(&self, rel: &Path, bytes: &[u8]) -> Result<bool, Error> {
        let path = self.target(rel)?;
        if let Some(live) = &self.live {
            let live = live.join(rel);
            let unchanged = fs::metadata(&live).is_ok_and(|m| m.len() == bytes.len() as u64)
                && fs::read(&live).is_ok_and(|old| old == bytes);
            if unchanged
                && (self.serving() || in_folder(&path, |path| fs::hard_link(&live, path)).is_ok())
            {
                return Ok(false);
            }
        }
        if !self.serving() {
            return in_folder(&path, |path| fs::write(path, bytes))
                .map(|_| true)
                .map_err(io(&path));
        }
        // The folder is being served: written aside and renamed over the old
        // file, so a reader gets the old page or the new one, never half.
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        let aside = path.with_file_name(format!(".{name}.convene-partial"));
        in_folder(&aside, |aside| fs::write(aside, bytes))
            .and_then(|_| fs::rename(&aside, &path))
            .map(|_| true)
            .map_err(io(&path))
    }

    /// Copy files from the site's static/ folder (paths relative to
    /// static/), each as `prepare` makes it ready for this site; a file it
    /// returns `None` for is not published.
    pub fn copy_static(
        &self,
        site: &Path,
        files: &[&Path],
        prepare: &Prepare<'_>,
    ) -> Result<usize, Error> {
        files.par_iter().try_for_each(|rel| {
            let from = site.join("static").join(rel);
            let bytes = fs::read(&from).map_err(io(&from))?;
            match prepare(rel, bytes) {
                Some(bytes) => self.put(rel, &bytes).map(drop),
                None => Ok(()),
            }
        })?;
        Ok(files.len())
    }
}

/// Create `path` with `make`, and its folder first if that is missing.
/// Most files land in a folder that already exists, so trying first costs
/// one system call where checking first would cost two.
fn in_folder(path: &Path, make: impl Fn(&Path) -> std::io::Result<()>) -> std::io::Result<()> {
    match make(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            if let Some(parent) = path.parent() {
                fs::create_dir_all(parent)?;
            }
            make(path)
        }
        done => done,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Audience;

    fn write(out: &Path, path: &str) -> Result<(), Error> {
        let stage = Stage::begin(out)?;
        stage.site(Audience::Public).write(&OutputFile {
            path: PathBuf::from(path),
            bytes: b"hello".to_vec(),
        })?;
        stage.finish(&[Audience::Public])
    }

    #[test]
    fn a_path_that_escapes_is_refused_and_the_last_site_kept() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("dist");
        write(&out, "index.html").unwrap();
        for bad in [
            "../escaped.html",
            "/etc/escaped.html",
            "people/../../escaped.html",
        ] {
            let err = write(&out, bad).unwrap_err();
            assert!(
                err.to_string().contains("outside the output folder"),
                "{err}"
            );
        }
        assert!(!tmp.path().join("escaped.html").exists());
        assert_eq!(fs::read(out.join("public/index.html")).unwrap(), b"hello");
    }

    /// When the second site can't be swapped in, the first is put back:
    /// the hub and the playbook always come from the same build.
    #[test]
    fn both_sites_are_swapped_together_or_not_at_all() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("dist");
        let build = |text: &str| {
            let stage = Stage::begin(&out).unwrap();
            for audience in [Audience::Public, Audience::Playbook] {
                let file = OutputFile {
                    path: PathBuf::from("index.html"),
                    bytes: text.as_bytes().to_vec(),
                };
                stage.site(audience).write(&file).unwrap();
            }
            stage
        };
        build("first")
            .finish(&[Audience::Public, Audience::Playbook])
            .unwrap();
        let stage = build("second");
        // The playbook's new copy goes missing before the swap.
        fs::remove_dir_all(stage.dir.join("playbook")).unwrap();
        assert!(stage
            .finish(&[Audience::Public, Audience::Playbook])
            .is_err());
        for site in ["public", "playbook"] {
            assert_eq!(
                fs::read(out.join(site).join("index.html")).unwrap(),
                b"first",
                "{site}"
            );
        }
    }

    #[test]
    fn leftovers_of_a_killed_build_are_cleared() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("dist");
        fs::create_dir_all(out.join(".building-1/public")).unwrap();
        write(&out, "index.html").unwrap();
        let names: Vec<String> = fs::read_dir(&out)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert!(
            !names.iter().any(|n| n.starts_with(STAGE_PREFIX)),
            "{names:?}"
        );
    }
}
