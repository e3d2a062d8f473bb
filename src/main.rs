//! The `convene` binary: parse the command line, run, print, exit.

mod cli;

use clap::Parser;

fn main() -> std::process::ExitCode {
    cli::Cli::parse().run()
}
