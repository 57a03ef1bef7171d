//! The `jingsai` command line: thin wrapper over the library.
//!
//! It speaks Chinese unless told otherwise (`--lang en`, `JINGSAI_LANG=en`, or an English locale): the
//! language is chosen first, then `--help` and every message come from the catalogue in that language
//! (see `jingsai::i18n`). The doc comments below are for developers; the help texts people read are in
//! `i18n/*/cli.ftl`.

use clap::{CommandFactory, FromArgMatches, Subcommand};
use jingsai::i18n::{Lang, Text};
use jingsai::msg;
use jingsai::{BuildFailure, BuildOptions, Problems};
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Counts the bytes held, so that a runaway template or form ends with a message, not with the machine
/// out of memory.
#[global_allocator]
static ALLOCATOR: jingsai::budget::CountingAlloc = jingsai::budget::CountingAlloc::new();

/// Publishes a skills contest: notice website, forms and results from `content/contest.yaml`.
#[derive(clap::Parser)]
#[command(name = "jingsai", version, about)]
struct Cli {
    /// The language of messages and help: `zh` (中文, the default) or `en`; otherwise `JINGSAI_LANG`,
    /// otherwise the locale (`en*` is English). Read before clap parses (see [`lang_flag`]).
    #[arg(long, global = true, value_name = "LANG")]
    #[allow(dead_code)]
    lang: Option<String>,
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
        cache: CacheArgs,
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
    /// Read the forms units send back into a checked roster, a score sheet and one report per unit.
    Roster {
        /// The contest folder (holding `content/`); the current folder by default.
        #[arg(default_value = ".")]
        dir: PathBuf,
        /// The folder of returned files (filled PDFs, xlsx or CSV rosters).
        #[arg(long)]
        from: PathBuf,
        /// Where to write the roster; `<dir>/roster` by default. Never inside the published site.
        #[arg(long)]
        out: Option<PathBuf>,
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
        cache: CacheArgs,
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
        cache: CacheArgs,
        #[command(flatten)]
        limits: LimitArgs,
    },
    /// Print the JSON Schema of contest.yaml or of a form file, for editors that complete keys and mark
    /// mistakes while you type (VS Code with the YAML extension); `init` writes both into `schema/`.
    Schema {
        /// Which file the schema describes.
        #[arg(value_enum, default_value_t = SchemaArg::Contest)]
        kind: SchemaArg,
        /// Write the schema into this file (replacing it) instead of printing it:
        /// `--out schema/contest.schema.json`.
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// Check the contest folder and report every problem, without writing anything.
    Check {
        /// The contest folder (holding `content/`); the current folder by default.
        #[arg(default_value = ".")]
        dir: PathBuf,
        #[command(flatten)]
        fonts: FontArgs,
        #[command(flatten)]
        cache: CacheArgs,
        #[command(flatten)]
        limits: LimitArgs,
    },
}

/// The file a schema describes.
#[derive(Clone, Copy, clap::ValueEnum)]
enum SchemaArg {
    /// `content/contest.yaml`.
    Contest,
    /// A form file, `forms/<id>.yaml`.
    Form,
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
    /// The limits, with the memory budget (and its message in `lang`) set on the allocator. The message
    /// is worded on a thread of its own: the first message read parses the language's catalogue, which
    /// takes a few milliseconds, and the build needs far longer than that to reach its budget (until it
    /// is set, the allocator prints its own message, in English).
    fn apply(&self, lang: Lang) -> jingsai::budget::Limits {
        let limits = jingsai::budget::Limits {
            time: std::time::Duration::from_secs(self.time_limit.max(1)),
            memory: self.memory_limit.max(64).saturating_mul(1 << 20),
        };
        ALLOCATOR.set_limit(limits.memory);
        let memory = limits.memory;
        std::thread::spawn(move || {
            let message = jingsai::budget::over_budget_message(memory).render(lang);
            ALLOCATOR.set_message(Box::leak(format!("{message}\n").into_boxed_str()));
        });
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

/// Whether the PDFs may come from the cache.
#[derive(clap::Args)]
struct CacheArgs {
    /// Compile every PDF instead of reusing the ones whose inputs are unchanged (kept in
    /// `~/.cache/jingsai/pdf`, or `JINGSAI_CACHE_DIR`).
    #[arg(long)]
    no_cache: bool,
}

impl CacheArgs {
    fn options(&self) -> Option<jingsai::pdf::CacheOptions> {
        if self.no_cache {
            None
        } else {
            jingsai::pdf::CacheOptions::from_env()
        }
    }
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
    let args: Vec<OsString> = std::env::args_os().collect();
    let var = |name: &str| std::env::var(name).ok();
    let lang = match Lang::choose(lang_flag(&args).as_deref(), var) {
        Ok(lang) => lang,
        Err(unknown) => {
            let message = unknown.text();
            let help = unknown.help();
            let shown = Lang::of_environment_locale(var);
            eprintln!(
                "{}",
                msg!("cli-error-with-help-line", message, help).render(shown)
            );
            return ExitCode::from(2);
        }
    };
    // Translating every help text costs about as much as a warm build's PDFs: the arguments are parsed
    // first as they are, and only a `--help` or a mistake (what shows those texts) parses them again
    // with the texts in the language. The translation changes no name, so both parse alike.
    let matches = match Cli::command().try_get_matches_from(args.iter()) {
        Ok(matches) => Ok(matches),
        Err(_) => {
            let command = jingsai::i18n::cli::localize(Cli::command(), lang);
            // The first argument that names a command, for where an error sends to read more.
            let subcommand = args
                .iter()
                .skip(1)
                .map(|a| a.to_string_lossy())
                .find(|a| command.get_subcommands().any(|c| c.get_name() == a))
                .map(|a| a.into_owned());
            command
                .try_get_matches_from(args)
                .map_err(|error| (error, subcommand))
        }
    };
    let matches = match matches {
        Ok(matches) => matches,
        // clap's own errors in the language; `--help`, `--version` and English as clap prints them.
        Err((error, subcommand)) => {
            match jingsai::i18n::cli::parse_error(&error, lang, subcommand.as_deref()) {
                Some(text) => {
                    eprintln!("{text}");
                    return ExitCode::from(u8::try_from(error.exit_code()).unwrap_or(2));
                }
                None => error.exit(),
            }
        }
    };
    let cli = Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit());
    // Long messages stay on one line, so they can be searched for in logs.
    miette::set_hook(Box::new(|_| {
        Box::new(miette::MietteHandlerOpts::new().wrap_lines(false).build())
    }))
    .expect("the report handler is set once");
    run(cli.command, lang)
}

/// The value of `--lang X` or `--lang=X` among the arguments (before `--`), read before clap parses
/// them so that `--help` is already in that language.
fn lang_flag(args: &[OsString]) -> Option<String> {
    let mut args = args.iter().skip(1).map(|a| a.to_string_lossy());
    while let Some(arg) = args.next() {
        if arg == "--" {
            break;
        }
        if arg == "--lang" {
            return Some(args.next().map(|v| v.into_owned()).unwrap_or_default());
        }
        if let Some(value) = arg.strip_prefix("--lang=") {
            return Some(value.to_string());
        }
    }
    None
}

/// Runs one command in `lang`.
fn run(command: Command, lang: Lang) -> ExitCode {
    match command {
        Command::Build {
            dir,
            output,
            fonts,
            cache,
            limits,
        } => build(dir, output, (&fonts, &cache), &limits, lang),
        Command::Init { dir } => init(&dir, lang),
        Command::Forms { show: Some(id), .. } => show_form(&id, lang),
        Command::Forms {
            dir,
            fill: Some(fill),
            form,
            out,
            fonts,
            limits,
            ..
        } => forms(&dir, &fill, &form, out, (&fonts, &limits), lang),
        Command::Forms { .. } => unreachable!("clap requires --fill or --show"),
        Command::Roster { dir, from, out } => roster(&dir, &from, out, lang),
        Command::Serve {
            dir,
            port,
            bind,
            poll,
            fonts,
            cache,
            limits,
        } => {
            let options = jingsai::serve::ServeOptions {
                root: dir,
                port,
                bind,
                poll,
                fonts: fonts.options(),
                cache: cache.options(),
                limits: limits.apply(lang),
                lang,
            };
            match jingsai::serve::serve(options) {
                Ok(()) => ExitCode::SUCCESS,
                Err(error) => {
                    eprintln!("{}", error.report(lang));
                    ExitCode::FAILURE
                }
            }
        }
        Command::ServeWorker {
            dir,
            poll,
            wait_since,
            fonts,
            cache,
            limits,
        } => {
            let limits = limits.apply(lang);
            let setup = jingsai::serve::worker::Setup {
                poll,
                fonts: fonts.options(),
                cache: cache.options(),
                limits,
                lang,
            };
            match jingsai::serve::worker::run(&dir, &setup, wait_since) {
                Ok(()) => ExitCode::SUCCESS,
                Err(error) => {
                    eprintln!("{}", error.report(lang));
                    ExitCode::FAILURE
                }
            }
        }
        Command::Check {
            dir,
            fonts,
            cache,
            limits,
        } => check(&dir, (&fonts, &cache), &limits, lang),
        Command::Schema { kind, out } => schema(kind, out.as_deref(), lang),
    }
}

/// Prints what the PDFs cost (`always`), or only a damaged cache entry or a cache that cannot be used.
fn print_pdf_counts(counts: &jingsai::pdf::PdfCounts, always: bool, lang: Lang) {
    if counts.rejected > 0 {
        say(&msg!("pdfcache-rejected", count = counts.rejected), lang);
    }
    if always || matches!(counts.cache, jingsai::pdf::CacheState::Unusable(_)) {
        say(&counts.summary(), lang);
    }
}

/// Prints `text` in `lang` on standard error.
fn say(text: &Text, lang: Lang) {
    eprintln!("{}", text.render(lang));
}

/// `jingsai build`: check, render and write, then say what was written.
fn build(
    dir: PathBuf,
    output: Option<PathBuf>,
    (fonts, cache): (&FontArgs, &CacheArgs),
    limits: &LimitArgs,
    lang: Lang,
) -> ExitCode {
    let mut options = BuildOptions::new(&dir);
    if let Some(output) = output {
        options.output = output;
    }
    options.fonts = fonts.options();
    options.cache = cache.options();
    options.limits = limits.apply(lang);
    options.lang = lang;
    match jingsai::build_site(&options) {
        Ok((project, map, report, pdfs)) => {
            print_problems(&project.warnings, lang);
            let output = &options.output;
            for line in &report.refused {
                say(&msg!("cli-manifest-refused", output, line), lang);
            }
            print_pdf_counts(&pdfs, true, lang);
            let summary = msg!(
                "cli-built",
                files = map.len(),
                kib = map.total_bytes() / 1024,
                output,
                written = report.written,
                unchanged = report.unchanged,
                removed = report.removed
            );
            say(&summary, lang);
            if let Some(size) = jingsai::search::IndexSize::of(&map) {
                say(&size.summary(), lang);
            }
            ExitCode::SUCCESS
        }
        Err(failure) if failure.partly_written() => {
            fail(&failure, &msg!("cli-partly-written"), lang)
        }
        Err(failure) => fail(&failure, &msg!("cli-nothing-written"), lang),
    }
}

/// `jingsai init DIR`: a new contest to fill in.
fn init(dir: &Path, lang: Lang) -> ExitCode {
    match jingsai::init::init(dir, lang) {
        Ok(written) => {
            for path in &written {
                say(&msg!("cli-wrote", path), lang);
            }
            say(&msg!("cli-init-done", dir), lang);
            ExitCode::SUCCESS
        }
        Err(error) => {
            let (message, help) = (error.text(), error.help());
            say(&msg!("cli-error-with-help-line", message, help), lang);
            ExitCode::FAILURE
        }
    }
}

/// `jingsai forms --show ID`: a built-in form's declaration on standard output, after the line naming
/// the form schema.
fn show_form(id: &str, lang: Lang) -> ExitCode {
    match jingsai::model::forms::builtin_form_text(id) {
        Some(text) => {
            // The copy goes into `forms/`, where this line points editors at `schema/form.schema.json`.
            let modeline = jingsai::model::schema::SchemaKind::Form.modeline();
            print!("{modeline}\n{text}");
            ExitCode::SUCCESS
        }
        None => {
            let message = msg!("cli-no-builtin-form", id);
            let forms = jingsai::model::forms::BUILTIN_FORMS.join(", ");
            let help = msg!("cli-no-builtin-form-help", forms);
            say(&msg!("cli-error-with-help-line", message, help), lang);
            ExitCode::FAILURE
        }
    }
}

/// `jingsai schema`: a JSON Schema on standard output, or into `out`.
fn schema(kind: SchemaArg, out: Option<&Path>, lang: Lang) -> ExitCode {
    use jingsai::model::schema::SchemaKind;
    let kind = match kind {
        SchemaArg::Contest => SchemaKind::Contest,
        SchemaArg::Form => SchemaKind::Form,
    };
    let Some(out) = out else {
        print!("{}", kind.to_json());
        return ExitCode::SUCCESS;
    };
    match kind.write(out) {
        Ok(()) => {
            say(&msg!("cli-wrote", path = out), lang);
            ExitCode::SUCCESS
        }
        Err(message) => {
            let help = msg!("cli-schema-write-help");
            say(&msg!("cli-error-with-help-line", message, help), lang);
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
    (fonts, limits): (&FontArgs, &LimitArgs),
    lang: Lang,
) -> ExitCode {
    let out = out.unwrap_or_else(|| dir.join("filled-forms"));
    let limits = limits.apply(lang);
    match jingsai::fill_forms(dir, fill, form, &out, &fonts.options(), limits, lang) {
        Ok(written) => {
            for path in &written {
                say(&msg!("cli-wrote", path), lang);
            }
            say(&msg!("cli-filled", count = written.len(), out = &out), lang);
            ExitCode::SUCCESS
        }
        Err(failure) => fail(&failure, &msg!("cli-nothing-written"), lang),
    }
}

/// `jingsai roster`: the returned forms read and checked into `out`; the problems found in them are
/// printed (as warnings: the roster, the score sheet and the reports are written all the same).
fn roster(dir: &Path, from: &Path, out: Option<PathBuf>, lang: Lang) -> ExitCode {
    let out = out.unwrap_or_else(|| dir.join(jingsai::roster::registered::DEFAULT_FOLDER));
    match jingsai::roster::run(dir, from, &out) {
        Ok(summary) => {
            print_problems(&summary.problems(), lang);
            let text = msg!(
                "roster-cli-summary",
                files = summary.files,
                entries = summary.entries.len(),
                problems = summary.findings.len(),
                clean = summary.clean,
                out = &out
            );
            say(&text, lang);
            ExitCode::SUCCESS
        }
        Err(failure) => fail(&failure, &msg!("cli-nothing-written"), lang),
    }
}

/// `jingsai check`: every problem, or a one-line summary of what the folder holds.
fn check(
    dir: &Path,
    (fonts, cache): (&FontArgs, &CacheArgs),
    limits: &LimitArgs,
    lang: Lang,
) -> ExitCode {
    let cache = cache.options();
    match jingsai::verify(
        dir,
        &fonts.options(),
        limits.apply(lang),
        lang,
        cache.as_ref(),
    ) {
        Ok((project, pdfs)) => {
            print_problems(&project.warnings, lang);
            print_pdf_counts(&pdfs, false, lang);
            let contestants: Option<usize> = project
                .results
                .as_ref()
                .map(|r| r.tables.iter().map(|t| t.entries.len()).sum());
            let forms: Vec<&str> = project.forms.iter().map(|f| f.name.as_str()).collect();
            let summary = msg!(
                "cli-check-fine",
                dir,
                tracks = project.contest.tracks.len(),
                groups = project.contest.groups.len(),
                notices = project.notices.len(),
                forms = forms.len(),
                names = forms.join("、"),
                results = match contestants {
                    Some(count) => msg!("cli-check-results", count),
                    None => msg!("cli-check-no-results"),
                }
            );
            say(&summary, lang);
            ExitCode::SUCCESS
        }
        Err(problems) => fail_with_problems(&problems, &msg!("cli-check-again"), lang),
    }
}

fn print_problems(problems: &Problems, lang: Lang) {
    for problem in &problems.0 {
        eprintln!("{}", problem.report(lang));
    }
}

/// Reports why a build failed: the contest's problems, counted, or the tool's failure with what to do.
fn fail(failure: &BuildFailure, then: &Text, lang: Lang) -> ExitCode {
    match failure {
        BuildFailure::Problems(problems) => fail_with_problems(problems, then, lang),
        BuildFailure::Tool(error) => {
            let (message, help) = (error.text(), error.help());
            say(&msg!("cli-error-with-help", message, help), lang);
            say(&msg!("cli-error", message = then), lang);
            ExitCode::FAILURE
        }
    }
}

fn fail_with_problems(problems: &Problems, then: &Text, lang: Lang) -> ExitCode {
    print_problems(problems, lang);
    let message = msg!(
        "cli-problems-found",
        count = problems.errors().count(),
        then
    );
    say(&msg!("cli-error", message), lang);
    ExitCode::FAILURE
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every command, argument and flag a person can see has its help in the catalogue, in both
    /// languages, and `--help` shows no English doc comment in Chinese.
    #[test]
    fn every_command_and_flag_has_a_help_text() {
        fn walk(command: &clap::Command, missing: &mut Vec<String>) {
            let name = command.get_name();
            if command.is_hide_set() {
                return;
            }
            if jingsai::i18n::cli::about(name).is_none() {
                missing.push(format!("the command `{name}`"));
            }
            for arg in command.get_arguments().filter(|a| !a.is_hide_set()) {
                if jingsai::i18n::cli::arg_help(name, arg.get_id().as_str(), "").is_none() {
                    missing.push(format!("`{}` of `{name}`", arg.get_id()));
                }
            }
            for sub in command.get_subcommands() {
                walk(sub, missing);
            }
        }
        let mut command = Cli::command();
        command.build();
        let mut missing = Vec::new();
        walk(&command, &mut missing);
        assert!(missing.is_empty(), "no help text for {missing:?}");
        for lang in Lang::ALL {
            let mut command = jingsai::i18n::cli::localize(Cli::command(), lang);
            let help = command.render_help().to_string();
            assert!(!help.contains("cli-"), "an id instead of a text: {help}");
        }
    }

    #[test]
    fn the_lang_flag_is_read_before_clap() {
        let args = |list: &[&str]| list.iter().map(OsString::from).collect::<Vec<_>>();
        assert_eq!(
            lang_flag(&args(&["jingsai", "--lang", "en", "build"])).as_deref(),
            Some("en")
        );
        assert_eq!(
            lang_flag(&args(&["jingsai", "build", "--lang=zh"])).as_deref(),
            Some("zh")
        );
        assert_eq!(
            lang_flag(&args(&["jingsai", "build", "--", "--lang"])),
            None
        );
        assert_eq!(lang_flag(&args(&["jingsai", "check"])), None);
    }
}
