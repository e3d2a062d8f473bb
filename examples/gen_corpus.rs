//! Generate a synthetic convene site with the project's own generator
//! (`tests/support/corpus.rs`), for benchmarks and manual testing.
//!
//! ```text
//! cargo run --release --example gen_corpus -- --out /dev/shm/site [--scale F] [--seed N]
//!     [--people N] [--stories N] [--guidelines N] [--campaigns N]
//! ```
//!
//! `--scale F` multiplies the bench scale (5,000 people, 2,000 stories,
//! 200 guidelines, 40 campaigns; default 1); an explicit size overrides the
//! scaled one. The output folder is replaced. Deterministic for given sizes
//! and seed (default 1).

#[allow(dead_code)]
#[path = "../tests/support/corpus.rs"]
mod corpus;

use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "usage: gen_corpus --out DIR [--scale F] [--seed N] \
[--people N] [--stories N] [--guidelines N] [--campaigns N]";

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(msg) => {
            eprintln!("gen_corpus: {msg}\n{USAGE}");
            ExitCode::from(2)
        }
    }
}

fn run() -> Result<(), String> {
    let mut out: Option<PathBuf> = None;
    let mut scale = 1.0f64;
    let mut seed = 1u64;
    let (mut people, mut stories, mut guidelines, mut campaigns) = (None, None, None, None);

    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        if flag == "-h" || flag == "--help" {
            println!("{USAGE}");
            return Ok(());
        }
        let value = args.next().ok_or_else(|| format!("{flag} needs a value"))?;
        let count = |v: &str| {
            v.parse::<usize>()
                .map_err(|_| format!("{flag} wants a whole number, not {v:?}"))
        };
        match flag.as_str() {
            "--out" => out = Some(PathBuf::from(value)),
            "--scale" => {
                scale = value
                    .parse()
                    .ok()
                    .filter(|f: &f64| f.is_finite() && *f > 0.0)
                    .ok_or_else(|| format!("--scale wants a positive number, not {value:?}"))?
            }
            "--seed" => {
                seed = value
                    .parse()
                    .map_err(|_| format!("--seed wants a whole number, not {value:?}"))?
            }
            "--people" => people = Some(count(&value)?),
            "--stories" => stories = Some(count(&value)?),
            "--guidelines" => guidelines = Some(count(&value)?),
            "--campaigns" => campaigns = Some(count(&value)?),
            _ => return Err(format!("unknown option {flag:?}")),
        }
    }
    let out = out.ok_or("--out DIR is required")?;

    let mut sizes = corpus::Sizes::scaled(scale);
    sizes.people = people.unwrap_or(sizes.people);
    sizes.stories = stories.unwrap_or(sizes.stories);
    sizes.guidelines = guidelines.unwrap_or(sizes.guidelines);
    sizes.campaigns = campaigns.unwrap_or(sizes.campaigns);

    let s = corpus::generate(&out, &sizes, seed)
        .map_err(|e| format!("writing {}: {e}", out.display()))?;
    println!(
        "{}: {} people ({} public), {} stories, {} guidelines, {} campaigns, {} files (seed {seed})",
        out.display(),
        s.people,
        s.public_people,
        s.stories,
        s.guidelines,
        s.campaigns,
        s.files
    );
    Ok(())
}
