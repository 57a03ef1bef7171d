//! The Tera templates: built-in defaults embedded in the binary, overridden by same-named files in the
//! project's `templates/` folder.

use crate::diagnostics::{Problem, Problems, SourceFile};
use crate::fs;
use crate::model::display_path;
use rust_embed::RustEmbed;
use std::path::Path;

/// The built-in templates and static files.
#[derive(RustEmbed)]
#[folder = "src/site/builtin"]
pub(crate) struct Builtin;

/// Files copied to the output as they are (after overriding), not rendered.
pub(crate) const STATIC_FILES: [&str; 2] = ["style.css", "countdown.js"];

/// The templates and static files of one build.
pub(crate) struct Templates {
    /// The Tera instance with every template added.
    pub tera: tera::Tera,
    /// Static files by name.
    pub statics: Vec<(String, Vec<u8>)>,
}

/// Loads the built-in templates and the project's overrides from `<root>/templates`.
pub(crate) fn load(root: &Path) -> Result<Templates, Problems> {
    let mut sources: Vec<(String, String)> = Vec::new();
    let mut statics: Vec<(String, Vec<u8>)> = Vec::new();
    let mut names: Vec<String> = Builtin::iter().map(|n| n.to_string()).collect();
    names.sort();
    for name in &names {
        let file = Builtin::get(name).expect("embedded file listed by iter");
        if STATIC_FILES.contains(&name.as_str()) {
            statics.push((name.clone(), file.data.into_owned()));
        } else {
            sources.push((
                name.clone(),
                String::from_utf8_lossy(&file.data).into_owned(),
            ));
        }
    }
    let mut problems = Problems::default();
    let dir = root.join("templates");
    let overrides = [".html", ".xml", ".css", ".js"]
        .iter()
        .map(|suffix| fs::list_files(&dir, suffix))
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| Problems(vec![Problem::from(e)]))?;
    for path in overrides.into_iter().flatten() {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_default();
        let kind = if name.ends_with(".css") || name.ends_with(".js") {
            fs::Input::Asset
        } else {
            fs::Input::Template
        };
        let bytes = match fs::read_input(Some(root), &path, kind) {
            Ok(bytes) => bytes,
            Err(e) => {
                problems.push(Problem::from(e));
                continue;
            }
        };
        if let Some(slot) = statics.iter_mut().find(|(n, _)| *n == name) {
            slot.1 = bytes;
            continue;
        }
        match String::from_utf8(bytes) {
            Ok(text) => match sources.iter_mut().find(|(n, _)| *n == name) {
                Some(slot) => slot.1 = text,
                None => sources.push((name, text)),
            },
            Err(_) => problems.push(
                Problem::general(
                    Some(&SourceFile::new(&display_path(root, &path), "")),
                    "the template is not UTF-8 text",
                )
                .with_help("save the file as UTF-8"),
            ),
        }
    }
    let mut tera = tera::Tera::new();
    tera.autoescape_on(vec![".html", ".xml"]);
    if let Err(e) = tera.add_raw_templates(sources.iter().map(|(n, s)| (n.as_str(), s.as_str()))) {
        let shown = dir.display().to_string();
        problems.push(
            Problem::general(
                None,
                format!(
                    "a template in `{shown}` (or a built-in one it extends) has a problem:\n{e}"
                ),
            )
            .with_help(
                "fix the template named above; delete the override to go back to the built-in one",
            ),
        );
    }
    if problems.has_errors() {
        return Err(problems);
    }
    Ok(Templates { tera, statics })
}
