//! Write both sites aside, then swap them in, so a failed build never
//! leaves a half-written site where the last good one was.

use crate::render::RenderedSite;
use crate::Error;
use rayon::prelude::*;
use std::fs;
use std::path::{Path, PathBuf};

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

fn absolute(p: &Path) -> PathBuf {
    let joined = if p.is_absolute() {
        p.to_path_buf()
    } else {
        std::env::current_dir().unwrap_or_default().join(p)
    };
    fs::canonicalize(&joined).unwrap_or_else(|_| {
        // Not created yet: normalise by hand.
        let mut out = PathBuf::new();
        for c in joined.components() {
            match c {
                std::path::Component::ParentDir => {
                    out.pop();
                }
                std::path::Component::CurDir => {}
                other => out.push(other),
            }
        }
        out
    })
}

/// Write every site under `out/<audience>/`, copying `static/` from `site`.
pub fn write(out: &Path, site: &Path, sites: &[RenderedSite]) -> Result<usize, Error> {
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
    let stage = out.join(format!("{STAGE_PREFIX}{}", std::process::id()));
    let result = write_stage(&stage, site, sites)
        .and_then(|count| swap_in(out, &stage, sites).map(|_| count));
    let _ = fs::remove_dir_all(&stage);
    result
}

fn write_stage(stage: &Path, site: &Path, sites: &[RenderedSite]) -> Result<usize, Error> {
    let mut count = 0;
    for rendered in sites {
        let unsafe_path = rendered
            .files
            .iter()
            .map(|f| f.path.as_path())
            .chain(rendered.static_files.iter().map(PathBuf::as_path))
            .find(|p| !is_safe_relative(p));
        if let Some(path) = unsafe_path {
            return Err(Error::Output(format!(
                "refusing to write {}: it would land outside the output folder",
                path.display()
            )));
        }
        let dir = stage.join(rendered.audience.folder());
        let copies: Vec<(PathBuf, PathBuf)> = rendered
            .static_files
            .iter()
            .map(|f| (site.join("static").join(f), dir.join(f)))
            .collect();
        let mut dirs: Vec<PathBuf> = rendered
            .files
            .iter()
            .map(|f| dir.join(&f.path))
            .chain(copies.iter().map(|(_, to)| to.clone()))
            .filter_map(|p| p.parent().map(Path::to_path_buf))
            .collect();
        dirs.sort();
        dirs.dedup();
        for d in &dirs {
            fs::create_dir_all(d).map_err(io(d))?;
        }
        rendered.files.par_iter().try_for_each(|f| {
            let path = dir.join(&f.path);
            fs::write(&path, &f.bytes).map_err(io(&path))
        })?;
        copies
            .par_iter()
            .try_for_each(|(from, to)| fs::copy(from, to).map(|_| ()).map_err(io(from)))?;
        count += rendered.files.len() + copies.len();
    }
    Ok(count)
}

/// Replace each site folder by its staged copy, one rename each.
fn swap_in(out: &Path, stage: &Path, sites: &[RenderedSite]) -> Result<(), Error> {
    for rendered in sites {
        let name = rendered.audience.folder();
        let live = out.join(name);
        let old = stage.join(format!("old-{name}"));
        let had_live = live.exists();
        if had_live {
            fs::rename(&live, &old).map_err(io(&live))?;
        }
        if let Err(e) = fs::rename(stage.join(name), &live) {
            // Put the last good site back rather than leave a gap.
            if had_live {
                let _ = fs::rename(&old, &live);
            }
            return Err(io(&live)(e));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Audience;
    use crate::render::OutputFile;

    fn site_with(path: &str) -> RenderedSite {
        RenderedSite {
            audience: Audience::Public,
            files: vec![OutputFile {
                path: PathBuf::from(path),
                bytes: b"hello".to_vec(),
            }],
            static_files: Vec::new(),
        }
    }

    #[test]
    fn a_path_that_escapes_is_refused_and_the_last_site_kept() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("dist");
        write(&out, tmp.path(), &[site_with("index.html")]).unwrap();
        for bad in [
            "../escaped.html",
            "/etc/escaped.html",
            "people/../../escaped.html",
        ] {
            let err = write(&out, tmp.path(), &[site_with(bad)]).unwrap_err();
            assert!(
                err.to_string().contains("outside the output folder"),
                "{err}"
            );
        }
        assert!(!tmp.path().join("escaped.html").exists());
        assert_eq!(fs::read(out.join("public/index.html")).unwrap(), b"hello");
    }

    #[test]
    fn leftovers_of_a_killed_build_are_cleared() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("dist");
        fs::create_dir_all(out.join(".building-1/public")).unwrap();
        write(&out, tmp.path(), &[site_with("index.html")]).unwrap();
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
