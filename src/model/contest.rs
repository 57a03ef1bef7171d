//! The contest definition as written in `content/contest.yaml`: one struct per section.
//!
//! Every struct denies unknown keys, so a misspelt key is an error at its line and column. Fields that are
//! checked against other parts of the file after parsing (references, dates, weights) are `Spanned`, so
//! those errors point at the exact spot too. Every struct also derives `JsonSchema`, the editors' schema
//! of contest.yaml (see [`super::schema`]); a struct without it does not compile where a section uses it.

use super::Spanned;
use super::values::{Day, Deadline, Id, When};
use schemars::JsonSchema;
use serde::Deserialize;

/// The whole contest definition.
#[derive(Debug, Clone)]
pub struct Contest {
    /// Publishing settings.
    pub site: Site,
    /// The contest's names.
    pub contest: ContestInfo,
    /// The plan (方案) as issued.
    pub plan: Plan,
    /// The covering notice (印发通知).
    pub notice: CoveringNotice,
    /// Documents referred to.
    pub references: Vec<Reference>,
    /// Who runs the contest.
    pub organisation: Organisation,
    /// The tracks (赛项).
    pub tracks: Vec<Track>,
    /// The groups (组别).
    pub groups: Vec<Group>,
    /// Individual or team event.
    pub format: Format,
    /// Who may enter, quotas, coaches.
    pub rules: Rules,
    /// Parts and weights (`scoring:`), when given; see [`Contest::parts`].
    pub scoring: Option<Spanned<Scoring>>,
    /// The award scheme and rules.
    pub awards: Awards,
    /// How to register.
    pub registration: Registration,
    /// Dated stages; some may be "to be announced".
    pub schedule: Vec<Stage>,
    /// Where the contest takes place.
    pub venue: String,
    /// Fees and who pays what.
    pub costs: Costs,
    /// Whom to ask.
    pub contacts: Vec<Contact>,
    /// The attachments of the notice (forms).
    pub attachments: Vec<Attachment>,
    /// How results are read and published (`results:`; see [`super::ResultsConfig`]).
    pub results: super::ResultsConfig,
}

/// `site:` publishing settings.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Site {
    /// The public address, used only where absolute URLs are required (sitemap, feed, calendar).
    #[serde(default)]
    pub base_url: Option<Spanned<String>>,
    /// Notices listed per page (default 20).
    #[serde(default)]
    pub notices_per_page: Option<Spanned<u32>>,
}

/// `contest:` names.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ContestInfo {
    /// The full official name.
    pub name: String,
    /// A shorter name for headers and tabs.
    pub short_name: String,
    /// How the plan refers to the contest (选拔赛).
    #[serde(default)]
    pub abbreviation: Option<String>,
    /// The contest year.
    #[serde(default)]
    pub year: Option<u16>,
}

/// `plan:` the plan (方案).
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Plan {
    /// The plan's title.
    pub title: String,
    /// The paragraph before the numbered sections.
    #[serde(default)]
    pub preamble: Option<String>,
    /// Sections, numbered 一、二、… when shown.
    pub sections: Vec<PlanSection>,
}

/// One numbered section of the plan.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PlanSection {
    /// Heading without its number.
    pub heading: String,
    /// Paragraphs directly under the heading.
    #[serde(default)]
    pub paragraphs: Vec<String>,
    /// Subsections, numbered （一）（二）….
    #[serde(default)]
    pub subsections: Vec<PlanSubsection>,
}

/// One （一） subsection of the plan.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PlanSubsection {
    /// Heading without its number.
    pub heading: String,
    /// Whether the heading runs into the first paragraph (（一）报名时间。…).
    #[serde(default)]
    pub run_in: bool,
    /// The subsection's text, one paragraph per entry, printed in order.
    pub paragraphs: Vec<String>,
}

/// `notice:` the covering notice that issues the plan.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CoveringNotice {
    /// Short issuer name used in the title and signature (市人社局).
    pub issuer: String,
    /// The issuer's full name (天津市人力资源和社会保障局).
    pub issuer_full: String,
    /// The document number (发文字号), when it has one.
    #[serde(default)]
    pub number: Option<String>,
    /// The title of the covering notice (关于举办……的通知), as the home page and the notice PDF print it.
    pub title: String,
    /// 主送机关.
    pub recipients: Vec<String>,
    /// Body paragraphs.
    pub body: Vec<String>,
    /// 成文日期.
    pub date: Spanned<Day>,
    /// 附注, such as 此件主动公开.
    #[serde(default)]
    pub disclosure: Option<String>,
}

/// A document referred to by number.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Reference {
    /// Id used by other sections.
    pub id: Spanned<Id>,
    /// 文号, such as 津人社局发〔2024〕5号.
    pub number: String,
    /// The document's full title, as cited (without the book-title marks 《》).
    pub title: String,
}

/// `organisation:`.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Organisation {
    /// Contest level (市级一类竞赛).
    pub level: String,
    /// 主办.
    pub organiser: String,
    /// 承办.
    pub host: String,
    /// 协办, when any.
    #[serde(default)]
    pub co_organisers: Vec<String>,
    /// 技术支持, when any.
    #[serde(default)]
    pub technical_support: Vec<String>,
    /// 赞助, when any.
    #[serde(default)]
    pub sponsors: Vec<String>,
    /// 支持, when any.
    #[serde(default)]
    pub supporters: Vec<String>,
    /// Committees and offices.
    #[serde(default)]
    pub bodies: Vec<Body>,
}

/// A committee or office.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Body {
    /// The body's name (组委会, 裁判委员会, …); other bodies name it as their `parent`.
    pub name: Spanned<String>,
    /// What it does.
    pub duty: String,
    /// The body it sits under, by name.
    #[serde(default)]
    pub parent: Option<Spanned<String>>,
    /// Where it is based.
    #[serde(default)]
    pub location: Option<String>,
}

/// A track (赛项).
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Track {
    /// Id, used in addresses.
    pub id: Spanned<Id>,
    /// The track's name as published (人工智能训练师), on the pages, the forms and the results.
    pub name: String,
    /// What is contested.
    pub description: String,
    /// Groups this track runs for, by id; all groups when absent.
    #[serde(default)]
    pub groups: Option<Vec<Spanned<Id>>>,
    /// Who may enter this track, as worded, beyond the groups' eligibility.
    #[serde(default)]
    pub eligibility: Option<String>,
    /// Birth-date, age and work-experience limits of this track (`except_tracks` is not allowed here).
    #[serde(default)]
    pub limits: Option<Spanned<Limits>>,
    /// The track's own scoring (parts, weights, durations, modes, modules, note), when it differs from
    /// the contest's `scoring:`; it replaces the contest's for this track.
    #[serde(default)]
    pub scoring: Option<Spanned<Scoring>>,
}

/// A group (组别).
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Group {
    /// The group's stable id (`staff`), used by tracks, rules, results and form fields (`group-<id>`).
    pub id: Spanned<Id>,
    /// Short name (职工组).
    pub name: String,
    /// Full name (职工（含教师）组).
    #[serde(default)]
    pub full_name: Option<String>,
    /// Whether teachers enter in this group.
    #[serde(default)]
    pub includes_teachers: bool,
    /// Who may enter, as worded, when the plan says (a group may be only a name, or only limits).
    #[serde(default)]
    pub eligibility: Option<String>,
    /// Birth-date, age and work-experience limits of this group, with the tracks they do not apply to.
    #[serde(default)]
    pub limits: Option<Spanned<Limits>>,
}

/// `limits:` of `rules`, a group or a track: who may enter by birth date, age and work experience.
/// Every key is optional; the limits of `rules`, of the entrant's group and of the track all apply.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Limits {
    /// Born on this day or later (1990年1月1日（含）以后出生).
    #[serde(default)]
    pub born_on_or_after: Option<Spanned<Day>>,
    /// Born on this day or earlier (2007年10月1日（含）以前出生).
    #[serde(default)]
    pub born_on_or_before: Option<Spanned<Day>>,
    /// An age range in whole years (周岁) on a reference day.
    #[serde(default)]
    pub age: Option<Spanned<AgeRange>>,
    /// The fewest years of work experience (具有3年（含）以上相关工作经历).
    #[serde(default)]
    pub min_work_years: Option<Spanned<u32>>,
    /// Tracks these limits do not apply to (X赛项不限), by id; only in `rules.limits` and a group's.
    #[serde(default)]
    pub except_tracks: Vec<Spanned<Id>>,
}

/// `age:` of `limits`: the youngest and oldest age, in whole years (周岁), counted on `as_of`.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AgeRange {
    /// The youngest age allowed (inclusive).
    #[serde(default)]
    pub min: Option<Spanned<u32>>,
    /// The oldest age allowed (inclusive: 35 admits anyone who is not yet 36).
    #[serde(default)]
    pub max: Option<Spanned<u32>>,
    /// The day the age is counted on (以2025年10月1日计算); required.
    #[serde(default)]
    pub as_of: Option<Spanned<Day>>,
}

/// `format:`.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Format {
    /// Individual or team.
    pub event: EventKind,
    /// Contestants per entry.
    #[serde(default)]
    pub team_size: Option<Spanned<u32>>,
}

/// Individual or team event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    /// 单人赛项.
    Individual,
    /// 团体赛项.
    Team,
}

/// `rules:` who may enter and how many. The section and every key in it are optional.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Rules {
    /// Honours whose holders may not enter.
    #[serde(default)]
    pub barred_honours: Vec<String>,
    /// Qualifications whose holders may not enter.
    #[serde(default)]
    pub barred_qualifications: Vec<String>,
    /// The rule as worded in the plan.
    #[serde(default)]
    pub barred_note: Option<String>,
    /// Honours whose holders may enter but receive no award.
    #[serde(default)]
    pub no_award_honours: Vec<String>,
    /// The rule as worded in the plan.
    #[serde(default)]
    pub no_award_note: Option<String>,
    /// Extra rules for one group.
    #[serde(default)]
    pub group_restrictions: Vec<GroupRestriction>,
    /// Birth-date, age and work-experience limits for every entrant, with the tracks they do not
    /// apply to.
    #[serde(default)]
    pub limits: Option<Spanned<Limits>>,
    /// How many contestants (or teams) a unit may send; no quota when absent.
    #[serde(default)]
    pub quota: Option<Quota>,
    /// People a unit names besides its contestants (领队, 联络员), with how many.
    #[serde(default)]
    pub unit_roles: Vec<UnitRole>,
    /// Entrants without a unit (个人报名), when the contest accepts them.
    #[serde(default)]
    pub individual_entry: Option<IndividualEntry>,
    /// Coaches each contestant may name.
    #[serde(default)]
    pub coaches_per_contestant: Option<u32>,
}

/// One of `rules.unit_roles`: a person a unit names besides its contestants.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct UnitRole {
    /// What the person is (领队, 联络员).
    pub name: Spanned<String>,
    /// How many per unit.
    pub count: Spanned<u32>,
    /// Whether every unit must name them (须配备) rather than may (可配备).
    #[serde(default)]
    pub required: bool,
}

/// `rules.individual_entry`: the contest accepts entrants without a unit (个人报名).
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct IndividualEntry {
    /// What the score sheet's unit column (参赛单位) says for such an entrant (个人); these rows are
    /// never counted against a unit's quota.
    pub listed_as: Spanned<String>,
    /// How individuals enter, as worded, when it needs saying.
    #[serde(default)]
    pub note: Option<String>,
}

/// A rule for one group.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GroupRestriction {
    /// The group, by id.
    pub group: Spanned<Id>,
    /// The rule for this group, one sentence as published on the eligibility page.
    pub rule: String,
}

/// Per-unit quota: at most `per_unit`, and at least `min_per_unit` when given, over `scope`.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Quota {
    /// The most contestants (or teams) per unit.
    pub per_unit: Spanned<u32>,
    /// The fewest contestants (or teams) per unit, when there is a minimum; results do not check it
    /// (people drop out).
    #[serde(default)]
    pub min_per_unit: Option<Spanned<u32>>,
    /// What the count covers.
    pub scope: QuotaScope,
}

/// What a per-unit quota counts over.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum QuotaScope {
    /// The whole contest.
    Contest,
    /// Each track.
    Track,
    /// Each track and group.
    TrackGroup,
}

/// `scoring:` how the total is made. Every key is optional, and so is the section: a notice may say only
/// that the scoring will be announced (`scoring: { note: 评分办法另行通知 }`).
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Scoring {
    /// Parts with weights in percent; they add up to 100. Results need them (one score column each).
    #[serde(default)]
    pub parts: Option<Spanned<Vec<ScoringPart>>>,
    /// How ranks are decided, as worded.
    #[serde(default)]
    pub ranking: Option<String>,
    /// How the content is set, as worded.
    #[serde(default)]
    pub setting: Option<String>,
    /// Who writes the papers.
    #[serde(default)]
    pub papers_by: Option<String>,
    /// A sentence about the scoring shown with it, such as 评分办法另行通知 when the parts are not yet set.
    #[serde(default)]
    pub note: Option<Spanned<String>>,
}

impl Scoring {
    /// The parts, none when `parts` is not given.
    pub fn parts(&self) -> &[ScoringPart] {
        self.parts.as_ref().map_or(&[], |p| p.value.as_slice())
    }
}

/// One scored part (理论考试, 实操比赛).
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ScoringPart {
    /// The part's stable id (`theory`, `practical`), used by `results.tie_break` and the score columns.
    pub id: Spanned<Id>,
    /// The part's name as published (理论考试), in the plan and the results' column headings.
    pub name: String,
    /// Weight in percent.
    pub weight: Spanned<u32>,
    /// How long the part lasts, in minutes (shown as 90分钟).
    #[serde(default)]
    pub duration: Option<Spanned<u32>>,
    /// How it is held, a short text as published (上机考试, 笔试, 实际操作).
    #[serde(default)]
    pub mode: Option<Spanned<String>>,
    /// The modules the part is made of, each with its weight in percent of the part (they add up to
    /// 100). A score sheet with a column for every module of the part gets the part's score from them.
    #[serde(default)]
    pub modules: Option<Spanned<Vec<Module>>>,
}

impl ScoringPart {
    /// The modules, none when `modules` is not given.
    pub fn modules(&self) -> &[Module] {
        self.modules.as_ref().map_or(&[], |m| m.value.as_slice())
    }
}

/// One module of a scored part (模块A 数据采集与处理).
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Module {
    /// The module's stable id, unique among every part's and module's ids (`results.columns.parts`
    /// names module columns by it).
    pub id: Spanned<Id>,
    /// The module's name as published, also the default header of its score column.
    pub name: String,
    /// Weight in percent of the part.
    pub weight: Spanned<u32>,
}

/// `awards:` the award scheme, stated before the results, and the rules the results follow.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Awards {
    /// The reference (by id) that awards follow.
    #[serde(default)]
    pub basis: Option<Spanned<Id>>,
    /// Fewer finalists than this in a track and group: no awards.
    #[serde(default)]
    pub min_finalists: Option<Spanned<u32>>,
    /// What happens below the minimum, as worded.
    #[serde(default)]
    pub below_minimum: Option<String>,
    /// Whether ranks are still published below the minimum (true unless the rules say, like
    /// 不足6支的，不评定名次, that there are no ranks either).
    #[serde(default = "ranks_below_minimum")]
    pub ranks_below_minimum: bool,
    /// The award tiers of each results table, highest first (一等奖1名、二等奖2名 or 10%、20%).
    #[serde(default)]
    pub tiers: Vec<Spanned<Tier>>,
    /// How a share of the finalists becomes a number of awards (default: down).
    #[serde(default)]
    pub rounding: Option<Spanned<Rounding>>,
    /// Who gets what when contestants who share a rank straddle a tier boundary (default: the next tier).
    #[serde(default)]
    pub ties: Option<Spanned<Ties>>,
    /// Awards to units (优秀组织奖).
    #[serde(default)]
    pub unit_awards: Vec<Spanned<UnitAward>>,
}

impl Default for Awards {
    fn default() -> Self {
        Awards {
            basis: None,
            min_finalists: None,
            below_minimum: None,
            ranks_below_minimum: true,
            tiers: Vec::new(),
            rounding: None,
            ties: None,
            unit_awards: Vec::new(),
        }
    }
}

impl Awards {
    /// The rounding of shares (down unless `rounding` says otherwise).
    pub fn rounding(&self) -> Rounding {
        self.rounding.as_ref().map_or(Rounding::Down, |r| r.value)
    }

    /// The policy for ties at a tier boundary (the next tier unless `ties` says otherwise).
    pub fn ties(&self) -> Ties {
        self.ties.as_ref().map_or(Ties::NextTier, |t| t.value)
    }
}

fn ranks_below_minimum() -> bool {
    true
}

/// One award tier: a share of the finalists in percent, or a fixed count.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Tier {
    /// 一等奖, 金牌, ….
    pub name: String,
    /// Percent of the finalists (rounded as `awards.rounding` says).
    #[serde(default)]
    pub share: Option<u32>,
    /// A fixed number of awards.
    #[serde(default)]
    pub count: Option<u32>,
}

/// How a share of the finalists becomes a whole number of awards.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Rounding {
    /// 向下取整: 10% of 6 is 0.
    Down,
    /// 四舍五入 (a half goes up): 10% of 6 is 1, 10% of 4 is 0.
    Nearest,
    /// 向上取整, 不足1名的按1名计: 10% of 6 is 1.
    Up,
}

/// Who gets what when contestants who share a rank do not all fit in what is left of a tier.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Ties {
    /// They all go to the next tier; the rest of this tier stays empty (no tier ever grows).
    NextTier,
    /// They all get this tier, which grows; the tiers below start after them and shrink accordingly
    /// (a tier is given by rank: 一等奖 to ranks 1 to n₁, 二等奖 up to n₁+n₂, …).
    HigherTier,
}

/// An award to units (优秀组织奖).
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct UnitAward {
    /// The award's name (优秀组织奖).
    pub name: String,
    /// How many are given, when the plan says.
    #[serde(default)]
    pub count: Option<Spanned<u32>>,
    /// To whom, as worded (组织工作成绩突出的参赛单位).
    #[serde(default)]
    pub to: Option<String>,
    /// The award as worded in the plan, shown instead of a sentence made of `name`, `count` and `to`.
    #[serde(default)]
    pub wording: Option<String>,
}

/// `registration:`.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Registration {
    /// The first day of registration, when registration opens on a set day (the window is `opens` to
    /// `deadline`).
    #[serde(default)]
    pub opens: Option<Spanned<Day>>,
    /// The last day (and time) to register.
    pub deadline: Spanned<Deadline>,
    /// The deadline as worded (2025年10月31日（星期五）前); a weekday in it is checked.
    #[serde(default)]
    pub deadline_text: Option<Spanned<String>>,
    /// How units decide whom to send.
    #[serde(default)]
    pub procedure: Option<String>,
    /// Where to send, in words.
    #[serde(default)]
    pub send_to: Option<String>,
    /// The address to send to.
    #[serde(default)]
    pub email: Option<Spanned<String>>,
    /// An online registration platform, when registration is online.
    #[serde(default)]
    pub online: Option<OnlineRegistration>,
    /// Postal submission, when materials may be posted.
    #[serde(default)]
    pub post: Option<PostalRegistration>,
    /// Submission in person, when materials may be handed in.
    #[serde(default)]
    pub in_person: Option<InPersonRegistration>,
    /// What to send.
    pub materials: Vec<Material>,
    /// Replacing a contestant.
    #[serde(default)]
    pub replacement: Option<Replacement>,
    /// Publishes the page 报名情况 (entries per track and group, number of units; no names) from the
    /// roster `jingsai roster` wrote into the contest folder (`roster/roster.xlsx`).
    #[serde(default)]
    pub publish_counts: Option<Spanned<bool>>,
}

/// `registration.online`: an online registration platform.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct OnlineRegistration {
    /// The platform's address (http or https), linked from the registration page and the calendar.
    pub url: Spanned<String>,
    /// The platform's name as shown (天津市职业技能竞赛报名系统).
    pub name: String,
}

/// `registration.post`: where to post the materials.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PostalRegistration {
    /// The postal address.
    pub address: String,
    /// The postcode, when given.
    #[serde(default)]
    pub postcode: Option<String>,
    /// Whom to address it to, when given.
    #[serde(default)]
    pub recipient: Option<String>,
}

/// `registration.in_person`: where to hand the materials in.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct InPersonRegistration {
    /// The place.
    pub place: String,
    /// Opening hours, as worded (工作日9:00—17:00), when given.
    #[serde(default)]
    pub hours: Option<String>,
}

/// One item to send.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Material {
    /// What.
    pub name: String,
    /// In what form.
    #[serde(default)]
    pub requirement: Option<String>,
    /// The attachment number, when it is a form of the notice.
    #[serde(default)]
    pub attachment: Option<Spanned<u32>>,
}

/// The replacement rule.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Replacement {
    /// The rule as worded.
    pub allowed: String,
    /// Working days before the start by which a replacement must be asked for.
    pub working_days_before: u32,
    /// What must be handed in.
    pub requires: String,
}

/// A dated stage of the contest.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Stage {
    /// The stage's stable id (`registration`, `contest`), unique within `schedule`.
    pub id: Spanned<Id>,
    /// The stage's name as published (报名, 竞赛), in the schedule and the calendar.
    pub name: String,
    /// The (first) day, or `tbd`.
    pub date: Spanned<When>,
    /// The last day of a stage longer than one day.
    #[serde(default)]
    pub until: Option<Spanned<Day>>,
    /// A note.
    #[serde(default)]
    pub note: Option<String>,
    /// Whether this is the contest itself (the registration deadline must come before it).
    #[serde(default)]
    pub is_contest: bool,
    /// The tracks this stage is for, by id; all tracks when absent.
    #[serde(default)]
    pub tracks: Option<Vec<Spanned<Id>>>,
}

/// `costs:`.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Costs {
    /// Fees, as worded.
    pub fee: String,
    /// Insurance, as worded.
    #[serde(default)]
    pub insurance: Option<String>,
    /// Travel and other expenses, as worded.
    #[serde(default)]
    pub expenses: Option<String>,
}

/// A contact person.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    /// The person's name, as printed in the notice and on the contacts page.
    pub name: String,
    /// Organisation.
    #[serde(default)]
    pub organisation: Option<String>,
    /// What to ask this person about.
    #[serde(default)]
    pub role: Option<String>,
    /// Phone, printed as 联系电话.
    #[serde(default)]
    pub phone: Option<Spanned<String>>,
    /// More phones, each with its label (办公电话, 手机), printed after `phone`.
    #[serde(default)]
    pub phones: Vec<Phone>,
    /// Fax (传真).
    #[serde(default)]
    pub fax: Option<Spanned<String>>,
    /// Postal address (地址).
    #[serde(default)]
    pub address: Option<String>,
    /// Postcode (邮编): six digits.
    #[serde(default)]
    pub postcode: Option<Spanned<String>>,
    /// E-mail.
    #[serde(default)]
    pub email: Option<Spanned<String>>,
}

/// A labelled phone number of a contact.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Phone {
    /// What the number is (办公电话, 手机).
    pub label: Spanned<String>,
    /// The number.
    pub number: Spanned<String>,
}

/// An attachment of the notice.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Attachment {
    /// 附件1, 附件2, ….
    pub number: Spanned<u32>,
    /// The attachment's title (报名表), printed after 附件N and used as the file name in the forms zip.
    pub title: String,
    /// The form that renders it: `forms/<id>.yaml` of the contest folder, or a built-in form
    /// (`registration`, `judge`, `roster`).
    #[serde(default)]
    pub form: Option<Spanned<Id>>,
}
