//! `convene init` and `convene new`: start a site, or a file in one, with
//! the right front matter already in place.

use crate::model::name_slug;
use crate::Error;
use std::borrow::Cow;
use std::path::{Path, PathBuf};

mod playbook_host;

pub use playbook_host::PlaybookHost;

include!(concat!(env!("OUT_DIR"), "/example_site.rs"));

/// Written beside the site so that publishing by `git push` works from the
/// first commit: CI for both common git hosts, the script they install
/// convene with, and the comms team's guide to it.
const PUBLISHING_FILES: &[(&str, &str)] = &[
    (
        ".github/workflows/convene.yml",
        include_str!("../publishing/github-workflow.yml"),
    ),
    (
        ".gitlab-ci.yml",
        include_str!("../publishing/gitlab-ci.yml"),
    ),
    (
        "ci/install-convene.sh",
        include_str!("../publishing/install-convene.sh"),
    ),
    ("PUBLISHING.md", include_str!("../PUBLISHING.md")),
    // The build output is made by CI, never committed.
    (".gitignore", "dist/\n.convene/\n"),
];

/// Where the publishing files name convene's version: `init` writes the
/// version that runs it, so CI builds with the convene the site was
/// started with, until someone changes that one line.
const VERSION_MARK: &str = "@CONVENE_VERSION@";

/// How `convene init` starts a site.
#[derive(Debug, Clone, Copy, Default)]
pub struct InitOptions {
    /// One example of each kind, with every field explained, instead of the
    /// whole example charity.
    pub blank: bool,
    /// Also write the configuration for serving the playbook there.
    pub playbook_host: Option<PlaybookHost>,
}

/// Write a site, and the files that publish it, into `dir`, which must be
/// new or empty. Returns the paths written, relative to `dir`.
pub fn init(dir: &Path, options: &InitOptions) -> Result<Vec<&'static str>, Error> {
    if dir.exists() && std::fs::read_dir(dir).map_or(true, |mut d| d.next().is_some()) {
        return Err(Error::Output(format!(
            "{} already exists and is not empty; choose a new folder name",
            dir.display()
        )));
    }
    let site = if options.blank {
        BLANK_SITE
    } else {
        EXAMPLE_SITE
    };
    let host_files = options
        .playbook_host
        .into_iter()
        .flat_map(PlaybookHost::files);
    let publishing = PUBLISHING_FILES
        .iter()
        .copied()
        .chain(host_files)
        .map(|(rel, text)| {
            let text = text.replace(VERSION_MARK, env!("CARGO_PKG_VERSION"));
            (rel, Cow::Owned(text.into_bytes()))
        });
    let files: Vec<(&str, Cow<[u8]>)> = site
        .iter()
        .map(|(rel, bytes)| (*rel, Cow::Borrowed(*bytes)))
        .chain(publishing)
        .collect();
    for (rel, bytes) in &files {
        let path = dir.join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| io(parent, e))?;
        }
        std::fs::write(&path, bytes).map_err(|e| io(&path, e))?;
    }
    Ok(files.into_iter().map(|(rel, _)| rel).collect())
}

fn io(path: &Path, e: std::io::Error) -> Error {
    Error::Io {
        path: path.to_path_buf(),
        message: e.to_string(),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Kind {
    Person,
    Story,
    Guideline,
    Campaign,
}

/// Create a new content file named after `name`; returns its path.
pub fn new_file(
    site: &Path,
    kind: Kind,
    name: &str,
    today: chrono::NaiveDate,
) -> Result<PathBuf, Error> {
    let slug = name_slug(name);
    if slug.is_empty() {
        return Err(Error::Output(format!(
            "`{name}` has no letters or digits to make a file name from"
        )));
    }
    if !site.join("hub.yaml").is_file() {
        return Err(Error::Output(format!(
            "{} has no hub.yaml, so it is not a convene site: run `convene new` in your site's folder, or name it with --site",
            site.display()
        )));
    }
    // Values as YAML strings (a JSON string is one), whatever the name holds:
    // quotes, backslashes, colons, line breaks.
    let yaml = |text: &str| serde_json::to_string(text).unwrap_or_else(|_| "\"\"".into());
    let title = yaml(name);
    // In comments and the body: one line, as typed.
    let said: String = name
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let (folder, stem, text) = match kind {
        Kind::Person => ("people", slug.clone(), format!(
            "---\nname: {title}\nrole: \nteam: \nlocation: \npronouns: \ntopics: []\n# photo: photos/{slug}.jpg\n# photo_alt: {}\nlinks: {{}}\n# Profiles are published only with consent: set this to true once {said} has agreed.\npublic: false\nresponding_level: 1\nresponds_on: []\ninternal:\n  email: \n---\n\nA few sentences about {said}: what they work on and what people can talk to them about.\n",
            yaml(&format!("Portrait of {said}"))
        )),
        Kind::Story => ("stories", format!("{}-{slug}", today.format("%Y-%m-%d")), format!(
            "---\ntitle: {title}\ndate: {}\n# campaign: campaign-slug\npeople: []\ntopics: []\nsummary: \n# Drafts appear only in the playbook until you remove this line.\ndraft: true\n---\n\nWrite the story here.\n",
            today.format("%Y-%m-%d")
        )),
        Kind::Guideline => ("guidelines", slug.clone(), format!(
            "---\ntitle: {title}\norder: 100\ntags: []\n# Guidelines are internal unless you write `audience: public`.\naudience: internal\n---\n\nWrite the guideline here.\n"
        )),
        Kind::Campaign => ("campaigns", slug.clone(), format!(
            "---\ntitle: {title}\nstarts: {}\nhashtags: []\nshare:\n  - {}\n---\n\nWhat the campaign is about, and how staff can help.\n",
            today.format("%Y-%m-%d"),
            yaml(&format!("I'm supporting {said}: {{link}}"))
        )),
    };
    let path = site.join(folder).join(format!("{stem}.md"));
    if path.exists() {
        return Err(Error::Output(format!(
            "{} already exists; pick another name",
            path.display()
        )));
    }
    std::fs::create_dir_all(site.join(folder)).map_err(|e| io(&site.join(folder), e))?;
    std::fs::write(&path, text).map_err(|e| io(&path, e))?;
    Ok(path)
}
