//! The command line's `--help` in the chosen language: the `clap::Command` that the binary derives
//! (with English doc comments, for developers) gets every description, heading and help flag from the
//! catalogue (`i18n/*/cli.ftl`) before it parses the arguments.

use super::{Lang, Text};
use crate::msg;
use clap::Command;

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
