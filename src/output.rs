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
    if out_abs.parent().is_none() || home.as_deref() == Some(out_abs.as_path()) {
        return refuse("that is the root or home folder");
    }
    if site_abs.starts_with(&out_abs) {
        return refuse("the site's content is inside it; choose a folder such as dist/");
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
    let stage = out.join(format!(".building-{}", std::process::id()));
    if stage.exists() {
        fs::remove_dir_all(&stage).map_err(io(&stage))?;
    }
    let result = write_stage(&stage, site, sites)
        .and_then(|count| swap_in(out, &stage, sites).map(|_| count));
    let _ = fs::remove_dir_all(&stage);
    result
}

fn write_stage(stage: &Path, site: &Path, sites: &[RenderedSite]) -> Result<usize, Error> {
    let mut count = 0;
    for rendered in sites {
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
        if live.exists() {
            fs::rename(&live, &old).map_err(io(&live))?;
        }
        fs::rename(stage.join(name), &live).map_err(io(&live))?;
    }
    Ok(())
}
