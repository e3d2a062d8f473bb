//! Helpers for tests that build sites and look at what was written.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A fixed "now" so embargo and consent tests never depend on the clock.
pub const NOW: &str = "2026-11-26T12:00:00Z";

/// The binary under test: this build's, or another one named by
/// `CONVENE_TEST_BIN` (to show that a test fails on an older convene).
pub fn convene() -> Command {
    match std::env::var_os("CONVENE_TEST_BIN") {
        Some(bin) => Command::new(bin),
        None => Command::new(env!("CARGO_BIN_EXE_convene")),
    }
}

/// `convene build SITE --out OUT --now NOW`.
pub fn build(site: &Path, out: &Path) -> Output {
    build_on_threads(site, out, None)
}

/// The same, with rayon limited to `threads` when given.
pub fn build_on_threads(site: &Path, out: &Path, threads: Option<usize>) -> Output {
    build_with(site, out, threads, &[])
}

/// `build` without resizing photos or drawing share cards, for tests about
/// something else on sites of thousands of people.
pub fn build_without_images(site: &Path, out: &Path) -> Output {
    build_with(site, out, None, &["--no-images"])
}

fn build_with(site: &Path, out: &Path, threads: Option<usize>, extra: &[&str]) -> Output {
    build_at(site, out, NOW, threads, extra)
}

/// `convene build SITE --out OUT --now NOW EXTRA...` at any "now".
pub fn build_at(
    site: &Path,
    out: &Path,
    now: &str,
    threads: Option<usize>,
    extra: &[&str],
) -> Output {
    let mut command = convene();
    if let Some(n) = threads {
        command.env("RAYON_NUM_THREADS", n.to_string());
    }
    command
        .args([
            "build",
            &site.to_string_lossy(),
            "--out",
            &out.to_string_lossy(),
            "--now",
            now,
        ])
        .args(extra)
        .output()
        .expect("run convene")
}

pub fn example_site() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("content-example")
}

/// Every file under `dir`, relative path -> bytes.
pub fn tree(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            (
                e.path().strip_prefix(dir).unwrap().to_path_buf(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect()
}

/// Files under `dir` whose contents include `needle`.
pub fn files_containing(dir: &Path, needle: &str) -> Vec<PathBuf> {
    tree(dir)
        .into_iter()
        .filter(|(_, bytes)| String::from_utf8_lossy(bytes).contains(needle))
        .map(|(p, _)| p)
        .collect()
}

pub fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Copy a site folder so a test can change it.
pub fn copy_site(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from)
        .into_iter()
        .filter_map(Result::ok)
    {
        let rel = entry.path().strip_prefix(from).unwrap();
        let dest = to.join(rel);
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&dest).unwrap();
        } else {
            std::fs::copy(entry.path(), &dest).unwrap();
        }
    }
}

/// The YAML front matter of a content file, read independently of convene.
pub fn front_matter(path: &Path) -> serde_yaml::Value {
    let text = read(path);
    let yaml = text
        .strip_prefix("---\n")
        .and_then(|t| t.split_once("\n---"))
        .map(|(y, _)| y)
        .unwrap_or("");
    serde_yaml::from_str(yaml).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// `convene check SITE --format json --now NOW`: the exit code and the
/// diagnostics, parsed.
pub fn check_json(site: &Path) -> (i32, Vec<serde_json::Value>) {
    let out = convene()
        .args([
            "check",
            &site.to_string_lossy(),
            "--format",
            "json",
            "--now",
            NOW,
        ])
        .output()
        .unwrap();
    let diags: serde_json::Value = serde_json::from_slice(&out.stderr)
        .unwrap_or_else(|e| panic!("not JSON ({e}):\n{}", stderr(&out)));
    (
        out.status.code().unwrap_or(-1),
        diags.as_array().cloned().unwrap_or_default(),
    )
}

/// content-example built into a fresh temporary folder.
pub fn build_example() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("dist");
    let result = build(&example_site(), &out);
    assert!(result.status.success(), "{}", stderr(&result));
    (tmp, out)
}
