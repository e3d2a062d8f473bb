//! Sharing from public pages: share buttons (from the one table of
//! networks in `crate::sharing`), vCards and QR codes. Built from public
//! data only.

use serde::Serialize;

use crate::sharing;

/// One network's share button.
#[derive(Debug, Serialize, Clone)]
pub struct ShareLink {
    pub network: String,
    pub label: String,
    /// Empty for Mastodon, whose reader must name their own server first.
    pub url: String,
    pub needs_instance: bool,
}

/// The share button for a public page on `network`, from the one table of
/// networks (`crate::sharing`).
pub fn intent(network: &str, url: &str, text: &str, subject: &str) -> Option<ShareLink> {
    let n = sharing::network(network)?;
    let needs_instance = n.intent == sharing::Intent::None;
    Some(ShareLink {
        network: network.to_string(),
        label: n.label.into(),
        url: n
            .intent_url(&post_with_link(url, text), url, subject)
            .unwrap_or_default(),
        needs_instance,
    })
}

/// A page's post: its text with its address after it, unless the text
/// already carries it. Also what a Mastodon form posts.
pub fn post_with_link(url: &str, text: &str) -> String {
    if text.contains(url) {
        text.to_string()
    } else {
        format!("{text} {url}")
    }
}

/// A vCard 3.0 with public fields only, for "add to contacts" at events.
pub struct VCard<'a> {
    pub name: &'a str,
    pub role: Option<&'a str>,
    pub organisation: &'a str,
    pub url: &'a str,
    pub links: Vec<(&'a str, &'a str)>,
}

impl VCard<'_> {
    pub fn render(&self) -> String {
        let mut lines = vec!["BEGIN:VCARD".to_string(), "VERSION:3.0".to_string()];
        let (given, family) = match self.name.rsplit_once(' ') {
            Some((given, family)) => (given, family),
            None => (self.name, ""),
        };
        lines.push(format!("N:{};{};;;", vcard_text(family), vcard_text(given)));
        lines.push(format!("FN:{}", vcard_text(self.name)));
        if let Some(role) = self.role {
            lines.push(format!("TITLE:{}", vcard_text(role)));
        }
        if !self.organisation.is_empty() {
            lines.push(format!("ORG:{}", vcard_text(self.organisation)));
        }
        lines.push(format!("URL:{}", vcard_uri(self.url)));
        for (network, url) in &self.links {
            lines.push(format!(
                "X-SOCIALPROFILE;TYPE={}:{}",
                vcard_param(network),
                vcard_uri(url)
            ));
        }
        lines.push("END:VCARD".to_string());
        lines
            .iter()
            .map(|l| fold(l))
            .collect::<Vec<_>>()
            .join("\r\n")
            + "\r\n"
    }
}

/// A TEXT value as RFC 6350 (and vCard 3.0's RFC 2426) escapes it:
/// backslash, comma and semicolon escaped, a line break (CRLF, LF or CR)
/// written `\n`, other control characters left out. A value can never
/// start a property line of its own.
fn vcard_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ',' => out.push_str("\\,"),
            ';' => out.push_str("\\;"),
            '\r' if chars.peek() == Some(&'\n') => {}
            '\r' | '\n' => out.push_str("\\n"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// A URI value: no escaping in vCard, so anything that could end the line
/// or confuse a reader is percent-encoded.
fn vcard_uri(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_control() || c == ' ' {
            let mut buf = [0u8; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// A parameter value (`TYPE=`): letters, digits and dashes only.
fn vcard_param(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
        .collect()
}

/// vCard lines longer than 75 bytes continue on lines starting with a space.
fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + 8);
    let mut width = 0;
    for c in line.chars() {
        if width + c.len_utf8() > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += c.len_utf8();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn linkedin_and_facebook_take_only_the_address() {
        let l = intent("linkedin", "https://h.example/people/a/", "Hi", "S").unwrap();
        assert_eq!(l.url, "https://www.linkedin.com/sharing/share-offsite/?url=https%3A%2F%2Fh.example%2Fpeople%2Fa%2F");
        let x = intent("x", "https://h.example/a/", "Meet Amara & co", "S").unwrap();
        assert_eq!(x.url, "https://x.com/intent/post?text=Meet%20Amara%20%26%20co%20https%3A%2F%2Fh.example%2Fa%2F");
    }

    #[test]
    fn vcards_escape_and_fold() {
        let card = VCard {
            name: "Amara Okafor",
            role: Some("Lead, Comms; Digital"),
            organisation: "Riverside",
            url: "https://h/a/",
            links: vec![],
        };
        let text = card.render();
        assert!(text.contains("N:Okafor;Amara;;;\r\n"));
        assert!(text.contains("TITLE:Lead\\, Comms\\; Digital\r\n"));
        assert!(text.lines().all(|l| l.len() <= 76));
        // Nothing a field holds starts a property line of its own.
        let card = VCard {
            name: "Amara\r\nEMAIL:evil@example.org",
            role: Some("Lead\nTEL:999"),
            organisation: "Riverside\r",
            url: "https://h/a/\r\nEMAIL:x@y",
            links: vec![("x\r\nEMAIL:z@w", "https://x/\nEMAIL:q@r")],
        };
        let text = card.render();
        let starts: Vec<&str> = text
            .split("\r\n")
            .map(|l| l.split([':', ';']).next().unwrap_or(""))
            .collect();
        assert!(
            !starts.contains(&"EMAIL") && !starts.contains(&"TEL"),
            "{text:?}"
        );
        assert!(
            text.contains("FN:Amara\\nEMAIL:evil@example.org"),
            "{text:?}"
        );
    }
}
