//! Every case in tests/bad-input/: a small broken site (its files laid over
//! a copy of `_good-site`), the exact diagnostics and exit code convene must
//! give for it, and proof that the last good build was left untouched.
//!
//! Each case folder holds `site/` (the files to lay over the good site),
//! `expected.json` (`{"exit_code": N, "diagnostics": [...]}`, or
//! `"stderr"` for runs that stop before checking content) and,
//! optionally, `args.txt`: extra arguments, where `{site}` and `{out}` stand
//! for the folders. `CONVENE_BLESS=1 cargo test --test bad_input_fixtures`
//! rewrites expected.json from what convene says now; review the diff.

mod support;

use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use support::site::*;

fn cases() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/bad-input");
    let mut cases: Vec<PathBuf> = std::fs::read_dir(&root)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir() && !p.file_name().unwrap().to_string_lossy().starts_with('_'))
        .collect();
    cases.sort();
    cases
}

/// The built sites, without the image cache (which may gain entries
/// from a failed build: they are reused, never published by themselves).
fn sites(out: &Path) -> std::collections::BTreeMap<PathBuf, Vec<u8>> {
    let mut files = tree(out);
    files.retain(|path, _| !path.starts_with(".cache"));
    files
}

fn run_case(case: &Path) -> Result<(), String> {
    let tmp = tempfile::tempdir().unwrap();
    let good = case.parent().unwrap().join("_good-site");
    let site = tmp.path().join("site");
    let out = tmp.path().join("dist");
    copy_site(&good, &site);
    let first = build(&site, &out);
    assert!(first.status.success(), "good site: {}", stderr(&first));
    let before = sites(&out);

    copy_site(&case.join("site"), &site);
    let extra = std::fs::read_to_string(case.join("args.txt")).unwrap_or_default();
    let extra: Vec<String> = extra
        .split_whitespace()
        .map(|a| {
            a.replace("{site}", &site.to_string_lossy())
                .replace("{out}", &out.to_string_lossy())
        })
        .collect();
    let mut args = vec![
        "build".to_string(),
        site.to_string_lossy().into_owned(),
        "--now".into(),
        NOW.into(),
        "--format".into(),
        "json".into(),
    ];
    if !extra.iter().any(|a| a == "--out") {
        args.extend(["--out".into(), out.to_string_lossy().into_owned()]);
    }
    args.extend(extra);
    let result = convene().args(&args).output().unwrap();
    let code = result.status.code().unwrap_or(-1);
    // Temporary folders differ from run to run; name them as args.txt does.
    let err = stderr(&result)
        .replace(&*site.to_string_lossy(), "{site}")
        .replace(&*out.to_string_lossy(), "{out}");
    let actual = match serde_json::from_str::<Value>(&err) {
        Ok(diagnostics) => json!({"exit_code": code, "diagnostics": diagnostics}),
        Err(_) => json!({"exit_code": code, "stderr": err.trim()}),
    };

    let expected_path = case.join("expected.json");
    if std::env::var_os("CONVENE_BLESS").is_some() {
        let text = serde_json::to_string_pretty(&actual).unwrap() + "\n";
        std::fs::write(&expected_path, text).unwrap();
    }
    let expected: Value = serde_json::from_str(&read(&expected_path))
        .map_err(|e| format!("{}: {e}", expected_path.display()))?;
    if expected != actual {
        return Err(format!(
            "expected:\n{expected:#}\nactual:\n{actual:#}\nstderr:\n{err}"
        ));
    }
    if code == 0 {
        return Err("a bad-input case must fail (use --deny-warnings for warnings)".into());
    }
    if sites(&out) != before {
        return Err("the last good output changed".into());
    }
    Ok(())
}

#[test]
fn every_bad_input_case_gives_its_exact_diagnostics_and_keeps_the_last_output() {
    let cases = cases();
    assert!(cases.len() >= 30, "only {} cases", cases.len());
    let failures: Vec<String> = cases
        .iter()
        .filter_map(|case| {
            run_case(case)
                .err()
                .map(|e| format!("--- {}\n{e}", case.file_name().unwrap().to_string_lossy()))
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}
