//! Contact details as the playbook shows them: emails and phone numbers a
//! colleague can tap (`mailto:`, `tel:`), and a manager as the linked name
//! of their profile rather than a slug. `internal` is a free-form map, so
//! what a value is comes from its key; a value that does not read as an
//! address stays plain text.

use super::context::plain_value;
use serde::Serialize;

/// One `internal` entry, ready to show.
#[derive(Serialize, Debug, Clone, PartialEq)]
pub struct ContactCtx {
    pub label: String,
    pub text: String,
    /// An address used as it is: `mailto:` or `tel:`.
    pub url: Option<String>,
    /// A page of this site, from its root (a manager's profile).
    pub page: Option<String>,
}

/// What the key of an `internal` entry says its value is.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Kind {
    Email,
    Phone,
    Manager,
    Other,
}

fn kind(key: &str) -> Kind {
    let key = key.to_lowercase();
    if key.contains("email") || key.contains("e-mail") {
        Kind::Email
    } else if key == "tel" || key.contains("phone") || key.contains("mobile") {
        Kind::Phone
    } else if key == "manager" {
        Kind::Manager
    } else {
        Kind::Other
    }
}

/// The interface text that names a common `internal` key in the page's
/// language (`email` is `e-bost` in Welsh). Other keys are the site's own
/// words and are shown as written.
pub fn label_key(key: &str) -> Option<&'static str> {
    match key {
        "email" => Some("contact-email"),
        "phone" => Some("contact-phone"),
        "mobile" => Some("contact-mobile"),
        "manager" => Some("contact-manager"),
        _ => None,
    }
}

/// One entry as shown. `person` finds a profile on this site by slug:
/// its name and page.
pub fn contact(
    key: &str,
    value: &serde_yaml::Value,
    person: &dyn Fn(&str) -> Option<(String, String)>,
) -> ContactCtx {
    let text = plain_value(value);
    let mut ctx = ContactCtx {
        label: key.to_string(),
        url: None,
        page: None,
        text,
    };
    match kind(key) {
        Kind::Email => ctx.url = mailto(&ctx.text),
        Kind::Phone => ctx.url = tel(&ctx.text),
        Kind::Manager => {
            if let Some((name, page)) = person(ctx.text.trim()) {
                ctx.text = name;
                ctx.page = Some(page);
            }
        }
        Kind::Other => {}
    }
    ctx
}

/// A `mailto:` link for text that reads as one email address, with every
/// character that means something in a URL percent-encoded.
pub fn mailto(text: &str) -> Option<String> {
    let address = text.trim();
    let address = address.strip_prefix("mailto:").unwrap_or(address);
    let (local, domain) = address.split_once('@')?;
    let fine = |part: &str| {
        !part.is_empty()
            && !part
                .chars()
                .any(|c| c.is_whitespace() || c.is_control() || "@<>\"(),;:[]\\".contains(c))
    };
    if !fine(local) || !fine(domain) || !domain.contains('.') {
        return None;
    }
    let mut url = String::from("mailto:");
    for b in address.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'.' | b'-' | b'_' | b'+' | b'@' => {
                url.push(b as char)
            }
            _ => url.push_str(&format!("%{b:02X}")),
        }
    }
    Some(url)
}

/// A `tel:` link for text that reads as one phone number: digits, an
/// optional leading `+`, and the spaces, dashes, dots, slashes and
/// brackets people write between them; anything else (an extension, a
/// second number) stays text.
pub fn tel(text: &str) -> Option<String> {
    let number = text.trim();
    let (plus, rest) = match number.strip_prefix('+') {
        Some(rest) => ("+", rest),
        None => ("", number),
    };
    if !rest
        .chars()
        .all(|c| c.is_ascii_digit() || " -./()".contains(c))
    {
        return None;
    }
    let digits: String = rest.chars().filter(char::is_ascii_digit).collect();
    (3..=20)
        .contains(&digits.len())
        .then(|| format!("tel:{plus}{digits}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails_and_phones_become_links_only_when_they_read_as_one() {
        assert_eq!(
            mailto("amara.okafor@riverside.example").as_deref(),
            Some("mailto:amara.okafor@riverside.example")
        );
        assert_eq!(
            mailto(" o'brien@x.example ").as_deref(),
            Some("mailto:o%27brien@x.example")
        );
        assert_eq!(
            mailto("a?cc=b@x.example").as_deref(),
            Some("mailto:a%3Fcc%3Db@x.example")
        );
        for bad in [
            "",
            "amara",
            "a@b",
            "a b@x.example",
            "a@x.example, b@x.example",
            "<a@x.example>",
        ] {
            assert_eq!(mailto(bad), None, "{bad:?}");
        }
        assert_eq!(tel("07700 900101").as_deref(), Some("tel:07700900101"));
        assert_eq!(
            tel("+44 (0)20 7946-0000").as_deref(),
            Some("tel:+4402079460000")
        );
        for bad in [
            "",
            "ext 12",
            "0770 ext 2",
            "+",
            "12",
            "javascript:1",
            "++44 1234",
        ] {
            assert_eq!(tel(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn a_manager_is_named_and_linked_when_they_have_a_profile() {
        let find = |slug: &str| {
            (slug == "callum-fraser")
                .then(|| ("Callum Fraser".into(), "people/callum-fraser/".into()))
        };
        let manager = contact("manager", &"callum-fraser".into(), &find);
        assert_eq!(
            (manager.text.as_str(), manager.page.as_deref()),
            ("Callum Fraser", Some("people/callum-fraser/"))
        );
        let elsewhere = contact("manager", &"Board of trustees".into(), &find);
        assert_eq!(
            (elsewhere.text.as_str(), elsewhere.page),
            ("Board of trustees", None)
        );
        let phone = contact("mobile", &serde_yaml::Value::from(7700900101u64), &find);
        assert_eq!(phone.url.as_deref(), Some("tel:7700900101"));
        assert_eq!(contact("slack", &"@amara".into(), &find).url, None);
    }
}
