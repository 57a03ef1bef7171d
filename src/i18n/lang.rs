//! The two languages jingsai speaks, and how the command line chooses one.

use super::Text;
use unic_langid::LanguageIdentifier;

/// A language of the catalogue. Chinese is the default: the people who edit contest.yaml and read
/// `check`, `build` and `serve` are contest-office staff in China.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    /// 中文 (简体).
    #[default]
    Zh,
    /// English.
    En,
}

/// The environment variable that chooses the language when `--lang` is not given.
pub const LANG_VARIABLE: &str = "JINGSAI_LANG";

/// A language that jingsai does not speak, asked for with `--lang` or `JINGSAI_LANG`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownLang {
    /// What was asked for.
    pub value: String,
    /// Where: `--lang` or `JINGSAI_LANG`.
    pub source: &'static str,
}

impl UnknownLang {
    /// The error message, with what to write instead.
    pub fn text(&self) -> Text {
        crate::msg!("lang-unknown", value = &self.value, source = self.source)
    }

    /// What to do about it.
    pub fn help(&self) -> Text {
        crate::msg!("lang-unknown-help")
    }
}

impl Lang {
    /// Every language, Chinese first.
    pub const ALL: [Lang; 2] = [Lang::Zh, Lang::En];

    /// The code given to `--lang`: `zh` or `en`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Zh => "zh",
            Lang::En => "en",
        }
    }

    /// The folder of its catalogue under `i18n/`.
    pub(super) fn dir(self) -> &'static str {
        match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        }
    }

    /// Its language identifier, which chooses the plural rules.
    pub(super) fn language_id(self) -> LanguageIdentifier {
        let tag = match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        };
        tag.parse().expect("a valid language tag")
    }

    /// A language given by name: `zh`, `en`, or a tag that starts with one of them (`zh-CN`, `en_US`,
    /// `en_US.UTF-8`); upper or lower case.
    pub fn parse(value: &str) -> Option<Lang> {
        let primary = value
            .split(['-', '_', '.', '@'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        match primary.as_str() {
            "zh" => Some(Lang::Zh),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The language of a locale setting (`LANG=en_US.UTF-8`): English for `en…`, Chinese for
    /// everything else (`zh_CN.UTF-8`, `C`, `POSIX`, `C.UTF-8`, another language).
    pub fn of_locale(value: &str) -> Lang {
        match Lang::parse(value) {
            Some(Lang::En) => Lang::En,
            _ => Lang::Zh,
        }
    }

    /// The language a command runs in: `--lang` when given (`flag`), otherwise `JINGSAI_LANG`,
    /// otherwise the locale (the first of `LC_ALL`, `LC_MESSAGES` and `LANG` that is set and not
    /// empty), otherwise Chinese. `var` reads an environment variable (the real environment, or a test's).
    pub fn choose(
        flag: Option<&str>,
        var: impl Fn(&str) -> Option<String>,
    ) -> Result<Lang, UnknownLang> {
        if let Some(value) = flag {
            return Lang::parse(value).ok_or_else(|| UnknownLang {
                value: value.to_string(),
                source: "--lang",
            });
        }
        if let Some(value) = var(LANG_VARIABLE).filter(|v| !v.is_empty()) {
            return Lang::parse(&value).ok_or(UnknownLang {
                value,
                source: LANG_VARIABLE,
            });
        }
        Ok(Lang::of_environment_locale(var))
    }

    /// The language of the locale alone (`LC_ALL`, `LC_MESSAGES`, `LANG`): what an error about `--lang`
    /// itself is written in.
    pub fn of_environment_locale(var: impl Fn(&str) -> Option<String>) -> Lang {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .find_map(|name| var(name).filter(|v| !v.is_empty()))
            .map_or(Lang::Zh, |value| Lang::of_locale(&value))
    }
}
