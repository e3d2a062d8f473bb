//! The `convene` binary: parse the command line, run, print, exit.

mod cli;

use clap::Parser;

// glibc's malloc spent about a fifth of a build in malloc, free and
// consolidating freed chunks, with both sites rendering at once; jemalloc's
// per-thread caches suit thousands of short-lived page strings and contexts.
// (Not with Microsoft's toolchain, which jemalloc does not support.)
#[cfg(not(target_env = "msvc"))]
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

/// jemalloc keeps freed pages for 10 s by default, and a build is over in
/// a few: returning them after 1 s keeps peak memory near 180 MB instead of
/// 200-230 MB at bench scale, at no measurable cost in time.
#[cfg(not(target_env = "msvc"))]
#[allow(non_upper_case_globals)]
#[unsafe(export_name = "_rjem_malloc_conf")]
pub static malloc_conf: &[u8; 37] = b"dirty_decay_ms:1000,muzzy_decay_ms:0\0";

fn main() -> std::process::ExitCode {
    cli::Cli::parse().run()
}
