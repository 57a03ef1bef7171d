//! The `jingsai` command line: thin wrapper over the library.

use clap::{Parser, Subcommand};
use jingsai::{BuildOptions, Problems};
use std::path::PathBuf;
use std::process::ExitCode;

/// Publishes a skills contest: notice website, forms and results from `content/contest.yaml`.
#[derive(Parser)]
#[command(name = "jingsai", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check the contest folder and build the site into `output/`.
    Build {
        /// The contest folder (holding `content/`); the current folder by default.
        #[arg(default_value = ".")]
        dir: PathBuf,
        /// Where to write the site; `<dir>/output` by default.
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
    /// Check the contest folder and report every problem, without writing anything.
    Check {
        /// The contest folder (holding `content/`); the current folder by default.
        #[arg(default_value = ".")]
        dir: PathBuf,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Build { dir, output } => {
            let mut options = BuildOptions::new(&dir);
            if let Some(output) = output {
                options.output = output;
            }
            match jingsai::build_site(&options) {
                Ok((project, map, report)) => {
                    print_problems(&project.warnings);
                    eprintln!(
                        "built {} files ({} KiB) into `{}`: {} written, {} unchanged, {} removed",
                        map.len(),
                        map.total_bytes() / 1024,
                        options.output.display(),
                        report.written,
                        report.unchanged,
                        report.removed
                    );
                    ExitCode::SUCCESS
                }
                Err(problems) => fail(&problems, "nothing was written"),
            }
        }
        Command::Check { dir } => match jingsai::check(&dir) {
            Ok(project) => {
                print_problems(&project.warnings);
                eprintln!(
                    "`{}` is fine: {} tracks, {} groups, {} notices",
                    dir.display(),
                    project.contest.tracks.len(),
                    project.contest.groups.len(),
                    project.notices.len()
                );
                ExitCode::SUCCESS
            }
            Err(problems) => fail(&problems, "fix them and run `jingsai check` again"),
        },
    }
}

fn print_problems(problems: &Problems) {
    for problem in &problems.0 {
        eprintln!("{:?}", problem.to_report());
    }
}

fn fail(problems: &Problems, then: &str) -> ExitCode {
    print_problems(problems);
    let count = problems.errors().count();
    eprintln!(
        "error: {count} problem{} found; {then}",
        if count == 1 { "" } else { "s" }
    );
    ExitCode::FAILURE
}
