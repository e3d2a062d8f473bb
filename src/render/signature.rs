//! Email signatures, in the playbook only: for each person, HTML that pastes
//! into Outlook and Gmail as it looks (a table, every style inline, no
//! class, stylesheet or script, no picture but a logo at a full web
//! address), and the same as plain text.
//!
//! Everything in a signature is escaped here, and a link is written only
//! for an absolute address whose scheme the site allows: a signature is
//! read far from the playbook, where a relative link leads nowhere.

use super::contact::ContactCtx;
use super::context::{args, PageCtx};
use super::{escape_html, OutputFile, Renderer};
use crate::config::{Organisation, SIGNATURE_LOGO_WIDTH};
use crate::languages::interface::Speech;
use crate::routes;
use crate::Error;
use serde::Serialize;

/// Colours that read on the white of a message (WCAG AA on #ffffff).
/// The `internal` keys a signature takes its email and phone from, in
/// order of preference. Only these: a signature goes out in external mail,
/// and `internal` may also hold a personal or emergency number.
const SIGNATURE_KEYS: &[&str] = &[
    "email",
    "work_email",
    "phone",
    "work_phone",
    "mobile",
    "work_mobile",
];

const INK: &str = "#1c2628";
const MUTED: &str = "#434d51";
const ACCENT: &str = "#0c6b50";

/// What goes into one signature.
pub struct Details<'a> {
    pub name: &'a str,
    pub pronouns: Option<&'a str>,
    pub role: Option<&'a str>,
    pub team: Option<&'a str>,
    pub organisation: &'a Organisation,
    pub email: Option<ContactCtx>,
    pub phone: Option<ContactCtx>,
    /// The person's profile on the public hub, only when they are on it.
    pub profile: Option<Link<'a>>,
    pub call_to_action: Option<Link<'a>>,
    /// A logo at a full web address, and the width to show it at.
    pub logo: Option<(&'a str, u32)>,
}

pub struct Link<'a> {
    pub text: &'a str,
    pub url: &'a str,
}

/// One signature, both ways.
#[derive(Serialize, Debug, Clone, PartialEq)]
pub struct Signature {
    pub html: String,
    pub text: String,
}

/// `url` when it can be a link in a message: absolute, with a scheme the
/// site allows.
fn absolute(url: &str) -> Option<&str> {
    let url = url.trim();
    let scheme = url.split_once(':')?.0.to_ascii_lowercase();
    let allowed = routes::ALLOWED_SCHEMES.contains(&scheme.as_str());
    (allowed && routes::forbidden_scheme(url).is_none() && !url.contains(char::is_whitespace))
        .then_some(url)
}

/// Text for a plain-text signature: one line, without control characters.
fn line(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect::<String>()
        .trim()
        .to_string()
}

fn link_html(text: &str, url: &str, bold: bool) -> String {
    let weight = if bold { "font-weight:bold;" } else { "" };
    match absolute(url) {
        Some(url) => format!(
            "<a href=\"{}\" style=\"color:{ACCENT};text-decoration:underline;{weight}\">{}</a>",
            escape_html(url),
            escape_html(&line(text))
        ),
        None => escape_html(&line(text)),
    }
}

/// A signature as it is put together: a table row and a line of text at a time.
#[derive(Default)]
struct Lines {
    rows: String,
    text: Vec<String>,
}

impl Lines {
    /// One row of `style` holding `html`, and its plain-text line (none if empty).
    fn push(&mut self, style: &str, html: &str, text: String) {
        self.rows
            .push_str(&format!("<tr><td style=\"{style}\">{html}</td></tr>"));
        if !text.is_empty() {
            self.text.push(text);
        }
    }
}

/// The logo, if any, and the name with pronouns.
fn logo_and_name(d: &Details, org_name: &str, lines: &mut Lines) {
    if let Some((logo, width)) = d.logo.and_then(|(url, w)| Some((absolute(url)?, w))) {
        if logo.to_ascii_lowercase().starts_with("http") {
            let img = format!(
                "<img src=\"{}\" alt=\"{}\" width=\"{width}\" style=\"display:block;border:0;width:{width}px;height:auto;\">",
                escape_html(logo),
                escape_html(org_name)
            );
            lines.push("padding:0 0 8px 0;", &img, String::new());
        }
    }
    let name = line(d.name);
    let (html, text) = match d.pronouns.map(line).filter(|p| !p.is_empty()) {
        Some(p) => (
            format!(
                "{} <span style=\"font-weight:normal;color:{MUTED};\">({})</span>",
                escape_html(&name),
                escape_html(&p)
            ),
            format!("{name} ({p})"),
        ),
        None => (escape_html(&name), name),
    };
    let style = format!("padding:0;font-size:16px;font-weight:bold;color:{INK};");
    lines.push(&style, &html, text);
}

/// Words the signature itself says (the charity number) are in `speech`'s language.
pub fn signature(d: &Details, speech: &Speech) -> Signature {
    let mut lines = Lines::default();
    let org = d.organisation;
    let org_name = line(&org.name);
    logo_and_name(d, &org_name, &mut lines);
    let body = format!("padding:0;color:{INK};");
    let work: Vec<String> = [d.role, d.team]
        .into_iter()
        .flatten()
        .map(line)
        .filter(|t| !t.is_empty())
        .collect();
    if !work.is_empty() {
        lines.push(&body, &escape_html(&work.join(", ")), work.join(", "));
    }
    if !org_name.is_empty() {
        match org.url.as_deref().and_then(absolute) {
            Some(url) => lines.push(
                &body,
                &link_html(&org_name, url, true),
                format!("{org_name} · {url}"),
            ),
            None => lines.push(
                &body,
                &format!("<strong>{}</strong>", escape_html(&org_name)),
                org_name.clone(),
            ),
        }
    }
    let reach: Vec<&ContactCtx> = [&d.email, &d.phone].into_iter().flatten().collect();
    if !reach.is_empty() {
        let html: Vec<String> = reach
            .iter()
            .map(|c| link_html(&c.text, c.url.as_deref().unwrap_or(""), false))
            .collect();
        let text: Vec<String> = reach.iter().map(|c| line(&c.text)).collect();
        let style = format!("padding:4px 0 0 0;color:{INK};");
        lines.push(&style, &html.join(" &middot; "), text.join(" · "));
    }
    if let Some(url) = d.profile.as_ref().and_then(|p| absolute(p.url)) {
        let text = d.profile.as_ref().map_or("", |p| p.text);
        lines.push(
            &body,
            &link_html(text, url, false),
            format!("{}: {url}", line(text)),
        );
    }
    if let Some(cta) = &d.call_to_action {
        let text = match absolute(cta.url) {
            Some(url) => format!("{}: {url}", line(cta.text)),
            None => line(cta.text),
        };
        let style = format!("padding:8px 0 0 0;color:{INK};");
        lines.push(&style, &link_html(cta.text, cta.url, true), text);
    }
    if let Some(number) = org
        .charity_number
        .as_deref()
        .map(line)
        .filter(|n| !n.is_empty())
    {
        let note = match org_name.is_empty() {
            true => speech.text(
                "signature-charity-number",
                Some(&args(&[("number", &number)])),
            ),
            false => speech.text(
                "signature-charity",
                Some(&args(&[("org", &org_name), ("number", &number)])),
            ),
        };
        let style = format!("padding:8px 0 0 0;font-size:12px;line-height:16px;color:{MUTED};");
        lines.push(&style, &escape_html(&note), note);
    }
    Signature {
        html: format!(
            "<table role=\"presentation\" style=\"border-collapse:collapse;border-spacing:0;font-family:Arial,Helvetica,sans-serif;font-size:14px;line-height:24px;color:{INK};\"><tbody>{}</tbody></table>",
            lines.rows
        ),
        text: lines.text.join("\n"),
    }
}

/// One version of a person's signature on their signature page.
#[derive(Serialize)]
struct Version {
    id: &'static str,
    heading: String,
    /// Tells its copy buttons apart from the other version's, for screen
    /// readers ("with a call to action: ..."); empty when it is the only one.
    label: String,
    #[serde(flatten)]
    signature: Signature,
}

#[derive(Serialize)]
struct SignaturePage {
    name: String,
    /// On the public hub, so the signature links to the profile there.
    on_hub: bool,
    profile: String,
    campaign: Option<String>,
    versions: Vec<Version>,
}

#[derive(Serialize)]
struct SignatureEntry<'a> {
    name: &'a str,
    role: Option<&'a str>,
    url: String,
}

#[derive(Serialize)]
struct SignaturesIndex<'a> {
    people: Vec<SignatureEntry<'a>>,
}

impl Renderer<'_, '_> {
    /// Playbook: person `i`'s email signature, with the running campaign's
    /// call to action and without it.
    pub(super) fn signature_page(&self, i: usize) -> Result<OutputFile, Error> {
        let p = &self.view.people[i];
        let route = routes::signature(p.slug);
        let cfg = self.view.config;
        let on_hub = p.private.as_ref().is_some_and(|x| x.on_hub);
        let contacts = p
            .private
            .as_ref()
            .map(|x| self.contacts(x.internal, Some(SIGNATURE_KEYS)))
            .unwrap_or_default();
        let first = |scheme: &str| {
            contacts
                .iter()
                .find(|c| c.url.as_deref().is_some_and(|u| u.starts_with(scheme)))
                .cloned()
        };
        let profile_url = routes::person(p.slug).absolute(cfg.public_base());
        let profile_text = self.say("signature-my-profile", &[("site", cfg.title.trim())]);
        let campaign = self.view.running_campaign.map(|c| &self.view.campaigns[c]);
        let logo = cfg.signature.logo.as_deref().map(|url| {
            let width = cfg.signature.logo_width.unwrap_or(SIGNATURE_LOGO_WIDTH);
            (url, width.clamp(16, 600))
        });
        let details = |call_to_action| Details {
            name: p.name,
            pronouns: p.pronouns,
            role: p.role,
            team: p.team,
            organisation: &cfg.organisation,
            email: first("mailto:"),
            phone: first("tel:"),
            profile: on_hub.then(|| Link {
                text: &profile_text,
                url: &profile_url,
            }),
            call_to_action,
            logo,
        };
        let mut versions = Vec::new();
        if let Some((c, cta)) = campaign.and_then(|c| Some((c, c.cta?))) {
            versions.push(Version {
                id: "with-cta",
                heading: self.say("signature-with-cta", &[("campaign", c.title)]),
                label: self.say("signature-with-cta-label", &[("campaign", c.title)]),
                signature: signature(
                    &details(Some(Link {
                        text: &cta.text,
                        url: &cta.url,
                    })),
                    self.theme.speech(),
                ),
            });
        }
        let (heading, label) = match versions.is_empty() {
            true => (self.say("signature-yours", &[]), String::new()),
            false => (
                self.say("signature-without-cta", &[]),
                self.say("signature-without-cta-label", &[]),
            ),
        };
        versions.push(Version {
            id: "plain",
            heading,
            label,
            signature: signature(&details(None), self.theme.speech()),
        });
        let page = SignaturePage {
            name: p.name.to_string(),
            on_hub,
            profile: routes::person(p.slug).url().to_string(),
            campaign: campaign.map(|c| c.title.to_string()),
            versions,
        };
        let ctx = PageCtx::new(
            &self.site,
            &route,
            "people",
            self.say("signature-title", &[("name", p.name)]),
            page,
        );
        self.page("signature.html", &route, &ctx)
    }

    /// Playbook: everyone's signature page, in directory order.
    pub(super) fn signatures_index(&self) -> Result<OutputFile, Error> {
        let route = routes::signatures();
        let page = SignaturesIndex {
            people: self
                .view
                .people
                .iter()
                .map(|p| SignatureEntry {
                    name: p.name,
                    role: p.role,
                    url: routes::signature(p.slug).url().to_string(),
                })
                .collect(),
        };
        let ctx = PageCtx::new(
            &self.site,
            &route,
            "people",
            self.say("signatures-title", &[]),
            page,
        );
        self.page("signatures.html", &route, &ctx)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn org() -> Organisation {
        Organisation {
            name: "Riverside & Co <Trust>".into(),
            charity_number: Some("1234567".into()),
            url: Some("https://riverside.example/?a=1&b=2".into()),
        }
    }

    #[test]
    fn everything_is_escaped_and_only_absolute_allowed_links_are_written() {
        let org = org();
        let d = Details {
            name: "Zoë \"<b>\" O'Brien",
            pronouns: Some("she/her"),
            role: Some("Head of <Comms>"),
            team: None,
            organisation: &org,
            email: None,
            phone: None,
            profile: Some(Link {
                text: "My profile",
                url: "javascript:alert(1)",
            }),
            call_to_action: Some(Link {
                text: "Give",
                url: "/donate",
            }),
            logo: Some(("data:image/png;base64,AAAA", 120)),
        };
        let s = signature(&d, &Speech::builtin_english());
        assert!(
            !s.html.contains("<b>") && !s.html.contains("<Comms>"),
            "{}",
            s.html
        );
        assert!(s.html.contains("Zoë &quot;&lt;b&gt;&quot; O&#x27;Brien"));
        assert!(s
            .html
            .contains("href=\"https://riverside.example/?a=1&amp;b=2\""));
        assert!(!s.html.contains("javascript") && !s.html.contains("data:"));
        assert!(!s.html.contains("href=\"/donate\""));
        assert!(!s.html.contains("class=") && !s.html.contains("<script"));
        assert_eq!(
            s.text,
            "Zoë \"<b>\" O'Brien (she/her)\nHead of <Comms>\nRiverside & Co <Trust> · https://riverside.example/?a=1&b=2\nGive\nRiverside & Co <Trust> is a registered charity, number 1234567."
        );
    }

    #[test]
    fn a_logo_needs_a_web_address() {
        let org = org();
        let english = Speech::builtin_english();
        let with = |url| Details {
            name: "A",
            pronouns: None,
            role: None,
            team: None,
            organisation: &org,
            email: None,
            phone: None,
            profile: None,
            call_to_action: None,
            logo: Some((url, 90)),
        };
        let html = signature(&with("https://riverside.example/logo.png"), &english).html;
        assert!(html.contains("<img src=\"https://riverside.example/logo.png\" alt=\"Riverside &amp; Co &lt;Trust&gt;\" width=\"90\""));
        assert!(!signature(&with("mailto:a@b.example"), &english)
            .html
            .contains("<img"));
        assert!(!signature(&with("logo.png"), &english).html.contains("<img"));
    }
}
