//! The `jingsai` command line: thin wrapper over the library.

use clap::{Parser, Subcommand};
use jingsai::{BuildFailure, BuildOptions, Problems};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Counts the bytes held, so that a runaway template or form ends with a message, not with the machine
/// out of memory.
#[global_allocator]
static ALLOCATOR: jingsai::budget::CountingAlloc = jingsai::budget::CountingAlloc::new();

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
        #[command(flatten)]
        fonts: FontArgs,
        #[command(flatten)]
        limits: LimitArgs,
    },
    /// Pre-fill a form from a roster (CSV, UTF-8 or GBK) into a folder of its own, or print a built-in
    /// form's declaration to start a form of your own from.
    Forms {
        /// The contest folder (holding `content/`); the current folder by default.
        #[arg(default_value = ".")]
        dir: PathBuf,
        /// The roster: one row per person, columns named as the labels on the form (姓名, 所在单位, ...)
        /// or by field id (name, unit, ...). A form with a table (a unit's roster) takes one row per
        /// table row and makes one PDF; any other form makes one PDF per row.
        #[arg(long, required_unless_present = "show")]
        fill: Option<PathBuf>,
        /// Which form, by the id an attachment names in contest.yaml (`form: registration`).
        #[arg(long, default_value = "registration")]
        form: String,
        /// Print the declaration of a built-in form (registration, judge, roster) instead, to copy into
        /// `forms/<id>.yaml` and change: `jingsai forms --show roster > forms/roster.yaml`.
        #[arg(long, value_name = "FORM", conflicts_with = "fill")]
        show: Option<String>,
        /// Where to write the filled forms; `<dir>/filled-forms` by default. They hold personal data, so
        /// they never go into the public site.
        #[arg(long)]
        out: Option<PathBuf>,
        #[command(flatten)]
        fonts: FontArgs,
        #[command(flatten)]
        limits: LimitArgs,
    },
    /// Start a new contest: a commented contest.yaml and a first notice, with blanks 【请填写：……】 that
    /// `check` points at until they are filled in.
    Init {
        /// The folder to make (or an empty one).
        dir: PathBuf,
    },
    /// Build, then serve the site on this machine and rebuild it on every save; open pages reload.
    Serve {
        /// The contest folder (holding `content/`); the current folder by default.
        #[arg(default_value = ".")]
        dir: PathBuf,
        /// The port; the first free one from 1111 by default.
        #[arg(long, short)]
        port: Option<u16>,
        /// The interface to listen on. Only this machine can open the site unless you pass another one
        /// (for example `0.0.0.0` to show it to others on the network).
        #[arg(long, default_value = "127.0.0.1")]
        bind: std::net::IpAddr,
        /// Compare the files every 200 ms instead of waiting for change events (network drives, some
        /// containers and virtual machines).
        #[arg(long)]
        poll: bool,
        #[command(flatten)]
        fonts: FontArgs,
        #[command(flatten)]
        limits: LimitArgs,
    },
    /// The rebuild process of `serve` (started by `serve` itself).
    #[command(hide = true)]
    ServeWorker {
        dir: PathBuf,
        #[arg(long)]
        poll: bool,
        #[arg(long, value_name = "NANOSECONDS")]
        wait_since: Option<u64>,
        #[command(flatten)]
        fonts: FontArgs,
        #[command(flatten)]
        limits: LimitArgs,
    },
    /// Check the contest folder and report every problem, without writing anything.
    Check {
        /// The contest folder (holding `content/`); the current folder by default.
        #[arg(default_value = ".")]
        dir: PathBuf,
        #[command(flatten)]
        fonts: FontArgs,
        #[command(flatten)]
        limits: LimitArgs,
    },
}

/// The budgets of one build.
#[derive(clap::Args)]
struct LimitArgs {
    /// Stop with an error when rendering takes longer than this many seconds (a template or form that
    /// loops for ever).
    #[arg(long, value_name = "SECONDS", default_value_t = jingsai::budget::Limits::DEFAULT.time.as_secs())]
    time_limit: u64,
    /// Stop with an error when the build needs more memory than this many MiB.
    #[arg(long, value_name = "MIB", default_value_t = jingsai::budget::Limits::DEFAULT.memory >> 20)]
    memory_limit: usize,
}

impl LimitArgs {
    /// The limits, with the memory budget set on the allocator.
    fn apply(&self) -> jingsai::budget::Limits {
        let limits = jingsai::budget::Limits {
            time: std::time::Duration::from_secs(self.time_limit.max(1)),
            memory: self.memory_limit.max(64).saturating_mul(1 << 20),
        };
        ALLOCATOR.set_limit(limits.memory);
        limits
    }
}

/// Where the PDFs find fonts.
#[derive(clap::Args)]
struct FontArgs {
    /// A folder of extra fonts (for example a 仿宋); may be given more than once.
    #[arg(long = "font-path", value_name = "DIR")]
    font_paths: Vec<PathBuf>,
    /// Use only the bundled fonts and `--font-path`, not the fonts installed on this machine.
    #[arg(long)]
    no_system_fonts: bool,
}

impl FontArgs {
    fn options(&self) -> jingsai::pdf::fonts::FontOptions {
        jingsai::pdf::fonts::FontOptions {
            system: !self.no_system_fonts,
            paths: self.font_paths.clone(),
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    // Long messages stay on one line, so they can be searched for in logs.
    miette::set_hook(Box::new(|_| {
        Box::new(miette::MietteHandlerOpts::new().wrap_lines(false).build())
    }))
    .expect("the report handler is set once");
    match cli.command {
        Command::Build {
            dir,
            output,
            fonts,
            limits,
        } => build(dir, output, &fonts, &limits),
        Command::Init { dir } => init(&dir),
        Command::Forms { show: Some(id), .. } => show_form(&id),
        Command::Forms {
            dir,
            fill: Some(fill),
            form,
            out,
            fonts,
            limits,
            ..
        } => forms(&dir, &fill, &form, out, &fonts, &limits),
        Command::Forms { .. } => unreachable!("clap requires --fill or --show"),
        Command::Serve {
            dir,
            port,
            bind,
            poll,
            fonts,
            limits,
        } => {
            let options = jingsai::serve::ServeOptions {
                root: dir,
                port,
                bind,
                poll,
                fonts: fonts.options(),
                limits: limits.apply(),
            };
            match jingsai::serve::serve(options) {
                Ok(()) => ExitCode::SUCCESS,
                Err(error) => {
                    eprintln!("{}", error.report());
                    ExitCode::FAILURE
                }
            }
        }
        Command::ServeWorker {
            dir,
            poll,
            wait_since,
            fonts,
            limits,
        } => {
            let limits = limits.apply();
            match jingsai::serve::worker::run(&dir, poll, &fonts.options(), limits, wait_since) {
                Ok(()) => ExitCode::SUCCESS,
                Err(error) => {
                    eprintln!("{}", error.report());
                    ExitCode::FAILURE
                }
            }
        }
        Command::Check { dir, fonts, limits } => check(&dir, &fonts, &limits),
    }
}

/// `jingsai build`: check, render and write, then say what was written.
fn build(dir: PathBuf, output: Option<PathBuf>, fonts: &FontArgs, limits: &LimitArgs) -> ExitCode {
    let mut options = BuildOptions::new(&dir);
    if let Some(output) = output {
        options.output = output;
    }
    options.fonts = fonts.options();
    options.limits = limits.apply();
    match jingsai::build_site(&options) {
        Ok((project, map, report)) => {
            print_problems(&project.warnings);
            for line in &report.refused {
                eprintln!(
                    "warning: `{}/.jingsai-manifest` lists `{line}`, which leads outside the output folder or through a symbolic link; it was not removed",
                    options.output.display()
                );
            }
            eprintln!(
                "built {} files ({} KiB) into `{}`: {} written, {} unchanged, {} removed",
                map.len(),
                map.total_bytes() / 1024,
                options.output.display(),
                report.written,
                report.unchanged,
                report.removed
            );
            if let Some(size) = jingsai::search::IndexSize::of(&map) {
                eprintln!("{size}");
            }
            ExitCode::SUCCESS
        }
        Err(failure) if failure.partly_written() => fail(
            &failure,
            "the output folder is partly written (see above); build again once it is fixed",
        ),
        Err(failure) => fail(&failure, "nothing was written"),
    }
}

/// `jingsai init DIR`: a new contest to fill in.
fn init(dir: &Path) -> ExitCode {
    match jingsai::init::init(dir) {
        Ok(written) => {
            for path in &written {
                eprintln!("wrote `{}`", path.display());
            }
            eprintln!(
                "a new contest is in `{}`: fill in every blank marked 【】 in content/contest.yaml and the notice, then run `jingsai check {}`",
                dir.display(),
                dir.display()
            );
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("error: {error}\nhelp: {}", error.help());
            ExitCode::FAILURE
        }
    }
}

/// `jingsai forms --show ID`: a built-in form's declaration on standard output.
fn show_form(id: &str) -> ExitCode {
    match jingsai::model::forms::builtin_form_text(id) {
        Some(text) => {
            print!("{text}");
            ExitCode::SUCCESS
        }
        None => {
            eprintln!(
                "error: there is no built-in form `{id}`\nhelp: the built-in forms are {}",
                jingsai::model::forms::BUILTIN_FORMS.join(", ")
            );
            ExitCode::FAILURE
        }
    }
}

/// `jingsai forms --fill`: filled forms from a roster, outside the site.
fn forms(
    dir: &Path,
    fill: &Path,
    form: &str,
    out: Option<PathBuf>,
    fonts: &FontArgs,
    limits: &LimitArgs,
) -> ExitCode {
    let out = out.unwrap_or_else(|| dir.join("filled-forms"));
    match jingsai::fill_forms(dir, fill, form, &out, &fonts.options(), limits.apply()) {
        Ok(written) => {
            for path in &written {
                eprintln!("wrote `{}`", path.display());
            }
            eprintln!("{} filled forms in `{}`", written.len(), out.display());
            ExitCode::SUCCESS
        }
        Err(failure) => fail(&failure, "nothing was written"),
    }
}

/// `jingsai check`: every problem, or a one-line summary of what the folder holds.
fn check(dir: &Path, fonts: &FontArgs, limits: &LimitArgs) -> ExitCode {
    match jingsai::verify(dir, &fonts.options(), limits.apply()) {
        Ok(project) => {
            print_problems(&project.warnings);
            let results = match &project.results {
                Some(results) => format!(
                    "results for {} contestants",
                    results
                        .tables
                        .iter()
                        .map(|t| t.entries.len())
                        .sum::<usize>()
                ),
                None => "no results yet".to_string(),
            };
            eprintln!(
                "`{}` is fine: {} tracks, {}{} notices, {} forms{}, {results}",
                dir.display(),
                project.contest.tracks.len(),
                match project.contest.groups.len() {
                    0 => "no groups, ".to_string(),
                    n => format!("{n} groups, "),
                },
                project.notices.len(),
                project.forms.len(),
                if project.forms.is_empty() {
                    String::new()
                } else {
                    let names: Vec<&str> = project.forms.iter().map(|f| f.name.as_str()).collect();
                    format!(" ({})", names.join("、"))
                },
            );
            ExitCode::SUCCESS
        }
        Err(problems) => fail_with_problems(&problems, "fix them and run `jingsai check` again"),
    }
}

fn print_problems(problems: &Problems) {
    for problem in &problems.0 {
        eprintln!("{:?}", problem.to_report());
    }
}

/// Reports why a build failed: the contest's problems, counted, or the tool's failure with what to do.
fn fail(failure: &BuildFailure, then: &str) -> ExitCode {
    match failure {
        BuildFailure::Problems(problems) => fail_with_problems(problems, then),
        BuildFailure::Tool(error) => {
            eprintln!("error: {error}");
            eprintln!("  help: {}", error.help());
            eprintln!("error: {then}");
            ExitCode::FAILURE
        }
    }
}

fn fail_with_problems(problems: &Problems, then: &str) -> ExitCode {
    print_problems(problems);
    let count = problems.errors().count();
    eprintln!(
        "error: {count} problem{} found; {then}",
        if count == 1 { "" } else { "s" }
    );
    ExitCode::FAILURE
}
