//! The contest data handed to Typst as `/data.json`: everything the documents print, already in words.

use crate::model::Contest;
use crate::views;
use serde_json::{Value, json};

/// The JSON the built-in documents read with `json("/data.json")`. Its `qr` is the address a QR code on
/// the forms points to (only when the site has a `base_url`).
pub(super) fn contest_json(c: &Contest) -> Value {
    let sections = views::plan_sections(c);
    json!({
        "contest": { "name": c.contest.name, "short_name": c.contest.short_name },
        "notice": views::covering_notice(c),
        "plan": { "title": c.plan.title, "preamble": c.plan.preamble, "sections": sections },
        "tracks": c.tracks.iter().map(|t| json!({"id": t.id.value.as_str(), "name": t.name})).collect::<Vec<_>>(),
        "groups": c.groups.iter().map(|g| json!({
            "id": g.id.value.as_str(), "name": g.name, "full_name": g.full_name.as_deref().unwrap_or(&g.name),
        })).collect::<Vec<_>>(),
        "contacts": views::contacts(c),
        "roles": views::organisation_roles(c),
        "attachments": c.attachments.iter().map(|a| json!({
            "number": a.number.value, "title": a.title, "form": a.form.as_ref().map(|f| f.value.as_str()),
        })).collect::<Vec<_>>(),
        "deadline": c.registration.deadline.value.chinese(),
        "venue": c.venue,
        "qr": c.base_url().map(|base| format!("{base}/index.html")),
    })
}
