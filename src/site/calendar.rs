//! The deadlines and dated stages as an iCalendar file (RFC 5545), for phones and desktop calendars.

use crate::model::Contest;
use crate::model::values::{Day, When};

/// Renders `calendar.ics`. Stages still "to be announced" are left out; the stamp is the notice date, so
/// the file is the same on every build.
pub(super) fn render(c: &Contest) -> String {
    let host = c.base_url().map(|u| {
        u.split("//")
            .nth(1)
            .unwrap_or(u)
            .split('/')
            .next()
            .unwrap_or("")
            .to_string()
    });
    let domain = host
        .filter(|h| !h.is_empty())
        .unwrap_or_else(|| "jingsai.invalid".to_string());
    let stamp = format!("{}T000000Z", c.notice.date.value.0.strftime("%Y%m%d"));
    let mut out = String::new();
    let mut line = |text: &str| fold_into(&mut out, text);
    line("BEGIN:VCALENDAR");
    line("VERSION:2.0");
    line("PRODID:-//jingsai//contest calendar//ZH");
    line("CALSCALE:GREGORIAN");
    line(&format!("X-WR-CALNAME:{}", escape(&c.contest.short_name)));
    line("X-WR-TIMEZONE:Asia/Shanghai");
    let deadline = &c.registration.deadline.value;
    let opens = c.registration.opens.as_ref().map(|o| o.value);
    let mut events = registration_events(c);
    for stage in &c.schedule {
        if let When::On(day) = stage.date.value {
            let until = stage.until.as_ref().map_or(day, |u| u.value);
            if stage.id.value.as_str() == "registration"
                && (day == deadline.day || (Some(day) == opens && until == deadline.day))
            {
                continue;
            }
            events.push(Event {
                id: stage.id.value.to_string(),
                summary: format!("{} {}", c.contest.short_name, stage.name),
                start: day,
                end: until,
                description: stage.note.clone().unwrap_or_default(),
                url: None,
            });
        }
    }
    for Event {
        id,
        summary,
        start,
        end,
        description,
        url,
    } in events
    {
        line("BEGIN:VEVENT");
        line(&format!("UID:{id}@{domain}"));
        line(&format!("DTSTAMP:{stamp}"));
        line(&format!(
            "DTSTART;VALUE=DATE:{}",
            start.0.strftime("%Y%m%d")
        ));
        line(&format!(
            "DTEND;VALUE=DATE:{}",
            end.0.tomorrow().unwrap_or(end.0).strftime("%Y%m%d")
        ));
        line(&format!("SUMMARY:{}", escape(&summary)));
        if !description.is_empty() {
            line(&format!("DESCRIPTION:{}", escape(&description)));
        }
        if let Some(url) = url {
            line(&format!("URL:{url}"));
        }
        line(&format!("LOCATION:{}", escape(&c.venue)));
        line("TRANSP:TRANSPARENT");
        line("END:VEVENT");
    }
    line("END:VCALENDAR");
    out
}

/// One all-day event, from `start` to `end` inclusive.
struct Event {
    id: String,
    summary: String,
    start: Day,
    end: Day,
    description: String,
    /// A web address for the event (the online registration platform), already checked to be http(s).
    url: Option<String>,
}

/// The registration deadline, and the registration window when it has a first day (`opens`); both carry
/// the online platform's address when there is one.
fn registration_events(c: &Contest) -> Vec<Event> {
    let r = &c.registration;
    let deadline = &r.deadline.value;
    let online = r.online.as_ref();
    let url = online.map(|o| o.url.value.trim().to_string());
    let with_online = |text: String| match online {
        Some(o) => format!("{text}\n网上报名：{} {}", o.name, o.url.value.trim()),
        None => text,
    };
    let mut events = vec![Event {
        id: "registration-deadline".into(),
        summary: format!("{} 报名截止", c.contest.short_name),
        start: deadline.day,
        end: deadline.day,
        description: with_online(
            r.deadline_text
                .as_ref()
                .map(|t| t.value.clone())
                .unwrap_or_else(|| format!("{}前", deadline.chinese())),
        ),
        url: url.clone(),
    }];
    if let Some(opens) = &r.opens {
        let opens = opens.value;
        events.push(Event {
            id: "registration-window".into(),
            summary: format!("{} 报名", c.contest.short_name),
            start: opens,
            end: deadline.day,
            description: with_online(format!(
                "报名时间：{}（{}）至{}",
                opens.chinese(),
                opens.weekday_chinese(),
                deadline.chinese()
            )),
            url,
        });
    }
    events
}

/// Escapes TEXT values: backslash, semicolon, comma and newlines.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends a content line folded at 75 octets without splitting a character, ending in CRLF.
fn fold_into(out: &mut String, text: &str) {
    let mut width = 0;
    for c in text.chars() {
        if width + c.len_utf8() > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += c.len_utf8();
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lines_fold_at_75_octets_on_character_boundaries() {
        let mut out = String::new();
        fold_into(&mut out, &format!("SUMMARY:{}", "天津选拔赛".repeat(10)));
        for line in out.split("\r\n") {
            assert!(line.len() <= 75, "{line}");
        }
        assert_eq!(
            out.replace("\r\n ", ""),
            format!("SUMMARY:{}\r\n", "天津选拔赛".repeat(10))
        );
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(escape("a,b;c\\d\ne"), "a\\,b\\;c\\\\d\\ne");
    }
}
