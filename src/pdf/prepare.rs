//! Before any compile: the templates (built-in, then the project's `forms/` overrides) and the contest
//! data (`/data.json`, the QR code, the date `datetime.today()` returns) are loaded into the Typst world.

use super::inspect::ShownPaths;
use super::results_pdf::{Face, Faces, ResultsFonts};
use super::{PdfEngine, data, form_json::form_json, one};
use crate::diagnostics::{Problem, Problems};
use crate::fs;
use crate::loaded::Loaded;
use crate::model::values::Id;
use crate::model::{Contest, display_path};
use rust_embed::RustEmbed;
use std::path::Path;
use typst::foundations::Datetime;
use typst::text::{FontStretch, FontStyle, FontVariant, FontWeight};

/// The built-in Typst templates.
#[derive(RustEmbed)]
#[folder = "src/pdf/builtin"]
struct Builtin;

impl PdfEngine {
    /// Loads the templates (built-in, then the project's `forms/`) and the contest data into the world.
    pub(super) fn prepare(&mut self, project: &Loaded) -> Result<ShownPaths, Problems> {
        let shown = self.load_templates(project)?;
        self.load_data(&project.contest);
        for form in &project.forms {
            self.world.set_file(
                &format!("/forms/{}.json", form.id),
                form_json(form, &project.contest),
            );
        }
        Ok(shown)
    }

    /// Loads every built-in template, then each `forms/*.typ` of the project over the built-in one of the
    /// same name; says where each virtual file is shown from. A form file with an unusable name, or one
    /// that cannot be read, is a problem.
    fn load_templates(&mut self, project: &Loaded) -> Result<ShownPaths, Problems> {
        let mut shown = ShownPaths::new();
        for name in Builtin::iter() {
            let file = Builtin::get(&name).expect("listed embedded template");
            self.world
                .set_source(&format!("/{name}"), &String::from_utf8_lossy(&file.data));
            shown.insert(
                format!("/{name}"),
                Path::new("(built-in)").join(name.as_ref()),
            );
        }
        // Each declared form is drawn by the general layout, unless `forms/<id>.typ` replaces it.
        for form in &project.forms {
            let main = format!("/{}.typ", form.id);
            self.world.set_source(&main, &form_main(&form.id));
            shown.insert(
                main,
                Path::new("(built-in)").join(format!("{}.typ", form.id)),
            );
        }
        let dir = project.root.join("forms");
        let overrides = fs::list_files(&dir, ".typ").map_err(|e| one(Problem::from(e)))?;
        let mut problems = Problems::default();
        for path in overrides {
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().to_string())
                .unwrap_or_default();
            let stem = name.trim_end_matches(".typ");
            if stem.is_empty()
                || !stem
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
            {
                problems.push(
                    Problem::general(
                        None,
                        crate::msg!(
                            "pdf-form-file-name",
                            path = display_path(&project.root, &path)
                        ),
                    )
                    .with_help(crate::msg!("pdf-form-file-name-help")),
                );
                continue;
            }
            let text = match fs::read_input_text(Some(&project.root), &path, fs::Input::Form) {
                Ok(text) => text,
                Err(e) => {
                    problems.push(Problem::from(e));
                    continue;
                }
            };
            self.world.set_source(&format!("/{name}"), &text);
            shown.insert(format!("/{name}"), display_path(&project.root, &path));
        }
        if problems.has_errors() {
            return Err(problems);
        }
        Ok(shown)
    }

    /// Puts the contest into the world: `/data.json` (with the font lists), `/qr.svg` when the site has a
    /// `base_url`, and the notice date as today.
    fn load_data(&mut self, c: &Contest) {
        let mut json = data::contest_json(c);
        json["fonts"] = self.families();
        let json = serde_json::to_vec_pretty(&json).expect("json of the contest");
        self.world.set_file("/data.json", json);
        match c
            .base_url()
            .and_then(|base| qr_svg(&format!("{base}/index.html")))
        {
            Some(svg) => self.world.set_file("/qr.svg", svg.into_bytes()),
            None => self.world.remove_file("/qr.svg"),
        }
        let date = c.notice.date.value.0;
        let today =
            Datetime::from_ymd(i32::from(date.year()), date.month() as u8, date.day() as u8)
                .expect("a real date");
        self.world.set_today(today);
    }

    /// The font lists of the four official faces: families found on this machine or in `--font-path`
    /// first, then the bundled ones. Only families that exist are listed, since Typst's warning about an
    /// unknown family is treated as an error.
    fn families(&self) -> serde_json::Value {
        let [song, hei, kai, fangsong] = self.family_lists();
        serde_json::json!({"song": song, "hei": hei, "kai": kai, "fangsong": fangsong})
    }

    /// The family lists of 宋体, 黑体, 楷体 and 仿宋, as [`Self::families`] hands them to the templates.
    /// They depend only on the fonts, so with a cache they are kept under the engine's fingerprint (the
    /// binary and the fonts' identity, see [`super::fonts::identity`]): a build whose PDFs all come from
    /// the cache neither reads nor parses a font.
    fn family_lists(&self) -> [Vec<String>; 4] {
        let fingerprint = self.fingerprint.get();
        let name = format!("f-{}", super::cache::hex(&fingerprint));
        if let Some(cache) = &self.cache
            && let Ok((lists, _)) = cache.read(&name, &fingerprint)
            && let Ok(lists) = serde_json::from_slice(&lists)
        {
            return lists;
        }
        let lists = self.family_lists_from_book();
        if let Some(cache) = &self.cache {
            let json = serde_json::to_vec(&lists).expect("json of the family lists");
            cache.write(&name, &fingerprint, &json, &[]);
        }
        lists
    }

    /// The family lists, from the font book.
    fn family_lists_from_book(&self) -> [Vec<String>; 4] {
        let book = typst::World::book(&self.world);
        let pick = |wanted: &[&str], bundled: &[&str]| -> Vec<String> {
            let mut list: Vec<String> = wanted
                .iter()
                .filter(|f| book.contains_family(&f.to_lowercase()))
                .take(1)
                .map(|f| f.to_string())
                .collect();
            list.extend(bundled.iter().map(|f| f.to_string()));
            list.push("Noto Sans Symbols2".into());
            list
        };
        [
            pick(&["SimSun", "Songti SC", "STSong"], &["Noto Serif CJK SC"]),
            pick(&["SimHei", "Heiti SC", "STHeiti"], &["Noto Sans CJK SC"]),
            pick(
                &["KaiTi", "KaiTi_GB2312", "STKaiti"],
                &["WenKai Subset", "Noto Serif CJK SC"],
            ),
            pick(
                &[
                    "FangSong",
                    "FangSong_GB2312",
                    "STFangsong",
                    "Zhuque Fangsong",
                ],
                &["Noto Serif CJK SC"],
            ),
        ]
    }

    /// The fonts of the results PDF drawn without Typst: the same family lists as the templates get,
    /// each followed by the other bundled families (Typst falls back to them too).
    pub(super) fn results_fonts(&self) -> ResultsFonts {
        let [song, hei, _, fangsong] = self.family_lists_from_book();
        let faces = |list: &[String], bold: bool| {
            let book = typst::World::book(&self.world);
            let variant = FontVariant::new(
                FontStyle::Normal,
                if bold {
                    FontWeight::BOLD
                } else {
                    FontWeight::REGULAR
                },
                FontStretch::NORMAL,
            );
            let fallback = [
                "Noto Serif CJK SC",
                "Noto Sans CJK SC",
                "WenKai Subset",
                "Noto Sans Symbols2",
            ];
            let mut seen = Vec::new();
            let mut faces = Vec::new();
            for family in list.iter().map(String::as_str).chain(fallback) {
                let family = family.to_lowercase();
                if seen.contains(&family) {
                    continue;
                }
                let font = book
                    .select(&family, variant)
                    .and_then(|index| typst::World::font(&self.world, index));
                if let Some(face) = font.and_then(Face::new) {
                    faces.push(face);
                }
                seen.push(family);
            }
            Faces::new(faces)
        };
        ResultsFonts {
            body: faces(&fangsong, false),
            head: faces(&hei, false),
            title: faces(&song, true),
            number: faces(&song, false),
        }
    }
}

/// The QR code of `url` as SVG; `None` when the address is too long for a QR code (the model refuses
/// such addresses first).
fn qr_svg(url: &str) -> Option<String> {
    let code = qrcode::QrCode::new(url.as_bytes()).ok()?;
    Some(
        code.render::<qrcode::render::svg::Color>()
            .min_dimensions(200, 200)
            .quiet_zone(true)
            .build(),
    )
}

/// The Typst document of the form `id` as its own fillable PDF: the general layout fed with the form's
/// declaration (`/forms/<id>.json`). An id holds only a-z, 0-9 and `-`, so it is safe inside a string.
fn form_main(id: &Id) -> String {
    format!(
        r#"// The form `{id}` as its own fillable PDF: drawn by the general layout (form.typ) from its
// declaration, which jingsai writes to /forms/{id}.json.
#import "form.typ": *

#let form = json("/forms/{id}.json")
#let attachment = data.attachments.find(a => a.form == "{id}")
#set document(title: attachment.title, author: data.notice.issuer_full)
#set text(lang: "zh", region: "cn", font: song, size: 10.5pt)
#set page(paper: "a4", flipped: form.landscape, margin: (top: 16mm, bottom: 14mm, x: 18mm))
#form-body(form, attachment)
"#
    )
}
