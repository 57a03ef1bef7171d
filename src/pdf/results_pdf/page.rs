//! Laying out and drawing the pages of the results PDF, one page at a time: blocks of text and table rows
//! are placed on the current page until the next one does not fit, then the page is drawn into the
//! document and dropped, so memory does not grow with the pages laid out (only the tag tree does).

use super::ResultsFonts;
use super::document::{Document, Kind, PAGE_H, PAGE_W, PageContent};
use super::text::{Face, Faces, Line, Missing};
use crate::results::{ResultTable, Results};
use pdf_writer::Ref;
use std::borrow::Cow;
/// The margins of `results.typ` (30, 25, 22 and 28 mm).
const TOP: f32 = 85.04;
const LEFT: f32 = 70.87;
const RIGHT: f32 = 62.36;
const BOTTOM: f32 = 79.37;
/// The width of the text.
const WIDTH: f32 = PAGE_W - LEFT - RIGHT;
/// Where the last line of a page may end.
const FLOOR: f32 = PAGE_H - BOTTOM;
/// The baseline of the page number.
const FOOTER_Y: f32 = PAGE_H - BOTTOM * 0.45;
/// Body text size, table text size, and the padding of a table cell.
const BODY: f32 = 12.0;
const SMALL: f32 = 10.5;
const INSET: f32 = 5.0;
/// The least width of the unit column, in em of the table's text.
const UNIT_EMS: f32 = 6.0;
/// From the top of a line to its baseline, and from one baseline to the next, in em.
const CAP: f32 = 0.72;
const PITCH: f32 = 1.52;
/// Below the baseline of a last line, in em.
const DESCENT: f32 = 0.25;

/// Which family list a text uses.
#[derive(Clone, Copy)]
enum Family {
    Body,
    Head,
    Title,
    Number,
}

/// How a text is tagged.
enum Role {
    /// A heading of `level` with its text (also its title in the tag).
    Heading(u16, String),
    /// A paragraph; `true` when it goes on from the previous page.
    Paragraph(bool),
    /// A table cell: a header cell (`true`) or a data cell.
    Cell(bool),
    /// A page number or a header row repeated on a new page.
    Artifact,
}

/// A line placed on the page: its baseline starts at (`x`, `y`).
struct Placed {
    line: Line,
    x: f32,
    y: f32,
}

/// What a page draws, in reading order.
enum Item {
    Text {
        role: Role,
        family: Family,
        size: f32,
        lines: Vec<Placed>,
    },
    /// A table of this many rows (the header row included), so its tag is made at its size.
    TableStart(usize),
    /// A row of this many cells.
    RowStart(usize),
    RowEnd,
    TableEnd,
}

/// The table and the row being drawn: their structure elements and their children so far.
#[derive(Default)]
struct Tags {
    table: Option<(Ref, Vec<Ref>)>,
    row: Option<(Ref, Vec<Ref>)>,
}

/// For each family list, the document's index of each of its faces.
struct FontIds([Vec<usize>; 4]);

impl FontIds {
    /// Each distinct font of `fonts` once, and the index of every face in that list.
    fn of(fonts: &ResultsFonts) -> (FontIds, Vec<Face>) {
        let mut distinct: Vec<Face> = Vec::new();
        let families = [&fonts.body, &fonts.head, &fonts.title, &fonts.number];
        let ids = families.map(|faces| {
            faces
                .faces()
                .iter()
                .map(|face| {
                    let font = face.source();
                    distinct
                        .iter()
                        .position(|f| f.source() == font)
                        .unwrap_or_else(|| {
                            distinct.push(face.clone());
                            distinct.len() - 1
                        })
                })
                .collect()
        });
        (FontIds(ids), distinct)
    }

    fn get(&self, family: Family, face: usize) -> usize {
        self.0[family as usize][face]
    }
}

/// A table's columns: their widths in points, which ones are left-aligned, and the size of the table's
/// text.
struct Columns {
    widths: Vec<f32>,
    left_aligned: usize,
    size: f32,
}

/// Lays out the document and draws each page as soon as it is full.
pub(super) struct Writer<'a> {
    doc: Document,
    fonts: &'a ResultsFonts,
    ids: FontIds,
    title: String,
    items: Vec<Item>,
    /// Table rules of the current page: (x1, y1, x2, y2).
    rules: Vec<[f32; 4]>,
    y: f32,
    tags: Tags,
    missing: Vec<Missing>,
    /// Emptied lists of a row's cells and of a cell's placed lines, kept with their room for the next
    /// rows (see [`Faces::recycle`]).
    spare_rows: Vec<Vec<Vec<Line>>>,
    spare_placed: Vec<Vec<Placed>>,
    /// The column rules of the rows placed last on this page, which the next row of the same table
    /// lengthens.
    open_rules: Option<OpenRules>,
}

/// Where the column rules of the last rows placed are in [`Writer::rules`], and where they end.
struct OpenRules {
    first: usize,
    verticals: usize,
    bottom: f32,
}

impl<'a> Writer<'a> {
    /// A writer with an empty first page.
    pub(super) fn new(fonts: &'a ResultsFonts, title: &str) -> Self {
        let (ids, distinct) = FontIds::of(fonts);
        Writer {
            doc: Document::new(distinct),
            fonts,
            ids,
            title: title.to_string(),
            items: Vec::new(),
            rules: Vec::new(),
            y: TOP,
            tags: Tags::default(),
            missing: Vec::new(),
            spare_rows: Vec::new(),
            spare_placed: Vec::new(),
            open_rules: None,
        }
    }

    fn faces(&self, family: Family) -> &'a Faces {
        match family {
            Family::Body => &self.fonts.body,
            Family::Head => &self.fonts.head,
            Family::Title => &self.fonts.title,
            Family::Number => &self.fonts.number,
        }
    }

    /// The title, the publication date, the rules and the note.
    pub(super) fn front_matter(&mut self, results: &Results) {
        let title = self.title.clone();
        self.outline(&title);
        let role = Role::Heading(1, title.clone());
        self.block(&title, Family::Title, 20.0, true, 0.0, role);
        self.y += 0.5 * BODY;
        let date = format!("公布日期：{}", results.published_chinese);
        self.block(&date, Family::Body, BODY, true, 0.0, Role::Paragraph(false));
        self.y += 0.5 * BODY;
        for rule in results.rules.iter().chain(&results.note) {
            self.block(rule, Family::Body, BODY, false, 2.0, Role::Paragraph(false));
            self.y += 0.9 * BODY;
        }
    }

    /// One track and group: its heading, the counts, and the table, whose header row repeats on each
    /// new page.
    pub(super) fn table(&mut self, results: &Results, t: &ResultTable) {
        let heading = if t.group_name.is_empty() {
            t.track_name.clone()
        } else {
            format!("{} · {}", t.track_name, t.group_name)
        };
        let counted = results.round.as_deref().unwrap_or("取得成绩");
        let mut summary = format!("参赛{}人，{counted}{}人。", t.entered, t.finalists);
        if let Some(below) = &t.below_minimum {
            summary.push_str(below);
        }
        let columns = columns(results, t);
        let head = header_cells(results, t);
        let (head_lines, head_height) = self.row(&columns, &head, Family::Head);
        // The heading stays with the counts, the header row and the first row.
        let first = t.entries.first().map(|e| cells(results, e));
        let first_height = first
            .as_ref()
            .map_or(0.0, |cells| self.row(&columns, cells, Family::Body).1);
        let needed = 1.2 * 14.0 + 3.0 * PITCH * BODY + head_height + first_height;
        if self.y + needed > FLOOR && self.y > TOP {
            self.flush();
        }
        self.y += 1.2 * 14.0;
        self.outline(&heading);
        self.block(
            &heading,
            Family::Head,
            14.0,
            false,
            0.0,
            Role::Heading(2, heading.clone()),
        );
        self.y += 0.8 * 14.0;
        self.block(
            &summary,
            Family::Body,
            BODY,
            false,
            0.0,
            Role::Paragraph(false),
        );
        self.y += 0.5 * BODY;
        self.items.push(Item::TableStart(t.entries.len() + 1));
        self.open_rules = None;
        self.place_row(&columns, head_lines, head_height, Some(Role::Cell(true)));
        for entry in &t.entries {
            let (lines, height) = self.row(&columns, &cells(results, entry), Family::Body);
            if self.y + height > FLOOR {
                self.flush();
                let (again, _) = self.row(&columns, &head, Family::Head);
                self.place_row(&columns, again, head_height, None);
            }
            self.place_row(&columns, lines, height, Some(Role::Cell(false)));
        }
        self.items.push(Item::TableEnd);
        self.y += 0.9 * BODY;
    }

    /// The awards to units, after the tables: a heading, then one paragraph per award naming its units.
    pub(super) fn unit_awards(&mut self, results: &Results) {
        if results.unit_awards.is_empty() {
            return;
        }
        let heading = "单位奖项".to_string();
        if self.y + 1.2 * 14.0 + 3.0 * PITCH * BODY > FLOOR && self.y > TOP {
            self.flush();
        }
        self.y += 1.2 * 14.0;
        self.outline(&heading);
        let role = Role::Heading(2, heading.clone());
        self.block(&heading, Family::Head, 14.0, false, 0.0, role);
        self.y += 0.8 * 14.0;
        for award in &results.unit_awards {
            let line = crate::results::export::unit_award_line(award);
            self.block(
                &line,
                Family::Body,
                BODY,
                false,
                2.0,
                Role::Paragraph(false),
            );
            self.y += 0.5 * BODY;
        }
    }

    /// Draws the last page; gives the document to finish and the characters no font has.
    pub(super) fn finish(mut self) -> (Document, Vec<Missing>) {
        self.flush();
        let mut missing = std::mem::take(&mut self.missing);
        missing.sort();
        missing.dedup();
        (self.doc, missing)
    }

    /// A bookmark to the current position.
    fn outline(&mut self, text: &str) {
        self.doc.bookmark(text, LEFT, self.y);
    }

    /// A paragraph at the cursor, broken into lines across the text width, moved on to a new page line
    /// by line when it does not fit.
    fn block(
        &mut self,
        text: &str,
        family: Family,
        size: f32,
        center: bool,
        indent: f32,
        role: Role,
    ) {
        let faces = self.faces(family);
        let lines = faces.lines(text, WIDTH / size, indent, &mut self.missing);
        let mut placed: Vec<Placed> = Vec::new();
        let mut role = role;
        for (i, line) in lines.into_iter().enumerate() {
            let mut y = match placed.last() {
                Some(last) => last.y + PITCH * size,
                None => self.y + CAP * size,
            };
            if y + DESCENT * size > FLOOR && (self.y > TOP || !placed.is_empty()) {
                let continued = matches!(role, Role::Paragraph(_)) && !placed.is_empty();
                self.push_text(role, family, size, std::mem::take(&mut placed));
                role = Role::Paragraph(continued);
                self.flush();
                y = self.y + CAP * size;
            }
            let x = if center {
                LEFT + (WIDTH - line.width * size) / 2.0
            } else if i == 0 {
                LEFT + indent * size
            } else {
                LEFT
            };
            placed.push(Placed { line, x, y });
        }
        if let Some(last) = placed.last() {
            self.y = last.y + DESCENT * size;
        }
        self.push_text(role, family, size, placed);
    }

    fn push_text(&mut self, role: Role, family: Family, size: f32, lines: Vec<Placed>) {
        if !lines.is_empty() {
            self.items.push(Item::Text {
                role,
                family,
                size,
                lines,
            });
        }
    }

    /// The lines of each cell of a row, and the row's height.
    fn row<S: AsRef<str>>(
        &mut self,
        columns: &Columns,
        cells: &[S],
        family: Family,
    ) -> (Vec<Vec<Line>>, f32) {
        let faces = self.faces(family);
        let size = columns.size;
        let mut most = 1;
        let mut lines = self.spare_rows.pop().unwrap_or_default();
        lines.extend(cells.iter().zip(&columns.widths).map(|(text, width)| {
            let measure = (width - 2.0 * INSET) / size;
            let lines = faces.lines(text.as_ref(), measure, 0.0, &mut self.missing);
            most = most.max(lines.len());
            lines
        }));
        let height = 2.0 * INSET + (CAP + DESCENT) * size + (most - 1) as f32 * PITCH * size;
        (lines, height)
    }

    /// Places a row at the cursor, with its rules; `role` `None` is a header row repeated on a new page.
    fn place_row(
        &mut self,
        columns: &Columns,
        mut cells: Vec<Vec<Line>>,
        height: f32,
        role: Option<Role>,
    ) {
        let top = self.y;
        let size = columns.size;
        let family = if matches!(role, Some(Role::Cell(false))) {
            Family::Body
        } else {
            Family::Head
        };
        let faces = self.faces(family);
        let tagged = role.is_some();
        if tagged {
            self.items.push(Item::RowStart(cells.len()));
        }
        let mut x = LEFT;
        for (i, (mut lines, width)) in cells.drain(..).zip(&columns.widths).enumerate() {
            let content = CAP * size + lines.len().saturating_sub(1) as f32 * PITCH * size;
            let first = top + (height - content - DESCENT * size) / 2.0 + CAP * size;
            let mut placed = self.spare_placed.pop().unwrap_or_default();
            placed.extend(lines.drain(..).enumerate().map(|(n, line)| {
                let left = if i == columns.left_aligned {
                    x + INSET
                } else {
                    x + (width - line.width * size) / 2.0
                };
                Placed {
                    line,
                    x: left,
                    y: first + n as f32 * PITCH * size,
                }
            }));
            faces.recycle_list(lines);
            let role = match &role {
                Some(Role::Cell(header)) => Role::Cell(*header),
                _ => Role::Artifact,
            };
            self.items.push(Item::Text {
                role,
                family,
                size,
                lines: placed,
            });
            x += width;
        }
        self.rule_row(columns, top, top + height);
        if tagged {
            self.items.push(Item::RowEnd);
        }
        self.spare_rows.push(cells);
        self.y = top + height;
    }

    /// The rules of a row from `top` to `bottom`. A row right under the previous one of the same table
    /// lengthens that row's column rules and adds only its bottom rule, so a page of a table is drawn
    /// with one rule per column and one per row boundary (the same lines, a third of the drawing).
    fn rule_row(&mut self, columns: &Columns, top: f32, bottom: f32) {
        let verticals = columns.widths.len() + 1;
        if let Some(open) = &mut self.open_rules
            && open.bottom == top
            && open.verticals == verticals
        {
            for rule in &mut self.rules[open.first..open.first + verticals] {
                rule[3] = bottom;
            }
            open.bottom = bottom;
            let right = self.rules[open.first + verticals - 1][0];
            self.rules.push([LEFT, bottom, right, bottom]);
            return;
        }
        let first = self.rules.len();
        let mut x = LEFT;
        self.rules.push([x, top, x, bottom]);
        for width in &columns.widths {
            x += width;
            self.rules.push([x, top, x, bottom]);
        }
        self.rules.push([LEFT, top, x, top]);
        self.rules.push([LEFT, bottom, x, bottom]);
        self.open_rules = Some(OpenRules {
            first,
            verticals,
            bottom,
        });
    }

    /// Draws the current page with its page number and starts a new one.
    fn flush(&mut self) {
        self.open_rules = None;
        let number = self.doc.page_count() + 1;
        let label = format!("— {number} —");
        let line = self.fonts.number.line(&label, &mut self.missing);
        let x = if number % 2 == 1 {
            PAGE_W - RIGHT - 14.0 - line.width * 14.0
        } else {
            LEFT + 14.0
        };
        let footer = Placed {
            line,
            x,
            y: FOOTER_Y,
        };
        self.push_text(Role::Artifact, Family::Number, 14.0, vec![footer]);
        let items = std::mem::take(&mut self.items);
        let rules = std::mem::take(&mut self.rules);
        let mut page = self.doc.page();
        page.rules(&rules);
        for item in items {
            self.draw(&mut page, item);
        }
        self.doc.finish_page(page);
        self.y = TOP;
    }

    /// Draws one item and adds it to the structure tree; its emptied list of lines is kept for the next
    /// items.
    fn draw(&mut self, page: &mut PageContent, item: Item) {
        let (role, family, size, mut lines) = match item {
            Item::TableStart(rows) => {
                self.tags.table = Some((self.doc.alloc(), Vec::with_capacity(rows)));
                return;
            }
            Item::RowStart(cells) => {
                self.tags.row = Some((self.doc.alloc(), Vec::with_capacity(cells)));
                return;
            }
            Item::RowEnd => {
                if let (Some((row, cells)), Some((table, rows))) =
                    (self.tags.row.take(), &mut self.tags.table)
                {
                    self.doc.row(row, *table, &cells);
                    rows.push(row);
                }
                return;
            }
            Item::TableEnd => {
                if let Some((table, rows)) = self.tags.table.take() {
                    self.doc.table(table, &rows);
                }
                return;
            }
            Item::Text {
                role,
                family,
                size,
                lines,
            } => (role, family, size, lines),
        };
        // The structure element the text belongs to (none for an artifact), known before the text is
        // drawn so that its marked content can name it.
        let mcid = page.next_mcid();
        let element = match role {
            Role::Artifact => None,
            Role::Cell(header) => Some((self.doc.alloc(), Some(header))),
            Role::Heading(level, title) => {
                let kind = Kind::Heading(level, title);
                Some((self.doc.marked(page, mcid, kind, false), None))
            }
            Role::Paragraph(continues) => Some((
                self.doc.marked(page, mcid, Kind::Paragraph, continues),
                None,
            )),
        };
        match element {
            Some((element, _)) => page.begin_marked(element),
            None => page.begin_artifact(),
        }
        let faces = self.faces(family);
        for placed in &lines {
            let mut x = placed.x;
            for run in &placed.line.runs {
                let font = self.ids.get(family, run.face);
                self.doc.show(page, font, size, (x, placed.y), run);
                x += run.width * size;
            }
        }
        page.end();
        for placed in lines.drain(..) {
            faces.recycle(placed.line);
        }
        self.spare_placed.push(lines);
        if let Some((element, Some(header))) = element
            && let Some((row, cells)) = self.tags.row.as_mut()
        {
            self.doc.cell(page, element, *row, mcid, header);
            cells.push(element);
        }
    }
}

/// The columns of `results.typ`: 名次 3.2em, 姓名 4.2em, 参赛单位 the rest, 4.6em for each score, the
/// time, the total and the award, 6.5em for 备注. When so many score columns (modules) leave the unit
/// less than 6em at 10.5pt, the table's text gets smaller until it does.
fn columns(results: &Results, t: &ResultTable) -> Columns {
    let count = header_cells(results, t).len();
    let mut ems = vec![3.2, 4.2, 0.0];
    ems.extend(std::iter::repeat_n(4.6, count - 4));
    ems.push(6.5);
    let fixed: f32 = ems.iter().sum();
    let size = SMALL.min(WIDTH / (fixed + UNIT_EMS));
    let mut widths: Vec<f32> = ems.iter().map(|em| em * size).collect();
    widths[2] = WIDTH - fixed * size;
    Columns {
        widths,
        left_aligned: 2,
        size,
    }
}

/// The header row of the table `t` (its track's score columns).
fn header_cells(results: &Results, t: &ResultTable) -> Vec<String> {
    let mut cells = vec!["名次".to_string(), "姓名".into(), "参赛单位".into()];
    cells.extend(t.score_columns.iter().map(|c| c.heading("")));
    if results.has_time {
        cells.push("用时".into());
    }
    cells.push("总成绩".into());
    if results.has_awards {
        cells.push("奖项".into());
    }
    cells.push("备注".into());
    cells
}

/// The cells of one contestant's row, in the order of [`header_cells`], borrowed from the entry (only
/// the rank is made).
fn cells<'e>(results: &Results, e: &'e crate::results::Entry) -> Vec<Cow<'e, str>> {
    let mut cells = Vec::with_capacity(e.score_cells.len() + 7);
    cells.push(
        e.rank
            .map_or(Cow::Borrowed("—"), |r| Cow::Owned(r.to_string())),
    );
    cells.push(Cow::Borrowed(e.name.as_str()));
    cells.push(Cow::Borrowed(e.unit.as_str()));
    cells.extend(e.score_cells.iter().map(|s| Cow::Borrowed(s.as_str())));
    if results.has_time {
        cells.push(Cow::Borrowed(e.time.as_str()));
    }
    cells.push(Cow::Borrowed(e.total.as_str()));
    if results.has_awards {
        cells.push(Cow::Borrowed(e.award.as_str()));
    }
    cells.push(Cow::Borrowed(e.note.as_str()));
    cells
}
