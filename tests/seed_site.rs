//! The real contest, built by the real binary: every fact of the seed notice
//! (`../shared/seed/000_1db4b2af915c510d.txt`) must be on the page where a reader looks for it, and the
//! build must be safe (escaping, refused output folders), deterministic and atomic.

mod support;

use common::*;
use std::path::Path;

/// The covering notice as issued (its title is wrapped over three lines in the seed).
const NOTICE_TITLE: &str = "市人社局关于印发《2025年“海河工匠杯”技能大赛—第四届全国人工智能应用技术技能大赛天津选拔赛方案》的通知";
const RECIPIENTS: &str = "各区人力资源和社会保障局，各委办局（集团公司）人力资源部门，各普通高校、职业院校（含技工院校），有关单位：";
const NOTICE_BODY: &str = "现将《2025年“海河工匠杯”技能大赛——第四届全国人工智能应用技术技能大赛天津选拔赛方案》印发给你们，请遵照执行。";
const PLAN_TITLE: &str =
    "2025年“海河工匠杯”技能大赛—第四届全国人工智能应用技术技能大赛天津选拔赛方案";
const ATTACHMENT_1: &str =
    "2025年“海河工匠杯”技能大赛—第四届全国人工智能应用技术技能大赛天津选拔赛报名表";
const ATTACHMENT_2: &str =
    "2025年“海河工匠杯”技能大赛—第四届全国人工智能应用技术技能大赛天津选拔赛裁判员推荐表";
const HOST: &str = "天津职业技术师范大学电子工程学院";
const PHONE: &str = "13207515272";
const EMAIL: &str = "lili2004@tute.edu.cn";
const SEED_NOTICE_TITLE: &str = "市人社局印发第四届全国人工智能应用技术技能大赛天津选拔赛方案";
const SEED_NOTICE_PAGE: &str = "notices/2025-10-16-plan-issued.html";

/// The plan of the seed, line by line, from its preamble to its contact block (Word bookmarks removed).
/// Every line must be the whole text of one heading or paragraph of `plan.html`.
const SEED_PLAN: &str = "
为全面贯彻落实党的二十大关于深入实施人才强国战略部署，推动职业技能竞赛广泛开展，打造“海河工匠”品牌，大力弘扬劳模精神、劳动精神、工匠精神，激励更多劳动者特别是青年一代走技能成才、技能报国之路，培养更多大国工匠、高技能人才，促进我国人工智能人才队伍建设，根据《市人社局关于印发2025年“海河工匠杯”技能大赛计划安排的通知》（津人社局函〔2025〕55号）相关规定，市人社局拟于近期举办2025年“海河工匠杯”技能大赛——第四届全国人工智能应用技术技能大赛天津选拔赛（以下简称选拔赛），现制定如下方案：
一、组织机构
选拔赛为市级一类竞赛，由市人社局主办，天津职业技术师范大学电子工程学院承办。
成立竞赛组委会和监督仲裁委员会，竞赛组委会负责组织管理工作，监督仲裁委员会负责解决竞赛争议，下设办公室和技术专家组。办公室设在市人社局职业能力建设处，负责竞赛综合组织协调等工作。技术专家组设在天津职业技术师范大学电子工程学院，负责竞赛组织实施工作。
二、竞赛分组和参赛对象
（一）竞赛分组
选拔赛设人工智能训练师赛项、服务机器人应用技术员赛项和生成式人工智能系统应用员等3个赛项；各赛项设置职工（含教师）组和学生组两个组别，均为单人赛项。
（二）参赛对象
学生组：各类高等院校和职业院校（含高职、中职、技校等）的全日制在籍学生，思想品德优秀，具备较高的相关专业技术技能水平，学习能力较强，身体素质好，具备较好的心理素质和较强的应变能力。
职工组：具有赛项相关工作经历的从业人员，以及从事相关专业工作的在职人员，思想品德优秀，具备较高的相关专业技术技能水平，学习能力较强，身体素质好，具备较好的心理素质和较强的应变能力。
已获得“中华技能大奖”、“全国技术能手”等国家级荣誉及已获得“全国技术能手”申报资格的人员，不得以选手身份参加比赛。获得“海河工匠”、“天津市技术能手”等荣誉的人员，符合相关规定的，可参加本市选拔赛，但获得名次后不享受相关竞赛奖励，具有全日制学籍的在校创业学生不得以职工身份参赛。每个参赛单位只可选派2人参加比赛。
三、竞赛内容
人工智能训练师赛项针对人工智能训练在行业中的工作任务，标注、分析提炼、训练和评测等设计竞赛任务，围绕人工智能技术应用开发的全栈流程进行训练和比赛。
服务机器人应用技术员赛项依据服务机器人应用技术员S真实工作流程、任务及要求精心设计竞赛内容，着重考查选手在服务机器人领域的工程技术实操能力、操作规范性以及创新创意表现，全方位检验参赛选手的综合职业素养。
生成式人工智能系统应用员赛项依据生成式人工智能系统应用员S真实工作流程、任务及要求精心设计竞赛内容，着重考查选手在生成式人工智能领域的工程技术实操能力、操作规范性以及创新创意表现，全方位检验参赛选手的综合职业素养。
选拔赛由理论考试和实操比赛两部分组成。参考相关国家职业技能标准，并结合相关竞赛标准和世界技能大赛及相关国家一类职业技能竞赛标准，形成具有符合行业发展需求、人才培养标准和适合技能竞赛的竞赛内容；同时，结合人工智能工程技术相关职业方向的工作要求编制技术文件和命题。
理论考试成绩占20%、实操比赛成绩占80%。大赛试题由技术专家组统一命制，具体技术文件另行通知。
四、竞赛报名
（一）报名时间。2025年10月31日（星期五）前。
（二）报名要求。有关单位经内部推选确定后将选手报名表（附件1）、裁判候选人推荐表（附件2），加盖公章后制扫描件，连同选手身份证、学籍或工作证明和原职业资格或技能等级证书等扫描件（JPG格式）以及选手2寸白色背景照片（不低于2M），发送至技术组电子邮箱。报名后不得随意更换选手，如赛前选手因故无法参赛，须由单位于开赛前3个工作日出具书面说明，经批准后予以更换。每位参赛选手可以指定指导教师（教练）1名。
五、竞赛实施
（一）竞赛形式。各组别的参赛选手按比赛总成绩排名决定名次。
（二）竞赛时间。（具体时间另行通知）。
（三）竞赛地点。天津职业技术师范大学电子工程学院。
六、竞赛奖励
根据《市人社局市财政局关于印发天津市职业技能竞赛管理办法的通知》（津人社局发〔2024〕5号）相关政策给予奖励。
参加选拔赛决赛人数须在20人以上，不足20人的，选手成绩只作为参加国家级竞赛选拔的依据，不给予相关选手竞赛奖励，但择优推荐参加全国比赛。
七、相关说明
选拔赛不收取任何费用，各代表队应为参赛选手和推荐裁判员购买人身意外伤害保险。比赛期间，所有人员往返交通费、食宿费和意外伤害保险费，由派员单位承担。
联 系 人：天津职业技术师范大学电子工程学院 李莉
联系电话：13207515272
电子邮箱：lili2004@tute.edu.cn
";

const TRACKS: [(&str, &str, &str); 3] = [
    (
        "ai-trainer",
        "人工智能训练师",
        "人工智能训练师赛项针对人工智能训练在行业中的工作任务，标注、分析提炼、训练和评测等设计竞赛任务，围绕人工智能技术应用开发的全栈流程进行训练和比赛。",
    ),
    (
        "service-robot",
        "服务机器人应用技术员",
        "服务机器人应用技术员赛项依据服务机器人应用技术员S真实工作流程、任务及要求精心设计竞赛内容，着重考查选手在服务机器人领域的工程技术实操能力、操作规范性以及创新创意表现，全方位检验参赛选手的综合职业素养。",
    ),
    (
        "genai-operator",
        "生成式人工智能系统应用员",
        "生成式人工智能系统应用员赛项依据生成式人工智能系统应用员S真实工作流程、任务及要求精心设计竞赛内容，着重考查选手在生成式人工智能领域的工程技术实操能力、操作规范性以及创新创意表现，全方位检验参赛选手的综合职业素养。",
    ),
];

const STAFF_ELIGIBILITY: &str = "具有赛项相关工作经历的从业人员，以及从事相关专业工作的在职人员，思想品德优秀，具备较高的相关专业技术技能水平，学习能力较强，身体素质好，具备较好的心理素质和较强的应变能力。";
const STUDENT_ELIGIBILITY: &str = "各类高等院校和职业院校（含高职、中职、技校等）的全日制在籍学生，思想品德优秀，具备较高的相关专业技术技能水平，学习能力较强，身体素质好，具备较好的心理素质和较强的应变能力。";
const AWARD_RULE: &str = "参加选拔赛决赛人数须在20人以上，不足20人的，选手成绩只作为参加国家级竞赛选拔的依据，不给予相关选手竞赛奖励，但择优推荐参加全国比赛。";

// ---------------------------------------------------------------------------------------------------
// 1. The real seed, page by page.

#[test]
fn home_page_is_the_covering_notice() {
    let (_contest, site) = built_seed();
    let home = site.page("index.html");
    assert_eq!(home.html.root_element().value().attr("lang"), Some("zh-CN"));
    home.has("h1", NOTICE_TITLE);
    home.has("article p.recipients", RECIPIENTS);
    home.has("article p", NOTICE_BODY);
    home.has("article p.signature", "天津市人力资源和社会保障局");
    home.has("article p.date", "2025年10月16日");
    home.has("article p.note", "（此件主动公开）");
    home.shows(
        "article .meta",
        &["发布时间：", "2025-10-16", "来源：", "市人社局"],
    );
    home.shows(
        "main",
        &[
            "2025年10月31日（星期五）前",
            "另行通知",
            HOST,
            "职工（含教师）组",
            "学生组",
        ],
    );
    for (id, name, _) in TRACKS {
        home.has(&format!("main a[href='tracks/{id}.html']"), name);
    }
    home.has(
        &format!("main a[href='{SEED_NOTICE_PAGE}']"),
        SEED_NOTICE_TITLE,
    );
}

#[test]
fn plan_page_carries_the_whole_plan_of_the_seed() {
    let (_contest, site) = built_seed();
    let plan = site.page("plan.html");
    plan.has("h1", PLAN_TITLE);
    plan.shows(
        "article .meta",
        &["发布时间：", "2025-10-16", "来源：", "市人社局"],
    );
    for line in SEED_PLAN.lines().filter(|l| !l.trim().is_empty()) {
        plan.has("article h2, article h3, article p", line);
    }
    let headings = plan.texts("article h2");
    assert_eq!(
        headings,
        [
            "一、组织机构",
            "二、竞赛分组和参赛对象",
            "三、竞赛内容",
            "四、竞赛报名",
            "五、竞赛实施",
            "六、竞赛奖励",
            "七、相关说明"
        ],
        "section headings of plan.html"
    );
    plan.has("article p span.runin", "（一）报名时间。");
    plan.has(&format!("article a[href='mailto:{EMAIL}']"), EMAIL);
    assert_eq!(
        plan.texts("article .attachments li"),
        [ATTACHMENT_1, ATTACHMENT_2]
    );
    plan.shows(
        "article",
        &[
            "市级一类竞赛",
            "竞赛组委会",
            "监督仲裁委员会",
            "办公室设在市人社局职业能力建设处",
            "技术专家组",
            "津人社局函〔2025〕55号",
            "津人社局发〔2024〕5号",
            AWARD_RULE,
        ],
    );
}

#[test]
fn track_pages_show_each_track_its_groups_and_scoring() {
    let (_contest, site) = built_seed();
    let list = site.page("tracks/index.html");
    list.has("h1", "赛项设置");
    let names: Vec<&str> = TRACKS.iter().map(|t| t.1).collect();
    assert_eq!(list.texts("main section h2"), names);
    for (id, name, description) in TRACKS {
        list.has(&format!("main h2 a[href='{id}.html']"), name);
        list.has("main section p", description);
        list.has(
            "main section p",
            "组别：职工（含教师）组、学生组；均为单人赛项",
        );

        let page = site.page(&format!("tracks/{id}.html"));
        page.has("h1", &format!("{name}赛项"));
        page.has("article p", description);
        page.has(
            "article li a[href='../eligibility.html#group-staff']",
            "职工（含教师）组",
        );
        page.has(
            "article li a[href='../eligibility.html#group-student']",
            "学生组",
        );
        page.has("article p", "均为单人赛项。");
        page.has("table caption", &format!("{name}赛项成绩构成"));
        // On a phone the table scrolls sideways in its own labelled, focusable region, never the page.
        assert_eq!(
            page.attrs(
                "div.table-scroll[role=region][tabindex='0'] > table > caption",
                "id"
            ),
            ["scoring-caption"],
            "{id}"
        );
        assert_eq!(
            page.attrs("div.table-scroll", "aria-labelledby"),
            ["scoring-caption"]
        );
        assert_eq!(page.texts("table thead th[scope=col]").len(), 2, "{id}");
        assert_eq!(page.texts("table tbody td"), ["20%", "80%"], "{id}");
        assert_eq!(
            page.texts("table tbody th[scope=row]"),
            ["理论考试", "实操比赛"]
        );
        page.has("article p", "各组别的参赛选手按比赛总成绩排名决定名次。");
        page.has("article li", "报名截止：2025年10月31日（星期五）前");
        page.has("article li", "竞赛时间：另行通知（具体时间另行通知）");
        page.has("article li", &format!("竞赛地点：{HOST}"));
    }
}

#[test]
fn eligibility_page_shows_who_may_enter() {
    let (_contest, site) = built_seed();
    let page = site.page("eligibility.html");
    page.has("h1", "参赛对象");
    page.has("section h2#group-staff", "职工（含教师）组");
    page.has("section h2#group-student", "学生组");
    page.has("section[aria-labelledby=group-staff] p", STAFF_ELIGIBILITY);
    page.has(
        "section[aria-labelledby=group-staff] p",
        "具有全日制学籍的在校创业学生不得以职工身份参赛。",
    );
    page.has(
        "section[aria-labelledby=group-student] p",
        STUDENT_ELIGIBILITY,
    );
    page.has(
        "section[aria-labelledby=barred] p",
        "已获得“中华技能大奖”、“全国技术能手”等国家级荣誉及已获得“全国技术能手”申报资格的人员，不得以选手身份参加比赛。",
    );
    assert_eq!(
        page.texts("section[aria-labelledby=barred] li"),
        [
            "已获得“中华技能大奖”荣誉的人员",
            "已获得“全国技术能手”荣誉的人员",
            "已获得“全国技术能手”申报资格的人员"
        ]
    );
    page.has(
        "section[aria-labelledby=no-award] p",
        "获得“海河工匠”、“天津市技术能手”等荣誉的人员，符合相关规定的，可参加本市选拔赛，但获得名次后不享受相关竞赛奖励。",
    );
    assert_eq!(
        page.texts("section[aria-labelledby=no-award] li"),
        ["获得“海河工匠”荣誉的人员", "获得“天津市技术能手”荣誉的人员"]
    );
    page.has("section li", "每个参赛单位只可选派2人参加比赛。");
    page.has("section li", "每位参赛选手可以指定指导教师（教练）1名。");
}

#[test]
fn registration_page_shows_deadline_materials_costs_and_downloads() {
    let (_contest, site) = built_seed();
    let page = site.page("registration.html");
    page.has("h1", "竞赛报名");
    assert_eq!(
        page.attrs("[data-deadline]", "data-deadline"),
        ["2025-10-31T23:59:59+08:00"]
    );
    page.has(
        "[data-deadline] time[datetime='2025-10-31T23:59:59+08:00']",
        "2025年10月31日（星期五）",
    );
    page.has("[data-deadline] p", "报名截止：2025年10月31日（星期五）前");
    page.shows(
        "article ol",
        &[
            "选手报名表（附件1）",
            "裁判候选人推荐表（附件2）",
            "加盖公章后制扫描件",
            "选手身份证",
            "学籍或工作证明",
            "原职业资格或技能等级证书",
            "JPG格式",
            "2寸白色背景照片",
            "不低于2M",
        ],
    );
    page.has(&format!("article p a[href='mailto:{EMAIL}']"), EMAIL);
    page.shows("article p", &["开赛前3个工作日", "书面说明"]);
    page.has("article p", "每位参赛选手可以指定指导教师（教练）1名。");
    page.has("article p", "每个参赛单位只可选派2人参加比赛。");
    page.shows(
        "article ul li",
        &["不收取任何费用", "人身意外伤害保险", "由派员单位承担"],
    );
    // The downloads section lists the calendar with its real size.
    page.has("h2#downloads", "下载");
    let size = site.bytes("calendar.ics").len();
    let shown = if size < 1024 {
        format!("{size} B")
    } else {
        format!("{:.1} KB", size as f64 / 1024.0)
    };
    let item = page
        .texts("h2#downloads + ul li")
        .into_iter()
        .find(|t| t.contains("竞赛日程"))
        .expect("the downloads list names calendar.ics");
    assert!(
        item.contains(&shown),
        "`{item}` should give the size {shown}"
    );
    assert_eq!(
        page.attrs("h2#downloads + ul a", "href"),
        [
            "downloads/notice.pdf",
            "downloads/registration-form.pdf",
            "downloads/judge-form.pdf",
            "downloads/forms.zip",
            "calendar.ics"
        ]
    );
    for (href, label) in [
        (
            "downloads/registration-form.pdf",
            "附件1 2025年“海河工匠杯”技能大赛—第四届全国人工智能应用技术技能大赛天津选拔赛报名表",
        ),
        (
            "downloads/judge-form.pdf",
            "附件2 2025年“海河工匠杯”技能大赛—第四届全国人工智能应用技术技能大赛天津选拔赛裁判员推荐表",
        ),
        ("downloads/forms.zip", "全部表格"),
    ] {
        let size = site.bytes(href).len();
        let item = page
            .texts("h2#downloads + ul li")
            .into_iter()
            .find(|t| t.contains(label))
            .unwrap_or_else(|| panic!("the downloads list names {href}"));
        let shown = format!(
            "{:.1} {}",
            if size < 1 << 20 {
                size as f64 / 1024.0
            } else {
                size as f64 / 1048576.0
            },
            if size < 1 << 20 { "KB" } else { "MB" }
        );
        assert!(
            item.contains(&shown),
            "`{item}` should give the size {shown}"
        );
    }
    page.has("article ol li", &format!("附件1：{ATTACHMENT_1}"));
    page.has("article ol li", &format!("附件2：{ATTACHMENT_2}"));
}

/// Registration on an online platform in a window (`opens` to `deadline`), with no e-mail: the page links
/// the platform and shows the window, and says nothing of sending to a mailbox; the home page shows both;
/// calendar.ics has the window as one event with the platform's address.
#[test]
fn online_registration_in_a_window_is_linked_from_the_pages_and_the_calendar() {
    const URL: &str = "https://bm.example.cn/reg?contest=ai&year=2025";
    const PLATFORM: &str = "天津市职业技能竞赛报名系统";
    let contest = Contest::seed();
    contest.copy.replace(
        "content/contest.yaml",
        "  send_to: 技术组电子邮箱\n  email: lili2004@tute.edu.cn\n",
        &format!("  opens: 2025-10-20\n  online:\n    url: {URL}\n    name: {PLATFORM}\n"),
    );
    let site = contest.built();
    let page = site.page("registration.html");
    page.has(
        "[data-deadline] p",
        "报名时间：2025年10月20日（星期一）至2025年10月31日（星期五）",
    );
    assert_eq!(
        page.attrs("[data-opens]", "data-opens"),
        ["2025-10-20T00:00:00+08:00"]
    );
    assert_eq!(
        page.attrs("[data-register-url]", "data-register-url"),
        [URL]
    );
    page.has(
        "article p.register-online",
        &format!("网上报名：{PLATFORM}"),
    );
    assert_eq!(page.attrs("article a[rel='noopener']", "href"), [URL]);
    let article = page.texts("article").join(" ");
    for absent in ["邮箱", "发送至", "报名截止：", "mailto"] {
        assert!(
            !article.contains(absent),
            "the page says {absent:?}:\n{article}"
        );
    }
    assert_eq!(page.count("article a[href^='mailto:']"), 0);
    page.shows("article ol", &["选手报名表（附件1）"]);

    let home = site.page("index.html");
    home.has(
        "section.band li",
        "报名时间：2025年10月20日（星期一）至2025年10月31日（星期五）（报名须知）",
    );
    assert_eq!(
        home.attrs("section.band li a[rel='noopener']", "href"),
        [URL]
    );

    let ics = site.text("calendar.ics").replace("\r\n ", "");
    let window = ics
        .split("BEGIN:VEVENT\r\n")
        .find(|e| e.starts_with("UID:registration-window@"))
        .unwrap_or_else(|| panic!("no registration window event:\n{ics}"));
    for line in [
        "DTSTART;VALUE=DATE:20251020\r\n",
        "DTEND;VALUE=DATE:20251101\r\n",
        "SUMMARY:第四届全国人工智能应用技术技能大赛天津选拔赛 报名\r\n",
        &format!("URL:{URL}\r\n"),
    ] {
        assert!(
            window.contains(line),
            "the window event lacks {line:?}:\n{window}"
        );
    }
    assert!(
        window.contains(&format!("网上报名：{PLATFORM} {URL}")),
        "{window}"
    );
    // The schedule's stage `registration` (on the deadline) is the deadline event, not a third one.
    assert_eq!(ics.matches("BEGIN:VEVENT").count(), 2, "{ics}");
}

/// Postal and in-person submission beside the seed's e-mail: each channel is worded with its details.
#[test]
fn postal_and_in_person_registration_are_shown_with_their_details() {
    let contest = Contest::seed();
    contest.copy.replace(
        "content/contest.yaml",
        "  send_to: 技术组电子邮箱\n",
        "  send_to: 技术组电子邮箱\n  post:\n    address: 天津市河西区大沽南路1310号\n    postcode: \"300222\"\n    recipient: 李老师\n  in_person:\n    place: 电子工程学院101室\n    hours: 工作日9:00—17:00\n",
    );
    let page = contest.built().page("registration.html");
    page.has(&format!("article p a[href='mailto:{EMAIL}']"), EMAIL);
    page.has(
        "article p",
        "邮寄报名：请将以下材料寄至天津市河西区大沽南路1310号（邮政编码：300222），收件人：李老师。",
    );
    page.has(
        "article p",
        "现场报名：请将以下材料送至电子工程学院101室（受理时间：工作日9:00—17:00）。",
    );
    assert_eq!(page.count("[data-opens], [data-register-url]"), 0);
}

#[test]
fn contacts_page_and_every_footer_name_the_organiser_and_the_contact() {
    let (_contest, site) = built_seed();
    let page = site.page("contacts.html");
    page.has("article section h2", "李莉");
    page.has(&format!("article a[href='tel:{PHONE}']"), PHONE);
    page.has(&format!("article a[href='mailto:{EMAIL}']"), EMAIL);
    page.has("article dd", HOST);
    page.has(
        "article p",
        &format!("本次竞赛为市级一类竞赛，由市人社局主办，{HOST}承办。"),
    );
    page.has(
        "article li",
        "办公室（设在市人社局职业能力建设处）：负责竞赛综合组织协调等工作",
    );
    for path in site.html_pages() {
        let footer = site.page(&path);
        footer.shows(
            "footer",
            &["主办单位：市人社局", HOST, "李莉", PHONE, EMAIL],
        );
        footer.has(&format!("footer a[href='tel:{PHONE}']"), PHONE);
        footer.has(&format!("footer a[href='mailto:{EMAIL}']"), EMAIL);
    }
}

#[test]
fn notices_feed_sitemap_and_calendar_carry_the_seed_notice() {
    let (_contest, site) = built_seed();
    let list = site.page("notices/index.html");
    list.has(
        "ul.notices li a[href='../notices/2025-10-16-plan-issued.html']",
        SEED_NOTICE_TITLE,
    );
    let notice = site.page(SEED_NOTICE_PAGE);
    notice.has("h1", SEED_NOTICE_TITLE);
    notice.shows(
        "article .meta",
        &["发布时间：", "2025-10-16", "来源：", "市人社局"],
    );
    notice.shows(
        "article p",
        &["报名截止时间为2025年10月31日（星期五）", "均为单人赛项"],
    );

    let feed = parse_xml(&site.text("feed.xml")).expect("feed.xml is well-formed XML");
    assert_eq!(feed[0].path, "feed");
    assert_eq!(feed[0].attr("xmlns"), Some("http://www.w3.org/2005/Atom"));
    for required in ["feed/id", "feed/title", "feed/updated"] {
        assert!(feed.iter().any(|e| e.path == required), "{required}");
    }
    let entry_titles: Vec<&str> = feed
        .iter()
        .filter(|e| e.path == "feed/entry/title")
        .map(|e| e.text.as_str())
        .collect();
    assert_eq!(entry_titles, [SEED_NOTICE_TITLE]);
    let link = feed
        .iter()
        .find(|e| e.path == "feed/entry/link")
        .and_then(|e| e.attr("href"))
        .expect("the entry links to its page");
    assert!(link.ends_with(SEED_NOTICE_PAGE), "{link}");
    assert!(
        feed.iter()
            .any(|e| e.path == "feed/entry/updated" && e.text.starts_with("2025-10-16T"))
    );

    // Without `base_url` there is no address to put in a sitemap: it is not written (check warns).
    assert!(
        !site.out.join("sitemap.xml").exists(),
        "a sitemap with relative addresses"
    );

    let ics = site.text("calendar.ics");
    assert!(ics.starts_with("BEGIN:VCALENDAR\r\n"));
    assert!(ics.ends_with("END:VCALENDAR\r\n"));
    assert!(
        ics.split_inclusive('\n').all(|l| l.ends_with("\r\n")),
        "every line of calendar.ics ends in CRLF"
    );
    assert_eq!(ics.matches('\r').count(), ics.matches('\n').count());
    let unfolded = ics.replace("\r\n ", "");
    assert!(unfolded.contains("DTSTART;VALUE=DATE:20251031\r\n"));
    assert!(unfolded.contains("SUMMARY:第四届全国人工智能应用技术技能大赛天津选拔赛 报名截止\r\n"));
}

#[test]
fn links_inside_feed_entries_resolve_to_the_pages_they_name() {
    // A feed reader resolves a relative link in an entry against the `xml:base` in scope, else against
    // the address of feed.xml itself (RFC 4287 §2, XML Base), not against the notice page.
    let (_contest, site) = built_seed();
    let feed = parse_xml(&site.text("feed.xml")).expect("feed.xml is well-formed XML");
    let mut entry_base = None;
    let mut checked = 0;
    for element in &feed {
        match element.path.as_str() {
            "feed/entry" => entry_base = element.attr("xml:base"),
            "feed/entry/content" => {
                let bases = [
                    feed[0].attr("xml:base"),
                    entry_base,
                    element.attr("xml:base"),
                ];
                let base = bases
                    .into_iter()
                    .flatten()
                    .fold("feed.xml".to_string(), |base, next| {
                        resolve(&base, next).expect("xml:base stays inside the site")
                    });
                let html = scraper::Html::parse_fragment(&element.text);
                let links = scraper::Selector::parse("[href], [src]").unwrap();
                for link in html.select(&links) {
                    let url = link.attr("href").or(link.attr("src")).unwrap();
                    site.assert_resolves(&base, url);
                    checked += 1;
                }
            }
            _ => {}
        }
    }
    assert!(checked > 0, "the seed notice links to registration.html");
}

#[test]
fn the_xml_checker_rejects_malformed_documents() {
    let ok = "<?xml version=\"1.0\"?>\n<a x=\"1\"><b>t &amp; &#x4E2D;</b><c/></a>\n";
    let elements = parse_xml(ok).unwrap();
    assert_eq!(elements[1].path, "a/b");
    assert_eq!(elements[1].text, "t & 中");
    for bad in [
        "<a></a>",
        "<?xml version=\"1.0\"?><a><b></a></b>",
        "<?xml version=\"1.0\"?><a x=1></a>",
        "<?xml version=\"1.0\"?><a>AT&T</a>",
        "<?xml version=\"1.0\"?><a>&nbsp;</a>",
        "<?xml version=\"1.0\"?><a></a><b></b>",
        "<?xml version=\"1.0\"?><a>",
    ] {
        assert!(parse_xml(bad).is_err(), "accepted {bad}");
    }
}

#[test]
fn with_a_base_url_the_sitemap_lists_every_page_by_absolute_address() {
    let contest = Contest::seed();
    contest.set_base_url("https://example.cn/ai-2025/");
    let site = contest.built();
    let sitemap = parse_xml(&site.text("sitemap.xml")).expect("sitemap.xml is well-formed XML");
    let mut listed: Vec<String> = sitemap
        .iter()
        .filter(|e| e.path == "urlset/url/loc")
        .map(|e| e.text.clone())
        .collect();
    listed.sort();
    let mut expected: Vec<String> = site
        .html_pages()
        .into_iter()
        .filter(|p| p != "404.html")
        .map(|p| format!("https://example.cn/ai-2025/{p}"))
        .collect();
    expected.sort();
    assert_eq!(
        listed, expected,
        "sitemap.xml lists every page but 404.html"
    );
    let feed = site.text("feed.xml");
    assert!(
        feed.contains("href=\"https://example.cn/ai-2025/notices/2025-10-16-plan-issued.html\""),
        "{feed}"
    );
    let not_found = site.page("404.html");
    assert!(
        not_found
            .attrs("a[href]", "href")
            .iter()
            .any(|h| h == "https://example.cn/ai-2025/index.html")
    );
}

#[test]
fn every_seed_page_is_sound_and_every_link_resolves() {
    let (_contest, site) = built_seed();
    let pages = site.html_pages();
    for expected in [
        "index.html",
        "plan.html",
        "tracks/index.html",
        "tracks/ai-trainer.html",
        "tracks/service-robot.html",
        "tracks/genai-operator.html",
        "eligibility.html",
        "registration.html",
        "contacts.html",
        "notices/index.html",
        SEED_NOTICE_PAGE,
        "404.html",
    ] {
        assert!(pages.iter().any(|p| p == expected), "{expected} is built");
    }
    // The results filter's script comes only with results, which the seed has not.
    let files = site.files();
    assert!(files.iter().any(|f| f == "countdown.js"), "{files:?}");
    assert!(!files.iter().any(|f| f == "results-filter.js"), "{files:?}");
    site.assert_sound();
}

#[test]
fn nothing_is_set_in_italics() {
    let (_contest, site) = built_seed();
    let css = site.text("style.css").to_ascii_lowercase();
    let css: String = css
        .split("/*")
        .map(|part| part.split_once("*/").map_or(part, |(_, after)| after))
        .flat_map(str::split_whitespace)
        .collect();
    assert!(!css.contains("font-style:italic"), "style.css sets italics");
    assert!(
        !css.contains("font-style:oblique"),
        "style.css sets oblique"
    );
    // Browsers italicise these by default; the style sheet must set them upright.
    let rule = css
        .split('}')
        .find(|rule| rule.contains("font-style:normal"))
        .expect("a rule sets font-style: normal");
    let selectors = rule.split('{').next().unwrap_or_default();
    for tag in ["em", "i", "cite", "dfn", "var", "address"] {
        assert!(
            selectors.split(',').any(|s| s == tag),
            "`{tag}` is not set upright"
        );
    }
    for path in site.html_pages() {
        assert!(
            !site.text(&path).to_ascii_lowercase().contains("italic"),
            "{path}"
        );
    }
}

// ---------------------------------------------------------------------------------------------------
// 2. Escaping and link safety.

#[test]
fn hostile_notice_is_shown_as_text() {
    let contest = Contest::seed();
    contest.write_notice(
        "evil.md",
        "---\ntitle: <script>alert(1)</script>\ndate: 2025-10-20\nsource: '\"><img src=x onerror=alert(1)>'\n---\n\n\
         <script>alert(2)</script>\n\n文字 <img src=x onerror=alert(3)>\n\n\
         [x](javascript:alert(4)) [y](JAVASCRIPT:alert(5))\n",
    );
    let site = contest.built();
    for path in site.files() {
        let text = String::from_utf8_lossy(&site.bytes(&path)).to_lowercase();
        for bad in ["<script>alert", "<img src=x", "href=\"javascript:"] {
            assert!(!text.contains(bad), "{path} contains `{bad}`");
        }
    }
    let title = "<script>alert(1)</script>";
    let page = site.page("notices/evil.html");
    page.has("h1", title);
    page.has("article .meta dd", "\"><img src=x onerror=alert(1)>");
    page.has("article p", "<script>alert(2)</script>");
    page.has("article p", "文字 <img src=x onerror=alert(3)>");
    page.has("article p", "x y");
    site.page("notices/index.html")
        .has("ul.notices li a[href='../notices/evil.html']", title);
    site.page("index.html")
        .has("ul.notices li a[href='notices/evil.html']", title);
    for path in site.html_pages() {
        let page = site.page(&path);
        for element in page.html.root_element().descendent_elements() {
            for (name, value) in element.value().attrs() {
                assert!(!name.starts_with("on"), "{path}: {name}={value}");
                assert!(
                    !value.to_ascii_lowercase().trim().starts_with("javascript:"),
                    "{path}: {name}={value}"
                );
            }
        }
        for src in page.attrs("script", "src") {
            assert!(
                [
                    "countdown.js",
                    "search-index.js",
                    "search.js",
                    "results-filter.js"
                ]
                .iter()
                .any(|s| src.ends_with(&format!("/{s}")) || src == *s),
                "{path}: unexpected script {src}"
            );
        }
        assert_eq!(
            page.texts("script")
                .iter()
                .filter(|t| !t.is_empty())
                .count(),
            0,
            "{path}: inline script"
        );
    }
    parse_xml(&site.text("feed.xml")).expect("feed.xml stays well-formed");
    site.assert_sound();
}

// ---------------------------------------------------------------------------------------------------
// 3.–5. Determinism, atomicity, output safety.

#[test]
fn two_builds_of_the_same_content_are_byte_identical() {
    let contest = Contest::seed();
    // More than 64 notices, so the notices are rendered on two threads.
    contest.generate_notices(70);
    let a = contest.copy.tmp().join("out-a");
    let b = contest.copy.tmp().join("out-b");
    contest.build_into(&a).success();
    contest.build_into(&b).success();
    let (a, b) = (tree(&a), tree(&b));
    assert!(a.len() > 80, "{} files", a.len());
    assert_eq!(
        a.keys().collect::<Vec<_>>(),
        b.keys().collect::<Vec<_>>(),
        "file sets differ"
    );
    for (path, bytes) in &a {
        assert!(bytes == &b[path], "{path} differs between builds");
    }
}

#[test]
fn failed_build_leaves_the_previous_output_untouched() {
    let contest = Contest::seed();
    let site = contest.built();
    let before = tree(&site.out);

    let yaml_path = contest.dir.join("content/contest.yaml");
    let yaml = std::fs::read_to_string(&yaml_path).unwrap();
    let site_line = yaml.lines().position(|l| l == "site:").unwrap() + 1;
    std::fs::write(
        &yaml_path,
        yaml.replacen("site:\n", "site:\n  colour_scheme: red\n", 1),
    )
    .unwrap();
    let output = contest.build().failure().get_output().clone();
    let stderr = String::from_utf8_lossy(&output.stderr);
    let place = format!("contest.yaml:{}:3", site_line + 1);
    assert!(
        stderr.contains(&place),
        "stderr should name `{place}`:\n{stderr}"
    );
    assert!(stderr.contains("colour_scheme"), "{stderr}");

    assert_eq!(tree(&site.out), before, "a failed build changed the output");
}

#[test]
fn unsafe_output_folders_are_refused_without_touching_anything() {
    let contest = Contest::seed();
    contest.built();
    let root_manifest = Path::new("/.jingsai-manifest").exists();
    let before = tree(contest.copy.tmp());
    let refused = [
        contest.dir.clone(),
        contest.dir.join("content"),
        contest.dir.join("content/../content"),
        contest.copy.tmp().to_path_buf(),
        "/".into(),
    ];
    for output in refused {
        let result = contest.build_into(&output).failure();
        let stderr = String::from_utf8_lossy(&result.get_output().stderr).into_owned();
        assert!(
            stderr.contains("refusing"),
            "`--output {}`:\n{stderr}",
            output.display()
        );
        assert_eq!(
            tree(contest.copy.tmp()),
            before,
            "`--output {}` changed files",
            output.display()
        );
    }
    assert_eq!(Path::new("/.jingsai-manifest").exists(), root_manifest);
}

// ---------------------------------------------------------------------------------------------------
// 6.–7. Pagination and Chinese line joining.

#[test]
fn forty_five_notices_make_three_linked_pages_of_twenty_twenty_and_five() {
    let contest = Contest::seed();
    std::fs::remove_dir_all(contest.dir.join("content/notices")).unwrap();
    contest.generate_notices(45);
    let site = contest.built();
    let pages = [
        "notices/index.html",
        "notices/page/2.html",
        "notices/page/3.html",
    ];
    assert!(!site.out.join("notices/page/4.html").exists());
    let mut seen = Vec::new();
    for (i, path) in pages.iter().enumerate() {
        let page = site.page(path);
        let items = page.attrs("ul.notices li a", "href");
        assert_eq!(items.len(), [20, 20, 5][i], "{path}");
        seen.extend(items.iter().map(|href| resolve(path, href).unwrap()));
        let prev = page.attrs("nav.pagination a[rel=prev]", "href");
        let next = page.attrs("nav.pagination a[rel=next]", "href");
        let resolved = |hrefs: Vec<String>| -> Vec<String> {
            hrefs.iter().map(|h| resolve(path, h).unwrap()).collect()
        };
        let expect = |j: Option<usize>| -> Vec<String> {
            j.and_then(|j| pages.get(j))
                .map(|p| p.to_string())
                .into_iter()
                .collect()
        };
        assert_eq!(resolved(prev), expect(i.checked_sub(1)), "{path} prev");
        assert_eq!(resolved(next), expect(Some(i + 1)), "{path} next");
        page.has("nav.pagination [aria-current=page]", &(i + 1).to_string());
    }
    // Every notice exactly once, newest first.
    let expected: Vec<String> = (1..=45)
        .rev()
        .map(|n| format!("notices/n{n:02}.html"))
        .collect();
    assert_eq!(seen, expected);
    site.assert_sound();
}

#[test]
fn a_line_break_between_chinese_characters_adds_no_space() {
    let contest = Contest::seed();
    contest.write_notice(
        "soft-break.md",
        "---\ntitle: 报名时间提醒\ndate: 2025-10-20\nsource: 市人社局\n---\n\n报名截止时间为\n十月三十一日。\n",
    );
    let site = contest.built();
    let page = site.page("notices/soft-break.html");
    page.has("article p", "报名截止时间为十月三十一日。");
    assert!(
        site.text("notices/soft-break.html")
            .contains("报名截止时间为十月三十一日")
    );
    let description = page.attrs("meta[name=description]", "content");
    assert_eq!(description, ["报名截止时间为十月三十一日。"]);
}

#[test]
fn a_notice_table_scrolls_in_its_own_region_on_the_page_and_stays_plain_in_the_feed() {
    let contest = Contest::seed();
    contest.write_notice(
        "units.md",
        "---\ntitle: 参赛单位名单\ndate: 2025-10-21\nsource: 市人社局\n---\n\n| 序号 | 参赛单位 | 赛项 |\n|---|---|---|\n| 1 | 天津中科智能识别产业技术研究院 | 人工智能训练师 |\n",
    );
    let site = contest.built();
    let page = site.page("notices/units.html");
    assert_eq!(
        page.attrs("article div.table-scroll[role=region]", "aria-label"),
        ["表格1"]
    );
    page.has(
        "article div.table-scroll[tabindex='0'] > table td",
        "天津中科智能识别产业技术研究院",
    );
    let feed = site.text("feed.xml");
    assert!(feed.contains("&lt;table&gt;"), "the feed carries the table");
    assert!(!feed.contains("table-scroll"), "the feed has no wrapper");
    site.assert_sound();
}

// ---------------------------------------------------------------------------------------------------

mod common {
    use crate::support::ContestCopy;
    use assert_cmd::assert::{Assert, OutputAssertExt};
    use scraper::{Html, Selector};
    use std::collections::BTreeMap;
    use std::path::{Path, PathBuf};

    /// The seed contest, built; keep the contest alive as long as the site is read.
    pub(crate) fn built_seed() -> (Contest, Site) {
        let contest = Contest::seed();
        let site = contest.built();
        (contest, site)
    }

    /// A copy of the repository's contest in a temporary folder (`support::contest_copy`).
    pub(crate) struct Contest {
        pub(crate) copy: ContestCopy,
        pub(crate) dir: PathBuf,
    }

    impl Contest {
        pub(crate) fn seed() -> Contest {
            let copy = crate::support::contest_copy();
            let dir = copy.path().to_path_buf();
            Contest { copy, dir }
        }

        pub(crate) fn set_base_url(&self, url: &str) {
            let path = self.dir.join("content/contest.yaml");
            let yaml = std::fs::read_to_string(&path).unwrap();
            assert!(yaml.contains("base_url: \"\""));
            std::fs::write(
                &path,
                yaml.replace("base_url: \"\"", &format!("base_url: \"{url}\"")),
            )
            .unwrap();
        }

        pub(crate) fn write_notice(&self, name: &str, text: &str) {
            std::fs::write(self.dir.join("content/notices").join(name), text).unwrap();
        }

        /// `count` notices `n01.md`, `n02.md`, …, one a day from 2025-09-01, so the last is the newest.
        pub(crate) fn generate_notices(&self, count: usize) {
            let folder = self.dir.join("content/notices");
            std::fs::create_dir_all(&folder).unwrap();
            for n in 1..=count {
                let (month, day) = [(9, 30), (10, 31), (11, 30), (12, 31)]
                    .iter()
                    .scan(0, |before, &(month, days)| {
                        let start = *before;
                        *before += days;
                        Some((month, start, days))
                    })
                    .find(|&(_, start, days)| n <= start + days)
                    .map(|(month, start, _)| (month, n - start))
                    .expect("at most 122 notices");
                let text = format!(
                    "---\ntitle: 第{n}号通知\ndate: 2025-{month:02}-{day:02}\nsource: 市人社局\n---\n\n第{n}号通知的正文。\n"
                );
                std::fs::write(folder.join(format!("n{n:02}.md")), text).unwrap();
            }
        }

        pub(crate) fn build(&self) -> Assert {
            self.command(None)
        }

        pub(crate) fn build_into(&self, output: &Path) -> Assert {
            self.command(Some(output))
        }

        fn command(&self, output: Option<&Path>) -> Assert {
            let mut cmd = crate::support::jingsai("build");
            cmd.current_dir(self.copy.tmp()).arg(&self.dir);
            if let Some(output) = output {
                cmd.arg("--output").arg(output);
            }
            cmd.assert()
        }

        /// Builds into `<contest>/output`, which must succeed.
        pub(crate) fn built(&self) -> Site {
            self.build().success();
            Site {
                out: self.dir.join("output"),
            }
        }
    }

    /// A built site on disk.
    pub(crate) struct Site {
        pub(crate) out: PathBuf,
    }

    impl Site {
        pub(crate) fn bytes(&self, path: &str) -> Vec<u8> {
            std::fs::read(self.out.join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
        }

        pub(crate) fn text(&self, path: &str) -> String {
            String::from_utf8(self.bytes(path)).unwrap()
        }

        pub(crate) fn page(&self, path: &str) -> Page {
            Page {
                path: path.to_string(),
                html: Html::parse_document(&self.text(path)),
            }
        }

        /// Every generated file (not the manifest), `/`-separated.
        pub(crate) fn files(&self) -> Vec<String> {
            tree(&self.out)
                .into_keys()
                .filter(|p| !p.ends_with('/') && !p.starts_with(".jingsai"))
                .collect()
        }

        pub(crate) fn html_pages(&self) -> Vec<String> {
            self.files()
                .into_iter()
                .filter(|p| p.ends_with(".html"))
                .collect()
        }

        /// Every page: `lang`, one `<h1>`, the landmarks, a skip link to `<main>`, and relative links to
        /// files (and ids) that exist.
        pub(crate) fn assert_sound(&self) {
            for path in self.html_pages() {
                let page = self.page(&path);
                let root = page.html.root_element();
                assert_eq!(root.value().attr("lang"), Some("zh-CN"), "{path}");
                assert!(!page.texts("head title")[0].is_empty(), "{path}: title");
                assert_eq!(page.count("h1"), 1, "{path}: <h1>");
                assert_eq!(page.count("main"), 1, "{path}: <main>");
                for landmark in ["header", "footer", "nav"] {
                    assert!(page.count(landmark) >= 1, "{path}: <{landmark}>");
                }
                let first_link = page.attrs("body a[href]", "href").remove(0);
                let main_id = page.attrs("main", "id").pop().unwrap_or_default();
                assert_eq!(
                    first_link,
                    format!("#{main_id}"),
                    "{path}: the first link skips to <main>"
                );
                for element in root.descendent_elements() {
                    for attr in ["href", "src"] {
                        if let Some(url) = element.value().attr(attr) {
                            self.assert_resolves(&path, url);
                        }
                    }
                }
            }
        }

        /// Asserts that `url`, found on the page `from`, names an existing file (and id) of the site.
        pub(crate) fn assert_resolves(&self, from: &str, url: &str) {
            let lower = url.to_ascii_lowercase();
            if ["http://", "https://", "mailto:", "tel:"]
                .iter()
                .any(|s| lower.starts_with(s))
            {
                return;
            }
            // A server shows the 404 page at any address, so its links start from the server root.
            let url = match url.strip_prefix('/') {
                Some(rest) if from == "404.html" => rest,
                _ => url,
            };
            let from = if from == "404.html" {
                "index.html"
            } else {
                from
            };
            assert!(!url.starts_with('/'), "{from}: absolute link `{url}`");
            let first = url.split(['/', '?', '#']).next().unwrap_or_default();
            assert!(!first.contains(':'), "{from}: link with a scheme `{url}`");
            let (path, fragment) = url.split_once('#').unwrap_or((url, ""));
            let path = path.split('?').next().unwrap_or_default();
            let target = if path.is_empty() {
                from.to_string()
            } else {
                resolve(from, path).unwrap_or_else(|| panic!("{from}: `{url}` leaves the site"))
            };
            assert!(
                self.out.join(&target).is_file(),
                "{from}: `{url}` points to missing `{target}`"
            );
            if !fragment.is_empty() {
                let ids = self.page(&target).attrs("[id]", "id");
                assert!(
                    ids.iter().any(|id| id == fragment),
                    "{from}: `{url}`: no id `{fragment}` in `{target}`"
                );
            }
        }
    }

    /// `href` relative to the page `from`, as a path from the site's top folder; `None` if it climbs out.
    pub(crate) fn resolve(from: &str, href: &str) -> Option<String> {
        let mut parts: Vec<&str> = from.split('/').collect();
        parts.pop();
        for part in href.split('/') {
            match part {
                "." | "" => {}
                ".." => {
                    parts.pop()?;
                }
                other => parts.push(other),
            }
        }
        Some(parts.join("/"))
    }

    /// One parsed HTML page.
    pub(crate) struct Page {
        pub(crate) path: String,
        pub(crate) html: Html,
    }

    impl Page {
        fn select(&self, css: &str) -> Vec<scraper::ElementRef<'_>> {
            let selector = Selector::parse(css).unwrap_or_else(|e| panic!("`{css}`: {e:?}"));
            self.html.select(&selector).collect()
        }

        pub(crate) fn count(&self, css: &str) -> usize {
            self.select(css).len()
        }

        /// The visible text of each matching element, whitespace collapsed.
        pub(crate) fn texts(&self, css: &str) -> Vec<String> {
            self.select(css)
                .iter()
                .map(|e| normalise(&e.text().collect::<String>()))
                .collect()
        }

        pub(crate) fn attrs(&self, css: &str, attr: &str) -> Vec<String> {
            self.select(css)
                .iter()
                .filter_map(|e| e.value().attr(attr).map(str::to_string))
                .collect()
        }

        /// Asserts that some element matching `css` has exactly the text `wanted`.
        pub(crate) fn has(&self, css: &str, wanted: &str) {
            let wanted = normalise(wanted);
            let texts = self.texts(css);
            assert!(
                texts.contains(&wanted),
                "{}: no `{css}` reads\n  {wanted}\nfound:\n  {}",
                self.path,
                texts.join("\n  ")
            );
        }

        /// Asserts that the text of the elements matching `css` contains every one of `needles`.
        pub(crate) fn shows(&self, css: &str, needles: &[&str]) {
            let text = self.texts(css).join(" ");
            for needle in needles {
                assert!(
                    text.contains(&normalise(needle)),
                    "{}: `{css}` does not show `{needle}`:\n{text}",
                    self.path
                );
            }
        }
    }

    pub(crate) fn normalise(text: &str) -> String {
        text.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    /// Every file and folder under `dir` (folders end in `/` and have no bytes), by relative path.
    pub(crate) fn tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
        fn walk(dir: &Path, prefix: &str, out: &mut BTreeMap<String, Vec<u8>>) {
            let Ok(entries) = std::fs::read_dir(dir) else {
                return;
            };
            for entry in entries {
                let entry = entry.unwrap();
                let name = format!("{prefix}{}", entry.file_name().to_string_lossy());
                if entry.file_type().unwrap().is_dir() {
                    out.insert(format!("{name}/"), Vec::new());
                    walk(&entry.path(), &format!("{name}/"), out);
                } else {
                    out.insert(name, std::fs::read(entry.path()).unwrap());
                }
            }
        }
        let mut out = BTreeMap::new();
        walk(dir, "", &mut out);
        out
    }

    /// One element of a small XML document: its path from the root (`feed/entry/title`), its attributes
    /// and its own text, entities decoded.
    #[derive(Debug)]
    pub(crate) struct XmlElement {
        pub(crate) path: String,
        pub(crate) attrs: Vec<(String, String)>,
        pub(crate) text: String,
    }

    impl XmlElement {
        pub(crate) fn attr(&self, name: &str) -> Option<&str> {
            self.attrs
                .iter()
                .find(|(n, _)| n == name)
                .map(|(_, v)| v.as_str())
        }
    }

    /// Parses XML strictly enough to reject what is not well-formed: a declaration, one root, balanced
    /// tags, quoted attributes, only predefined or numeric entities. Elements come in document order.
    pub(crate) fn parse_xml(text: &str) -> Result<Vec<XmlElement>, String> {
        let mut rest = text
            .strip_prefix("<?xml ")
            .and_then(|r| r.split_once("?>"))
            .ok_or("no XML declaration")?
            .1;
        let (mut out, mut open, mut roots) = (Vec::<XmlElement>::new(), Vec::<usize>::new(), 0);
        loop {
            let (before, after) = rest.split_once('<').unwrap_or((rest, ""));
            let chars = decode(before)?;
            match open.last() {
                Some(&i) => out[i].text.push_str(&chars),
                None if chars.trim().is_empty() => {}
                None => return Err(format!("text outside the root: {chars}")),
            }
            if after.is_empty() {
                break;
            }
            if let Some(r) = after.strip_prefix("!--") {
                rest = r.split_once("-->").ok_or("unclosed comment")?.1;
                continue;
            }
            let (tag, r) = after.split_once('>').ok_or("unclosed tag")?;
            rest = r;
            if let Some(name) = tag.strip_prefix('/') {
                let i = open.pop().ok_or(format!("`</{name}>` closes nothing"))?;
                if out[i].path.rsplit('/').next() != Some(name.trim()) {
                    return Err(format!("`</{name}>` closes `{}`", out[i].path));
                }
                continue;
            }
            let empty = tag.ends_with('/');
            let tag = tag.trim_end_matches('/');
            let (name, mut attrs_text) = tag.split_once(char::is_whitespace).unwrap_or((tag, ""));
            check_name(name)?;
            let mut attrs = Vec::new();
            while let Some((key, value)) = attrs_text.trim_start().split_once('=') {
                let key = key.trim();
                check_name(key)?;
                let value = value.trim_start();
                let quote = value.chars().next().filter(|q| *q == '"' || *q == '\'');
                let quote = quote.ok_or(format!("unquoted attribute `{key}`"))?;
                let (value, r) = value[1..]
                    .split_once(quote)
                    .ok_or(format!("unclosed attribute `{key}`"))?;
                attrs.push((key.to_string(), decode(value)?));
                attrs_text = r;
            }
            if !attrs_text.trim().is_empty() {
                return Err(format!("stray `{attrs_text}` in `<{tag}>`"));
            }
            if open.is_empty() {
                roots += 1;
            }
            let path = match open.last() {
                Some(&i) => format!("{}/{name}", out[i].path),
                None => name.to_string(),
            };
            out.push(XmlElement {
                path,
                attrs,
                text: String::new(),
            });
            if !empty {
                open.push(out.len() - 1);
            }
        }
        if let Some(&i) = open.last() {
            return Err(format!("`{}` is not closed", out[i].path));
        }
        if roots != 1 {
            return Err(format!("{roots} root elements"));
        }
        Ok(out)
    }

    fn check_name(name: &str) -> Result<(), String> {
        let ok = !name.is_empty()
            && name
                .chars()
                .all(|c| c.is_alphanumeric() || matches!(c, ':' | '-' | '_' | '.'));
        if ok {
            Ok(())
        } else {
            Err(format!("bad name `{name}`"))
        }
    }

    fn decode(text: &str) -> Result<String, String> {
        let mut out = String::new();
        let mut rest = text;
        while let Some((before, after)) = rest.split_once('&') {
            out.push_str(before);
            let (entity, r) = after
                .split_once(';')
                .ok_or(format!("bare `&` in `{text}`"))?;
            let c = match entity {
                "amp" => '&',
                "lt" => '<',
                "gt" => '>',
                "quot" => '"',
                "apos" => '\'',
                _ => entity
                    .strip_prefix("#x")
                    .map(|h| u32::from_str_radix(h, 16))
                    .or_else(|| entity.strip_prefix('#').map(str::parse))
                    .and_then(Result::ok)
                    .and_then(char::from_u32)
                    .ok_or(format!("unknown entity `&{entity};`"))?,
            };
            out.push(c);
            rest = r;
        }
        out.push_str(rest);
        Ok(out)
    }
}
