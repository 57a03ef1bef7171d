//! The pages made from contest.yaml alone: home, plan, tracks, contacts, the notice lists, the feed, the
//! registration page with its downloads, and the sitemap.

use super::notices::{FEED_ENTRIES, FeedEntry, NoticeItem};
use super::render_page;
use super::templates::PageTemplates;
use crate::diagnostics::Problems;
use crate::loaded::Loaded;
use crate::output::OutputMap;
use crate::views::{self, PageMeta};
use tera::Context;

/// The newest notices shown on the home page.
pub(super) const HOME_LATEST: usize = 5;

/// Renders pages into one output map, collecting every problem.
pub(super) struct Pages<'a> {
    pub(super) tera: &'a PageTemplates,
    pub(super) map: &'a mut OutputMap,
    pub(super) problems: &'a mut Problems,
}

impl Pages<'_> {
    pub(super) fn render(
        &mut self,
        template: &str,
        path: &str,
        root: &str,
        meta: PageMeta,
        ctx: Context,
    ) {
        match render_page(self.tera, template, path, root, &meta, ctx) {
            Ok(page) => self.map.insert(path, page),
            Err(problem) => self.problems.push(problem),
        }
    }

    pub(super) fn simple(
        &mut self,
        template: &str,
        path: &str,
        root: &str,
        title: &str,
        section: &'static str,
        ctx: Context,
    ) {
        let meta = PageMeta {
            title: title.to_string(),
            description: title.to_string(),
            section,
        };
        self.render(template, path, root, meta, ctx);
    }

    pub(super) fn home(&mut self, project: &Loaded, notices: &[NoticeItem]) {
        let c = &project.contest;
        let mut ctx = Context::new();
        ctx.insert("notice", &views::covering_notice(c));
        ctx.insert("plan_title", &c.plan.title);
        ctx.insert(
            "latest",
            &notices.iter().take(HOME_LATEST).collect::<Vec<_>>(),
        );
        let meta = PageMeta {
            title: c.notice.title.clone(),
            description: c.contest.name.clone(),
            section: "home",
        };
        self.render("index.html", "index.html", "", meta, ctx);
    }

    pub(super) fn plan(&mut self, project: &Loaded) {
        let c = &project.contest;
        let sections = views::plan_sections(c);
        let mut ctx = Context::new();
        ctx.insert(
            "plan",
            &serde_json::json!({
                "title": c.plan.title,
                "preamble": c.plan.preamble,
                "sections": sections,
                "date_iso": c.notice.date.value.iso(),
                "source": c.notice.issuer,
            }),
        );
        let meta = PageMeta {
            title: c.plan.title.clone(),
            description: c.plan.title.clone(),
            section: "plan",
        };
        self.render("plan.html", "plan.html", "", meta, ctx);
    }

    pub(super) fn tracks(&mut self, project: &Loaded) {
        let c = &project.contest;
        let names: Vec<&str> = c.tracks.iter().map(|t| t.name.as_str()).collect();
        let summary = format!("本次竞赛设{}等{}个赛项。", names.join("、"), names.len());
        let mut ctx = Context::new();
        ctx.insert("summary", &summary);
        self.simple(
            "tracks.html",
            "tracks/index.html",
            "../",
            "赛项设置",
            "tracks",
            ctx,
        );
        for track in views::tracks(c) {
            let mut ctx = Context::new();
            ctx.insert("track", &track);
            let meta = PageMeta {
                title: format!("{}赛项", track.name),
                description: track.description.to_string(),
                section: "tracks",
            };
            self.render(
                "track.html",
                &format!("tracks/{}.html", track.id),
                "../",
                meta,
                ctx,
            );
        }
    }

    pub(super) fn contacts(&mut self, project: &Loaded) {
        let o = &project.contest.organisation;
        let mut summary = format!(
            "本次竞赛为{}，由{}主办，{}承办",
            o.level, o.organiser, o.host
        );
        if !o.co_organisers.is_empty() {
            summary.push_str(&format!("，{}协办", o.co_organisers.join("、")));
        }
        summary.push('。');
        for role in crate::views::organisation_roles(&project.contest) {
            if role.label != "协办单位" {
                summary.push_str(&format!("{}：{}。", role.label, role.names));
            }
        }
        let bodies: Vec<String> = o
            .bodies
            .iter()
            .map(|b| {
                let mut text = b.name.value.clone();
                if let Some(location) = &b.location {
                    text.push_str(&format!("（设在{location}）"));
                }
                text.push_str(&format!("：{}", b.duty));
                text
            })
            .collect();
        let mut ctx = Context::new();
        ctx.insert(
            "organisation",
            &serde_json::json!({"summary": summary, "bodies": bodies}),
        );
        self.simple(
            "contacts.html",
            "contacts.html",
            "",
            "联系我们",
            "contacts",
            ctx,
        );
    }

    /// The list pages; `which(i)` says whether the page of index `i` (from 0) is rendered.
    pub(super) fn notices(
        &mut self,
        project: &Loaded,
        notices: &[NoticeItem],
        which: impl Fn(usize) -> bool,
    ) {
        let per_page = project.contest.notices_per_page();
        let chunks: Vec<&[NoticeItem]> = if notices.is_empty() {
            vec![&[]]
        } else {
            notices.chunks(per_page).collect()
        };
        let count = chunks.len();
        let href = |n: usize| {
            if n == 1 {
                "notices/index.html".to_string()
            } else {
                format!("notices/page/{n}.html")
            }
        };
        for (i, chunk) in chunks.iter().enumerate() {
            if !which(i) {
                continue;
            }
            let number = i + 1;
            let root = if number == 1 { "../" } else { "../../" };
            let pages: Vec<_> = (1..=count)
                .filter(|&n| {
                    count <= 15 || n <= 2 || n + 2 > count || n.abs_diff(number) <= 3_usize
                })
                .map(|n| serde_json::json!({"number": n, "href": href(n), "current": n == number}))
                .collect();
            let mut ctx = Context::new();
            ctx.insert("notices", chunk);
            ctx.insert(
                "pager",
                &serde_json::json!({
                    "current": number,
                    "pages": pages,
                    "prev": (number > 1).then(|| href(number - 1)),
                    "next": (number < count).then(|| href(number + 1)),
                }),
            );
            self.simple(
                "notices.html",
                &href(number),
                root,
                "通知公告",
                "notices",
                ctx,
            );
        }
    }

    pub(super) fn feed(&mut self, project: &Loaded, notices: &[FeedEntry<'_>]) {
        let c = &project.contest;
        let base = c.base_url();
        let absolute = |path: &str| match base {
            Some(base) => format!("{base}/{path}"),
            None => path.to_string(),
        };
        let id_prefix = match base {
            Some(base) => format!("{base}/"),
            None => format!("urn:jingsai:{:016x}:", fnv(c.contest.name.as_bytes())),
        };
        let stamp = |date: &str| format!("{date}T00:00:00+08:00");
        let entries: Vec<_> = notices
            .iter()
            .take(FEED_ENTRIES)
            .map(|n| {
                let path = format!("notices/{}.html", n.slug);
                serde_json::json!({
                    "title": n.title, "id": format!("{id_prefix}{path}"), "href": absolute(&path),
                    "updated": stamp(&n.date), "source": n.source, "summary": n.summary, "html": n.html,
                })
            })
            .collect();
        let updated = notices
            .iter()
            .map(|n| n.date.clone())
            .max()
            .unwrap_or_else(|| c.notice.date.value.iso())
            .max(c.notice.date.value.iso());
        let mut ctx = Context::new();
        ctx.insert(
            "feed",
            &serde_json::json!({
                "id": format!("{id_prefix}feed.xml"), "updated": stamp(&updated), "self_href": absolute("feed.xml"),
                "home_href": absolute("index.html"), "entries": entries,
            }),
        );
        self.simple("feed.xml", "feed.xml", "", "通知公告", "", ctx);
    }

    pub(super) fn registration(&mut self, project: &Loaded, labels: &[(String, String)]) {
        let c = &project.contest;
        let mut listed: Vec<(&str, String)> = labels
            .iter()
            .filter(|(p, _)| p.starts_with("downloads/"))
            .map(|(p, l)| (p.as_str(), l.clone()))
            .collect();
        listed.push((
            "calendar.ics",
            "竞赛日程（可导入手机或电脑日历）".to_string(),
        ));
        let downloads: Vec<_> = listed
            .into_iter()
            .filter_map(|(path, label)| {
                let bytes = self.map.get(path)?;
                let label = match label.strip_suffix(".xlsx") {
                    Some(name) => format!("{name}（电子表格，可用 Excel、WPS 填写）"),
                    None => label.trim_end_matches(".pdf").to_string(),
                };
                Some(views::DownloadView::new(path, &label, bytes.len()))
            })
            .collect();
        let r = &c.registration;
        let materials: Vec<_> = r
            .materials
            .iter()
            .map(|m| serde_json::json!({"name": m.name, "requirement": m.requirement}))
            .collect();
        let costs: Vec<&str> = [
            Some(c.costs.fee.as_str()),
            c.costs.insurance.as_deref(),
            c.costs.expenses.as_deref(),
        ]
        .into_iter()
        .flatten()
        .collect();
        let mut ctx = Context::new();
        ctx.insert("downloads", &downloads);
        ctx.insert("costs", &costs);
        ctx.insert("counts", &project.entry_counts);
        ctx.insert(
            "registration",
            &serde_json::json!({
                "procedure": r.procedure, "send_to": r.send_to.as_deref().unwrap_or("以下电子邮箱"),
                "email": r.email.as_ref().map(|e| e.value.as_str()), "materials": materials,
                "replacement": r.replacement.as_ref().map(|x| x.allowed.as_str()),
                "by_email": r.email.is_some() || r.send_to.is_some()
                    || (r.online.is_none() && r.post.is_none() && r.in_person.is_none()),
                "post": r.post.as_ref().map(|p| serde_json::json!({
                    "address": p.address, "postcode": p.postcode, "recipient": p.recipient,
                })),
                "in_person": r.in_person.as_ref().map(|p| serde_json::json!({"place": p.place, "hours": p.hours})),
            }),
        );
        self.simple(
            "registration.html",
            "registration.html",
            "",
            "竞赛报名",
            "registration",
            ctx,
        );
    }

    /// The page 报名情况, when the contest publishes its counts of entries and there is a roster.
    pub(super) fn entries(&mut self, project: &Loaded) {
        let Some(counts) = &project.entry_counts else {
            return;
        };
        let mut ctx = Context::new();
        ctx.insert("counts", counts);
        self.simple(
            "entries.html",
            "entries.html",
            "",
            "报名情况",
            "registration",
            ctx,
        );
    }

    pub(super) fn sitemap(&mut self, project: &Loaded, base: &str) {
        let dates: std::collections::HashMap<String, String> = project
            .notices
            .iter()
            .map(|n| (format!("notices/{}.html", n.slug), n.meta.date.iso()))
            .collect();
        let urls: Vec<_> = self
            .map
            .iter()
            .filter(|(path, _)| path.ends_with(".html") && *path != "404.html")
            .map(|(path, _)| {
                serde_json::json!({"loc": format!("{base}/{path}"), "lastmod": dates.get(path)})
            })
            .collect();
        let mut ctx = Context::new();
        ctx.insert("urls", &urls);
        self.simple("sitemap.xml", "sitemap.xml", "", "sitemap", "", ctx);
    }
}

/// FNV-1a, for stable ids that do not depend on the process.
fn fnv(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf29ce484222325, |hash, b| {
        (hash ^ u64::from(*b)).wrapping_mul(0x100000001b3)
    })
}
