//! The catalogue agrees with itself and with the code: both languages have the same ids with the same
//! arguments, every `msg!` in `src/` names one of them with exactly those arguments, and every message
//! renders without an error in both languages.

use super::catalogue::{self, FILES};
use super::{Lang, Text, and_list, comma_list, or_list};
use crate::msg;
use fluent_syntax::ast;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Every message id of a language's files with the variables it uses.
fn messages(lang: Lang) -> BTreeMap<String, BTreeSet<String>> {
    let mut all = BTreeMap::new();
    for (name, text) in catalogue::files(lang) {
        let resource = fluent_syntax::parser::parse(*text)
            .unwrap_or_else(|(_, errors)| panic!("i18n/{}/{name}: {errors:?}", lang.dir()));
        for entry in resource.body {
            if let ast::Entry::Message(message) = entry {
                let mut variables = BTreeSet::new();
                if let Some(pattern) = &message.value {
                    pattern_variables(pattern, &mut variables);
                }
                assert!(
                    message.attributes.is_empty(),
                    "{}: use a message of its own (`{}-help`), not an attribute",
                    message.id.name,
                    message.id.name
                );
                let id = message.id.name.to_string();
                assert!(
                    all.insert(id.clone(), variables).is_none(),
                    "`{id}` is defined twice in i18n/{}",
                    lang.dir()
                );
            }
        }
    }
    all
}

fn pattern_variables(pattern: &ast::Pattern<&str>, out: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            expression_variables(expression, out);
        }
    }
}

fn expression_variables(expression: &ast::Expression<&str>, out: &mut BTreeSet<String>) {
    match expression {
        ast::Expression::Select { selector, variants } => {
            inline_variables(selector, out);
            for variant in variants {
                pattern_variables(&variant.value, out);
            }
        }
        ast::Expression::Inline(inline) => inline_variables(inline, out),
    }
}

fn inline_variables(inline: &ast::InlineExpression<&str>, out: &mut BTreeSet<String>) {
    match inline {
        ast::InlineExpression::VariableReference { id } => {
            out.insert(id.name.to_string());
        }
        ast::InlineExpression::Placeable { expression } => expression_variables(expression, out),
        _ => {}
    }
}

#[test]
fn both_languages_have_the_same_messages_with_the_same_arguments() {
    let chinese = messages(Lang::Zh);
    let english = messages(Lang::En);
    let only = |a: &BTreeMap<String, BTreeSet<String>>, b: &BTreeMap<String, BTreeSet<String>>| {
        a.keys()
            .filter(|id| !b.contains_key(*id))
            .cloned()
            .collect::<Vec<_>>()
    };
    assert_eq!(
        only(&chinese, &english),
        Vec::<String>::new(),
        "only in zh-CN"
    );
    assert_eq!(only(&english, &chinese), Vec::<String>::new(), "only in en");
    for (id, variables) in &chinese {
        assert_eq!(
            variables, &english[id],
            "`{id}` takes other arguments in zh-CN than in en"
        );
    }
}

#[test]
fn every_catalogue_file_is_embedded() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("i18n");
    for lang in Lang::ALL {
        let on_disk: BTreeSet<String> = std::fs::read_dir(root.join(lang.dir()))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|name| name.ends_with(".ftl"))
            .collect();
        let embedded: BTreeSet<String> = catalogue::files(lang)
            .iter()
            .map(|(name, _)| name.to_string())
            .collect();
        assert_eq!(
            on_disk,
            embedded,
            "list every file of i18n/{} in FILES",
            lang.dir()
        );
    }
    assert_eq!(FILES.0.len(), FILES.1.len());
}

/// Every `msg!("id", a = …, b)` of the source: the id and the argument names, with where it is.
fn uses_in_source() -> Vec<(String, String, BTreeSet<String>)> {
    let mut files = Vec::new();
    collect_rust_files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut files,
    );
    let mut uses = Vec::new();
    // This file looks for `msg!(` in strings; its own messages are rendered by the tests below.
    files.retain(|path| !path.ends_with("i18n/tests.rs"));
    for path in files {
        let text = std::fs::read_to_string(&path).unwrap();
        // Comments (`//`, `///`, `//!`) show examples, not uses.
        let code: String = text
            .lines()
            .map(|line| match line.trim_start().starts_with("//") {
                true => "",
                false => line,
            })
            .collect::<Vec<_>>()
            .join("\n");
        let mut rest = code.as_str();
        while let Some(at) = rest.find("msg!(") {
            rest = &rest[at + "msg!(".len()..];
            let Some((id, args)) = parse_use(rest) else {
                panic!(
                    "{}: a `msg!` whose id is not a string literal",
                    path.display()
                );
            };
            let line = code.len() - rest.len();
            let line = code[..line].matches('\n').count() + 1;
            uses.push((format!("{}:{line}", path.display()), id, args));
        }
    }
    uses
}

fn collect_rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            collect_rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The id and argument names of one `msg!(` call, from just after its parenthesis.
fn parse_use(text: &str) -> Option<(String, BTreeSet<String>)> {
    let text = text.trim_start().strip_prefix('"')?;
    let end = text.find('"')?;
    let id = text[..end].to_string();
    let chars: Vec<char> = text[end + 1..].chars().collect();
    let mut args = BTreeSet::new();
    let mut depth = 0usize;
    let mut i = 0;
    let mut at_argument = false;
    while i < chars.len() {
        let c = chars[i];
        if at_argument && depth == 0 && !c.is_whitespace() {
            at_argument = false;
            let start = i;
            while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
                i += 1;
            }
            let name: String = chars[start..i].iter().collect();
            let mut j = i;
            while j < chars.len() && chars[j].is_whitespace() {
                j += 1;
            }
            let named = chars.get(j) == Some(&'=') && chars.get(j + 1) != Some(&'=');
            let alone = matches!(chars.get(j), Some(',') | Some(')'));
            if !name.is_empty() && (named || alone) {
                args.insert(name);
            }
            continue;
        }
        match c {
            '"' => {
                i += 1;
                while i < chars.len() && chars[i] != '"' {
                    if chars[i] == '\\' {
                        i += 1;
                    }
                    i += 1;
                }
            }
            '\'' if chars.get(i + 2) == Some(&'\'') => i += 2,
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' if depth == 0 => return Some((id, args)),
            ')' | ']' | '}' => depth -= 1,
            ',' if depth == 0 => at_argument = true,
            _ => {}
        }
        i += 1;
    }
    None
}

#[test]
fn the_source_parser_reads_ids_and_arguments() {
    let (id, args) = parse_use(r#" "a-b", x = f(1, y), z, w = "q, r = 2" ) + 1"#).unwrap();
    assert_eq!(id, "a-b");
    assert_eq!(args, ["w", "x", "z"].map(String::from).into());
    let (id, args) = parse_use("\n    \"only\"\n)").unwrap();
    assert_eq!((id.as_str(), args.len()), ("only", 0));
}

#[test]
fn every_message_the_code_uses_is_in_the_catalogue_with_its_arguments() {
    let catalogue = messages(Lang::En);
    let uses = uses_in_source();
    assert!(uses.len() > 100, "the source uses {} messages?", uses.len());
    let mut wrong = Vec::new();
    for (place, id, args) in &uses {
        match catalogue.get(id) {
            None => wrong.push(format!("{place}: `{id}` is not in the catalogue")),
            Some(variables) if variables != args => wrong.push(format!(
                "{place}: `{id}` is given {args:?}, but the catalogue uses {variables:?}"
            )),
            Some(_) => {}
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn every_message_renders_in_both_languages() {
    for lang in Lang::ALL {
        for (id, variables) in messages(lang) {
            assert!(catalogue::has(lang, &id));
            for value in [super::Arg::Number(1.0), super::Arg::Number(0.0), "x".into()] {
                let args: Vec<(&'static str, super::Arg)> = variables
                    .iter()
                    .map(|v| (&*String::leak(v.clone()), value.clone()))
                    .collect();
                let errors = catalogue::errors(lang, &id, &args);
                assert!(errors.is_empty(), "{}: `{id}`: {errors:?}", lang.dir());
            }
        }
    }
}

#[test]
fn messages_render_in_the_language_asked_for() {
    let text = msg!(
        "fs-too-large",
        size = "2.0 MiB",
        limit = "1.0 MiB",
        kind = msg!("fs-input-notice")
    );
    assert_eq!(
        text.render(Lang::En),
        "it is 2.0 MiB, more than the 1.0 MiB that a notice may be; is it the right file?"
    );
    assert_eq!(
        text.render(Lang::Zh),
        "文件大小为 2.0 MiB，超过了通知的上限 1.0 MiB；是不是选错了文件？"
    );
    // The English text is what the text dereferences to, for tests and logs.
    assert_eq!(
        text,
        "it is 2.0 MiB, more than the 1.0 MiB that a notice may be; is it the right file?"
    );
    assert!(text.contains("a notice"));
    // Plural forms in English; one form in Chinese.
    let found = |count: usize| msg!("diagnostics-problems-found", count);
    assert_eq!(found(1).render(Lang::En), "1 problem found");
    assert_eq!(found(3).render(Lang::En), "3 problems found");
    assert_eq!(found(3).render(Lang::Zh), "发现 3 个问题");
    // A multi-line message keeps its inner indentation; no isolation marks around arguments.
    let error = msg!("cli-error-with-help", message = "m", help = "h");
    assert_eq!(error.render(Lang::En), "error: m\n  help: h");
    assert_eq!(error.render(Lang::Zh), "错误：m\n  提示：h");
    // A plain text is the same in every language.
    assert_eq!(Text::from("as is").render(Lang::Zh), "as is");
}

#[test]
fn lists_are_joined_in_the_language() {
    let list = comma_list(["a", "b", "c"]);
    assert_eq!(list.render(Lang::En), "a, b, c");
    assert_eq!(list.render(Lang::Zh), "a、b、c");
    assert_eq!(or_list(["a", "b"]).render(Lang::Zh), "a或b");
    assert_eq!(or_list(["a"]).render(Lang::En), "a");
    assert_eq!(or_list(Vec::<String>::new()).render(Lang::En), "");
    assert_eq!(and_list(["a", "b", "c"]).render(Lang::En), "a, b and c");
    assert_eq!(and_list(["a", "b", "c"]).render(Lang::Zh), "a、b和c");
    assert_eq!(and_list(["a", "b"]).render(Lang::En), "a and b");
    assert_eq!(and_list(["a"]).render(Lang::Zh), "a");
}

#[test]
fn the_language_comes_from_the_flag_then_the_variable_then_the_locale() {
    let choose = |flag: Option<&str>, pairs: &[(&str, &str)]| {
        let pairs: Vec<(String, String)> = pairs
            .iter()
            .map(|(n, v)| (n.to_string(), v.to_string()))
            .collect();
        Lang::choose(flag, move |name: &str| {
            pairs
                .iter()
                .find(|(n, _)| n == name)
                .map(|(_, v)| v.clone())
        })
    };
    // Chinese by default: no locale, C, POSIX, C.UTF-8, another language.
    assert_eq!(choose(None, &[]), Ok(Lang::Zh));
    for locale in ["C", "POSIX", "C.UTF-8", "fr_FR.UTF-8", "zh_CN.UTF-8", ""] {
        assert_eq!(choose(None, &[("LANG", locale)]), Ok(Lang::Zh), "{locale}");
    }
    assert_eq!(choose(None, &[("LANG", "en_US.UTF-8")]), Ok(Lang::En));
    // LC_ALL, then LC_MESSAGES, then LANG; an empty one does not count.
    assert_eq!(
        choose(None, &[("LC_ALL", "zh_CN.UTF-8"), ("LANG", "en_US.UTF-8")]),
        Ok(Lang::Zh)
    );
    assert_eq!(
        choose(
            None,
            &[("LC_ALL", ""), ("LC_MESSAGES", "en_GB"), ("LANG", "zh_CN")]
        ),
        Ok(Lang::En)
    );
    // JINGSAI_LANG before the locale, --lang before both.
    assert_eq!(
        choose(None, &[("JINGSAI_LANG", "zh"), ("LANG", "en_US.UTF-8")]),
        Ok(Lang::Zh)
    );
    assert_eq!(choose(Some("en"), &[("JINGSAI_LANG", "zh")]), Ok(Lang::En));
    assert_eq!(choose(Some("zh-CN"), &[("LANG", "en_US")]), Ok(Lang::Zh));
    // A language jingsai does not speak is refused, saying where it came from.
    let refused = choose(Some("fr"), &[]).unwrap_err();
    assert_eq!(
        refused.text().render(Lang::En),
        "`--lang` asks for the language `fr`, which jingsai does not speak"
    );
    let refused = choose(None, &[("JINGSAI_LANG", "de")]).unwrap_err();
    assert_eq!(refused.source, "JINGSAI_LANG");
}
