//! The message catalogue: the Fluent files of `i18n/<language>/`, embedded at compile time and parsed
//! into one bundle per language the first time that language is used.

use super::{Arg, Lang};
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use std::sync::LazyLock;

/// The catalogue files of one language, by name.
pub(super) type Files = &'static [(&'static str, &'static str)];

/// Lists the files of a module for both languages, so that a file cannot be added to one only.
macro_rules! files {
    ($($name:literal),* $(,)?) => {
        (
            &[$(($name, include_str!(concat!("../../i18n/zh-CN/", $name)))),*],
            &[$(($name, include_str!(concat!("../../i18n/en/", $name)))),*],
        )
    };
}

/// Every catalogue file, Chinese and English: one file per part of jingsai.
pub(super) const FILES: (Files, Files) = files!(
    "cli.ftl",
    "diagnostics.ftl",
    "fs.ftl",
    "output.ftl",
    "serve.ftl",
    "build.ftl",
    "budget.ftl",
    "i18n.ftl",
    "model.ftl",
    "model-yaml.ftl",
    "model-validate.ftl",
    "model-forms.ftl",
    "site.ftl",
    "pdf.ftl",
    "cli-errors.ftl",
    "results.ftl",
    "pdfcache.ftl",
    "track-scoring.ftl",
    "roster.ftl",
    "roster-results.ftl",
);

/// The catalogue files of `lang`.
pub(super) fn files(lang: Lang) -> Files {
    match lang {
        Lang::Zh => FILES.0,
        Lang::En => FILES.1,
    }
}

type Bundle = FluentBundle<FluentResource>;

static CHINESE: LazyLock<Bundle> = LazyLock::new(|| bundle(Lang::Zh));
static ENGLISH: LazyLock<Bundle> = LazyLock::new(|| bundle(Lang::En));

/// The bundle of one language. The files are tested (`i18n::tests`), so a file that does not parse or
/// an id defined twice is a bug of jingsai: it panics.
fn bundle(lang: Lang) -> Bundle {
    let mut bundle = FluentBundle::new_concurrent(vec![lang.language_id()]);
    // No Unicode isolation marks around arguments: the text goes to terminals and logs.
    bundle.set_use_isolating(false);
    for (name, text) in files(lang) {
        let resource =
            FluentResource::try_new((*text).to_string()).unwrap_or_else(|(_, errors)| {
                panic!("i18n/{}/{name} does not parse: {errors:?}", lang.dir())
            });
        bundle
            .add_resource(resource)
            .unwrap_or_else(|errors| panic!("i18n/{}/{name}: {errors:?}", lang.dir()));
    }
    bundle
}

fn bundle_of(lang: Lang) -> &'static Bundle {
    match lang {
        Lang::Zh => &CHINESE,
        Lang::En => &ENGLISH,
    }
}

#[cfg(test)]
/// Whether `lang`'s catalogue has the message `id`.
#[cfg(test)]
pub(super) fn has(lang: Lang, id: &str) -> bool {
    bundle_of(lang).has_message(id)
}

/// The message `id` in `lang` with its arguments. An id missing from the catalogue (the tests make sure
/// none is) shows as the id itself, never as nothing.
pub(super) fn format(lang: Lang, id: &str, args: &[(&'static str, Arg)]) -> String {
    format_with_errors(lang, id, args).0
}

/// The errors of formatting a message (an argument it uses but was not given), for the tests.
#[cfg(test)]
pub(super) fn errors(lang: Lang, id: &str, args: &[(&'static str, Arg)]) -> Vec<String> {
    format_with_errors(lang, id, args).1
}

fn format_with_errors(lang: Lang, id: &str, args: &[(&'static str, Arg)]) -> (String, Vec<String>) {
    let bundle = bundle_of(lang);
    let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
        return (id.to_string(), vec![format!("no message `{id}`")]);
    };
    let mut values = FluentArgs::with_capacity(args.len());
    for (name, arg) in args {
        let value = match arg {
            Arg::Str(text) => FluentValue::from(text.as_str()),
            Arg::Number(n) => FluentValue::from(*n),
            Arg::Text(text) => FluentValue::from(text.render(lang)),
        };
        values.set(*name, value);
    }
    let mut errors = Vec::new();
    let text = bundle
        .format_pattern(pattern, Some(&values), &mut errors)
        .into_owned();
    (text, errors.iter().map(ToString::to_string).collect())
}
