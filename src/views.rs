//! What the site's pages (Tera) and the PDFs (Typst's `/data.json`) show, already in words: borrowed
//! view structs and JSON values made from the model, never domain types. One module for both, so a
//! page and a PDF say the same thing the same way.

use crate::model::values::When;
use crate::model::{Contest, EventKind, Limits, QuotaScope, Stage, Track};
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
    /// Who may enter this track, as worded (`tracks[].eligibility`).
    pub eligibility: Option<&'a str>,
    /// The track's own limits in words (年龄在18至35周岁之间（以2025年10月1日计算）。).
    pub own_limits: Option<String>,
    /// Every limit an entrant of this track meets, one sentence each: those of `rules.limits` and of
    /// each group that do not except the track (the group's named first), then the track's own.
    pub limits: Vec<String>,
    /// The scoring this track follows in words ([`scoring_view`]): its own `scoring:`, else the
    /// contest's.
    pub scoring: serde_json::Value,
    /// Whether the track has a `scoring:` of its own.
    pub own_scoring: bool,
    /// The scoring in one line for the list of tracks (成绩构成：理论考试30%、实操比赛70%), only when some
    /// track has a scoring of its own (so the tracks differ).
    pub scoring_summary: Option<String>,
}

/// A group.
#[derive(Serialize)]
pub(crate) struct GroupView<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub full_name: &'a str,
    pub eligibility: Option<&'a str>,
    /// The group's limits in words, with the tracks they do not apply to (……，X赛项不限。).
    pub limits: Option<String>,
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
        ("search", "搜索", "search.html"),
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
            eligibility: t.eligibility.as_deref(),
            own_limits: t.limits.as_ref().and_then(|l| limits(c, &l.value)),
            limits: track_limits(c, t),
            scoring: scoring_view(c.scoring_of(t)),
            own_scoring: t.scoring.is_some(),
            scoring_summary: c
                .tracks
                .iter()
                .any(|t| t.scoring.is_some())
                .then(|| scoring_summary(c.scoring_of(t)))
                .flatten(),
        })
        .collect()
}

/// The limits an entrant of `track` meets, one sentence each.
fn track_limits(c: &Contest, track: &Track) -> Vec<String> {
    let id = &track.id.value;
    let mut found = Vec::new();
    if let Some(l) = c.rules.limits.as_ref().filter(|l| !l.value.excepts(id))
        && let Some(words) = limit_words(&l.value)
    {
        found.push(format!("{words}。"));
    }
    for g in c.groups_of(track) {
        if let Some(l) = g.limits.as_ref().filter(|l| !l.value.excepts(id))
            && let Some(words) = limit_words(&l.value)
        {
            let name = g.full_name.as_deref().unwrap_or(&g.name);
            found.push(format!("{name}：{words}。"));
        }
    }
    if let Some(l) = &track.limits
        && let Some(words) = limit_words(&l.value)
    {
        found.push(format!("{words}。"));
    }
    found
}

/// Limits in words, with the tracks they do not apply to: `1990年1月1日（含）以后出生，X赛项不限。`;
/// `None` when they limit nothing.
pub(crate) fn limits(c: &Contest, l: &Limits) -> Option<String> {
    let mut words = limit_words(l)?;
    let excepted: Vec<&str> = c
        .tracks
        .iter()
        .filter(|t| l.excepts(&t.id.value))
        .map(|t| t.name.as_str())
        .collect();
    if !excepted.is_empty() {
        words.push_str(&format!("，{}赛项不限", excepted.join("、")));
    }
    words.push('。');
    Some(words)
}

/// What limits ask, in words, without a full stop: `1990年1月1日（含）以后出生，年龄在18至35周岁之间
/// （以2025年10月1日计算），具有3年（含）以上相关工作经历`.
fn limit_words(l: &Limits) -> Option<String> {
    let mut parts = Vec::new();
    let after = l.born_on_or_after.as_ref().map(|d| d.value.chinese());
    let before = l.born_on_or_before.as_ref().map(|d| d.value.chinese());
    match (after, before) {
        (Some(a), Some(b)) => parts.push(format!("{a}（含）至{b}（含）之间出生")),
        (Some(a), None) => parts.push(format!("{a}（含）以后出生")),
        (None, Some(b)) => parts.push(format!("{b}（含）以前出生")),
        (None, None) => {}
    }
    if let Some(age) = &l.age {
        let a = &age.value;
        let counted = a
            .as_of
            .as_ref()
            .map(|d| format!("（以{}计算）", d.value.chinese()))
            .unwrap_or_default();
        match (
            a.min.as_ref().map(|m| m.value),
            a.max.as_ref().map(|m| m.value),
        ) {
            (Some(min), Some(max)) => parts.push(format!("年龄在{min}至{max}周岁之间{counted}")),
            (Some(min), None) => parts.push(format!("年龄在{min}周岁（含）以上{counted}")),
            (None, Some(max)) => parts.push(format!("年龄在{max}周岁（含）以下{counted}")),
            (None, None) => {}
        }
    }
    if let Some(years) = &l.min_work_years {
        parts.push(format!("具有{}年（含）以上相关工作经历", years.value));
    }
    (!parts.is_empty()).then(|| parts.join("，"))
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
        eligibility: g.eligibility.as_deref(),
        limits: g.limits.as_ref().and_then(|l| limits(c, &l.value)),
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

/// The quota rule in words, when there is a quota: 每个参赛单位只可选派2人参加比赛。 With a minimum:
/// 每个参赛单位每个赛项可选派2至3支参赛队参加比赛。 For a team event it counts teams (支参赛队),
/// otherwise people (人).
pub(crate) fn quota(c: &Contest) -> Option<String> {
    let quota = c.rules.quota.as_ref()?;
    let max = quota.per_unit.value;
    let min = quota.min_per_unit.as_ref().map(|m| m.value);
    let count = match min {
        Some(min) if min < max => format!("{min}至{max}"),
        _ => max.to_string(),
    };
    let who = match c.format.event {
        EventKind::Individual => format!("{count}人"),
        EventKind::Team => format!("{count}支参赛队"),
    };
    let scope = match quota.scope {
        QuotaScope::Contest => "",
        // Without groups, counting per track and group is counting per track.
        QuotaScope::Track => "每个赛项",
        QuotaScope::TrackGroup if c.groups.is_empty() => "每个赛项",
        QuotaScope::TrackGroup => "每个赛项的每个组别",
    };
    let may = match min {
        None => "只可",
        Some(min) if min == max => "须",
        Some(_) => "可",
    };
    Some(format!("每个参赛单位{scope}{may}选派{who}参加比赛。"))
}

/// The people a unit names besides its contestants, in words: 每个参赛单位须配备领队1名，可配备联络员1名。
pub(crate) fn unit_roles(c: &Contest) -> Option<String> {
    let listed = |required: bool| -> Vec<String> {
        c.rules
            .unit_roles
            .iter()
            .filter(|r| r.required == required)
            .map(|r| format!("{}{}名", r.name.value.trim(), r.count.value))
            .collect()
    };
    let clauses: Vec<String> = [("须配备", listed(true)), ("可配备", listed(false))]
        .into_iter()
        .filter(|(_, roles)| !roles.is_empty())
        .map(|(verb, roles)| format!("{verb}{}", roles.join("、")))
        .collect();
    (!clauses.is_empty()).then(|| format!("每个参赛单位{}。", clauses.join("，")))
}

/// That individuals may enter without a unit, in words, with the contest's note when given.
pub(crate) fn individual_entry(c: &Contest) -> Option<String> {
    let entry = c.rules.individual_entry.as_ref()?;
    let mut words =
        "接受个人报名：不经单位选派的选手可以个人名义报名参赛，不占参赛单位名额。".to_string();
    if let Some(note) = entry
        .note
        .as_deref()
        .map(str::trim)
        .filter(|n| !n.is_empty())
    {
        words.push_str(note);
    }
    Some(words)
}

/// The contest's `scoring:` in words ([`scoring_view`]); a track's page shows the scoring it follows
/// ([`TrackView::scoring`]).
pub(crate) fn scoring(c: &Contest) -> serde_json::Value {
    scoring_view(c.scoring())
}

/// A scoring in one line: 成绩构成：理论考试30%、实操比赛70%, with its note when it has one (评分办法另行通知);
/// none when it says neither.
pub(crate) fn scoring_summary(scoring: Option<&crate::model::Scoring>) -> Option<String> {
    let scoring = scoring?;
    let parts: Vec<String> = scoring
        .parts()
        .iter()
        .map(|p| format!("{}{}%", p.name, p.weight.value))
        .collect();
    let note = scoring
        .note
        .as_ref()
        .map(|n| n.value.trim())
        .unwrap_or_default();
    match (parts.is_empty(), note.is_empty()) {
        (true, true) => None,
        (true, false) => Some(format!("成绩构成：{note}")),
        (false, true) => Some(format!("成绩构成：{}。", parts.join("、"))),
        (false, false) => Some(format!("成绩构成：{}。{note}", parts.join("、"))),
    }
}

/// A scoring in words, for the track pages: the parts (with the columns that any part fills: 时长,
/// 方式, 模块), how ranks are decided, the setting and a note; `shown` when there is anything to show
/// under 成绩构成.
pub(crate) fn scoring_view(scoring: Option<&crate::model::Scoring>) -> serde_json::Value {
    let parts = scoring.map_or(&[][..], crate::model::Scoring::parts);
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

/// The heading of the eligibility page's section on how many enter: what is under it (名额 for the
/// quota and the roles per unit, 教练), or 参赛形式 when it holds only the kind of event.
pub(crate) fn quota_heading(c: &Contest) -> String {
    let r = &c.rules;
    let mut parts = Vec::new();
    if r.quota.is_some() || !r.unit_roles.is_empty() {
        parts.push("名额");
    }
    if r.coaches_per_contestant.is_some() {
        parts.push("教练");
    }
    if parts.is_empty() {
        "参赛形式".to_string()
    } else {
        parts.join("与")
    }
}

/// The rules of entry as the pages show them, in words: available to every template as `rules`.
pub(crate) fn rules(c: &Contest) -> serde_json::Value {
    let r = &c.rules;
    serde_json::json!({
        "barred_honours": r.barred_honours,
        "barred_qualifications": r.barred_qualifications,
        "barred_note": r.barred_note,
        "barred": r.barred_note.is_some() || !r.barred_honours.is_empty() || !r.barred_qualifications.is_empty(),
        "no_award_honours": r.no_award_honours,
        "no_award_note": r.no_award_note,
        "limits": r.limits.as_ref().and_then(|l| limits(c, &l.value)),
        "quota": quota(c),
        "unit_roles": unit_roles(c),
        "individual_entry": individual_entry(c),
        "coaches": coaches(c),
        "quota_heading": quota_heading(c),
        "track_conditions": c.tracks.iter().any(|t| t.eligibility.is_some() || t.limits.as_ref().is_some_and(|l| limit_words(&l.value).is_some())),
    })
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
    use crate::diagnostics::SourceFile;
    use crate::model::parse_contest;

    /// The seed contest with `from` replaced by `to` in its contest.yaml.
    fn seed_with(from: &str, to: &str) -> Contest {
        let text = include_str!("../content/contest.yaml");
        assert!(
            from.is_empty() || text.matches(from).count() == 1,
            "{from:?} once in the seed"
        );
        let file = SourceFile::new(
            std::path::Path::new("content/contest.yaml"),
            text.replacen(from, to, 1),
        );
        parse_contest(&file).unwrap_or_else(|p| panic!("the edited seed reads: {p}"))
    }

    #[test]
    fn the_quota_in_words() {
        let seed = seed_with("", "");
        assert_eq!(
            quota(&seed).as_deref(),
            Some("每个参赛单位只可选派2人参加比赛。")
        );
        let range = seed_with(
            "    per_unit: 2\n    scope: contest ",
            "    per_unit: 3\n    min_per_unit: 2\n    scope: track ",
        );
        assert_eq!(
            quota(&range).as_deref(),
            Some("每个参赛单位每个赛项可选派2至3人参加比赛。")
        );
        let exact = seed_with(
            "    per_unit: 2\n",
            "    per_unit: 2\n    min_per_unit: 2\n",
        );
        assert_eq!(
            quota(&exact).as_deref(),
            Some("每个参赛单位须选派2人参加比赛。")
        );
        let none = seed_with(
            "  quota:\n    per_unit: 2\n    scope: contest         # contest, track, or track_group\n",
            "",
        );
        assert_eq!(quota(&none), None);
        assert_eq!(quota_heading(&none), "教练");
        assert_eq!(quota_heading(&seed), "名额与教练");
        let nothing = seed_with("  coaches_per_contestant: 1\n", "");
        assert_eq!(quota_heading(&nothing), "名额");
    }

    #[test]
    fn roles_and_individual_entry_in_words() {
        let seed = seed_with("", "");
        assert_eq!(unit_roles(&seed), None);
        assert_eq!(individual_entry(&seed), None);
        let c = seed_with(
            "  coaches_per_contestant: 1\n",
            "  coaches_per_contestant: 1\n  unit_roles:\n    - { name: 领队, count: 1, required: true }\n    - { name: 联络员, count: 2 }\n  individual_entry:\n    listed_as: 个人\n",
        );
        assert_eq!(
            unit_roles(&c).as_deref(),
            Some("每个参赛单位须配备领队1名，可配备联络员2名。")
        );
        assert!(individual_entry(&c).is_some_and(|w| w.starts_with("接受个人报名")));
    }

    #[test]
    fn limits_in_words() {
        let c = seed_with(
            "    includes_teachers: true\n",
            "    includes_teachers: true\n    limits:\n      born_on_or_after: 1990-01-01\n      born_on_or_before: 2007-10-01\n      age: { min: 18, max: 35, as_of: 2025-10-01 }\n      min_work_years: 3\n      except_tracks: [service-robot, genai-operator]\n",
        );
        let staff = groups(&c).into_iter().next().unwrap();
        assert_eq!(
            staff.limits.as_deref(),
            Some(
                "1990年1月1日（含）至2007年10月1日（含）之间出生，年龄在18至35周岁之间（以2025年10月1日计算），具有3年（含）以上相关工作经历，服务机器人应用技术员、生成式人工智能系统应用员赛项不限。"
            )
        );
        let tracks = tracks(&c);
        assert_eq!(
            tracks[0].limits.len(),
            1,
            "the staff group's limits apply to ai-trainer"
        );
        assert!(tracks[0].limits[0].starts_with("职工（含教师）组：1990年1月1日（含）至"));
        assert!(tracks[1].limits.is_empty(), "excepted");
        let one_way = seed_with(
            "    includes_teachers: true\n",
            "    includes_teachers: true\n    limits:\n      born_on_or_before: 2007-10-01\n      age: { max: 35, as_of: 2025-10-01 }\n",
        );
        assert_eq!(
            groups(&one_way)[0].limits.as_deref(),
            Some("2007年10月1日（含）以前出生，年龄在35周岁（含）以下（以2025年10月1日计算）。")
        );
    }

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
