//! Time each phase of `convene build` separately, for benchmarking and
//! profiling (see BENCHMARKS.md, "Where the time goes").
//!
//! ```text
//! cargo run --release --features bench-phases --example phases -- SITE OUT [--now TIME] [--repeat N]
//! RAYON_NUM_THREADS=1 cargo run ...   # the same on one thread
//! ```
//!
//! It runs the steps of `convene::build` one after the other (both audiences
//! one at a time, so each phase's cost is its own) and prints the wall time of
//! each, best of N repeats. It calls the library's internal modules, which
//! change as convene does, so it sits behind the `bench-phases` feature and
//! `cargo test` does not build it.

use chrono::DateTime;
use convene::model::Audience;
use convene::{audience, load, output, render, theme, validate, Diagnostics, Options};
use std::path::PathBuf;
use std::time::{Duration, Instant};

fn main() {
    let mut args = std::env::args().skip(1);
    let mut positional = Vec::new();
    let mut now = "2026-11-26T12:00:00Z".to_string();
    let mut repeat = 3usize;
    while let Some(a) = args.next() {
        match a.as_str() {
            "--now" => now = args.next().expect("--now TIME"),
            "--repeat" => {
                repeat = args
                    .next()
                    .and_then(|n| n.parse().ok())
                    .expect("--repeat N")
            }
            _ => positional.push(PathBuf::from(a)),
        }
    }
    let [site, out] = <[PathBuf; 2]>::try_from(positional)
        .expect("usage: phases SITE OUT [--now TIME] [--repeat N]");
    let opts = Options {
        site,
        out,
        now: DateTime::parse_from_rfc3339(&now).expect("--now is RFC 3339"),
    };

    let mut best: Vec<(&'static str, Duration)> = Vec::new();
    let mut record = |i: usize, name: &'static str, d: Duration| {
        if best.len() <= i {
            best.push((name, d));
        } else if d < best[i].1 {
            best[i].1 = d;
        }
    };
    let mut files = 0usize;
    let mut bytes = 0usize;
    for _ in 0..repeat {
        let _ = std::fs::remove_dir_all(&opts.out);
        let total = Instant::now();
        let mut step = 0;
        let mut lap = |name: &'static str, t: Instant| {
            record(step, name, t.elapsed());
            step += 1;
        };

        let t = Instant::now();
        let mut diags = Diagnostics::default();
        let corpus = load::site(&opts.site, &mut diags).expect("load");
        lap("load (walk, read, front matter)", t);

        let t = Instant::now();
        validate::corpus(&corpus, opts.now, &mut diags);
        diags.sort();
        assert!(!diags.has_errors(), "the site has errors");
        lap("validate", t);

        let t = Instant::now();
        let theme = theme::Theme::load(&opts.site, &corpus.config.theme).expect("theme");
        lap("theme: compile templates", t);

        let t = Instant::now();
        let highlighter = render::highlight::Highlighter::default();
        lap("highlighter: load syntaxes", t);

        let mut sites = Vec::new();
        for (a, select_name, render_name) in [
            (Audience::Public, "select public", "render public"),
            (Audience::Playbook, "select playbook", "render playbook"),
        ] {
            let t = Instant::now();
            let view = audience::select(&corpus, a, opts.now);
            lap(select_name, t);
            let t = Instant::now();
            sites.push(render::site(&view, &theme, &highlighter).expect("render"));
            lap(render_name, t);
        }
        files = sites.iter().map(|s| s.files.len()).sum();
        bytes = sites
            .iter()
            .flat_map(|s| &s.files)
            .map(|f| f.bytes.len())
            .sum();

        let t = Instant::now();
        output::write(&opts.out, &opts.site, &sites).expect("write");
        lap("write (stage, swap in)", t);

        let t = Instant::now();
        drop(sites);
        drop(corpus);
        lap("free", t);
        record(step, "total", total.elapsed());
    }

    let total = best.last().map(|(_, d)| d.as_secs_f64()).unwrap_or(0.0);
    println!(
        "{} rendered files, {:.1} MB; best of {repeat}; threads: {}",
        files,
        bytes as f64 / 1e6,
        std::env::var("RAYON_NUM_THREADS").unwrap_or_else(|_| "default".into())
    );
    for (name, d) in &best {
        println!(
            "{:<34} {:>8.1} ms {:>5.1}%",
            name,
            d.as_secs_f64() * 1e3,
            100.0 * d.as_secs_f64() / total
        );
    }
}
