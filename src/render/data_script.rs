//! Data for the theme's scripts (the directory filter, the playbook's
//! search), written as a script that sets one global rather than as JSON
//! to fetch: browsers refuse `fetch` for pages opened from the file system,
//! and a downloaded or shared-drive playbook is opened just that way.

use serde::Serialize;

/// `window.NAME = {...};`: JSON is a JavaScript expression, and in a file
/// of its own (not inline in HTML) no text in it can end the script early.
pub fn assign(name: &str, data: &impl Serialize) -> Vec<u8> {
    let mut script = format!("window.{name} = ").into_bytes();
    if serde_json::to_writer(&mut script, data).is_err() {
        return Vec::new();
    }
    script.extend_from_slice(b";\n");
    script
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_global_set_to_the_json() {
        let script = super::assign("conveneTest", &serde_json::json!({"a": ["</script>"]}));
        assert_eq!(
            String::from_utf8(script).unwrap(),
            "window.conveneTest = {\"a\":[\"</script>\"]};\n"
        );
    }
}
