//! The `convene` binary: parse the command line, run, print, exit.

mod cli;

use clap::Parser;

// glibc's malloc spent about a fifth of a build in malloc, free and
// consolidating freed chunks, with both sites rendering at once; jemalloc's
// per-thread caches suit thousands of short-lived page strings and contexts.
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

fn main() -> std::process::ExitCode {
    cli::Cli::parse().run()
}
