//! What the site's pages (Tera) and the PDFs (Typst's `/data.json`) show, already in words: borrowed
//! view structs and JSON values made from the model, never domain types. One module for both, so a
//! page and a PDF say the same thing the same way.

use crate::model::values::When;
use crate::model::{Contest, EventKind, QuotaScope, Stage};
use serde::Serialize;

/// Site-wide data, available to every template as `site`.
#[derive(Serialize)]
pub(crate) struct SiteView<'a> {
    pub name: &'a str,
    pub short_name: &'a str,
    pub issuer: &'a str,
    pub issuer_full: &'a str,
    pub organiser: &'a str,
    pub host: &'a str,
    /// The other roles (协办单位, 技术支持单位, 赞助单位, 支持单位), those with names only.
    pub roles: Vec<RoleView>,
    pub base_url: Option<&'a str>,
    pub nav: Vec<NavItem>,
    pub contacts: Vec<ContactView<'a>>,
}

/// A main navigation entry.
#[derive(Serialize)]
pub(crate) struct NavItem {
    pub key: &'static str,
    pub label: &'static str,
    pub href: &'static str,
}

/// A contact person.
#[derive(Serialize)]
pub(crate) struct ContactView<'a> {
    pub name: &'a str,
    pub organisation: Option<&'a str>,
    pub role: Option<&'a str>,
    /// The first phone (kept for templates written before `phones`).
    pub phone: Option<&'a str>,
    /// The first phone as used in a `tel:` link.
    pub phone_tel: String,
    /// Every phone: `phone` first (with no label), then the labelled ones.
    pub phones: Vec<PhoneView<'a>>,
    pub fax: Option<&'a str>,
    pub address: Option<&'a str>,
    pub postcode: Option<&'a str>,
    pub email: Option<&'a str>,
}

/// A contact's phone number.
#[derive(Serialize)]
pub(crate) struct PhoneView<'a> {
    /// 办公电话, 手机; none for the contact's plain `phone`, which each place labels its own way.
    pub label: Option<&'a str>,
    pub number: &'a str,
    /// The number as used in a `tel:` link.
    pub tel: String,
}

/// An organisation role and the bodies that hold it, in words: 协办单位 and 甲、乙.
#[derive(Serialize)]
pub(crate) struct RoleView {
    pub label: &'static str,
    pub names: String,
}

/// The per-page header fields.
#[derive(Serialize)]
pub(crate) struct PageMeta {
    pub title: String,
    pub description: String,
    /// The navigation key of the section this page belongs to.
    pub section: &'static str,
}

/// A schedule stage in words.
#[derive(Serialize)]
pub(crate) struct StageView<'a> {
    pub key: &'a str,
    pub name: &'a str,
    pub tbd: bool,
    pub when: String,
    pub note: Option<&'a str>,
    /// The tracks this stage is for; empty when it is for every track.
    pub tracks: Vec<&'a str>,
}

/// A track.
#[derive(Serialize)]
pub(crate) struct TrackView<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub description: &'a str,
    pub groups: Vec<GroupView<'a>>,
}

/// A group.
#[derive(Serialize)]
pub(crate) struct GroupView<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub full_name: &'a str,
    pub eligibility: &'a str,
    pub restrictions: Vec<&'a str>,
}

/// The deadline in words and for machines.
#[derive(Serialize)]
pub(crate) struct DeadlineView {
    pub chinese: String,
    pub iso: String,
    /// The first day of registration in words (2025年10月16日（星期四）), when `opens` is set.
    pub opens_chinese: Option<String>,
    /// The first moment of registration, Beijing time, when `opens` is set.
    pub opens_iso: Option<String>,
    /// The online registration platform, when there is one.
    pub online: Option<OnlineView>,
}

/// An online registration platform: its address and name.
#[derive(Serialize)]
pub(crate) struct OnlineView {
    pub url: String,
    pub name: String,
}

impl<'a> SiteView<'a> {
    /// The site-wide view of a contest.
    pub(crate) fn new(c: &'a Contest) -> Self {
        SiteView {
            name: &c.contest.name,
            short_name: &c.contest.short_name,
            issuer: &c.notice.issuer,
            issuer_full: &c.notice.issuer_full,
            organiser: &c.organisation.organiser,
            host: &c.organisation.host,
            roles: organisation_roles(c),
            base_url: c.base_url(),
            nav: nav(),
            contacts: contacts(c),
        }
    }
}

/// The contact people, as the pages and the notice show them.
pub(crate) fn contacts(c: &Contest) -> Vec<ContactView<'_>> {
    let tel = |number: &str| -> String {
        number
            .chars()
            .filter(|c| c.is_ascii_digit() || *c == '+')
            .collect()
    };
    c.contacts
        .iter()
        .map(|k| {
            let phones: Vec<PhoneView<'_>> = k
                .phone
                .iter()
                .map(|p| (None, p.value.as_str()))
                .chain(
                    k.phones
                        .iter()
                        .map(|p| (Some(p.label.value.as_str()), p.number.value.as_str())),
                )
                .map(|(label, number)| PhoneView {
                    label,
                    number,
                    tel: tel(number),
                })
                .collect();
            ContactView {
                name: &k.name,
                organisation: k.organisation.as_deref(),
                role: k.role.as_deref(),
                phone: phones.first().map(|p| p.number),
                phone_tel: phones.first().map(|p| p.tel.clone()).unwrap_or_default(),
                phones,
                fax: k.fax.as_ref().map(|f| f.value.as_str()),
                address: k.address.as_deref(),
                postcode: k.postcode.as_ref().map(|p| p.value.as_str()),
                email: k.email.as_ref().map(|e| e.value.as_str()),
            }
        })
        .collect()
}

/// The organisation's roles beyond 主办 and 承办, with the names that hold each, those that have any.
pub(crate) fn organisation_roles(c: &Contest) -> Vec<RoleView> {
    let o = &c.organisation;
    [
        ("协办单位", &o.co_organisers),
        ("技术支持单位", &o.technical_support),
        ("赞助单位", &o.sponsors),
        ("支持单位", &o.supporters),
    ]
    .into_iter()
    .filter(|(_, names)| !names.is_empty())
    .map(|(label, names)| RoleView {
        label,
        names: names.join("、"),
    })
    .collect()
}

impl SiteView<'_> {
    /// Adds the results page to the navigation (before 联系我们) when results are published.
    pub(crate) fn with_results(mut self, results: bool) -> Self {
        if results {
            let at = self
                .nav
                .iter()
                .position(|n| n.key == "contacts")
                .unwrap_or(self.nav.len());
            let item = NavItem {
                key: "results",
                label: "成绩公布",
                href: "results/index.html",
            };
            self.nav.insert(at, item);
        }
        self
    }
}

fn nav() -> Vec<NavItem> {
    [
        ("home", "首页", "index.html"),
        ("plan", "竞赛方案", "plan.html"),
        ("tracks", "赛项设置", "tracks/index.html"),
        ("eligibility", "参赛对象", "eligibility.html"),
        ("registration", "竞赛报名", "registration.html"),
        ("notices", "通知公告", "notices/index.html"),
        ("contacts", "联系我们", "contacts.html"),
    ]
    .into_iter()
    .map(|(key, label, href)| NavItem { key, label, href })
    .collect()
}

/// Stages in words.
pub(crate) fn stages(c: &Contest) -> Vec<StageView<'_>> {
    c.schedule.iter().map(stage).collect()
}

fn stage(s: &Stage) -> StageView<'_> {
    let when = match (s.date.value, &s.until) {
        (When::Tbd, _) => "另行通知".to_string(),
        (When::On(day), Some(until)) if until.value != day => {
            format!("{}至{}", day.chinese(), until.value.chinese())
        }
        (When::On(day), _) => format!("{}（{}）", day.chinese(), day.weekday_chinese()),
    };
    StageView {
        key: s.id.value.as_str(),
        name: &s.name,
        tbd: s.date.value == When::Tbd,
        when,
        note: s.note.as_deref(),
        tracks: s
            .tracks
            .iter()
            .flatten()
            .map(|t| t.value.as_str())
            .collect(),
    }
}

/// Tracks with their groups.
pub(crate) fn tracks(c: &Contest) -> Vec<TrackView<'_>> {
    c.tracks
        .iter()
        .map(|t| TrackView {
            id: t.id.value.as_str(),
            name: &t.name,
            description: &t.description,
            groups: c.groups_of(t).into_iter().map(|g| group(c, g)).collect(),
        })
        .collect()
}

/// Groups with their rules.
pub(crate) fn groups(c: &Contest) -> Vec<GroupView<'_>> {
    c.groups.iter().map(|g| group(c, g)).collect()
}

fn group<'a>(c: &'a Contest, g: &'a crate::model::Group) -> GroupView<'a> {
    GroupView {
        id: g.id.value.as_str(),
        name: &g.name,
        full_name: g.full_name.as_deref().unwrap_or(&g.name),
        eligibility: &g.eligibility,
        restrictions: c
            .rules
            .group_restrictions
            .iter()
            .filter(|r| r.group.value == g.id.value)
            .map(|r| r.rule.as_str())
            .collect(),
    }
}

/// The registration deadline, with the window's first day and the online platform when given.
pub(crate) fn deadline(c: &Contest) -> DeadlineView {
    let d = &c.registration.deadline.value;
    let opens = c.registration.opens.as_ref().map(|o| o.value);
    DeadlineView {
        chinese: d.chinese(),
        iso: d.iso_beijing(),
        opens_chinese: opens.map(|o| format!("{}（{}）", o.chinese(), o.weekday_chinese())),
        opens_iso: opens.map(|o| format!("{}T00:00:00+08:00", o.iso())),
        online: c.registration.online.as_ref().map(|o| OnlineView {
            url: o.url.value.trim().to_string(),
            name: o.name.clone(),
        }),
    }
}

/// "单人赛项" or "团体赛项（每队N人）".
pub(crate) fn event(c: &Contest) -> String {
    match (c.format.event, c.format.team_size.as_ref().map(|s| s.value)) {
        (EventKind::Individual, _) => "均为单人赛项".to_string(),
        (EventKind::Team, Some(n)) => format!("均为团体赛项，每队{n}人"),
        (EventKind::Team, None) => "均为团体赛项".to_string(),
    }
}

/// The quota rule in words.
/// For a team event the quota counts teams (支参赛队), otherwise people (人).
pub(crate) fn quota(c: &Contest) -> String {
    let n = c.rules.quota.per_unit.value;
    let who = match c.format.event {
        EventKind::Individual => format!("{n}人"),
        EventKind::Team => format!("{n}支参赛队"),
    };
    match c.rules.quota.scope {
        QuotaScope::Contest => format!("每个参赛单位只可选派{who}参加比赛。"),
        // Without groups, counting per track and group is counting per track.
        QuotaScope::Track => format!("每个参赛单位每个赛项只可选派{who}参加比赛。"),
        QuotaScope::TrackGroup if c.groups.is_empty() => {
            format!("每个参赛单位每个赛项只可选派{who}参加比赛。")
        }
        QuotaScope::TrackGroup => format!("每个参赛单位每个赛项的每个组别只可选派{who}参加比赛。"),
    }
}

/// The scoring in words, for the track pages: the parts (with the columns that any part fills: 时长,
/// 方式, 模块), how ranks are decided, the setting and a note; `shown` when there is anything to show
/// under 成绩构成.
pub(crate) fn scoring(c: &Contest) -> serde_json::Value {
    let scoring = c.scoring();
    let parts = c.parts();
    let text = |s: Option<&String>| s.map(String::as_str).unwrap_or_default().to_string();
    let ranking = text(scoring.and_then(|s| s.ranking.as_ref()));
    let note = scoring
        .and_then(|s| s.note.as_ref())
        .map(|n| n.value.clone())
        .unwrap_or_default();
    serde_json::json!({
        "parts": parts.iter().map(|p| serde_json::json!({
            "name": p.name,
            "weight": p.weight.value,
            "duration": p.duration.as_ref().map(|d| format!("{}分钟", d.value)).unwrap_or_default(),
            "mode": p.mode.as_ref().map(|m| m.value.trim().to_string()).unwrap_or_default(),
            "modules": p.modules().iter().map(|m| format!("{}（{}%）", m.name, m.weight.value)).collect::<Vec<_>>().join("、"),
        })).collect::<Vec<_>>(),
        "has_duration": parts.iter().any(|p| p.duration.is_some()),
        "has_mode": parts.iter().any(|p| p.mode.is_some()),
        "has_modules": parts.iter().any(|p| !p.modules().is_empty()),
        "ranking": ranking,
        "setting": text(scoring.and_then(|s| s.setting.as_ref())),
        "note": note,
        "shown": !parts.is_empty() || !ranking.is_empty() || !note.is_empty(),
    })
}

/// The award scheme in words (奖项设置), as stated before the results: `sentences` (the tiers, the tie
/// rule, the minimum, the unit awards); empty when `awards` states neither tiers nor unit awards.
pub(crate) fn awards(c: &Contest) -> serde_json::Value {
    let sentences = crate::results::award_scheme(c);
    serde_json::json!({
        "shown": !sentences.is_empty(),
        "sentences": sentences,
    })
}

/// The coach rule in words.
pub(crate) fn coaches(c: &Contest) -> Option<String> {
    c.rules
        .coaches_per_contestant
        .map(|n| format!("每位参赛选手可以指定指导教师（教练）{n}名。"))
}

/// The plan's sections with their numbers (一、 and （一）), as the pages and the notice PDF print them.
pub(crate) fn plan_sections(c: &Contest) -> Vec<serde_json::Value> {
    c.plan
        .sections
        .iter()
        .enumerate()
        .map(|(i, s)| {
            serde_json::json!({
                "number": chinese_number(i + 1),
                "heading": s.heading,
                "paragraphs": s.paragraphs,
                "subsections": s.subsections.iter().enumerate().map(|(j, sub)| serde_json::json!({
                    "number": chinese_number(j + 1),
                    "heading": sub.heading,
                    "run_in": sub.run_in,
                    "paragraphs": sub.paragraphs,
                })).collect::<Vec<_>>(),
            })
        })
        .collect()
}

/// 一, 二, … 九十九.
pub(crate) fn chinese_number(n: usize) -> String {
    const DIGITS: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        0..=9 => DIGITS[n].to_string(),
        10 => "十".to_string(),
        11..=19 => format!("十{}", DIGITS[n % 10]),
        20..=99 => format!(
            "{}十{}",
            DIGITS[n / 10],
            if n.is_multiple_of(10) {
                ""
            } else {
                DIGITS[n % 10]
            }
        ),
        _ => n.to_string(),
    }
}

/// The covering notice (the 红头文件 that publishes the plan) in words, as the home page and the notice
/// PDF show it.
pub(crate) fn covering_notice(c: &Contest) -> serde_json::Value {
    serde_json::json!({
        "title": c.notice.title,
        "number": c.notice.number,
        "issuer": c.notice.issuer,
        "issuer_full": c.notice.issuer_full,
        "recipients": c.notice.recipients.join("，"),
        "body": c.notice.body,
        "date_iso": c.notice.date.value.iso(),
        "date_chinese": c.notice.date.value.chinese(),
        "disclosure": c.notice.disclosure,
    })
}

/// A file in a downloads list: its address, its name, its kind in words and its size.
#[derive(Serialize, Debug, Clone)]
pub(crate) struct DownloadView {
    /// The address, relative to the page.
    pub href: String,
    /// What the list calls it (`附件1 报名表`).
    pub label: String,
    /// `PDF`, `ZIP 压缩包`, `iCalendar`, `XLSX`, `CSV`.
    pub kind: &'static str,
    /// `1.6 MB`.
    pub size: String,
}

impl DownloadView {
    /// The entry of a file at `href` of `bytes` bytes; its kind comes from the file name's extension.
    pub(crate) fn new(href: &str, label: &str, bytes: usize) -> DownloadView {
        let kind = match href.rsplit('.').next() {
            Some("pdf") => "PDF",
            Some("zip") => "ZIP 压缩包",
            Some("ics") => "iCalendar",
            Some("xlsx") => "XLSX",
            Some("csv") => "CSV",
            _ => "文件",
        };
        DownloadView {
            href: href.to_string(),
            label: label.to_string(),
            kind,
            size: human_size(bytes),
        }
    }
}

/// A file size for people: `812 B`, `3.4 KB`, `1.2 MB`.
pub(crate) fn human_size(bytes: usize) -> String {
    if bytes < 1024 {
        format!("{bytes} B")
    } else if bytes < 1024 * 1024 {
        format!("{:.1} KB", bytes as f64 / 1024.0)
    } else {
        format!("{:.1} MB", bytes as f64 / 1024.0 / 1024.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_numbers() {
        assert_eq!(chinese_number(1), "一");
        assert_eq!(chinese_number(7), "七");
        assert_eq!(chinese_number(10), "十");
        assert_eq!(chinese_number(12), "十二");
        assert_eq!(chinese_number(20), "二十");
        assert_eq!(chinese_number(23), "二十三");
    }
}
