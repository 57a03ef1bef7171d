//! What `jingsai roster` writes: `roster.xlsx` (every entry sorted by track, group and unit, a sheet of
//! problems and a sheet of counts), `score-sheet.xlsx` (the entries without problems, in the columns
//! `build` reads: 姓名, 参赛单位, 赛项, 组别, one score column per scoring part or module, 用时, 状态, and
//! 荣誉 when the contest has `rules.no_award_honours`) and `reports/<unit>.txt` (what each unit must fix,
//! in Chinese, and who is ranked without award). The same input gives the same bytes.

use super::check::resolve;
use super::fields::Role;
use super::rules::no_award_honours;
use super::{Entry, Finding};
use crate::diagnostics::{Problem, Problems};
use crate::i18n::Lang;
use crate::model::forms::safe_file_name;
use crate::model::{Contest, EventKind};
use crate::msg;
use crate::output::OutputMap;
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook, Worksheet, XlsxError};
use std::collections::{BTreeMap, HashSet};

/// The report of the files that gave no entry (no unit to send it to).
const NO_UNIT_REPORT: &str = "reports/未识别的文件.txt";

/// Every file of the roster folder.
pub(super) fn all(
    contest: &Contest,
    entries: &[Entry],
    findings: &[Finding],
    held: &HashSet<usize>,
) -> Result<OutputMap, Problems> {
    let order = sorted(contest, entries);
    let fail = |e: XlsxError| {
        Problems(vec![Problem::general(
            None,
            msg!("roster-xlsx-write", error = e.to_string()),
        )])
    };
    let mut map = OutputMap::new();
    map.insert(
        "roster.xlsx",
        roster(contest, entries, &order, findings, held).map_err(fail)?,
    );
    let clean: Vec<usize> = order
        .iter()
        .copied()
        .filter(|i| !held.contains(i))
        .collect();
    map.insert(
        "score-sheet.xlsx",
        score_sheet(contest, entries, &clean).map_err(fail)?,
    );
    for (path, text) in reports(contest, entries, findings, held) {
        map.insert(path, text.into_bytes());
    }
    Ok(map)
}

/// The entries' indices by track, group, unit, name and file (unknown tracks and groups last).
fn sorted(contest: &Contest, entries: &[Entry]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..entries.len()).collect();
    let key = |i: usize| {
        let e = &entries[i];
        let r = resolve(contest, e);
        (
            r.track.unwrap_or(usize::MAX),
            r.group.unwrap_or(usize::MAX),
            e.text(Role::Unit).to_string(),
            e.text(Role::Name).to_string(),
            e.file.clone(),
            i,
        )
    };
    order.sort_by_cached_key(|&i| key(i));
    order
}

fn workbook(contest: &Contest, title: &str) -> Result<Workbook, XlsxError> {
    let mut workbook = Workbook::new();
    let day = contest.notice.date.value.0;
    let created = ExcelDateTime::from_ymd(day.year() as u16, day.month() as u8, day.day() as u8)?;
    workbook.set_properties(
        &DocProperties::new()
            .set_title(title)
            .set_creation_datetime(&created),
    );
    Ok(workbook)
}

/// Writes a header row and rows of texts, with the header bold and frozen and a filter over it.
fn table(
    sheet: &mut Worksheet,
    name: &str,
    headers: &[&str],
    rows: &[Vec<String>],
) -> Result<(), XlsxError> {
    sheet.set_name(name)?;
    let bold = Format::new().set_bold();
    for (c, header) in headers.iter().enumerate() {
        sheet.write_string_with_format(0, c as u16, *header, &bold)?;
        let widest = rows
            .iter()
            .filter_map(|r| r.get(c))
            .map(|t| t.chars().count())
            .chain([header.chars().count()])
            .max()
            .unwrap_or(4);
        sheet.set_column_width(c as u16, (widest as f64 * 2.1 + 2.0).min(60.0))?;
    }
    for (r, row) in rows.iter().enumerate() {
        for (c, text) in row.iter().enumerate() {
            if !text.is_empty() {
                sheet.write_string(r as u32 + 1, c as u16, text)?;
            }
        }
    }
    sheet.set_freeze_panes(1, 0)?;
    if !rows.is_empty() {
        sheet.autofilter(
            0,
            0,
            rows.len() as u32,
            headers.len().saturating_sub(1) as u16,
        )?;
    }
    Ok(())
}

fn track_name(contest: &Contest, entry: &Entry) -> String {
    resolve(contest, entry).track.map_or_else(
        || entry.text(Role::Track).to_string(),
        |t| contest.tracks[t].name.clone(),
    )
}

fn group_name(contest: &Contest, entry: &Entry) -> String {
    resolve(contest, entry).group.map_or_else(
        || entry.text(Role::Group).to_string(),
        |g| contest.groups[g].name.clone(),
    )
}

/// `roster.xlsx`: 报名名单, 问题 and 统计.
fn roster(
    contest: &Contest,
    entries: &[Entry],
    order: &[usize],
    findings: &[Finding],
    held: &HashSet<usize>,
) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = workbook(contest, "报名名单")?;
    let groups = !contest.groups.is_empty();
    let mut headers = vec!["序号", "赛项"];
    if groups {
        headers.push("组别");
    }
    headers.extend([
        "参赛单位",
        "姓名",
        "性别",
        "身份证号",
        "手机号",
        "来源文件",
        "待核对问题",
    ]);
    let mut problems_of: BTreeMap<usize, usize> = BTreeMap::new();
    for f in findings.iter().filter(|f| !f.warning) {
        for &e in &f.entries {
            *problems_of.entry(e).or_default() += 1;
        }
    }
    let rows: Vec<Vec<String>> = order
        .iter()
        .enumerate()
        .map(|(n, &i)| {
            let e = &entries[i];
            let mut row = vec![(n + 1).to_string(), track_name(contest, e)];
            if groups {
                row.push(group_name(contest, e));
            }
            row.extend([
                e.text(Role::Unit).to_string(),
                e.text(Role::Name).to_string(),
                e.text(Role::Sex).to_string(),
                super::id_number::normalise(e.text(Role::IdNumber)),
                e.text(Role::Phone(true)).to_string(),
                e.file.clone(),
                if held.contains(&i) {
                    problems_of.get(&i).copied().unwrap_or(0).to_string()
                } else {
                    String::new()
                },
            ]);
            row
        })
        .collect();
    table(workbook.add_worksheet(), "报名名单", &headers, &rows)?;
    let problem_rows: Vec<Vec<String>> = findings
        .iter()
        .map(|f| {
            vec![
                f.unit.clone(),
                f.file.clone(),
                f.place.text().render(Lang::Zh),
                f.message.render(Lang::Zh),
                f.help.render(Lang::Zh),
            ]
        })
        .collect();
    table(
        workbook.add_worksheet(),
        "问题",
        &["参赛单位", "文件", "位置", "问题", "处理办法"],
        &problem_rows,
    )?;
    table(
        workbook.add_worksheet(),
        "统计",
        &count_headers(groups),
        &counts(contest, entries, order),
    )?;
    workbook.save_to_buffer()
}

fn count_headers(groups: bool) -> Vec<&'static str> {
    if groups {
        vec!["赛项", "组别", "参赛单位", "人数"]
    } else {
        vec!["赛项", "参赛单位", "人数"]
    }
}

/// A track's and a group's names.
type TrackGroup = (String, String);

/// Entries per track, group and unit, with a total line (参赛单位 合计) after each track and group.
fn counts(contest: &Contest, entries: &[Entry], order: &[usize]) -> Vec<Vec<String>> {
    let groups = !contest.groups.is_empty();
    let mut tally: Vec<(TrackGroup, Vec<(String, usize)>)> = Vec::new();
    for &i in order {
        let e = &entries[i];
        let key = (
            track_name(contest, e),
            if groups {
                group_name(contest, e)
            } else {
                String::new()
            },
        );
        if tally.last().is_none_or(|(k, _)| *k != key) {
            tally.push((key, Vec::new()));
        }
        let units = &mut tally.last_mut().expect("pushed").1;
        let unit = e.text(Role::Unit).to_string();
        match units.last_mut() {
            Some((u, n)) if *u == unit => *n += 1,
            _ => units.push((unit, 1)),
        }
    }
    let mut rows = Vec::new();
    for ((track, group), units) in tally {
        let head = |unit: String, n: usize| {
            let mut row = vec![track.clone()];
            if groups {
                row.push(group.clone());
            }
            row.extend([unit, n.to_string()]);
            row
        };
        let total: usize = units.iter().map(|(_, n)| n).sum();
        let count = units.len();
        for (unit, n) in units {
            rows.push(head(unit, n));
        }
        rows.push(head(format!("合计（{count}个单位）"), total));
    }
    rows
}

/// The score columns `build` reads: `<module name>成绩` for a part with modules, `<part name>成绩`
/// otherwise, for every part some track is scored by.
fn score_headers(contest: &Contest) -> Vec<String> {
    // Every part and module some track is scored by (a track may have its own scoring).
    contest
        .score_parts()
        .iter()
        .flat_map(|part| match part.modules() {
            [] => vec![format!("{}成绩", part.name)],
            modules => modules.iter().map(|m| format!("{}成绩", m.name)).collect(),
        })
        .collect()
}

/// `score-sheet.xlsx`: one row per entry without problems (one per team in a team event, its members
/// joined with 、), the score, time and status columns blank.
fn score_sheet(
    contest: &Contest,
    entries: &[Entry],
    clean: &[usize],
) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = workbook(contest, "成绩")?;
    let groups = !contest.groups.is_empty();
    let scores = score_headers(contest);
    let mut headers: Vec<&str> = vec!["姓名", "参赛单位", "赛项"];
    if groups {
        headers.push("组别");
    }
    headers.extend(scores.iter().map(String::as_str));
    headers.extend(["用时", "状态"]);
    // 荣誉, read by `build`: the honours whose holders are ranked without award.
    let honours = !contest.rules.no_award_honours.is_empty();
    if honours {
        headers.push("荣誉");
    }
    let teams = super::check::team_of(contest, entries);
    // (unit, track, group, team), names, honours.
    let mut rows: Vec<(Vec<String>, Vec<String>, Vec<String>)> = Vec::new();
    for &i in clean {
        let e = &entries[i];
        let mut key = vec![e.text(Role::Unit).to_string(), track_name(contest, e)];
        if groups {
            key.push(group_name(contest, e));
        }
        let held = no_award_honours(contest, e);
        let team = contest.format.event == EventKind::Team;
        if team {
            key.push(teams[i].clone());
            if let Some((_, names, all)) = rows.iter_mut().find(|(k, ..)| *k == key) {
                names.push(e.text(Role::Name).to_string());
                for honour in held {
                    if !all.contains(&honour) {
                        all.push(honour);
                    }
                }
                continue;
            }
        }
        rows.push((key, vec![e.text(Role::Name).to_string()], held));
    }
    let lines: Vec<Vec<String>> = rows
        .into_iter()
        .map(|(key, names, held)| {
            let mut row = vec![names.join("、"), key[0].clone(), key[1].clone()];
            if groups {
                row.push(key[2].clone());
            }
            if honours {
                row.resize(headers.len() - 1, String::new());
                row.push(held.join("、"));
            }
            row
        })
        .collect();
    table(workbook.add_worksheet(), "成绩", &headers, &lines)?;
    workbook.save_to_buffer()
}

/// One report per unit (and one for the files that gave no entry), in Chinese: what to fix, then the
/// contestants ranked without award.
fn reports(
    contest: &Contest,
    entries: &[Entry],
    findings: &[Finding],
    held: &HashSet<usize>,
) -> Vec<(String, String)> {
    let mut units: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for (i, e) in entries.iter().enumerate() {
        let slot = units.entry(e.text(Role::Unit).to_string()).or_default();
        slot.0 += 1;
        if held.contains(&i) {
            slot.1 += 1;
        }
    }
    let mut by_unit: BTreeMap<String, Vec<&Finding>> = BTreeMap::new();
    for f in findings {
        by_unit.entry(f.unit.clone()).or_default().push(f);
    }
    let mut out = Vec::new();
    let line = |n: usize, f: &Finding| {
        format!(
            "{n}. {}\n   {}\n",
            f.render(Lang::Zh),
            f.help.render(Lang::Zh)
        )
    };
    for (unit, (count, held)) in &units {
        let name = if unit.is_empty() {
            "（未填单位）"
        } else {
            unit.as_str()
        };
        let mut text = msg!(
            "roster-report-head",
            unit = name,
            count = *count,
            held = *held
        )
        .render(Lang::Zh);
        text.push('\n');
        match by_unit.get(unit) {
            Some(list) => {
                text.push('\n');
                for (n, f) in list.iter().enumerate() {
                    text.push_str(&line(n + 1, f));
                }
            }
            None => {
                text.push_str(&msg!("roster-report-fine").render(Lang::Zh));
                text.push('\n');
            }
        }
        text.push_str(&no_award_note(contest, entries, unit));
        let file = safe_file_name(name);
        out.push((format!("reports/{file}.txt"), text));
    }
    if !units.contains_key("")
        && let Some(list) = by_unit.get("")
    {
        let mut text = msg!("roster-report-files-head", count = list.len()).render(Lang::Zh);
        text.push_str("\n\n");
        for (n, f) in list.iter().enumerate() {
            text.push_str(&line(n + 1, f));
        }
        out.push((NO_UNIT_REPORT.to_string(), text));
    }
    out
}

/// The unit's contestants whose 荣誉 holds no award, one line each (nothing when there are none).
fn no_award_note(contest: &Contest, entries: &[Entry], unit: &str) -> String {
    let lines: Vec<String> = entries
        .iter()
        .filter(|e| e.text(Role::Unit) == unit)
        .filter_map(|e| {
            let honours = no_award_honours(contest, e);
            let field = e.fields().find(|f| f.role == Role::Honours)?;
            (!honours.is_empty()).then(|| {
                msg!(
                    "roster-report-no-award-line",
                    name = e.text(Role::Name),
                    honours = honours.join("、"),
                    file = &e.file,
                    place = field.place.text()
                )
                .render(Lang::Zh)
            })
        })
        .collect();
    if lines.is_empty() {
        return String::new();
    }
    let mut text = format!(
        "\n{}\n",
        msg!("roster-report-no-award-head").render(Lang::Zh)
    );
    for line in lines {
        text.push_str(&format!("- {line}\n"));
    }
    text
}
