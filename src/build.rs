//! The whole pipeline: load, check, render into memory, write.

use crate::diagnostics::{Problem, Problems};
use crate::model::Project;
use crate::output::{self, OutputMap, WriteReport};
use crate::site;
use std::path::{Path, PathBuf};

/// Where to build from and to.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// The contest folder (holding `content/`).
    pub root: PathBuf,
    /// The output folder; `<root>/output` by default.
    pub output: PathBuf,
}

impl BuildOptions {
    /// Builds `root` into `root/output`.
    pub fn new(root: &Path) -> Self {
        BuildOptions {
            root: root.to_path_buf(),
            output: root.join("output"),
        }
    }
}

/// Loads and checks a contest folder, returning the project (with its warnings) or every problem.
pub fn check(root: &Path) -> Result<Project, Problems> {
    Project::load(root)
}

/// Renders a checked project into memory.
pub fn render(project: &Project) -> Result<OutputMap, Problems> {
    site::render(project)
}

/// Checks, renders and writes a contest folder. Nothing is written unless everything rendered.
pub fn build_site(options: &BuildOptions) -> Result<(Project, OutputMap, WriteReport), Problems> {
    output::check_output_dir(&options.root, &options.output).map_err(|e| {
        one(Problem::general(None, e.to_string()).with_help("pass another folder with `--output`"))
    })?;
    let project = check(&options.root)?;
    let map = render(&project)?;
    let report = output::write(&map, &options.output)
        .map_err(|e| one(Problem::general(None, format!("{e}: {}", e.source))))?;
    Ok((project, map, report))
}

fn one(problem: Problem) -> Problems {
    Problems(vec![problem])
}
