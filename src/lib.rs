//! jingsai (竞赛) publishes a skills contest from one YAML definition and a few Markdown notices.
//!
//! Data flows one way, stage by stage:
//! `content/` and `forms/*.yaml` → [`model::Project`] (validated; the forms as [`model::forms::Form`]) →
//! [`build::render_all`] (pages with `site::Renderer` and their [`search`] index, PDFs with [`pdf::PdfEngine`], spreadsheet
//! templates with `forms_xlsx`) → [`output::OutputMap`] → [`output::write()`] (atomic) or served from
//! memory, where [`serve`] redoes only what an edit affects.

pub mod budget;
pub mod build;
pub mod diagnostics;
pub(crate) mod forms_xlsx;
pub(crate) mod fs;
pub mod i18n;
pub mod init;
pub mod loaded;
pub mod markdown;
pub mod model;
pub mod output;
pub mod pdf;
pub mod results;
pub mod roster;
pub mod search;
pub mod serve;
pub(crate) mod site;
pub(crate) mod views;

pub use build::{BuildFailure, BuildOptions, ToolError, build_site, check, fill_forms, verify};
pub use diagnostics::{Problem, Problems};
pub use i18n::{Lang, Text};
pub use loaded::{Loaded, load};
pub use model::Project;
pub use output::OutputMap;
