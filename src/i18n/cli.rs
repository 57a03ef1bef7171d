//! The command line's `--help` in the chosen language: the `clap::Command` that the binary derives
//! (with English doc comments, for developers) gets every description, heading and help flag from the
//! catalogue (`i18n/*/cli.ftl`) before it parses the arguments.
//!
//! clap has no catalogue of its own, so its parse errors (an unknown option or command, a missing or
//! wrong value) are worded here from their [`ErrorKind`] and the context clap gives (the argument, the
//! value, the similar names, the usage line), in `i18n/*/cli-errors.ftl`; in English clap's own text
//! is shown unchanged.

use super::{Lang, Text, and_list, comma_list, or_list};
use crate::msg;
use clap::Command;
use clap::error::{ContextKind, ContextValue, ErrorKind};

/// `command` (built, so that clap's own `--help`, `--version` and `help` are there) with every text
/// from the catalogue in `lang`, its subcommands too.
pub fn localize(mut command: Command, lang: Lang) -> Command {
    command.build();
    localize_one(command, lang)
}

fn localize_one(mut command: Command, lang: Lang) -> Command {
    let name = command.get_name().to_string();
    if let Some(about) = about(&name) {
        command = command.about(about.render(lang)).long_about(None::<&str>);
    }
    // `mut_args` keeps the arguments in their order (the parser's index of a built command relies on
    // it; `mut_arg` would move the argument to the end).
    command = command.mut_args(|arg| {
        if arg.is_hide_set() {
            return arg;
        }
        let default = arg
            .get_default_values()
            .iter()
            .map(|v| v.to_string_lossy().into_owned())
            .collect::<Vec<_>>()
            .join(", ");
        let Some(help) = arg_help(&name, arg.get_id().as_str(), &default) else {
            return arg;
        };
        let heading = if arg.is_positional() {
            msg!("cli-heading-arguments")
        } else {
            msg!("cli-heading-options")
        };
        arg.help(help.render(lang))
            .long_help(None::<&str>)
            .hide_default_value(true)
            .hide_possible_values(true)
            .help_heading(heading.render(lang))
    });
    if lang != Lang::En {
        command = command
            .subcommand_help_heading(msg!("cli-heading-commands").render(lang))
            .help_template(format!(
                "{{before-help}}{{about-with-newline}}\n{}{{usage}}\n\n{{all-args}}{{after-help}}",
                msg!("cli-heading-usage").render(lang)
            ));
        let usage = command.render_usage().to_string();
        let usage = usage.split_once(": ").map_or(usage.as_str(), |(_, u)| u);
        command = command.override_usage(
            usage
                .replace("[OPTIONS]", &msg!("cli-usage-options").render(lang))
                .replace("<COMMAND>", &msg!("cli-usage-command").render(lang)),
        );
    }
    let names: Vec<String> = command
        .get_subcommands()
        .map(|c| c.get_name().to_string())
        .collect();
    for name in names {
        command = command.mut_subcommand(name, |sub| localize_one(sub, lang));
    }
    command
}

/// What a command does, by its name (the root is `jingsai`; `help` is clap's).
pub fn about(command: &str) -> Option<Text> {
    Some(match command {
        "jingsai" => msg!("cli-about"),
        "build" => msg!("cli-build-about"),
        "check" => msg!("cli-check-about"),
        "serve" => msg!("cli-serve-about"),
        "init" => msg!("cli-init-about"),
        "forms" => msg!("cli-forms-about"),
        "schema" => msg!("cli-schema-about"),
        "roster" => msg!("roster-cli-about"),
        "help" => msg!("cli-help-about"),
        _ => return None,
    })
}

/// The help of the argument `arg` (clap's id: the field name) of `command`; `default` is its default
/// value, if any.
pub fn arg_help(command: &str, arg: &str, default: &str) -> Option<Text> {
    Some(match (command, arg) {
        ("init", "dir") => msg!("cli-init-dir"),
        ("schema", "kind") => msg!("cli-schema-kind", default),
        ("schema", "out") => msg!("cli-schema-out"),
        ("roster", "from") => msg!("roster-cli-from"),
        ("roster", "out") => msg!("roster-cli-out"),
        (_, "dir") => msg!("cli-arg-dir"),
        (_, "output") => msg!("cli-arg-output"),
        (_, "fill") => msg!("cli-arg-fill"),
        (_, "form") => msg!("cli-arg-form", default),
        (_, "show") => msg!("cli-arg-show"),
        (_, "out") => msg!("cli-arg-out"),
        (_, "port") => msg!("cli-arg-port"),
        (_, "bind") => msg!("cli-arg-bind", default),
        (_, "poll") => msg!("cli-arg-poll"),
        (_, "font_paths") => msg!("cli-arg-font-path"),
        (_, "no_system_fonts") => msg!("cli-arg-no-system-fonts"),
        (_, "no_cache") => msg!("pdfcache-arg-no-cache"),
        (_, "time_limit") => msg!("cli-arg-time-limit", default),
        (_, "memory_limit") => msg!("cli-arg-memory-limit", default),
        (_, "lang") => msg!("cli-arg-lang"),
        (_, "help") => msg!("cli-arg-help"),
        (_, "version") => msg!("cli-arg-version"),
        ("help", "subcommand") => msg!("cli-arg-help-command"),
        _ => return None,
    })
}

/// clap's own parse error (a mistyped option, a missing value, an unknown command) worded in `lang`:
/// the message, its tips, the usage line and where to read more, as clap lays them out. `None` when
/// clap's own text is to be shown: in English (clap's words, unchanged), for `--help` and `--version`
/// (which are no errors), and for kinds jingsai does not word. `subcommand` is the command given, if
/// any, for where to read more when clap gives no usage line.
pub fn parse_error(error: &clap::Error, lang: Lang, subcommand: Option<&str>) -> Option<String> {
    if lang == Lang::En {
        return None;
    }
    let message = parse_error_message(error)?;
    let mut text = msg!("cli-error", message).render(lang);
    let tips = parse_error_tips(error);
    if !tips.is_empty() {
        text.push('\n');
    }
    for tip in tips {
        text.push_str("\n  ");
        text.push_str(&msg!("clap-tip", tip).render(lang));
    }
    let usage = match error.get(ContextKind::Usage) {
        Some(ContextValue::StyledStr(usage)) => usage.to_string(),
        _ => String::new(),
    };
    // clap titles the usage `Usage: `; the command and its placeholders follow.
    let usage = usage.trim();
    let usage = usage.split_once(": ").map_or(usage, |(_, rest)| rest);
    if !usage.is_empty() {
        text.push_str("\n\n");
        text.push_str(&msg!("cli-heading-usage").render(lang));
        text.push_str(usage);
    }
    // `jingsai build --help` for an error in `jingsai build …`: the words of the usage before its
    // first placeholder.
    let command: Vec<&str> = usage
        .split_whitespace()
        .take_while(|w| !w.starts_with(['[', '<', '-']))
        .collect();
    let command = match (command.is_empty(), subcommand) {
        (false, _) => command.join(" "),
        (true, Some(subcommand)) => format!("jingsai {subcommand}"),
        (true, None) => "jingsai".to_string(),
    };
    text.push_str("\n\n");
    text.push_str(&msg!("clap-more", help = format!("{command} --help")).render(lang));
    Some(text)
}

/// A string of the error's context.
fn context_string(error: &clap::Error, kind: ContextKind) -> Option<String> {
    match error.get(kind)? {
        ContextValue::String(value) => Some(value.clone()),
        ContextValue::Strings(values) => Some(values.join(" ")),
        _ => None,
    }
}

/// The strings of the error's context, each in backticks.
fn context_list(error: &clap::Error, kind: ContextKind) -> Vec<String> {
    match error.get(kind) {
        Some(ContextValue::String(value)) => vec![format!("`{value}`")],
        Some(ContextValue::Strings(values)) => values.iter().map(|v| format!("`{v}`")).collect(),
        _ => Vec::new(),
    }
}

/// What went wrong, by the kind of the error and the arguments it names.
fn parse_error_message(error: &clap::Error) -> Option<Text> {
    let arg = || context_string(error, ContextKind::InvalidArg).unwrap_or_default();
    let value = || context_string(error, ContextKind::InvalidValue).unwrap_or_default();
    Some(match error.kind() {
        ErrorKind::UnknownArgument => msg!("clap-unknown-argument", arg = arg()),
        ErrorKind::InvalidSubcommand => msg!(
            "clap-unknown-command",
            command = context_string(error, ContextKind::InvalidSubcommand).unwrap_or_default()
        ),
        ErrorKind::MissingRequiredArgument => msg!(
            "clap-missing",
            args = and_list(context_list(error, ContextKind::InvalidArg))
        ),
        ErrorKind::MissingSubcommand => msg!(
            "clap-missing-command",
            commands = or_list(context_list(error, ContextKind::ValidSubcommand))
        ),
        ErrorKind::InvalidValue if value().is_empty() => msg!("clap-no-value", arg = arg()),
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => {
            msg!("clap-bad-value", value = value(), arg = arg())
        }
        ErrorKind::ArgumentConflict => match error.get(ContextKind::PriorArg) {
            Some(ContextValue::String(other)) if *other == arg() => {
                msg!("clap-repeated", arg = arg())
            }
            Some(ContextValue::String(_) | ContextValue::Strings(_)) => msg!(
                "clap-conflict",
                arg = arg(),
                other = context_string(error, ContextKind::PriorArg).unwrap_or_default()
            ),
            _ => msg!("clap-conflict-some", arg = arg()),
        },
        ErrorKind::TooManyValues => msg!("clap-too-many", value = value(), arg = arg()),
        ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
            msg!("clap-wrong-count", arg = arg())
        }
        ErrorKind::NoEquals => msg!("clap-no-equals", arg = arg()),
        ErrorKind::InvalidUtf8 => msg!("clap-not-utf8"),
        _ => return None,
    })
}

/// The tips under the message: similar names, the values allowed, how to pass a value that looks
/// like an option.
fn parse_error_tips(error: &clap::Error) -> Vec<Text> {
    let mut tips = Vec::new();
    for kind in [
        ContextKind::SuggestedSubcommand,
        ContextKind::SuggestedArg,
        ContextKind::SuggestedValue,
    ] {
        let names = context_list(error, kind);
        if !names.is_empty() {
            tips.push(msg!("clap-similar", names = or_list(names)));
        }
    }
    if let Some(ContextValue::StyledStrs(suggested)) = error.get(ContextKind::Suggested)
        && suggested
            .iter()
            .any(|s| s.to_string().contains(" as a value"))
        && let Some(arg) = context_string(error, ContextKind::InvalidArg)
    {
        tips.push(msg!("clap-as-value", arg));
    }
    let values = context_list(error, ContextKind::ValidValue);
    if !values.is_empty() {
        tips.push(msg!("clap-possible-values", values = comma_list(values)));
    }
    tips
}
